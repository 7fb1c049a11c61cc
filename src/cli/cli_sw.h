/* cli_sw.h: helpers shared by the session-work verbs' files. */
#pragma once

#include <stdint.h>

#include "cli/cli.h"
#include "util/buf.h"

/* A non-negative integer option value; ERR_USAGE naming what. */
int cli_sw_int(struct cli *c, const char *what, const char *s, int *ret);
/* Reads path ("-" is standard input) into out, at most max bytes; ERR_IO or ERR_TOOBIG. */
int cli_sw_read(struct cli *c, const char *path, size_t max, struct buf *out);
/*
 * The text argument: the positional argument number pos, or the content of
 * --file (file non-NULL), not both; ERR_USAGE naming what when neither.
 */
int cli_sw_text_arg(struct cli *c, const struct cli_args *args, size_t pos, const char *file,
		    const char *what, struct buf *out);
/* Prints a one-line confirmation, or {"id": id, …} with --json. */
int cli_sw_done(struct cli *c, const char *key, int64_t id, const char *msg);
