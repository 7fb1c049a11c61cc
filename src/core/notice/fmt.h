/* fmt.h: format profiles: the official layout of a document family, kept as data. */
#pragma once

#include <stdbool.h>

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * One format profile (party-2018 by Hướng dẫn 36-HD/VPTW, party-2026 by
 * 05-HD/VPTW, state-2020 by Nghị định 30/2020/NĐ-CP): sizes in points,
 * margins in millimetres, all read from the fmt_profile table.
 */
struct fmt_profile {
	char code[32];
	char family[16]; /* "party" or "state": which signature forms and header */
	char font[64];	 /* Liberation Serif, standing in for Times New Roman */
	double header_pt, motto_pt, type_pt, summary_pt, body_pt, recipients_pt, sign_pt;
	double margin_top, margin_bottom, margin_left, margin_right; /* mm */
	double indent_mm;					     /* first-line indent */
	double line_spacing;					     /* 1.0 = single */
	double para_space_pt;					     /* space after a paragraph */
	bool page_numbers;   /* from page 2, centred at the top */
	char sign_forms[64]; /* authority forms allowed: "T/M,K/T,T/L" or "TM.,KT.,TL.,Q." */
};

/* A4 in millimetres. */
#define FMT_A4_W 210.0
#define FMT_A4_H 297.0

/*
 * Checks that the profile can lay out a page: sizes in 6..40 pt, margins in
 * 5..60 mm leaving at least 100 mm of width and 150 mm of height on A4.
 * ERR_INVAL with e naming the field and the allowed range.
 */
int fmt_profile_check(const struct fmt_profile *p, struct err *e);

/* The built-in party-2018 values, used where no store is at hand (tests, benches). */
void fmt_profile_default(struct fmt_profile *ret);

/* Reads the profile by code; ERR_NOTFOUND naming the code. */
int fmt_profile_load(struct db *db, const char *code, struct fmt_profile *ret, struct err *e);

/*
 * Sets one numeric field ("margin_left", "body_pt", …) of a stored profile,
 * refusing values that fmt_profile_check rejects; nothing is written then.
 */
int fmt_profile_set(struct db *db, const char *code, const char *field, double value,
		    struct err *e);

/* True when form is one of the comma-separated forms ("T/M,K/T,T/L") of a profile. */
bool fmt_authority_ok(const char *forms, const char *form);
