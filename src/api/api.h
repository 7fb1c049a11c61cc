/* api.h: the JSON API under /api/v1 and the iCal feed, and their field tables. */
#pragma once

#include <jansson.h>

#include "core/read/read.h"
#include "http/http.h"
#include "render/entity.h"

int api_root(struct http_req *r);
int api_bodies(struct http_req *r);
int api_body(struct http_req *r);
/* POST /api/v1/bodies/#/succession: body # ends and passes its work to a successor. */
int api_body_succession(struct http_req *r);
extern const struct http_field api_succession_fields[];
int api_sessions(struct http_req *r);
int api_session(struct http_req *r);
/* api_sessionwork.c: the session forms' JSON twins */
int api_session_add(struct http_req *r);
int api_session_patch(struct http_req *r);
int api_agenda_add(struct http_req *r);
int api_agenda_move(struct http_req *r);
int api_attendance(struct http_req *r);
int api_vote(struct http_req *r);
extern const struct http_field api_attendance_fields[];
int api_documents(struct http_req *r);
int api_document(struct http_req *r);
int api_ical_sessions(struct http_req *r);
int api_indicators(struct http_req *r);
int api_indicator_values(struct http_req *r);
int api_tasks(struct http_req *r);
int api_task(struct http_req *r);

extern const struct http_field api_list_fields[];
/* A child list's page: after (the cursor) and limit (1–200), nothing else (RF_STRICT). */
extern const struct http_field api_page_fields[];
extern const struct http_field api_ical_fields[];
extern const struct http_field api_indicator_fields[];
extern const struct http_field api_task_list_fields[];

/* Writes j (taking the reference) as the response body; an error when it cannot. */
int api_send(struct http_req *r, json_t *j);
/* The JSON error body for code, with field-level messages. */
int api_error(struct http_req *r, int code);
/*
 * A write core refused for bad input: the message as field's error, rc as the
 * answer (400; 409 for a row taken or locked; 422 for a check). Something
 * the input names that does not exist is bad input (400), not a missing
 * page. Other errors pass through unchanged.
 */
int api_refused(struct http_req *r, int rc, const char *field);
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
int api_notice_add(struct http_req *r);
int api_notice_check(struct http_req *r);
int api_notice_template(struct http_req *r);
/* POST /api/v1/notices/#/signed (body application/pdf or multipart "file"): the signed copy as the record. */
int api_notice_signed(struct http_req *r);
/* POST /api/v1/documents/#/attachments, /api/v1/tasks/#/attachments: a file (multipart "file") attached. */
/* POST /api/v1/imports: an existing notice from a file, read (?dry_run=1) or stored. */
int api_import(struct http_req *r);
extern const struct http_field api_import_fields[];
int api_document_attach(struct http_req *r);
int api_task_attach(struct http_req *r);
int api_document_attachments(struct http_req *r);
int api_task_attachments(struct http_req *r);
/*
 * Adds to o, the notice id's JSON, where it stands on the way to being
 * signed: "approval" (required, state, the last submit, approve and return
 * each {at, by} or null, the signer's comments, the steps) and "signed"
 * (record: whether a signed copy is the record; then its sha256, size,
 * stored time and each signature as verified now against DONDOC_TRUST:
 * signer, issuer, time, valid), and "issued_pdf" ({sha256, size, stored} of
 * the PDF kept since issue, null when none is kept yet). 0 or ERR_*.
 */
int api_notice_state(struct http_req *r, int64_t id, json_t *o);
/* POST /api/v1/notices/#/submit, /approve, /return {comment}: trình ký; the draft's approval. */
int api_notice_submit(struct http_req *r);
int api_notice_approve(struct http_req *r);
int api_notice_return(struct http_req *r);
int api_notice_tasks(struct http_req *r);
int api_notice_task_add(struct http_req *r);
int api_notice_task_remove(struct http_req *r);
int api_notice_issue(struct http_req *r);
extern const struct http_field api_notice_add_fields[];
extern const struct http_field api_notice_issue_fields[];
int api_task_reports(struct http_req *r);
/* GET /api/v1/tasks/#/timeline: every event of the task, oldest first, paginated. */
int api_task_timeline(struct http_req *r);
/* GET /api/v1/sessions/#/tasks: the tasks assigned at the session that the account sees, paged by id. */
int api_session_tasks(struct http_req *r);
int api_session_comments(struct http_req *r);
/* GET /api/v1/tasks/#/children: the task's direct sub-tasks, paged by id. */
int api_task_children(struct http_req *r);
int api_task_report(struct http_req *r);
int api_task_report_add(struct http_req *r);
int api_task_confirm(struct http_req *r);
int api_task_sendback(struct http_req *r);
int api_task_extend(struct http_req *r);
int api_task_add(struct http_req *r);
int api_task_stats(struct http_req *r);
int api_task_patch(struct http_req *r);
int api_ical_tasks(struct http_req *r);
/* The registry's lists: units and organs (filter body), people (filter organ). */
int api_units(struct http_req *r);
int api_organs(struct http_req *r);
int api_people(struct http_req *r);
int api_unit(struct http_req *r);
int api_organ(struct http_req *r);
int api_person(struct http_req *r);
extern const struct http_field api_body_child_fields[];
extern const struct http_field api_people_fields[];

extern const struct http_field api_term_list_fields[];
extern const struct http_field api_session_child_fields[];
extern const struct http_field api_task_report_fields[];
extern const struct http_field api_task_confirm_fields[];
extern const struct http_field api_task_sendback_fields[];
extern const struct http_field api_task_extend_fields[];
extern const struct http_field api_task_add_fields[];
extern const struct http_field api_task_stats_fields[];
extern const struct http_field api_task_patch_fields[];
extern const struct http_field api_ical_task_fields[];
/* The audit log in the account's scope, confidential content withheld from the uncleared. */
int api_audit(struct http_req *r);
extern const struct http_field api_audit_fields[];

/*
 * The paging inputs of a list request (after, limit, modified_since in the
 * store's form, and the HF_INT filter input named filter, NULL for none).
 */
void api_page(struct http_req *r, const char *filter, struct read_page *ret);
struct jw;
/*
 * The end of a paged list opened with {"data":[: its pagination and, when
 * the page is full, links.next, the path (with its query) of the page after it.
 */
void api_page_tail(struct jw *w, int64_t limit, size_t n, const char *next);
/* Appends o to data with its "self" link, /api/v1/PATH/ID. */
void api_item(json_t *data, json_t *o, const char *path, int64_t id);
/*
 * Sends a page of a list in the OParl manner: data (taking the reference) with
 * the tombstones of kind deleted since the page's time, pagination, and
 * links.next after last when the page is full (n rows), keeping the filter.
 */
int api_list_send(struct http_req *r, const char *path, const char *filter,
		  const struct read_page *p, enum read_kind kind, json_t *data, size_t n,
		  int64_t last);

/* reporting requests (api_requests.c) */
int api_requests(struct http_req *r);
int api_request(struct http_req *r);
int api_request_add(struct http_req *r);
int api_request_answer(struct http_req *r);
extern const struct http_field api_request_fields[];
