/* cli_doc.c: 'dondoc doc list|show|add|issue|symbol|number': the document register. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_reg.h"
#include "core/registry/docnum.h"
#include "vn/date.h"
#include "vn/text.h"

#define DOC_TEXT_MAX (16u << 20)

const struct cli_spec cli_doc_list_spec = {
    .opts = (const struct cli_optdef[]){{"body", CLI_TEXT, 0, "BODY", "cơ quan"},
					{"type", CLI_TEXT, 0, "CODE",
					 "loại văn bản (ký hiệu, ví dụ NQ, TB)"},
					{NULL}},
};

int cli_doc_list(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body"), *type = cli_opt(args, "type"), *tname;
	struct arena *a = NULL;
	struct reg_body b = {0};
	struct reg_doc *ds;
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
	if (type && (r = reg_doc_type_name(db, type, a, &tname, &c->err)) < 0) {
		r = r == ERR_NOTFOUND ? (c->err.code = ERR_INVAL) : r;
		goto out;
	}
	if ((r = reg_doc_list(db, b.id, type, a, &ds, &n, &c->err)) < 0)
		goto out;
	if (c->json) {
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++)
			json_array_append_new(arr, cli_reg_json_doc(&ds[i]));
		r = cli_json(c, arr);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "%4lld  %-14s %-10s %s\n", (long long)ds[i].id,
			ds[i].symbol ? ds[i].symbol : "(dự thảo)", ds[i].date ? ds[i].date : "",
			ds[i].title);
out:
	arena_free(a);
	return r;
}

const struct cli_spec cli_doc_show_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"date", CLI_DATE, 0, "DATE", "ngày văn bản, khi số hiệu trùng"}, {NULL}},
    .pos = (const struct cli_posdef[]){{"ID|SYMBOL", CLI_TEXT, CLI_REQ, "mã hoặc số hiệu văn bản"},
				       {NULL}},
};

int cli_doc_show(struct cli *c, const struct cli_args *args)
{
	const char *date = cli_opt(args, "date"), *tname = "", *arg = cli_pos(args, 0);
	struct arena *a = NULL;
	struct reg_doc d;
	struct reg_doc_ref *refs;
	struct db *db;
	long long id;
	size_t n;
	json_t *j, *arr;
	int r;

	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if (strspn(arg, "0123456789") == strlen(arg)) {
		if ((r = cli_reg_int(c, "mã văn bản", arg, INT64_MAX, &id)) == 0)
			r = reg_doc_get(db, id, a, &d, &c->err);
	} else {
		r = reg_doc_find(db, arg, date, a, &d, &c->err);
	}
	if (r < 0 || (r = reg_doc_ref_list(db, d.id, a, &refs, &n, &c->err)) < 0)
		goto out;
	reg_doc_type_name(db, d.type_code, a, &tname, NULL);
	if (c->json) {
		j = cli_reg_json_doc(&d);
		cli_reg_jstr(j, "type_name", tname);
		cli_reg_jstr(j, "text", d.text);
		arr = json_array();
		for (size_t i = 0; arr && i < n; i++) {
			json_t *f = json_object();

			cli_reg_jstr(f, "symbol", refs[i].symbol);
			cli_reg_jstr(f, "date", refs[i].date);
			if (f)
				json_object_set_new(f, "document_id",
						    refs[i].to_id ? json_integer(refs[i].to_id)
								  : json_null());
			json_array_append_new(arr, f);
		}
		if (j)
			json_object_set_new(j, "refs", arr);
		r = cli_json(c, j);
		goto out;
	}
	fprintf(c->out, "%s số %s%s%s\n", tname, d.symbol ? d.symbol : "(chưa có số)",
		d.date ? " ngày " : "", d.date ? d.date : "");
	if (d.title && *d.title)
		fprintf(c->out, "Trích yếu: %s\n", d.title);
	fprintf(c->out, "Độ mật: %s; trạng thái: %s\n", reg_doc_conf_name(d.confidentiality),
		strcmp(d.status, "issued") == 0 ? "đã ban hành" : "dự thảo");
	for (size_t i = 0; i < n; i++)
		fprintf(c->out, "Dẫn chiếu: %s%s%s%s\n", refs[i].symbol,
			refs[i].date ? " ngày " : "", refs[i].date ? refs[i].date : "",
			refs[i].to_id ? "" : " (chưa có trong sổ)");
	if (d.text)
		fprintf(c->out, "\n%s\n", d.text);
out:
	arena_free(a);
	return r;
}

static int read_text_file(struct cli *c, const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	int r;

	if (!f)
		return err_set(&c->err, ERR_IO, "%s: không đọc được tệp (%s)", path,
			       strerror(errno));
	r = buf_read(out, f);
	if (r == ERR_IO)
		r = err_set(&c->err, ERR_IO, "%s: lỗi đọc tệp", path);
	else if (r == ERR_TOOBIG)
		r = err_set(&c->err, r, "%s: tệp quá lớn (tối đa %u byte)", path, DOC_TEXT_MAX);
	fclose(f);
	if (r == 0)
		r = cli_text_check(c, path, out->data, out->len);
	return r;
}

#define MAX_REFS 64

const struct cli_spec cli_doc_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"symbol", CLI_TEXT, 0, "SYMBOL", "số và ký hiệu (ví dụ 22-NQ/HU)"},
	    {"type", CLI_TEXT, 0, "CODE", "loại văn bản, cho dự thảo chưa có số"},
	    {"body", CLI_TEXT, 0, "BODY", "cơ quan ban hành"},
	    {"organ", CLI_TEXT, 0, "ORGAN", "cơ quan giúp việc"},
	    {"term", CLI_TEXT, 0, "TERM", "nhiệm kỳ"},
	    {"date", CLI_DATE, 0, "DATE", "ngày văn bản"},
	    {"title", CLI_TEXT, 0, "TEXT", "trích yếu"},
	    {"text-file", CLI_TEXT, 0, "FILE", "tệp nội dung (UTF-8)"},
	    {"confidentiality", CLI_CHOICE, 0, "thuong|mat|toi_mat", "độ mật"},
	    {"ref", CLI_TEXT, CLI_MANY, "SYMBOL", "văn bản căn cứ"},
	    {"drafting-unit", CLI_TEXT, 0, "CODE",
	     "ký hiệu đơn vị soạn thảo (VP trong 15/UBND-VP), cho công văn cơ quan nhà nước"},
	    {NULL}},
    .note = "Cần --symbol hoặc --type; --term cần --body hoặc --organ.",
};

int cli_doc_add(struct cli *c, const struct cli_args *args)
{
	struct reg_doc d = {0};
	const char *body = cli_opt(args, "body"), *organ = cli_opt(args, "organ"),
		   *term = cli_opt(args, "term"), *file = cli_opt(args, "text-file");
	const char *refs[MAX_REFS];
	struct buf text = BUF_INIT(DOC_TEXT_MAX);
	struct arena *a = NULL;
	struct reg_body b;
	struct reg_organ o;
	struct reg_term t;
	struct docnum dn;
	struct db *db;
	int64_t id = 0;
	size_t nrefs;
	int r;

	d.type_code = cli_opt(args, "type");
	d.symbol = cli_opt(args, "symbol");
	d.title = cli_opt(args, "title");
	d.confidentiality = cli_opt(args, "confidentiality");
	d.date = cli_opt(args, "date");
	d.drafting_unit = cli_opt(args, "drafting-unit");
	nrefs = cli_opt_all(args, "ref", refs, MAX_REFS);
	if (nrefs > MAX_REFS)
		return cli_usage(c, "quá nhiều --ref (tối đa %d)", MAX_REFS);
	if (!d.type_code && !d.symbol)
		return cli_usage(c, "cần --type hoặc --symbol");
	if (d.symbol && docnum_parse(d.symbol, strlen(d.symbol), &dn, &c->err) < 0)
		return ERR_INVAL;
	for (size_t i = 0; i < nrefs; i++)
		if (docnum_parse(refs[i], strlen(refs[i]), &dn, &c->err) < 0)
			return ERR_INVAL;
	if (d.confidentiality && !reg_doc_conf_valid(d.confidentiality))
		return err_set(&c->err, ERR_INVAL,
			       "độ mật '%s' không hợp lệ (thuong, mat, toi_mat)",
			       d.confidentiality);
	if (term && !body && !organ)
		return cli_usage(c, "--term cần --body hoặc --organ");
	if (file) {
		if ((r = read_text_file(c, file, &text)) < 0)
			goto out;
		d.text = buf_str(&text);
	}
	if ((r = cli_db(c, &db)) < 0)
		goto out;
	if (!(a = arena_new(CLI_REG_ARENA))) {
		r = err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	if (body) {
		if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
			goto out;
		d.body_id = b.id;
	}
	if (organ) {
		if ((r = cli_reg_organ(c, db, organ, a, &o)) < 0)
			goto out;
		d.organ_id = o.id;
		if (!d.body_id)
			d.body_id = o.body_id;
	}
	if (term) {
		if ((r = cli_reg_term(c, db, d.body_id, term, a, &t)) < 0)
			goto out;
		d.term_id = t.id;
	}
	if ((r = cli_reg_begin(c, db)) < 0)
		goto out;
	r = reg_doc_add(db, &d, &id, &c->err);
	for (size_t i = 0; r == 0 && i < nrefs; i++)
		r = reg_doc_ref_add(db, id, refs[i], NULL, NULL, &c->err);
	if ((r = cli_reg_end(c, db, r)) < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:I}", "id", (json_int_t)id));
	else
		fprintf(c->out, "%lld\n", (long long)id);
out:
	buf_free(&text);
	arena_free(a);
	return r;
}

const struct cli_spec cli_doc_issue_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"date", CLI_DATE, 0, "DATE", "ngày ban hành"},
	    {"drafting-unit", CLI_TEXT, 0, "CODE",
	     "ký hiệu đơn vị soạn thảo (VP trong 15/UBND-VP), cho công văn cơ quan nhà nước"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"ID", CLI_ID, CLI_REQ, "mã văn bản"}, {NULL}},
};

int cli_doc_issue(struct cli *c, const struct cli_args *args)
{
	const char *date = cli_opt(args, "date"), *unit = cli_opt(args, "drafting-unit");
	struct arena *a = NULL;
	struct reg_doc d;
	struct db *db;
	int64_t id = cli_pos_id(args, 0);
	long number = 0;
	int r;

	if ((r = cli_db(c, &db)) < 0 || (r = cli_reg_begin(c, db)) < 0)
		return r;
	r = unit ? reg_doc_set_drafting_unit(db, id, unit, &c->err) : 0;
	if (r == 0)
		r = reg_doc_issue(db, id, date, &number, &c->err);
	r = cli_reg_end(c, db, r);
	if (r < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = reg_doc_get(db, id, a, &d, &c->err);
	if (r == 0) {
		if (c->json)
			r = cli_json(c, cli_reg_json_doc(&d));
		else
			fprintf(c->out, "%s ngày %s\n", d.symbol, d.date);
	}
	arena_free(a);
	return r;
}

const struct cli_spec cli_doc_symbol_spec = {
    .pos =
	(const struct cli_posdef[]){{"TEXT", CLI_TEXT, CLI_REQ, "số hiệu văn bản (ví dụ 22-NQ/HU)"},
				    {NULL}},
};

int cli_doc_symbol(struct cli *c, const struct cli_args *args)
{
	const char *text = cli_pos(args, 0);
	struct buf nfc = BUF_INIT(4096), out = BUF_INIT(4096);
	struct docnum d;
	json_t *j;
	int r;

	r = vn_nfc(text, strlen(text), &nfc, &c->err);
	if (r < 0) {
		err_set(&c->err, ERR_INVAL, "số hiệu văn bản không phải UTF-8 hợp lệ");
		r = ERR_INVAL;
		goto out;
	}
	if ((r = docnum_parse(buf_str(&nfc), nfc.len, &d, &c->err)) < 0 ||
	    (r = docnum_format(&d, DOCNUM_WITH_PREFIX, &out)) < 0)
		goto out;
	j = json_pack("{s:s,s:i,s:s,s:s,s:s}", "form", d.form == DOCNUM_PARTY ? "party" : "state",
		      "number", (int)d.number, "type", docnum_kind(&d), "issuer", d.issuer,
		      "written", buf_str(&out));
	if (j) {
		json_object_set_new(j, "type_written", json_boolean(d.type[0] != '\0'));
		json_object_set_new(j, "year", d.year ? json_integer(d.year) : json_null());
		json_object_set_new(j, "dept", d.dept[0] ? json_string(d.dept) : json_null());
		buf_reset(&out);
		if (docnum_format(&d, 0, &out) == 0)
			json_object_set_new(j, "symbol", json_string(buf_str(&out)));
	}
	/* The parts are what this verb is for: JSON with or without --json. */
	r = cli_json(c, j);
out:
	buf_free(&nfc);
	buf_free(&out);
	return r;
}

const struct cli_spec cli_doc_number_spec = {
    .opts =
	(const struct cli_optdef[]){{"body", CLI_TEXT, CLI_REQ, "BODY", "cơ quan"},
				    {"type", CLI_TEXT, CLI_REQ, "CODE", "loại văn bản"},
				    {"term", CLI_TEXT, 0, "TERM", "nhiệm kỳ"},
				    {"date", CLI_DATE, 0, "DATE",
				     "ngày: nhiệm kỳ của ngày đó, hoặc năm của ngày đó với cơ quan "
				     "nhà nước (mặc định hôm nay)"},
				    {"peek", CLI_FLAG, 0, NULL, "chỉ xem số kế tiếp, không lấy số"},
				    {NULL}},
    .pos = (const struct cli_posdef[]){{"next|set", CLI_TEXT, CLI_REQ, "next hoặc set"},
				       {"LAST", CLI_TEXT, 0, "set: số cuối cùng đã cấp"},
				       {NULL}},
    .note = "next lấy số kế tiếp (--peek: chỉ xem); set LAST ghi số cuối cùng đã cấp trước "
	    "khi dùng dondoc, số kế tiếp là LAST + 1. --term và --date không dùng cùng nhau.",
};

int cli_doc_number(struct cli *c, const struct cli_args *args)
{
	const char *body = cli_opt(args, "body"), *type = cli_opt(args, "type"),
		   *term = cli_opt(args, "term"), *date = cli_opt(args, "date"), *tname;
	char today[11];
	int year;
	struct arena *a = NULL;
	struct reg_body b;
	struct reg_term t;
	struct db *db;
	long n = 0;
	int r;

	const char *verb = cli_pos(args, 0), *last = cli_pos(args, 1);
	long set = -1;

	if (strcmp(verb, "next") != 0 && strcmp(verb, "set") != 0)
		return cli_usage(c, "cần từ khóa 'next' hoặc 'set'");
	if (strcmp(verb, "set") == 0) {
		char *end;

		if (!last || !*last || (set = strtol(last, &end, 10), *end) || set < 0)
			return cli_usage(c, "set cần số cuối cùng đã cấp (0 trở lên)");
	} else if (last) {
		return cli_usage(c, "next không nhận thêm đối số");
	}
	if (term && date)
		return cli_usage(c, "--term và --date không dùng cùng nhau");
	if ((r = cli_db(c, &db)) < 0)
		return r;
	if (!(a = arena_new(CLI_REG_ARENA)))
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = cli_reg_body(c, db, body, a, &b)) < 0)
		goto out;
	if ((r = reg_doc_type_name(db, type, a, &tname, &c->err)) < 0) {
		if (r == ERR_NOTFOUND)
			r = c->err.code = ERR_INVAL;
		goto out;
	}
	if (!date)
		vn_date_iso(vn_date_today(), today);
	if (b.kind != REG_PARTY) {
		/* a state body numbers by calendar year (NĐ 30/2020, Điều 15) */
		if (term) {
			r = err_set(&c->err, ERR_INVAL,
				    "%s là cơ quan nhà nước, đánh số theo năm: dùng --date thay "
				    "cho --term",
				    b.code);
			goto out;
		}
		year = (int)strtol(date ? date : today, NULL, 10);
		if (set >= 0) {
			r = err_set(
			    &c->err, ERR_INVAL,
			    "%s là cơ quan nhà nước: số bắt đầu lại từ 01 mỗi năm, không ghi "
			    "số cuối cùng theo nhiệm kỳ",
			    b.code);
			goto out;
		}
		if (cli_opt(args, "peek"))
			r = docnum_peek_year(db, b.id, type, year, &n, &c->err);
		else
			r = docnum_next_year(db, b.id, type, year, &n, &c->err);
		if (r < 0)
			goto out;
		if (c->json)
			r = cli_json(c, json_pack("{s:i,s:s,s:s,s:i}", "number", (int)n, "type",
						  type, "body", b.code, "year", year));
		else
			fprintf(c->out, "%ld\n", n);
		goto out;
	}
	if (term)
		r = cli_reg_term(c, db, b.id, term, a, &t);
	else
		r = reg_term_at(db, b.id, date ? date : today, a, &t, &c->err);
	if (r < 0)
		goto out;
	if (set >= 0) {
		if ((r = docnum_set_last(db, b.id, type, t.id, set, &c->err)) < 0)
			goto out;
		r = docnum_peek(db, b.id, type, t.id, &n, &c->err);
	} else if (cli_opt(args, "peek")) {
		r = docnum_peek(db, b.id, type, t.id, &n, &c->err);
	} else {
		r = docnum_next(db, b.id, type, t.id, &n, &c->err);
	}
	if (r < 0)
		goto out;
	if (c->json)
		r = cli_json(c, json_pack("{s:i,s:s,s:s,s:s}", "number", (int)n, "type", type,
					  "body", b.code, "term", t.name));
	else
		fprintf(c->out, "%ld\n", n);
out:
	arena_free(a);
	return r;
}
