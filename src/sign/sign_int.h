/* sign_int.h: what the PDF side of sign/ asks of its CMS side. */
#pragma once

#include <stddef.h>
#include <time.h>

#include "sign/sign.h"

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
