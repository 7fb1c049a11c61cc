/* test_indicators.c: periods, figures, phrases, checks, roll-up and import/export of indicators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/demo/demo.h"
#include "db/db.h"
#include "test_store.h"
#include "core/indicators/indicator.h"

struct fx {
	char path[256];
	struct db *db;
	int64_t hu, xa1, xa2;
};

/*
 * A store with a province committee, the Tân Yên district committee under
 * it and two communes, then the indicators demo part. The bodies are written
 * directly: this program tests indicators, not the registry.
 */
static int setup(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof(*f));
	struct err e = {0};

	snprintf(f->path, sizeof(f->path), "/tmp/dondoc-test-ind-%ld-%d.db", (long)getpid(), ++seq);
	assert_int_equal(test_store_fresh(f->path, sizeof(f->path)), 0);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &e), 0);
	db_close(f->db);
	assert_int_equal(
	    test_store_exec(
		f->path,
		"INSERT INTO body(id, parent_id, level, kind, name, code, name_fold) VALUES"
		"(1, NULL, 'tinh', 'party', 'Tỉnh ủy Bắc Giang', 'TU', 'tinh uy bac giang'),"
		"(2, 1, 'huyen', 'party', 'Huyện ủy Tân Yên', 'HU', 'huyen uy tan yen'),"
		"(3, 2, 'xa', 'party', 'Đảng ủy xã Liên Sơn', 'ĐU', 'dang uy xa lien son'),"
		"(4, 2, 'xa', 'party', 'Đảng ủy xã Ngọc Lý', 'ĐU', 'dang uy xa ngoc ly')"),
	    0);
	assert_int_equal(db_open(f->path, 0, &f->db, &e), 0);
	assert_int_equal(db_begin(f->db), 0);
	if (demo_indicators(f->db, &e) < 0)
		fail_msg("demo: %s", e.msg);
	assert_int_equal(db_commit(f->db), 0);
	f->hu = 2;
	f->xa1 = 3;
	f->xa2 = 4;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	db_close(f->db);
	db_remove(f->path, true, NULL);
	free(f);
	return 0;
}

static void periods_have_compact_codes_and_labels(void **state)
{
	static const struct {
		const char *in, *code, *label;
	} cases[] = {
	    {"2023-T09", "2023-T09", "9 tháng đầu năm 2023"},
	    {"2023-t06", "2023-H1", "6 tháng đầu năm 2023"},
	    {"2023-T12", "2023", "năm 2023"},
	    {"2023-Q3", "2023-Q3", "quý III năm 2023"},
	    {"2023-T03", "2023-Q1", "quý I năm 2023"},
	    {"2023-M09", "2023-M09", "tháng 9 năm 2023"},
	    {"2023-H2", "2023-H2", "6 tháng cuối năm 2023"},
	    {"2023-T10", "2023-T10", "10 tháng đầu năm 2023"},
	};
	static const char *const bad[] = {"",	     "23",	 "2023-",   "2023-Q5", "2023-M13",
					  "2023-T0", "2023-X01", "2023-M9", "abcd",    "2023-H3"};
	struct err e = {0};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ind_period p;
		struct buf b = BUF_INIT(64);
		char code[16];

		assert_int_equal(ind_period_parse(cases[i].in, &p, &e), 0);
		ind_period_code(p, code);
		assert_string_equal(code, cases[i].code);
		assert_int_equal(ind_period_label(p, &b), 0);
		assert_string_equal(buf_str(&b), cases[i].label);
		buf_free(&b);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ind_period p;

		assert_int_equal(ind_period_parse(bad[i], &p, &e), ERR_INVAL);
		assert_non_null(strstr(e.msg, "mã kỳ"));
	}
}

static double to_d(struct vn_dec d)
{
	return vn_dec_to_double(d);
}

/* Within half a unit of the last printed digit of want. */
static void near(double got, double want, int scale)
{
	double tol = 0.5;

	for (int i = 0; i < scale; i++)
		tol /= 10;
	if (got < want - tol - 1e-9 || got > want + tol + 1e-9)
		fail_msg("got %.6f, want %.6f (±%g)", got, want, tol);
}

static int scale_of(json_t *n)
{
	char s[64];
	const char *dot;

	snprintf(s, sizeof(s), "%.10g", json_number_value(n));
	dot = strchr(s, '.');
	return dot ? (int)strlen(dot + 1) : 0;
}

static void demo_figures_match_the_gold_extraction(void **state)
{
	struct fx *f = *state;
	char path[1024];
	const char *shared = getenv("DONDOC_SEEDS");
	json_error_t jerr;
	json_t *gold, *figs, *g;
	size_t i;

	snprintf(path, sizeof(path), "%s/seed/tan-yen-2023-10-04-phien-26.gold.json",
		 shared ? shared : "../shared");
	gold = json_load_file(path, 0, &jerr);
	if (!gold)
		skip();
	figs = json_object_get(gold, "figures");
	assert_int_equal(json_array_size(figs), 10);
	json_array_foreach(figs, i, g)
	{
		const char *id = json_string_value(json_object_get(g, "id"));
		json_t *der = json_object_get(g, "derived"), *x;
		struct ind_figure fig;
		struct err e = {0};
		struct vn_dec v;

		assert_int_equal(ind_figure_get(f->db, f->hu, IND_PERIOD_SEED, id, NULL, &fig, &e),
				 0);
		assert_true(fig.estimate);
		near(to_d(fig.value), json_number_value(json_object_get(g, "value")), 3);
		if ((x = json_object_get(g, "plan_kind")))
			assert_string_equal(fig.plan_name, json_string_value(x));
		if ((x = json_object_get(g, "pct_of_plan"))) {
			assert_int_equal(ind_pct_of_plan(&fig, scale_of(x), &v), 0);
			near(to_d(v), json_number_value(x), scale_of(x));
			/* 97,0 prints with its zero: the scale of the printed figure is kept. */
		} else {
			assert_int_equal(ind_pct_of_plan(&fig, 1, &v), ERR_NOTFOUND);
		}
		if ((x = json_object_get(g, "pct_of_same_period"))) {
			assert_int_equal(ind_pct_of_same(&fig, 1, &v), 0);
			near(to_d(v), json_number_value(x), 1);
		}
		if ((x = json_object_get(g, "growth_pct"))) {
			assert_int_equal(ind_growth_pct(&fig, 1, &v), 0);
			near(to_d(v), json_number_value(x), 1);
		}
		if (der && (x = json_object_get(der, "plan")))
			near(to_d(fig.plan), json_number_value(x), 1);
		if (der && (x = json_object_get(der, "same_period")))
			near(to_d(fig.same), json_number_value(x), 1);
		if (!der || !json_object_get(der, "same_period"))
			assert_false(fig.has_same);
	}
	json_decref(gold);
}

static void phrases_reproduce_the_seed(void **state)
{
	static const struct {
		const char *code, *want;
	} cases[] = {
	    {IND_INDUSTRY,
	     "ước đạt 4.132 tỷ đồng, đạt 68% so với kế hoạch, bằng 106,7% so với cùng kỳ"},
	    {IND_TRADE_SERVICES, "ước đạt 4.260 tỷ đồng, tăng 10,2% so với cùng kỳ"},
	    {IND_AGRICULTURE,
	     "ước đạt 3.943 tỷ đồng, đạt 68,5% kế hoạch, tăng 7,6% so với cùng kỳ"},
	    {IND_INVESTMENT,
	     "ước đạt 3.093 tỷ đồng, tăng 5,7% so với cùng kỳ, bằng 74,2% kế hoạch"},
	    {IND_REVENUE,
	     "ước đến hết tháng 9 đạt 1.593,851 tỷ đồng, bằng 97,0% dự toán huyện giao"},
	    {IND_REVENUE_LOCAL, "699,874 tỷ đồng, đạt 66,4%"},
	    {IND_REVENUE_LAND_USE, "568,7 tỷ đồng, đạt 63,19% kế hoạch huyện giao"},
	    {IND_EXPENDITURE, "ước đạt 1.006,7 tỷ đồng, bằng 69,1% dự toán huyện giao"},
	    {IND_EXPENDITURE_RECURRENT, "472,5 tỷ đồng"},
	    {IND_EXPENDITURE_CAPITAL, "534,2 tỷ đồng"},
	};
	struct fx *f = *state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ind_figure fig;
		struct buf b = BUF_INIT(1024);
		struct err e = {0};

		assert_int_equal(
		    ind_figure_get(f->db, f->hu, IND_PERIOD_SEED, cases[i].code, NULL, &fig, &e),
		    0);
		assert_int_equal(ind_phrase(f->db, &fig, NULL, &b, &e), 0);
		assert_string_equal(buf_str(&b), cases[i].want);
		buf_free(&b);
	}
}

static void a_fall_is_phrased_giam(void **state)
{
	struct fx *f = *state;
	struct ind_figure fig;
	struct buf b = BUF_INIT(1024);
	struct err e = {0};

	assert_int_equal(
	    ind_figure_get(f->db, f->hu, IND_PERIOD_SEED, IND_TRADE_SERVICES, NULL, &fig, &e), 0);
	fig.value = (struct vn_dec){3500, 0};
	assert_int_equal(ind_phrase(f->db, &fig, NULL, &b, &e), 0);
	assert_string_equal(buf_str(&b), "ước đạt 3.500 tỷ đồng, giảm 9,5% so với cùng kỳ");
	buf_free(&b);
}

static int count_rule(const struct ind_findings *fs, const char *rule, const char *needle)
{
	int n = 0;

	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->v[i].rule, rule) == 0 && (!needle || strstr(fs->v[i].msg, needle)))
			n++;
	return n;
}

static void components_that_do_not_add_up_are_an_error(void **state)
{
	struct fx *f = *state;
	struct ind_findings fs = {0};
	struct err e = {0};
	struct ind_value_in v = {.ind_code = IND_EXPENDITURE_RECURRENT,
				 .body_id = f->hu,
				 .period_code = IND_PERIOD_SEED,
				 .kind = IND_ACTUAL,
				 .estimate = true,
				 .value = {480, 0}};

	assert_int_equal(ind_check_all(f->db, &fs, &e), 0);
	assert_int_equal(fs.n_errors, 0);
	ind_findings_free(&fs);

	assert_int_equal(ind_value_put(f->db, &v, &e), 0);
	assert_int_equal(ind_check_all(f->db, &fs, &e), 0);
	assert_int_equal(fs.n_errors, 1);
	assert_int_equal(count_rule(&fs, "components", "Chi ngân sách"), 1);
	assert_non_null(strstr(fs.v[0].msg, "1.014,2"));
	ind_findings_free(&fs);

	v.value = (struct vn_dec){4725, 1};
	assert_int_equal(ind_value_put(f->db, &v, &e), 0);
}

static void a_printed_percentage_is_checked_against_the_data(void **state)
{
	struct fx *f = *state;
	struct ind_findings fs = {0};
	struct ind_figure fig;
	struct err e = {0};

	assert_int_equal(
	    ind_figure_get(f->db, f->hu, IND_PERIOD_SEED, IND_INDUSTRY, NULL, &fig, &e), 0);
	assert_int_equal(ind_check_pct(&fig, "plan", (struct vn_dec){68, 0}, &fs, &e), 0);
	assert_int_equal(ind_check_pct(&fig, "same", (struct vn_dec){1067, 1}, &fs, &e), 0);
	assert_int_equal(fs.n, 0);
	assert_int_equal(ind_check_pct(&fig, "plan", (struct vn_dec){72, 0}, &fs, &e), 0);
	assert_int_equal(fs.n_errors, 1);
	assert_non_null(strstr(fs.v[0].msg, "72%"));
	assert_non_null(strstr(fs.v[0].msg, "68%"));
	ind_findings_free(&fs);
}

static void a_wrong_direction_and_a_missing_report_are_warned(void **state)
{
	struct fx *f = *state;
	struct ind_findings fs = {0};
	struct err e = {0};
	struct ind_value_in v = {.ind_code = IND_AGRICULTURE,
				 .body_id = f->xa1,
				 .period_code = IND_PERIOD_SEED,
				 .kind = IND_ACTUAL,
				 .value = {100, 0}};

	assert_int_equal(ind_value_put(f->db, &v, &e), 0);
	v.period_code = "2022-T09";
	v.value = (struct vn_dec){120, 0};
	assert_int_equal(ind_value_put(f->db, &v, &e), 0);
	assert_int_equal(ind_check_all(f->db, &fs, &e), 0);
	assert_int_equal(fs.n_errors, 0);
	assert_int_equal(count_rule(&fs, "direction", "Liên Sơn"), 1);
	assert_int_equal(count_rule(&fs, "missing", "Ngọc Lý"), 2); /* both periods */
	ind_findings_free(&fs);
}

static void values_roll_up_the_tree(void **state)
{
	/* 0 root, 1 and 2 under it, 3 and 4 under 1. */
	static const int32_t parent[] = {-1, 0, 0, 1, 1};
	static const enum ind_agg agg[] = {IND_AGG_SUM, IND_AGG_AVG, IND_AGG_NONE};
	static const int32_t vb[] = {3, 4, 2, 3, 4, 3};
	static const int32_t vi[] = {0, 0, 0, 1, 1, 2};
	static const struct vn_dec vv[] = {{15, 1}, {2, 0}, {1, 0}, {10, 0}, {125, 1}, {7, 0}};
	struct ind_rollup_in in = {5, parent, 3, agg, 6, vb, vi, vv};
	struct ind_rollup r;
	struct err e = {0};

	assert_int_equal(ind_rollup_run(&in, &r, &e), 0);
	/* sum: 1,5 + 2 under body 1; + 1 at the root */
	assert_int_equal(r.count[0 * 5 + 1], 2);
	assert_int_equal(vn_dec_cmp(ind_rollup_value(&r, 0, 1), (struct vn_dec){35, 1}), 0);
	assert_int_equal(vn_dec_cmp(ind_rollup_value(&r, 0, 0), (struct vn_dec){45, 1}), 0);
	/* average of 10 and 12,5 */
	assert_int_equal(vn_dec_cmp(ind_rollup_value(&r, 1, 0), (struct vn_dec){113, 1}), 0);
	/* not aggregated */
	assert_int_equal(r.count[2 * 5 + 0], 0);
	assert_int_equal(r.count[2 * 5 + 3], 0);
	ind_rollup_free(&r);
}

/*
 * A deep, unevenly shaped tree with values reported at every level, in no
 * particular order, at mixed scales and signs: each cell must equal the sum
 * (or rounded average) of the values of the body and all its descendants,
 * counted directly by walking each value's ancestors.
 */
static void a_deep_tree_rolls_up_like_a_walk_of_the_ancestors(void **state)
{
	enum { NB = 300, NI = 4, NV = 5000 };
	static const int64_t p10[] = {1, 10, 100, 1000};
	int32_t parent[NB], vb[NV], vi[NV];
	struct vn_dec vv[NV];
	static const enum ind_agg agg[NI] = {IND_AGG_SUM, IND_AGG_AVG, IND_AGG_NONE, IND_AGG_SUM};
	int64_t want[NI][NB] = {{0}};
	uint32_t cnt[NI][NB] = {{0}};
	int scale[NI] = {0};
	uint32_t seed = 2463534242u;
	struct ind_rollup r;
	struct err e = {0};

	(void)state;
	/* Parents have lower indices in a shuffled way: some chains are dozens deep. */
	parent[0] = -1;
	for (int b = 1; b < NB; b++) {
		seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
		parent[b] = seed % 3 == 0 ? b - 1 : (int32_t)(seed % (uint32_t)b);
	}
	for (int i = 0; i < NV; i++) {
		seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
		vb[i] = (int32_t)(seed % NB);
		vi[i] = (int32_t)((seed >> 9) % NI);
		vv[i] =
		    (struct vn_dec){(int64_t)((seed >> 12) % 200001) - 100000, (int)(seed >> 30)};
		if (vv[i].scale > scale[vi[i]])
			scale[vi[i]] = vv[i].scale;
	}
	for (int i = 0; i < NV; i++) {
		if (agg[vi[i]] == IND_AGG_NONE)
			continue;
		for (int32_t b = vb[i]; b >= 0; b = parent[b]) {
			want[vi[i]][b] += vv[i].units * p10[scale[vi[i]] - vv[i].scale];
			cnt[vi[i]][b]++;
		}
	}
	struct ind_rollup_in in = {NB, parent, NI, agg, NV, vb, vi, vv};

	assert_int_equal(ind_rollup_run(&in, &r, &e), 0);
	for (int ind = 0; ind < NI; ind++) {
		for (int b = 0; b < NB; b++) {
			int64_t v = want[ind][b], n = cnt[ind][b];
			struct vn_dec got = ind_rollup_value(&r, (size_t)ind, (size_t)b);

			assert_int_equal(r.count[(size_t)ind * NB + (size_t)b], n);
			if (!n)
				continue;
			if (agg[ind] == IND_AGG_AVG)
				v = (v >= 0 ? v + n / 2 : v - n / 2) / n;
			assert_int_equal(got.units, v);
			assert_int_equal(got.scale, scale[ind]);
		}
	}
	assert_int_equal(cnt[0][0] + cnt[1][0] + cnt[3][0] > NV / 2, 1);
	ind_rollup_free(&r);
}

static void a_cycle_in_the_tree_is_refused(void **state)
{
	static const int32_t parent[] = {-1, 2, 3, 1};
	static const enum ind_agg agg[] = {IND_AGG_SUM};
	static const int32_t vb[] = {1}, vi[] = {0};
	static const struct vn_dec vv[] = {{1, 0}};
	struct ind_rollup_in in = {4, parent, 1, agg, 1, vb, vi, vv};
	struct ind_rollup r;
	struct err e = {0};

	(void)state;
	assert_int_equal(ind_rollup_run(&in, &r, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "vòng lặp"));
}

static int64_t nvalues(struct db *db)
{
	int64_t n = -1;

	assert_int_equal(db_query_int(db, SQL_IND_VALUE_COUNT, &n, ""), 0);
	return n;
}

static void bad_csv_lines_are_listed_and_nothing_is_imported(void **state)
{
	static const char csv[] = "indicator,body,period,kind,baseline,estimate,value\n"
				  "industry,HU,2024-T09,actual,,1,4500\n"
				  "industry,HU,2024-T09,actual,,1,4.5.0\n"
				  "no_such,HU,2024-T09,actual,,1,1\n"
				  "industry,HU,2024-X9,actual,,1,1\n";
	struct fx *f = *state;
	struct buf errors = BUF_INIT(1 << 16);
	struct err e = {0};
	int64_t before = nvalues(f->db);
	size_t n = 0;

	assert_int_equal(ind_import_csv(f->db, csv, sizeof(csv) - 1, "t.csv", &n, &errors, &e),
			 ERR_INVAL);
	assert_non_null(strstr(buf_str(&errors), "dòng 3: số '4.5.0' không hợp lệ"));
	assert_non_null(strstr(buf_str(&errors), "dòng 4: chỉ tiêu 'no_such'"));
	assert_non_null(strstr(buf_str(&errors), "dòng 5: kỳ '2024-X9'"));
	assert_null(strstr(buf_str(&errors), "dòng 2"));
	assert_int_equal(nvalues(f->db), before);
	buf_free(&errors);
}

static void a_good_csv_is_imported(void **state)
{
	static const char csv[] = "value,indicator,body,period,kind,baseline\n"
				  "4500,industry,HU,2024-T09,actual,\n"
				  "\"6000.5\",industry,Huyện ủy Tân Yên,2024,plan,kế hoạch\n";
	struct fx *f = *state;
	struct buf errors = BUF_INIT(1 << 16);
	struct ind_figure fig;
	struct err e = {0};
	size_t n = 0;

	assert_int_equal(ind_import_csv(f->db, csv, sizeof(csv) - 1, "t.csv", &n, &errors, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ind_figure_get(f->db, f->hu, "2024-T09", IND_INDUSTRY, NULL, &fig, &e), 0);
	assert_int_equal(vn_dec_cmp(fig.plan, (struct vn_dec){60005, 1}), 0);
	assert_int_equal(vn_dec_cmp(fig.same, (struct vn_dec){4132, 0}), 0);
	buf_free(&errors);
}

static void data_value_sets_round_trip(void **state)
{
	struct fx *f = *state;
	struct buf a = BUF_INIT(1 << 22), b = BUF_INIT(1 << 22), errors = BUF_INIT(1 << 16);
	struct fx *g;
	struct err e = {0};
	size_t n = 0;

	assert_int_equal(ind_export_dvs(f->db, NULL, &a, &e), 0);
	assert_non_null(strstr(buf_str(&a), "\"value\": \"1593.851\""));
	/* A second store with the same bodies and no values gets the same values back. */
	setup((void **)&g);
	assert_int_equal(test_store_exec(g->path, "DELETE FROM ind_value"), 0);
	assert_int_equal(nvalues(g->db), 0);
	assert_int_equal(ind_import_dvs(g->db, a.data, a.len, "x.json", &n, &errors, &e), 0);
	assert_int_equal((int64_t)n, nvalues(f->db));
	assert_int_equal(ind_export_dvs(g->db, NULL, &b, &e), 0);
	assert_string_equal(buf_str(&a), buf_str(&b));
	teardown((void **)&g);
	buf_free(&a);
	buf_free(&b);
	buf_free(&errors);
}

static void the_report_defaults_to_the_latest_period_of_the_highest_body(void **state)
{
	struct fx *f = *state;
	struct ind_report r;
	struct err e = {0};

	assert_int_equal(ind_report_build(f->db, 0, NULL, &r, &e), 0);
	assert_int_equal(r.body_id, f->hu);
	assert_string_equal(r.period, IND_PERIOD_SEED);
	assert_string_equal(r.period_label, "9 tháng đầu năm 2023");
	assert_int_equal(r.n, 10);
	assert_string_equal(r.rows[0].f.code, IND_INDUSTRY);
	assert_int_equal(r.n_with_plan, 7);
	assert_int_equal(r.n_plan_met, 0); /* nine months of a year's plan */
	ind_report_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(periods_have_compact_codes_and_labels),
	    cmocka_unit_test_setup_teardown(demo_figures_match_the_gold_extraction, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(phrases_reproduce_the_seed, setup, teardown),
	    cmocka_unit_test_setup_teardown(a_fall_is_phrased_giam, setup, teardown),
	    cmocka_unit_test_setup_teardown(components_that_do_not_add_up_are_an_error, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(a_printed_percentage_is_checked_against_the_data, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(a_wrong_direction_and_a_missing_report_are_warned,
					    setup, teardown),
	    cmocka_unit_test(values_roll_up_the_tree),
	    cmocka_unit_test(a_deep_tree_rolls_up_like_a_walk_of_the_ancestors),
	    cmocka_unit_test(a_cycle_in_the_tree_is_refused),
	    cmocka_unit_test_setup_teardown(bad_csv_lines_are_listed_and_nothing_is_imported, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(a_good_csv_is_imported, setup, teardown),
	    cmocka_unit_test_setup_teardown(data_value_sets_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(
		the_report_defaults_to_the_latest_period_of_the_highest_body, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
