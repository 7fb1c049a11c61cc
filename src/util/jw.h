/* jw.h: JSON written straight into a buffer, as jansson's compact dump writes it. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"

/*
 * A writer over b with a sticky result: every jw_ call after a failure does
 * nothing, and rc keeps the first failure (ERR_TOOBIG past the buffer's
 * maximum, ERR_NOMEM). The caller writes the punctuation ({ } [ ] , and
 * "key": through jw_key) and checks rc once at the end.
 */
struct jw {
	struct buf *b;
	int rc;
};

/* Raw bytes, already JSON (punctuation, a literal key). */
void jw_raw(struct jw *w, const char *s);
/*
 * s as a JSON string, escaped as jansson does it (quote, backslash, the
 * control characters as \b \f \n \r \t or \u00XX; valid UTF-8 passed
 * through, each invalid byte written as U+FFFD); null for NULL.
 */
void jw_str(struct jw *w, const char *s);
/* The key of an object's member, "k":, preceded by a comma unless first. */
void jw_key(struct jw *w, const char *k, bool first);
void jw_int(struct jw *w, int64_t v);
/* An id or number, null for 0 (none). */
void jw_id(struct jw *w, int64_t v);
void jw_bool(struct jw *w, bool v);
