/* cli_user.c: 'dondoc user add|passwd|disable|list|token': accounts of the web application. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/account.h"

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

int cli_user_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
	    {"role", required_argument, NULL, 'r'},
	    {"name", required_argument, NULL, 'n'},
	    {"unit", required_argument, NULL, 'u'},
	    {"body", required_argument, NULL, 'b'},
	    {NULL, 0, NULL, 0},
	};
	const char *role = NULL, *name = "";
	int64_t bodies[USER_MAX_BODIES];
	long long unit = 0, v;
	char pw[ACCOUNT_PW_MAX + 2];
	int nbodies = 0, ch, r;
	int64_t id;
	struct db *db;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'r':
			role = optarg;
			break;
		case 'n':
			name = optarg;
			break;
		case 'u':
			r = cli_parse_id(c, "mã đơn vị (--unit)", optarg, &unit);
			if (r < 0)
				return r;
			break;
		case 'b':
			if (nbodies == USER_MAX_BODIES)
				return cli_usage(c, "tối đa %d --body", USER_MAX_BODIES);
			r = cli_parse_id(c, "mã cơ quan (--body)", optarg, &v);
			if (r < 0)
				return r;
			bodies[nbodies++] = v;
			break;
		default:
			return cli_usage(c, "tùy chọn không hợp lệ");
		}
	}
	if (optind != argc - 1)
		return cli_usage(c, "cần đúng một tên đăng nhập");
	if (!role)
		return cli_usage(c, "thiếu --role (admin, office, member, reporter, viewer)");
	r = read_password(c, pw, sizeof(pw));
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_add(db, NULL, argv[optind], name, role, unit, bodies, nbodies, pw, &id,
				&c->err);
	sodium_memzero(pw, sizeof(pw));
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)id, "login",
					     argv[optind], "role", role));
	fprintf(c->out, "đã thêm tài khoản %s (%s)\n", argv[optind], role);
	return 0;
}

/* Verbs that take exactly one login and no options. */
static int one_login(struct cli *c, int argc, char **argv, const char **ret)
{
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage(c, "cần đúng một tên đăng nhập");
	*ret = argv[1];
	return 0;
}

int cli_user_passwd(struct cli *c, int argc, char **argv)
{
	char pw[ACCOUNT_PW_MAX + 2];
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, argc, argv, &login);
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

int cli_user_disable(struct cli *c, int argc, char **argv)
{
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, argc, argv, &login);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_disable(db, NULL, login, &c->err);
	if (r < 0)
		return r;
	fprintf(c->out, "đã khóa tài khoản %s\n", login);
	return 0;
}

int cli_user_enable(struct cli *c, int argc, char **argv)
{
	const char *login = NULL;
	struct db *db;
	int r;

	r = one_login(c, argc, argv, &login);
	if (r == 0)
		r = cli_db(c, &db);
	if (r == 0)
		r = account_enable(db, NULL, login, &c->err);
	if (r < 0)
		return r;
	fprintf(c->out, "đã mở khóa tài khoản %s\n", login);
	return 0;
}

int cli_user_token(struct cli *c, int argc, char **argv)
{
	char token[65];
	struct db *db;
	int r;

	if (argc != 3 || argv[1][0] == '-')
		return cli_usage(c, "cần tên đăng nhập và tên mã truy cập");
	r = cli_db(c, &db);
	if (r == 0)
		r = account_token_new(db, argv[1], argv[2], token, &c->err);
	if (r < 0)
		return r;
	if (c->json)
		return cli_json(c, json_pack("{s:s, s:s}", "login", argv[1], "token", token));
	fprintf(c->out, "%s\n", token);
	return 0;
}

int cli_user_list(struct cli *c, int argc, char **argv)
{
	json_t *arr = NULL;
	struct db_q *q;
	struct db *db;
	int r;

	if (argc != 1)
		return cli_usage(c, "thừa tham số: '%s'", argv[1]);
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
