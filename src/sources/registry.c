/*
 * registry.c - the list of readers, choosing one by content, walking folders.
 */
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/error.h"

static const wl_reader *const readers[] = {
	&wl_reader_ofac_csv,
	&wl_reader_un_xml,
	&wl_reader_misp_galaxy,
	&wl_reader_attack_stix,
	&wl_reader_eu_fsf_xml,
	&wl_reader_canada_xml,
	&wl_reader_ftm_json,
	&wl_reader_inhouse_csv,
	&wl_reader_uk_fcdo_xml,
	&wl_reader_uk_ofsi_csv,
	&wl_reader_ofac_xml,
	&wl_reader_us_csl_csv,
	NULL,
};

const wl_reader *const *wl_readers(void)
{
	return readers;
}

const wl_reader *wl_reader_detect(const char *path, const char *head, size_t n, int *score)
{
	const wl_reader *best = NULL;
	int best_score = WL_SNIFF_NO;
	for (size_t i = 0; readers[i]; i++) {
		int s = readers[i]->sniff(path, head, n);
		if (s == WL_SNIFF_COMPANION) {
			*score = WL_SNIFF_COMPANION;
			return readers[i];
		}
		if (s > best_score) {
			best = readers[i];
			best_score = s;
		}
	}
	*score = best_score;
	return best;
}

static int read_head(const char *path, char *head, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(errno));
	*n = fread(head, 1, WL_SNIFF_HEAD, f);
	head[*n] = '\0';
	fclose(f);
	return WL_OK;
}

static int read_one_file(wl_dataset *ds, const char *path, int named)
{
	static _Thread_local char head[WL_SNIFF_HEAD + 1];
	size_t n = 0;
	int rc = read_head(path, head, &n);
	if (rc)
		return rc;
	int score;
	const wl_reader *r = wl_reader_detect(path, head, n, &score);
	if (score == WL_SNIFF_COMPANION && !named)
		return 0;
	if (!r)
		return named ? wl_error_input(path, 0, NULL, "no reader knows this file's format") : 0;
	if (ds->on_file)
		ds->on_file(ds->on_file_ctx, path);
	rc = r->read(ds, path);
	return rc ? rc : 1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a folder; returns the number of files read, or a WL_E* code. */
static int read_dir(wl_dataset *ds, const char *path)
{
	DIR *d = opendir(path);
	if (!d)
		return wl_error_set(WL_EIO, "%s: cannot open folder: %s", path, strerror(errno));
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (nnames == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(names, cap * sizeof(*p));
			if (!p) {
				rc = wl_error_set(WL_ENOMEM, "out of memory");
				goto out;
			}
			names = p;
		}
		if (asprintf(&names[nnames], "%s/%s", path, de->d_name) < 0) {
			rc = wl_error_set(WL_ENOMEM, "out of memory");
			goto out;
		}
		nnames++;
	}
	qsort(names, nnames, sizeof(*names), cmp_str);
	int count = 0;
	for (size_t i = 0; i < nnames; i++) {
		struct stat st;
		if (stat(names[i], &st) != 0)
			continue;
		int got = S_ISDIR(st.st_mode) ? read_dir(ds, names[i]) : read_one_file(ds, names[i], 0);
		if (got < 0) {
			rc = got;
			goto out;
		}
		count += got;
	}
	rc = count;
out:
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}

int wl_read_path(wl_dataset *ds, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return wl_error_set(WL_EIO, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode)) {
		int rc = read_one_file(ds, path, 1);
		if (rc == 0)
			return wl_error_input(path, 0, NULL,
					      "a companion file: index the main file of its set (sdn.csv)");
		return rc < 0 ? rc : WL_OK;
	}
	int rc = read_dir(ds, path);
	if (rc == 0)
		return wl_error_input(path, 0, NULL, "no list file that watchlist can read in this folder");
	return rc < 0 ? rc : WL_OK;
}
