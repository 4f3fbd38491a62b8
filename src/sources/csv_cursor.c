/*
 * csv_cursor.c - the CSV field cursor the CSV list readers share (see csv_cursor.h).
 *
 * In place. The text is the reader's private copy: a quoted field's ""
 * escapes are resolved by moving its bytes back, and each field ends with
 * a NUL written over its delimiter (or over the bytes a resolved escape
 * freed), so the fields point into the text and nothing is copied.
 *
 * Lines. The cursor counts a line at every line end between records and
 * at every LF inside quotes (and every lone CR, WL_CSV_CR_LINES); a record
 * starts on the line of its first field, a field on the line of its first
 * byte.
 *
 * Fields. A record's fields are kept in an array that grows to the widest
 * record read, up to `keep` fields when that is set: a reader that knows
 * its column count keeps no more than it needs, however wide a broken
 * record is, yet learns how many there were.
 */
#include "csv_cursor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"

void wl_csv_init(wl_csv *c, char *text, size_t len, unsigned flags, size_t keep)
{
	memset(c, 0, sizeof(*c));
	c->p = text;
	c->end = text + len;
	c->flags = flags;
	c->keep = keep;
	c->line = 1;
}

void wl_csv_free(wl_csv *c)
{
	free(c->f);
	c->f = NULL;
	c->capf = 0;
}

/* Steps over one line end at p ("\r\n", "\n" or "\r"), if there is one. */
static bool skip_eol(wl_csv *c)
{
	if (c->p < c->end && *c->p == '\r') {
		c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
	} else if (c->p < c->end && *c->p == '\n') {
		c->p++;
	} else {
		return false;
	}
	c->line++;
	return true;
}

static int malformed(wl_csv *c, wl_csv_fault fault, unsigned long field_line)
{
	static const char *const what[] = {
	    [WL_CSV_UNTERMINATED] = "unterminated quote",
	    [WL_CSV_AFTER_QUOTE] = "text after the closing quote",
	    [WL_CSV_QUOTE_IN_FIELD] = "a quote inside an unquoted field",
	};
	c->fault = fault;
	c->bad_field = c->nf;
	c->bad_line = field_line;
	if (fault == WL_CSV_TOO_MANY_FIELDS) {
		snprintf(c->bad_text, sizeof(c->bad_text), "more than %zu fields in one record",
		         c->keep);
		c->bad_what = c->bad_text;
	} else {
		c->bad_what = what[fault];
	}
	return WL_CSV_MALFORMED;
}

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

/* A quoted field at p: resolves "" in place; p ends after the closing quote. */
static int quoted_field(wl_csv *c, char **s, size_t *n, unsigned long field_line)
{
	char *r = c->p + 1, *w = r;
	*s = r;
	for (;;) {
		if (r >= c->end)
			return malformed(c, WL_CSV_UNTERMINATED, field_line);
		if (*r == '"') {
			if (r + 1 < c->end && r[1] == '"') {
				*w++ = '"';
				r += 2;
				continue;
			}
			r++;
			break;
		}
		if (*r == '\n' || ((c->flags & WL_CSV_CR_LINES) && *r == '\r' &&
		                   (r + 1 >= c->end || r[1] != '\n')))
			c->line++;
		*w++ = *r++;
	}
	while ((c->flags & WL_CSV_TRIM) && r < c->end && is_blank(*r))
		r++;
	if (r < c->end && *r != ',' && *r != '\r' && *r != '\n')
		return malformed(c, WL_CSV_AFTER_QUOTE, field_line);
	c->p = r;
	*n = (size_t)(w - *s);
	return WL_CSV_RECORD;
}

/* An unquoted field at p: p ends at its delimiter. */
static int plain_field(wl_csv *c, char **s, size_t *n, unsigned long field_line)
{
	*s = c->p;
	while (c->p < c->end && *c->p != ',' && *c->p != '\r' && *c->p != '\n') {
		if ((c->flags & WL_CSV_STRICT_QUOTES) && *c->p == '"')
			return malformed(c, WL_CSV_QUOTE_IN_FIELD, field_line);
		c->p++;
	}
	*n = (size_t)(c->p - *s);
	return WL_CSV_RECORD;
}

static int keep_field(wl_csv *c, char *s, size_t n, bool quoted, unsigned long line)
{
	if (c->flags & WL_CSV_TRIM) {
		while (n && is_blank(*s))
			s++, n--;
		while (n && is_blank(s[n - 1]))
			n--;
	}
	bool kept = !c->keep || c->nf < c->keep;
	if (!kept && (c->flags & WL_CSV_LIMIT_FIELDS))
		return malformed(c, WL_CSV_TOO_MANY_FIELDS, line);
	s[n] = '\0';
	if (kept && c->nf == c->capf) {
		size_t cap = c->capf ? c->capf * 2 : 16;
		if (c->keep && cap > c->keep)
			cap = c->keep;
		wl_csv_field *f = realloc(c->f, cap * sizeof(*f));
		if (!f)
			return wl_error_set(WL_ENOMEM, "out of memory");
		c->f = f;
		c->capf = cap;
	}
	if (kept)
		c->f[c->nf] = (wl_csv_field){s, n, line, quoted};
	c->nf++;
	return WL_CSV_RECORD;
}

int wl_csv_next(wl_csv *c)
{
	while ((c->flags & WL_CSV_SKIP_BLANK_LINES) && skip_eol(c))
		;
	if (c->p >= c->end)
		return WL_CSV_END;
	c->record_line = c->line;
	c->nf = 0;
	for (;;) {
		unsigned long line = c->line;
		bool quoted = c->p < c->end && *c->p == '"';
		char *s;
		size_t n;
		int rc = quoted ? quoted_field(c, &s, &n, line) : plain_field(c, &s, &n, line);
		if (rc != WL_CSV_RECORD)
			return rc;
		bool more = c->p < c->end && *c->p == ',';
		if (more)
			c->p++;
		else
			skip_eol(c);
		rc = keep_field(c, s, n, quoted, line);
		if (rc != WL_CSV_RECORD || !more)
			return rc;
	}
}
