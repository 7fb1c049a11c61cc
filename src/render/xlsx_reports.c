/* xlsx_reports.c: the indicator report and the follow-up report as XLSX workbooks, with libxlsxwriter (dondoc-office). */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/indicators/indicator.h"
#include "render/followup.h"
#include "render/ind_table.h"
#include "render/office_mod.h"
#include "render/xlsx_sheet.h"
#include "vn/num.h"

/*
 * The workbook's columns: the indicator's Vietnamese name first (what a reader
 * looks for), its code last (what a machine matches on); "Số liệu" says in
 * words whether the figure is an estimate.
 */
static const char *const xlsx_heads[] = {
    "Chỉ tiêu",	  "Đơn vị tính", "Thực hiện", "Số liệu",       "Kế hoạch (tên)", "Kế hoạch",
    "% kế hoạch", "Cùng kỳ",	 "% cùng kỳ", "Tăng/giảm (%)", "Tăng/giảm",	 "Mã",
};
#define XLSX_NCOLS ((int)(sizeof(xlsx_heads) / sizeof(xlsx_heads[0])))

/* A cell format showing exactly scale decimals, made once per scale. */
static lxw_format *num_format(lxw_workbook *wb, lxw_format *cache[10], int scale)
{
	char pattern[24] = "#,##0";

	if (scale < 0 || scale > 9)
		scale = 0;
	if (!cache[scale]) {
		if (scale > 0) {
			size_t n = strlen(pattern);

			pattern[n++] = '.';
			for (int k = 0; k < scale; k++)
				pattern[n++] = '0';
			pattern[n] = '\0';
		}
		cache[scale] = workbook_add_format(wb);
		format_set_num_format(cache[scale], pattern);
	}
	return cache[scale];
}

static void put_num(lxw_workbook *wb, lxw_worksheet *ws, lxw_format *cache[10], int row, int col,
		    bool has, struct vn_dec d)
{
	if (has)
		worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, vn_dec_to_double(d),
				       num_format(wb, cache, d.scale));
}

int office_ind_table_xlsx(const struct ind_report *r, const char *path, struct err *e)
{
	static const double widths[] = {48, 10, 12, 10, 18, 12, 10, 12, 10, 11, 11, 16};
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *head, *text, *cache[10] = {0};
	char title[400];
	lxw_error rc;

	if (!wb)
		return err_set(e, ERR_IO, "%s: không tạo được tệp XLSX", path);
	ws = workbook_add_worksheet(wb, "Chỉ tiêu");
	head = xlsx_head_format(wb);
	text = xlsx_text_format(wb);
	snprintf(title, sizeof(title), "BÁO CÁO CHỈ TIÊU KINH TẾ - XÃ HỘI\n%s — %s", r->body_name,
		 r->period_label);
	xlsx_title(wb, ws, XLSX_NCOLS - 1, title);
	for (int c = 0; c < XLSX_NCOLS; c++) {
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
		worksheet_write_string(ws, 1, (lxw_col_t)c, xlsx_heads[c], head);
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct ind_row *row = &r->rows[i];
		lxw_row_t y = (lxw_row_t)(i + 2);

		worksheet_write_string(ws, y, 0, row->f.name, text);
		worksheet_write_string(ws, y, 1, row->f.unit, text);
		put_num(wb, ws, cache, (int)y, 2, true, row->f.value);
		worksheet_write_string(ws, y, 3, row->f.estimate ? "ước" : "chính thức", text);
		if (row->f.has_plan)
			worksheet_write_string(ws, y, 4, row->f.plan_name, text);
		put_num(wb, ws, cache, (int)y, 5, row->f.has_plan, row->f.plan);
		put_num(wb, ws, cache, (int)y, 6, row->has_pct_plan, row->pct_plan);
		put_num(wb, ws, cache, (int)y, 7, row->f.has_same, row->f.same);
		put_num(wb, ws, cache, (int)y, 8, row->has_pct_same, row->pct_same);
		put_num(wb, ws, cache, (int)y, 9, row->has_growth, row->growth);
		put_num(wb, ws, cache, (int)y, 10, row->has_growth, row->growth_abs);
		worksheet_write_string(ws, y, 11, row->f.code, text);
	}
	worksheet_freeze_panes(ws, 2, 1);
	xlsx_print_setup(ws, (int)r->n + 1, XLSX_NCOLS - 1, 1, true);
	rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR)
		return err_set(e, ERR_IO, "%s: không ghi được tệp XLSX: %s", path,
			       lxw_strerror(rc));
	return 0;
}

int office_followup_xlsx(const struct task_followup *f, const char *path, struct err *e)
{
	static const char *const heads[] = {
	    "TT",	"Mục",	      "Nội dung",	 "Chủ trì",	    "Phối hợp",
	    "Thời hạn", "Tình trạng", "Ngày hoàn thành", "Báo cáo gần nhất"};
	struct buf u = BUF_INIT(8192);
	const struct task_counts *c = &f->counts;
	char d1[16], title[600];
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold, *head, *wrap, *date, *pct;
	struct vn_dec rate;
	lxw_error xr;
	int row = 1, header_row;

	if (!wb)
		return err_set(e, ERR_IO, "%s: không tạo được tệp XLSX", path);
	ws = workbook_add_worksheet(wb, "Báo cáo");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	head = xlsx_head_format(wb);
	wrap = xlsx_text_format(wb);
	date = xlsx_date_format(wb);
	pct = workbook_add_format(wb);
	format_set_num_format(pct, "0.0%");
	worksheet_set_column(ws, 0, 1, 6, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	worksheet_set_column(ws, 3, 4, 28, NULL);
	worksheet_set_column(ws, 5, 7, 16, NULL);
	worksheet_set_column(ws, 8, 8, 60, NULL);
	snprintf(title, sizeof(title), "BÁO CÁO\nKết quả thực hiện %s (tính đến ngày %s)",
		 followup_title_of(f), followup_dshow(f->as_of, d1));
	xlsx_title(wb, ws, 8, title);
	{
		static const char *const labels[] = {
		    "Tổng số nhiệm vụ",	       "Đến hạn",
		    "Đã hoàn thành (đến hạn)", "Hoàn thành đúng hạn",
		    "Hoàn thành quá hạn",      "Chưa hoàn thành trong hạn",
		    "Chưa hoàn thành quá hạn", "Thường xuyên"};
		const int64_t vals[] = {c->total,
					c->due,
					c->due_done,
					c->n[TASK_DONE_ON_TIME],
					c->n[TASK_DONE_LATE],
					c->n[TASK_OPEN_IN_TIME],
					c->n[TASK_OPEN_OVERDUE],
					c->n[TASK_STANDING]};

		for (int i = 0; i < 8; i++, row++) {
			worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, 2, labels[i],
					      NULL);
			worksheet_write_number(ws, (lxw_row_t)row, 3, (double)vals[i], NULL);
		}
		worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, 2, "Tỷ lệ hoàn thành",
				      NULL);
		/* a fraction shown as a percentage, so that a sheet can compute with it */
		if (task_counts_rate(c, &rate))
			worksheet_write_number(ws, (lxw_row_t)row++, 3,
					       vn_dec_to_double(rate) / 100.0, pct);
		else
			worksheet_write_string(ws, (lxw_row_t)row++, 3, "chưa có nhiệm vụ đến hạn",
					       NULL);
	}
	row++;
	header_row = row;
	for (int i = 0; i < 9; i++)
		worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)i, heads[i], head);
	row++;
	for (size_t i = 0; i < f->ntasks; i++, row++) {
		const struct task *t = &f->tasks[i];
		lxw_row_t y = (lxw_row_t)row;

		worksheet_write_number(ws, y, 0, (double)(i + 1), wrap);
		worksheet_write_string(ws, y, 1, t->section ? t->section : "", wrap);
		worksheet_write_string(ws, y, 2, t->content, wrap);
		worksheet_write_string(ws, y, 3, followup_units_of(t, true, &u), wrap);
		worksheet_write_string(ws, y, 4, followup_units_of(t, false, &u), wrap);
		/* a deadline date is a date; "thường xuyên", "không thời hạn" stay words */
		if (t->dl.kind == TASK_DL_STANDING || !xlsx_date(ws, row, 5, t->due, date))
			worksheet_write_string(ws, y, 5, followup_deadline_of(t, d1), wrap);
		worksheet_write_string(ws, y, 6, task_status_name(t->status), wrap);
		if (t->status <= TASK_DONE_LATE)
			xlsx_date(ws, row, 7, t->completed_on, date);
		worksheet_write_string(
		    ws, y, 8, t->latest_report ? t->latest_report : "chưa có báo cáo", wrap);
	}
	buf_free(&u);
	xlsx_print_setup(ws, row - 1, 8, header_row, true);
	xr = workbook_close(wb);
	if (xr != LXW_NO_ERROR)
		return err_set(e, ERR_IO, "%s: không ghi được tệp XLSX: %s", path,
			       lxw_strerror(xr));
	return 0;
}
