/* http_client.h: the HTTP tests' client: one request with libcurl against the server under test at base. */
#pragma once

#include <curl/curl.h>
#include <string.h>

#include "util/buf.h"

/* The server's address ("http://127.0.0.1:PORT"), set by the test's setup. */
static char base[64];

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
