/* email.h: the one check of an e-mail address a person enters (units, people, recipient groups). */
#pragma once

#include "util/err.h"

#define EMAIL_MAX 254	   /* bytes of a whole address (RFC 5321 path limit less <>) */
#define EMAIL_LOCAL_MAX 64 /* bytes before the @ */

/*
 * Whether addr is one bare addr-spec "local@domain": the local part 1..64
 * bytes of letters, digits and !#$%&*+-/=?^_{|}~ in dot-separated runs (no
 * quotes, spaces, control characters, commas, angle brackets, non-ASCII);
 * the domain at least two dot-separated labels of letters, digits and
 * hyphens (1..63 bytes, no hyphen at either end), the last not all digits;
 * at most 254 bytes in all. 0, or ERR_INVAL with e in Vietnamese naming
 * what (the field, e.g. "thư điện tử"), the address and what is wrong.
 */
int email_check(const char *addr, const char *what, struct err *e);
