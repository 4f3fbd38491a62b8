/*
 * dump_names.c - every name of an index's entities, for the peers of the
 * speed benchmark (bench/speed/run loads them into PostgreSQL pg_trgm).
 *
 * Usage: dump_names INDEX > names.tsv
 *
 * Walks the matching index's NAMES section (src/index/index.h: one record
 * per name, alias, weak alias and previous name of each entity, grouped by
 * entity) and prints one line per name as the list wrote it (the value the
 * name was normalised from, not the normalised tokens):
 *
 *   entity id<TAB>name
 *
 * Tabs, CR and LF inside a name become spaces; a name an entity has twice
 * (from two properties or two lists) is printed once.
 */
#include <stdio.h>
#include <string.h>

#include "index/index.h"
#include "watchlist.h"

static const char *name_text(const wl_index *idx, const wl_disk_name *n)
{
	return wl_index_str(idx, idx->values[n->value].text);
}

/* Whether an earlier name of the same entity, from first on, has the same text. */
static int seen_before(const wl_index *idx, size_t first, size_t i)
{
	const char *t = name_text(idx, &idx->names[i]);
	for (size_t j = first; j < i; j++)
		if (!strcmp(name_text(idx, &idx->names[j]), t))
			return 1;
	return 0;
}

static void put_clean(const char *s, FILE *out)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s, out);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: dump_names INDEX\n");
		return 2;
	}
	wl_index *idx;
	if (wl_index_open(&idx, argv[1])) {
		fprintf(stderr, "dump_names: %s\n", wl_error_last());
		return 1;
	}
	size_t first = 0;
	for (size_t i = 0; i < idx->nnames; i++) {
		const wl_disk_name *n = &idx->names[i];
		if (i == 0 || idx->names[i - 1].entity != n->entity)
			first = i;
		if (seen_before(idx, first, i))
			continue;
		fputs(wl_index_str(idx, idx->entities[n->entity].id), stdout);
		fputc('\t', stdout);
		put_clean(name_text(idx, n), stdout);
		fputc('\n', stdout);
	}
	int rc = ferror(stdout) || fflush(stdout) ? 1 : 0;
	wl_index_close(idx);
	return rc;
}
