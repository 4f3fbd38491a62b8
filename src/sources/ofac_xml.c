/*
 * ofac_xml.c - OFAC's lists in the sdn.xml schema (see ofac_xml.h).
 *
 * Streaming. libxml2's xmlTextReader walks the file node by node; elements
 * are matched by their local names, so a file with or without OFAC's
 * default namespace (http://tempuri.org/sdnList.xsd, or the sanctions list
 * service's) reads the same. The root must be sdnList. Its children
 * publshInformation and sdnEntry are records: the text of each record's
 * leaf elements is collected as a flat list of fields, each knowing the
 * record's child it is in (its list: programList, idList, vesselInfo, ...)
 * and the list's child (its item: id, aka, address, ...), numbered so that
 * the fields of one item stay together. At the record's end tag the fields
 * become values and the list is emptied: memory is one entry.
 *
 * Mapping, chosen so that an entry reads as the legacy CSV reader
 * (ofac_csv.c) reads the same entry:
 *   - "ofac-<uid>"; sdnType Individual -> Person, Entity -> Organization,
 *     Vessel, Aircraft -> Airplane, none or another (kept as a note) ->
 *     Organization; name "lastName, firstName" as OFAC writes SDN_Name,
 *     and a Person's parts as lastName/firstName;
 *     title -> position; program; topics "sanction";
 *   - akas: a.k.a. strong -> alias, a.k.a. weak -> weakAlias, f.k.a. ->
 *     previousName, n.k.a. -> alias "n.k.a."; any other type -> alias with
 *     the type as detail;
 *   - idList items are the legacy remarks' fragments split into elements:
 *     each is written back as its fragment ("<idType> <idNumber>
 *     (<idCountry>) issued <issueDate> expires <expirationDate>") and parsed
 *     by the remarks parser (sdn_remarks.c). So a passport becomes a
 *     passportNumber with its country, a Gender a gender, a Website a
 *     website, "Secondary sanctions risk:" a note, exactly as in the CSV;
 *   - dates of birth ("27 Oct 1985", "Oct 1985", "1985", "circa 1985",
 *     "1958 to 1960") go the same way as "DOB <date>", keeping the XML's
 *     text as the original wording; places of birth, nationalities and
 *     citizenships map one to one (countries as codes; wording that is no
 *     country goes to notes);
 *   - addresses: the parts joined with ", " in the file's order, the
 *     country as the value's country and as a country value;
 *   - vesselInfo: callSign, type, tonnage (GRT as detail), flag (a code, or
 *     a note), and the owner as an "owner" link by name;
 *   - remarks: the remarks parser, after unwrapping the fragments the XML
 *     puts in parentheses ("(Linked To: X)");
 *   - any other element: a note "element: text". Not kept: the items' own
 *     uids and mainEntry (which of several values OFAC lists first), and
 *     Record_Count.
 *
 * Source. The schema is the same for both lists and the file does not say
 * which it is, so the file's name decides: one that starts with "cons_" or
 * holds "consolidated" is us_ofac_cons, any other us_ofac_sdn. The list
 * date is Publish_Date (mm/dd/yyyy).
 *
 * Errors and safety, as in un_xml.c: libxml2's messages are caught (the
 * thread's global handlers too, for the time of a read) and the first
 * fatal one surfaces as "FILE:LINE: element: message"; no network, no
 * external DTD, no entity substitution, a DOCTYPE refused; one element's
 * text is at most OX_TEXT_MAX bytes.
 */
#include "ofac_xml.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/xmlreader.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "model/error.h"
#include "reader.h"
#include "sdn_remarks.h"

#define OX_TEXT_MAX (32 * 1024) /* bytes of one element's text */
#define OX_UID_MAX  12          /* digits of an entry's uid */
#define OX_NAME_MAX 128         /* bytes of an element name in a message */
#define OX_OPTIONS  (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

#if LIBXML_VERSION >= 21200
typedef const xmlError ox_xml_error;
#else
typedef xmlError ox_xml_error;
#endif

static const char ox_root[] = "sdnList";

/* One leaf element's text inside a record. */
typedef struct ox_field {
	const char *list; /* the record's child holding the field; NULL: the field is that child */
	const char *item; /* the list's child holding it; NULL: the field is in the list itself */
	const char *tag;  /* local name (libxml2's dictionary owns it) */
	unsigned item_no; /* fields of one item share it */
	unsigned long line;
	size_t off; /* the text, NUL-terminated, in the parser's texts */
} ox_field;

typedef struct ox_parser {
	wl_dataset *ds;
	const char *path;
	xmlTextReaderPtr xr;
	int source;       /* -1 until the root element */
	const char *last; /* the last element started, for messages */
	/* the record being read: sdnEntry or publshInformation */
	const char *rec;
	int rec_depth;
	unsigned long rec_line;
	const char *list, *item;
	unsigned item_no;
	const char *field; /* element whose text is being collected, or NULL */
	int field_depth;
	unsigned long field_line;
	size_t field_off;
	ox_field *fields;
	size_t nfields, capfields;
	char *texts;
	size_t ntexts, captexts;
	wl_arena scratch; /* strings built for one record */
	/* the error libxml2 reported */
	int xml_level;
	unsigned long xml_line;
	char xml_msg[256];
	char xml_field[OX_NAME_MAX];
} ox_parser;

/* The fields of one item (an id, an aka, ...), or one field. */
typedef struct ox_group {
	ox_parser *p;
	wl_entity *e;
	const ox_field *f;
	size_t n;
} ox_group;

static int no_memory(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* ---- facts in the legacy wording, through the remarks parser ---- */

/* True when the whole of s (n bytes) is one parenthesised group. */
static bool wrapped(const char *s, size_t n)
{
	if (n < 2 || s[0] != '(' || s[n - 1] != ')')
		return false;
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth == 0 && i != n - 1)
			return false;
	}
	return depth == 0;
}

typedef struct remarks_ctx {
	wl_dataset *ds;
	wl_entity *e;
	const char *record;
	bool inner; /* splitting the inside of a wrapped fragment: no further unwrapping */
} remarks_ctx;

static int remarks_fragment(void *arg, const char *frag, size_t len, size_t offset)
{
	remarks_ctx *c = arg;
	if (c->inner || !wrapped(frag, len))
		return wl_sdn_remark_apply(c->ds, c->e, frag, len, c->record);
	while (wrapped(frag, len))
		frag++, len -= 2;
	remarks_ctx inner = *c;
	inner.inner = true;
	return wl_sdn_remarks_split(frag, len, remarks_fragment, &inner);
}

int wl_ofac_remarks_apply(wl_dataset *ds, wl_entity *e, const char *remarks, size_t len,
                          const char *record)
{
	remarks_ctx c = {ds, e, record, false};
	return wl_sdn_remarks_split(remarks, len, remarks_fragment, &c);
}

int wl_ofac_fragment_apply(wl_dataset *ds, wl_entity *e, const char *frag, const char *record,
                           const char *original)
{
	size_t first = e->nvalues;
	int rc = wl_sdn_remark_apply(ds, e, frag, strlen(frag), record);
	if (rc || !original)
		return rc;
	const char *copy = NULL;
	for (size_t i = first; i < e->nvalues; i++) {
		wl_value *v = &e->values[i];
		if (strcmp(v->text, original) == 0) {
			v->original = NULL;
			continue;
		}
		if (!copy && !(copy = wl_arena_strdup(&ds->arena, original)))
			return no_memory();
		v->original = copy;
	}
	return WL_OK;
}

/* ---- small helpers ---- */

static const char *text_of(const ox_parser *p, const ox_field *f)
{
	return p->texts + f->off;
}

/* The text of a group's first field named tag, or NULL. */
static const char *get(const ox_group *g, const char *tag)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->f[i].tag, tag) == 0)
			return text_of(g->p, &g->f[i]);
	return NULL;
}

static int put(const ox_group *g, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	wl_fact f = {.detail = detail, .country = country, .original = original};
	return wl_entity_puts(g->p->ds, g->e, prop, text, &f);
}

/* A note "label: text". */
static int put_note(const ox_group *g, const char *label, const char *text)
{
	if (!text || !*text)
		return WL_OK;
	char *s = wl_arena_printf(&g->p->scratch, "%s: %s", label, text);
	return s ? put(g, WL_PROP_NOTES, s, NULL, NULL, NULL) : no_memory();
}

/* A country property, or a note when the wording is no known country. */
static int put_country(const ox_group *g, wl_prop prop, const char *text, const char *label)
{
	if (!text)
		return WL_OK;
	const char *code = wl_sdn_country_code(text, strlen(text));
	if (!code)
		return put_note(g, label, text);
	return put(g, prop, code, NULL, NULL, text);
}

/* "LAST, First" as OFAC writes names; either part may be missing. NULL: no memory. */
static const char *full_name(ox_parser *p, const char *last, const char *first)
{
	if (!last || !first)
		return last ? last : first ? first : "";
	return wl_arena_printf(&p->scratch, "%s, %s", last, first);
}

/* ---- the entry's own fields ---- */

/* The schema of an sdnType; false for a type OFAC has not used (an Organization). */
static bool schema_of(const char *type, wl_schema *out)
{
	static const struct {
		const char *type;
		wl_schema schema;
	} types[] = {
	    {"individual", WL_SCHEMA_PERSON},
	    {"entity", WL_SCHEMA_ORGANIZATION},
	    {"vessel", WL_SCHEMA_VESSEL},
	    {"aircraft", WL_SCHEMA_AIRPLANE},
	};
	*out = WL_SCHEMA_ORGANIZATION;
	for (size_t i = 0; type && i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcasecmp(type, types[i].type) == 0) {
			*out = types[i].schema;
			return true;
		}
	}
	return !type;
}

static int put_remarks(const ox_group *g)
{
	const char *text = text_of(g->p, g->f);
	int rc = wl_ofac_remarks_apply(g->p->ds, g->e, text, strlen(text), NULL);
	if (rc == WL_EINPUT)
		return wl_error_input(g->p->path, g->f->line, "remarks", "%s", wl_error_last());
	return rc;
}

static int put_top(const ox_group *g)
{
	const char *tag = g->f->tag, *text = text_of(g->p, g->f);
	static const char *const done[] = {"uid", "firstName", "lastName", "sdnType"};
	for (size_t i = 0; i < sizeof(done) / sizeof(done[0]); i++)
		if (strcmp(tag, done[i]) == 0)
			return WL_OK; /* put_names, entry_emit */
	if (strcmp(tag, "title") == 0)
		return put(g, WL_PROP_POSITION, text, NULL, NULL, NULL);
	if (strcmp(tag, "remarks") == 0)
		return put_remarks(g);
	return put_note(g, tag, text);
}

static int put_names(const ox_group *rec, const char *last, const char *first)
{
	const char *name = full_name(rec->p, last, first);
	if (!name)
		return no_memory();
	int rc = put(rec, WL_PROP_NAME, name, NULL, NULL, NULL);
	if (rc || rec->e->schema != WL_SCHEMA_PERSON || !last || !first)
		return rc;
	rc = put(rec, WL_PROP_LAST_NAME, last, NULL, NULL, NULL);
	return rc ? rc : put(rec, WL_PROP_FIRST_NAME, first, NULL, NULL, NULL);
}

/* Vess_flag as a code; a flag no country matches as a note, as the CSV reader does. */
static int put_vessel(const ox_group *g)
{
	const char *tag = g->f->tag, *text = text_of(g->p, g->f);
	if (strcmp(tag, "callSign") == 0)
		return put(g, WL_PROP_CALL_SIGN, text, NULL, NULL, NULL);
	if (strcmp(tag, "vesselType") == 0)
		return put(g, WL_PROP_VESSEL_TYPE, text, NULL, NULL, NULL);
	if (strcmp(tag, "tonnage") == 0)
		return put(g, WL_PROP_TONNAGE, text, NULL, NULL, NULL);
	if (strcmp(tag, "grossRegisteredTonnage") == 0)
		return put(g, WL_PROP_TONNAGE, text, "GRT", NULL, NULL);
	if (strcmp(tag, "vesselFlag") == 0)
		return put_country(g, WL_PROP_FLAG, text, "Vessel Flag");
	if (strcmp(tag, "vesselOwner") == 0) {
		wl_fact f = {0};
		return wl_entity_link(g->p->ds, g->e, "owner", NULL, text, NULL, &f);
	}
	return put_note(g, tag, text);
}

/* A field of a list that has no items of its own: a program, vessel data. */
static int put_list_field(const ox_group *g)
{
	const char *list = g->f->list, *tag = g->f->tag;
	if (strcmp(list, "programList") == 0 && strcmp(tag, "program") == 0)
		return put(g, WL_PROP_PROGRAM, text_of(g->p, g->f), NULL, NULL, NULL);
	if (strcmp(list, "vesselInfo") == 0)
		return put_vessel(g);
	return put_note(g, tag, text_of(g->p, g->f));
}

/* ---- items ---- */

/* "<type> <number> (<country>) issued <date> expires <date>", the legacy fragment. */
static int put_id(const ox_group *g)
{
	const char *type = get(g, "idType"), *number = get(g, "idNumber");
	const char *country = get(g, "idCountry");
	const char *issued = get(g, "issueDate"), *expires = get(g, "expirationDate");
	if (!number)
		return put_note(g, "id", type);
	if (!type) {
		const char *code = country ? wl_sdn_country_code(country, strlen(country)) : NULL;
		int rc = put(g, WL_PROP_ID_NUMBER, number, NULL, code, NULL);
		return !rc && country && !code ? put_note(g, "id country", country) : rc;
	}
	char *frag = wl_arena_printf(
	    &g->p->scratch, "%s %s%s%s%s%s%s%s%s", type, number, country ? " (" : "",
	    country ? country : "", country ? ")" : "", issued ? " issued " : "",
	    issued ? issued : "", expires ? " expires " : "", expires ? expires : "");
	if (!frag)
		return no_memory();
	return wl_ofac_fragment_apply(g->p->ds, g->e, frag, NULL, NULL);
}

static int put_aka(const ox_group *g)
{
	const char *type = get(g, "type"), *category = get(g, "category");
	const char *name = full_name(g->p, get(g, "lastName"), get(g, "firstName"));
	if (!name)
		return no_memory();
	wl_prop prop = WL_PROP_ALIAS;
	const char *detail = NULL;
	if (type && strcasecmp(type, "f.k.a.") == 0)
		prop = WL_PROP_PREVIOUS_NAME;
	else if (type && strcasecmp(type, "n.k.a.") == 0)
		detail = "n.k.a.";
	else if (type && strcasecmp(type, "a.k.a.") != 0)
		detail = type;
	if (prop == WL_PROP_ALIAS && category && strcasecmp(category, "weak") == 0)
		prop = WL_PROP_WEAK_ALIAS;
	return put(g, prop, name, detail, NULL, NULL);
}

/* The parts joined with ", " in the file's order; the country also as a code. */
static int put_address(const ox_group *g)
{
	char *joined = NULL;
	for (size_t i = 0; i < g->n; i++) {
		if (strcmp(g->f[i].tag, "uid") == 0)
			continue;
		const char *part = text_of(g->p, &g->f[i]);
		joined = joined ? wl_arena_printf(&g->p->scratch, "%s, %s", joined, part)
		                : wl_arena_strdup(&g->p->scratch, part);
		if (!joined)
			return no_memory();
	}
	const char *country = get(g, "country");
	const char *code = country ? wl_sdn_country_code(country, strlen(country)) : NULL;
	int rc = joined ? put(g, WL_PROP_ADDRESS, joined, NULL, code, NULL) : WL_OK;
	return !rc && code ? put(g, WL_PROP_COUNTRY, code, NULL, NULL, country) : rc;
}

static int put_birth_date(const ox_group *g)
{
	const char *dob = get(g, "dateOfBirth");
	if (!dob)
		return WL_OK;
	char *frag = wl_arena_printf(&g->p->scratch, "DOB %s", dob);
	if (!frag)
		return no_memory();
	return wl_ofac_fragment_apply(g->p->ds, g->e, frag, NULL, dob);
}

/* An item no rule knows: its fields as one note "item: tag text, ...". */
static int put_item_note(const ox_group *g)
{
	char *text = NULL;
	for (size_t i = 0; i < g->n; i++) {
		const char *t = text_of(g->p, &g->f[i]);
		text = text ? wl_arena_printf(&g->p->scratch, "%s, %s %s", text, g->f[i].tag, t)
		            : wl_arena_printf(&g->p->scratch, "%s %s", g->f[i].tag, t);
		if (!text)
			return no_memory();
	}
	return put_note(g, g->f->item, text);
}

static int put_item(const ox_group *g)
{
	const char *item = g->f->item;
	if (strcmp(item, "id") == 0)
		return put_id(g);
	if (strcmp(item, "aka") == 0)
		return put_aka(g);
	if (strcmp(item, "address") == 0)
		return put_address(g);
	if (strcmp(item, "dateOfBirthItem") == 0)
		return put_birth_date(g);
	if (strcmp(item, "placeOfBirthItem") == 0)
		return put(g, WL_PROP_BIRTH_PLACE, get(g, "placeOfBirth"), NULL, NULL, NULL);
	if (strcmp(item, "nationality") == 0)
		return put_country(g, WL_PROP_NATIONALITY, get(g, "country"), "nationality");
	if (strcmp(item, "citizenship") == 0)
		return put_country(g, WL_PROP_CITIZENSHIP, get(g, "country"), "citizenship");
	return put_item_note(g);
}

/* ---- records ---- */

static const ox_field *top_field(const ox_parser *p, const char *tag)
{
	for (size_t i = 0; i < p->nfields; i++)
		if (!p->fields[i].list && strcmp(p->fields[i].tag, tag) == 0)
			return &p->fields[i];
	return NULL;
}

/* An entry number: digits; *uid points past its leading zeros. */
static bool uid_valid(const char **uid)
{
	const char *s = *uid;
	size_t n = strlen(s);
	if (n == 0 || n > OX_UID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	while (s[0] == '0' && s[1])
		s++;
	*uid = s;
	return true;
}

static int entry_values(ox_parser *p, wl_entity *e)
{
	int rc = WL_OK;
	for (size_t i = 0; i < p->nfields && !rc;) {
		const ox_field *f = &p->fields[i];
		size_t j = i + 1;
		while (f->item && j < p->nfields && p->fields[j].item &&
		       p->fields[j].item_no == f->item_no)
			j++;
		ox_group g = {p, e, f, j - i};
		rc = f->item ? put_item(&g) : f->list ? put_list_field(&g) : put_top(&g);
		i = j;
	}
	return rc;
}

static int entry_emit(ox_parser *p)
{
	const ox_field *uidf = top_field(p, "uid");
	if (!uidf)
		return wl_error_input(p->path, p->rec_line, "uid", "sdnEntry without a uid");
	const char *uid = text_of(p, uidf);
	if (!uid_valid(&uid))
		return wl_error_input(p->path, uidf->line, "uid", "not an entry number: \"%.40s\"",
		                      uid);
	const ox_field *last = top_field(p, "lastName"), *first = top_field(p, "firstName");
	if (!last && !first)
		return wl_error_input(p->path, p->rec_line, "lastName",
		                      "sdnEntry %s without a name", uid);
	const ox_field *typef = top_field(p, "sdnType");
	const char *type = typef ? text_of(p, typef) : NULL;
	wl_schema schema;
	bool known = schema_of(type, &schema);
	wl_entity *e = wl_dataset_entity(p->ds, p->source, "ofac", uid, schema);
	if (!e)
		return no_memory();
	ox_group rec = {p, e, p->fields, p->nfields};
	int rc = put_names(&rec, last ? text_of(p, last) : NULL, first ? text_of(p, first) : NULL);
	if (!rc && !known)
		rc = put_note(&rec, "sdnType", type);
	if (!rc)
		rc = put(&rec, WL_PROP_TOPICS, "sanction", NULL, NULL, NULL);
	return rc ? rc : entry_values(p, e);
}

/* The source of the list; list_date NULL when not known yet. */
static int add_source(ox_parser *p, const char *list_date)
{
	const char *base = strrchr(p->path, '/');
	base = base ? base + 1 : p->path;
	bool cons = strncasecmp(base, "cons_", 5) == 0 || strcasestr(base, "consolidated");
	wl_source src = {
	    .name = cons ? "us_ofac_cons" : "us_ofac_sdn",
	    .title = cons ? "OFAC Consolidated Sanctions List (non-SDN)"
	                  : "OFAC Specially Designated Nationals (SDN) List",
	    .format = "ofac_xml",
	    .publisher = "US Treasury, Office of Foreign Assets Control",
	    .list_date = list_date,
	    .url = "https://ofac.treasury.gov/",
	    .licence = "US Government work (public domain)",
	};
	int source = wl_dataset_source(p->ds, &src);
	if (source >= 0)
		p->source = source;
	return source < 0 ? source : WL_OK;
}

/* "03/28/2025" (or "3/28/2025") as "2025-03-28" in out; false when it is no such date. */
static bool us_date(const char *s, char out[11])
{
	unsigned m, d, y;
	int n = 0;
	if (sscanf(s, "%2u/%2u/%4u%n", &m, &d, &y, &n) != 3 || s[n] || y < 1000 || y > 9999 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return true;
}

static int publish_emit(ox_parser *p)
{
	const ox_field *f = top_field(p, "Publish_Date");
	if (!f)
		return WL_OK;
	char date[11];
	if (!us_date(text_of(p, f), date))
		return wl_error_input(p->path, f->line, "Publish_Date",
		                      "not a date (mm/dd/yyyy): \"%.40s\"", text_of(p, f));
	return add_source(p, date);
}

/* ---- the stream ---- */

static unsigned long node_line(const ox_parser *p)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(p->xr);
	long line = node ? xmlGetLineNo(node) : -1;
	if (line > 0)
		return (unsigned long)line;
	int pl = xmlTextReaderGetParserLineNumber(p->xr);
	return pl > 0 ? (unsigned long)pl : 0;
}

static int on_root(ox_parser *p, const char *name)
{
	if (strcmp(name, ox_root) != 0)
		return wl_error_input(p->path, node_line(p), name,
		                      "not an OFAC XML list: the root element is not %s", ox_root);
	return add_source(p, NULL);
}

static void record_begin(ox_parser *p, const char *name, int depth)
{
	p->rec = name;
	p->rec_depth = depth;
	p->rec_line = node_line(p);
	p->list = p->item = NULL;
	p->item_no = 0;
	p->field = NULL;
	p->nfields = 0;
	p->ntexts = 0;
	wl_arena_free(&p->scratch);
	wl_arena_init(&p->scratch);
}

/* Starts collecting an element's text (dropping what its parent collected). */
static void field_begin(ox_parser *p, const char *name, int depth)
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

/* Ends the element being collected: its text, white space folded, becomes a field. */
static int field_end(ox_parser *p, int depth)
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
	const char *tag = p->field;
	p->field = NULL;
	p->ntexts = p->field_off;
	if (!j)
		return WL_OK;
	s[j] = '\0'; /* on_text left room for it */
	p->ntexts += j + 1;
	int rc = grow((void **)&p->fields, &p->capfields, p->nfields + 1, sizeof(*p->fields));
	if (rc)
		return rc;
	p->fields[p->nfields++] = (ox_field){
	    .list = depth >= p->rec_depth + 2 ? p->list : NULL,
	    .item = depth >= p->rec_depth + 3 ? p->item : NULL,
	    .tag = tag,
	    .item_no = p->item_no,
	    .line = p->field_line,
	    .off = p->field_off,
	};
	return WL_OK;
}

static bool is_record(const char *name)
{
	return strcmp(name, "sdnEntry") == 0 || strcmp(name, "publshInformation") == 0 ||
	       strcmp(name, "publishInformation") == 0;
}

static int on_start(ox_parser *p, const char *name, int depth)
{
	p->last = name;
	if (p->source < 0)
		return on_root(p, name);
	if (!p->rec) {
		if (depth == 1 && is_record(name))
			record_begin(p, name, depth);
		return WL_OK;
	}
	if (depth == p->rec_depth + 1) {
		p->list = name;
		p->item = NULL;
	} else if (depth == p->rec_depth + 2) {
		p->item = name;
		p->item_no++;
	}
	field_begin(p, name, depth);
	return WL_OK;
}

static int on_end(ox_parser *p, int depth)
{
	if (!p->rec)
		return WL_OK;
	if (p->field && depth == p->field_depth) {
		int rc = field_end(p, depth);
		if (rc)
			return rc;
	}
	if (depth != p->rec_depth)
		return WL_OK;
	int rc = strcmp(p->rec, "sdnEntry") == 0 ? entry_emit(p) : publish_emit(p);
	p->rec = NULL;
	return rc;
}

static int on_text(ox_parser *p, int depth)
{
	if (!p->field || depth != p->field_depth + 1)
		return WL_OK;
	const char *v = (const char *)xmlTextReaderConstValue(p->xr);
	size_t n = v ? strlen(v) : 0;
	if (p->ntexts - p->field_off + n > OX_TEXT_MAX)
		return wl_error_input(p->path, p->field_line, p->field, "text longer than %d bytes",
		                      OX_TEXT_MAX);
	int rc = grow((void **)&p->texts, &p->captexts, p->ntexts + n + 1, 1);
	if (rc)
		return rc;
	memcpy(p->texts + p->ntexts, v, n);
	p->ntexts += n;
	return WL_OK;
}

static int on_node(ox_parser *p)
{
	int depth = xmlTextReaderDepth(p->xr);
	int rc = WL_OK;
	switch (xmlTextReaderNodeType(p->xr)) {
	case XML_READER_TYPE_ELEMENT: {
		const char *name = (const char *)xmlTextReaderConstLocalName(p->xr);
		rc = on_start(p, name ? name : "", depth);
		if (!rc && xmlTextReaderIsEmptyElement(p->xr))
			rc = on_end(p, depth);
		return rc;
	}
	case XML_READER_TYPE_END_ELEMENT:
		return on_end(p, depth);
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		return on_text(p, depth);
	case XML_READER_TYPE_DOCUMENT_TYPE:
		return wl_error_input(p->path, 0, "DOCTYPE",
		                      "a document type declaration is not allowed in an OFAC list");
	default:
		return WL_OK; /* comments, processing instructions */
	}
}

/* The element the parser was in when it failed, into p->xml_field. */
static void error_element(ox_parser *p, ox_xml_error *err)
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
static void on_xml_error(void *arg, ox_xml_error *err)
{
	ox_parser *p = arg;
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

static int parse_error(ox_parser *p)
{
	unsigned long line = p->xml_line;
	if (!line) {
		int pl = xmlTextReaderGetParserLineNumber(p->xr);
		line = pl > 0 ? (unsigned long)pl : 0;
	}
	const char *field = p->xml_field[0] ? p->xml_field : p->last;
	return wl_error_input(p->path, line, field ? field : ox_root, "%s",
	                      p->xml_msg[0] ? p->xml_msg : "malformed XML");
}

/*
 * libxml2's encoding and I/O layers report some errors through the
 * thread's global handlers: for the time of one read those point here.
 */
typedef struct ox_handlers {
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
} ox_handlers;

static void on_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx; /* the same errors reach on_xml_error, or a parse error follows */
	(void)msg;
}

static void handlers_take(ox_handlers *saved, ox_parser *p)
{
	saved->generic = xmlGenericError;
	saved->generic_ctx = xmlGenericErrorContext;
	saved->structured = xmlStructuredError;
	saved->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(p, on_generic_error);
	xmlSetStructuredErrorFunc(p, on_xml_error);
}

static void handlers_restore(const ox_handlers *saved)
{
	xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
	xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

static int read_nodes(ox_parser *p)
{
	xmlTextReaderSetStructuredErrorHandler(p->xr, on_xml_error, p);
	int rc = WL_OK, r = 1;
	while (!rc && (r = xmlTextReaderRead(p->xr)) == 1)
		rc = on_node(p);
	if (!rc && r < 0)
		rc = parse_error(p);
	if (!rc && p->source < 0)
		rc = wl_error_input(p->path, 0, ox_root, "no %s element", ox_root);
	return rc;
}

/* Reads a list from the file descriptor fd, or (fd < 0) from len bytes at data. */
static int read_list(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                     int *source)
{
	if (source)
		*source = -1;
	ox_parser *p = calloc(1, sizeof(*p));
	if (!p)
		return no_memory();
	p->ds = ds;
	p->path = path;
	p->source = -1;
	wl_arena_init(&p->scratch);
	ox_handlers saved;
	handlers_take(&saved, p);
	p->xr = fd >= 0 ? xmlReaderForFd(fd, NULL, NULL, OX_OPTIONS)
	                : xmlReaderForMemory(data, (int)len, NULL, NULL, OX_OPTIONS);
	int rc = p->xr ? read_nodes(p)
	               : wl_error_set(WL_ENOMEM, "%s: cannot start the XML reader", path);
	xmlFreeTextReader(p->xr);
	handlers_restore(&saved);
	if (source)
		*source = p->source;
	wl_arena_free(&p->scratch);
	free(p->fields);
	free(p->texts);
	free(p);
	return rc;
}

int wl_ofac_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                         int *source)
{
	if (len > INT_MAX)
		return wl_error_input(path, 0, NULL, "larger than %d bytes", INT_MAX);
	if (!data)
		data = "", len = 0;
	return read_list(ds, path, -1, data, len, source);
}

static int ox_read(wl_dataset *ds, const char *path)
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

/* The root element's name at p (after "<"), without a namespace prefix; its length in *n. */
static const char *local_name(const char *p, const char *end, size_t *n)
{
	const char *start = p;
	while (p < end &&
	       (isalnum((unsigned char)*p) || *p == '_' || *p == '-' || *p == '.' || *p == ':')) {
		if (*p == ':')
			start = p + 1;
		p++;
	}
	*n = (size_t)(p - start);
	return p < end ? start : NULL; /* the name must be followed by something */
}

/* An OFAC XML list is an XML document whose root element is sdnList. */
static int ox_sniff(const char *path, const char *head, size_t n)
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
	size_t len;
	const char *name = local_name(p + 1, end, &len);
	if (!name || len != strlen(ox_root) || memcmp(name, ox_root, len) != 0)
		return WL_SNIFF_NO;
	char c = name[len];
	return c == '>' || c == '/' || isspace((unsigned char)c) ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_ofac_xml = {
    .name = "ofac_xml",
    .description = "OFAC SDN or consolidated list in the sdn.xml schema (XML)",
    .sniff = ox_sniff,
    .read = ox_read,
};
