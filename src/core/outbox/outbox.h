/* outbox.h: the one way mail leaves dondoc (issued notices, reminder digests): send, record each outcome. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "mail/mail.h"
#include "util/arena.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

enum outbox_status {
	OUTBOX_QUEUED,	   /* not tried (yet): a dry run, or a run stopped before it */
	OUTBOX_SENT,	   /* the server took it */
	OUTBOX_FAILED,	   /* refused or unreachable; reason says why */
	OUTBOX_NO_ADDRESS, /* nobody to send it to: left for the office */
	OUTBOX_SKIPPED,	   /* claimed by another process, or sent since it was planned */
};

/* "queued", "sent", "failed", "no_address", "skipped" */
const char *outbox_status_code(enum outbox_status s);

struct outbox_msg;

/*
 * Records what became of m in the store (its delivery row, its reminder
 * events); called once per message tried, status and reason set.
 * 0 or a negative ERR_* with e set.
 */
typedef int (*outbox_record_fn)(struct db *db, const struct outbox_msg *m, struct err *e);

/*
 * Claims m for this process just before it is sent (outbox_claim on each of
 * its keys), and may drop from it what another process holds or has sent
 * since it was planned, rewriting its text: 1 to send it, 0 to leave it
 * (OUTBOX_SKIPPED, not recorded), or a negative ERR_* with e set. A message
 * claimed is always passed to its record hook afterwards, which lets the
 * claim go: sent, failed, or OUTBOX_QUEUED when the run stopped before it.
 */
typedef int (*outbox_claim_fn)(struct db *db, struct outbox_msg *m, struct arena *a, struct err *e);

/* One message to send; strings are borrowed. */
struct outbox_msg {
	const char *to; /* a bare address; NULL when there is none */
	const char *const *cc;
	size_t ncc;
	const char *subject, *body;
	const struct mail_attachment *att; /* files sent with it (the notice's PDF) */
	size_t natt;
	outbox_claim_fn claim;	 /* or NULL: sent without a claim */
	outbox_record_fn record; /* or NULL: nothing to record */
	void *ctx;		 /* the caller's, for record */
	/* the outcome, written by outbox_send */
	enum outbox_status status;
	const char *reason; /* why it failed, Vietnamese; arena memory */
};

struct outbox_counts {
	size_t sent, failed, no_address, skipped;
};

/*
 * Several hosts may run the same job (dondoc remind, a notice's mail) on one
 * store: each message is claimed by one process in a write of its own
 * (job_claim), then sent, then recorded with the claim let go in one
 * transaction. A claim older than this many seconds belongs to a process
 * that died before recording its outcome, and is taken over.
 */
#define OUTBOX_CLAIM_STALE_S 600

/*
 * Claims the message named key ("remind:task:12:3:qua_han:2023-11-27") for
 * this process (host and pid): *ret_claimed is true when no other process
 * holds it, or its claim is older than OUTBOX_CLAIM_STALE_S. Run outside a
 * transaction, the claim is committed before this returns. The caller lets
 * it go with outbox_unclaim once the outcome is recorded (in the same
 * transaction) or the message was not sent. 0 or a negative ERR_* with e set.
 */
int outbox_claim(struct db *db, const char *key, bool *ret_claimed, struct err *e);

/* Lets go this process's claim on key; 0 or a negative ERR_* with e set. */
int outbox_unclaim(struct db *db, const char *key, struct err *e);

/*
 * Sends v[0..n) through srv, one message each, and records each outcome
 * through the message's record hook: sent, or failed with the reason (a
 * failure does not stop the others); a message without an address is
 * OUTBOX_NO_ADDRESS, not tried and not recorded. A message with a claim
 * hook is claimed first; one it leaves is OUTBOX_SKIPPED. When the server would
 * get credentials without TLS (ERR_PERM from mail_send) stops there with
 * that error: every later message would be refused alike, and the rest
 * stay OUTBOX_QUEUED. A record hook's error stops the run too. Reasons
 * are arena memory.
 */
int outbox_send(struct db *db, const struct mail_server *srv, struct outbox_msg *v, size_t n,
		struct arena *a, struct outbox_counts *ret, struct err *e);
