/*
 * entity_json.c - entities and sources of an opened index as JSON.
 *
 * An entity is written FollowTheMoney-style: id, schema, caption and
 * `properties` as FtM has them (property -> list of strings), with
 * `provenance` beside it, parallel to `properties` (the same properties, the
 * same order), telling for each value the dataset, the list's record id, the
 * list date, and the value's qualifiers and original wording. `links` lists
 * the entity's links in both directions, with the other entity's caption
 * and schema where it is known; `other_listings` the same designation or
 * actor in other lists and registries (its "sameAs" links, both ways). Used by `watchlist entity`, the HTTP API and
 * the library's users.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "model/error.h"
#include "model/props.h"

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v && *v)
		json_object_set_new(o, key, json_string(v));
}

static json_t *value_provenance(const wl_index *idx, const wl_disk_value *v)
{
	json_t *p = json_object();
	set_str(p, "dataset", idx->source_name[v->source]);
	set_str(p, "record", wl_index_str(idx, v->record));
	set_str(p, "list_date", idx->source_date[v->source]);
	set_str(p, "detail", wl_index_str(idx, v->detail));
	set_str(p, "country", wl_index_str(idx, v->country));
	set_str(p, "original", wl_index_str(idx, v->original));
	return p;
}

static json_t *link_json(const wl_index *idx, const wl_disk_link *l, int outgoing)
{
	json_t *o = json_object();
	uint32_t other = outgoing ? l->target : l->owner;
	set_str(o, "type", wl_index_str(idx, l->type));
	set_str(o, "direction", outgoing ? "outgoing" : "incoming");
	if (other != WL_NONE) {
		const wl_disk_entity *e = &idx->entities[other];
		set_str(o, "id", wl_index_str(idx, e->id));
		set_str(o, "caption", wl_index_str(idx, e->caption));
		set_str(o, "schema", wl_schema_name(e->schema));
		set_str(o, "dataset", idx->source_name[e->source]);
	}
	if (outgoing)
		set_str(o, "name", wl_index_str(idx, l->target_name));
	set_str(o, "detail", wl_index_str(idx, l->detail));
	json_t *prov = json_object();
	set_str(prov, "dataset", idx->source_name[l->source]);
	set_str(prov, "record", wl_index_str(idx, l->record));
	set_str(prov, "list_date", idx->source_date[l->source]);
	json_object_set_new(o, "provenance", prov);
	return o;
}

static int listed_already(json_t *arr, const char *id)
{
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o)
		if (!strcmp(json_string_value(json_object_get(o, "id")), id))
			return 1;
	return 0;
}

static void add_listing(const wl_index *idx, json_t *arr, uint32_t other, const wl_disk_link *l)
{
	if (other == WL_NONE)
		return;
	const wl_disk_entity *e = &idx->entities[other];
	const char *id = wl_index_str(idx, e->id);
	if (listed_already(arr, id))
		return;
	json_t *o = json_object();
	set_str(o, "id", id);
	set_str(o, "caption", wl_index_str(idx, e->caption));
	set_str(o, "dataset", idx->source_name[e->source]);
	set_str(o, "detail", wl_index_str(idx, l->detail));
	json_array_append_new(arr, o);
}

json_t *wl_index_other_listings(const wl_index *idx, size_t n)
{
	const wl_disk_entity *e = &idx->entities[n];
	json_t *arr = json_array();
	for (uint32_t i = 0; i < e->nlinks; i++) {
		const wl_disk_link *l = &idx->links[e->first_link + i];
		if (!strcmp(wl_index_str(idx, l->type), "sameAs"))
			add_listing(idx, arr, l->target, l);
	}
	for (uint32_t i = 0; i < e->nbacklinks; i++) {
		const wl_disk_link *l = &idx->links[idx->backlinks[e->first_backlink + i]];
		if (!strcmp(wl_index_str(idx, l->type), "sameAs"))
			add_listing(idx, arr, l->owner, l);
	}
	return arr;
}

json_t *wl_index_entity_object(const wl_index *idx, size_t n)
{
	const wl_disk_entity *e = &idx->entities[n];
	json_t *o = json_object();
	set_str(o, "id", wl_index_str(idx, e->id));
	set_str(o, "schema", wl_schema_name(e->schema));
	set_str(o, "caption", wl_index_str(idx, e->caption));
	set_str(o, "source", idx->source_name[e->source]);
	set_str(o, "source_id", wl_index_str(idx, e->source_id));
	set_str(o, "list_date", idx->source_date[e->source]);
	json_t *datasets = json_array();
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const char *ds = idx->source_name[idx->values[e->first_value + i].source];
		size_t k, nds = json_array_size(datasets);
		for (k = 0; k < nds; k++)
			if (!strcmp(json_string_value(json_array_get(datasets, k)), ds))
				break;
		if (k == nds)
			json_array_append_new(datasets, json_string(ds));
	}
	json_object_set_new(o, "datasets", datasets);

	json_t *props = json_object(), *prov = json_object();
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const wl_disk_value *v = &idx->values[e->first_value + i];
		const char *name = wl_prop_name(v->prop);
		json_t *list = json_object_get(props, name);
		if (!list) {
			list = json_array();
			json_object_set_new(props, name, list);
			json_object_set_new(prov, name, json_array());
		}
		json_array_append_new(list, json_string(wl_index_str(idx, v->text)));
		json_array_append_new(json_object_get(prov, name), value_provenance(idx, v));
	}
	json_t *topics = json_object_get(props, "topics");
	json_object_set(o, "topics", topics ? topics : json_array());
	if (!topics)
		json_decref(json_object_get(o, "topics"));
	json_object_set_new(o, "properties", props);
	json_object_set_new(o, "provenance", prov);

	json_t *links = json_array();
	for (uint32_t i = 0; i < e->nlinks; i++)
		json_array_append_new(links, link_json(idx, &idx->links[e->first_link + i], 1));
	for (uint32_t i = 0; i < e->nbacklinks; i++) {
		const wl_disk_link *l = &idx->links[idx->backlinks[e->first_backlink + i]];
		json_array_append_new(links, link_json(idx, l, 0));
	}
	json_object_set_new(o, "links", links);
	json_object_set_new(o, "other_listings", wl_index_other_listings(idx, n));
	return o;
}

int wl_index_entity_json(char **out, const wl_index *idx, const char *id)
{
	*out = NULL;
	long n = wl_index_find(idx, id);
	if (n < 0)
		return wl_error_set(WL_ENOTFOUND, "no entity with id %s", id);
	json_t *o = wl_index_entity_object(idx, (size_t)n);
	*out = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return *out ? WL_OK : wl_error_set(WL_ENOMEM, "out of memory");
}

int wl_index_sources_json(char **out, const wl_index *idx)
{
	json_t *o = json_object();
	json_object_set_new(o, "format_version", json_integer(idx->header->version));
	json_object_set_new(o, "created", json_integer((json_int_t)idx->header->created));
	json_object_set_new(o, "entities", json_integer((json_int_t)idx->nentities));
	json_object_set(o, "sources", idx->source_meta);
	*out = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	return *out ? WL_OK : wl_error_set(WL_ENOMEM, "out of memory");
}
