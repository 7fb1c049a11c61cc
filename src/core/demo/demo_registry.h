/* demo_registry.h: the registry's part of the demo. */
#pragma once

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * Tân Yên's district committee under Bắc Giang and the centre, its term XXII,
 * organs, members and units, the documents session 26 cites, and session 26
 * of 04/10/2023 with its five agenda items. Runs inside demo_create's
 * transaction.
 */
int demo_registry(struct db *db, struct err *e);
