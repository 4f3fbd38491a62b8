/*
 * arena.c - bump allocator (see arena.h).
 *
 * Blocks are 64 KiB, or larger for a single large request; a request never
 * spans blocks. Alignment is that of max_align_t.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)

struct wl_arena_block {
	wl_arena_block *prev;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void wl_arena_init(wl_arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->total = 0;
}

void wl_arena_free(wl_arena *a)
{
	wl_arena_block *b = a->head;
	while (b) {
		wl_arena_block *prev = b->prev;
		free(b);
		b = prev;
	}
	wl_arena_init(a);
}

void *wl_arena_alloc(wl_arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	size_t need = (n + align - 1) & ~(align - 1);
	if (need < n)
		return NULL;
	if (!a->head || a->head->size - a->used < need) {
		size_t size = need > ARENA_BLOCK ? need : ARENA_BLOCK;
		wl_arena_block *b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->prev = a->head;
		b->size = size;
		a->head = b;
		a->used = 0;
	}
	void *p = a->head->data + a->used;
	a->used += need;
	a->total += need;
	return p;
}

void *wl_arena_calloc(wl_arena *a, size_t n)
{
	void *p = wl_arena_alloc(a, n);
	if (p)
		memset(p, 0, n);
	return p;
}

char *wl_arena_strndup(wl_arena *a, const char *s, size_t n)
{
	char *p = wl_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wl_arena_strdup(wl_arena *a, const char *s)
{
	return s ? wl_arena_strndup(a, s, strlen(s)) : NULL;
}

char *wl_arena_printf(wl_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *p = wl_arena_alloc(a, (size_t)n + 1);
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
