/*
 * batch_input.c - reading CSV and JSON-lines customer files (see batch_input.h).
 */
#include "batch_input.h"

#include <stdlib.h>
#include <string.h>

#include "model/entity.h"

#define FIELD_MAX (64 * 1024)  /* a longer field is an error for its record */
#define FIELDS_MAX 256

struct batch_reader {
	FILE *f;
	batch_format fmt;
	unsigned long line;    /* lines read so far */
	char **header;
	size_t nheader;
	char *buf;             /* the current field or line */
	size_t cap;
	char *fields[FIELDS_MAX];
	size_t nfields;
	int started;
};

batch_reader *batch_reader_new(FILE *f, batch_format fmt)
{
	batch_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->f = f;
	r->fmt = fmt;
	return r;
}

static void free_fields(batch_reader *r)
{
	for (size_t i = 0; i < r->nfields; i++)
		free(r->fields[i]);
	r->nfields = 0;
}

void batch_reader_free(batch_reader *r)
{
	if (!r)
		return;
	free_fields(r);
	for (size_t i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	free(r->buf);
	free(r);
}

static int push_char(batch_reader *r, size_t *len, int c)
{
	if (*len + 1 >= r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 256;
		char *p = realloc(r->buf, cap);
		if (!p)
			return -1;
		r->buf = p;
		r->cap = cap;
	}
	r->buf[(*len)++] = (char)c;
	return 0;
}

/* Skips a UTF-8 byte order mark and detects the format from the first byte. */
static void start(batch_reader *r)
{
	r->started = 1;
	int c = getc(r->f);
	if (c == 0xEF) {
		int c2 = getc(r->f), c3 = getc(r->f);
		if (c2 != 0xBB || c3 != 0xBF) {
			ungetc(c3, r->f); /* not a BOM: only the last byte can be pushed back */
		}
		c = getc(r->f);
	}
	while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
		if (c == '\n')
			r->line++;
		c = getc(r->f);
	}
	if (r->fmt == BATCH_AUTO)
		r->fmt = c == '{' ? BATCH_JSONL : BATCH_CSV;
	if (c != EOF)
		ungetc(c, r->f);
}

/*
 * Reads one CSV record into r->fields. Returns 1, 0 at the end, or -1 with
 * err set (the rest of the bad record is skipped).
 */
static int csv_record(batch_reader *r, char *err, size_t errcap)
{
	free_fields(r);
	int c = getc(r->f);
	if (c == EOF)
		return 0;
	ungetc(c, r->f);
	r->line++;
	size_t len = 0;
	int quoted = 0, was_quoted = 0, bad = 0;
	for (;;) {
		c = getc(r->f);
		if (quoted) {
			if (c == EOF) {
				snprintf(err, errcap, "unterminated quoted field");
				bad = 1;
				break;
			}
			if (c == '"') {
				int d = getc(r->f);
				if (d == '"') {
					c = '"';
				} else {
					quoted = 0;
					if (d != EOF)
						ungetc(d, r->f);
					continue;
				}
			} else if (c == '\n') {
				r->line++;
			}
		} else if (c == '"' && len == 0 && !was_quoted) {
			quoted = was_quoted = 1;
			continue;
		} else if (c == ',' || c == '\n' || c == EOF) {
			if (len && r->buf[len - 1] == '\r' && !was_quoted)
				len--;
			if (r->nfields == FIELDS_MAX) {
				snprintf(err, errcap, "more than %d fields", FIELDS_MAX);
				bad = 1;
			} else {
				char *v = malloc(len + 1);
				if (!v)
					return -1;
				if (len)
					memcpy(v, r->buf, len);
				v[len] = '\0';
				r->fields[r->nfields++] = v;
			}
			len = 0;
			was_quoted = 0;
			if (c != ',')
				break;
			continue;
		} else if (c == '\r' && was_quoted) {
			continue;
		}
		if (len >= FIELD_MAX) {
			if (!bad)
				snprintf(err, errcap, "a field longer than %d bytes", FIELD_MAX);
			bad = 1;
			continue;
		}
		if (push_char(r, &len, c))
			return -1;
	}
	return bad ? -1 : 1;
}

static json_t *csv_object(batch_reader *r, char *err, size_t errcap)
{
	if (r->nfields != r->nheader) {
		snprintf(err, errcap, "%zu fields, the header has %zu", r->nfields, r->nheader);
		return NULL;
	}
	json_t *o = json_object();
	for (size_t i = 0; i < r->nfields; i++) {
		if (!wl_utf8_valid(r->fields[i], strlen(r->fields[i]))) {
			snprintf(err, errcap, "%s: not valid UTF-8", r->header[i]);
			json_decref(o);
			return NULL;
		}
		json_object_set_new(o, r->header[i], json_string(r->fields[i]));
	}
	return o;
}

static int read_header(batch_reader *r, char *err, size_t errcap)
{
	int got = csv_record(r, err, errcap);
	if (got <= 0)
		return got;
	r->header = calloc(r->nfields, sizeof(char *));
	if (!r->header)
		return -1;
	for (size_t i = 0; i < r->nfields; i++) {
		r->header[i] = r->fields[i];
		r->fields[i] = NULL;
		/* header names compare without case and surrounding space */
		for (char *p = r->header[i]; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
	}
	r->nheader = r->nfields;
	r->nfields = 0;
	return 1;
}

static int jsonl_record(batch_reader *r, json_t **rec, char *err, size_t errcap)
{
	size_t len = 0;
	int c;
	for (;;) {
		len = 0;
		while ((c = getc(r->f)) != EOF && c != '\n')
			if (len < FIELD_MAX * 4 && push_char(r, &len, c))
				return -1;
		if (c == EOF && len == 0)
			return 0;
		r->line++;
		while (len && (r->buf[len - 1] == '\r' || r->buf[len - 1] == ' '))
			len--;
		if (len)
			break; /* blank lines are skipped */
		if (c == EOF)
			return 0;
	}
	json_error_t je;
	json_t *o = json_loadb(r->buf, len, 0, &je);
	if (!o || !json_is_object(o)) {
		snprintf(err, errcap, o ? "not a JSON object" : "invalid JSON: %s", je.text);
		json_decref(o);
		return -1;
	}
	*rec = o;
	return 1;
}

int batch_next(batch_reader *r, json_t **rec, unsigned long *line, char *err, size_t errcap)
{
	*rec = NULL;
	err[0] = '\0';
	if (!r->started) {
		start(r);
		if (r->fmt == BATCH_CSV) {
			int got = read_header(r, err, errcap);
			if (got <= 0) {
				*line = r->line;
				return got < 0 ? 1 : 0;
			}
		}
	}
	if (r->fmt == BATCH_JSONL) {
		int got = jsonl_record(r, rec, err, errcap);
		*line = r->line;
		return got == 0 ? 0 : 1;
	}
	unsigned long first;
	int got;
	do { /* blank lines are skipped */
		first = r->line + 1;
		got = csv_record(r, err, errcap);
	} while (got > 0 && r->nfields == 1 && !r->fields[0][0]);
	*line = first;
	if (got == 0)
		return 0;
	if (got > 0)
		*rec = csv_object(r, err, errcap);
	return 1;
}
