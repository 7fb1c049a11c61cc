/* docnum.c: parsing, writing and allocating document numbers. */
#include "core/registry/docnum.h"
#include "db/db.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/*
 * Type codes as symbols write them: the Party's (Quy định 66-QĐ/TW) and the
 * state's (Nghị định 30/2020/NĐ-CP, Phụ lục III). Used to tell "123/TB-UBND"
 * (type TB of UBND) from "6202/UBND-KT" (a dispatch of UBND drafted by KT).
 */
static const char *const docnum_types[] = {
    "NQ", "QĐ",	 "QyĐ", "CT",  "KL", "QC",   "HD",   "TB", "BC",  "KH",	 "CTr", "TTr", "CV", "BB",
    "ĐA", "PA",	 "GM",	"NĐ",  "TT", "TTLT", "NQLT", "CĐ", "HĐ",  "GUQ", "GGT", "GNP", "PG", "PC",
    "PB", "GXN", "GCN", "BGN", "DA", "PL",   "QyC",  "TC", "CTh", "L",	 "SL",	"LT",
};

int docnum_is_type_code(const char *code, size_t len)
{
	for (size_t i = 0; i < sizeof(docnum_types) / sizeof(docnum_types[0]); i++)
		if (strlen(docnum_types[i]) == len && memcmp(docnum_types[i], code, len) == 0)
			return 1;
	return 0;
}

const char *docnum_kind(const struct docnum *d)
{
	if (d->type[0])
		return d->type;
	return d->dept[0] ? "CV" : "";
}

struct scan {
	const char *s, *p, *end;
	const char *text; /* the whole input, for messages */
	int textlen;
};

/* 1-based character (not byte) position of p, for messages. */
static int scan_col(const struct scan *sc, const char *p)
{
	int col = 1;

	for (const char *q = sc->s; q < p; q++)
		if (((unsigned char)*q & 0xc0) != 0x80)
			col++;
	return col;
}

static int scan_fail(const struct scan *sc, const char *p, struct err *e, const char *what)
{
	return err_set(e, ERR_INVAL,
		       "số hiệu văn bản '%.*s' không hợp lệ: %s ở ký tự thứ %d (cần dạng "
		       "'Số 512-TB/HU' hoặc 'Số: 123/TB-UBND')",
		       sc->textlen, sc->text, what, scan_col(sc, p));
}

static void skip_spaces(struct scan *sc)
{
	while (sc->p < sc->end) {
		if (*sc->p == ' ' || *sc->p == '\t') {
			sc->p++;
		} else if (sc->end - sc->p >= 2 && (unsigned char)sc->p[0] == 0xc2 &&
			   (unsigned char)sc->p[1] == 0xa0) {
			sc->p += 2; /* no-break space */
		} else {
			break;
		}
	}
}

/* A hyphen, or an en dash as word processors turn it into. */
static bool take_dash(struct scan *sc)
{
	if (sc->p < sc->end && *sc->p == '-') {
		sc->p++;
		return true;
	}
	if (sc->end - sc->p >= 3 && memcmp(sc->p, "\xe2\x80\x93", 3) == 0) {
		sc->p += 3;
		return true;
	}
	return false;
}

static bool take_char(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

static bool is_letter_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A run of letters and digits starting with a letter; copied into out (cap bytes). */
static int take_word(struct scan *sc, char *out, size_t cap, const char *what, struct err *e)
{
	const char *start = sc->p;
	size_t n;

	if (sc->p >= sc->end || !is_letter_byte((unsigned char)*sc->p))
		return scan_fail(sc, sc->p, e, what);
	while (sc->p < sc->end &&
	       (is_letter_byte((unsigned char)*sc->p) || is_digit(*sc->p) || *sc->p == '_'))
		sc->p++;
	n = (size_t)(sc->p - start);
	if (n >= cap)
		return scan_fail(sc, start, e, "ký hiệu quá dài");
	memcpy(out, start, n);
	out[n] = '\0';
	return 0;
}

static int take_number(struct scan *sc, long *ret, struct err *e)
{
	const char *start = sc->p;
	long v = 0;

	if (sc->p >= sc->end || !is_digit(*sc->p))
		return scan_fail(sc, sc->p, e, "thiếu số văn bản");
	while (sc->p < sc->end && is_digit(*sc->p)) {
		if (sc->p - start >= 9)
			return scan_fail(sc, start, e, "số văn bản quá lớn");
		v = v * 10 + (*sc->p - '0');
		sc->p++;
	}
	if (v == 0)
		return scan_fail(sc, start, e, "số văn bản phải lớn hơn 0");
	*ret = v;
	return 0;
}

static void skip_prefix(struct scan *sc)
{
	/* "Số", "số", "SỐ" followed by an optional colon. */
	static const char *const prefixes[] = {"Số", "số", "SỐ", "So", "so"};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		size_t n = strlen(prefixes[i]);

		if ((size_t)(sc->end - sc->p) >= n && memcmp(sc->p, prefixes[i], n) == 0 &&
		    (sc->p + n == sc->end || !is_letter_byte((unsigned char)sc->p[n]))) {
			sc->p += n;
			skip_spaces(sc);
			take_char(sc, ':');
			skip_spaces(sc);
			return;
		}
	}
}

static int parse_party(struct scan *sc, struct docnum *d, struct err *e)
{
	int r;

	d->form = DOCNUM_PARTY;
	skip_spaces(sc);
	r = take_word(sc, d->type, sizeof(d->type), "thiếu loại văn bản (NQ, TB, …)", e);
	if (r < 0)
		return r;
	skip_spaces(sc);
	if (!take_char(sc, '/'))
		return scan_fail(sc, sc->p, e, "thiếu dấu '/' trước cơ quan ban hành");
	skip_spaces(sc);
	r = take_word(sc, d->issuer, sizeof(d->issuer), "thiếu ký hiệu cơ quan ban hành", e);
	if (r < 0)
		return r;
	return 0;
}

static int parse_state(struct scan *sc, struct docnum *d, struct err *e)
{
	char a[DOCNUM_ISSUER_MAX], b[DOCNUM_ISSUER_MAX];
	const char *at;
	int r;

	d->form = DOCNUM_STATE;
	skip_spaces(sc);
	/* An optional year: four digits followed by '/'. */
	at = sc->p;
	if (sc->end - sc->p >= 5 && is_digit(sc->p[0]) && is_digit(sc->p[1]) &&
	    is_digit(sc->p[2]) && is_digit(sc->p[3])) {
		const char *q = sc->p + 4;

		while (q < sc->end && *q == ' ')
			q++;
		if (q < sc->end && *q == '/') {
			d->year = (sc->p[0] - '0') * 1000 + (sc->p[1] - '0') * 100 +
				  (sc->p[2] - '0') * 10 + (sc->p[3] - '0');
			if (d->year < 1945 || d->year > 2200)
				return scan_fail(sc, at, e, "năm không hợp lệ");
			sc->p = q + 1;
			skip_spaces(sc);
		}
	}
	r = take_word(sc, a, sizeof(a), "thiếu loại văn bản hoặc cơ quan ban hành", e);
	if (r < 0)
		return r;
	at = sc->p;
	skip_spaces(sc);
	if (!take_dash(sc)) {
		/* number/year/ISSUER: acts whose type the text names (203/2025/QH15). */
		sc->p = at;
		if (!d->year)
			return scan_fail(sc, sc->p, e,
					 "thiếu dấu '-' giữa loại và cơ quan ban hành");
		if (strlen(a) >= sizeof(d->issuer))
			return scan_fail(sc, at, e, "ký hiệu quá dài");
		memcpy(d->issuer, a, strlen(a) + 1);
		return 0;
	}
	skip_spaces(sc);
	r = take_word(sc, b, sizeof(b), "thiếu ký hiệu sau dấu '-'", e);
	if (r < 0)
		return r;
	if (docnum_is_type_code(a, strlen(a))) {
		if (strlen(a) >= sizeof(d->type))
			return scan_fail(sc, at, e, "ký hiệu quá dài");
		memcpy(d->type, a, strlen(a) + 1);
		memcpy(d->issuer, b, strlen(b) + 1);
	} else {
		if (strlen(b) >= sizeof(d->dept))
			return scan_fail(sc, sc->p, e, "ký hiệu quá dài");
		memcpy(d->issuer, a, strlen(a) + 1);
		memcpy(d->dept, b, strlen(b) + 1);
	}
	return 0;
}

int docnum_parse(const char *s, size_t len, struct docnum *ret, struct err *e)
{
	struct scan sc = {s, s, s + len, s, len > 400 ? 400 : (int)len};
	struct docnum d = {0};
	int r;

	skip_spaces(&sc);
	skip_prefix(&sc);
	r = take_number(&sc, &d.number, e);
	if (r < 0)
		return r;
	skip_spaces(&sc);
	if (take_dash(&sc))
		r = parse_party(&sc, &d, e);
	else if (take_char(&sc, '/'))
		r = parse_state(&sc, &d, e);
	else
		r = scan_fail(&sc, sc.p, e,
			      "sau số văn bản cần '-' (mẫu Đảng) hoặc '/' (mẫu nhà nước)");
	if (r < 0)
		return r;
	skip_spaces(&sc);
	if (sc.p != sc.end)
		return scan_fail(&sc, sc.p, e, "thừa ký tự");
	*ret = d;
	return 0;
}

int docnum_format(const struct docnum *d, unsigned flags, struct buf *out)
{
	bool prefix = flags & DOCNUM_WITH_PREFIX;

	if (d->number <= 0 || !d->issuer[0])
		return ERR_INVAL;
	if (d->form == DOCNUM_PARTY) {
		if (!d->type[0])
			return ERR_INVAL;
		return buf_printf(out, "%s%02ld-%s/%s", prefix ? "Số " : "", d->number, d->type,
				  d->issuer);
	}
	if (buf_printf(out, "%s%02ld/", prefix ? "Số: " : "", d->number) < 0)
		return ERR_TOOBIG;
	if (d->year && buf_printf(out, "%d/", d->year) < 0)
		return ERR_TOOBIG;
	if (d->type[0])
		return buf_printf(out, "%s-%s", d->type, d->issuer);
	if (d->dept[0])
		return buf_printf(out, "%s-%s", d->issuer, d->dept);
	if (!d->year)
		return ERR_INVAL;
	return buf_puts(out, d->issuer);
}

/* A year's first and last day as the store writes dates: the bounds of a yearly series. */
struct year_span {
	char first[32], last[32];
};

static void year_span(int64_t year, struct year_span *ret)
{
	snprintf(ret->first, sizeof(ret->first), "%04lld-01-01", (long long)year);
	snprintf(ret->last, sizeof(ret->last), "%04lld-12-31", (long long)year);
}

int docnum_next_in_tx(struct db *db, int64_t body_id, const char *type_code, int64_t term_id,
		      long *ret, struct err *e)
{
	int64_t v = 0;
	int r;

	r = db_query_int(db, SQL_DOCTYPE_EXISTS, &v, "t", type_code);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "loại văn bản '%s' không có trong danh mục",
			       type_code);
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh mục loại văn bản");
	r = db_query_int(db, SQL_DOCNUM_NEXT, &v, "iti", body_id, type_code, term_id);
	if (r == ERR_INVAL)
		return err_set(e, r, "cơ quan ban hành hoặc nhiệm kỳ không tồn tại");
	if (r < 0)
		return db_err(db, e, r, "không cấp được số văn bản");
	*ret = (long)v;
	return 0;
}

int docnum_next_year_in_tx(struct db *db, int64_t body_id, const char *type_code, int year,
			   long *ret, struct err *e)
{
	struct year_span y;
	int64_t v = 0;
	int r;

	if (year < 1945 || year > 2200)
		return err_set(e, ERR_INVAL, "năm %d không hợp lệ để cấp số văn bản", year);
	r = db_query_int(db, SQL_DOCTYPE_EXISTS, &v, "t", type_code);
	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "loại văn bản '%s' không có trong danh mục",
			       type_code);
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh mục loại văn bản");
	year_span(year, &y);
	r = db_query_int(db, SQL_DOCNUM_NEXT_YEAR, &v, "ititt", body_id, type_code, (int64_t)year,
			 y.first, y.last);
	if (r == ERR_INVAL)
		return err_set(e, r, "cơ quan ban hành không tồn tại");
	if (r < 0)
		return db_err(db, e, r, "không cấp được số văn bản");
	*ret = (long)v;
	return 0;
}

int docnum_next_year(struct db *db, int64_t body_id, const char *type_code, int year, long *ret,
		     struct err *e)
{
	long v = 0;
	int r;

	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_end(db, docnum_next_year_in_tx(db, body_id, type_code, year, &v, e), e);
	if (r == 0)
		*ret = v;
	return r;
}

int docnum_dept_check(const char *code, struct err *e)
{
	size_t n = code ? strlen(code) : 0;

	if (n == 0)
		return err_set(e, ERR_INVAL, "thiếu ký hiệu đơn vị soạn thảo (ví dụ VP)");
	if (n >= DOCNUM_DEPT_MAX)
		return err_set(e, ERR_INVAL,
			       "ký hiệu đơn vị soạn thảo '%s' quá dài (tối đa %d byte)", code,
			       DOCNUM_DEPT_MAX - 1);
	if (!is_letter_byte((unsigned char)code[0]))
		return err_set(e, ERR_INVAL,
			       "ký hiệu đơn vị soạn thảo '%s' phải bắt đầu bằng chữ cái (ví dụ VP)",
			       code);
	for (size_t i = 0; i < n; i++)
		if (!is_letter_byte((unsigned char)code[i]) && !is_digit(code[i]))
			return err_set(e, ERR_INVAL,
				       "ký hiệu đơn vị soạn thảo '%s' chỉ gồm chữ và số (ví dụ VP, "
				       "KT)",
				       code);
	return 0;
}

int docnum_next(struct db *db, int64_t body_id, const char *type_code, int64_t term_id, long *ret,
		struct err *e)
{
	long v = 0;
	int r;

	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_end(db, docnum_next_in_tx(db, body_id, type_code, term_id, &v, e), e);
	if (r == 0)
		*ret = v;
	return r;
}

static int type_known(struct db *db, const char *type_code, struct err *e)
{
	int64_t v = 0;
	int r = db_query_int(db, SQL_DOCTYPE_EXISTS, &v, "t", type_code);

	if (r == ERR_NOTFOUND)
		return err_set(e, ERR_INVAL, "loại văn bản '%s' không có trong danh mục",
			       type_code);
	return r < 0 ? db_err(db, e, r, "không đọc được danh mục loại văn bản") : 0;
}

/* The next number of a series (term or year, as stmt counts), without taking it. */
static int peek(struct db *db, enum db_stmt stmt, int64_t body_id, const char *type_code,
		int64_t key, long *ret, struct err *e)
{
	struct year_span y;
	int64_t v = 0;
	int r = type_known(db, type_code, e);

	year_span(key, &y);
	if (r == 0 && stmt == SQL_DOCNUM_PEEK_YEAR)
		r = db_query_int(db, stmt, &v, "ititt", body_id, type_code, key, y.first, y.last);
	else if (r == 0)
		r = db_query_int(db, stmt, &v, "iti", body_id, type_code, key);
	if (r < 0)
		return db_err(db, e, r, "không đọc được số văn bản");
	if (r == 0)
		*ret = (long)v;
	return r;
}

int docnum_peek(struct db *db, int64_t body_id, const char *type_code, int64_t term_id, long *ret,
		struct err *e)
{
	return peek(db, SQL_DOCNUM_PEEK, body_id, type_code, term_id, ret, e);
}

static int set_last_tx(struct db *db, int64_t body_id, const char *type_code, int64_t term_id,
		       long last, struct err *e)
{
	long next = 0;
	int r;

	if (last < 0)
		return err_set(e, ERR_INVAL, "số cuối cùng đã cấp phải từ 0 trở lên");
	/* a number already given, to a document or by docnum_next, is never given again */
	r = peek(db, SQL_DOCNUM_PEEK, body_id, type_code, term_id, &next, e);
	if (r < 0)
		return r;
	if (last < next - 1)
		return err_set(e, ERR_INVAL, "số cuối cùng đã cấp %ld nhỏ hơn số %ld đã cấp", last,
			       next - 1);
	r = db_exec(db, SQL_DOCNUM_SET_LAST, "itii", body_id, type_code, term_id, (int64_t)last);
	if (r == ERR_INVAL)
		return err_set(e, r, "cơ quan ban hành hoặc nhiệm kỳ không tồn tại");
	return r < 0 ? db_err(db, e, r, "không ghi được số văn bản") : 0;
}

int docnum_set_last(struct db *db, int64_t body_id, const char *type_code, int64_t term_id,
		    long last, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, set_last_tx(db, body_id, type_code, term_id, last, e), e);
}

int docnum_peek_year(struct db *db, int64_t body_id, const char *type_code, int year, long *ret,
		     struct err *e)
{
	return peek(db, SQL_DOCNUM_PEEK_YEAR, body_id, type_code, year, ret, e);
}
