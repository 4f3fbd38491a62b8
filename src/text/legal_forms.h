/*
 * legal_forms.h - company legal forms ("Co., Ltd.", "GmbH", "ООО") as a
 * phrase table for the normaliser.
 *
 * The table comes from rigour's org_types.yml. Every alias of a type maps to
 * the type's compare form (else its display form, else its generic form).
 * Aliases and forms are keys of normalised text: they go through the same
 * pipeline as names (the caller's wl_phrase_norm_fn), so "Co., Ltd." is
 * stored as "co ltd" and "ООО" as "ooo", and a name's tokens are looked up as
 * the text of a run of tokens. A table is read-only once loaded and may be
 * shared between threads.
 */
#ifndef WL_LEGAL_FORMS_H
#define WL_LEGAL_FORMS_H

#include <stddef.h>

#include "text/normalise.h"

typedef struct wl_legal_forms wl_legal_forms;

/*
 * Loads path (org_types.yml), normalising every phrase with norm(ctx, ...).
 * WL_EIO when the file cannot be read; WL_EINPUT, naming the file and line,
 * when it is not YAML or not shaped like org_types.yml.
 */
int wl_legal_forms_load(wl_legal_forms **out, const char *path, wl_phrase_norm_fn norm, void *ctx);
void wl_legal_forms_free(wl_legal_forms *lf);

/*
 * The most tokens of any alias that begins with the token tok (len bytes,
 * normalised); 0 when no alias begins with it. Lets the matcher skip most
 * tokens with one look-up.
 */
unsigned wl_legal_forms_span(const wl_legal_forms *lf, const char *tok, size_t len);

/*
 * The compare form ("coltd", "llc", "ao"; normalised tokens separated by
 * single spaces) of the alias whose normalised text is phrase (len bytes),
 * or NULL when phrase is no alias.
 */
const char *wl_legal_forms_lookup(const wl_legal_forms *lf, const char *phrase, size_t len);

/* Number of distinct normalised aliases in the table. */
size_t wl_legal_forms_count(const wl_legal_forms *lf);

#endif
