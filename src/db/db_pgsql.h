/* db_pgsql.h: the PostgreSQL text of each statement (inside src/db only). */
#pragma once

#include "db/db.h"

/*
 * The PostgreSQL text of statement id in a new string the caller frees: its
 * STMT_PG text where the statement has one, else its SQLite text, with every
 * parameter ("?" or "?N", outside quotes) numbered "$N" as SQLite would number
 * it. The number of parameters goes to *ret_nparams. NULL when out of memory.
 */
char *db_pg_text(enum db_stmt id, int *ret_nparams);

/* The same numbering for any SQL text. */
char *db_pg_number(const char *sql, int *ret_nparams);
