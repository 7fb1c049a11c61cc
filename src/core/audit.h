/* audit.h: verifying the store's chained audit log. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "db/db.h"
#include "util/err.h"

struct audit_report {
	int64_t entries;   /* entries read */
	int64_t first_bad; /* id of the first entry whose chain breaks; 0 when none */
	int unguarded;	   /* tables written without audit triggers */
	bool outside;	   /* the first broken entry was written outside dondoc */
};

/*
 * Recomputes every entry's hash from its fields and the previous entry's,
 * and checks that every table of the store is audited. ERR_CHECK, with e
 * naming the first broken entry (or the unaudited table), when anything is wrong.
 */
int audit_verify(struct db *db, struct audit_report *ret, struct err *e);
