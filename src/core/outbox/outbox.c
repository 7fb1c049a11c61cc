/* outbox.c: sending dondoc's mail through src/mail and recording each outcome. */
#include "core/outbox/outbox.h"

static const char *const outbox_codes[] = {"queued", "sent", "failed", "no_address"};

const char *outbox_status_code(enum outbox_status s)
{
	return outbox_codes[s];
}

int outbox_send(struct db *db, const struct mail_server *srv, struct outbox_msg *v, size_t n,
		struct arena *a, struct outbox_counts *ret, struct err *e)
{
	struct outbox_counts c = {0, 0, 0};
	int r = 0;

	for (size_t i = 0; i < n; i++)
		v[i].status = OUTBOX_QUEUED;
	for (size_t i = 0; i < n; i++) {
		struct outbox_msg *m = &v[i];
		struct mail_msg mm = {.to = &m->to,
				      .nto = 1,
				      .cc = m->cc,
				      .ncc = m->ncc,
				      .subject = m->subject,
				      .body = m->body,
				      .att = m->att,
				      .natt = m->natt};
		struct err me = {0};
		int sr;

		if (!m->to || !*m->to) {
			m->status = OUTBOX_NO_ADDRESS;
			c.no_address++;
			continue;
		}
		sr = mail_send(srv, &mm, &me);
		if (sr == ERR_PERM) {
			/* No TLS for the credentials: every message would be refused alike. */
			r = err_set(e, sr, "%s", err_msg(&me, sr));
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
