/* date.c: dates as Vietnamese texts write them ("04/10/2023", "ngày 04 tháng 10 năm 2023"). */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool vn_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

bool vn_date_plausible(struct vn_date d)
{
	return d.y >= VN_DATE_YEAR_MIN && d.y <= VN_DATE_YEAR_MAX && vn_date_valid(d.y, d.m, d.d);
}

bool vn_date_is_none(struct vn_date d)
{
	return d.y == 0 && d.m == 0 && d.d == 0;
}

int vn_date_cmp(struct vn_date a, struct vn_date b)
{
	long x = (long)a.y * 10000 + a.m * 100 + a.d, y = (long)b.y * 10000 + b.m * 100 + b.d;

	return x < y ? -1 : x > y ? 1 : 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static struct vn_date civil_from_days(long z)
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	return (struct vn_date){(int)(y + (m <= 2)), (int)m, (int)d};
}

struct vn_date vn_date_add_days(struct vn_date d, int n)
{
	struct vn_date r;

	if (!vn_date_valid(d.y, d.m, d.d))
		return d;
	r = civil_from_days(days_from_civil(d.y, d.m, d.d) + n);
	return vn_date_valid(r.y, r.m, r.d) ? r : (struct vn_date){0, 0, 0};
}

struct vn_date vn_date_add_months(struct vn_date d, int n)
{
	long months;
	int y, m, last;

	if (!vn_date_valid(d.y, d.m, d.d))
		return d;
	months = (long)d.y * 12 + (d.m - 1) + n;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (y < 1 || y > 9999)
		return (struct vn_date){0, 0, 0};
	last = month_days(y, m);
	return (struct vn_date){y, m, d.d > last ? last : d.d};
}

int vn_date_diff_days(struct vn_date a, struct vn_date b)
{
	return (int)(days_from_civil(b.y, b.m, b.d) - days_from_civil(a.y, a.m, a.d));
}

struct vn_date vn_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return (struct vn_date){0, 0, 0};
	return (struct vn_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void vn_date_iso(struct vn_date d, char out[static 11])
{
	if (!vn_date_valid(d.y, d.m, d.d)) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 11, "%04d-%02d-%02d", d.y, d.m, d.d);
}

int vn_date_format(struct vn_date d, enum vn_date_style style, struct buf *out)
{
	if (vn_date_is_none(d))
		return 0;
	if (!vn_date_valid(d.y, d.m, d.d))
		return ERR_INVAL;
	switch (style) {
	case VN_DATE_ISO:
		return buf_printf(out, "%04d-%02d-%02d", d.y, d.m, d.d);
	case VN_DATE_SHORT:
		return buf_printf(out, "%02d/%02d/%04d", d.d, d.m, d.y);
	case VN_DATE_SHORT_BARE:
		return buf_printf(out, "%d/%d/%04d", d.d, d.m, d.y);
	case VN_DATE_LONG:
		return buf_printf(out, "ngày %02d tháng %02d năm %04d", d.d, d.m, d.y);
	case VN_DATE_SHORT_DOC:
		return buf_printf(out, d.m <= 2 ? "%02d/%02d/%04d" : "%02d/%d/%04d", d.d, d.m, d.y);
	case VN_DATE_LONG_DOC:
		return buf_printf(
		    out, d.m <= 2 ? "ngày %02d tháng %02d năm %04d" : "ngày %02d tháng %d năm %04d",
		    d.d, d.m, d.y);
	}
	return ERR_INVAL;
}

/* A cursor over the text being parsed; positions in messages are 1-based bytes of the whole. */
struct scan {
	const char *s;
	size_t len, i, end;
	struct err *e;
};

static int fail(struct scan *c, size_t pos, const char *why)
{
	return err_set(c->e, ERR_INVAL, "Ngày \"%.*s\" không hợp lệ ở vị trí %zu: %s",
		       c->len > 60 ? 60 : (int)c->len, c->s, pos + 1, why);
}

static void skip_spaces(struct scan *c)
{
	while (c->i < c->end && is_space(c->s[c->i]))
		c->i++;
}

/* Reads 1..maxd digits; returns the count (0 when none, maxd + 1 when too many). */
static size_t digits(struct scan *c, size_t maxd, int *ret)
{
	size_t n = 0;
	int v = 0;

	while (c->i < c->end && is_digit(c->s[c->i])) {
		if (n == maxd)
			return maxd + 1;
		v = v * 10 + (c->s[c->i] - '0');
		c->i++;
		n++;
	}
	*ret = v;
	return n;
}

static bool one_or_two(size_t n)
{
	return n == 1 || n == 2;
}

/* Matches a literal word (case of the first letter ignored) followed by a space or the end. */
static bool word(struct scan *c, const char *lower, const char *upper)
{
	size_t n = strlen(lower);

	if (c->end - c->i < n)
		return false;
	if (memcmp(c->s + c->i, lower, n) != 0 && memcmp(c->s + c->i, upper, n) != 0)
		return false;
	if (c->i + n < c->end && !is_space(c->s[c->i + n]) && !is_digit(c->s[c->i + n]))
		return false;
	c->i += n;
	return true;
}

static int check(struct scan *c, int y, int m, int d, struct vn_date *ret)
{
	if (m < 1 || m > 12)
		return err_set(c->e, ERR_INVAL, "Ngày \"%.*s\" không hợp lệ: không có tháng %d",
			       c->len > 60 ? 60 : (int)c->len, c->s, m);
	if (y < VN_DATE_YEAR_MIN || y > VN_DATE_YEAR_MAX)
		return err_set(
		    c->e, ERR_INVAL, "Ngày \"%.*s\": năm %04d ngoài khoảng cho phép %d–%d",
		    c->len > 60 ? 60 : (int)c->len, c->s, y, VN_DATE_YEAR_MIN, VN_DATE_YEAR_MAX);
	if (d < 1 || d > month_days(y, m))
		return err_set(c->e, ERR_INVAL,
			       "Ngày \"%.*s\" không có thật: tháng %d năm %d chỉ có %d ngày",
			       c->len > 60 ? 60 : (int)c->len, c->s, m, y, month_days(y, m));
	*ret = (struct vn_date){y, m, d};
	return 0;
}

/* "04 tháng 10 năm 2023" or "28 tháng 2" after "ngày". */
static int parse_words(struct scan *c, int default_year, struct vn_date *ret)
{
	int d, m, y = default_year;
	size_t at = c->i;

	if (!one_or_two(digits(c, 2, &d)))
		return fail(c, at, "ngày phải là 1 hoặc 2 chữ số");
	skip_spaces(c);
	if (!word(c, "tháng", "Tháng"))
		return fail(c, c->i, "thiếu chữ \"tháng\"");
	skip_spaces(c);
	at = c->i;
	if (!one_or_two(digits(c, 2, &m)))
		return fail(c, at, "tháng phải là 1 hoặc 2 chữ số");
	skip_spaces(c);
	if (c->i < c->end) {
		if (!word(c, "năm", "Năm"))
			return fail(c, c->i, "thiếu chữ \"năm\"");
		skip_spaces(c);
		at = c->i;
		if (digits(c, 4, &y) != 4)
			return fail(c, at, "năm phải có 4 chữ số");
		skip_spaces(c);
		if (c->i < c->end)
			return fail(c, c->i, "thừa ký tự sau ngày");
	} else if (default_year == 0) {
		return fail(c, c->i, "thiếu năm");
	}
	return check(c, y, m, d, ret);
}

/* "04/10/2023", "4-10-2023", "28/2", "2023-10-04". */
static int parse_numeric(struct scan *c, int default_year, struct vn_date *ret)
{
	int a, b, y;
	size_t at = c->i, n;
	char sep;

	n = digits(c, 4, &a);
	if (n == 0)
		return fail(c, at, "thiếu chữ số của ngày");
	if (c->i >= c->end || (c->s[c->i] != '/' && c->s[c->i] != '-'))
		return fail(c, c->i,
			    n > 2 ? "ngày phải là 1 hoặc 2 chữ số" : "thiếu dấu / sau ngày");
	sep = c->s[c->i];
	if (n == 4) {
		/* ISO 8601: 2023-10-04. */
		int m, d;

		if (sep != '-')
			return fail(c, c->i, "dạng năm-tháng-ngày dùng dấu -");
		c->i++;
		at = c->i;
		if (!one_or_two(digits(c, 2, &m)))
			return fail(c, at, "tháng phải là 1 hoặc 2 chữ số");
		if (c->i >= c->end || c->s[c->i] != '-')
			return fail(c, c->i, "thiếu dấu - sau tháng");
		c->i++;
		at = c->i;
		if (!one_or_two(digits(c, 2, &d)))
			return fail(c, at, "ngày phải là 1 hoặc 2 chữ số");
		if (c->i < c->end)
			return fail(c, c->i, "thừa ký tự sau ngày");
		return check(c, a, m, d, ret);
	}
	if (n > 2)
		return fail(c, at, "ngày phải là 1 hoặc 2 chữ số");
	c->i++;
	at = c->i;
	if (!one_or_two(digits(c, 2, &b)))
		return fail(c, at, "tháng phải là 1 hoặc 2 chữ số");
	if (c->i == c->end) {
		if (default_year == 0)
			return fail(c, c->i, "thiếu năm");
		return check(c, default_year, b, a, ret);
	}
	if (c->s[c->i] != sep)
		return fail(c, c->i,
			    sep == '/' ? "thiếu dấu / trước năm" : "thiếu dấu - trước năm");
	c->i++;
	at = c->i;
	n = digits(c, 4, &y);
	if (n != 4)
		return fail(c, at, "năm phải có 4 chữ số");
	if (c->i < c->end)
		return fail(c, c->i, "thừa ký tự sau ngày");
	return check(c, y, b, a, ret);
}

int vn_date_parse(const char *s, size_t len, int default_year, struct vn_date *ret, struct err *e)
{
	struct scan c = {s, len, 0, len, e};
	size_t probe;

	skip_spaces(&c);
	while (c.end > c.i && is_space(s[c.end - 1]))
		c.end--;
	if (c.i == c.end)
		return err_set(e, ERR_INVAL, "Thiếu ngày: chuỗi rỗng");
	if (word(&c, "ngày", "Ngày")) {
		skip_spaces(&c);
		/* "ngày 04 tháng 10 …" or "ngày 4/10/2023". */
		probe = c.i;
		while (probe < c.end && is_digit(s[probe]))
			probe++;
		if (probe < c.end && (s[probe] == ' ' || s[probe] == '\t'))
			return parse_words(&c, default_year, ret);
	}
	return parse_numeric(&c, default_year, ret);
}

int vn_datetime_local(const char *s, char out[static 17])
{
	int y, mo, d, h, mi, sec, used = 0;
	struct tm tm = {0};
	time_t t;

	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 ||
	    !vn_date_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
		return ERR_INVAL;
	s += used;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	if (strcmp(s, "Z") != 0)
		return ERR_INVAL;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm) + 7 * 3600; /* Vietnam's time, all year */
	if (!gmtime_r(&t, &tm))
		return ERR_INVAL;
	snprintf(out, 17, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
		 tm.tm_hour, tm.tm_min);
	return 0;
}
