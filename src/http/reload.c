/*
 * reload.c - replacing the index without stopping: on SIGHUP, or when its file changes.
 *
 * The serving loop calls this once a second and on SIGHUP. The file is
 * stat'ed; when its identity (device, inode, size, modification time)
 * differs from the generation being served, it is opened and checked whole
 * (wl_index_open verifies the header and the checksum) and installed as the
 * new generation; requests in flight finish on the old one. A file that
 * cannot be opened or is damaged is refused: the error is logged, counted
 * in the metrics, and the old index keeps serving; the refused file is not
 * tried again until it changes. The usual way to publish an index is
 * `watchlist index -o NEW && mv NEW INDEX`; `watchlist index -o INDEX`
 * itself writes a temporary file and renames it, so both are atomic.
 */
#include <string.h>

#include "http/log.h"
#include "http/server.h"

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* True when the file should be loaded: forced, or changed and not refused as it is. */
static bool wanted(wl_http_server *srv, bool forced, struct stat *st)
{
	if (stat(srv->cfg.index_path, st) != 0) {
		memset(st, 0, sizeof(*st));
		return forced;
	}
	if (forced)
		return true;
	wl_http_gen *cur = wl_http_gen_acquire(&srv->gens);
	bool changed = !cur || !same_file(st, &cur->st);
	wl_http_gen_release(cur);
	return changed && !same_file(st, &srv->refused);
}

void wl_http_reload_check(wl_http_server *srv, bool forced)
{
	struct stat st; /* taken before opening: if the file changes meanwhile, it is tried again */
	if (!wanted(srv, forced, &st))
		return;
	wl_http_gen *gen;
	int rc = wl_http_gen_open(&srv->gens, &gen, srv->cfg.index_path);
	if (rc) {
		atomic_fetch_add(&srv->metrics.reload_failures, 1);
		srv->refused = st;
		wl_http_log("reload refused, the old index keeps serving: %s", wl_error_last());
		return;
	}
	wl_http_gen_install(&srv->gens, gen);
	atomic_fetch_add(&srv->metrics.reloads, 1);
	wl_http_log("reloaded %s: generation %lu, %zu entities", srv->cfg.index_path, gen->id,
	            wl_index_entity_count(gen->idx));
}
