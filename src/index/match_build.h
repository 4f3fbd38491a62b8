/*
 * match_build.h - the matching sections of an index, built from a dataset.
 *
 * Every name of every entity (name, alias, weakAlias, previousName) is
 * normalised once, here, and stored with its token flags. Candidate
 * generation then needs no work per entity at query time, only look-ups:
 * a term dictionary (every token, and every pair of adjacent tokens joined,
 * so "gao bin" is found by "gaobin" and "apt 31" by "apt31") with postings
 * of names, and two hash tables that lead from a query token to the terms
 * it may be: its deletion neighbourhood (terms within the typo budget, the
 * symmetric-delete method) and its consonant skeleton (transliteration
 * variants).
 */
#ifndef WL_MATCH_BUILD_H
#define WL_MATCH_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "index/format.h"
#include "model/entity.h"
#include "text/normalise.h"

#define WL_DELETE_PREFIX 8   /* deletion variants are made of a term's first 8 letters */
#define WL_DELETE_MAX_EDITS 2

typedef struct wl_match_tables {
	wl_arena arena;            /* normalised texts and terms, until written */
	wl_disk_name *names;
	const char **name_texts;   /* the normalised text of each name */
	size_t nnames;
	uint32_t *entity_names;    /* nentities + 1 */
	uint8_t *tokflags;
	size_t ntokflags;
	wl_disk_term *terms;
	const char **term_texts;
	size_t nterms;
	uint32_t *postings;
	size_t npostings;
	wl_disk_slot *term_hash, *deletes, *skeletons;
	size_t term_hash_cap, deletes_cap, skeletons_cap;
} wl_match_tables;

/*
 * Builds the tables. Text offsets (names[].text, terms[].text) are left for
 * the writer to fill from name_texts and term_texts. value_base[i] is the
 * number of the first value of entity i in the VALUES section.
 */
int wl_match_tables_build(wl_match_tables *mt, const wl_dataset *ds, wl_normaliser *norm,
			  const uint32_t *value_base);
void wl_match_tables_free(wl_match_tables *mt);

/* The hash and the slot tag of a key (shared with the query side). */
uint64_t wl_key_hash(const char *s, size_t n);
static inline uint32_t wl_key_tag(uint64_t h)
{
	uint32_t t = (uint32_t)(h >> 32);
	return t ? t : 1;
}

/*
 * Calls fn for every deletion variant of the first WL_DELETE_PREFIX letters
 * of s (n bytes) with up to max_edits letters deleted, the prefix itself
 * included; a variant reachable in several ways may be given more than
 * once. Returns the number of calls. Two tokens within max_edits edits have
 * a variant in common (symmetric delete on prefixes, as SymSpell does); a hit
 * is then checked on the whole tokens.
 */
size_t wl_deletion_variants(const char *s, size_t n, int max_edits,
			    void (*fn)(void *ctx, const char *v, size_t vn), void *ctx);

/* The edits a term of this length is indexed with in DELETES. */
int wl_delete_budget(size_t len);

#endif
