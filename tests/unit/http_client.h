/* http_client.h: the HTTP tests' server and client: dondoc's web application on a store, requests with libcurl. */
#pragma once

#include <curl/curl.h>
#include <string.h>

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
