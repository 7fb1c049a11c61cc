/* sign.h: PAdES signatures on PDF files: keys from a PKCS#11 token or a PKCS#12 file, signing as an incremental update, verifying. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* A signing key with its certificate (and chain); opaque. */
struct sign_key;

/* Where the key is: a PKCS#11 module (the token's driver) or a PKCS#12 file. */
struct sign_key_in {
	const char *pkcs11_module; /* /usr/lib/softhsm/libsofthsm2.so; NULL: p12 */
	const char *token;	   /* the token's label; NULL: the first token with a key */
	const char *key_label;	   /* the key object's label; NULL: the token's first key */
	const char *p12_path;	   /* a PKCS#12 file (.p12, .pfx) */
	const char *pin;	   /* the token's PIN or the file's password */
	const void *cert; /* certificate (PEM or DER) when the token has none; may be NULL */
	size_t cert_len;
};

/*
 * Opens the key and checks it before anything is signed: the certificate is
 * valid now (not expired, not yet valid), and a test signature made with the
 * key verifies with the certificate's public key (the key matches it). The
 * key never leaves the token: every signature is made by it. Errors, in
 * Vietnamese, name what to do: ERR_NOTFOUND for a missing module, token, key
 * or certificate; ERR_AUTH for a wrong PIN or password; ERR_INVAL for an
 * expired certificate or a key that does not match it. Caller frees with
 * sign_key_close().
 */
int sign_key_open(const struct sign_key_in *in, struct sign_key **ret, struct err *e);
void sign_key_close(struct sign_key *k);
/* The certificate's subject common name ("Đinh Đức Cảnh"); "" when it has none. */
const char *sign_key_name(const struct sign_key *k);

/* The signature's visible look: a picture (RGB and alpha) drawn into a rectangle of a page. */
struct sign_look {
	int page;	   /* 1-based */
	double x, y, w, h; /* PDF points, origin at the page's lower left */
	int px_w, px_h;
	const unsigned char *rgb, *alpha;
};

/*
 * Appends to out the PDF pdf with a PAdES B-B signature (ETSI.CAdES.detached,
 * SHA-256, the ESS signing-certificate-v2 attribute, the signing time when
 * in /M) added as an incremental update: the bytes of pdf stay as they were,
 * so signatures already in it stay valid. A signature field with its widget
 * (look may be NULL for an invisible one) goes into the AcroForm (SigFlags 3).
 * With tsa (an RFC 3161 server's URL; NULL: none) the signature gets that
 * server's timestamp over its value (B-T); ERR_UNAVAIL naming the server when
 * it cannot give one, and nothing appended. The PDF must use classic
 * cross-reference tables (as dondoc and most signing tools write); ERR_INVAL
 * saying so otherwise.
 */
int sign_pdf(const void *pdf, size_t len, struct sign_key *k, const struct sign_look *look,
	     time_t when, const char *tsa, struct buf *out, struct err *e);

/*
 * The size (PDF points) of page (1-based) of pdf, from its MediaBox (its own
 * or one it inherits): its lower left corner and upper right corner.
 * ERR_INVAL in Vietnamese when the file is not a PDF dondoc can sign or has
 * no such page.
 */
int sign_pdf_page_box(const void *pdf, size_t len, int page, double ret_box[4], struct err *e);

/* One signature of a PDF, as verified. Strings are arena memory. */
struct sign_info {
	const char *signer;  /* the certificate's common name */
	const char *issuer;  /* its issuer's common name */
	const char *time;    /* the signing time (/M) in ISO 8601, or NULL */
	bool intact;	     /* the signed bytes are as they were signed */
	bool trusted;	     /* the chain reaches the trust store and was valid at signing */
	const char *problem; /* why not intact or not trusted (Vietnamese); NULL when valid */
	bool covers_all;     /* its byte range reaches the end of the file */
	size_t start, end;   /* where its update starts (the gap) and where its range ends */
	bool later_signed;   /* what follows it is covered by a later valid signature */
	/* its timestamp (B-T), when it has one */
	bool ts;		/* it carries a timestamp token */
	const char *ts_time;	/* the token's time, ISO 8601 in Vietnam's time */
	bool ts_intact;		/* the token is over this signature and unchanged */
	bool ts_trusted;	/* the TSA's chain reaches the trust store */
	const char *ts_problem; /* why not (Vietnamese); NULL when valid */
};

/*
 * Finds and verifies every signature of pdf in the order they were made: the
 * digest over its byte range, the CMS signature, the certificate chain
 * against trust (a PEM file or a directory of them; NULL: the system's store)
 * at the signing time. No signature is not an error (*ret_n = 0). ERR_INVAL
 * when trust cannot be read. Arena memory.
 */
int sign_verify(const void *pdf, size_t len, const char *trust, struct arena *a,
		struct sign_info **ret, size_t *ret_n, struct err *e);

/* Whether a verified signature is valid: intact and trusted, and so is its timestamp if it has one. */
bool sign_info_valid(const struct sign_info *s);

/*
 * Whether signed is the issued PDF issued with valid signatures added after
 * it: issued is its first bytes, every signature is valid (trust as for
 * sign_verify), the first one starts after issued, and the last one covers
 * the whole file. ERR_INVAL saying why not, in Vietnamese (another notice,
 * altered, no signature, untrusted); *ret_n the number of signatures.
 */
int sign_check_issued(const void *issued, size_t issued_len, const void *signed_pdf, size_t len,
		      const char *trust, struct arena *a, int *ret_n, struct err *e);
