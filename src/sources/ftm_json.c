/*
 * ftm_json.c - FollowTheMoney JSON lines (OpenSanctions exports) to entities.
 *
 * An OpenSanctions export ("entities.ftm.json") holds one FtM entity per
 * line: {"id", "schema", "properties": {prop: [values]}, "caption",
 * "datasets", "referents", "first_seen", "last_seen", "last_change",
 * "target"}. Entities and the "things" around them come in any order, so
 * the file is read in two passes over the buffer:
 *
 *   1. Every line is parsed (jansson, one json_loadb per line) and checked;
 *      a bad line stops the read as "FILE:LINE: field: what". The pass
 *      counts the datasets (to name the source), keeps the newest
 *      last_seen (the list date), maps every id and referent to a node,
 *      remembers where the entities to screen are, and copies the things
 *      (sanctions, addresses, documents, relationships, ...) as flat
 *      (property, value) pairs into a scratch arena.
 *   2. The lines of the entities to screen are parsed again and become
 *      entities "os-<FtM id>" in the source "os_<dataset>". Then the
 *      things are folded into the entities they point to.
 *
 * The source. One file is one source, named after its lines' most common
 * dataset (enrichment datasets, "ext_*", only when there is no other),
 * with the prefix "os_": an OpenSanctions export of OFAC's list is
 * "os_us_ofac_sdn", never merged into our own OFAC reader's "us_ofac_sdn".
 * Its date is the newest last_seen, when OpenSanctions last saw the data.
 *
 * Mapping. Person, Organization, Company, LegalEntity, Vessel and Airplane
 * keep their schema; PublicBody becomes Organization. A property the model
 * has (wl_prop_from_name) is kept as it is: dates cut to their ISO prefix,
 * countries checked (wl_country_code; OpenSanctions' "suhh" is "su"). FtM
 * identifier properties the model lacks (innCode, ogrnCode, vatCode, ...)
 * become idNumber with the property as detail, so that exact identifier
 * look-ups find them; every other property goes to notes as "prop: value".
 * The names are put with the caption first, so the entity's caption is
 * FtM's. datasets, first_seen, last_seen, last_change and target are kept
 * as notes; each referent becomes a "sameAs" link to that id as it is
 * ("ofac-46001" is our OFAC record of the same person), or with our prefix
 * when it is an OpenSanctions id ("NK-...", "Q123") or a line of the file.
 *
 * Things. Sanction -> program (qualified by authority and country) and
 * listingDate (else startDate), unscId, sourceUrl on its entity;
 * Identification and Passport -> idNumber / passportNumber with type and
 * country on its holder; CryptoWallet -> idNumber on its holder; Address
 * -> address on the entities whose addressEntity names it; Occupancy ->
 * position (the Position's name) on its holder. Relationships become a
 * link from the first party to the second (type in lower camel case,
 * detail the role or relationship and the rest of the relationship's
 * properties); when only the second party is in the file, it gets a note
 * instead. What a thing holds beyond that goes to notes as
 * "Schema.prop: value", each with the thing's id as its record; any other
 * thing that names an entity leaves a note "Schema: caption" on it.
 */
#include "ftm_json.h"

#include <ctype.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/error.h"
#include "reader.h"
#include "text/countries.h"

#define FTM_PREFIX  "os"
#define FIELD_MAX   96  /* bytes of a field name in a message */
#define DATASET_MAX 64  /* bytes of a dataset name in the source name */
#define DETAIL_MAX  512 /* bytes of a link's detail */

typedef enum ftm_kind {
	FTM_ENTITY, /* to screen */
	FTM_SANCTION,
	FTM_IDENTIFICATION,
	FTM_PASSPORT,
	FTM_ADDRESS,
	FTM_WALLET,
	FTM_OCCUPANCY,
	FTM_POSITION,
	FTM_RELATION,
	FTM_OTHER,
} ftm_kind;

/* A relationship schema: the link goes from the `from` party to the `to` party. */
typedef struct ftm_relation {
	const char *schema, *type, *from, *to, *detail;
} ftm_relation;

static const ftm_relation relations[] = {
    {"Ownership", "ownership", "owner", "asset", "role"},
    {"Directorship", "directorship", "director", "organization", "role"},
    {"Membership", "membership", "member", "organization", "role"},
    {"Family", "family", "person", "relative", "relationship"},
    {"Associate", "associate", "person", "associate", "relationship"},
    {"UnknownLink", "unknownLink", "subject", "object", "role"},
    {"Employment", "employment", "employee", "employer", "role"},
    {"Representation", "representation", "agent", "client", "role"},
    {"Succession", "succession", "predecessor", "successor", "role"},
};

static const struct {
	const char *schema;
	ftm_kind kind;
} thing_kinds[] = {
    {"Sanction", FTM_SANCTION},   {"Identification", FTM_IDENTIFICATION},
    {"Passport", FTM_PASSPORT},   {"Address", FTM_ADDRESS},
    {"CryptoWallet", FTM_WALLET}, {"Occupancy", FTM_OCCUPANCY},
    {"Position", FTM_POSITION},
};

/* FtM identifier properties (followthemoney/schema) the model lacks: idNumber, detail the name. */
static const char *const extra_identifiers[] = {
    "bvdId",    "cageCode",       "cikCode",   "coatoCode", "crsNumber",
    "dunsCode", "fnsCode",        "giiNumber", "ibcRuc",    "icaoCode",
    "innCode",  "ipoCode",        "irsCode",   "isinCode",  "jibCode",
    "kppCode",  "licenseNumber",  "mbsCode",   "npiCode",   "ogrnCode",
    "okpoCode", "permId",         "pfrNumber", "ricCode",   "socialSecurityNumber",
    "ticker",   "uniqueEntityId", "vatCode",   "voenCode",  "wikidataId",
};

/* Entity references on the screened schemata that become links of that name. */
static const char *const link_props[] = {"parent", "owner", "operator"};

typedef struct ftm_pair {
	const char *prop, *value;
	bool used; /* folded into a property, not to be noted again */
} ftm_pair;

/* A line that is not an entity to screen, kept as pairs until the end of the file. */
typedef struct ftm_thing {
	const char *schema, *id, *caption;
	ftm_kind kind;
	const ftm_relation *rel;
	ftm_pair *pairs;
	size_t npairs;
} ftm_thing;

/* What an id (or a referent) names. */
typedef struct ftm_node {
	const char *id; /* the FtM id */
	const char *caption;
	bool screened;
	ftm_thing *thing;  /* for things */
	wl_entity *entity; /* for entities, once made in the second pass */
} ftm_node;

/* Where an entity to screen is in the buffer. */
typedef struct ftm_span {
	size_t off, len;
	unsigned long line;
} ftm_span;

typedef struct ftm_reader {
	wl_dataset *ds;
	const char *path, *data;
	size_t len;
	int src;
	wl_arena scratch;   /* nodes, things, keys: freed at the end of the read */
	wl_strmap ids;      /* FtM id or referent -> ftm_node */
	wl_strmap datasets; /* dataset name -> count */
	ftm_thing **things;
	size_t nthings, capthings;
	ftm_span *spans;
	size_t nspans, capspans;
	char last_seen[11];
} ftm_reader;

/* ---- small helpers ---- */

static int oom(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* Grows a heap array of elements of size sz to hold one more; false when out of memory. */
static bool grow(void **arr, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap ? *cap * 2 : 64;
	void *p = realloc(*arr, ncap * sz);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/*
 * Length of the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that s starts with,
 * when what follows is nothing or a time ("T12:00:00"); else 0.
 */
static size_t iso_date(const char *s)
{
	size_t n = strlen(s), len = 4;
	if (n < 4 || !digits(s, 4))
		return 0;
	int year = atoi(s), month = 0;
	if (n >= 7 && s[4] == '-' && digits(s + 5, 2)) {
		month = (s[5] - '0') * 10 + (s[6] - '0');
		if (month < 1 || month > 12)
			return 0;
		len = 7;
	}
	if (month && n >= 10 && s[7] == '-' && digits(s + 8, 2)) {
		int day = (s[8] - '0') * 10 + (s[9] - '0');
		if (day < 1 || day > days_in_month(year, month))
			return 0;
		len = 10;
	}
	return s[len] == '\0' || s[len] == 'T' || s[len] == ' ' ? len : 0;
}

/* A country code for FtM's wording: ISO codes, names, and 3166-3 codes such as "suhh". */
static const char *country_code(const char *text)
{
	if (!text)
		return NULL;
	const char *code = wl_country_code(text, (size_t)-1);
	if (!code && strlen(text) == 4) {
		char two[3] = {text[0], text[1], '\0'};
		if (wl_country_name(two))
			code = wl_country_code(two, 2);
	}
	return code;
}

/* ---- values ---- */

static int put_note(ftm_reader *r, wl_entity *e, const char *label, const char *value,
                    const char *record)
{
	char *text = wl_arena_printf(&r->scratch, "%s: %s", label, value);
	if (!text)
		return oom();
	wl_fact f = {.record = record};
	return wl_entity_puts(r->ds, e, WL_PROP_NOTES, text, &f);
}

/*
 * Puts a value of a model property, normalised for its kind. Returns 1 when
 * put, 0 when the value is no date or country of the kind (the caller notes
 * it), or a WL_E* code.
 */
static int put_typed(ftm_reader *r, wl_entity *e, wl_prop prop, const char *value,
                     const wl_fact *fact)
{
	wl_fact f = fact ? *fact : (wl_fact){0};
	f.original = value;
	const char *text = value;
	size_t len = (size_t)-1;
	switch (wl_prop_kind_of(prop)) {
	case WL_KIND_DATE:
		if (!(len = iso_date(value)))
			return 0;
		break;
	case WL_KIND_COUNTRY:
		if (!(text = country_code(value)))
			return 0;
		break;
	default:
		f.original = fact ? fact->original : NULL;
		break;
	}
	int rc = wl_entity_put(r->ds, e, prop, text, len, &f);
	return rc ? rc : 1;
}

static bool in_list(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

/* A link to the entity an FtM id names; target_name is its caption, else the id. */
static int link_to(ftm_reader *r, wl_entity *e, const char *type, const char *ftm_id,
                   const char *detail, const char *record)
{
	const ftm_node *n = wl_strmap_get(&r->ids, ftm_id);
	const char *id = n ? n->id : ftm_id;
	char *target = wl_arena_printf(&r->scratch, "%s-%s", FTM_PREFIX, id);
	if (!target)
		return oom();
	wl_fact f = {.record = record};
	size_t before = e->nlinks;
	int rc =
	    wl_entity_link(r->ds, e, type, target, n && n->caption ? n->caption : id, detail, &f);
	if (rc || e->nlinks > before || !detail)
		return rc;
	/* the same link again, with other facts: keep them */
	char *label = wl_arena_printf(&r->scratch, "%s %s", type, id);
	return label ? put_note(r, e, label, detail, record) : oom();
}

static int fold_address(ftm_reader *r, ftm_thing *t, wl_entity *e);

/* addressEntity: the Address's text, when the file has it. */
static int put_address_ref(ftm_reader *r, wl_entity *e, const char *value)
{
	ftm_node *n = wl_strmap_get(&r->ids, value);
	if (n && n->thing && n->thing->kind == FTM_ADDRESS)
		return fold_address(r, n->thing, e);
	return put_note(r, e, "addressEntity", value, NULL);
}

/* One value of an entity's property. */
static int put_value(ftm_reader *r, wl_entity *e, const char *key, const char *value)
{
	if (strcmp(key, "addressEntity") == 0)
		return put_address_ref(r, e, value);
	if (in_list(key, link_props, sizeof(link_props) / sizeof(*link_props)))
		return link_to(r, e, key, value, NULL, NULL);
	int p = wl_prop_from_name(key);
	if (p >= 0) {
		int rc = put_typed(r, e, (wl_prop)p, value, NULL);
		return rc ? (rc < 0 ? rc : WL_OK) : put_note(r, e, key, value, NULL);
	}
	if (in_list(key, extra_identifiers,
	            sizeof(extra_identifiers) / sizeof(*extra_identifiers))) {
		wl_fact f = {.detail = key};
		return wl_entity_puts(r->ds, e, WL_PROP_ID_NUMBER, value, &f);
	}
	return put_note(r, e, key, value, NULL);
}

/* Calls put_value for a string or each string of an array. */
static int put_values(ftm_reader *r, wl_entity *e, const char *key, const json_t *v)
{
	if (json_is_string(v))
		return put_value(r, e, key, json_string_value(v));
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		int rc = put_value(r, e, key, json_string_value(x));
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* True when v (a string or an array of strings) holds the text. */
static bool holds(const json_t *v, const char *text)
{
	if (json_is_string(v))
		return strcmp(json_string_value(v), text) == 0;
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		if (strcmp(json_string_value(x), text) == 0)
			return true;
	}
	return false;
}

/*
 * The names, the caption's first so that the entity's caption is FtM's. An
 * entity without names keeps its caption as a name (detail "caption"),
 * unless FtM fell back to the schema's label.
 */
static int put_names(ftm_reader *r, wl_entity *e, const json_t *o, const json_t *names)
{
	const char *caption = json_string_value(json_object_get(o, "caption"));
	const char *schema = json_string_value(json_object_get(o, "schema"));
	int rc = WL_OK;
	if (caption && *caption && holds(names, caption)) {
		rc = wl_entity_puts(r->ds, e, WL_PROP_NAME, caption, NULL);
	} else if (caption && !names && strcmp(caption, schema) != 0) {
		wl_fact f = {.detail = "caption"};
		rc = wl_entity_puts(r->ds, e, WL_PROP_NAME, caption, &f);
	}
	return rc ? rc : put_values(r, e, "name", names);
}

/* Joins the strings of an array with ", " into the scratch arena. */
static char *join(wl_arena *a, const json_t *arr)
{
	size_t n = 1, i;
	const json_t *x;
	json_array_foreach(arr, i, x)
	{
		n += json_string_length(x) + 2;
	}
	char *out = wl_arena_alloc(a, n);
	if (!out)
		return NULL;
	size_t len = 0;
	json_array_foreach(arr, i, x)
	{
		len += (size_t)snprintf(out + len, n - len, "%s%s", i ? ", " : "",
		                        json_string_value(x));
	}
	out[len] = '\0';
	return out;
}

/* True for OpenSanctions' own ids of merged entities: "NK-..." and Wikidata's "Q123". */
static bool opensanctions_id(const char *id)
{
	if (strncmp(id, "NK-", 3) == 0)
		return true;
	if (id[0] != 'Q' || !id[1])
		return false;
	for (const char *p = id + 1; *p; p++)
		if (!isdigit((unsigned char)*p))
			return false;
	return true;
}

/*
 * The entity id a referent names: a source list's id as it is ("ofac-46001"
 * is our OFAC record), an OpenSanctions id ("NK-...", "Q123") or the id of a
 * line of this file with our prefix ("os-NK-..."), so that the same entity
 * read from another OpenSanctions export is found.
 */
static const char *referent_target(ftm_reader *r, const char *ref)
{
	const ftm_node *n = wl_strmap_get(&r->ids, ref);
	if (opensanctions_id(ref) || (n && strcmp(n->id, ref) == 0))
		return wl_arena_printf(&r->scratch, "%s-%s", FTM_PREFIX, ref);
	return ref;
}

/* referents, datasets, first_seen, last_seen, last_change and target. */
static int put_meta(ftm_reader *r, wl_entity *e, const json_t *o)
{
	static const char *const seen[] = {"first_seen", "last_seen", "last_change"};
	size_t i;
	const json_t *x;
	int rc = WL_OK;
	json_array_foreach(json_object_get(o, "referents"), i, x)
	{
		const char *ref = json_string_value(x);
		const char *target = referent_target(r, ref);
		if (!target)
			return oom();
		if (*ref && (rc = wl_entity_link(r->ds, e, "sameAs", target, ref, NULL, NULL)))
			return rc;
	}
	const json_t *datasets = json_object_get(o, "datasets");
	if (json_array_size(datasets)) {
		char *text = join(&r->scratch, datasets);
		if (!text || (rc = put_note(r, e, "datasets", text, NULL)))
			return text ? rc : oom();
	}
	for (i = 0; i < sizeof(seen) / sizeof(*seen); i++) {
		const char *v = json_string_value(json_object_get(o, seen[i]));
		if (v && (rc = put_note(r, e, seen[i], v, NULL)))
			return rc;
	}
	const json_t *target = json_object_get(o, "target");
	if (json_is_boolean(target))
		rc = put_note(r, e, "target", json_is_true(target) ? "true" : "false", NULL);
	return rc;
}

/* ---- pass 1: checking lines, counting datasets, collecting ids and things ---- */

/* The model's schema for an FtM schema to screen, or -1. */
static int screened_schema(const char *name)
{
	if (strcmp(name, "PublicBody") == 0)
		return WL_SCHEMA_ORGANIZATION;
	return wl_schema_from_name(name);
}

/* True for a string, or an array of strings. */
static bool strings(const json_t *v)
{
	if (json_is_string(v))
		return true;
	if (!json_is_array(v))
		return false;
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x))
			return false;
	}
	return true;
}

static int line_error(ftm_reader *r, unsigned long line, const char *field, const char *what)
{
	return wl_error_input(r->path, line, field, "%s", what);
}

/* The line as a JSON object, or NULL with the error set in *rc. */
static json_t *parse_line(ftm_reader *r, const char *p, size_t n, unsigned long line, int *rc)
{
	json_error_t jerr;
	json_t *o = json_loadb(p, n, 0, &jerr);
	if (!o) {
		*rc = wl_error_input(r->path, line, NULL, "invalid JSON: %s (column %d)", jerr.text,
		                     jerr.column);
		return NULL;
	}
	if (json_is_object(o))
		return o;
	json_decref(o);
	*rc = line_error(r, line, NULL, "not a JSON object: FtM JSON lines hold one entity a line");
	return NULL;
}

static int check_string(ftm_reader *r, const json_t *o, unsigned long line, const char *key)
{
	const json_t *v = json_object_get(o, key);
	if (json_is_string(v) && json_string_length(v) > 0)
		return WL_OK;
	return line_error(r, line, key, v ? "not a non-empty string" : "missing");
}

/* An optional member: absent, null, or of the expected shape. */
static int check_optional(ftm_reader *r, const json_t *o, unsigned long line, const char *key,
                          bool list)
{
	const json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v) || (list ? json_is_array(v) && strings(v) : json_is_string(v)))
		return WL_OK;
	return line_error(r, line, key, list ? "not a list of strings" : "not a string");
}

static int check_record(ftm_reader *r, const json_t *o, unsigned long line)
{
	int rc;
	if ((rc = check_string(r, o, line, "id")) || (rc = check_string(r, o, line, "schema")))
		return rc;
	const json_t *props = json_object_get(o, "properties");
	if (!json_is_object(props))
		return line_error(r, line, "properties", props ? "not an object" : "missing");
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)props, key, v)
	{
		if (!strings(v)) {
			char field[FIELD_MAX];
			snprintf(field, sizeof(field), "properties.%s", key);
			return line_error(r, line, field, "not a list of strings");
		}
	}
	static const char *const lists[] = {"referents", "datasets"};
	static const char *const texts[] = {"caption", "first_seen", "last_seen", "last_change"};
	for (size_t i = 0; i < 2; i++)
		if ((rc = check_optional(r, o, line, lists[i], true)))
			return rc;
	for (size_t i = 0; i < 4; i++)
		if ((rc = check_optional(r, o, line, texts[i], false)))
			return rc;
	return WL_OK;
}

static int count_datasets(ftm_reader *r, const json_t *o)
{
	size_t i;
	const json_t *x;
	json_array_foreach(json_object_get(o, "datasets"), i, x)
	{
		const char *name = json_string_value(x);
		uintptr_t count = (uintptr_t)wl_strmap_get(&r->datasets, name);
		if (!count && !(name = wl_arena_strdup(&r->scratch, name)))
			return oom();
		if (wl_strmap_put(&r->datasets, name, (void *)(count + 1)))
			return oom();
	}
	return WL_OK;
}

/* The newest last_seen date of the file dates the list. */
static void keep_last_seen(ftm_reader *r, const json_t *o)
{
	const char *v = json_string_value(json_object_get(o, "last_seen"));
	if (v && iso_date(v) == 10 && strncmp(v, r->last_seen, 10) > 0) {
		memcpy(r->last_seen, v, 10);
		r->last_seen[10] = '\0';
	}
}

static ftm_kind thing_kind(const char *schema, const ftm_relation **rel)
{
	for (size_t i = 0; i < sizeof(relations) / sizeof(*relations); i++)
		if (strcmp(schema, relations[i].schema) == 0) {
			*rel = &relations[i];
			return FTM_RELATION;
		}
	for (size_t i = 0; i < sizeof(thing_kinds) / sizeof(*thing_kinds); i++)
		if (strcmp(schema, thing_kinds[i].schema) == 0)
			return thing_kinds[i].kind;
	return FTM_OTHER;
}

static size_t count_values(const json_t *props)
{
	size_t n = 0;
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)props, key, v)
	{
		n += json_is_string(v) ? 1 : json_array_size(v);
	}
	return n;
}

static int add_pair(ftm_reader *r, ftm_thing *t, const char *key, const json_t *v)
{
	ftm_pair *p = &t->pairs[t->npairs++];
	p->prop = key;
	p->used = false;
	p->value = wl_arena_strndup(&r->scratch, json_string_value(v), json_string_length(v));
	return p->value ? WL_OK : oom();
}

/* Copies a thing's properties as pairs. */
static ftm_thing *collect_thing(ftm_reader *r, ftm_node *n, const char *schema, const json_t *o)
{
	ftm_thing *t = wl_arena_calloc(&r->scratch, sizeof(*t));
	const json_t *props = json_object_get(o, "properties");
	size_t total = count_values(props);
	if (!t || !(t->pairs = wl_arena_alloc(&r->scratch, (total ? total : 1) * sizeof(ftm_pair))))
		return NULL;
	t->id = n->id;
	t->caption = n->caption;
	t->kind = thing_kind(schema, &t->rel);
	if (!(t->schema = wl_arena_strdup(&r->scratch, schema)))
		return NULL;
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)props, key, v)
	{
		const char *k = wl_arena_strdup(&r->scratch, key);
		if (!k)
			return NULL;
		if (json_is_string(v) && add_pair(r, t, k, v))
			return NULL;
		size_t i;
		const json_t *x;
		json_array_foreach(v, i, x)
		{
			if (add_pair(r, t, k, x))
				return NULL;
		}
	}
	if (!grow((void **)&r->things, r->nthings, &r->capthings, sizeof(*r->things)))
		return NULL;
	r->things[r->nthings++] = t;
	return t;
}

/* Maps the line's id and referents to a node; keeps an entity's place or a thing's pairs. */
static int collect(ftm_reader *r, const json_t *o, const ftm_span *span)
{
	const char *schema = json_string_value(json_object_get(o, "schema"));
	const char *caption = json_string_value(json_object_get(o, "caption"));
	ftm_node *n = wl_arena_calloc(&r->scratch, sizeof(*n));
	if (!n ||
	    !(n->id = wl_arena_strdup(&r->scratch, json_string_value(json_object_get(o, "id")))))
		return oom();
	if (caption && *caption && !(n->caption = wl_arena_strdup(&r->scratch, caption)))
		return oom();
	if (wl_strmap_put(&r->ids, n->id, n))
		return oom();
	size_t i;
	const json_t *x;
	json_array_foreach(json_object_get(o, "referents"), i, x)
	{
		if (wl_strmap_get(&r->ids, json_string_value(x)))
			continue;
		const char *ref = wl_arena_strdup(&r->scratch, json_string_value(x));
		if (!ref || wl_strmap_put(&r->ids, ref, n))
			return oom();
	}
	n->screened = screened_schema(schema) >= 0;
	if (!n->screened)
		return (n->thing = collect_thing(r, n, schema, o)) ? WL_OK : oom();
	if (!grow((void **)&r->spans, r->nspans, &r->capspans, sizeof(*r->spans)))
		return oom();
	r->spans[r->nspans++] = *span;
	return WL_OK;
}

static int scan_line(ftm_reader *r, const ftm_span *span)
{
	int rc;
	json_t *o = parse_line(r, r->data + span->off, span->len, span->line, &rc);
	if (!o)
		return rc;
	if (!(rc = check_record(r, o, span->line)) && !(rc = count_datasets(r, o))) {
		keep_last_seen(r, o);
		rc = collect(r, o, span);
	}
	json_decref(o);
	return rc;
}

/* Calls scan_line for each line that is not blank; returns the number of lines or a WL_E* code. */
static long scan_lines(ftm_reader *r)
{
	long count = 0;
	size_t off = 0;
	for (unsigned long line = 1; off < r->len; line++) {
		const char *p = r->data + off;
		const char *nl = memchr(p, '\n', r->len - off);
		size_t n = nl ? (size_t)(nl - p) : r->len - off;
		ftm_span span = {off, n, line};
		off += n + (nl ? 1 : 0);
		size_t k = 0;
		while (k < n && isspace((unsigned char)p[k]))
			k++;
		if (k == n)
			continue;
		int rc = scan_line(r, &span);
		if (rc)
			return rc;
		count++;
	}
	return count;
}

/* ---- the source ---- */

/* The most common dataset (enrichment datasets "ext_*" only when there is no other). */
static const char *main_dataset(const ftm_reader *r)
{
	const char *best = NULL;
	uintptr_t best_n = 0;
	bool best_ext = true;
	for (size_t i = 0; i < r->datasets.cap; i++) {
		const wl_strmap_slot *s = &r->datasets.slots[i];
		if (!s->key)
			continue;
		uintptr_t n = (uintptr_t)s->value;
		bool ext = strncmp(s->key, "ext_", 4) == 0;
		if (!best || (best_ext && !ext) ||
		    (ext == best_ext &&
		     (n > best_n || (n == best_n && strcmp(s->key, best) < 0)))) {
			best = s->key;
			best_n = n;
			best_ext = ext;
		}
	}
	return best;
}

static int make_source(ftm_reader *r)
{
	const char *dataset = main_dataset(r);
	char name[DATASET_MAX + 4] = FTM_PREFIX "_", clean[DATASET_MAX];
	size_t n = 0;
	for (const char *p = dataset ? dataset : "ftm"; *p && n < DATASET_MAX - 1; p++)
		clean[n++] = isalnum((unsigned char)*p) ? (char)tolower((unsigned char)*p) : '_';
	clean[n] = '\0';
	strcat(name, clean);
	char title[DATASET_MAX + 32], url[DATASET_MAX + 64];
	snprintf(title, sizeof(title), "OpenSanctions: %s", clean);
	snprintf(url, sizeof(url), "https://www.opensanctions.org/datasets/%s/", clean);
	wl_source s = {.name = name,
	               .title = title,
	               .format = "ftm_json",
	               .publisher = "OpenSanctions",
	               .url = url,
	               .list_date = r->last_seen[0] ? r->last_seen : NULL,
	               .licence = "CC BY-NC 4.0 (OpenSanctions data: non-commercial use)"};
	return r->src = wl_dataset_source(r->ds, &s);
}

/* ---- pass 2: the entities to screen ---- */

static int read_entity(ftm_reader *r, const ftm_span *span)
{
	int rc;
	json_t *o = parse_line(r, r->data + span->off, span->len, span->line, &rc);
	if (!o)
		return rc;
	const char *id = json_string_value(json_object_get(o, "id"));
	int schema = screened_schema(json_string_value(json_object_get(o, "schema")));
	wl_entity *e = wl_dataset_entity(r->ds, r->src, FTM_PREFIX, id, (wl_schema)schema);
	if (!e) {
		json_decref(o);
		return oom();
	}
	ftm_node *n = wl_strmap_get(&r->ids, id);
	if (n && n->screened)
		n->entity = e;
	const json_t *props = json_object_get(o, "properties");
	rc = put_names(r, e, o, json_object_get(props, "name"));
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)props, key, v)
	{
		if (!rc && strcmp(key, "name") != 0)
			rc = put_values(r, e, key, v);
	}
	if (!rc)
		rc = put_meta(r, e, o);
	json_decref(o);
	return rc;
}

/* ---- folding the things into the entities ---- */

static wl_entity *entity_of(const ftm_reader *r, const char *ftm_id)
{
	const ftm_node *n = wl_strmap_get(&r->ids, ftm_id);
	return n && n->screened ? n->entity : NULL;
}

static const char *first_of(const ftm_thing *t, const char *prop)
{
	for (size_t i = 0; i < t->npairs; i++)
		if (strcmp(t->pairs[i].prop, prop) == 0)
			return t->pairs[i].value;
	return NULL;
}

static void mark(ftm_thing *t, const char *prop)
{
	for (size_t i = 0; i < t->npairs; i++)
		if (strcmp(t->pairs[i].prop, prop) == 0)
			t->pairs[i].used = true;
}

static void unmark(ftm_thing *t)
{
	for (size_t i = 0; i < t->npairs; i++)
		t->pairs[i].used = false;
}

/* Puts each value of a thing's property as prop; returns how many were put, or a WL_E* code. */
static int put_all(ftm_reader *r, ftm_thing *t, wl_entity *e, const char *key, wl_prop prop,
                   const wl_fact *fact)
{
	int put = 0;
	for (size_t i = 0; i < t->npairs; i++) {
		ftm_pair *p = &t->pairs[i];
		if (strcmp(p->prop, key) != 0)
			continue;
		int rc = put_typed(r, e, prop, p->value, fact);
		if (rc < 0)
			return rc;
		p->used = rc > 0;
		put += rc;
	}
	return put;
}

/* What the thing holds beyond what was folded: notes "Schema.prop: value". */
static int note_rest(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	for (size_t i = 0; i < t->npairs; i++) {
		const ftm_pair *p = &t->pairs[i];
		if (p->used)
			continue;
		char *label = wl_arena_printf(&r->scratch, "%s.%s", t->schema, p->prop);
		int rc = label ? put_note(r, e, label, p->value, t->id) : oom();
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* Joins the address's parts when it has no full text. */
static char *address_text(ftm_reader *r, const ftm_thing *t, const char *country)
{
	static const char *const parts[] = {"street",     "street2", "postOfficeBox", "city",
	                                    "postalCode", "region",  "state"};
	char *out = NULL;
	for (size_t k = 0; k < sizeof(parts) / sizeof(*parts); k++) {
		const char *v = first_of(t, parts[k]);
		if (v && !(out = out ? wl_arena_printf(&r->scratch, "%s, %s", out, v)
		                     : wl_arena_strdup(&r->scratch, v)))
			return NULL;
	}
	const char *cname = country ? wl_country_name(country) : NULL;
	if (out && cname)
		out = wl_arena_printf(&r->scratch, "%s, %s", out, cname);
	return out;
}

static int fold_address(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	const char *country = country_code(first_of(t, "country"));
	wl_fact f = {.country = country, .record = t->id};
	unmark(t);
	int put = put_all(r, t, e, "full", WL_PROP_ADDRESS, &f);
	if (put != 0)
		return put < 0 ? put : WL_OK;
	char *text = address_text(r, t, country);
	return text ? wl_entity_puts(r->ds, e, WL_PROP_ADDRESS, text, &f) : WL_OK;
}

static int fold_sanction(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	unmark(t);
	mark(t, "entity");
	const char *authority = first_of(t, "authority");
	const char *country = country_code(first_of(t, "country"));
	wl_fact f = {.detail = authority, .country = country, .record = t->id};
	int put =
	    put_all(r, t, e, first_of(t, "program") ? "program" : "programId", WL_PROP_PROGRAM, &f);
	if (put < 0)
		return put;
	if (put > 0) {
		mark(t, "authority");
		if (country)
			mark(t, "country");
	}
	wl_fact own = {.record = t->id};
	int rc;
	if ((rc = put_all(r, t, e, first_of(t, "listingDate") ? "listingDate" : "startDate",
	                  WL_PROP_LISTING_DATE, &own)) < 0 ||
	    (rc = put_all(r, t, e, "unscId", WL_PROP_UNSC_ID, &own)) < 0 ||
	    (rc = put_all(r, t, e, "sourceUrl", WL_PROP_SOURCE_URL, &own)) < 0)
		return rc;
	return note_rest(r, t, e);
}

static int fold_identification(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	unmark(t);
	mark(t, "holder");
	const char *type = first_of(t, "type");
	const char *country = country_code(first_of(t, "country"));
	wl_prop prop = t->kind == FTM_PASSPORT || (type && strcasestr(type, "passport"))
	                   ? WL_PROP_PASSPORT_NUMBER
	                   : WL_PROP_ID_NUMBER;
	wl_fact f = {.detail = type, .country = country, .record = t->id};
	int a = put_all(r, t, e, "number", prop, &f);
	int b = a < 0 ? 0 : put_all(r, t, e, "passportNumber", WL_PROP_PASSPORT_NUMBER, &f);
	if (a < 0 || b < 0)
		return a < 0 ? a : b;
	if (a + b > 0) {
		mark(t, "type");
		if (country)
			mark(t, "country");
	}
	return note_rest(r, t, e);
}

static int fold_wallet(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	unmark(t);
	mark(t, "holder");
	const char *currency = first_of(t, "currencySymbol");
	char *detail = currency ? wl_arena_printf(&r->scratch, "crypto wallet (%s)", currency)
	                        : "crypto wallet";
	if (!detail)
		return oom();
	wl_fact f = {.detail = detail, .record = t->id};
	int put = put_all(r, t, e, "publicKey", WL_PROP_ID_NUMBER, &f);
	if (put < 0)
		return put;
	if (put > 0)
		mark(t, "currencySymbol");
	return note_rest(r, t, e);
}

/* Occupancy: the holder holds the post, a Position; its name becomes the holder's position. */
static int fold_occupancy(ftm_reader *r, ftm_thing *t, wl_entity *e)
{
	unmark(t);
	mark(t, "holder");
	const char *status = first_of(t, "status");
	wl_fact f = {.detail = status, .record = t->id};
	for (size_t i = 0; i < t->npairs; i++) {
		ftm_pair *p = &t->pairs[i];
		if (strcmp(p->prop, "post") != 0)
			continue;
		const ftm_node *n = wl_strmap_get(&r->ids, p->value);
		const ftm_thing *post = n ? n->thing : NULL;
		const char *name = post ? first_of(post, "name") : NULL;
		if (!name && post)
			name = post->caption;
		if (!name)
			continue;
		int rc = wl_entity_puts(r->ds, e, WL_PROP_POSITION, name, &f);
		if (rc)
			return rc;
		p->used = true;
		if (status)
			mark(t, "status");
	}
	return note_rest(r, t, e);
}

/* A relationship's detail: its role or relationship, then its other facts ("startDate: ..."). */
static char *relation_detail(ftm_reader *r, const ftm_thing *t)
{
	char *out = NULL;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < t->npairs; i++) {
			const ftm_pair *p = &t->pairs[i];
			bool is_detail = strcmp(p->prop, t->rel->detail) == 0;
			if (strcmp(p->prop, t->rel->from) == 0 ||
			    strcmp(p->prop, t->rel->to) == 0 || is_detail != (pass == 0))
				continue;
			out = wl_arena_printf(&r->scratch, "%s%s%s%s%s", out ? out : "",
			                      out ? "; " : "", is_detail ? "" : p->prop,
			                      is_detail ? "" : ": ", p->value);
			if (!out)
				return NULL;
		}
	if (out && strlen(out) >= DETAIL_MAX) { /* cut, not in the middle of a character */
		size_t n = DETAIL_MAX - 1;
		while (n && ((unsigned char)out[n] & 0xC0) == 0x80)
			n--;
		out[n] = '\0';
	}
	return out;
}

/* The link from a relationship's first party to its second; a note when only the second is here. */
static int fold_relation(ftm_reader *r, ftm_thing *t)
{
	const ftm_relation *rel = t->rel;
	char *detail = relation_detail(r, t);
	for (size_t i = 0; i < t->npairs; i++) {
		if (strcmp(t->pairs[i].prop, rel->from) != 0)
			continue;
		const char *from = t->pairs[i].value;
		wl_entity *ef = entity_of(r, from);
		for (size_t j = 0; j < t->npairs; j++) {
			if (strcmp(t->pairs[j].prop, rel->to) != 0)
				continue;
			const char *to = t->pairs[j].value;
			wl_entity *et = ef ? NULL : entity_of(r, to);
			int rc = WL_OK;
			if (ef) {
				rc = link_to(r, ef, rel->type, to, detail, t->id);
			} else if (et) {
				const ftm_node *n = wl_strmap_get(&r->ids, from);
				char *label =
				    wl_arena_printf(&r->scratch, "%s.%s", rel->schema, rel->from);
				char *value = wl_arena_printf(
				    &r->scratch, "%s%s%s", n && n->caption ? n->caption : from,
				    detail ? "; " : "", detail ? detail : "");
				rc = label && value ? put_note(r, et, label, value, t->id) : oom();
			}
			if (rc)
				return rc;
		}
	}
	return WL_OK;
}

/* Any other thing: a note "Schema: caption" on each entity it names. */
static int fold_other(ftm_reader *r, ftm_thing *t)
{
	for (size_t i = 0; i < t->npairs; i++) {
		wl_entity *e = entity_of(r, t->pairs[i].value);
		if (!e)
			continue;
		int rc = put_note(r, e, t->schema, t->caption ? t->caption : t->id, t->id);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* Calls fold for each entity the thing's property `ref` names. */
static int fold_into(ftm_reader *r, ftm_thing *t, const char *ref,
                     int (*fold)(ftm_reader *, ftm_thing *, wl_entity *))
{
	for (size_t i = 0; i < t->npairs; i++) {
		if (strcmp(t->pairs[i].prop, ref) != 0)
			continue;
		wl_entity *e = entity_of(r, t->pairs[i].value);
		int rc = e ? fold(r, t, e) : WL_OK;
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int fold_thing(ftm_reader *r, ftm_thing *t)
{
	switch (t->kind) {
	case FTM_SANCTION:
		return fold_into(r, t, "entity", fold_sanction);
	case FTM_IDENTIFICATION:
	case FTM_PASSPORT:
		return fold_into(r, t, "holder", fold_identification);
	case FTM_WALLET:
		return fold_into(r, t, "holder", fold_wallet);
	case FTM_OCCUPANCY:
		return fold_into(r, t, "holder", fold_occupancy);
	case FTM_RELATION:
		return fold_relation(r, t);
	case FTM_OTHER:
		return fold_other(r, t);
	default: /* addresses and positions: folded where they are named */
		return WL_OK;
	}
}

/* ---- the reader ---- */

static int read_all(ftm_reader *r, int *source)
{
	long lines = scan_lines(r);
	if (lines < 0)
		return (int)lines;
	if (lines == 0)
		return wl_error_input(r->path, 0, NULL, "no FtM entities: the file is empty");
	int rc = make_source(r);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < r->nspans; i++)
		if ((rc = read_entity(r, &r->spans[i])))
			return rc;
	for (size_t i = 0; i < r->nthings; i++)
		if ((rc = fold_thing(r, r->things[i])))
			return rc;
	if (source)
		*source = r->src;
	return WL_OK;
}

int wl_ftm_json_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                         int *source)
{
	ftm_reader r = {.ds = ds, .path = path, .data = data, .len = len, .src = -1};
	if (source)
		*source = -1;
	wl_arena_init(&r.scratch);
	wl_strmap_init(&r.ids);
	wl_strmap_init(&r.datasets);
	int rc = read_all(&r, source);
	wl_strmap_free(&r.ids);
	wl_strmap_free(&r.datasets);
	wl_arena_free(&r.scratch);
	free(r.things);
	free(r.spans);
	return rc;
}

/* Skips white space; NULL at the end. */
static const char *skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p < end ? p : NULL;
}

/* 1 when the JSON object has a string "schema" and an object "properties", 0 when not, -1 when no
 * JSON. */
static int ftm_object(const char *p, size_t n)
{
	json_t *o = json_loadb(p, n, 0, NULL);
	if (!o)
		return -1;
	int yes = json_is_object(o) && json_is_string(json_object_get(o, "schema")) &&
	          json_is_object(json_object_get(o, "properties"));
	json_decref(o);
	return yes;
}

/*
 * The first line is an FtM entity: 90. A first line that is no JSON (longer
 * than the head, or cut short) but starts with "id" or "schema" and has
 * the keys: 50, so that a truncated export is read and fails with its line
 * rather than go unrecognised.
 */
static int ftm_sniff(const char *path, const char *head, size_t n)
{
	const char *end = head + n, *p = skip_space(head, end);
	if (!p || *p != '{')
		return WL_SNIFF_NO;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	size_t len = (size_t)((nl ? nl : end) - p);
	int is = ftm_object(p, len);
	if (is >= 0)
		return is ? 90 : WL_SNIFF_NO;
	const char *q = skip_space(p + 1, p + len);
	size_t rest = q ? (size_t)(p + len - q) : 0;
	bool entity_key =
	    (rest >= 4 && !memcmp(q, "\"id\"", 4)) || (rest >= 8 && !memcmp(q, "\"schema\"", 8));
	return entity_key && memmem(p, len, "\"schema\"", 8) && memmem(p, len, "\"properties\"", 12)
	           ? 50
	           : WL_SNIFF_NO;
}

static int ftm_read(wl_dataset *ds, const char *path)
{
	char *data;
	size_t len;
	int rc = wl_read_file(path, &data, &len);
	if (rc)
		return rc;
	int src = -1;
	rc = wl_ftm_json_read_mem(ds, path, data, len, &src);
	free(data);
	if (rc)
		return rc;
	return wl_dataset_source_file(ds, src, path, "entities");
}

const wl_reader wl_reader_ftm_json = {
    .name = "ftm_json",
    .description = "FollowTheMoney JSON lines (OpenSanctions entities.ftm.json)",
    .sniff = ftm_sniff,
    .read = ftm_read,
};
