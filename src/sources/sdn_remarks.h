/*
 * sdn_remarks.h - OFAC's "Remarks" field parsed into properties.
 *
 * OFAC's legacy CSV files (sdn.csv, cons_prim.csv) put most of what they
 * know about an entry in one free-text column, a list of fragments
 * separated by "; " and closed by a ".":
 *
 *   DOB 27 Oct 1985; POB Jingzhou, Hubei, China; nationality China;
 *   Gender Male; Identification Number 421003198510272917 (China).
 *
 * This module splits the field into fragments and turns each into values
 * of the entity model: dates of birth (exact, month, year, circa, ranges),
 * places of birth, nationalities as country codes, identifiers of every
 * kind with their country and issue notes, weak aliases, "Linked To:"
 * links, websites, vessel and aircraft data. Nothing is lost: a fragment
 * it does not recognise becomes a `notes` value, and every value derived
 * from a fragment keeps the fragment as its original wording.
 */
#ifndef WL_SDN_REMARKS_H
#define WL_SDN_REMARKS_H

#include <stddef.h>

#include "model/entity.h"

/*
 * Where remarks came from. The text of an entry's remarks may be its main
 * record's text followed by a continuation from the comments file: the
 * fragments that start at or after tail_from are credited to tail_record.
 * record NULL means the entity's own record.
 */
typedef struct wl_sdn_origin {
	const char *record;
	size_t tail_from;
	const char *tail_record;
} wl_sdn_origin;

/* Called for each fragment: len bytes at frag, offset bytes into the remarks. */
typedef int (*wl_sdn_fragment_fn)(void *ctx, const char *frag, size_t len, size_t offset);

/*
 * Splits remarks (len bytes) into fragments: at ";" outside parentheses and
 * single-quoted names, the final "." dropped (but kept after an initialism
 * such as "S.A."), fragments trimmed, empty ones skipped. Returns 0, or the
 * first non-zero result of fn.
 */
int wl_sdn_remarks_split(const char *remarks, size_t len, wl_sdn_fragment_fn fn, void *ctx);

/*
 * Parses one fragment (len bytes, without the separating "; ") into values
 * and links of e. record: the provenance (NULL: e's own record).
 * Returns 0, WL_ENOMEM, or WL_EINPUT when the text is not valid UTF-8.
 */
int wl_sdn_remark_apply(wl_dataset *ds, wl_entity *e, const char *frag, size_t len,
                        const char *record);

/* Splits remarks and applies every fragment. origin may be NULL. */
int wl_sdn_remarks_apply(wl_dataset *ds, wl_entity *e, const char *remarks, size_t len,
                         const wl_sdn_origin *origin);

/*
 * An OFAC date ("27 Oct 1985", "27 October 1985", "Oct 1985", "1985") as an
 * ISO 8601 prefix in out ("1985-10-27", "1985-10", "1985"). Returns its
 * length (10, 7 or 4), or 0 when s (n bytes) is no such date.
 */
size_t wl_sdn_date_iso(const char *s, size_t n, char out[11]);

/*
 * A country as OFAC writes it ("China", "Korea, North", "Congo, Democratic
 * Republic of the", "Bahamas, The", "St. Kitts & Nevis", "Region: Gaza") as
 * a lower-case ISO 3166-1 code (text/countries.h), or NULL.
 */
const char *wl_sdn_country_code(const char *s, size_t n);

#endif
