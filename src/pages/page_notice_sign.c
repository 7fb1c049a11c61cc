/*
 * page_notice_sign.c: a notice's signed copy on the web: the section of the
 * notice's page that shows it and takes it, and the upload shared with the
 * API (POST /notices/#/signed and /api/v1/notices/#/signed).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/notice/notice_approval.h"
#include "core/notice/notice_sign.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "render/notice_view.h"
#include "sign/sign.h"

int page_notice_signed_store(struct http_req *r, int *ret_n)
{
	struct notice_row row;
	struct notice_record issued;
	int rc = page_notice_row(r, &row), n = 0;

	if (rc == 0 && strcmp(row.status, "draft") == 0)
		rc = err_set(&r->err, ERR_INVAL,
			     "thông báo chưa ban hành: ban hành, ký số rồi mới gửi bản đã ký");
	if (rc == 0 && !r->upload)
		rc = err_set(&r->err, ERR_INVAL, "chọn tệp PDF đã ký số để gửi lên");
	/* the upload is checked against the PDF kept since issue, not a new rendering */
	if (rc == 0)
		rc = notice_issued_pdf(r->db, row.id, r->arena, &issued, &r->err);
	if (rc == 0)
		rc = sign_check_issued(issued.pdf.data, issued.pdf.len, r->upload, r->upload_len,
				       getenv("DONDOC_TRUST"), r->arena, &n, &r->err);
	if (rc == 0)
		rc = notice_record_store(
		    r->db, row.id, (struct notice_blob){r->upload, r->upload_len}, n, &r->err);
	if (rc == 0)
		*ret_n = n;
	return rc;
}

int page_notice_signed(struct http_req *r)
{
	int n = 0, rc = page_notice_signed_store(r, &n);

	if (rc == ERR_INVAL) {
		/* the notice's page again, the reason beside the file field */
		http_field_error(r, "file", arena_strdup(r->arena, err_msg(&r->err, rc)));
		rc = page_notice(r);
		if (rc == 0)
			r->status = 400;
		return rc;
	}
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/notices/%lld", (long long)r->id[0]));
}

void page_notice_sign_section(struct http_req *r, struct html *h, const struct notice_row *row)
{
	struct notice_record rec;
	struct err e = {0};
	bool have;

	if (!row->status || strcmp(row->status, "draft") == 0)
		return;
	have = notice_record_get(r->db, row->id, r->arena, &rec, &e) == 0;
	H(h, "<section class=\"signed\" id=\"ban-ky-so\"><h2>Bản ký số</h2>");
	if (have) {
		H(h, "<p>Đã lưu bản PDF ký số (");
		html_int(h, rec.signatures);
		H(h, " chữ ký, ");
		html_int(h, (int64_t)rec.pdf.len);
		H(h, " byte, lưu lúc ");
		html_text(h, rec.stored_at);
		H(h, "): nút <em>Tải PDF</em> và thư điện tử gửi đi từ nay dùng bản này. SHA-256: "
		     "<code>");
		html_text(h, rec.sha256);
		H(h, "</code></p>");
	} else {
		H(h,
		  "<p>Chưa có bản ký số: tải PDF, ký bằng thiết bị ký số (lệnh <code>dondoc "
		  "notice sign</code> hoặc phần mềm ký PAdES), người có thẩm quyền ký trước, văn "
		  "thư ký sau, rồi gửi tệp đã ký lên đây.</p>");
	}
	if (page_role_in(r, R_STAFF)) {
		H(h, "<form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" "
		     "action=\"/notices/");
		html_int(h, row->id);
		H(h, "/signed\">");
		page_csrf(r, h);
		H(h, "<label>Tệp PDF đã ký số <input type=\"file\" name=\"file\" "
		     "accept=\"application/pdf,.pdf\" required></label>");
		page_field_msg(r, h, "file");
		H(h, "<button type=\"submit\">Gửi bản đã ký</button></form>");
	}
	H(h, "</section>");
}

/* ---- approval before issuing (trình ký) ---- */

const struct http_field page_notice_return_fields[] = {
    {"comment", HF_MULTI, false, 4000, NULL, "Ý kiến (comment)"},
    {"from", HF_ENUM, false, 0, "queue", "Trang gửi"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_notice_approve_fields[] = {
    {"from", HF_ENUM, false, 0, "queue", "Trang gửi"},
    {NULL, 0, false, 0, NULL, NULL},
};

static const char *step_label(const char *step)
{
	if (strcmp(step, "submit") == 0)
		return "Trình ký";
	if (strcmp(step, "approve") == 0)
		return "Người ký đã duyệt";
	if (strcmp(step, "return") == 0)
		return "Người ký trả lại";
	return "Sửa sau khi trình";
}

int page_notice_approval_step(struct http_req *r, char step)
{
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = step == 's'   ? notice_submit(r->db, row.id, &r->err)
		     : step == 'a' ? notice_approve(r->db, row.id, &r->err)
				   : notice_return(r->db, row.id, http_arg(r, "comment"), &r->err);
	return rc;
}

/* The answer to a step's form: back to the page it came from (the signer's queue or the draft). */
static int approval_form(struct http_req *r, char step)
{
	bool queue = http_arg(r, "from") != NULL;
	int rc = page_notice_approval_step(r, step);

	if (rc == ERR_INVAL || rc == ERR_LOCKED) {
		http_field_error(r, step == 'r' ? "comment" : "approval",
				 arena_strdup(r->arena, err_msg(&r->err, rc)));
		rc = queue ? page_approvals(r) : page_notice(r);
		if (rc == 0)
			r->status = 400;
		return rc;
	}
	if (rc < 0)
		return rc;
	if (queue)
		return http_redirect(r, "/approvals");
	return http_redirect(r,
			     arena_printf(r->arena, "/notices/%lld#trinh-ky", (long long)r->id[0]));
}

int page_notice_submit(struct http_req *r)
{
	return approval_form(r, 's');
}

int page_notice_approve(struct http_req *r)
{
	return approval_form(r, 'a');
}

int page_notice_return(struct http_req *r)
{
	return approval_form(r, 'r');
}

static void step_button(struct http_req *r, struct html *h, int64_t id, const char *action,
			const char *label)
{
	H(h, "<form class=\"inline\" method=\"post\" action=\"/notices/");
	html_int(h, id);
	H(h, "/");
	html_text(h, action);
	H(h, "\">");
	page_csrf(r, h);
	H(h, "<button type=\"submit\">");
	html_text(h, label);
	H(h, "</button></form> ");
}

void page_notice_approval_section(struct http_req *r, struct html *h, const struct notice_row *row)
{
	struct notice_approval ap;
	struct err e = {0};
	const char *st;

	if (!row->status || strcmp(row->status, "draft") != 0)
		return;
	if (notice_approval_get(r->db, row->id, r->arena, &ap, &e) < 0)
		return;
	st = ap.state;
	H(h, "<section class=\"approval\" id=\"trinh-ky\"><h2>Trình ký</h2><p>");
	H(h, "Tình trạng: <strong>");
	html_text(h, !*st			  ? "chưa trình"
		     : strcmp(st, "submit") == 0  ? "đang chờ người ký duyệt"
		     : strcmp(st, "approve") == 0 ? "người ký đã duyệt, ban hành được"
		     : strcmp(st, "return") == 0 ? "người ký trả lại, cần sửa và trình lại"
						 : "đã sửa sau khi trình, cần trình lại");
	H(h, "</strong>");
	if (ap.required)
		H(h, ". Cơ quan yêu cầu trình ký: chỉ dự thảo đã được duyệt mới ban hành được");
	H(h, ".</p>");
	if (ap.nsteps) {
		H(h, "<ol class=\"steps\">");
		for (size_t i = 0; i < ap.nsteps; i++) {
			H(h, "<li><strong>");
			html_text(h, step_label(ap.steps[i].step));
			H(h, "</strong> (");
			html_text(h, ap.steps[i].actor[0] ? ap.steps[i].actor : "hệ thống");
			H(h, ", ");
			html_text(h, ap.steps[i].at);
			H(h, ")");
			if (ap.steps[i].comment[0]) {
				H(h, ": <q class=\"comment\">");
				html_text(h, ap.steps[i].comment);
				H(h, "</q>");
			}
			H(h, "</li>");
		}
		H(h, "</ol>");
	}
	page_field_msg(r, h, "approval");
	if (page_role_in(r, R_STAFF) &&
	    (!*st || strcmp(st, "return") == 0 || strcmp(st, "edit") == 0))
		step_button(r, h, row->id, "submit", "Trình ký");
	if (page_role_in(r, ROLE_ADMIN | ROLE_MEMBER) && strcmp(st, "submit") == 0) {
		step_button(r, h, row->id, "approve", "Duyệt");
		H(h, "<form class=\"stack\" method=\"post\" action=\"/notices/");
		html_int(h, row->id);
		H(h, "/return\">");
		page_csrf(r, h);
		H(h, "<label>Ý kiến khi trả lại <textarea name=\"comment\" rows=\"3\">");
		html_text(h, http_arg(r, "comment") ? http_arg(r, "comment") : "");
		H(h, "</textarea></label>");
		page_field_msg(r, h, "comment");
		H(h, "<button type=\"submit\">Trả lại</button></form>");
	}
	H(h, "</section>");
}

/* ---- the signer's queue (GET /approvals) ---- */

#define APPROVALS_MAX 200

/* An ISO 8601 UTC time as Vietnam's wall clock, "HH:MM dd/mm/yyyy"; arena memory. */
static const char *vn_when(struct http_req *r, const char *iso)
{
	struct tm tm = {0};
	const char *end = iso ? strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	time_t t;

	if (!end)
		return iso ? iso : "";
	t = timegm(&tm) + 7 * 3600;
	gmtime_r(&t, &tm);
	return arena_printf(r->arena, "%02d:%02d %02d/%02d/%04d", tm.tm_hour, tm.tm_min, tm.tm_mday,
			    tm.tm_mon + 1, tm.tm_year + 1900);
}

/* An actor as the store keeps it ("web:uyvien") as a person reads it ("uyvien"). */
static const char *who(const char *actor)
{
	const char *c = actor ? strchr(actor, ':') : NULL;

	if (!actor || !*actor)
		return "hệ thống";
	return c && c[1] ? c + 1 : actor;
}

/* "Dự thảo thông báo … phiên họp thứ N ngày dd/mm/yyyy, Body" with its link. */
static void approval_title(struct http_req *r, struct html *h, const struct read_approval *a)
{
	H(h, "<h3><a href=\"/notices/");
	html_int(h, a->notice_id);
	H(h, "\">Dự thảo thông báo số ");
	html_int(h, a->notice_id);
	H(h, "</a></h3><p>");
	if (a->session_id) {
		H(h, "Kết luận phiên họp thứ ");
		html_int(h, a->session_number);
		if (a->session_date) {
			H(h, " ngày ");
			html_text(h, page_show_date(r, a->session_date));
		}
		H(h, ", ");
	}
	html_text(h, a->body_name ? a->body_name : "");
	H(h, ". Trình lúc ");
	html_text(h, vn_when(r, a->submitted_at));
	H(h, " (");
	html_text(h, who(a->submitted_by));
	H(h, ").</p>");
}

/* The signer's forms for a waiting draft: approve, or return with a comment; back to the queue. */
static void approval_answers(struct http_req *r, struct html *h, const struct read_approval *a)
{
	bool this = r->id[0] == a->notice_id;

	H(h, "<form class=\"inline\" method=\"post\" action=\"/notices/");
	html_int(h, a->notice_id);
	H(h, "/approve\">");
	page_csrf(r, h);
	H(h, "<input type=\"hidden\" name=\"from\" value=\"queue\"><button "
	     "type=\"submit\">Duyệt</button></form>");
	if (this)
		page_field_msg(r, h, "approval");
	H(h, "<form class=\"stack\" method=\"post\" action=\"/notices/");
	html_int(h, a->notice_id);
	H(h, "/return\">");
	page_csrf(r, h);
	H(h, "<input type=\"hidden\" name=\"from\" value=\"queue\"><label>Ý kiến khi trả lại "
	     "<textarea name=\"comment\" rows=\"3\">");
	if (this && http_arg(r, "comment"))
		html_text(h, http_arg(r, "comment"));
	H(h, "</textarea></label>");
	if (this)
		page_field_msg(r, h, "comment");
	H(h, "<button type=\"submit\">Trả lại</button></form>");
}

static const char *state_words(const char *step)
{
	if (strcmp(step, "submit") == 0)
		return "đang chờ người ký duyệt";
	if (strcmp(step, "approve") == 0)
		return "người ký đã duyệt, ban hành được";
	if (strcmp(step, "return") == 0)
		return "người ký trả lại, cần sửa và trình lại";
	return "đã sửa sau khi trình, cần trình lại";
}

int page_approvals(struct http_req *r)
{
	bool signer = page_role_in(r, ROLE_ADMIN | ROLE_MEMBER);
	bool office = page_role_in(r, R_STAFF);
	struct read_approval *a = NULL;
	size_t n = 0, waiting = 0;
	struct html h;
	int rc = read_approvals(r->db, &r->acct, false, APPROVALS_MAX, r->arena, &a, &n, &r->err);

	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n; i++)
		waiting += strcmp(a[i].step, "submit") == 0;
	page_begin(r, &h, signer ? "Chờ ký duyệt" : "Trình ký");
	page_form_errors(r, &h);
	if (signer) {
		H(&h, "<h1>Chờ ký duyệt</h1><p class=\"muted\">Dự thảo thông báo văn phòng đã "
		      "trình, chờ người ký duyệt hoặc trả lại kèm ý kiến; dự thảo trình sớm nhất ở "
		      "trên.</p><ul class=\"queue\" id=\"cho-duyet\">");
		for (size_t i = 0; i < n; i++) {
			if (strcmp(a[i].step, "submit") != 0)
				continue;
			H(&h, "<li class=\"request\" id=\"trinh-");
			html_int(&h, a[i].notice_id);
			H(&h, "\">");
			approval_title(r, &h, &a[i]);
			approval_answers(r, &h, &a[i]);
			H(&h, "</li>");
		}
		H(&h, "</ul>");
		if (!waiting)
			H(&h, "<p class=\"muted\">Không có dự thảo nào đang chờ duyệt.</p>");
	}
	if (office) {
		H(&h, "<h2>Dự thảo đã trình ký</h2><ul class=\"queue\" id=\"da-trinh\">");
		for (size_t i = 0; i < n; i++) {
			H(&h, "<li class=\"request\" id=\"da-trinh-");
			html_int(&h, a[i].notice_id);
			H(&h, "\">");
			approval_title(r, &h, &a[i]);
			H(&h, "<p>Tình trạng: <strong>");
			html_text(&h, state_words(a[i].step));
			H(&h, "</strong> (");
			html_text(&h, who(a[i].actor));
			H(&h, ", ");
			html_text(&h, vn_when(r, a[i].at));
			H(&h, ")");
			if (strcmp(a[i].step, "submit") != 0 && a[i].comment[0]) {
				H(&h, ": <q class=\"comment\">");
				html_text(&h, a[i].comment);
				H(&h, "</q>");
			}
			H(&h, "</p></li>");
		}
		H(&h, "</ul>");
		if (!n)
			H(&h, "<p class=\"muted\">Chưa có dự thảo nào đang trình ký.</p>");
	}
	if (n == APPROVALS_MAX)
		H(&h, "<p class=\"muted\">Chỉ hiện 200 dự thảo trình sớm nhất.</p>");
	page_end(r, &h);
	return h.err;
}
