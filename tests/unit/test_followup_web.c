/* test_followup_web.c: the office's follow-up on the web, real server: the queue of requests to close, send back, extend, the follow-up report. */
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
#include <zip.h>

#include "http/http.h"
#include "render/docview.h"
#include "web/web.h"
#include "web_fixture.h"
#include "http_client.h"

static int64_t task3; /* an open task of Tân Yên (body 2) for the API's writes */

/* One number the store answers sql with. */
static long long scalar(const char *sql)
{
	return fx_int(store, sql);
}

static long long nevents(void)
{
	return scalar("SELECT count(*) FROM task_event");
}

#define HAS(r, s)                                                                               \
	do {                                                                                    \
		if (!strstr(buf_str(&(r).body), (s)))                                           \
			fail_msg("%d: no '%s' in: %.3000s", __LINE__, (s), buf_str(&(r).body)); \
	} while (0)

/*
 * The cycle on the web: the unit asks to close, the office finds the request in
 * its queue, refuses a date before it, sends it back once, the unit reports
 * again and the office confirms.
 */
static void the_office_answers_requests_to_close_from_its_queue(void **state)
{
	struct client rep, off, view;
	struct resp r;
	long long before;

	login("reporter", &rep);
	login("office", &off);
	login("viewer", &view);
	post_form(
	    &rep, "/tasks/1/report",
	    "text=%C4%90%C3%A3+xong+d%E1%BB%B1+th%E1%BA%A3o&on_date=2023-10-20&close_request=1",
	    &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);

	/* The queue: linked from the dashboard and the task list, the request with its details. */
	get(&off, "/", &r);
	HAS(r, "href=\"/tasks/close-requests\"");
	resp_free(&r);
	get(&off, "/tasks", &r);
	HAS(r, "href=\"/tasks/close-requests\"");
	resp_free(&r);
	get(&off, "/tasks/close-requests", &r);
	assert_int_equal(r.status, 200);
	HAS(r, "Nhiệm vụ số 1");
	HAS(r, "Hoàn thiện dự thảo quy chế");
	HAS(r, "Văn phòng Huyện ủy");
	HAS(r, "20/10/2023");
	HAS(r, "Đã xong dự thảo");
	HAS(r, "action=\"/tasks/1/sendback\"");
	resp_free(&r);
	/* Not for readers. */
	get(&view, "/tasks/close-requests", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);

	/* A date before the request: the queue again, the message beside the date, kept. */
	before = nevents();
	post_form(&off, "/tasks/1/confirm", "from=queue&date=2023-10-19", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-date\">ngày hoàn thành 19/10/2023 trước ngày đơn vị đề nghị kết thúc "
	       "20/10/2023");
	HAS(r, "value=\"2023-10-19\"");
	HAS(r, "<h1>Đề nghị kết thúc nhiệm vụ</h1>");
	resp_free(&r);
	/* Sending back needs a note. */
	post_form(&off, "/tasks/1/sendback", "from=queue&note=", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-note\"");
	resp_free(&r);
	assert_int_equal(nevents(), before);
	assert_int_equal(scalar("SELECT state = 'close_requested' FROM task WHERE id = 1"), 1);

	/* Sent back once: back to the queue, which is empty, and the task open again. */
	post_form(&off, "/tasks/1/sendback",
		  "from=queue&date=2023-10-21&note=Thi%E1%BA%BFu+ph%E1%BB%A5+l%E1%BB%A5c", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(buf_str(&r.headers), "Location: /tasks/close-requests"));
	resp_free(&r);
	get(&off, "/tasks/close-requests", &r);
	HAS(r, "Không có đề nghị kết thúc nào đang chờ.");
	resp_free(&r);
	get(&rep, "/tasks/1", &r);
	HAS(r, "trả lại, tiếp tục thực hiện");
	HAS(r, "Thiếu phụ lục");
	resp_free(&r);

	/* The unit reports again; the office confirms on a date after the request. */
	post_form(&rep, "/tasks/1/report",
		  "text=%C4%90%C3%A3+b%E1%BB%95+sung+ph%E1%BB%A5+l%E1%BB%A5c&on_date=2023-10-25&"
		  "close_request=1",
		  &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	get(&off, "/tasks/close-requests", &r);
	HAS(r, "Đã bổ sung phụ lục");
	HAS(r, "25/10/2023");
	resp_free(&r);
	post_form(&off, "/tasks/1/confirm", "from=queue&date=2023-10-26", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(scalar("SELECT completed_on = '2023-10-26' FROM task WHERE id = 1"), 1);
}

/* The API's twins: send back and extend, each bad input 400 naming the field, nothing written. */
static void the_api_sends_back_and_extends(void **state)
{
	char tok[65], otok[65], path[80];
	struct resp r;
	long long before;

	new_token("reporter", tok);
	new_token("office", otok);
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld/sendback", (long long)task3);
	/* No request waiting: nothing to send back. */
	post_bearer(path, otok, "{\"note\": \"Thiếu\"}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "không có đề nghị kết thúc");
	resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld/reports", (long long)task3);
	post_bearer(path, tok, "{\"text\": \"Xong\", \"on\": \"2023-11-05\"}", &r);
	assert_int_equal(r.status, 201);
	resp_free(&r);
	{
		char sql[120];

		snprintf(sql, sizeof(sql),
			 "UPDATE task SET state = 'close_requested' WHERE id = %lld",
			 (long long)task3);
		assert_int_equal(fx_exec(store, 1,
					 "UPDATE task_event SET kind = 'close_request' WHERE id = "
					 "(SELECT max(id) FROM task_event)"),
				 0);
		assert_int_equal(fx_exec(store, 1, sql), 0);
	}
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld/sendback", (long long)task3);
	before = nevents();
	post_bearer(path, otok, "{}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"note\":");
	resp_free(&r);
	post_bearer(path, otok, "{\"note\": \"Thiếu\", \"on\": \"2023-11-04\"}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"on\":\"ngày trả lại 04/11/2023 trước ngày đơn vị đề nghị kết thúc 05/11/2023");
	resp_free(&r);
	post_bearer(path, tok, "{\"note\": \"Thiếu\"}", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	post_bearer("/api/v1/tasks/2/sendback", otok, "{\"note\": \"Thiếu\"}", &r);
	assert_int_equal(r.status, 404); /* Yên Thế's */
	resp_free(&r);
	assert_int_equal(nevents(), before);
	post_bearer(path, otok, "{\"note\": \"Thiếu số liệu\", \"on\": \"2023-11-06\"}", &r);
	assert_int_equal(r.status, 200);
	HAS(r, "\"kind\":\"sent_back\"");
	HAS(r, "Thiếu số liệu");
	resp_free(&r);

	/* Extend: every bad input named, nothing written. */
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld/extend", (long long)task3);
	before = nevents();
	post_bearer(path, otok, "{\"deadline\": \"quý I/2024\"}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"reason\":");
	resp_free(&r);
	post_bearer(path, otok, "{\"deadline\": \"sớm\", \"reason\": \"Chờ\"}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"deadline\":\"thời hạn không hiểu được");
	resp_free(&r);
	post_bearer(path, otok, "{\"deadline\": \"20/11/2023\", \"reason\": \"Chờ\"}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"deadline\":");
	resp_free(&r);
	post_bearer(path, otok,
		    "{\"deadline\": \"quý I/2024\", \"reason\": \"Chờ\", \"decided_on\": 5}", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "\"decided_on\":");
	resp_free(&r);
	post_bearer(path, otok,
		    "{\"deadline\": \"quý I/2024\", \"reason\": \"Chờ\", \"decided_on\": "
		    "\"2023-09-01\"}",
		    &r);
	assert_int_equal(r.status, 400); /* before the assignment */
	HAS(r, "\"decided_on\":");
	resp_free(&r);
	post_bearer(path, tok, "{\"deadline\": \"quý I/2024\", \"reason\": \"Chờ\"}", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	post_bearer("/api/v1/tasks/2/extend", otok,
		    "{\"deadline\": \"quý I/2024\", \"reason\": \"C\"}", &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	assert_int_equal(nevents(), before);
	/* "02 tháng tới" counts from the decision: 20/11/2023 → 20/01/2024. */
	post_bearer(path, otok,
		    "{\"deadline\": \"02 tháng tới\", \"reason\": \"Chờ hướng dẫn của Tỉnh\", "
		    "\"decided_on\": \"2023-11-20\"}",
		    &r);
	assert_int_equal(r.status, 200);
	HAS(r, "\"due\":\"2024-01-20\"");
	HAS(r, "\"deadline\":\"02 tháng tới\"");
	HAS(r, "\"kind\":\"extended\"");
	HAS(r, "Chờ hướng dẫn của Tỉnh");
	HAS(r, "Thời hạn: 30/11/2023 → 02 tháng tới (20/01/2024)");
	resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld/reports", (long long)task3);
	get_bearer(path, otok, &r);
	HAS(r, "\"kind\":\"extended\"");
	resp_free(&r);
	/* A completed task is not extended. */
	post_bearer("/api/v1/tasks/1/confirm", otok, "{\"on\": \"2023-10-30\"}", &r);
	resp_free(&r);
	before = nevents();
	post_bearer("/api/v1/tasks/1/extend", otok,
		    "{\"deadline\": \"quý I/2024\", \"reason\": \"C\"}", &r);
	assert_int_equal(r.status, 409);
	resp_free(&r);
	assert_int_equal(nevents(), before);
}

/* The task page's extension form: refused beside the field with what was typed kept. */
static void the_task_page_extends_a_deadline(void **state)
{
	struct client off;
	struct resp r;
	char path[80];
	long long before = nevents();

	login("office", &off);
	snprintf(path, sizeof(path), "/tasks/%lld/extend", (long long)task3);
	post_form(&off, path, "deadline=qu%C3%BD+IX%2F2024&reason=Ch%E1%BB%9D", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-deadline\"");
	HAS(r, "value=\"quý IX/2024\"");
	HAS(r, "value=\"Chờ\"");
	resp_free(&r);
	post_form(&off, path, "deadline=qu%C3%BD+II%2F2024&reason=", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-reason\"");
	resp_free(&r);
	assert_int_equal(nevents(), before);
	post_form(&off, path,
		  "deadline=qu%C3%BD+II%2F2024&reason=Ch%E1%BB%9D+%C3%BD+ki%E1%BA%BFn&decided_on="
		  "2023-12-01",
		  &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	snprintf(path, sizeof(path), "/tasks/%lld", (long long)task3);
	get(&off, path, &r);
	HAS(r, "gia hạn thời hạn");
	HAS(r, "→ quý II/2024 (30/06/2024)");
	HAS(r, "Chờ ý kiến");
	HAS(r, "quý II/2024 (30/06/2024)</dd>");
	resp_free(&r);
}

/* Editing an open task, on the page and through PATCH: content and units; bad input named. */
static void the_office_edits_an_open_task(void **state)
{
	char otok[65], tok[65], path[80], sql[160];
	struct client off;
	struct resp r;
	long long units;

	new_token("office", otok);
	new_token("reporter", tok);
	login("office", &off);
	snprintf(path, sizeof(path), "/api/v1/tasks/%lld", (long long)task3);
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM task_unit WHERE task_id = %lld",
		 (long long)task3);
	units = scalar(sql);
	req("PATCH", path, NULL, "application/json", "{\"content\": \"Sửa\"}",
	    "Authorization: Bearer x", &r);
	assert_int_equal(r.status, 401);
	resp_free(&r);
	{
		char hdr[100];

		snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok);
		req("PATCH", path, NULL, "application/json", "{\"content\": \"Sửa\"}", hdr, &r);
		assert_int_equal(r.status, 403);
		resp_free(&r);
		snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", otok);
		req("PATCH", path, NULL, "application/json", "{\"content\": \"   \"}", hdr, &r);
		assert_int_equal(r.status, 400);
		HAS(r, "\"content\":");
		resp_free(&r);
		req("PATCH", path, NULL, "application/json", "{\"leads\": []}", hdr, &r);
		assert_int_equal(r.status, 400);
		HAS(r, "\"leads\":\"thiếu đơn vị chủ trì");
		resp_free(&r);
		req("PATCH", path, NULL, "application/json", "{\"leads\": \"1\"}", hdr, &r);
		assert_int_equal(r.status, 400);
		HAS(r, "\"leads\":");
		resp_free(&r);
		req("PATCH", path, NULL, "application/json",
		    "{\"leads\": [1], \"coords\": [\"Không có ban này\"]}", hdr, &r);
		assert_int_equal(r.status, 400);
		HAS(r, "Không có ban này");
		resp_free(&r);
		req("PATCH", path, NULL, "application/json", "{\"leads\": [1, 1]}", hdr, &r);
		assert_int_equal(r.status, 400);
		HAS(r, "hai lần");
		resp_free(&r);
		assert_int_equal(scalar(sql), units);
		req("PATCH", path, NULL, "application/json",
		    "{\"content\": \"Báo cáo sơ kết quý IV và năm 2023\", \"leads\": [1], "
		    "\"coords\": [\"Ban Tuyên giáo Huyện ủy\"]}",
		    hdr, &r);
		assert_int_equal(r.status, 200);
		HAS(r, "Báo cáo sơ kết quý IV và năm 2023");
		HAS(r, "Ban Tuyên giáo Huyện ủy");
		resp_free(&r);
		assert_int_equal(scalar(sql), 2);
		req("PATCH", "/api/v1/tasks/2", NULL, "application/json", "{\"content\": \"X\"}",
		    hdr, &r);
		assert_int_equal(r.status, 404); /* Yên Thế's */
		resp_free(&r);
		req("PATCH", "/api/v1/tasks/1", NULL, "application/json", "{\"content\": \"X\"}",
		    hdr, &r);
		assert_int_equal(r.status, 409); /* completed */
		resp_free(&r);
	}
	/* The page's form: refused beside the field with what was typed kept, then saved. */
	snprintf(path, sizeof(path), "/tasks/%lld/edit", (long long)task3);
	post_form(&off, path, "content=B%C3%A1o+c%C3%A1o&leads=Ban+kh%C3%B4ng+c%C3%B3&coords=", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-leads\"");
	HAS(r, "value=\"Ban không có\"");
	resp_free(&r);
	post_form(&off, path, "content=&leads=1", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "id=\"ferr-content\"");
	resp_free(&r);
	assert_int_equal(scalar(sql), 2);
	post_form(
	    &off, path,
	    "content=B%C3%A1o+c%C3%A1o+s%C6%A1+k%E1%BA%BFt+n%C4%83m&leads=V%C4%83n+ph%C3%B2ng+"
	    "Huy%E1%BB%87n+%E1%BB%A7y&coords=",
	    &r);
	if (r.status != 303)
		fail_msg("%ld: %.2000s", r.status, buf_str(&r.body));
	resp_free(&r);
	assert_int_equal(scalar(sql), 1);
	snprintf(path, sizeof(path), "/tasks/%lld", (long long)task3);
	get(&off, path, &r);
	HAS(r, "<p>Báo cáo sơ kết năm</p>");
	resp_free(&r);
}

/* The follow-up report downloads from the notice's page, for those who see the notice. */
static void the_follow_up_report_downloads_from_the_notice(void **state)
{
	struct client view, v3;
	struct resp r;
	char tok[65];

	login("viewer", &view);
	login("viewer3", &v3);
	get(&view, "/notices/1", &r);
	assert_int_equal(r.status, 200);
	HAS(r, "href=\"/notices/1/followup?format=pdf\"");
	HAS(r, "href=\"/notices/1/followup?format=docx\"");
	HAS(r, "href=\"/notices/1/followup?format=xlsx\"");
	resp_free(&r);
	get(&view, "/notices/1/followup?format=pdf", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.headers), "application/pdf"));
	assert_non_null(strstr(buf_str(&r.headers), "bao-cao-ket-qua-tb-1.pdf"));
	assert_int_equal(memcmp(r.body.data, "%PDF-", 5), 0);
	resp_free(&r);
	get(&view, "/notices/1/followup?format=docx&as_of=2023-11-27", &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(memcmp(r.body.data, "PK", 2), 0);
	resp_free(&r);
	get(&view, "/notices/1/followup?format=xlsx", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.headers), "spreadsheetml"));
	assert_int_equal(memcmp(r.body.data, "PK", 2), 0);
	{
		zip_error_t ze;
		zip_source_t *src = zip_source_buffer_create(r.body.data, r.body.len, 0, &ze);
		zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
		zip_file_t *f;
		char strs[65536];
		zip_int64_t n;

		assert_non_null(z);
		f = zip_fopen(z, "xl/sharedStrings.xml", 0);
		assert_non_null(f);
		n = zip_fread(f, strs, sizeof(strs) - 1);
		assert_true(n > 0);
		strs[n] = '\0';
		assert_non_null(strstr(strs, "Hoàn thiện dự thảo quy chế"));
		zip_fclose(f);
		zip_close(z);
	}
	resp_free(&r);
	/* A format it does not make: 400 naming the field; a notice outside the scope: 404. */
	get(&view, "/notices/1/followup?format=odt", &r);
	assert_int_equal(r.status, 400);
	HAS(r, "Định dạng (format)");
	resp_free(&r);
	get(&v3, "/notices/1/followup?format=pdf", &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	/* The API's twin, with a token. */
	new_token("viewer", tok);
	get_bearer("/api/v1/notices/1/followup?format=docx", tok, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.headers), "wordprocessingml"));
	resp_free(&r);
	get_bearer("/api/v1/notices/1/followup", tok, &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.headers), "application/json"));
	HAS(r, "\"format\":");
	resp_free(&r);
	get_bearer("/api/v1/notices/99/followup?format=pdf", tok, &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
}

static int setup(void **state)
{
	const char *lead[] = {"1"};
	struct task_input t = {.body_id = 2,
			       .source_session_id = 1,
			       .content = "Báo cáo sơ kết quý IV",
			       .assigned_on = "2023-10-04",
			       .deadline = "30/11/2023",
			       .leads = lead,
			       .nleads = 1};
	struct db *db = NULL;
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-fu-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0)
		return -1;
	if (db_open(store, 0, &db, &e) < 0 || task_add(db, &t, &task3, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		db_close(db);
		return -1;
	}
	db_close(db);
	if (fx_exec(store, 1,
		    "INSERT INTO unit(id, body_id, kind, name, name_fold) VALUES(3, 2, 'agency',"
		    " 'Ban Tuyên giáo Huyện ủy', 'ban tuyen giao huyen uy')") < 0)
		return -1;
	return http_client_serve();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_office_answers_requests_to_close_from_its_queue),
	    cmocka_unit_test(the_api_sends_back_and_extends),
	    cmocka_unit_test(the_task_page_extends_a_deadline),
	    cmocka_unit_test(the_office_edits_an_open_task),
	    cmocka_unit_test(the_follow_up_report_downloads_from_the_notice),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
