/* test_counters.c: the task counters equal a full recount after random writes through the core, at any date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/accounts/account.h"
#include "core/demo/demo.h"
#include "core/read/read.h"
#include "core/registry/registry.h"
#include "core/tasks/task.h"
#include "db/db.h"
#include "test_store.h"

#define NOPS 400

static const char *const dates[] = {"2023-06-30", "2023-10-20", "2024-03-31", "2025-01-01",
				    "2025-07-15", "2026-12-31", "2030-01-01"};

/* The store under test: a SQLite file, or a PostgreSQL address (test_store.h). */
static char store[256];

static int setup(void **state)
{
	struct db *db = NULL;
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-counters-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || db_open(store, DB_CREATE, &db, &e) < 0 ||
	    demo_create(db, &e) < 0) {
		fprintf(stderr, "demo: %s\n", e.msg);
		return -1;
	}
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	char path[256];

	snprintf(path, sizeof(path), "%s", db_path(*state));
	db_close(*state);
	db_remove(path, true, NULL);
	return 0;
}

/* task_stats from the counters and task_stats_scan from the tasks, the same at every date. */
static void stats_equal_recount(struct db *db)
{
	static const enum task_group_by bys[] = {TASK_BY_NONE, TASK_BY_UNIT, TASK_BY_BODY};

	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		for (size_t b = 0; b < sizeof(bys) / sizeof(bys[0]); b++) {
			struct arena *a = arena_new(1 << 22);
			struct task_stats got, want;
			struct err e = {0};

			assert_int_equal(task_stats(db, bys[b], dates[i], 0, a, &got, &e), 0);
			assert_int_equal(task_stats_scan(db, bys[b], dates[i], 0, a, &want, &e), 0);
			assert_memory_equal(&got.all, &want.all, sizeof(want.all));
			assert_int_equal(got.ngroups, want.ngroups);
			for (size_t g = 0; g < want.ngroups; g++) {
				assert_int_equal(got.groups[g].key, want.groups[g].key);
				assert_memory_equal(&got.groups[g].c, &want.groups[g].c,
						    sizeof(want.groups[g].c));
			}
			arena_free(a);
		}
	}
}

/* The roll-up's own counts of each body (read from the counters) equal the recount by body. */
static void rollup_equal_recount(struct db *db)
{
	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		struct arena *a = arena_new(1 << 22);
		struct read_rollup_row *rows;
		struct task_stats want;
		struct err e = {0};
		size_t n, seen = 0;

		assert_int_equal(task_stats_scan(db, TASK_BY_BODY, dates[i], 0, a, &want, &e), 0);
		assert_int_equal(read_task_rollup(db, NULL, 0, dates[i], a, &rows, &n, &e), 0);
		for (size_t r = 0; r < n; r++) {
			struct task_counts zero = {0};
			const struct task_counts *w = &zero;

			for (size_t g = 0; g < want.ngroups; g++)
				if (want.groups[g].key == rows[r].body_id)
					w = &want.groups[g].c;
			seen += w != &zero;
			assert_memory_equal(rows[r].own, w, sizeof(*w));
		}
		assert_int_equal(seen, want.ngroups);
		arena_free(a);
	}
}

static void no_faults(struct db *db)
{
	struct arena *a = arena_new(1 << 20);
	struct task_tally_fault *f;
	struct err e = {0};
	size_t n = 99;

	assert_int_equal(task_tally_check(db, a, &f, &n, &e), 0);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "# fault: body %lld lower %lld unit %lld (%s)\n",
			(long long)f[i].body_id, (long long)f[i].lower_body_id,
			(long long)f[i].unit_id, f[i].unit);
	assert_int_equal(n, 0);
	arena_free(a);
}

static void date_text(unsigned r, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", 2023 + r % 3, 1 + (r / 3) % 12, 1 + (r / 41) % 28);
}

/* The demo's tasks and NOPS random writes of every kind through the core, then the recounts. */
static void random_writes_keep_the_counters(void **state)
{
	static const char *const units[] = {"Văn phòng Huyện ủy",
					    "Thường trực Huyện ủy",
					    "Ban Thường vụ Huyện ủy",
					    "Thủ trưởng các cơ quan, đơn vị",
					    "UBND huyện",
					    "Đảng ủy xã Liên Sơn",
					    "Đảng ủy xã Ngọc Lý"};
	static const char *const commune_units[] = {"Ủy ban nhân dân xã Liên Sơn",
						    "Ủy ban Mặt trận Tổ quốc xã Liên Sơn"};
	struct db *db = *state;
	struct arena *a = arena_new(1 << 24);
	struct reg_body hu, ls;
	struct task_filter f = {.as_of = "2099-01-01"};
	struct task *v;
	int64_t ids[NOPS + 64];
	size_t nids = 0, n;
	int done[8] = {0};
	unsigned seed = 7;

	assert_int_equal(reg_body_by_name(db, "Huyện ủy Tân Yên", a, &hu, NULL), 0);
	assert_int_equal(reg_body_by_name(db, "Đảng ủy xã Liên Sơn", a, &ls, NULL), 0);
	assert_int_equal(task_list(db, &f, a, &v, &n, NULL), 0);
	for (size_t i = 0; i < n && nids < 64; i++)
		ids[nids++] = v[i].id;
	no_faults(db);
	stats_equal_recount(db);
	for (int op = 0; op < NOPS; op++) {
		unsigned r = (seed = seed * 1103515245u + 12345u) >> 8;
		int64_t id = nids ? ids[r % nids] : 0;
		char d1[11], d2[11], dl[40];
		struct err e = {0};
		struct task *t = NULL;
		int kind = (int)(r >> 3) % 8, rc = -1;

		date_text(r >> 5, d1);
		date_text(r >> 9, d2);
		snprintf(dl, sizeof(dl), "%c%c/%c%c/%.4s", d2[8], d2[9], d2[5], d2[6], d2);
		if (id && task_get(db, id, "2099-01-01", a, &t, NULL) < 0)
			t = NULL;
		if (kind <= 1 || !t) {
			const char *leads[2] = {units[r % 7], units[(r / 7) % 7]};
			struct task_input in = {.body_id = hu.id,
						.content = "Nhiệm vụ thử bộ đếm",
						.assigned_on = "2023-01-01",
						.deadline = r % 5 == 0	 ? "thường xuyên"
							    : r % 7 == 0 ? NULL
									 : dl,
						.leads = leads,
						.nleads = leads[0] == leads[1] ? 1 : 2};
			int64_t nid;

			rc = task_add(db, &in, &nid, &e);
			if (rc == 0 && nids < sizeof(ids) / sizeof(ids[0]))
				ids[nids++] = nid;
			kind = 0;
		} else if (kind == 2 || kind == 3) {
			struct task_report_input ri = {.unit =
							   t->nunits ? t->units[0].name : units[0],
						       .on_date = d1,
						       .text = "Đã triển khai",
						       .percent = "50",
						       .close_request = kind == 3};

			rc = task_report(db, id, &ri, NULL, &e);
		} else if (kind == 4) {
			rc = task_confirm(db, id, d1, NULL, &e);
		} else if (kind == 5) {
			rc = r % 2 ? task_send_back(db, id, d1, "Chưa đạt", &e)
				   : task_confirm(db, id, d2, NULL, &e);
		} else if (kind == 6) {
			struct task_extend_input x = {
			    .deadline = dl, .reason = "Theo đề nghị", .decided_on = d1};

			rc = task_extend(db, id, &x, &e);
		} else if (r % 2) {
			const char *leads[1] = {units[(r / 3) % 7]};
			const char *coords[1] = {units[(r / 5) % 7]};
			struct task_edit_input ed = {.has_units = true,
						     .leads = leads,
						     .nleads = 1,
						     .coords = coords,
						     .ncoords = leads[0] != coords[0]};

			rc = task_edit(db, id, &ed, &e);
		} else {
			const char *leads[1] = {commune_units[r % 2]};
			struct task_input in = {.content = "Giao tiếp cho đơn vị của xã",
						.assigned_on = d1,
						.leads = leads,
						.nleads = 1};
			int64_t nid;

			rc = task_split(db, id, ls.id, &in, &nid, &e);
			if (rc == 0 && nids < sizeof(ids) / sizeof(ids[0]))
				ids[nids++] = nid;
		}
		if (rc == 0)
			done[kind]++;
		if (op % 50 == 49)
			no_faults(db);
	}
	/* Every kind of write happened, some many times. */
	for (int k = 0; k < 8; k++) {
		if (k == 1)
			continue;
		if (done[k] == 0)
			fail_msg("no write of kind %d succeeded", k);
	}
	no_faults(db);
	stats_equal_recount(db);
	rollup_equal_recount(db);
	arena_free(a);
}

/* A repair rebuilds the same counters the writes kept. */
static void repair_gives_the_same_counters(void **state)
{
	struct db *db = *state;
	struct arena *a = arena_new(1 << 22);
	struct task_stats before, after;

	assert_int_equal(task_stats(db, TASK_BY_UNIT, "2024-03-31", 0, a, &before, NULL), 0);
	assert_int_equal(task_tally_repair(db, NULL), 0);
	no_faults(db);
	assert_int_equal(task_stats(db, TASK_BY_UNIT, "2024-03-31", 0, a, &after, NULL), 0);
	assert_memory_equal(&before.all, &after.all, sizeof(after.all));
	assert_int_equal(before.ngroups, after.ngroups);
	arena_free(a);
}

/* One integer from SQL run on the store's file through its own connection. */
static int64_t sql_int(struct db *db, const char *sql)
{
	(void)db;
	return test_store_int(store, sql);
}

/*
 * The due years (migration 21) that "overdue at D" sums: a year row out of
 * step is named by the check, moves the overdue count, and the repair
 * rebuilds it from the tasks.
 */
static void a_due_year_out_of_step_is_found_and_repaired(void **state)
{
	struct db *db = *state;
	struct arena *a = arena_new(1 << 22);
	struct task_tally_fault *f;
	struct task_stats good, bad;
	size_t n = 0;

	assert_true(sql_int(db, "SELECT count(*) FROM task_tally_due WHERE g = 2 AND n > 0") > 0);
	assert_int_equal(task_stats(db, TASK_BY_BODY, "2030-01-01", 0, a, &good, NULL), 0);
	sql_int(db, "UPDATE task_tally_due SET n = n + 5 WHERE g = 2 AND unit_id = 0 AND"
		    " (body_id, lower_body_id, due) = (SELECT body_id, lower_body_id, due FROM"
		    " task_tally_due WHERE g = 2 AND unit_id = 0 AND n > 0 AND due < '2030'"
		    " ORDER BY 1, 2, 3 LIMIT 1)");
	assert_int_equal(task_tally_check(db, a, &f, &n, NULL), 0);
	assert_true(n > 0);
	assert_int_equal(task_stats(db, TASK_BY_BODY, "2030-01-01", 0, a, &bad, NULL), 0);
	assert_int_equal(bad.all.n[TASK_OPEN_OVERDUE], good.all.n[TASK_OPEN_OVERDUE] + 5);
	assert_int_equal(task_tally_repair(db, NULL), 0);
	no_faults(db);
	stats_equal_recount(db);
	arena_free(a);
}

static struct account account_named(struct db *db, const char *login)
{
	struct account a = {0};
	int64_t id = 0;

	assert_int_equal(db_query_int(db, SQL_ACCOUNT_ID, &id, "t", login), 0);
	assert_int_equal(account_get(db, id, &a, NULL), 0);
	return a;
}

static int64_t docs_seen(struct db *db, const struct account *acct)
{
	struct read_counts c;

	assert_int_equal(read_counts(db, acct, &c), 0);
	return c.documents;
}

static int64_t doc_add(struct db *db, int64_t body, const char *conf, unsigned i)
{
	char title[64];
	int64_t id = 0;
	struct reg_doc d = {.type_code = "TB",
			    .body_id = body,
			    .date = "2025-03-01",
			    .title = title,
			    .confidentiality = conf};

	snprintf(title, sizeof(title), "Văn bản đếm thử %u", i);
	assert_int_equal(reg_doc_add(db, &d, &id, NULL), 0);
	return id;
}

static size_t doc_faults(struct db *db)
{
	struct arena *a = arena_new(1 << 20);
	struct reg_doc_tally_fault *f;
	size_t n = 99;

	assert_int_equal(reg_doc_tally_check(db, a, &f, &n, NULL), 0);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, "# document counter fault: body %lld (%s)\n",
			(long long)f[i].body_id, f[i].body);
	arena_free(a);
	return n;
}

/*
 * Documents added, moved, re-graded and deleted: the document counters equal
 * a recount, the dashboard counts for an uncleared viewer only the ordinary
 * documents of its district, for the admin every document; a counter set
 * wrong is found and repaired.
 */
static void document_counters_follow_every_write(void **state)
{
	struct db *db = *state;
	struct account admin = account_named(db, "admin"), xem = account_named(db, "xem");
	int64_t hu = sql_int(db, "SELECT min(body_id) FROM account_body WHERE account_id ="
				 " (SELECT id FROM account WHERE login = 'xem')"),
		nbodies = sql_int(db, "SELECT max(id) FROM body");
	int64_t seen = docs_seen(db, &xem);
	char sql[256];
	unsigned rnd = 7;

	assert_true(hu > 0);
	doc_add(db, hu, "mat", 0);
	assert_int_equal(docs_seen(db, &xem), seen);
	doc_add(db, hu, "thuong", 1);
	assert_int_equal(docs_seen(db, &xem), seen + 1);
	for (unsigned i = 2; i < 60; i++) {
		static const char *const confs[] = {"thuong", "mat", "toi_mat"};

		rnd = rnd * 1103515245u + 12345u;
		doc_add(db, (int64_t)(rnd >> 8) % (nbodies + 1), confs[(rnd >> 4) % 3], i);
	}
	snprintf(sql, sizeof(sql),
		 "UPDATE document SET confidentiality = 'mat' WHERE title LIKE 'Văn bản đếm thử %%'"
		 " AND id %% 3 = 0 RETURNING 1");
	sql_int(db, sql);
	snprintf(sql, sizeof(sql),
		 "UPDATE document SET body_id = %lld WHERE title LIKE 'Văn bản đếm thử %%'"
		 " AND id %% 5 = 0 RETURNING 1",
		 (long long)hu);
	sql_int(db, sql);
	sql_int(db, "DELETE FROM document WHERE title LIKE 'Văn bản đếm thử %' AND id % 7 = 0 "
		    "RETURNING 1");
	assert_int_equal(doc_faults(db), 0);
	assert_int_equal(docs_seen(db, &admin), sql_int(db, "SELECT count(*) FROM document"));

	sql_int(db, "UPDATE doc_tally SET n = n + 1 WHERE secret = 0 AND body_id = "
		    "(SELECT min(body_id) FROM doc_tally WHERE body_id > 0) RETURNING 1");
	assert_int_equal(doc_faults(db), 1);
	assert_int_equal(reg_doc_tally_repair(db, NULL), 0);
	assert_int_equal(doc_faults(db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(random_writes_keep_the_counters),
	    cmocka_unit_test(repair_gives_the_same_counters),
	    cmocka_unit_test(a_due_year_out_of_step_is_found_and_repaired),
	    cmocka_unit_test(document_counters_follow_every_write),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
