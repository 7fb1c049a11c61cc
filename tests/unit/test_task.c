/* test_task.c: task statuses at their edges, deadlines, reports, bad input and rates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/demo/demo.h"
#include "db/db.h"
#include "core/demo/demo_tasks.h"
#include "core/outbox/outbox.h"
#include "core/tasks/task.h"
#include "core/tasks/task_remind.h"
#include "render/entity.h"
#include "test_store.h"
#include "util/jw.h"

#include <jansson.h>

static void due_today_not_done_is_in_time(void **state)
{
	assert_int_equal(task_status_at(false, "2023-12-04", NULL, "2023-12-04"),
			 TASK_OPEN_IN_TIME);
	assert_int_equal(task_status_at(false, "2023-12-04", NULL, "2023-12-05"),
			 TASK_OPEN_OVERDUE);
}

static void completed_on_the_deadline_is_on_time(void **state)
{
	assert_int_equal(task_status_at(false, "2023-12-04", "2023-12-04", "2023-12-31"),
			 TASK_DONE_ON_TIME);
}

static void completed_a_day_late_is_late(void **state)
{
	assert_int_equal(task_status_at(false, "2023-12-04", "2023-12-05", "2023-12-31"),
			 TASK_DONE_LATE);
	/* Before the completion date the task was still open and overdue. */
	assert_int_equal(task_status_at(false, "2023-12-04", "2023-12-06", "2023-12-05"),
			 TASK_OPEN_OVERDUE);
}

static void no_deadline_is_never_overdue(void **state)
{
	assert_int_equal(task_status_at(false, NULL, NULL, "2099-01-01"), TASK_OPEN_IN_TIME);
	assert_int_equal(task_status_at(false, NULL, "2023-10-05", "2099-01-01"),
			 TASK_DONE_ON_TIME);
	assert_int_equal(task_status_at(true, NULL, NULL, "2099-01-01"), TASK_STANDING);
}

static void rate_counts_only_tasks_due(void **state)
{
	struct task_counts c = {0};
	struct vn_dec r;

	/* Báo cáo 1270/BC-TCTTTg: 14.068 on time, 1.983 late, 223 overdue, 5.640 in time. */
	for (int i = 0; i < 14068; i++)
		task_counts_add(&c, TASK_DONE_ON_TIME, true);
	for (int i = 0; i < 1983; i++)
		task_counts_add(&c, TASK_DONE_LATE, true);
	for (int i = 0; i < 223; i++)
		task_counts_add(&c, TASK_OPEN_OVERDUE, true);
	for (int i = 0; i < 5640; i++)
		task_counts_add(&c, TASK_OPEN_IN_TIME, true);
	assert_int_equal(c.due, 16274);
	assert_int_equal(c.due_done, 16051);
	assert_true(task_counts_rate(&c, &r));
	assert_int_equal(r.units, 9863); /* 98,63% */
	assert_int_equal(r.scale, 2);
}

static void deadline(const char *text, const char *base, const char *want,
		     enum task_deadline_kind kind)
{
	struct task_deadline d;
	struct vn_date b = {0, 0, 0};
	struct err e = {0};
	char got[11];

	if (base)
		assert_int_equal(vn_date_parse(base, strlen(base), 0, &b, NULL), 0);
	assert_int_equal(task_deadline_parse(text, b, &d, &e), 0);
	assert_int_equal(d.kind, kind);
	vn_date_iso(d.due, got);
	assert_string_equal(got, want);
}

static void deadlines_resolve(void **state)
{
	struct task_deadline d;
	struct err e = {0};

	deadline("02 tháng tới", "04/10/2023", "2023-12-04", TASK_DL_SPAN);
	deadline("trước ngày 10/12/2023", NULL, "2023-12-10", TASK_DL_DATE);
	deadline("quý IV/2023", NULL, "2023-12-31", TASK_DL_PERIOD);
	deadline("quý 1 năm 2024", NULL, "2024-03-31", TASK_DL_PERIOD);
	deadline("tháng 2/2024", NULL, "2024-02-29", TASK_DL_PERIOD);
	deadline("6 tháng đầu năm 2024", NULL, "2024-06-30", TASK_DL_PERIOD);
	deadline("15 ngày", "04/10/2023", "2023-10-19", TASK_DL_SPAN);
	deadline("Thường xuyên", NULL, "", TASK_DL_STANDING);
	deadline("", NULL, "", TASK_DL_NONE);
	assert_int_equal(
	    task_deadline_parse("sớm nhất có thể", (struct vn_date){2023, 10, 4}, &d, &e),
	    ERR_INVAL);
	assert_non_null(strstr(e.msg, "thời hạn"));
	assert_int_equal(task_deadline_parse("quý V/2023", (struct vn_date){2023, 10, 4}, &d, &e),
			 ERR_INVAL);
}

/* Found in a sentence, a deadline resolves as the same words typed in a field do. */
static void deadlines_in_sentences_resolve_as_typed(void **state)
{
	static const char *const sentences[][2] = {
	    {"xác định rõ thời gian 02 tháng tới là giai đoạn quan trọng", "02 tháng tới"},
	    {"rà soát các nguồn thu, hoàn thành trước ngày 10/12/2023.", "trước ngày 10/12/2023"},
	    {"kế hoạch sản xuất vụ Đông trong quý III năm 2024, báo cáo UBND huyện",
	     "trong quý III năm 2024"},
	    {"tổng hợp ý kiến, báo cáo trong 15 ngày", "trong 15 ngày"},
	    {"theo dõi, đôn đốc thường xuyên", "thường xuyên"},
	};
	struct vn_date base = {2023, 10, 4};
	struct arena *a = arena_new(1 << 16);
	struct err e = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
		const char *s = sentences[i][0];
		struct task_deadline found, typed;
		size_t off, len;

		assert_int_equal(
		    task_deadline_find(s, strlen(s), base, 2023, a, &found, &off, &len, &e), 0);
		assert_string_equal(found.words, sentences[i][1]);
		assert_memory_equal(s + off, sentences[i][1], len);
		assert_int_equal(task_deadline_parse(sentences[i][1], base, &typed, &e), 0);
		assert_int_equal(found.kind, typed.kind);
		assert_int_equal(vn_date_cmp(found.due, typed.due), 0);
	}
	assert_int_equal(task_deadline_find("Giao Văn phòng tiếp thu ý kiến",
					    strlen("Giao Văn phòng tiếp thu ý kiến"), base, 2023, a,
					    &(struct task_deadline){0}, &(size_t){0}, &(size_t){0},
					    &e),
			 ERR_NOTFOUND);
	arena_free(a);
}

/* The record hook: counts its calls in the int its message points to. */
static int outbox_note(struct db *db, const struct outbox_msg *m, struct err *e)
{
	(void)db;
	(void)e;
	(*(int *)m->ctx)++;
	assert_int_equal(m->status, OUTBOX_FAILED);
	assert_non_null(m->reason);
	return 0;
}

/* A server that cannot be reached: each message fails with its reason, recorded; no address, no try. */
static void outbox_records_each_outcome(void **state)
{
	struct mail_server srv = {
	    .url = "smtp://127.0.0.1:1", .from = "dondoc@localhost", .timeout_ms = 2000};
	int calls = 0;
	struct outbox_msg v[3] = {
	    {.to = "a@tanyen.example",
	     .subject = "A",
	     .body = "a\n",
	     .record = outbox_note,
	     .ctx = &calls},
	    {.to = NULL, .subject = "B", .body = "b\n", .record = outbox_note, .ctx = &calls},
	    {.to = "c@tanyen.example",
	     .subject = "C",
	     .body = "c\n",
	     .record = outbox_note,
	     .ctx = &calls},
	};
	struct arena *a = arena_new(1 << 16);
	struct outbox_counts c;
	struct err e = {0};

	(void)state;
	assert_int_equal(outbox_send(NULL, &srv, v, 3, a, &c, &e), 0);
	assert_int_equal(c.sent, 0);
	assert_int_equal(c.failed, 2);
	assert_int_equal(c.no_address, 1);
	assert_int_equal(calls, 2);
	assert_int_equal(v[1].status, OUTBOX_NO_ADDRESS);
	assert_string_equal(outbox_status_code(v[2].status), "failed");
	arena_free(a);
}

static void status_names_parse(void **state)
{
	enum task_status s;

	assert_int_equal(task_status_parse("qua_han", &s, NULL), 0);
	assert_int_equal(s, TASK_OPEN_OVERDUE);
	assert_int_equal(task_status_parse("Chưa hoàn thành quá hạn", &s, NULL), 0);
	assert_int_equal(s, TASK_OPEN_OVERDUE);
	assert_int_equal(task_status_parse("chua hoan thanh trong han", &s, NULL), 0);
	assert_int_equal(s, TASK_OPEN_IN_TIME);
	assert_int_equal(task_status_parse("xong", &s, NULL), ERR_INVAL);
}

/* A demo store in a temporary file. */
static int demo_setup(void **state)
{
	static char path[256];
	struct db *db = NULL;
	struct err e = {0};

	snprintf(path, sizeof(path), "/tmp/dondoc-test-task-%ld.db", (long)getpid());
	if (test_store_fresh(path, sizeof(path)) < 0 || db_open(path, DB_CREATE, &db, &e) < 0)
		return -1;
	if (demo_create(db, &e) < 0) {
		/* Another part of the demo failed: run the tasks part alone on a fresh store. */
		fprintf(stderr, "# demo: %s; the tasks part runs alone\n", e.msg);
		db_close(db);
		snprintf(path, sizeof(path), "/tmp/dondoc-test-task-%ld.db", (long)getpid());
		if (test_store_fresh(path, sizeof(path)) < 0 ||
		    db_open(path, DB_CREATE, &db, &e) < 0 || db_begin(db) < 0 ||
		    demo_tasks(db, &e) < 0 || db_commit(db) < 0) {
			fprintf(stderr, "demo: %s\n", e.msg);
			return -1;
		}
	}
	*state = db;
	return 0;
}

static int demo_teardown(void **state)
{
	char path[256];

	snprintf(path, sizeof(path), "%s", db_path(*state));
	db_close(*state);
	db_remove(path, true, NULL);
	return 0;
}

static int64_t count_events(struct db *db, int64_t id)
{
	struct arena *a = arena_new(1 << 20);
	struct task *t;
	int64_t n;

	assert_int_equal(task_get(db, id, "2023-12-31", a, &t, NULL), 0);
	n = (int64_t)t->nevents;
	arena_free(a);
	return n;
}

static void seed_section_2_is_due_2023_12_04(void **state)
{
	struct db *db = *state;
	struct arena *a = arena_new(1 << 24);
	struct task_filter f = {.as_of = "2023-12-05"};
	struct task *v;
	size_t n;
	bool found = false;

	assert_int_equal(task_list(db, &f, a, &v, &n, NULL), 0);
	for (size_t i = 0; i < n; i++) {
		if (v[i].section && strcmp(v[i].section, "2") == 0) {
			found = true;
			assert_string_equal(v[i].due, "2023-12-04");
			assert_string_equal(v[i].assigned_on, "2023-10-04");
			assert_int_equal(v[i].nunits, 2);
			assert_int_equal(v[i].status, TASK_OPEN_OVERDUE);
		}
	}
	assert_true(found);
	arena_free(a);
}

static void demo_shows_every_status(void **state)
{
	struct arena *a = arena_new(1 << 24);
	struct task_stats st;

	assert_int_equal(task_stats(*state, TASK_BY_NONE, "2023-11-27", 0, a, &st, NULL), 0);
	for (int s = 0; s < TASK_NSTATUS; s++)
		assert_true(st.all.n[s] > 0);
	arena_free(a);
}

static void bad_input_is_refused_and_nothing_written(void **state)
{
	struct db *db = *state;
	struct task_report_input rep = {
	    .unit = "Văn phòng Huyện ủy", .text = "Thêm báo cáo", .on_date = "2023-11-01"};
	const char *ghost[] = {"Ban Không Tồn Tại"};
	struct task_input in = {
	    .content = "Việc thử", .leads = ghost, .nleads = 1, .assigned_on = "2023-10-04"};
	struct err e = {0};
	int64_t id = 0, before;

	/* Task 2 (section 3) was confirmed on 25/10/2023. */
	before = count_events(db, 2);
	assert_int_equal(task_report(db, 2, &rep, NULL, &e), ERR_LOCKED);
	assert_non_null(strstr(e.msg, "đã được xác nhận hoàn thành"));
	assert_int_equal(count_events(db, 2), before);

	before = count_events(db, 1);
	assert_int_equal(task_confirm(db, 1, "2023-10-01", NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "trước ngày giao"));
	assert_int_equal(count_events(db, 1), before);

	assert_int_equal(task_add(db, &in, &id, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "Ban Không Tồn Tại"));
	{
		struct arena *a = arena_new(1 << 20);
		struct task *t;

		assert_int_equal(task_get(db, 7, "2023-12-31", a, &t, NULL), ERR_NOTFOUND);
		arena_free(a);
	}

	/* A unit not given the task may not report on it. */
	rep.unit = "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện";
	before = count_events(db, 6);
	assert_int_equal(task_report(db, 6, &rep, NULL, &e), ERR_INVAL);
	assert_int_equal(count_events(db, 6), before);
}

static void report_close_confirm_and_send_back(void **state)
{
	struct db *db = *state;
	struct task_report_input rep = {.unit = "Thủ trưởng các cơ quan, đơn vị",
					.text = "Đã rà soát xong 30/30 công trình",
					.on_date = "2023-12-01",
					.close_request = true};
	struct arena *a = arena_new(1 << 20);
	struct task *t;

	assert_int_equal(task_report(db, 6, &rep, NULL, NULL), 0);
	assert_int_equal(task_send_back(db, 6, "2023-12-02", "Thiếu danh mục kèm theo", NULL), 0);
	assert_int_equal(task_get(db, 6, "2023-12-31", a, &t, NULL), 0);
	assert_string_equal(t->state, "open");
	assert_int_equal(t->status, TASK_OPEN_OVERDUE);
	assert_int_equal(task_confirm(db, 6, "2023-12-03", NULL, NULL), 0);
	assert_int_equal(task_get(db, 6, "2023-12-31", a, &t, NULL), 0);
	assert_int_equal(t->status, TASK_DONE_LATE);
	assert_string_equal(t->latest_report, "Đã rà soát xong 30/30 công trình");
	assert_int_equal(t->nevents, 5);
	arena_free(a);
}

static void reminders_are_planned_once(void **state)
{
	struct db *db = *state;
	struct arena *a = arena_new(1 << 24);
	struct task_remind_opts o = {.as_of = "2023-11-28", .before_days = 7};
	struct task_digest *d;
	size_t n;

	assert_int_equal(task_remind_plan(db, &o, a, &d, &n, NULL), 0);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(task_remind_record(db, &d[i], NULL), 0);
	assert_int_equal(task_remind_plan(db, &o, a, &d, &n, NULL), 0);
	assert_int_equal(n, 0);
	arena_free(a);
}

/* The statistics (counted inside SQLite) agree with task_status_at() task by task. */
static void stats_agree_with_statuses(void **state)
{
	static const char *const dates[] = {"2023-10-04", "2023-10-20", "2023-10-21",
					    "2023-10-31", "2023-11-15", "2023-11-16",
					    "2023-12-04", "2023-12-05", "2024-06-30"};
	static const enum task_group_by bys[] = {TASK_BY_NONE, TASK_BY_UNIT, TASK_BY_SOURCE,
						 TASK_BY_BODY, TASK_BY_PERIOD};

	for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		struct arena *a = arena_new(1 << 24);
		struct task_filter f = {.as_of = dates[i]};
		struct task_counts want = {0};
		struct task *v;
		size_t n;

		assert_int_equal(task_list(*state, &f, a, &v, &n, NULL), 0);
		for (size_t k = 0; k < n; k++)
			task_counts_add(&want, v[k].status, v[k].due != NULL);
		for (size_t b = 0; b < sizeof(bys) / sizeof(bys[0]); b++) {
			struct task_stats st;
			struct task_counts sum = {0};

			assert_int_equal(task_stats(*state, bys[b], dates[i], 0, a, &st, NULL), 0);
			assert_memory_equal(&st.all, &want, sizeof(want));
			for (size_t g = 0; g < st.ngroups; g++)
				sum.total += st.groups[g].c.total;
			if (bys[b] != TASK_BY_NONE)
				assert_true(sum.total >= want.total);
		}
		arena_free(a);
	}
}

/*
 * The task list's writer gives the very document jansson gave before it (the
 * same keys, order and escapes), and jansson reads back each text as stored:
 * quotes, a backslash, newlines, a tab, other control characters, Vietnamese.
 */
static void task_writer_is_the_json_jansson_writes(void **state)
{
	const char *content = "Rà soát \"Đề án 06\" \\ giai đoạn 2\ncủa xã\tLiên Sơn\r\x01\x1f/ 😀";
	struct read_task_row t = {.id = 1234567,
				  .content = content,
				  .assigned_on = "2026-01-05",
				  .deadline_text = "trước ngày 30/6/2026",
				  .due = "2026-06-30",
				  .completed_on = NULL,
				  .last_report_on = "2026-03-01",
				  .source_doc_id = 42,
				  .source_session_id = 0,
				  .lead = "Ban Tuyên giáo; Văn phòng \"Huyện ủy\""};
	struct read_tomb tomb = {.id = 9, .at = "2026-02-01T08:00:00"};
	struct buf b = BUF_INIT(1 << 16);
	struct jw w = {&b, 0};
	json_t *want, *got;
	char *dump;

	(void)state;
	jw_raw(&w, "[");
	ent_task_write(&w, &t, "2026-07-01");
	jw_raw(&w, ",");
	ent_tomb_write(&w, &tomb);
	jw_raw(&w, "]");
	assert_int_equal(w.rc, 0);
	want = json_pack(
	    "[{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:n, s:s, s:s, s:I, s:n, s:s, s:s}, "
	    "{s:I, s:b, s:s}]",
	    "id", (json_int_t)1234567, "type", "task", "content", content, "assigned_on",
	    "2026-01-05", "deadline", "trước ngày 30/6/2026", "due", "2026-06-30", "status",
	    task_status_code(TASK_OPEN_OVERDUE), "status_name", task_status_name(TASK_OPEN_OVERDUE),
	    "completed_on", "last_report_on", "2026-03-01", "lead",
	    "Ban Tuyên giáo; Văn phòng \"Huyện ủy\"", "source_doc", (json_int_t)42,
	    "source_session", "self", "/api/v1/tasks/1234567", "reports",
	    "/api/v1/tasks/1234567/reports", "id", (json_int_t)9, "deleted", 1, "modified",
	    "2026-02-01T08:00:00");
	assert_non_null(want);
	dump = json_dumps(want, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(buf_str(&b), dump);
	got = json_loads(buf_str(&b), 0, NULL);
	assert_non_null(got);
	assert_string_equal(json_string_value(json_object_get(json_array_get(got, 0), "content")),
			    content);
	assert_true(json_equal(got, want));
	free(dump);
	json_decref(want);
	json_decref(got);
	buf_free(&b);
}

/* Every byte below 0x20 escaped as jansson does; a byte that is not UTF-8 becomes U+FFFD. */
static void json_writer_escapes_as_jansson(void **state)
{
	char s[40];
	struct buf b = BUF_INIT(1024);
	struct jw w = {&b, 0};
	json_t *j;
	char *dump;

	(void)state;
	for (int i = 1; i < 0x20; i++)
		s[i - 1] = (char)i;
	memcpy(s + 31, "\"\\/\x7fÂ", 7);
	s[38] = '\0';
	jw_str(&w, s);
	j = json_string(s);
	assert_non_null(j);
	dump = json_dumps(j, JSON_ENCODE_ANY | JSON_COMPACT);
	assert_string_equal(buf_str(&b), dump);
	free(dump);
	json_decref(j);
	buf_reset(&b);
	jw_str(&w, "a\xC3(\xED\xA0\x80z");
	jw_str(&w, NULL);
	jw_int(&w, -9223372036854775807LL - 1);
	assert_int_equal(w.rc, 0);
	assert_string_equal(
	    buf_str(&b),
	    "\"a\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\"null-9223372036854775808");
	/* Runs of text around escapes, four-byte characters, a sequence cut short by the end. */
	buf_reset(&b);
	jw_str(&w, "Tiến độ \"xã\"\n\xF0\x9F\x98\x80 đạt\\\xE1\xBA");
	assert_int_equal(w.rc, 0);
	assert_string_equal(
	    buf_str(&b),
	    "\"Tiến độ \\\"xã\\\"\\n\xF0\x9F\x98\x80 đạt\\\\\xEF\xBF\xBD\xEF\xBF\xBD\"");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(due_today_not_done_is_in_time),
	    cmocka_unit_test(completed_on_the_deadline_is_on_time),
	    cmocka_unit_test(completed_a_day_late_is_late),
	    cmocka_unit_test(no_deadline_is_never_overdue),
	    cmocka_unit_test(rate_counts_only_tasks_due),
	    cmocka_unit_test(deadlines_resolve),
	    cmocka_unit_test(status_names_parse),
	    cmocka_unit_test(seed_section_2_is_due_2023_12_04),
	    cmocka_unit_test(demo_shows_every_status),
	    cmocka_unit_test(bad_input_is_refused_and_nothing_written),
	    cmocka_unit_test(report_close_confirm_and_send_back),
	    cmocka_unit_test(reminders_are_planned_once),
	    cmocka_unit_test(deadlines_in_sentences_resolve_as_typed),
	    cmocka_unit_test(outbox_records_each_outcome),
	    cmocka_unit_test(stats_agree_with_statuses),
	    cmocka_unit_test(task_writer_is_the_json_jansson_writes),
	    cmocka_unit_test(json_writer_escapes_as_jansson),
	};
	return cmocka_run_group_tests_name("task", tests, demo_setup, demo_teardown);
}
