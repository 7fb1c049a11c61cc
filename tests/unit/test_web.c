/* test_web.c: HTML escaping, routes, accounts and throttling, and the chained audit log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/accounts/audit.h"
#include "http/http_route.h"
#include "web/web.h"
#include "render/html.h"
#include "util/id.h"
#include "web_fixture.h"

static char store[256];

static int setup(void **state)
{
	snprintf(store, sizeof(store), "/tmp/dondoc-test-web-%ld.db", (long)getpid());
	return test_store_fresh(store, sizeof(store)) < 0 ? -1 : fx_create(store);
}

static int teardown(void **state)
{
	db_remove(store, true, NULL);
	return 0;
}

static struct db *open_store(void)
{
	struct db *db = NULL;
	struct err e = {0};

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	return db;
}

static void html_escapes_every_special_character(void **state)
{
	struct buf b = BUF_INIT(1024);
	struct html h = {&b, 0};

	H(&h, "<p title=\"");
	html_text(&h, "a\"b' <script>&amp;");
	H(&h, "\">");
	html_int(&h, -42);
	assert_int_equal(h.err, 0);
	assert_string_equal(buf_str(&b), "<p title=\"a&quot;b&#39; &lt;script&gt;&amp;amp;\">-42");
	buf_free(&b);
}

static void html_writer_stops_at_the_first_error(void **state)
{
	struct buf b = BUF_INIT(8);
	struct html h = {&b, 0};

	html_text(&h, "0123456789");
	assert_int_equal(h.err, ERR_TOOBIG);
	H(&h, "x");
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

static void routes_match_ids_and_refuse_other_methods(void **state)
{
	int64_t id[2] = {0, 0};
	int known = 0;
	const struct http_route *rt;

	rt = http_route_find(&web_app, "GET", "/sessions/26", id, &known);
	assert_non_null(rt);
	assert_int_equal(id[0], 26);
	assert_null(http_route_find(&web_app, "GET", "/sessions/026", id, &known));
	assert_null(http_route_find(&web_app, "GET", "/sessions/x", id, &known));
	assert_null(http_route_find(&web_app, "DELETE", "/sessions/1", id, &known));
	assert_int_equal(known, 1);
	assert_null(http_route_find(&web_app, "GET", "/nowhere", id, &known));
	assert_int_equal(known, 0);
	assert_non_null(http_route_find(&web_app, "HEAD", "/", id, &known));
	/* The largest id is taken whole; past it, or written oddly, nothing matches (404). */
	rt = http_route_find(&web_app, "GET", "/tasks/9223372036854775807", id, &known);
	assert_non_null(rt);
	assert_true(id[0] == INT64_MAX);
	assert_null(http_route_find(&web_app, "GET", "/tasks/9223372036854775808", id, &known));
	assert_null(http_route_find(&web_app, "GET", "/tasks/99999999999999999999", id, &known));
	assert_null(http_route_find(&web_app, "GET", "/tasks/+7", id, &known));
	assert_null(http_route_find(&web_app, "GET", "/tasks/7 ", id, &known));
}

static void ids_are_canonical_or_refused(void **state)
{
	int64_t v = 0;

	assert_true(id_parse("1", 1, &v));
	assert_int_equal(v, 1);
	assert_true(id_parse("9223372036854775807", 19, &v));
	assert_true(v == INT64_MAX);
	v = 5;
	assert_false(id_parse("9223372036854775808", 19, &v));
	assert_false(id_parse("99999999999999999999", 20, &v));
	assert_false(id_parse("18446744073709551617", 20, &v));
	assert_false(id_parse("+7", 2, &v));
	assert_false(id_parse("-7", 2, &v));
	assert_false(id_parse("07", 2, &v));
	assert_false(id_parse("0", 1, &v));
	assert_false(id_parse(" 7", 2, &v));
	assert_false(id_parse("7x", 2, &v));
	assert_false(id_parse("", 0, &v));
	/* A refused id leaves the output alone. */
	assert_int_equal(v, 5);
}

static void every_route_names_its_roles(void **state)
{
	for (int i = 0; i < web_app.nroutes; i++) {
		assert_int_not_equal(web_app.routes[i].roles, 0);
		assert_true(web_app.routes[i].pattern[0] == '/');
	}
	assert_int_equal(http_role_bit("reporter"), ROLE_REPORTER);
	assert_int_equal(http_role_bit("root"), 0);
}

static void login_checks_the_password_and_throttles(void **state)
{
	struct db *db = open_store();
	struct account a;
	struct err e = {0};
	int64_t now = time(NULL);

	int64_t wait = -1, t;

	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.1", now, &a, &e), 0);
	assert_string_equal(a.role, "office");
	assert_true(a.cleared);
	for (int i = 0; i < ACCOUNT_FAIL_FREE_PAIR; i++)
		assert_int_equal(account_login(db, "office", "wrong", "10.0.0.1", now, &a, &e),
				 ERR_AUTH);
	/* This address waits now for this login, even with the right password. */
	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.1", now, &a, &e),
			 ERR_PERM);
	assert_non_null(strstr(e.msg, "thử lại sau 1 giây"));
	/* Another address is not held back: no one can lock the account out. */
	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.2", now, &a, &e), 0);
	/* Each further failure doubles the wait: 1 s, 2 s, 4 s. */
	t = now + 1;
	assert_int_equal(account_login(db, "office", "wrong", "10.0.0.1", t, &a, &e), ERR_AUTH);
	assert_int_equal(account_login_wait(db, "office", "10.0.0.1", t, &wait), 0);
	assert_int_equal(wait, 2);
	assert_int_equal(account_login(db, "office", "wrong", "10.0.0.1", t + 1, &a, &e), ERR_PERM);
	t += 2;
	assert_int_equal(account_login(db, "office", "wrong", "10.0.0.1", t, &a, &e), ERR_AUTH);
	assert_int_equal(account_login_wait(db, "office", "10.0.0.1", t, &wait), 0);
	assert_int_equal(wait, 4);
	/* After the wait the right password works, and clears the pair's counter. */
	t += 4;
	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.1", t, &a, &e), 0);
	assert_int_equal(account_login_wait(db, "office", "10.0.0.1", t, &wait), 0);
	assert_int_equal(wait, 0);
	/* The wait grows to at most 15 minutes; a day without failures forgets it. */
	for (int i = 0; i < 40; i++)
		assert_int_equal(db_exec(db, SQL_LOGINFAIL_ADD, "tii", "pair:10.0.0.7|office", t,
					 t - ACCOUNT_FAIL_WINDOW),
				 0);
	assert_int_equal(account_login_wait(db, "office", "10.0.0.7", t, &wait), 0);
	assert_int_equal(wait, ACCOUNT_FAIL_DELAY_MAX);
	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.7", t, &a, &e),
			 ERR_PERM);
	assert_non_null(strstr(e.msg, "15 phút"));
	assert_int_equal(account_login(db, "office", "pw-office-123", "10.0.0.7",
				       t + ACCOUNT_FAIL_WINDOW + 1, &a, &e),
			 0);
	/* A failure a day later clears the forgotten counters from the store. */
	assert_int_equal(
	    db_query_int(db, SQL_LOGINFAIL_GET, &wait, "ti", "addr:10.0.0.1", (int64_t)0), 0);
	assert_int_equal(account_login(db, "khong-co", "sai-mat-khau", "10.0.0.8",
				       t + ACCOUNT_FAIL_WINDOW + 1, &a, &e),
			 ERR_AUTH);
	assert_int_equal(
	    db_query_int(db, SQL_LOGINFAIL_GET, &wait, "ti", "addr:10.0.0.1", (int64_t)0),
	    ERR_NOTFOUND);
	/* An unknown login is refused as a wrong password is. */
	assert_int_equal(account_login(db, "nobody", "pw-office-123", "10.0.0.3", now, &a, &e),
			 ERR_AUTH);
	assert_non_null(strstr(e.msg, "mật khẩu không đúng"));
	db_close(db);
}

/* One address trying many logins waits too, past its own free failures. */
static void one_address_guessing_many_logins_waits(void **state)
{
	struct db *db = open_store();
	struct account a;
	struct err e = {0};
	int64_t now = time(NULL);
	char who[32];

	for (int i = 0; i < ACCOUNT_FAIL_FREE_CLIENT; i++) {
		snprintf(who, sizeof(who), "doan-%d", i);
		assert_int_equal(account_login(db, who, "wrong-pass", "10.0.0.9", now, &a, &e),
				 ERR_AUTH);
	}
	assert_int_equal(account_login(db, "viewer", "pw-viewer-123", "10.0.0.9", now, &a, &e),
			 ERR_PERM);
	assert_int_equal(account_login(db, "viewer", "pw-viewer-123", "10.0.0.10", now, &a, &e), 0);
	assert_int_equal(account_login(db, "viewer", "pw-viewer-123", "10.0.0.9", now + 1, &a, &e),
			 0);
	db_close(db);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
 * An unknown login costs the same Argon2id work as a known one, so the time
 * of a refusal does not tell which logins exist. Timing is asserted loosely:
 * the best of several tries each, within a factor of two.
 */
static void unknown_logins_take_as_long_as_known_ones(void **state)
{
	struct db *db = open_store();
	struct account a;
	struct err e = {0};
	int64_t now = time(NULL);
	double known = 1e9, unknown = 1e9, t;
	char client[32], who[32];

	for (int i = 0; i < 4; i++) {
		struct timespec t0;

		snprintf(client, sizeof(client), "10.2.0.%d", i);
		snprintf(who, sizeof(who), "khong-co-%d", i);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		assert_int_equal(account_login(db, "member", "sai-mat-khau", client, now, &a, &e),
				 ERR_AUTH);
		t = seconds_since(&t0);
		known = t < known ? t : known;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		assert_int_equal(account_login(db, who, "sai-mat-khau", client, now, &a, &e),
				 ERR_AUTH);
		t = seconds_since(&t0);
		unknown = t < unknown ? t : unknown;
	}
	print_message("# best of 4: known login %.3f s, unknown login %.3f s\n", known, unknown);
	assert_true(unknown > 0.5 * known);
	assert_true(unknown < 2.0 * known);
	db_close(db);
}

static void sessions_tokens_and_disabling(void **state)
{
	struct db *db = open_store();
	struct account a;
	struct err e = {0};
	char tok[65], csrf[65], csrf2[65], api[65];
	int64_t now = time(NULL), id;

	assert_int_equal(
	    account_add(db, NULL, "tam", "Tạm", "viewer", 0, NULL, 0, "pw-tam-1234", &id, &e), 0);
	assert_int_equal(account_session_new(db, id, now, tok, csrf, &e), 0);
	assert_int_equal(account_session_get(db, tok, now, &a, csrf2), 0);
	assert_string_equal(a.login, "tam");
	assert_string_equal(csrf, csrf2);
	assert_int_equal(account_session_get(db, tok, now + ACCOUNT_SESSION_SECONDS + 1, &a, csrf2),
			 ERR_AUTH);
	assert_int_equal(account_token_new(db, "tam", "lich", api, &e), 0);
	assert_int_equal(account_token_auth(db, api, &a), 0);
	assert_int_equal(account_disable(db, NULL, "tam", &e), 0);
	assert_int_equal(account_session_get(db, tok, now, &a, csrf2), ERR_AUTH);
	assert_int_equal(account_token_auth(db, api, &a), ERR_AUTH);
	assert_int_equal(account_login(db, "tam", "pw-tam-1234", "10.1.1.1", now, &a, &e),
			 ERR_AUTH);
	assert_int_equal(
	    account_add(db, NULL, "tam", "", "viewer", 0, NULL, 0, "pw-tam-1234", NULL, &e),
	    ERR_EXISTS);
	assert_int_equal(
	    account_add(db, NULL, "Bad Name", "", "viewer", 0, NULL, 0, "pw-12345678", NULL, &e),
	    ERR_INVAL);
	assert_int_equal(account_add(db, NULL, "short", "", "viewer", 0, NULL, 0, "1234", NULL, &e),
			 ERR_INVAL);
	assert_int_equal(
	    account_add(db, NULL, "nounit", "", "reporter", 0, NULL, 0, "pw-12345678", NULL, &e),
	    ERR_INVAL);
	db_close(db);
}

static void scopes_follow_the_body_tree(void **state)
{
	struct db *db = open_store();
	struct account a;
	struct err e = {0};

	assert_int_equal(account_login(db, "viewer", "pw-viewer-123", "s", time(NULL), &a, &e), 0);
	assert_true(account_sees_body(db, &a, 2));
	assert_false(account_sees_body(db, &a, 3));
	assert_false(account_sees_body(db, &a, 1));
	assert_int_equal(account_login(db, "admin", "pw-admin-123", "s", time(NULL), &a, &e), 0);
	assert_true(account_sees_body(db, &a, 3));
	db_close(db);
}

static void every_write_is_chained_with_its_actor(void **state)
{
	struct db *db = open_store();
	struct audit_report rep;
	struct err e = {0};
	sqlite3 *h;
	sqlite3_stmt *st;

	db_set_actor(db, "web:office");
	assert_int_equal(account_passwd(db, NULL, "member", "pw-member-123", &e), 0);
	assert_int_equal(audit_verify(db, &rep, &e), 0);
	assert_true(rep.entries > 10);
	db_close(db);
	if (db_is_pg(store)) {
		assert_int_equal(
		    fx_int(store,
			   "SELECT count(*) FROM (SELECT * FROM audit_log ORDER BY id DESC"
			   " LIMIT 1) l WHERE actor = 'web:office' AND op = 'update' AND before"
			   " IS NOT NULL AND after NOT LIKE '%pw_hash%'"),
		    1);
		/* The log cannot be changed while its guard stands. */
		assert_int_equal(fx_exec(store, 0, "UPDATE audit_log SET actor = 'x' WHERE id = 3"),
				 -1);
		/* (a write made outside dondoc is chained at dondoc's next commit there) */
		return;
	}
	h = fx_raw(store, 0);
	assert_int_equal(sqlite3_prepare_v2(h,
					    "SELECT actor, op, before IS NOT NULL, after NOT LIKE "
					    "'%pw_hash%' FROM audit_log ORDER BY id DESC LIMIT 1",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "web:office");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "update");
	assert_int_equal(sqlite3_column_int(st, 2), 1);
	assert_int_equal(sqlite3_column_int(st, 3), 1);
	sqlite3_finalize(st);
	/* The log cannot be changed while its guard stands. */
	assert_int_not_equal(
	    sqlite3_exec(h, "UPDATE audit_log SET actor = 'x' WHERE id = 3", NULL, NULL, NULL),
	    SQLITE_OK);
	/* A bare sqlite3 connection's write is still logged, but unsealed, and named. */
	assert_int_equal(
	    sqlite3_exec(h, "UPDATE body SET place = 'Cao Thượng' WHERE id = 2", NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(h);
	db = open_store();
	assert_int_equal(audit_verify(db, &rep, &e), ERR_CHECK);
	assert_true(rep.outside);
	assert_int_equal(rep.first_bad, rep.entries);
	assert_non_null(strstr(e.msg, "ngoài dondoc"));
	db_close(db);
	h = fx_raw(store, 0);
	sqlite3_close(h);
}

static void a_hand_edited_entry_is_named(void **state)
{
	struct db *db;
	struct audit_report rep;
	struct err e = {0};

	assert_int_equal(fx_exec(store, 0,
				 db_is_pg(store)
				     ? "DROP TRIGGER audit_log_no_update ON audit_log;"
				       "UPDATE audit_log SET after = replace(after, 'Tân"
				       " Yên', 'Tân Yên 2') WHERE id = 2;"
				     : "DROP TRIGGER audit_log_no_update;"
				       "UPDATE audit_log SET after = replace(after, 'Tân"
				       " Yên', 'Tân Yên 2') WHERE id = 2;"),
			 0);
	db = open_store();
	assert_int_equal(audit_verify(db, &rep, &e), ERR_CHECK);
	assert_int_equal(rep.first_bad, 2);
	assert_non_null(strstr(e.msg, "#2"));
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(html_escapes_every_special_character),
	    cmocka_unit_test(html_writer_stops_at_the_first_error),
	    cmocka_unit_test(routes_match_ids_and_refuse_other_methods),
	    cmocka_unit_test(every_route_names_its_roles),
	    cmocka_unit_test(ids_are_canonical_or_refused),
	    cmocka_unit_test(login_checks_the_password_and_throttles),
	    cmocka_unit_test(one_address_guessing_many_logins_waits),
	    cmocka_unit_test(unknown_logins_take_as_long_as_known_ones),
	    cmocka_unit_test(sessions_tokens_and_disabling),
	    cmocka_unit_test(scopes_follow_the_body_tree),
	    cmocka_unit_test(every_write_is_chained_with_its_actor),
	    cmocka_unit_test(a_hand_edited_entry_is_named),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
