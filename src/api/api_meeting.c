/* api_meeting.c: terms, agenda items and conclusion notices as JSON, paginated, in the account's scope. */
#include "api/api.h"

const struct http_field api_term_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* Lists of what a session owns: its agenda items, its notices. */
const struct http_field api_session_child_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {"session", HF_INT, false, 0, NULL, "Phiên họp (session)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A reference to a session: id, number, date and its URL (null when there is none). */
static json_t *session_ref(struct db_q *q, int col)
{
	if (db_col_null(q, col))
		return json_null();
	return json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)db_col_int(q, col), "number",
			 api_col_int(q, col + 1), "date", api_col_text(q, col + 2), "self",
			 json_sprintf("/api/v1/sessions/%lld", (long long)db_col_int(q, col)));
}

/* SQL_WEB_TERMS / SQL_WEB_TERM: id, body, body name, name, years, dates. */
static json_t *term_json(struct db_q *q)
{
	long long body = (long long)db_col_int(q, 1);

	return json_pack("{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)db_col_int(q, 0), "type", "term", "name", api_col_text(q, 3),
			 "body", (json_int_t)body, "body_name", api_col_text(q, 2), "year_from",
			 api_col_int(q, 4), "year_to", api_col_int(q, 5), "start_date",
			 api_col_text(q, 6), "end_date", api_col_text(q, 7), "body_url",
			 json_sprintf("/api/v1/bodies/%lld", body));
}

/*
 * SQL_WEB_AGENDA_ITEMS / SQL_WEB_AGENDA_ITEM: id, session (id, number, date),
 * position, kind, title, outcome, presenter, then the document when the
 * account is cleared for it (its id column is NULL otherwise).
 */
static json_t *agenda_json(struct db_q *q)
{
	json_t *docs = json_array();

	if (!db_col_null(q, 9))
		json_array_append_new(
		    docs,
		    json_pack("{s:I, s:o, s:o, s:o, s:o}", "id", (json_int_t)db_col_int(q, 9),
			      "type_code", api_col_text(q, 12), "symbol", api_col_text(q, 10),
			      "title", api_col_text(q, 11), "self",
			      json_sprintf("/api/v1/documents/%lld", (long long)db_col_int(q, 9))));
	return json_pack("{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)db_col_int(q, 0), "type", "agendaItem", "session",
			 session_ref(q, 1), "position", (json_int_t)db_col_int(q, 4), "doc_kind",
			 api_col_text(q, 5), "title", api_col_text(q, 6), "outcome",
			 api_col_text(q, 7), "presenter", api_col_text(q, 8), "documents", docs);
}

/*
 * SQL_WEB_NOTICES / SQL_WEB_NOTICE: id, session (id, number, date), body,
 * body name, term, status, version, number, symbol, issue date, corrects,
 * created, issued.
 */
static json_t *notice_json(struct db_q *q)
{
	long long id = (long long)db_col_int(q, 0);

	return json_pack(
	    "{s:I, s:s, s:o, s:I, s:o, s:o, s:o, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
	    "id", (json_int_t)id, "type", "notice", "session", session_ref(q, 1), "body",
	    (json_int_t)db_col_int(q, 4), "body_name", api_col_text(q, 5), "term",
	    api_col_int(q, 6), "status", api_col_text(q, 7), "version",
	    (json_int_t)db_col_int(q, 8), "number", api_col_int(q, 9), "symbol",
	    api_col_text(q, 10), "issue_date", api_col_text(q, 11), "corrects", api_col_int(q, 12),
	    "created", api_col_text(q, 13), "issued", api_col_text(q, 14), "pdf",
	    json_sprintf("/notices/%lld/pdf", id), "docx", json_sprintf("/notices/%lld/docx", id));
}

int api_terms(struct http_req *r)
{
	static const struct api_list_spec spec = {.st = SQL_WEB_TERMS,
						  .tbl = "term",
						  .path = "terms",
						  .fn = term_json,
						  .filter = "body",
						  .parent_key = "$.body_id"};

	return api_list(r, &spec);
}

int api_term(struct http_req *r)
{
	json_t *o = NULL;
	int rc = api_one(r, SQL_WEB_TERM, term_json, &o);

	return rc < 0 ? rc : api_send(r, o);
}

int api_agenda_items(struct http_req *r)
{
	static const struct api_list_spec spec = {.st = SQL_WEB_AGENDA_ITEMS,
						  .tbl = "agenda_item",
						  .path = "agenda-items",
						  .fn = agenda_json,
						  .filter = "session",
						  .parent_key = "$.session_id"};

	return api_list(r, &spec);
}

int api_agenda_item(struct http_req *r)
{
	json_t *o = NULL;
	int rc = api_one(r, SQL_WEB_AGENDA_ITEM, agenda_json, &o);

	return rc < 0 ? rc : api_send(r, o);
}

int api_notices(struct http_req *r)
{
	static const struct api_list_spec spec = {.st = SQL_WEB_NOTICES,
						  .tbl = "notice",
						  .path = "notices",
						  .fn = notice_json,
						  .filter = "session",
						  .parent_key = "$.session_id"};

	return api_list(r, &spec);
}

int api_notice(struct http_req *r)
{
	json_t *o = NULL;
	int rc = api_one(r, SQL_WEB_NOTICE, notice_json, &o);

	return rc < 0 ? rc : api_send(r, o);
}
