/* http_server.c: libmicrohttpd glue: limits, per-thread store connections, auth, CSRF, dispatch, log. */
/*
 * Over 1,000 lines: one request's path through libmicrohttpd (limits, input,
 * identity, CSRF, dispatch, response) reads best whole; the pages, the API
 * and the route table live above it (src/web).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <inttypes.h>
#include <jansson.h>
#include <microhttpd.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/db.h"
#include "http/http.h"
#include "http/http_route.h"
#include "util/id.h"
#include "util/log.h"
#include "vn/date.h"
#include "vn/text.h"

#define HTTP_OUT_MAX (64u << 20)

/* Sent with every response. */
static const char http_csp[] = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
			       "script-src 'self'; frame-src 'self'; form-action 'self'; "
			       "frame-ancestors 'none'; base-uri 'none'";
/* An RF_FRAME document: its own styles, no script, framed by dondoc's pages only. */
static const char http_csp_frame[] = "default-src 'none'; style-src 'unsafe-inline'; "
				     "img-src data:; form-action 'none'; frame-ancestors 'self'; "
				     "base-uri 'none'";

/* A trusted proxy's address, as bytes of its family. */
struct http_proxy {
	int family; /* AF_INET or AF_INET6 */
	unsigned char a[16];
};

struct http_server {
	struct MHD_Daemon *d;
	struct http_config cfg;
	pthread_key_t dbkey; /* each worker thread's own store connection */
	uint16_t port;
	bool tls;
	struct buf cert, key; /* PEM text handed to libmicrohttpd, kept while it runs */
	struct http_proxy proxies[HTTP_MAX_TRUSTED_PROXIES];
	int nproxies;
};

/* One request's state across libmicrohttpd's calls. */
struct http_ctx {
	struct http_req req;
	struct buf body;
	bool toobig;
	struct timespec t0;
	size_t sent;
};

static void http_db_close(void *p)
{
	db_close(p);
}

/* The calling worker thread's connection, opened on first use. */
static int http_db(struct http_server *s, struct db **ret, struct err *e)
{
	struct db *db = pthread_getspecific(s->dbkey);
	int r;

	if (!db) {
		r = db_open(s->cfg.db_path, 0, &db, e);
		if (r < 0)
			return r;
		db_set_timeout(db, s->cfg.db_timeout_ms);
		r = db_set_memory(db, s->cfg.db_mmap_mib,
				  s->cfg.db_cache_kib ? s->cfg.db_cache_kib : DB_CACHE_DEFAULT_KIB);
		if (r < 0) {
			db_close(db);
			return err_set(e, r, "không đặt được giới hạn bộ nhớ của cơ sở dữ liệu");
		}
		if (pthread_setspecific(s->dbkey, db) != 0) {
			db_close(db);
			return ERR_NOMEM;
		}
	}
	*ret = db;
	return 0;
}

unsigned http_role_bit(const char *role)
{
	static const struct {
		const char *code;
		unsigned bit;
	} map[] = {
	    {"admin", ROLE_ADMIN},	 {"office", ROLE_OFFICE}, {"member", ROLE_MEMBER},
	    {"reporter", ROLE_REPORTER}, {"viewer", ROLE_VIEWER},
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].code, role) == 0)
			return map[i].bit;
	return 0;
}

/*
 * Matches one pattern; '#' takes a canonical id (id_parse: digits, no leading
 * 0, at most INT64_MAX). Any other segment there, such as an id past
 * INT64_MAX, matches nothing (404), never a clamped id.
 */
static bool route_match(const char *pat, const char *path, int64_t id[2])
{
	int nid = 0;

	while (*pat && *path) {
		if (*pat == '#') {
			const char *p = path;
			int64_t v = 0;

			if (nid == 2)
				return false;
			while (*p && *p != '/')
				p++;
			if (!id_parse(path, (size_t)(p - path), &v))
				return false;
			id[nid++] = v;
			path = p;
			pat++;
			continue;
		}
		if (*pat != *path)
			return false;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

const struct http_route *http_route_find(const struct http_app *app, const char *method,
					 const char *path, int64_t id[2], int *path_known)
{
	*path_known = 0;
	for (int i = 0; i < app->nroutes; i++) {
		const struct http_route *rt = &app->routes[i];
		int64_t tmp[2] = {0, 0};

		if (!route_match(rt->pattern, path, tmp))
			continue;
		*path_known = 1;
		if (strcmp(rt->method, method) == 0 ||
		    (strcmp(method, "HEAD") == 0 && strcmp(rt->method, "GET") == 0)) {
			id[0] = tmp[0];
			id[1] = tmp[1];
			return rt;
		}
	}
	return NULL;
}

const char *http_arg(const struct http_req *r, const char *name)
{
	for (int i = 0; i < r->nvals; i++)
		if (strcmp(r->names[i], name) == 0)
			return r->vals[i];
	return NULL;
}

int64_t http_arg_int(const struct http_req *r, const char *name, int64_t def)
{
	const char *v = http_arg(r, name);

	return v && *v ? strtoll(v, NULL, 10) : def;
}

const char *http_header(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

int http_redirect(struct http_req *r, const char *path)
{
	r->status = MHD_HTTP_SEE_OTHER;
	r->location = arena_strdup(r->arena, path);
	return r->location ? 0 : ERR_NOMEM;
}

int http_field_error(struct http_req *r, const char *name, const char *msg)
{
	if (r->nferr < HTTP_MAX_FIELD_ERRORS) {
		r->ferr[r->nferr].name = name;
		r->ferr[r->nferr].msg = msg;
		r->nferr++;
	}
	err_set(&r->err, ERR_INVAL, "Dữ liệu nhập không hợp lệ");
	return ERR_INVAL;
}

/* --- input ------------------------------------------------------------- */

/* Length of the UTF-8 sequence at s (at most n bytes), 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	uint32_t c;
	size_t len;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	return len;
}

static const char *check_text(const char *v, size_t n, bool multi)
{
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)v[i];
		size_t l;

		if (ch < 0x20 || ch == 0x7f) {
			if (!(multi && (ch == '\n' || ch == '\r' || ch == '\t')))
				return "có ký tự điều khiển không được phép";
		}
		l = utf8_len((const unsigned char *)v + i, n - i);
		if (!l)
			return "không phải văn bản UTF-8 hợp lệ";
		i += l;
	}
	return NULL;
}

/* "dddd-dd-dd": the shape of a date in a form or JSON field. */
static bool date_shape_ok(const char *v, size_t n)
{
	if (n != 10 || v[4] != '-' || v[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return false;
	return true;
}

/*
 * A calendar date from 1900 on, for HF_DATETIME: a synchronisation mark
 * (modified_since) is a machine's, not a date a person enters, and a client
 * may ask from far past or future; HF_DATE uses vn_date_parse's range.
 */
static bool date_ok(const char *v, size_t n)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;

	if (n != 10 || v[4] != '-' || v[7] != '-')
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)v[i]))
			return false;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
	m = (v[5] - '0') * 10 + (v[6] - '0');
	d = (v[8] - '0') * 10 + (v[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static bool choice_ok(const char *choices, const char *v)
{
	size_t n = strlen(v);

	for (const char *p = choices; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && memcmp(p, v, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

/* Checks one value against its field; returns a Vietnamese message or NULL. */
static const char *field_check(struct http_req *r, const struct http_field *f, const char *v)
{
	size_t n = strlen(v);
	const char *m;

	switch (f->type) {
	case HF_TEXT:
	case HF_REF:
	case HF_MULTI:
		if (n > f->max)
			return arena_printf(r->arena, "%s quá dài: tối đa %zu byte", f->label,
					    f->max);
		m = check_text(v, n, f->type == HF_MULTI);
		return m ? arena_printf(r->arena, "%s %s", f->label, m) : NULL;
	case HF_SECRET:
		return n > f->max ? arena_printf(r->arena, "%s quá dài", f->label) : NULL;
	case HF_INT: {
		int64_t x;

		if (n == 0 && !f->required)
			return NULL;
		if (!id_parse(v, n, &x))
			return arena_printf(r->arena,
					    "%s phải là số nguyên dương (chỉ chữ số, không dấu, "
					    "không số 0 đứng đầu, tối đa %" PRId64 ")",
					    f->label, INT64_MAX);
		if (f->max && (uint64_t)x > f->max)
			return arena_printf(r->arena, "%s phải là số nguyên từ 1 đến %zu", f->label,
					    f->max);
		return NULL;
	}
	case HF_DATE: {
		struct vn_date d;
		struct err de = {0};

		if (n == 0 && !f->required)
			return NULL;
		if (!date_shape_ok(v, n))
			return arena_printf(r->arena,
					    "%s phải là ngày dạng YYYY-MM-DD (ví dụ 2023-10-04)",
					    f->label);
		/* The one rule for dates a person enters: a real day, a year 1930–2100. */
		if (vn_date_parse(v, n, 0, &d, &de) < 0)
			return arena_printf(r->arena, "%s không hợp lệ: %s", f->label, de.msg);
		return NULL;
	}
	case HF_DATETIME:
		if (n == 0 && !f->required)
			return NULL;
		if (date_ok(v, n >= 10 ? 10 : n) &&
		    (n == 10 ||
		     (n == 20 && v[10] == 'T' && v[19] == 'Z' && isdigit((unsigned char)v[11]) &&
		      isdigit((unsigned char)v[12]) && v[13] == ':' && v[16] == ':')))
			return NULL;
		return arena_printf(
		    r->arena, "%s phải là thời điểm dạng 2023-10-04T08:00:00Z hoặc ngày 2023-10-04",
		    f->label);
	case HF_COUNT: {
		int64_t x = 0;

		if (n == 0 && !f->required)
			return NULL;
		if (!(n == 1 && v[0] == '0') && !id_parse(v, n, &x))
			return arena_printf(
			    r->arena, "%s phải là số nguyên không âm (chỉ chữ số, ví dụ 0 hoặc 12)",
			    f->label);
		if (f->max && (uint64_t)x > f->max)
			return arena_printf(r->arena, "%s phải là số nguyên từ 0 đến %zu", f->label,
					    f->max);
		return NULL;
	}
	case HF_ENUM:
		if (n == 0 && !f->required)
			return NULL;
		return choice_ok(f->choices, v) ? NULL
						: arena_printf(r->arena, "%s phải là một trong: %s",
							       f->label, f->choices);
	case HF_ENUMS:
		if (n == 0 && !f->required)
			return NULL;
		for (const char *p = v; p;) {
			const char *comma = strchr(p, ',');
			char *one =
			    arena_strndup(r->arena, p, comma ? (size_t)(comma - p) : strlen(p));

			if (!one || !choice_ok(f->choices, one))
				return arena_printf(r->arena, "%s phải là một hoặc nhiều trong: %s",
						    f->label, f->choices);
			p = comma ? comma + 1 : NULL;
		}
		return NULL;
	case HF_JSON: {
		json_t *j;
		bool ok;

		if (n == 0 && !f->required)
			return NULL;
		if (n > f->max)
			return arena_printf(r->arena, "%s quá dài: tối đa %zu byte", f->label,
					    f->max);
		j = json_loadb(v, n, JSON_REJECT_DUPLICATES, NULL);
		ok = json_is_array(j) || json_is_object(j);
		json_decref(j);
		return ok ? NULL
			  : arena_printf(r->arena,
					 "%s phải là một mảng [...] hoặc đối tượng {...} JSON",
					 f->label);
	}
	}
	return "kiểu trường không biết";
}

/* Whether name is the family pattern's prefix followed by a positive integer ("v#": "v12"). */
static bool family_match(const char *pat, const char *name)
{
	size_t pl = strlen(pat) - 1;

	if (strncmp(pat, name, pl) != 0 || name[pl] < '1' || name[pl] > '9')
		return false;
	for (const char *p = name + pl; *p; p++)
		if (!isdigit((unsigned char)*p) || p - (name + pl) >= 18)
			return false;
	return true;
}

/* The route's field for an input name (a family row for "v12"); NULL when unknown. */
static const struct http_field *route_field(const struct http_req *r, const char *name)
{
	const struct http_field *f = NULL;

	for (const struct http_field *p = r->route->fields; p && p->name; p++) {
		size_t n = strlen(p->name);

		if (n > 1 && p->name[n - 1] == '#' ? family_match(p->name, name)
						   : strcmp(p->name, name) == 0)
			f = p;
	}
	return f;
}

/* Turns CRLF and a lone CR into LF, in place. */
static void lf_lines(char *s)
{
	char *w = s;

	for (const char *p = s; *p; p++) {
		if (*p == '\r') {
			*w++ = '\n';
			if (p[1] == '\n')
				p++;
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
}

/* Records one raw input pair if the route's table knows the name. */
static void input_add(struct http_req *r, const char *name, const char *val)
{
	const struct http_field *f = NULL;
	const char *m, *key;

	if (strcmp(name, "_csrf") == 0 || strcmp(name, "token") == 0) {
		/* Carried separately; checked by the dispatcher, never shown to handlers. */
		if (r->nvals < HTTP_MAX_FIELDS) {
			r->names[r->nvals] = arena_strdup(r->arena, name);
			r->vals[r->nvals++] = arena_strdup(r->arena, val);
		}
		return;
	}
	f = route_field(r, name);
	if (!f && (r->route->flags & RF_STRICT)) {
		const char *nm = arena_strdup(r->arena, name);

		http_field_error(r, nm ? nm : "",
				 arena_printf(r->arena, "Tham số không được nhận: %s", name));
		return;
	}
	if (!f)
		return; /* unknown fields are ignored, never passed on */
	/* A family's member keeps its own name; a plain field the table's. */
	key = strchr(f->name, '#') ? arena_strdup(r->arena, name) : f->name;
	if (!key) {
		http_field_error(r, f->name, "không đủ bộ nhớ");
		return;
	}
	if (http_arg(r, key) && f->type == HF_ENUMS) {
		/* A repeated list field: checked alone, then joined to the value kept. */
		m = field_check(r, f, val);
		if (m) {
			http_field_error(r, key, m);
			return;
		}
		for (int i = 0; i < r->nvals; i++)
			if (strcmp(r->names[i], key) == 0)
				r->vals[i] = arena_printf(r->arena, "%s,%s", r->vals[i], val);
		return;
	}
	if (http_arg(r, key)) {
		http_field_error(r, key, arena_printf(r->arena, "%s được gửi hai lần", f->label));
		return;
	}
	m = field_check(r, f, val);
	if (m) {
		http_field_error(r, key, m);
		return;
	}
	if (r->nvals >= HTTP_MAX_FIELDS) {
		http_field_error(r, key, "quá nhiều trường");
		return;
	}
	if (f->type == HF_TEXT || f->type == HF_REF || f->type == HF_MULTI) {
		/* Text enters dondoc in NFC, whatever form the browser sent. */
		struct buf nfc = BUF_INIT(f->max * 3 + 16);

		if (vn_nfc(val, strlen(val), &nfc, NULL) < 0) {
			buf_free(&nfc);
			http_field_error(
			    r, key,
			    arena_printf(r->arena, "%s không phải văn bản UTF-8 hợp lệ", f->label));
			return;
		}
		r->names[r->nvals] = key;
		r->vals[r->nvals] = arena_strdup(r->arena, buf_str(&nfc));
		buf_free(&nfc);
		/* Browsers send a textarea's lines ended by CRLF; dondoc's texts end them by LF. */
		if (f->type == HF_MULTI && r->vals[r->nvals])
			lf_lines((char *)r->vals[r->nvals]);
		r->nvals++;
		return;
	}
	r->names[r->nvals] = key;
	r->vals[r->nvals++] = arena_strdup(r->arena, val);
}

static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *value)
{
	input_add(cls, key, value ? value : "");
	return MHD_YES;
}

/* Decodes application/x-www-form-urlencoded; ERR_INVAL on bad escapes or too many pairs. */
static int parse_form(struct http_req *r, char *s)
{
	int npairs = 0;

	while (s && *s) {
		char *amp = strchr(s, '&'), *eq;

		if (amp)
			*amp = '\0';
		if (++npairs > HTTP_MAX_FIELDS)
			return http_field_error(r, "", "biểu mẫu có quá nhiều trường");
		eq = strchr(s, '=');
		if (eq)
			*eq = '\0';
		for (char *p = s; *p; p++)
			if (*p == '+')
				*p = ' ';
		for (char *p = eq ? eq + 1 : NULL; p && *p; p++)
			if (*p == '+')
				*p = ' ';
		MHD_http_unescape(s);
		if (eq)
			MHD_http_unescape(eq + 1);
		if (strlen(s) > 64)
			return http_field_error(r, "", "tên trường quá dài");
		if (*s)
			input_add(r, s, eq ? eq + 1 : "");
		s = amp ? amp + 1 : NULL;
	}
	return 0;
}

/* A header parameter's value (name="x" or name=x) in h, into the arena; NULL when absent. */
static const char *header_param(struct http_req *r, const char *h, const char *hend,
				const char *name)
{
	size_t n = strlen(name);

	for (const char *p = h; p && p + n + 1 < hend; p++) {
		if ((p == h || p[-1] == ' ' || p[-1] == ';') && strncasecmp(p, name, n) == 0 &&
		    p[n] == '=') {
			const char *v = p + n + 1, *e;

			if (*v == '"') {
				v++;
				e = memchr(v, '"', (size_t)(hend - v));
			} else {
				e = v;
				while (e < hend && *e != ';' && *e != ' ' && *e != '\r')
					e++;
			}
			return e ? arena_strndup(r->arena, v, (size_t)(e - v)) : NULL;
		}
	}
	return NULL;
}

/*
 * Decodes multipart/form-data: text parts are taken as form fields, the part
 * named "file" is the upload. ERR_INVAL (a field error) when malformed.
 */
static int parse_multipart(struct http_req *r, const char *ct, const char *body, size_t len)
{
	const char *b = header_param(r, ct, ct + strlen(ct), "boundary");
	const char *p = body, *end = body + len;
	char *delim;
	size_t dl;
	int nparts = 0;

	if (!b || !*b || strlen(b) > 200)
		return http_field_error(r, "", "biểu mẫu gửi tệp thiếu ranh giới (boundary)");
	delim = arena_printf(r->arena, "\r\n--%s", b);
	if (!delim)
		return ERR_NOMEM;
	dl = strlen(delim);
	/* the first delimiter has no CRLF before it */
	if (len < dl - 2 || memcmp(p, delim + 2, dl - 2) != 0)
		return http_field_error(r, "", "biểu mẫu gửi tệp không đúng dạng");
	p += dl - 2;
	while (p + 2 <= end && memcmp(p, "--", 2) != 0) {
		const char *hs, *he, *ds, *de, *name, *fname;

		if (++nparts > HTTP_MAX_FIELDS)
			return http_field_error(r, "", "biểu mẫu có quá nhiều trường");
		if (p + 2 > end || memcmp(p, "\r\n", 2) != 0)
			return http_field_error(r, "", "biểu mẫu gửi tệp không đúng dạng");
		hs = p + 2;
		he = memmem(hs, (size_t)(end - hs), "\r\n\r\n", 4);
		if (!he)
			return http_field_error(r, "", "biểu mẫu gửi tệp không đúng dạng");
		ds = he + 4;
		de = memmem(ds, (size_t)(end - ds), delim, dl);
		if (!de)
			return http_field_error(r, "", "biểu mẫu gửi tệp không đúng dạng");
		name = header_param(r, hs, he, "name");
		fname = header_param(r, hs, he, "filename");
		if (name && strcmp(name, "file") == 0 && fname) {
			void *copy = arena_alloc(r->arena, (size_t)(de - ds) + 1);

			if (!copy)
				return ERR_NOMEM;
			memcpy(copy, ds, (size_t)(de - ds));
			r->upload = (size_t)(de - ds) ? copy : NULL;
			r->upload_len = (size_t)(de - ds);
			r->upload_name = fname;
		} else if (name && *name && strlen(name) <= 64) {
			const char *v = arena_strndup(r->arena, ds, (size_t)(de - ds));

			if (!v || strlen(v) != (size_t)(de - ds))
				return http_field_error(r, name, "trường có ký tự NUL");
			input_add(r, name, v);
		}
		p = de + dl;
	}
	return 0;
}

/*
 * A JSON object of scalars is taken like a form; an array or object is taken
 * only by an HF_JSON field, as its JSON text, for the handler to read.
 */
static int parse_json(struct http_req *r, const char *s, size_t n)
{
	json_error_t je;
	json_t *j = json_loadb(s, n, JSON_REJECT_DUPLICATES, &je);
	const char *key;
	json_t *v;

	if (!j)
		return http_field_error(r, "",
					arena_printf(r->arena,
						     "JSON không hợp lệ ở dòng %d, cột %d: %s",
						     je.line, je.column, je.text));
	if (!json_is_object(j)) {
		json_decref(j);
		return http_field_error(r, "", "JSON phải là một đối tượng {…}");
	}
	json_object_foreach(j, key, v)
	{
		const struct http_field *f = route_field(r, key);
		char num[32];

		/* JSON is typed: a number where the field takes text is a wrong type. */
		if (f && json_is_integer(v) && f->type != HF_INT && f->type != HF_COUNT &&
		    f->type != HF_REF) {
			http_field_error(
			    r, f->name,
			    arena_printf(r->arena, "%s phải là chuỗi, không phải số", f->label));
		} else if (json_is_string(v)) {
			input_add(r, key, json_string_value(v));
		} else if (json_is_integer(v)) {
			snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			input_add(r, key, num);
		} else if (json_is_null(v)) {
			continue;
		} else if (json_is_boolean(v)) {
			input_add(r, key, json_is_true(v) ? "true" : "false");
		} else if ((json_is_array(v) || json_is_object(v)) && route_field(r, key) &&
			   route_field(r, key)->type == HF_JSON) {
			char *text = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);

			if (!text) {
				http_field_error(r, arena_strdup(r->arena, key), "không đủ bộ nhớ");
				continue;
			}
			input_add(r, key, text);
			free(text);
		} else {
			http_field_error(
			    r, arena_strdup(r->arena, key),
			    arena_printf(r->arena, "trường '%s' phải là chuỗi hoặc số", key));
		}
	}
	json_decref(j);
	return r->nferr ? ERR_INVAL : 0;
}

/* Checks required fields once all input is in. */
static void input_required(struct http_req *r)
{
	for (const struct http_field *f = r->route->fields; f && f->name; f++) {
		const char *v = http_arg(r, f->name);

		if (strchr(f->name, '#'))
			continue; /* a family is never required */
		if (f->required && (!v || !*v))
			http_field_error(r, f->name, arena_printf(r->arena, "thiếu %s", f->label));
	}
}

/* --- auth -------------------------------------------------------------- */

const char *http_cookie(const struct http_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *http_cookie_secure(const struct http_req *r)
{
	return r->secure ? "; Secure" : "";
}

/* The token of "Authorization: Bearer TOKEN", the scheme in any case (RFC 7235); NULL if none. */
static const char *bearer_token(const char *auth)
{
	if (!auth || strncasecmp(auth, "Bearer", 6) != 0 || (auth[6] != ' ' && auth[6] != '\t'))
		return NULL;
	auth += 6;
	while (*auth == ' ' || *auth == '\t')
		auth++;
	return *auth ? auth : NULL;
}

/*
 * Finds who is asking: session cookie, or API token where the route allows
 * one. ?token= only on the feeds (RF_QTOKEN): elsewhere a token in the
 * address, where logs and browser histories keep it, is refused.
 */
static int authenticate(struct http_req *r, bool *by_token)
{
	const char *tok = http_cookie(r, "dd_session");
	const char *qtok = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, "token");
	int r2;

	*by_token = false;
	if (qtok && !(r->route->flags & RF_QTOKEN))
		return err_set(
		    &r->err, ERR_AUTH,
		    "Mã truy cập API không được gửi trong địa chỉ (?token=) ở đây, chỉ ở "
		    "lịch iCal; hãy gửi nó trong tiêu đề Authorization: Bearer");
	if (tok) {
		r2 = account_session_get(r->db, tok, time(NULL), &r->acct, r->csrf);
		if (r2 == 0) {
			r->logged_in = true;
			return 0;
		}
		if (r2 != ERR_AUTH)
			return r2;
	}
	if (!(r->route->flags & (RF_TOKEN | RF_JSON)))
		return 0;
	tok = bearer_token(http_header(r, MHD_HTTP_HEADER_AUTHORIZATION));
	if (!tok && (r->route->flags & RF_QTOKEN))
		tok = qtok;
	if (!tok)
		return 0;
	r2 = account_token_auth(r->db, tok, &r->acct);
	if (r2 == ERR_AUTH)
		return err_set(&r->err, ERR_AUTH, "Mã truy cập API không hợp lệ hoặc đã thu hồi");
	if (r2 < 0)
		return r2;
	r->logged_in = true;
	*by_token = true;
	return 0;
}

static bool same_secret(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0;

	return a && b && n == 64 && strlen(b) == n && sodium_memcmp(a, b, n) == 0;
}

/* Every unsafe request proves it came from our own form (or carries an API token). */
static int csrf_check(struct http_req *r, bool by_token)
{
	const char *sent = http_arg(r, "_csrf");

	if (by_token)
		return 0;
	if (!sent)
		sent = http_header(r, "X-CSRF-Token");
	if (r->route->flags & RF_PUBLIC) {
		/* Before login: the form's token must match the cookie set with the form. */
		if (same_secret(sent, http_cookie(r, "dd_login")))
			return 0;
	} else if (same_secret(sent, r->csrf)) {
		return 0;
	}
	return err_set(&r->err, ERR_PERM,
		       "Biểu mẫu đã hết hạn hoặc không đến từ dondoc (thiếu mã CSRF); hãy tải lại "
		       "trang và gửi lại");
}

/* --- responses --------------------------------------------------------- */

static void add_common_headers(struct MHD_Response *resp, bool cacheable, bool framed)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
				framed ? http_csp_frame : http_csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", framed ? "SAMEORIGIN" : "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Permissions-Policy",
				"camera=(), microphone=(), geolocation=()");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				cacheable ? "public, max-age=3600" : "no-store");
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct http_ctx *c)
{
	struct http_req *r = &c->req;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = r->out.len;
	char *body = buf_steal(&r->out);

	resp = MHD_create_response_from_buffer_with_free_callback(len, body, free);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	add_common_headers(resp, r->route && (r->route->flags & RF_CACHE) && r->status == 200,
			   r->route && (r->route->flags & RF_FRAME) && r->status == 200);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
				r->ctype ? r->ctype : "text/html; charset=utf-8");
	if (r->location)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	if (r->disposition)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
	for (int i = 0; i < 2; i++)
		if (r->set_cookie[i])
			MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, r->set_cookie[i]);
	if (r->status == 503)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "5");
	if (r->status == 429 && r->retry_after > 0) {
		char ra[24];

		snprintf(ra, sizeof(ra), "%d", r->retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, ra);
	}
	if (r->status == 401 && r->json)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer realm=\"dondoc\"");
	c->sent = len;
	ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* Turns a failure into its page or JSON body, as the application draws them. */
static void fail(const struct http_server *s, struct http_req *r, int code)
{
	buf_reset(&r->out);
	r->location = NULL;
	r->disposition = NULL;
	r->status = err_http(code);
	/*
	 * Out of memory, wherever it ran out (the request's arena, the store's
	 * heap, a library), is said one way: what was being done goes to the log.
	 */
	if (code == ERR_NOMEM) {
		if (r->err.code == code && r->err.msg[0])
			log_error("%s %s: %s", r->method, r->path, r->err.msg);
		err_set(&r->err, ERR_NOMEM, "%s", err_str(ERR_NOMEM));
	}
	if (r->json) {
		r->ctype = "application/json";
		s->cfg.app->error_json(r, code);
	} else {
		r->ctype = "text/html; charset=utf-8";
		s->cfg.app->error_html(r, code);
	}
}

/* Runs the route: auth, role, CSRF, input, then the handler. */
static void dispatch(struct http_server *s, struct http_ctx *c)
{
	struct http_req *r = &c->req;
	/* Every method that writes carries its input in the body and needs the CSRF token. */
	bool by_token = false,
	     post = strcmp(r->method, "POST") == 0 || strcmp(r->method, "PUT") == 0 ||
		    strcmp(r->method, "PATCH") == 0 || strcmp(r->method, "DELETE") == 0;
	const char *ct;
	int path_known, rc;

	r->route = http_route_find(s->cfg.app, r->method, r->path, r->id, &path_known);
	r->json = strncmp(r->path, "/api/", 5) == 0 || (r->route && (r->route->flags & RF_JSON));
	if (!r->route) {
		rc = err_set(&r->err, path_known ? ERR_USAGE : ERR_NOTFOUND,
			     path_known ? "Phương thức %s không dùng được ở địa chỉ này"
					: "Không có trang %s",
			     path_known ? r->method : r->path);
		fail(s, r, rc);
		if (path_known)
			r->status = MHD_HTTP_METHOD_NOT_ALLOWED;
		return;
	}
	if (c->toobig) {
		err_set(&r->err, ERR_TOOBIG, "Dữ liệu gửi lên quá lớn: tối đa %zu byte",
			s->cfg.max_body);
		fail(s, r, ERR_TOOBIG);
		return;
	}
	/* Input first (the API token may travel in the query), checked against the table. */
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, query_iter, r);
	if (post && c->body.len) {
		ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
		if (ct && strncmp(ct, "application/x-www-form-urlencoded", 33) == 0)
			parse_form(r, c->body.data);
		else if (ct && (r->route->flags & RF_UPLOAD) &&
			 strncmp(ct, "multipart/form-data", 19) == 0)
			parse_multipart(r, ct, c->body.data, c->body.len);
		else if (ct && (r->route->flags & RF_UPLOAD) &&
			 strncmp(ct, "application/pdf", 15) == 0) {
			r->upload = c->body.data;
			r->upload_len = c->body.len;
		} else if (ct && strncmp(ct, "application/json", 16) == 0)
			parse_json(r, c->body.data, c->body.len);
		else
			http_field_error(r, "",
					 "Kiểu dữ liệu gửi lên không được hỗ trợ (dùng biểu mẫu "
					 "hoặc application/json)");
	}
	rc = http_db(s, &r->db, &r->err);
	if (rc < 0) {
		/* The store's own words (paths among them) go to the log, not to the client. */
		log_error("cơ sở dữ liệu: %s", err_msg(&r->err, rc));
		err_set(&r->err, rc, "%s", err_str(rc));
		goto out;
	}
	/*
	 * A request that only asks reads in one snapshot: the store is locked
	 * once, not once per statement. Whatever writes ends it first (db.h).
	 */
	if (!post && (rc = db_read_begin(r->db)) < 0)
		goto out;
	rc = authenticate(r, &by_token);
	if (rc < 0)
		goto out;
	if (!(r->route->flags & RF_PUBLIC)) {
		if (!r->logged_in) {
			if (!r->json && !post) {
				rc = http_redirect(r, "/login");
				goto out;
			}
			rc = err_set(&r->err, ERR_AUTH, "Cần đăng nhập");
			goto out;
		}
		if (!(http_role_bit(r->acct.role) & r->route->roles)) {
			rc = err_set(&r->err, ERR_PERM,
				     "Tài khoản %s (vai trò %s) không được xem trang này",
				     r->acct.login, r->acct.role);
			goto out;
		}
	}
	if (post) {
		rc = csrf_check(r, by_token);
		if (rc < 0)
			goto out;
	}
	if (r->nferr && !(r->route->flags & RF_FORM)) {
		rc = ERR_INVAL;
		goto out;
	}
	input_required(r);
	if (r->nferr && !(r->route->flags & RF_FORM)) {
		rc = ERR_INVAL;
		goto out;
	}
	if (r->logged_in) {
		char actor[96];

		snprintf(actor, sizeof(actor), "%s:%s", by_token ? "api" : "web", r->acct.login);
		db_set_actor(r->db, actor);
	}
	r->status = 200;
	rc = r->route->fn(r);
	db_set_actor(r->db, "web");
out:
	if (r->db)
		db_read_end(r->db);
	if (rc < 0) {
		/* A handler that failed mid-write leaves nothing behind, at any depth. */
		while (r->db && db_depth(r->db) > 0)
			db_rollback(r->db);
		if (r->db)
			db_rollback(r->db);
		fail(s, r, rc);
	}
}

/* Whether the TCP peer is one of the trusted proxies (an IPv4 one also as ::ffff:a.b.c.d). */
static bool peer_trusted(const struct http_server *s, const struct sockaddr *sa)
{
	static const unsigned char v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	const unsigned char *a;
	int family = sa->sa_family;

	if (family == AF_INET) {
		a = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
	} else if (family == AF_INET6) {
		a = ((const struct sockaddr_in6 *)sa)->sin6_addr.s6_addr;
		if (memcmp(a, v4mapped, 12) == 0) {
			family = AF_INET;
			a += 12;
		}
	} else {
		return false;
	}
	for (int i = 0; i < s->nproxies; i++)
		if (s->proxies[i].family == family &&
		    memcmp(s->proxies[i].a, a, family == AF_INET ? 4 : 16) == 0)
			return true;
	return false;
}

/* The last value of a request header that may be sent more than once. */
struct last_header {
	const char *name, *value;
};

static enum MHD_Result last_header_iter(void *cls, enum MHD_ValueKind kind, const char *key,
					const char *value)
{
	struct last_header *h = cls;

	if (value && strcasecmp(key, h->name) == 0)
		h->value = value;
	return MHD_YES;
}

/* The last comma-separated element of a header's last value, trimmed, into out (n bytes). */
static bool last_element(struct MHD_Connection *conn, const char *name, char *out, size_t n)
{
	struct last_header h = {name, NULL};
	const char *p, *end;

	MHD_get_connection_values(conn, MHD_HEADER_KIND, last_header_iter, &h);
	if (!h.value)
		return false;
	p = strrchr(h.value, ',');
	p = p ? p + 1 : h.value;
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end == p || (size_t)(end - p) >= n)
		return false;
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
	return true;
}

/*
 * From a trusted proxy: the client is X-Forwarded-For's last hop (the one the
 * proxy added) when it is an IP address, and the scheme X-Forwarded-Proto's.
 * addr (INET6_ADDRSTRLEN bytes) keeps the proxy's address otherwise.
 */
static void forwarded(struct MHD_Connection *conn, char *addr, bool *secure)
{
	char hop[INET6_ADDRSTRLEN + 8], proto[16];
	unsigned char bin[16];

	if (last_element(conn, "X-Forwarded-For", hop, sizeof(hop))) {
		if (inet_pton(AF_INET, hop, bin) == 1)
			inet_ntop(AF_INET, bin, addr, INET6_ADDRSTRLEN);
		else if (inet_pton(AF_INET6, hop, bin) == 1)
			inet_ntop(AF_INET6, bin, addr, INET6_ADDRSTRLEN);
	}
	if (last_element(conn, "X-Forwarded-Proto", proto, sizeof(proto)))
		*secure = strcasecmp(proto, "https") == 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct http_server *s = cls;
	struct http_ctx *c = *con_cls;

	if (!c) {
		const char *cl;
		const union MHD_ConnectionInfo *ci;
		char addr[INET6_ADDRSTRLEN] = "?";

		c = calloc(1, sizeof(*c));
		if (!c)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &c->t0);
		c->req.arena = arena_new(s->cfg.arena_max ? s->cfg.arena_max : HTTP_ARENA_MAX);
		if (!c->req.arena) {
			free(c);
			return MHD_NO;
		}
		buf_init(&c->body, s->cfg.max_body);
		buf_init(&c->req.out, HTTP_OUT_MAX);
		c->req.conn = conn;
		c->req.method = arena_strdup(c->req.arena, method);
		c->req.path = arena_strdup(c->req.arena, url);
		c->req.secure = s->tls;
		ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		if (ci && ci->client_addr) {
			const struct sockaddr *sa = ci->client_addr;

			if (sa->sa_family == AF_INET)
				inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
					  addr, sizeof(addr));
			else if (sa->sa_family == AF_INET6)
				inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
					  addr, sizeof(addr));
			if (peer_trusted(s, sa))
				forwarded(conn, addr, &c->req.secure);
		}
		c->req.client = arena_strdup(c->req.arena, addr);
		*con_cls = c;
		cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						 MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > s->cfg.max_body)
			c->toobig = true;
		if (!c->toobig)
			return MHD_YES;
		/* Answer 413 at once; the body is never read. */
		dispatch(s, c);
		return send_response(conn, c);
	}
	if (*upload_data_size) {
		if (!c->toobig && buf_add(&c->body, upload_data, *upload_data_size) < 0)
			c->toobig = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (c->req.status && c->sent)
		return MHD_YES;
	dispatch(s, c);
	return send_response(conn, c);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_server *s = cls;
	struct http_ctx *c = *con_cls;
	struct timespec t1;
	double ms;

	if (!c)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - c->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e6;
	if (!s->cfg.quiet)
		log_info("%s %s %s %d %zu %.1fms %s%s", c->req.client, c->req.method, c->req.path,
			 c->req.status, c->sent, ms, c->req.logged_in ? c->req.acct.login : "-",
			 toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (ngắt)");
	buf_free(&c->body);
	buf_free(&c->req.out);
	arena_free(c->req.arena);
	free(c);
	*con_cls = NULL;
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, struct err *e)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;
	size_t hl;

	if (!colon)
		return err_set(e, ERR_USAGE,
			       "--listen cần dạng ĐỊA_CHỈ:CỔNG, ví dụ 127.0.0.1:8080");
	hl = (size_t)(colon - listen);
	if (hl >= sizeof(host))
		return err_set(e, ERR_USAGE, "--listen: địa chỉ quá dài");
	memcpy(host, listen, hl);
	host[hl] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (!colon[1] || *end || port < 0 || port > 65535)
		return err_set(e, ERR_USAGE, "--listen: cổng '%s' không hợp lệ (0-65535)",
			       colon + 1);
	memset(ss, 0, sizeof(*ss));
	if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

		host[hl - 1] = '\0';
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host + 1, &a6->sin6_addr) == 1)
			return 0;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, host, &a4->sin_addr) == 1)
			return 0;
	}
	return err_set(e, ERR_USAGE, "--listen: địa chỉ '%s' không hợp lệ", host);
}

/* Reads the trusted proxies' addresses (each entry a comma list) into s. */
static int parse_proxies(struct http_server *s, const struct http_config *cfg, struct err *e)
{
	for (int i = 0; i < cfg->ntrusted_proxies; i++) {
		const char *p = cfg->trusted_proxies[i];

		do {
			const char *comma = strchr(p, ',');
			size_t n = comma ? (size_t)(comma - p) : strlen(p);
			char one[INET6_ADDRSTRLEN + 1];
			struct http_proxy *x = &s->proxies[s->nproxies];

			if (n == 0 || n >= sizeof(one))
				return err_set(e, ERR_USAGE,
					       "--trusted-proxy: '%.*s' không phải địa chỉ IP "
					       "(ví dụ 127.0.0.1 hoặc ::1)",
					       (int)(n < 64 ? n : 64), p);
			if (s->nproxies == HTTP_MAX_TRUSTED_PROXIES)
				return err_set(e, ERR_USAGE, "--trusted-proxy: tối đa %d địa chỉ",
					       HTTP_MAX_TRUSTED_PROXIES);
			memcpy(one, p, n);
			one[n] = '\0';
			if (inet_pton(AF_INET, one, x->a) == 1)
				x->family = AF_INET;
			else if (inet_pton(AF_INET6, one, x->a) == 1)
				x->family = AF_INET6;
			else
				return err_set(e, ERR_USAGE,
					       "--trusted-proxy: '%s' không phải địa chỉ IP (ví dụ "
					       "127.0.0.1 hoặc ::1)",
					       one);
			s->nproxies++;
			p = comma ? comma + 1 : NULL;
		} while (p);
	}
	return 0;
}

/* Reads a PEM file named by option into b. */
static int tls_read(const char *option, const char *path, struct buf *b, struct err *e)
{
	FILE *f = fopen(path, "rb");
	int r;

	if (!f)
		return err_set(e, ERR_IO, "%s: không đọc được tệp '%s'", option, path);
	r = buf_read(b, f);
	fclose(f);
	if (r == ERR_TOOBIG)
		return err_set(e, r, "%s: tệp '%s' quá lớn (tối đa %u byte)", option, path,
			       HTTP_TLS_FILE_MAX);
	if (r < 0)
		return err_set(e, r, "%s: không đọc được tệp '%s'", option, path);
	return 0;
}

/* Checks that cert holds X.509 certificates, key an unencrypted private key, and that they match. */
static int tls_check(const struct http_config *cfg, const struct buf *cert, const struct buf *key,
		     struct err *e)
{
	gnutls_datum_t dc = {(unsigned char *)cert->data, (unsigned)cert->len};
	gnutls_datum_t dk = {(unsigned char *)key->data, (unsigned)key->len};
	gnutls_x509_crt_t *crts = NULL;
	gnutls_x509_privkey_t pk = NULL;
	gnutls_certificate_credentials_t cr = NULL;
	unsigned ncrt = 0;
	int r = 0;

	if (cert->len == 0 ||
	    gnutls_x509_crt_list_import2(&crts, &ncrt, &dc, GNUTLS_X509_FMT_PEM, 0) < 0 ||
	    ncrt == 0) {
		r = err_set(e, ERR_INVAL,
			    "--tls-cert: tệp '%s' không chứa chứng chỉ X.509 dạng PEM "
			    "(-----BEGIN CERTIFICATE-----)",
			    cfg->tls_cert);
		goto out;
	}
	if (key->len == 0 || gnutls_x509_privkey_init(&pk) < 0 ||
	    gnutls_x509_privkey_import2(pk, &dk, GNUTLS_X509_FMT_PEM, NULL, 0) < 0) {
		r = err_set(e, ERR_INVAL,
			    "--tls-key: tệp '%s' không phải khóa riêng dạng PEM không đặt mật "
			    "khẩu (-----BEGIN PRIVATE KEY-----)",
			    cfg->tls_key);
		goto out;
	}
	if (gnutls_certificate_allocate_credentials(&cr) < 0 ||
	    gnutls_certificate_set_x509_key_mem(cr, &dc, &dk, GNUTLS_X509_FMT_PEM) < 0)
		r = err_set(e, ERR_INVAL, "--tls-key: khóa '%s' không khớp với chứng chỉ '%s'",
			    cfg->tls_key, cfg->tls_cert);
out:
	for (unsigned i = 0; i < ncrt; i++)
		gnutls_x509_crt_deinit(crts[i]);
	gnutls_free(crts);
	if (pk)
		gnutls_x509_privkey_deinit(pk);
	if (cr)
		gnutls_certificate_free_credentials(cr);
	return r;
}

static void server_free(struct http_server *s)
{
	buf_free(&s->cert);
	buf_free(&s->key);
	free(s);
}

int http_start(const struct http_config *cfg, struct http_server **ret, struct err *e)
{
	struct sockaddr_storage ss;
	struct http_server *s;
	const union MHD_DaemonInfo *di;
	struct MHD_OptionItem tls_opts[3] = {{MHD_OPTION_END, 0, NULL}};
	unsigned flags;
	int r;

	if (!cfg->app || !cfg->app->routes || !cfg->app->error_html || !cfg->app->error_json)
		return err_set(e, ERR_INTERNAL, "máy chủ web thiếu bảng địa chỉ");
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "không khởi tạo được libsodium");
	r = parse_listen(cfg->listen, &ss, e);
	if (r < 0)
		return r;
	if (!cfg->tls_cert != !cfg->tls_key)
		return err_set(e, ERR_USAGE, "HTTPS cần cả --tls-cert và --tls-key");
	s = calloc(1, sizeof(*s));
	if (!s)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	buf_init(&s->cert, HTTP_TLS_FILE_MAX);
	buf_init(&s->key, HTTP_TLS_FILE_MAX);
	r = parse_proxies(s, cfg, e);
	if (r == 0 && cfg->tls_cert) {
		r = tls_read("--tls-cert", cfg->tls_cert, &s->cert, e);
		if (r == 0)
			r = tls_read("--tls-key", cfg->tls_key, &s->key, e);
		if (r == 0)
			r = tls_check(cfg, &s->cert, &s->key, e);
		s->tls = true;
		tls_opts[0] =
		    (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)buf_str(&s->key)};
		tls_opts[1] = (struct MHD_OptionItem){MHD_OPTION_HTTPS_MEM_CERT, 0,
						      (void *)buf_str(&s->cert)};
	}
	if (r < 0) {
		server_free(s);
		return r;
	}
	s->cfg = *cfg;
	if (!s->cfg.max_body)
		s->cfg.max_body = HTTP_MAX_BODY_DEFAULT;
	if (s->cfg.threads <= 0)
		s->cfg.threads = 4;
	if (s->cfg.timeout <= 0)
		s->cfg.timeout = 30;
	if (s->cfg.db_timeout_ms <= 0)
		s->cfg.db_timeout_ms = 2000;
	if (pthread_key_create(&s->dbkey, http_db_close) != 0) {
		server_free(s);
		return err_set(e, ERR_NOMEM, "không tạo được khóa luồng");
	}
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	if (s->tls)
		flags |= MHD_USE_TLS;
	s->d = MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)s->cfg.threads, MHD_OPTION_CONNECTION_TIMEOUT,
	    (unsigned)s->cfg.timeout, MHD_OPTION_CONNECTION_LIMIT, 1024u,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, 256u, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)(64 * 1024), MHD_OPTION_NOTIFY_COMPLETED, on_completed, s, MHD_OPTION_ARRAY,
	    tls_opts, MHD_OPTION_END);
	if (!s->d) {
		pthread_key_delete(s->dbkey);
		server_free(s);
		return err_set(e, ERR_IO, "không mở được cổng %s (đã có chương trình khác dùng?)",
			       cfg->listen);
	}
	di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : 0;
	*ret = s;
	return 0;
}

uint16_t http_port(const struct http_server *s)
{
	return s->port;
}

bool http_tls(const struct http_server *s)
{
	return s->tls;
}

void http_stop(struct http_server *s)
{
	if (!s)
		return;
	/* Stops the worker threads after their current requests; their connections close. */
	MHD_stop_daemon(s->d);
	pthread_key_delete(s->dbkey);
	server_free(s);
}
