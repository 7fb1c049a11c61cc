/* page_admin.c: administration: accounts (list, add, new password, disable, enable). */
#include <string.h>

#include "pages/pages.h"

const struct http_field page_user_fields[] = {
    {"login", HF_TEXT, true, 63, NULL, "Tên đăng nhập"},
    {"full_name", HF_TEXT, false, 120, NULL, "Họ và tên"},
    {"role", HF_ENUM, true, 0, "admin|office|member|reporter|viewer", "Vai trò"},
    {"unit", HF_INT, false, 0, NULL, "Đơn vị"},
    {"body", HF_INT, false, 0, NULL, "Cơ quan"},
    {"password", HF_SECRET, true, ACCOUNT_PW_MAX, NULL, "Mật khẩu"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_user_passwd_fields[] = {
    {"new_password", HF_SECRET, true, ACCOUNT_PW_MAX, NULL, "Mật khẩu mới"},
    {NULL, 0, false, 0, NULL, NULL},
};

const struct http_field page_user_disable_fields[] = {
    {"confirm", HF_ENUM, true, 0, "yes", "Ô xác nhận khóa tài khoản"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* A user's row: a new password, and disabling (not one's own account). */
static void user_actions(struct http_req *r, struct html *h, int64_t id)
{
	H(h, "<form class=\"inline\" method=\"post\" action=\"/admin/users/");
	html_int(h, id);
	H(h, "/password\">");
	page_csrf(r, h);
	H(h, "<label>Mật khẩu mới <input name=\"new_password\" type=\"password\" "
	     "autocomplete=\"new-password\" required minlength=\"8\"></label>");
	if (strcmp(r->path, "/admin") != 0 && r->id[0] == id)
		page_field_msg(r, h, "new_password");
	H(h, "<button type=\"submit\">Đổi mật khẩu</button></form>");
	if (id == r->acct.id)
		return;
	H(h, "<form class=\"inline\" method=\"post\" action=\"/admin/users/");
	html_int(h, id);
	H(h, "/disable\">");
	page_csrf(r, h);
	/* Disabling ends its sessions and revokes its tokens: a ticked box first, without script. */
	H(h, "<label><input type=\"checkbox\" name=\"confirm\" value=\"yes\" required> chắc "
	     "chắn</label>");
	if (strcmp(r->path, "/admin") != 0 && r->id[0] == id)
		page_field_msg(r, h, "confirm");
	H(h, "<button type=\"submit\" class=\"danger\">Khóa tài khoản</button></form>");
}

int page_admin(struct http_req *r)
{
	static const char *const cols[] = {"Tên đăng nhập", "Họ tên",	  "Vai trò",
					   "Phạm vi",	    "Trạng thái", "Đổi mật khẩu, khóa"};
	struct page_table tb;
	struct read_account *x;
	struct html h;
	size_t n;
	int rc;

	page_begin(r, &h, "Quản trị");
	page_admin_menu(r, &h, "/admin");
	H(&h, "<h1>Quản trị tài khoản</h1>");
	if (strcmp(r->path, "/admin/users") != 0)
		page_form_errors(r, &h);
	page_table_begin(&tb, &h, NULL, cols, PAGE_NCOL(cols));
	/* A scoped admin sees the accounts inside its scope, and its own. */
	rc = read_accounts(r->db, &r->acct, r->arena, &x, &n);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		page_td(&tb, NULL);
		html_text(&h, x[i].login);
		page_td(&tb, NULL);
		html_text(&h, x[i].full_name);
		page_td(&tb, NULL);
		html_text(&h, x[i].role_name);
		page_td(&tb, NULL);
		html_text(&h, x[i].bodies ? x[i].bodies : "mọi cơ quan");
		if (x[i].unit) {
			H(&h, "<br>Đơn vị: ");
			html_text(&h, x[i].unit);
		}
		page_td(&tb, NULL);
		if (x[i].disabled)
			H(&h, "đã khóa");
		else
			H(&h, "hoạt động");
		page_td(&tb, NULL);
		if (!x[i].disabled) {
			user_actions(r, &h, x[i].id);
		} else {
			H(&h, "<form class=\"inline\" method=\"post\" action=\"/admin/users/");
			html_int(&h, x[i].id);
			H(&h, "/enable\">");
			page_csrf(r, &h);
			H(&h, "<button type=\"submit\">Mở khóa</button></form>");
		}
		page_tr_end(&tb);
	}
	if (rc < 0)
		return rc;
	page_table_end(&tb);
	H(&h, "<p class=\"muted\">Cơ quan và đơn vị để giao phạm vi cho tài khoản: xem và thêm ở "
	      "<a href=\"/admin/bodies\">Cơ quan</a> và <a href=\"/admin/units\">Đơn vị</a>.</p>");
	H(&h, "<h2 id=\"them\">Thêm tài khoản</h2>");
	if (strcmp(r->path, "/admin/users") == 0)
		page_form_errors(r, &h);
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/admin/users\">");
	page_csrf(r, &h);
	page_input(r, &h, "login", "Tên đăng nhập (a-z, 0-9, . _ -)", PI_TEXT, true);
	page_input(r, &h, "full_name", "Họ và tên", PI_TEXT, false);
	rc = page_select_db(r, &h, "role", "Vai trò", NULL, READ_CHOICE_ROLES);
	if (rc == 0)
		rc = page_select_db(r, &h, "body", "Cơ quan",
				    account_is_global(r->db, &r->acct) ? "(mọi cơ quan)" : NULL,
				    READ_CHOICE_BODIES);
	if (rc == 0)
		rc = page_select_db(r, &h, "unit", "Đơn vị (cho tài khoản đơn vị báo cáo)",
				    "(không)", READ_CHOICE_UNITS);
	if (rc < 0)
		return rc;
	page_input(r, &h, "password", "Mật khẩu (ít nhất 8 ký tự)", PI_PASSWORD, true);
	H(&h, "<button type=\"submit\">Thêm</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_admin_user_add(struct http_req *r)
{
	int64_t body = http_arg_int(r, "body", 0), id;
	int rc;

	if (r->nferr)
		return page_form_again(r, page_admin);
	/* account_add runs its own transaction and keeps a scoped admin inside its scope. */
	rc = account_add(r->db, &r->acct, http_arg(r, "login"), http_arg(r, "full_name"),
			 http_arg(r, "role"), http_arg_int(r, "unit", 0), &body, body > 0 ? 1 : 0,
			 http_arg(r, "password"), &id, &r->err);
	if (rc < 0)
		return page_form_refused(r, rc, "login", page_admin);
	return http_redirect(r, "/admin");
}

/*
 * The account in the path; ERR_NOTFOUND naming the id, for an account
 * outside the admin's scope too: it is not in the admin's list either.
 */
static int path_login(struct http_req *r, struct account *ret)
{
	int rc = account_manages(r->db, &r->acct, r->id[0], &r->err);

	if (rc == 0)
		rc = account_get(r->db, r->id[0], ret, &r->err);
	if (rc == ERR_NOTFOUND || rc == ERR_PERM)
		return err_set(&r->err, ERR_NOTFOUND, "Không có tài khoản số %lld",
			       (long long)r->id[0]);
	return rc;
}

int page_admin_user_passwd(struct http_req *r)
{
	struct account a;
	int rc;

	rc = path_login(r, &a);
	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_admin);
	/* account_passwd runs its own transaction and ends the account's sessions. */
	rc = account_passwd(r->db, &r->acct, a.login, http_arg(r, "new_password"), &r->err);
	if (rc == ERR_INVAL) {
		const char *m = arena_strdup(r->arena, err_msg(&r->err, rc));

		http_field_error(r, "new_password", m ? m : "");
		return page_form_again(r, page_admin);
	}
	if (rc < 0)
		return page_form_refused(r, rc, NULL, page_admin);
	return http_redirect(r, "/admin");
}

int page_admin_user_disable(struct http_req *r)
{
	struct account a;
	int rc;

	rc = path_login(r, &a);
	if (rc < 0)
		return rc;
	if (r->nferr)
		return page_form_again(r, page_admin);
	if (a.id == r->acct.id) {
		http_field_error(r, "",
				 "Không thể tự khóa tài khoản đang dùng: hãy nhờ quản trị "
				 "viên khác.");
		return page_form_again(r, page_admin);
	}
	/* account_disable runs its own transaction: sessions ended, API tokens revoked. */
	rc = account_disable(r->db, &r->acct, a.login, &r->err);
	if (rc < 0)
		return page_form_refused(r, rc, NULL, page_admin);
	return http_redirect(r, "/admin");
}

int page_admin_user_enable(struct http_req *r)
{
	struct account a;
	int rc = path_login(r, &a);

	if (rc == 0)
		rc = account_enable(r->db, &r->acct, a.login, &r->err);
	if (rc < 0)
		return rc;
	return http_redirect(r, "/admin");
}
