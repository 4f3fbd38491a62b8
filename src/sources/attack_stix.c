/*
 * attack_stix.c - MITRE ATT&CK STIX 2 bundles to threat-actor entities.
 *
 * MITRE publishes ATT&CK (https://github.com/mitre/cti) as STIX 2.0 JSON:
 * a bundle {"type": "bundle", "objects": [...]} of typed objects. A group
 * is an object of type "intrusion-set": its name, its aliases (the name
 * repeats among them: the model keeps it once), a Markdown description,
 * "modified", "revoked" and "x_mitre_deprecated", and external_references,
 * of which the one with source_name "mitre-attack" carries the group's
 * ATT&CK id ("G0128") and its page.
 *
 * Every intrusion set becomes an Organization "attack-<Gnnnn>" with topic
 * crime.cyber, record = the ATT&CK id, which is also its idNumber. An alias
 * that repeats the name or another alias (in any case) is dropped. The
 * description loses its Markdown links ("[APT38](https://...)" -> "APT38")
 * and "(Citation: ...)" markers, which mean nothing outside ATT&CK. Other
 * object types are skipped. All bundles feed one source, "mitre_attack",
 * whose list date is the latest "modified" date of any group read so far:
 * ATT&CK has no list date of its own, and a group's record changes only
 * when the list does.
 */
#include "attack_stix.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/error.h"
#include "reader.h"

#define FIELD_MAX 64
#define DATE_LEN  10 /* YYYY-MM-DD */

static int attack_source(wl_dataset *ds)
{
	wl_source s = {.name = "mitre_attack",
	               .title = "MITRE ATT&CK Enterprise groups",
	               .format = "attack_stix",
	               .publisher = "The MITRE Corporation",
	               .url = "https://attack.mitre.org/groups/",
	               .licence = "MITRE ATT&CK terms of use"};
	return wl_dataset_source(ds, &s);
}

/* The external reference {"source_name": "mitre-attack", "external_id": ...}, or NULL. */
static const json_t *attack_ref(const json_t *obj)
{
	size_t i;
	const json_t *r;
	json_array_foreach(json_object_get(obj, "external_references"), i, r)
	{
		const char *name = json_string_value(json_object_get(r, "source_name"));
		const char *id = json_string_value(json_object_get(r, "external_id"));
		if (name && strcmp(name, "mitre-attack") == 0 && id && *id)
			return r;
	}
	return NULL;
}

/* The YYYY-MM-DD date at the start of a STIX timestamp, in the arena; NULL if none. */
static char *stix_date(wl_arena *a, const char *ts)
{
	static const char shape[] = "dddd-dd-dd";
	if (!ts || strlen(ts) < DATE_LEN)
		return NULL;
	for (size_t i = 0; i < DATE_LEN; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)ts[i]) : ts[i] != shape[i])
			return NULL;
	int month = (ts[5] - '0') * 10 + ts[6] - '0', day = (ts[8] - '0') * 10 + ts[9] - '0';
	if (month < 1 || month > 12 || day < 1 || day > 31)
		return NULL;
	return wl_arena_strndup(a, ts, DATE_LEN);
}

/* Makes the source's list date the later of it and date. */
static void update_list_date(wl_dataset *ds, int src, const char *date)
{
	wl_source *s = &ds->sources[src];
	if (date && (!s->list_date || strcmp(date, s->list_date) > 0))
		s->list_date = date;
}

/* Length of a "(Citation: ...)" marker at p, or 0. */
static size_t citation_len(const char *p, const char *end)
{
	static const char open[] = "(Citation:";
	if ((size_t)(end - p) < sizeof(open) - 1 || memcmp(p, open, sizeof(open) - 1) != 0)
		return 0;
	const char *close = memchr(p, ')', (size_t)(end - p));
	return close ? (size_t)(close - p + 1) : 0;
}

/*
 * A Markdown link "[text](url)" at p: returns its length and sets *text and
 * *tn to its text; 0 if there is none.
 */
static size_t link_len(const char *p, const char *end, const char **text, size_t *tn)
{
	if (*p != '[')
		return 0;
	const char *rb = memchr(p, ']', (size_t)(end - p));
	if (!rb || rb + 1 >= end || rb[1] != '(')
		return 0;
	const char *rp = memchr(rb, ')', (size_t)(end - rb));
	if (!rp)
		return 0;
	*text = p + 1;
	*tn = (size_t)(rb - p - 1);
	return (size_t)(rp - p + 1);
}

/* Markdown links to their text, citation markers dropped (see attack_stix.h). */
char *wl_attack_plain_text(wl_arena *a, const char *s, size_t n)
{
	char *out = wl_arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	const char *p = s, *end = s + n;
	size_t j = 0;
	while (p < end) {
		const char *text;
		size_t tn, skip;
		if ((skip = citation_len(p, end))) {
			p += skip;
		} else if ((skip = link_len(p, end, &text, &tn))) {
			memcpy(out + j, text, tn);
			j += tn;
			p += skip;
		} else {
			out[j++] = *p++;
		}
	}
	out[j] = '\0';
	return out;
}

static int put_description(wl_dataset *ds, wl_entity *e, const json_t *v)
{
	if (!json_is_string(v))
		return WL_OK;
	char *text = wl_attack_plain_text(&ds->arena, json_string_value(v), json_string_length(v));
	if (!text)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return wl_entity_puts(ds, e, WL_PROP_DESCRIPTION, text, NULL);
}

/* True when the entity has the text as a name or alias already, in any case. */
static bool has_name(const wl_entity *e, const char *text)
{
	for (size_t i = 0; i < e->nvalues; i++) {
		const wl_value *v = &e->values[i];
		if ((v->prop == WL_PROP_NAME || v->prop == WL_PROP_ALIAS) &&
		    strcasecmp(v->text, text) == 0)
			return true;
	}
	return false;
}

/* The aliases, less those that repeat the name (ATT&CK lists the name first). */
static int put_aliases(wl_dataset *ds, wl_entity *e, const json_t *aliases)
{
	size_t i;
	const json_t *a;
	json_array_foreach(aliases, i, a)
	{
		if (!json_is_string(a) || has_name(e, json_string_value(a)))
			continue;
		int rc = wl_entity_put(ds, e, WL_PROP_ALIAS, json_string_value(a),
		                       json_string_length(a), NULL);
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int put_status(wl_dataset *ds, wl_entity *e, const json_t *obj)
{
	int rc = WL_OK;
	if (json_is_true(json_object_get(obj, "revoked")))
		rc = wl_entity_puts(ds, e, WL_PROP_STATUS, "revoked", NULL);
	if (!rc && json_is_true(json_object_get(obj, "x_mitre_deprecated")))
		rc = wl_entity_puts(ds, e, WL_PROP_STATUS, "deprecated", NULL);
	return rc;
}

/* The name, before the aliases, so that it is the caption. */
static int put_name(wl_dataset *ds, wl_entity *e, const json_t *name)
{
	if (!json_is_string(name))
		return WL_OK;
	return wl_entity_put(ds, e, WL_PROP_NAME, json_string_value(name), json_string_length(name),
	                     NULL);
}

static int read_group(wl_dataset *ds, int src, const char *path, size_t i, const json_t *obj)
{
	const json_t *ref = attack_ref(obj);
	if (!ref) {
		char field[FIELD_MAX];
		snprintf(field, sizeof(field), "objects[%zu].external_references", i);
		return wl_error_input(path, 0, field,
		                      "no \"mitre-attack\" entry with an external_id");
	}
	const char *id = json_string_value(json_object_get(ref, "external_id"));
	wl_entity *e = wl_dataset_entity(ds, src, "attack", id, WL_SCHEMA_ORGANIZATION);
	if (!e)
		return wl_error_set(WL_ENOMEM, "out of memory");
	const char *modified = json_string_value(json_object_get(obj, "modified"));
	char *date = stix_date(&ds->arena, modified);
	wl_fact group = {.detail = "MITRE ATT&CK group"};
	wl_fact mod = {.original = modified};
	int rc;
	if ((rc = put_name(ds, e, json_object_get(obj, "name"))) ||
	    (rc = put_aliases(ds, e, json_object_get(obj, "aliases"))) ||
	    (rc = wl_entity_puts(ds, e, WL_PROP_ID_NUMBER, id, &group)) ||
	    (rc = wl_entity_puts(ds, e, WL_PROP_TOPICS, "crime.cyber", NULL)) ||
	    (rc = put_description(ds, e, json_object_get(obj, "description"))) ||
	    (rc = put_status(ds, e, obj)) ||
	    (rc = wl_entity_puts(ds, e, WL_PROP_SOURCE_URL,
	                         json_string_value(json_object_get(ref, "url")), NULL)) ||
	    (rc = wl_entity_puts(ds, e, WL_PROP_MODIFIED_AT, date, &mod)))
		return rc;
	update_list_date(ds, src, date);
	return WL_OK;
}

/* Checks the bundle's shape; returns its objects, or NULL with the error set. */
static const json_t *bundle_objects(const json_t *root, const char *path)
{
	const char *type = json_string_value(json_object_get(root, "type"));
	if (!type || strcmp(type, "bundle") != 0) {
		wl_error_input(path, 0, "type", "not a STIX bundle");
		return NULL;
	}
	const json_t *objects = json_object_get(root, "objects");
	if (!json_is_array(objects))
		wl_error_input(path, 0, "objects", "missing or not an array");
	return json_is_array(objects) ? objects : NULL;
}

int wl_attack_stix_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, 0, &jerr);
	if (!root)
		return wl_error_input(path, jerr.line > 0 ? (unsigned long)jerr.line : 0, NULL,
		                      "invalid JSON: %s (column %d)", jerr.text, jerr.column);
	int rc = WL_EINPUT;
	const json_t *objects = bundle_objects(root, path);
	int src = objects ? attack_source(ds) : WL_EINPUT;
	if (src < 0) {
		rc = src;
		goto out;
	}
	size_t i;
	const json_t *obj;
	json_array_foreach(objects, i, obj)
	{
		const char *type = json_string_value(json_object_get(obj, "type"));
		if (type && strcmp(type, "intrusion-set") == 0 &&
		    (rc = read_group(ds, src, path, i, obj)))
			goto out;
	}
	rc = WL_OK;
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

/* True when the head has the JSON member "key": followed by value (a literal prefix). */
static bool has_member(const char *head, size_t n, const char *key, const char *value)
{
	const char *end = head + n;
	size_t kn = strlen(key), vn = strlen(value);
	for (const char *p = memmem(head, n, key, kn); p;
	     p = memmem(p + 1, (size_t)(end - p - 1), key, kn)) {
		const char *q = skip_space(p + kn, end);
		if (!q || *q != ':' || !(q = skip_space(q + 1, end)))
			continue;
		if ((size_t)(end - q) >= vn && memcmp(q, value, vn) == 0)
			return true;
	}
	return false;
}

static int stix_sniff(const char *path, const char *head, size_t n)
{
	const char *p = skip_space(head, head + n);
	if (!p || *p != '{')
		return WL_SNIFF_NO;
	if (has_member(head, n, "\"type\"", "\"bundle\"") &&
	    has_member(head, n, "\"objects\"", "["))
		return 90;
	return WL_SNIFF_NO;
}

static int stix_read(wl_dataset *ds, const char *path)
{
	char *data;
	size_t len;
	int rc = wl_read_file(path, &data, &len);
	if (rc)
		return rc;
	int src = -1;
	rc = wl_attack_stix_read_mem(ds, path, data, len, &src);
	free(data);
	if (rc)
		return rc;
	return wl_dataset_source_file(ds, src, path, "bundle");
}

const wl_reader wl_reader_attack_stix = {
    .name = "attack_stix",
    .description = "MITRE ATT&CK STIX 2 bundles of groups (intrusion-set objects)",
    .sniff = stix_sniff,
    .read = stix_read,
};
