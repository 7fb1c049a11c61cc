/*
 * test_store.h: where a unit test keeps its store. On SQLite, the file it names; in the
 * PostgreSQL run (tests/pg/run.sh sets DONDOC_TEST_PG to the test cluster's address and
 * DONDOC_PG_STATE to a folder of the test's own) a fresh database of its own on that
 * cluster, named after the file, which run.sh drops when the test ends.
 */
#ifndef DONDOC_TEST_STORE_H
#define DONDOC_TEST_STORE_H

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"

static inline void test_store_quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* True in the PostgreSQL run. */
static inline int test_store_on_pg(void)
{
	const char *pg = getenv("DONDOC_TEST_PG");

	return pg && *pg;
}

/*
 * Makes path (a buffer of n bytes naming a SQLite file) name an empty store: on SQLite
 * the file, its WAL, anchor and audit key are removed; on PostgreSQL the database
 * standing for the file is made afresh, path is rewritten to its address and the audit
 * key (DONDOC_AUDIT_KEY) is one file in DONDOC_PG_STATE for all the test's stores (else
 * PATH.audit-key, as a SQLite store keeps it). 0 on success.
 */
static inline int test_store_fresh(char *path, size_t n)
{
	const char *pg = getenv("DONDOC_TEST_PG"), *state = getenv("DONDOC_PG_STATE");
	char name[40], sql[160], key[4096], *slash;
	uint64_t h = 14695981039346656037ull;
	PGconn *c;
	FILE *log;
	int ok = 1;

	if (!test_store_on_pg()) {
		db_remove(path, true, NULL);
		return 0;
	}
	for (const char *p = path; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	snprintf(name, sizeof(name), "u_%016llx", (unsigned long long)h);
	/* one key for every store of the test, as DONDOC_AUDIT_KEY is one for the process */
	if (state) {
		snprintf(key, sizeof(key), "%s/audit-key", state);
	} else {
		snprintf(key, sizeof(key), "%s.audit-key", path);
		unlink(key);
	}
	setenv("DONDOC_AUDIT_KEY", key, 1);
	c = PQconnectdb(pg);
	PQsetNoticeProcessor(c, test_store_quiet, NULL);
	for (int i = 0; i < 2 && ok; i++) {
		PGresult *r;

		snprintf(sql, sizeof(sql),
			 i ? "CREATE DATABASE %s" : "DROP DATABASE IF EXISTS %s WITH (FORCE)",
			 name);
		r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "test_store: %s: %s", sql, PQerrorMessage(c));
		PQclear(r);
	}
	PQfinish(c);
	if (state) {
		char f[4096];

		snprintf(f, sizeof(f), "%s/databases", state);
		if ((log = fopen(f, "a")) != NULL) {
			fprintf(log, "%s\n", name);
			fclose(log);
		}
	}
	slash = strrchr(pg, '/');
	if (!ok || !slash || (size_t)snprintf(path, n, "%.*s/%s", (int)(slash - pg), pg, name) >= n)
		return -1;
	return 0;
}

/*
 * Runs sql (statements separated by ';') on the PostgreSQL store at uri, as a test that
 * lays out rows behind dondoc's back; then moves each id sequence past the ids the rows
 * were given, as SQLite's next rowid would be. 0, or -1 said on stderr.
 */
static inline int test_store_exec_pg(const char *uri, const char *sql)
{
	static const char sync[] =
	    "DO $$ DECLARE r record; BEGIN FOR r IN SELECT table_name t, column_name c"
	    " FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'"
	    " LOOP EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L),"
	    " coalesce((SELECT max(%I) FROM %I), 0) + 1, false)', r.t, r.c, r.c, r.t); END LOOP; "
	    "END $$";
	PGconn *c = PQconnectdb(uri);
	int ok = PQstatus(c) == CONNECTION_OK;

	PQsetNoticeProcessor(c, test_store_quiet, NULL);
	for (int i = 0; i < 2 && ok; i++) {
		PGresult *r = PQexec(c, i ? sync : sql);

		ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
		PQclear(r);
	}
	if (!ok)
		fprintf(stderr, "test_store: %s", PQerrorMessage(c));
	PQfinish(c);
	return ok ? 0 : -1;
}

/*
 * Runs sql on the store at path (a SQLite file, or a PostgreSQL address from
 * test_store_fresh) outside dondoc, as a test that lays out rows does. 0, or -1 said on
 * stderr.
 */
static inline int test_store_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	int rc;

	if (db_is_pg(path))
		return test_store_exec_pg(path, sql);
	rc = sqlite3_open(path, &h);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(h, 5000);
		rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK)
		fprintf(stderr, "test_store: %s: %s\n", sql, sqlite3_errmsg(h));
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : -1;
}

/*
 * The first column of sql's first row on the store at path, as an integer (a boolean as 1
 * or 0, as SQLite gives it); -1 without a row.
 */
static inline int64_t test_store_int(const char *path, const char *sql)
{
	int64_t v = -1;

	if (db_is_pg(path)) {
		PGconn *c = PQconnectdb(path);
		PGresult *r = PQexec(c, sql);

		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
			const char *t = PQgetvalue(r, 0, 0);

			/* a comparison is a boolean there, a number on SQLite */
			v = strcmp(t, "t") == 0	  ? 1
			    : strcmp(t, "f") == 0 ? 0
						  : strtoll(t, NULL, 10);
		} else if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			fprintf(stderr, "test_store: %s: %s", sql, PQerrorMessage(c));
		}
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3 *h = NULL;
		sqlite3_stmt *st = NULL;

		if (sqlite3_open(path, &h) == SQLITE_OK &&
		    sqlite3_busy_timeout(h, 5000) == SQLITE_OK &&
		    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		else if (!st)
			fprintf(stderr, "test_store: %s: %s\n", sql, sqlite3_errmsg(h));
		sqlite3_finalize(st);
		sqlite3_close(h);
	}
	return v;
}

#endif
