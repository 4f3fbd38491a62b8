/*
 * result_json.c - a screening result as JSON (the match contract of DESIGN.md).
 *
 * {"id", "schema", "caption", "source", "source_id", "score", "match",
 *  "explanation": {feature: {"score", "query", "candidate", "detail"}},
 *  "datasets", "other_listings", "topics", "properties"}; properties as in
 * `watchlist entity`, without provenance and links, to keep batch output
 * compact; other_listings names the same designation in other lists.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "index/index.h"
#include "model/error.h"

json_t *wl_result_object(const wl_index *idx, const wl_result *r)
{
	json_t *ent = wl_index_entity_object(idx, r->entity);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "schema", json_string(r->schema));
	json_object_set_new(o, "caption", json_string(r->caption));
	json_object_set_new(o, "source", json_string(r->source));
	json_object_set_new(o, "source_id", json_string(r->source_id));
	json_object_set_new(o, "score", json_real(round(r->score * 1000) / 1000));
	json_object_set_new(o, "match", json_boolean(r->match));
	json_t *ex = json_object();
	for (size_t i = 0; i < r->nfeatures; i++) {
		const wl_feature *f = &r->features[i];
		json_object_set_new(ex, f->name,
				    json_pack("{s:f, s:s, s:s, s:s}", "score", round(f->score * 1000) / 1000,
					      "query", f->query, "candidate", f->candidate, "detail",
					      f->detail));
	}
	json_object_set_new(o, "explanation", ex);
	json_object_set(o, "datasets", json_object_get(ent, "datasets"));
	json_object_set(o, "other_listings", json_object_get(ent, "other_listings"));
	json_object_set(o, "topics", json_object_get(ent, "topics"));
	json_object_set(o, "properties", json_object_get(ent, "properties"));
	json_decref(ent);
	return o;
}

int wl_result_json(char **out, const wl_index *idx, const wl_result *r)
{
	json_t *o = wl_result_object(idx, r);
	*out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return *out ? WL_OK : wl_error_set(WL_ENOMEM, "out of memory");
}
