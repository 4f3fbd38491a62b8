/*
 * format.h - the on-disk layout of a watchlist index file.
 *
 * One file holds everything a screening process needs; it is opened with
 * mmap and used in place, so start-up costs milliseconds and processes share
 * the pages. Layout (all integers little-endian, every section 8-aligned):
 *
 *   header    64 bytes: magic "WLINDEX\0", format version, section count,
 *             file size, XXH3-64 checksum of every byte after the header,
 *             creation time
 *   sections  a table of {kind, count, offset, size}, then the sections
 *
 * Sections: STRINGS (NUL-terminated UTF-8 strings, referred to by offset;
 * offset 0 is the empty string, meaning "absent"); SOURCES (one JSON object
 * a source: name, title, dates, files with hashes); ENTITIES, VALUES and
 * LINKS (fixed-size records below); IDS (entity numbers sorted by id, for
 * look-up by binary search); BACKLINKS (for each entity, the links that
 * point at it). The matching index adds its own sections; a reader refuses
 * a file whose version it does not know, or that lacks a section it needs.
 * Any change to a record's layout bumps WL_INDEX_VERSION.
 */
#ifndef WL_INDEX_FORMAT_H
#define WL_INDEX_FORMAT_H

#include <stdint.h>

#define WL_INDEX_MAGIC "WLINDEX"   /* 8 bytes with its NUL */
#define WL_INDEX_VERSION 1u
#define WL_INDEX_HEADER_SIZE 64u
#define WL_INDEX_MAX_SECTIONS 32u
#define WL_NONE UINT32_MAX

enum wl_section_kind {
	WL_SEC_STRINGS = 1,
	WL_SEC_SOURCES = 2,   /* u32 string offsets, one per source */
	WL_SEC_ENTITIES = 3,
	WL_SEC_VALUES = 4,
	WL_SEC_LINKS = 5,
	WL_SEC_IDS = 6,       /* u32 entity numbers in id order */
	WL_SEC_BACKLINKS = 7, /* u32 link numbers, grouped by target entity */
	/* The matching index (match_build.c): */
	WL_SEC_NAMES = 8,        /* wl_disk_name, grouped by entity */
	WL_SEC_ENTITY_NAMES = 9, /* u32 first name of each entity, and one past the last */
	WL_SEC_TOKFLAGS = 10,    /* u8 token flags, ntokens for each name */
	WL_SEC_TERMS = 11,       /* wl_disk_term: every token and joined token pair */
	WL_SEC_POSTINGS = 12,    /* u32 entity numbers, ascending for each term */
	WL_SEC_TERM_HASH = 13,   /* wl_disk_slot: term text -> term */
	WL_SEC_DELETES = 14,     /* wl_disk_slot: a term with letters deleted -> term */
	WL_SEC_SKELETONS = 15,   /* wl_disk_slot: a term's consonant skeleton -> term */
};

typedef struct wl_disk_header {
	char magic[8];
	uint32_t version;
	uint32_t nsections;
	uint64_t file_size;
	uint64_t checksum; /* XXH3-64 of bytes [WL_INDEX_HEADER_SIZE, file_size) */
	uint64_t created;  /* seconds since the epoch */
	uint8_t reserved[24];
} wl_disk_header;

typedef struct wl_disk_section {
	uint32_t kind;
	uint32_t count;  /* records in the section */
	uint64_t offset; /* from the start of the file */
	uint64_t size;   /* bytes */
} wl_disk_section;

typedef struct wl_disk_entity {
	uint32_t id;        /* string */
	uint32_t source_id; /* string */
	uint32_t caption;   /* string */
	uint16_t source;
	uint8_t schema;
	uint8_t pad;
	uint32_t first_value, nvalues;
	uint32_t first_link, nlinks;
	uint32_t first_backlink, nbacklinks;
} wl_disk_entity;

typedef struct wl_disk_value {
	uint16_t prop;
	uint16_t source;
	uint32_t text;     /* strings: */
	uint32_t detail;
	uint32_t country;
	uint32_t record;
	uint32_t original;
} wl_disk_value;

typedef struct wl_disk_link {
	uint32_t owner;       /* entity number */
	uint32_t target;      /* entity number, or WL_NONE when unresolved */
	uint32_t type;        /* strings: */
	uint32_t target_name;
	uint32_t detail;
	uint32_t record;
	uint16_t source;
	uint16_t pad;
} wl_disk_link;

/* One name of an entity (name, alias, weakAlias, previousName), normalised. */
typedef struct wl_disk_name {
	uint32_t entity;
	uint32_t text;     /* string: the normalised tokens, space-separated */
	uint32_t tokflags; /* offset in TOKFLAGS of ntokens bytes */
	uint16_t prop;     /* the property the name came from */
	uint8_t ntokens;
	uint8_t flags;     /* WL_NAME_* */
	uint32_t value;    /* the value it was normalised from */
} wl_disk_name;

typedef struct wl_disk_term {
	uint32_t text;  /* string */
	uint32_t len;   /* its length in bytes */
	uint32_t first; /* into POSTINGS */
	uint32_t count;
} wl_disk_term;

/*
 * A slot of an open-addressing hash table (capacity a power of two, linear
 * probing): the high 32 bits of the key's XXH3-64 hash (0: empty slot; a
 * tag of 0 is stored as 1) and a term number. The low bits pick the first
 * slot. One key may have several slots (several terms): a look-up visits
 * every slot up to the first empty one and keeps those whose tag agrees,
 * and the caller checks what it finds (tags can collide).
 */
typedef struct wl_disk_slot {
	uint32_t tag;
	uint32_t term;
} wl_disk_slot;

_Static_assert(sizeof(wl_disk_name) == 20, "name size");
_Static_assert(sizeof(wl_disk_term) == 16, "term size");
_Static_assert(sizeof(wl_disk_slot) == 8, "slot size");
_Static_assert(sizeof(wl_disk_header) == WL_INDEX_HEADER_SIZE, "header size");
_Static_assert(sizeof(wl_disk_section) == 24, "section size");
_Static_assert(sizeof(wl_disk_entity) == 40, "entity size");
_Static_assert(sizeof(wl_disk_value) == 24, "value size");
_Static_assert(sizeof(wl_disk_link) == 28, "link size");

#endif
