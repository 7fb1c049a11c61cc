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
			     "tiêu</a><a href=\"/search\">Tìm kiếm</a>");
		H(h, "<a href=\"/tasks\">Nhiệm vụ</a>");
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

	page_begin(r, &h, status == 503 ? "Hệ thống đang bận" : "Lỗi");
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
	if (status == 503)
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
