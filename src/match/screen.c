/*
 * screen.c - wl_screen(): a query in, ranked and explained results out.
 *
 * A screener is one thread's state: a normaliser (cloned from a process-wide
 * one, so the tables are loaded once), the candidate stage's scratch arrays
 * and a results buffer. A query is prepared once (name normalised, date
 * parsed, country to its code), its candidates found, each scored, and the
 * best returned. Nothing is allocated per query.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"
#include "model/error.h"
#include "text/countries.h"

#ifndef WL_DATA_DIR
#define WL_DATA_DIR "data"
#endif

struct wl_screener {
	const wl_index *idx;
	wl_normaliser *norm;
	wl_cand_scratch scratch;
	uint32_t cands[WL_CANDIDATES_MAX];
	uint32_t covered[WL_CANDIDATES_MAX];
	wl_result results[WL_CANDIDATES_MAX];
	wl_prepared_query pq;
};

static pthread_once_t proto_once = PTHREAD_ONCE_INIT;
static wl_normaliser *proto;
static int proto_rc;
static char proto_error[512];

const char *wl_data_dir(void)
{
	const char *d = getenv("WATCHLIST_DATA");
	return d && *d ? d : WL_DATA_DIR;
}

static void proto_init(void)
{
	proto_rc = wl_normaliser_new(&proto, wl_data_dir());
	if (proto_rc)
		snprintf(proto_error, sizeof(proto_error), "%s", wl_error_last());
}

int wl_shared_normaliser(wl_normaliser **out)
{
	pthread_once(&proto_once, proto_init);
	if (proto_rc)
		return wl_error_set(proto_rc, "%s", proto_error);
	return wl_normaliser_clone(out, proto);
}

int wl_screener_new(wl_screener **out, const wl_index *idx)
{
	*out = NULL;
	wl_screener *s = calloc(1, sizeof(*s));
	if (!s)
		return wl_error_set(WL_ENOMEM, "out of memory");
	s->idx = idx;
	int rc = wl_shared_normaliser(&s->norm);
	if (!rc)
		rc = wl_cand_scratch_init(&s->scratch, idx);
	if (rc) {
		wl_screener_free(s);
		return rc;
	}
	*out = s;
	return WL_OK;
}

void wl_screener_free(wl_screener *s)
{
	if (!s)
		return;
	wl_normaliser_free(s->norm);
	wl_cand_scratch_free(&s->scratch);
	free(s);
}

static wl_name_kind kind_of(int schema)
{
	switch (schema) {
	case WL_SCHEMA_PERSON: return WL_NAME_PERSON;
	case WL_SCHEMA_ORGANIZATION:
	case WL_SCHEMA_COMPANY: return WL_NAME_ORG;
	default: return WL_NAME_ANY;
	}
}

static int prepare(wl_screener *s, const wl_query *q)
{
	wl_prepared_query *pq = &s->pq;
	memset(pq, 0, sizeof(*pq));
	pq->q = q;
	pq->schema = -1;
	if (!q->name || !*q->name)
		return wl_error_set(WL_EINPUT, "name: missing");
	if (q->schema && *q->schema) {
		pq->schema = wl_schema_from_name(q->schema);
		if (pq->schema < 0)
			return wl_error_set(WL_EINPUT, "schema: unknown schema '%s' (Person, Organization, Company, LegalEntity, Vessel, Airplane)", q->schema);
	}
	int rc = wl_normalise_name(s->norm, q->name, strlen(q->name), kind_of(pq->schema), &pq->name);
	if (rc)
		return wl_error_set(rc, "name: %s", wl_error_last());
	if (q->birth_date && *q->birth_date) {
		if (wl_date_parse(q->birth_date, strlen(q->birth_date), &pq->date))
			return wl_error_set(WL_EINPUT, "birth date: '%s' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", q->birth_date);
		pq->has_date = true;
	}
	if (q->country && *q->country) {
		pq->country = wl_country_code(q->country, (size_t)-1);
		if (!pq->country)
			return wl_error_set(WL_EINPUT, "country: unknown country '%s'", q->country);
	}
	if (q->id_number)
		wl_fold_identifier(q->id_number, pq->id, sizeof(pq->id));
	return WL_OK;
}

static int cmp_result(const void *a, const void *b)
{
	const wl_result *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->entity < y->entity ? -1 : x->entity > y->entity;
}

int wl_screen(wl_screener *s, const wl_query *q, const wl_screen_options *opts,
	      const wl_result **results, size_t *nresults)
{
	*results = s->results;
	*nresults = 0;
	double threshold = opts && opts->threshold > 0 ? opts->threshold : WL_DEFAULT_THRESHOLD;
	size_t limit = opts && opts->limit ? opts->limit : WL_DEFAULT_LIMIT;
	double min_score = opts && opts->min_score > 0 ? opts->min_score : threshold * 0.75;
	int rc = prepare(s, q);
	if (rc)
		return rc;
	const wl_index *idx = s->idx;
	size_t want = limit * 8 < 64 ? 64 : limit * 8;
	if (opts && opts->accept)
		want = WL_CANDIDATES_MAX; /* some will be filtered out */
	if (want > WL_CANDIDATES_MAX)
		want = WL_CANDIDATES_MAX;
	size_t nc = wl_candidates(idx, &s->scratch, &s->pq.name, s->cands, s->covered, want);
	size_t n = 0;
	for (size_t i = 0; i < nc; i++) {
		/* the name score cannot exceed the share of the query its terms met */
		if (wl_coverage_bound(&s->pq.name, s->covered[i]) < min_score && !s->pq.id[0])
			continue;
		if (opts && opts->accept && !opts->accept(opts->accept_ctx, idx, s->cands[i]))
			continue;
		wl_result *r = &s->results[n];
		wl_score_entity(idx, &s->pq, s->cands[i], r);
		if (r->score < min_score)
			continue;
		const wl_disk_entity *e = &idx->entities[s->cands[i]];
		r->entity = s->cands[i];
		r->id = wl_index_str(idx, e->id);
		r->schema = wl_schema_name(e->schema);
		r->caption = wl_index_str(idx, e->caption);
		r->source = idx->source_name[e->source];
		r->source_id = wl_index_str(idx, e->source_id);
		r->match = r->score >= threshold;
		n++;
	}
	qsort(s->results, n, sizeof(wl_result), cmp_result);
	*nresults = n < limit ? n : limit;
	/* only the results returned get their explanations written */
	s->pq.explain = true;
	for (size_t i = 0; i < *nresults; i++) {
		wl_result *r = &s->results[i];
		wl_score_entity(idx, &s->pq, (uint32_t)r->entity, r);
	}
	return WL_OK;
}
