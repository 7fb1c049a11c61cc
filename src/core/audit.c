/* audit.c: verifying the chained audit log written by the store's triggers (m006). */
#include "core/audit.h"

#include <stdio.h>
#include <string.h>

static const char *nz(const char *s)
{
	return s ? s : "";
}

int audit_verify(struct db *db, struct audit_report *ret, struct err *e)
{
	struct audit_report rep = {0};
	char prev[65] = "", want[65], badtbl[64] = "";
	struct db_q *q;
	int64_t guards = 0;
	int r;

	r = db_query_int(db, SQL_AUDIT_GUARDS, &guards, "");
	if (r < 0)
		return err_set(e, r, "không đọc được lược đồ: %s", db_errmsg(db));
	r = db_prepare(db, SQL_AUDIT_UNGUARDED, &q);
	if (r < 0)
		return err_set(e, r, "không đọc được lược đồ: %s", db_errmsg(db));
	while ((r = db_step(q)) == 1) {
		if (!rep.unguarded++)
			snprintf(badtbl, sizeof(badtbl), "%s", nz(db_col_text(q, 0)));
	}
	db_done(q);
	if (r < 0)
		return err_set(e, r, "không đọc được lược đồ: %s", db_errmsg(db));
	r = db_prepare(db, SQL_AUDIT_ALL, &q);
	if (r < 0)
		return err_set(e, r, "không đọc được nhật ký: %s", db_errmsg(db));
	while ((r = db_step(q)) == 1) {
		int64_t id = db_col_int(q, 0);
		const char *stored_prev = db_col_text(q, 8), *stored = db_col_text(q, 9);

		rep.entries++;
		db_audit_hash(prev, id, db_col_text(q, 1), db_col_text(q, 2), db_col_text(q, 3),
			      db_col_int(q, 4), db_col_text(q, 5), db_col_text(q, 6),
			      db_col_text(q, 7), want);
		if (strcmp(nz(stored_prev), prev) != 0 || strcmp(nz(stored), want) != 0) {
			rep.first_bad = id;
			rep.outside = stored == NULL;
			break;
		}
		memcpy(prev, want, sizeof(prev));
	}
	db_done(q);
	if (r < 0)
		return err_set(e, r, "không đọc được nhật ký: %s", db_errmsg(db));
	if (ret)
		*ret = rep;
	if (rep.first_bad && rep.outside)
		return err_set(
		    e, ERR_CHECK,
		    "nhật ký kiểm tra: bản ghi #%lld được ghi ngoài dondoc (không có chuỗi "
		    "băm; có người sửa thẳng cơ sở dữ liệu)",
		    (long long)rep.first_bad);
	if (rep.first_bad)
		return err_set(e, ERR_CHECK,
			       "nhật ký kiểm tra bị sửa: bản ghi #%lld không khớp chuỗi băm (các "
			       "bản ghi từ #%lld trở đi không còn đáng tin)",
			       (long long)rep.first_bad, (long long)rep.first_bad);
	if (guards != 2)
		return err_set(e, ERR_CHECK,
			       "nhật ký kiểm tra mất trigger bảo vệ (audit_log_no_update, "
			       "audit_log_no_delete)");
	if (rep.unguarded)
		return err_set(e, ERR_CHECK, "bảng '%s' được ghi mà không vào nhật ký kiểm tra",
			       badtbl);
	return 0;
}
