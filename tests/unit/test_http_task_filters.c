/* test_http_task_filters.c: the real server: GET /api/v1/tasks and the /tasks page narrowed by status, overdue, unit, body, source, due dates and words, paged, in the account's scope; a bad or unknown parameter is 400 naming it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>
#include <jansson.h>

#include "core/tasks/task.h"
#include "http/http.h"
#include "util/buf.h"
#include "vn/text.h"
#include "web/web.h"
#include "web_fixture.h"
#include "http_client.h"

static char tok_admin[65], tok_viewer[65], tok_reporter[65];

/*
 * The tasks, ids 1..NT, made from their number i: kind i % 5 is the status at
 * AS_OF (0 done on time, 1 done late, 2 open in time, 3 open overdue, 4
 * standing); assigned by Tỉnh ủy (body 1) when i % 10 == 0, else Yên Thế
 * (3) when i % 4 == 0, else Tân Yên (2); led by unit 2 (Yên Thế's) when i % 4
 * == 0, else unit 1 when i is odd, else 3; unit 4 co-ordinates when i % 6 ==
 * 0; from document 1 when i % 3 == 0; "chuyển đổi số" in the content when
 * i % 7 == 0. NT passes 100 so that /tasks has a second page.
 */
#define NT 130
#define NT_TEXT "130"
#define AS_OF "2024-06-30"

struct mt {
	int kind, body, lead, coord, source;
	bool digital;
	const char *due, *done;
};

static struct mt model(int i)
{
	static const char *const due[] = {"2024-05-31", "2024-05-31", "2024-07-31", "2024-06-15",
					  NULL};
	static const char *const done[] = {"2024-05-20", "2024-06-10", NULL, NULL, NULL};
	struct mt m = {.kind = i % 5};

	m.body = i % 10 == 0 ? 1 : i % 4 == 0 ? 3 : 2;
	m.lead = i % 4 == 0 ? 2 : i % 2 ? 1 : 3;
	m.coord = i % 6 == 0 ? 4 : 0;
	m.source = i % 3 == 0 ? 1 : 0;
	m.digital = i % 7 == 0;
	m.due = due[m.kind];
	m.done = done[m.kind];
	return m;
}

/* The ids of the whole list at path, following links.next; each page 200. */
static size_t walk(const char *tok, const char *path, int64_t *ids, size_t max)
{
	char next[1024];
	size_t n = 0;
	int pages = 0;

	snprintf(next, sizeof(next), "%s", path);
	for (;;) {
		json_t *j, *o, *ln;
		size_t i;
		long st = api_get(tok, next, &j);

		if (st != 200)
			fail_msg("GET %s: %ld: %s", next, st, json_dumps(j, 0));
		json_array_foreach(json_object_get(j, "data"), i, o)
		{
			assert_true(n < max);
			ids[n++] = json_integer_value(json_object_get(o, "id"));
		}
		ln = json_object_get(json_object_get(j, "links"), "next");
		if (!ln) {
			json_decref(j);
			return n;
		}
		assert_true(++pages < 100);
		snprintf(next, sizeof(next), "%s", json_string_value(ln));
		json_decref(j);
	}
}

/* Appends s as an SQL string literal (the model's texts have no quote), or NULL. */
static void lit(struct buf *b, const char *s)
{
	if (s)
		buf_printf(b, "'%s'", s);
	else
		buf_puts(b, "NULL");
}

static int setup(void **state)
{
	struct db *db = NULL;
	struct err e = {0};
	struct buf sql = BUF_INIT(1u << 20);
	int rc;

	snprintf(store, sizeof(store), "/tmp/dondoc-test-http-task-filters-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0)
		return -1;
	buf_puts(&sql, "BEGIN; DELETE FROM task_event; DELETE FROM task_unit; DELETE FROM task;"
		       "INSERT INTO unit(id, body_id, kind, name) VALUES"
		       " (3, 2, 'agency', 'Ban Tổ chức Huyện ủy'),"
		       " (4, 2, 'agency', 'Ban Tuyên giáo Huyện ủy');");
	for (int i = 1; i <= NT; i++) {
		struct mt m = model(i);
		struct buf fold = BUF_INIT(512);
		char content[200];

		snprintf(content, sizeof(content), "Nhiệm vụ thứ %d%s", i,
			 m.digital ? " về Chuyển đổi số" : "");
		vn_fold(content, strlen(content), &fold);
		buf_printf(&sql,
			   "INSERT INTO task(id, body_id, source_doc_id, content, assigned_on,"
			   " deadline_kind, deadline_text, due, state, completed_on, content_fold)"
			   " VALUES(%d, %d, ",
			   i, m.body);
		if (m.source)
			buf_printf(&sql, "%d", m.source);
		else
			buf_puts(&sql, "NULL");
		buf_printf(&sql, ", '%s', '2024-01-01', '%s', ", content,
			   m.kind == 4 ? "standing" : "date");
		lit(&sql, m.kind == 4 ? "thường xuyên" : m.due);
		buf_puts(&sql, ", ");
		lit(&sql, m.due);
		buf_printf(&sql, ", '%s', ", m.done ? "done" : "open");
		lit(&sql, m.done);
		buf_printf(&sql, ", '%s');", buf_str(&fold));
		buf_free(&fold);
		for (int k = 0; k < 2; k++) {
			int unit = k ? m.coord : m.lead;

			if (unit)
				buf_printf(&sql,
					   "INSERT INTO task_unit(task_id, unit_id, role)"
					   " VALUES(%d, %d, '%s');",
					   i, unit, k ? "coord" : "lead");
		}
	}
	buf_puts(&sql, "COMMIT;");
	rc = fx_exec(store, 1, buf_str(&sql));
	buf_free(&sql);
	if (rc < 0)
		return -1;
	if (db_open(store, 0, &db, &e) < 0 ||
	    account_token_new(db, "admin", "cong", tok_admin, &e) < 0 ||
	    account_token_new(db, "viewer", "cong", tok_viewer, &e) < 0 ||
	    account_token_new(db, "reporter", "cong", tok_reporter, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	db_close(db);
	return http_client_serve();
}

/* Who sees task m: the admin every one, the viewer Tân Yên's, the reporter its unit 1's. */
enum who { ADMIN, VIEWER, REPORTER };

static bool sees(enum who w, const struct mt *m)
{
	return w == ADMIN || (w == VIEWER && m->body == 2) ||
	       (w == REPORTER && (m->lead == 1 || m->coord == 1));
}

static bool any(const struct mt *m)
{
	return true;
}
static bool overdue(const struct mt *m)
{
	return m->kind == 3;
}
static bool done(const struct mt *m)
{
	return m->kind == 0 || m->kind == 1;
}
static bool on_time_or_standing(const struct mt *m)
{
	return m->kind == 0 || m->kind == 4;
}
static bool open_past_aug15(const struct mt *m)
{
	return m->kind == 2 || m->kind == 3;
}
static bool open_past_jun5(const struct mt *m)
{
	return m->kind == 1;
}
static bool unit3(const struct mt *m)
{
	return m->lead == 3;
}
static bool unit4(const struct mt *m)
{
	return m->coord == 4;
}
static bool body2(const struct mt *m)
{
	return m->body == 2;
}
static bool body1(const struct mt *m)
{
	return m->body == 1;
}
static bool source1(const struct mt *m)
{
	return m->source == 1;
}
static bool due_by_jun15(const struct mt *m)
{
	return m->due && strcmp(m->due, "2024-06-15") <= 0;
}
static bool due_from_jun16(const struct mt *m)
{
	return m->due && strcmp(m->due, "2024-06-16") >= 0;
}
static bool due_in_june(const struct mt *m)
{
	return m->kind == 3;
}
static bool digital(const struct mt *m)
{
	return m->digital;
}
static bool overdue_unit1_body2(const struct mt *m)
{
	return m->kind == 3 && m->lead == 1 && m->body == 2;
}
static bool open_from_doc1(const struct mt *m)
{
	return (m->kind >= 2) && m->source == 1;
}
static bool nothing(const struct mt *m)
{
	return false;
}

static const struct {
	enum who who;
	const char *query;
	bool (*want)(const struct mt *m);
} cases[] = {
    {ADMIN, "", any},
    {ADMIN, "status=qua_han", overdue},
    {ADMIN, "overdue=1", overdue},
    {ADMIN, "status=dung_han,tre_han", done},
    {ADMIN, "status=dung_han&status=thuong_xuyen", on_time_or_standing},
    {ADMIN, "status=qua_han&as_of=2024-08-15", open_past_aug15},
    {ADMIN, "overdue=1&as_of=2024-06-05", open_past_jun5},
    {ADMIN, "unit=3", unit3},
    {ADMIN, "unit=4", unit4},
    {ADMIN, "body=2", body2},
    {ADMIN, "body=1", body1},
    {ADMIN, "body=1&subtree=1", any},
    {ADMIN, "source=1", source1},
    {ADMIN, "due_before=2024-06-15", due_by_jun15},
    {ADMIN, "due_after=2024-06-16", due_from_jun16},
    {ADMIN, "due_after=2024-06-01&due_before=2024-06-30", due_in_june},
    {ADMIN, "q=chuyen%20doi%20so", digital},
    {ADMIN, "q=CHUY%E1%BB%82N%20%C4%90%E1%BB%94I", digital},
    {ADMIN, "overdue=1&unit=1&body=2", overdue_unit1_body2},
    {ADMIN, "open=1&source=1", open_from_doc1},
    {VIEWER, "", any},
    {VIEWER, "status=qua_han", overdue},
    {VIEWER, "body=1&subtree=1", any},
    {VIEWER, "body=3", nothing},
    {VIEWER, "overdue=1", overdue},
    {VIEWER, "overdue=1&as_of=2024-06-05", open_past_jun5},
    {REPORTER, "", any},
    {REPORTER, "status=qua_han", overdue},
    {REPORTER, "unit=3", nothing},
    {REPORTER, "overdue=1", overdue},
    {REPORTER, "overdue=1&status=qua_han&as_of=2024-06-05", open_past_jun5},
    {REPORTER, "body=1&subtree=1&q=chuyen%20doi", digital},
};

static void each_filter_returns_exactly_its_tasks(void **state)
{
	static const char *const toks[] = {tok_admin, tok_viewer, tok_reporter};

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		int64_t got[NT + 1], want[NT + 1];
		size_t ng, nw = 0;
		char path[512];

		snprintf(path, sizeof(path), "/api/v1/tasks?limit=7%s&%s",
			 strstr(cases[c].query, "as_of=") ? "" : "&as_of=" AS_OF, cases[c].query);
		ng = walk(toks[cases[c].who], path, got, NT + 1);
		for (int i = 1; i <= NT; i++) {
			struct mt m = model(i);

			if (sees(cases[c].who, &m) && cases[c].want(&m))
				want[nw++] = i;
		}
		if (ng != nw || memcmp(got, want, nw * sizeof(*want)) != 0) {
			fprintf(stderr, "GET %s as %d: %zu tasks, expected %zu:", path,
				cases[c].who, ng, nw);
			for (size_t i = 0; i < ng; i++)
				fprintf(stderr, " %lld", (long long)got[i]);
			fprintf(stderr, "\n");
			fail_msg("case %zu (%s)", c, cases[c].query);
		}
	}
}

static void the_statuses_are_those_at_as_of(void **state)
{
	json_t *j, *o;

	/* Task 3 (due 15/06/2024, open): overdue at 30/06, in time at 10/06. */
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks?after=2&limit=1&as_of=2024-06-10", &j),
			 200);
	o = json_array_get(json_object_get(j, "data"), 0);
	assert_int_equal(json_integer_value(json_object_get(o, "id")), 3);
	assert_string_equal(json_string_value(json_object_get(o, "status")), "trong_han");
	json_decref(j);
}

static void a_bad_or_unknown_parameter_is_400_naming_it(void **state)
{
	static const struct {
		const char *query, *field;
	} bad[] = {
	    {"status=late", "status"},
	    {"status=qua_han,overdue", "status"},
	    {"status=qua_han&status=x", "status"},
	    {"overdue=yes", "overdue"},
	    {"as_of=2024-02-30", "as_of"},
	    {"due_before=30/06/2024", "due_before"},
	    {"due_after=2024-6-1", "due_after"},
	    {"unit=abc", "unit"},
	    {"body=-2", "body"},
	    {"subtree=2", "subtree"},
	    {"source=0", "source"},
	    {"statut=qua_han", "statut"},
	    {"page=2", "page"},
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char path[256];
		json_t *j;
		long st;

		snprintf(path, sizeof(path), "/api/v1/tasks?%s", bad[i].query);
		st = api_get(tok_admin, path, &j);
		if (st != 400 ||
		    !json_string_value(json_object_get(
			json_object_get(json_object_get(j, "error"), "fields"), bad[i].field)))
			fail_msg("GET %s: %ld (expected 400 naming %s): %s", path, st, bad[i].field,
				 json_dumps(j, 0));
		json_decref(j);
	}
}

/* How many task rows a /tasks page shows ("<a href="/tasks/N">N</a>" once per row). */
static int page_rows(const char *html, bool *has_next, char *next, size_t nmax)
{
	int n = 0;
	const char *p = html, *nx = strstr(html, "rel=\"next\" href=\"");

	while ((p = strstr(p, "<td")) != NULL) {
		p++;
		if (strncmp(strchr(p, '>') + 1, "<a href=\"/tasks/", 16) == 0) {
			const char *a = strchr(p, '>') + 17;

			/* The id cell only: the link's text is its number. */
			if (a[strspn(a, "0123456789")] == '"' &&
			    strncmp(strchr(a, '>') + 1, a, strspn(a, "0123456789")) == 0)
				n++;
		}
	}
	*has_next = nx != NULL;
	if (nx) {
		size_t k = strcspn(nx + 17, "\"");

		snprintf(next, nmax, "%.*s", (int)k, nx + 17);
	}
	return n;
}

static void the_page_filters_and_pages_as_the_api(void **state)
{
	struct client cl;
	struct resp r;
	char next[512];
	bool more;
	int n1, n2, want = 0;

	for (int i = 1; i <= NT; i++)
		want += model(i).kind != 3;
	login("admin", &cl);
	/* Everything but the overdue: more than a page of 100, then the rest. */
	get(&cl, "/tasks?status=dung_han,tre_han,trong_han,thuong_xuyen&as_of=" AS_OF, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Trang sau"));
	n1 = page_rows(buf_str(&r.body), &more, next, sizeof(next));
	assert_true(more);
	assert_int_equal(n1, 100);
	assert_null(strstr(buf_str(&r.body), "href=\"/tasks/3\""));
	assert_non_null(strstr(buf_str(&r.body), "chưa hoàn thành trong hạn"));
	assert_non_null(strstr(buf_str(&r.body), "31/07/2024"));
	resp_free(&r);
	/* The link keeps the filters (&amp; in the page). */
	assert_non_null(strstr(next, "status=dung_han%2Ctre_han%2Ctrong_han%2Cthuong_xuyen"));
	{
		char path[512], *w = path;

		for (const char *p = next; *p && w < path + sizeof(path) - 1; p++) {
			*w++ = *p;
			if (strncmp(p, "&amp;", 5) == 0)
				p += 4;
		}
		*w = '\0';
		get(&cl, path, &r);
	}
	assert_int_equal(r.status, 200);
	n2 = page_rows(buf_str(&r.body), &more, next, sizeof(next));
	assert_false(more);
	assert_int_equal(n1 + n2, want);
	resp_free(&r);
	/* The form shows what was asked. */
	get(&cl, "/tasks?overdue=1&q=chuy%E1%BB%83n&due_after=2024-06-01&as_of=" AS_OF, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "name=\"overdue\" value=\"1\" checked"));
	assert_non_null(strstr(buf_str(&r.body), "value=\"2024-06-01\""));
	n1 = page_rows(buf_str(&r.body), &more, next, sizeof(next));
	want = 0;
	for (int i = 1; i <= NT; i++)
		want += model(i).kind == 3 && model(i).digital;
	assert_int_equal(n1, want);
	resp_free(&r);
	/* A bad date is 400: the filter form again, the message beside the field. */
	get(&cl, "/tasks?due_before=31/12/2024", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "Hạn đến ngày"));
	assert_non_null(strstr(buf_str(&r.body), "<form class=\"filters\""));
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-due_before\""));
	resp_free(&r);
}

/* A write through the API with the admin's token; its status. */
static long api_write(const char *method, const char *path, const char *json)
{
	char hdr[128];
	struct resp r;
	long st;

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok_admin);
	req(method, path, NULL, "application/json", json, hdr, &r);
	st = r.status;
	if (st >= 300)
		fprintf(stderr, "# %s %s: %ld %s\n", method, path, st, buf_str(&r.body));
	resp_free(&r);
	return st;
}

/*
 * Writes through the API (a report, confirmations before and after AS_OF, an
 * extension, new lead units, a sub-task) keep the task counters: they equal a
 * full recount, and /api/v1/tasks/stats reads them as the recount counts.
 */
static void api_writes_keep_the_counters(void **state)
{
	struct arena *a = arena_new(1 << 22);
	struct task_tally_fault *f;
	struct task_stats got, want;
	struct db *db = NULL;
	struct err e = {0};
	json_t *j, *row;
	size_t n, i, matched = 0;

	assert_true(
	    api_write("POST", "/api/v1/tasks/3/reports",
		      "{\"text\": \"Đã triển khai\", \"unit\": 1, \"on\": \"2024-05-01\"}") < 300);
	assert_true(api_write("POST", "/api/v1/tasks/3/confirm", "{\"on\": \"2024-07-10\"}") < 300);
	assert_true(api_write("POST", "/api/v1/tasks/7/confirm", "{\"on\": \"2024-05-01\"}") < 300);
	assert_true(api_write("POST", "/api/v1/tasks/2/extend",
			      "{\"deadline\": \"31/12/2024\", \"reason\": \"Theo đề nghị\", "
			      "\"decided_on\": \"2024-05-01\"}") < 300);
	assert_true(api_write("PATCH", "/api/v1/tasks/2", "{\"leads\": [1], \"coords\": [4]}") <
		    300);
	assert_true(api_write("POST", "/api/v1/tasks",
			      "{\"parent_id\": 12, \"content\": \"Giao tiếp cho đơn vị\", "
			      "\"leads\": [2], \"deadline\": \"15/06/2024\", "
			      "\"assigned_on\": \"2024-05-01\"}") < 300);
	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(task_tally_check(db, a, &f, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(task_stats(db, TASK_BY_UNIT, AS_OF, 0, a, &got, &e), 0);
	assert_int_equal(task_stats_scan(db, TASK_BY_UNIT, AS_OF, 0, a, &want, &e), 0);
	assert_memory_equal(&got.all, &want.all, sizeof(want.all));
	assert_int_equal(task_stats_scan(db, TASK_BY_BODY, AS_OF, 0, a, &want, &e), 0);
	db_close(db);
	/* Task 3, done on 10/07/2024, was still open and overdue at AS_OF. */
	assert_int_equal(
	    api_get(tok_admin, "/api/v1/tasks/stats?by=body&rollup=1&as_of=" AS_OF, &j), 200);
	json_array_foreach(json_object_get(j, "data"), i, row)
	{
		json_t *own = json_object_get(row, "own");

		for (size_t g = 0; g < want.ngroups; g++) {
			if (want.groups[g].key != json_integer_value(json_object_get(row, "body")))
				continue;
			matched++;
			assert_int_equal(json_integer_value(json_object_get(own, "total")),
					 want.groups[g].c.total);
			assert_int_equal(json_integer_value(json_object_get(own, "qua_han")),
					 want.groups[g].c.n[TASK_OPEN_OVERDUE]);
			assert_int_equal(json_integer_value(json_object_get(own, "dung_han")),
					 want.groups[g].c.n[TASK_DONE_ON_TIME]);
		}
	}
	assert_int_equal(matched, 3); /* Tỉnh ủy, Tân Yên, Yên Thế */
	json_decref(j);
	arena_free(a);
}

/*
 * A task with more sub-tasks than its object carries (TASK_CHILDREN_FIRST):
 * the object holds the first ones and links to /api/v1/tasks/#/children,
 * which pages through every one by id; its parameters are strict.
 */
static void children_are_paged(void **state)
{
	int64_t ids[TASK_CHILDREN_FIRST + 20];
	json_t *j, *c;
	size_t n, i;
	char path[128];
	int64_t prev = 0;

	(void)state;
	for (int k = 0; k < TASK_CHILDREN_FIRST + 5; k++) {
		char body[256];

		snprintf(body, sizeof(body),
			 "{\"parent_id\": 32, \"content\": \"Phần việc \\\"%d\\\" của đơn vị\", "
			 "\"leads\": [2], \"deadline\": \"15/06/2024\", "
			 "\"assigned_on\": \"2024-05-01\"}",
			 k);
		assert_true(api_write("POST", "/api/v1/tasks", body) < 300);
	}
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks/32", &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "children")), TASK_CHILDREN_FIRST);
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(j, "links"), "children")),
	    "/api/v1/tasks/32/children");
	json_decref(j);
	n = walk(tok_admin, "/api/v1/tasks/32/children?limit=7", ids, sizeof(ids) / sizeof(*ids));
	assert_int_equal(n, TASK_CHILDREN_FIRST + 5);
	for (i = 0; i < n; i++) {
		assert_true(ids[i] > prev);
		prev = ids[i];
	}
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks/32/children?limit=1", &j), 200);
	c = json_array_get(json_object_get(j, "data"), 0);
	assert_string_equal(json_string_value(json_object_get(c, "content")),
			    "Phần việc \"0\" của đơn vị");
	assert_string_equal(json_string_value(json_object_get(c, "status")), "qua_han");
	json_decref(j);
	snprintf(path, sizeof(path), "/api/v1/tasks/32/children?after=%lld", (long long)ids[n - 1]);
	assert_int_equal(api_get(tok_admin, path, &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
	json_decref(j);
	assert_int_equal(
	    api_get(tok_admin, "/api/v1/tasks/32/children?modified_since=2024-01-01", &j), 400);
	assert_non_null(json_object_get(json_object_get(json_object_get(j, "error"), "fields"),
					"modified_since"));
	json_decref(j);
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks/32/children?limit=500", &j), 400);
	json_decref(j);
	/* A task with few sub-tasks carries them all and no such link. */
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks/19", &j), 200);
	assert_null(json_object_get(json_object_get(j, "links"), "children"));
	json_decref(j);
}

/*
 * A session's tasks (/api/v1/sessions/#/tasks): those assigned at it, by id,
 * seven a page following links.next, exactly the model's; parameters strict.
 */
static void session_tasks_are_paged(void **state)
{
	int64_t got[NT + 1], want[NT + 1];
	size_t ng, nw = 0;
	json_t *j;

	(void)state;
	assert_int_equal(fx_exec(store, 1,
				 "UPDATE task SET source_session_id = 1 WHERE id <= " NT_TEXT
				 " AND id % 3 = 1"),
			 0);
	for (int i = 1; i <= NT; i++)
		if (i % 3 == 1)
			want[nw++] = i;
	ng = walk(tok_admin, "/api/v1/sessions/1/tasks?limit=7", got, NT + 1);
	assert_int_equal(ng, nw);
	assert_memory_equal(got, want, nw * sizeof(*want));
	assert_int_equal(api_get(tok_admin, "/api/v1/sessions/1/tasks?overdue=1", &j), 400);
	json_decref(j);
	assert_int_equal(api_get(tok_admin, "/api/v1/sessions/1/tasks?limit=0", &j), 400);
	json_decref(j);
}

/* The object of id in the list j's data, or NULL. */
static json_t *task_in(json_t *j, int64_t id)
{
	json_t *o;
	size_t i;

	json_array_foreach(json_object_get(j, "data"), i, o)
	{
		if (json_integer_value(json_object_get(o, "id")) == id)
			return o;
	}
	return NULL;
}

/*
 * A task with two lead units is one object in the overdue filter, its leads
 * joined in unit order as the whole list joins them; a page holds limit tasks.
 */
static void overdue_tasks_carry_every_lead_once(void **state)
{
	json_t *all, *od, *o;
	size_t i;

	(void)state;
	assert_int_equal(fx_exec(store, 1,
				 "INSERT INTO task_unit(task_id, unit_id, role) VALUES"
				 " (3, 4, 'lead'), (8, 3, 'lead')"),
			 0);
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks?limit=20&as_of=" AS_OF, &all), 200);
	assert_int_equal(api_get(tok_admin, "/api/v1/tasks?overdue=1&limit=2&as_of=" AS_OF, &od),
			 200);
	assert_int_equal(json_array_size(json_object_get(od, "data")), 2);
	json_array_foreach(json_object_get(od, "data"), i, o)
	{
		int64_t id = json_integer_value(json_object_get(o, "id"));

		assert_int_equal(id, i ? 8 : 3);
		assert_true(json_equal(o, task_in(all, id)));
	}
	assert_string_equal(json_string_value(json_object_get(
				json_array_get(json_object_get(od, "data"), 0), "lead")),
			    "Văn phòng Huyện ủy; Ban Tuyên giáo Huyện ủy");
	assert_string_equal(json_string_value(json_object_get(
				json_array_get(json_object_get(od, "data"), 1), "lead")),
			    "Văn phòng Huyện ủy Yên Thế; Ban Tổ chức Huyện ủy");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(od, "links"), "next")),
	    "/api/v1/tasks?after=8&limit=2&overdue=1&as_of=" AS_OF);
	json_decref(all);
	json_decref(od);
	assert_int_equal(
	    fx_exec(store, 1,
		    "DELETE FROM task_unit WHERE role = 'lead' AND"
		    " ((task_id = 3 AND unit_id = 4) OR (task_id = 8 AND unit_id = 3))"),
	    0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(each_filter_returns_exactly_its_tasks),
	    cmocka_unit_test(the_statuses_are_those_at_as_of),
	    cmocka_unit_test(a_bad_or_unknown_parameter_is_400_naming_it),
	    cmocka_unit_test(the_page_filters_and_pages_as_the_api),
	    cmocka_unit_test(overdue_tasks_carry_every_lead_once),
	    /* last: it writes */
	    cmocka_unit_test(api_writes_keep_the_counters),
	    cmocka_unit_test(children_are_paged),
	    cmocka_unit_test(session_tasks_are_paged),
	};

	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
