/* cli_body.c: 'dondoc body|organ|unit list|add': bodies in their tree, their organs and units. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_reg.h"

int cli_body_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	struct arena *a = NULL;
	struct reg_body *bs;
	struct db *db;
	size_t n;
	json_t *arr;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1)
		return ERR_USAGE;
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	a = arena_new(CLI_REG_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = reg_body_list(db, a, &bs, &n, &c->err);
	if (r < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_body(&bs[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		int depth = 0;

		/* Depth from the parent chain, parents being listed first. */
		for (int64_t p = bs[i].parent_id; p;) {
			size_t j;

			for (j = 0; j < i && bs[j].id != p; j++)
				;
			if (j == i)
				break;
			depth++;
			p = bs[j].parent_id;
		}
		fprintf(c->out, "%4lld  %*s%s [%s, %s, %s]%s%s\n", (long long)bs[i].id, depth * 2,
			"", bs[i].name, bs[i].code, reg_level_name(bs[i].level),
			bs[i].kind == REG_PARTY ? "Đảng" : "chính quyền",
			bs[i].active_to ? " đến " : "", bs[i].active_to ? bs[i].active_to : "");
	}
out:
	arena_free(a);
	return r;
}

int cli_body_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"level", required_argument, NULL, 'l'},	  {"kind", required_argument, NULL, 'k'},
	    {"name", required_argument, NULL, 'n'},	  {"code", required_argument, NULL, 'c'},
	    {"short-name", required_argument, NULL, 's'}, {"place", required_argument, NULL, 'p'},
	    {"parent", required_argument, NULL, 'P'},	  {"from", required_argument, NULL, 'f'},
	    {"to", required_argument, NULL, 't'},	  {NULL, 0, NULL, 0},
	};
	struct reg_body b = {.level = REG_NLEVELS};
	const char *level = NULL, *kind = NULL, *parent = NULL;
	struct reg_body pb;
	struct arena *a = NULL;
	struct db *db;
	int64_t id = 0;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'l':
			level = optarg;
			break;
		case 'k':
			kind = optarg;
			break;
		case 'n':
			b.name = optarg;
			break;
		case 'c':
			b.code = optarg;
			break;
		case 's':
			b.short_name = optarg;
			break;
		case 'p':
			b.place = optarg;
			break;
		case 'P':
			parent = optarg;
			break;
		case 'f':
			b.active_from = optarg;
			break;
		case 't':
			b.active_to = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!level || !kind || !b.name || !b.code)
		return cli_usage(c, "cần --level, --kind, --name và --code");
	if (reg_level_parse(level, &b.level) < 0)
		return err_set(&c->err, ERR_INVAL,
			       "cấp '%s' không hợp lệ (tw, tinh, huyen, xa, coso)", level);
	if (reg_kind_parse(kind, &b.kind) < 0)
		return err_set(&c->err, ERR_INVAL, "loại '%s' không hợp lệ (party, people)", kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	a = arena_new(CLI_REG_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (parent) {
		r = cli_reg_body(c, db, parent, a, &pb);
		if (r < 0)
			goto out;
		b.parent_id = pb.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_body_add(db, &b, &id, &c->err));
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else
		fprintf(c->out, "%lld\n", (long long)id);
out:
	arena_free(a);
	return r;
}

/* Shared by organ list and unit list: the optional --body filter. */
static int body_filter(struct cli *c, int argc, char **argv, struct db **db, struct arena *a,
		       int64_t *ret_body)
{
	static const struct option opts[] = {{"body", required_argument, NULL, 'b'},
					     {NULL, 0, NULL, 0}};
	const char *body = NULL;
	struct reg_body b;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'b')
			return ERR_USAGE;
		body = optarg;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if ((r = cli_db(c, db)) < 0)
		return r;
	*ret_body = 0;
	if (body) {
		r = cli_reg_body(c, *db, body, a, &b);
		if (r < 0)
			return r;
		*ret_body = b.id;
	}
	return 0;
}

int cli_organ_list(struct cli *c, int argc, char **argv)
{
	struct arena *a = arena_new(CLI_REG_ARENA);
	struct reg_organ *os;
	struct db *db;
	int64_t body;
	size_t n;
	json_t *arr;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = body_filter(c, argc, argv, &db, a, &body)) < 0 ||
	    (r = reg_organ_list(db, body, a, &os, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_organ(&os[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %-5s %s%s%s\n", (long long)os[i].id, os[i].kind, os[i].name,
			os[i].code ? " — " : "", os[i].code ? os[i].code : "");
out:
	arena_free(a);
	return r;
}

int cli_organ_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},
	    {"kind", required_argument, NULL, 'k'},
	    {"name", required_argument, NULL, 'n'},
	    {"code", required_argument, NULL, 'c'},
	    {NULL, 0, NULL, 0},
	};
	struct reg_organ o = {0};
	const char *body = NULL;
	struct arena *a = NULL;
	struct reg_body b;
	struct db *db;
	int64_t id = 0;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'b':
			body = optarg;
			break;
		case 'k':
			o.kind = optarg;
			break;
		case 'n':
			o.name = optarg;
			break;
		case 'c':
			o.code = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!body || !o.kind || !o.name)
		return cli_usage(c, "cần --body, --kind và --name");
	if (!reg_organ_kind_valid(o.kind))
		return err_set(&c->err, ERR_INVAL,
			       "loại '%s' không hợp lệ (bch, btv, tt, ubkt, vp, ban, ubnd, other)",
			       o.kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	o.body_id = b.id;
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_organ_add(db, &o, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}

int cli_unit_list(struct cli *c, int argc, char **argv)
{
	struct arena *a = arena_new(CLI_REG_ARENA);
	struct reg_unit *us;
	struct db *db;
	int64_t body;
	size_t n;
	json_t *arr;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = body_filter(c, argc, argv, &db, a, &body)) < 0 ||
	    (r = reg_unit_list(db, body, a, &us, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_unit(&us[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %-10s %s\n", (long long)us[i].id, us[i].kind, us[i].name);
out:
	arena_free(a);
	return r;
}

int cli_unit_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},
	    {"kind", required_argument, NULL, 'k'},
	    {"name", required_argument, NULL, 'n'},
	    {"organ", required_argument, NULL, 'o'},
	    {"lower-body", required_argument, NULL, 'L'},
	    {"email", required_argument, NULL, 'm'},
	    {NULL, 0, NULL, 0},
	};
	struct reg_unit u = {0};
	const char *body = NULL, *organ = NULL, *lower = NULL;
	struct arena *a = NULL;
	struct reg_body b;
	struct reg_organ o;
	struct db *db;
	int64_t id = 0;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'b':
			body = optarg;
			break;
		case 'k':
			u.kind = optarg;
			break;
		case 'n':
			u.name = optarg;
			break;
		case 'o':
			organ = optarg;
			break;
		case 'L':
			lower = optarg;
			break;
		case 'm':
			u.email = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!body || !u.kind || !u.name)
		return cli_usage(c, "cần --body, --kind và --name");
	if (!reg_unit_kind_valid(u.kind))
		return err_set(&c->err, ERR_INVAL,
			       "loại đơn vị '%s' không hợp lệ (agency, organ, lower_body, group)",
			       u.kind);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	u.body_id = b.id;
	if (organ) {
		if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0)
			goto out;
		u.organ_id = o.id;
	}
	if (lower) {
		if ((r = cli_reg_body(c, db, lower, a, &b)) < 0)
			goto out;
		u.lower_body_id = b.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_unit_add(db, &u, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}
