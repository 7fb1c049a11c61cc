/* cli_notice.c: 'dondoc notice …': list, show, check, render, issue and correct conclusion notices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/notice/notice.h"
#include "core/notice/notice_sign.h"
#include "core/notice/fmt.h"
#include "core/registry/registry.h"
#include "mail/mail.h"
#include "render/docview.h"
#include "render/entity.h"
#include "render/notice_view.h"
#include "util/arena.h"

#define NOTICE_ARENA (64u << 20)
#define TEMPLATE_MAX (1u << 20)

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

/*
 * The API's notice object (render/entity.h) of row, with its body's name and
 * its session's number and date looked up; NULL when out of memory.
 */
static json_t *notice_json(struct db *db, const struct notice_row *row, struct arena *a)
{
	struct read_notice n = {.id = row->id,
				.session_id = row->session_id,
				.body_id = row->body_id,
				.term_id = row->term_id,
				.status = row->status,
				.version = row->version,
				.symbol = row->symbol,
				.issue_date = row->issue_date,
				.corrects_id = row->corrects_id,
				.issued_at = row->issued_at};
	struct reg_session s;
	struct reg_body b;
	struct err e = {0};

	if (reg_body_get(db, row->body_id, a, &b, &e) == 0)
		n.body_name = b.name;
	if (row->session_id && reg_session_get(db, row->session_id, a, &s, &e) == 0) {
		n.session_number = s.number;
		n.session_date = s.date;
	}
	return ent_notice_json(&n);
}

const struct cli_spec cli_notice_list_spec = {0};

int cli_notice_list(struct cli *c, const struct cli_args *args)
{
	struct arena *a;
	struct notice_row *rows;
	struct db *db;
	size_t n;
	int r;

	(void)args;
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(NOTICE_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_list(db, a, &rows, &n, &c->err);
	if (r == 0 && c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++) {
			json_t *o = notice_json(db, &rows[i], a);

			if (o)
				json_object_set_new(o, "title", jstr(rows[i].title));
			json_array_append_new(arr, o);
		}
		r = cli_json(c, arr);
	} else if (r == 0) {
		for (size_t i = 0; i < n; i++)
			fprintf(c->out, "%lld\t%s\t%s\t%s\t%s\n", (long long)rows[i].id,
				rows[i].status, rows[i].symbol ? rows[i].symbol : "-",
				rows[i].issue_date ? rows[i].issue_date : "-", rows[i].title);
	}
	arena_free(a);
	return r;
}

static const struct cli_posdef id_pos[] = {
    {"ID", CLI_ID, CLI_REQ, "mã thông báo"},
    {NULL},
};

static json_t *msgs_json(const struct notice_doc *d)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < d->nmsgs; i++)
		json_array_append_new(
		    arr, json_pack("{s:s, s:i, s:i, s:s, s:s}", "severity",
				   d->msgs[i].sev == NOTICE_ERROR ? "error" : "warning", "line",
				   d->msgs[i].line, "column", d->msgs[i].col, "kind",
				   d->msgs[i].kind, "message", d->msgs[i].text));
	return arr;
}

static void msgs_print(FILE *f, const struct notice_doc *d)
{
	for (size_t i = 0; i < d->nmsgs; i++)
		fprintf(f, "dòng %d, cột %d: %s: %s\n", d->msgs[i].line, d->msgs[i].col,
			d->msgs[i].sev == NOTICE_ERROR ? "lỗi" : "cảnh báo", d->msgs[i].text);
}

const struct cli_spec cli_notice_check_spec = {.pos = id_pos};

int cli_notice_check(struct cli *c, const struct cli_args *args)
{
	struct notice_row row;
	struct notice_doc d;
	struct arena *a;
	struct db *db;
	long long id;
	int r;

	id = cli_pos_id(args, 0);
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(NOTICE_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_load(db, id, a, &row, &d, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, json_pack("{s:I, s:i, s:i, s:o}", "id", (json_int_t)id,
						  "errors", (int)d.nerrors, "unresolved",
						  (int)d.nunresolved, "messages", msgs_json(&d)));
		else
			msgs_print(c->out, &d);
		if (r == 0 && d.nmsgs)
			r = err_set(&c->err, ERR_CHECK, "thông báo %lld: %zu lỗi, %zu cảnh báo", id,
				    d.nerrors, d.nmsgs - d.nerrors);
		else if (r == 0 && !c->json)
			fprintf(c->out, "thông báo %lld: không có lỗi hay cảnh báo\n", id);
	}
	arena_free(a);
	return r;
}

/* The notice as a document view, ready for any renderer. */
static int notice_docview(struct cli *c, long long id, struct arena *a, struct notice_row *row,
			  struct notice_doc *d, struct docview *v)
{
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = notice_load(db, id, a, row, d, &c->err);
	if (r == 0)
		r = notice_view(d, d->profile_data, a, v, &c->err);
	return r;
}

const struct cli_spec cli_notice_show_spec = {.pos = id_pos};

int cli_notice_show(struct cli *c, const struct cli_args *args)
{
	struct notice_row row;
	struct notice_doc d;
	struct docview v;
	struct buf text = BUF_INIT(8u << 20);
	struct notice_delivery *dl = NULL;
	size_t ndl = 0;
	struct arena *a;
	long long id;
	int r;

	id = cli_pos_id(args, 0);
	a = arena_new(NOTICE_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_docview(c, id, a, &row, &d, &v);
	if (r == 0)
		r = notice_deliveries(c->db, id, a, &dl, &ndl, &c->err);
	if (r == 0)
		r = dv_render_text(&v, &text, &c->err);
	if (r == 0 && c->json) {
		json_t *dels = json_array();

		for (size_t i = 0; i < ndl; i++)
			json_array_append_new(dels,
					      json_pack("{s:s, s:s, s:o, s:s, s:s}", "to",
							dl[i].label, "channel", dl[i].channel,
							"address", jstr(dl[i].address), "status",
							dl[i].status, "at", dl[i].at));
		json_t *o = notice_json(c->db, &row, a);

		if (o) {
			json_object_set_new(o, "profile", json_string(d.profile_data->code));
			json_object_set_new(
			    o, "signer",
			    json_pack("{s:o, s:o, s:o}", "authority", jstr(d.sig_authority),
				      "position", jstr(d.sig_position), "name", jstr(d.sig_name)));
			json_object_set_new(o, "text", json_string(buf_str(&text)));
			json_object_set_new(o, "messages", msgs_json(&d));
			json_object_set_new(o, "deliveries", dels);
		} else {
			json_decref(dels);
		}
		r = cli_json(c, o);
	} else if (r == 0) {
		fprintf(c->out, "# thông báo %lld, bản %d: %s%s%s\n", id, row.version, row.status,
			row.symbol ? ", số " : "", row.symbol ? row.symbol : "");
		fputs(buf_str(&text), c->out);
		if (ndl) {
			fputs("\n# gửi:\n", c->out);
			for (size_t i = 0; i < ndl; i++)
				fprintf(c->out, "# %s\t%s\t%s\t%s\t%s\n", dl[i].at, dl[i].channel,
					dl[i].status, dl[i].address ? dl[i].address : "-",
					dl[i].label);
		}
		msgs_print(c->out, &d);
	}
	buf_free(&text);
	arena_free(a);
	return r;
}

const struct cli_spec cli_notice_render_spec = {
    .opts = (const struct cli_optdef[]){{"format", CLI_TEXT, 0, "txt|html|pdf|docx",
					 "định dạng (mặc định txt)"},
					{"output", CLI_TEXT, CLI_REQ, "FILE", "tệp ghi ra"},
					{NULL}},
    .pos = id_pos,
};

int cli_notice_render(struct cli *c, const struct cli_args *args)
{
	const char *format = cli_opt(args, "format"), *output = cli_opt(args, "output");
	enum dv_format fmt = DV_TXT;
	struct notice_row row;
	struct notice_doc d;
	struct docview v;
	struct buf out = BUF_INIT(64u << 20);
	struct arena *a;
	long long id = cli_pos_id(args, 0);
	int r;

	if (format && dv_format_parse(format, &fmt, &c->err) < 0)
		return cli_usage(c, "%s", c->err.msg);
	a = arena_new(NOTICE_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_docview(c, id, a, &row, &d, &v);
	if (r == 0 && d.nerrors) {
		struct buf m = BUF_INIT(4096);

		notice_msgs_format(&d, &m);
		r = err_set(&c->err, ERR_CHECK,
			    "mẫu thông báo %lld có %zu lỗi, không xuất được:\n%s", id, d.nerrors,
			    buf_str(&m));
		buf_free(&m);
	}
	if (r == 0)
		r = dv_render(&v, fmt, &out, &c->err);
	if (r == 0)
		r = dv_write_file(output, out.data, out.len, &c->err);
	if (r == 0 && !c->json && d.nmsgs)
		msgs_print(stderr, &d);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I, s:s, s:s, s:I, s:i}", "id", (json_int_t)id,
					  "format", format ? format : "txt", "output", output,
					  "bytes", (json_int_t)out.len, "warnings", (int)d.nmsgs));
	if (fmt == DV_PDF)
		dv_render_release();
	buf_free(&out);
	arena_free(a);
	return r;
}

/* The notice as the PDF that goes with its e-mail, into pdf. */
static int notice_pdf(struct cli *c, long long id, struct buf *pdf)
{
	struct arena *a = arena_new(NOTICE_ARENA);
	struct notice_row row;
	struct notice_doc d;
	struct docview v;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_docview(c, id, a, &row, &d, &v);
	/*
	 * A draft is not sent: notice_send says so. The PDF sent is the record:
	 * the stored signed copy, else the PDF kept since issue.
	 */
	if (r == 0 && strcmp(row.status, "draft") != 0) {
		struct notice_record rec;
		struct err e = {0};

		if (notice_record_get(c->db, id, a, &rec, &e) < 0) {
			r = notice_issued_pdf(c->db, id, a, &rec, &c->err);
			dv_render_release();
		}
		if (r == 0 && buf_add(pdf, rec.pdf.data, rec.pdf.len) < 0)
			r = err_set(&c->err, ERR_TOOBIG, "tệp PDF quá lớn");
	}
	arena_free(a);
	return r;
}

/*
 * Sends what is queued, the PDF attached and a link when a public URL is set,
 * and says how it went; with no server configured, says what waits.
 */
static int send_report(struct cli *c, long long id, struct mail_server *srv, const char *public_url,
		       json_t *j)
{
	struct buf pdf = BUF_INIT(MAIL_MAX / 2);
	struct notice_mail mail = {.public_url = public_url};
	size_t sent = 0, failed = 0;
	int r;

	if (!srv->url || !*srv->url) {
		if (!c->json)
			fprintf(c->out,
				"chưa cấu hình máy chủ thư (--smtp hoặc DONDOC_SMTP_URL): "
				"thư điện tử chờ gửi bằng 'dondoc notice send %lld'\n",
				id);
		return 0;
	}
	if (!srv->from || !*srv->from)
		srv->from = "dondoc@localhost";
	r = notice_pdf(c, id, &pdf);
	if (r == 0) {
		mail.pdf = pdf.len ? pdf.data : NULL;
		mail.pdf_len = pdf.len;
		r = notice_send(c->db, id, srv, &mail, &sent, &failed, &c->err);
	}
	buf_free(&pdf);
	if (r == ERR_PERM && !c->json)
		fprintf(c->out, "thư điện tử chưa gửi, chờ gửi bằng 'dondoc notice send %lld'\n",
			id);
	if (r < 0)
		return r;
	if (j) {
		json_object_set_new(j, "mail_sent", json_integer((json_int_t)sent));
		json_object_set_new(j, "mail_failed", json_integer((json_int_t)failed));
	} else {
		fprintf(c->out, "gửi thư điện tử: %zu đã gửi, %zu lỗi\n", sent, failed);
	}
	if (failed)
		return err_set(
		    &c->err, ERR_UNAVAIL,
		    "%zu thư chưa gửi được (xem 'dondoc notice show %lld'); gửi lại bằng "
		    "'dondoc notice send %lld'",
		    failed, id, id);
	return 0;
}

static const struct cli_optdef smtp_opts[] = {
    {"smtp", CLI_TEXT, 0, "URL", "máy chủ thư (mặc định DONDOC_SMTP_URL)"},
    {"from", CLI_TEXT, 0, "ADDR", "địa chỉ gửi (mặc định DONDOC_SMTP_FROM)"},
    {"smtp-insecure", CLI_FLAG, 0, NULL, "cho gửi mật khẩu SMTP không qua TLS"},
    {"public-url", CLI_TEXT, 0, "URL",
     "địa chỉ dondoc từ bên ngoài, để thư dẫn tới thông báo (mặc định DONDOC_PUBLIC_URL)"},
    {NULL},
};

/* --public-url, else DONDOC_PUBLIC_URL, else NULL (no link); checked before anything is written. */
static int public_url_arg(struct cli *c, const struct cli_args *args, const char **ret)
{
	const char *u = cli_opt(args, "public-url");

	if (!u)
		u = getenv("DONDOC_PUBLIC_URL");
	if (u && !*u)
		u = NULL;
	if (u && notice_public_url_check(u, &c->err) < 0)
		return ERR_INVAL;
	*ret = u;
	return 0;
}

/* The SMTP server: the environment, then --smtp, --from, --smtp-insecure. */
static void smtp_args(const struct cli_args *args, struct mail_server *srv)
{
	cli_smtp_env(srv);
	if (cli_opt(args, "smtp"))
		srv->url = cli_opt(args, "smtp");
	if (cli_opt(args, "from"))
		srv->from = cli_opt(args, "from");
	if (cli_flag(args, "smtp-insecure"))
		srv->insecure = true;
}

const struct cli_spec cli_notice_send_spec = {.opts = smtp_opts, .pos = id_pos};

int cli_notice_send(struct cli *c, const struct cli_args *args)
{
	struct mail_server srv = {0};
	const char *public_url;
	struct db *db;
	long long id = cli_pos_id(args, 0);
	json_t *j;
	int r;

	smtp_args(args, &srv);
	if (!srv.url || !*srv.url)
		return cli_usage(c,
				 "chưa cấu hình máy chủ thư: dùng --smtp URL hoặc DONDOC_SMTP_URL");
	if ((r = public_url_arg(c, args, &public_url)) < 0)
		return r;
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	j = c->json ? json_pack("{s:I}", "id", (json_int_t)id) : NULL;
	r = send_report(c, id, &srv, public_url, j);
	if (j && r == 0)
		return cli_json(c, j);
	json_decref(j);
	return r;
}

const struct cli_spec cli_notice_issue_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"date", CLI_DATE, 0, "YYYY-MM-DD", "ngày ban hành (mặc định hôm nay)"},
	    {"authority", CLI_TEXT, 0, "T/M", "thẩm quyền ký (T/M, K/T, TL, TUQ)"},
	    {"on-behalf", CLI_TEXT, 0, "'HUYỆN ỦY'", "thay mặt tập thể nào"},
	    {"position", CLI_TEXT, 0, "'BÍ THƯ'", "chức vụ người ký"},
	    {"signer", CLI_TEXT, 0, "NAME", "họ tên người ký"},
	    {"smtp", CLI_TEXT, 0, "URL", "máy chủ thư (mặc định DONDOC_SMTP_URL)"},
	    {"from", CLI_TEXT, 0, "ADDR", "địa chỉ gửi (mặc định DONDOC_SMTP_FROM)"},
	    {"smtp-insecure", CLI_FLAG, 0, NULL, "cho gửi mật khẩu SMTP không qua TLS"},
	    {"public-url", CLI_TEXT, 0, "URL",
	     "địa chỉ dondoc từ bên ngoài, để thư dẫn tới thông báo (mặc định DONDOC_PUBLIC_URL)"},
	    {NULL}},
    .pos = id_pos,
};

int cli_notice_issue(struct cli *c, const struct cli_args *args)
{
	struct notice_issue_in in = {0};
	struct mail_server srv = {0};
	const char *public_url;
	struct arena *a;
	struct notice_row row;
	struct db *db;
	long long id = cli_pos_id(args, 0);
	int r;

	smtp_args(args, &srv);
	if ((r = public_url_arg(c, args, &public_url)) < 0)
		return r;
	in.date = cli_opt(args, "date");
	in.sig_form = cli_opt(args, "authority");
	in.sig_body = cli_opt(args, "on-behalf");
	in.sig_position = cli_opt(args, "position");
	in.sig_name = cli_opt(args, "signer");
	a = arena_new(NOTICE_ARENA);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = cli_db(c, &db);
	/* issued with its PDF kept as the record, both or neither */
	if (r == 0)
		r = notice_issue_with_pdf(db, id, &in, a, &c->err);
	dv_render_release();
	if (r == 0)
		r = notice_get(db, id, a, &row, &c->err);
	if (r == 0 && c->json) {
		json_t *j =
		    json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "symbol", row.symbol,
			      "issue_date", row.issue_date, "status", row.status);

		r = send_report(c, id, &srv, public_url, j);
		if (r == 0)
			r = cli_json(c, j);
		else
			json_decref(j);
	} else if (r == 0) {
		fprintf(c->out, "đã ban hành thông báo %lld: số %s ngày %s\n", id, row.symbol,
			row.issue_date);
		r = send_report(c, id, &srv, public_url, NULL);
	}
	arena_free(a);
	return r;
}

static int read_template(struct cli *c, const char *path, struct buf *out)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int r;

	if (!f)
		return err_set(&c->err, ERR_IO, "%s: không đọc được tệp mẫu", path);
	r = buf_read(out, f);
	if (f != stdin)
		fclose(f);
	if (r == ERR_IO)
		return err_set(&c->err, r, "%s: lỗi đọc tệp mẫu", path);
	if (r < 0)
		return err_set(&c->err, ERR_TOOBIG, "%s: tệp mẫu quá lớn (tối đa 1 MB)", path);
	if (out->len == 0)
		return err_set(&c->err, ERR_INVAL, "%s: tệp mẫu rỗng", path);
	return cli_text_check(c, path, out->data, out->len);
}

const struct cli_spec cli_notice_create_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_ID, CLI_REQ, "ID", "mã cơ quan"},
					{"session", CLI_ID, 0, "ID", "mã phiên họp"},
					{NULL}},
    .pos =
	(const struct cli_posdef[]){{"TEMPLATE", CLI_TEXT, CLI_REQ, "tệp mẫu (- là đầu vào chuẩn)"},
				    {NULL}},
};

int cli_notice_create(struct cli *c, const struct cli_args *args)
{
	long long body = cli_opt_id(args, "body"), session = cli_opt_id(args, "session");
	struct buf tmpl = BUF_INIT(TEMPLATE_MAX);
	struct db *db;
	int64_t id;
	int r;

	r = read_template(c, cli_pos(args, 0), &tmpl);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = notice_create(db, body, session, buf_str(&tmpl), &id, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else if (r == 0)
		fprintf(c->out, "đã tạo dự thảo thông báo %lld\n", (long long)id);
	buf_free(&tmpl);
	return r;
}

const struct cli_spec cli_notice_edit_spec = {
    .pos =
	(const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "mã thông báo"},
				    {"TEMPLATE", CLI_TEXT, CLI_REQ, "tệp mẫu (- là đầu vào chuẩn)"},
				    {NULL}},
};

int cli_notice_edit(struct cli *c, const struct cli_args *args)
{
	struct buf tmpl = BUF_INIT(TEMPLATE_MAX);
	struct db *db;
	long long id = cli_pos_id(args, 0);
	int r = 0;

	r = read_template(c, cli_pos(args, 1), &tmpl);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = notice_set_template(db, id, buf_str(&tmpl), &c->err);
	if (r == 0 && !c->json)
		fprintf(c->out, "đã cập nhật mẫu của thông báo %lld\n", id);
	buf_free(&tmpl);
	return r;
}

const struct cli_spec cli_notice_template_spec = {.pos = id_pos};

int cli_notice_template(struct cli *c, const struct cli_args *args)
{
	struct notice_row row;
	struct arena *a;
	struct db *db;
	long long id;
	int r;

	id = cli_pos_id(args, 0);
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	a = arena_new(4u << 20);
	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_get(db, id, a, &row, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c,
			     json_pack("{s:I, s:s}", "id", (json_int_t)id, "template", row.tmpl));
	else if (r == 0)
		fputs(row.tmpl, c->out);
	arena_free(a);
	return r;
}

const struct cli_spec cli_notice_correct_spec = {
    .pos =
	(const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "mã thông báo"},
				    {"TEMPLATE", CLI_TEXT, 0, "tệp mẫu mới (- là đầu vào chuẩn)"},
				    {NULL}},
};

int cli_notice_correct(struct cli *c, const struct cli_args *args)
{
	struct buf tmpl = BUF_INIT(TEMPLATE_MAX);
	const char *path = cli_pos(args, 1);
	struct db *db;
	long long id = cli_pos_id(args, 0);
	int64_t nid;
	int r = 0;

	if (path)
		r = read_template(c, path, &tmpl);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = notice_correct(db, id, path ? buf_str(&tmpl) : NULL, &nid, &c->err);
	if (r == 0 && c->json)
		r = cli_json(
		    c, json_pack("{s:I, s:I}", "id", (json_int_t)nid, "corrects", (json_int_t)id));
	else if (r == 0)
		fprintf(c->out, "đã tạo bản đính chính %lld của thông báo %lld (dự thảo)\n",
			(long long)nid, id);
	buf_free(&tmpl);
	return r;
}

const struct cli_spec cli_notice_profile_spec = {
    .pos =
	(const struct cli_posdef[]){
	    {"CODE", CLI_TEXT, CLI_REQ, "mã khổ trình bày (party-2018, party-2026, state-2020)"},
	    {"FIELD=VALUE", CLI_TEXT, 0, "trường cần đổi, ví dụ margin_left=30"},
	    {NULL}},
};

int cli_notice_profile(struct cli *c, const struct cli_args *args)
{
	const char *code = cli_pos(args, 0), *set = cli_pos(args, 1);
	struct fmt_profile p;
	struct db *db;
	int r;

	r = cli_db(c, &db);
	if (r < 0)
		return r;
	if (set) {
		const char *eq = strchr(set, '=');
		char field[64], *end;
		double v;

		if (!eq || (size_t)(eq - set) >= sizeof(field))
			return cli_usage(c, "cần TRƯỜNG=GIÁ_TRỊ, ví dụ margin_left=30");
		snprintf(field, sizeof(field), "%.*s", (int)(eq - set), set);
		v = strtod(eq + 1, &end);
		if (end == eq + 1 || *end)
			return cli_usage(c, "giá trị không phải số: '%s'", eq + 1);
		r = fmt_profile_set(db, code, field, v, &c->err);
		if (r < 0)
			return r;
	}
	r = fmt_profile_load(db, code, &p, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(
		    c, json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:{s:f, s:f, s:f, s:f}}",
				 "code", p.code, "family", p.family, "font", p.font, "header_pt",
				 p.header_pt, "motto_pt", p.motto_pt, "type_pt", p.type_pt,
				 "summary_pt", p.summary_pt, "body_pt", p.body_pt, "margins_mm",
				 "top", p.margin_top, "bottom", p.margin_bottom, "left",
				 p.margin_left, "right", p.margin_right));
	fprintf(c->out,
		"%s (%s): %s; cỡ chữ: đầu %g, quốc hiệu %g, tên loại %g, trích yếu %g, nội dung "
		"%g pt; lề trên %g, dưới %g, trái %g, phải %g mm\n",
		p.code, p.family, p.font, p.header_pt, p.motto_pt, p.type_pt, p.summary_pt,
		p.body_pt, p.margin_top, p.margin_bottom, p.margin_left, p.margin_right);
	return 0;
}

const struct cli_spec cli_notice_compose_spec = {
    .pos = (const struct cli_posdef[]){{"SESSION", CLI_ID, CLI_REQ, "mã phiên họp"}, {NULL}},
};

int cli_notice_compose(struct cli *c, const struct cli_args *args)
{
	struct db *db;
	int64_t id;
	int r;

	r = cli_db(c, &db);
	if (r == 0)
		r = notice_create_for_session(db, cli_pos_id(args, 0), &id, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else if (r == 0)
		fprintf(c->out, "đã soạn dự thảo thông báo %lld từ phiên họp %lld\n", (long long)id,
			(long long)cli_pos_id(args, 0));
	return r;
}

/* The units of --lead and --coord: ids, as the API takes them. */
static int task_in_args(struct cli *c, const struct cli_args *args, struct notice_task_in *in,
			int64_t *coords)
{
	const char *v[NOTICE_TASK_COORDS_MAX + 1];
	size_t n = cli_opt_all(args, "coord", v, NOTICE_TASK_COORDS_MAX + 1);

	in->section = cli_opt(args, "section");
	in->content = cli_opt(args, "content");
	in->deadline = cli_opt(args, "deadline");
	in->lead_unit_id = cli_opt_id(args, "lead");
	if (n > NOTICE_TASK_COORDS_MAX)
		return cli_usage(c, "--coord: nhiều nhất 16 đơn vị phối hợp");
	for (size_t i = 0; i < n; i++) {
		char *end;
		long long id = strtoll(v[i], &end, 10);

		if (*end || id <= 0)
			return cli_usage(c, "--coord cần mã (số) của đơn vị phối hợp");
		coords[i] = id;
	}
	in->coord_ids = coords;
	in->ncoords = n;
	return 0;
}

static const struct cli_optdef task_opts[] = {
    {"content", CLI_TEXT, CLI_REQ, "TEXT", "nội dung nhiệm vụ"},
    {"lead", CLI_ID, CLI_REQ, "UNIT", "mã đơn vị chủ trì"},
    {"coord", CLI_TEXT, CLI_MANY, "UNIT", "mã đơn vị phối hợp (nhắc lại được)"},
    {"deadline", CLI_TEXT, 0, "TEXT",
     "thời hạn: 31/10/2023, '02 tháng tới', 'quý I/2024', "
     "'thường xuyên'"},
    {"section", CLI_TEXT, 0, "S", "mục của thông báo"},
    {NULL}};

const struct cli_spec cli_notice_task_spec = {
    .opts = task_opts,
    .pos = id_pos,
    .note = "Thêm một nhiệm vụ vào dự thảo thông báo ID; khi ban hành, mỗi dòng thành một "
	    "nhiệm vụ có nguồn là thông báo.",
};

int cli_notice_task(struct cli *c, const struct cli_args *args)
{
	struct notice_task_in in = {0};
	int64_t coords[NOTICE_TASK_COORDS_MAX], id;
	struct db *db;
	int r;

	r = task_in_args(c, args, &in, coords);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = notice_task_add(db, cli_pos_id(args, 0), &in, &id, &c->err);
	if (r == 0 && c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else if (r == 0)
		fprintf(c->out, "đã thêm nhiệm vụ %lld vào thông báo %lld\n", (long long)id,
			(long long)cli_pos_id(args, 0));
	return r;
}

const struct cli_spec cli_notice_untask_spec = {
    .pos = (const struct cli_posdef[]){{"ROW", CLI_ID, CLI_REQ, "mã dòng nhiệm vụ"}, {NULL}},
};

int cli_notice_untask(struct cli *c, const struct cli_args *args)
{
	struct db *db;
	int r = cli_db(c, &db);

	if (r == 0)
		r = notice_task_remove(db, 0, cli_pos_id(args, 0), &c->err);
	if (r == 0 && !c->json)
		fprintf(c->out, "đã bỏ nhiệm vụ %lld khỏi thông báo\n",
			(long long)cli_pos_id(args, 0));
	return r;
}

const struct cli_spec cli_notice_tasks_spec = {.pos = id_pos};

int cli_notice_tasks(struct cli *c, const struct cli_args *args)
{
	struct arena *a = arena_new(NOTICE_ARENA);
	struct notice_task *t = NULL;
	int64_t id = cli_pos_id(args, 0);
	struct db *db;
	size_t n = 0;
	int r;

	if (!a)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = cli_db(c, &db);
	if (r == 0) {
		struct notice_row row;

		r = notice_get(db, id, a, &row, &c->err);
	}
	if (r == 0)
		r = notice_tasks(db, id, a, &t, &n, &c->err);
	if (r == 0 && c->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, ent_notice_task_json(id, &t[i]));
		r = cli_json(c, arr);
	} else {
		for (size_t i = 0; r == 0 && i < n; i++) {
			const char *line;

			if (notice_task_line(&t[i], a, &line) == 0)
				fprintf(c->out, "%lld\t%s\n", (long long)t[i].id, line);
		}
	}
	arena_free(a);
	return r;
}
