/* cli_term.c: 'dondoc term list|add': a body's terms (khóa, nhiệm kỳ). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_reg.h"

int cli_term_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{"body", required_argument, NULL, 'b'},
					     {NULL, 0, NULL, 0}};
	struct arena *a = NULL;
	const char *body = NULL;
	struct reg_term *ts;
	struct reg_body b = {0};
	struct db *db;
	size_t n;
	json_t *arr;
	int r, ch;

	optind = 1;
	while ((ch = cli_reg_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'b')
			return ERR_USAGE;
		body = optarg;
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (body && (r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	if ((r = reg_term_list(db, b.id, a, &ts, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_term(&ts[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		struct reg_body tb;

		r = reg_body_get(db, ts[i].body_id, a, &tb, &c->err);
		if (r < 0)
			goto out;
		fprintf(c->out, "%4lld  %s khóa %s, nhiệm kỳ %d-%d\n", (long long)ts[i].id, tb.name,
			ts[i].name, ts[i].year_from, ts[i].year_to);
	}
out:
	arena_free(a);
	return r;
}

/* "2020-2025" into two years. */
static int parse_years(struct cli *c, const char *s, int *from, int *to)
{
	char *end;
	long a, b;

	a = strtol(s, &end, 10);
	if (end == s || (*end != '-' && *end != '/'))
		goto bad;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end || a < 1930 || a > 2200 || b < a || b > a + 10)
		goto bad;
	*from = (int)a;
	*to = (int)b;
	return 0;
bad:
	return err_set(&c->err, ERR_INVAL, "nhiệm kỳ '%s' không hợp lệ (cần dạng 2020-2025)", s);
}

int cli_term_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"body", required_argument, NULL, 'b'},  {"name", required_argument, NULL, 'n'},
	    {"years", required_argument, NULL, 'y'}, {"start", required_argument, NULL, 's'},
	    {"end", required_argument, NULL, 'e'},   {NULL, 0, NULL, 0},
	};
	struct reg_term t = {0};
	const char *body = NULL, *years = NULL;
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
		case 'n':
			t.name = optarg;
			break;
		case 'y':
			years = optarg;
			break;
		case 's':
			t.start_date = optarg;
			break;
		case 'e':
			t.end_date = optarg;
			break;
		default:
			return ERR_USAGE;
		}
	}
	if (optind != argc)
		return cli_usage(c, "thừa tham số: '%s'", argv[optind]);
	if (!body || !t.name || !years)
		return cli_usage(c, "cần --body, --name và --years");
	if ((r = parse_years(c, years, &t.year_from, &t.year_to)) < 0)
		return r;
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	t.body_id = b.id;
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = cli_reg_end(c, db, reg_term_add(db, &t, &id, &c->err));
	if (r == 0)
		r = c->json ? cli_json(c, json_pack("{s:I}", "id", (json_int_t)id))
			    : (fprintf(c->out, "%lld\n", (long long)id), 0);
out:
	arena_free(a);
	return r;
}
