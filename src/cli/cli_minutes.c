/* cli_minutes.c: 'dondoc minutes draft|edit|approve|show': the session's minutes (biên bản). */
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork/sessionwork.h"

static const struct cli_posdef session_pos[] = {
    {"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
    {NULL},
};

const struct cli_spec cli_minutes_draft_spec = {
    .opts =
	(const struct cli_optdef[]){{"replace", CLI_FLAG, 0, NULL, "lập lại, thay dự thảo đang có"},
				    {NULL}},
    .pos = session_pos,
};

int cli_minutes_draft(struct cli *c, const struct cli_args *args)
{
	bool replace = cli_flag(args, "replace");
	long long s = cli_pos_id(args, 0);
	struct db *db;
	int r = 0;

	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_draft(db, s, replace, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã lập dự thảo biên bản");
}

const struct cli_spec cli_minutes_edit_spec = {
    .opts =
	(const struct cli_optdef[]){{"file", CLI_TEXT, 0, "F", "tệp nội dung biên bản"}, {NULL}},
    .pos = (const struct cli_posdef[]){{"SESSION", CLI_ID, CLI_REQ, "số hiệu phiên họp"},
				       {"TEXT", CLI_TEXT, 0, "nội dung biên bản"},
				       {NULL}},
    .note = "Nội dung là TEXT hoặc --file.",
};

int cli_minutes_edit(struct cli *c, const struct cli_args *args)
{
	struct buf text = BUF_INIT(4u << 20);
	long long s = cli_pos_id(args, 0);
	struct db *db;
	int r;

	r = cli_sw_text_arg(c, args, 1, cli_opt(args, "file"), "nội dung biên bản", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_edit(db, s, buf_str(&text), &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã sửa biên bản");
}

const struct cli_spec cli_minutes_approve_spec = {
    .opts = (const struct cli_optdef[]){{"by", CLI_ID, CLI_REQ, "PERSON", "người duyệt"}, {NULL}},
    .pos = session_pos,
};

int cli_minutes_approve(struct cli *c, const struct cli_args *args)
{
	long long s = cli_pos_id(args, 0), by = cli_opt_id(args, "by");
	struct db *db;
	int r = 0;

	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = minutes_approve(db, s, by, &c->err);
	if (r < 0)
		return r;
	return cli_sw_done(c, "session_id", s, "đã duyệt biên bản; biên bản đã khóa");
}

const struct cli_spec cli_minutes_show_spec = {.pos = session_pos};

int cli_minutes_show(struct cli *c, const struct cli_args *args)
{
	struct minutes m;
	struct arena *a;
	long long s = cli_pos_id(args, 0);
	struct db *db;
	int r;

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
