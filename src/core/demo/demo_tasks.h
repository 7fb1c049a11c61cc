/* demo_tasks.h: the demo's tasks: the seed notice's three tasks and a few more. */
#pragma once

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/* Adds the demo tasks and their progress reports, inside the demo's transaction. */
int demo_tasks(struct db *db, struct err *e);
