/* web.c: the route table (routes.def) joined to the pages and the API, above the HTTP server. */
#include "web/web.h"

#include "api/api.h"
#include "pages/pages.h"

static const struct http_route web_routes[] = {
#define ROUTE(method, pattern, fn, flags, roles, fields) \
	{method, pattern, fn, flags, roles, fields},
#include "web/routes.def"
#undef ROUTE
};

const struct http_app web_app = {
    .routes = web_routes,
    .nroutes = sizeof(web_routes) / sizeof(web_routes[0]),
    .error_html = page_error,
    .error_json = api_error,
};
