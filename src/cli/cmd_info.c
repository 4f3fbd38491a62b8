/*
 * cmd_info.c - `watchlist info [-i INDEX] [--json]`: what an index holds.
 *
 * For each source: its name and title, the list's date, the files read with
 * their SHA-256 and size, and the entity counts by schema. --json prints the
 * same as one JSON object, for machines.
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "watchlist.h"

static const char help[] =
	"usage: watchlist info [-i INDEX] [--json]\n"
	"\n"
	"Lists the sources in an index: name, title, list date, files with their\n"
	"SHA-256, and entity counts by schema.\n"
	"\n"
	"  -i, --index INDEX   the index (default: $WATCHLIST_INDEX, else the bundled one)\n"
	"  --json              one JSON object instead of text\n";

static void print_source(json_t *s)
{
	const char *name = json_string_value(json_object_get(s, "name"));
	const char *title = json_string_value(json_object_get(s, "title"));
	const char *date = json_string_value(json_object_get(s, "list_date"));
	printf("%-32s %-10s %7lld entities  %s\n", name ? name : "?", date ? date : "undated",
	       json_integer_value(json_object_get(s, "entities")), title ? title : "");
	const char *key;
	json_t *v;
	printf("%44s", "");
	int first = 1;
	json_object_foreach(json_object_get(s, "schemata"), key, v)
	{
		printf("%s%s %lld", first ? "" : ", ", key, json_integer_value(v));
		first = 0;
	}
	putchar('\n');
	size_t i;
	json_t *f;
	json_t *files = json_object_get(s, "files");
	json_array_foreach(files, i, f)
	{
		if (i == 4 && json_array_size(files) > 5) {
			printf("%44s... and %zu more files\n", "", json_array_size(files) - 4);
			break;
		}
		printf("%44s%s  sha256 %.16s  %lld bytes\n", "",
		       json_string_value(json_object_get(f, "path")),
		       json_string_value(json_object_get(f, "sha256")),
		       json_integer_value(json_object_get(f, "bytes")));
	}
}

int cmd_info(int argc, char **argv)
{
	static const struct option opts[] = {
		{"index", required_argument, NULL, 'i'},
		{"json", no_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *index = NULL;
	int as_json = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "i:h", opts, NULL)) != -1) {
		switch (c) {
		case 'i': index = optarg; break;
		case 'j': as_json = 1; break;
		case 'h': fputs(help, stdout); return WL_EXIT_OK;
		default: return cli_usage_error("info", "unknown option");
		}
	}
	if (optind != argc)
		return cli_usage_error("info", "unexpected argument '%s'", argv[optind]);
	const char *path = cli_index_path(index);
	wl_index *idx;
	int rc = wl_index_open(&idx, path);
	if (rc)
		return cli_fail(rc);
	char *text;
	rc = wl_index_sources_json(&text, idx);
	wl_index_close(idx);
	if (rc)
		return cli_fail(rc);
	if (as_json) {
		puts(text);
		free(text);
		return WL_EXIT_OK;
	}
	json_t *o = json_loads(text, 0, NULL);
	free(text);
	time_t created = (time_t)json_integer_value(json_object_get(o, "created"));
	char when[32];
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", gmtime(&created));
	printf("index %s: format %lld, built %s, %lld entities\n\n", path,
	       json_integer_value(json_object_get(o, "format_version")), when,
	       json_integer_value(json_object_get(o, "entities")));
	printf("%-32s %-10s %16s  %s\n", "SOURCE", "LIST DATE", "", "TITLE");
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(o, "sources"), i, s)
		print_source(s);
	json_decref(o);
	return WL_EXIT_OK;
}
