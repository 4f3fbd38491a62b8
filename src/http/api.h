/*
 * api.h - the endpoints. Each handler answers one request whose route,
 * method and key have been checked (routes.c); arg is the rest of the path
 * after the route's prefix (a dataset, an entity id), or the whole path.
 */
#ifndef WL_HTTP_API_H
#define WL_HTTP_API_H

#include "http/server.h"

enum MHD_Result wl_api_match(wl_http_request *r, const char *dataset);  /* POST /match/{dataset} */
enum MHD_Result wl_api_search(wl_http_request *r, const char *dataset); /* GET /search/{dataset} */
enum MHD_Result wl_api_entity(wl_http_request *r, const char *id);      /* GET /entities/{id} */
enum MHD_Result wl_api_catalog(wl_http_request *r, const char *arg);    /* GET /catalog */
enum MHD_Result wl_api_healthz(wl_http_request *r, const char *arg);    /* GET /healthz */
enum MHD_Result wl_api_readyz(wl_http_request *r, const char *arg);     /* GET /readyz */
enum MHD_Result wl_api_metrics(wl_http_request *r, const char *arg);    /* GET /metrics */
enum MHD_Result wl_api_asset(wl_http_request *r, const char *path); /* GET / and the page's files */

/* GET /catalog's body for an index, built once per generation (api_catalog.c). */
char *wl_http_catalog_build(const wl_index *idx, size_t *len);

#endif
