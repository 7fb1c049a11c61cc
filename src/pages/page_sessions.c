/* page_sessions.c: the list of sessions and one session with its agenda and documents. */
#include "core/sessionwork/qa.h"
#include "core/sessionwork/sessionwork.h"
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
	struct read_page p = {.after = 0, .limit = 1000, .since = ""};
	struct read_session *s;
	struct html h;
	size_t n;
	int rc = read_sessions(r->db, &r->acct, &p, r->arena, &s, &n);

	if (rc < 0)
		return rc;
	page_begin(r, &h, "Phiên họp");
	H(&h, "<h1>Phiên họp</h1><table><thead><tr><th>Ngày</th><th>Cơ quan</th><th>Phiên</th>"
	      "<th>Nhiệm kỳ</th><th>Tình trạng</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(&h, "<tr><td>");
		html_text(&h, s[i].date);
		H(&h, "</td><td>");
		html_text(&h, s[i].organ);
		H(&h, "<br><span class=\"muted\">");
		html_text(&h, s[i].body);
		H(&h, "</span></td><td><a href=\"/sessions/");
		html_int(&h, s[i].id);
		H(&h, "\">Phiên thứ ");
		html_int(&h, s[i].number);
		H(&h, "</a></td><td>Khóa ");
		html_text(&h, s[i].term);
		H(&h, "</td><td>");
		html_text(&h, status_name(s[i].status));
		H(&h, "</td></tr>");
	}
	if (!n)
		H(&h, "<tr><td colspan=\"5\" class=\"muted\">Chưa có phiên họp.</td></tr>");
	H(&h, "</tbody></table>");
	page_end(r, &h);
	return h.err;
}

/* The agenda's item ids, for the votes below. */
struct agenda_ids {
	int64_t item[64];
	size_t nitem;
};

/* Attendance against the organ's rules in force on the session's date. */
static int session_attendance(struct http_req *r, struct html *h)
{
	struct sw_quorum qu;
	struct sw_attendee *at;
	size_t n;
	struct buf frac = BUF_INIT(64);
	int rc = sw_quorum(r->db, r->id[0], r->arena, &qu, &r->err);

	if (rc == 0)
		rc = sw_attendance_list(r->db, r->id[0], r->arena, &at, &n, &r->err);
	if (rc < 0)
		return rc;
	H(h, "<h2>Điểm danh</h2><p>");
	html_int(h, qu.present);
	H(h, "/");
	html_int(h, qu.members);
	H(h, " ủy viên có mặt (vắng ");
	html_int(h, qu.absent);
	H(h, ", ủy quyền ");
	html_int(h, qu.delegated);
	H(h, ", chưa ghi nhận ");
	html_int(h, qu.unrecorded);
	H(h, "). Quy chế: cần ");
	if (sw_rule_describe_frac(qu.rule.attend_num, qu.rule.attend_den, qu.rule.attend_strict,
				  &frac) == 0)
		html_text(h, buf_str(&frac));
	buf_free(&frac);
	H(h, " số ủy viên có mặt — ");
	if (qu.attend_ok)
		H(h, "<span class=\"badge ok\">đủ điều kiện họp</span>");
	else
		H(h, "<span class=\"badge late\">chưa đủ điều kiện họp</span>");
	H(h, "</p><table><thead><tr><th>Họ tên</th><th>Chức vụ</th><th>Tình trạng</th>"
	     "<th>Ghi chú</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(h, "<tr><td>");
		html_text(h, at[i].name);
		if (!at[i].member)
			H(h, " <span class=\"muted\">(khách mời)</span>");
		H(h, "</td><td>");
		html_text(h, at[i].position);
		H(h, "</td><td>");
		html_text(h, at[i].status == SW_UNRECORDED ? "Chưa ghi nhận"
							   : sw_att_label(at[i].status));
		H(h, "</td><td>");
		html_text(h, at[i].reason);
		if (at[i].delegate) {
			H(h, "Ủy quyền: ");
			html_text(h, at[i].delegate);
		}
		H(h, "</td></tr>");
	}
	if (!n)
		H(h, "<tr><td colspan=\"4\" class=\"muted\">Chưa có thành viên.</td></tr>");
	H(h, "</tbody></table>");
	return 0;
}

/* The votes taken on the agenda's items. */
static int session_votes(struct http_req *r, struct html *h, const struct agenda_ids *ids)
{
	int shown = 0;

	H(h,
	  "<h2>Biểu quyết</h2><table><thead><tr><th>#</th><th>Nội dung</th><th>Tán thành</th>"
	  "<th>Không tán thành</th><th>Không biểu quyết</th><th>Kết quả</th></tr></thead><tbody>");
	for (size_t i = 0; i < ids->nitem; i++) {
		struct sw_vote v;
		struct err e2 = {0};
		int rc = vote_get(r->db, ids->item[i], r->arena, &v, &e2);

		if (rc == ERR_NOTFOUND)
			continue;
		if (rc < 0) {
			r->err = e2;
			return rc;
		}
		shown++;
		H(h, "<tr><td>");
		html_int(h, v.position);
		H(h, "</td><td>");
		html_text(h, v.title);
		if (v.wording) {
			H(h, "<br><span class=\"muted\">");
			html_text(h, v.wording);
			H(h, "</span>");
		}
		H(h, "</td><td>");
		html_int(h, v.n_for);
		H(h, "</td><td>");
		html_int(h, v.n_against);
		H(h, "</td><td>");
		html_int(h, v.n_abstain);
		H(h, "</td><td>");
		html_text(h, !v.binding ? "tham khảo" : v.passed ? "thông qua" : "không thông qua");
		H(h, "</td></tr>");
	}
	if (!shown)
		H(h, "<tr><td colspan=\"6\" class=\"muted\">Chưa có biểu quyết.</td></tr>");
	H(h, "</tbody></table>");
	return 0;
}

/* The comments made at the session on drafts the account may read, and how each was answered. */
static int session_comments(struct http_req *r, struct html *h)
{
	int64_t *doc;
	size_t ndoc;
	int rc, shown = 0;

	rc = read_session_comment_docs(r->db, &r->acct, r->id[0], 32, r->arena, &doc, &ndoc);
	if (rc < 0)
		return rc;
	H(h, "<h2 id=\"gop-y\">Ý kiến góp ý và tiếp thu</h2>");
	for (size_t i = 0; i < ndoc; i++) {
		struct cmt_table t;

		rc = cmt_table_load(r->db, doc[i], r->arena, &t, &r->err);

		if (rc < 0)
			return rc;
		if (!t.n)
			continue;
		shown++;
		H(h, "<h3>");
		html_text(h, t.doc_kind);
		H(h, " ");
		html_text(h, t.doc_title);
		H(h, "</h3><table><thead><tr><th>Người góp ý</th><th>Đoạn</th><th>Nội dung</th>"
		     "<th>Trả lời</th></tr></thead><tbody>");
		for (size_t k = 0; k < t.n; k++) {
			H(h, "<tr><td>");
			html_text(h, t.rows[k].member);
			H(h, "</td><td>");
			html_text(h, t.rows[k].paragraph);
			H(h, "</td><td>");
			html_text(h, t.rows[k].content);
			H(h, "</td><td><strong>");
			html_text(h, cmt_resp_label(t.rows[k].response));
			H(h, "</strong> ");
			html_text(h, t.rows[k].response_text);
			H(h, "</td></tr>");
		}
		H(h, "</tbody></table>");
	}
	if (!shown)
		H(h, "<p class=\"muted\">Chưa có ý kiến góp ý.</p>");
	return 0;
}

/* Questioning (chất vấn), questions and recommendations, with where each stands. */
static int session_questioning(struct http_req *r, struct html *h)
{
	struct qa_item *qa;
	size_t n;
	int rc = qa_list(r->db, r->id[0], r->arena, &qa, &n, &r->err);

	if (rc < 0)
		return rc;
	H(h, "<h2>Chất vấn và kiến nghị</h2><table><thead><tr><th>Loại</th><th>Người hỏi</th>"
	     "<th>Người trả lời</th><th>Nội dung</th><th>Trả lời</th><th>Tình trạng</th></tr>"
	     "</thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		H(h, "<tr><td>");
		html_text(h, qa_kind_label(qa[i].kind));
		H(h, "</td><td>");
		html_text(h, qa[i].questioner);
		H(h, "</td><td>");
		html_text(h, qa[i].respondent);
		H(h, "</td><td>");
		html_text(h, qa[i].content);
		H(h, "</td><td>");
		html_text(h, qa[i].answer);
		H(h, "</td><td>");
		html_text(h, qa_stage_label(qa[i].stage));
		H(h, "</td></tr>");
	}
	if (!n)
		H(h, "<tr><td colspan=\"6\" class=\"muted\">Không có nội dung chất vấn.</td></tr>");
	H(h, "</tbody></table>");
	return 0;
}

/* The minutes (biên bản), draft or approved. */
static int session_minutes(struct http_req *r, struct html *h)
{
	struct minutes m;
	struct err e2 = {0};
	int rc = minutes_get(r->db, r->id[0], r->arena, &m, &e2);

	H(h, "<h2>Biên bản</h2>");
	if (rc == ERR_NOTFOUND) {
		H(h, "<p class=\"muted\">Chưa có biên bản.</p>");
		return 0;
	}
	if (rc < 0) {
		r->err = e2;
		return rc;
	}
	if (m.approved)
		H(h, "<p>Đã thông qua");
	else
		H(h, "<p>Dự thảo");
	if (m.approved_at) {
		H(h, " ngày ");
		html_text(h, m.approved_at);
	}
	H(h, ".</p><pre class=\"doc\">");
	html_text(h, m.text);
	H(h, "</pre>");
	return 0;
}

/* The conclusion notices of the session (drafts and issued). */
static int session_notices(struct http_req *r, struct html *h)
{
	struct read_notice_line *l;
	size_t n;
	int rc = read_session_notices(r->db, &r->acct, r->id[0], r->arena, &l, &n);

	H(h, "<h2>Thông báo kết luận</h2><ul>");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		H(h, "<li><a href=\"/notices/");
		html_int(h, l[i].id);
		H(h, "\">Thông báo kết luận ");
		html_text(h, l[i].symbol ? l[i].symbol : "(dự thảo)");
		H(h, "</a></li>");
	}
	if (rc < 0 || !n)
		H(h, "<li class=\"muted\">Chưa có thông báo.</li>");
	H(h, "</ul>");
	return rc;
}

int page_session(struct http_req *r)
{
	struct agenda_ids ids = {0};
	struct read_agenda_line *l;
	struct read_session s;
	struct html h;
	size_t n;
	char *title;
	int rc;

	rc = read_session(r->db, &r->acct, r->id[0], r->arena, &s, &r->err);
	if (rc == 0)
		rc = read_session_agenda(r->db, &r->acct, s.id, r->arena, &l, &n);
	if (rc < 0)
		return rc;
	title = arena_printf(r->arena, "%s — phiên thứ %lld", s.organ, (long long)s.number);
	page_begin(r, &h, title ? title : "Phiên họp");
	H(&h, "<h1>");
	html_text(&h, title);
	H(&h, "</h1><dl><dt>Cơ quan</dt><dd>");
	html_text(&h, s.body);
	H(&h, "</dd><dt>Ngày họp</dt><dd>");
	html_text(&h, s.date);
	H(&h, "</dd><dt>Địa điểm</dt><dd>");
	html_text(&h, s.place);
	H(&h, "</dd><dt>Nhiệm kỳ</dt><dd>Khóa ");
	html_text(&h, s.term);
	H(&h, ", ");
	html_int(&h, s.year_from);
	H(&h, "–");
	html_int(&h, s.year_to);
	H(&h, "</dd><dt>Tình trạng</dt><dd>");
	html_text(&h, status_name(s.status));
	H(&h, "</dd></dl>");

	H(&h, "<h2>Chương trình</h2><table><thead><tr><th>#</th><th>Nội dung</th>"
	      "<th>Đơn vị trình</th><th>Văn bản</th><th>Kết quả</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		if (ids.nitem < 64)
			ids.item[ids.nitem++] = l[i].id;
		H(&h, "<tr><td>");
		html_int(&h, l[i].position);
		H(&h, "</td><td>");
		html_text(&h, l[i].doc_kind);
		H(&h, " ");
		html_text(&h, l[i].title);
		H(&h, "</td><td>");
		html_text(&h, l[i].presenter);
		H(&h, "</td><td>");
		if (l[i].document_id && l[i].doc_visible) {
			H(&h, "<a href=\"/documents/");
			html_int(&h, l[i].document_id);
			H(&h, "\">");
			html_text(&h, l[i].doc_symbol ? l[i].doc_symbol : "xem");
			H(&h, "</a>");
		} else if (l[i].document_id) {
			H(&h, "<span class=\"mat\">Mật</span>");
		}
		H(&h, "</td><td>");
		html_text(&h, l[i].outcome);
		H(&h, "</td></tr>");
	}
	if (!n)
		H(&h, "<tr><td colspan=\"5\" class=\"muted\">Chưa có nội dung.</td></tr>");
	H(&h, "</tbody></table>");
	rc = session_attendance(r, &h);
	if (rc == 0)
		rc = session_votes(r, &h, &ids);
	if (rc == 0)
		rc = session_comments(r, &h);
	if (rc == 0)
		rc = session_questioning(r, &h);
	if (rc == 0)
		rc = session_minutes(r, &h);
	if (rc == 0)
		rc = session_notices(r, &h);
	if (rc < 0)
		return rc;
	page_end(r, &h);
	return h.err;
}
