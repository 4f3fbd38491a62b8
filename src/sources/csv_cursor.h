/*
 * csv_cursor.h - the CSV field cursor the CSV list readers share.
 *
 * The OFAC, OFSI, US CSL and in-house readers all read RFC 4180 CSV:
 * fields separated by commas, quoted with '"' when they hold commas,
 * quotes or line breaks (so a record may span lines), '""' for a quote
 * inside quotes, CRLF, LF or CR line ends. The cursor cuts a text, in
 * place, into records of NUL-terminated fields, and knows the line each
 * record and each field starts on, so that the readers can say
 * "FILE:LINE: column: what is wrong".
 *
 * The readers' files differ in a few points of dialect, which the flags
 * select; anything else a format does (OFAC's "-0-" for an empty field, a
 * trailing 0x1A, a banner line) stays in its reader.
 */
#ifndef WL_CSV_CURSOR_H
#define WL_CSV_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

enum {
	/* Spaces and tabs around a field, and after its closing quote, are dropped. */
	WL_CSV_TRIM = 1 << 0,
	/* Empty lines before a record are skipped (else one is a record of one empty field). */
	WL_CSV_SKIP_BLANK_LINES = 1 << 1,
	/* A quote inside an unquoted field is malformed (else it is text). */
	WL_CSV_STRICT_QUOTES = 1 << 2,
	/* A CR alone inside quotes ends a line, as between records (else only LF does). */
	WL_CSV_CR_LINES = 1 << 3,
	/* A record of more than the fields kept is malformed (else the rest are counted). */
	WL_CSV_LIMIT_FIELDS = 1 << 4,
};

/* What wl_csv_next returns: a record, the end, a malformed record, or WL_ENOMEM. */
enum { WL_CSV_END = 0, WL_CSV_RECORD = 1, WL_CSV_MALFORMED = 2 };

/* What is wrong with a malformed record. */
typedef enum wl_csv_fault {
	WL_CSV_UNTERMINATED = 1, /* a quote is never closed */
	WL_CSV_AFTER_QUOTE,      /* text after a closing quote */
	WL_CSV_QUOTE_IN_FIELD,   /* a quote inside an unquoted field (WL_CSV_STRICT_QUOTES) */
	WL_CSV_TOO_MANY_FIELDS,  /* more fields than kept (WL_CSV_LIMIT_FIELDS) */
} wl_csv_fault;

typedef struct wl_csv_field {
	char *s; /* NUL-terminated, "" escapes resolved (trimmed with WL_CSV_TRIM) */
	size_t n;
	unsigned long line; /* the line it starts on */
	bool quoted;
} wl_csv_field;

typedef struct wl_csv {
	char *p, *end; /* the rest of the text; *end is a writable NUL */
	unsigned flags;
	size_t keep;               /* fields kept of a record; 0: all */
	unsigned long line;        /* the line p is on */
	unsigned long record_line; /* the line the current record starts on */
	wl_csv_field *f;           /* the current record's fields (the first `keep`) */
	size_t nf, capf;           /* nf counts them all */
	/* on a malformed record */
	wl_csv_fault fault;
	const char *bad_what;   /* what is wrong, in words: "unterminated quote", ... */
	size_t bad_field;       /* the field it is in */
	unsigned long bad_line; /* the line that field starts on */
	char bad_text[64];
} wl_csv;

/* Starts a cursor on len bytes at text, which is cut in place; text[len] must be writable. */
void wl_csv_init(wl_csv *c, char *text, size_t len, unsigned flags, size_t keep);

/*
 * Reads the next record: WL_CSV_RECORD, WL_CSV_END, WL_CSV_MALFORMED
 * (fault, bad_what, bad_field and bad_line set) or WL_ENOMEM. A field's
 * NUL is written only once its delimiter has been read, so it never hides
 * a comma or a line end.
 */
int wl_csv_next(wl_csv *c);

void wl_csv_free(wl_csv *c);

#endif
