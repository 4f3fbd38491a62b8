/*
 * cmd_screen.c - `watchlist screen [OPTIONS] NAME`: screen one name.
 *
 * Prints the entities the name may be, best first, with each feature of
 * the score explained; --json prints {"query": ..., "matches": [...]} as in
 * DESIGN.md. Exit status 1 when a result reaches the threshold, so that
 * scripts can test it.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "index/index.h"
#include "watchlist.h"

static const char help[] =
	"usage: watchlist screen [-i INDEX] [--schema S] [--dob DATE] [--country C] [--id ID]\n"
	"                        [--threshold X] [--limit N] [--json] NAME...\n"
	"\n"
	"Screens a name (any script, any word order; words after the options are joined)\n"
	"against the index and prints the entities it may be, best first, each with a\n"
	"score in 0..1 and the reasons. Exit status 1 when a result is a match.\n"
	"\n"
	"  -i, --index INDEX   the index (default: $WATCHLIST_INDEX, else the bundled one)\n"
	"  --schema S          Person, Organization, Company, LegalEntity, Vessel, Airplane\n"
	"  --dob DATE          date of birth: YYYY-MM-DD, YYYY-MM, YYYY, DD.MM.YYYY, 27 Oct 1985\n"
	"  --country C         nationality or country: name, ISO code or adjective\n"
	"  --id ID             an identifier (passport, national ID, registration number)\n"
	"  --threshold X       the score that makes a match (default 0.80, see bench/RESULTS.md)\n"
	"  --limit N           results at most (default 5)\n"
	"  --json              JSON for machines\n";

/* "also listed: un-123 [un_sc_sanctions], ..." */
static void print_other_listings(const wl_index *idx, const wl_result *r)
{
	json_t *arr = wl_index_other_listings(idx, r->entity);
	size_t i;
	json_t *o;
	json_array_foreach(arr, i, o)
		printf("%s%s [%s]", i ? ", " : "       also listed: ",
		       json_string_value(json_object_get(o, "id")),
		       json_string_value(json_object_get(o, "dataset")));
	if (json_array_size(arr))
		putchar('\n');
	json_decref(arr);
}

static void print_text(const wl_index *idx, const wl_query *q, const wl_result *res, size_t n)
{
	int color = isatty(STDOUT_FILENO);
	printf("%s%s%s", color ? "\033[1m" : "", q->name, color ? "\033[0m" : "");
	if (q->schema)
		printf("  schema %s", q->schema);
	if (q->birth_date)
		printf("  born %s", q->birth_date);
	if (q->country)
		printf("  country %s", q->country);
	if (q->id_number)
		printf("  id %s", q->id_number);
	putchar('\n');
	if (!n)
		puts("  no match");
	for (size_t i = 0; i < n; i++) {
		const wl_result *r = &res[i];
		const char *mark = r->match ? (color ? "\033[31mMATCH\033[0m" : "MATCH") : "  -  ";
		printf("  %zu. %.3f %s  %-14s %-12s %s  [%s %s]\n", i + 1, r->score, mark, r->id,
		       r->schema, r->caption, r->source, r->source_id);
		for (size_t k = 0; k < r->nfeatures; k++) {
			const wl_feature *f = &r->features[k];
			printf("       %-10s %6.3f  %s%s%s\n", f->name, f->score, f->detail,
			       *f->candidate ? "  | list: " : "", f->candidate);
		}
		print_other_listings(idx, r);
	}
}

static json_t *query_json(const wl_query *q)
{
	json_t *o = json_object();
	json_object_set_new(o, "name", json_string(q->name));
	if (q->schema)
		json_object_set_new(o, "schema", json_string(q->schema));
	if (q->birth_date)
		json_object_set_new(o, "birth_date", json_string(q->birth_date));
	if (q->country)
		json_object_set_new(o, "country", json_string(q->country));
	if (q->id_number)
		json_object_set_new(o, "id", json_string(q->id_number));
	return o;
}

int cmd_screen(int argc, char **argv)
{
	static const struct option opts[] = {
		{"index", required_argument, NULL, 'i'}, {"schema", required_argument, NULL, 's'},
		{"dob", required_argument, NULL, 'd'},   {"country", required_argument, NULL, 'c'},
		{"id", required_argument, NULL, 'I'},    {"threshold", required_argument, NULL, 't'},
		{"limit", required_argument, NULL, 'l'}, {"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0},
	};
	const char *index = NULL;
	wl_query q = {0};
	wl_screen_options so = {0};
	int as_json = 0, c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "i:h", opts, NULL)) != -1) {
		switch (c) {
		case 'i': index = optarg; break;
		case 's': q.schema = optarg; break;
		case 'd': q.birth_date = optarg; break;
		case 'c': q.country = optarg; break;
		case 'I': q.id_number = optarg; break;
		case 't':
			so.threshold = strtod(optarg, &end);
			if (*end || so.threshold <= 0 || so.threshold > 1)
				return cli_usage_error("screen", "--threshold takes a number in (0, 1]");
			break;
		case 'l':
			so.limit = strtoul(optarg, &end, 10);
			if (*end || !so.limit || so.limit > 100)
				return cli_usage_error("screen", "--limit takes a number from 1 to 100");
			break;
		case 'j': as_json = 1; break;
		case 'h': fputs(help, stdout); return WL_EXIT_OK;
		default: return cli_usage_error("screen", "unknown option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("screen", "give a name to screen");
	size_t len = 0;
	for (int i = optind; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *name = malloc(len + 1);
	if (!name)
		return WL_EXIT_FAILURE;
	name[0] = '\0';
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			strcat(name, " ");
		strcat(name, argv[i]);
	}
	q.name = name;

	wl_index *idx = NULL;
	wl_screener *s = NULL;
	const wl_result *res;
	size_t n = 0;
	int rc = wl_index_open(&idx, cli_index_path(index));
	if (!rc)
		rc = wl_screener_new(&s, idx);
	if (!rc)
		rc = wl_screen(s, &q, &so, &res, &n);
	int status = rc ? cli_fail(rc) : WL_EXIT_OK;
	if (!rc) {
		int matched = 0;
		for (size_t i = 0; i < n; i++)
			matched |= res[i].match;
		if (as_json) {
			json_t *o = json_object(), *arr = json_array();
			json_object_set_new(o, "query", query_json(&q));
			for (size_t i = 0; i < n; i++)
				json_array_append_new(arr, wl_result_object(idx, &res[i]));
			json_object_set_new(o, "matches", arr);
			char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
			if (text)
				puts(text);
			free(text);
			json_decref(o);
		} else {
			print_text(idx, &q, res, n);
		}
		status = matched ? WL_EXIT_MATCH : WL_EXIT_OK;
	}
	wl_screener_free(s);
	wl_index_close(idx);
	free(name);
	return status;
}
