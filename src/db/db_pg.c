/* db_pg.c: the PostgreSQL backend of db.h over libpq: connections, prepared statements, the audit seal (dondoc-pg). */
/*
 * Each statement is prepared on first use per connection (named "s<id>") from
 * its PostgreSQL text (db_pg_text). Every value travels as text (a BLOB as
 * binary bytea) and every column comes back as text; a statement's result is
 * fetched whole at its first db_step and walked row by row.
 *
 * Audit entries: the schema's triggers write each change into audit_pending;
 * the outermost db_commit seals them into audit_log under a row lock on
 * audit_head, so that the chain follows commit order whatever the ids the
 * concurrent writers took. A write outside db_begin runs in a transaction of
 * its own so that it is sealed as well.
 *
 * Over 1,000 lines: the connection, its statements, its transactions, the
 * seal, the migrations and the copy into a new store share struct pg, which
 * no other file sees.
 */
#include "db/db.h"
#include "db/db_backend.h"

#include <ctype.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db_pgsql.h"
#include "db/migrations.h"
#include "util/arena.h"

#define PG_MAXPARAMS 128
#define PG_BYTEAOID 17
/* The advisory lock that one migration at a time holds ("dondoc" in ASCII). */
#define PG_MIGRATE_LOCK "110429591776099"

/*
 * The PostgreSQL-only SQL of this backend, in one place: the schema's
 * bookkeeping, the connection's settings and the audit seal.
 */
/* A scan of the catalog, not to_regclass: a name cache would not see another server's table. */
static const char PG_SQL_HAS_SCHEMA[] =
    "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    " AND tablename = 'schema_migration'";
static const char PG_SQL_VERSIONS[] = "SELECT version FROM schema_migration ORDER BY version";
static const char PG_SQL_RECORD[] = "INSERT INTO schema_migration(version, name) VALUES($1, $2)";
static const char PG_SQL_LOCK[] = "SELECT pg_advisory_xact_lock(" PG_MIGRATE_LOCK ")";
static const char PG_SQL_COOKIE[] = "SELECT coalesce(max(version), 0) FROM schema_migration";
static const char PG_SQL_ID_TABLES[] =
    "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
    " AND column_name = 'id' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')";
static const char PG_SQL_ACTOR[] = "SELECT set_config('dondoc.actor', $1, false)";
static const char PG_SQL_PENDING_ANY[] = "SELECT 1 FROM audit_pending LIMIT 1";
static const char PG_SQL_HEAD_LOCK[] =
    "SELECT keyed_from, last_id, count, hash, schema_cookie FROM audit_head WHERE id = 1"
    " FOR UPDATE";
static const char PG_SQL_PENDING[] =
    "SELECT seq, at, actor, tbl, row_id, op, before, after FROM audit_pending ORDER BY seq";
static const char PG_SQL_LOG_INSERT[] =
    "INSERT INTO audit_log(id, at, actor, tbl, row_id, op, before, after, prev_hash, hash)"
    " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
static const char PG_SQL_HEAD_ADVANCE[] =
    "UPDATE audit_head SET last_id = $1, count = $2, hash = $3, mac = $4 WHERE id = 1";
static const char PG_SQL_PENDING_DELETE[] = "DELETE FROM audit_pending WHERE seq <= $1";
static const char PG_SQL_HEAD_STAMP[] =
    "INSERT INTO audit_head(id, keyed_from, last_id, count, hash, schema_cookie, mac)"
    " VALUES(1, $1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO UPDATE SET"
    " keyed_from = EXCLUDED.keyed_from, schema_cookie = EXCLUDED.schema_cookie,"
    " mac = EXCLUDED.mac";

/*
 * migrate-store into a new PostgreSQL store (pg_copy_into). The dondoc role
 * owns the tables, so within the copy's transaction it silences their
 * triggers (all but the search index's tsvector), sets aside their foreign
 * keys and the indexes no constraint stands on (their definitions kept in a
 * temporary table), empties them of the baseline's rows; afterwards it builds
 * the indexes and foreign keys again once over the whole data (cheaper than
 * row by row), turns the triggers back on and moves every identity past the
 * ids copied.
 */
static const char PG_SQL_COPY_EMPTY[] =
    "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()";
static const char PG_SQL_COPY_TABLES[] =
    "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    " AND tablename <> 'audit_pending' ORDER BY tablename";
static const char PG_SQL_COPY_BEGIN[] =
    "CREATE TEMP TABLE dondoc_copy_ddl(n serial, sql text) ON COMMIT DROP;"
    "DO $$ DECLARE t text; c text; BEGIN"
    " FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    " AND tablename <> 'search_fts' LOOP"
    " EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', t); END LOOP;"
    " INSERT INTO dondoc_copy_ddl(sql) SELECT i.indexdef FROM pg_catalog.pg_indexes i"
    " WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM"
    " pg_catalog.pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname,"
    " i.indexname)::regclass) ORDER BY i.indexname;"
    " INSERT INTO dondoc_copy_ddl(sql) SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s',"
    " conrelid::regclass, conname, pg_catalog.pg_get_constraintdef(oid))"
    " FROM pg_catalog.pg_constraint WHERE contype = 'f'"
    " AND connamespace = current_schema()::regnamespace ORDER BY conrelid::regclass::text, conname;"
    " FOR t, c IN SELECT conrelid::regclass::text, conname FROM pg_catalog.pg_constraint"
    " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace LOOP"
    " EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', t, c); END LOOP;"
    " FOR t IN SELECT i.indexname FROM pg_catalog.pg_indexes i"
    " WHERE i.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM"
    " pg_catalog.pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname,"
    " i.indexname)::regclass) LOOP EXECUTE format('DROP INDEX %I', t); END LOOP;"
    " FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    " LOOP EXECUTE format('DELETE FROM %I', t); END LOOP;"
    " END $$";
static const char PG_SQL_COPY_END[] =
    "SET LOCAL maintenance_work_mem = '256MB';"
    "DO $$ DECLARE t text; c text; BEGIN"
    " FOR t IN SELECT sql FROM dondoc_copy_ddl ORDER BY n LOOP EXECUTE t; END LOOP;"
    " FOR t IN SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
    " AND tablename <> 'search_fts' LOOP"
    " EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', t); END LOOP;"
    " FOR t, c IN SELECT table_name, column_name FROM information_schema.columns"
    " WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP"
    " EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1,"
    " false) FROM %I', t, c, c, t); END LOOP;"
    " END $$";

static const char PG_NO_KEY[] = "thiếu khóa nhật ký kiểm tra (DONDOC_AUDIT_KEY): không ghi được";

struct pg;

struct pg_q {
	struct db_q base;
	struct pg *db;
	bool prepared;
	bool returning_id; /* " RETURNING id" appended: the new id is kept, no row shown */
	bool writes;	   /* outside a transaction, runs in one of its own (sealed) */
	int nparams;
	char *vals[PG_MAXPARAMS];
	int lens[PG_MAXPARAMS];
	int fmts[PG_MAXPARAMS];
	PGresult *res;
	bool ran;
	int row, nrows;
};

struct pg {
	struct db base; /* path (password hidden), actor, audit key */
	PGconn *c;
	char *password; /* hidden from every message */
	int depth;
	int lock_ms; /* how long a statement waits for a lock (db_set_timeout) */
	int64_t last_id;
	int changes;
	bool id_known; /* id_tables read */
	char **id_tables;
	int nid_tables;
	char msg[512];
	struct pg_q q[DB_NSTMT];
};

#define PG(d) ((struct pg *)(d))
#define PGQ(q) ((struct pg_q *)(q))

static const struct db_backend db_pg_backend;

/* Replaces every copy of pw in s (NUL-terminated, n bytes room) with "***". */
static void pg_scrub(char *s, size_t n, const char *pw)
{
	size_t lp = pw ? strlen(pw) : 0;
	char *p = s;

	if (lp == 0)
		return;
	while ((p = strstr(p, pw)) != NULL) {
		size_t used = (size_t)(p - s), tail = strlen(p + lp);

		/* A password shorter than its mask makes the text grow: cut it within n. */
		if (used + 3 + tail + 1 > n)
			tail = n > used + 4 ? n - used - 4 : 0;
		memmove(p + 3, p + lp, tail);
		p[3 + tail] = '\0';
		memcpy(p, "***", 3);
		p += 3;
	}
}

/*
 * The error of a failed result (NULL: the connection's) as one of dondoc's
 * codes, its words kept for db_errmsg with the password hidden.
 */
static int pg_fail(struct pg *db, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	size_t len;

	if (!msg)
		msg = PQerrorMessage(db->c);
	snprintf(db->msg, sizeof(db->msg), "%s", msg ? msg : "");
	len = strlen(db->msg);
	while (len && (db->msg[len - 1] == '\n' || db->msg[len - 1] == ' '))
		db->msg[--len] = '\0';
	pg_scrub(db->msg, sizeof(db->msg), db->password);
	if (PQstatus(db->c) != CONNECTION_OK)
		return ERR_IO;
	if (!state)
		return res ? ERR_DB : ERR_IO;
	/* serialization failure, deadlock, a lock not granted in time, a cancelled wait */
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03") ||
	    !strcmp(state, "57014"))
		return ERR_BUSY;
	if (!strcmp(state, "23505"))
		return ERR_EXISTS; /* as SQLite's UNIQUE and PRIMARY KEY failures */
	/* other constraints, and a trigger that refused (RAISE) */
	if (!strncmp(state, "23", 2) || !strcmp(state, "P0001"))
		return ERR_INVAL;
	if (!strcmp(state, "53100"))
		return ERR_FULL;
	if (!strcmp(state, "53200"))
		return ERR_NOMEM;
	if (!strcmp(state, "53300"))
		return ERR_BUSY; /* too many connections: try again */
	if (!strncmp(state, "53", 2) || !strncmp(state, "08", 2) || !strncmp(state, "57P", 3) ||
	    !strncmp(state, "58", 2))
		return ERR_IO;
	if (!strncmp(state, "22", 2))
		return ERR_INVAL;
	return ERR_DB;
}

/* Runs sql (one or several statements, no parameters) to its end. */
static int pg_exec(struct pg *db, const char *sql)
{
	PGresult *res = PQexec(db->c, sql);
	ExecStatusType st = PQresultStatus(res);
	int r = 0;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		r = pg_fail(db, res);
	PQclear(res);
	return r;
}

/* Runs sql with n text parameters; *ret (when given) gets its result, cleared by the caller. */
static int pg_run(struct pg *db, const char *sql, int n, const char *const *vals, PGresult **ret)
{
	PGresult *res = PQexecParams(db->c, sql, n, NULL, vals, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	int r;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		r = pg_fail(db, res);
		PQclear(res);
		return r;
	}
	if (ret)
		*ret = res;
	else
		PQclear(res);
	return 0;
}

/* A text column as an integer: digits, or a boolean's t/f as 1/0. */
static int64_t pg_int(const char *s)
{
	if (!s)
		return 0;
	if (s[0] == 't' && !s[1])
		return 1;
	if (s[0] == 'f' && !s[1])
		return 0;
	return strtoll(s, NULL, 10);
}

/* The first column of the first row of sql as an integer (ERR_NOTFOUND without a row). */
static int pg_int_of(struct pg *db, const char *sql, int64_t *ret)
{
	PGresult *res = NULL;
	int r = pg_run(db, sql, 0, NULL, &res);

	if (r < 0)
		return r;
	if (PQntuples(res) < 1)
		r = ERR_NOTFOUND;
	else
		*ret = pg_int(PQgetvalue(res, 0, 0));
	PQclear(res);
	return r;
}

/* The tables whose "id" the store numbers itself, read once per connection. */
static int pg_id_tables(struct pg *db)
{
	PGresult *res = NULL;
	int r, n;

	if (db->id_known)
		return 0;
	r = pg_run(db, PG_SQL_ID_TABLES, 0, NULL, &res);
	if (r < 0)
		return r;
	n = PQntuples(res);
	db->id_tables = calloc((size_t)n + 1, sizeof(*db->id_tables));
	if (!db->id_tables) {
		PQclear(res);
		return ERR_NOMEM;
	}
	for (int i = 0; i < n; i++) {
		db->id_tables[i] = strdup(PQgetvalue(res, i, 0));
		if (!db->id_tables[i]) {
			PQclear(res);
			return ERR_NOMEM;
		}
		db->nid_tables = i + 1;
	}
	PQclear(res);
	db->id_known = true;
	return 0;
}

static void pg_id_tables_forget(struct pg *db)
{
	for (int i = 0; i < db->nid_tables; i++)
		free(db->id_tables[i]);
	free(db->id_tables);
	db->id_tables = NULL;
	db->nid_tables = 0;
	db->id_known = false;
}

static bool pg_word(const char **p, const char *w)
{
	size_t n = strlen(w);

	while (isspace((unsigned char)**p))
		(*p)++;
	if (strncasecmp(*p, w, n) != 0 || isalnum((unsigned char)(*p)[n]) || (*p)[n] == '_')
		return false;
	*p += n;
	return true;
}

/* Whether sql is an INSERT into a table with a generated id and returns nothing yet. */
static int pg_wants_id(struct pg *db, const char *sql, bool *ret)
{
	const char *p = sql, *t;
	char table[64];
	size_t n;
	int r;

	*ret = false;
	if (!pg_word(&p, "INSERT") || !pg_word(&p, "INTO"))
		return 0;
	while (isspace((unsigned char)*p))
		p++;
	t = p;
	while (*p && (isalnum((unsigned char)*p) || *p == '_'))
		p++;
	n = (size_t)(p - t);
	if (n == 0 || n >= sizeof(table))
		return 0;
	memcpy(table, t, n);
	table[n] = '\0';
	for (const char *s = p; *s; s++)
		if (strncasecmp(s, "RETURNING", 9) == 0)
			return 0;
	r = pg_id_tables(db);
	if (r < 0)
		return r;
	for (int i = 0; i < db->nid_tables; i++)
		if (strcasecmp(db->id_tables[i], table) == 0)
			*ret = true;
	return 0;
}

/*
 * Whether sql may write: it starts with a verb that does, or is a WITH whose
 * text holds one (a read-only WITH runs without a transaction of its own).
 */
static bool pg_writes(const char *sql)
{
	static const char *const verbs[] = {"INSERT", "UPDATE", "DELETE", "CREATE",
					    "DROP",   "ALTER",	"MERGE"};
	const char *p = sql;

	if (pg_word(&p, "WITH"))
		return strcasestr(sql, "INSERT ") || strcasestr(sql, "UPDATE ") ||
		       strcasestr(sql, "DELETE ");
	for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++) {
		p = sql;
		if (pg_word(&p, verbs[i]))
			return true;
	}
	return false;
}

/* Prepares statement id on the connection: its text, RETURNING id where it inserts one. */
static int pg_prepare_once(struct pg *db, enum db_stmt id, struct pg_q *q)
{
	char name[16], *sql, *full = NULL;
	PGresult *res;
	bool want = false;
	size_t n;
	int r;

	sql = db_pg_text(id, &q->nparams);
	if (!sql)
		return ERR_NOMEM;
	if (q->nparams > PG_MAXPARAMS) {
		free(sql);
		return ERR_INTERNAL;
	}
	n = strlen(sql);
	while (n && (isspace((unsigned char)sql[n - 1]) || sql[n - 1] == ';'))
		sql[--n] = '\0';
	r = pg_wants_id(db, sql, &want);
	if (r < 0) {
		free(sql);
		return r;
	}
	if (want) {
		full = malloc(n + sizeof(" RETURNING id"));
		if (!full) {
			free(sql);
			return ERR_NOMEM;
		}
		memcpy(full, sql, n);
		memcpy(full + n, " RETURNING id", sizeof(" RETURNING id"));
	}
	snprintf(name, sizeof(name), "s%d", (int)id);
	res = PQprepare(db->c, name, full ? full : sql, q->nparams, NULL);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		r = pg_fail(db, res);
	PQclear(res);
	q->writes = pg_writes(sql);
	q->returning_id = want;
	free(full);
	free(sql);
	if (r < 0)
		return r;
	q->prepared = true;
	return 0;
}

static void pg_clear(struct pg_q *q)
{
	for (int i = 0; i < q->nparams; i++) {
		free(q->vals[i]);
		q->vals[i] = NULL;
		q->lens[i] = 0;
		q->fmts[i] = 0;
	}
	PQclear(q->res);
	q->res = NULL;
	q->ran = false;
	q->row = -1;
	q->nrows = 0;
}

static int pg_session(struct pg *db);

/*
 * A connection the server dropped (a restart, a failover) is made again
 * between transactions, its statements to be prepared anew; a transaction
 * under way when it dropped is lost and reported ERR_IO.
 */
static int pg_reconnect(struct pg *db)
{
	PQreset(db->c);
	if (PQstatus(db->c) != CONNECTION_OK)
		return pg_fail(db, NULL);
	for (int i = 0; i < DB_NSTMT; i++) {
		pg_clear(&db->q[i]);
		db->q[i].prepared = false;
	}
	pg_id_tables_forget(db);
	return pg_session(db);
}

static int pg_prepare(struct db *d, enum db_stmt id, struct db_q **ret)
{
	struct pg *db = PG(d);
	struct pg_q *q;
	int r;

	if ((unsigned)id >= DB_NSTMT)
		return ERR_INTERNAL;
	if (PQstatus(db->c) == CONNECTION_BAD && db->depth == 0) {
		r = pg_reconnect(db);
		if (r < 0)
			return r;
	}
	q = &db->q[id];
	if (!q->prepared) {
		q->base.be = &db_pg_backend;
		q->db = db;
		r = pg_prepare_once(db, id, q);
		if (r < 0)
			return r;
	}
	pg_clear(q);
	*ret = &q->base;
	return 0;
}

/* Sets parameter idx (from 1) to v (owned now; NULL binds NULL). */
static int pg_set(struct pg_q *q, int idx, char *v, int len, int fmt)
{
	if (idx < 1 || idx > q->nparams) {
		free(v);
		return ERR_DB;
	}
	free(q->vals[idx - 1]);
	q->vals[idx - 1] = v;
	q->lens[idx - 1] = len;
	q->fmts[idx - 1] = fmt;
	return 0;
}

static int pg_bind_int(struct db_q *bq, int idx, int64_t v)
{
	char num[24], *s;

	snprintf(num, sizeof(num), "%" PRId64, v);
	s = strdup(num);
	if (!s)
		return ERR_NOMEM;
	return pg_set(PGQ(bq), idx, s, 0, 0);
}

static int pg_bind_text(struct db_q *bq, int idx, const char *s)
{
	char *v = NULL;

	if (s && !(v = strdup(s)))
		return ERR_NOMEM;
	return pg_set(PGQ(bq), idx, v, 0, 0);
}

static int pg_bind_null(struct db_q *bq, int idx)
{
	return pg_set(PGQ(bq), idx, NULL, 0, 0);
}

static int pg_bind_blob(struct db_q *bq, int idx, const void *data, size_t len)
{
	char *v;

	if (!data)
		return pg_set(PGQ(bq), idx, NULL, 0, 0);
	if (len > INT32_MAX)
		return ERR_TOOBIG;
	v = malloc(len ? len : 1);
	if (!v)
		return ERR_NOMEM;
	memcpy(v, data, len);
	return pg_set(PGQ(bq), idx, v, (int)len, 1); /* binary: bytea as it is */
}

static int pg_depth_sync(struct pg *db)
{
	/* A lost connection keeps the count: its levels fail ERR_IO until rolled back. */
	if (PQtransactionStatus(db->c) == PQTRANS_IDLE)
		db->depth = 0;
	return db->depth;
}

static int pg_begin(struct db *d);
static int pg_commit(struct db *d);
static void pg_rollback(struct db *d);

/* Runs q with its bindings, the result kept for stepping. */
static int pg_exec_q(struct pg_q *q, enum db_stmt id)
{
	struct pg *db = q->db;
	bool own = q->writes && pg_depth_sync(db) == 0;
	const char *cmd;
	char name[16];
	PGresult *res;
	ExecStatusType st;
	int r;

	if (own && (r = pg_begin(&db->base)) < 0)
		return r;
	snprintf(name, sizeof(name), "s%d", (int)id);
	res = PQexecPrepared(db->c, name, q->nparams, (const char *const *)q->vals, q->lens,
			     q->fmts, 0);
	st = PQresultStatus(res);
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		r = pg_fail(db, res);
		PQclear(res);
		if (own)
			pg_rollback(&db->base);
		return r;
	}
	cmd = PQcmdStatus(res);
	if (!strncmp(cmd, "INSERT", 6) || !strncmp(cmd, "UPDATE", 6) ||
	    !strncmp(cmd, "DELETE", 6) || !strncmp(cmd, "MERGE", 5))
		db->changes = (int)strtol(PQcmdTuples(res), NULL, 10);
	q->nrows = PQntuples(res);
	if (q->returning_id) {
		if (q->nrows > 0)
			db->last_id = pg_int(PQgetvalue(res, q->nrows - 1, 0));
		q->nrows = 0;
	}
	q->res = res;
	if (own && (r = pg_commit(&db->base)) < 0) {
		pg_rollback(&db->base);
		return r;
	}
	return 0;
}

static int pg_step(struct db_q *bq)
{
	struct pg_q *q = PGQ(bq);
	int r;

	if (!q->ran) {
		r = pg_exec_q(q, (enum db_stmt)(q - q->db->q));
		if (r < 0)
			return r;
		q->ran = true;
		q->row = -1;
	}
	if (q->row + 1 < q->nrows) {
		q->row++;
		return 1;
	}
	q->row = q->nrows;
	return 0;
}

static const char *pg_col_text(struct db_q *bq, int col);

static int64_t pg_col_int(struct db_q *bq, int col)
{
	return pg_int(pg_col_text(bq, col));
}

static const char *pg_col_text(struct db_q *bq, int col)
{
	struct pg_q *q = PGQ(bq);

	if (!q->res || q->row < 0 || q->row >= q->nrows || col >= PQnfields(q->res) ||
	    PQgetisnull(q->res, q->row, col))
		return NULL;
	return PQgetvalue(q->res, q->row, col);
}

static bool pg_col_null(struct db_q *bq, int col)
{
	return pg_col_text(bq, col) == NULL;
}

static void *pg_col_blob(struct db_q *bq, int col, struct arena *a, size_t *ret_len)
{
	struct pg_q *q = PGQ(bq);
	const char *s = pg_col_text(bq, col);
	unsigned char *raw = NULL;
	const void *p;
	size_t n;
	void *out;

	*ret_len = 0;
	if (!s)
		return NULL;
	if (PQftype(q->res, col) == PG_BYTEAOID) {
		raw = PQunescapeBytea((const unsigned char *)s, &n);
		if (!raw)
			return NULL;
		p = raw;
	} else {
		p = s;
		n = (size_t)PQgetlength(q->res, q->row, col);
	}
	out = arena_alloc(a, n ? n : 1);
	if (out && n)
		memcpy(out, p, n);
	if (out)
		*ret_len = n;
	PQfreemem(raw);
	return out;
}

static void pg_done(struct db_q *bq)
{
	pg_clear(PGQ(bq));
}

/* The hex text of the audit key's hash field for entry id: keyed from keyed_from on. */
struct pg_head {
	int64_t keyed_from, last_id, count, cookie;
	char hash[65];
};

static int pg_head_read(struct pg *db, const char *sql, struct pg_head *h)
{
	PGresult *res = NULL;
	int r = pg_run(db, sql, 0, NULL, &res);

	if (r < 0)
		return r;
	if (PQntuples(res) < 1) {
		PQclear(res);
		return ERR_NOTFOUND;
	}
	h->keyed_from = pg_int(PQgetvalue(res, 0, 0));
	h->last_id = pg_int(PQgetvalue(res, 0, 1));
	h->count = pg_int(PQgetvalue(res, 0, 2));
	snprintf(h->hash, sizeof(h->hash), "%s", PQgetvalue(res, 0, 3));
	h->cookie = pg_int(PQgetvalue(res, 0, 4));
	PQclear(res);
	return 0;
}

static const char *pg_val(PGresult *res, int row, int col)
{
	return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

/*
 * Moves this transaction's audit_pending rows into audit_log, chained after
 * the head, which stays locked (FOR UPDATE) until COMMIT: the next sealer
 * waits, so ids and hashes follow commit order.
 */
static int pg_seal(struct pg *db)
{
	char id[24], rowid[24], last[24], count[24], prev[65], hash[65], mac[65], seq[24];
	PGresult *pend = NULL, *any = NULL;
	struct pg_head h;
	int r, n;

	r = pg_run(db, PG_SQL_PENDING_ANY, 0, NULL, &any);
	if (r < 0)
		return r;
	n = PQntuples(any);
	PQclear(any);
	if (n == 0)
		return 0;
	if (!db->base.has_key) {
		snprintf(db->msg, sizeof(db->msg), "%s", PG_NO_KEY);
		return ERR_DB;
	}
	r = pg_head_read(db, PG_SQL_HEAD_LOCK, &h);
	if (r < 0)
		return r == ERR_NOTFOUND ? ERR_DB : r;
	/* Read under the lock: rows a sealer before us committed are gone. */
	r = pg_run(db, PG_SQL_PENDING, 0, NULL, &pend);
	if (r < 0)
		return r;
	n = PQntuples(pend);
	for (int i = 0; i < n && r == 0; i++) {
		const char *at = pg_val(pend, i, 1), *actor = pg_val(pend, i, 2);
		const char *tbl = pg_val(pend, i, 3), *op = pg_val(pend, i, 5);
		const char *before = pg_val(pend, i, 6), *after = pg_val(pend, i, 7);
		int64_t row_id = pg_int(pg_val(pend, i, 4));
		const char *vals[10];

		snprintf(prev, sizeof(prev), "%s", h.hash);
		h.last_id++;
		h.count++;
		db_audit_hash(h.last_id >= h.keyed_from ? db->base.key : NULL, prev, h.last_id, at,
			      actor, tbl, row_id, op, before, after, hash);
		snprintf(id, sizeof(id), "%" PRId64, h.last_id);
		snprintf(rowid, sizeof(rowid), "%" PRId64, row_id);
		vals[0] = id;
		vals[1] = at;
		vals[2] = actor;
		vals[3] = tbl;
		vals[4] = rowid;
		vals[5] = op;
		vals[6] = before;
		vals[7] = after;
		vals[8] = prev;
		vals[9] = hash;
		r = pg_run(db, PG_SQL_LOG_INSERT, 10, vals, NULL);
		snprintf(h.hash, sizeof(h.hash), "%s", hash);
	}
	snprintf(seq, sizeof(seq), "%s", n ? PQgetvalue(pend, n - 1, 0) : "0");
	PQclear(pend);
	if (r < 0)
		return r;
	db_audit_head_mac(db->base.key, h.keyed_from, h.last_id, h.count, h.hash, h.cookie, mac);
	snprintf(last, sizeof(last), "%" PRId64, h.last_id);
	snprintf(count, sizeof(count), "%" PRId64, h.count);
	{
		const char *vals[4] = {last, count, h.hash, mac};

		r = pg_run(db, PG_SQL_HEAD_ADVANCE, 4, vals, NULL);
	}
	if (r == 0) {
		const char *vals[1] = {seq};

		r = pg_run(db, PG_SQL_PENDING_DELETE, 1, vals, NULL);
	}
	return r;
}

static int pg_begin(struct db *d)
{
	struct pg *db = PG(d);
	int r = pg_exec(db, pg_depth_sync(db) ? "SAVEPOINT db_level"
					      : "BEGIN ISOLATION LEVEL READ COMMITTED");

	if (r == 0)
		db->depth++;
	return r;
}

static int pg_commit(struct db *d)
{
	struct pg *db = PG(d);
	PGresult *res;
	int r;

	if (pg_depth_sync(db) == 0)
		return ERR_INTERNAL;
	if (PQtransactionStatus(db->c) == PQTRANS_INERROR) {
		/* A statement failed in this level: PostgreSQL keeps nothing of it. */
		snprintf(db->msg, sizeof(db->msg), "giao dịch đã hỏng vì một lệnh trước đó lỗi");
		return ERR_DB;
	}
	if (db->depth > 1) {
		r = pg_exec(db, "RELEASE db_level");
		if (r == 0)
			db->depth--;
		return r;
	}
	r = pg_seal(db);
	if (r < 0)
		return r;
	res = PQexec(db->c, "COMMIT");
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		r = pg_fail(db, res);
	} else if (strcmp(PQcmdStatus(res), "COMMIT") != 0) {
		snprintf(db->msg, sizeof(db->msg), "giao dịch bị hủy thay vì ghi");
		r = ERR_DB;
	}
	PQclear(res);
	pg_depth_sync(db); /* a COMMIT that failed has ended the transaction too */
	if (r == 0)
		db->depth = 0;
	return r;
}

static void pg_rollback(struct db *d)
{
	struct pg *db = PG(d);

	if (pg_depth_sync(db) > 1) {
		pg_exec(db, "ROLLBACK TO db_level; RELEASE db_level");
		db->depth--;
		return;
	}
	if (PQtransactionStatus(db->c) != PQTRANS_IDLE)
		pg_exec(db, "ROLLBACK");
	db->depth = 0;
}

static int pg_depth(struct db *d)
{
	return pg_depth_sync(PG(d));
}

static int64_t pg_last_id(struct db *d)
{
	return PG(d)->last_id;
}

static int pg_changes(struct db *d)
{
	return PG(d)->changes;
}

static const char *pg_errmsg(struct db *d)
{
	return PG(d)->msg;
}

static void pg_set_actor(struct db *d, const char *actor)
{
	struct pg *db = PG(d);
	const char *vals[1] = {actor};

	/* Session-wide; the audit triggers read it through dondoc_actor(). */
	pg_run(db, PG_SQL_ACTOR, 1, vals, NULL);
}

/*
 * The connection's settings: UTF-8, dates in UTC as SQLite's, a wait for
 * another writer's lock ending as ERR_BUSY after lock_ms, and the actor.
 */
static int pg_session(struct pg *db)
{
	char sql[160];
	const char *vals[1] = {db->base.actor};
	int r;

	snprintf(sql, sizeof(sql),
		 "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET lock_timeout = %d",
		 db->lock_ms);
	r = pg_exec(db, sql);
	if (r == 0 && db->base.actor[0])
		r = pg_run(db, PG_SQL_ACTOR, 1, vals, NULL);
	return r;
}

static void pg_set_timeout(struct db *d, int ms)
{
	char sql[64];

	PG(d)->lock_ms = ms < 0 ? 0 : ms;
	snprintf(sql, sizeof(sql), "SET lock_timeout = %d", PG(d)->lock_ms);
	pg_exec(PG(d), sql);
}

static int pg_set_memory(struct db *d, int64_t mmap_mib, int64_t cache_kib)
{
	/* The memory is the PostgreSQL server's to set; only the limits are checked. */
	if (mmap_mib < 0 || mmap_mib > DB_MEMORY_MAX_MIB || cache_kib < 0 ||
	    cache_kib > DB_MEMORY_MAX_MIB * 1024)
		return ERR_INVAL;
	return 0;
}

static int pg_schema_cookie(struct db *d, int64_t *ret)
{
	return pg_int_of(PG(d), PG_SQL_COOKIE, ret);
}

static int pg_version(struct db *d)
{
	int64_t v = 0;

	return pg_int_of(PG(d), PG_SQL_COOKIE, &v) == 0 ? (int)v : 0;
}

/*
 * SQLite's check compares the schema's text with the migrations'; PostgreSQL
 * keeps no such text. What 'check' asks besides (the guards on the audit log
 * and an audit trigger on every written table, SQL_AUDIT_GUARDS and
 * SQL_AUDIT_UNGUARDED) is what stands for it here: no difference is reported.
 */
static int pg_schema_check(struct db *d, char *ret, size_t n, struct err *e)
{
	if (n)
		ret[0] = '\0';
	return 0;
}

static int pg_integrity(struct db *d, struct err *e)
{
	/* PostgreSQL checks its own pages (data checksums); nothing to ask it here. */
	return 0;
}

static int pg_backup(struct db *d, const char *path, struct err *e)
{
	return db_sqlite_only(e, "sao lưu (dùng pg_dump hoặc bản sao dự phòng của PostgreSQL)");
}

static int pg_restore(struct db *src, const char *store_path, struct err *e)
{
	return db_sqlite_only(e, "khôi phục");
}

/* The versions recorded; *ret_current when every known one is there. ERR_VERSION when newer. */
static int pg_versions(struct pg *db, bool applied[static 256], bool *ret_current, struct err *e)
{
	PGresult *res = NULL;
	int r, v, n = 0;

	r = pg_run(db, PG_SQL_VERSIONS, 0, NULL, &res);
	if (r < 0)
		return err_set(e, r, "%s: không đọc được lược đồ (%s)", db->base.path, db->msg);
	for (int i = 0; i < PQntuples(res); i++) {
		v = (int)pg_int(PQgetvalue(res, i, 0));
		r = db_migration_seen(v, applied, &n, e);
		if (r < 0) {
			PQclear(res);
			return r;
		}
	}
	PQclear(res);
	*ret_current = n == db_nmigrations;
	return 0;
}

static int pg_has_schema(struct pg *db, bool *ret)
{
	int64_t v = 0;
	int r = pg_int_of(db, PG_SQL_HAS_SCHEMA, &v);

	if (r == 0)
		*ret = v != 0;
	return r;
}

static int pg_record(struct pg *db, const struct db_migration *m)
{
	char v[16];
	const char *vals[2] = {v, m->name};

	snprintf(v, sizeof(v), "%d", m->version);
	return pg_run(db, PG_SQL_RECORD, 2, vals, NULL);
}

/*
 * Seals the head for the schema the migrations left: a new store's key is
 * made at $DONDOC_AUDIT_KEY when missing there.
 */
static int pg_stamp(struct pg *db, struct err *e)
{
	struct pg_head h = {.keyed_from = 1, .hash = ""};
	char kf[24], last[24], count[24], cookie[24], mac[65];
	const char *vals[6] = {kf, last, count, h.hash, cookie, mac};
	int64_t c = 0;
	int r;

	if (!db->base.has_key) {
		if (!getenv("DONDOC_AUDIT_KEY") || !*getenv("DONDOC_AUDIT_KEY"))
			return err_set(
			    e, ERR_NOTFOUND,
			    "kho PostgreSQL cần khóa nhật ký kiểm tra: đặt DONDOC_AUDIT_KEY "
			    "là đường dẫn tệp khóa, chung cho mọi máy chủ dùng kho này");
		r = db_audit_key_create(db->base.key_path, db->base.key);
		if (r == ERR_EXISTS)
			r = db_audit_key_load(db->base.key_path, db->base.key);
		if (r < 0)
			return err_set(e, r, "không tạo được khóa nhật ký kiểm tra %s",
				       db->base.key_path);
		db->base.has_key = true;
	}
	r = pg_head_read(db, PG_SQL_HEAD_LOCK, &h);
	if (r < 0 && r != ERR_NOTFOUND)
		return r;
	r = pg_int_of(db, PG_SQL_COOKIE, &c);
	if (r < 0)
		return r;
	h.cookie = c;
	db_audit_head_mac(db->base.key, h.keyed_from, h.last_id, h.count, h.hash, h.cookie, mac);
	snprintf(kf, sizeof(kf), "%" PRId64, h.keyed_from);
	snprintf(last, sizeof(last), "%" PRId64, h.last_id);
	snprintf(count, sizeof(count), "%" PRId64, h.count);
	snprintf(cookie, sizeof(cookie), "%" PRId64, h.cookie);
	return pg_run(db, PG_SQL_HEAD_STAMP, 6, vals, NULL);
}

/*
 * Brings the schema up to date in one transaction under an advisory lock: an
 * empty database gets the baseline (versions 1..DB_PG_BASELINE), then each
 * later migration's PostgreSQL text. Servers starting at once migrate once:
 * the others wait for the lock and find the work done.
 */
static int pg_migrate(struct pg *db, bool create, struct err *e)
{
	bool applied[256] = {false}, current = false, has = false, changed = false;
	int r;

	r = pg_has_schema(db, &has);
	if (r < 0)
		return err_set(e, r, "%s: không đọc được cơ sở dữ liệu (%s)", db->base.path,
			       db->msg);
	if (has) {
		r = pg_versions(db, applied, &current, e);
		if (r < 0 || current)
			return r;
		memset(applied, 0, sizeof(applied));
	} else if (!create) {
		return err_set(e, ERR_NOTFOUND,
			       "%s: chưa có cơ sở dữ liệu dondoc; hãy chạy 'dondoc init'",
			       db->base.path);
	}
	r = pg_begin(&db->base);
	if (r == 0)
		r = pg_run(db, PG_SQL_LOCK, 0, NULL, NULL);
	/* Another server may have migrated meanwhile: read again under the lock. */
	if (r == 0)
		r = pg_has_schema(db, &has);
	if (r < 0)
		goto fail;
	if (!has) {
		if (!create) {
			pg_rollback(&db->base);
			return err_set(e, ERR_NOTFOUND,
				       "%s: chưa có cơ sở dữ liệu dondoc; hãy chạy 'dondoc init'",
				       db->base.path);
		}
		r = pg_exec(db, db_pg_baseline);
		if (r < 0) {
			err_set(e, r, "tạo lược đồ PostgreSQL (phiên bản %d) thất bại: %s",
				DB_PG_BASELINE, db->msg);
			pg_rollback(&db->base);
			return r;
		}
		for (int i = 0; i < db_nmigrations && r == 0; i++)
			if (db_migrations[i].version <= DB_PG_BASELINE)
				r = pg_record(db, &db_migrations[i]);
		if (r < 0)
			goto fail;
		changed = true;
	}
	r = pg_versions(db, applied, &current, e);
	if (r < 0) {
		pg_rollback(&db->base);
		return r;
	}
	for (int i = 0; i < db_nmigrations; i++) {
		const struct db_migration *m = &db_migrations[i];

		if (applied[m->version])
			continue;
		if (!m->pg || m->version <= DB_PG_BASELINE) {
			pg_rollback(&db->base);
			return err_set(e, ERR_VERSION,
				       "%s: lược đồ %03d_%s chưa có bản cho PostgreSQL; bản dondoc "
				       "này không nâng cấp được kho PostgreSQL",
				       db->base.path, m->version, m->name);
		}
		r = pg_exec(db, m->pg);
		if (r < 0) {
			err_set(e, r, "nâng cấp lược đồ %03d_%s thất bại: %s", m->version, m->name,
				db->msg);
			pg_rollback(&db->base);
			return r;
		}
		r = pg_record(db, m);
		if (r < 0)
			goto fail;
		changed = true;
	}
	if (changed) {
		r = pg_stamp(db, e);
		if (r < 0) {
			if (!e || e->code != r)
				err_set(e, r, "không niêm phong được đầu chuỗi nhật ký: %s",
					db->msg);
			pg_rollback(&db->base);
			return r;
		}
	}
	r = pg_commit(&db->base);
	if (r < 0)
		goto fail;
	pg_id_tables_forget(db);
	return 0;
fail:
	if (r == ERR_BUSY)
		err_set(e, r,
			"cơ sở dữ liệu đang bận (một tiến trình khác đang ghi); hãy thử lại sau "
			"ít phút");
	else
		err_set(e, r, "nâng cấp lược đồ thất bại: %s", db->msg);
	pg_rollback(&db->base);
	return r;
}

/* The audit key of a PostgreSQL store: only at $DONDOC_AUDIT_KEY (no file beside it). */
static int pg_key_open(struct pg *db, struct err *e)
{
	const char *env = getenv("DONDOC_AUDIT_KEY");

	if (!env || !*env) {
		snprintf(db->base.key_path, sizeof(db->base.key_path),
			 "(DONDOC_AUDIT_KEY chưa đặt)");
		return 0;
	}
	if (snprintf(db->base.key_path, sizeof(db->base.key_path), "%s", env) >=
	    (int)sizeof(db->base.key_path))
		return err_set(e, ERR_TOOBIG, "đường dẫn khóa nhật ký kiểm tra quá dài");
	return db_key_read(&db->base, e);
}

/* The password the address carries, to hide it from libpq's messages. */
static char *pg_password(const char *conninfo)
{
	PQconninfoOption *opts = PQconninfoParse(conninfo, NULL);
	char *pw = NULL;

	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (!strcmp(o->keyword, "password") && o->val && *o->val)
			pw = strdup(o->val);
	PQconninfoFree(opts);
	return pw;
}

/* Connects; a refusal says why without the password. */
static int pg_connect(struct pg *db, const char *conninfo, struct err *e)
{
	char msg[512];
	const char *m;
	size_t len;

	db->c = PQconnectdb(conninfo);
	if (!db->c)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	if (PQstatus(db->c) == CONNECTION_OK)
		return 0;
	m = PQerrorMessage(db->c);
	/* libpq's last line names the cause ("connection to server ... failed: FATAL: ..."). */
	snprintf(msg, sizeof(msg), "%s", m ? m : "");
	len = strlen(msg);
	while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		msg[--len] = '\0';
	pg_scrub(msg, sizeof(msg), db->password);
	if (strstr(msg, "authentication failed") || strstr(msg, "no password supplied") ||
	    PQconnectionNeedsPassword(db->c))
		return err_set(e, ERR_AUTH,
			       "%s: không đăng nhập được vào PostgreSQL: sai tài khoản hoặc mật "
			       "khẩu (đăng nhập thất bại)",
			       db->base.path);
	if (strstr(msg, "does not exist"))
		return err_set(e, ERR_NOTFOUND,
			       "%s: không có cơ sở dữ liệu hoặc tài khoản này (%s)", db->base.path,
			       msg);
	return err_set(e, ERR_IO, "%s: không kết nối được PostgreSQL: %s", db->base.path, msg);
}

static void pg_close(struct db *d)
{
	struct pg *db = PG(d);

	if (!db)
		return;
	for (int i = 0; i < DB_NSTMT; i++)
		pg_clear(&db->q[i]);
	PQfinish(db->c);
	pg_id_tables_forget(db);
	sodium_memzero(db->base.key, sizeof(db->base.key));
	if (db->password) {
		sodium_memzero(db->password, strlen(db->password));
		free(db->password);
	}
	free(db->base.path);
	free(db);
}

/* Connects to path with the connection's settings; the schema is not looked at. */
static int pg_conn_new(const char *path, struct pg **ret, struct err *e)
{
	const char *conninfo =
	    strncmp(path, "postgres:", 9) == 0 && strncmp(path, "postgres://", 11) ? path + 9
										   : path;
	struct pg *db;
	int r;

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "không khởi tạo được libsodium");
	db = calloc(1, sizeof(*db));
	if (!db)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	db->base.be = &db_pg_backend;
	db->base.path = pg_redact(path);
	db->password = pg_password(conninfo);
	if (!db->base.path) {
		pg_close(&db->base);
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ");
	}
	r = pg_connect(db, conninfo, e);
	if (r < 0) {
		pg_close(&db->base);
		return r;
	}
	db->lock_ms = 10000; /* as SQLite's busy timeout */
	r = pg_session(db);
	if (r < 0) {
		err_set(e, r, "%s: không chuẩn bị được kết nối: %s", db->base.path, db->msg);
		pg_close(&db->base);
		return r;
	}
	db_set_actor(&db->base, "cli");
	*ret = db;
	return 0;
}

static int pg_open(const char *path, unsigned flags, struct db **ret, struct err *e)
{
	bool applied[256] = {false}, current = false;
	struct pg *db = NULL;
	int r;

	r = pg_conn_new(path, &db, e);
	if (r == 0)
		r = pg_key_open(db, e);
	if (r == 0 && (flags & DB_READONLY))
		r = pg_exec(db, "SET default_transaction_read_only = on");
	if (r < 0) {
		if (db && (!e || e->code != r))
			err_set(e, r, "%s: không chuẩn bị được kết nối: %s", db->base.path,
				db->msg);
		pg_close(db ? &db->base : NULL);
		return r;
	}
	if (!(flags & DB_READONLY))
		r = pg_migrate(db, flags & DB_CREATE, e);
	else if ((r = pg_versions(db, applied, &current, e)) != ERR_VERSION)
		r = 0;
	if (r < 0) {
		pg_close(&db->base);
		return r;
	}
	*ret = &db->base;
	return 0;
}

/* db_copy: one read snapshot of this store as a source. */
static int pg_copy_snapshot(struct db *d, bool on)
{
	return pg_exec(PG(d), on ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "COMMIT");
}

/* The kind a column of type oid travels as. */
static enum db_copy_kind pg_copy_kind(Oid t)
{
	switch (t) {
	case 20: /* int8 */
	case 21: /* int2 */
	case 23: /* int4 */
		return DB_COPY_INT;
	case 700:  /* float4 */
	case 701:  /* float8 */
	case 1700: /* numeric */
		return DB_COPY_REAL;
	case PG_BYTEAOID:
		return DB_COPY_BLOB;
	default:
		return DB_COPY_TEXT;
	}
}

/* Every row of table, fetched one at a time (a table may be larger than memory). */
static int pg_copy_scan(struct db *d, const char *table, struct db_copy_sink *sink)
{
	struct pg *db = PG(d);
	struct db_copy_val v[256];
	unsigned char *raw[256];
	const char *names[256];
	char sql[160];
	PGresult *res;
	int r = 0;

	if (!db_copy_ident(table))
		return ERR_INVAL;
	snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\"", table);
	if (!PQsendQuery(db->c, sql) || !PQsetSingleRowMode(db->c))
		return pg_fail(db, NULL);
	/* Read to the end, even after a failure: the connection is then free again. */
	while ((res = PQgetResult(db->c)) != NULL) {
		ExecStatusType st = PQresultStatus(res);
		int n = PQnfields(res);

		if (r == 0 && st == PGRES_SINGLE_TUPLE && n > 256)
			r = ERR_TOOBIG;
		if (r == 0 && st == PGRES_SINGLE_TUPLE) {
			for (int i = 0; i < n; i++) {
				const char *t = PQgetvalue(res, 0, i);
				size_t len = 0;

				raw[i] = NULL;
				names[i] = PQfname(res, i);
				v[i] = (struct db_copy_val){pg_copy_kind(PQftype(res, i)), t,
							    (size_t)PQgetlength(res, 0, i)};
				if (PQgetisnull(res, 0, i)) {
					v[i] = (struct db_copy_val){DB_COPY_NULL, NULL, 0};
				} else if (v[i].kind == DB_COPY_BLOB) {
					raw[i] = PQunescapeBytea((const unsigned char *)t, &len);
					if (!raw[i])
						r = ERR_NOMEM;
					v[i].p = raw[i] ? (const char *)raw[i] : "";
					v[i].len = len;
				}
			}
			if (r == 0)
				r = sink->row(sink, n, names, v);
			for (int i = 0; i < n; i++)
				PQfreemem(raw[i]);
		} else if (r == 0 && st != PGRES_TUPLES_OK) {
			r = pg_fail(db, res);
		}
		PQclear(res);
	}
	return r;
}

/*
 * The rows of one table going into a new PostgreSQL store: one COPY FROM
 * STDIN in text format, begun at its first row, fed in pieces of about
 * PG_COPY_CHUNK bytes and ended by pg_load_end.
 */
#define PG_COPY_CHUNK (1 << 20)
struct pg_load {
	struct pg *db;
	const char *table;
	char **cols;
	bool *bytea; /* of each of cols */
	int ncols;
	bool copying;	     /* the COPY is under way */
	bool col_bytea[256]; /* of each of the map's columns */
	int map[256], nmap;
	struct db_pg_buf buf;
	int64_t rows;
	struct err *e;
};

/* Sends the rows gathered in l's buffer. */
static int pg_load_send(struct pg_load *l)
{
	int r = 0;

	if (l->buf.len && PQputCopyData(l->db->c, l->buf.p, (int)l->buf.len) != 1)
		r = pg_fail(l->db, NULL);
	l->buf.len = 0;
	return r;
}

/* Begins the COPY of l's table for rows with these n source columns. */
static int pg_load_begin(struct pg_load *l, int n, const char *const *names)
{
	char *sql = NULL;
	PGresult *res;
	int r;

	if (n > 256)
		return err_set(l->e, ERR_TOOBIG, "bảng %s: quá nhiều cột", l->table);
	/* the INSERT's column mapping and checks; the text itself is not used */
	r = db_copy_insert_sql(l->table, (const char *const *)l->cols, l->ncols, n, names, true,
			       l->map, &l->nmap, &sql, l->e);
	free(sql);
	if (r < 0)
		return r;
	for (int k = 0; k < l->nmap; k++) {
		l->col_bytea[k] = false;
		for (int j = 0; j < l->ncols; j++)
			if (!strcmp(l->cols[j], names[l->map[k]]))
				l->col_bytea[k] = l->bytea[j];
	}
	sql = db_pg_copy_sql(l->table, names, l->map, l->nmap);
	if (!sql)
		return err_set(l->e, ERR_NOMEM, "không đủ bộ nhớ");
	res = PQexec(l->db->c, sql);
	free(sql);
	r = PQresultStatus(res) == PGRES_COPY_IN ? 0 : pg_fail(l->db, res);
	PQclear(res);
	if (r < 0)
		return err_set(l->e, r, "bảng %s: %s", l->table, l->db->msg);
	l->copying = true;
	return 0;
}

static int pg_load_row(struct db_copy_sink *s, int n, const char *const *names,
		       const struct db_copy_val *v)
{
	struct pg_load *l = s->ctx;
	int r = 0;

	if (!l->copying && (r = pg_load_begin(l, n, names)) < 0)
		return r;
	for (int k = 0; r == 0 && k < l->nmap; k++) {
		const struct db_copy_val *x = &v[l->map[k]];

		r = db_pg_copy_field(&l->buf, x->kind == DB_COPY_NULL ? NULL : x->p, x->len,
				     l->col_bytea[k], k + 1 < l->nmap ? '\t' : '\n');
	}
	if (r == 0 && l->buf.len >= PG_COPY_CHUNK)
		r = pg_load_send(l);
	if (r < 0)
		return err_set(l->e, r, "bảng %s: %s", l->table,
			       r == ERR_NOMEM ? "không đủ bộ nhớ" : l->db->msg);
	l->rows++;
	return 0;
}

/*
 * Ends the COPY of l's table, if one began: with the rest of its rows when r
 * is 0, abandoned otherwise. The server's verdict on the rows (a value it
 * refuses is found only now) is returned and said in l->e.
 */
static int pg_load_end(struct pg_load *l, int r)
{
	PGresult *res;
	int r2 = 0;

	if (!l->copying)
		return r;
	l->copying = false;
	if (r == 0)
		r2 = pg_load_send(l);
	if (PQputCopyEnd(l->db->c, r == 0 && r2 == 0 ? NULL : "migrate-store: abandoned") != 1 &&
	    r2 == 0)
		r2 = pg_fail(l->db, NULL);
	while ((res = PQgetResult(l->db->c)) != NULL) {
		if (r2 == 0 && PQresultStatus(res) != PGRES_COMMAND_OK)
			r2 = pg_fail(l->db, res);
		PQclear(res);
	}
	if (r == 0 && r2 < 0)
		return err_set(l->e, r2, "bảng %s: %s", l->table, l->db->msg);
	return r;
}

/* The names of a table's columns as SELECT * gives them, in new memory. */
static int pg_copy_cols(struct pg *db, const char *table, char ***ret, bool **ret_bytea, int *ret_n)
{
	char sql[160], **cols;
	PGresult *res = NULL;
	bool *bytea;
	int r, n;

	snprintf(sql, sizeof(sql), "SELECT * FROM \"%s\" LIMIT 0", table);
	r = pg_run(db, sql, 0, NULL, &res);
	if (r < 0)
		return r;
	n = PQnfields(res);
	cols = calloc((size_t)n + 1, sizeof(*cols));
	bytea = calloc((size_t)n + 1, sizeof(*bytea));
	for (int i = 0; cols && bytea && i < n; i++) {
		if (!(cols[i] = strdup(PQfname(res, i))))
			r = ERR_NOMEM;
		bytea[i] = PQftype(res, i) == PG_BYTEAOID;
	}
	PQclear(res);
	if (!cols || !bytea || r < 0) {
		for (int i = 0; cols && i < n; i++)
			free(cols[i]);
		free(cols);
		free(bytea);
		return ERR_NOMEM;
	}
	*ret = cols;
	*ret_bytea = bytea;
	*ret_n = n;
	return 0;
}

/* The whole schema of a new store: the baseline, then each later migration, recorded. */
static int pg_schema_new(struct pg *db, struct err *e)
{
	int r = pg_exec(db, db_pg_baseline);

	if (r < 0)
		return err_set(e, r, "tạo lược đồ PostgreSQL (phiên bản %d) thất bại: %s",
			       DB_PG_BASELINE, db->msg);
	for (int i = 0; i < db_nmigrations && r == 0; i++) {
		const struct db_migration *m = &db_migrations[i];

		if (m->version > DB_PG_BASELINE && (r = pg_exec(db, m->pg)) < 0)
			return err_set(e, r, "nâng cấp lược đồ %03d_%s thất bại: %s", m->version,
				       m->name, db->msg);
		r = pg_record(db, m);
	}
	return r < 0 ? err_set(e, r, "không ghi được phiên bản lược đồ: %s", db->msg) : 0;
}

/*
 * A new PostgreSQL store at addr filled from src, in one transaction under
 * the migration lock: refused (ERR_EXISTS) when the database has tables;
 * then the schema as a new store gets it, its triggers silenced and foreign
 * keys deferred, every table emptied and filled from src, triggers and keys
 * back, identities moved past the ids copied, the head resealed with src's
 * key for this schema.
 */
static int pg_copy_into(const char *addr, struct db *src, struct db_copy_sink *sink,
			struct db_copy_report *rep, struct err *e)
{
	struct pg_load l = {.e = e};
	struct db_copy_sink load = {.row = pg_load_row, .ctx = &l};
	PGresult *tables = NULL;
	struct pg *db = NULL;
	int64_t n = 0;
	int r;

	r = pg_conn_new(addr, &db, e);
	if (r < 0)
		return r;
	memcpy(db->base.key, src->key, sizeof(db->base.key));
	db->base.has_key = true;
	r = pg_begin(&db->base);
	if (r == 0)
		r = pg_run(db, PG_SQL_LOCK, 0, NULL, NULL);
	if (r == 0)
		r = pg_int_of(db, PG_SQL_COPY_EMPTY, &n);
	if (r < 0) {
		err_set(e, r, "%s: không đọc được cơ sở dữ liệu đích: %s", db->base.path, db->msg);
		goto fail;
	}
	if (n > 0) {
		r = err_set(e, ERR_EXISTS,
			    "%s: cơ sở dữ liệu đích không trống (đã có %lld bảng); migrate-store "
			    "chỉ chép vào một cơ sở dữ liệu PostgreSQL trống (createdb)",
			    db->base.path, (long long)n);
		goto fail;
	}
	r = sink->ready(sink, e);
	if (r == 0)
		r = pg_schema_new(db, e);
	if (r < 0)
		goto fail;
	r = pg_exec(db, PG_SQL_COPY_BEGIN);
	if (r == 0)
		r = pg_run(db, PG_SQL_COPY_TABLES, 0, NULL, &tables);
	if (r < 0) {
		err_set(e, r, "%s: không chuẩn bị được kho mới: %s", db->base.path, db->msg);
		goto fail;
	}
	for (int i = 0; r == 0 && i < PQntuples(tables); i++) {
		l.db = db;
		l.table = PQgetvalue(tables, i, 0);
		l.rows = 0;
		r = db_copy_ident(l.table) ? pg_copy_cols(db, l.table, &l.cols, &l.bytea, &l.ncols)
					   : ERR_INVAL;
		if (r < 0) {
			err_set(e, r, "bảng %s: không đọc được các cột", l.table);
			break;
		}
		r = src->be->copy_scan(src, l.table, &load);
		if (r < 0 && (!e || e->code != r))
			err_set(e, r, "bảng %s: không đọc được từ kho nguồn: %s", l.table,
				db_errmsg(src));
		r = pg_load_end(&l, r);
		for (int k = 0; k < l.ncols; k++)
			free(l.cols[k]);
		free(l.cols);
		free(l.bytea);
		l.cols = NULL;
		l.bytea = NULL;
		if (r == 0)
			db_copy_count(rep, l.table, l.rows);
	}
	PQclear(tables);
	free(l.buf.p);
	if (r < 0)
		goto fail;
	r = pg_exec(db, PG_SQL_COPY_END);
	if (r < 0) {
		err_set(e, r, "%s: bản sao không hợp lệ: %s", db->base.path, db->msg);
		goto fail;
	}
	r = pg_stamp(db, e);
	if (r < 0) {
		if (!e || e->code != r)
			err_set(e, r, "không niêm phong được đầu chuỗi nhật ký: %s", db->msg);
		goto fail;
	}
	r = pg_commit(&db->base);
	if (r < 0) {
		err_set(e, r, "%s: không ghi được bản sao: %s", db->base.path, db->msg);
		goto fail;
	}
	pg_close(&db->base);
	return 0;
fail:
	pg_rollback(&db->base);
	pg_close(&db->base);
	return r;
}

static const struct db_backend db_pg_backend = {
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .version = pg_version,
    .begin = pg_begin,
    .commit = pg_commit,
    .rollback = pg_rollback,
    .depth = pg_depth,
    .prepare = pg_prepare,
    .bind_int = pg_bind_int,
    .bind_text = pg_bind_text,
    .bind_null = pg_bind_null,
    .bind_blob = pg_bind_blob,
    .step = pg_step,
    .col_int = pg_col_int,
    .col_text = pg_col_text,
    .col_null = pg_col_null,
    .col_blob = pg_col_blob,
    .done = pg_done,
    .last_id = pg_last_id,
    .changes = pg_changes,
    .errmsg = pg_errmsg,
    .set_actor = pg_set_actor,
    .set_timeout = pg_set_timeout,
    .set_memory = pg_set_memory,
    .schema_check = pg_schema_check,
    .schema_cookie = pg_schema_cookie,
    .integrity = pg_integrity,
    .backup = pg_backup,
    .restore = pg_restore,
    .copy_snapshot = pg_copy_snapshot,
    .copy_scan = pg_copy_scan,
    .copy_into = pg_copy_into,
};

/* The module's entry points (db_backend.h). */
const struct db_pg_mod dondoc_mod_pg = {
    .head = {MOD_ABI, DONDOC_VERSION},
    .backend = &db_pg_backend,
};
