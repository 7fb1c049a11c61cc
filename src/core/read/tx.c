/* tx.c: write transactions for callers above core (pages, API) that include no store header. */
#include "core/read/tx.h"
#include "db/db.h"

int tx_begin(struct db *db, struct err *e)
{
	return db_begin_e(db, e);
}

int tx_end(struct db *db, int rc, struct err *e)
{
	rc = db_end(db, rc, e);
	return rc < 0 ? rc : 0;
}
