/* page_dashboard.c: the overview: counts, next and recent sessions within the account's scope. */
#include "core/indicators/indicator.h"
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

/* Sessions as list items: date — organ, number, and the body muted. */
static void session_items(struct html *h, const struct read_session *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		H(h, "<li><a href=\"/sessions/");
		html_int(h, s[i].id);
		H(h, "\">");
		html_text(h, s[i].date);
		H(h, " — ");
		html_text(h, s[i].organ);
		H(h, ", phiên thứ ");
		html_int(h, s[i].number);
		H(h, "</a> <span class=\"muted\">");
		html_text(h, s[i].body);
		H(h, "</span></li>");
	}
}

int page_dashboard(struct http_req *r)
{
	struct read_session *s;
	struct read_counts c;
	struct html h;
	char today[11];
	size_t n;
	int rc;

	read_today(today);
	rc = read_counts(r->db, &r->acct, &c);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Tổng quan");
	H(&h, "<h1>Tổng quan</h1>");
	H(&h, "<section class=\"cards\"><div class=\"card\"><div class=\"big\">");
	html_int(&h, c.sessions);
	H(&h, "</div>phiên họp</div><div class=\"card\"><div class=\"big\">");
	html_int(&h, c.documents);
	H(&h, "</div>văn bản</div><div class=\"card\"><div class=\"big\">");
	html_int(&h, c.bodies);
	H(&h, "</div>cơ quan trong phạm vi</div></section>");

	rc = page_dashboard_tasks(r, &h);
	if (rc < 0)
		return rc;
	rc = dashboard_indicators(r, &h);
	if (rc < 0)
		return rc;
	H(&h, "<h2>Phiên họp sắp tới</h2>");
	rc = read_sessions_next(r->db, &r->acct, today, r->arena, &s, &n);
	if (rc < 0)
		return rc;
	H(&h, "<ul>");
	session_items(&h, s, n);
	if (!n)
		H(&h, "<li class=\"muted\">Chưa có phiên họp nào được lên lịch.</li>");
	H(&h, "</ul><h2>Phiên họp gần đây</h2><ul>");
	rc = read_sessions_recent(r->db, &r->acct, 5, r->arena, &s, &n);
	if (rc < 0)
		return rc;
	session_items(&h, s, n);
	if (!n)
		H(&h, "<li class=\"muted\">Chưa có phiên họp.</li>");
	H(&h, "</ul>");
	page_end(r, &h);
	return h.err;
}
