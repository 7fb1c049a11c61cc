/* jw.c: JSON written straight into a buffer, as jansson's compact dump writes it. */
#include "jw.h"

#include <string.h>

static void put(struct jw *w, const char *p, size_t n)
{
	if (w->rc == 0)
		w->rc = buf_add(w->b, p, n);
}

void jw_raw(struct jw *w, const char *s)
{
	put(w, s, strlen(s));
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t k;

	if (s[0] < 0xC2 || s[0] > 0xF4)
		return 0;
	k = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	if (k > n)
		return 0;
	c = s[0] & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
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

void jw_str(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t n, run = 0;

	if (!s) {
		put(w, "null", 4);
		return;
	}
	n = strlen(s);
	put(w, "\"", 1);
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		const char *esc = NULL;
		char u[6];
		size_t k;

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			run++;
			continue;
		}
		if (c >= 0x80 && (k = utf8_len(p + i, n - i)) > 0) {
			i += k;
			run += k;
			continue;
		}
		put(w, (const char *)p + i - run, run);
		run = 0;
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
				put(w, u, 6);
			} else {
				put(w, "\xEF\xBF\xBD", 3); /* an invalid byte: U+FFFD */
			}
		}
		if (esc)
			jw_raw(w, esc);
		i++;
	}
	put(w, (const char *)p + n - run, run);
	put(w, "\"", 1);
}

void jw_key(struct jw *w, const char *k, bool first)
{
	if (!first)
		put(w, ",", 1);
	jw_str(w, k);
	put(w, ":", 1);
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
	put(w, d + i, sizeof(d) - i);
}

void jw_id(struct jw *w, int64_t v)
{
	if (v)
		jw_int(w, v);
	else
		put(w, "null", 4);
}

void jw_bool(struct jw *w, bool v)
{
	jw_raw(w, v ? "true" : "false");
}
