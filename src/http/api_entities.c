/*
 * api_entities.c - GET /entities/{id}: one entity, as `watchlist entity` prints it.
 *
 * FollowTheMoney-style: properties with their provenance (list, record,
 * list date, original wording), datasets, links both ways and the same
 * designation in other lists (other_listings). An unknown id is a 404.
 */
#include "http/api.h"
#include "http/reply.h"
#include "index/index.h"

enum MHD_Result wl_api_entity(wl_http_request *r, const char *id)
{
	if (!*id)
		return wl_http_reply_error(r, 404, "id: missing (/entities/{id})");
	long n = wl_index_find(r->gen->idx, id);
	if (n < 0)
		return wl_http_reply_error(r, 404, "no entity with id '%.128s'", id);
	return wl_http_reply_json(r, 200, wl_index_entity_object(r->gen->idx, (size_t)n));
}
