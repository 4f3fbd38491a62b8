/*
 * candidates.c - stage one of screening: which entities may the query be?
 *
 * Each query unit (a token, or two or three adjacent tokens joined, so that
 * "gao bin" finds "gaobin") is looked up three ways in the index: its exact
 * text; its deletion variants, which find every term within the typo budget
 * (symmetric delete; each hit is verified by edit distance); and its
 * consonant skeleton (transliteration variants). Each term found credits the
 * entities of its postings with the term's weight (rarer terms weigh more)
 * times its similarity, once per query unit and entity. The entities with
 * the most credit are the candidates.
 *
 * The per-query cost is a few hash probes per unit plus the postings walked;
 * the scratch arrays are per thread and reset only where touched.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "index/match_build.h"
#include "match/match.h"
#include "model/error.h"

#define TERMS_PER_UNIT 64
#define JOIN_MAX 3

#define UNITS_MAX (WL_NAME_MAX_TOKENS * JOIN_MAX)
/* Terms of more postings than this are common: they only add to entities rarer terms found. */
#define COMMON_MIN 2000

typedef struct found {
	uint32_t term;
	float sim;
} found;

struct cand_unit {
	uint32_t mask;   /* the query tokens of the unit */
	uint32_t rarest; /* the fewest postings of its terms */
	size_t nhits;
	found hits[TERMS_PER_UNIT];
};

int wl_cand_scratch_init(wl_cand_scratch *cs, const wl_index *idx)
{
	memset(cs, 0, sizeof(*cs));
	size_t n = idx->nentities + 1;
	cs->acc = calloc(n, sizeof(float));
	cs->stamp = calloc(n, sizeof(uint32_t));
	cs->covered = calloc(n, sizeof(uint32_t));
	cs->touched = malloc(n * sizeof(uint32_t));
	cs->units = malloc(UNITS_MAX * sizeof(*cs->units));
	if (!cs->acc || !cs->stamp || !cs->covered || !cs->touched || !cs->units) {
		wl_cand_scratch_free(cs);
		return wl_error_set(WL_ENOMEM, "out of memory");
	}
	return WL_OK;
}

void wl_cand_scratch_free(wl_cand_scratch *cs)
{
	free(cs->acc);
	free(cs->stamp);
	free(cs->covered);
	free(cs->touched);
	free(cs->units);
	memset(cs, 0, sizeof(*cs));
}

#define SEEN_MAX 256

typedef struct lookup {
	const wl_index *idx;
	const char *unit;
	size_t len;
	found hits[TERMS_PER_UNIT];
	size_t nhits;
	uint32_t seen[SEEN_MAX]; /* terms already compared for this unit */
	size_t nseen;
} lookup;

/* True when the term was compared already (many deletion variants lead to it). */
static int seen_before(lookup *lk, uint32_t t)
{
	for (size_t i = 0; i < lk->nseen; i++)
		if (lk->seen[i] == t)
			return 1;
	if (lk->nseen < SEEN_MAX)
		lk->seen[lk->nseen++] = t;
	return 0;
}

static void add_hit(lookup *lk, uint32_t term, float sim)
{
	for (size_t i = 0; i < lk->nhits; i++) {
		if (lk->hits[i].term == term) {
			if (sim > lk->hits[i].sim)
				lk->hits[i].sim = sim;
			return;
		}
	}
	if (lk->nhits < TERMS_PER_UNIT)
		lk->hits[lk->nhits++] = (found){term, sim};
}

/* Visits the slots of a key; calls check for each term whose tag agrees. */
static void probe(lookup *lk, const wl_disk_slot *slots, size_t cap, const char *key, size_t n,
		  void (*check)(lookup *, uint32_t))
{
	uint64_t h = wl_key_hash(key, n);
	uint32_t tag = wl_key_tag(h);
	size_t mask = cap - 1;
	for (size_t i = (size_t)h & mask; slots[i].tag; i = (i + 1) & mask)
		if (slots[i].tag == tag)
			check(lk, slots[i].term);
}

static const char *term_text(const wl_index *idx, uint32_t t, size_t *len)
{
	*len = idx->terms[t].len;
	return wl_index_str(idx, idx->terms[t].text);
}

static void check_exact(lookup *lk, uint32_t t)
{
	size_t n;
	const char *s = term_text(lk->idx, t, &n);
	if (n == lk->len && memcmp(s, lk->unit, n) == 0 && !seen_before(lk, t))
		add_hit(lk, t, 1.0f);
}

static void check_similar(lookup *lk, uint32_t t)
{
	if (seen_before(lk, t))
		return;
	size_t n;
	const char *s = term_text(lk->idx, t, &n);
	float sim = (float)wl_token_similarity(lk->unit, lk->len, s, n);
	if (sim > 0)
		add_hit(lk, t, sim);
}

static void probe_variant(void *ctx, const char *v, size_t n)
{
	lookup *lk = ctx;
	probe(lk, lk->idx->deletes, lk->idx->deletes_cap, v, n, check_similar);
}

/*
 * The terms a query unit may be. A single token: exact, within its typo
 * budget, or by skeleton. Joined tokens ("gao bin" as "gaobin"): exact, or
 * within one typo fewer, as the name alignment compares them.
 */
static void find_terms(lookup *lk, int joined)
{
	const wl_index *idx = lk->idx;
	lk->nhits = 0;
	lk->nseen = 0;
	probe(lk, idx->term_hash, idx->term_hash_cap, lk->unit, lk->len, check_exact);
	int budget = wl_delete_budget(lk->len) - joined;
	if (budget >= 0)
		wl_deletion_variants(lk->unit, lk->len, budget, probe_variant, lk);
	if (!joined && lk->len >= 4) {
		char skel[WL_NAME_MAX];
		size_t k = wl_skeleton(lk->unit, lk->len, skel, sizeof(skel));
		if (k >= 3)
			probe(lk, idx->skeletons, idx->skeletons_cap, skel, k, check_similar);
	}
}

static int cmp_found(const void *a, const void *b)
{
	float x = ((const found *)a)->sim, y = ((const found *)b)->sim;
	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * Credits the entities of the terms found for one query unit. Units come
 * rarest first; a common term (more than COMMON_MIN postings, or 1% of the
 * entities) then only adds to entities a rarer unit found, so that "wang" or
 * "mohammad" in a million names costs nothing unless nothing rarer matched.
 */
/* Whether a term's postings (ascending entity numbers) hold entity e. */
static int postings_have(const wl_index *idx, const wl_disk_term *t, uint32_t e)
{
	const uint32_t *p = idx->postings + t->first;
	size_t lo = 0, hi = t->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p[mid] == e)
			return 1;
		if (p[mid] < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A common term credits the entities found so far that it names: a look-up each, no walk. */
static void credit_known(const wl_index *idx, wl_cand_scratch *cs, const wl_disk_term *t, float w,
			 uint32_t mask)
{
	for (size_t i = 0; i < cs->ntouched; i++) {
		uint32_t e = cs->touched[i];
		if (cs->stamp[e] == cs->unit || !postings_have(idx, t, e))
			continue;
		cs->stamp[e] = cs->unit;
		cs->acc[e] += w;
		cs->covered[e] |= mask;
	}
}

static void credit(const wl_index *idx, wl_cand_scratch *cs, struct cand_unit *u, uint32_t common)
{
	cs->unit++;
	float nentities = (float)idx->nentities;
	for (size_t h = 0; h < u->nhits; h++) {
		const wl_disk_term *t = &idx->terms[u->hits[h].term];
		float w = logf(1.0f + nentities / (float)(t->count ? t->count : 1)) * u->hits[h].sim;
		int only_known = t->count > common && cs->ntouched > 0;
		if (only_known && cs->ntouched * 16 < t->count) {
			credit_known(idx, cs, t, w, u->mask);
			continue;
		}
		for (uint32_t p = 0; p < t->count; p++) {
			uint32_t e = idx->postings[t->first + p];
			if (cs->stamp[e] == cs->unit || (only_known && !cs->stamp[e]))
				continue;
			if (!cs->stamp[e])
				cs->touched[cs->ntouched++] = e;
			cs->stamp[e] = cs->unit;
			cs->acc[e] += w;
			cs->covered[e] |= u->mask;
		}
	}
}

static int cmp_unit_rarity(const void *a, const void *b)
{
	uint32_t x = ((const struct cand_unit *)a)->rarest, y = ((const struct cand_unit *)b)->rarest;
	return x < y ? -1 : x > y;
}

/* Keeps the best max entities by credit (a min-heap on credit). */
static size_t select_best(wl_cand_scratch *cs, uint32_t *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < cs->ntouched; i++) {
		uint32_t e = cs->touched[i];
		float a = cs->acc[e];
		if (n < max) {
			size_t k = n++;
			out[k] = e;
			while (k && cs->acc[out[(k - 1) / 2]] > a) {
				uint32_t t = out[k];
				out[k] = out[(k - 1) / 2];
				out[(k - 1) / 2] = t;
				k = (k - 1) / 2;
			}
		} else if (a > cs->acc[out[0]]) {
			out[0] = e;
			size_t k = 0;
			for (;;) {
				size_t l = 2 * k + 1, r = l + 1, m = k;
				if (l < n && cs->acc[out[l]] < cs->acc[out[m]])
					m = l;
				if (r < n && cs->acc[out[r]] < cs->acc[out[m]])
					m = r;
				if (m == k)
					break;
				uint32_t t = out[k];
				out[k] = out[m];
				out[m] = t;
				k = m;
			}
		}
	}
	return n;
}

size_t wl_candidates(const wl_index *idx, wl_cand_scratch *cs, const wl_name *q, uint32_t *out,
		     uint32_t *covered, size_t max)
{
	lookup lk = {.idx = idx};
	char joined[WL_NAME_MAX];
	size_t nunits = 0;
	for (size_t i = 0; i < q->ntokens; i++) {
		size_t len = 0;
		for (size_t k = 0; k < JOIN_MAX && i + k < q->ntokens && nunits < UNITS_MAX; k++) {
			const wl_token *t = &q->tokens[i + k];
			memcpy(joined + len, q->text + t->off, t->len);
			len += t->len;
			lk.unit = joined;
			lk.len = len;
			find_terms(&lk, k > 0);
			if (!lk.nhits)
				continue;
			struct cand_unit *u = &cs->units[nunits++];
			u->mask = ((1u << (k + 1)) - 1) << i;
			u->nhits = lk.nhits;
			memcpy(u->hits, lk.hits, lk.nhits * sizeof(found));
			qsort(u->hits, u->nhits, sizeof(found), cmp_found);
			u->rarest = UINT32_MAX;
			for (size_t h = 0; h < u->nhits; h++)
				if (idx->terms[u->hits[h].term].count < u->rarest)
					u->rarest = idx->terms[u->hits[h].term].count;
		}
	}
	qsort(cs->units, nunits, sizeof(*cs->units), cmp_unit_rarity);
	uint32_t common = (uint32_t)(idx->nentities / 100);
	if (common < COMMON_MIN)
		common = COMMON_MIN;
	for (size_t u = 0; u < nunits; u++)
		credit(idx, cs, &cs->units[u], common);
	size_t n = select_best(cs, out, max);
	for (size_t i = 0; i < n; i++)
		covered[i] = cs->covered[out[i]];
	for (size_t i = 0; i < cs->ntouched; i++) {
		cs->acc[cs->touched[i]] = 0;
		cs->stamp[cs->touched[i]] = 0;
		cs->covered[cs->touched[i]] = 0;
	}
	cs->ntouched = 0;
	cs->unit = 0;
	return n;
}

void wl_index_name(const wl_index *idx, uint32_t name, wl_name *out)
{
	const wl_disk_name *nm = &idx->names[name];
	const char *s = wl_index_str(idx, nm->text);
	size_t len = strlen(s);
	memcpy(out->text, s, len + 1);
	out->len = len;
	out->flags = nm->flags;
	out->ntokens = 0;
	size_t i = 0;
	while (i < len && out->ntokens < nm->ntokens) {
		size_t j = i;
		while (j < len && s[j] != ' ')
			j++;
		wl_token *t = &out->tokens[out->ntokens];
		t->off = (uint16_t)i;
		t->len = (uint8_t)(j - i);
		t->flags = idx->tokflags[nm->tokflags + out->ntokens];
		out->ntokens++;
		i = j + 1;
	}
}

float wl_coverage_bound(const wl_name *q, uint32_t covered)
{
	float total = 0, met = 0;
	for (size_t i = 0; i < q->ntokens; i++) {
		float w = wl_token_weight(&q->tokens[i]);
		total += w;
		if ((covered >> i) & 1 || q->tokens[i].len == 1)
			met += w;
	}
	return total > 0 ? met / total : 0;
}
