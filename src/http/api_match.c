/*
 * api_match.c - POST /match/{dataset}: yente's query-by-example matching.
 *
 * The body (json_request.c) holds up to --max-queries queries; each is
 * screened (screen_query.c) within the dataset and the URL's filters, and
 * answered under its own key, as yente answers:
 *   {"responses": {KEY: {"status": 200, "results": [...], "total": {"value",
 *    "relation": "eq"}, "query": {...}}}, "matcher": {...}, "limit": N,
 *    "algorithm": {"name", "requested"}}
 * The URL takes yente's parameters: limit, threshold, cutoff, algorithm
 * (any name is accepted and echoed; watchlist has one algorithm),
 * include_dataset, exclude_dataset, exclude_schema, topics and
 * exclude_entity_ids. `weights` in the body are accepted and not applied.
 * The request's deadline is checked between screenings: a request that
 * runs out of time gets 504 and no partial answer.
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

#define ALGORITHM           "watchlist-v1"
#define MATCH_DEFAULT_LIMIT 5
#define MATCH_MAX_LIMIT     500

typedef struct match_params {
	long limit;
	wl_screen_options opts;
	const char *algorithm;
} match_params;

static int read_params(const wl_http_request *r, match_params *p, char *err, size_t cap)
{
	double cutoff;
	memset(p, 0, sizeof(*p));
	if (wl_http_params_check_utf8(r, err, cap) ||
	    wl_http_param_long(r, "limit", 1, MATCH_MAX_LIMIT, MATCH_DEFAULT_LIMIT, &p->limit, err,
	                       cap) ||
	    wl_http_param_double(r, "threshold", 0.01, 1, WL_DEFAULT_THRESHOLD, &p->opts.threshold,
	                         err, cap) ||
	    wl_http_param_double(r, "cutoff", 0, 1, 0, &cutoff, err, cap))
		return -1;
	if (wl_http_param(r, "changed_since")) {
		snprintf(err, cap,
		         "changed_since: not supported (the index keeps no change dates)");
		return -1;
	}
	p->opts.min_score = cutoff > 0 && cutoff < p->opts.threshold ? cutoff : 0;
	p->algorithm = wl_http_param(r, "algorithm");
	if (p->algorithm && strlen(p->algorithm) > 64) {
		snprintf(err, cap, "algorithm: longer than 64 characters");
		return -1;
	}
	return 0;
}

static json_t *query_response(const wl_index *idx, const wl_match_query *q, const wl_hits *h)
{
	json_t *results = json_array();
	for (size_t i = 0; i < h->n; i++)
		json_array_append_new(results, wl_http_result_object(idx, &h->best[i]));
	json_t *o =
	    json_pack("{s:i, s:o, s:{s:I, s:s}, s:O}", "status", 200, "results", results, "total",
	              "value", (json_int_t)h->total, "relation", "eq", "query", q->echo);
	if (o && json_array_size(q->warnings))
		json_object_set(o, "warnings", q->warnings);
	return o;
}

static json_t *algorithm_object(const match_params *p, const wl_match_request *m)
{
	json_t *a = json_pack("{s:s, s:s?}", "name", ALGORITHM, "requested", p->algorithm);
	if (a && m->weights && json_object_size(m->weights))
		json_object_set_new(a, "weights", json_string("accepted, not applied"));
	return a;
}

/* Screens every query into responses; on a failure, replies with its status. */
static enum MHD_Result screen_all(wl_http_request *r, const match_params *p, wl_http_filter *f,
                                  const wl_match_request *m, json_t *responses)
{
	wl_screener *s;
	if (wl_http_screener(r->srv, r->gen, &s))
		return wl_http_reply_error(r, 500, "cannot screen: %s", wl_error_last());
	wl_screen_options opts = p->opts;
	if (wl_http_filter_active(f)) {
		opts.accept = wl_http_filter_accept;
		opts.accept_ctx = f;
	}
	for (size_t i = 0; i < m->nqueries; i++) {
		wl_hits h;
		int rc = wl_http_screen_query(&h, s, r, &m->queries[i], &opts, (size_t)p->limit);
		r->queries += h.screens;
		if (!rc)
			json_object_set_new(responses, m->queries[i].key,
			                    query_response(r->gen->idx, &m->queries[i], &h));
		wl_hits_free(&h);
		if (rc == WL_HTTP_DEADLINE)
			return wl_http_reply_error(r, 504,
			                           "deadline: the request took longer than %u ms "
			                           "(%zu of %zu queries screened)",
			                           r->srv->cfg.timeout_ms, i, m->nqueries);
		if (rc)
			return wl_http_reply_error(r, 500, "queries.%.200s: %s", m->queries[i].key,
			                           wl_error_last());
	}
	return MHD_YES;
}

enum MHD_Result wl_api_match(wl_http_request *r, const char *dataset)
{
	char err[1024], batch[32];
	match_params p;
	wl_http_filter f = {0};
	wl_match_request m;
	if (wl_http_scope_find(r->gen->idx, dataset, &f.scope))
		return wl_http_reply_error(r, 404, "dataset: no dataset '%.64s' (see /catalog)",
		                           dataset);
	if (read_params(r, &p, err, sizeof(err)) ||
	    wl_http_filter_read(&f, r, r->gen->idx, err, sizeof(err)))
		return wl_http_reply_error(r, 400, "%s", err);
	int status = wl_match_request_parse(&m, r->body, r->body_len, r->srv->cfg.max_queries, err,
	                                    sizeof(err));
	if (status)
		return wl_http_reply_error(r, status, "%s", err);
	json_t *responses = json_object();
	enum MHD_Result ok = screen_all(r, &p, &f, &m, responses);
	if (ok == MHD_YES && !r->status) {
		snprintf(batch, sizeof(batch), "%zu", m.nqueries);
		wl_http_add_header(r, "X-Batch-Size", batch);
		ok = wl_http_reply_json(r, 200,
		                        json_pack("{s:o, s:o, s:I, s:o}", "responses", responses,
		                                  "matcher", wl_http_matcher_docs(), "limit",
		                                  (json_int_t)p.limit, "algorithm",
		                                  algorithm_object(&p, &m)));
	} else {
		json_decref(responses);
	}
	wl_match_request_free(&m);
	return ok;
}
