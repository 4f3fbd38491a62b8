/*
 * json_request.c - parses and checks the body of POST /match/{dataset}.
 *
 * The whole body is validated before any screening, so a request is either
 * refused with one precise reason or screened in full. Each property of a
 * query is sorted by what the screening does with it, from the entity
 * model's property table: names (name, alias, previousName, weakAlias) are
 * screened one by one; name parts (firstName ... lastName) are joined into a
 * name when no name is given; birthDate, the country properties and the
 * identifiers qualify every name. Other FollowTheMoney properties (address,
 * gender, ...) are accepted, echoed and reported as unused, as yente
 * accepts them; a name that is no FtM property is refused. A date or a
 * country that cannot be read is dropped with a warning rather than refuse
 * the query (as `watchlist batch` does).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/json_request.h"
#include "http/utf8.h"
#include "model/props.h"
#include "text/countries.h"
#include "text/dates.h"

#define DEFAULT_MAX_QUERIES 100

typedef enum use { USE_NAME, USE_NAME_PART, USE_DATE, USE_COUNTRY, USE_ID, USE_NONE } use;

/* Name parts, in the order they are joined. */
static const char *const name_parts[] = {"firstName", "secondName", "middleName", "fatherName",
                                         "lastName"};
#define NPARTS (sizeof(name_parts) / sizeof(name_parts[0]))

typedef struct errbuf {
	char *text;
	size_t cap;
} errbuf;

static int fail(errbuf *e, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(errbuf *e, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->text, e->cap, fmt, ap);
	va_end(ap);
	return status;
}

static use property_use(const char *prop)
{
	int p = wl_prop_from_name(prop);
	if (p < 0)
		return USE_NONE;
	for (size_t i = 0; i < NPARTS; i++)
		if (!strcmp(prop, name_parts[i]))
			return USE_NAME_PART;
	switch (wl_prop_kind_of((wl_prop)p)) {
	case WL_KIND_NAME:
		return USE_NAME;
	case WL_KIND_ID:
		return USE_ID;
	case WL_KIND_DATE:
		return p == WL_PROP_BIRTH_DATE ? USE_DATE : USE_NONE;
	case WL_KIND_COUNTRY:
		return p == WL_PROP_FLAG ? USE_NONE : USE_COUNTRY;
	default:
		return USE_NONE;
	}
}

/* The values of one property as a list of non-empty strings, checked. */
static int property_values(errbuf *e, const char *where, json_t *v, json_t *list)
{
	if (json_is_string(v)) {
		json_t *one = json_array();
		json_array_append(one, v);
		int rc = property_values(e, where, one, list);
		json_decref(one);
		return rc;
	}
	if (!json_is_array(v))
		return fail(e, 422, "%s: not a string or a list of strings", where);
	if (json_array_size(v) > WL_MATCH_MAX_VALUES)
		return fail(e, 422, "%s: more than %d values", where, WL_MATCH_MAX_VALUES);
	size_t i;
	json_t *s;
	json_array_foreach(v, i, s)
	{
		if (!json_is_string(s))
			return fail(e, 422, "%s[%zu]: not a string", where, i);
		if (json_string_length(s) > WL_MATCH_MAX_VALUE_LEN)
			return fail(e, 422, "%s[%zu]: longer than %d bytes", where, i,
			            WL_MATCH_MAX_VALUE_LEN);
		if (json_string_length(s))
			json_array_append(list, s);
	}
	return 0;
}

static void warn(wl_match_query *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(wl_match_query *q, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wl_http_utf8_mend(msg); /* the query's key may have been cut inside a character */
	json_array_append_new(q->warnings, json_string(msg));
}

/* Adds list's values to the query's slots for use u; dates and countries are checked. */
static int take_values(errbuf *e, wl_match_query *q, const char *where, use u, json_t *list,
                       const char **parts)
{
	size_t i;
	json_t *s;
	json_array_foreach(list, i, s)
	{
		const char *v = json_string_value(s);
		switch (u) {
		case USE_NAME:
			if (q->nnames == WL_MATCH_MAX_VALUES)
				return fail(e, 422, "%s: more than %d names in one query", where,
				            WL_MATCH_MAX_VALUES);
			q->names[q->nnames++] = v;
			break;
		case USE_NAME_PART:
			if (!*parts)
				*parts = v;
			break;
		case USE_DATE: {
			wl_date d;
			if (wl_date_parse(v, strlen(v), &d))
				warn(q, "%s: '%s' is not a date: not used", where, v);
			else if (q->ndates < WL_MATCH_MAX_VALUES)
				q->dates[q->ndates++] = v;
			break;
		}
		case USE_COUNTRY:
			if (!wl_country_code(v, strlen(v)))
				warn(q, "%s: '%s' is not a known country: not used", where, v);
			else if (q->ncountries < WL_MATCH_MAX_VALUES)
				q->countries[q->ncountries++] = v;
			break;
		case USE_ID:
			if (q->nids < WL_MATCH_MAX_VALUES)
				q->ids[q->nids++] = v;
			break;
		case USE_NONE:
			break;
		}
	}
	return 0;
}

/* firstName ... lastName joined, when the query has no name. */
static void join_name_parts(wl_match_query *q, const char **parts)
{
	size_t len = 0;
	q->joined_name[0] = '\0';
	for (size_t i = 0; i < NPARTS; i++) {
		if (!parts[i] || len >= sizeof(q->joined_name))
			continue;
		int n = snprintf(q->joined_name + len, sizeof(q->joined_name) - len, "%s%s",
		                 len ? " " : "", parts[i]);
		len += n > 0 ? (size_t)n : 0;
	}
	if (len && !q->nnames)
		q->names[q->nnames++] = q->joined_name;
}

static int parse_properties(errbuf *e, wl_match_query *q, const char *at, json_t *props,
                            json_t *echo)
{
	char where[512];
	const char *parts[NPARTS] = {NULL};
	const char *prop;
	json_t *v;
	if (!json_is_object(props))
		return fail(e, 422, "%s.properties: not an object", at);
	json_object_foreach(props, prop, v)
	{
		snprintf(where, sizeof(where), "%s.properties.%s", at, prop);
		if (wl_prop_from_name(prop) < 0)
			return fail(e, 422,
			            "%s: unknown property (FollowTheMoney names such as "
			            "name, birthDate, nationality, country, idNumber)",
			            where);
		json_t *list = json_array();
		json_object_set_new(echo, prop, list);
		int rc = property_values(e, where, v, list);
		if (rc)
			return rc;
		use u = property_use(prop);
		size_t k = 0;
		while (u == USE_NAME_PART && strcmp(name_parts[k], prop))
			k++;
		if (u == USE_NONE && json_array_size(list))
			warn(q, "%s: not used for matching", where);
		if ((rc = take_values(e, q, where, u, list, u == USE_NAME_PART ? &parts[k] : NULL)))
			return rc;
	}
	join_name_parts(q, parts);
	if (!q->nnames)
		return fail(e, 422, "%s.properties.name: missing (a query needs a name)", at);
	return 0;
}

static int parse_schema(errbuf *e, wl_match_query *q, const char *at, json_t *schema)
{
	if (!schema)
		return fail(e, 422, "%s.schema: missing", at);
	if (!json_is_string(schema))
		return fail(e, 422, "%s.schema: not a string", at);
	const char *s = json_string_value(schema);
	if (!strcmp(s, "Thing"))
		return 0;
	if (wl_schema_from_name(s) < 0)
		return fail(e, 422,
		            "%s.schema: unknown schema '%.64s' (Person, Organization, Company, "
		            "LegalEntity, Vessel, Airplane)",
		            at, s);
	q->schema = s;
	return 0;
}

static int parse_query(errbuf *e, wl_match_query *q, const char *key, json_t *obj)
{
	char at[256];
	snprintf(at, sizeof(at), "queries.%.200s", key);
	if (!json_is_object(obj))
		return fail(e, 422, "%s: not an object", at);
	const char *field;
	json_t *v;
	json_object_foreach(obj, field, v)
	{
		if (strcmp(field, "schema") && strcmp(field, "properties") && strcmp(field, "id"))
			return fail(e, 422,
			            "%s: unknown field '%.64s' (expected schema, properties, id)",
			            at, field);
	}
	q->key = key;
	q->echo = json_object();
	q->warnings = json_array();
	json_t *id = json_object_get(obj, "id");
	if (id && !json_is_string(id) && !json_is_null(id))
		return fail(e, 422, "%s.id: not a string", at);
	if (json_is_string(id))
		json_object_set(q->echo, "id", id);
	int rc = parse_schema(e, q, at, json_object_get(obj, "schema"));
	if (rc)
		return rc;
	json_object_set(q->echo, "schema", json_object_get(obj, "schema"));
	json_t *props = json_object_get(obj, "properties");
	if (!props)
		return fail(e, 422, "%s.properties: missing", at);
	json_t *echo_props = json_object();
	json_object_set_new(q->echo, "properties", echo_props);
	return parse_properties(e, q, at, props, echo_props);
}

static int check_weights(errbuf *e, json_t *weights)
{
	if (!json_is_object(weights))
		return fail(e, 422, "weights: not an object");
	const char *k;
	json_t *v;
	json_object_foreach(weights, k, v)
	{
		if (!json_is_number(v))
			return fail(e, 422, "weights.%.64s: not a number", k);
	}
	return 0;
}

static int check_top_level(errbuf *e, json_t *root)
{
	if (!json_is_object(root))
		return fail(e, 422, "body: not a JSON object (expected {\"queries\": {...}})");
	const char *k;
	json_t *v;
	json_object_foreach(root, k, v)
	{
		if (strcmp(k, "queries") && strcmp(k, "weights") && strcmp(k, "config"))
			return fail(e, 422,
			            "body: unknown field '%.64s' (expected queries, weights, "
			            "config)",
			            k);
	}
	json_t *weights = json_object_get(root, "weights");
	if (weights && check_weights(e, weights))
		return 422;
	json_t *config = json_object_get(root, "config");
	if (config && !json_is_object(config))
		return fail(e, 422, "config: not an object");
	json_t *queries = json_object_get(root, "queries");
	if (!queries)
		return fail(e, 422, "queries: missing");
	if (!json_is_object(queries))
		return fail(e, 422, "queries: not an object");
	return 0;
}

static int parse_json(errbuf *e, json_t **root, const char *body, size_t len)
{
	json_error_t err;
	if (!len)
		return fail(e, 400, "body: empty (expected a JSON object with \"queries\")");
	*root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &err);
	if (*root)
		return 0;
	switch (json_error_code(&err)) {
	case json_error_invalid_utf8:
		return fail(e, 400, "body: invalid UTF-8 at byte %d (line %d, column %d)",
		            err.position, err.line, err.column);
	case json_error_duplicate_key:
		return fail(e, 422, "body: %s (line %d)", err.text, err.line);
	default:
		return fail(e, 400, "body: malformed JSON at line %d, column %d: %s", err.line,
		            err.column, err.text);
	}
}

int wl_match_request_parse(wl_match_request *out, const char *body, size_t len, size_t max_queries,
                           char *detail, size_t cap)
{
	errbuf e = {detail, cap};
	memset(out, 0, sizeof(*out));
	if (!max_queries)
		max_queries = DEFAULT_MAX_QUERIES;
	int rc = parse_json(&e, &out->root, body, len);
	if (!rc)
		rc = check_top_level(&e, out->root);
	if (rc)
		goto failed;
	json_t *queries = json_object_get(out->root, "queries");
	size_t n = json_object_size(queries);
	if (!n) {
		rc = fail(&e, 400, "queries: none given");
		goto failed;
	}
	if (n > max_queries) {
		rc = fail(&e, 400, "queries: %zu in one request, at most %zu", n, max_queries);
		goto failed;
	}
	out->weights = json_object_get(out->root, "weights");
	out->queries = calloc(n, sizeof(wl_match_query));
	if (!out->queries) {
		rc = fail(&e, 400, "body: out of memory");
		goto failed;
	}
	const char *key;
	json_t *q;
	json_object_foreach(queries, key, q)
	{
		if ((rc = parse_query(&e, &out->queries[out->nqueries++], key, q)))
			goto failed;
	}
	return 0;
failed:
	wl_match_request_free(out);
	return rc;
}

void wl_match_request_free(wl_match_request *r)
{
	for (size_t i = 0; i < r->nqueries; i++) {
		json_decref(r->queries[i].echo);
		json_decref(r->queries[i].warnings);
	}
	free(r->queries);
	json_decref(r->root);
	memset(r, 0, sizeof(*r));
}
