/* jw.h: JSON written straight into a buffer, as jansson's compact dump writes it. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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

/*
 * n bytes appended as they are. The common case (room left, as for every
 * row after the first of a page) copies in place; buf_add grows the buffer
 * or refuses past its maximum. A buffer's capacity never exceeds its maximum
 * + 1 (buf_grow), so the room test keeps the maximum too. Inline, with
 * jw_raw and jw_key, so that a literal's length is known where it is written.
 */
static inline void jw_put(struct jw *w, const char *p, size_t n)
{
	struct buf *b = w->b;

	if (w->rc)
		return;
	if (b->data && n < b->cap - b->len) {
		memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	w->rc = buf_add(b, p, n);
}

/* Raw bytes, already JSON (punctuation, a literal key). */
static inline void jw_raw(struct jw *w, const char *s)
{
	jw_put(w, s, strlen(s));
}
/*
 * s as a JSON string, escaped as jansson does it (quote, backslash, the
 * control characters as \b \f \n \r \t or \u00XX; valid UTF-8 passed
 * through, each invalid byte written as U+FFFD); null for NULL.
 */
void jw_str(struct jw *w, const char *s);
/*
 * The key of an object's member, "k":, preceded by a comma unless first. k is
 * a literal name that needs no escaping (ASCII letters, digits, underscore):
 * it is written as it is.
 */
static inline void jw_key(struct jw *w, const char *k, bool first)
{
	if (!first)
		jw_put(w, ",", 1);
	jw_put(w, "\"", 1);
	jw_put(w, k, strlen(k));
	jw_put(w, "\":", 2);
}
void jw_int(struct jw *w, int64_t v);
/* An id or number, null for 0 (none). */
void jw_id(struct jw *w, int64_t v);
void jw_bool(struct jw *w, bool v);
