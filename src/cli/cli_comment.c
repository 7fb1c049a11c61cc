/* cli_comment.c: 'dondoc comment add|respond|revise|list|table|version': comments on drafts. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli_sw.h"
#include "core/sessionwork.h"
#include "core/profile.h"
#include "render/cmt_table.h"
#include "render/docview.h"

int cli_comment_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"by", required_argument, NULL, 'b'},      {"group", required_argument, NULL, 'g'},
	    {"session", required_argument, NULL, 's'}, {"para", required_argument, NULL, 'p'},
	    {"file", required_argument, NULL, 'f'},    {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(1u << 20);
	long long doc, by = 0, group = 0, session = 0;
	const char *para = NULL, *file = NULL;
	int64_t id = 0;
	struct db *db;
	char msg[96];
	int ch, r = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'b')
			r = cli_parse_id(c, "--by", optarg, &by);
		else if (ch == 'g')
			r = cli_parse_id(c, "--group", optarg, &group);
		else if (ch == 's')
			r = cli_parse_id(c, "--session", optarg, &session);
		else if (ch == 'p')
			para = optarg;
		else if (ch == 'f')
			file = optarg;
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && !by == !group)
		r = cli_usage(
		    c, "cần đúng một trong --by NGƯỜI hoặc --group ĐƠN_VỊ (người, nhóm góp ý)");
	if (r == 0 && optind >= argc)
		r = cli_usage(c, "thiếu số hiệu văn bản");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu văn bản", argv[optind], &doc);
	if (r == 0)
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, "nội dung ý kiến", &text);
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

int cli_comment_respond(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"as", required_argument, NULL, 'a'},
	    {"unit", required_argument, NULL, 'u'},
	    {"file", required_argument, NULL, 'f'},
	    {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(1u << 20);
	long long id, unit = 0;
	const char *file = NULL;
	struct db *db;
	int ch, r = 0, resp = -1;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'a') {
			resp = cmt_resp_parse(optarg);
			if (resp < 0)
				r = cli_usage(
				    c,
				    "--as phải là tiep-thu, giai-trinh hoặc khong-tiep-thu "
				    "(không phải '%s')",
				    optarg);
		} else if (ch == 'u') {
			r = cli_parse_id(c, "--unit", optarg, &unit);
		} else if (ch == 'f') {
			file = optarg;
		} else {
			r = cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (r == 0 && resp < 0)
		r = cli_usage(c, "thiếu --as tiep-thu|giai-trinh|khong-tiep-thu");
	if (r == 0 && optind >= argc)
		r = cli_usage(c, "thiếu số hiệu ý kiến");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu ý kiến", argv[optind], &id);
	/* Tiếp thu needs no words; the others carry their explanation. */
	if (r == 0 && (file || optind + 1 < argc))
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, "nội dung giải trình", &text);
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

int cli_comment_revise(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"file", required_argument, NULL, 'f'},
	    {"note", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0},
	};
	struct buf text = BUF_INIT(4u << 20);
	const char *file = NULL, *note = NULL;
	long long doc;
	struct db *db;
	char msg[96];
	int ch, r = 0, ver = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'f')
			file = optarg;
		else if (ch == 'n')
			note = optarg;
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && optind >= argc)
		r = cli_usage(c, "thiếu số hiệu văn bản");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu văn bản", argv[optind], &doc);
	if (r == 0)
		r = cli_sw_text_arg(c, argc, argv, optind + 1, file, "nội dung bản sửa", &text);
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

static int load_table(struct cli *c, int argc, char **argv, struct table_opts *o,
		      struct arena **ret_a, struct db **ret_db, struct cmt_table *t)
{
	static const struct option opts[] = {
	    {"html", no_argument, NULL, 'h'},
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {NULL, 0, NULL, 0},
	};
	long long doc;
	struct db *db;
	int ch, r;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'h' && o)
			o->html = true;
		else if (ch == 'f' && o)
			o->format = optarg;
		else if (ch == 'o' && o)
			o->output = optarg;
		else
			return cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (optind >= argc)
		return cli_usage(c, "thiếu số hiệu văn bản");
	r = cli_parse_id(c, "số hiệu văn bản", argv[optind], &doc);
	if (r == 0 && optind + 1 < argc)
		r = cli_usage(c, "thừa tham số: '%s'", argv[optind + 1]);
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

int cli_comment_table(struct cli *c, int argc, char **argv)
{
	struct buf out = BUF_INIT(64u << 20);
	struct table_opts o = {NULL, NULL, false};
	struct arena *a = NULL;
	struct db *db = NULL;
	struct cmt_table t;
	enum dv_format f = DV_TXT;
	int r;

	r = load_table(c, argc, argv, &o, &a, &db, &t);
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

int cli_comment_list(struct cli *c, int argc, char **argv)
{
	struct arena *a = NULL;
	struct cmt_table t;
	int r;

	r = load_table(c, argc, argv, NULL, &a, NULL, &t);
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

int cli_comment_version(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"version", required_argument, NULL, 'v'},
	    {NULL, 0, NULL, 0},
	};
	struct arena *a;
	const char *text;
	long long doc;
	struct db *db;
	int ch, r = 0, ver = 0;

	optind = 1;
	while (r == 0 && (ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'v')
			r = cli_sw_int(c, "--version", optarg, &ver);
		else
			r = cli_usage(c, "tùy chọn không hợp lệ");
	}
	if (r == 0 && optind + 1 != argc)
		r = cli_usage(c, optind >= argc ? "thiếu số hiệu văn bản" : "thừa tham số");
	if (r == 0)
		r = cli_parse_id(c, "số hiệu văn bản", argv[optind], &doc);
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
