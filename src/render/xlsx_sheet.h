/* xlsx_sheet.h: what every dondoc worksheet shares: a visible title, a print setup, real dates. */
#pragma once

#include <stdbool.h>
#include <xlsxwriter.h>

/*
 * Writes title in row 0 merged across columns 0..last_col, bold 14 pt,
 * centred and wrapped, with a row tall enough for two lines, so that it shows
 * whatever the first column's width.
 */
void xlsx_title(lxw_workbook *wb, lxw_worksheet *ws, int last_col, const char *title);

/*
 * The print setup of a report: A4, print area rows 0..last_row and columns
 * 0..last_col, fit to one page wide (as many pages tall as needed), landscape
 * when wide, and header_row (the column headings) repeated on every page.
 */
void xlsx_print_setup(lxw_worksheet *ws, int last_row, int last_col, int header_row,
		      bool landscape);

/* The cell format of column headings: bold, centred, wrapped, thin borders. */
lxw_format *xlsx_head_format(lxw_workbook *wb);

/* The cell format of text: wrapped, at the top of its cell. */
lxw_format *xlsx_text_format(lxw_workbook *wb);

/*
 * The cell format of dates, dd/mm/yyyy, made once per workbook by the caller
 * and passed to xlsx_date.
 */
lxw_format *xlsx_date_format(lxw_workbook *wb);

/*
 * Writes the ISO date iso (YYYY-MM-DD) as a real date in fmt; returns false,
 * writing nothing, when iso is NULL or not a date.
 */
bool xlsx_date(lxw_worksheet *ws, int row, int col, const char *iso, lxw_format *fmt);
