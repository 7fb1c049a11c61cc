/* demo_tasks.h: the demo's tasks: the seed notice's three tasks and a few more. */
#pragma once

#include "db/db.h"
#include "util/err.h"

/* Adds the demo tasks and their progress reports, inside the demo's transaction. */
int demo_tasks(struct db *db, struct err *e);
