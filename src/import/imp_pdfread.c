/* imp_pdfread.c: the text of a PDF with where its letters stand, read with poppler (dondoc-pdfread). */
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "import/imp_pdf.h"

static int pdfread_text(const char *data, size_t len, struct buf *out, struct err *e)
{
	GBytes *bytes = g_bytes_new(data, len);
	GError *ge = NULL;
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &ge);
	struct imp_pdf *lay = NULL;
	double page_h = 842.0;
	int r = 0, pages;
	bool any = false;

	g_bytes_unref(bytes);
	if (!doc) {
		r = err_set(e, ERR_INVAL, "PDF hỏng hoặc có mật khẩu: %s",
			    ge ? ge->message : "không mở được");
		if (ge)
			g_error_free(ge);
		return r;
	}
	r = imp_pdf_new(&lay);
	pages = poppler_document_get_n_pages(doc);
	for (int i = 0; i < pages && r == 0; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, i);
		char *t = pg ? poppler_page_get_text(pg) : NULL;
		PopplerRectangle *rects = NULL;
		guint nrects = 0;
		double w = 595.0, h = 842.0;

		if (t) {
			struct imp_glyph *g;

			for (const char *c = t; *c && !any; c++)
				if ((unsigned char)*c > ' ')
					any = true;
			poppler_page_get_size(pg, &w, &h);
			if (i == 0)
				page_h = h;
			/* The text with where each of its letters stands: lines, columns, margins. */
			if (!poppler_page_get_text_layout(pg, &rects, &nrects))
				nrects = 0;
			g = calloc(nrects ? nrects : 1, sizeof(*g));
			if (!g) {
				r = ERR_NOMEM;
			} else {
				for (guint k = 0; k < nrects; k++)
					g[k] = (struct imp_glyph){rects[k].x1, rects[k].y1,
								  rects[k].x2, rects[k].y2};
				r = imp_pdf_page(lay, i, w, t, strlen(t), g, nrects);
				free(g);
			}
			g_free(rects);
			g_free(t);
		}
		if (pg)
			g_object_unref(pg);
	}
	g_object_unref(doc);
	if (r == 0)
		r = imp_pdf_text(lay, page_h, out);
	imp_pdf_free(lay);
	if (r < 0)
		return err_set(e, r,
			       r == ERR_NOMEM ? "không đủ bộ nhớ" : "văn bản trong PDF quá lớn");
	if (!any)
		return err_set(e, ERR_INVAL,
			       "PDF không có lớp chữ (có lẽ là bản quét): cần nhận dạng chữ (OCR) "
			       "trước khi nhập");
	return 0;
}

/* The module's entry points (imp_pdf.h). */
const struct imp_pdfread_mod dondoc_mod_pdfread = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .text = pdfread_text,
};
