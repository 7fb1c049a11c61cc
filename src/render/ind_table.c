/* ind_table.c: an indicator report as a CSV or XLSX table. */
#include "render/ind_table.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "render/xlsx_sheet.h"

static const char *const headers[] = {
    "Mã",	"Chỉ tiêu",   "Đơn vị tính", "Thực hiện", "Ước",	 "Kế hoạch (tên)",
    "Kế hoạch", "% kế hoạch", "Cùng kỳ",     "% cùng kỳ", "Tăng/giảm %", "Tăng/giảm",
};
#define NCOLS (sizeof(headers) / sizeof(headers[0]))

static int csv_field(struct buf *out, const char *s)
{
	int r = 0;

	if (!strpbrk(s, ",\"\n\r"))
		return buf_puts(out, s);
	r |= buf_putc(out, '"');
	for (; *s && r == 0; s++)
		r = *s == '"' ? buf_puts(out, "\"\"") : buf_putc(out, *s);
	return r < 0 ? r : buf_putc(out, '"');
}

static int csv_num(struct buf *out, bool has, struct vn_dec d)
{
	return has ? vn_dec_format_plain(d, out) : 0;
}

int ind_table_csv(const struct ind_report *r, struct buf *out)
{
	int rc = 0;

	for (size_t c = 0; c < NCOLS && rc == 0; c++) {
		rc = csv_field(out, headers[c]);
		if (rc == 0)
			rc = buf_putc(out, c + 1 < NCOLS ? ',' : '\n');
	}
	for (size_t i = 0; i < r->n && rc == 0; i++) {
		const struct ind_row *row = &r->rows[i];

		rc |= csv_field(out, row->f.code);
		rc |= buf_putc(out, ',');
		rc |= csv_field(out, row->f.name);
		rc |= buf_putc(out, ',');
		rc |= csv_field(out, row->f.unit);
		rc |= buf_putc(out, ',');
		rc |= vn_dec_format_plain(row->f.value, out);
		rc |= buf_puts(out, row->f.estimate ? ",1," : ",0,");
		rc |= csv_field(out, row->f.has_plan ? row->f.plan_name : "");
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->f.has_plan, row->f.plan);
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->has_pct_plan, row->pct_plan);
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->f.has_same, row->f.same);
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->has_pct_same, row->pct_same);
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->has_growth, row->growth);
		rc |= buf_putc(out, ',');
		rc |= csv_num(out, row->has_growth, row->growth_abs);
		rc |= buf_putc(out, '\n');
	}
	return rc < 0 ? ERR_TOOBIG : 0;
}

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

int ind_table_xlsx(const struct ind_report *r, const char *path, struct err *e)
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
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(head, LXW_BORDER_THIN);
	text = workbook_add_format(wb);
	format_set_text_wrap(text);
	format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
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
