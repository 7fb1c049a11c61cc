/* api_v1.c: the JSON API in the OParl manner: bodies, sessions, documents; paginated, with tombstones. */
#include <string.h>

#include "api/api.h"

const struct http_field api_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {NULL, 0, false, 0, NULL, NULL},
};

int api_send(struct http_req *r, json_t *j)
{
	char *s;
	int rc;

	if (!j)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!s)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	buf_reset(&r->out);
	rc = buf_puts(&r->out, s);
	free(s);
	r->ctype = "application/json";
	return rc;
}

int api_error(struct http_req *r, int code)
{
	json_t *fields = json_object();

	for (int i = 0; i < r->nferr; i++)
		json_object_set_new(fields, r->ferr[i].name[0] ? r->ferr[i].name : "_",
				    json_string(r->ferr[i].msg));
	return api_send(r, json_pack("{s:{s:s, s:i, s:s, s:o}}", "error", "code", err_name(code),
				     "status", err_http(code), "message", err_msg(&r->err, code),
				     "fields", fields));
}

json_t *api_col_text(struct db_q *q, int col)
{
	const char *s = db_col_text(q, col);

	return s ? json_string(s) : json_null();
}

json_t *api_col_int(struct db_q *q, int col)
{
	return db_col_null(q, col) ? json_null() : json_integer(db_col_int(q, col));
}

/* modified_since as stored times compare: "2023-10-04T08:00:00Z" → "2023-10-04T08:00:00". */
static const char *since_arg(struct http_req *r)
{
	const char *v = http_arg(r, "modified_since");
	size_t n = v ? strlen(v) : 0;

	if (!n)
		return "";
	return n == 20 ? arena_strndup(r->arena, v, 19) : v;
}

/* The tombstones of s->tbl deleted since, appended to data; only those under parent when set. */
static int api_tombstones(struct http_req *r, const struct api_list_spec *s, const char *since,
			  int64_t parent, json_t *data)
{
	struct db_q *q;
	int rc;

	if (parent && s->parent_key) {
		rc = db_prepare(r->db, SQL_WEB_TOMBSTONES_UNDER, &q);
		if (rc == 0)
			rc = db_bindv(q, "ttti", s->tbl, since, s->parent_key, parent);
	} else {
		rc = db_prepare(r->db, SQL_AUDIT_TOMBSTONES, &q);
		if (rc == 0)
			rc = db_bindv(q, "tt", s->tbl, since);
	}
	while (rc == 0 && (rc = db_step(q)) == 1) {
		json_array_append_new(data, json_pack("{s:I, s:b, s:s}", "id",
						      (json_int_t)db_col_int(q, 0), "deleted", 1,
						      "modified", db_col_text(q, 1)));
		rc = 0;
	}
	if (rc >= 0)
		db_done(q);
	return rc;
}

int api_list(struct http_req *r, const struct api_list_spec *s)
{
	int64_t after = http_arg_int(r, "after", 0), limit = http_arg_int(r, "limit", 50), last = 0;
	int64_t parent = s->filter ? http_arg_int(r, s->filter, 0) : s->parent;
	const char *since = since_arg(r), *ms = http_arg(r, "modified_since");
	json_t *data = json_array(), *links = json_object(), *o;
	bool five = s->filter || s->parent_key;
	struct db_q *q;
	int rc, n = 0;

	rc = db_prepare(r->db, s->st, &q);
	if (rc == 0)
		rc = five ? db_bindv(q, "iiiti", r->acct.id, after, limit, since, parent)
			  : db_bindv(q, "iiit", r->acct.id, after, limit, since);
	while (rc == 0 && (rc = db_step(q)) == 1) {
		last = db_col_int(q, 0);
		o = s->fn(q);
		json_object_set_new(o, "self",
				    json_sprintf("/api/v1/%s/%lld", s->path, (long long)last));
		json_array_append_new(data, o);
		n++;
		rc = 0;
	}
	if (rc >= 0)
		db_done(q);
	if (rc == 0 && *since)
		rc = api_tombstones(r, s, since, parent, data);
	if (rc < 0) {
		json_decref(data);
		json_decref(links);
		return rc;
	}
	if (n == limit) {
		const char *f = s->filter && parent ? arena_printf(r->arena, "&%s=%lld", s->filter,
								   (long long)parent)
						    : "";

		json_object_set_new(links, "next",
				    json_sprintf("/api/v1/%s?after=%lld&limit=%lld%s%s%s", s->path,
						 (long long)last, (long long)limit, f,
						 ms ? "&modified_since=" : "", ms ? ms : ""));
	}
	return api_send(r, json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination",
				     "limit", (json_int_t)limit, "count", n, "links", links));
}

static json_t *body_json(struct db_q *q)
{
	long long id = (long long)db_col_int(q, 0);

	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)id, "type",
			 "body", "parent", api_col_int(q, 1), "level", api_col_text(q, 2), "kind",
			 api_col_text(q, 3), "name", api_col_text(q, 4), "code", api_col_text(q, 5),
			 "terms", json_sprintf("/api/v1/terms?body=%lld", id));
}

static json_t *session_json(struct db_q *q)
{
	return json_pack("{s:I, s:s, s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id",
			 (json_int_t)db_col_int(q, 0), "type", "session", "number",
			 (json_int_t)db_col_int(q, 1), "kind", api_col_text(q, 2), "date",
			 api_col_text(q, 3), "place", api_col_text(q, 4), "status",
			 api_col_text(q, 5), "organ", api_col_text(q, 6), "body",
			 api_col_text(q, 7), "term", api_col_text(q, 8));
}

/* The links of a session to what it owns. */
static json_t *session_json_linked(struct db_q *q)
{
	json_t *o = session_json(q);
	long long id = (long long)db_col_int(q, 0);

	json_object_set_new(o, "agendaItems",
			    json_sprintf("/api/v1/agenda-items?session=%lld", id));
	json_object_set_new(o, "notices", json_sprintf("/api/v1/notices?session=%lld", id));
	return o;
}

static json_t *document_json(struct db_q *q)
{
	return json_pack(
	    "{s:I, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)db_col_int(q, 0),
	    "type", "document", "type_code", api_col_text(q, 1), "symbol", api_col_text(q, 3),
	    "date", api_col_text(q, 4), "title", api_col_text(q, 5), "confidentiality",
	    api_col_text(q, 6), "status", api_col_text(q, 7), "body", api_col_int(q, 9));
}

int api_root(struct http_req *r)
{
	return api_send(
	    r,
	    json_pack("{s:s, s:s, s:{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}, "
		      "s:{s:s, s:s}}",
		      "name", "dondoc", "version", "v1", "links", "bodies", "/api/v1/bodies",
		      "terms", "/api/v1/terms", "sessions", "/api/v1/sessions", "agendaItems",
		      "/api/v1/agenda-items", "documents", "/api/v1/documents", "notices",
		      "/api/v1/notices", "tasks", "/api/v1/tasks", "indicators",
		      "/api/v1/indicators", "indicatorValues", "/api/v1/indicator-values", "ical",
		      "/ical/sessions.ics", "icalTasks", "/ical/tasks.ics", "audit",
		      "/api/v1/audit", "account", "login", r->acct.login, "role", r->acct.role));
}

int api_bodies(struct http_req *r)
{
	static const struct api_list_spec spec = {
	    .st = SQL_WEB_BODIES, .tbl = "body", .path = "bodies", .fn = body_json};

	return api_list(r, &spec);
}

int api_sessions(struct http_req *r)
{
	static const struct api_list_spec spec = {.st = SQL_WEB_SESSIONS,
						  .tbl = "session",
						  .path = "sessions",
						  .fn = session_json_linked};

	return api_list(r, &spec);
}

int api_documents(struct http_req *r)
{
	static const struct api_list_spec spec = {
	    .st = SQL_WEB_DOCUMENTS, .tbl = "document", .path = "documents", .fn = document_json};

	return api_list(r, &spec);
}

int api_one(struct http_req *r, enum db_stmt st, api_row_fn fn, json_t **ret)
{
	struct db_q *q;
	int rc;

	rc = db_prepare(r->db, st, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	if (rc == 0)
		rc = db_step(q);
	if (rc == 1)
		*ret = fn(q);
	db_done(q);
	if (rc == 0)
		return err_set(&r->err, ERR_NOTFOUND, "Không có đối tượng mã %lld",
			       (long long)r->id[0]);
	return rc < 0 ? rc : 0;
}

int api_body(struct http_req *r)
{
	json_t *o = NULL;
	int rc = api_one(r, SQL_WEB_BODY, body_json, &o);

	return rc < 0 ? rc : api_send(r, o);
}

int api_session(struct http_req *r)
{
	json_t *o = NULL, *agenda;
	struct db_q *q;
	int rc = api_one(r, SQL_WEB_SESSION, session_json_linked, &o);

	if (rc < 0)
		return rc;
	agenda = json_array();
	rc = db_prepare(r->db, SQL_WEB_AGENDA, &q);
	if (rc == 0)
		rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	while (rc == 0 && (rc = db_step(q)) == 1) {
		bool visible = db_col_int(q, 8) != 0;

		json_array_append_new(
		    agenda, json_pack("{s:I, s:I, s:o, s:o, s:o, s:o, s:o}", "id",
				      (json_int_t)db_col_int(q, 0), "position",
				      (json_int_t)db_col_int(q, 1), "doc_kind", api_col_text(q, 2),
				      "title", api_col_text(q, 3), "outcome", api_col_text(q, 4),
				      "presenter", api_col_text(q, 5), "document",
				      visible ? api_col_int(q, 6) : json_null()));
		rc = 0;
	}
	if (rc >= 0)
		db_done(q);
	if (rc < 0) {
		json_decref(o);
		json_decref(agenda);
		return rc;
	}
	json_object_set_new(o, "agenda", agenda);
	return api_send(r, o);
}

int api_document(struct http_req *r)
{
	json_t *o = NULL;
	int rc = api_one(r, SQL_WEB_DOCUMENT, document_json, &o);

	return rc < 0 ? rc : api_send(r, o);
}
