/* xlsx_sheet.c: a visible title, a print setup and real dates for dondoc's worksheets. */
#include "render/xlsx_sheet.h"

#include <string.h>

#include "vn/date.h"

void xlsx_title(lxw_workbook *wb, lxw_worksheet *ws, int last_col, const char *title)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bold(f);
	format_set_font_size(f, 14);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_CENTER);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	worksheet_set_row(ws, 0, 40, NULL);
	if (last_col > 0)
		worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)last_col, title, f);
	else
		worksheet_write_string(ws, 0, 0, title, f);
}

void xlsx_print_setup(lxw_worksheet *ws, int last_row, int last_col, int header_row, bool landscape)
{
	worksheet_set_paper(ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.5, 0.4, 0.6, 0.6);
	worksheet_center_horizontally(ws);
	worksheet_print_area(ws, 0, 0, (lxw_row_t)(last_row < 0 ? 0 : last_row),
			     (lxw_col_t)last_col);
	worksheet_fit_to_pages(ws, 1, 0);
	if (header_row >= 0)
		worksheet_repeat_rows(ws, (lxw_row_t)header_row, (lxw_row_t)header_row);
	worksheet_set_footer(ws, "&CTrang &P/&N");
}

lxw_format *xlsx_head_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bold(f);
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_CENTER);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(f, LXW_BORDER_THIN);
	return f;
}

lxw_format *xlsx_text_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

lxw_format *xlsx_date_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_num_format(f, "dd/mm/yyyy");
	format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

bool xlsx_date(lxw_worksheet *ws, int row, int col, const char *iso, lxw_format *fmt)
{
	struct vn_date d;
	lxw_datetime dt = {0};

	if (!iso || vn_date_parse(iso, strlen(iso), 0, &d, NULL) < 0 || vn_date_is_none(d))
		return false;
	dt.year = d.y;
	dt.month = d.m;
	dt.day = d.d;
	return worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, fmt) ==
	       LXW_NO_ERROR;
}
