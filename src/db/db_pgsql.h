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

/* A growing buffer of COPY data (db_pg_copy_field); free p when done. */
struct db_pg_buf {
	char *p;
	size_t len, cap;
};

/*
 * Appends one field of a row in COPY's text format to b, then sep ('\t'
 * between fields, '\n' after a row's last): p NULL is NULL ("\N"); else its
 * len bytes with backslash, tab, newline and carriage return escaped, or,
 * for a bytea column (bytea), the bytes in hex ("\\x0a1b"). 0 or ERR_NOMEM.
 */
int db_pg_copy_field(struct db_pg_buf *b, const char *p, size_t len, bool bytea, char sep);

/*
 * "COPY "table"("c1", "c2", ...) FROM STDIN" for the nmap columns names[map[k]],
 * each already checked by db_copy_ident; new memory, NULL when out of memory.
 */
char *db_pg_copy_sql(const char *table, const char *const *names, const int *map, int nmap);
