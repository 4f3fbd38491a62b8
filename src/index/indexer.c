/*
 * indexer.c - wl_index_build(): list files in, one index file out.
 *
 * The pipeline's first half in one place: read every source with the
 * reader its content calls for, give each list its date (from the list
 * itself, else from the manifest of known files, else from the files'
 * modification time), resolve the links lists make by name, link threat
 * actors across registries and listings that cite one UN reference number,
 * and write the index atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "index/index.h"
#include "model/error.h"
#include "sources/actor_links.h"
#include "sources/list_links.h"
#include "sources/reader.h"

/* Looks a file's hash up in the manifest; returns the date (arena copy) or NULL. */
static const char *manifest_date(wl_dataset *ds, const char *manifest, const char *sha256)
{
	FILE *f = manifest ? fopen(manifest, "r") : NULL;
	if (!f)
		return NULL;
	char line[1024];
	const char *date = NULL;
	size_t hl = strlen(sha256);
	while (!date && fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || strncmp(line, sha256, hl) != 0 || line[hl] != '\t')
			continue;
		char *d = line + hl + 1;
		size_t n = strcspn(d, "\t\r\n");
		date = wl_arena_strndup(&ds->arena, d, n);
	}
	fclose(f);
	return date;
}

static const char *mtime_date(wl_dataset *ds, const wl_source *s)
{
	time_t newest = 0;
	for (size_t i = 0; i < s->nfiles; i++) {
		struct stat st;
		if (stat(s->files[i].path, &st) == 0 && st.st_mtime > newest)
			newest = st.st_mtime;
	}
	if (!newest)
		return NULL;
	struct tm tm;
	gmtime_r(&newest, &tm);
	return wl_arena_printf(&ds->arena, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
			       tm.tm_mday);
}

/* A source's date: the newest of its main files' manifest dates, else the files' time. */
static void fill_list_dates(wl_dataset *ds, const char *manifest)
{
	for (size_t s = 0; s < ds->nsources; s++) {
		wl_source *src = &ds->sources[s];
		if (src->list_date)
			continue;
		const char *best = NULL;
		for (size_t i = 0; i < src->nfiles; i++) {
			const char *d = manifest_date(ds, manifest, src->files[i].sha256);
			if (d && (!best || strcmp(d, best) < 0))
				best = d; /* the oldest part dates the set */
		}
		src->list_date = best ? best : mtime_date(ds, src);
	}
}

int wl_index_build(const char *out, const char *const *paths, size_t npaths,
		   const wl_build_options *opts, wl_build_stats *stats)
{
	wl_dataset *ds;
	int rc = wl_dataset_new(&ds);
	if (rc)
		return rc;
	if (opts) {
		ds->on_file = opts->progress;
		ds->on_file_ctx = opts->progress_ctx;
	}
	for (size_t i = 0; i < npaths && !rc; i++)
		rc = wl_read_path(ds, paths[i]);
	for (size_t i = 0; opts && i < opts->nnamed && !rc; i++) {
		const wl_named_source *ns = &opts->named[i];
		wl_dataset_drop_source(ds, wl_dataset_source_find(ds, ns->name));
		ds->source_rename = ns->name;
		rc = wl_read_path(ds, ns->path);
		ds->source_rename = NULL;
	}
	if (rc)
		goto done;
	fill_list_dates(ds, opts ? opts->manifest : NULL);
	size_t resolved = wl_dataset_resolve_links(ds);
	rc = wl_actors_link(ds);
	if (rc >= 0)
		rc = wl_lists_link(ds);
	if (rc < 0)
		goto done;
	wl_normaliser *norm = NULL;
	if (opts && opts->data_dir)
		rc = wl_normaliser_new(&norm, opts->data_dir);
	else
		rc = wl_shared_normaliser(&norm);
	if (rc)
		goto done;
	rc = wl_index_write(ds, norm, out);
	wl_normaliser_free(norm);
	if (rc == WL_OK && stats) {
		memset(stats, 0, sizeof(*stats));
		stats->sources = ds->nsources;
		stats->entities = ds->nentities;
		stats->links_resolved = resolved;
		for (size_t i = 0; i < ds->nentities; i++) {
			stats->values += ds->entities[i]->nvalues;
			stats->links += ds->entities[i]->nlinks;
		}
	}
done:
	wl_dataset_free(ds);
	return rc;
}
