/*
 * misp_galaxy.c - MISP galaxy cluster files to threat-actor entities.
 *
 * MISP (https://github.com/MISP/misp-galaxy) publishes its knowledge of
 * threat actors as "galaxies": one JSON file per galaxy, with the galaxy's
 * type, name and version and an array "values" of clusters. A cluster is one
 * actor: a uuid, a "value" (its name), a description, a "meta" object of
 * loosely typed facts and "related" links to other clusters by uuid.
 *
 * Each galaxy is its own source ("misp_" + type, '-' made '_'), so that an
 * actor's record in threat-actor.json and its record in
 * microsoft-activity-group.json stay two records with their own provenance;
 * actor_links.c joins them afterwards. Every cluster becomes an Organization
 * "misp-<uuid>" with topic crime.cyber. What meta holds:
 *
 *   synonyms              alias (each, unless it repeats the name or an alias)
 *   name-attribution      "NAME:<uuid>": NAME as alias unless already one
 *   country               country, detail "attribution" (ISO code, checked)
 *   cfr-suspected-state-sponsor, microsoft-origin-threat
 *                         notes; and a country when the text is one and new
 *   external_id           idNumber, detail "MITRE ATT&CK group"
 *   refs                  sourceUrl
 *   cfr-*, sector, motive, ...  notes ("Label: a, b, c")
 *
 * mitre-intrusion-set clusters are named "ZIRCONIUM - G0128": the name is
 * kept without the " - G0128" (the id is an idNumber), the list's wording as
 * the value's original; their descriptions, copied from ATT&CK, are made
 * plain text as attack_stix.c does. Unknown fields are ignored; a cluster without a uuid
 * or a value is an error that names its place ("values[12].uuid").
 */
#include "misp_galaxy.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attack_stix.h"
#include "model/error.h"
#include "reader.h"
#include "text/countries.h"

#define FIELD_MAX 64
#define TYPE_MAX  64

/* meta keys that become notes, the label a note starts with, and whether it may name a country */
static const struct note_key {
	const char *key, *label;
	bool country;
} note_keys[] = {
    {"cfr-suspected-state-sponsor", "Suspected state sponsor (CFR)", true},
    {"microsoft-origin-threat", "Origin/threat (Microsoft)", true},
    {"attribution-confidence", "Attribution confidence", false},
    {"cfr-type-of-incident", "Type of incident (CFR)", false},
    {"cfr-suspected-victims", "Suspected victims (CFR)", false},
    {"cfr-target-category", "Target category (CFR)", false},
    {"suspected-victims", "Suspected victims", false},
    {"targeted-sector", "Targeted sectors", false},
    {"sector", "Sector", false},
    {"motive", "Motive", false},
    {"since", "Active since", false},
    {"threat-actor-classification", "Classification", false},
};

/* Puts a JSON string; anything else is ignored. */
static int put_json(wl_dataset *ds, wl_entity *e, wl_prop prop, const json_t *v,
                    const wl_fact *fact)
{
	if (!json_is_string(v))
		return WL_OK;
	return wl_entity_put(ds, e, prop, json_string_value(v), json_string_length(v), fact);
}

/* Puts a string or each string of an array. */
static int put_json_all(wl_dataset *ds, wl_entity *e, wl_prop prop, const json_t *v,
                        const wl_fact *fact)
{
	if (!json_is_array(v))
		return put_json(ds, e, prop, v, fact);
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		int rc = put_json(ds, e, prop, x, fact);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* True when the entity has a value of prop with this text, in any case. */
static bool has_value(const wl_entity *e, wl_prop prop, const char *text)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop && strcasecmp(e->values[i].text, text) == 0)
			return true;
	return false;
}

/* meta.country: an ISO code as MISP writes it ("CN"). */
static int put_country(wl_dataset *ds, wl_entity *e, const json_t *v)
{
	if (!json_is_string(v))
		return WL_OK;
	const char *code = wl_country_code(json_string_value(v), json_string_length(v));
	if (!code)
		return WL_OK;
	wl_fact f = {.detail = "attribution", .original = json_string_value(v)};
	return wl_entity_puts(ds, e, WL_PROP_COUNTRY, code, &f);
}

/* A country named in a note's text ("China", "Iran, Influence operations"), if new. */
static int put_country_from_note(wl_dataset *ds, wl_entity *e, const char *label, const json_t *v)
{
	if (!json_is_string(v))
		return WL_OK;
	const char *s = json_string_value(v);
	size_t n = strcspn(s, ",");
	const char *code = wl_country_code(s, n);
	if (!code || has_value(e, WL_PROP_COUNTRY, code))
		return WL_OK;
	wl_fact f = {.detail = label, .original = s};
	return wl_entity_puts(ds, e, WL_PROP_COUNTRY, code, &f);
}

/* Joins a string or the strings of an array with ", " after a label, in the arena. */
static char *note_text(wl_arena *a, const char *label, const json_t *v)
{
	size_t n = strlen(label) + 3, i;
	const json_t *x;
	if (json_is_string(v))
		n += json_string_length(v);
	json_array_foreach(v, i, x)
	{
		if (json_is_string(x))
			n += json_string_length(x) + 2;
	}
	char *out = wl_arena_alloc(a, n);
	if (!out)
		return NULL;
	size_t len = (size_t)snprintf(out, n, "%s:", label), first = len;
	if (json_is_string(v))
		len += (size_t)snprintf(out + len, n - len, " %s", json_string_value(v));
	json_array_foreach(v, i, x)
	{
		if (json_is_string(x))
			len += (size_t)snprintf(out + len, n - len, "%s %s", len > first ? "," : "",
			                        json_string_value(x));
	}
	return len > first ? out : NULL;
}

static int put_notes(wl_dataset *ds, wl_entity *e, const json_t *meta)
{
	for (size_t k = 0; k < sizeof(note_keys) / sizeof(note_keys[0]); k++) {
		const json_t *v = json_object_get(meta, note_keys[k].key);
		if (!v)
			continue;
		char *text = note_text(&ds->arena, note_keys[k].label, v);
		int rc = text ? wl_entity_puts(ds, e, WL_PROP_NOTES, text, NULL) : WL_OK;
		if (!rc && note_keys[k].country)
			rc = put_country_from_note(ds, e, note_keys[k].label, v);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* True when the entity has the text as a name or alias already, in any case. */
static bool has_name(const wl_entity *e, const char *text)
{
	return has_value(e, WL_PROP_NAME, text) || has_value(e, WL_PROP_ALIAS, text);
}

/* meta.synonyms: aliases, less those that repeat the name or one another in another case. */
static int put_synonyms(wl_dataset *ds, wl_entity *e, const json_t *v)
{
	if (json_is_string(v) && !has_name(e, json_string_value(v)))
		return put_json(ds, e, WL_PROP_ALIAS, v, NULL);
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		int rc = json_is_string(x) && !has_name(e, json_string_value(x))
		             ? put_json(ds, e, WL_PROP_ALIAS, x, NULL)
		             : WL_OK;
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* meta.name-attribution: "APT31:<uuid>" entries; the name is an alias unless already one. */
static int put_name_attribution(wl_dataset *ds, wl_entity *e, const json_t *v)
{
	size_t i;
	const json_t *x;
	json_array_foreach(v, i, x)
	{
		if (!json_is_string(x))
			continue;
		const char *s = json_string_value(x);
		const char *colon = strrchr(s, ':');
		char *name =
		    wl_arena_strndup(&ds->arena, s, colon ? (size_t)(colon - s) : strlen(s));
		if (!name)
			return wl_error_set(WL_ENOMEM, "out of memory");
		if (has_name(e, name))
			continue;
		int rc = wl_entity_puts(ds, e, WL_PROP_ALIAS, name, NULL);
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int put_meta(wl_dataset *ds, wl_entity *e, const json_t *meta)
{
	if (!json_is_object(meta))
		return WL_OK;
	wl_fact attack = {.detail = "MITRE ATT&CK group"};
	int rc;
	if ((rc = put_synonyms(ds, e, json_object_get(meta, "synonyms"))) ||
	    (rc = put_name_attribution(ds, e, json_object_get(meta, "name-attribution"))) ||
	    (rc = put_country(ds, e, json_object_get(meta, "country"))) ||
	    (rc = put_json(ds, e, WL_PROP_ID_NUMBER, json_object_get(meta, "external_id"),
	                   &attack)) ||
	    (rc = put_json_all(ds, e, WL_PROP_SOURCE_URL, json_object_get(meta, "refs"), NULL)))
		return rc;
	return put_notes(ds, e, meta);
}

/* The cluster's name: its value, less a " - Gnnnn" suffix that repeats meta.external_id. */
static int put_name(wl_dataset *ds, wl_entity *e, const json_t *value, const json_t *meta)
{
	const char *name = json_string_value(value);
	size_t n = json_string_length(value);
	const char *id = json_string_value(json_object_get(meta, "external_id"));
	size_t idn = id ? strlen(id) : 0;
	if (id && idn && n > idn + 3 && memcmp(name + n - idn - 3, " - ", 3) == 0 &&
	    strcmp(name + n - idn, id) == 0) {
		wl_fact f = {.original = name};
		return wl_entity_put(ds, e, WL_PROP_NAME, name, n - idn - 3, &f);
	}
	return wl_entity_put(ds, e, WL_PROP_NAME, name, n, NULL);
}

/* The description; mitre-intrusion-set copies ATT&CK's, Markdown links and all. */
static int put_description(wl_dataset *ds, wl_entity *e, const json_t *v)
{
	if (!json_is_string(v))
		return WL_OK;
	char *text = wl_attack_plain_text(&ds->arena, json_string_value(v), json_string_length(v));
	if (!text)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return wl_entity_puts(ds, e, WL_PROP_DESCRIPTION, text, NULL);
}

/* related: [{"dest-uuid": ..., "type": "similar"}] -> links to "misp-<dest-uuid>". */
static int put_related(wl_dataset *ds, wl_entity *e, const json_t *related)
{
	size_t i;
	const json_t *r;
	json_array_foreach(related, i, r)
	{
		const char *dest = json_string_value(json_object_get(r, "dest-uuid"));
		const char *type = json_string_value(json_object_get(r, "type"));
		if (!dest || !*dest)
			continue;
		char *target = wl_arena_printf(&ds->arena, "misp-%s", dest);
		if (!target)
			return wl_error_set(WL_ENOMEM, "out of memory");
		int rc = wl_entity_link(ds, e, "related", target, NULL, type, NULL);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* A string member that must be there and not be empty; else an error naming values[i].key. */
static const json_t *required(const json_t *c, const char *path, size_t i, const char *key)
{
	const json_t *v = json_object_get(c, key);
	if (json_is_string(v) && json_string_length(v) > 0)
		return v;
	char field[FIELD_MAX];
	snprintf(field, sizeof(field), "values[%zu].%s", i, key);
	wl_error_input(path, 0, field, "%s", v ? "not a non-empty string" : "missing");
	return NULL;
}

static int read_cluster(wl_dataset *ds, int src, const char *path, size_t i, const json_t *c)
{
	const json_t *uuid = required(c, path, i, "uuid");
	const json_t *value = uuid ? required(c, path, i, "value") : NULL;
	if (!value)
		return WL_EINPUT;
	wl_entity *e =
	    wl_dataset_entity(ds, src, "misp", json_string_value(uuid), WL_SCHEMA_ORGANIZATION);
	if (!e)
		return wl_error_set(WL_ENOMEM, "out of memory");
	const json_t *meta = json_object_get(c, "meta");
	int rc;
	if ((rc = put_name(ds, e, value, meta)) ||
	    (rc = wl_entity_puts(ds, e, WL_PROP_TOPICS, "crime.cyber", NULL)) ||
	    (rc = put_meta(ds, e, meta)) ||
	    (rc = put_description(ds, e, json_object_get(c, "description"))) ||
	    (rc = put_related(ds, e, json_object_get(c, "related"))))
		return rc;
	if (json_is_true(json_object_get(c, "revoked")))
		return wl_entity_puts(ds, e, WL_PROP_STATUS, "revoked", NULL);
	return WL_OK;
}

/* The galaxy's source, named after its type; returns its index or a WL_E* code. */
static int galaxy_source(wl_dataset *ds, const char *path, const json_t *root)
{
	const char *type = json_string_value(json_object_get(root, "type"));
	if (!type || !*type)
		return wl_error_input(path, 0, "type",
		                      "missing: the galaxy's type names its source");
	char name[TYPE_MAX + 8] = "misp_";
	size_t n = strlen(name);
	for (const char *p = type; *p; p++, n++) {
		if (n >= sizeof(name) - 1 ||
		    !(isalnum((unsigned char)*p) || *p == '-' || *p == '_'))
			return wl_error_input(path, 0, "type", "\"%.*s\" is not a galaxy type",
			                      TYPE_MAX, type);
		name[n] = *p == '-' ? '_' : (char)tolower((unsigned char)*p);
	}
	name[n] = '\0';
	const char *gname = json_string_value(json_object_get(root, "name"));
	const json_t *version = json_object_get(root, "version");
	char title[256];
	if (json_is_integer(version))
		snprintf(title, sizeof(title), "MISP galaxy: %s (version %" JSON_INTEGER_FORMAT ")",
		         gname ? gname : type, json_integer_value(version));
	else
		snprintf(title, sizeof(title), "MISP galaxy: %s", gname ? gname : type);
	wl_source s = {.name = name,
	               .title = title,
	               .format = "misp_galaxy",
	               .publisher = "MISP Project",
	               .url = "https://github.com/MISP/misp-galaxy",
	               .licence = "CC0 1.0 or BSD-2-Clause"};
	return wl_dataset_source(ds, &s);
}

int wl_misp_galaxy_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, 0, &jerr);
	if (!root)
		return wl_error_input(path, jerr.line > 0 ? (unsigned long)jerr.line : 0, NULL,
		                      "invalid JSON: %s (column %d)", jerr.text, jerr.column);
	int rc;
	const json_t *values = json_object_get(root, "values");
	if (!json_is_array(values)) {
		rc = wl_error_input(path, 0, "values", "missing: not a MISP galaxy cluster file");
		goto out;
	}
	int src = rc = galaxy_source(ds, path, root);
	if (rc < 0)
		goto out;
	rc = WL_OK;
	size_t i;
	const json_t *c;
	json_array_foreach(values, i, c)
	{
		if ((rc = read_cluster(ds, src, path, i, c)))
			goto out;
	}
	if (source)
		*source = src;
out:
	json_decref(root);
	return rc;
}

/* Skips white space; NULL at the end. */
static const char *skip_space(const char *p, const char *end)
{
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p < end ? p : NULL;
}

/* True when the head has the JSON key "key" followed by ':' and the character c. */
static bool has_key_then(const char *head, size_t n, const char *key, char c)
{
	const char *end = head + n;
	size_t kn = strlen(key);
	for (const char *p = memmem(head, n, key, kn); p;
	     p = memmem(p + 1, (size_t)(end - p - 1), key, kn)) {
		const char *q = skip_space(p + kn, end);
		if (q && *q == ':' && (q = skip_space(q + 1, end)) && *q == c)
			return true;
	}
	return false;
}

static int misp_sniff(const char *path, const char *head, size_t n)
{
	const char *p = skip_space(head, head + n);
	if (!p || *p != '{')
		return WL_SNIFF_NO;
	if (!has_key_then(head, n, "\"values\"", '[') || !has_key_then(head, n, "\"uuid\"", '"'))
		return WL_SNIFF_NO;
	if (has_key_then(head, n, "\"authors\"", '[') ||
	    has_key_then(head, n, "\"category\"", '"') || has_key_then(head, n, "\"type\"", '"'))
		return 90;
	return WL_SNIFF_NO;
}

static int misp_read(wl_dataset *ds, const char *path)
{
	char *data;
	size_t len;
	int rc = wl_read_file(path, &data, &len);
	if (rc)
		return rc;
	int src = -1;
	rc = wl_misp_galaxy_read_mem(ds, path, data, len, &src);
	free(data);
	if (rc)
		return rc;
	return wl_dataset_source_file(ds, src, path, "clusters");
}

const wl_reader wl_reader_misp_galaxy = {
    .name = "misp_galaxy",
    .description = "MISP galaxy cluster files (threat-actor.json, mitre-intrusion-set.json, ...)",
    .sniff = misp_sniff,
    .read = misp_read,
};
