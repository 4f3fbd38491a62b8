/*
 * generation.c - opening, sharing and retiring index generations.
 *
 * The current pointer changes under a mutex, held only to copy the pointer
 * and take a reference, never while an index is opened or closed; the
 * reference count itself is atomic, so releasing never locks. The file is
 * stat'ed before it is opened: if it is replaced while being opened, the
 * next check sees a file newer than the generation and loads it again.
 */
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/generation.h"
#include "index/index.h"
#include "model/error.h"

void wl_http_gens_init(wl_http_gens *g)
{
	memset(g, 0, sizeof(*g));
	pthread_mutex_init(&g->mu, NULL);
}

void wl_http_gens_clear(wl_http_gens *g)
{
	pthread_mutex_lock(&g->mu);
	wl_http_gen *old = g->current;
	g->current = NULL;
	pthread_mutex_unlock(&g->mu);
	wl_http_gen_release(old);
}

int wl_http_gen_open(wl_http_gens *g, wl_http_gen **out, const char *path)
{
	*out = NULL;
	wl_http_gen *gen = calloc(1, sizeof(*gen));
	if (!gen)
		return wl_error_set(WL_ENOMEM, "out of memory");
	if (stat(path, &gen->st) != 0)
		memset(&gen->st, 0, sizeof(gen->st));
	int rc = wl_index_open(&gen->idx, path);
	if (!rc && !(gen->catalog = wl_http_catalog_build(gen->idx, &gen->catalog_len)))
		rc = wl_error_set(WL_ENOMEM, "out of memory");
	if (rc) {
		wl_index_close(gen->idx);
		free(gen);
		return rc;
	}
	gen->created = (time_t)gen->idx->header->created;
	gen->loaded = time(NULL);
	atomic_init(&gen->refs, 1);
	pthread_mutex_lock(&g->mu);
	gen->id = ++g->last_id;
	pthread_mutex_unlock(&g->mu);
	*out = gen;
	return WL_OK;
}

void wl_http_gen_install(wl_http_gens *g, wl_http_gen *gen)
{
	pthread_mutex_lock(&g->mu);
	wl_http_gen *old = g->current;
	g->current = gen;
	pthread_mutex_unlock(&g->mu);
	wl_http_gen_release(old);
}

wl_http_gen *wl_http_gen_acquire(wl_http_gens *g)
{
	pthread_mutex_lock(&g->mu);
	wl_http_gen *gen = g->current;
	if (gen)
		atomic_fetch_add(&gen->refs, 1);
	pthread_mutex_unlock(&g->mu);
	return gen;
}

void wl_http_gen_release(wl_http_gen *gen)
{
	if (!gen || atomic_fetch_sub(&gen->refs, 1) != 1)
		return;
	wl_index_close(gen->idx);
	free(gen->catalog);
	free(gen);
}
