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

/* A delivery's name in job_claim. */
static void delivery_key(const struct queued *q, char *buf, size_t n)
{
	snprintf(buf, n, "notice:delivery:%lld", (long long)q->id);
}

/* The outbox's claim hook: a delivery this process holds and that is still to be sent. */
static int delivery_claim(struct db *db, struct outbox_msg *m, struct arena *a, struct err *e)
{
	const struct queued *q = m->ctx;
	char key[64];
	int64_t pending = 0;
	bool mine;
	int r;

	(void)a;
	delivery_key(q, key, sizeof(key));
	r = outbox_claim(db, key, &mine, e);
	if (r < 0 || !mine)
		return r;
	r = db_query_int(db, SQL_NOTICE_DELIVERY_PENDING, &pending, "i", q->id);
	if (r == 0 && pending)
		return 1;
	if (r < 0)
		r = db_err(db, e, r, "cơ sở dữ liệu");
	outbox_unclaim(db, key, NULL);
	return r;
}

/*
 * The outbox's record hook: the delivery row says sent, or failed with the
 * reason, and the claim goes in the same transaction; a delivery not tried
 * (the run stopped) only lets its claim go.
 */
static int delivery_record(struct db *db, const struct outbox_msg *m, struct err *e)
{
	const struct queued *q = m->ctx;
	char key[64];
	int r;

	delivery_key(q, key, sizeof(key));
	if (m->status == OUTBOX_QUEUED)
		return outbox_unclaim(db, key, e);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_NOTICE_DELIVERY_SET, "tti",
		    m->status == OUTBOX_SENT ? "sent" : "failed",
		    m->status == OUTBOX_SENT ? NULL : m->reason, q->id);
	if (r < 0)
		r = db_err(db, e, r, "cơ sở dữ liệu");
	else
		r = outbox_unclaim(db, key, e);
	return db_end(db, r, e);
}

/*
 * Sends the issued text to every delivery still queued or failed, one
 * message per address, through the outbox (core/outbox/outbox.h), which records
 * each outcome on the delivery (sent, or failed with the reason). Paper deliveries are left for the office. When the server
 * would get the credentials without TLS (ERR_PERM from mail_send), stops
 * there with that error and the deliveries stay queued.
 */
int notice_public_url_check(const char *url, struct err *e)
{
	size_t n = url ? strlen(url) : 0;

	if (n == 0 || n > 200 ||
	    (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return err_set(e, ERR_INVAL,
			       "địa chỉ công khai '%.200s' không hợp lệ: cần dạng "
			       "https://ten-mien (tối đa 200 ký tự)",
			       url ? url : "");
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= 0x20 || (unsigned char)url[i] >= 0x7f ||
		    strchr("\"<>\\^`{|}", url[i]))
			return err_set(
			    e, ERR_INVAL,
			    "địa chỉ công khai '%.200s' không hợp lệ: có ký tự '%c' ở vị "
			    "trí %zu (dấu cách, dấu ngoặc và chữ có dấu không dùng được)",
			    url, (unsigned char)url[i] > 0x20 ? url[i] : ' ', i + 1);
	return 0;
}

/* "512-TB/HU" → "512-TB-HU.pdf": the attachment's name, arena memory. */
static const char *pdf_name(const char *symbol, struct arena *a)
{
	char *n = arena_printf(a, "%s.pdf", symbol && *symbol ? symbol : "thong-bao");

	for (char *p = n; p && *p; p++)
		if (*p == '/' || *p == '\\' || *p == '"' || *p == ' ')
			*p = '-';
	return n;
}

int notice_send(struct db *db, int64_t id, const struct mail_server *srv,
		const struct notice_mail *mail, size_t *ret_sent, size_t *ret_failed, struct err *e)
{
	struct arena *a = arena_new(8u << 20);
	struct notice_row row;
	struct queued *qd = NULL;
	struct outbox_msg *msgs;
	struct outbox_counts counts;
	const char *subject;
	size_t n = 0, cap = 0, sent = 0, failed = 0;
	struct buf body = BUF_INIT(4u << 20);
	struct mail_attachment att = {0};
	struct db_q *q;
	int r;

	if (!a)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (mail && mail->public_url && (r = notice_public_url_check(mail->public_url, e)) < 0)
		goto out;
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
	if (mail && mail->pdf && mail->pdf_len) {
		att = (struct mail_attachment){.filename = pdf_name(row.symbol, a),
					       .type = "application/pdf",
					       .data = mail->pdf,
					       .len = mail->pdf_len};
		r = buf_printf(&body, "\n--\nVăn bản kèm theo: %s (bản PDF).\n",
			       att.filename ? att.filename : "");
	}
	if (r == 0 && mail && mail->public_url) {
		size_t ul = strlen(mail->public_url);

		while (ul && mail->public_url[ul - 1] == '/')
			ul--;
		r = buf_printf(&body, "%sXem trên dondoc: %.*s/notices/%lld\n",
			       att.data ? "" : "\n--\n", (int)ul, mail->public_url, (long long)id);
	}
	if (r < 0) {
		r = err_set(e, ERR_TOOBIG, "thông báo quá dài để gửi thư");
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
					      .att = att.data ? &att : NULL,
					      .natt = att.data ? 1 : 0,
					      .claim = delivery_claim,
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
