/* db_pgsql.c: statements in PostgreSQL's dialect: the per-backend text, parameters numbered "$N". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db_pgsql.h"

static const char *const pg_sql[DB_NSTMT] = {
#define STMT(id, sql) [id] = sql,
#define STMT_PG(id, sql, pg) [id] = pg,
#include "stmt_all.def"
#undef STMT_PG
#undef STMT
};

char *db_pg_number(const char *sql, int *ret_nparams)
{
	size_t n = strlen(sql) * 7 + 1; /* "?" becomes at most "$32767" */
	char *out = malloc(n), *o = out;
	int max = 0;
	char quote = 0;

	if (!out)
		return NULL;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0; /* a doubled quote closes and reopens: same result */
			*o++ = *p;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			*o++ = *p;
		} else if (*p == '?') {
			int k = 0;

			while (p[1] >= '0' && p[1] <= '9' && k < 32767)
				k = k * 10 + (*++p - '0');
			if (k == 0)
				k = max + 1; /* a bare "?" takes the next number, as in SQLite */
			if (k > max)
				max = k;
			o += snprintf(o, n - (size_t)(o - out), "$%d", k);
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	if (ret_nparams)
		*ret_nparams = max;
	return out;
}

char *db_pg_text(enum db_stmt id, int *ret_nparams)
{
	if ((unsigned)id >= DB_NSTMT)
		return NULL;
	return db_pg_number(pg_sql[id], ret_nparams);
}
