/*
 * assets.c - the table of the web page's files (empty until the page is written).
 *
 * The hook for the web page: add each file as a row {path, content type,
 * bytes, length}, generated from the page's sources at build time, and
 * GET / with its files is served from it by api_assets.c. Keep the lookup
 * an exact match on the path: never build a file name from a URL.
 */
#include <string.h>

#include "http/assets.h"

typedef struct asset {
	const char *path, *type;
	const void *body;
	size_t len;
} asset;

static const asset assets[] = {
    {NULL, NULL, NULL, 0}, /* the page's files go here */
};

int wl_http_asset(const char *path, const void **body, size_t *len, const char **type)
{
	for (size_t i = 0; i < sizeof(assets) / sizeof(assets[0]); i++)
		if (assets[i].path && !strcmp(assets[i].path, path)) {
			*body = assets[i].body;
			*len = assets[i].len;
			*type = assets[i].type;
			return 0;
		}
	return -1;
}
