/* test_pg_schema.c: the PostgreSQL schema and every statement's PostgreSQL text, on a throwaway cluster. */
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
#include <libpq-fe.h>
#include <sqlite3.h>

#include "db/db.h"
#include "db/db_pgsql.h"
#include "db/migrations.h"
#include "util/err.h"

static const char *const stmt_name[DB_NSTMT] = {
#define STMT(id, sql) [id] = #id,
#include "db/stmt_all.def"
#undef STMT
};

struct pg {
	char dir[64];	  /* the temporary folder holding the cluster */
	char uri[256];	  /* its address */
	bool started;	  /* cluster.sh start succeeded: stop it at the end */
	PGconn *conn;	  /* connected, the baseline run */
	char sqlite[128]; /* a fresh SQLite store made with db_open */
};

static int run_cluster(struct pg *p, const char *verb, char *out, size_t nout)
{
	const char *src = getenv("DONDOC_SRCDIR");
	char cmd[512];
	FILE *f;
	int rc;

	snprintf(cmd, sizeof(cmd), "%s/tests/pg/cluster.sh %s %s/c", src ? src : ".", verb, p->dir);
	if (!(f = popen(cmd, "r")))
		return -1;
	if (out && nout) {
		out[0] = '\0';
		if (fgets(out, (int)nout, f))
			out[strcspn(out, "\n")] = '\0';
	}
	while (fgetc(f) != EOF)
		;
	rc = pclose(f);
	return rc == 0 ? 0 : -1;
}

static PGresult *pg_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(r);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		PQclear(r);
		fail_msg("%s: %s", sql, PQerrorMessage(c));
	}
	return r;
}

static void pg_do(PGconn *c, const char *sql)
{
	PQclear(pg_ok(c, sql));
}

/* The one value of a query's one row, in out. */
static void pg_value(PGconn *c, const char *sql, char *out, size_t n)
{
	PGresult *r = pg_ok(c, sql);

	if (PQntuples(r) != 1) {
		PQclear(r);
		fail_msg("%s: not one row", sql);
	}
	snprintf(out, n, "%s", PQgetisnull(r, 0, 0) ? "(null)" : PQgetvalue(r, 0, 0));
	PQclear(r);
}

static void quiet(void *arg, const char *msg)
{
}

static int group_setup(void **state)
{
	struct pg *p = calloc(1, sizeof(*p));
	struct db *db = NULL;
	struct err e = {0};
	PGresult *r;

	if (!p)
		return -1;
	*state = p;
	snprintf(p->dir, sizeof(p->dir), "/tmp/dondoc-pg-XXXXXX");
	if (!mkdtemp(p->dir)) {
		p->dir[0] = '\0';
		return -1;
	}
	if (run_cluster(p, "start", p->uri, sizeof(p->uri)) < 0 || !p->uri[0]) {
		fprintf(stderr, "# cluster.sh start failed\n");
		return -1;
	}
	p->started = true;
	p->conn = PQconnectdb(p->uri);
	if (PQstatus(p->conn) != CONNECTION_OK) {
		fprintf(stderr, "# connect: %s\n", PQerrorMessage(p->conn));
		return -1;
	}
	PQsetNoticeProcessor(p->conn, quiet, NULL);
	r = PQexec(p->conn, db_pg_baseline);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "# baseline: %s\n", PQerrorMessage(p->conn));
		PQclear(r);
		return -1;
	}
	PQclear(r);
	/* and the migrations after the baseline, as the driver applies them */
	for (int i = 0; i < db_nmigrations; i++) {
		if (db_migrations[i].version <= DB_PG_BASELINE)
			continue;
		r = PQexec(p->conn, db_migrations[i].pg);
		if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
			fprintf(stderr, "# migration %d: %s\n", db_migrations[i].version,
				PQerrorMessage(p->conn));
			PQclear(r);
			return -1;
		}
		PQclear(r);
	}
	snprintf(p->sqlite, sizeof(p->sqlite), "%s/fresh.db", p->dir);
	if (db_open(p->sqlite, DB_CREATE, &db, &e) < 0) {
		fprintf(stderr, "# db_open: %s\n", e.msg);
		return -1;
	}
	db_close(db);
	return 0;
}

static int group_teardown(void **state)
{
	struct pg *p = *state;
	char cmd[256];

	if (!p)
		return 0;
	if (p->conn)
		PQfinish(p->conn);
	if (p->started)
		run_cluster(p, "stop", NULL, 0);
	if (p->dir[0]) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", p->dir);
		if (system(cmd) != 0)
			fprintf(stderr, "# could not remove %s\n", p->dir);
	}
	free(p);
	return 0;
}

/*
 * Columns PostgreSQL has that SQLite does not show: the "rowid" of audited
 * tables SQLite keys by a hidden rowid, and the table audit entries wait in
 * until commit. search_fts (an FTS5 table on SQLite, whose columns a plain
 * sqlite3 connection cannot read without dondoc's tokenizer) is compared
 * in every_statement_prepares and the search test instead.
 */
static bool pg_only(const char *tbl, const char *col)
{
	static const char *const extra[] = {
	    "doc_counter.rowid",	  "sw_vote_name.rowid",	     "ind_phrase.rowid",
	    "ind_criterion_status.rowid", "fmt_profile.rowid",	     "account_body.rowid",
	    "doc_counter_year.rowid",	  "report_request_to.rowid",
	};
	char key[128];

	if (strcmp(tbl, "audit_pending") == 0 || strcmp(tbl, "search_fts") == 0)
		return true;
	snprintf(key, sizeof(key), "%s.%s", tbl, col);
	for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		if (strcmp(key, extra[i]) == 0)
			return true;
	return false;
}

/* Every table and column of a fresh SQLite store is in the baseline, and nothing else but pg_only. */
static void baseline_has_the_tables_and_columns_of_sqlite(void **state)
{
	struct pg *p = *state;
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	PGresult *r;
	static char want[65536], have[65536];
	size_t nw = 0, nh = 0;
	int rc;

	want[0] = have[0] = '\0';

	assert_int_equal(sqlite3_open_v2(p->sqlite, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(
	    sqlite3_prepare_v2(
		h,
		"SELECT m.name, c.name FROM sqlite_schema m, pragma_table_info(m.name) c"
		" WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
		" AND m.name NOT LIKE 'search_fts%' ORDER BY 1, 2",
		-1, &st, NULL),
	    SQLITE_OK);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		nw += (size_t)snprintf(want + nw, sizeof(want) - nw, "%s.%s\n",
				       (const char *)sqlite3_column_text(st, 0),
				       (const char *)sqlite3_column_text(st, 1));
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
	sqlite3_close(h);
	assert_true(nw > 1000 && nw < sizeof(want));

	r = pg_ok(p->conn,
		  "SELECT table_name, column_name FROM information_schema.columns"
		  " WHERE table_schema = 'public' AND table_name IN (SELECT tablename"
		  " FROM pg_tables WHERE schemaname = 'public')"
		  " ORDER BY table_name::text COLLATE \"C\", column_name::text COLLATE \"C\"");
	for (int i = 0; i < PQntuples(r); i++)
		if (!pg_only(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1)))
			nh += (size_t)snprintf(have + nh, sizeof(have) - nh, "%s.%s\n",
					       PQgetvalue(r, i, 0), PQgetvalue(r, i, 1));
	PQclear(r);
	assert_true(nh < sizeof(have));
	assert_string_equal(have, want);
}

/*
 * The ids that have no PostgreSQL text: SQLite's per-connection TEMP
 * triggers (the search index's and the audit chain's, whose work the
 * baseline's triggers and the driver do) and the head's seal, computed in C
 * by the driver there.
 */
static bool sqlite_only(int id)
{
	for (int i = 0; i < db_nconnection_setup; i++)
		if ((int)db_connection_setup[i] == id)
			return true;
	return id == SQL_WEB_TEMP_CHAIN || id == SQL_WEB_TEMP_CHAIN_HEAD ||
	       id == SQL_WEB_TEMP_CHAIN_DROP || id == SQL_AUDIT_HEAD_STAMP;
}

/* Each statement prepares on PostgreSQL; the failures are named with PostgreSQL's message. */
static void every_statement_prepares(void **state)
{
	struct pg *p = *state;
	int failed = 0, tried = 0;

	for (int id = 0; id < DB_NSTMT; id++) {
		int nparams = 0;
		char *sql;
		PGresult *r;

		if (sqlite_only(id))
			continue;
		sql = db_pg_text((enum db_stmt)id, &nparams);
		assert_non_null(sql);
		r = PQprepare(p->conn, "", sql, 0, NULL);
		tried++;
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			fprintf(stderr, "# %s: %s", stmt_name[id], PQerrorMessage(p->conn));
			failed++;
		} else {
			/* The driver reads every column as text: a boolean would read "t" or "f". */
			PGresult *d = PQdescribePrepared(p->conn, "");

			for (int c = 0; c < PQnfields(d); c++)
				if (PQftype(d, c) == 16 /* BOOLOID */) {
					fprintf(stderr, "# %s: column %d is a boolean\n",
						stmt_name[id], c + 1);
					failed++;
					break;
				}
			PQclear(d);
		}
		PQclear(r);
		free(sql);
	}
	fprintf(stderr, "# %d of %d statements prepare\n", tried - failed, tried);
	assert_int_equal(failed, 0);
}

/* An insert into an audited table leaves one pending entry, its JSON as SQLite writes it. */
static void audited_insert_writes_sqlite_json(void **state)
{
	struct pg *p = *state;
	char v[1024], want[1024], id[32];

	pg_do(p->conn, "BEGIN");
	pg_do(p->conn, "SET LOCAL dondoc.actor = 'vanphong'");
	pg_value(p->conn,
		 "INSERT INTO body(level, kind, name, code, place) VALUES('huyen', 'party',"
		 " 'Huyện ủy \"Tân\" Yên', 'HU', 'Tân Yên') RETURNING id",
		 id, sizeof(id));
	pg_value(p->conn, "SELECT count(*) FROM audit_pending WHERE tbl = 'body'", v, sizeof(v));
	assert_string_equal(v, "1");
	pg_value(p->conn,
		 "SELECT actor || '|' || op || '|' || row_id || '|' || coalesce(before, 'NULL')"
		 " || '|' || after FROM audit_pending WHERE tbl = 'body'",
		 v, sizeof(v));
	snprintf(want, sizeof(want),
		 "vanphong|insert|%s|NULL|{\"id\":%s,\"parent_id\":null,\"level\":\"huyen\","
		 "\"kind\":\"party\",\"name\":\"Huyện ủy \\\"Tân\\\" Yên\",\"short_name\":null,"
		 "\"code\":\"HU\",\"place\":\"Tân Yên\",\"active_from\":null,\"active_to\":null,"
		 "\"dhis2_code\":null,\"successor_id\":null,\"rowid\":%s}",
		 id, id, id);
	assert_string_equal(v, want);
	/* SQLite's time format, to the millisecond. */
	pg_value(p->conn,
		 "SELECT at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$'"
		 " FROM audit_pending WHERE tbl = 'body'",
		 v, sizeof(v));
	assert_string_equal(v, "t");
	pg_do(p->conn, "ROLLBACK");
}

/* A document written with its marks is found by the search statement for the words typed without. */
static void document_found_by_search_without_marks(void **state)
{
	struct pg *p = *state;
	char id[32], *sql;
	int nparams = 0;
	PGresult *r;
	const char *params[4] = {"0", "\"nong\" \"thon\" \"MOI\"", "50", "1000"};

	pg_do(p->conn, "BEGIN");
	pg_do(p->conn, "INSERT INTO body(id, level, kind, name, code) OVERRIDING SYSTEM VALUE"
		       " VALUES(900, 'huyen', 'party', 'Huyện ủy Lục Nam', 'HU')");
	pg_do(p->conn, "INSERT INTO account(id, login, role, pw_hash) OVERRIDING SYSTEM VALUE"
		       " VALUES(900, 'quantri', 'admin', 'x')");
	pg_value(
	    p->conn,
	    "INSERT INTO document(type_code, body_id, symbol, date, title, text) VALUES('NQ', 900,"
	    " '56-NQ/HU', '2023-01-02', 'Nghị quyết về xây dựng nông thôn mới',"
	    " 'Đẩy mạnh xây dựng nông thôn mới nâng cao') RETURNING id",
	    id, sizeof(id));
	pg_do(p->conn, "INSERT INTO document(type_code, body_id, title, text) VALUES('BC', 900,"
		       " 'Báo cáo quốc phòng', 'Diễn tập khu vực phòng thủ')");
	sql = db_pg_text(SQL_WEB_SEARCH, &nparams);
	assert_non_null(sql);
	assert_int_equal(nparams, 4);
	params[0] = "900";
	r = PQexecParams(p->conn, sql, 4, NULL, params, NULL, NULL, 0);
	free(sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		fail_msg("search: %s", PQerrorMessage(p->conn));
	}
	assert_int_equal(PQntuples(r), 1);
	assert_string_equal(PQgetvalue(r, 0, 0), "document");
	assert_string_equal(PQgetvalue(r, 0, 1), id);
	/* The title with the words found marked as FTS5's highlight() marks them. */
	assert_string_equal(PQgetvalue(r, 0, 2),
			    "56-NQ/HU Nghị quyết về xây dựng \1nông\2 \1thôn\2 \1mới\2");
	assert_string_equal(PQgetvalue(r, 0, 3),
			    "Đẩy mạnh xây dựng \1nông\2 \1thôn\2 \1mới\2 nâng cao");
	PQclear(r);
	pg_do(p->conn, "ROLLBACK");
}

/* A task and its lead unit move the task counters as SQLite's triggers do. */
static void task_writes_move_the_counters(void **state)
{
	struct pg *p = *state;
	char v[512];

	pg_do(p->conn, "BEGIN");
	pg_do(p->conn, "INSERT INTO body(id, level, kind, name, code) OVERRIDING SYSTEM VALUE"
		       " VALUES(901, 'huyen', 'party', 'Huyện ủy Yên Thế', 'HU')");
	pg_do(p->conn, "INSERT INTO unit(id, body_id, kind, name) OVERRIDING SYSTEM VALUE"
		       " VALUES(901, 901, 'agency', 'Ban Tuyên giáo')");
	pg_do(p->conn, "INSERT INTO task(id, body_id, content, assigned_on, deadline_kind, due)"
		       " OVERRIDING SYSTEM VALUE VALUES(901, 901, 'Tổng kết', '2023-01-05', 'date',"
		       " '2023-02-10')");
	pg_do(p->conn, "INSERT INTO task_unit(task_id, unit_id, role) VALUES(901, 901, 'lead')");
	pg_value(
	    p->conn,
	    "SELECT string_agg(concat_ws(',', unit_id, total, standing, done_ontime, done_late,"
	    " done_due), ' ' ORDER BY unit_id) FROM task_tally WHERE body_id = 901",
	    v, sizeof(v));
	assert_string_equal(v, "0,1,0,0,0,0 901,1,0,0,0,0");
	pg_value(p->conn,
		 "SELECT string_agg(concat_ws(',', unit_id, g, due, n), ' ' ORDER BY unit_id, g)"
		 " FROM task_tally_due WHERE body_id = 901",
		 v, sizeof(v));
	/* By day, month and (migration 21) year. */
	assert_string_equal(v, "0,0,2023-02-10,1 0,1,2023-02,1 0,2,2023,1 901,0,2023-02-10,1 "
			       "901,1,2023-02,1 901,2,2023,1");
	/* Done late: out of the open counts, into the late ones. */
	pg_do(p->conn,
	      "UPDATE task SET completed_on = '2023-03-01', state = 'done' WHERE id = 901");
	pg_value(
	    p->conn,
	    "SELECT string_agg(concat_ws(',', unit_id, total, standing, done_ontime, done_late,"
	    " done_due), ' ' ORDER BY unit_id) FROM task_tally WHERE body_id = 901",
	    v, sizeof(v));
	assert_string_equal(v, "0,1,0,0,1,1 901,1,0,0,1,1");
	pg_value(p->conn, "SELECT sum(n) FROM task_tally_due WHERE body_id = 901", v, sizeof(v));
	assert_string_equal(v, "0");
	pg_value(p->conn,
		 "SELECT count(*) FROM task_tally_due WHERE body_id = 901 AND g = 2 AND n = 0", v,
		 sizeof(v));
	assert_string_equal(v, "2");
	/* The lead unit leaves: its row goes to zero, the body's stays. */
	pg_do(p->conn, "DELETE FROM task_unit WHERE task_id = 901");
	pg_value(
	    p->conn,
	    "SELECT string_agg(concat_ws(',', unit_id, total, done_late), ' ' ORDER BY unit_id)"
	    " FROM task_tally WHERE body_id = 901",
	    v, sizeof(v));
	assert_string_equal(v, "0,1,1 901,0,0");
	pg_do(p->conn, "ROLLBACK");
}

/*
 * migrate-store's rows in COPY's text format (db_pg_copy_field) read back as
 * they were sent: text with a tab, a backslash, CR, LF and "\N" in it, an
 * empty text beside a NULL, bytes with NUL and every escape in a bytea column.
 */
static void copy_fields_read_back_as_sent(void **state)
{
	struct pg *p = *state;
	static const char text[] = "Điều 1.\tGiao \\ Ban\r\nthực hiện \\N";
	static const char bytes[] = {'\0', '\\', '\t', '\n', '\r', 'N', (char)0xff, 'x'};
	const char *const names[] = {"id", "t", "b"};
	const int map[] = {0, 1, 2};
	struct db_pg_buf b = {0};
	char *sql = db_pg_copy_sql("copied", names, map, 3);
	PGresult *r;
	char v[256];

	assert_non_null(sql);
	assert_string_equal(sql, "COPY \"copied\"(\"id\", \"t\", \"b\") FROM STDIN");
	pg_do(p->conn, "BEGIN");
	pg_do(p->conn, "CREATE TEMP TABLE copied(id bigint, t text, b bytea)");
	/* row 1: the awkward text and bytes; row 2: an empty text, NULLs */
	assert_int_equal(db_pg_copy_field(&b, "1", 1, false, '\t'), 0);
	assert_int_equal(db_pg_copy_field(&b, text, strlen(text), false, '\t'), 0);
	assert_int_equal(db_pg_copy_field(&b, bytes, sizeof(bytes), true, '\n'), 0);
	assert_int_equal(db_pg_copy_field(&b, "2", 1, false, '\t'), 0);
	assert_int_equal(db_pg_copy_field(&b, "", 0, false, '\t'), 0);
	assert_int_equal(db_pg_copy_field(&b, NULL, 0, true, '\n'), 0);
	r = PQexec(p->conn, sql);
	assert_int_equal(PQresultStatus(r), PGRES_COPY_IN);
	PQclear(r);
	assert_int_equal(PQputCopyData(p->conn, b.p, (int)b.len), 1);
	assert_int_equal(PQputCopyEnd(p->conn, NULL), 1);
	r = PQgetResult(p->conn);
	assert_int_equal(PQresultStatus(r), PGRES_COMMAND_OK);
	PQclear(r);
	while ((r = PQgetResult(p->conn)) != NULL)
		PQclear(r);
	r = pg_ok(p->conn, "SELECT t FROM copied WHERE id = 1");
	assert_string_equal(PQgetvalue(r, 0, 0), text);
	PQclear(r);
	pg_value(p->conn, "SELECT encode(b, 'hex') FROM copied WHERE id = 1", v, sizeof(v));
	assert_string_equal(v, "005c090a0d4eff78");
	pg_value(p->conn,
		 "SELECT (t = '')::text || ' ' || (b IS NULL)::text FROM copied WHERE id = 2", v,
		 sizeof(v));
	assert_string_equal(v, "true true");
	pg_do(p->conn, "ROLLBACK");
	free(b.p);
	free(sql);
}

/* Each test starts outside a transaction, whatever the one before left. */
static int test_setup(void **state)
{
	struct pg *p = *state;

	PQclear(PQexec(p->conn, "ROLLBACK"));
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(baseline_has_the_tables_and_columns_of_sqlite, test_setup),
	    cmocka_unit_test_setup(every_statement_prepares, test_setup),
	    cmocka_unit_test_setup(audited_insert_writes_sqlite_json, test_setup),
	    cmocka_unit_test_setup(document_found_by_search_without_marks, test_setup),
	    cmocka_unit_test_setup(task_writes_move_the_counters, test_setup),
	    cmocka_unit_test_setup(copy_fields_read_back_as_sent, test_setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
