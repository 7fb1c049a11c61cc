/* arena.c: region allocator; a list of chunks freed together. */
#include "arena.h"

#include "err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 8192
/*
 * Chunks grow with the arena, up to this: a request that reads much gets a
 * few large chunks, which malloc maps apart and gives back to the system
 * when the arena is freed, instead of thousands of small ones that stay in
 * the process's heap after the request.
 */
#define ARENA_CHUNK_MAX (1u << 20)
#define ARENA_ALIGN 16

struct chunk {
	struct chunk *next;
	size_t size, used;
	_Alignas(ARENA_ALIGN) unsigned char mem[];
};

struct arena {
	struct chunk *head;
	size_t max, total;
	size_t failures;
};

struct arena *arena_new(size_t max)
{
	struct arena *a = calloc(1, sizeof(*a));

	if (a)
		a->max = max;
	return a;
}

void arena_free(struct arena *a)
{
	struct chunk *c, *next;

	if (!a)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void arena_reset(struct arena *a)
{
	/* One chunk as large as what was used, and a quarter more: the next run fits in it. */
	size_t want = a->total + a->total / 4;
	struct chunk *keep = a->head, *c, *next;

	if (!keep)
		return;
	if (keep->size < want) {
		struct chunk *big = malloc(sizeof(*big) + want);

		if (big) {
			big->size = want;
			big->next = NULL;
			keep = big;
		}
	}
	for (c = a->head; c; c = next) {
		next = c->next;
		if (c != keep)
			free(c);
	}
	keep->next = NULL;
	keep->used = 0;
	a->head = keep;
	a->total = 0;
	a->failures = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct chunk *c = a->head;
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < n || need > a->max - a->total) {
		a->failures++;
		return NULL;
	}
	if (!c || c->size - c->used < need) {
		size_t size = a->total < ARENA_CHUNK ? ARENA_CHUNK : a->total;

		if (size > ARENA_CHUNK_MAX)
			size = ARENA_CHUNK_MAX;
		if (size > a->max - a->total)
			size = a->max - a->total;
		if (size < need)
			size = need;

		c = malloc(sizeof(*c) + size);
		if (!c) {
			a->failures++;
			return NULL;
		}
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = c->mem + c->used;
	c->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (p)
		memcpy(p, s, n);
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	p = arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_grow(struct arena *a, const void *old, size_t n, size_t *cap, size_t elem)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p;

	if (ncap < *cap || (elem && ncap > SIZE_MAX / elem))
		return NULL;
	p = arena_alloc(a, ncap * elem);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, old, n * elem);
	*cap = ncap;
	return p;
}

int arena_reserve(struct arena *a, void *pv, size_t n, size_t *cap, size_t elem)
{
	void *old, *grown;

	if (n < *cap)
		return 0;
	/* pv points at a pointer to some item type; read and write it as bytes. */
	memcpy(&old, pv, sizeof(old));
	grown = arena_grow(a, old, n, cap, elem);
	if (!grown)
		return ERR_NOMEM;
	memcpy(pv, &grown, sizeof(grown));
	return 0;
}

size_t arena_failures(const struct arena *a)
{
	return a->failures;
}

size_t arena_used(const struct arena *a)
{
	return a->total;
}
