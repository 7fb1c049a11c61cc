/* test_http.c: the real server on an ephemeral port, driven with libcurl: routes, limits, roles × routes × scope. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <curl/curl.h>
#include <zip.h>

#include "core/sessionwork/sessionwork.h"
#include "http/http.h"
#include "web/web.h"
#include "render/docview.h"
#include "web_fixture.h"

static char store[256];
static struct http_server *srv;
static char base[64];
/* The test server believes X-Forwarded-For and -Proto from 127.0.0.1 only. */
static const char *const trusted[] = {"127.0.0.1"};
/*
 * Set by a test for its next requests: the source address to connect from
 * (127.0.0.2 is on Linux's loopback too), a second extra header, the CA of
 * an HTTPS server.
 */
static const char *req_iface, *req_header2, *req_ca;

struct resp {
	long status;
	struct buf body, headers;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	return buf_add(ud, p, size * n) == 0 ? size * n : 0;
}

/* One request; cookie and extra header may be NULL; body NULL for GET. */
static void req(const char *method, const char *path, const char *cookie, const char *ctype,
		const char *body, size_t bodylen, const char *header, struct resp *r)
{
	CURL *c = curl_easy_init();
	struct curl_slist *hs = NULL;
	char url[512], line[512];

	buf_init(&r->body, 32u << 20);
	buf_init(&r->headers, 1u << 20);
	snprintf(url, sizeof(url), "%s%s", base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	if (cookie)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (ctype) {
		snprintf(line, sizeof(line), "Content-Type: %s", ctype);
		hs = curl_slist_append(hs, line);
	}
	if (header)
		hs = curl_slist_append(hs, header);
	if (req_header2)
		hs = curl_slist_append(hs, req_header2);
	if (req_iface)
		curl_easy_setopt(c, CURLOPT_INTERFACE, req_iface);
	if (req_ca)
		curl_easy_setopt(c, CURLOPT_CAINFO, req_ca);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)bodylen);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	r->status = 0;
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(c);
}

static void resp_free(struct resp *r)
{
	buf_free(&r->body);
	buf_free(&r->headers);
}

/* The 64 hex digits following marker in s, into out. */
static void grab_hex(const char *s, const char *marker, char out[65])
{
	const char *p = strstr(s, marker);

	assert_non_null(p);
	memcpy(out, p + strlen(marker), 64);
	out[64] = '\0';
}

/* A logged-in client: its cookie header and its CSRF token. */
struct client {
	char cookie[128], csrf[65];
};

static void login_fresh(const char *who, struct client *cl)
{
	struct resp r;
	char pre[65], form[256], cookie[128];

	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=pw-%s-123", pre, who, who);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	assert_int_equal(r.status, 303);
	grab_hex(buf_str(&r.headers), "dd_session=", pre);
	resp_free(&r);
	snprintf(cl->cookie, sizeof(cl->cookie), "dd_session=%s", pre);
	req("GET", "/", cl->cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	grab_hex(buf_str(&r.body), "name=\"_csrf\" value=\"", cl->csrf);
	resp_free(&r);
}

/* Logged-in clients are kept for the whole run: a login costs an Argon2id hash. */
static struct {
	char who[16];
	struct client cl;
} clients[8];

static void login(const char *who, struct client *cl)
{
	size_t i;

	for (i = 0; i < 8 && clients[i].who[0]; i++) {
		if (strcmp(clients[i].who, who) == 0) {
			*cl = clients[i].cl;
			return;
		}
	}
	login_fresh(who, cl);
	if (i < 8) {
		snprintf(clients[i].who, sizeof(clients[i].who), "%s", who);
		clients[i].cl = *cl;
	}
}

static int setup(void **state)
{
	struct http_config cfg = {.app = &web_app,
				  .listen = "127.0.0.1:0",
				  .threads = 4,
				  .quiet = true,
				  .trusted_proxies = trusted,
				  .ntrusted_proxies = 1};
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-http-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0)
		return -1;
	cfg.db_path = store;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (http_start(&cfg, &srv, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	snprintf(base, sizeof(base), "http://127.0.0.1:%u", http_port(srv));
	return 0;
}

static int teardown(void **state)
{
	http_stop(srv);
	dv_render_release();
	curl_global_cleanup();
	db_remove(store, true, NULL);
	return 0;
}

static void every_response_carries_the_security_headers(void **state)
{
	static const char *const paths[] = {"/login", "/nowhere", "/static/dondoc.css", "/",
					    "/api/v1"};

	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct resp r;

		req("GET", paths[i], NULL, NULL, NULL, 0, NULL, &r);
		assert_non_null(
		    strstr(buf_str(&r.headers), "Content-Security-Policy: default-src 'none'"));
		assert_non_null(strstr(buf_str(&r.headers), "X-Content-Type-Options: nosniff"));
		assert_non_null(strstr(buf_str(&r.headers), "X-Frame-Options: DENY"));
		resp_free(&r);
	}
}

static void anonymous_visitors_are_sent_to_login(void **state)
{
	struct resp r;

	req("GET", "/sessions", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(buf_str(&r.headers), "Location: /login"));
	resp_free(&r);
	req("GET", "/api/v1/sessions", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 401);
	assert_non_null(strstr(buf_str(&r.body), "\"ERR_AUTH\""));
	resp_free(&r);
	req("GET", "/nowhere", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	req("DELETE", "/sessions", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 405);
	resp_free(&r);
}

static void session_cookie_is_httponly_and_samesite(void **state)
{
	struct resp r;
	char pre[65], form[200], cookie[100];

	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=member&password=pw-member-123", pre);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(buf_str(&r.headers), "HttpOnly; SameSite=Lax"));
	resp_free(&r);
	/* Without the pre-login token the same form is refused. */
	snprintf(form, sizeof(form), "login=member&password=pw-member-123");
	req("POST", "/login", NULL, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
}

static void wrong_password_is_refused_in_vietnamese(void **state)
{
	struct resp r;
	char pre[65], form[200], cookie[100];

	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=viewer3&password=nope", pre);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	assert_int_equal(r.status, 401);
	assert_non_null(strstr(buf_str(&r.body), "mật khẩu không đúng"));
	resp_free(&r);
}

/*
 * One login attempt through the form (GET /login for its token, then POST),
 * from req_iface with header (may be NULL) on both requests.
 */
static void try_login(const char *who, const char *pw, const char *header, struct resp *r)
{
	struct resp f;
	char pre[65], form[200], cookie[100];

	req("GET", "/login", NULL, NULL, NULL, 0, header, &f);
	assert_int_equal(f.status, 200);
	grab_hex(buf_str(&f.headers), "dd_login=", pre);
	resp_free(&f);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=%s", pre, who, pw);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form),
	    header, r);
}

/*
 * Wrong passwords slow down their own address for that login, with growing
 * waits (429 and Retry-After), and never stop the right password from another
 * address: no one can lock an account out. Direct from 127.0.0.2, then
 * through the trusted proxy (127.0.0.1) with X-Forwarded-For.
 */
static void wrong_passwords_from_one_address_never_lock_out_another(void **state)
{
	static const char *const sources[][2] = {
	    /* connect from, header naming the client */
	    {"127.0.0.2", NULL},
	    {NULL, "X-Forwarded-For: 203.0.113.7, 10.1.2.3"},
	};
	struct resp r;

	for (size_t k = 0; k < 2; k++) {
		int wrong = 0, waits = 0;
		long ra;

		/* Eight wrong passwords, each checked: the attacker waits as told between them. */
		while (wrong < 8) {
			req_iface = sources[k][0];
			try_login("viewer3", "doan-mo", sources[k][1], &r);
			req_iface = NULL;
			if (r.status == 401) {
				wrong++;
			} else {
				const char *h = strstr(buf_str(&r.headers), "Retry-After: ");

				assert_int_equal(r.status, 429);
				/* Only past the free failures, never longer than the doubled delay. */
				assert_true(wrong >= ACCOUNT_FAIL_FREE_PAIR);
				assert_non_null(strstr(buf_str(&r.body), "thử lại sau"));
				assert_non_null(h);
				ra = strtol(h + 13, NULL, 10);
				assert_true(ra >= 1 &&
					    ra <= 1L << (wrong - ACCOUNT_FAIL_FREE_PAIR));
				waits++;
				sleep((unsigned)ra);
			}
			resp_free(&r);
		}
		/* Whole seconds: the 1 s wait may be over by the next try, the 4 s one is not. */
		assert_true(waits >= 1);
		/* The attacking address waits even with the right password (8 s after its 8th)... */
		req_iface = sources[k][0];
		try_login("viewer3", "pw-viewer3-123", sources[k][1], &r);
		req_iface = NULL;
		assert_int_equal(r.status, 429);
		ra = strtol(strstr(buf_str(&r.headers), "Retry-After: ") + 13, NULL, 10);
		assert_true(ra >= 4 && ra <= 8);
		resp_free(&r);
		if (k == 0) {
			/* X-Forwarded-For from a peer that is no trusted proxy is not believed. */
			req_iface = "127.0.0.2";
			try_login("viewer3", "pw-viewer3-123", "X-Forwarded-For: 10.1.2.5", &r);
			req_iface = NULL;
			assert_int_equal(r.status, 429);
			resp_free(&r);
		}
		/* ...while the account's owner, elsewhere, logs in at once. */
		try_login("viewer3", "pw-viewer3-123", k == 0 ? NULL : "X-Forwarded-For: 10.1.2.4",
			  &r);
		assert_int_equal(r.status, 303);
		assert_non_null(strstr(buf_str(&r.headers), "dd_session="));
		resp_free(&r);
	}
}

/* The cookies are Secure when the trusted proxy says the client came over https. */
static void cookies_are_secure_behind_an_https_proxy(void **state)
{
	struct resp r;

	req("GET", "/login", NULL, NULL, NULL, 0, "X-Forwarded-Proto: https", &r);
	assert_non_null(strstr(buf_str(&r.headers), "SameSite=Strict; Secure"));
	resp_free(&r);
	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.headers), "dd_login="));
	assert_null(strstr(buf_str(&r.headers), "Secure"));
	resp_free(&r);
	/* From an untrusted peer the header means nothing. */
	req_iface = "127.0.0.2";
	req("GET", "/login", NULL, NULL, NULL, 0, "X-Forwarded-Proto: https", &r);
	req_iface = NULL;
	assert_non_null(strstr(buf_str(&r.headers), "dd_login="));
	assert_null(strstr(buf_str(&r.headers), "Secure"));
	resp_free(&r);
	try_login("member", "pw-member-123", "X-Forwarded-Proto: https", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(
	    strstr(buf_str(&r.headers), "HttpOnly; SameSite=Lax; Max-Age=43200; Secure"));
	resp_free(&r);
}

static void malformed_input_gets_400_naming_the_field(void **state)
{
	struct client adm;
	struct resp r;
	char form[300], hdr[100];

	login("admin", &adm);
	req("GET", "/api/v1/sessions?limit=0", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"limit\""));
	resp_free(&r);
	req("GET", "/api/v1/documents?modified_since=hôm%20qua", adm.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"modified_since\""));
	resp_free(&r);
	req("GET", "/documents?limit=999", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>limit</code>"));
	resp_free(&r);
	/* A date field takes the one rule of dates: a year 1930–2100, named with its field. */
	req("GET", "/tasks?as_of=0023-10-04", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "Tính đến ngày (as_of) không hợp lệ"));
	assert_non_null(strstr(buf_str(&r.body), "năm 0023 ngoài khoảng cho phép 1930–2100"));
	resp_free(&r);
	req("GET", "/tasks?as_of=2101-01-01", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	req("GET", "/tasks?as_of=2100-12-31", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	/* A form missing its login and with an unknown role. */
	snprintf(form, sizeof(form), "_csrf=%s&role=king&password=abcdefgh1", adm.csrf);
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-role\">Vai trò phải là một trong"));
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-login\">thiếu Tên đăng nhập"));
	resp_free(&r);
	/* Bad UTF-8 in a text field. */
	snprintf(form, sizeof(form),
		 "_csrf=%s&login=x&full_name=%%C3%%28&role=viewer&password=abcdefgh1", adm.csrf);
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "UTF-8"));
	resp_free(&r);
	/* Malformed JSON, with the CSRF token in its header. */
	snprintf(hdr, sizeof(hdr), "X-CSRF-Token: %s", adm.csrf);
	req("POST", "/admin/users", adm.cookie, "application/json", "{\"login\": ", 10, hdr, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "JSON không hợp lệ"));
	resp_free(&r);
	req("POST", "/admin/users", adm.cookie, "application/json", "{\"login\": [1]}", 14, hdr,
	    &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	/* A well-formed JSON body is taken like the form. */
	snprintf(form, sizeof(form),
		 "{\"login\":\"moi\",\"role\":\"viewer\",\"body\":2,\"password\":\"pw-moi-123\"}");
	req("POST", "/admin/users", adm.cookie, "application/json", form, strlen(form), hdr, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
}

static void unsafe_requests_need_the_csrf_token(void **state)
{
	struct client adm;
	struct resp r;
	const char *form = "login=nocsrf&role=viewer&password=abcdefgh1";

	login("admin", &adm);
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 403);
	assert_non_null(strstr(buf_str(&r.body), "CSRF"));
	resp_free(&r);
	req("POST", "/logout", adm.cookie, "application/x-www-form-urlencoded", "", 0, NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
}

static void oversize_bodies_get_413(void **state)
{
	struct client adm;
	struct resp r;
	size_t n = HTTP_MAX_BODY_DEFAULT + 10;
	char *big = malloc(n);

	login("admin", &adm);
	memset(big, 'a', n);
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", big, n, NULL,
	    &r);
	assert_int_equal(r.status, 413);
	resp_free(&r);
	free(big);
	/* The server is still there. */
	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

/* What each role gets for each route: 'a' allowed (200), 'n' not found (scope), 'f' forbidden. */
static const struct {
	const char *path;
	const char *expect; /* admin office member reporter viewer viewer3 */
} matrix[] = {
    {"/", "aaaaaa"},
    {"/sessions", "aaafaa"},
    {"/sessions/1", "aaafan"},
    {"/sessions/2", "annfna"},
    {"/documents", "aaafaa"},
    {"/documents/1", "aaafan"},
    {"/documents/2", "aaafnn"}, /* confidential, body 2 */
    {"/documents/3", "annfna"},
    {"/search?q=nong", "aaafaa"},
    {"/indicators", "aaafan"},
    {"/tasks", "aaaaaa"},
    {"/tasks/1", "aaaaan"},
    {"/tasks/2", "annnna"},
    {"/api/v1/tasks/1", "aaaaan"},
    {"/api/v1/tasks/2", "annnna"},
    {"/notices", "aaafaa"},
    {"/notices/1", "aaafan"},
    {"/notices/2", "annfna"},
    {"/notices/1/pdf", "aaafan"},
    {"/notices/1/docx", "aaafan"},
    {"/notices/2/pdf", "annfna"},
    {"/don-vi", "fffaff"},
    {"/admin", "afffff"},
    {"/audit", "aaffff"},
    {"/api/v1/audit", "aaffff"},
    {"/api/v1", "aaaaaa"},
    {"/api/v1/bodies", "aaafaa"},
    {"/api/v1/bodies/3", "annfna"},
    {"/api/v1/sessions", "aaafaa"},
    {"/api/v1/sessions/1", "aaafan"},
    {"/sessions/1/comments", "aaafan"},
    {"/api/v1/sessions/1/comments", "aaafan"},
    {"/imports", "aaffff"},
    {"/api/v1/documents/2", "aaafnn"},
    {"/ical/sessions.ics", "aaafaa"},
    {"/api/v1/indicators", "aaafaa"},
    {"/api/v1/indicator-values", "aaafan"},
    /* indicator entry and export */
    {"/indicators/entry?body=2&period=2023-T09", "aaffff"},
    {"/indicators/entry?body=3&period=2023-T09", "anffff"},
    {"/indicators/entry?body=99&period=2023-T09", "nnffff"},
    {"/indicators/xlsx?body=2&period=2023-T09", "aaafan"},
    {"/indicators/xlsx?body=3&period=2023-T09", "annfna"},
    /* administration */
    {"/admin/bodies", "afffff"},
    {"/admin/terms", "afffff"},
    {"/admin/organs", "afffff"},
    {"/admin/units", "afffff"},
    {"/admin/people", "afffff"},
    {"/admin/recipient-groups", "afffff"},
    {"/admin/profiles", "afffff"},
    /* API and feeds */
    {"/api/v1/terms", "aaafaa"},
    {"/api/v1/terms/1", "aaafan"},
    {"/api/v1/terms/2", "annfna"},
    {"/api/v1/agenda-items", "aaafaa"},
    {"/api/v1/agenda-items/1", "aaafan"},
    {"/api/v1/agenda-items/2", "aaafan"}, /* its document is confidential, the item is not */
    {"/api/v1/notices", "aaafaa"},
    {"/api/v1/notices/1", "aaafan"},
    {"/api/v1/notices/2", "annfna"},
    {"/api/v1/tasks/1/reports", "aaaaan"},
    {"/api/v1/tasks/2/reports", "annnna"},
    {"/api/v1/tasks/1/reports/1", "aaaaan"},
    {"/api/v1/tasks/1/reports/2", "nnnnnn"}, /* task 2's event, asked under task 1 */
    {"/ical/tasks.ics", "aaaaaa"},
};

static void role_route_scope_matrix(void **state)
{
	static const char *const who[] = {"admin",    "office", "member",
					  "reporter", "viewer", "viewer3"};
	struct client cl[6];

	for (int i = 0; i < 6; i++)
		login(who[i], &cl[i]);
	for (size_t m = 0; m < sizeof(matrix) / sizeof(matrix[0]); m++) {
		for (int i = 0; i < 6; i++) {
			struct resp r;
			long want = matrix[m].expect[i] == 'a'	 ? 200
				    : matrix[m].expect[i] == 'n' ? 404
								 : 403;

			req("GET", matrix[m].path, cl[i].cookie, NULL, NULL, 0, NULL, &r);
			if (r.status != want)
				fail_msg("%s as %s: got %ld, want %ld", matrix[m].path, who[i],
					 r.status, want);
			resp_free(&r);
		}
	}
}

static void confidential_documents_stay_out_of_lists(void **state)
{
	struct client member, viewer;
	struct resp r;

	login("member", &member);
	login("viewer", &viewer);
	req("GET", "/api/v1/documents", member.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "57-NQ/HU"));
	resp_free(&r);
	req("GET", "/api/v1/documents", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "56-NQ/HU"));
	assert_null(strstr(buf_str(&r.body), "57-NQ/HU"));
	resp_free(&r);
	req("GET", "/documents", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "57-NQ/HU"));
	resp_free(&r);
	/* The session page shows the agenda item but not a link to the secret document. */
	req("GET", "/sessions/1", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Nghị quyết 56-NQ/HU"));
	assert_null(strstr(buf_str(&r.body), "/documents/2"));
	resp_free(&r);
}

static void search_ignores_tones_and_keeps_secrets(void **state)
{
	struct client member, viewer;
	struct resp r;

	login("member", &member);
	login("viewer", &viewer);
	req("GET", "/search?q=nong+thon+moi", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	/* The document and the agenda item that names it, highlighted in the original spelling. */
	assert_non_null(
	    strstr(buf_str(&r.body), "<mark>nông</mark> <mark>thôn</mark> <mark>mới</mark>"));
	assert_non_null(strstr(buf_str(&r.body), "href=\"/documents/1\""));
	resp_free(&r);
	req("GET", "/search?q=NGHI+QUYET+56", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/sessions/1\""));
	resp_free(&r);
	req("GET", "/search?q=qu%E1%BB%91c+ph%C3%B2ng", member.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/documents/2\""));
	resp_free(&r);
	req("GET", "/search?q=quoc+phong", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "href=\"/documents/2\""));
	assert_non_null(strstr(buf_str(&r.body), "href=\"/sessions/1\""));
	resp_free(&r);
	/* Out of scope: Yên Thế's notice is not found from Tân Yên. */
	req("GET", "/search?q=ket+luan+phien+5", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Không tìm thấy"));
	resp_free(&r);
	/* FTS5 syntax typed into the box is only text. */
	req("GET", "/search?q=%22a%22+OR+NEAR(b*", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

static void indicators_show_figures_and_bars(void **state)
{
	struct client viewer;
	struct resp r;

	login("viewer", &viewer);
	req("GET", "/indicators?body=2&period=2023-T09", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "4.132"));
	assert_non_null(strstr(buf_str(&r.body), "6.076"));
	assert_non_null(strstr(buf_str(&r.body), "68%"));
	assert_non_null(strstr(buf_str(&r.body), "<svg class=\"chart\""));
	resp_free(&r);
	req("GET", "/", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Chỉ tiêu so với kế hoạch"));
	resp_free(&r);
	req("GET", "/api/v1/indicator-values?body=2&period=2023-T09", viewer.cookie, NULL, NULL, 0,
	    NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"value\":\"4132\""));
	assert_non_null(strstr(buf_str(&r.body), "\"pct_of_plan\":\"68\""));
	resp_free(&r);
	req("GET", "/indicators?period=2023-X1", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>period</code>"));
	resp_free(&r);
}

static void a_reporter_reports_progress_on_its_task(void **state)
{
	struct client rep, viewer;
	struct resp r;
	char form[300];

	login("reporter", &rep);
	login("viewer", &viewer);
	snprintf(form, sizeof(form), "_csrf=%s&text=%s&percent=60", rep.csrf,
		 "Đã gửi dự thảo lần 2");
	req("POST", "/tasks/1/report", rep.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	req("GET", "/", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Đã gửi dự thảo lần 2"));
	resp_free(&r);
	req("GET", "/tasks/1", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), ">60%</span>"));
	resp_free(&r);
	/* A progress over 100% is refused, saying so. */
	snprintf(form, sizeof(form), "_csrf=%s&text=x&percent=120", rep.csrf);
	req("POST", "/tasks/1/report", rep.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "tiến độ"));
	resp_free(&r);
	/* A report without text names the field; a viewer may not report at all. */
	snprintf(form, sizeof(form), "_csrf=%s&text=", rep.csrf);
	req("POST", "/tasks/1/report", rep.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>text</code>"));
	resp_free(&r);
	snprintf(form, sizeof(form), "_csrf=%s&text=x", viewer.csrf);
	req("POST", "/tasks/1/report", viewer.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	req("GET", "/api/v1/tasks", rep.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Hoàn thiện dự thảo quy chế"));
	assert_null(strstr(buf_str(&r.body), "Yên Thế"));
	resp_free(&r);
}

static void api_lists_paginate_with_links_next(void **state)
{
	struct client adm;
	struct resp r;

	login("admin", &adm);
	req("GET", "/api/v1/documents?limit=2", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"next\":\"/api/v1/documents?after=2&limit=2\""));
	resp_free(&r);
	req("GET", "/api/v1/documents?after=2&limit=2", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "12-TB/HU"));
	assert_null(strstr(buf_str(&r.body), "\"next\""));
	resp_free(&r);
	req("GET", "/api/v1/sessions?modified_since=2000-01-01", adm.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_non_null(strstr(buf_str(&r.body), "\"number\":26"));
	resp_free(&r);
	req("GET", "/api/v1/sessions?modified_since=2999-01-01T00:00:00Z", adm.cookie, NULL, NULL,
	    0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"data\":[]"));
	resp_free(&r);
}

static void api_tokens_work_without_cookies(void **state)
{
	struct db *db = NULL;
	struct err e = {0};
	struct resp r;
	char tok[65], hdr[100], path[120];

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(account_token_new(db, "office", "lich", tok, &e), 0);
	db_close(db);
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req("GET", "/api/v1/sessions", NULL, NULL, NULL, 0, hdr, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"number\":26"));
	resp_free(&r);
	snprintf(path, sizeof(path), "/ical/sessions.ics?token=%s", tok);
	req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "DTSTART;VALUE=DATE:20231004"));
	assert_non_null(strstr(buf_str(&r.body), "BEGIN:VCALENDAR\r\n"));
	resp_free(&r);
	req("GET", "/api/v1/sessions", NULL, NULL, NULL, 0,
	    "Authorization: Bearer "
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    &r);
	assert_int_equal(r.status, 401);
	resp_free(&r);
	/* The scheme is case-insensitive (RFC 7235). */
	snprintf(hdr, sizeof(hdr), "authorization: bearer %s", tok);
	req("GET", "/api/v1/sessions", NULL, NULL, NULL, 0, hdr, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	snprintf(hdr, sizeof(hdr), "Authorization: BEARER  %s", tok);
	req("GET", "/api/v1/sessions", NULL, NULL, NULL, 0, hdr, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	/* ?token= is for the iCal feeds only: elsewhere 401, saying to use the header. */
	snprintf(path, sizeof(path), "/api/v1/sessions?token=%s", tok);
	req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 401);
	assert_non_null(strstr(buf_str(&r.body), "Authorization: Bearer"));
	resp_free(&r);
	snprintf(path, sizeof(path), "/tasks?token=%s", tok);
	req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 401);
	resp_free(&r);
	snprintf(path, sizeof(path), "/ical/tasks.ics?token=%s", tok);
	req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "BEGIN:VCALENDAR"));
	resp_free(&r);
}

/* Ids past INT64_MAX, or written with a sign or a leading zero, are refused, never clamped. */
static void odd_ids_are_refused_not_clamped(void **state)
{
	static const char *const paths[] = {
	    "/tasks/99999999999999999999",
	    "/tasks/9223372036854775808",
	    "/tasks/+1",
	    "/tasks/01",
	    "/api/v1/tasks/99999999999999999999",
	};
	static const char *const fields[] = {
	    "/documents?after=99999999999999999999",
	    "/documents?after=9223372036854775808",
	    "/documents?limit=+5",
	    "/documents?limit=007",
	};
	struct client adm;
	struct resp r;

	login("admin", &adm);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		req("GET", paths[i], adm.cookie, NULL, NULL, 0, NULL, &r);
		if (r.status != 404)
			fail_msg("%s: %ld", paths[i], r.status);
		resp_free(&r);
	}
	/* The largest id is an id like any other: no such task. */
	req("GET", "/api/v1/tasks/9223372036854775807", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	assert_non_null(strstr(buf_str(&r.body), "ERR_NOTFOUND"));
	resp_free(&r);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		req("GET", fields[i], adm.cookie, NULL, NULL, 0, NULL, &r);
		if (r.status != 400 || !strstr(buf_str(&r.body), "<code>") ||
		    !strstr(buf_str(&r.body), "số nguyên dương"))
			fail_msg("%s: %ld %s", fields[i], r.status, buf_str(&r.body));
		resp_free(&r);
	}
	req("GET", "/api/v1/sessions?after=99999999999999999999", adm.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"after\""));
	resp_free(&r);
}

static void a_locked_store_gives_503_and_a_clear_page(void **state)
{
	struct client adm;
	struct resp r;
	char form[300];
	sqlite3 *h;

	login("admin", &adm);
	h = fx_raw(store, 1);
	assert_int_equal(sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	snprintf(form, sizeof(form), "_csrf=%s&login=locked&role=viewer&password=abcdefgh1",
		 adm.csrf);
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 503);
	assert_non_null(strstr(buf_str(&r.body), "đang bận"));
	assert_non_null(strstr(buf_str(&r.headers), "Retry-After"));
	resp_free(&r);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	/* Nothing was written: the login is still free. */
	req("POST", "/admin/users", adm.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
}

static void odd_requests_do_not_crash_the_server(void **state)
{
	static const char *const paths[] = {
	    "/sessions/99999999999999999999",
	    "/sessions/-1",
	    "/%00",
	    "/api/v1/bodies/0",
	    "/documents?after=&limit=",
	    "/documents?limit=1&limit=2",
	    "/api/v1/sessions?after=1e9",
	    "/static/../../etc/passwd",
	    "/audit?before=abc",
	    "/api/v1/documents?modified_since=2023-02-30",
	};
	struct client adm;

	login("admin", &adm);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		struct resp r;

		req("GET", paths[i], adm.cookie, NULL, NULL, 0, NULL, &r);
		assert_true(r.status >= 200 && r.status < 500);
		resp_free(&r);
	}
	for (size_t i = 0; i < 3; i++) {
		struct resp r;

		req("POST", "/admin/users", adm.cookie, "multipart/form-data; boundary=x", "--x--",
		    5, NULL, &r);
		assert_true(r.status == 400 || r.status == 403);
		resp_free(&r);
	}
}

/* The office edits a draft notice and sees the preview and the warnings; others may not. */
static void the_office_edits_a_notice_and_downloads_it(void **state)
{
	struct client off, mem, v3;
	struct resp r;
	char form[512];

	login("office", &off);
	login("member", &mem);
	login("viewer3", &v3);
	/* A member reads but may not write. */
	snprintf(form, sizeof(form), "_csrf=%s&template=X", mem.csrf);
	req("POST", "/notices/1/template", mem.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* The office saves a template with an unknown placeholder: kept, warned with its place. */
	snprintf(form, sizeof(form),
		 "_csrf=%s&template=K%%E1%%BA%%BFt+lu%%E1%%BA%%ADn+phi%%C3%%AAn+th%%E1%%BB%%A9+"
		 "%%7B%%7Bsession+number%%7D%%7D.%%0A%%7B%%7Bkhong+co%%7D%%7D%%0A",
		 off.csrf);
	req("POST", "/notices/1/template", off.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	/* the text in the preview frame (the HTML render), the warning on the page */
	req("GET", "/notices/1/html", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Kết luận phiên thứ 26."));
	resp_free(&r);
	req("GET", "/notices/1", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Dòng 2, cột"));
	assert_non_null(strstr(buf_str(&r.body), "{{khong co}}"));
	resp_free(&r);
	/* Issuing refuses while a placeholder is unresolved, and nothing changes. */
	snprintf(form, sizeof(form), "_csrf=%s&date=2023-10-05&sig_name=Nguy%%E1%%BB%%85n+A",
		 off.csrf);
	req("POST", "/notices/1/issue", off.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_true(r.status >= 400 && r.status < 500);
	resp_free(&r);
	/* Nor may a viewer of another district. */
	snprintf(form, sizeof(form), "_csrf=%s&template=X", v3.csrf);
	req("POST", "/notices/1/template", v3.cookie, "application/x-www-form-urlencoded", form,
	    strlen(form), NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* The downloads are a PDF and a DOCX (a zip). */
	req("GET", "/notices/1/pdf", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_memory_equal(buf_str(&r.body), "%PDF-", 5);
	resp_free(&r);
	/* The session shows its work and links its notice. */
	req("GET", "/sessions/1", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "<summary><h2>Điểm danh <span class=\"count\">("));
	assert_non_null(strstr(buf_str(&r.body), "Chưa có biểu quyết."));
	assert_non_null(strstr(buf_str(&r.body), "Chưa có biên bản."));
	assert_non_null(strstr(buf_str(&r.body), "href=\"/notices/1\""));
	resp_free(&r);
	req("GET", "/notices/1/docx", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_memory_equal(buf_str(&r.body), "PK", 2);
	resp_free(&r);
}

/* --- indicator entry and export --- */

/* The input name ("v12") of the grid's cell for the indicator called name. */
static void cell_of(const char *html, const char *name, char out[16])
{
	const char *p = strstr(html, name), *q = NULL;

	assert_non_null(p);
	for (const char *s = html; (s = strstr(s, "for=\"v")) && s < p; s++)
		q = s;
	assert_non_null(q);
	q += 5;
	snprintf(out, 16, "%.*s", (int)strcspn(q, "\""), q);
}

static void post_form(struct client *cl, const char *path, const char *fields, struct resp *r)
{
	char form[1024];

	snprintf(form, sizeof(form), "_csrf=%s&%s", cl->csrf, fields);
	req("POST", path, cl->cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    r);
}

static const char *const industry = "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp";
static const char *const agriculture = "Giá trị sản xuất nông nghiệp";
static const char *const rice = "Diện tích gieo trồng lúa";

/* The grid's cell names of three indicators. */
static void grid_cells(struct client *off, char ind[16], char agr[16], char ric[16])
{
	struct resp r;

	req("GET", "/indicators/entry?body=2&period=2023-T09", off->cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 200);
	cell_of(buf_str(&r.body), industry, ind);
	cell_of(buf_str(&r.body), agriculture, agr);
	cell_of(buf_str(&r.body), rice, ric);
	resp_free(&r);
}

static void the_office_enters_figures_and_the_report_changes(void **state)
{
	struct client off, mem;
	struct resp r;
	char ind[16], agr[16], ric[16], f[256];

	login("office", &off);
	login("member", &mem);
	req("GET", "/indicators/entry?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	/* Every catalogue indicator, with its unit, the plan and the current value in an input. */
	assert_non_null(strstr(buf_str(&r.body), industry));
	assert_non_null(strstr(buf_str(&r.body), rice));
	assert_non_null(strstr(buf_str(&r.body), "Kết nạp đảng viên mới"));
	assert_non_null(strstr(buf_str(&r.body), "6.076 <span class=\"muted\">(kế hoạch)</span>"));
	assert_non_null(strstr(buf_str(&r.body), "value=\"4.132\""));
	assert_non_null(strstr(buf_str(&r.body), "name=\"_csrf\""));
	resp_free(&r);
	grid_cells(&off, ind, agr, ric);
	/* The indicators page links the grid (for the office) and the XLSX. */
	req("GET", "/indicators?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(
	    strstr(buf_str(&r.body), "href=\"/indicators/entry?body=2&amp;period=2023-T09\""));
	assert_non_null(
	    strstr(buf_str(&r.body), "href=\"/indicators/xlsx?body=2&amp;period=2023-T09\""));
	assert_null(
	    strstr(buf_str(&r.body), "<td data-label=\"Chỉ tiêu\">Diện tích gieo trồng lúa"));
	resp_free(&r);
	req("GET", "/indicators?body=2&period=2023-T09", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "/indicators/entry"));
	resp_free(&r);
	/* Vietnamese notation, a plain one, and an empty cell that leaves its value alone. */
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=4.321&e%s=1&%s=1250.5&%s=", ind, ind + 1,
		 ric, agr);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(
	    strstr(buf_str(&r.headers), "Location: /indicators?body=2&period=2023-T09"));
	resp_free(&r);
	req("GET", "/indicators?body=2&period=2023-T09", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "4.321"));
	assert_null(strstr(buf_str(&r.body), "4.132"));
	assert_non_null(
	    strstr(buf_str(&r.body), "<td data-label=\"Chỉ tiêu\">Diện tích gieo trồng lúa</td>"));
	assert_non_null(strstr(buf_str(&r.body), "1.250,5"));
	resp_free(&r);
	/* The grid shows where the value came from. */
	req("GET", "/indicators/entry?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "web:office"));
	resp_free(&r);
	/* A member may not enter; the office not for a body outside its scope; nor without CSRF. */
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=1", ind);
	post_form(&mem, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	snprintf(f, sizeof(f), "body=3&period=2023-T09&%s=1", ind);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=1", ind);
	req("POST", "/indicators/entry", off.cookie, "application/x-www-form-urlencoded", f,
	    strlen(f), NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	req("GET", "/indicators?body=2&period=2023-T09", mem.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "4.321"));
	resp_free(&r);
}

static void a_bad_cell_gets_400_naming_it_and_nothing_is_written(void **state)
{
	struct client off;
	struct resp r;
	char ind[16], agr[16], ric[16], f[256], want[256];

	login("office", &off);
	grid_cells(&off, ind, agr, ric);
	/* One good cell, one that is not a number: neither is written. */
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=5.000&%s=3%%2C9%%2C4", ind, agr);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 400);
	snprintf(want, sizeof(want),
		 "<span class=\"cellerr\" id=\"%s-err\">%s: &quot;3,9,4&quot; "
		 "không phải là số",
		 agr, agriculture);
	assert_non_null(strstr(buf_str(&r.body), want));
	assert_non_null(strstr(buf_str(&r.body), "chưa ghi số liệu nào"));
	/* The grid comes back as typed. */
	assert_non_null(strstr(buf_str(&r.body), "value=\"3,9,4\""));
	assert_non_null(strstr(buf_str(&r.body), "value=\"5.000\""));
	resp_free(&r);
	/* A negative value and an unknown indicator are refused the same way. */
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=5.000&%s=-12", ind, ric);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 400);
	snprintf(want, sizeof(want), "%s: giá trị không được âm", rice);
	assert_non_null(strstr(buf_str(&r.body), want));
	resp_free(&r);
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=5.000&v99999=1", ind);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "Không có chỉ tiêu số 99999 trong danh mục"));
	resp_free(&r);
	/* A malformed period names its field. */
	snprintf(f, sizeof(f), "body=2&period=2023-X9&%s=5.000", ind);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>period</code>"));
	resp_free(&r);
	/* The report is unchanged. */
	req("GET", "/indicators?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "5.000"));
	assert_non_null(strstr(buf_str(&r.body), "4.321"));
	resp_free(&r);
}

static void the_report_downloads_as_xlsx(void **state)
{
	struct client viewer;
	struct resp r;
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_file_t *zf;
	zip_stat_t st;
	char *xml;

	login("viewer", &viewer);
	req("GET", "/indicators/xlsx?body=2&period=2023-T09", viewer.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.headers),
			       "Content-Disposition: attachment; "
			       "filename=\"chi-tieu-huyen-uy-tan-yen-2023-T09.xlsx\""));
	assert_non_null(strstr(buf_str(&r.headers), "spreadsheetml.sheet"));
	assert_true(r.body.len > 1000);
	assert_memory_equal(r.body.data, "PK", 2);
	/* The workbook's strings hold the indicator's name. */
	zip_error_init(&ze);
	src = zip_source_buffer_create(r.body.data, r.body.len, 0, &ze);
	assert_non_null(src);
	z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(z);
	assert_int_equal(zip_stat(z, "xl/sharedStrings.xml", 0, &st), 0);
	zf = zip_fopen(z, "xl/sharedStrings.xml", 0);
	assert_non_null(zf);
	xml = calloc(1, st.size + 1);
	assert_int_equal(zip_fread(zf, xml, st.size), (zip_int64_t)st.size);
	zip_fclose(zf);
	zip_close(z);
	assert_non_null(strstr(xml, industry));
	assert_non_null(strstr(xml, "Huyện ủy Tân Yên"));
	free(xml);
	resp_free(&r);
	/* A malformed period is 400; a body outside the viewer's scope 404. */
	req("GET", "/indicators/xlsx?body=2&period=2023-Z1", viewer.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	req("GET", "/indicators/xlsx?body=3&period=2023-T09", viewer.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
}

static void the_api_writes_values_in_one_transaction(void **state)
{
	struct db *db = NULL;
	struct err e = {0};
	struct client off;
	struct resp r;
	char tok[65], mtok[65], hdr[100], body[512];

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(account_token_new(db, "office", "so-lieu", tok, &e), 0);
	assert_int_equal(account_token_new(db, "member", "so-lieu", mtok, &e), 0);
	db_close(db);
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	snprintf(body, sizeof(body),
		 "{\"body\":2,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":\"4400.5\",\"estimate\":true},{\"indicator\":\"food_output\","
		 "\"value\":51234}]}");
	req("POST", "/api/v1/indicator-values", NULL, "application/json", body, strlen(body), hdr,
	    &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"written\":2"));
	resp_free(&r);
	req("GET", "/api/v1/indicator-values?body=2&period=2023-T09", NULL, NULL, NULL, 0, hdr, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"value\":\"4400.5\""));
	assert_non_null(strstr(buf_str(&r.body), "\"value\":\"51234\""));
	resp_free(&r);
	/* One bad entry: 400 naming it and its indicator, and the good one is not written. */
	snprintf(body, sizeof(body),
		 "{\"body\":2,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":\"4500\"},{\"indicator\":\"agriculture\",\"value\":\"3.943,0\"},"
		 "{\"indicator\":\"khong_co\",\"value\":\"1\"}]}");
	req("POST", "/api/v1/indicator-values", NULL, "application/json", body, strlen(body), hdr,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"code\":\"ERR_INVAL\""));
	assert_non_null(strstr(buf_str(&r.body),
			       "\"values[1]\":\"Giá trị sản xuất nông nghiệp: \\\"3.943,0\\\" "
			       "không phải là số"));
	assert_non_null(
	    strstr(buf_str(&r.body), "\"values[2]\":\"Không có chỉ tiêu mã 'khong_co'"));
	assert_null(strstr(buf_str(&r.body), "\"values[0]\""));
	resp_free(&r);
	/* Malformed entries are named too. */
	snprintf(body, sizeof(body),
		 "{\"body\":2,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":4500.5}, 3]}");
	req("POST", "/api/v1/indicator-values", NULL, "application/json", body, strlen(body), hdr,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"values[0]\":\"chỉ tiêu 'industry'"));
	assert_non_null(strstr(buf_str(&r.body), "\"values[1]\""));
	resp_free(&r);
	snprintf(body, sizeof(body), "{\"body\":2,\"period\":\"2023-T09\",\"values\":\"x\"}");
	req("POST", "/api/v1/indicator-values", NULL, "application/json", body, strlen(body), hdr,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"values\""));
	resp_free(&r);
	req("GET", "/api/v1/indicator-values?body=2&period=2023-T09", NULL, NULL, NULL, 0, hdr, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"value\":\"4400.5\""));
	resp_free(&r);
	/* A member's token may not write; nor a session without its CSRF token; with it, it may. */
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", mtok);
	snprintf(body, sizeof(body),
		 "{\"body\":2,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":\"1\"}]}");
	req("POST", "/api/v1/indicator-values", NULL, "application/json", body, strlen(body), hdr,
	    &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	login("office", &off);
	req("POST", "/api/v1/indicator-values", off.cookie, "application/json", body, strlen(body),
	    NULL, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	snprintf(hdr, sizeof(hdr), "X-CSRF-Token: %s", off.csrf);
	snprintf(body, sizeof(body),
		 "{\"body\":3,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":\"1\"}]}");
	req("POST", "/api/v1/indicator-values", off.cookie, "application/json", body, strlen(body),
	    hdr, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	snprintf(body, sizeof(body),
		 "{\"body\":2,\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
		 "\"value\":\"4401\"}]}");
	req("POST", "/api/v1/indicator-values", off.cookie, "application/json", body, strlen(body),
	    hdr, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
}

static void a_failed_save_leaves_nothing_behind(void **state)
{
	struct client off;
	struct resp r;
	char ind[16], agr[16], ric[16], pov[16], f[256];
	sqlite3 *h;

	login("office", &off);
	grid_cells(&off, ind, agr, ric);
	req("GET", "/indicators/entry?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	cell_of(buf_str(&r.body), "Tỷ lệ hộ nghèo đa chiều", pov);
	resp_free(&r);
	/* The store locked by another writer (SQLite's store-wide lock): 503, nothing written. */
	if (!db_is_pg(store)) {
		h = fx_raw(store, 1);
		assert_int_equal(sqlite3_exec(h, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
		snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=4.777", ind);
		post_form(&off, "/indicators/entry", f, &r);
		assert_int_equal(r.status, 503);
		resp_free(&r);
		sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(h);
	}
	/* A write failing after another succeeded in the same save: both are undone. */
	assert_int_equal(
	    fx_exec(
		store, 1,
		db_is_pg(store)
		    ? "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
		      " IF NEW.indicator_id = (SELECT id FROM ind_indicator WHERE code ="
		      " 'poverty_rate') THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW;"
		      " END $$; CREATE TRIGGER test_refuse BEFORE INSERT ON ind_value"
		      " FOR EACH ROW EXECUTE FUNCTION test_refuse()"
		    : "CREATE TRIGGER test_refuse BEFORE INSERT ON ind_value WHEN "
		      "NEW.indicator_id = (SELECT id FROM ind_indicator WHERE code = "
		      "'poverty_rate') BEGIN SELECT RAISE(ABORT, 'refused'); END"),
	    0);
	snprintf(f, sizeof(f), "body=2&period=2023-T09&%s=4.777&%s=3%%2C5", ind, pov);
	post_form(&off, "/indicators/entry", f, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "không ghi được số liệu chỉ tiêu"));
	assert_non_null(strstr(buf_str(&r.body), "value=\"4.777\""));
	resp_free(&r);
	assert_int_equal(fx_exec(store, 0,
				 db_is_pg(store) ? "DROP TRIGGER test_refuse ON ind_value"
						 : "DROP TRIGGER test_refuse"),
			 0);
	req("GET", "/indicators?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "4.777"));
	assert_null(strstr(buf_str(&r.body), "Tỷ lệ hộ nghèo"));
	assert_non_null(strstr(buf_str(&r.body), "4.401"));
	resp_free(&r);
}

static void odd_entry_requests_are_refused_cleanly(void **state)
{
	struct client off;
	struct resp r;
	struct buf big = BUF_INIT(64u << 10);

	login("office", &off);
	/* Without body and period: the latest report's, as on /indicators. */
	req("GET", "/indicators/entry", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "name=\"body\" value=\"2\""));
	resp_free(&r);
	req("GET", "/indicators/entry?body=2", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>period</code>"));
	resp_free(&r);
	req("GET", "/indicators/entry?body=abc&period=2023", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>body</code>"));
	resp_free(&r);
	/* Names that only look like cells are not cells: nothing to write, back to the report. */
	post_form(&off, "/indicators/entry", "body=2&period=2023-T09&v0=1&v01=2&vx=3&v=4", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	/* A cell sent twice names itself. */
	post_form(&off, "/indicators/entry", "body=2&period=2023-T09&v1=1&v1=2", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "<code>v1</code>"));
	resp_free(&r);
	/* Too many fields. */
	buf_printf(&big, "_csrf=%s&body=2&period=2023-T09", off.csrf);
	for (int i = 1; i <= 300; i++)
		buf_printf(&big, "&v%d=1", i);
	req("POST", "/indicators/entry", off.cookie, "application/x-www-form-urlencoded",
	    buf_str(&big), big.len, NULL, &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	buf_free(&big);
	req("GET", "/indicators?body=2&period=2023-T09", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "4.401"));
	resp_free(&r);
}

/* --- API and feeds ------------------------------------------------------- */

/* GET with an API token instead of a cookie. */
static void get_bearer(const char *path, const char *tok, struct resp *r)
{
	char hdr[100];

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req("GET", path, NULL, NULL, NULL, 0, hdr, r);
}

/* POST JSON with an API token. */
static void post_bearer(const char *path, const char *tok, const char *json, struct resp *r)
{
	char hdr[100];

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req("POST", path, NULL, "application/json", json, strlen(json), hdr, r);
}

static void new_token(const char *login, char tok[65])
{
	struct db *db = NULL;
	struct err e = {0};

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(account_token_new(db, login, "api-test", tok, &e), 0);
	db_close(db);
}

static void raw_sql(const char *sql)
{
	assert_int_equal(fx_exec(store, 1, sql), 0);
}

/* GET path as cl, expecting 200; the body stays in r. */
static void get_ok(const char *path, const struct client *cl, struct resp *r)
{
	req("GET", path, cl->cookie, NULL, NULL, 0, NULL, r);
	if (r->status != 200)
		fail_msg("%s: %ld %s", path, r->status, buf_str(&r->body));
}

static void api_terms_agenda_items_and_notices_paginate_in_scope(void **state)
{
	struct client adm, mem, viewer;
	struct resp r;

	login("admin", &adm);
	login("member", &mem);
	login("viewer", &viewer);
	/* The entry point and the owners link the new lists. */
	get_ok("/api/v1", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"terms\":\"/api/v1/terms\""));
	assert_non_null(strstr(buf_str(&r.body), "\"agendaItems\":\"/api/v1/agenda-items\""));
	assert_non_null(strstr(buf_str(&r.body), "\"notices\":\"/api/v1/notices\""));
	assert_non_null(strstr(buf_str(&r.body), "\"units\":\"/api/v1/units\""));
	assert_non_null(strstr(buf_str(&r.body), "\"organs\":\"/api/v1/organs\""));
	assert_non_null(strstr(buf_str(&r.body), "\"people\":\"/api/v1/people\""));
	resp_free(&r);
	get_ok("/api/v1/sessions/1", &viewer, &r);
	assert_non_null(
	    strstr(buf_str(&r.body), "\"agendaItems\":\"/api/v1/agenda-items?session=1\""));
	assert_non_null(strstr(buf_str(&r.body), "\"notices\":\"/api/v1/notices?session=1\""));
	resp_free(&r);
	/*
	 * The session's tasks paged by id, one a page, following links.next: the
	 * same tasks in the same order as the session's object lists them (the
	 * cursor over many is in test_http_task_filters).
	 */
	{
		char path[256] = "/api/v1/sessions/1/tasks?limit=1", want[4096] = "",
		     got[4096] = "";
		json_t *j, *o;
		size_t i;
		int pages = 0;

		get_ok("/api/v1/sessions/1", &adm, &r);
		j = json_loads(buf_str(&r.body), 0, NULL);
		assert_non_null(j);
		json_array_foreach(json_object_get(j, "tasks"), i, o)
		    snprintf(want + strlen(want), sizeof(want) - strlen(want), " %lld",
			     (long long)json_integer_value(json_object_get(o, "id")));
		assert_true(json_array_size(json_object_get(j, "tasks")) > 0);
		json_decref(j);
		resp_free(&r);
		for (;;) {
			json_t *next;

			get_ok(path, &adm, &r);
			j = json_loads(buf_str(&r.body), 0, NULL);
			assert_non_null(j);
			json_array_foreach(json_object_get(j, "data"), i, o)
			    snprintf(got + strlen(got), sizeof(got) - strlen(got), " %lld",
				     (long long)json_integer_value(json_object_get(o, "id")));
			assert_true(json_array_size(json_object_get(j, "data")) <= 1);
			next = json_object_get(json_object_get(j, "links"), "next");
			if (next)
				snprintf(path, sizeof(path), "%s", json_string_value(next));
			json_decref(j);
			resp_free(&r);
			assert_true(++pages < 50);
			if (!next)
				break;
		}
		assert_string_equal(got, want);
	}
	req("GET", "/api/v1/sessions/1/tasks?status=qua_han", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"status\""));
	resp_free(&r);
	req("GET", "/api/v1/sessions/999999/tasks", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	get_ok("/api/v1/bodies/2", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"terms\":\"/api/v1/terms?body=2\""));
	resp_free(&r);

	/* Terms: pages of one, the second and last without links.next; a viewer sees its own. */
	get_ok("/api/v1/terms?limit=1", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"name\":\"XXII\""));
	assert_non_null(strstr(buf_str(&r.body), "\"next\":\"/api/v1/terms?after=1&limit=1\""));
	resp_free(&r);
	get_ok("/api/v1/terms?after=1&limit=1", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"name\":\"XXIV\""));
	assert_non_null(strstr(buf_str(&r.body), "\"next\":\"/api/v1/terms?after=2&limit=1\""));
	resp_free(&r);
	get_ok("/api/v1/terms?after=2&limit=1", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"data\":[]"));
	assert_null(strstr(buf_str(&r.body), "\"next\""));
	resp_free(&r);
	get_ok("/api/v1/terms", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"name\":\"XXII\""));
	assert_null(strstr(buf_str(&r.body), "XXIV"));
	resp_free(&r);
	get_ok("/api/v1/terms?body=3", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "XXIV"));
	assert_null(strstr(buf_str(&r.body), "\"XXII\""));
	resp_free(&r);

	/* Agenda items: with their session; the session filter is kept in links.next. */
	get_ok("/api/v1/agenda-items?session=1&limit=1", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"session\":{\"id\":1,\"number\":26"));
	assert_non_null(strstr(buf_str(&r.body),
			       "\"next\":\"/api/v1/agenda-items?after=1&limit=1&session=1\""));
	resp_free(&r);
	get_ok("/api/v1/agenda-items?after=1&limit=1&session=1", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"57-NQ/HU\""));
	resp_free(&r);
	get_ok("/api/v1/agenda-items?session=2", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"data\":[]"));
	resp_free(&r);
	/* The confidential document stays out of a viewer's agenda item; the item does not. */
	get_ok("/api/v1/agenda-items/2", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "công tác quốc phòng"));
	assert_non_null(strstr(buf_str(&r.body), "\"documents\":[]"));
	assert_null(strstr(buf_str(&r.body), "57-NQ/HU"));
	resp_free(&r);
	get_ok("/api/v1/agenda-items", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"56-NQ/HU\""));
	assert_null(strstr(buf_str(&r.body), "57-NQ/HU"));
	resp_free(&r);

	/* Notices: session, status, downloads; a notice of a confidential document is hidden. */
	raw_sql("INSERT INTO notice(id, body_id, session_id, template, document_id)"
		" VALUES (3, 2, 1, 'Mật.', 2)");
	get_ok("/api/v1/notices?limit=1", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"pdf\":\"/notices/1/pdf\""));
	assert_non_null(strstr(buf_str(&r.body), "\"docx\":\"/notices/1/docx\""));
	assert_non_null(strstr(buf_str(&r.body), "\"status\":\"draft\""));
	assert_non_null(strstr(buf_str(&r.body), "\"next\":\"/api/v1/notices?after=1&limit=1\""));
	resp_free(&r);
	get_ok("/api/v1/notices", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"self\":\"/api/v1/notices/1\""));
	assert_null(strstr(buf_str(&r.body), "/api/v1/notices/2\""));
	assert_null(strstr(buf_str(&r.body), "/api/v1/notices/3\""));
	resp_free(&r);
	get_ok("/api/v1/notices?session=1", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"self\":\"/api/v1/notices/3\""));
	resp_free(&r);
	req("GET", "/api/v1/notices/3", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	/* The pages keep it from the same roles: its page, downloads, the lists. */
	req("GET", "/notices/3", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	req("GET", "/notices/3/pdf", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	get_ok("/notices", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/notices/1\""));
	assert_null(strstr(buf_str(&r.body), "href=\"/notices/3\""));
	resp_free(&r);
	get_ok("/sessions/1", &viewer, &r);
	assert_null(strstr(buf_str(&r.body), "href=\"/notices/3\""));
	resp_free(&r);
	get_ok("/sessions/1", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/notices/3\""));
	resp_free(&r);
	get_ok("/notices/3", &mem, &r);
	resp_free(&r);

	/* A deleted agenda item comes back as a tombstone under modified_since. */
	raw_sql("INSERT INTO agenda_item(id, session_id, position, doc_kind, title)"
		" VALUES (9, 1, 9, 'Báo cáo', 'tạm'); DELETE FROM agenda_item WHERE id = 9;");
	get_ok("/api/v1/agenda-items?modified_since=2000-01-01", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "{\"id\":9,\"deleted\":true"));
	resp_free(&r);
	get_ok("/api/v1/agenda-items?modified_since=2000-01-01&session=2", &adm, &r);
	assert_null(strstr(buf_str(&r.body), "\"deleted\""));
	resp_free(&r);
	get_ok("/api/v1/agenda-items?modified_since=2999-01-01", &mem, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"data\":[]"));
	resp_free(&r);
}

/* The events of an iCalendar text: checks its lines and returns the task ids of its UIDs. */
static size_t ics_task_ids(const char *s, long ids[], size_t max)
{
	size_t n = 0;
	int depth = 0, events = 0;

	assert_memory_equal(s, "BEGIN:VCALENDAR\r\n", 17);
	while (*s) {
		const char *eol = strstr(s, "\r\n");
		size_t len;

		assert_non_null(eol); /* every line ends with CRLF */
		len = (size_t)(eol - s);
		if (len > 75)
			fail_msg("line of %zu octets: %.*s", len, (int)len, s);
		assert_null(memchr(s, '\n', len));
		if (strncmp(s, "BEGIN:", 6) == 0)
			depth++;
		if (strncmp(s, "END:", 4) == 0)
			depth--;
		assert_true(depth >= 0);
		if (strncmp(s, "BEGIN:VEVENT", 12) == 0)
			events++;
		if (strncmp(s, "UID:task-", 9) == 0 && n < max)
			ids[n++] = strtol(s + 9, NULL, 10);
		s = eol + 2;
	}
	assert_int_equal(depth, 0);
	assert_int_equal((size_t)events, n);
	return n;
}

/* The text of the feed with folded lines joined again (RFC 5545 §3.1). */
static void ics_unfold(const char *s, struct buf *out)
{
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		buf_putc(out, *s);
	}
}

static void expect_ids(const char *path, const struct client *cl, const long *want, size_t nwant)
{
	struct resp r;
	long ids[16];
	size_t n;

	get_ok(path, cl, &r);
	assert_non_null(strstr(buf_str(&r.headers), "text/calendar"));
	n = ics_task_ids(buf_str(&r.body), ids, 16);
	if (n != nwant)
		fail_msg("%s: %zu events, want %zu", path, n, nwant);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(ids[i], want[i]);
	resp_free(&r);
}

static void ical_tasks_lists_open_deadlines_in_scope(void **state)
{
	static const char content[] =
	    "Rà soát, bổ sung quy hoạch; báo cáo \\ đề xuất Ban Thường vụ Huyện ủy xem xét\n"
	    "việc điều chỉnh chỉ tiêu xây dựng nông thôn mới nâng cao và kiểu mẫu năm 2024 "
	    /* three-octet letters only: one of them straddles octet 75 unless folded before it */
	    "ỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔỔ";
	const char *lead[] = {"1"};
	struct task_input t4 = {.body_id = 2,
				.content = content,
				.assigned_on = "2023-10-04",
				.deadline = "15/12/2023",
				.leads = lead,
				.nleads = 1};
	struct task_input t5 = t4, t6 = t4;
	struct client adm, viewer, v3, rep;
	struct db *db = NULL;
	struct err e = {0};
	struct buf un = BUF_INIT(1 << 20);
	struct resp r;
	char tok[65], path[120], url[120];
	int64_t id4, id5, id6;

	/* A task due later, a standing one (no date) and one already confirmed. */
	t5.content = "Thường xuyên theo dõi";
	t5.deadline = "thường xuyên";
	t6.content = "Đã xong";
	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(task_add(db, &t4, &id4, &e), 0);
	assert_int_equal(task_add(db, &t5, &id5, &e), 0);
	assert_int_equal(task_add(db, &t6, &id6, &e), 0);
	assert_int_equal(task_confirm(db, id6, "2023-10-10", NULL, &e), 0);
	db_close(db);
	login("admin", &adm);
	login("viewer", &viewer);
	login("viewer3", &v3);
	login("reporter", &rep);
	/* By due date: task 1 (31/10), task 2 (30/11), the new one (15/12). */
	expect_ids("/ical/tasks.ics", &adm, (long[]){1, 2, (long)id4}, 3);
	expect_ids("/ical/tasks.ics", &viewer, (long[]){1, (long)id4}, 2);
	expect_ids("/ical/tasks.ics", &v3, (long[]){2}, 1);
	expect_ids("/ical/tasks.ics", &rep, (long[]){1, (long)id4}, 2);
	expect_ids("/ical/tasks.ics?unit=2", &rep, (long[]){1, (long)id4}, 2); /* its own only */
	expect_ids("/ical/tasks.ics?unit=2", &adm, (long[]){2}, 1);
	expect_ids("/ical/tasks.ics?body=3", &adm, (long[]){2}, 1);
	expect_ids("/ical/tasks.ics?body=1", &adm, (long[]){1, 2, (long)id4}, 3);
	/* The event: all-day on the due date, the text escaped and folded, a stable UID, its URL. */
	get_ok("/ical/tasks.ics", &viewer, &r);
	ics_unfold(buf_str(&r.body), &un);
	snprintf(path, sizeof(path), "UID:task-%lld@127.0.0.1\r\n", (long long)id4);
	assert_non_null(strstr(buf_str(&un), path));
	assert_non_null(strstr(buf_str(&un), "DTSTART;VALUE=DATE:20231215\r\n"));
	assert_non_null(strstr(buf_str(&un),
			       "SUMMARY:Rà soát\\, bổ sung quy hoạch\\; báo cáo \\\\ đề xuất "
			       "Ban Thường vụ Huyện ủy xem xét\\nviệc điều chỉnh"));
	snprintf(url, sizeof(url), "URL:%s/tasks/%lld\r\n", base, (long long)id4);
	assert_non_null(strstr(buf_str(&un), url));
	assert_null(strstr(buf_str(&un), "Thường xuyên theo dõi"));
	assert_null(strstr(buf_str(&un), "Đã xong"));
	buf_free(&un);
	resp_free(&r);
	/* A calendar program sends the token in the query. */
	new_token("reporter", tok);
	snprintf(path, sizeof(path), "/ical/tasks.ics?token=%s", tok);
	req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(ics_task_ids(buf_str(&r.body), (long[16]){0}, 16), 2);
	resp_free(&r);
	/* The task list links the feed. */
	get_ok("/tasks", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/ical/tasks.ics\""));
	resp_free(&r);
}

static void api_reports_are_posted_as_json_by_the_unit(void **state)
{
	struct client off, viewer;
	struct resp r;
	char tok[65], mtok[65], hdr[100], loc[100];
	const char *p;
	size_t big = HTTP_MAX_BODY_DEFAULT + 100;
	char *huge;

	new_token("reporter", tok);
	new_token("member", mtok);
	login("office", &off);
	login("viewer", &viewer);
	/* The reporter's unit reports on its task: 201, the report, and where it lives. */
	post_bearer(
	    "/api/v1/tasks/1/reports", tok,
	    "{\"text\":\"Đã trình Thường trực dự thảo\",\"percent\":60,\"on\":\"2023-10-20\"}", &r);
	assert_int_equal(r.status, 201);
	assert_non_null(strstr(buf_str(&r.body), "\"kind\":\"report\""));
	assert_non_null(strstr(buf_str(&r.body), "\"percent\":60"));
	assert_non_null(strstr(buf_str(&r.body), "\"result\":null"));
	assert_non_null(strstr(buf_str(&r.body), "\"on_date\":\"2023-10-20\""));
	p = strstr(buf_str(&r.headers), "Location: /api/v1/tasks/1/reports/");
	assert_non_null(p);
	snprintf(loc, sizeof(loc), "%.*s", (int)strcspn(p + 10, "\r\n"), p + 10);
	resp_free(&r);
	get_bearer(loc, tok, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Đã trình Thường trực dự thảo"));
	resp_free(&r);
	get_bearer("/api/v1/tasks/1/reports", tok, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"kind\":\"created\""));
	assert_non_null(strstr(buf_str(&r.body), "Đã trình Thường trực dự thảo"));
	resp_free(&r);
	get_bearer("/api/v1/tasks/1/reports?limit=1", tok, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"next\":\"/api/v1/tasks/1/reports?after="));
	resp_free(&r);
	get_bearer("/api/v1/tasks/1", tok, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"reports\":\"/api/v1/tasks/1/reports\""));
	resp_free(&r);

	/* Malformed JSON, a missing field, wrong types: 400 naming each. */
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": ", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.headers), "application/json"));
	assert_non_null(strstr(buf_str(&r.body), "JSON không hợp lệ"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"percent\": 10}", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"fields\":{\"text\":\"thiếu Nội dung báo cáo"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": 12}", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(
	    strstr(buf_str(&r.body), "\"text\":\"Nội dung báo cáo (text) phải là chuỗi"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": \"x\", \"percent\": \"nhiều\"}",
		    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"percent\":"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": \"x\", \"percent\": 150}", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"percent\":"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": \"x\", \"on\": true}", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"on\":"));
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": \"x\", \"on\": \"2023-09-01\"}",
		    &r);
	assert_int_equal(r.status, 400); /* before the task was assigned */
	assert_non_null(strstr(buf_str(&r.body), "\"on\":"));
	resp_free(&r);
	/* Another unit's task is not there for it; roles that do not report are refused. */
	post_bearer("/api/v1/tasks/2/reports", tok, "{\"text\": \"x\"}", &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/reports", mtok, "{\"text\": \"x\"}", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	snprintf(hdr, sizeof(hdr), "X-CSRF-Token: %s", viewer.csrf);
	req("POST", "/api/v1/tasks/1/reports", viewer.cookie, "application/json",
	    "{\"text\": \"x\"}", 13, hdr, &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	/* Oversize: 413, as JSON. */
	huge = malloc(big);
	memset(huge, ' ', big);
	memcpy(huge, "{\"text\":\"", 9);
	{
		char auth[100];

		snprintf(auth, sizeof(auth), "Authorization: Bearer %s", tok);
		req("POST", "/api/v1/tasks/1/reports", NULL, "application/json", huge, big, auth,
		    &r);
	}
	assert_int_equal(r.status, 413);
	assert_non_null(strstr(buf_str(&r.body), "\"ERR_TOOBIG\""));
	resp_free(&r);
	free(huge);
	/* The office with its web session: the CSRF token in a header, as for any unsafe request. */
	req("POST", "/api/v1/tasks/1/reports", off.cookie, "application/json",
	    "{\"text\": \"Văn phòng ghi nhận\"}", strlen("{\"text\": \"Văn phòng ghi nhận\"}"),
	    NULL, &r);
	assert_int_equal(r.status, 403);
	assert_non_null(strstr(buf_str(&r.body), "CSRF"));
	resp_free(&r);
	snprintf(hdr, sizeof(hdr), "X-CSRF-Token: %s", off.csrf);
	req("POST", "/api/v1/tasks/1/reports", off.cookie, "application/json",
	    "{\"text\": \"Văn phòng ghi nhận\"}", strlen("{\"text\": \"Văn phòng ghi nhận\"}"), hdr,
	    &r);
	assert_int_equal(r.status, 201);
	resp_free(&r);
	/* The page shows what the API wrote. */
	req("GET", "/tasks/1", off.cookie, NULL, NULL, 0, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "Đã trình Thường trực dự thảo"));
	assert_non_null(strstr(buf_str(&r.body), "Văn phòng ghi nhận"));
	resp_free(&r);
}

static void api_confirm_closes_a_task_for_the_office(void **state)
{
	struct resp r;
	char tok[65], otok[65];

	new_token("reporter", tok);
	new_token("office", otok);
	post_bearer("/api/v1/tasks/1/confirm", tok, "{\"on\": \"2023-10-30\"}", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	post_bearer("/api/v1/tasks/2/confirm", otok, "{\"on\": \"2023-10-30\"}", &r);
	assert_int_equal(r.status, 404); /* Yên Thế's, outside the office's scope */
	resp_free(&r);
	post_bearer("/api/v1/tasks/1/confirm", otok, "{\"on\": \"2023-10-30\", \"note\": \"Đạt\"}",
		    &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"completed_on\":\"2023-10-30\""));
	assert_non_null(strstr(buf_str(&r.body), "\"status\":\"dung_han\""));
	resp_free(&r);
	get_bearer("/api/v1/tasks/1/reports", tok, &r);
	assert_non_null(strstr(buf_str(&r.body), "\"kind\":\"confirmed\""));
	resp_free(&r);
	/* A confirmed task takes no more reports; its deadline leaves the feed. */
	post_bearer("/api/v1/tasks/1/reports", tok, "{\"text\": \"muộn\"}", &r);
	assert_int_equal(r.status, 409);
	resp_free(&r);
	{
		char path[120];

		snprintf(path, sizeof(path), "/ical/tasks.ics?token=%s", tok);
		req("GET", path, NULL, NULL, NULL, 0, NULL, &r);
		assert_null(strstr(buf_str(&r.body), "UID:task-1@"));
		assert_non_null(strstr(buf_str(&r.body), "UID:task-"));
		resp_free(&r);
	}
}

/* ---- administration ---- */

/*
 * The administration tests add bodies, terms, units and accounts: each runs on
 * a store of its own, so that the other tests' counts stay as the fixture made
 * them. The shared server is stopped meanwhile (two servers in one process
 * would share the PDF renderer's fonts, which stopping one releases) and
 * started again on the shared store, where the logged-in clients' sessions
 * are kept.
 */
static char admin_store[256];
static unsigned char shared_clients[sizeof(clients)];

/* Stops the server and starts one on path whose requests may take arena_max bytes (0: as served); 0 on success. */
static int serve_store_arena(const char *path, size_t arena_max)
{
	struct http_config cfg = {.app = &web_app,
				  .listen = "127.0.0.1:0",
				  .threads = 4,
				  .quiet = true,
				  .arena_max = arena_max,
				  .trusted_proxies = trusted,
				  .ntrusted_proxies = 1};
	struct err e = {0};

	http_stop(srv);
	srv = NULL;
	cfg.db_path = path;
	if (http_start(&cfg, &srv, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	snprintf(base, sizeof(base), "http://127.0.0.1:%u", http_port(srv));
	return 0;
}

/* Stops the server and starts one on path; 0 on success. */
static int serve_store(const char *path)
{
	return serve_store_arena(path, 0);
}

/* The shared store served with 64 KiB per request, its own logins. */
static int tight_setup(void **state)
{
	memcpy(shared_clients, clients, sizeof(clients));
	memset(clients, 0, sizeof(clients));
	return serve_store_arena(store, 64u << 10);
}

static int tight_teardown(void **state)
{
	int rc = serve_store(store);

	memcpy(clients, shared_clients, sizeof(clients));
	return rc;
}

static void a_request_out_of_memory_gets_503_saying_so(void **state)
{
	struct client viewer;
	struct resp r;

	login("viewer", &viewer);
	/* 300 tasks of a kilobyte each: 200 of them do not fit in 64 KiB. */
	raw_sql(
	    db_is_pg(store)
		? "INSERT INTO task(id, body_id, content, assigned_on) SELECT 200000 + n, 2,"
		  " 'Rà soát ' || upper(repeat(md5(random()::text), 31)), '2024-01-01'"
		  " FROM generate_series(1, 300) n"
		: "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 300)"
		  " INSERT INTO task(id, body_id, content, assigned_on) SELECT 200000 + n, 2,"
		  " 'Rà soát ' || hex(randomblob(500)), '2024-01-01' FROM c");
	req("GET", "/api/v1/tasks?limit=200", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 503);
	assert_non_null(strstr(buf_str(&r.body), "\"code\":\"ERR_NOMEM\""));
	assert_non_null(strstr(buf_str(&r.body), "hết bộ nhớ"));
	resp_free(&r);
	req("GET", "/tasks", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 503);
	assert_non_null(strstr(buf_str(&r.body), "hết bộ nhớ"));
	assert_null(strstr(buf_str(&r.body), "đang bận"));
	resp_free(&r);
	/* What fits is still answered. */
	req("GET", "/api/v1/tasks?limit=2", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	raw_sql("DELETE FROM task WHERE id > 200000");
}

static int admin_setup(void **state)
{
	snprintf(admin_store, sizeof(admin_store), "/tmp/dondoc-test-http-admin-%ld.db",
		 (long)getpid());
	if (test_store_fresh(admin_store, sizeof(admin_store)) < 0 || fx_create(admin_store) < 0)
		return -1;
	memcpy(shared_clients, clients, sizeof(clients));
	memset(clients, 0, sizeof(clients));
	return serve_store(admin_store);
}

static int admin_teardown(void **state)
{
	int rc = serve_store(store);

	memcpy(clients, shared_clients, sizeof(clients));
	db_remove(admin_store, true, NULL);
	return rc;
}

/* --- HTTPS ---------------------------------------------------------------- */

static char tls_dir[64];

/* A path in the test's certificate directory. */
static const char *tls_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", tls_dir, name);
	return out;
}

/* Makes a self-signed certificate for 127.0.0.1, its key and an unrelated key. */
static int tls_setup(void **state)
{
	char cmd[1024];

	snprintf(tls_dir, sizeof(tls_dir), "/tmp/dondoc-tls-XXXXXX");
	if (!mkdtemp(tls_dir))
		return -1;
	snprintf(cmd, sizeof(cmd),
		 "cd %s && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
		 "-nodes -keyout key.pem -out cert.pem -days 2 -subj /CN=127.0.0.1 "
		 "-addext subjectAltName=IP:127.0.0.1 2>/dev/null && openssl genpkey -algorithm EC "
		 "-pkeyopt ec_paramgen_curve:prime256v1 -out other.pem 2>/dev/null && echo x > "
		 "junk.pem",
		 tls_dir);
	if (system(cmd) != 0) {
		fprintf(stderr, "openssl could not make a test certificate\n");
		return -1;
	}
	memcpy(shared_clients, clients, sizeof(clients));
	memset(clients, 0, sizeof(clients));
	return 0;
}

static int tls_teardown(void **state)
{
	char cmd[128];
	int rc;

	req_ca = NULL;
	rc = serve_store(store);
	memcpy(clients, shared_clients, sizeof(clients));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tls_dir);
	if (system(cmd) != 0)
		rc = -1;
	return rc;
}

/* http_start with cert and key (NULL for none); the error code, the message in e. */
static int tls_start(const char *cert, const char *key, struct err *e)
{
	char c[128], k[128];
	struct http_config cfg = {
	    .app = &web_app, .listen = "127.0.0.1:0", .threads = 2, .quiet = true};
	struct http_server *s = NULL;
	int rc;

	cfg.db_path = store;
	cfg.tls_cert = cert ? tls_path(c, sizeof(c), cert) : NULL;
	cfg.tls_key = key ? tls_path(k, sizeof(k), key) : NULL;
	rc = http_start(&cfg, &s, e);
	http_stop(s);
	return rc;
}

static void https_serves_secure_cookies_and_refuses_bad_files(void **state)
{
	struct http_config cfg = {
	    .app = &web_app, .listen = "127.0.0.1:0", .threads = 4, .quiet = true};
	char cert[128], key[128], ca[128];
	struct err e = {0};
	struct resp r;

	/* Bad files are refused at start, saying which. */
	assert_int_equal(tls_start("cert.pem", NULL, &e), ERR_USAGE);
	assert_int_equal(tls_start("none.pem", "key.pem", &e), ERR_IO);
	assert_non_null(strstr(e.msg, "--tls-cert: không đọc được tệp"));
	assert_int_equal(tls_start("junk.pem", "key.pem", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "--tls-cert"));
	assert_int_equal(tls_start("cert.pem", "junk.pem", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "--tls-key"));
	assert_int_equal(tls_start("cert.pem", "other.pem", &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "không khớp"));
	/* The shared store served over HTTPS. */
	http_stop(srv);
	cfg.db_path = store;
	cfg.tls_cert = tls_path(cert, sizeof(cert), "cert.pem");
	cfg.tls_key = tls_path(key, sizeof(key), "key.pem");
	assert_int_equal(http_start(&cfg, &srv, &e), 0);
	snprintf(base, sizeof(base), "https://127.0.0.1:%u", http_port(srv));
	req_ca = tls_path(ca, sizeof(ca), "cert.pem");
	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Đăng nhập"));
	assert_non_null(strstr(buf_str(&r.headers), "SameSite=Strict; Secure"));
	resp_free(&r);
	try_login("office", "pw-office-123", NULL, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(buf_str(&r.headers), "Max-Age=43200; Secure"));
	resp_free(&r);
	req_ca = NULL;
}

/* Appends k=v (v URL-encoded) to a form body. */
static void form_kv(struct buf *b, const char *k, const char *v)
{
	char *esc = curl_easy_escape(NULL, v, 0);

	assert_non_null(esc);
	if (b->len)
		buf_add(b, "&", 1);
	buf_add(b, k, strlen(k));
	buf_add(b, "=", 1);
	buf_add(b, esc, strlen(esc));
	curl_free(esc);
}

/*
 * POSTs a form of NULL-terminated key, value pairs (the client's CSRF token
 * added) to path; the response is left in r.
 */
static void admin_post(const struct client *cl, const char *path, struct resp *r, ...)
{
	struct buf b = BUF_INIT(1u << 16);
	const char *k, *v;
	va_list ap;

	form_kv(&b, "_csrf", cl->csrf);
	va_start(ap, r);
	while ((k = va_arg(ap, const char *))) {
		v = va_arg(ap, const char *);
		form_kv(&b, k, v);
	}
	va_end(ap);
	req("POST", path, cl->cookie, "application/x-www-form-urlencoded", buf_str(&b), b.len, NULL,
	    r);
	buf_free(&b);
}

/* Whether GET path, as cl, answers 200 with text in its body. */
static bool page_has(const struct client *cl, const char *path, const char *text)
{
	struct resp r;
	bool has;

	req("GET", path, cl->cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	has = strstr(buf_str(&r.body), text) != NULL;
	resp_free(&r);
	return has;
}

/* The number written just after the first marker found after anchor in GET path. */
static long long number_after(const struct client *cl, const char *path, const char *anchor,
			      const char *marker)
{
	struct resp r;
	const char *p;
	long long n;

	req("GET", path, cl->cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	p = strstr(buf_str(&r.body), anchor);
	assert_non_null(p);
	p = strstr(p, marker);
	assert_non_null(p);
	n = strtoll(p + strlen(marker), NULL, 10);
	resp_free(&r);
	assert_true(n > 0);
	return n;
}

/* The value of the option of select name whose label starts with label, on GET path. */
static long long option_value(const struct client *cl, const char *path, const char *name,
			      const char *label)
{
	struct resp r;
	char sel[64], lab[256];
	const char *p, *q;
	long long n = 0;

	snprintf(sel, sizeof(sel), "name=\"%s\"", name);
	snprintf(lab, sizeof(lab), "\">%s", label);
	req("GET", path, cl->cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	p = strstr(buf_str(&r.body), sel);
	assert_non_null(p);
	q = strstr(p, lab);
	assert_non_null(q);
	while (q > p && strncmp(q, "<option value=\"", 15) != 0)
		q--;
	if (q > p)
		n = strtoll(q + 15, NULL, 10);
	resp_free(&r);
	assert_true(n > 0);
	return n;
}

/* The status POST /login gives for this pair (303: logged in). */
static long login_status(const char *who, const char *password)
{
	struct resp r;
	char pre[65], form[256], cookie[128];
	long st;

	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=%s", pre, who, password);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	st = r.status;
	resp_free(&r);
	return st;
}

/* Logs who in with password: the client's cookie and CSRF token. */
static void login_fresh_pw(const char *who, const char *password, struct client *cl)
{
	struct resp r;
	char pre[65], form[256], cookie[128];

	req("GET", "/login", NULL, NULL, NULL, 0, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=%s", pre, who, password);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, strlen(form), NULL,
	    &r);
	assert_int_equal(r.status, 303);
	grab_hex(buf_str(&r.headers), "dd_session=", pre);
	resp_free(&r);
	snprintf(cl->cookie, sizeof(cl->cookie), "dd_session=%s", pre);
	req("GET", "/", cl->cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	grab_hex(buf_str(&r.body), "name=\"_csrf\" value=\"", cl->csrf);
	resp_free(&r);
}

static void admin_forms_create_what_they_say(void **state)
{
	struct client adm;
	struct resp r;
	char id[24];

	login("admin", &adm);
	admin_post(&adm, "/admin/bodies", &r, "name", "Đảng ủy xã Liên Sơn", "short_name",
		   "Đảng ủy", "code", "ĐU", "level", "xa", "kind", "party", "parent", "2", "place",
		   "Liên Sơn", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/bodies", "Đảng ủy xã Liên Sơn"));
	/* The new body is offered as a parent and for terms at once. */
	assert_true(page_has(&adm, "/admin/terms", ">Đảng ủy xã Liên Sơn</option>"));

	admin_post(&adm, "/admin/terms", &r, "body", "3", "name", "XXV", "year_from", "2025",
		   "year_to", "2030", "start_date", "2025-08-01", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(
	    page_has(&adm, "/admin/terms",
		     "<td data-label=\"Khóa\">XXV</td><td data-label=\"Nhiệm kỳ\">2025–2030</td>"));

	admin_post(&adm, "/admin/organs", &r, "body", "3", "kind", "bch", "name",
		   "Ban Chấp hành Đảng bộ huyện Yên Thế", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/organs", "Ban Chấp hành Đảng bộ huyện Yên Thế"));

	admin_post(&adm, "/admin/people", &r, "full_name", "Nguyễn Văn Thử", "email",
		   "thu@yenthe.example", "phone", "0204 3870 000", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/people", "Nguyễn Văn Thử"));
	snprintf(id, sizeof(id), "%lld",
		 number_after(&adm, "/admin/organs", "name=\"person\"", "<option value=\""));
	admin_post(&adm, "/admin/organs/members", &r, "organ", "1", "person", id, "position",
		   "Ủy viên Ban Thường vụ", "date_from", "2020-09-15", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/organs", "<li>Nguyễn Văn Thử — Ủy viên Ban Thường vụ"));

	admin_post(&adm, "/admin/units", &r, "body", "3", "kind", "agency", "name",
		   "Ban Tổ chức Huyện ủy Yên Thế", "email", "btc@yenthe.example", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/units", "Ban Tổ chức Huyện ủy Yên Thế"));
	/* A new unit can be given to a reporter's account straight away. */
	assert_true(page_has(&adm, "/admin", "Ban Tổ chức Huyện ủy Yên Thế"));

	admin_post(&adm, "/admin/recipient-groups", &r, "body", "2", "code", "tb-btv", "name",
		   "Thông báo của Ban Thường vụ", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/admin/recipient-groups", "<code>tb-btv</code>"));
	snprintf(
	    id, sizeof(id), "%lld",
	    number_after(&adm, "/admin/recipient-groups", "name=\"group\"", "<option value=\""));
	admin_post(&adm, "/admin/recipient-groups/lines", &r, "group", id, "label",
		   "- Các đồng chí Ủy viên Ban Thường vụ,", "email", "btv@tanyen.example", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	admin_post(&adm, "/admin/recipient-groups/lines", &r, "group", id, "label",
		   "Các chi, đảng bộ trực thuộc", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	/* Stored as printed, without the dash and the comma; paper where there is no address. */
	assert_true(page_has(&adm, "/admin/recipient-groups",
			     "<li>Các đồng chí Ủy viên Ban Thường vụ <span class=\"muted\">&lt;"
			     "btv@tanyen.example&gt;</span></li><li>Các chi, đảng bộ trực thuộc "
			     "<span class=\"muted\">(bản giấy)</span></li>"));
	/* A notice naming a new group prints its lines under "Nơi nhận". */
	admin_post(&adm, "/admin/recipient-groups", &r, "body", "3", "code", "tb-yt", "name",
		   "Thông báo của Huyện ủy Yên Thế", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	snprintf(id, sizeof(id), "%lld",
		 option_value(&adm, "/admin/recipient-groups", "group", "tb-yt — "));
	admin_post(&adm, "/admin/recipient-groups/lines", &r, "group", id, "label",
		   "Ban Thường vụ Huyện ủy Yên Thế", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	admin_post(&adm, "/notices/2/template", &r, "template",
		   "@recipients tb-yt\n\nKết luận phiên Yên Thế.\n", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(&adm, "/notices/2/html", "Ban Thường vụ Huyện ủy Yên Thế"));
	/* Every admin page carries the one sub-menu, with itself marked. */
	assert_true(page_has(&adm, "/admin/units",
			     "<a href=\"/admin/units\" aria-current=\"page\">Đơn vị</a>"));
	assert_true(page_has(&adm, "/admin", "<a href=\"/admin/profiles\">Thể thức</a>"));
}

static void admin_forms_refuse_bad_input(void **state)
{
	struct client adm;
	struct resp r;
	const char *b;

	login("admin", &adm);
	/* A year that is not a number: 400, the form again with the message beside the field. */
	admin_post(&adm, "/admin/terms", &r, "body", "3", "name", "XXVI", "year_from", "hai nghìn",
		   "year_to", "2030", NULL);
	assert_int_equal(r.status, 400);
	b = buf_str(&r.body);
	assert_non_null(
	    strstr(b, "<span class=\"ferr\" id=\"ferr-year_from\">Năm bắt đầu phải là"));
	assert_non_null(strstr(b, "action=\"/admin/terms\""));
	/* What was right is kept in the form. */
	assert_non_null(strstr(b, "name=\"name\" required value=\"XXVI\""));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/terms", "XXVI"));
	/* A term the core refuses (ten years at most): the reason, nothing written. */
	admin_post(&adm, "/admin/terms", &r, "body", "3", "name", "XXVI", "year_from", "2025",
		   "year_to", "2050", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "nhiệm kỳ 2025-2050 không hợp lệ"));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/terms", "XXVI"));
	/* The same term twice: 409 beside the name. */
	admin_post(&adm, "/admin/terms", &r, "body", "2", "name", "XXII", "year_from", "2020",
		   "year_to", "2025", NULL);
	assert_int_equal(r.status, 409);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-name\">khóa XXII của Huyện ủy Tân Yên "
						 "đã có"));
	resp_free(&r);
	/* A body without a name and of an unknown level. */
	admin_post(&adm, "/admin/bodies", &r, "code", "QU", "level", "quan", "kind", "party", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-name\">thiếu Tên cơ quan"));
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-level\">Cấp phải là một trong"));
	resp_free(&r);
	/* A symbol code with a slash: the core's rule, in Vietnamese. */
	admin_post(&adm, "/admin/bodies", &r, "name", "Quận ủy Thử", "code", "Q/U", "level",
		   "huyen", "kind", "party", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "không được chứa khoảng trắng, &#39;/&#39;"));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/bodies", "Quận ủy Thử"));
	/* A parent that does not exist. */
	admin_post(&adm, "/admin/bodies", &r, "name", "Quận ủy Thử", "code", "QU", "level", "huyen",
		   "kind", "party", "parent", "999", NULL);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/bodies", "Quận ủy Thử"));
	/* An address that is not one. */
	admin_post(&adm, "/admin/units", &r, "body", "2", "kind", "agency", "name", "Ban Thử",
		   "email", "khong-phai-thu", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "thư điện tử &#39;khong-phai-thu&#39;"));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/units", "Ban Thử"));
	admin_post(&adm, "/admin/people", &r, "full_name", "", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-full_name\">thiếu Họ và tên"));
	resp_free(&r);
	/* A member of an organ that does not exist. */
	admin_post(&adm, "/admin/organs/members", &r, "organ", "999", "person", "1", "position",
		   "Bí thư", NULL);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	/* A recipient group code with capitals and spaces; a line for no group. */
	admin_post(&adm, "/admin/recipient-groups", &r, "body", "2", "code", "TB BCH", "name", "X",
		   NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "mã nhóm nơi nhận &#39;TB BCH&#39; không hợp lệ"));
	resp_free(&r);
	admin_post(&adm, "/admin/recipient-groups", &r, "body", "2", "code", "tb-hai-lan", "name",
		   "Nhóm gửi hai lần", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	admin_post(&adm, "/admin/recipient-groups", &r, "body", "2", "code", "tb-hai-lan", "name",
		   "Nhóm gửi hai lần (bản sao)", NULL);
	assert_int_equal(r.status, 409);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-code\">cơ quan này đã có nhóm nơi "
						 "nhận mã &#39;tb-hai-lan&#39;"));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/recipient-groups", "(bản sao)"));
	admin_post(&adm, "/admin/recipient-groups/lines", &r, "group", "999", "label", "Ai đó",
		   NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "không có nhóm nơi nhận số 999"));
	resp_free(&r);
	/* An address the old check let through: no dot in its domain. */
	admin_post(&adm, "/admin/recipient-groups/lines", &r, "group", "1", "label",
		   "Ban Tuyên giáo không dấu chấm", "email", "btg@tanyen", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "địa chỉ thư điện tử &#39;btg@tanyen&#39; không "
						 "hợp lệ: tên miền phải có dấu chấm"));
	resp_free(&r);
	assert_false(page_has(&adm, "/admin/recipient-groups", "không dấu chấm"));
	/* A profile value that is no number, one the layout check refuses, an unknown field. */
	admin_post(&adm, "/admin/profiles", &r, "profile", "party-2018", "field", "margin_left",
		   "value", "ba mươi", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-value\">Giá trị phải là một số"));
	resp_free(&r);
	admin_post(&adm, "/admin/profiles", &r, "profile", "party-2018", "field", "margin_left",
		   "value", "100", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-value\">khổ trình bày: margin_left = "
						 "100 mm không hợp lệ (cho phép 5–60 mm)"));
	resp_free(&r);
	admin_post(&adm, "/admin/profiles", &r, "profile", "party-2018", "field", "font", "value",
		   "12", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-field\">"));
	resp_free(&r);
	admin_post(&adm, "/admin/profiles", &r, "profile", "khong-co", "field", "body_pt", "value",
		   "13", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "không có khổ trình bày &#39;khong-co&#39;"));
	resp_free(&r);
	assert_true(
	    page_has(&adm, "/admin/profiles",
		     "<code>margin_left</code></span></th><td data-label=\"party-2018\">30</td>"));
}

static void only_the_administrator_administers(void **state)
{
	static const char *const who[] = {"office", "member", "reporter", "viewer", "viewer3"};
	static const char *const posts[] = {
	    "/admin/bodies",
	    "/admin/terms",
	    "/admin/organs",
	    "/admin/organs/members",
	    "/admin/units",
	    "/admin/people",
	    "/admin/recipient-groups",
	    "/admin/recipient-groups/lines",
	    "/admin/profiles",
	    "/admin/users/1/password",
	    "/admin/users/1/disable",
	    "/admin/users/1/enable",
	};

	for (size_t i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
		struct client cl;

		login(who[i], &cl);
		for (size_t k = 0; k < sizeof(posts) / sizeof(posts[0]); k++) {
			struct resp r;

			admin_post(&cl, posts[k], &r, "name", "Cơ quan lạ", "body", "2", "code",
				   "LA", "level", "huyen", "kind", "party", "new_password",
				   "mat-khau-moi-1", NULL);
			if (r.status != 403)
				fail_msg("POST %s as %s: got %ld, want 403", posts[k], who[i],
					 r.status);
			resp_free(&r);
		}
	}
	{
		struct client adm;

		login("admin", &adm);
		assert_false(page_has(&adm, "/admin/bodies", "Cơ quan lạ"));
	}
}

/* Whether two PDFs are the same but for their /CreationDate (which every rendering stamps). */
static bool pdf_same_but_date(const struct buf *a, const struct buf *b)
{
	const char *pa = memmem(a->data, a->len, "/CreationDate (", 15);
	const char *pb = memmem(b->data, b->len, "/CreationDate (", 15);
	const char *ea, *eb;

	if (!pa || !pb)
		return a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
	ea = memchr(pa, ')', a->len - (size_t)(pa - a->data));
	eb = memchr(pb, ')', b->len - (size_t)(pb - b->data));
	assert_non_null(ea);
	assert_non_null(eb);
	return pa - a->data == pb - b->data &&
	       memcmp(a->data, b->data, (size_t)(pa - a->data)) == 0 &&
	       a->len - (size_t)(ea - a->data) == b->len - (size_t)(eb - b->data) &&
	       memcmp(ea, eb, a->len - (size_t)(ea - a->data)) == 0;
}

static void a_profile_change_shows_on_the_profile_page_and_in_the_pdf(void **state)
{
	struct client adm, off;
	struct resp r, before, after;

	login("admin", &adm);
	login("office", &off);
	req("GET", "/notices/1/pdf", off.cookie, NULL, NULL, 0, NULL, &before);
	assert_int_equal(before.status, 200);
	/* Rendered twice unchanged, a notice gives the same PDF but for its date. */
	req("GET", "/notices/1/pdf", off.cookie, NULL, NULL, 0, NULL, &after);
	assert_true(pdf_same_but_date(&before.body, &after.body));
	resp_free(&after);
	admin_post(&adm, "/admin/profiles", &r, "profile", "party-2018", "field", "margin_left",
		   "value", "35,5", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_true(page_has(
	    &adm, "/admin/profiles",
	    "<code>margin_left</code></span></th><td data-label=\"party-2018\">35,5</td>"));
	/* The next PDF is laid out anew with the wider margin. */
	req("GET", "/notices/1/pdf", off.cookie, NULL, NULL, 0, NULL, &after);
	assert_int_equal(after.status, 200);
	assert_false(pdf_same_but_date(&before.body, &after.body));
	resp_free(&before);
	resp_free(&after);
	admin_post(&adm, "/admin/profiles", &r, "profile", "party-2018", "field", "margin_left",
		   "value", "30", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
}

static void passwords_change_and_disabled_users_cannot_log_in(void **state)
{
	struct client adm, tmp;
	struct resp r;
	char path[64];
	long long id;

	login("admin", &adm);
	admin_post(&adm, "/admin/users", &r, "login", "tamthoi", "full_name", "Tạm Thời", "role",
		   "viewer", "body", "2", "password", "pw-tamthoi-123", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	login_fresh("tamthoi", &tmp);
	/* The same login again: 409 beside the login, the form again. */
	admin_post(&adm, "/admin/users", &r, "login", "tamthoi", "role", "viewer", "password",
		   "pw-khac-12345", NULL);
	assert_int_equal(r.status, 409);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-login\">"));
	assert_non_null(strstr(buf_str(&r.body), "action=\"/admin/users\""));
	resp_free(&r);
	id = number_after(&adm, "/admin", "<td data-label=\"Tên đăng nhập\">tamthoi</td>",
			  "action=\"/admin/users/");
	/* A password too short: 400 beside the row's field, the old one still works. */
	snprintf(path, sizeof(path), "/admin/users/%lld/password", id);
	admin_post(&adm, path, &r, "new_password", "ngan", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-new_password\""));
	resp_free(&r);
	assert_int_equal(login_status("tamthoi", "pw-tamthoi-123"), 303);
	/* A new password: the old one no longer opens, the new one does. */
	admin_post(&adm, path, &r, "new_password", "mat-khau-moi-456", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(login_status("tamthoi", "pw-tamthoi-123"), 401);
	assert_int_equal(login_status("tamthoi", "mat-khau-moi-456"), 303);
	/* The sessions opened before are ended. */
	req("GET", "/", tmp.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	login_fresh_pw("tamthoi", "mat-khau-moi-456", &tmp);
	/* Disabling: the live session ends and logging in is refused. */
	snprintf(path, sizeof(path), "/admin/users/%lld/disable", id);
	admin_post(&adm, path, &r, NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-confirm\">thiếu Ô xác nhận"));
	resp_free(&r);
	req("GET", "/", tmp.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	admin_post(&adm, path, &r, "confirm", "yes", NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	req("GET", "/", tmp.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(login_status("tamthoi", "mat-khau-moi-456"), 401);
	req("GET", "/admin", adm.cookie, NULL, NULL, 0, NULL, &r);
	{
		const char *row =
		    strstr(buf_str(&r.body), "<td data-label=\"Tên đăng nhập\">tamthoi</td>");
		const char *end = row ? strstr(row, "</tr>") : NULL;

		assert_non_null(end);
		assert_non_null(strstr(row, "đã khóa"));
		assert_true(strstr(row, "đã khóa") < end);
	}
	resp_free(&r);
	/* Enabled again, the account logs in with its password; enabling twice finds nothing. */
	snprintf(path, sizeof(path), "/admin/users/%lld/enable", id);
	admin_post(&adm, path, &r, NULL);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	login_fresh_pw("tamthoi", "mat-khau-moi-456", &tmp);
	admin_post(&adm, path, &r, NULL);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	/* The administrator may not lock itself out. */
	id = number_after(&adm, "/admin", "<td data-label=\"Tên đăng nhập\">admin</td>",
			  "action=\"/admin/users/");
	snprintf(path, sizeof(path), "/admin/users/%lld/disable", id);
	admin_post(&adm, path, &r, "confirm", "yes", NULL);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "Không thể tự khóa"));
	resp_free(&r);
	/* An account that does not exist. */
	admin_post(&adm, "/admin/users/9999/disable", &r, "confirm", "yes", NULL);
	assert_int_equal(r.status, 404);
	resp_free(&r);
}

/* The number the dashboard prints before " nhiệm vụ; đến hạn" (its task total). */
static long dashboard_total(struct client *cl)
{
	struct resp r;
	const char *p, *end;
	long n;

	get_ok("/", cl, &r);
	end = strstr(buf_str(&r.body), " nhiệm vụ; đến hạn");
	assert_non_null(end);
	for (p = end; p > buf_str(&r.body) && p[-1] >= '0' && p[-1] <= '9'; p--)
		;
	n = strtol(p, NULL, 10);
	resp_free(&r);
	return n;
}

static void the_dashboard_counts_only_tasks_in_scope(void **state)
{
	struct client adm, v3;
	struct resp r;

	login("admin", &adm);
	login("viewer3", &v3);
	/* Yên Thế's viewer sees Yên Thế's task alone; the admin sees both districts'. */
	assert_true(dashboard_total(&v3) >= 1);
	assert_true(dashboard_total(&v3) < dashboard_total(&adm));
	get_ok("/", &v3, &r);
	assert_non_null(strstr(buf_str(&r.body), "/tasks?unit=2&amp;open=1"));
	assert_null(strstr(buf_str(&r.body), "/tasks?unit=1&amp;open=1"));
	resp_free(&r);
	get_ok("/", &adm, &r);
	assert_non_null(strstr(buf_str(&r.body), "/tasks?unit=1&amp;open=1"));
	resp_free(&r);
}

static void search_finds_tasks_notices_and_comments(void **state)
{
	struct client member, viewer, viewer3;
	struct resp r;

	login("member", &member);
	login("viewer", &viewer);
	login("viewer3", &viewer3);
	raw_sql("INSERT INTO sw_comment(document_id, session_id, author_unit_id, content) VALUES"
		" (1, 1, 1, 'Đề nghị bổ sung chỉ tiêu thu hút đầu tư'),"
		" (2, 1, 1, 'Bổ sung phương án diễn tập khu vực phòng thủ')");
	get_ok("/search?q=hoan+thien+du+thao+quy+che", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/tasks/1\""));
	assert_non_null(strstr(buf_str(&r.body), "nhiệm vụ</span>"));
	resp_free(&r);
	get_ok("/search?q=hoan+thien+du+thao+quy+che", &viewer3, &r);
	assert_null(strstr(buf_str(&r.body), "href=\"/tasks/1\""));
	resp_free(&r);
	get_ok("/search?q=thong+bao+ket+luan", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/notices/1\""));
	assert_non_null(strstr(buf_str(&r.body), "thông báo kết luận</span>"));
	resp_free(&r);
	get_ok("/search?q=thu+hut+dau+tu", &viewer, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/sessions/1#gop-y\""));
	assert_non_null(strstr(buf_str(&r.body), "<mark>thu</mark> <mark>hút</mark>"));
	resp_free(&r);
	/* A comment on a confidential draft is found only by the roles cleared for it. */
	get_ok("/search?q=dien+tap+khu+vuc+phong+thu", &viewer, &r);
	assert_null(strstr(buf_str(&r.body), "#gop-y"));
	resp_free(&r);
	get_ok("/search?q=dien+tap+khu+vuc+phong+thu", &member, &r);
	assert_non_null(strstr(buf_str(&r.body), "href=\"/sessions/1#gop-y\""));
	resp_free(&r);
}

/* The ids of the tasks a search page links to, in their order; at most max. */
static size_t task_links(const char *html, int64_t *ids, size_t max)
{
	static const char mark[] = "href=\"/tasks/";
	size_t n = 0;

	for (const char *p = html; n < max && (p = strstr(p, mark));) {
		p += sizeof(mark) - 1;
		ids[n++] = strtoll(p, NULL, 10);
	}
	return n;
}

static void a_common_word_finds_the_best_fifty_in_scope(void **state)
{
	struct client viewer, viewer3;
	struct resp r;
	int64_t ids[64], want[50];
	size_t n, k = 0;

	login("viewer", &viewer);
	login("viewer3", &viewer3);
	/*
	 * 1,500 tasks of Tân Yên (the viewer's), then 1,500 newer ones of Yên Thế
	 * (not the viewer's), all with the same words; five of Tân Yên's say only
	 * those words and so rank above the rest, whose texts are equally long.
	 */
	raw_sql("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000)"
		" INSERT INTO task(id, body_id, content, assigned_on) SELECT 100000 + n,"
		" CASE WHEN n <= 1500 THEN 2 ELSE 3 END,"
		" CASE WHEN n IN (1000, 1100, 1200, 1300, 1400) THEN 'Kiểm kê rừng'"
		" ELSE 'Kiểm kê rừng phòng hộ tại thôn ' || n END, '2024-01-01' FROM c");
	for (int64_t i = 1400; i >= 1000; i -= 100)
		want[k++] = 100000 + i;
	for (int64_t i = 1500; k < 50; i--)
		if (i != 1400)
			want[k++] = 100000 + i;
	/* The best first, the newest first among equals, none out of scope. */
	get_ok("/search?q=kiem+ke+rung", &viewer, &r);
	n = task_links(buf_str(&r.body), ids, 64);
	assert_int_equal(n, 50);
	for (size_t i = 0; i < 50; i++)
		assert_int_equal(ids[i], want[i]);
	resp_free(&r);
	get_ok("/search?q=kiem+ke+rung", &viewer3, &r);
	n = task_links(buf_str(&r.body), ids, 64);
	assert_int_equal(n, 50);
	for (size_t i = 0; i < 50; i++)
		assert_int_equal(ids[i], 103000 - (int64_t)i);
	resp_free(&r);
	raw_sql("DELETE FROM task WHERE id > 100000");
}

/* How many times needle occurs in hay. */
static int occurrences(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static void a_long_timeline_comes_in_pages(void **state)
{
	struct client viewer;
	struct resp r;
	char next[128] = "";
	const char *p;

	login("viewer", &viewer);
	raw_sql("INSERT INTO task(id, body_id, content, assigned_on) VALUES"
		" (300001, 2, 'Theo dõi dài', '2020-01-01')");
	raw_sql(
	    db_is_pg(store)
		? "INSERT INTO task_event(task_id, kind, on_date, text) SELECT 300001, 'report',"
		  " to_char(date '2020-01-01' + n, 'YYYY-MM-DD'), 'BC-' || lpad(n::text, 3, '0')"
		  " || ';' FROM generate_series(1, 45) n"
		: "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 45)"
		  " INSERT INTO task_event(task_id, kind, on_date, text) SELECT 300001, 'report',"
		  " date('2020-01-01', '+' || n || ' days'), printf('BC-%03d;', n) FROM c");
	/* The task carries its latest 20 events, their count and where the rest are. */
	get_ok("/api/v1/tasks/300001", &viewer, &r);
	assert_int_equal(occurrences(buf_str(&r.body), "BC-0"), 20);
	assert_non_null(strstr(buf_str(&r.body), "BC-045;"));
	assert_non_null(strstr(buf_str(&r.body), "BC-026;"));
	assert_null(strstr(buf_str(&r.body), "BC-025;"));
	assert_non_null(strstr(buf_str(&r.body), "\"events_count\":45"));
	assert_non_null(strstr(buf_str(&r.body), "\"timeline\":\"/api/v1/tasks/300001/timeline\""));
	resp_free(&r);
	/* The timeline pages through all 45, oldest first. */
	get_ok("/api/v1/tasks/300001/timeline?limit=30", &viewer, &r);
	assert_int_equal(occurrences(buf_str(&r.body), "BC-0"), 30);
	assert_true(strstr(buf_str(&r.body), "BC-001;") < strstr(buf_str(&r.body), "BC-030;"));
	assert_null(strstr(buf_str(&r.body), "BC-031;"));
	p = strstr(buf_str(&r.body), "\"next\":\"");
	assert_non_null(p);
	p += strlen("\"next\":\"");
	memcpy(next, p, strcspn(p, "\""));
	resp_free(&r);
	get_ok(next, &viewer, &r);
	assert_int_equal(occurrences(buf_str(&r.body), "BC-0"), 15);
	assert_non_null(strstr(buf_str(&r.body), "BC-045;"));
	assert_null(strstr(buf_str(&r.body), "\"next\""));
	resp_free(&r);
	/* Its parameters follow the lists' rules. */
	req("GET", "/api/v1/tasks/300001/timeline?limit=201", viewer.cookie, NULL, NULL, 0, NULL,
	    &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"limit\""));
	resp_free(&r);
	req("GET", "/api/v1/tasks/300001/timeline?limit=0", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	req("GET", "/api/v1/tasks/300001/timeline?page=2", viewer.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "page"));
	resp_free(&r);
	/* The page shows the latest and links to the rest. */
	get_ok("/tasks/300001", &viewer, &r);
	assert_int_equal(occurrences(buf_str(&r.body), "BC-0"), 20);
	assert_non_null(
	    strstr(buf_str(&r.body), "<a href=\"/tasks/300001/timeline\">Xem thêm</a>"));
	resp_free(&r);
	get_ok("/tasks/300001/timeline", &viewer, &r);
	assert_int_equal(occurrences(buf_str(&r.body), "BC-0"), 45);
	assert_null(strstr(buf_str(&r.body), "Xem thêm"));
	resp_free(&r);
	/* Not the viewer's: not found. */
	{
		struct client viewer3;

		login("viewer3", &viewer3);
		req("GET", "/tasks/300001/timeline", viewer3.cookie, NULL, NULL, 0, NULL, &r);
		assert_int_equal(r.status, 404);
		resp_free(&r);
		req("GET", "/api/v1/tasks/300001/timeline", viewer3.cookie, NULL, NULL, 0, NULL,
		    &r);
		assert_int_equal(r.status, 404);
		resp_free(&r);
	}
	raw_sql(
	    "DELETE FROM task_event WHERE task_id = 300001; DELETE FROM task WHERE id = 300001");
}

/* The first n of the body's "href=\"/sessions/1/comments?after=…\"", as a path, in out. */
static bool comments_next(const struct resp *r, char *out, size_t n)
{
	const char *p =
	    strstr(buf_str((struct buf *)&r->body), "href=\"/sessions/1/comments?after=");
	const char *end;

	if (!p)
		return false;
	p += strlen("href=\"");
	end = strchr(p, '"');
	snprintf(out, n, "%.*s", (int)(end - p), p);
	return true;
}

/*
 * A session's comments come a page at a time: the session's page shows the
 * first 20 under their heading's count of all and a link to the rest, which
 * go on from the last shown; the API lists them by id with a strict
 * after/limit and links.next; a secret document's comments stay out for
 * those not cleared, and an account outside the session's scope gets 404.
 */
static void a_sessions_comments_come_a_page_at_a_time(void **state)
{
	/* the comments the session has from the tests before, and those on its secret document */
	int64_t before = fx_int(store, "SELECT count(*) FROM sw_comment WHERE session_id = 1");
	int64_t secret = fx_int(store, "SELECT count(*) FROM sw_comment c JOIN document d ON "
				       "d.id = c.document_id WHERE c.session_id = 1 AND "
				       "d.confidentiality <> 'thuong'");
	int last_shown = 20 - (int)before; /* the last of these on the session's page */
	struct db *db = NULL;
	struct err e = {0};
	struct client adm, vw, vw3;
	struct resp r;
	char path[160], text[64];
	json_t *j, *data;
	int64_t id;
	size_t seen = 0;

	assert_true(before < 10);
	assert_int_equal(db_open(store, 0, &db, &e), 0);
	for (int i = 1; i <= 25; i++) {
		snprintf(text, sizeof(text), "Góp ý thứ %02d", i);
		assert_int_equal(cmt_add(db, 1, 1, 0, 1, NULL, text, &id, &e), 0);
	}
	assert_int_equal(cmt_add(db, 2, 1, 0, 1, NULL, "Góp ý về văn bản mật", &id, &e), 0);
	db_close(db);
	login("admin", &adm);
	login("viewer", &vw);
	login("viewer3", &vw3);

	req("GET", "/sessions/1", adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	snprintf(text, sizeof(text), "Góp ý thứ %02d", last_shown);
	assert_non_null(strstr(buf_str(&r.body), text));
	snprintf(text, sizeof(text), "Góp ý thứ %02d", last_shown + 1);
	assert_null(strstr(buf_str(&r.body), text));
	snprintf(text, sizeof(text), "20 ý kiến đầu trong số %d", (int)before + 26);
	assert_non_null(strstr(buf_str(&r.body), text));
	assert_true(comments_next(&r, path, sizeof(path)));
	resp_free(&r);
	req("GET", path, adm.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	snprintf(text, sizeof(text), "Góp ý thứ %02d", last_shown);
	assert_null(strstr(buf_str(&r.body), text));
	snprintf(text, sizeof(text), "Góp ý thứ %02d", last_shown + 1);
	assert_non_null(strstr(buf_str(&r.body), text));
	assert_non_null(strstr(buf_str(&r.body), "Góp ý thứ 25"));
	assert_non_null(strstr(buf_str(&r.body), "Góp ý về văn bản mật"));
	assert_false(comments_next(&r, path, sizeof(path)));
	resp_free(&r);
	/* not cleared for secret documents: none of the secret one's, in the count or the list */
	req("GET", "/sessions/1", vw.cookie, NULL, NULL, 0, NULL, &r);
	snprintf(text, sizeof(text), "20 ý kiến đầu trong số %d", (int)(before - secret) + 25);
	assert_non_null(strstr(buf_str(&r.body), text));
	assert_true(comments_next(&r, path, sizeof(path)));
	resp_free(&r);
	req("GET", path, vw.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Góp ý thứ 25"));
	assert_null(strstr(buf_str(&r.body), "văn bản mật"));
	resp_free(&r);

	/* the API, 10 at a time, following links.next */
	snprintf(path, sizeof(path), "/api/v1/sessions/1/comments?limit=10");
	for (int page = 0; page < 6; page++) {
		json_t *next;

		req("GET", path, adm.cookie, NULL, NULL, 0, NULL, &r);
		assert_int_equal(r.status, 200);
		j = json_loads(buf_str(&r.body), 0, NULL);
		resp_free(&r);
		assert_non_null(j);
		data = json_object_get(j, "data");
		seen += json_array_size(data);
		next = json_object_get(json_object_get(j, "links"), "next");
		if (!next) {
			assert_string_equal(
			    json_string_value(json_object_get(
				json_array_get(data, json_array_size(data) - 1), "content")),
			    "Góp ý về văn bản mật");
			json_decref(j);
			break;
		}
		snprintf(path, sizeof(path), "%s", json_string_value(next));
		json_decref(j);
	}
	assert_int_equal(seen, before + 26);
	static const struct {
		const char *path, *field;
	} bad[] = {
	    {"/api/v1/sessions/1/comments?limit=0", "limit"},
	    {"/api/v1/sessions/1/comments?limit=201", "limit"},
	    {"/api/v1/sessions/1/comments?after=x", "after"},
	    {"/api/v1/sessions/1/comments?page=2", "page"},
	    {"/sessions/1/comments?after=-1", "after"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		req("GET", bad[i].path, adm.cookie, NULL, NULL, 0, NULL, &r);
		if (r.status != 400 || !strstr(buf_str(&r.body), bad[i].field))
			fail_msg("%s: got %ld", bad[i].path, r.status);
		resp_free(&r);
	}
	req("GET", "/sessions/1/comments", vw3.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	req("GET", "/api/v1/sessions/1/comments", vw3.cookie, NULL, NULL, 0, NULL, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_response_carries_the_security_headers),
	    cmocka_unit_test(anonymous_visitors_are_sent_to_login),
	    cmocka_unit_test(session_cookie_is_httponly_and_samesite),
	    cmocka_unit_test(wrong_password_is_refused_in_vietnamese),
	    cmocka_unit_test(wrong_passwords_from_one_address_never_lock_out_another),
	    cmocka_unit_test(cookies_are_secure_behind_an_https_proxy),
	    cmocka_unit_test(malformed_input_gets_400_naming_the_field),
	    cmocka_unit_test(unsafe_requests_need_the_csrf_token),
	    cmocka_unit_test(oversize_bodies_get_413),
	    cmocka_unit_test(role_route_scope_matrix),
	    cmocka_unit_test(confidential_documents_stay_out_of_lists),
	    cmocka_unit_test(search_ignores_tones_and_keeps_secrets),
	    cmocka_unit_test(indicators_show_figures_and_bars),
	    cmocka_unit_test(a_reporter_reports_progress_on_its_task),
	    cmocka_unit_test(api_lists_paginate_with_links_next),
	    cmocka_unit_test(api_tokens_work_without_cookies),
	    cmocka_unit_test(odd_ids_are_refused_not_clamped),
	    cmocka_unit_test(a_locked_store_gives_503_and_a_clear_page),
	    cmocka_unit_test(odd_requests_do_not_crash_the_server),
	    cmocka_unit_test(the_office_edits_a_notice_and_downloads_it),
	    cmocka_unit_test(the_dashboard_counts_only_tasks_in_scope),
	    cmocka_unit_test(search_finds_tasks_notices_and_comments),
	    cmocka_unit_test(a_common_word_finds_the_best_fifty_in_scope),
	    cmocka_unit_test(a_long_timeline_comes_in_pages),
	    /* indicator entry and export */
	    cmocka_unit_test(the_office_enters_figures_and_the_report_changes),
	    cmocka_unit_test(a_bad_cell_gets_400_naming_it_and_nothing_is_written),
	    cmocka_unit_test(the_report_downloads_as_xlsx),
	    cmocka_unit_test(the_api_writes_values_in_one_transaction),
	    cmocka_unit_test(a_failed_save_leaves_nothing_behind),
	    cmocka_unit_test(odd_entry_requests_are_refused_cleanly),
	    /* administration */
	    cmocka_unit_test_setup_teardown(admin_forms_create_what_they_say, admin_setup,
					    admin_teardown),
	    cmocka_unit_test_setup_teardown(admin_forms_refuse_bad_input, admin_setup,
					    admin_teardown),
	    cmocka_unit_test_setup_teardown(only_the_administrator_administers, admin_setup,
					    admin_teardown),
	    cmocka_unit_test_setup_teardown(
		a_profile_change_shows_on_the_profile_page_and_in_the_pdf, admin_setup,
		admin_teardown),
	    cmocka_unit_test_setup_teardown(passwords_change_and_disabled_users_cannot_log_in,
					    admin_setup, admin_teardown),
	    cmocka_unit_test_setup_teardown(https_serves_secure_cookies_and_refuses_bad_files,
					    tls_setup, tls_teardown),
	    cmocka_unit_test_setup_teardown(a_request_out_of_memory_gets_503_saying_so, tight_setup,
					    tight_teardown),
	    /* API and feeds */
	    cmocka_unit_test(api_terms_agenda_items_and_notices_paginate_in_scope),
	    cmocka_unit_test(ical_tasks_lists_open_deadlines_in_scope),
	    cmocka_unit_test(api_reports_are_posted_as_json_by_the_unit),
	    cmocka_unit_test(api_confirm_closes_a_task_for_the_office),
	    cmocka_unit_test(a_sessions_comments_come_a_page_at_a_time),
	};
	struct CMUnitTest run[sizeof(tests) / sizeof(tests[0])];
	size_t n = 0;

	/* SQLite's store-wide write lock has no like on PostgreSQL (it locks rows): that test
	 * runs on SQLite only. */
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
		if (!test_store_on_pg() ||
		    tests[i].test_func != a_locked_store_gives_503_and_a_clear_page)
			run[n++] = tests[i];
	return _cmocka_run_group_tests("tests", run, n, setup, teardown);
}
