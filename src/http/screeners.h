/*
 * screeners.h - each pool thread's screener, made when first needed, per index generation.
 */
#ifndef WL_HTTP_SCREENERS_H
#define WL_HTTP_SCREENERS_H

#include "http/server.h"

/* Creates the thread-local slot (once, before the pool starts). */
int wl_http_screeners_init(wl_http_server *srv);
/* Deletes the slot after the pool has stopped (its threads freed their screeners). */
void wl_http_screeners_fini(wl_http_server *srv);
/* This thread's screener for gen: reused, or made anew when gen is newer than it. */
int wl_http_screener(wl_http_server *srv, const wl_http_gen *gen, wl_screener **out);

#endif
