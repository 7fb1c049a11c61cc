/*
 * page_attachments.c: files attached to documents and tasks on the web: the
 * section of the document's and the task's page that lists them and takes one,
 * the upload shared with the API, and the download (/attachments/#), each
 * behind the document's or the task's own visibility.
 */
#include <string.h>

#include "core/registry/attachment.h"
#include "http/http_route.h"
#include "pages/pages.h"

/* Whether the account may see owner (the one scope rule, clearance for documents); ERR_NOTFOUND as for none. */
static int owner_visible(struct http_req *r, enum attachment_owner kind, int64_t owner)
{
	if (kind == ATT_DOCUMENT) {
		struct read_document d;

		/* reporters read their units' tasks, not the registry of documents */
		if (!page_role_in(r, R_READ))
			return err_set(&r->err, ERR_PERM, "Tài khoản này không xem được văn bản");
		return read_document(r->db, &r->acct, owner, r->arena, &d, &r->err);
	} else {
		struct task *t;
		char today[11];

		read_today(today);
		return read_task(r->db, &r->acct, owner, today, r->arena, &t, &r->err);
	}
}

int page_attach_store(struct http_req *r, enum attachment_owner kind, struct attachment *ret)
{
	struct attachment *all = NULL;
	int64_t id = 0;
	size_t n = 0;
	int rc = owner_visible(r, kind, r->id[0]);

	if (rc == 0 && !r->upload)
		rc = err_set(&r->err, ERR_INVAL, "tệp: chọn tệp để đính kèm");
	if (rc == 0)
		rc = attachment_add(r->db, kind, r->id[0], r->upload, r->upload_len, r->upload_name,
				    &id, &r->err);
	if (rc == 0)
		rc = attachment_list(r->db, kind, r->id[0], r->arena, &all, &n, &r->err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (all[i].id == id) {
			*ret = all[i];
			return 0;
		}
	return rc < 0 ? rc
		      : err_set(&r->err, ERR_NOTFOUND, "tệp đính kèm vừa lưu không đọc lại được");
}

int page_attach_list(struct http_req *r, enum attachment_owner kind, struct attachment **ret,
		     size_t *ret_n)
{
	int rc = owner_visible(r, kind, r->id[0]);

	if (rc == 0)
		rc = attachment_list(r->db, kind, r->id[0], r->arena, ret, ret_n, &r->err);
	return rc;
}

/* The form's answer: back to the owner's page, or that page again with the reason beside the file field. */
static int attach_form(struct http_req *r, enum attachment_owner kind)
{
	struct attachment att;
	int rc = page_attach_store(r, kind, &att);
	const char *back = kind == ATT_DOCUMENT ? "documents" : "tasks";

	if (rc == ERR_INVAL || rc == ERR_TOOBIG) {
		int status = rc == ERR_TOOBIG ? 413 : 400;

		http_field_error(r, "file", arena_strdup(r->arena, err_msg(&r->err, rc)));
		rc = kind == ATT_DOCUMENT ? page_document(r) : page_task(r);
		if (rc == 0)
			r->status = status;
		return rc;
	}
	if (rc < 0)
		return rc;
	return http_redirect(
	    r, arena_printf(r->arena, "/%s/%lld#dinh-kem", back, (long long)r->id[0]));
}

int page_document_attach(struct http_req *r)
{
	return attach_form(r, ATT_DOCUMENT);
}

int page_task_attach(struct http_req *r)
{
	return attach_form(r, ATT_TASK);
}

/* "12,3 KB" or "850 byte"; arena memory. */
static const char *size_words(struct http_req *r, int64_t n)
{
	if (n < 1024)
		return arena_printf(r->arena, "%lld byte", (long long)n);
	return arena_printf(r->arena, "%lld,%lld KB", (long long)(n / 1024),
			    (long long)(n % 1024 * 10 / 1024));
}

static const char *type_words(const char *ctype)
{
	if (strcmp(ctype, "application/pdf") == 0)
		return "PDF";
	if (strcmp(ctype, "image/png") == 0)
		return "PNG";
	if (strcmp(ctype, "image/jpeg") == 0)
		return "JPEG";
	return strstr(ctype, "spreadsheet") ? "XLSX" : "DOCX";
}

/* The file name extension of a content type. */
static const char *ext_of(const char *ctype)
{
	static const char *const ext[] = {"pdf", "png", "jpg", "xlsx", "docx"};
	static const char *const word[] = {"PDF", "PNG", "JPEG", "XLSX", "DOCX"};
	const char *w = type_words(ctype);

	for (size_t i = 0; i < 5; i++)
		if (strcmp(w, word[i]) == 0)
			return ext[i];
	return "bin";
}

void page_attachments_section(struct http_req *r, struct html *h, enum attachment_owner kind,
			      int64_t owner, bool may_add)
{
	struct attachment *a = NULL;
	struct err e = {0};
	size_t n = 0;

	H(h, "<section class=\"attachments\" id=\"dinh-kem\"><h2>Tệp đính kèm</h2>");
	if (attachment_list(r->db, kind, owner, r->arena, &a, &n, &e) < 0)
		H(h, "<p class=\"bad\">Không đọc được danh sách tệp đính kèm.</p>");
	else if (!n)
		H(h, "<p class=\"muted\">Chưa có tệp đính kèm.</p>");
	if (n) {
		H(h, "<ul class=\"files\">");
		for (size_t i = 0; i < n; i++) {
			H(h, "<li><a href=\"/attachments/");
			html_int(h, a[i].id);
			H(h, "\">");
			html_text(h, a[i].name);
			H(h, "</a> (");
			html_text(h, type_words(a[i].ctype));
			H(h, ", ");
			html_text(h, size_words(r, a[i].size));
			H(h, ", lưu lúc ");
			html_text(h, a[i].stored_at);
			H(h, ") <code title=\"SHA-256\">");
			html_text(h, a[i].sha256);
			H(h, "</code></li>");
		}
		H(h, "</ul>");
	}
	if (may_add) {
		H(h, "<form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" "
		     "action=\"/");
		html_text(h, kind == ATT_DOCUMENT ? "documents" : "tasks");
		H(h, "/");
		html_int(h, owner);
		H(h, "/attachments\">");
		page_csrf(r, h);
		H(h, "<label>Tệp (PDF, DOCX, XLSX, PNG, JPEG; tối đa ");
		html_int(h, ATTACHMENT_MAX >> 10);
		H(h, " KB) <input type=\"file\" name=\"file\" required accept=\".pdf,.docx,.xlsx,"
		     ".png,.jpg,.jpeg\"></label>");
		page_field_msg(r, h, "file");
		H(h, "<button type=\"submit\">Đính kèm</button></form>");
	}
	H(h, "</section>");
}

int page_attachment(struct http_req *r)
{
	struct attachment att;
	int rc = attachment_get(r->db, r->id[0], r->arena, &att, &r->err);

	if (rc == 0)
		rc = owner_visible(r, att.document_id ? ATT_DOCUMENT : ATT_TASK,
				   att.document_id ? att.document_id : att.task_id);
	/* one outside the scope is as one that does not exist */
	if (rc == ERR_NOTFOUND)
		return err_set(&r->err, rc, "Không có tệp đính kèm số %lld", (long long)r->id[0]);
	if (rc < 0)
		return rc;
	if (buf_add(&r->out, att.data, (size_t)att.size) < 0)
		return err_set(&r->err, ERR_TOOBIG, "tệp quá lớn");
	r->ctype = att.ctype;
	r->disposition = arena_printf(r->arena, "attachment; filename=\"dinh-kem-%lld.%s\"",
				      (long long)att.id, ext_of(att.ctype));
	return 0;
}
