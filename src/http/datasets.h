/*
 * datasets.h - the datasets /match/{dataset} and /search/{dataset} name, and result filters.
 *
 * A dataset is a collection or one source list: "default" (everything),
 * "sanctions" (entities with the topic "sanction"), "threat_actors" (topic
 * "crime.cyber"), or a source's name ("us_ofac_sdn", "un_sc_sanctions",
 * "mitre_attack", ...). A filter adds yente's URL parameters to it:
 * include_dataset, exclude_dataset, exclude_schema, topics and
 * exclude_entity_ids (decided false positives). Screening applies it
 * through wl_screen_options.accept, before scoring.
 */
#ifndef WL_HTTP_DATASETS_H
#define WL_HTTP_DATASETS_H

#include <stdbool.h>

#include "http/params.h"
#include "watchlist.h"

typedef enum wl_scope_kind { WL_SCOPE_ALL, WL_SCOPE_TOPIC, WL_SCOPE_SOURCE } wl_scope_kind;

typedef struct wl_http_scope {
	wl_scope_kind kind;
	const char *arg; /* the topic or the source's name */
} wl_http_scope;

/* The collections, for the catalog: name, topic (NULL: all), title. */
typedef struct wl_http_collection {
	const char *name, *topic, *title;
} wl_http_collection;
extern const wl_http_collection wl_http_collections[3];

/* The scope a dataset name stands for in idx; -1 when there is no such dataset. */
int wl_http_scope_find(const wl_index *idx, const char *name, wl_http_scope *out);

typedef struct wl_http_filter {
	wl_http_scope scope;
	wl_http_list include_dataset, exclude_dataset, exclude_schema, topics, exclude_ids;
} wl_http_filter;

/* Reads the filter parameters of the request; -1 with a reason in err (a 400). */
int wl_http_filter_read(wl_http_filter *f, const wl_http_request *r, const wl_index *idx, char *err,
                        size_t cap);
/* True when the filter lets some entities out (the accept callback is needed). */
bool wl_http_filter_active(const wl_http_filter *f);
/* wl_screen_options.accept: ctx is a wl_http_filter. */
int wl_http_filter_accept(void *ctx, const wl_index *idx, size_t entity);

#endif
