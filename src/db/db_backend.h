/* db_backend.h: the operations each store backend provides behind db.h (inside src/db only). */
#pragma once

#include "db/db.h"

/*
 * db.h's functions that differ between SQLite and PostgreSQL call through
 * this table: one indirect call, nothing more per statement. A connection
 * (struct db) and a statement (struct db_q) of either backend start with the
 * common part below, so db_kit.c finds the table without knowing the backend.
 */
struct db_backend {
	const char *name;
	int (*open)(const char *path, unsigned flags, struct db **ret, struct err *e);
	void (*close)(struct db *db);
	int (*version)(struct db *db);
	int (*begin)(struct db *db);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	int (*depth)(struct db *db);
	int (*prepare)(struct db *db, enum db_stmt id, struct db_q **ret);
	int (*bind_int)(struct db_q *q, int idx, int64_t v);
	int (*bind_text)(struct db_q *q, int idx, const char *s);
	int (*bind_null)(struct db_q *q, int idx);
	int (*bind_blob)(struct db_q *q, int idx, const void *data, size_t len);
	int (*step)(struct db_q *q);
	int64_t (*col_int)(struct db_q *q, int col);
	const char *(*col_text)(struct db_q *q, int col);
	bool (*col_null)(struct db_q *q, int col);
	void *(*col_blob)(struct db_q *q, int col, struct arena *a, size_t *ret_len);
	void (*done)(struct db_q *q);
	int64_t (*last_id)(struct db *db);
	int (*changes)(struct db *db);
	const char *(*errmsg)(struct db *db);
	void (*set_actor)(struct db *db, const char *actor);
	void (*set_timeout)(struct db *db, int ms);
	int (*set_memory)(struct db *db, int64_t mmap_mib, int64_t cache_kib);
	int (*schema_check)(struct db *db, char *ret, size_t n, struct err *e);
	int (*schema_cookie)(struct db *db, int64_t *ret);
	int (*integrity)(struct db *db, struct err *e);
	int (*backup)(struct db *db, const char *path, struct err *e);
	int (*restore)(struct db *src, const char *store_path, struct err *e);
};

/* The common head of every backend's connection. */
struct db {
	const struct db_backend *be;
	char *path; /* as shown to people: a PostgreSQL address without its password */
	char actor[128];
	char key_path[4096];
	unsigned char key[DB_AUDIT_KEY_BYTES];
	bool has_key;
};

/* The common head of every backend's statement. */
struct db_q {
	const struct db_backend *be;
};

extern const struct db_backend db_sqlite_backend;
extern const struct db_backend db_pg_backend;

/* A PostgreSQL address with its password replaced by "***", in new memory (db_pg.c). */
char *pg_redact(const char *addr);

/*
 * Reads the audit key from db->key_path into db->key (has_key set): a missing
 * file is not an error (the store is then read-only), a damaged or unreadable
 * one is, said in e naming the file.
 */
int db_key_read(struct db *db, struct err *e);

/* The "only on SQLite" refusal of an operation a PostgreSQL store has no meaning for. */
int db_sqlite_only(struct err *e, const char *what);
