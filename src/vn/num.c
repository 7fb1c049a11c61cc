/* num.c: Vietnamese numbers ("1.593,851", "106,7%", "4,6 nghìn tỷ") as exact scaled integers. */
#include "num.h"

#include <string.h>

/*
 * Arithmetic is done on __int128 with __builtin_*_overflow checks: an int64
 * value rescaled by up to 10^18 and multiplied by 100 fits, and anything that
 * would not is reported instead of wrapping.
 */
typedef __int128 i128;

static const int64_t pow10_tab[19] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static bool scale_ok(int scale)
{
	return scale >= 0 && scale <= VN_DEC_MAXSCALE;
}

/* The text quoted in messages: at most 40 bytes of it. */
#define QUOTE_MAX 40
static int quote_len(size_t len)
{
	return len > QUOTE_MAX ? QUOTE_MAX : (int)len;
}

static int bad(struct err *e, const char *s, size_t len, size_t pos, const char *why)
{
	return err_set(e, ERR_INVAL, "Số \"%.*s\" không hợp lệ ở vị trí %zu: %s", quote_len(len), s,
		       pos + 1, why);
}

/* Appends one digit to an accumulating magnitude; false on overflow. */
static bool acc_digit(uint64_t *acc, char c)
{
	uint64_t v;

	if (__builtin_mul_overflow(*acc, 10u, &v) ||
	    __builtin_add_overflow(v, (uint64_t)(c - '0'), &v))
		return false;
	*acc = v;
	return true;
}

/* Magnitude and sign to int64; false when out of range. */
static bool to_i64(uint64_t mag, bool neg, int64_t *ret)
{
	if (neg) {
		if (mag > (uint64_t)INT64_MAX + 1)
			return false;
		*ret = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	} else {
		if (mag > (uint64_t)INT64_MAX)
			return false;
		*ret = (int64_t)mag;
	}
	return true;
}

/*
 * Shared by both parsers. grouped: the Vietnamese form ("." groups
 * thousands, "," decimals); otherwise the machine form ("." decimals).
 */
static int dec_scan(const char *s, size_t len, size_t from, size_t to, bool grouped,
		    struct vn_dec *ret, struct err *e)
{
	size_t i = from, end = to, first_group = 0, ndigits = 0;
	uint64_t mag = 0;
	bool neg = false, had_group = false;
	int scale = 0;
	char dec_mark = grouped ? ',' : '.';
	struct vn_dec d;

	while (i < end && is_space(s[i]))
		i++;
	while (end > i && is_space(s[end - 1]))
		end--;
	if (i == end)
		return len == 0 ? err_set(e, ERR_INVAL, "Thiếu số: chuỗi rỗng")
				: bad(e, s, len, i, "thiếu số");
	if (s[i] == '-') {
		neg = true;
		i++;
	}
	if (i == end || !is_digit(s[i]))
		return bad(e, s, len, i, "phải bắt đầu bằng chữ số");
	/* Integer part, with groups of exactly three digits after each "." */
	while (i < end && is_digit(s[i])) {
		if (!acc_digit(&mag, s[i]))
			return bad(e, s, len, i, "số quá lớn");
		i++;
		first_group++;
	}
	while (grouped && i < end && s[i] == '.') {
		size_t dot = i, n = 0;

		if (!had_group && first_group > 3)
			return bad(e, s, len, dot,
				   "nhóm đầu trước dấu chấm phân cách hàng nghìn có quá 3 chữ số");
		if (!had_group && s[dot - first_group] == '0')
			return bad(e, s, len, dot - first_group,
				   "số có phân cách hàng nghìn không bắt đầu bằng 0 "
				   "(phần thập phân viết sau dấu phẩy)");
		had_group = true;
		i++;
		while (i < end && is_digit(s[i])) {
			if (!acc_digit(&mag, s[i]))
				return bad(e, s, len, i, "số quá lớn");
			i++;
			n++;
		}
		if (n != 3)
			return bad(e, s, len, dot,
				   "sau dấu chấm phân cách hàng nghìn phải có đúng 3 chữ số "
				   "(phần thập phân viết sau dấu phẩy)");
	}
	if (i < end && s[i] == dec_mark) {
		size_t mark = i;

		i++;
		while (i < end && is_digit(s[i])) {
			if (scale == VN_DEC_MAXSCALE)
				return bad(e, s, len, i, "quá 9 chữ số thập phân");
			if (!acc_digit(&mag, s[i]))
				return bad(e, s, len, i, "số quá lớn");
			i++;
			scale++;
			ndigits++;
		}
		if (ndigits == 0)
			return bad(e, s, len, mark, "thiếu chữ số sau dấu thập phân");
	}
	if (i < end) {
		if (s[i] == dec_mark)
			return bad(e, s, len, i, "có hơn một dấu thập phân");
		if (grouped && s[i] == '.')
			return bad(e, s, len, i,
				   "dấu chấm phân cách hàng nghìn đứng sau phần thập phân");
		if (!grouped && s[i] == ',')
			return bad(e, s, len, i,
				   "dạng máy dùng dấu chấm thập phân, không dùng dấu phẩy");
		return bad(e, s, len, i, "ký tự không phải chữ số");
	}
	if (!to_i64(mag, neg, &d.units))
		return bad(e, s, len, from, "số quá lớn");
	d.scale = scale;
	*ret = d;
	return 0;
}

int vn_dec_parse(const char *s, size_t len, struct vn_dec *ret, struct err *e)
{
	return dec_scan(s, len, 0, len, true, ret, e);
}

int vn_dec_parse_plain(const char *s, size_t len, struct vn_dec *ret, struct err *e)
{
	return dec_scan(s, len, 0, len, false, ret, e);
}

/* Magnitude of units as unsigned (INT64_MIN safe). */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static int dec_write(struct vn_dec d, unsigned flags, bool grouped, struct buf *out)
{
	char digits[24], tmp[48];
	uint64_t mag;
	size_t n = 0, k = 0, nint;
	int scale;

	if (!scale_ok(d.scale))
		return ERR_INVAL;
	scale = d.scale;
	mag = magnitude(d.units);
	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag);
	/* Enough digits for "0,05": at least scale + 1. */
	while (n < (size_t)scale + 1)
		digits[n++] = '0';
	nint = n - (size_t)scale;
	if ((flags & VN_NUM_PAD2) && nint < 2) {
		digits[n++] = '0';
		nint++;
	}
	if (d.units < 0)
		tmp[k++] = '-';
	for (size_t j = 0; j < nint; j++) {
		size_t left = nint - j;

		if (grouped && !(flags & VN_NUM_NOGROUP) && j > 0 && left % 3 == 0)
			tmp[k++] = '.';
		tmp[k++] = digits[n - 1 - j];
	}
	if (scale > 0) {
		tmp[k++] = grouped ? ',' : '.';
		for (int j = scale - 1; j >= 0; j--)
			tmp[k++] = digits[j];
	}
	return buf_add(out, tmp, k);
}

int vn_dec_format(struct vn_dec d, unsigned flags, struct buf *out)
{
	return dec_write(d, flags, true, out);
}

int vn_dec_format_plain(struct vn_dec d, struct buf *out)
{
	return dec_write(d, 0, false, out);
}

/* units scaled up to scale (>= d.scale, both 0..9): cannot overflow 128 bits. */
static void rescale(struct vn_dec d, int scale, i128 *ret)
{
	int k = scale - d.scale;

	*ret = (i128)d.units * pow10_tab[k < 0 ? 0 : k > 18 ? 18 : k];
}

int vn_dec_cmp(struct vn_dec a, struct vn_dec b)
{
	int s = a.scale > b.scale ? a.scale : b.scale;
	i128 x, y;

	rescale(a, s, &x);
	rescale(b, s, &y);
	return x < y ? -1 : x > y ? 1 : 0;
}

static int fit(i128 v, int scale, struct vn_dec *ret)
{
	if (v > INT64_MAX || v < INT64_MIN)
		return ERR_INVAL;
	ret->units = (int64_t)v;
	ret->scale = scale;
	return 0;
}

int vn_dec_add(struct vn_dec a, struct vn_dec b, struct vn_dec *ret)
{
	int s;
	i128 x, y;

	if (!scale_ok(a.scale) || !scale_ok(b.scale))
		return ERR_INVAL;
	s = a.scale > b.scale ? a.scale : b.scale;
	rescale(a, s, &x);
	rescale(b, s, &y);
	return fit(x + y, s, ret);
}

int vn_dec_sub(struct vn_dec a, struct vn_dec b, struct vn_dec *ret)
{
	int s;
	i128 x, y;

	if (!scale_ok(a.scale) || !scale_ok(b.scale))
		return ERR_INVAL;
	s = a.scale > b.scale ? a.scale : b.scale;
	rescale(a, s, &x);
	rescale(b, s, &y);
	return fit(x - y, s, ret);
}

/* n / d rounded half away from zero; d != 0. */
static i128 div_round(i128 n, i128 d)
{
	i128 q = n / d, r = n % d;
	i128 ar = r < 0 ? -r : r, ad = d < 0 ? -d : d;

	if (ar >= ad - ar)
		q += ((n < 0) != (d < 0)) ? -1 : 1;
	return q;
}

/* Checked product of up to four factors. */
static bool mul4(i128 a, i128 b, i128 c, i128 d, i128 *ret)
{
	i128 v;

	if (__builtin_mul_overflow(a, b, &v) || __builtin_mul_overflow(v, c, &v) ||
	    __builtin_mul_overflow(v, d, &v))
		return false;
	*ret = v;
	return true;
}

int vn_dec_round(struct vn_dec a, int scale, struct vn_dec *ret)
{
	if (!scale_ok(a.scale) || !scale_ok(scale))
		return ERR_INVAL;
	if (scale >= a.scale) {
		i128 v;

		rescale(a, scale, &v);
		return fit(v, scale, ret);
	}
	return fit(div_round(a.units, pow10_tab[a.scale - scale]), scale, ret);
}

/*
 * (x * mul_num) / div, where x and the divisor are decimals: the result in
 * units of 10^-scale is x.units * m * 10^(scale + y.scale) / (y.units * d * 10^x.scale).
 */
static int muldiv(int64_t xu, int xs, int64_t m, int64_t yu, int ys, int64_t dv, int scale,
		  struct vn_dec *ret)
{
	i128 n, d;

	if (!scale_ok(xs) || !scale_ok(ys) || !scale_ok(scale))
		return ERR_INVAL;
	if (yu == 0 || dv == 0)
		return ERR_INVAL;
	if (!mul4(xu, m, pow10_tab[scale], pow10_tab[ys], &n))
		return ERR_INVAL;
	if (!mul4(yu, dv, pow10_tab[xs], 1, &d))
		return ERR_INVAL;
	return fit(div_round(n, d), scale, ret);
}

int vn_dec_pct(struct vn_dec a, struct vn_dec b, int scale, struct vn_dec *ret)
{
	return muldiv(a.units, a.scale, 100, b.units, b.scale, 1, scale, ret);
}

int vn_dec_pct_of(struct vn_dec base, struct vn_dec pct, int scale, struct vn_dec *ret)
{
	i128 n, d;

	if (!scale_ok(base.scale) || !scale_ok(pct.scale) || !scale_ok(scale))
		return ERR_INVAL;
	/* base * pct / 100 in units of 10^-scale. */
	if (!mul4(base.units, pct.units, pow10_tab[scale], 1, &n))
		return ERR_INVAL;
	if (!mul4(100, pow10_tab[base.scale], pow10_tab[pct.scale], 1, &d))
		return ERR_INVAL;
	return fit(div_round(n, d), scale, ret);
}

int vn_dec_base_of(struct vn_dec a, struct vn_dec pct, int scale, struct vn_dec *ret)
{
	return muldiv(a.units, a.scale, 100, pct.units, pct.scale, 1, scale, ret);
}

double vn_dec_to_double(struct vn_dec a)
{
	if (!scale_ok(a.scale))
		return 0.0;
	return (double)a.units / (double)pow10_tab[a.scale];
}

bool vn_dec_is_zero(struct vn_dec a)
{
	return a.units == 0;
}

/* Scale words, longest first so that "nghìn tỷ" wins over "nghìn". */
static const struct {
	const char *word;
	int exp;
} amount_words[] = {
    {"nghìn tỷ", 12}, {"ngàn tỷ", 12}, {"nghìn tỉ", 12}, {"ngàn tỉ", 12}, {"nghìn", 3},
    {"ngàn", 3},      {"triệu", 6},    {"tỷ", 9},	 {"tỉ", 9},
};

/* True when the byte at s[i] cannot continue a word (end, space, punctuation). */
static bool word_ends(const char *s, size_t len, size_t i)
{
	unsigned char c;

	if (i >= len)
		return true;
	c = (unsigned char)s[i];
	if (c >= 0x80)
		return false;
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit((char)c));
}

/* End of the number at the start of s: a "." or "," belongs to it only before a digit. */
static size_t number_span(const char *s, size_t len)
{
	size_t i = 0;

	if (i < len && s[i] == '-')
		i++;
	while (i < len) {
		if (is_digit(s[i]))
			i++;
		else if ((s[i] == '.' || s[i] == ',') && i + 1 < len && is_digit(s[i + 1]))
			i++;
		else
			break;
	}
	return i;
}

int vn_amount_parse(const char *s, size_t len, struct vn_amount *ret, size_t *used, struct err *e)
{
	size_t start = 0, n, i;
	struct vn_amount a = {{0, 0}, 0};
	int r;

	while (start < len && is_space(s[start]))
		start++;
	n = number_span(s + start, len - start);
	if (n == 0 || (n == 1 && s[start] == '-'))
		return err_set(e, ERR_INVAL, "Thiếu số ở vị trí %zu của \"%.*s\"", start + 1,
			       quote_len(len), s);
	r = dec_scan(s, len, start, start + n, true, &a.value, e);
	if (r < 0)
		return r;
	i = start + n;
	/* An unrecognised letter right after the digits ("12a") is an error, not a word. */
	if (i < len && !word_ends(s, len, i) && !is_space(s[i]))
		return bad(e, s, len, i, "ký tự không phải chữ số");
	{
		size_t j = i;

		while (j < len && is_space(s[j]))
			j++;
		for (size_t w = 0; w < sizeof(amount_words) / sizeof(amount_words[0]); w++) {
			size_t wl = strlen(amount_words[w].word);

			if (len - j >= wl && memcmp(s + j, amount_words[w].word, wl) == 0 &&
			    word_ends(s, len, j + wl)) {
				a.mult_exp = amount_words[w].exp;
				i = j + wl;
				break;
			}
		}
	}
	*ret = a;
	if (used)
		*used = i;
	return 0;
}

int vn_amount_format(struct vn_amount a, struct buf *out)
{
	const char *word = NULL;
	int r;

	switch (a.mult_exp) {
	case 0:
		break;
	case 3:
		word = "nghìn";
		break;
	case 6:
		word = "triệu";
		break;
	case 9:
		word = "tỷ";
		break;
	case 12:
		word = "nghìn tỷ";
		break;
	default:
		return ERR_INVAL;
	}
	r = vn_dec_format(a.value, 0, out);
	if (r == 0 && word)
		r = buf_printf(out, " %s", word);
	return r;
}

int vn_amount_value(struct vn_amount a, struct vn_dec *ret)
{
	struct vn_dec d = a.value;
	int shift = a.mult_exp;
	i128 v;

	if (!scale_ok(d.scale) || shift < 0 || shift > 18)
		return ERR_INVAL;
	/* Spend the multiplier on the decimals first: 4,6 nghìn tỷ = 4600000000000. */
	while (shift > 0 && d.scale > 0) {
		d.scale--;
		shift--;
	}
	if (!mul4(d.units, pow10_tab[shift], 1, 1, &v))
		return ERR_INVAL;
	return fit(v, d.scale, ret);
}

int vn_pct_parse(const char *s, size_t len, struct vn_dec *ret, struct err *e)
{
	size_t end = len, pct;

	while (end > 0 && is_space(s[end - 1]))
		end--;
	if (end == 0 || s[end - 1] != '%')
		return err_set(e, ERR_INVAL,
			       "Tỷ lệ \"%.*s\" không hợp lệ ở vị trí %zu: thiếu dấu %%",
			       quote_len(len), s, end + 1);
	pct = end - 1;
	while (pct > 0 && is_space(s[pct - 1]))
		pct--;
	return dec_scan(s, len, 0, pct, true, ret, e);
}

int vn_pct_format(struct vn_dec d, struct buf *out)
{
	int r = vn_dec_format(d, 0, out);

	return r < 0 ? r : buf_putc(out, '%');
}

int vn_ratio_parse(const char *s, size_t len, struct vn_ratio *ret, struct err *e)
{
	const char *slash = memchr(s, '/', len);
	struct vn_ratio q;
	size_t at;
	int r;

	if (!slash)
		return err_set(e, ERR_INVAL,
			       "Tỷ số \"%.*s\" không hợp lệ: thiếu dấu / giữa số đạt và chỉ tiêu",
			       quote_len(len), s);
	at = (size_t)(slash - s);
	if (memchr(slash + 1, '/', len - at - 1))
		return bad(e, s, len,
			   (size_t)((const char *)memchr(slash + 1, '/', len - at - 1) - s),
			   "có hơn một dấu /");
	r = dec_scan(s, len, 0, at, true, &q.num, e);
	if (r == 0)
		r = dec_scan(s, len, at + 1, len, true, &q.den, e);
	if (r < 0)
		return r;
	if (q.den.units == 0)
		return bad(e, s, len, at + 1, "chỉ tiêu (mẫu số) bằng 0");
	*ret = q;
	return 0;
}

int vn_ratio_format(struct vn_ratio r, struct buf *out)
{
	int rc = vn_dec_format(r.num, 0, out);

	if (rc == 0)
		rc = buf_putc(out, '/');
	if (rc == 0)
		rc = vn_dec_format(r.den, 0, out);
	return rc;
}
