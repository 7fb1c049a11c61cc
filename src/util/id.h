/* id.h: the one reading of a record id or count typed by a person: canonical positive decimal. */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Whether the n bytes at s are a positive integer written canonically: 1-19
 * decimal digits, no sign, no leading zero, no space, at most INT64_MAX.
 * On success writes *ret; "007", "+7", " 7" and 99999999999999999999 are refused.
 */
bool id_parse(const char *s, size_t n, int64_t *ret);
