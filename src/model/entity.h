/*
 * entity.h - the in-memory entity model that every reader fills.
 *
 * A dataset is what one `watchlist index` run reads: its sources (one per
 * list, e.g. "us_ofac_sdn", each with the files read for it) and the
 * entities read from them. An entity has an id ("ofac-47818"), the list's
 * own id ("47818"), a schema, and values: each value is one fact, a property
 * (name, birthDate, idNumber, ...) with its text, and its provenance: the
 * source, the list's record id it came from, and optional qualifiers (the
 * kind of identifier, the country it belongs to, the original wording).
 * Links join entities: OFAC "Linked To:", a threat actor's record in another
 * registry, an owner. A link names its target by id when the list gives one,
 * or by name until wl_dataset_resolve_links() finds the entity.
 *
 * The dataset owns all memory, in one arena; nothing is freed one by one.
 * Readers put text in as UTF-8; values are trimmed, empty ones dropped and
 * exact repeats (same property, text and detail) kept once.
 */
#ifndef WL_ENTITY_H
#define WL_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "props.h"
#include "strmap.h"

#define WL_SOURCE_MAX_FILES 256

typedef struct wl_source_file {
	const char *path;      /* as given to the reader */
	const char *sha256;    /* hex digest of the file's bytes */
	uint64_t bytes;
	const char *role;      /* "sdn", "alt", "add", "comments", "list", ... */
} wl_source_file;

typedef struct wl_source {
	const char *name;      /* dataset name: "us_ofac_sdn", "un_sc_sanctions", ... */
	const char *title;     /* "OFAC Specially Designated Nationals (SDN) List" */
	const char *format;    /* the reader: "ofac_csv", "un_xml", ... */
	const char *publisher; /* "US Treasury OFAC" */
	const char *list_date; /* ISO date of the list, NULL if unknown */
	const char *url;       /* where the list is published */
	const char *licence;
	wl_source_file files[WL_SOURCE_MAX_FILES];
	size_t nfiles;
} wl_source;

typedef struct wl_value {
	wl_prop prop;
	uint16_t source;       /* index into the dataset's sources */
	const char *text;      /* the value, normalised for its kind (ISO dates, country codes) */
	const char *detail;    /* qualifier, e.g. "National ID No.", "circa", "a.k.a."; or NULL */
	const char *country;   /* ISO 3166-1 alpha-2 the value belongs to (ids); or NULL */
	const char *record;    /* the list's own id of the record it came from */
	const char *original;  /* the list's own wording, when text was derived from it; or NULL */
} wl_value;

typedef struct wl_link {
	const char *type;        /* "linkedTo", "sameAs", "related", "owner", ... */
	const char *target;      /* entity id, NULL until resolved */
	const char *target_name; /* the target as the list names it, or NULL */
	const char *detail;      /* e.g. MISP's relation type, "similar" */
	uint16_t source;
	const char *record;
} wl_link;

typedef struct wl_entity {
	const char *id;        /* "ofac-47818" */
	const char *source_id; /* "47818" */
	uint16_t source;       /* the source that listed it first */
	uint16_t put_source;   /* the source of the values put now: the one the
	                          entity was last asked for with (wl_dataset_entity) */
	wl_schema schema;
	wl_value *values;
	size_t nvalues, capvalues;
	wl_link *links;
	size_t nlinks, caplinks;
} wl_entity;

typedef struct wl_dataset {
	wl_arena arena;
	wl_source *sources;
	size_t nsources, capsources;
	wl_entity **entities;  /* in the order read */
	size_t nentities, capentities;
	wl_strmap by_id;
	/* When set, every source a reader declares takes this name (--source NAME=PATH). */
	const char *source_rename;
	/* Called before each file is read (progress); optional. */
	void (*on_file)(void *ctx, const char *path);
	void *on_file_ctx;
} wl_dataset;

/*
 * Optional provenance and qualifiers of a value; NULL fields mean: none, and
 * the entity's own record. A value's source is the one its entity was last
 * asked for with (wl_dataset_entity).
 */
typedef struct wl_fact {
	const char *detail;
	const char *country;
	const char *record;   /* NULL: the entity's source_id */
	const char *original;
} wl_fact;

int wl_dataset_new(wl_dataset **out);
void wl_dataset_free(wl_dataset *ds);

/*
 * Returns the index of the source named src->name, adding it if new (its
 * strings are copied). A source that exists already gains src's files and
 * any fields it lacked. Returns a negative WL_E* code on failure.
 */
int wl_dataset_source(wl_dataset *ds, const wl_source *src);

/*
 * Forgets everything a source said: its values and links, the entities left
 * with no value, its files and metadata (its name and index stay). Used to
 * replace one list by a newer file. Returns the number of entities removed.
 */
size_t wl_dataset_drop_source(wl_dataset *ds, int source);

/* The index of the source with that name, or -1. */
int wl_dataset_source_find(const wl_dataset *ds, const char *name);

/* Adds a file (path, hash and size computed here) to a source. */
int wl_dataset_source_file(wl_dataset *ds, int source, const char *path, const char *role);

/*
 * The entity with id "<prefix>-<source_id>", created with the given schema
 * if it does not exist. An existing entity keeps its schema, unless it was
 * the generic LegalEntity and a more specific one is given. Values and links
 * put on the entity from now on are the given source's: one entity can be
 * listed by several lists (an OFAC entity number on both the SDN and the
 * consolidated list), each fact with its own. NULL: no memory.
 */
wl_entity *wl_dataset_entity(wl_dataset *ds, int source, const char *prefix,
			     const char *source_id, wl_schema schema);

wl_entity *wl_dataset_find(const wl_dataset *ds, const char *id);

/*
 * Adds a value. text is len bytes (or NUL-terminated with len == (size_t)-1),
 * valid UTF-8; white space at both ends is trimmed and inner runs of white
 * space become one space. Returns 0 (also when the value was empty or a
 * repeat), WL_EINPUT when text is not valid UTF-8, WL_ENOMEM.
 */
int wl_entity_put(wl_dataset *ds, wl_entity *e, wl_prop prop, const char *text, size_t len,
		  const wl_fact *fact);

/* wl_entity_put for a NUL-terminated string. */
int wl_entity_puts(wl_dataset *ds, wl_entity *e, wl_prop prop, const char *text, const wl_fact *fact);

/* Adds a link to target (an entity id) or to target_name (resolved later). */
int wl_entity_link(wl_dataset *ds, wl_entity *e, const char *type, const char *target,
		   const char *target_name, const char *detail, const wl_fact *fact);

/* The first value of a property, or NULL. */
const wl_value *wl_entity_first(const wl_entity *e, wl_prop prop);
/* The caption: the first name, else the first alias, else the id. */
const char *wl_entity_caption(const wl_entity *e);

/*
 * Resolves links that name their target only by name: the target is the
 * entity of the same source with that name (or alias), compared without
 * regard to case and white space; an ambiguous or unknown name stays
 * unresolved, with its name kept. Returns the number of links resolved.
 */
size_t wl_dataset_resolve_links(wl_dataset *ds);

/* True when s (n bytes) is well-formed UTF-8 without NUL bytes. */
bool wl_utf8_valid(const char *s, size_t n);

#endif
