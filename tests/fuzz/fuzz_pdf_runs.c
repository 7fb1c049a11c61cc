/*
 * fuzz_pdf_runs.c: libFuzzer harness for rebuilding a PDF's text from its glyphs'
 * boxes (imp_pdf.c). The input is a page's text; each character's box is made from
 * the bytes around it, so lines, gaps, columns and margins take every shape.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "import/imp_pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_pdf *d = NULL;
	struct imp_glyph *g;
	struct buf out = BUF_INIT(IMP_MAX_TEXT);
	size_t ng = size ? size - data[0] % (size < 8 ? size : 8) : 0; /* not always one a char */

	g = calloc(ng ? ng : 1, sizeof(*g));
	if (!g || imp_pdf_new(&d) < 0) {
		free(g);
		return 0;
	}
	for (size_t k = 0; k < ng; k++) {
		double x = data[k] * 2.5, y = data[(k * 7 + 1) % size] * 3.5;

		g[k] = (struct imp_glyph){x, y, x + data[(k + 2) % size] % 13,
					  y + data[(k + 3) % size] % 17};
	}
	/* two pages of the same text, so running headers and footers repeat */
	if (imp_pdf_page(d, 0, 595.0, (const char *)data, size, g, ng) == 0 &&
	    imp_pdf_page(d, 1, 595.0, (const char *)data, size, g, ng) == 0)
		(void)imp_pdf_text(d, 842.0, &out);
	imp_pdf_free(d);
	free(g);
	buf_free(&out);
	return 0;
}
