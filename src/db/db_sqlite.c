/* db_sqlite.c: the SQLite backend of db.h: connections, prepared statements, migrations. */
#include "db/db.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/db_fts.h"
#include "db/migrations.h"

static const char *const db_sql[DB_NSTMT] = {
#define STMT(id, sql) [id] = sql,
#include "stmt_core.def"
#include "stmt_indicator.def"
#include "stmt_sessionwork.def"
#include "stmt_notice.def"
#include "stmt_task.def"
#include "stmt_web.def"
#include "stmt_import.def"
#undef STMT
};

struct db_q {
	struct db *db;
	sqlite3_stmt *st;
	bool busy;
};

struct db {
	sqlite3 *h;
	char *path;
	char actor[128]; /* who the connection writes for; see db_set_actor() */
	struct db_q q[DB_NSTMT];
};

static int db_code(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return 0;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_BUSY;
	case SQLITE_FULL:
		return ERR_FULL;
	case SQLITE_NOMEM:
		return ERR_NOMEM;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return ERR_EXISTS;
		return ERR_INVAL;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
		return ERR_IO;
	default:
		return ERR_DB;
	}
}

static int db_sql_exec(struct db *db, const char *sql)
{
	return db_code(sqlite3_exec(db->h, sql, NULL, NULL, NULL));
}

int db_prepare(struct db *db, enum db_stmt id, struct db_q **ret)
{
	struct db_q *q = &db->q[id];
	int rc;

	if (id < 0 || id >= DB_NSTMT || !db_sql[id])
		return ERR_INTERNAL;
	if (!q->st) {
		rc = sqlite3_prepare_v3(db->h, db_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &q->st,
					NULL);
		if (rc != SQLITE_OK)
			return db_code(rc) ? db_code(rc) : ERR_DB;
		q->db = db;
	}
	sqlite3_reset(q->st);
	sqlite3_clear_bindings(q->st);
	q->busy = true;
	*ret = q;
	return 0;
}

int db_bind_int(struct db_q *q, int idx, int64_t v)
{
	return db_code(sqlite3_bind_int64(q->st, idx, v));
}

int db_bind_text(struct db_q *q, int idx, const char *s)
{
	if (!s)
		return db_bind_null(q, idx);
	return db_code(sqlite3_bind_text(q->st, idx, s, -1, SQLITE_TRANSIENT));
}

int db_bind_null(struct db_q *q, int idx)
{
	return db_code(sqlite3_bind_null(q->st, idx));
}

int db_step(struct db_q *q)
{
	int rc = sqlite3_step(q->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	rc = sqlite3_extended_errcode(q->db->h);
	return db_code(rc) ? db_code(rc) : ERR_DB;
}

int64_t db_col_int(struct db_q *q, int col)
{
	return sqlite3_column_int64(q->st, col);
}

const char *db_col_text(struct db_q *q, int col)
{
	return (const char *)sqlite3_column_text(q->st, col);
}

bool db_col_null(struct db_q *q, int col)
{
	return sqlite3_column_type(q->st, col) == SQLITE_NULL;
}

void db_done(struct db_q *q)
{
	if (!q)
		return;
	sqlite3_reset(q->st);
	sqlite3_clear_bindings(q->st);
	q->busy = false;
}

static int db_vbind(struct db_q *q, const char *types, va_list ap)
{
	int r = 0, idx = 1;

	for (const char *t = types; *t && r == 0; t++, idx++) {
		switch (*t) {
		case 'i':
			r = db_bind_int(q, idx, va_arg(ap, int64_t));
			break;
		case 'd':
			r = db_bind_int(q, idx, va_arg(ap, int));
			break;
		case 't':
			r = db_bind_text(q, idx, va_arg(ap, const char *));
			break;
		case 'n':
			r = db_bind_null(q, idx);
			break;
		default:
			r = ERR_INTERNAL;
		}
	}
	return r;
}

int db_bindv(struct db_q *q, const char *types, ...)
{
	va_list ap;
	int r;

	va_start(ap, types);
	r = db_vbind(q, types, ap);
	va_end(ap);
	return r;
}

int db_exec(struct db *db, enum db_stmt id, const char *types, ...)
{
	struct db_q *q;
	va_list ap;
	int r;

	r = db_prepare(db, id, &q);
	if (r < 0)
		return r;
	va_start(ap, types);
	r = db_vbind(q, types, ap);
	va_end(ap);
	while (r == 0 && (r = db_step(q)) == 1)
		r = 0;
	db_done(q);
	return r < 0 ? r : 0;
}

int db_query_int(struct db *db, enum db_stmt id, int64_t *ret, const char *types, ...)
{
	struct db_q *q;
	va_list ap;
	int r;

	r = db_prepare(db, id, &q);
	if (r < 0)
		return r;
	va_start(ap, types);
	r = db_vbind(q, types, ap);
	va_end(ap);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		*ret = db_col_int(q, 0);
		r = 0;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	return r;
}

int db_begin(struct db *db)
{
	return db_sql_exec(db, "BEGIN IMMEDIATE");
}

int db_commit(struct db *db)
{
	return db_sql_exec(db, "COMMIT");
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int64_t db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

int db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

const char *db_errmsg(struct db *db)
{
	return sqlite3_errmsg(db->h);
}

const char *db_path(struct db *db)
{
	return db->path;
}

void db_set_actor(struct db *db, const char *actor)
{
	snprintf(db->actor, sizeof(db->actor), "%s", actor ? actor : "");
}

const char *db_actor(struct db *db)
{
	return db->actor;
}

void db_set_timeout(struct db *db, int ms)
{
	sqlite3_busy_timeout(db->h, ms);
}

/* dondoc_actor(): the connection's actor, for the audit trigger. */
static void db_fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct db *db = sqlite3_user_data(ctx);

	sqlite3_result_text(ctx, db->actor, -1, SQLITE_TRANSIENT);
}

/* dondoc_audit_hash(prev, id, at, actor, tbl, row_id, op, before, after). */
static void db_fn_audit_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *t[9];
	char h[65];

	for (int i = 0; i < 9; i++)
		t[i] = (const char *)sqlite3_value_text(argv[i]);
	db_audit_hash(t[0], sqlite3_value_int64(argv[1]), t[2], t[3], t[4],
		      sqlite3_value_int64(argv[5]), t[6], t[7], t[8], h);
	sqlite3_result_text(ctx, h, 64, SQLITE_TRANSIENT);
}

/* The application functions the schema's triggers call. */
static int db_functions(struct db *db)
{
	int rc;

	rc = sqlite3_create_function(db->h, "dondoc_actor", 0, SQLITE_UTF8, db, db_fn_actor, NULL,
				     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "dondoc_audit_hash", 9,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
					     db_fn_audit_hash, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = db_fts_register(db->h);
	return db_code(rc);
}

int db_version_known(void)
{
	return db_migrations[db_nmigrations - 1].version;
}

int db_version(struct db *db)
{
	struct db_q *q;
	int v = 0, r;

	if (db_prepare(db, SQL_SCHEMA_VERSIONS, &q) < 0)
		return 0;
	while ((r = db_step(q)) == 1)
		v = (int)db_col_int(q, 0);
	db_done(q);
	return v;
}

static const struct db_migration *db_migration_find(int version)
{
	for (int i = 0; i < db_nmigrations; i++)
		if (db_migrations[i].version == version)
			return &db_migrations[i];
	return NULL;
}

/*
 * Creates the connection's TEMP triggers (db_connection_setup). They need the
 * tables they watch, so this runs after each migration too: a later
 * migration's own writes are then stamped like any other.
 */
static int db_setup(struct db *db)
{
	int r = 0;

	for (int i = 0; i < db_nconnection_setup; i++) {
		int r2 = db_exec(db, db_connection_setup[i], "");

		if (r2 < 0 && r == 0)
			r = r2;
	}
	return r;
}

/* Applies every known migration the store lacks, all in one transaction. */
static int db_migrate(struct db *db, bool create, struct err *e)
{
	bool applied[256] = {false};
	struct db_q *q;
	int64_t ntables = 0;
	int r, v;

	r = db_query_int(db, SQL_SCHEMA_HAS_TABLES, &ntables, "");
	if (r < 0)
		return err_set(e, r, "%s: không đọc được tệp cơ sở dữ liệu (%s)", db->path,
			       db_errmsg(db));
	if (ntables == 0 && !create)
		return err_set(e, ERR_NOTFOUND,
			       "%s: chưa có cơ sở dữ liệu dondoc; hãy chạy 'dondoc init'",
			       db->path);
	r = db_begin(db);
	if (r < 0)
		return err_set(e, r, "%s: không khóa được cơ sở dữ liệu để nâng cấp", db->path);
	r = db_exec(db, SQL_SCHEMA_CREATE, "");
	if (r < 0)
		goto fail;
	r = db_prepare(db, SQL_SCHEMA_VERSIONS, &q);
	if (r < 0)
		goto fail;
	while ((r = db_step(q)) == 1) {
		v = (int)db_col_int(q, 0);
		if (v <= 0 || v >= 256 || !db_migration_find(v)) {
			db_done(q);
			db_rollback(db);
			return err_set(e, ERR_VERSION,
				       "%s: cơ sở dữ liệu có lược đồ phiên bản %d, mới hơn bản "
				       "dondoc này (tối đa %d); hãy dùng dondoc mới hơn",
				       db->path, v, db_version_known());
		}
		applied[v] = true;
	}
	db_done(q);
	if (r < 0)
		goto fail;
	for (int i = 0; i < db_nmigrations; i++) {
		const struct db_migration *m = &db_migrations[i];

		if (applied[m->version])
			continue;
		r = db_sql_exec(db, m->sql);
		if (r < 0) {
			err_set(e, r, "%s: nâng cấp lược đồ %03d_%s thất bại: %s", db->path,
				m->version, m->name, db_errmsg(db));
			db_rollback(db);
			return r;
		}
		r = db_exec(db, SQL_SCHEMA_RECORD, "dt", m->version, m->name);
		if (r < 0)
			goto fail;
		db_setup(db); /* fails harmlessly until the tables it watches exist */
	}
	r = db_commit(db);
	if (r < 0)
		goto fail;
	return 0;
fail:
	err_set(e, r, "%s: %s", db->path, db_errmsg(db));
	db_rollback(db);
	return r;
}

int db_open(const char *path, unsigned flags, struct db **ret, struct err *e)
{
	struct db *db;
	struct stat st;
	int oflags, rc, r;

	if (!(flags & DB_CREATE) && stat(path, &st) != 0)
		return err_set(e, ERR_NOTFOUND,
			       "%s: không có tệp cơ sở dữ liệu; hãy chạy 'dondoc init'", path);
	db = calloc(1, sizeof(*db));
	if (!db)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	db->path = strdup(path);
	if (!db->path) {
		free(db);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY
				       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		r = err_set(e, db_code(rc) ? db_code(rc) : ERR_IO, "%s: không mở được: %s", path,
			    db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(db);
		return r;
	}
	sqlite3_busy_timeout(db->h, 10000);
	sqlite3_extended_result_codes(db->h, 1);
	db_set_actor(db, "cli");
	r = db_functions(db);
	if (r == 0)
		r = db_sql_exec(db, "PRAGMA foreign_keys = ON");
	/*
	 * Reads through a shared memory map: large scans (statistics over every
	 * task) stop copying pages into each connection's private cache. Temporary
	 * B-trees (UNION, GROUP BY, sorting) stay in memory: as files they would be
	 * created and mapped for every statement that needs one, ~0.7 ms each.
	 */
	if (r == 0)
		r = db_sql_exec(db, "PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY");
	if (r == 0 && !(flags & DB_READONLY))
		r = db_sql_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
	if (r < 0) {
		err_set(e, r, "%s: không phải tệp SQLite hợp lệ (%s)", path, db_errmsg(db));
		db_close(db);
		return r;
	}
	if (!(flags & DB_READONLY)) {
		r = db_migrate(db, flags & DB_CREATE, e);
		if (r < 0) {
			db_close(db);
			return r;
		}
	}
	r = db_setup(db);
	if (r < 0 && !(flags & DB_READONLY)) {
		err_set(e, r, "%s: %s", path, db_errmsg(db));
		db_close(db);
		return r;
	}
	*ret = db;
	return 0;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < DB_NSTMT; i++)
		sqlite3_finalize(db->q[i].st);
	sqlite3_close(db->h);
	free(db->path);
	free(db);
}
