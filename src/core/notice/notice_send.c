/* notice_send.c: sending an issued notice to the recipients who have an e-mail address, through the outbox. */
#include <stdio.h>
#include <string.h>

#include "core/notice/notice.h"
#include "db/db.h"
#include "core/outbox/outbox.h"
#include "mail/mail.h"

struct queued {
	int64_t id;
	const char *label, *address;
};

/* The outbox's record hook: the delivery row says sent, or failed with the reason. */
static int delivery_record(struct db *db, const struct outbox_msg *m, struct err *e)
{
	const struct queued *q = m->ctx;
	int r = db_exec(db, SQL_NOTICE_DELIVERY_SET, "tti",
			m->status == OUTBOX_SENT ? "sent" : "failed",
			m->status == OUTBOX_SENT ? NULL : m->reason, q->id);

	if (r < 0)
		return db_err(db, e, r, "cơ sở dữ liệu");
	return 0;
}

/*
 * Sends the issued text to every delivery still queued or failed, one
 * message per address, through the outbox (core/outbox/outbox.h), which records
 * each outcome on the delivery (sent, or failed with the reason). Paper deliveries are left for the office. When the server
 * would get the credentials without TLS (ERR_PERM from mail_send), stops
 * there with that error and the deliveries stay queued.
 */
int notice_send(struct db *db, int64_t id, const struct mail_server *srv, size_t *ret_sent,
		size_t *ret_failed, struct err *e)
{
	struct arena *a = arena_new(8u << 20);
	struct notice_row row;
	struct queued *qd = NULL;
	struct outbox_msg *msgs;
	struct outbox_counts counts;
	const char *subject;
	size_t n = 0, cap = 0, sent = 0, failed = 0;
	struct buf body = BUF_INIT(4u << 20);
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	r = notice_get(db, id, a, &row, e);
	if (r < 0)
		goto out;
	if (strcmp(row.status, "draft") == 0) {
		r = err_set(e, ERR_INVAL, "thông báo %lld chưa ban hành: chưa gửi được",
			    (long long)id);
		goto out;
	}
	r = db_prepare(db, SQL_NOTICE_QUEUED, &q);
	if (r < 0) {
		r = db_err(db, e, r, "cơ sở dữ liệu");
		goto out;
	}
	r = db_bindv(q, "i", id);
	while (r >= 0 && (r = db_step(q)) > 0) {
		if (arena_reserve(a, &qd, n, &cap, sizeof(*qd)) < 0) {
			r = ERR_NOMEM;
			break;
		}
		qd[n].id = db_col_int(q, 0);
		qd[n].label = arena_strdup(a, db_col_text(q, 1));
		qd[n].address = arena_strdup(a, db_col_text(q, 2));
		n++;
	}
	db_done(q);
	if (r < 0) {
		r = db_err(db, e, r, "cơ sở dữ liệu");
		goto out;
	}
	r = db_prepare(db, SQL_NOTICE_ISSUED_TEXT, &q);
	if (r == 0)
		r = db_bindv(q, "i", id);
	if (r == 0 && (r = db_step(q)) > 0)
		r = buf_puts(&body, db_col_text(q, 0));
	else if (r == 0)
		r = ERR_NOTFOUND;
	db_done(q);
	if (r < 0) {
		r = err_set(e, r, "không đọc được văn bản đã ban hành của thông báo %lld",
			    (long long)id);
		goto out;
	}
	subject = arena_printf(a, "Thông báo số %s: %s", row.symbol ? row.symbol : "",
			       row.title ? row.title : "");
	msgs = n ? arena_alloc(a, n * sizeof(*msgs)) : NULL;
	if ((n && !msgs) || !subject) {
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		msgs[i] = (struct outbox_msg){.to = qd[i].address,
					      .subject = subject,
					      .body = buf_str(&body),
					      .record = delivery_record,
					      .ctx = &qd[i]};
	r = outbox_send(db, srv, msgs, n, a, &counts, e);
	if (r < 0)
		goto out;
	sent = counts.sent;
	failed = counts.failed;
	*ret_sent = sent;
	*ret_failed = failed;
	r = 0;
out:
	buf_free(&body);
	arena_free(a);
	return r;
}
