/* cli_person.c: 'dondoc person list|add': people and their memberships of organs. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_reg.h"

const struct cli_spec cli_person_list_spec = {
    .opts = (const struct cli_optdef[]){{"organ", CLI_TEXT, 0, "ORGAN",
					 "cơ quan giúp việc: thành viên của nó"},
					{"date", CLI_DATE, 0, "DATE", "ngày (chỉ cùng --organ)"},
					{NULL}},
};

int cli_person_list(struct cli *c, const struct cli_args *args)
{
	const char *organ = cli_opt(args, "organ"), *date = cli_opt(args, "date");
	struct arena *a = NULL;
	struct reg_organ o;
	struct db *db;
	size_t n;
	json_t *arr;
	int r;

	if (date && !organ)
		return cli_usage(c, "--date chỉ dùng cùng --organ");
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (organ) {
		struct reg_member *ms;

		if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0 ||
		    (r = reg_member_list(db, o.id, date, a, &ms, &n, &c->err)) < 0)
			goto out;
		if (c->json) {
			arr = json_array();
			for (size_t i = 0; arr && i < n; i++) {
				json_t *m = json_pack("{s:I,s:s,s:s}", "person_id",
						      (json_int_t)ms[i].person_id, "name",
						      ms[i].full_name, "position", ms[i].position);
				cli_reg_jstr(m, "from", ms[i].date_from);
				cli_reg_jstr(m, "to", ms[i].date_to);
				json_array_append_new(arr, m);
			}
			r = cli_json(c, arr);
			goto out;
		}
		fprintf(c->out, "%s: %zu thành viên\n", o.name, n);
		for (size_t i = 0; i < n; i++)
			fprintf(c->out, "%4lld  %s — %s\n", (long long)ms[i].person_id,
				ms[i].full_name, ms[i].position);
	} else {
		struct reg_person *ps;

		if ((r = reg_person_list(db, a, &ps, &n, &c->err)) < 0)
			goto out;
		if (c->json) {
			arr = json_array();
			for (size_t i = 0; arr && i < n; i++) {
				json_t *p = json_pack("{s:I,s:s}", "id", (json_int_t)ps[i].id,
						      "name", ps[i].full_name);
				cli_reg_jstr(p, "email", ps[i].email);
				cli_reg_jstr(p, "phone", ps[i].phone);
				json_array_append_new(arr, p);
			}
			r = cli_json(c, arr);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			fprintf(c->out, "%4lld  %s\n", (long long)ps[i].id, ps[i].full_name);
	}
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_person_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"name", CLI_TEXT, CLI_REQ, "NAME", "họ và tên"},
	    {"email", CLI_TEXT, 0, "E", "thư điện tử"},
	    {"phone", CLI_TEXT, 0, "P", "điện thoại"},
	    {"organ", CLI_TEXT, 0, "ORGAN", "cơ quan giúp việc (cùng --position)"},
	    {"position", CLI_TEXT, 0, "POS", "chức vụ trong cơ quan đó"},
	    {"from", CLI_DATE, 0, "DATE", "từ ngày"},
	    {"to", CLI_DATE, 0, "DATE", "đến ngày"},
	    {NULL}},
    .note = "--organ và --position đi cùng nhau; --from/--to chỉ dùng cùng --organ.",
};

int cli_person_add(struct cli *c, const struct cli_args *args)
{
	struct reg_person p = {0};
	struct reg_member m = {0};
	const char *organ = cli_opt(args, "organ");
	struct arena *a = NULL;
	struct reg_organ o;
	struct db *db;
	int64_t id = 0;
	int r;

	p.full_name = cli_opt(args, "name");
	p.email = cli_opt(args, "email");
	p.phone = cli_opt(args, "phone");
	m.position = cli_opt(args, "position");
	m.date_from = cli_opt(args, "from");
	m.date_to = cli_opt(args, "to");
	if (!organ != !m.position)
		return cli_usage(c, "--organ và --position phải đi cùng nhau");
	if (!organ && (m.date_from || m.date_to))
		return cli_usage(c, "--from/--to chỉ dùng cùng --organ");
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (organ && (r = cli_reg_organ(c, db, organ, a, &o)) < 0)
		goto out;
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = reg_person_add(db, &p, &id, &c->err);
	if (r == 0 && organ) {
		m.person_id = id;
		m.organ_id = o.id;
		r = reg_member_add(db, &m, NULL, &c->err);
	}
	r = cli_reg_end(c, db, r);
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}
