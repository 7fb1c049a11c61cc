/* ind_entry.h: entering a body's figures for a period: every cell checked, then all stored at once. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/* How the values are written. */
enum ind_notation {
	IND_NOTE_VN_OR_PLAIN, /* "1.593,851" first, else the machine form "1593.851" (forms) */
	IND_NOTE_PLAIN,	      /* the machine form only (the JSON API): "1.593" is 1,593 */
};

/* One cell: an actual value of one indicator. */
struct ind_entry {
	int64_t ind_id;	      /* the indicator by catalogue id, or */
	const char *ind_code; /* by code when ind_id is 0 */
	const char *text;     /* the value as typed; NULL or blank leaves the stored one */
	bool estimate;	      /* "ước" */
	/* Filled by ind_entry_store. */
	const char *error; /* what is wrong, in Vietnamese, naming the indicator (arena) */
	bool written;	   /* stored (false when empty or equal to the stored value) */
};

/*
 * Stores the actual values of body_id for period_code from the cells v[0..n).
 * Every cell is checked first: a known indicator, given once, a number in the
 * notation, not negative (every catalogue indicator is an amount, a level, a
 * rate or a count). When any cell is wrong, each wrong one gets its error and
 * the result is ERR_INVAL with nothing written. Otherwise the changed values
 * are written through ind_value_set in one transaction (rolled back on any
 * failure), with source as their origin ("web:login"); a cell equal to the
 * stored value (same digits, same estimate mark) is left alone. *ret_written
 * (may be NULL) receives the number of values written. Messages come from a.
 */
int ind_entry_store(struct db *db, int64_t body_id, const char *period_code, struct ind_entry *v,
		    size_t n, enum ind_notation note, const char *source, struct arena *a,
		    size_t *ret_written, struct err *e);
