/* web_fixture.h: a small store for the web tests: two districts under a province, sessions, documents, accounts. */
#pragma once

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/accounts/account.h"
#include "core/indicators/indicator.h"
#include "core/notice/notice.h"
#include "core/tasks/task.h"
#include "db/db.h"
#include "db/db_fts.h"
#include "test_store.h"

/* The store's audit functions, for the raw connection that lays out the registry rows. */
static void fx_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	sqlite3_result_text(ctx, "fixture", -1, SQLITE_STATIC);
}

/* The store's audit key, read by fx_raw: the raw connection chains and seals as dondoc does. */
static unsigned char fx_key[DB_AUDIT_KEY_BYTES];

static void fx_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t[9];
	char h[65];

	for (int i = 0; i < 9; i++)
		t[i] = (const char *)sqlite3_value_text(argv[i]);
	db_audit_hash(fx_key, t[0], sqlite3_value_int64(argv[1]), t[2], t[3], t[4],
		      sqlite3_value_int64(argv[5]), t[6], t[7], t[8], h);
	sqlite3_result_text(ctx, h, 64, SQLITE_TRANSIENT);
}

static void fx_head_mac(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char h[65];

	db_audit_head_mac(fx_key, sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
			  sqlite3_value_int64(argv[2]), (const char *)sqlite3_value_text(argv[3]),
			  sqlite3_value_int64(argv[4]), h);
	sqlite3_result_text(ctx, h, 64, SQLITE_TRANSIENT);
}

/* The store's statements, to create a dondoc connection's TEMP triggers on a raw one. */
static const struct {
	const char *id, *sql;
} fx_setup[] = {
#define STMT(id, sql) {#id, sql},
#define STMT_PG(id, sql, pg) {#id, sql},
#include "db/stmt_web.def"
#undef STMT_PG
#undef STMT
};

/* Opens path with sqlite3 alone; with_fns registers the audit functions as dondoc does. */
static sqlite3 *fx_raw(const char *path, int with_fns)
{
	sqlite3 *h = NULL;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		return NULL;
	sqlite3_busy_timeout(h, 5000);
	if (with_fns) {
		char key_path[4096];

		if (db_audit_key_path(path, key_path, sizeof(key_path)) < 0 ||
		    db_audit_key_load(key_path, fx_key) < 0) {
			sqlite3_close(h);
			return NULL;
		}
		sqlite3_create_function(h, "dondoc_actor", 0, SQLITE_UTF8, NULL, fx_actor, NULL,
					NULL);
		sqlite3_create_function(h, "dondoc_audit_head_mac", 5, SQLITE_UTF8, NULL,
					fx_head_mac, NULL, NULL);
		sqlite3_create_function(h, "dondoc_audit_hash", 9, SQLITE_UTF8, NULL, fx_hash, NULL,
					NULL);
		db_fts_register(h);
		for (size_t i = 0; i < sizeof(fx_setup) / sizeof(fx_setup[0]); i++)
			if (strncmp(fx_setup[i].id, "SQL_WEB_TEMP_", 13) == 0)
				sqlite3_exec(h, fx_setup[i].sql, NULL, NULL, NULL);
	}
	return h;
}

/*
 * Runs sql on the store at path as someone writing behind dondoc's back: on SQLite over a
 * raw connection (with_fns: with the audit functions, so that audited writes are chained as
 * dondoc chains them), on PostgreSQL through libpq (the triggers log the writes; with_fns:
 * chained at once by a dondoc commit, else at dondoc's next write). 0, or -1 said on stderr.
 */
static inline int fx_exec(const char *path, int with_fns, const char *sql)
{
	sqlite3 *h;
	int rc;

	if (db_is_pg(path)) {
		struct db *db = NULL;
		struct err e = {0};

		if (test_store_exec_pg(path, sql) < 0)
			return -1;
		if (!with_fns)
			return 0;
		/* audited: the entries the triggers logged are chained now, as on SQLite */
		rc =
		    db_open(path, 0, &db, &e) < 0 || db_begin(db) < 0 || db_commit(db) < 0 ? -1 : 0;
		if (rc < 0)
			fprintf(stderr, "fixture: %s\n", e.msg);
		db_close(db);
		return rc;
	}
	h = fx_raw(path, with_fns);
	if (!h)
		return -1;
	rc = sqlite3_exec(h, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		fprintf(stderr, "fixture: %s: %s\n", sql, sqlite3_errmsg(h));
	sqlite3_close(h);
	return rc == SQLITE_OK ? 0 : -1;
}

/* The first column of sql's first row on the store at path (test_store_int). */
static inline int64_t fx_int(const char *path, const char *sql)
{
	return test_store_int(path, sql);
}

static const char fx_sql[] =
    "INSERT INTO body(id, parent_id, level, kind, name, code, place) VALUES"
    " (1, NULL, 'tinh', 'party', 'Tỉnh ủy Bắc Giang', 'TU', 'Bắc Giang'),"
    " (2, 1, 'huyen', 'party', 'Huyện ủy Tân Yên', 'HU', 'Tân Yên'),"
    " (3, 1, 'huyen', 'party', 'Huyện ủy Yên Thế', 'HU', 'Yên Thế');"
    "INSERT INTO term(id, body_id, name, year_from, year_to) VALUES (1, 2, 'XXII', 2020, 2025),"
    " (2, 3, 'XXIV', 2020, 2025);"
    "INSERT INTO organ(id, body_id, kind, name) VALUES (1, 2, 'btv', 'Ban Thường vụ Huyện ủy'),"
    " (2, 3, 'btv', 'Ban Thường vụ Huyện ủy Yên Thế');"
    "INSERT INTO unit(id, body_id, kind, name) VALUES (1, 2, 'agency', 'Văn phòng Huyện ủy'),"
    " (2, 3, 'agency', 'Văn phòng Huyện ủy Yên Thế');"
    "INSERT INTO session(id, organ_id, term_id, number, date, place, status) VALUES"
    " (1, 1, 1, 26, '2023-10-04', 'Hội trường Huyện ủy', 'concluded'),"
    " (2, 2, 2, 5, '2023-09-01', 'Yên Thế', 'held');"
    "INSERT INTO document(id, type_code, body_id, term_id, issuer_code, number, symbol, date,"
    " title, confidentiality, status) VALUES"
    " (1, 'NQ', 2, 1, 'HU', 56, '56-NQ/HU', '2022-03-01', 'Về xây dựng nông thôn mới', 'thuong',"
    " 'issued'),"
    " (2, 'NQ', 2, 1, 'HU', 57, '57-NQ/HU', '2022-04-01', 'Về công tác quốc phòng', 'mat',"
    " 'issued'),"
    " (3, 'TB', 3, 2, 'HU', 12, '12-TB/HU', '2023-09-02', 'Kết luận phiên 5', 'thuong', 'issued');"
    "INSERT INTO agenda_item(id, session_id, position, doc_kind, title, document_id) VALUES"
    " (1, 1, 1, 'Tờ trình', 'về sơ kết Nghị quyết 56-NQ/HU', 1),"
    " (2, 1, 2, 'Báo cáo', 'về công tác quốc phòng', 2);"
    "INSERT INTO doc_ref(from_id, to_id, symbol, date) VALUES (3, 1, '56-NQ/HU', '2022-03-01');";

/* The roles' test accounts; each password is "pw-" followed by the login. */
static const struct {
	const char *login, *role;
	int64_t unit, body;
} fx_accounts[] = {
    {"admin", "admin", 0, 0},	    {"office", "office", 0, 2}, {"member", "member", 0, 2},
    {"reporter", "reporter", 1, 2}, {"viewer", "viewer", 0, 2}, {"viewer3", "viewer", 0, 3},
};
#define FX_NACCOUNTS (sizeof(fx_accounts) / sizeof(fx_accounts[0]))

/*
 * Creates the store at path with the registry rows and the accounts; 0 on success. path is
 * a SQLite file, or the address of an empty PostgreSQL database (test_store_fresh).
 */
static inline int fx_create(const char *path)
{
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;
	char pw[64];
	int rc;

	db_remove(path, true, NULL);
	if (db_open(path, DB_CREATE, &db, &e) < 0)
		return -1;
	db_close(db);
	if (db_is_pg(path)) {
		/* a PostgreSQL store (test_store_fresh): the same rows through libpq */
		if (test_store_exec_pg(path, fx_sql) < 0)
			return -1;
	} else {
		h = fx_raw(path, 1);
		rc = sqlite3_exec(h, fx_sql, NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			fprintf(stderr, "fixture: %s\n", sqlite3_errmsg(h));
		sqlite3_close(h);
		if (rc != SQLITE_OK)
			return -1;
	}
	if (db_open(path, 0, &db, &e) < 0)
		return -1;
	for (size_t i = 0; i < FX_NACCOUNTS; i++) {
		snprintf(pw, sizeof(pw), "pw-%s-123", fx_accounts[i].login);
		rc = account_add(db, NULL, fx_accounts[i].login, fx_accounts[i].login,
				 fx_accounts[i].role, fx_accounts[i].unit, &fx_accounts[i].body,
				 fx_accounts[i].body ? 1 : 0, pw, NULL, &e);
		if (rc < 0) {
			fprintf(stderr, "fixture: %s\n", e.msg);
			break;
		}
	}
	if (rc == 0) {
		/* One figure with its plan, for the indicators page and the dashboard's bars. */
		struct ind_value_in v = {"industry", 2,	   "2023-T09", IND_ACTUAL,
					 NULL,	     true, {4132, 0},  "test"};
		struct ind_value_in p = {"industry", 2,	    "2023",    IND_PLAN,
					 "kế hoạch", false, {6076, 0}, "test"};

		const char *lead[] = {"1"};
		struct task_input t = {.body_id = 2,
				       .source_session_id = 1,
				       .content = "Hoàn thiện dự thảo quy chế",
				       .assigned_on = "2023-10-04",
				       .deadline = "31/10/2023",
				       .leads = lead,
				       .nleads = 1};
		const char *lead3[] = {"2"};
		struct task_input t3 = {.body_id = 3,
					.content = "Việc của Yên Thế",
					.assigned_on = "2023-09-02",
					.deadline = "30/11/2023",
					.leads = lead3,
					.nleads = 1};

		int64_t tid;

		rc = task_add(db, &t, &tid, &e);
		if (rc == 0)
			rc = task_add(db, &t3, &tid, &e);
		if (rc == 0)
			rc = ind_value_put(db, &v, &e);
		if (rc == 0)
			rc = ind_value_put(db, &p, &e);
		/* A draft conclusion notice for each district's session (ids 1 and 2). */
		if (rc == 0)
			rc = notice_create(db, 2, 1, "Kết luận phiên họp thứ {{session number}}.\n",
					   &tid, &e);
		if (rc == 0)
			rc = notice_create(db, 3, 2, "Kết luận phiên Yên Thế.\n", &tid, &e);
		if (rc < 0)
			fprintf(stderr, "fixture: %s\n", e.msg);
	}
	db_close(db);
	return rc;
}
