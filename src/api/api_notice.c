/* api_notice.c: the JSON twins of the notice composer: a draft from a session, its template, its task rows, issuing. */
#include <string.h>

#include "api/api.h"
#include "core/notice/notice.h"
#include "core/read/tx.h"
#include "pages/pages.h"
#include "render/notice_view.h"

const struct http_field api_notice_add_fields[] = {
    {"session_id", HF_INT, true, 0, NULL, "Phiên họp (session_id)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_notice_issue_fields[] = {
    {"date", HF_DATE, false, 0, NULL, "Ngày ban hành (date)"},
    {"signer", HF_TEXT, false, 120, NULL, "Người ký (signer)"},
    {"position", HF_TEXT, false, 120, NULL, "Chức vụ người ký (position)"},
    {"authority", HF_ENUM, false, 0, "T/M|K/T|T/L|TM.|KT.|TL.|Q.", "Hình thức ký (authority)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Answers with notice id as GET /api/v1/notices/# gives it, with status. */
static int notice_answer(struct http_req *r, int64_t id, int status)
{
	int rc;

	r->id[0] = id;
	rc = api_notice(r);
	if (rc == 0)
		r->status = status;
	return rc;
}

/* POST /api/v1/notices {session_id}: the draft composed from the session (notice_compose). */
int api_notice_add(struct http_req *r)
{
	struct read_session s;
	int64_t id = 0;
	int rc =
	    read_session(r->db, &r->acct, http_arg_int(r, "session_id", 0), r->arena, &s, &r->err);

	/* a session outside the scope is bad input here: 400 naming session_id */
	if (rc == 0)
		rc = notice_create_for_session(r->db, s.id, &id, &r->err);
	if (rc < 0)
		return api_refused(r, rc, "session_id");
	r->location = arena_printf(r->arena, "/api/v1/notices/%lld", (long long)id);
	return notice_answer(r, id, 201);
}

/* GET /api/v1/notices/#/check: the draft's warnings and the errors that block issuing. */
int api_notice_check(struct http_req *r)
{
	struct notice_row row;
	struct notice_doc doc;
	json_t *msgs, *o;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = notice_load(r->db, row.id, r->arena, &row, &doc, &r->err);
	if (rc < 0)
		return rc;
	msgs = json_array();
	for (size_t i = 0; i < doc.nmsgs; i++)
		json_array_append_new(
		    msgs, json_pack("{s:s, s:s, s:i, s:i, s:s}", "severity",
				    doc.msgs[i].sev == NOTICE_ERROR ? "error" : "warning", "kind",
				    doc.msgs[i].kind, "line", doc.msgs[i].line, "column",
				    doc.msgs[i].col, "text", doc.msgs[i].text));
	o = json_pack("{s:I, s:s, s:b, s:I, s:I, s:o, s:s}", "id", (json_int_t)row.id, "status",
		      row.status, "can_issue",
		      strcmp(row.status, "draft") == 0 && !doc.nerrors && !doc.nunresolved,
		      "errors", (json_int_t)doc.nerrors, "unresolved", (json_int_t)doc.nunresolved,
		      "messages", msgs, "template", row.source_tmpl);
	return api_send(r, o);
}

/* PUT /api/v1/notices/#/template {template}: replaces a draft's template. */
int api_notice_template(struct http_req *r)
{
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = tx_begin(r->db, &r->err);
	if (rc < 0)
		return rc;
	rc = tx_end(r->db, notice_set_template(r->db, row.id, http_arg(r, "template"), &r->err),
		    &r->err);
	if (rc < 0)
		return api_refused(r, rc, "template");
	return api_notice_check(r);
}

/*
 * GET /api/v1/notices/#/tasks: the rows in order, paged by position (after,
 * limit); links.next carries the cursor.
 */
int api_notice_tasks(struct http_req *r)
{
	struct notice_task *t = NULL;
	struct notice_row row;
	struct read_page p;
	json_t *data, *links;
	size_t n = 0;
	int rc = page_notice_row(r, &row);

	api_page(r, NULL, &p);
	if (rc == 0)
		rc = notice_tasks_page(r->db, row.id, p.after, p.limit, r->arena, &t, &n, &r->err);
	if (rc < 0)
		return rc;
	data = json_array();
	links = json_object();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data, ent_notice_task_json(row.id, &t[i]));
	if ((int64_t)n == p.limit)
		json_object_set_new(links, "next",
				    json_sprintf("/api/v1/notices/%lld/tasks?after=%d&limit=%lld",
						 (long long)row.id, t[n - 1].position,
						 (long long)p.limit));
	return api_send(r,
			json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination", "limit",
				  (json_int_t)p.limit, "count", (int)n, "links", links));
}

/* The draft's rows after a change: every one, in order. */
static int notice_rows_send(struct http_req *r, int64_t notice_id)
{
	struct notice_task *t = NULL;
	json_t *data;
	size_t n = 0;
	int rc = notice_tasks(r->db, notice_id, r->arena, &t, &n, &r->err);

	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(data, ent_notice_task_json(notice_id, &t[i]));
	return api_send(r, json_pack("{s:o}", "data", data));
}

/* POST /api/v1/notices/#/tasks: a task row of the draft; 201 with the rows. */
int api_notice_task_add(struct http_req *r)
{
	int64_t coords[NOTICE_TASK_COORDS_MAX], id = 0;
	struct notice_task_in in;
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = page_notice_task_input(r, coords, &in);
	if (rc < 0 || r->nferr)
		return rc < 0 ? rc : ERR_INVAL;
	rc = notice_task_add(r->db, row.id, &in, &id, &r->err);
	if (rc < 0) {
		const char *f = page_notice_task_err_field(r->err.msg);

		return api_refused(r, rc, strcmp(f, "coord1") == 0 ? "coord_unit_ids" : f);
	}
	r->location = arena_printf(r->arena, "/api/v1/notices/%lld/tasks", (long long)row.id);
	rc = notice_rows_send(r, row.id);
	if (rc == 0)
		r->status = 201;
	return rc;
}

int api_notice_task_remove(struct http_req *r)
{
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = notice_task_remove(r->db, row.id, r->id[1], &r->err);
	/* a row not of this notice is a missing page (404), as the notice's own */
	if (rc < 0)
		return rc == ERR_NOTFOUND ? rc : api_refused(r, rc, "");
	return notice_rows_send(r, row.id);
}

/* POST /api/v1/notices/#/issue {date?, signer?, position?, authority?}. */
int api_notice_issue(struct http_req *r)
{
	struct notice_issue_in in = {.date = http_arg(r, "date"),
				     .sig_name = http_arg(r, "signer"),
				     .sig_position = http_arg(r, "position"),
				     .sig_form = http_arg(r, "authority")};
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = notice_issue_with_pdf(r->db, row.id, &in, r->arena, &r->err);
	if (rc < 0)
		return api_refused(r, rc, rc == ERR_CHECK ? "template" : "");
	return notice_answer(r, row.id, 200);
}
