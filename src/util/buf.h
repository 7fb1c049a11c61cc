/* buf.h: growable byte buffers with a hard maximum size. */
#pragma once

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/*
 * A buffer that grows up to max bytes of content and then fails with
 * ERR_TOOBIG, leaving its content as it was. data is always NUL-terminated
 * once anything was added; buf_str() gives "" for an empty buffer.
 */
struct buf {
	char *data;
	size_t len, cap, max;
};

#define BUF_INIT(maxbytes)             \
	{                              \
		NULL, 0, 0, (maxbytes) \
	}

void buf_init(struct buf *b, size_t max);
int buf_add(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, int c);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/*
 * Appends everything left in stream f: ERR_IO on a read error (errno says
 * why), ERR_TOOBIG past the buffer's maximum. f stays open.
 */
int buf_read(struct buf *b, FILE *f);
const char *buf_str(const struct buf *b);
/* Empties the buffer, keeping its memory. */
void buf_reset(struct buf *b);
/* Takes the content; the caller frees it with free(). The buffer is left empty. */
char *buf_steal(struct buf *b);
/* Frees the memory; accepts a zeroed or freed buffer. */
void buf_free(struct buf *b);
