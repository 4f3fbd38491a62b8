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

_Static_assert(sizeof(wl_disk_header) == WL_INDEX_HEADER_SIZE, "header size");
_Static_assert(sizeof(wl_disk_section) == 24, "section size");
_Static_assert(sizeof(wl_disk_entity) == 40, "entity size");
_Static_assert(sizeof(wl_disk_value) == 24, "value size");
_Static_assert(sizeof(wl_disk_link) == 28, "link size");

#endif
