/* tx.h: write transactions around several core writes that stand or fall together. */
#pragma once

#include "util/err.h"

struct db;

/* Opens a write transaction; a busy store is ERR_BUSY with e saying nothing was written. */
int tx_begin(struct db *db, struct err *e);
/* Commits when rc is 0, else rolls back; returns rc, or the commit's error (in e). */
int tx_end(struct db *db, int rc, struct err *e);
