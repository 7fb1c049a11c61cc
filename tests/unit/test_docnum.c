/* test_docnum.c: document numbers read and written in every form, garbage refused, allocation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/registry/docnum.h"
#include "core/registry/registry.h"
#include "db/db.h"
#include "test_store.h"

struct parse_case {
	const char *in;
	enum docnum_form form;
	long number;
	int year;
	const char *type, *issuer, *dept;
	const char *written; /* docnum_format with DOCNUM_WITH_PREFIX */
};

static const struct parse_case cases[] = {
    {"Số 512-TB/HU", DOCNUM_PARTY, 512, 0, "TB", "HU", "", "Số 512-TB/HU"},
    {"22-NQ/HU", DOCNUM_PARTY, 22, 0, "NQ", "HU", "", "Số 22-NQ/HU"},
    {"100 - KL/TW", DOCNUM_PARTY, 100, 0, "KL", "TW", "", "Số 100-KL/TW"},
    {"158-QĐ/TW", DOCNUM_PARTY, 158, 0, "QĐ", "TW", "", "Số 158-QĐ/TW"},
    {"8011-CV/BTCTW", DOCNUM_PARTY, 8011, 0, "CV", "BTCTW", "", "Số 8011-CV/BTCTW"},
    {"101-KH/ĐU", DOCNUM_PARTY, 101, 0, "KH", "ĐU", "", "Số 101-KH/ĐU"},
    {"Số 05-HD/VPTW", DOCNUM_PARTY, 5, 0, "HD", "VPTW", "", "Số 05-HD/VPTW"},
    {"  số 9-CTr/HU ", DOCNUM_PARTY, 9, 0, "CTr", "HU", "", "Số 09-CTr/HU"},
    {"Số: 123/TB-UBND", DOCNUM_STATE, 123, 0, "TB", "UBND", "", "Số: 123/TB-UBND"},
    {"68/2017/NĐ-CP", DOCNUM_STATE, 68, 2017, "NĐ", "CP", "", "Số: 68/2017/NĐ-CP"},
    {"5658/BCT-CTĐP", DOCNUM_STATE, 5658, 0, "", "BCT", "CTĐP", "Số: 5658/BCT-CTĐP"},
    {"6202/UBND-KT", DOCNUM_STATE, 6202, 0, "", "UBND", "KT", "Số: 6202/UBND-KT"},
    {"318/QĐ-TTg", DOCNUM_STATE, 318, 0, "QĐ", "TTg", "", "Số: 318/QĐ-TTg"},
    {"203/2025/QH15", DOCNUM_STATE, 203, 2025, "", "QH15", "", "Số: 203/2025/QH15"},
    {"Số: 7/QĐ-UBND", DOCNUM_STATE, 7, 0, "QĐ", "UBND", "", "Số: 07/QĐ-UBND"},
    {"1270/BC-TCTTTg", DOCNUM_STATE, 1270, 0, "BC", "TCTTTg", "", "Số: 1270/BC-TCTTTg"},
};

static void every_written_form_parses_into_its_parts(void **state)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct parse_case *c = &cases[i];
		struct docnum d;
		struct err e = {0};
		struct buf b = BUF_INIT(200);

		if (docnum_parse(c->in, strlen(c->in), &d, &e) != 0)
			fail_msg("'%s' did not parse: %s", c->in, e.msg);
		assert_int_equal(d.form, c->form);
		assert_int_equal(d.number, c->number);
		assert_int_equal(d.year, c->year);
		assert_string_equal(d.type, c->type);
		assert_string_equal(d.issuer, c->issuer);
		assert_string_equal(d.dept, c->dept);
		assert_int_equal(docnum_format(&d, DOCNUM_WITH_PREFIX, &b), 0);
		assert_string_equal(buf_str(&b), c->written);
		buf_free(&b);
	}
}

static void a_dispatch_without_type_counts_as_cong_van(void **state)
{
	struct docnum d;

	assert_int_equal(docnum_parse("5658/BCT-CTĐP", strlen("5658/BCT-CTĐP"), &d, NULL), 0);
	assert_string_equal(docnum_kind(&d), "CV");
	assert_int_equal(docnum_parse("123/TB-UBND", strlen("123/TB-UBND"), &d, NULL), 0);
	assert_string_equal(docnum_kind(&d), "TB");
}

static void writing_pads_numbers_under_ten_and_has_no_colon_in_party_form(void **state)
{
	struct docnum p = {.form = DOCNUM_PARTY, .number = 1, .type = "TB", .issuer = "HU"};
	struct docnum s = {.form = DOCNUM_STATE, .number = 9, .type = "TB", .issuer = "UBND"};
	struct buf b = BUF_INIT(100);

	assert_int_equal(docnum_format(&p, 0, &b), 0);
	assert_string_equal(buf_str(&b), "01-TB/HU");
	buf_reset(&b);
	assert_int_equal(docnum_format(&p, DOCNUM_WITH_PREFIX, &b), 0);
	assert_string_equal(buf_str(&b), "Số 01-TB/HU");
	buf_reset(&b);
	p.number = 10;
	assert_int_equal(docnum_format(&p, 0, &b), 0);
	assert_string_equal(buf_str(&b), "10-TB/HU");
	buf_reset(&b);
	assert_int_equal(docnum_format(&s, DOCNUM_WITH_PREFIX, &b), 0);
	assert_string_equal(buf_str(&b), "Số: 09/TB-UBND");
	buf_reset(&b);
	s.number = 0;
	assert_int_equal(docnum_format(&s, 0, &b), ERR_INVAL);
	buf_free(&b);
}

static void garbage_is_refused_with_a_message(void **state)
{
	static const char *const bad[] = {
	    "",
	    "Số",
	    "abc",
	    "512",
	    "512-",
	    "512-TB",
	    "512-TB/",
	    "512/TB",
	    "0-TB/HU",
	    "512-TB/HU x",
	    "15/24",
	    "1/2",
	    "512--TB/HU",
	    "-TB/HU",
	    "1234567890-TB/HU",
	    "Số: /TB-UBND",
	    "512-TB HU",
	    "512 TB/HU",
	    "123/TB-",
	    "68/2017/",
	    "68/2017/NĐ-",
	    "TB-512/HU",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct docnum d = {.number = 77};
		struct err e = {0};
		int r = docnum_parse(bad[i], strlen(bad[i]), &d, &e);

		if (r != ERR_INVAL)
			fail_msg("'%s' parsed (r=%d)", bad[i], r);
		assert_non_null(strstr(e.msg, "không hợp lệ"));
		assert_int_equal(d.number, 77); /* untouched on failure */
	}
}

static void the_message_names_the_position(void **state)
{
	struct docnum d;
	struct err e = {0};

	assert_int_equal(docnum_parse("Số 512-TB/HU!", strlen("Số 512-TB/HU!"), &d, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "ký tự thứ 13"));
}

/* Random bytes and mutations of real numbers: no crash, and whatever parses writes back the same. */
static void random_input_never_crashes_and_round_trips(void **state)
{
	static const char alphabet[] = "0123456789-/ :SốốĐđTBNQHUCVKL\xe2\x80\x93\xc2\xa0x";
	unsigned seed = 12345;
	char s[64];

	for (int round = 0; round < 200000; round++) {
		struct docnum d, d2;
		struct buf b = BUF_INIT(256);
		size_t len;

		seed = seed * 1103515245u + 12345u;
		if (round % 2 == 0) {
			const struct parse_case *c =
			    &cases[(seed >> 8) % (sizeof(cases) / sizeof(cases[0]))];

			len = strlen(c->in);
			memcpy(s, c->in, len);
			seed = seed * 1103515245u + 12345u;
			s[(seed >> 8) % len] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		} else {
			len = (seed >> 8) % (sizeof(s) - 1);
			for (size_t i = 0; i < len; i++) {
				seed = seed * 1103515245u + 12345u;
				s[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
			}
		}
		s[len] = '\0';
		if (docnum_parse(s, len, &d, NULL) != 0)
			continue;
		assert_true(d.number > 0);
		assert_int_equal(docnum_format(&d, DOCNUM_WITH_PREFIX, &b), 0);
		if (docnum_parse(buf_str(&b), b.len, &d2, NULL) != 0)
			fail_msg("'%s' parsed but its writing '%s' does not", s, buf_str(&b));
		assert_int_equal(d.form, d2.form);
		assert_int_equal(d.number, d2.number);
		assert_int_equal(d.year, d2.year);
		assert_string_equal(d.type, d2.type);
		assert_string_equal(d.issuer, d2.issuer);
		assert_string_equal(d.dept, d2.dept);
		buf_free(&b);
	}
}

/* ---- allocation ---- */

struct fixture {
	char path[256];
	struct db *db;
	int64_t body, term;
};

static int setup_store(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct reg_body b = {
	    .level = REG_HUYEN, .kind = REG_PARTY, .name = "Huyện ủy Thử", .code = "HU"};
	struct reg_term t = {.name = "XXII", .year_from = 2020, .year_to = 2025};
	struct err e = {0};

	snprintf(f->path, sizeof(f->path), "/tmp/dondoc-test-docnum-%ld.db", (long)getpid());
	assert_int_equal(test_store_fresh(f->path, sizeof(f->path)), 0);
	assert_int_equal(db_open(f->path, DB_CREATE, &f->db, &e), 0);
	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_body_add(f->db, &b, &f->body, &e), 0);
	t.body_id = f->body;
	assert_int_equal(reg_term_add(f->db, &t, &f->term, &e), 0);
	assert_int_equal(db_commit(f->db), 0);
	*state = f;
	return 0;
}

static int teardown_store(void **state)
{
	struct fixture *f = *state;

	db_close(f->db);
	db_remove(f->path, true, NULL);
	free(f);
	return 0;
}

static void numbers_run_from_one_per_type_and_term(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	long n;

	assert_int_equal(docnum_next(f->db, f->body, "TB", f->term, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(docnum_next(f->db, f->body, "TB", f->term, &n, &e), 0);
	assert_int_equal(n, 2);
	/* Another type has its own sequence. */
	assert_int_equal(docnum_next(f->db, f->body, "NQ", f->term, &n, &e), 0);
	assert_int_equal(n, 1);
	/* An unknown type is refused. */
	assert_int_equal(docnum_next(f->db, f->body, "XYZ", f->term, &n, &e), ERR_INVAL);
	assert_non_null(strstr(e.msg, "XYZ"));
}

static void allocation_starts_above_numbers_already_used(void **state)
{
	struct fixture *f = *state;
	struct reg_doc d = {.symbol = "41-BC/HU", .date = "2023-03-01", .body_id = f->body};
	struct err e = {0};
	long n;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(reg_doc_add(f->db, &d, NULL, &e), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_int_equal(docnum_next(f->db, f->body, "BC", f->term, &n, &e), 0);
	assert_int_equal(n, 42);
}

static void a_rolled_back_allocation_leaves_no_gap(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	long n;

	assert_int_equal(db_begin(f->db), 0);
	assert_int_equal(docnum_next_in_tx(f->db, f->body, "KH", f->term, &n, &e), 0);
	assert_int_equal(n, 1);
	db_rollback(f->db);
	assert_int_equal(docnum_next(f->db, f->body, "KH", f->term, &n, &e), 0);
	assert_int_equal(n, 1);
}

#define NPROC 4
#define PER_PROC 25

static void concurrent_processes_get_distinct_consecutive_numbers(void **state)
{
	struct fixture *f = *state;
	int fds[2], seen[NPROC * PER_PROC + 1] = {0};
	pid_t pids[NPROC];
	long v;
	int got = 0, status;

	assert_int_equal(pipe(fds), 0);
	for (int p = 0; p < NPROC; p++) {
		pids[p] = fork();
		assert_true(pids[p] >= 0);
		if (pids[p] == 0) {
			struct db *db;
			struct err e = {0};
			int rc = 0;

			close(fds[0]);
			if (db_open(f->path, 0, &db, &e) < 0)
				_exit(2);
			for (int i = 0; i < PER_PROC; i++) {
				long n;

				if (docnum_next(db, f->body, "TB", f->term, &n, &e) < 0) {
					rc = 3;
					break;
				}
				if (write(fds[1], &n, sizeof(n)) != sizeof(n)) {
					rc = 4;
					break;
				}
			}
			db_close(db);
			_exit(rc);
		}
	}
	close(fds[1]);
	while (read(fds[0], &v, sizeof(v)) == sizeof(v)) {
		assert_true(v >= 1 && v <= NPROC * PER_PROC);
		assert_int_equal(seen[v], 0);
		seen[v] = 1;
		got++;
	}
	close(fds[0]);
	for (int p = 0; p < NPROC; p++) {
		assert_int_equal(waitpid(pids[p], &status, 0), pids[p]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(got, NPROC * PER_PROC);
	for (int i = 1; i <= NPROC * PER_PROC; i++)
		assert_int_equal(seen[i], 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_written_form_parses_into_its_parts),
	    cmocka_unit_test(a_dispatch_without_type_counts_as_cong_van),
	    cmocka_unit_test(writing_pads_numbers_under_ten_and_has_no_colon_in_party_form),
	    cmocka_unit_test(garbage_is_refused_with_a_message),
	    cmocka_unit_test(the_message_names_the_position),
	    cmocka_unit_test(random_input_never_crashes_and_round_trips),
	    cmocka_unit_test_setup_teardown(numbers_run_from_one_per_type_and_term, setup_store,
					    teardown_store),
	    cmocka_unit_test_setup_teardown(allocation_starts_above_numbers_already_used,
					    setup_store, teardown_store),
	    cmocka_unit_test_setup_teardown(a_rolled_back_allocation_leaves_no_gap, setup_store,
					    teardown_store),
	    cmocka_unit_test_setup_teardown(concurrent_processes_get_distinct_consecutive_numbers,
					    setup_store, teardown_store),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
