/* cli.c: argument parsing and dispatch of the verb table. */
#include "cli/cli.h"

#include "cli/cli_args.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mail.h"
#include "util/buf.h"
#include "util/id.h"
#include "util/log.h"
#include "vn/text.h"

static const struct cli_verb cli_verbs[] = {
#define VERB(group, name, fn, summary) {group, name, fn, &fn##_spec, summary},
#include "cli/verbs.def"
#undef VERB
};

#define NVERBS (sizeof(cli_verbs) / sizeof(cli_verbs[0]))

static void cli_help(FILE *f)
{
	fprintf(f, "usage: dondoc [--db PATH] [--json] VERB [ARGS]\n\n"
		   "The store is PATH, else $DONDOC_DB, else ./dondoc.db.\n\n"
		   "verbs:\n");
	for (size_t i = 0; i < NVERBS; i++) {
		const struct cli_verb *v = &cli_verbs[i];
		char name[64];

		snprintf(name, sizeof(name), "%s%s%s", v->group, v->name ? " " : "",
			 v->name ? v->name : "");
		fprintf(f, "  %-22s %s\n", name, v->summary);
	}
	fprintf(f, "\n'dondoc VERB --help' shows a verb's options. Exit codes: see README.\n");
}

static void cli_verb_help(FILE *f, const struct cli_verb *v)
{
	struct buf b = BUF_INIT(1 << 16);

	cli_args_help(v, &b);
	fputs(buf_str(&b), f);
	buf_free(&b);
}

int cli_usage(struct cli *c, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (c->verb) {
		struct buf b = BUF_INIT(1 << 12);
		int r;

		cli_args_usage(c->verb, &b);
		r = err_set(&c->err, ERR_USAGE, "%s\nusage: %s", msg, buf_str(&b));
		buf_free(&b);
		return r;
	}
	return err_set(&c->err, ERR_USAGE, "%s", msg);
}

int cli_db(struct cli *c, struct db **ret)
{
	int r;

	if (!c->db) {
		r = db_open(c->db_path, 0, &c->db, &c->err);
		if (r < 0)
			return r;
	}
	*ret = c->db;
	return 0;
}

int cli_json(struct cli *c, json_t *j)
{
	int r;

	if (!j)
		return err_set(&c->err, ERR_NOMEM, "không đủ bộ nhớ");
	r = json_dumpf(j, c->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(j);
	fputc('\n', c->out);
	return r == 0 ? 0 : err_set(&c->err, ERR_IO, "không ghi được kết quả");
}

int cli_parse_id(struct cli *c, const char *what, const char *s, long long *ret)
{
	int64_t v;

	if (!s || !*s)
		return cli_usage(c, "thiếu %s", what);
	if (!id_parse(s, strlen(s), &v))
		return cli_usage(c,
				 "%s không hợp lệ: '%s' (cần một số nguyên dương viết thường, từ 1 "
				 "đến %lld, không dấu, không số 0 đứng đầu)",
				 what, s, (long long)INT64_MAX);
	*ret = v;
	return 0;
}

int cli_text_check(struct cli *c, const char *path, const char *s, size_t len)
{
	char what[320];

	if (strcmp(path, "-") == 0)
		snprintf(what, sizeof(what), "đầu vào chuẩn (-)");
	else
		snprintf(what, sizeof(what), "tệp '%s'", path);
	return vn_text_check(s, len, what, &c->err);
}

void cli_smtp_env(struct mail_server *srv)
{
	const char *insecure = getenv("DONDOC_SMTP_INSECURE");

	srv->url = getenv("DONDOC_SMTP_URL");
	srv->from = getenv("DONDOC_SMTP_FROM");
	srv->user = getenv("DONDOC_SMTP_USER");
	srv->password = getenv("DONDOC_SMTP_PASSWORD");
	srv->insecure = insecure && strcmp(insecure, "1") == 0;
}

static const struct cli_verb *cli_find(int argc, char **argv, int *used)
{
	bool group_known = false;

	for (size_t i = 0; i < NVERBS; i++) {
		const struct cli_verb *v = &cli_verbs[i];

		if (strcmp(v->group, argv[0]) != 0)
			continue;
		group_known = true;
		if (!v->name) {
			*used = 1;
			return v;
		}
		if (argc > 1 && strcmp(v->name, argv[1]) == 0) {
			*used = 2;
			return v;
		}
	}
	*used = group_known ? -1 : 0;
	return NULL;
}

static void cli_group_help(FILE *f, const char *group)
{
	fprintf(f, "usage: dondoc %s SUBVERB …\n\n", group);
	for (size_t i = 0; i < NVERBS; i++)
		if (strcmp(cli_verbs[i].group, group) == 0)
			fprintf(f, "  %s %-14s %s\n", group,
				cli_verbs[i].name ? cli_verbs[i].name : "", cli_verbs[i].summary);
}

int cli_main(int argc, char **argv)
{
	struct cli c = {.out = stdout};
	const struct cli_verb *v;
	struct cli_args *parsed = NULL;
	char **args;
	int nargs = 0, used, r;

	log_init();
	c.db_path = getenv("DONDOC_DB");
	if (!c.db_path || !*c.db_path)
		c.db_path = "dondoc.db";
	/* Global options may stand anywhere; they are taken out before the verb parses. */
	args = calloc((size_t)argc + 1, sizeof(*args));
	if (!args)
		return err_exit(ERR_NOMEM);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			c.json = true;
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, "dondoc: --db cần đường dẫn tệp\n");
				free(args);
				return err_exit(ERR_USAGE);
			}
			c.db_path = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			c.db_path = argv[i] + 5;
		} else {
			args[nargs++] = argv[i];
		}
	}
	if (nargs == 0 || strcmp(args[0], "--help") == 0 || strcmp(args[0], "-h") == 0 ||
	    strcmp(args[0], "help") == 0) {
		cli_help(nargs ? stdout : stderr);
		free(args);
		return nargs ? 0 : err_exit(ERR_USAGE);
	}
	v = cli_find(nargs, args, &used);
	if (!v) {
		if (used < 0 && (nargs == 1 || strcmp(args[1], "--help") == 0)) {
			cli_group_help(nargs == 1 ? stderr : stdout, args[0]);
			r = nargs == 1 ? ERR_USAGE : 0;
		} else if (used < 0) {
			fprintf(stderr, "dondoc: '%s %s': không có lệnh này\n", args[0], args[1]);
			cli_group_help(stderr, args[0]);
			r = ERR_USAGE;
		} else {
			fprintf(stderr, "dondoc: '%s': không có lệnh này; xem 'dondoc --help'\n",
				args[0]);
			r = ERR_USAGE;
		}
		free(args);
		return err_exit(r);
	}
	c.verb = v;
	for (int i = used; i < nargs && strcmp(args[i], "--") != 0; i++) {
		if (strcmp(args[i], "--help") == 0 || strcmp(args[i], "-h") == 0) {
			cli_verb_help(stdout, v);
			free(args);
			return 0;
		}
	}
	r = cli_args_parse(&c, v->spec, nargs - used, args + used, &parsed);
	if (r == 0)
		r = v->run(&c, parsed);
	cli_args_free(parsed);
	if (r < 0)
		fprintf(stderr, "dondoc: %s\n", err_msg(&c.err, r));
	if (fflush(stdout) != 0 && r == 0)
		r = ERR_IO;
	db_close(c.db);
	free(args);
	return err_exit(r);
}
