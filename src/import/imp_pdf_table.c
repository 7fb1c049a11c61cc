/* imp_pdf_table.c: a table of tasks on a PDF page rebuilt into rows "| a | b | … |" from its glyphs' boxes. */
#include <stdlib.h>
#include <string.h>

#include "import/imp_int.h"
#include "import/imp_pdf.h"

enum {
	TB_MAX_WORDS = 20000,
	TB_MAX_COLS = IMP_PTABLE_COLS,
	TB_MAX_LINES = 4096,
	TB_MAX_CELL_WORDS = 3000
};

/* The words of a heading the table is found by, read once a word (tb_words). */
enum tb_vocab {
	TB_OTHER,
	TB_NOI,
	TB_DUNG,
	TB_NHIEM,
	TB_VU,
	TB_CONG,
	TB_VIEC,
	TB_CHU,
	TB_TRI,
	TB_PHOI,
	TB_HOP,
	TB_THOI,
	TB_GIAN,
	TB_HAN,
	TB_TIEN,
	TB_DO,
	TB_TT,
	TB_STT,
	TB_ST,
	TB_NVOCAB
};

/* Each in lower case: a word is one of them whatever its case ("Trì", "TRÌ"). */
static const struct {
	const char *s;
	size_t n;
} tb_vocab[TB_NVOCAB] = {
    [TB_NOI] = {"nội", sizeof("nội") - 1},	 [TB_DUNG] = {"dung", sizeof("dung") - 1},
    [TB_NHIEM] = {"nhiệm", sizeof("nhiệm") - 1}, [TB_VU] = {"vụ", sizeof("vụ") - 1},
    [TB_CONG] = {"công", sizeof("công") - 1},	 [TB_VIEC] = {"việc", sizeof("việc") - 1},
    [TB_CHU] = {"chủ", sizeof("chủ") - 1},	 [TB_TRI] = {"trì", sizeof("trì") - 1},
    [TB_PHOI] = {"phối", sizeof("phối") - 1},	 [TB_HOP] = {"hợp", sizeof("hợp") - 1},
    [TB_THOI] = {"thời", sizeof("thời") - 1},	 [TB_GIAN] = {"gian", sizeof("gian") - 1},
    [TB_HAN] = {"hạn", sizeof("hạn") - 1},	 [TB_TIEN] = {"tiến", sizeof("tiến") - 1},
    [TB_DO] = {"độ", sizeof("độ") - 1},		 [TB_TT] = {"tt", sizeof("tt") - 1},
    [TB_STT] = {"stt", sizeof("stt") - 1},	 [TB_ST] = {"st", sizeof("st") - 1},
};

struct tb_word {
	size_t b, e; /* bytes of the page text */
	double x1, y1, x2, y2;
	int vline;	    /* visual line, top to bottom */
	enum tb_vocab word; /* which heading word it is, TB_OTHER for any other */
};

/*
 * True when a narrow cell broke a date inside its year: "31/3/202" at a line's end, "5"
 * at the next line's start; the two are one word.
 */
static bool tb_cut_year(const char *text, const struct tb_word *a, const struct tb_word *b)
{
	size_t d = 0, slash = 0;

	if (b->vline != a->vline + 1 || b->e - b->b > 3)
		return false;
	for (size_t i = b->b; i < b->e; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	for (size_t i = a->e; i > a->b && text[i - 1] >= '0' && text[i - 1] <= '9'; i--)
		d++;
	for (size_t i = a->b; i < a->e; i++)
		slash += text[i] == '/';
	return d >= 1 && d <= 3 && a->e - d > a->b && text[a->e - d - 1] == '/' && slash >= 1 &&
	       d + (b->e - b->b) == 4;
}

/* A column found by the words of its heading: "chủ trì", "phối hợp" … */
struct tb_col {
	double x1, x2; /* of its heading phrase */
	double left;   /* where the column begins */
};

static size_t tb_u8len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Which heading word s[0..n) is, in any case; TB_OTHER when none. */
static enum tb_vocab tb_word_of(const char *s, size_t n)
{
	char lo[8];

	if (n > sizeof(lo))
		return TB_OTHER;
	imp_lower(s, n, lo);
	for (int v = TB_OTHER + 1; v < TB_NVOCAB; v++)
		if (tb_vocab[v].n == n && memcmp(lo, tb_vocab[v].s, n) == 0)
			return (enum tb_vocab)v;
	return TB_OTHER;
}

/*
 * The page's words with their boxes, in poppler's order, into *ret (grown as they come,
 * the caller frees it), at most max; their number in *ret_n. 0 or ERR_NOMEM.
 */
static int tb_words(const char *text, size_t len, const struct imp_glyph *g, size_t ng,
		    struct tb_word **ret, size_t max, size_t *ret_n)
{
	size_t n = 0, i = 0, k = 0, cap = 0;
	struct tb_word *w = NULL;
	bool in = false;

	while (i < len && k < ng) {
		size_t cl = tb_u8len((unsigned char)text[i]);
		bool sep = text[i] == ' ' || text[i] == '\t' || text[i] == '\n';

		if (i + cl > len)
			cl = len - i;
		if (sep) {
			in = false;
		} else if (g[k].x2 > g[k].x1 || g[k].y2 > g[k].y1) {
			if (!in) {
				if (n == max)
					break;
				if (n == cap) {
					size_t nc = cap ? 2 * cap : 256;
					struct tb_word *nw = realloc(w, nc * sizeof(*nw));

					if (!nw) {
						free(w);
						return ERR_NOMEM;
					}
					w = nw;
					cap = nc;
				}
				w[n++] = (struct tb_word){i,	   i,	    g[k].x1, g[k].y1,
							  g[k].x2, g[k].y2, 0,	     TB_OTHER};
				in = true;
			}
			struct tb_word *c = &w[n - 1];

			c->e = i + cl;
			c->x1 = g[k].x1 < c->x1 ? g[k].x1 : c->x1;
			c->y1 = g[k].y1 < c->y1 ? g[k].y1 : c->y1;
			c->x2 = g[k].x2 > c->x2 ? g[k].x2 : c->x2;
			c->y2 = g[k].y2 > c->y2 ? g[k].y2 : c->y2;
		}
		i += cl;
		k++;
	}
	for (size_t j = 0; j < n; j++)
		w[j].word = tb_word_of(text + w[j].b, w[j].e - w[j].b);
	*ret = w;
	*ret_n = n;
	return 0;
}

/* The column phrases of a heading: what, lead, co-ordinating, due. */
static const enum tb_vocab tb_phrases[][2] = {
    {TB_NOI, TB_DUNG}, {TB_NHIEM, TB_VU},  {TB_CONG, TB_VIEC}, {TB_CHU, TB_TRI},
    {TB_PHOI, TB_HOP}, {TB_THOI, TB_GIAN}, {TB_THOI, TB_HAN},  {TB_TIEN, TB_DO},
};
static const int tb_phrase_col[] = {0, 0, 0, 1, 2, 3, 3, 3};

static double tb_mid_y(const struct tb_word *w)
{
	return (w->y1 + w->y2) / 2;
}

/* Two words of one heading phrase: side by side on one line. */
static bool tb_same_line(const struct tb_word *a, const struct tb_word *b)
{
	double h = a->y2 - a->y1;

	return b->x1 > a->x2 && b->x1 - a->x2 < 4 * h && tb_mid_y(b) - tb_mid_y(a) < h / 2 &&
	       tb_mid_y(a) - tb_mid_y(b) < h / 2;
}

/*
 * Two words of one heading phrase a narrow column wrapped: b opens the next line of
 * a's cell ("Đơn vị chủ" over "trì"), left of a and not far from it.
 */
static bool tb_wrapped(const struct tb_word *a, const struct tb_word *b)
{
	double h = a->y2 - a->y1, dy = tb_mid_y(b) - tb_mid_y(a);

	return dy > 0.6 * h && dy < 1.6 * h && b->x1 <= a->x1 && b->x1 > a->x1 - 10 * h &&
	       b->x2 <= a->x2 + 2 * h;
}

/* The word after a that ends its phrase: the next one on its line, else one under it. */
static const struct tb_word *tb_phrase_end(const struct tb_word *w, size_t n, size_t i,
					   enum tb_vocab second)
{
	if (i + 1 < n && w[i + 1].word == second && tb_same_line(&w[i], &w[i + 1]))
		return &w[i + 1];
	for (size_t j = 0; j < n; j++)
		if (j != i && w[j].word == second && tb_wrapped(&w[i], &w[j]))
			return &w[j];
	return NULL;
}

static int tb_cmp_y(const void *a, const void *b)
{
	const struct tb_word *x = *(const struct tb_word *const *)a,
			     *y = *(const struct tb_word *const *)b;
	double d = tb_mid_y(x) - tb_mid_y(y);

	return d < 0 ? -1 : d > 0 ? 1 : (x->x1 < y->x1 ? -1 : x->x1 > y->x1);
}

/*
 * Where column B begins after column A ends at a: the middle of the widest
 * stretch in [a, b) that no word of ws covers (the gap between two cells),
 * else b.
 */
static double tb_boundary(struct tb_word *const *ws, size_t n, double a, double b, double *lo,
			  double *hi)
{
	double best = -1, at = b, x = a;

	*lo = *hi = b;

	while (x < b) {
		double next = b, cover = x;
		bool covered = false;

		for (size_t i = 0; i < n; i++)
			if (ws[i]->x1 <= x && ws[i]->x2 > x) {
				covered = true;
				if (ws[i]->x2 > cover)
					cover = ws[i]->x2;
			} else if (ws[i]->x1 > x && ws[i]->x1 < next) {
				next = ws[i]->x1;
			}
		if (covered) {
			x = cover;
			continue;
		}
		if (next - x > best) {
			best = next - x;
			at = (x + next) / 2;
			*lo = x;
			*hi = next;
		}
		x = next;
	}
	return at;
}

static int tb_col_of(const double *left, int ncols, double x)
{
	int c = 0;

	for (int k = 1; k < ncols; k++)
		if (x >= left[k])
			c = k;
	return c;
}

/* True when word w is a number alone on its line right of the table's first column: a page number. */
static bool tb_page_number(const char *text, struct tb_word *const *sel, size_t from, size_t to,
			   double first_gap)
{
	const struct tb_word *w = sel[from];

	if (to != from + 1 || w->x1 < first_gap)
		return false;
	for (size_t i = w->b; i < w->e; i++)
		if (text[i] < '0' || text[i] > '9')
			return false;
	return true;
}

int imp_pdf_table(const char *text, size_t len, const struct imp_glyph *g, size_t ng,
		  const struct imp_ptable *prev, struct imp_ptable *t)
{
	double ga[TB_MAX_COLS] = {0}, gb[TB_MAX_COLS] = {0};
	bool cont = false, has_tt;
	struct tb_word *w = NULL, **sel = NULL;
	struct tb_col col[4];
	bool have[4] = {false, false, false, false};
	double left[TB_MAX_COLS] = {0}, head_top = 1e9, head_bot = -1, h = 0, tleft, tright = 0;
	int order[TB_MAX_COLS], ncols = 0, r = 0;
	size_t n = 0, nsel = 0, end = 0;
	struct tb_word *tt = NULL;

	memset(t, 0, sizeof(*t));
	buf_init(&t->rows, IMP_MAX_TEXT);
	r = tb_words(text, len, g, ng, &w, TB_MAX_WORDS, &n);
	if (r < 0)
		goto out;
	sel = malloc((n ? n : 1) * sizeof(*sel));
	if (!sel) {
		r = ERR_NOMEM;
		goto out;
	}
	/* The heading: the first "chủ trì", then the other phrases near it. */
	for (size_t i = 0; i + 1 < n && !have[1]; i++) {
		const struct tb_word *b;

		if (w[i].word != TB_CHU || !(b = tb_phrase_end(w, n, i, TB_TRI)))
			continue;
		have[1] = true;
		col[1] = (struct tb_col){w[i].x1 < b->x1 ? w[i].x1 : b->x1,
					 w[i].x2 > b->x2 ? w[i].x2 : b->x2, 0};
		head_top = w[i].y1 < b->y1 ? w[i].y1 : b->y1;
		head_bot = w[i].y2 > b->y2 ? w[i].y2 : b->y2;
		h = w[i].y2 - w[i].y1;
	}
	if ((!have[1] || h <= 0) && prev && prev->found && prev->open_end && prev->h > 0 &&
	    prev->ncols >= 2 && prev->ncols <= TB_MAX_COLS) {
		/* no heading: the table of the page before goes on from this page's top */
		cont = true;
		h = prev->h;
		ncols = prev->ncols;
		has_tt = prev->tt;
		memcpy(ga, prev->ga, sizeof(ga));
		memcpy(gb, prev->gb, sizeof(gb));
		memcpy(left, prev->left, sizeof(left));
		tleft = prev->x1;
		head_top = 1e9;
		for (size_t i = 0; i < n; i++)
			if (w[i].y1 < head_top && w[i].x1 >= tleft)
				head_top = w[i].y1;
		head_bot = head_top - 1;
		goto rows;
	}
	if (!have[1] || h <= 0)
		goto out;
	for (size_t p = 0; p < sizeof(tb_phrase_col) / sizeof(tb_phrase_col[0]); p++) {
		int c = tb_phrase_col[p];

		if (have[c])
			continue;
		for (size_t i = 0; i + 1 < n; i++) {
			const struct tb_word *a = &w[i], *b;

			if (a->word != tb_phrases[p][0] || a->y1 > head_bot + 3 * h ||
			    a->y2 < head_top - 3 * h ||
			    !(b = tb_phrase_end(w, n, i, tb_phrases[p][1])))
				continue;
			have[c] = true;
			col[c] = (struct tb_col){a->x1 < b->x1 ? a->x1 : b->x1,
						 a->x2 > b->x2 ? a->x2 : b->x2, 0};
			if (a->y1 < head_top)
				head_top = a->y1;
			if (b->y2 > head_bot)
				head_bot = b->y2;
			break;
		}
	}
	if (!have[0] || !(have[2] || have[3]))
		goto out;
	/* The heading band: every word between its top and bottom; "TT", "STT" left of the rest. */
	for (size_t i = 0; i < n; i++)
		if (tb_mid_y(&w[i]) >= head_top && tb_mid_y(&w[i]) <= head_bot &&
		    (w[i].word == TB_TT || w[i].word == TB_STT ||
		     /* "STT" a narrow column wrapped: "ST" over "T" */
		     w[i].word == TB_ST) &&
		    w[i].x2 <= col[0].x1)
			tt = &w[i];
	/* Columns left to right by their heading phrase. */
	if (tt)
		order[ncols++] = -1;
	for (int c = 0; c < 4; c++)
		if (have[c]) {
			int k = ncols++;

			while (k > 0 && order[k - 1] >= 0 && col[order[k - 1]].x1 > col[c].x1) {
				order[k] = order[k - 1];
				k--;
			}
			order[k] = c;
		}
	tleft = (tt ? tt->x1 : col[order[0]].x1) - 3 * h;
	has_tt = tt != NULL;
	for (int k = 1; k < ncols; k++) {
		ga[k] = order[k - 1] < 0 ? tt->x2 : col[order[k - 1]].x1;
		gb[k] = col[order[k]].x1;
	}
rows:
	/* The heading's words and those under it, top to bottom. */
	for (size_t i = 0; i < n; i++)
		if (tb_mid_y(&w[i]) >= head_top && w[i].x1 >= tleft)
			sel[nsel++] = &w[i];
	/* a page of thousands of words under a heading is no table of tasks: not tried */
	if (nsel > TB_MAX_CELL_WORDS)
		goto out;
	qsort(sel, nsel, sizeof(*sel), tb_cmp_y);
	/*
	 * The table runs on while each line leaves free a stretch wider than a
	 * space of the gap between every two columns' headings: a paragraph across
	 * the page covers them, the rows of the table never do.
	 */
	end = 0;
	while (end < nsel && tb_mid_y(sel[end]) <= head_bot)
		end++;
	/* a heading whose own lines close a gap is prose that names the columns' words */
	for (int k = 1; k < ncols && !cont; k++) {
		double lo, hi;

		if (gb[k] <= ga[k])
			goto out;
		tb_boundary(sel, end, ga[k], gb[k], &lo, &hi);
		if (hi - lo < 0.4 * h)
			goto out;
	}
	{
		double last_bot = head_bot;

		while (end < nsel) {
			size_t j = end;
			double mid = tb_mid_y(sel[end]), bot = sel[end]->y2;
			bool open = sel[end]->y1 - last_bot <= 3 * h;

			while (j < nsel && tb_mid_y(sel[j]) < mid + h / 2) {
				if (sel[j]->y2 > bot)
					bot = sel[j]->y2;
				j++;
			}
			/* going on from the page before: no word of the line crosses its columns' edges */
			for (int k = 1; k < ncols && open && cont; k++)
				for (size_t q = end; q < j && open; q++)
					open = !(sel[q]->x1 < left[k] && sel[q]->x2 > left[k]);
			/* the line must leave free a stretch of each gap wider than a space */
			for (int k = 1; k < ncols && open && !cont; k++) {
				double lo, hi, lo2, hi2;

				tb_boundary(sel, end ? end : j, ga[k], gb[k], &lo, &hi);
				tb_boundary(sel, j, lo, hi, &lo2, &hi2);
				open = hi2 - lo2 >= 0.4 * h;
			}
			if (open && tb_page_number(text, sel, end, j, ga[1]))
				open = false;
			if (!open)
				break;
			last_bot = bot;
			end = j;
		}
	}
	if (end == 0)
		goto out;
	left[0] = tleft;
	for (int k = 1; k < ncols && !cont; k++) {
		double lo, hi;

		left[k] = tb_boundary(sel, end, ga[k], gb[k], &lo, &hi);
	}
	/* Visual lines, then rows: a number in the "TT" column, else a gap wider than a line's. */
	{
		int nv = 0;
		double vtop[TB_MAX_LINES], vbot[TB_MAX_LINES];
		bool rowstart[TB_MAX_LINES];

		for (size_t i = 0; i < end && nv < TB_MAX_LINES;) {
			size_t j = i;
			double mid = tb_mid_y(sel[i]);

			vtop[nv] = sel[i]->y1;
			vbot[nv] = sel[i]->y2;
			while (j < end && tb_mid_y(sel[j]) < mid + h / 2) {
				sel[j]->vline = nv;
				if (sel[j]->y1 < vtop[nv])
					vtop[nv] = sel[j]->y1;
				if (sel[j]->y2 > vbot[nv])
					vbot[nv] = sel[j]->y2;
				j++;
			}
			nv++;
			i = j;
		}
		if (nv < (cont ? 1 : 2))
			goto out;
		for (int v = 0; v < nv; v++)
			rowstart[v] = v == 0;
		for (size_t i = 0; i < end; i++) {
			int v = sel[i]->vline;

			if (v == 0 || tb_mid_y(sel[i]) <= head_bot)
				continue;
			if (has_tt) {
				rowstart[v] = rowstart[v] ||
					      (tb_col_of(left, ncols, sel[i]->x1) == 0 &&
					       text[sel[i]->b] >= '0' && text[sel[i]->b] <= '9');
			}
		}
		/*
		 * No "TT" column: a row begins at a line whose first column opens with
		 * a capital and whose other columns open with none in lower case.
		 */
		for (int v = 1; v < nv && !has_tt; v++) {
			bool cap = false, low = false, seen[TB_MAX_COLS] = {false};

			for (size_t i = 0; i < end; i++) {
				int c;

				if (sel[i]->vline != v || tb_mid_y(sel[i]) <= head_bot)
					continue;
				c = tb_col_of(left, ncols, sel[i]->x1);
				if (seen[c])
					continue;
				seen[c] = true;
				if (imp_is_lower_at(text, len, sel[i]->b))
					low = true;
				else if (c == (has_tt ? 1 : 0) &&
					 imp_is_upper_at(text, len, sel[i]->b))
					cap = true;
			}
			rowstart[v] = rowstart[v] || (cap && !low);
		}
		/* the heading's lines are one row, the first under it opens the next */
		for (size_t i = 0; i < end; i++)
			if (tb_mid_y(sel[i]) <= head_bot && sel[i]->vline > 0)
				rowstart[sel[i]->vline] = false;

		/* each row: its words column by column, in reading order */
		for (int v = 0; v < nv && r == 0;) {
			int z = v + 1;

			while (z < nv && !rowstart[z])
				z++;
			for (int c = 0; c < ncols && r == 0; c++) {
				const struct tb_word *last = NULL;

				r = buf_add(&t->rows, c == 0 ? "| " : " | ", c == 0 ? 2 : 3);
				for (size_t i = 0; i < end && r == 0; i++) {
					if (sel[i]->vline < v || sel[i]->vline >= z ||
					    tb_col_of(left, ncols, sel[i]->x1) != c)
						continue;
					if (last && !tb_cut_year(text, last, sel[i]))
						r = buf_putc(&t->rows, ' ');
					if (r == 0)
						r = buf_add(&t->rows, text + sel[i]->b,
							    sel[i]->e - sel[i]->b);
					last = sel[i];
				}
			}
			if (r == 0)
				r = buf_add(&t->rows, " |\n", 3);
			v = z;
		}
		for (size_t i = 0; i < end; i++)
			if (sel[i]->x2 > tright)
				tright = sel[i]->x2;
		t->found = r == 0;
		t->x1 = tleft;
		t->x2 = tright + h;
		t->y1 = head_top - h / 4;
		t->y2 = vbot[nv - 1] + h / 4;
		t->tt = has_tt;
		t->ncols = ncols;
		t->h = h;
		memcpy(t->ga, ga, sizeof(ga));
		memcpy(t->gb, gb, sizeof(gb));
		memcpy(t->left, left, sizeof(left));
		/* it runs to the page's end when nothing but a page number stands under it */
		t->open_end = true;
		for (size_t i = 0; i < n && t->open_end; i++)
			if (w[i].y1 > t->y2) {
				size_t k = i;

				while (k + 1 < n && tb_same_line(&w[k], &w[k + 1]))
					k++;
				t->open_end =
				    k == i && w[i].x1 >= ga[1] &&
				    strspn(text + w[i].b, "0123456789") >= w[i].e - w[i].b;
			}
	}
out:
	free(w);
	free(sel);
	if (r < 0 || !t->found) {
		buf_free(&t->rows);
		t->found = false;
	}
	return r;
}
