/*
 * cmd_entity.c - `watchlist entity [-i INDEX] ID`: one entity as JSON.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "watchlist.h"

static const char help[] =
	"usage: watchlist entity [-i INDEX] ID\n"
	"\n"
	"Prints one entity as FollowTheMoney-style JSON: every property, and beside\n"
	"them their provenance (list, the list's record id, list date, the list's own\n"
	"wording), and the entity's links in both directions.\n"
	"\n"
	"  -i, --index INDEX   the index (default: $WATCHLIST_INDEX, else the bundled one)\n";

int cmd_entity(int argc, char **argv)
{
	static const struct option opts[] = {
		{"index", required_argument, NULL, 'i'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *index = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "i:h", opts, NULL)) != -1) {
		switch (c) {
		case 'i': index = optarg; break;
		case 'h': fputs(help, stdout); return WL_EXIT_OK;
		default: return cli_usage_error("entity", "unknown option");
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("entity", "give exactly one entity id");

	wl_index *idx;
	int rc = wl_index_open(&idx, cli_index_path(index));
	if (rc)
		return cli_fail(rc);
	char *json;
	rc = wl_index_entity_json(&json, idx, argv[optind]);
	wl_index_close(idx);
	if (rc)
		return cli_fail(rc);
	puts(json);
	free(json);
	return WL_EXIT_OK;
}
