/* audit.c: verifying the chained audit log written by the store's triggers (m006, m010). */
#include "core/accounts/audit.h"
#include "db/db.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *nz(const char *s)
{
	return s ? s : "";
}

__attribute__((format(printf, 2, 3))) static void problem(struct audit_report *rep, const char *fmt,
							  ...)
{
	va_list ap;

	if (rep->nproblems >= AUDIT_MAX_PROBLEMS)
		return;
	va_start(ap, fmt);
	vsnprintf(rep->problems[rep->nproblems++], sizeof(rep->problems[0]), fmt, ap);
	va_end(ap);
}

struct head {
	bool present;
	int64_t keyed_from, last_id, count, cookie;
	char hash[65], mac[65];
};

static int head_read(struct db *db, struct head *h)
{
	struct db_q *q;
	int64_t n = 0;
	int r;

	memset(h, 0, sizeof(*h));
	h->keyed_from = INT64_MAX; /* without a head every entry is an older dondoc's */
	r = db_query_int(db, SQL_AUDIT_HEAD_EXISTS, &n, "");
	if (r < 0 || n == 0)
		return r < 0 ? r : ERR_NOTFOUND;
	r = db_prepare(db, SQL_AUDIT_HEAD_GET, &q);
	if (r < 0)
		return r;
	r = db_step(q);
	if (r == 1) {
		h->present = true;
		h->keyed_from = db_col_int(q, 0);
		h->last_id = db_col_int(q, 1);
		h->count = db_col_int(q, 2);
		snprintf(h->hash, sizeof(h->hash), "%s", nz(db_col_text(q, 3)));
		h->cookie = db_col_int(q, 4);
		snprintf(h->mac, sizeof(h->mac), "%s", nz(db_col_text(q, 5)));
		r = 0;
	}
	db_done(q);
	return r < 0 ? r : 0;
}

/* One entry of the walk: 0 when it follows, 1 when the chain breaks there (said in rep). */
static int walk_one(struct db_q *q, int64_t id, const unsigned char *key, int64_t keyed_from,
		    char prev[static 65], int64_t *prev_id, struct audit_report *rep)
{
	const char *stored_prev = db_col_text(q, 8), *stored = db_col_text(q, 9);
	char want[65];

	rep->entries++;
	if (id != *prev_id + 1 && strcmp(nz(stored_prev), prev) != 0) {
		rep->first_bad = id;
		rep->missing_from = *prev_id + 1;
		rep->missing_to = id - 1;
		problem(rep,
			"nhật ký kiểm tra bị cắt: thiếu %s #%" PRId64 "–#%" PRId64 " (%" PRId64
			" bản ghi đã bị xóa)",
			*prev_id ? "các bản ghi" : "các bản ghi đầu", *prev_id + 1, id - 1,
			id - 1 - *prev_id);
		return 1;
	}
	db_audit_hash(id >= keyed_from ? key : NULL, prev, id, db_col_text(q, 1), db_col_text(q, 2),
		      db_col_text(q, 3), db_col_int(q, 4), db_col_text(q, 5), db_col_text(q, 6),
		      db_col_text(q, 7), want);
	if (strcmp(nz(stored_prev), prev) != 0 || strcmp(nz(stored), want) != 0) {
		rep->first_bad = id;
		rep->outside = stored == NULL;
		if (rep->outside)
			problem(rep,
				"nhật ký kiểm tra: bản ghi #%" PRId64 " được ghi ngoài dondoc "
				"(không có chuỗi băm; có người sửa thẳng cơ sở dữ liệu)",
				id);
		else
			problem(rep,
				"nhật ký kiểm tra bị sửa: bản ghi #%" PRId64 " không khớp chuỗi "
				"băm có khóa (các bản ghi từ #%" PRId64 " trở đi không còn đáng "
				"tin)",
				id, id);
		return 1;
	}
	memcpy(prev, want, 65);
	*prev_id = id;
	return 0;
}

/*
 * The walk of the chain, AUDIT_PAGE entries at a time (a backend that fetches
 * a result whole holds one page, not a province's log); stops at the first
 * entry that does not follow.
 */
#define AUDIT_PAGE 5000
static int walk(struct db *db, const unsigned char *key, int64_t keyed_from,
		struct audit_report *rep)
{
	char prev[65] = "";
	int64_t prev_id = 0, after = 0, n = AUDIT_PAGE;
	bool broken = false;
	struct db_q *q;
	int r = 0;

	while (r == 0 && !broken && n == AUDIT_PAGE) {
		n = 0;
		r = db_prepare(db, SQL_AUDIT_PAGE, &q);
		if (r < 0)
			break;
		r = db_bind_int(q, 1, after);
		if (r == 0)
			r = db_bind_int(q, 2, AUDIT_PAGE);
		if (r < 0) {
			db_done(q);
			break;
		}
		while ((r = db_step(q)) == 1) {
			int64_t id = db_col_int(q, 0);

			n++;
			after = id;
			r = walk_one(q, id, key, keyed_from, prev, &prev_id, rep);
			if (r != 0) {
				broken = r > 0;
				r = r > 0 ? 0 : r;
				break;
			}
		}
		db_done(q);
	}
	return r < 0 ? r : 0;
}

/* The sealed head against the log's end. */
static int head_check(struct db *db, const unsigned char *key, const struct head *h,
		      struct audit_report *rep)
{
	int64_t count = 0, max_id = 0, cookie = 0;
	char want[65];
	struct db_q *q;
	int r;

	db_audit_head_mac(key, h->keyed_from, h->last_id, h->count, h->hash, h->cookie, want);
	if (strcmp(want, h->mac) != 0) {
		problem(rep, "đầu chuỗi nhật ký kiểm tra bị sửa (niêm phong không khớp khóa)");
		return 0;
	}
	r = db_prepare(db, SQL_AUDIT_SPAN, &q);
	if (r < 0)
		return r;
	r = db_step(q);
	if (r == 1) {
		count = db_col_int(q, 0);
		max_id = db_col_int(q, 1);
	}
	db_done(q);
	if (r < 0)
		return r;
	if (h->count > 0 && count == 0) {
		rep->missing_from = 1;
		rep->missing_to = h->last_id;
		problem(rep,
			"nhật ký kiểm tra bị xóa hết: cả %" PRId64 " bản ghi (#1–#%" PRId64
			") đã mất",
			h->count, h->last_id);
	} else if (max_id < h->last_id) {
		if (!rep->missing_from) {
			rep->missing_from = max_id + 1;
			rep->missing_to = h->last_id;
		}
		problem(rep,
			"nhật ký kiểm tra bị cắt đuôi: các bản ghi cuối #%" PRId64 "–#%" PRId64
			" (%" PRId64 " bản ghi) đã bị xóa",
			max_id + 1, h->last_id, h->last_id - max_id);
	} else if (count != h->count && !rep->first_bad) {
		problem(rep, "nhật ký kiểm tra có %" PRId64 " bản ghi, đầu chuỗi ghi nhận %" PRId64,
			count, h->count);
	} else if (max_id == h->last_id && !rep->first_bad) {
		char stored[65] = "";

		r = db_prepare(db, SQL_AUDIT_HASH_OF, &q);
		if (r < 0)
			return r;
		if (db_bind_int(q, 1, max_id) == 0 && db_step(q) == 1)
			snprintf(stored, sizeof(stored), "%s", nz(db_col_text(q, 0)));
		db_done(q);
		if (strcmp(stored, h->hash) != 0)
			problem(rep,
				"bản ghi cuối #%" PRId64 " khác bản ghi mà đầu chuỗi niêm phong",
				max_id);
	}
	r = db_schema_cookie(db, &cookie);
	if (r < 0)
		return r;
	if (cookie != h->cookie) {
		rep->schema_changed = true;
		problem(rep,
			"lược đồ bị thay đổi ngoài dondoc (schema_version %" PRId64
			", dondoc để lại %" PRId64 "): trigger có thể đã bị xóa rồi tạo lại để ghi "
			"mà không vào nhật ký",
			cookie, h->cookie);
	}
	rep->last_id = h->last_id;
	rep->count = h->count;
	memcpy(rep->last_hash, h->hash, sizeof(rep->last_hash));
	return 0;
}

/* Tables written without audit triggers, and the log's own guards. */
static int guards_check(struct db *db, struct audit_report *rep)
{
	char badtbl[64] = "", diff[200];
	struct db_q *q;
	int64_t guards = 0;
	struct err e2 = {0};
	int r;

	r = db_query_int(db, SQL_AUDIT_GUARDS, &guards, "");
	if (r < 0)
		return r;
	if (guards != 2)
		problem(rep, "nhật ký kiểm tra mất trigger bảo vệ (audit_log_no_update, "
			     "audit_log_no_delete)");
	r = db_prepare(db, SQL_AUDIT_UNGUARDED, &q);
	if (r < 0)
		return r;
	while ((r = db_step(q)) == 1) {
		if (!rep->unguarded++)
			snprintf(badtbl, sizeof(badtbl), "%s", nz(db_col_text(q, 0)));
	}
	db_done(q);
	if (r < 0)
		return r;
	if (rep->unguarded)
		problem(rep, "bảng '%s' được ghi mà không vào nhật ký kiểm tra", badtbl);
	r = db_schema_check(db, diff, sizeof(diff), &e2);
	if (r < 0)
		return r;
	if (r == 1) {
		rep->schema_changed = true;
		problem(rep, "lược đồ khác lược đồ của dondoc: %s", diff);
	}
	return 0;
}

int audit_verify(struct db *db, struct audit_report *ret, struct err *e)
{
	struct audit_report rep = {0};
	const unsigned char *key = db_audit_key(db);
	struct head h;
	int r;

	r = head_read(db, &h);
	if (r < 0 && r != ERR_NOTFOUND)
		return db_err(db, e, r, "không đọc được nhật ký");
	if (!h.present && r == 0)
		problem(&rep, "đầu chuỗi nhật ký kiểm tra bị xóa");
	if (h.present && !key)
		return err_set(e, ERR_NOTFOUND,
			       "không có khóa nhật ký kiểm tra %s: không kiểm chứng được nhật ký "
			       "(đặt DONDOC_AUDIT_KEY là đường dẫn của khóa)",
			       db_audit_key_file(db));
	r = walk(db, key, h.keyed_from, &rep);
	if (r == 0 && h.present)
		r = head_check(db, key, &h, &rep);
	if (r == 0)
		r = guards_check(db, &rep);
	if (r < 0)
		return db_err(db, e, r, "không đọc được nhật ký");
	if (ret)
		*ret = rep;
	if (rep.nproblems == 1)
		return err_set(e, ERR_CHECK, "%s", rep.problems[0]);
	if (rep.nproblems > 1)
		return err_set(e, ERR_CHECK, "%s (và %d sai lệch khác)", rep.problems[0],
			       rep.nproblems - 1);
	return 0;
}

/* The anchor's seal: the head's fields under the audit key. */
static void anchor_mac(const unsigned char *key, int64_t last_id, int64_t count, const char *hash,
		       char ret[static 65])
{
	db_audit_head_mac(key, -1, last_id, count, hash, -1, ret);
}

int audit_anchor_check(struct db *db, const char *path, struct audit_report *rep, struct err *e)
{
	const unsigned char *key = db_audit_key(db);
	char hash[65] = "", mac[65] = "", want[65], stored[65] = "", at[32] = "";
	long long last_id = 0, count = 0;
	struct db_q *q;
	FILE *f;
	int n, r;

	f = fopen(path, "r");
	if (!f)
		return 0;
	n = fscanf(f, "dondoc-anchor-1 %lld %lld %64s %31s %64s", &last_id, &count, hash, at, mac);
	fclose(f);
	if (!key)
		return err_set(e, ERR_NOTFOUND, "không có khóa nhật ký kiểm tra %s",
			       db_audit_key_file(db));
	if (n == 5)
		anchor_mac(key, last_id, count, hash, want);
	if (n != 5 || strcmp(want, mac) != 0) {
		problem(rep, "mốc kiểm tra %s bị sửa hoặc hỏng", path);
		return err_set(e, ERR_CHECK, "mốc kiểm tra %s bị sửa hoặc hỏng", path);
	}
	r = db_prepare(db, SQL_AUDIT_HASH_OF, &q);
	if (r < 0)
		return db_err(db, e, r, "không đọc được nhật ký");
	if (db_bind_int(q, 1, last_id) == 0 && db_step(q) == 1)
		snprintf(stored, sizeof(stored), "%s", nz(db_col_text(q, 0)));
	db_done(q);
	if (strcmp(stored, hash) != 0 || rep->count < count) {
		problem(rep,
			"nhật ký ngắn hơn mốc kiểm tra lần trước (%s, lúc %s: bản ghi #%lld, %lld "
			"bản ghi): các bản ghi sau đó đã bị xóa, hoặc cơ sở dữ liệu bị thay bằng "
			"bản cũ",
			path, at, last_id, count);
		return err_set(e, ERR_CHECK, "%s", rep->problems[rep->nproblems - 1]);
	}
	return 0;
}

int audit_anchor_write(struct db *db, const char *path, const struct audit_report *rep,
		       struct err *e)
{
	const unsigned char *key = db_audit_key(db);
	char tmp[4096], mac[65], at[32];
	time_t now = time(NULL);
	struct tm tm;
	FILE *f;
	int ok;

	if (!key || !rep->count)
		return 0;
	if (snprintf(tmp, sizeof(tmp), "%s.part", path) >= (int)sizeof(tmp))
		return err_set(e, ERR_TOOBIG, "đường dẫn mốc kiểm tra quá dài");
	gmtime_r(&now, &tm);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
	anchor_mac(key, rep->last_id, rep->count, rep->last_hash, mac);
	f = fopen(tmp, "w");
	if (!f)
		return err_set(e, ERR_IO, "%s: không ghi được mốc kiểm tra", path);
	ok = fprintf(f, "dondoc-anchor-1 %lld %lld %s %s %s\n", (long long)rep->last_id,
		     (long long)rep->count, rep->last_hash, at, mac) > 0;
	ok = (fflush(f) == 0) && ok;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		remove(tmp);
		return err_set(e, ERR_IO, "%s: không ghi được mốc kiểm tra", path);
	}
	return 0;
}
