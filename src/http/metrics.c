/*
 * metrics.c - counting requests and writing them out for Prometheus.
 *
 * Counters are plain atomics indexed by route and status code, so that
 * counting costs no lock and no allocation; only rendering walks them.
 * The histogram's buckets are the usual HTTP latency buckets, from 1 ms to
 * 10 s; they are kept per bucket and summed into Prometheus's cumulative
 * form when rendered.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "http/generation.h"
#include "http/metrics.h"

static const double bounds[WL_HTTP_LATENCY_BUCKETS] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                       0.25,  0.5,    1,     2.5,  5,     10,   30};

static const char *const route_names[WL_ROUTE_COUNT] = {
    "match", "search", "entities", "catalog", "healthz", "readyz", "metrics", "asset", "other",
};

const char *wl_http_route_name(wl_http_route r)
{
	return (unsigned)r < WL_ROUTE_COUNT ? route_names[r] : "other";
}

void wl_http_metrics_request(wl_http_metrics *m, wl_http_route route, int status, double seconds)
{
	if ((unsigned)route >= WL_ROUTE_COUNT)
		route = WL_ROUTE_OTHER;
	if (status > 0 && status < WL_HTTP_STATUS_MAX)
		atomic_fetch_add(&m->requests[route][status], 1);
	size_t b = 0;
	while (b < WL_HTTP_LATENCY_BUCKETS && seconds > bounds[b])
		b++;
	if (b < WL_HTTP_LATENCY_BUCKETS)
		atomic_fetch_add(&m->latency[b], 1);
	atomic_fetch_add(&m->latency_count, 1);
	atomic_fetch_add(&m->latency_sum_us, (unsigned long)(seconds * 1e6));
}

/* A growing text buffer; on failure it stays NULL and further writes are dropped. */
typedef struct text {
	char *s;
	size_t len, cap;
	int failed;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
	va_list ap;
	for (int tries = 0; !t->failed && tries < 2; tries++) {
		va_start(ap, fmt);
		int n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? t->cap - t->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			break;
		if (t->s && t->len + (size_t)n < t->cap) {
			t->len += (size_t)n;
			return;
		}
		size_t cap = (t->cap + (size_t)n + 1) * 2;
		char *s = realloc(t->s, cap);
		if (!s) {
			t->failed = 1;
			return;
		}
		t->s = s;
		t->cap = cap;
	}
}

static void render_requests(text *t, wl_http_metrics *m)
{
	put(t, "# HELP watchlist_http_requests_total HTTP requests answered, by route and status.\n"
	       "# TYPE watchlist_http_requests_total counter\n");
	for (int r = 0; r < WL_ROUTE_COUNT; r++)
		for (int s = 0; s < WL_HTTP_STATUS_MAX; s++) {
			unsigned long n = atomic_load(&m->requests[r][s]);
			if (n)
				put(t,
				    "watchlist_http_requests_total{route=\"%s\",status=\"%d\"} "
				    "%lu\n",
				    route_names[r], s, n);
		}
}

static void render_latency(text *t, wl_http_metrics *m)
{
	put(t, "# HELP watchlist_http_request_duration_seconds Time from request headers to "
	       "response.\n"
	       "# TYPE watchlist_http_request_duration_seconds histogram\n");
	unsigned long cum = 0;
	for (int b = 0; b < WL_HTTP_LATENCY_BUCKETS; b++) {
		cum += atomic_load(&m->latency[b]);
		put(t, "watchlist_http_request_duration_seconds_bucket{le=\"%g\"} %lu\n", bounds[b],
		    cum);
	}
	unsigned long count = atomic_load(&m->latency_count);
	put(t, "watchlist_http_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n", count);
	put(t, "watchlist_http_request_duration_seconds_sum %.6f\n",
	    (double)atomic_load(&m->latency_sum_us) / 1e6);
	put(t, "watchlist_http_request_duration_seconds_count %lu\n", count);
}

static void counter(text *t, const char *name, const char *help, unsigned long v)
{
	put(t, "# HELP %s %s\n# TYPE %s counter\n%s %lu\n", name, help, name, name, v);
}

static void gauge(text *t, const char *name, const char *help, double v)
{
	put(t, "# HELP %s %s\n# TYPE %s gauge\n%s %.0f\n", name, help, name, name, v);
}

char *wl_http_metrics_render(wl_http_metrics *m, const wl_http_gen *gen, size_t *len)
{
	text t = {0};
	render_requests(&t, m);
	render_latency(&t, m);
	counter(&t, "watchlist_queries_screened_total",
	        "Names screened (a query with several names counts each).",
	        atomic_load(&m->queries));
	counter(&t, "watchlist_index_reloads_total",
	        "Index files loaded in place of the one served.", atomic_load(&m->reloads));
	counter(&t, "watchlist_index_reload_failures_total",
	        "Index files refused (damaged, unreadable); the old index kept serving.",
	        atomic_load(&m->reload_failures));
	if (gen) {
		gauge(&t, "watchlist_index_entities", "Entities in the index served.",
		      (double)wl_index_entity_count(gen->idx));
		gauge(&t, "watchlist_index_age_seconds",
		      "Seconds since the index served was built.",
		      difftime(time(NULL), gen->created));
		gauge(&t, "watchlist_index_generation",
		      "Indexes loaded since start (1: the first).", (double)gen->id);
	}
	if (t.failed) {
		free(t.s);
		return NULL;
	}
	*len = t.len;
	return t.s;
}
