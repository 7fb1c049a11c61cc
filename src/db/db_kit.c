/* db_kit.c: what every store user needs on top of db.h: error messages, row copies, lists, transaction ends. */
#include "db/db.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
