/* page_search.c: one box over documents, agenda items, tasks, notices and comments: tone-insensitive, ranked, highlighted. */
#include <string.h>

#include "pages/pages.h"

const struct http_field page_search_fields[] = {
    {"q", HF_TEXT, false, 200, NULL, "Từ khóa (q)"},
    {NULL, 0, false, 0, NULL, NULL},
};

#define SEARCH_MAX_WORDS 12

/* Where each kind of hit leads, and what it is called. */
static const struct {
	const char *kind, *path, *anchor, *label;
} kinds[] = {
    {"document", "/documents/", "", "văn bản"},
    {"agenda", "/sessions/", "", "nội dung phiên họp"},
    {"task", "/tasks/", "", "nhiệm vụ"},
    {"notice", "/notices/", "", "thông báo kết luận"},
    {"comment", "/sessions/", "#gop-y", "ý kiến góp ý"},
};

/*
 * The FTS5 query for what was typed: each word quoted (so no operator
 * syntax reaches FTS5), all of them required. NULL when there is no word.
 */
static char *search_query(struct http_req *r, const char *q)
{
	struct buf b = BUF_INIT(2048);
	int words = 0, rc = 0;
	char *out = NULL;

	for (const char *p = q; *p && rc == 0 && words < SEARCH_MAX_WORDS;) {
		size_t n;

		while (*p == ' ' || *p == '\t')
			p++;
		n = strcspn(p, " \t");
		if (!n)
			break;
		rc = buf_puts(&b, words ? " \"" : "\"");
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = p[i] == '"' ? buf_puts(&b, "\"\"") : buf_putc(&b, p[i]);
		if (rc == 0)
			rc = buf_putc(&b, '"');
		words++;
		p += n;
	}
	if (rc == 0 && words)
		out = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* A snippet: its text escaped, the \1…\2 stretches FTS5 marked as <mark>. */
static void snippet(struct html *h, const char *s)
{
	while (s && *s) {
		size_t n = strcspn(s, "\1\2");

		html_textn(h, s, n);
		s += n;
		if (*s == '\1')
			H(h, "<mark>");
		else if (*s == '\2')
			H(h, "</mark>");
		if (*s)
			s++;
	}
}

int page_search(struct http_req *r)
{
	const char *q = http_arg(r, "q");
	char *fq = q ? search_query(r, q) : NULL;
	struct html h;
	int rc = 0, n = 0;

	page_begin(r, &h, "Tìm kiếm");
	H(&h, "<h1>Tìm kiếm</h1><form class=\"search\" method=\"get\" action=\"/search\">"
	      "<input name=\"q\" type=\"search\" aria-label=\"Từ khóa\" placeholder=\"ví dụ: nông "
	      "thôn mới\" value=\"");
	html_text(&h, q);
	H(&h, "\"> <button type=\"submit\">Tìm</button></form>");
	if (fq) {
		struct read_hit *hit;
		size_t nhit;

		rc = read_search(r->db, &r->acct, fq, 50, r->arena, &hit, &nhit);
		if (rc < 0)
			return rc;
		H(&h, "<ol class=\"hits\">");
		for (size_t i = 0; i < nhit; i++) {
			const char *kind = hit[i].kind;
			size_t k = 0;

			while (k < sizeof(kinds) / sizeof(kinds[0]) &&
			       strcmp(kinds[k].kind, kind ? kind : "") != 0)
				k++;
			if (k == sizeof(kinds) / sizeof(kinds[0]))
				continue;
			n++;
			H(&h, "<li><a href=\"");
			html_text(&h, kinds[k].path);
			html_int(&h, hit[i].ref);
			html_text(&h, kinds[k].anchor);
			H(&h, "\">");
			snippet(&h, hit[i].title);
			H(&h, "</a> <span class=\"muted\">");
			html_text(&h, kinds[k].label);
			H(&h, "</span>");
			if (hit[i].snippet && hit[i].snippet[0]) {
				H(&h, "<br><span class=\"snippet\">");
				snippet(&h, hit[i].snippet);
				H(&h, "</span>");
			}
			H(&h, "</li>");
		}
		H(&h, "</ol>");
		if (!n)
			H(&h, "<p class=\"muted\">Không tìm thấy kết quả nào.</p>");
	}
	page_end(r, &h);
	return h.err;
}
