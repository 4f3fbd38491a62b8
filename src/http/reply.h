/*
 * reply.h - answering a request: JSON, text, and errors as {"detail": "..."}.
 *
 * Every answer goes through here, so that every one carries the same
 * headers (content type, no caching, no sniffing, CORS when configured,
 * the request's extra headers) and records its status for the metrics.
 */
#ifndef WL_HTTP_REPLY_H
#define WL_HTTP_REPLY_H

#include <jansson.h>

#include "http/server.h"

/* Sends body (the reference is taken over) as JSON. */
enum MHD_Result wl_http_reply_json(wl_http_request *r, int status, json_t *body);
/* Sends {"detail": MESSAGE}. */
enum MHD_Result wl_http_reply_error(wl_http_request *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Sends buf (malloc'd; taken over, freed by the library) with a content type. */
enum MHD_Result wl_http_reply_owned(wl_http_request *r, int status, const char *type, char *buf,
                                    size_t len);
/* Sends a copy of len bytes of buf. */
enum MHD_Result wl_http_reply_copy(wl_http_request *r, int status, const char *type,
                                   const void *buf, size_t len);
/* Adds a header to the coming reply; name and value must live until it is queued. */
void wl_http_add_header(wl_http_request *r, const char *name, const char *value);

#endif
