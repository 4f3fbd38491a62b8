/*
 * datasets.c - dataset names to scopes, and the accept callback that filters candidates.
 *
 * Dataset names in parameters are checked against the index, so that a
 * typo gives a 400 rather than an empty answer that looks like "no match".
 * The accept callback runs for each candidate before it is scored; its
 * tests are cheap (string compares over an entity's values), and it stops
 * at the first that fails.
 */
#include <stdio.h>
#include <string.h>

#include "http/datasets.h"

const wl_http_collection wl_http_collections[3] = {
    {"default", NULL, "Every list in the index"},
    {"sanctions", "sanction", "Sanctioned entities (topic sanction)"},
    {"threat_actors", "crime.cyber", "Threat actors (topic crime.cyber)"},
};

int wl_http_scope_find(const wl_index *idx, const char *name, wl_http_scope *out)
{
	for (size_t i = 0; i < 3; i++)
		if (!strcmp(name, wl_http_collections[i].name)) {
			out->kind = wl_http_collections[i].topic ? WL_SCOPE_TOPIC : WL_SCOPE_ALL;
			out->arg = wl_http_collections[i].topic;
			return 0;
		}
	for (size_t i = 0; i < wl_index_source_count(idx); i++)
		if (!strcmp(name, wl_index_source_name(idx, i))) {
			out->kind = WL_SCOPE_SOURCE;
			out->arg = wl_index_source_name(idx, i);
			return 0;
		}
	return -1;
}

/* Every value of the list must be a dataset (collection or source) of idx. */
static int check_datasets(const wl_http_list *l, const char *param, const wl_index *idx, char *err,
                          size_t cap)
{
	wl_http_scope s;
	for (size_t i = 0; i < l->n; i++)
		if (wl_http_scope_find(idx, l->v[i], &s)) {
			snprintf(err, cap, "%s: no dataset '%.64s' (see /catalog)", param, l->v[i]);
			return -1;
		}
	return 0;
}

int wl_http_filter_read(wl_http_filter *f, const wl_http_request *r, const wl_index *idx, char *err,
                        size_t cap)
{
	if (wl_http_param_list(r, "include_dataset", &f->include_dataset, err, cap) ||
	    wl_http_param_list(r, "exclude_dataset", &f->exclude_dataset, err, cap) ||
	    wl_http_param_list(r, "exclude_schema", &f->exclude_schema, err, cap) ||
	    wl_http_param_list(r, "topics", &f->topics, err, cap) ||
	    wl_http_param_list(r, "exclude_entity_ids", &f->exclude_ids, err, cap))
		return -1;
	return check_datasets(&f->include_dataset, "include_dataset", idx, err, cap) ||
	               check_datasets(&f->exclude_dataset, "exclude_dataset", idx, err, cap)
	           ? -1
	           : 0;
}

bool wl_http_filter_active(const wl_http_filter *f)
{
	return f->scope.kind != WL_SCOPE_ALL || f->include_dataset.n || f->exclude_dataset.n ||
	       f->exclude_schema.n || f->topics.n || f->exclude_ids.n;
}

static bool in_scope(const wl_http_scope *s, const wl_index *idx, size_t e)
{
	switch (s->kind) {
	case WL_SCOPE_TOPIC:
		return wl_index_entity_has_topic(idx, e, s->arg);
	case WL_SCOPE_SOURCE:
		return wl_index_entity_listed_by(idx, e, s->arg);
	default:
		return true;
	}
}

/* True when the entity is in any of the datasets of the list. */
static bool in_any(const wl_http_list *l, const wl_index *idx, size_t e)
{
	wl_http_scope s;
	for (size_t i = 0; i < l->n; i++)
		if (!wl_http_scope_find(idx, l->v[i], &s) && in_scope(&s, idx, e))
			return true;
	return false;
}

static bool has_any_topic(const wl_http_list *l, const wl_index *idx, size_t e)
{
	for (size_t i = 0; i < l->n; i++)
		if (wl_index_entity_has_topic(idx, e, l->v[i]))
			return true;
	return false;
}

static bool listed(const wl_http_list *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], s))
			return true;
	return false;
}

int wl_http_filter_accept(void *ctx, const wl_index *idx, size_t e)
{
	const wl_http_filter *f = ctx;
	if (!in_scope(&f->scope, idx, e))
		return 0;
	if (f->include_dataset.n && !in_any(&f->include_dataset, idx, e))
		return 0;
	if (f->exclude_dataset.n && in_any(&f->exclude_dataset, idx, e))
		return 0;
	if (f->exclude_schema.n && listed(&f->exclude_schema, wl_index_entity_schema(idx, e)))
		return 0;
	if (f->topics.n && !has_any_topic(&f->topics, idx, e))
		return 0;
	if (f->exclude_ids.n && listed(&f->exclude_ids, wl_index_entity_id(idx, e)))
		return 0;
	return 1;
}
