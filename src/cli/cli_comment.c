/* cli_comment.c: 'dondoc comment add|respond|revise|list|table|version': comments on drafts. */
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork/sessionwork.h"
#include "core/notice/fmt.h"
#include "render/cmt_table.h"
#include "render/docview.h"

const struct cli_spec cli_comment_add_spec = {
    .opts = (const struct cli_optdef[]){{"by", CLI_ID, 0, "PERSON", "người góp ý"},
					{"group", CLI_ID, 0, "UNIT", "nhóm (đơn vị) góp ý"},
					{"session", CLI_ID, 0, "S", "phiên họp"},
					{"para", CLI_TEXT, 0, "TEXT", "đoạn, mục được góp ý"},
					{"file", CLI_TEXT, 0, "F",
					 "tệp nội dung ý kiến (- là đầu vào chuẩn)"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"DOC", CLI_ID, CLI_REQ, "số hiệu văn bản"},
				       {"TEXT", CLI_TEXT, 0, "nội dung ý kiến"},
				       {NULL}},
    .note = "Cần đúng một trong --by, --group; nội dung là TEXT hoặc --file.",
};

int cli_comment_add(struct cli *c, const struct cli_args *args)
{
	struct buf text = BUF_INIT(1u << 20);
	long long doc = cli_pos_id(args, 0), by = cli_opt_id(args, "by"),
		  group = cli_opt_id(args, "group"), session = cli_opt_id(args, "session");
	const char *para = cli_opt(args, "para"), *file = cli_opt(args, "file");
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int r = 0;

	if (!by == !group)
		r = cli_usage(
		    c, "cần đúng một trong --by NGƯỜI hoặc --group ĐƠN_VỊ (người, nhóm góp ý)");
	if (r == 0)
		r = cli_sw_text_arg(c, args, 1, file, "nội dung ý kiến", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = cmt_add(db, doc, session, by, group, para, buf_str(&text), &id, &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi ý kiến số hiệu %lld", (long long)id);
	return cli_sw_done(c, "id", id, msg);
}

const struct cli_spec cli_comment_respond_spec = {
    .opts = (const struct cli_optdef[]){{"as", CLI_TEXT, CLI_REQ,
					 "tiep-thu|giai-trinh|khong-tiep-thu", "cách trả lời"},
					{"unit", CLI_ID, 0, "U", "đơn vị trả lời"},
					{"file", CLI_TEXT, 0, "F", "tệp nội dung giải trình"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"COMMENT", CLI_ID, CLI_REQ, "số hiệu ý kiến"},
				       {"TEXT", CLI_TEXT, 0, "nội dung giải trình"},
				       {NULL}},
};

int cli_comment_respond(struct cli *c, const struct cli_args *args)
{
	struct buf text = BUF_INIT(1u << 20);
	long long id = cli_pos_id(args, 0), unit = cli_opt_id(args, "unit");
	const char *file = cli_opt(args, "file"), *as = cli_opt(args, "as");
	struct db *db;
	int r = 0, resp = cmt_resp_parse(as);

	if (resp < 0)
		r = cli_usage(c,
			      "--as phải là tiep-thu, giai-trinh hoặc khong-tiep-thu "
			      "(không phải '%s')",
			      as);
	/* Tiếp thu needs no words; the others carry their explanation. */
	if (r == 0 && (file || cli_npos(args) > 1))
		r = cli_sw_text_arg(c, args, 1, file, "nội dung giải trình", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = cmt_respond(db, id, (enum cmt_resp)resp, text.len ? buf_str(&text) : NULL, unit,
				&c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	return cli_sw_done(c, "id", id, "đã ghi trả lời ý kiến");
}

const struct cli_spec cli_comment_revise_spec = {
    .opts = (const struct cli_optdef[]){{"file", CLI_TEXT, 0, "F", "tệp nội dung bản sửa"},
					{"note", CLI_TEXT, 0, "TEXT", "ghi chú"},
					{NULL}},
    .pos = (const struct cli_posdef[]){{"DOC", CLI_ID, CLI_REQ, "số hiệu văn bản"},
				       {"TEXT", CLI_TEXT, 0, "nội dung bản sửa"},
				       {NULL}},
    .note = "Nội dung là TEXT hoặc --file.",
};

int cli_comment_revise(struct cli *c, const struct cli_args *args)
{
	struct buf text = BUF_INIT(4u << 20);
	const char *file = cli_opt(args, "file"), *note = cli_opt(args, "note");
	long long doc = cli_pos_id(args, 0);
	struct db *db;
	char msg[96];
	int r = 0, ver = 0;

	r = cli_sw_text_arg(c, args, 1, file, "nội dung bản sửa", &text);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = cmt_revise(db, doc, buf_str(&text), note, &ver, &c->err);
	buf_free(&text);
	if (r < 0)
		return r;
	snprintf(msg, sizeof(msg), "đã ghi bản sửa lần %d (phiên bản %d)", ver - 1, ver);
	return cli_sw_done(c, "version", ver, msg);
}

/* What `comment table` was asked for: --html (kept), --format, --output. */
struct table_opts {
	const char *format, *output;
	bool html;
};

static const struct cli_posdef doc_pos[] = {
    {"DOC", CLI_ID, CLI_REQ, "số hiệu văn bản"},
    {NULL},
};

static int load_table(struct cli *c, const struct cli_args *args, struct table_opts *o,
		      struct arena **ret_a, struct db **ret_db, struct cmt_table *t)
{
	long long doc = cli_pos_id(args, 0);
	struct db *db;
	int r = 0;

	if (o) {
		o->html = cli_flag(args, "html");
		o->format = cli_opt(args, "format");
		o->output = cli_opt(args, "output");
	}
	if (r == 0 && o && o->html && o->format && strcmp(o->format, "html") != 0)
		r = cli_usage(c, "--html và --format %s không đi cùng nhau", o->format);
	if (r == 0 && o && o->format) {
		enum dv_format f;

		if (dv_format_parse(o->format, &f, &c->err) < 0)
			r = cli_usage(c, "%s", c->err.msg);
		else if ((f == DV_PDF || f == DV_DOCX) && !o->output)
			r = cli_usage(c, "định dạng %s cần --output TỆP", o->format);
	}
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (ret_db)
		*ret_db = db;
	*ret_a = arena_new(64u << 20);
	if (!*ret_a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	return cmt_table_load(db, doc, *ret_a, t, &c->err);
}

static json_t *table_json(const struct cmt_table *t)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < t->n; i++) {
		const struct cmt_row *w = &t->rows[i];

		json_array_append_new(
		    arr, json_pack("{s:I, s:s, s:b, s:s?, s:s, s:s, s:s?, s:s?, s:i, s:i}", "id",
				   (json_int_t)w->id, "member", w->member, "group", w->group,
				   "paragraph", w->paragraph, "content", w->content, "response",
				   cmt_resp_name(w->response), "response_text", w->response_text,
				   "responder", w->responder, "on_version", w->on_version,
				   "revised_version", w->revised_version));
	}
	return json_pack("{s:I, s:s, s:s, s:i, s:o, s:{s:i, s:i, s:i, s:i}}", "document_id",
			 (json_int_t)t->document_id, "kind", t->doc_kind, "title", t->doc_title,
			 "versions", t->versions, "comments", arr, "totals", "tiep_thu",
			 t->n_tiep_thu, "giai_trinh", t->n_giai_trinh, "khong_tiep_thu", t->n_khong,
			 "open", t->n_open);
}

const struct cli_spec cli_comment_table_spec = {
    .opts = (const struct cli_optdef[]){{"format", CLI_TEXT, 0, "txt|html|pdf|docx",
					 "định dạng (pdf, docx cần --output)"},
					{"output", CLI_TEXT, 0, "FILE", "tệp ghi ra"},
					{"html", CLI_FLAG, 0, NULL, "như --format html"},
					{NULL}},
    .pos = doc_pos,
};

int cli_comment_table(struct cli *c, const struct cli_args *args)
{
	struct buf out = BUF_INIT(64u << 20);
	struct table_opts o = {NULL, NULL, false};
	struct arena *a = NULL;
	struct db *db = NULL;
	struct cmt_table t;
	enum dv_format f = DV_TXT;
	int r;

	r = load_table(c, args, &o, &a, &db, &t);
	if (r == 0 && o.format)
		r = dv_format_parse(o.format, &f, &c->err);
	if (r == 0 && o.html)
		f = DV_HTML;
	if (r == 0 && c->json) {
		r = cli_json(c, table_json(&t));
	} else if (r == 0 && (f == DV_PDF || f == DV_DOCX)) {
		struct fmt_profile p;
		struct docview v;

		/* The store's party-2018 profile, or its built-in values. */
		if (fmt_profile_load(db, "party-2018", &p, NULL) < 0)
			fmt_profile_default(&p);
		r = cmt_table_view(&t, &p, a, &v, &c->err);
		if (r == 0)
			r = dv_render(&v, f, &out, &c->err);
		if (f == DV_PDF)
			dv_render_release();
	} else if (r == 0) {
		r = f == DV_HTML ? cmt_table_html(&t, &out) : cmt_table_text(&t, &out);
		if (r < 0)
			r = err_set(&c->err, r, "bảng tổng hợp quá lớn");
	}
	if (r == 0 && !c->json) {
		if (o.output)
			r = dv_write_file(o.output, out.data, out.len, &c->err);
		else
			fwrite(out.data, 1, out.len, c->out);
	}
	buf_free(&out);
	arena_free(a);
	return r;
}

const struct cli_spec cli_comment_list_spec = {.pos = doc_pos};

int cli_comment_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a = NULL;
	struct cmt_table t;
	int r;

	r = load_table(c, args, NULL, &a, NULL, &t);
	if (r == 0 && c->json) {
		r = cli_json(c, table_json(&t));
	} else if (r == 0) {
		for (size_t i = 0; i < t.n; i++)
			fprintf(c->out, "%6lld  %-26s %-15s %s\n", (long long)t.rows[i].id,
				t.rows[i].member, cmt_resp_label(t.rows[i].response),
				t.rows[i].content);
		if (t.n == 0)
			fprintf(c->out, "Chưa có ý kiến.\n");
	}
	arena_free(a);
	return r;
}

const struct cli_spec cli_comment_version_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"version", CLI_TEXT, 0, "N", "phiên bản (mặc định bản mới nhất)"}, {NULL}},
    .pos = doc_pos,
};

int cli_comment_version(struct cli *c, const struct cli_args *args)
{
	struct arena *a;
	const char *text;
	long long doc = cli_pos_id(args, 0);
	struct db *db;
	int r = 0, ver = 0;

	if (cli_flag(args, "version"))
		r = cli_sw_int(c, "--version", cli_opt(args, "version"), &ver);
	if (r == 0)
		r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(64u << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = cmt_version_text(db, doc, ver, a, &text, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, json_pack("{s:I, s:i, s:s}", "document_id", (json_int_t)doc,
						  "version", ver, "text", text));
		else
			fprintf(c->out, "%s\n", text);
	}
	arena_free(a);
	return r;
}
