/*
 * assets.h - the web page's files, compiled into the program and served from memory.
 *
 * No path from a URL ever reaches the disk: a path is only ever looked up
 * in this table. The table is generated at build time by tools/embed from
 * web/ (build/gen/web_assets.c); assets.c looks paths up in it and says
 * how each file may be cached.
 */
#ifndef WL_HTTP_ASSETS_H
#define WL_HTTP_ASSETS_H

#include <stdbool.h>
#include <stddef.h>

/* One file of the page, as the generated table holds it. */
typedef struct wl_http_asset_file {
	const char *path; /* the URL path: "/", "/app.js" */
	const char *type; /* the Content-Type */
	const char *etag; /* a strong ETag, quotes included: "\"0123456789abcdef\"" */
	const unsigned char *body;
	size_t len;
} wl_http_asset_file;

/* The generated table (build/gen/web_assets.c). */
extern const wl_http_asset_file wl_http_asset_files[];
extern const size_t wl_http_asset_nfiles;

/*
 * The file for a URL path ("/" for the page itself): its bytes, length and
 * content type, and 0; or -1 when there is no such file.
 */
int wl_http_asset(const char *path, const void **body, size_t *len, const char **type);

/* The file for a URL path with its ETag, or NULL. */
const wl_http_asset_file *wl_http_asset_find(const char *path);

/* The Cache-Control a file is served with: kept, but revalidated by its ETag on each use. */
const char *wl_http_asset_cache_control(const wl_http_asset_file *f);

/* The Content-Security-Policy a file is served with (the HTML page's), or NULL. */
const char *wl_http_asset_csp(const wl_http_asset_file *f);

/*
 * Whether an If-None-Match header (NULL when absent) names the file's
 * current ETag, so that 304 Not Modified can answer: "*", one ETag or a
 * list of them, weak ones (W/"...") compared by their value as RFC 9110
 * asks for If-None-Match.
 */
bool wl_http_asset_not_modified(const wl_http_asset_file *f, const char *if_none_match);

#endif
