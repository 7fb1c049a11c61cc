/* db_sqlite.c: the SQLite backend of db.h: connections, prepared statements, migrations. */
/*
 * Over 1,000 lines: everything that touches SQLite's handle (statements,
 * transactions, migrations and the audit seal, the schema check, online backup
 * and restore, the copy into a new store) shares struct sq, which no other
 * file sees. db_kit.c calls in through db_sqlite_backend (db_backend.h).
 */
#include "db/db.h"
#include "db/db_backend.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db_fts.h"
#include "util/arena.h"
#include "db/migrations.h"

static const char *const db_sql[DB_NSTMT] = {
#define STMT(id, sql) [id] = sql,
#include "stmt_all.def"
#undef STMT
};

struct sq_q {
	struct db_q base;
	struct sq *db;
	sqlite3_stmt *st;
	bool busy;
};

struct sq {
	struct db base; /* path, actor, audit key */
	sqlite3 *h;
	bool chain_keyed; /* the store has its sealed head: new entries are keyed */
	int depth;	  /* transaction levels open; see db_begin() */
	bool reading;	  /* a read transaction of db_read_begin() is open */
	struct sq_q q[DB_NSTMT];
};

#define SQ(d) ((struct sq *)(d))
#define SQQ(q) ((struct sq_q *)(q))

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

static int db_sql_exec(struct sq *db, const char *sql)
{
	return db_code(sqlite3_exec(db->h, sql, NULL, NULL, NULL));
}

static int sq_prepare(struct db *d, enum db_stmt id, struct db_q **ret)
{
	struct sq *db = SQ(d);
	struct sq_q *q = &db->q[id];
	int rc;

	if (id < 0 || id >= DB_NSTMT || !db_sql[id])
		return ERR_INTERNAL;
	if (!q->st) {
		rc = sqlite3_prepare_v3(db->h, db_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &q->st,
					NULL);
		if (rc != SQLITE_OK)
			return db_code(rc) ? db_code(rc) : ERR_DB;
		q->db = db;
		q->base.be = &db_sqlite_backend;
	}
	sqlite3_reset(q->st);
	sqlite3_clear_bindings(q->st);
	q->busy = true;
	*ret = &q->base;
	return 0;
}

static int sq_bind_int(struct db_q *bq, int idx, int64_t v)
{
	struct sq_q *q = SQQ(bq);
	return db_code(sqlite3_bind_int64(q->st, idx, v));
}

static int sq_bind_text(struct db_q *bq, int idx, const char *s)
{
	struct sq_q *q = SQQ(bq);
	if (!s)
		return db_code(sqlite3_bind_null(q->st, idx));
	return db_code(sqlite3_bind_text(q->st, idx, s, -1, SQLITE_TRANSIENT));
}

static int sq_bind_blob(struct db_q *bq, int idx, const void *data, size_t len)
{
	struct sq_q *q = SQQ(bq);
	if (!data)
		return db_code(sqlite3_bind_null(q->st, idx));
	return db_code(sqlite3_bind_blob64(q->st, idx, data, len, SQLITE_TRANSIENT));
}

static void *sq_col_blob(struct db_q *bq, int col, struct arena *a, size_t *ret_len)
{
	struct sq_q *q = SQQ(bq);
	const void *p = sqlite3_column_blob(q->st, col);
	size_t n = (size_t)sqlite3_column_bytes(q->st, col);
	void *out;

	*ret_len = 0;
	if (sqlite3_column_type(q->st, col) == SQLITE_NULL)
		return NULL;
	out = arena_alloc(a, n ? n : 1);
	if (out && n)
		memcpy(out, p, n);
	if (out)
		*ret_len = n;
	return out;
}

static int sq_bind_null(struct db_q *bq, int idx)
{
	struct sq_q *q = SQQ(bq);
	return db_code(sqlite3_bind_null(q->st, idx));
}

static void sq_read_end(struct db *d);

static int sq_step(struct db_q *bq)
{
	struct sq_q *q = SQQ(bq);
	int rc;

	/* A write never joins a read transaction: that would hold the write lock to its end. */
	if (q->db->reading && !sqlite3_stmt_readonly(q->st))
		sq_read_end(&q->db->base);
	rc = sqlite3_step(q->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	rc = sqlite3_extended_errcode(q->db->h);
	return db_code(rc) ? db_code(rc) : ERR_DB;
}

static int64_t sq_col_int(struct db_q *bq, int col)
{
	struct sq_q *q = SQQ(bq);
	return sqlite3_column_int64(q->st, col);
}

static const char *sq_col_text(struct db_q *bq, int col)
{
	struct sq_q *q = SQQ(bq);
	return (const char *)sqlite3_column_text(q->st, col);
}

static bool sq_col_null(struct db_q *bq, int col)
{
	struct sq_q *q = SQQ(bq);
	return sqlite3_column_type(q->st, col) == SQLITE_NULL;
}

static void sq_done(struct db_q *bq)
{
	struct sq_q *q = SQQ(bq);
	if (!q)
		return;
	sqlite3_reset(q->st);
	sqlite3_clear_bindings(q->st);
	q->busy = false;
}

/*
 * The depth counts the levels db_begin opened. SQLite ends a transaction by
 * itself after some failures (a full disk, out of memory); then no level is
 * open any more, whatever the count says.
 */
static int db_depth_sync(struct sq *db)
{
	if (sqlite3_get_autocommit(db->h))
		db->depth = 0;
	return db->depth;
}

/*
 * One read transaction for the statements that follow (a request's reads):
 * SQLite then takes the store's read lock once (two fcntl and a fstat)
 * instead of once per statement. Nothing to do inside a transaction.
 */
static int sq_read_begin(struct db *d)
{
	struct sq *db = SQ(d);
	int r;

	if (db->reading || !sqlite3_get_autocommit(db->h))
		return 0;
	r = db_sql_exec(db, "BEGIN");
	if (r == 0)
		db->reading = true;
	return r;
}

/* Ends the read transaction, when one is open; SQLite may have ended it already (after a failure). */
static void sq_read_end(struct db *d)
{
	struct sq *db = SQ(d);

	if (!db->reading)
		return;
	db->reading = false;
	if (!sqlite3_get_autocommit(db->h) && db_sql_exec(db, "COMMIT") < 0)
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_begin(struct db *d)
{
	struct sq *db = SQ(d);
	int r;

	/* A write transaction takes the write lock at once: a read transaction ends first. */
	sq_read_end(d);
	r = db_sql_exec(db, db_depth_sync(db) ? "SAVEPOINT db_level" : "BEGIN IMMEDIATE");

	if (r == 0)
		db->depth++;
	return r;
}

static int sq_commit(struct db *d)
{
	struct sq *db = SQ(d);
	int r;

	if (db_depth_sync(db) == 0)
		return ERR_INTERNAL;
	r = db_sql_exec(db, db->depth == 1 ? "COMMIT" : "RELEASE db_level");
	if (r == 0)
		db->depth--;
	return r;
}

static void sq_rollback(struct db *d)
{
	struct sq *db = SQ(d);
	if (db_depth_sync(db) > 1) {
		sqlite3_exec(db->h, "ROLLBACK TO db_level; RELEASE db_level", NULL, NULL, NULL);
		db->depth--;
		return;
	}
	/* At depth 0 too: nothing a failed request began may stay open. */
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->depth = 0;
	db->reading = false;
}

static int sq_depth(struct db *d)
{
	struct sq *db = SQ(d);
	return db_depth_sync(db);
}

static int64_t sq_last_id(struct db *d)
{
	struct sq *db = SQ(d);
	return sqlite3_last_insert_rowid(db->h);
}

static int sq_changes(struct db *d)
{
	struct sq *db = SQ(d);
	return sqlite3_changes(db->h);
}

static const char *sq_errmsg(struct db *d)
{
	struct sq *db = SQ(d);
	return sqlite3_errmsg(db->h);
}

static void sq_set_timeout(struct db *d, int ms)
{
	struct sq *db = SQ(d);
	sqlite3_busy_timeout(db->h, ms);
}

static int sq_set_memory(struct db *d, int64_t mmap_mib, int64_t cache_kib)
{
	struct sq *db = SQ(d);
	char sql[128];

	if (mmap_mib < 0 || mmap_mib > DB_MEMORY_MAX_MIB || cache_kib < 0 ||
	    cache_kib > DB_MEMORY_MAX_MIB * 1024)
		return ERR_INVAL;
	/* cache_size counts KiB when negative; 0 would mean SQLite's own default. */
	snprintf(sql, sizeof(sql), "PRAGMA mmap_size = %lld; PRAGMA cache_size = -%lld",
		 (long long)mmap_mib << 20, (long long)(cache_kib ? cache_kib : 1));
	return db_sql_exec(db, sql);
}

int db_heap_limit(int64_t heap_mib)
{
	if (heap_mib < 0 || heap_mib > DB_MEMORY_MAX_MIB)
		return ERR_INVAL;
	sqlite3_soft_heap_limit64(heap_mib << 20);
	return 0;
}

/* dondoc_actor(): the connection's actor, for the audit trigger. */
static void db_fn_actor(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sq *db = sqlite3_user_data(ctx);

	sqlite3_result_text(ctx, db->base.actor, -1, SQLITE_TRANSIENT);
}

/*
 * dondoc_audit_hash(prev, id, at, actor, tbl, row_id, op, before, after):
 * keyed once the store has its sealed head; before that (the migrations of an
 * older store) unkeyed, as the entries it continues.
 */
static void db_fn_audit_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sq *db = sqlite3_user_data(ctx);
	const char *t[9];
	char h[65];

	if (db->chain_keyed && !db->base.has_key) {
		sqlite3_result_error(
		    ctx, "thiếu khóa nhật ký kiểm tra (DONDOC_AUDIT_KEY): không ghi được", -1);
		return;
	}
	for (int i = 0; i < 9; i++)
		t[i] = (const char *)sqlite3_value_text(argv[i]);
	db_audit_hash(db->chain_keyed ? db->base.key : NULL, t[0], sqlite3_value_int64(argv[1]),
		      t[2], t[3], t[4], sqlite3_value_int64(argv[5]), t[6], t[7], t[8], h);
	sqlite3_result_text(ctx, h, 64, SQLITE_TRANSIENT);
}

/* dondoc_audit_head_mac(keyed_from, last_id, count, hash, schema_cookie). */
static void db_fn_audit_head_mac(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct sq *db = sqlite3_user_data(ctx);
	char h[65];

	if (!db->base.has_key) {
		sqlite3_result_error(
		    ctx, "thiếu khóa nhật ký kiểm tra (DONDOC_AUDIT_KEY): không ghi được", -1);
		return;
	}
	db_audit_head_mac(db->base.key, sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1]),
			  sqlite3_value_int64(argv[2]), (const char *)sqlite3_value_text(argv[3]),
			  sqlite3_value_int64(argv[4]), h);
	sqlite3_result_text(ctx, h, 64, SQLITE_TRANSIENT);
}

/* The application functions the schema's triggers call. */
static int db_functions(struct sq *db)
{
	int rc;

	rc = sqlite3_create_function(db->h, "dondoc_actor", 0, SQLITE_UTF8, db, db_fn_actor, NULL,
				     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "dondoc_audit_hash", 9,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
					     db_fn_audit_hash, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "dondoc_audit_head_mac", 5,
					     SQLITE_UTF8 | SQLITE_DETERMINISTIC, db,
					     db_fn_audit_head_mac, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = db_fts_register(db->h);
	return db_code(rc);
}

static int sq_version(struct db *d)
{
	struct sq *db = SQ(d);
	struct db_q *q;
	int v = 0, r;

	if (db_prepare(&db->base, SQL_SCHEMA_VERSIONS, &q) < 0)
		return 0;
	while ((r = db_step(q)) == 1)
		v = (int)db_col_int(q, 0);
	db_done(q);
	return v;
}

static bool db_has_head(struct sq *db)
{
	int64_t n = 0;

	return db_query_int(&db->base, SQL_AUDIT_HEAD_EXISTS, &n, "") == 0 && n > 0;
}

/*
 * Creates the connection's TEMP triggers: the audit chain (sealing the head
 * once the store has one) and db_connection_setup. They need the tables they
 * watch, so this runs after each migration too: a later migration's own writes
 * are then stamped like any other.
 */
static int db_setup(struct sq *db)
{
	int r = 0, r2;

	db->chain_keyed = db_has_head(db);
	if (db->chain_keyed) {
		r = db_exec(&db->base, SQL_WEB_TEMP_CHAIN_DROP, "");
		if (r == 0)
			r = db_exec(&db->base, SQL_WEB_TEMP_CHAIN_HEAD, "");
	} else {
		r = db_exec(&db->base, SQL_WEB_TEMP_CHAIN, "");
	}
	for (int i = 0; i < db_nconnection_setup; i++) {
		r2 = db_exec(&db->base, db_connection_setup[i], "");
		if (r2 < 0 && r == 0)
			r = r2;
	}
	return r;
}

static int sq_schema_cookie(struct db *d, int64_t *ret)
{
	struct sq *db = SQ(d);
	return db_query_int(&db->base, SQL_SCHEMA_COOKIE, ret, "");
}

/* The head's fields; ERR_NOTFOUND without a head row. */
struct db_head {
	int64_t keyed_from, last_id, count, cookie;
	char hash[65], mac[65];
};

static int db_head_get(struct sq *db, struct db_head *ret)
{
	struct db_q *q;
	int r;

	r = db_prepare(&db->base, SQL_AUDIT_HEAD_GET, &q);
	if (r < 0)
		return r;
	r = db_step(q);
	if (r == 1) {
		ret->keyed_from = db_col_int(q, 0);
		ret->last_id = db_col_int(q, 1);
		ret->count = db_col_int(q, 2);
		snprintf(ret->hash, sizeof(ret->hash), "%s",
			 db_col_text(q, 3) ? db_col_text(q, 3) : "");
		ret->cookie = db_col_int(q, 4);
		snprintf(ret->mac, sizeof(ret->mac), "%s",
			 db_col_text(q, 5) ? db_col_text(q, 5) : "");
		r = 0;
	} else if (r == 0) {
		r = ERR_NOTFOUND;
	}
	db_done(q);
	return r;
}

/* Whether the head is sealed with the connection's key and the schema is as it recorded. */
static bool db_head_sound(struct sq *db, const struct db_head *h, int64_t cookie)
{
	char want[65];

	if (!db->base.has_key || h->cookie != cookie)
		return false;
	db_audit_head_mac(db->base.key, h->keyed_from, h->last_id, h->count, h->hash, h->cookie,
			  want);
	return strcmp(want, h->mac) == 0;
}

/* Makes or reads the key when the store is about to get its sealed head. */
static int db_key_ensure(struct sq *db, struct err *e)
{
	int r;

	if (db->base.has_key)
		return 0;
	r = db_audit_key_create(db->base.key_path, db->base.key);
	if (r == ERR_EXISTS)
		r = db_audit_key_load(db->base.key_path, db->base.key);
	if (r < 0)
		return err_set(e, r, "không tạo được khóa nhật ký kiểm tra %s", db->base.key_path);
	db->base.has_key = true;
	return 0;
}

/*
 * The versions recorded in the store: *ret_current when every known one is
 * there. ERR_VERSION for a store from a newer dondoc.
 */
static int db_versions(struct sq *db, bool applied[static 256], bool *ret_current, struct err *e)
{
	struct db_q *q;
	int r, v, n = 0;

	r = db_prepare(&db->base, SQL_SCHEMA_VERSIONS, &q);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		v = (int)db_col_int(q, 0);
		r = db_migration_seen(v, applied, &n, e);
		if (r < 0) {
			db_done(q);
			return r;
		}
	}
	db_done(q);
	if (r < 0)
		return r;
	*ret_current = n == db_nmigrations;
	return 0;
}

static int db_busy_msg(struct err *e, int r)
{
	if (r == ERR_BUSY)
		return err_set(e, r,
			       "cơ sở dữ liệu đang bận (một tiến trình khác đang ghi); hãy thử "
			       "lại sau ít phút");
	return r;
}

/*
 * Applies every known migration the store lacks, all in one transaction. A
 * store already current is left without taking the write lock. Afterwards the
 * head is sealed with the schema cookie the migrations left, unless the head
 * was unsound before: a schema changed outside dondoc stays reported.
 */
static int db_migrate(struct sq *db, bool create, struct err *e)
{
	bool applied[256] = {false}, current = false, sound = false, had_head;
	struct db_head head;
	int64_t ntables = 0, cookie = 0;
	int r;

	r = db_query_int(&db->base, SQL_SCHEMA_HAS_TABLES, &ntables, "");
	if (r < 0)
		return err_set(e, r, "%s: không đọc được tệp cơ sở dữ liệu (%s)", db->base.path,
			       db_errmsg(&db->base));
	if (ntables == 0 && !create)
		return err_set(e, ERR_NOTFOUND,
			       "%s: chưa có cơ sở dữ liệu dondoc; hãy chạy 'dondoc init'",
			       db->base.path);
	/* Reading the versions takes no lock; most opens end here. */
	if (ntables > 0) {
		r = db_versions(db, applied, &current, e);
		if (r == ERR_VERSION)
			return r;
		if (r == 0 && current)
			return 0;
		memset(applied, 0, sizeof(applied));
	}
	r = db_begin(&db->base);
	if (r < 0)
		return r == ERR_BUSY ? db_busy_msg(e, r)
				     : err_set(e, r, "không khóa được cơ sở dữ liệu để nâng cấp");
	r = db_exec(&db->base, SQL_SCHEMA_CREATE, "");
	if (r < 0)
		goto fail;
	/* Another process may have migrated meanwhile: read again under the lock. */
	r = db_versions(db, applied, &current, e);
	if (r < 0) {
		db_rollback(&db->base);
		return r == ERR_VERSION
			   ? r
			   : err_set(e, r, "không đọc được lược đồ (%s)", db_errmsg(&db->base));
	}
	had_head = db_has_head(db);
	if (had_head && (r = db_schema_cookie(&db->base, &cookie)) == 0 &&
	    db_head_get(db, &head) == 0)
		sound = db_head_sound(db, &head, cookie);
	for (int i = 0; i < db_nmigrations; i++) {
		const struct db_migration *m = &db_migrations[i];

		if (applied[m->version])
			continue;
		r = db_sql_exec(db, m->sql);
		if (r < 0) {
			err_set(e, r, "nâng cấp lược đồ %03d_%s thất bại: %s", m->version, m->name,
				db_errmsg(&db->base));
			db_rollback(&db->base);
			return r;
		}
		r = db_exec(&db->base, SQL_SCHEMA_RECORD, "dt", m->version, m->name);
		if (r < 0)
			goto fail;
		db_setup(db); /* fails harmlessly until the tables it watches exist */
	}
	if (db_has_head(db) && (!had_head || sound)) {
		r = db_key_ensure(db, e);
		if (r < 0) {
			db_rollback(&db->base);
			return r;
		}
		if ((r = db_schema_cookie(&db->base, &cookie)) < 0 ||
		    (r = db_head_get(db, &head)) < 0 ||
		    (r = db_exec(&db->base, SQL_AUDIT_HEAD_STAMP, "ii", head.keyed_from, cookie)) <
			0)
			goto fail;
	}
	r = db_commit(&db->base);
	if (r < 0)
		goto fail;
	return 0;
fail:
	if (r == ERR_BUSY)
		db_busy_msg(e, r);
	else
		err_set(e, r, "nâng cấp lược đồ thất bại: %s", db_errmsg(&db->base));
	db_rollback(&db->base);
	return r;
}

/* Finds and reads the connection's audit key; a missing one is made when needed. */
static int db_key_open(struct sq *db, struct err *e)
{
	int r;

	if (strcmp(db->base.path, ":memory:") == 0) {
		randombytes_buf(db->base.key, sizeof(db->base.key));
		db->base.has_key = true;
		return 0;
	}
	r = db_audit_key_path(db->base.path, db->base.key_path, sizeof(db->base.key_path));
	if (r < 0)
		return err_set(e, r, "đường dẫn khóa nhật ký kiểm tra quá dài");
	return db_key_read(&db->base, e);
}

/*
 * Opens db's handle on path with oflags and the settings every connection has:
 * no mutex of SQLite's own, a 10 s wait on a busy store, extended result codes.
 * Returns SQLite's code (db->h may be set even on failure, for its message).
 */
static int sq_handle_open(struct sq *db, const char *path, int oflags)
{
	int rc = sqlite3_open_v2(path, &db->h, oflags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_busy_timeout(db->h, 10000);
	sqlite3_extended_result_codes(db->h, 1);
	return SQLITE_OK;
}

static int sq_open(const char *path, unsigned flags, struct db **ret, struct err *e)
{
	const char *sync = getenv("DONDOC_SYNCHRONOUS");
	bool memory = strcmp(path, ":memory:") == 0;
	struct sq *db;
	struct stat st;
	int oflags, rc, r;

	if (!(flags & DB_CREATE) && !memory && stat(path, &st) != 0)
		return err_set(e, ERR_NOTFOUND,
			       "%s: không có tệp cơ sở dữ liệu; hãy chạy 'dondoc init'", path);
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "không khởi tạo được libsodium");
	db = calloc(1, sizeof(*db));
	if (!db)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	db->base.be = &db_sqlite_backend;
	db->base.path = strdup(path);
	if (!db->base.path) {
		free(db);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	oflags = (flags & DB_READONLY) ? SQLITE_OPEN_READONLY
				       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	rc = sq_handle_open(db, path, oflags);
	if (rc != SQLITE_OK) {
		r = err_set(e, db_code(rc) ? db_code(rc) : ERR_IO, "%s: không mở được: %s", path,
			    db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		db_close(&db->base);
		return r;
	}
	db_set_actor(&db->base, "cli");
	r = db_key_open(db, e);
	if (r < 0) {
		db_close(&db->base);
		return r;
	}
	r = db_functions(db);
	if (r == 0)
		r = db_sql_exec(db, "PRAGMA foreign_keys = ON");
	/*
	 * Memory bounded by configuration (db_set_memory), not by the store: no
	 * memory map of the file by default, a small page cache. Temporary
	 * B-trees (UNION, GROUP BY, sorting) stay in memory: as files they would be
	 * created and mapped for every statement that needs one, ~0.7 ms each.
	 */
	if (r == 0)
		r = db_set_memory(&db->base, DB_MMAP_DEFAULT_MIB, DB_CACHE_DEFAULT_KIB);
	if (r == 0)
		r = db_sql_exec(db, "PRAGMA temp_store = MEMORY");
	/*
	 * An acknowledged write survives a power cut (FULL syncs the WAL at every
	 * commit); "normal" may lose the last commits before a cut, never the file.
	 */
	if (r == 0 && !(flags & DB_READONLY))
		r = db_sql_exec(db, sync && strcmp(sync, "normal") == 0
					? "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
					: "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL");
	if (r < 0) {
		if (r == ERR_BUSY)
			db_busy_msg(e, r);
		else
			err_set(e, r, "%s: không phải tệp SQLite hợp lệ (%s)", path,
				db_errmsg(&db->base));
		db_close(&db->base);
		return r;
	}
	if (!(flags & DB_READONLY)) {
		r = db_migrate(db, flags & DB_CREATE, e);
	} else {
		bool applied[256] = {false}, current;

		r = db_versions(db, applied, &current, e);
		if (r != ERR_VERSION)
			r = 0;
	}
	if (r < 0) {
		db_close(&db->base);
		return r;
	}
	r = db_setup(db);
	if (r < 0 && !(flags & DB_READONLY)) {
		if (r == ERR_BUSY)
			db_busy_msg(e, r);
		else
			err_set(e, r, "không chuẩn bị được kết nối: %s", db_errmsg(&db->base));
		db_close(&db->base);
		return r;
	}
	*ret = &db->base;
	return 0;
}

static void sq_close(struct db *d)
{
	struct sq *db = SQ(d);
	if (!db)
		return;
	for (int i = 0; i < DB_NSTMT; i++)
		sqlite3_finalize(db->q[i].st);
	sqlite3_close(db->h);
	sodium_memzero(db->base.key, sizeof(db->base.key));
	free(db->base.path);
	free(db);
}

static int sq_integrity(struct db *d, struct err *e)
{
	struct sq *db = SQ(d);
	struct db_q *q;
	char first[200] = "";
	int r;

	r = db_prepare(&db->base, SQL_SCHEMA_INTEGRITY, &q);
	if (r < 0)
		return err_set(e, r, "không kiểm tra được tệp: %s", db_errmsg(&db->base));
	r = db_step(q);
	if (r == 1)
		snprintf(first, sizeof(first), "%s", db_col_text(q, 0) ? db_col_text(q, 0) : "");
	db_done(q);
	if (r < 0)
		return err_set(e, r, "không kiểm tra được tệp: %s", db_errmsg(&db->base));
	if (strcmp(first, "ok") != 0)
		return err_set(e, ERR_CHECK, "tệp cơ sở dữ liệu hỏng: %s", first);
	return 0;
}

/* One object of the schema, as SQL_SCHEMA_OBJECTS lists it. */
struct db_obj {
	char type[16], name[128];
	char *sql;
};

static void db_objs_free(struct db_obj *o, int n)
{
	for (int i = 0; i < n; i++)
		free(o[i].sql);
	free(o);
}

static int db_objs(struct sq *db, struct db_obj **ret, int *ret_n)
{
	struct db_obj *o = NULL, *grown;
	struct db_q *q;
	int n = 0, cap = 0, r;

	r = db_prepare(&db->base, SQL_SCHEMA_OBJECTS, &q);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			grown = realloc(o, (size_t)cap * sizeof(*o));
			if (!grown) {
				r = ERR_NOMEM;
				break;
			}
			o = grown;
		}
		snprintf(o[n].type, sizeof(o[n].type), "%s", db_col_text(q, 0));
		snprintf(o[n].name, sizeof(o[n].name), "%s", db_col_text(q, 1));
		o[n].sql = strdup(db_col_text(q, 2));
		if (!o[n].sql) {
			r = ERR_NOMEM;
			break;
		}
		n++;
	}
	db_done(q);
	if (r < 0) {
		db_objs_free(o, n);
		return r;
	}
	*ret = o;
	*ret_n = n;
	return 0;
}

static int sq_schema_check(struct db *d, char *ret, size_t n, struct err *e)
{
	struct sq *db = SQ(d);
	struct db_obj *have = NULL, *want = NULL;
	int nh = 0, nw = 0, i = 0, j = 0, r, c;
	struct db *ref = NULL;

	/* The schema the migrations make, on an empty store in memory. */
	r = db_open(":memory:", DB_CREATE, &ref, e);
	if (r < 0)
		return r;
	r = db_objs(SQ(ref), &want, &nw);
	if (r == 0)
		r = db_objs(db, &have, &nh);
	db_close(ref);
	if (r < 0) {
		db_objs_free(want, nw);
		return err_set(e, r, "không đọc được lược đồ: %s", db_errmsg(&db->base));
	}
	r = 0;
	while (r == 0 && (i < nh || j < nw)) {
		if (i == nh)
			c = 1;
		else if (j == nw)
			c = -1;
		else if ((c = strcmp(have[i].type, want[j].type)) == 0)
			c = strcmp(have[i].name, want[j].name);
		if (c < 0) {
			snprintf(ret, n,
				 "%s %s: không có trong lược đồ của dondoc (được thêm ngoài)",
				 have[i].type, have[i].name);
			r = 1;
		} else if (c > 0) {
			snprintf(ret, n, "%s %s: bị xóa", want[j].type, want[j].name);
			r = 1;
		} else if (strcmp(have[i].sql, want[j].sql) != 0) {
			snprintf(ret, n, "%s %s: định nghĩa bị sửa", have[i].type, have[i].name);
			r = 1;
		}
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
	}
	db_objs_free(have, nh);
	db_objs_free(want, nw);
	return r;
}

/* Syncs the directory holding path, so that a rename into it survives a power cut. */
static int db_sync_dir(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	int fd, r = 0;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path) ? (int)(slash - path) : 1,
			 path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return ERR_IO;
	if (fsync(fd) != 0)
		r = ERR_IO;
	close(fd);
	return r;
}

/* Copies the whole of main from src to dst in one step (one read snapshot of src). */
static int sq_copy_pages(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (!b)
		return db_code(sqlite3_extended_errcode(dst));
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? 0 : (db_code(rc) ? db_code(rc) : ERR_DB);
}

static int sq_backup(struct db *d, const char *path, struct err *e)
{
	struct sq *db = SQ(d);
	char tmp[4096], pragma[64];
	sqlite3 *dst = NULL;
	int64_t cookie = 0;
	int r;

	if (snprintf(tmp, sizeof(tmp), "%s.part", path) >= (int)sizeof(tmp))
		return err_set(e, ERR_TOOBIG, "đường dẫn quá dài");
	unlink(tmp);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		r = err_set(e, ERR_IO, "%s: không tạo được tệp sao lưu: %s", path,
			    dst ? sqlite3_errmsg(dst) : "");
		goto out;
	}
	/* The cookie and the pages come from one read snapshot of the store. */
	sq_read_end(&db->base);
	r = db_sql_exec(db, "BEGIN");
	if (r == 0)
		r = db_schema_cookie(&db->base, &cookie);
	if (r == 0)
		r = sq_copy_pages(dst, db->h);
	db_sql_exec(db, "COMMIT");
	if (r < 0) {
		err_set(e, r, "%s: sao lưu thất bại: %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	/*
	 * The backup API bumps the copy's schema cookie; the copy's schema is the
	 * store's, so it takes the store's cookie back (nothing else has it open).
	 * One file on its own, without a WAL beside it.
	 */
	snprintf(pragma, sizeof(pragma), "PRAGMA schema_version = %lld", (long long)cookie);
	if (sqlite3_exec(dst, pragma, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		r = err_set(e, ERR_IO, "%s: sao lưu thất bại: %s", path, sqlite3_errmsg(dst));
		goto out;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		r = err_set(e, ERR_IO, "%s: không đóng được tệp sao lưu", path);
		dst = NULL;
		goto out;
	}
	dst = NULL;
	if (rename(tmp, path) != 0 || db_sync_dir(path) < 0) {
		r = err_set(e, ERR_IO, "%s: không ghi được tệp sao lưu", path);
		goto out;
	}
	return 0;
out:
	sqlite3_close(dst);
	unlink(tmp);
	return r;
}

static int sq_restore(struct db *d, const char *store_path, struct err *e)
{
	struct sq *src = SQ(d);
	struct db_head head;
	struct sq *dst = NULL;
	int64_t cookie = 0, src_cookie = 0;
	int r;

	if (db_is_pg(store_path))
		return db_sqlite_only(e, "khôi phục");
	r = db_schema_cookie(&src->base, &src_cookie);
	if (r < 0)
		return err_set(e, r, "không đọc được bản sao lưu: %s", db_errmsg(&src->base));
	dst = calloc(1, sizeof(*dst));
	if (!dst || !(dst->base.path = strdup(store_path))) {
		free(dst);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	dst->base.be = &db_sqlite_backend;
	memcpy(dst->base.key, src->base.key, sizeof(dst->base.key));
	dst->base.has_key = src->base.has_key;
	if (sq_handle_open(dst, store_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) !=
	    SQLITE_OK) {
		r = err_set(e, ERR_IO, "%s: không mở được", store_path);
		goto out;
	}
	r = db_functions(dst);
	if (r == 0)
		r = sq_copy_pages(dst->h, src->h);
	if (r == 0)
		r = db_sql_exec(dst, "PRAGMA journal_mode = WAL");
	if (r < 0) {
		err_set(e, r, "%s: khôi phục thất bại: %s", store_path,
			r == ERR_BUSY ? "cơ sở dữ liệu đang bận" : sqlite3_errmsg(dst->h));
		goto out;
	}
	/*
	 * The copy's head was sealed for the cookie it had; the restored store's
	 * cookie was bumped by the copy. Reseal it, only if it was sound.
	 */
	if (db_has_head(dst)) {
		r = db_head_get(dst, &head);
		if (r == 0 && !db_head_sound(dst, &head, src_cookie))
			r = ERR_CHECK;
		if (r == 0)
			r = db_schema_cookie(&dst->base, &cookie);
		if (r == 0)
			r = db_exec(&dst->base, SQL_AUDIT_HEAD_STAMP, "ii", head.keyed_from,
				    cookie);
		if (r < 0) {
			err_set(e, r, "%s: không niêm phong lại được đầu chuỗi nhật ký",
				store_path);
			goto out;
		}
	}
out:
	db_close(&dst->base);
	return r;
}

/* db_copy: a read snapshot of this store as a source. */
static int sq_copy_snapshot(struct db *d, bool on)
{
	if (on)
		sq_read_end(d);
	return db_sql_exec(SQ(d), on ? "BEGIN" : "COMMIT");
}

static int sq_copy_scan(struct db *d, const char *table, struct db_copy_sink *sink)
{
	struct sq *db = SQ(d);
	sqlite3_stmt *st = NULL;
	struct db_copy_val *v = NULL;
	const char **names = NULL;
	char sql[160], (*num)[32] = NULL;
	int n, rc, r = 0;

	if (!db_copy_ident(table))
		return ERR_INVAL;
	/* A table's rowid goes too (its audit entries name it), unless it has none. */
	snprintf(sql, sizeof(sql), "SELECT rowid AS rowid, * FROM \"%s\"", table);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", table);
		rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
		if (rc != SQLITE_OK)
			return db_code(rc) ? db_code(rc) : ERR_DB;
	}
	n = sqlite3_column_count(st);
	v = calloc((size_t)n + 1, sizeof(*v));
	names = calloc((size_t)n + 1, sizeof(*names));
	num = calloc((size_t)n + 1, sizeof(*num));
	if (!v || !names || !num) {
		r = ERR_NOMEM;
		goto out;
	}
	for (int i = 0; i < n; i++)
		names[i] = sqlite3_column_name(st, i);
	while (r == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_NULL:
				v[i] = (struct db_copy_val){DB_COPY_NULL, NULL, 0};
				break;
			case SQLITE_INTEGER:
				snprintf(num[i], sizeof(num[i]), "%lld",
					 (long long)sqlite3_column_int64(st, i));
				v[i] = (struct db_copy_val){DB_COPY_INT, num[i], strlen(num[i])};
				break;
			case SQLITE_FLOAT:
				/* Every bit of the double, so that it reads back equal. */
				snprintf(num[i], sizeof(num[i]), "%.17g",
					 sqlite3_column_double(st, i));
				v[i] = (struct db_copy_val){DB_COPY_REAL, num[i], strlen(num[i])};
				break;
			case SQLITE_BLOB: {
				const void *b = sqlite3_column_blob(st, i);

				v[i] = (struct db_copy_val){DB_COPY_BLOB, b ? b : "",
							    (size_t)sqlite3_column_bytes(st, i)};
				break;
			}
			default: {
				const char *t = (const char *)sqlite3_column_text(st, i);

				v[i] = (struct db_copy_val){DB_COPY_TEXT, t ? t : "",
							    (size_t)sqlite3_column_bytes(st, i)};
				break;
			}
			}
		}
		r = sink->row(sink, n, names, v);
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_code(rc) ? db_code(rc) : ERR_DB;
out:
	sqlite3_finalize(st);
	free(v);
	free(names);
	free(num);
	return r;
}

/* A list of names (and SQL texts) read from the schema. */
struct sq_names {
	char **name, **sql;
	int n;
};

static void sq_names_free(struct sq_names *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->name[i]);
		free(l->sql ? l->sql[i] : NULL);
	}
	free(l->name);
	free(l->sql);
	memset(l, 0, sizeof(*l));
}

/* The first column (and the second, with_sql) of every row of sql. */
static int sq_names(struct sq *db, const char *sql, bool with_sql, struct sq_names *ret)
{
	sqlite3_stmt *st = NULL;
	int rc, cap = 0, r = 0;

	memset(ret, 0, sizeof(*ret));
	rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return db_code(rc) ? db_code(rc) : ERR_DB;
	while (r == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = with_sql ? (const char *)sqlite3_column_text(st, 1) : NULL;

		if (ret->n == cap) {
			char **gn, **gs = NULL;

			cap = cap ? 2 * cap : 64;
			gn = realloc(ret->name, (size_t)cap * sizeof(char *));
			if (gn)
				ret->name = gn;
			if (gn && with_sql &&
			    (gs = realloc(ret->sql, (size_t)cap * sizeof(char *))))
				ret->sql = gs;
			if (!gn || (with_sql && !gs)) {
				r = ERR_NOMEM;
				break;
			}
		}
		ret->name[ret->n] = strdup(a ? a : "");
		if (with_sql)
			ret->sql[ret->n] = strdup(b ? b : "");
		ret->n++;
		if (!ret->name[ret->n - 1] || (with_sql && !ret->sql[ret->n - 1]))
			r = ERR_NOMEM;
	}
	if (r == 0 && rc != SQLITE_DONE)
		r = db_code(rc) ? db_code(rc) : ERR_DB;
	sqlite3_finalize(st);
	if (r < 0)
		sq_names_free(ret);
	return r;
}

/* The rows of one table going into a new SQLite store. */
struct sq_load {
	struct sq *db;
	const char *table;
	struct sq_names cols; /* the target's columns, and "rowid" when it keeps one apart */
	sqlite3_stmt *ins;
	int map[256], nmap;
	int64_t rows;
	struct err *e;
};

static int sq_load_row(struct db_copy_sink *s, int n, const char *const *names,
		       const struct db_copy_val *v)
{
	struct sq_load *l = s->ctx;
	int rc = SQLITE_OK, r;

	if (!l->ins) {
		char *sql = NULL;

		if (n > (int)(sizeof(l->map) / sizeof(l->map[0])))
			return err_set(l->e, ERR_TOOBIG, "bảng %s: quá nhiều cột", l->table);
		r = db_copy_insert_sql(l->table, (const char *const *)l->cols.name, l->cols.n, n,
				       names, false, l->map, &l->nmap, &sql, l->e);
		if (r < 0)
			return r;
		rc = sqlite3_prepare_v2(l->db->h, sql, -1, &l->ins, NULL);
		free(sql);
		if (rc != SQLITE_OK)
			return err_set(l->e, db_code(rc) ? db_code(rc) : ERR_DB, "bảng %s: %s",
				       l->table, sqlite3_errmsg(l->db->h));
	}
	sqlite3_reset(l->ins);
	for (int k = 0; k < l->nmap && rc == SQLITE_OK; k++) {
		const struct db_copy_val *x = &v[l->map[k]];

		switch (x->kind) {
		case DB_COPY_NULL:
			rc = sqlite3_bind_null(l->ins, k + 1);
			break;
		case DB_COPY_INT:
			rc = sqlite3_bind_int64(l->ins, k + 1, strtoll(x->p, NULL, 10));
			break;
		case DB_COPY_REAL:
			rc = sqlite3_bind_double(l->ins, k + 1, strtod(x->p, NULL));
			break;
		case DB_COPY_BLOB:
			rc = sqlite3_bind_blob64(l->ins, k + 1, x->p, x->len, SQLITE_STATIC);
			break;
		default:
			rc = sqlite3_bind_text64(l->ins, k + 1, x->p, x->len, SQLITE_STATIC,
						 SQLITE_UTF8);
			break;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(l->ins);
	if (rc != SQLITE_DONE)
		return err_set(l->e, db_code(rc) ? db_code(rc) : ERR_DB, "bảng %s: %s", l->table,
			       sqlite3_errmsg(l->db->h));
	sqlite3_clear_bindings(l->ins);
	l->rows++;
	return 0;
}

/*
 * The target's columns of table as SELECT * names them, and "rowid" when the
 * table keeps a rowid apart from them (no INTEGER PRIMARY KEY stands for it).
 */
static int sq_load_cols(struct sq *db, const char *table, struct sq_names *ret)
{
	char sql[160];
	struct sq_names info;
	int r, pk = 0;
	bool alias = false, rowid;
	sqlite3_stmt *st = NULL;

	snprintf(sql, sizeof(sql),
		 "SELECT name, upper(type) || ' ' || pk FROM pragma_table_info('%s')", table);
	r = sq_names(db, sql, true, &info);
	if (r < 0)
		return r;
	for (int i = 0; i < info.n; i++) {
		const char *sp = strrchr(info.sql[i], ' ');

		if (sp && strcmp(sp + 1, "0") != 0) {
			pk++;
			alias = strncmp(info.sql[i], "INTEGER ", 8) == 0;
		}
	}
	snprintf(sql, sizeof(sql), "SELECT rowid FROM \"%s\" LIMIT 0", table);
	rowid = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK;
	sqlite3_finalize(st);
	if (rowid && !(pk == 1 && alias)) {
		char **g = realloc(info.name, ((size_t)info.n + 1) * sizeof(char *));
		char **gs = g ? realloc(info.sql, ((size_t)info.n + 1) * sizeof(char *)) : NULL;

		if (g)
			info.name = g;
		if (gs)
			info.sql = gs;
		if (!g || !gs || !(info.name[info.n] = strdup("rowid"))) {
			sq_names_free(&info);
			return ERR_NOMEM;
		}
		info.sql[info.n++] = NULL;
	}
	*ret = info;
	return 0;
}

/* Removes the file at tmp with its WAL and shared memory. */
static void sq_part_remove(const char *tmp)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char p[4096];

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (snprintf(p, sizeof(p), "%s%s", tmp, suffixes[i]) < (int)sizeof(p))
			unlink(p);
}

/* The tables of the new store, shadow tables of its search index left out, in their order. */
static const char SQ_COPY_TABLES[] =
    "SELECT t.name FROM sqlite_schema t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%'"
    " ESCAPE '\\' AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' AND"
    " v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name LIKE v.name || '\\_%' ESCAPE '\\')"
    " ORDER BY t.rowid";

/*
 * A new SQLite store at path filled from src. The schema is made by the
 * migrations as for any new store (and sealed with src's key); then, in one
 * transaction, its triggers are dropped (the schema's and the connection's
 * TEMP ones), every table emptied of the rows the migrations put there and
 * filled from src, the schema's triggers made again from their own text, and
 * the head resealed for the cookie the schema has now. Foreign keys are
 * checked at the commit. Dropping the triggers is simpler and surer than
 * teaching each one to stand aside: SQLite has no switch for them. The file
 * is made as "PATH.part" and takes its name once complete (never over a file
 * there), so a copy cut short leaves no store at path.
 */
static int sq_copy_into(const char *path, struct db *src, struct db_copy_sink *sink,
			struct db_copy_report *rep, struct err *e)
{
	struct sq_names trig = {0}, temp = {0}, tables = {0};
	struct sq_load l = {.e = e};
	struct db_copy_sink load = {.row = sq_load_row, .ctx = &l};
	struct db_head head;
	struct sq *dst;
	int64_t cookie = 0;
	char sql[200], tmp[4096];
	int r;

	if (snprintf(tmp, sizeof(tmp), "%s.part", path) >= (int)sizeof(tmp) - 8)
		return err_set(e, ERR_TOOBIG, "đường dẫn quá dài: %s", path);
	sq_part_remove(tmp); /* what a copy cut short before left */
	dst = calloc(1, sizeof(*dst));
	if (!dst || !(dst->base.path = strdup(path))) {
		free(dst);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	dst->base.be = &db_sqlite_backend;
	memcpy(dst->base.key, src->key, sizeof(dst->base.key));
	dst->base.has_key = true;
	snprintf(dst->base.key_path, sizeof(dst->base.key_path), "%s.audit-key", path);
	db_set_actor(&dst->base, "cli");
	r = sink->ready(sink, e);
	if (r < 0)
		goto out;
	if (sq_handle_open(dst, tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) != SQLITE_OK) {
		r = err_set(e, ERR_IO, "%s: không tạo được tệp", tmp);
		goto out;
	}
	r = db_functions(dst);
	if (r == 0)
		r = db_sql_exec(dst, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
				     " PRAGMA synchronous = FULL");
	if (r < 0) {
		err_set(e, r, "%s: không tạo được tệp: %s", path, sqlite3_errmsg(dst->h));
		goto out;
	}
	r = db_migrate(dst, true, e);
	if (r < 0)
		goto out;
	r = db_sql_exec(dst, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON");
	if (r == 0)
		r = sq_names(
		    dst,
		    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid",
		    true, &trig);
	if (r == 0)
		r = sq_names(dst, "SELECT name FROM sqlite_temp_schema WHERE type = 'trigger'",
			     false, &temp);
	if (r == 0)
		r = sq_names(dst, SQ_COPY_TABLES, false, &tables);
	for (int i = 0; r == 0 && i < trig.n; i++) {
		r = db_copy_ident(trig.name[i]) ? 0 : ERR_INVAL;
		snprintf(sql, sizeof(sql), "DROP TRIGGER \"%s\"", trig.name[i]);
		if (r == 0)
			r = db_sql_exec(dst, sql);
	}
	for (int i = 0; r == 0 && i < temp.n; i++) {
		r = db_copy_ident(temp.name[i]) ? 0 : ERR_INVAL;
		snprintf(sql, sizeof(sql), "DROP TRIGGER temp.\"%s\"", temp.name[i]);
		if (r == 0)
			r = db_sql_exec(dst, sql);
	}
	/* Emptied first, all of them: a cascade never reaches rows already copied. */
	for (int i = 0; r == 0 && i < tables.n; i++) {
		r = db_copy_ident(tables.name[i]) ? 0 : ERR_INVAL;
		snprintf(sql, sizeof(sql), "DELETE FROM \"%s\"", tables.name[i]);
		if (r == 0)
			r = db_sql_exec(dst, sql);
	}
	if (r < 0) {
		err_set(e, r, "%s: không chuẩn bị được kho mới: %s", path, sqlite3_errmsg(dst->h));
		goto rollback;
	}
	for (int i = 0; r == 0 && i < tables.n; i++) {
		l.db = dst;
		l.table = tables.name[i];
		l.rows = 0;
		r = sq_load_cols(dst, l.table, &l.cols);
		if (r < 0) {
			err_set(e, r, "bảng %s: không đọc được các cột", l.table);
			break;
		}
		r = src->be->copy_scan(src, l.table, &load);
		if (r < 0 && (!e || e->code != r))
			err_set(e, r, "bảng %s: không đọc được từ kho nguồn: %s", l.table,
				db_errmsg(src));
		sqlite3_finalize(l.ins);
		l.ins = NULL;
		sq_names_free(&l.cols);
		if (r == 0)
			db_copy_count(rep, l.table, l.rows);
	}
	if (r < 0)
		goto rollback;
	for (int i = 0; r == 0 && i < trig.n; i++)
		r = db_sql_exec(dst, trig.sql[i]);
	if (r == 0)
		r = db_head_get(dst, &head);
	if (r == 0)
		r = db_schema_cookie(&dst->base, &cookie);
	if (r == 0)
		r = db_exec(&dst->base, SQL_AUDIT_HEAD_STAMP, "ii", head.keyed_from, cookie);
	if (r < 0) {
		err_set(e, r, "%s: không dựng lại được trigger và đầu chuỗi nhật ký: %s", path,
			sqlite3_errmsg(dst->h));
		goto rollback;
	}
	r = db_sql_exec(dst, "COMMIT");
	if (r < 0) {
		err_set(e, r, "%s: không ghi được bản sao: %s", path, sqlite3_errmsg(dst->h));
		goto rollback;
	}
	goto out;
rollback:
	sqlite3_exec(dst->h, "ROLLBACK", NULL, NULL, NULL);
out:
	sq_names_free(&trig);
	sq_names_free(&temp);
	sq_names_free(&tables);
	sq_close(&dst->base);
	/* Closed, its WAL folded in: the file takes its name, unless one is there now. */
	if (r == 0 && link(tmp, path) != 0)
		r = err_set(e, errno == EEXIST ? ERR_EXISTS : ERR_IO, "%s: không ghi được tệp%s",
			    path, errno == EEXIST ? " (một tệp khác vừa được tạo ở đó)" : "");
	if (r == 0 && db_sync_dir(path) < 0)
		r = err_set(e, ERR_IO, "%s: không ghi được tệp", path);
	sq_part_remove(tmp);
	return r;
}

const struct db_backend db_sqlite_backend = {
    .name = "sqlite",
    .open = sq_open,
    .close = sq_close,
    .version = sq_version,
    .begin = sq_begin,
    .commit = sq_commit,
    .rollback = sq_rollback,
    .depth = sq_depth,
    .read_begin = sq_read_begin,
    .read_end = sq_read_end,
    .prepare = sq_prepare,
    .bind_int = sq_bind_int,
    .bind_text = sq_bind_text,
    .bind_null = sq_bind_null,
    .bind_blob = sq_bind_blob,
    .step = sq_step,
    .col_int = sq_col_int,
    .col_text = sq_col_text,
    .col_null = sq_col_null,
    .col_blob = sq_col_blob,
    .done = sq_done,
    .last_id = sq_last_id,
    .changes = sq_changes,
    .errmsg = sq_errmsg,
    .set_actor = NULL,
    .set_timeout = sq_set_timeout,
    .set_memory = sq_set_memory,
    .schema_check = sq_schema_check,
    .schema_cookie = sq_schema_cookie,
    .integrity = sq_integrity,
    .backup = sq_backup,
    .restore = sq_restore,
    .copy_snapshot = sq_copy_snapshot,
    .copy_scan = sq_copy_scan,
    .copy_into = sq_copy_into,
};
