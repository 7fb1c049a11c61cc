/* page_sessions.c: the list of sessions and one session with its agenda and documents. */
#include "pages/pages.h"

static const char *status_name(const char *s)
{
	if (!s)
		return "";
	if (s[0] == 'p')
		return "dự kiến";
	if (s[0] == 'h')
		return "đã họp";
	return "đã kết luận";
}

int page_sessions(struct http_req *r)
{
	struct html h;
	struct db_q *q;
	int rc, n = 0;

	page_begin(r, &h, "Phiên họp");
	H(&h, "<h1>Phiên họp</h1><table><thead><tr><th>Ngày</th><th>Cơ quan</th><th>Phiên</th>"
	      "<th>Nhiệm kỳ</th><th>Tình trạng</th></tr></thead><tbody>");
	rc = db_prepare(r->db, SQL_WEB_SESSIONS, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "iiit", r->acct.id, (int64_t)0, (int64_t)1000, "");
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(&h, "<tr><td>");
		html_text(&h, db_col_text(q, 3));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 6));
		H(&h, "<br><span class=\"muted\">");
		html_text(&h, db_col_text(q, 7));
		H(&h, "</span></td><td><a href=\"/sessions/");
		html_int(&h, db_col_int(q, 0));
		H(&h, "\">Phiên thứ ");
		html_int(&h, db_col_int(q, 1));
		H(&h, "</a></td><td>Khóa ");
		html_text(&h, db_col_text(q, 8));
		H(&h, "</td><td>");
		html_text(&h, status_name(db_col_text(q, 5)));
		H(&h, "</td></tr>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(&h, "<tr><td colspan=\"5\" class=\"muted\">Chưa có phiên họp.</td></tr>");
	H(&h, "</tbody></table>");
	page_end(r, &h);
	return h.err;
}

/* The conclusion notices of the session (drafts and issued). */
static int session_notices(struct http_req *r, struct html *h)
{
	struct db_q *q;
	int rc, n = 0;

	H(h, "<h2>Thông báo kết luận</h2><ul>");
	rc = db_prepare(r->db, SQL_WEB_SESSION_NOTICES, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "i", r->id[0]);
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(h, "<li><a href=\"/notices/");
		html_int(h, db_col_int(q, 0));
		H(h, "\">Thông báo kết luận ");
		html_text(h, db_col_text(q, 1) ? db_col_text(q, 1) : "(dự thảo)");
		H(h, "</a></li>");
		rc = 0;
	}
	db_done(q);
	if (!n)
		H(h, "<li class=\"muted\">Chưa có thông báo.</li>");
	H(h, "</ul>");
	return rc;
}

int page_session(struct http_req *r)
{
	struct html h;
	struct db_q *q;
	int rc, n = 0;
	char *title;

	rc = db_prepare(r->db, SQL_WEB_SESSION, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	if (rc == 0)
		rc = db_step(q);
	if (rc <= 0) {
		db_done(q);
		return rc < 0 ? rc
			      : err_set(&r->err, ERR_NOTFOUND, "Không có phiên họp số %lld",
					(long long)r->id[0]);
	}
	title = arena_printf(r->arena, "%s — phiên thứ %lld", db_col_text(q, 6),
			     (long long)db_col_int(q, 1));
	page_begin(r, &h, title ? title : "Phiên họp");
	H(&h, "<h1>");
	html_text(&h, title);
	H(&h, "</h1><dl><dt>Cơ quan</dt><dd>");
	html_text(&h, db_col_text(q, 7));
	H(&h, "</dd><dt>Ngày họp</dt><dd>");
	html_text(&h, db_col_text(q, 3));
	H(&h, "</dd><dt>Địa điểm</dt><dd>");
	html_text(&h, db_col_text(q, 4));
	H(&h, "</dd><dt>Nhiệm kỳ</dt><dd>Khóa ");
	html_text(&h, db_col_text(q, 8));
	H(&h, ", ");
	html_int(&h, db_col_int(q, 11));
	H(&h, "–");
	html_int(&h, db_col_int(q, 12));
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	html_text(&h, status_name(db_col_text(q, 5)));
	H(&h, "</dd></dl>");
	db_done(q);

	H(&h, "<h2>Chương trình</h2><table><thead><tr><th>#</th><th>Nội dung</th>"
	      "<th>Đơn vị trình</th><th>Văn bản</th><th>Kết quả</th></tr></thead><tbody>");
	rc = db_prepare(r->db, SQL_WEB_AGENDA, &q);
	if (rc < 0)
		return rc;
	rc = db_bindv(q, "ii", r->acct.id, r->id[0]);
	while (rc == 0 && (rc = db_step(q)) == 1) {
		n++;
		H(&h, "<tr><td>");
		html_int(&h, db_col_int(q, 1));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 2));
		H(&h, " ");
		html_text(&h, db_col_text(q, 3));
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 5));
		H(&h, "</td><td>");
		if (!db_col_null(q, 6) && db_col_int(q, 8)) {
			H(&h, "<a href=\"/documents/");
			html_int(&h, db_col_int(q, 6));
			H(&h, "\">");
			html_text(&h, db_col_text(q, 7) ? db_col_text(q, 7) : "xem");
			H(&h, "</a>");
		} else if (!db_col_null(q, 6)) {
			H(&h, "<span class=\"mat\">Mật</span>");
		}
		H(&h, "</td><td>");
		html_text(&h, db_col_text(q, 4));
		H(&h, "</td></tr>");
		rc = 0;
	}
	db_done(q);
	if (rc < 0)
		return rc;
	if (!n)
		H(&h, "<tr><td colspan=\"5\" class=\"muted\">Chưa có nội dung.</td></tr>");
	H(&h, "</tbody></table>");
	rc = session_notices(r, &h);
	if (rc < 0)
		return rc;
	page_end(r, &h);
	return h.err;
}
