/* test_util.c: capped buffers, arenas and the error table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/email.h"
#include "util/err.h"

static void buf_stops_at_its_maximum(void **state)
{
	struct buf b = BUF_INIT(8);

	assert_int_equal(buf_puts(&b, "abcd"), 0);
	assert_int_equal(buf_printf(&b, "%d", 123), 0);
	assert_string_equal(buf_str(&b), "abcd123");
	/* Two more bytes would pass the cap: refused, content unchanged. */
	assert_int_equal(buf_puts(&b, "xy"), ERR_TOOBIG);
	assert_string_equal(buf_str(&b), "abcd123");
	assert_int_equal(buf_putc(&b, 'z'), 0);
	assert_int_equal(b.len, 8);
	assert_int_equal(buf_printf(&b, "%s", "q"), ERR_TOOBIG);
	buf_free(&b);
	buf_free(&b);
}

static void buf_steal_hands_over_the_string(void **state)
{
	struct buf b = BUF_INIT(1024);
	char *s;

	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_printf(&b, "Số %d-%s/%s", 512, "TB", "HU"), 0);
	s = buf_steal(&b);
	assert_string_equal(s, "Số 512-TB/HU");
	assert_null(b.data);
	free(s);
}

/* A reset arena is empty, hands out zeroed memory again and counts its maximum anew. */
static void arena_reset_empties_it_for_the_next_use(void **state)
{
	struct arena *a = arena_new(64 * 1024);
	unsigned char *p;

	(void)state;
	for (int i = 0; i < 200; i++) {
		p = arena_alloc(a, 300);
		assert_non_null(p);
		memset(p, 0xAB, 300);
	}
	assert_null(arena_alloc(a, 8 * 1024)); /* past the maximum */
	arena_reset(a);
	assert_int_equal(arena_used(a), 0);
	assert_int_equal(arena_failures(a), 0);
	p = arena_alloc(a, 8 * 1024); /* refused before, fits after */
	assert_non_null(p);
	for (int i = 0; i < 8 * 1024; i++)
		assert_int_equal(p[i], 0);
	assert_string_equal(arena_strdup(a, "Tân Yên"), "Tân Yên");
	arena_free(a);
}

static void arena_allocates_and_caps(void **state)
{
	struct arena *a = arena_new(64 * 1024);
	char *s;

	assert_non_null(a);
	s = arena_printf(a, "%s ủy %d", "Huyện", 26);
	assert_string_equal(s, "Huyện ủy 26");
	assert_string_equal(arena_strndup(a, "Tân Yên", 4), "Tân");
	for (int i = 0; i < 100; i++)
		assert_non_null(arena_alloc(a, 100));
	assert_null(arena_alloc(a, 64 * 1024));
	assert_true(arena_used(a) <= 64 * 1024);
	arena_free(a);
	arena_free(NULL);
}

static void arena_grow_keeps_the_elements(void **state)
{
	struct arena *a = arena_new(1 << 20);
	int *v = NULL, *nv;
	size_t n = 0, cap = 0;

	for (int i = 0; i < 1000; i++) {
		if (n == cap) {
			nv = arena_grow(a, v, n, &cap, sizeof(*v));
			assert_non_null(nv);
			v = nv;
		}
		v[n++] = i * 3;
	}
	assert_true(cap >= 1000);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(v[i], i * 3);
	/* Past the arena's maximum: NULL, and the capacity is what it was. */
	n = cap;
	assert_null(arena_grow(a, v, n, &cap, 1 << 12));
	assert_int_equal(cap, n);
	arena_free(a);
}

static void errors_map_to_exit_codes_and_statuses(void **state)
{
	struct err e = {0};

	assert_int_equal(err_http(ERR_INVAL), 400);
	assert_int_equal(err_http(ERR_NOTFOUND), 404);
	assert_int_equal(err_http(ERR_TOOBIG), 413);
	assert_int_equal(err_http(ERR_BUSY), 503);
	assert_int_equal(err_http(0), 200);
	assert_int_equal(err_exit(0), 0);
	assert_int_not_equal(err_exit(ERR_INVAL), 0);
	assert_int_not_equal(err_exit(ERR_INVAL), err_exit(ERR_NOTFOUND));
	assert_string_equal(err_name(ERR_LOCKED), "ERR_LOCKED");
	assert_int_equal(err_set(&e, ERR_INVAL, "dòng %d: số sai", 3), ERR_INVAL);
	assert_string_equal(err_msg(&e, ERR_INVAL), "dòng 3: số sai");
	/* A message recorded for another code is not shown for this one. */
	assert_string_equal(err_msg(&e, ERR_NOTFOUND), err_str(ERR_NOTFOUND));
	assert_int_equal(err_set(NULL, ERR_IO, "x"), ERR_IO);
}

static void email_refused(const char *addr, const char *needle)
{
	struct err e = {0};

	if (email_check(addr, "thư điện tử", &e) != ERR_INVAL)
		fail_msg("\"%s\" was accepted", addr);
	if (!strstr(e.msg, "thư điện tử") || !strstr(e.msg, needle))
		fail_msg("\"%s\": message \"%s\" lacks the field or \"%s\"", addr, e.msg, needle);
}

static void email_addresses_are_one_plain_addr_spec(void **state)
{
	char local65[80], long_addr[300], label64[100];
	struct err e = {0};

	(void)state;
	assert_int_equal(email_check("vanphong@tanyen.vn", "x", &e), 0);
	assert_int_equal(email_check("van.phong+tb@huyen-uy.tanyen.bacgiang.gov.vn", "x", &e), 0);
	assert_int_equal(email_check("a_b-c@x1.example", "x", &e), 0);
	email_refused("", "trống");
	email_refused("nowhere", "thiếu dấu @");
	email_refused("vp@tanyen", "phải có dấu chấm");
	email_refused("@tanyen.vn", "trước dấu @");
	email_refused("vp@", "thiếu tên miền");
	email_refused("a@b@tanyen.vn", "nhiều hơn một dấu @");
	email_refused("vp @tanyen.vn", "khoảng trắng");
	email_refused("vp@tanyen.vn, bch@tanyen.vn", "dấu phẩy");
	email_refused("vp@tanyen.vn,bch@tanyen.vn", "dấu phẩy");
	email_refused("Văn phòng <vp@tanyen.vn>", "ngoặc nhọn");
	email_refused("<vp@tanyen.vn>", "ngoặc nhọn");
	email_refused("\"vp\"@tanyen.vn", "dấu nháy");
	email_refused("vp@tanyen.vn\r\nBcc: x@y.vn", "điều khiển");
	email_refused("vănphòng@tanyen.vn", "chữ có dấu");
	email_refused(".vp@tanyen.vn", "dấu chấm");
	email_refused("vp.@tanyen.vn", "dấu chấm");
	email_refused("v..p@tanyen.vn", "hai dấu chấm");
	email_refused("vp@tanyen..vn", "nhãn rỗng");
	email_refused("vp@.tanyen.vn", "nhãn rỗng");
	email_refused("vp@tanyen.vn.", "nhãn rỗng");
	email_refused("vp@-tanyen.vn", "dấu -");
	email_refused("vp@tanyen-.vn", "dấu -");
	email_refused("vp@tan_yen.vn", "tên miền chỉ gồm");
	email_refused("vp@10.0.0.1", "không phải số");
	email_refused("vp@[10.0.0.1]", "tên miền chỉ gồm");
	/* Lengths: 64 bytes before the @, 63 per label, 254 in all. */
	memset(local65, 'a', 65);
	snprintf(local65 + 64, sizeof(local65) - 64, "@tanyen.vn");
	assert_int_equal(email_check(local65, "x", &e), 0);
	memset(local65, 'a', 65);
	snprintf(local65 + 65, sizeof(local65) - 65, "@tanyen.vn");
	email_refused(local65, "64 byte");
	memset(label64, 'b', 64);
	snprintf(label64 + 64, sizeof(label64) - 64, ".vn");
	snprintf(long_addr, sizeof(long_addr), "vp@%s", label64);
	email_refused(long_addr, "63 byte");
	memset(long_addr, 0, sizeof(long_addr));
	memcpy(long_addr, "vp@", 3);
	for (size_t i = 3; i < 255; i++)
		long_addr[i] = (i - 3) % 10 == 9 ? '.' : 'c';
	long_addr[254] = 'c';
	assert_int_equal(strlen(long_addr), 255);
	email_refused(long_addr, "254 byte");
	long_addr[254] = '\0';
	long_addr[253] = 'c';
	assert_int_equal(email_check(long_addr, "x", &e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(buf_stops_at_its_maximum),
	    cmocka_unit_test(buf_steal_hands_over_the_string),
	    cmocka_unit_test(arena_allocates_and_caps),
	    cmocka_unit_test(arena_reset_empties_it_for_the_next_use),
	    cmocka_unit_test(arena_grow_keeps_the_elements),
	    cmocka_unit_test(errors_map_to_exit_codes_and_statuses),
	    cmocka_unit_test(email_addresses_are_one_plain_addr_spec),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
