/*
 * page_notices.c: conclusion notices: list, editor with preview and warnings,
 * issue, PDF and DOCX; the follow-up report of their tasks as PDF, DOCX, XLSX.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/notice/fmt.h"
#include "core/notice/notice.h"
#include "core/notice/notice_sign.h"
#include "core/tasks/task.h"
#include "http/http_route.h"
#include "pages/pages.h"
#include "render/followup.h"
#include "render/notice_view.h"

const struct http_field page_followup_fields[] = {
    {"format", HF_ENUM, true, 0, "pdf|docx|xlsx", "Định dạng (format)"},
    {"as_of", HF_DATE, false, 0, NULL, "Tính đến ngày (as_of)"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_notice_tmpl_fields[] = {
    {"template", HF_MULTI, true, 200000, NULL, "Mẫu thông báo"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_notice_issue_fields[] = {
    {"date", HF_DATE, false, 0, NULL, "Ngày ban hành"},
    {"sig_name", HF_TEXT, false, 120, NULL, "Người ký"},
    {"sig_position", HF_TEXT, false, 120, NULL, "Chức vụ người ký"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * Whether the account may see notice id of body_id: the body in its scope and, when the
 * notice is registered as a confidential document, the account cleared for it.
 */
static bool reachable(struct http_req *r, int64_t id, int64_t body_id)
{
	return read_notice_visible(r->db, &r->acct, id, body_id);
}

/* ERR_NOTFOUND for a notice the account may not see, as for one that does not exist. */
static int reach(struct http_req *r, int64_t body_id)
{
	if (reachable(r, r->id[0], body_id))
		return 0;
	return err_set(&r->err, ERR_NOTFOUND, "Không có thông báo số %lld", (long long)r->id[0]);
}

int page_notice_row(struct http_req *r, struct notice_row *row)
{
	int rc = notice_get(r->db, r->id[0], r->arena, row, &r->err);

	return rc < 0 ? rc : reach(r, row->body_id);
}

/* Loads notice r->id[0] when the account may see it (else 404). */
static int load(struct http_req *r, struct notice_row *row, struct notice_doc *doc)
{
	int rc = notice_load(r->db, r->id[0], r->arena, row, doc, &r->err);

	return rc < 0 ? rc : reach(r, row->body_id);
}

int page_notices(struct http_req *r)
{
	static const char *const cols[] = {"Số", "Ngày", "Trích yếu", "Tình trạng"};
	struct page_table tb;
	struct notice_row *rows = NULL;
	size_t n = 0;
	struct html h;
	int rc, shown = 0;

	rc = notice_list(r->db, r->arena, &rows, &n, &r->err);
	if (rc < 0)
		return rc;
	page_begin(r, &h, "Thông báo kết luận");
	H(&h, "<h1>Thông báo kết luận</h1>");
	if (page_role_in(r, R_STAFF))
		H(&h, "<p class=\"downloads\"><a class=\"button\" href=\"/imports\">Nhập văn bản "
		      "đã có</a></p>");
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		if (!reachable(r, rows[i].id, rows[i].body_id))
			continue;
		shown++;
		page_td(&tb, NULL);
		H(&h, "<a href=\"/notices/");
		html_int(&h, rows[i].id);
		H(&h, "\">");
		html_text(&h, rows[i].symbol ? rows[i].symbol : "(dự thảo)");
		H(&h, "</a>");
		page_td(&tb, NULL);
		html_text(&h, rows[i].issue_date);
		page_td(&tb, NULL);
		html_text(&h, rows[i].title);
		page_td(&tb, NULL);
		html_text(&h, strcmp(rows[i].status, "draft") == 0    ? "dự thảo"
			      : strcmp(rows[i].status, "issued") == 0 ? "đã ban hành"
								      : "đã bị thay thế");
		page_tr_end(&tb);
	}
	if (!shown)
		page_table_empty(&tb, "Chưa có thông báo.");
	page_table_end(&tb);
	page_end(r, &h);
	return h.err;
}

#define TRACKED_PAGE 100

const struct http_field page_notice_fields[] = {
    {"after", HF_INT, false, 0, NULL, "Trang sau nhiệm vụ số (after)"},
    {NULL, 0, false, 0, NULL, NULL},
};

/*
 * The tasks being followed from the notice's session (those an imported
 * notice brought, or those issued from it), each linked to its page;
 * TRACKED_PAGE at a time after task ?after=, then a link to the next ones.
 */
static int tracked_tasks(struct http_req *r, struct html *h, const struct notice_row *row)
{
	static const char *const cols[] = {"Nội dung", "Chủ trì", "Thời hạn"};
	struct read_page p = {
	    .after = http_arg_int(r, "after", 0), .limit = TRACKED_PAGE + 1, .since = ""};
	struct read_task_row *t = NULL;
	struct page_table tb;
	size_t n = 0;
	bool more;
	int rc;

	if (!row->session_id)
		return 0;
	rc = read_session_tasks(r->db, &r->acct, row->session_id, &p, r->arena, &t, &n);
	if (rc < 0 || (!n && !p.after))
		return rc;
	more = n > TRACKED_PAGE;
	if (more)
		n = TRACKED_PAGE;
	H(h, "<section id=\"theo-doi\"><h2>Nhiệm vụ đang theo dõi từ phiên họp");
	if (more || p.after)
		H(h, "</h2><p>Mỗi trang 100 nhiệm vụ, theo thứ tự giao.</p>");
	else {
		H(h, " (");
		html_int(h, (int64_t)n);
		H(h, ")</h2>");
	}
	page_table_begin(&tb, h, NULL, cols, PAGE_NCOL(cols));
	for (size_t i = 0; i < n; i++) {
		page_th_row(&tb);
		H(h, "<a href=\"/tasks/");
		html_int(h, t[i].id);
		H(h, "\">");
		html_text(h, t[i].content);
		H(h, "</a>");
		page_td(&tb, NULL);
		html_text(h, t[i].lead);
		page_td(&tb, NULL);
		page_task_deadline(r, h, &t[i]);
		page_tr_end(&tb);
	}
	page_table_end(&tb);
	if (more) {
		H(h, "<p class=\"more\"><a href=\"/notices/");
		html_int(h, row->id);
		H(h, "?after=");
		html_int(h, t[n - 1].id);
		H(h, "#theo-doi\">Xem thêm</a></p>");
	}
	H(h, "</section>");
	return 0;
}

int page_notice(struct http_req *r)
{
	struct notice_row row;
	struct notice_doc doc;
	struct html h;
	bool draft;
	int rc;

	rc = load(r, &row, &doc);
	if (rc < 0)
		return rc;
	draft = row.status && strcmp(row.status, "draft") == 0;
	page_begin(r, &h, row.symbol ? row.symbol : "Dự thảo thông báo");
	H(&h, "<h1>Thông báo ");
	html_text(&h, row.symbol ? row.symbol : "(dự thảo)");
	H(&h, "</h1><p class=\"downloads\"><a class=\"button\" href=\"/notices/");
	html_int(&h, row.id);
	H(&h, "/pdf\" download>Tải PDF</a> <a class=\"button\" href=\"/notices/");
	html_int(&h, row.id);
	H(&h, "/docx\" download>Tải DOCX</a></p><section class=\"followup\"><h2>Báo cáo kết quả "
	      "thực hiện</h2><p class=\"downloads\">");
	for (int i = 0; i < 3; i++) {
		static const char *const fmts[] = {"pdf", "docx", "xlsx"}, *const labels[] = {
									       "PDF", "DOCX",
									       "XLSX"};

		H(&h, "<a class=\"button\" href=\"/notices/");
		html_int(&h, row.id);
		H(&h, "/followup?format=");
		html_text(&h, fmts[i]);
		H(&h, "\" download>Báo cáo kết quả (");
		html_text(&h, labels[i]);
		H(&h, ")</a> ");
	}
	H(&h, "</p></section>");
	if (doc.nmsgs) {
		H(&h, "<section class=\"warnings\"><h2>Cảnh báo</h2><ul>");
		for (size_t i = 0; i < doc.nmsgs; i++) {
			H(&h, "<li class=\"");
			html_text(&h, doc.msgs[i].sev == NOTICE_ERROR ? "err" : "warn");
			H(&h, "\">");
			if (doc.msgs[i].sev == NOTICE_ERROR)
				H(&h, "<strong>Chặn ban hành:</strong> ");
			H(&h, "Dòng ");
			html_int(&h, doc.msgs[i].line);
			H(&h, ", cột ");
			html_int(&h, doc.msgs[i].col);
			H(&h, ": ");
			html_text(&h, doc.msgs[i].text);
			H(&h, "</li>");
		}
		H(&h, "</ul></section>");
	}
	page_notice_approval_section(r, &h, &row);
	page_notice_sign_section(r, &h, &row);
	rc = tracked_tasks(r, &h, &row);
	if (rc < 0)
		return rc;
	/* the real page as it will print (the HTML render), in a frame of its own */
	H(&h, "<h2>Xem trước</h2><iframe class=\"paper\" title=\"Xem trước thông báo\" "
	      "src=\"/notices/");
	html_int(&h, row.id);
	H(&h, "/html\"></iframe>");
	rc = page_notice_composer(r, &h, &row, &doc);
	if (rc < 0)
		return rc;
	if (draft && page_role_in(r, R_STAFF)) {
		H(&h, "<details class=\"advanced\"><summary>Mẫu đầy đủ (người dùng nâng cao)"
		      "</summary><form class=\"stack wide\" method=\"post\" action=\"/notices/");
		html_int(&h, row.id);
		H(&h, "/template\">");
		page_csrf(r, &h);
		H(&h, "<textarea name=\"template\" rows=\"24\">");
		html_text(&h, row.source_tmpl);
		H(&h, "</textarea><button type=\"submit\">Lưu mẫu</button></form></details>");
	}
	page_end(r, &h);
	return h.err;
}

int page_notice_template(struct http_req *r)
{
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	if (rc == 0)
		rc = notice_set_template(r->db, r->id[0], http_arg(r, "template"), &r->err);
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/notices/%lld", (long long)r->id[0]));
}

int page_notice_issue(struct http_req *r)
{
	struct notice_issue_in in = {0};
	struct notice_row row;
	int rc = page_notice_row(r, &row);

	in.date = http_arg(r, "date");
	in.sig_name = http_arg(r, "sig_name");
	in.sig_position = http_arg(r, "sig_position");
	if (rc == 0)
		rc = notice_issue_with_pdf(r->db, r->id[0], &in, r->arena, &r->err);
	if (rc < 0)
		return rc;
	return http_redirect(r, arena_printf(r->arena, "/notices/%lld", (long long)r->id[0]));
}

/* The notice rendered as PDF or DOCX, as a download. */
static int download(struct http_req *r, enum dv_format f)
{
	struct notice_record rec;
	struct err e = {0};
	struct notice_row row;
	struct notice_doc doc;
	struct docview v;
	const char *name;
	int rc;

	rc = load(r, &row, &doc);
	/*
	 * An issued notice's PDF is its record: the signed copy once stored, else
	 * the PDF kept since it was issued; only a draft is rendered anew.
	 */
	if (rc == 0 && f == DV_PDF && strcmp(row.status, "draft") != 0) {
		if (notice_record_get(r->db, row.id, r->arena, &rec, &e) < 0)
			rc = notice_issued_pdf(r->db, row.id, r->arena, &rec, &r->err);
		if (rc == 0)
			rc = buf_add(&r->out, rec.pdf.data, rec.pdf.len) < 0
				 ? err_set(&r->err, ERR_TOOBIG, "tệp PDF quá lớn")
				 : 1;
	}
	if (rc == 0)
		rc = notice_view(&doc, doc.profile_data, r->arena, &v, &r->err);
	if (rc == 0)
		rc = dv_render(&v, f, &r->out, &r->err);
	if (rc < 0)
		return rc;
	r->ctype = f == DV_PDF ? "application/pdf"
			       : "application/vnd.openxmlformats-officedocument.wordprocessingml."
				 "document";
	name = arena_printf(r->arena, "thong-bao-%lld.%s", (long long)row.id,
			    f == DV_PDF ? "pdf" : "docx");
	r->disposition = arena_printf(r->arena, "attachment; filename=\"%s\"", name);
	return 0;
}

/* The notice in its HTML render: the composer's preview frame. */
int page_notice_html(struct http_req *r)
{
	struct notice_row row;
	struct notice_doc doc;
	struct docview v;
	int rc;

	rc = load(r, &row, &doc);
	if (rc == 0)
		rc = notice_view(&doc, doc.profile_data, r->arena, &v, &r->err);
	if (rc == 0)
		rc = dv_render_html(&v, &r->out, &r->err);
	r->ctype = "text/html; charset=utf-8";
	return rc;
}

int page_notice_pdf(struct http_req *r)
{
	return download(r, DV_PDF);
}

int page_notice_docx(struct http_req *r)
{
	return download(r, DV_DOCX);
}

/* Reads a whole file written by a renderer (XLSX) into out. */
static int followup_slurp(const char *path, struct buf *out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	int rc;

	if (!f)
		return err_set(e, ERR_IO, "không đọc lại được tệp XLSX (%s)", strerror(errno));
	rc = buf_read(out, f);
	if (rc == ERR_IO)
		rc = err_set(e, ERR_IO, "không đọc lại được tệp XLSX");
	else if (rc < 0)
		rc = err_set(e, ERR_TOOBIG, "tệp XLSX quá lớn");
	fclose(f);
	return rc;
}

/* The follow-up report as an XLSX workbook in r->out (libxlsxwriter writes to a file). */
static int followup_xlsx_out(struct http_req *r, const struct task_followup *f)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	int fd, rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/dondoc-xlsx-XXXXXX",
			     tmp && *tmp ? tmp : "/tmp") >= sizeof(path))
		return err_set(&r->err, ERR_IO, "TMPDIR quá dài");
	fd = mkstemp(path);
	if (fd < 0)
		return err_set(&r->err, ERR_IO, "không tạo được tệp tạm (%s)", strerror(errno));
	close(fd);
	rc = followup_xlsx(f, path, &r->err);
	if (rc == 0) {
		buf_reset(&r->out);
		rc = followup_slurp(path, &r->out, &r->err);
	}
	unlink(path);
	return rc;
}

/*
 * GET /notices/#/followup?format=pdf|docx|xlsx (and its API twin): "Báo cáo kết
 * quả thực hiện Thông báo kết luận số …" of the notice's tasks as of today (or
 * as_of), as 'dondoc tasks followup' makes it, for a notice the account sees.
 */
int page_notice_followup(struct http_req *r)
{
	const char *format = http_arg(r, "format");
	struct task_followup f;
	struct notice_row row;
	struct docview v;
	char today[11];
	int rc;

	rc = page_notice_row(r, &row);
	if (rc < 0)
		return rc;
	read_today(today);
	rc = task_followup_notice(r->db, r->id[0],
				  http_arg(r, "as_of") ? http_arg(r, "as_of") : today, r->arena, &f,
				  &r->err);
	if (rc < 0)
		return rc;
	if (strcmp(format, "xlsx") == 0) {
		rc = followup_xlsx_out(r, &f);
		r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	} else {
		struct fmt_profile p;
		bool pdf = strcmp(format, "pdf") == 0;

		/* The store's party-2018 profile, or its built-in values. */
		if (fmt_profile_load(r->db, "party-2018", &p, NULL) < 0)
			fmt_profile_default(&p);
		rc = followup_view(&f, &p, r->arena, &v, &r->err);
		if (rc == 0)
			rc = dv_render(&v, pdf ? DV_PDF : DV_DOCX, &r->out, &r->err);
		r->ctype = pdf ? "application/pdf"
			       : "application/vnd.openxmlformats-officedocument.wordprocessingml."
				 "document";
	}
	if (rc < 0)
		return rc;
	r->disposition =
	    arena_printf(r->arena, "attachment; filename=\"bao-cao-ket-qua-tb-%lld.%s\"",
			 (long long)r->id[0], format);
	return r->disposition ? 0 : ERR_NOMEM;
}
