/*
 * match.h - the two stages of screening, inside the library.
 *
 * Stage one (candidates.c) turns the query's tokens into index terms -
 * exactly, through the typo neighbourhood and through consonant skeletons -
 * and ranks entities by the weight of the query tokens they share; it is
 * built to miss nothing that could score well. Stage two (score.c) scores
 * each candidate: the best alignment of the query name with any of the
 * entity's names, then the qualifiers (date of birth, country, schema,
 * identifiers), each with its explanation.
 */
#ifndef WL_MATCH_H
#define WL_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "index/index.h"
#include "match/similarity.h"
#include "model/props.h"
#include "text/dates.h"
#include "text/normalise.h"

#define WL_CANDIDATES_MAX 256

/* A query, normalised once before its candidates are scored. */
typedef struct wl_prepared_query {
	const wl_query *q;
	wl_name name;
	int schema;          /* wl_schema, or -1 */
	bool has_date;
	wl_date date;
	const char *country; /* ISO code, or NULL */
	char id[64];         /* identifier folded: upper-case letters and digits */
	bool explain;        /* write the features' texts (only for results returned) */
} wl_prepared_query;

/* Working memory of the candidate stage, sized to the index (one per thread). */
typedef struct wl_cand_scratch {
	float *acc;       /* per entity */
	uint32_t *covered; /* per entity: the query tokens some term of it met */
	uint32_t *stamp;  /* per entity: the query unit that last credited it, + 1 */
	uint32_t *touched;
	size_t ntouched;
	uint32_t unit;
	struct cand_unit *units; /* the query's units and the terms found for each */
} wl_cand_scratch;

int wl_cand_scratch_init(wl_cand_scratch *cs, const wl_index *idx);
void wl_cand_scratch_free(wl_cand_scratch *cs);

/*
 * The up to max best candidate entities for a query name, into out, with
 * for each the query tokens that met one of its terms (covered[i], a bit a
 * token); returns how many.
 */
size_t wl_candidates(const wl_index *idx, wl_cand_scratch *cs, const wl_name *q, uint32_t *out,
		     uint32_t *covered, size_t max);

/*
 * The most of the query name's weight an entity's names can match, given
 * the tokens the candidate stage saw met (initials, which it does not look
 * up, count as met): an upper bound of the name score.
 */
float wl_coverage_bound(const wl_name *q, uint32_t covered);

/* A name of the index as a wl_name (tokens and their flags). */
void wl_index_name(const wl_index *idx, uint32_t name, wl_name *out);

/*
 * Scores one entity against a prepared query; fills r's score and features
 * (but not its id etc.). The features' texts are written only when
 * pq->explain is set: candidates are scored without them, and the results
 * returned scored again with them (the scores are the same).
 */
void wl_score_entity(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
		     wl_result *r);

/* Upper-case letters and digits of an identifier; returns its length. */
size_t wl_fold_identifier(const char *s, char *out, size_t cap);

#endif
