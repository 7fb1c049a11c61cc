/*
 * mkpdf.c: lays text runs out on A4 pages with cairo, as word processors and
 * web portals write PDFs: each run where the layout says, a number's parts as
 * separate runs, page numbers and footers. Builds the corpus's laid-out PDFs.
 *
 * Input (stdin), one command a line:
 *   P                      a new page
 *   T x y size bold text   a run at (x, y) points from the top left
 *   C dy text              a run right after the previous one, dy points lower
 * Usage: mkpdf OUT.pdf < layout
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	cairo_surface_t *s;
	cairo_t *cr;
	char line[8192];
	int pages = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mkpdf OUT.pdf < layout\n");
		return 2;
	}
	s = cairo_pdf_surface_create(argv[1], 595.0, 842.0);
	cr = cairo_create(s);
	while (fgets(line, sizeof(line), stdin)) {
		size_t n = strcspn(line, "\n");
		double x, y, size, dy;
		int bold, used = 0;

		line[n] = 0;
		if (line[0] == 'P') {
			if (pages++)
				cairo_show_page(cr);
		} else if (line[0] == 'T' && sscanf(line + 1, "%lf %lf %lf %d %n", &x, &y, &size,
						    &bold, &used) == 4) {
			cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL,
					       bold ? CAIRO_FONT_WEIGHT_BOLD
						    : CAIRO_FONT_WEIGHT_NORMAL);
			cairo_set_font_size(cr, size);
			cairo_move_to(cr, x, y);
			cairo_show_text(cr, line + 1 + used);
		} else if (line[0] == 'C' && sscanf(line + 1, "%lf %n", &dy, &used) == 1) {
			cairo_rel_move_to(cr, 0, dy);
			cairo_show_text(cr, line + 1 + used);
		}
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: %s\n", cairo_status_to_string(cairo_surface_status(s)));
		return 1;
	}
	cairo_surface_destroy(s);
	return 0;
}
