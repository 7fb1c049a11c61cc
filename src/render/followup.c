/* followup.c: the follow-up report of a notice's tasks as text, HTML and XLSX. */
#include "render/followup.h"

#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "core/indicator.h"
#include "vn/date.h"
#include "vn/num.h"

/* "04/12/2023" from ISO, into a caller array; "" for NULL. */
static const char *dshow(const char *iso, char out[static 16])
{
	struct vn_date d;
	struct buf b = BUF_INIT(15);

	out[0] = '\0';
	if (!iso || vn_date_parse(iso, strlen(iso), 0, &d, NULL) < 0)
		return out;
	if (vn_date_format(d, VN_DATE_SHORT, &b) == 0)
		snprintf(out, 16, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

static void rate_str(const struct task_counts *c, char out[static 64])
{
	struct vn_dec r;
	struct buf b = BUF_INIT(63);

	snprintf(out, 64, "chưa có nhiệm vụ đến hạn");
	if (task_counts_rate(c, &r) && vn_pct_format(r, &b) == 0)
		snprintf(out, 64, "%s", buf_str(&b));
	buf_free(&b);
}

static const char *units_of(const struct task *t, bool lead, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < t->nunits; i++)
		if (t->units[i].lead == lead)
			buf_printf(b, "%s%s", b->len ? "; " : "", t->units[i].name);
	return buf_str(b);
}

static const char *deadline_of(const struct task *t, char out[static 16])
{
	if (t->dl_kind == TASK_DL_STANDING)
		return "thường xuyên";
	if (!t->due)
		return "không thời hạn";
	return dshow(t->due, out);
}

static const char *title_of(const struct task_followup *f)
{
	return f->source_label ? f->source_label : "";
}

int followup_text(const struct task_followup *f, struct buf *out, struct err *e)
{
	struct buf u = BUF_INIT(8192);
	char d1[16], d2[16], rate[64];
	const struct task_counts *c = &f->counts;
	int r;

	rate_str(c, rate);
	r = buf_printf(out,
		       "%s\n\nBÁO CÁO\nKết quả thực hiện %s\n%s%s%s(tính đến ngày %s)\n\n"
		       "I. TỔNG HỢP\n"
		       "Tổng số nhiệm vụ: %lld; đến hạn: %lld, đã hoàn thành %lld, đạt %s.\n"
		       "- Hoàn thành đúng hạn: %lld\n- Hoàn thành quá hạn: %lld\n"
		       "- Chưa hoàn thành trong hạn: %lld\n- Chưa hoàn thành quá hạn: %lld\n"
		       "- Thường xuyên: %lld\n\nII. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ\n",
		       f->body_name ? f->body_name : "", title_of(f),
		       f->source_title && f->source_title != f->source_label ? "(" : "",
		       f->source_title && f->source_title != f->source_label ? f->source_title : "",
		       f->source_title && f->source_title != f->source_label ? ")\n" : "",
		       dshow(f->as_of, d1), (long long)c->total, (long long)c->due,
		       (long long)c->due_done, rate, (long long)c->n[TASK_DONE_ON_TIME],
		       (long long)c->n[TASK_DONE_LATE], (long long)c->n[TASK_OPEN_IN_TIME],
		       (long long)c->n[TASK_OPEN_OVERDUE], (long long)c->n[TASK_STANDING]);
	for (size_t i = 0; r == 0 && i < f->ntasks; i++) {
		const struct task *t = &f->tasks[i];

		r = buf_printf(out, "\n%zu. %s%s%s%s\n   Chủ trì: %s\n", i + 1,
			       t->section ? "(Mục " : "", t->section ? t->section : "",
			       t->section ? ") " : "", t->content, units_of(t, true, &u));
		if (r == 0 && t->nunits > 0 && units_of(t, false, &u)[0])
			r = buf_printf(out, "   Phối hợp: %s\n", buf_str(&u));
		if (r == 0)
			r = buf_printf(out, "   Thời hạn: %s. Tình trạng: %s%s%s.\n",
				       deadline_of(t, d2), task_status_name(t->status),
				       t->completed_on && t->status <= TASK_DONE_LATE ? " ngày "
										      : "",
				       t->completed_on && t->status <= TASK_DONE_LATE
					   ? dshow(t->completed_on, d1)
					   : "");
		if (r == 0)
			r = buf_printf(out, "   Báo cáo gần nhất: %s\n",
				       t->latest_report ? t->latest_report : "chưa có báo cáo");
	}
	buf_free(&u);
	if (r < 0)
		return err_set(e, r, "báo cáo quá lớn");
	return 0;
}

/* The one escaper of this file: text and attribute values. */
static int esc(struct buf *b, const char *s)
{
	int r = 0;

	for (; s && *s && r == 0; s++) {
		switch (*s) {
		case '&':
			r = buf_puts(b, "&amp;");
			break;
		case '<':
			r = buf_puts(b, "&lt;");
			break;
		case '>':
			r = buf_puts(b, "&gt;");
			break;
		case '"':
			r = buf_puts(b, "&quot;");
			break;
		case '\'':
			r = buf_puts(b, "&#39;");
			break;
		default:
			r = buf_putc(b, *s);
		}
	}
	return r;
}

int followup_html(const struct task_followup *f, struct buf *out, struct err *e)
{
	struct buf u = BUF_INIT(8192);
	char d1[16], rate[64];
	const struct task_counts *c = &f->counts;
	int r;

	rate_str(c, rate);
	r = buf_puts(out, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
			  "<title>Báo cáo kết quả thực hiện ");
	r = r ?: esc(out, title_of(f));
	r = r
		?: buf_puts(out, "</title><style>body{font-family:'Times New Roman',serif}"
				 "table{border-collapse:collapse}td,th{border:1px solid #000;"
				 "padding:4px;vertical-align:top}.qua_han{color:#b00}</style>"
				 "</head><body>\n<p class=\"body\">");
	r = r ?: esc(out, f->body_name);
	r = r ?: buf_puts(out, "</p>\n<h1>BÁO CÁO</h1>\n<h2>Kết quả thực hiện ");
	r = r ?: esc(out, title_of(f));
	r = r ?: buf_puts(out, "</h2>\n<p><em>(tính đến ngày ");
	r = r ?: esc(out, dshow(f->as_of, d1));
	r = r
		?: buf_printf(
		       out,
		       ")</em></p>\n<h3>I. Tổng hợp</h3>\n<table class=\"counts\">"
		       "<tr><th>Tổng số</th><th>Đến hạn</th><th>Đã hoàn thành</th><th>Tỷ lệ</th>"
		       "<th>Hoàn thành đúng hạn</th><th>Hoàn thành quá hạn</th>"
		       "<th>Chưa hoàn thành trong hạn</th><th>Chưa hoàn thành quá hạn</th>"
		       "<th>Thường xuyên</th></tr>\n<tr><td>%lld</td><td>%lld</td><td>%lld</td>"
		       "<td>",
		       (long long)c->total, (long long)c->due, (long long)c->due_done);
	r = r ?: esc(out, rate);
	r = r
		?: buf_printf(
		       out,
		       "</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td>"
		       "</tr></table>\n<h3>II. Kết quả thực hiện từng nhiệm vụ</h3>\n"
		       "<table class=\"tasks\"><tr><th>TT</th><th>Mục</th><th>Nội dung</th>"
		       "<th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Tình trạng</th>"
		       "<th>Báo cáo gần nhất</th></tr>\n",
		       (long long)c->n[TASK_DONE_ON_TIME], (long long)c->n[TASK_DONE_LATE],
		       (long long)c->n[TASK_OPEN_IN_TIME], (long long)c->n[TASK_OPEN_OVERDUE],
		       (long long)c->n[TASK_STANDING]);
	for (size_t i = 0; r == 0 && i < f->ntasks; i++) {
		const struct task *t = &f->tasks[i];

		r = buf_printf(out, "<tr class=\"%s\"><td>%zu</td><td>",
			       task_status_code(t->status), i + 1);
		r = r ?: esc(out, t->section);
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, t->content);
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, units_of(t, true, &u));
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, units_of(t, false, &u));
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, deadline_of(t, d1));
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, task_status_name(t->status));
		r = r ?: buf_puts(out, "</td><td>");
		r = r ?: esc(out, t->latest_report ? t->latest_report : "chưa có báo cáo");
		r = r ?: buf_puts(out, "</td></tr>\n");
	}
	r = r ?: buf_puts(out, "</table>\n</body></html>\n");
	buf_free(&u);
	if (r < 0)
		return err_set(e, r, "báo cáo quá lớn");
	return 0;
}

int followup_xlsx(const struct task_followup *f, const char *path, struct err *e)
{
	static const char *const heads[] = {
	    "TT",	"Mục",	      "Nội dung",	 "Chủ trì",	    "Phối hợp",
	    "Thời hạn", "Tình trạng", "Ngày hoàn thành", "Báo cáo gần nhất"};
	struct buf u = BUF_INIT(8192);
	const struct task_counts *c = &f->counts;
	char d1[16], title[600], rate[64];
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	lxw_format *bold, *wrap;
	lxw_error xr;
	int row = 0;

	if (!wb)
		return err_set(e, ERR_IO, "%s: không tạo được tệp XLSX", path);
	ws = workbook_add_worksheet(wb, "Báo cáo");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_text_wrap(bold);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	worksheet_set_column(ws, 0, 1, 6, NULL);
	worksheet_set_column(ws, 2, 2, 60, NULL);
	worksheet_set_column(ws, 3, 4, 28, NULL);
	worksheet_set_column(ws, 5, 7, 16, NULL);
	worksheet_set_column(ws, 8, 8, 60, NULL);
	snprintf(title, sizeof(title), "BÁO CÁO Kết quả thực hiện %s (tính đến ngày %s)",
		 title_of(f), dshow(f->as_of, d1));
	worksheet_write_string(ws, row++, 0, title, bold);
	rate_str(c, rate);
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
			worksheet_write_string(ws, row, 0, labels[i], NULL);
			worksheet_write_number(ws, row, 3, (double)vals[i], NULL);
		}
		worksheet_write_string(ws, row, 0, "Tỷ lệ hoàn thành", NULL);
		worksheet_write_string(ws, row++, 3, rate, NULL);
	}
	row++;
	for (int i = 0; i < 9; i++)
		worksheet_write_string(ws, row, (lxw_col_t)i, heads[i], bold);
	row++;
	for (size_t i = 0; i < f->ntasks; i++, row++) {
		const struct task *t = &f->tasks[i];

		worksheet_write_number(ws, row, 0, (double)(i + 1), wrap);
		worksheet_write_string(ws, row, 1, t->section ? t->section : "", wrap);
		worksheet_write_string(ws, row, 2, t->content, wrap);
		worksheet_write_string(ws, row, 3, units_of(t, true, &u), wrap);
		worksheet_write_string(ws, row, 4, units_of(t, false, &u), wrap);
		worksheet_write_string(ws, row, 5, deadline_of(t, d1), wrap);
		worksheet_write_string(ws, row, 6, task_status_name(t->status), wrap);
		worksheet_write_string(
		    ws, row, 7, t->status <= TASK_DONE_LATE ? dshow(t->completed_on, d1) : "",
		    wrap);
		worksheet_write_string(
		    ws, row, 8, t->latest_report ? t->latest_report : "chưa có báo cáo", wrap);
	}
	buf_free(&u);
	xr = workbook_close(wb);
	if (xr != LXW_NO_ERROR)
		return err_set(e, ERR_IO, "%s: không ghi được tệp XLSX: %s", path,
			       lxw_strerror(xr));
	return 0;
}

int followup_review_text(const struct task_followup *f, const struct ind_report *ir,
			 const char *kind, struct buf *out, struct err *e)
{
	struct buf part = BUF_INIT(64u << 20), num = BUF_INIT(128);
	char d1[16];
	int r;

	r = buf_printf(out, "%s\n\nBÁO CÁO\n%s việc thực hiện %s\n%s%s%s(tính đến ngày %s)\n\n",
		       f->body_name ? f->body_name : "", kind, title_of(f),
		       f->source_title && f->source_title != f->source_label ? "(" : "",
		       f->source_title && f->source_title != f->source_label ? f->source_title : "",
		       f->source_title && f->source_title != f->source_label ? ")\n" : "",
		       dshow(f->as_of, d1));
	if (r == 0)
		r = buf_puts(out, "PHẦN I. CÁC NHIỆM VỤ\n");
	if (r == 0)
		r = followup_text(f, &part, e);
	if (r == 0) {
		/* The follow-up's own heading is left out: the review has one. */
		const char *body = strstr(buf_str(&part), "I. TỔNG HỢP");

		r = buf_puts(out, body ? body : buf_str(&part));
	}
	if (r == 0)
		r = buf_puts(out, "\nPHẦN II. CÁC CHỈ TIÊU\n");
	if (r == 0 && (!ir || ir->n == 0))
		r = buf_puts(out, "Chưa có số liệu chỉ tiêu cho kỳ này.\n");
	if (r == 0 && ir && ir->n) {
		r = buf_printf(out, "%s, %s: %d/%d chỉ tiêu có kế hoạch đạt hoặc vượt.\n",
			       ir->body_name, ir->period_label, ir->n_plan_met, ir->n_with_plan);
		for (size_t i = 0; r == 0 && i < ir->n; i++) {
			const struct ind_row *w = &ir->rows[i];

			buf_reset(&num);
			r = vn_dec_format(w->f.value, 0, &num);
			if (r == 0)
				r = buf_printf(out, "- %s: %s %s", w->d.name, buf_str(&num),
					       w->d.unit);
			if (r == 0 && w->has_pct_plan) {
				buf_reset(&num);
				r = vn_pct_format(w->pct_plan, &num);
				if (r == 0)
					r = buf_printf(out, ", đạt %s %s", buf_str(&num),
						       w->f.plan_name[0] ? w->f.plan_name
									 : "kế hoạch");
			}
			if (r == 0)
				r = buf_puts(out, "\n");
		}
	}
	buf_free(&part);
	buf_free(&num);
	if (r < 0 && e && !e->code)
		err_set(e, r, "báo cáo quá lớn");
	return r;
}
