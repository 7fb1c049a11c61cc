/* db.h: the store's backend-neutral interface: statements by id, bound values, rows. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <stdarg.h>

#include "util/err.h"

struct arena;

/*
 * Every SQL statement dondoc runs is declared once, in the stmt_*.def files
 * beside this header, and named here by an id. Statements take bound
 * parameters only ("?"); no SQL text is ever assembled at run time. The SQLite
 * backend (db_sqlite.c) prepares each statement once per connection; a
 * PostgreSQL backend implements this same header with libpq, so core/ never
 * changes when the backend does.
 */
enum db_stmt {
#define STMT(id, sql) id,
#include "stmt_all.def"
#undef STMT
	DB_NSTMT
};

struct db;
struct db_q;

enum {
	DB_CREATE = 1 << 0,   /* create the file and the schema when missing */
	DB_READONLY = 1 << 1, /* open for reading only */
};

/*
 * Opens the store at path and brings its schema up to date: a store written
 * by a newer dondoc is refused (ERR_VERSION), an older one migrated in one
 * transaction, a missing one created only with DB_CREATE. A store already
 * current is opened without taking the write lock, so readers never wait for
 * a writer. The audit key is read from $DONDOC_AUDIT_KEY, else from
 * "PATH.audit-key", and created there with the store (or when an older store
 * gets its sealed head); without it the store can be read but not written.
 * Writes are durable when acknowledged (synchronous=FULL) unless
 * $DONDOC_SYNCHRONOUS is "normal". Caller frees with db_close().
 *
 * A path that is a libpq URI ("postgresql://...", "postgres://...") or
 * "postgres:" followed by a libpq key-value string opens a PostgreSQL store
 * instead (db_pg.c): an empty database gets the whole schema at
 * DB_PG_BASELINE with DB_CREATE, then later migrations, under an advisory
 * lock so that servers starting at once migrate once. Its audit key is only
 * read from $DONDOC_AUDIT_KEY (the file is made there with a new store); no
 * message and no db_path() ever shows the address's password.
 */
int db_open(const char *path, unsigned flags, struct db **ret, struct err *e);
void db_close(struct db *db);

/* The schema version the store is at, and the newest this build knows. */
int db_version(struct db *db);
int db_version_known(void);

/*
 * Write transactions that nest. Outside a transaction db_begin takes the
 * write lock at once (BEGIN IMMEDIATE); inside one it opens a savepoint, so a
 * core write that runs its own transaction joins its caller's. db_commit ends
 * the innermost level (COMMIT at the outermost, else the savepoint is kept in
 * the enclosing level); db_rollback undoes the innermost level only, or all at
 * the outermost, and also ends a transaction begun outside this interface. Each
 * db_begin that succeeded is ended by one db_commit that succeeded or one
 * db_rollback: a failed db_commit leaves its level open for db_rollback.
 */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* db_begin, with e saying why when it fails (the store busy with another writer). */
int db_begin_e(struct db *db, struct err *e);
/* Levels open: 0 outside a transaction. */
int db_depth(struct db *db);
/*
 * The reads that follow in one snapshot, until db_read_end: a request's
 * statements then take the store's read lock once (SQLite locks and checks
 * the file for every transaction, so once per statement otherwise; on
 * PostgreSQL nothing changes). Inside a transaction it does nothing. A
 * write ends it first: db_begin, or a statement that writes outside
 * db_begin, which then runs on its own as before. Never counted in
 * db_depth; db_rollback at the outermost level ends it too.
 */
int db_read_begin(struct db *db);
void db_read_end(struct db *db);
/*
 * Ends the level the caller's db_begin opened: commits when r >= 0, else rolls
 * back. Returns r, or the commit's error (then rolled back, e saying so).
 */
int db_end(struct db *db, int r, struct err *e);

/*
 * Puts a store failure r into e as "what: reason" (what formatted from fmt as
 * by printf), the message core shows for
 * every store error: ERR_BUSY says the store is busy and to try again, memory,
 * disk and I/O failures say so, others give the backend's reason (the
 * constraint or trigger that refused) but never the store's path. A message
 * already in e for the same code (a lookup naming what it missed) is kept.
 * Returns r.
 */
int db_err(struct db *db, struct err *e, int r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * The statement with this id, reset and with its bindings cleared. Owned by
 * the connection: finish with db_done() before preparing the same id again.
 */
int db_prepare(struct db *db, enum db_stmt id, struct db_q **ret);
int db_bind_int(struct db_q *q, int idx, int64_t v);
/* NULL binds SQL NULL. The text is copied. */
int db_bind_text(struct db_q *q, int idx, const char *s);
int db_bind_null(struct db_q *q, int idx);
/* Binds len bytes at data as a BLOB (copied); data NULL binds NULL. */
int db_bind_blob(struct db_q *q, int idx, const void *data, size_t len);
/* 1: a row is ready; 0: done; negative: error. */
int db_step(struct db_q *q);
int64_t db_col_int(struct db_q *q, int col);
/* Valid until the next db_step or db_done; NULL for SQL NULL. */
const char *db_col_text(struct db_q *q, int col);
bool db_col_null(struct db_q *q, int col);
/* A BLOB column copied into the arena, its size in *ret_len; NULL for SQL NULL or a full arena. */
void *db_col_blob(struct db_q *q, int col, struct arena *a, size_t *ret_len);
void db_done(struct db_q *q);

/*
 * Prepare, bind by a type string and run to completion: 'i' int64_t, 'd' int,
 * 't' const char * (NULL binds NULL), 'n' NULL (takes no argument), 'I' an
 * int64_t id where 0 or less binds NULL (none).
 */
int db_exec(struct db *db, enum db_stmt id, const char *types, ...);
/*
 * Like db_exec, but returns the first column of the first row in *ret
 * (ERR_NOTFOUND when there is no row).
 */
int db_query_int(struct db *db, enum db_stmt id, int64_t *ret, const char *types, ...);
/* Bind by a type string as db_exec does, leaving q ready to step. */
int db_bindv(struct db_q *q, const char *types, ...);
int db_vbindv(struct db_q *q, const char *types, va_list ap);
/*
 * Prepare and bind as db_exec does, leaving *ret ready to step (finish it
 * with db_done); on failure nothing is left prepared.
 */
int db_query(struct db *db, enum db_stmt id, struct db_q **ret, const char *types, ...);

/* Column text copied into the arena; NULL for SQL NULL (and when the arena is full). */
char *db_col_strdup(struct db_q *q, int col, struct arena *a);

/*
 * Reads the current row of q into row (zeroed, elem bytes); 0 or a negative
 * ERR_*. A copy into the arena that fails meanwhile makes the row ERR_NOMEM.
 */
typedef int (*db_row_fn)(struct db_q *q, struct arena *a, void *row, void *ctx);
/*
 * Steps q (prepared and bound) to its end, reading each row with fn into a
 * new item of an array in the arena: *ret (NULL when empty) and *ret_n, set on
 * success only. Finishes q.
 */
int db_list(struct db_q *q, struct arena *a, size_t elem, db_row_fn fn, void *ctx, void **ret,
	    size_t *ret_n);
/*
 * Reads the first row of q with fn into ret: ERR_NOTFOUND when there is none;
 * with unique, a second row is ERR_INVAL (ambiguous). Finishes q.
 */
int db_one(struct db_q *q, struct arena *a, db_row_fn fn, void *ctx, void *ret, bool unique);

int64_t db_last_id(struct db *db);
int db_changes(struct db *db);
/* The backend's last message, for logs. */
const char *db_errmsg(struct db *db);
/*
 * The store's address as it may be shown to people (a PostgreSQL address with
 * its password replaced by "***"), in new memory the caller frees; NULL when
 * out of memory.
 */
char *db_address_shown(const char *path);
/*
 * Whether the address names a PostgreSQL store: a libpq URI ("postgresql://",
 * "postgres://") or "postgres:" and a libpq key-value string; else it is an
 * SQLite file.
 */
bool db_is_pg(const char *path);
/* Path the store was opened from (as db_address_shown gives it). */
const char *db_path(struct db *db);

/*
 * The account the connection acts for, recorded by the store in every audit
 * entry it writes ("cli" until set). The text is copied (at most 127 bytes).
 */
void db_set_actor(struct db *db, const char *actor);
const char *db_actor(struct db *db);
/* How long a statement waits for another writer's lock before ERR_BUSY. */
void db_set_timeout(struct db *db, int ms);

/*
 * The memory a store needs is set here, never by the store's size: each
 * connection maps at most mmap_mib MiB of the file (0: reads through its page
 * cache only) and caches at most cache_kib KiB of pages. db_open sets the
 * defaults; a server sets its own per connection.
 */
#define DB_MMAP_DEFAULT_MIB 0
#define DB_CACHE_DEFAULT_KIB 4096
#define DB_HEAP_DEFAULT_MIB 32
#define DB_MEMORY_MAX_MIB 65536
/*
 * 0, or ERR_INVAL for a size past DB_MEMORY_MAX_MIB (or its KiB) or negative.
 * On PostgreSQL the sizes are only checked: the memory is the server's.
 */
int db_set_memory(struct db *db, int64_t mmap_mib, int64_t cache_kib);
/*
 * For the whole process: past heap_mib MiB SQLite frees cached pages of every
 * connection before it takes more memory (0: no such limit). ERR_INVAL as
 * db_set_memory.
 */
int db_heap_limit(int64_t heap_mib);

/*
 * Statements every connection runs once its schema is current (per-connection
 * triggers that stamp audit entries and feed the search index).
 */
extern const enum db_stmt db_connection_setup[];
extern const int db_nconnection_setup;

#define DB_AUDIT_KEY_BYTES 32

/*
 * The hash chaining one audit entry to the previous (hex BLAKE2b-256 over
 * every field, each length-prefixed; NULL differs from ""), keyed with the
 * store's audit key, or unkeyed (key NULL) for the entries an older dondoc
 * wrote. The store's trigger and 'dondoc check' both use it. ret holds 65 bytes.
 */
void db_audit_hash(const unsigned char *key, const char *prev, int64_t id, const char *at,
		   const char *actor, const char *tbl, int64_t row_id, const char *op,
		   const char *before, const char *after, char ret[static 65]);
/* The seal of the chain's head (table audit_head), keyed with the audit key. */
void db_audit_head_mac(const unsigned char *key, int64_t keyed_from, int64_t last_id, int64_t count,
		       const char *hash, int64_t schema_cookie, char ret[static 65]);
/*
 * Where the audit key of the store at path is kept ($DONDOC_AUDIT_KEY or
 * PATH.audit-key). A PostgreSQL store has no file beside it: ERR_NOTFOUND
 * (ret "DONDOC_AUDIT_KEY") when the variable is not set.
 */
int db_audit_key_path(const char *store, char *ret, size_t n);
/* Reads a key file (64 hex digits): ERR_NOTFOUND when missing, ERR_INVAL when malformed. */
int db_audit_key_load(const char *path, unsigned char key[static DB_AUDIT_KEY_BYTES]);
/* Makes a new random key file readable by its owner only; ERR_EXISTS if one is there. */
int db_audit_key_create(const char *path, unsigned char key[static DB_AUDIT_KEY_BYTES]);
/* Writes key as a new key file readable by its owner only; ERR_EXISTS if a file is there. */
int db_audit_key_write(const char *path, const unsigned char key[static DB_AUDIT_KEY_BYTES]);
/* The key the connection chains and seals with; NULL when its file could not be read. */
const unsigned char *db_audit_key(struct db *db);
/* Where the connection looked for its key. */
const char *db_audit_key_file(struct db *db);
/*
 * Removes the store at path with the files that go with it: its WAL, its
 * shared memory, the anchor of its audit log and, with_key, its audit key.
 * A file already missing is no error; ERR_IO names none (e may say which).
 */
int db_remove(const char *path, bool with_key, struct err *e);
/* Uses key (copied) in place of the one found at open: to verify a copy made elsewhere. */
void db_set_audit_key(struct db *db, const unsigned char key[static DB_AUDIT_KEY_BYTES]);

/*
 * Holds the store's schema (tables, indexes, triggers) against the one the
 * migrations make on an empty store: 0 when they agree, 1 when they do not,
 * with what differs first written to ret ("trigger audit_task_u: changed").
 */
int db_schema_check(struct db *db, char *ret, size_t n, struct err *e);
/* (SQLite only, as db_backup and db_restore: ERR_INVAL on a PostgreSQL store.) */
/*
 * The schema cookie SQLite bumps with every change of the schema; on
 * PostgreSQL the schema version, which dondoc alone changes.
 */
int db_schema_cookie(struct db *db, int64_t *ret);
/* SQLite's own check of the file: 0 when it reports "ok", else ERR_CHECK naming the first fault. */
int db_integrity(struct db *db, struct err *e);
/* (On PostgreSQL 0: the server checks its own pages.) */

/*
 * Writes a consistent copy of the store to path with SQLite's online backup:
 * one read snapshot (writers go on meanwhile), a file on its own (no WAL)
 * with the same schema cookie, checked by SQLite before it is renamed into
 * place. The caller verifies the audit chain of the copy.
 */
int db_backup(struct db *db, const char *path, struct err *e);
/*
 * Replaces the store at store_path (created when missing) with the contents of
 * the opened copy src, then reseals the head with src's key for the cookie
 * the copy gets there. The caller has checked src first; stop the server.
 */
int db_restore(struct db *src, const char *store_path, struct err *e);

/* What db_copy copied: each table with its rows, in the order copied. */
#define DB_COPY_MAX_TABLES 160
struct db_copy_report {
	int ntables;
	struct {
		char name[64];
		int64_t rows;
	} tables[DB_COPY_MAX_TABLES];
	int64_t rows;
	double seconds;
	char key_file[4096]; /* where the copy's audit key is */
	bool key_made;	     /* written there now (else it already held that key) */
};

/*
 * Copies the store src (opened, read in one snapshot) whole into a new store
 * at to, an SQLite file or a PostgreSQL address, of either backend: every
 * table's rows with their ids (and SQLite's rowids), the audit log verbatim
 * with its head resealed for the new schema, the counters, the search index,
 * web sessions and tokens. The target must be a file that does not exist or a
 * PostgreSQL database without tables, else ERR_EXISTS before anything is
 * written; src must be at this build's schema version (ERR_VERSION) and have
 * its audit key. The copy is one transaction on the target, run with its
 * triggers silenced (no audit entry, counter or index row is made by the copy
 * itself); on failure nothing stays (a new SQLite file is written as
 * "TO.part" and takes its name only once complete).
 *
 * The audit key goes with the store: beside an SQLite file as "TO.audit-key"; for
 * PostgreSQL to key_file (NULL: $DONDOC_AUDIT_KEY), never over a file holding
 * another key. ret (may be NULL) says what was copied. e never shows a password.
 */
int db_copy(struct db *src, const char *to, const char *key_file, struct db_copy_report *ret,
	    struct err *e);
