/* api_tasks.c: tasks as JSON: a paginated list read in one statement, one task with its timeline, reports. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "core/task.h"
#include "pages/pages.h"

const struct http_field api_task_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị (unit)"},
    {NULL, 0, false, 0, NULL, NULL},
};

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/*
 * GET /api/v1/tasks: one statement per page (scope, unit and cursor in SQL),
 * statuses derived here as core/task.c derives them.
 */
int api_tasks(struct http_req *r)
{
	int64_t after = http_arg_int(r, "after", 0), limit = http_arg_int(r, "limit", 50), last = 0;
	int64_t unit = http_arg_int(r, "unit", 0);
	const char *since = http_arg(r, "modified_since");
	char today[11], since_cmp[20] = "";
	json_t *data = json_array(), *links = json_object();
	struct db_q *q;
	int rc, n = 0;

	page_today(today);
	if (since)
		snprintf(since_cmp, sizeof(since_cmp), "%.19s", since);
	if (strcmp(r->acct.role, "reporter") == 0)
		unit = r->acct.unit_id;
	rc = db_prepare(r->db, SQL_WEB_TASKS, &q);
	if (rc == 0)
		rc = db_bindv(q, "iiiti", r->acct.id, after, limit, since_cmp, unit);
	while (rc == 0 && (rc = db_step(q)) == 1) {
		const char *due = db_col_text(q, 4), *done = db_col_text(q, 6);
		bool standing = db_col_int(q, 12) != 0;
		enum task_status st = task_status_at(standing, due, done, today);

		last = db_col_int(q, 0);
		json_array_append_new(
		    data,
		    json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:o, s:s}",
			      "id", (json_int_t)last, "type", "task", "content",
			      jstr(db_col_text(q, 1)), "assigned_on", jstr(db_col_text(q, 2)),
			      "deadline", jstr(db_col_text(q, 3)), "due", jstr(due), "status",
			      task_status_code(st), "status_name", task_status_name(st),
			      "completed_on", jstr(done), "last_report_on", jstr(db_col_text(q, 7)),
			      "lead", jstr(db_col_text(q, 11)), "source_doc",
			      db_col_null(q, 8) ? json_null() : json_integer(db_col_int(q, 8)),
			      "self", ""));
		json_object_set_new(json_array_get(data, json_array_size(data) - 1), "self",
				    json_sprintf("/api/v1/tasks/%lld", (long long)last));
		json_object_set_new(json_array_get(data, json_array_size(data) - 1), "reports",
				    json_sprintf("/api/v1/tasks/%lld/reports", (long long)last));
		n++;
		rc = 0;
	}
	if (rc >= 0)
		db_done(q);
	if (rc == 0 && since) {
		rc = db_prepare(r->db, SQL_AUDIT_TOMBSTONES, &q);
		if (rc == 0)
			rc = db_bindv(q, "tt", "task", since_cmp);
		while (rc == 0 && (rc = db_step(q)) == 1) {
			json_array_append_new(
			    data, json_pack("{s:I, s:b, s:s}", "id", (json_int_t)db_col_int(q, 0),
					    "deleted", 1, "modified", db_col_text(q, 1)));
			rc = 0;
		}
		if (rc >= 0)
			db_done(q);
	}
	if (rc < 0) {
		json_decref(data);
		json_decref(links);
		return rc;
	}
	if (n == limit)
		json_object_set_new(
		    links, "next",
		    json_sprintf("/api/v1/tasks?after=%lld&limit=%lld%s%s%s%s", (long long)last,
				 (long long)limit, since ? "&modified_since=" : "",
				 since ? since : "", http_arg(r, "unit") ? "&unit=" : "",
				 http_arg(r, "unit") ? http_arg(r, "unit") : ""));
	return api_send(r, json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination",
				     "limit", (json_int_t)limit, "count", n, "links", links));
}

int api_task(struct http_req *r)
{
	json_t *o, *units, *events;
	struct task *t;
	char today[11];
	int rc;

	page_today(today);
	rc = task_get(r->db, r->id[0], today, r->arena, &t, &r->err);
	if (rc < 0)
		return rc;
	if (!page_task_visible(r, t))
		return err_set(&r->err, ERR_NOTFOUND, "Không có nhiệm vụ số %lld",
			       (long long)r->id[0]);
	units = json_array();
	for (size_t i = 0; i < t->nunits; i++)
		json_array_append_new(units,
				      json_pack("{s:I, s:s, s:s}", "id", (json_int_t)t->units[i].id,
						"name", t->units[i].name, "role",
						t->units[i].lead ? "lead" : "coord"));
	events = json_array();
	for (size_t i = 0; i < t->nevents; i++)
		json_array_append_new(
		    events, json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o}", "id",
				      (json_int_t)t->events[i].id, "kind", t->events[i].kind,
				      "on_date", t->events[i].on_date, "unit",
				      jstr(t->events[i].unit), "text", jstr(t->events[i].text),
				      "result", jstr(t->events[i].result), "percent",
				      t->events[i].percent >= 0 ? json_integer(t->events[i].percent)
								: json_null()));
	o = json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}", "id",
		      (json_int_t)t->id, "type", "task", "content", t->content, "source",
		      jstr(t->source_label), "section", jstr(t->section), "deadline",
		      jstr(t->dl.words), "due", jstr(t->due), "status", task_status_code(t->status),
		      "completed_on", jstr(t->completed_on), "report_to", jstr(t->report_to),
		      "units", units, "events", events);
	json_object_set_new(o, "reports",
			    json_sprintf("/api/v1/tasks/%lld/reports", (long long)t->id));
	return api_send(r, o);
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

const struct http_field api_task_confirm_fields[] = {
    {"on", HF_DATE, false, 0, NULL, "Ngày hoàn thành (on)"},
    {"note", HF_MULTI, false, 2000, NULL, "Ghi chú (note)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* SQL_WEB_TASK_EVENTS / SQL_WEB_TASK_EVENT: id, task, kind, date, unit, unit name, text, result, percent. */
static json_t *event_json(struct db_q *q)
{
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)db_col_int(q, 0), "type", "taskReport", "task",
			 (json_int_t)db_col_int(q, 1), "kind", api_col_text(q, 2), "on_date",
			 api_col_text(q, 3), "unit", api_col_int(q, 4), "unit_name",
			 api_col_text(q, 5), "text", api_col_text(q, 6), "result",
			 api_col_text(q, 7), "percent", api_col_int(q, 8));
}

/* Loads task r->id[0] when the account sees it (a reporter: its unit's only), else 404. */
static int visible_task(struct http_req *r, struct task **ret)
{
	char today[11];
	int rc;

	page_today(today);
	rc = task_get(r->db, r->id[0], today, r->arena, ret, &r->err);
	if (rc == 0 && !page_task_visible(r, *ret))
		rc = err_set(&r->err, ERR_NOTFOUND, "Không có nhiệm vụ số %lld",
			     (long long)r->id[0]);
	return rc;
}

/* One event of task r->id[0] as its JSON object, with its self link. */
static int event_one(struct http_req *r, int64_t event, json_t **ret)
{
	struct db_q *q;
	int rc;

	rc = db_prepare(r->db, SQL_WEB_TASK_EVENT, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->id[0], event);
	if (rc == 0)
		rc = db_step(q);
	if (rc == 1) {
		*ret = event_json(q);
		json_object_set_new(*ret, "self",
				    json_sprintf("/api/v1/tasks/%lld/reports/%lld",
						 (long long)r->id[0], (long long)event));
	}
	db_done(q);
	if (rc == 0)
		return err_set(&r->err, ERR_NOTFOUND, "Nhiệm vụ số %lld không có báo cáo số %lld",
			       (long long)r->id[0], (long long)event);
	return rc < 0 ? rc : 0;
}

/* GET /api/v1/tasks/#/reports: the task's timeline (reports, requests, confirmations), paginated. */
int api_task_reports(struct http_req *r)
{
	struct api_list_spec spec = {.st = SQL_WEB_TASK_EVENTS,
				     .tbl = "task_event",
				     .fn = event_json,
				     .parent = r->id[0],
				     .parent_key = "$.task_id"};
	struct task *t;
	int rc = visible_task(r, &t);

	if (rc < 0)
		return rc;
	spec.path = arena_printf(r->arena, "tasks/%lld/reports", (long long)r->id[0]);
	return api_list(r, &spec);
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
		rc = task_confirm(r->db, r->id[0], http_arg(r, "on"), http_arg(r, "note"), &r->err);
	if (rc == ERR_INVAL)
		return http_field_error(r, "on", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	return api_task(r);
}
