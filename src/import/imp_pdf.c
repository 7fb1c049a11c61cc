/* imp_pdf.c: a PDF's text rebuilt from where its glyphs stand: columns, page headers and footers. */
#include <stdlib.h>
#include <string.h>

#include "import/imp_pdf.h"

/* One line of a page as poppler reads it, cut in two where a column gap opens. */
struct imp_pline {
	size_t off, len;   /* left part (or the whole line) in the text store */
	size_t roff, rlen; /* right part after a column gap; rlen 0 when none */
	double x1, x2, y1, y2;
	double mid; /* the middle of its page */
	int page;
	bool drop; /* a page header, footer or number */
};

struct imp_pdf {
	struct buf store;	/* the lines' text */
	struct imp_ptable last; /* the table of the page before: its columns, no rows */
	struct imp_pline *lines;
	size_t n, cap;
};

int imp_pdf_new(struct imp_pdf **ret)
{
	struct imp_pdf *d = calloc(1, sizeof(*d));

	if (!d)
		return ERR_NOMEM;
	buf_init(&d->store, IMP_MAX_TEXT);
	*ret = d;
	return 0;
}

void imp_pdf_free(struct imp_pdf *d)
{
	if (!d)
		return;
	buf_free(&d->store);
	free(d->lines);
	free(d);
}

static size_t imp_u8len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Appends s[0..len) trimmed of spaces to the store; its offset and length. */
static int imp_keep(struct imp_pdf *d, const char *s, size_t len, size_t *off, size_t *ret_len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	*off = d->store.len;
	*ret_len = len;
	return len ? buf_add(&d->store, s, len) : 0;
}

/* A new line at the end of d's lines. */
static int imp_pline_new(struct imp_pdf *d, struct imp_pline **ret)
{
	if (d->n == d->cap) {
		size_t nc = d->cap ? d->cap * 2 : 64;
		struct imp_pline *nl;

		if (nc > IMP_MAX_PARAS * 4)
			return ERR_TOOBIG;
		nl = realloc(d->lines, nc * sizeof(*nl));
		if (!nl)
			return ERR_NOMEM;
		d->lines = nl;
		d->cap = nc;
	}
	*ret = &d->lines[d->n++];
	memset(*ret, 0, sizeof(**ret));
	return 0;
}

static int imp_line_end(struct imp_pdf *d, const char *text, const struct imp_glyph *g, size_t from,
			size_t split, size_t to, size_t gfrom, size_t gsplit, size_t gto, int page)
{
	struct imp_pline *l;
	int r;

	r = imp_pline_new(d, &l);
	if (r < 0)
		return r;
	l->page = page;
	l->y1 = 1e9;
	l->x1 = 1e9;
	for (size_t k = gfrom; k < gto; k++) {
		if (g[k].x2 <= g[k].x1 && g[k].y2 <= g[k].y1)
			continue; /* a glyph with no box: a space poppler added */
		if (g[k].y1 < l->y1)
			l->y1 = g[k].y1;
		if (g[k].y2 > l->y2)
			l->y2 = g[k].y2;
		if (g[k].x1 < l->x1)
			l->x1 = g[k].x1;
		if (g[k].x2 > l->x2)
			l->x2 = g[k].x2;
	}
	(void)gsplit;
	if (split < to) {
		r = imp_keep(d, text + from, split - from, &l->off, &l->len);
		if (r == 0)
			r = imp_keep(d, text + split, to - split, &l->roff, &l->rlen);
	} else {
		r = imp_keep(d, text + from, to - from, &l->off, &l->len);
	}
	if (r < 0 || (l->len == 0 && l->rlen == 0))
		d->n--; /* an empty line is not kept */
	return r < 0 ? r : 0;
}

/*
 * A table of tasks on the page (imp_pdf_table): the page's lines inside its box
 * are replaced by its rows, one line each, where its first line stood.
 */
static int imp_pdf_page_table(struct imp_pdf *d, size_t first, int page, double page_w,
			      const char *text, size_t len, const struct imp_glyph *g, size_t ng)
{
	struct imp_ptable t;
	struct imp_pline *keep;
	size_t nkeep = d->n - first;
	bool done = false;
	int r = imp_pdf_table(text, len, g, ng, d->last.found ? &d->last : NULL, &t);

	d->last.found = false;
	if (r < 0 || !t.found)
		return r;
	d->last = t;
	d->last.rows = (struct buf){0};
	keep = malloc((nkeep ? nkeep : 1) * sizeof(*keep));
	if (!keep) {
		buf_free(&t.rows);
		return ERR_NOMEM;
	}
	memcpy(keep, d->lines + first, nkeep * sizeof(*keep));
	d->n = first;
	for (size_t q = 0; q < nkeep && r == 0; q++) {
		const struct imp_pline *l = &keep[q];
		double cx = (l->x1 + l->x2) / 2, cy = (l->y1 + l->y2) / 2;

		if (cx > t.x1 && cx < t.x2 && cy > t.y1 && cy < t.y2) {
			for (size_t i = 0; i < t.rows.len && !done && r == 0;) {
				const char *nl = memchr(t.rows.data + i, '\n', t.rows.len - i);
				size_t e = nl ? (size_t)(nl - t.rows.data) : t.rows.len;
				struct imp_pline *o;

				r = imp_pline_new(d, &o);
				if (r == 0) {
					*o = (struct imp_pline){.x1 = t.x1,
								.x2 = t.x2,
								.y1 = l->y1,
								.y2 = l->y2,
								.mid = page_w / 2,
								.page = page};
					r = imp_keep(d, t.rows.data + i, e - i, &o->off, &o->len);
				}
				i = e + 1;
			}
			done = true;
			continue;
		}
		{
			struct imp_pline *o;

			r = imp_pline_new(d, &o);
			if (r == 0)
				*o = *l;
		}
	}
	free(keep);
	buf_free(&t.rows);
	return r;
}

int imp_pdf_page(struct imp_pdf *d, int page, double page_w, const char *text, size_t len,
		 const struct imp_glyph *g, size_t ng)
{
	size_t first = d->n;
	size_t i = 0, k = 0, from = 0, gfrom = 0, split = (size_t)-1, gsplit = 0;
	double last_x2 = -1, h = 0;
	int r = 0;

	while (i < len && r == 0) {
		size_t cl = imp_u8len((unsigned char)text[i]);
		bool space = text[i] == ' ' || text[i] == '\t';

		if (i + cl > len)
			cl = len - i;
		if (text[i] == '\n' || k >= ng) {
			r = imp_line_end(d, text, g, from, split == (size_t)-1 ? i : split, i,
					 gfrom, gsplit, k < ng ? k : ng, page);
			from = i + 1;
			gfrom = k + 1;
			split = (size_t)-1;
			last_x2 = -1;
			i += 1;
			k++;
			if (k > ng)
				break;
			continue;
		}
		if (!space) {
			double gh = g[k].y2 - g[k].y1;

			if (gh > h)
				h = gh;
			/* a gap of several letters' height on one line: the next column begins */
			if (last_x2 >= 0 && split == (size_t)-1 && g[k].x1 - last_x2 > 3.0 * gh &&
			    g[k].x1 - last_x2 > 24.0)
				split = i, gsplit = k;
			last_x2 = g[k].x2;
		}
		i += cl;
		k++;
	}
	if (r == 0 && from < len)
		r = imp_line_end(d, text, g, from, split == (size_t)-1 ? len : split, len, gfrom,
				 gsplit, k < ng ? k : ng, page);
	(void)h;
	for (size_t q = first; q < d->n; q++)
		d->lines[q].mid = page_w / 2;
	if (r == 0)
		r = imp_pdf_page_table(d, first, page, page_w, text, len, g, ng);
	return r;
}

/* Where a line stands beside another column: 2 both sides, 1 left half, 3 right half, 0 across. */
static int imp_side(const struct imp_pline *l)
{
	if (l->rlen)
		return 2;
	if (l->x2 < l->mid)
		return 1;
	if (l->x1 > l->mid)
		return 3;
	return 0;
}

/* True when s has no letter: "2", "- 3 -", "3/12". */
static bool imp_no_letters(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80)
			return false;
	}
	return true;
}

/* The text of a line with its digits left out, to see a running header or footer repeat. */
static bool imp_same_but_digits(const char *a, size_t al, const char *b, size_t bl)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < al && a[i] >= '0' && a[i] <= '9')
			i++;
		while (j < bl && b[j] >= '0' && b[j] <= '9')
			j++;
		if (i == al || j == bl)
			return i == al && j == bl;
		if (a[i++] != b[j++])
			return false;
	}
}

/* "Trang 2", "Trang 2/5": a page's number in words. */
static bool imp_page_label(const char *s, size_t len)
{
	static const char *const words[] = {"Trang ", "trang ", "TRANG ", "Page ", NULL};

	for (size_t k = 0; words[k]; k++) {
		size_t n = strlen(words[k]);

		if (len > n && memcmp(s, words[k], n) == 0 && imp_no_letters(s + n, len - n))
			return true;
	}
	return false;
}

int imp_pdf_text(struct imp_pdf *d, double page_h, struct buf *out)
{
	const char *st = d->store.data;
	int r = 0;

	/* Page headers and footers: in the top or bottom tenth, a number or a line repeated. */
	for (size_t i = 0; i < d->n; i++) {
		struct imp_pline *l = &d->lines[i];

		if (l->rlen || !(l->y2 < page_h * 0.1 || l->y1 > page_h * 0.9))
			continue;
		if (imp_no_letters(st + l->off, l->len) || imp_page_label(st + l->off, l->len)) {
			l->drop = true;
			continue;
		}
		for (size_t j = 0; j < d->n && !l->drop; j++) {
			const struct imp_pline *m = &d->lines[j];

			if (m->page != l->page && !m->rlen &&
			    (m->y2 < page_h * 0.1 || m->y1 > page_h * 0.9) &&
			    imp_same_but_digits(st + l->off, l->len, st + m->off, m->len))
				l->drop = true;
		}
	}
	for (size_t i = 0; i < d->n && r == 0;) {
		size_t j = i;

		if (d->lines[i].drop) {
			i++;
			continue;
		}
		/*
		 * Two columns side by side (the issuer beside the national motto, "Nơi
		 * nhận" beside the signature): the left column's lines, then the right's.
		 * The block is the lines around one cut in two that stand in one half
		 * of the page, each close under the one before.
		 */
		if (imp_side(&d->lines[i]) == 2 ||
		    (imp_side(&d->lines[i]) && i + 1 < d->n && imp_side(&d->lines[i + 1]) == 2 &&
		     d->lines[i + 1].page == d->lines[i].page)) {
			bool cut = false;

			while (j < d->n && !d->lines[j].drop &&
			       d->lines[j].page == d->lines[i].page && imp_side(&d->lines[j]) &&
			       (j == i || d->lines[j].y1 - d->lines[j - 1].y2 <
					      (d->lines[j - 1].y2 - d->lines[j - 1].y1) * 1.5)) {
				cut = cut || imp_side(&d->lines[j]) == 2;
				j++;
			}
			for (size_t k = i; k < j && r == 0 && cut; k++)
				if (imp_side(&d->lines[k]) != 3 && d->lines[k].len)
					r = buf_add(out, st + d->lines[k].off, d->lines[k].len) ||
					    buf_putc(out, '\n');
			for (size_t k = i; k < j && r == 0 && cut; k++) {
				const struct imp_pline *l = &d->lines[k];

				if (l->rlen)
					r = buf_add(out, st + l->roff, l->rlen) ||
					    buf_putc(out, '\n');
				else if (imp_side(l) == 3)
					r = buf_add(out, st + l->off, l->len) ||
					    buf_putc(out, '\n');
			}
			if (cut) {
				i = j;
				continue;
			}
			j = i;
		}
		r = buf_add(out, st + d->lines[i].off, d->lines[i].len) || buf_putc(out, '\n');
		i++;
	}
	return r ? ERR_TOOBIG : 0;
}
