/*
 * similarity.h - how alike two name tokens are, and two whole names.
 *
 * Tokens are the lower-case ASCII words the normaliser makes. Token
 * similarity is 1 for equal tokens, a bounded edit distance for typos (the
 * number of edits allowed grows with the length: none for 1-3 letters, one
 * up to 7, two up to 11, three beyond), a consonant skeleton for
 * transliteration variants ("mohammed" ~ "muhammad"), and 0 otherwise.
 * Digits are significant: tokens with digits must have the same digits in
 * the same places ("apt31" is never "apt3" nor "apt310"). A typo costs
 * its share of the longer token (1 - edits / length).
 *
 * Name similarity aligns the tokens of two names in any order, allowing a
 * token on one side to meet two joined tokens on the other ("gaobin" ~
 * "gao bin", "apt31" ~ "apt 31") and an initial to meet a token it begins
 * ("g" ~ "gaobin"), and weighs the aligned pairs by token length, with
 * company legal forms light. Pinyin and Hangul syllables match exactly or
 * not at all, and joined tokens allow one typo fewer. The result says how much of each name was
 * matched, which is what the scorer turns into a score and an explanation.
 */
#ifndef WL_SIMILARITY_H
#define WL_SIMILARITY_H

#include <stddef.h>

#include "text/normalise.h"

/* Edit distance (insert, delete, substitute, transpose adjacent) if <= max, else max + 1. */
int wl_edit_distance(const char *a, size_t na, const char *b, size_t nb, int max);

/* Jaro-Winkler similarity in 0..1. */
double wl_jaro_winkler(const char *a, size_t na, const char *b, size_t nb);

/* The edits a token of this length may differ by and still match. */
int wl_typo_budget(size_t len);

/*
 * The consonant skeleton of a token into out (cap bytes): first letter kept,
 * vowels, h, w and y dropped after it, letters that transliterations
 * confuse folded (q, c, g, j -> k; z -> s; v -> f; ph -> f), doubled
 * letters counted once. Two tokens with the same skeleton that also look
 * alike (Jaro-Winkler >= 0.78) are transliteration variants.
 * Returns its length.
 */
size_t wl_skeleton(const char *t, size_t n, char *out, size_t cap);

/* Similarity of two tokens in 0..1 (0 when they do not match at all). */
double wl_token_similarity(const char *a, size_t na, const char *b, size_t nb);

#define WL_ALIGN_MAX 32

typedef struct wl_alignment_pair {
	unsigned char q_first, q_count; /* query tokens [q_first, q_first + q_count) */
	unsigned char c_first, c_count; /* candidate tokens */
	float sim;
} wl_alignment_pair;

typedef struct wl_alignment {
	wl_alignment_pair pairs[WL_ALIGN_MAX];
	size_t npairs;
	float q_weight, q_matched; /* total and matched (similarity-weighted) token weight */
	float c_weight, c_matched;
	float score;               /* name score in 0..1 from both coverages */
} wl_alignment;

/*
 * A token's weight in a name: its length up to 10, a legal form a fifth of
 * that, a pinyin or Hangul syllable at least 3, any token at least 1.
 */
float wl_token_weight(const wl_token *t);

/* Aligns the tokens of two names and scores the alignment. */
void wl_name_align(const wl_name *q, const wl_name *c, wl_alignment *out);

#endif
