/* text.h: Unicode for Vietnamese: NFC, the search key, collation, names. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"
#include "util/err.h"

/*
 * Appends s[0..len) in NFC. ERR_INVAL (naming the byte offset) when s is not
 * valid UTF-8. All text entering the store goes through this.
 */
int vn_nfc(const char *s, size_t len, struct buf *out, struct err *e);
/*
 * Whether s[0..len) is text a person wrote: valid UTF-8 without a NUL byte
 * (a NUL would silently end the text wherever it is read as a C string).
 * 0, or ERR_INVAL with e naming what (the file, the field) and the byte
 * (1-based, as "byte thứ N") of the NUL or of the ill-formed sequence.
 */
int vn_text_check(const char *s, size_t len, const char *what, struct err *e);
/* True when s is valid UTF-8 already in NFC. */
bool vn_is_nfc(const char *s, size_t len);

/*
 * Appends the search key of s: lower case, tones and marks removed, đ→d,
 * runs of white space collapsed to one space: "Đảng ủy" → "dang uy",
 * "Nông thôn MỚI" → "nong thon moi". Leading and trailing white space is
 * dropped; compatibility forms fold too (NFKD: "ﬁ" → "fi", full-width digits).
 * Invalid UTF-8 is ERR_INVAL. Input need not be NFC.
 */
int vn_fold(const char *s, size_t len, struct buf *out);

/*
 * Vietnamese collation (a ă â b c d đ e ê g … tones after the letter). A
 * collator is not shared between threads: each thread opens its own.
 */
struct vn_collator;
int vn_collator_new(struct vn_collator **ret);
void vn_collator_free(struct vn_collator *c);
/* strcmp-like comparison of two UTF-8 strings. */
int vn_collate(struct vn_collator *c, const char *a, const char *b);
/* People: by given name (the last word), then the rest: "Đinh Đức Cảnh" sorts under "Cảnh". */
int vn_collate_person(struct vn_collator *c, const char *a, const char *b);
/*
 * Appends a binary sort key (lower-case hex text) that orders as vn_collate
 * does under strcmp/memcmp, for storing in an index. ERR_INVAL for invalid UTF-8.
 */
int vn_sort_key(struct vn_collator *c, const char *s, struct buf *out);
/* The same for a person's name, ordering as vn_collate_person does. */
int vn_person_sort_key(struct vn_collator *c, const char *s, struct buf *out);

/* Upper case the Vietnamese way: "Huyện ủy" → "HUYỆN ỦY" (for T/M lines). ERR_INVAL for invalid UTF-8. */
int vn_upper(const char *s, size_t len, struct buf *out);
