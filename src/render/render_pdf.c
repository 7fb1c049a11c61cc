/* render_pdf.c: the document view as an A4 PDF with cairo and pango (shaped, justified, paginated; dondoc-pdf). */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/pdf_mod.h"

#define MM(x) ((x)*72.0 / 25.4)

static bool empty_str(const char *s)
{
	return !s || !*s;
}

struct pdf {
	cairo_t *cr;
	PangoContext *ctx;
	const struct fmt_profile *p;
	double page_w, page_h, left, right, top, bottom, width;
	double y; /* current top of the next line */
	int page;
	struct buf *out;
	int werr;
	char font_desc[160];  /* the profile's font as fontconfig found it, for messages */
	struct err glyph;     /* the first character the font lacks (code 0: none) */
	struct dv_sigbox box; /* where the signature block went */
};

/*
 * What a thread keeps between documents: its pango context (over the
 * thread's own default font map, which holds the shaped fonts) and the last
 * font fontconfig confirmed, so a document after the first neither creates a
 * context nor asks fontconfig again. Each thread has its own (pango's font
 * maps are per thread); freed when the thread ends or by dv_render_release.
 */
struct pdf_cache {
	PangoContext *ctx;
	char family[128];    /* the last profile font that passed pdf_font_check */
	char font_desc[160]; /* and its description */
};

static pthread_key_t pdf_cache_key;
static pthread_once_t pdf_cache_once = PTHREAD_ONCE_INIT;
static int pdf_cache_key_rc;

static void pdf_cache_free(void *p)
{
	struct pdf_cache *c = p;

	if (!c)
		return;
	if (c->ctx)
		g_object_unref(c->ctx);
	free(c);
}

static void pdf_cache_key_make(void)
{
	pdf_cache_key_rc = pthread_key_create(&pdf_cache_key, pdf_cache_free);
}

/* The calling thread's cache, made on first use; NULL when out of memory. */
static struct pdf_cache *pdf_cache_get(void)
{
	struct pdf_cache *c;

	pthread_once(&pdf_cache_once, pdf_cache_key_make);
	if (pdf_cache_key_rc != 0)
		return NULL;
	c = pthread_getspecific(pdf_cache_key);
	if (c)
		return c;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	if (c->ctx) {
		cairo_font_options_t *fo = cairo_font_options_create();

		cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
		cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
		pango_cairo_context_set_font_options(c->ctx, fo);
		cairo_font_options_destroy(fo);
		/*
		 * Glyphs at their exact advances: rounded to whole points, cairo
		 * writes a correction before almost every glyph of a PDF's text
		 * (a larger page stream to compress) and the errors add up along a line.
		 */
		pango_context_set_round_glyph_positions(c->ctx, FALSE);
	}
	if (!c->ctx || pthread_setspecific(pdf_cache_key, c) != 0) {
		pdf_cache_free(c);
		return NULL;
	}
	return c;
}

static cairo_status_t pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *d = closure;

	if (buf_add(d->out, data, len) != 0) {
		d->werr = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Appends text with the no-break space after a free-standing dash (" - " →
 * " -\u00A0"): a line may not end on the dash of "kinh tế - xã hội", which
 * also keeps text extraction from taking it for a hyphenated word.
 */
static void append_dashes(GString *s, const char *text)
{
	const char *from = text ? text : "", *p = from;

	/* the text between two such dashes goes in as one piece */
	while ((p = strstr(p, "- ")) != NULL) {
		if (p == text || p[-1] == ' ') {
			g_string_append_len(s, from, p + 1 - from);
			g_string_append(s, "\u2060\u00A0");
			from = p + 2;
		}
		p += 2;
	}
	g_string_append(s, from);
}

/*
 * A layout of text as it is (append_dashes already applied) with attrs (NULL:
 * none) and font fallback turned off: a character the profile's font lacks
 * is then an unknown glyph that pdf_check_glyphs turns into an error, never
 * a letter silently drawn from another typeface.
 */
static PangoLayout *pdf_layout_text(struct pdf *d, const GString *text, PangoAttrList *attrs,
				    double pt, unsigned style, double width, PangoAlignment al)
{
	PangoLayout *l = pango_layout_new(d->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	PangoAttrList *own = attrs ? NULL : pango_attr_list_new();
	PangoAttribute *a = pango_attr_fallback_new(FALSE);

	pango_font_description_set_family(fd, d->p->font);
	pango_font_description_set_absolute_size(fd, pt * PANGO_SCALE);
	pango_font_description_set_weight(fd, style & DV_BOLD ? PANGO_WEIGHT_BOLD
							      : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, style & DV_ITALIC ? PANGO_STYLE_ITALIC
							       : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, al);
	pango_layout_set_text(l, text->str, (int)text->len);
	a->start_index = 0;
	a->end_index = G_MAXUINT;
	pango_attr_list_insert(attrs ? attrs : own, a);
	pango_layout_set_attributes(l, attrs ? attrs : own);
	if (own)
		pango_attr_list_unref(own);
	return l;
}

/* A layout of a plain text in one style. */
static PangoLayout *pdf_layout(struct pdf *d, const char *text, double pt, unsigned style,
			       double width, PangoAlignment al)
{
	GString *t = g_string_new(NULL);
	PangoLayout *l;

	append_dashes(t, text);
	l = pdf_layout_text(d, t, NULL, pt, style, width, al);
	g_string_free(t, TRUE);
	return l;
}

/*
 * Records in d->glyph the first character of l that the font cannot draw,
 * with the start of its paragraph so that the clerk can find it.
 */
static void pdf_check_glyphs(struct pdf *d, PangoLayout *l)
{
	PangoLayoutIter *it;

	if (d->glyph.code || pango_layout_get_unknown_glyphs_count(l) == 0)
		return;
	it = pango_layout_get_iter(l);
	do {
		PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);

		if (!run)
			continue;
		for (int i = 0; i < run->glyphs->num_glyphs; i++) {
			PangoGlyph g = run->glyphs->glyphs[i].glyph;
			const char *text = pango_layout_get_text(l);
			const char *at, *from;
			char ch[8] = "";
			gunichar c;
			int n;

			if (!(g & PANGO_GLYPH_UNKNOWN_FLAG))
				continue;
			at = text + run->item->offset + run->glyphs->log_clusters[i];
			c = g_utf8_get_char(at);
			n = g_unichar_to_utf8(c, ch);
			ch[n] = '\0';
			/* the paragraph's start, or the 40 characters before the letter */
			from = at;
			for (int k = 0; k < 40 && from > text && from[-1] != '\n'; k++)
				from = g_utf8_prev_char(from);
			err_set(&d->glyph, ERR_INVAL,
				"phông chữ %s không có chữ '%s' (U+%04X) ở \"%.*s\": thay chữ đó "
				"hoặc cài phông đủ chữ (Debian: gói fonts-liberation2)",
				d->font_desc, ch, (unsigned)c, (int)(at - from + n), from);
			pango_layout_iter_free(it);
			return;
		}
	} while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
}

static double layout_h(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void pdf_page_number(struct pdf *d)
{
	char num[16];
	PangoLayout *l;

	if (!d->p->page_numbers || d->page < 2)
		return;
	snprintf(num, sizeof(num), "%d", d->page);
	l = pdf_layout(d, num, d->p->body_pt, 0, d->width, PANGO_ALIGN_CENTER);
	pdf_check_glyphs(d, l);
	cairo_move_to(d->cr, d->left, MM(d->p->margin_top) / 2 - layout_h(l) / 2);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
}

static void pdf_new_page(struct pdf *d)
{
	cairo_show_page(d->cr);
	d->page++;
	d->y = d->top;
	pdf_page_number(d);
}

/*
 * Draws a layout at x line by line, breaking pages between lines. keep_h > 0
 * asks that the layout's last two lines (all of them when it has fewer)
 * stand on one page with keep_h more points under them: the last paragraph
 * of a text goes over to the signature's page rather than leave it alone.
 */
static void pdf_flow(struct pdf *d, PangoLayout *l, double x, double keep_h)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	int nlines = pango_layout_get_line_count(l), i = 0;
	int keep_from = nlines > 2 ? nlines - 2 : 0;
	double base_top = -1, shift = 0, total = layout_h(l);

	pdf_check_glyphs(d, l);
	do {
		PangoRectangle logical;
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		double ltop, lh, baseline;

		pango_layout_iter_get_line_extents(it, NULL, &logical);
		ltop = (double)logical.y / PANGO_SCALE;
		lh = (double)logical.height / PANGO_SCALE;
		baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		if (base_top < 0)
			base_top = d->y - ltop;
		if (base_top + ltop + shift + lh > d->bottom && ltop + shift > 0) {
			pdf_new_page(d);
			shift = d->y - base_top - ltop;
		} else if (keep_h > 0 && i == keep_from && base_top + ltop + shift > d->top + 0.5 &&
			   base_top + ltop + shift + (total - ltop) + keep_h > d->bottom &&
			   (total - ltop) + keep_h <= d->bottom - d->top) {
			pdf_new_page(d);
			shift = d->y - base_top - ltop;
		}
		cairo_move_to(d->cr, x + (double)logical.x / PANGO_SCALE,
			      base_top + shift + baseline);
		pango_cairo_show_layout_line(d->cr, line);
		d->y = base_top + shift + ltop + lh;
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* A layout placed at (x, y) without pagination (header and closing blocks). */
static double pdf_place(struct pdf *d, PangoLayout *l, double x, double y)
{
	pdf_check_glyphs(d, l);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	return layout_h(l);
}

static void pdf_hline(struct pdf *d, double cx, double y, double w)
{
	cairo_set_line_width(d->cr, 0.6);
	cairo_move_to(d->cr, cx - w / 2, y);
	cairo_line_to(d->cr, cx + w / 2, y);
	cairo_stroke(d->cr);
}

static double text_w(PangoLayout *l)
{
	PangoRectangle logical;

	pango_layout_get_pixel_extents(l, NULL, &logical);
	return logical.width;
}

static void pdf_header(struct pdf *d, const struct docview *v)
{
	const struct fmt_profile *p = d->p;
	double lw = d->width * 0.42, rw = d->width * 0.58, rx = d->left + lw;
	double ly = d->top, ry = d->top, h;
	PangoLayout *l;

	if (!empty_str(v->superior)) {
		l = pdf_layout(d, v->superior, p->header_pt, 0, lw, PANGO_ALIGN_CENTER);
		ly += pdf_place(d, l, d->left, ly);
		g_object_unref(l);
	}
	if (!empty_str(v->issuer)) {
		l = pdf_layout(d, v->issuer, p->header_pt, DV_BOLD, lw, PANGO_ALIGN_CENTER);
		ly += pdf_place(d, l, d->left, ly);
		g_object_unref(l);
	}
	if (v->star) {
		l = pdf_layout(d, "*", p->header_pt, 0, lw, PANGO_ALIGN_CENTER);
		ly += pdf_place(d, l, d->left, ly);
		g_object_unref(l);
	}
	if (!empty_str(v->motto)) {
		l = pdf_layout(d, v->motto, p->motto_pt, DV_BOLD, rw, PANGO_ALIGN_CENTER);
		h = pdf_place(d, l, rx, ry);
		ry += h;
		if (empty_str(v->motto_sub))
			pdf_hline(d, rx + rw / 2, ry + 1, text_w(l));
		g_object_unref(l);
	}
	if (!empty_str(v->motto_sub)) {
		l = pdf_layout(d, v->motto_sub, p->header_pt, DV_BOLD, rw, PANGO_ALIGN_CENTER);
		ry += pdf_place(d, l, rx, ry);
		pdf_hline(d, rx + rw / 2, ry + 1, text_w(l));
		g_object_unref(l);
	}
	/* the number and the date line share a line */
	ly = ly > ry ? ly : ry;
	ly += 4;
	l = pdf_layout(d, empty_str(v->number) ? "Số       " : v->number, p->header_pt, 0, lw,
		       PANGO_ALIGN_CENTER);
	h = pdf_place(d, l, d->left, ly);
	g_object_unref(l);
	if (!empty_str(v->place_date)) {
		l = pdf_layout(d, v->place_date, p->header_pt, DV_ITALIC, rw, PANGO_ALIGN_RIGHT);
		double h2 = pdf_place(d, l, rx, ly);
		if (h2 > h)
			h = h2;
		g_object_unref(l);
	}
	d->y = ly + h + p->body_pt;
}

/* The Nơi nhận and signature blocks, laid out before the body so that it knows their height. */
struct closing {
	PangoLayout *title, *list, *sig, *name;
	double lw, hl, hr, gap;
};

/*
 * The "- " that starts a recipient line, then its text: lines that wrap go
 * on under the text, past the dash (a hanging indent).
 */
static PangoLayout *pdf_recipients(struct pdf *d, const struct docview *v, double width)
{
	GString *rc = g_string_new(NULL);
	PangoLayout *l, *dash;
	int hang;

	for (size_t i = 0; i < v->nrecipients; i++)
		g_string_append_printf(rc, "%s- %s%s", i ? "\n" : "", v->recipients[i],
				       i + 1 == v->nrecipients ? "" : ",");
	/* append_dashes writes each line's "- " as "-", a word joiner and a no-break space */
	dash = pdf_layout(d, "- x", d->p->recipients_pt, 0, width, PANGO_ALIGN_LEFT);
	{
		PangoRectangle pos;
		const char *t = pango_layout_get_text(dash);

		pango_layout_index_to_pos(dash, (int)(strchr(t, 'x') - t), &pos);
		hang = pos.x;
	}
	g_object_unref(dash);
	{
		GString *t = g_string_new(NULL);

		/* every line's dash as the first one's: no break after it */
		for (const char *p = rc->str; *p; p++) {
			g_string_append_c(t, *p);
			if (p[0] == '\n' && p[1] == '-' && p[2] == ' ') {
				g_string_append(t, "-\u2060\u00A0");
				p += 2;
			}
		}
		l = pdf_layout(d, t->str, d->p->recipients_pt, 0, width, PANGO_ALIGN_LEFT);
		g_string_free(t, TRUE);
	}
	pango_layout_set_indent(l, -hang);
	g_string_free(rc, TRUE);
	return l;
}

static void closing_layout(struct pdf *d, const struct docview *v, struct closing *c)
{
	const struct fmt_profile *p = d->p;
	double rw = d->width * 0.55;
	GString *sg = g_string_new(NULL);

	memset(c, 0, sizeof(*c));
	c->lw = d->width * 0.45;
	if (!empty_str(v->sig_authority))
		g_string_append(sg, v->sig_authority);
	if (!empty_str(v->sig_position))
		g_string_append_printf(sg, "%s%s", sg->len ? "\n" : "", v->sig_position);
	if (v->nrecipients) {
		c->title = pdf_layout(d, "Nơi nhận:", p->header_pt, DV_BOLD | DV_ITALIC, c->lw,
				      PANGO_ALIGN_LEFT);
		c->list = pdf_recipients(d, v, c->lw);
		c->hl = layout_h(c->title) + layout_h(c->list);
	}
	c->sig = pdf_layout(d, sg->str, p->sign_pt, DV_BOLD, rw, PANGO_ALIGN_CENTER);
	c->name = pdf_layout(d, v->sig_name, p->sign_pt, DV_BOLD, rw, PANGO_ALIGN_CENTER);
	c->gap = p->sign_pt * 4.5; /* room for the hand signature and seal */
	c->hr = layout_h(c->sig) + c->gap + layout_h(c->name);
	g_string_free(sg, TRUE);
}

static double closing_h(const struct closing *c)
{
	return c->hl > c->hr ? c->hl : c->hr;
}

/* The closing blocks, whole: on a new page when they do not fit under the body. */
static void closing_draw(struct pdf *d, struct closing *c)
{
	if (d->y + closing_h(c) > d->bottom)
		pdf_new_page(d);
	if (c->title) {
		double y = d->y + pdf_place(d, c->title, d->left, d->y);
		pdf_hline(d, d->left + text_w(c->title) / 2, y - 1, text_w(c->title));
		pdf_place(d, c->list, d->left, y);
	}
	pdf_place(d, c->sig, d->left + c->lw, d->y);
	pdf_place(d, c->name, d->left + c->lw, d->y + layout_h(c->sig) + c->gap);
	d->box.page = d->page;
	d->box.x = d->left + c->lw;
	d->box.w = d->width - c->lw;
	d->box.h = c->gap;
	d->box.y = d->page_h - (d->y + layout_h(c->sig) + c->gap);
	d->box.page_w = d->page_w;
	d->box.page_h = d->page_h;
	d->y += closing_h(c);
}

static void closing_free(struct closing *c)
{
	if (c->title)
		g_object_unref(c->title);
	if (c->list)
		g_object_unref(c->list);
	if (c->sig)
		g_object_unref(c->sig);
	if (c->name)
		g_object_unref(c->name);
}

/* The body; its last paragraph or table row keeps tail_h points of the closing under it. */
static void pdf_body(struct pdf *d, const struct docview *v, double tail_h)
{
	const struct fmt_profile *p = d->p;
	PangoLayout *l;
	size_t last = v->nblocks;

	for (size_t i = 0; i < v->nblocks; i++)
		if (v->blocks[i].kind != DV_RULE)
			last = i;
	if (!empty_str(v->type_name)) {
		l = pdf_layout(d, v->type_name, p->type_pt, DV_BOLD, d->width, PANGO_ALIGN_CENTER);
		pdf_flow(d, l, d->left, 0);
		g_object_unref(l);
	}
	if (!empty_str(v->summary)) {
		l = pdf_layout(d, v->summary, p->summary_pt, DV_BOLD, d->width, PANGO_ALIGN_CENTER);
		pdf_flow(d, l, d->left, 0);
		g_object_unref(l);
	}
	d->y += p->para_space_pt;
	for (size_t i = 0; i < v->nblocks; i++) {
		const struct dv_block *b = &v->blocks[i];
		double keep = i == last ? p->para_space_pt + tail_h : 0;

		if (b->kind == DV_RULE) {
			pdf_hline(d, d->left + d->width / 2, d->y, MM(25));
			d->y += p->body_pt;
		} else if (b->kind == DV_PARA) {
			GString *s = g_string_new(NULL);
			PangoAttrList *attrs = pango_attr_list_new();
			static const PangoAlignment al[] = {PANGO_ALIGN_LEFT, PANGO_ALIGN_LEFT,
							    PANGO_ALIGN_CENTER, PANGO_ALIGN_RIGHT};

			for (size_t k = 0; k < b->nruns; k++) {
				size_t start = s->len;
				PangoAttribute *a;

				append_dashes(s, b->runs[k].text);
				if (b->runs[k].style & DV_BOLD) {
					a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
					a->start_index = (guint)start;
					a->end_index = (guint)s->len;
					pango_attr_list_insert(attrs, a);
				}
				if (b->runs[k].style & DV_ITALIC) {
					a = pango_attr_style_new(PANGO_STYLE_ITALIC);
					a->start_index = (guint)start;
					a->end_index = (guint)s->len;
					pango_attr_list_insert(attrs, a);
				}
			}
			l = pdf_layout_text(d, s, attrs, p->body_pt, 0, d->width, al[b->align]);
			pango_layout_set_justify(l, b->align == DV_JUSTIFY);
			if (!b->no_indent)
				pango_layout_set_indent(l, (int)(MM(p->indent_mm) * PANGO_SCALE));
			if (p->line_spacing > 1.0)
				pango_layout_set_line_spacing(l, (float)p->line_spacing);
			pdf_flow(d, l, d->left, keep);
			d->y += p->para_space_pt;
			g_object_unref(l);
			pango_attr_list_unref(attrs);
			g_string_free(s, TRUE);
		} else {
			const struct dv_table *t = &b->table;

			for (size_t y = 0; y < t->nrows; y++) {
				double rh = 0;
				PangoLayout *cells[32];
				size_t nc = t->ncols < 32 ? t->ncols : 32;
				double cx[33];

				cx[0] = d->left;
				for (size_t x = 0; x < nc; x++)
					cx[x + 1] = cx[x] + d->width * dv_col_frac(t, x);

				for (size_t x = 0; x < nc; x++) {
					cells[x] = pdf_layout(
					    d, t->cells[y * t->ncols + x], p->body_pt - 1,
					    y == 0 && t->header ? DV_BOLD : 0,
					    cx[x + 1] - cx[x] - 6, PANGO_ALIGN_LEFT);
					if (layout_h(cells[x]) > rh)
						rh = layout_h(cells[x]);
				}
				rh += 4;
				/* the last row goes over with the closing rather than leave it alone */
				if (d->y + rh > d->bottom ||
				    (y + 1 == t->nrows && keep > 0 && d->y > d->top + 0.5 &&
				     d->y + rh + keep > d->bottom &&
				     rh + keep <= d->bottom - d->top))
					pdf_new_page(d);
				for (size_t x = 0; x < nc; x++) {
					cairo_set_line_width(d->cr, 0.5);
					cairo_rectangle(d->cr, cx[x], d->y, cx[x + 1] - cx[x], rh);
					cairo_stroke(d->cr);
					pdf_place(d, cells[x], cx[x] + 3, d->y + 2);
					g_object_unref(cells[x]);
				}
				d->y += rh;
			}
			d->y += p->para_space_pt;
		}
	}
}

/*
 * Asks fontconfig which face the profile's font is in each of the four
 * styles: it must be that family itself (never another one standing in),
 * and Liberation Serif must be 2.x, which has every Vietnamese letter
 * (1.07 lacks many: nhất, kết, quả, ĐẢNG fell back to DejaVu Serif).
 */
static int pdf_font_check(struct pdf *d, struct err *e)
{
	static const struct {
		int weight, slant;
	} styles[] = {{FC_WEIGHT_REGULAR, FC_SLANT_ROMAN},
		      {FC_WEIGHT_BOLD, FC_SLANT_ROMAN},
		      {FC_WEIGHT_REGULAR, FC_SLANT_ITALIC},
		      {FC_WEIGHT_BOLD, FC_SLANT_ITALIC}};
	const char *want = d->p->font;
	int r = 0;

	for (size_t i = 0; r == 0 && i < sizeof(styles) / sizeof(styles[0]); i++) {
		FcPattern *pat = FcPatternCreate(), *m = NULL;
		FcChar8 *family = NULL, *file = NULL;
		FcResult res;
		int version = 0;

		if (!pat)
			return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
		FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)want);
		FcPatternAddInteger(pat, FC_WEIGHT, styles[i].weight);
		FcPatternAddInteger(pat, FC_SLANT, styles[i].slant);
		FcConfigSubstitute(NULL, pat, FcMatchPattern);
		FcDefaultSubstitute(pat);
		m = FcFontMatch(NULL, pat, &res);
		if (m) {
			FcPatternGetString(m, FC_FAMILY, 0, &family);
			FcPatternGetString(m, FC_FILE, 0, &file);
			FcPatternGetInteger(m, FC_FONTVERSION, 0, &version);
		}
		if (!family || FcStrCmpIgnoreCase(family, (const FcChar8 *)want) != 0)
			r = err_set(
			    e, ERR_INVAL,
			    "chưa cài phông chữ %s của khổ trình bày %s (máy chỉ có %s thay "
			    "thế): cài phông đó (Debian: gói fonts-liberation2)",
			    want, d->p->code[0] ? d->p->code : "mặc định",
			    family ? (const char *)family : "phông khác");
		else if (FcStrCmpIgnoreCase(family, (const FcChar8 *)"Liberation Serif") == 0 &&
			 version < 0x20000)
			r = err_set(e, ERR_INVAL,
				    "phông chữ %s bản %d.%02d (%s) thiếu nhiều chữ tiếng Việt: cài "
				    "bản 2 (Debian: gói fonts-liberation2)",
				    want, version >> 16, ((version & 0xFFFF) * 100 + 32768) / 65536,
				    file ? (const char *)file : "");
		else if (i == 0)
			snprintf(d->font_desc, sizeof(d->font_desc), "%s %d.%02d", want,
				 version >> 16, ((version & 0xFFFF) * 100 + 32768) / 65536);
		if (m)
			FcPatternDestroy(m);
		FcPatternDestroy(pat);
	}
	return r;
}

static int pdf_render(const struct docview *v, struct buf *out, struct dv_sigbox *ret_box,
		      struct err *e)
{
	struct pdf_cache *c = pdf_cache_get();
	struct fmt_profile def;
	struct pdf d = {.out = out, .page = 1};
	struct closing cl;
	cairo_surface_t *s;
	cairo_status_t st;
	int r;

	if (!c)
		return err_set(e, ERR_NOMEM, "hết bộ nhớ cho việc dựng tệp PDF");
	if (!v->profile) {
		fmt_profile_default(&def);
		d.p = &def;
	} else {
		d.p = v->profile;
	}
	r = fmt_profile_check(d.p, e);
	if (r == 0 && strcmp(c->family, d.p->font) == 0) {
		snprintf(d.font_desc, sizeof(d.font_desc), "%s", c->font_desc);
	} else if (r == 0) {
		r = pdf_font_check(&d, e);
		if (r == 0 && strlen(d.p->font) < sizeof(c->family)) {
			snprintf(c->family, sizeof(c->family), "%s", d.p->font);
			snprintf(c->font_desc, sizeof(c->font_desc), "%s", d.font_desc);
		}
	}
	if (r < 0)
		return r;
	d.page_w = MM(FMT_A4_W);
	d.page_h = MM(FMT_A4_H);
	d.left = MM(d.p->margin_left);
	d.right = d.page_w - MM(d.p->margin_right);
	d.top = MM(d.p->margin_top);
	d.bottom = d.page_h - MM(d.p->margin_bottom);
	d.width = d.right - d.left;
	s = cairo_pdf_surface_create_for_stream(pdf_write, &d, d.page_w, d.page_h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return err_set(e, ERR_NOMEM, "không tạo được tệp PDF");
	}
	if (v->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, v->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "dondoc");
	if (v->pdf_date)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, v->pdf_date);
	d.cr = cairo_create(s);
	/* The thread's context, brought to this surface (its transformation and options). */
	d.ctx = c->ctx;
	pango_cairo_update_context(d.cr, d.ctx);
	cairo_set_source_rgb(d.cr, 0, 0, 0);
	pdf_header(&d, v);
	closing_layout(&d, v, &cl);
	pdf_body(&d, v, closing_h(&cl));
	closing_draw(&d, &cl);
	closing_free(&cl);
	cairo_show_page(d.cr);
	cairo_destroy(d.cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (d.werr)
		return err_set(e, ERR_TOOBIG, "tệp PDF quá lớn");
	if (d.glyph.code) {
		err_set(e, d.glyph.code, "%s", d.glyph.msg);
		return d.glyph.code;
	}
	if (st != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INTERNAL, "cairo: %s", cairo_status_to_string(st));
	if (ret_box)
		*ret_box = d.box;
	return 0;
}

static void pdf_release(void)
{
	/*
	 * Neither cairo_debug_reset_static_data() nor FcFini(): both assert that
	 * nothing still holds what they free, which pango's font map and its
	 * fontconfig thread may for a moment (seen as rare aborts under load).
	 * fontconfig's caches stay to the process's end (tests/lsan.supp).
	 * The thread's context goes first: it holds the font map.
	 */
	pthread_once(&pdf_cache_once, pdf_cache_key_make);
	if (pdf_cache_key_rc == 0) {
		pdf_cache_free(pthread_getspecific(pdf_cache_key));
		pthread_setspecific(pdf_cache_key, NULL);
	}
	pango_cairo_font_map_set_default(NULL);
}

/* The module's entry points (pdf_mod.h). */
const struct dv_pdf_mod dondoc_mod_pdf = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .render = pdf_render,
    .release = pdf_release,
    .look_signer = look_signer,
    .look_seal = look_seal,
    .look_attached = look_attached,
};
