/* legacy.c: TCVN3 (ABC) and VNI-Windows text to Unicode, and telling them apart. */
#include "legacy.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "text.h"

/*
 * Neither ICU nor glibc's iconv has a converter for VNI-Windows, and ICU has
 * none for TCVN3 either, so both are decoded here from byte tables.
 *
 * TCVN3 (ABC, TCVN 5712:1993 VN3, the ".VnTime" fonts) is one byte per letter.
 * Its upper half is that of TCVN 5712 VN1 as glibc's iconv knows it
 * (TCVN5712-1), which the unit test checks byte by byte: lower-case toned
 * letters, the seven capitals Ă Â Ê Ô Ơ Ư Đ at A1-A7, and five combining tone
 * marks at B0-B4. VN3 has no toned capitals: capitals were drawn by the
 * ".VnTimeH" fonts from the lower-case codes, so such headings come out in
 * lower case. Unlike VN1 it leaves 80-9F to the Windows punctuation (curly
 * quotes, dashes), read here as Windows-1252.
 *
 * VNI-Windows writes a vowel as its ASCII base letter followed by one byte
 * for its marks (e + E4 is "ệ": circumflex and dot below), upper-case mark
 * bytes being the lower-case ones less 20; đ, ơ, ư and the toned i and y have
 * bytes of their own. Other bytes are Windows-1252.
 */

/* TCVN3 A0-FF. */
static const uint16_t tcvn3_hi[96] = {
    0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, /* A0 */
    0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0, /* A8 */
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, /* B0 */
    0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, /* B8 */
    0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, /* C0 */
    0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, /* C8 */
    0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, /* D0 */
    0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, /* D8 */
    0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, /* E0 */
    0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, /* E8 */
    0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, /* F0 */
    0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0, /* F8 */
};

/* Windows-1252 80-9F; the five unassigned bytes stay C1 controls. */
static const uint16_t cp1252_c1[32] = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* Letters VNI writes in one byte (lower-case byte; the capital is 20 less). */
static const struct {
	uint8_t byte;
	uint16_t lower, upper;
} vni_single[] = {
    {0xf1, 0x0111, 0x0110}, /* đ */
    {0xf4, 0x01a1, 0x01a0}, /* ơ */
    {0xf6, 0x01b0, 0x01af}, /* ư */
    {0xec, 0x00ec, 0x00cc}, /* ì */
    {0xed, 0x00ed, 0x00cd}, /* í */
    {0xe6, 0x1ec9, 0x1ec8}, /* ỉ */
    {0xf3, 0x0129, 0x0128}, /* ĩ */
    {0xf2, 0x1ecb, 0x1eca}, /* ị */
    {0xee, 0x1ef5, 0x1ef4}, /* ỵ */
};

enum { MOD_NONE, MOD_CIRC, MOD_BREVE };

/* VNI mark bytes (lower-case form): the modifier and tone they add to the vowel before. */
static const struct {
	uint8_t byte, mod;
	uint16_t tone; /* combining tone mark, 0 for none */
} vni_mark[] = {
    {0xf8, MOD_NONE, 0x0300},  {0xf9, MOD_NONE, 0x0301},  {0xfb, MOD_NONE, 0x0309},
    {0xf5, MOD_NONE, 0x0303},  {0xef, MOD_NONE, 0x0323},  {0xe2, MOD_CIRC, 0},
    {0xe0, MOD_CIRC, 0x0300},  {0xe1, MOD_CIRC, 0x0301},  {0xe5, MOD_CIRC, 0x0309},
    {0xe3, MOD_CIRC, 0x0303},  {0xe4, MOD_CIRC, 0x0323},  {0xea, MOD_BREVE, 0},
    {0xe8, MOD_BREVE, 0x0300}, {0xe9, MOD_BREVE, 0x0301}, {0xfa, MOD_BREVE, 0x0309},
    {0xfc, MOD_BREVE, 0x0303}, {0xeb, MOD_BREVE, 0x0323},
};

/*
 * Where a decoder puts its code points: into out as UTF-8, or, while the encoding is
 * being detected, straight into the score of that reading (no text is kept).
 */
struct score;
struct sink {
	struct buf *out;  /* NULL: each code point goes to sc */
	struct score *sc; /* the reading's score (score_cp) */
};

static void score_cp(struct score *sc, UChar32 c);

static int put_cp(struct sink *k, UChar32 c)
{
	uint8_t u[4];
	int32_t n = 0;

	if (!k->out) {
		score_cp(k->sc, c);
		return 0;
	}
	/* A byte at a time is the decoders' loop: no memcpy for it. */
	if (c < 0x80)
		return buf_putc(k->out, (int)c);
	U8_APPEND_UNSAFE(u, n, c);
	return buf_add(k->out, u, (size_t)n);
}

static UChar32 cp1252(uint8_t b)
{
	return b >= 0x80 && b < 0xa0 ? cp1252_c1[b - 0x80] : b;
}

/* Decodes TCVN3 into out, not yet normalised (B0-B4 are combining marks). */
static int tcvn3_decode(const uint8_t *s, size_t len, struct sink *out)
{
	int r = 0;

	for (size_t i = 0; i < len && r == 0; i++) {
		uint8_t b = s[i];

		if (b < 0x80)
			r = put_cp(out, b);
		else
			r = put_cp(out, b < 0xa0 ? cp1252(b) : tcvn3_hi[b - 0xa0]);
	}
	return r;
}

/* A vowel a VNI mark byte may follow: 'a', 'e', 'o' take any; others only tones. */
static bool vni_base(UChar32 c, int mod)
{
	UChar32 l = c < 0x80 ? (c | 0x20) : c;

	switch (mod) {
	case MOD_BREVE:
		return l == 'a';
	case MOD_CIRC:
		return l == 'a' || l == 'e' || l == 'o';
	default:
		return l == 'a' || l == 'e' || l == 'o' || l == 'u' || l == 'y' || l == 'i' ||
		       c == 0x01a0 || c == 0x01a1 || c == 0x01af || c == 0x01b0;
	}
}

/* Decodes VNI-Windows into out, as base letters and combining marks. */
static int vni_decode(const uint8_t *s, size_t len, struct sink *out)
{
	UChar32 prev = 0; /* the vowel just written, while it may still take a mark byte */
	int r = 0;

	for (size_t i = 0; i < len && r == 0; i++) {
		uint8_t b = s[i], lower = b >= 0xc0 && b < 0xe0 ? (uint8_t)(b + 0x20) : b;
		bool upper = b >= 0xc0 && b < 0xe0, done = false;

		if (b < 0x80) {
			r = put_cp(out, b);
			prev = (UChar32)b;
			continue;
		}
		if (b >= 0xc0 && prev) {
			for (size_t k = 0; k < sizeof(vni_mark) / sizeof(vni_mark[0]); k++) {
				if (vni_mark[k].byte != lower || !vni_base(prev, vni_mark[k].mod))
					continue;
				if (vni_mark[k].mod == MOD_CIRC)
					r = put_cp(out, 0x0302);
				else if (vni_mark[k].mod == MOD_BREVE)
					r = put_cp(out, 0x0306);
				if (r == 0 && vni_mark[k].tone)
					r = put_cp(out, vni_mark[k].tone);
				done = true;
				break;
			}
		}
		prev = 0;
		if (done)
			continue;
		if (b >= 0xc0) {
			for (size_t k = 0; k < sizeof(vni_single) / sizeof(vni_single[0]); k++) {
				if (vni_single[k].byte != lower)
					continue;
				prev = upper ? vni_single[k].upper : vni_single[k].lower;
				r = put_cp(out, prev);
				/* Only ơ and ư take a further mark byte. */
				if (prev != 0x01a0 && prev != 0x01a1 && prev != 0x01af &&
				    prev != 0x01b0)
					prev = 0;
				done = true;
				break;
			}
		}
		if (!done)
			r = put_cp(out, cp1252(b));
	}
	return r;
}

static int decode(const char *s, size_t len, enum vn_encoding enc, struct sink *out)
{
	if (enc == VN_ENC_TCVN3)
		return tcvn3_decode((const uint8_t *)s, len, out);
	return vni_decode((const uint8_t *)s, len, out);
}

/*
 * Detection reads the text both ways and counts the words that come out as
 * well-formed Vietnamese syllables: an onset, a vowel nucleus from the
 * closed list of Vietnamese vowel groups, an allowed final, at most one tone.
 * The wrong reading turns "Việt" into "Vieọt" or "ViƯt", which fail.
 *
 * A word is spelt in a compact alphabet: the plain ASCII letters, and
 * 1 ă, 2 â, 3 ê, 4 ô, 5 ơ, 6 ư, D đ.
 */
#define WORD_MAX 12

/* Each list sorted by bytes, as in_list looks it up. */
static const char *const onsets[] = {"",   "D",	 "b", "c", "ch", "d",  "g",   "gh", "gi", "h",
				     "k",  "kh", "l", "m", "n",	 "ng", "ngh", "nh", "p",  "ph",
				     "qu", "r",	 "s", "t", "th", "tr", "v",   "x"};
static const char *const nuclei[] = {
    "1",  "2",	"2u",  "2y", "3",   "3u",  "4",	  "4i",	 "5",	"5i",  "6",  "65", "65i", "65u",
    "6a", "6i", "6u",  "a",  "ai",  "ao",  "au",  "ay",	 "e",	"eo",  "i",  "i3", "i3u", "ia",
    "iu", "o",	"o1",  "oa", "oai", "oao", "oay", "oe",	 "oeo", "oi",  "oo", "u",  "u2",  "u2y",
    "u3", "u4", "u4i", "u5", "ua",  "ui",  "uy",  "uy3", "uya", "uyu", "y",  "y3", "y3u"};
static const char *const finals[] = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"};

/* True when s[0..len) is in list, sorted by bytes ("" first, "D" before "b"): by halves. */
static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, k = 0;
		const char *w = list[mid];
		int d;

		while (k < len && w[k] == s[k])
			k++;
		/* s is before w when it ends first or has the smaller byte */
		d = k == len					? (w[k] == '\0' ? 0 : -1)
		    : w[k] == '\0'				? 1
		    : (unsigned char)s[k] < (unsigned char)w[k] ? -1
								: 1;
		if (d == 0)
			return true;
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

static bool is_vowel(char c)
{
	switch (c) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
		return true;
	default:
		return false;
	}
}

static bool syllable_ok(const char *w, size_t n, int tones)
{
	size_t on = 0, nu, fi;

	if (tones > 1 || n == 0)
		return false;
	while (on < n && !is_vowel(w[on]))
		on++;
	nu = on;
	while (nu < n && is_vowel(w[nu]))
		nu++;
	fi = nu;
	while (fi < n && !is_vowel(w[fi]))
		fi++;
	if (fi != n || nu == on)
		return false;
	/* "gi" and "qu" take their vowel into the onset: giữ, quyết. */
	if (on == 1 && ((w[0] == 'g' && w[1] == 'i') || (w[0] == 'q' && w[1] == 'u')) &&
	    nu - on > 1)
		on++;
	return in_list(onsets, sizeof(onsets) / sizeof(onsets[0]), w, on) &&
	       in_list(nuclei, sizeof(nuclei) / sizeof(nuclei[0]), w + on, nu - on) &&
	       in_list(finals, sizeof(finals) / sizeof(finals[0]), w + nu, n - nu);
}

struct word {
	char w[WORD_MAX];
	size_t n;
	int tones;
	bool bad, non_ascii;
};

/* Applies a combining mark to the word's last letter. */
static void word_mark(struct word *wd, UChar32 m)
{
	char *last = wd->n ? &wd->w[wd->n - 1] : NULL;

	if (m == 0x0300 || m == 0x0301 || m == 0x0303 || m == 0x0309 || m == 0x0323) {
		wd->tones++;
		return;
	}
	if (!last) {
		wd->bad = true;
		return;
	}
	if (m == 0x0302 && (*last == 'a' || *last == 'e' || *last == 'o'))
		*last = *last == 'a' ? '2' : *last == 'e' ? '3' : '4';
	else if (m == 0x0306 && *last == 'a')
		*last = '1';
	else if (m == 0x031b && (*last == 'o' || *last == 'u'))
		*last = *last == 'o' ? '5' : '6';
	else
		wd->bad = true;
}

static void word_letter(struct word *wd, UChar32 c)
{
	if (wd->n == WORD_MAX) {
		wd->bad = true;
		return;
	}
	if (c == 0x0111)
		wd->w[wd->n++] = 'D';
	else if (c < 0x80 && c >= 'a' && c <= 'z' && c != 'f' && c != 'j' && c != 'w' && c != 'z')
		wd->w[wd->n++] = (char)c;
	else
		wd->bad = true;
}

/* Adds the word's verdict to the score: only words with letters beyond ASCII count. */
static void word_end(struct word *wd, long *score)
{
	if (wd->non_ascii && (wd->n || wd->bad))
		*score += !wd->bad && syllable_ok(wd->w, wd->n, wd->tones) ? 1 : -2;
	if (wd->n || wd->tones || wd->bad || wd->non_ascii)
		memset(wd, 0, sizeof(*wd));
}

/* A reading's score so far: its words' verdicts and the word being read. */
struct score {
	const UNormalizer2 *nfd;
	struct word wd;
	long score;
};

/* Reads one more code point of the text into the score. */
static void score_cp(struct score *sc, UChar32 c)
{
	UChar d[8];
	UErrorCode st = U_ZERO_ERROR;
	int32_t dn, j = 0;

	if (c < 0x80) {
		/* ASCII has no marks to take apart: a letter or a word's end */
		UChar32 l = c | 0x20;

		if (l >= 'a' && l <= 'z')
			word_letter(&sc->wd, l);
		else
			word_end(&sc->wd, &sc->score);
		return;
	}
	sc->wd.non_ascii = true;
	dn = unorm2_getDecomposition(sc->nfd, c, d, 8, &st);
	if (dn < 0 || U_FAILURE(st)) {
		dn = 0;
		U16_APPEND_UNSAFE(d, dn, c);
	}
	while (j < dn) {
		UChar32 x;

		U16_NEXT(d, j, dn, x);
		if (u_getCombiningClass(x) != 0) {
			word_mark(&sc->wd, x);
		} else if (u_isalpha(x)) {
			word_letter(&sc->wd, u_tolower(x));
		} else {
			word_end(&sc->wd, &sc->score);
		}
	}
}

/* The score of UTF-8 text s[0..len). */
static long score_text(const UNormalizer2 *nfd, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	struct score sc = {.nfd = nfd};
	int32_t i = 0, n = (int32_t)len;

	while (i < n) {
		UChar32 c;

		U8_NEXT(p, i, n, c);
		score_cp(&sc, c < 0 ? 0xfffd : c);
	}
	word_end(&sc.wd, &sc.score);
	return sc.score;
}

/* The score of s[0..len) read as legacy encoding enc, decoded and scored as it goes. */
static long score_legacy(const UNormalizer2 *nfd, const char *s, size_t len, enum vn_encoding enc)
{
	struct score sc = {.nfd = nfd};
	struct sink k = {.sc = &sc};

	(void)decode(s, len, enc, &k); /* scoring fails nowhere */
	word_end(&sc.wd, &sc.score);
	return sc.score;
}

/* Detection reads at most this much of the text. */
#define DETECT_MAX ((size_t)64 * 1024)

enum vn_encoding vn_detect_encoding(const char *s, size_t len)
{
	static const enum vn_encoding cand[] = {VN_ENC_TCVN3, VN_ENC_VNI};
	enum vn_encoding best = VN_ENC_UNKNOWN;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd;
	long best_score = 0;
	bool ascii = true;

	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	if (ascii)
		return VN_ENC_UTF8;
	{
		/* Legacy text is practically never valid UTF-8 ("ViÖt" is not). */
		int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
		UChar32 c = 0;

		while (i < n && c >= 0)
			U8_NEXT((const uint8_t *)s, i, n, c);
		if (c >= 0 && (size_t)n == len)
			return VN_ENC_UTF8;
	}
	nfd = unorm2_getNFDInstance(&st);
	if (U_FAILURE(st))
		return VN_ENC_UNKNOWN;
	if (len > DETECT_MAX)
		len = DETECT_MAX;
	for (size_t k = 0; k < sizeof(cand) / sizeof(cand[0]); k++) {
		long sc = score_legacy(nfd, s, len, cand[k]);

		if (sc > best_score) {
			best_score = sc;
			best = cand[k];
		}
	}
	return best;
}

int vn_legacy_to_utf8(const char *s, size_t len, enum vn_encoding enc, struct buf *out,
		      struct err *e)
{
	struct buf tmp;
	int r;

	switch (enc) {
	case VN_ENC_UTF8:
		return vn_nfc(s, len, out, e);
	case VN_ENC_TCVN3:
	case VN_ENC_VNI:
		break;
	default:
		return err_set(e, ERR_INVAL, "Không rõ bảng mã của văn bản");
	}
	/* A byte becomes at most 3 bytes of UTF-8, a VNI mark byte at most two marks (4 bytes). */
	if (len > (size_t)64 << 20)
		return err_set(e, ERR_TOOBIG, "Văn bản quá dài (%zu byte)", len);
	buf_init(&tmp, 4 * len + 16);
	r = decode(s, len, enc, &(struct sink){.out = &tmp});
	if (r == 0)
		r = vn_nfc(buf_str(&tmp), tmp.len, out, e);
	else
		r = err_set(e, r, "Không chuyển được văn bản %s sang Unicode",
			    vn_encoding_name(enc));
	buf_free(&tmp);
	return r;
}

/*
 * Legacy bytes that were opened as Windows-1252 and saved again as UTF-8
 * ("Nghò quyeát"): each character back to its Windows-1252 byte into out.
 * False when a character has no such byte (real Unicode Vietnamese has many)
 * or when no byte is past ASCII.
 */
static bool vn_as_cp1252(const char *s, size_t len, struct buf *out)
{
	int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	bool high = false;

	/* ASCII only: nothing was misread */
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n)
		return false;
	i = 0;
	while (i < n) {
		UChar32 c;
		int b = -1;

		U8_NEXT((const uint8_t *)s, i, n, c);
		if (c < 0)
			return false;
		if (c < 0x80 || (c >= 0xa0 && c <= 0xff))
			b = (int)c;
		else
			for (int k = 0; k < 32 && b < 0; k++)
				if (cp1252_c1[k] == c)
					b = 0x80 + k;
		if (b < 0)
			return false;
		high = high || b >= 0x80;
		if (buf_putc(out, (char)b) < 0)
			return false;
	}
	return high;
}

/*
 * UTF-8 with a few damaged bytes (a file cut short, a byte changed on the way): its
 * letters past ASCII are mostly well-formed UTF-8 sequences, which TCVN3 and VNI text
 * practically never holds (none of the corpus's legacy files has one). Read as a legacy
 * encoding it came out as "Tá»ˆnh Á»¦y"; it is refused instead, saying where. The offset
 * of its first bad byte, or len when s is valid UTF-8 or not such text.
 */
static size_t damaged_utf8_at(const char *s, size_t len)
{
	int32_t i = 0, n = len > DETECT_MAX ? (int32_t)DETECT_MAX : (int32_t)len;
	size_t good = 0, bad = 0, first = len;

	while (i < n) {
		int32_t at = i;
		UChar32 c;

		U8_NEXT((const uint8_t *)s, i, n, c);
		if (c < 0) {
			if (first == len)
				first = (size_t)at;
			bad++;
		} else if (c >= 0x80) {
			good++;
		}
	}
	return good >= 8 && good > 4 * bad ? first : len;
}

int vn_to_utf8(const char *s, size_t len, struct buf *out, enum vn_encoding *ret_enc, struct err *e)
{
	size_t bad = damaged_utf8_at(s, len);
	enum vn_encoding enc;
	int r;

	if (bad < len) {
		size_t line = 1;

		for (size_t i = 0; i < bad; i++)
			line += s[i] == '\n';
		return err_set(e, ERR_INVAL,
			       "Văn bản UTF-8 bị hỏng ở dòng %zu (byte thứ %zu không phải UTF-8): "
			       "hãy sửa dòng đó hoặc lưu lại tệp dạng UTF-8",
			       line, bad + 1);
	}
	enc = vn_detect_encoding(s, len);

	if (enc == VN_ENC_UTF8 && len <= DETECT_MAX * 64) {
		/* VNI or TCVN3 read as Windows-1252 and saved as UTF-8: repaired like the raw bytes */
		struct buf raw = BUF_INIT(DETECT_MAX * 64);

		if (vn_as_cp1252(s, len, &raw)) {
			enum vn_encoding legacy = vn_detect_encoding(raw.data, raw.len);
			UErrorCode st = U_ZERO_ERROR;
			const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
			size_t cut = len < DETECT_MAX ? len : DETECT_MAX;

			if (U_SUCCESS(st) && (legacy == VN_ENC_TCVN3 || legacy == VN_ENC_VNI) &&
			    score_legacy(nfd, raw.data, raw.len < DETECT_MAX ? raw.len : DETECT_MAX,
					 legacy) > score_text(nfd, s, cut)) {
				r = vn_legacy_to_utf8(raw.data, raw.len, legacy, out, e);
				buf_free(&raw);
				if (r == 0 && ret_enc)
					*ret_enc = legacy;
				return r;
			}
		}
		buf_free(&raw);
	}

	if (enc == VN_ENC_UNKNOWN)
		return err_set(e, ERR_INVAL,
			       "Không nhận ra bảng mã của văn bản: không phải UTF-8, TCVN3 (ABC) "
			       "hay VNI-Windows");
	r = vn_legacy_to_utf8(s, len, enc, out, e);
	if (r == 0 && ret_enc)
		*ret_enc = enc;
	return r;
}

const char *vn_encoding_name(enum vn_encoding enc)
{
	switch (enc) {
	case VN_ENC_UTF8:
		return "UTF-8";
	case VN_ENC_TCVN3:
		return "TCVN3";
	case VN_ENC_VNI:
		return "VNI-Windows";
	default:
		return "không rõ";
	}
}
