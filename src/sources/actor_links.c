/*
 * actor_links.c - joins the records of one threat actor across registries (see actor_links.h).
 *
 * Runs once, after every file is read, over the entities of the threat-actor
 * sources (those read by the misp_galaxy and attack_stix readers), in three
 * passes:
 *
 *  1. ATT&CK ids. A MISP mitre-intrusion-set cluster carries its group's id
 *     (idNumber "G0128", detail "MITRE ATT&CK group"): it is the same actor
 *     as attack-G0128, and both get a "sameAs" link to the other.
 *  2. Dangling links. MISP "related" links point at clusters of every
 *     galaxy (tools, malware, sectors); those not in the dataset are dropped,
 *     compacting the entity's link array in place.
 *  3. Shared names. Every name and alias is reduced to a key (ASCII lower
 *     case, white space and punctuation dropped: "APT 31" = "APT31"). The
 *     (key, source, entity) triples are sorted, and within a key each source
 *     that has exactly one actor of that name is paired with each other such
 *     source: the two actors get "sameAs" links, detail "shared name: X".
 *     A name that several actors of one source carry (MISP's threat-actor
 *     galaxy has such strings) says nothing about which of them is meant, so
 *     it links none of them; the actors keep it as an alias all the same.
 *
 * wl_entity_link() keeps a link once per (type, target), so a second run
 * adds nothing, and the count returned is of links actually added.
 */
#include "actor_links.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"

#define ATTACK_DETAIL "MITRE ATT&CK group"

/* One name of one actor, for pass 3. */
typedef struct name_ref {
	const char *key;  /* folded name */
	const char *text; /* the name as the record has it */
	uint16_t source;
	size_t entity; /* index in ds->entities */
	size_t value;  /* index in the entity's values, to keep the order stable */
} name_ref;

static bool is_actor_source(const wl_dataset *ds, uint16_t source)
{
	const char *format = source < ds->nsources ? ds->sources[source].format : NULL;
	return format && (strcmp(format, "misp_galaxy") == 0 || strcmp(format, "attack_stix") == 0);
}

static bool is_misp(const wl_dataset *ds, const wl_entity *e)
{
	const char *format = e->source < ds->nsources ? ds->sources[e->source].format : NULL;
	return format && strcmp(format, "misp_galaxy") == 0;
}

/* Adds a sameAs link from e to t, counting it if it is new. */
static int same_as(wl_dataset *ds, wl_entity *e, const wl_entity *t, const char *detail,
                   size_t *added)
{
	size_t before = e->nlinks;
	int rc = wl_entity_link(ds, e, "sameAs", t->id, NULL, detail, NULL);
	*added += e->nlinks - before;
	return rc;
}

static int same_as_both(wl_dataset *ds, wl_entity *a, const char *detail_a, wl_entity *b,
                        const char *detail_b, size_t *added)
{
	int rc = same_as(ds, a, b, detail_a, added);
	return rc ? rc : same_as(ds, b, a, detail_b, added);
}

/* Pass 1: MISP clusters with an ATT&CK group id <-> attack-<id>. */
static int link_attack_ids(wl_dataset *ds, wl_arena *scratch, size_t *added)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		if (!is_misp(ds, e))
			continue;
		for (size_t v = 0; v < e->nvalues; v++) {
			const wl_value *val = &e->values[v];
			if (val->prop != WL_PROP_ID_NUMBER || !val->detail ||
			    strcmp(val->detail, ATTACK_DETAIL) != 0)
				continue;
			char *id = wl_arena_printf(scratch, "attack-%s", val->text);
			char *detail = wl_arena_printf(scratch, "ATT&CK id %s", val->text);
			if (!id || !detail)
				return wl_error_set(WL_ENOMEM, "out of memory");
			wl_entity *t = wl_dataset_find(ds, id);
			int rc = t ? same_as_both(ds, e, detail, t, detail, added) : WL_OK;
			if (rc)
				return rc;
		}
	}
	return WL_OK;
}

/* Pass 2: drops MISP "related" links whose target is not in the dataset. */
static void drop_dangling(wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		if (!is_misp(ds, e))
			continue;
		size_t kept = 0;
		for (size_t l = 0; l < e->nlinks; l++) {
			const wl_link *ln = &e->links[l];
			if (strcmp(ln->type, "related") == 0 && ln->target &&
			    !wl_dataset_find(ds, ln->target))
				continue;
			e->links[kept++] = *ln;
		}
		e->nlinks = kept;
	}
}

/* The look-up key of a name: ASCII lower case, white space and punctuation dropped. */
static char *fold_name(wl_arena *a, const char *name)
{
	size_t n = strlen(name), j = 0;
	char *k = wl_arena_alloc(a, n + 1);
	if (!k)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x80 || isalnum(c))
			k[j++] = (char)tolower(c);
	}
	k[j] = '\0';
	return k;
}

static int cmp_name_ref(const void *pa, const void *pb)
{
	const name_ref *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->source != b->source)
		return a->source < b->source ? -1 : 1;
	if (a->entity != b->entity)
		return a->entity < b->entity ? -1 : 1;
	return a->value < b->value ? -1 : a->value > b->value;
}

/* Collects the names and aliases of the actors into *out (malloc'd), keys in scratch. */
static int collect_names(const wl_dataset *ds, wl_arena *scratch, name_ref **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		if (!is_actor_source(ds, e->source))
			continue;
		for (size_t v = 0; v < e->nvalues; v++) {
			const wl_value *val = &e->values[v];
			if (val->prop != WL_PROP_NAME && val->prop != WL_PROP_ALIAS)
				continue;
			char *key = fold_name(scratch, val->text);
			if (!key)
				return wl_error_set(WL_ENOMEM, "out of memory");
			if (!*key)
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 1024;
				name_ref *p = realloc(*out, cap * sizeof(*p));
				if (!p)
					return wl_error_set(WL_ENOMEM, "out of memory");
				*out = p;
			}
			(*out)[(*n)++] = (name_ref){key, val->text, e->source, i, v};
		}
	}
	return WL_OK;
}

/* End of the run of refs from start that share the key (and, if by_source, the source). */
static size_t run_end(const name_ref *r, size_t start, size_t n, bool by_source)
{
	size_t end = start + 1;
	while (end < n && strcmp(r[end].key, r[start].key) == 0 &&
	       (!by_source || r[end].source == r[start].source))
		end++;
	return end;
}

/* Links the actors of one key's run whose source has only them under that name. */
static int link_key_run(wl_dataset *ds, wl_arena *scratch, const name_ref *r, size_t start,
                        size_t end, size_t *added)
{
	for (size_t a = start; a < end; a = run_end(r, a, end, true)) {
		size_t a_end = run_end(r, a, end, true);
		if (r[a].entity != r[a_end - 1].entity)
			continue; /* this source has several actors of that name */
		for (size_t b = a_end; b < end; b = run_end(r, b, end, true)) {
			size_t b_end = run_end(r, b, end, true);
			if (r[b].entity != r[b_end - 1].entity)
				continue;
			char *da = wl_arena_printf(scratch, "shared name: %s", r[a].text);
			char *db = wl_arena_printf(scratch, "shared name: %s", r[b].text);
			if (!da || !db)
				return wl_error_set(WL_ENOMEM, "out of memory");
			int rc = same_as_both(ds, ds->entities[r[a].entity], da,
			                      ds->entities[r[b].entity], db, added);
			if (rc)
				return rc;
		}
	}
	return WL_OK;
}

/* Pass 3: actors of different sources that share a name unique in both. */
static int link_shared_names(wl_dataset *ds, wl_arena *scratch, size_t *added)
{
	name_ref *refs;
	size_t n;
	int rc = collect_names(ds, scratch, &refs, &n);
	if (!rc && n)
		qsort(refs, n, sizeof(*refs), cmp_name_ref);
	for (size_t start = 0; !rc && start < n; start = run_end(refs, start, n, false))
		rc = link_key_run(ds, scratch, refs, start, run_end(refs, start, n, false), added);
	free(refs);
	return rc;
}

int wl_actors_link(wl_dataset *ds)
{
	wl_arena scratch; /* keys and link details: wl_entity_link keeps its own copies */
	wl_arena_init(&scratch);
	size_t added = 0;
	drop_dangling(ds);
	int rc = link_attack_ids(ds, &scratch, &added);
	if (!rc)
		rc = link_shared_names(ds, &scratch, &added);
	wl_arena_free(&scratch);
	return rc ? rc : (int)added;
}
