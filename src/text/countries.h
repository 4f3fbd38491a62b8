/*
 * countries.h - countries as ISO 3166-1 codes, from names, codes and adjectives.
 *
 * Lists write countries every way there is: "China", "CHN", "CN", "Chinese",
 * "Russian Federation", "Russia", "Korea, North", "Côte d'Ivoire". The model
 * stores one form, the lower-case ISO 3166-1 alpha-2 code ("cn"), so that a
 * query's "Chinese" meets a list's "China". Names and codes come from
 * Debian's iso-codes (iso_3166-1.json and, for former countries, 3166-3),
 * loaded once on first use; the forms lists use that iso-codes lacks
 * (adjectives, short names, "Kosovo") come from the table in this module.
 */
#ifndef WL_COUNTRIES_H
#define WL_COUNTRIES_H

#include <stddef.h>

/*
 * The lower-case ISO 3166-1 alpha-2 code (or a user-assigned code such as
 * "xk" for Kosovo) for a country's name, official or common name, alpha-2 or
 * alpha-3 code, or adjective; case, accents, punctuation and a leading
 * "the" do not matter. NULL when unknown. Thread-safe. len may be
 * (size_t)-1 for a NUL-terminated string.
 */
const char *wl_country_code(const char *text, size_t len);

/* The country's short name for a code ("cn" -> "China"), or NULL. */
const char *wl_country_name(const char *code);

#endif
