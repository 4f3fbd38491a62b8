/*
 * match_build.c - builds the matching sections of an index (see match_build.h).
 *
 * Steps: normalise every name of every entity (the schema decides whether
 * person prefixes or company legal forms are recognised); gather
 * (term, name) pairs for each token and each joined pair of adjacent tokens;
 * sort them into a dictionary with postings; then fill three hash tables
 * keyed by a term's text, by each of its deletion variants and by its
 * consonant skeleton.
 */
#include "index/match_build.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "match/similarity.h"
#include "model/error.h"

uint64_t wl_key_hash(const char *s, size_t n)
{
	return XXH3_64bits(s, n);
}

int wl_delete_budget(size_t len)
{
	int b = wl_typo_budget(len);
	return b < WL_DELETE_MAX_EDITS ? b : WL_DELETE_MAX_EDITS;
}

static size_t variants_rec(char *buf, size_t n, size_t from, int edits,
			   void (*fn)(void *, const char *, size_t), void *ctx)
{
	size_t calls = 0;
	if (edits == 0 || n <= 1)
		return 0;
	char tmp[WL_DELETE_PREFIX + 1];
	for (size_t i = from; i < n; i++) {
		/* deleting one of a run of equal letters gives one variant: take the first */
		if (i > from && buf[i] == buf[i - 1])
			continue;
		memcpy(tmp, buf, i);
		memcpy(tmp + i, buf + i + 1, n - i - 1);
		fn(ctx, tmp, n - 1);
		calls++;
		calls += variants_rec(tmp, n - 1, i, edits - 1, fn, ctx);
	}
	return calls;
}

size_t wl_deletion_variants(const char *s, size_t n, int max_edits,
			    void (*fn)(void *ctx, const char *v, size_t vn), void *ctx)
{
	char buf[WL_DELETE_PREFIX + 1];
	if (n > WL_DELETE_PREFIX)
		n = WL_DELETE_PREFIX;
	fn(ctx, s, n);
	memcpy(buf, s, n);
	return 1 + variants_rec(buf, n, 0, max_edits, fn, ctx);
}

/* --- growable arrays --- */

typedef struct pair {
	uint32_t term, entity;
} pair;

typedef struct builder {
	wl_match_tables *mt;
	wl_strmap term_ids; /* term text -> id + 1 */
	pair *pairs;
	size_t npairs, cappairs;
	uint8_t *single;      /* per term: 1 when some name has it as one token */
	size_t capsingle;
	size_t capnames, captok, capterms;
	int oom;
} builder;

static void *grow(void *p, size_t *cap, size_t need, size_t sz, int *oom)
{
	if (need <= *cap)
		return p;
	size_t c = *cap ? *cap : 1024;
	while (c < need)
		c *= 2;
	void *q = realloc(p, c * sz);
	if (!q) {
		*oom = 1;
		return p;
	}
	*cap = c;
	return q;
}

/* The id of a term, added if new; single: the term is one token of a name. */
static uint32_t term_id(builder *b, const char *text, size_t len, int single)
{
	char key[WL_NAME_MAX + 1];
	memcpy(key, text, len);
	key[len] = '\0';
	uintptr_t got = (uintptr_t)wl_strmap_get(&b->term_ids, key);
	if (got) {
		if (single)
			b->single[got - 1] = 1;
		return (uint32_t)(got - 1);
	}
	wl_match_tables *mt = b->mt;
	size_t id = mt->nterms;
	mt->term_texts = grow(mt->term_texts, &b->capterms, id + 1, sizeof(char *), &b->oom);
	size_t capsingle = b->capsingle;
	b->single = grow(b->single, &capsingle, id + 1, 1, &b->oom);
	b->capsingle = capsingle;
	char *copy = wl_arena_strndup(&mt->arena, text, len);
	if (b->oom || !copy || wl_strmap_put(&b->term_ids, copy, (void *)(uintptr_t)(id + 1))) {
		b->oom = 1;
		return 0;
	}
	mt->term_texts[id] = copy;
	b->single[id] = (uint8_t)single;
	mt->nterms++;
	return (uint32_t)id;
}

static void add_pair(builder *b, uint32_t term, uint32_t entity)
{
	b->pairs = grow(b->pairs, &b->cappairs, b->npairs + 1, sizeof(pair), &b->oom);
	if (!b->oom)
		b->pairs[b->npairs++] = (pair){term, entity};
}

/* Terms of a name: each token, and runs of 2 (3 for Han syllables) tokens joined. */
static void add_terms(builder *b, const wl_name *n, uint32_t entity)
{
	char joined[WL_NAME_MAX];
	for (size_t i = 0; i < n->ntokens; i++) {
		const wl_token *t = &n->tokens[i];
		add_pair(b, term_id(b, n->text + t->off, t->len, 1), entity);
		size_t len = t->len;
		memcpy(joined, n->text + t->off, len);
		size_t max_run = (t->flags & WL_TOK_SYLLABLE) ? 3 : 2;
		for (size_t k = 1; k < max_run && i + k < n->ntokens; k++) {
			const wl_token *u = &n->tokens[i + k];
			memcpy(joined + len, n->text + u->off, u->len);
			len += u->len;
			add_pair(b, term_id(b, joined, len, 0), entity);
		}
	}
}

static wl_name_kind kind_for(wl_schema s)
{
	switch (s) {
	case WL_SCHEMA_PERSON: return WL_NAME_PERSON;
	case WL_SCHEMA_ORGANIZATION:
	case WL_SCHEMA_COMPANY: return WL_NAME_ORG;
	default: return WL_NAME_ANY;
	}
}

static bool is_name_prop(wl_prop p)
{
	return p == WL_PROP_NAME || p == WL_PROP_ALIAS || p == WL_PROP_WEAK_ALIAS ||
	       p == WL_PROP_PREVIOUS_NAME;
}

/*
 * An alias that another list of the same entity calls weak stays weak: the
 * US CSL, for one, gives OFAC's weak a.k.a.s as plain alternative names.
 * Names [first, end) are one entity's.
 */
static void demote_weak_repeats(wl_match_tables *mt, size_t first, size_t end)
{
	for (size_t i = first; i < end; i++) {
		if (mt->names[i].prop != WL_PROP_ALIAS)
			continue;
		for (size_t k = first; k < end; k++)
			if (mt->names[k].prop == WL_PROP_WEAK_ALIAS &&
			    strcmp(mt->name_texts[k], mt->name_texts[i]) == 0) {
				mt->names[i].prop = WL_PROP_WEAK_ALIAS;
				break;
			}
	}
}

static int add_names(builder *b, const wl_dataset *ds, wl_normaliser *norm, const uint32_t *value_base)
{
	wl_match_tables *mt = b->mt;
	wl_name n;
	mt->entity_names = calloc(ds->nentities + 1, sizeof(uint32_t));
	if (!mt->entity_names)
		return WL_ENOMEM;
	for (size_t e = 0; e < ds->nentities; e++) {
		const wl_entity *ent = ds->entities[e];
		mt->entity_names[e] = (uint32_t)mt->nnames;
		for (size_t v = 0; v < ent->nvalues; v++) {
			const wl_value *val = &ent->values[v];
			if (!is_name_prop(val->prop))
				continue;
			if (wl_normalise_name(norm, val->text, strlen(val->text), kind_for(ent->schema), &n) ||
			    !n.ntokens)
				continue; /* values were checked as UTF-8 when read; nothing to index */
			size_t id = mt->nnames;
			size_t captexts = b->capnames;
			mt->names = grow(mt->names, &b->capnames, id + 1, sizeof(*mt->names), &b->oom);
			mt->name_texts = grow(mt->name_texts, &captexts, b->capnames, sizeof(char *), &b->oom);
			mt->tokflags = grow(mt->tokflags, &b->captok, mt->ntokflags + n.ntokens, 1, &b->oom);
			if (b->oom || !mt->name_texts)
				return WL_ENOMEM;
			wl_disk_name *dn = &mt->names[id];
			memset(dn, 0, sizeof(*dn));
			dn->entity = (uint32_t)e;
			dn->prop = (uint16_t)val->prop;
			dn->ntokens = (uint8_t)n.ntokens;
			dn->flags = (uint8_t)n.flags;
			dn->value = value_base[e] + (uint32_t)v;
			dn->tokflags = (uint32_t)mt->ntokflags;
			for (size_t t = 0; t < n.ntokens; t++)
				mt->tokflags[mt->ntokflags++] = n.tokens[t].flags;
			mt->name_texts[id] = wl_arena_strndup(&mt->arena, n.text, n.len);
			if (!mt->name_texts[id])
				return WL_ENOMEM;
			mt->nnames++;
			add_terms(b, &n, (uint32_t)e); /* postings lead to entities */
			if (b->oom)
				return WL_ENOMEM;
		}
		demote_weak_repeats(mt, mt->entity_names[e], mt->nnames);
	}
	mt->entity_names[ds->nentities] = (uint32_t)mt->nnames;
	return WL_OK;
}

static int cmp_pair(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->term != y->term)
		return x->term < y->term ? -1 : 1;
	return x->entity < y->entity ? -1 : x->entity > y->entity;
}

static int build_postings(builder *b)
{
	wl_match_tables *mt = b->mt;
	qsort(b->pairs, b->npairs, sizeof(pair), cmp_pair);
	mt->terms = calloc(mt->nterms + 1, sizeof(*mt->terms));
	mt->postings = malloc((b->npairs + 1) * sizeof(uint32_t));
	if (!mt->terms || !mt->postings)
		return WL_ENOMEM;
	for (size_t i = 0; i < b->npairs; i++) {
		const pair *p = &b->pairs[i];
		if (i && p->term == b->pairs[i - 1].term && p->entity == b->pairs[i - 1].entity)
			continue;
		wl_disk_term *t = &mt->terms[p->term];
		if (!t->count)
			t->first = (uint32_t)mt->npostings;
		t->count++;
		mt->postings[mt->npostings++] = p->entity;
	}
	return WL_OK;
}

/* --- hash tables --- */

typedef struct table {
	wl_disk_slot *slots;
	size_t cap, count;
	uint32_t term; /* the term whose keys are being added */
	int oom;
} table;

static void table_insert(table *t, uint64_t h, uint32_t term)
{
	size_t mask = t->cap - 1, i = (size_t)h & mask;
	uint32_t tag = wl_key_tag(h);
	while (t->slots[i].tag) {
		if (t->slots[i].tag == tag && t->slots[i].term == term)
			return; /* the same key of the same term again */
		i = (i + 1) & mask;
	}
	t->slots[i].tag = tag;
	t->slots[i].term = term;
	t->count++;
}

static void add_variant(void *ctx, const char *v, size_t n)
{
	table *t = ctx;
	table_insert(t, wl_key_hash(v, n), t->term);
}

static void count_variant(void *ctx, const char *v, size_t n)
{
	(void)ctx, (void)v, (void)n;
}

static int table_alloc(table *t, size_t keys)
{
	size_t cap = 16;
	while (cap < keys * 2)
		cap *= 2;
	t->slots = calloc(cap, sizeof(wl_disk_slot));
	t->cap = cap;
	return t->slots ? WL_OK : WL_ENOMEM;
}

static int build_tables(wl_match_tables *mt, const uint8_t *single)
{
	table th = {0}, td = {0}, ts = {0};
	size_t ndel = 0;
	for (size_t i = 0; i < mt->nterms; i++) {
		size_t n = strlen(mt->term_texts[i]);
		if (single[i])
			ndel += wl_deletion_variants(mt->term_texts[i], n, wl_delete_budget(n), count_variant, NULL);
	}
	if (table_alloc(&th, mt->nterms) || table_alloc(&td, ndel) || table_alloc(&ts, mt->nterms))
		goto oom;
	char skel[WL_NAME_MAX];
	for (size_t i = 0; i < mt->nterms; i++) {
		const char *s = mt->term_texts[i];
		size_t n = strlen(s);
		table_insert(&th, wl_key_hash(s, n), (uint32_t)i);
		td.term = (uint32_t)i;
		if (single[i]) /* joined tokens are found exactly; typos are looked for in tokens */
			wl_deletion_variants(s, n, wl_delete_budget(n), add_variant, &td);
		if (n >= 4) {
			size_t k = wl_skeleton(s, n, skel, sizeof(skel));
			if (k >= 3)
				table_insert(&ts, wl_key_hash(skel, k), (uint32_t)i);
		}
	}
	mt->term_hash = th.slots, mt->term_hash_cap = th.cap;
	mt->deletes = td.slots, mt->deletes_cap = td.cap;
	mt->skeletons = ts.slots, mt->skeletons_cap = ts.cap;
	return WL_OK;
oom:
	free(th.slots);
	free(td.slots);
	free(ts.slots);
	return WL_ENOMEM;
}

int wl_match_tables_build(wl_match_tables *mt, const wl_dataset *ds, wl_normaliser *norm,
			  const uint32_t *value_base)
{
	builder b = {.mt = mt};
	memset(mt, 0, sizeof(*mt));
	wl_arena_init(&mt->arena);
	wl_strmap_init(&b.term_ids);
	int rc = add_names(&b, ds, norm, value_base);
	if (!rc)
		rc = build_postings(&b);
	if (!rc)
		rc = build_tables(mt, b.single);
	wl_strmap_free(&b.term_ids);
	free(b.pairs);
	free(b.single);
	if (rc == WL_ENOMEM)
		wl_error_set(rc, "out of memory while building the matching index");
	return rc;
}

void wl_match_tables_free(wl_match_tables *mt)
{
	free(mt->names);
	free(mt->name_texts);
	free(mt->entity_names);
	free(mt->tokflags);
	free(mt->terms);
	free(mt->term_texts);
	free(mt->postings);
	free(mt->term_hash);
	free(mt->deletes);
	free(mt->skeletons);
	wl_arena_free(&mt->arena);
	memset(mt, 0, sizeof(*mt));
}
