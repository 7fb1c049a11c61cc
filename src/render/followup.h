/* followup.h: the follow-up report of a notice's tasks as text, HTML and XLSX. */
#pragma once

#include "core/task.h"
#include "util/buf.h"
#include "util/err.h"

/* "Báo cáo kết quả thực hiện Thông báo kết luận số …": counts, rates, then every task. */
int followup_text(const struct task_followup *f, struct buf *out, struct err *e);
/* The same as a standalone HTML page; every value escaped. */
int followup_html(const struct task_followup *f, struct buf *out, struct err *e);
/* The same as an XLSX workbook written to path (libxlsxwriter). */
int followup_xlsx(const struct task_followup *f, const char *path, struct err *e);
