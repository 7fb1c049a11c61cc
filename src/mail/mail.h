/* mail.h: composing and sending UTF-8 e-mail, with attachments, over SMTP (libcurl). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/mod.h"

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

/* A file sent with a message; borrowed. */
struct mail_attachment {
	const char *filename; /* "512-TB-HU.pdf"; UTF-8, no '/', CR or LF */
	const char *type;     /* "application/pdf" */
	const void *data;
	size_t len;
};

/* A message; every string is borrowed. Addresses are bare ("vp@tanyen.vn"). */
struct mail_msg {
	const char *const *to;
	size_t nto;
	const char *const *cc;
	size_t ncc;
	const char *subject;		   /* UTF-8; encoded as RFC 2047 in the header */
	const char *body;		   /* UTF-8 text; lines end with \n */
	const struct mail_attachment *att; /* sent after the text (multipart/mixed) */
	size_t natt;
};

#define MAIL_MAX (32u << 20) /* bytes of one composed message, attachments included */

/*
 * The RFC 5322 message (headers and body, CRLF line ends, dot-safe for
 * SMTP), appended to out: plain text, or with attachments multipart/mixed,
 * the text first and each file in base64. Every message gets a Message-ID of
 * its own (random, at the sender's domain). Addresses with CR, LF, spaces,
 * angle brackets or without '@', and attachment names with '/', '"', CR or LF,
 * are ERR_INVAL; ERR_TOOBIG past MAIL_MAX.
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

/*
 * The dondoc-mail module (mail_smtp.c, libcurl): send is mail_send's sending
 * of msg, m composed by mail_compose, with the same errors.
 */
struct mail_mod {
	struct mod_head head;
	int (*send)(const struct mail_server *s, const struct mail_msg *m, const struct buf *msg,
		    struct err *e);
};

extern const struct mail_mod dondoc_mod_mail;
