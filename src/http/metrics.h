/*
 * metrics.h - counters for GET /metrics (Prometheus text format).
 *
 * Requests by route and status, a latency histogram, names screened, and
 * the index: entities, age, generation, reloads and refused reloads. All
 * counters are atomics bumped by the pool threads without locks.
 */
#ifndef WL_HTTP_METRICS_H
#define WL_HTTP_METRICS_H

#include <stdatomic.h>
#include <stddef.h>

typedef enum wl_http_route {
	WL_ROUTE_MATCH,
	WL_ROUTE_SEARCH,
	WL_ROUTE_ENTITIES,
	WL_ROUTE_CATALOG,
	WL_ROUTE_HEALTHZ,
	WL_ROUTE_READYZ,
	WL_ROUTE_METRICS,
	WL_ROUTE_ASSET,
	WL_ROUTE_OTHER,
	WL_ROUTE_COUNT
} wl_http_route;

#define WL_HTTP_LATENCY_BUCKETS 14
#define WL_HTTP_STATUS_MAX      600

typedef struct wl_http_metrics {
	atomic_ulong requests[WL_ROUTE_COUNT][WL_HTTP_STATUS_MAX];
	atomic_ulong latency[WL_HTTP_LATENCY_BUCKETS]; /* not cumulative; +Inf is the count */
	atomic_ulong latency_count;
	atomic_ulong latency_sum_us;
	atomic_ulong queries;
	atomic_ulong reloads;
	atomic_ulong reload_failures;
} wl_http_metrics;

struct wl_http_gen;

const char *wl_http_route_name(wl_http_route r);
/* Counts one finished request. */
void wl_http_metrics_request(wl_http_metrics *m, wl_http_route route, int status, double seconds);
/* The exposition text (malloc'd, *len set); gen may be NULL. */
char *wl_http_metrics_render(wl_http_metrics *m, const struct wl_http_gen *gen, size_t *len);

#endif
