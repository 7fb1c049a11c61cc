/* text.c: Unicode for Vietnamese with ICU: NFC, the search key (fold), collation, upper case. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/*
 * Texts larger than this are refused by the conversions that need UTF-16
 * scratch space (NFC, sort keys, upper case): 64 MiB is far above any field
 * or document dondoc stores, and keeps a size computation from overflowing.
 */
#define TEXT_MAX ((size_t)64 << 20)

/* Offset of the first ill-formed UTF-8 sequence, or len when s is valid. */
static size_t utf8_invalid_at(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	int32_t i = 0, n;
	UChar32 c;

	if (len > TEXT_MAX)
		return 0;
	n = (int32_t)len;
	while (i < n) {
		int32_t at = i;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		U8_NEXT(p, i, n, c);
		if (c < 0)
			return (size_t)at;
	}
	return len;
}

static int bad_utf8(struct err *e, size_t len, size_t at)
{
	if (len > TEXT_MAX)
		return err_set(e, ERR_TOOBIG, "Văn bản quá dài (%zu byte)", len);
	return err_set(e, ERR_INVAL, "Văn bản không phải UTF-8 hợp lệ: byte thứ %zu sai mã",
		       at + 1);
}

int vn_text_check(const char *s, size_t len, const char *what, struct err *e)
{
	const char *nul = len ? memchr(s, '\0', len) : NULL;
	size_t at;

	if (nul)
		return err_set(
		    e, ERR_INVAL,
		    "%s không phải văn bản: có byte NUL (0x00) ở byte thứ %zu; không ghi gì", what,
		    (size_t)(nul - s) + 1);
	if (len > TEXT_MAX)
		return err_set(e, ERR_TOOBIG, "%s quá dài (%zu byte)", what, len);
	at = utf8_invalid_at(s, len);
	if (at < len)
		return err_set(e, ERR_INVAL,
			       "%s không phải văn bản UTF-8 hợp lệ: byte thứ %zu (0x%02X) sai mã; "
			       "hãy lưu tệp dạng UTF-8; không ghi gì",
			       what, at + 1, (unsigned)(unsigned char)s[at]);
	return 0;
}

static bool all_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* s as UTF-16 in a new array (caller frees); *ret_n its length. */
static int to_utf16(const char *s, size_t len, UChar **ret, int32_t *ret_n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n = 0;
	UChar *u;

	if (len > TEXT_MAX)
		return ERR_TOOBIG;
	/* A UTF-8 string never has more UTF-16 units than bytes. */
	u = malloc((len + 1) * sizeof(UChar));
	if (!u)
		return ERR_NOMEM;
	u_strFromUTF8(u, (int32_t)len + 1, &n, s, (int32_t)len, &st);
	if (U_FAILURE(st)) {
		free(u);
		return ERR_INVAL;
	}
	*ret = u;
	*ret_n = n;
	return 0;
}

/* Appends UTF-16 u[0..n) as UTF-8. */
static int add_utf16(struct buf *out, const UChar *u, int32_t n)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t need = 0;
	char *p;
	int r;

	u_strToUTF8(NULL, 0, &need, u, n, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return ERR_INVAL;
	p = malloc((size_t)need + 1);
	if (!p)
		return ERR_NOMEM;
	st = U_ZERO_ERROR;
	u_strToUTF8(p, need + 1, NULL, u, n, &st);
	r = U_FAILURE(st) ? ERR_INVAL : buf_add(out, p, (size_t)need);
	free(p);
	return r;
}

int vn_nfc(const char *s, size_t len, struct buf *out, struct err *e)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *u = NULL, *v = NULL;
	int32_t n = 0, m, yes;
	size_t bad_at;
	int r;

	if (all_ascii(s, len))
		return buf_add(out, s, len);
	bad_at = utf8_invalid_at(s, len);
	if (bad_at != len)
		return bad_utf8(e, len, bad_at);
	nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st))
		return err_set(e, ERR_INTERNAL, "Không nạp được bảng chuẩn hóa Unicode (ICU)");
	r = to_utf16(s, len, &u, &n);
	if (r < 0)
		goto out;
	/* Most text arrives in NFC already: copy it as it is. */
	yes = unorm2_spanQuickCheckYes(nfc, u, n, &st);
	if (U_SUCCESS(st) && yes == n) {
		r = buf_add(out, s, len);
		goto out;
	}
	st = U_ZERO_ERROR;
	m = unorm2_normalize(nfc, u, n, NULL, 0, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		r = ERR_INTERNAL;
		goto out;
	}
	v = malloc(((size_t)m + 1) * sizeof(UChar));
	if (!v) {
		r = ERR_NOMEM;
		goto out;
	}
	st = U_ZERO_ERROR;
	unorm2_normalize(nfc, u, n, v, m + 1, &st);
	r = U_FAILURE(st) ? ERR_INTERNAL : add_utf16(out, v, m);
out:
	free(u);
	free(v);
	return r;
}

bool vn_is_nfc(const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *u = NULL;
	int32_t n = 0;
	bool yes;

	if (all_ascii(s, len))
		return true;
	if (utf8_invalid_at(s, len) != len)
		return false;
	nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st) || to_utf16(s, len, &u, &n) < 0)
		return false;
	yes = unorm2_isNormalized(nfc, u, n, &st) && U_SUCCESS(st);
	free(u);
	return yes;
}

/*
 * The search key is built in a small stack buffer flushed into out, so
 * that folding costs a few comparisons per ASCII byte and at most one ICU
 * decomposition per other code point (Vietnamese letters are then cached for
 * the rest of the call); nothing is shared between calls or threads.
 */
struct fold {
	struct buf *out;
	size_t n;
	bool space;   /* a space is owed before the next letter */
	bool started; /* something was written: leading white space is dropped */
	int err;
	char tmp[512];
};

static void fold_flush(struct fold *f)
{
	if (f->n && !f->err)
		f->err = buf_add(f->out, f->tmp, f->n);
	f->n = 0;
}

/* Writes one code point of the key, paying any owed space first. */
static void fold_emit(struct fold *f, UChar32 c)
{
	if (f->n + 8 > sizeof(f->tmp))
		fold_flush(f);
	if (f->space) {
		f->tmp[f->n++] = ' ';
		f->space = false;
	}
	if (c < 0x80) {
		f->tmp[f->n++] = (char)c;
	} else {
		int32_t i = (int32_t)f->n;

		U8_APPEND_UNSAFE((uint8_t *)f->tmp, i, c);
		f->n = (size_t)i;
	}
	f->started = true;
}

static void fold_space(struct fold *f)
{
	if (f->started)
		f->space = true;
}

static bool is_mark(UChar32 c)
{
	int8_t t = (int8_t)u_charType(c);

	return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

/* One code point of the source, beyond ASCII. */
static void fold_cp(struct fold *f, const UNormalizer2 *nfkd, UChar32 c)
{
	UChar d[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, i = 0;

	if (c == 0x0110 || c == 0x0111) { /* Đ đ: a letter of its own, folded to d */
		fold_emit(f, 'd');
		return;
	}
	if (u_isUWhiteSpace(c)) {
		fold_space(f);
		return;
	}
	if (is_mark(c))
		return;
	n = unorm2_getDecomposition(nfkd, c, d, (int32_t)(sizeof(d) / sizeof(d[0])), &st);
	if (n < 0 || U_FAILURE(st)) {
		fold_emit(f, u_tolower(c));
		return;
	}
	while (i < n) {
		UChar32 x;

		U16_NEXT(d, i, n, x);
		if (x == 0x0110 || x == 0x0111)
			fold_emit(f, 'd');
		else if (u_isUWhiteSpace(x))
			fold_space(f);
		else if (!is_mark(x))
			fold_emit(f, u_tolower(x));
	}
}

/*
 * Vietnamese letters live in two small ranges (Latin-1 and Latin Extended-A/B
 * up to ư, and Latin Extended Additional for the toned vowels). Each of them
 * folds to one ASCII letter; a per-call cache remembers it after the first
 * ICU lookup (0: not looked up yet, 0xff: not a single ASCII letter).
 */
#define FOLD_LO1 0x00c0
#define FOLD_HI1 0x01b0
#define FOLD_LO2 0x1ea0
#define FOLD_HI2 0x1ef9
#define FOLD_N1 (FOLD_HI1 - FOLD_LO1 + 1)
#define FOLD_N2 (FOLD_HI2 - FOLD_LO2 + 1)

static uint8_t *fold_slot(uint8_t *cache, UChar32 c)
{
	if (c >= FOLD_LO1 && c <= FOLD_HI1)
		return &cache[c - FOLD_LO1];
	if (c >= FOLD_LO2 && c <= FOLD_HI2)
		return &cache[FOLD_N1 + (c - FOLD_LO2)];
	return NULL;
}

/* The single ASCII letter c folds to, or 0xff. */
static uint8_t fold_simple(const UNormalizer2 *nfkd, UChar32 c)
{
	UChar d[32];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, i = 0;
	uint8_t r = 0xff;

	if (c == 0x0110 || c == 0x0111)
		return 'd';
	n = unorm2_getDecomposition(nfkd, c, d, (int32_t)(sizeof(d) / sizeof(d[0])), &st);
	if (n < 0 || U_FAILURE(st))
		return 0xff;
	while (i < n) {
		UChar32 x;

		U16_NEXT(d, i, n, x);
		if (is_mark(x))
			continue;
		x = u_tolower(x);
		if (r != 0xff || x < 'a' || x > 'z')
			return 0xff;
		r = (uint8_t)x;
	}
	return r;
}

int vn_fold(const char *s, size_t len, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = NULL;
	const uint8_t *p = (const uint8_t *)s;
	uint8_t cache[FOLD_N1 + FOLD_N2];
	struct fold f;
	size_t i = 0;

	if (len > TEXT_MAX)
		return ERR_TOOBIG;
	f.out = out;
	f.n = 0;
	f.space = f.started = false;
	f.err = 0;
	while (i < len && !f.err) {
		uint8_t b = p[i];

		if (b < 0x80) {
			if (b == ' ' || (b >= '\t' && b <= '\r')) {
				fold_space(&f);
			} else {
				if (f.n + 2 > sizeof(f.tmp))
					fold_flush(&f);
				if (f.space) {
					f.tmp[f.n++] = ' ';
					f.space = false;
				}
				f.tmp[f.n++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
				f.started = true;
			}
			i++;
		} else {
			int32_t j = (int32_t)i;
			uint8_t *slot;
			UChar32 c;

			U8_NEXT(p, j, (int32_t)len, c);
			if (c < 0)
				return ERR_INVAL;
			i = (size_t)j;
			if (!nfkd) {
				nfkd = unorm2_getNFKDInstance(&st);
				if (U_FAILURE(st))
					return ERR_INTERNAL;
				memset(cache, 0, sizeof(cache));
			}
			slot = fold_slot(cache, c);
			if (slot && !*slot)
				*slot = fold_simple(nfkd, c);
			if (slot && *slot != 0xff)
				fold_emit(&f, *slot);
			else
				fold_cp(&f, nfkd, c);
		}
	}
	fold_flush(&f);
	return f.err;
}

struct vn_collator {
	UCollator *coll;
};

int vn_collator_new(struct vn_collator **ret)
{
	UErrorCode st = U_ZERO_ERROR;
	struct vn_collator *c = calloc(1, sizeof(*c));

	if (!c)
		return ERR_NOMEM;
	c->coll = ucol_open("vi", &st);
	/* Falling back to the root order would sort đ after z wrongly: refuse it. */
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) {
		if (c->coll)
			ucol_close(c->coll);
		free(c);
		return ERR_INTERNAL;
	}
	*ret = c;
	return 0;
}

void vn_collator_free(struct vn_collator *c)
{
	if (!c)
		return;
	ucol_close(c->coll);
	free(c);
}

static int sign(int v)
{
	return v < 0 ? -1 : v > 0 ? 1 : 0;
}

static int collate_n(struct vn_collator *c, const char *a, size_t an, const char *b, size_t bn)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollationResult r;

	if (an > INT32_MAX || bn > INT32_MAX)
		return sign(strcmp(a, b));
	r = ucol_strcollUTF8(c->coll, a, (int32_t)an, b, (int32_t)bn, &st);
	if (U_FAILURE(st))
		return 0;
	return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

int vn_collate(struct vn_collator *c, const char *a, const char *b)
{
	int r = collate_n(c, a, strlen(a), b, strlen(b));

	/* Equal under collation (e.g. NFC and NFD spellings): keep a stable total order. */
	return r ? r : sign(strcmp(a, b));
}

static bool ascii_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Splits a name into the given name (last word) and the rest, trimmed. */
static void split_name(const char *s, const char **given, size_t *gn, const char **rest, size_t *rn)
{
	size_t len = strlen(s), end = len, start = 0, g;

	while (start < end && ascii_space(s[start]))
		start++;
	while (end > start && ascii_space(s[end - 1]))
		end--;
	g = end;
	while (g > start && !ascii_space(s[g - 1]))
		g--;
	*given = s + g;
	*gn = end - g;
	*rest = s + start;
	*rn = g;
	while (*rn > start && ascii_space(s[*rn - 1]))
		(*rn)--;
	*rn -= start;
}

int vn_collate_person(struct vn_collator *c, const char *a, const char *b)
{
	const char *ag, *ar, *bg, *br;
	size_t agn, arn, bgn, brn;
	int r;

	split_name(a, &ag, &agn, &ar, &arn);
	split_name(b, &bg, &bgn, &br, &brn);
	r = collate_n(c, ag, agn, bg, bgn);
	if (r == 0)
		r = collate_n(c, ar, arn, br, brn);
	return r ? r : vn_collate(c, a, b);
}

/* Appends the collation key of s[0..len) in hex, with its terminating 00. */
static int add_key(struct vn_collator *c, const char *s, size_t len, struct buf *out)
{
	static const char hex[] = "0123456789abcdef";
	uint8_t small[256], *key = small;
	UChar *u = NULL;
	int32_t n = 0, kn;
	char *h = NULL;
	int r;

	r = to_utf16(s, len, &u, &n);
	if (r < 0)
		return r;
	kn = ucol_getSortKey(c->coll, u, n, key, (int32_t)sizeof(small));
	if (kn > (int32_t)sizeof(small)) {
		key = malloc((size_t)kn);
		if (!key) {
			r = ERR_NOMEM;
			goto out;
		}
		kn = ucol_getSortKey(c->coll, u, n, key, kn);
	}
	if (kn <= 0) {
		r = ERR_INTERNAL;
		goto out;
	}
	h = malloc((size_t)kn * 2);
	if (!h) {
		r = ERR_NOMEM;
		goto out;
	}
	/* The key ends with its 00 terminator: keep it, so prefixes sort first. */
	for (int32_t i = 0; i < kn; i++) {
		h[2 * i] = hex[key[i] >> 4];
		h[2 * i + 1] = hex[key[i] & 15];
	}
	r = buf_add(out, h, (size_t)kn * 2);
out:
	free(h);
	if (key != small)
		free(key);
	free(u);
	return r;
}

int vn_sort_key(struct vn_collator *c, const char *s, struct buf *out)
{
	size_t len = strlen(s);

	if (utf8_invalid_at(s, len) != len)
		return ERR_INVAL;
	return add_key(c, s, len, out);
}

int vn_person_sort_key(struct vn_collator *c, const char *s, struct buf *out)
{
	const char *g, *rest;
	size_t gn, rn, len = strlen(s);
	int r;

	if (utf8_invalid_at(s, len) != len)
		return ERR_INVAL;
	split_name(s, &g, &gn, &rest, &rn);
	r = add_key(c, g, gn, out);
	if (r == 0)
		r = add_key(c, rest, rn, out);
	return r;
}

int vn_upper(const char *s, size_t len, struct buf *out)
{
	UErrorCode st = U_ZERO_ERROR;
	UCaseMap *cm;
	int32_t need;
	char *p = NULL;
	int r;

	if (len > TEXT_MAX)
		return ERR_TOOBIG;
	if (utf8_invalid_at(s, len) != len)
		return ERR_INVAL;
	cm = ucasemap_open("vi", 0, &st);
	if (U_FAILURE(st))
		return ERR_INTERNAL;
	need = ucasemap_utf8ToUpper(cm, NULL, 0, s, (int32_t)len, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st)) {
		r = ERR_INTERNAL;
		goto out;
	}
	p = malloc((size_t)need + 1);
	if (!p) {
		r = ERR_NOMEM;
		goto out;
	}
	st = U_ZERO_ERROR;
	ucasemap_utf8ToUpper(cm, p, need + 1, s, (int32_t)len, &st);
	r = U_FAILURE(st) ? ERR_INTERNAL : buf_add(out, p, (size_t)need);
out:
	free(p);
	ucasemap_close(cm);
	return r;
}
