/*
 * uk_fcdo_xml.c - the UK Sanctions List (FCDO) reader (see uk_fcdo_xml.h).
 *
 * Streaming. The file is read node by node through the XML layer the list
 * readers share (xml_stream.c). Outside a designation the reader looks
 * only at the root (Designations) and at DateGenerated, which dates the
 * list. Inside a Designation it collects the text of every leaf element,
 * however deep (UniqueID, Names/Name/Name6, IndividualDetails/Individual/
 * DOBs/DOB, ...), as a flat list of fields, each knowing its parent
 * element and the line it is on. At the
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
 * Errors and safety are the XML layer's (xml_stream.c): libxml2's errors
 * surface as "FILE:LINE: ELEMENT: message", nothing is printed, no network,
 * no DTD loading, no entity substitution, a DOCTYPE is refused. One
 * element's text is at most FC_TEXT_MAX bytes, one designation at most
 * FC_FIELDS_MAX leaves.
 */
#include "uk_fcdo_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "sources/dmy_dates.h"
#include "sources/words.h"
#include "text/countries.h"
#include "xml_stream.h"

#define FC_TEXT_MAX   (64 * 1024) /* bytes of one element's text */
#define FC_FIELDS_MAX 20000       /* leaves of one designation */
#define FC_DEPTH_MAX  16          /* element levels kept inside a designation */
#define FC_ID_MAX     64          /* bytes of a UniqueID */

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
	wl_xml x;         /* the stream, and the texts of the designation's leaves */
	int source;       /* -1 until the root element */
	/* the designation being read */
	bool in_rec;
	int rec_depth;
	unsigned long rec_line;
	unsigned serial; /* elements started inside designations */
	const char *stack_tag[FC_DEPTH_MAX];
	unsigned stack_no[FC_DEPTH_MAX];
	fc_field *fields;
	size_t nfields, capfields;
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

/* "yyyy", "yyyy-mm" or "yyyy-mm-dd" (then a time or nothing) into out. */
static bool iso_date(const char *s, char *out)
{
	size_t n = strlen(s);
	if (n < 4 || !wl_dmy_digits(s, 4) || (n > 4 && s[4] != '-'))
		return false;
	int year = wl_dmy_num(s, 4), month = 0, day = 0;
	if (n > 4 && (n < 7 || !wl_dmy_digits(s + 5, 2) || (month = wl_dmy_num(s + 5, 2)) < 1 || month > 12))
		return false;
	if (n > 7 && (s[7] != '-' || n < 10 || !wl_dmy_digits(s + 8, 2)))
		return false;
	if (n > 7 && ((day = wl_dmy_num(s + 8, 2)) < 1 || day > wl_dmy_days_in_month(year, month)))
		return false;
	if (n > 10 && s[10] != 'T' && s[10] != ' ')
		return false;
	if (year < 1000)
		return false;
	wl_dmy_format(out, year, month, day);
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
	if (ylen != 4 || !wl_dmy_digits(y, 4) || wl_dmy_num(y, 4) < 1000)
		return false;
	int year = wl_dmy_num(y, 4);
	int day = wl_dmy_part(s, (size_t)(s1 - s), 31);
	int month = wl_dmy_part(s1 + 1, (size_t)(s2 - s1 - 1), 12);
	if (day < 0 || month < 0)
		return false;
	if (!month)
		day = 0;
	if (day > wl_dmy_days_in_month(year, month ? month : 1))
		return false;
	wl_dmy_format(out, year, month, day);
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
			return g->p->x.texts + g->f[i].off;
	return NULL;
}

static const char *text_of(const fc_group *g, const fc_field *f)
{
	return g->p->x.texts + f->off;
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
	if (type && wl_same_words(type, "primary name"))
		return WL_PROP_NAME;
	if (type && wl_same_words(type, "primary name variation")) {
		*detail = "primary name variation";
		return WL_PROP_ALIAS;
	}
	if (type && (wl_starts_words(type, "former") || wl_starts_words(type, "previous") ||
	             wl_same_words(type, "fka"))) {
		*detail = type;
		return WL_PROP_PREVIOUS_NAME;
	}
	if (type && !wl_same_words(type, "alias") && !wl_same_words(type, "aka")) {
		*detail = type; /* a name type the list has not used before */
		return WL_PROP_ALIAS;
	}
	*detail = strength;
	return strength && wl_starts_words(strength, "low") ? WL_PROP_WEAK_ALIAS : WL_PROP_ALIAS;
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
	if (wl_same_words(type, "individual"))
		return WL_SCHEMA_PERSON;
	if (wl_same_words(type, "entity"))
		return WL_SCHEMA_ORGANIZATION;
	if (wl_same_words(type, "ship"))
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
	const char *id = p->x.texts + idf->off;
	if (!id_valid(id))
		return wl_error_input(p->path, idf->line, "UniqueID", "not a record id: \"%.64s\"",
		                      id);
	const fc_field *typef = top_field(p, "IndividualEntityShip");
	const char *type = typef ? p->x.texts + typef->off : NULL;
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

static int on_root(fc_parser *p, const char *name)
{
	if (strcmp(name, fc_root) != 0)
		return wl_error_input(p->path, wl_xml_line(&p->x), name,
		                      "not a UK Sanctions List: the root element is not %s",
		                      fc_root);
	return add_source(p, NULL);
}

static void record_begin(fc_parser *p, const char *name, int depth)
{
	p->in_rec = true;
	p->rec_depth = depth;
	p->rec_line = wl_xml_line(&p->x);
	p->stack_tag[0] = name;
	p->stack_no[0] = ++p->serial;
	p->nfields = 0;
	wl_xml_texts_clear(&p->x);
}

/* Ends the element being collected: its text, white space folded, becomes a field. */
static int field_end(fc_parser *p, int depth)
{
	const char *tag = p->x.field;
	unsigned long line = p->x.field_line;
	size_t n = wl_xml_text_end(&p->x);
	if (!n)
		return WL_OK;
	if (!p->in_rec)
		return strcmp(tag, "DateGenerated") == 0
		           ? on_date_generated(p, p->x.texts + p->x.field_off)
		           : WL_OK;
	if (p->nfields >= FC_FIELDS_MAX)
		return wl_error_input(p->path, line, tag,
		                      "more than %d elements in one Designation", FC_FIELDS_MAX);
	wl_xml_text_keep(&p->x, n);
	int rc =
	    wl_xml_grow((void **)&p->fields, &p->capfields, p->nfields + 1, sizeof(*p->fields));
	if (rc)
		return rc;
	int rel = depth - p->rec_depth;
	p->fields[p->nfields] = (fc_field){
	    .tag = tag,
	    .parent = p->stack_tag[rel - 1],
	    .parent_no = p->stack_no[rel - 1],
	    .seq = p->nfields,
	    .line = line,
	    .off = p->x.field_off,
	};
	p->nfields++;
	return WL_OK;
}

static int on_start(void *ctx, const char *name, int depth)
{
	fc_parser *p = ctx;
	if (p->source < 0)
		return on_root(p, name);
	if (!p->in_rec) {
		if (strcmp(name, "Designation") == 0)
			record_begin(p, name, depth);
		else if (strcmp(name, "DateGenerated") == 0)
			wl_xml_text_begin(&p->x, name, depth);
		else
			wl_xml_text_drop(&p->x);
		return WL_OK;
	}
	int rel = depth - p->rec_depth;
	if (rel <= 0 || rel >= FC_DEPTH_MAX) {
		wl_xml_text_drop(&p->x); /* too deep to keep: its text is dropped */
		return WL_OK;
	}
	p->stack_tag[rel] = name;
	p->stack_no[rel] = ++p->serial;
	wl_xml_text_begin(&p->x, name, depth);
	return WL_OK;
}

static int on_end(void *ctx, int depth)
{
	fc_parser *p = ctx;
	int rc = WL_OK;
	if (p->x.field && depth == p->x.field_depth)
		rc = field_end(p, depth);
	if (rc || !p->in_rec || depth != p->rec_depth)
		return rc;
	rc = record_emit(p);
	p->in_rec = false;
	wl_xml_text_drop(&p->x);
	return rc;
}

static const wl_xml_format fc_format = {
    .root = fc_root,
    .doctype = "a document type declaration is not allowed in a UK list",
    .text_max = FC_TEXT_MAX,
    .start = on_start,
    .end = on_end,
};

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
	int rc = wl_xml_read(&p->x, &fc_format, p, path, fd, data, len);
	if (source)
		*source = p->source;
	free(p->fields);
	for (size_t i = 0; i < sizeof(p->buf) / sizeof(p->buf[0]); i++)
		free(p->buf[i].s);
	free(p);
	return rc;
}

int wl_uk_fcdo_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	return wl_xml_read_mem(ds, path, data, len, source, read_list);
}

static int fcdo_read(wl_dataset *ds, const char *path)
{
	return wl_xml_read_file(ds, path, read_list);
}

/* ---- sniffing ---- */

/* A UK Sanctions List is an XML document whose root element is Designations. */
static int fcdo_sniff(const char *path, const char *head, size_t n)
{
	return wl_xml_root_is(head, n, fc_root) ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_uk_fcdo_xml = {
    .name = "uk_fcdo_xml",
    .description = "UK Sanctions List (FCDO, XML)",
    .sniff = fcdo_sniff,
    .read = fcdo_read,
};
