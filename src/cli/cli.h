/* cli.h: the command line: the verb table, shared options and output helpers. */
#pragma once

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"
#include "util/err.h"

struct cli {
	const char *db_path; /* --db, DONDOC_DB, or ./dondoc.db */
	struct db *db;	     /* opened by cli_db() on first use */
	bool json;	     /* --json: machine-readable output */
	FILE *out;
	struct err err; /* what went wrong, shown once by cli_main */
	const struct cli_verb *verb;
};

/*
 * A verb: "dondoc GROUP NAME …" or, with name NULL, "dondoc GROUP …". run
 * gets argv with argv[0] the verb's last word; it returns 0 or a negative
 * ERR_* with c->err filled, and writes nothing to the store on failure.
 */
struct cli_verb {
	const char *group, *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *usage;   /* options and arguments after the verb */
	const char *summary; /* one line, English */
};

int cli_main(int argc, char **argv);

/* The open store (created by nothing: 'dondoc init' creates it). */
int cli_db(struct cli *c, struct db **ret);
/* Prints j as indented JSON followed by a newline, and frees it. */
int cli_json(struct cli *c, json_t *j);
/* Fills c->err with a usage error for the current verb; returns ERR_USAGE. */
int cli_usage(struct cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Parses a strictly positive integer id argument, written canonically
 * (id_parse: no sign, no leading zero, at most INT64_MAX, never clamped); on
 * error fills c->err naming what, and returns ERR_USAGE.
 */
int cli_parse_id(struct cli *c, const char *what, const char *s, long long *ret);

/*
 * Refuses the text read from path (a file, or "-" for standard input) when
 * it holds a NUL byte or is not valid UTF-8: ERR_INVAL with c->err naming
 * the file and the byte. The caller writes nothing then.
 */
int cli_text_check(struct cli *c, const char *path, const char *s, size_t len);

struct mail_server;

/*
 * The SMTP server from the environment: DONDOC_SMTP_URL, _FROM, _USER,
 * _PASSWORD, and DONDOC_SMTP_INSECURE=1 (credentials allowed without TLS,
 * as --smtp-insecure). Options given later override these.
 */
void cli_smtp_env(struct mail_server *srv);

#define VERB(group, name, fn, usage, summary) int fn(struct cli *c, int argc, char **argv);
#include "cli/verbs.def"
#undef VERB
