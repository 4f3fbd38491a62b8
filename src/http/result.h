/*
 * result.h - a screening result as yente's ScoredEntityResponse.
 */
#ifndef WL_HTTP_RESULT_H
#define WL_HTTP_RESULT_H

#include <jansson.h>

#include "watchlist.h"

/*
 * {"id", "caption", "schema", "properties", "datasets", "referents",
 *  "target", "last_seen", "score", "match", "features": {feature: score},
 *  "explanations": {feature: {score, detail, query, candidate}}, "topics",
 *  "source", "source_id", "other_listings"}
 */
json_t *wl_http_result_object(const wl_index *idx, const wl_result *r);

/* The matcher's features and what they mean, as yente's "matcher" (FeatureDocs). */
json_t *wl_http_matcher_docs(void);

#endif
