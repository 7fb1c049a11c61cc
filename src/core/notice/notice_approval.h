/* notice_approval.h: approval before issuing (trình ký): a draft submitted to its signer, approved or returned with comments. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db;

/* One step of a draft's way to its signer. */
struct notice_step {
	const char *step; /* submit, approve, return, edit */
	const char *comment, *actor, *at;
};

/* A draft's approval: its steps in order; state is the last step's, or "" for none. */
struct notice_approval {
	bool required; /* the body requires approval before issuing */
	const char *state;
	struct notice_step *steps;
	size_t nsteps;
};

/* Whether body_id's drafts must be approved before issuing (a setting per body). */
int notice_approval_rule_set(struct db *db, int64_t body_id, bool required, struct err *e);

/* The notice's approval and its history; arena memory. */
int notice_approval_get(struct db *db, int64_t notice_id, struct arena *a,
			struct notice_approval *ret, struct err *e);

/*
 * The three steps, each kept in the history with the acting account (the
 * store's actor) and the time. Submitting takes a draft not already waiting
 * or approved; approving and returning take a submitted one; returning needs
 * a comment (ERR_INVAL naming "ý kiến"). ERR_LOCKED for a notice already
 * issued, ERR_INVAL for a step that does not follow.
 */
int notice_submit(struct db *db, int64_t notice_id, struct err *e);
int notice_approve(struct db *db, int64_t notice_id, struct err *e);
int notice_return(struct db *db, int64_t notice_id, const char *comment, struct err *e);

/*
 * In notice_issue's transaction: ERR_CHECK when the body requires approval
 * and the draft's last step is not an approval, saying where it stands.
 */
int notice_approval_gate(struct db *db, int64_t notice_id, int64_t body_id, struct err *e);
