/*
 * api_status.c - GET /healthz (the process answers), GET /readyz (an index is
 * served) and GET /metrics (Prometheus text, metrics.c).
 *
 * As yente's: {"status": "ok"}, or 503 with a detail when not ready. A
 * server that is stopping says it is not ready, so that a load balancer
 * stops sending it requests while the ones in flight finish.
 */
#include "http/api.h"
#include "http/reply.h"

enum MHD_Result wl_api_healthz(wl_http_request *r, const char *arg)
{
	return wl_http_reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

enum MHD_Result wl_api_readyz(wl_http_request *r, const char *arg)
{
	if (atomic_load(&r->srv->stopping))
		return wl_http_reply_error(r, 503, "stopping");
	wl_http_gen *gen = wl_http_gen_acquire(&r->srv->gens);
	if (!gen)
		return wl_http_reply_error(r, 503, "no index loaded");
	json_t *o = json_pack("{s:s, s:I, s:I}", "status", "ok", "entities",
	                      (json_int_t)wl_index_entity_count(gen->idx), "generation",
	                      (json_int_t)gen->id);
	wl_http_gen_release(gen);
	return wl_http_reply_json(r, 200, o);
}

enum MHD_Result wl_api_metrics(wl_http_request *r, const char *arg)
{
	wl_http_gen *gen = wl_http_gen_acquire(&r->srv->gens);
	size_t len = 0;
	char *text = wl_http_metrics_render(&r->srv->metrics, gen, &len);
	wl_http_gen_release(gen);
	return wl_http_reply_owned(r, 200, "text/plain; version=0.0.4; charset=utf-8", text, len);
}
