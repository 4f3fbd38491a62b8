/*
 * watchlist.h - the public C API of libwatchlist.
 *
 * watchlist screens names against sanctions lists and threat-actor registries.
 * The library reads list files into one entity model, writes them to a single
 * index file, and opens that file (mmap) to look entities up and screen names.
 *
 * Conventions (after libgit2): functions return 0 or a negative WL_E* code;
 * objects are opaque and created by wl_thing_new/open(wl_thing **out, ...);
 * wl_error_last() gives the message of the last failure on this thread.
 */
#ifndef WATCHLIST_H
#define WATCHLIST_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WL_VERSION "0.1.0"

/* Error codes. Stable: scripts and bindings may rely on them. */
enum {
	WL_OK = 0,
	WL_ENOMEM = -1,    /* out of memory */
	WL_EIO = -2,       /* a file could not be read or written */
	WL_EINPUT = -3,    /* malformed input: a list file, a query, a record */
	WL_ENOTFOUND = -4, /* no such entity, file or source */
	WL_EINDEX = -5,    /* the index file is damaged, truncated or of another version */
	WL_EUSAGE = -6,    /* the call's arguments are wrong */
};

/* The message of the last error on this thread ("" when there was none). */
const char *wl_error_last(void);

/*
 * Builds an index file from list files or folders (each file's format is
 * detected from its content). The file at out is replaced only when the new
 * index is complete; on any error it is left as it was. manifest, if not
 * NULL, is a TSV file "sha256<TAB>list date<TAB>path" that dates list files
 * that carry no date of their own. progress, if not NULL, is called with
 * each file's path before it is read. On bad input the error message names
 * the file, line and field.
 */
typedef struct wl_build_options {
	const char *manifest;
	void (*progress)(void *ctx, const char *path);
	void *progress_ctx;
} wl_build_options;

typedef struct wl_build_stats {
	size_t sources, entities, values, links, links_resolved;
} wl_build_stats;

int wl_index_build(const char *out, const char *const *paths, size_t npaths,
		   const wl_build_options *opts, wl_build_stats *stats);

/* An opened index file. Read-only and safe to share between threads. */
typedef struct wl_index wl_index;

int wl_index_open(wl_index **out, const char *path);
void wl_index_close(wl_index *idx);

/* Number of entities and of sources (list files read) in the index. */
size_t wl_index_entity_count(const wl_index *idx);
size_t wl_index_source_count(const wl_index *idx);

/*
 * An entity as FollowTheMoney-style JSON (every property with its
 * provenance, and its links), written to *out as a NUL-terminated string the
 * caller frees with free(). WL_ENOTFOUND when no entity has that id.
 */
int wl_index_entity_json(char **out, const wl_index *idx, const char *id);

/* The sources of the index (name, list date, files and hashes, counts) as JSON. */
int wl_index_sources_json(char **out, const wl_index *idx);

#ifdef __cplusplus
}
#endif
#endif
