/* cli_args.h: parsing a verb's argv against its cli_spec; its usage line and help. */
#pragma once

#include "cli/cli.h"
#include "util/buf.h"

/*
 * Parses argv (the verb's arguments, without the verb's words) against spec:
 * options anywhere, "--NAME VALUE" or "--NAME=VALUE", "--" ends the options.
 * An unknown option, a missing value, a value of the wrong kind, a repeated
 * option not declared CLI_MANY, a missing required option or positional, or
 * one too many is ERR_USAGE with c->err naming it (cli_usage). On success
 * *ret is freed with cli_args_free(); it borrows argv.
 */
int cli_args_parse(struct cli *c, const struct cli_spec *spec, int argc, char **argv,
		   struct cli_args **ret);
/* Frees a; accepts NULL. */
void cli_args_free(struct cli_args *a);
/* Appends "dondoc GROUP NAME POS… [--opt META]…" to b. */
void cli_args_usage(const struct cli_verb *v, struct buf *b);
/* Appends the verb's --help text to b: usage, summary, arguments, options, note. */
void cli_args_help(const struct cli_verb *v, struct buf *b);
