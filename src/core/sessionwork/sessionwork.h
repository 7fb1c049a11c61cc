/* sessionwork.h: a session's work: working regulation, invitations, attendance, votes, comments on drafts, minutes, carry-over, work programmes. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/* ---- working regulation (quy chế làm việc): the rules, as versioned data ---- */

/*
 * The rules of an organ from a date. A vote passes when the votes for are
 * MORE THAN vote_num/vote_den of the members in office (not of those
 * present). A binding vote needs the members present to reach
 * attend_num/attend_den (more than it when attend_strict, else at least it);
 * items marked special (votes of confidence …) need at least
 * special_num/special_den of the members present.
 */
struct sw_rule {
	int64_t id; /* 0: the default rule, when the organ has none in force */
	int64_t organ_id;
	char effective_from[11];
	int vote_num, vote_den;
	int attend_num, attend_den;
	bool attend_strict;
	int special_num, special_den;
	bool record_names;     /* votes are recorded by name */
	const char *frequency; /* how often it meets, or NULL */
	int64_t document_id;   /* the regulation or its amendment, or 0 */
	const char *note;
};

/* Fills r with the default: more than 1/2 for, more than 1/2 present, 2/3 for special items. */
void sw_rule_default(struct sw_rule *r);
/* True when n_for votes pass under r with members in office. */
bool sw_rule_passes(const struct sw_rule *r, int members, int n_for);
bool sw_rule_attend_ok(const struct sw_rule *r, int members, int present);
bool sw_rule_special_ok(const struct sw_rule *r, int members, int present);
/* "quá 1/2", "ít nhất 2/3": into buf. */
int sw_rule_describe_frac(int num, int den, bool strict, struct buf *out);

/*
 * Adds a version of the organ's rules effective from r->effective_from
 * (ISO date). ERR_INVAL for an impossible fraction or date, ERR_EXISTS when a
 * version already starts that day.
 */
int sw_rule_set(struct db *db, const struct sw_rule *r, int64_t *ret_id, struct err *e);
/* The rules in force on date (ISO) for the organ; the default when none. Strings: arena. */
int sw_rule_at(struct db *db, int64_t organ_id, const char *date, struct arena *a,
	       struct sw_rule *ret, struct err *e);
/* Every version, oldest first; array and strings are arena memory. */
int sw_rule_history(struct db *db, int64_t organ_id, struct arena *a, struct sw_rule **ret,
		    size_t *ret_n, struct err *e);

/* ---- invitations ---- */

struct sw_invitation {
	int64_t id, person_id, unit_id;
	const char *name; /* person's or unit's */
	const char *role; /* "member" or "guest" */
	const char *note;
	const char *sent_at, *channel; /* NULL until sent */
};

/* Invites every member of the session's organ in office on its date not yet invited. */
int sw_invite_members(struct db *db, int64_t session_id, int *ret_added, struct err *e);
/* Invites a guest: a person, a unit, or a person on behalf of a unit. */
int sw_invite_guest(struct db *db, int64_t session_id, int64_t person_id, int64_t unit_id,
		    const char *note, int64_t *ret_id, struct err *e);
/* Records every invitation not yet sent as sent now through channel. */
int sw_invite_send(struct db *db, int64_t session_id, const char *channel, int *ret_sent,
		   struct err *e);
int sw_invite_list(struct db *db, int64_t session_id, struct arena *a, struct sw_invitation **ret,
		   size_t *ret_n, struct err *e);
/* The invitation's text: session, date, place, agenda with its documents. */
int sw_invite_text(struct db *db, int64_t session_id, struct buf *out, struct err *e);

/* ---- attendance and quorum ---- */

enum sw_att { SW_UNRECORDED = -1, SW_PRESENT, SW_ABSENT, SW_DELEGATED };

/*
 * Records whether a member (or an invited guest) attended. An absence takes
 * its reason, a delegation the name of who came instead. ERR_INVAL for a
 * person neither a member in office nor invited.
 */
int sw_attend(struct db *db, int64_t session_id, int64_t person_id, enum sw_att status,
	      const char *reason, const char *delegate, struct err *e);

/* Records every member in office not yet recorded as present; *ret_n gets how many. */
int sw_attend_rest_present(struct db *db, int64_t session_id, int *ret_n, struct err *e);

struct sw_attendee {
	int64_t person_id;
	const char *name, *position; /* position "" for guests */
	bool member;
	enum sw_att status;
	const char *reason, *delegate;
};

/* The state of a session against its rules. */
struct sw_quorum {
	int64_t session_id, organ_id;
	int number;
	char date[11];
	const char *organ;
	int members; /* in office on the session's date */
	int present, absent, delegated, unrecorded;
	struct sw_rule rule;
	bool attend_ok, special_ok;
};

int sw_quorum(struct db *db, int64_t session_id, struct arena *a, struct sw_quorum *ret,
	      struct err *e);
/* Members in office (then guests who attended), with their status; arena memory. */
int sw_attendance_list(struct db *db, int64_t session_id, struct arena *a, struct sw_attendee **ret,
		       size_t *ret_n, struct err *e);
const char *sw_att_name(enum sw_att s);	 /* "present" … */
const char *sw_att_label(enum sw_att s); /* "Có mặt" … */

/* ---- votes ---- */

enum sw_choice { SW_FOR, SW_AGAINST, SW_ABSTAIN };

struct sw_named {
	int64_t person_id;
	enum sw_choice choice;
	const char *name; /* filled on reading */
};

struct sw_vote_in {
	int64_t agenda_item_id;
	int n_for, n_against, n_abstain;
	bool advisory;	     /* not binding: no attendance rule needed */
	bool special;	     /* needs the special attendance rule */
	const char *wording; /* the office's words; NULL derives one */
	const struct sw_named *named;
	size_t nnamed;
};

/*
 * Records the vote on an agenda item and derives its outcome under the rules
 * in force on the session's date; the item's outcome becomes the wording.
 * Refused with nothing written (ERR_INVAL, message saying why): counts larger
 * than the members present, a binding vote when the attendance rule is not
 * met, names that do not match the counts, a wording of agreement on a vote
 * that did not pass. ERR_EXISTS when the item already has a vote.
 */
int vote_record(struct db *db, const struct sw_vote_in *in, int64_t *ret_id, struct err *e);

struct sw_vote {
	int64_t id, agenda_item_id, session_id;
	int position;
	const char *title;
	int n_for, n_against, n_abstain, members, present;
	bool binding, special, passed;
	const char *wording;
	const char *correction_reason; /* NULL unless corrected by vote_correct */
	struct sw_named *named;
	size_t nnamed;
};

/*
 * Corrects the recorded vote on in->agenda_item_id: replaces its counts (and
 * names) judged as vote_record judges them, keeps whether it was binding or
 * special, derives the outcome again and records reason (required). The
 * earlier counts stay in the audit log. ERR_NOTFOUND when the item has no
 * vote; ERR_INVAL as vote_record, or without a reason.
 */
int vote_correct(struct db *db, const struct sw_vote_in *in, const char *reason, struct err *e);
int vote_get(struct db *db, int64_t agenda_item_id, struct arena *a, struct sw_vote *ret,
	     struct err *e);

/* What a session's page and its JSON show of its work: votes, quorum, attendance. */
struct sw_session_state {
	struct sw_vote *votes; /* one per item asked for; id 0 when the item has no vote */
	struct sw_quorum quorum;
	struct sw_attendee *att;
	size_t natt;
};
/* The state of session_id for the agenda items given (nitems ids); arena memory. */
int sw_session_state(struct db *db, int64_t session_id, const int64_t *items, size_t nitems,
		     struct arena *a, struct sw_session_state *ret, struct err *e);

/* ---- comments on drafts and their incorporation ---- */

enum cmt_resp { CMT_OPEN, CMT_TIEP_THU, CMT_GIAI_TRINH, CMT_KHONG_TIEP_THU };

/*
 * A comment on a document, optionally on one paragraph: by a person, or (with
 * person_id 0) by a group unit when the record names no one. session_id may
 * be 0.
 */
int cmt_add(struct db *db, int64_t document_id, int64_t session_id, int64_t person_id,
	    int64_t unit_id, const char *paragraph, const char *content, int64_t *ret_id,
	    struct err *e);
/*
 * The office's response. Giải trình and không tiếp thu need their
 * explanation. ERR_LOCKED once a revised version has taken the comment in.
 */
int cmt_respond(struct db *db, int64_t comment_id, enum cmt_resp resp, const char *text,
		int64_t unit_id, struct err *e);
/*
 * A new version of the document with text; the comments taken in (tiếp thu)
 * and not yet in a version are marked as taken in by it. The first revision
 * keeps the document's text as version 1.
 */
int cmt_revise(struct db *db, int64_t document_id, const char *text, const char *note,
	       int *ret_version, struct err *e);

struct cmt_row {
	int64_t id;
	const char *member; /* the person's name, or the group's */
	bool group;
	const char *paragraph, *content;
	enum cmt_resp response;
	const char *response_text, *responder;
	int on_version, revised_version; /* 0: not yet in a version */
};

/* The incorporation table (bảng tổng hợp tiếp thu, giải trình ý kiến) of a document. */
struct cmt_table {
	int64_t document_id;
	const char *doc_kind, *doc_title, *body;
	int versions; /* 0 when never revised */
	struct cmt_row *rows;
	size_t n;
	int n_tiep_thu, n_giai_trinh, n_khong, n_open;
};

int cmt_table_load(struct db *db, int64_t document_id, struct arena *a, struct cmt_table *ret,
		   struct err *e);
/* A version's text (arena memory); version 0 is the latest. */
int cmt_version_text(struct db *db, int64_t document_id, int version, struct arena *a,
		     const char **ret, struct err *e);
const char *cmt_resp_name(enum cmt_resp r);  /* "tiep-thu" … */
const char *cmt_resp_label(enum cmt_resp r); /* "Tiếp thu" … */
int cmt_resp_parse(const char *s);	     /* -1 when unknown */

/* ---- minutes (biên bản) ---- */

struct minutes {
	int64_t id, session_id, approved_by;
	const char *text, *approved_at;
	bool approved;
	int revision;
};

/*
 * Drafts the minutes from the session's data (attendance, agenda, votes,
 * comments, questioning). An existing draft is replaced only with replace;
 * approved minutes are ERR_LOCKED.
 */
int minutes_draft(struct db *db, int64_t session_id, bool replace, struct err *e);
/* Replaces the draft's text. ERR_LOCKED once approved; ERR_NOTFOUND with no draft. */
int minutes_edit(struct db *db, int64_t session_id, const char *text, struct err *e);
/* Approves and locks the minutes; approver is a person id. */
int minutes_approve(struct db *db, int64_t session_id, int64_t approver_id, struct err *e);
int minutes_get(struct db *db, int64_t session_id, struct arena *a, struct minutes *ret,
		struct err *e);

/* ---- carry-over of agenda items ---- */

/*
 * Moves an agenda item that has no outcome to a later session of the same
 * organ, as a new item at the end of its agenda linked to the old one.
 */
int sw_agenda_carry(struct db *db, int64_t item_id, int64_t to_session_id, const char *reason,
		    int64_t *ret_item_id, struct err *e);

struct sw_carry_step {
	int64_t item_id, session_id;
	int session_number, position;
	const char *date, *title, *outcome, *reason; /* reason: why it left this session */
};

/* The item's whole chain, earliest session first. */
int sw_agenda_history(struct db *db, int64_t item_id, struct arena *a, struct sw_carry_step **ret,
		      size_t *ret_n, struct err *e);

/* ---- work programme (chương trình công tác) ---- */

struct prog_topic_in {
	const char *title;
	int year, quarter, session_number; /* 0 when not given */
	int64_t unit_id;		   /* preparing unit, or 0 */
};

/* A programme of an organ for its term ("toan_khoa") or a year ("nam"); revision 1 from date. */
int prog_add(struct db *db, int64_t organ_id, int64_t term_id, bool yearly, int year,
	     const char *title, const char *date, int64_t *ret_id, struct err *e);
/* Adds a topic to the programme's current revision. */
int prog_topic_add(struct db *db, int64_t programme_id, const struct prog_topic_in *t,
		   int64_t *ret_id, struct err *e);
/* Drops a topic from the current revision (it stays in the earlier ones). */
int prog_topic_drop(struct db *db, int64_t topic_id, struct err *e);
/* Opens a new revision effective from date, with its reason and document. */
int prog_revise(struct db *db, int64_t programme_id, const char *date, int64_t document_id,
		const char *note, int *ret_revision, struct err *e);
/* Ticks a topic off as done by an agenda item of a session of the programme's organ. */
int prog_tick(struct db *db, int64_t topic_id, int64_t agenda_item_id, struct err *e);

struct prog_topic {
	int64_t id, unit_id, done_item_id, done_session_id;
	const char *title, *unit;
	int year, quarter, session_number, added_rev, dropped_rev, done_session_number;
};

struct prog_rev {
	int revision;
	const char *effective_from, *note;
	int64_t document_id;
	int added, dropped;
};

struct prog_view {
	int64_t id, organ_id, term_id;
	const char *title, *organ;
	bool yearly;
	int year, revision, revisions; /* shown revision, latest revision */
	struct prog_topic *topics;     /* those in the shown revision */
	size_t n;
	struct prog_rev *revs; /* all revisions */
	size_t nrevs;
	int done;
};

/* The programme as of revision (0: latest); arena memory. */
int prog_load(struct db *db, int64_t programme_id, int revision, struct arena *a,
	      struct prog_view *ret, struct err *e);

/* ---- demo ---- */

/* The demo's session 26: attendance, votes, the comments of section 3; after the registry part. */
int demo_sessionwork(struct db *db, struct err *e);
