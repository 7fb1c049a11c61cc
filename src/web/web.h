/* web.h: the web application: dondoc's routes, pages and API handed to the HTTP server. */
#pragma once

#include "http/http_route.h"

/* Every route of routes.def with its handler, and the error pages of both kinds. */
extern const struct http_app web_app;
