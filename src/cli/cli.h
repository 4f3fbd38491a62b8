/*
 * cli.h - what the commands of the `watchlist` tool share.
 *
 * Exit status (the CLI contract in DESIGN.md): 0 done; 1 a match was found
 * (`screen` only); 2 usage error; 3 bad input (a malformed list file, a
 * damaged index, a bad record), with file, line and field in the message;
 * 4 not found (no such entity, no index); 5 any other failure (I/O, memory).
 */
#ifndef WL_CLI_H
#define WL_CLI_H

#include <stdbool.h>

enum {
	WL_EXIT_OK = 0,
	WL_EXIT_MATCH = 1,
	WL_EXIT_USAGE = 2,
	WL_EXIT_INPUT = 3,
	WL_EXIT_NOTFOUND = 4,
	WL_EXIT_FAILURE = 5,
};

/* The exit status for a library error code. */
int cli_exit_for(int rc);
/* Prints "watchlist: <message of the last error>" and returns cli_exit_for(rc). */
int cli_fail(int rc);
/* Prints "watchlist CMD: <msg>" and a hint to --help; returns WL_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The index to use: -i PATH, else $WATCHLIST_INDEX, else the one `make` builds. */
const char *cli_index_path(const char *opt);
/* True when stderr is a terminal (progress is shown only then). */
bool cli_progress_wanted(void);

int cmd_index(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_entity(int argc, char **argv);
int cmd_screen(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
