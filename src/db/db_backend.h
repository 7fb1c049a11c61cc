/* db_backend.h: the operations each store backend provides behind db.h (inside src/db only). */
#pragma once

#include "db/db.h"
#include "util/mod.h"

/*
 * db.h's functions that differ between SQLite and PostgreSQL call through
 * this table: one indirect call, nothing more per statement. A connection
 * (struct db) and a statement (struct db_q) of either backend start with the
 * common part below, so db_kit.c finds the table without knowing the backend.
 */
struct db_copy_sink;

struct db_backend {
	const char *name;
	int (*open)(const char *path, unsigned flags, struct db **ret, struct err *e);
	void (*close)(struct db *db);
	int (*version)(struct db *db);
	int (*begin)(struct db *db);
	int (*commit)(struct db *db);
	void (*rollback)(struct db *db);
	int (*depth)(struct db *db);
	/* db_read_begin, db_read_end; NULL where a backend gains nothing by them. */
	int (*read_begin)(struct db *db);
	void (*read_end)(struct db *db);
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
	/* db_copy (db_copy.c): one read snapshot of a source store begun (on) or ended. */
	int (*copy_snapshot)(struct db *db, bool on);
	/* Every row of table with every column (an SQLite rowid as "rowid") to sink->row. */
	int (*copy_scan)(struct db *db, const char *table, struct db_copy_sink *sink);
	/*
	 * Makes the store at addr and fills it from src in one transaction:
	 * sink->ready runs once the target is found empty, before it is written.
	 */
	int (*copy_into)(const char *addr, struct db *src, struct db_copy_sink *sink,
			 struct db_copy_report *rep, struct err *e);
};

/* One value of a row as db_copy carries it from one backend to the other. */
enum db_copy_kind { DB_COPY_NULL, DB_COPY_INT, DB_COPY_REAL, DB_COPY_TEXT, DB_COPY_BLOB };
struct db_copy_val {
	enum db_copy_kind kind;
	const char *p; /* digits or text, NUL-terminated; or len bytes of a BLOB */
	size_t len;
};

/*
 * Where a source's rows go: row is called for each row with its n columns'
 * names and values (valid during the call); 0 or a negative ERR_*, which
 * ends the scan. ready is called by copy_into before the target is written.
 */
struct db_copy_sink {
	int (*row)(struct db_copy_sink *s, int n, const char *const *names,
		   const struct db_copy_val *v);
	int (*ready)(struct db_copy_sink *s, struct err *e);
	void *ctx;
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

/* The dondoc-pg module (db_pg.c, libpq): the PostgreSQL backend. */
struct db_pg_mod {
	struct mod_head head;
	const struct db_backend *backend;
};
extern const struct db_pg_mod dondoc_mod_pg;

/*
 * The backend of the store at path: SQLite's, or PostgreSQL's from the
 * dondoc-pg module, loaded on the first PostgreSQL store (ERR_UNAVAIL, said
 * in e, when it cannot be).
 */
int db_backend_of(const char *path, const struct db_backend **ret, struct err *e);

/* A PostgreSQL address with its password replaced by "***", in new memory (db_pgsql.c). */
char *pg_redact(const char *addr);

/*
 * Reads the audit key from db->key_path into db->key (has_key set): a missing
 * file is not an error (the store is then read-only), a damaged or unreadable
 * one is, said in e naming the file.
 */
int db_key_read(struct db *db, struct err *e);

/* The "only on SQLite" refusal of an operation a PostgreSQL store has no meaning for. */
int db_sqlite_only(struct err *e, const char *what);

/* Whether s may name a table or column of dondoc's in copied SQL: [a-z_][a-z0-9_]*, < 64 bytes. */
bool db_copy_ident(const char *s);
/*
 * The INSERT into table of the target's columns cols that the source's row
 * names (source index of each in map, their count in *ret_nmap), with
 * parameters numbered "?N" (SQLite) or "$N" (PostgreSQL, dollar). A source
 * column the target lacks is ERR_INVAL naming it, except "rowid" (SQLite's
 * key, kept where the target has such a column) and "tsv" (derived). Caller
 * frees *ret_sql.
 */
int db_copy_insert_sql(const char *table, const char *const *cols, int ncols, int n,
		       const char *const *names, bool dollar, int *map, int *ret_nmap,
		       char **ret_sql, struct err *e);
/* Adds table with rows to rep (when there is room). */
void db_copy_count(struct db_copy_report *rep, const char *table, int64_t rows);
