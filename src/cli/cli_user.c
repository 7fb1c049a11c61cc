/* cli_user.c: 'dondoc user add|passwd|disable|list|token': accounts of the web application. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/accounts/account.h"

#define USER_MAX_BODIES 32

/*
 * Reads the password: the first line of standard input (for scripts), or
 * typed twice without echo at a terminal.
 */
static int read_password(struct cli *c, char *pw, size_t n)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO);
	char again[ACCOUNT_PW_MAX + 2];

	if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
		fprintf(stderr, "Mật khẩu: ");
	}
	if (!fgets(pw, (int)n, stdin))
		pw[0] = '\0';
	pw[strcspn(pw, "\r\n")] = '\0';
	if (tty) {
		fprintf(stderr, "\nNhập lại mật khẩu: ");
		if (!fgets(again, sizeof(again), stdin))
			again[0] = '\0';
		again[strcspn(again, "\r\n")] = '\0';
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fprintf(stderr, "\n");
		if (strcmp(pw, again) != 0)
			return err_set(&c->err, ERR_INVAL, "hai lần nhập mật khẩu không khớp");
	}
	if (!pw[0])
		return err_set(&c->err, ERR_INVAL,
			       "thiếu mật khẩu: gõ vào, hoặc cho dòng đầu của đầu vào chuẩn");
	return 0;
}

const struct cli_spec cli_user_add_spec = {
    .opts =
	(const struct cli_optdef[]){
	    {"role", CLI_TEXT, CLI_REQ, "ROLE", "vai trò: admin, office, member, reporter, viewer"},
	    {"name", CLI_TEXT, 0, "NAME", "họ và tên"},
	    {"unit", CLI_ID, 0, "ID", "mã đơn vị (cho reporter)"},
	    {"body", CLI_ID, CLI_MANY, "ID", "mã cơ quan được xem (không có: mọi cơ quan)"},
	    {NULL}},
    .pos = (const struct cli_posdef[]){{"LOGIN", CLI_TEXT, CLI_REQ, "tên đăng nhập"}, {NULL}},
    .note = "Mật khẩu đọc từ đầu vào chuẩn.",
};

int cli_user_add(struct cli *c, const struct cli_args *args)
{
	const char *role = cli_opt(args, "role"), *name = cli_opt(args, "name"),
		   *login = cli_pos(args, 0);
	const char *given[USER_MAX_BODIES];
	int64_t bodies[USER_MAX_BODIES];
	long long unit = cli_opt_id(args, "unit");
	char pw[ACCOUNT_PW_MAX + 2];
	size_t nbodies = cli_opt_all(args, "body", given, USER_MAX_BODIES);
	int r;
	int64_t id;
	struct db *db;

	if (!name)
		name = "";
	if (nbodies > USER_MAX_BODIES)
		return cli_usage(c, "tối đa %d --body", USER_MAX_BODIES);
	/* The values were checked as ids by the parser; read them back as numbers. */
	for (size_t i = 0; i < nbodies; i++) {
		long long v;

		r = cli_parse_id(c, "mã cơ quan (--body)", given[i], &v);
		if (r < 0)
			return r;
		bodies[i] = v;
	}
	r = read_password(c, pw, sizeof(pw));
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_add(db, NULL, login, name, role, unit, bodies, (int)nbodies, pw, &id,
				&c->err);
	sodium_memzero(pw, sizeof(pw));
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "login",
					     login, "role", role));
	fprintf(c->out, "đã thêm tài khoản %s (%s)\n", login, role);
	return 0;
}

/* Verbs that take exactly one login and no options. */
static const struct cli_posdef login_pos[] = {
    {"LOGIN", CLI_TEXT, CLI_REQ, "tên đăng nhập"},
    {NULL},
};

static int one_login(struct cli *c, const struct cli_args *args, const char **ret)
{
	*ret = cli_pos(args, 0);
	if ((*ret)[0] == '-')
		return cli_usage(c, "cần đúng một tên đăng nhập");
	return 0;
}

const struct cli_spec cli_user_passwd_spec = {
    .pos = login_pos,
    .note = "Mật khẩu đọc từ đầu vào chuẩn.",
};

int cli_user_passwd(struct cli *c, const struct cli_args *args)
{
	char pw[ACCOUNT_PW_MAX + 2];
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, args, &login);
	if (r == 0)
		r = read_password(c, pw, sizeof(pw));
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_passwd(db, NULL, login, pw, &c->err);
	sodium_memzero(pw, sizeof(pw));
	if (r < 0)
		return r;
	fprintf(c->out, "đã đổi mật khẩu của %s; các phiên đăng nhập cũ đã kết thúc\n", login);
	return 0;
}

const struct cli_spec cli_user_disable_spec = {.pos = login_pos};

int cli_user_disable(struct cli *c, const struct cli_args *args)
{
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, args, &login);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_disable(db, NULL, login, &c->err);
	if (r < 0)
		return r;
	fprintf(c->out, "đã khóa tài khoản %s\n", login);
	return 0;
}

const struct cli_spec cli_user_enable_spec = {.pos = login_pos};

int cli_user_enable(struct cli *c, const struct cli_args *args)
{
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, args, &login);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_enable(db, NULL, login, &c->err);
	if (r < 0)
		return r;
	fprintf(c->out, "đã mở khóa tài khoản %s\n", login);
	return 0;
}

const struct cli_spec cli_user_token_spec = {
    .pos = (const struct cli_posdef[]){{"LOGIN", CLI_TEXT, CLI_REQ, "tên đăng nhập"},
				       {"NAME", CLI_TEXT, CLI_REQ, "tên mã truy cập"},
				       {NULL}},
};

int cli_user_token(struct cli *c, const struct cli_args *args)
{
	const char *login = cli_pos(args, 0), *name = cli_pos(args, 1);
	char token[65];
	struct db *db;
	int r;

	if (login[0] == '-')
		return cli_usage(c, "cần tên đăng nhập và tên mã truy cập");
	r = cli_db(c, &db);
	if (r == 0)
		r = account_token_new(db, login, name, token, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:s, s:s}", "login", login, "token", token));
	fprintf(c->out, "%s\n", token);
	return 0;
}

const struct cli_spec cli_user_list_spec = {0};

int cli_user_list(struct cli *c, const struct cli_args *args)
{
	json_t *arr = NULL;
	struct db_q *q;
	struct db *db;
	int r;

	(void)args;
	r = cli_db(c, &db);
	if (r < 0)
		return r;
	r = db_prepare(db, SQL_ACCOUNT_LIST, &q);
	if (r < 0)
		return err_set(&c->err, r, "%s", db_errmsg(db));
	if (c->json)
		arr = json_array();
	while ((r = db_step(q)) == 1) {
		const char *bodies = db_col_text(q, 7), *unit = db_col_text(q, 8);

		if (arr) {
			json_array_append_new(
			    arr, json_pack("{s:I, s:s, s:s, s:s, s:b, s:s?, s:s?}", "id",
					   (json_int_t)db_col_int(q, 0), "login", db_col_text(q, 1),
					   "name", db_col_text(q, 2), "role", db_col_text(q, 3),
					   "disabled", (int)db_col_int(q, 5), "bodies", bodies,
					   "unit", unit));
			continue;
		}
		fprintf(c->out, "%-16s %-16s %-28s %s%s%s\n", db_col_text(q, 1), db_col_text(q, 6),
			db_col_text(q, 2), bodies ? bodies : (unit ? unit : "mọi cơ quan"),
			unit && bodies ? " / " : "", db_col_int(q, 5) ? " (đã khóa)" : "");
	}
	db_done(q);
	if (r < 0) {
		json_decref(arr);
		return err_set(&c->err, r, "%s", db_errmsg(db));
	}
	return arr ? cli_json(c, arr) : 0;
}
