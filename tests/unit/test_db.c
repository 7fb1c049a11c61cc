/* test_db.c: opening, migrating and refusing stores. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/migrations.h"

static void tmp_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "/tmp/dondoc-test-db-%ld-%s.db", (long)getpid(), name);
	unlink(out);
}

static void missing_store_is_not_created_without_create(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};

	tmp_path(path, sizeof(path), "missing");
	assert_int_equal(db_open(path, 0, &db, &e), ERR_NOTFOUND);
	assert_null(db);
	assert_non_null(strstr(e.msg, "dondoc init"));
	assert_int_not_equal(access(path, F_OK), 0);
}

static void create_then_reopen_keeps_the_version(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};

	tmp_path(path, sizeof(path), "create");
	assert_int_equal(db_open(path, DB_CREATE, &db, &e), 0);
	assert_int_equal(db_version(db), db_version_known());
	db_close(db);
	db = NULL;
	assert_int_equal(db_open(path, 0, &db, &e), 0);
	assert_int_equal(db_version(db), db_version_known());
	db_close(db);
	unlink(path);
}

static void store_from_a_newer_dondoc_is_refused(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;

	tmp_path(path, sizeof(path), "newer");
	assert_int_equal(db_open(path, DB_CREATE, &db, &e), 0);
	db_close(db);
	db = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h,
				      "INSERT INTO schema_migration(version, name) "
				      "VALUES(200, 'future')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(db_open(path, 0, &db, &e), ERR_VERSION);
	assert_null(db);
	assert_non_null(strstr(e.msg, "200"));
	unlink(path);
}

static void older_store_is_migrated_in_one_go(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;

	/* A store made by a dondoc that knew only the first migration. */
	tmp_path(path, sizeof(path), "older");
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, db_migrations[0].sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(h,
			 "CREATE TABLE schema_migration(version INTEGER PRIMARY KEY,"
			 " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '');"
			 "INSERT INTO schema_migration(version, name) VALUES(1, 'core')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(db_open(path, 0, &db, &e), 0);
	assert_int_equal(db_version(db), db_version_known());
	db_close(db);
	unlink(path);
}

static void failed_migration_leaves_the_store_as_it_was(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;
	int n = -1;
	sqlite3_stmt *st;

	/* Forget that migration 1 ran: re-running it fails, and nothing may change. */
	tmp_path(path, sizeof(path), "failed");
	assert_int_equal(db_open(path, DB_CREATE, &db, &e), 0);
	db_close(db);
	db = NULL;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(
	    sqlite3_exec(h, "DELETE FROM schema_migration WHERE version = 1", NULL, NULL, NULL),
	    SQLITE_OK);
	assert_int_equal(db_open(path, 0, &db, &e), ERR_DB);
	assert_null(db);
	assert_non_null(strstr(e.msg, "001_core"));
	assert_int_equal(
	    sqlite3_prepare_v2(h, "SELECT count(*) FROM schema_migration", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_int_equal(n, db_nmigrations - 1);
	unlink(path);
}

static void garbage_file_is_refused(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};
	FILE *f;

	tmp_path(path, sizeof(path), "garbage");
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("this is not a database, it is a text file long enough to look like one.\n", f);
	for (int i = 0; i < 100; i++)
		fputs("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", f);
	fclose(f);
	assert_true(db_open(path, 0, &db, &e) < 0);
	assert_null(db);
	assert_true(strlen(e.msg) > 0);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(missing_store_is_not_created_without_create),
	    cmocka_unit_test(create_then_reopen_keeps_the_version),
	    cmocka_unit_test(store_from_a_newer_dondoc_is_refused),
	    cmocka_unit_test(older_store_is_migrated_in_one_go),
	    cmocka_unit_test(failed_migration_leaves_the_store_as_it_was),
	    cmocka_unit_test(garbage_file_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
