/* followup.h: the follow-up report of a notice's tasks as text, HTML, a document view and XLSX. */
#pragma once

#include "core/notice/fmt.h"
#include "core/tasks/task.h"
#include "render/docview.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* "Báo cáo kết quả thực hiện Thông báo kết luận số …": counts, rates, then every task. */
int followup_text(const struct task_followup *f, struct buf *out, struct err *e);
/* The same as a standalone HTML page; every value escaped. */
int followup_html(const struct task_followup *f, struct buf *out, struct err *e);
/*
 * The same as an official report for the document renderers (PDF, DOCX):
 * header, "BÁO CÁO" and its summary, the counts and rate, the count of each
 * status as a table, then the table of tasks with status and latest report.
 * v borrows f, p and memory from a.
 */
int followup_view(const struct task_followup *f, const struct fmt_profile *p, struct arena *a,
		  struct docview *v, struct err *e);
/* The same as an XLSX workbook written to path (libxlsxwriter). */
int followup_xlsx(const struct task_followup *f, const char *path, struct err *e);

struct ind_report;
/*
 * The review (sơ kết, tổng kết) of a resolution: the follow-up of its tasks,
 * then where each target indicator stands against its plan (ir may be NULL
 * when the store holds no figures for the body and period).
 */
int followup_review_text(const struct task_followup *f, const struct ind_report *ir,
			 const char *kind, struct buf *out, struct err *e);
