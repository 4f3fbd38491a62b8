/*
 * cmd_index.c - `watchlist index [-o INDEX] [SOURCE...]`: build an index.
 *
 * With no SOURCE it reads the bundled lists. Progress (the file being read)
 * goes to stderr when stderr is a terminal; the summary line always does.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "watchlist.h"

#ifndef WL_DATA_DIR
#define WL_DATA_DIR "data"
#endif

static const char help[] =
	"usage: watchlist index [-o INDEX] [--source NAME=PATH]... [--manifest FILE] [-q] [SOURCE...]\n"
	"\n"
	"Reads list files (a file, or a folder read recursively) and writes one index\n"
	"file. Each file's format is detected from its content: OFAC legacy CSV sets\n"
	"(sdn.csv with alt.csv, add.csv, sdn_comments.csv; cons_prim.csv ...), the UN\n"
	"consolidated XML, MISP galaxy clusters, MITRE ATT&CK STIX bundles. With no\n"
	"SOURCE it reads the bundled lists in " WL_DATA_DIR "/lists.\n"
	"\n"
	"The index is written to a temporary file and renamed when complete: on any\n"
	"error the existing index is left untouched. A malformed list file stops the\n"
	"build with FILE:LINE: field: what is wrong, and exit status 3.\n"
	"\n"
	"  -o, --output INDEX  where to write (default: $WATCHLIST_INDEX, else the bundled one)\n"
	"  --source NAME=PATH  also read PATH as the list NAME (repeatable): a list of that\n"
	"                      name read before is replaced (us_ofac_sdn=new/sdn.csv puts a\n"
	"                      newer SDN file in place of the bundled one); a new name adds\n"
	"                      a list (mybank=blocked.csv, an in-house list)\n"
	"  --manifest FILE     dates for list files that state none (sha256, date, path;\n"
	"                      default: " WL_DATA_DIR "/manifest.tsv)\n"
	"  -q, --quiet         no progress and no summary\n";

/* "NAME=PATH" into ns (pointing into arg, which it cuts at the '='). */
static int parse_named(char *arg, wl_named_source *ns)
{
	char *eq = strchr(arg, '=');
	if (!eq || eq == arg || !eq[1])
		return -1;
	*eq = '\0';
	for (const char *p = arg; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return -1;
	ns->name = arg;
	ns->path = eq + 1;
	return 0;
}

static void show_progress(void *ctx, const char *path)
{
	(void)ctx;
	fprintf(stderr, "\r\033[Kreading %s", path);
	fflush(stderr);
}

int cmd_index(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"manifest", required_argument, NULL, 'm'},
		{"source", required_argument, NULL, 's'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL;
	int quiet = 0, c;
	wl_named_source named[64];
	size_t nnamed = 0;
	wl_build_options bo = {.manifest = WL_DATA_DIR "/manifest.tsv"};
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'm': bo.manifest = optarg; break;
		case 's':
			if (nnamed == sizeof(named) / sizeof(named[0]))
				return cli_usage_error("index", "at most 64 --source options");
			if (parse_named(optarg, &named[nnamed]))
				return cli_usage_error("index", "--source takes NAME=PATH, NAME of a-z, 0-9 and _");
			nnamed++;
			break;
		case 'q': quiet = 1; break;
		case 'h': fputs(help, stdout); return WL_EXIT_OK;
		default: return cli_usage_error("index", "unknown option");
		}
	}
	out = cli_index_path(out);
	static const char *const bundled[] = {WL_DATA_DIR "/lists"};
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	if (!npaths) {
		paths = bundled;
		npaths = 1;
	}
	bo.named = named;
	bo.nnamed = nnamed;
	int tty = !quiet && cli_progress_wanted();
	if (tty)
		bo.progress = show_progress;

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	wl_build_stats st;
	int rc = wl_index_build(out, paths, npaths, &bo, &st);
	if (tty)
		fputs("\r\033[K", stderr);
	if (rc)
		return cli_fail(rc);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!quiet) {
		struct stat sb;
		double mb = stat(out, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
		double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		fprintf(stderr,
			"indexed %zu entities (%zu values, %zu links, %zu resolved by name) from %zu "
			"sources into %s (%.1f MB) in %.2f s\n",
			st.entities, st.values, st.links, st.links_resolved, st.sources, out, mb, secs);
	}
	return WL_EXIT_OK;
}
