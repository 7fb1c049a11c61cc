/* demo_indicators.c: the demo's figures: the seed's ten figures for 9 months of 2023. */
#include <stddef.h>

#include "core/demo/demo.h"
#include "db/db.h"
#include "core/indicators/indicator.h"

/*
 * As printed in the seed (Thông báo kết luận phiên 26, Tân Yên, 04/10/2023).
 * Plans and same-period values are derived from its printed percentages as
 * the gold extraction gives them: a plan is stored by its name for the year
 * 2023, the same period as the actual value of 9 months of 2022.
 */
struct demo_fig {
	const char *code;
	struct vn_dec value;
	const char *plan_name; /* NULL: no plan printed */
	struct vn_dec plan;
	bool has_same;
	struct vn_dec same;
};

static const struct demo_fig demo_figs[] = {
    {IND_INDUSTRY, {4132, 0}, "kế hoạch", {60765, 1}, true, {38725, 1}},
    {IND_TRADE_SERVICES, {4260, 0}, NULL, {0, 0}, true, {38657, 1}},
    {IND_AGRICULTURE, {3943, 0}, "kế hoạch", {57562, 1}, true, {36645, 1}},
    {IND_INVESTMENT, {3093, 0}, "kế hoạch", {41685, 1}, true, {29262, 1}},
    {IND_REVENUE, {1593851, 3}, "dự toán huyện giao", {16431, 1}, false, {0, 0}},
    {IND_REVENUE_LOCAL, {699874, 3}, "dự toán huyện giao", {10540, 1}, false, {0, 0}},
    {IND_REVENUE_LAND_USE, {5687, 1}, "kế hoạch huyện giao", {9000, 1}, false, {0, 0}},
    {IND_EXPENDITURE, {10067, 1}, "dự toán huyện giao", {14569, 1}, false, {0, 0}},
    {IND_EXPENDITURE_RECURRENT, {4725, 1}, NULL, {0, 0}, false, {0, 0}},
    {IND_EXPENDITURE_CAPITAL, {5342, 1}, NULL, {0, 0}, false, {0, 0}},
};

int demo_indicators(struct db *db, struct err *e)
{
	int64_t body = 0;
	int r;

	r = db_query_int(db, SQL_IND_BODY_FIND_LEVEL, &body, "tt", "HU", "huyen");
	if (r == ERR_NOTFOUND)
		return err_set(e, r,
			       "dữ liệu mẫu chỉ tiêu cần Huyện ủy Tân Yên (mã HU) trong "
			       "danh mục đơn vị");
	if (r < 0)
		return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	for (size_t i = 0; i < sizeof(demo_figs) / sizeof(demo_figs[0]); i++) {
		const struct demo_fig *f = &demo_figs[i];
		struct ind_value_in v = {.ind_code = f->code,
					 .body_id = body,
					 .period_code = IND_PERIOD_SEED,
					 .kind = IND_ACTUAL,
					 .estimate = true,
					 .value = f->value,
					 .source = "demo"};

		r = ind_value_set(db, &v, e);
		if (r == 0 && f->plan_name) {
			v.kind = IND_PLAN;
			v.period_code = "2023";
			v.baseline = f->plan_name;
			v.value = f->plan;
			r = ind_value_set(db, &v, e);
		}
		if (r == 0 && f->has_same) {
			v.kind = IND_ACTUAL;
			v.period_code = "2022-T09";
			v.baseline = NULL;
			v.estimate = false;
			v.value = f->same;
			r = ind_value_set(db, &v, e);
		}
		if (r < 0)
			return r;
	}
	return 0;
}
