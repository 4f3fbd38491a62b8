/*
 * strmap.h - a hash map from NUL-terminated strings to pointers.
 *
 * Open addressing with linear probing, FNV-1a hashes, power-of-two capacity.
 * Keys are not copied: they must outlive the map (readers keep them in the
 * dataset's arena). Used for entity ids and for name look-ups while linking.
 */
#ifndef WL_STRMAP_H
#define WL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct wl_strmap_slot {
	const char *key;
	void *value;
	uint64_t hash;
} wl_strmap_slot;

typedef struct wl_strmap {
	wl_strmap_slot *slots;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
} wl_strmap;

uint64_t wl_hash_bytes(const void *p, size_t n);

void wl_strmap_init(wl_strmap *m);
void wl_strmap_free(wl_strmap *m);
void *wl_strmap_get(const wl_strmap *m, const char *key);
/* Inserts or replaces. Returns 0, or WL_ENOMEM. */
int wl_strmap_put(wl_strmap *m, const char *key, void *value);

#endif
