/*
 * entity.c - datasets, entities, values and links (see entity.h).
 *
 * Values and links grow in arrays that are reallocated inside the arena
 * (the old array is left behind; it is small, and the arena is freed whole).
 * Repeat detection scans the entity's values: entities have tens of values,
 * not thousands, so a scan is cheaper than a per-entity table.
 */
#include "entity.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

int wl_dataset_new(wl_dataset **out)
{
	wl_dataset *ds = calloc(1, sizeof(*ds));
	if (!ds)
		return wl_error_set(WL_ENOMEM, "out of memory");
	wl_arena_init(&ds->arena);
	wl_strmap_init(&ds->by_id);
	*out = ds;
	return WL_OK;
}

void wl_dataset_free(wl_dataset *ds)
{
	if (!ds)
		return;
	wl_strmap_free(&ds->by_id);
	free(ds->entities);
	free(ds->sources);
	wl_arena_free(&ds->arena);
	free(ds);
}

/* Grows an arena array of elements of size sz to hold one more. */
static void *arena_grow(wl_arena *a, void *arr, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return arr;
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = wl_arena_alloc(a, ncap * sz);
	if (!p)
		return NULL;
	if (n)
		memcpy(p, arr, n * sz);
	*cap = ncap;
	return p;
}

static const char *dup_or_keep(wl_dataset *ds, const char *old, const char *s)
{
	if (old || !s)
		return old;
	return wl_arena_strdup(&ds->arena, s);
}

int wl_dataset_source_find(const wl_dataset *ds, const char *name)
{
	for (size_t i = 0; i < ds->nsources; i++)
		if (strcmp(ds->sources[i].name, name) == 0)
			return (int)i;
	return -1;
}

int wl_dataset_source(wl_dataset *ds, const wl_source *declared)
{
	wl_source renamed;
	const wl_source *src = declared;
	if (ds->source_rename) {
		renamed = *declared;
		renamed.name = ds->source_rename;
		src = &renamed;
	}
	int found = wl_dataset_source_find(ds, src->name);
	size_t i = found < 0 ? ds->nsources : (size_t)found;
	if (i == ds->nsources) {
		if (ds->nsources >= UINT16_MAX)
			return wl_error_set(WL_EUSAGE, "too many sources");
		if (ds->nsources == ds->capsources) {
			size_t cap = ds->capsources ? ds->capsources * 2 : 8;
			wl_source *p = realloc(ds->sources, cap * sizeof(*p));
			if (!p)
				return wl_error_set(WL_ENOMEM, "out of memory");
			ds->sources = p;
			ds->capsources = cap;
		}
		memset(&ds->sources[i], 0, sizeof(ds->sources[i]));
		ds->nsources++;
	}
	wl_source *s = &ds->sources[i];
	s->name = dup_or_keep(ds, s->name, src->name);
	s->title = dup_or_keep(ds, s->title, src->title);
	s->format = dup_or_keep(ds, s->format, src->format);
	s->publisher = dup_or_keep(ds, s->publisher, src->publisher);
	s->list_date = dup_or_keep(ds, s->list_date, src->list_date);
	s->url = dup_or_keep(ds, s->url, src->url);
	s->licence = dup_or_keep(ds, s->licence, src->licence);
	for (size_t f = 0; f < src->nfiles && s->nfiles < WL_SOURCE_MAX_FILES; f++) {
		wl_source_file *d = &s->files[s->nfiles++];
		d->path = wl_arena_strdup(&ds->arena, src->files[f].path);
		d->sha256 = wl_arena_strdup(&ds->arena, src->files[f].sha256);
		d->role = wl_arena_strdup(&ds->arena, src->files[f].role);
		d->bytes = src->files[f].bytes;
	}
	if (!s->name)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return (int)i;
}

int wl_dataset_source_file(wl_dataset *ds, int source, const char *path, const char *role)
{
	if (source < 0 || (size_t)source >= ds->nsources)
		return wl_error_set(WL_EUSAGE, "no source %d", source);
	wl_source *s = &ds->sources[source];
	if (s->nfiles >= WL_SOURCE_MAX_FILES)
		return wl_error_set(WL_EUSAGE, "%s: more than %d files in one source", path,
				    WL_SOURCE_MAX_FILES);
	FILE *f = fopen(path, "rb");
	if (!f)
		return wl_error_set(WL_EIO, "%s: cannot open", path);
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	if (!md || !EVP_DigestInit_ex(md, EVP_sha256(), NULL)) {
		EVP_MD_CTX_free(md);
		fclose(f);
		return wl_error_set(WL_ENOMEM, "out of memory");
	}
	unsigned char buf[65536];
	uint64_t bytes = 0;
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		EVP_DigestUpdate(md, buf, n);
		bytes += n;
	}
	int err = ferror(f);
	fclose(f);
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0;
	EVP_DigestFinal_ex(md, digest, &dlen);
	EVP_MD_CTX_free(md);
	if (err)
		return wl_error_set(WL_EIO, "%s: read error", path);

	char hex[2 * EVP_MAX_MD_SIZE + 1];
	for (unsigned i = 0; i < dlen; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	wl_source_file *sf = &s->files[s->nfiles];
	sf->path = wl_arena_strdup(&ds->arena, path);
	sf->sha256 = wl_arena_strdup(&ds->arena, hex);
	sf->role = wl_arena_strdup(&ds->arena, role);
	sf->bytes = bytes;
	if (!sf->path || !sf->sha256)
		return wl_error_set(WL_ENOMEM, "out of memory");
	s->nfiles++;
	return WL_OK;
}

size_t wl_dataset_drop_source(wl_dataset *ds, int source)
{
	if (source < 0 || (size_t)source >= ds->nsources)
		return 0;
	size_t kept = 0, removed = 0;
	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		size_t nv = 0, nl = 0;
		for (size_t v = 0; v < e->nvalues; v++)
			if (e->values[v].source != source)
				e->values[nv++] = e->values[v];
		for (size_t l = 0; l < e->nlinks; l++)
			if (e->links[l].source != source)
				e->links[nl++] = e->links[l];
		e->nvalues = nv;
		e->nlinks = nl;
		if (!nv) {
			removed++;
			continue;
		}
		if (e->source == source)
			e->source = e->values[0].source;
		e->put_source = e->source;
		ds->entities[kept++] = e;
	}
	ds->nentities = kept;
	/* the id map lost entries: build it again */
	wl_strmap_free(&ds->by_id);
	wl_strmap_init(&ds->by_id);
	for (size_t i = 0; i < ds->nentities; i++)
		wl_strmap_put(&ds->by_id, ds->entities[i]->id, ds->entities[i]);
	wl_source *s = &ds->sources[source];
	const char *name = s->name;
	memset(s, 0, sizeof(*s));
	s->name = name;
	return removed;
}

wl_entity *wl_dataset_find(const wl_dataset *ds, const char *id)
{
	return wl_strmap_get(&ds->by_id, id);
}

wl_entity *wl_dataset_entity(wl_dataset *ds, int source, const char *prefix,
			     const char *source_id, wl_schema schema)
{
	char *id = wl_arena_printf(&ds->arena, "%s-%s", prefix, source_id);
	if (!id)
		return NULL;
	wl_entity *e = wl_dataset_find(ds, id);
	if (e) {
		if (e->schema == WL_SCHEMA_LEGAL_ENTITY)
			e->schema = schema;
		e->put_source = (uint16_t)source;
		return e;
	}
	e = wl_arena_calloc(&ds->arena, sizeof(*e));
	if (!e)
		return NULL;
	e->id = id;
	e->source_id = wl_arena_strdup(&ds->arena, source_id);
	e->source = (uint16_t)source;
	e->put_source = (uint16_t)source;
	e->schema = schema;
	if (ds->nentities == ds->capentities) {
		size_t cap = ds->capentities ? ds->capentities * 2 : 1024;
		wl_entity **p = realloc(ds->entities, cap * sizeof(*p));
		if (!p)
			return NULL;
		ds->entities = p;
		ds->capentities = cap;
	}
	if (wl_strmap_put(&ds->by_id, e->id, e))
		return NULL;
	ds->entities[ds->nentities++] = e;
	return e;
}

bool wl_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned min;
		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			len = 2, min = 0x80, c &= 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			len = 3, min = 0x800, c &= 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			len = 4, min = 0x10000, c &= 0x07;
		} else {
			return false;
		}
		if (i + len > n)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			c = (c << 6) | (s[i + k] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return false;
		i += len;
	}
	return true;
}

/*
 * The length of the white space at s (at most n bytes), 0 if none: ASCII
 * white space and the Unicode spaces lists use (no-break U+00A0, U+2000 to
 * U+200A, narrow no-break U+202F, ideographic U+3000).
 */
static size_t space_at(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	if (isspace(s[0]))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8A || s[2] == 0xAF))
		return 3;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* The length of the white space ending at s + n, 0 if none. */
static size_t space_before(const char *s, size_t n)
{
	for (size_t k = 1; k <= 3 && k <= n; k++)
		if (space_at(s + n - k, k) == k)
			return k;
	return 0;
}

/* Copies s (n bytes) trimmed, with inner white space runs folded to one space. */
static char *clean_copy(wl_arena *a, const char *s, size_t n)
{
	size_t k;
	while (n && (k = space_at(s, n)))
		s += k, n -= k;
	while (n && (k = space_before(s, n)))
		n -= k;
	char *out = wl_arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		if ((k = space_at(s + i, n - i))) {
			if (j && out[j - 1] != ' ')
				out[j++] = ' ';
			i += k;
		} else {
			out[j++] = s[i++];
		}
	}
	out[j] = '\0';
	return out;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int wl_entity_put(wl_dataset *ds, wl_entity *e, wl_prop prop, const char *text, size_t len,
		  const wl_fact *fact)
{
	if (!text)
		return WL_OK;
	if (len == (size_t)-1)
		len = strlen(text);
	if (!wl_utf8_valid(text, len))
		return wl_error_set(WL_EINPUT, "%s: %s is not valid UTF-8", e->id, wl_prop_name(prop));
	char *v = clean_copy(&ds->arena, text, len);
	if (!v)
		return wl_error_set(WL_ENOMEM, "out of memory");
	if (!*v)
		return WL_OK;
	const char *detail = fact && fact->detail && *fact->detail ? fact->detail : NULL;
	for (size_t i = 0; i < e->nvalues; i++) {
		const wl_value *o = &e->values[i];
		if (o->prop == prop && o->source == e->put_source && strcmp(o->text, v) == 0 &&
		    same_str(o->detail, detail))
			return WL_OK;
	}
	wl_value *vals = arena_grow(&ds->arena, e->values, e->nvalues, &e->capvalues, sizeof(*vals));
	if (!vals)
		return wl_error_set(WL_ENOMEM, "out of memory");
	e->values = vals;
	wl_value *nv = &vals[e->nvalues];
	memset(nv, 0, sizeof(*nv));
	nv->prop = prop;
	nv->text = v;
	nv->source = e->put_source;
	nv->record = fact && fact->record ? wl_arena_strdup(&ds->arena, fact->record) : e->source_id;
	if (detail)
		nv->detail = wl_arena_strdup(&ds->arena, detail);
	if (fact && fact->country && *fact->country)
		nv->country = wl_arena_strdup(&ds->arena, fact->country);
	if (fact && fact->original && strcmp(fact->original, v) != 0)
		nv->original = clean_copy(&ds->arena, fact->original, strlen(fact->original));
	e->nvalues++;
	return WL_OK;
}

int wl_entity_puts(wl_dataset *ds, wl_entity *e, wl_prop prop, const char *text, const wl_fact *fact)
{
	return wl_entity_put(ds, e, prop, text, (size_t)-1, fact);
}

int wl_entity_link(wl_dataset *ds, wl_entity *e, const char *type, const char *target,
		   const char *target_name, const char *detail, const wl_fact *fact)
{
	for (size_t i = 0; i < e->nlinks; i++) {
		const wl_link *o = &e->links[i];
		if (strcmp(o->type, type) == 0 && same_str(o->target, target) &&
		    same_str(o->target_name, target_name))
			return WL_OK;
	}
	wl_link *links = arena_grow(&ds->arena, e->links, e->nlinks, &e->caplinks, sizeof(*links));
	if (!links)
		return wl_error_set(WL_ENOMEM, "out of memory");
	e->links = links;
	wl_link *l = &links[e->nlinks];
	memset(l, 0, sizeof(*l));
	l->type = wl_arena_strdup(&ds->arena, type);
	l->target = wl_arena_strdup(&ds->arena, target);
	l->target_name = target_name ? clean_copy(&ds->arena, target_name, strlen(target_name)) : NULL;
	l->detail = wl_arena_strdup(&ds->arena, detail);
	l->source = e->put_source;
	l->record = fact && fact->record ? wl_arena_strdup(&ds->arena, fact->record) : e->source_id;
	if (!l->type)
		return wl_error_set(WL_ENOMEM, "out of memory");
	e->nlinks++;
	return WL_OK;
}

const wl_value *wl_entity_first(const wl_entity *e, wl_prop prop)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop)
			return &e->values[i];
	return NULL;
}

const char *wl_entity_caption(const wl_entity *e)
{
	const wl_value *v = wl_entity_first(e, WL_PROP_NAME);
	if (!v)
		v = wl_entity_first(e, WL_PROP_ALIAS);
	return v ? v->text : e->id;
}

/* A look-up key for a name: ASCII lower case, white space and punctuation dropped. */
static char *name_key(wl_arena *a, int source, const char *name)
{
	size_t n = strlen(name);
	char *k = wl_arena_alloc(a, n + 8);
	if (!k)
		return NULL;
	size_t j = (size_t)snprintf(k, 8, "%d|", source);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x80 || isalnum(c))
			k[j++] = (char)tolower(c);
	}
	k[j] = '\0';
	return k;
}

size_t wl_dataset_resolve_links(wl_dataset *ds)
{
	static char ambiguous;
	wl_strmap names;
	wl_strmap_init(&names);
	wl_arena scratch;
	wl_arena_init(&scratch);
	size_t resolved = 0;

	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		for (size_t v = 0; v < e->nvalues; v++) {
			if (e->values[v].prop != WL_PROP_NAME && e->values[v].prop != WL_PROP_ALIAS)
				continue;
			char *k = name_key(&scratch, e->values[v].source, e->values[v].text);
			if (!k)
				goto out;
			void *old = wl_strmap_get(&names, k);
			if (wl_strmap_put(&names, k, old && old != e ? (void *)&ambiguous : e))
				goto out;
		}
	}
	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		for (size_t l = 0; l < e->nlinks; l++) {
			wl_link *ln = &e->links[l];
			if (ln->target || !ln->target_name)
				continue;
			char *k = name_key(&scratch, ln->source, ln->target_name);
			if (!k)
				goto out;
			wl_entity *t = wl_strmap_get(&names, k);
			if (t && t != (void *)&ambiguous && t != e) {
				ln->target = t->id;
				resolved++;
			}
		}
	}
out:
	wl_strmap_free(&names);
	wl_arena_free(&scratch);
	return resolved;
}
