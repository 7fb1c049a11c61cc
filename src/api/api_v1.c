/* api_v1.c: the JSON API in the OParl manner: bodies, sessions, documents; paginated, with tombstones. */
#include <string.h>

#include "api/api.h"
#include "util/jw.h"

const struct http_field api_list_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field api_page_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
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

int api_refused(struct http_req *r, int rc, const char *field)
{
	if (rc != ERR_INVAL && rc != ERR_EXISTS && rc != ERR_LOCKED && rc != ERR_CHECK &&
	    rc != ERR_NOTFOUND)
		return rc;
	http_field_error(r, field, arena_strdup(r->arena, err_msg(&r->err, rc)));
	return rc == ERR_NOTFOUND ? ERR_INVAL : rc;
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

/* modified_since as stored times compare: "2023-10-04T08:00:00Z" → "2023-10-04T08:00:00". */
static const char *since_arg(struct http_req *r)
{
	const char *v = http_arg(r, "modified_since");
	size_t n = v ? strlen(v) : 0;

	if (!n)
		return "";
	return n == 20 ? arena_strndup(r->arena, v, 19) : v;
}

void api_page(struct http_req *r, const char *filter, struct read_page *ret)
{
	*ret = (struct read_page){.after = http_arg_int(r, "after", 0),
				  .limit = http_arg_int(r, "limit", 50),
				  .since = since_arg(r),
				  .parent = filter ? http_arg_int(r, filter, 0) : 0};
	if (!ret->since)
		ret->since = "";
}

void api_page_tail(struct jw *w, int64_t limit, size_t n, const char *next)
{
	jw_raw(w, "],\"pagination\":{\"limit\":");
	jw_int(w, limit);
	jw_raw(w, ",\"count\":");
	jw_int(w, (int64_t)n);
	jw_raw(w, "},\"links\":{");
	if (next) {
		jw_key(w, "next", true);
		jw_str(w, next);
	}
	jw_raw(w, "}}");
}

void api_item(json_t *data, json_t *o, const char *path, int64_t id)
{
	if (!o)
		return;
	json_object_set_new(o, "self", json_sprintf("/api/v1/%s/%lld", path, (long long)id));
	json_array_append_new(data, o);
}

int api_list_send(struct http_req *r, const char *path, const char *filter,
		  const struct read_page *p, enum read_kind kind, json_t *data, size_t n,
		  int64_t last)
{
	const char *ms = http_arg(r, "modified_since");
	json_t *links = json_object();
	struct read_tomb *t;
	size_t nt;
	int rc = read_tombstones(r->db, kind, p, r->arena, &t, &nt);

	if (rc < 0) {
		json_decref(data);
		json_decref(links);
		return rc;
	}
	for (size_t i = 0; i < nt; i++)
		json_array_append_new(data, ent_tomb_json(&t[i]));
	if ((int64_t)n == p->limit) {
		const char *f = filter && p->parent ? arena_printf(r->arena, "&%s=%lld", filter,
								   (long long)p->parent)
						    : "";

		json_object_set_new(links, "next",
				    json_sprintf("/api/v1/%s?after=%lld&limit=%lld%s%s%s", path,
						 (long long)last, (long long)p->limit, f,
						 ms ? "&modified_since=" : "", ms ? ms : ""));
	}
	return api_send(r,
			json_pack("{s:o, s:{s:I, s:i}, s:o}", "data", data, "pagination", "limit",
				  (json_int_t)p->limit, "count", (int)n, "links", links));
}

int api_root(struct http_req *r)
{
	return api_send(
	    r, json_pack(
		   "{s:s, s:s, s:{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, "
		   "s:s, s:s}, s:{s:s, s:s}}",
		   "name", "dondoc", "version", "v1", "links", "bodies", "/api/v1/bodies", "organs",
		   "/api/v1/organs", "units", "/api/v1/units", "people", "/api/v1/people", "terms",
		   "/api/v1/terms", "sessions", "/api/v1/sessions", "agendaItems",
		   "/api/v1/agenda-items", "documents", "/api/v1/documents", "notices",
		   "/api/v1/notices", "tasks", "/api/v1/tasks", "indicators", "/api/v1/indicators",
		   "indicatorValues", "/api/v1/indicator-values", "ical", "/ical/sessions.ics",
		   "icalTasks", "/ical/tasks.ics", "audit", "/api/v1/audit", "account", "login",
		   r->acct.login, "role", r->acct.role));
}

int api_bodies(struct http_req *r)
{
	struct read_page p;
	struct read_body *b;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, NULL, &p);
	rc = read_bodies(r->db, &r->acct, &p, r->arena, &b, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_body_json(&b[i]), "bodies", b[i].id);
	return api_list_send(r, "bodies", NULL, &p, READ_BODY, data, n, n ? b[n - 1].id : 0);
}

int api_sessions(struct http_req *r)
{
	struct read_page p;
	struct read_session *s;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, NULL, &p);
	rc = read_sessions(r->db, &r->acct, &p, r->arena, &s, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_session_json(&s[i]), "sessions", s[i].id);
	return api_list_send(r, "sessions", NULL, &p, READ_SESSION, data, n, n ? s[n - 1].id : 0);
}

int api_documents(struct http_req *r)
{
	struct read_page p;
	struct read_document *d;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, NULL, &p);
	rc = read_documents(r->db, &r->acct, &p, r->arena, &d, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_document_json(&d[i]), "documents", d[i].id);
	return api_list_send(r, "documents", NULL, &p, READ_DOCUMENT, data, n, n ? d[n - 1].id : 0);
}

int api_body(struct http_req *r)
{
	struct read_body b;
	int rc = read_body(r->db, &r->acct, r->id[0], r->arena, &b, &r->err);

	return rc < 0 ? rc : api_send(r, ent_body_json(&b));
}

int api_session(struct http_req *r)
{
	struct read_session_work w;
	struct sw_session_state st;
	json_t *o;
	struct read_agenda_line *l;
	struct read_session s;
	int64_t *ids;
	size_t n;
	int rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);

	if (rc == 0)
		rc = read_session_agenda(r->db, &r->acct, s.id, r->arena, &l, &n);
	if (rc < 0)
		return rc;
	ids = arena_alloc(r->arena, (n ? n : 1) * sizeof(*ids));
	if (!ids)
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < n; i++)
		ids[i] = l[i].id;
	rc = sw_session_state(r->db, s.id, ids, n, r->arena, &st, &r->err);
	if (rc == 0) {
		char today[11];

		read_today(today);
		rc = read_session_work(r->db, &r->acct, s.id, today, r->arena, &w, &r->err);
	}
	if (rc < 0)
		return rc;
	o = ent_session_full_json(&s, l, n, &st);
	if (!o || ent_session_work_add(o, &w) < 0) {
		json_decref(o);
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	return api_send(r, o);
}

int api_document(struct http_req *r)
{
	struct read_document d;
	int rc = read_document(r->db, &r->acct, r->id[0], r->arena, &d, &r->err);

	return rc < 0 ? rc : api_send(r, ent_document_json(&d));
}
