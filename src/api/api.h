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
int api_terms(struct http_req *r);
int api_term(struct http_req *r);
int api_agenda_items(struct http_req *r);
int api_agenda_item(struct http_req *r);
int api_notices(struct http_req *r);
int api_notice(struct http_req *r);
int api_task_reports(struct http_req *r);
int api_task_report(struct http_req *r);
int api_task_report_add(struct http_req *r);
int api_task_confirm(struct http_req *r);
int api_ical_tasks(struct http_req *r);

extern const struct http_field api_term_list_fields[];
extern const struct http_field api_session_child_fields[];
extern const struct http_field api_task_report_fields[];
extern const struct http_field api_task_confirm_fields[];
extern const struct http_field api_ical_task_fields[];
/* The audit log in the account's scope, confidential content withheld from the uncleared. */
int api_audit(struct http_req *r);
extern const struct http_field api_audit_fields[];

struct db_q;
typedef json_t *(*api_row_fn)(struct db_q *q);

/* What api_list() reads and how it links its pages. */
struct api_list_spec {
	enum db_stmt st;    /* bound (account, after, limit, since[, parent]) */
	const char *tbl;    /* the audit log's table name, for tombstones */
	const char *path;   /* under /api/v1: "agenda-items", "tasks/7/reports" */
	api_row_fn fn;	    /* one row → one object (the list adds "self") */
	const char *filter; /* NULL, or the HF_INT query field bound as ?5 and kept in links.next */
	int64_t parent;	    /* bound as ?5 when filter is NULL and parent_key is set */
	const char *parent_key; /* "$.session_id": tombstones only of rows under ?5 (when not 0) */
};

/*
 * A paginated list in the OParl manner: rows after the cursor, up to limit,
 * optionally only those written since modified_since, then the tombstones of
 * rows deleted since; links.next when the page is full.
 */
int api_list(struct http_req *r, const struct api_list_spec *s);
/* One object by id from st bound (account, id); ERR_NOTFOUND outside the scope. */
int api_one(struct http_req *r, enum db_stmt st, api_row_fn fn, json_t **ret);
/* The text of a column as JSON (null for NULL); an integer column likewise. */
json_t *api_col_text(struct db_q *q, int col);
json_t *api_col_int(struct db_q *q, int col);
