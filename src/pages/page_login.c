/* page_login.c: the login form, login with throttling, and logout. */
#include <string.h>
#include <time.h>

#include "pages/pages.h"

const struct http_field page_login_fields[] = {
    {"login", HF_TEXT, false, 63, NULL, "Tên đăng nhập"},
    {"password", HF_SECRET, false, ACCOUNT_PW_MAX, NULL, "Mật khẩu"},
    {NULL, 0, false, 0, NULL, NULL},
};

/* The form, with a fresh pre-login CSRF token in both a cookie and a hidden input. */
static int login_form(struct http_req *r, const char *msg)
{
	struct html h;
	char tok[65];

	account_random_hex(tok);
	r->set_cookie[0] =
	    arena_printf(r->arena, "dd_login=%s; Path=/login; HttpOnly; SameSite=Strict%s", tok,
			 http_cookie_secure(r));
	memcpy(r->csrf, tok, sizeof(tok));
	page_begin(r, &h, "Đăng nhập");
	H(&h, "<h1>Đăng nhập</h1>");
	if (msg) {
		H(&h, "<p class=\"error\">");
		html_text(&h, msg);
		H(&h, "</p>");
	}
	H(&h, "<form class=\"stack\" method=\"post\" action=\"/login\">");
	page_csrf(r, &h);
	H(&h, "<label>Tên đăng nhập <input name=\"login\" autocomplete=\"username\" required "
	      "value=\"");
	html_text(&h, http_arg(r, "login"));
	H(&h, "\"></label><label>Mật khẩu <input name=\"password\" type=\"password\" "
	      "autocomplete=\"current-password\" required></label>"
	      "<button type=\"submit\">Đăng nhập</button></form>");
	page_end(r, &h);
	return h.err;
}

int page_login_form(struct http_req *r)
{
	if (r->logged_in)
		return http_redirect(r, "/");
	return login_form(r, NULL);
}

int page_login(struct http_req *r)
{
	const char *login = http_arg(r, "login"), *pw = http_arg(r, "password");
	char token[65], csrf[65];
	struct account a;
	int64_t now = time(NULL);
	int rc;

	if (!login || !*login || !pw || !*pw) {
		r->status = 400;
		return login_form(r, "Hãy nhập tên đăng nhập và mật khẩu");
	}
	rc = account_login(r->db, login, pw, r->client, now, &a, &r->err);
	if (rc == ERR_PERM) {
		/* Throttled: this address must wait before trying this login again. */
		int64_t wait = 0;

		if (account_login_wait(r->db, login, r->client, now, &wait) == 0)
			r->retry_after = (int)wait;
		r->status = 429;
		return login_form(r, err_msg(&r->err, rc));
	}
	if (rc == ERR_AUTH) {
		r->status = err_http(rc);
		return login_form(r, err_msg(&r->err, rc));
	}
	if (rc < 0)
		return rc;
	rc = account_session_new(r->db, a.id, now, token, csrf, &r->err);
	if (rc < 0)
		return rc;
	r->set_cookie[0] =
	    arena_printf(r->arena, "dd_session=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d%s",
			 token, ACCOUNT_SESSION_SECONDS, http_cookie_secure(r));
	r->set_cookie[1] =
	    arena_printf(r->arena, "dd_login=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0%s",
			 http_cookie_secure(r));
	return http_redirect(r, "/");
}

int page_logout(struct http_req *r)
{
	const char *tok = http_cookie(r, "dd_session");
	int rc = tok ? account_session_end(r->db, tok) : 0;

	if (rc < 0)
		return rc;
	r->set_cookie[0] =
	    arena_printf(r->arena, "dd_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0%s",
			 http_cookie_secure(r));
	return http_redirect(r, "/login");
}
