/* sw_internal.h: helpers shared by the session-work files (not for other modules). */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"
#include "util/err.h"

/* Longest free text the session-work module stores (minutes, versions of a draft). */
#define SW_TEXT_MAX (4u << 20)
/* Longest short text (a comment, an answer, a reason). */
#define SW_NOTE_MAX (64u << 10)

/* What session-work code needs to know about a session. Strings: arena memory. */
struct sw_session {
	int64_t id, organ_id, body_id, term_id;
	int number;
	char date[11];
	const char *organ_kind, *organ, *place;
};

/* ERR_NOTFOUND naming the session when there is none. */
int sw_session_get(struct db *db, int64_t id, struct arena *a, struct sw_session *ret,
		   struct err *e);
/* Members of the organ in office on date (ISO). */
int sw_members_count(struct db *db, int64_t organ_id, const char *date, int *ret, struct err *e);
int sw_is_member(struct db *db, int64_t organ_id, int64_t person_id, const char *date, bool *ret,
		 struct err *e);
/* A person's or unit's name (arena); ERR_NOTFOUND with a message naming the id. */
int sw_person_name(struct db *db, int64_t id, struct arena *a, const char **ret, struct err *e);
int sw_unit_name(struct db *db, int64_t id, struct arena *a, const char **ret, struct err *e);

/*
 * s as NFC text in arena memory, at most max bytes. what names the field in
 * messages. A NULL or blank s is ERR_INVAL when required, else *ret = NULL.
 */
int sw_text(struct arena *a, const char *s, size_t max, bool required, const char *what,
	    const char **ret, struct err *e);
/* A date the Vietnamese way or ISO, into ISO; ERR_INVAL naming what. */
int sw_date(const char *s, const char *what, char out[static 11], struct err *e);
/* Column text or "" */
const char *sw_col0(struct arena *a, struct db_q *q, int col);
/* Binds id, or NULL when id <= 0. */
int sw_bind_id(struct db_q *q, int idx, int64_t id);
/* Steps q to completion and finishes it; 0 or the error. */
int sw_run(struct db_q *q);
/* An ISO date as Vietnamese texts write it ("04/10/2023"), in arena memory; s itself when not ISO. */
const char *sw_dmy(struct arena *a, const char *iso);
