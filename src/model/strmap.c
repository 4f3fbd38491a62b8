/*
 * strmap.c - string-keyed hash map (see strmap.h).
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "watchlist.h"

uint64_t wl_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

void wl_strmap_init(wl_strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
}

void wl_strmap_free(wl_strmap *m)
{
	free(m->slots);
	wl_strmap_init(m);
}

static wl_strmap_slot *find_slot(wl_strmap_slot *slots, size_t cap, const char *key, uint64_t h)
{
	size_t i = (size_t)h & (cap - 1);
	for (;;) {
		wl_strmap_slot *s = &slots[i];
		if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
			return s;
		i = (i + 1) & (cap - 1);
	}
}

void *wl_strmap_get(const wl_strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	uint64_t h = wl_hash_bytes(key, strlen(key));
	wl_strmap_slot *s = find_slot(m->slots, m->cap, key, h);
	return s->key ? s->value : NULL;
}

static int grow(wl_strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 64;
	wl_strmap_slot *slots = calloc(cap, sizeof(*slots));
	if (!slots)
		return WL_ENOMEM;
	for (size_t i = 0; i < m->cap; i++) {
		wl_strmap_slot *o = &m->slots[i];
		if (o->key)
			*find_slot(slots, cap, o->key, o->hash) = *o;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return WL_OK;
}

int wl_strmap_put(wl_strmap *m, const char *key, void *value)
{
	if ((m->count + 1) * 4 > m->cap * 3) {
		int rc = grow(m);
		if (rc)
			return rc;
	}
	uint64_t h = wl_hash_bytes(key, strlen(key));
	wl_strmap_slot *s = find_slot(m->slots, m->cap, key, h);
	if (!s->key) {
		s->key = key;
		s->hash = h;
		m->count++;
	}
	s->value = value;
	return WL_OK;
}
