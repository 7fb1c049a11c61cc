/* db_pgsql.c: statements in PostgreSQL's dialect: the per-backend text, parameters numbered "$N"; addresses shown. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db_backend.h"
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

/* Room for n more bytes in b. */
static int buf_room(struct db_pg_buf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 4096;
	char *p;

	if (n > SIZE_MAX / 4 - b->len)
		return ERR_NOMEM;
	if (b->len + n <= b->cap)
		return 0;
	while (cap < b->len + n)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p)
		return ERR_NOMEM;
	b->p = p;
	b->cap = cap;
	return 0;
}

int db_pg_copy_field(struct db_pg_buf *b, const char *p, size_t len, bool bytea, char sep)
{
	static const char hex[] = "0123456789abcdef";
	char *o;

	/* at worst every byte doubled, "\\x" before, the separator after */
	if (buf_room(b, (len > SIZE_MAX / 4 ? SIZE_MAX / 4 : 2 * len) + 4) < 0)
		return ERR_NOMEM;
	o = b->p + b->len;
	if (!p) {
		*o++ = '\\';
		*o++ = 'N';
	} else if (bytea) {
		const unsigned char *u = (const unsigned char *)p;

		*o++ = '\\';
		*o++ = '\\';
		*o++ = 'x';
		for (size_t i = 0; i < len; i++) {
			*o++ = hex[u[i] >> 4];
			*o++ = hex[u[i] & 15];
		}
	} else {
		for (size_t i = 0; i < len; i++) {
			char c = p[i];

			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				*o++ = '\\';
				c = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
			}
			*o++ = c;
		}
	}
	*o++ = sep;
	b->len = (size_t)(o - b->p);
	return 0;
}

char *db_pg_copy_sql(const char *table, const char *const *names, const int *map, int nmap)
{
	struct db_pg_buf b = {0};
	size_t n = strlen(table) + 32;

	for (int k = 0; k < nmap; k++)
		n += strlen(names[map[k]]) + 4;
	if (buf_room(&b, n) < 0)
		return NULL;
	b.len = (size_t)snprintf(b.p, b.cap, "COPY \"%s\"(", table);
	for (int k = 0; k < nmap; k++)
		b.len += (size_t)snprintf(b.p + b.len, b.cap - b.len, "%s\"%s\"", k ? ", " : "",
					  names[map[k]]);
	snprintf(b.p + b.len, b.cap - b.len, ") FROM STDIN");
	return b.p;
}

/* The end of a password value starting at v in a key-value string or a URI query. */
static const char *pg_value_end(const char *v, bool uri)
{
	if (!uri && *v == '\'') {
		for (v++; *v && *v != '\''; v++)
			if (*v == '\\' && v[1])
				v++;
		return *v ? v + 1 : v;
	}
	while (*v && !(uri ? *v == '&' || *v == '#' : isspace((unsigned char)*v)))
		v++;
	return v;
}

/*
 * The address as shown to people: the password of a URI's user info and of
 * any password=... parameter replaced by "***".
 */
char *pg_redact(const char *addr)
{
	size_t n = strlen(addr);
	char *out = malloc(2 * n + 16), *o = out;
	const char *p = addr, *auth_end = NULL, *at = NULL, *colon = NULL, *query = NULL;
	bool uri = strncmp(addr, "postgres:", 9) != 0 || strncmp(addr, "postgres://", 11) == 0;

	if (!out)
		return NULL;
	if (uri) {
		const char *a = strstr(addr, "://");

		a = a ? a + 3 : addr;
		auth_end = a + strcspn(a, "/?#");
		for (const char *s = a; s < auth_end; s++)
			if (*s == '@')
				at = s;
		if (at)
			colon = memchr(a, ':', (size_t)(at - a));
		query = strchr(auth_end, '?');
		/* the user info's password */
		if (colon) {
			memcpy(o, addr, (size_t)(colon + 1 - addr));
			o += colon + 1 - addr;
			memcpy(o, "***", 3);
			o += 3;
			p = at;
		}
	}
	/* password=... among the parameters (the whole string, or the URI's query) */
	while (*p) {
		bool start =
		    p == addr || (uri ? (p[-1] == '?' || p[-1] == '&') && query && p > query
				      : isspace((unsigned char)p[-1]) || p == addr + 9);

		if (start && strncasecmp(p, "password", 8) == 0) {
			const char *v = p + 8;

			while (!uri && isspace((unsigned char)*v))
				v++;
			if (*v == '=') {
				v++;
				while (!uri && isspace((unsigned char)*v))
					v++;
				memcpy(o, p, (size_t)(v - p));
				o += v - p;
				memcpy(o, "***", 3);
				o += 3;
				p = pg_value_end(v, uri);
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}
