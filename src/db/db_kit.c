/*
 * db_kit.c: what every store user needs on top of db.h, the same on both backends:
 * error messages, row copies, lists, transaction ends, and the dispatch of the
 * rest to the connection's backend (db_backend.h).
 */
#include "db/db.h"
#include "db/db_backend.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "db/migrations.h"
#include "util/arena.h"

int db_err(struct db *db, struct err *e, int r, const char *fmt, ...)
{
	char what[256];
	const char *msg;
	va_list ap;

	if (r >= 0)
		return r;
	/* A message set below (a lookup naming what it missed) says more. */
	if (e && e->code == r && e->msg[0])
		return r;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	switch (r) {
	case ERR_BUSY:
		return err_set(e, r,
			       "%s: cơ sở dữ liệu đang bận (một tiến trình khác đang ghi); hãy "
			       "thử lại sau ít phút",
			       what);
	case ERR_NOMEM:
		return err_set(e, r, "%s: hết bộ nhớ", what);
	case ERR_FULL:
		return err_set(e, r, "%s: đĩa đầy, không ghi được", what);
	case ERR_IO:
		return err_set(e, r, "%s: lỗi đọc/ghi tệp cơ sở dữ liệu", what);
	default:
		break;
	}
	/* The backend's words name the constraint or trigger that refused; never the file. */
	msg = db ? db_errmsg(db) : NULL;
	if (!msg || !msg[0] || (db_path(db)[0] && strstr(msg, db_path(db))))
		msg = err_str(r);
	return err_set(e, r, "%s: %s", what, msg);
}

int db_begin_e(struct db *db, struct err *e)
{
	return db_err(db, e, db_begin(db), "không ghi được");
}

int db_end(struct db *db, int r, struct err *e)
{
	int rc;

	if (r < 0) {
		db_rollback(db);
		return r;
	}
	rc = db_commit(db);
	if (rc < 0) {
		db_rollback(db);
		return db_err(db, e, rc, "không ghi được");
	}
	return r;
}

/* Prepares id and binds ap by types; on failure nothing is left prepared. */
static int db_vquery(struct db *db, enum db_stmt id, struct db_q **ret, const char *types,
		     va_list ap)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, id, &q);
	if (r < 0)
		return r;
	r = db_vbindv(q, types, ap);
	if (r < 0) {
		db_done(q);
		return r;
	}
	*ret = q;
	return 0;
}

int db_query(struct db *db, enum db_stmt id, struct db_q **ret, const char *types, ...)
{
	va_list ap;
	int r;

	va_start(ap, types);
	r = db_vquery(db, id, ret, types, ap);
	va_end(ap);
	return r;
}

/*
 * Runs id bound from ap: to its end (ret NULL), or to its first row, whose
 * first column goes to *ret (ERR_NOTFOUND without one).
 */
static int db_vrun(struct db *db, enum db_stmt id, int64_t *ret, const char *types, va_list ap)
{
	struct db_q *q;
	int r = db_vquery(db, id, &q, types, ap);

	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1 && !ret)
		;
	if (r == 1)
		*ret = db_col_int(q, 0);
	db_done(q);
	if (r == 0 && ret)
		return ERR_NOTFOUND;
	return r < 0 ? r : 0;
}

int db_exec(struct db *db, enum db_stmt id, const char *types, ...)
{
	va_list ap;
	int r;

	va_start(ap, types);
	r = db_vrun(db, id, NULL, types, ap);
	va_end(ap);
	return r;
}

int db_query_int(struct db *db, enum db_stmt id, int64_t *ret, const char *types, ...)
{
	va_list ap;
	int r;

	va_start(ap, types);
	r = db_vrun(db, id, ret, types, ap);
	va_end(ap);
	return r;
}

char *db_col_strdup(struct db_q *q, int col, struct arena *a)
{
	const char *s = db_col_text(q, col);

	return s ? arena_strdup(a, s) : NULL;
}

/* fn on the current row; a copy the arena refused meanwhile is ERR_NOMEM. */
static int db_row_read(struct db_q *q, struct arena *a, db_row_fn fn, void *ctx, void *row)
{
	size_t failures = arena_failures(a);
	int r = fn(q, a, row, ctx);

	return r == 0 && arena_failures(a) != failures ? ERR_NOMEM : r;
}

int db_list(struct db_q *q, struct arena *a, size_t elem, db_row_fn fn, void *ctx, void **ret,
	    size_t *ret_n)
{
	size_t n = 0, cap = 0;
	char *v = NULL, *grown;
	int r;

	while ((r = db_step(q)) == 1) {
		if (n == cap) {
			grown = arena_grow(a, v, n, &cap, elem);
			if (!grown) {
				r = ERR_NOMEM;
				break;
			}
			v = grown;
		}
		r = db_row_read(q, a, fn, ctx, v + n * elem);
		if (r < 0)
			break;
		n++;
	}
	db_done(q);
	if (r < 0)
		return r;
	*ret = v;
	*ret_n = n;
	return 0;
}

int db_one(struct db_q *q, struct arena *a, db_row_fn fn, void *ctx, void *ret, bool unique)
{
	int r = db_step(q);

	if (r == 1)
		r = db_row_read(q, a, fn, ctx, ret);
	else if (r == 0)
		r = ERR_NOTFOUND;
	if (r == 0 && unique) {
		r = db_step(q);
		r = r == 1 ? ERR_INVAL : r;
	}
	db_done(q);
	return r;
}

/* The two backends: dispatch through the connection's table of operations. */

int db_key_read(struct db *db, struct err *e)
{
	int r = db_audit_key_load(db->key_path, db->key);

	if (r == 0)
		db->has_key = true;
	else if (r == ERR_INVAL)
		return err_set(e, r, "%s: khóa nhật ký kiểm tra hỏng (cần 64 chữ số hệ 16)",
			       db->key_path);
	else if (r != ERR_NOTFOUND)
		return err_set(e, r, "%s: không đọc được khóa nhật ký kiểm tra", db->key_path);
	return 0;
}

char *db_address_shown(const char *path)
{
	return db_is_pg(path) ? pg_redact(path) : strdup(path);
}

bool db_is_pg(const char *path)
{
	return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0 ||
	       strncmp(path, "postgres:", 9) == 0;
}

int db_sqlite_only(struct err *e, const char *what)
{
	return err_set(e, ERR_INVAL,
		       "%s chỉ dùng được với kho SQLite (một tệp), không với kho PostgreSQL", what);
}

int db_backend_of(const char *path, const struct db_backend **ret, struct err *e)
{
	const void *t;
	int r;

	if (!db_is_pg(path)) {
		*ret = &db_sqlite_backend;
		return 0;
	}
	r = mod_get(MOD_PG, &t, e);
	if (r == 0)
		*ret = ((const struct db_pg_mod *)t)->backend;
	return r;
}

int db_open(const char *path, unsigned flags, struct db **ret, struct err *e)
{
	const struct db_backend *be;
	int r = db_backend_of(path, &be, e);

	return r < 0 ? r : be->open(path, flags, ret, e);
}

void db_close(struct db *db)
{
	if (db)
		db->be->close(db);
}

int db_version(struct db *db)
{
	return db->be->version(db);
}

int db_version_known(void)
{
	return db_migrations[db_nmigrations - 1].version;
}

int db_begin(struct db *db)
{
	return db->be->begin(db);
}

int db_commit(struct db *db)
{
	return db->be->commit(db);
}

void db_rollback(struct db *db)
{
	db->be->rollback(db);
}

int db_depth(struct db *db)
{
	return db->be->depth(db);
}

int db_read_begin(struct db *db)
{
	return db->be->read_begin ? db->be->read_begin(db) : 0;
}

void db_read_end(struct db *db)
{
	if (db->be->read_end)
		db->be->read_end(db);
}

int db_prepare(struct db *db, enum db_stmt id, struct db_q **ret)
{
	return db->be->prepare(db, id, ret);
}

int db_bind_int(struct db_q *q, int idx, int64_t v)
{
	return q->be->bind_int(q, idx, v);
}

int db_bind_text(struct db_q *q, int idx, const char *s)
{
	return q->be->bind_text(q, idx, s);
}

int db_bind_null(struct db_q *q, int idx)
{
	return q->be->bind_null(q, idx);
}

int db_bind_blob(struct db_q *q, int idx, const void *data, size_t len)
{
	return q->be->bind_blob(q, idx, data, len);
}

int db_step(struct db_q *q)
{
	return q->be->step(q);
}

int64_t db_col_int(struct db_q *q, int col)
{
	return q->be->col_int(q, col);
}

const char *db_col_text(struct db_q *q, int col)
{
	return q->be->col_text(q, col);
}

bool db_col_null(struct db_q *q, int col)
{
	return q->be->col_null(q, col);
}

void *db_col_blob(struct db_q *q, int col, struct arena *a, size_t *ret_len)
{
	return q->be->col_blob(q, col, a, ret_len);
}

void db_done(struct db_q *q)
{
	if (q)
		q->be->done(q);
}

int db_vbindv(struct db_q *q, const char *types, va_list ap)
{
	int r = 0, idx = 1;
	int64_t v;

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
		case 'I':
			v = va_arg(ap, int64_t);
			r = v > 0 ? db_bind_int(q, idx, v) : db_bind_null(q, idx);
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
	r = db_vbindv(q, types, ap);
	va_end(ap);
	return r;
}

int64_t db_last_id(struct db *db)
{
	return db->be->last_id(db);
}

int db_changes(struct db *db)
{
	return db->be->changes(db);
}

const char *db_errmsg(struct db *db)
{
	return db->be->errmsg(db);
}

const char *db_path(struct db *db)
{
	return db->path;
}

void db_set_actor(struct db *db, const char *actor)
{
	snprintf(db->actor, sizeof(db->actor), "%s", actor ? actor : "");
	if (db->be->set_actor)
		db->be->set_actor(db, db->actor);
}

const char *db_actor(struct db *db)
{
	return db->actor;
}

void db_set_timeout(struct db *db, int ms)
{
	db->be->set_timeout(db, ms);
}

int db_set_memory(struct db *db, int64_t mmap_mib, int64_t cache_kib)
{
	return db->be->set_memory(db, mmap_mib, cache_kib);
}

int db_schema_check(struct db *db, char *ret, size_t n, struct err *e)
{
	return db->be->schema_check(db, ret, n, e);
}

int db_schema_cookie(struct db *db, int64_t *ret)
{
	return db->be->schema_cookie(db, ret);
}

int db_integrity(struct db *db, struct err *e)
{
	return db->be->integrity(db, e);
}

int db_backup(struct db *db, const char *path, struct err *e)
{
	return db->be->backup(db, path, e);
}

int db_restore(struct db *src, const char *store_path, struct err *e)
{
	return src->be->restore(src, store_path, e);
}

const unsigned char *db_audit_key(struct db *db)
{
	return db->has_key ? db->key : NULL;
}

const char *db_audit_key_file(struct db *db)
{
	return db->key_path;
}

void db_set_audit_key(struct db *db, const unsigned char key[static DB_AUDIT_KEY_BYTES])
{
	memcpy(db->key, key, sizeof(db->key));
	db->has_key = true;
}
