/* tx.c: write transactions around several core writes that stand or fall together. */
#include "core/tx.h"
#include "db/db.h"

int tx_begin(struct db *db, struct err *e)
{
	int rc = db_begin(db);

	return rc < 0 ? err_set(e, rc, "Cơ sở dữ liệu đang bận, chưa ghi được") : 0;
}

int tx_end(struct db *db, int rc, struct err *e)
{
	if (rc < 0) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db);
	if (rc < 0) {
		db_rollback(db);
		return err_set(e, rc, "Không ghi được: %s", db_errmsg(db));
	}
	return 0;
}
