/* num.h: Vietnamese numbers as exact decimals that keep their printed precision. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

/*
 * A decimal exactly as printed: value = units / 10^scale, and scale is the
 * number of decimals written. "97,0" is {970, 1} and prints back as "97,0";
 * "1.593,851" is {1593851, 3}; "4.132" is {4132, 0}. Never binary floating point.
 */
struct vn_dec {
	int64_t units;
	int scale; /* 0..9 */
};

#define VN_DEC_MAXSCALE 9

enum {
	VN_NUM_NOGROUP = 1 << 0, /* write no thousands separators (years: 2023) */
	VN_NUM_PAD2 = 1 << 1,	 /* at least two integer digits: counts "02 cụm", "04 xã" */
};

/*
 * Parses a number written the Vietnamese way: "." groups thousands (groups of
 * exactly three digits), "," is the decimal mark, an optional leading "-".
 * "2023" parses as 2023. Ambiguous or malformed input ("1.59", "1,2,3",
 * "1.593.85", "", "12a") is ERR_INVAL with e naming the position (1-based
 * byte offset). len is the length of s (not NUL-terminated necessarily).
 */
int vn_dec_parse(const char *s, size_t len, struct vn_dec *ret, struct err *e);
/* Parses the machine form used in JSON and CSV: "-1593.851", "97.0". */
int vn_dec_parse_plain(const char *s, size_t len, struct vn_dec *ret, struct err *e);
/* Appends the Vietnamese form ("1.593,851"; with VN_NUM_NOGROUP "1593,851"). */
int vn_dec_format(struct vn_dec d, unsigned flags, struct buf *out);
/* Appends the machine form ("1593.851", "97.0"). */
int vn_dec_format_plain(struct vn_dec d, struct buf *out);

/* a <=> b by value (97,0 == 97): -1, 0, 1. */
int vn_dec_cmp(struct vn_dec a, struct vn_dec b);
/* Exact sum; the scale is the larger of the two. ERR_INVAL on overflow. */
int vn_dec_add(struct vn_dec a, struct vn_dec b, struct vn_dec *ret);
int vn_dec_sub(struct vn_dec a, struct vn_dec b, struct vn_dec *ret);
/* a rounded half away from zero to scale decimals (or extended with zeros). */
int vn_dec_round(struct vn_dec a, int scale, struct vn_dec *ret);
/* a * 100 / b rounded half away from zero to scale decimals. ERR_INVAL when b is 0. */
int vn_dec_pct(struct vn_dec a, struct vn_dec b, int scale, struct vn_dec *ret);
/* a * b / 100 rounded to scale (a value from a percentage of a base). */
int vn_dec_pct_of(struct vn_dec base, struct vn_dec pct, int scale, struct vn_dec *ret);
/* a * 100 / pct rounded to scale (the base from a value and its percentage). */
int vn_dec_base_of(struct vn_dec a, struct vn_dec pct, int scale, struct vn_dec *ret);
/* Nearest double, for charts only. */
double vn_dec_to_double(struct vn_dec a);
bool vn_dec_is_zero(struct vn_dec a);
static inline struct vn_dec vn_dec_int(int64_t v)
{
	return (struct vn_dec){v, 0};
}

/*
 * A figure with its scale word, as texts write large amounts: "4,6 nghìn tỷ"
 * is 4,6 with multiplier word "nghìn tỷ". Recognised words: nghìn, ngàn,
 * triệu, tỷ, nghìn tỷ. The value keeps its written precision; mult_exp is the
 * power of ten of the word (3, 6, 9, 12).
 */
struct vn_amount {
	struct vn_dec value;
	int mult_exp;
};
/*
 * Parses "4,6 nghìn tỷ", "4.132" (mult_exp 0) at the start of s; *used (may be
 * NULL) receives the bytes consumed, so "4.132 tỷ đồng" stops after "tỷ". A "."
 * or "," not followed by a digit ends the number ("đạt 4.132, ...").
 */
int vn_amount_parse(const char *s, size_t len, struct vn_amount *ret, size_t *used, struct err *e);
/* Appends "4,6 nghìn tỷ". ERR_INVAL for a mult_exp that has no word. */
int vn_amount_format(struct vn_amount a, struct buf *out);
/* The plain value: 4,6 nghìn tỷ → 4600000000000 (scale reduced first). ERR_INVAL on overflow. */
int vn_amount_value(struct vn_amount a, struct vn_dec *ret);

/* "68%", "106,7%", "97,0 %": the percentage, precision kept. */
int vn_pct_parse(const char *s, size_t len, struct vn_dec *ret, struct err *e);
int vn_pct_format(struct vn_dec d, struct buf *out); /* "106,7%" */

/* "15/24" and "45.799/36.875": achieved over target. */
struct vn_ratio {
	struct vn_dec num, den;
};
int vn_ratio_parse(const char *s, size_t len, struct vn_ratio *ret, struct err *e);
int vn_ratio_format(struct vn_ratio r, struct buf *out);
