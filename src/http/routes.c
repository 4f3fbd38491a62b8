/*
 * routes.c - which handler answers a path, and the checks every request passes first.
 *
 * In order: the route (an exact path, or a prefix followed by a dataset or
 * an id); OPTIONS, answered for CORS preflights; the method (405 with an
 * Allow header); the API key (401), except for the probes /healthz and
 * /readyz and the web page; the index generation, taken for the request's
 * life. Paths no route claims go to the web page's table (api_assets.c),
 * which never touches the disk.
 */
#include <string.h>

#include "http/api.h"
#include "http/reply.h"

typedef enum MHD_Result (*handler)(wl_http_request *r, const char *arg);

typedef struct route {
	const char *path; /* ending in '/': a prefix followed by an argument */
	wl_http_route metric;
	bool post;  /* POST only; else GET and HEAD */
	bool open;  /* answered without an API key */
	bool index; /* needs the index */
	handler fn;
} route;

static const route routes[] = {
    {"/match/", WL_ROUTE_MATCH, true, false, true, wl_api_match},
    {"/search/", WL_ROUTE_SEARCH, false, false, true, wl_api_search},
    {"/entities/", WL_ROUTE_ENTITIES, false, false, true, wl_api_entity},
    {"/catalog", WL_ROUTE_CATALOG, false, false, true, wl_api_catalog},
    {"/healthz", WL_ROUTE_HEALTHZ, false, true, false, wl_api_healthz},
    {"/readyz", WL_ROUTE_READYZ, false, true, false, wl_api_readyz},
    {"/metrics", WL_ROUTE_METRICS, false, false, false, wl_api_metrics},
};

/* The route for url, and the argument after its prefix; NULL when none. */
static const route *find(const char *url, const char **arg)
{
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const char *p = routes[i].path;
		size_t n = strlen(p);
		bool prefix = p[n - 1] == '/';
		if (prefix ? !strncmp(url, p, n) : !strcmp(url, p)) {
			*arg = url + (prefix ? n : 0);
			return &routes[i];
		}
	}
	return NULL;
}

wl_http_route wl_http_route_of(const char *url)
{
	const char *arg;
	const route *rt = find(url, &arg);
	return rt ? rt->metric : WL_ROUTE_ASSET;
}

static bool method_allowed(const route *rt, const char *m)
{
	if (rt->post)
		return !strcmp(m, MHD_HTTP_METHOD_POST);
	return !strcmp(m, MHD_HTTP_METHOD_GET) || !strcmp(m, MHD_HTTP_METHOD_HEAD);
}

static enum MHD_Result preflight(wl_http_request *r, const route *rt)
{
	const char *allow = rt && rt->post ? "POST, OPTIONS" : "GET, HEAD, OPTIONS";
	wl_http_add_header(r, MHD_HTTP_HEADER_ALLOW, allow);
	if (r->srv->cfg.cors_origin) {
		wl_http_add_header(r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_METHODS, allow);
		wl_http_add_header(r, "Access-Control-Allow-Headers",
		                   "Authorization, Content-Type");
		wl_http_add_header(r, "Access-Control-Max-Age", "600");
	}
	return wl_http_reply_copy(r, 204, "text/plain", "", 0);
}

static bool authorised(const wl_http_request *r)
{
	const char *h =
	    MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	return wl_http_keys_check(r->srv->keys, h);
}

enum MHD_Result wl_http_dispatch(wl_http_request *r)
{
	const char *arg = r->url;
	const route *rt = find(r->url, &arg);
	if (!strcmp(r->method, MHD_HTTP_METHOD_OPTIONS))
		return preflight(r, rt);
	if (!rt)
		return wl_api_asset(r, r->url);
	if (!method_allowed(rt, r->method)) {
		wl_http_add_header(r, MHD_HTTP_HEADER_ALLOW,
		                   rt->post ? "POST, OPTIONS" : "GET, HEAD, OPTIONS");
		return wl_http_reply_error(r, 405, "method %.16s: not allowed on %s (%s)",
		                           r->method, rt->path, rt->post ? "POST" : "GET or HEAD");
	}
	if (r->srv->keys && !rt->open && !authorised(r)) {
		wl_http_add_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
		                   "ApiKey realm=\"watchlist\"");
		return wl_http_reply_error(r, 401,
		                           "an API key is required: send the header "
		                           "'Authorization: ApiKey KEY' (or 'Bearer KEY')");
	}
	if (rt->index && !(r->gen = wl_http_gen_acquire(&r->srv->gens)))
		return wl_http_reply_error(r, 503, "no index loaded");
	if (rt->index && wl_http_past_deadline(r))
		return wl_http_reply_error(r, 504, "deadline: the request took longer than %u ms",
		                           r->srv->cfg.timeout_ms);
	return rt->fn(r, arg);
}
