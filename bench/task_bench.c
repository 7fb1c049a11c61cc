/* task_bench.c: task statistics over 10^6 tasks of 3,400 bodies, and one unit's overdue tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/tasks/task.h"
#include "db/db.h"

#define NTASKS 1000000
#define NBODIES 3400
#define AS_OF "2023-12-15"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int fill(struct db *db)
{
	char name[64], due[16], done[16];
	unsigned seed = 12345;
	int r = db_begin(db);

	for (int b = 1; r == 0 && b <= NBODIES; b++) {
		snprintf(name, sizeof(name), "Đảng ủy xã %d", b);
		r = db_exec(db, SQL_TASK_BENCH_BODY, "dt", b, name);
		if (r == 0)
			r = db_exec(db, SQL_TASK_BENCH_UNIT, "ddtt", b, b, name, name);
	}
	/* Body 1's unit has exactly 25 open overdue tasks; every other of its tasks is done. */
	for (int i = 0, overdue1 = 0; r == 0 && i < NTASKS; i++) {
		/* In body order, so that the index on body_id is filled sequentially. */
		int b = (int)((int64_t)i * NBODIES / NTASKS) + 1;
		bool open;

		seed = seed * 1103515245u + 12345u;
		snprintf(due, sizeof(due), "2023-%02u-%02u", (seed >> 8) % 12 + 1,
			 (seed >> 16) % 28 + 1);
		open = (seed >> 4) % 5 < 2;
		if (b == 1) {
			open = overdue1 < 25;
			if (open) {
				snprintf(due, sizeof(due), "2023-11-%02d", overdue1 % 28 + 1);
				overdue1++;
			}
		}
		snprintf(done, sizeof(done), "2023-%02u-%02u", (seed >> 12) % 11 + 1,
			 (seed >> 20) % 28 + 1);
		r = db_exec(db, SQL_TASK_BENCH_TASK, "idtt", (int64_t)i + 1, b, due,
			    open ? NULL : done);
		if (r == 0)
			r = db_exec(db, SQL_TASK_BENCH_TASK_UNIT, "id", (int64_t)i + 1, b);
		/* Commit in batches: one huge transaction makes the WAL grow without end. */
		if (r == 0 && i % 20000 == 19999) {
			r = db_commit(db);
			if (r == 0)
				r = db_begin(db);
		}
	}
	if (r == 0)
		return db_commit(db);
	db_rollback(db);
	return r;
}

int main(void)
{
	char path[128];
	struct db *db = NULL;
	struct err e = {0};
	struct task_stats st;
	struct arena *a;
	int64_t *ids;
	size_t n = 0;
	double t0, best = 1e9, total = 0;

	snprintf(path, sizeof(path), "/tmp/dondoc-task-bench-%ld.db", (long)getpid());
	db_remove(path, true, NULL);
	t0 = now_ms();
	if (db_open(path, DB_CREATE, &db, &e) < 0 || fill(db) < 0) {
		fprintf(stderr, "task_bench: %s %s\n", e.msg, db ? db_errmsg(db) : "");
		return 1;
	}
	printf("task_bench: filled %d tasks in %.0f s\n", NTASKS, (now_ms() - t0) / 1000);
	fflush(stdout);
	for (int run = 0; run < 5; run++) {
		a = arena_new((size_t)1 << 28);
		t0 = now_ms();
		if (task_stats(db, TASK_BY_BODY, AS_OF, 0, a, &st, &e) < 0) {
			fprintf(stderr, "task_bench: %s\n", e.msg);
			return 1;
		}
		t0 = now_ms() - t0;
		best = t0 < best ? t0 : best;
		arena_free(a);
	}
	printf("task_stats: %d tasks, %zu bodies, by body: best of 5 %.1f ms (goal <= 200 ms)\n",
	       NTASKS, st.ngroups, best);
	a = arena_new((size_t)1 << 24);
	for (int run = 0; run < 1000; run++) {
		t0 = now_ms();
		task_overdue_of_unit(db, 1, AS_OF, a, &ids, &n, &e);
		total += now_ms() - t0;
	}
	arena_free(a);
	printf("task_overdue_of_unit: %zu overdue of one unit among %d tasks: mean %.3f ms over "
	       "1000 runs (goal <= 1 ms)\n",
	       n, NTASKS, total / 1000);
	db_close(db);
	db_remove(path, true, NULL);
	return 0;
}
