/* mail_smtp.c: a composed message sent over SMTP with libcurl (dondoc-mail). */
#include <curl/curl.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "mail/mail.h"

struct mail_reader {
	const char *p;
	size_t left;
};

static size_t mail_read(char *dst, size_t size, size_t nmemb, void *ud)
{
	struct mail_reader *rd = ud;
	size_t n = size * nmemb;

	if (n > rd->left)
		n = rd->left;
	memcpy(dst, rd->p, n);
	rd->p += n;
	rd->left -= n;
	return n;
}

static int smtp_send(const struct mail_server *s, const struct mail_msg *m, const struct buf *msg,
		     struct err *e)
{
	struct curl_slist *rcpt = NULL, *l;
	struct mail_reader rd;
	bool creds = (s->user && *s->user) || (s->password && *s->password);
	/* smtps:// is TLS from the first byte; anything else starts in clear text. */
	bool need_tls =
	    creds && !s->insecure && strncasecmp(s->url ? s->url : "", "smtps://", 8) != 0;
	char from[300], errbuf[CURL_ERROR_SIZE] = "";
	CURL *c = NULL;
	CURLcode rc;
	int r = 0;

	for (size_t i = 0; i < m->nto + m->ncc; i++) {
		l = curl_slist_append(rcpt, i < m->nto ? m->to[i] : m->cc[i - m->nto]);
		if (!l) {
			r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
			goto out;
		}
		rcpt = l;
	}
	c = curl_easy_init();
	if (!c) {
		r = err_set(e, ERR_NOMEM, "không khởi tạo được libcurl");
		goto out;
	}
	snprintf(from, sizeof(from), "<%s>", s->from);
	rd.p = buf_str(msg);
	rd.left = msg->len;
	curl_easy_setopt(c, CURLOPT_URL, s->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, mail_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &rd);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, s->timeout_ms > 0 ? s->timeout_ms : 30000L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, (long)(need_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	if (s->user)
		curl_easy_setopt(c, CURLOPT_USERNAME, s->user);
	if (s->password)
		curl_easy_setopt(c, CURLOPT_PASSWORD, s->password);
	rc = curl_easy_perform(c);
	if (rc == CURLE_USE_SSL_FAILED && need_tls)
		r = err_set(e, ERR_PERM,
			    "máy chủ thư %s không cung cấp TLS (STARTTLS): không gửi tên đăng "
			    "nhập và mật khẩu (DONDOC_SMTP_USER, DONDOC_SMTP_PASSWORD) qua kết nối "
			    "không mã hóa; dùng smtps:// hoặc máy chủ có STARTTLS, hoặc chấp nhận "
			    "rủi ro bằng --smtp-insecure (DONDOC_SMTP_INSECURE=1)",
			    s->url);
	else if (rc != CURLE_OK)
		r = err_set(e, ERR_UNAVAIL, "không gửi được thư qua %s: %s", s->url,
			    errbuf[0] ? errbuf : curl_easy_strerror(rc));
out:
	curl_easy_cleanup(c);
	curl_slist_free_all(rcpt);
	return r;
}

/* The module's entry points (mail.h). */
const struct mail_mod dondoc_mod_mail = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .send = smtp_send,
};
