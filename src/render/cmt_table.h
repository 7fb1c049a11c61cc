/* cmt_table.h: the incorporation table (bảng tổng hợp tiếp thu, giải trình ý kiến) as text, HTML, PDF and DOCX. */
#pragma once

#include "core/notice/fmt.h"
#include "core/sessionwork/sessionwork.h"
#include "render/docview.h"
#include "util/arena.h"
#include "util/buf.h"

/* Appends the table as plain text: a title, one block per comment, then the totals. */
int cmt_table_text(const struct cmt_table *t, struct buf *out);
/* Appends the table as a complete HTML page; every piece of data is escaped. */
int cmt_table_html(const struct cmt_table *t, struct buf *out);
/*
 * The same as a document for the document renderers (PDF, DOCX, and text or
 * HTML through them): the body's header, "BẢNG TỔNG HỢP" and the draft, one
 * table row per comment, then the totals. v borrows t, p and memory from a.
 */
int cmt_table_view(const struct cmt_table *t, const struct fmt_profile *p, struct arena *a,
		   struct docview *v, struct err *e);
