/* docnum.h: document numbers and symbols (Số 512-TB/HU, Số: 123/TB-UBND), and their allocation. */
#pragma once

#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * Party form: number-TYPE/ISSUER ("Số 512-TB/HU", no colon). State form
 * (Nghị định 30/2020/NĐ-CP): number[/year]/TYPE-ISSUER ("Số: 123/TB-UBND",
 * "68/2017/NĐ-CP"), or number/ISSUER-DEPT for a dispatch (công văn), whose
 * symbol names no type ("5658/BCT-CTĐP", "6202/UBND-KT"), or number/year/ISSUER
 * for acts whose type the text names ("203/2025/QH15").
 */
enum docnum_form { DOCNUM_PARTY, DOCNUM_STATE };

#define DOCNUM_TYPE_MAX 16
#define DOCNUM_ISSUER_MAX 48
#define DOCNUM_DEPT_MAX 32

struct docnum {
	enum docnum_form form;
	long number;			/* 512; always > 0 */
	int year;			/* 2017 in 68/2017/NĐ-CP; 0 when not written */
	char type[DOCNUM_TYPE_MAX];	/* TB, NQ, QĐ; "" when the symbol names none */
	char issuer[DOCNUM_ISSUER_MAX]; /* HU, BTCTW, UBND, CP, BCT, QH15 */
	char dept[DOCNUM_DEPT_MAX]; /* drafting unit of a state dispatch: CTĐP, KT; "" if none */
};

/*
 * Parses a number line or symbol, with or without "Số"/"Số:" in front:
 * "Số 512-TB/HU", "22-NQ/HU", "100 - KL/TW", "Số: 123/TB-UBND", "68/2017/NĐ-CP",
 * "5658/BCT-CTĐP". s is NFC UTF-8, len bytes (the whole of it must be the
 * number; spaces around it allowed). Anything else is ERR_INVAL with e saying
 * what is wrong and at which character. *ret is written only on success.
 */
int docnum_parse(const char *s, size_t len, struct docnum *ret, struct err *e);

/* True when code is a document type code the symbols use (NQ, TB, QĐ, CTr …). */
int docnum_is_type_code(const char *code, size_t len);

/*
 * The type a number stands for: its written type, "CV" for a state dispatch
 * (number/ISSUER-DEPT), "" when only the text names it (203/2025/QH15).
 */
const char *docnum_kind(const struct docnum *d);

enum {
	DOCNUM_WITH_PREFIX = 1 << 0, /* "Số 512-TB/HU" / "Số: 123/TB-UBND" */
};

/*
 * Appends the number as written: "512-TB/HU", "05-NQ/HU" (numbers under 10
 * take a 0), "123/TB-UBND", "68/2017/NĐ-CP"; with DOCNUM_WITH_PREFIX the Party
 * form gets "Số " and the state form "Số: ". ERR_INVAL when d is incomplete.
 */
int docnum_format(const struct docnum *d, unsigned flags, struct buf *out);

/*
 * The next number of (issuing body, type, term), in the caller's open write
 * transaction: one UPSERT on doc_counter that starts above the highest number
 * already used by a document of that body, type and term. Numbers run across
 * the whole term, secret documents included; the transaction that takes a
 * number must use it or roll back, so no number is lost or given twice.
 */
int docnum_next_in_tx(struct db *db, int64_t body_id, const char *type_code, int64_t term_id,
		      long *ret, struct err *e);

/*
 * The next number of a state body (Nghị định 30/2020/NĐ-CP, Điều 15): per
 * (issuing body, type, calendar year), from 01 on 1 January, in the caller's
 * open write transaction. One UPSERT on doc_counter_year that starts above the
 * highest number already used by a document of that body and type dated in
 * that year. year is the issue date's (1945–2200).
 */
int docnum_next_year_in_tx(struct db *db, int64_t body_id, const char *type_code, int year,
			   long *ret, struct err *e);

/* The number docnum_next_year would give now, without taking it. */
int docnum_peek_year(struct db *db, int64_t body_id, const char *type_code, int year, long *ret,
		     struct err *e);
/* docnum_next_year_in_tx in a transaction of its own. */
int docnum_next_year(struct db *db, int64_t body_id, const char *type_code, int year, long *ret,
		     struct err *e);

/*
 * Checks a drafting unit's symbol code (VP, KT, CTĐP): letters and digits,
 * starting with a letter, at most DOCNUM_DEPT_MAX - 1 bytes. ERR_INVAL with a
 * message naming the code otherwise.
 */
int docnum_dept_check(const char *code, struct err *e);

/* docnum_next_in_tx in a transaction of its own (BEGIN IMMEDIATE … COMMIT). */
int docnum_next(struct db *db, int64_t body_id, const char *type_code, int64_t term_id, long *ret,
		struct err *e);

/* The number docnum_next would give now, without taking it. */
int docnum_peek(struct db *db, int64_t body_id, const char *type_code, int64_t term_id, long *ret,
		struct err *e);

/*
 * Records the last number an office gave in a term before it used dondoc
 * (an office starting mid-term): the next number is last + 1. ERR_INVAL when
 * last is negative or below a number already given (to a document of that
 * body, type and term, or taken by docnum_next).
 */
int docnum_set_last(struct db *db, int64_t body_id, const char *type_code, int64_t term_id,
		    long last, struct err *e);
