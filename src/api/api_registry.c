/* api_registry.c: the registry's lists as JSON, the ids a client sends: units, organs, people; paginated, in the account's scope. */
#include "api/api.h"

/* Units and organs: filtered by their body. */
const struct http_field api_body_child_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan (body)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* People: filtered by the organ they are members of. */
const struct http_field api_people_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Con trỏ trang (after)"},
    {"limit", HF_INT, false, 200, NULL, "Số phần tử (limit)"},
    {"modified_since", HF_DATETIME, false, 0, NULL, "Mốc thời gian (modified_since)"},
    {"organ", HF_INT, false, 0, NULL, "Tổ chức họp (organ)"},
    {NULL, 0, false, 0, NULL, NULL},
};

int api_units(struct http_req *r)
{
	struct read_page p;
	struct read_unit *u;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "body", &p);
	rc = read_units(r->db, &r->acct, &p, r->arena, &u, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_unit_json(&u[i]), "units", u[i].id);
	return api_list_send(r, "units", "body", &p, READ_UNIT, data, n, n ? u[n - 1].id : 0);
}

int api_organs(struct http_req *r)
{
	struct read_page p;
	struct read_organ *o;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "body", &p);
	rc = read_organs(r->db, &r->acct, &p, r->arena, &o, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_organ_json(&o[i]), "organs", o[i].id);
	return api_list_send(r, "organs", "body", &p, READ_ORGAN, data, n, n ? o[n - 1].id : 0);
}

int api_people(struct http_req *r)
{
	struct read_page p;
	struct read_person *x;
	json_t *data;
	size_t n;
	int rc;

	api_page(r, "organ", &p);
	rc = read_people_page(r->db, &r->acct, &p, r->arena, &x, &n);
	if (rc < 0)
		return rc;
	data = json_array();
	for (size_t i = 0; i < n; i++)
		api_item(data, ent_person_json(&x[i]), "people", x[i].id);
	return api_list_send(r, "people", "organ", &p, READ_PERSON, data, n, n ? x[n - 1].id : 0);
}

int api_unit(struct http_req *r)
{
	struct read_unit u;
	int rc = read_unit(r->db, &r->acct, r->id[0], r->arena, &u, &r->err);

	return rc < 0 ? rc : api_send(r, ent_unit_json(&u));
}

int api_organ(struct http_req *r)
{
	struct read_organ o;
	int rc = read_organ(r->db, &r->acct, r->id[0], r->arena, &o, &r->err);

	return rc < 0 ? rc : api_send(r, ent_organ_json(&o));
}

int api_person(struct http_req *r)
{
	struct read_person x;
	int rc = read_person(r->db, &r->acct, r->id[0], r->arena, &x, &r->err);

	return rc < 0 ? rc : api_send(r, ent_person_json(&x));
}
