/* ind_table.c: an indicator report as a CSV table (XLSX: xlsx_reports.c). */
#include "render/ind_table.h"

#include <stdio.h>
#include <string.h>

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
