/* deadline.h: the words of a deadline as Vietnamese texts write them, found and split into parts. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"
#include "vn/date.h"

enum vn_dl_form {
	VN_DL_NONE,
	VN_DL_DATE, /* trước ngày 10/12/2023, chậm nhất là ngày 04 tháng 12 năm 2023 */
	VN_DL_PERIOD,	/* quý IV/2023, tháng 12/2023, 6 tháng đầu năm 2024, năm 2024 */
	VN_DL_SPAN,	/* 02 tháng tới, trong 15 ngày, 03 tuần */
	VN_DL_STANDING, /* thường xuyên */
};

enum vn_dl_unit {
	VN_DL_DAYS,	    /* span: n days */
	VN_DL_WEEKS,	    /* span: n weeks */
	VN_DL_MONTHS,	    /* span: n months */
	VN_DL_QUARTER,	    /* period: quarter n of year */
	VN_DL_MONTH,	    /* period: month n of year */
	VN_DL_FIRST_MONTHS, /* period: the first n months of year (3, 6, 9) */
	VN_DL_LAST_MONTHS,  /* period: the last n months of year */
	VN_DL_YEAR,	    /* period: the whole year */
};

/* A deadline phrase and its parts; offsets are bytes into the text scanned. */
struct vn_deadline {
	enum vn_dl_form form;
	size_t off, len;     /* the phrase with its lead-in: "trước ngày 10/12/2023" */
	size_t lead;	     /* bytes of the lead-in ("trước ngày ", "trong "), 0 when none */
	struct vn_date date; /* VN_DL_DATE */
	enum vn_dl_unit unit;
	int n;	  /* the quarter, month or count of days, weeks, months */
	int year; /* VN_DL_PERIOD */
};

/* The text is a deadline and nothing else (a form field); without it, a deadline is searched for. */
#define VN_DL_WHOLE 1u

/*
 * Finds a deadline in text[0..len) (tones and case do not matter) and
 * splits it into its parts. With VN_DL_WHOLE the whole text must be one
 * deadline, possibly with a lead-in ("trước", "chậm nhất là ngày", "hạn
 * chót ngày", "đến ngày", "trong"), a bare date ("04/12/2023",
 * "2023-12-04") or "thường xuyên" anywhere in it; empty text is VN_DL_NONE.
 * Without it, the first phrase a sentence uses for a deadline is found: a
 * date only after a lead-in ending in "ngày", a span only when followed by
 * "tới" or after "trong", a month or year only after a lead-in; a quarter
 * ("quý III/2023") may stand alone. A date, quarter or month without its
 * year takes default_year (0: the year is required).
 * 0 with *ret filled; ERR_NOTFOUND when there is none (with VN_DL_WHOLE:
 * words that are not a deadline); ERR_INVAL with e saying what is wrong
 * when the text is written as a date that does not exist or whose year is
 * outside VN_DATE_YEAR_MIN..VN_DATE_YEAR_MAX (VN_DL_WHOLE only; a scan
 * passes over it). ERR_INVAL for invalid UTF-8, ERR_TOOBIG past 64 KiB.
 */
int vn_deadline_scan(const char *text, size_t len, int default_year, unsigned flags,
		     struct vn_deadline *ret, struct err *e);
