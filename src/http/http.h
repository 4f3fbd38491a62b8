/*
 * http.h - `watchlist serve`: the HTTP API, as the command starts it.
 *
 * The configuration the command line gives, and the one call that runs the
 * server until SIGINT or SIGTERM. Everything else of the server is inside
 * src/http (server.h and the modules it names).
 */
#ifndef WL_HTTP_H
#define WL_HTTP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wl_http_config {
	const char *index_path;    /* the index file, watched for replacement */
	const char *listen;        /* "HOST:PORT": 127.0.0.1:8000, [::1]:8000; port 0: any free */
	unsigned threads;          /* pool threads (0: one per core) */
	const char *api_keys_file; /* one key a line, or NULL for no authentication */
	const char *cors_origin;   /* the origin CORS allows, or NULL (off) */
	size_t max_body;           /* bytes (0: 1 MiB) */
	size_t max_queries;        /* queries per /match request (0: 100) */
	unsigned timeout_ms;       /* time per request (0: 10000) */
	bool log_requests;         /* one line per request on stderr */
} wl_http_config;

/*
 * Opens the index, listens and serves until SIGINT or SIGTERM; reloads the
 * index on SIGHUP or when its file changes. Returns 0, or a negative WL_E*
 * code (and wl_error_last()) when the server could not start.
 */
int wl_http_serve(const wl_http_config *cfg);

#endif
