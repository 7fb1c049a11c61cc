/* account.h: accounts, roles and body scopes, passwords, web sessions, API tokens, login throttling. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "util/err.h"

/* The store (db/db.h), opaque here. */
struct db;

/* Role ranks as stored in the role table: a higher rank may do what a lower one may. */
enum account_rank {
	RANK_VIEWER = 10,
	RANK_REPORTER = 20,
	RANK_MEMBER = 30,
	RANK_OFFICE = 40,
	RANK_ADMIN = 50,
};

struct account {
	int64_t id;
	char login[64];
	char full_name[128];
	char role[16];	 /* admin, office, member, reporter, viewer */
	int64_t unit_id; /* a reporter's own unit; 0 for the others */
	int rank;
	bool cleared; /* may read confidential (mật) documents */
	bool disabled;
};

#define ACCOUNT_PW_MIN 8
#define ACCOUNT_PW_MAX 256
#define ACCOUNT_SESSION_SECONDS (12 * 3600)
/*
 * Throttling: failures are counted per (login, client address) pair and per
 * client address, whatever the login; a counter is forgotten after
 * ACCOUNT_FAIL_WINDOW seconds without a failure, and a success clears its
 * pair's. Past the free failures each further attempt waits 1 s, 2 s, 4 s …
 * (at most ACCOUNT_FAIL_DELAY_MAX) after the last failure. Failures from one
 * address never hold back another address.
 */
#define ACCOUNT_FAIL_WINDOW 86400
#define ACCOUNT_FAIL_FREE_PAIR 5
#define ACCOUNT_FAIL_FREE_CLIENT 20
#define ACCOUNT_FAIL_DELAY_MAX 900

/*
 * Administration is scoped: every function below that takes an actor acts
 * for that account, and actor NULL is the machine's operator (the CLI), who
 * acts globally. A global account is an admin without bodies; a scoped
 * actor manages only what lies inside its scope (account_sees_body), and an
 * account inside its scope is one with bodies, all in that scope, and a role
 * not above the actor's. Refusals are ERR_PERM, with e saying what and whose
 * scope, and write nothing.
 */

/*
 * Adds an account. login: 1-63 of [a-z0-9._-]; role: a role code; unit_id
 * (0 for none) is required for a reporter; bodies (n of them) scope it.
 * A scoped actor must give bodies, all inside its scope, a unit of a body in
 * its scope, and a role not above its own. Runs in its own transaction.
 * ERR_EXISTS for a taken login.
 */
int account_add(struct db *db, const struct account *actor, const char *login,
		const char *full_name, const char *role, int64_t unit_id, const int64_t *bodies,
		int nbodies, const char *password, int64_t *ret_id, struct err *e);
/* The same inside the caller's transaction, for the operator (the demo's). */
int account_insert(struct db *db, const char *login, const char *full_name, const char *role,
		   int64_t unit_id, const int64_t *bodies, int nbodies, const char *password,
		   int64_t *ret_id, struct err *e);
/* Sets a new password and ends the account's web sessions; the account must be the actor's to manage. */
int account_passwd(struct db *db, const struct account *actor, const char *login,
		   const char *password, struct err *e);
/* Disables the account, ends its sessions and revokes its API tokens (the actor's to manage). */
int account_disable(struct db *db, const struct account *actor, const char *login, struct err *e);
/* Enables a disabled account again; it logs in with its password (its old tokens stay revoked). */
int account_enable(struct db *db, const struct account *actor, const char *login, struct err *e);
int account_get(struct db *db, int64_t id, struct account *ret, struct err *e);

/*
 * Checks a login and password, with throttling by (login, client) and by
 * client (ERR_PERM while an attempt must wait; the message says how long).
 * ERR_AUTH for a wrong pair, a disabled account or an unknown login alike,
 * after the same Argon2id work. Writes only the failure counters.
 */
int account_login(struct db *db, const char *login, const char *password, const char *client,
		  int64_t now, struct account *ret, struct err *e);
/* The seconds a login attempt from client must still wait (0: it may try now). */
int account_login_wait(struct db *db, const char *login, const char *client, int64_t now,
		       int64_t *ret_wait);

/* A new web session; token (the cookie) and csrf are 64 hex digits. */
int account_session_new(struct db *db, int64_t account_id, int64_t now, char token[static 65],
			char csrf[static 65], struct err *e);
/* The account of a live session; ERR_AUTH when unknown or expired. */
int account_session_get(struct db *db, const char *token, int64_t now, struct account *ret,
			char csrf[static 65]);
int account_session_end(struct db *db, const char *token);

/* A new API token for login, shown once (returned in token, 64 hex digits). */
int account_token_new(struct db *db, const char *login, const char *name, char token[static 65],
		      struct err *e);
/* The account a bearer token belongs to; ERR_AUTH when unknown or revoked. */
int account_token_auth(struct db *db, const char *token, struct account *ret);

/* Whether the account's scope covers body_id (its bodies and everything under them). */
bool account_sees_body(struct db *db, const struct account *a, int64_t body_id);

/* Whether a is global: an admin without bodies, who sees and manages every body. */
bool account_is_global(struct db *db, const struct account *a);
/*
 * Whether actor may administer rows of body_id (0: a row of no body, such as a
 * root body or a shared table: the global accounts' only). 0 when it may, or
 * ERR_PERM with e naming the body; actor NULL is the operator, allowed.
 */
int account_manages_body(struct db *db, const struct account *actor, int64_t body_id,
			 struct err *e);
/* Rows that belong to a body through their own body column. */
enum account_row { ACCOUNT_ROW_ORGAN, ACCOUNT_ROW_UNIT, ACCOUNT_ROW_RGROUP };
/*
 * account_manages_body for the body of an organ, unit or recipient group id:
 * 0, ERR_PERM outside the actor's scope, ERR_NOTFOUND for an unknown id.
 */
int account_manages_row(struct db *db, const struct account *actor, enum account_row kind,
			int64_t id, struct err *e);
/*
 * Whether actor may administer account id (new password, disable, enable):
 * 0, or ERR_PERM naming it when it lies outside actor's scope; ERR_NOTFOUND
 * for an unknown id. Its own account is always the actor's.
 */
int account_manages(struct db *db, const struct account *actor, int64_t id, struct err *e);

/* Random hex token of 32 bytes (64 digits). */
void account_random_hex(char out[static 65]);
