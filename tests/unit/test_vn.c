/* test_vn.c: the Vietnamese text layer: numbers, dates, Unicode, collation, legacy encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <iconv.h>

#include "util/buf.h"
#include "util/err.h"
#include "vn/date.h"
#include "vn/deadline.h"
#include "vn/legacy.h"
#include "vn/num.h"
#include "vn/text.h"

/* ---- helpers ---- */

static struct vn_dec dec(const char *s)
{
	struct vn_dec d = {0, 0};
	struct err e = {0};
	int r = vn_dec_parse(s, strlen(s), &d, &e);

	if (r != 0)
		fail_msg("%s: %s", s, e.msg);
	return d;
}

/* Parses s, formats it with flags and checks it comes back unchanged. */
static void assert_num_round_trip(const char *s, unsigned flags)
{
	struct buf b = BUF_INIT(256);

	assert_int_equal(vn_dec_format(dec(s), flags, &b), 0);
	assert_string_equal(buf_str(&b), s);
	buf_free(&b);
}

static char *fmt_dec(struct vn_dec d, char *out, size_t n)
{
	struct buf b = BUF_INIT(256);

	assert_int_equal(vn_dec_format(d, 0, &b), 0);
	snprintf(out, n, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

/* s must be rejected with ERR_INVAL and a message naming position pos. */
static void assert_num_error(const char *s, size_t pos)
{
	struct vn_dec d = {7, 0}, keep = d;
	struct err e = {0};
	char want[32];

	assert_int_equal(vn_dec_parse(s, strlen(s), &d, &e), ERR_INVAL);
	snprintf(want, sizeof(want), "vị trí %zu", pos);
	if (!strstr(e.msg, want))
		fail_msg("\"%s\": message \"%s\" does not name %s", s, e.msg, want);
	/* Nothing written on failure. */
	assert_int_equal(d.units, keep.units);
}

/* ---- numbers ---- */

static void numbers_keep_their_printed_form(void **state)
{
	struct vn_dec d;

	d = dec("4.132");
	assert_int_equal(d.units, 4132);
	assert_int_equal(d.scale, 0);
	d = dec("1.593,851");
	assert_int_equal(d.units, 1593851);
	assert_int_equal(d.scale, 3);
	d = dec("2.245.645");
	assert_int_equal(d.units, 2245645);
	d = dec("106,7");
	assert_int_equal(d.units, 1067);
	assert_int_equal(d.scale, 1);
	d = dec("97,0");
	assert_int_equal(d.units, 970);
	assert_int_equal(d.scale, 1);
	d = dec("-12,50");
	assert_int_equal(d.units, -1250);
	assert_int_equal(d.scale, 2);

	assert_num_round_trip("4.132", 0);
	assert_num_round_trip("1.593,851", 0);
	assert_num_round_trip("2.245.645", 0);
	assert_num_round_trip("106,7", 0);
	assert_num_round_trip("97,0", 0); /* the trailing zero survives */
	assert_num_round_trip("0,05", 0);
	assert_num_round_trip("-1.006,7", 0);
	assert_num_round_trip("16.051", 0);
	assert_num_round_trip("98,62", 0);
	assert_num_round_trip("9.223.372.036.854.775.807", 0);
	assert_num_round_trip("-9.223.372.036.854.775.808", 0);
}

static void years_and_counts_are_left_alone(void **state)
{
	struct vn_dec d = dec("2023");
	struct buf b = BUF_INIT(64);

	assert_int_equal(d.units, 2023);
	assert_num_round_trip("2023", VN_NUM_NOGROUP);
	/* Without the flag a four-digit value is grouped. */
	assert_int_equal(vn_dec_format(d, 0, &b), 0);
	assert_string_equal(buf_str(&b), "2.023");
	buf_reset(&b);
	/* A forgotten separator ("quá hạn 1983") still reads as the number. */
	assert_int_equal(dec("1983").units, 1983);
	/* Counts written with a leading zero: "02 cụm công nghiệp", "04 xã". */
	assert_int_equal(dec("02").units, 2);
	assert_num_round_trip("02", VN_NUM_PAD2);
	assert_num_round_trip("04", VN_NUM_PAD2);
	assert_num_round_trip("18", VN_NUM_PAD2);
	assert_num_round_trip("1593,851", VN_NUM_NOGROUP);
	buf_free(&b);
}

static void malformed_numbers_name_their_position(void **state)
{
	struct err e = {0};
	struct vn_dec d;

	assert_num_error("1.59", 2);	 /* a group of two digits */
	assert_num_error("1,2,3", 4);	 /* two decimal marks */
	assert_num_error("1.593.85", 6); /* last group short */
	assert_num_error("12a", 3);
	assert_num_error("1593.851", 5); /* machine form in a Vietnamese text: ambiguous */
	assert_num_error("1,", 2);
	assert_num_error(",5", 1);
	assert_num_error("-", 2);
	assert_num_error("1,5.000", 4);
	assert_num_error("0.500", 1);	      /* a decimal written the English way */
	assert_num_error("1,1234567891", 12); /* more than 9 decimals */
	assert_num_error("9.223.372.036.854.775.808", 1);
	assert_int_equal(vn_dec_parse("", 0, &d, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "rỗng"));
	/* Only len bytes are read. */
	assert_int_equal(vn_dec_parse("4.132xyz", 5, &d, NULL), 0);
	assert_int_equal(d.units, 4132);
}

static void machine_form_reads_and_writes(void **state)
{
	struct vn_dec d;
	struct buf b = BUF_INIT(64);
	struct err e = {0};

	assert_int_equal(vn_dec_parse_plain("-1593.851", 9, &d, &e), 0);
	assert_int_equal(d.units, -1593851);
	assert_int_equal(d.scale, 3);
	assert_int_equal(vn_dec_format_plain(d, &b), 0);
	assert_string_equal(buf_str(&b), "-1593.851");
	buf_reset(&b);
	assert_int_equal(vn_dec_parse_plain("97.0", 4, &d, &e), 0);
	assert_int_equal(vn_dec_format_plain(d, &b), 0);
	assert_string_equal(buf_str(&b), "97.0");
	assert_int_equal(vn_dec_parse_plain("97,0", 4, &d, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "vị trí 3"));
	buf_free(&b);
}

static void arithmetic_is_exact(void **state)
{
	struct vn_dec r;
	char s[64];

	/* The seed's expenditure: 472,5 + 534,2 = 1.006,7. */
	assert_int_equal(vn_dec_add(dec("472,5"), dec("534,2"), &r), 0);
	assert_int_equal(vn_dec_cmp(r, dec("1.006,7")), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "1.006,7");
	assert_int_equal(vn_dec_sub(dec("1.593,851"), dec("699,874"), &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "893,977");
	/* 0,1 + 0,2 is 0,3 exactly. */
	assert_int_equal(vn_dec_add(dec("0,1"), dec("0,2"), &r), 0);
	assert_int_equal(vn_dec_cmp(r, dec("0,3")), 0);
	assert_int_equal(vn_dec_cmp(dec("97,0"), dec("97")), 0);
	assert_int_equal(vn_dec_cmp(dec("97,01"), dec("97")), 1);
	assert_int_equal(vn_dec_cmp(dec("-1"), dec("0,5")), -1);
	/* Overflow is reported, not wrapped. */
	assert_int_equal(vn_dec_add(vn_dec_int(INT64_MAX), vn_dec_int(1), &r), ERR_INVAL);
	assert_int_equal(vn_dec_sub(vn_dec_int(INT64_MIN), vn_dec_int(1), &r), ERR_INVAL);
	assert_int_equal(vn_dec_add(vn_dec_int(INT64_MAX / 10 + 1), dec("0,5"), &r), ERR_INVAL);
	assert_true(vn_dec_is_zero(dec("0,000")));
	assert_true(vn_dec_to_double(dec("106,7")) > 106.69 &&
		    vn_dec_to_double(dec("106,7")) < 106.71);
}

static void rounding_is_half_away_from_zero(void **state)
{
	struct vn_dec r;
	char s[64];

	assert_int_equal(vn_dec_round(dec("2,45"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "2,5");
	assert_int_equal(vn_dec_round(dec("-2,45"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "-2,5");
	assert_int_equal(vn_dec_round(dec("2,44"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "2,4");
	assert_int_equal(vn_dec_round(dec("0,5"), 0, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "1");
	assert_int_equal(vn_dec_round(dec("97"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "97,0");
	assert_int_equal(vn_dec_round(dec("1"), 10, &r), ERR_INVAL);
}

static void percentages_derive_plans_and_bases(void **state)
{
	struct vn_dec r;
	char s[64];

	/* Seed: 4.132 tỷ is 68% of plan and 106,7% of the same period. */
	assert_int_equal(vn_dec_base_of(dec("4.132"), dec("68"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "6.076,5");
	assert_int_equal(vn_dec_base_of(dec("4.132"), dec("106,7"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "3.872,5");
	/* 4.260 tỷ, up 10,2%: the same period was 4.260 / 1,102. */
	assert_int_equal(vn_dec_base_of(dec("4.260"), dec("110,2"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "3.865,7");
	/* The task rate of the Prime Minister's report: 16.051 of 16.051 + … */
	assert_int_equal(vn_dec_pct(dec("14.068"), dec("16.051"), 2, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "87,65");
	assert_int_equal(vn_dec_pct(dec("472,5"), dec("1.006,7"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "46,9");
	assert_int_equal(vn_dec_pct(dec("1"), dec("3"), 0, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "33");
	assert_int_equal(vn_dec_pct(dec("-1"), dec("8"), 1, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "-12,5");
	assert_int_equal(vn_dec_pct_of(dec("6.076,5"), dec("68"), 0, &r), 0);
	assert_string_equal(fmt_dec(r, s, sizeof(s)), "4.132");
	assert_int_equal(vn_dec_pct(dec("1"), dec("0"), 1, &r), ERR_INVAL);
	assert_int_equal(vn_dec_base_of(dec("1"), dec("0,0"), 1, &r), ERR_INVAL);
	assert_int_equal(vn_dec_pct(vn_dec_int(INT64_MAX), dec("0,000000001"), 9, &r), ERR_INVAL);
}

static void amounts_carry_their_scale_word(void **state)
{
	const char *s = "4,6 nghìn tỷ đồng";
	struct vn_amount a;
	struct buf b = BUF_INIT(64);
	struct vn_dec v;
	size_t used = 0;
	char t[64];

	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.value.units, 46);
	assert_int_equal(a.value.scale, 1);
	assert_int_equal(a.mult_exp, 12);
	assert_int_equal(used, strlen("4,6 nghìn tỷ"));
	assert_int_equal(vn_amount_format(a, &b), 0);
	assert_string_equal(buf_str(&b), "4,6 nghìn tỷ");
	assert_int_equal(vn_amount_value(a, &v), 0);
	assert_string_equal(fmt_dec(v, t, sizeof(t)), "4.600.000.000.000");

	s = "1.593,851 tỷ đồng";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.value.units, 1593851);
	assert_int_equal(a.mult_exp, 9);
	s = "2.245.645 triệu đồng";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.mult_exp, 6);
	/* A plain figure ends at sentence punctuation. */
	s = "4.132, đạt 68%";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.value.units, 4132);
	assert_int_equal(a.mult_exp, 0);
	assert_int_equal(used, 5);
	/* "nghìn" alone, and a word that only starts like one. */
	s = "3 nghìn người";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.mult_exp, 3);
	s = "3 tỷlệ";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), 0);
	assert_int_equal(a.mult_exp, 0);
	assert_int_equal(used, 1);
	s = "đạt 5";
	assert_int_equal(vn_amount_parse(s, strlen(s), &a, &used, NULL), ERR_INVAL);
	buf_free(&b);
}

static void percentages_and_ratios(void **state)
{
	struct vn_dec d;
	struct vn_ratio q;
	struct buf b = BUF_INIT(64);
	struct err e = {0};
	const char *bad[] = {"68", "%", "1.59%", "68%%"};

	assert_int_equal(vn_pct_parse("68%", 3, &d, &e), 0);
	assert_int_equal(d.units, 68);
	assert_int_equal(vn_pct_parse("106,7%", 6, &d, &e), 0);
	assert_int_equal(vn_pct_format(d, &b), 0);
	assert_string_equal(buf_str(&b), "106,7%");
	buf_reset(&b);
	assert_int_equal(vn_pct_parse("97,0 %", 6, &d, &e), 0);
	assert_int_equal(vn_pct_format(d, &b), 0);
	assert_string_equal(buf_str(&b), "97,0%");
	buf_reset(&b);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(vn_pct_parse(bad[i], strlen(bad[i]), &d, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "vị trí 3")); /* "68%%": the first % is not a digit */

	assert_int_equal(vn_ratio_parse("15/24", 5, &q, &e), 0);
	assert_int_equal(q.num.units, 15);
	assert_int_equal(q.den.units, 24);
	assert_int_equal(vn_ratio_format(q, &b), 0);
	assert_string_equal(buf_str(&b), "15/24");
	buf_reset(&b);
	assert_int_equal(vn_ratio_parse("45.799/36.875", 13, &q, &e), 0);
	assert_int_equal(q.num.units, 45799);
	assert_int_equal(q.den.units, 36875);
	assert_int_equal(vn_ratio_format(q, &b), 0);
	assert_string_equal(buf_str(&b), "45.799/36.875");
	/* Positions are those of the whole ratio. */
	assert_int_equal(vn_ratio_parse("45.799/36.87", 12, &q, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "vị trí 10"));
	assert_int_equal(vn_ratio_parse("15", 2, &q, &e), ERR_INVAL);
	assert_int_equal(vn_ratio_parse("15/0", 4, &q, &e), ERR_INVAL);
	assert_int_equal(vn_ratio_parse("1/2/3", 5, &q, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "vị trí 4"));
	buf_free(&b);
}

/* ---- dates ---- */

static struct vn_date date(const char *s, int default_year)
{
	struct vn_date d = {0, 0, 0};
	struct err e = {0};

	if (vn_date_parse(s, strlen(s), default_year, &d, &e) != 0)
		fail_msg("%s: %s", s, e.msg);
	return d;
}

static void assert_date(struct vn_date d, int y, int m, int day)
{
	assert_int_equal(d.y, y);
	assert_int_equal(d.m, m);
	assert_int_equal(d.d, day);
}

static void assert_date_fmt(struct vn_date d, enum vn_date_style st, const char *want)
{
	struct buf b = BUF_INIT(64);

	assert_int_equal(vn_date_format(d, st, &b), 0);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void dates_parse_in_every_written_form(void **state)
{
	assert_date(date("04/10/2023", 0), 2023, 10, 4);
	assert_date(date("4/10/2023", 0), 2023, 10, 4);
	assert_date(date("15/4/2021", 0), 2021, 4, 15);
	assert_date(date("05/7/2021", 0), 2021, 7, 5);
	assert_date(date("2023-10-04", 0), 2023, 10, 4);
	assert_date(date("04-10-2023", 0), 2023, 10, 4);
	assert_date(date("ngày 04 tháng 10 năm 2023", 0), 2023, 10, 4);
	assert_date(date("Ngày 04 tháng 10 năm 2023", 0), 2023, 10, 4);
	assert_date(date("  ngày 4 tháng 10 năm 2023 ", 0), 2023, 10, 4);
	assert_date(date("ngày 4/10/2023", 0), 2023, 10, 4);
	assert_date(date("ngày 12/5/2008", 0), 2008, 5, 12);
	assert_date(date("ngày 28/2", 2024), 2024, 2, 28);
	assert_date(date("28/2", 2023), 2023, 2, 28);
	assert_date(date("ngày 10 tháng 12", 2023), 2023, 12, 10);
	assert_date(date("29/02/2024", 0), 2024, 2, 29);
}

static void assert_date_error(const char *s, int year, const char *needle)
{
	struct vn_date d = {1, 1, 1};
	struct err e = {0};

	assert_int_equal(vn_date_parse(s, strlen(s), year, &d, &e), ERR_INVAL);
	if (!strstr(e.msg, needle))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", s, e.msg, needle);
	assert_date(d, 1, 1, 1);
}

static void impossible_and_malformed_dates_are_errors(void **state)
{
	assert_date_error("31/02/2023", 0, "tháng 2 năm 2023 chỉ có 28 ngày");
	assert_date_error("29/02/2023", 0, "28 ngày");
	assert_date_error("31/4/2021", 0, "30 ngày");
	assert_date_error("04/13/2023", 0, "tháng 13");
	assert_date_error("00/10/2023", 0, "không có thật");
	assert_date_error("28/2", 0, "thiếu năm");
	assert_date_error("ngày 28/2", 0, "thiếu năm");
	assert_date_error("04/10/23", 0, "vị trí 7");
	assert_date_error("04/10/2023x", 0, "vị trí 11");
	assert_date_error("04.10.2023", 0, "vị trí 3");
	assert_date_error("4/10-2023", 0, "vị trí 5");
	assert_date_error("ngày 04 tháng 10 2023", 0, "năm");
	assert_date_error("123/4/2023", 0, "vị trí 1");
	assert_date_error("", 2023, "rỗng");
	assert_date_error("hôm qua", 2023, "vị trí 1");
}

static void dates_outside_1930_to_2100_are_refused_with_the_range(void **state)
{
	/* Every written form takes the same range. */
	assert_date_error("04/10/0023", 0, "năm 0023 ngoài khoảng cho phép 1930–2100");
	assert_date_error("4/10/0023", 0, "1930–2100");
	assert_date_error("0023-10-04", 0, "1930–2100");
	assert_date_error("ngày 04 tháng 10 năm 0023", 0, "1930–2100");
	assert_date_error("31/12/9999", 0, "năm 9999 ngoài khoảng");
	assert_date_error("31/12/1929", 0, "năm 1929");
	assert_date_error("01/01/2101", 0, "năm 2101");
	assert_date_error("28/2", 1929, "năm 1929");
	/* The bounds themselves: the Party's founding day, the last day of 2100. */
	assert_date(date("03/02/1930", 0), 1930, 2, 3);
	assert_date(date("01/01/1930", 0), 1930, 1, 1);
	assert_date(date("2100-12-31", 0), 2100, 12, 31);
	assert_true(vn_date_plausible((struct vn_date){1930, 1, 1}));
	assert_true(vn_date_plausible((struct vn_date){2100, 12, 31}));
	assert_false(vn_date_plausible((struct vn_date){23, 10, 4}));
	assert_false(vn_date_plausible((struct vn_date){2101, 1, 1}));
	assert_false(vn_date_plausible((struct vn_date){2023, 2, 29}));
	assert_false(vn_date_plausible((struct vn_date){0, 0, 0}));
}

static void years_are_written_with_four_digits(void **state)
{
	/* A year 23 (a date made by arithmetic, or an old store) never prints as "23". */
	struct vn_date d = {23, 10, 4};
	struct vn_date r = {205, 7, 5};

	assert_date_fmt(d, VN_DATE_SHORT, "04/10/0023");
	assert_date_fmt(d, VN_DATE_SHORT_BARE, "4/10/0023");
	assert_date_fmt(d, VN_DATE_LONG, "ngày 04 tháng 10 năm 0023");
	assert_date_fmt(d, VN_DATE_ISO, "0023-10-04");
	assert_date_fmt(r, VN_DATE_SHORT_DOC, "05/7/0205");
	assert_date_fmt(r, VN_DATE_LONG_DOC, "ngày 05 tháng 7 năm 0205");
	assert_date_fmt((struct vn_date){23, 2, 4}, VN_DATE_SHORT_DOC, "04/02/0023");
	/* Printed as 4 digits, it reads back to the same refusal, never as another year. */
	assert_date_error("04/10/0023", 0, "năm 0023");
}

static void dates_are_written_with_the_leading_zero_rule(void **state)
{
	struct vn_date d = {2023, 10, 4}, r = {2021, 7, 5}, f = {2024, 2, 4};
	char iso[11];

	assert_date_fmt(d, VN_DATE_ISO, "2023-10-04");
	assert_date_fmt(d, VN_DATE_SHORT, "04/10/2023");
	assert_date_fmt(d, VN_DATE_SHORT_BARE, "4/10/2023");
	assert_date_fmt(d, VN_DATE_LONG, "ngày 04 tháng 10 năm 2023");
	assert_date_fmt(r, VN_DATE_SHORT, "05/07/2021");
	assert_date_fmt(r, VN_DATE_LONG, "ngày 05 tháng 07 năm 2021");
	assert_date_fmt(r, VN_DATE_SHORT_BARE, "5/7/2021");
	/* As document texts print references: 05/7/2021, 04/02/2024. */
	assert_date_fmt(r, VN_DATE_SHORT_DOC, "05/7/2021");
	assert_date_fmt(f, VN_DATE_SHORT_DOC, "04/02/2024");
	assert_date_fmt(r, VN_DATE_LONG_DOC, "ngày 05 tháng 7 năm 2021");
	assert_date_fmt((struct vn_date){0, 0, 0}, VN_DATE_SHORT, "");
	vn_date_iso(d, iso);
	assert_string_equal(iso, "2023-10-04");
	vn_date_iso((struct vn_date){0, 0, 0}, iso);
	assert_string_equal(iso, "");
	assert_true(vn_date_is_none((struct vn_date){0, 0, 0}));
}

static void date_arithmetic_clamps_and_counts(void **state)
{
	struct vn_date s = {2023, 10, 4};

	/* "02 tháng tới" from the session of 04/10/2023. */
	assert_date(vn_date_add_months(s, 2), 2023, 12, 4);
	assert_date(vn_date_add_months((struct vn_date){2023, 1, 31}, 1), 2023, 2, 28);
	assert_date(vn_date_add_months((struct vn_date){2024, 1, 31}, 1), 2024, 2, 29);
	assert_date(vn_date_add_months((struct vn_date){2023, 11, 30}, 3), 2024, 2, 29);
	assert_date(vn_date_add_months(s, -10), 2022, 12, 4);
	assert_date(vn_date_add_days(s, 28), 2023, 11, 1);
	assert_date(vn_date_add_days((struct vn_date){2024, 2, 28}, 1), 2024, 2, 29);
	assert_date(vn_date_add_days((struct vn_date){2023, 12, 31}, 1), 2024, 1, 1);
	assert_int_equal(vn_date_diff_days(s, (struct vn_date){2023, 12, 10}), 67);
	assert_int_equal(vn_date_diff_days((struct vn_date){2023, 12, 10}, s), -67);
	assert_int_equal(vn_date_cmp(s, (struct vn_date){2023, 10, 5}), -1);
	assert_int_equal(vn_date_cmp(s, s), 0);
	assert_true(vn_date_valid(2000, 2, 29));
	assert_false(vn_date_valid(1900, 2, 29));
	assert_true(vn_date_today().y >= 2024);
}

/* ---- Unicode ---- */

static void text_with_a_nul_or_bad_utf8_is_refused_at_its_byte(void **state)
{
	struct err e = {0};

	assert_int_equal(vn_text_check("Ý kiến", strlen("Ý kiến"), "tệp 'a.txt'", &e), 0);
	assert_int_equal(vn_text_check(NULL, 0, "tệp 'rỗng'", &e), 0);
	/* "Ý kiến\0 phần sau": the NUL is the 10th byte; a C string would stop there. */
	assert_int_equal(vn_text_check("Ý kiến\0 phần sau", 21, "tệp 'a.txt'", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "tệp 'a.txt'"));
	assert_non_null(strstr(e.msg, "NUL"));
	assert_non_null(strstr(e.msg, "byte thứ 10"));
	/* Windows-1258 "Tân" then an overlong "/" and a lone surrogate. */
	assert_int_equal(vn_text_check("T\xe2n", 3, "tệp 'b.txt'", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "tệp 'b.txt'"));
	assert_non_null(strstr(e.msg, "byte thứ 2 (0xE2)"));
	assert_int_equal(vn_text_check("ab\xc0\xaf", 4, "x", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "byte thứ 3"));
	assert_int_equal(vn_text_check("\xed\xa0\x80", 3, "x", &e), ERR_INVAL);
}

static char *nfc(const char *s)
{
	struct buf b = BUF_INIT(4096);
	struct err e = {0};

	if (vn_nfc(s, strlen(s), &b, &e) != 0)
		fail_msg("%s", e.msg);
	return buf_steal(&b);
}

static void text_enters_the_store_as_nfc(void **state)
{
	/* "Việt Nam" decomposed, with the marks in either order. */
	const char *nfd1 = "Vie\xcc\xa3\xcc\x82t Nam", *nfd2 = "Vie\xcc\x82\xcc\xa3t Nam";
	/* "Đảng ủy" as NFD: Đ stays (no decomposition), a + hook above, u + hook above. */
	const char *nfd3 = "\xc4\x90\x61\xcc\x89ng u\xcc\x89y";
	struct buf b = BUF_INIT(64);
	struct err e = {0};
	char *p;

	p = nfc(nfd1);
	assert_string_equal(p, "Việt Nam");
	free(p);
	p = nfc(nfd2);
	assert_string_equal(p, "Việt Nam");
	free(p);
	p = nfc(nfd3);
	assert_string_equal(p, "Đảng ủy");
	free(p);
	p = nfc("Huyện ủy Tân Yên");
	assert_string_equal(p, "Huyện ủy Tân Yên");
	free(p);
	assert_true(vn_is_nfc("Đảng ủy", strlen("Đảng ủy")));
	assert_false(vn_is_nfc(nfd3, strlen(nfd3)));
	assert_true(vn_is_nfc("ASCII", 5));
	/* Invalid UTF-8 is refused with the byte named; nothing is appended. */
	assert_int_equal(vn_nfc("Tân\xff", 5, &b, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "byte thứ 5"));
	assert_int_equal(vn_nfc("a\xc0\xaf", 3, &b, &e), ERR_INVAL);	/* overlong "/" */
	assert_int_equal(vn_nfc("\xed\xa0\x80", 3, &b, &e), ERR_INVAL); /* a surrogate */
	assert_int_equal(b.len, 0);
	assert_false(vn_is_nfc("\xff", 1));
	buf_free(&b);
}

static char *fold(const char *s)
{
	struct buf b = BUF_INIT(4096);

	assert_int_equal(vn_fold(s, strlen(s), &b), 0);
	return buf_steal(&b);
}

static void assert_fold(const char *s, const char *want)
{
	char *p = fold(s);

	assert_string_equal(p, want);
	free(p);
}

static void search_keys_fold_tones_marks_case_and_d(void **state)
{
	struct buf b = BUF_INIT(64);
	char *hay, *needle;

	assert_fold("Đảng ủy", "dang uy");
	assert_fold("Nông thôn MỚI", "nong thon moi");
	assert_fold("  Huyện   ủy\tTÂN YÊN \n", "huyen uy tan yen");
	assert_fold("\xc4\x90\x61\xcc\x89ng u\xcc\x89y", "dang uy"); /* NFD input */
	assert_fold("aăâbcdđeêghiklmnoôơpqrstuưvxy", "aaabcddeeghiklmnooopqrstuuvxy");
	assert_fold("AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY", "aaabcddeeghiklmnooopqrstuuvxy");
	assert_fold("ĐƯỜNG Nguyễn Trãi", "duong nguyen trai");
	assert_fold("Số 512-TB/HU", "so 512-tb/hu");
	assert_fold("1.593,851\xc2\xa0tỷ", "1.593,851 ty"); /* no-break space */
	assert_fold("", "");
	/* A search on the folded key finds the text. */
	hay = fold("Công tác xây dựng nông thôn mới được quan tâm");
	needle = fold("nong thon moi");
	assert_non_null(strstr(hay, needle));
	free(hay);
	free(needle);
	assert_int_equal(vn_fold("ab\xe1\xbb", 5, &b), ERR_INVAL); /* truncated sequence */
	buf_free(&b);
}

static int cmp_ctx_sort(struct vn_collator *c, const char **v, size_t n, bool person)
{
	/* Insertion sort through the collator: n is small. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0; j--) {
			int r = person ? vn_collate_person(c, v[j - 1], v[j])
				       : vn_collate(c, v[j - 1], v[j]);
			const char *t;

			if (r <= 0)
				break;
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return 0;
}

static void collation_follows_the_vietnamese_alphabet(void **state)
{
	struct vn_collator *c = NULL;
	const char *want[] = {"an", "az", "ăn", "âm", "ba", "bà", "bác", "con", "dê",
			      "đá", "em", "ê",	"ô",  "ơn", "ưa", "xã",	 "yên"};
	const char *v[sizeof(want) / sizeof(want[0])];
	size_t n = sizeof(want) / sizeof(want[0]);
	struct buf k1 = BUF_INIT(1024), k2 = BUF_INIT(1024);

	assert_int_equal(vn_collator_new(&c), 0);
	/* Reverse, then sort. */
	for (size_t i = 0; i < n; i++)
		v[i] = want[n - 1 - i];
	cmp_ctx_sort(c, v, n, false);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v[i], want[i]);
	/* ă, â and đ are letters of their own, not a with marks: "ăn" after "az". */
	assert_true(vn_collate(c, "ăn", "az") > 0);
	assert_true(vn_collate(c, "đa", "dz") > 0);
	assert_int_equal(vn_collate(c, "Tân Yên", "Tân Yên"), 0);
	/* Sort keys order as the collator does. */
	for (size_t i = 0; i + 1 < n; i++) {
		buf_reset(&k1);
		buf_reset(&k2);
		assert_int_equal(vn_sort_key(c, want[i], &k1), 0);
		assert_int_equal(vn_sort_key(c, want[i + 1], &k2), 0);
		if (strcmp(buf_str(&k1), buf_str(&k2)) >= 0)
			fail_msg("key of %s does not sort before key of %s", want[i], want[i + 1]);
	}
	assert_int_equal(vn_sort_key(c, "\xff", &k1), ERR_INVAL);
	buf_free(&k1);
	buf_free(&k2);
	vn_collator_free(c);
	vn_collator_free(NULL);
}

static void people_sort_by_given_name_then_the_rest(void **state)
{
	struct vn_collator *c = NULL;
	const char *want[] = {"Lê Văn An",    "Nguyễn Văn An", "Trần Thị Ánh",
			      "Hoàng Bình",   "Đinh Đức Cảnh", "Nguyễn Thị Chi",
			      "Vũ Đình Đông", "Phạm Thu Hà",   "Đỗ Văn Hải"};
	size_t n = sizeof(want) / sizeof(want[0]);
	const char *v[sizeof(want) / sizeof(want[0])];
	struct buf k1 = BUF_INIT(1024), k2 = BUF_INIT(1024);

	assert_int_equal(vn_collator_new(&c), 0);
	for (size_t i = 0; i < n; i++)
		v[i] = want[(i * 4) % n]; /* a shuffle: 4 and 9 are coprime */
	cmp_ctx_sort(c, v, n, true);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v[i], want[i]);
	/* "Đinh Đức Cảnh" sorts under C, though "Đinh" is after "Lê" by family name. */
	assert_true(vn_collate_person(c, "Đinh Đức Cảnh", "Lê Văn Dũng") < 0);
	assert_true(vn_collate(c, "Đinh Đức Cảnh", "Lê Văn Dũng") < 0);
	assert_true(vn_collate_person(c, "Đinh Đức Cảnh", "Lê Văn An") > 0);
	for (size_t i = 0; i + 1 < n; i++) {
		buf_reset(&k1);
		buf_reset(&k2);
		assert_int_equal(vn_person_sort_key(c, want[i], &k1), 0);
		assert_int_equal(vn_person_sort_key(c, want[i + 1], &k2), 0);
		if (strcmp(buf_str(&k1), buf_str(&k2)) >= 0)
			fail_msg("key of %s does not sort before key of %s", want[i], want[i + 1]);
	}
	buf_free(&k1);
	buf_free(&k2);
	vn_collator_free(c);
}

static void upper_case_the_vietnamese_way(void **state)
{
	struct buf b = BUF_INIT(256);
	const char *s = "T/M huyện ủy";

	assert_int_equal(vn_upper(s, strlen(s), &b), 0);
	assert_string_equal(buf_str(&b), "T/M HUYỆN ỦY");
	buf_reset(&b);
	s = "bí thư đảng ủy xã";
	assert_int_equal(vn_upper(s, strlen(s), &b), 0);
	assert_string_equal(buf_str(&b), "BÍ THƯ ĐẢNG ỦY XÃ");
	buf_reset(&b);
	assert_int_equal(vn_upper("\xff", 1, &b), ERR_INVAL);
	buf_free(&b);
}

/* ---- legacy encodings ---- */

/* Real byte sequences as the .VnTime (TCVN3) and VNI-Times fonts stored them. */
static const struct {
	const char *tcvn3, *vni, *unicode;
} legacy_cases[] = {
    {"C\xe9ng h\xdf"
     "a x\xb7 h\xe9i ch\xf1 ngh\xdc"
     "a Vi\xd6t Nam",
     "Co\xe4ng ho\xf8"
     "a xa\xf5 ho\xe4i chu\xfb ngh\xf3"
     "a Vie\xe4t Nam",
     "Cộng hòa xã hội chủ nghĩa Việt Nam"},
    {"\xa7\xb6ng \xf1y",
     "\xd1"
     "a\xfbng u\xfby",
     "Đảng ủy"},
    {"Ngh\xde quy\xd5t", "Ngh\xf2 quye\xe1t", "Nghị quyết"},
    {"Th\xabng b\xb8o k\xd5t lu\xcbn", "Tho\xe2ng ba\xf9o ke\xe1t lua\xe4n", "Thông báo kết luận"},
    {"Huy\xd6n \xf1y T\xa9n Y\xaan", "Huye\xe4n u\xfby Ta\xe2n Ye\xe2n", "Huyện ủy Tân Yên"},
    {"\xa7\xe5ng \xa7\xd7nh, tr\xad\xeang th\xbeng",
     "\xd1o\xe0ng \xd1\xecnh, tr\xf6\xf4\xf8ng tha\xe9ng", "Đồng Đình, trường thắng"},
    {"\x93To\xb5n d\xa9n b\xb6o v\xd6 an ninh T\xe6 qu\xe8"
     "c\x94",
     "\x93Toa\xf8n da\xe2n ba\xfbo ve\xe4 an ninh To\xe5 quo\xe1"
     "c\x94",
     "“Toàn dân bảo vệ an ninh Tổ quốc”"},
};

static void legacy_text_converts_to_unicode(void **state)
{
	struct buf b = BUF_INIT(1024);
	struct err e = {0};

	for (size_t i = 0; i < sizeof(legacy_cases) / sizeof(legacy_cases[0]); i++) {
		const char *t = legacy_cases[i].tcvn3, *v = legacy_cases[i].vni;

		buf_reset(&b);
		assert_int_equal(vn_legacy_to_utf8(t, strlen(t), VN_ENC_TCVN3, &b, &e), 0);
		assert_string_equal(buf_str(&b), legacy_cases[i].unicode);
		assert_true(vn_is_nfc(buf_str(&b), b.len));
		buf_reset(&b);
		assert_int_equal(vn_legacy_to_utf8(v, strlen(v), VN_ENC_VNI, &b, &e), 0);
		assert_string_equal(buf_str(&b), legacy_cases[i].unicode);
		assert_true(vn_is_nfc(buf_str(&b), b.len));
	}
	/* VNI capitals: the mark bytes of upper case are 20 lower. */
	buf_reset(&b);
	assert_int_equal(vn_legacy_to_utf8("HUYE\xc4N U\xdbY", 10, VN_ENC_VNI, &b, &e), 0);
	assert_string_equal(buf_str(&b), "HUYỆN ỦY");
	/* A UTF-8 "conversion" is normalisation; an unknown encoding is refused. */
	buf_reset(&b);
	assert_int_equal(vn_legacy_to_utf8("u\xcc\x89y", 4, VN_ENC_UTF8, &b, &e), 0);
	assert_string_equal(buf_str(&b), "ủy");
	assert_int_equal(vn_legacy_to_utf8("x", 1, VN_ENC_UNKNOWN, &b, &e), ERR_INVAL);
	assert_string_equal(vn_encoding_name(VN_ENC_TCVN3), "TCVN3");
	assert_string_equal(vn_encoding_name(VN_ENC_VNI), "VNI-Windows");
	buf_free(&b);
}

static void legacy_encodings_are_detected(void **state)
{
	struct buf b = BUF_INIT(1024);
	struct err e = {0};
	enum vn_encoding enc = VN_ENC_UNKNOWN;

	for (size_t i = 0; i < sizeof(legacy_cases) / sizeof(legacy_cases[0]); i++) {
		const char *t = legacy_cases[i].tcvn3, *v = legacy_cases[i].vni,
			   *u = legacy_cases[i].unicode;

		if (vn_detect_encoding(t, strlen(t)) != VN_ENC_TCVN3)
			fail_msg("\"%s\" not detected as TCVN3", u);
		if (vn_detect_encoding(v, strlen(v)) != VN_ENC_VNI)
			fail_msg("\"%s\" not detected as VNI", u);
		assert_int_equal(vn_detect_encoding(u, strlen(u)), VN_ENC_UTF8);
		buf_reset(&b);
		assert_int_equal(vn_to_utf8(v, strlen(v), &b, &enc, &e), 0);
		assert_int_equal(enc, VN_ENC_VNI);
		assert_string_equal(buf_str(&b), u);
		buf_reset(&b);
		assert_int_equal(vn_to_utf8(t, strlen(t), &b, &enc, &e), 0);
		assert_int_equal(enc, VN_ENC_TCVN3);
		assert_string_equal(buf_str(&b), u);
	}
	assert_int_equal(vn_detect_encoding("Nam", 3), VN_ENC_UTF8);
	/*
	 * The legacy bytes opened as Windows-1252 and saved as UTF-8 ("Nghò quyeát"):
	 * repaired to the same text, named by the legacy encoding. Real UTF-8 stays.
	 */
	int repaired = 0;

	for (size_t i = 0; i < sizeof(legacy_cases) / sizeof(legacy_cases[0]); i++) {
		const char *src[2] = {legacy_cases[i].tcvn3, legacy_cases[i].vni};
		enum vn_encoding want[2] = {VN_ENC_TCVN3, VN_ENC_VNI};

		for (int k = 0; k < 2; k++) {
			iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
			char in[512], out[1024], *ip = in, *op = out;
			size_t il = strlen(src[k]), ol = sizeof(out) - 1;

			assert_true(cd != (iconv_t)-1);
			memcpy(in, src[k], il + 1);
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
				iconv_close(cd);
				continue; /* a byte Windows-1252 leaves undefined: no such file exists */
			}
			iconv_close(cd);
			*op = 0;
			buf_reset(&b);
			assert_int_equal(vn_to_utf8(out, strlen(out), &b, &enc, &e), 0);
			if (enc != want[k] || strcmp(buf_str(&b), legacy_cases[i].unicode) != 0)
				fail_msg("\"%s\" through Windows-1252 read as \"%s\"", out,
					 buf_str(&b));
			repaired++;
		}
		buf_reset(&b);
		assert_int_equal(vn_to_utf8(legacy_cases[i].unicode,
					    strlen(legacy_cases[i].unicode), &b, &enc, &e),
				 0);
		assert_int_equal(enc, VN_ENC_UTF8);
		assert_string_equal(buf_str(&b), legacy_cases[i].unicode);
	}
	assert_true(repaired >= 4);
	buf_reset(&b);
	assert_int_equal(vn_to_utf8("café à la crème", strlen("café à la crème"), &b, &enc, &e), 0);
	assert_int_equal(enc, VN_ENC_UTF8);
	/* Decomposed UTF-8 is UTF-8, and comes out NFC. */
	buf_reset(&b);
	assert_int_equal(vn_to_utf8("\xc4\x90\x61\xcc\x89ng", 7, &b, &enc, &e), 0);
	assert_int_equal(enc, VN_ENC_UTF8);
	assert_string_equal(buf_str(&b), "Đảng");
	/* Bytes that spell nothing Vietnamese either way. */
	assert_int_equal(vn_detect_encoding("\x80\x81\x82 \xff\xfe", 6), VN_ENC_UNKNOWN);
	assert_int_equal(vn_to_utf8("\x80\x81\x82 \xff\xfe", 6, &b, &enc, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "bảng mã"));
	buf_free(&b);
}

/* The TCVN3 table agrees with glibc's TCVN 5712 converter on every byte from A0. */
static void tcvn3_table_agrees_with_iconv(void **state)
{
	iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
	struct buf b = BUF_INIT(64);
	struct err e = {0};

	if (cd == (iconv_t)-1)
		skip();
	for (int byte = 0xa0; byte <= 0xff; byte++) {
		char in[1] = {(char)byte}, want[16] = {0}, *ip = in, *op = want;
		size_t il = 1, ol = sizeof(want) - 1;

		iconv(cd, NULL, NULL, NULL, NULL);
		assert_true(iconv(cd, &ip, &il, &op, &ol) != (size_t)-1);
		iconv(cd, NULL, NULL, &op, &ol); /* flush a buffered base letter */
		buf_reset(&b);
		assert_int_equal(vn_legacy_to_utf8(in, 1, VN_ENC_TCVN3, &b, &e), 0);
		if (strcmp(buf_str(&b), want) != 0)
			fail_msg("TCVN3 byte %02X: \"%s\", iconv says \"%s\"", byte, buf_str(&b),
				 want);
	}
	iconv_close(cd);
	buf_free(&b);
}

/* ---- garbage in ---- */

/*
 * Random strings over the characters the parsers care about: every parser
 * either succeeds or says ERR_INVAL with a message, and a number it accepts
 * is written back to the same value and precision. Run under ASan/UBSan.
 */
static void parsers_survive_random_input(void **state)
{
	static const char alphabet[] =
	    "0123456789..,,%/- ngàytháng quý IV tới trước năm\xc3\xa1\xcc\x81\xff\xe4\xa7";
	uint32_t seed = 2023;
	struct buf b = BUF_INIT(4096);

	for (int iter = 0; iter < 20000; iter++) {
		char s[24];
		size_t n;
		struct err e = {0};
		struct vn_dec d, d2;
		struct vn_date dt;
		struct vn_ratio q;
		struct vn_amount a;
		size_t used;
		int r;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof(s);
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		r = vn_dec_parse(s, n, &d, &e);
		assert_true(r == 0 || (r == ERR_INVAL && e.msg[0]));
		if (r == 0) {
			buf_reset(&b);
			assert_int_equal(vn_dec_format(d, 0, &b), 0);
			assert_int_equal(vn_dec_parse(buf_str(&b), b.len, &d2, &e), 0);
			assert_int_equal(d2.units, d.units);
			assert_int_equal(d2.scale, d.scale);
		}
		r = vn_date_parse(s, n, iter % 2 ? 2023 : 0, &dt, &e);
		assert_true(r == 0 || (r == ERR_INVAL && e.msg[0]));
		if (r == 0)
			assert_true(vn_date_valid(dt.y, dt.m, dt.d));
		{
			struct vn_deadline dl;

			r = vn_deadline_scan(s, n, iter % 2 ? 2023 : 0, iter % 3 ? VN_DL_WHOLE : 0,
					     &dl, &e);
			assert_true(r == 0 || r == ERR_INVAL || r == ERR_NOTFOUND);
			if (r == 0)
				assert_true(dl.off + dl.len <= n && dl.lead <= dl.len);
		}
		r = vn_ratio_parse(s, n, &q, &e);
		assert_true(r == 0 || r == ERR_INVAL);
		r = vn_pct_parse(s, n, &d, &e);
		assert_true(r == 0 || r == ERR_INVAL);
		r = vn_amount_parse(s, n, &a, &used, &e);
		assert_true(r == ERR_INVAL || (r == 0 && used <= n));
		buf_reset(&b);
		r = vn_fold(s, n, &b);
		assert_true(r == 0 || r == ERR_INVAL);
		buf_reset(&b);
		r = vn_to_utf8(s, n, &b, NULL, &e);
		assert_true(r == 0 || r == ERR_INVAL);
		if (r == 0)
			assert_true(vn_is_nfc(buf_str(&b), b.len));
	}
	buf_free(&b);
}

/* ---- the seed ---- */

static char *read_seed(size_t *len)
{
	const char *dir = getenv("DONDOC_SEEDS");
	char path[1024];
	FILE *f;
	char *p;
	long n;

	if (!dir)
		return NULL;
	snprintf(path, sizeof(path), "%s/seed/tan-yen-2023-10-04-phien-26.md", dir);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	p[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return p;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Every number, percentage and date printed in the seed parses and is
 * written back exactly as printed: tokens are runs of digits joined by ".",
 * "," or "/" before a digit, with a "%" right after them.
 */
static void every_seed_figure_and_date_round_trips(void **state)
{
	size_t len = 0, i = 0, ndates = 0, npct = 0, nnum = 0;
	char *text = read_seed(&len);
	struct buf b = BUF_INIT(256);
	struct err e = {0};

	if (!text)
		skip();
	while (i < len) {
		size_t start, end, slashes = 0;
		char tok[64];
		int r;

		if (!digit(text[i]) ||
		    (i > 0 && (digit(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == ','))) {
			i++;
			continue;
		}
		start = i;
		while (i < len &&
		       (digit(text[i]) || ((text[i] == '.' || text[i] == ',' || text[i] == '/') &&
					   i + 1 < len && digit(text[i + 1])))) {
			slashes += text[i] == '/';
			i++;
		}
		if (i < len && text[i] == '%')
			i++;
		end = i;
		assert_true(end - start < sizeof(tok));
		memcpy(tok, text + start, end - start);
		tok[end - start] = '\0';
		buf_reset(&b);
		if (slashes == 2) {
			struct vn_date d;

			r = vn_date_parse(tok, strlen(tok), 0, &d, &e);
			if (r == 0)
				r = vn_date_format(d, VN_DATE_SHORT_DOC, &b);
			ndates++;
		} else if (tok[end - start - 1] == '%') {
			struct vn_dec d;

			r = vn_pct_parse(tok, strlen(tok), &d, &e);
			if (r == 0)
				r = vn_pct_format(d, &b);
			npct++;
		} else if (slashes == 1) {
			/* "quý III/2023" gives "2023"; no other slash precedes a digit here. */
			fail_msg("unexpected ratio %s", tok);
			r = -1;
		} else {
			struct vn_dec d;
			unsigned flags = 0;

			r = vn_dec_parse(tok, strlen(tok), &d, &e);
			if (tok[0] == '0' && strlen(tok) == 2)
				flags = VN_NUM_PAD2;
			else if (strlen(tok) == 4 && d.units >= 1900 && d.units <= 2100)
				flags = VN_NUM_NOGROUP;
			if (r == 0)
				r = vn_dec_format(d, flags, &b);
			nnum++;
		}
		if (r != 0)
			fail_msg("seed token \"%s\": %s", tok, e.msg);
		if (strcmp(buf_str(&b), tok) != 0)
			fail_msg("seed token \"%s\" came back as \"%s\"", tok, buf_str(&b));
	}
	/* The seed has 4 dates, 11 percentages and dozens of numbers. */
	assert_int_equal(ndates, 4);
	assert_int_equal(npct, 11);
	assert_true(nnum >= 40);
	buf_free(&b);
	free(text);
}

/* ---- deadlines ---- */

/* Scans s; checks the phrase found and its form. */
static struct vn_deadline scan(const char *s, unsigned flags, int default_year, const char *phrase,
			       enum vn_dl_form form)
{
	struct vn_deadline d;
	struct err e = {0};

	assert_int_equal(vn_deadline_scan(s, strlen(s), default_year, flags, &d, &e), 0);
	assert_int_equal(d.form, form);
	if (phrase) {
		assert_true(d.off + d.len <= strlen(s));
		assert_int_equal(d.len, strlen(phrase));
		assert_memory_equal(s + d.off, phrase, d.len);
	}
	return d;
}

static void deadlines_are_found_in_sentences(void **state)
{
	struct vn_deadline d;
	struct err e = {0};
	const char *none = "Giao Văn phòng Huyện ủy tiếp thu các ý kiến, hoàn thiện các văn bản.";

	(void)state;
	/* The seed's words: a span, found where the sentence puts it. */
	d = scan("xác định rõ thời gian 02 tháng tới là giai đoạn quan trọng phải rà soát", 0, 2023,
		 "02 tháng tới", VN_DL_SPAN);
	assert_int_equal(d.unit, VN_DL_MONTHS);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.lead, 0);
	d = scan("rà soát các nguồn thu, hoàn thành trước ngày 10/12/2023.", 0, 2023,
		 "trước ngày 10/12/2023", VN_DL_DATE);
	assert_int_equal(d.date.y, 2023);
	assert_int_equal(d.date.m, 12);
	assert_int_equal(d.date.d, 10);
	assert_int_equal(d.lead, strlen("trước ngày "));
	d = scan("xây dựng kế hoạch sản xuất vụ Đông trong quý III năm 2024, báo cáo UBND huyện", 0,
		 2023, "trong quý III năm 2024", VN_DL_PERIOD);
	assert_int_equal(d.unit, VN_DL_QUARTER);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.year, 2024);
	d = scan("chỉ đạo rà soát, hoàn thiện phương án sắp xếp trong tháng 8/2024.", 0, 2024,
		 "trong tháng 8/2024", VN_DL_PERIOD);
	assert_int_equal(d.unit, VN_DL_MONTH);
	assert_int_equal(d.n, 8);
	d = scan("báo cáo kết quả chậm nhất là ngày 04 tháng 12 năm 2023", 0, 2023,
		 "chậm nhất là ngày 04 tháng 12 năm 2023", VN_DL_DATE);
	assert_int_equal(d.date.d, 4);
	/* the hour before the day: the day is the date */
	d = scan("gửi báo cáo về Sở trước 17 giờ 30 ngày 06/11/2025.", 0, 2025,
		 "trước 17 giờ 30 ngày 06/11/2025", VN_DL_DATE);
	assert_int_equal(d.date.m, 11);
	assert_int_equal(d.date.d, 6);
	d = scan("nộp hồ sơ chậm nhất 9h00 ngày 12/01/2026", 0, 2025,
		 "chậm nhất 9h00 ngày 12/01/2026", VN_DL_DATE);
	assert_int_equal(d.date.y, 2026);
	/* the meeting the result is reported at */
	d = scan("báo cáo Ban Thường vụ tại phiên họp tháng 3/2026.", 0, 2025,
		 "tại phiên họp tháng 3/2026", VN_DL_PERIOD);
	assert_int_equal(d.unit, VN_DL_MONTH);
	assert_int_equal(d.n, 3);
	d = scan("tổng hợp, báo cáo trong 15 ngày", 0, 2023, "trong 15 ngày", VN_DL_SPAN);
	assert_int_equal(d.unit, VN_DL_DAYS);
	assert_int_equal(d.n, 15);
	d = scan("hoàn thành trong ba tuần tới, báo cáo", 0, 2023, "trong ba tuần tới", VN_DL_SPAN);
	assert_int_equal(d.unit, VN_DL_WEEKS);
	assert_int_equal(d.n, 3);
	d = scan("tổng hợp 15 ngày tới", 0, 2023, "15 ngày tới", VN_DL_SPAN);
	assert_int_equal(d.unit, VN_DL_DAYS);
	/* Without its year, a date takes the session's. */
	d = scan("hạn chót ngày 28/2, báo cáo", 0, 2024, "hạn chót ngày 28/2", VN_DL_DATE);
	assert_int_equal(d.date.y, 2024);
	scan("theo dõi, đôn đốc thường xuyên", 0, 2023, "thường xuyên", VN_DL_STANDING);
	/* A bare date, month or year in a sentence is not a deadline; nor is "15 ngày" alone. */
	assert_int_equal(vn_deadline_scan(none, strlen(none), 2023, 0, &d, &e), ERR_NOTFOUND);
	assert_int_equal(
	    vn_deadline_scan("Ngày 04/10/2023, kế hoạch năm 2024 trong 5 năm", 47, 2023, 0, &d, &e),
	    ERR_NOTFOUND);
	assert_int_equal(vn_deadline_scan("nghỉ 15 ngày", strlen("nghỉ 15 ngày"), 2023, 0, &d, &e),
			 ERR_NOTFOUND);
}

static void moments_read_in_vietnam_time(void **state)
{
	char out[17];

	assert_int_equal(vn_datetime_local("2023-10-04T01:30:00Z", out), 0);
	assert_string_equal(out, "04/10/2023 08:30");
	/* Past midnight in Vietnam is the next day, across a month and a year. */
	assert_int_equal(vn_datetime_local("2023-12-31T17:05:59.123Z", out), 0);
	assert_string_equal(out, "01/01/2024 00:05");
	assert_int_equal(vn_datetime_local("2024-02-28T20:00:00Z", out), 0);
	assert_string_equal(out, "29/02/2024 03:00");
	assert_int_equal(vn_datetime_local("2023-10-04T01:30:00", out), ERR_INVAL);
	assert_int_equal(vn_datetime_local("2023-02-30T01:30:00Z", out), ERR_INVAL);
	assert_int_equal(vn_datetime_local("hôm qua", out), ERR_INVAL);
	assert_int_equal(vn_datetime_local(NULL, out), ERR_INVAL);
}

static void deadline_fields_are_read_whole(void **state)
{
	struct vn_deadline d;
	struct err e = {0};

	(void)state;
	d = scan("quý IV/2023", VN_DL_WHOLE, 0, "quý IV/2023", VN_DL_PERIOD);
	assert_int_equal(d.n, 4);
	assert_int_equal(d.year, 2023);
	/* Tones and case do not matter; the words are kept as written. */
	d = scan("QUY 4 NAM 2023", VN_DL_WHOLE, 0, "QUY 4 NAM 2023", VN_DL_PERIOD);
	assert_int_equal(d.n, 4);
	d = scan("6 tháng đầu năm 2024", VN_DL_WHOLE, 0, NULL, VN_DL_PERIOD);
	assert_int_equal(d.unit, VN_DL_FIRST_MONTHS);
	assert_int_equal(d.n, 6);
	d = scan("năm 2024", VN_DL_WHOLE, 0, NULL, VN_DL_PERIOD);
	assert_int_equal(d.unit, VN_DL_YEAR);
	d = scan("03 tuần", VN_DL_WHOLE, 0, NULL, VN_DL_SPAN);
	assert_int_equal(d.unit, VN_DL_WEEKS);
	assert_int_equal(d.n, 3);
	d = scan("2023-12-04", VN_DL_WHOLE, 0, NULL, VN_DL_DATE);
	assert_int_equal(d.date.d, 4);
	d = scan("đến ngày 04/12/2023.", VN_DL_WHOLE, 0, NULL, VN_DL_DATE);
	assert_int_equal(d.date.m, 12);
	scan("Thực hiện thường xuyên", VN_DL_WHOLE, 0, NULL, VN_DL_STANDING);
	scan("   ", VN_DL_WHOLE, 0, NULL, VN_DL_NONE);
	/* Decomposed Unicode (NFD) reads the same. */
	scan("02 tha\xcc\x81ng to\xcc\x9b\xcc\x81i", VN_DL_WHOLE, 0, NULL, VN_DL_SPAN);
	/* Words that are not a deadline, or that say more, are not one. */
	assert_int_equal(vn_deadline_scan("sớm", strlen("sớm"), 0, VN_DL_WHOLE, &d, &e),
			 ERR_NOTFOUND);
	assert_int_equal(
	    vn_deadline_scan("quý V/2023", strlen("quý V/2023"), 0, VN_DL_WHOLE, &d, &e),
	    ERR_NOTFOUND);
	assert_int_equal(vn_deadline_scan("quý IV/2023 và quý I/2024",
					  strlen("quý IV/2023 và quý I/2024"), 0, VN_DL_WHOLE, &d,
					  &e),
			 ERR_NOTFOUND);
	/* Written as a date that cannot be: what is wrong is said. */
	assert_int_equal(vn_deadline_scan("31/02/2023", 10, 0, VN_DL_WHOLE, &d, &e), ERR_INVAL);
	assert_int_equal(vn_deadline_scan("trước ngày 04/10/0023", strlen("trước ngày 04/10/0023"),
					  0, VN_DL_WHOLE, &d, &e),
			 ERR_INVAL);
	assert_non_null(strstr(e.msg, "1930"));
	assert_int_equal(vn_deadline_scan("\xff", 1, 0, VN_DL_WHOLE, &d, &e), ERR_INVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(numbers_keep_their_printed_form),
	    cmocka_unit_test(years_and_counts_are_left_alone),
	    cmocka_unit_test(malformed_numbers_name_their_position),
	    cmocka_unit_test(machine_form_reads_and_writes),
	    cmocka_unit_test(arithmetic_is_exact),
	    cmocka_unit_test(rounding_is_half_away_from_zero),
	    cmocka_unit_test(percentages_derive_plans_and_bases),
	    cmocka_unit_test(amounts_carry_their_scale_word),
	    cmocka_unit_test(percentages_and_ratios),
	    cmocka_unit_test(dates_parse_in_every_written_form),
	    cmocka_unit_test(impossible_and_malformed_dates_are_errors),
	    cmocka_unit_test(dates_outside_1930_to_2100_are_refused_with_the_range),
	    cmocka_unit_test(years_are_written_with_four_digits),
	    cmocka_unit_test(dates_are_written_with_the_leading_zero_rule),
	    cmocka_unit_test(date_arithmetic_clamps_and_counts),
	    cmocka_unit_test(text_with_a_nul_or_bad_utf8_is_refused_at_its_byte),
	    cmocka_unit_test(text_enters_the_store_as_nfc),
	    cmocka_unit_test(search_keys_fold_tones_marks_case_and_d),
	    cmocka_unit_test(collation_follows_the_vietnamese_alphabet),
	    cmocka_unit_test(people_sort_by_given_name_then_the_rest),
	    cmocka_unit_test(upper_case_the_vietnamese_way),
	    cmocka_unit_test(legacy_text_converts_to_unicode),
	    cmocka_unit_test(legacy_encodings_are_detected),
	    cmocka_unit_test(tcvn3_table_agrees_with_iconv),
	    cmocka_unit_test(parsers_survive_random_input),
	    cmocka_unit_test(every_seed_figure_and_date_round_trips),
	    cmocka_unit_test(deadlines_are_found_in_sentences),
	    cmocka_unit_test(deadline_fields_are_read_whole),
	    cmocka_unit_test(moments_read_in_vietnam_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
