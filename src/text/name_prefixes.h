/*
 * name_prefixes.h - honorifics and articles that precede names ("Mr", "Dr.",
 * "The Honourable", "Sheikh"), as phrase sets for the normaliser.
 *
 * The lists come from rigour's stopwords.yml (PERSON_NAME_PREFIXES,
 * ORG_NAME_PREFIXES, OBJ_NAME_PREFIXES). Each phrase is normalised by the
 * caller's wl_phrase_norm_fn, so "Dr." is stored as "dr" and "Prof. Dr" as
 * "prof dr", and a name's leading tokens are looked up as the text of a run
 * of tokens. Read-only once loaded; may be shared between threads.
 */
#ifndef WL_NAME_PREFIXES_H
#define WL_NAME_PREFIXES_H

#include <stdbool.h>
#include <stddef.h>

#include "text/normalise.h"

typedef enum wl_prefix_list {
	WL_PREFIX_PERSON = 0, /* "Mr", "Dr", "Sheikh", "The Honourable" */
	WL_PREFIX_ORG = 1,    /* "The", "Le", "La" */
	WL_PREFIX_OBJ = 2,    /* vessels and aircraft: "The", "MV", "M/V" */
	WL_PREFIX_NLISTS = 3,
} wl_prefix_list;

typedef struct wl_name_prefixes wl_name_prefixes;

/*
 * Loads path (stopwords.yml), normalising every phrase with norm(ctx, ...).
 * WL_EIO when the file cannot be read; WL_EINPUT, naming the file and line,
 * when it is not YAML or a list is not a list of strings.
 */
int wl_name_prefixes_load(wl_name_prefixes **out, const char *path, wl_phrase_norm_fn norm,
                          void *ctx);
void wl_name_prefixes_free(wl_name_prefixes *np);

/* The most tokens of any prefix of the list that begins with token tok; 0 for none. */
unsigned wl_name_prefixes_span(const wl_name_prefixes *np, wl_prefix_list list, const char *tok,
                               size_t len);

/* Whether phrase (normalised tokens separated by single spaces) is a prefix of the list. */
bool wl_name_prefixes_has(const wl_name_prefixes *np, wl_prefix_list list, const char *phrase,
                          size_t len);

/* Number of distinct normalised phrases in the list. */
size_t wl_name_prefixes_count(const wl_name_prefixes *np, wl_prefix_list list);

#endif
