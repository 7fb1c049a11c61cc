/* indicator.c: periods, the catalogue, values, derived figures and phrases of indicators. */
#include "core/indicators/indicator.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const roman[] = {"", "I", "II", "III", "IV"};

static int parse_int(const char *s, size_t n, int *ret)
{
	int v = 0;

	if (n == 0 || n > 4)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*ret = v;
	return 0;
}

int ind_period_parse(const char *code, struct ind_period *ret, struct err *e)
{
	struct ind_period p = {0};
	size_t n = code ? strlen(code) : 0;
	int k;

	if (n < 4 || parse_int(code, 4, &p.year) < 0 || p.year < 1900 || p.year > 2200)
		goto bad;
	if (n == 4) {
		p.from_month = 1;
		p.to_month = 12;
		*ret = p;
		return 0;
	}
	if (code[4] != '-' || n < 7 || parse_int(code + 6, n - 6, &k) < 0)
		goto bad;
	switch (code[5]) {
	case 'H':
	case 'h':
		if (k < 1 || k > 2 || n != 7)
			goto bad;
		p.from_month = k == 1 ? 1 : 7;
		p.to_month = k == 1 ? 6 : 12;
		break;
	case 'Q':
	case 'q':
		if (k < 1 || k > 4 || n != 7)
			goto bad;
		p.from_month = 3 * k - 2;
		p.to_month = 3 * k;
		break;
	case 'M':
	case 'm':
		if (k < 1 || k > 12 || n != 8)
			goto bad;
		p.from_month = p.to_month = k;
		break;
	case 'T':
	case 't':
		if (k < 1 || k > 12 || n != 8)
			goto bad;
		p.from_month = 1;
		p.to_month = k;
		break;
	default:
		goto bad;
	}
	*ret = p;
	return 0;
bad:
	return err_set(e, ERR_INVAL,
		       "mã kỳ '%s' không hợp lệ: dùng 2023 (năm), 2023-H1 (6 tháng), 2023-Q3 "
		       "(quý), 2023-M09 (tháng 9), 2023-T09 (9 tháng đầu năm)",
		       code ? code : "");
}

void ind_period_code(struct ind_period p, char out[static 16])
{
	int y = p.year % 10000;

	if (p.from_month == 1 && p.to_month == 12)
		snprintf(out, 16, "%04d", y);
	else if (p.from_month == 1 && p.to_month == 6)
		snprintf(out, 16, "%04d-H1", y);
	else if (p.from_month == 7 && p.to_month == 12)
		snprintf(out, 16, "%04d-H2", y);
	else if (p.to_month - p.from_month == 2 && p.from_month % 3 == 1)
		snprintf(out, 16, "%04d-Q%d", y, (p.to_month / 3) % 10);
	else if (p.from_month == p.to_month)
		snprintf(out, 16, "%04d-M%02d", y, p.to_month % 100);
	else
		snprintf(out, 16, "%04d-T%02d", y, p.to_month % 100);
}

int ind_period_label(struct ind_period p, struct buf *out)
{
	if (p.from_month == 1 && p.to_month == 12)
		return buf_printf(out, "năm %d", p.year);
	if (p.from_month == 1 && p.to_month == 6)
		return buf_printf(out, "6 tháng đầu năm %d", p.year);
	if (p.from_month == 7 && p.to_month == 12)
		return buf_printf(out, "6 tháng cuối năm %d", p.year);
	if (p.to_month - p.from_month == 2 && p.from_month % 3 == 1)
		return buf_printf(out, "quý %s năm %d", roman[p.to_month / 3], p.year);
	if (p.from_month == p.to_month)
		return buf_printf(out, "tháng %d năm %d", p.to_month, p.year);
	return buf_printf(out, "%d tháng đầu năm %d", p.to_month, p.year);
}

struct ind_period ind_period_prev_year(struct ind_period p)
{
	p.year--;
	return p;
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

static void def_from_row(struct db_q *q, struct ind_def *d)
{
	const char *agg = db_col_text(q, 9), *dir = db_col_text(q, 10);

	memset(d, 0, sizeof(*d));
	d->id = db_col_int(q, 0);
	copy(d->code, sizeof(d->code), db_col_text(q, 1));
	copy(d->name, sizeof(d->name), db_col_text(q, 2));
	copy(d->unit, sizeof(d->unit), db_col_text(q, 3));
	d->decimals = (int)db_col_int(q, 4);
	d->pct_decimals = (int)db_col_int(q, 5);
	d->same_decimals = (int)db_col_int(q, 6);
	copy(d->parent, sizeof(d->parent), db_col_text(q, 7));
	d->parts_sum = db_col_int(q, 8) != 0;
	d->agg = strcmp(agg, "sum") == 0   ? IND_AGG_SUM
		 : strcmp(agg, "avg") == 0 ? IND_AGG_AVG
					   : IND_AGG_NONE;
	d->dir = strcmp(dir, "up") == 0	    ? IND_DIR_UP
		 : strcmp(dir, "down") == 0 ? IND_DIR_DOWN
					    : IND_DIR_NONE;
	copy(d->default_plan, sizeof(d->default_plan), db_col_text(q, 11));
	copy(d->phrase, sizeof(d->phrase), db_col_text(q, 12));
}

int ind_def_get(struct db *db, const char *code, struct ind_def *ret, struct err *e)
{
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_DEF_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	db_bind_text(q, 1, code);
	r = db_step(q);
	if (r == 1)
		def_from_row(q, ret);
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có chỉ tiêu mã '%s' trong danh mục",
			       code ? code : "");
	return 0;
}

int ind_def_list(struct db *db, struct ind_def **ret, size_t *ret_n, struct err *e)
{
	struct ind_def *v = NULL, *nv;
	size_t n = 0, cap = 0;
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_DEF_LIST, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	while ((r = db_step(q)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv) {
				r = ERR_NOMEM;
				break;
			}
			v = nv;
		}
		def_from_row(q, &v[n++]);
	}
	db_done(q);
	if (r < 0) {
		free(v);
		return db_err(db, e, r, "không đọc được danh mục chỉ tiêu");
	}
	*ret = v;
	*ret_n = n;
	return 0;
}

/* 1 and *ret filled when the value exists, 0 when not, negative on error. */
static int value_get(struct db *db, int64_t ind_id, int64_t body_id, const char *period,
		     const char *kind, const char *baseline, struct vn_dec *ret, bool *estimate)
{
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_VALUE_GET, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "iittt", ind_id, body_id, period, kind, baseline);
	if (r < 0) {
		db_done(q);
		return r;
	}
	r = db_step(q);
	if (r == 1) {
		ret->units = db_col_int(q, 0);
		ret->scale = (int)db_col_int(q, 1);
		if (estimate)
			*estimate = db_col_int(q, 2) != 0;
	}
	db_done(q);
	return r;
}

/*
 * The actual value of d for body_id and period p (code), with the values of
 * the bodies it succeeded that still existed in p added in (an indicator
 * that is summed; others take the body's own value only): 1 and *ret filled
 * when there is any, 0 when none, negative on error.
 */
static int actual_get(struct db *db, const struct ind_def *d, int64_t body_id, struct ind_period p,
		      const char *code, struct vn_dec *ret, bool *estimate)
{
	struct vn_dec sum = {0};
	struct db_q *q = NULL;
	char first[24];
	bool est = false;
	int r, n = 0;

	if (d->agg != IND_AGG_SUM)
		return value_get(db, d->id, body_id, code, "actual", "", ret, estimate);
	snprintf(first, sizeof(first), "%04d-%02d-01", p.year % 10000, p.from_month);
	r = db_query(db, SQL_IND_VALUE_SUCC, &q, "iitt", d->id, body_id, code, first);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		struct vn_dec v = {.units = db_col_int(q, 0), .scale = (int)db_col_int(q, 1)};

		est = est || db_col_int(q, 2) != 0;
		if ((r = vn_dec_add(sum, v, &sum)) < 0)
			break;
		n++;
	}
	db_done(q);
	if (r < 0)
		return r;
	if (!n)
		return 0;
	*ret = sum;
	if (estimate)
		*estimate = est;
	return 1;
}

int ind_figure_get(struct db *db, int64_t body_id, const char *period_code, const char *ind_code,
		   const char *baseline, struct ind_figure *ret, struct err *e)
{
	struct ind_figure f = {0};
	struct ind_period p, prev;
	struct ind_def d;
	char code[16], prevcode[16], yearcode[16];
	int r;

	r = ind_period_parse(period_code, &p, e);
	if (r < 0)
		return r;
	r = ind_def_get(db, ind_code, &d, e);
	if (r < 0)
		return r;
	ind_period_code(p, code);
	copy(f.code, sizeof(f.code), d.code);
	copy(f.name, sizeof(f.name), d.name);
	copy(f.unit, sizeof(f.unit), d.unit);
	copy(f.period, sizeof(f.period), code);
	f.body_id = body_id;
	r = actual_get(db, &d, body_id, p, code, &f.value, &f.estimate);
	if (r < 0)
		goto dberr;
	if (r == 0)
		return err_set(e, ERR_NOTFOUND,
			       "chưa có số liệu chỉ tiêu '%s' kỳ %s của đơn vị %lld", d.code, code,
			       (long long)body_id);
	if (!baseline)
		baseline = d.default_plan;
	copy(f.plan_name, sizeof(f.plan_name), baseline);
	r = value_get(db, d.id, body_id, code, "plan", baseline, &f.plan, NULL);
	if (r == 0 && !(p.from_month == 1 && p.to_month == 12)) {
		snprintf(yearcode, sizeof(yearcode), "%04d", p.year % 10000);
		r = value_get(db, d.id, body_id, yearcode, "plan", baseline, &f.plan, NULL);
	}
	if (r < 0)
		goto dberr;
	f.has_plan = r == 1;
	prev = ind_period_prev_year(p);
	ind_period_code(prev, prevcode);
	r = actual_get(db, &d, body_id, prev, prevcode, &f.same, NULL);
	if (r < 0)
		goto dberr;
	f.has_same = r == 1;
	*ret = f;
	return 0;
dberr:
	return db_err(db, e, r, "lỗi cơ sở dữ liệu");
}

int ind_pct_of_plan(const struct ind_figure *f, int scale, struct vn_dec *ret)
{
	if (!f->has_plan || vn_dec_is_zero(f->plan))
		return ERR_NOTFOUND;
	return vn_dec_pct(f->value, f->plan, scale, ret);
}

int ind_pct_of_same(const struct ind_figure *f, int scale, struct vn_dec *ret)
{
	if (!f->has_same || vn_dec_is_zero(f->same))
		return ERR_NOTFOUND;
	return vn_dec_pct(f->value, f->same, scale, ret);
}

int ind_growth_pct(const struct ind_figure *f, int scale, struct vn_dec *ret)
{
	struct vn_dec diff;
	int r;

	if (!f->has_same || vn_dec_is_zero(f->same))
		return ERR_NOTFOUND;
	/* (value - same) * 100 / same, rounded once, so "tăng 10,2%" is exact to its digit. */
	r = vn_dec_sub(f->value, f->same, &diff);
	if (r < 0)
		return r;
	return vn_dec_pct(diff, f->same, scale, ret);
}

int ind_growth_abs(const struct ind_figure *f, struct vn_dec *ret)
{
	if (!f->has_same)
		return ERR_NOTFOUND;
	return vn_dec_sub(f->value, f->same, ret);
}

int ind_value_set(struct db *db, const struct ind_value_in *v, struct err *e)
{
	struct ind_period p;
	struct ind_def d;
	char code[16];
	int64_t n = 0;
	int r;

	r = ind_period_parse(v->period_code, &p, e);
	if (r < 0)
		return r;
	r = ind_def_get(db, v->ind_code, &d, e);
	if (r < 0)
		return r;
	if (v->value.scale < 0 || v->value.scale > VN_DEC_MAXSCALE)
		return err_set(e, ERR_INVAL, "chỉ tiêu '%s': số chữ số thập phân không hợp lệ",
			       d.code);
	if (v->kind == IND_PLAN && (!v->baseline || !*v->baseline))
		return err_set(e, ERR_INVAL,
			       "chỉ tiêu '%s': kế hoạch cần có tên (kế hoạch, dự "
			       "toán huyện giao …)",
			       d.code);
	r = db_query_int(db, SQL_IND_BODY_EXISTS, &n, "i", v->body_id);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (n == 0)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị số %lld", (long long)v->body_id);
	ind_period_code(p, code);
	r = db_exec(db, SQL_IND_VALUE_PUT, "iitdddttdiit", d.id, v->body_id, code, p.year,
		    p.from_month, p.to_month, v->kind == IND_PLAN ? "plan" : "actual",
		    v->kind == IND_PLAN ? v->baseline : "",
		    (int)(v->kind == IND_ACTUAL && v->estimate), v->value.units,
		    (int64_t)v->value.scale, v->source);
	if (r < 0)
		return db_err(db, e, r, "không ghi được số liệu chỉ tiêu '%s'", d.code);
	return 0;
}

int ind_value_put(struct db *db, const struct ind_value_in *v, struct err *e)
{
	int r;

	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	return db_end(db, ind_value_set(db, v, e), e);
}

/* ---- phrases ---- */

/* Writes the placeholder name[0..n) (with its optional ":arg") into out; 1 written, 0 no data. */
static int placeholder(const char *name, size_t n, const struct ind_def *d,
		       const struct ind_figure *f, struct ind_period p, struct buf *out,
		       struct err *e)
{
	const char *colon = memchr(name, ':', n);
	size_t key = colon ? (size_t)(colon - name) : n;
	const char *arg = colon ? colon + 1 : NULL;
	size_t argn = colon ? n - key - 1 : 0;
	struct vn_dec v;
	int scale = -1, r;

#define IS(k) (key == sizeof(k) - 1 && memcmp(name, k, key) == 0)
	if (arg && argn == 1 && arg[0] >= '0' && arg[0] <= '4')
		scale = arg[0] - '0';
	if (IS("value"))
		return vn_dec_format(f->value, 0, out) < 0 ? ERR_TOOBIG : 1;
	if (IS("unit"))
		return buf_puts(out, f->unit) < 0 ? ERR_TOOBIG : 1;
	if (IS("name"))
		return buf_puts(out, f->name) < 0 ? ERR_TOOBIG : 1;
	if (IS("to_month"))
		return buf_printf(out, "%d", p.to_month) < 0 ? ERR_TOOBIG : 1;
	if (IS("period")) {
		return ind_period_label(p, out) < 0 ? ERR_TOOBIG : 1;
	}
	if (IS("plan_name"))
		return f->has_plan ? (buf_puts(out, f->plan_name) < 0 ? ERR_TOOBIG : 1) : 0;
	if (IS("plan"))
		return f->has_plan ? (vn_dec_format(f->plan, 0, out) < 0 ? ERR_TOOBIG : 1) : 0;
	if (IS("same"))
		return f->has_same ? (vn_dec_format(f->same, 0, out) < 0 ? ERR_TOOBIG : 1) : 0;
	if (IS("pct_plan")) {
		r = ind_pct_of_plan(f, scale >= 0 ? scale : d->pct_decimals, &v);
		if (r < 0)
			return 0;
		return vn_dec_format(v, 0, out) < 0 ? ERR_TOOBIG : 1;
	}
	if (IS("pct_same")) {
		r = ind_pct_of_same(f, scale >= 0 ? scale : d->same_decimals, &v);
		if (r < 0)
			return 0;
		return vn_dec_format(v, 0, out) < 0 ? ERR_TOOBIG : 1;
	}
	if (IS("growth")) {
		r = ind_growth_pct(f, scale >= 0 ? scale : d->same_decimals, &v);
		if (r < 0)
			return 0;
		if (v.units < 0)
			v.units = -v.units;
		return vn_dec_format(v, 0, out) < 0 ? ERR_TOOBIG : 1;
	}
	if (IS("growth_abs")) {
		r = ind_growth_abs(f, &v);
		if (r < 0)
			return 0;
		if (v.units < 0)
			v.units = -v.units;
		return vn_dec_format(v, 0, out) < 0 ? ERR_TOOBIG : 1;
	}
	if (IS("sign") || IS("est")) {
		/* {sign:up words|down words}, {est:estimate words|final words} */
		const char *bar = arg ? memchr(arg, '|', argn) : NULL;
		bool first;

		if (!bar)
			return err_set(e, ERR_INVAL, "mẫu câu: '{%.*s}' cần hai lựa chọn 'a|b'",
				       (int)n, name);
		if (IS("sign")) {
			r = ind_growth_pct(f, 4, &v);
			if (r < 0)
				return 0;
			first = v.units >= 0;
		} else {
			first = f->estimate;
		}
		if (first)
			return buf_add(out, arg, (size_t)(bar - arg)) < 0 ? ERR_TOOBIG : 1;
		return buf_add(out, bar + 1, argn - (size_t)(bar - arg) - 1) < 0 ? ERR_TOOBIG : 1;
	}
#undef IS
	return err_set(e, ERR_INVAL, "mẫu câu: không biết chỗ trống '{%.*s}'", (int)n, name);
}

/*
 * Expands tmpl[0..n). Placeholders inside {…} may nest one level ({est:ước đến
 * hết tháng {to_month} đạt|đạt}); a [...] section is written only when every
 * placeholder in it has data.
 */
static int expand(const char *t, size_t n, const struct ind_def *d, const struct ind_figure *f,
		  struct ind_period p, struct buf *out, bool *missing, struct err *e)
{
	size_t i = 0;
	int r;

	while (i < n) {
		if (t[i] == '[') {
			size_t j = i + 1, depth = 1;
			struct buf sec = BUF_INIT(4096);
			bool miss = false;

			while (j < n && depth) {
				depth += t[j] == '[' ? 1 : t[j] == ']' ? (size_t)-1 : 0;
				j++;
			}
			if (depth)
				return err_set(e, ERR_INVAL, "mẫu câu: thiếu ']'");
			r = expand(t + i + 1, j - i - 2, d, f, p, &sec, &miss, e);
			if (r == 0 && !miss)
				r = buf_add(out, sec.data ? sec.data : "", sec.len);
			buf_free(&sec);
			if (r < 0)
				return r;
			i = j;
		} else if (t[i] == '{') {
			size_t j = i + 1, depth = 1;
			struct buf inner = BUF_INIT(4096);
			bool miss = false;

			while (j < n && depth) {
				depth += t[j] == '{' ? 1 : t[j] == '}' ? (size_t)-1 : 0;
				j++;
			}
			if (depth)
				return err_set(e, ERR_INVAL, "mẫu câu: thiếu '}'");
			/* Nested placeholders are expanded first, then the outer one. */
			r = expand(t + i + 1, j - i - 2, d, f, p, &inner, &miss, e);
			if (r == 0)
				r = placeholder(inner.data ? inner.data : "", inner.len, d, f, p,
						out, e);
			buf_free(&inner);
			if (r < 0)
				return r;
			if (r == 0 || miss)
				*missing = true;
			i = j;
		} else {
			size_t j = i;

			while (j < n && t[j] != '[' && t[j] != '{')
				j++;
			r = buf_add(out, t + i, j - i);
			if (r < 0)
				return r;
			i = j;
		}
	}
	return 0;
}

int ind_phrase_expand(const char *tmpl, const struct ind_def *d, const struct ind_figure *f,
		      struct ind_period p, struct buf *out, struct err *e)
{
	bool missing = false;
	int r;

	r = expand(tmpl, strlen(tmpl), d, f, p, out, &missing, e);
	if (r == ERR_TOOBIG)
		return err_set(e, r, "câu quá dài");
	return r;
}

int ind_phrase(struct db *db, const struct ind_figure *f, const char *tmpl, struct buf *out,
	       struct err *e)
{
	struct ind_period p;
	struct ind_def d;
	struct db_q *q = NULL;
	char *text = NULL;
	int r;

	r = ind_def_get(db, f->code, &d, e);
	if (r < 0)
		return r;
	r = ind_period_parse(f->period, &p, e);
	if (r < 0)
		return r;
	if (!tmpl)
		tmpl = d.phrase;
	r = db_prepare(db, SQL_IND_PHRASE_GET, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	db_bind_text(q, 1, tmpl);
	r = db_step(q);
	if (r == 1) {
		text = strdup(db_col_text(q, 0));
		if (!text)
			r = ERR_NOMEM;
	}
	db_done(q);
	if (r < 0)
		return err_set(e, r, "không đọc được mẫu câu '%s'", tmpl);
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có mẫu câu '%s'", tmpl);
	r = ind_phrase_expand(text, &d, f, p, out, e);
	free(text);
	return r;
}
