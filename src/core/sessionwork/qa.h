/* qa.h: chất vấn at sessions (Quy định 158-QĐ/TW), plain questions and recommendations. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

/* What was put: only QA_CHAT_VAN is questioning; the others are recorded as such. */
enum qa_kind { QA_CHAT_VAN, QA_QUESTION, QA_RECOMMENDATION };

/* Whom it was put to: the committee, its BTV, Thường trực, UBKT, or one member. */
enum qa_target { QA_TO_NONE, QA_TO_BCH, QA_TO_BTV, QA_TO_TT, QA_TO_UBKT, QA_TO_MEMBER };

/*
 * The life of a questioning item: asked, answered, then the answer accepted or
 * sent back (evasive: answered again); the standing committee may order a
 * verification, which leads to a conclusion and then its handling.
 */
enum qa_stage {
	QA_ASKED,
	QA_ANSWERED,
	QA_ACCEPTED,
	QA_RETURNED,
	QA_VERIFYING,
	QA_CONCLUDED,
	QA_HANDLED,
};

struct qa_in {
	int64_t session_id;
	int64_t questioner_id; /* person: for chất vấn a committee member in office */
	enum qa_kind kind;
	enum qa_target target;	      /* QA_TO_NONE only for plain questions/recommendations */
	int64_t respondent_person_id; /* with QA_TO_MEMBER */
	const char *content;
};

struct qa_item {
	int64_t id, session_id, questioner_id, respondent_organ_id, respondent_person_id;
	enum qa_kind kind;
	enum qa_target target;
	enum qa_stage stage;
	const char *questioner; /* name */
	const char *respondent; /* organ name or member's name; "" when none */
	const char *content;
	const char *answer;	  /* NULL until answered */
	const char *judgement;	  /* why the answer was accepted or sent back, or NULL */
	const char *verification; /* NULL until ordered */
	const char *conclusion, *handling;
};

/*
 * Records a question at a session. For chất vấn the session must be one of a
 * committee (BCH) or its standing committee (BTV), the questioner a member of
 * that body's committee in office on the session's date, and the respondent
 * an organ of the same body (BCH, BTV, Thường trực, UBKT) or one of its
 * committee members: anything else is ERR_INVAL saying which, and nothing is
 * written. *ret_id gets the new item's id.
 */
int qa_add(struct db *db, const struct qa_in *in, int64_t *ret_id, struct err *e);
/* The respondent's answer; allowed when asked or sent back. */
int qa_answer(struct db *db, int64_t id, const char *answer, struct err *e);
/* The questioner's judgement of the answer: accepted, or sent back as evasive. */
int qa_judge(struct db *db, int64_t id, bool accepted, const char *note, struct err *e);
/* Verification ordered by the standing committee (after an answer), its conclusion, its handling. */
int qa_verify(struct db *db, int64_t id, const char *what, struct err *e);
int qa_conclude(struct db *db, int64_t id, const char *conclusion, struct err *e);
int qa_handle(struct db *db, int64_t id, const char *handling, struct err *e);

/* One item; strings are arena memory. ERR_NOTFOUND when there is none. */
int qa_get(struct db *db, int64_t id, struct arena *a, struct qa_item *ret, struct err *e);
/* The session's items in order of recording; the array and strings are arena memory. */
int qa_list(struct db *db, int64_t session_id, struct arena *a, struct qa_item **ret, size_t *ret_n,
	    struct err *e);

/*
 * Appends the conclusion notice's questioning paragraph for the session:
 * "Không có nội dung chất vấn." when no chất vấn was put (plain questions and
 * recommendations do not count), else one sentence per item naming the
 * questioner, the respondent, the content and where it stands.
 */
int qa_notice_paragraph(struct db *db, int64_t session_id, struct buf *out, struct err *e);

/* Vietnamese labels, and the machine names used in JSON and on the command line. */
const char *qa_kind_name(enum qa_kind k);  /* "chat-van", "hoi", "kien-nghi" */
const char *qa_kind_label(enum qa_kind k); /* "Chất vấn" … */
const char *qa_target_name(enum qa_target t);
const char *qa_stage_name(enum qa_stage s);
const char *qa_stage_label(enum qa_stage s);
/* Parse the machine names; -1 when unknown. */
int qa_kind_parse(const char *s);
int qa_target_parse(const char *s);
