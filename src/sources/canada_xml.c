/*
 * canada_xml.c - Canada's consolidated autonomous sanctions list (see canada_xml.h).
 *
 * Streaming. The file is read node by node through the XML layer the list
 * readers share (xml_stream.c). The root must be <data-set>; each <record>
 * child is collected as a flat list of fields (its children's text, white
 * space folded, no-break spaces made plain) and turned into an entity at
 * its end tag, so memory holds one record however large the file.
 *
 * Ids. The list gives none: a record is named by its Country (the regime),
 * Schedule and Item, e.g. "belarus-1-part-1-1" (canada_xml.h). A record
 * without a Country or an Item, or whose id repeats an earlier record's in
 * the same file, is bad input: two listings would otherwise merge silently.
 *
 * Mapping.
 *   - Schema: EntityOrShip names an Organization, or a Vessel when the
 *     record has a ShipIMONumber or a TitleOrShip (the ship's type); else
 *     the record is a Person named "GivenName LastName", with firstName and
 *     lastName as the list splits them.
 *   - Country is the sanctions regime ("Belarus / Bélarus", "Justice for
 *     Victims of Corrupt Foreign Officials Regulations (JVCFOR) / ..."):
 *     it goes to `program`, qualified by schedule and item. It says nothing
 *     sure about the person's own country, so no country property is set.
 *   - Aliases is free text: names separated by ";", ",", "/", ":", " or ",
 *     " and " (in entities only when the text is not in English), with
 *     language labels ("Belarusian:", "Russian :", "Arabic:") that are
 *     dropped. An entity's legal-form piece ("..., ООО") and a piece that
 *     starts in lower case stay with the name before them. Names in a
 *     non-Latin script are aliases with the detail "original script"; a
 *     person's one-word alias ("Timati", "Alexei") is a weakAlias. Each
 *     alias keeps the list's whole Aliases text as its original.
 *   - DateOfBirthOrShipBuildDate is a birthDate (Person) or buildDate
 *     (Vessel): ISO prefixes, "A or B" (both), "1963-1964" (each year);
 *     wording that is no date ("born in the early 1970s", "Sep-99") is kept
 *     as a note. DateOfListing is the listingDate.
 *   - TitleOrShip is a Person's title or a Vessel's type; ShipIMONumber the
 *     imoNumber. Fields that do not fit the record's schema and elements the
 *     list has not used before go to notes with their tag: nothing is lost.
 *
 * Errors and safety are the XML layer's (xml_stream.c): libxml2's errors
 * surface as "FILE:LINE: ELEMENT: message"; no network, no DTD loading, no
 * entity substitution, a DOCTYPE is refused; one element's text is at most
 * CA_TEXT_MAX bytes.
 */
#include "canada_xml.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "reader.h"
#include "xml_stream.h"

#define CA_TEXT_MAX   (32 * 1024) /* bytes of one element's text */
#define CA_ID_MAX     192         /* bytes of a record id */
#define CA_RANGE_MAX  20          /* years of a "1963-1964" range spelt out one by one */
#define CA_PIECES_MAX 256         /* aliases taken from one Aliases text */
#define CA_SEP        '\x1f'      /* marks a split point in an Aliases text */

static const char ca_root[] = "data-set";
static const char ca_record[] = "record";

/* The fields a record can have; anything else is kept as a note. */
enum ca_tag {
	CA_COUNTRY,
	CA_LAST_NAME,
	CA_GIVEN_NAME,
	CA_ENTITY_OR_SHIP,
	CA_TITLE_OR_SHIP,
	CA_SHIP_IMO,
	CA_ALIASES,
	CA_DATE_OF_BIRTH,
	CA_SCHEDULE,
	CA_ITEM,
	CA_DATE_OF_LISTING,
	CA_NTAGS,
	CA_OTHER = CA_NTAGS
};

static const char *const ca_tags[CA_NTAGS] = {
    "Country",     "LastName",      "GivenName",     "EntityOrShip",
    "TitleOrShip", "ShipIMONumber", "Aliases",       "DateOfBirthOrShipBuildDate",
    "Schedule",    "Item",          "DateOfListing",
};

/* One child element of a record. */
typedef struct ca_field {
	const char *tag; /* element name (libxml2's dictionary owns it) */
	unsigned long line;
	size_t off; /* the text, NUL-terminated, in the parser's texts */
} ca_field;

typedef struct ca_parser {
	wl_dataset *ds;
	const char *path; /* names the list in messages */
	wl_xml x;         /* the stream, and the texts of the record's fields */
	int source;       /* -1 until the root element */
	/* the record being read */
	bool in_record;
	int rec_depth;
	unsigned long rec_line;
	ca_field *fields;
	size_t nfields, capfields;
	wl_strmap ids; /* record ids of this file -> line of the record */
	/* scratch space for splitting the Aliases text */
	char split[2][CA_TEXT_MAX + 1];
} ca_parser;

/* A record being turned into an entity. */
typedef struct ca_rec {
	ca_parser *p;
	wl_entity *e;
	const ca_field *f[CA_NTAGS]; /* the first field of each known tag */
	const char *id;
} ca_rec;

/* ---- small text helpers ---- */

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

/* True when s (n bytes) is exactly an ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
static bool iso_date(const char *s, size_t n)
{
	if (n != 4 && n != 7 && n != 10)
		return false;
	if (!digits(s, 4) || num(s, 4) < 1000)
		return false;
	if (n == 4)
		return true;
	if (s[4] != '-' || !digits(s + 5, 2))
		return false;
	int month = num(s + 5, 2);
	if (month < 1 || month > 12)
		return false;
	if (n == 7)
		return true;
	if (s[7] != '-' || !digits(s + 8, 2))
		return false;
	int day = num(s + 8, 2);
	return day >= 1 && day <= days_in_month(num(s, 4), month);
}

/* The code point of the UTF-8 sequence at s (valid UTF-8), and its length. */
static uint32_t utf8_at(const unsigned char *s, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0 && s[1]) {
		*len = 2;
		return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
		*len = 3;
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	}
	if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
		*len = 4;
		return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
		       (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	}
	*len = 1;
	return 0xFFFD;
}

/* A letter of a script other than Latin: Greek and after, up to the CJK and Hangul blocks. */
static bool non_latin_letter(uint32_t cp)
{
	if (cp >= 0x0370 && cp < 0x1E00)
		return !(cp >= 0x1AB0 && cp < 0x1B00); /* combining marks */
	if (cp >= 0x2E80 && cp < 0xFB00)
		return true;
	return cp >= 0xFB1D && cp < 0xFE00; /* Hebrew and Arabic presentation forms */
}

/* True when s holds a letter of a non-Latin script (Cyrillic, Arabic, Hebrew, Han, ...). */
static bool has_non_latin(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		size_t len;
		if (non_latin_letter(utf8_at(u, &len)))
			return true;
		u += len;
	}
	return false;
}

/* True when s starts with a lower-case letter (Latin or Cyrillic). */
static bool starts_lower(const char *s)
{
	size_t len;
	uint32_t cp = utf8_at((const unsigned char *)s, &len);
	return (cp >= 'a' && cp <= 'z') || (cp >= 0x430 && cp <= 0x45F);
}

/*
 * Folds white space in place: no-break spaces (U+00A0, U+202F) become
 * spaces, runs of white space one space, and both ends are trimmed.
 * Returns the new length.
 */
static size_t fold_space(char *s, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		bool space = isspace((unsigned char)s[i]);
		if (!space && i + 1 < n && (unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xA0) {
			space = true;
			i++;
		} else if (!space && i + 2 < n && (unsigned char)s[i] == 0xE2 &&
		           (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0xAF) {
			space = true;
			i += 2;
		}
		if (!space)
			s[j++] = s[i];
		else if (j && s[j - 1] != ' ')
			s[j++] = ' ';
	}
	if (j && s[j - 1] == ' ')
		j--;
	s[j] = '\0';
	return j;
}

/* ---- ids ---- */

/* Appends the lower-case ASCII words of s[0..n) to out, each after a '-'. */
static bool slug_add(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
	bool word = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) || c >= 0x80) {
			word = false;
			continue;
		}
		if (!word && *len) {
			if (*len + 1 >= cap)
				return false;
			out[(*len)++] = '-';
		}
		if (*len + 1 >= cap)
			return false;
		out[(*len)++] = (char)tolower(c);
		word = true;
	}
	out[*len] = '\0';
	return true;
}

bool wl_canada_record_id(const char *country, const char *schedule, const char *item, char *out,
                         size_t cap)
{
	if (!cap)
		return false;
	out[0] = '\0';
	if (!country || !item)
		return false;
	const char *slash = strstr(country, " / ");
	size_t n = slash ? (size_t)(slash - country) : strlen(country), len = 0;
	if (!slug_add(out, cap, &len, country, n) || !len)
		return false;
	if (schedule && !slug_add(out, cap, &len, schedule, strlen(schedule)))
		return false;
	size_t before = len;
	if (!slug_add(out, cap, &len, item, strlen(item)))
		return false;
	return len > before;
}

/* ---- putting values ---- */

static const char *text_of(const ca_rec *r, const ca_field *f)
{
	return f ? r->p->x.texts + f->off : NULL;
}

static const char *get(const ca_rec *r, enum ca_tag tag)
{
	return text_of(r, r->f[tag]);
}

static int put(const ca_rec *r, wl_prop prop, const char *text, const char *detail,
               const char *original)
{
	wl_fact f = {.detail = detail, .original = original};
	return wl_entity_puts(r->p->ds, r->e, prop, text, &f);
}

/* A note "label: text". */
static int put_note(const ca_rec *r, const char *label, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&r->p->ds->arena, "%s: %s", label, text);
	if (!s)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put(r, WL_PROP_NOTES, s, NULL, NULL);
}

/* ---- dates ---- */

/* "1963-1964": each year of the range (only its ends when long), qualified "between". */
static bool put_range(const ca_rec *r, wl_prop prop, const char *s, size_t n, const char *text,
                      int *rc)
{
	if (n != 9 || s[4] != '-' || !digits(s, 4) || !digits(s + 5, 4))
		return false;
	int from = num(s, 4), to = num(s + 5, 4);
	if (from < 1000 || to < from)
		return false;
	char detail[48], year[16];
	snprintf(detail, sizeof(detail), "between %04d and %04d", from, to);
	for (int y = from; y <= to && !*rc; y++) {
		if (to - from > CA_RANGE_MAX && y != from && y != to)
			continue;
		snprintf(year, sizeof(year), "%04d", y);
		*rc = put(r, prop, year, detail, text);
	}
	return true;
}

/*
 * A date field: ISO prefixes, alternatives joined by " or ", or a range of
 * years; each part that is a date becomes a value of prop, the whole text
 * its original; when some part is no date, the text is also kept as a note.
 */
static int put_dates(const ca_rec *r, wl_prop prop, const char *text, const char *label)
{
	int rc = WL_OK;
	bool unread = false;
	const char *s = text;
	while (*s && !rc) {
		const char *end = strstr(s, " or ");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		while (n && s[n - 1] == ' ')
			n--;
		while (n && *s == ' ')
			s++, n--;
		if (iso_date(s, n)) {
			char d[11];
			memcpy(d, s, n);
			d[n] = '\0';
			rc = put(r, prop, d, NULL, strcmp(d, text) ? text : NULL);
		} else if (!put_range(r, prop, s, n, text, &rc)) {
			unread = true;
		}
		s = end ? end + 4 : s + strlen(s);
	}
	if (!rc && unread)
		rc = put_note(r, label, text);
	return rc;
}

/* ---- aliases ---- */

static const char *const ca_labels[] = {"Arabic",    "Russian", "Belarusian", "Belarussian",
                                        "Ukrainian", "Farsi",   "Persian",    "Hebrew",
                                        "Chinese",   "Armenian"};

/* Legal forms that follow a name after a comma ("Рембаза, АО"). */
static bool is_legal_form(const char *s, size_t n)
{
	static const char *const forms[] = {"ООО", "АО",  "ОАО",  "ПАО",  "ЗАО",  "МК",
	                                    "LLC", "JSC", "Ltd",  "Ltd.", "Inc.", "Co.",
	                                    "AO",  "OAO", "PJSC", "FSUE", "Sarl", "SAU"};
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strlen(forms[i]) == n && memcmp(forms[i], s, n) == 0)
			return true;
	return false;
}

/* Does the Aliases text t split at position i? Returns the separator's length, or 0. */
static size_t separator_at(const char *t, size_t i, bool split_and)
{
	char c = t[i];
	if (c == ';' || c == '/' || c == ':')
		return 1;
	if (c != ' ')
		return 0;
	if (strncmp(t + i, " or ", 4) == 0)
		return 4;
	if (split_and && strncmp(t + i, " and ", 5) == 0)
		return 5;
	return 0;
}

/* The length of a language label ("Russian :") at t, up to its colon; 0 when none. */
static size_t label_at(const char *t)
{
	for (size_t i = 0; i < sizeof(ca_labels) / sizeof(ca_labels[0]); i++) {
		size_t n = strlen(ca_labels[i]);
		if (strncmp(t, ca_labels[i], n) != 0)
			continue;
		while (t[n] == ' ')
			n++;
		if (t[n] == ':')
			return n + 1;
	}
	return 0;
}

/* Copies text to out with every separator and language label made CA_SEP. */
static void mark_separators(const char *text, char *out, bool split_and)
{
	size_t j = 0;
	for (size_t i = 0; text[i] && j < CA_TEXT_MAX;) {
		bool word_start = i == 0 || strchr(" ,;", text[i - 1]);
		size_t n = word_start ? label_at(text + i) : 0;
		if (!n)
			n = separator_at(text, i, split_and);
		if (n) {
			out[j++] = CA_SEP;
			i += n;
		} else {
			out[j++] = text[i++];
		}
	}
	out[j] = '\0';
}

/* Trims spaces, commas, stray brackets, a leading "also " and a trailing " AKA" from a piece. */
static void trim_piece(const char **s, size_t *n)
{
	for (;;) {
		size_t before = *n;
		while (*n && strchr(" ,", **s))
			(*s)++, (*n)--;
		while (*n && strchr(" ,", (*s)[*n - 1]))
			(*n)--;
		if (*n && **s == '(' && !memchr(*s, ')', *n))
			(*s)++, (*n)--;
		if (*n && (*s)[*n - 1] == ')' && !memchr(*s, '(', *n))
			(*n)--;
		if (*n > 5 && memcmp(*s, "also ", 5) == 0)
			*s += 5, *n -= 5;
		if (*n > 4 && memcmp(*s + *n - 4, " AKA", 4) == 0)
			*n -= 4;
		if (*n == before)
			break;
	}
}

typedef struct ca_piece {
	const char *s;
	size_t n;
} ca_piece;

/*
 * Splits one segment (between CA_SEP marks) at commas. In an entity's
 * names a legal form ("Рембаза, АО") or a piece in lower case joins the
 * piece before it; a legal form that comes first joins the piece after it
 * ("ОАО, БЭТО").
 */
static size_t split_commas(const char *seg, size_t len, bool entity, ca_piece *out, size_t max)
{
	size_t n = 0;
	const char *s = seg, *end = seg + len;
	ca_piece pending = {NULL, 0}; /* a leading legal form */
	while (n < max) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		const char *stop = comma ? comma : end;
		ca_piece pc = {s, (size_t)(stop - s)};
		trim_piece(&pc.s, &pc.n);
		bool form = entity && pc.n && is_legal_form(pc.s, pc.n);
		bool lower = entity && pc.n && starts_lower(pc.s);
		if (pc.n && pending.s) {
			out[n++] = (ca_piece){pending.s, (size_t)(pc.s + pc.n - pending.s)};
			pending.s = NULL;
		} else if ((form || lower) && n) {
			out[n - 1].n = (size_t)(pc.s + pc.n - out[n - 1].s);
		} else if (form) {
			pending = pc;
		} else if (pc.n) {
			out[n++] = pc;
		}
		if (!comma)
			break;
		s = comma + 1;
	}
	if (pending.s && n < max)
		out[n++] = pending;
	return n;
}

/* Splits an Aliases text (folded, in p->split[0]) into pieces. */
static size_t split_aliases(ca_parser *p, const char *text, bool entity, ca_piece *out, size_t max)
{
	char *t = p->split[0];
	mark_separators(text, t, !entity || has_non_latin(text));
	size_t n = 0;
	const char *s = t;
	while (*s && n < max) {
		const char *sep = strchr(s, CA_SEP);
		size_t len = sep ? (size_t)(sep - s) : strlen(s);
		n += split_commas(s, len, entity, out + n, max - n);
		s = sep ? sep + 1 : s + len;
	}
	return n;
}

static bool one_word(const char *s, size_t n)
{
	return n && !memchr(s, ' ', n);
}

static int put_aliases(const ca_rec *r, const char *text, bool person)
{
	ca_piece pieces[CA_PIECES_MAX];
	size_t n = split_aliases(r->p, text, !person, pieces, CA_PIECES_MAX);
	char *alias = r->p->split[1];
	int rc = WL_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		memcpy(alias, pieces[i].s, pieces[i].n);
		alias[pieces[i].n] = '\0';
		bool script = has_non_latin(alias);
		wl_prop prop =
		    person && one_word(alias, pieces[i].n) ? WL_PROP_WEAK_ALIAS : WL_PROP_ALIAS;
		rc = put(r, prop, alias, script ? "original script" : NULL,
		         strcmp(alias, text) ? text : NULL);
	}
	return rc;
}

/* ---- records ---- */

static bool is_vessel(const ca_rec *r)
{
	return r->f[CA_ENTITY_OR_SHIP] && (r->f[CA_SHIP_IMO] || r->f[CA_TITLE_OR_SHIP]);
}

static wl_schema record_schema(const ca_rec *r)
{
	if (is_vessel(r))
		return WL_SCHEMA_VESSEL;
	return r->f[CA_ENTITY_OR_SHIP] ? WL_SCHEMA_ORGANIZATION : WL_SCHEMA_PERSON;
}

/* name, and a Person's firstName and lastName. */
static int put_names(const ca_rec *r)
{
	if (r->e->schema != WL_SCHEMA_PERSON)
		return put(r, WL_PROP_NAME, get(r, CA_ENTITY_OR_SHIP), NULL, NULL);
	const char *given = get(r, CA_GIVEN_NAME), *last = get(r, CA_LAST_NAME);
	char *name = wl_arena_printf(&r->p->ds->arena, "%s%s%s", given ? given : "",
	                             given && last ? " " : "", last ? last : "");
	if (!name)
		return wl_error_set(WL_ENOMEM, "out of memory");
	int rc = put(r, WL_PROP_NAME, name, NULL, NULL);
	if (!rc && given)
		rc = put(r, WL_PROP_FIRST_NAME, given, NULL, NULL);
	if (!rc && last)
		rc = put(r, WL_PROP_LAST_NAME, last, NULL, NULL);
	return rc;
}

/* program: the regime, qualified by schedule and item. */
static int put_program(const ca_rec *r)
{
	const char *schedule = get(r, CA_SCHEDULE), *item = get(r, CA_ITEM);
	wl_arena *a = &r->p->ds->arena;
	char *detail = !schedule ? wl_arena_printf(a, "item %s", item)
	               : isdigit((unsigned char)*schedule)
	                   ? wl_arena_printf(a, "Schedule %s, item %s", schedule, item)
	                   : wl_arena_printf(a, "%s, item %s", schedule, item);
	if (!detail)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put(r, WL_PROP_PROGRAM, get(r, CA_COUNTRY), detail, NULL);
}

/* The date field: a Person's birth, a Vessel's build; an Organization's is a note. */
static int put_date_field(const ca_rec *r, const char *text)
{
	if (r->e->schema == WL_SCHEMA_PERSON)
		return put_dates(r, WL_PROP_BIRTH_DATE, text, "date of birth");
	if (r->e->schema == WL_SCHEMA_VESSEL)
		return put_dates(r, WL_PROP_BUILD_DATE, text, "build date");
	return put_note(r, ca_tags[CA_DATE_OF_BIRTH], text);
}

/* One known field, in its first occurrence; repeats and misfits are notes. */
static int put_field(const ca_rec *r, const ca_field *f, enum ca_tag tag)
{
	const char *text = text_of(r, f);
	bool person = r->e->schema == WL_SCHEMA_PERSON, vessel = r->e->schema == WL_SCHEMA_VESSEL;
	if (tag == CA_OTHER || r->f[tag] != f)
		return put_note(r, f->tag, text);
	switch (tag) {
	case CA_LAST_NAME:
	case CA_GIVEN_NAME:
		return person ? WL_OK : put_note(r, f->tag, text);
	case CA_TITLE_OR_SHIP:
		return person   ? put(r, WL_PROP_TITLE, text, NULL, NULL)
		       : vessel ? put(r, WL_PROP_VESSEL_TYPE, text, NULL, NULL)
		                : put_note(r, f->tag, text);
	case CA_SHIP_IMO:
		return vessel ? put(r, WL_PROP_IMO_NUMBER, text, NULL, NULL)
		              : put_note(r, f->tag, text);
	case CA_ALIASES:
		return put_aliases(r, text, person);
	case CA_DATE_OF_BIRTH:
		return put_date_field(r, text);
	case CA_DATE_OF_LISTING:
		return iso_date(text, strlen(text)) ? put(r, WL_PROP_LISTING_DATE, text, NULL, NULL)
		                                    : put_note(r, "date of listing", text);
	default:
		return WL_OK; /* Country, Schedule, Item (put_program), EntityOrShip (put_names) */
	}
}

static enum ca_tag tag_of(const char *name)
{
	for (int t = 0; t < CA_NTAGS; t++)
		if (strcmp(name, ca_tags[t]) == 0)
			return (enum ca_tag)t;
	return CA_OTHER;
}

/* The record's id, checked to be there and new in this file. */
static int record_id(ca_rec *r, char *id)
{
	ca_parser *p = r->p;
	if (!r->f[CA_COUNTRY] || !r->f[CA_ITEM])
		return wl_error_input(p->path, p->rec_line, r->f[CA_COUNTRY] ? "Item" : "Country",
		                      "record without %s: it has no id",
		                      r->f[CA_COUNTRY] ? "an Item" : "a Country");
	const ca_field *item = r->f[CA_ITEM];
	if (!wl_canada_record_id(get(r, CA_COUNTRY), get(r, CA_SCHEDULE), get(r, CA_ITEM), id,
	                         CA_ID_MAX))
		return wl_error_input(p->path, item->line, "Item",
		                      "no record id can be made of Country \"%.64s\", Schedule "
		                      "\"%.32s\" and Item \"%.32s\"",
		                      get(r, CA_COUNTRY),
		                      get(r, CA_SCHEDULE) ? get(r, CA_SCHEDULE) : "",
		                      get(r, CA_ITEM));
	void *seen = wl_strmap_get(&p->ids, id);
	if (seen)
		return wl_error_input(
		    p->path, item->line, "Item",
		    "record id \"%s\" (Country, Schedule, Item) repeats the record "
		    "of line %lu",
		    id, (unsigned long)(uintptr_t)seen);
	return WL_OK;
}

/* Turns the fields of the record just read into an entity. */
static int record_emit(ca_parser *p)
{
	ca_rec r = {.p = p};
	for (size_t i = 0; i < p->nfields; i++) {
		enum ca_tag t = tag_of(p->fields[i].tag);
		if (t != CA_OTHER && !r.f[t])
			r.f[t] = &p->fields[i];
	}
	char id[CA_ID_MAX];
	int rc = record_id(&r, id);
	if (rc)
		return rc;
	if (!r.f[CA_ENTITY_OR_SHIP] && !r.f[CA_LAST_NAME] && !r.f[CA_GIVEN_NAME])
		return wl_error_input(p->path, p->rec_line, "LastName",
		                      "record %s has no name (LastName, GivenName or EntityOrShip)",
		                      id);
	r.e = wl_dataset_entity(p->ds, p->source, "ca-sema", id, record_schema(&r));
	if (!r.e)
		return wl_error_set(WL_ENOMEM, "out of memory");
	rc = wl_strmap_put(&p->ids, r.e->source_id,
	                   (void *)(uintptr_t)(p->rec_line ? p->rec_line : 1));
	if (!rc)
		rc = put_names(&r);
	if (!rc)
		rc = put(&r, WL_PROP_TOPICS, "sanction", NULL, NULL);
	if (!rc)
		rc = put_program(&r);
	for (size_t i = 0; i < p->nfields && !rc; i++)
		rc = put_field(&r, &p->fields[i], tag_of(p->fields[i].tag));
	return rc;
}

/* ---- the stream ---- */

static int on_root(ca_parser *p, const char *name)
{
	if (strcmp(name, ca_root) != 0)
		return wl_error_input(p->path, wl_xml_line(&p->x), name,
		                      "not a Canadian sanctions list: the root element is not %s",
		                      ca_root);
	wl_source src = {
	    .name = "ca_dfatd_sema_sanctions",
	    .title = "Canada Consolidated Autonomous Sanctions List (SEMA, JVCFOA)",
	    .format = "canada_xml",
	    .publisher = "Global Affairs Canada",
	    .list_date = NULL, /* the file states none */
	    .url = "https://www.international.gc.ca/world-monde/international_relations-"
	           "relations_internationales/sanctions/consolidated-consolide.aspx?lang=eng",
	    .licence = "Open Government Licence - Canada (presumed)",
	};
	p->source = wl_dataset_source(p->ds, &src);
	return p->source < 0 ? p->source : WL_OK;
}

/* Ends the field being collected: its text, folded, becomes a field (if not empty). */
static int field_end(ca_parser *p)
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
	p->fields[p->nfields++] = (ca_field){.tag = tag, .line = line, .off = p->x.field_off};
	return WL_OK;
}

static int on_start(void *ctx, const char *name, int depth)
{
	ca_parser *p = ctx;
	if (p->source < 0)
		return on_root(p, name);
	if (!p->in_record) {
		if (depth == 1 && strcmp(name, ca_record) == 0) {
			p->in_record = true;
			p->rec_depth = depth;
			p->rec_line = wl_xml_line(&p->x);
			p->nfields = 0;
			wl_xml_texts_clear(&p->x);
		}
		return WL_OK;
	}
	if (depth == p->rec_depth + 1)
		wl_xml_text_begin(&p->x, name, depth);
	return WL_OK;
}

static int on_end(void *ctx, int depth)
{
	ca_parser *p = ctx;
	if (!p->in_record)
		return WL_OK;
	if (p->x.field && depth == p->x.field_depth) {
		int rc = field_end(p);
		if (rc)
			return rc;
	}
	if (depth != p->rec_depth)
		return WL_OK;
	p->in_record = false;
	return record_emit(p);
}

/* Text inside a field, at any depth below it, is the field's; no-break spaces are spaces. */
static const wl_xml_format ca_format = {
    .root = ca_root,
    .doctype = "a document type declaration is not allowed in the list",
    .text_max = CA_TEXT_MAX,
    .deep_text = true,
    .fold = fold_space,
    .start = on_start,
    .end = on_end,
};

/* ---- entry points ---- */

/* Reads a list from the file descriptor fd, or (fd < 0) from len bytes at data. */
static int read_list(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                     int *source)
{
	if (source)
		*source = -1;
	ca_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return wl_error_set(WL_ENOMEM, "out of memory");
	p->ds = ds;
	p->path = path;
	p->source = -1;
	wl_strmap_init(&p->ids);
	int rc = wl_xml_read(&p->x, &ca_format, p, path, fd, data, len);
	if (source)
		*source = p->source;
	wl_strmap_free(&p->ids);
	free(p->fields);
	free(p);
	return rc;
}

int wl_canada_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source)
{
	return wl_xml_read_mem(ds, path, data, len, source, read_list);
}

static int ca_read(wl_dataset *ds, const char *path)
{
	return wl_xml_read_file(ds, path, read_list);
}

/* ---- sniffing ---- */

/*
 * The list is an XML document whose root is data-set and whose records
 * carry the list's own field names: a generic <data-set> of another kind
 * is not claimed.
 */
static int ca_sniff(const char *path, const char *head, size_t n)
{
	if (!wl_xml_root_is(head, n, ca_root))
		return WL_SNIFF_NO;
	static const char *const marks[] = {"<DateOfListing>", "<EntityOrShip>", "<GivenName>",
	                                    "<DateOfBirthOrShipBuildDate>"};
	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (memmem(head, n, marks[i], strlen(marks[i])))
			return 90;
	return WL_SNIFF_NO;
}

const wl_reader wl_reader_canada_xml = {
    .name = "canada_xml",
    .description = "Canada consolidated autonomous sanctions list, SEMA and JVCFOA (XML)",
    .sniff = ca_sniff,
    .read = ca_read,
};
