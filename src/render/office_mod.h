/* office_mod.h: the entry points of the dondoc-office module (DOCX and XLSX out; libzip, libxml2, libxlsxwriter). */
#pragma once

#include "render/docview.h"
#include "render/followup.h"
#include "render/ind_table.h"
#include "util/mod.h"

/* Behind dv_render_docx, followup_xlsx and ind_table_xlsx (office_front.c), same contracts. */
struct office_mod {
	struct mod_head head;
	int (*docx_render)(const struct docview *v, struct buf *out, struct err *e);
	int (*followup_xlsx)(const struct task_followup *f, const char *path, struct err *e);
	int (*ind_table_xlsx)(const struct ind_report *r, const char *path, struct err *e);
};

extern const struct office_mod dondoc_mod_office;

/* Inside the module: xlsx_reports.c. */
int office_followup_xlsx(const struct task_followup *f, const char *path, struct err *e);
int office_ind_table_xlsx(const struct ind_report *r, const char *path, struct err *e);

/* followup.c's pieces of a report that its workbook shares. */
/* "04/12/2023" from ISO, into a caller array; "" for NULL. */
const char *followup_dshow(const char *iso, char out[static 16]);
/* The lead (lead) or the other units of t, "; " between them, in b. */
const char *followup_units_of(const struct task *t, bool lead, struct buf *b);
/* t's deadline in words ("thường xuyên", "không thời hạn") or as dd/mm/yyyy in out. */
const char *followup_deadline_of(const struct task *t, char out[static 16]);
/* The report's source as its title names it. */
const char *followup_title_of(const struct task_followup *f);
