/* api_tasks.c: tasks as JSON: a paginated list read in one statement, one task with its timeline, reports. */
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
		    events,
		    json_pack("{s:I, s:s, s:s, s:o, s:o, s:o}", "id", (json_int_t)t->events[i].id,
			      "kind", t->events[i].kind, "on_date", t->events[i].on_date, "unit",
			      jstr(t->events[i].unit), "text", jstr(t->events[i].text), "result",
			      jstr(t->events[i].result)));
	o = json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o}", "id",
		      (json_int_t)t->id, "type", "task", "content", t->content, "source",
		      jstr(t->source_label), "section", jstr(t->section), "deadline",
		      jstr(t->deadline_text), "due", jstr(t->due), "status",
		      task_status_code(t->status), "completed_on", jstr(t->completed_on),
		      "report_to", jstr(t->report_to), "units", units, "events", events);
	return api_send(r, o);
}
