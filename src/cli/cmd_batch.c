/*
 * cmd_batch.c - `watchlist batch`: screen every record of a customer file.
 *
 * Records stream through in chunks: the main thread reads a chunk, hands it
 * to the worker threads (each with its own screener on the shared index),
 * and writes finished chunks in input order. At most 2 x threads chunks are
 * in flight, so memory stays constant whatever the input's size. Each
 * record gives one JSON line: {"input": {...}, "matches": [...]} or
 * {"input": {...}, "error": "..."}; a qualifier that cannot be read (an
 * unknown country, a date that is no date) is dropped with a "warnings"
 * entry rather than lose the record's screening. Progress goes to stderr
 * when it is a terminal.
 */
#include <getopt.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch_input.h"
#include "cli.h"
#include "index/index.h"
#include "text/countries.h"
#include "text/dates.h"
#include "watchlist.h"

#define CHUNK 256

static const char help[] =
	"usage: watchlist batch [-i INDEX] [--threshold X] [--limit N] [--threads N]\n"
	"                       [--format csv|jsonl] [FILE|-]\n"
	"\n"
	"Screens every record of a CSV file with a header row, or of JSON lines (the\n"
	"format is detected from the first byte), and writes one JSON line per record,\n"
	"in input order: {\"input\": {...}, \"matches\": [...]}, or {\"input\": {...},\n"
	"\"error\": \"...\"} for a record it cannot screen. Fields: name or full_name (or\n"
	"first_name, middle_name, last_name), schema, date_of_birth or dob, nationality or\n"
	"country, id; other fields pass through.\n"
	"\n"
	"  -i, --index INDEX   the index (default: $WATCHLIST_INDEX, else the bundled one)\n"
	"  --threshold X       the score that makes a match (default 0.80)\n"
	"  --limit N           matches per record at most (default 5)\n"
	"  --threads N         worker threads (default: all cores)\n"
	"  --format F          csv or jsonl (default: detected)\n";

typedef struct item {
	json_t *input;      /* the record, or NULL when it could not be read */
	unsigned long line;
	char *error;        /* reading error */
	char *out;          /* the output line */
} item;

typedef struct chunk {
	item items[CHUNK];
	size_t n;
	int done;
} chunk;

typedef struct pool {
	const wl_index *idx;
	wl_screen_options opts;
	pthread_mutex_t mu;
	pthread_cond_t work, finished;
	chunk *ring;
	size_t ring_size;
	size_t head, tail, next; /* to write, to fill, to take */
	int eof;
	int failed;              /* a screener could not start */
} pool;

static const char *field(json_t *rec, const char *const *names)
{
	for (; *names; names++) {
		const char *v = json_string_value(json_object_get(rec, *names));
		if (v && *v)
			return v;
	}
	return NULL;
}

/* The full name from name/full_name, or first, middle and last name joined. */
static const char *record_name(json_t *rec, char *buf, size_t cap)
{
	static const char *const full[] = {"name", "full_name", "fullname", NULL};
	const char *n = field(rec, full);
	if (n)
		return n;
	static const char *const parts[][2] = {{"first_name", NULL}, {"middle_name", NULL}, {"last_name", NULL}};
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < 3; i++) {
		const char *p = field(rec, parts[i]);
		if (p && len + strlen(p) + 2 < cap)
			len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? " " : "", p);
	}
	return len ? buf : NULL;
}

static char *error_line(json_t *input, const char *msg)
{
	json_t *o = json_object();
	json_object_set(o, "input", input ? input : json_null());
	json_object_set_new(o, "error", json_string(msg));
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

static char *screen_item(wl_screener *s, const pool *p, item *it)
{
	char msg[512];
	if (!it->input) {
		snprintf(msg, sizeof(msg), "line %lu: %s", it->line, it->error ? it->error : "unreadable");
		return error_line(NULL, msg);
	}
	static const char *const dob_f[] = {"date_of_birth", "dob", "birth_date", "birthdate", NULL};
	static const char *const country_f[] = {"nationality", "country", NULL};
	static const char *const schema_f[] = {"schema", NULL};
	static const char *const id_f[] = {"id_number", "passport", "national_id", "registration_number", NULL};
	char namebuf[1024];
	wl_query q = {.name = record_name(it->input, namebuf, sizeof(namebuf)),
		      .schema = field(it->input, schema_f),
		      .birth_date = field(it->input, dob_f),
		      .country = field(it->input, country_f),
		      .id_number = field(it->input, id_f)};
	if (!q.name) {
		snprintf(msg, sizeof(msg), "line %lu: name: missing (name, full_name or first_name/last_name)", it->line);
		return error_line(it->input, msg);
	}
	json_t *warnings = json_array();
	wl_date d;
	if (q.birth_date && wl_date_parse(q.birth_date, strlen(q.birth_date), &d)) {
		json_array_append_new(warnings, json_sprintf("date of birth '%s' is not a date: not used", q.birth_date));
		q.birth_date = NULL;
	}
	if (q.country && !wl_country_code(q.country, (size_t)-1)) {
		json_array_append_new(warnings, json_sprintf("country '%s' is unknown: not used", q.country));
		q.country = NULL;
	}
	const wl_result *res;
	size_t n;
	int rc = wl_screen(s, &q, &p->opts, &res, &n);
	if (rc) {
		json_decref(warnings);
		snprintf(msg, sizeof(msg), "line %lu: %s", it->line, wl_error_last());
		return error_line(it->input, msg);
	}
	json_t *o = json_object(), *arr = json_array();
	json_object_set(o, "input", it->input);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, wl_result_object(p->idx, &res[i]));
	json_object_set_new(o, "matches", arr);
	if (json_array_size(warnings))
		json_object_set(o, "warnings", warnings);
	json_decref(warnings);
	char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return line;
}

static void *worker(void *arg)
{
	pool *p = arg;
	wl_screener *s = NULL;
	if (wl_screener_new(&s, p->idx)) {
		pthread_mutex_lock(&p->mu);
		p->failed = 1;
		pthread_cond_broadcast(&p->finished);
		pthread_mutex_unlock(&p->mu);
		return NULL;
	}
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next == p->tail && !p->eof)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->next == p->tail)
			break;
		chunk *c = &p->ring[p->next++ % p->ring_size];
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < c->n; i++)
			c->items[i].out = screen_item(s, p, &c->items[i]);
		pthread_mutex_lock(&p->mu);
		c->done = 1;
		pthread_cond_broadcast(&p->finished);
	}
	pthread_mutex_unlock(&p->mu);
	wl_screener_free(s);
	return NULL;
}

typedef struct progress {
	int on;
	unsigned long records;
	struct timespec start, last;
} progress;

static double since(const struct timespec *a)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - a->tv_sec) + (double)(now.tv_nsec - a->tv_nsec) / 1e9;
}

static void show(progress *pr, int final)
{
	if (!pr->on)
		return;
	if (!final && since(&pr->last) < 0.5)
		return;
	clock_gettime(CLOCK_MONOTONIC, &pr->last);
	double t = since(&pr->start);
	fprintf(stderr, "\r\033[Kscreened %lu records, %.0f/s%s", pr->records,
		t > 0 ? (double)pr->records / t : 0.0, final ? "\n" : "");
}

/* Writes and frees the oldest chunk once it is done; the lock is held. */
static int write_head(pool *p, FILE *out, progress *pr)
{
	chunk *c = &p->ring[p->head % p->ring_size];
	while (!c->done && !p->failed)
		pthread_cond_wait(&p->finished, &p->mu);
	if (p->failed)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		item *it = &c->items[i];
		if (it->out) {
			fputs(it->out, out);
			fputc('\n', out);
		}
		free(it->out);
		free(it->error);
		json_decref(it->input);
	}
	pr->records += c->n;
	show(pr, 0);
	memset(c, 0, sizeof(*c));
	p->head++;
	return 0;
}

static size_t fill(chunk *c, batch_reader *r)
{
	char err[256];
	c->n = 0;
	c->done = 0;
	while (c->n < CHUNK) {
		item *it = &c->items[c->n];
		memset(it, 0, sizeof(*it));
		if (!batch_next(r, &it->input, &it->line, err, sizeof(err)))
			break;
		if (!it->input)
			it->error = strdup(err);
		c->n++;
	}
	return c->n;
}

static int run_pool(pool *p, int threads, batch_reader *r, FILE *out)
{
	pthread_t *tids = calloc((size_t)threads, sizeof(pthread_t));
	p->ring_size = (size_t)threads * 2;
	p->ring = calloc(p->ring_size, sizeof(chunk));
	if (!tids || !p->ring) {
		free(tids);
		free(p->ring);
		return WL_EXIT_FAILURE;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->finished, NULL);
	int started = 0;
	for (; started < threads; started++)
		if (pthread_create(&tids[started], NULL, worker, p))
			break;
	progress pr = {.on = cli_progress_wanted()};
	clock_gettime(CLOCK_MONOTONIC, &pr.start);
	int rc = started ? 0 : -1;
	pthread_mutex_lock(&p->mu);
	while (!rc) {
		if (p->tail - p->head == p->ring_size && (rc = write_head(p, out, &pr)))
			break;
		chunk *c = &p->ring[p->tail % p->ring_size];
		pthread_mutex_unlock(&p->mu);
		size_t n = fill(c, r); /* reading happens outside the lock */
		pthread_mutex_lock(&p->mu);
		if (!n)
			break;
		p->tail++;
		pthread_cond_signal(&p->work);
	}
	while (!rc && p->head < p->tail)
		rc = write_head(p, out, &pr);
	p->eof = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	show(&pr, 1);
	for (size_t k = 0; k < p->ring_size; k++)
		for (size_t i = 0; i < p->ring[k].n; i++) {
			free(p->ring[k].items[i].out);
			free(p->ring[k].items[i].error);
			json_decref(p->ring[k].items[i].input);
		}
	free(p->ring);
	free(tids);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->finished);
	if (rc)
		fprintf(stderr, "watchlist batch: %s\n", p->failed ? wl_error_last() : "cannot start threads");
	return rc ? WL_EXIT_FAILURE : WL_EXIT_OK;
}

int cmd_batch(int argc, char **argv)
{
	static const struct option opts[] = {
		{"index", required_argument, NULL, 'i'},   {"threshold", required_argument, NULL, 't'},
		{"limit", required_argument, NULL, 'l'},   {"threads", required_argument, NULL, 'T'},
		{"format", required_argument, NULL, 'f'},  {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *index = NULL;
	pool p = {0};
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	batch_format fmt = BATCH_AUTO;
	char *end;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "i:h", opts, NULL)) != -1) {
		switch (c) {
		case 'i': index = optarg; break;
		case 't':
			p.opts.threshold = strtod(optarg, &end);
			if (*end || p.opts.threshold <= 0 || p.opts.threshold > 1)
				return cli_usage_error("batch", "--threshold takes a number in (0, 1]");
			break;
		case 'l':
			p.opts.limit = strtoul(optarg, &end, 10);
			if (*end || !p.opts.limit || p.opts.limit > 100)
				return cli_usage_error("batch", "--limit takes a number from 1 to 100");
			break;
		case 'T':
			threads = strtol(optarg, &end, 10);
			if (*end || threads < 1 || threads > 256)
				return cli_usage_error("batch", "--threads takes a number from 1 to 256");
			break;
		case 'f':
			if (!strcmp(optarg, "csv"))
				fmt = BATCH_CSV;
			else if (!strcmp(optarg, "jsonl"))
				fmt = BATCH_JSONL;
			else
				return cli_usage_error("batch", "--format is csv or jsonl");
			break;
		case 'h': fputs(help, stdout); return WL_EXIT_OK;
		default: return cli_usage_error("batch", "unknown option");
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("batch", "give one input file, or - for standard input");
	if (threads < 1)
		threads = 1;
	const char *path = optind < argc ? argv[optind] : "-";
	FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!in) {
		fprintf(stderr, "watchlist batch: %s: cannot open\n", path);
		return WL_EXIT_NOTFOUND;
	}
	wl_index *idx;
	int rc = wl_index_open(&idx, cli_index_path(index));
	if (rc) {
		if (in != stdin)
			fclose(in);
		return cli_fail(rc);
	}
	p.idx = idx;
	batch_reader *r = batch_reader_new(in, fmt);
	int status = r ? run_pool(&p, (int)threads, r, stdout) : WL_EXIT_FAILURE;
	batch_reader_free(r);
	if (in != stdin)
		fclose(in);
	wl_index_close(idx);
	return status;
}
