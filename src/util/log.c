/* log.c: one-line log records on stderr with a UTC timestamp. */
#include "log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static atomic_int log_threshold = LOG_INFO;

void log_init(void)
{
	static const char *const names[] = {"error", "warn", "info", "debug"};
	const char *v = getenv("DONDOC_LOG");

	if (!v)
		return;
	for (int i = 0; i < 4; i++)
		if (strcmp(v, names[i]) == 0)
			atomic_store(&log_threshold, i);
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *const tags[] = {"error", "warn", "info", "debug"};
	char line[2048], stamp[32];
	struct tm tm;
	time_t now;
	va_list ap;
	int n;

	if ((int)lvl > atomic_load(&log_threshold))
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = snprintf(line, sizeof(line), "%s dondoc %s: ", stamp, tags[lvl]);
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	/* One fputs per record keeps lines whole across threads. */
	fprintf(stderr, "%s\n", line);
}
