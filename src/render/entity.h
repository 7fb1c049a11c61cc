/* entity.h: the one JSON shape of each entity, shared by the API (/api/v1) and the CLI's --json. */
#pragma once

#include <jansson.h>

#include "core/read/read.h"
#include "core/requests/request.h"
#include "core/sessionwork/sessionwork.h"

/*
 * Each function returns a new object (the caller owns the reference; NULL when
 * out of memory), in the shape docs/api.md documents: "id" and "type" first,
 * NULL columns as null, and links to related objects under /api/v1 ("self" is
 * added by the lists). The strings are copied.
 */
json_t *ent_body_json(const struct read_body *b);
json_t *ent_term_json(const struct read_term *t);
json_t *ent_unit_json(const struct read_unit *u);
json_t *ent_organ_json(const struct read_organ *o);
/* With its memberships in organs of the reader's scope. */
json_t *ent_person_json(const struct read_person *p);
/* With the links to its agenda items and notices. */
json_t *ent_session_json(const struct read_session *s);
/*
 * The whole session, as GET /api/v1/sessions/# and 'dondoc --json session
 * show' give it: ent_session_json's fields, the agenda (n lines) with each
 * item's vote (st->votes, aligned with l) and the attendance against the
 * organ's rule.
 */
json_t *ent_session_full_json(const struct read_session *s, const struct read_agenda_line *l,
			      size_t n, const struct sw_session_state *st);
/* One line of a session's agenda, as GET /api/v1/sessions/# lists it. */
json_t *ent_agenda_line_json(const struct read_agenda_line *l);
json_t *ent_agenda_item_json(const struct read_agenda_item *i);
json_t *ent_document_json(const struct read_document *d);
json_t *ent_notice_json(const struct read_notice *n);
/*
 * Adds to a session object (ent_session_full_json) its work: "conclusion_notices",
 * "tasks" (id, content, deadline, status), "questions", "minutes" (null when
 * none) and "comments" (per document: counts by response and the rows).
 * 0, or ERR_NOMEM.
 */
int ent_session_work_add(json_t *session, const struct read_session_work *w);
struct notice_task;
/* A task row of a notice ("type": "notice_task"), with the task it became once issued. */
json_t *ent_notice_task_json(int64_t notice_id, const struct notice_task *t);
struct jw;
/* A task of a list, with its status at today (ISO), written into w. */
void ent_task_write(struct jw *w, const struct read_task_row *t, const char *today);
/*
 * One task with its units and the latest events of its timeline (task_get),
 * as GET /api/v1/tasks/# shows it: "events_count" counts them all, and
 * "links": {"timeline"} pages through every one.
 */
json_t *ent_task_full_json(const struct task *t);
struct task_child;
/* A direct sub-task as the task object's "children" and /api/v1/tasks/#/children list it. */
void ent_task_child_write(struct jw *w, const struct task_child *c);
/*
 * The same object written into w (the API's one task, without a JSON tree);
 * with more than TASK_CHILDREN_FIRST sub-tasks, "links": {"children"} pages
 * through them all.
 */
void ent_task_full_write(struct jw *w, const struct task *t);
json_t *ent_event_json(const struct read_event *e);
/* Counts by status and the completion rate ("66.67", null when nothing is due). */
json_t *ent_task_counts_json(const struct task_counts *c);
struct ind_report_rollup;
/*
 * Figure row's roll-up from the lower bodies: {"value": "1234.5" or null,
 * "reported": 2, "expected": 5, "missing": ["Đảng ủy xã …", …]}.
 */
json_t *ent_ind_rollup_json(const struct ind_report_rollup *ru, size_t row);
/* A body's line of the tasks' roll-up: the body, its own counts and its subtree's. */
json_t *ent_rollup_json(const struct read_rollup_row *r);
/* A deleted row of a list: id, deleted, modified. */
json_t *ent_tomb_json(const struct read_tomb *t);
/* The same tombstone written into w. */
void ent_tomb_write(struct jw *w, const struct read_tomb *t);
/* An audit entry; withheld content is the words "nội dung mật". */
json_t *ent_audit_json(const struct read_audit *a);
/*
 * A reporting request: "id", "type" "request", the asking body, kind, period
 * (null for progress), due, note, "answered"/"addressees" counts and, when
 * loaded (r->to), "addressees" as an array of {body_id, body, answered,
 * answered_at} and "missing" naming the bodies that have not answered.
 */
json_t *ent_request_json(const struct req *r);
