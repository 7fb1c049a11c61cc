/* page_dashboard_tasks.c: the dashboard's task panel: each unit's overdue and soon-due tasks, the rate. */
#include <stdio.h>
#include <string.h>

#include "core/tasks/task.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "vn/date.h"
#include "vn/num.h"

#define SOON_DAYS 14

/* "66,67%" of the counts' rate into h, "—" when nothing is due yet. */
static void rate_cell(struct html *h, const struct task_counts *c)
{
	struct vn_dec rate;
	struct buf b = BUF_INIT(32);

	if (task_counts_rate(c, &rate) && vn_pct_format(rate, &b) == 0)
		html_text(h, buf_str(&b));
	else
		H(h, "—");
	buf_free(&b);
}

/* Rows of the roll-up shown at most; a deeper tree is read on /api/v1/tasks/stats. */
#define ROLLUP_ROWS_MAX 100

/*
 * The roll-up table (read_task_rollup), for an account whose scope has lower
 * bodies: each body's own tasks and its subtree's, indented by level.
 */
static int rollup_table(struct http_req *r, struct html *h, const char *today)
{
	static const char *const cols[] = {
	    "Cơ quan",		 "Tự giao: tổng",	 "Tự giao: quá hạn",  "Tự giao: tỷ lệ",
	    "Cả cấp dưới: tổng", "Cả cấp dưới: quá hạn", "Cả cấp dưới: tỷ lệ"};
	struct page_table tb;
	struct read_rollup_row *rows;
	size_t n;
	int rc = read_task_rollup(r->db, &r->acct, 0, today, r->arena, &rows, &n, &r->err);

	if (rc < 0 || n < 2)
		return rc;
	H(h, "<h3>Theo cấp giao, cộng dồn cấp dưới</h3>");
	page_table_begin(&tb, h, "rollup", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n && i < ROLLUP_ROWS_MAX; i++) {
		char depth[16];

		snprintf(depth, sizeof(depth), "depth-%d", rows[i].depth);
		page_td(&tb, depth);
		for (int d = 0; d < rows[i].depth; d++)
			H(h, "&nbsp;&nbsp;");
		html_text(h, rows[i].name);
		page_td(&tb, "num");
		html_int(h, rows[i].own->total);
		page_td(&tb, "num");
		html_int(h, rows[i].own->n[TASK_OPEN_OVERDUE]);
		page_td(&tb, "num");
		rate_cell(h, rows[i].own);
		page_td(&tb, "num");
		html_int(h, rows[i].subtree->total);
		page_td(&tb, "num");
		html_int(h, rows[i].subtree->n[TASK_OPEN_OVERDUE]);
		page_td(&tb, "num");
		rate_cell(h, rows[i].subtree);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	return 0;
}

int page_dashboard_tasks(struct http_req *r, struct html *h)
{
	static const char *const cols[] = {"Đơn vị chủ trì", "Quá hạn", "Đến hạn trong 14 ngày"};
	struct page_table tb;
	bool reporter = strcmp(r->acct.role, "reporter") == 0;
	struct read_task_panel p;
	struct vn_dec rate;
	char today[11], soon[11];
	struct vn_date d;
	int rc;

	read_today(today);
	d = vn_date_add_days(vn_date_today(), SOON_DAYS);
	vn_date_iso(d, soon);
	rc = read_task_panel(r->db, &r->acct, today, soon, r->arena, &p);
	if (rc < 0)
		return rc;
	if (!reporter) {
		H(h, "<h2>Thực hiện nhiệm vụ</h2><p>");
		html_int(h, p.all->total);
		H(h, " nhiệm vụ; đến hạn ");
		html_int(h, p.all->due);
		H(h, ", đã hoàn thành ");
		html_int(h, p.all->due_done);
		if (task_counts_rate(p.all, &rate)) {
			struct buf b = BUF_INIT(32);

			H(h, " (");
			if (vn_pct_format(rate, &b) == 0)
				html_text(h, buf_str(&b));
			buf_free(&b);
			H(h, ")");
		}
		H(h, "; <strong class=\"bad\">");
		html_int(h, p.all->n[TASK_OPEN_OVERDUE]);
		H(h, " quá hạn</strong>.</p>");
		rc = rollup_table(r, h, today);
		if (rc < 0)
			return rc;
		if (page_role_in(r, R_STAFF))
			H(h, "<p><a href=\"/tasks/close-requests\">Đề nghị kết thúc nhiệm vụ chờ "
			     "xác nhận</a></p>");
	} else {
		H(h, "<h2>Nhiệm vụ của đơn vị</h2><p><a href=\"/don-vi\">Báo cáo tiến độ</a></p>");
	}
	page_table_begin(&tb, h, "units", cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < p.nunits; i++) {
		page_td(&tb, NULL);
		H(h, "<a href=\"/tasks?unit=");
		html_int(h, p.units[i].id);
		H(h, "&amp;open=1\">");
		html_text(h, p.units[i].name);
		H(h, "</a>");
		page_td(&tb, "num overdue");
		html_int(h, p.units[i].overdue);
		page_td(&tb, "num soon");
		html_int(h, p.units[i].soon);
		page_tr_end(&tb);
	}
	if (!p.nunits)
		page_table_empty(&tb, "Không có nhiệm vụ quá hạn hay sắp đến hạn.");
	page_table_end(&tb);
	H(h, "<h3>Báo cáo tiến độ mới nhất</h3><ul class=\"reports\">");
	for (size_t i = 0; i < p.nreports; i++) {
		H(h, "<li><a href=\"/tasks/");
		html_int(h, p.reports[i].task_id);
		H(h, "\">");
		html_text(h, p.reports[i].task);
		H(h, "</a><br><span class=\"muted\">");
		html_text(h, p.reports[i].on_date);
		H(h, " — ");
		html_text(h, p.reports[i].unit);
		H(h, ":</span> ");
		html_text(h, p.reports[i].text);
		H(h, "</li>");
	}
	if (!p.nreports)
		H(h, "<li class=\"muted\">Chưa có báo cáo.</li>");
	H(h, "</ul>");
	return 0;
}
