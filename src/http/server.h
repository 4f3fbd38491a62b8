/*
 * server.h - the server's state, and one request's, as every module of src/http sees them.
 *
 * libmicrohttpd runs a pool of threads; each request lives in one
 * wl_http_request from its headers to its completion: the body is gathered
 * into it, a handler answers it (reply.h), and the completion callback
 * counts it (metrics.h), logs it (log.h) and releases the index generation
 * it used (generation.h). Nothing here is global: the server is one value
 * that libmicrohttpd hands back to every callback.
 */
#ifndef WL_HTTP_SERVER_H
#define WL_HTTP_SERVER_H

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <time.h>

#include "http/auth.h"
#include "http/generation.h"
#include "http/http.h"
#include "http/metrics.h"

#define WL_HTTP_DEFAULT_MAX_BODY    (1024 * 1024)
#define WL_HTTP_DEFAULT_MAX_QUERIES 100
#define WL_HTTP_DEFAULT_TIMEOUT_MS  10000
#define WL_HTTP_MAX_HEADERS         4

typedef struct wl_http_server {
	wl_http_config cfg; /* with the defaults filled in */
	wl_http_gens gens;
	wl_http_metrics metrics;
	wl_http_keys *keys;         /* NULL: no authentication */
	pthread_key_t screener_key; /* each pool thread's screener (screeners.c) */
	atomic_bool stopping;
	atomic_long active; /* requests begun and not completed */
	struct MHD_Daemon *daemon;
	unsigned short port; /* the port bound */
	struct stat refused; /* the last index file refused: not tried again unchanged */
} wl_http_server;

typedef struct wl_http_request {
	wl_http_server *srv;
	struct MHD_Connection *conn;
	const char *method, *url;
	wl_http_route route;   /* for the metrics */
	struct timespec start; /* headers received */
	char *body;
	size_t body_len, body_cap;
	bool body_too_large;
	int status;       /* of the response queued, 0 before */
	size_t queries;   /* names screened, for the metrics and the log */
	wl_http_gen *gen; /* the index this request uses, or NULL */
	const char *headers[WL_HTTP_MAX_HEADERS][2]; /* extra response headers (static strings) */
	size_t nheaders;
} wl_http_request;

/* Starts the pool on cfg.listen; WL_OK, WL_EUSAGE (a bad address) or WL_EIO (server.c). */
int wl_http_start(wl_http_server *srv);
/* Stops accepting, lets the requests in flight finish (up to the timeout), stops the pool. */
void wl_http_stop(wl_http_server *srv);

/* Loads the index anew when forced (SIGHUP) or when its file changed (reload.c). */
void wl_http_reload_check(wl_http_server *srv, bool forced);

/* The access handler's work once the request is complete: route and answer (routes.c). */
enum MHD_Result wl_http_dispatch(wl_http_request *r);
/* The metrics label of a path (routes.c). */
wl_http_route wl_http_route_of(const char *url);

/* Seconds since the request's headers arrived. */
double wl_http_elapsed(const wl_http_request *r);
/* True when the request has used up its time (--timeout-ms). */
bool wl_http_past_deadline(const wl_http_request *r);

#endif
