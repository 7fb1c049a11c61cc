/* cli_minutes.c: 'dondoc minutes draft|edit|approve|show': the session's minutes (biên bản). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork.h"

/* Parses the options in opts (only flag-less 'r' --replace and 'b' --by and 'f' --file used). */
static int session_arg(struct cli *c, int argc, char **argv, long long *ret)
{
	if (optind >= argc)
		return cli_usage(c, "thiếu số hiệu phiên họp");
	return cli_parse_id(c, "số hiệu phiên họp", argv[optind], ret);
}

int cli_minutes_draft(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"replace", no_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0},
	};
	bool replace = false;
	long long s;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'r')
			return cli_usage(c, "tùy chọn không hợp lệ");
		replace = true;
	}
	r = session_arg(c, argc, argv, &s);
	if (r == 0 && optind + 1 < argc)
		r = cli_usage(c, "thừa tham số: '%s'", argv[optind + 1]);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_draft(db, s, replace, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã lập dự thảo biên bản");
}

int cli_minutes_edit(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"file", required_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(4u << 20);
	const char *file = NULL;
	long long s;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch != 'f')
			return cli_usage(c, "tùy chọn không hợp lệ");
		file = optarg;
	}
	r = session_arg(c, argc, argv, &s);
	if (r == 0)
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, "nội dung biên bản", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_edit(db, s, buf_str(&text), &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã sửa biên bản");
}

int cli_minutes_approve(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"by", required_argument, NULL, 'b'},
	    {NULL, 0, NULL, 0},
	};
	long long s, by = 0;
	struct db *db;
	int ch, r = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'b')
			r = cli_parse_id(c, "--by", optarg, &by);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && !by)
		r = cli_usage(c, "thiếu --by NGƯỜI (người duyệt)");
	if (r == 0)
		r = session_arg(c, argc, argv, &s);
	if (r == 0 && optind + 1 < argc)
		r = cli_usage(c, "thừa tham số: '%s'", argv[optind + 1]);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_approve(db, s, by, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã duyệt biên bản; biên bản đã khóa");
}

int cli_minutes_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {{NULL, 0, NULL, 0}};
	struct minutes m;
	struct arena *a;
	long long s;
	struct db *db;
	int r;

	optind = 1;
	if (getopt_long(argc, argv, "", opts, NULL) != -1)
		return cli_usage(c, "tùy chọn không hợp lệ");
	r = session_arg(c, argc, argv, &s);
	if (r == 0 && optind + 1 < argc)
		r = cli_usage(c, "thừa tham số: '%s'", argv[optind + 1]);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(16u << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = minutes_get(db, s, a, &m, &c->err);
	if (r == 0 && c->json) {
		r = cli_json(c,
			     json_pack("{s:I, s:s, s:i, s:b, s:I, s:s?, s:s}", "session_id",
				       (json_int_t)s, "status", m.approved ? "approved" : "draft",
				       "revision", m.revision, "locked", m.approved, "approved_by",
				       (json_int_t)m.approved_by, "approved_at", m.approved_at,
				       "text", m.text));
	} else if (r == 0) {
		fprintf(c->out, "%s\n", m.text);
		fprintf(c->out, "[%s, lần sửa %d]\n", m.approved ? "đã duyệt, đã khóa" : "dự thảo",
			m.revision);
	}
	arena_free(a);
	return r;
}
