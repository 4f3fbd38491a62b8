/*
 * screeners.c - one screener per pool thread, kept in thread-local storage.
 *
 * A screener is a thread's working memory (a normaliser and arrays sized to
 * the index), too costly to make per request and unsafe to share. Each
 * pool thread keeps one, tagged with the generation number of the index it
 * was made for; a request on a newer generation replaces it. The tag is
 * the generation's number, not its address, since a freed generation's
 * address may be reused. A screener never reads its index when it is
 * freed, so an old one may outlive its generation. The slot's destructor
 * frees the screener when the thread ends.
 */
#include <stdlib.h>

#include "http/screeners.h"
#include "model/error.h"

typedef struct slot {
	unsigned long gen_id;
	wl_screener *s;
} slot;

static void slot_free(void *p)
{
	slot *sl = p;
	wl_screener_free(sl->s);
	free(sl);
}

int wl_http_screeners_init(wl_http_server *srv)
{
	return pthread_key_create(&srv->screener_key, slot_free)
	           ? wl_error_set(WL_ENOMEM, "no thread-local slot")
	           : WL_OK;
}

void wl_http_screeners_fini(wl_http_server *srv)
{
	pthread_key_delete(srv->screener_key);
}

int wl_http_screener(wl_http_server *srv, const wl_http_gen *gen, wl_screener **out)
{
	slot *sl = pthread_getspecific(srv->screener_key);
	if (!sl) {
		if (!(sl = calloc(1, sizeof(*sl))))
			return wl_error_set(WL_ENOMEM, "out of memory");
		pthread_setspecific(srv->screener_key, sl);
	}
	if (!sl->s || sl->gen_id != gen->id) {
		wl_screener_free(sl->s);
		sl->s = NULL;
		int rc = wl_screener_new(&sl->s, gen->idx);
		if (rc)
			return rc;
		sl->gen_id = gen->id;
	}
	*out = sl->s;
	return WL_OK;
}
