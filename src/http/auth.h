/*
 * auth.h - API keys: read from a file, checked in constant time.
 *
 * Keys come from a file only (one a line; blank lines and lines starting
 * with '#' are skipped), never from the command line, where any user of
 * the machine could read them in the process list. A request carries its
 * key as `Authorization: ApiKey KEY` or `Authorization: Bearer KEY`.
 */
#ifndef WL_HTTP_AUTH_H
#define WL_HTTP_AUTH_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wl_http_keys wl_http_keys;

/* Reads the keys of path. Returns 0, or -1 with the reason in err. */
int wl_http_keys_load(wl_http_keys **out, const char *path, char *err, size_t cap);
void wl_http_keys_free(wl_http_keys *k);
/* True when the Authorization header (may be NULL) carries one of the keys. */
bool wl_http_keys_check(const wl_http_keys *k, const char *authorization);

#endif
