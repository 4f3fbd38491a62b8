/*
 * json_request.h - the body of POST /match/{dataset}: JSON in, queries out.
 *
 * The body is yente's EntityMatchQuery: {"queries": {KEY: {"schema",
 * "properties": {PROP: [VALUES]}, "id"?}}, "weights"?: {...}, "config"?:
 * {...}}. The parser checks everything before a single name is screened:
 * malformed JSON or bytes that are not UTF-8 give 400, too many queries 400,
 * wrong types, unknown fields and unknown properties 422, each with a detail
 * that says what is wrong and where ("queries.q1.properties.name[0]: not a
 * string"). It knows nothing of HTTP, so that a fuzzer can drive it alone.
 */
#ifndef WL_HTTP_JSON_REQUEST_H
#define WL_HTTP_JSON_REQUEST_H

#include <jansson.h>
#include <stddef.h>

#define WL_MATCH_MAX_VALUES    16 /* values per property, and names per query */
#define WL_MATCH_MAX_VALUE_LEN 512

/* One query: the values the screening uses, pointing into the parsed JSON. */
typedef struct wl_match_query {
	const char *key;
	const char *schema; /* NULL: any schema ("Thing" or "LegalEntity" ask for any) */
	const char *names[WL_MATCH_MAX_VALUES];
	size_t nnames;
	const char *dates[WL_MATCH_MAX_VALUES];
	size_t ndates;
	const char *countries[WL_MATCH_MAX_VALUES];
	size_t ncountries;
	const char *ids[WL_MATCH_MAX_VALUES];
	size_t nids;
	/* firstName secondName middleName fatherName lastName, joined when there is no name */
	char joined_name[(WL_MATCH_MAX_VALUE_LEN + 1) * 5];
	json_t *echo;     /* {"id"?, "schema", "properties"}, values as lists (owned) */
	json_t *warnings; /* array of strings: values dropped or not used (owned) */
} wl_match_query;

typedef struct wl_match_request {
	json_t *root; /* owns the strings the queries point to */
	wl_match_query *queries;
	size_t nqueries;
	json_t *weights; /* borrowed from root, or NULL */
} wl_match_request;

/*
 * Parses body into out. Returns 0, or the HTTP status of the refusal (400 or
 * 422) with the reason in detail. max_queries bounds the queries (0: 100).
 * On success the caller frees out with wl_match_request_free().
 */
int wl_match_request_parse(wl_match_request *out, const char *body, size_t len, size_t max_queries,
                           char *detail, size_t cap);
void wl_match_request_free(wl_match_request *r);

#endif
