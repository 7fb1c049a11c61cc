/* outbox.c: sending dondoc's mail through src/mail, one claimed message at a time, and recording each outcome. */
#include "core/outbox/outbox.h"
#include "db/db.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

static const char *const outbox_codes[] = {"queued", "sent", "failed", "no_address", "skipped"};

const char *outbox_status_code(enum outbox_status s)
{
	return outbox_codes[s];
}

/* This process as a claim names it: "host:pid". */
static void claimer(char *buf, size_t n)
{
	char host[64];

	if (gethostname(host, sizeof(host)) < 0)
		snprintf(host, sizeof(host), "?");
	host[sizeof(host) - 1] = '\0';
	snprintf(buf, n, "%s:%lld", host, (long long)getpid());
}

/* The UTC time t seconds from now as the store writes times: 2023-11-28T07:00:00Z. */
static void utc(time_t delta, char buf[24])
{
	time_t t = time(NULL) + delta;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int outbox_claim(struct db *db, const char *key, bool *ret_claimed, struct err *e)
{
	char by[96], now[24], stale[24];
	int r;

	claimer(by, sizeof(by));
	utc(0, now);
	utc(-OUTBOX_CLAIM_STALE_S, stale);
	r = db_exec(db, SQL_CLAIM_TAKE, "tttt", key, now, by, stale);
	if (r < 0)
		return db_err(db, e, r, "không nhận được thư để gửi");
	*ret_claimed = db_changes(db) == 1;
	return 0;
}

int outbox_unclaim(struct db *db, const char *key, struct err *e)
{
	char by[96];
	int r;

	claimer(by, sizeof(by));
	r = db_exec(db, SQL_CLAIM_DROP, "tt", key, by);
	return r < 0 ? db_err(db, e, r, "không trả lại được thư chưa gửi") : 0;
}

int outbox_send(struct db *db, const struct mail_server *srv, struct outbox_msg *v, size_t n,
		struct arena *a, struct outbox_counts *ret, struct err *e)
{
	struct outbox_counts c = {0, 0, 0, 0};
	int r = 0;

	for (size_t i = 0; i < n; i++)
		v[i].status = OUTBOX_QUEUED;
	for (size_t i = 0; i < n; i++) {
		struct outbox_msg *m = &v[i];
		struct mail_msg mm;
		struct err me = {0};
		int sr;

		if (!m->to || !*m->to) {
			m->status = OUTBOX_NO_ADDRESS;
			c.no_address++;
			continue;
		}
		if (m->claim) {
			r = m->claim(db, m, a, e);
			if (r < 0)
				goto out;
			if (r == 0) {
				m->status = OUTBOX_SKIPPED;
				c.skipped++;
				continue;
			}
			r = 0;
		}
		/* read after the claim, which may have rewritten the text */
		mm = (struct mail_msg){.to = &m->to,
				       .nto = 1,
				       .cc = m->cc,
				       .ncc = m->ncc,
				       .subject = m->subject,
				       .body = m->body,
				       .att = m->att,
				       .natt = m->natt};
		sr = mail_send(srv, &mm, &me);
		if (sr == ERR_PERM) {
			/* No TLS for the credentials: every message would be refused alike. */
			r = err_set(e, sr, "%s", err_msg(&me, sr));
			if (m->record)
				m->record(db, m, NULL); /* still queued: lets its claim go */
			goto out;
		}
		if (sr == 0) {
			m->status = OUTBOX_SENT;
			c.sent++;
		} else {
			m->status = OUTBOX_FAILED;
			m->reason = arena_strdup(a, err_msg(&me, sr));
			if (!m->reason) {
				r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
				if (m->record) {
					m->status = OUTBOX_QUEUED;
					m->record(db, m, NULL);
				}
				goto out;
			}
			c.failed++;
		}
		if (m->record) {
			r = m->record(db, m, e);
			if (r < 0)
				goto out;
		}
	}
	*ret = c;
out:
	return r;
}
