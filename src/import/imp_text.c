/* imp_text.c: the importer's text helpers: case, words, phrase matching, small numbers, dates. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "import/imp_int.h"

size_t imp_utf8_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	if ((c & 0xF8) == 0xF0)
		return 4;
	return 1;
}

static unsigned imp_decode(const char *s, size_t len, size_t i, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s + i;
	size_t k = imp_utf8_len(u[0]);

	if (i + k > len)
		k = 1;
	*n = k;
	switch (k) {
	case 2:
		return ((unsigned)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	case 3:
		return ((unsigned)(u[0] & 0x0F) << 12) | ((unsigned)(u[1] & 0x3F) << 6) |
		       (u[2] & 0x3F);
	case 4:
		return ((unsigned)(u[0] & 0x07) << 18) | ((unsigned)(u[1] & 0x3F) << 12) |
		       ((unsigned)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
	default:
		return u[0];
	}
}

static void imp_encode(unsigned cp, size_t n, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (n == 2) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (n == 3) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
	}
}

/* Case pairs of the Vietnamese alphabet; each keeps its UTF-8 length. */
static unsigned imp_cp_lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;
	if (cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168 || cp == 0x1A0)
		return cp + 1;
	if (cp == 0x1AF)
		return 0x1B0;
	if (cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0)
		return cp + 1;
	return cp;
}

static unsigned imp_cp_upper(unsigned cp)
{
	if (cp >= 'a' && cp <= 'z')
		return cp - 32;
	if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
		return cp - 0x20;
	if (cp == 0x103 || cp == 0x111 || cp == 0x129 || cp == 0x169 || cp == 0x1A1)
		return cp - 1;
	if (cp == 0x1B0)
		return 0x1AF;
	if (cp >= 0x1EA1 && cp <= 0x1EF9 && cp % 2 == 1)
		return cp - 1;
	return cp;
}

void imp_lower(const char *s, size_t len, char *out)
{
	size_t i = 0, n;

	while (i < len) {
		unsigned cp;

		if ((unsigned char)s[i] < 0x80) {
			out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
			i++;
			continue;
		}
		cp = imp_decode(s, len, i, &n);
		unsigned lo = imp_cp_lower(cp);

		if (lo != cp && n > 1)
			imp_encode(lo, n, out + i);
		else if (lo != cp)
			out[i] = (char)lo;
		else
			memcpy(out + i, s + i, n);
		i += n;
	}
}

bool imp_is_upper_at(const char *s, size_t len, size_t i)
{
	size_t n;
	unsigned cp = imp_decode(s, len, i, &n);

	return imp_cp_lower(cp) != cp;
}

bool imp_is_lower_at(const char *s, size_t len, size_t i)
{
	size_t n;
	unsigned cp = imp_decode(s, len, i, &n);

	return imp_cp_upper(cp) != cp;
}

bool imp_all_caps(const char *s, size_t len)
{
	bool letters = false;

	for (size_t i = 0; i < len; i += imp_utf8_len((unsigned char)s[i])) {
		if (imp_is_lower_at(s, len, i))
			return false;
		if (imp_is_upper_at(s, len, i))
			letters = true;
	}
	return letters;
}

/* Letters and digits (and the bytes of non-ASCII letters) make words; punctuation does not. */
bool imp_is_word_byte(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	/* General punctuation U+2000–U+206F (quotes, dashes, ellipsis) is not a letter. */
	if (c == 0xE2 && i + 1 < len &&
	    ((unsigned char)s[i + 1] == 0x80 || (unsigned char)s[i + 1] == 0x81))
		return false;
	if ((c & 0xC0) == 0x80) { /* a continuation byte: look at its lead */
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
		return imp_is_word_byte(s, len, i);
	}
	return true;
}

bool imp_word_start(const struct imp_para *p, size_t i)
{
	return i == 0 || !imp_is_word_byte(p->s, p->len, i - 1);
}

size_t imp_match_rest(const struct imp_para *p, size_t i, const char *phrase)
{
	size_t n;

	if (phrase[1] && (i + 1 >= p->len || p->lo[i + 1] != phrase[1]))
		return 0;
	n = strlen(phrase);

	if (i + n > p->len || memcmp(p->lo + i, phrase, n) != 0)
		return 0;
	if (i + n < p->len && imp_is_word_byte(p->s, p->len, i + n) &&
	    imp_is_word_byte(phrase, n, n - 1))
		return 0;
	return n;
}

size_t imp_find(const struct imp_para *p, size_t i, size_t end, const char *phrase)
{
	size_t n = strlen(phrase);

	if (end > p->len)
		end = p->len;
	while (i + n <= end) {
		const char *f = memmem(p->lo + i, end - i, phrase, n);

		if (!f)
			break;
		i = (size_t)(f - p->lo);
		if (imp_word_start(p, i) && imp_match(p, i, phrase))
			return i;
		i++;
	}
	return (size_t)-1;
}

size_t imp_skip_space(const struct imp_para *p, size_t i)
{
	while (i < p->len && p->s[i] == ' ')
		i++;
	return i;
}

char *imp_clean(struct arena *a, const char *s, size_t len, const char *trim, bool cap)
{
	char *r;
	size_t n;

	while (len > 0 && (s[0] == ' ' || strchr(trim, s[0]))) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || strchr(trim, s[len - 1])))
		len--;
	r = arena_strndup(a, s, len);
	if (r && cap && len > 0) {
		unsigned cp = imp_decode(r, len, 0, &n);
		unsigned up = imp_cp_upper(cp);

		if (up != cp && n > 1)
			imp_encode(up, n, r);
		else if (up != cp)
			r[0] = (char)up;
	}
	return r;
}

int imp_line_at(const struct imp_para *p, size_t off)
{
	int line = p->line;

	for (int i = 0; i < p->nbrk && (size_t)p->brk[i] <= off; i++)
		line++;
	return line;
}

static size_t imp_digits(const char *s, size_t len, size_t i, int maxd, int *ret)
{
	size_t j = i;
	int v = 0;

	while (j < len && s[j] >= '0' && s[j] <= '9' && (int)(j - i) < maxd) {
		v = v * 10 + (s[j] - '0');
		j++;
	}
	if (j == i || (j < len && s[j] >= '0' && s[j] <= '9'))
		return 0;
	*ret = v;
	return j - i;
}

size_t imp_date_at(const struct imp_para *p, size_t i, int default_year, struct vn_date *ret)
{
	const char *s = p->s;
	size_t len = p->len, j = i, k;
	int d, m, y = default_year;

	if (!imp_word_start(p, i))
		return 0;
	k = imp_digits(s, len, j, 2, &d);
	if (!k)
		return 0;
	j += k;
	if (j < len && (s[j] == '/' || s[j] == '-' || s[j] == '.')) {
		char sep = s[j++];

		k = imp_digits(s, len, j, 2, &m);
		if (!k)
			return 0;
		j += k;
		if (j + 1 < len && s[j] == sep && s[j + 1] >= '0' && s[j + 1] <= '9') {
			k = imp_digits(s, len, j + 1, 4, &y);
			if (k != 4)
				return 0;
			j += 1 + k;
		} else if (sep != '/') {
			return 0;
		}
	} else {
		/* "04 tháng 10 năm 2023" */
		size_t t = imp_skip_space(p, j);

		if (!imp_match(p, t, "tháng"))
			return 0;
		t = imp_skip_space(p, t + strlen("tháng"));
		k = imp_digits(s, len, t, 2, &m);
		if (!k)
			return 0;
		j = t + k;
		t = imp_skip_space(p, j);
		if (imp_match(p, t, "năm")) {
			t = imp_skip_space(p, t + strlen("năm"));
			k = imp_digits(s, len, t, 4, &y);
			if (k != 4)
				return 0;
			j = t + k;
		}
	}
	if (j < len && imp_is_word_byte(s, len, j))
		return 0;
	if (!vn_date_valid(y, m, d))
		return 0;
	ret->y = y;
	ret->m = m;
	ret->d = d;
	return j - i;
}

size_t imp_roman_at(const char *s, size_t len, size_t i, int *ret)
{
	static const char *const romans[] = {
	    "XXX", "XXIX", "XXVIII", "XXVII", "XXVI", "XXV", "XXIV", "XXIII", "XXII", "XXI",
	    "XX",  "XIX",  "XVIII",  "XVII",  "XVI",  "XV",  "XIV",  "XIII",  "XII",  "XI",
	    "X",   "IX",   "VIII",   "VII",   "VI",   "V",   "IV",   "III",   "II",   "I"};

	for (size_t k = 0; k < sizeof(romans) / sizeof(romans[0]); k++) {
		size_t n = strlen(romans[k]);

		if (i + n <= len && memcmp(s + i, romans[k], n) == 0 &&
		    (i + n == len || !imp_is_word_byte(s, len, i + n))) {
			*ret = 30 - (int)k;
			return n;
		}
	}
	return 0;
}

size_t imp_small_number_at(const struct imp_para *p, size_t i, int *ret)
{
	static const char *const words[] = {"mười hai", "mười một", "mười", "một", "hai", "ba",
					    "bốn",	"năm",	    "sáu",  "bảy", "tám", "chín"};
	static const int values[] = {12, 11, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9};
	size_t k;

	k = imp_digits(p->s, p->len, i, 2, ret);
	if (k)
		return k;
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		k = imp_match(p, i, words[w]);
		if (k) {
			*ret = values[w];
			return k;
		}
	}
	return 0;
}

void imp_mask(struct imp_para *p, size_t from, size_t to)
{
	if (to > p->len)
		to = p->len;
	if (from < to)
		memset(p->mask + from, 1, to - from);
}

int imp_warn(struct imp_ctx *c, int line, const char *fmt, ...)
{
	struct imp_warning *w;
	char msg[400];
	va_list ap;
	int i;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* One more than the other lists: room for the warning that a list was cut. */
	i = imp_push_max(c, (void **)&c->n->warnings, &c->n->nwarnings, &c->cap[7], sizeof(*w),
			 IMP_MAX_ITEMS + 1);
	if (i == ERR_TOOBIG)
		return 0; /* past the cap, warnings are dropped: the text is still read */
	if (i < 0)
		return i;
	w = &c->n->warnings[i];
	w->line = line;
	w->text = arena_strdup(c->a, msg);
	return w->text ? 0 : ERR_NOMEM;
}

int imp_push(struct imp_ctx *c, void **arr, int *n, int *cap, size_t sz)
{
	return imp_push_max(c, arr, n, cap, sz, IMP_MAX_ITEMS);
}

int imp_push_max(struct imp_ctx *c, void **arr, int *n, int *cap, size_t sz, int max)
{
	if (*n >= max)
		return ERR_TOOBIG;
	if (*n >= *cap) {
		int ncap = *cap ? *cap * 2 : 8;
		void *na = arena_alloc(c->a, (size_t)ncap * sz);

		if (!na)
			return ERR_NOMEM;
		if (*n)
			memcpy(na, *arr, (size_t)*n * sz);
		*arr = na;
		*cap = ncap;
	}
	memset((char *)*arr + (size_t)*n * sz, 0, sz);
	return (*n)++;
}

/* A full stop that ends a sentence (not the dot grouping a number's thousands). */
bool imp_sentence_end(const struct imp_para *p, size_t i)
{
	if (p->s[i] != '.' || (i > 0 && p->s[i - 1] >= '0' && p->s[i - 1] <= '9' &&
			       i + 1 < p->len && p->s[i + 1] >= '0' && p->s[i + 1] <= '9'))
		return false;
	return i + 1 == p->len || p->s[i + 1] == '/' ||
	       (p->s[i + 1] == ' ' && i + 2 < p->len && !imp_is_lower_at(p->s, p->len, i + 2));
}
