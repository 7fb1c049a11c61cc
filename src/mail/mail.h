/* mail.h: composing and sending plain-text UTF-8 e-mail over SMTP (libcurl). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/*
 * Where mail goes: url is "smtp://host:port" or "smtps://…"; user and
 * password may be NULL; from is the envelope and header sender.
 * With a user or password and an smtp:// URL, the connection must be
 * upgraded with STARTTLS before the credentials go out, unless insecure
 * is set (the operator's explicit --smtp-insecure). Without credentials,
 * plain SMTP to a local relay is allowed (STARTTLS used when offered).
 */
struct mail_server {
	const char *url;
	const char *user, *password;
	const char *from;
	long timeout_ms; /* 0: 30 s */
	bool insecure;	 /* allow credentials over an unencrypted connection */
};

/* A message; every string is borrowed. Addresses are bare ("vp@tanyen.vn"). */
struct mail_msg {
	const char *const *to;
	size_t nto;
	const char *const *cc;
	size_t ncc;
	const char *subject; /* UTF-8; encoded as RFC 2047 in the header */
	const char *body;    /* UTF-8 text; lines end with \n */
};

/*
 * The RFC 5322 message (headers and body, CRLF line ends, dot-safe for
 * SMTP), appended to out. Addresses with CR, LF, spaces, angle brackets or
 * without '@' are ERR_INVAL.
 */
int mail_compose(const struct mail_server *s, const struct mail_msg *m, struct buf *out,
		 struct err *e);

/*
 * Sends m to every To and Cc address. ERR_UNAVAIL when the server cannot be
 * reached or refuses; ERR_PERM when credentials are configured, the URL is
 * smtp:// and the server offers no STARTTLS (nothing was sent, no AUTH):
 * every later message to the same server would be refused alike, so
 * callers stop rather than record a failure per recipient.
 */
int mail_send(const struct mail_server *s, const struct mail_msg *m, struct err *e);
