/* reg_doc.c: the registry's documents and their references: add, issue, look up and list. */
#include "core/registry/registry.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/registry/docnum.h"
#include "core/registry/reg_int.h"
#include "util/buf.h"
#include "util/email.h"
#include "vn/date.h"
#include "vn/text.h"

/* ---- documents ---- */

static const char *const doc_confs[] = {"thuong", "mat", "toi_mat", NULL};
static const char *const doc_conf_names[] = {"thường", "mật", "tối mật"};
static const char *const doc_statuses[] = {"draft", "issued", NULL};

int reg_doc_conf_valid(const char *conf)
{
	return reg_in_list(conf, doc_confs);
}

const char *reg_doc_conf_name(const char *conf)
{
	int i = reg_index_of(conf, doc_confs);

	return i < 0 ? "" : doc_conf_names[i];
}

int reg_doc_type_name(struct db *db, const char *code, struct arena *a, const char **ret,
		      struct err *e)
{
	struct db_q *q;
	const char *n = NULL;
	int r;

	r = db_err(db, e, db_query(db, SQL_DOCTYPE_NAME, &q, "t", code), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	r = db_step(q);
	if (r == 1)
		n = db_col_strdup(q, 0, a);
	db_done(q);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "loại văn bản '%s' không có trong danh mục",
			       code ? code : "");
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh mục loại văn bản");
	if (!n)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	*ret = n;
	return 0;
}

static int read_doc(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_doc *d = out;

	d->id = db_col_int(q, 0);
	d->type_code = db_col_strdup(q, 1, a);
	d->body_id = db_col_int(q, 2);
	d->organ_id = db_col_int(q, 3);
	d->term_id = db_col_int(q, 4);
	d->issuer_code = db_col_strdup(q, 5, a);
	d->number = (long)db_col_int(q, 6);
	d->symbol = db_col_strdup(q, 7, a);
	d->date = db_col_strdup(q, 8, a);
	d->title = db_col_strdup(q, 9, a);
	d->text = db_col_strdup(q, 10, a);
	d->confidentiality = db_col_strdup(q, 11, a);
	d->status = db_col_strdup(q, 12, a);
	return 0;
}

/* The symbol of any written form in its stored form ("Số 22 - NQ/HU" → "22-NQ/HU"). */
static int canon_symbol(struct arena *a, const char *sym, struct docnum *dn, const char **ret,
			struct err *e)
{
	struct buf b = BUF_INIT(200);
	const char *n;
	int r;

	r = reg_norm_text(a, sym, "số hiệu văn bản", true, 200, &n, e);
	if (r < 0)
		return r;
	r = docnum_parse(n, strlen(n), dn, e);
	if (r < 0)
		return r;
	r = docnum_format(dn, 0, &b);
	if (r == 0)
		*ret = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	if (r < 0)
		return err_set(e, r, "không viết được số hiệu '%s'", n);
	return *ret ? 0 : err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
}

static int reg_doc_add_tx(struct db *db, const struct reg_doc *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_doc d = *in;
	struct docnum dn = {0};
	struct reg_body b;
	struct reg_term t;
	struct reg_organ o;
	struct err e2 = {0};
	const char *fold, *tname;
	struct db_q *q;
	char msg[400];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	d.symbol = NULL;
	if (!reg_blank(in->symbol)) {
		r = canon_symbol(a, in->symbol, &dn, &d.symbol, e);
		if (r < 0)
			goto out;
		if (d.type_code && *docnum_kind(&dn) &&
		    strcmp(d.type_code, docnum_kind(&dn)) != 0) {
			r = err_set(e, ERR_INVAL, "loại văn bản '%s' khác với số hiệu '%s'",
				    d.type_code, d.symbol);
			goto out;
		}
		if (!d.type_code && *docnum_kind(&dn))
			d.type_code = arena_strdup(a, docnum_kind(&dn));
		d.number = dn.number;
		d.issuer_code = arena_strdup(a, dn.issuer);
		if (reg_blank(d.drafting_unit) && dn.dept[0])
			d.drafting_unit = arena_strdup(a, dn.dept);
	} else {
		d.number = 0;
	}
	if (reg_blank(d.type_code)) {
		r = err_set(e, ERR_INVAL, "thiếu loại văn bản (NQ, TB, QĐ …)");
		goto out;
	}
	if ((r = reg_doc_type_name(db, d.type_code, a, &tname, e)) < 0) {
		r = r == ERR_NOTFOUND ? (e ? (e->code = ERR_INVAL) : ERR_INVAL) : r;
		goto out;
	}
	if (reg_blank(d.drafting_unit))
		d.drafting_unit = NULL;
	else if ((r = docnum_dept_check(d.drafting_unit, e)) < 0)
		goto out;
	if (!d.confidentiality)
		d.confidentiality = "thuong";
	if (!reg_doc_conf_valid(d.confidentiality)) {
		r = err_set(e, ERR_INVAL, "độ mật '%s' không hợp lệ (thuong, mat, toi_mat)",
			    d.confidentiality);
		goto out;
	}
	if (!d.status)
		d.status = d.symbol ? "issued" : "draft";
	if (!reg_in_list(d.status, doc_statuses)) {
		r = err_set(e, ERR_INVAL, "trạng thái văn bản '%s' không hợp lệ (draft, issued)",
			    d.status);
		goto out;
	}
	if ((r = reg_norm_date(a, in->date, "ngày văn bản", &d.date, e)) < 0 ||
	    (r = reg_norm_text(a, in->title, "trích yếu", false, 4000, &d.title, e)) < 0 ||
	    (r = reg_norm_text(a, in->text, "nội dung", false, TEXT_MAX_BYTES, &d.text, e)) < 0 ||
	    (r = reg_fold_text(a, d.title, &fold, e)) < 0)
		goto out;
	if (!d.title)
		d.title = "";
	if (d.body_id) {
		if ((r = reg_body_get(db, d.body_id, a, &b, e)) < 0)
			goto out;
		if (!d.issuer_code)
			d.issuer_code = b.code;
	} else if (d.issuer_code) {
		/* The issuer code names a registered body when exactly one has it. */
		if (reg_body_find(db, d.issuer_code, -1, NULL, a, &b, &e2) == 0)
			d.body_id = b.id;
	}
	if (d.organ_id) {
		if ((r = reg_organ_get(db, d.organ_id, a, &o, e)) < 0)
			goto out;
		if (d.body_id && o.body_id != d.body_id) {
			r = err_set(e, ERR_INVAL, "'%s' không thuộc cơ quan ban hành", o.name);
			goto out;
		}
		d.body_id = o.body_id;
	}
	if (d.term_id) {
		if ((r = reg_term_get(db, d.term_id, a, &t, e)) < 0)
			goto out;
	} else if (d.body_id && d.date) {
		if (reg_term_at(db, d.body_id, d.date, a, &t, &e2) == 0)
			d.term_id = t.id;
	}
	r = db_err(db, e,
		   db_query(db, SQL_DOC_INSERT, &q, "tIIItIttttttt", d.type_code, d.body_id,
			    d.organ_id, d.term_id, d.issuer_code, (int64_t)d.number, d.symbol,
			    d.date, d.title, d.text, d.confidentiality, d.status, fold),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "văn bản số %s%s%s đã có", d.symbol ? d.symbol : "",
		 d.date ? " ngày " : "", d.date ? d.date : "");
	r = reg_run_insert(db, q, &d.id, e, msg);
	if (r < 0)
		goto out;
	if (d.drafting_unit &&
	    (r = db_exec(db, SQL_DOC_DRAFTING_SET, "it", d.id, d.drafting_unit)) < 0) {
		r = db_err(db, e, r, "không ghi được đơn vị soạn thảo");
		goto out;
	}
	if (d.symbol) {
		r = db_exec(db, SQL_DOCREF_LINK, "itt", d.id, d.symbol, d.date);
		if (r < 0) {
			r = db_err(db, e, r, "không liên kết được văn bản dẫn chiếu");
			goto out;
		}
	}
	if (ret_id)
		*ret_id = d.id;
out:
	arena_free(a);
	return r;
}

int reg_doc_add(struct db *db, const struct reg_doc *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_doc_add_tx(db, in, ret_id, e), e);
}

int reg_doc_get(struct db *db, int64_t id, struct arena *a, struct reg_doc *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_DOC_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "văn bản số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_doc, NULL, ret, false), e, what);
}

int reg_doc_find(struct db *db, const char *symbol, const char *date, struct arena *a,
		 struct reg_doc *ret, struct err *e)
{
	struct arena *t = arena_new(SCRATCH_MAX);
	struct docnum dn;
	const char *sym, *iso;
	struct db_q *q;
	char what[300];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = canon_symbol(t, symbol, &dn, &sym, e)) < 0 ||
	    (r = reg_norm_date(t, date, "ngày văn bản", &iso, e)) < 0)
		goto out;
	r = db_err(db, e, db_query(db, SQL_DOC_FIND, &q, "tt", sym, iso), "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = db_one(q, a, read_doc, NULL, ret, true);
	if (r == ERR_INVAL) {
		r = err_set(e, r, "có nhiều văn bản số %s; hãy cho biết ngày văn bản", sym);
		goto out;
	}
	snprintf(what, sizeof(what), "văn bản số %s%s%s", sym, iso ? " ngày " : "", iso ? iso : "");
	r = reg_lookup_result(db, r, e, what);
out:
	arena_free(t);
	return r;
}

int reg_doc_list(struct db *db, int64_t body_id, const char *type_code, struct arena *a,
		 struct reg_doc **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_DOC_LIST, &q, "it", body_id, type_code),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_doc, NULL, (void **)ret, ret_n), e, "văn bản");
}

/* The year of an ISO date (YYYY-MM-DD). */
static int iso_year(const char *iso)
{
	int y = 0;

	for (int i = 0; i < 4 && iso[i] >= '0' && iso[i] <= '9'; i++)
		y = y * 10 + (iso[i] - '0');
	return y;
}

/*
 * The drafting unit of a state body's dispatch (VP in 15/UBND-VP), copied into
 * out; ERR_INVAL naming the document when it has none.
 */
static int doc_dispatch_dept(struct db *db, const struct reg_doc *d, char *out, size_t cap,
			     struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_DOC_DRAFTING_GET, &q, "i", d->id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	r = db_step(q);
	if (r == 1)
		snprintf(out, cap, "%s", db_col_text(q, 0) ? db_col_text(q, 0) : "");
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "không đọc được văn bản");
	if (!out[0])
		return err_set(e, ERR_INVAL,
			       "công văn %lld (%s) chưa có đơn vị soạn thảo: số của công văn cơ "
			       "quan nhà nước ghi dạng 15/UBND-VP, cần ký hiệu đơn vị soạn thảo "
			       "(--drafting-unit VP)",
			       (long long)d->id,
			       d->title && d->title[0] ? d->title : "chưa có trích yếu");
	return 0;
}

static int reg_doc_issue_tx(struct db *db, int64_t id, const char *date, long *ret_number,
			    struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct docnum dn = {0};
	struct buf sym = BUF_INIT(200);
	struct reg_doc d;
	struct reg_body b;
	struct reg_term t;
	const char *iso;
	char today[11];
	long n;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_doc_get(db, id, a, &d, e)) < 0)
		goto out;
	if (strcmp(d.status, "draft") != 0) {
		r = err_set(e, ERR_LOCKED, "văn bản số %s đã ban hành", d.symbol ? d.symbol : "");
		goto out;
	}
	if (!d.body_id) {
		r = err_set(e, ERR_INVAL, "văn bản chưa có cơ quan ban hành");
		goto out;
	}
	if ((r = reg_body_get(db, d.body_id, a, &b, e)) < 0 ||
	    (r = reg_norm_date(a, date, "ngày ban hành", &iso, e)) < 0)
		goto out;
	if (!iso) {
		vn_date_iso(vn_date_today(), today);
		iso = today;
	}
	if (d.term_id)
		r = reg_term_get(db, d.term_id, a, &t, e);
	else
		r = reg_term_at(db, d.body_id, iso, a, &t, e);
	if (r < 0)
		goto out;
	dn.form = b.kind == REG_PARTY ? DOCNUM_PARTY : DOCNUM_STATE;
	if (dn.form == DOCNUM_STATE && strcmp(d.type_code, "CV") == 0 &&
	    (r = doc_dispatch_dept(db, &d, dn.dept, sizeof(dn.dept), e)) < 0)
		goto out;
	/* A state body numbers from 01 each 1 January; a committee across its term. */
	if (dn.form == DOCNUM_STATE)
		r = docnum_next_year_in_tx(db, d.body_id, d.type_code, iso_year(iso), &n, e);
	else
		r = docnum_next_in_tx(db, d.body_id, d.type_code, t.id, &n, e);
	if (r < 0)
		goto out;
	dn.number = n;
	/* A state dispatch names no type: 15/UBND-VP (issuer - drafting unit). */
	if (!dn.dept[0])
		snprintf(dn.type, sizeof(dn.type), "%s", d.type_code);
	snprintf(dn.issuer, sizeof(dn.issuer), "%s", d.issuer_code ? d.issuer_code : b.code);
	if ((r = docnum_format(&dn, 0, &sym)) < 0) {
		r = err_set(e, r, "không viết được số hiệu văn bản");
		goto out;
	}
	r = db_exec(db, SQL_DOC_ISSUE, "ittii", (int64_t)n, buf_str(&sym), iso, t.id, id);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được văn bản");
		goto out;
	}
	if (db_changes(db) == 0) {
		r = err_set(e, ERR_LOCKED, "văn bản đã ban hành");
		goto out;
	}
	r = db_exec(db, SQL_DOCREF_LINK, "itt", id, buf_str(&sym), iso);
	if (r < 0) {
		r = db_err(db, e, r, "không liên kết được văn bản dẫn chiếu");
		goto out;
	}
	if (ret_number)
		*ret_number = n;
out:
	buf_free(&sym);
	arena_free(a);
	return r;
}

static int reg_doc_set_drafting_unit_tx(struct db *db, int64_t id, const char *code, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_doc d;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = docnum_dept_check(code, e)) < 0 || (r = reg_doc_get(db, id, a, &d, e)) < 0)
		goto out;
	if (strcmp(d.status, "draft") != 0) {
		r = err_set(e, ERR_LOCKED,
			    "văn bản số %s đã ban hành: không đổi đơn vị soạn thảo được",
			    d.symbol ? d.symbol : "");
		goto out;
	}
	r = db_exec(db, SQL_DOC_DRAFTING_SET, "it", id, code);
	if (r < 0)
		r = db_err(db, e, r, "không ghi được đơn vị soạn thảo");
out:
	arena_free(a);
	return r;
}

int reg_doc_set_drafting_unit(struct db *db, int64_t id, const char *code, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_doc_set_drafting_unit_tx(db, id, code, e), e);
}

int reg_doc_tally_repair(struct db *db, struct err *e)
{
	int r = db_begin_e(db, e);

	if (r < 0)
		return r;
	r = db_exec(db, SQL_DOC_TALLY_CLEAR, "");
	if (r == 0)
		r = db_exec(db, SQL_DOC_TALLY_FILL, "");
	if (r < 0)
		db_err(db, e, r, "không dựng lại được bộ đếm văn bản");
	return db_end(db, r, e);
}

int reg_doc_tally_check(struct db *db, struct arena *a, struct reg_doc_tally_fault **ret,
			size_t *ret_n, struct err *e)
{
	struct reg_doc_tally_fault *f = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	int r = db_query(db, SQL_DOC_TALLY_CHECK, &q, "");

	if (r < 0)
		return db_err(db, e, r, "không kiểm tra được bộ đếm văn bản");
	while ((r = db_step(q)) == 1) {
		r = 0;
		if (arena_reserve(a, &f, n, &cap, sizeof(*f)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		f[n].body_id = db_col_int(q, 0);
		if (!(f[n].body = db_col_strdup(q, 1, a))) {
			r = ERR_NOMEM;
			break;
		}
		n++;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "không kiểm tra được bộ đếm văn bản");
	*ret = f;
	*ret_n = n;
	return 0;
}

int reg_doc_issue(struct db *db, int64_t id, const char *date, long *ret_number, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_doc_issue_tx(db, id, date, ret_number, e), e);
}

static int read_ref(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_doc_ref *f = out;

	f->id = db_col_int(q, 0);
	f->from_id = db_col_int(q, 1);
	f->to_id = db_col_int(q, 2);
	f->symbol = db_col_strdup(q, 3, a);
	f->date = db_col_strdup(q, 4, a);
	return 0;
}

static int reg_doc_ref_add_tx(struct db *db, int64_t from_id, const char *symbol, const char *date,
			      int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct docnum dn;
	struct reg_doc d;
	const char *sym, *iso;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_doc_get(db, from_id, a, &d, e)) < 0 ||
	    (r = canon_symbol(a, symbol, &dn, &sym, e)) < 0 ||
	    (r = reg_norm_date(a, date, "ngày văn bản dẫn chiếu", &iso, e)) < 0)
		goto out;
	r = db_exec(db, SQL_DOCREF_INSERT, "itt", from_id, sym, iso);
	if (r < 0) {
		r = db_err(db, e, r, "không ghi được dẫn chiếu");
		goto out;
	}
	if (ret_id)
		*ret_id = db_last_id(db);
out:
	arena_free(a);
	return r;
}

int reg_doc_ref_add(struct db *db, int64_t from_id, const char *symbol, const char *date,
		    int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_doc_ref_add_tx(db, from_id, symbol, date, ret_id, e), e);
}

int reg_doc_ref_list(struct db *db, int64_t from_id, struct arena *a, struct reg_doc_ref **ret,
		     size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_DOCREF_LIST, &q, "i", from_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_ref, NULL, (void **)ret, ret_n), e, "dẫn chiếu");
}
