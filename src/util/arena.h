/* arena.h: region allocator for one request or one command; freed all at once. */
#pragma once

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* A new arena that hands out at most max bytes in all; NULL when out of memory. */
struct arena *arena_new(size_t max);
/* Frees the arena and everything allocated from it; accepts NULL. */
void arena_free(struct arena *a);
/*
 * Empties the arena for another use of the same kind (the next request, the
 * next input): everything allocated from it is gone, and it keeps one chunk
 * the size of what was used so the next use allocates nothing new.
 */
void arena_reset(struct arena *a);
/* Zeroed memory, aligned for any type; NULL past the arena's maximum or out of memory. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Room for more elements of an array of elem-byte items kept in the arena:
 * returns a new array of at least twice *cap slots (8 at first) holding the
 * first n items of old, and updates *cap; NULL (with *cap unchanged) when out
 * of memory. The old array stays valid until the arena is freed.
 */
void *arena_grow(struct arena *a, const void *old, size_t n, size_t *cap, size_t elem);
/*
 * Makes room for item n of the array *pv (a pointer to the array pointer) of
 * *cap elem-byte items, growing it with arena_grow when n has reached *cap:
 * 0, or ERR_NOMEM with the array as it was. For loops that append one item.
 */
int arena_reserve(struct arena *a, void *pv, size_t n, size_t *cap, size_t elem);
/* How many allocations the arena refused so far: a reader that copies many fields checks once. */
size_t arena_failures(const struct arena *a);
/* Bytes handed out so far. */
size_t arena_used(const struct arena *a);
