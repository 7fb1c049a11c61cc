/* html.h: the one HTML writer: escaped text, literal markup, nothing else. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

/*
 * A writer over a capped buffer whose first error sticks: later calls do
 * nothing, and the caller checks err once at the end. There is no
 * unescaped formatted writer: markup comes only from string literals (H),
 * everything else goes through the escaper.
 */
struct html {
	struct buf *b;
	int err;
};

/* Literal markup; the "" pastes refuse anything but a string literal. */
#define H(h, lit) html_raw_((h), "" lit "", sizeof("" lit "") - 1)
void html_raw_(struct html *h, const char *lit, size_t n);

/* Text or an attribute value, escaping & < > " ' (NULL writes nothing). */
void html_text(struct html *h, const char *s);
void html_textn(struct html *h, const char *s, size_t n);
/* Formats, then escapes the result. */
void html_textf(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_int(struct html *h, int64_t v);

/* Appends the escaped form of s to b (for callers without a struct html). */
int html_escape(struct buf *b, const char *s, size_t n);
