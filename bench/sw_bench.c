/* sw_bench.c: session work at a province committee's size: attendance, votes, comments, the incorporation table, minutes. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/sessionwork/sessionwork.h"
#include "db/db.h"
#include "render/cmt_table.h"

#define N_MEMBERS 200
#define N_ITEMS 50
#define N_COMMENTS 2000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fixture(const char *path)
{
	sqlite3 *h;
	char sql[256];
	int rc = 0;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		return -1;
	rc |= sqlite3_exec(
	    h,
	    "BEGIN;"
	    "INSERT INTO body(id, level, kind, name, code) VALUES"
	    " (1, 'tinh', 'party', 'Tỉnh ủy Bắc Giang', 'TU');"
	    "INSERT INTO term(id, body_id, name, year_from, year_to) VALUES"
	    " (1, 1, 'XX', 2025, 2030);"
	    "INSERT INTO organ(id, body_id, kind, name) VALUES"
	    " (1, 1, 'bch', 'Ban Chấp hành Đảng bộ tỉnh');"
	    "INSERT INTO unit(id, body_id, kind, name) VALUES (1, 1, 'organ', 'Văn phòng "
	    "Tỉnh ủy');"
	    "INSERT INTO session(id, organ_id, term_id, number, date) VALUES"
	    " (1, 1, 1, 5, '2026-10-04');"
	    "INSERT INTO document(id, type_code, body_id, title, text) VALUES"
	    " (1, 'BC', 1, 'tình hình kinh tế - xã hội', 'Dự thảo.');",
	    NULL, NULL, NULL);
	for (int i = 1; i <= N_MEMBERS && rc == 0; i++) {
		snprintf(sql, sizeof(sql),
			 "INSERT INTO person(id, full_name) VALUES (%d, 'Ủy viên số %d');"
			 "INSERT INTO membership(person_id, organ_id, position) VALUES (%d, 1, "
			 "'Ủy viên');",
			 i, i, i);
		rc |= sqlite3_exec(h, sql, NULL, NULL, NULL);
	}
	for (int i = 1; i <= N_ITEMS && rc == 0; i++) {
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO agenda_item(id, session_id, position, doc_kind, title) VALUES "
		    "(%d, 1, %d, 'Tờ trình', 'nội dung số %d');",
		    i, i, i);
		rc |= sqlite3_exec(h, sql, NULL, NULL, NULL);
	}
	rc |= sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h);
	return rc == 0 ? 0 : -1;
}

int main(void)
{
	char path[128];
	struct db *db = NULL;
	struct err e = {0};
	struct arena *a = arena_new(256u << 20);
	struct buf out = BUF_INIT(256u << 20);
	struct cmt_table t;
	double t0, t1;
	int r = 0;

	snprintf(path, sizeof(path), "/tmp/dondoc-sw-bench-%ld.db", (long)getpid());
	db_remove(path, true, NULL);
	if (!a || db_open(path, DB_CREATE, &db, &e) < 0 || fixture(path) < 0) {
		fprintf(stderr, "sw_bench: set-up failed: %s\n", e.msg);
		return 1;
	}

	t0 = now();
	for (int p = 1; p <= N_MEMBERS && r == 0; p++)
		r = sw_attend(db, 1, p, p % 20 ? SW_PRESENT : SW_ABSENT, p % 20 ? NULL : "ốm", NULL,
			      &e);
	t1 = now();
	printf("attendance: %d members recorded, one transaction each: %.2f ms each\n", N_MEMBERS,
	       (t1 - t0) * 1e3 / N_MEMBERS);

	t0 = now();
	for (int i = 1; i <= N_ITEMS && r == 0; i++) {
		struct sw_vote_in v = {.agenda_item_id = i,
				       .n_for = 150 + i % 40,
				       .wording = i % 40 + 150 > 100 ? "nhất trí" : NULL};

		r = vote_record(db, &v, NULL, &e);
	}
	t1 = now();
	printf("votes: %d items judged against %d members in office: %.2f ms each\n", N_ITEMS,
	       N_MEMBERS, (t1 - t0) * 1e3 / N_ITEMS);

	t0 = now();
	if (r == 0)
		r = db_begin(db);
	for (int i = 0; i < N_COMMENTS && r == 0; i++) {
		int64_t id;

		r = cmt_add(
		    db, 1, 1, 1 + i % N_MEMBERS, 0, i % 3 ? "mục 2" : NULL,
		    "Đề nghị bổ sung số liệu về thu ngân sách và giải ngân vốn đầu tư công.", &id,
		    &e);
		if (r == 0)
			r = cmt_respond(db, id, i % 2 ? CMT_TIEP_THU : CMT_GIAI_TRINH,
					"Đã tiếp thu, chỉnh sửa tại mục 2.", 1, &e);
	}
	if (r == 0)
		r = db_commit(db);
	t1 = now();
	printf("comments: %d added and answered in one transaction: %.3f ms each\n", N_COMMENTS,
	       (t1 - t0) * 1e3 / N_COMMENTS);

	t0 = now();
	if (r == 0)
		r = cmt_table_load(db, 1, a, &t, &e);
	if (r == 0)
		r = cmt_table_html(&t, &out);
	t1 = now();
	printf(
	    "incorporation table: %d comments loaded and rendered as HTML (%zu bytes): %.1f ms\n",
	    N_COMMENTS, out.len, (t1 - t0) * 1e3);

	t0 = now();
	if (r == 0)
		r = minutes_draft(db, 1, false, &e);
	t1 = now();
	printf("minutes: drafted from %d attendees and %d votes: %.1f ms\n", N_MEMBERS, N_ITEMS,
	       (t1 - t0) * 1e3);

	if (r < 0)
		fprintf(stderr, "sw_bench: %s\n", err_msg(&e, r));
	buf_free(&out);
	arena_free(a);
	db_close(db);
	db_remove(path, true, NULL);
	return r < 0;
}
