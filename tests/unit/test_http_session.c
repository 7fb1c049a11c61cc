/* test_http_session.c: the real server: the office registers a session, its agenda, attendance and votes, by form and by /api/v1; bad input is 400 naming the field, nothing written. */
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

#include "http/http.h"
#include "render/docview.h"
#include "web/web.h"
#include "web_fixture.h"
#include "http_client.h"

static char tok_office[65], tok_viewer[65];

/* The message the error answer j gives for field (NULL: none). */
static const char *field_msg(json_t *j, const char *field)
{
	return json_string_value(
	    json_object_get(json_object_get(json_object_get(j, "error"), "fields"), field));
}

static int64_t one_int(const char *sql)
{
	return fx_int(store, sql);
}

/* The audit log's last id: anything written shows as a larger one. */
static int64_t audit_top(void)
{
	return one_int("SELECT coalesce(max(id), 0) FROM audit_log");
}

/* A request the API must refuse: status, the field named, nothing written. */
static void refused(const char *tok, const char *method, const char *path, const char *json,
		    long status, const char *field)
{
	int64_t top = audit_top();
	json_t *j;
	long st = api_json(tok, method, path, json, &j);

	if (st != status || (field && !field_msg(j, field)))
		fail_msg("%s %s %s: %ld (expected %ld naming %s): %s", method, path, json, st,
			 status, field ? field : "-", json_dumps(j, 0));
	assert_int_equal(audit_top(), top);
	json_decref(j);
}

/* ---- the store: the fixture, with members for both districts' organs ---- */

static int setup(void **state)
{
	struct db *db = NULL;
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-http-session-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0)
		return -1;
	/* Five members of Ban Thường vụ Tân Yên (organ 1), one of Yên Thế's (organ 2). */
	if (fx_exec(store, 1,
		    "INSERT INTO person(id, full_name) VALUES (11, 'Nguyễn Văn An'),"
		    " (12, 'Trần Thị Bình'), (13, 'Lê Văn Cường'), (14, 'Phạm Thị Dung'),"
		    " (15, 'Hoàng Văn Em'), (21, 'Vũ Văn Yên');"
		    "INSERT INTO membership(person_id, organ_id, position, date_from) VALUES"
		    " (11, 1, 'Bí thư', '2020-01-01'), (12, 1, 'Phó Bí thư', '2020-01-01'),"
		    " (13, 1, 'Ủy viên BTV', '2020-01-01'), (14, 1, 'Ủy viên BTV', '2020-01-01'),"
		    " (15, 1, 'Ủy viên BTV', '2020-01-01'), (21, 2, 'Bí thư', '2020-01-01');") < 0)
		return -1;
	if (db_open(store, 0, &db, &e) < 0 ||
	    account_token_new(db, "office", "phien-hop", tok_office, &e) < 0 ||
	    account_token_new(db, "viewer", "xem", tok_viewer, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	db_close(db);
	return http_client_serve();
}

/* Registers session number of organ 1 on date at time; its id. */
static int64_t new_session(const char *date, const char *time)
{
	char body[256];
	json_t *j;
	int64_t id;

	snprintf(body, sizeof(body),
		 "{\"organ\":\"1\",\"term\":\"XXII\",\"date\":\"%s\",\"time\":\"%s\"}", date, time);
	assert_int_equal(api_json(tok_office, "POST", "/api/v1/sessions", body, &j), 201);
	id = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	assert_true(id > 0);
	return id;
}

/* ---- sessions ---- */

static void the_office_registers_a_session_with_its_start_time(void **state)
{
	char hdr[128];
	struct resp r;
	json_t *j;

	/* Organ as BODY:KIND (the code HU is also Yên Thế's, outside the scope), term by name. */
	snprintf(hdr, sizeof(hdr), "Authorization: Bearer %s", tok_office);
	req("POST", "/api/v1/sessions", NULL, "application/json",
	    "{\"organ\":\"HU:btv\",\"term\":\"XXII\",\"date\":\"2023-12-20\",\"time\":\"8:30\","
	    "\"place\":\"Hội trường Huyện ủy\",\"kind\":\"chuyen_de\",\"basis\":\"Quy chế\"}",
	    hdr, &r);
	if (r.status != 201)
		fail_msg("%ld: %s", r.status, buf_str(&r.body));
	j = json_loads(buf_str(&r.body), 0, NULL);
	assert_non_null(j);
	/* The organ's next number in the term: 26 was the last. */
	assert_int_equal(json_integer_value(json_object_get(j, "number")), 27);
	assert_string_equal(json_string_value(json_object_get(j, "start_time")), "08:30");
	assert_string_equal(json_string_value(json_object_get(j, "kind")), "chuyen_de");
	assert_true(json_is_array(json_object_get(j, "agenda")));
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(j, "attendance"), "members")), 5);
	{
		char loc[80];

		snprintf(loc, sizeof(loc), "Location: /api/v1/sessions/%lld",
			 (long long)json_integer_value(json_object_get(j, "id")));
		assert_non_null(strstr(buf_str(&r.headers), loc));
	}
	json_decref(j);
	resp_free(&r);
	/* Organ and term as ids, the number given. */
	assert_int_equal(api_json(tok_office, "POST", "/api/v1/sessions",
				  "{\"organ\":1,\"term\":1,\"number\":40,\"date\":\"2024-01-05\","
				  "\"time\":\"14:00\"}",
				  &j),
			 201);
	assert_int_equal(json_integer_value(json_object_get(j, "number")), 40);
	json_decref(j);
}

static void a_bad_session_is_400_naming_the_field_and_nothing_is_written(void **state)
{
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XXII\",\"date\":\"2023-12-21\",\"time\":\"25:00\"}",
		400, "time");
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XXII\",\"date\":\"2023-12-21\"}", 400, "time");
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XXII\",\"date\":\"21/12/2023\",\"time\":\"08:00\"}",
		400, "date");
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XV\",\"date\":\"2023-12-21\",\"time\":\"08:00\"}", 400,
		"term");
	/* Yên Thế's organ is outside the office's scope, by id or by code. */
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"2\",\"term\":\"XXIV\",\"date\":\"2023-12-21\",\"time\":\"08:00\"}",
		400, "organ");
	refused(
	    tok_office, "POST", "/api/v1/sessions",
	    "{\"organ\":\"HU:bch\",\"term\":\"XXII\",\"date\":\"2023-12-21\",\"time\":\"08:00\"}",
	    400, "organ");
	/* Yên Thế's term with Tân Yên's organ. */
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"2\",\"date\":\"2023-12-21\",\"time\":\"08:00\"}", 400,
		"term");
	/* A number taken: 409 beside the number. */
	refused(tok_office, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XXII\",\"number\":26,\"date\":\"2023-12-21\","
		"\"time\":\"08:00\"}",
		409, "number");
	/* Readers do not write. */
	refused(tok_viewer, "POST", "/api/v1/sessions",
		"{\"organ\":\"1\",\"term\":\"XXII\",\"date\":\"2023-12-21\",\"time\":\"08:00\"}",
		403, NULL);
}

static void a_session_is_edited_until_it_is_concluded(void **state)
{
	int64_t id = new_session("2024-02-01", "08:00");
	char path[64];
	json_t *j;

	snprintf(path, sizeof(path), "/api/v1/sessions/%lld", (long long)id);
	assert_int_equal(api_json(tok_office, "PATCH", path,
				  "{\"time\":\"14:15\",\"place\":\"Phòng họp số 2\"}", &j),
			 200);
	assert_string_equal(json_string_value(json_object_get(j, "start_time")), "14:15");
	assert_string_equal(json_string_value(json_object_get(j, "place")), "Phòng họp số 2");
	/* What was not sent is kept. */
	assert_string_equal(json_string_value(json_object_get(j, "date")), "2024-02-01");
	json_decref(j);
	refused(tok_office, "PATCH", path, "{\"time\":\"7h\"}", 400, "time");
	refused(tok_office, "PATCH", path, "{\"number\":26}", 409, "number");
	/* Session 26 is concluded. */
	refused(tok_office, "PATCH", "/api/v1/sessions/1", "{\"time\":\"08:00\"}", 409, NULL);
	/* Yên Thế's session is out of reach. */
	refused(tok_office, "PATCH", "/api/v1/sessions/2", "{\"time\":\"08:00\"}", 404, NULL);
}

/* ---- agenda ---- */

static void agenda_items_are_added_and_reordered(void **state)
{
	int64_t id = new_session("2024-03-01", "08:00"), a, b;
	char path[96], body[128];
	json_t *j, *ag;

	snprintf(path, sizeof(path), "/api/v1/sessions/%lld/agenda", (long long)id);
	assert_int_equal(api_json(tok_office, "POST", path,
				  "{\"kind\":\"Báo cáo\",\"title\":\"tình hình quý I\","
				  "\"presenter_unit_id\":1}",
				  &j),
			 201);
	a = json_integer_value(json_object_get(j, "id"));
	assert_string_equal(json_string_value(json_object_get(j, "presenter")),
			    "Văn phòng Huyện ủy");
	json_decref(j);
	assert_int_equal(api_json(tok_office, "POST", path,
				  "{\"kind\":\"Tờ trình\",\"title\":\"sơ kết Nghị quyết 56\","
				  "\"document_id\":1}",
				  &j),
			 201);
	b = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	refused(tok_office, "POST", path, "{\"kind\":\"Tờ trình\"}", 400, "title");
	/* Yên Thế's document is outside the office's scope. */
	refused(tok_office, "POST", path,
		"{\"kind\":\"Tờ trình\",\"title\":\"x\",\"document_id\":3}", 400, "document_id");
	refused(tok_office, "POST", path,
		"{\"kind\":\"Tờ trình\",\"title\":\"x\",\"presenter_unit_id\":2}", 400,
		"presenter_unit_id");
	/* The second moves up: it is first. */
	snprintf(path, sizeof(path), "/api/v1/agenda-items/%lld/move", (long long)b);
	assert_int_equal(api_json(tok_office, "POST", path, "{\"direction\":\"up\"}", &j), 200);
	ag = json_object_get(j, "agenda");
	assert_int_equal(json_array_size(ag), 2);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ag, 0), "id")), b);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ag, 1), "id")), a);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ag, 0), "position")), 1);
	json_decref(j);
	refused(tok_office, "POST", path, "{\"direction\":\"up\"}", 400, "direction");
	refused(tok_office, "POST", path, "{\"direction\":\"left\"}", 400, "direction");
	snprintf(body, sizeof(body), "/api/v1/sessions/2/agenda");
	refused(tok_office, "POST", body, "{\"kind\":\"Báo cáo\",\"title\":\"x\"}", 404, NULL);
}

/* ---- attendance and votes ---- */

static const char *item_outcome(json_t *s, int64_t item)
{
	json_t *ag = json_object_get(s, "agenda");

	for (size_t i = 0; i < json_array_size(ag); i++)
		if (json_integer_value(json_object_get(json_array_get(ag, i), "id")) == item)
			return json_string_value(json_object_get(json_array_get(ag, i), "outcome"));
	return NULL;
}

static void attendance_and_votes_follow_the_rules(void **state)
{
	int64_t id = new_session("2024-04-01", "08:00"), a, b;
	char path[96], vote_a[96], vote_b[96];
	json_t *j, *at;

	snprintf(path, sizeof(path), "/api/v1/sessions/%lld/agenda", (long long)id);
	assert_int_equal(api_json(tok_office, "POST", path,
				  "{\"kind\":\"Tờ trình\",\"title\":\"thứ nhất\"}", &j),
			 201);
	a = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	assert_int_equal(
	    api_json(tok_office, "POST", path, "{\"kind\":\"Tờ trình\",\"title\":\"thứ hai\"}", &j),
	    201);
	b = json_integer_value(json_object_get(j, "id"));
	json_decref(j);
	snprintf(vote_a, sizeof(vote_a), "/api/v1/agenda-items/%lld/vote", (long long)a);
	snprintf(vote_b, sizeof(vote_b), "/api/v1/agenda-items/%lld/vote", (long long)b);
	/* Nobody recorded present yet: no vote. */
	refused(tok_office, "POST", vote_a, "{\"for\":3}", 400, "for");

	snprintf(path, sizeof(path), "/api/v1/sessions/%lld/attendance", (long long)id);
	refused(tok_office, "POST", path, "{\"person_id\":11,\"status\":\"absent\"}", 400,
		"reason");
	refused(tok_office, "POST", path, "{\"person_id\":21,\"status\":\"present\"}", 400,
		"person_id");
	refused(tok_office, "POST", path, "{\"status\":\"present\"}", 400, "person_id");
	refused(tok_office, "POST", path, "{\"person_id\":11,\"status\":\"here\"}", 400, "status");
	assert_int_equal(
	    api_json(tok_office, "POST", path,
		     "{\"person_id\":11,\"status\":\"absent\",\"reason\":\"Đi công tác\"}", &j),
	    200);
	json_decref(j);
	assert_int_equal(
	    api_json(tok_office, "POST", path,
		     "{\"person_id\":12,\"status\":\"delegated\",\"reason\":\"Nguyễn B\"}", &j),
	    200);
	json_decref(j);
	/* Two of five present is not more than half: still no vote. */
	assert_int_equal(
	    api_json(tok_office, "POST", path, "{\"person_id\":13,\"status\":\"present\"}", &j),
	    200);
	json_decref(j);
	refused(tok_office, "POST", vote_a, "{\"for\":1}", 400, "for");
	assert_int_equal(api_json(tok_office, "POST", path, "{\"rest_present\":true}", &j), 200);
	at = json_object_get(j, "attendance");
	assert_int_equal(json_integer_value(json_object_get(at, "members")), 5);
	assert_int_equal(json_integer_value(json_object_get(at, "present")), 3);
	assert_int_equal(json_integer_value(json_object_get(at, "absent")), 1);
	assert_int_equal(json_integer_value(json_object_get(at, "delegated")), 1);
	assert_true(json_is_true(json_object_get(at, "quorum_met")));
	json_decref(j);

	/* More votes than members present. */
	refused(tok_office, "POST", vote_a, "{\"for\":3,\"against\":1}", 400, "for");
	refused(tok_office, "POST", vote_a, "{\"for\":-1}", 400, "for");
	refused(tok_office, "POST", vote_a, "{\"against\":1}", 400, "for");
	/* 3 of 5 in office: more than half, passed; the office's word when all present agree. */
	assert_int_equal(api_json(tok_office, "POST", vote_a, "{\"for\":3,\"against\":0}", &j),
			 201);
	assert_string_equal(item_outcome(j, a), "nhất trí");
	json_decref(j);
	refused(tok_office, "POST", vote_a, "{\"for\":3}", 409, "for");
	/* 2 of 5: not passed, whatever the room thought. */
	assert_int_equal(api_json(tok_office, "POST", vote_b, "{\"for\":2,\"against\":1}", &j),
			 201);
	assert_string_equal(item_outcome(j, b), "không thông qua");
	json_decref(j);

	/* A correction needs its reason; the old counts stay in the audit log. */
	refused(tok_office, "PUT", vote_b, "{\"for\":3}", 400, "reason");
	refused(tok_office, "PUT", vote_b, "{\"for\":4,\"reason\":\"đếm lại\"}", 400, "for");
	assert_int_equal(api_json(tok_office, "PUT", vote_b,
				  "{\"for\":3,\"against\":0,\"reason\":\"Đếm nhầm một phiếu\"}",
				  &j),
			 200);
	assert_string_equal(item_outcome(j, b), "nhất trí");
	{
		json_t *ag = json_object_get(j, "agenda"), *v = NULL;

		for (size_t i = 0; i < json_array_size(ag); i++)
			if (json_integer_value(json_object_get(json_array_get(ag, i), "id")) == b)
				v = json_object_get(json_array_get(ag, i), "vote");
		assert_non_null(v);
		assert_int_equal(json_integer_value(json_object_get(v, "for")), 3);
		assert_true(json_is_true(json_object_get(v, "passed")));
		assert_string_equal(json_string_value(json_object_get(v, "correction_reason")),
				    "Đếm nhầm một phiếu");
	}
	json_decref(j);
	assert_int_equal(
	    one_int(
		db_is_pg(store)
		    ? "SELECT count(*) FROM audit_log WHERE tbl = 'sw_vote' AND op = 'update'"
		      " AND (before::json ->> 'n_for') = '2' AND (after::json ->> 'n_for') = '3'"
		      " AND (after::json ->> 'correction_reason') = 'Đếm nhầm một phiếu'"
		    : "SELECT count(*) FROM audit_log WHERE tbl = 'sw_vote' AND op = 'update'"
		      " AND json_extract(before, '$.n_for') = 2 AND json_extract(after, '$.n_for')"
		      " = 3 AND json_extract(after, '$.correction_reason') = 'Đếm nhầm một phiếu'"),
	    1);
	/* GET shows the same session. */
	snprintf(path, sizeof(path), "/api/v1/sessions/%lld", (long long)id);
	assert_int_equal(api_json(tok_viewer, "GET", path, NULL, &j), 200);
	assert_string_equal(item_outcome(j, b), "nhất trí");
	assert_string_equal(json_string_value(json_object_get(j, "start_time")), "08:00");
	json_decref(j);
	/* Yên Thế's session is out of reach. */
	refused(tok_office, "POST", "/api/v1/sessions/2/attendance", "{\"rest_present\":true}", 404,
		NULL);
	refused(tok_viewer, "PUT", vote_b, "{\"for\":3,\"reason\":\"x\"}", 403, NULL);
}

/* ---- the forms ---- */

static void the_office_runs_a_session_through_the_forms(void **state)
{
	struct client office, viewer;
	char path[96], loc[96];
	int64_t top, id, item;
	const char *l;
	struct resp r;

	login("office", &office);
	login("viewer", &viewer);
	/* The add form is there for the office, with the organ's next number proposed. */
	req("GET", "/sessions", office.cookie, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Thêm phiên họp"));
	assert_non_null(strstr(buf_str(&r.body), "name=\"time\""));
	resp_free(&r);
	req("GET", "/sessions", viewer.cookie, NULL, NULL, NULL, &r);
	assert_null(strstr(buf_str(&r.body), "Thêm phiên họp"));
	resp_free(&r);
	/* A bad time: 400, the message beside it, what was typed kept. */
	top = audit_top();
	post_form(
	    &office, "/sessions",
	    "organ=1&term=1&date=2024-05-01&time=8h61&place=H%E1%BB%99i+tr%C6%B0%E1%BB%9Dng+B", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-time\""));
	assert_non_null(strstr(buf_str(&r.body), "8h61&#39; không hợp lệ: cần dạng giờ:phút"));
	assert_non_null(strstr(buf_str(&r.body), "value=\"Hội trường B\""));
	assert_int_equal(audit_top(), top);
	resp_free(&r);
	post_form(&office, "/sessions", "organ=1&term=1&date=2024-05-01&time=07%3A30", &r);
	assert_int_equal(r.status, 303);
	l = strstr(buf_str(&r.headers), "Location: /sessions/");
	assert_non_null(l);
	id = strtoll(l + strlen("Location: /sessions/"), NULL, 10);
	resp_free(&r);
	snprintf(path, sizeof(path), "/sessions/%lld", (long long)id);
	req("GET", path, office.cookie, NULL, NULL, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "<dd id=\"gio-hop\">07:30</dd>"));
	assert_non_null(strstr(buf_str(&r.body), "01/05/2024"));
	resp_free(&r);
	/* The agenda form. */
	snprintf(path, sizeof(path), "/sessions/%lld/agenda", (long long)id);
	post_form(&office, path, "kind=T%E1%BB%9D+tr%C3%ACnh&title=", &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	post_form(&office, path,
		  "kind=T%E1%BB%9D+tr%C3%ACnh&title=D%E1%BB%B1+to%C3%A1n&document_id=1", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	item = one_int("SELECT max(id) FROM agenda_item");
	/* Attendance: one absent without a reason is refused beside its row; nothing written. */
	snprintf(path, sizeof(path), "/sessions/%lld/attendance", (long long)id);
	top = audit_top();
	post_form(&office, path, "st11=absent&re11=&st12=present&rest=1", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-re11\""));
	assert_int_equal(audit_top(), top);
	resp_free(&r);
	post_form(&office, path, "st11=absent&re11=%C4%90i+h%E1%BB%8Dc&rest=1", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	/* The grid sent back unchanged writes nothing. */
	top = audit_top();
	post_form(&office, path, "st11=absent&re11=%C4%90i+h%E1%BB%8Dc&st12=present&st13=present",
		  &r);
	assert_int_equal(r.status, 303);
	assert_int_equal(audit_top(), top);
	resp_free(&r);
	snprintf(path, sizeof(path), "/sessions/%lld", (long long)id);
	req("GET", path, office.cookie, NULL, NULL, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "<strong>4/5</strong> ủy viên có mặt"));
	assert_non_null(strstr(buf_str(&r.body), "đủ điều kiện biểu quyết"));
	resp_free(&r);
	/* A vote larger than those present: 400 beside the count. */
	snprintf(path, sizeof(path), "/sessions/%lld/votes/%lld", (long long)id, (long long)item);
	post_form(&office, path, "for=5&against=0&abstain=0", &r);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "id=\"ferr-for\""));
	resp_free(&r);
	post_form(&office, path, "for=3&against=1&abstain=0", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	/* Corrected with its reason. */
	snprintf(path, sizeof(path), "/sessions/%lld/votes/%lld/correct", (long long)id,
		 (long long)item);
	post_form(&office, path, "for=2&against=2&abstain=0&reason=", &r);
	assert_int_equal(r.status, 400);
	resp_free(&r);
	post_form(&office, path, "for=2&against=2&abstain=0&reason=Ghi+nh%E1%BA%A7m", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	snprintf(loc, sizeof(loc), "/sessions/%lld", (long long)id);
	req("GET", loc, viewer.cookie, NULL, NULL, NULL, &r);
	assert_non_null(strstr(buf_str(&r.body), "không thông qua"));
	assert_non_null(strstr(buf_str(&r.body), "Lý do: Ghi nhầm"));
	/* The reader sees, but has no form. */
	assert_null(strstr(buf_str(&r.body), "Ghi biểu quyết"));
	assert_null(strstr(buf_str(&r.body), "Sửa kết quả</button>"));
	resp_free(&r);
	/* Readers cannot post the forms. */
	top = audit_top();
	post_form(&viewer, "/sessions", "organ=1&term=1&date=2024-05-02&time=07%3A30", &r);
	assert_int_equal(r.status, 403);
	assert_int_equal(audit_top(), top);
	resp_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(the_office_registers_a_session_with_its_start_time),
	    cmocka_unit_test(a_bad_session_is_400_naming_the_field_and_nothing_is_written),
	    cmocka_unit_test(a_session_is_edited_until_it_is_concluded),
	    cmocka_unit_test(agenda_items_are_added_and_reordered),
	    cmocka_unit_test(attendance_and_votes_follow_the_rules),
	    cmocka_unit_test(the_office_runs_a_session_through_the_forms),
	};

	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
