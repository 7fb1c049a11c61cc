/* test_scope.c: the real server on a store of six bodies, every route × role × scope: what lies outside an account's scope stays out of reach. */
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

#include "http/http.h"
#include "web/web.h"
#include "http/http_route.h"
#include "render/docview.h"
#include "web_fixture.h"
#define HTTP_CLIENT_OWN_CLIENT
#include "http_client.h"

/*
 * The bodies: 1 the centre; 2 a province over 3 a district over the communes
 * 4 and 5; 6 another province. Every body b has one of each object, with id b
 * where the store lets us choose it, and its text carries the marker ZQ<b>Z.
 */
#define NB 6
static const int64_t parent_of[NB + 1] = {0, 0, 1, 2, 3, 3, 1};
static const char *const level_of[NB + 1] = {"", "tw", "tinh", "huyen", "xa", "xa", "tinh"};

/* Ids the store chose: tasks, their report events, notices, each body's viewer account. */
static int64_t task_of[NB + 1], event_of[NB + 1], notice_of[NB + 1], viewer_of[NB + 1];
static int64_t root_id, industry_id;

/* Whether body b lies under (or is) body s. */
static bool under(int64_t b, int64_t s)
{
	for (; b; b = parent_of[b])
		if (b == s)
			return true;
	return false;
}

/* ---- the store ---- */

static const char *const roles[] = {"admin", "office", "member", "reporter", "viewer"};
static const struct {
	const char *tag;
	int64_t body;
} levels[] = {{"p", 2}, {"d", 3}, {"c", 4}};
/* Each body's own viewer, a target for the account routes. */
static const char *const viewer_login[NB + 1] = {"",	     "viewer-tw", "viewer-p", "viewer-d",
						 "viewer-c", "viewer-c2", "viewer-p2"};

/* tmpl with {1}, {2}, {3} replaced by v[0], v[1], v[2], into out. */
static void subst(char *out, size_t n, const char *tmpl, const long long v[3])
{
	size_t k = 0;

	for (const char *p = tmpl; *p && k + 24 < n; p++) {
		if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
			k += (size_t)snprintf(out + k, n - k, "%lld", v[p[1] - '1']);
			p += 2;
		} else {
			out[k++] = *p;
		}
	}
	assert_true(k + 24 < n);
	out[k] = '\0';
}

static void exec_raw(sqlite3 *h, const char *sql)
{
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
}

static int64_t one_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void add_account(struct db *db, const char *login, const char *role, int64_t body,
			int64_t *ret_id)
{
	struct err e = {0};
	char pw[96];
	int64_t unit = strcmp(role, "reporter") == 0 ? body : 0;

	snprintf(pw, sizeof(pw), "pw-%s-123", login);
	if (account_add(db, NULL, login, login, role, unit, &body, body ? 1 : 0, pw, ret_id, &e) <
	    0)
		fail_msg("%s: %s", login, e.msg);
}

static void make_store(void)
{
	struct db *db = NULL;
	struct err e = {0};
	sqlite3 *h;
	char sql[4096];

	db_remove(store, true, NULL);
	assert_int_equal(db_open(store, DB_CREATE, &db, &e), 0);
	db_close(db);
	h = fx_raw(store, 1);
	assert_non_null(h);
	exec_raw(h, "BEGIN");
	for (int b = 1; b <= NB; b++) {
		static const char tmpl[] =
		    "INSERT INTO body(id, parent_id, level, kind, name, code, place) VALUES({1}, "
		    "nullif({2}, 0), '@L', 'party', 'Cơ quan {1}', 'C{1}', 'Nơi {1}');"
		    "INSERT INTO term(id, body_id, name, year_from, year_to) VALUES({1}, {1}, "
		    "'K{1}', "
		    "2020, 2025);"
		    "INSERT INTO organ(id, body_id, kind, name) VALUES({1}, {1}, 'btv', 'Ban "
		    "Thường "
		    "vụ ZQ{1}Z');"
		    "INSERT INTO unit(id, body_id, kind, name, email) VALUES({1}, {1}, 'agency', "
		    "'Đơn "
		    "vị ZQ{1}Z', 'u{1}@zq{1}z.vn');"
		    "INSERT INTO person(id, full_name, email) VALUES({1}, 'Cán bộ ZQ{1}Z', "
		    "'p{1}@zq{1}z.vn');"
		    "INSERT INTO membership(person_id, organ_id, position) VALUES({1}, {1}, 'Ủy "
		    "viên');"
		    "INSERT INTO session(id, organ_id, term_id, number, date, place, status) "
		    "VALUES({1}, {1}, {1}, 1, '2023-10-0{1}', 'Hội trường ZQ{1}Z', 'held');"
		    "INSERT INTO document(id, type_code, body_id, term_id, issuer_code, number, "
		    "symbol, date, title, text, confidentiality, status) VALUES"
		    " ({1}, 'NQ', {1}, {1}, 'C{1}', {1}, '{1}-NQ/C{1}', '2023-01-01', 'Văn bản "
		    "thường "
		    "ZQ{1}Z', 'Toàn văn thường ZQ{1}Z', 'thuong', 'issued'),"
		    " ({3}, 'NQ', {1}, {1}, 'C{1}', {3}, '{3}-NQ/C{1}', '2023-02-01', 'Văn bản mật "
		    "ZQ{1}Z', 'Chi tiết bí mật ZQ{1}Z', 'mat', 'issued');"
		    "INSERT INTO agenda_item(id, session_id, position, doc_kind, title, "
		    "document_id) "
		    "VALUES({1}, {1}, 1, 'Tờ trình', 'Mục ZQ{1}Z', {3});"
		    "INSERT INTO recipient_group(id, body_id, code, name) VALUES({1}, {1}, 'g{1}', "
		    "'Nhóm ZQ{1}Z');"
		    "INSERT INTO recipient(group_id, position, label, email) VALUES({1}, 1, 'Nơi "
		    "nhận "
		    "ZQ{1}Z', 'r{1}@zq{1}z.vn');";
		const long long v[3] = {b, (long long)parent_of[b], b + 10};
		char *at;

		subst(sql, sizeof(sql), tmpl, v);
		at = strstr(sql, "@L");
		assert_non_null(at);
		memcpy(at, level_of[b], 2); /* every level code has two letters or more */
		if (strlen(level_of[b]) != 2) {
			memmove(at + strlen(level_of[b]), at + 2, strlen(at + 2) + 1);
			memcpy(at, level_of[b], strlen(level_of[b]));
		}
		exec_raw(h, sql);
	}
	exec_raw(h, "COMMIT");
	industry_id = one_int(h, "SELECT id FROM ind_indicator WHERE code = 'industry'");
	sqlite3_close(h);

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	add_account(db, "root", "admin", 0, &root_id);
	for (size_t r = 0; r < 5; r++)
		for (size_t l = 0; l < 3; l++) {
			char login[32];

			snprintf(login, sizeof(login), "%s-%s", roles[r], levels[l].tag);
			add_account(db, login, roles[r], levels[l].body,
				    strcmp(roles[r], "viewer") == 0 ? &viewer_of[levels[l].body]
								    : NULL);
		}
	for (int b = 1; b <= NB; b++)
		if (!viewer_of[b])
			add_account(db, viewer_login[b], "viewer", b, &viewer_of[b]);
	for (int b = 1; b <= NB; b++) {
		char content[64], lead[8], tmpl[96];
		const char *leads[] = {lead};
		struct task_input t = {.body_id = b,
				       .content = content,
				       .assigned_on = "2023-10-04",
				       .deadline = "31/12/2023",
				       .leads = leads,
				       .nleads = 1};

		snprintf(content, sizeof(content), "Việc ZQ%dZ", b);
		snprintf(lead, sizeof(lead), "%d", b);
		snprintf(tmpl, sizeof(tmpl), "@sign T/M | CQ | BT | Nguyen A\n\nKết luận ZQ%dZ.\n",
			 b);
		if (task_add(db, &t, &task_of[b], &e) < 0 ||
		    notice_create(db, b, b, tmpl, &notice_of[b], &e) < 0)
			fail_msg("fixture: %s", e.msg);
	}
	db_close(db);
	h = fx_raw(store, 1);
	for (int b = 1; b <= NB; b++) {
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO task_event(task_id, kind, on_date, unit_id, text) VALUES(%lld, "
		    "'report', '2023-10-20', %d, 'Báo cáo ZQ%dZ')",
		    (long long)task_of[b], b, b);
		exec_raw(h, sql);
		event_of[b] = sqlite3_last_insert_rowid(h);
	}
	/*
	 * Reporting requests: 100 + b asks body b (from its parent) for a report;
	 * body 1, which has no parent, stands with request 106 (1 to 6).
	 */
	for (int b = 2; b <= NB; b++) {
		snprintf(sql, sizeof(sql),
			 "INSERT INTO report_request(id, body_id, kind, due, note) VALUES(%d, "
			 "%lld, 'progress', '2099-12-31', 'Yêu cầu ZQ%dZ');"
			 "INSERT INTO report_request_to(request_id, body_id) VALUES(%d, %d)",
			 100 + b, (long long)parent_of[b], b, 100 + b, b);
		exec_raw(h, sql);
	}
	/*
	 * Drafts of bodies 1 to 4 submitted to their signers (the office's name
	 * carries the marker), those of 3 and 4 returned with a comment: the
	 * queue (/approvals) shows them only within the scope. 5 and 6 are the
	 * approval cases' own.
	 */
	for (int b = 1; b <= 4; b++) {
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO notice_approval(notice_id, step, comment, actor) VALUES(%lld, "
		    "'submit', '', 'web:vp-ZQ%dZ');",
		    (long long)notice_of[b], b);
		exec_raw(h, sql);
		if (b < 3)
			continue;
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO notice_approval(notice_id, step, comment, actor) VALUES(%lld, "
		    "'return', 'Sửa ZQ%dZ', 'web:uv');",
		    (long long)notice_of[b], b);
		exec_raw(h, sql);
	}
	/*
	 * Each body's document (id b), confidential document (b + 10) and task
	 * carry a file: attachments b, 10 + b and 20 + b, named with the marker.
	 */
	for (int b = 1; b <= NB; b++) {
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO attachment(id, document_id, task_id, name, ctype, size, sha256, "
		    "data) VALUES(%d, %d, NULL, 'Tệp ZQ%dZ.pdf', 'application/pdf', 9, "
		    "printf('%%064d', %d), CAST('%%PDF-ZQ%dZ' AS BLOB)), (%d, %d, NULL, 'Mật "
		    "ZQ%dZ.pdf', 'application/pdf', 9, printf('%%064d', %d), CAST('%%PDF-ZQ%dZ' "
		    "AS BLOB)), (%d, NULL, %lld, 'Báo cáo ZQ%dZ.pdf', 'application/pdf', 9, "
		    "printf('%%064d', %d), CAST('%%PDF-ZQ%dZ' AS BLOB))",
		    b, b, b, b, b, 10 + b, 10 + b, b, b, b, 20 + b, (long long)task_of[b], b, b, b);
		exec_raw(h, sql);
	}
	/* Bodies 2 and 3 have a request to close waiting, for the send-back cases. */
	for (int b = 2; b <= 3; b++) {
		snprintf(
		    sql, sizeof(sql),
		    "INSERT INTO task_event(task_id, kind, on_date, unit_id, text) VALUES(%lld, "
		    "'close_request', '2023-10-21', %d, 'Xong ZQ%dZ'); UPDATE task SET state = "
		    "'close_requested' WHERE id = %lld",
		    (long long)task_of[b], b, b, (long long)task_of[b]);
		exec_raw(h, sql);
	}
	sqlite3_close(h);
}

static int setup(void **state)
{
	snprintf(store, sizeof(store), "/tmp/dondoc-test-scope-%ld.db", (long)getpid());
	make_store();
	return http_client_serve();
}

/* ---- requests ---- */

/* A logged-in account: its cookie, CSRF token and an API token. */
struct client {
	char login[32], cookie[128], csrf[65], bearer[100];
};

/* Logs in with password, filling cl; the HTTP status of the login form's answer. */
static long try_login(const char *login, const char *password, struct client *cl)
{
	struct resp r;
	char pre[65], form[256], cookie[128];
	char *el = curl_easy_escape(NULL, login, 0), *ep = curl_easy_escape(NULL, password, 0);
	long st;

	req("GET", "/login", NULL, NULL, NULL, NULL, &r);
	grab_hex(buf_str(&r.headers), "dd_login=", pre);
	resp_free(&r);
	snprintf(cookie, sizeof(cookie), "dd_login=%s", pre);
	snprintf(form, sizeof(form), "_csrf=%s&login=%s&password=%s", pre, el, ep);
	curl_free(el);
	curl_free(ep);
	req("POST", "/login", cookie, "application/x-www-form-urlencoded", form, NULL, &r);
	st = r.status;
	if (st == 303) {
		grab_hex(buf_str(&r.headers), "dd_session=", pre);
		snprintf(cl->cookie, sizeof(cl->cookie), "dd_session=%s", pre);
	}
	resp_free(&r);
	if (st != 303)
		return st;
	snprintf(cl->login, sizeof(cl->login), "%s", login);
	req("GET", "/", cl->cookie, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	grab_hex(buf_str(&r.body), "name=\"_csrf\" value=\"", cl->csrf);
	resp_free(&r);
	return st;
}

/* Logged-in clients kept for the run: a login costs an Argon2id hash. */
static struct client clients[24];

static const struct client *client(const char *login)
{
	struct db *db = NULL;
	struct err e = {0};
	char pw[96], tok[65];
	size_t i;

	for (i = 0; i < 24 && clients[i].login[0]; i++)
		if (strcmp(clients[i].login, login) == 0)
			return &clients[i];
	assert_true(i < 24);
	snprintf(pw, sizeof(pw), "pw-%s-123", login);
	if (try_login(login, pw, &clients[i]) != 303)
		fail_msg("%s cannot log in", login);
	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(account_token_new(db, login, "scope-test", tok, &e), 0);
	db_close(db);
	snprintf(clients[i].bearer, sizeof(clients[i].bearer), "Authorization: Bearer %s", tok);
	return &clients[i];
}

/* GET path as cl (by cookie). */
static void get(const struct client *cl, const char *path, struct resp *r)
{
	req("GET", path, cl->cookie, NULL, NULL, NULL, r);
}

/* POST a form (fields already URL-encoded, may be "") as cl, its CSRF token added. */
static void post_form(const struct client *cl, const char *path, const char *fields, struct resp *r)
{
	char body[2048];

	snprintf(body, sizeof(body), "_csrf=%s%s%s", cl->csrf, *fields ? "&" : "", fields);
	req("POST", path, cl->cookie, "application/x-www-form-urlencoded", body, NULL, r);
}

/* POST (or method, for PUT and PATCH) JSON as cl with its API token. */
static void send_json(const struct client *cl, const char *method, const char *path,
		      const char *json, struct resp *r)
{
	/* an upload's file travels as the body itself */
	req(method, path, NULL,
	    strncmp(json, "%PDF", 4) == 0 ? "application/pdf" : "application/json", json,
	    cl->bearer, r);
}

/* The last audit entry's id: what was written since shows as a larger one. */
static int64_t audit_top(void)
{
	sqlite3 *h = fx_raw(store, 0);
	int64_t v;

	assert_non_null(h);
	v = one_int(h, "SELECT coalesce(max(id), 0) FROM audit_log");
	sqlite3_close(h);
	return v;
}

static int64_t count_of(const char *sql)
{
	sqlite3 *h = fx_raw(store, 0);
	int64_t v;

	assert_non_null(h);
	v = one_int(h, sql);
	sqlite3_close(h);
	return v;
}

/* ---- the routes ---- */

static const struct {
	const char *method, *pattern;
	unsigned flags;
} all_routes[] = {
#define ROUTE(m, p, h, f, roles, fields) {m, p, f},
#include "web/routes.def"
#undef ROUTE
};
#define NROUTES (sizeof(all_routes) / sizeof(all_routes[0]))

/* What stands for the '#'s of a route, at body b. */
enum kind {
	K_NONE,
	K_SESSION,
	K_DOCUMENT,
	K_SECRET,
	K_TASK,
	K_EVENT,
	K_NOTICE,
	K_ACCOUNT,
	K_BODY,
	K_TERM,
	K_ITEM,
	K_UNIT,
	K_ORGAN,
	K_PERSON,
	K_GROUP,
	K_REQUEST,
	K_ATTACH,	 /* a file of the body's document */
	K_SECRET_ATTACH, /* of its confidential document */
	K_TASK_ATTACH	 /* of its task */
};

static int64_t id_of(enum kind k, int b)
{
	switch (k) {
	case K_SESSION:
	case K_DOCUMENT:
	case K_BODY:
	case K_TERM:
	case K_ITEM:
	case K_UNIT:
	case K_ORGAN:
	case K_PERSON:
	case K_GROUP:
		return b;
	case K_SECRET:
		return b + 10;
	case K_TASK:
		return task_of[b];
	case K_EVENT:
		return event_of[b];
	case K_NOTICE:
		return notice_of[b];
	case K_ACCOUNT:
		return viewer_of[b];
	case K_REQUEST:
		return b == 1 ? 106 : 100 + b;
	case K_ATTACH:
		return b;
	case K_SECRET_ATTACH:
		return 10 + b;
	case K_TASK_ATTACH:
		return 20 + b;
	case K_NONE:
		break;
	}
	return 0;
}

/*
 * Every route of routes.def, once: how to ask it about an object of body b.
 * In path and fields, {1} and {2} stand for the ids of k1 and k2 (k2 none:
 * the indicator "industry"); for routes without '#' k1's id goes in the query
 * or the form. json: a JSON body for POSTs with an API token.
 */
static const struct {
	const char *method, *pattern;
	enum kind k1, k2;
	const char *path, *fields;
	bool json;
	int ctl; /* the body the global admin's control uses (0: 6), for writes that close a task;
		    -1: no control here (it needs what the matrix cannot make, named beside it) */
} cases[] = {
    /* objects in the path */
    {"GET", "/sessions/#", K_SESSION, K_NONE, "/sessions/{1}", NULL, false, 0},
    {"GET", "/sessions/#/comments", K_SESSION, K_NONE, "/sessions/{1}/comments", NULL, false, 0},
    {"GET", "/documents/#", K_DOCUMENT, K_NONE, "/documents/{1}", NULL, false, 0},
    {"GET", "/documents/#", K_SECRET, K_NONE, "/documents/{1}", NULL, false, 0},
    {"GET", "/tasks/#", K_TASK, K_NONE, "/tasks/{1}", NULL, false, 0},
    {"GET", "/tasks/#/timeline", K_TASK, K_NONE, "/tasks/{1}/timeline", NULL, false, 0},
    {"POST", "/tasks/#/report", K_TASK, K_UNIT, "/tasks/{1}/report",
     "text=B%C3%A1o+c%C3%A1o&unit={2}", false, 0},
    {"POST", "/tasks/#/confirm", K_TASK, K_NONE, "/tasks/{1}/confirm", "date=2023-11-01", false, 5},
    {"POST", "/tasks/#/sendback", K_TASK, K_NONE, "/tasks/{1}/sendback",
     "note=Thi%E1%BA%BFu+s%E1%BA%A3n+ph%E1%BA%A9m&date=2023-11-01", false, 2},
    {"POST", "/tasks/#/extend", K_TASK, K_NONE, "/tasks/{1}/extend",
     "deadline=qu%C3%BD+I%2F2024&reason=Ch%E1%BB%9D+t%E1%BB%89nh&decided_on=2023-11-01", false, 0},
    {"GET", "/notices/#", K_NOTICE, K_NONE, "/notices/{1}", NULL, false, 0},
    {"GET", "/notices/#/followup", K_NOTICE, K_NONE, "/notices/{1}/followup?format=xlsx", NULL,
     false, 0},
    {"GET", "/api/v1/notices/#/followup", K_NOTICE, K_NONE,
     "/api/v1/notices/{1}/followup?format=docx", NULL, false, 0},
    {"GET", "/notices/#/pdf", K_NOTICE, K_NONE, "/notices/{1}/pdf", NULL, false, 0},
    {"GET", "/notices/#/html", K_NOTICE, K_NONE, "/notices/{1}/html", NULL, false, 0},
    {"GET", "/notices/#/docx", K_NOTICE, K_NONE, "/notices/{1}/docx", NULL, false, 0},
    {"POST", "/sessions/#/notice", K_SESSION, K_NONE, "/sessions/{1}/notice", "", false, 0},
    {"POST", "/api/v1/notices", K_SESSION, K_NONE, "/api/v1/notices", "{\"session_id\":{1}}", true,
     0},
    {"GET", "/api/v1/notices/#/check", K_NOTICE, K_NONE, "/api/v1/notices/{1}/check", NULL, false,
     0},
    {"GET", "/api/v1/notices/#/tasks", K_NOTICE, K_NONE, "/api/v1/notices/{1}/tasks", NULL, false,
     0},
    {"POST", "/notices/#/tasks", K_NOTICE, K_UNIT, "/notices/{1}/tasks",
     "content=Vi%E1%BB%87c+ZQ6Z&lead_unit_id={2}&deadline=30%2F11%2F2023", false, 0},
    {"POST", "/api/v1/notices/#/tasks", K_NOTICE, K_UNIT, "/api/v1/notices/{1}/tasks",
     "{\"content\":\"Viec ZQ6Z\",\"lead_unit_id\":{2},\"deadline\":\"30/11/2023\"}", true, 0},
    {"POST", "/notices/#/compose", K_NOTICE, K_NONE, "/notices/{1}/compose",
     "sign_form=T%2FM&sign_body=CQ&sign_position=BT&sign_name=Nguyen+A&body=Ket+luan+moi.", false,
     0},
    {"PUT", "/api/v1/notices/#/template", K_NOTICE, K_NONE, "/api/v1/notices/{1}/template",
     "{\"template\":\"@sign T/M | CQ | BT | Nguyen A\\n\\nKet luan moi.\\n\"}", true, 0},
    {"POST", "/notices/#/template", K_NOTICE, K_NONE, "/notices/{1}/template",
     "template=%40sign+T%2FM+%7C+CQ+%7C+BT+%7C+Nguyen+A%0A%0AKet+luan+moi.%0A", false, 0},
    /* approval before issuing: on body 6 submit, return, submit (API), approve; on 5 the API's */
    {"POST", "/notices/#/submit", K_NOTICE, K_NONE, "/notices/{1}/submit", "", false, 6},
    {"POST", "/notices/#/return", K_NOTICE, K_NONE, "/notices/{1}/return",
     "comment=S%E1%BB%ADa+l%E1%BA%A1i", false, 6},
    {"POST", "/api/v1/notices/#/submit", K_NOTICE, K_NONE, "/api/v1/notices/{1}/submit", "{}", true,
     6},
    {"POST", "/notices/#/approve", K_NOTICE, K_NONE, "/notices/{1}/approve", "", false, 6},
    {"POST", "/api/v1/notices/#/submit", K_NOTICE, K_NONE, "/api/v1/notices/{1}/submit", "{}", true,
     5},
    {"POST", "/api/v1/notices/#/return", K_NOTICE, K_NONE, "/api/v1/notices/{1}/return",
     "{\"comment\":\"Sua lai\"}", true, 5},
    {"POST", "/notices/#/submit", K_NOTICE, K_NONE, "/notices/{1}/submit", "", false, 5},
    {"POST", "/api/v1/notices/#/approve", K_NOTICE, K_NONE, "/api/v1/notices/{1}/approve", "{}",
     true, 5},
    {"POST", "/notices/#/issue", K_NOTICE, K_NONE, "/notices/{1}/issue",
     "date=2023-11-01&sig_name=X", false, 0},
    /*
     * attachments: the files read through their document's or task's visibility; the API
     * takes a real file (a PDF as the request's body)
     */
    {"GET", "/attachments/#", K_ATTACH, K_NONE, "/attachments/{1}", NULL, false, 0},
    {"GET", "/attachments/#", K_SECRET_ATTACH, K_NONE, "/attachments/{1}", NULL, false, 0},
    {"GET", "/attachments/#", K_TASK_ATTACH, K_NONE, "/attachments/{1}", NULL, false, 0},
    {"GET", "/api/v1/documents/#/attachments", K_DOCUMENT, K_NONE,
     "/api/v1/documents/{1}/attachments", NULL, false, 0},
    {"GET", "/api/v1/documents/#/attachments", K_SECRET, K_NONE,
     "/api/v1/documents/{1}/attachments", NULL, false, 0},
    {"GET", "/api/v1/tasks/#/attachments", K_TASK, K_NONE, "/api/v1/tasks/{1}/attachments", NULL,
     false, 0},
    {"POST", "/api/v1/documents/#/attachments", K_DOCUMENT, K_NONE,
     "/api/v1/documents/{1}/attachments", "%PDF-1.4 ZQ6Z", true, 0},
    {"POST", "/api/v1/tasks/#/attachments", K_TASK, K_NONE, "/api/v1/tasks/{1}/attachments",
     "%PDF-1.4 ZQ6Z", true, 0},
    /* a signed copy: the control that takes one (a real signed PDF) is tests/cli/sign.sh */
    {"POST", "/notices/#/signed", K_NOTICE, K_NONE, "/notices/{1}/signed", "", false, -1},
    {"POST", "/api/v1/notices/#/signed", K_NOTICE, K_NONE, "/api/v1/notices/{1}/signed", "{}", true,
     -1},
    {"POST", "/admin/users/#/password", K_ACCOUNT, K_NONE, "/admin/users/{1}/password",
     "new_password=pw-hacked-123", false, 0},
    {"POST", "/admin/users/#/disable", K_ACCOUNT, K_NONE, "/admin/users/{1}/disable", "confirm=yes",
     false, 0},
    {"POST", "/admin/users/#/enable", K_ACCOUNT, K_NONE, "/admin/users/{1}/enable", "", false, 0},
    {"GET", "/api/v1/bodies/#", K_BODY, K_NONE, "/api/v1/bodies/{1}", NULL, false, 0},
    {"GET", "/api/v1/sessions/#", K_SESSION, K_NONE, "/api/v1/sessions/{1}", NULL, false, 0},
    {"GET", "/api/v1/sessions/#/tasks", K_SESSION, K_NONE, "/api/v1/sessions/{1}/tasks", NULL,
     false, 0},
    {"GET", "/api/v1/sessions/#/comments", K_SESSION, K_NONE, "/api/v1/sessions/{1}/comments", NULL,
     false, 0},
    {"GET", "/api/v1/documents/#", K_DOCUMENT, K_NONE, "/api/v1/documents/{1}", NULL, false, 0},
    {"GET", "/api/v1/documents/#", K_SECRET, K_NONE, "/api/v1/documents/{1}", NULL, false, 0},
    {"GET", "/api/v1/tasks/#", K_TASK, K_NONE, "/api/v1/tasks/{1}", NULL, false, 0},
    {"GET", "/api/v1/terms/#", K_TERM, K_NONE, "/api/v1/terms/{1}", NULL, false, 0},
    {"GET", "/api/v1/units/#", K_UNIT, K_NONE, "/api/v1/units/{1}", NULL, false, 0},
    {"GET", "/api/v1/organs/#", K_ORGAN, K_NONE, "/api/v1/organs/{1}", NULL, false, 0},
    {"GET", "/api/v1/people/#", K_PERSON, K_NONE, "/api/v1/people/{1}", NULL, false, 0},
    {"GET", "/api/v1/agenda-items/#", K_ITEM, K_NONE, "/api/v1/agenda-items/{1}", NULL, false, 0},
    {"GET", "/api/v1/notices/#", K_NOTICE, K_NONE, "/api/v1/notices/{1}", NULL, false, 0},
    {"GET", "/api/v1/tasks/#/reports", K_TASK, K_NONE, "/api/v1/tasks/{1}/reports", NULL, false, 0},
    {"GET", "/api/v1/tasks/#/timeline", K_TASK, K_NONE, "/api/v1/tasks/{1}/timeline", NULL, false,
     0},
    {"GET", "/api/v1/tasks/#/children", K_TASK, K_NONE, "/api/v1/tasks/{1}/children", NULL, false,
     0},
    {"POST", "/api/v1/tasks/#/reports", K_TASK, K_UNIT, "/api/v1/tasks/{1}/reports",
     "{\"text\":\"B\xc3\xa1o c\xc3\xa1o\",\"unit\":{2}}", true, 0},
    {"GET", "/api/v1/tasks/#/reports/#", K_TASK, K_EVENT, "/api/v1/tasks/{1}/reports/{2}", NULL,
     false, 0},
    {"POST", "/api/v1/tasks/#/confirm", K_TASK, K_NONE, "/api/v1/tasks/{1}/confirm",
     "{\"on\":\"2023-11-01\"}", true, 4},
    {"POST", "/api/v1/tasks/#/sendback", K_TASK, K_NONE, "/api/v1/tasks/{1}/sendback",
     "{\"note\":\"Thi\xe1\xba\xbfu\",\"on\":\"2023-11-01\"}", true, 3},
    {"POST", "/api/v1/tasks/#/extend", K_TASK, K_NONE, "/api/v1/tasks/{1}/extend",
     "{\"deadline\":\"31/01/2024\",\"reason\":\"Ch\xe1\xbb\x9d\",\"decided_on\":\"2023-11-"
     "02\"}",
     true, 1},
    {"PATCH", "/api/v1/tasks/#", K_TASK, K_UNIT, "/api/v1/tasks/{1}",
     "{\"content\":\"Viec ZQ6Z sua\",\"leads\":[{2}]}", true, 0},
    {"POST", "/tasks/#/edit", K_TASK, K_UNIT, "/tasks/{1}/edit",
     "content=Vi%E1%BB%87c+ZQ6Z+s%E1%BB%ADa&leads={2}", false, 0},
    {"POST", "/tasks/#/split", K_TASK, K_UNIT, "/tasks/{1}/split",
     "content=Vi%E1%BB%87c+con&leads={2}&assigned_on=2023-10-05", false, 0},
    {"POST", "/api/v1/tasks", K_TASK, K_UNIT, "/api/v1/tasks",
     "{\"parent_id\":{1},\"content\":\"Vi\u1ec7c con\",\"leads\":[{2}],\"assigned_on\":"
     "\"2023-10-05\"}",
     true, 0},
    {"GET", "/api/v1/requests/#", K_REQUEST, K_NONE, "/api/v1/requests/{1}", NULL, false, 0},
    {"POST", "/requests/#/answer", K_REQUEST, K_NONE, "/requests/{1}/answer", "", false, 0},
    {"POST", "/api/v1/requests/#/answer", K_REQUEST, K_NONE, "/api/v1/requests/{1}/answer", "{}",
     true, 5},
    /* objects in the query or the form */
    {"POST", "/requests", K_BODY, K_NONE, "/requests", "body={1}&kind=progress&due=2099-12-31",
     false, 2},
    {"POST", "/api/v1/requests", K_BODY, K_NONE, "/api/v1/requests",
     "{\"body\":{1},\"kind\":\"progress\",\"due\":\"2099-12-31\"}", true, 1},
    {"GET", "/indicators/entry", K_BODY, K_NONE, "/indicators/entry?body={1}&period=2023-T09", NULL,
     false, 0},
    {"POST", "/indicators/entry", K_BODY, K_NONE, "/indicators/entry",
     "body={1}&period=2023-T09&v{2}=5", false, 0},
    {"GET", "/indicators/xlsx", K_BODY, K_NONE, "/indicators/xlsx?body={1}&period=2023-T09", NULL,
     false, 0},
    {"GET", "/api/v1/indicator-values", K_BODY, K_NONE,
     "/api/v1/indicator-values?body={1}&period=2023-T09", NULL, false, 0},
    {"POST", "/api/v1/indicator-values", K_BODY, K_NONE, "/api/v1/indicator-values",
     "{\"body\":{1},\"period\":\"2023-T09\",\"values\":[{\"indicator\":\"industry\","
     "\"value\":\"7\"}]}",
     true, 0},
    {"GET", "/tasks", K_UNIT, K_NONE, "/tasks?unit={1}", NULL, false, 0},
    {"GET", "/api/v1/tasks", K_UNIT, K_NONE, "/api/v1/tasks?unit={1}", NULL, false, 0},
    {"GET", "/api/v1/tasks/stats", K_BODY, K_NONE, "/api/v1/tasks/stats?by=body&rollup=1&body={1}",
     NULL, false, 0},
    {"GET", "/api/v1/terms", K_BODY, K_NONE, "/api/v1/terms?body={1}", NULL, false, 0},
    {"GET", "/api/v1/units", K_BODY, K_NONE, "/api/v1/units?body={1}", NULL, false, 0},
    {"GET", "/api/v1/organs", K_BODY, K_NONE, "/api/v1/organs?body={1}", NULL, false, 0},
    {"GET", "/api/v1/people", K_ORGAN, K_NONE, "/api/v1/people?organ={1}", NULL, false, 0},
    {"GET", "/api/v1/agenda-items", K_SESSION, K_NONE, "/api/v1/agenda-items?session={1}", NULL,
     false, 0},
    {"GET", "/api/v1/notices", K_SESSION, K_NONE, "/api/v1/notices?session={1}", NULL, false, 0},
    {"GET", "/ical/tasks.ics", K_BODY, K_NONE, "/ical/tasks.ics?body={1}", NULL, false, 0},
    {"POST", "/admin/users", K_BODY, K_NONE, "/admin/users",
     "login=moi-{1}&role=viewer&body={1}&password=pw-moi-12345", false, 0},
    {"POST", "/admin/bodies", K_BODY, K_NONE, "/admin/bodies",
     "name=M%C6%A1i&code=M&level=coso&kind=party&parent={1}", false, 0},
    {"POST", "/admin/terms", K_BODY, K_NONE, "/admin/terms",
     "body={1}&name=XX&year_from=2025&year_to=2030", false, 0},
    {"POST", "/admin/organs", K_BODY, K_NONE, "/admin/organs",
     "body={1}&kind=ban&name=Ban+m%E1%BB%9Bi", false, 0},
    {"POST", "/admin/organs/members", K_ORGAN, K_NONE, "/admin/organs/members",
     "organ={1}&person={1}&position=Th%C6%B0+k%C3%BD", false, 0},
    {"POST", "/admin/units", K_BODY, K_NONE, "/admin/units",
     "body={1}&kind=group&name=T%E1%BB%95+m%E1%BB%9Bi", false, 0},
    {"POST", "/admin/recipient-groups", K_BODY, K_NONE, "/admin/recipient-groups",
     "body={1}&code=moi&name=Nh%C3%B3m+m%E1%BB%9Bi", false, 0},
    {"POST", "/admin/recipient-groups/lines", K_GROUP, K_NONE, "/admin/recipient-groups/lines",
     "group={1}&label=D%C3%B2ng+m%E1%BB%9Bi", false, 0},
    /*
     * the office runs a session; in this order the global admin's control at
     * body 6 (and 5 for the JSON votes) registers, edits, adds, moves, takes
     * attendance, records and corrects
     */
    {"POST", "/sessions", K_ORGAN, K_TERM, "/sessions",
     "organ={1}&term={2}&date=2023-12-01&time=08%3A00", false, 0},
    {"POST", "/sessions/#", K_SESSION, K_NONE, "/sessions/{1}", "date=2023-10-06&time=09%3A00",
     false, 0},
    {"POST", "/sessions/#/agenda", K_SESSION, K_NONE, "/sessions/{1}/agenda",
     "kind=B%C3%A1o+c%C3%A1o&title=N%E1%BB%99i+dung", false, 0},
    {"POST", "/sessions/#/agenda/#/move", K_SESSION, K_ITEM, "/sessions/{1}/agenda/{2}/move",
     "direction=down", false, 0},
    {"POST", "/sessions/#/attendance", K_SESSION, K_NONE, "/sessions/{1}/attendance", "rest=1",
     false, 0},
    {"POST", "/sessions/#/votes/#", K_SESSION, K_ITEM, "/sessions/{1}/votes/{2}", "for=1", false,
     0},
    {"POST", "/sessions/#/votes/#/correct", K_SESSION, K_ITEM, "/sessions/{1}/votes/{2}/correct",
     "for=0&against=1&reason=%C4%90%E1%BA%BFm+l%E1%BA%A1i", false, 0},
    {"POST", "/api/v1/sessions", K_ORGAN, K_TERM, "/api/v1/sessions",
     "{\"organ\":{1},\"term\":{2},\"date\":\"2023-12-02\",\"time\":\"08:00\"}", true, 0},
    {"PATCH", "/api/v1/sessions/#", K_SESSION, K_NONE, "/api/v1/sessions/{1}",
     "{\"time\":\"10:00\"}", true, 0},
    {"POST", "/api/v1/sessions/#/agenda", K_SESSION, K_NONE, "/api/v1/sessions/{1}/agenda",
     "{\"kind\":\"T\u1edd tr\u00ecnh\",\"title\":\"M\u1ee5c m\u1edbi\"}", true, 0},
    {"POST", "/api/v1/agenda-items/#/move", K_ITEM, K_NONE, "/api/v1/agenda-items/{1}/move",
     "{\"direction\":\"up\"}", true, 0},
    {"POST", "/api/v1/sessions/#/attendance", K_SESSION, K_NONE, "/api/v1/sessions/{1}/attendance",
     "{\"rest_present\":true}", true, 5},
    {"POST", "/api/v1/agenda-items/#/vote", K_ITEM, K_NONE, "/api/v1/agenda-items/{1}/vote",
     "{\"for\":1}", true, 5},
    {"PUT", "/api/v1/agenda-items/#/vote", K_ITEM, K_NONE, "/api/v1/agenda-items/{1}/vote",
     "{\"for\":0,\"against\":1,\"reason\":\"x\"}", true, 5},
    /* a task given outside a notice, to the body's units or lower bodies */
    {"POST", "/tasks", K_BODY, K_UNIT, "/tasks",
     "by={1}&content=Vi%E1%BB%87c+giao+ZQ6Z&leads={2}&assigned_on=2023-10-05", false, 0},
    {"POST", "/api/v1/tasks", K_BODY, K_UNIT, "/api/v1/tasks",
     "{\"body\":{1},\"content\":\"Vi\u1ec7c giao\",\"leads\":[{2}],\"assigned_on\":"
     "\"2023-10-05\"}",
     true, 0},
    /*
     * succession, last: the control ends body 6 (then 5) into the centre, which
     * no scoped account sees, so nothing of theirs moves before they are probed
     */
    {"POST", "/admin/bodies/succession", K_BODY, K_NONE, "/admin/bodies/succession",
     "end{1}=1&successor=1&on=2025-07-01&mode=sap_nhap", false, 0},
    {"POST", "/api/v1/bodies/#/succession", K_BODY, K_NONE, "/api/v1/bodies/{1}/succession",
     "{\"successor\":1,\"on\":\"2025-07-01\"}", true, 5},
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/*
 * Routes about no one body: lists (read for every outside marker), and
 * writes that belong to no body (checked on their own below).
 */
static const struct {
	const char *method, *pattern, *path;
} lists[] = {
    {"GET", "/", "/"},
    {"GET", "/sessions", "/sessions"},
    {"GET", "/documents", "/documents"},
    {"GET", "/indicators", "/indicators"},
    {"GET", "/tasks", "/tasks"},
    {"GET", "/tasks/close-requests", "/tasks/close-requests"},
    {"GET", "/don-vi", "/don-vi"},
    {"GET", "/notices", "/notices"},
    {"GET", "/approvals", "/approvals"},
    {"GET", "/requests", "/requests"},
    {"GET", "/api/v1/requests", "/api/v1/requests"},
    {"GET", "/search", "/search?q=v%C4%83n+b%E1%BA%A3n"},
    {"GET", "/search", "/search?q=vi%E1%BB%87c"},
    {"GET", "/admin", "/admin"},
    {"GET", "/audit", "/audit"},
    {"GET", "/api/v1", "/api/v1"},
    {"GET", "/api/v1/bodies", "/api/v1/bodies"},
    {"GET", "/api/v1/sessions", "/api/v1/sessions"},
    {"GET", "/api/v1/documents", "/api/v1/documents"},
    {"GET", "/api/v1/indicators", "/api/v1/indicators"},
    {"GET", "/api/v1/tasks", "/api/v1/tasks"},
    {"GET", "/ical/sessions.ics", "/ical/sessions.ics"},
    {"GET", "/admin/bodies", "/admin/bodies"},
    {"GET", "/admin/terms", "/admin/terms"},
    {"GET", "/admin/organs", "/admin/organs"},
    {"GET", "/admin/units", "/admin/units"},
    {"GET", "/admin/people", "/admin/people"},
    {"GET", "/admin/recipient-groups", "/admin/recipient-groups"},
    {"GET", "/admin/profiles", "/admin/profiles"},
    {"GET", "/api/v1/terms", "/api/v1/terms"},
    {"GET", "/api/v1/units", "/api/v1/units"},
    {"GET", "/api/v1/organs", "/api/v1/organs"},
    {"GET", "/api/v1/people", "/api/v1/people"},
    {"GET", "/api/v1/agenda-items", "/api/v1/agenda-items"},
    {"GET", "/api/v1/notices", "/api/v1/notices"},
    {"GET", "/ical/tasks.ics", "/ical/tasks.ics"},
    {"GET", "/api/v1/audit", "/api/v1/audit?limit=200"},
    {"GET", "/imports", "/imports"},
};
#define NLISTS (sizeof(lists) / sizeof(lists[0]))

/* Routes with no object of a body: public ones, logging out, and the shared tables' writes. */
static const struct {
	const char *method, *pattern;
} elsewhere[] = {
    {"GET", "/static/dondoc.css"},
    {"GET", "/static/dondoc.js"},
    {"GET", "/login"},
    {"POST", "/login"},
    {"POST", "/logout"},
    {"POST", "/admin/people"},	 /* people belong to no body */
    {"POST", "/admin/profiles"}, /* global admins' only: a_scoped_admin_leaves_shared_rows */
    /* a draft's task row and issuing by the API: test_notice_web.c (the same visibility check) */
    {"POST", "/notices/#/tasks/#/delete"},
    {"DELETE", "/api/v1/notices/#/tasks/#"},
    {"POST", "/api/v1/notices/#/issue"},
    /* the attachment forms: the API twins' check (page_attach_store); tests/cli/attachments.sh */
    {"POST", "/documents/#/attachments"},
    {"POST", "/tasks/#/attachments"},
    /*
     * importing a notice: its body is the one its text names (a scoped office may store
     * only a notice of an existing body in its scope); tests/cli/import-web.sh
     */
    {"POST", "/imports"},
    {"POST", "/api/v1/imports"},
};

static bool route_is(size_t i, const char *method, const char *pattern)
{
	return strcmp(all_routes[i].method, method) == 0 &&
	       strcmp(all_routes[i].pattern, pattern) == 0;
}

static void every_route_is_in_the_matrix(void **state)
{
	for (size_t i = 0; i < NROUTES; i++) {
		bool found = false;

		for (size_t c = 0; c < NCASES && !found; c++)
			found = route_is(i, cases[c].method, cases[c].pattern);
		for (size_t c = 0; c < NLISTS && !found; c++)
			found = route_is(i, lists[c].method, lists[c].pattern);
		for (size_t c = 0; c < sizeof(elsewhere) / sizeof(elsewhere[0]) && !found; c++)
			found = route_is(i, elsewhere[c].method, elsewhere[c].pattern);
		if (!found)
			fail_msg("%s %s is not in the scope matrix of test_scope.c",
				 all_routes[i].method, all_routes[i].pattern);
	}
}

/* Whether the text carries the marker of body b. */
static bool has_marker(const char *s, int b)
{
	char m[16];

	snprintf(m, sizeof(m), "ZQ%dZ", b);
	if (strstr(s, m))
		return true;
	snprintf(m, sizeof(m), "zq%dz", b);
	return strstr(s, m) != NULL;
}

/* The scoped accounts, login "role-level". */
static void each_account(void (*fn)(const struct client *cl, int64_t scope))
{
	for (size_t r = 0; r < 5; r++)
		for (size_t l = 0; l < 3; l++) {
			char login[32];

			snprintf(login, sizeof(login), "%s-%s", roles[r], levels[l].tag);
			fn(client(login), levels[l].body);
		}
}

static void probe_cases(const struct client *cl, int64_t scope)
{
	for (int b = 1; b <= NB; b++) {
		if (under(b, scope))
			continue;
		for (size_t c = 0; c < NCASES; c++) {
			long long id1 = (long long)id_of(cases[c].k1, b);
			long long id2 = cases[c].k2 != K_NONE ? (long long)id_of(cases[c].k2, b)
							      : (long long)industry_id;
			char path[256], fields[1024];
			int64_t top = audit_top();
			struct resp r;

			const long long v[3] = {id1, id2, 0};

			subst(path, sizeof(path), cases[c].path, v);
			if (strcmp(cases[c].method, "GET") == 0) {
				get(cl, path, &r);
				/*
				 * Refused; a list filtered by an outside object may answer
				 * 200, empty of it (the spreadsheet is refused: it is zipped).
				 */
				bool in_path = strchr(cases[c].pattern, '#') != NULL;

				if ((r.status == 200 || r.status == 303) &&
				    (in_path || strstr(path, "xlsx") ||
				     has_marker(buf_str(&r.body), b)))
					fail_msg("%s %s as %s: %ld, body %d is outside its scope",
						 cases[c].method, path, cl->login, r.status, b);
			} else {
				subst(fields, sizeof(fields), cases[c].fields, v);
				if (cases[c].json)
					send_json(cl, cases[c].method, path, fields, &r);
				else
					post_form(cl, path, fields, &r);
				if (r.status == 200 || r.status == 201 || r.status == 303 ||
				    audit_top() != top)
					fail_msg(
					    "%s %s [%s] as %s: %ld, body %d is outside its scope",
					    cases[c].method, path, fields, cl->login, r.status, b);
			}
			if (r.status >= 500)
				fail_msg("%s %s as %s: %ld", cases[c].method, path, cl->login,
					 r.status);
			resp_free(&r);
		}
	}
}

static void probe_lists(const struct client *cl, int64_t scope)
{
	size_t own = 0;

	for (size_t c = 0; c < NLISTS; c++) {
		struct resp r;

		get(cl, lists[c].path, &r);
		own += has_marker(buf_str(&r.body), (int)scope);
		if (r.status >= 500)
			fail_msg("GET %s as %s: %ld", lists[c].path, cl->login, r.status);
		for (int b = 1; b <= NB; b++)
			if (!under(b, scope) && has_marker(buf_str(&r.body), b))
				fail_msg("GET %s as %s shows body %d, outside its scope",
					 lists[c].path, cl->login, b);
		resp_free(&r);
	}
	/* The lists are not empty for want of data: they show the account's own body. */
	if (own < 4)
		fail_msg("%s sees its own body in %zu lists only", cl->login, own);
}

/* Each of the 15 scoped accounts × every route about an object × each body outside its scope. */
static void objects_outside_the_scope_are_never_reached(void **state)
{
	each_account(probe_cases);
}

static void lists_show_nothing_outside_the_scope(void **state)
{
	each_account(probe_lists);
}

/*
 * The same requests by the global admin, on every body, do what they say:
 * the refusals above come from the scope, not from a malformed request.
 */
static void the_global_admin_reaches_every_body(void **state)
{
	const struct client *cl = client("root");

	for (size_t c = 0; c < NCASES; c++) {
		if (cases[c].ctl < 0)
			continue;
		int b = cases[c].ctl ? cases[c].ctl : 6;
		long long id1 = (long long)id_of(cases[c].k1, b);
		long long id2 = cases[c].k2 != K_NONE ? (long long)id_of(cases[c].k2, b)
						      : (long long)industry_id;
		char path[256], fields[1024];
		struct resp r;
		int64_t top = audit_top();

		const long long v[3] = {id1, id2, 0};

		subst(path, sizeof(path), cases[c].path, v);
		if (strcmp(cases[c].method, "GET") == 0) {
			get(cl, path, &r);
			if (r.status != 200)
				fail_msg("GET %s as root: %ld", path, r.status);
		} else {
			/* Enabling needs a disabled account: the one disable just disabled. */
			subst(fields, sizeof(fields), cases[c].fields, v);
			if (cases[c].json)
				send_json(cl, cases[c].method, path, fields, &r);
			else
				post_form(cl, path, fields, &r);
			if ((r.status != 200 && r.status != 201 && r.status != 303) ||
			    audit_top() == top)
				fail_msg("POST %s [%s] as root: %ld %s", path, fields, r.status,
					 buf_str(&r.body));
		}
		resp_free(&r);
	}
}

/* ---- administration ---- */

static void a_commune_admin_cannot_take_over(void **state)
{
	const struct client *ca = client("admin-c"), *root = client("root");
	struct client again;
	int64_t accounts = count_of("SELECT count(*) FROM account"), top;
	char path[64];
	struct resp r;

	/* An admin without bodies would be global: refused, nothing written. */
	top = audit_top();
	post_form(ca, "/admin/users", "login=evil&role=admin&password=pw-evil-12345", &r);
	assert_int_equal(r.status, 403);
	assert_non_null(strstr(buf_str(&r.body), "phạm vi toàn hệ thống"));
	resp_free(&r);
	/* Nor of the district above it. */
	post_form(ca, "/admin/users", "login=evil&role=admin&body=3&password=pw-evil-12345", &r);
	assert_int_equal(r.status, 403);
	assert_non_null(strstr(buf_str(&r.body), "Cơ quan số 3 nằm ngoài phạm vi"));
	resp_free(&r);
	assert_int_equal(count_of("SELECT count(*) FROM account"), accounts);
	assert_int_equal(audit_top(), top);
	assert_int_equal(try_login("evil", "pw-evil-12345", &again), 401);

	/* The district office's password stays, and so does the global admin. */
	snprintf(path, sizeof(path), "/admin/users/%lld/password",
		 (long long)count_of("SELECT id FROM account WHERE login = 'office-d'"));
	post_form(ca, path, "new_password=pw-hacked-123", &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	assert_int_equal(try_login("office-d", "pw-hacked-123", &again), 401);
	assert_int_equal(try_login("office-d", "pw-office-d-123", &again), 303);
	snprintf(path, sizeof(path), "/admin/users/%lld/disable", (long long)root_id);
	post_form(ca, path, "confirm=yes", &r);
	assert_int_equal(r.status, 404);
	resp_free(&r);
	assert_int_equal(audit_top(), top);
	get(root, "/admin", &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);
	req("GET", "/api/v1", NULL, NULL, NULL, root->bearer, &r);
	assert_int_equal(r.status, 200);
	resp_free(&r);

	/* Its list: the accounts of its commune, none above. */
	get(ca, "/admin", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "viewer-c<"));
	assert_null(strstr(buf_str(&r.body), "office-d"));
	assert_null(strstr(buf_str(&r.body), ">root<"));
	assert_null(strstr(buf_str(&r.body), "value=\"3\""));
	assert_null(strstr(buf_str(&r.body), "(mọi cơ quan)"));
	resp_free(&r);

	/* Inside its commune it administers: an account, a unit, a new password. */
	post_form(ca, "/admin/users", "login=xa-moi&role=office&body=4&password=pw-xa-moi-123", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	assert_int_equal(try_login("xa-moi", "pw-xa-moi-123", &again), 303);
	post_form(ca, "/admin/units", "body=4&kind=group&name=T%E1%BB%95+x%C3%A3", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	snprintf(path, sizeof(path), "/admin/users/%lld/password", (long long)viewer_of[4]);
	post_form(ca, path, "new_password=pw-viewer-c-456", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
	post_form(ca, path, "new_password=pw-viewer-c-123", &r);
	assert_int_equal(r.status, 303);
	resp_free(&r);
}

static void a_scoped_admin_leaves_shared_rows(void **state)
{
	const struct client *da = client("admin-d");
	int64_t top = audit_top();
	struct resp r;

	/* Format profiles belong to no body. */
	post_form(da, "/admin/profiles", "profile=party-2018&field=margin_left&value=31", &r);
	assert_int_equal(r.status, 403);
	assert_non_null(strstr(buf_str(&r.body), "toàn hệ thống"));
	resp_free(&r);
	/* Nor a new root body. */
	post_form(da, "/admin/bodies", "name=G%E1%BB%91c&code=G&level=tw&kind=party", &r);
	assert_int_equal(r.status, 403);
	resp_free(&r);
	assert_int_equal(audit_top(), top);
}

/* The core's rule for the CLI's callers and the others: actor NULL is the operator. */
static void core_refuses_scoped_actors_outside(void **state)
{
	struct db *db = NULL;
	struct err e = {0};
	struct account ca, of;
	int64_t b3 = 3, b4 = 4;

	assert_int_equal(db_open(store, 0, &db, &e), 0);
	assert_int_equal(
	    account_get(db, count_of("SELECT id FROM account WHERE login = 'admin-c'"), &ca, &e),
	    0);
	assert_int_equal(
	    account_get(db, count_of("SELECT id FROM account WHERE login = 'office-c'"), &of, &e),
	    0);
	assert_false(account_is_global(db, &ca));
	assert_int_equal(account_manages_body(db, &ca, 4, &e), 0);
	assert_int_equal(account_manages_body(db, &ca, 3, &e), ERR_PERM);
	assert_int_equal(account_manages_body(db, &ca, 0, &e), ERR_PERM);
	assert_int_equal(account_manages_body(db, NULL, 3, &e), 0);
	assert_int_equal(account_manages_row(db, &ca, ACCOUNT_ROW_UNIT, 5, &e), ERR_PERM);
	assert_int_equal(account_manages_row(db, &ca, ACCOUNT_ROW_ORGAN, 4, &e), 0);
	assert_int_equal(account_manages_row(db, &ca, ACCOUNT_ROW_RGROUP, 999, &e), ERR_NOTFOUND);
	/* An office manages no accounts; an admin none wider or higher than itself. */
	assert_int_equal(
	    account_add(db, &of, "c1", "", "viewer", 0, &b4, 1, "pw-c1-12345", NULL, &e), ERR_PERM);
	assert_int_equal(
	    account_add(db, &ca, "c2", "", "viewer", 0, &b3, 1, "pw-c2-12345", NULL, &e), ERR_PERM);
	assert_int_equal(
	    account_add(db, &ca, "c3", "", "reporter", 5, &b4, 1, "pw-c3-12345", NULL, &e),
	    ERR_PERM);
	assert_int_equal(account_passwd(db, &ca, "root", "pw-root-456", &e), ERR_PERM);
	assert_int_equal(account_disable(db, &ca, "viewer-c2", &e), ERR_PERM);
	assert_int_equal(account_enable(db, &ca, "viewer-c2", &e), ERR_PERM);
	assert_int_equal(account_passwd(db, &ca, "nobody", "pw-root-456", &e), ERR_NOTFOUND);
	assert_int_equal(count_of("SELECT count(*) FROM account WHERE login IN ('c1','c2','c3')"),
			 0);
	db_close(db);
}

/* ---- the audit log ---- */

static void the_audit_log_keeps_to_the_scope(void **state)
{
	const struct client *oc = client("office-c"), *od = client("office-d"),
			    *root = client("root");
	const char *const paths[] = {"/audit", "/api/v1/audit?limit=200"};
	struct resp r;

	for (size_t i = 0; i < 2; i++) {
		/* The commune's office: its commune's entries, nothing of the district or above. */
		get(oc, paths[i], &r);
		assert_int_equal(r.status, 200);
		assert_non_null(strstr(buf_str(&r.body), "Văn bản thường ZQ4Z"));
		assert_non_null(strstr(buf_str(&r.body), "Chi tiết bí mật ZQ4Z")); /* cleared */
		assert_null(strstr(buf_str(&r.body), "Văn bản mật ZQ3Z"));
		assert_null(strstr(buf_str(&r.body), "Chi tiết bí mật ZQ2Z"));
		assert_null(strstr(buf_str(&r.body), "ZQ5Z"));
		/* No account, and nobody's address outside the commune. */
		assert_null(strstr(buf_str(&r.body), "pw_changed_at"));
		assert_null(strstr(buf_str(&r.body), "@zq3z"));
		assert_null(strstr(buf_str(&r.body), "p4@zq4z")); /* people belong to no body */
		resp_free(&r);
		/* The global admin reads it all (the page: the newest, the accounts). */
		get(root, paths[i], &r);
		assert_int_equal(r.status, 200);
		assert_non_null(strstr(buf_str(&r.body), i ? "Văn bản mật ZQ3Z" : "pw_changed_at"));
		resp_free(&r);
	}
	/* A role not cleared for confidential documents reads that they changed, not what. */
	assert_int_equal(
	    count_of("SELECT count(*) FROM role WHERE code = 'office' AND cleared = 1"), 1);
	{
		sqlite3 *h = fx_raw(store, 0);

		exec_raw(h, "UPDATE role SET cleared = 0 WHERE code = 'office'");
		sqlite3_close(h);
	}
	for (size_t i = 0; i < 2; i++) {
		get(od, paths[i], &r);
		assert_int_equal(r.status, 200);
		assert_non_null(strstr(buf_str(&r.body), "Văn bản thường ZQ3Z"));
		assert_non_null(strstr(buf_str(&r.body), "nội dung mật"));
		assert_null(strstr(buf_str(&r.body), "Văn bản mật ZQ3Z"));
		assert_null(strstr(buf_str(&r.body), "Chi tiết bí mật ZQ4Z"));
		resp_free(&r);
	}
	get(od, "/api/v1/audit?limit=200", &r);
	assert_non_null(strstr(buf_str(&r.body), "\"withheld\":true"));
	resp_free(&r);
	{
		sqlite3 *h = fx_raw(store, 0);

		exec_raw(h, "UPDATE role SET cleared = 1 WHERE code = 'office'");
		sqlite3_close(h);
	}
}

/*
 * A long log: one page reads one window of 5000 entries, so a commune office
 * whose entries are all old pages through windows it has nothing in.
 */
static void a_long_log_pages_by_windows(void **state)
{
	const struct client *oc = client("office-c");
	sqlite3 *h = fx_raw(store, 1);
	int64_t top;
	char path[128];
	struct resp r;

	exec_raw(h,
		 "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i "
		 "< 6000) INSERT INTO person(full_name) SELECT 'Người thứ ' || i FROM n; COMMIT");
	sqlite3_close(h);
	top = audit_top();
	assert_true(top > 6000);
	/* Oldest first: the commune's entries, then a link past the window. */
	get(oc, "/api/v1/audit?limit=200", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Văn bản thường ZQ4Z"));
	assert_non_null(
	    strstr(buf_str(&r.body), "\"next\":\"/api/v1/audit?after=5000&limit=200\""));
	resp_free(&r);
	get(oc, "/api/v1/audit?after=5000&limit=200", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "\"count\":0"));
	assert_null(strstr(buf_str(&r.body), "\"next\""));
	resp_free(&r);
	/* Newest first: an empty window, and the way to older entries. */
	get(oc, "/audit", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Không có thay đổi nào trong phạm vi"));
	snprintf(path, sizeof(path), "/audit?before=%lld", (long long)(top + 1 - 5000));
	assert_non_null(strstr(buf_str(&r.body), path + 0));
	resp_free(&r);
	get(oc, path, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(buf_str(&r.body), "Văn bản thường ZQ4Z"));
	assert_null(strstr(buf_str(&r.body), "ZQ3Z"));
	resp_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_route_is_in_the_matrix),
	    cmocka_unit_test(objects_outside_the_scope_are_never_reached),
	    cmocka_unit_test(lists_show_nothing_outside_the_scope),
	    cmocka_unit_test(core_refuses_scoped_actors_outside),
	    cmocka_unit_test(a_commune_admin_cannot_take_over),
	    cmocka_unit_test(a_scoped_admin_leaves_shared_rows),
	    cmocka_unit_test(the_audit_log_keeps_to_the_scope),
	    cmocka_unit_test(a_long_log_pages_by_windows),
	    cmocka_unit_test(the_global_admin_reaches_every_body),
	};

	return cmocka_run_group_tests(tests, setup, http_client_teardown);
}
