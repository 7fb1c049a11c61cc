/* http.h: the web server: start and stop, the request that handlers see, and its helpers. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/accounts/account.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

/* The store (db/db.h), opaque here: handlers pass it on to core. */
struct db;

struct http_server;
struct http_app;

struct http_config {
	const struct http_app *app; /* routes and error pages (src/web's web_app) */
	const char *db_path;
	const char *listen; /* "127.0.0.1:8080"; port 0 picks a free one */
	int threads;	    /* worker threads, each with its own store connection */
	size_t max_body;    /* bytes of a request body; more is 413 */
	int timeout;	    /* seconds a connection may stay idle */
	int db_timeout_ms;  /* wait for another writer's lock before 503 */
	size_t arena_max;   /* bytes one request may take from its arena; 0 is HTTP_ARENA_MAX */
	/* Each worker's connection: MiB of the file it maps, KiB of pages it caches (0: default). */
	int64_t db_mmap_mib, db_cache_kib;
	bool quiet; /* no request log */
	/* HTTPS: PEM files of the certificate (chain) and its unencrypted key; both or neither. */
	const char *tls_cert, *tls_key;
	/*
	 * Reverse proxies (IP addresses, each entry may be a comma list): only
	 * when the TCP peer is one of them, the client address is the last hop
	 * of X-Forwarded-For and the scheme is X-Forwarded-Proto.
	 */
	const char *const *trusted_proxies;
	int ntrusted_proxies;
};

#define HTTP_MAX_BODY_DEFAULT (1u << 20)
#define HTTP_ARENA_MAX (16u << 20)
#define HTTP_MAX_FIELDS 256
#define HTTP_MAX_FIELD_ERRORS 16
#define HTTP_MAX_TRUSTED_PROXIES 16
#define HTTP_TLS_FILE_MAX (1u << 20)

/*
 * Starts serving; caller stops and frees with http_stop(). A bad --listen, a
 * trusted proxy that is not an IP address, or an unreadable or invalid
 * certificate or key is ERR_USAGE / ERR_IO / ERR_INVAL with a Vietnamese
 * message naming the option and file.
 */
int http_start(const struct http_config *cfg, struct http_server **ret, struct err *e);
/* The port actually bound (useful with port 0). */
uint16_t http_port(const struct http_server *s);
/* Whether the server answers HTTPS. */
bool http_tls(const struct http_server *s);
/* Stops accepting, finishes requests under way, closes every connection; accepts NULL. */
void http_stop(struct http_server *s);

/* What a route's input field holds; values are checked before a handler runs. */
enum http_ftype {
	HF_TEXT,     /* one line of UTF-8, no control characters */
	HF_MULTI,    /* several lines of UTF-8 */
	HF_INT,	     /* a positive integer id or count */
	HF_DATE,     /* YYYY-MM-DD */
	HF_DATETIME, /* YYYY-MM-DDTHH:MM:SSZ or a date */
	HF_ENUM,     /* one of a '|'-separated list */
	HF_SECRET,   /* a password: any bytes but NUL, never echoed */
	HF_JSON,     /* a JSON array or object (in a JSON body), kept as its JSON text */
	HF_COUNT,    /* a count: 0 or a positive integer, up to max */
	HF_REF,	  /* a row by its id or by a text key (HU:bch, XXII): text, or an integer in JSON */
	HF_ENUMS, /* one or more of a '|'-separated list, comma-separated or the field repeated;
		     the handler sees them joined by commas ("a,b") */
};

/*
 * A field named "v#" stands for a family: every name made of its prefix and a
 * positive integer ("v12"), each checked alone and kept under its own name
 * (a grid of cells, one per row id). Such a field cannot be required.
 */
struct http_field {
	const char *name;
	enum http_ftype type;
	bool required;
	size_t max;	     /* max bytes (text) or max value (int) */
	const char *choices; /* HF_ENUM, HF_ENUMS: "a|b|c" */
	const char *label;   /* Vietnamese, for messages */
};

struct http_route;

struct http_field_error {
	const char *name, *msg;
};

/* One request, from parsing to response; everything in it lives in arena. */
struct http_req {
	struct arena *arena;
	struct db *db;
	const char *method, *path;
	/* The peer's address, or X-Forwarded-For's last hop when the peer is a trusted proxy. */
	const char *client;
	bool secure;   /* came over TLS, or through a trusted proxy that says https */
	int64_t id[2]; /* the path's numeric segments, in order */
	const struct http_route *route;
	bool json; /* the route answers JSON */
	bool logged_in;
	struct account acct;
	char csrf[65]; /* the session's CSRF token */
	/* Validated input (query for GET, form or JSON body for POST), by field name. */
	int nvals;
	const char *names[HTTP_MAX_FIELDS], *vals[HTTP_MAX_FIELDS];
	int nferr;
	struct http_field_error ferr[HTTP_MAX_FIELD_ERRORS];
	/* The file sent to an RF_UPLOAD route (NULL when none): bytes in the arena. */
	const void *upload;
	size_t upload_len;
	const char *upload_name; /* its file name as the browser gave it; may be NULL */
	/* Response. */
	int status;
	const char *ctype;
	const char *location; /* redirect target (303) */
	const char *set_cookie[2];
	int retry_after;	 /* seconds, sent as Retry-After with a 429 */
	const char *disposition; /* Content-Disposition for downloads */
	struct buf out;
	struct err err;
	void *conn; /* the server's connection handle */
};

/* A validated input value; NULL when absent. */
const char *http_arg(const struct http_req *r, const char *name);
/* A validated HF_INT or HF_COUNT value, or def when absent. */
int64_t http_arg_int(const struct http_req *r, const char *name, int64_t def);
/* A request header, NULL when absent. */
const char *http_header(const struct http_req *r, const char *name);
/* A cookie sent with the request, NULL when absent. */
const char *http_cookie(const struct http_req *r, const char *name);
/* "; Secure" when the request came over HTTPS (directly or through a trusted proxy), else "". */
const char *http_cookie_secure(const struct http_req *r);
/* Ends with a redirect (303 See Other) to a local path. */
int http_redirect(struct http_req *r, const char *path);
/* Records a field-level error (for a 400 answer); returns ERR_INVAL. */
int http_field_error(struct http_req *r, const char *name, const char *msg);
