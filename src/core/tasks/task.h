/* task.h: tasks assigned by a body, their deadlines, progress reports, statuses and rates. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"
#include "vn/date.h"
#include "vn/num.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * A task's status at a reference date, in the vocabulary of the government's
 * follow-up reports (Báo cáo 1270/BC-TCTTTg). Never stored: derived from the
 * deadline, the completion date and the reference date.
 */
enum task_status {
	TASK_DONE_ON_TIME, /* hoàn thành đúng hạn */
	TASK_DONE_LATE,	   /* hoàn thành quá hạn */
	TASK_OPEN_IN_TIME, /* chưa hoàn thành trong hạn */
	TASK_OPEN_OVERDUE, /* chưa hoàn thành quá hạn */
	TASK_STANDING,	   /* thường xuyên */
	TASK_NSTATUS
};

/* "hoàn thành đúng hạn" … */
const char *task_status_name(enum task_status s);
/* Machine code used by --status and JSON: dung_han, tre_han, trong_han, qua_han, thuong_xuyen. */
const char *task_status_code(enum task_status s);
/* Accepts the code or the Vietnamese name (tones optional). ERR_INVAL otherwise. */
int task_status_parse(const char *s, enum task_status *ret, struct err *e);

/*
 * The status at as_of. Dates are ISO text (YYYY-MM-DD); due is NULL for a
 * task without deadline, completed NULL while not done. A task completed
 * after as_of counts as not completed at as_of. A task due on as_of and not
 * done is still in time; done on its due date is on time. A task without
 * deadline is never overdue. Standing tasks are TASK_STANDING until done.
 */
enum task_status task_status_at(bool standing, const char *due, const char *completed,
				const char *as_of);

enum task_deadline_kind {
	TASK_DL_NONE,
	TASK_DL_DATE,	  /* trước ngày 10/12/2023 */
	TASK_DL_PERIOD,	  /* quý IV/2023, tháng 12/2023, năm 2024: due the period's last day */
	TASK_DL_SPAN,	  /* 02 tháng tới, 15 ngày: counted from the base date */
	TASK_DL_STANDING, /* thường xuyên */
};

enum task_cycle {
	TASK_CYCLE_NONE,
	TASK_CYCLE_MONTH,
	TASK_CYCLE_QUARTER,
	TASK_CYCLE_HALF,
	TASK_CYCLE_YEAR
};

/*
 * A deadline, one value from the text it was read in to the reminder: its
 * kind, the words as written ("02 tháng tới", "trước ngày 10/12/2023",
 * "quý IV/2023", "thường xuyên"), the last day they resolve to, and the
 * reporting cycle of a standing or periodic task. Stored as the task's
 * deadline_kind, deadline_text, due and cycle.
 */
struct task_deadline {
	enum task_deadline_kind kind;
	const char *words;  /* NULL for TASK_DL_NONE */
	struct vn_date due; /* none for TASK_DL_NONE and TASK_DL_STANDING */
	enum task_cycle cycle;
};

/*
 * Resolves a deadline as a person types it in a field (the grammar is
 * vn_deadline_scan's, src/vn/deadline.h): a date ("04/12/2023", "trước
 * ngày 10/12/2023", "2023-12-04"), a period ("quý IV/2023", "quý 4 năm
 * 2023", "tháng 12/2023", "6 tháng đầu năm 2024", "năm 2024"), a span from
 * base ("02 tháng tới", "trong 15 ngày", "03 tuần") or "thường xuyên". NULL
 * or "" is no deadline. ret->words borrows text; ret->cycle is
 * TASK_CYCLE_NONE. ERR_INVAL with a Vietnamese message otherwise.
 */
int task_deadline_parse(const char *text, struct vn_date base, struct task_deadline *ret,
			struct err *e);
/*
 * Finds the deadline a sentence text[0..len) sets ("…, hoàn thành trước
 * ngày 10/12/2023", "… thời gian 02 tháng tới …") and resolves it as
 * task_deadline_parse does; a date, quarter or month written without its
 * year takes default_year. ret->words is the phrase as written (arena
 * memory), *ret_off and *ret_len where it stands in text. ERR_NOTFOUND when
 * the sentence sets none; ERR_INVAL (e set) when it resolves outside the
 * years allowed or a span has no base.
 */
int task_deadline_find(const char *text, size_t len, struct vn_date base, int default_year,
		       struct arena *a, struct task_deadline *ret, size_t *ret_off, size_t *ret_len,
		       struct err *e);
/*
 * The deadline as stored (the task's deadline_kind, deadline_text, due and
 * cycle columns, any of them NULL) as one value; words borrow the text given.
 */
void task_deadline_stored(const char *kind, const char *words, const char *due, const char *cycle,
			  struct task_deadline *ret);
const char *task_deadline_kind_code(enum task_deadline_kind k);
const char *task_cycle_code(enum task_cycle c);
/* "thang", "quy", "6thang", "nam" (and month, quarter, half, year). */
int task_cycle_parse(const char *s, enum task_cycle *ret, struct err *e);

/* Parses a date as users write it into ISO text; "what" names the field in messages. */
int task_date_arg(const char *s, const char *what, char out[static 11], struct err *e);

/*
 * A unit given by its id ("12") or its name, matched exactly or ignoring
 * tones and case. ERR_NOTFOUND or ERR_INVAL (ambiguous) with a message.
 */
int task_unit_find(struct db *db, const char *ref, int64_t *ret, struct err *e);

/* What a new task is made of. Strings are borrowed; dates in any form task_date_arg takes. */
struct task_input {
	int64_t body_id;	   /* assigning body; 0: the source's, else the only body */
	int64_t parent_id;	   /* 0, or the task this one is a sub-task of */
	int64_t source_doc_id;	   /* 0 or a document */
	int64_t source_session_id; /* 0 or a session */
	int64_t lower_body_id;	   /* 0 or a lower body it is assigned down to */
	const char *section;	   /* section of the source, or NULL */
	const char *content;
	const char *assigned_on; /* NULL: the source's date, else today */
	const char *deadline;	 /* as written; NULL: none */
	/* The deadline already read (the importer's), used instead of deadline when not NULL. */
	const struct task_deadline *dl;
	const char *cycle; /* reporting cycle, or NULL */
	const char *report_to;
	const char *follower; /* unit id or name, or NULL */
	const char *const *leads;
	size_t nleads;
	const char *const *coords;
	size_t ncoords;
};

/* Adds a task in its own transaction; nothing is written on error. */
int task_add(struct db *db, const struct task_input *in, int64_t *ret_id, struct err *e);
/* Same, inside the caller's transaction (the demo's). */
int task_insert(struct db *db, const struct task_input *in, int64_t *ret_id, struct err *e);

struct task_report_input {
	const char *unit;    /* who reports: a lead, co-ordinating or following unit */
	const char *on_date; /* NULL: today */
	const char *text;
	const char *result;		/* result or product, or NULL */
	const char *percent;		/* progress, "0" to "100", or NULL */
	const char *const *attachments; /* file references (paths, URLs) */
	size_t nattachments;
	bool close_request; /* the unit asks the office to close the task */
};

/*
 * Records a progress report. A completed task takes no report (ERR_LOCKED);
 * a date before the assignment or a unit not given the task is ERR_INVAL.
 */
int task_report(struct db *db, int64_t id, const struct task_report_input *in, int64_t *ret_event,
		struct err *e);
int task_report_tx(struct db *db, int64_t id, const struct task_report_input *in,
		   int64_t *ret_event, struct err *e);
/*
 * The office confirms completion as of date (NULL: today), which may precede
 * neither the assignment nor a pending request to close (ERR_INVAL, the
 * message beginning "ngày hoàn thành").
 */
int task_confirm(struct db *db, int64_t id, const char *date, const char *note, struct err *e);
int task_confirm_tx(struct db *db, int64_t id, const char *date, const char *note, struct err *e);
/*
 * The office sends a request to close back with note (required; ERR_INVAL
 * "lý do trả lại …"): the task is open again. date (NULL: today) may not
 * precede the request (ERR_INVAL "ngày trả lại …"); a task with no pending
 * request is ERR_INVAL too.
 */
int task_send_back(struct db *db, int64_t id, const char *date, const char *note, struct err *e);

/*
 * Breaks task parent_id down into a task of body_id for that body's own units
 * (giao tiếp cho đơn vị), in its own transaction: a sub-task linked to the
 * parent, assigned on in->assigned_on (NULL: today), with in's content,
 * deadline (NULL or "": the parent's last day), lead and co-ordinating units;
 * the other fields of in are ignored. body_id must be the parent's lower body
 * or, for a task assigned to none, its own (the caller has checked that the
 * acting account may act for it, read_task_split_body). A completed parent is
 * ERR_LOCKED; a unit of another body, a deadline after the parent's, or what
 * task_add refuses is ERR_INVAL with a message beginning with the field
 * ("đơn vị …", "thời hạn …", "nội dung …"). Nothing is written on error.
 */
int task_split(struct db *db, int64_t parent_id, int64_t body_id, const struct task_input *in,
	       int64_t *ret_id, struct err *e);

/*
 * A task body_id assigns by hand, outside a notice (giao nhiệm vụ), in its own
 * transaction: in's content, deadline (NULL or "": none), assigned_on (NULL:
 * today), lead and co-ordinating units, each one of body_id's own units, a
 * unit standing for one of its lower bodies included (the task is then that
 * body's too); the other fields of in are ignored. The caller has checked
 * that the acting account may act for body_id. An unknown body is
 * ERR_NOTFOUND; a body whose work passed to a successor, no lead, a unit of another body, or what
 * task_add refuses ERR_INVAL with a message beginning with the field
 * ("cơ quan giao …", "đơn vị …", "thời hạn …", "nội dung …"). Nothing is
 * written on error.
 */
int task_assign(struct db *db, int64_t body_id, const struct task_input *in, int64_t *ret_id,
		struct err *e);

/* A deadline extension (gia hạn). Strings are borrowed. */
struct task_extend_input {
	const char *deadline;	/* the new deadline as typed (task_deadline_parse) */
	const char *reason;	/* why; required */
	const char *decided_on; /* the date of the decision; NULL: today */
};
/*
 * The office extends an open task's deadline in its own transaction: the task
 * takes the new deadline (a span such as "02 tháng tới" counts from the
 * decision) and its timeline an "extended" event with the reason as text and
 * "old → new" as result. The new deadline must fall on a day (not "thường
 * xuyên") after the old one and not before the decision. A completed task is
 * ERR_LOCKED; bad input ERR_INVAL with a message beginning with the field:
 * "thời hạn …", "lý do gia hạn …", "ngày quyết định …". Nothing is written on error.
 */
int task_extend(struct db *db, int64_t id, const struct task_extend_input *in, struct err *e);

/* What the office changes in an open task; NULL (or has_units false) keeps it. Borrowed. */
struct task_edit_input {
	const char *content;
	bool has_units;		  /* replace the lead and co-ordinating units with those below */
	const char *const *leads; /* ids or names, at least one when has_units */
	size_t nleads;
	const char *const *coords;
	size_t ncoords;
};
/*
 * Edits an open task in its own transaction: its content, and its lead and
 * co-ordinating units (replaced as a whole). A completed task is ERR_LOCKED;
 * empty content, no lead, an unknown unit or one named twice ERR_INVAL with a
 * message beginning "nội dung" or naming the unit ("đơn vị …", "thiếu đơn vị
 * chủ trì"). Nothing is written on error.
 */
int task_edit(struct db *db, int64_t id, const struct task_edit_input *in, struct err *e);

/*
 * Counts by status. Only tasks already due enter the rate, as the
 * government's reports count them: due = completed tasks that had a deadline
 * + open overdue tasks; rate = completed / due.
 */
struct task_counts {
	int64_t n[TASK_NSTATUS];
	int64_t total, due, due_done;
};
void task_counts_add(struct task_counts *c, enum task_status s, bool has_due);
/* Adds the counts c into into (a roll-up). */
void task_counts_merge(struct task_counts *into, const struct task_counts *c);
/* The completion rate in percent with 2 decimals; false when nothing is due yet. */
bool task_counts_rate(const struct task_counts *c, struct vn_dec *ret);

struct task_unit_ref {
	int64_t id;
	const char *name, *email;
	bool lead;
	int64_t lower_body_id; /* a unit of kind lower body: the body it stands for; else 0 */
};

/* A sub-task as its parent shows it: what, whose, its status and the progress last stated. */
struct task_child {
	int64_t id, body_id;
	const char *content, *lead, *body_name, *deadline_text, *due, *completed_on;
	enum task_status status; /* at the loader's as_of */
	int percent;		 /* the latest report's percent; -1: none stated */
};

struct task_event {
	int64_t id;
	const char
	    *kind; /* created, report, close_request, confirmed, sent_back, extended, transferred */
	const char *on_date;
	const char *unit; /* or NULL */
	const char *text, *result;
	int percent; /* progress stated by a report, 0–100; -1: none */
	const char **attachments;
	size_t nattachments;
};

/* A task as read from the store; all strings in the arena passed to the loader. */
struct task {
	int64_t id, parent_id, body_id, source_doc_id, source_session_id, follower_unit_id,
	    lower_body_id;
	const char *section, *content, *assigned_on, *state, *completed_on, *last_report_on,
	    *report_to;
	struct task_deadline dl; /* kind, words, last day, cycle */
	const char *due;	 /* dl.due as ISO text, NULL for none */
	const char *deadline_event; /* no date: the event named ("trước Tết Nguyên đán"), or NULL */
	const char *source_label; /* "Thông báo số 512-TB/HU", "phiên họp thứ 26 (04/10/2023)" */
	const char *follower_name, *follower_email;
	enum task_status status; /* at the loader's as_of */
	struct task_unit_ref *units;
	size_t nunits;
	struct task_event *events; /* task_get only: the latest TASK_EVENTS_LATEST, oldest first */
	size_t nevents;
	int64_t events_total; /* task_get only: all its events, the older ones paged elsewhere */
	const char *latest_report;    /* text of the newest report, or NULL */
	struct task_counts *subtasks; /* task_get only: its sub-tasks at every level, rolled up */
	struct task_child
	    *children; /* task_get only: its first TASK_CHILDREN_FIRST direct sub-tasks, by id */
	size_t nchildren;
	bool children_more; /* task_get only: it has more direct sub-tasks than those */
};

/* How many of a task's direct sub-tasks task_get loads; the rest are paged (task_children_page). */
#define TASK_CHILDREN_FIRST 50
/* How many of a task's events task_get loads: a timeline may run to thousands. */
#define TASK_EVENTS_LATEST 20
/*
 * Loads one task with its units, the latest TASK_EVENTS_LATEST events of its
 * timeline and their count, status at as_of (ISO).
 */
int task_get(struct db *db, int64_t id, const char *as_of, struct arena *a, struct task **ret,
	     struct err *e);

struct task_filter {
	const char *as_of;     /* ISO; required */
	int64_t unit_id;       /* 0, or tasks this unit leads or co-ordinates */
	int64_t source_doc_id; /* 0, or tasks of this document */
	int64_t source_session_id;
	unsigned status_mask; /* 0, or 1 << status for each status wanted */
	int stale_days;	      /* > 0: open tasks with no report for at least this many days */
	bool open_only;	      /* not completed at as_of */
};

/*
 * The direct sub-tasks of task id after the id after, at most limit of them by
 * id, each with its status at as_of and latest stated progress; arena memory.
 * 0, ERR_NOMEM or a store failure.
 */
int task_children_page(struct db *db, int64_t id, const char *as_of, int64_t after, int64_t limit,
		       struct arena *a, struct task_child **ret, size_t *ret_n);
/* Tasks matching f, by id, with their units and latest report; arena memory. */
int task_list(struct db *db, const struct task_filter *f, struct arena *a, struct task **ret,
	      size_t *ret_n, struct err *e);
/* Ids of a unit's open overdue tasks at as_of, fast (an index walk); arena memory. */
int task_overdue_of_unit(struct db *db, int64_t unit_id, const char *as_of, struct arena *a,
			 int64_t **ret, size_t *ret_n, struct err *e);

enum task_group_by { TASK_BY_NONE, TASK_BY_UNIT, TASK_BY_SOURCE, TASK_BY_BODY, TASK_BY_PERIOD };

struct task_group {
	int64_t key; /* unit, document, body id; year * 10 + quarter of the due date */
	const char *label;
	struct task_counts c;
};

struct task_stats {
	const char *as_of;
	struct task_counts all;
	struct task_group *groups; /* ordered by key */
	size_t ngroups;
};

/*
 * Statistics at as_of over all tasks (or those of source_doc_id when not 0),
 * grouped as asked: by lead unit (a task led by two units counts in both),
 * source document, assigning body, or quarter of the deadline. Arena memory.
 */
int task_stats(struct db *db, enum task_group_by by, const char *as_of, int64_t source_doc_id,
	       struct arena *a, struct task_stats *ret, struct err *e);
int task_group_by_parse(const char *s, enum task_group_by *ret, struct err *e);
/*
 * task_stats by reading every task (by unit, body or none it reads the task
 * counters instead, at a cost that does not grow with the tasks): what the
 * counters must equal, and the only way by source or period.
 */
int task_stats_scan(struct db *db, enum task_group_by by, const char *as_of, int64_t source_doc_id,
		    struct arena *a, struct task_stats *ret, struct err *e);

/*
 * The task counters (migration 017, db/tally_sql.h): per assigning body,
 * lower body and lead unit, what a task's status depends on as stored, kept
 * by the store's triggers in every task write's own transaction. A row read
 * with the open tasks overdue at a date.
 */
struct task_tally_row {
	int64_t total, standing, done_ontime, done_late, done_due, overdue;
};
struct db_q;
/* The six columns of a counter row (TALLY_COLS) of q from col on. */
void task_tally_read(struct db_q *q, int col, struct task_tally_row *ret);
/* Adds a counter row into c, as task_counts_add would have counted its tasks. */
void task_counts_tally(struct task_counts *c, const struct task_tally_row *t);
/*
 * A task the counters count done (completed_on) that was not done yet at
 * as_of: moved in c from its done status to its status at as_of.
 */
void task_counts_reopen(struct task_counts *c, bool standing, const char *due,
			const char *completed, const char *as_of);
/* A counter row that differs from a recount of the tasks: its key and names ("" for none). */
struct task_tally_fault {
	int64_t body_id, lower_body_id, unit_id; /* unit_id 0: the row of each task once */
	const char *unit, *body, *lower_body;
};
/* The counter rows that differ from a full recount, by key; arena memory. */
int task_tally_check(struct db *db, struct arena *a, struct task_tally_fault **ret, size_t *ret_n,
		     struct err *e);
/* Rebuilds the counters from the tasks in its own transaction. */
int task_tally_repair(struct db *db, struct err *e);

/*
 * The follow-up report of one source (a notice, or a session when the notice
 * is not in the store): counts, rate and every task with its status and
 * latest report, at as_of.
 */
struct task_followup {
	const char *as_of;
	const char *source_label; /* Thông báo kết luận số 512-TB/HU */
	const char *source_title; /* Kết luận phiên họp thứ 26 … */
	const char *body_name;	  /* Huyện ủy Tân Yên, or NULL */
	const char *body_code;	  /* HU: the issuer part of the report's number */
	const char *place;	  /* Tân Yên: the place of the report's date line */
	bool body_state;	  /* a People's Committee (state forms), not a Party committee */
	struct task_counts counts;
	struct task *tasks;
	size_t ntasks;
};
int task_followup_load(struct db *db, int64_t doc_id, int64_t session_id, const char *as_of,
		       struct arena *a, struct task_followup *ret, struct err *e);
/*
 * The follow-up report of conclusion notice notice_id (the notice table's id,
 * as /notices/# and 'dondoc notice' number them): of its document when it is
 * registered, else of its session. ERR_NOTFOUND "không có thông báo số …"
 * when there is no such notice; ERR_INVAL when it has neither.
 */
int task_followup_notice(struct db *db, int64_t notice_id, const char *as_of, struct arena *a,
			 struct task_followup *ret, struct err *e);
