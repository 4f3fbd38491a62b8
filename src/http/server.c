/*
 * server.c - the libmicrohttpd daemon: a pool of threads, and each request's life.
 *
 * libmicrohttpd calls the access handler several times per request: once
 * when the headers are in (the request's state is made, and a body larger
 * than --max-body by its Content-Length is refused at once with 413, which
 * also closes the connection rather than read the rest), once per piece of
 * body (gathered up to --max-body; past it, discarded and refused with 413
 * at the end), and once when the request is complete (routes.c answers
 * it). The completion callback counts, logs and frees. Connections are
 * kept alive (HTTP/1.1), idle ones are closed after 30 s, and at most 1024
 * are open at a time.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/listen_addr.h"
#include "http/log.h"
#include "http/reply.h"
#include "http/server.h"
#include "model/error.h"

#define CONNECTION_LIMIT 1024
#define IDLE_TIMEOUT_S   30

double wl_http_elapsed(const wl_http_request *r)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - r->start.tv_sec) +
	       (double)(now.tv_nsec - r->start.tv_nsec) / 1e9;
}

bool wl_http_past_deadline(const wl_http_request *r)
{
	return wl_http_elapsed(r) * 1000 > (double)r->srv->cfg.timeout_ms;
}

static enum MHD_Result too_large(wl_http_request *r)
{
	return wl_http_reply_error(r, 413, "body: larger than %zu bytes (--max-body)",
	                           r->srv->cfg.max_body);
}

static enum MHD_Result begin(wl_http_server *srv, struct MHD_Connection *conn, const char *url,
                             const char *method, void **con_cls)
{
	wl_http_request *r = calloc(1, sizeof(*r));
	if (!r)
		return MHD_NO;
	r->srv = srv;
	r->conn = conn;
	r->url = url;
	r->method = method;
	r->route = wl_http_route_of(url);
	clock_gettime(CLOCK_MONOTONIC, &r->start);
	atomic_fetch_add(&srv->active, 1);
	*con_cls = r;
	const char *cl =
	    MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && strtoull(cl, NULL, 10) > srv->cfg.max_body)
		return too_large(r);
	return MHD_YES;
}

static void take_body(wl_http_request *r, const char *data, size_t n)
{
	if (r->body_too_large)
		return;
	if (r->body_len + n > r->srv->cfg.max_body) {
		r->body_too_large = true;
		free(r->body);
		r->body = NULL;
		r->body_len = r->body_cap = 0;
		return;
	}
	if (r->body_len + n > r->body_cap) {
		size_t cap = r->body_cap ? r->body_cap : 4096;
		while (cap < r->body_len + n)
			cap *= 2;
		char *b = realloc(r->body, cap);
		if (!b) {
			r->body_too_large = true;
			return;
		}
		r->body = b;
		r->body_cap = cap;
	}
	memcpy(r->body + r->body_len, data, n);
	r->body_len += n;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	wl_http_request *r = *con_cls;
	if (!r)
		return begin(cls, conn, url, method, con_cls);
	if (*upload_data_size) {
		take_body(r, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (r->body_too_large)
		return too_large(r);
	return wl_http_dispatch(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	wl_http_server *srv = cls;
	wl_http_request *r = *con_cls;
	if (!r)
		return;
	double seconds = wl_http_elapsed(r);
	if (r->status)
		wl_http_metrics_request(&srv->metrics, r->route, r->status, seconds);
	atomic_fetch_add(&srv->metrics.queries, r->queries);
	if (srv->cfg.log_requests || r->status >= 500)
		wl_http_log_request(r, seconds);
	wl_http_gen_release(r->gen);
	free(r->body);
	free(r);
	*con_cls = NULL;
	atomic_fetch_sub(&srv->active, 1);
}

int wl_http_start(wl_http_server *srv)
{
	char err[512];
	wl_listen_addr addr;
	if (wl_listen_addr_parse(&addr, srv->cfg.listen, err, sizeof(err)))
		return wl_error_set(WL_EUSAGE, "%s", err);
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
	                 MHD_USE_ERROR_LOG | (addr.ipv6 ? MHD_USE_IPv6 : 0);
	srv->daemon = MHD_start_daemon(
	    flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_SOCK_ADDR, &addr.sa,
	    MHD_OPTION_THREAD_POOL_SIZE, srv->cfg.threads, MHD_OPTION_CONNECTION_LIMIT,
	    (unsigned)CONNECTION_LIMIT, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv, MHD_OPTION_END);
	if (!srv->daemon)
		return wl_error_set(WL_EIO,
		                    "cannot listen on %s (in use, or not an address of this machine)",
		                    srv->cfg.listen);
	const union MHD_DaemonInfo *di =
	    MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	srv->port = di ? di->port : 0;
	if (!addr.loopback && !srv->keys)
		wl_http_log("warning: listening beyond this machine (%s) without API keys",
		            srv->cfg.listen);
	return 0;
}

void wl_http_stop(wl_http_server *srv)
{
	if (!srv->daemon)
		return;
	atomic_store(&srv->stopping, true);
	MHD_socket s = MHD_quiesce_daemon(srv->daemon);
	for (unsigned waited = 0; atomic_load(&srv->active) > 0 && waited < srv->cfg.timeout_ms;
	     waited += 10)
		usleep(10000);
	MHD_stop_daemon(srv->daemon);
	srv->daemon = NULL;
	if (s != MHD_INVALID_SOCKET)
		close(s);
}
