/* http_client.h: the HTTP tests' server and client: dondoc's web application on a store, requests with libcurl. */
#pragma once

#include <curl/curl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/accounts/account.h"
#include "db/db.h"
#include "http/http.h"
#include "render/docview.h"
#include "util/buf.h"
#include "web/web.h"

/* The store under test (named by the test's setup), the server on it, and its address. */
static char store[256];
static struct http_server *srv;
static char base[64];

/* Serves the web application on store at a free port of 127.0.0.1; 0, or -1 said on stderr. */
static int http_client_serve(void)
{
	struct http_config cfg = {.app = &web_app,
				  .db_path = store,
				  .listen = "127.0.0.1:0",
				  .threads = 4,
				  .quiet = true};
	struct err e = {0};

	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (http_start(&cfg, &srv, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	snprintf(base, sizeof(base), "http://127.0.0.1:%u", http_port(srv));
	return 0;
}

/* The group's teardown: the server stops and its store goes with its key. */
static int http_client_teardown(void **state)
{
	http_stop(srv);
	dv_render_release();
	curl_global_cleanup();
	db_remove(store, true, NULL);
	return 0;
}

struct resp {
	long status;
	struct buf body, headers;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	return buf_add(ud, p, size * n) == 0 ? size * n : 0;
}

/* One request; cookie, ctype, body and header may be NULL. Free r with resp_free(). */
static void req(const char *method, const char *path, const char *cookie, const char *ctype,
		const char *body, const char *header, struct resp *r)
{
	CURL *c = curl_easy_init();
	struct curl_slist *hs = NULL;
	char url[1024], line[512];

	buf_init(&r->body, 32u << 20);
	buf_init(&r->headers, 1u << 20);
	snprintf(url, sizeof(url), "%s%s", base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r->headers);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	if (cookie)
		curl_easy_setopt(c, CURLOPT_COOKIE, cookie);
	if (ctype) {
		snprintf(line, sizeof(line), "Content-Type: %s", ctype);
		hs = curl_slist_append(hs, line);
	}
	if (header)
		hs = curl_slist_append(hs, header);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
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
static inline void grab_hex(const char *s, const char *marker, char out[65])
{
	const char *p = strstr(s, marker);

	assert_non_null(p);
	memcpy(out, p + strlen(marker), 64);
	out[64] = '\0';
}

/* A logged-in browser: its session cookie and the CSRF token its forms carry (a test with clients of its own defines HTTP_CLIENT_OWN_CLIENT). */
#ifndef HTTP_CLIENT_OWN_CLIENT
struct client {
	char cookie[128], csrf[65];
};

static inline void login_pw(const char *who, const char *password, struct client *cl);

/* Logs in as a web fixture's account (password "pw-LOGIN-123"). */
static inline void login(const char *who, struct client *cl)
{
	char pw[96];

	snprintf(pw, sizeof(pw), "pw-%s-123", who);
	login_pw(who, pw, cl);
}

static inline void login_pw(const char *who, const char *password, struct client *cl)
{
	struct resp r;
	char pre[65], form[256], cookie[128];

	req("GET", "/login", NULL, NULL, NULL, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=%s", pre, who, password);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, NULL, &r);
	assert_int_equal(r.status, 303);
	grab_hex(buf_str(&r.headers), "dd_session=", pre);
	resp_free(&r);
	snprintf(cl->cookie, sizeof(cl->cookie), "dd_session=%s", pre);
	req("GET", "/", cl->cookie, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	grab_hex(buf_str(&r.body), "name=\"_csrf\" value=\"", cl->csrf);
	resp_free(&r);
}

static inline void post_form(const struct client *cl, const char *path, const char *fields,
			     struct resp *r)
{
	char form[2048];

	snprintf(form, sizeof(form), "_csrf=%s&%s", cl->csrf, fields);
	req("POST", path, cl->cookie, "application/x-www-form-urlencoded", form, NULL, r);
}

static inline void get(const struct client *cl, const char *path, struct resp *r)
{
	req("GET", path, cl->cookie, NULL, NULL, NULL, r);
}

static inline void post_bearer(const char *path, const char *tok, const char *json, struct resp *r)
{
	char hdr[100];

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req("POST", path, NULL, "application/json", json, hdr, r);
}

static inline void get_bearer(const char *path, const char *tok, struct resp *r)
{
	char hdr[100];

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req("GET", path, NULL, NULL, NULL, hdr, r);
}

/* method on path with the API token tok (and a JSON body, or NULL); the answer parsed into *ret (caller decrefs). */
static inline long api_json(const char *tok, const char *method, const char *path, const char *json,
			    json_t **ret)
{
	char hdr[128];
	struct resp r;
	long st;

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
	req(method, path, NULL, json ? "application/json" : NULL, json, hdr, &r);
	st = r.status;
	*ret = json_loads(buf_str(&r.body), 0, NULL);
	if (!*ret)
		fail_msg("%s %s: %ld, not JSON: %s", method, path, st, buf_str(&r.body));
	resp_free(&r);
	return st;
}

/* A GET of path with the API token tok, parsed as api_json does. */
static inline long api_get(const char *tok, const char *path, json_t **ret)
{
	return api_json(tok, "GET", path, NULL, ret);
}

static inline void new_token(const char *login, char tok[65])
{
	struct db *db = NULL;
	struct err e = {0};

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(account_token_new(db, login, "api-test", tok, &e), 0);
	db_close(db);
}
#endif
