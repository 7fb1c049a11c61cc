/* id.c: canonical positive decimal ids, refused past INT64_MAX rather than clamped. */
#include "util/id.h"

bool id_parse(const char *s, size_t n, int64_t *ret)
{
	uint64_t v = 0;

	if (!s || n == 0 || n > 19 || s[0] < '1' || s[0] > '9')
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		/* 19 digits fit in uint64_t; the bound is checked once at the end. */
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > (uint64_t)INT64_MAX)
		return false;
	*ret = (int64_t)v;
	return true;
}
