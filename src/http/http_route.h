/* http_route.h: the route table's row, flags and role masks, and the application the server runs. */
#pragma once

#include "http/http.h"

enum {
	RF_JSON = 1 << 0,   /* answers JSON; errors as JSON */
	RF_PUBLIC = 1 << 1, /* no login needed */
	RF_TOKEN = 1 << 2,  /* an API token (Authorization: Bearer) may stand for the login */
	RF_FORM = 1 << 3,   /* bad input still reaches the handler (r->nferr set), which
			       answers 400 with the form again and the messages beside the fields */
	RF_QTOKEN = 1 << 4, /* the token may also come as ?token= (feeds for calendar programs
			       that cannot send headers); elsewhere ?token= is refused with 401 */
	RF_CACHE = 1 << 5,  /* a static file: clients may keep it for an hour */
	RF_FRAME = 1 << 6,  /* a document with its own inline styles, shown framed in dondoc's
			       own pages only (a notice's preview) */
	RF_STRICT = 1 << 7, /* an input name the field table does not know is refused (400
			       naming it) instead of ignored: a filtered list, where a
			       misspelt filter must not silently return everything */
	RF_UPLOAD = 1 << 8, /* takes a file: a form sent as multipart/form-data (its part
			       "file"), or the body itself as application/pdf; r->upload */
};

/* One bit per role; a route names the roles it serves. */
enum {
	ROLE_ADMIN = 1 << 0,
	ROLE_OFFICE = 1 << 1,
	ROLE_MEMBER = 1 << 2,
	ROLE_REPORTER = 1 << 3,
	ROLE_VIEWER = 1 << 4,
};
#define R_ALL (ROLE_ADMIN | ROLE_OFFICE | ROLE_MEMBER | ROLE_REPORTER | ROLE_VIEWER)
#define R_READ (ROLE_ADMIN | ROLE_OFFICE | ROLE_MEMBER | ROLE_VIEWER)
#define R_REPORT (ROLE_ADMIN | ROLE_OFFICE | ROLE_REPORTER)
#define R_STAFF (ROLE_ADMIN | ROLE_OFFICE)
#define R_ADMIN (ROLE_ADMIN)

typedef int (*http_handler)(struct http_req *r);

struct http_route {
	const char *method, *pattern;
	http_handler fn;
	unsigned flags, roles;
	const struct http_field *fields; /* terminated by a row with name NULL */
};

/*
 * What the server serves, given to it from above (src/web): the routes, and
 * how a failure is drawn for a browser and for an API client. The server
 * knows no page and no API handler by name.
 */
struct http_app {
	const struct http_route *routes;
	int nroutes;
	int (*error_html)(struct http_req *r, int code); /* returns code */
	int (*error_json)(struct http_req *r, int code);
};

/* The role bit of a role code; 0 for an unknown one. */
unsigned http_role_bit(const char *role);
/* The app's route for method and path, filling id[]; NULL when none (*path_known: another method). */
const struct http_route *http_route_find(const struct http_app *app, const char *method,
					 const char *path, int64_t id[2], int *path_known);
