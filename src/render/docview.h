/* docview.h: a format-neutral official document (header, body, Nơi nhận, signature) and its renderers. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "core/notice/fmt.h"
#include "render/html.h"
#include "util/buf.h"
#include "util/err.h"

/*
 * A document as the official layout sees it: the two-column header, the
 * type name and summary line, body blocks, and the Nơi nhận and signature
 * blocks. Every renderer takes this same view, so a notice, a follow-up
 * report or a comments table looks the same in text, HTML, PDF and DOCX.
 * All strings are UTF-8 NFC and are borrowed: the view owns nothing; build
 * it from arena memory and keep that alive while rendering.
 */

enum { DV_BOLD = 1 << 0, DV_ITALIC = 1 << 1 };

/* A run of text in one style; "\n" inside is a hard line break. */
struct dv_run {
	const char *text;
	unsigned style;
};

enum dv_align { DV_JUSTIFY, DV_LEFT, DV_CENTER, DV_RIGHT };

enum dv_block_kind {
	DV_PARA,  /* a paragraph of runs */
	DV_RULE,  /* a short centred rule (under the summary line) */
	DV_TABLE, /* a simple grid of plain cells */
};

struct dv_table {
	size_t ncols, nrows;
	const char *const *cells; /* nrows × ncols, row by row */
	bool header;		  /* the first row is a bold heading */
	const unsigned *widths;	  /* ncols relative column widths; NULL: all equal */
};

/* Width of column x as a fraction of the table's width. */
double dv_col_frac(const struct dv_table *t, size_t x);

struct dv_block {
	enum dv_block_kind kind;
	enum dv_align align;
	bool no_indent; /* paragraphs are indented on the first line unless this is set */
	const struct dv_run *runs;
	size_t nruns;
	struct dv_table table;
};

struct docview {
	const struct fmt_profile *profile;
	/* left header column */
	const char *superior; /* ĐẢNG BỘ TỈNH BẮC GIANG (may be NULL) */
	const char *issuer;   /* HUYỆN ỦY TÂN YÊN */
	bool star;	      /* the Party "*" under the issuer */
	const char *number;   /* Số 512-TB/HU; NULL or "" leaves "Số" with a blank */
	/* right header column */
	const char *motto; /* ĐẢNG CỘNG SẢN VIỆT NAM, or CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM */
	const char *motto_sub;	/* Độc lập - Tự do - Hạnh phúc (state) or NULL */
	const char *place_date; /* Tân Yên, ngày 04 tháng 10 năm 2023 */
	/* title */
	const char *type_name; /* THÔNG BÁO; NULL for documents without one */
	const char *summary;   /* trích yếu; "\n" breaks the line */
	/* body */
	const struct dv_block *blocks;
	size_t nblocks;
	/* closing */
	const char *const *recipients; /* each printed "- …," — the last one (archive) with "." */
	size_t nrecipients;
	const char *sig_authority; /* T/M HUYỆN ỦY */
	const char *sig_position;  /* BÍ THƯ */
	const char *sig_name;	   /* Đinh Đức Cảnh */
	const char *title;	   /* document title for HTML <title> and PDF/DOCX metadata */
	/*
	 * The PDF's creation date (ISO 8601, "2023-10-04T08:00:00Z"); NULL: now. An
	 * issued notice sets its issuing time, so that its PDF is the same bytes
	 * every time it is rendered: the copy that is signed and the one it is
	 * compared with later.
	 */
	const char *pdf_date;
};

/*
 * Where the PDF renderer put the signature block: the blank between the
 * authority lines and the signer's name, where the hand signature goes.
 * page is 1-based; x, y (lower left), w, h in PDF points with the origin at
 * the page's lower left corner.
 */
struct dv_sigbox {
	int page;
	double x, y, w, h;
	double page_w, page_h;
};

enum dv_format { DV_TXT, DV_HTML, DV_PDF, DV_DOCX };

/* "txt", "html", "pdf", "docx" → format; ERR_INVAL otherwise. */
int dv_format_parse(const char *s, enum dv_format *ret, struct err *e);

/*
 * Each renderer appends the whole document to out (bytes: PDF and DOCX are
 * binary). On error out may hold a partial document: callers discard it.
 * The profile is checked first (impossible margins are ERR_INVAL).
 */
int dv_render(const struct docview *v, enum dv_format f, struct buf *out, struct err *e);
int dv_render_text(const struct docview *v, struct buf *out, struct err *e);
int dv_render_html(const struct docview *v, struct buf *out, struct err *e);
int dv_render_pdf(const struct docview *v, struct buf *out, struct err *e);
/* dv_render_pdf, telling also where the signature block is (ret_box may be NULL). */
int dv_render_pdf_box(const struct docview *v, struct buf *out, struct dv_sigbox *ret_box,
		      struct err *e);
int dv_render_docx(const struct docview *v, struct buf *out, struct err *e);

/*
 * Releases what the PDF renderer keeps between documents in the calling
 * thread (its pango context and font map; other threads' go when they end).
 * Call once before a process that rendered PDF exits, so that leak checkers
 * see nothing; rendering after it starts afresh.
 */
void dv_render_release(void);

/*
 * Writes data to path atomically: a temporary file beside it, then rename.
 * On any error nothing is left at path (nor the temporary).
 */
int dv_write_file(const char *path, const void *data, size_t len, struct err *e);
