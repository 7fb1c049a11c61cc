/* demo.h: the demo data: the Tân Yên district committee and its session 26 of 04/10/2023. */
#pragma once

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * Fills an empty store with the demo, every module's part in order, in one
 * transaction. ERR_EXISTS when the store already holds bodies.
 */
int demo_create(struct db *db, struct err *e);

/* The modules' parts, each filling its own tables. */
int demo_indicators(struct db *db, struct err *e);
int demo_web(struct db *db, struct err *e);
int demo_notice_fill(struct db *db, struct err *e);
