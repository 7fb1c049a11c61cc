/* imp_pdf.h: a PDF page's text rebuilt from its glyphs' boxes (poppler's text with positions). */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "import/import.h"
#include "util/mod.h"

/* The box of one character of poppler's page text, in points from the page's top left. */
struct imp_glyph {
	double x1, y1, x2, y2;
};

struct imp_pdf;

/* A new, empty document's lines; ERR_NOMEM. */
int imp_pdf_new(struct imp_pdf **ret);
void imp_pdf_free(struct imp_pdf *d);
/*
 * Adds page number page (0 first) of width page_w: text[0..len) is poppler's
 * text of the page (lines end in '\n'), g[0..ng) the box of each of its
 * characters in order (poppler_page_get_text_layout). A line with a gap of
 * several letters in it is cut there into a left and a right column. Any
 * bytes and boxes are accepted; ERR_NOMEM or ERR_TOOBIG.
 */
int imp_pdf_page(struct imp_pdf *d, int page, double page_w, const char *text, size_t len,
		 const struct imp_glyph *g, size_t ng);
/*
 * The document's text into out, one line per line: page headers and footers
 * (a number, "Trang N", or a line repeated in the top or bottom tenth of
 * pages of height page_h) left out; where two columns stand side by side,
 * the left column's lines and then the right's. ERR_TOOBIG past out's limit.
 */
int imp_pdf_text(struct imp_pdf *d, double page_h, struct buf *out);

enum { IMP_PTABLE_COLS = 8 };

/* A table of tasks found on a page: its box and its rows rebuilt. */
struct imp_ptable {
	bool found;
	double x1, y1, x2, y2; /* the box its lines stand in */
	struct buf rows; /* "| TT | Nội dung | Đơn vị chủ trì | … |" one row a line */
	/* What a table running on over the next page takes from this one. */
	bool open_end; /* its last row is the page's last line */
	bool tt;       /* its first column is "TT" */
	int ncols;
	double h;					 /* its letters' height */
	double ga[IMP_PTABLE_COLS], gb[IMP_PTABLE_COLS]; /* column k begins in [ga[k], gb[k]) */
	double left[IMP_PTABLE_COLS];			 /* where column k begins */
};

/*
 * Finds on a page (text[0..len), the box of each character in g[0..ng), as for
 * imp_pdf_page) a table whose heading names its columns ("Nội dung", "chủ trì",
 * and "phối hợp" or "Thời gian"/"Thời hạn"; "TT" before them), and rebuilds it
 * row by row from where its words stand: a column is what lies between the
 * gaps no word crosses, a row begins at a number in the "TT" column, else after
 * a gap wider than a line's. A page with no heading whose first lines fit the
 * columns of prev (the table of the page before, when it ran to that page's
 * end; NULL when none) goes on with prev's rows. A line of one number out of
 * the first column (a page number) ends a table. t->found false when there is
 * none (t->rows then empty and freed); when found the caller frees t->rows.
 * 0 or ERR_NOMEM.
 */
int imp_pdf_table(const char *text, size_t len, const struct imp_glyph *g, size_t ng,
		  const struct imp_ptable *prev, struct imp_ptable *t);

/*
 * The dondoc-pdfread module (imp_pdfread.c, poppler): text is the text of the
 * PDF data[0..len) into out, its pages' lines in reading order (imp_pdf_text);
 * ERR_INVAL, said in e, for a damaged or locked PDF or one without a text layer.
 */
struct imp_pdfread_mod {
	struct mod_head head;
	int (*text)(const char *data, size_t len, struct buf *out, struct err *e);
};

extern const struct imp_pdfread_mod dondoc_mod_pdfread;

/*
 * The dondoc-docxread module (imp_docx.c, libzip and libxml2): text is the
 * text of the DOCX data[0..len) into out, its tables of tasks as rows
 * "| a | b | c |"; ERR_INVAL, said in e, when it is not a readable DOCX.
 */
struct imp_docxread_mod {
	struct mod_head head;
	int (*text)(const char *data, size_t len, struct buf *out, struct err *e);
};

extern const struct imp_docxread_mod dondoc_mod_docxread;
