/* ind_check.c: the rules that catch inconsistent indicator data. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "db/db.h"
#include "util/arena.h"

/* The rows one check holds at once: far more than any committee's catalogue. */
#define CHECK_ARENA_MAX (256u << 20)

static int add(struct ind_findings *out, enum ind_severity sev, const char *rule, const char *fmt,
	       ...) __attribute__((format(printf, 4, 5)));

static int add(struct ind_findings *out, enum ind_severity sev, const char *rule, const char *fmt,
	       ...)
{
	struct ind_finding *f;
	va_list ap;

	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct ind_finding *v = realloc(out->v, cap * sizeof(*v));

		if (!v)
			return ERR_NOMEM;
		out->v = v;
		out->cap = cap;
	}
	f = &out->v[out->n++];
	f->sev = sev;
	snprintf(f->rule, sizeof(f->rule), "%s", rule);
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
	if (sev == IND_ERROR)
		out->n_errors++;
	return 0;
}

void ind_findings_free(struct ind_findings *f)
{
	if (!f)
		return;
	free(f->v);
	memset(f, 0, sizeof(*f));
}

static void fmt(struct vn_dec d, char *out, size_t n)
{
	struct buf b = BUF_INIT(64);

	if (vn_dec_format(d, 0, &b) < 0)
		snprintf(out, n, "?");
	else
		snprintf(out, n, "%s", buf_str(&b));
	buf_free(&b);
}

static int body_name(struct db *db, int64_t id, char *out, size_t n)
{
	struct db_q *q = NULL;
	int r;

	snprintf(out, n, "đơn vị số %lld", (long long)id);
	r = db_prepare(db, SQL_IND_BODY_NAME, &q);
	if (r < 0)
		return r;
	db_bind_int(q, 1, id);
	r = db_step(q);
	if (r == 1)
		snprintf(out, n, "%s", db_col_text(q, 0));
	db_done(q);
	return r < 0 ? r : 0;
}

struct total {
	int64_t ind_id, body_id;
	char code[48], name[160], period[16];
	struct vn_dec value;
};

/*
 * Whether the components of total t add up to it within printed precision:
 * 1 with the finding's text in msg when they do not, 0 when they do or some
 * component has no value, negative on a store error.
 */
static int parts_mismatch(struct db *db, const struct total *t, char *msg, size_t msgn)
{
	struct vn_dec sum = {0, 0}, diff, tol;
	char parts[300] = "", a[64], b[64], c[64], who[256];
	int nparts = 0, minscale = t->value.scale;
	bool complete = true;
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_PARTS_OF, &q);
	if (r == 0)
		r = db_bindv(q, "iti", t->body_id, t->period, t->ind_id);
	while (r == 0 && (r = db_step(q)) == 1) {
		struct vn_dec v = {db_col_int(q, 2), (int)db_col_int(q, 3)};
		size_t len = strlen(parts);

		r = 0;
		if (db_col_null(q, 2)) {
			complete = false;
			continue;
		}
		fmt(v, a, sizeof(a));
		if (len < sizeof(parts))
			snprintf(parts + len, sizeof(parts) - len, "%s%s %s", len ? " + " : "",
				 db_col_text(q, 1), a);
		if (v.scale < minscale)
			minscale = v.scale;
		nparts++;
		r = vn_dec_add(sum, v, &sum);
	}
	db_done(q);
	if (r < 0)
		return r;
	if (!complete || nparts == 0)
		return 0;
	/* Each printed part may be off by half its last digit. */
	r = vn_dec_sub(sum, t->value, &diff);
	if (r < 0)
		return r;
	if (diff.units < 0)
		diff.units = -diff.units;
	tol = (struct vn_dec){5 * nparts, minscale + 1};
	if (vn_dec_cmp(diff, tol) <= 0)
		return 0;
	fmt(sum, b, sizeof(b));
	fmt(t->value, c, sizeof(c));
	body_name(db, t->body_id, who, sizeof(who));
	snprintf(msg, msgn,
		 "%s, kỳ %s: các thành phần không cộng đúng %s: %s = %s, nhưng %s ghi %s", who,
		 t->period, t->name, parts, b, t->name, c);
	return 1;
}

static void total_read(struct db_q *q, struct total *t)
{
	t->ind_id = db_col_int(q, 0);
	snprintf(t->code, sizeof(t->code), "%s", db_col_text(q, 1));
	snprintf(t->name, sizeof(t->name), "%s", db_col_text(q, 2));
	t->body_id = db_col_int(q, 3);
	snprintf(t->period, sizeof(t->period), "%s", db_col_text(q, 4));
	t->value = (struct vn_dec){db_col_int(q, 5), (int)db_col_int(q, 6)};
}

/* The components of each total that has them add up to it, within printed precision. */
static int check_parts(struct db *db, struct ind_findings *out, struct err *e)
{
	struct arena *ar = arena_new(CHECK_ARENA_MAX);
	struct total *t = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q = NULL;
	char msg[400];
	int r;

	if (!ar)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_prepare(db, SQL_IND_PARTS_TOTALS, &q);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(ar, &t, n, &cap, sizeof(*t)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		total_read(q, &t[n++]);
		r = 0;
	}
	db_done(q);
	for (size_t i = 0; r == 0 && i < n; i++) {
		r = parts_mismatch(db, &t[i], msg, sizeof(msg));
		if (r == 1)
			r = add(out, IND_ERROR, "components", "%s", msg);
	}
	arena_free(ar);
	if (r < 0)
		return db_err(db, e, r, "kiểm tra tổng thành phần thất bại");
	return 0;
}

int ind_parts_check(struct db *db, int64_t body_id, const char *period, const char *ind_code,
		    char *msg, size_t msgn, struct err *e)
{
	struct total t;
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_PARTS_TOTAL_ONE, &q);
	if (r == 0)
		r = db_bindv(q, "tit", ind_code, body_id, period);
	if (r == 0)
		r = db_step(q);
	if (r == 1)
		total_read(q, &t);
	db_done(q);
	if (r == 1)
		r = parts_mismatch(db, &t, msg, msgn);
	if (r < 0)
		return db_err(db, e, r, "kiểm tra tổng thành phần thất bại");
	return r;
}

/* A value that moved against the way its indicator should go. */
static int check_direction(struct db *db, struct ind_findings *out, struct err *e)
{
	struct db_q *q = NULL;
	struct {
		char name[160], period[16], dir[8];
		int64_t body;
		struct vn_dec v, p;
	} *row = NULL;
	struct arena *ar = arena_new(CHECK_ARENA_MAX);
	size_t n = 0, cap = 0;
	int r;

	if (!ar)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = db_prepare(db, SQL_IND_DIR_PAIRS, &q);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (arena_reserve(ar, &row, n, &cap, sizeof(*row)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		snprintf(row[n].name, sizeof(row[n].name), "%s", db_col_text(q, 1));
		snprintf(row[n].dir, sizeof(row[n].dir), "%s", db_col_text(q, 2));
		row[n].body = db_col_int(q, 3);
		snprintf(row[n].period, sizeof(row[n].period), "%s", db_col_text(q, 4));
		row[n].v = (struct vn_dec){db_col_int(q, 5), (int)db_col_int(q, 6)};
		row[n].p = (struct vn_dec){db_col_int(q, 7), (int)db_col_int(q, 8)};
		n++;
		r = 0;
	}
	db_done(q);
	for (size_t i = 0; r == 0 && i < n; i++) {
		int c = vn_dec_cmp(row[i].v, row[i].p);
		bool up = strcmp(row[i].dir, "up") == 0;
		char a[64], b[64], who[256];

		if ((up && c >= 0) || (!up && c <= 0))
			continue;
		fmt(row[i].v, a, sizeof(a));
		fmt(row[i].p, b, sizeof(b));
		body_name(db, row[i].body, who, sizeof(who));
		r = add(out, IND_WARN, "direction",
			"%s, kỳ %s: %s %s so với cùng kỳ (%s so với %s)", who, row[i].period,
			row[i].name, up ? "giảm" : "tăng", a, b);
	}
	arena_free(ar);
	if (r < 0)
		return db_err(db, e, r, "kiểm tra chiều biến động thất bại");
	return 0;
}

/* Bodies that have not reported what their siblings of the same level and kind have. */
static int check_missing(struct db *db, struct ind_findings *out, struct err *e)
{
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_MISSING, &q);
	while (r == 0 && (r = db_step(q)) == 1) {
		r = add(out, IND_WARN, "missing", "%s chưa báo cáo %lld chỉ tiêu kỳ %s",
			db_col_text(q, 1), (long long)db_col_int(q, 3), db_col_text(q, 2));
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "kiểm tra đơn vị chưa báo cáo thất bại");
	return 0;
}

int ind_check_all(struct db *db, struct ind_findings *out, struct err *e)
{
	int r;

	r = check_parts(db, out, e);
	if (r == 0)
		r = check_direction(db, out, e);
	if (r == 0)
		r = check_missing(db, out, e);
	return r;
}

int ind_check_pct(const struct ind_figure *f, const char *what, struct vn_dec printed,
		  struct ind_findings *out, struct err *e)
{
	struct vn_dec got;
	char a[64], b[64];
	const char *label;
	int r;

	if (strcmp(what, "plan") == 0) {
		r = ind_pct_of_plan(f, printed.scale, &got);
		label = "so với kế hoạch";
	} else if (strcmp(what, "same") == 0) {
		r = ind_pct_of_same(f, printed.scale, &got);
		label = "so với cùng kỳ";
	} else if (strcmp(what, "growth") == 0) {
		r = ind_growth_pct(f, printed.scale, &got);
		label = "tăng/giảm so với cùng kỳ";
	} else {
		return err_set(e, ERR_INVAL, "'%s': cần plan, same hoặc growth", what);
	}
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_NOTFOUND, "%s: không có số liệu để tính tỷ lệ %s", f->code,
			       label);
	if (r < 0)
		return err_set(e, r, "%s: không tính được tỷ lệ", f->code);
	if (vn_dec_cmp(got, printed) == 0)
		return 0;
	fmt(printed, a, sizeof(a));
	fmt(got, b, sizeof(b));
	r = add(out, IND_ERROR, "pct", "%s, kỳ %s: văn bản ghi %s%% %s, số liệu cho %s%%", f->name,
		f->period, a, label, b);
	return r < 0 ? err_set(e, r, "không đủ bộ nhớ") : 0;
}
