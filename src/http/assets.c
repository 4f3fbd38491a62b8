/*
 * assets.c - the web page's files: lookup in the compiled table, caching and policy.
 *
 * The files of web/ are compiled into the program (tools/embed writes
 * build/gen/web_assets.c), and api_assets.c serves GET / with its files
 * from here. The lookup is an exact match of the URL path against the
 * table: a file name is never built from a URL, so nothing outside the
 * table can be reached whatever the path says ("/../etc/passwd" is simply
 * not in it).
 *
 * Caching: the file names carry no version, so a browser may keep a file
 * but must ask again before each use ("no-cache"); the strong ETag (a hash
 * of the bytes) makes that question cheap, answered by 304 while the
 * program is the same, and a new build's page is seen at once. The HTML
 * page carries a Content-Security-Policy that allows only this origin's
 * own scripts, styles, images and API (no inline script, no other site),
 * which the page is written for (web/index.html, app.js).
 */
#include <string.h>

#include "http/assets.h"

#define CACHE_CONTROL "no-cache"
#define PAGE_CSP                                                                                   \
	"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "        \
	"object-src 'none'"

const wl_http_asset_file *wl_http_asset_find(const char *path)
{
	for (size_t i = 0; i < wl_http_asset_nfiles; i++)
		if (!strcmp(wl_http_asset_files[i].path, path))
			return &wl_http_asset_files[i];
	return NULL;
}

int wl_http_asset(const char *path, const void **body, size_t *len, const char **type)
{
	const wl_http_asset_file *f = wl_http_asset_find(path);
	if (!f)
		return -1;
	*body = f->body;
	*len = f->len;
	*type = f->type;
	return 0;
}

const char *wl_http_asset_cache_control(const wl_http_asset_file *f)
{
	(void)f;
	return CACHE_CONTROL;
}

const char *wl_http_asset_csp(const wl_http_asset_file *f)
{
	return !strncmp(f->type, "text/html", 9) ? PAGE_CSP : NULL;
}

/* Whether the entity tag at s, of n bytes (quotes included, perhaps W/), is the file's. */
static bool same_tag(const wl_http_asset_file *f, const char *s, size_t n)
{
	if (n >= 2 && s[0] == 'W' && s[1] == '/') {
		s += 2;
		n -= 2;
	}
	return n == strlen(f->etag) && !memcmp(s, f->etag, n);
}

bool wl_http_asset_not_modified(const wl_http_asset_file *f, const char *if_none_match)
{
	const char *p = if_none_match;
	if (!p)
		return false;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *start = p;
		while (*p && *p != ',')
			p++;
		const char *end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		size_t n = (size_t)(end - start);
		if ((n == 1 && *start == '*') || (n && same_tag(f, start, n)))
			return true;
	}
	return false;
}
