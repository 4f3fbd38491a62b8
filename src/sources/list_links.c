/*
 * list_links.c - "sameAs" links between listings that cite one UN reference
 * number (see list_links.h).
 *
 * Reference numbers are compared in upper case without spaces ("QDi.001",
 * "QDI.001 "); entities are grouped by number with a hash map from the
 * number to the first entity's index in a chain, so the pass is linear.
 */
#include "list_links.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"

typedef struct holder {
	wl_entity *e;
	struct holder *next;
} holder;

static char *reference_key(wl_arena *a, const char *s)
{
	size_t n = strlen(s);
	char *k = wl_arena_alloc(a, n + 1);
	if (!k)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n; i++)
		if (!isspace((unsigned char)s[i]))
			k[j++] = (char)toupper((unsigned char)s[i]);
	k[j] = '\0';
	return k;
}

static int same_source(const wl_entity *a, const wl_entity *b)
{
	return a->source == b->source;
}

/* Links a and b both ways unless they are of one source; returns links added or an error. */
static int link_pair(wl_dataset *ds, wl_entity *a, wl_entity *b, const char *number)
{
	if (a == b || same_source(a, b))
		return 0;
	char detail[96];
	snprintf(detail, sizeof(detail), "UN reference %s", number);
	size_t before = a->nlinks + b->nlinks;
	wl_fact fa = {.record = a->source_id}, fb = {.record = b->source_id};
	uint16_t sa = a->put_source, sb = b->put_source;
	a->put_source = a->source;
	b->put_source = b->source;
	int rc = wl_entity_link(ds, a, "sameAs", b->id, NULL, detail, &fa);
	if (!rc)
		rc = wl_entity_link(ds, b, "sameAs", a->id, NULL, detail, &fb);
	a->put_source = sa;
	b->put_source = sb;
	return rc ? rc : (int)(a->nlinks + b->nlinks - before);
}

int wl_lists_link(wl_dataset *ds)
{
	wl_strmap groups;
	wl_arena scratch;
	wl_strmap_init(&groups);
	wl_arena_init(&scratch);
	int added = 0, rc = 0;
	for (size_t i = 0; i < ds->nentities && !rc; i++) {
		wl_entity *e = ds->entities[i];
		for (size_t v = 0; v < e->nvalues && !rc; v++) {
			if (e->values[v].prop != WL_PROP_UNSC_ID)
				continue;
			char *key = reference_key(&scratch, e->values[v].text);
			holder *h = wl_arena_alloc(&scratch, sizeof(*h));
			if (!key || !h || !*key) {
				rc = key && h ? 0 : wl_error_set(WL_ENOMEM, "out of memory");
				continue;
			}
			h->e = e;
			h->next = wl_strmap_get(&groups, key);
			for (holder *o = h->next; o && !rc; o = o->next) {
				int got = link_pair(ds, e, o->e, e->values[v].text);
				if (got < 0)
					rc = got;
				else
					added += got;
			}
			if (!rc && wl_strmap_put(&groups, key, h))
				rc = wl_error_set(WL_ENOMEM, "out of memory");
		}
	}
	wl_strmap_free(&groups);
	wl_arena_free(&scratch);
	return rc ? rc : added;
}
