/* err.h: negative error codes, their exit codes and HTTP statuses, and messages. */
#pragma once

#include <stdarg.h>

enum {
	ERR_OK = 0,
#define ERR(name, value, exitcode, http, msg) name = value,
#include "err.def"
#undef ERR
};

/*
 * A human-readable account of what went wrong, filled where it is detected and
 * shown once at the boundary (CLI verb, HTTP dispatcher). Messages about the
 * user's input are Vietnamese and say what and where.
 */
struct err {
	int code;
	char msg[512];
};

/* Records code and message in e (which may be NULL); returns code. */
int err_set(struct err *e, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int err_vset(struct err *e, int code, const char *fmt, va_list ap);

/* The message recorded in e, or the default message for code. Never NULL. */
const char *err_msg(const struct err *e, int code);
/* Default message of a code ("" for 0). */
const char *err_str(int code);
/* Symbolic name, e.g. "ERR_INVAL". */
const char *err_name(int code);
/* Process exit code for a negative error code; 0 for 0. */
int err_exit(int code);
/* HTTP status for a negative error code; 200 for 0. */
int err_http(int code);
