/* ind_report.c: the figures of one body and period with their derived figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "db/db.h"
#include "vn/date.h"
#include "vn/text.h"

int ind_body_find(struct db *db, const char *what, int64_t *ret, struct err *e)
{
	struct buf fold = BUF_INIT(1024);
	struct db_q *q = NULL;
	char *end;
	long long id;
	int64_t found = 0, n = 0;
	char names[300] = "";
	int r;

	if (!what || !*what)
		return err_set(e, ERR_INVAL, "thiếu tên đơn vị");
	id = strtoll(what, &end, 10);
	if (!*end && id > 0) {
		r = db_query_int(db, SQL_IND_BODY_EXISTS, &n, "i", (int64_t)id);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		if (n == 0)
			return err_set(e, ERR_NOTFOUND, "không có đơn vị số %lld", id);
		*ret = id;
		return 0;
	}
	r = vn_fold(what, strlen(what), &fold);
	if (r < 0) {
		buf_free(&fold);
		return err_set(e, ERR_INVAL, "tên đơn vị không phải UTF-8 hợp lệ");
	}
	r = db_prepare(db, SQL_IND_BODY_FIND, &q);
	if (r < 0) {
		buf_free(&fold);
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	}
	r = db_bindv(q, "ttt", what, what, buf_str(&fold));
	while (r == 0 && (r = db_step(q)) == 1) {
		size_t len = strlen(names);

		found = db_col_int(q, 0);
		n++;
		if (len < sizeof(names))
			snprintf(names + len, sizeof(names) - len, "%s%s (số %lld)",
				 len ? ", " : "", db_col_text(q, 1), (long long)found);
		r = 0;
	}
	db_done(q);
	buf_free(&fold);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (n == 0)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị '%s'", what);
	if (n > 1)
		return err_set(e, ERR_INVAL, "'%s' chỉ nhiều đơn vị: %s; hãy dùng số của đơn vị",
			       what, names);
	*ret = found;
	return 0;
}

static int latest(struct db *db, int64_t *body, char period[16], struct err *e)
{
	struct db_q *q = NULL;
	int r;

	r = db_prepare(db, SQL_IND_LATEST, &q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	r = db_step(q);
	if (r == 1) {
		*body = db_col_int(q, 0);
		snprintf(period, 16, "%s", db_col_text(q, 1));
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "chưa có số liệu chỉ tiêu nào");
	return 0;
}

/* 1 when the value meets the plan the way the indicator's direction says. */
static bool plan_met(const struct ind_row *row)
{
	int c = vn_dec_cmp(row->f.value, row->f.plan);

	return row->d.dir == IND_DIR_DOWN ? c <= 0 : c >= 0;
}

int ind_report_build(struct db *db, int64_t body_id, const char *period_code,
		     struct ind_report *ret, struct err *e)
{
	struct ind_report rep = {0};
	struct ind_period p;
	struct db_q *q = NULL;
	struct buf label = BUF_INIT(64);
	char codes[256][48], first[24];
	size_t ncodes = 0;
	int r;

	if (body_id == 0 && !period_code) {
		r = latest(db, &rep.body_id, rep.period, e);
		if (r < 0)
			return r;
	} else {
		if (!period_code || body_id == 0)
			return err_set(e, ERR_INVAL,
				       "cần cả đơn vị (--body) và kỳ (--period), "
				       "hoặc bỏ cả hai");
		r = ind_period_parse(period_code, &p, e);
		if (r < 0)
			return r;
		rep.body_id = body_id;
		ind_period_code(p, rep.period);
	}
	r = ind_period_parse(rep.period, &p, e);
	if (r < 0)
		return r;
	ind_period_label(p, &label);
	snprintf(rep.period_label, sizeof(rep.period_label), "%s", buf_str(&label));
	buf_free(&label);

	r = db_prepare(db, SQL_IND_BODY_NAME, &q);
	if (r == 0) {
		db_bind_int(q, 1, rep.body_id);
		r = db_step(q);
		if (r == 1)
			snprintf(rep.body_name, sizeof(rep.body_name), "%s", db_col_text(q, 0));
		db_done(q);
	}
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	if (r == 0)
		return err_set(e, ERR_NOTFOUND, "không có đơn vị số %lld", (long long)rep.body_id);

	/* The period's codes of the body and of the bodies it succeeded (ind_figure_get). */
	snprintf(first, sizeof(first), "%04d-%02d-01", p.year % 10000, p.from_month);
	r = db_prepare(db, SQL_IND_REPORT_CODES_SUCC, &q);
	if (r == 0)
		r = db_bindv(q, "nitt", rep.body_id, rep.period, first);
	while (r == 0 && (r = db_step(q)) == 1) {
		if (ncodes < sizeof(codes) / sizeof(codes[0]))
			snprintf(codes[ncodes++], 48, "%s", db_col_text(q, 0));
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");

	rep.rows = calloc(ncodes ? ncodes : 1, sizeof(*rep.rows));
	if (!rep.rows)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	for (size_t i = 0; i < ncodes; i++) {
		struct ind_row *row = &rep.rows[rep.n];

		r = ind_def_get(db, codes[i], &row->d, e);
		if (r == 0)
			r = ind_figure_get(db, rep.body_id, rep.period, codes[i], NULL, &row->f, e);
		if (r < 0) {
			ind_report_free(&rep);
			return r;
		}
		row->has_pct_plan =
		    ind_pct_of_plan(&row->f, row->d.pct_decimals, &row->pct_plan) == 0;
		row->has_pct_same =
		    ind_pct_of_same(&row->f, row->d.same_decimals, &row->pct_same) == 0;
		row->has_growth =
		    ind_growth_pct(&row->f, row->d.same_decimals, &row->growth) == 0 &&
		    ind_growth_abs(&row->f, &row->growth_abs) == 0;
		if (row->f.has_plan) {
			rep.n_with_plan++;
			rep.n_plan_met += plan_met(row);
		}
		rep.n++;
	}
	*ret = rep;
	return 0;
}

void ind_report_free(struct ind_report *r)
{
	if (!r)
		return;
	free(r->rows);
	r->rows = NULL;
	r->n = 0;
}

/* A body under the report's body, as the roll-up reads it. */
struct lower_body {
	int64_t id, parent;
	char name[256];
	bool top;  /* one of the expected lower bodies */
	int32_t k; /* its top's index among the expected (its own when top) */
};

static int lower_cmp(const void *a, const void *b)
{
	const struct lower_body *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The index of body id in b[0..n), or -1. */
static int32_t lower_find(const struct lower_body *b, size_t n, int64_t id)
{
	struct lower_body key = {.id = id};
	const struct lower_body *f = bsearch(&key, b, n, sizeof(*b), lower_cmp);

	return f ? (int32_t)(f - b) : -1;
}

/* The first and last days of period code (ISO); ERR_INVAL for a malformed code. */
static int period_days(const char *code, char first[static 11], char last[static 11])
{
	struct ind_period p;
	struct vn_date d = {0};
	struct err e = {0};

	if (ind_period_parse(code, &p, &e) < 0)
		return ERR_INVAL;
	d.y = p.year;
	d.m = p.from_month;
	d.d = 1;
	vn_date_iso(d, first);
	d.m = p.to_month;
	vn_date_iso(vn_date_add_days(vn_date_add_months(d, 1), -1), last);
	return 0;
}

static int lower_load(struct db *db, int64_t body, const char *period, struct lower_body **ret,
		      size_t *ret_n)
{
	struct lower_body *b = NULL;
	size_t n = 0, cap = 0;
	struct db_q *q;
	char first[11], last[11];
	int r = period_days(period, first, last);

	if (r == 0)
		r = db_query(db, SQL_IND_LOWER_BODIES, &q, "ittt", body, period, first, last);

	while (r == 0 && (r = db_step(q)) == 1) {
		const char *name = db_col_text(q, 2);

		r = 0;
		if (n == cap) {
			struct lower_body *nb = realloc(b, (cap ? 2 * cap : 64) * sizeof(*b));

			if (!nb) {
				r = ERR_NOMEM;
				break;
			}
			b = nb;
			cap = cap ? 2 * cap : 64;
		}
		b[n] = (struct lower_body){.id = db_col_int(q, 0),
					   .parent = db_col_int(q, 1),
					   .top = db_col_int(q, 3) != 0};
		snprintf(b[n].name, sizeof(b[n].name), "%s", name ? name : "");
		n++;
	}
	db_done(q);
	if (r < 0) {
		free(b);
		return r;
	}
	*ret = b;
	*ret_n = n;
	return 0;
}

int ind_report_rollup(struct db *db, const struct ind_report *rep, struct ind_report_rollup *ret,
		      struct err *e)
{
	struct ind_report_rollup out = {0};
	struct ind_rollup res = {0};
	struct lower_body *b = NULL;
	int32_t *parent = NULL, *vbody = NULL, *vind = NULL;
	enum ind_agg *agg = NULL;
	struct vn_dec *val = NULL;
	size_t nb = 0, nv = 0, vcap = 0;
	struct db_q *q = NULL;
	char first[11], last[11];
	int r = lower_load(db, rep->body_id, rep->period, &b, &nb);

	if (r < 0)
		goto dberr;
	/* The expected lower bodies are numbered in id order; each body knows its top's number. */
	for (size_t i = 0; i < nb; i++)
		if (b[i].top)
			b[i].k = (int32_t)out.n_lower++;
	out.lower = calloc(out.n_lower ? out.n_lower : 1, sizeof(*out.lower));
	out.fig = calloc(rep->n ? rep->n : 1, sizeof(*out.fig));
	out.reported = calloc((rep->n ? rep->n : 1) * (out.n_lower ? out.n_lower : 1), 1);
	parent = malloc((nb + 1) * sizeof(*parent));
	agg = malloc((rep->n ? rep->n : 1) * sizeof(*agg));
	if (!out.lower || !out.fig || !out.reported || !parent || !agg)
		goto nomem;
	for (size_t i = 0; i < nb; i++) {
		if (b[i].top) {
			out.lower[b[i].k].id = b[i].id;
			snprintf(out.lower[b[i].k].name, sizeof(out.lower[0].name), "%s",
				 b[i].name);
		}
	}
	/* Index nb is the report's body itself, the root; its own values stay out. */
	parent[nb] = -1;
	for (size_t i = 0; i < nb; i++)
		parent[i] = b[i].top ? (int32_t)nb : lower_find(b, nb, b[i].parent);
	/* Bodies under a lower body: their top is found up the tree (ids sorted, parents in b). */
	for (size_t i = 0; i < nb; i++) {
		int32_t t = (int32_t)i;

		while (t >= 0 && t < (int32_t)nb && !b[t].top)
			t = parent[t];
		b[i].k = t >= 0 && t < (int32_t)nb ? b[t].k : -1;
	}
	for (size_t i = 0; i < rep->n; i++)
		agg[i] = rep->rows[i].d.agg;
	r = period_days(rep->period, first, last);
	if (r == 0)
		r = db_query(db, SQL_IND_LOWER_VALUES, &q, "ittt", rep->body_id, rep->period, first,
			     last);
	while (r == 0 && (r = db_step(q)) == 1) {
		int64_t ind = db_col_int(q, 1);
		int32_t body = lower_find(b, nb, db_col_int(q, 0)), row = -1;

		r = 0;
		for (size_t i = 0; i < rep->n && row < 0; i++)
			if (rep->rows[i].d.id == ind)
				row = (int32_t)i;
		if (body < 0 || row < 0)
			continue;
		if (nv == vcap) {
			size_t c = vcap ? 2 * vcap : 256;
			int32_t *nbd = realloc(vbody, c * sizeof(*vbody));
			int32_t *nid = nbd ? realloc(vind, c * sizeof(*vind)) : NULL;
			struct vn_dec *nvl = nid ? realloc(val, c * sizeof(*val)) : NULL;

			if (nbd)
				vbody = nbd;
			if (nid)
				vind = nid;
			if (!nvl) {
				r = ERR_NOMEM;
				break;
			}
			val = nvl;
			vcap = c;
		}
		vbody[nv] = body;
		vind[nv] = row;
		val[nv] = (struct vn_dec){db_col_int(q, 2), (int)db_col_int(q, 3)};
		nv++;
		if (b[body].k >= 0)
			out.reported[(size_t)row * out.n_lower + (size_t)b[body].k] = true;
	}
	db_done(q);
	if (r == ERR_NOMEM)
		goto nomem;
	if (r < 0)
		goto dberr;
	{
		struct ind_rollup_in in = {.n_bodies = nb + 1,
					   .parent = parent,
					   .n_ind = rep->n,
					   .agg = agg,
					   .n_vals = nv,
					   .val_body = vbody,
					   .val_ind = vind,
					   .val = val};

		r = ind_rollup_run(&in, &res, e);
		if (r < 0)
			goto out;
	}
	for (size_t i = 0; i < rep->n; i++) {
		struct ind_rollup_fig *f = &out.fig[i];

		f->expected = (int)out.n_lower;
		for (size_t k = 0; k < out.n_lower; k++)
			f->reported += out.reported[i * out.n_lower + k];
		f->has_value = agg[i] != IND_AGG_NONE && res.count[i * (nb + 1) + nb] > 0;
		if (f->has_value)
			f->value = ind_rollup_value(&res, i, nb);
	}
	*ret = out;
	memset(&out, 0, sizeof(out));
	r = 0;
	goto out;
nomem:
	r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ để tổng hợp");
	goto out;
dberr:
	r = db_err(db, e, r, "không đọc được số liệu của cấp dưới");
out:
	ind_rollup_free(&res);
	ind_report_rollup_free(&out);
	free(b);
	free(parent);
	free(agg);
	free(vbody);
	free(vind);
	free(val);
	return r;
}

void ind_report_rollup_free(struct ind_report_rollup *r)
{
	if (!r)
		return;
	free(r->lower);
	free(r->fig);
	free(r->reported);
	memset(r, 0, sizeof(*r));
}
