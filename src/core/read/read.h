/* read.h: the read side: what pages, API, feeds and search show, scoped to the reading account. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/err.h"

struct db;
struct arena;
struct account;
struct task;
struct task_counts;
struct qa_item;
struct minutes;
struct cmt_table;

/*
 * Every function here reads for an account (acct, never NULL): it returns only
 * rows of bodies in the account's scope (account_sees_body: its bodies and all
 * under them; every body for a global admin), and withholds confidential (mật)
 * documents, and what hangs off them, from an account not cleared for them. A
 * row outside the scope is ERR_NOTFOUND, as a row that does not exist (with e
 * naming the id). The rule is kept in SQL for the statements (WEB_SCOPE,
 * WEB_CLEARED in db/stmt_web.def) and, for rows already loaded, in
 * account_sees_body, read_task_visible and read_notice_visible.
 *
 * Rows and their strings live in the arena a (freed with it); a text column
 * that is NULL in the store is NULL here, and an id or number that is NULL is
 * 0. Outputs are written only on success.
 */

/* Today (UTC) as ISO text, the date statuses are read at. */
void read_today(char out[static 11]);

/* A page of a list in the OParl manner: rows with an id after the cursor, at most limit. */
struct read_page {
	int64_t after, limit;
	/* "" for any time, else rows written since this stored time ("2023-10-04T08:00:00"). */
	const char *since;
	int64_t parent; /* 0, or the parent the rows must belong to (a list's filter) */
};

/* A row deleted since a page's time, from the audit log. */
struct read_tomb {
	int64_t id;
	const char *at;
};

/* The kinds of rows a list is made of, for its tombstones. */
enum read_kind {
	READ_BODY,
	READ_TERM,
	READ_SESSION,
	READ_AGENDA_ITEM,
	READ_DOCUMENT,
	READ_NOTICE,
	READ_TASK,
	READ_TASK_EVENT,
	READ_UNIT,
	READ_ORGAN,
	READ_PERSON,
};

/*
 * The rows of kind deleted since p->since (none when it is ""), only those
 * under p->parent when it is set and the kind has a parent (a term's body, an
 * agenda item's or notice's session, an event's task).
 */
int read_tombstones(struct db *db, enum read_kind kind, const struct read_page *p, struct arena *a,
		    struct read_tomb **ret, size_t *ret_n);

/* ---- bodies ---------------------------------------------------------------- */

struct read_body {
	int64_t id, parent_id;
	const char *level, *kind, *name, *code, *place;
	const char *active_to; /* the last day of an ended body (ISO), NULL while it works */
	int64_t successor_id;  /* the body that took over its work, 0 for none */
};

int read_bodies(struct db *db, const struct account *acct, const struct read_page *p,
		struct arena *a, struct read_body **ret, size_t *ret_n);
int read_body(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_body *ret, struct err *e);

/* ---- terms ------------------------------------------------------------------- */

struct read_term {
	int64_t id, body_id;
	const char *body_name, *name;
	int64_t year_from, year_to;
	const char *start_date, *end_date;
};

/* p->parent: a body (0: all). */
int read_terms(struct db *db, const struct account *acct, const struct read_page *p,
	       struct arena *a, struct read_term **ret, size_t *ret_n);
int read_term(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_term *ret, struct err *e);

/* ---- units and organs ------------------------------------------------------ */

/* A unit that receives tasks: the body it answers to, its organ or lower body if it is one. */
struct read_unit {
	int64_t id, body_id;
	const char *kind, *name;
	int64_t organ_id, lower_body_id; /* 0: none */
	const char *email;
};

/* By id; p->parent: a body (0: all). */
int read_units(struct db *db, const struct account *acct, const struct read_page *p,
	       struct arena *a, struct read_unit **ret, size_t *ret_n);
int read_unit(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	      struct read_unit *ret, struct err *e);

/* An organ of a body (ban chấp hành, ban thường vụ …): the one sessions are held by. */
struct read_organ {
	int64_t id, body_id;
	const char *kind, *name, *code;
};

/* By id; p->parent: a body (0: all). */
int read_organs(struct db *db, const struct account *acct, const struct read_page *p,
		struct arena *a, struct read_organ **ret, size_t *ret_n);
int read_organ(struct db *db, const struct account *acct, int64_t id, struct arena *a,
	       struct read_organ *ret, struct err *e);

/* ---- sessions ---------------------------------------------------------------- */

struct read_session {
	int64_t id, number;
	const char *kind, *date, *place, *status;
	const char *start_time;		 /* "HH:MM", NULL when not registered */
	const char *organ, *body, *term; /* names */
	int64_t body_id, organ_id, term_id;
	/* read_session only: */
	const char *basis;
	int64_t year_from, year_to; /* the term's */
};

/* By id. */
int read_sessions(struct db *db, const struct account *acct, const struct read_page *p,
		  struct arena *a, struct read_session **ret, size_t *ret_n);
/* The latest limit sessions, newest first. */
int read_sessions_recent(struct db *db, const struct account *acct, int64_t limit, struct arena *a,
			 struct read_session **ret, size_t *ret_n);
/* The next five sessions on or after today (ISO); only id, number, date, organ, body. */
int read_sessions_next(struct db *db, const struct account *acct, const char *today,
		       struct arena *a, struct read_session **ret, size_t *ret_n);
int read_session(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		 struct read_session *ret, struct err *e);

/* A session's agenda as its page and its JSON show it. */
struct read_agenda_line {
	int64_t id, position;
	const char *doc_kind, *title, *outcome, *presenter;
	int64_t document_id;	/* 0: none */
	const char *doc_symbol; /* NULL when withheld */
	bool doc_visible;	/* false: a confidential document the account may not read */
};

/* The agenda of session_id, which the caller has read with read_session. */
int read_session_agenda(struct db *db, const struct account *acct, int64_t session_id,
			struct arena *a, struct read_agenda_line **ret, size_t *ret_n);

/* The notices of a session the account may read, by version: id, symbol (NULL: draft). */
struct read_notice_line {
	int64_t id;
	const char *symbol, *status;
};
int read_session_notices(struct db *db, const struct account *acct, int64_t session_id,
			 struct arena *a, struct read_notice_line **ret, size_t *ret_n);
/* A session's work besides its agenda, votes and attendance (sw_session_state). */
struct read_session_work {
	struct read_notice_line *notices;
	size_t nnotices;
	struct task *tasks; /* assigned at it (source_session), those the account may see */
	size_t ntasks;
	struct qa_item *questions;
	size_t nquestions;
	struct minutes *minutes;    /* NULL when none is drafted */
	struct cmt_table *comments; /* one per document commented on that the account may read */
	size_t ncomments;
};
/*
 * The notices, tasks, questions, minutes and comments of session_id (which
 * the caller has read with read_session or is the operator's, acct->id 0),
 * task statuses as of today (ISO). Arena memory.
 */
int read_session_work(struct db *db, const struct account *acct, int64_t session_id,
		      const char *today, struct arena *a, struct read_session_work *ret,
		      struct err *e);
/* The documents commented on at a session that the account may read (at most max). */
int read_session_comment_docs(struct db *db, const struct account *acct, int64_t session_id,
			      size_t max, struct arena *a, int64_t **ret, size_t *ret_n);

/* A comment made at a session, with its document. */
struct read_comment {
	int64_t id, doc_id;
	const char *doc_kind, *doc_title;
	const char *member; /* the person's name, or the group's */
	const char *paragraph, *content;
	int response; /* enum cmt_resp */
	const char *response_text;
};
/*
 * The comments made at session_id on the documents the account may read (as
 * read_session_comment_docs), by id after p->after, p->limit of them. Arena memory.
 */
int read_session_comments(struct db *db, const struct account *acct, int64_t session_id,
			  const struct read_page *p, struct arena *a, struct read_comment **ret,
			  size_t *ret_n);
/* How many comments read_session_comments lists in all. */
int read_session_comment_count(struct db *db, const struct account *acct, int64_t session_id,
			       int64_t *ret);

/* ---- agenda items ----------------------------------------------------------- */

struct read_agenda_item {
	int64_t id, session_id, session_number;
	const char *session_date;
	int64_t position;
	const char *doc_kind, *title, *outcome, *presenter;
	int64_t doc_id; /* 0: none, or withheld from the account */
	const char *doc_symbol, *doc_title, *doc_type;
};

/* p->parent: a session (0: all). */
int read_agenda_items(struct db *db, const struct account *acct, const struct read_page *p,
		      struct arena *a, struct read_agenda_item **ret, size_t *ret_n);
int read_agenda_item(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		     struct read_agenda_item *ret, struct err *e);

/* ---- documents ------------------------------------------------------------- */

struct read_document {
	int64_t id;
	const char *type_code, *type_name, *symbol, *date, *title, *confidentiality, *status,
	    *updated_at;
	int64_t body_id; /* 0: of no body */
	/* read_document only: */
	const char *text, *issuer_code;
};

int read_documents(struct db *db, const struct account *acct, const struct read_page *p,
		   struct arena *a, struct read_document **ret, size_t *ret_n);
int read_document(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		  struct read_document *ret, struct err *e);

/* A document linked to another: id 0 when it is not in the store or is withheld. */
struct read_doc_link {
	int64_t id;
	const char *symbol, *date, *title;
};
/* What document id cites (out) or what cites it (in). */
int read_doc_refs(struct db *db, const struct account *acct, int64_t id, bool out, struct arena *a,
		  struct read_doc_link **ret, size_t *ret_n);

/* ---- notices ------------------------------------------------------------------ */

struct read_notice {
	int64_t id, session_id, session_number;
	const char *session_date;
	int64_t body_id;
	const char *body_name;
	int64_t term_id;
	const char *status;
	int64_t version, number; /* number 0: not yet numbered */
	const char *symbol, *issue_date;
	int64_t corrects_id;
	const char *created_at, *issued_at;
};

/* p->parent: a session (0: all). */
int read_notices(struct db *db, const struct account *acct, const struct read_page *p,
		 struct arena *a, struct read_notice **ret, size_t *ret_n);
int read_notice(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		struct read_notice *ret, struct err *e);
/*
 * Whether the account may see notice id of body_id (0: none): the body in its
 * scope and, when the notice is registered as a confidential document, the
 * account cleared for it.
 */
bool read_notice_visible(struct db *db, const struct account *acct, int64_t id, int64_t body_id);

/* A draft on its way to its signer, as its last step left it. */
struct read_approval {
	int64_t notice_id, session_id, session_number;
	const char *session_date, *body_name;
	const char *step; /* submit, approve, return, edit */
	const char *comment, *actor, *at;
	const char *submitted_by, *submitted_at; /* the last submit; "" when none */
};

/*
 * The drafts in the account's scope (and clearance) that were submitted to
 * their signer, by their last step: waiting true only those the signer has
 * still to answer, oldest first; at most limit. Arena memory.
 */
int read_approvals(struct db *db, const struct account *acct, bool waiting, int64_t limit,
		   struct arena *a, struct read_approval **ret, size_t *ret_n, struct err *e);
/* How many drafts in the account's scope wait for their signer's answer. */
int read_approvals_waiting(struct db *db, const struct account *acct, int64_t *ret_n);

/* ---- tasks ------------------------------------------------------------------- */

/*
 * Whether the account may see task t: a reporter the tasks given to its own
 * unit, everyone else those of a body in scope (or of no body) and those
 * assigned down to a lower body in scope, which are that body's tasks too.
 */
bool read_task_visible(struct db *db, const struct account *acct, const struct task *t);
/*
 * Whether the account acts for the body that assigned task t, whose office
 * alone confirms it, sends it back, edits and extends it: not a reporter, and
 * the task's body in scope (or a task of no body). An account that sees t only
 * as its lower body's is not.
 */
bool read_task_assigner(struct db *db, const struct account *acct, const struct task *t);
/*
 * Whether the account may report on task t as unit_id, one of t's units: a
 * reporter as its own unit; the assigner (read_task_assigner) as any of them;
 * an account of the lower body as a unit standing for a body in its scope (the
 * lower body's unit of kind "lower body", the lead).
 */
bool read_task_reports_as(struct db *db, const struct account *acct, const struct task *t,
			  int64_t unit_id);
/*
 * The body whose own units a sub-task of t goes to when the account may break
 * t down (task_split): t's lower body, or its own body when it has none, if
 * that body is in the account's scope and the account is not a reporter; else 0.
 */
int64_t read_task_split_body(struct db *db, const struct account *acct, const struct task *t);
/*
 * The tasks in the account's scope whose unit asked to close them (the
 * office's queue), oldest request first, at most limit: their ids in arena memory.
 */
int read_close_requests(struct db *db, const struct account *acct, int64_t limit, struct arena *a,
			int64_t **ret, size_t *ret_n, struct err *e);
/* Task id (task_get) when the account may see it, else ERR_NOTFOUND. */
int read_task(struct db *db, const struct account *acct, int64_t id, const char *today,
	      struct arena *a, struct task **ret, struct err *e);

struct read_task_row {
	int64_t id;
	const char *content, *assigned_on, *deadline_text, *due, *completed_on, *last_report_on;
	int64_t source_doc_id, source_session_id, body_id;
	const char *lead; /* the lead units' names, "; "-separated */
	bool standing;
};

/*
 * What a task list is narrowed to; zero (NULL for the texts) is no filter.
 * Statuses are those of task_status_at at as_of.
 */
struct read_task_filter {
	unsigned status_mask;		    /* 1u << enum task_status; 0: every status */
	bool overdue;			    /* open and past due at as_of (TASK_OPEN_OVERDUE) */
	const char *as_of;		    /* ISO date for status and overdue; NULL: today */
	int64_t unit;			    /* a lead or co-ordinating unit */
	int64_t body;			    /* the assigning body … */
	bool subtree;			    /* … or any body under it */
	int64_t source;			    /* the source document */
	const char *due_before, *due_after; /* ISO dates, both inclusive; a task with no due date
					       is left out when either is set */
	const char *q; /* words in the content, matched without tones or case */
};

/*
 * The tasks the account sees, by id from p->after (p->limit of them; p->since:
 * written since), narrowed by f (NULL: no filter), in one statement; a
 * reporter sees its own unit's only. p->parent is not used. ERR_NOMEM, or a
 * store failure.
 */
int read_tasks(struct db *db, const struct account *acct, const struct read_page *p,
	       const struct read_task_filter *f, struct arena *a, struct read_task_row **ret,
	       size_t *ret_n);

/*
 * The tasks assigned at session session_id (which the caller has read with
 * read_session) that the account sees, by id from p->after, p->limit of them;
 * a reporter sees its own unit's only. ERR_NOMEM, or a store failure.
 */
int read_session_tasks(struct db *db, const struct account *acct, int64_t session_id,
		       const struct read_page *p, struct arena *a, struct read_task_row **ret,
		       size_t *ret_n);

/* One event of a task's timeline (report, request to close, confirmation). */
struct read_event {
	int64_t id, task_id;
	const char *kind, *on_date;
	int64_t unit_id;
	const char *unit_name, *text, *result;
	int percent; /* -1: none */
};

/* The timeline of task p->parent, which the caller has read with read_task. */
int read_task_events(struct db *db, const struct read_page *p, struct arena *a,
		     struct read_event **ret, size_t *ret_n);
/* Event id of task_id, which the caller has read with read_task; ERR_NOTFOUND when not its. */
int read_task_event(struct db *db, int64_t task_id, int64_t id, struct arena *a,
		    struct read_event *ret, struct err *e);

/* Open tasks with a due date, under body (0: all) and of unit (0: all), by due date. */
struct read_due_task {
	int64_t id;
	const char *content, *due, *deadline_text, *lead;
};
int read_due_tasks(struct db *db, const struct account *acct, int64_t body, int64_t unit,
		   struct arena *a, struct read_due_task **ret, size_t *ret_n);

/* A body's line of the roll-up: the tasks it assigned itself, and with those of the bodies under it. */
struct read_rollup_row {
	int64_t body_id, parent_id; /* parent_id 0: a top of the rows */
	const char *name;
	int depth;			   /* 0 for a top */
	struct task_counts *own, *subtree; /* in the arena */
};
/*
 * Task statistics by assigning body at as_of (ISO), rolled up the body tree in
 * one scoped query and one pass in memory: each body in the account's scope
 * (acct NULL: the machine's operator, every body) with its own tasks' counts
 * and those of its whole subtree. root 0: every body in scope, each top of the
 * scope a tree; else root and the bodies under it (ERR_NOTFOUND, e naming it,
 * outside the scope). Rows in tree order (a body, then its children by id);
 * arena memory.
 */
int read_task_rollup(struct db *db, const struct account *acct, int64_t root, const char *as_of,
		     struct arena *a, struct read_rollup_row **ret, size_t *ret_n, struct err *e);

/* The dashboard's task panel. */
struct read_unit_due {
	int64_t id, overdue, soon;
	const char *name;
};
struct read_report_line {
	int64_t task_id;
	const char *on_date, *unit, *text, *task;
};
struct read_task_panel {
	/* Totals by status (a reporter: of its unit's tasks only), in the arena. */
	struct task_counts *all;
	/* Each lead unit with open tasks overdue or due by soon, most overdue first. */
	struct read_unit_due *units;
	size_t nunits;
	/* The five latest progress reports. */
	struct read_report_line *reports;
	size_t nreports;
};
/*
 * One pass over the tasks in scope (a reporter: its unit's), as of today,
 * with soon the last day counted as due soon (ISO dates).
 */
int read_task_panel(struct db *db, const struct account *acct, const char *today, const char *soon,
		    struct arena *a, struct read_task_panel *ret);

/* ---- the dashboard, search, the audit log ----------------------------------- */

struct read_counts {
	int64_t sessions, documents, bodies;
};
int read_counts(struct db *db, const struct account *acct, struct read_counts *ret);

/* One search hit: kind "document", "agenda", "task", "notice", "comment"; ref the id to link. */
struct read_hit {
	const char *kind;
	int64_t ref;
	const char *title, *snippet; /* matches between \1 and \2 */
};
/*
 * How many matches, the newest the account may see, are scored: a common word
 * matches most of a million rows, and scoring them all takes seconds.
 */
#define READ_SEARCH_CANDIDATES 1000
/*
 * fts: an FTS5 query of quoted words; at most limit hits (arena memory), the
 * best of the newest READ_SEARCH_CANDIDATES matches in the account's scope,
 * better first, newer first among equals.
 */
int read_search(struct db *db, const struct account *acct, const char *fts, int64_t limit,
		struct arena *a, struct read_hit **ret, size_t *ret_n);

struct read_audit {
	int64_t id;
	const char *at, *actor, *tbl;
	int64_t row_id;
	const char *op, *before, *after; /* JSON texts; NULL when withheld */
	bool withheld; /* about a confidential document the account may not read */
};
/* Entries of the log read per call at most, whatever the scope keeps of them. */
#define READ_AUDIT_WINDOW 5000
/*
 * A page of the audit log the account may read: newest first before id
 * cursor (older: false: oldest first after it), from one window of
 * READ_AUDIT_WINDOW ids; *ret_top is the newest id in the log.
 */
int read_audit(struct db *db, const struct account *acct, int64_t cursor, bool newest_first,
	       int64_t limit, struct arena *a, struct read_audit **ret, size_t *ret_n,
	       int64_t *ret_top);

/* ---- administration -------------------------------------------------------- */

/* Choices of a form's <select>, each in the account's scope. */
enum read_choice {
	READ_CHOICE_ROLES,   /* roles not above the account's */
	READ_CHOICE_BODIES,  /* bodies in scope */
	READ_CHOICE_UNITS,   /* units, grouped by body */
	READ_CHOICE_ORGANS,  /* organs, grouped by body */
	READ_CHOICE_PEOPLE,  /* people the account may see */
	READ_CHOICE_RGROUPS, /* recipient groups, grouped by body */
	READ_CHOICE_PROFILES,
	READ_CHOICE_LOWER_BODIES, /* working direct lower bodies of bodies in scope, by body above */
};
struct read_option {
	const char *value, *label, *group; /* group NULL when the choice has none */
};
int read_choices(struct db *db, const struct account *acct, enum read_choice c, struct arena *a,
		 struct read_option **ret, size_t *ret_n);

/* The accounts an admin sees on /admin: every one for a global admin, else those it manages. */
struct read_account {
	int64_t id;
	const char *login, *full_name, *role, *role_name, *bodies, *unit;
	bool disabled;
};
int read_accounts(struct db *db, const struct account *acct, struct arena *a,
		  struct read_account **ret, size_t *ret_n);

/* A person's seat in an organ. */
struct read_membership {
	int64_t organ_id;
	const char *position, *date_from, *date_to; /* dates ISO, NULL when open */
};

/* The people the account may see (read_choices' READ_CHOICE_PEOPLE, with their contacts). */
struct read_person {
	int64_t id;
	const char *full_name, *email, *phone;
	/* read_people_page only: the memberships in organs of bodies in scope */
	struct read_membership *memberships;
	size_t nmemberships;
};
int read_people(struct db *db, const struct account *acct, struct arena *a,
		struct read_person **ret, size_t *ret_n);
/*
 * A page of the same people (the rule of read_people), by id, each with its
 * memberships; p->parent: an organ in scope, whose members only (0: all).
 */
int read_people_page(struct db *db, const struct account *acct, const struct read_page *p,
		     struct arena *a, struct read_person **ret, size_t *ret_n);
/* One of those people by id, with its memberships; ERR_NOTFOUND (e names the id) when not seen. */
int read_person(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		struct read_person *ret, struct err *e);

/* Recipient groups of bodies in scope, each with its recipients. */
struct read_recipient {
	int64_t position;
	const char *label, *email;
};
struct read_rgroup {
	int64_t id;
	const char *code, *name, *body;
	struct read_recipient *recipients;
	size_t nrecipients;
};
int read_rgroups(struct db *db, const struct account *acct, struct arena *a,
		 struct read_rgroup **ret, size_t *ret_n);

/* ---- indicators entry ----------------------------------------------------- */

/* One line of the entry grid (values in units of 10^-scale; has_* false when absent). */
struct read_ind_line {
	int64_t id;
	const char *code, *name, *unit;
	int decimals, depth;
	bool has_actual, estimate, has_plan, has_prev;
	int64_t actual, actual_scale, plan, plan_scale, prev, prev_scale;
	const char *source, *default_plan;
};
/*
 * The entry grid of body (which the caller has checked with account_sees_body)
 * for period, with the plan of period or else of year, and the actual of prev.
 */
int read_ind_grid(struct db *db, int64_t body, const char *period, const char *year,
		  const char *prev, struct arena *a, struct read_ind_line **ret, size_t *ret_n);
/* The name of body id when the account sees it, else ERR_NOTFOUND. */
int read_body_name(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		   const char **ret, struct err *e);

/* ---- reporting requests (core/requests) -------------------------------------- */

struct req;
/*
 * A request as the account sees it: r with its addressees; asker when the
 * account is not a reporter and the asking body is in its scope (it watches
 * who has answered); answer_as, an addressee in the account's scope that has
 * not answered yet (0: none), which the account's office may answer for.
 * A request is visible when asker, or when an addressee is in scope.
 */
struct read_request {
	struct req *r;
	bool asker;
	int64_t answer_as;
	const char *missing; /* names of the addressees that have not answered, ", "-joined */
};
/* Every request visible to acct, newest due first. */
int read_requests(struct db *db, const struct account *acct, struct arena *a,
		  struct read_request **ret, size_t *ret_n, struct err *e);
/* Request id when visible to acct, else ERR_NOTFOUND naming it. */
int read_request(struct db *db, const struct account *acct, int64_t id, struct arena *a,
		 struct read_request *ret, struct err *e);
/*
 * Whether acct may answer request id for addressee body_id: the body is an
 * addressee in its scope and the account is not a reporter.
 */
bool read_request_may_answer(struct db *db, const struct account *acct,
			     const struct read_request *rq, int64_t body_id);
