/* task_remind.h: reminder digests: what each unit must be told today, and what was sent. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/outbox/outbox.h"
#include "mail/mail.h"
#include "util/arena.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * One reminder about one task: "truoc_han:2023-12-04", "den_han:…", "qua_han:…",
 * "thieu_bao_cao:2023-10"; or about a reporting request its addressee has not
 * answered, due within before_days or overdue: "yeu_cau_bao_cao:ID", sent once.
 */
struct task_remind_item {
	int64_t task_id;    /* 0 for a reporting request */
	int64_t request_id; /* a reporting request not answered (core/requests), or 0 */
	int64_t body_id;    /* the request's addressee, with request_id */
	const char *event;
	const char *line; /* the digest's line about it, Vietnamese */
};

/*
 * Everything one unit is reminded of in one run: one message, to the unit's
 * address, copied to the offices that follow its tasks up.
 */
struct task_digest {
	int64_t unit_id;
	const char *unit_name;
	const char *to;	 /* NULL: the unit has no e-mail address */
	const char **cc; /* followers' addresses, distinct, not the same as to */
	size_t ncc;
	const char *subject, *body;
	struct task_remind_item *items;
	size_t nitems;
	enum outbox_status status; /* after task_remind_send */
	const char *reason;	   /* why it failed, or NULL */
};

struct task_remind_opts {
	const char *as_of; /* ISO */
	int before_days;   /* remind this many days before the deadline (and on the day) */
};

/*
 * The digests due at as_of: for every open task led by a unit, an event
 * before the deadline (within before_days), on the day, once overdue, and
 * for a periodic report missing from the last full cycle; events already
 * recorded as sent are left out, and units with nothing new get no digest.
 * A reporting request (core/requests) due by as_of + before_days that an
 * addressee has not answered goes, once, into the digest of the asking
 * body's unit that stands for the addressee (kind lower_body, its address).
 * Arena memory.
 */
int task_remind_plan(struct db *db, const struct task_remind_opts *o, struct arena *a,
		     struct task_digest **ret, size_t *ret_n, struct err *e);

/* Records a digest's events as sent, in one transaction. */
int task_remind_record(struct db *db, const struct task_digest *d, struct err *e);

/*
 * Plans the digests due at o->as_of (task_remind_plan) and mails them
 * through the outbox (core/outbox/outbox.h), one message per unit, copied to its
 * followers; a digest sent has its events recorded so none is sent twice,
 * one that failed or has no address is planned again next run. A unit's
 * digest is claimed whole (outbox_claim) before it is sent and its events
 * checked again, so that runs on several hosts at once send each event once:
 * a digest another run holds is OUTBOX_SKIPPED. Each digest's status says
 * what became of it. srv NULL is a dry run: nothing
 * is sent or recorded and every digest stays OUTBOX_QUEUED. ERR_PERM
 * (credentials without TLS) stops the run as outbox_send does. Arena memory.
 */
int task_remind_send(struct db *db, const struct task_remind_opts *o, const struct mail_server *srv,
		     struct arena *a, struct task_digest **ret, size_t *ret_n,
		     struct outbox_counts *ret_counts, struct err *e);
