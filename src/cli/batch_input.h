/*
 * batch_input.h - records of a customer file, one at a time, as JSON objects.
 *
 * `watchlist batch` reads CSV with a header row (RFC 4180: quoted fields,
 * "" escapes, fields spanning lines, CRLF, a UTF-8 byte order mark) or JSON
 * lines. Each record becomes a jansson object of its fields, in the file's
 * order, so that it can be echoed as the output's "input". A record that
 * cannot be read (a wrong field count, an unterminated quote, a line that is
 * not a JSON object, invalid UTF-8) is returned as an error with its line, and
 * reading goes on with the next record.
 */
#ifndef WL_BATCH_INPUT_H
#define WL_BATCH_INPUT_H

#include <jansson.h>
#include <stdio.h>

typedef enum batch_format { BATCH_AUTO, BATCH_CSV, BATCH_JSONL } batch_format;

typedef struct batch_reader batch_reader;

/* Opens a reader on f; the format is detected from the first byte when AUTO. */
batch_reader *batch_reader_new(FILE *f, batch_format fmt);
void batch_reader_free(batch_reader *r);

/*
 * The next record: 1 with *rec set (a new reference) or, for a record that
 * cannot be read, *rec NULL and err filled; 0 at the end of the input.
 * *line is the line the record starts on.
 */
int batch_next(batch_reader *r, json_t **rec, unsigned long *line, char *err, size_t errcap);

#endif
