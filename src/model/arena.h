/*
 * arena.h - bump allocator for everything a dataset or an index build owns.
 *
 * Readers create many small strings and arrays that all live exactly as long
 * as the dataset they belong to. An arena hands them out from large blocks and
 * frees them all at once, so readers never free anything one by one.
 */
#ifndef WL_ARENA_H
#define WL_ARENA_H

#include <stddef.h>

typedef struct wl_arena_block wl_arena_block;

typedef struct wl_arena {
	wl_arena_block *head; /* newest block; blocks are chained to the older */
	size_t used;          /* bytes used in head */
	size_t total;         /* bytes handed out in all, for statistics */
} wl_arena;

void wl_arena_init(wl_arena *a);
void wl_arena_free(wl_arena *a);

/* Allocates n bytes aligned for any type; NULL when out of memory. */
void *wl_arena_alloc(wl_arena *a, size_t n);
/* Like wl_arena_alloc, zero-filled. */
void *wl_arena_calloc(wl_arena *a, size_t n);
/* Copies the n bytes at s and appends a NUL. */
char *wl_arena_strndup(wl_arena *a, const char *s, size_t n);
char *wl_arena_strdup(wl_arena *a, const char *s);
/* printf into the arena. */
char *wl_arena_printf(wl_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
