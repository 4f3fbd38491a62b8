/*
 * serve.c - wl_http_serve(): start, serve until told to stop, stop cleanly.
 *
 * Signals are blocked in every thread before the pool starts (its threads
 * inherit the mask), and the main thread takes them with sigtimedwait: a
 * one-second timeout doubles as the clock of the index file check, SIGHUP
 * forces a reload, SIGINT and SIGTERM stop the server. So no code runs in
 * a signal handler, and the pool's threads are never interrupted. Stopping
 * closes the listening socket first, lets the requests in flight finish,
 * then ends the pool (whose threads free their screeners).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/log.h"
#include "http/screeners.h"
#include "http/server.h"
#include "model/error.h"

static void fill_defaults(wl_http_config *c)
{
	if (!c->listen)
		c->listen = "127.0.0.1:8000";
	if (!c->threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		c->threads = n > 0 ? (unsigned)n : 1;
	}
	if (!c->max_body)
		c->max_body = WL_HTTP_DEFAULT_MAX_BODY;
	if (!c->max_queries)
		c->max_queries = WL_HTTP_DEFAULT_MAX_QUERIES;
	if (!c->timeout_ms)
		c->timeout_ms = WL_HTTP_DEFAULT_TIMEOUT_MS;
}

/* Keys and the first index; WL_OK or an error with its message set. */
static int prepare(wl_http_server *srv)
{
	char err[512];
	if (srv->cfg.api_keys_file &&
	    wl_http_keys_load(&srv->keys, srv->cfg.api_keys_file, err, sizeof(err)))
		return wl_error_set(WL_EINPUT, "--api-keys %s", err);
	wl_http_gen *gen;
	int rc = wl_http_gen_open(&srv->gens, &gen, srv->cfg.index_path);
	if (rc)
		return rc;
	wl_http_gen_install(&srv->gens, gen);
	return wl_http_screeners_init(srv);
}

static void serve_until_stopped(wl_http_server *srv, const sigset_t *signals)
{
	struct timespec second = {1, 0};
	for (;;) {
		int sig = sigtimedwait(signals, NULL, &second);
		if (sig == SIGINT || sig == SIGTERM)
			break;
		wl_http_reload_check(srv, sig == SIGHUP);
	}
}

static void announce(const wl_http_server *srv)
{
	wl_http_gen *gen = wl_http_gen_acquire((wl_http_gens *)&srv->gens);
	wl_http_log("listening on %s (port %u), %u threads, index %s with %zu entities%s",
	            srv->cfg.listen, srv->port, srv->cfg.threads, srv->cfg.index_path,
	            gen ? wl_index_entity_count(gen->idx) : 0,
	            srv->keys ? ", API keys required" : "");
	wl_http_gen_release(gen);
}

static int run(wl_http_server *srv)
{
	sigset_t signals, old;
	sigemptyset(&signals);
	sigaddset(&signals, SIGINT);
	sigaddset(&signals, SIGTERM);
	sigaddset(&signals, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &signals, &old);
	signal(SIGPIPE, SIG_IGN);
	int rc = wl_http_start(srv);
	if (!rc) {
		announce(srv);
		serve_until_stopped(srv, &signals);
		wl_http_log("stopping");
		wl_http_stop(srv);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return rc;
}

int wl_http_serve(const wl_http_config *cfg)
{
	wl_http_server *srv = calloc(1, sizeof(*srv));
	if (!srv)
		return wl_error_set(WL_ENOMEM, "out of memory");
	srv->cfg = *cfg;
	fill_defaults(&srv->cfg);
	wl_http_gens_init(&srv->gens);
	bool screeners = false;
	int rc = prepare(srv);
	if (!rc) {
		screeners = true;
		rc = run(srv);
	}
	wl_http_gens_clear(&srv->gens);
	if (screeners)
		wl_http_screeners_fini(srv);
	wl_http_keys_free(srv->keys);
	pthread_mutex_destroy(&srv->gens.mu);
	free(srv);
	return rc;
}
