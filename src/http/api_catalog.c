/*
 * api_catalog.c - GET /catalog: the datasets served, shaped like yente's catalog.
 *
 * {"datasets": [...], "current": [names], "outdated": [], "index_stale":
 *  false, "index": {"created", "format_version", "entities"}}. The
 * collections come first (default, sanctions, threat_actors: their
 * children are the sources that have entities in them), then each source
 * list with its title, publisher, licence, list date (as yente's
 * `version`), entity counts by schema and the files read with their
 * SHA-256. Server paths are cut to file names. The body is built once when
 * an index is opened (from wl_index_sources_json) and served as it is.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/api.h"
#include "http/datasets.h"
#include "http/reply.h"

/* A source's entry: yente's fields, then watchlist's. */
static json_t *source_dataset(json_t *src)
{
	json_t *o = json_object();
	json_t *date = json_object_get(src, "list_date");
	json_object_set(o, "name", json_object_get(src, "name"));
	json_object_set(o, "title", json_object_get(src, "title"));
	json_object_set_new(o, "type", json_string("source"));
	json_object_set(o, "url", json_object_get(src, "url"));
	json_object_set_new(o, "load", json_true());
	json_object_set(o, "version", date ? date : json_null());
	json_object_set_new(o, "children", json_array());
	const char *keep[] = {"publisher", "licence",  "format",
	                      "list_date", "entities", "schemata"};
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (json_object_get(src, keep[i]))
			json_object_set(o, keep[i], json_object_get(src, keep[i]));
	json_t *files = json_array(), *f;
	size_t i;
	json_array_foreach(json_object_get(src, "files"), i, f)
	{
		json_t *c = json_deep_copy(f);
		const char *path = json_string_value(json_object_get(f, "path"));
		if (path) {
			char *copy = strdup(path);
			json_object_set_new(c, "path", json_string(copy ? basename(copy) : ""));
			free(copy);
		}
		json_array_append_new(files, c);
	}
	json_object_set_new(o, "files", files);
	return o;
}

static bool has_child(json_t *children, const char *name)
{
	size_t i;
	json_t *c;
	json_array_foreach(children, i, c) if (!strcmp(json_string_value(c), name)) return true;
	return false;
}

/* A collection's entry: its children are the sources with entities in it. */
static json_t *collection(const wl_index *idx, const wl_http_collection *c)
{
	json_t *children = json_array();
	size_t count = 0;
	for (size_t e = 0; e < wl_index_entity_count(idx); e++) {
		if (c->topic && !wl_index_entity_has_topic(idx, e, c->topic))
			continue;
		count++;
		const char *src = wl_index_entity_source(idx, e);
		if (!has_child(children, src))
			json_array_append_new(children, json_string(src));
	}
	return json_pack("{s:s, s:s, s:s, s:b, s:n, s:o, s:I}", "name", c->name, "title", c->title,
	                 "type", "collection", "load", 1, "version", "children", children,
	                 "entities", (json_int_t)count);
}

static json_t *index_info(json_t *sources)
{
	char when[32] = "";
	time_t t = (time_t)json_integer_value(json_object_get(sources, "created"));
	struct tm tm;
	if (gmtime_r(&t, &tm))
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return json_pack("{s:s, s:O, s:O}", "created", when, "format_version",
	                 json_object_get(sources, "format_version"), "entities",
	                 json_object_get(sources, "entities"));
}

static json_t *catalog(const wl_index *idx, json_t *sources)
{
	json_t *datasets = json_array(), *names = json_array();
	for (size_t i = 0; i < 3; i++)
		json_array_append_new(datasets, collection(idx, &wl_http_collections[i]));
	size_t i;
	json_t *src;
	json_array_foreach(json_object_get(sources, "sources"), i, src)
	{
		const char *name = json_string_value(json_object_get(src, "name"));
		if (name && !has_child(names, name)) {
			json_array_append_new(names, json_string(name));
			json_array_append_new(datasets, source_dataset(src));
		}
	}
	json_decref(names);
	names = json_array();
	json_t *d;
	json_array_foreach(datasets, i, d) json_array_append(names, json_object_get(d, "name"));
	return json_pack("{s:o, s:o, s:[], s:b, s:o}", "datasets", datasets, "current", names,
	                 "outdated", "index_stale", 0, "index", index_info(sources));
}

char *wl_http_catalog_build(const wl_index *idx, size_t *len)
{
	char *text = NULL;
	if (wl_index_sources_json(&text, idx))
		return NULL;
	json_t *sources = json_loads(text, 0, NULL);
	free(text);
	json_t *o = sources ? catalog(idx, sources) : NULL;
	json_decref(sources);
	text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(o);
	if (text)
		*len = strlen(text);
	return text;
}

enum MHD_Result wl_api_catalog(wl_http_request *r, const char *arg)
{
	return wl_http_reply_copy(r, 200, "application/json; charset=utf-8", r->gen->catalog,
	                          r->gen->catalog_len);
}
