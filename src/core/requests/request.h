/* request.h: reporting requests (yêu cầu báo cáo) from a higher body to its lower bodies. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct db; /* the store (db/db.h), opaque here */

#define REQ_NOTE_MAX 2000
#define REQ_TO_MAX 200

/* One addressee of a request and whether its office has answered. */
struct req_to {
	int64_t body_id;
	const char *body_name;
	const char *answered_at; /* UTC "YYYY-MM-DDTHH:MM:SSZ", NULL: not yet */
	const char *reminded_at; /* when a reminder was mailed, or NULL */
};

struct req {
	int64_t id, body_id; /* the asking body */
	const char *body_name;
	const char *kind;	/* "figures" or "progress" */
	const char *period;	/* canonical period code for figures, "" for progress */
	const char *due;	/* ISO date */
	const char *note;	/* "" when none */
	const char *created_at; /* UTC */
	size_t nto, nanswered;
	struct req_to *to; /* filled by req_get only; NULL in lists */
};

/* A new request, as the asking office writes it. */
struct req_new {
	int64_t body_id;    /* the asking body */
	const char *kind;   /* "figures" or "progress" */
	const char *period; /* figures: a period code (2023, Q3/2023, 6T/2023 …) */
	const char *due;    /* ISO date, not before today */
	const char *note;   /* NULL or "" for none */
	const int64_t *to;  /* a subset of the direct lower bodies, or NULL/0 for all */
	size_t nto;
};

/*
 * Adds a request from n->body_id to its direct lower bodies (every active
 * child of another level, as a district's communes), or to the subset n->to.
 * ERR_INVAL naming the field (kind, period, due date in the past, an
 * addressee that is not a direct lower body, a body without lower bodies),
 * ERR_NOTFOUND for an unknown body; one transaction, nothing written on
 * refusal.
 */
int req_add(struct db *db, const struct req_new *n, int64_t *ret_id, struct err *e);

/* The request with its addressees (by body id); ERR_NOTFOUND. Arena memory. */
int req_get(struct db *db, int64_t id, struct arena *a, struct req *ret, struct err *e);

/*
 * Requests asked by body_id or addressed to it, newest due first; every
 * request when body_id is 0. Addressees are not loaded (to is NULL). Arena memory.
 */
int req_list(struct db *db, int64_t body_id, struct arena *a, struct req **ret, size_t *ret_n,
	     struct err *e);

/*
 * Records that body_id, an addressee of request id, has answered (its office
 * sent its report, "Gửi báo cáo"). The rule: a 'progress' request is answered
 * by this submission alone; a 'figures' request only once the body has
 * entered at least one actual value for the request's period (ERR_INVAL
 * otherwise, saying so). ERR_NOTFOUND for an unknown request, ERR_INVAL for a
 * body the request is not addressed to, ERR_EXISTS when already answered.
 */
int req_answer(struct db *db, int64_t id, int64_t body_id, struct err *e);

/* "tổng hợp số liệu kỳ Q3/2023" or "báo cáo tiến độ nhiệm vụ": what a request asks for. */
const char *req_what(const struct req *r, struct arena *a);
