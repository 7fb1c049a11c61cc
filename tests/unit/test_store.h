/*
 * test_store.h: where a unit test keeps its store. On SQLite, the file it names; in the
 * PostgreSQL run (tests/pg/run.sh sets DONDOC_TEST_PG to the test cluster's address and
 * DONDOC_PG_STATE to a folder of the test's own) a fresh database of its own on that
 * cluster, named after the file, which run.sh drops when the test ends.
 */
#ifndef DONDOC_TEST_STORE_H
#define DONDOC_TEST_STORE_H

#include <libpq-fe.h>
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
 * key is PATH.audit-key (DONDOC_AUDIT_KEY), as a SQLite store keeps it. 0 on success.
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
	snprintf(key, sizeof(key), "%s.audit-key", path);
	unlink(key);
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

#endif
