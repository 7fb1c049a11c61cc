/* test_notice_web.c: the notice composer on the demo store, real server: a session's notice from draft to its tasks, by forms and by /api/v1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "core/demo/demo.h"
#include "http_client.h"
#include "test_store.h"

static char token[65]; /* the demo office's API token */

#define HAS(r, s)                                                                               \
	do {                                                                                    \
		if (!strstr(buf_str(&(r).body), (s)))                                           \
			fail_msg("%d: no '%s' in: %.3000s", __LINE__, (s), buf_str(&(r).body)); \
	} while (0)

#define STATUS(r, code)                                                                         \
	do {                                                                                    \
		if ((r).status != (code))                                                       \
			fail_msg("%d: status %ld, not %d: %.2000s", __LINE__, (long)(r).status, \
				 (code), buf_str(&(r).body));                                   \
	} while (0)

static void send_bearer(const char *method, const char *path, const char *json, struct resp *r)
{
	char hdr[100];

	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", token);
	req(method, path, NULL, json ? "application/json" : NULL, json, hdr, r);
}

/* PUT /api/v1/notices/{nid}/template with text as the whole template. */
static void put_template(long long nid, const char *text, struct resp *r)
{
	json_t *j = json_pack("{s:s}", "template", text);
	char *txt = json_dumps(j, 0), path[96];

	snprintf(path, sizeof(path), "/api/v1/notices/%lld/template", nid);
	send_bearer("PUT", path, txt, r);
	free(txt);
	json_decref(j);
}

static json_t *body_json(const struct resp *r)
{
	json_t *j = json_loads(buf_str(&r->body), 0, NULL);

	if (!j)
		fail_msg("not JSON: %.500s", buf_str(&r->body));
	return j;
}

/* A new session 27 of HU:bch with two items, a vote passed and a vote failed; its id. */
static long long held_session(const char *date, int64_t ret_items[2])
{
	struct resp r;
	json_t *j;
	long long id;
	char path[128], js[256];

	snprintf(
	    js, sizeof(js),
	    "{\"organ\": \"HU:bch\", \"term\": \"XXII\", \"date\": \"%s\", \"time\": \"08:00\"}",
	    date);
	send_bearer("POST", "/api/v1/sessions", js, &r);
	STATUS(r, 201);
	j = body_json(&r);
	id = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	resp_free(&r);
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/api/v1/sessions/%lld/agenda", id);
		send_bearer("POST", path,
			    i == 0 ? "{\"kind\": \"Báo cáo\", \"title\": \"kết quả tháng 10\"}"
				   : "{\"kind\": \"Tờ trình\", \"title\": \"về cụm công nghiệp\"}",
			    &r);
		STATUS(r, 201);
		resp_free(&r);
	}
	snprintf(path, sizeof(path), "/api/v1/sessions/%lld/attendance", id);
	send_bearer("POST", path, "{\"rest_present\": true}", &r);
	assert_in_range(r.status, 200, 201);
	j = body_json(&r);
	for (int i = 0; i < 2; i++)
		ret_items[i] = json_integer_value(
		    json_object_get(json_array_get(json_object_get(j, "agenda"), (size_t)i), "id"));
	json_decref(j);
	resp_free(&r);
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "/api/v1/agenda-items/%lld/vote",
			 (long long)ret_items[i]);
		send_bearer("POST", path,
			    i == 0 ? "{\"for\": 30, \"against\": 2, \"abstain\": 1}"
				   : "{\"for\": 10, \"against\": 20, \"abstain\": 3}",
			    &r);
		STATUS(r, 201);
		resp_free(&r);
	}
	return id;
}

/*
 * The API drives the cycle: a draft composed from the session, task rows
 * with their deadlines typed as in the CLI, the contradiction that blocks
 * issuing, the fix, the issue as 513-TB/HU and the tasks it made.
 */
static void the_api_composes_and_issues_a_notice_with_its_tasks(void **state)
{
	int64_t items[2];
	long long session = held_session("2023-11-02", items), nid;
	struct resp r;
	json_t *j;
	char path[160], js[512];
	char *tmpl, *bad;

	(void)state;
	snprintf(js, sizeof(js), "{\"session_id\": %lld}", session);
	send_bearer("POST", "/api/v1/notices", js, &r);
	STATUS(r, 201);
	HAS(r, "\"status\":\"draft\"");
	if (!strstr(buf_str(&r.headers), "Location: /api/v1/notices/"))
		fail_msg("no Location: %s", buf_str(&r.headers));
	j = body_json(&r);
	nid = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	resp_free(&r);

	/* the draft speaks of each item as its vote went */
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/check", nid);
	send_bearer("GET", path, NULL, &r);
	STATUS(r, 200);
	HAS(r, "\"can_issue\":true");
	HAS(r, "{{item 2}}");
	HAS(r, "không thông qua nội dung này");
	j = body_json(&r);
	assert_non_null(json_string_value(json_object_get(j, "template")));
	tmpl = strdup(json_string_value(json_object_get(j, "template")));
	/* the clerk writes agreement over the item voted down */
	bad = strdup(tmpl);
	{
		char *p = strstr(bad, "không thông qua nội dung này");

		assert_non_null(p);
		memcpy(p, "nhất trí  thông qua nội dung", strlen("nhất trí  thông qua nội dung"));
	}
	json_decref(j);
	resp_free(&r);
	put_template(nid, bad, &r);
	STATUS(r, 200);
	HAS(r, "\"kind\":\"contradiction\"");
	HAS(r, "\"can_issue\":false");
	resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/issue", nid);
	send_bearer("POST", path, "{\"date\": \"2023-11-03\"}", &r);
	STATUS(r, 422);
	HAS(r, "nội dung 2 không được thông qua");
	resp_free(&r);

	/* task rows: bad ones refused naming the field, nothing written */
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/tasks", nid);
	send_bearer("POST", path,
		    "{\"content\": \"Hoàn thiện báo cáo\", \"lead_unit_id\": 1, "
		    "\"deadline\": \"sớm nhất có thể\"}",
		    &r);
	STATUS(r, 400);
	HAS(r, "\"deadline\"");
	resp_free(&r);
	send_bearer("POST", path,
		    "{\"content\": \"Hoàn thiện báo cáo\", \"lead_unit_id\": 999999, "
		    "\"deadline\": \"02 tháng tới\"}",
		    &r);
	STATUS(r, 400);
	HAS(r, "\"lead_unit_id\"");
	resp_free(&r);
	send_bearer("POST", path,
		    "{\"content\": \"Hoàn thiện báo cáo tháng 10\", \"lead_unit_id\": 1, "
		    "\"coord_unit_ids\": [2], \"deadline\": \"02 tháng tới\"}",
		    &r);
	STATUS(r, 201);
	resp_free(&r);
	send_bearer("POST", path,
		    "{\"section\": \"2\", \"content\": \"Rà soát quy hoạch cụm công nghiệp\", "
		    "\"lead_unit_id\": 3, \"deadline\": \"30/11/2023\"}",
		    &r);
	STATUS(r, 201);
	resp_free(&r);
	send_bearer("GET", path, NULL, &r);
	j = body_json(&r);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 2);
	json_decref(j);
	resp_free(&r);
	/* the rows paged by position: one a page, the cursor in links.next, then none */
	{
		char page[256];
		const char *next;
		json_t *row;

		snprintf(page, sizeof(page), "%s?limit=1", path);
		send_bearer("GET", page, NULL, &r);
		STATUS(r, 200);
		j = body_json(&r);
		assert_int_equal(json_array_size(json_object_get(j, "data")), 1);
		row = json_array_get(json_object_get(j, "data"), 0);
		assert_string_equal(json_string_value(json_object_get(row, "content")),
				    "Hoàn thiện báo cáo tháng 10");
		assert_int_equal(
		    json_integer_value(json_object_get(json_object_get(j, "pagination"), "count")),
		    1);
		next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
		assert_non_null(next);
		snprintf(page, sizeof(page), "%s", next);
		json_decref(j);
		resp_free(&r);
		send_bearer("GET", page, NULL, &r);
		STATUS(r, 200);
		j = body_json(&r);
		row = json_array_get(json_object_get(j, "data"), 0);
		assert_string_equal(json_string_value(json_object_get(row, "content")),
				    "Rà soát quy hoạch cụm công nghiệp");
		/* a full page has a next link; the next page is empty and has none */
		next = json_string_value(json_object_get(json_object_get(j, "links"), "next"));
		assert_non_null(next);
		snprintf(page, sizeof(page), "%s", next);
		json_decref(j);
		resp_free(&r);
		send_bearer("GET", page, NULL, &r);
		STATUS(r, 200);
		j = body_json(&r);
		assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
		assert_null(json_object_get(json_object_get(j, "links"), "next"));
		json_decref(j);
		resp_free(&r);
		/* strict parameters: unknown, or a limit past 200, is 400 naming it */
		snprintf(page, sizeof(page), "%s?page=2", path);
		send_bearer("GET", page, NULL, &r);
		STATUS(r, 400);
		HAS(r, "\"page\"");
		resp_free(&r);
		snprintf(page, sizeof(page), "%s?limit=201", path);
		send_bearer("GET", page, NULL, &r);
		STATUS(r, 400);
		HAS(r, "\"limit\"");
		resp_free(&r);
	}

	/* the fix: the words of the vote again */
	put_template(nid, tmpl, &r);
	free(bad);
	free(tmpl);
	HAS(r, "\"can_issue\":true");
	resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/issue", nid);
	send_bearer("POST", path, "{\"date\": \"2023-11-03\"}", &r);
	STATUS(r, 200);
	HAS(r, "\"symbol\":\"513-TB/HU\"");
	resp_free(&r);

	/* the rows became tasks whose source is the notice; the rows are locked */
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/tasks", nid);
	send_bearer("GET", path, NULL, &r);
	j = body_json(&r);
	{
		json_t *t0 = json_array_get(json_object_get(j, "data"), 0);
		const char *task = json_string_value(json_object_get(t0, "task"));
		struct resp t;

		assert_non_null(task);
		send_bearer("GET", task, NULL, &t);
		assert_int_equal(t.status, 200);
		HAS(t, "\"content\":\"Hoàn thiện báo cáo tháng 10\"");
		HAS(t, "\"deadline\":\"02 tháng tới\"");
		resp_free(&t);
	}
	json_decref(j);
	resp_free(&r);
	send_bearer("POST", path,
		    "{\"content\": \"Thêm sau khi ban hành\", \"lead_unit_id\": 1, "
		    "\"deadline\": \"30/11/2023\"}",
		    &r);
	STATUS(r, 409);
	resp_free(&r);
}

/* The office composes on the page: the button on the session, the fields, a row, the number. */
static void the_office_composes_a_notice_on_its_page(void **state)
{
	int64_t items[2];
	long long session = held_session("2023-12-01", items);
	struct client off, view;
	struct resp r;
	char path[160];
	const char *loc;
	long long nid;

	(void)state;
	login_pw("vanphong", "demo-vanphong", &off);
	snprintf(path, sizeof(path), "/sessions/%lld", session);
	get(&off, path, &r);
	HAS(r, "Tạo thông báo kết luận");
	resp_free(&r);
	snprintf(path, sizeof(path), "/sessions/%lld/notice", session);
	post_form(&off, path, "x=1", &r);
	STATUS(r, 303);
	loc = strstr(buf_str(&r.headers), "Location: /notices/");
	assert_non_null(loc);
	nid = strtoll(loc + strlen("Location: /notices/"), NULL, 10);
	resp_free(&r);

	snprintf(path, sizeof(path), "/notices/%lld", nid);
	get(&off, path, &r);
	STATUS(r, 200);
	/* the preview is the rendered page, the signer a field, figures by their names */
	HAS(r, "<iframe class=\"paper\"");
	HAS(r, "<script src=\"/static/dondoc.js\"");
	HAS(r, "name=\"sign_name\" value=\"Đinh Đức Cảnh\"");
	HAS(r, "Chèn số liệu chỉ tiêu");
	/* the API's notice took 513: the next is shown, not taken */
	HAS(r, "Số sẽ cấp: <strong id=\"so-ke-tiep\">514-TB/HU</strong>");
	resp_free(&r);

	/* the preview frame: the HTML render, framed by dondoc's pages only, with no script */
	snprintf(path, sizeof(path), "/notices/%lld/html", nid);
	get(&off, path, &r);
	STATUS(r, 200);
	HAS(r, "Kết luận phiên họp thứ");
	if (!strstr(buf_str(&r.headers), "frame-ancestors 'self'") ||
	    strstr(buf_str(&r.headers), "script-src"))
		fail_msg("preview headers: %s", buf_str(&r.headers));
	resp_free(&r);

	/* a row with a bad deadline comes back with the message beside it, what was typed kept */
	snprintf(path, sizeof(path), "/notices/%lld/tasks", nid);
	post_form(&off, path,
		  "content=R%C3%A0+so%C3%A1t&lead_unit_id=1&deadline=s%E1%BB%9Bm+nh%E1%BA%A5t", &r);
	STATUS(r, 400);
	HAS(r, "id=\"ferr-deadline\"");
	HAS(r, ">Rà soát</textarea>");
	resp_free(&r);
	post_form(&off, path, "content=R%C3%A0+so%C3%A1t&lead_unit_id=1&deadline=31%2F12%2F2023",
		  &r);
	STATUS(r, 303);
	resp_free(&r);
	snprintf(path, sizeof(path), "/notices/%lld/html", nid);
	get(&off, path, &r);
	HAS(r, "Rà soát: giao Văn phòng Huyện ủy chủ trì; thời hạn: 31/12/2023.");
	resp_free(&r);
	snprintf(path, sizeof(path), "/notices/%lld", nid);

	/* a session still to come has no notice yet: said on its page, nothing written */
	{
		int64_t later[2];
		long long future = held_session("2099-01-05", later);

		snprintf(path, sizeof(path), "/sessions/%lld/notice", future);
		post_form(&off, path, "x=1", &r);
		STATUS(r, 400);
		HAS(r, "chưa diễn ra");
		HAS(r, "role=\"alert\"");
		resp_free(&r);
	}

	/* a viewer reads the notice but has no composer */
	login_pw("xem", "demo-xem", &view);
	get(&view, path, &r);
	if (r.status == 200 && strstr(buf_str(&r.body), "id=\"soan-thao\""))
		fail_msg("a viewer was shown the composer");
	resp_free(&r);
	snprintf(path, sizeof(path), "/notices/%lld/tasks", nid);
	post_form(&view, path, "content=x&lead_unit_id=1", &r);
	STATUS(r, 403);
	resp_free(&r);

	/* issuing from the form */
	snprintf(path, sizeof(path), "/notices/%lld/issue", nid);
	post_form(&off, path, "date=2023-12-02", &r);
	STATUS(r, 303);
	resp_free(&r);
	snprintf(path, sizeof(path), "/notices/%lld", nid);
	get(&off, path, &r);
	HAS(r, "514-TB/HU");
	HAS(r, "href=\"/tasks/");
	resp_free(&r);
}

/*
 * The signer's queue: the office submits a draft; the signer sees it under
 * "Chờ ký duyệt" (counted in the navigation), returns it with a comment from
 * the queue; the office sees the comment on the draft's page and in the list
 * of what it submitted; a viewer has no queue.
 */
static void the_signer_returns_a_draft_from_the_queue(void **state)
{
	int64_t items[2];
	long long session = held_session("2023-12-10", items), nid;
	struct client signer, off, view;
	struct resp r;
	json_t *j;
	char path[160], marker[64];

	(void)state;
	snprintf(path, sizeof(path), "{\"session_id\": %lld}", session);
	send_bearer("POST", "/api/v1/notices", path, &r);
	STATUS(r, 201);
	j = body_json(&r);
	nid = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/notices/%lld/submit", nid);
	send_bearer("POST", path, "{}", &r);
	STATUS(r, 200);
	resp_free(&r);

	login_pw("uyvien", "demo-uyvien", &signer);
	get(&signer, "/", &r);
	HAS(r, "<a href=\"/approvals\">Chờ ký duyệt <span class=\"badge st-late\" "
	       "id=\"so-cho-duyet\">1</span></a>");
	resp_free(&r);
	get(&signer, "/approvals", &r);
	STATUS(r, 200);
	snprintf(marker, sizeof(marker), "id=\"trinh-%lld\"", nid);
	HAS(r, marker);
	HAS(r, " ngày 10/12/2023, Huyện ủy Tân Yên. Trình lúc ");
	HAS(r, "(vanphong)");
	resp_free(&r);

	/* a return without a comment: the queue again, the message beside the field */
	snprintf(path, sizeof(path), "/notices/%lld/return", nid);
	post_form(&signer, path, "from=queue&comment=+", &r);
	STATUS(r, 400);
	HAS(r, "id=\"ferr-comment\"");
	HAS(r, "ghi lý do trả lại");
	HAS(r, marker);
	resp_free(&r);
	post_form(&signer, path,
		  "from=queue&comment=B%E1%BB%95+sung+s%E1%BB%91+li%E1%BB%87u+qu%C3%BD+IV.", &r);
	STATUS(r, 303);
	if (!strstr(buf_str(&r.headers), "Location: /approvals"))
		fail_msg("not back to the queue: %s", buf_str(&r.headers));
	resp_free(&r);
	get(&signer, "/approvals", &r);
	if (strstr(buf_str(&r.body), marker) || strstr(buf_str(&r.body), "so-cho-duyet"))
		fail_msg("the returned draft still waits: %.2000s", buf_str(&r.body));
	HAS(r, "Không có dự thảo nào đang chờ duyệt.");
	resp_free(&r);

	/* the office reads the comment on the draft's page and in what it submitted */
	login_pw("vanphong", "demo-vanphong", &off);
	snprintf(path, sizeof(path), "/notices/%lld", nid);
	get(&off, path, &r);
	HAS(r, "người ký trả lại, cần sửa và trình lại");
	HAS(r, "<q class=\"comment\">Bổ sung số liệu quý IV.</q>");
	resp_free(&r);
	get(&off, "/approvals", &r);
	STATUS(r, 200);
	snprintf(marker, sizeof(marker), "id=\"da-trinh-%lld\"", nid);
	HAS(r, marker);
	HAS(r, "người ký trả lại, cần sửa và trình lại</strong> (uyvien, ");
	HAS(r, "<q class=\"comment\">Bổ sung số liệu quý IV.</q>");
	if (strstr(buf_str(&r.body), "/approve\""))
		fail_msg("the office was offered the signer's forms");
	resp_free(&r);

	login_pw("xem", "demo-xem", &view);
	get(&view, "/approvals", &r);
	STATUS(r, 403);
	resp_free(&r);
}

static int setup(void **state)
{
	struct db *db = NULL;
	struct err e = {0};

	(void)state;
	snprintf(store, sizeof(store), "/tmp/dondoc-test-nw-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0)
		return -1;
	if (db_open(store, DB_CREATE, &db, &e) < 0 || demo_create(db, &e) < 0 ||
	    account_token_new(db, "vanphong", "api-test", token, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		db_close(db);
		return -1;
	}
	db_close(db);
	return http_client_serve();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_api_composes_and_issues_a_notice_with_its_tasks),
	    cmocka_unit_test(the_office_composes_a_notice_on_its_page),
	    cmocka_unit_test(the_signer_returns_a_draft_from_the_queue),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
