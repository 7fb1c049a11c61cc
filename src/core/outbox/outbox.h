/* outbox.h: the one way mail leaves dondoc (issued notices, reminder digests): send, record each outcome. */
#pragma once

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
};

/* "queued", "sent", "failed", "no_address" */
const char *outbox_status_code(enum outbox_status s);

struct outbox_msg;

/*
 * Records what became of m in the store (its delivery row, its reminder
 * events); called once per message tried, status and reason set.
 * 0 or a negative ERR_* with e set.
 */
typedef int (*outbox_record_fn)(struct db *db, const struct outbox_msg *m, struct err *e);

/* One message to send; strings are borrowed. */
struct outbox_msg {
	const char *to; /* a bare address; NULL when there is none */
	const char *const *cc;
	size_t ncc;
	const char *subject, *body;
	const struct mail_attachment *att; /* files sent with it (the notice's PDF) */
	size_t natt;
	outbox_record_fn record; /* or NULL: nothing to record */
	void *ctx;		 /* the caller's, for record */
	/* the outcome, written by outbox_send */
	enum outbox_status status;
	const char *reason; /* why it failed, Vietnamese; arena memory */
};

struct outbox_counts {
	size_t sent, failed, no_address;
};

/*
 * Sends v[0..n) through srv, one message each, and records each outcome
 * through the message's record hook: sent, or failed with the reason (a
 * failure does not stop the others); a message without an address is
 * OUTBOX_NO_ADDRESS, not tried and not recorded. When the server would
 * get credentials without TLS (ERR_PERM from mail_send) stops there with
 * that error: every later message would be refused alike, and the rest
 * stay OUTBOX_QUEUED. A record hook's error stops the run too. Reasons
 * are arena memory.
 */
int outbox_send(struct db *db, const struct mail_server *srv, struct outbox_msg *v, size_t n,
		struct arena *a, struct outbox_counts *ret, struct err *e);
