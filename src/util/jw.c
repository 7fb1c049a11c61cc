/* jw.c: JSON written straight into a buffer, as jansson's compact dump writes it. */
#include "jw.h"

#include <string.h>

/*
 * Length of the valid UTF-8 sequence at s, 0 when invalid. s is
 * NUL-terminated: a NUL is never a continuation byte, so no byte past it is read.
 */
static inline size_t utf8_len(const unsigned char *s)
{
	uint32_t c;
	size_t k;

	if (s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	if (s[0] < 0xE0)
		return (s[1] & 0xC0) == 0x80 ? 2 : 0;
	k = s[0] < 0xF0 ? 3 : 4;
	c = s[0] & (k == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	return k;
}

/* 1 for a byte copied as it is outside a multibyte sequence: printable ASCII but quote and backslash. */
static inline int plain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/*
 * One pass over s: runs of plain bytes and valid UTF-8 sequences are
 * copied in one piece when the next byte needs escaping or at the end.
 */
void jw_str(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s, *run;

	if (!s) {
		jw_put(w, "null", 4);
		return;
	}
	jw_put(w, "\"", 1);
	run = p;
	for (;;) {
		unsigned char c = *p;
		const char *esc;
		char u[6];
		size_t k;

		if (plain(c)) {
			p++;
			continue;
		}
		if (c >= 0x80 && (k = utf8_len(p)) > 0) {
			p += k;
			continue;
		}
		if (c == 0)
			break;
		jw_put(w, (const char *)run, (size_t)(p - run));
		switch (c) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\t':
			esc = "\\t";
			break;
		default:
			if (c < 0x20) {
				memcpy(u, "\\u00", 4);
				u[4] = hex[c >> 4];
				u[5] = hex[c & 15];
				jw_put(w, u, 6);
			} else {
				jw_put(w, "\xEF\xBF\xBD", 3); /* an invalid byte: U+FFFD */
			}
			esc = NULL;
		}
		if (esc)
			jw_put(w, esc, 2);
		run = ++p;
	}
	jw_put(w, (const char *)run, (size_t)(p - run));
	jw_put(w, "\"", 1);
}

void jw_int(struct jw *w, int64_t v)
{
	char d[24];
	size_t i = sizeof(d);
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		d[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		d[--i] = '-';
	jw_put(w, d + i, sizeof(d) - i);
}

void jw_id(struct jw *w, int64_t v)
{
	if (v)
		jw_int(w, v);
	else
		jw_put(w, "null", 4);
}

void jw_bool(struct jw *w, bool v)
{
	jw_raw(w, v ? "true" : "false");
}
