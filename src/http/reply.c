/*
 * reply.c - building and queueing responses with libmicrohttpd.
 *
 * JSON is written compact with six significant digits for reals (scores
 * print as 0.05, not 0.050000000000000003). Buffers are handed to
 * libmicrohttpd with free() as their release function, so nothing is
 * copied twice. A request that could not even be answered (out of memory)
 * returns MHD_NO, and libmicrohttpd closes the connection.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/reply.h"
#include "http/utf8.h"

#define JSON_TYPE "application/json; charset=utf-8"

void wl_http_add_header(wl_http_request *r, const char *name, const char *value)
{
	if (r->nheaders < WL_HTTP_MAX_HEADERS) {
		r->headers[r->nheaders][0] = name;
		r->headers[r->nheaders][1] = value;
		r->nheaders++;
	}
}

/* Whether the request's handler set a header of this name itself. */
static bool has_header(const wl_http_request *r, const char *name)
{
	for (size_t i = 0; i < r->nheaders; i++)
		if (!strcasecmp(r->headers[i][0], name))
			return true;
	return false;
}

static void add_common_headers(wl_http_request *r, struct MHD_Response *resp, const char *type)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	if (!has_header(r, MHD_HTTP_HEADER_CACHE_CONTROL)) /* the page's files say their own */
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	const char *origin = r->srv->cfg.cors_origin;
	if (origin) {
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	}
	for (size_t i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->headers[i][0], r->headers[i][1]);
}

static enum MHD_Result queue(wl_http_request *r, int status, const char *type,
                             struct MHD_Response *resp)
{
	if (!resp)
		return MHD_NO;
	add_common_headers(r, resp, type);
	enum MHD_Result ok = MHD_queue_response(r->conn, (unsigned)status, resp);
	MHD_destroy_response(resp);
	if (ok == MHD_YES)
		r->status = status;
	return ok;
}

enum MHD_Result wl_http_reply_owned(wl_http_request *r, int status, const char *type, char *buf,
                                    size_t len)
{
	if (!buf)
		return MHD_NO;
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer_with_free_callback(len, buf, free);
	if (!resp)
		free(buf);
	return queue(r, status, type, resp);
}

enum MHD_Result wl_http_reply_copy(wl_http_request *r, int status, const char *type,
                                   const void *buf, size_t len)
{
	struct MHD_Response *resp =
	    MHD_create_response_from_buffer(len, (void *)buf, MHD_RESPMEM_MUST_COPY);
	return queue(r, status, type, resp);
}

enum MHD_Result wl_http_reply_json(wl_http_request *r, int status, json_t *body)
{
	char *text =
	    body ? json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6))
	         : NULL;
	json_decref(body);
	if (!text)
		return MHD_NO;
	size_t len = strlen(text);
	return wl_http_reply_owned(r, status, JSON_TYPE, text, len);
}

enum MHD_Result wl_http_reply_error(wl_http_request *r, int status, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wl_http_utf8_mend(msg); /* a message may quote, and truncate, what the client sent */
	return wl_http_reply_json(r, status, json_pack("{s:s}", "detail", msg));
}
