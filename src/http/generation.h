/*
 * generation.h - the index being served, reference-counted so it can be replaced live.
 *
 * Each opened index is a generation. The server holds one reference to the
 * current generation; each request that needs the index takes another for
 * its whole life. Installing a new generation drops the server's reference
 * to the old one, which is closed when its last request ends: requests in
 * flight finish on the index they started with, new ones get the new one,
 * and no request ever waits for a reload.
 */
#ifndef WL_HTTP_GENERATION_H
#define WL_HTTP_GENERATION_H

#include <pthread.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <time.h>

#include "watchlist.h"

typedef struct wl_http_gen {
	wl_index *idx;
	unsigned long id; /* 1, 2, ... in the order generations were opened */
	atomic_long refs;
	time_t loaded;  /* when it was opened */
	time_t created; /* when the index file was built (from its header) */
	struct stat st; /* the file as it was when opened: reload when it changes */
	char *catalog;  /* GET /catalog's body, built once per generation */
	size_t catalog_len;
} wl_http_gen;

typedef struct wl_http_gens {
	pthread_mutex_t mu;
	wl_http_gen *current; /* NULL before the first index and after shutdown */
	unsigned long last_id;
} wl_http_gens;

void wl_http_gens_init(wl_http_gens *g);
/* Drops the current generation (it is freed when its last request ends). */
void wl_http_gens_clear(wl_http_gens *g);

/* Opens the index at path as a new generation (one reference, the caller's). */
int wl_http_gen_open(wl_http_gens *g, wl_http_gen **out, const char *path);
/* Makes gen current, taking over the caller's reference; the old one is released. */
void wl_http_gen_install(wl_http_gens *g, wl_http_gen *gen);
/* The current generation with a reference for the caller, or NULL. */
wl_http_gen *wl_http_gen_acquire(wl_http_gens *g);
/* Drops a reference; the last one closes the index. NULL is ignored. */
void wl_http_gen_release(wl_http_gen *gen);

#endif
