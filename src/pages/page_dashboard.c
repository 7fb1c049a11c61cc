/* page_dashboard.c: the overview: counts, next and recent sessions within the account's scope. */
#include <time.h>

#include "core/indicator.h"
#include "pages/pages.h"

/* The latest indicators report of the highest body in scope, as bars against plan. */
static int dashboard_indicators(struct http_req *r, struct html *h)
{
	struct ind_report rep;
	int rc = ind_report_build(r->db, 0, NULL, &rep, NULL);

	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc < 0)
		return rc;
	if (account_sees_body(r->db, &r->acct, rep.body_id)) {
		H(h, "<h2>Chỉ tiêu so với kế hoạch</h2><p><a href=\"/indicators\">");
		html_text(h, rep.body_name);
		H(h, ", ");
		html_text(h, rep.period_label);
		H(h, "</a></p>");
		page_indicator_chart(r, h, &rep);
	}
	ind_report_free(&rep);
	return 0;
}

int page_dashboard(struct http_req *r)
{
	struct html h;
	struct db_q *q;
	char today[11];
	time_t now = time(NULL);
	struct tm tm;
	int rc, n = 0;

	gmtime_r(&now, &tm);
	strftime(today, sizeof(today), "%Y-%m-%d", &tm);
	page_begin(r, &h, "Tổng quan");
	H(&h, "<h1>Tổng quan</h1>");
	rc = db_prepare(r->db, SQL_WEB_COUNTS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "i", r->acct.id);
	if (rc == 0 && (rc = db_step(q)) == 1) {
		H(&h, "<section class=\"cards\"><div class=\"card\"><div class=\"big\">");
		html_int(&h, db_col_int(q, 0));
		H(&h, "</div>phiên họp</div><div class=\"card\"><div class=\"big\">");
		html_int(&h, db_col_int(q, 1));
		H(&h, "</div>văn bản</div><div class=\"card\"><div class=\"big\">");
		html_int(&h, db_col_int(q, 2));
		H(&h, "</div>cơ quan trong phạm vi</div></section>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;

	rc = page_dashboard_tasks(r, &h);
	if (rc < 0)
		return rc;
	rc = dashboard_indicators(r, &h);
	if (rc < 0)
		return rc;
	H(&h, "<h2>Phiên họp sắp tới</h2>");
	rc = db_prepare(r->db, SQL_WEB_SESSIONS_NEXT, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "it", r->acct.id, today);
	H(&h, "<ul>");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(&h, "<li><a href=\"/sessions/");
		html_int(&h, db_col_int(q, 0));
		H(&h, "\">");
		html_text(&h, db_col_text(q, 2));
		H(&h, " — ");
		html_text(&h, db_col_text(q, 3));
		H(&h, ", phiên thứ ");
		html_int(&h, db_col_int(q, 1));
		H(&h, "</a> <span class=\"muted\">");
		html_text(&h, db_col_text(q, 4));
		H(&h, "</span></li>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(&h, "<li class=\"muted\">Chưa có phiên họp nào được lên lịch.</li>");
	H(&h, "</ul><h2>Phiên họp gần đây</h2><ul>");
	rc = db_prepare(r->db, SQL_WEB_SESSIONS_RECENT, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, (int64_t)5);
	n = 0;
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(&h, "<li><a href=\"/sessions/");
		html_int(&h, db_col_int(q, 0));
		H(&h, "\">");
		html_text(&h, db_col_text(q, 3));
		H(&h, " — ");
		html_text(&h, db_col_text(q, 6));
		H(&h, ", phiên thứ ");
		html_int(&h, db_col_int(q, 1));
		H(&h, "</a> <span class=\"muted\">");
		html_text(&h, db_col_text(q, 7));
		H(&h, "</span></li>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(&h, "<li class=\"muted\">Chưa có phiên họp.</li>");
	H(&h, "</ul>");
	page_end(r, &h);
	return h.err;
}
