/*
 * uk_fcdo_xml.c - the UK Sanctions List (FCDO) reader (see uk_fcdo_xml.h).
 *
 * Streaming. libxml2's xmlTextReader walks the file node by node. Outside
 * a designation the reader looks only at the root (Designations) and at
 * DateGenerated, which dates the list. Inside a Designation it collects
 * the text of every leaf element, however deep (UniqueID, Names/Name/Name6,
 * IndividualDetails/Individual/DOBs/DOB, ...), as a flat list of fields,
 * each knowing its parent element and the line it is on. At the
 * designation's end tag the fields, grouped by parent, become the entity's
 * values; then the list is emptied: memory is one designation, however
 * large the file.
 *
 * Mapping. A group whose leaves belong together is read as one: a Name
 * (Name1..Name6, Name6 the family name, NameType, AliasStrength), a
 * NonLatinName, an Address (AddressLine1..6, AddressPostalCode,
 * AddressCountry), a passport (PassportNumber with its additional
 * information), a national identifier, a place of birth (Location:
 * TownOfBirth, CountryOfBirth). Every other leaf maps by its own name,
 * wherever it sits: DOB, Nationality, Position, Gender, Title, PhoneNumber,
 * EmailAddress, Website, BusinessRegistrationNumber, TypeOfEntity,
 * ParentCompany and Subsidiary (links), IMONumber, CurrentOwnerOperator
 * (an owner link), flag, type, tonnage, year built, hull number, and the
 * designation's own LastUpdated, DateDesignated, RegimeName,
 * UNReferenceNumber (unscId, which links the record to the UN list) and
 * OFSIGroupID (a sameAs link to the OFSI consolidated list's gb-hmt-<id>).
 * Names: "Primary Name" -> name (a Person's Name1 and Name6 also as
 * firstName and lastName), "Primary name variation" -> alias, "Alias" ->
 * alias or, of "Low quality", weakAlias, former names -> previousName,
 * non-Latin names -> alias "original script". Dates are written
 * "dd/mm/yyyy", with unknown parts as "00" or "dd"/"mm" ("00/00/1965",
 * "dd/mm/1945"): they become ISO prefixes of the precision known.
 * Countries become ISO codes; wording that is no known country, the
 * statement of reasons, the sanctions imposed, the designation source and
 * any element the reader does not know go to `notes` with their label.
 * Only the non-Latin name's script type and language are left out: they
 * describe the name, whose script is its own.
 *
 * Errors and safety. libxml2's messages go to a structured handler (for
 * the time of a read also the thread's global ones, which its encoding
 * layer uses), so it prints nothing; the first fatal error is kept with its
 * line and element and surfaces as "FILE:LINE: ELEMENT: message". The
 * parser never touches the network, loads no external DTD and substitutes
 * no entities; a DOCTYPE is refused. One element's text is at most
 * FC_TEXT_MAX bytes, one designation at most FC_FIELDS_MAX leaves.
 */
#include "uk_fcdo_xml.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/error.h"
#include "text/countries.h"

#define FC_TEXT_MAX   (64 * 1024) /* bytes of one element's text */
#define FC_FIELDS_MAX 20000       /* leaves of one designation */
#define FC_DEPTH_MAX  16          /* element levels kept inside a designation */
#define FC_ID_MAX     64          /* bytes of a UniqueID */
#define FC_NAME_MAX   128         /* bytes of an element name in a message */
#define FC_OPTIONS    (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

#if LIBXML_VERSION >= 21200
typedef const xmlError fc_xml_error;
#else
typedef xmlError fc_xml_error;
#endif

static const char fc_root[] = "Designations";
static const char fc_prefix[] = "gb-fcdo";

/* One leaf element's text inside a designation. */
typedef struct fc_field {
	const char *tag;    /* local name (libxml2's dictionary owns it) */
	const char *parent; /* the enclosing element's local name */
	unsigned parent_no; /* which element encloses it: leaves of one element share it */
	size_t seq;         /* document order */
	unsigned long line;
	size_t off; /* the text, NUL-terminated, in the parser's texts */
} fc_field;

/* A growing string for values joined from parts. */
typedef struct fc_buf {
	char *s;
	size_t n, cap;
	bool oom;
} fc_buf;

typedef struct fc_parser {
	wl_dataset *ds;
	const char *path; /* names the list in messages */
	xmlTextReaderPtr xr;
	int source;       /* -1 until the root element */
	const char *last; /* the last element started, for messages */
	/* the designation being read */
	bool in_rec;
	int rec_depth;
	unsigned long rec_line;
	unsigned serial; /* elements started inside designations */
	const char *stack_tag[FC_DEPTH_MAX];
	unsigned stack_no[FC_DEPTH_MAX];
	/* the element whose text is being collected */
	const char *field;
	int field_depth;
	unsigned long field_line;
	size_t field_off;
	fc_field *fields;
	size_t nfields, capfields;
	char *texts;
	size_t ntexts, captexts;
	/* the error libxml2 reported */
	int xml_level;
	unsigned long xml_line;
	char xml_msg[256];
	char xml_field[FC_NAME_MAX];
	fc_buf buf[2];
} fc_parser;

/* The leaves of one element: a Name, an Address, ... or the Designation itself. */
typedef struct fc_group {
	fc_parser *p;
	wl_entity *e;
	const fc_field *f;
	size_t n;
} fc_group;

static int no_memory(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* ---- small text helpers ---- */

static void buf_reset(fc_buf *b)
{
	b->n = 0;
	if (b->s)
		b->s[0] = '\0';
}

static void buf_raw(fc_buf *b, const char *s, size_t len)
{
	if (b->oom)
		return;
	if (b->n + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + len + 1)
			cap *= 2;
		char *ns = realloc(b->s, cap);
		if (!ns) {
			b->oom = true;
			return;
		}
		b->s = ns;
		b->cap = cap;
	}
	memcpy(b->s + b->n, s, len);
	b->n += len;
	b->s[b->n] = '\0';
}

/* Appends text (if any) after sep (if the buffer is not empty). */
static void buf_add(fc_buf *b, const char *sep, const char *text)
{
	if (!text || !*text)
		return;
	if (b->n)
		buf_raw(b, sep, strlen(sep));
	buf_raw(b, text, strlen(text));
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
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

/* True when the letters and digits of s start with those of prefix. */
static bool starts_words(const char *s, const char *prefix)
{
	for (;;) {
		while (*s && !isalnum((unsigned char)*s))
			s++;
		while (*prefix && !isalnum((unsigned char)*prefix))
			prefix++;
		if (!*prefix)
			return true;
		if (tolower((unsigned char)*s++) != tolower((unsigned char)*prefix++))
			return false;
	}
}

/*
 * A day or month part of a "dd/mm/yyyy" date: its value, 0 when the list
 * marks it unknown ("00", "dd", "mm", "--", "xx"), -1 when it is neither.
 */
static int date_part(const char *s, size_t n, int max)
{
	if (digits(s, n) && n <= 2) {
		int v = num(s, n);
		return v <= max ? v : -1;
	}
	if (n != 2 || s[0] != s[1])
		return -1;
	return strchr("dDmMxX-", s[0]) ? 0 : -1;
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

/* "yyyy", "yyyy-mm" or "yyyy-mm-dd" (then a time or nothing) into out. */
static bool iso_date(const char *s, char *out)
{
	size_t n = strlen(s);
	if (n < 4 || !digits(s, 4) || (n > 4 && s[4] != '-'))
		return false;
	int year = num(s, 4), month = 0, day = 0;
	if (n > 4 && (n < 7 || !digits(s + 5, 2) || (month = num(s + 5, 2)) < 1 || month > 12))
		return false;
	if (n > 7 && (s[7] != '-' || n < 10 || !digits(s + 8, 2)))
		return false;
	if (n > 7 && ((day = num(s + 8, 2)) < 1 || day > days_in_month(year, month)))
		return false;
	if (n > 10 && s[10] != 'T' && s[10] != ' ')
		return false;
	if (year < 1000)
		return false;
	format_date(out, year, month, day);
	return true;
}

/*
 * The date text holds, as an ISO prefix in out (11 bytes): "dd/mm/yyyy"
 * (day and month may be unknown: "00/00/1965", "dd/mm/1945", "00/05/1965";
 * a time may follow after a space), a year alone, or an ISO date.
 */
static bool uk_date(const char *s, char *out)
{
	const char *s1 = strchr(s, '/');
	const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	if (!s2)
		return iso_date(s, out);
	const char *y = s2 + 1;
	size_t ylen = strcspn(y, " T");
	if (ylen != 4 || !digits(y, 4) || num(y, 4) < 1000)
		return false;
	int year = num(y, 4);
	int day = date_part(s, (size_t)(s1 - s), 31);
	int month = date_part(s1 + 1, (size_t)(s2 - s1 - 1), 12);
	if (day < 0 || month < 0)
		return false;
	if (!month)
		day = 0;
	if (day > days_in_month(year, month ? month : 1))
		return false;
	format_date(out, year, month, day);
	return true;
}

/* ---- putting values ---- */

static int put(const fc_group *g, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	wl_fact f = {.detail = detail, .country = country, .original = original};
	return wl_entity_puts(g->p->ds, g->e, prop, text, &f);
}

/* A note "label: text". */
static int put_note(const fc_group *g, const char *label, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&g->p->ds->arena, "%s: %s", label, text);
	if (!s)
		return no_memory();
	return put(g, WL_PROP_NOTES, s, NULL, NULL, NULL);
}

/* A date property, or a note when the text is no date. */
static int put_date(const fc_group *g, wl_prop prop, const char *text, const char *label)
{
	char d[11];
	if (!uk_date(text, d))
		return put_note(g, label, text);
	return put(g, prop, d, NULL, NULL, strcmp(d, text) ? text : NULL);
}

/* A country property, or a note when the wording is no known country. */
static int put_country(const fc_group *g, wl_prop prop, const char *text, const char *label)
{
	const char *code = wl_country_code(text, (size_t)-1);
	if (!code)
		return put_note(g, label, text);
	return put(g, prop, code, NULL, NULL, text);
}

/* The text of a group's first field named tag, or NULL. */
static const char *get(const fc_group *g, const char *tag)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->f[i].tag, tag) == 0)
			return g->p->texts + g->f[i].off;
	return NULL;
}

static const char *text_of(const fc_group *g, const fc_field *f)
{
	return g->p->texts + f->off;
}

/* ---- single leaves ---- */

typedef enum leaf_kind {
	LEAF_SKIP,
	LEAF_TEXT,      /* prop, detail */
	LEAF_DATE,      /* prop, or a note label */
	LEAF_COUNTRY,   /* prop, or a note label */
	LEAF_NOTE,      /* label: text */
	LEAF_GENDER,    /* lower case */
	LEAF_EMAIL,     /* one or more, split at ";", "," and spaces */
	LEAF_IMO,       /* without the "IMO" in front */
	LEAF_LINK,      /* a link of type label to a named entity, detail */
	LEAF_OFSI,      /* sameAs gb-hmt-<OFSIGroupID> */
	LEAF_SANCTIONS, /* "Asset freeze|Travel Ban" as a note */
	LEAF_BIRTH_COUNTRY,
	LEAF_NON_LATIN,
} leaf_kind;

typedef struct leaf_rule {
	const char *tag;
	leaf_kind kind;
	wl_prop prop;
	const char *label;  /* a note's label, a link's type */
	const char *detail; /* the value's qualifier */
} leaf_rule;

static const leaf_rule leaf_rules[] = {
    {"UniqueID", LEAF_SKIP, 0, NULL, NULL},
    {"IndividualEntityShip", LEAF_SKIP, 0, NULL, NULL},
    {"NonLatinScriptType", LEAF_SKIP, 0, NULL, NULL},
    {"NonLatinScriptLanguage", LEAF_SKIP, 0, NULL, NULL},
    {"LastUpdated", LEAF_DATE, WL_PROP_MODIFIED_AT, "last updated", NULL},
    {"DateDesignated", LEAF_DATE, WL_PROP_LISTING_DATE, "date designated", NULL},
    {"OFSIGroupID", LEAF_OFSI, 0, "OFSI group ID", NULL},
    {"UNReferenceNumber", LEAF_TEXT, WL_PROP_UNSC_ID, NULL, NULL},
    {"RegimeName", LEAF_TEXT, WL_PROP_PROGRAM, NULL, NULL},
    {"DesignationSource", LEAF_NOTE, 0, "designation source", NULL},
    {"SanctionsImposed", LEAF_SANCTIONS, 0, "sanctions imposed", NULL},
    {"OtherInformation", LEAF_TEXT, WL_PROP_NOTES, NULL, NULL},
    {"UKStatementofReasons", LEAF_NOTE, 0, "UK statement of reasons", NULL},
    {"Title", LEAF_TEXT, WL_PROP_TITLE, NULL, NULL},
    {"DOB", LEAF_DATE, WL_PROP_BIRTH_DATE, "date of birth", NULL},
    {"Nationality", LEAF_COUNTRY, WL_PROP_NATIONALITY, "nationality", NULL},
    {"Position", LEAF_TEXT, WL_PROP_POSITION, NULL, NULL},
    {"Gender", LEAF_GENDER, WL_PROP_GENDER, NULL, NULL},
    {"TownOfBirth", LEAF_TEXT, WL_PROP_BIRTH_PLACE, NULL, NULL},
    {"CountryOfBirth", LEAF_BIRTH_COUNTRY, WL_PROP_BIRTH_PLACE, NULL, NULL},
    {"PhoneNumber", LEAF_TEXT, WL_PROP_PHONE, NULL, NULL},
    {"EmailAddress", LEAF_EMAIL, WL_PROP_EMAIL, NULL, NULL},
    {"Website", LEAF_TEXT, WL_PROP_WEBSITE, NULL, NULL},
    {"BusinessRegistrationNumber", LEAF_TEXT, WL_PROP_REGISTRATION_NUMBER, NULL, NULL},
    {"TypeOfEntity", LEAF_TEXT, WL_PROP_LEGAL_FORM, NULL, NULL},
    {"ParentCompany", LEAF_LINK, 0, "owner", "parent company"},
    {"Subsidiary", LEAF_LINK, 0, "subsidiary", NULL},
    {"IMONumber", LEAF_IMO, WL_PROP_IMO_NUMBER, NULL, NULL},
    {"CurrentOwnerOperator", LEAF_LINK, 0, "owner", "owner/operator"},
    {"PreviousOwnerOperator", LEAF_NOTE, 0, "previous owner/operator", NULL},
    {"CurrentBelievedFlagOfShip", LEAF_COUNTRY, WL_PROP_FLAG, "flag", NULL},
    {"FlagState", LEAF_COUNTRY, WL_PROP_FLAG, "flag", NULL},
    {"Flag", LEAF_COUNTRY, WL_PROP_FLAG, "flag", NULL},
    {"PreviousFlag", LEAF_NOTE, 0, "previous flag", NULL},
    {"TypeOfShip", LEAF_TEXT, WL_PROP_VESSEL_TYPE, NULL, NULL},
    {"ShipType", LEAF_TEXT, WL_PROP_VESSEL_TYPE, NULL, NULL},
    {"TonnageOfShip", LEAF_TEXT, WL_PROP_TONNAGE, NULL, NULL},
    {"Tonnage", LEAF_TEXT, WL_PROP_TONNAGE, NULL, NULL},
    {"LengthOfShip", LEAF_NOTE, 0, "length of ship", NULL},
    {"YearBuilt", LEAF_DATE, WL_PROP_BUILD_DATE, "year built", NULL},
    {"HullIdentificationNumber", LEAF_TEXT, WL_PROP_REGISTRATION_NUMBER, NULL,
     "hull identification number"},
    {"NameNonLatinScript", LEAF_NON_LATIN, WL_PROP_ALIAS, NULL, "original script"},
};

static const leaf_rule *leaf_rule_of(const char *tag)
{
	for (size_t i = 0; i < sizeof(leaf_rules) / sizeof(leaf_rules[0]); i++)
		if (strcmp(leaf_rules[i].tag, tag) == 0)
			return &leaf_rules[i];
	return NULL;
}

static int put_gender(const fc_group *g, const char *text)
{
	fc_buf *b = &g->p->buf[0];
	buf_reset(b);
	buf_raw(b, text, strlen(text));
	if (b->oom)
		return no_memory();
	for (size_t i = 0; i < b->n; i++)
		b->s[i] = (char)tolower((unsigned char)b->s[i]);
	return put(g, WL_PROP_GENDER, b->s, NULL, NULL, strcmp(b->s, text) ? text : NULL);
}

/* "a@x.org; b@y.org": one email value each. */
static int put_emails(const fc_group *g, const char *text)
{
	const char *s = text;
	while (*s) {
		size_t n = strcspn(s, ";, ");
		wl_fact f = {.original = strlen(s) != n || s != text ? text : NULL};
		int rc = n ? wl_entity_put(g->p->ds, g->e, WL_PROP_EMAIL, s, n, &f) : WL_OK;
		if (rc)
			return rc;
		s += n;
		s += *s != '\0';
	}
	return WL_OK;
}

/* "IMO9562233" or "IMO 9562233": the number alone. */
static int put_imo(const fc_group *g, const char *text)
{
	const char *s = text;
	if (strncasecmp(s, "IMO", 3) == 0)
		s += 3;
	while (*s == ' ' || *s == ':' || *s == '.')
		s++;
	if (!*s)
		return put_note(g, "IMO number", text);
	return put(g, WL_PROP_IMO_NUMBER, s, NULL, NULL, s != text ? text : NULL);
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > FC_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			return false;
	return true;
}

/* OFSIGroupID: the same designation on OFSI's consolidated list, gb-hmt-<id>. */
static int put_ofsi_link(const fc_group *g, const char *text)
{
	if (!id_valid(text))
		return put_note(g, "OFSI group ID", text);
	wl_arena *a = &g->p->ds->arena;
	char *target = wl_arena_printf(a, "gb-hmt-%s", text);
	char *detail = wl_arena_printf(a, "OFSI group ID %s", text);
	if (!target || !detail)
		return no_memory();
	return wl_entity_link(g->p->ds, g->e, "sameAs", target, NULL, detail, NULL);
}

/* "Asset freeze|Travel Ban" -> "sanctions imposed: Asset freeze; Travel Ban". */
static int put_sanctions(const fc_group *g, const char *text)
{
	fc_buf *b = &g->p->buf[0];
	buf_reset(b);
	for (const char *s = text; *s;) {
		size_t n = strcspn(s, "|");
		if (n) {
			if (b->n)
				buf_raw(b, "; ", 2);
			buf_raw(b, s, n);
		}
		s += n;
		s += *s == '|';
	}
	if (b->oom)
		return no_memory();
	return put_note(g, "sanctions imposed", b->n ? b->s : NULL);
}

static int put_birth_country(const fc_group *g, const char *text)
{
	const char *code = wl_country_code(text, (size_t)-1);
	return put(g, WL_PROP_BIRTH_PLACE, text, NULL, code, NULL);
}

static int put_leaf(const fc_group *g, const fc_field *f)
{
	const char *text = text_of(g, f);
	const leaf_rule *r = leaf_rule_of(f->tag);
	if (!r)
		return put_note(g, f->tag, text);
	switch (r->kind) {
	case LEAF_SKIP:
		return WL_OK;
	case LEAF_TEXT:
	case LEAF_NON_LATIN:
		return put(g, r->prop, text, r->detail, NULL, NULL);
	case LEAF_DATE:
		return put_date(g, r->prop, text, r->label);
	case LEAF_COUNTRY:
		return put_country(g, r->prop, text, r->label);
	case LEAF_NOTE:
		return put_note(g, r->label, text);
	case LEAF_GENDER:
		return put_gender(g, text);
	case LEAF_EMAIL:
		return put_emails(g, text);
	case LEAF_IMO:
		return put_imo(g, text);
	case LEAF_LINK:
		return wl_entity_link(g->p->ds, g->e, r->label, NULL, text, r->detail, NULL);
	case LEAF_OFSI:
		return put_ofsi_link(g, text);
	case LEAF_SANCTIONS:
		return put_sanctions(g, text);
	case LEAF_BIRTH_COUNTRY:
		return put_birth_country(g, text);
	}
	return WL_OK;
}

/* ---- groups: leaves that belong together ---- */

static const char *const name_tags[] = {"Name1", "Name2",    "Name3",         "Name4", "Name5",
                                        "Name6", "NameType", "AliasStrength", NULL};
static const char *const non_latin_tags[] = {"NameNonLatinScript", "NonLatinScriptType",
                                             "NonLatinScriptLanguage", NULL};
static const char *const address_tags[] = {"AddressLine1",      "AddressLine2",   "AddressLine3",
                                           "AddressLine4",      "AddressLine5",   "AddressLine6",
                                           "AddressPostalCode", "AddressCountry", NULL};
static const char *const passport_tags[] = {"PassportNumber", "PassportAdditionalInformation",
                                            NULL};
static const char *const national_id_tags[] = {"NationalIdentifierNumber",
                                               "NationalIdentifierAdditionalInformation", NULL};
static const char *const location_tags[] = {"TownOfBirth", "CountryOfBirth", NULL};

/* The property and qualifier a name's NameType and AliasStrength call for. */
static wl_prop name_prop(const char *type, const char *strength, const char **detail)
{
	*detail = NULL;
	if (type && same_words(type, "primary name"))
		return WL_PROP_NAME;
	if (type && same_words(type, "primary name variation")) {
		*detail = "primary name variation";
		return WL_PROP_ALIAS;
	}
	if (type && (starts_words(type, "former") || starts_words(type, "previous") ||
	             same_words(type, "fka"))) {
		*detail = type;
		return WL_PROP_PREVIOUS_NAME;
	}
	if (type && !same_words(type, "alias") && !same_words(type, "aka")) {
		*detail = type; /* a name type the list has not used before */
		return WL_PROP_ALIAS;
	}
	*detail = strength;
	return strength && starts_words(strength, "low") ? WL_PROP_WEAK_ALIAS : WL_PROP_ALIAS;
}

/* Name1..Name5 then Name6 (the family name), joined with spaces. */
static int put_name(const fc_group *g)
{
	static const char *const parts[] = {"Name1", "Name2", "Name3", "Name4", "Name5", "Name6"};
	fc_buf *b = &g->p->buf[0];
	buf_reset(b);
	for (size_t i = 0; i < 6; i++)
		buf_add(b, " ", get(g, parts[i]));
	if (b->oom)
		return no_memory();
	if (!b->n)
		return WL_OK;
	const char *detail;
	wl_prop prop = name_prop(get(g, "NameType"), get(g, "AliasStrength"), &detail);
	int rc = put(g, prop, b->s, detail, NULL, NULL);
	if (rc || prop != WL_PROP_NAME || g->e->schema != WL_SCHEMA_PERSON)
		return rc;
	const char *first = get(g, "Name1"), *last = get(g, "Name6");
	if (first && last)
		rc = put(g, WL_PROP_FIRST_NAME, first, NULL, NULL, b->s);
	if (!rc && last && (first || get(g, "Name2")))
		rc = put(g, WL_PROP_LAST_NAME, last, NULL, NULL, b->s);
	return rc;
}

static int put_non_latin(const fc_group *g)
{
	const char *name = get(g, "NameNonLatinScript");
	return name ? put(g, WL_PROP_ALIAS, name, "original script", NULL, NULL) : WL_OK;
}

/* The lines, postal code and country as one address; the country also as a country value. */
static int put_address(const fc_group *g)
{
	fc_buf *b = &g->p->buf[0];
	buf_reset(b);
	for (size_t i = 0; address_tags[i]; i++)
		buf_add(b, ", ", get(g, address_tags[i]));
	if (b->oom)
		return no_memory();
	const char *country = get(g, "AddressCountry");
	const char *code = country ? wl_country_code(country, (size_t)-1) : NULL;
	int rc = b->n ? put(g, WL_PROP_ADDRESS, b->s, NULL, code, NULL) : WL_OK;
	if (!rc && code)
		rc = put(g, WL_PROP_COUNTRY, code, NULL, NULL, country);
	return rc;
}

/* The country a document's note names: "Russia", "(Afghan) issued in Kabul". */
static const char *document_country(const char *info)
{
	if (!info)
		return NULL;
	const char *code = wl_country_code(info, (size_t)-1);
	if (code || info[0] != '(')
		return code;
	size_t n = strcspn(info + 1, ")");
	return info[1 + n] == ')' ? wl_country_code(info + 1, n) : NULL;
}

/* A passport or national identifier: the number, qualified by its additional information. */
static int put_document(const fc_group *g, wl_prop prop, const char *number_tag,
                        const char *info_tag, const char *label)
{
	const char *number = get(g, number_tag), *info = get(g, info_tag);
	if (!number)
		return put_note(g, label, info);
	return put(g, prop, number, info, document_country(info), NULL);
}

/* TownOfBirth and CountryOfBirth as one place, with the country's code. */
static int put_birth_place(const fc_group *g)
{
	const char *town = get(g, "TownOfBirth"), *country = get(g, "CountryOfBirth");
	fc_buf *b = &g->p->buf[0];
	buf_reset(b);
	buf_add(b, ", ", town);
	buf_add(b, ", ", country);
	if (b->oom)
		return no_memory();
	const char *code = country ? wl_country_code(country, (size_t)-1) : NULL;
	return b->n ? put(g, WL_PROP_BIRTH_PLACE, b->s, NULL, code, NULL) : WL_OK;
}

static bool is_one_of(const char *tag, const char *const *tags)
{
	for (; *tags; tags++)
		if (strcmp(tag, *tags) == 0)
			return true;
	return false;
}

/* The group's own reading, and the tags it consumes; NULL tags: leaf by leaf. */
static int put_group(const fc_group *g)
{
	const char *parent = g->f->parent;
	const char *const *tags = NULL;
	int rc = WL_OK;
	if (strcmp(parent, "Name") == 0) {
		tags = name_tags;
		rc = put_name(g);
	} else if (strcmp(parent, "NonLatinName") == 0) {
		tags = non_latin_tags;
		rc = put_non_latin(g);
	} else if (strcmp(parent, "Address") == 0) {
		tags = address_tags;
		rc = put_address(g);
	} else if (strcmp(parent, "PassportDetail") == 0 || strcmp(parent, "Passport") == 0) {
		tags = passport_tags;
		rc = put_document(g, WL_PROP_PASSPORT_NUMBER, "PassportNumber",
		                  "PassportAdditionalInformation", "passport");
	} else if (strcmp(parent, "NationalIdentifier") == 0 ||
	           strcmp(parent, "NationalIdentifierDetail") == 0) {
		tags = national_id_tags;
		rc = put_document(g, WL_PROP_ID_NUMBER, "NationalIdentifierNumber",
		                  "NationalIdentifierAdditionalInformation", "national identifier");
	} else if (strcmp(parent, "Location") == 0) {
		tags = location_tags;
		rc = put_birth_place(g);
	}
	for (size_t i = 0; i < g->n && !rc; i++)
		if (!tags || !is_one_of(g->f[i].tag, tags))
			rc = put_leaf(g, &g->f[i]);
	return rc;
}

/* ---- designations ---- */

/* A leaf of the Designation element itself, or NULL. */
static const fc_field *top_field(const fc_parser *p, const char *tag)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (p->fields[i].parent_no == p->stack_no[0] && strcmp(p->fields[i].tag, tag) == 0)
			return &p->fields[i];
	return NULL;
}

static wl_schema schema_of(const char *type)
{
	if (!type)
		return WL_SCHEMA_LEGAL_ENTITY;
	if (same_words(type, "individual"))
		return WL_SCHEMA_PERSON;
	if (same_words(type, "entity"))
		return WL_SCHEMA_ORGANIZATION;
	if (same_words(type, "ship"))
		return WL_SCHEMA_VESSEL;
	return WL_SCHEMA_LEGAL_ENTITY;
}

static int by_parent(const void *a, const void *b)
{
	const fc_field *x = a, *y = b;
	if (x->parent_no != y->parent_no)
		return x->parent_no < y->parent_no ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Turns the fields of the designation just read into an entity. */
static int record_emit(fc_parser *p)
{
	const fc_field *idf = top_field(p, "UniqueID");
	if (!idf)
		return wl_error_input(p->path, p->rec_line, "UniqueID",
		                      "Designation without a UniqueID");
	const char *id = p->texts + idf->off;
	if (!id_valid(id))
		return wl_error_input(p->path, idf->line, "UniqueID", "not a record id: \"%.64s\"",
		                      id);
	const fc_field *typef = top_field(p, "IndividualEntityShip");
	const char *type = typef ? p->texts + typef->off : NULL;
	wl_schema schema = schema_of(type);
	wl_entity *e = wl_dataset_entity(p->ds, p->source, fc_prefix, id, schema);
	if (!e)
		return no_memory();
	fc_group rec = {p, e, p->fields, p->nfields};
	int rc = put(&rec, WL_PROP_TOPICS, "sanction", NULL, NULL, NULL);
	if (!rc && type && schema == WL_SCHEMA_LEGAL_ENTITY)
		rc = put_note(&rec, "type", type);
	qsort(p->fields, p->nfields, sizeof(*p->fields), by_parent);
	for (size_t i = 0; i < p->nfields && !rc;) {
		size_t j = i + 1;
		while (j < p->nfields && p->fields[j].parent_no == p->fields[i].parent_no)
			j++;
		fc_group g = {p, e, &p->fields[i], j - i};
		rc = put_group(&g);
		i = j;
	}
	return rc;
}

/* ---- the source ---- */

static int add_source(fc_parser *p, const char *list_date)
{
	wl_source src = {
	    .name = "gb_fcdo_sanctions",
	    .title = "UK Sanctions List",
	    .format = "uk_fcdo_xml",
	    .publisher = "UK Foreign, Commonwealth & Development Office",
	    .list_date = list_date,
	    .url = "https://www.gov.uk/government/publications/the-uk-sanctions-list",
	    .licence = "Open Government Licence v3.0",
	};
	int source = wl_dataset_source(p->ds, &src);
	if (source < 0)
		return source;
	p->source = source;
	return WL_OK;
}

/* DateGenerated: the list's date, when it is a whole date. */
static int on_date_generated(fc_parser *p, const char *text)
{
	char d[11];
	if (!uk_date(text, d) || strlen(d) != 10)
		return WL_OK; /* the list stays undated; the index dates it otherwise */
	return add_source(p, d);
}

/* ---- the stream ---- */

static unsigned long node_line(const fc_parser *p)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->xr);
	long line = node ? xmlGetLineNo(node) : -1;
	if (line > 0)
		return (unsigned long)line;
	int pl = xmlTextReaderGetParserLineNumber(p->xr);
	return pl > 0 ? (unsigned long)pl : 0;
}

static int on_root(fc_parser *p, const char *name)
{
	if (strcmp(name, fc_root) != 0)
		return wl_error_input(p->path, node_line(p), name,
		                      "not a UK Sanctions List: the root element is not %s",
		                      fc_root);
	return add_source(p, NULL);
}

static void record_begin(fc_parser *p, const char *name, int depth)
{
	p->in_rec = true;
	p->rec_depth = depth;
	p->rec_line = node_line(p);
	p->stack_tag[0] = name;
	p->stack_no[0] = ++p->serial;
	p->field = NULL;
	p->nfields = 0;
	p->ntexts = 0;
}

/* Starts collecting an element's text (dropping what its parent collected). */
static void field_begin(fc_parser *p, const char *name, int depth)
{
	if (p->field)
		p->ntexts = p->field_off;
	p->field = name;
	p->field_depth = depth;
	p->field_line = node_line(p);
	p->field_off = p->ntexts;
}

static int grow(void **arr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return WL_OK;
	size_t ncap = *cap ? *cap : 64;
	while (ncap < need)
		ncap *= 2;
	void *a = realloc(*arr, ncap * size);
	if (!a)
		return no_memory();
	*arr = a;
	*cap = ncap;
	return WL_OK;
}

/* Folds the white space of the text being collected; returns its length. */
static size_t fold_space(fc_parser *p)
{
	size_t n = p->ntexts - p->field_off, j = 0;
	char *s = n ? p->texts + p->field_off : NULL;
	for (size_t i = 0; i < n; i++) {
		if (!isspace((unsigned char)s[i]))
			s[j++] = s[i];
		else if (j && s[j - 1] != ' ')
			s[j++] = ' ';
	}
	if (j && s[j - 1] == ' ')
		j--;
	if (j)
		s[j] = '\0'; /* on_text left room for it */
	return j;
}

/* Ends the element being collected: its text, white space folded, becomes a field. */
static int field_end(fc_parser *p, int depth)
{
	size_t n = fold_space(p);
	const char *tag = p->field;
	p->field = NULL;
	p->ntexts = p->field_off;
	if (!n)
		return WL_OK;
	if (!p->in_rec)
		return strcmp(tag, "DateGenerated") == 0
		           ? on_date_generated(p, p->texts + p->field_off)
		           : WL_OK;
	if (p->nfields >= FC_FIELDS_MAX)
		return wl_error_input(p->path, p->field_line, tag,
		                      "more than %d elements in one Designation", FC_FIELDS_MAX);
	p->ntexts += n + 1;
	int rc = grow((void **)&p->fields, &p->capfields, p->nfields + 1, sizeof(*p->fields));
	if (rc)
		return rc;
	int rel = depth - p->rec_depth;
	p->fields[p->nfields] = (fc_field){
	    .tag = tag,
	    .parent = p->stack_tag[rel - 1],
	    .parent_no = p->stack_no[rel - 1],
	    .seq = p->nfields,
	    .line = p->field_line,
	    .off = p->field_off,
	};
	p->nfields++;
	return WL_OK;
}

static int on_start(fc_parser *p, const char *name, int depth)
{
	p->last = name;
	if (p->source < 0)
		return on_root(p, name);
	if (!p->in_rec) {
		if (strcmp(name, "Designation") == 0)
			record_begin(p, name, depth);
		else if (strcmp(name, "DateGenerated") == 0)
			field_begin(p, name, depth);
		else
			p->field = NULL;
		return WL_OK;
	}
	int rel = depth - p->rec_depth;
	if (rel <= 0 || rel >= FC_DEPTH_MAX) {
		if (p->field)
			p->ntexts = p->field_off;
		p->field = NULL; /* too deep to keep: its text is dropped */
		return WL_OK;
	}
	p->stack_tag[rel] = name;
	p->stack_no[rel] = ++p->serial;
	field_begin(p, name, depth);
	return WL_OK;
}

static int on_end(fc_parser *p, int depth)
{
	int rc = WL_OK;
	if (p->field && depth == p->field_depth)
		rc = field_end(p, depth);
	if (rc || !p->in_rec || depth != p->rec_depth)
		return rc;
	rc = record_emit(p);
	p->in_rec = false;
	p->field = NULL;
	return rc;
}

static int on_text(fc_parser *p, int depth)
{
	if (!p->field || depth != p->field_depth + 1)
		return WL_OK;
	const char *v = (const char *)xmlTextReaderConstValue(p->xr);
	size_t n = v ? strlen(v) : 0;
	if (p->ntexts - p->field_off + n > FC_TEXT_MAX)
		return wl_error_input(p->path, p->field_line, p->field, "text longer than %d bytes",
		                      FC_TEXT_MAX);
	int rc = grow((void **)&p->texts, &p->captexts, p->ntexts + n + 1, 1);
	if (rc)
		return rc;
	if (n)
		memcpy(p->texts + p->ntexts, v, n);
	p->ntexts += n;
	return WL_OK;
}

static int on_node(fc_parser *p)
{
	int depth = xmlTextReaderDepth(p->xr);
	int rc = WL_OK;
	switch (xmlTextReaderNodeType(p->xr)) {
	case XML_READER_TYPE_ELEMENT:
		rc = on_start(p, (const char *)xmlTextReaderConstLocalName(p->xr), depth);
		if (!rc && xmlTextReaderIsEmptyElement(p->xr))
			rc = on_end(p, depth);
		return rc;
	case XML_READER_TYPE_END_ELEMENT:
		return on_end(p, depth);
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		return on_text(p, depth);
	case XML_READER_TYPE_DOCUMENT_TYPE:
		return wl_error_input(p->path, 0, "DOCTYPE",
		                      "a document type declaration is not allowed in a UK list");
	default:
		return WL_OK; /* comments, processing instructions */
	}
}

/* The element the parser was in when it failed, into p->xml_field. */
static void error_element(fc_parser *p, fc_xml_error *err)
{
	xmlParserCtxtPtr ctxt = err->ctxt;
	p->xml_field[0] = '\0';
	if (!ctxt || (err->domain != XML_FROM_PARSER && err->domain != XML_FROM_NAMESPACE))
		return;
	if (ctxt->name)
		snprintf(p->xml_field, sizeof(p->xml_field), "%s", (const char *)ctxt->name);
	if (err->code == XML_ERR_DOCUMENT_END && ctxt->nameNr > 0 && ctxt->name)
		snprintf(p->xml_msg, sizeof(p->xml_msg),
		         "the file ends inside <%s>: it is truncated", (const char *)ctxt->name);
	else if (err->code == XML_ERR_DOCUMENT_END &&
	         !(ctxt->myDoc && xmlDocGetRootElement(ctxt->myDoc)))
		snprintf(p->xml_msg, sizeof(p->xml_msg), "the file holds no XML element");
}

/* libxml2's structured error handler: keeps the first fatal error (or else the first error). */
static void on_xml_error(void *arg, fc_xml_error *err)
{
	fc_parser *p = arg;
	if (!err || err->level < XML_ERR_ERROR || p->xml_level == XML_ERR_FATAL)
		return;
	if (p->xml_level && err->level != XML_ERR_FATAL)
		return;
	p->xml_level = err->level;
	p->xml_line = err->line > 0 ? (unsigned long)err->line : 0;
	snprintf(p->xml_msg, sizeof(p->xml_msg), "%s", err->message ? err->message : "bad XML");
	size_t n = strlen(p->xml_msg);
	while (n && isspace((unsigned char)p->xml_msg[n - 1]))
		p->xml_msg[--n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (p->xml_msg[i] == '\n')
			p->xml_msg[i] = ' ';
	error_element(p, err);
}

static int parse_error(fc_parser *p)
{
	unsigned long line = p->xml_line;
	if (!line) {
		int pl = xmlTextReaderGetParserLineNumber(p->xr);
		line = pl > 0 ? (unsigned long)pl : 0;
	}
	const char *field = p->xml_field[0] ? p->xml_field : p->last;
	return wl_error_input(p->path, line, field ? field : fc_root, "%s",
	                      p->xml_msg[0] ? p->xml_msg : "malformed XML");
}

/*
 * libxml2's encoding and I/O layers report some errors (and print them)
 * through the thread's global handlers, not the reader's: for the time of
 * one read those are pointed at this reader, and restored afterwards.
 */
typedef struct fc_handlers {
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
} fc_handlers;

static void on_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx; /* the same errors reach on_xml_error, or a parse error follows */
	(void)msg;
}

static void handlers_take(fc_handlers *saved, fc_parser *p)
{
	saved->generic = xmlGenericError;
	saved->generic_ctx = xmlGenericErrorContext;
	saved->structured = xmlStructuredError;
	saved->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(p, on_generic_error);
	xmlSetStructuredErrorFunc(p, on_xml_error);
}

static void handlers_restore(const fc_handlers *saved)
{
	xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
	xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* Reads the stream of p->xr to its end, or to the first error. */
static int read_nodes(fc_parser *p)
{
	xmlTextReaderSetStructuredErrorHandler(p->xr, on_xml_error, p);
	int rc = WL_OK, r = 1;
	while (!rc && (r = xmlTextReaderRead(p->xr)) == 1)
		rc = on_node(p);
	if (!rc && r < 0)
		rc = parse_error(p);
	if (!rc && p->source < 0)
		rc = wl_error_input(p->path, 0, fc_root, "no %s element", fc_root);
	return rc;
}

/* Reads a list from the file descriptor fd, or (fd < 0) from len bytes at data. */
static int read_list(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                     int *source)
{
	if (source)
		*source = -1;
	fc_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return no_memory();
	p->ds = ds;
	p->path = path;
	p->source = -1;
	fc_handlers saved;
	handlers_take(&saved, p);
	p->xr = fd >= 0 ? xmlReaderForFd(fd, NULL, NULL, FC_OPTIONS)
	                : xmlReaderForMemory(data, (int)len, NULL, NULL, FC_OPTIONS);
	int rc = p->xr ? read_nodes(p)
	               : wl_error_set(WL_ENOMEM, "%s: cannot start the XML reader", path);
	xmlFreeTextReader(p->xr);
	handlers_restore(&saved);
	if (source)
		*source = p->source;
	free(p->fields);
	free(p->texts);
	for (size_t i = 0; i < sizeof(p->buf) / sizeof(p->buf[0]); i++)
		free(p->buf[i].s);
	free(p);
	return rc;
}

int wl_uk_fcdo_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	if (len > INT_MAX)
		return wl_error_input(path, 0, NULL, "larger than %d bytes", INT_MAX);
	if (!data)
		data = "", len = 0;
	return read_list(ds, path, -1, data, len, source);
}

static int fcdo_read(wl_dataset *ds, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(errno));
	int source;
	int rc = read_list(ds, path, fd, NULL, 0, &source);
	close(fd);
	if (!rc)
		rc = wl_dataset_source_file(ds, source, path, "list");
	return rc;
}

/* ---- sniffing ---- */

/* Points past the first occurrence of what in [p, end), or NULL. */
static const char *skip_past(const char *p, const char *end, const char *what)
{
	const char *hit = memmem(p, (size_t)(end - p), what, strlen(what));
	return hit ? hit + strlen(what) : NULL;
}

/* A UK Sanctions List is an XML document whose root element is Designations. */
static int fcdo_sniff(const char *path, const char *head, size_t n)
{
	const char *p = head, *end = head + n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (end - p < 2 || *p != '<')
			return WL_SNIFF_NO;
		if (p[1] != '?' && p[1] != '!')
			break;
		bool comment = end - p >= 4 && memcmp(p, "<!--", 4) == 0;
		p = skip_past(p + 2, end, p[1] == '?' ? "?>" : comment ? "-->" : ">");
		if (!p)
			return WL_SNIFF_NO;
	}
	size_t len = strlen(fc_root);
	p++;
	if ((size_t)(end - p) <= len || memcmp(p, fc_root, len) != 0)
		return WL_SNIFF_NO;
	char c = p[len];
	return c == '>' || c == '/' || isspace((unsigned char)c) ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_uk_fcdo_xml = {
    .name = "uk_fcdo_xml",
    .description = "UK Sanctions List (FCDO, XML)",
    .sniff = fcdo_sniff,
    .read = fcdo_read,
};
