/*
 * pairs.c - the name comparison alone, on labelled name pairs.
 *
 * bench/quality/run feeds it the nomenklatura pairs (data/eval/nomenklatura/
 * cases.csv) to measure the name similarity without candidate generation or
 * qualifiers. Input on stdin, one pair a line: "schema<TAB>name1<TAB>name2".
 * Both names are normalised as the index and the screener do (the kind of
 * name from the FtM schema: Person a person, Organization and Company an
 * organisation, anything else unknown), aligned with wl_name_align(), and
 * one line is printed per pair:
 *
 *   score<TAB>normalised name1<TAB>normalised name2
 *
 * A name that cannot be normalised (not UTF-8) gets score -1. The program
 * links build/libwatchlist.a and uses its internal headers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/index.h"
#include "match/similarity.h"
#include "text/normalise.h"
#include "watchlist.h"

static wl_name_kind kind_of_schema(const char *schema)
{
	if (!strcmp(schema, "Person"))
		return WL_NAME_PERSON;
	if (!strcmp(schema, "Organization") || !strcmp(schema, "Company"))
		return WL_NAME_ORG;
	return WL_NAME_ANY;
}

/* Splits line at tabs into at most max fields; returns how many. */
static size_t split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		fields[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

int main(void)
{
	wl_normaliser *norm;
	if (wl_shared_normaliser(&norm)) {
		fprintf(stderr, "pairs: %s\n", wl_error_last());
		return 1;
	}
	static wl_name a, b;
	wl_alignment al;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	int status = 0;
	while ((len = getline(&line, &cap, stdin)) != -1) {
		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		char *f[3];
		if (split_tabs(line, f, 3) != 3) {
			fprintf(stderr, "pairs: line %lu: want schema<TAB>name1<TAB>name2\n", lineno);
			status = 1;
			break;
		}
		wl_name_kind kind = kind_of_schema(f[0]);
		if (wl_normalise_name(norm, f[1], strlen(f[1]), kind, &a) ||
		    wl_normalise_name(norm, f[2], strlen(f[2]), kind, &b)) {
			printf("-1\t\t\n");
			continue;
		}
		wl_name_align(&a, &b, &al);
		printf("%.4f\t%.*s\t%.*s\n", (double)al.score, (int)a.len, a.text, (int)b.len, b.text);
	}
	free(line);
	wl_normaliser_free(norm);
	return status;
}
