/* indicator.h: socio-economic indicators: catalogue, periods, values, derived figures, checks. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "util/buf.h"
#include "util/err.h"
#include "vn/num.h"

/*
 * Stable codes of the seed's ten figures (the catalogue holds more). The
 * notice binds its placeholders to these codes.
 */
#define IND_INDUSTRY "industry"
#define IND_TRADE_SERVICES "trade_services"
#define IND_AGRICULTURE "agriculture"
#define IND_INVESTMENT "investment"
#define IND_REVENUE "revenue"
#define IND_REVENUE_LOCAL "revenue_local"
#define IND_REVENUE_LAND_USE "revenue_land_use"
#define IND_EXPENDITURE "expenditure"
#define IND_EXPENDITURE_RECURRENT "expenditure_recurrent"
#define IND_EXPENDITURE_CAPITAL "expenditure_capital"

/*
 * Periods. A period is a span of months of one year; its compact code
 * (docs/indicators.md) is canonical:
 *   "2023"      the year (months 1-12)
 *   "2023-H1"   first half (1-6), "2023-H2" second half (7-12)
 *   "2023-Q3"   third quarter (7-9)
 *   "2023-M09"  September alone
 *   "2023-T09"  cumulative from January to September: "9 tháng đầu năm 2023",
 *               "lũy kế 9 tháng". T03, T06 and T12 are read as Q1, H1 and the year.
 * Same period last year: the same months of year - 1.
 */
#define IND_PERIOD_SEED "2023-T09" /* 9 tháng đầu năm 2023 */

struct ind_period {
	int year;
	int from_month, to_month; /* 1..12, from <= to */
};

/* Parses a compact code (case-insensitive); ERR_INVAL with e saying what is wrong. */
int ind_period_parse(const char *code, struct ind_period *ret, struct err *e);
/* The canonical code into out (at least 16 bytes). */
void ind_period_code(struct ind_period p, char out[static 16]);
/* Vietnamese label: "9 tháng đầu năm 2023", "quý III năm 2023", "tháng 9 năm 2023". */
int ind_period_label(struct ind_period p, struct buf *out);
/* The same months a year earlier. */
struct ind_period ind_period_prev_year(struct ind_period p);

enum ind_agg { IND_AGG_SUM, IND_AGG_AVG, IND_AGG_NONE };
enum ind_dir { IND_DIR_UP, IND_DIR_DOWN, IND_DIR_NONE }; /* which way is better */

/* One catalogue entry. */
struct ind_def {
	int64_t id;
	char code[48], name[160], unit[48];
	int decimals;		/* decimals usually printed for the value */
	int pct_decimals;	/* decimals printed for "% of plan" */
	int same_decimals;	/* decimals printed for "% of same period" and growth */
	char parent[48];	/* parent's code, "" for none */
	bool parts_sum;		/* the children add up to this total */
	enum ind_agg agg;
	enum ind_dir dir;
	char default_plan[64];	/* baseline name the phrases compare with: "kế hoạch" */
	char phrase[48];	/* name of its phrase template (table ind_phrase) */
};

/* The entry with this code; ERR_NOTFOUND with a message naming it. */
int ind_def_get(struct db *db, const char *code, struct ind_def *ret, struct err *e);

/*
 * One figure of one body and period, as the notice and the report use it:
 * the actual value (estimate or final), the plan of the named baseline (or
 * the indicator's default one), and the actual value of the same period a
 * year earlier. A plan is looked up for the period itself, then for its year.
 */
struct ind_figure {
	char code[48], name[160], unit[48];
	struct vn_dec value;
	bool estimate;
	bool has_plan;
	struct vn_dec plan;
	char plan_name[64];
	bool has_same;
	struct vn_dec same;
	/* Filled by ind_figure_get as well: where the figure belongs. */
	int64_t body_id;
	char period[16]; /* canonical period code */
};

/*
 * Fills *ret with the figure of ind_code for body_id and period_code.
 * baseline NULL: the indicator's default plan. ERR_NOTFOUND (with a message)
 * when the indicator, the period's value or the body is unknown; ERR_INVAL
 * for a malformed period code.
 */
int ind_figure_get(struct db *db, int64_t body_id, const char *period_code, const char *ind_code,
		   const char *baseline, struct ind_figure *ret, struct err *e);

/* Derived figures, never stored: NULL-safe only in that they fail with ERR_NOTFOUND. */
/* value * 100 / plan rounded to scale decimals. */
int ind_pct_of_plan(const struct ind_figure *f, int scale, struct vn_dec *ret);
/* value * 100 / same rounded ("bằng 106,7% so với cùng kỳ"). */
int ind_pct_of_same(const struct ind_figure *f, int scale, struct vn_dec *ret);
/* value * 100 / same - 100 rounded ("tăng 10,2%"; negative for a fall). */
int ind_growth_pct(const struct ind_figure *f, int scale, struct vn_dec *ret);
/* value - same, exact. */
int ind_growth_abs(const struct ind_figure *f, struct vn_dec *ret);

enum ind_kind { IND_ACTUAL, IND_PLAN };

/* What to store: an actual value (estimate or final) or a named plan baseline. */
struct ind_value_in {
	const char *ind_code;
	int64_t body_id;
	const char *period_code;
	enum ind_kind kind;
	const char *baseline; /* plan name for IND_PLAN ("kế hoạch"); ignored for actual */
	bool estimate;	      /* actual only: "ước" */
	struct vn_dec value;
	const char *source; /* where it came from ("demo", a file name); may be NULL */
};

/*
 * Stores one value, replacing the one with the same (indicator, body,
 * period, kind, baseline). Runs inside the caller's transaction if there is
 * one (it opens none). ERR_NOTFOUND for an unknown indicator or body,
 * ERR_INVAL for a malformed period, scale beyond the indicator's limit, or an
 * empty baseline name of a plan.
 */
int ind_value_set(struct db *db, const struct ind_value_in *v, struct err *e);
/* The same in its own transaction: the convenience for tests and the CLI. */
int ind_value_put(struct db *db, const struct ind_value_in *v, struct err *e);

/*
 * The phrase a report uses for one figure, from the indicator's template
 * (or the template named tmpl) held in table ind_phrase:
 * "ước đạt 4.132 tỷ đồng, đạt 68% so với kế hoạch, bằng 106,7% so với cùng kỳ".
 * Appends to out.
 */
int ind_phrase(struct db *db, const struct ind_figure *f, const char *tmpl, struct buf *out,
	       struct err *e);
/* Expands a template text against f with the catalogue entry d (see docs/indicators.md). */
int ind_phrase_expand(const char *tmpl, const struct ind_def *d, const struct ind_figure *f,
		      struct ind_period p, struct buf *out, struct err *e);
