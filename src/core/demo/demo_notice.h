/* demo_notice.h: the demo part "notice": session 26's conclusion notice and its recipients. */
#pragma once

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/* The template of the demo notice (docs/notice-template.md), with the seed's prose. */
extern const char demo_notice_template[];

/*
 * Adds the demo's recipient group "tb-bch" and session 26's notice as a draft
 * dated 04/10/2023. Needs the registry's demo (Huyện ủy Tân Yên, session 26).
 */
int demo_notice_fill(struct db *db, struct err *e);
