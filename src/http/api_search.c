/*
 * api_search.c - GET /search/{dataset}?q=NAME: one name, screened, yente's SearchResponse.
 *
 * {"results": [...], "total": {"value", "relation": "eq"}, "limit",
 *  "offset": 0, "facets": {}, "query": {"q", "schema"}}. Results are the
 * scored results of /match (with features and explanations), since
 * watchlist searches by screening. Parameters: q (required), limit
 * (default 10), threshold, schema, and the filters of /match
 * (include_dataset, or yente's `datasets`; exclude_dataset,
 * exclude_schema, topics, exclude_entity_ids).
 */
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/datasets.h"
#include "http/params.h"
#include "http/reply.h"
#include "http/result.h"
#include "http/screen_query.h"
#include "http/screeners.h"
#include "model/props.h"

#define SEARCH_DEFAULT_LIMIT 10
#define SEARCH_MAX_LIMIT     100

static int read_query(const wl_http_request *r, wl_match_query *q, char *err, size_t cap)
{
	const char *name = wl_http_param(r, "q");
	const char *schema = wl_http_param(r, "schema");
	memset(q, 0, sizeof(*q));
	if (!name || !*name) {
		snprintf(err, cap, "q: missing (the name to search for)");
		return -1;
	}
	if (strlen(name) > WL_MATCH_MAX_VALUE_LEN) {
		snprintf(err, cap, "q: longer than %d bytes", WL_MATCH_MAX_VALUE_LEN);
		return -1;
	}
	if (schema && strcmp(schema, "Thing") && wl_schema_from_name(schema) < 0) {
		snprintf(err, cap, "schema: unknown schema '%.64s'", schema);
		return -1;
	}
	q->names[q->nnames++] = name;
	q->schema = schema && strcmp(schema, "Thing") ? schema : NULL;
	return 0;
}

static int read_params(const wl_http_request *r, wl_http_filter *f, long *limit,
                       wl_screen_options *o, char *err, size_t cap)
{
	if (wl_http_params_check_utf8(r, err, cap) ||
	    wl_http_param_long(r, "limit", 1, SEARCH_MAX_LIMIT, SEARCH_DEFAULT_LIMIT, limit, err,
	                       cap) ||
	    wl_http_param_double(r, "threshold", 0.01, 1, WL_DEFAULT_THRESHOLD, &o->threshold, err,
	                         cap) ||
	    wl_http_filter_read(f, r, r->gen->idx, err, cap))
		return -1;
	if (!f->include_dataset.n &&
	    wl_http_param_list(r, "datasets", &f->include_dataset, err, cap))
		return -1;
	return 0;
}

static json_t *search_response(const wl_http_request *r, const wl_match_query *q, const wl_hits *h,
                               long limit)
{
	json_t *results = json_array();
	for (size_t i = 0; i < h->n; i++)
		json_array_append_new(results, wl_http_result_object(r->gen->idx, &h->best[i]));
	return json_pack("{s:o, s:{s:I, s:s}, s:I, s:i, s:{}, s:{s:s, s:s?}}", "results", results,
	                 "total", "value", (json_int_t)h->total, "relation", "eq", "limit",
	                 (json_int_t)limit, "offset", 0, "facets", "query", "q", q->names[0],
	                 "schema", q->schema);
}

enum MHD_Result wl_api_search(wl_http_request *r, const char *dataset)
{
	char err[1024];
	wl_http_filter f = {0};
	wl_screen_options o = {0};
	wl_match_query q;
	long limit;
	wl_screener *s;
	wl_hits h;
	if (wl_http_scope_find(r->gen->idx, dataset, &f.scope))
		return wl_http_reply_error(r, 404, "dataset: no dataset '%.64s' (see /catalog)",
		                           dataset);
	if (read_params(r, &f, &limit, &o, err, sizeof(err)) || read_query(r, &q, err, sizeof(err)))
		return wl_http_reply_error(r, 400, "%s", err);
	if (wl_http_screener(r->srv, r->gen, &s))
		return wl_http_reply_error(r, 500, "cannot screen: %s", wl_error_last());
	if (wl_http_filter_active(&f)) {
		o.accept = wl_http_filter_accept;
		o.accept_ctx = &f;
	}
	int rc = wl_http_screen_query(&h, s, r, &q, &o, (size_t)limit);
	r->queries += h.screens;
	enum MHD_Result ok;
	if (rc == WL_HTTP_DEADLINE)
		ok = wl_http_reply_error(r, 504, "deadline: the request took longer than %u ms",
		                         r->srv->cfg.timeout_ms);
	else if (rc)
		ok = wl_http_reply_error(r, 500, "q: %s", wl_error_last());
	else
		ok = wl_http_reply_json(r, 200, search_response(r, &q, &h, limit));
	wl_hits_free(&h);
	return ok;
}
