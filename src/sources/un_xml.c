/*
 * un_xml.c - the UN Security Council consolidated list reader (see un_xml.h).
 *
 * Streaming. The file is read node by node through the XML layer the list
 * readers share (xml_stream.c). Outside a record the reader only looks at
 * the root (CONSOLIDATED_LIST, whose dateGenerated dates the list). Inside
 * a record (INDIVIDUAL or ENTITY) it collects the text of the record's
 * children (DATAID, FIRST_NAME, ...) and grandchildren (INDIVIDUAL_ALIAS/
 * ALIAS_NAME, NATIONALITY/VALUE, ...) as a flat list of fields, each
 * knowing the child it belongs to (its group) and its line. At the
 * record's end tag the fields become the entity's values, and the list is
 * emptied for the next record: memory is one record, however large the
 * file.
 *
 * Mapping. Names, list type (program), reference number (unscId), listing
 * and update dates, gender and comments map one to one. The groups need
 * care, because the list writes the same fact in several shapes:
 *   - aliases by QUALITY: Good / a.k.a. -> alias, Low -> weakAlias,
 *     f.k.a. -> previousName; an alias's own NOTE, date and place of birth
 *     are kept (notes, birthDate, birthPlace qualified "alias NAME");
 *   - dates of birth: EXACT with DATE or YEAR, APPROXIMATELY, BETWEEN
 *     FROM_YEAR and TO_YEAR (one birthDate per year), and NOTEs that hold
 *     the date themselves ("Nov. 1973", a month to a YEAR: "Sep.");
 *   - documents: passport or other id by TYPE_OF_DOCUMENT(2), with the
 *     issuing country as the value's country and the issue date, city and
 *     note in its original wording; a document without a NUMBER is a note;
 *   - countries become ISO codes (countries.h); wording that is no known
 *     country is kept in notes, never stored as a country.
 * Whatever cannot be parsed goes to `notes` with its label, so nothing the
 * list says is lost.
 *
 * Errors and safety are the XML layer's (xml_stream.c): libxml2's errors
 * surface as "FILE:LINE: ELEMENT: message", nothing is printed, no network,
 * no DTD loading, no entity substitution; a DOCTYPE, which a UN list never
 * has, is refused. One element's text is at most UN_TEXT_MAX bytes.
 */
#include "un_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "reader.h"
#include "text/countries.h"
#include "xml_stream.h"

#define UN_TEXT_MAX    (32 * 1024)       /* bytes of one element's text */
#define UN_JOIN_MAX    (8 * UN_TEXT_MAX) /* bytes of a value joined from parts */
#define UN_ID_MAX      64                /* bytes of a DATAID */
#define UN_BETWEEN_MAX 20                /* years of a BETWEEN range spelt out one by one */

static const char un_root[] = "CONSOLIDATED_LIST";

/* One element's text inside a record. */
typedef struct un_field {
	const char
	    *group;      /* the record's child holding this field; NULL: the field is that child */
	const char *tag; /* element name (libxml2's dictionary owns it) */
	unsigned group_no; /* which child of the record: fields of one child share it */
	unsigned long line;
	size_t off; /* the text, NUL-terminated, in the parser's texts */
} un_field;

typedef struct un_parser {
	wl_dataset *ds;
	const char *path; /* names the list in messages */
	wl_xml x;         /* the stream, and the texts of the record's fields */
	int source;       /* -1 until the root element */
	/* the record being read */
	const char *rec; /* "INDIVIDUAL" or "ENTITY"; NULL between records */
	int rec_depth;
	unsigned long rec_line;
	const char *group;
	unsigned group_no;
	un_field *fields;
	size_t nfields, capfields;
	/* scratch space for values joined from parts */
	char join[4][UN_JOIN_MAX];
} un_parser;

/* A group: the fields of one child of the record (an alias, a document, ...). */
typedef struct un_group {
	un_parser *p;
	wl_entity *e;
	const un_field *f;
	size_t n;
} un_group;

/* ---- small text helpers ---- */

/* A bounded string in one of the parser's join buffers. */
typedef struct un_buf {
	char *s;
	size_t n, cap;
} un_buf;

static void buf_init(un_buf *b, char *mem)
{
	b->s = mem;
	b->n = 0;
	b->cap = UN_JOIN_MAX;
	mem[0] = '\0';
}

/* Appends s, cut (at a character boundary) when the buffer is full. */
static void buf_raw(un_buf *b, const char *s)
{
	size_t len = strlen(s), room = b->cap - 1 - b->n;
	if (len > room) {
		len = room;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n] = '\0';
}

/* Appends text (if any) after sep (if the buffer is not empty). */
static void buf_add(un_buf *b, const char *sep, const char *text)
{
	if (!text || !*text)
		return;
	if (b->n)
		buf_raw(b, sep);
	buf_raw(b, text);
}

/* Appends prefix and text (if there is text) after sep. */
static void buf_add2(un_buf *b, const char *sep, const char *prefix, const char *text)
{
	if (!text || !*text)
		return;
	if (b->n)
		buf_raw(b, sep);
	buf_raw(b, prefix);
	buf_raw(b, text);
}

static const char *buf_str(const un_buf *b)
{
	return b->n ? b->s : NULL;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* Length of the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that s starts with, or 0. */
static size_t iso_date_len(const char *s)
{
	if (!digits(s, 4) || num(s, 4) == 0)
		return 0;
	if (s[4] != '-' || !digits(s + 5, 2))
		return 4;
	int month = num(s + 5, 2);
	if (month < 1 || month > 12)
		return 0;
	if (s[7] != '-' || !digits(s + 8, 2))
		return 7;
	int day = num(s + 8, 2);
	return day >= 1 && day <= days_in_month(num(s, 4), month) ? 10 : 0;
}

/*
 * The date text holds, copied to out (11 bytes): "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", the last optionally followed by a time or zone
 * ("2001-01-25-05:00", "2026-02-27T00:00:09Z"). False when it is no date.
 */
static bool date_of(const char *text, char *out)
{
	size_t n = iso_date_len(text);
	char next = n ? text[n] : 'x';
	bool ok =
	    next == '\0' ||
	    (n == 10 && (next == 'T' || next == ' ' || next == '-' || next == '+' || next == 'Z'));
	if (ok && n == 10 && next == '-' && !isdigit((unsigned char)text[n + 1]))
		ok = false;
	if (!ok)
		return false;
	memcpy(out, text, n);
	out[n] = '\0';
	return true;
}

/* Compares the letters and digits of a and b, without regard to case. */
static bool same_words(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a))
			a++;
		while (*b && !isalnum((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++))
			return false;
	}
}

/* The month a word names ("Sep.", "September", "sept"), 1..12, or 0. */
static int month_number(const char *w, size_t n)
{
	static const char *const names[] = {"january",   "february", "march",    "april",
	                                    "may",       "june",     "july",     "august",
	                                    "september", "october",  "november", "december"};
	if (n && w[n - 1] == '.')
		n--;
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t len = strlen(names[m]);
		bool abbr = n == 3 || (m == 8 && n == 4);
		if ((n == len || abbr) && n <= len && strncasecmp(w, names[m], n) == 0)
			return m + 1;
	}
	return 0;
}

/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month, day 0: left out) to out (11 bytes). */
static void format_date(char *out, int year, int month, int day)
{
	unsigned y = (unsigned)year % 10000, m = (unsigned)month % 100, d = (unsigned)day % 100;
	if (!m)
		snprintf(out, 11, "%04u", y);
	else if (!d)
		snprintf(out, 11, "%04u-%02u", y, m);
	else
		snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}

/* Splits s at spaces into at most max words; returns how many (max + 1: more). */
static size_t split_words(const char *s, const char **w, size_t *len, size_t max)
{
	size_t n = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		if (n == max)
			return max + 1;
		w[n] = s;
		while (*s && *s != ' ')
			s++;
		len[n] = (size_t)(s - w[n]);
		n++;
	}
	return n;
}

/*
 * A date a note spells out: "Nov. 1973" -> "1973-11", "11 Apr. 1963" ->
 * "1963-04-11". Returns true and fills out (11 bytes) only for such notes.
 */
static bool note_date(const char *note, char *out)
{
	const char *w[3];
	size_t len[3];
	size_t n = split_words(note, w, len, 3);
	if (n < 2 || n > 3 || len[n - 1] != 4 || !digits(w[n - 1], 4))
		return false;
	int month = month_number(w[n - 2], len[n - 2]);
	int year = num(w[n - 1], 4);
	if (!month || year < 1000)
		return false;
	if (n == 2) {
		format_date(out, year, month, 0);
		return true;
	}
	if (len[0] > 2 || !digits(w[0], len[0]))
		return false;
	int day = num(w[0], len[0]);
	if (day < 1 || day > days_in_month(year, month))
		return false;
	format_date(out, year, month, day);
	return true;
}

/* The year a note ends with ("Between Aug. and Sep. 1977"), into out; false when none. */
static bool note_year(const char *note, char *out)
{
	size_t n = strlen(note);
	while (n && (note[n - 1] == '.' || note[n - 1] == ' '))
		n--;
	if (n < 6 || note[n - 5] != ' ' || !digits(note + n - 4, 4))
		return false;
	int year = num(note + n - 4, 4);
	if (year < 1800 || year > 2100)
		return false;
	format_date(out, year, 0, 0);
	return true;
}

/* Words the list writes where it knows no value. */
static bool is_unknown(const char *s)
{
	return same_words(s, "na") || same_words(s, "n/a") || same_words(s, "unknown");
}

/* The ISO code of a country's name, or NULL. */
static const char *country_code(const char *text)
{
	if (!text || !*text || is_unknown(text))
		return NULL;
	return wl_country_code(text, (size_t)-1);
}

/* ---- putting values ---- */

static int put(const un_group *g, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	wl_fact f = {.detail = detail, .country = country, .original = original};
	return wl_entity_puts(g->p->ds, g->e, prop, text, &f);
}

/* A note "label: text". */
static int put_note(const un_group *g, const char *label, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&g->p->ds->arena, "%s: %s", label, text);
	if (!s)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put(g, WL_PROP_NOTES, s, NULL, NULL, NULL);
}

/* A date property, or a note when the text is no date. */
static int put_date(const un_group *g, wl_prop prop, const char *text, const char *label)
{
	char d[11];
	if (!date_of(text, d))
		return put_note(g, label, text);
	return put(g, prop, d, NULL, NULL, text);
}

/* A country property, or a note when the list's wording is no known country. */
static int put_country(const un_group *g, wl_prop prop, const char *text, const char *label)
{
	if (!text || is_unknown(text))
		return WL_OK;
	const char *code = country_code(text);
	if (!code)
		return put_note(g, label, text);
	return put(g, prop, code, NULL, NULL, text);
}

/* The text of a group's first field named tag, or NULL. */
static const char *get(const un_group *g, const char *tag)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->f[i].tag, tag) == 0)
			return g->p->x.texts + g->f[i].off;
	return NULL;
}

/* Joins the group's fields named in tags with ", ", leaving out a part that repeats the last. */
static void join_parts(const un_group *g, un_buf *b, const char *const *tags, size_t ntags)
{
	const char *last = NULL;
	for (size_t i = 0; i < ntags; i++) {
		const char *t = get(g, tags[i]);
		if (!t || (last && same_words(t, last)))
			continue;
		buf_add(b, ", ", t);
		last = t;
	}
}

/* ---- the record's own fields ---- */

static int put_gender(const un_group *g, const char *text)
{
	un_buf b;
	buf_init(&b, g->p->join[0]);
	buf_raw(&b, text);
	for (size_t i = 0; i < b.n; i++)
		b.s[i] = (char)tolower((unsigned char)b.s[i]);
	return put(g, WL_PROP_GENDER, b.s, NULL, NULL, NULL);
}

static int put_top(const un_group *g)
{
	const char *tag = g->f->tag, *text = g->p->x.texts + g->f->off;
	if (strcmp(tag, "UN_LIST_TYPE") == 0)
		return put(g, WL_PROP_PROGRAM, text, NULL, NULL, NULL);
	if (strcmp(tag, "REFERENCE_NUMBER") == 0)
		return put(g, WL_PROP_UNSC_ID, text, NULL, NULL, NULL);
	if (strcmp(tag, "LISTED_ON") == 0)
		return put_date(g, WL_PROP_LISTING_DATE, text, "listed on");
	if (strcmp(tag, "GENDER") == 0)
		return put_gender(g, text);
	if (strcmp(tag, "COMMENTS1") == 0)
		return put(g, WL_PROP_NOTES, text, NULL, NULL, NULL);
	if (strcmp(tag, "NAME_ORIGINAL_SCRIPT") == 0)
		return put(g, WL_PROP_ALIAS, text, "original script", NULL, NULL);
	return WL_OK; /* DATAID, names (put_names), VERSIONNUM, SORT_KEY, unknown elements */
}

/* name = the name parts joined in list order; a Person also gets each part. */
static int put_names(const un_group *rec)
{
	static const struct {
		const char *tag;
		wl_prop prop;
		const char *detail;
	} parts[] = {
	    {"FIRST_NAME", WL_PROP_FIRST_NAME, NULL},
	    {"SECOND_NAME", WL_PROP_SECOND_NAME, NULL},
	    {"THIRD_NAME", WL_PROP_MIDDLE_NAME, "third name"},
	    {"FOURTH_NAME", WL_PROP_MIDDLE_NAME, "fourth name"},
	};
	un_buf name;
	buf_init(&name, rec->p->join[1]);
	for (size_t i = 0; i < rec->n; i++) {
		const un_field *f = &rec->f[i];
		if (f->group)
			continue;
		for (size_t k = 0; k < sizeof(parts) / sizeof(parts[0]); k++) {
			if (strcmp(f->tag, parts[k].tag) != 0)
				continue;
			const char *text = rec->p->x.texts + f->off;
			buf_add(&name, " ", text);
			if (rec->e->schema != WL_SCHEMA_PERSON)
				continue;
			int rc = put(rec, parts[k].prop, text, parts[k].detail, NULL, NULL);
			if (rc)
				return rc;
		}
	}
	return put(rec, WL_PROP_NAME, buf_str(&name), NULL, NULL, NULL);
}

/* modifiedAt: the latest LAST_DAY_UPDATED/VALUE. */
static int put_modified(const un_group *rec)
{
	char best[11] = "", d[11];
	for (size_t i = 0; i < rec->n; i++) {
		const un_field *f = &rec->f[i];
		if (!f->group || strcmp(f->group, "LAST_DAY_UPDATED") != 0 ||
		    strcmp(f->tag, "VALUE"))
			continue;
		const char *text = rec->p->x.texts + f->off;
		if (!date_of(text, d)) {
			un_group one = {rec->p, rec->e, f, 1};
			int rc = put_note(&one, "last updated", text);
			if (rc)
				return rc;
		} else if (strcmp(d, best) > 0) {
			memcpy(best, d, sizeof(best));
		}
	}
	return *best ? put(rec, WL_PROP_MODIFIED_AT, best, NULL, NULL, NULL) : WL_OK;
}

/* ---- groups: the record's children with children of their own ---- */

/* The property an alias's QUALITY calls for. */
static wl_prop alias_prop(const char *quality)
{
	if (!quality)
		return WL_PROP_ALIAS;
	if (same_words(quality, "low"))
		return WL_PROP_WEAK_ALIAS;
	if (same_words(quality, "fka"))
		return WL_PROP_PREVIOUS_NAME;
	return WL_PROP_ALIAS; /* Good, a.k.a., or a quality the list has not used before */
}

static int put_alias(const un_group *g)
{
	static const char *const pob[] = {"CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"};
	const char *name = get(g, "ALIAS_NAME"), *quality = get(g, "QUALITY");
	const char *dob = get(g, "DATE_OF_BIRTH"), *note = get(g, "NOTE");
	un_buf who, place;
	buf_init(&who, g->p->join[0]);
	buf_add(&who, " ", "alias");
	buf_add(&who, " ", name);
	buf_init(&place, g->p->join[1]);
	join_parts(g, &place, pob, 2);
	char d[11];
	int rc = name ? put(g, alias_prop(quality), name, quality, NULL, NULL) : WL_OK;
	if (!rc && dob && date_of(dob, d))
		rc = put(g, WL_PROP_BIRTH_DATE, d, who.s, NULL, dob);
	else if (!rc && dob)
		rc = put_note(g, who.s, dob);
	if (!rc && place.n)
		rc = put(g, WL_PROP_BIRTH_PLACE, place.s, who.s,
		         country_code(get(g, "COUNTRY_OF_BIRTH")), NULL);
	if (!rc && note)
		rc = put_note(g, who.s, note);
	return rc;
}

/* The qualifier of a date of birth: "approximately", "between 1955 and 1958", ... */
static void birth_detail(un_buf *b, const char *type, const char *from, const char *to)
{
	if (!type || same_words(type, "exact"))
		return;
	if (!same_words(type, "between")) {
		size_t start = b->n;
		buf_raw(b, type);
		for (size_t i = start; i < b->n; i++)
			b->s[i] = (char)tolower((unsigned char)b->s[i]);
		return;
	}
	buf_raw(b, "between");
	if (from && to) {
		buf_add(b, " ", from);
		buf_add(b, " and ", to);
	}
}

/* A year alone: four digits. */
static bool year_valid(const char *s)
{
	return strlen(s) == 4 && iso_date_len(s) == 4;
}

static int put_dob(const un_group *g, const char *date, const char *detail, const char *original,
                   int *count)
{
	(*count)++;
	return put(g, WL_PROP_BIRTH_DATE, date, detail, NULL, original);
}

/* A YEAR whose NOTE names the month ("Sep."): "1958-09". */
static int put_dob_month(const un_group *g, const char *year, int month, const char *note,
                         const char *detail, int *count)
{
	char d[11];
	format_date(d, num(year, 4), month, 0);
	snprintf(g->p->join[2], UN_JOIN_MAX, "%s %s", note, year);
	return put_dob(g, d, detail, g->p->join[2], count);
}

/* One birth date per year from..to (only the ends of a long or reversed range). */
static int put_between(const un_group *g, const char *from, const char *to, const char *detail,
                       int *count)
{
	bool f = from && year_valid(from), t = to && year_valid(to);
	int a = f ? num(from, 4) : 0, z = t ? num(to, 4) : 0;
	if (f && t && a <= z && z - a <= UN_BETWEEN_MAX) {
		for (int year = a; year <= z; year++) {
			char y[11];
			format_date(y, year, 0, 0);
			int rc = put_dob(g, y, detail, NULL, count);
			if (rc)
				return rc;
		}
		return WL_OK;
	}
	int rc = f ? put_dob(g, from, detail, NULL, count) : WL_OK;
	if (!rc && t)
		rc = put_dob(g, to, detail, NULL, count);
	return rc;
}

typedef struct un_dob {
	const char *type, *date, *year, *from, *to, *note;
} un_dob;

/* A date of birth the reader cannot read, kept as a note in the list's words. */
static int put_dob_note(const un_group *g, const un_dob *b)
{
	un_buf all;
	buf_init(&all, g->p->join[1]);
	birth_detail(&all, b->type, b->from, b->to);
	buf_add(&all, " ", b->date);
	buf_add(&all, " ", b->year);
	if (!(b->from && b->to))
		buf_add(&all, " ", b->from ? b->from : b->to);
	buf_add(&all, "; ", b->note);
	return put_note(g, "date of birth", buf_str(&all));
}

/* True when a part of the date is there but is no date. */
static bool dob_unread(const un_dob *b, int count)
{
	char d[11];
	if ((b->date && !date_of(b->date, d)) || (b->year && !year_valid(b->year)) ||
	    (b->from && !year_valid(b->from)) || (b->to && !year_valid(b->to)))
		return true;
	return !count && (b->date || b->year || b->from || b->to || b->note);
}

/*
 * INDIVIDUAL_DATE_OF_BIRTH. The date is in DATE, YEAR or FROM_YEAR/TO_YEAR,
 * or only in the NOTE ("Nov. 1973"); a NOTE that is not the date qualifies
 * it ("Approximately"). What is no date goes to notes, in the list's words.
 */
static int put_birth_date(const un_group *g)
{
	un_dob b = {get(g, "TYPE_OF_DATE"), get(g, "DATE"),    get(g, "YEAR"),
	            get(g, "FROM_YEAR"),    get(g, "TO_YEAR"), get(g, "NOTE")};
	char d[11], nd[11];
	bool date_ok = b.date && date_of(b.date, d);
	bool year_ok = b.year && year_valid(b.year);
	int month = b.note && year_ok ? month_number(b.note, strlen(b.note)) : 0;
	bool note_ok = !b.date && !b.year && !b.from && !b.to && b.note && note_date(b.note, nd);

	un_buf detail;
	buf_init(&detail, g->p->join[0]);
	birth_detail(&detail, b.type, b.from, b.to);
	if (!month && !note_ok)
		buf_add(&detail, "; ", b.note);
	const char *det = buf_str(&detail);

	int count = 0, rc = WL_OK;
	if (date_ok)
		rc = put_dob(g, d, det, b.date, &count);
	if (!rc && year_ok && month)
		rc = put_dob_month(g, b.year, month, b.note, det, &count);
	else if (!rc && year_ok)
		rc = put_dob(g, b.year, det, NULL, &count);
	if (!rc && (b.from || b.to))
		rc = put_between(g, b.from, b.to, det, &count);
	if (!rc && note_ok)
		rc = put_dob(g, nd, det, b.note, &count);
	else if (!rc && !count && b.note && note_year(b.note, nd))
		rc = put_dob(g, nd, det, b.note, &count);
	if (rc || !dob_unread(&b, count))
		return rc;
	return put_dob_note(g, &b);
}

/* INDIVIDUAL_PLACE_OF_BIRTH: one birthPlace, its NOTE as the qualifier (or the place itself). */
static int put_birth_place(const un_group *g)
{
	static const char *const parts[] = {"STREET", "CITY", "STATE_PROVINCE", "COUNTRY"};
	const char *note = get(g, "NOTE");
	un_buf b;
	buf_init(&b, g->p->join[0]);
	join_parts(g, &b, parts, 4);
	const char *code = country_code(get(g, "COUNTRY"));
	if (!b.n)
		return put(g, WL_PROP_BIRTH_PLACE, note, NULL, code, NULL);
	return put(g, WL_PROP_BIRTH_PLACE, b.s, note, code, NULL);
}

/* INDIVIDUAL_ADDRESS, ENTITY_ADDRESS: one address, and its country as `country`. */
static int put_address(const un_group *g)
{
	static const char *const parts[] = {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE",
	                                    "COUNTRY"};
	const char *note = get(g, "NOTE"), *country = get(g, "COUNTRY");
	un_buf b;
	buf_init(&b, g->p->join[0]);
	join_parts(g, &b, parts, 5);
	const char *code = country_code(country);
	int rc = b.n ? put(g, WL_PROP_ADDRESS, b.s, note, code, NULL)
	             : put(g, WL_PROP_ADDRESS, note, NULL, code, NULL);
	if (!rc && code)
		rc = put(g, WL_PROP_COUNTRY, code, NULL, NULL, country);
	return rc;
}

/* A document type without trailing colons and spaces ("Ration card number:"). */
static void doc_label(un_buf *b, const char *type)
{
	size_t start = b->n;
	buf_raw(b, type ? type : "");
	while (b->n > start && (b->s[b->n - 1] == ':' || b->s[b->n - 1] == ' '))
		b->s[--b->n] = '\0';
}

/* "National Identification Number (FARDC ID)": TYPE_OF_DOCUMENT (TYPE_OF_DOCUMENT2). */
static void doc_type(const un_group *g, un_buf *b, char *scratch)
{
	un_buf t2;
	buf_init(&t2, scratch);
	doc_label(b, get(g, "TYPE_OF_DOCUMENT"));
	doc_label(&t2, get(g, "TYPE_OF_DOCUMENT2"));
	if (!t2.n || same_words(b->s, t2.s))
		return;
	if (!b->n) {
		buf_raw(b, t2.s);
		return;
	}
	buf_raw(b, " (");
	buf_raw(b, t2.s);
	buf_raw(b, ")");
}

/* A document's issue date, city, countries and note: "issued 2003-06-01; in Kabul; ...". */
static void doc_extra(const un_group *g, un_buf *b)
{
	const char *issuer = get(g, "ISSUING_COUNTRY"), *issuer2 = get(g, "COUNTRY_OF_ISSUE");
	buf_add2(b, "; ", "issued ", get(g, "DATE_OF_ISSUE"));
	buf_add2(b, "; ", "in ", get(g, "CITY_OF_ISSUE"));
	buf_add(b, "; ", issuer);
	if (!issuer || !issuer2 || !same_words(issuer, issuer2))
		buf_add(b, "; ", issuer2);
	buf_add(b, "; ", get(g, "NOTE"));
}

static bool is_passport(const char *type)
{
	return type && (strcasestr(type, "passport") || strcasestr(type, "passeport") ||
	                strcasestr(type, "pasaporte"));
}

/*
 * INDIVIDUAL_DOCUMENT: NUMBER as passportNumber or idNumber, qualified by
 * the document type, with the issuing country's code; the issue date, city
 * and note go into the original wording. A document without a NUMBER (the
 * list then writes it in the NOTE) is kept as a note.
 */
static int put_document(const un_group *g)
{
	const char *number = get(g, "NUMBER");
	un_buf type, extra, all;
	buf_init(&type, g->p->join[0]);
	doc_type(g, &type, g->p->join[1]);
	buf_init(&extra, g->p->join[2]);
	doc_extra(g, &extra);
	buf_init(&all, g->p->join[3]);
	buf_add(&all, "", type.s);
	buf_add(&all, ": ", number);
	buf_add(&all, "; ", extra.s);
	if (!number)
		return put_note(g, "document", buf_str(&all));
	const char *code = country_code(get(g, "ISSUING_COUNTRY"));
	if (!code)
		code = country_code(get(g, "COUNTRY_OF_ISSUE"));
	bool passport =
	    is_passport(get(g, "TYPE_OF_DOCUMENT")) || is_passport(get(g, "TYPE_OF_DOCUMENT2"));
	wl_prop prop = passport ? WL_PROP_PASSPORT_NUMBER : WL_PROP_ID_NUMBER;
	return put(g, prop, number, buf_str(&type), code, extra.n ? all.s : NULL);
}

/* A group of VALUE children (NATIONALITY, TITLE, DESIGNATION): each value on its own. */
static int put_values(const un_group *g, wl_prop prop)
{
	int rc = WL_OK;
	for (size_t i = 0; i < g->n && !rc; i++) {
		if (strcmp(g->f[i].tag, "VALUE") != 0)
			continue;
		const char *text = g->p->x.texts + g->f[i].off;
		if (prop == WL_PROP_NATIONALITY)
			rc = put_country(g, prop, text, "nationality");
		else
			rc = put(g, prop, text, NULL, NULL, NULL);
	}
	return rc;
}

static int put_group(const un_group *g)
{
	const char *tag = g->f->group;
	if (strcmp(tag, "INDIVIDUAL_ALIAS") == 0 || strcmp(tag, "ENTITY_ALIAS") == 0)
		return put_alias(g);
	if (strcmp(tag, "INDIVIDUAL_DATE_OF_BIRTH") == 0)
		return put_birth_date(g);
	if (strcmp(tag, "INDIVIDUAL_PLACE_OF_BIRTH") == 0)
		return put_birth_place(g);
	if (strcmp(tag, "INDIVIDUAL_DOCUMENT") == 0)
		return put_document(g);
	if (strcmp(tag, "INDIVIDUAL_ADDRESS") == 0 || strcmp(tag, "ENTITY_ADDRESS") == 0)
		return put_address(g);
	if (strcmp(tag, "NATIONALITY") == 0)
		return put_values(g, WL_PROP_NATIONALITY);
	if (strcmp(tag, "TITLE") == 0)
		return put_values(g, WL_PROP_TITLE);
	if (strcmp(tag, "DESIGNATION") == 0)
		return put_values(g, WL_PROP_POSITION);
	return WL_OK; /* LAST_DAY_UPDATED (put_modified), LIST_TYPE, unknown elements */
}

/* ---- records ---- */

static const un_field *record_field(const un_parser *p, const char *tag)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (!p->fields[i].group && strcmp(p->fields[i].tag, tag) == 0)
			return &p->fields[i];
	return NULL;
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > UN_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			return false;
	return true;
}

/* Turns the fields of the record just read into an entity. */
static int record_emit(un_parser *p)
{
	const un_field *idf = record_field(p, "DATAID");
	if (!idf)
		return wl_error_input(p->path, p->rec_line, "DATAID", "%s record without a DATAID",
		                      p->rec);
	const char *dataid = p->x.texts + idf->off;
	if (!id_valid(dataid))
		return wl_error_input(p->path, idf->line, "DATAID", "not a record id: \"%.64s\"",
		                      dataid);
	wl_schema schema =
	    strcmp(p->rec, "INDIVIDUAL") == 0 ? WL_SCHEMA_PERSON : WL_SCHEMA_ORGANIZATION;
	wl_entity *e = wl_dataset_entity(p->ds, p->source, "un", dataid, schema);
	if (!e)
		return wl_error_set(WL_ENOMEM, "out of memory");
	un_group rec = {p, e, p->fields, p->nfields};
	int rc = put_names(&rec);
	if (!rc)
		rc = put(&rec, WL_PROP_TOPICS, "sanction", NULL, NULL, NULL);
	for (size_t i = 0; i < p->nfields && !rc;) {
		size_t j = i + 1;
		while (p->fields[i].group && j < p->nfields &&
		       p->fields[j].group_no == p->fields[i].group_no)
			j++;
		un_group g = {p, e, &p->fields[i], j - i};
		rc = p->fields[i].group ? put_group(&g) : put_top(&g);
		i = j;
	}
	if (!rc)
		rc = put_modified(&rec);
	return rc;
}

/* ---- the stream ---- */

static int on_root(un_parser *p, const char *name)
{
	if (strcmp(name, un_root) != 0)
		return wl_error_input(p->path, wl_xml_line(&p->x), name,
		                      "not a UN consolidated list: the root element is not %s",
		                      un_root);
	char generated[64], date[11];
	bool dated = wl_xml_attr(&p->x, "dateGenerated", generated, sizeof(generated)) &&
	             date_of(generated, date) && strlen(date) == 10;
	wl_source src = {
	    .name = "un_sc_sanctions",
	    .title = "UN Security Council Consolidated List",
	    .format = "un_xml",
	    .publisher = "United Nations Security Council",
	    .list_date = dated ? date : NULL,
	    .url = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
	    .licence = "UN Security Council public list",
	};
	p->source = wl_dataset_source(p->ds, &src);
	return p->source < 0 ? p->source : WL_OK;
}

static void record_begin(un_parser *p, const char *name, int depth)
{
	p->rec = name;
	p->rec_depth = depth;
	p->rec_line = wl_xml_line(&p->x);
	p->group = NULL;
	p->group_no = 0;
	p->nfields = 0;
	wl_xml_texts_clear(&p->x);
}

/* Ends the element being collected: its text, white space folded, becomes a field. */
static int field_end(un_parser *p, int depth)
{
	const char *tag = p->x.field;
	unsigned long line = p->x.field_line;
	size_t n = wl_xml_text_end(&p->x);
	if (!n)
		return WL_OK;
	wl_xml_text_keep(&p->x, n);
	int rc =
	    wl_xml_grow((void **)&p->fields, &p->capfields, p->nfields + 1, sizeof(*p->fields));
	if (rc)
		return rc;
	p->fields[p->nfields++] = (un_field){
	    .group = depth == p->rec_depth + 2 ? p->group : NULL,
	    .tag = tag,
	    .group_no = p->group_no,
	    .line = line,
	    .off = p->x.field_off,
	};
	return WL_OK;
}

static int on_start(void *ctx, const char *name, int depth)
{
	un_parser *p = ctx;
	if (p->source < 0)
		return on_root(p, name);
	if (!p->rec) {
		if (strcmp(name, "INDIVIDUAL") == 0 || strcmp(name, "ENTITY") == 0)
			record_begin(p, name, depth);
		return WL_OK;
	}
	if (depth == p->rec_depth + 1) {
		p->group = name;
		p->group_no++;
	}
	if (depth <= p->rec_depth + 2)
		wl_xml_text_begin(&p->x, name, depth);
	return WL_OK;
}

static int on_end(void *ctx, int depth)
{
	un_parser *p = ctx;
	if (!p->rec)
		return WL_OK;
	if (p->x.field && depth == p->x.field_depth) {
		int rc = field_end(p, depth);
		if (rc)
			return rc;
	}
	if (depth != p->rec_depth)
		return WL_OK;
	int rc = record_emit(p);
	p->rec = NULL;
	return rc;
}

static const wl_xml_format un_format = {
    .root = un_root,
    .doctype = "a document type declaration is not allowed in a UN list",
    .text_max = UN_TEXT_MAX,
    .qualified_names = true,
    .start = on_start,
    .end = on_end,
};

/* Reads a list from the file descriptor fd, or (fd < 0) from len bytes at data. */
static int read_list(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                     int *source)
{
	if (source)
		*source = -1;
	un_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return wl_error_set(WL_ENOMEM, "out of memory");
	p->ds = ds;
	p->path = path;
	p->source = -1;
	int rc = wl_xml_read(&p->x, &un_format, p, path, fd, data, len);
	if (source)
		*source = p->source;
	free(p->fields);
	free(p);
	return rc;
}

int wl_un_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len, int *source)
{
	return wl_xml_read_mem(ds, path, data, len, source, read_list);
}

static int un_read(wl_dataset *ds, const char *path)
{
	return wl_xml_read_file(ds, path, read_list);
}

/* A UN list is an XML document whose root element is CONSOLIDATED_LIST. */
static int un_sniff(const char *path, const char *head, size_t n)
{
	return wl_xml_root_is(head, n, un_root) ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_un_xml = {
    .name = "un_xml",
    .description = "UN Security Council consolidated list (XML)",
    .sniff = un_sniff,
    .read = un_read,
};
