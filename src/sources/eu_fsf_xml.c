/*
 * eu_fsf_xml.c - the EU consolidated financial sanctions list (see eu_fsf_xml.h).
 *
 * Streaming. The file is read node by node through the XML layer the list
 * readers share (xml_stream.c). The root must be <export> (its
 * generationDate dates the list). Inside each <sanctionEntity> the reader
 * keeps every element as a node: its tag, its line, its attributes (local
 * names, values with white space folded) and its text, and which child of
 * the record ("part") it belongs to. At the record's end tag the nodes
 * become the entity's values and are dropped: memory holds one record,
 * however large the file.
 *
 * Mapping (FSF 1.1 names):
 *   - subjectType code person -> Person, enterprise -> Organization (else
 *     classificationCode P/E, else LegalEntity); logicalId is the id (a
 *     record without one, or repeating one of the same file, is bad input);
 *     unitedNationId -> unscId; euReferenceNumber and designationDetails
 *     -> notes; designationDate -> listingDate.
 *   - nameAlias: the first strong Latin-script name (English or without a
 *     language first) is the name; other strong names are aliases (the
 *     nameLanguage as detail), non-Latin ones with the detail "original
 *     script"; strong="false", or a remark saying "low quality", makes a
 *     weakAlias. A person's strong names give firstName, middleName and
 *     lastName; title -> title, function -> position (a person) or notes,
 *     gender M/F -> male/female.
 *   - regulation: programme -> program (numberTitle as detail, type and
 *     dates as original), publicationUrl -> sourceUrl, the latest
 *     publication or entry-into-force date -> modifiedAt.
 *   - citizenship -> nationality; birthdate -> birthDate from birthdate or
 *     year / monthOfYear / dayOfMonth (or month / day), qualified "circa",
 *     and each year of yearRangeFrom..yearRangeTo ("between A and B"; one
 *     end alone: "from A" / "until B"); a calendar other than Gregorian
 *     goes to notes; its city, place, region and country -> birthPlace.
 *   - identification -> passportNumber, swiftBic, imoNumber,
 *     registrationNumber, taxNumber or idNumber by identificationTypeCode,
 *     the description (and diplomatic, known expired, known false, reported
 *     lost, revoked flags) as detail, the issuing country as its country,
 *     issuer, dates, name on document and remarks as the original wording.
 *   - address -> address and country; contactInfo PHONE/FAX -> phone,
 *     EMAIL -> email, WEB -> website.
 *   - Countries: countryIso2Code when it is a code ("00" is none), else
 *     countryDescription through countries.h; "UNKNOWN" is none; a
 *     description that is no known country goes to notes.
 *   - remark -> notes (on a part: labelled with the part). An element or
 *     attribute this reader does not know goes to notes with its name.
 *     Publication metadata of the parts (regulationSummary,
 *     regulationLanguage, the parts' own logicalIds) is not about the
 *     listed entity and is left out by design.
 *
 * Errors and safety are the XML layer's (xml_stream.c): libxml2's errors
 * surface as "FILE:LINE: ELEMENT: message"; no network, no DTD loading, no
 * entity substitution, a DOCTYPE is refused; one text or attribute value
 * is at most EU_TEXT_MAX bytes.
 */
#include "eu_fsf_xml.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "text/countries.h"
#include "xml_stream.h"

#define EU_TEXT_MAX  (32 * 1024)       /* bytes of one text or attribute value */
#define EU_JOIN_MAX  (4 * EU_TEXT_MAX) /* bytes of a value joined from parts */
#define EU_ID_MAX    64                /* bytes of a logicalId */
#define EU_RANGE_MAX 20                /* years of a range spelt out one by one */
#define EU_NONE      ((size_t)-1)

static const char eu_root[] = "export";
static const char eu_record[] = "sanctionEntity";

typedef struct eu_attr {
	const char *name; /* local name (libxml2's dictionary owns it) */
	size_t off;       /* the value, folded and NUL-terminated, in the parser's texts */
} eu_attr;

/* One element of a record: the record itself (level 0), a part (1), or within a part (2). */
typedef struct eu_node {
	const char *tag;
	int level;
	unsigned part; /* which child of the record: nodes of one part share it */
	unsigned long line;
	size_t attr0, nattrs; /* the node's attributes in the parser's attrs */
	size_t text;          /* its text's offset, or EU_NONE */
} eu_node;

typedef struct eu_parser {
	wl_dataset *ds;
	const char *path;
	wl_xml x; /* the stream, and the texts and attribute values of the record's nodes */
	int source;
	/* the record being read */
	bool in_record;
	int rec_depth;
	unsigned part;
	eu_node *nodes; /* the last one's text is being collected, when x.field is set */
	size_t nnodes, capnodes;
	eu_attr *attrs;
	size_t nattrs, capattrs;
	wl_strmap ids; /* logicalIds of this file -> line of the record */
	/* scratch space for values joined from parts */
	char join[4][EU_JOIN_MAX];
} eu_parser;

/* A record being turned into an entity. */
typedef struct eu_rec {
	eu_parser *p;
	wl_entity *e;
	const eu_node *root;
	char modified[11]; /* the latest regulation date */
} eu_rec;

/* A part of the record: its first node and how many nodes it has. */
typedef struct eu_part {
	const eu_rec *r;
	const eu_node *n;
	size_t count;
} eu_part;

/* ---- small text helpers ---- */

typedef struct eu_buf {
	char *s;
	size_t n, cap;
} eu_buf;

static void buf_init(eu_buf *b, char *mem)
{
	b->s = mem;
	b->n = 0;
	b->cap = EU_JOIN_MAX;
	mem[0] = '\0';
}

/* Appends s, cut (at a character boundary) when the buffer is full. */
static void buf_raw(eu_buf *b, const char *s)
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

/* Appends prefix and text (if there is text) after sep (if the buffer is not empty). */
static void buf_add(eu_buf *b, const char *sep, const char *prefix, const char *text)
{
	if (!text || !*text)
		return;
	if (b->n)
		buf_raw(b, sep);
	buf_raw(b, prefix);
	buf_raw(b, text);
}

static const char *buf_str(const eu_buf *b)
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

/* Length of the ISO date (YYYY, YYYY-MM or YYYY-MM-DD) s starts with, or 0. */
static size_t iso_date_len(const char *s)
{
	if (!digits(s, 4) || num(s, 4) < 1000)
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

/* The date text holds (a date, or a date and time "2025-05-30T12:00:00+02:00") into out. */
static bool date_of(const char *text, char *out)
{
	size_t n = text ? iso_date_len(text) : 0;
	if (!n)
		return false;
	char next = text[n];
	if (next && !(n == 10 && (next == 'T' || next == ' ' || next == 'Z' || next == '+')))
		return false;
	memcpy(out, text, n);
	out[n] = '\0';
	return true;
}

/* A whole number of at most digits places ("1937", "04"), or -1. */
static int small_number(const char *s, size_t places)
{
	size_t n = s ? strlen(s) : 0;
	return n && n <= places && digits(s, n) ? num(s, n) : -1;
}

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
		return !(cp >= 0x1AB0 && cp < 0x1B00);
	if (cp >= 0x2E80 && cp < 0xFB00)
		return true;
	return cp >= 0xFB1D && cp < 0xFE00;
}

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

static bool is_true(const char *s)
{
	return s && strcasecmp(s, "true") == 0;
}

/* ---- reading a record's nodes ---- */

/* The value of a node's attribute, or NULL when it is absent or empty. */
static const char *attr(const eu_parser *p, const eu_node *n, const char *name)
{
	for (size_t i = n->attr0; i < n->attr0 + n->nattrs; i++)
		if (strcmp(p->attrs[i].name, name) == 0) {
			const char *v = p->x.texts + p->attrs[i].off;
			return *v ? v : NULL;
		}
	return NULL;
}

static const char *text_of(const eu_parser *p, const eu_node *n)
{
	return n->text == EU_NONE ? NULL : p->x.texts + n->text;
}

/* The text of the part's first child node named tag, or NULL. */
static const char *child_text(const eu_part *g, const char *tag)
{
	for (size_t i = 1; i < g->count; i++)
		if (strcmp(g->n[i].tag, tag) == 0 && text_of(g->r->p, &g->n[i]))
			return text_of(g->r->p, &g->n[i]);
	return NULL;
}

static const char *get(const eu_part *g, const char *name)
{
	return attr(g->r->p, g->n, name);
}

/* ---- putting values ---- */

static int put(const eu_part *g, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	wl_fact f = {.detail = detail, .country = country, .original = original};
	return wl_entity_puts(g->r->p->ds, g->r->e, prop, text, &f);
}

/* A note "label: text". */
static int put_note(const eu_part *g, const char *label, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&g->r->p->ds->arena, "%s: %s", label, text);
	if (!s)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put(g, WL_PROP_NOTES, s, NULL, NULL, NULL);
}

/* A note "label1 label2: text". */
static int put_note2(const eu_part *g, const char *label1, const char *label2, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&g->r->p->ds->arena, "%s %s: %s", label1, label2, text);
	if (!s)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put(g, WL_PROP_NOTES, s, NULL, NULL, NULL);
}

/* The ISO code of a part's country: countryIso2Code, else countryDescription. */
static const char *part_country(const eu_part *g, const char **wording)
{
	const char *iso = get(g, "countryIso2Code"), *desc = get(g, "countryDescription");
	if (desc && strcasecmp(desc, "UNKNOWN") == 0)
		desc = NULL;
	*wording = desc;
	if (iso && strlen(iso) == 2 && isalpha((unsigned char)iso[0]) &&
	    isalpha((unsigned char)iso[1])) {
		char code[3] = {(char)tolower((unsigned char)iso[0]),
		                (char)tolower((unsigned char)iso[1]), '\0'};
		const char *known = wl_country_code(code, 2);
		if (known)
			return known;
	}
	return desc ? wl_country_code(desc, (size_t)-1) : NULL;
}

/* ---- attributes and elements this reader does not know: notes ---- */

typedef struct eu_known {
	const char *tag;
	const char *attrs; /* space-separated attribute names */
} eu_known;

static const eu_known eu_known_attrs[] = {
    {"sanctionEntity", "designationDetails unitedNationId euReferenceNumber logicalId "
                       "designationDate"},
    {"regulation", "regulationType organisationType publicationDate entryIntoForceDate "
                   "numberTitle programme logicalId"},
    {"subjectType", "code classificationCode"},
    {"nameAlias", "firstName middleName lastName wholeName function gender title nameLanguage "
                  "strong regulationLanguage logicalId"},
    {"citizenship", "region countryIso2Code countryDescription regulationLanguage logicalId"},
    {"birthdate", "circa calendarType city zipCode birthdate dayOfMonth monthOfYear year day "
                  "month yearRangeFrom yearRangeTo region place countryIso2Code "
                  "countryDescription regulationLanguage logicalId"},
    {"identification", "diplomatic knownExpired knownFalse reportedLost revokedByIssuer "
                       "issuedBy latinNumber nameOnDocument number region countryIso2Code "
                       "countryDescription identificationTypeCode identificationTypeDescription "
                       "issueDate validFrom validTo regulationLanguage logicalId"},
    {"address", "city street poBox zipCode region place asAtListingTime countryIso2Code "
                "countryDescription regulationLanguage logicalId"},
    {"contactInfo", "key value"},
    {"remark", ""},
    {"publicationUrl", ""},
};

static const eu_known *known_element(const char *tag)
{
	if (strcmp(tag, "regulationSummary") == 0)
		return NULL; /* publication metadata: left out as a whole */
	for (size_t i = 0; i < sizeof(eu_known_attrs) / sizeof(eu_known_attrs[0]); i++)
		if (strcmp(eu_known_attrs[i].tag, tag) == 0)
			return &eu_known_attrs[i];
	return NULL;
}

static bool word_in(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *s = list; (s = strstr(s, word)); s += n)
		if ((s == list || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
			return true;
	return false;
}

/* Notes for a node's attributes no handler reads, and for elements unknown here. */
static int put_unknown(const eu_part *g, const eu_node *n)
{
	const eu_parser *p = g->r->p;
	const eu_known *k = known_element(n->tag);
	int rc = WL_OK;
	if (!k && strcmp(n->tag, "regulationSummary") == 0)
		return WL_OK;
	if (!k)
		rc = put_note(g, n->tag, text_of(p, n));
	for (size_t i = n->attr0; i < n->attr0 + n->nattrs && !rc; i++)
		if (!k || !word_in(k->attrs, p->attrs[i].name))
			rc = put_note2(g, n->tag, p->attrs[i].name, p->x.texts + p->attrs[i].off);
	return rc;
}

/* ---- nameAlias ---- */

static const char *alias_name(const eu_part *g, eu_buf *b)
{
	const char *whole = get(g, "wholeName");
	if (whole)
		return whole;
	buf_add(b, " ", "", get(g, "firstName"));
	buf_add(b, " ", "", get(g, "middleName"));
	buf_add(b, " ", "", get(g, "lastName"));
	return buf_str(b);
}

/* A remark that grades the name ("low quality", "good quality"): true for low. */
static bool quality_remark(const char *remark, bool *low)
{
	if (!remark || !strcasestr(remark, "quality"))
		return false;
	*low = strcasestr(remark, "low quality") || strcasestr(remark, "lo quality");
	return true;
}

static bool alias_weak(const eu_part *g)
{
	bool low = false;
	const char *strong = get(g, "strong");
	if (strong && strcasecmp(strong, "false") == 0)
		return true;
	return quality_remark(child_text(g, "remark"), &low) && low;
}

/* How fit a nameAlias is to be the name: 3 best, 0 never (no name). */
static int name_rank(const eu_part *g)
{
	eu_buf b;
	buf_init(&b, g->r->p->join[0]);
	const char *name = alias_name(g, &b);
	if (!name)
		return 0;
	if (alias_weak(g))
		return 1;
	if (has_non_latin(name))
		return 2;
	const char *lang = get(g, "nameLanguage");
	return !lang || strcasecmp(lang, "EN") == 0 ? 5 : 4;
}

static int put_gender(const eu_part *g, const char *gender)
{
	if (!gender)
		return WL_OK;
	if (strcasecmp(gender, "M") == 0 || strcasecmp(gender, "male") == 0)
		return put(g, WL_PROP_GENDER, "male", NULL, NULL, NULL);
	if (strcasecmp(gender, "F") == 0 || strcasecmp(gender, "female") == 0)
		return put(g, WL_PROP_GENDER, "female", NULL, NULL, NULL);
	return put_note(g, "gender", gender);
}

/* A nameAlias's facts besides the name: parts, title, function, gender, remark. */
static int put_alias_facts(const eu_part *g, const char *name, bool weak)
{
	bool person = g->r->e->schema == WL_SCHEMA_PERSON, low;
	int rc = WL_OK;
	if (person && !weak) {
		rc = put(g, WL_PROP_FIRST_NAME, get(g, "firstName"), NULL, NULL, NULL);
		if (!rc)
			rc = put(g, WL_PROP_MIDDLE_NAME, get(g, "middleName"), NULL, NULL, NULL);
		if (!rc)
			rc = put(g, WL_PROP_LAST_NAME, get(g, "lastName"), NULL, NULL, NULL);
	}
	if (!rc)
		rc = put(g, WL_PROP_TITLE, get(g, "title"), NULL, NULL, NULL);
	if (!rc && person)
		rc = put(g, WL_PROP_POSITION, get(g, "function"), NULL, NULL, NULL);
	else if (!rc)
		rc = put_note(g, "function", get(g, "function"));
	if (!rc)
		rc = put_gender(g, get(g, "gender"));
	for (size_t i = 1; i < g->count && !rc; i++) {
		const char *remark = text_of(g->r->p, &g->n[i]);
		if (strcmp(g->n[i].tag, "remark") != 0 || quality_remark(remark, &low))
			continue;
		rc = name ? put_note2(g, "alias", name, remark) : put_note(g, "alias", remark);
	}
	return rc;
}

static int put_alias(const eu_part *g, bool primary)
{
	eu_buf b;
	buf_init(&b, g->r->p->join[0]);
	const char *name = alias_name(g, &b), *lang = get(g, "nameLanguage");
	bool weak = alias_weak(g);
	int rc = WL_OK;
	if (name && primary)
		rc = put(g, WL_PROP_NAME, name, NULL, NULL, NULL);
	else if (name) {
		bool script = has_non_latin(name);
		wl_prop prop = weak ? WL_PROP_WEAK_ALIAS : WL_PROP_ALIAS;
		rc = put(g, prop, name, script ? "original script" : lang, NULL, NULL);
	}
	return rc ? rc : put_alias_facts(g, name, weak);
}

/* ---- regulation ---- */

/* The latest of the regulation's dates, kept for modifiedAt. */
static void note_modified(eu_rec *r, const char *date)
{
	char d[11];
	if (date_of(date, d) && strlen(d) == 10 && strcmp(d, r->modified) > 0)
		memcpy(r->modified, d, sizeof(d));
}

static int put_regulation(const eu_part *g)
{
	const char *programme = get(g, "programme"), *title = get(g, "numberTitle");
	eu_buf b;
	buf_init(&b, g->r->p->join[1]);
	buf_add(&b, "; ", "", get(g, "regulationType"));
	buf_add(&b, "; ", "", get(g, "organisationType"));
	buf_add(&b, "; ", "", title);
	buf_add(&b, "; ", "published ", get(g, "publicationDate"));
	buf_add(&b, "; ", "in force ", get(g, "entryIntoForceDate"));
	note_modified((eu_rec *)g->r, get(g, "publicationDate"));
	note_modified((eu_rec *)g->r, get(g, "entryIntoForceDate"));
	int rc = put(g, WL_PROP_SOURCE_URL, child_text(g, "publicationUrl"), NULL, NULL, NULL);
	if (rc)
		return rc;
	if (programme)
		return put(g, WL_PROP_PROGRAM, programme, title, NULL, buf_str(&b));
	if (title)
		return put(g, WL_PROP_PROGRAM, title, NULL, NULL, buf_str(&b));
	return put_note(g, "regulation", buf_str(&b));
}

/* ---- citizenship ---- */

static int put_citizenship(const eu_part *g)
{
	const char *wording, *code = part_country(g, &wording);
	int rc = WL_OK;
	if (code)
		rc = put(g, WL_PROP_NATIONALITY, code, NULL, NULL, wording);
	else if (wording)
		rc = put_note(g, "nationality", wording);
	if (!rc)
		rc = put_note(g, "citizenship region", get(g, "region"));
	return rc;
}

/* ---- birthdate ---- */

/* The date of year / monthOfYear / dayOfMonth (or month / day) into out; false when none. */
static bool birth_parts(const eu_part *g, char *out)
{
	const char *ms = get(g, "monthOfYear"), *ds = get(g, "dayOfMonth");
	int year = small_number(get(g, "year"), 4);
	int month = small_number(ms ? ms : get(g, "month"), 2);
	int day = small_number(ds ? ds : get(g, "day"), 2);
	if (year < 1000)
		return false;
	if (month < 1 || month > 12)
		month = day = 0;
	if (day < 1 || (month && day > days_in_month(year, month)))
		day = 0;
	format_date(out, year, month, day);
	return true;
}

/* The qualifier of a birth date: "circa", "between 1953 and 1958", "from 1953", "until 1980". */
static void birth_detail(const eu_part *g, eu_buf *b)
{
	const char *from = get(g, "yearRangeFrom"), *to = get(g, "yearRangeTo");
	if (from && to) {
		buf_add(b, "; ", "between ", from);
		buf_add(b, "", " and ", to);
	} else {
		buf_add(b, "; ", "from ", from);
		buf_add(b, "; ", "until ", to);
	}
	if (is_true(get(g, "circa")))
		buf_add(b, "; ", "", "circa");
}

/* Each year of yearRangeFrom..yearRangeTo (only the ends of a long one); false when none. */
static int put_year_range(const eu_part *g, const char *detail, int *count)
{
	int from = small_number(get(g, "yearRangeFrom"), 4),
	    to = small_number(get(g, "yearRangeTo"), 4);
	if (from < 1000)
		from = to;
	if (to < 1000)
		to = from;
	if (from < 1000 || to < from)
		return WL_OK;
	int rc = WL_OK;
	for (int y = from; y <= to && !rc; y++) {
		if (to - from > EU_RANGE_MAX && y != from && y != to)
			continue;
		char d[11];
		format_date(d, y, 0, 0);
		rc = put(g, WL_PROP_BIRTH_DATE, d, detail, NULL, NULL);
		(*count)++;
	}
	return rc;
}

/* All the date attributes of a birthdate, as the list writes them ("year 1961; circa"). */
static const char *birth_wording(const eu_part *g, eu_buf *b)
{
	static const char *const names[] = {"birthdate",     "dayOfMonth", "monthOfYear",
	                                    "day",           "month",      "year",
	                                    "yearRangeFrom", "yearRangeTo"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = get(g, names[i]);
		if (!v)
			continue;
		buf_add(b, "; ", names[i], " ");
		buf_raw(b, v);
	}
	if (is_true(get(g, "circa")))
		buf_add(b, "; ", "", "circa");
	return buf_str(b);
}

static int put_birth_place(const eu_part *g)
{
	const char *wording, *code = part_country(g, &wording);
	eu_buf b;
	buf_init(&b, g->r->p->join[1]);
	buf_add(&b, ", ", "", get(g, "city"));
	buf_add(&b, ", ", "", get(g, "place"));
	buf_add(&b, ", ", "", get(g, "region"));
	buf_add(&b, ", ", "", get(g, "zipCode"));
	if (code)
		buf_add(&b, ", ", "", wording);
	int rc = put(g, WL_PROP_BIRTH_PLACE, buf_str(&b), NULL, code, NULL);
	if (!rc && wording && !code)
		rc = put_note(g, "country of birth", wording);
	return rc;
}

static int put_birthdate(const eu_part *g)
{
	const char *calendar = get(g, "calendarType"), *full = get(g, "birthdate");
	eu_buf detail, wording;
	buf_init(&detail, g->r->p->join[2]);
	buf_init(&wording, g->r->p->join[3]);
	birth_detail(g, &detail);
	const char *said = birth_wording(g, &wording);
	int rc = WL_OK, count = 0;
	char d[11];
	if (calendar && strcasecmp(calendar, "GREGORIAN") != 0) {
		char label[96];
		snprintf(label, sizeof(label), "date of birth (%.40s calendar)", calendar);
		rc = put_note(g, label, said);
	} else {
		if (full && date_of(full, d) && ++count)
			rc = put(g, WL_PROP_BIRTH_DATE, d, buf_str(&detail), NULL,
			         strcmp(d, full) ? full : NULL);
		char parts[11];
		bool more =
		    birth_parts(g, parts) && !(count && strncmp(d, parts, strlen(parts)) == 0);
		if (!rc && more && ++count)
			rc = put(g, WL_PROP_BIRTH_DATE, parts, buf_str(&detail), NULL, NULL);
		if (!rc)
			rc = put_year_range(g, buf_str(&detail), &count);
		if (!rc && said && (!count || (full && !date_of(full, d))))
			rc = put_note(g, "date of birth", said);
	}
	if (!rc)
		rc = put_birth_place(g);
	for (size_t i = 1; i < g->count && !rc; i++)
		if (strcmp(g->n[i].tag, "remark") == 0)
			rc = put_note(g, "date of birth", text_of(g->r->p, &g->n[i]));
	return rc;
}

/* ---- identification ---- */

static wl_prop document_prop(const char *code)
{
	static const struct {
		const char *code;
		wl_prop prop;
	} props[] = {
	    {"passport", WL_PROP_PASSPORT_NUMBER}, {"swiftbic", WL_PROP_SWIFT_BIC},
	    {"imo", WL_PROP_IMO_NUMBER},           {"regnumber", WL_PROP_REGISTRATION_NUMBER},
	    {"fiscalcode", WL_PROP_TAX_NUMBER},
	};
	for (size_t i = 0; code && i < sizeof(props) / sizeof(props[0]); i++)
		if (strcasecmp(code, props[i].code) == 0)
			return props[i].prop;
	return WL_PROP_ID_NUMBER;
}

/* "National passport (diplomatic, known false)". */
static const char *document_type(const eu_part *g, eu_buf *b)
{
	static const struct {
		const char *attr, *label;
	} flags[] = {{"diplomatic", "diplomatic"},
	             {"knownExpired", "known expired"},
	             {"knownFalse", "known false"},
	             {"reportedLost", "reported lost"},
	             {"revokedByIssuer", "revoked by issuer"}};
	const char *desc = get(g, "identificationTypeDescription");
	buf_add(b, "", "", desc ? desc : get(g, "identificationTypeCode"));
	size_t start = b->n;
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		if (!is_true(get(g, flags[i].attr)))
			continue;
		buf_raw(b, b->n == start ? (start ? " (" : "(") : ", ");
		buf_raw(b, flags[i].label);
	}
	if (b->n > start)
		buf_raw(b, ")");
	return buf_str(b);
}

/* The issuer, dates, region, name on document and remarks of a document. */
static void document_extra(const eu_part *g, eu_buf *b)
{
	buf_add(b, "; ", "issued by ", get(g, "issuedBy"));
	buf_add(b, "; ", "issued ", get(g, "issueDate"));
	buf_add(b, "; ", "valid from ", get(g, "validFrom"));
	buf_add(b, "; ", "valid to ", get(g, "validTo"));
	buf_add(b, "; ", "", get(g, "region"));
	buf_add(b, "; ", "name on document: ", get(g, "nameOnDocument"));
	for (size_t i = 1; i < g->count; i++)
		if (strcmp(g->n[i].tag, "remark") == 0)
			buf_add(b, "; ", "", text_of(g->r->p, &g->n[i]));
}

static int put_identification(const eu_part *g)
{
	const char *number = get(g, "number"), *latin = get(g, "latinNumber");
	const char *wording, *code = part_country(g, &wording);
	eu_buf type, extra, all;
	buf_init(&type, g->r->p->join[0]);
	buf_init(&extra, g->r->p->join[1]);
	buf_init(&all, g->r->p->join[2]);
	const char *label = document_type(g, &type);
	document_extra(g, &extra);
	if (wording && !code)
		buf_add(&extra, "; ", "", wording);
	buf_add(&all, "", "", label);
	buf_add(&all, ": ", "", number ? number : latin);
	buf_add(&all, "; ", "", buf_str(&extra));
	if (!number && !latin)
		return put_note(g, "document", buf_str(&all));
	wl_prop prop = document_prop(get(g, "identificationTypeCode"));
	const char *original = extra.n ? all.s : NULL;
	int rc = put(g, prop, number ? number : latin, label, code, original);
	if (!rc && number && latin && strcmp(number, latin) != 0)
		rc = put(g, prop, latin, label, code, all.s);
	return rc;
}

/* ---- address ---- */

static int put_contact(const eu_part *g, const eu_node *node)
{
	const eu_parser *p = g->r->p;
	const char *key = attr(p, node, "key"), *value = attr(p, node, "value");
	wl_prop prop;
	const char *detail = NULL;
	if (!value)
		return WL_OK;
	if (key && strcasecmp(key, "PHONE") == 0)
		prop = WL_PROP_PHONE;
	else if (key && strcasecmp(key, "FAX") == 0)
		prop = WL_PROP_PHONE, detail = "fax";
	else if (key && strcasecmp(key, "EMAIL") == 0)
		prop = WL_PROP_EMAIL;
	else if (key && strcasecmp(key, "WEB") == 0)
		prop = WL_PROP_WEBSITE;
	else
		return put_note2(g, "contact", key ? key : "info", value);
	int rc = WL_OK;
	for (const char *s = value; *s && !rc;) {
		size_t n = strcspn(s, ",;");
		char *one = wl_arena_strndup(&p->ds->arena, s, n);
		if (!one)
			return wl_error_set(WL_ENOMEM, "out of memory");
		rc = put(g, prop, one, detail, NULL, n == strlen(value) ? NULL : value);
		s += n;
		s += *s ? 1 : 0;
	}
	return rc;
}

static int put_address(const eu_part *g)
{
	const char *wording, *code = part_country(g, &wording);
	eu_buf b;
	buf_init(&b, g->r->p->join[1]);
	buf_add(&b, ", ", "", get(g, "street"));
	buf_add(&b, ", ", "PO Box ", get(g, "poBox"));
	buf_add(&b, ", ", "", get(g, "city"));
	buf_add(&b, ", ", "", get(g, "place"));
	buf_add(&b, ", ", "", get(g, "zipCode"));
	buf_add(&b, ", ", "", get(g, "region"));
	if (b.n && code)
		buf_add(&b, ", ", "", wording);
	const char *detail = is_true(get(g, "asAtListingTime")) ? "as at listing time" : NULL;
	int rc = put(g, WL_PROP_ADDRESS, buf_str(&b), detail, code, NULL);
	if (!rc && code)
		rc = put(g, WL_PROP_COUNTRY, code, NULL, NULL, wording);
	else if (!rc && wording)
		rc = put_note(g, "address country", wording);
	for (size_t i = 1; i < g->count && !rc; i++) {
		if (strcmp(g->n[i].tag, "remark") == 0)
			rc = put_note(g, "address", text_of(g->r->p, &g->n[i]));
		else if (strcmp(g->n[i].tag, "contactInfo") == 0)
			rc = put_contact(g, &g->n[i]);
	}
	return rc;
}

/* ---- the record ---- */

/* unitedNationId: one UN reference number, or several separated by commas, slashes or spaces. */
static int put_un_ids(const eu_part *g, const char *ids)
{
	int rc = WL_OK;
	for (const char *s = ids; s && *s && !rc;) {
		size_t n = strcspn(s, ",;/ ");
		if (n) {
			char *one = wl_arena_strndup(&g->r->p->ds->arena, s, n);
			if (!one)
				return wl_error_set(WL_ENOMEM, "out of memory");
			rc = put(g, WL_PROP_UNSC_ID, one, NULL, NULL, NULL);
		}
		s += n;
		s += *s ? 1 : 0;
	}
	return rc;
}

static int put_record_attrs(const eu_part *g)
{
	char d[11];
	const char *designated = get(g, "designationDate");
	int rc = put_un_ids(g, get(g, "unitedNationId"));
	if (!rc)
		rc = put_note(g, "EU reference number", get(g, "euReferenceNumber"));
	if (!rc)
		rc = put_note(g, "designation details", get(g, "designationDetails"));
	if (!rc && designated && date_of(designated, d))
		rc = put(g, WL_PROP_LISTING_DATE, d, NULL, NULL,
		         strcmp(d, designated) ? designated : NULL);
	else if (!rc && designated)
		rc = put_note(g, "designation date", designated);
	return rc;
}

/* The remarks of a part whose handler does not read them, labelled with the part. */
static int put_part_remarks(const eu_part *g)
{
	static const char readers[] = "nameAlias birthdate identification address";
	int rc = WL_OK;
	if (word_in(readers, g->n->tag))
		return WL_OK;
	for (size_t i = 1; i < g->count && !rc; i++)
		if (strcmp(g->n[i].tag, "remark") == 0)
			rc = put_note(g, g->n->tag, text_of(g->r->p, &g->n[i]));
	return rc;
}

/* One part (a child of the record, with its own children). */
static int put_part(const eu_part *g, size_t primary)
{
	const char *tag = g->n->tag;
	int rc = put_part_remarks(g);
	if (rc)
		return rc;
	if (strcmp(tag, "nameAlias") == 0)
		rc = put_alias(g, (size_t)(g->n - g->r->p->nodes) == primary);
	else if (strcmp(tag, "regulation") == 0)
		rc = put_regulation(g);
	else if (strcmp(tag, "citizenship") == 0)
		rc = put_citizenship(g);
	else if (strcmp(tag, "birthdate") == 0)
		rc = put_birthdate(g);
	else if (strcmp(tag, "identification") == 0)
		rc = put_identification(g);
	else if (strcmp(tag, "address") == 0)
		rc = put_address(g);
	else if (strcmp(tag, "remark") == 0)
		rc = put(g, WL_PROP_NOTES, text_of(g->r->p, g->n), NULL, NULL, NULL);
	for (size_t i = 0; i < g->count && !rc; i++)
		rc = put_unknown(g, &g->n[i]);
	return rc;
}

/* The schema subjectType gives; *said is its code when no schema fits it. */
static wl_schema record_schema(const eu_parser *p, const char **said)
{
	*said = NULL;
	for (size_t i = 1; i < p->nnodes; i++) {
		const eu_node *n = &p->nodes[i];
		if (n->level != 1 || strcmp(n->tag, "subjectType") != 0)
			continue;
		const char *code = attr(p, n, "code"), *cls = attr(p, n, "classificationCode");
		if ((code && strcasecmp(code, "person") == 0) ||
		    (!code && cls && !strcmp(cls, "P")))
			return WL_SCHEMA_PERSON;
		if ((code && strcasecmp(code, "enterprise") == 0) ||
		    (!code && cls && !strcmp(cls, "E")))
			return WL_SCHEMA_ORGANIZATION;
		*said = code ? code : cls;
	}
	return WL_SCHEMA_LEGAL_ENTITY;
}

/* The number of nodes of the part starting at node i. */
static size_t part_size(const eu_parser *p, size_t i)
{
	size_t j = i + 1;
	while (j < p->nnodes && p->nodes[j].level == 2 && p->nodes[j].part == p->nodes[i].part)
		j++;
	return j - i;
}

/* The nameAlias node that gives the name, or EU_NONE. */
static size_t primary_alias(const eu_rec *r)
{
	const eu_parser *p = r->p;
	size_t best = EU_NONE;
	int best_rank = 0;
	for (size_t i = 1; i < p->nnodes; i++) {
		if (p->nodes[i].level != 1 || strcmp(p->nodes[i].tag, "nameAlias") != 0)
			continue;
		eu_part g = {r, &p->nodes[i], part_size(p, i)};
		int rank = name_rank(&g);
		if (rank > best_rank)
			best = i, best_rank = rank;
	}
	return best;
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > EU_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			return false;
	return true;
}

/* Turns the nodes of the record just read into an entity. */
static int record_emit(eu_parser *p)
{
	const eu_node *root = &p->nodes[0];
	const char *id = attr(p, root, "logicalId"), *said;
	if (!id)
		return wl_error_input(p->path, root->line, "logicalId",
		                      "sanctionEntity without a logicalId");
	if (!id_valid(id))
		return wl_error_input(p->path, root->line, "logicalId",
		                      "not a record id: \"%.64s\"", id);
	void *seen = wl_strmap_get(&p->ids, id);
	if (seen)
		return wl_error_input(p->path, root->line, "logicalId",
		                      "logicalId %s repeats the sanctionEntity of line %lu", id,
		                      (unsigned long)(uintptr_t)seen);
	eu_rec r = {.p = p, .root = root};
	r.e = wl_dataset_entity(p->ds, p->source, "eu-fsf", id, record_schema(p, &said));
	if (!r.e)
		return wl_error_set(WL_ENOMEM, "out of memory");
	eu_part top = {&r, root, 1};
	int rc = wl_strmap_put(&p->ids, r.e->source_id,
	                       (void *)(uintptr_t)(root->line ? root->line : 1));
	if (!rc)
		rc = put(&top, WL_PROP_TOPICS, "sanction", NULL, NULL, NULL);
	if (!rc)
		rc = put_note(&top, "subject type", said);
	if (!rc)
		rc = put_record_attrs(&top);
	if (!rc)
		rc = put_unknown(&top, root);
	size_t primary = primary_alias(&r);
	for (size_t i = 1; i < p->nnodes && !rc;) {
		eu_part g = {&r, &p->nodes[i], part_size(p, i)};
		rc = put_part(&g, primary);
		i += g.count;
	}
	if (!rc && r.modified[0])
		rc = put(&top, WL_PROP_MODIFIED_AT, r.modified, NULL, NULL, NULL);
	return rc;
}

/* ---- the stream ---- */

/* Reads the current element's attributes into p->attrs. */
static int read_attrs(eu_parser *p, eu_node *n, const char *tag)
{
	xmlTextReaderPtr xr = p->x.xr;
	n->attr0 = p->nattrs;
	int r;
	while ((r = xmlTextReaderMoveToNextAttribute(xr)) == 1) {
		if (xmlTextReaderIsNamespaceDecl(xr))
			continue;
		const char *name = (const char *)xmlTextReaderConstLocalName(xr);
		const char *value = (const char *)xmlTextReaderConstValue(xr);
		size_t len = value ? strlen(value) : 0;
		if (!name)
			continue;
		if (len > EU_TEXT_MAX)
			return wl_error_input(p->path, n->line, tag,
			                      "attribute %s longer than %d bytes", name,
			                      EU_TEXT_MAX);
		int rc =
		    wl_xml_grow((void **)&p->attrs, &p->capattrs, p->nattrs + 1, sizeof(*p->attrs));
		size_t off = 0;
		if (!rc)
			rc = wl_xml_text_store(&p->x, value ? value : "", len, &off);
		if (rc)
			return rc;
		p->attrs[p->nattrs++] = (eu_attr){.name = name, .off = off};
	}
	xmlTextReaderMoveToElement(xr);
	n->nattrs = p->nattrs - n->attr0;
	return r < 0 ? wl_error_input(p->path, n->line, tag, "unreadable attributes") : WL_OK;
}

/* Ends the text of the node being collected (the last one): folded, kept when not empty. */
static void text_end(eu_parser *p)
{
	if (!p->x.field)
		return;
	size_t n = wl_xml_text_end(&p->x);
	if (n) {
		p->nodes[p->nnodes - 1].text = p->x.field_off;
		wl_xml_text_keep(&p->x, n);
	}
}

static int node_begin(eu_parser *p, const char *tag, int depth)
{
	text_end(p);
	int level = depth - p->rec_depth;
	if (level == 1)
		p->part++;
	int rc = wl_xml_grow((void **)&p->nodes, &p->capnodes, p->nnodes + 1, sizeof(*p->nodes));
	if (rc)
		return rc;
	eu_node *n = &p->nodes[p->nnodes];
	*n = (eu_node){.tag = tag,
	               .level = level > 2 ? 2 : level,
	               .part = p->part,
	               .line = wl_xml_line(&p->x),
	               .text = EU_NONE};
	rc = read_attrs(p, n, tag);
	if (rc)
		return rc;
	p->nnodes++;
	wl_xml_text_begin(&p->x, tag, depth);
	return WL_OK;
}

static int on_root(eu_parser *p, const char *name)
{
	if (strcmp(name, eu_root) != 0)
		return wl_error_input(
		    p->path, wl_xml_line(&p->x), name,
		    "not an EU financial sanctions file: the root element is not %s", eu_root);
	char generated[64], date[11];
	bool dated = wl_xml_attr(&p->x, "generationDate", generated, sizeof(generated)) &&
	             date_of(generated, date) && strlen(date) == 10;
	wl_source src = {
	    .name = "eu_fsf",
	    .title = "EU Financial Sanctions Files (FSF): consolidated list of persons, groups and "
	             "entities subject to EU financial sanctions",
	    .format = "eu_fsf_xml",
	    .publisher = "European Commission",
	    .list_date = dated ? date : NULL,
	    .url = "https://webgate.ec.europa.eu/fsd/fsf",
	    .licence = "European Commission reuse policy (Decision 2011/833/EU): reuse with "
	               "acknowledgement of the source",
	};
	p->source = wl_dataset_source(p->ds, &src);
	return p->source < 0 ? p->source : WL_OK;
}

static int on_start(void *ctx, const char *name, int depth)
{
	eu_parser *p = ctx;
	if (p->source < 0)
		return on_root(p, name);
	if (p->in_record)
		return node_begin(p, name, depth);
	if (depth != 1 || strcmp(name, eu_record) != 0)
		return WL_OK;
	p->in_record = true;
	p->rec_depth = depth;
	p->part = 0;
	p->nnodes = p->nattrs = 0;
	wl_xml_texts_clear(&p->x);
	return node_begin(p, name, depth);
}

static int on_end(void *ctx, int depth)
{
	eu_parser *p = ctx;
	if (!p->in_record)
		return WL_OK;
	if (p->x.field && depth == p->x.field_depth)
		text_end(p);
	if (depth != p->rec_depth)
		return WL_OK;
	p->in_record = false;
	return record_emit(p);
}

static const wl_xml_format eu_format = {
    .root = eu_root,
    .doctype = "a document type declaration is not allowed in an EU list",
    .text_max = EU_TEXT_MAX,
    .start = on_start,
    .end = on_end,
};

/* ---- entry points ---- */

static int read_list(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                     int *source)
{
	if (source)
		*source = -1;
	eu_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return wl_error_set(WL_ENOMEM, "out of memory");
	p->ds = ds;
	p->path = path;
	p->source = -1;
	wl_strmap_init(&p->ids);
	int rc = wl_xml_read(&p->x, &eu_format, p, path, fd, data, len);
	if (source)
		*source = p->source;
	wl_strmap_free(&p->ids);
	free(p->nodes);
	free(p->attrs);
	free(p);
	return rc;
}

int wl_eu_fsf_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source)
{
	return wl_xml_read_mem(ds, path, data, len, source, read_list);
}

static int eu_read(wl_dataset *ds, const char *path)
{
	return wl_xml_read_file(ds, path, read_list);
}

/* ---- sniffing ---- */

/* An EU file: the root is export, in the FSF namespace or holding sanctionEntity records. */
static int eu_sniff(const char *path, const char *head, size_t n)
{
	size_t len;
	const char *root = wl_xml_first_element(head, n, &len);
	if (root)
		root = wl_xml_local_name(root, &len);
	if (!root || len != strlen(eu_root) || memcmp(root, eu_root, len) != 0)
		return WL_SNIFF_NO;
	if (memmem(head, n, "eu.europa.ec/fpi/fsd/export", 27) ||
	    memmem(head, n, "<sanctionEntity", 15))
		return 95;
	return WL_SNIFF_NO;
}

const wl_reader wl_reader_eu_fsf_xml = {
    .name = "eu_fsf_xml",
    .description = "EU consolidated financial sanctions list, Financial Sanctions Files (XML 1.1)",
    .sniff = eu_sniff,
    .read = eu_read,
};
