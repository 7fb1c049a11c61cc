/* notice_send.c: sending an issued notice to the recipients who have an e-mail address, and recording it. */
#include <stdio.h>
#include <string.h>

#include "core/notice.h"
#include "mail/mail.h"

struct queued {
	int64_t id;
	const char *label, *address;
};

/*
 * Sends the issued text to every delivery still queued or failed, one
 * message per address, and records each outcome (sent, or failed with the
 * reason). Paper deliveries are left for the office. When the server
 * would get the credentials without TLS (ERR_PERM from mail_send), stops
 * there with that error and the deliveries stay queued.
 */
int notice_send(struct db *db, int64_t id, const struct mail_server *srv, size_t *ret_sent,
		size_t *ret_failed, struct err *e)
{
	struct arena *a = arena_new(8u << 20);
	struct notice_row row;
	struct queued *qd = NULL;
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
	for (size_t i = 0; i < n; i++) {
		const char *to[1] = {qd[i].address};
		char subject[512];
		struct mail_msg m = {
		    .to = to, .nto = 1, .subject = subject, .body = buf_str(&body)};
		struct err me = {0};
		int sr;

		snprintf(subject, sizeof(subject), "Thông báo số %s: %s",
			 row.symbol ? row.symbol : "", row.title ? row.title : "");
		sr = mail_send(srv, &m, &me);
		if (sr == ERR_PERM) {
			/* No TLS for the credentials: every address would be refused alike. */
			r = err_set(e, sr, "%s", err_msg(&me, sr));
			goto out;
		}
		if (sr == 0)
			sent++;
		else
			failed++;
		r = db_exec(db, SQL_NOTICE_DELIVERY_SET, "tti", sr == 0 ? "sent" : "failed",
			    sr == 0 ? NULL : err_msg(&me, sr), qd[i].id);
		if (r < 0) {
			r = db_err(db, e, r, "cơ sở dữ liệu");
			goto out;
		}
	}
	*ret_sent = sent;
	*ret_failed = failed;
	r = 0;
out:
	buf_free(&body);
	arena_free(a);
	return r;
}
