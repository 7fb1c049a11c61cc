/* cli_person.c: 'dondoc person list|add': people and their memberships of organs. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_reg.h"

int cli_person_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"organ", required_argument, NULL, 'o'},
					     {"date", required_argument, NULL, 'd'},
					     {NULL, 0, NULL, 0}};
	const char *organ = NULL, *date = NULL;
	struct arena *a = NULL;
	struct reg_organ o;
	struct db *db;
	char iso[11];
	size_t n;
	json_t *arr;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 'o')
			organ = optarg;
		else if (ch == 'd')
			date = optarg;
		else
			return ERR_USAGE;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (date && !organ)
		return cli_usage(c, "--date chỉ dùng cùng --organ");
	if (date && (r = cli_reg_date(c, "ngày", date, iso)) < 0)
		return r;
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (organ) {
		struct reg_member *ms;

		if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0 ||
		    (r = reg_member_list(db, o.id, date ? iso : NULL, a, &ms, &n, &c->err)) < 0)
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

int cli_person_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"name", required_argument, NULL, 'n'},	{"email", required_argument, NULL, 'm'},
	    {"phone", required_argument, NULL, 'p'},	{"organ", required_argument, NULL, 'o'},
	    {"position", required_argument, NULL, 'P'}, {"from", required_argument, NULL, 'f'},
	    {"to", required_argument, NULL, 't'},	{NULL, 0, NULL, 0},
	};
	struct reg_person p = {0};
	struct reg_member m = {0};
	const char *organ = NULL;
	struct arena *a = NULL;
	struct reg_organ o;
	struct db *db;
	int64_t id = 0;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'n':
			p.full_name = optarg;
			break;
		case 'm':
			p.email = optarg;
			break;
		case 'p':
			p.phone = optarg;
			break;
		case 'o':
			organ = optarg;
			break;
		case 'P':
			m.position = optarg;
			break;
		case 'f':
			m.date_from = optarg;
			break;
		case 't':
			m.date_to = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!p.full_name)
		return cli_usage(c, "cần --name");
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
