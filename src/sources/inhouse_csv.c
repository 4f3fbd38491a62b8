/*
 * inhouse_csv.c - in-house lists (a bank's own blocked parties) from CSV.
 *
 * Banks keep their own lists next to the official ones: former customers
 * they exited, parties named in internal investigations, names a regulator
 * mentioned in a letter. The layout is deliberately plain so that anyone
 * can write it from a spreadsheet (docs/inhouse-lists.md):
 *
 *   id           required, unique within the file: the entity is
 *                "inhouse-<list>-<id>"
 *   name         required
 *   schema       Person, Organization, Company, LegalEntity (default),
 *                Vessel or Airplane
 *   aliases      ";"-separated; a name in another script than Latin is
 *                an alias with detail "original script"
 *   birth_date   ";"-separated; YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY
 *   country      ";"-separated names or codes (a wording that is no known
 *                country is kept as a note, never as a country)
 *   identifiers  ";"-separated "type:value" pairs: passport,
 *                national_id, tax, registration, lei, swift, imo, ...;
 *                an unknown type is an idNumber with the type as detail
 *   notes, topics, list (the list's name; default: the file's name
 *                without extension), listed_on (a date)
 *   anything else: a note "column: value"
 *
 * Header names are matched without regard to case, and spaces or hyphens
 * count as "_" ("Birth Date" is birth_date). The CSV is RFC 4180: fields
 * separated by commas, quoted with '"' when they hold commas, quotes or
 * line breaks, '""' for a quote inside quotes; CRLF or LF line ends; a
 * UTF-8 byte order mark is skipped; the CSV cursor the CSV readers share
 * (csv_cursor.c) cuts the rows. Rows with no value at all are skipped.
 *
 * The file is the bank's own data, so the reader is strict: anything it
 * cannot take as written stops the read with "FILE:LINE: column: what is
 * wrong" (a missing id or name, a repeated id, a date it cannot read, an
 * unknown schema, bytes that are not UTF-8, an unterminated quote, a row
 * with more or fewer fields than the header), so that the list is mended
 * rather than half read.
 */
#include "inhouse_csv.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_cursor.h"
#include "model/error.h"
#include "text/countries.h"
#include "text/dates.h"

#define IH_KEY_MAX  64  /* bytes of a list's key and of a normalised column name */
#define IH_ID_MAX   256 /* bytes of a row's id */
#define IH_LIST_MAX 128 /* bytes of a list's name */
#define IH_ROLE     "list"
#define IH_LICENCE  "internal"
#define IH_FORMAT   "inhouse_csv"

/* The columns the layout defines. */
enum {
	COL_ID,
	COL_NAME,
	COL_SCHEMA,
	COL_ALIASES,
	COL_BIRTH_DATE,
	COL_COUNTRY,
	COL_IDENTIFIERS,
	COL_NOTES,
	COL_LIST,
	COL_LISTED_ON,
	COL_TOPICS,
	NCOLS
};

static const char *const col_names[NCOLS] = {
    "id",          "name",  "schema", "aliases",   "birth_date", "country",
    "identifiers", "notes", "list",   "listed_on", "topics",
};

/* Identifier types and the property they go to; detail NULL: none. */
static const struct id_type {
	const char *type;
	wl_prop prop;
	const char *detail;
} id_types[] = {
    {"passport", WL_PROP_PASSPORT_NUMBER, NULL},
    {"passport_number", WL_PROP_PASSPORT_NUMBER, NULL},
    {"national_id", WL_PROP_ID_NUMBER, "national ID"},
    {"id", WL_PROP_ID_NUMBER, NULL},
    {"id_number", WL_PROP_ID_NUMBER, NULL},
    {"tax", WL_PROP_TAX_NUMBER, NULL},
    {"tax_id", WL_PROP_TAX_NUMBER, NULL},
    {"tax_number", WL_PROP_TAX_NUMBER, NULL},
    {"inn", WL_PROP_TAX_NUMBER, "INN"},
    {"vat", WL_PROP_TAX_NUMBER, "VAT"},
    {"registration", WL_PROP_REGISTRATION_NUMBER, NULL},
    {"registration_number", WL_PROP_REGISTRATION_NUMBER, NULL},
    {"company_number", WL_PROP_REGISTRATION_NUMBER, NULL},
    {"lei", WL_PROP_LEI_CODE, NULL},
    {"swift", WL_PROP_SWIFT_BIC, NULL},
    {"bic", WL_PROP_SWIFT_BIC, NULL},
    {"swift_bic", WL_PROP_SWIFT_BIC, NULL},
    {"imo", WL_PROP_IMO_NUMBER, NULL},
    {"mmsi", WL_PROP_MMSI, NULL},
    {"call_sign", WL_PROP_CALL_SIGN, NULL},
    {"serial_number", WL_PROP_SERIAL_NUMBER, NULL},
    {"msn", WL_PROP_SERIAL_NUMBER, "MSN"},
    {"un", WL_PROP_UNSC_ID, NULL},
    {"unsc", WL_PROP_UNSC_ID, NULL},
};

/* ---- the reader's state ---- */

typedef struct ih_list {
	const char *key;    /* "mybank" */
	const char *prefix; /* "inhouse-mybank" */
	int src;
} ih_list;

typedef struct ih_reader {
	wl_dataset *ds;
	const char *path;
	char *text; /* the file's private copy, which the CSV cursor cuts in place */
	wl_csv csv;
	wl_arena scratch;
	wl_strmap ids;       /* row id -> its line */
	int col[NCOLS];      /* the header's column of each known column, or -1 */
	const char **header; /* the header's names as written */
	size_t ncols;
	char default_list[IH_LIST_MAX + 1];
	ih_list *lists;
	size_t nlists, caplists;
} ih_reader;

static int oom(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* The header's name of column i, for messages and notes. */
static const char *column(const ih_reader *r, size_t i)
{
	return i < r->ncols && r->header[i][0] ? r->header[i] : "(unnamed column)";
}

/* The text of a known column in the current row, trimmed; "" when the file has no such column. */
static char *cell(ih_reader *r, int col)
{
	static char none[1];
	int i = r->col[col];
	if (i < 0 || (size_t)i >= r->csv.nf)
		return none;
	char *s = r->csv.f[i].s;
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static unsigned long cell_line(const ih_reader *r, int col)
{
	int i = r->col[col];
	return i >= 0 && (size_t)i < r->csv.nf ? r->csv.f[i].line : r->csv.record_line;
}

static int cell_error(ih_reader *r, int col, const char *fmt, const char *arg)
{
	return wl_error_input(r->path, cell_line(r, col), col_names[col], fmt, arg);
}

/* ---- text helpers ---- */

/* Lower case, with each run of other characters than ASCII letters and digits one "_". */
static void make_key(char *out, size_t cap, const char *s)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++) {
		unsigned char ch = (unsigned char)*s;
		if (isalnum(ch) && ch < 0x80)
			out[n++] = (char)tolower(ch);
		else if (n && out[n - 1] != '_')
			out[n++] = '_';
	}
	while (n && out[n - 1] == '_')
		n--;
	out[n] = '\0';
	if (!n)
		snprintf(out, cap, "list");
}

/* A header name as the layout spells it: lower case, spaces and hyphens as "_". */
static void column_key(char *out, size_t cap, const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = 0;
	for (; *s && n + 1 < cap; s++)
		out[n++] = *s == ' ' || *s == '-' ? '_' : (char)tolower((unsigned char)*s);
	while (n && out[n - 1] == '_')
		n--;
	out[n] = '\0';
}

/* Decodes one UTF-8 character (the text is valid UTF-8); returns its length. */
static size_t utf8_char(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80)
		return *cp = s[0], 1;
	if ((s[0] & 0xE0) == 0xC0)
		return *cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F), 2;
	if ((s[0] & 0xF0) == 0xE0)
		return *cp = (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		             (s[2] & 0x3F),
		       3;
	*cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
	      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return 4;
}

/* True for code points of the Latin script, its diacritics, and punctuation or symbols. */
static bool latin_or_neutral(uint32_t cp)
{
	static const uint32_t ranges[][2] = {
	    {0x0000, 0x036F}, {0x1AB0, 0x1AFF}, {0x1D00, 0x1EFF}, {0x2000, 0x2BFF},
	    {0x2C60, 0x2C7F}, {0x2E00, 0x2E7F}, {0xA720, 0xA7FF}, {0xAB30, 0xAB6F},
	    {0xFB00, 0xFB06}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFF01, 0xFF5E},
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(*ranges); i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return true;
	return false;
}

/* True when a name has a character of another script than Latin (Cyrillic, Arabic, Han, ...). */
static bool non_latin(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		p += utf8_char(p, &cp);
		if (!latin_or_neutral(cp))
			return true;
	}
	return false;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Reads n (1..4) digits at *s into *v, advancing *s; false when they are not there. */
static bool read_num(const char **s, size_t min, size_t max, int *v)
{
	size_t n = 0;
	*v = 0;
	while (n < max && isdigit((unsigned char)(*s)[n]))
		*v = *v * 10 + ((*s)[n++] - '0');
	*s += n;
	return n >= min && !isdigit((unsigned char)**s);
}

/* Checks and writes a date; month and day 0 when not given. */
static bool make_date(int y, int m, int d, char out[11])
{
	if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0 || (d && !m) ||
	    (d && d > days_in_month(y, m)))
		return false;
	wl_date date = {y, m, d};
	wl_date_format(&date, out);
	return true;
}

/* YYYY, YYYY-MM, YYYY-MM-DD or D.M.YYYY (one or two digits for day and month) to an ISO prefix. */
static bool parse_date(const char *s, char out[11])
{
	int y = 0, m = 0, d = 0;
	const char *p = s;
	if (read_num(&p, 4, 4, &y)) {
		if (*p == '-' && (p++, !read_num(&p, 2, 2, &m)))
			return false;
		if (m && *p == '-' && (p++, !read_num(&p, 2, 2, &d)))
			return false;
		return *p == '\0' && make_date(y, m, d, out);
	}
	p = s;
	if (!read_num(&p, 1, 2, &d) || *p++ != '.' || !read_num(&p, 1, 2, &m) || *p++ != '.' ||
	    !read_num(&p, 4, 4, &y) || *p != '\0')
		return false;
	return d > 0 && m > 0 && make_date(y, m, d, out);
}

/* Splits s in place at ';' and calls fn for each trimmed, non-empty part. */
static int each_part(ih_reader *r, wl_entity *e, char *s,
                     int (*fn)(ih_reader *, wl_entity *, char *))
{
	while (s) {
		char *semi = strchr(s, ';');
		if (semi)
			*semi = '\0';
		while (isspace((unsigned char)*s))
			s++;
		size_t n = strlen(s);
		while (n && isspace((unsigned char)s[n - 1]))
			s[--n] = '\0';
		int rc = n ? fn(r, e, s) : WL_OK;
		if (rc)
			return rc;
		s = semi ? semi + 1 : NULL;
	}
	return WL_OK;
}

/* ---- the columns ---- */

static int put_alias(ih_reader *r, wl_entity *e, char *s)
{
	wl_fact f = {.detail = non_latin(s) ? "original script" : NULL};
	return wl_entity_puts(r->ds, e, WL_PROP_ALIAS, s, &f);
}

static int put_date(ih_reader *r, wl_entity *e, int col, wl_prop prop, char *s)
{
	char iso[11];
	if (!parse_date(s, iso))
		return cell_error(
		    r, col, "\"%s\" is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY",
		    s);
	wl_fact f = {.original = s};
	return wl_entity_puts(r->ds, e, prop, iso, &f);
}

static int put_birth_date(ih_reader *r, wl_entity *e, char *s)
{
	return put_date(r, e, COL_BIRTH_DATE, WL_PROP_BIRTH_DATE, s);
}

static int put_listed_on(ih_reader *r, wl_entity *e, char *s)
{
	return put_date(r, e, COL_LISTED_ON, WL_PROP_LISTING_DATE, s);
}

static int put_note(ih_reader *r, wl_entity *e, const char *label, const char *text)
{
	char *note = wl_arena_printf(&r->scratch, "%s: %s", label, text);
	return note ? wl_entity_puts(r->ds, e, WL_PROP_NOTES, note, NULL) : oom();
}

static int put_country(ih_reader *r, wl_entity *e, char *s)
{
	const char *code = wl_country_code(s, (size_t)-1);
	if (!code)
		return put_note(r, e, "country (not a known country)", s);
	wl_fact f = {.original = s};
	return wl_entity_puts(r->ds, e, WL_PROP_COUNTRY, code, &f);
}

static int put_topic(ih_reader *r, wl_entity *e, char *s)
{
	return wl_entity_puts(r->ds, e, WL_PROP_TOPICS, s, NULL);
}

/* The property and detail for an identifier's type as written ("passport", "Tax ID", "leiCode"). */
static wl_prop identifier_prop(const char *written, const char **detail)
{
	char key[IH_KEY_MAX];
	column_key(key, sizeof(key), written);
	*detail = *written ? written : NULL;
	for (size_t i = 0; i < sizeof(id_types) / sizeof(*id_types); i++)
		if (strcmp(key, id_types[i].type) == 0) {
			*detail = id_types[i].detail;
			return id_types[i].prop;
		}
	int p = wl_prop_from_name(written); /* FtM names too: passportNumber, leiCode */
	if (p >= 0 && wl_prop_kind_of((wl_prop)p) == WL_KIND_ID) {
		*detail = NULL;
		return (wl_prop)p;
	}
	return WL_PROP_ID_NUMBER;
}

/* "passport:X1234567": the type decides the property; an unknown type is an idNumber's detail. */
static int put_identifier(ih_reader *r, wl_entity *e, char *s)
{
	const char *colon = strchr(s, ':');
	const char *value = colon ? colon + 1 : s;
	while (isspace((unsigned char)*value))
		value++;
	if (!*value)
		return cell_error(r, COL_IDENTIFIERS, "\"%s\" has no value: write type:value", s);
	size_t n = colon ? (size_t)(colon - s) : 0;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	char *type = wl_arena_strndup(&r->scratch, s, n);
	if (!type)
		return oom();
	wl_fact f = {.original = colon ? s : NULL};
	wl_prop prop = identifier_prop(type, &f.detail);
	return wl_entity_puts(r->ds, e, prop, value, &f);
}

/* ---- rows ---- */

/* The source of a list, made on first use; *prefix receives "inhouse-<key>". */
static int list_source(ih_reader *r, const char *list, const char **prefix)
{
	if (strlen(list) > IH_LIST_MAX)
		return cell_error(r, COL_LIST, "%.64s...: a list's name is at most 128 bytes",
		                  list);
	char key[IH_KEY_MAX];
	make_key(key, sizeof(key), list);
	for (size_t i = 0; i < r->nlists; i++)
		if (strcmp(r->lists[i].key, key) == 0) {
			*prefix = r->lists[i].prefix;
			return r->lists[i].src;
		}
	if (r->nlists == r->caplists) {
		size_t cap = r->caplists ? r->caplists * 2 : 4;
		ih_list *p = realloc(r->lists, cap * sizeof(*p));
		if (!p)
			return oom();
		r->lists = p;
		r->caplists = cap;
	}
	char name[IH_KEY_MAX + 16], title[IH_LIST_MAX + 32];
	snprintf(name, sizeof(name), "inhouse_%s", key);
	snprintf(title, sizeof(title), "In-house list: %s", list);
	wl_source s = {.name = name,
	               .title = title,
	               .format = IH_FORMAT,
	               .publisher = "in-house",
	               .licence = IH_LICENCE};
	int src = wl_dataset_source(r->ds, &s);
	if (src < 0)
		return src;
	const char *k = wl_arena_strdup(&r->scratch, key);
	*prefix = wl_arena_printf(&r->scratch, "inhouse-%s", key);
	if (!k || !*prefix)
		return oom();
	r->lists[r->nlists++] = (ih_list){k, *prefix, src};
	return src;
}

static int row_schema(ih_reader *r, wl_schema *out)
{
	static const char *const allowed[] = {"Person",      "Organization", "Company",
	                                      "LegalEntity", "Vessel",       "Airplane"};
	const char *s = cell(r, COL_SCHEMA);
	*out = WL_SCHEMA_LEGAL_ENTITY;
	if (!*s)
		return WL_OK;
	for (size_t i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
		if (strcasecmp(s, allowed[i]) == 0) {
			*out = (wl_schema)wl_schema_from_name(allowed[i]);
			return WL_OK;
		}
	return cell_error(r, COL_SCHEMA,
	                  "unknown schema \"%s\": write Person, Organization, Company, "
	                  "LegalEntity, Vessel or Airplane",
	                  s);
}

/* The row's id: there, not too long, and not used by an earlier row. */
static int row_id(ih_reader *r, const char **out)
{
	const char *id = cell(r, COL_ID);
	if (!*id)
		return cell_error(r, COL_ID, "%s", "missing: every row needs an id");
	if (strlen(id) > IH_ID_MAX)
		return cell_error(r, COL_ID, "%.64s...: longer than 256 bytes", id);
	uintptr_t first = (uintptr_t)wl_strmap_get(&r->ids, id);
	if (first)
		return wl_error_input(r->path, cell_line(r, COL_ID), "id",
		                      "duplicate id \"%s\" (first on line %lu)", id,
		                      (unsigned long)first);
	const char *key = wl_arena_strdup(&r->scratch, id);
	if (!key || wl_strmap_put(&r->ids, key, (void *)(uintptr_t)cell_line(r, COL_ID)))
		return oom();
	*out = key;
	return WL_OK;
}

/* Columns the layout does not define: notes "column: value". */
static int put_other_columns(ih_reader *r, wl_entity *e)
{
	for (size_t i = 0; i < r->csv.nf; i++) {
		bool known = false;
		for (int c = 0; c < NCOLS; c++)
			known = known || r->col[c] == (int)i;
		const char *s = r->csv.f[i].s;
		while (isspace((unsigned char)*s))
			s++;
		int rc = !known && *s ? put_note(r, e, column(r, i), s) : WL_OK;
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int put_row(ih_reader *r, wl_entity *e)
{
	int rc;
	if ((rc = wl_entity_puts(r->ds, e, WL_PROP_NAME, cell(r, COL_NAME), NULL)) ||
	    (rc = each_part(r, e, cell(r, COL_ALIASES), put_alias)) ||
	    (rc = each_part(r, e, cell(r, COL_BIRTH_DATE), put_birth_date)) ||
	    (rc = each_part(r, e, cell(r, COL_COUNTRY), put_country)) ||
	    (rc = each_part(r, e, cell(r, COL_IDENTIFIERS), put_identifier)) ||
	    (rc = each_part(r, e, cell(r, COL_LISTED_ON), put_listed_on)) ||
	    (rc = each_part(r, e, cell(r, COL_TOPICS), put_topic)) ||
	    (rc = wl_entity_puts(r->ds, e, WL_PROP_NOTES, cell(r, COL_NOTES), NULL)))
		return rc;
	return put_other_columns(r, e);
}

/* True when the row holds nothing but white space. */
static bool blank_row(const ih_reader *r)
{
	for (size_t i = 0; i < r->csv.nf; i++) {
		const char *s = r->csv.f[i].s;
		for (size_t k = 0; k < r->csv.f[i].n; k++)
			if (!isspace((unsigned char)s[k]))
				return false;
	}
	return true;
}

/* Every field is UTF-8, and the row has as many fields as the header has columns. */
static int check_row(ih_reader *r)
{
	for (size_t i = 0; i < r->csv.nf; i++) {
		if (!wl_utf8_valid(r->csv.f[i].s, r->csv.f[i].n))
			return wl_error_input(r->path, r->csv.f[i].line, column(r, i),
			                      "not valid UTF-8: save the list as UTF-8");
	}
	if (r->csv.nf != r->ncols)
		return wl_error_input(r->path, r->csv.record_line, NULL,
		                      "%zu fields, but the header has %zu columns", r->csv.nf,
		                      r->ncols);
	return WL_OK;
}

static int read_row(ih_reader *r)
{
	if (blank_row(r))
		return WL_OK;
	int rc;
	const char *id = NULL, *prefix = NULL;
	wl_schema schema;
	if ((rc = check_row(r)) || (rc = row_id(r, &id)))
		return rc;
	if (!*cell(r, COL_NAME))
		return cell_error(r, COL_NAME, "%s", "missing: every row needs a name");
	if ((rc = row_schema(r, &schema)))
		return rc;
	const char *list = cell(r, COL_LIST);
	int src = list_source(r, *list ? list : r->default_list, &prefix);
	if (src < 0)
		return src;
	wl_entity *e = wl_dataset_entity(r->ds, src, prefix, id, schema);
	return e ? put_row(r, e) : oom();
}

/* ---- the header ---- */

static int read_header(ih_reader *r)
{
	int rc = wl_csv_next(&r->csv);
	if (rc == WL_CSV_END)
		return wl_error_input(
		    r->path, 1, NULL,
		    "empty: an in-house list starts with a header row (id,name,...)");
	if (rc != WL_CSV_RECORD)
		return rc;
	r->ncols = r->csv.nf;
	r->header = wl_arena_calloc(&r->scratch, r->ncols * sizeof(*r->header));
	if (!r->header)
		return oom();
	for (size_t i = 0; i < r->ncols; i++) {
		const char *s = r->csv.f[i].s;
		char key[IH_KEY_MAX];
		if (!wl_utf8_valid(s, r->csv.f[i].n))
			return wl_error_input(r->path, 1, NULL,
			                      "column %zu's name is not valid UTF-8", i + 1);
		column_key(key, sizeof(key), s);
		if (!(r->header[i] = wl_arena_strdup(&r->scratch, s)))
			return oom();
		for (int c = 0; c < NCOLS; c++) {
			if (strcmp(key, col_names[c]) != 0)
				continue;
			if (r->col[c] >= 0)
				return wl_error_input(r->path, 1, col_names[c],
				                      "the column is named twice");
			r->col[c] = (int)i;
		}
	}
	for (int c = COL_ID; c <= COL_NAME; c++)
		if (r->col[c] < 0)
			return wl_error_input(
			    r->path, 1, col_names[c],
			    "missing column: an in-house list needs the columns id and "
			    "name");
	return WL_OK;
}

/* A CSV syntax error, with the column the broken field is in. */
static int csv_error(ih_reader *r, int rc)
{
	if (rc != WL_CSV_MALFORMED)
		return rc == WL_ENOMEM ? oom() : rc;
	size_t i = r->csv.bad_field;
	const char *col = r->header ? column(r, i) : NULL;
	if (r->csv.fault == WL_CSV_UNTERMINATED)
		return wl_error_input(r->path, r->csv.bad_line, col,
		                      "unterminated quoted field: the quote opened here is never "
		                      "closed");
	return wl_error_input(r->path, r->csv.line, col,
	                      "text after a closing quote: write a quote inside quotes as \"\"");
}

/* The file's name without folders and extension: the default list (UTF-8, cut to IH_LIST_MAX). */
static void default_list(ih_reader *r, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strcspn(base, ".");
	if (n > IH_LIST_MAX)
		for (n = IH_LIST_MAX; n && ((unsigned char)base[n] & 0xC0) == 0x80; n--)
			;
	memcpy(r->default_list, base, n);
	r->default_list[n] = '\0';
	if (!wl_utf8_valid(r->default_list, n))
		make_key(r->default_list, sizeof(r->default_list), base);
}

static int read_csv(ih_reader *r, const char *data, size_t len)
{
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	if (!(r->text = malloc(len + 1)))
		return oom();
	if (len)
		memcpy(r->text, data, len);
	r->text[len] = '\0';
	wl_csv_init(&r->csv, r->text, len, 0, 0);
	int rc = read_header(r);
	if (rc)
		return csv_error(r, rc);
	while ((rc = wl_csv_next(&r->csv)) == WL_CSV_RECORD)
		if ((rc = read_row(r)))
			return rc;
	if (rc != WL_CSV_END)
		return csv_error(r, rc);
	if (!r->nlists) { /* a list with no rows yet is still a list */
		const char *prefix;
		int src = list_source(r, r->default_list, &prefix);
		return src < 0 ? src : WL_OK;
	}
	return WL_OK;
}

static void ih_init(ih_reader *r, wl_dataset *ds, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->ds = ds;
	r->path = path;
	for (int c = 0; c < NCOLS; c++)
		r->col[c] = -1;
	wl_arena_init(&r->scratch);
	wl_strmap_init(&r->ids);
	default_list(r, path);
}

static void ih_free(ih_reader *r)
{
	wl_csv_free(&r->csv);
	free(r->text);
	free(r->lists);
	wl_strmap_free(&r->ids);
	wl_arena_free(&r->scratch);
}

int wl_inhouse_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	ih_reader r;
	ih_init(&r, ds, path);
	int rc = read_csv(&r, data, len);
	if (source)
		*source = !rc && r.nlists ? r.lists[0].src : -1;
	ih_free(&r);
	return rc;
}

/* ---- sniffing and reading a file ---- */

/* The normalised names of the first line's columns, as flags of the known ones. */
static unsigned header_columns(const char *p, const char *end, bool *simple)
{
	unsigned seen = 0;
	*simple = false;
	while (p < end) {
		const char *stop = p;
		bool quoted = false;
		while (stop < end && (quoted || *stop != ',')) {
			quoted ^= *stop == '"';
			stop++;
		}
		char raw[IH_KEY_MAX], key[IH_KEY_MAX];
		size_t n = 0;
		for (const char *q = p; q < stop && n + 1 < sizeof(raw); q++)
			if (*q != '"' && *q != '\r')
				raw[n++] = *q;
		raw[n] = '\0';
		column_key(key, sizeof(key), raw);
		for (int c = 0; c < NCOLS; c++)
			if (strcmp(key, col_names[c]) == 0)
				seen |= 1u << c;
		/* OpenSanctions' targets.simple.csv looks alike: not ours */
		if (!strcmp(key, "first_seen") || !strcmp(key, "last_seen") ||
		    !strcmp(key, "last_change") || !strcmp(key, "sanctions") ||
		    !strcmp(key, "program_ids"))
			*simple = true;
		p = stop + 1;
	}
	return seen;
}

static int ih_sniff(const char *path, const char *head, size_t n)
{
	const char *p = head, *end = head + n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	if (!eol && n >= WL_SNIFF_HEAD)
		return WL_SNIFF_NO;
	bool simple;
	unsigned seen = header_columns(p, eol ? eol : end, &simple);
	unsigned need = 1u << COL_ID | 1u << COL_NAME;
	unsigned more = 1u << COL_SCHEMA | 1u << COL_ALIASES | 1u << COL_BIRTH_DATE |
	                1u << COL_COUNTRY | 1u << COL_IDENTIFIERS | 1u << COL_LIST;
	if (simple || (seen & need) != need || !(seen & more))
		return WL_SNIFF_NO;
	return 40; /* low: any reader that knows the file better wins */
}

static int ih_read(wl_dataset *ds, const char *path)
{
	char *data;
	size_t len;
	int rc = wl_read_file(path, &data, &len);
	if (rc)
		return rc;
	ih_reader r;
	ih_init(&r, ds, path);
	rc = read_csv(&r, data, len);
	free(data);
	for (size_t i = 0; !rc && i < r.nlists; i++)
		rc = wl_dataset_source_file(ds, r.lists[i].src, path, IH_ROLE);
	ih_free(&r);
	return rc;
}

const wl_reader wl_reader_inhouse_csv = {
    .name = "inhouse_csv",
    .description = "In-house lists: a bank's own blocked parties as CSV (docs/inhouse-lists.md)",
    .sniff = ih_sniff,
    .read = ih_read,
};
