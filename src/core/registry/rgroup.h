/* rgroup.h: recipient groups (nơi nhận): a body's named lists of the lines a notice prints under "Nơi nhận", with addresses. */
#pragma once

#include <stdint.h>

#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * Each write is one transaction (a savepoint inside the caller's): a refusal
 * writes nothing.
 * Text is stored in NFC.
 */

#define RGROUP_CODE_MAX 31
#define RGROUP_NAME_MAX 200
#define RGROUP_LABEL_MAX 500
#define RGROUP_EMAIL_MAX 320

/*
 * Adds a group to body_id. code: 1-31 of [a-z0-9._-], the name a template's
 * @recipients line uses ("tb-bch"); name: what people call it. ERR_EXISTS
 * when the body has that code already; ERR_NOTFOUND for an unknown body.
 */
int rgroup_add(struct db *db, int64_t body_id, const char *code, const char *name, int64_t *ret_id,
	       struct err *e);

/*
 * Appends a line to a group, after its last one. label is the line as
 * printed, without the leading "- " and the trailing "," (both are dropped
 * when given); email (NULL or "" for none: delivered on paper) must look
 * like an address. ERR_NOTFOUND for an unknown group.
 */
int rgroup_line_add(struct db *db, int64_t group_id, const char *label, const char *email,
		    int64_t *ret_id, struct err *e);
