/* html.c: the HTML escaper and the sticky-error writer around it. */
#include "render/html.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"

int html_escape(struct buf *b, const char *s, size_t n)
{
	size_t start = 0;
	int r = 0;

	for (size_t i = 0; i < n && r == 0; i++) {
		const char *rep;

		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		r = buf_add(b, s + start, i - start);
		if (r == 0)
			r = buf_puts(b, rep);
		start = i + 1;
	}
	if (r == 0)
		r = buf_add(b, s + start, n - start);
	return r;
}

void html_raw_(struct html *h, const char *lit, size_t n)
{
	if (h->err == 0)
		h->err = buf_add(h->b, lit, n);
}

void html_textn(struct html *h, const char *s, size_t n)
{
	if (h->err == 0 && s)
		h->err = html_escape(h->b, s, n);
}

void html_text(struct html *h, const char *s)
{
	if (s)
		html_textn(h, s, strlen(s));
}

void html_textf(struct html *h, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;
	int n;

	if (h->err)
		return;
	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0) {
		h->err = ERR_NOMEM;
		return;
	}
	html_textn(h, s, (size_t)n);
	free(s);
}

void html_int(struct html *h, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%" PRId64, v);

	if (h->err == 0)
		h->err = buf_add(h->b, num, (size_t)n);
}
