/* legacy.h: pre-Unicode Vietnamese 8-bit encodings (TCVN3 ABC, VNI-Windows) to Unicode. */
#pragma once

#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

enum vn_encoding {
	VN_ENC_UNKNOWN,
	VN_ENC_UTF8,
	VN_ENC_TCVN3, /* TCVN 5712:1993 VN3, the ".Vn" fonts */
	VN_ENC_VNI,   /* VNI-Windows, the "VNI-" fonts */
};

/* Guesses the encoding of a byte string from the Vietnamese letters it would spell. */
enum vn_encoding vn_detect_encoding(const char *s, size_t len);
/* Converts s from enc to NFC UTF-8, appended to out. */
int vn_legacy_to_utf8(const char *s, size_t len, enum vn_encoding enc, struct buf *out,
		      struct err *e);
/* Detects and converts; UTF-8 input is normalised to NFC. *ret_enc gets what was found. */
int vn_to_utf8(const char *s, size_t len, struct buf *out, enum vn_encoding *ret_enc,
	       struct err *e);
const char *vn_encoding_name(enum vn_encoding enc);
