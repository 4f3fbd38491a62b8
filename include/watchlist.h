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
/* A list file or folder read under a name of the user's choosing. */
typedef struct wl_named_source {
	const char *name; /* e.g. "us_ofac_sdn" to replace the bundled SDN list, or "mybank" */
	const char *path;
} wl_named_source;

typedef struct wl_build_options {
	const char *manifest;
	/* Read after the paths, each under its name: a source of that name read
	 * before is replaced (its facts forgotten), a new name is added. */
	const wl_named_source *named;
	size_t nnamed;
	const char *data_dir; /* normalisation tables; NULL: $WATCHLIST_DATA, else the bundled data/ */
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

/*
 * Screening. A query is a name with optional qualifiers; a screener holds
 * one thread's working memory (a normaliser, score buffers), so each thread
 * uses its own screener on a shared index. wl_screen() finds the entities
 * the query may be, best first, each with a score in 0..1 and an
 * explanation by feature; results stay valid until the screener's next call.
 */
typedef struct wl_query {
	const char *name;       /* required, UTF-8, any script */
	const char *schema;     /* FtM schema ("Person", "Organization", ...) or NULL */
	const char *birth_date; /* YYYY, YYYY-MM, YYYY-MM-DD (or DD.MM.YYYY, "27 Oct 1985"), or NULL */
	const char *country;    /* nationality or country: name, code or adjective, or NULL */
	const char *id_number;  /* any identifier (passport, registration, ...), or NULL */
} wl_query;

#define WL_DEFAULT_THRESHOLD 0.80
#define WL_DEFAULT_LIMIT 5

typedef struct wl_screen_options {
	double threshold; /* a result scores >= threshold to be a match; <= 0: the default */
	size_t limit;     /* results at most; 0: the default */
	double min_score; /* results below this are not returned (default 0.75 x threshold) */
	/* When set, only entities it accepts (returns non-zero for) are scored and
	 * returned: dataset, schema or topic filters, decided false positives. */
	int (*accept)(void *ctx, const wl_index *idx, size_t entity);
	void *accept_ctx;
} wl_screen_options;

/* An entity's id, schema name, caption and source (dataset) name, for filters. */
const char *wl_index_entity_id(const wl_index *idx, size_t entity);
const char *wl_index_entity_schema(const wl_index *idx, size_t entity);
const char *wl_index_entity_source(const wl_index *idx, size_t entity);
/* True when some value of the entity came from the named source (dataset). */
int wl_index_entity_listed_by(const wl_index *idx, size_t entity, const char *source);
/* True when the entity has the topic ("sanction", "crime.cyber", ...). */
int wl_index_entity_has_topic(const wl_index *idx, size_t entity, const char *topic);
/* The name of source i, and its list date (or NULL). */
const char *wl_index_source_name(const wl_index *idx, size_t i);

#define WL_FEATURE_MAX 6

typedef struct wl_feature {
	const char *name;    /* "name", "birthDate", "country", "schema", "identifier", "weakAlias" */
	double score;        /* the feature's contribution: the name's similarity, or an adjustment */
	char query[192];     /* what the query said */
	char candidate[256]; /* what the list says */
	char detail[256];    /* why, in words */
} wl_feature;

typedef struct wl_result {
	size_t entity;       /* entity number in the index */
	const char *id, *schema, *caption, *source, *source_id;
	double score;
	int match;           /* score >= threshold */
	wl_feature features[WL_FEATURE_MAX];
	size_t nfeatures;
} wl_result;

typedef struct wl_screener wl_screener;

int wl_screener_new(wl_screener **out, const wl_index *idx);
void wl_screener_free(wl_screener *s);

int wl_screen(wl_screener *s, const wl_query *q, const wl_screen_options *opts,
	      const wl_result **results, size_t *nresults);

/*
 * A result as JSON: id, schema, caption, source, source_id, score, match,
 * explanation {feature: {score, query, candidate, detail}}, topics and
 * properties. The caller frees *out.
 */
int wl_result_json(char **out, const wl_index *idx, const wl_result *r);

#ifdef __cplusplus
}
#endif
#endif
