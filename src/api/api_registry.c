/* api_registry.c: the registry's lists as JSON, the ids a client sends: units, organs, people; paginated, in the account's scope. */
#include <string.h>

#include "api/api.h"
#include "core/registry/registry.h"
#include "pages/pages.h"

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

const struct http_field api_succession_fields[] = {
    {"successor", HF_INT, true, 0, NULL, "Cơ quan kế tục (successor)"},
    {"on", HF_DATE, true, 0, NULL, "Từ ngày (on)"},
    {"with", HF_JSON, false, 8000, NULL, "Cùng hợp nhất (with: mảng mã cơ quan)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * POST /api/v1/bodies/#/succession: the twin of the form on /admin/bodies.
 * Body # (and the bodies of "with", a merger: hợp nhất) ends on "on" and
 * passes its work to "successor" (reg_succession); the ended body follows,
 * its active_to and successor set, with "tasks" the number that passed.
 */
int api_body_succession(struct http_req *r)
{
	struct reg_succession in = {.successor_id = http_arg_int(r, "successor", 0),
				    .on = http_arg(r, "on")};
	const char *with = http_arg(r, "with");
	struct read_body b;
	json_t *arr = NULL, *x, *o;
	int64_t *ids, tasks = 0;
	size_t n = 1, i;
	int rc;

	if (with) {
		arr = json_loads(with, 0, NULL);
		if (!json_is_array(arr) || json_array_size(arr) > 200) {
			json_decref(arr);
			return http_field_error(r, "with",
						"with: phải là một mảng mã cơ quan, ví dụ [6]");
		}
		n += json_array_size(arr);
		in.merger = json_array_size(arr) > 0;
	}
	ids = arena_alloc(r->arena, n * sizeof(*ids));
	if (!ids) {
		json_decref(arr);
		return err_set(&r->err, ERR_NOMEM, "không đủ bộ nhớ");
	}
	ids[0] = r->id[0];
	json_array_foreach(arr, i, x)
	{
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			json_decref(arr);
			return http_field_error(
			    r, "with", "with: mỗi phần tử phải là mã cơ quan (số nguyên dương)");
		}
		ids[i + 1] = json_integer_value(x);
	}
	json_decref(arr);
	/* Every body named must be in the admin's scope; one outside it is not found. */
	for (i = 0; i < n; i++)
		if ((rc = read_body(r->db, &r->acct, ids[i], r->arena, &b, &r->err)) < 0)
			return i ? http_field_error(r, "with", arena_strdup(r->arena, r->err.msg))
				 : rc;
	rc = read_body(r->db, &r->acct, in.successor_id, r->arena, &b, &r->err);
	if (rc == ERR_NOTFOUND)
		return http_field_error(r, "successor", arena_strdup(r->arena, r->err.msg));
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = account_manages_body(r->db, &r->acct, ids[i], &r->err)) < 0)
			return rc;
	in.ended = ids;
	in.nended = n;
	rc = reg_succession(r->db, &in, &tasks, &r->err);
	if (rc == ERR_INVAL || rc == ERR_NOTFOUND) {
		const char *f = page_succession_field(r->err.msg);

		if (strcmp(f, "end") == 0 && n == 1)
			return rc; /* about body # itself: 400 with the message */
		return http_field_error(r, strcmp(f, "end") == 0 ? "with" : f,
					arena_strdup(r->arena, r->err.msg));
	}
	if (rc == 0)
		rc = read_body(r->db, &r->acct, r->id[0], r->arena, &b, &r->err);
	if (rc < 0)
		return rc;
	o = ent_body_json(&b);
	json_object_set_new(o, "tasks", json_integer(tasks));
	return api_send(r, o);
}
