/*
 * assets.h - the web page's files, compiled into the program and served from memory.
 *
 * No path from a URL ever reaches the disk: a path is only ever looked up
 * in this table. The web page is written separately; until then the table
 * is empty and every path is a 404.
 */
#ifndef WL_HTTP_ASSETS_H
#define WL_HTTP_ASSETS_H

#include <stddef.h>

/*
 * The file for a URL path ("/" for the page itself): its bytes, length and
 * content type, and 0; or -1 when there is no such file.
 */
int wl_http_asset(const char *path, const void **body, size_t *len, const char **type);

#endif
