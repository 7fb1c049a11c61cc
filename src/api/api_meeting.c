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

int api_terms(struct http_req *r)
{
	struct read_page p;
	struct read_term *t;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "body", &p);
	rc = read_terms(r->db, &r->acct, &p, r->arena, &t, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_term_json(&t[i]), "terms", t[i].id);
	return api_list_send(r, "terms", "body", &p, READ_TERM, data, n, n ? t[n - 1].id : 0);
}

int api_term(struct http_req *r)
{
	struct read_term t;
	int rc = read_term(r->db, &r->acct, r->id[0], r->arena, &t, &r->err);

	return rc < 0 ? rc : api_send(r, ent_term_json(&t));
}

int api_agenda_items(struct http_req *r)
{
	struct read_page p;
	struct read_agenda_item *a;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "session", &p);
	rc = read_agenda_items(r->db, &r->acct, &p, r->arena, &a, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_agenda_item_json(&a[i]), "agenda-items", a[i].id);
	return api_list_send(r, "agenda-items", "session", &p, READ_AGENDA_ITEM, data, n,
			     n ? a[n - 1].id : 0);
}

int api_agenda_item(struct http_req *r)
{
	struct read_agenda_item a;
	int rc = read_agenda_item(r->db, &r->acct, r->id[0], r->arena, &a, &r->err);

	return rc < 0 ? rc : api_send(r, ent_agenda_item_json(&a));
}

int api_notices(struct http_req *r)
{
	struct read_page p;
	struct read_notice *o;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "session", &p);
	rc = read_notices(r->db, &r->acct, &p, r->arena, &o, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_notice_json(&o[i]), "notices", o[i].id);
	return api_list_send(r, "notices", "session", &p, READ_NOTICE, data, n,
			     n ? o[n - 1].id : 0);
}

int api_notice(struct http_req *r)
{
	struct read_notice o;
	int rc = read_notice(r->db, &r->acct, r->id[0], r->arena, &o, &r->err);
	json_t *j;

	if (rc < 0)
		return rc;
	j = ent_notice_json(&o);
	rc = api_notice_state(r, o.id, j);
	if (rc < 0) {
		json_decref(j);
		return rc;
	}
	return api_send(r, j);
}
