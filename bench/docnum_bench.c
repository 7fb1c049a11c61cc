/* docnum_bench.c: speed of document number parsing and formatting, and of number allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/registry/docnum.h"
#include "core/registry/registry.h"
#include "db/db.h"
#include "util/buf.h"

/* How long each figure is measured for. */
#define RUN_SECONDS 0.5

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Every written form the register meets. */
static const char *const symbols[] = {
    "Số 512-TB/HU", "22-NQ/HU",	       "100 - KL/TW",	"158-QĐ/TW",	 "8011-CV/BTCTW",
    "101-KH/ĐU",    "Số: 123/TB-UBND", "68/2017/NĐ-CP", "5658/BCT-CTĐP", "6202/UBND-KT",
};
#define NSYM (sizeof(symbols) / sizeof(symbols[0]))

static void bench_parse(struct docnum *parsed)
{
	size_t len[NSYM];
	long n = 0, sink = 0;
	double t0, t;

	for (size_t i = 0; i < NSYM; i++)
		len[i] = strlen(symbols[i]);
	t0 = now();
	do {
		for (int k = 0; k < 1000; k++)
			for (size_t i = 0; i < NSYM; i++) {
				if (docnum_parse(symbols[i], len[i], &parsed[i], NULL) < 0) {
					fprintf(stderr, "docnum_bench: '%s' does not parse\n",
						symbols[i]);
					exit(1);
				}
				sink += parsed[i].number;
			}
		n += 1000 * (long)NSYM;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	printf("docnum_parse:   %10.0f symbols/s (%ld in %.2f s, check %ld)\n", (double)n / t, n, t,
	       sink % 7);
}

static void bench_format(const struct docnum *parsed)
{
	struct buf b = BUF_INIT(1 << 20);
	long n = 0;
	double t0, t;

	t0 = now();
	do {
		for (int k = 0; k < 1000; k++)
			for (size_t i = 0; i < NSYM; i++) {
				buf_reset(&b);
				if (docnum_format(&parsed[i], DOCNUM_WITH_PREFIX, &b) < 0) {
					fprintf(stderr, "docnum_bench: format failed\n");
					exit(1);
				}
			}
		n += 1000 * (long)NSYM;
		t = now() - t0;
	} while (t < RUN_SECONDS);
	buf_free(&b);
	printf("docnum_format:  %10.0f symbols/s (%ld in %.2f s)\n", (double)n / t, n, t);
}

/* Allocation, one committed transaction per number, on a temporary store. */
static void bench_alloc(void)
{
	struct reg_body b = {.level = REG_HUYEN, .kind = REG_PARTY, .name = "Bench", .code = "HU"};
	struct reg_term t = {.name = "I", .year_from = 2020, .year_to = 2025};
	char path[128], side[160];
	struct db *db;
	struct err e = {0};
	int64_t body, term;
	long n = 0, v;
	double t0, el;

	snprintf(path, sizeof(path), "/tmp/dondoc-docnum-bench-%ld.db", (long)getpid());
	db_remove(path, true, NULL);
	if (db_open(path, DB_CREATE, &db, &e) < 0 || db_begin(db) < 0 ||
	    reg_body_add(db, &b, &body, &e) < 0 || (t.body_id = body, 0) ||
	    reg_term_add(db, &t, &term, &e) < 0 || db_commit(db) < 0) {
		fprintf(stderr, "docnum_bench: store: %s\n", e.msg);
		exit(1);
	}
	t0 = now();
	do {
		if (docnum_next(db, body, "TB", term, &v, &e) < 0) {
			fprintf(stderr, "docnum_bench: %s\n", e.msg);
			exit(1);
		}
		n++;
		el = now() - t0;
	} while (el < RUN_SECONDS);
	printf("docnum_next:    %10.0f numbers/s (%ld in %.2f s, last %ld; WAL, one transaction "
	       "each)\n",
	       (double)n / el, n, el, v);
	db_close(db);
	db_remove(path, true, NULL);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int main(void)
{
	struct docnum parsed[NSYM];

	bench_parse(parsed);
	bench_format(parsed);
	bench_alloc();
	return 0;
}
