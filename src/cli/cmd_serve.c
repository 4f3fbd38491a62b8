/*
 * cmd_serve.c - `watchlist serve`: the HTTP API (yente's /match and more), see src/http.
 *
 * Reads the options, refuses an API key given on the command line (any
 * user of the machine can read a process's arguments: keys come from a
 * file), and runs the server until SIGINT or SIGTERM. Exit status 0 after
 * a clean stop, 2 for a usage error, 3 for a damaged index or key file,
 * 4 when the index is missing, 5 when the address cannot be bound.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "http/http.h"
#include "watchlist.h"

static const char help[] =
    "usage: watchlist serve [-i INDEX] [--listen HOST:PORT] [--threads N] [--api-keys FILE]\n"
    "                       [--cors ORIGIN] [--max-body BYTES] [--max-queries N]\n"
    "                       [--timeout-ms N] [--log]\n"
    "\n"
    "Serves the index over HTTP, compatible with yente's matching API:\n"
    "  POST /match/{dataset}      screen a batch of queries (yente's EntityMatchQuery)\n"
    "  GET  /search/{dataset}?q=  screen one name\n"
    "  GET  /entities/{id}        one entity with provenance, links and other listings\n"
    "  GET  /catalog              the datasets: default, sanctions, threat_actors, each list\n"
    "  GET  /healthz, /readyz     probes;  GET /metrics  Prometheus metrics\n"
    "The index is reloaded on SIGHUP or when its file is replaced; requests in flight\n"
    "finish on the old one, and a damaged file is refused while the old one serves.\n"
    "\n"
    "  -i, --index INDEX   the index (default: $WATCHLIST_INDEX, else the bundled one)\n"
    "  --listen ADDR       HOST:PORT, [IPV6]:PORT or PORT (default 127.0.0.1:8000;\n"
    "                      port 0 picks a free one, printed at start)\n"
    "  --threads N         worker threads (default: all cores)\n"
    "  --api-keys FILE     require a key from FILE (one a line), sent as\n"
    "                      'Authorization: ApiKey KEY' or 'Bearer KEY'\n"
    "  --cors ORIGIN       allow browsers on ORIGIN to call the API (default: off)\n"
    "  --max-body BYTES    largest request body (default 1048576; larger: 413)\n"
    "  --max-queries N     queries per /match request (default 100; more: 400)\n"
    "  --timeout-ms N      time per request (default 10000; longer: 504)\n"
    "  --log               one line per request on stderr (errors are always logged)\n";

static int number(const char *opt, const char *arg, unsigned long min, unsigned long max,
                  unsigned long *out)
{
	char *end;
	*out = strtoul(arg, &end, 10);
	if (!*arg || *end || *arg == '-' || *out < min || *out > max)
		return cli_usage_error("serve", "%s takes a number from %lu to %lu", opt, min, max);
	return 0;
}

static int parse(int argc, char **argv, wl_http_config *cfg, const char **index)
{
	static const struct option opts[] = {
	    {"index", required_argument, NULL, 'i'},
	    {"listen", required_argument, NULL, 'L'},
	    {"threads", required_argument, NULL, 'T'},
	    {"api-keys", required_argument, NULL, 'k'},
	    {"cors", required_argument, NULL, 'c'},
	    {"max-body", required_argument, NULL, 'b'},
	    {"max-queries", required_argument, NULL, 'q'},
	    {"timeout-ms", required_argument, NULL, 't'},
	    {"log", no_argument, NULL, 'l'},
	    {"api-key", required_argument, NULL, 'K'},
	    {"key", required_argument, NULL, 'K'},
	    {"help", no_argument, NULL, 'h'},
	    {NULL, 0, NULL, 0},
	};
	unsigned long n;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "i:h", opts, NULL)) != -1) {
		switch (c) {
		case 'i':
			*index = optarg;
			break;
		case 'L':
			cfg->listen = optarg;
			break;
		case 'T':
			if (number("--threads", optarg, 1, 256, &n))
				return WL_EXIT_USAGE;
			cfg->threads = (unsigned)n;
			break;
		case 'k':
			cfg->api_keys_file = optarg;
			break;
		case 'K':
			return cli_usage_error("serve",
			                       "API keys are never taken from the command line "
			                       "(others can read it): put them in a file, "
			                       "one a line, and give --api-keys FILE");
		case 'c':
			cfg->cors_origin = optarg;
			break;
		case 'b':
			if (number("--max-body", optarg, 1024, 1UL << 30, &n))
				return WL_EXIT_USAGE;
			cfg->max_body = n;
			break;
		case 'q':
			if (number("--max-queries", optarg, 1, 10000, &n))
				return WL_EXIT_USAGE;
			cfg->max_queries = n;
			break;
		case 't':
			if (number("--timeout-ms", optarg, 1, 3600000, &n))
				return WL_EXIT_USAGE;
			cfg->timeout_ms = (unsigned)n;
			break;
		case 'l':
			cfg->log_requests = true;
			break;
		case 'h':
			fputs(help, stdout);
			return -1;
		default:
			return cli_usage_error("serve", "unknown option");
		}
	}
	if (optind < argc)
		return cli_usage_error("serve", "unexpected argument '%s'", argv[optind]);
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	wl_http_config cfg = {0};
	const char *index = NULL;
	int rc = parse(argc, argv, &cfg, &index);
	if (rc)
		return rc < 0 ? WL_EXIT_OK : rc;
	cfg.index_path = cli_index_path(index);
	rc = wl_http_serve(&cfg);
	return rc ? cli_fail(rc) : WL_EXIT_OK;
}
