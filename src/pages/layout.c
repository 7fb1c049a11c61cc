/* layout.c: the frame every page shares: head, navigation by role, error page, CSRF input. */
#include <string.h>

#include "http/http_route.h"
#include "pages/pages.h"

int page_role_in(struct http_req *r, unsigned mask)
{
	return r->logged_in && (http_role_bit(r->acct.role) & mask) != 0;
}

void page_begin(struct http_req *r, struct html *h, const char *title)
{
	h->b = &r->out;
	h->err = 0;
	r->ctype = "text/html; charset=utf-8";
	H(h, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	     "<link rel=\"stylesheet\" href=\"/static/dondoc.css\"><title>");
	html_text(h, title);
	H(h, " · dondoc</title></head><body><header class=\"top\"><a class=\"brand\" "
	     "href=\"/\">dondoc</a>");
	if (r->logged_in) {
		H(h, "<nav>");
		H(h, "<a href=\"/\">Tổng quan</a>");
		if (page_role_in(r, R_READ))
			H(h, "<a href=\"/sessions\">Phiên họp</a><a href=\"/documents\">Văn bản</a>"
			     "<a href=\"/notices\">Thông báo</a><a href=\"/indicators\">Chỉ "
			     "tiêu</a><a href=\"/requests\">Yêu cầu báo cáo</a><a "
			     "href=\"/search\">Tìm "
			     "kiếm</a>");
		H(h, "<a href=\"/tasks\">Nhiệm vụ</a>");
		/* the signer's queue, with how many drafts wait; the office follows what it submitted */
		if (page_role_in(r, ROLE_ADMIN | ROLE_MEMBER)) {
			int64_t n = 0;

			if (!r->db || read_approvals_waiting(r->db, &r->acct, &n) < 0)
				n = 0;
			H(h, "<a href=\"/approvals\">Chờ ký duyệt");
			if (n > 0) {
				H(h, " <span class=\"badge st-late\" id=\"so-cho-duyet\">");
				html_int(h, n);
				H(h, "</span>");
			}
			H(h, "</a>");
		} else if (page_role_in(r, ROLE_OFFICE)) {
			H(h, "<a href=\"/approvals\">Trình ký</a>");
		}
		if (page_role_in(r, ROLE_REPORTER))
			H(h, "<a href=\"/don-vi\">Báo cáo của đơn vị</a>");
		if (page_role_in(r, R_STAFF))
			H(h, "<a href=\"/audit\">Nhật ký</a>");
		if (page_role_in(r, R_ADMIN))
			H(h, "<a href=\"/admin\">Quản trị</a>");
		H(h, "</nav><form class=\"logout\" method=\"post\" action=\"/logout\">");
		page_csrf(r, h);
		H(h, "<span class=\"who\">");
		html_text(h, r->acct.full_name[0] ? r->acct.full_name : r->acct.login);
		H(h, "</span> <button type=\"submit\">Đăng xuất</button></form>");
	}
	H(h, "</header><main>");
}

void page_end(struct http_req *r, struct html *h)
{
	H(h,
	  "</main><footer>dondoc — theo dõi, đôn đốc thực hiện kết luận</footer></body></html>\n");
}

void page_csrf(struct http_req *r, struct html *h)
{
	H(h, "<input type=\"hidden\" name=\"_csrf\" value=\"");
	html_text(h, r->csrf);
	H(h, "\">");
}

int page_error(struct http_req *r, int code)
{
	struct html h;
	int status = err_http(code);

	page_begin(r, &h,
		   code == ERR_NOMEM ? "Hết bộ nhớ"
		   : status == 503   ? "Hệ thống đang bận"
				     : "Lỗi");
	H(&h, "<section class=\"error\"><h1>");
	if (status == 503)
		H(&h, "Hệ thống tạm thời chưa phục vụ được");
	else if (status == 404)
		H(&h, "Không tìm thấy");
	else if (status == 403)
		H(&h, "Không có quyền");
	else if (status == 401)
		H(&h, "Cần đăng nhập");
	else if (status == 400)
		H(&h, "Dữ liệu gửi lên không hợp lệ");
	else if (status == 413)
		H(&h, "Dữ liệu gửi lên quá lớn");
	else
		H(&h, "Đã có lỗi");
	H(&h, "</h1><p>");
	html_text(&h, err_msg(&r->err, code));
	H(&h, "</p>");
	if (r->nferr) {
		H(&h, "<ul class=\"fields\">");
		for (int i = 0; i < r->nferr; i++) {
			H(&h, "<li>");
			if (r->ferr[i].name && r->ferr[i].name[0]) {
				H(&h, "<code>");
				html_text(&h, r->ferr[i].name);
				H(&h, "</code>: ");
			}
			html_text(&h, r->ferr[i].msg);
			H(&h, "</li>");
		}
		H(&h, "</ul>");
	}
	if (code == ERR_NOMEM)
		H(&h, "<p>Không có thay đổi nào được ghi dở dang; hãy thử lại sau ít phút hoặc báo "
		      "quản trị viên.</p>");
	else if (status == 503)
		H(&h, "<p>Cơ sở dữ liệu đang bận hoặc đầy. Không có thay đổi nào được ghi dở dang; "
		      "hãy thử lại sau ít phút hoặc báo quản trị viên.</p>");
	if (status == 401)
		H(&h, "<p><a href=\"/login\">Đăng nhập</a></p>");
	else
		H(&h, "<p><a href=\"/\">Về trang tổng quan</a></p>");
	H(&h, "</section>");
	page_end(r, &h);
	return h.err;
}

void page_admin_menu(struct http_req *r, struct html *h, const char *current)
{
	static const struct {
		const char *path, *label;
	} items[] = {
	    {"/admin", "Tài khoản"},
	    {"/admin/bodies", "Cơ quan"},
	    {"/admin/terms", "Nhiệm kỳ"},
	    {"/admin/organs", "Cơ quan họp"},
	    {"/admin/units", "Đơn vị"},
	    {"/admin/people", "Cán bộ"},
	    {"/admin/recipient-groups", "Nơi nhận"},
	    {"/admin/profiles", "Thể thức"},
	};

	H(h, "<nav class=\"sub\" aria-label=\"Quản trị\">");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		H(h, "<a href=\"");
		html_text(h, items[i].path);
		H(h, "\"");
		if (current && strcmp(current, items[i].path) == 0)
			H(h, " aria-current=\"page\"");
		H(h, ">");
		html_text(h, items[i].label);
		H(h, "</a>");
	}
	H(h, "</nav>");
}

int page_options(struct http_req *r, struct html *h, enum read_choice c, const char *selected)
{
	struct read_option *o;
	size_t n;
	int rc = read_choices(r->db, &r->acct, c, r->arena, &o, &n);

	for (size_t i = 0; rc == 0 && i < n; i++) {
		H(h, "<option value=\"");
		html_text(h, o[i].value);
		H(h, "\"");
		if (selected && o[i].value && strcmp(selected, o[i].value) == 0)
			H(h, " selected");
		H(h, ">");
		html_text(h, o[i].label);
		if (o[i].group) {
			H(h, " (");
			html_text(h, o[i].group);
			H(h, ")");
		}
		H(h, "</option>");
	}
	return rc;
}

void page_choices(struct http_req *r, struct html *h, const struct page_choice *c,
		  const char *selected)
{
	for (; c->value; c++) {
		H(h, "<option value=\"");
		html_text(h, c->value);
		H(h, "\"");
		if (selected && strcmp(selected, c->value) == 0)
			H(h, " selected");
		H(h, ">");
		html_text(h, c->label);
		H(h, "</option>");
	}
}

void page_field_msg(struct http_req *r, struct html *h, const char *name)
{
	/* One message per field: the first says what is wrong. */
	for (int i = 0; i < r->nferr; i++) {
		if (r->ferr[i].name && strcmp(r->ferr[i].name, name) == 0) {
			H(h, "<span class=\"ferr\" id=\"ferr-");
			html_text(h, name);
			H(h, "\">");
			html_text(h, r->ferr[i].msg);
			H(h, "</span>");
			return;
		}
	}
}

void page_form_errors(struct http_req *r, struct html *h)
{
	bool any = false;

	for (int i = 0; i < r->nferr; i++) {
		if (r->ferr[i].name && r->ferr[i].name[0])
			continue;
		if (!any)
			H(h, "<div class=\"error\" role=\"alert\"><ul>");
		any = true;
		H(h, "<li>");
		html_text(h, r->ferr[i].msg);
		H(h, "</li>");
	}
	if (any)
		H(h, "</ul></div>");
	else if (r->nferr)
		H(h, "<div class=\"error\" role=\"alert\">Dữ liệu chưa hợp lệ: xem thông báo bên "
		     "cạnh từng ô.</div>");
}

void page_input(struct http_req *r, struct html *h, const char *name, const char *label,
		enum page_input_kind kind, bool required)
{
	H(h, "<label><span>");
	html_text(h, label);
	if (required)
		H(h, " <abbr title=\"bắt buộc\">*</abbr>");
	H(h, "</span>");
	H(h, " <input name=\"");
	html_text(h, name);
	H(h, "\"");
	switch (kind) {
	case PI_TEXT:
		break;
	case PI_DATE:
		H(h, " type=\"date\"");
		break;
	case PI_NUMBER:
		H(h, " type=\"number\" min=\"1\"");
		break;
	case PI_DECIMAL:
		H(h, " inputmode=\"decimal\"");
		break;
	case PI_EMAIL:
		H(h, " type=\"email\"");
		break;
	case PI_PASSWORD:
		H(h, " type=\"password\" autocomplete=\"new-password\" minlength=\"8\"");
		break;
	}
	if (required)
		H(h, " required");
	if (kind != PI_PASSWORD && http_arg(r, name)) {
		H(h, " value=\"");
		html_text(h, http_arg(r, name));
		H(h, "\"");
	}
	H(h, ">");
	page_field_msg(r, h, name);
	H(h, "</label>");
}

void page_select_begin(struct http_req *r, struct html *h, const char *name, const char *label,
		       bool required)
{
	H(h, "<label><span>");
	html_text(h, label);
	if (required)
		H(h, " <abbr title=\"bắt buộc\">*</abbr>");
	H(h, "</span>");
	H(h, " <select name=\"");
	html_text(h, name);
	H(h, "\"");
	if (required)
		H(h, " required");
	H(h, ">");
}

void page_select_end(struct http_req *r, struct html *h, const char *name)
{
	H(h, "</select>");
	page_field_msg(r, h, name);
	H(h, "</label>");
}

int page_select_db(struct http_req *r, struct html *h, const char *name, const char *label,
		   const char *none, enum read_choice c)
{
	int rc;

	page_select_begin(r, h, name, label, !none);
	if (none) {
		H(h, "<option value=\"\">");
		html_text(h, none);
		H(h, "</option>");
	}
	rc = page_options(r, h, c, http_arg(r, name));
	page_select_end(r, h, name);
	return rc;
}

int page_tx_end(struct http_req *r, int rc)
{
	return tx_end(r->db, rc, &r->err);
}

int page_form_refused(struct http_req *r, int rc, const char *field,
		      int (*render)(struct http_req *r))
{
	const char *m;

	if (rc != ERR_INVAL && rc != ERR_EXISTS && rc != ERR_NOTFOUND && rc != ERR_LOCKED)
		return rc;
	m = arena_strdup(r->arena, err_msg(&r->err, rc));
	http_field_error(r, rc == ERR_EXISTS && field ? field : "", m ? m : "");
	r->status = rc == ERR_EXISTS || rc == ERR_LOCKED ? 409 : 400;
	return render(r);
}

int page_form_again(struct http_req *r, int (*render)(struct http_req *r))
{
	r->status = 400;
	return render(r);
}

void page_table_begin(struct page_table *t, struct html *h, const char *cls,
		      const char *const *cols, int ncol)
{
	t->h = h;
	t->cols = cols;
	t->ncol = ncol;
	t->col = -1;
	t->row = false;
	t->th = false;
	H(h, "<table");
	if (cls) {
		H(h, " class=\"");
		html_text(h, cls);
		H(h, "\"");
	}
	H(h, "><thead><tr>");
	for (int i = 0; i < ncol; i++) {
		H(h, "<th>");
		html_text(h, cols[i]);
		H(h, "</th>");
	}
	H(h, "</tr></thead><tbody>");
}

/* Closes the open cell, or opens the row when none is; col becomes the next cell's. */
static void table_next(struct page_table *t)
{
	if (!t->row)
		H(t->h, "<tr>");
	else if (t->col >= 0 && t->th)
		H(t->h, "</th>");
	else if (t->col >= 0)
		H(t->h, "</td>");
	t->row = true;
	t->th = false;
	t->col++;
}

void page_tr(struct page_table *t, const char *cls)
{
	page_tr_end(t);
	H(t->h, "<tr class=\"");
	html_text(t->h, cls);
	H(t->h, "\">");
	t->row = true;
}

void page_td(struct page_table *t, const char *cls)
{
	table_next(t);
	H(t->h, "<td");
	if (cls) {
		H(t->h, " class=\"");
		html_text(t->h, cls);
		H(t->h, "\"");
	}
	if (t->col < t->ncol && t->cols[t->col] && t->cols[t->col][0]) {
		H(t->h, " data-label=\"");
		html_text(t->h, t->cols[t->col]);
		H(t->h, "\"");
	}
	H(t->h, ">");
}

void page_th_row(struct page_table *t)
{
	table_next(t);
	H(t->h, "<th scope=\"row\">");
	t->th = true;
}

void page_tr_end(struct page_table *t)
{
	if (!t->row)
		return;
	if (t->col >= 0 && t->th)
		H(t->h, "</th>");
	else if (t->col >= 0)
		H(t->h, "</td>");
	H(t->h, "</tr>");
	t->row = false;
	t->th = false;
	t->col = -1;
}

void page_table_group(struct page_table *t)
{
	page_tr_end(t);
	H(t->h, "</tbody><tbody>");
}

void page_table_empty(struct page_table *t, const char *text)
{
	page_tr_end(t);
	H(t->h, "<tr class=\"empty\"><td colspan=\"");
	html_int(t->h, t->ncol);
	H(t->h, "\" class=\"muted\">");
	html_text(t->h, text);
	H(t->h, "</td></tr>");
}

void page_table_end(struct page_table *t)
{
	page_tr_end(t);
	H(t->h, "</tbody></table>");
}
