/* cli.h: the command line: the verb table, shared options and output helpers. */
#pragma once

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
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
 * What a verb takes, declared once beside the verb and read by cli_main: it
 * parses argv against the declaration before the verb runs, and builds the
 * usage line and 'dondoc VERB --help' from it.
 */
enum cli_kind {
	CLI_FLAG,   /* an option without a value */
	CLI_TEXT,   /* any text */
	CLI_ID,	    /* a strictly positive int64 written canonically (id_parse) */
	CLI_DATE,   /* a date in Vietnamese or ISO form (vn_date_parse), kept as ISO */
	CLI_CHOICE, /* one of the words in meta, "a|b|c" */
};

#define CLI_REQ 1u  /* must be given */
#define CLI_MANY 2u /* option: may be repeated; positional: takes the rest */

struct cli_optdef {
	const char *name; /* long name without "--"; NULL ends the table */
	enum cli_kind kind;
	unsigned flags;	  /* CLI_REQ, CLI_MANY */
	const char *meta; /* the value's placeholder; for CLI_CHOICE the choices "a|b|c" */
	/*
	 * Vietnamese: what the value is, shown by --help; its noun (before the
	 * first " (" or ": ") names the option in error messages.
	 */
	const char *help;
};

struct cli_posdef {
	const char *name;   /* placeholder, e.g. "ID"; NULL ends the table */
	enum cli_kind kind; /* CLI_TEXT or CLI_ID */
	unsigned flags;	    /* CLI_REQ; CLI_MANY on the last one takes the rest */
	const char *help;   /* Vietnamese: what it is; its noun names it in messages */
};

struct cli_spec {
	const struct cli_optdef *opts; /* NULL or ended by {NULL} */
	const struct cli_posdef *pos;  /* NULL or ended by {NULL} */
	const char *note;	       /* how the options combine, in Vietnamese; NULL for none */
};

/* A verb's arguments parsed against its cli_spec; read with the lookups below. */
struct cli_args;

/*
 * A verb: "dondoc GROUP NAME …" or, with name NULL, "dondoc GROUP …". run
 * gets the arguments already parsed against spec; it returns 0 or a negative
 * ERR_* with c->err filled, and writes nothing to the store on failure.
 */
struct cli_verb {
	const char *group, *name;
	int (*run)(struct cli *c, const struct cli_args *a);
	const struct cli_spec *spec;
	const char *summary; /* one line, English */
};

/*
 * Lookups into parsed arguments; name must be declared in the verb's spec
 * (asserted). Values live as long as the verb runs.
 */
/* The value of option name (ISO text for CLI_DATE), the last when repeated; NULL when absent. */
const char *cli_opt(const struct cli_args *a, const char *name);
/* Whether option name was given (for flags, and for options with a value). */
bool cli_flag(const struct cli_args *a, const char *name);
/* The id of a CLI_ID option; 0 when absent. */
int64_t cli_opt_id(const struct cli_args *a, const char *name);
/*
 * Every value of a repeatable option in the order given: fills ret with at
 * most max of them and returns how many were given (which may exceed max).
 */
size_t cli_opt_all(const struct cli_args *a, const char *name, const char **ret, size_t max);
/* The i-th positional argument, or NULL. */
const char *cli_pos(const struct cli_args *a, size_t i);
/* The id of the i-th positional argument declared CLI_ID; 0 when absent. */
int64_t cli_pos_id(const struct cli_args *a, size_t i);
/* How many positional arguments were given. */
size_t cli_npos(const struct cli_args *a);

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

#define VERB(group, name, fn, summary)                   \
	int fn(struct cli *c, const struct cli_args *a); \
	extern const struct cli_spec fn##_spec;
#include "cli/verbs.def"
#undef VERB
