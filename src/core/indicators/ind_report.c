/* ind_report.c: the figures of one body and period with their derived figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "db/db.h"
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
	char codes[256][48];
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

	r = db_prepare(db, SQL_IND_REPORT_CODES, &q);
	if (r == 0)
		r = db_bindv(q, "it", rep.body_id, rep.period);
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
