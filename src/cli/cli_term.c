/* cli_term.c: 'dondoc term list|add': a body's terms (khóa, nhiệm kỳ). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_reg.h"

const struct cli_spec cli_term_list_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "BODY", "cơ quan"}, {NULL}},
};

int cli_term_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a = NULL;
	const char *body = cli_opt(args, "body");
	struct reg_term *ts;
	struct reg_body b = {0};
	struct db *db;
	size_t n;
	json_t *arr;
	int r;

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

const struct cli_spec cli_term_add_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, CLI_REQ, "BODY", "cơ quan"},
					{"name", CLI_TEXT, CLI_REQ, "XXII", "tên khóa"},
					{"years", CLI_TEXT, CLI_REQ, "2020-2025", "nhiệm kỳ"},
					{"start", CLI_DATE, 0, "DATE", "ngày bắt đầu"},
					{"end", CLI_DATE, 0, "DATE", "ngày kết thúc"},
					{NULL}},
};

int cli_term_add(struct cli *c, const struct cli_args *args)
{
	struct reg_term t = {0};
	const char *body = cli_opt(args, "body"), *years = cli_opt(args, "years");
	struct arena *a = NULL;
	struct reg_body b;
	struct db *db;
	int64_t id = 0;
	int r;

	t.name = cli_opt(args, "name");
	t.start_date = cli_opt(args, "start");
	t.end_date = cli_opt(args, "end");
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
