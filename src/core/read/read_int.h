/* read_int.h: what the read side's files share: reading a row's columns into arena memory. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/read/read.h"
#include "db/db.h"
#include "util/arena.h"

/* A row being copied out of a statement; oom is set when the arena is exhausted. */
struct read_row {
	struct db_q *q;
	struct arena *a;
	bool oom;
};

/* The text of col in the arena (NULL for SQL NULL). */
const char *read_text(struct read_row *rr, int col);
/* The integer of col (0 for SQL NULL). */
int64_t read_int(struct read_row *rr, int col);

/*
 * A zeroed new last element of the array *rows (*n elements, *cap slots, elem
 * bytes each) kept in a; NULL when out of memory.
 */
void *read_push(struct arena *a, void *rows, size_t *n, size_t *cap, size_t elem);

/*
 * Steps q (prepared and bound by the caller) to the end, copying each row with
 * fn into a new element of *rows; finishes q. Returns 0 or a negative ERR_*.
 */
int read_all(struct db_q *q, struct arena *a, void *rows, size_t *n, size_t elem,
	     void (*fn)(struct read_row *rr, void *row));

/* Steps q to its one row and copies it with fn; ERR_NOTFOUND when there is none. Finishes q. */
int read_one(struct db_q *q, struct arena *a, void *row,
	     void (*fn)(struct read_row *rr, void *row));

/*
 * A paged list of the account's: st bound (account, after, limit, since[,
 * parent]), the parent bound when with_parent.
 */
int read_page_list(struct db *db, enum db_stmt st, const struct account *acct,
		   const struct read_page *p, bool with_parent, struct arena *a, void *rows,
		   size_t *n, size_t elem, void (*fn)(struct read_row *rr, void *row));
/* One row by id from st bound (account, id); ERR_NOTFOUND (e names what) outside the scope. */
int read_by_id(struct db *db, enum db_stmt st, const struct account *acct, int64_t id,
	       struct arena *a, void *row, void (*fn)(struct read_row *rr, void *row),
	       const char *what, struct err *e);
