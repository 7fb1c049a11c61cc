/* test_read.c: the read side: scope and clearance of lists and rows, paging, task visibility, entity JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/read/read.h"
#include "render/entity.h"
#include "util/arena.h"
#include "web_fixture.h"

static char store[256];

struct fx {
	struct db *db;
	struct arena *a;
};

static int setup(void **state)
{
	static struct fx f;
	struct err e = {0};

	snprintf(store, sizeof(store), "/tmp/dondoc-test-read-%ld.db", (long)getpid());
	if (test_store_fresh(store, sizeof(store)) < 0 || fx_create(store) < 0 ||
	    db_open(store, 0, &f.db, &e) < 0)
		return -1;
	f.a = arena_new(16u << 20);
	*state = &f;
	return f.a ? 0 : -1;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	arena_free(f->a);
	db_close(f->db);
	db_remove(store, true, NULL);
	return 0;
}

/* The fixture's account of login. */
static struct account account_of(struct fx *f, const char *login)
{
	struct account a = {0};
	struct err e = {0};
	int64_t id = 0;

	assert_int_equal(db_query_int(f->db, SQL_ACCOUNT_ID, &id, "t", login), 0);
	assert_int_equal(account_get(f->db, id, &a, &e), 0);
	return a;
}

/* The ids of the documents account login lists, as "1,2". */
static const char *doc_ids(struct fx *f, const char *login)
{
	struct read_page p = {.limit = 100, .since = ""};
	struct account a = account_of(f, login);
	struct read_document *d;
	static char out[64];
	size_t n, k = 0;

	assert_int_equal(read_documents(f->db, &a, &p, f->a, &d, &n), 0);
	out[0] = 0;
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%lld", i ? "," : "",
				      (long long)d[i].id);
	return out;
}

static void documents_keep_to_scope_and_clearance(void **state)
{
	struct fx *f = *state;

	assert_string_equal(doc_ids(f, "admin"), "1,2,3");
	assert_string_equal(doc_ids(f, "member"), "1,2");
	assert_string_equal(doc_ids(f, "viewer"), "1");
	assert_string_equal(doc_ids(f, "viewer3"), "3");
}

static void a_row_outside_is_not_found(void **state)
{
	struct fx *f = *state;
	struct account viewer = account_of(f, "viewer"), member = account_of(f, "member");
	struct read_document d;
	struct read_session s;
	struct err e = {0};

	assert_int_equal(read_document(f->db, &viewer, 2, f->a, &d, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "số 2"));
	assert_int_equal(read_document(f->db, &viewer, 3, f->a, &d, &e), ERR_NOTFOUND);
	assert_int_equal(read_document(f->db, &member, 2, f->a, &d, &e), 0);
	assert_string_equal(d.symbol, "57-NQ/HU");
	assert_string_equal(d.confidentiality, "mat");
	assert_int_equal(read_session(f->db, &viewer, 2, f->a, &s, &e), ERR_NOTFOUND);
	assert_int_equal(read_session(f->db, &viewer, 1, f->a, &s, &e), 0);
	assert_int_equal(s.number, 26);
	assert_int_equal(s.year_from, 2020);
	assert_string_equal(s.organ, "Ban Thường vụ Huyện ủy");
}

static void an_agenda_withholds_a_confidential_document(void **state)
{
	struct fx *f = *state;
	struct account viewer = account_of(f, "viewer"), member = account_of(f, "member");
	struct read_agenda_line *l;
	size_t n;

	assert_int_equal(read_session_agenda(f->db, &viewer, 1, f->a, &l, &n), 0);
	assert_int_equal(n, 2);
	assert_true(l[0].doc_visible);
	assert_string_equal(l[0].doc_symbol, "56-NQ/HU");
	assert_false(l[1].doc_visible);
	assert_null(l[1].doc_symbol);
	assert_int_equal(read_session_agenda(f->db, &member, 1, f->a, &l, &n), 0);
	assert_true(l[1].doc_visible);
	assert_string_equal(l[1].doc_symbol, "57-NQ/HU");
}

static void lists_page_after_the_cursor(void **state)
{
	struct fx *f = *state;
	struct account admin = account_of(f, "admin");
	struct read_page p = {.after = 0, .limit = 1, .since = ""};
	struct read_session *s;
	struct read_tomb *t;
	size_t n;

	assert_int_equal(read_sessions(f->db, &admin, &p, f->a, &s, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].id, 1);
	p.after = s[0].id;
	assert_int_equal(read_sessions(f->db, &admin, &p, f->a, &s, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].id, 2);
	assert_string_equal(s[0].body, "Huyện ủy Yên Thế");
	p.after = 2;
	assert_int_equal(read_sessions(f->db, &admin, &p, f->a, &s, &n), 0);
	assert_int_equal(n, 0);
	/* No time given: no tombstones, whatever was deleted. */
	assert_int_equal(read_tombstones(f->db, READ_SESSION, &p, f->a, &t, &n), 0);
	assert_int_equal(n, 0);
}

static void a_reporter_sees_its_own_units_tasks_only(void **state)
{
	struct fx *f = *state;
	struct account reporter = account_of(f, "reporter"), viewer3 = account_of(f, "viewer3");
	struct task_unit_ref mine = {.id = 1, .name = "Văn phòng Huyện ủy", .lead = true};
	struct task_unit_ref other = {.id = 2, .name = "Văn phòng Huyện ủy Yên Thế", .lead = true};
	struct task t = {.id = 9, .body_id = 2, .units = &mine, .nunits = 1};

	assert_true(read_task_visible(f->db, &reporter, &t));
	assert_false(read_task_visible(f->db, &viewer3, &t));
	t.units = &other;
	assert_false(read_task_visible(f->db, &reporter, &t));
	t.body_id = 3;
	assert_true(read_task_visible(f->db, &viewer3, &t));
}

static void choices_keep_to_scope(void **state)
{
	struct fx *f = *state;
	struct account viewer3 = account_of(f, "viewer3"), admin = account_of(f, "admin");
	struct read_option *o;
	size_t n;

	assert_int_equal(read_choices(f->db, &viewer3, READ_CHOICE_BODIES, f->a, &o, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(o[0].value, "3");
	assert_null(o[0].group);
	assert_int_equal(read_choices(f->db, &admin, READ_CHOICE_UNITS, f->a, &o, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(o[0].group, "Huyện ủy Tân Yên");
}

static void entities_have_the_apis_shape(void **state)
{
	struct read_body b = {.id = 1, .level = "tinh", .kind = "party", .name = "Tỉnh ủy"};
	struct read_document d = {.id = 4, .type_code = "NQ", .title = "Về …", .status = "draft"};
	json_t *o = ent_body_json(&b);
	char *s;

	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_string_equal(s, "{\"id\":1,\"type\":\"body\",\"parent\":null,\"level\":\"tinh\","
			       "\"kind\":\"party\",\"name\":\"Tỉnh ủy\",\"code\":null,"
			       "\"active_to\":null,\"successor\":null,"
			       "\"terms\":\"/api/v1/terms?body=1\"}");
	free(s);
	json_decref(o);
	o = ent_document_json(&d);
	assert_true(json_is_null(json_object_get(o, "symbol")));
	assert_true(json_is_null(json_object_get(o, "body")));
	assert_string_equal(json_string_value(json_object_get(o, "type")), "document");
	json_decref(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(documents_keep_to_scope_and_clearance),
	    cmocka_unit_test(a_row_outside_is_not_found),
	    cmocka_unit_test(an_agenda_withholds_a_confidential_document),
	    cmocka_unit_test(lists_page_after_the_cursor),
	    cmocka_unit_test(a_reporter_sees_its_own_units_tasks_only),
	    cmocka_unit_test(choices_keep_to_scope),
	    cmocka_unit_test(entities_have_the_apis_shape),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
