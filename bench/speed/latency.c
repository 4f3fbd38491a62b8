/*
 * latency.c - single-thread screening latency through the library API.
 *
 * Usage: latency [--rounds N] [--no-warmup] [--slowest FILE] INDEX QUERIES.tsv
 *
 * QUERIES.tsv has one query a line: "name<TAB>date of birth<TAB>nationality"
 * (the last two may be empty). Qualifiers are handled as `watchlist batch`
 * handles them: a date that is no date or an unknown country is dropped, so
 * that every query is screened. The index is opened once (wl_index_open),
 * one screener made (wl_screener_new), and each wl_screen() call is timed
 * alone with clock_gettime(CLOCK_MONOTONIC) at the default threshold and
 * limit. One untimed pass first warms the page cache and the mapping,
 * unless --no-warmup; then N timed passes (default 1). It prints one JSON
 * object:
 *
 *   {"queries": timed calls, "qps": calls / summed latency, "mean_us",
 *    "p50_us", "p90_us", "p99_us", "max_us", "open_ms": wl_index_open time,
 *    "matched": queries with a result >= threshold in the last pass,
 *    "dropped_qualifiers": dates or countries dropped}
 *
 * --slowest FILE writes the 20 slowest calls as "microseconds<TAB>name".
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text/countries.h"
#include "text/dates.h"
#include "watchlist.h"

typedef struct query {
	char *name, *dob, *country;
} query;

typedef struct timing {
	double us;
	size_t query;
} timing;

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int cmp_timing(const void *a, const void *b)
{
	double x = ((const timing *)a)->us, y = ((const timing *)b)->us;
	return x < y ? -1 : x > y;
}

/* Splits a line into name, date and country at tabs (missing fields are ""). */
static void split_query(char *line, query *q)
{
	char *f[3] = {line, "", ""};
	for (int i = 1; i < 3; i++) {
		char *tab = strchr(f[i - 1], '\t');
		if (!tab)
			break;
		*tab = '\0';
		f[i] = tab + 1;
	}
	q->name = f[0];
	q->dob = f[1];
	q->country = f[2];
}

/* Reads the queries; returns how many, or 0 on error. *buf owns the text. */
static size_t read_queries(const char *path, query **out, char ***lines)
{
	FILE *in = fopen(path, "r");
	if (!in) {
		fprintf(stderr, "latency: %s: cannot open\n", path);
		return 0;
	}
	size_t n = 0, cap = 0;
	query *qs = NULL;
	char **ls = NULL;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, in)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (!len)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			qs = realloc(qs, cap * sizeof(*qs));
			ls = realloc(ls, cap * sizeof(*ls));
			if (!qs || !ls) {
				fprintf(stderr, "latency: out of memory\n");
				exit(1);
			}
		}
		ls[n] = line;
		split_query(line, &qs[n]);
		n++;
		line = NULL;
		lcap = 0;
	}
	free(line);
	fclose(in);
	*out = qs;
	*lines = ls;
	return n;
}

/* Drops the qualifiers batch would drop; returns how many were dropped. */
static int clean_qualifiers(query *q)
{
	int dropped = 0;
	wl_date d;
	if (*q->dob && wl_date_parse(q->dob, strlen(q->dob), &d)) {
		q->dob = "";
		dropped++;
	}
	if (*q->country && !wl_country_code(q->country, (size_t)-1)) {
		q->country = "";
		dropped++;
	}
	return dropped;
}

static double percentile(const timing *t, size_t n, double p)
{
	size_t k = (size_t)(p * (double)(n - 1) + 0.5);
	return t[k < n ? k : n - 1].us;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"rounds", required_argument, NULL, 'r'},
		{"no-warmup", no_argument, NULL, 'w'},
		{"slowest", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	long rounds = 1;
	int warmup = 1;
	const char *slowest = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rounds = strtol(optarg, NULL, 10); break;
		case 'w': warmup = 0; break;
		case 's': slowest = optarg; break;
		default: return 2;
		}
	}
	if (argc - optind != 2 || rounds < 1) {
		fprintf(stderr, "usage: latency [--rounds N] [--no-warmup] [--slowest FILE] INDEX QUERIES.tsv\n");
		return 2;
	}
	query *qs;
	char **lines;
	size_t nq = read_queries(argv[optind + 1], &qs, &lines);
	if (!nq)
		return 1;
	int dropped = 0;
	for (size_t i = 0; i < nq; i++)
		dropped += clean_qualifiers(&qs[i]);

	double t0 = now_us();
	wl_index *idx;
	if (wl_index_open(&idx, argv[optind])) {
		fprintf(stderr, "latency: %s\n", wl_error_last());
		return 1;
	}
	double open_ms = (now_us() - t0) / 1e3;
	wl_screener *s;
	if (wl_screener_new(&s, idx)) {
		fprintf(stderr, "latency: %s\n", wl_error_last());
		return 1;
	}

	size_t ntimed = nq * (size_t)rounds;
	timing *t = malloc(ntimed * sizeof(*t));
	if (!t) {
		fprintf(stderr, "latency: out of memory\n");
		return 1;
	}
	size_t matched = 0, k = 0;
	double total = 0;
	for (long r = warmup ? -1 : 0; r < rounds; r++) {
		matched = 0;
		for (size_t i = 0; i < nq; i++) {
			wl_query q = {.name = qs[i].name,
				      .birth_date = *qs[i].dob ? qs[i].dob : NULL,
				      .country = *qs[i].country ? qs[i].country : NULL};
			const wl_result *res;
			size_t nres;
			double a = now_us();
			int rc = wl_screen(s, &q, NULL, &res, &nres);
			double us = now_us() - a;
			if (rc) {
				fprintf(stderr, "latency: query %zu '%s': %s\n", i + 1, qs[i].name, wl_error_last());
				return 1;
			}
			matched += nres && res[0].match;
			if (r >= 0) {
				t[k].us = us;
				t[k].query = i;
				k++;
				total += us;
			}
		}
	}
	qsort(t, ntimed, sizeof(*t), cmp_timing);
	printf("{\"queries\": %zu, \"qps\": %.1f, \"mean_us\": %.1f, \"p50_us\": %.1f, \"p90_us\": %.1f, "
	       "\"p99_us\": %.1f, \"max_us\": %.1f, \"open_ms\": %.2f, \"matched\": %zu, "
	       "\"dropped_qualifiers\": %d}\n",
	       ntimed, (double)ntimed / (total / 1e6), total / (double)ntimed, percentile(t, ntimed, 0.50),
	       percentile(t, ntimed, 0.90), percentile(t, ntimed, 0.99), t[ntimed - 1].us, open_ms, matched,
	       dropped);
	if (slowest) {
		FILE *f = fopen(slowest, "w");
		if (!f) {
			fprintf(stderr, "latency: %s: cannot write\n", slowest);
			return 1;
		}
		for (size_t i = ntimed; i > 0 && ntimed - i < 20; i--)
			fprintf(f, "%.1f\t%s\n", t[i - 1].us, qs[t[i - 1].query].name);
		fclose(f);
	}
	free(t);
	wl_screener_free(s);
	wl_index_close(idx);
	for (size_t i = 0; i < nq; i++)
		free(lines[i]);
	free(lines);
	free(qs);
	return 0;
}
