/*
 * index.h - the index file inside the library: writing it, and the opened view.
 *
 * wl_index_write() turns a dataset into an index file, atomically: it writes
 * a temporary file next to the target and renames it only when complete, so
 * an existing index is never left half-written. wl_index_open() (public, in
 * watchlist.h) maps a file, checks it whole, and gives the read-only view
 * below, whose arrays point into the mapping.
 */
#ifndef WL_INDEX_H
#define WL_INDEX_H

#include <stddef.h>

#include "index/format.h"
#include "model/entity.h"
#include "text/normalise.h"
#include "watchlist.h"

struct wl_index {
	void *map;
	size_t map_size;
	const wl_disk_header *header;
	const char *strings;
	size_t strings_size;
	const uint32_t *sources; /* string offsets of the sources' JSON */
	size_t nsources;
	const wl_disk_entity *entities;
	size_t nentities;
	const wl_disk_value *values;
	size_t nvalues;
	const wl_disk_link *links;
	size_t nlinks;
	const uint32_t *ids;
	const uint32_t *backlinks;
	size_t nbacklinks;
	/* The matching index. */
	const wl_disk_name *names;
	size_t nnames;
	const uint32_t *entity_names; /* nentities + 1 */
	const uint8_t *tokflags;
	size_t ntokflags;
	const wl_disk_term *terms;
	size_t nterms;
	const uint32_t *postings;
	size_t npostings;
	const wl_disk_slot *term_hash, *deletes, *skeletons;
	size_t term_hash_cap, deletes_cap, skeletons_cap;
	/* Parsed from the SOURCES section when the file is opened (owned). */
	void *source_meta;        /* jansson array of the sources' objects */
	const char **source_name; /* per source: "us_ofac_sdn" */
	const char **source_date; /* per source: list date, or NULL */
};

/* Writes ds to path with its matching index (names normalised with norm). */
int wl_index_write(const wl_dataset *ds, wl_normaliser *norm, const char *path);

/* The string at an offset ("" for 0). Offsets were checked when the file was opened. */
static inline const char *wl_index_str(const wl_index *idx, uint32_t off)
{
	return idx->strings + off;
}

/* An entity as a jansson object (see entity_json.c); the caller owns it. */
struct json_t;
struct json_t *wl_index_entity_object(const wl_index *idx, size_t n);

/* The entity's other listings ("sameAs" links both ways): [{id, caption, dataset, detail}]. */
struct json_t *wl_index_other_listings(const wl_index *idx, size_t n);

/* A screening result as a jansson object (result_json.c). */
struct json_t *wl_result_object(const wl_index *idx, const wl_result *r);

/* The normalisation tables' folder: $WATCHLIST_DATA, else the bundled data/. */
const char *wl_data_dir(void);
/* A normaliser for this thread, cloned from one loaded once per process. */
int wl_shared_normaliser(wl_normaliser **out);

/* The entity number of an id, or -1. */
long wl_index_find(const wl_index *idx, const char *id);

#endif
