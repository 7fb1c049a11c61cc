/* mail.c: composing UTF-8 e-mail, with attachments; sent over SMTP by the dondoc-mail module. */
#include "mail/mail.h"

#include "util/mod.h"

#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static bool mail_addr_ok(const char *a)
{
	const char *at;

	if (!a || !*a || strlen(a) > 254)
		return false;
	if (strpbrk(a, "\r\n <>\",;()\\"))
		return false;
	at = strchr(a, '@');
	return at && at != a && at[1] && !strchr(at + 1, '@');
}

static int mail_check_addrs(const char *const *v, size_t n, const char *what, struct err *e)
{
	for (size_t i = 0; i < n; i++)
		if (!mail_addr_ok(v[i]))
			return err_set(e, ERR_INVAL, "địa chỉ thư %s không hợp lệ: '%s'", what,
				       v[i] ? v[i] : "");
	return 0;
}

static int mail_b64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	int r = 0;

	for (size_t i = 0; i < n && r == 0; i += 3) {
		unsigned v = (unsigned)p[i] << 16;
		char q[4];

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = tab[(v >> 18) & 63];
		q[1] = tab[(v >> 12) & 63];
		q[2] = i + 1 < n ? tab[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? tab[v & 63] : '=';
		r = buf_add(out, q, 4);
	}
	return r;
}

/* The subject as RFC 2047 encoded words of whole UTF-8 characters, folded. */
static int mail_subject(struct buf *out, const char *s)
{
	size_t len = strlen(s), i = 0;
	int r = buf_puts(out, "Subject:");

	while (r == 0 && i < len) {
		size_t n = 0;

		/* 45 bytes encode to 60 characters: each word stays under 76. */
		while (i + n < len && n < 42) {
			size_t c = 1;

			while (i + n + c < len && ((unsigned char)s[i + n + c] & 0xC0) == 0x80)
				c++;
			n += c;
		}
		r = buf_puts(out, i ? "\r\n =?UTF-8?B?" : " =?UTF-8?B?");
		if (r == 0)
			r = mail_b64(out, (const unsigned char *)s + i, n);
		if (r == 0)
			r = buf_puts(out, "?=");
		i += n;
	}
	return r ? r : buf_puts(out, "\r\n");
}

static int mail_addr_header(struct buf *out, const char *name, const char *const *v, size_t n)
{
	int r;

	if (n == 0)
		return 0;
	r = buf_printf(out, "%s: ", name);
	for (size_t i = 0; r == 0 && i < n; i++)
		r = buf_printf(out, "%s<%s>", i ? ",\r\n " : "", v[i]);
	return r ? r : buf_puts(out, "\r\n");
}

/* 16 random bytes in hex (33 bytes with the NUL): Message-ID and MIME boundary. */
static void mail_token(char out[static 33])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16] = {0};
	size_t got = 0;

	while (got < sizeof(b)) {
		ssize_t n = getrandom(b + got, sizeof(b) - got, 0);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	if (got < sizeof(b)) {
		/* no kernel randomness: the nanosecond clock and the pid still differ */
		struct timespec ts;
		long long v[2];

		clock_gettime(CLOCK_REALTIME, &ts);
		v[0] = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
		v[1] = (long long)getpid();
		memcpy(b, v, sizeof(b));
	}
	for (size_t i = 0; i < sizeof(b); i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[32] = '\0';
}

static bool mail_filename_ok(const char *f)
{
	return f && *f && strlen(f) <= 200 && !strpbrk(f, "/\\\"\r\n");
}

/* Content-Disposition's filename: quoted when ASCII, else RFC 2231 (UTF-8, percent-encoded). */
static int mail_filename(struct buf *out, const char *f)
{
	static const char hex[] = "0123456789ABCDEF";
	bool ascii = true;
	int r;

	for (const unsigned char *p = (const unsigned char *)f; *p; p++)
		if (*p < 0x20 || *p >= 0x7f)
			ascii = false;
	if (ascii)
		return buf_printf(out, "filename=\"%s\"", f);
	r = buf_puts(out, "filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)f; r == 0 && *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			r = buf_putc(out, (char)*p);
		} else {
			char q[3] = {'%', hex[*p >> 4], hex[*p & 15]};

			r = buf_add(out, q, 3);
		}
	}
	return r;
}

/* Base64 in lines of 76 characters (RFC 2045). */
static int mail_b64_lines(struct buf *out, const unsigned char *p, size_t n)
{
	int r = 0;

	for (size_t i = 0; i < n && r == 0; i += 57) {
		r = mail_b64(out, p + i, n - i < 57 ? n - i : 57);
		if (r == 0)
			r = buf_puts(out, "\r\n");
	}
	return r;
}

/* Text: CRLF line ends; a line starting with '.' gets another (RFC 5321 4.5.2). */
static int mail_text(struct buf *out, const char *body)
{
	int r = 0;

	for (const char *p = body ? body : ""; r == 0 && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n && p[n - 1] == '\r')
			n--;
		if (*p == '.')
			r = buf_putc(out, '.');
		if (r == 0)
			r = buf_add(out, p, n);
		if (r == 0)
			r = buf_puts(out, "\r\n");
		p = nl ? nl + 1 : p + strlen(p);
	}
	return r;
}

int mail_compose(const struct mail_server *s, const struct mail_msg *m, struct buf *out,
		 struct err *e)
{
	char date[64], id[33], boundary[33];
	const char *domain;
	struct tm tm;
	time_t now = time(NULL);
	int r;

	if (!mail_addr_ok(s->from))
		return err_set(e, ERR_INVAL, "địa chỉ người gửi không hợp lệ: '%s'",
			       s->from ? s->from : "");
	if (m->nto == 0)
		return err_set(e, ERR_INVAL, "thư không có người nhận");
	r = mail_check_addrs(m->to, m->nto, "người nhận", e);
	if (r == 0)
		r = mail_check_addrs(m->cc, m->ncc, "đồng gửi", e);
	if (r < 0)
		return r;
	for (size_t i = 0; i < m->natt; i++)
		if (!mail_filename_ok(m->att[i].filename) || !m->att[i].type ||
		    strpbrk(m->att[i].type, "\r\n\";"))
			return err_set(e, ERR_INVAL, "tệp đính kèm thư có tên không hợp lệ: '%s'",
				       m->att[i].filename ? m->att[i].filename : "");
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	domain = strchr(s->from, '@') + 1;
	mail_token(id);
	mail_token(boundary);
	r = buf_printf(out, "Date: %s\r\nFrom: <%s>\r\n", date, s->from);
	if (r == 0)
		r = mail_addr_header(out, "To", m->to, m->nto);
	if (r == 0)
		r = mail_addr_header(out, "Cc", m->cc, m->ncc);
	if (r == 0)
		r = mail_subject(out, m->subject ? m->subject : "");
	if (r == 0)
		r = buf_printf(out, "Message-ID: <%lld.%s@%s>\r\nMIME-Version: 1.0\r\n",
			       (long long)now, id, domain);
	if (r == 0 && m->natt)
		r = buf_printf(out,
			       "Content-Type: multipart/mixed; boundary=\"=_dondoc_%s\"\r\n\r\n"
			       "--=_dondoc_%s\r\n",
			       boundary, boundary);
	if (r == 0)
		r = buf_puts(out, "Content-Type: text/plain; charset=UTF-8\r\n"
				  "Content-Transfer-Encoding: 8bit\r\n\r\n");
	if (r == 0)
		r = mail_text(out, m->body);
	for (size_t i = 0; r == 0 && i < m->natt; i++) {
		r = buf_printf(
		    out,
		    "--=_dondoc_%s\r\nContent-Type: %s\r\n"
		    "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; ",
		    boundary, m->att[i].type);
		if (r == 0)
			r = mail_filename(out, m->att[i].filename);
		if (r == 0)
			r = buf_puts(out, "\r\n\r\n");
		if (r == 0)
			r = mail_b64_lines(out, m->att[i].data, m->att[i].len);
	}
	if (r == 0 && m->natt)
		r = buf_printf(out, "--=_dondoc_%s--\r\n", boundary);
	if (r < 0)
		return err_set(e, ERR_TOOBIG, "thư quá lớn (tối đa %u MB)", MAIL_MAX >> 20);
	return 0;
}

int mail_send(const struct mail_server *s, const struct mail_msg *m, struct err *e)
{
	struct buf msg = BUF_INIT(MAIL_MAX);
	const void *t;
	int r;

	if (!s->url || !*s->url)
		return err_set(e, ERR_UNAVAIL, "chưa cấu hình máy chủ thư (SMTP)");
	r = mail_compose(s, m, &msg, e);
	if (r == 0)
		r = mod_get(MOD_MAIL, &t, e);
	if (r == 0)
		r = ((const struct mail_mod *)t)->send(s, m, &msg, e);
	buf_free(&msg);
	return r;
}
