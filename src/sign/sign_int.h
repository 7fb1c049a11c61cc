/* sign_int.h: what the PDF side of sign/ asks of its CMS side. */
#pragma once

#include <stddef.h>
#include <time.h>

#include "sign/sign.h"
#include "util/mod.h"

/* The detached CMS SignedData (DER) of data made with k, into out. */
int sign_cms_make(struct sign_key *k, const void *data, size_t len, struct buf *out, struct err *e);

/* A trust store for sign_cms_check; opaque. */
struct sign_trust;
int sign_trust_open(const char *path, struct sign_trust **ret, struct err *e);
void sign_trust_close(struct sign_trust *t);

/*
 * Checks the CMS der over data: fills s's signer, issuer, intact, trusted and
 * problem; when is the signing time (0: unknown, then now).
 */
int sign_cms_check(const unsigned char *der, size_t der_len, const void *data, size_t len,
		   struct sign_trust *t, time_t when, struct arena *a, struct sign_info *s,
		   struct err *e);

/*
 * The dondoc-tsa module (sign_tsa.c, OpenSSL and libcurl), loaded when a
 * timestamp is asked for or found; sign_pdf.c calls it through these two.
 *
 * Asks the RFC 3161 server at url for a timestamp over the signature value of
 * the first signer of the CMS cms (SHA-256, a nonce, the server's certificate
 * asked for), checks the answer (granted, the imprint and the nonce those
 * sent) and adds the token to the signer as its unsigned attribute
 * id-aa-signatureTimeStampToken; cms is replaced by the result. ERR_UNAVAIL in
 * Vietnamese naming the server when it cannot be reached, refuses or answers
 * something else; cms is unchanged then.
 */
int sign_tsa_stamp(const char *url, struct buf *cms, struct err *e);

/*
 * The timestamp of the CMS der's first signer, checked: fills s's ts, ts_time,
 * ts_intact, ts_trusted and ts_problem (trust as for sign_verify, the TSA's
 * chain checked at the token's time). Leaves s as it is without one.
 */
int sign_tsa_check(const unsigned char *der, size_t len, const char *trust, struct arena *a,
		   struct sign_info *s, struct err *e);

struct sign_tsa_mod {
	struct mod_head head;
	int (*stamp)(const char *url, struct buf *cms, struct err *e);
	int (*check)(const unsigned char *der, size_t len, const char *trust, struct arena *a,
		     struct sign_info *s, struct err *e);
};

extern const struct sign_tsa_mod dondoc_mod_tsa;
