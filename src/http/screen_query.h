/*
 * screen_query.h - one API query (several names and qualifiers) to one ranked list.
 *
 * yente queries carry lists: several names, dates of birth, countries,
 * identifiers. Each name is screened with each set of qualifiers, and each
 * entity keeps its best score, with the explanation of that score.
 */
#ifndef WL_HTTP_SCREEN_QUERY_H
#define WL_HTTP_SCREEN_QUERY_H

#include "http/json_request.h"
#include "http/server.h"

typedef struct wl_hits {
	wl_result *best; /* best first, at most limit */
	size_t n;
	size_t total;   /* distinct entities found at or above the cutoff */
	size_t screens; /* wl_screen calls made */
} wl_hits;

/* WL_OK, a WL_E* code, or WL_HTTP_DEADLINE when the request ran out of time. */
#define WL_HTTP_DEADLINE 1

int wl_http_screen_query(wl_hits *out, wl_screener *s, const wl_http_request *r,
                         const wl_match_query *q, const wl_screen_options *opts, size_t limit);
void wl_hits_free(wl_hits *h);

#endif
