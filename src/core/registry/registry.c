/* registry.c: the committee registry over the store: bodies, terms, organs, units, people; shared checks. */
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

/* ---- helpers ---- */

bool reg_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/*
 * s in NFC with surrounding white space trimmed, in arena memory. NULL or
 * blank gives NULL, which is ERR_INVAL when required ("thiếu <what>").
 */
int reg_norm_text(struct arena *a, const char *s, const char *what, bool required, size_t max,
		  const char **ret, struct err *e)
{
	struct buf b = BUF_INIT(max);
	size_t len, start = 0;
	char *p;
	int r;

	if (reg_blank(s)) {
		if (required)
			return err_set(e, ERR_INVAL, "thiếu %s", what);
		*ret = NULL;
		return 0;
	}
	len = strlen(s);
	while (s[start] == ' ' || s[start] == '\t' || s[start] == '\n' || s[start] == '\r')
		start++;
	while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
			       s[len - 1] == '\r'))
		len--;
	r = vn_nfc(s + start, len - start, &b, e);
	if (r < 0) {
		buf_free(&b);
		if (r == ERR_TOOBIG)
			return err_set(e, r, "%s quá dài (tối đa %zu byte)", what, max);
		return err_set(e, r, "%s không phải văn bản UTF-8 hợp lệ", what);
	}
	p = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	if (!p)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	*ret = p;
	return 0;
}

/* The search key of s ("" for NULL), in arena memory. */
int reg_fold_text(struct arena *a, const char *s, const char **ret, struct err *e)
{
	struct buf b = BUF_INIT(TEXT_MAX_BYTES);
	char *p;
	int r;

	if (!s) {
		*ret = "";
		return 0;
	}
	r = vn_fold(s, strlen(s), &b);
	if (r < 0) {
		buf_free(&b);
		return err_set(e, r, "không tạo được khóa tìm kiếm");
	}
	p = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	if (!p)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	*ret = p;
	return 0;
}

/* A date in any form vn_date_parse reads, as ISO text in arena memory; NULL/blank stays NULL. */
int reg_norm_date(struct arena *a, const char *s, const char *what, const char **ret, struct err *e)
{
	struct vn_date d;
	struct err e2 = {0};
	char iso[11];

	if (reg_blank(s)) {
		*ret = NULL;
		return 0;
	}
	if (vn_date_parse(s, strlen(s), 0, &d, &e2) < 0)
		return err_set(e, ERR_INVAL, "%s '%s' không hợp lệ: %s", what, s,
			       err_msg(&e2, ERR_INVAL));
	vn_date_iso(d, iso);
	*ret = arena_strdup(a, iso);
	return *ret ? 0 : err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
}

/* The usual ending of a lookup: not found / ambiguous / store errors turned into messages. */
int reg_lookup_result(struct db *db, int r, struct err *e, const char *what)
{
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không tìm thấy %s", what);
	if (r == ERR_INVAL)
		return err_set(e, r, "có nhiều hơn một %s; cần chỉ rõ hơn", what);
	if (r == ERR_NOMEM)
		return err_set(e, r, "không đủ bộ nhớ");
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	return 0;
}

/* Runs an insert prepared in q; ERR_EXISTS and constraint failures get messages. */
int reg_run_insert(struct db *db, struct db_q *q, int64_t *ret_id, struct err *e,
		   const char *exists_msg)
{
	int r = db_step(q);

	db_done(q);
	if (r == ERR_EXISTS)
		return err_set(e, r, "%s", exists_msg);
	if (r == ERR_INVAL)
		return db_err(db, e, r, "dữ liệu không hợp lệ");
	if (r < 0)
		return db_err(db, e, r, "không ghi được");
	if (ret_id)
		*ret_id = db_last_id(db);
	return 0;
}

static const char *const level_codes[REG_NLEVELS] = {"tw", "tinh", "huyen", "xa", "coso"};
static const char *const level_names[REG_NLEVELS] = {"trung ương", "tỉnh", "huyện", "xã", "cơ sở"};

const char *reg_level_code(enum reg_level l)
{
	return (unsigned)l < REG_NLEVELS ? level_codes[l] : "";
}

const char *reg_level_name(enum reg_level l)
{
	return (unsigned)l < REG_NLEVELS ? level_names[l] : "";
}

int reg_level_parse(const char *s, enum reg_level *ret)
{
	static const char *const alias[REG_NLEVELS] = {"trung ương", "tỉnh", "huyện", "xã",
						       "cơ sở"};

	if (!s)
		return ERR_INVAL;
	for (int i = 0; i < REG_NLEVELS; i++) {
		if (strcmp(s, level_codes[i]) == 0 || strcmp(s, alias[i]) == 0) {
			*ret = (enum reg_level)i;
			return 0;
		}
	}
	return ERR_INVAL;
}

const char *reg_kind_code(enum reg_kind k)
{
	return k == REG_PEOPLE ? "people" : "party";
}

int reg_kind_parse(const char *s, enum reg_kind *ret)
{
	if (!s)
		return ERR_INVAL;
	if (strcmp(s, "party") == 0 || strcmp(s, "đảng") == 0) {
		*ret = REG_PARTY;
		return 0;
	}
	if (strcmp(s, "people") == 0 || strcmp(s, "ubnd") == 0) {
		*ret = REG_PEOPLE;
		return 0;
	}
	return ERR_INVAL;
}

bool reg_in_list(const char *s, const char *const *list)
{
	if (!s)
		return false;
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return true;
	return false;
}

/* ---- bodies ---- */

static int read_body(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_body *b = out;

	b->id = db_col_int(q, 0);
	b->parent_id = db_col_int(q, 1);
	if (reg_level_parse(db_col_text(q, 2), &b->level) < 0)
		b->level = REG_COSO;
	if (reg_kind_parse(db_col_text(q, 3), &b->kind) < 0)
		b->kind = REG_PARTY;
	b->name = db_col_strdup(q, 4, a);
	b->short_name = db_col_strdup(q, 5, a);
	b->code = db_col_strdup(q, 6, a);
	b->place = db_col_strdup(q, 7, a);
	b->active_from = db_col_strdup(q, 8, a);
	b->active_to = db_col_strdup(q, 9, a);
	return 0;
}

static int reg_body_add_tx(struct db *db, const struct reg_body *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_body b = *in;
	const char *fold = NULL;
	struct db_q *q;
	char msg[NAME_MAX_BYTES + 100];
	int64_t one;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((unsigned)b.level >= REG_NLEVELS || (b.kind != REG_PARTY && b.kind != REG_PEOPLE)) {
		r = err_set(e, ERR_INVAL, "cấp hoặc loại cơ quan không hợp lệ");
		goto out;
	}
	if ((r = reg_norm_text(a, in->name, "tên cơ quan", true, NAME_MAX_BYTES, &b.name, e)) < 0 ||
	    (r = reg_norm_text(a, in->short_name, "tên ngắn", false, NAME_MAX_BYTES, &b.short_name,
			       e)) < 0 ||
	    (r = reg_norm_text(a, in->code, "ký hiệu cơ quan", true, 47, &b.code, e)) < 0 ||
	    (r = reg_norm_text(a, in->place, "địa danh", false, NAME_MAX_BYTES, &b.place, e)) < 0 ||
	    (r = reg_norm_date(a, in->active_from, "ngày bắt đầu hoạt động", &b.active_from, e)) <
		0 ||
	    (r = reg_norm_date(a, in->active_to, "ngày kết thúc hoạt động", &b.active_to, e)) < 0 ||
	    (r = reg_fold_text(a, b.name, &fold, e)) < 0)
		goto out;
	for (const char *p = b.code; *p; p++) {
		if (*p == ' ' || *p == '/' || *p == '-') {
			r = err_set(
			    e, ERR_INVAL,
			    "ký hiệu cơ quan '%s' không được chứa khoảng trắng, '/' hay '-'",
			    b.code);
			goto out;
		}
	}
	if (b.active_from && b.active_to && strcmp(b.active_from, b.active_to) > 0) {
		r = err_set(e, ERR_INVAL, "ngày kết thúc hoạt động %s trước ngày bắt đầu %s",
			    b.active_to, b.active_from);
		goto out;
	}
	if (b.parent_id) {
		r = db_query_int(db, SQL_BODY_GET, &one, "i", b.parent_id);
		if (r < 0) {
			r = reg_lookup_result(db, r, e, "cơ quan cấp trên");
			goto out;
		}
	}
	r = db_err(db, e,
		   db_query(db, SQL_BODY_INSERT, &q, "Ittttttttt", b.parent_id,
			    reg_level_code(b.level), reg_kind_code(b.kind), b.name, b.short_name,
			    b.code, b.place, b.active_from, b.active_to, fold),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "cơ quan '%s' đã có (cùng cấp trên)", b.name);
	r = reg_run_insert(db, q, ret_id, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_body_add(struct db *db, const struct reg_body *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_body_add_tx(db, in, ret_id, e), e);
}

int reg_body_get(struct db *db, int64_t id, struct arena *a, struct reg_body *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_BODY_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "cơ quan số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_body, NULL, ret, false), e, what);
}

int reg_body_find(struct db *db, const char *code, int level, const char *name, struct arena *a,
		  struct reg_body *ret, struct err *e)
{
	const char *ncode, *nname = NULL, *fold = NULL;
	struct arena *t = arena_new(SCRATCH_MAX);
	struct db_q *q;
	char what[NAME_MAX_BYTES + 100];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_norm_text(t, code, "ký hiệu cơ quan", true, 47, &ncode, e)) < 0 ||
	    (r = reg_norm_text(t, name, "tên cơ quan", false, NAME_MAX_BYTES, &nname, e)) < 0)
		goto out;
	if (nname && (r = reg_fold_text(t, nname, &fold, e)) < 0)
		goto out;
	r = db_err(db, e,
		   db_query(db, SQL_BODY_BY_CODE, &q, "tttt", ncode,
			    level >= 0 && level < REG_NLEVELS
				? reg_level_code((enum reg_level)level)
				: NULL,
			    nname, nname ? fold : NULL),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = db_one(q, a, read_body, NULL, ret, true);
	if (r == ERR_INVAL) {
		r = err_set(e, r,
			    "có nhiều cơ quan ký hiệu '%s'%s%s; hãy chỉ rõ cấp hoặc tên (hoặc dùng "
			    "mã số)",
			    ncode, nname ? " tên " : "", nname ? nname : "");
		goto out;
	}
	snprintf(what, sizeof(what), "cơ quan ký hiệu '%s'%s%s%s%s", ncode,
		 level >= 0 ? " cấp " : "",
		 level >= 0 && level < REG_NLEVELS ? reg_level_name((enum reg_level)level) : "",
		 nname ? " tên " : "", nname ? nname : "");
	r = reg_lookup_result(db, r, e, what);
out:
	arena_free(t);
	return r;
}

int reg_body_by_name(struct db *db, const char *name, struct arena *a, struct reg_body *ret,
		     struct err *e)
{
	struct arena *t = arena_new(SCRATCH_MAX);
	const char *n, *fold;
	struct db_q *q;
	char what[NAME_MAX_BYTES + 100];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_norm_text(t, name, "tên cơ quan", true, NAME_MAX_BYTES, &n, e)) < 0 ||
	    (r = reg_fold_text(t, n, &fold, e)) < 0)
		goto out;
	r = db_err(db, e, db_query(db, SQL_BODY_BY_NAME, &q, "tt", n, fold), "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = db_one(q, a, read_body, NULL, ret, false);
	snprintf(what, sizeof(what), "cơ quan '%s'", n);
	r = reg_lookup_result(db, r, e, what);
out:
	arena_free(t);
	return r;
}

int reg_body_list(struct db *db, struct arena *a, struct reg_body **ret, size_t *ret_n,
		  struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_BODY_LIST, &q, ""), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	r = db_list(q, a, sizeof(**ret), read_body, NULL, (void **)ret, ret_n);
	return reg_lookup_result(db, r, e, "cơ quan");
}

/* ---- terms ---- */

static int read_term(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_term *t = out;

	t->id = db_col_int(q, 0);
	t->body_id = db_col_int(q, 1);
	t->name = db_col_strdup(q, 2, a);
	t->year_from = (int)db_col_int(q, 3);
	t->year_to = (int)db_col_int(q, 4);
	t->start_date = db_col_strdup(q, 5, a);
	t->end_date = db_col_strdup(q, 6, a);
	return 0;
}

static int reg_term_add_tx(struct db *db, const struct reg_term *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_term t = *in;
	struct reg_body b;
	struct db_q *q;
	char msg[200];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_body_get(db, t.body_id, a, &b, e)) < 0 ||
	    (r = reg_norm_text(a, in->name, "tên khóa (ví dụ XXII)", true, 64, &t.name, e)) < 0 ||
	    (r = reg_norm_date(a, in->start_date, "ngày bắt đầu nhiệm kỳ", &t.start_date, e)) < 0 ||
	    (r = reg_norm_date(a, in->end_date, "ngày kết thúc nhiệm kỳ", &t.end_date, e)) < 0)
		goto out;
	if (t.year_from < 1930 || t.year_from > 2200 || t.year_to < t.year_from ||
	    t.year_to > t.year_from + 10) {
		r = err_set(e, ERR_INVAL,
			    "nhiệm kỳ %d-%d không hợp lệ: năm bắt đầu từ 1930 đến 2200, năm kết "
			    "thúc không trước năm bắt đầu và không quá 10 năm sau",
			    t.year_from, t.year_to);
		goto out;
	}
	if (t.start_date && t.end_date && strcmp(t.start_date, t.end_date) > 0) {
		r = err_set(e, ERR_INVAL, "ngày kết thúc nhiệm kỳ %s trước ngày bắt đầu %s",
			    t.end_date, t.start_date);
		goto out;
	}
	r = db_err(db, e,
		   db_query(db, SQL_TERM_INSERT, &q, "itddtt", t.body_id, t.name, t.year_from,
			    t.year_to, t.start_date, t.end_date),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "khóa %s của %s đã có", t.name, b.name);
	r = reg_run_insert(db, q, ret_id, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_term_add(struct db *db, const struct reg_term *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_term_add_tx(db, in, ret_id, e), e);
}

int reg_term_get(struct db *db, int64_t id, struct arena *a, struct reg_term *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_TERM_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "nhiệm kỳ số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_term, NULL, ret, false), e, what);
}

int reg_term_find(struct db *db, int64_t body_id, const char *name, struct arena *a,
		  struct reg_term *ret, struct err *e)
{
	struct db_q *q;
	char what[200];
	int r;

	r = db_err(db, e, db_query(db, SQL_TERM_FIND, &q, "it", body_id, name),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "khóa '%s' của cơ quan số %lld", name ? name : "",
		 (long long)body_id);
	return reg_lookup_result(db, db_one(q, a, read_term, NULL, ret, false), e, what);
}

int reg_term_at(struct db *db, int64_t body_id, const char *date, struct arena *a,
		struct reg_term *ret, struct err *e)
{
	struct db_q *q;
	char what[200];
	int r;

	r = db_err(db, e, db_query(db, SQL_TERM_AT, &q, "it", body_id, date), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "nhiệm kỳ của cơ quan số %lld vào ngày %s", (long long)body_id,
		 date ? date : "");
	return reg_lookup_result(db, db_one(q, a, read_term, NULL, ret, false), e, what);
}

int reg_term_list(struct db *db, int64_t body_id, struct arena *a, struct reg_term **ret,
		  size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_TERM_LIST, &q, "i", body_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_term, NULL, (void **)ret, ret_n), e, "nhiệm kỳ");
}

/* ---- organs ---- */

static const char *const organ_kinds[] = {"bch", "btv",	 "tt",	  "ubkt", "vp",
					  "ban", "ubnd", "other", NULL};

int reg_organ_kind_valid(const char *kind)
{
	return reg_in_list(kind, organ_kinds);
}

static int read_organ(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_organ *o = out;

	o->id = db_col_int(q, 0);
	o->body_id = db_col_int(q, 1);
	o->kind = db_col_strdup(q, 2, a);
	o->name = db_col_strdup(q, 3, a);
	o->code = db_col_strdup(q, 4, a);
	return 0;
}

static int reg_organ_add_tx(struct db *db, const struct reg_organ *in, int64_t *ret_id,
			    struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_organ o = *in;
	struct reg_body b;
	struct db_q *q;
	char msg[NAME_MAX_BYTES + 100];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (!reg_organ_kind_valid(o.kind)) {
		r = err_set(
		    e, ERR_INVAL,
		    "loại cơ quan giúp việc '%s' không hợp lệ (bch, btv, tt, ubkt, vp, ban, "
		    "ubnd, other)",
		    o.kind ? o.kind : "");
		goto out;
	}
	if ((r = reg_body_get(db, o.body_id, a, &b, e)) < 0 ||
	    (r = reg_norm_text(a, in->name, "tên", true, NAME_MAX_BYTES, &o.name, e)) < 0 ||
	    (r = reg_norm_text(a, in->code, "ký hiệu", false, 47, &o.code, e)) < 0)
		goto out;
	r = db_err(db, e,
		   db_query(db, SQL_ORGAN_INSERT, &q, "ittt", o.body_id, o.kind, o.name, o.code),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "'%s' của %s đã có", o.name, b.name);
	r = reg_run_insert(db, q, ret_id, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_organ_add(struct db *db, const struct reg_organ *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_organ_add_tx(db, in, ret_id, e), e);
}

int reg_organ_get(struct db *db, int64_t id, struct arena *a, struct reg_organ *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_ORGAN_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "cơ quan giúp việc số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_organ, NULL, ret, false), e, what);
}

int reg_organ_find(struct db *db, int64_t body_id, const char *kind, struct arena *a,
		   struct reg_organ *ret, struct err *e)
{
	struct db_q *q;
	char what[128];
	int r;

	r = db_err(db, e, db_query(db, SQL_ORGAN_FIND_KIND, &q, "it", body_id, kind),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "cơ quan loại '%s' của cơ quan số %lld", kind ? kind : "",
		 (long long)body_id);
	return reg_lookup_result(db, db_one(q, a, read_organ, NULL, ret, false), e, what);
}

int reg_organ_by_name(struct db *db, int64_t body_id, const char *name, struct arena *a,
		      struct reg_organ *ret, struct err *e)
{
	struct arena *t = arena_new(SCRATCH_MAX);
	struct db_q *q;
	const char *n;
	char what[NAME_MAX_BYTES + 100];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = reg_norm_text(t, name, "tên", true, NAME_MAX_BYTES, &n, e);
	if (r == 0)
		r = db_err(db, e, db_query(db, SQL_ORGAN_BY_NAME, &q, "it", body_id, n),
			   "lỗi cơ sở dữ liệu");
	if (r == 0) {
		snprintf(what, sizeof(what), "'%s'", n);
		r = reg_lookup_result(db, db_one(q, a, read_organ, NULL, ret, false), e, what);
	}
	arena_free(t);
	return r;
}

int reg_organ_list(struct db *db, int64_t body_id, struct arena *a, struct reg_organ **ret,
		   size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_ORGAN_LIST, &q, "i", body_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_organ, NULL, (void **)ret, ret_n), e,
	    "cơ quan giúp việc");
}

/* ---- units ---- */

static const char *const unit_kinds[] = {"agency", "organ", "lower_body", "group", NULL};

int reg_unit_kind_valid(const char *kind)
{
	return reg_in_list(kind, unit_kinds);
}

static int read_unit(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_unit *u = out;

	u->id = db_col_int(q, 0);
	u->body_id = db_col_int(q, 1);
	u->kind = db_col_strdup(q, 2, a);
	u->name = db_col_strdup(q, 3, a);
	u->organ_id = db_col_int(q, 4);
	u->lower_body_id = db_col_int(q, 5);
	u->email = db_col_strdup(q, 6, a);
	return 0;
}

static int reg_unit_add_tx(struct db *db, const struct reg_unit *in, int64_t *ret_id, struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_unit u = *in;
	struct reg_body b, lb;
	struct reg_organ o;
	struct db_q *q;
	const char *fold;
	char msg[NAME_MAX_BYTES + 100];
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (!reg_unit_kind_valid(u.kind)) {
		r = err_set(e, ERR_INVAL,
			    "loại đơn vị '%s' không hợp lệ (agency, organ, lower_body, group)",
			    u.kind ? u.kind : "");
		goto out;
	}
	if ((r = reg_body_get(db, u.body_id, a, &b, e)) < 0 ||
	    (r = reg_norm_text(a, in->name, "tên đơn vị", true, NAME_MAX_BYTES, &u.name, e)) < 0 ||
	    (r = reg_norm_text(a, in->email, "thư điện tử", false, 320, &u.email, e)) < 0 ||
	    (r = reg_fold_text(a, u.name, &fold, e)) < 0)
		goto out;
	if (u.email && (r = email_check(u.email, "thư điện tử", e)) < 0)
		goto out;
	if (u.organ_id && (r = reg_organ_get(db, u.organ_id, a, &o, e)) < 0)
		goto out;
	if (u.lower_body_id && (r = reg_body_get(db, u.lower_body_id, a, &lb, e)) < 0)
		goto out;
	r = db_err(db, e,
		   db_query(db, SQL_UNIT_INSERT, &q, "ittIItt", u.body_id, u.kind, u.name,
			    u.organ_id, u.lower_body_id, u.email, fold),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(msg, sizeof(msg), "đơn vị '%s' của %s đã có", u.name, b.name);
	r = reg_run_insert(db, q, ret_id, e, msg);
out:
	arena_free(a);
	return r;
}

int reg_unit_add(struct db *db, const struct reg_unit *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_unit_add_tx(db, in, ret_id, e), e);
}

int reg_unit_get(struct db *db, int64_t id, struct arena *a, struct reg_unit *ret, struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_UNIT_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "đơn vị số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_unit, NULL, ret, false), e, what);
}

int reg_unit_find(struct db *db, int64_t body_id, const char *name, struct arena *a,
		  struct reg_unit *ret, struct err *e)
{
	struct arena *t = arena_new(SCRATCH_MAX);
	const char *n, *fold;
	struct db_q *q;
	char what[NAME_MAX_BYTES + 100];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_norm_text(t, name, "tên đơn vị", true, NAME_MAX_BYTES, &n, e)) < 0 ||
	    (r = reg_fold_text(t, n, &fold, e)) < 0)
		goto out;
	r = db_err(db, e, db_query(db, SQL_UNIT_FIND, &q, "itt", body_id, n, fold),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(what, sizeof(what), "đơn vị '%s'", n);
	r = reg_lookup_result(db, db_one(q, a, read_unit, NULL, ret, false), e, what);
out:
	arena_free(t);
	return r;
}

int reg_unit_list(struct db *db, int64_t body_id, struct arena *a, struct reg_unit **ret,
		  size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_UNIT_LIST, &q, "i", body_id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_unit, NULL, (void **)ret, ret_n), e, "đơn vị");
}

/* ---- people and memberships ---- */

static int read_person(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_person *p = out;

	p->id = db_col_int(q, 0);
	p->full_name = db_col_strdup(q, 1, a);
	p->email = db_col_strdup(q, 2, a);
	p->phone = db_col_strdup(q, 3, a);
	return 0;
}

static int reg_person_add_tx(struct db *db, const struct reg_person *in, int64_t *ret_id,
			     struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_person p = *in;
	const char *fold;
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_norm_text(a, in->full_name, "họ và tên", true, 200, &p.full_name, e)) < 0 ||
	    (r = reg_norm_text(a, in->email, "thư điện tử", false, 320, &p.email, e)) < 0 ||
	    (r = reg_norm_text(a, in->phone, "số điện thoại", false, 40, &p.phone, e)) < 0 ||
	    (r = reg_fold_text(a, p.full_name, &fold, e)) < 0)
		goto out;
	if (p.email && (r = email_check(p.email, "thư điện tử", e)) < 0)
		goto out;
	r = db_err(db, e,
		   db_query(db, SQL_PERSON_INSERT, &q, "tttt", p.full_name, p.email, p.phone, fold),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = reg_run_insert(db, q, ret_id, e, "người này đã có");
out:
	arena_free(a);
	return r;
}

int reg_person_add(struct db *db, const struct reg_person *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_person_add_tx(db, in, ret_id, e), e);
}

int reg_person_get(struct db *db, int64_t id, struct arena *a, struct reg_person *ret,
		   struct err *e)
{
	struct db_q *q;
	char what[64];
	int r;

	r = db_err(db, e, db_query(db, SQL_PERSON_GET, &q, "i", id), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	snprintf(what, sizeof(what), "người số %lld", (long long)id);
	return reg_lookup_result(db, db_one(q, a, read_person, NULL, ret, false), e, what);
}

int reg_person_find(struct db *db, const char *name, struct arena *a, struct reg_person *ret,
		    struct err *e)
{
	struct arena *t = arena_new(SCRATCH_MAX);
	const char *n, *fold;
	struct db_q *q;
	char what[300];
	int r;

	if (!t)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_norm_text(t, name, "họ và tên", true, 200, &n, e)) < 0 ||
	    (r = reg_fold_text(t, n, &fold, e)) < 0)
		goto out;
	r = db_err(db, e, db_query(db, SQL_PERSON_FIND, &q, "tt", n, fold), "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	snprintf(what, sizeof(what), "người tên '%s'", n);
	r = reg_lookup_result(db, db_one(q, a, read_person, NULL, ret, true), e, what);
out:
	arena_free(t);
	return r;
}

int reg_person_list(struct db *db, struct arena *a, struct reg_person **ret, size_t *ret_n,
		    struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_PERSON_LIST, &q, ""), "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_person, NULL, (void **)ret, ret_n), e, "người");
}

static int read_member(struct db_q *q, struct arena *a, void *out, void *ctx)
{
	struct reg_member *m = out;

	m->id = db_col_int(q, 0);
	m->person_id = db_col_int(q, 1);
	m->organ_id = db_col_int(q, 2);
	m->position = db_col_strdup(q, 3, a);
	m->date_from = db_col_strdup(q, 4, a);
	m->date_to = db_col_strdup(q, 5, a);
	m->full_name = db_col_strdup(q, 6, a);
	return 0;
}

static int reg_member_add_tx(struct db *db, const struct reg_member *in, int64_t *ret_id,
			     struct err *e)
{
	struct arena *a = arena_new(SCRATCH_MAX);
	struct reg_member m = *in;
	struct reg_person p;
	struct reg_organ o;
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if ((r = reg_person_get(db, m.person_id, a, &p, e)) < 0 ||
	    (r = reg_organ_get(db, m.organ_id, a, &o, e)) < 0 ||
	    (r = reg_norm_text(a, in->position, "chức vụ", true, 200, &m.position, e)) < 0 ||
	    (r = reg_norm_date(a, in->date_from, "ngày bắt đầu", &m.date_from, e)) < 0 ||
	    (r = reg_norm_date(a, in->date_to, "ngày kết thúc", &m.date_to, e)) < 0)
		goto out;
	if (m.date_from && m.date_to && strcmp(m.date_from, m.date_to) > 0) {
		r = err_set(e, ERR_INVAL, "ngày kết thúc %s trước ngày bắt đầu %s", m.date_to,
			    m.date_from);
		goto out;
	}
	r = db_err(db, e,
		   db_query(db, SQL_MEMBER_INSERT, &q, "iittt", m.person_id, m.organ_id, m.position,
			    m.date_from, m.date_to),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		goto out;
	r = reg_run_insert(db, q, ret_id, e, "thành viên này đã có");
out:
	arena_free(a);
	return r;
}

int reg_member_add(struct db *db, const struct reg_member *in, int64_t *ret_id, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, reg_member_add_tx(db, in, ret_id, e), e);
}

int reg_member_list(struct db *db, int64_t organ_id, const char *date, struct arena *a,
		    struct reg_member **ret, size_t *ret_n, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_err(db, e, db_query(db, SQL_MEMBER_LIST, &q, "it", organ_id, date),
		   "lỗi cơ sở dữ liệu");
	if (r < 0)
		return r;
	return reg_lookup_result(
	    db, db_list(q, a, sizeof(**ret), read_member, NULL, (void **)ret, ret_n), e,
	    "thành viên");
}

int reg_member_count(struct db *db, int64_t organ_id, const char *date, int *ret, struct err *e)
{
	int64_t n = 0;
	int r;

	r = db_query_int(db, SQL_MEMBER_COUNT, &n, "it", organ_id, date);
	if (r < 0)
		return db_err(db, e, r, "không đếm được thành viên");
	*ret = (int)n;
	return 0;
}
