/* cmt_table.h: the incorporation table (bảng tổng hợp tiếp thu, giải trình ý kiến) as text and HTML. */
#pragma once

#include "core/sessionwork.h"
#include "util/buf.h"

/* Appends the table as plain text: a title, one block per comment, then the totals. */
int cmt_table_text(const struct cmt_table *t, struct buf *out);
/* Appends the table as a complete HTML page; every piece of data is escaped. */
int cmt_table_html(const struct cmt_table *t, struct buf *out);
