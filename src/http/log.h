/*
 * log.h - the server's log on stderr: errors always, one line per request with --log.
 */
#ifndef WL_HTTP_LOG_H
#define WL_HTTP_LOG_H

#include "http/server.h"

/* "2026-03-25T10:00:00Z watchlist serve: MESSAGE" */
void wl_http_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "TIME CLIENT METHOD PATH STATUS MILLISECONDS ms NAMES names" */
void wl_http_log_request(const wl_http_request *r, double seconds);

#endif
