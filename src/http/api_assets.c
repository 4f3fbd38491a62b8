/*
 * api_assets.c - GET / and the web page's files, from the table in assets.c.
 *
 * Any path no API route claims comes here: a file of the page is served
 * (GET and HEAD only) with its ETag, Cache-Control and, for the HTML page,
 * its Content-Security-Policy (assets.c), or 304 when the client's copy is
 * current; anything else is a JSON 404 that points at the API.
 */
#include <string.h>

#include "http/api.h"
#include "http/assets.h"
#include "http/reply.h"

enum MHD_Result wl_api_asset(wl_http_request *r, const char *path)
{
	const wl_http_asset_file *f = wl_http_asset_find(path);
	if (!f)
		return wl_http_reply_error(r, 404,
		                           "no such path; the API is POST /match/{dataset}, "
		                           "GET /search/{dataset}, /entities/{id}, /catalog, "
		                           "/healthz, /readyz, /metrics");
	if (strcmp(r->method, MHD_HTTP_METHOD_GET) && strcmp(r->method, MHD_HTTP_METHOD_HEAD)) {
		wl_http_add_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		return wl_http_reply_error(r, 405, "method %s: not allowed here (GET, HEAD)",
		                           r->method);
	}
	const char *csp = wl_http_asset_csp(f);
	wl_http_add_header(r, MHD_HTTP_HEADER_ETAG, f->etag);
	wl_http_add_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, wl_http_asset_cache_control(f));
	if (csp)
		wl_http_add_header(r, "Content-Security-Policy", csp);
	/* A 304 carries no body: libmicrohttpd sends none, and the length a 200 would have. */
	const char *inm =
	    MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (wl_http_asset_not_modified(f, inm))
		return wl_http_reply_copy(r, 304, f->type, f->body, f->len);
	return wl_http_reply_copy(r, 200, f->type, f->body, f->len);
}
