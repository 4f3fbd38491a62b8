/*
 * main.c - the `watchlist` command: dispatches to one file per command.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "watchlist.h"

#ifndef WL_DEFAULT_INDEX
#define WL_DEFAULT_INDEX "watchlist.idx"
#endif

static const char usage[] =
	"usage: watchlist COMMAND [OPTIONS]\n"
	"\n"
	"Screens names against sanctions lists and threat-actor registries.\n"
	"\n"
	"commands:\n"
	"  index  [-o INDEX] [SOURCE...]   build an index from list files or folders\n"
	"                                  (no SOURCE: the bundled lists)\n"
	"  info   [-i INDEX] [--json]      the lists in an index: dates, hashes, counts\n"
	"  entity [-i INDEX] ID            one entity as JSON, with provenance and links\n"
	"  screen [-i INDEX] [--schema S] [--dob DATE] [--country C] [--id ID]\n"
	"         [--threshold X] [--limit N] [--json] NAME\n"
	"                                  screen a name: matches, scores, explanations\n"
	"  batch  [-i INDEX] [--threshold X] [--limit N] [--threads N] [--format csv|jsonl]\n"
	"         [FILE|-]                 screen every record of a file, JSON lines out\n"
	"  serve  [-i INDEX] [--listen HOST:PORT] [--threads N] [--api-keys FILE]\n"
	"                                  HTTP API compatible with yente's /match\n"
	"\n"
	"The index is -i INDEX, else $WATCHLIST_INDEX, else " WL_DEFAULT_INDEX ".\n"
	"`watchlist COMMAND --help` describes a command. Exit status: 0 done, 1 match\n"
	"found (screen), 2 usage error, 3 bad input, 4 not found, 5 other failure.\n";

int cli_exit_for(int rc)
{
	switch (rc) {
	case WL_OK: return WL_EXIT_OK;
	case WL_EUSAGE: return WL_EXIT_USAGE;
	case WL_EINPUT:
	case WL_EINDEX: return WL_EXIT_INPUT;
	case WL_ENOTFOUND: return WL_EXIT_NOTFOUND;
	default: return WL_EXIT_FAILURE;
	}
}

int cli_fail(int rc)
{
	fprintf(stderr, "watchlist: %s\n", wl_error_last());
	return cli_exit_for(rc);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "watchlist %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n(see `watchlist %s --help`)\n", cmd);
	return WL_EXIT_USAGE;
}

const char *cli_index_path(const char *opt)
{
	if (opt)
		return opt;
	const char *env = getenv("WATCHLIST_INDEX");
	return env && *env ? env : WL_DEFAULT_INDEX;
}

bool cli_progress_wanted(void)
{
	return isatty(STDERR_FILENO);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} commands[] = {
		{"index", cmd_index},
		{"info", cmd_info},
		{"entity", cmd_entity},
		{"screen", cmd_screen},
		{"batch", cmd_batch},
		{"serve", cmd_serve},
	};
	if (argc < 2) {
		fputs(usage, stderr);
		return WL_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		fputs(usage, stdout);
		return WL_EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		puts("watchlist " WL_VERSION);
		return WL_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "watchlist: unknown command '%s'\n\n%s", argv[1], usage);
	return WL_EXIT_USAGE;
}
