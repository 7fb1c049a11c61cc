/* test_db.c: opening, migrating and refusing stores; nested transactions and the store kit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/registry/rgroup.h"
#include "db/db.h"
#include "db/db_fts.h"
#include "db/migrations.h"
#include "util/arena.h"

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
	db_remove(path, true, NULL);
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
	db_remove(path, true, NULL);
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
	db_remove(path, true, NULL);
}

/* Stand-ins for the store's audit functions on a raw connection (the chain is not checked here). */
static void stub_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, "test", -1, SQLITE_STATIC);
}

static void stub_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, "0", -1, SQLITE_STATIC);
}

/* The store's own schema_migration table, as dondoc makes it. */
static const char *schema_create(void)
{
#define STMT(id, sql)                              \
	if (strcmp(#id, "SQL_SCHEMA_CREATE") == 0) \
		return sql;
#include "db/stmt_all.def"
#undef STMT
	return NULL;
}

static int64_t raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Migration 12 makes task_event again (a new kind, 'extended'): a store of
 * version 10 keeps every event with its id and percent and every attachment,
 * the attachments still point at the events, and the schema is the one a new
 * store has.
 */
static void task_events_survive_migration_12(void **state)
{
	char path[256], key[300], msg[256];
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;

	tmp_path(path, sizeof(path), "m012");
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_create_function(h, "dondoc_actor", 0, SQLITE_UTF8, NULL, stub_actor, NULL, NULL);
	sqlite3_create_function(h, "dondoc_audit_hash", 9, SQLITE_UTF8, NULL, stub_hash, NULL,
				NULL);
	db_fts_register(h);
	assert_int_equal(sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, schema_create(), NULL, NULL, NULL), SQLITE_OK);
	for (int i = 0; i < db_nmigrations && db_migrations[i].version <= 10; i++) {
		char rec[128];

		if (sqlite3_exec(h, db_migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK)
			fail_msg("migration %d: %s", db_migrations[i].version, sqlite3_errmsg(h));
		snprintf(rec, sizeof(rec),
			 "INSERT INTO schema_migration(version, name) VALUES(%d, '%s')",
			 db_migrations[i].version, db_migrations[i].name);
		assert_int_equal(sqlite3_exec(h, rec, NULL, NULL, NULL), SQLITE_OK);
	}
	if (sqlite3_exec(
		h,
		"INSERT INTO task(id, content, assigned_on) VALUES(1, 'Việc', '2023-10-04');"
		"INSERT INTO task_event(id, task_id, kind, on_date, text, percent) VALUES(7, 1, "
		"'report', '2023-10-20', 'Báo cáo', 40);"
		"INSERT INTO task_attachment(event_id, ref) VALUES(7, '/tmp/a.pdf'), (7, "
		"'http://x/b.docx')",
		NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("rows: %s", sqlite3_errmsg(h));
	/* Version 10 knows no extension. */
	assert_int_not_equal(
	    sqlite3_exec(h,
			 "INSERT INTO task_event(task_id, kind, on_date) VALUES(1, "
			 "'extended', '2023-11-01')",
			 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);

	assert_int_equal(db_open(path, 0, &db, &e), 0);
	assert_int_equal(db_version(db), db_version_known());
	if (db_schema_check(db, msg, sizeof(msg), &e) != 0)
		fail_msg("schema: %s", msg);
	db_close(db);
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(
	    raw_int(h, "SELECT percent FROM task_event WHERE id = 7 AND kind = 'report'"), 40);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM task_attachment WHERE event_id = 7"), 2);
	assert_int_equal(raw_int(h,
				 "SELECT count(*) FROM pragma_foreign_key_list('task_attachment') "
				 "WHERE \"table\" = 'task_event'"),
			 1);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_schema WHERE name IN "
				    "('audit_task_event_i', 'audit_task_attachment_d', "
				    "'task_event_task', 'task_attachment_event')"),
			 4);
	sqlite3_close(h);
	db_remove(path, true, NULL);
	snprintf(key, sizeof(key), "%s-wal", path);
	unlink(key);
	snprintf(key, sizeof(key), "%s-shm", path);
	unlink(key);
	if (db_audit_key_path(path, key, sizeof(key)) == 0)
		unlink(key);
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
	db_remove(path, true, NULL);
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
	db_remove(path, true, NULL);
}

/* Whether schema_migration holds version v (the test's stand-in for any row written). */
static bool has_version(struct db *db, int v)
{
	struct db_q *q;
	bool found = false;

	assert_int_equal(db_prepare(db, SQL_SCHEMA_VERSIONS, &q), 0);
	while (db_step(q) == 1)
		found = found || db_col_int(q, 0) == v;
	db_done(q);
	return found;
}

static struct db *memory_store(void)
{
	struct db *db = NULL;
	struct err e = {0};

	assert_int_equal(db_open(":memory:", DB_CREATE, &db, &e), 0);
	return db;
}

static void inner_rollback_undoes_only_the_inner_part(void **state)
{
	struct db *db = memory_store();

	assert_int_equal(db_depth(db), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 100, "outer"), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_depth(db), 2);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 101, "inner"), 0);
	assert_true(has_version(db, 101));
	db_rollback(db);
	assert_int_equal(db_depth(db), 1);
	assert_false(has_version(db, 101));
	assert_true(has_version(db, 100));
	/* The outer level goes on and commits what it wrote. */
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 102, "after"), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_depth(db), 0);
	assert_true(has_version(db, 100));
	assert_false(has_version(db, 101));
	assert_true(has_version(db, 102));
	db_close(db);
}

/*
 * A read transaction (db_read_begin, a web request's) keeps one snapshot until
 * db_read_end, and a write on its connection ends it first: a statement that
 * writes outside db_begin, or db_begin, succeeds though another connection
 * wrote in between (a write in the old snapshot would be refused as busy).
 */
static void a_read_snapshot_ends_before_a_write(void **state)
{
	char path[256];
	struct db *a = NULL, *b = NULL;
	struct err e = {0};

	tmp_path(path, sizeof(path), "read");
	assert_int_equal(db_open(path, DB_CREATE, &a, &e), 0);
	assert_int_equal(db_open(path, 0, &b, &e), 0);
	assert_int_equal(db_read_begin(a), 0);
	assert_false(has_version(a, 200));
	assert_int_equal(db_exec(b, SQL_SCHEMA_RECORD, "dt", 200, "b"), 0);
	assert_false(has_version(a, 200));
	assert_int_equal(db_depth(a), 0);
	/* A statement that writes runs on its own, after the snapshot. */
	assert_int_equal(db_exec(a, SQL_SCHEMA_RECORD, "dt", 201, "a"), 0);
	assert_true(has_version(a, 200));
	assert_true(has_version(b, 201));
	/* db_begin inside one: the write transaction starts after it. */
	assert_int_equal(db_read_begin(a), 0);
	assert_true(has_version(a, 201));
	assert_int_equal(db_exec(b, SQL_SCHEMA_RECORD, "dt", 202, "b"), 0);
	assert_int_equal(db_begin(a), 0);
	assert_int_equal(db_depth(a), 1);
	assert_true(has_version(a, 202));
	assert_int_equal(db_exec(a, SQL_SCHEMA_RECORD, "dt", 203, "a"), 0);
	assert_int_equal(db_commit(a), 0);
	assert_true(has_version(b, 203));
	/* db_read_end: the next reads see what others wrote. */
	assert_int_equal(db_read_begin(a), 0);
	assert_true(has_version(a, 203));
	assert_int_equal(db_exec(b, SQL_SCHEMA_RECORD, "dt", 204, "b"), 0);
	assert_false(has_version(a, 204));
	db_read_end(a);
	assert_true(has_version(a, 204));
	/* db_rollback at the outermost level ends it too. */
	assert_int_equal(db_read_begin(a), 0);
	assert_true(has_version(a, 204));
	assert_int_equal(db_exec(b, SQL_SCHEMA_RECORD, "dt", 205, "b"), 0);
	db_rollback(a);
	assert_true(has_version(a, 205));
	db_close(b);
	db_close(a);
	db_remove(path, true, NULL);
}

static void outer_rollback_undoes_a_committed_inner_part(void **state)
{
	struct db *db = memory_store();

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 100, "outer"), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_depth(db), 3);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 101, "inner"), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_depth(db), 1);
	db_rollback(db);
	assert_int_equal(db_depth(db), 0);
	assert_false(has_version(db, 100));
	assert_false(has_version(db, 101));
	/* A new transaction after it starts from depth 0 again. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_depth(db), 1);
	assert_int_equal(db_end(db, 0, NULL), 0);
	assert_int_equal(db_depth(db), 0);
	assert_int_equal(db_commit(db), ERR_INTERNAL);
	db_close(db);
}

static void db_end_commits_or_rolls_back_its_level(void **state)
{
	struct db *db = memory_store();
	struct err e = {0};

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_begin_e(db, &e), 0);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 101, "refused"), 0);
	assert_int_equal(db_end(db, ERR_INVAL, &e), ERR_INVAL);
	assert_int_equal(db_begin_e(db, &e), 0);
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 102, "kept"), 0);
	assert_int_equal(db_end(db, 0, &e), 0);
	assert_int_equal(db_depth(db), 1);
	assert_int_equal(db_end(db, 0, &e), 0);
	assert_int_equal(db_depth(db), 0);
	assert_false(has_version(db, 101));
	assert_true(has_version(db, 102));
	db_close(db);
}

/* A core write refused inside the caller's transaction undoes its own part only. */
static void core_write_nests_in_the_callers_transaction(void **state)
{
	struct db *db = memory_store();
	struct err e = {0};
	int64_t body, g1 = 0, g2 = 0, n = -1;

	assert_int_equal(db_exec(db, SQL_BODY_INSERT, "ntttntnnnt", "huyen", "party",
				 "Huyện ủy Thử", "HU", "hu"),
			 0);
	body = db_last_id(db);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(rgroup_add(db, body, "tb-a", "Nhóm A", &g1, &e), 0);
	assert_int_equal(rgroup_add(db, body, "tb-a", "Nhóm A lần hai", NULL, &e), ERR_EXISTS);
	assert_int_equal(db_depth(db), 1);
	assert_int_equal(rgroup_line_add(db, g1, "Thường trực Huyện ủy", NULL, NULL, &e), 0);
	assert_int_equal(rgroup_line_add(db, g1 + 99, "Không có nhóm", NULL, NULL, &e),
			 ERR_NOTFOUND);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_query_int(db, SQL_WEB_RGROUP_EXISTS, &n, "i", g1), 0);
	assert_int_equal(n, 1);
	/* The caller rolls back: the write it called is gone too. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(rgroup_add(db, body, "tb-b", "Nhóm B", &g2, &e), 0);
	db_rollback(db);
	assert_int_equal(db_depth(db), 0);
	assert_int_equal(db_query_int(db, SQL_WEB_RGROUP_EXISTS, &n, "i", g2), 0);
	assert_int_equal(n, 0);
	db_close(db);
}

struct version_row {
	int64_t version;
	const char *name;
};

static int read_version(struct db_q *q, struct arena *a, void *row, void *ctx)
{
	struct version_row *v = row;

	v->version = db_col_int(q, 0);
	v->name = db_col_strdup(q, 1, a);
	(*(int *)ctx)++;
	return 0;
}

static void list_and_row_helpers(void **state)
{
	struct db *db = memory_store();
	struct arena *a = arena_new(1 << 20), *tiny = arena_new(64);
	struct version_row *v = NULL, one = {0};
	struct db_q *q;
	size_t n = 0;
	int calls = 0;
	int64_t body;

	for (int i = 0; i < 20; i++)
		assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 100 + i, "row"), 0);
	assert_int_equal(db_query(db, SQL_SCHEMA_VERSIONS, &q, ""), 0);
	assert_int_equal(db_list(q, a, sizeof(*v), read_version, &calls, (void **)&v, &n), 0);
	assert_int_equal(n, (size_t)db_nmigrations + 20);
	assert_int_equal(calls, (int)n);
	assert_int_equal(v[0].version, 1);
	assert_string_equal(v[n - 1].name, "row");
	assert_int_equal(v[n - 1].version, 119);
	/* An arena too small for the list: ERR_NOMEM, nothing returned. */
	v = NULL;
	n = 0;
	assert_int_equal(db_query(db, SQL_SCHEMA_VERSIONS, &q, ""), 0);
	assert_int_equal(db_list(q, tiny, sizeof(*v), read_version, &calls, (void **)&v, &n),
			 ERR_NOMEM);
	assert_null(v);
	/* One row; none; more than one when it must be unique. */
	assert_int_equal(db_query(db, SQL_SCHEMA_VERSIONS, &q, ""), 0);
	assert_int_equal(db_one(q, a, read_version, &calls, &one, false), 0);
	assert_int_equal(one.version, 1);
	assert_int_equal(db_query(db, SQL_SCHEMA_VERSIONS, &q, ""), 0);
	assert_int_equal(db_one(q, a, read_version, &calls, &one, true), ERR_INVAL);
	assert_int_equal(db_query(db, SQL_BODY_GET, &q, "i", (int64_t)999), 0);
	assert_int_equal(db_one(q, a, read_version, &calls, &one, false), ERR_NOTFOUND);
	/* Column copies: text into the arena, SQL NULL stays NULL; 'I' binds 0 as NULL. */
	assert_int_equal(db_exec(db, SQL_BODY_INSERT, "Itttttnnnt", (int64_t)0, "huyen", "party",
				 "Huyện ủy Thử", NULL, "HU", "hu"),
			 0);
	body = db_last_id(db);
	assert_int_equal(db_query(db, SQL_BODY_GET, &q, "i", body), 0);
	assert_int_equal(db_step(q), 1);
	assert_int_equal(db_col_int(q, 1), 0);
	assert_string_equal(db_col_strdup(q, 4, a), "Huyện ủy Thử");
	assert_null(db_col_strdup(q, 5, a));
	db_done(q);
	arena_free(tiny);
	arena_free(a);
	db_close(db);
}

static void store_errors_read_the_same_everywhere(void **state)
{
	char path[256];
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;

	tmp_path(path, sizeof(path), "busy");
	assert_int_equal(db_open(path, DB_CREATE, &db, &e), 0);
	/* A constraint refusal names what failed and the backend's reason. */
	assert_int_equal(db_exec(db, SQL_SCHEMA_RECORD, "dt", 1, "again"), ERR_EXISTS);
	assert_int_equal(db_err(db, &e, ERR_EXISTS, "không ghi được %s", "phiên bản"), ERR_EXISTS);
	assert_non_null(strstr(e.msg, "không ghi được phiên bản: "));
	assert_non_null(strstr(e.msg, "UNIQUE"));
	/* A message already set for the same code is kept. */
	err_set(&e, ERR_NOTFOUND, "không có cơ quan số 9");
	assert_int_equal(db_err(db, &e, ERR_NOTFOUND, "lỗi cơ sở dữ liệu"), ERR_NOTFOUND);
	assert_string_equal(e.msg, "không có cơ quan số 9");
	/* Another process writing: busy, said in Vietnamese, without the store's path. */
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	db_set_timeout(db, 50);
	e = (struct err){0};
	assert_int_equal(db_begin_e(db, &e), ERR_BUSY);
	assert_int_equal(db_depth(db), 0);
	assert_non_null(strstr(e.msg, "cơ sở dữ liệu đang bận"));
	assert_null(strstr(e.msg, path));
	assert_null(strstr(e.msg, "dondoc-test-db"));
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(db_begin_e(db, &e), 0);
	assert_int_equal(db_end(db, 0, &e), 0);
	db_close(db);
	db_remove(path, true, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(missing_store_is_not_created_without_create),
	    cmocka_unit_test(create_then_reopen_keeps_the_version),
	    cmocka_unit_test(store_from_a_newer_dondoc_is_refused),
	    cmocka_unit_test(older_store_is_migrated_in_one_go),
	    cmocka_unit_test(task_events_survive_migration_12),
	    cmocka_unit_test(failed_migration_leaves_the_store_as_it_was),
	    cmocka_unit_test(garbage_file_is_refused),
	    cmocka_unit_test(inner_rollback_undoes_only_the_inner_part),
	    cmocka_unit_test(outer_rollback_undoes_a_committed_inner_part),
	    cmocka_unit_test(a_read_snapshot_ends_before_a_write),
	    cmocka_unit_test(db_end_commits_or_rolls_back_its_level),
	    cmocka_unit_test(core_write_nests_in_the_callers_transaction),
	    cmocka_unit_test(list_and_row_helpers),
	    cmocka_unit_test(store_errors_read_the_same_everywhere),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
