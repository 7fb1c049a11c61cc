/* registry.h: the committee registry: bodies, terms, organs, units, people, sessions, documents. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/*
 * Conventions of this module:
 * - Strings in the structs filled by reg_*_get/find/list are arena memory
 *   (the caller's arena); NULL for SQL NULL.
 * - Dates are ISO text "YYYY-MM-DD" ("" or NULL for none); input dates are
 *   validated (they must be real dates).
 * - Text given to reg_*_add is normalised to NFC and its search key stored.
 * - reg_*_add and the setters are each one transaction, nested as a
 *   savepoint in the caller's when there is one (a CLI verb, the demo, an
 *   HTTP handler writing several things at once): a failure writes nothing.
 * - Lookups return ERR_NOTFOUND, with e saying what was looked for, when
 *   nothing matches.
 */

/* ---- bodies ---- */

enum reg_level { REG_TW, REG_TINH, REG_HUYEN, REG_XA, REG_COSO, REG_NLEVELS };
enum reg_kind { REG_PARTY, REG_PEOPLE };

/* "tw", "tinh", "huyen", "xa", "coso"; parsing accepts these and the Vietnamese words. */
const char *reg_level_code(enum reg_level l);
const char *reg_level_name(enum reg_level l); /* "trung ương", "tỉnh" … */
int reg_level_parse(const char *s, enum reg_level *ret);
const char *reg_kind_code(enum reg_kind k); /* "party", "people" */
int reg_kind_parse(const char *s, enum reg_kind *ret);

struct reg_body {
	int64_t id, parent_id; /* parent_id 0: a root */
	enum reg_level level;
	enum reg_kind kind;
	const char *name;	/* Huyện ủy Tân Yên */
	const char *short_name; /* Huyện ủy */
	const char *code;	/* HU */
	const char *place;	/* Tân Yên */
	const char *active_from, *active_to;
};

int reg_body_add(struct db *db, const struct reg_body *b, int64_t *ret_id, struct err *e);
int reg_body_get(struct db *db, int64_t id, struct arena *a, struct reg_body *ret, struct err *e);
/*
 * The body with this symbol code ("HU", "ĐU"); level < 0 means any level, and
 * name (may be NULL) narrows by exact name or search key. Several matches are
 * ERR_INVAL ("ambiguous"), naming how to narrow.
 */
int reg_body_find(struct db *db, const char *code, int level, const char *name, struct arena *a,
		  struct reg_body *ret, struct err *e);
/* By exact name or by search key ("huyen uy tan yen"). */
int reg_body_by_name(struct db *db, const char *name, struct arena *a, struct reg_body *ret,
		     struct err *e);
/* All bodies, tree order (parents before children); parent_id 0 for all. */
int reg_body_list(struct db *db, struct arena *a, struct reg_body **ret, size_t *ret_n,
		  struct err *e);

/* ---- terms ---- */

struct reg_term {
	int64_t id, body_id;
	const char *name; /* XXII */
	int year_from, year_to;
	const char *start_date, *end_date;
};

int reg_term_add(struct db *db, const struct reg_term *t, int64_t *ret_id, struct err *e);
int reg_term_get(struct db *db, int64_t id, struct arena *a, struct reg_term *ret, struct err *e);
int reg_term_find(struct db *db, int64_t body_id, const char *name, struct arena *a,
		  struct reg_term *ret, struct err *e);
/* The body's term running at date (ISO); by start/end dates, else by years. */
int reg_term_at(struct db *db, int64_t body_id, const char *date, struct arena *a,
		struct reg_term *ret, struct err *e);
/* body_id 0: every body's terms. */
int reg_term_list(struct db *db, int64_t body_id, struct arena *a, struct reg_term **ret,
		  size_t *ret_n, struct err *e);

/* ---- organs ---- */

/* Kinds of organ as stored: bch, btv, tt, ubkt, vp, ban, ubnd, other. */
int reg_organ_kind_valid(const char *kind);

struct reg_organ {
	int64_t id, body_id;
	const char *kind; /* bch */
	const char *name; /* Ban Chấp hành Đảng bộ huyện */
	const char *code; /* VPHU when it issues under a code of its own */
};

int reg_organ_add(struct db *db, const struct reg_organ *o, int64_t *ret_id, struct err *e);
int reg_organ_get(struct db *db, int64_t id, struct arena *a, struct reg_organ *ret, struct err *e);
/* The body's (first) organ of this kind: "bch", "btv", "tt", "vp", "ubkt". */
int reg_organ_find(struct db *db, int64_t body_id, const char *kind, struct arena *a,
		   struct reg_organ *ret, struct err *e);
int reg_organ_by_name(struct db *db, int64_t body_id, const char *name, struct arena *a,
		      struct reg_organ *ret, struct err *e);
int reg_organ_list(struct db *db, int64_t body_id, struct arena *a, struct reg_organ **ret,
		   size_t *ret_n, struct err *e);

/* ---- units that receive tasks ---- */

/* Kinds as stored: agency, organ, lower_body, group. */
int reg_unit_kind_valid(const char *kind);

struct reg_unit {
	int64_t id, body_id;
	const char *kind;
	const char *name;
	int64_t organ_id;      /* kind organ: 0 otherwise */
	int64_t lower_body_id; /* kind lower_body: 0 otherwise */
	const char *email;
};

int reg_unit_add(struct db *db, const struct reg_unit *u, int64_t *ret_id, struct err *e);
int reg_unit_get(struct db *db, int64_t id, struct arena *a, struct reg_unit *ret, struct err *e);
/* By exact name, else by search key, among the units of body_id. */
int reg_unit_find(struct db *db, int64_t body_id, const char *name, struct arena *a,
		  struct reg_unit *ret, struct err *e);
int reg_unit_list(struct db *db, int64_t body_id, struct arena *a, struct reg_unit **ret,
		  size_t *ret_n, struct err *e);

/* ---- people and memberships ---- */

struct reg_person {
	int64_t id;
	const char *full_name, *email, *phone;
};

int reg_person_add(struct db *db, const struct reg_person *p, int64_t *ret_id, struct err *e);
int reg_person_get(struct db *db, int64_t id, struct arena *a, struct reg_person *ret,
		   struct err *e);
/* By exact name or search key; several people of that name are ERR_INVAL. */
int reg_person_find(struct db *db, const char *name, struct arena *a, struct reg_person *ret,
		    struct err *e);
int reg_person_list(struct db *db, struct arena *a, struct reg_person **ret, size_t *ret_n,
		    struct err *e);

struct reg_member {
	int64_t id, person_id, organ_id;
	const char *position; /* Bí thư, Phó Bí thư, Ủy viên BTV, Ủy viên BCH */
	const char *date_from, *date_to;
	const char *full_name; /* filled by reg_member_list */
};

int reg_member_add(struct db *db, const struct reg_member *m, int64_t *ret_id, struct err *e);
/*
 * Members of an organ in office on date (ISO; NULL: all, past ones included),
 * in the order they were added.
 */
int reg_member_list(struct db *db, int64_t organ_id, const char *date, struct arena *a,
		    struct reg_member **ret, size_t *ret_n, struct err *e);
/* How many members the organ has in office on date (ISO, required). */
int reg_member_count(struct db *db, int64_t organ_id, const char *date, int *ret, struct err *e);

/* ---- sessions and agenda ---- */

/* Kinds: thuong_ky, bat_thuong, chuyen_de; statuses: planned, held, concluded. */
int reg_session_kind_valid(const char *kind);
int reg_session_status_valid(const char *status);
const char *reg_session_kind_name(const char *kind);	 /* "thường kỳ" */
const char *reg_session_status_name(const char *status); /* "đã kết luận" */

struct reg_session {
	int64_t id, organ_id, term_id;
	int number; /* 0 in reg_session_add: the organ's next in the term */
	const char *kind, *date, *place, *basis, *status;
	const char *start_time; /* "HH:MM" (24-hour), or NULL */
};

/*
 * A start time as the office types it ("8:00", "08:00", "14h30") as "HH:MM"
 * in *ret (arena memory); NULL or blank gives NULL. ERR_INVAL naming the
 * value otherwise.
 */
int reg_norm_time(struct arena *a, const char *s, const char **ret, struct err *e);

int reg_session_add(struct db *db, const struct reg_session *s, int64_t *ret_id, int *ret_number,
		    struct err *e);
int reg_session_get(struct db *db, int64_t id, struct arena *a, struct reg_session *ret,
		    struct err *e);
int reg_session_find(struct db *db, int64_t organ_id, int64_t term_id, int number, struct arena *a,
		     struct reg_session *ret, struct err *e);
/* organ_id 0: every organ's sessions; by date, then number. */
int reg_session_list(struct db *db, int64_t organ_id, struct arena *a, struct reg_session **ret,
		     size_t *ret_n, struct err *e);
/*
 * Replaces the session's organ, term, number (0 keeps it), kind, date, start
 * time, place and basis with those of in (status is kept). ERR_LOCKED once
 * the session is concluded; ERR_EXISTS when the number is taken.
 */
int reg_session_update(struct db *db, int64_t id, const struct reg_session *in, struct err *e);
/* planned → held → concluded, forward only (ERR_INVAL otherwise). */
int reg_session_set_status(struct db *db, int64_t id, const char *status, struct err *e);

struct reg_agenda {
	int64_t id, session_id;
	int position;	      /* 0 in reg_agenda_add: after the last */
	const char *doc_kind; /* Báo cáo, Tờ trình */
	const char *title;
	int64_t presenter_unit_id, document_id; /* 0: none */
	const char *outcome;			/* cơ bản nhất trí */
};

int reg_agenda_add(struct db *db, const struct reg_agenda *it, int64_t *ret_id, struct err *e);
int reg_agenda_list(struct db *db, int64_t session_id, struct arena *a, struct reg_agenda **ret,
		    size_t *ret_n, struct err *e);
int reg_agenda_get(struct db *db, int64_t item_id, struct arena *a, struct reg_agenda *ret,
		   struct err *e);
/*
 * Moves an item one place up (up) or down in its session's agenda, swapping
 * it with its neighbour. ERR_INVAL at either end; ERR_LOCKED once the
 * session is concluded.
 */
int reg_agenda_move(struct db *db, int64_t item_id, bool up, struct err *e);
/* Sets an item's outcome ("cơ bản nhất trí"); NULL clears it. */
int reg_agenda_set_outcome(struct db *db, int64_t item_id, const char *outcome, struct err *e);

/* ---- documents ---- */

/* Confidentiality: thuong, mat, toi_mat; status: draft, issued. */
int reg_doc_conf_valid(const char *conf);
const char *reg_doc_conf_name(const char *conf); /* "thường", "mật", "tối mật" */

struct reg_doc {
	int64_t id;
	const char *type_code; /* TB */
	int64_t body_id;       /* issuing body, 0 when not registered */
	int64_t organ_id; /* issuing organ (Ban Thường vụ Tỉnh ủy), 0 when not known */
	int64_t term_id;  /* 0 when not known */
	const char *issuer_code; /* HU, as written */
	long number;		 /* 0: none yet */
	const char *symbol;	 /* 512-TB/HU; NULL for a draft */
	const char *date;
	const char *title; /* trích yếu */
	const char *text;
	const char *confidentiality; /* thuong by default */
	const char *status;	     /* draft by default */
	/*
	 * Symbol code of the drafting unit (VP in Số: 15/UBND-VP); a state body's
	 * công văn needs it to be issued. Written by reg_doc_add (taken from a
	 * dispatch symbol when not given); reg_doc_get leaves it NULL.
	 */
	const char *drafting_unit;
};

/* The name of a type code ("Thông báo"); ERR_NOTFOUND for an unknown code. */
int reg_doc_type_name(struct db *db, const char *code, struct arena *a, const char **ret,
		      struct err *e);

/*
 * Registers a document. With symbol set (any form docnum_parse reads,
 * "Số 22-NQ/HU" included) its number, type and issuer code come from it and
 * are stored in the written form (22-NQ/HU); body_id, when 0, is found by the
 * issuer code when exactly one body has it; term_id, when 0, is the body's
 * term at the date. ERR_EXISTS for the same symbol and date twice.
 */
int reg_doc_add(struct db *db, const struct reg_doc *d, int64_t *ret_id, struct err *e);
int reg_doc_get(struct db *db, int64_t id, struct arena *a, struct reg_doc *ret, struct err *e);
/*
 * By symbol in any written form; date (ISO, may be NULL) picks one of several
 * documents of the same symbol (the same number in another term), else
 * several are ERR_INVAL.
 */
int reg_doc_find(struct db *db, const char *symbol, const char *date, struct arena *a,
		 struct reg_doc *ret, struct err *e);
/* body_id, type_code: 0/NULL for all. Newest first. */
int reg_doc_list(struct db *db, int64_t body_id, const char *type_code, struct arena *a,
		 struct reg_doc **ret, size_t *ret_n, struct err *e);
/*
 * Issues a draft: takes the next number of its body and type (a Party
 * committee's across the term, the body's term at date when the draft has
 * none; a state body's across the calendar year of the issue date), writes
 * the symbol in the body's form (Party "512-TB/HU", state "123/TB-UBND", a
 * state dispatch "15/UBND-VP" with its drafting unit, ERR_INVAL when it has
 * none), the date and status issued. Inside the caller's transaction.
 * ERR_LOCKED when already issued.
 */
int reg_doc_issue(struct db *db, int64_t id, const char *date, long *ret_number, struct err *e);

/* A body whose document counters differ from a recount (body_id 0: documents of no body). */
struct reg_doc_tally_fault {
	int64_t body_id;
	const char *body; /* its name, "" for none */
};

/* Rebuilds the document counters (m019) from the documents, atomically. */
int reg_doc_tally_repair(struct db *db, struct err *e);

/*
 * The bodies whose document counters differ from a full recount, in *ret
 * (from a), their number in *ret_n (0: all agree).
 */
int reg_doc_tally_check(struct db *db, struct arena *a, struct reg_doc_tally_fault **ret,
			size_t *ret_n, struct err *e);
/*
 * Sets the drafting unit's symbol code (VP, KT) of a draft; ERR_INVAL for a
 * malformed code, ERR_LOCKED once issued.
 */
int reg_doc_set_drafting_unit(struct db *db, int64_t id, const char *code, struct err *e);

struct reg_doc_ref {
	int64_t id, from_id, to_id; /* to_id 0: not registered (yet) */
	const char *symbol, *date;
};

/* Records that from_id cites symbol (of date, may be NULL); links it when registered. */
int reg_doc_ref_add(struct db *db, int64_t from_id, const char *symbol, const char *date,
		    int64_t *ret_id, struct err *e);
int reg_doc_ref_list(struct db *db, int64_t from_id, struct arena *a, struct reg_doc_ref **ret,
		     size_t *ret_n, struct err *e);

/* ---- succession (sáp nhập, hợp nhất) ---- */

/* Bodies that end on a date and pass their work to a successor. Borrowed. */
struct reg_succession {
	const int64_t *ended; /* the bodies that end, at least one */
	size_t nended;
	int64_t successor_id; /* the body that carries on their work */
	const char *on;	      /* the date from which it does (any form vn_date_parse takes) */
	bool merger;	      /* hợp nhất (several into one new body), else sáp nhập */
};

/*
 * Ends each body of in->ended on in->on and passes it to the successor, all
 * in one transaction (the audit log records every row it changes): the body
 * takes active_to = the day before on (its last day) and successor_id; its open tasks, the open tasks
 * assigned down to it and those given to a unit standing for it in another
 * body pass to the successor with their timelines, ids and numbers, each
 * with a "transferred" event dated on; units are found for the successor by
 * name (its own) or by the lower body they stand for (a higher body's), and
 * made when missing; the bodies under it that have not ended move under the
 * successor; reporting requests due from on that it has not answered pass to
 * the successor (or leave it, when the successor is asked already). Accounts
 * are not changed: an ended body's accounts keep reading its history, and
 * the successor's accounts see its predecessors' (WEB_SCOPE).
 * Refused with ERR_INVAL and nothing written: the successor among the ended
 * bodies, a body named twice, a body already ended (unless on its last day
 * and without a successor yet: the successor is recorded) or the successor
 * ended, a date not after a body's start, after today, or before the successor's start, a
 * successor under an ended body (a cycle), a body under the ended one whose
 * name the successor's bodies have already; ERR_NOTFOUND for an unknown body.
 * *ret_tasks (may be NULL) is the number of tasks that passed.
 */
int reg_succession(struct db *db, const struct reg_succession *in, int64_t *ret_tasks,
		   struct err *e);
