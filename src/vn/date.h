/* date.h: dates as Vietnamese texts write them, and as ISO 8601. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

struct vn_date {
	int y, m, d; /* a valid Gregorian date; {0,0,0} means none */
};

/*
 * The years a date a person enters may have (docs/vn.md): the Party was
 * founded in 1930, the oldest document a committee cites; 2100 is past any
 * plan or deadline. "04/10/0023" or "2023-10-04" typed as "9999-…" are
 * mistakes, refused rather than stored.
 */
#define VN_DATE_YEAR_MIN 1930
#define VN_DATE_YEAR_MAX 2100

enum vn_date_style {
	VN_DATE_ISO,	    /* 2023-10-04 */
	VN_DATE_SHORT,	    /* 04/10/2023: days and months under 10 take a 0 */
	VN_DATE_SHORT_BARE, /* 4/10/2023: no leading zeros */
	VN_DATE_LONG,	    /* ngày 04 tháng 10 năm 2023 (the date line) */
	/*
	 * As documents print dates under Nghị định 30/2020/NĐ-CP: days under 10
	 * and the months 1 and 2 take a 0, other months do not ("05/7/2021",
	 * "15/4/2021", "04/02/2024"), the way the seed's references are written.
	 */
	VN_DATE_SHORT_DOC,
	VN_DATE_LONG_DOC, /* ngày 05 tháng 7 năm 2021 */
};

/*
 * Parses "04/10/2023", "4/10/2023", "15/4/2021", "2023-10-04", "04-10-2023",
 * "ngày 04 tháng 10 năm 2023", "ngày 4/10/2023"; "ngày 28/2" or "28/2" take
 * the year default_year (ERR_INVAL when it is 0). Impossible dates
 * ("31/02/2023"), malformed text and a year outside VN_DATE_YEAR_MIN ..
 * VN_DATE_YEAR_MAX are ERR_INVAL with e saying what is wrong (the range, for
 * a year). The whole of s[0..len) must be the date (surrounding spaces
 * allowed). Every date a person enters (CLI, web form, API) goes through it.
 */
int vn_date_parse(const char *s, size_t len, int default_year, struct vn_date *ret, struct err *e);
/* Appends d in style; the year always with 4 digits. Nothing for none. */
int vn_date_format(struct vn_date d, enum vn_date_style style, struct buf *out);
/* ISO into a caller array of at least 11 bytes; "" for none. */
void vn_date_iso(struct vn_date d, char out[static 11]);

/* A real Gregorian date with a year 1..9999 (any, not only plausible ones). */
bool vn_date_valid(int y, int m, int d);
/* A valid date whose year is within VN_DATE_YEAR_MIN .. VN_DATE_YEAR_MAX. */
bool vn_date_plausible(struct vn_date d);
bool vn_date_is_none(struct vn_date d);
/* -1, 0, 1 */
int vn_date_cmp(struct vn_date a, struct vn_date b);
/* Adds n months, clamping the day to the month's end (31/1 + 1 month = 28/2 or 29/2). */
struct vn_date vn_date_add_months(struct vn_date d, int n);
struct vn_date vn_date_add_days(struct vn_date d, int n);
/* b - a in days. */
int vn_date_diff_days(struct vn_date a, struct vn_date b);
/* Today in the local time zone. */
struct vn_date vn_date_today(void);

/*
 * A moment the store keeps in UTC ("2023-10-04T01:30:00Z", fractions of a
 * second allowed) as a person in Vietnam reads it (UTC+7, no daylight time):
 * "04/10/2023 08:30". ERR_INVAL when s is no such moment; out holds 17 bytes.
 */
int vn_datetime_local(const char *s, char out[static 17]);
