/* account.c: accounts, Argon2id passwords, web sessions, API tokens and login throttling. */
#include "core/accounts/account.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"

static bool login_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 63)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		      s[i] == '_' || s[i] == '-'))
			return false;
	return true;
}

static int pw_check(const char *pw, struct err *e)
{
	size_t n = strlen(pw);

	if (n < ACCOUNT_PW_MIN)
		return err_set(e, ERR_INVAL, "mật khẩu quá ngắn: cần ít nhất %d ký tự",
			       ACCOUNT_PW_MIN);
	if (n > ACCOUNT_PW_MAX)
		return err_set(e, ERR_INVAL, "mật khẩu quá dài: tối đa %d ký tự", ACCOUNT_PW_MAX);
	return 0;
}

static int pw_hash(const char *pw, char out[static crypto_pwhash_STRBYTES], struct err *e)
{
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "không khởi tạo được libsodium");
	if (crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_NOMEM, "không đủ bộ nhớ để băm mật khẩu");
	return 0;
}

void account_random_hex(char out[static 65])
{
	unsigned char b[32];

	if (sodium_init() < 0)
		abort();
	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(out, 65, b, sizeof(b));
}

/* The stored form of a bearer secret: its hex BLAKE2b-256. */
static void token_hash(const char *token, char out[static 65])
{
	unsigned char h[32];

	crypto_generichash(h, sizeof(h), (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

/* Reads a row of SQL_ACCOUNT_BY_LOGIN / SQL_ACCOUNT_BY_ID. */
static void account_row(struct db_q *q, struct account *a)
{
	memset(a, 0, sizeof(*a));
	a->id = db_col_int(q, 0);
	copy(a->login, sizeof(a->login), db_col_text(q, 1));
	copy(a->full_name, sizeof(a->full_name), db_col_text(q, 2));
	copy(a->role, sizeof(a->role), db_col_text(q, 3));
	a->unit_id = db_col_int(q, 4);
	a->disabled = db_col_int(q, 5) != 0;
	a->rank = (int)db_col_int(q, 6);
	a->cleared = db_col_int(q, 7) != 0;
}

/* account_add without the transaction, for callers that hold one (the demo). */
int account_insert(struct db *db, const char *login, const char *full_name, const char *role,
		   int64_t unit_id, const int64_t *bodies, int nbodies, const char *password,
		   int64_t *ret_id, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	int64_t n = 0, id;
	int r;

	if (!login_valid(login))
		return err_set(e, ERR_INVAL,
			       "tên đăng nhập '%s' không hợp lệ: dùng 1-63 ký tự a-z, 0-9, '.', "
			       "'_', '-'",
			       login);
	r = pw_check(password, e);
	if (r < 0)
		return r;
	r = db_query_int(db, SQL_ROLE_EXISTS, &n, "t", role);
	if (r < 0)
		return db_err(db, e, r, "không đọc được danh sách vai trò");
	if (n == 0)
		return err_set(e, ERR_INVAL,
			       "vai trò '%s' không có; dùng admin, office, member, reporter hoặc "
			       "viewer",
			       role);
	if (strcmp(role, "reporter") == 0 && unit_id <= 0)
		return err_set(e, ERR_INVAL, "tài khoản đơn vị báo cáo cần một đơn vị (--unit)");
	if (unit_id > 0) {
		r = db_query_int(db, SQL_UNIT_EXISTS, &n, "i", unit_id);
		if (r == 0 && n == 0)
			return err_set(e, ERR_NOTFOUND, "không có đơn vị mã %lld",
				       (long long)unit_id);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	}
	for (int i = 0; i < nbodies; i++) {
		r = db_query_int(db, SQL_BODY_EXISTS, &n, "i", bodies[i]);
		if (r == 0 && n == 0)
			return err_set(e, ERR_NOTFOUND, "không có cơ quan (body) mã %lld",
				       (long long)bodies[i]);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
	}
	r = pw_hash(password, hash, e);
	if (r < 0)
		return r;
	if (unit_id > 0)
		r = db_exec(db, SQL_ACCOUNT_ADD, "tttit", login, full_name ? full_name : "", role,
			    unit_id, hash);
	else
		r = db_exec(db, SQL_ACCOUNT_ADD, "tttnt", login, full_name ? full_name : "", role,
			    hash);
	if (r == ERR_EXISTS)
		return err_set(e, r, "tên đăng nhập '%s' đã có", login);
	if (r < 0)
		return db_err(db, e, r, "không thêm được tài khoản");
	id = db_last_id(db);
	for (int i = 0; i < nbodies; i++) {
		r = db_exec(db, SQL_ACCOUNT_BODY_ADD, "ii", id, bodies[i]);
		if (r < 0)
			return db_err(db, e, r, "không thêm được tài khoản");
	}
	if (ret_id)
		*ret_id = id;
	return 0;
}

/* Whether a scoped actor may create an account of role, bodies and unit_id (see account_add). */
static int add_allowed(struct db *db, const struct account *actor, const char *role,
		       int64_t unit_id, const int64_t *bodies, int nbodies, struct err *e)
{
	int64_t rank = 0;
	int r;

	if (!actor)
		return 0;
	if (actor->rank < RANK_ADMIN)
		return err_set(e, ERR_PERM, "Chỉ quản trị viên được thêm tài khoản");
	r = db_query_int(db, SQL_ROLE_RANK, &rank, "t", role);
	if (r < 0 && r != ERR_NOTFOUND)
		return db_err(db, e, r, "không đọc được danh sách vai trò");
	if (rank > actor->rank)
		return err_set(e, ERR_PERM,
			       "Không thể tạo tài khoản vai trò '%s', cao hơn vai trò '%s' của "
			       "tài khoản '%s'",
			       role, actor->role, actor->login);
	if (account_is_global(db, actor))
		return 0;
	if (nbodies == 0)
		return err_set(
		    e, ERR_PERM,
		    "Tài khoản không gắn cơ quan có phạm vi toàn hệ thống: tài khoản "
		    "'%s' chỉ tạo được tài khoản gắn với cơ quan trong phạm vi của mình; "
		    "hãy chọn cơ quan",
		    actor->login);
	for (int i = 0; i < nbodies; i++) {
		r = account_manages_body(db, actor, bodies[i], e);
		if (r < 0)
			return r;
	}
	if (unit_id > 0) {
		int64_t body = 0;

		r = db_query_int(db, SQL_ACCOUNT_UNIT_BODY, &body, "i", unit_id);
		if (r == ERR_NOTFOUND)
			return err_set(e, r, "không có đơn vị mã %lld", (long long)unit_id);
		if (r < 0)
			return db_err(db, e, r, "lỗi cơ sở dữ liệu");
		if (!account_sees_body(db, actor, body))
			return err_set(e, ERR_PERM,
				       "Đơn vị mã %lld thuộc cơ quan ngoài phạm vi của tài khoản "
				       "'%s'",
				       (long long)unit_id, actor->login);
	}
	return 0;
}

/* Whether actor may manage the account of login; ERR_NOTFOUND when there is none. */
static int manages_login(struct db *db, const struct account *actor, const char *login,
			 struct err *e)
{
	int64_t id = 0;
	int r;

	if (!actor)
		return 0;
	r = db_query_int(db, SQL_ACCOUNT_ID, &id, "t", login);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có tài khoản '%s'", login);
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	return account_manages(db, actor, id, e);
}

int account_add(struct db *db, const struct account *actor, const char *login,
		const char *full_name, const char *role, int64_t unit_id, const int64_t *bodies,
		int nbodies, const char *password, int64_t *ret_id, struct err *e)
{
	int r;

	r = add_allowed(db, actor, role, unit_id, bodies, nbodies, e);
	if (r < 0)
		return r;
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = account_insert(db, login, full_name, role, unit_id, bodies, nbodies, password, ret_id,
			   e);
	return db_end(db, r, e);
}

int account_passwd(struct db *db, const struct account *actor, const char *login,
		   const char *password, struct err *e)
{
	char hash[crypto_pwhash_STRBYTES];
	int r;

	r = manages_login(db, actor, login, e);
	if (r == 0)
		r = pw_check(password, e);
	if (r == 0)
		r = pw_hash(password, hash, e);
	if (r < 0)
		return r;
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_ACCOUNT_SET_PW, "tt", hash, login);
	if (r == 0 && db_changes(db) == 0) {
		db_rollback(db);
		return err_set(e, ERR_NOTFOUND, "không có tài khoản '%s'", login);
	}
	if (r == 0)
		r = db_exec(db, SQL_WSESSION_DEL_ACCOUNT, "t", login);
	if (r < 0)
		db_err(db, e, r, "không đổi được mật khẩu");
	return db_end(db, r, e);
}

int account_disable(struct db *db, const struct account *actor, const char *login, struct err *e)
{
	int r;

	r = manages_login(db, actor, login, e);
	if (r < 0)
		return r;
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_ACCOUNT_DISABLE, "t", login);
	if (r == 0 && db_changes(db) == 0) {
		db_rollback(db);
		return err_set(e, ERR_NOTFOUND, "không có tài khoản đang hoạt động '%s'", login);
	}
	if (r == 0)
		r = db_exec(db, SQL_WSESSION_DEL_ACCOUNT, "t", login);
	if (r == 0)
		r = db_exec(db, SQL_TOKEN_REVOKE_ACCOUNT, "t", login);
	if (r < 0)
		db_err(db, e, r, "không khóa được tài khoản");
	return db_end(db, r, e);
}

static int account_enable_tx(struct db *db, const struct account *actor, const char *login,
			     struct err *e)
{
	int r = manages_login(db, actor, login, e);

	if (r < 0)
		return r;
	r = db_exec(db, SQL_ACCOUNT_ENABLE, "t", login);
	if (r < 0)
		return db_err(db, e, r, "không mở khóa được tài khoản");
	if (db_changes(db) == 0)
		return err_set(e, ERR_NOTFOUND, "không có tài khoản đang bị khóa '%s'", login);
	return 0;
}

int account_enable(struct db *db, const struct account *actor, const char *login, struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r : db_end(db, account_enable_tx(db, actor, login, e), e);
}

int account_get(struct db *db, int64_t id, struct account *ret, struct err *e)
{
	struct db_q *q;
	int r;

	r = db_prepare(db, SQL_ACCOUNT_BY_ID, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "i", id);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		account_row(q, ret);
		r = 0;
	} else if (r == 0) {
		r = err_set(e, ERR_NOTFOUND, "không có tài khoản mã %lld", (long long)id);
	}
	db_done(q);
	return r;
}

/*
 * Verified in place of a missing account's hash, with the same Argon2id cost
 * as pw_hash(): an unknown login takes as long to refuse as a known one.
 */
static const char dummy_hash[] = "$argon2id$v=19$m=65536,t=2,p=1$Si6ngyMOoApyjTDE07FbUA$"
				 "D45QxVBN7FFjy0dy+bkyzdRCCshXuCxLUpRJwAmxXPo";

/* A throttling key's failures and the time of the last one; 0 and 0 when none is remembered. */
static int fail_get(struct db *db, const char *key, int64_t now, int64_t *ret_n, int64_t *ret_last)
{
	struct db_q *q;
	int r;

	*ret_n = 0;
	*ret_last = 0;
	r = db_prepare(db, SQL_LOGINFAIL_GET, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "ti", key, now - ACCOUNT_FAIL_WINDOW);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		*ret_n = db_col_int(q, 0);
		*ret_last = db_col_int(q, 1);
		r = 0;
	}
	db_done(q);
	return r;
}

/* Seconds an attempt must still wait after n failures (the last at last) when free are free. */
static int64_t fail_wait(int64_t n, int64_t last, int64_t free, int64_t now)
{
	int64_t d;

	if (n < free)
		return 0;
	d = n - free >= 20 ? ACCOUNT_FAIL_DELAY_MAX : (int64_t)1 << (n - free);
	if (d > ACCOUNT_FAIL_DELAY_MAX)
		d = ACCOUNT_FAIL_DELAY_MAX;
	return last + d > now ? last + d - now : 0;
}

int account_login_wait(struct db *db, const char *login, const char *client, int64_t now,
		       int64_t *ret_wait)
{
	char kp[256], kc[128];
	int64_t np, lp, nc, lc, wp, wc;
	int r;

	snprintf(kp, sizeof(kp), "pair:%s|%s", client ? client : "", login);
	snprintf(kc, sizeof(kc), "addr:%s", client ? client : "");
	r = fail_get(db, kp, now, &np, &lp);
	if (r == 0)
		r = fail_get(db, kc, now, &nc, &lc);
	if (r < 0)
		return r;
	wp = fail_wait(np, lp, ACCOUNT_FAIL_FREE_PAIR, now);
	wc = fail_wait(nc, lc, ACCOUNT_FAIL_FREE_CLIENT, now);
	*ret_wait = wp > wc ? wp : wc;
	return 0;
}

int account_login(struct db *db, const char *login, const char *password, const char *client,
		  int64_t now, struct account *ret, struct err *e)
{
	char kp[256], kc[128];
	char hash[crypto_pwhash_STRBYTES] = "";
	struct account a;
	struct db_q *q;
	int64_t wait = 0;
	bool found = false, ok;
	int r;

	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "không khởi tạo được libsodium");
	r = account_login_wait(db, login, client, now, &wait);
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	if (wait > 120)
		return err_set(e, ERR_PERM,
			       "Đăng nhập sai nhiều lần từ địa chỉ này; hãy thử lại sau %lld phút",
			       (long long)((wait + 59) / 60));
	if (wait > 0)
		return err_set(e, ERR_PERM,
			       "Đăng nhập sai nhiều lần từ địa chỉ này; hãy thử lại sau %lld giây",
			       (long long)wait);
	r = db_prepare(db, SQL_ACCOUNT_BY_LOGIN, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "t", login);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		account_row(q, &a);
		copy(hash, sizeof(hash), db_col_text(q, 8));
		found = true;
		r = 0;
	}
	db_done(q);
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	/* The same work whether the login exists, is disabled or not. */
	ok = crypto_pwhash_str_verify(found ? hash : dummy_hash, password, strlen(password)) == 0;
	snprintf(kp, sizeof(kp), "pair:%s|%s", client ? client : "", login);
	snprintf(kc, sizeof(kc), "addr:%s", client ? client : "");
	if (found && !a.disabled && ok) {
		/* A success clears the pair's counter, not the address's. */
		db_exec(db, SQL_LOGINFAIL_CLEAR, "t", kp);
		*ret = a;
		return 0;
	}
	/* Forgotten counters go, so that guessed logins do not pile up in the store. */
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_LOGINFAIL_EXPIRE, "i", now - ACCOUNT_FAIL_WINDOW);
	if (r == 0)
		r = db_exec(db, SQL_LOGINFAIL_ADD, "tii", kp, now, now - ACCOUNT_FAIL_WINDOW);
	if (r == 0)
		r = db_exec(db, SQL_LOGINFAIL_ADD, "tii", kc, now, now - ACCOUNT_FAIL_WINDOW);
	r = db_end(db, db_err(db, e, r, "không ghi được cơ sở dữ liệu"), e);
	if (r < 0)
		return r;
	return err_set(e, ERR_AUTH, "Tên đăng nhập hoặc mật khẩu không đúng");
}

static int account_session_new_tx(struct db *db, int64_t account_id, int64_t now,
				  char token[static 65], char csrf[static 65], struct err *e)
{
	char th[65];
	int r;

	account_random_hex(token);
	account_random_hex(csrf);
	token_hash(token, th);
	db_exec(db, SQL_WSESSION_EXPIRE, "i", now);
	r = db_exec(db, SQL_WSESSION_ADD, "titii", th, account_id, csrf, now,
		    now + ACCOUNT_SESSION_SECONDS);
	if (r < 0)
		return db_err(db, e, r, "không tạo được phiên đăng nhập");
	return 0;
}

int account_session_new(struct db *db, int64_t account_id, int64_t now, char token[static 65],
			char csrf[static 65], struct err *e)
{
	int r = db_begin_e(db, e);

	return r < 0 ? r
		     : db_end(db, account_session_new_tx(db, account_id, now, token, csrf, e), e);
}

int account_session_get(struct db *db, const char *token, int64_t now, struct account *ret,
			char csrf[static 65])
{
	char th[65];
	struct db_q *q;
	int64_t id = 0;
	int r;

	if (strlen(token) != 64)
		return ERR_AUTH;
	token_hash(token, th);
	r = db_prepare(db, SQL_WSESSION_GET, &q);
	if (r < 0)
		return r;
	r = db_bindv(q, "ti", th, now);
	if (r == 0)
		r = db_step(q);
	if (r == 1) {
		id = db_col_int(q, 0);
		copy(csrf, 65, db_col_text(q, 1));
		r = 0;
	} else if (r == 0) {
		r = ERR_AUTH;
	}
	db_done(q);
	if (r < 0)
		return r;
	return account_get(db, id, ret, NULL);
}

int account_session_end(struct db *db, const char *token)
{
	char th[65];

	token_hash(token, th);
	return db_exec(db, SQL_WSESSION_DEL, "t", th);
}

int account_token_new(struct db *db, const char *login, const char *name, char token[static 65],
		      struct err *e)
{
	char th[65];
	int r;

	account_random_hex(token);
	token_hash(token, th);
	r = db_begin_e(db, e);
	if (r < 0)
		return r;
	r = db_exec(db, SQL_TOKEN_ADD, "ttt", login, name, th);
	if (r == ERR_INVAL) {
		/* account_id NOT NULL failed: the login does not exist. */
		db_rollback(db);
		return err_set(e, ERR_NOTFOUND, "không có tài khoản '%s'", login);
	}
	if (r < 0)
		db_err(db, e, r, "không tạo được mã truy cập");
	return db_end(db, r, e);
}

int account_token_auth(struct db *db, const char *token, struct account *ret)
{
	char th[65];
	int64_t id;
	int r;

	if (strlen(token) != 64)
		return ERR_AUTH;
	token_hash(token, th);
	r = db_query_int(db, SQL_TOKEN_ACCOUNT, &id, "t", th);
	if (r == ERR_NOTFOUND)
		return ERR_AUTH;
	if (r < 0)
		return r;
	return account_get(db, id, ret, NULL);
}

bool account_sees_body(struct db *db, const struct account *a, int64_t body_id)
{
	int64_t v = 0;

	if (db_query_int(db, SQL_ACCOUNT_SEES_BODY, &v, "ii", a->id, body_id) < 0)
		return false;
	return v != 0;
}

bool account_is_global(struct db *db, const struct account *a)
{
	int64_t v = 0;

	if (!a || db_query_int(db, SQL_ACCOUNT_GLOBAL, &v, "i", a->id) < 0)
		return false;
	return v != 0;
}

int account_manages_body(struct db *db, const struct account *actor, int64_t body_id, struct err *e)
{
	if (!actor || account_is_global(db, actor))
		return 0;
	if (body_id <= 0)
		return err_set(
		    e, ERR_PERM,
		    "Chỉ quản trị viên toàn hệ thống được thay đổi mục dùng chung, không "
		    "thuộc cơ quan nào; tài khoản '%s' chỉ quản lý cơ quan trong phạm vi "
		    "của mình",
		    actor->login);
	if (!account_sees_body(db, actor, body_id))
		return err_set(e, ERR_PERM, "Cơ quan số %lld nằm ngoài phạm vi của tài khoản '%s'",
			       (long long)body_id, actor->login);
	return 0;
}

int account_manages(struct db *db, const struct account *actor, int64_t id, struct err *e)
{
	struct account t;
	int64_t v = 0;
	int r;

	r = account_get(db, id, &t, e);
	if (r < 0 || !actor || actor->id == id)
		return r;
	if (actor->rank < RANK_ADMIN)
		return err_set(e, ERR_PERM, "Chỉ quản trị viên được quản lý tài khoản");
	r = db_query_int(db, SQL_ACCOUNT_WITHIN, &v, "ii", actor->id, id);
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	if (!v)
		return err_set(e, ERR_PERM,
			       "Tài khoản '%s' nằm ngoài phạm vi quản trị của tài khoản '%s'",
			       t.login, actor->login);
	return 0;
}

int account_manages_row(struct db *db, const struct account *actor, enum account_row kind,
			int64_t id, struct err *e)
{
	static const struct {
		enum db_stmt st;
		const char *name;
	} rows[] = {
	    [ACCOUNT_ROW_ORGAN] = {SQL_ACCOUNT_ORGAN_BODY, "cơ quan họp"},
	    [ACCOUNT_ROW_UNIT] = {SQL_ACCOUNT_UNIT_BODY, "đơn vị"},
	    [ACCOUNT_ROW_RGROUP] = {SQL_ACCOUNT_RGROUP_BODY, "nhóm nơi nhận"},
	};
	int64_t body = 0;
	int r;

	r = db_query_int(db, rows[kind].st, &body, "i", id);
	if (r == ERR_NOTFOUND)
		return err_set(e, r, "không có %s số %lld", rows[kind].name, (long long)id);
	if (r < 0)
		return db_err(db, e, r, "không đọc được cơ sở dữ liệu");
	if (actor && !account_is_global(db, actor) && !account_sees_body(db, actor, body))
		return err_set(e, ERR_PERM,
			       "Không được thay đổi: %s số %lld thuộc cơ quan ngoài phạm vi của "
			       "tài khoản '%s'",
			       rows[kind].name, (long long)id, actor->login);
	return 0;
}
