/* test_pg.c: the PostgreSQL backend on a throwaway cluster: logins, transactions, the audit chain, migrations. */
/*
 * One cluster (tests/pg/cluster.sh) serves every case, each on a database of
 * its own. A guard process stops the cluster when this program ends, however
 * it ends. The cases use only schema_migration, body and the audit tables
 * (audit_log, audit_head, audit_pending) with their SQLite column names.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <pthread.h>

#include "db/db.h"
#include "db/migrations.h"

#define WRONG_PASSWORD "sai-Mat-Khau-7731"

struct pg_fixture {
	char tmp[128];	    /* our temporary folder */
	char cluster[160];  /* the cluster's folder inside it */
	char script[512];   /* tests/pg/cluster.sh */
	char uri[512];	    /* postgresql://dondoc:PASS@127.0.0.1:PORT/dondoc */
	char password[128]; /* PASS */
	char port[16];
	char key[192]; /* the audit key file ($DONDOC_AUDIT_KEY) */
	int guard_fd;  /* closing it tells the guard to stop the cluster */
	pid_t guard;
};

/* The address of database name on the test cluster. */
static void uri_of(const struct pg_fixture *f, const char *name, char *ret, size_t n)
{
	snprintf(ret, n, "postgresql://dondoc:%s@127.0.0.1:%s/%s", f->password, f->port, name);
}

/* Makes an empty database name on the cluster. */
static void create_database(const struct pg_fixture *f, const char *name)
{
	char sql[128];
	PGconn *c = PQconnectdb(f->uri);
	PGresult *res;

	assert_int_equal(PQstatus(c), CONNECTION_OK);
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
	res = PQexec(c, sql);
	assert_int_equal(PQresultStatus(res), PGRES_COMMAND_OK);
	PQclear(res);
	PQfinish(c);
}

/* The first column of the first row of sql on database name, as an integer. */
static long long sql_int(const struct pg_fixture *f, const char *name, const char *sql)
{
	char uri[512];
	PGconn *c;
	PGresult *res;
	long long v;

	uri_of(f, name, uri, sizeof(uri));
	c = PQconnectdb(uri);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	res = PQexec(c, sql);
	assert_int_equal(PQresultStatus(res), PGRES_TUPLES_OK);
	assert_true(PQntuples(res) > 0);
	v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	PQfinish(c);
	return v;
}

/* Opens database name of the cluster, made empty first when fresh. */
static struct db *open_pg(const struct pg_fixture *f, const char *name, bool fresh)
{
	char uri[512];
	struct db *db = NULL;
	struct err e = {0};

	if (fresh)
		create_database(f, name);
	uri_of(f, name, uri, sizeof(uri));
	if (db_open(uri, DB_CREATE, &db, &e) != 0)
		fail_msg("db_open %s: %s", name, e.msg);
	return db;
}

static int insert_body(struct db *db, const char *name)
{
	return db_exec(db, SQL_BODY_INSERT, "Ittttttnnt", (int64_t)0, "xa", "party", name,
		       "Đảng ủy", "ĐU", "Liên Sơn", name);
}

static int64_t body_count(struct db *db)
{
	int64_t n = -1;

	assert_int_equal(db_query_int(db, SQL_BODY_COUNT, &n, ""), 0);
	return n;
}

static int cluster_start(void **state)
{
	struct pg_fixture *f = calloc(1, sizeof(*f));
	const char *src = getenv("DONDOC_SRCDIR");
	char cmd[1024], *at, *colon, *slash;
	int fds[2];
	FILE *p;

	if (!f || !src)
		return -1;
	snprintf(f->tmp, sizeof(f->tmp), "/tmp/dondoc-test-pg-XXXXXX");
	if (!mkdtemp(f->tmp))
		return -1;
	snprintf(f->cluster, sizeof(f->cluster), "%s/cluster", f->tmp);
	snprintf(f->script, sizeof(f->script), "%s/tests/pg/cluster.sh", src);
	snprintf(f->key, sizeof(f->key), "%s/audit-key", f->tmp);
	setenv("DONDOC_AUDIT_KEY", f->key, 1);
	/* The guard outlives a crash of this program: it stops the cluster at our end. */
	/* Close-on-exec: the cluster started below must not hold the guard's pipe open. */
	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	f->guard = fork();
	if (f->guard < 0)
		return -1;
	if (f->guard == 0) {
		char c;

		signal(SIGINT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		close(fds[1]);
		while (read(fds[0], &c, 1) > 0)
			;
		execl("/bin/sh", "sh", "-c", "\"$0\" stop \"$1\"; rm -rf \"$2\"", f->script,
		      f->cluster, f->tmp, (char *)NULL);
		_exit(1);
	}
	close(fds[0]);
	f->guard_fd = fds[1];
	*state = f;
	snprintf(cmd, sizeof(cmd), "'%s' start '%s'", f->script, f->cluster);
	p = popen(cmd, "r");
	if (!p || !fgets(f->uri, sizeof(f->uri), p)) {
		if (p)
			pclose(p);
		return -1;
	}
	if (pclose(p) != 0)
		return -1;
	f->uri[strcspn(f->uri, "\n")] = '\0';
	/* postgresql://dondoc:PASS@127.0.0.1:PORT/dondoc */
	colon = strchr(f->uri + strlen("postgresql://"), ':');
	at = strchr(f->uri, '@');
	if (!colon || !at)
		return -1;
	snprintf(f->password, sizeof(f->password), "%.*s", (int)(at - colon - 1), colon + 1);
	colon = strchr(at, ':');
	slash = colon ? strchr(colon, '/') : NULL;
	if (!slash)
		return -1;
	snprintf(f->port, sizeof(f->port), "%.*s", (int)(slash - colon - 1), colon + 1);
	return 0;
}

static int cluster_stop(void **state)
{
	struct pg_fixture *f = *state;

	if (!f)
		return 0;
	close(f->guard_fd);
	waitpid(f->guard, NULL, 0);
	free(f);
	return 0;
}

static void wrong_password_is_refused_without_showing_it(void **state)
{
	const struct pg_fixture *f = *state;
	char uri[512];
	struct db *db = NULL;
	struct err e = {0};

	snprintf(uri, sizeof(uri), "postgresql://dondoc:%s@127.0.0.1:%s/dondoc", WRONG_PASSWORD,
		 f->port);
	assert_int_equal(db_open(uri, DB_CREATE, &db, &e), ERR_AUTH);
	assert_null(db);
	assert_non_null(strstr(e.msg, "đăng nhập thất bại"));
	assert_null(strstr(e.msg, WRONG_PASSWORD));
	assert_non_null(strstr(e.msg, "postgresql://dondoc:***@127.0.0.1"));

	/* The key-value form, its password quoted. */
	memset(&e, 0, sizeof(e));
	snprintf(uri, sizeof(uri),
		 "postgres:host=127.0.0.1 port=%s dbname=dondoc user=dondoc password='%s'", f->port,
		 WRONG_PASSWORD);
	assert_int_equal(db_open(uri, DB_CREATE, &db, &e), ERR_AUTH);
	assert_null(strstr(e.msg, WRONG_PASSWORD));
	assert_non_null(strstr(e.msg, "password=***"));

	/* With the right one the key-value form opens, and its path hides the password. */
	memset(&e, 0, sizeof(e));
	snprintf(uri, sizeof(uri),
		 "postgres:host=127.0.0.1 port=%s dbname=dondoc user=dondoc password=%s", f->port,
		 f->password);
	assert_int_equal(db_open(uri, DB_CREATE, &db, &e), 0);
	assert_null(strstr(db_path(db), f->password));
	assert_non_null(strstr(db_path(db), "password=***"));
	assert_int_equal(db_version(db), db_version_known());
	db_close(db);
	db = NULL;

	/* An address without a dondoc schema is not created without DB_CREATE. */
	create_database(f, "empty_store");
	uri_of(f, "empty_store", uri, sizeof(uri));
	memset(&e, 0, sizeof(e));
	assert_int_equal(db_open(uri, 0, &db, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "dondoc init"));
	assert_null(strstr(e.msg, f->password));
	assert_int_equal(sql_int(f, "empty_store",
				 "SELECT count(*) FROM information_schema.tables"
				 " WHERE table_schema = 'public'"),
			 0);
}

/*
 * The nesting steps every case below runs on one store: the body counts it
 * sees after each, and the codes of the failures it provokes.
 */
struct nesting {
	int64_t after_inner_rollback, after_outer_rollback, after_failed_inner;
	int duplicate, duplicate_inner;
};

static void run_nesting(struct db *db, struct nesting *ret)
{
	int64_t start = body_count(db);

	/* A kept, B undone by the inner rollback. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(insert_body(db, "A"), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(insert_body(db, "B"), 0);
	assert_int_equal(db_depth(db), 2);
	db_rollback(db);
	assert_int_equal(db_depth(db), 1);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_depth(db), 0);
	ret->after_inner_rollback = body_count(db) - start;

	/* C and D gone with the outer rollback, D's inner commit too. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(insert_body(db, "C"), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(insert_body(db, "D"), 0);
	assert_int_equal(db_commit(db), 0);
	db_rollback(db);
	assert_int_equal(db_depth(db), 0);
	ret->after_outer_rollback = body_count(db) - start;

	/* A second "A" is refused; then a failure inside an inner level is undone with it alone. */
	ret->duplicate = insert_body(db, "A");
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(insert_body(db, "E"), 0);
	assert_int_equal(db_begin(db), 0);
	ret->duplicate_inner = insert_body(db, "A");
	db_rollback(db);
	assert_int_equal(db_commit(db), 0);
	ret->after_failed_inner = body_count(db) - start;
}

static void nested_transactions_as_on_sqlite(void **state)
{
	const struct pg_fixture *f = *state;
	struct nesting pg = {0}, lite = {0};
	char path[256];
	struct db *db;
	struct err e = {0};

	db = open_pg(f, "nesting", true);
	run_nesting(db, &pg);
	db_close(db);

	snprintf(path, sizeof(path), "%s/nesting.db", f->tmp);
	assert_int_equal(db_open(path, DB_CREATE, &db, &e), 0);
	run_nesting(db, &lite);
	db_close(db);
	db_remove(path, false, NULL);

	assert_int_equal(lite.after_inner_rollback, 1);
	assert_int_equal(lite.after_outer_rollback, 1);
	assert_int_equal(lite.after_failed_inner, 2);
	assert_int_equal(lite.duplicate, ERR_EXISTS);
	assert_int_equal(pg.after_inner_rollback, lite.after_inner_rollback);
	assert_int_equal(pg.after_outer_rollback, lite.after_outer_rollback);
	assert_int_equal(pg.after_failed_inner, lite.after_failed_inner);
	assert_int_equal(pg.duplicate, lite.duplicate);
	assert_int_equal(pg.duplicate_inner, lite.duplicate_inner);
}

static void last_id_is_the_inserted_row(void **state)
{
	const struct pg_fixture *f = *state;
	struct db *db = open_pg(f, "lastid", true);
	int64_t first, second;
	struct db_q *q;

	assert_int_equal(insert_body(db, "Đảng ủy xã Liên Sơn"), 0);
	first = db_last_id(db);
	assert_true(first > 0);
	assert_int_equal(db_changes(db), 1);
	assert_int_equal(insert_body(db, "Đảng ủy xã Cao Xá"), 0);
	second = db_last_id(db);
	assert_true(second > first);
	assert_int_equal(db_query(db, SQL_BODY_GET, &q, "i", first), 0);
	assert_int_equal(db_step(q), 1);
	assert_int_equal(db_col_int(q, 0), first);
	assert_true(db_col_null(q, 1) == false);
	assert_int_equal(db_col_int(q, 1), 0); /* coalesce(parent_id, 0) */
	assert_string_equal(db_col_text(q, 4), "Đảng ủy xã Liên Sơn");
	assert_null(db_col_text(q, 8)); /* active_from */
	assert_true(db_col_null(q, 8));
	assert_int_equal(db_step(q), 0);
	db_done(q);
	/* A failed insert leaves the last id as it was. */
	assert_int_equal(insert_body(db, "Đảng ủy xã Cao Xá"), ERR_EXISTS);
	assert_int_equal(db_last_id(db), second);
	db_close(db);
}

static void lost_connection_is_an_io_error_then_made_again(void **state)
{
	const struct pg_fixture *f = *state;
	struct db *db = open_pg(f, "lost", true);
	int64_t n = 0;

	assert_int_equal(insert_body(db, "Đảng ủy phường"), 0);
	/* The server drops the connection (a restart, a failover). */
	assert_int_equal(sql_int(f, "lost",
				 "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
				 " WHERE datname = 'lost' AND pid <> pg_backend_pid()"),
			 1);
	assert_int_equal(db_query_int(db, SQL_BODY_COUNT, &n, ""), ERR_IO);
	assert_null(strstr(db_errmsg(db), f->password));
	/* Between transactions the next statement connects again. */
	assert_int_equal(db_query_int(db, SQL_BODY_COUNT, &n, ""), 0);
	assert_int_equal(n, 1);
	assert_int_equal(insert_body(db, "Đảng ủy thị trấn"), 0);
	assert_int_equal(body_count(db), 2);
	db_close(db);
}

#define WRITERS 4
#define WRITES 25

struct writer {
	const struct pg_fixture *f;
	int n;
	int failures;
};

static void *write_bodies(void *arg)
{
	struct writer *w = arg;
	char uri[512], name[64], actor[16];
	struct db *db = NULL;
	struct err e = {0};
	int r;

	uri_of(w->f, "chain", uri, sizeof(uri));
	if (db_open(uri, 0, &db, &e) != 0) {
		w->failures = WRITES;
		return NULL;
	}
	snprintf(actor, sizeof(actor), "writer%d", w->n);
	db_set_actor(db, actor);
	for (int i = 0; i < WRITES; i++) {
		snprintf(name, sizeof(name), "Chi bộ %d-%d", w->n, i);
		do {
			r = db_begin(db);
			if (r == 0) {
				r = insert_body(db, name);
				r = r == 0 ? db_commit(db) : r;
				if (r < 0)
					db_rollback(db);
			}
		} while (r == ERR_BUSY);
		if (r < 0)
			w->failures++;
	}
	db_close(db);
	return NULL;
}

static void audit_chain_follows_commit_order(void **state)
{
	const struct pg_fixture *f = *state;
	struct writer w[WRITERS];
	pthread_t t[WRITERS];
	struct db *db = open_pg(f, "chain", true);
	const unsigned char *key = db_audit_key(db);
	char prev[65] = "", want[65];
	int64_t expect = 1, keyed_from, last_id, count, cookie;
	int per_actor[WRITERS] = {0};
	struct db_q *q;
	int r;

	assert_non_null(key);
	/* A write outside any transaction is chained as well. */
	assert_int_equal(insert_body(db, "Đảng ủy khối"), 0);
	for (int i = 0; i < WRITERS; i++) {
		w[i] = (struct writer){.f = f, .n = i};
		assert_int_equal(pthread_create(&t[i], NULL, write_bodies, &w[i]), 0);
	}
	for (int i = 0; i < WRITERS; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failures, 0);
	}
	assert_int_equal(body_count(db), 1 + WRITERS * WRITES);

	/* Ids 1..N without a gap, each entry chained to the one before and hashed with the key. */
	assert_int_equal(db_prepare(db, SQL_AUDIT_PAGE, &q), 0);
	assert_int_equal(db_bind_int(q, 1, 0), 0);
	assert_int_equal(db_bind_int(q, 2, INT32_MAX), 0);
	while ((r = db_step(q)) == 1) {
		const char *actor = db_col_text(q, 2);

		assert_int_equal(db_col_int(q, 0), expect);
		assert_string_equal(db_col_text(q, 8), prev);
		db_audit_hash(key, prev, expect, db_col_text(q, 1), actor, db_col_text(q, 3),
			      db_col_int(q, 4), db_col_text(q, 5), db_col_text(q, 6),
			      db_col_text(q, 7), want);
		assert_string_equal(db_col_text(q, 9), want);
		assert_string_equal(db_col_text(q, 3), "body");
		assert_string_equal(db_col_text(q, 5), "insert");
		if (strncmp(actor, "writer", 6) == 0 && actor[6] >= '0' && actor[6] < '0' + WRITERS)
			per_actor[actor[6] - '0']++;
		else
			assert_string_equal(actor, "cli");
		snprintf(prev, sizeof(prev), "%s", want);
		expect++;
	}
	db_done(q);
	assert_int_equal(r, 0);
	assert_int_equal(expect - 1, 1 + WRITERS * WRITES);
	for (int i = 0; i < WRITERS; i++)
		assert_int_equal(per_actor[i], WRITES);
	assert_int_equal(sql_int(f, "chain", "SELECT count(*) FROM audit_pending"), 0);

	/* The head: the last entry, the count, sealed with the key for the schema. */
	assert_int_equal(db_prepare(db, SQL_AUDIT_HEAD_GET, &q), 0);
	assert_int_equal(db_step(q), 1);
	keyed_from = db_col_int(q, 0);
	last_id = db_col_int(q, 1);
	count = db_col_int(q, 2);
	cookie = db_col_int(q, 4);
	assert_int_equal(keyed_from, 1);
	assert_int_equal(last_id, 1 + WRITERS * WRITES);
	assert_int_equal(count, 1 + WRITERS * WRITES);
	assert_string_equal(db_col_text(q, 3), prev);
	db_audit_head_mac(key, keyed_from, last_id, count, prev, cookie, want);
	assert_string_equal(db_col_text(q, 5), want);
	db_done(q);
	assert_int_equal(db_schema_cookie(db, &cookie), 0);
	assert_int_equal(cookie, db_version_known());
	db_close(db);
}

struct opener {
	char uri[512];
	int r;
	char msg[512];
};

static void *open_store(void *arg)
{
	struct opener *o = arg;
	struct db *db = NULL;
	struct err e = {0};

	o->r = db_open(o->uri, DB_CREATE, &db, &e);
	snprintf(o->msg, sizeof(o->msg), "%s", e.msg);
	db_close(db);
	return NULL;
}

static void migration_runs_once_when_two_open_at_once(void **state)
{
	const struct pg_fixture *f = *state;
	struct opener o[2];
	pthread_t t[2];
	char sql[128];

	create_database(f, "twice");
	for (int i = 0; i < 2; i++) {
		uri_of(f, "twice", o[i].uri, sizeof(o[i].uri));
		assert_int_equal(pthread_create(&t[i], NULL, open_store, &o[i]), 0);
	}
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		if (o[i].r != 0)
			fail_msg("opener %d: %s", i, o[i].msg);
	}
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM schema_migration WHERE version <= %d",
		 DB_PG_BASELINE);
	assert_int_equal(sql_int(f, "twice", sql), DB_PG_BASELINE);
	assert_int_equal(
	    sql_int(f, "twice", "SELECT count(DISTINCT version) FROM schema_migration"),
	    sql_int(f, "twice", "SELECT count(*) FROM schema_migration"));
	assert_int_equal(sql_int(f, "twice", "SELECT count(*) FROM audit_head WHERE mac <> ''"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(wrong_password_is_refused_without_showing_it),
	    cmocka_unit_test(nested_transactions_as_on_sqlite),
	    cmocka_unit_test(last_id_is_the_inserted_row),
	    cmocka_unit_test(lost_connection_is_an_io_error_then_made_again),
	    cmocka_unit_test(audit_chain_follows_commit_order),
	    cmocka_unit_test(migration_runs_once_when_two_open_at_once),
	};

	return cmocka_run_group_tests(tests, cluster_start, cluster_stop);
}
