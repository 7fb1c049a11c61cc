/* audit_bench.c: what the sealed audit log and durable commits cost: writes, commits, check, backup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/accounts/audit.h"
#include "core/registry/registry.h"
#include "db/db.h"

#define NROWS 200000 /* audited inserts, in transactions of BATCH */
#define BATCH 1000
#define NCOMMITS 300 /* transactions of one write each, per synchronous setting */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int add_unit(struct db *db, int64_t body, long i, struct err *e)
{
	char name[64];
	struct reg_unit u = {.body_id = body, .kind = "agency", .name = name};

	snprintf(name, sizeof(name), "Tổ công tác số %ld", i);
	return reg_unit_add(db, &u, NULL, e);
}

static int root(struct db *db, int64_t *ret, struct err *e)
{
	struct reg_body b = {.level = REG_TINH,
			     .kind = REG_PARTY,
			     .name = "Tỉnh ủy Bắc Giang",
			     .short_name = "Tỉnh ủy",
			     .code = "TU",
			     .place = "Bắc Giang"};
	int r = db_begin(db);

	if (r == 0 && (r = reg_body_add(db, &b, ret, e)) == 0)
		return db_commit(db);
	db_rollback(db);
	return r;
}

/* One write per transaction, as a clerk's form or a CLI verb commits. */
static int commits(const char *path, const char *sync, double *ret)
{
	struct db *db = NULL;
	struct err e = {0};
	int64_t body = 0;
	double t0;
	int r;

	db_remove(path, true, NULL);
	setenv("DONDOC_SYNCHRONOUS", sync, 1);
	r = db_open(path, DB_CREATE, &db, &e);
	if (r == 0)
		r = root(db, &body, &e);
	t0 = now();
	for (long i = 0; r == 0 && i < NCOMMITS; i++) {
		r = db_begin(db);
		if (r == 0 && (r = add_unit(db, body, i, &e)) == 0)
			r = db_commit(db);
	}
	*ret = NCOMMITS / (now() - t0);
	if (r < 0)
		fprintf(stderr, "audit_bench: %s %s\n", e.msg, db ? db_errmsg(db) : "");
	db_close(db);
	db_remove(path, true, NULL);
	return r;
}

int main(void)
{
	char path[128], copy[160];
	struct audit_report rep;
	struct db *db = NULL;
	struct err e = {0};
	struct stat st;
	double t0, t, full, normal;
	int64_t body = 0;
	int r;

	snprintf(path, sizeof(path), "/tmp/dondoc-audit-bench-%ld.db", (long)getpid());
	snprintf(copy, sizeof(copy), "%s.backup", path);
	if (commits(path, "full", &full) < 0 || commits(path, "normal", &normal) < 0)
		return 1;
	printf("commits of one audited write: %.0f/s synchronous=FULL (default), %.0f/s NORMAL\n",
	       full, normal);
	setenv("DONDOC_SYNCHRONOUS", "full", 1);
	db_remove(path, true, NULL);
	r = db_open(path, DB_CREATE, &db, &e);
	if (r == 0)
		r = root(db, &body, &e);
	t0 = now();
	for (long i = 0; r == 0 && i < NROWS; i += BATCH) {
		r = db_begin(db);
		for (long k = 0; r == 0 && k < BATCH; k++)
			r = add_unit(db, body, i + k, &e);
		if (r == 0)
			r = db_commit(db);
	}
	t = now() - t0;
	if (r < 0) {
		fprintf(stderr, "audit_bench: %s %s\n", e.msg, db ? db_errmsg(db) : "");
		return 1;
	}
	printf("audited inserts (keyed chain, sealed head): %d in %.2f s, %.0f rows/s\n", NROWS, t,
	       NROWS / t);
	t0 = now();
	r = audit_verify(db, &rep, &e);
	t = now() - t0;
	printf("check: %lld entries in %.2f s (%.0f entries/s)%s\n", (long long)rep.entries, t,
	       (double)rep.entries / t, r == 0 ? "" : e.msg);
	t0 = now();
	r = db_backup(db, copy, &e);
	t = now() - t0;
	if (r == 0 && stat(copy, &st) == 0)
		printf("backup: %.1f MB in %.3f s (%.0f MB/s)\n", (double)st.st_size / 1e6, t,
		       (double)st.st_size / 1e6 / t);
	else
		printf("backup failed: %s\n", e.msg);
	db_close(db);
	unlink(copy);
	db_remove(path, true, NULL);
	return 0;
}
