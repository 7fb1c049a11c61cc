/* test_registry.c: the registry over a demo store: lookups by natural keys, adds, refusals. */
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
#include "core/registry/registry.h"
#include "db/db.h"
#include "test_store.h"

struct fixture {
	char path[256];
	struct db *db;
	struct arena *a;
	struct reg_body hu;
	struct reg_term term;
	struct reg_organ bch;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct err e = {0};

	snprintf(f->path, sizeof(f->path), "/tmp/dondoc-test-registry-%ld.db", (long)getpid());
	assert_int_equal(test_store_fresh(f->path, sizeof(f->path)), 0);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &e), 0);
	if (demo_create(f->db, &e) != 0)
		fail_msg("demo: %s", e.msg);
	f->a = arena_new(1u << 24);
	assert_int_equal(reg_body_find(f->db, "HU", REG_HUYEN, NULL, f->a, &f->hu, &e), 0);
	assert_int_equal(reg_term_find(f->db, f->hu.id, "XXII", f->a, &f->term, &e), 0);
	assert_int_equal(reg_organ_find(f->db, f->hu.id, "bch", f->a, &f->bch, &e), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	db_close(f->db);
	db_remove(f->path, true, NULL);
	free(f);
	return 0;
}

/* Counts rows of a few tables, to show that a refused write wrote nothing. */
static long long census(struct fixture *f)
{
	struct reg_body *bs;
	struct reg_doc *ds;
	struct reg_session *ss;
	struct reg_unit *us;
	size_t nb, nd, ns, nu;

	assert_int_equal(reg_body_list(f->db, f->a, &bs, &nb, NULL), 0);
	assert_int_equal(reg_doc_list(f->db, 0, NULL, f->a, &ds, &nd, NULL), 0);
	assert_int_equal(reg_session_list(f->db, 0, f->a, &ss, &ns, NULL), 0);
	assert_int_equal(reg_unit_list(f->db, 0, f->a, &us, &nu, NULL), 0);
	return (long long)(nb * 1000000 + nd * 10000 + ns * 100 + nu);
}

static void the_district_committee_is_found_by_its_natural_keys(void **state)
{
	struct fixture *f = *state;
	struct reg_body b, parent;
	struct err e = {0};

	assert_string_equal(f->hu.name, "Huyện ủy Tân Yên");
	assert_string_equal(f->hu.short_name, "Huyện ủy");
	assert_string_equal(f->hu.place, "Tân Yên");
	assert_string_equal(f->hu.active_to, "2025-06-30");
	assert_int_equal(f->hu.kind, REG_PARTY);
	assert_int_equal(reg_body_get(f->db, f->hu.parent_id, f->a, &parent, &e), 0);
	assert_string_equal(parent.code, "TU");
	assert_int_equal(parent.level, REG_TINH);
	assert_int_equal(reg_body_by_name(f->db, "Huyện ủy Tân Yên", f->a, &b, &e), 0);
	assert_int_equal(b.id, f->hu.id);
	/* By search key: tones, marks and case ignored. */
	assert_int_equal(reg_body_by_name(f->db, "huyen uy tan yen", f->a, &b, &e), 0);
	assert_int_equal(b.id, f->hu.id);
}

static void a_code_many_communes_share_needs_narrowing(void **state)
{
	struct fixture *f = *state;
	struct reg_body b;
	struct err e = {0};

	assert_int_equal(reg_body_find(f->db, "ĐU", -1, NULL, f->a, &b, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "ĐU"));
	assert_int_equal(reg_body_find(f->db, "ĐU", REG_XA, "Đảng ủy xã Ngọc Lý", f->a, &b, &e), 0);
	assert_string_equal(b.place, "Ngọc Lý");
	assert_int_equal(b.parent_id, f->hu.id);
	assert_int_equal(reg_body_find(f->db, "HU", REG_XA, NULL, f->a, &b, &e), ERR_NOTFOUND);
	assert_non_null(strstr(e.msg, "HU"));
}

static void organs_terms_and_members_are_there(void **state)
{
	struct fixture *f = *state;
	struct reg_organ o;
	struct reg_term t;
	struct reg_member *ms;
	struct err e = {0};
	size_t n;
	int count;

	assert_string_equal(f->bch.name, "Ban Chấp hành Đảng bộ huyện");
	assert_int_equal(f->term.year_from, 2020);
	assert_int_equal(f->term.year_to, 2025);
	assert_int_equal(reg_organ_find(f->db, f->hu.id, "btv", f->a, &o, &e), 0);
	assert_string_equal(o.name, "Ban Thường vụ Huyện ủy");
	assert_int_equal(reg_organ_find(f->db, f->hu.id, "tt", f->a, &o, &e), 0);
	assert_string_equal(o.name, "Thường trực Huyện ủy");
	assert_int_equal(reg_organ_find(f->db, f->hu.id, "vp", f->a, &o, &e), 0);
	assert_string_equal(o.name, "Văn phòng Huyện ủy");
	assert_int_equal(
	    reg_organ_by_name(f->db, f->hu.id, "Ủy ban Kiểm tra Huyện ủy", f->a, &o, &e), 0);
	assert_int_equal(reg_term_at(f->db, f->hu.id, "2023-10-04", f->a, &t, &e), 0);
	assert_int_equal(t.id, f->term.id);
	assert_int_equal(reg_member_count(f->db, f->bch.id, "2023-10-04", &count, &e), 0);
	assert_int_equal(count, 33);
	assert_int_equal(reg_member_list(f->db, f->bch.id, "2023-10-04", f->a, &ms, &n, &e), 0);
	assert_int_equal(n, 33);
	assert_string_equal(ms[0].full_name, "Đinh Đức Cảnh");
	assert_string_equal(ms[0].position, "Bí thư");
}

static void units_that_receive_tasks_are_found_by_name(void **state)
{
	struct fixture *f = *state;
	static const char *const names[] = {"Văn phòng Huyện ủy",
					    "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ huyện",
					    "Thủ trưởng các cơ quan, đơn vị",
					    "Thường trực Huyện ủy",
					    "UBND huyện",
					    "Đảng ủy xã Việt Lập"};
	struct reg_unit u;
	struct err e = {0};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (reg_unit_find(f->db, f->hu.id, names[i], f->a, &u, &e) != 0)
			fail_msg("unit '%s': %s", names[i], e.msg);
		assert_string_equal(u.name, names[i]);
	}
	assert_int_equal(reg_unit_find(f->db, f->hu.id, "van phong huyen uy", f->a, &u, &e), 0);
	assert_string_equal(u.kind, "organ");
	assert_int_equal(reg_unit_find(f->db, f->hu.id, "UBND huyện", f->a, &u, &e), 0);
	assert_string_equal(u.kind, "lower_body");
	assert_true(u.lower_body_id > 0);
	assert_int_equal(reg_unit_find(f->db, f->hu.id, "Ban Không Có", f->a, &u, &e),
			 ERR_NOTFOUND);
}

static void session_26_has_its_five_agenda_items(void **state)
{
	struct fixture *f = *state;
	struct reg_session s;
	struct reg_agenda *items;
	struct reg_doc d;
	struct err e = {0};
	size_t n;

	assert_int_equal(reg_session_find(f->db, f->bch.id, f->term.id, 26, f->a, &s, &e), 0);
	assert_string_equal(s.date, "2023-10-04");
	assert_string_equal(s.status, "concluded");
	assert_string_equal(s.basis, "Quy chế làm việc");
	assert_int_equal(reg_agenda_list(f->db, s.id, f->a, &items, &n, &e), 0);
	assert_int_equal(n, 5);
	assert_string_equal(items[0].doc_kind, "Báo cáo");
	assert_string_equal(items[3].doc_kind, "Tờ trình");
	assert_non_null(strstr(items[0].title, "quý IV năm 2023"));
	assert_string_equal(items[4].outcome, "cơ bản nhất trí");
	assert_int_equal(reg_doc_get(f->db, items[1].document_id, f->a, &d, &e), 0);
	assert_string_equal(d.symbol, "22-NQ/HU");
	assert_int_equal(reg_doc_get(f->db, items[2].document_id, f->a, &d, &e), 0);
	assert_string_equal(d.symbol, "56-NQ/HU");
	assert_int_equal(items[0].document_id, 0);
}

static void sessions_are_numbered_within_the_term(void **state)
{
	struct fixture *f = *state;
	struct reg_session s = {.organ_id = f->bch.id, .term_id = f->term.id, .date = "28/12/2023"};
	struct err e = {0};
	int64_t id;
	int number = 0;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_session_add(f->db, &s, &id, &number, &e), 0);
	assert_int_equal(number, 27);
	/* The same number twice is refused. */
	s.number = 26;
	assert_int_equal(reg_session_add(f->db, &s, &id, &number, &e), ERR_EXISTS);
	assert_non_null(strstr(e.msg, "26"));
	db_rollback(f->db);
}

static void session_status_moves_forward_only(void **state)
{
	struct fixture *f = *state;
	struct reg_session s;
	struct err e = {0};

	assert_int_equal(reg_session_find(f->db, f->bch.id, f->term.id, 26, f->a, &s, &e), 0);
	assert_int_equal(reg_session_set_status(f->db, s.id, "planned", &e), ERR_INVAL);
	assert_int_equal(reg_session_set_status(f->db, s.id, "bogus", &e), ERR_INVAL);
	assert_int_equal(reg_session_set_status(f->db, s.id, "concluded", &e), 0);
}

static void documents_are_found_by_symbol_in_any_written_form(void **state)
{
	struct fixture *f = *state;
	struct reg_doc d;
	struct err e = {0};

	assert_int_equal(reg_doc_find(f->db, "Số 22-NQ/HU", NULL, f->a, &d, &e), 0);
	assert_string_equal(d.date, "2021-04-15");
	assert_int_equal(d.body_id, f->hu.id);
	assert_int_equal(d.term_id, f->term.id);
	assert_int_equal(d.number, 22);
	assert_int_equal(reg_doc_find(f->db, "56 - NQ/HU", "05/7/2021", f->a, &d, &e), 0);
	assert_int_equal(reg_doc_find(f->db, "158-QĐ/TW", NULL, f->a, &d, &e), 0);
	assert_string_equal(d.title, "ban hành Quy chế chất vấn trong Đảng");
	assert_string_equal(d.date, "2008-05-12");
	assert_true(d.organ_id > 0);
	assert_int_equal(reg_doc_find(f->db, "120-KL/TU", NULL, f->a, &d, &e), 0);
	assert_null(d.date);
	assert_int_equal(reg_doc_find(f->db, "19-CT/TU", NULL, f->a, &d, &e), 0);
	assert_int_equal(reg_doc_find(f->db, "23-NQ/HU", NULL, f->a, &d, &e), ERR_NOTFOUND);
	assert_int_equal(reg_doc_find(f->db, "hai hai", NULL, f->a, &d, &e), ERR_INVAL);
}

static void bad_documents_are_refused_and_write_nothing(void **state)
{
	struct fixture *f = *state;
	struct reg_doc dup = {.symbol = "22-NQ/HU", .date = "2021-04-15"};
	struct reg_doc unknown = {.type_code = "XX", .body_id = f->hu.id};
	struct reg_doc baddate = {.symbol = "30-NQ/HU", .date = "31/02/2023"};
	struct reg_doc mismatch = {.symbol = "30-NQ/HU", .type_code = "TB"};
	struct reg_doc badconf = {.type_code = "TB", .confidentiality = "secret"};
	struct err e = {0};
	long long before = census(f);

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_doc_add(f->db, &dup, NULL, &e), ERR_EXISTS);
	assert_int_equal(reg_doc_add(f->db, &unknown, NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "XX"));
	assert_int_equal(reg_doc_add(f->db, &baddate, NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "31/02/2023"));
	assert_int_equal(reg_doc_add(f->db, &mismatch, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_doc_add(f->db, &badconf, NULL, &e), ERR_INVAL);
	db_rollback(f->db);
	assert_int_equal(census(f), before);
}

static void issuing_a_draft_takes_the_next_number(void **state)
{
	struct fixture *f = *state;
	struct reg_doc draft = {.type_code = "TB",
				.body_id = f->hu.id,
				.title = "Kết luận phiên họp thứ 26",
				.confidentiality = "thuong"};
	struct reg_doc d;
	struct err e = {0};
	int64_t id1, id2;
	long n;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_doc_add(f->db, &draft, &id1, &e), 0);
	assert_int_equal(reg_doc_add(f->db, &draft, &id2, &e), 0);
	assert_int_equal(reg_doc_get(f->db, id1, f->a, &d, &e), 0);
	assert_string_equal(d.status, "draft");
	assert_null(d.symbol);
	/* the demo's register holds the seed, 512-TB/HU: the term's TB numbers go on from it */
	assert_int_equal(reg_doc_issue(f->db, id1, "04/10/2023", &n, &e), 0);
	assert_int_equal(n, 513);
	assert_int_equal(reg_doc_issue(f->db, id2, "2023-10-05", &n, &e), 0);
	assert_int_equal(n, 514);
	assert_int_equal(reg_doc_issue(f->db, id1, "2023-10-05", &n, &e), ERR_LOCKED);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(reg_doc_get(f->db, id1, f->a, &d, &e), 0);
	assert_string_equal(d.symbol, "513-TB/HU");
	assert_string_equal(d.date, "2023-10-04");
	assert_string_equal(d.status, "issued");
	assert_int_equal(d.term_id, f->term.id);
	assert_int_equal(reg_doc_find(f->db, "Số 514-TB/HU", NULL, f->a, &d, &e), 0);
	assert_int_equal(d.id, id2);
}

static void references_link_when_the_target_is_registered(void **state)
{
	struct fixture *f = *state;
	struct reg_doc report = {.type_code = "BC", .body_id = f->hu.id, .title = "Báo cáo"};
	struct reg_doc later = {.symbol = "15-KL/HU", .date = "2022-01-10"};
	struct reg_doc_ref *refs;
	struct reg_doc nq;
	struct err e = {0};
	int64_t id, kl;
	size_t n;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_doc_add(f->db, &report, &id, &e), 0);
	assert_int_equal(reg_doc_ref_add(f->db, id, "Số 22-NQ/HU", "15/4/2021", NULL, &e), 0);
	assert_int_equal(reg_doc_ref_add(f->db, id, "15-KL/HU", NULL, NULL, &e), 0);
	assert_int_equal(reg_doc_ref_add(f->db, id, "rubbish", NULL, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_doc_ref_list(f->db, id, f->a, &refs, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(reg_doc_find(f->db, "22-NQ/HU", NULL, f->a, &nq, &e), 0);
	assert_int_equal(refs[0].to_id, nq.id);
	assert_string_equal(refs[1].symbol, "15-KL/HU");
	assert_int_equal(refs[1].to_id, 0);
	/* Registering the cited document links the reference. */
	assert_int_equal(reg_doc_add(f->db, &later, &kl, &e), 0);
	assert_int_equal(reg_doc_ref_list(f->db, id, f->a, &refs, &n, &e), 0);
	assert_int_equal(refs[1].to_id, kl);
	db_rollback(f->db);
}

/* A registry write is atomic on its own: no caller's transaction is needed. */
static void a_document_whose_link_fails_is_not_left_half_written(void **state)
{
	struct fixture *f = *state;
	struct reg_doc report = {.type_code = "BC", .body_id = f->hu.id, .title = "Báo cáo"};
	struct reg_doc later = {.symbol = "16-KL/HU", .date = "2022-01-10"};
	struct reg_doc d;
	struct err e = {0};
	long long before;
	int64_t id;
	int pg = db_is_pg(f->path);

	/* A reference waits for 16-KL/HU: registering that document links it. */
	assert_int_equal(reg_doc_add(f->db, &report, &id, &e), 0);
	assert_int_equal(reg_doc_ref_add(f->db, id, "16-KL/HU", NULL, NULL, &e), 0);
	before = census(f);
	assert_int_equal(
	    test_store_exec(f->path,
			    pg ? "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS"
				 " $$ BEGIN RAISE EXCEPTION 'refused'; END $$;"
				 "CREATE TRIGGER test_refuse BEFORE UPDATE ON doc_ref FOR EACH ROW"
				 " EXECUTE FUNCTION test_refuse()"
			       : "CREATE TRIGGER test_refuse BEFORE UPDATE ON doc_ref "
				 "BEGIN SELECT RAISE(ABORT, 'refused'); END"),
	    0);
	assert_true(reg_doc_add(f->db, &later, NULL, &e) < 0);
	assert_non_null(strstr(e.msg, "không liên kết được văn bản dẫn chiếu"));
	assert_null(strstr(e.msg, f->path));
	assert_int_equal(db_depth(f->db), 0);
	assert_int_equal(census(f), before);
	assert_int_equal(reg_doc_find(f->db, "16-KL/HU", NULL, f->a, &d, &e), ERR_NOTFOUND);
	assert_int_equal(test_store_exec(f->path, pg ? "DROP TRIGGER test_refuse ON doc_ref"
						     : "DROP TRIGGER test_refuse"),
			 0);
	assert_int_equal(reg_doc_add(f->db, &later, NULL, &e), 0);
	assert_int_equal(reg_doc_find(f->db, "16-KL/HU", NULL, f->a, &d, &e), 0);
	assert_int_equal(census(f), before + 10000);
}

static void bad_registry_input_is_refused(void **state)
{
	struct fixture *f = *state;
	struct reg_body nameless = {.level = REG_XA, .kind = REG_PARTY, .code = "ĐU"};
	struct reg_body badcode = {.level = REG_XA, .kind = REG_PARTY, .name = "X", .code = "Đ U"};
	struct reg_body backwards = {.level = REG_XA,
				     .kind = REG_PARTY,
				     .name = "Đảng ủy xã Mới",
				     .code = "ĐU",
				     .active_from = "2025-07-01",
				     .active_to = "2020-01-01"};
	struct reg_body twice = {.parent_id = f->hu.parent_id,
				 .level = REG_HUYEN,
				 .kind = REG_PARTY,
				 .name = "Huyện ủy Tân Yên",
				 .code = "HU"};
	struct reg_term t = {
	    .body_id = f->hu.id, .name = "XXIII", .year_from = 2025, .year_to = 2010};
	struct reg_organ o = {.body_id = f->hu.id, .kind = "council", .name = "Hội đồng"};
	struct reg_unit u = {.body_id = f->hu.id, .kind = "group", .name = "Tổ", .email = "x"};
	struct reg_session s = {.organ_id = f->bch.id, .term_id = f->term.id, .date = "32/1/2024"};
	struct reg_agenda it = {.session_id = 999, .doc_kind = "Báo cáo", .title = "X"};
	struct err e = {0};
	long long before = census(f);

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_body_add(f->db, &nameless, NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "thiếu tên"));
	assert_int_equal(reg_body_add(f->db, &badcode, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_body_add(f->db, &backwards, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_body_add(f->db, &twice, NULL, &e), ERR_EXISTS);
	assert_int_equal(reg_term_add(f->db, &t, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_organ_add(f->db, &o, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_unit_add(f->db, &u, NULL, &e), ERR_INVAL);
	assert_int_equal(reg_session_add(f->db, &s, NULL, NULL, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "32/1/2024"));
	assert_int_equal(reg_agenda_add(f->db, &it, NULL, &e), ERR_NOTFOUND);
	db_rollback(f->db);
	assert_int_equal(census(f), before);
}

static void text_entering_the_store_is_nfc(void **state)
{
	struct fixture *f = *state;
	/* "Tổ" written decomposed: T, o, U+0302 (circumflex), U+0309 (hook above). */
	struct reg_unit u = {
	    .body_id = f->hu.id, .kind = "group", .name = "To\xcc\x82\xcc\x89 công tác"};
	struct reg_unit got;
	struct err e = {0};
	int64_t id;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_unit_add(f->db, &u, &id, &e), 0);
	assert_int_equal(reg_unit_get(f->db, id, f->a, &got, &e), 0);
	assert_string_equal(got.name, "Tổ công tác");
	db_rollback(f->db);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(the_district_committee_is_found_by_its_natural_keys),
	    T(a_code_many_communes_share_needs_narrowing),
	    T(organs_terms_and_members_are_there),
	    T(units_that_receive_tasks_are_found_by_name),
	    T(session_26_has_its_five_agenda_items),
	    T(sessions_are_numbered_within_the_term),
	    T(session_status_moves_forward_only),
	    T(documents_are_found_by_symbol_in_any_written_form),
	    T(bad_documents_are_refused_and_write_nothing),
	    T(issuing_a_draft_takes_the_next_number),
	    T(references_link_when_the_target_is_registered),
	    T(a_document_whose_link_fails_is_not_left_half_written),
	    T(bad_registry_input_is_refused),
	    T(text_entering_the_store_is_nfc),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
