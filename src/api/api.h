/* api.h: the JSON API under /api/v1 and the iCal feed, and their field tables. */
#pragma once

#include <jansson.h>

#include "http/http.h"

int api_root(struct http_req *r);
int api_bodies(struct http_req *r);
int api_body(struct http_req *r);
int api_sessions(struct http_req *r);
int api_session(struct http_req *r);
int api_documents(struct http_req *r);
int api_document(struct http_req *r);
int api_ical_sessions(struct http_req *r);
int api_indicators(struct http_req *r);
int api_indicator_values(struct http_req *r);
int api_tasks(struct http_req *r);
int api_task(struct http_req *r);

extern const struct http_field api_list_fields[];
extern const struct http_field api_ical_fields[];
extern const struct http_field api_indicator_fields[];
extern const struct http_field api_task_list_fields[];

/* Writes j (taking the reference) as the response body; an error when it cannot. */
int api_send(struct http_req *r, json_t *j);
/* The JSON error body for code, with field-level messages. */
int api_error(struct http_req *r, int code);
/* indicator entry and export */
/* Writes a body's values for a period (JSON body: body, period, values[]) in one transaction. */
int api_ind_values_post(struct http_req *r);
extern const struct http_field api_ind_values_post_fields[];
/* API and feeds */
