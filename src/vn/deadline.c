/* deadline.c: finding a deadline phrase in Vietnamese text and splitting it into its parts. */
#include "vn/deadline.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "vn/text.h"

#define DL_TEXT_MAX (64u << 10)

/*
 * The text folded (lower case, no tones, đ→d) byte by byte, with the offset
 * in the original text of the character each folded byte came from, so a
 * phrase matched in the folded text is cut from the original as written.
 */
struct fmap {
	char *f;
	size_t *at; /* at[k]: offset of f[k]'s character; at[n] = the text's length */
	size_t n, cap;
};

static int fmap_put(struct fmap *m, char c, size_t at)
{
	if (m->n + 1 >= m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 256;
		char *f = realloc(m->f, cap);
		size_t *a;

		if (!f)
			return ERR_NOMEM;
		m->f = f;
		a = realloc(m->at, cap * sizeof(*a));
		if (!a)
			return ERR_NOMEM;
		m->at = a;
		m->cap = cap;
	}
	m->f[m->n] = c;
	m->at[m->n++] = at;
	return 0;
}

static size_t utf8_len(unsigned char c)
{
	return c < 0x80		    ? 1
	       : (c & 0xE0) == 0xC0 ? 2
	       : (c & 0xF0) == 0xE0 ? 3
	       : (c & 0xF8) == 0xF0 ? 4
				    : 1;
}

static int fmap_build(const char *s, size_t len, struct fmap *m)
{
	struct buf b = BUF_INIT(256);
	size_t i = 0;
	int r = 0;

	while (r == 0 && i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t k = utf8_len(c);

		if (c < 0x80) {
			if (c == '\t' || c == '\n' || c == '\r')
				c = ' ';
			r = fmap_put(m, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c), i);
			i++;
			continue;
		}
		if (i + k > len) {
			r = ERR_INVAL;
			break;
		}
		buf_reset(&b);
		r = vn_fold(s + i, k, &b);
		if (r < 0)
			break;
		if (b.len == 0) {
			/* Combining marks fold to nothing; other spaces (U+00A0 …) are a space. */
			bool mark = c == 0xCC || (c == 0xCD && (unsigned char)s[i + 1] < 0xB0);

			if (!mark)
				r = fmap_put(m, ' ', i);
		}
		for (size_t j = 0; r == 0 && j < b.len; j++)
			r = fmap_put(m, buf_str(&b)[j], i);
		i += k;
	}
	buf_free(&b);
	if (r == 0)
		r = fmap_put(m, '\0', len);
	if (r == 0)
		m->n--; /* at[n] = len, f NUL-terminated */
	return r;
}

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t sp(const struct fmap *m, size_t i)
{
	while (i < m->n && m->f[i] == ' ')
		i++;
	return i;
}

/* The end of the words w at i (whole words), or 0. */
static size_t tok(const struct fmap *m, size_t i, const char *w)
{
	size_t n = strlen(w);

	if (i + n > m->n || memcmp(m->f + i, w, n) != 0 || (i + n < m->n && alnum(m->f[i + n])))
		return 0;
	return i + n;
}

/* A number of 1..maxd digits at i, not followed by another digit or a letter; its end, or 0. */
static size_t num(const struct fmap *m, size_t i, int maxd, int *ret)
{
	size_t j = i;
	int v = 0;

	while (j < m->n && digit(m->f[j]) && (int)(j - i) < maxd)
		v = v * 10 + (m->f[j++] - '0');
	if (j == i || (j < m->n && alnum(m->f[j])))
		return 0;
	*ret = v;
	return j;
}

/* A year of four digits at i, or 0. */
static size_t year4(const struct fmap *m, size_t i, int *ret)
{
	size_t j = num(m, i, 4, ret);

	return j == i + 4 ? j : 0;
}

/* A count in digits or words ("hai", "mười hai"). */
static size_t count(const struct fmap *m, size_t i, int *ret)
{
	static const char *const words[] = {"muoi hai", "muoi mot", "muoi", "mot", "hai", "ba",
					    "bon",	"nam",	    "sau",  "bay", "tam", "chin"};
	static const int values[] = {12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9};
	size_t j = num(m, i, 3, ret);

	if (j)
		return j;
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if ((j = tok(m, i, words[k]))) {
			*ret = values[k];
			return j;
		}
	return 0;
}

/*
 * "/2023", " năm 2023", " 2023" after a quarter or month; default_year when
 * absent and allowed. The end, or 0.
 */
static size_t year_after(const struct fmap *m, size_t i, int default_year, int *ret)
{
	size_t j = i, k;

	if (j < m->n && m->f[j] == '/')
		j++;
	else {
		j = sp(m, j);
		if ((k = tok(m, j, "nam")))
			j = sp(m, k);
	}
	if ((k = year4(m, j, ret)))
		return k;
	if (default_year > 0) {
		*ret = default_year;
		return i;
	}
	return 0;
}

/* A date's shape at i; ret_end its end. 1: a date in *ret; 0: not a date; ERR_INVAL (e set). */
static int date_at(const char *text, const struct fmap *m, size_t i, int default_year,
		   struct vn_date *ret, size_t *ret_end, struct err *e)
{
	int a, b, c = 0;
	size_t j, k;
	struct vn_date d;

	if ((j = year4(m, i, &a)) && j < m->n && m->f[j] == '-') {
		/* 2023-12-04 */
		if (!(k = num(m, j + 1, 2, &b)) || k >= m->n || m->f[k] != '-' ||
		    !(k = num(m, k + 1, 2, &c)))
			return 0;
		j = k;
	} else if ((j = num(m, i, 2, &a)) && j < m->n &&
		   (m->f[j] == '/' || m->f[j] == '-' || m->f[j] == '.')) {
		char sep = m->f[j];

		if (!(k = num(m, j + 1, 2, &b)))
			return 0;
		j = k;
		if (j + 1 < m->n && m->f[j] == sep && digit(m->f[j + 1])) {
			if (!(k = num(m, j + 1, 4, &c)))
				return 0;
			j = k;
		} else if (sep != '/') {
			return 0;
		}
	} else if (j && (k = tok(m, sp(m, j), "thang")) && (k = num(m, sp(m, k), 2, &b))) {
		/* 04 tháng 12 năm 2023 */
		size_t y = tok(m, sp(m, k), "nam");

		j = k;
		if (y && (y = year4(m, sp(m, y), &c)))
			j = y;
		else if (default_year > 0)
			c = default_year;
		else
			return err_set(e, ERR_INVAL, "thiếu năm");
		if (!vn_date_valid(c, b, a))
			return err_set(e, ERR_INVAL, "không có ngày %d tháng %d năm %d", a, b, c);
		d = (struct vn_date){c, b, a};
		if (!vn_date_plausible(d))
			return err_set(e, ERR_INVAL, "năm %04d ngoài khoảng cho phép %d–%d", c,
				       VN_DATE_YEAR_MIN, VN_DATE_YEAR_MAX);
		*ret = d;
		*ret_end = j;
		return 1;
	} else {
		return 0;
	}
	if (j < m->n && (alnum(m->f[j]) || m->f[j] == '/'))
		return 0;
	if (vn_date_parse(text + m->at[i], m->at[j] - m->at[i], default_year, &d, e) < 0)
		return ERR_INVAL;
	*ret = d;
	*ret_end = j;
	return 1;
}

/*
 * A time of day at i, "16 giờ", "16 giờ 00", "10 giờ 30 phút", "16h00", "16h": its end,
 * or 0. A deadline may give the hour before its day: "trước 16 giờ 00 ngày 15/10/2025".
 */
static size_t clock_time(const struct fmap *m, size_t i)
{
	size_t j = i, k;
	int h = 0, mi;

	while (j < m->n && digit(m->f[j]) && j - i < 2)
		h = h * 10 + (m->f[j++] - '0');
	if (j == i || h > 24)
		return 0;
	if (j < m->n && m->f[j] == 'h') {
		k = j + 1;
		while (k < m->n && digit(m->f[k]) && k - j <= 2)
			k++;
		return k < m->n && alnum(m->f[k]) ? 0 : k;
	}
	if (!(k = tok(m, sp(m, j), "gio")))
		return 0;
	if ((j = num(m, sp(m, k), 2, &mi)) && mi < 60) {
		size_t q = tok(m, sp(m, j), "phut");

		return q ? q : j;
	}
	return k;
}

enum { L_DATE = 1, L_IN = 2, L_WHOLE = 4 };

/* Lead-ins, longer before their prefixes; "" last. L_DATE: a date follows; L_IN: "trong …". */
static const struct {
	const char *w;
	unsigned fl;
} leads[] = {
    {"xong truoc ngay", L_DATE},
    {"cham nhat la ngay", L_DATE},
    {"cham nhat vao ngay", L_DATE},
    {"cham nhat ngay", L_DATE},
    {"han chot la ngay", L_DATE},
    {"han chot ngay", L_DATE},
    {"truoc ngay", L_DATE},
    {"den het ngay", L_DATE},
    {"den ngay", L_DATE},
    {"trong ngay", L_DATE},
    {"ngay", L_DATE | L_WHOLE},
    {"cham nhat trong", L_IN},
    {"cham nhat la", 0},
    {"cham nhat", 0},
    {"xong trong", L_IN},
    {"xong truoc", 0},
    {"han chot la", 0},
    {"han chot", 0},
    {"truoc", 0},
    /* the meeting the result is reported at: "tại phiên họp tháng 11/2025" */
    {"tai phien hop", 0},
    {"tai hoi nghi giao ban", 0},
    {"tai cuoc hop giao ban", 0},
    {"den het", 0},
    {"den", 0},
    {"trong", L_IN},
    {"han", L_WHOLE},
    {"", 0},
};

/*
 * The deadline after a lead-in at p (lead fl), as the mode allows. 1 with d
 * and *ret_end; 0 when there is none; ERR_INVAL for a bad date (e set).
 */
static int after_lead(const char *text, const struct fmap *m, size_t p, unsigned fl, bool lead,
		      bool whole, int default_year, struct vn_deadline *d, size_t *ret_end,
		      struct err *e)
{
	size_t j, k;
	int n, y;
	bool bare;

	/* "trước 16 giờ 00 ngày 15/10/2025": the hour is kept in the words, the day is the date */
	if (lead && !(fl & (L_DATE | L_IN)) && (j = clock_time(m, p)) &&
	    (k = tok(m, sp(m, j), "ngay"))) {
		int r = date_at(text, m, sp(m, k), default_year, &d->date, ret_end, e);

		if (r > 0)
			d->form = VN_DL_DATE;
		return r;
	}
	if ((fl & L_DATE) || whole) {
		int r = date_at(text, m, p, default_year, &d->date, ret_end, e);

		if (r != 0 || (fl & L_DATE)) {
			if (r > 0)
				d->form = VN_DL_DATE;
			return r;
		}
	}
	if ((j = tok(m, p, "quy"))) {
		static const char *const romans[] = {"iv", "iii", "ii", "i", "4", "3", "2", "1"};

		j = sp(m, j);
		for (size_t r = 0; r < 8; r++) {
			if ((k = tok(m, j, romans[r]))) {
				if (!(k = year_after(m, k, default_year, &y)))
					return 0;
				*d = (struct vn_deadline){.form = VN_DL_PERIOD,
							  .unit = VN_DL_QUARTER,
							  .n = 4 - (int)(r % 4),
							  .year = y};
				*ret_end = k;
				return 1;
			}
		}
		return 0;
	}
	/* Alone in a sentence, only a quarter or a span counted to the future ("02 tháng tới"). */
	bare = !lead && !whole;
	if (!bare && (j = tok(m, p, "thang"))) {
		if (!(k = num(m, sp(m, j), 2, &n)) || n < 1 || n > 12)
			return 0;
		if (!(k = year_after(m, k, default_year, &y)))
			return 0;
		*d = (struct vn_deadline){
		    .form = VN_DL_PERIOD, .unit = VN_DL_MONTH, .n = n, .year = y};
		*ret_end = k;
		return 1;
	}
	if (!bare && (j = tok(m, p, "nam")) && (k = year4(m, sp(m, j), &y))) {
		*d = (struct vn_deadline){.form = VN_DL_PERIOD, .unit = VN_DL_YEAR, .year = y};
		*ret_end = k;
		return 1;
	}
	if ((j = count(m, p, &n))) {
		static const struct {
			const char *w;
			enum vn_dl_unit u;
			int max;
		} units[] = {{"thang", VN_DL_MONTHS, 120},
			     {"ngay", VN_DL_DAYS, 3650},
			     {"tuan", VN_DL_WEEKS, 520}};

		j = sp(m, j);
		if (!bare && (k = tok(m, j, "thang"))) {
			size_t h = sp(m, k), z;
			bool first = (z = tok(m, h, "dau")) != 0;

			if (first || (z = tok(m, h, "cuoi"))) {
				if (!(z = tok(m, sp(m, z), "nam")))
					return 0;
				if (!(z = year4(m, sp(m, z), &y))) {
					if (default_year <= 0)
						return 0;
					y = default_year;
					z = h + strlen(first ? "dau nam" : "cuoi nam");
				}
				if (n < 1 || n > 11)
					return 0;
				*d = (struct vn_deadline){.form = VN_DL_PERIOD,
							  .unit = first ? VN_DL_FIRST_MONTHS
									: VN_DL_LAST_MONTHS,
							  .n = n,
							  .year = y};
				*ret_end = z;
				return 1;
			}
		}
		for (size_t u = 0; u < 3; u++) {
			size_t t;

			if (!(k = tok(m, j, units[u].w)))
				continue;
			t = tok(m, sp(m, k), "toi");
			if (!t && !whole && !(fl & L_IN))
				return 0;
			if (n < 1 || n > units[u].max)
				return 0;
			*d = (struct vn_deadline){.form = VN_DL_SPAN, .unit = units[u].u, .n = n};
			*ret_end = t ? t : k;
			return 1;
		}
	}
	return 0;
}

/* A deadline starting at i, its lead-in included; 1, 0 or ERR_INVAL as after_lead. */
static int match_at(const char *text, const struct fmap *m, size_t i, bool whole, int default_year,
		    struct vn_deadline *d, size_t *ret_end, size_t *ret_lead, struct err *e)
{
	size_t j;
	int bad = 0;

	if ((j = tok(m, i, "thuong xuyen"))) {
		*d = (struct vn_deadline){.form = VN_DL_STANDING};
		*ret_end = j;
		*ret_lead = i;
		return 1;
	}
	for (size_t l = 0; l < sizeof(leads) / sizeof(leads[0]); l++) {
		size_t p = i;
		int r;

		if ((leads[l].fl & L_WHOLE) && !whole)
			continue;
		if (leads[l].w[0]) {
			if (!(p = tok(m, i, leads[l].w)))
				continue;
			p = sp(m, p);
		}
		r = after_lead(text, m, p, leads[l].fl, leads[l].w[0] != 0, whole, default_year, d,
			       ret_end, e);
		if (r > 0 && whole && sp(m, *ret_end) < m->n)
			r = 0; /* more words follow: try a shorter lead-in */
		if (r > 0) {
			*ret_lead = p;
			return 1;
		}
		if (r < 0)
			bad = r;
	}
	return bad;
}

int vn_deadline_scan(const char *text, size_t len, int default_year, unsigned flags,
		     struct vn_deadline *ret, struct err *e)
{
	struct fmap m = {0};
	struct vn_deadline d = {VN_DL_NONE, 0, 0, 0, {0, 0, 0}, VN_DL_DAYS, 0, 0};
	bool whole = (flags & VN_DL_WHOLE) != 0;
	size_t end = 0, lead = 0, i;
	int r, bad = 0;

	if (len > DL_TEXT_MAX)
		return err_set(e, ERR_TOOBIG, "văn bản quá dài (quá %u byte)", DL_TEXT_MAX);
	r = fmap_build(text, len, &m);
	if (r < 0) {
		r = err_set(e, r, "văn bản không phải UTF-8 hợp lệ");
		goto out;
	}
	/* The trailing stop of a sentence is not part of the deadline. */
	while (whole && m.n > 0 && strchr(" .,;", m.f[m.n - 1]))
		m.n--;
	i = sp(&m, 0);
	if (whole && i == m.n)
		goto done;
	for (; i < m.n; i++) {
		if (i > 0 && alnum(m.f[i - 1]))
			continue;
		if (m.f[i] == ' ')
			continue;
		r = match_at(text, &m, i, whole, default_year, &d, &end, &lead, e);
		if (r > 0) {
			d.off = m.at[i];
			d.len = m.at[end] - m.at[i];
			d.lead = m.at[lead] - m.at[i];
			goto done;
		}
		if (r < 0)
			bad = r;
		if (whole)
			break;
	}
	if (whole) {
		/* "Thực hiện thường xuyên": a standing task however it is put. */
		for (i = 0; i < m.n; i++)
			if ((i == 0 || !alnum(m.f[i - 1])) && tok(&m, i, "thuong xuyen")) {
				d = (struct vn_deadline){.form = VN_DL_STANDING, .len = len};
				goto done;
			}
	}
	r = whole && bad ? bad : ERR_NOTFOUND;
	goto out;
done:
	*ret = d;
	r = 0;
out:
	free(m.f);
	free(m.at);
	return r;
}
