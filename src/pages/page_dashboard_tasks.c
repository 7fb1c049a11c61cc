/* page_dashboard_tasks.c: the dashboard's task panel: each unit's overdue and soon-due tasks, the rate. */
#include <stdio.h>
#include <string.h>

#include "core/task.h"
#include "pages/pages.h"
#include "vn/date.h"
#include "vn/num.h"

#define SOON_DAYS 14

int page_dashboard_tasks(struct http_req *r, struct html *h)
{
	struct task_stats st;
	struct vn_dec rate;
	struct db_q *q;
	char today[11], soon[11];
	struct vn_date d;
	int rc, n = 0;

	page_today(today);
	d = vn_date_add_days(vn_date_today(), SOON_DAYS);
	vn_date_iso(d, soon);
	if (strcmp(r->acct.role, "reporter") != 0) {
		rc = task_stats(r->db, TASK_BY_NONE, today, 0, r->arena, &st, &r->err);
		if (rc < 0)
			return rc;
		H(h, "<h2>Thực hiện nhiệm vụ</h2><p>");
		html_int(h, st.all.total);
		H(h, " nhiệm vụ; đến hạn ");
		html_int(h, st.all.due);
		H(h, ", đã hoàn thành ");
		html_int(h, st.all.due_done);
		if (task_counts_rate(&st.all, &rate)) {
			struct buf b = BUF_INIT(32);

			H(h, " (");
			if (vn_pct_format(rate, &b) == 0)
				html_text(h, buf_str(&b));
			buf_free(&b);
			H(h, ")");
		}
		H(h, "; <strong class=\"bad\">");
		html_int(h, st.all.n[TASK_OPEN_OVERDUE]);
		H(h, " quá hạn</strong>.</p>");
	} else {
		H(h, "<h2>Nhiệm vụ của đơn vị</h2><p><a href=\"/don-vi\">Báo cáo tiến độ</a></p>");
	}
	rc = db_prepare(r->db, SQL_WEB_TASK_UNITS_OVERDUE, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "itti", r->acct.id, today, soon,
		      strcmp(r->acct.role, "reporter") == 0 ? r->acct.unit_id : (int64_t)0);
	H(h, "<table class=\"units\"><thead><tr><th>Đơn vị chủ trì</th><th>Quá hạn</th>"
	     "<th>Đến hạn trong 14 ngày</th></tr></thead><tbody>");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(h, "<tr><td><a href=\"/tasks?unit=");
		html_int(h, db_col_int(q, 0));
		H(h, "&amp;open=1\">");
		html_text(h, db_col_text(q, 1));
		H(h, "</a></td><td class=\"num overdue\">");
		html_int(h, db_col_int(q, 2));
		H(h, "</td><td class=\"num soon\">");
		html_int(h, db_col_int(q, 3));
		H(h, "</td></tr>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(h, "<tr><td colspan=\"3\" class=\"muted\">Không có nhiệm vụ quá hạn hay sắp đến "
		     "hạn.</td></tr>");
	H(h, "</tbody></table><h3>Báo cáo tiến độ mới nhất</h3><ul class=\"reports\">");
	rc = db_prepare(r->db, SQL_WEB_RECENT_REPORTS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id,
		      strcmp(r->acct.role, "reporter") == 0 ? r->acct.unit_id : (int64_t)0);
	n = 0;
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(h, "<li><a href=\"/tasks/");
		html_int(h, db_col_int(q, 0));
		H(h, "\">");
		html_text(h, db_col_text(q, 4));
		H(h, "</a><br><span class=\"muted\">");
		html_text(h, db_col_text(q, 1));
		H(h, " — ");
		html_text(h, db_col_text(q, 2));
		H(h, ":</span> ");
		html_text(h, db_col_text(q, 3));
		H(h, "</li>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(h, "<li class=\"muted\">Chưa có báo cáo.</li>");
	H(h, "</ul>");
	return 0;
}
