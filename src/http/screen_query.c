/*
 * screen_query.c - screening every name of a query and keeping each entity's best.
 *
 * For a query with names N1..Nk and qualifier lists (dates, countries,
 * identifiers) of lengths a, b, c, each name is screened max(a, b, c, 1)
 * times: the i-th time with the i-th value of each list (the shorter lists
 * repeat their last value), so that every value is used and the work grows
 * with the values given, not with their product. Each wl_screen call
 * returns its results ranked; every distinct entity is counted, and only
 * entities that can still be among the best `limit` are copied. The
 * request's deadline is checked before each call.
 */
#include <stdlib.h>
#include <string.h>

#include "http/screen_query.h"
#include "model/error.h"

#define MAX_SCREEN_RESULTS 256

typedef struct seen {
	size_t *entity;
	size_t n, cap;
} seen;

static int seen_add(seen *s, size_t e)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->entity[i] == e)
			return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		size_t *p = realloc(s->entity, cap * sizeof(size_t));
		if (!p)
			return WL_ENOMEM;
		s->entity = p;
		s->cap = cap;
	}
	s->entity[s->n++] = e;
	return 0;
}

/* Puts r among the best `limit` of h (best first), replacing the same entity's worse result. */
static void keep_best(wl_hits *h, const wl_result *r, size_t limit)
{
	size_t i;
	for (i = 0; i < h->n; i++)
		if (h->best[i].entity == r->entity)
			break;
	if (i < h->n) {
		if (h->best[i].score >= r->score)
			return;
		memmove(&h->best[i], &h->best[i + 1], (h->n - i - 1) * sizeof(wl_result));
		h->n--;
	}
	size_t at = h->n;
	while (at > 0 && h->best[at - 1].score < r->score)
		at--;
	if (at >= limit)
		return;
	if (h->n == limit)
		h->n--;
	memmove(&h->best[at + 1], &h->best[at], (h->n - at) * sizeof(wl_result));
	h->best[at] = *r;
	h->n++;
}

static const char *nth(const char *const *v, size_t n, size_t i)
{
	return n ? v[i < n ? i : n - 1] : NULL;
}

static size_t rounds(const wl_match_query *q)
{
	size_t k = 1;
	if (q->ndates > k)
		k = q->ndates;
	if (q->ncountries > k)
		k = q->ncountries;
	if (q->nids > k)
		k = q->nids;
	return k;
}

static int screen_one(wl_hits *h, seen *all, wl_screener *s, const wl_query *wq,
                      const wl_screen_options *opts, size_t limit)
{
	const wl_result *res;
	size_t n;
	int rc = wl_screen(s, wq, opts, &res, &n);
	h->screens++;
	for (size_t i = 0; !rc && i < n; i++) {
		rc = seen_add(all, res[i].entity) ? wl_error_set(WL_ENOMEM, "out of memory") : 0;
		keep_best(h, &res[i], limit);
	}
	return rc;
}

int wl_http_screen_query(wl_hits *out, wl_screener *s, const wl_http_request *r,
                         const wl_match_query *q, const wl_screen_options *opts, size_t limit)
{
	memset(out, 0, sizeof(*out));
	if (!(out->best = calloc(limit + 1, sizeof(wl_result))))
		return wl_error_set(WL_ENOMEM, "out of memory");
	wl_screen_options o = *opts;
	o.limit = MAX_SCREEN_RESULTS;
	seen all = {0};
	int rc = WL_OK;
	for (size_t i = 0; !rc && i < q->nnames; i++)
		for (size_t k = 0; !rc && k < rounds(q); k++) {
			if (wl_http_past_deadline(r)) {
				rc = WL_HTTP_DEADLINE;
				break;
			}
			wl_query wq = {.name = q->names[i],
			               .schema = q->schema,
			               .birth_date = nth(q->dates, q->ndates, k),
			               .country = nth(q->countries, q->ncountries, k),
			               .id_number = nth(q->ids, q->nids, k)};
			rc = screen_one(out, &all, s, &wq, &o, limit);
		}
	out->total = all.n;
	free(all.entity);
	return rc;
}

void wl_hits_free(wl_hits *h)
{
	free(h->best);
	memset(h, 0, sizeof(*h));
}
