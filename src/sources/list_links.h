/*
 * list_links.h - links between the records of one designation in several lists.
 *
 * The UK, EU and other lists cite the UN listing they implement by its UN
 * reference number ("QDi.001"); the UN's own record carries the same number.
 * After all files are read, wl_lists_link() joins every pair of records of
 * different sources that share a reference number with "sameAs" links both
 * ways, detail "UN reference QDi.001", so that a hit on one listing shows
 * the others. Nothing is merged: each listing keeps its own facts and
 * provenance, and each is found on its own.
 */
#ifndef WL_LIST_LINKS_H
#define WL_LIST_LINKS_H

#include "model/entity.h"

/* Returns the number of links added (idempotent), or a negative WL_E* code. */
int wl_lists_link(wl_dataset *ds);

#endif
