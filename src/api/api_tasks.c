/* api_tasks.c: tasks as JSON: a paginated list read in one statement, one task with its timeline, reports. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "core/read/read.h"
#include "core/tasks/task.h"
#include "pages/pages.h"
#include "util/jw.h"

/* The response opened as a paged list, {"data":[, with the n tasks t, their statuses as of day. */
static void task_rows(struct http_req *r, struct jw *w, const struct read_task_row *t, size_t n,
		      const char *day)
{
	buf_reset(&r->out);
	r->ctype = "application/json";
	jw_raw(w, "{\"data\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			jw_raw(w, ",");
		ent_task_write(w, &t[i], day);
	}
}

/*
 * GET /api/v1/tasks: one statement per page (scope, filters and cursor in
 * SQL), statuses as of as_of (default today). The filters' fields are the
 * /tasks page's (page_task_list_fields), defined beside it.
 */
int api_tasks(struct http_req *r)
{
	const char *next = NULL;
	const char *since = http_arg(r, "modified_since");
	struct jw w = {&r->out, 0};
	struct read_task_filter f;
	struct read_task_row *t;
	struct read_tomb *tomb;
	struct read_page p;
	char today[11];
	size_t n, nt;
	int rc;

	read_today(today);
	api_page(r, NULL, &p);
	rc = page_task_filter(r, &f);
	if (rc == 0)
		rc = read_tasks(r->db, &r->acct, &p, &f, r->arena, &t, &n);
	if (rc == 0)
		rc = read_tombstones(r->db, READ_TASK, &p, r->arena, &tomb, &nt);
	if (rc < 0)
		return rc;
	/* Written straight into the response: a page is read often, and a JSON tree costs more than the store. */
	task_rows(r, &w, t, n, f.as_of ? f.as_of : today);
	for (size_t i = 0; i < nt; i++) {
		if (i || n)
			jw_raw(&w, ",");
		ent_tomb_write(&w, &tomb[i]);
	}
	if ((int64_t)n == p.limit) {
		next = arena_printf(r->arena, "/api/v1/tasks?after=%lld&limit=%lld%s%s%s",
				    (long long)t[n - 1].id, (long long)p.limit,
				    since ? "&modified_since=" : "", since ? since : "",
				    page_task_filter_query(r));
		if (!next)
			return ERR_NOMEM;
	}
	api_page_tail(&w, p.limit, n, next);
	return w.rc;
}

int api_session_tasks(struct http_req *r)
{
	const char *next = NULL;
	struct jw w = {&r->out, 0};
	struct read_task_row *t;
	struct read_session s;
	struct read_page p;
	char today[11];
	size_t n;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc < 0)
		return rc;
	read_today(today);
	api_page(r, NULL, &p);
	rc = read_session_tasks(r->db, &r->acct, s.id, &p, r->arena, &t, &n);
	if (rc < 0)
		return rc;
	task_rows(r, &w, t, n, today);
	if ((int64_t)n == p.limit) {
		next = arena_printf(r->arena, "/api/v1/sessions/%lld/tasks?after=%lld&limit=%lld",
				    (long long)s.id, (long long)t[n - 1].id, (long long)p.limit);
		if (!next)
			return ERR_NOMEM;
	}
	api_page_tail(&w, p.limit, n, next);
	return w.rc;
}

/* Task t as the API's one task, written straight into the response. */
static int send_task(struct http_req *r, const struct task *t)
{
	struct jw w = {&r->out, 0};

	buf_reset(&r->out);
	r->ctype = "application/json";
	ent_task_full_write(&w, t);
	return w.rc;
}

int api_task(struct http_req *r)
{
	struct task *t;
	char today[11];
	int rc;

	read_today(today);
	rc = read_task(r->db, &r->acct, r->id[0], today, r->arena, &t, &r->err);
	return rc < 0 ? rc : send_task(r, t);
}

/* --- a task's timeline, and the writes ------------------------------------- */

const struct http_field api_task_report_fields[] = {
    {"text", HF_MULTI, true, 4000, NULL, "Nội dung báo cáo (text)"},
    {"percent", HF_INT, false, 100, NULL, "Tiến độ phần trăm (percent)"},
    {"on", HF_DATE, false, 0, NULL, "Ngày báo cáo (on)"},
    {"result", HF_MULTI, false, 2000, NULL, "Kết quả, sản phẩm (result)"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị báo cáo (unit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_task_sendback_fields[] = {
    {"note", HF_MULTI, true, 2000, NULL, "Lý do trả lại (note)"},
    {"on", HF_DATE, false, 0, NULL, "Ngày trả lại (on)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_task_extend_fields[] = {
    {"deadline", HF_TEXT, true, 200, NULL, "Thời hạn mới (deadline)"},
    {"reason", HF_MULTI, true, 2000, NULL, "Lý do gia hạn (reason)"},
    {"decided_on", HF_DATE, false, 0, NULL, "Ngày quyết định (decided_on)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_task_patch_fields[] = {
    {"content", HF_MULTI, false, 4000, NULL, "Nội dung nhiệm vụ (content)"},
    {"leads", HF_JSON, false, 8000, NULL, "Đơn vị chủ trì (leads)"},
    {"coords", HF_JSON, false, 8000, NULL, "Đơn vị phối hợp (coords)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_task_confirm_fields[] = {
    {"on", HF_DATE, false, 0, NULL, "Ngày hoàn thành (on)"},
    {"note", HF_MULTI, false, 2000, NULL, "Ghi chú (note)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Loads task r->id[0] when the account sees it (a reporter: its unit's only), else 404. */
static int visible_task(struct http_req *r, struct task **ret)
{
	char today[11];

	read_today(today);
	return read_task(r->db, &r->acct, r->id[0], today, r->arena, ret, &r->err);
}

/* One event of task r->id[0] as its JSON object, with its self link. */
static int event_one(struct http_req *r, int64_t event, json_t **ret)
{
	struct read_event e;
	int rc = read_task_event(r->db, r->id[0], event, r->arena, &e, &r->err);

	if (rc < 0)
		return rc;
	*ret = ent_event_json(&e);
	if (*ret)
		json_object_set_new(*ret, "self",
				    json_sprintf("/api/v1/tasks/%lld/reports/%lld",
						 (long long)r->id[0], (long long)event));
	return 0;
}

/*
 * The task's timeline (reports, requests, confirmations), paginated, as the
 * list at /api/v1/tasks/#/what; each event's self is under .../reports/.
 */
static int task_events_list(struct http_req *r, const char *what)
{
	const char *path = arena_printf(r->arena, "tasks/%lld/%s", (long long)r->id[0], what);
	const char *item = arena_printf(r->arena, "tasks/%lld/reports", (long long)r->id[0]);
	struct read_event *e;
	struct read_page p;
	struct task *t;
	json_t *data;
	size_t n;
	int rc = visible_task(r, &t);

	if (!path || !item)
		return ERR_NOMEM;
	if (rc < 0)
		return rc;
	api_page(r, NULL, &p);
	p.parent = r->id[0];
	rc = read_task_events(r->db, &p, r->arena, &e, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_event_json(&e[i]), item, e[i].id);
	return api_list_send(r, path, NULL, &p, READ_TASK_EVENT, data, n, n ? e[n - 1].id : 0);
}

int api_task_reports(struct http_req *r)
{
	return task_events_list(r, "reports");
}

int api_task_timeline(struct http_req *r)
{
	return task_events_list(r, "timeline");
}

int api_task_children(struct http_req *r)
{
	const char *next = NULL;
	struct jw w = {&r->out, 0};
	struct task_child *c;
	struct read_page p;
	struct task *t;
	char today[11];
	size_t n;
	int rc = visible_task(r, &t);

	if (rc < 0)
		return rc;
	read_today(today);
	api_page(r, NULL, &p);
	rc = task_children_page(r->db, r->id[0], today, p.after, p.limit, r->arena, &c, &n);
	if (rc < 0)
		return err_set(&r->err, rc, "không đọc được nhiệm vụ con của nhiệm vụ số %lld",
			       (long long)r->id[0]);
	buf_reset(&r->out);
	r->ctype = "application/json";
	jw_raw(&w, "{\"data\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			jw_raw(&w, ",");
		ent_task_child_write(&w, &c[i]);
	}
	if ((int64_t)n == p.limit) {
		next =
		    arena_printf(r->arena, "/api/v1/tasks/%lld/children?after=%lld&limit=%lld",
				 (long long)r->id[0], (long long)c[n - 1].id, (long long)p.limit);
		if (!next)
			return ERR_NOMEM;
	}
	api_page_tail(&w, p.limit, n, next);
	return w.rc;
}

int api_task_report(struct http_req *r)
{
	struct task *t;
	json_t *o = NULL;
	int rc = visible_task(r, &t);

	if (rc == 0)
		rc = event_one(r, r->id[1], &o);
	return rc < 0 ? rc : api_send(r, o);
}

/*
 * POST /api/v1/tasks/#/reports: the web form's report (task_report, the
 * same rules) from JSON; 201 with the report and its Location.
 */
int api_task_report_add(struct http_req *r)
{
	struct task_report_input in = {0};
	int64_t ev = 0;
	char unit[24];
	struct task *t;
	json_t *o = NULL;
	int rc = visible_task(r, &t);

	if (rc < 0)
		return rc;
	rc = page_report_input(r, t, "on", &in, unit);
	if (rc < 0)
		return rc;
	rc = task_report(r->db, r->id[0], &in, &ev, &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(
		    r,
		    strncmp(r->err.msg, "đơn vị", strlen("đơn vị")) == 0     ? "unit"
		    : strncmp(r->err.msg, "tiến độ", strlen("tiến độ")) == 0 ? "percent"
									     : "on",
		    arena_strdup(r->arena, r->err.msg));
	if (rc == 0)
		rc = event_one(r, ev, &o);
	if (rc < 0)
		return rc;
	r->status = 201;
	r->location = arena_printf(r->arena, "/api/v1/tasks/%lld/reports/%lld", (long long)r->id[0],
				   (long long)ev);
	return api_send(r, o);
}

/* POST /api/v1/tasks/#/confirm: the office confirms completion (task_confirm); the task follows. */
int api_task_confirm(struct http_req *r)
{
	struct task *t;
	int rc = visible_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc == 0)
		rc = task_confirm(r->db, r->id[0], http_arg(r, "on"), http_arg(r, "note"), &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, "on", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_task(r);
}

/* POST /api/v1/tasks/#/sendback: the office sends a request to close back (task_send_back). */
int api_task_sendback(struct http_req *r)
{
	struct task *t;
	int rc = visible_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc == 0)
		rc = task_send_back(r->db, r->id[0], http_arg(r, "on"), http_arg(r, "note"),
				    &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r,
					strncmp(r->err.msg, "ngày", strlen("ngày")) == 0 ? "on"
					: strstr(r->err.msg, "lý do")			 ? "note"
											 : "",
					arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_task(r);
}

/* POST /api/v1/tasks/#/extend: the office extends the deadline (task_extend); the task follows. */
int api_task_extend(struct http_req *r)
{
	struct task_extend_input in = {.deadline = http_arg(r, "deadline"),
				       .reason = http_arg(r, "reason"),
				       .decided_on = http_arg(r, "decided_on")};
	struct task *t;
	int rc = visible_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc == 0)
		rc = task_extend(r->db, r->id[0], &in, &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, page_extend_field(r->err.msg),
					arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_task(r);
}

#define API_TASK_UNITS_MAX 50

/*
 * The units of input name (a JSON array of unit ids or names) into ret (arena
 * memory); absent: *ret_n 0 and false. Anything else is a field error.
 */
static int unit_array(struct http_req *r, const char *name, const char ***ret, size_t *ret_n,
		      bool *ret_given)
{
	const char *text = http_arg(r, name);
	json_t *arr;
	const char **v;
	size_t n;

	*ret_given = false;
	*ret = NULL;
	*ret_n = 0;
	if (!text)
		return 0;
	arr = json_loads(text, 0, NULL);
	if (!json_is_array(arr) || json_array_size(arr) > API_TASK_UNITS_MAX) {
		json_decref(arr);
		return http_field_error(r, name,
					arena_printf(r->arena,
						     "%s phải là một danh sách (tối đa %d) số hoặc "
						     "tên đơn vị",
						     name, API_TASK_UNITS_MAX));
	}
	n = json_array_size(arr);
	v = arena_alloc(r->arena, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; v && i < n; i++) {
		json_t *x = json_array_get(arr, i);

		if (json_is_integer(x))
			v[i] = arena_printf(r->arena, "%lld", (long long)json_integer_value(x));
		else if (json_is_string(x))
			v[i] = arena_strdup(r->arena, json_string_value(x));
		else
			v[i] = NULL;
		if (!v[i]) {
			json_decref(arr);
			return http_field_error(
			    r, name,
			    arena_printf(r->arena,
					 "%s: phần tử thứ %zu không phải số hay tên đơn vị", name,
					 i + 1));
		}
	}
	json_decref(arr);
	if (!v)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	*ret = v;
	*ret_n = n;
	*ret_given = true;
	return 0;
}

/*
 * PATCH /api/v1/tasks/#: the office edits an open task (task_edit): content,
 * and the lead and co-ordinating units, each kept when absent; leads replaces
 * both lists (coords absent: none). The task follows.
 */
int api_task_patch(struct http_req *r)
{
	struct task_edit_input in = {.content = http_arg(r, "content")};
	const char **leads = NULL, **coords = NULL;
	bool has_leads, has_coords;
	struct task *t;
	int rc = visible_task(r, &t);

	if (rc == 0)
		rc = page_task_assigner_only(r, t);
	if (rc < 0)
		return rc;
	rc = unit_array(r, "leads", &leads, &in.nleads, &has_leads);
	if (rc == 0)
		rc = unit_array(r, "coords", &coords, &in.ncoords, &has_coords);
	if (rc < 0)
		return rc;
	if (has_coords && !has_leads)
		return http_field_error(r, "leads",
					"leads: cần gửi cả đơn vị chủ trì khi đổi đơn vị phối hợp");
	in.has_units = has_leads;
	in.leads = leads;
	in.coords = coords;
	rc = task_edit(r->db, r->id[0], &in, &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(
		    r,
		    strncmp(r->err.msg, "nội dung", strlen("nội dung")) == 0 ? "content" : "leads",
		    arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_task(r);
}

const struct http_field api_task_add_fields[] = {
    {"parent_id", HF_INT, false, 0, NULL, "Nhiệm vụ cấp trên (parent_id)"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan giao (body)"},
    {"content", HF_MULTI, true, 4000, NULL, "Nội dung nhiệm vụ (content)"},
    {"leads", HF_JSON, true, 8000, NULL, "Đơn vị chủ trì (leads)"},
    {"coords", HF_JSON, false, 8000, NULL, "Đơn vị phối hợp (coords)"},
    {"deadline", HF_TEXT, false, 200, NULL, "Thời hạn (deadline)"},
    {"assigned_on", HF_DATE, false, 0, NULL, "Ngày giao (assigned_on)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* POST /api/v1/tasks with body: a new task of that body (task_assign); 201 with it. */
/* A new task's lead and co-ordinating units from the JSON arrays leads and coords. */
static int input_units(struct http_req *r, struct task_input *in)
{
	const char **leads, **coords;
	bool given;
	int rc = unit_array(r, "leads", &leads, &in->nleads, &given);

	if (rc == 0)
		rc = unit_array(r, "coords", &coords, &in->ncoords, &given);
	if (rc == 0) {
		in->leads = leads;
		in->coords = coords;
	}
	return rc;
}

/*
 * The answer to a task just given (rc from task_assign or task_split): 201
 * with the task and its Location, or its refusal as 422 on the field that
 * field_of names from the message (ERR_NOTFOUND: a unit nobody has).
 */
static int task_created(struct http_req *r, int rc, int64_t id, const char *today,
			const char *(*field_of)(const char *msg))
{
	struct task *t;

	if (rc == ERR_INVAL || rc == ERR_NOTFOUND)
		return http_field_error(r, field_of(r->err.msg),
					arena_strdup(r->arena, r->err.msg));
	if (rc == 0)
		rc = read_task(r->db, &r->acct, id, today, r->arena, &t, &r->err);
	if (rc < 0)
		return rc;
	r->status = 201;
	r->location = arena_printf(r->arena, "/api/v1/tasks/%lld", (long long)id);
	return send_task(r, t);
}

static int api_task_assign(struct http_req *r, const char *today)
{
	struct task_input in = {.content = http_arg(r, "content"),
				.deadline = http_arg(r, "deadline"),
				.assigned_on = http_arg(r, "assigned_on")};
	const char *name;
	int64_t body = http_arg_int(r, "body", 0), id;
	int rc = read_body_name(r->db, &r->acct, body, r->arena, &name, &r->err);

	if (rc == ERR_NOTFOUND)
		return http_field_error(r, "body", arena_strdup(r->arena, r->err.msg));
	if (rc == 0)
		rc = input_units(r, &in);
	if (rc < 0)
		return rc;
	rc = task_assign(r->db, body, &in, &id, &r->err);
	return task_created(r, rc, id, today, page_assign_field);
}

/*
 * POST /api/v1/tasks: the form "Giao tiếp cho đơn vị" from JSON: task
 * parent_id broken down into a task for units of the body it was given to
 * (task_split, the same rules); without parent_id, the form "Giao nhiệm vụ"
 * of /tasks: a new task of body for its units or its lower bodies
 * (task_assign). 201 with the new task and its Location.
 */
int api_task_add(struct http_req *r)
{
	struct task_input in = {.content = http_arg(r, "content"),
				.deadline = http_arg(r, "deadline"),
				.assigned_on = http_arg(r, "assigned_on")};
	struct task *parent;
	char today[11];
	int64_t body, id;
	int rc;

	read_today(today);
	if (!http_arg(r, "parent_id") == !http_arg(r, "body"))
		return http_field_error(r, "body",
					"cần đúng một trong hai: body (cơ quan giao nhiệm vụ mới) "
					"hoặc parent_id (nhiệm vụ được giao tiếp)");
	if (!http_arg(r, "parent_id"))
		return api_task_assign(r, today);
	rc = read_task(r->db, &r->acct, http_arg_int(r, "parent_id", 0), today, r->arena, &parent,
		       &r->err);
	if (rc == ERR_NOTFOUND)
		return http_field_error(r, "parent_id", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	body = read_task_split_body(r->db, &r->acct, parent);
	if (!body)
		return err_set(&r->err, ERR_PERM,
			       "Tài khoản %s không giao tiếp được nhiệm vụ số %lld: nhiệm vụ không "
			       "giao cho cơ quan trong phạm vi của tài khoản",
			       r->acct.login, (long long)parent->id);
	rc = input_units(r, &in);
	if (rc < 0)
		return rc;
	rc = task_split(r->db, parent->id, body, &in, &id, &r->err);
	return task_created(r, rc, id, today, page_split_field);
}

const struct http_field api_task_stats_fields[] = {
    {"by", HF_ENUM, true, 0, "body", "Nhóm theo (by)"},
    {"rollup", HF_ENUM, true, 0, "1", "Cộng dồn cấp dưới (rollup)"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan gốc (body)"},
    {"as_of", HF_DATE, false, 0, NULL, "Tính đến ngày (as_of)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * GET /api/v1/tasks/stats?by=body&rollup=1[&body=B][&as_of=D]: each body in
 * the reader's scope (or B and those under it) with the counts of the tasks it
 * assigned (own) and of its whole subtree (subtree), in tree order.
 */
int api_task_stats(struct http_req *r)
{
	const char *as_of = http_arg(r, "as_of");
	struct read_rollup_row *rows;
	char today[11];
	json_t *data;
	size_t n;
	int rc;

	read_today(today);
	if (!as_of)
		as_of = today;
	rc = read_task_rollup(r->db, &r->acct, http_arg_int(r, "body", 0), as_of, r->arena, &rows,
			      &n, &r->err);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data, ent_rollup_json(&rows[i]));
	return api_send(r,
			json_pack("{s:s, s:s, s:o}", "as_of", as_of, "by", "body", "data", data));
}
