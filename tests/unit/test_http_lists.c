/* test_http_lists.c: the real server: a client finds the ids it sends in /api/v1/units, /organs and /people, paged, filtered, in its scope; a bad parameter is 400 naming it. */
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

/* viewer sees Tân Yên (body 2), viewer3 Yên Thế (body 3), admin every body. */
static char tok_viewer[65], tok_viewer3[65], tok_admin[65];

/*
 * Every object of the list at path, following links.next to the end: their
 * ids (tombstones included) into ids, at most max; their count. Each page is
 * 200, each live object carries its self link.
 */
static size_t walk(const char *tok, const char *path, const char *seg, const char *type,
		   int64_t *ids, size_t max, size_t *pages)
{
	char next[512];
	size_t n = 0;

	snprintf(next, sizeof(next), "%s", path);
	*pages = 0;
	for (;;) {
		json_t *j, *o, *ln;
		size_t i;
		long st = api_get(tok, next, &j);

		if (st != 200)
			fail_msg("GET %s: %ld: %s", next, st, json_dumps(j, 0));
		(*pages)++;
		json_array_foreach(json_object_get(j, "data"), i, o)
		{
			int64_t id = json_integer_value(json_object_get(o, "id"));
			char self[80];

			assert_true(n < max);
			ids[n++] = id;
			if (json_object_get(o, "deleted"))
				continue;
			assert_string_equal(json_string_value(json_object_get(o, "type")), type);
			snprintf(self, sizeof(self), "/api/v1/%s/%lld", seg, (long long)id);
			assert_string_equal(json_string_value(json_object_get(o, "self")), self);
		}
		ln = json_object_get(json_object_get(j, "links"), "next");
		if (!ln) {
			json_decref(j);
			return n;
		}
		assert_true(*pages < 20);
		snprintf(next, sizeof(next), "%s", json_string_value(ln));
		json_decref(j);
	}
}

static bool has(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

/* The object of data with id (NULL: absent). */
static json_t *find(json_t *j, int64_t id)
{
	size_t i;
	json_t *o;

	json_array_foreach(json_object_get(j, "data"), i,
			   o) if (json_integer_value(json_object_get(o, "id")) == id) return o;
	return NULL;
}

/* The message the error answer j gives for field (NULL: none). */
static const char *field_msg(json_t *j, const char *field)
{
	return json_string_value(
	    json_object_get(json_object_get(json_object_get(j, "error"), "fields"), field));
}

/* ---- the store: the fixture with more units, an organ with a code, members ---- */

static int setup(void **state)
{
	struct db *db = NULL;
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-http-lists-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0)
		return -1;
	/*
	 * Tân Yên (body 2): units 1, 3–6 (6 stands for a lower body; the fixture
	 * has no commune, so it names body 3), organs 1 and 3 (with a code); Yên Thế
	 * (body 3): units 2 and 7, organ 2. People 11–13 sit in Tân Yên's organs,
	 * 21 in Yên Thế's, 12 in both, 31 in none yet.
	 */
	if (fx_exec(
		store, 1,
		"INSERT INTO organ(id, body_id, kind, name, code) VALUES"
		" (3, 2, 'vp', 'Văn phòng Huyện ủy Tân Yên', 'VPHU');"
		"INSERT INTO unit(id, body_id, kind, name, organ_id, lower_body_id, email) VALUES"
		" (3, 2, 'agency', 'Ban Tổ chức Huyện ủy', NULL, NULL, 'btc@tanyen.vn'),"
		" (4, 2, 'agency', 'Ban Tuyên giáo Huyện ủy', NULL, NULL, NULL),"
		" (5, 2, 'organ', 'Ủy ban Kiểm tra Huyện ủy', 3, NULL, NULL),"
		" (6, 2, 'lower_body', 'Đảng ủy xã Cao Xá', NULL, 3, NULL),"
		" (7, 3, 'agency', 'Ban Tổ chức Huyện ủy Yên Thế', NULL, NULL, NULL);"
		"INSERT INTO person(id, full_name, email, phone) VALUES"
		" (11, 'Nguyễn Văn An', 'an@tanyen.vn', '0912000111'), (12, 'Trần Thị Bình', NULL,"
		" NULL), (13, 'Lê Văn Cường', NULL, NULL), (21, 'Vũ Văn Yên', NULL, NULL),"
		" (31, 'Đỗ Văn Mới', NULL, NULL);"
		"INSERT INTO membership(person_id, organ_id, position, date_from, date_to) VALUES"
		" (11, 1, 'Bí thư', '2020-01-01', NULL), (11, 3, 'Chánh Văn phòng', '2021-05-01',"
		" '2023-06-30'), (12, 1, 'Phó Bí thư', '2020-01-01', NULL),"
		" (13, 3, 'Phó Chánh Văn phòng', NULL, NULL), (21, 2, 'Bí thư', '2020-01-01', "
		"NULL),"
		" (12, 2, 'Ủy viên', '2022-01-01', NULL);") < 0)
		return -1;
	if (db_open(store, 0, &db, &e) < 0 ||
	    account_token_new(db, "viewer", "cong", tok_viewer, &e) < 0 ||
	    account_token_new(db, "viewer3", "cong", tok_viewer3, &e) < 0 ||
	    account_token_new(db, "admin", "cong", tok_admin, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		return -1;
	}
	db_close(db);
	return http_client_serve();
}

/* ---- units ---- */

static void units_page_through_the_scope(void **state)
{
	int64_t ids[32];
	size_t pages,
	    n = walk(tok_viewer, "/api/v1/units?limit=2", "units", "unit", ids, 32, &pages);
	json_t *j, *o;

	/* Tân Yên's five units, two by two; none of Yên Thế's (2, 7). */
	assert_int_equal(n, 5);
	assert_int_equal(pages, 3);
	for (int64_t id = 1; id <= 6; id++)
		assert_int_equal(has(ids, n, id), id != 2);
	assert_false(has(ids, n, 7));
	/* In id order, the cursor after the last of a page. */
	for (size_t i = 1; i < n; i++)
		assert_true(ids[i - 1] < ids[i]);
	assert_int_equal(api_get(tok_viewer, "/api/v1/units?limit=2", &j), 200);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "links"), "next")),
			    "/api/v1/units?after=3&limit=2");
	assert_int_equal(
	    json_integer_value(json_object_get(json_object_get(j, "pagination"), "count")), 2);
	json_decref(j);
	/* The shape: body, kind, name, organ, lower_body, email. */
	assert_int_equal(api_get(tok_viewer, "/api/v1/units", &j), 200);
	o = find(j, 3);
	assert_non_null(o);
	assert_int_equal(json_integer_value(json_object_get(o, "body")), 2);
	assert_string_equal(json_string_value(json_object_get(o, "kind")), "agency");
	assert_string_equal(json_string_value(json_object_get(o, "name")), "Ban Tổ chức Huyện ủy");
	assert_string_equal(json_string_value(json_object_get(o, "email")), "btc@tanyen.vn");
	assert_true(json_is_null(json_object_get(o, "organ")));
	assert_int_equal(json_integer_value(json_object_get(find(j, 5), "organ")), 3);
	assert_int_equal(json_integer_value(json_object_get(find(j, 6), "lower_body")), 3);
	assert_true(json_is_null(json_object_get(find(j, 6), "organ")));
	json_decref(j);
	/* Yên Thế's viewer: its two units only. */
	n = walk(tok_viewer3, "/api/v1/units", "units", "unit", ids, 32, &pages);
	assert_int_equal(n, 2);
	assert_true(has(ids, n, 2) && has(ids, n, 7));
}

static void units_filter_by_body(void **state)
{
	int64_t ids[32];
	size_t pages, n = walk(tok_admin, "/api/v1/units?body=3", "units", "unit", ids, 32, &pages);
	json_t *j;

	assert_int_equal(n, 2);
	assert_true(has(ids, n, 2) && has(ids, n, 7));
	/* The filter is carried into links.next. */
	assert_int_equal(api_get(tok_admin, "/api/v1/units?body=2&limit=1", &j), 200);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "links"), "next")),
			    "/api/v1/units?after=1&limit=1&body=2");
	json_decref(j);
	n = walk(tok_admin, "/api/v1/units?body=2&limit=1", "units", "unit", ids, 32, &pages);
	assert_int_equal(n, 5);
	assert_false(has(ids, n, 2) || has(ids, n, 7));
	/* A body outside the scope: an empty list, not its units. */
	assert_int_equal(api_get(tok_viewer, "/api/v1/units?body=3", &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
	json_decref(j);
}

static void units_modified_since_carry_tombstones(void **state)
{
	json_t *j, *t;

	assert_int_equal(fx_exec(store, 1,
				 "INSERT INTO unit(id, body_id, kind, name) VALUES (9, 3, "
				 "'agency', 'Tổ công tác tạm');"
				 "DELETE FROM unit WHERE id = 9;"),
			 0);
	assert_int_equal(api_get(tok_admin, "/api/v1/units?modified_since=2000-01-01", &j), 200);
	t = find(j, 9);
	assert_non_null(t);
	assert_true(json_is_true(json_object_get(t, "deleted")));
	assert_non_null(find(j, 7));
	json_decref(j);
	/* Under a body's filter, only the tombstones of that body's units. */
	assert_int_equal(api_get(tok_admin, "/api/v1/units?body=2&modified_since=2000-01-01", &j),
			 200);
	assert_null(find(j, 9));
	json_decref(j);
	assert_int_equal(api_get(tok_admin, "/api/v1/units?body=3&modified_since=2000-01-01", &j),
			 200);
	assert_non_null(find(j, 9));
	json_decref(j);
	/* Nothing written after a far date. */
	assert_int_equal(api_get(tok_admin, "/api/v1/units?modified_since=2100-01-01", &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
	json_decref(j);
}

/* ---- organs ---- */

static void organs_of_the_scope_filter_by_body(void **state)
{
	int64_t ids[32];
	size_t pages,
	    n = walk(tok_viewer, "/api/v1/organs?limit=1", "organs", "organ", ids, 32, &pages);
	json_t *j, *o;

	assert_int_equal(n, 2);
	assert_true(has(ids, n, 1) && has(ids, n, 3));
	n = walk(tok_viewer3, "/api/v1/organs", "organs", "organ", ids, 32, &pages);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], 2);
	n = walk(tok_admin, "/api/v1/organs?body=3", "organs", "organ", ids, 32, &pages);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], 2);
	assert_int_equal(api_get(tok_viewer, "/api/v1/organs?body=2", &j), 200);
	o = find(j, 3);
	assert_non_null(o);
	assert_int_equal(json_integer_value(json_object_get(o, "body")), 2);
	assert_string_equal(json_string_value(json_object_get(o, "kind")), "vp");
	assert_string_equal(json_string_value(json_object_get(o, "name")),
			    "Văn phòng Huyện ủy Tân Yên");
	assert_string_equal(json_string_value(json_object_get(o, "code")), "VPHU");
	assert_true(json_is_null(json_object_get(find(j, 1), "code")));
	json_decref(j);
	assert_int_equal(api_get(tok_viewer3, "/api/v1/organs?body=2", &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
	json_decref(j);
}

/* ---- people ---- */

static void people_as_the_admin_pages_show_them(void **state)
{
	int64_t ids[32];
	size_t pages,
	    n = walk(tok_viewer, "/api/v1/people?limit=2", "people", "person", ids, 32, &pages);
	json_t *j, *o, *ms, *m;

	/* Tân Yên's members and the person of no organ yet; not Yên Thế's. */
	assert_int_equal(n, 4);
	assert_true(has(ids, n, 11) && has(ids, n, 12) && has(ids, n, 13) && has(ids, n, 31));
	assert_false(has(ids, n, 21));
	n = walk(tok_viewer3, "/api/v1/people", "people", "person", ids, 32, &pages);
	assert_int_equal(n, 3);
	assert_true(has(ids, n, 21) && has(ids, n, 12) && has(ids, n, 31));
	/* Contacts and memberships. */
	assert_int_equal(api_get(tok_viewer, "/api/v1/people", &j), 200);
	o = find(j, 11);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "name")), "Nguyễn Văn An");
	assert_string_equal(json_string_value(json_object_get(o, "email")), "an@tanyen.vn");
	assert_string_equal(json_string_value(json_object_get(o, "phone")), "0912000111");
	ms = json_object_get(o, "memberships");
	assert_int_equal(json_array_size(ms), 2);
	m = json_array_get(ms, 1);
	assert_int_equal(json_integer_value(json_object_get(m, "organ")), 3);
	assert_string_equal(json_string_value(json_object_get(m, "position")), "Chánh Văn phòng");
	assert_string_equal(json_string_value(json_object_get(m, "from")), "2021-05-01");
	assert_string_equal(json_string_value(json_object_get(m, "to")), "2023-06-30");
	assert_true(json_is_null(json_object_get(json_array_get(ms, 0), "to")));
	assert_int_equal(json_array_size(json_object_get(find(j, 31), "memberships")), 0);
	/* A seat in an organ outside the scope is not shown. */
	ms = json_object_get(find(j, 12), "memberships");
	assert_int_equal(json_array_size(ms), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ms, 0), "organ")), 1);
	json_decref(j);
	assert_int_equal(api_get(tok_viewer3, "/api/v1/people", &j), 200);
	ms = json_object_get(find(j, 12), "memberships");
	assert_int_equal(json_array_size(ms), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(ms, 0), "organ")), 2);
	json_decref(j);
}

static void people_filter_by_organ(void **state)
{
	int64_t ids[32];
	size_t pages, n = walk(tok_viewer, "/api/v1/people?organ=1&limit=1", "people", "person",
			       ids, 32, &pages);
	json_t *j;

	assert_int_equal(n, 2);
	assert_true(has(ids, n, 11) && has(ids, n, 12));
	assert_int_equal(api_get(tok_viewer, "/api/v1/people?organ=3&limit=1", &j), 200);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "links"), "next")),
			    "/api/v1/people?after=11&limit=1&organ=3");
	json_decref(j);
	/* An organ outside the scope: nobody, not its members. */
	assert_int_equal(api_get(tok_viewer, "/api/v1/people?organ=2", &j), 200);
	assert_int_equal(json_array_size(json_object_get(j, "data")), 0);
	json_decref(j);
	n = walk(tok_admin, "/api/v1/people?organ=2", "people", "person", ids, 32, &pages);
	assert_int_equal(n, 2);
	assert_true(has(ids, n, 12) && has(ids, n, 21));
}

/* ---- one object: where self leads ---- */

static void self_leads_to_the_object_in_the_scope_only(void **state)
{
	static const char *const lists[] = {"/api/v1/units", "/api/v1/organs", "/api/v1/people"};
	json_t *j, *o;

	/* Every self link of the lists answers the object as the list shows it. */
	for (size_t l = 0; l < 3; l++) {
		size_t i;

		assert_int_equal(api_get(tok_viewer, lists[l], &j), 200);
		assert_true(json_array_size(json_object_get(j, "data")) > 0);
		json_array_foreach(json_object_get(j, "data"), i, o)
		{
			const char *self = json_string_value(json_object_get(o, "self"));
			json_t *one;

			assert_non_null(self);
			assert_int_equal(api_get(tok_viewer, self, &one), 200);
			json_object_del(o, "self");
			if (!json_equal(one, o))
				fail_msg("GET %s: %s, the list shows %s", self, json_dumps(one, 0),
					 json_dumps(o, 0));
			json_decref(one);
		}
		json_decref(j);
	}
	/* Yên Thế's unit, organ and member are not Tân Yên's viewer's: 404 naming the id. */
	assert_int_equal(api_get(tok_viewer, "/api/v1/units/7", &j), 404);
	assert_non_null(strstr(
	    json_string_value(json_object_get(json_object_get(j, "error"), "message")), "7"));
	json_decref(j);
	assert_int_equal(api_get(tok_viewer, "/api/v1/organs/2", &j), 404);
	json_decref(j);
	assert_int_equal(api_get(tok_viewer, "/api/v1/people/21", &j), 404);
	json_decref(j);
	/* Person 12 sits in both districts: each viewer sees its own seat only. */
	assert_int_equal(api_get(tok_viewer3, "/api/v1/people/12", &j), 200);
	o = json_object_get(j, "memberships");
	assert_int_equal(json_array_size(o), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(o, 0), "organ")), 2);
	json_decref(j);
}

/* ---- bad parameters ---- */

static void a_bad_parameter_is_400_naming_it(void **state)
{
	static const struct {
		const char *path, *field;
	} bad[] = {
	    {"/api/v1/units?limit=0", "limit"},
	    {"/api/v1/units?limit=201", "limit"},
	    {"/api/v1/units?body=abc", "body"},
	    {"/api/v1/units?after=-1", "after"},
	    {"/api/v1/organs?body=2x", "body"},
	    {"/api/v1/organs?modified_since=2023-13-01", "modified_since"},
	    {"/api/v1/people?organ=-3", "organ"},
	    {"/api/v1/people?limit=many", "limit"},
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		json_t *j;
		long st = api_get(tok_viewer, bad[i].path, &j);

		if (st != 400 || !field_msg(j, bad[i].field))
			fail_msg("GET %s: %ld (expected 400 naming %s): %s", bad[i].path, st,
				 bad[i].field, json_dumps(j, 0));
		json_decref(j);
	}
}

static void the_lists_need_an_account(void **state)
{
	struct resp r;

	req("GET", "/api/v1/people", NULL, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 401);
	resp_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(units_page_through_the_scope),
	    cmocka_unit_test(units_filter_by_body),
	    cmocka_unit_test(units_modified_since_carry_tombstones),
	    cmocka_unit_test(organs_of_the_scope_filter_by_body),
	    cmocka_unit_test(people_as_the_admin_pages_show_them),
	    cmocka_unit_test(people_filter_by_organ),
	    cmocka_unit_test(self_leads_to_the_object_in_the_scope_only),
	    cmocka_unit_test(a_bad_parameter_is_400_naming_it),
	    cmocka_unit_test(the_lists_need_an_account),
	};

	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
