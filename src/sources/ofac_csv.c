/*
 * ofac_csv.c - the reader of OFAC's legacy CSV files (see ofac_csv.h).
 *
 * The files: no header row, CRLF line ends, fields quoted with "" escapes
 * when they hold text, "-0- " for an empty field, and a 0x1A byte (DOS
 * end-of-file) after the last record. Old files are Windows-1252, new ones
 * UTF-8: a file that is not valid UTF-8 is converted from Windows-1252
 * with ICU. A file is parsed in place in one private copy; the CSV cursor
 * the CSV readers share (csv_cursor.c) cuts each record into
 * NUL-terminated fields without further copies.
 *
 * A set is read in an order that lets each file build on the last: the
 * main file makes the entities and holds back their remarks; the comments
 * file appends its text to them (directly, as the main text was cut at
 * OFAC's 1000 characters; a piece that follows uncut text, as happens when
 * files of different dates are mixed, is parsed on its own); then the remarks are parsed
 * (sdn_remarks.c); then aliases and addresses join their entities. A
 * companion row of an entity the main file lacks is skipped.
 *
 * Values from companion files record the file and row ("alt.csv:9150") as
 * their provenance; values from the main file the ent_num.
 */
#include "ofac_csv.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_cursor.h"
#include "model/error.h"
#include "sources/text_decode.h"
#include "reader.h"
#include "sdn_remarks.h"

#define CSV_MAX_FIELDS   16
#define SNIFF_RECORDS    5
#define MAIN_REMARKS_MAX 1000 /* characters OFAC keeps in the main file's remarks */
#define ENT_NUM_MAX      12   /* digits */

/* ---- the files of a set ---- */

typedef struct role_info {
	const char *name; /* the role recorded with the file */
	const char *const *columns;
	size_t ncolumns;
	const char *sdn_file, *cons_file; /* the companion's name in each set */
} role_info;

static const char *const main_columns[] = {
    "ent_num",   "SDN_Name", "SDN_Type", "Program",   "Title",      "Call_Sign",
    "Vess_type", "Tonnage",  "GRT",      "Vess_flag", "Vess_owner", "Remarks",
};
static const char *const alt_columns[] = {"ent_num", "alt_num", "alt_type", "alt_name",
                                          "alt_remarks"};
static const char *const add_columns[] = {"ent_num", "add_num", "address",
                                          "city",    "country", "add_remarks"};
static const char *const comments_columns[] = {"ent_num", "remarks"};

#define COLUMNS(a) a, sizeof(a) / sizeof(a[0])

static const role_info roles[WL_OFAC_ROLES] = {
    [WL_OFAC_MAIN] = {"main", COLUMNS(main_columns), "sdn.csv", "cons_prim.csv"},
    [WL_OFAC_ALT] = {"alt", COLUMNS(alt_columns), "alt.csv", "cons_alt.csv"},
    [WL_OFAC_ADD] = {"add", COLUMNS(add_columns), "add.csv", "cons_add.csv"},
    [WL_OFAC_COMMENTS] = {"comments", COLUMNS(comments_columns), "sdn_comments.csv",
                          "cons_comments.csv"},
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static bool is_cons_file(const char *path)
{
	return strncmp(base_name(path), "cons_", 5) == 0;
}

/* ---- CSV records ---- */

/* OFAC's dialect: blanks around a field are dropped, blank lines skipped. */
#define OFAC_CSV (WL_CSV_TRIM | WL_CSV_SKIP_BLANK_LINES)

/* ---- fields ---- */

/* OFAC's empty field: "-0-" (written "-0- "), or nothing at all. */
static bool is_null(const wl_csv_field *f)
{
	return f->n == 0 || strcmp(f->s, "-0-") == 0;
}

static bool is_integer(const wl_csv_field *f)
{
	if (f->n == 0 || f->n > ENT_NUM_MAX)
		return false;
	for (size_t i = 0; i < f->n; i++)
		if (!isdigit((unsigned char)f->s[i]))
			return false;
	return true;
}

/* An integer field without its leading zeros, so that "036" and "36" join. */
static const char *integer_text(const wl_csv_field *f)
{
	const char *s = f->s;
	while (s[0] == '0' && s[1])
		s++;
	return s;
}

/* ---- telling the files apart ---- */

/* True when a text field is as OFAC writes it: quoted, or the "-0-" marker. */
static bool is_ofac_text(const wl_csv_field *f)
{
	return f->quoted || strcmp(f->s, "-0-") == 0;
}

static bool is_one_of(const wl_csv_field *f, const char *const *words)
{
	for (; *words; words++)
		if (strcasecmp(f->s, *words) == 0)
			return true;
	return false;
}

/* True when the record has the shape of a row of role: column count, numbers, markers. */
static bool record_has_shape(const wl_csv *c, wl_ofac_role role)
{
	static const char *const sdn_types[] = {"-0-", "individual", "vessel", "aircraft", NULL};
	static const char *const alt_types[] = {"aka", "fka", "nka", NULL};
	const role_info *ri = &roles[role];
	if (c->nf != ri->ncolumns || !is_integer(&c->f[0]))
		return false;
	size_t first_text = role == WL_OFAC_ALT || role == WL_OFAC_ADD ? 2 : 1;
	if (first_text == 2 && !is_integer(&c->f[1]))
		return false;
	for (size_t i = first_text; i < c->nf; i++)
		if (!is_ofac_text(&c->f[i]))
			return false;
	if (role == WL_OFAC_MAIN)
		return !is_null(&c->f[1]) && is_one_of(&c->f[2], sdn_types);
	if (role == WL_OFAC_ALT)
		return is_one_of(&c->f[2], alt_types);
	return true;
}

/* The role whose shape a record has, or -1. */
static int role_of_record(const wl_csv *c)
{
	for (int role = 0; role < WL_OFAC_ROLES; role++)
		if (record_has_shape(c, (wl_ofac_role)role))
			return role;
	return -1;
}

/*
 * The role of a file from its first records (n bytes at head; truncated:
 * the file goes on beyond them), or -1 when it is none of OFAC's.
 */
static int role_of_head(const char *head, size_t n, bool truncated)
{
	if (n > WL_SNIFF_HEAD)
		n = WL_SNIFF_HEAD, truncated = true;
	while (n && head[n - 1] == 0x1A)
		n--;
	if (truncated) {
		while (n && head[n - 1] != '\n')
			n--;
	}
	char *text = malloc(n + 1);
	if (!text)
		return -1;
	memcpy(text, head, n);
	text[n] = '\0';
	wl_csv c;
	wl_csv_init(&c, text, n, OFAC_CSV, CSV_MAX_FIELDS);
	int role = -1, records = 0, got = WL_CSV_END;
	while (records < SNIFF_RECORDS && (got = wl_csv_next(&c)) == WL_CSV_RECORD) {
		int r = role_of_record(&c);
		if (r < 0 || (records && r != role)) {
			role = -1;
			break;
		}
		role = r;
		records++;
	}
	if (got < 0)
		role = -1; /* out of memory */
	wl_csv_free(&c);
	free(text);
	return role;
}

static int ofac_sniff(const char *path, const char *head, size_t n)
{
	int role = role_of_head(head, n, n >= WL_SNIFF_HEAD);
	if (role < 0)
		return WL_SNIFF_NO;
	return role == WL_OFAC_MAIN ? 90 : WL_SNIFF_COMPANION;
}

/* ---- reading a set ---- */

/*
 * Remarks held back until the comments file has added its part: an entry's
 * main remarks and the comment pieces that continue them. A piece that
 * cannot continue a run (the text before it was not cut at OFAC's limit)
 * starts a run of its own, parsed on its own.
 */
typedef struct remarks_run {
	wl_entity *e;
	char *text; /* in the reader's scratch arena */
	size_t len, cap;
	size_t main_len;         /* bytes from the main file; the rest is from comments */
	size_t last_chars;       /* characters of the last piece appended */
	const char *record;      /* the main part's provenance; NULL: the ent_num */
	const char *tail_record; /* "sdn_comments.csv:<ent_num>", or NULL */
	const char *file;        /* where the run starts, for messages */
	unsigned long line;
} remarks_run;

typedef struct set_reader {
	wl_dataset *ds;
	int source;
	wl_arena scratch;
	remarks_run *runs;
	size_t nruns, capruns;
	wl_strmap last_run;       /* entity id -> index + 1 of its latest run */
	const wl_ofac_part *part; /* the file being read */
	const char *row_record;   /* provenance of the main row's values (main_fact) */
	wl_csv csv;
} set_reader;

static int no_memory(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* "alt.csv:9150": the file and row a companion's value came from. */
static const char *row_record(set_reader *sr, const wl_csv_field *row_id)
{
	return wl_arena_printf(&sr->scratch, "%s:%s", base_name(sr->part->name),
	                       integer_text(row_id));
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	return chars;
}

/* A new run of remarks for e, starting at the current record. */
static remarks_run *run_new(set_reader *sr, wl_entity *e)
{
	if (sr->nruns == sr->capruns) {
		size_t cap = sr->capruns ? sr->capruns * 2 : 256;
		remarks_run *runs = realloc(sr->runs, cap * sizeof(*runs));
		if (!runs)
			return NULL;
		sr->runs = runs;
		sr->capruns = cap;
	}
	remarks_run *r = &sr->runs[sr->nruns];
	memset(r, 0, sizeof(*r));
	r->e = e;
	r->file = sr->part->name;
	r->line = sr->csv.record_line;
	if (wl_strmap_put(&sr->last_run, e->id, (void *)(uintptr_t)(sr->nruns + 1)))
		return NULL;
	sr->nruns++;
	return r;
}

static remarks_run *run_last(set_reader *sr, const wl_entity *e)
{
	uintptr_t i = (uintptr_t)wl_strmap_get(&sr->last_run, e->id);
	return i ? &sr->runs[i - 1] : NULL;
}

/*
 * Appends a piece as it is: a piece that continues a cut text goes on
 * mid-word. The buffer doubles as it grows (the old one stays in the
 * scratch arena), so many pieces cost linear time.
 */
static int run_append(set_reader *sr, remarks_run *r, const wl_csv_field *piece)
{
	size_t need = r->len + piece->n + 1;
	if (need > r->cap) {
		size_t cap = r->cap * 2 > need ? r->cap * 2 : need;
		char *text = wl_arena_alloc(&sr->scratch, cap);
		if (!text)
			return no_memory();
		if (r->len)
			memcpy(text, r->text, r->len);
		r->text = text;
		r->cap = cap;
	}
	memcpy(r->text + r->len, piece->s, piece->n);
	r->len += piece->n;
	r->text[r->len] = '\0';
	r->last_chars = utf8_chars(piece->s, piece->n);
	return WL_OK;
}

/* The provenance of a main row's values: the entity's own record (the ent_num). */
static wl_fact main_fact(const set_reader *sr, const char *detail, const char *original)
{
	return (wl_fact){.detail = detail, .record = sr->row_record, .original = original};
}

static int put_field(set_reader *sr, wl_entity *e, wl_prop prop, const wl_csv_field *f,
                     const char *detail)
{
	if (is_null(f))
		return WL_OK;
	wl_fact fact = main_fact(sr, detail, NULL);
	return wl_entity_put(sr->ds, e, prop, f->s, f->n, &fact);
}

static wl_schema schema_of(const wl_csv_field *type)
{
	if (strcasecmp(type->s, "individual") == 0)
		return WL_SCHEMA_PERSON;
	if (strcasecmp(type->s, "vessel") == 0)
		return WL_SCHEMA_VESSEL;
	if (strcasecmp(type->s, "aircraft") == 0)
		return WL_SCHEMA_AIRPLANE;
	return WL_SCHEMA_ORGANIZATION;
}

/* "NI, Gaobin": lastName "NI", firstName "Gaobin". */
static int put_person_names(set_reader *sr, wl_entity *e, const wl_csv_field *name)
{
	const char *comma = strchr(name->s, ',');
	if (!comma)
		return WL_OK;
	wl_fact f = main_fact(sr, NULL, name->s);
	size_t last = (size_t)(comma - name->s);
	int rc = wl_entity_put(sr->ds, e, WL_PROP_LAST_NAME, name->s, last, &f);
	if (rc)
		return rc;
	return wl_entity_put(sr->ds, e, WL_PROP_FIRST_NAME, comma + 1, name->n - last - 1, &f);
}

/* "SDGT] [IRGC": one program value each. */
static int put_programs(set_reader *sr, wl_entity *e, const wl_csv_field *programs)
{
	if (is_null(programs))
		return WL_OK;
	wl_fact f = main_fact(sr, NULL, programs->s);
	const char *s = programs->s, *end = s + programs->n;
	while (s < end) {
		while (s < end && (*s == '[' || *s == ']' || *s == ' '))
			s++;
		const char *stop = s;
		while (stop < end && *stop != '[' && *stop != ']')
			stop++;
		int rc = wl_entity_put(sr->ds, e, WL_PROP_PROGRAM, s, (size_t)(stop - s), &f);
		if (rc)
			return rc;
		s = stop;
	}
	return WL_OK;
}

/* Vess_flag as a country code; a flag no country matches ("None Identified") as a note. */
static int put_flag(set_reader *sr, wl_entity *e, const wl_csv_field *flag)
{
	if (is_null(flag))
		return WL_OK;
	const char *code = wl_sdn_country_code(flag->s, flag->n);
	if (code) {
		wl_fact f = main_fact(sr, NULL, flag->s);
		return wl_entity_puts(sr->ds, e, WL_PROP_FLAG, code, &f);
	}
	char *note = wl_arena_printf(&sr->scratch, "Vessel Flag %s", flag->s);
	if (!note)
		return no_memory();
	wl_fact f = main_fact(sr, NULL, NULL);
	return wl_entity_puts(sr->ds, e, WL_PROP_NOTES, note, &f);
}

static int put_vessel_columns(set_reader *sr, wl_entity *e, const wl_csv_field *f)
{
	int rc = put_field(sr, e, WL_PROP_CALL_SIGN, &f[5], NULL);
	if (!rc)
		rc = put_field(sr, e, WL_PROP_VESSEL_TYPE, &f[6], NULL);
	if (!rc)
		rc = put_field(sr, e, WL_PROP_TONNAGE, &f[7], NULL);
	if (!rc)
		rc = put_field(sr, e, WL_PROP_TONNAGE, &f[8], "GRT");
	if (!rc)
		rc = put_flag(sr, e, &f[9]);
	if (rc || is_null(&f[10]))
		return rc;
	wl_fact owner = main_fact(sr, NULL, NULL);
	return wl_entity_link(sr->ds, e, "owner", NULL, f[10].s, NULL, &owner);
}

static int read_main_row(set_reader *sr)
{
	const wl_csv_field *f = sr->csv.f;
	if (is_null(&f[1]))
		return wl_error_input(sr->part->name, sr->csv.record_line, "SDN_Name", "empty");
	wl_schema schema = schema_of(&f[2]);
	wl_entity *e = wl_dataset_entity(sr->ds, sr->source, "ofac", integer_text(&f[0]), schema);
	if (!e)
		return no_memory();
	sr->row_record = NULL; /* the ent_num; values carry the source the entity was asked with */
	wl_fact topic = main_fact(sr, NULL, NULL);
	int rc = put_field(sr, e, WL_PROP_NAME, &f[1], NULL);
	if (!rc && schema == WL_SCHEMA_PERSON)
		rc = put_person_names(sr, e, &f[1]);
	if (!rc)
		rc = put_programs(sr, e, &f[3]);
	if (!rc)
		rc = wl_entity_puts(sr->ds, e, WL_PROP_TOPICS, "sanction", &topic);
	if (!rc)
		rc = put_field(sr, e, WL_PROP_POSITION, &f[4], NULL);
	if (!rc)
		rc = put_vessel_columns(sr, e, f);
	if (rc || is_null(&f[11]))
		return rc;
	remarks_run *r = run_new(sr, e);
	if (!r)
		return no_memory();
	r->record = sr->row_record;
	rc = run_append(sr, r, &f[11]);
	r->main_len = r->len;
	return rc;
}

/* The entity a companion row belongs to, or NULL when the main file lacks it. */
static wl_entity *companion_entity(set_reader *sr)
{
	char id[ENT_NUM_MAX + 8];
	snprintf(id, sizeof(id), "ofac-%s", integer_text(&sr->csv.f[0]));
	return wl_dataset_find(sr->ds, id);
}

static int read_comments_row(set_reader *sr)
{
	const wl_csv_field *f = sr->csv.f;
	wl_entity *e = companion_entity(sr);
	if (!e || is_null(&f[1]))
		return WL_OK;
	remarks_run *r = run_last(sr, e);
	if (!r || r->last_chars < MAIN_REMARKS_MAX)
		r = run_new(sr, e);
	if (!r)
		return no_memory();
	if (!r->tail_record) {
		r->tail_record = row_record(sr, &f[0]);
		if (!r->tail_record)
			return no_memory();
	}
	return run_append(sr, r, &f[1]);
}

/* aka -> alias, fka -> previousName, nka -> alias "n.k.a."; alt_remarks join the detail. */
static int read_alt_row(set_reader *sr)
{
	const wl_csv_field *f = sr->csv.f;
	wl_entity *e = companion_entity(sr);
	if (!e || is_null(&f[3]))
		return WL_OK;
	wl_prop prop = WL_PROP_ALIAS;
	const char *detail = NULL;
	if (strcasecmp(f[2].s, "fka") == 0)
		prop = WL_PROP_PREVIOUS_NAME;
	else if (strcasecmp(f[2].s, "nka") == 0)
		detail = "n.k.a.";
	else if (strcasecmp(f[2].s, "aka") != 0 && !is_null(&f[2]))
		detail = f[2].s;
	if (!is_null(&f[4])) {
		detail = detail ? wl_arena_printf(&sr->scratch, "%s; %s", detail, f[4].s) : f[4].s;
		if (!detail)
			return no_memory();
	}
	wl_fact fact = {.detail = detail, .record = row_record(sr, &f[1])};
	if (!fact.record)
		return no_memory();
	return wl_entity_put(sr->ds, e, prop, f[3].s, f[3].n, &fact);
}

/* "address, city, country" as one address; the country also as the entity's country. */
static int read_add_row(set_reader *sr)
{
	const wl_csv_field *f = sr->csv.f;
	wl_entity *e = companion_entity(sr);
	if (!e)
		return WL_OK;
	char *joined = wl_arena_printf(
	    &sr->scratch, "%s%s%s%s%s", is_null(&f[2]) ? "" : f[2].s,
	    !is_null(&f[2]) && !is_null(&f[3]) ? ", " : "", is_null(&f[3]) ? "" : f[3].s,
	    !is_null(&f[4]) && (!is_null(&f[2]) || !is_null(&f[3])) ? ", " : "",
	    is_null(&f[4]) ? "" : f[4].s);
	const char *record = row_record(sr, &f[1]);
	if (!joined || !record)
		return no_memory();
	const char *code = is_null(&f[4]) ? NULL : wl_sdn_country_code(f[4].s, f[4].n);
	wl_fact addr = {
	    .country = code, .record = record, .detail = is_null(&f[5]) ? NULL : f[5].s};
	int rc = wl_entity_puts(sr->ds, e, WL_PROP_ADDRESS, joined, &addr);
	if (rc || !code)
		return rc;
	wl_fact country = {.record = record, .original = f[4].s};
	return wl_entity_puts(sr->ds, e, WL_PROP_COUNTRY, code, &country);
}

static int (*const row_readers[WL_OFAC_ROLES])(set_reader *) = {
    [WL_OFAC_MAIN] = read_main_row,
    [WL_OFAC_ALT] = read_alt_row,
    [WL_OFAC_ADD] = read_add_row,
    [WL_OFAC_COMMENTS] = read_comments_row,
};

/* Column count and ent_num of the current record; the row number of a companion. */
static int check_record(set_reader *sr)
{
	const wl_csv *c = &sr->csv;
	const role_info *ri = &roles[sr->part->role];
	const char *name = sr->part->name;
	if (c->nf < ri->ncolumns)
		return wl_error_input(name, c->record_line, ri->columns[c->nf],
		                      "missing: %zu of %zu columns", c->nf, ri->ncolumns);
	if (c->nf > ri->ncolumns)
		return wl_error_input(name, c->record_line, ri->columns[ri->ncolumns - 1],
		                      "%zu columns, expected %zu (an unquoted comma?)", c->nf,
		                      ri->ncolumns);
	for (size_t i = 0; i < 2; i++) {
		bool numbered =
		    i == 0 || sr->part->role == WL_OFAC_ALT || sr->part->role == WL_OFAC_ADD;
		if (numbered && !is_integer(&c->f[i]))
			return wl_error_input(name, c->record_line, ri->columns[i],
			                      "not a number: \"%.40s\"", c->f[i].s);
	}
	return WL_OK;
}

static int read_part(set_reader *sr, const wl_ofac_part *part)
{
	char *text = NULL;
	size_t len = 0;
	int rc = wl_text_decode(part->name, part->data, part->len, &text, &len);
	if (rc)
		return rc;
	sr->part = part;
	wl_csv_init(&sr->csv, text, len, OFAC_CSV, CSV_MAX_FIELDS);
	const role_info *ri = &roles[part->role];
	int got;
	while ((got = wl_csv_next(&sr->csv)) == WL_CSV_RECORD) {
		rc = check_record(sr);
		if (!rc)
			rc = row_readers[part->role](sr);
		if (rc)
			break;
	}
	if (got == WL_CSV_MALFORMED) {
		size_t field =
		    sr->csv.bad_field < ri->ncolumns ? sr->csv.bad_field : ri->ncolumns - 1;
		rc = wl_error_input(part->name, sr->csv.record_line, ri->columns[field], "%s",
		                    sr->csv.bad_what);
	} else if (got < 0) {
		rc = got;
	}
	wl_csv_free(&sr->csv);
	free(text);
	return rc;
}

static int apply_remarks_runs(set_reader *sr)
{
	for (size_t i = 0; i < sr->nruns; i++) {
		remarks_run *r = &sr->runs[i];
		wl_sdn_origin origin = {
		    .record = r->record, .tail_from = r->main_len, .tail_record = r->tail_record};
		int rc = wl_sdn_remarks_apply(sr->ds, r->e, r->text, r->len, &origin);
		if (rc == WL_EINPUT)
			return wl_error_input(r->file, r->line, "Remarks", "%s", wl_error_last());
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int read_parts_of_role(set_reader *sr, const wl_ofac_part *parts, size_t nparts,
                              wl_ofac_role role)
{
	for (size_t i = 0; i < nparts; i++) {
		if (parts[i].role != role)
			continue;
		int rc = read_part(sr, &parts[i]);
		if (rc)
			return rc;
	}
	return WL_OK;
}

int wl_ofac_csv_read_set_mem(wl_dataset *ds, int source, const wl_ofac_part *parts, size_t nparts)
{
	static const wl_ofac_role order[] = {WL_OFAC_MAIN, WL_OFAC_COMMENTS, WL_OFAC_ALT,
	                                     WL_OFAC_ADD};
	for (size_t i = 0; i < nparts; i++)
		if ((unsigned)parts[i].role >= WL_OFAC_ROLES || !parts[i].name ||
		    (!parts[i].data && parts[i].len))
			return wl_error_set(WL_EUSAGE, "ofac_csv: bad part %zu", i);
	set_reader sr = {.ds = ds, .source = source};
	wl_arena_init(&sr.scratch);
	wl_strmap_init(&sr.last_run);
	int rc = WL_OK;
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]) && !rc; k++) {
		rc = read_parts_of_role(&sr, parts, nparts, order[k]);
		if (!rc && order[k] == WL_OFAC_COMMENTS)
			rc = apply_remarks_runs(&sr);
	}
	wl_strmap_free(&sr.last_run);
	free(sr.runs);
	wl_arena_free(&sr.scratch);
	return rc;
}

int wl_ofac_csv_read_mem(wl_dataset *ds, int source, const char *name, const char *data, size_t len,
                         wl_ofac_role role)
{
	wl_ofac_part part = {.role = role, .name = name, .data = data, .len = len};
	return wl_ofac_csv_read_set_mem(ds, source, &part, 1);
}

/* ---- the source and the files ---- */

int wl_ofac_csv_source(wl_dataset *ds, const char *main_path)
{
	wl_source s;
	memset(&s, 0, sizeof(s));
	bool cons = main_path && is_cons_file(main_path);
	s.name = cons ? "us_ofac_cons" : "us_ofac_sdn";
	s.title = cons ? "OFAC Consolidated Sanctions List (non-SDN)"
	               : "OFAC Specially Designated Nationals (SDN) List";
	s.format = "ofac_csv";
	s.publisher = "US Treasury, Office of Foreign Assets Control";
	s.url = "https://ofac.treasury.gov/";
	s.licence = "US Government work (public domain)";
	return wl_dataset_source(ds, &s);
}

/* The path of a companion: the main file's folder and the set's name for it. */
static char *companion_path(const char *main_path, wl_ofac_role role)
{
	const role_info *ri = &roles[role];
	const char *file = is_cons_file(main_path) ? ri->cons_file : ri->sdn_file;
	int dirlen = (int)(base_name(main_path) - main_path);
	char *path = NULL;
	if (asprintf(&path, "%.*s%s", dirlen, main_path, file) < 0)
		return NULL;
	return path;
}

typedef struct file_set {
	wl_ofac_part parts[WL_OFAC_ROLES];
	char *data[WL_OFAC_ROLES];
	char *paths[WL_OFAC_ROLES];
	size_t nparts;
} file_set;

static void file_set_free(file_set *fs)
{
	for (size_t i = 0; i < fs->nparts; i++) {
		free(fs->data[i]);
		free(fs->paths[i]);
	}
}

static int file_set_add(file_set *fs, const char *path, wl_ofac_role role)
{
	size_t i = fs->nparts;
	fs->paths[i] = strdup(path);
	if (!fs->paths[i])
		return no_memory();
	size_t len;
	int rc = wl_read_file(path, &fs->data[i], &len);
	if (rc) {
		free(fs->paths[i]);
		return rc;
	}
	fs->parts[i] = (wl_ofac_part){role, fs->paths[i], fs->data[i], len};
	fs->nparts++;
	return WL_OK;
}

/* The main file and whichever companions exist beside it. */
static int file_set_load(file_set *fs, const char *main_path)
{
	int rc = file_set_add(fs, main_path, WL_OFAC_MAIN);
	for (int role = WL_OFAC_ALT; role < WL_OFAC_ROLES && !rc; role++) {
		char *path = companion_path(main_path, (wl_ofac_role)role);
		if (!path)
			return no_memory();
		if (strcmp(path, main_path) != 0 && access(path, F_OK) == 0)
			rc = file_set_add(fs, path, (wl_ofac_role)role);
		free(path);
	}
	return rc;
}

static int ofac_read(wl_dataset *ds, const char *path)
{
	file_set fs = {0};
	int rc = file_set_load(&fs, path);
	if (!rc) {
		int role = role_of_head(fs.parts[0].data, fs.parts[0].len, false);
		if (role > WL_OFAC_MAIN)
			rc = wl_error_input(path, 0, NULL,
			                    "an OFAC %s file: index the main file of its set "
			                    "(sdn.csv or cons_prim.csv)",
			                    roles[role].name);
	}
	int source = rc ? rc : wl_ofac_csv_source(ds, path);
	if (source < 0)
		rc = source;
	if (!rc)
		rc = wl_ofac_csv_read_set_mem(ds, source, fs.parts, fs.nparts);
	for (size_t i = 0; i < fs.nparts && !rc; i++)
		rc = wl_dataset_source_file(ds, source, fs.parts[i].name,
		                            roles[fs.parts[i].role].name);
	file_set_free(&fs);
	return rc;
}

const wl_reader wl_reader_ofac_csv = {
    .name = "ofac_csv",
    .description = "OFAC legacy CSV: sdn.csv or cons_prim.csv with alt, add and comments files",
    .sniff = ofac_sniff,
    .read = ofac_read,
};
