/* indicator.h: socio-economic indicators: catalogue, periods, values, derived figures, checks. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"
#include "vn/num.h"

struct db; /* the store (db/db.h), opaque here */

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
	int decimals;	   /* decimals usually printed for the value */
	int pct_decimals;  /* decimals printed for "% of plan" */
	int same_decimals; /* decimals printed for "% of same period" and growth */
	char parent[48];   /* parent's code, "" for none */
	bool parts_sum;	   /* the children add up to this total */
	enum ind_agg agg;
	enum ind_dir dir;
	char default_plan[64]; /* baseline name the phrases compare with: "kế hoạch" */
	char phrase[48];       /* name of its phrase template (table ind_phrase) */
};

/* The entry with this code; ERR_NOTFOUND with a message naming it. */
int ind_def_get(struct db *db, const char *code, struct ind_def *ret, struct err *e);
/* The whole catalogue in report order; caller frees *ret with free(). */
int ind_def_list(struct db *db, struct ind_def **ret, size_t *ret_n, struct err *e);

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

/*
 * A report: the figures of one body and period, each with its derived
 * figures, in catalogue order. Caller frees with ind_report_free().
 */
struct ind_row {
	struct ind_figure f;
	struct ind_def d;
	bool has_pct_plan, has_pct_same, has_growth;
	struct vn_dec pct_plan;	  /* at d.pct_decimals */
	struct vn_dec pct_same;	  /* at d.same_decimals */
	struct vn_dec growth;	  /* % at d.same_decimals; negative for a fall */
	struct vn_dec growth_abs; /* value - same */
};

struct ind_report {
	int64_t body_id;
	char body_name[256];
	char period[16];
	char period_label[64];
	struct ind_row *rows;
	size_t n;
	int n_with_plan, n_plan_met; /* "15/24 chỉ tiêu đạt" */
};

/*
 * Builds the report of body_id for period_code. body_id 0 and period_code
 * NULL: the most recent period that has data, for the highest body in the
 * tree that has any (ERR_NOTFOUND when the store holds no values).
 */
int ind_report_build(struct db *db, int64_t body_id, const char *period_code,
		     struct ind_report *ret, struct err *e);
void ind_report_free(struct ind_report *r);

/*
 * A report's figures gathered from the lower bodies (a district's communes):
 * the body's direct children of a lower level are expected to report; a lower
 * body has reported a figure when it, or a body under it, entered a value for
 * the report's period. Caller frees with ind_report_rollup_free().
 */
struct ind_lower {
	int64_t id;
	char name[256];
};
struct ind_rollup_fig {
	bool has_value;	     /* false: nobody below reported it, or it does not aggregate */
	struct vn_dec value; /* summed (or averaged, per the catalogue) from the lower bodies */
	int reported, expected;
};
struct ind_report_rollup {
	struct ind_lower *lower; /* the expected lower bodies, by id */
	size_t n_lower;
	struct ind_rollup_fig *fig; /* one per report row */
	bool *reported;		    /* [row * n_lower + k]: lower body k reported row's figure */
};
/*
 * The roll-up of rep's figures from its body's lower bodies, with
 * ind_rollup_run over their subtrees (the body's own values left out).
 * ERR_NOMEM, or a store error.
 */
int ind_report_rollup(struct db *db, const struct ind_report *rep, struct ind_report_rollup *ret,
		      struct err *e);
void ind_report_rollup_free(struct ind_report_rollup *r);

/*
 * Finds a body by id ("12"), exact name, folded name or code; ERR_NOTFOUND
 * or, when several match, ERR_INVAL naming them.
 */
int ind_body_find(struct db *db, const char *what, int64_t *ret, struct err *e);

/* Checks. Each finding is one line in Vietnamese; errors make the check fail. */
enum ind_severity { IND_WARN, IND_ERROR };
struct ind_finding {
	enum ind_severity sev;
	char rule[24]; /* components, pct, direction, missing */
	char msg[400];
};
struct ind_findings {
	struct ind_finding *v;
	size_t n, cap;
	int n_errors;
};
/*
 * Runs every rule over the whole store: components add up to their total
 * within printed precision, values moving against their direction, bodies
 * that have not reported what their siblings have. Appends to *out.
 */
int ind_check_all(struct db *db, struct ind_findings *out, struct err *e);
/*
 * A percentage written in a text ("đạt 68%") against the data: what is
 * "plan", "same" (ratio to the same period) or "growth". Appends a finding
 * when they disagree at the printed precision.
 */
int ind_check_pct(const struct ind_figure *f, const char *what, struct vn_dec printed,
		  struct ind_findings *out, struct err *e);
void ind_findings_free(struct ind_findings *f);
/*
 * The components rule for one figure (a total of ind_code for body_id and
 * period): 1 with the finding in msg when its components' values do not add
 * up to it, 0 when they do, when some component has no value or when the
 * indicator is not a sum of parts; negative on a store error.
 */
int ind_parts_check(struct db *db, int64_t body_id, const char *period, const char *ind_code,
		    char *msg, size_t msgn, struct err *e);

/* Roll-up over the body tree (in memory, so it also serves the benchmark). */
struct ind_rollup_in {
	size_t n_bodies;	 /* bodies are 0..n_bodies-1 */
	const int32_t *parent;	 /* parent index of each body, -1 for a root */
	size_t n_ind;		 /* indicators are 0..n_ind-1 */
	const enum ind_agg *agg; /* per indicator */
	size_t n_vals;
	const int32_t *val_body; /* per value */
	const int32_t *val_ind;
	const struct vn_dec *val;
};
/*
 * Per (body, indicator): the aggregate of the values reported by the body
 * and all its descendants (sum, or average over the reporting bodies), and
 * how many bodies reported. Cells are at index ind * n_bodies + body; a cell's
 * value is units[cell] / 10^scale[ind] (ind_rollup_value()), all cells of an
 * indicator sharing its largest scale, which keeps a cell to 12 bytes. Caller
 * frees with ind_rollup_free().
 */
struct ind_rollup {
	size_t n_bodies, n_ind;
	int64_t *units;	 /* per cell; meaningful where count > 0 */
	int8_t *scale;	 /* per indicator */
	uint32_t *count; /* per cell */
};
int ind_rollup_run(const struct ind_rollup_in *in, struct ind_rollup *ret, struct err *e);
void ind_rollup_free(struct ind_rollup *r);
/* The aggregate of one cell ({0, 0} where nothing was reported). */
static inline struct vn_dec ind_rollup_value(const struct ind_rollup *r, size_t ind, size_t body)
{
	size_t cell = ind * r->n_bodies + body;

	if (!r->count[cell])
		return (struct vn_dec){0, 0};
	return (struct vn_dec){r->units[cell], r->scale[ind]};
}

/* Completeness of one body for a period: its direct children that reported anything. */
struct ind_completeness {
	int children, reported;
};

/*
 * Imports values from CSV text (header line, columns in any order:
 * indicator, body, period, kind, baseline, estimate, value; see
 * docs/indicators.md) in one transaction. Every bad line is listed in
 * *errors as "dòng N: …"; on any error nothing is imported and the result is
 * ERR_INVAL. *ret_n receives the number of values stored.
 */
int ind_import_csv(struct db *db, const char *data, size_t len, const char *source, size_t *ret_n,
		   struct buf *errors, struct err *e);
/* The same for a DHIS2 dataValueSets JSON document. */
int ind_import_dvs(struct db *db, const char *data, size_t len, const char *source, size_t *ret_n,
		   struct buf *errors, struct err *e);
/*
 * Appends every stored value (of period_code, or all when NULL) as a DHIS2
 * dataValueSets JSON document: orgUnit the body's DHIS2 code (else its
 * symbol code), period DHIS2's id (2023, 2023S1, 2023Q3, 202309; a span from
 * January as its last month with a "_cumulative" combo). ERR_INVAL naming the
 * body when its code is shared by another body and it has no DHIS2 code.
 */
int ind_export_dvs(struct db *db, const char *period_code, struct buf *out, struct err *e);

/*
 * Sets (code NULL: clears) the DHIS2 organisation unit code body_id's values
 * are exported under. ERR_INVAL for a code that is empty, longer than 50
 * bytes, all digits or has spaces; ERR_EXISTS when another body has it.
 */
int ind_body_set_dhis2(struct db *db, int64_t body_id, const char *code, struct err *e);
