/* err.c: the error table and the err record. */
#include "err.h"

#include <stdio.h>

struct err_row {
	int code, exitcode, http;
	const char *name, *msg;
};

static const struct err_row err_rows[] = {
#define ERR(name, value, exitcode, http, msg) {value, exitcode, http, #name, msg},
#include "err.def"
#undef ERR
};

static const struct err_row *err_find(int code)
{
	for (size_t i = 0; i < sizeof(err_rows) / sizeof(err_rows[0]); i++)
		if (err_rows[i].code == code)
			return &err_rows[i];
	return NULL;
}

int err_vset(struct err *e, int code, const char *fmt, va_list ap)
{
	if (!e)
		return code;
	e->code = code;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	return code;
}

int err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, fmt, ap);
	va_end(ap);
	return code;
}

const char *err_msg(const struct err *e, int code)
{
	if (e && e->code == code && e->msg[0])
		return e->msg;
	return err_str(code);
}

const char *err_str(int code)
{
	const struct err_row *r = err_find(code);

	if (code == 0)
		return "";
	return r ? r->msg : "Lỗi không xác định";
}

const char *err_name(int code)
{
	const struct err_row *r = err_find(code);

	if (code == 0)
		return "OK";
	return r ? r->name : "ERR_UNKNOWN";
}

int err_exit(int code)
{
	const struct err_row *r = err_find(code);

	if (code == 0)
		return 0;
	return r ? r->exitcode : 1;
}

int err_http(int code)
{
	const struct err_row *r = err_find(code);

	if (code == 0)
		return 200;
	return r ? r->http : 500;
}
