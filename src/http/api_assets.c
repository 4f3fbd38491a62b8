/*
 * api_assets.c - GET / and the web page's files, from the table in assets.c.
 *
 * Any path no API route claims comes here: a file of the page is served
 * (GET and HEAD only), anything else is a JSON 404 that points at the API.
 */
#include <string.h>

#include "http/api.h"
#include "http/assets.h"
#include "http/reply.h"

enum MHD_Result wl_api_asset(wl_http_request *r, const char *path)
{
	const void *body;
	size_t len;
	const char *type;
	if (wl_http_asset(path, &body, &len, &type))
		return wl_http_reply_error(r, 404,
		                           "no such path; the API is POST /match/{dataset}, "
		                           "GET /search/{dataset}, /entities/{id}, /catalog, "
		                           "/healthz, /readyz, /metrics");
	if (strcmp(r->method, MHD_HTTP_METHOD_GET) && strcmp(r->method, MHD_HTTP_METHOD_HEAD)) {
		wl_http_add_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		return wl_http_reply_error(r, 405, "method %s: not allowed here (GET, HEAD)",
		                           r->method);
	}
	return wl_http_reply_copy(r, 200, type, body, len);
}
