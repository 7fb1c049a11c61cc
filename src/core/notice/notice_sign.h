/* notice_sign.h: what electronic signing keeps: signature images, seals, certificates, and a notice's signed copy as its record. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db;

/* Bytes borrowed or in an arena. */
struct notice_blob {
	const void *data;
	size_t len;
};

/*
 * Registers a person's hand signature (PNG) and, when cert is given, the
 * certificate of their signing key (PEM or DER); cert NULL keeps the one
 * registered. ERR_NOTFOUND for no such person, ERR_INVAL for an image that is
 * not PNG or a certificate that is neither PEM nor DER.
 */
int notice_person_signature_set(struct db *db, int64_t person_id, struct notice_blob image,
				struct notice_blob cert, struct err *e);
/* The same for a body's seal (PNG, red) and the certificate its office signs with. */
int notice_body_seal_set(struct db *db, int64_t body_id, struct notice_blob image,
			 struct notice_blob cert, struct err *e);

/*
 * What signing an issued notice needs: as the signer (organisation false),
 * the hand signature and certificate of the person whose name the notice was
 * issued with; as the organisation, the seal and certificate of its body.
 * ERR_NOTFOUND saying what to register (with 'dondoc person signature' or
 * 'dondoc body seal'); ERR_INVAL for a notice not issued. cert may be empty.
 * Arena memory.
 */
int notice_sign_material(struct db *db, int64_t notice_id, bool organisation, struct arena *a,
			 struct notice_blob *ret_image, struct notice_blob *ret_cert,
			 struct err *e);

/* A notice's signed copy, its record once stored. */
struct notice_record {
	struct notice_blob pdf;
	const char *sha256; /* hex */
	const char *ctype;  /* application/pdf */
	const char *stored_at;
	int signatures;
};

/* The stored signed copy; ERR_NOTFOUND when there is none. Arena memory. */
int notice_record_get(struct db *db, int64_t notice_id, struct arena *a, struct notice_record *ret,
		      struct err *e);
/*
 * Stores pdf, already verified by the caller as the issued notice with
 * nsig valid signatures, as the notice's record (replacing an earlier one:
 * the organisation's signature comes after the signer's), with its SHA-256
 * and size. ERR_INVAL for a notice not issued.
 */
int notice_record_store(struct db *db, int64_t notice_id, struct notice_blob pdf, int nsig,
			struct err *e);

/*
 * The issued notice's PDF as stored when it was issued (ctype
 * application/pdf, signatures 0); ERR_NOTFOUND when none is stored yet (a
 * notice issued before the store kept it, or a draft). Arena memory.
 */
int notice_issued_get(struct db *db, int64_t notice_id, struct arena *a, struct notice_record *ret,
		      struct err *e);
/*
 * Stores pdf, the rendering of the issued notice pinned to its issue time, as
 * its issued PDF with its SHA-256 and size, unless one is stored already: the
 * first stays, so the caller reads it back with notice_issued_get. ERR_INVAL
 * for a notice not issued, ERR_NOTFOUND for no such notice.
 */
int notice_issued_store(struct db *db, int64_t notice_id, struct notice_blob pdf, struct err *e);
