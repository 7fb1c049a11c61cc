/* followup.c: the follow-up report of a notice's tasks as text and HTML (XLSX: xlsx_reports.c). */
#include "render/followup.h"
#include "render/office_mod.h"

#include <stdio.h>
#include <string.h>

#include "core/indicators/indicator.h"
#include "render/html.h"
#include "vn/text.h"
#include "vn/date.h"
#include "vn/num.h"

/* "04/12/2023" from ISO, into a caller array; "" for NULL. */
const char *followup_dshow(const char *iso, char out[static 16])
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

const char *followup_units_of(const struct task *t, bool lead, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < t->nunits; i++)
		if (t->units[i].lead == lead)
			buf_printf(b, "%s%s", b->len ? "; " : "", t->units[i].name);
	return buf_str(b);
}

const char *followup_deadline_of(const struct task *t, char out[static 16])
{
	if (t->dl.kind == TASK_DL_STANDING)
		return "thường xuyên";
	if (!t->due)
		return "không thời hạn";
	return followup_dshow(t->due, out);
}

const char *followup_title_of(const struct task_followup *f)
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
		       f->body_name ? f->body_name : "", followup_title_of(f),
		       f->source_title && f->source_title != f->source_label ? "(" : "",
		       f->source_title && f->source_title != f->source_label ? f->source_title : "",
		       f->source_title && f->source_title != f->source_label ? ")\n" : "",
		       followup_dshow(f->as_of, d1), (long long)c->total, (long long)c->due,
		       (long long)c->due_done, rate, (long long)c->n[TASK_DONE_ON_TIME],
		       (long long)c->n[TASK_DONE_LATE], (long long)c->n[TASK_OPEN_IN_TIME],
		       (long long)c->n[TASK_OPEN_OVERDUE], (long long)c->n[TASK_STANDING]);
	for (size_t i = 0; r == 0 && i < f->ntasks; i++) {
		const struct task *t = &f->tasks[i];

		r = buf_printf(out, "\n%zu. %s%s%s%s\n   Chủ trì: %s\n", i + 1,
			       t->section ? "(Mục " : "", t->section ? t->section : "",
			       t->section ? ") " : "", t->content, followup_units_of(t, true, &u));
		if (r == 0 && t->nunits > 0 && followup_units_of(t, false, &u)[0])
			r = buf_printf(out, "   Phối hợp: %s\n", buf_str(&u));
		if (r == 0)
			r = buf_printf(out, "   Thời hạn: %s. Tình trạng: %s%s%s.\n",
				       followup_deadline_of(t, d2), task_status_name(t->status),
				       t->completed_on && t->status <= TASK_DONE_LATE ? " ngày "
										      : "",
				       t->completed_on && t->status <= TASK_DONE_LATE
					   ? followup_dshow(t->completed_on, d1)
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

int followup_html(const struct task_followup *f, struct buf *out, struct err *e)
{
	struct buf u = BUF_INIT(8192);
	char d1[16], rate[64];
	const struct task_counts *c = &f->counts;
	struct html h = {out, 0};

	rate_str(c, rate);
	H(&h, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
	      "<title>Báo cáo kết quả thực hiện ");
	html_text(&h, followup_title_of(f));
	H(&h, "</title><style>body{font-family:'Times New Roman',serif}"
	      "table{border-collapse:collapse}td,th{border:1px solid #000;"
	      "padding:4px;vertical-align:top}.qua_han{color:#b00}</style>"
	      "</head><body>\n<p class=\"body\">");
	html_text(&h, f->body_name);
	H(&h, "</p>\n<h1>BÁO CÁO</h1>\n<h2>Kết quả thực hiện ");
	html_text(&h, followup_title_of(f));
	H(&h, "</h2>\n<p><em>(tính đến ngày ");
	html_text(&h, followup_dshow(f->as_of, d1));
	H(&h, ")</em></p>\n<h3>I. Tổng hợp</h3>\n<table class=\"counts\">"
	      "<tr><th>Tổng số</th><th>Đến hạn</th><th>Đã hoàn thành</th><th>Tỷ lệ</th>"
	      "<th>Hoàn thành đúng hạn</th><th>Hoàn thành quá hạn</th>"
	      "<th>Chưa hoàn thành trong hạn</th><th>Chưa hoàn thành quá hạn</th>"
	      "<th>Thường xuyên</th></tr>\n<tr><td>");
	html_int(&h, c->total);
	H(&h, "</td><td>");
	html_int(&h, c->due);
	H(&h, "</td><td>");
	html_int(&h, c->due_done);
	H(&h, "</td><td>");
	html_text(&h, rate);
	for (int k = TASK_DONE_ON_TIME; k <= TASK_STANDING; k++) {
		H(&h, "</td><td>");
		html_int(&h, c->n[k]);
	}
	H(&h, "</td></tr></table>\n<h3>II. Kết quả thực hiện từng nhiệm vụ</h3>\n"
	      "<table class=\"tasks\"><tr><th>TT</th><th>Mục</th><th>Nội dung</th>"
	      "<th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Tình trạng</th>"
	      "<th>Báo cáo gần nhất</th></tr>\n");
	for (size_t i = 0; i < f->ntasks; i++) {
		const struct task *t = &f->tasks[i];

		H(&h, "<tr class=\"");
		html_text(&h, task_status_code(t->status));
		H(&h, "\"><td>");
		html_int(&h, (int64_t)(i + 1));
		H(&h, "</td><td>");
		html_text(&h, t->section);
		H(&h, "</td><td>");
		html_text(&h, t->content);
		H(&h, "</td><td>");
		html_text(&h, followup_units_of(t, true, &u));
		H(&h, "</td><td>");
		html_text(&h, followup_units_of(t, false, &u));
		H(&h, "</td><td>");
		html_text(&h, followup_deadline_of(t, d1));
		H(&h, "</td><td>");
		html_text(&h, task_status_name(t->status));
		H(&h, "</td><td>");
		html_text(&h, t->latest_report ? t->latest_report : "chưa có báo cáo");
		H(&h, "</td></tr>\n");
	}
	H(&h, "</table>\n</body></html>\n");
	buf_free(&u);
	if (h.err < 0)
		return err_set(e, h.err, "báo cáo quá lớn");
	return 0;
}

/*
 * "Tân Yên, ngày 27 tháng 11 năm 2023" from ISO (arena memory; state
 * documents write months from 3 on without a 0); NULL when it is no date.
 */
static const char *place_date(const char *place, const char *iso, bool state, struct arena *a)
{
	struct vn_date d;
	struct buf b = BUF_INIT(255);
	const char *s = NULL;

	if (iso && vn_date_parse(iso, strlen(iso), 0, &d, NULL) == 0 &&
	    (!place || !*place || buf_printf(&b, "%s, ", place) == 0) &&
	    vn_date_format(d, state ? VN_DATE_LONG_DOC : VN_DATE_LONG, &b) == 0)
		s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* The status of a task as the report prints it: its name, and the day it was completed. */
static const char *status_cell(const struct task *t, struct arena *a)
{
	char d1[16];

	if (t->completed_on && t->status <= TASK_DONE_LATE)
		return arena_printf(a, "%s ngày %s", task_status_name(t->status),
				    followup_dshow(t->completed_on, d1));
	return arena_strdup(a, task_status_name(t->status));
}

/* Nonzero when any of the n pointers is NULL (an arena ran out). */
static bool any_null(const void *const *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!p[i])
			return true;
	return false;
}

int followup_view(const struct task_followup *f, const struct fmt_profile *p, struct arena *a,
		  struct docview *v, struct err *e)
{
	static const unsigned task_w[] = {6, 27, 18, 16, 15, 18};
	static const char *const task_head[] = {
	    "TT",	"Nội dung nhiệm vụ", "Đơn vị chủ trì, phối hợp",
	    "Thời hạn", "Tình trạng",	     "Báo cáo gần nhất"};
	static const char *const count_head[] = {"Hoàn thành đúng hạn", "Hoàn thành quá hạn",
						 "Chưa hoàn thành trong hạn",
						 "Chưa hoàn thành quá hạn", "Thường xuyên"};
	const struct task_counts *c = &f->counts;
	bool state = strcmp(p->family, "state") == 0 || f->body_state;
	struct buf up = BUF_INIT(1024), u = BUF_INIT(8192);
	struct dv_block *bl;
	struct dv_run *runs;
	const char **cc, **tc, **rcp;
	char d1[16], d2[16], rate[64];
	size_t nb = 0;
	int r = 0;

	memset(v, 0, sizeof(*v));
	rate_str(c, rate);
	bl = arena_alloc(a, sizeof(*bl) * 6);
	runs = arena_alloc(a, sizeof(*runs) * 6);
	cc = arena_alloc(a, sizeof(*cc) * 10);
	tc = arena_alloc(a, sizeof(*tc) * 6 * (f->ntasks + 1));
	rcp = arena_alloc(a, sizeof(*rcp) * 2);
	if (!bl || !runs || !cc || !tc || !rcp)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	memset(bl, 0, sizeof(*bl) * 6);
	if (f->body_name && vn_upper(f->body_name, strlen(f->body_name), &up) < 0)
		return err_set(e, ERR_TOOBIG, "tên cơ quan quá dài");

	runs[0] = (struct dv_run){"I. TỔNG HỢP", DV_BOLD};
	runs[1] = (struct dv_run){
	    arena_printf(a,
			 "Tổng số nhiệm vụ: %lld; số nhiệm vụ đã đến hạn: %lld, đã hoàn thành "
			 "%lld, đạt %s.",
			 (long long)c->total, (long long)c->due, (long long)c->due_done, rate),
	    0};
	runs[2] = (struct dv_run){"II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ", DV_BOLD};
	bl[nb++] =
	    (struct dv_block){.kind = DV_PARA, .align = DV_LEFT, .runs = &runs[0], .nruns = 1};
	bl[nb++] =
	    (struct dv_block){.kind = DV_PARA, .align = DV_JUSTIFY, .runs = &runs[1], .nruns = 1};
	for (int k = 0; k < 5; k++) {
		cc[k] = count_head[k];
		cc[5 + k] = arena_printf(a, "%lld", (long long)c->n[TASK_DONE_ON_TIME + k]);
	}
	bl[nb++] = (struct dv_block){
	    .kind = DV_TABLE, .table = {.ncols = 5, .nrows = 2, .cells = cc, .header = true}};
	bl[nb++] =
	    (struct dv_block){.kind = DV_PARA, .align = DV_LEFT, .runs = &runs[2], .nruns = 1};
	for (size_t k = 0; k < 6; k++)
		tc[k] = task_head[k];
	for (size_t i = 0; i < f->ntasks; i++) {
		const struct task *t = &f->tasks[i];
		const char **row = &tc[6 * (i + 1)];
		const char *coord = followup_units_of(t, false, &u);

		row[0] = arena_printf(a, "%zu", i + 1);
		row[1] = t->section ? arena_printf(a, "(Mục %s) %s", t->section, t->content)
				    : arena_strdup(a, t->content);
		if (coord[0]) {
			char *co = arena_strdup(a, coord);

			row[2] = co ? arena_printf(a, "Chủ trì: %s\nPhối hợp: %s",
						   followup_units_of(t, true, &u), co)
				    : NULL;
		} else {
			row[2] = arena_strdup(a, followup_units_of(t, true, &u));
		}
		row[3] = arena_strdup(a, followup_deadline_of(t, d2));
		row[4] = status_cell(t, a);
		row[5] = arena_strdup(a, t->latest_report ? t->latest_report : "Chưa có báo cáo");
	}
	bl[nb++] = (struct dv_block){
	    .kind = DV_TABLE,
	    .table = {
		.ncols = 6, .nrows = f->ntasks + 1, .cells = tc, .header = true, .widths = task_w}};

	/*
	 * The office reports for its committee (as the seed's section 5 has it):
	 * the committee over "VĂN PHÒNG" in the header, the office's symbol in
	 * the number (-BC/VPHU, left blank until the report is registered), and
	 * the head of the office signing on the standing committee's behalf.
	 */
	v->profile = p;
	v->superior = up.len ? arena_strdup(a, buf_str(&up)) : NULL;
	v->issuer = "VĂN PHÒNG";
	v->star = !state;
	v->number = state ? arena_printf(a, "Số:      /BC-VP")
			  : arena_printf(a, "Số      -BC/VP%s", f->body_code ? f->body_code : "");
	v->motto = state ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "ĐẢNG CỘNG SẢN VIỆT NAM";
	v->motto_sub = state ? "Độc lập - Tự do - Hạnh phúc" : NULL;
	v->place_date = place_date(f->place, f->as_of, state, a);
	v->type_name = "BÁO CÁO";
	v->summary = arena_printf(a, "Kết quả thực hiện %s\n(tính đến ngày %s)",
				  followup_title_of(f), followup_dshow(f->as_of, d1));
	v->blocks = bl;
	v->nblocks = nb;
	rcp[0] = f->body_name ? arena_printf(a, "Thường trực %s (để báo cáo)", f->body_name)
			      : "Thường trực (để báo cáo)";
	rcp[1] =
	    f->body_name ? arena_printf(a, "Lưu Văn phòng %s.", f->body_name) : "Lưu Văn phòng.";
	v->recipients = rcp;
	v->nrecipients = 2;
	v->sig_authority = state ? "TL. CHỦ TỊCH" : "T/L BAN THƯỜNG VỤ";
	v->sig_position = "CHÁNH VĂN PHÒNG";
	/* the line where the head of the office writes the name under the signature */
	v->sig_name = "………………………………";
	v->title = arena_printf(a, "Báo cáo kết quả thực hiện %s", followup_title_of(f));
	if (any_null((const void *const *)cc, 10) ||
	    any_null((const void *const *)tc, 6 * (f->ntasks + 1)) || !runs[1].text ||
	    !v->summary || !v->title || !rcp[0] || !rcp[1] || !v->number ||
	    (up.len && !v->superior))
		r = err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	buf_free(&up);
	buf_free(&u);
	return r;
}

int followup_review_text(const struct task_followup *f, const struct ind_report *ir,
			 const char *kind, struct buf *out, struct err *e)
{
	struct buf part = BUF_INIT(64u << 20), num = BUF_INIT(128);
	char d1[16];
	int r;

	r = buf_printf(out, "%s\n\nBÁO CÁO\n%s việc thực hiện %s\n%s%s%s(tính đến ngày %s)\n\n",
		       f->body_name ? f->body_name : "", kind, followup_title_of(f),
		       f->source_title && f->source_title != f->source_label ? "(" : "",
		       f->source_title && f->source_title != f->source_label ? f->source_title : "",
		       f->source_title && f->source_title != f->source_label ? ")\n" : "",
		       followup_dshow(f->as_of, d1));
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
