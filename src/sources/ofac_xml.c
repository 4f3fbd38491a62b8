/*
 * ofac_xml.c - OFAC's lists in the sdn.xml schema (see ofac_xml.h).
 *
 * Streaming. The file is read node by node through the XML layer the list
 * readers share (xml_stream.c); elements are matched by their local
 * names, so a file with or without OFAC's default namespace
 * (http://tempuri.org/sdnList.xsd, or the sanctions list service's) reads
 * the same. The root must be sdnList. Its children publshInformation and
 * sdnEntry are records: the text of each record's leaf elements is
 * collected as a flat list of fields, each knowing the record's child it
 * is in (its list: programList, idList, vesselInfo, ...) and the list's
 * child (its item: id, aka, address, ...), numbered so that the fields of
 * one item stay together. At the record's end tag the fields become values
 * and the list is emptied: memory is one entry.
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
 * Errors and safety are the XML layer's (xml_stream.c): libxml2's errors
 * surface as "FILE:LINE: element: message"; no network, no external DTD,
 * no entity substitution, a DOCTYPE refused; one element's text is at most
 * OX_TEXT_MAX bytes.
 */
#include "ofac_xml.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/error.h"
#include "reader.h"
#include "sdn_remarks.h"
#include "xml_stream.h"

#define OX_TEXT_MAX (32 * 1024) /* bytes of one element's text */
#define OX_UID_MAX  12          /* digits of an entry's uid */

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
	wl_xml x;   /* the stream, and the texts of the record's fields */
	int source; /* -1 until the root element */
	/* the record being read: sdnEntry or publshInformation */
	const char *rec;
	int rec_depth;
	unsigned long rec_line;
	const char *list, *item;
	unsigned item_no;
	ox_field *fields;
	size_t nfields, capfields;
	wl_arena scratch; /* strings built for one record */
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
	return p->x.texts + f->off;
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

static int on_root(ox_parser *p, const char *name)
{
	if (strcmp(name, ox_root) != 0)
		return wl_error_input(p->path, wl_xml_line(&p->x), name,
		                      "not an OFAC XML list: the root element is not %s", ox_root);
	return add_source(p, NULL);
}

static void record_begin(ox_parser *p, const char *name, int depth)
{
	p->rec = name;
	p->rec_depth = depth;
	p->rec_line = wl_xml_line(&p->x);
	p->list = p->item = NULL;
	p->item_no = 0;
	p->nfields = 0;
	wl_xml_texts_clear(&p->x);
	wl_arena_free(&p->scratch);
	wl_arena_init(&p->scratch);
}

/* Ends the element being collected: its text, white space folded, becomes a field. */
static int field_end(ox_parser *p, int depth)
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
	p->fields[p->nfields++] = (ox_field){
	    .list = depth >= p->rec_depth + 2 ? p->list : NULL,
	    .item = depth >= p->rec_depth + 3 ? p->item : NULL,
	    .tag = tag,
	    .item_no = p->item_no,
	    .line = line,
	    .off = p->x.field_off,
	};
	return WL_OK;
}

static bool is_record(const char *name)
{
	return strcmp(name, "sdnEntry") == 0 || strcmp(name, "publshInformation") == 0 ||
	       strcmp(name, "publishInformation") == 0;
}

static int on_start(void *ctx, const char *name, int depth)
{
	ox_parser *p = ctx;
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
	wl_xml_text_begin(&p->x, name, depth);
	return WL_OK;
}

static int on_end(void *ctx, int depth)
{
	ox_parser *p = ctx;
	if (!p->rec)
		return WL_OK;
	if (p->x.field && depth == p->x.field_depth) {
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

static const wl_xml_format ox_format = {
    .root = ox_root,
    .doctype = "a document type declaration is not allowed in an OFAC list",
    .text_max = OX_TEXT_MAX,
    .start = on_start,
    .end = on_end,
};

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
	int rc = wl_xml_read(&p->x, &ox_format, p, path, fd, data, len);
	if (source)
		*source = p->source;
	wl_arena_free(&p->scratch);
	free(p->fields);
	free(p);
	return rc;
}

int wl_ofac_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                         int *source)
{
	return wl_xml_read_mem(ds, path, data, len, source, read_list);
}

static int ox_read(wl_dataset *ds, const char *path)
{
	return wl_xml_read_file(ds, path, read_list);
}

/* ---- sniffing ---- */

/*
 * An OFAC XML list is an XML document whose root element is sdnList, with
 * or without a namespace prefix, named in letters, digits and "_-.:" only.
 */
static int ox_sniff(const char *path, const char *head, size_t n)
{
	size_t len;
	const char *name = wl_xml_first_element(head, n, &len);
	if (!name)
		return WL_SNIFF_NO;
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!isalnum((unsigned char)c) && c != '_' && c != '-' && c != '.' && c != ':')
			return WL_SNIFF_NO;
	}
	name = wl_xml_local_name(name, &len);
	return len == strlen(ox_root) && memcmp(name, ox_root, len) == 0 ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_ofac_xml = {
    .name = "ofac_xml",
    .description = "OFAC SDN or consolidated list in the sdn.xml schema (XML)",
    .sniff = ox_sniff,
    .read = ox_read,
};
