/*
 * us_csl_csv.c - the US Consolidated Screening List reader (see us_csl_csv.h).
 *
 * The file. CSV with a header row, comma-separated, fields quoted with ""
 * escapes when they need it (and then they may span lines), UTF-8; served
 * gzipped (detected by the magic bytes 1f 8b, not the name; a file is read
 * with zlib's gzopen/gzread, memory with inflate) or plain, and cut into
 * fields by the CSV cursor the CSV readers share (csv_cursor.c). Columns
 * are found by their names in the header; _id, source, entity_number,
 * type and name must be there. A column this reader does not know is
 * kept, as notes "column: value". Lists inside a field ("; "-separated):
 * programs, addresses, alt_names, citizenships, dates_of_birth,
 * nationalities, places_of_birth, ids.
 *
 * The lists. The source column names the list, with its abbreviation in
 * parentheses. Each list is a source of its own, named as OpenSanctions
 * names the list where it has one:
 *
 *   SDN  Specially Designated Nationals (Treasury)      us_trade_csl_sdn
 *   SSI  Sectoral Sanctions Identifications (Treasury)  us_trade_csl_ssi
 *   FSE  Foreign Sanctions Evaders (Treasury)           us_trade_csl_fse
 *   NS-MBS List  Non-SDN Menu-Based Sanctions (Treasury) us_trade_csl_nsmbs
 *   CMIC Non-SDN Chinese Military-Industrial Complex    us_trade_csl_cmic
 *   PLC  Palestinian Legislative Council (Treasury)     us_trade_csl_plc
 *   CAP  Capta List (Treasury)                          us_trade_csl_cap
 *   EL   Entity List (Commerce, BIS)                    us_bis_entity
 *   DPL  Denied Persons List (Commerce, BIS)            us_bis_denied
 *   UVL  Unverified List (Commerce, BIS)                us_bis_unverified
 *   MEU  Military End User List (Commerce, BIS)         us_bis_meu
 *   DTC  ITAR Debarred (State, DDTC)                    us_ddtc_debarred
 *   ISN  Nonproliferation Sanctions (State, ISN)        us_state_isn
 *
 * A list not in the table becomes "us_trade_csl_<abbreviation>" (a
 * Treasury list when its name says "Treasury"), one without an
 * abbreviation "us_trade_csl". Topics: sanction for the Treasury's and the
 * State Department's sanctions, export.control for the Commerce lists,
 * debarment for ITAR debarments. A file may hold at most CSL_MAX_LISTS
 * lists. Every list read from a file is dated by the file: the latest
 * start_date of any row (the CSL states no date of its own).
 *
 * Treasury rows are OFAC's entries (entity_number is OFAC's ent_num): they
 * become, or join, the entity "ofac-<entity_number>" that the OFAC readers
 * make, their values credited to the CSL list's source. The same entry on
 * several Treasury lists (SDN and SSI and CAP) is thus one entity. All
 * other rows become "us-csl-<_id>". Every value's record is the row's _id.
 *
 * Mapping: type Individual -> Person, Entity -> Organization, Vessel,
 * Aircraft -> Airplane, none (the Commerce and State lists) -> LegalEntity;
 * name (a Person's "LAST, First" also as lastName/firstName); alt_names ->
 * alias; programs -> program; title -> position; addresses -> address with
 * the country that ends it as a code (also a country value); start_date ->
 * listingDate; citizenships, nationalities -> codes; places_of_birth;
 * dates_of_birth ("1973-03-25", "1967", "circa 1967", "1958 to 1960") and
 * ids through OFAC's remarks parser, as the OFAC readers do, so the values
 * agree with theirs; vessel columns as in ofac_csv.c; Treasury remarks
 * through the remarks parser (wl_ofac_remarks_apply), other lists' remarks,
 * the Federal Register notice, end date, standard order and licence
 * requirement and policy as notes; the two URLs as sourceUrl.
 *
 * ids: items "[CC, ][date, [date, ]]value, type": an ISO country code,
 * then an expiry and an issue date (two dates are always expiry, issue; a
 * single one may be either, so it is kept as "dated"), the value (which
 * may hold ", ") and the kind ("Passport", "Gender", "Website",
 * "Secondary sanctions risk:"). Each is written back as the legacy remarks
 * fragment, dates in OFAC's wording ("Passport K475336 (JO) issued 31 Aug
 * 2009 expires 30 Aug 2014"), and parsed by sdn_remarks.c, so that the
 * values and their details are those the OFAC readers give; the item is
 * kept as the original wording. The Entity List's "and " that joins the
 * last part of a list ("X; and Y") is dropped.
 *
 * Errors: "FILE:LINE: column: what is wrong" for a missing header column,
 * broken quoting, a row whose field count differs from the header's, a
 * missing _id, source or name, an entity number that is no number,
 * invalid UTF-8 (and NUL bytes), a truncated or corrupt gzip stream.
 */
#include "us_csl_csv.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "csv_cursor.h"
#include "model/error.h"
#include "ofac_xml.h"
#include "sdn_remarks.h"
#include "text/countries.h"

#define CSL_MAX_BYTES   ((size_t)1 << 30) /* decompressed bytes of one file */
#define CSL_MAX_COLUMNS 64
#define CSL_MAX_LISTS   64
#define CSL_ID_MAX      128 /* bytes of an _id */
#define ENT_NUM_MAX     12  /* digits of an OFAC entity number */
#define SNIFF_INFLATE   4096

/* ---- columns ---- */

enum {
	C_ID,
	C_SOURCE,
	C_ENTITY_NUMBER,
	C_TYPE,
	C_PROGRAMS,
	C_NAME,
	C_TITLE,
	C_ADDRESSES,
	C_FR_NOTICE,
	C_START_DATE,
	C_END_DATE,
	C_STANDARD_ORDER,
	C_LICENSE_REQUIREMENT,
	C_LICENSE_POLICY,
	C_CALL_SIGN,
	C_VESSEL_TYPE,
	C_GROSS_TONNAGE,
	C_GROSS_REGISTERED_TONNAGE,
	C_VESSEL_FLAG,
	C_VESSEL_OWNER,
	C_REMARKS,
	C_SOURCE_LIST_URL,
	C_ALT_NAMES,
	C_CITIZENSHIPS,
	C_DATES_OF_BIRTH,
	C_NATIONALITIES,
	C_PLACES_OF_BIRTH,
	C_SOURCE_INFORMATION_URL,
	C_IDS,
	C_COUNT
};

static const char *const column_names[C_COUNT] = {
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
};

static const int required_columns[] = {C_ID, C_SOURCE, C_ENTITY_NUMBER, C_TYPE, C_NAME};

/* ---- the lists ---- */

typedef struct csl_list {
	const char *code; /* the abbreviation in parentheses in the source column */
	const char *name; /* the source's name */
	const char *publisher;
	const char *topic;
	bool treasury; /* OFAC's list: rows join "ofac-<entity_number>" */
} csl_list;

#define OFAC  "US Treasury, Office of Foreign Assets Control"
#define BIS   "US Department of Commerce, Bureau of Industry and Security"
#define DDTC  "US Department of State, Directorate of Defense Trade Controls"
#define ISN   "US Department of State, Bureau of International Security and Nonproliferation"
#define OTHER "US Government (Consolidated Screening List)"

static const csl_list known_lists[] = {
    {"SDN", "us_trade_csl_sdn", OFAC, "sanction", true},
    {"SSI", "us_trade_csl_ssi", OFAC, "sanction", true},
    {"FSE", "us_trade_csl_fse", OFAC, "sanction", true},
    {"NS-MBS List", "us_trade_csl_nsmbs", OFAC, "sanction", true},
    {"CMIC", "us_trade_csl_cmic", OFAC, "sanction", true},
    {"PLC", "us_trade_csl_plc", OFAC, "sanction", true},
    {"CAP", "us_trade_csl_cap", OFAC, "sanction", true},
    {"EL", "us_bis_entity", BIS, "export.control", false},
    {"DPL", "us_bis_denied", BIS, "export.control", false},
    {"UVL", "us_bis_unverified", BIS, "export.control", false},
    {"MEU", "us_bis_meu", BIS, "export.control", false},
    {"DTC", "us_ddtc_debarred", DDTC, "debarment", false},
    {"ISN", "us_state_isn", ISN, "sanction", false},
};

/* A list met in the file: its source column's text and its source. */
typedef struct list_seen {
	char *text; /* the source column, malloc'd */
	csl_list list;
	char name[48]; /* the source's name, for a list not in the table */
	int source;
} list_seen;

/* ---- CSV records ---- */

/* The CSL's dialect: strict quoting, blank lines skipped, a lone CR a line end. */
#define CSL_CSV (WL_CSV_SKIP_BLANK_LINES | WL_CSV_STRICT_QUOTES | WL_CSV_CR_LINES)

/* What is wrong with a malformed record, in this reader's words. */
static const char *csv_what(const wl_csv *c)
{
	return c->fault == WL_CSV_AFTER_QUOTE ? "text after a closing quote" : c->bad_what;
}

/* ---- the reader's state ---- */

typedef struct csl_reader {
	wl_dataset *ds;
	const char *path;
	wl_csv csv;
	int col[C_COUNT];                    /* field index of each known column, or -1 */
	const char *header[CSL_MAX_COLUMNS]; /* the header's names */
	bool known[CSL_MAX_COLUMNS];         /* the column is one of column_names */
	size_t ncolumns;
	list_seen lists[CSL_MAX_LISTS];
	size_t nlists;
	int first_source;
	char list_date[11]; /* the latest start_date, "" when none */
	wl_arena scratch;   /* strings built for one row */
	/* the row being read */
	wl_entity *e;
	const char *record;
	const list_seen *list;
} csl_reader;

static int no_memory(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

static int row_error(const csl_reader *r, const char *column, const char *what)
{
	return wl_error_input(r->path, r->csv.record_line, column, "%s", what);
}

/* A column's text in the current row, trimmed; NULL when absent or empty. */
static char *col(const csl_reader *r, int c)
{
	int i = r->col[c];
	if (i < 0)
		return NULL;
	char *s = r->csv.f[i].s;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return n ? s : NULL;
}

/* ---- putting values ---- */

static int put(csl_reader *r, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	wl_fact f = {
	    .detail = detail, .country = country, .record = r->record, .original = original};
	return wl_entity_puts(r->ds, r->e, prop, text, &f);
}

static int put_note(csl_reader *r, const char *label, const char *text)
{
	if (!text)
		return WL_OK;
	char *s = wl_arena_printf(&r->scratch, "%s: %s", label, text);
	return s ? put(r, WL_PROP_NOTES, s, NULL, NULL, NULL) : no_memory();
}

static int put_column(csl_reader *r, int c, wl_prop prop, const char *detail)
{
	return put(r, prop, col(r, c), detail, NULL, NULL);
}

static int put_column_note(csl_reader *r, int c, const char *label)
{
	return put_note(r, label, col(r, c));
}

/* A country property from a code or name; unknown wording goes to notes. */
static int put_country(csl_reader *r, wl_prop prop, const char *text, const char *label)
{
	const char *code = wl_sdn_country_code(text, strlen(text));
	if (!code)
		return put_note(r, label, text);
	return put(r, prop, code, NULL, NULL, text);
}

typedef int (*part_fn)(csl_reader *r, char *part, const void *arg);

/*
 * Calls fn for each "; "-separated part of a column (cut in place), trimmed,
 * not empty. The Entity List joins the last part of some lists with "and "
 * ("X; and Y"): that word is a joiner, not part of the name or address.
 */
static int each_part(csl_reader *r, int c, part_fn fn, const void *arg)
{
	char *s = col(r, c);
	int rc = WL_OK;
	while (s && !rc) {
		char *sep = strstr(s, "; ");
		if (sep)
			*sep = '\0';
		while (*s == ' ')
			s++;
		if (strncmp(s, "and ", 4) == 0)
			s += 4;
		size_t n = strlen(s);
		while (n && s[n - 1] == ' ')
			s[--n] = '\0';
		if (n)
			rc = fn(r, s, arg);
		s = sep ? sep + 2 : NULL;
	}
	return rc;
}

static int part_value(csl_reader *r, char *part, const void *prop)
{
	return put(r, *(const wl_prop *)prop, part, NULL, NULL, NULL);
}

static int part_country(csl_reader *r, char *part, const void *prop)
{
	wl_prop p = *(const wl_prop *)prop;
	return put_country(r, p, part, wl_prop_name(p));
}

static int put_parts(csl_reader *r, int c, wl_prop prop)
{
	return each_part(r, c,
	                 prop == WL_PROP_NATIONALITY || prop == WL_PROP_CITIZENSHIP ? part_country
	                                                                            : part_value,
	                 &prop);
}

/* The text after the last ", " of s (s itself when there is none). */
static char *last_part(char *s)
{
	char *last = s;
	for (char *p = s; (p = strstr(p, ", ")); p += 2)
		last = p + 2;
	return last;
}

/* "Agiou Andreou, 332, Limassol, 3035, CY": the address, its last part a country. */
static int part_address(csl_reader *r, char *part, const void *unused)
{
	const char *tail = last_part(part);
	const char *code = wl_sdn_country_code(tail, strlen(tail));
	if (code && tail == part) /* a country alone */
		return put(r, WL_PROP_COUNTRY, code, NULL, NULL, part);
	int rc = put(r, WL_PROP_ADDRESS, part, NULL, code, NULL);
	return !rc && code ? put(r, WL_PROP_COUNTRY, code, NULL, NULL, tail) : rc;
}

/* ---- dates ---- */

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/*
 * An ISO date at s (n bytes) that ends there or at a blank: "1973-03-25" or
 * "1973-03". Returns its length and sets *y, *m, *d (0 for a month), or 0.
 */
static size_t iso_token(const char *s, size_t n, int *y, int *m, int *d)
{
	if (n < 7 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2))
		return 0;
	*y = atoi(s);
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = 0;
	size_t len = 7;
	if (n >= 10 && s[7] == '-' && digits(s + 8, 2)) {
		*d = (s[8] - '0') * 10 + (s[9] - '0');
		len = 10;
	}
	if (*m < 1 || *m > 12 || (len == 10 && (*d < 1 || *d > 31)))
		return 0;
	return len == n || s[len] == ' ' ? len : 0;
}

/* s with its ISO dates in OFAC's wording: "circa 1973-03-25" -> "circa 25 Mar 1973". */
static char *ofac_dates(csl_reader *r, const char *s)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	size_t n = strlen(s), cap = 2 * n + 1, j = 0;
	char *out = wl_arena_alloc(&r->scratch, cap);
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		int y, m, d;
		size_t len = i == 0 || s[i - 1] == ' ' ? iso_token(s + i, n - i, &y, &m, &d) : 0;
		if (!len) {
			out[j++] = s[i++];
			continue;
		}
		int w = d ? snprintf(out + j, cap - j, "%02d %s %04d", d, months[m - 1], y)
		          : snprintf(out + j, cap - j, "%s %04d", months[m - 1], y);
		j += (size_t)w;
		i += len;
	}
	out[j] = '\0';
	return out;
}

/* "1973-03-25", "1967", "circa 1967", "1958 to 1960": as OFAC's "DOB ..." fragment. */
static int part_birth_date(csl_reader *r, char *part, const void *unused)
{
	char *dates = ofac_dates(r, part);
	char *frag = dates ? wl_arena_printf(&r->scratch, "DOB %s", dates) : NULL;
	if (!frag)
		return no_memory();
	return wl_ofac_fragment_apply(r->ds, r->e, frag, r->record, part);
}

/* start_date: listingDate, and the latest one dates the file. */
static int put_start_date(csl_reader *r)
{
	const char *text = col(r, C_START_DATE);
	if (!text)
		return WL_OK;
	int y, m, d;
	size_t n = strlen(text);
	if (iso_token(text, n, &y, &m, &d) != n)
		return put_note(r, "start date", text);
	if (n == 10 && strcmp(text, r->list_date) > 0)
		memcpy(r->list_date, text, 11);
	return put(r, WL_PROP_LISTING_DATE, text, NULL, NULL, NULL);
}

/* ---- identifiers ---- */

static bool is_country_code(const char *s)
{
	return isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && s[2] == ',' &&
	       s[3] == ' ';
}

static bool is_date_part(const char *s)
{
	int y, m, d;
	return strlen(s) > 12 && iso_token(s, 10, &y, &m, &d) == 10 && s[10] == ',' && s[11] == ' ';
}

/* The dates of an id in OFAC's wording: " issued X expires Y", or " (dated X)" for one. */
static char *id_dates(csl_reader *r, char *const *dates, size_t ndates)
{
	if (!ndates)
		return "";
	char *first = ofac_dates(r, dates[0]), *second = ndates == 2 ? ofac_dates(r, dates[1]) : "";
	if (!first || !second)
		return NULL;
	if (ndates == 1)
		return wl_arena_printf(&r->scratch, " (dated %s)", first);
	return wl_arena_printf(&r->scratch, " issued %s expires %s", second, first);
}

/*
 * "[CC, ][expires, [issued, ]]value, type" -> "type value (CC) issued X
 * expires Y", OFAC's own wording, parsed by the remarks parser. A single
 * date, which may be either, goes before the country: "(dated X) (CC)".
 */
static int part_id(csl_reader *r, char *part, const void *unused)
{
	char *original = wl_arena_strdup(&r->scratch, part);
	if (!original)
		return no_memory();
	char *type = last_part(part);
	if (type == part)
		return put_note(r, "ids", part);
	type[-2] = '\0';
	char *body = part, *cc = NULL, *dates[2];
	size_t ndates = 0;
	if (strstr(body, ", ") && is_country_code(body)) {
		cc = body;
		cc[2] = '\0';
		body += 4;
	}
	while (ndates < 2 && is_date_part(body)) {
		dates[ndates++] = body;
		body[10] = '\0';
		body += 12;
	}
	char *when = id_dates(r, dates, ndates);
	char *country = cc ? wl_arena_printf(&r->scratch, " (%s)", cc) : "";
	if (!when || !country)
		return no_memory();
	char *frag = ndates == 2
	                 ? wl_arena_printf(&r->scratch, "%s %s%s%s", type, body, country, when)
	                 : wl_arena_printf(&r->scratch, "%s %s%s%s", type, body, when, country);
	if (!frag)
		return no_memory();
	return wl_ofac_fragment_apply(r->ds, r->e, frag, r->record, original);
}

/* ---- the row's columns ---- */

static int put_names(csl_reader *r, const char *name)
{
	int rc = put(r, WL_PROP_NAME, name, NULL, NULL, NULL);
	const char *comma = strchr(name, ',');
	if (rc || r->e->schema != WL_SCHEMA_PERSON || !comma)
		return rc;
	wl_fact f = {.record = r->record, .original = name};
	rc = wl_entity_put(r->ds, r->e, WL_PROP_LAST_NAME, name, (size_t)(comma - name), &f);
	return rc ? rc : wl_entity_puts(r->ds, r->e, WL_PROP_FIRST_NAME, comma + 1, &f);
}

static int put_vessel(csl_reader *r)
{
	int rc = put_column(r, C_CALL_SIGN, WL_PROP_CALL_SIGN, NULL);
	if (!rc)
		rc = put_column(r, C_VESSEL_TYPE, WL_PROP_VESSEL_TYPE, NULL);
	if (!rc)
		rc = put_column(r, C_GROSS_TONNAGE, WL_PROP_TONNAGE, NULL);
	if (!rc)
		rc = put_column(r, C_GROSS_REGISTERED_TONNAGE, WL_PROP_TONNAGE, "GRT");
	const char *flag = col(r, C_VESSEL_FLAG), *owner = col(r, C_VESSEL_OWNER);
	if (!rc && flag)
		rc = put_country(r, WL_PROP_FLAG, flag, "Vessel Flag");
	if (rc || !owner)
		return rc;
	wl_fact f = {.record = r->record};
	return wl_entity_link(r->ds, r->e, "owner", NULL, owner, NULL, &f);
}

/* Treasury remarks through OFAC's remarks parser; other lists' remarks as notes. */
static int put_remarks(csl_reader *r)
{
	const char *text = col(r, C_REMARKS);
	if (!text || !r->list->list.treasury)
		return put(r, WL_PROP_NOTES, text, NULL, NULL, NULL);
	return wl_ofac_remarks_apply(r->ds, r->e, text, strlen(text), r->record);
}

static int put_notes(csl_reader *r)
{
	int rc = put_column_note(r, C_FR_NOTICE, "Federal Register notice");
	if (!rc)
		rc = put_column_note(r, C_END_DATE, "end date");
	if (!rc)
		rc = put_column_note(r, C_STANDARD_ORDER, "standard order");
	if (!rc)
		rc = put_column_note(r, C_LICENSE_REQUIREMENT, "license requirement");
	if (!rc)
		rc = put_column_note(r, C_LICENSE_POLICY, "license policy");
	for (size_t i = 0; i < r->ncolumns && !rc; i++) {
		if (r->known[i])
			continue;
		const char *label = r->header[i];
		if (!*label && !(label = wl_arena_printf(&r->scratch, "column %zu", i + 1)))
			return no_memory();
		char *s = r->csv.f[i].s;
		rc = put_note(r, label, *s ? s : NULL);
	}
	return rc;
}

static int put_columns(csl_reader *r, const char *name)
{
	int rc = put_names(r, name);
	if (!rc)
		rc = put(r, WL_PROP_TOPICS, r->list->list.topic, NULL, NULL, NULL);
	if (!rc)
		rc = each_part(r, C_ALT_NAMES, part_value, &(wl_prop){WL_PROP_ALIAS});
	if (!rc)
		rc = put_parts(r, C_PROGRAMS, WL_PROP_PROGRAM);
	if (!rc)
		rc = put_column(r, C_TITLE, WL_PROP_POSITION, NULL);
	if (!rc)
		rc = each_part(r, C_ADDRESSES, part_address, NULL);
	if (!rc)
		rc = put_start_date(r);
	if (!rc)
		rc = each_part(r, C_DATES_OF_BIRTH, part_birth_date, NULL);
	if (!rc)
		rc = put_parts(r, C_PLACES_OF_BIRTH, WL_PROP_BIRTH_PLACE);
	if (!rc)
		rc = put_parts(r, C_NATIONALITIES, WL_PROP_NATIONALITY);
	if (!rc)
		rc = put_parts(r, C_CITIZENSHIPS, WL_PROP_CITIZENSHIP);
	if (!rc)
		rc = each_part(r, C_IDS, part_id, NULL);
	if (!rc)
		rc = put_vessel(r);
	if (!rc)
		rc = put_remarks(r);
	if (!rc)
		rc = put_notes(r);
	if (!rc)
		rc = put_column(r, C_SOURCE_LIST_URL, WL_PROP_SOURCE_URL, NULL);
	if (!rc)
		rc = put_column(r, C_SOURCE_INFORMATION_URL, WL_PROP_SOURCE_URL, NULL);
	return rc;
}

/* ---- lists and entities ---- */

/* The abbreviation in the first parentheses of s, into out (n bytes); false when none. */
static bool list_code(const char *s, char *out, size_t n)
{
	const char *open = strchr(s, '('), *close = open ? strchr(open, ')') : NULL;
	if (!close || close == open + 1 || (size_t)(close - open) > n)
		return false;
	snprintf(out, n, "%.*s", (int)(close - open - 1), open + 1);
	return true;
}

/* A list not in the table: "us_trade_csl_<abbreviation>", its publisher after " - ". */
static void list_guess(list_seen *ls, const char *code)
{
	strcpy(ls->name, "us_trade_csl");
	size_t n = strlen(ls->name);
	if (code)
		ls->name[n++] = '_';
	for (; code && *code && n + 1 < sizeof(ls->name); code++) {
		unsigned char c = (unsigned char)*code;
		if (isalnum(c))
			ls->name[n++] = (char)tolower(c);
	}
	ls->name[n] = '\0';
	const char *dash = strstr(ls->text, " - ");
	ls->list = (csl_list){
	    .code = NULL,
	    .name = ls->name,
	    .publisher = dash ? dash + 3 : OTHER,
	    .topic = "sanction",
	    .treasury = strstr(ls->text, "Treasury") != NULL,
	};
}

static int list_add(csl_reader *r, const char *text, list_seen **out)
{
	if (r->nlists == CSL_MAX_LISTS)
		return row_error(r, "source", "more lists than the reader takes in one file");
	list_seen *ls = &r->lists[r->nlists];
	memset(ls, 0, sizeof(*ls));
	if (!(ls->text = strdup(text)))
		return no_memory();
	r->nlists++;
	char code[32];
	bool coded = list_code(text, code, sizeof(code));
	const csl_list *known = NULL;
	for (size_t i = 0; coded && i < sizeof(known_lists) / sizeof(known_lists[0]); i++)
		if (strcmp(code, known_lists[i].code) == 0)
			known = &known_lists[i];
	if (known)
		ls->list = *known;
	else
		list_guess(ls, coded ? code : NULL);
	wl_source s = {
	    .name = ls->list.name,
	    .title = wl_arena_printf(&r->scratch, "Consolidated Screening List: %s", text),
	    .format = "us_csl_csv",
	    .publisher = ls->list.publisher,
	    .url = "https://www.trade.gov/consolidated-screening-list",
	    .licence = "US Government work (public domain)",
	};
	if (!s.title)
		return no_memory();
	ls->source = wl_dataset_source(r->ds, &s);
	if (ls->source < 0)
		return ls->source;
	*out = ls;
	return WL_OK;
}

static int list_for(csl_reader *r, const char *text, const list_seen **out)
{
	for (size_t i = 0; i < r->nlists; i++) {
		if (strcmp(r->lists[i].text, text) == 0) {
			*out = &r->lists[i];
			return WL_OK;
		}
	}
	list_seen *ls = NULL;
	int rc = list_add(r, text, &ls);
	if (!rc && r->first_source < 0)
		r->first_source = ls->source;
	*out = ls;
	return rc;
}

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
	*out = WL_SCHEMA_LEGAL_ENTITY;
	if (!type)
		return true;
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcasecmp(type, types[i].type) == 0) {
			*out = types[i].schema;
			return true;
		}
	}
	return false;
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n > CSL_ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			return false;
	return true;
}

/* An OFAC entity number: digits, without leading zeros (so "036" joins "36"); NULL if not. */
static const char *entity_number(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > ENT_NUM_MAX || !digits(s, n))
		return NULL;
	while (s[0] == '0' && s[1])
		s++;
	return s;
}

/* The row's entity: OFAC's for a Treasury row with an entity number, else its own. */
static int row_entity(csl_reader *r, const char *id, const char *type)
{
	wl_schema schema;
	bool known = schema_of(type, &schema);
	const char *number = col(r, C_ENTITY_NUMBER);
	if (r->list->list.treasury && number) {
		const char *ent = entity_number(number);
		if (!ent)
			return row_error(r, "entity_number", "not an OFAC entity number");
		r->e = wl_dataset_entity(r->ds, r->list->source, "ofac", ent, schema);
	} else {
		r->e = wl_dataset_entity(r->ds, r->list->source, "us-csl", id, schema);
	}
	if (!r->e)
		return no_memory();
	int rc = known ? WL_OK : put_note(r, "type", type);
	if (!rc && number && !r->list->list.treasury)
		rc = put_note(r, "entity number", number);
	return rc;
}

/* The field count and the encoding of every field of the current row. */
static int check_row(csl_reader *r)
{
	const wl_csv *c = &r->csv;
	if (c->nf != r->ncolumns) {
		size_t at = c->nf < r->ncolumns ? c->nf : r->ncolumns - 1;
		return wl_error_input(r->path, c->record_line, r->header[at],
		                      "%zu fields, the header has %zu", c->nf, r->ncolumns);
	}
	for (size_t i = 0; i < c->nf; i++)
		if (!wl_utf8_valid(c->f[i].s, c->f[i].n))
			return wl_error_input(r->path, c->record_line, r->header[i],
			                      "not valid UTF-8 text");
	return WL_OK;
}

static int read_row(csl_reader *r)
{
	wl_arena_free(&r->scratch);
	wl_arena_init(&r->scratch);
	int rc = check_row(r);
	if (rc)
		return rc;
	const char *id = col(r, C_ID), *source = col(r, C_SOURCE), *name = col(r, C_NAME);
	if (!id)
		return row_error(r, "_id", "empty: every row needs an id");
	if (!id_valid(id))
		return wl_error_input(r->path, r->csv.record_line, "_id",
		                      "not a record id: \"%.64s\"", id);
	if (!source)
		return row_error(r, "source", "empty: every row names its list");
	if (!name)
		return row_error(r, "name", "empty");
	r->record = id;
	rc = list_for(r, source, &r->list);
	if (!rc)
		rc = row_entity(r, id, col(r, C_TYPE));
	return rc ? rc : put_columns(r, name);
}

/* ---- the header ---- */

static int read_header(csl_reader *r)
{
	wl_csv *c = &r->csv;
	int got = wl_csv_next(c);
	if (got == WL_CSV_END)
		return wl_error_input(r->path, 0, NULL, "empty: no header row");
	if (got == WL_CSV_MALFORMED)
		return wl_error_input(r->path, c->record_line, "header", "%s", csv_what(c));
	if (got < 0)
		return got;
	if (c->nf > CSL_MAX_COLUMNS)
		return wl_error_input(r->path, c->record_line, "header", "more than %d columns",
		                      CSL_MAX_COLUMNS);
	r->ncolumns = c->nf;
	for (size_t i = 0; i < c->nf; i++) {
		if (!wl_utf8_valid(c->f[i].s, c->f[i].n))
			return wl_error_input(r->path, c->record_line, "header",
			                      "column %zu: not valid UTF-8 text", i + 1);
		r->header[i] = c->f[i].s;
		for (int k = 0; k < C_COUNT; k++) {
			if (strcmp(c->f[i].s, column_names[k]) != 0)
				continue;
			if (r->col[k] >= 0)
				return wl_error_input(r->path, c->record_line, column_names[k],
				                      "a second column of that name");
			r->col[k] = (int)i;
			r->known[i] = true;
		}
	}
	for (size_t i = 0; i < sizeof(required_columns) / sizeof(required_columns[0]); i++) {
		int k = required_columns[i];
		if (r->col[k] < 0)
			return wl_error_input(r->path, c->record_line, column_names[k],
			                      "missing from the header row");
	}
	return WL_OK;
}

/* ---- reading ---- */

static void reader_init(csl_reader *r, wl_dataset *ds, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->ds = ds;
	r->path = path;
	r->first_source = -1;
	for (int k = 0; k < C_COUNT; k++)
		r->col[k] = -1;
	wl_arena_init(&r->scratch);
}

static void reader_free(csl_reader *r)
{
	wl_csv_free(&r->csv);
	for (size_t i = 0; i < r->nlists; i++)
		free(r->lists[i].text);
	wl_arena_free(&r->scratch);
}

/* Every list read is dated by the file: its latest start_date. */
static int date_lists(csl_reader *r)
{
	for (size_t i = 0; i < r->nlists && r->list_date[0]; i++) {
		wl_source s = {.name = r->lists[i].list.name, .list_date = r->list_date};
		int rc = wl_dataset_source(r->ds, &s);
		if (rc < 0)
			return rc;
	}
	return WL_OK;
}

/* Parses the text (len bytes, NUL-terminated, modified in place). */
static int read_text(csl_reader *r, char *text, size_t len)
{
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	wl_csv_init(&r->csv, text, len, CSL_CSV, CSL_MAX_COLUMNS);
	int rc = read_header(r), got = WL_CSV_END;
	while (!rc && (got = wl_csv_next(&r->csv)) == WL_CSV_RECORD)
		rc = read_row(r);
	if (!rc && got == WL_CSV_MALFORMED) {
		size_t at = r->csv.nf < r->ncolumns ? r->csv.nf : r->ncolumns - 1;
		rc = wl_error_input(r->path, r->csv.record_line, r->header[at], "%s",
		                    csv_what(&r->csv));
	} else if (!rc && got < 0) {
		rc = got;
	}
	if (!rc && r->nlists == 0)
		rc = wl_error_input(r->path, 0, NULL, "no rows: a header row alone");
	return rc ? rc : date_lists(r);
}

/* ---- gzip ---- */

static bool is_gzip(const char *data, size_t len)
{
	return len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b;
}

/* Grows buf to hold more than *cap bytes (and a NUL); false when it would pass the limit. */
static int grow_text(const char *path, char **buf, size_t *cap)
{
	if (*cap >= CSL_MAX_BYTES)
		return wl_error_input(path, 0, NULL, "more than %zu bytes of text", CSL_MAX_BYTES);
	size_t ncap = *cap * 2 < CSL_MAX_BYTES ? *cap * 2 : CSL_MAX_BYTES;
	char *p = realloc(*buf, ncap + 1);
	if (!p)
		return no_memory();
	*buf = p;
	*cap = ncap;
	return WL_OK;
}

/* Inflates a gzip stream (members one after another; bytes after the last are ignored). */
static int gunzip_mem(const char *path, const char *data, size_t len, char **out, size_t *outlen)
{
	if (len > UINT32_MAX)
		return wl_error_input(path, 0, NULL, "gzip file too large");
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return no_memory();
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	int rc = buf ? WL_OK : no_memory();
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	while (!rc) {
		if (n == cap && (rc = grow_text(path, &buf, &cap)))
			break;
		z.next_out = (Bytef *)buf + n;
		z.avail_out = (uInt)(cap - n);
		int zr = inflate(&z, Z_NO_FLUSH);
		n = cap - z.avail_out;
		if (zr == Z_STREAM_END) {
			if (!is_gzip((const char *)z.next_in, z.avail_in))
				break;
			inflateReset(&z);
		} else if (zr == Z_BUF_ERROR && z.avail_in == 0) {
			rc = wl_error_input(path, 0, NULL, "the gzip stream is truncated");
		} else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			rc = wl_error_input(path, 0, NULL, "corrupt gzip stream: %s",
			                    z.msg ? z.msg : "inflate failed");
		}
	}
	inflateEnd(&z);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return WL_OK;
}

/* zlib's message for a gzFile ("PATH: what") without the path. */
static const char *gz_message(gzFile gz, int *err)
{
	const char *msg = gzerror(gz, err);
	const char *colon = msg ? strrchr(msg, ':') : NULL;
	return colon ? colon + 2 : msg ? msg : "error";
}

/*
 * A file's text: gzread inflates a gzip file (members one after another)
 * and passes any other through. At the end gzerror tells whether the last
 * stream was complete: Z_BUF_ERROR, the file ends inside it.
 */
static int gunzip_file(const char *path, char **out, size_t *outlen)
{
	gzFile gz = gzopen(path, "rb");
	if (!gz)
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(errno));
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	int rc = buf ? WL_OK : no_memory(), err = Z_OK;
	while (!rc) {
		if (n == cap && (rc = grow_text(path, &buf, &cap)))
			break;
		size_t want = cap - n < (1u << 30) ? cap - n : (1u << 30);
		int got = gzread(gz, buf + n, (unsigned)want);
		if (got > 0) {
			n += (size_t)got;
			continue;
		}
		const char *msg = gz_message(gz, &err);
		if (got == 0 && err == Z_BUF_ERROR)
			rc = wl_error_input(path, 0, NULL, "the gzip stream is truncated");
		else if (got < 0 && err == Z_ERRNO)
			rc = wl_error_set(WL_EIO, "%s: read error: %s", path, strerror(errno));
		else if (got < 0)
			rc = wl_error_input(path, 0, NULL, "corrupt gzip stream: %s", msg);
		break;
	}
	gzclose(gz);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = n;
	return WL_OK;
}

/* ---- entry points ---- */

int wl_us_csl_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source)
{
	if (source)
		*source = -1;
	if (!data)
		data = "", len = 0;
	char *text = NULL;
	size_t n = 0;
	int rc = WL_OK;
	if (is_gzip(data, len)) {
		rc = gunzip_mem(path, data, len, &text, &n);
	} else if (len > CSL_MAX_BYTES) {
		rc = wl_error_input(path, 0, NULL, "more than %zu bytes of text", CSL_MAX_BYTES);
	} else if ((text = malloc(len + 1))) {
		memcpy(text, data, len);
		text[len] = '\0';
		n = len;
	} else {
		rc = no_memory();
	}
	if (rc)
		return rc;
	csl_reader *r = malloc(sizeof(*r));
	if (!r) {
		free(text);
		return no_memory();
	}
	reader_init(r, ds, path);
	rc = read_text(r, text, n);
	if (source)
		*source = r->first_source;
	reader_free(r);
	free(r);
	free(text);
	return rc;
}

/* Records the file in every source it held (once each). */
static int record_file(csl_reader *r)
{
	for (size_t i = 0; i < r->nlists; i++) {
		bool seen = false;
		for (size_t k = 0; k < i; k++)
			seen = seen || r->lists[k].source == r->lists[i].source;
		int rc = seen ? WL_OK
		              : wl_dataset_source_file(r->ds, r->lists[i].source, r->path, "list");
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int csl_read(wl_dataset *ds, const char *path)
{
	char *text = NULL;
	size_t n = 0;
	int rc = gunzip_file(path, &text, &n);
	if (rc)
		return rc;
	csl_reader *r = malloc(sizeof(*r));
	if (!r) {
		free(text);
		return no_memory();
	}
	reader_init(r, ds, path);
	rc = read_text(r, text, n);
	if (!rc)
		rc = record_file(r);
	reader_free(r);
	free(r);
	free(text);
	return rc;
}

/* ---- sniffing ---- */

/* True when the first line of s (n bytes) is a header with the required columns. */
static bool header_looks_right(const char *s, size_t n)
{
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	const char *eol = memchr(s, '\n', n);
	size_t line = eol ? (size_t)(eol - s) : n, found = 0;
	for (size_t i = 0; i < sizeof(required_columns) / sizeof(required_columns[0]); i++) {
		const char *name = column_names[required_columns[i]];
		size_t k = strlen(name);
		for (size_t at = 0; at + k <= line; at++) {
			bool start = at == 0 || s[at - 1] == ',' ||
			             (s[at - 1] == '"' && (at == 1 || s[at - 2] == ','));
			size_t after = at + k;
			bool end =
			    after == line || s[after] == ',' || s[after] == '\r' || s[after] == '"';
			if (start && end && memcmp(s + at, name, k) == 0) {
				found++;
				break;
			}
		}
	}
	return found == sizeof(required_columns) / sizeof(required_columns[0]);
}

/* The first bytes a gzip head inflates to, into out (cap bytes); their count. */
static size_t inflate_head(const char *head, size_t n, char *out, size_t cap)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 16) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)head;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int zr = inflate(&z, Z_SYNC_FLUSH);
	size_t got = cap - z.avail_out;
	inflateEnd(&z);
	return zr == Z_OK || zr == Z_STREAM_END || zr == Z_BUF_ERROR ? got : 0;
}

static int csl_sniff(const char *path, const char *head, size_t n)
{
	if (is_gzip(head, n)) {
		char buf[SNIFF_INFLATE];
		size_t got = inflate_head(head, n, buf, sizeof(buf));
		return got && header_looks_right(buf, got) ? 95 : WL_SNIFF_NO;
	}
	return header_looks_right(head, n) ? 95 : WL_SNIFF_NO;
}

const wl_reader wl_reader_us_csl_csv = {
    .name = "us_csl_csv",
    .description = "US Consolidated Screening List (trade.gov CSV, plain or gzipped)",
    .sniff = csl_sniff,
    .read = csl_read,
};
