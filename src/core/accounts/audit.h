/* audit.h: verifying the store's chained audit log, its sealed head, its schema and the last anchor. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

#define AUDIT_MAX_PROBLEMS 8

struct audit_report {
	int64_t entries;   /* entries read */
	int64_t first_bad; /* id of the first entry whose chain breaks; 0 when none */
	int unguarded;	   /* tables written without audit triggers */
	bool outside;	   /* the first broken entry was written outside dondoc */
	int64_t missing_from,
	    missing_to;	     /* ids of the first run of entries cut away; 0 when none */
	bool schema_changed; /* the schema is not the one dondoc left */
	/* The head as verified: what an anchor records. */
	int64_t last_id, count;
	char last_hash[65];
	/* Every fault found, in Vietnamese, first one first. */
	int nproblems;
	char problems[AUDIT_MAX_PROBLEMS][240];
};

/*
 * Verifies the audit log: every entry's keyed hash from its fields and the
 * previous entry's (entries an older dondoc wrote, before the head's
 * keyed_from, unkeyed), ids without gaps, the sealed head against the log's
 * end (a cut tail or an emptied log is named), the schema cookie and the
 * schema's objects against the migrations' (a trigger dropped and made again
 * is seen), and that every table is audited. ERR_CHECK with e holding the
 * first fault and ret->problems all of them; ERR_NOTFOUND when the audit key
 * is missing.
 */
int audit_verify(struct db *db, struct audit_report *ret, struct err *e);

/*
 * Holds the log against the anchor the last successful check wrote to path
 * (the entry it names must still be there with the same hash, and no fewer
 * entries): a missing file is no fault. Adds its fault to rep; ERR_CHECK.
 */
int audit_anchor_check(struct db *db, const char *path, struct audit_report *rep, struct err *e);
/* Writes the verified head in rep to path as the new anchor, sealed with the audit key. */
int audit_anchor_write(struct db *db, const char *path, const struct audit_report *rep,
		       struct err *e);
