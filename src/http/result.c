/*
 * result.c - results in yente's shape, with watchlist's explanations kept.
 *
 * yente gives each result `features` (feature -> score) and no reasons;
 * watchlist also gives `explanations`, the same features with what the
 * query said, what the list says and why. `referents` are the ids of the
 * same designation in other lists (its sameAs links), which yente would
 * have merged into one entity; `target` is true for sanctioned entities and
 * threat actors; `last_seen` is the date of the list the entity was read
 * from. Properties are those of `watchlist entity`, without provenance.
 */
#include <math.h>
#include <stdio.h>

#include "http/result.h"
#include "http/utf8.h"
#include "index/index.h"

static double rounded(double x)
{
	return round(x * 1000) / 1000;
}

/* A feature's text as a JSON string: the screener may have cut it inside a character. */
static json_t *text(const char *s)
{
	char buf[512];
	snprintf(buf, sizeof(buf), "%s", s);
	wl_http_utf8_mend(buf);
	return json_string(buf);
}

static json_t *referents(json_t *other_listings)
{
	json_t *ids = json_array();
	size_t i;
	json_t *o;
	json_array_foreach(other_listings, i, o) json_array_append(ids, json_object_get(o, "id"));
	return ids;
}

static void add_features(json_t *o, const wl_result *r)
{
	json_t *features = json_object(), *explanations = json_object();
	for (size_t i = 0; i < r->nfeatures; i++) {
		const wl_feature *f = &r->features[i];
		json_object_set_new(features, f->name, json_real(rounded(f->score)));
		json_object_set_new(explanations, f->name,
		                    json_pack("{s:f, s:o, s:o, s:o}", "score", rounded(f->score),
		                              "detail", text(f->detail), "query", text(f->query),
		                              "candidate", text(f->candidate)));
	}
	json_object_set_new(o, "features", features);
	json_object_set_new(o, "explanations", explanations);
}

static bool is_target(const wl_index *idx, size_t e)
{
	return wl_index_entity_has_topic(idx, e, "sanction") ||
	       wl_index_entity_has_topic(idx, e, "crime.cyber");
}

json_t *wl_http_result_object(const wl_index *idx, const wl_result *r)
{
	json_t *ent = wl_index_entity_object(idx, r->entity);
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "caption", json_string(r->caption));
	json_object_set_new(o, "schema", json_string(r->schema));
	json_object_set(o, "properties", json_object_get(ent, "properties"));
	json_object_set(o, "datasets", json_object_get(ent, "datasets"));
	json_object_set_new(o, "referents", referents(json_object_get(ent, "other_listings")));
	json_object_set_new(o, "target", json_boolean(is_target(idx, r->entity)));
	json_t *date = json_object_get(ent, "list_date");
	if (date)
		json_object_set(o, "last_seen", date);
	json_object_set_new(o, "score", json_real(rounded(r->score)));
	json_object_set_new(o, "match", json_boolean(r->match));
	add_features(o, r);
	json_object_set(o, "topics", json_object_get(ent, "topics"));
	json_object_set_new(o, "source", json_string(r->source));
	json_object_set_new(o, "source_id", json_string(r->source_id));
	json_object_set(o, "other_listings", json_object_get(ent, "other_listings"));
	json_decref(ent);
	return o;
}

static json_t *doc(const char *description)
{
	return json_pack("{s:s, s:f, s:n}", "description", description, "coefficient", 1.0, "url");
}

json_t *wl_http_matcher_docs(void)
{
	return json_pack(
	    "{s:o, s:o, s:o, s:o, s:o, s:o}", "name",
	    doc("Best alignment of a query name with any of the entity's names, in any word "
	        "order, with typos, initials and joined or split tokens; digits must agree"),
	    "weakAlias", doc("A weak alias alone: capped at 0.70, below the default threshold"),
	    "birthDate",
	    doc("+0.05 the same date, +0.02 the same year or day and month swapped, -0.05 a "
	        "year apart, -0.15 contradicting"),
	    "country", doc("+0.02 a country or nationality in common, -0.05 none in common"),
	    "schema", doc("-0.25 a person for an organisation, or the reverse"), "identifier",
	    doc("An identical identifier lifts the score to at least 0.95"));
}
