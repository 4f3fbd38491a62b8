/*
 * uk_ofsi_csv.c - the OFSI consolidated list reader (see uk_ofsi_csv.h).
 *
 * The file. Line 1 is the banner "Last Updated,dd/mm/yyyy", line 2 the
 * header; then one record per name, CRLF, fields quoted when they hold
 * commas, quotes ("" escapes) or line breaks. Old files are
 * Windows-1252: a file that is not valid UTF-8 is converted with ICU. The
 * text is parsed in place in one private copy; the CSV cursor the CSV
 * readers share (csv_cursor.c) cuts each record into NUL-terminated
 * fields. Columns are looked up by their header's wording, so their order
 * does not matter; a column the reader does not know is kept as a note
 * "<header>: <value>".
 *
 * Rows and groups. Every row names one name of a group: its Alias Type
 * says which ("Primary name" -> name, a Person's Name 1 and Name 6 also
 * firstName and lastName; "Primary name variation", "Prime Alias" and
 * "AKA" -> alias, or weakAlias when Alias Quality is "Low"; "FKA" ->
 * previousName; a file without an Alias Type column has names only).
 * The group's other columns are repeated on each row (the
 * model keeps one copy of a repeated value). Several values in one cell
 * are numbered, "(1) Afghan (2) Pakistani": each becomes a value of its
 * own, and a passport number keeps the details of the same number.
 * Dates are "dd/mm/yyyy" with "00" for an unknown day or month; countries
 * become ISO codes (unknown wording goes to notes with its label).
 *
 * Other Information holds labelled parts, "(UK Sanctions List Ref):RUS0251.
 * (UN Ref):TAi.130. (UK Statement of Reasons):... (Gender):Male
 * (Phone number):(1) ... (2) ...": the UK Sanctions List reference becomes
 * a sameAs link to gb-fcdo-<ref>, the UN reference unscId (which links the
 * group to the UN list), gender, phone, email, website, registration
 * numbers, type of entity, parent companies and subsidiaries (links) and
 * ship details their properties; the rest is kept as notes. The non-Latin
 * name's script type and language are left out: they describe the name,
 * whose script is its own.
 */
#include "uk_ofsi_csv.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_cursor.h"
#include "model/error.h"
#include "sources/dmy_dates.h"
#include "sources/words.h"
#include "sources/text_decode.h"
#include "text/countries.h"

#define CSV_MAX_FIELDS 256 /* fields of one record */
#define ITEMS_MAX      64  /* numbered values in one cell */
#define LABEL_MAX      80  /* bytes of a label in Other Information */
#define ID_MAX         64  /* bytes of a Group ID */

static const char hmt_prefix[] = "gb-hmt";

/* ---- the columns ---- */

typedef enum col {
	COL_NAME1,
	COL_NAME2,
	COL_NAME3,
	COL_NAME4,
	COL_NAME5,
	COL_NAME6,
	COL_TITLE,
	COL_NON_LATIN,
	COL_NON_LATIN_TYPE,
	COL_NON_LATIN_LANGUAGE,
	COL_DOB,
	COL_TOWN_OF_BIRTH,
	COL_COUNTRY_OF_BIRTH,
	COL_NATIONALITY,
	COL_PASSPORT_NUMBER,
	COL_PASSPORT_DETAILS,
	COL_NI_NUMBER,
	COL_NI_DETAILS,
	COL_POSITION,
	COL_ADDRESS1,
	COL_ADDRESS2,
	COL_ADDRESS3,
	COL_ADDRESS4,
	COL_ADDRESS5,
	COL_ADDRESS6,
	COL_POSTCODE,
	COL_COUNTRY,
	COL_OTHER_INFORMATION,
	COL_GROUP_TYPE,
	COL_ALIAS_TYPE,
	COL_ALIAS_QUALITY,
	COL_REGIME,
	COL_LISTED_ON,
	COL_UK_DESIGNATED,
	COL_UK_REF,
	COL_LAST_UPDATED,
	COL_GROUP_ID,
	COL_COUNT
} col;

static const char *const col_names[COL_COUNT] = {
    [COL_NAME1] = "Name 1",
    [COL_NAME2] = "Name 2",
    [COL_NAME3] = "Name 3",
    [COL_NAME4] = "Name 4",
    [COL_NAME5] = "Name 5",
    [COL_NAME6] = "Name 6",
    [COL_TITLE] = "Title",
    [COL_NON_LATIN] = "Name Non-Latin Script",
    [COL_NON_LATIN_TYPE] = "Non-Latin Script Type",
    [COL_NON_LATIN_LANGUAGE] = "Non-Latin Script Language",
    [COL_DOB] = "DOB",
    [COL_TOWN_OF_BIRTH] = "Town of Birth",
    [COL_COUNTRY_OF_BIRTH] = "Country of Birth",
    [COL_NATIONALITY] = "Nationality",
    [COL_PASSPORT_NUMBER] = "Passport Number",
    [COL_PASSPORT_DETAILS] = "Passport Details",
    [COL_NI_NUMBER] = "National Identification Number",
    [COL_NI_DETAILS] = "National Identification Details",
    [COL_POSITION] = "Position",
    [COL_ADDRESS1] = "Address 1",
    [COL_ADDRESS2] = "Address 2",
    [COL_ADDRESS3] = "Address 3",
    [COL_ADDRESS4] = "Address 4",
    [COL_ADDRESS5] = "Address 5",
    [COL_ADDRESS6] = "Address 6",
    [COL_POSTCODE] = "Post/Zip Code",
    [COL_COUNTRY] = "Country",
    [COL_OTHER_INFORMATION] = "Other Information",
    [COL_GROUP_TYPE] = "Group Type",
    [COL_ALIAS_TYPE] = "Alias Type",
    [COL_ALIAS_QUALITY] = "Alias Quality",
    [COL_REGIME] = "Regime",
    [COL_LISTED_ON] = "Listed On",
    [COL_UK_DESIGNATED] = "UK Sanctions List Date Designated",
    [COL_UK_REF] = "UK Sanctions List Ref",
    [COL_LAST_UPDATED] = "Last Updated",
    [COL_GROUP_ID] = "Group ID",
};

static int col_of_name(const char *name)
{
	for (int c = 0; c < COL_COUNT; c++)
		if (wl_same_words(name, col_names[c]))
			return c;
	if (wl_same_words(name, "Date of Birth"))
		return COL_DOB;
	if (wl_same_words(name, "NI Number"))
		return COL_NI_NUMBER;
	if (wl_same_words(name, "NI Details"))
		return COL_NI_DETAILS;
	return -1;
}

/* ---- CSV records ---- */

/* OFSI's dialect: blanks around a field are dropped; more than CSV_MAX_FIELDS is malformed. */
#define OFSI_CSV (WL_CSV_TRIM | WL_CSV_LIMIT_FIELDS)

static bool record_blank(const wl_csv *c)
{
	for (size_t i = 0; i < c->nf; i++)
		if (c->f[i].n)
			return false;
	return true;
}

/* ---- dates ---- */

/*
 * "dd/mm/yyyy" (unknown parts "00": "00/00/1965", "00/05/1965"), or a year
 * alone, as an ISO prefix in out (11 bytes). False when it is no date.
 */
static bool uk_date(const char *s, char *out)
{
	size_t len = strlen(s);
	if (len == 4 && wl_dmy_digits(s, 4) && wl_dmy_num(s, 4) >= 1000) {
		wl_dmy_format(out, wl_dmy_num(s, 4), 0, 0);
		return true;
	}
	const char *s1 = strchr(s, '/');
	const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	if (!s2 || strlen(s2 + 1) != 4 || !wl_dmy_digits(s2 + 1, 4) || wl_dmy_num(s2 + 1, 4) < 1000)
		return false;
	int year = wl_dmy_num(s2 + 1, 4);
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

/* ---- numbered cells: "(1) a (2) b" ---- */

typedef struct span {
	const char *s;
	size_t n;
	size_t no; /* an item's number, "(3)" -> 3; 0 for a cell that is not numbered */
} span;

static span trim_span(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ','))
		n--;
	return (span){s, n, 0};
}

/* True when an item number "(j)" with k < j <= k + 8 is at p: j in *j, its length in *len. */
static bool number_at(const char *p, const char *end, size_t k, size_t *j, size_t *len)
{
	if (end - p < 3 || *p != '(' || !isdigit((unsigned char)p[1]))
		return false;
	size_t v = 0, d = 1;
	while (d <= 3 && p + d < end && isdigit((unsigned char)p[d]))
		v = v * 10 + (size_t)(p[d++] - '0');
	if (p + d >= end || p[d] != ')' || v <= k || v > k + 8)
		return false;
	*j = v;
	*len = d + 1;
	return true;
}

/* The next item number after k in [p, end) (an empty item may be left out), or NULL. */
static const char *next_number(const char *p, const char *end, size_t k, size_t *j, size_t *len)
{
	for (; p < end; p++)
		if (number_at(p, end, k, j, len))
			return p;
	return NULL;
}

/*
 * The items of a cell: "(1) a (2) b" gives "a" (no 1) and "b" (no 2); a
 * cell that does not start with an item number ("(1)", or "(2)" when the
 * first is empty) is one item (no 0). At most max
 * items; the last takes the rest. Empty items are left out. Returns the
 * number of items.
 */
static size_t split_numbered(const char *s, size_t n, span *out, size_t max)
{
	span all = trim_span(s, n);
	if (!all.n)
		return 0;
	size_t k = 0, len = 0;
	const char *p = all.s, *end = all.s + all.n;
	if (!number_at(p, end, 0, &k, &len)) {
		out[0] = all;
		return 1;
	}
	size_t count = 0;
	while (p && count < max) {
		size_t j = 0, next_len = 0;
		const char *next =
		    count + 1 < max ? next_number(p + len, end, k, &j, &next_len) : NULL;
		span item = trim_span(p + len, (size_t)((next ? next : end) - (p + len)));
		item.no = k;
		if (item.n)
			out[count++] = item;
		p = next;
		k = j;
		len = next_len;
	}
	return count;
}

/* The item numbered no, or NULL. */
static const span *item_no(const span *items, size_t n, size_t no)
{
	for (size_t i = 0; i < n; i++)
		if (items[i].no == no)
			return &items[i];
	return NULL;
}

/* ---- the reader's state ---- */

typedef struct ofsi_reader {
	wl_dataset *ds;
	const char *path;
	int source;
	wl_csv csv;
	int col_at[COL_COUNT];          /* header index of each known column, or -1 */
	int header_col[CSV_MAX_FIELDS]; /* known column of each header index, or -1 */
	char *header[CSV_MAX_FIELDS];   /* the header's wording */
	size_t ncols;
	char *list_date;
	wl_entity *e; /* the group of the row being read */
	wl_arena scratch;
} ofsi_reader;

static int no_memory(void)
{
	return wl_error_set(WL_ENOMEM, "out of memory");
}

/* The text of a column in the current row ("" when the header lacks it). */
static const char *cell(const ofsi_reader *r, col c)
{
	int at = r->col_at[c];
	return at >= 0 ? r->csv.f[at].s : "";
}

static int put_n(ofsi_reader *r, wl_prop prop, const char *s, size_t n, const char *detail,
                 const char *country, const char *original)
{
	wl_fact f = {.detail = detail, .country = country, .original = original};
	return wl_entity_put(r->ds, r->e, prop, s, n, &f);
}

static int put(ofsi_reader *r, wl_prop prop, const char *text, const char *detail,
               const char *country, const char *original)
{
	return put_n(r, prop, text, strlen(text), detail, country, original);
}

/* A note "label: text". */
static int put_note_n(ofsi_reader *r, const char *label, const char *s, size_t n)
{
	span t = trim_span(s, n);
	if (!t.n)
		return WL_OK;
	char *note = wl_arena_printf(&r->scratch, "%s: %.*s", label, (int)t.n, t.s);
	if (!note)
		return no_memory();
	return put(r, WL_PROP_NOTES, note, NULL, NULL, NULL);
}

static int put_note(ofsi_reader *r, const char *label, const char *text)
{
	return put_note_n(r, label, text, strlen(text));
}

/* A copy of n bytes at s in the scratch arena, NUL-terminated. */
static char *scratch_copy(ofsi_reader *r, const char *s, size_t n)
{
	char *c = wl_arena_alloc(&r->scratch, n + 1);
	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

/* A date property from each item of a cell, or a note for an item that is no date. */
static int put_dates(ofsi_reader *r, wl_prop prop, const char *text, const char *detail,
                     const char *label)
{
	span items[ITEMS_MAX];
	size_t n = split_numbered(text, strlen(text), items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		char *item = scratch_copy(r, items[i].s, items[i].n);
		if (!item)
			return no_memory();
		char d[11];
		int rc = uk_date(item, d) ? put(r, prop, d, detail, NULL, item)
		                          : put_note(r, label, item);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* A country property from each item, or a note for wording that is no known country. */
static int put_countries(ofsi_reader *r, wl_prop prop, const char *text, const char *label)
{
	span items[ITEMS_MAX];
	size_t n = split_numbered(text, strlen(text), items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		span t = items[i];
		while (t.n && t.s[t.n - 1] == '.')
			t.n--;
		const char *code = t.n ? wl_country_code(t.s, t.n) : NULL;
		char *item = scratch_copy(r, items[i].s, items[i].n);
		if (!item)
			return no_memory();
		int rc = code ? put(r, prop, code, NULL, NULL, item) : put_note(r, label, item);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* Each item of a cell as a value of prop. */
static int put_items(ofsi_reader *r, wl_prop prop, const char *text, const char *detail)
{
	span items[ITEMS_MAX];
	size_t n = split_numbered(text, strlen(text), items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		int rc = put_n(r, prop, items[i].s, items[i].n, detail, NULL, n > 1 ? text : NULL);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* Each item of a cell as a link of type to a named entity. */
static int put_links(ofsi_reader *r, const char *type, const char *text, const char *detail)
{
	span items[ITEMS_MAX];
	size_t n = split_numbered(text, strlen(text), items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		char *name = scratch_copy(r, items[i].s, items[i].n);
		if (!name)
			return no_memory();
		int rc = wl_entity_link(r->ds, r->e, type, NULL, name, detail, NULL);
		if (rc)
			return rc;
	}
	return WL_OK;
}

/* ---- names ---- */

/* The property and qualifier a row's Alias Type and Alias Quality call for. */
static wl_prop name_prop(const char *type, const char *quality, const char **detail)
{
	*detail = NULL;
	if (wl_same_words(type, "primary name"))
		return WL_PROP_NAME;
	if (wl_same_words(type, "primary name variation")) {
		*detail = "primary name variation";
		return WL_PROP_ALIAS;
	}
	if (wl_same_words(type, "prime alias")) {
		*detail = "prime alias";
		return WL_PROP_ALIAS;
	}
	if (wl_same_words(type, "fka") || wl_starts_words(type, "former") ||
	    wl_starts_words(type, "previous")) {
		*detail = type;
		return WL_PROP_PREVIOUS_NAME;
	}
	if (*type && !wl_same_words(type, "aka") && !wl_same_words(type, "alias")) {
		*detail = type; /* an alias type the list has not used before */
		return WL_PROP_ALIAS;
	}
	*detail = *quality ? quality : NULL;
	return wl_starts_words(quality, "low") ? WL_PROP_WEAK_ALIAS : WL_PROP_ALIAS;
}

/* Name 1..Name 5 then Name 6 (the family name), as the row's type of name. */
static int put_row_name(ofsi_reader *r)
{
	static const col parts[] = {COL_NAME1, COL_NAME2, COL_NAME3,
	                            COL_NAME4, COL_NAME5, COL_NAME6};
	size_t len = 0;
	for (size_t i = 0; i < 6; i++)
		len += strlen(cell(r, parts[i])) + 1;
	char *full = wl_arena_alloc(&r->scratch, len + 1), *w = full;
	if (!full)
		return no_memory();
	for (size_t i = 0; i < 6; i++) {
		const char *s = cell(r, parts[i]);
		if (!*s)
			continue;
		if (w != full)
			*w++ = ' ';
		size_t n = strlen(s);
		memcpy(w, s, n);
		w += n;
	}
	*w = '\0';
	if (!*full)
		return WL_OK;
	const char *detail = NULL;
	wl_prop prop = WL_PROP_NAME; /* without an Alias Type column, every row is a name */
	if (r->col_at[COL_ALIAS_TYPE] >= 0)
		prop = name_prop(cell(r, COL_ALIAS_TYPE), cell(r, COL_ALIAS_QUALITY), &detail);
	int rc = put(r, prop, full, detail, NULL, NULL);
	if (rc || prop != WL_PROP_NAME || r->e->schema != WL_SCHEMA_PERSON)
		return rc;
	const char *first = cell(r, COL_NAME1), *last = cell(r, COL_NAME6);
	if (*first && *last)
		rc = put(r, WL_PROP_FIRST_NAME, first, NULL, NULL, full);
	if (!rc && *last && (*first || *cell(r, COL_NAME2)))
		rc = put(r, WL_PROP_LAST_NAME, last, NULL, NULL, full);
	return rc;
}

/* ---- documents, places, addresses ---- */

/* The country a document's details name: "(Afghan) Issued in Kabul", "Russia". */
static const char *document_country(span info)
{
	if (!info.n)
		return NULL;
	const char *code = wl_country_code(info.s, info.n);
	if (code || info.s[0] != '(')
		return code;
	const char *close = memchr(info.s, ')', info.n);
	return close ? wl_country_code(info.s + 1, (size_t)(close - info.s - 1)) : NULL;
}

/*
 * Document numbers with their details: "(1) A (2) B" and "(1) x (2) y"
 * pair by number; the details of a single number are all its own. Details
 * that pair with no number are kept as a note.
 */
static int put_documents(ofsi_reader *r, wl_prop prop, col number_col, col details_col,
                         const char *label)
{
	const char *numbers = cell(r, number_col), *details = cell(r, details_col);
	span nums[ITEMS_MAX], infos[ITEMS_MAX];
	size_t nn = split_numbered(numbers, strlen(numbers), nums, ITEMS_MAX);
	size_t ni = split_numbered(details, strlen(details), infos, ITEMS_MAX);
	size_t used = 0;
	for (size_t i = 0; i < nn; i++) {
		span info = {NULL, 0, 0};
		if (nn == 1 && ni)
			info = ni == 1 ? infos[0] : trim_span(details, strlen(details));
		else if (nums[i].no && item_no(infos, ni, nums[i].no))
			info = *item_no(infos, ni, nums[i].no);
		used += info.n ? (nn == 1 ? ni : 1) : 0;
		char *detail = info.n ? scratch_copy(r, info.s, info.n) : NULL;
		if (info.n && !detail)
			return no_memory();
		const char *country = document_country(nn == 1 && ni > 1 ? infos[0] : info);
		int rc = put_n(r, prop, nums[i].s, nums[i].n, detail, country, NULL);
		if (rc)
			return rc;
	}
	return used < ni ? put_note(r, label, details) : WL_OK;
}

/* A place of birth "town, country", with the country's code. */
static int put_birth_place(ofsi_reader *r, span town, span country)
{
	const char *place =
	    wl_arena_printf(&r->scratch, "%.*s%s%.*s", (int)town.n, town.s,
	                    town.n && country.n ? ", " : "", (int)country.n, country.s);
	if (!place)
		return no_memory();
	const char *code = country.n ? wl_country_code(country.s, country.n) : NULL;
	return *place ? put(r, WL_PROP_BIRTH_PLACE, place, NULL, code, NULL) : WL_OK;
}

/*
 * Town and Country of Birth as places of birth: numbered towns with one
 * country each take that country; numbered towns and countries pair by
 * number; a country that pairs with no town is a place of its own.
 */
static int put_birth_places(ofsi_reader *r)
{
	const char *towns = cell(r, COL_TOWN_OF_BIRTH), *countries = cell(r, COL_COUNTRY_OF_BIRTH);
	span t[ITEMS_MAX], c[ITEMS_MAX];
	size_t nt = split_numbered(towns, strlen(towns), t, ITEMS_MAX);
	size_t nc = split_numbered(countries, strlen(countries), c, ITEMS_MAX);
	static const span none = {"", 0, 0};
	int rc = WL_OK;
	if (nc <= 1) {
		for (size_t i = 0; i < (nt ? nt : 1) && !rc; i++)
			rc = put_birth_place(r, nt ? t[i] : none, nc ? c[0] : none);
		return rc;
	}
	if (nt == 1 && !t[0].no) /* one town, several countries: as the list says it */
		return put_birth_place(r, trim_span(towns, strlen(towns)),
		                       trim_span(countries, strlen(countries)));
	for (size_t i = 0; i < nt && !rc; i++) {
		const span *country = item_no(c, nc, t[i].no);
		rc = put_birth_place(r, t[i], country ? *country : none);
	}
	for (size_t i = 0; i < nc && !rc; i++)
		if (!item_no(t, nt, c[i].no))
			rc = put_birth_place(r, none, c[i]);
	return rc;
}

/* Address 1..6, the post code and the country as one address; the country(ies) as values. */
static int put_address(ofsi_reader *r)
{
	static const col parts[] = {COL_ADDRESS1, COL_ADDRESS2, COL_ADDRESS3, COL_ADDRESS4,
	                            COL_ADDRESS5, COL_ADDRESS6, COL_POSTCODE, COL_COUNTRY};
	size_t len = 0;
	for (size_t i = 0; i < 8; i++)
		len += strlen(cell(r, parts[i])) + 2;
	char *addr = wl_arena_alloc(&r->scratch, len + 1), *w = addr;
	if (!addr)
		return no_memory();
	for (size_t i = 0; i < 8; i++) {
		const char *s = cell(r, parts[i]);
		if (!*s)
			continue;
		if (w != addr)
			*w++ = ',', *w++ = ' ';
		size_t n = strlen(s);
		memcpy(w, s, n);
		w += n;
	}
	*w = '\0';
	const char *country = cell(r, COL_COUNTRY);
	const char *code = *country ? wl_country_code(country, (size_t)-1) : NULL;
	int rc = *addr ? put(r, WL_PROP_ADDRESS, addr, NULL, code, NULL) : WL_OK;
	if (!rc && *country)
		rc = put_countries(r, WL_PROP_COUNTRY, country, "country");
	return rc;
}

/* ---- Other Information ---- */

static bool label_char(char c)
{
	return isalnum((unsigned char)c) || strchr(" /().,'&-", c);
}

/*
 * The next "(Label):" in [s, end): returns where its "(" is and sets the
 * label (without the outer brackets); NULL when there is none. A label
 * may hold brackets of its own: "(Current owner/operator (s)):".
 */
static const char *next_label(const char *s, const char *end, span *label)
{
	for (const char *p = s; p + 1 < end; p++) {
		if (p[0] != ')' || p[1] != ':')
			continue;
		int depth = 1;
		const char *q = p;
		while (q > s && p - q < LABEL_MAX && depth) {
			q--;
			if (*q == ')')
				depth++;
			else if (*q == '(')
				depth--;
			else if (!label_char(*q))
				break;
		}
		if (depth || !isalpha((unsigned char)q[1]) || p - q < 3)
			continue;
		*label = (span){q + 1, (size_t)(p - q - 1), 0};
		return q;
	}
	return NULL;
}

/* True when s starts with a UK Sanctions List reference: three capitals and four digits. */
static size_t uk_ref_len(const char *s, size_t n)
{
	if (n < 7 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]) ||
	    !isupper((unsigned char)s[2]) || !wl_dmy_digits(s + 3, 4))
		return 0;
	return n == 7 || !isalnum((unsigned char)s[7]) ? 7 : 0;
}

/* The length of a UN reference number at s ("TAi.130", "QDe.001"), or 0. */
static size_t un_ref_len(const char *s, size_t n)
{
	if (n < 5 || !isupper((unsigned char)s[0]) || !isupper((unsigned char)s[1]) ||
	    !islower((unsigned char)s[2]) || s[3] != '.' || !isdigit((unsigned char)s[4]))
		return 0;
	size_t len = 4;
	while (len < n && isdigit((unsigned char)s[len]))
		len++;
	return len < n && isalnum((unsigned char)s[len]) ? 0 : len;
}

static int put_uk_ref(ofsi_reader *r, const char *s, size_t n)
{
	char *target = wl_arena_printf(&r->scratch, "gb-fcdo-%.*s", (int)n, s);
	char *detail = wl_arena_printf(&r->scratch, "UK Sanctions List Ref %.*s", (int)n, s);
	if (!target || !detail)
		return no_memory();
	return wl_entity_link(r->ds, r->e, "sameAs", target, NULL, detail, NULL);
}

static int put_un_ref(ofsi_reader *r, const char *s, size_t n)
{
	return put_n(r, WL_PROP_UNSC_ID, s, n, NULL, NULL, NULL);
}

/*
 * References at the start of a part ("RUS0251.", "GHR0050 and BEL0045",
 * "TAi.130."), each given to put_ref; what follows them is a note.
 */
static int put_refs(ofsi_reader *r, span text, size_t (*ref_len)(const char *, size_t),
                    int (*put_ref)(ofsi_reader *, const char *, size_t), const char *label)
{
	const char *p = text.s, *end = text.s + text.n;
	bool any = false;
	for (;;) {
		const char *q = p;
		while (q < end && (isspace((unsigned char)*q) || strchr(",;/&.", *q)))
			q++;
		if (any && end - q > 4 && strncasecmp(q, "and ", 4) == 0)
			q += 4;
		size_t n = ref_len(q, (size_t)(end - q));
		if (!n)
			break;
		int rc = put_ref(r, q, n);
		if (rc)
			return rc;
		p = q + n;
		any = true;
	}
	while (p < end && (isspace((unsigned char)*p) || *p == '.'))
		p++;
	if (!any)
		return put_note_n(r, label, p, (size_t)(end - p));
	return put_n(r, WL_PROP_NOTES, p, (size_t)(end - p), NULL, NULL, NULL);
}

/* A short value: trimmed of spaces and a final full stop. */
static span short_value(span v)
{
	v = trim_span(v.s, v.n);
	while (v.n && (v.s[v.n - 1] == '.' || isspace((unsigned char)v.s[v.n - 1])))
		v.n--;
	return v;
}

typedef enum info_kind {
	INFO_UK_REF,
	INFO_UN_REF,
	INFO_NOTE,
	INFO_GENDER,
	INFO_ITEMS, /* prop, detail */
	INFO_EMAILS,
	INFO_LINKS, /* link type in label, detail */
	INFO_IMO,
	INFO_COUNTRY, /* prop */
	INFO_DATE,    /* prop */
} info_kind;

typedef struct info_rule {
	const char *label;
	info_kind kind;
	wl_prop prop;
	const char *type;   /* a link's type; a note's label */
	const char *detail; /* the value's qualifier */
} info_rule;

static const info_rule info_rules[] = {
    {"UK Sanctions List Ref", INFO_UK_REF, 0, "UK Sanctions List Ref", NULL},
    {"UN Ref", INFO_UN_REF, 0, "UN Ref", NULL},
    {"UK Statement of Reasons", INFO_NOTE, 0, "UK statement of reasons", NULL},
    {"Gender", INFO_GENDER, WL_PROP_GENDER, NULL, NULL},
    {"Phone number", INFO_ITEMS, WL_PROP_PHONE, NULL, NULL},
    {"Email address", INFO_EMAILS, WL_PROP_EMAIL, NULL, NULL},
    {"Website", INFO_ITEMS, WL_PROP_WEBSITE, NULL, NULL},
    {"Business Reg No", INFO_ITEMS, WL_PROP_REGISTRATION_NUMBER, NULL, NULL},
    {"Business registration number", INFO_ITEMS, WL_PROP_REGISTRATION_NUMBER, NULL, NULL},
    {"Business registration number (s)", INFO_ITEMS, WL_PROP_REGISTRATION_NUMBER, NULL, NULL},
    {"Type of entity", INFO_ITEMS, WL_PROP_LEGAL_FORM, NULL, NULL},
    {"Parent company", INFO_LINKS, 0, "owner", "parent company"},
    {"Subsidiaries", INFO_LINKS, 0, "subsidiary", NULL},
    {"IMO number", INFO_IMO, WL_PROP_IMO_NUMBER, NULL, NULL},
    {"Current owner/operator (s)", INFO_LINKS, 0, "owner", "owner/operator"},
    {"Current believed flag of ship", INFO_COUNTRY, WL_PROP_FLAG, "flag", NULL},
    {"Previous flags", INFO_NOTE, 0, "previous flags", NULL},
    {"Type of ship", INFO_ITEMS, WL_PROP_VESSEL_TYPE, NULL, NULL},
    {"Tonnage of ship", INFO_ITEMS, WL_PROP_TONNAGE, NULL, NULL},
    {"Length of ship", INFO_NOTE, 0, "length of ship", NULL},
    {"Year Built", INFO_DATE, WL_PROP_BUILD_DATE, "year built", NULL},
    {"Hull identification number (HIN)", INFO_ITEMS, WL_PROP_REGISTRATION_NUMBER, NULL,
     "hull identification number"},
};

static int put_gender(ofsi_reader *r, span v)
{
	char *g = scratch_copy(r, v.s, v.n);
	if (!g)
		return no_memory();
	for (char *c = g; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return put(r, WL_PROP_GENDER, g, NULL, NULL, NULL);
}

static int put_emails(ofsi_reader *r, const char *text)
{
	span items[ITEMS_MAX];
	size_t n = split_numbered(text, strlen(text), items, ITEMS_MAX);
	for (size_t i = 0; i < n; i++) {
		const char *s = items[i].s, *end = s + items[i].n;
		while (s < end) {
			size_t len = strcspn(s, ";, ");
			if (len > (size_t)(end - s))
				len = (size_t)(end - s);
			int rc = len ? put_n(r, WL_PROP_EMAIL, s, len, NULL, NULL, NULL) : WL_OK;
			if (rc)
				return rc;
			s += len + 1;
		}
	}
	return WL_OK;
}

static int put_imo(ofsi_reader *r, span v)
{
	span n = v;
	if (n.n >= 3 && strncasecmp(n.s, "IMO", 3) == 0)
		n.s += 3, n.n -= 3;
	n = trim_span(n.s, n.n);
	char *original = scratch_copy(r, v.s, v.n);
	if (!original)
		return no_memory();
	return n.n ? put_n(r, WL_PROP_IMO_NUMBER, n.s, n.n, NULL, NULL, original)
	           : put_note(r, "IMO number", original);
}

static int put_info_part(ofsi_reader *r, const info_rule *rule, span v)
{
	span s = short_value(v);
	if (!s.n)
		return WL_OK;
	char *text = scratch_copy(r, v.s, v.n), *value = scratch_copy(r, s.s, s.n);
	if (!text || !value)
		return no_memory();
	switch (rule->kind) {
	case INFO_UK_REF:
		return put_refs(r, v, uk_ref_len, put_uk_ref, rule->type);
	case INFO_UN_REF:
		return put_refs(r, v, un_ref_len, put_un_ref, rule->type);
	case INFO_NOTE:
		return put_note(r, rule->type, text);
	case INFO_GENDER:
		return put_gender(r, s);
	case INFO_ITEMS:
		return put_items(r, rule->prop, value, rule->detail);
	case INFO_EMAILS:
		return put_emails(r, value);
	case INFO_LINKS:
		return put_links(r, rule->type, value, rule->detail);
	case INFO_IMO:
		return put_imo(r, s);
	case INFO_COUNTRY:
		return put_countries(r, rule->prop, value, rule->type);
	case INFO_DATE:
		return put_dates(r, rule->prop, value, NULL, rule->type);
	}
	return WL_OK;
}

/* One "(Label):text" part of Other Information. */
static int put_labelled(ofsi_reader *r, span label, span v)
{
	char *name = scratch_copy(r, label.s, label.n);
	if (!name)
		return no_memory();
	for (size_t i = 0; i < sizeof(info_rules) / sizeof(info_rules[0]); i++)
		if (wl_same_words(name, info_rules[i].label))
			return put_info_part(r, &info_rules[i], v);
	return put_note_n(r, name, v.s, v.n);
}

/* Other Information: its labelled parts, and the text before the first label as a note. */
static int put_other_information(ofsi_reader *r)
{
	const char *text = cell(r, COL_OTHER_INFORMATION), *end = text + strlen(text);
	span label;
	const char *at = next_label(text, end, &label);
	span before = trim_span(text, (size_t)((at ? at : end) - text));
	int rc = before.n ? put_n(r, WL_PROP_NOTES, before.s, before.n, NULL, NULL, NULL) : WL_OK;
	while (!rc && at) {
		const char *start = label.s + label.n + 2; /* after "):" */
		span next_lbl;
		const char *next = next_label(start, end, &next_lbl);
		span v = {start, (size_t)((next ? next : end) - start), 0};
		rc = put_labelled(r, label, v);
		at = next;
		label = next_lbl;
	}
	return rc;
}

/* ---- rows ---- */

static wl_schema schema_of(const char *type)
{
	if (wl_same_words(type, "individual"))
		return WL_SCHEMA_PERSON;
	if (wl_same_words(type, "entity"))
		return WL_SCHEMA_ORGANIZATION;
	if (wl_same_words(type, "ship"))
		return WL_SCHEMA_VESSEL;
	return WL_SCHEMA_LEGAL_ENTITY;
}

static bool id_valid(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > ID_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && !strchr("._-", id[i]))
			return false;
	return true;
}

/* Cells of columns the reader does not know, as notes "<header>: <value>". */
static int put_unknown_columns(ofsi_reader *r)
{
	for (size_t i = 0; i < r->ncols; i++) {
		if (r->header_col[i] >= 0)
			continue;
		const char *label = *r->header[i] ? r->header[i] : "column";
		int rc = put_note(r, label, r->csv.f[i].s);
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int put_row_facts(ofsi_reader *r)
{
	int rc = put_row_name(r);
	if (!rc && *cell(r, COL_NON_LATIN))
		rc = put(r, WL_PROP_ALIAS, cell(r, COL_NON_LATIN), "original script", NULL, NULL);
	if (!rc)
		rc = put_items(r, WL_PROP_TITLE, cell(r, COL_TITLE), NULL);
	if (!rc)
		rc = put_dates(r, WL_PROP_BIRTH_DATE, cell(r, COL_DOB), NULL, "date of birth");
	if (!rc)
		rc = put_birth_places(r);
	if (!rc)
		rc = put_countries(r, WL_PROP_NATIONALITY, cell(r, COL_NATIONALITY), "nationality");
	if (!rc)
		rc = put_documents(r, WL_PROP_PASSPORT_NUMBER, COL_PASSPORT_NUMBER,
		                   COL_PASSPORT_DETAILS, "passport details");
	if (!rc)
		rc = put_documents(r, WL_PROP_ID_NUMBER, COL_NI_NUMBER, COL_NI_DETAILS,
		                   "national identification details");
	if (!rc)
		rc = put_items(r, WL_PROP_POSITION, cell(r, COL_POSITION), NULL);
	if (!rc)
		rc = put_address(r);
	if (!rc)
		rc = put_other_information(r);
	return rc;
}

static int put_listing(ofsi_reader *r)
{
	int rc = put_items(r, WL_PROP_PROGRAM, cell(r, COL_REGIME), NULL);
	if (!rc)
		rc = put_dates(r, WL_PROP_LISTING_DATE, cell(r, COL_LISTED_ON), NULL, "listed on");
	if (!rc)
		rc = put_dates(r, WL_PROP_LISTING_DATE, cell(r, COL_UK_DESIGNATED),
		               "UK Sanctions List date designated",
		               "UK Sanctions List date designated");
	if (!rc)
		rc = put_dates(r, WL_PROP_MODIFIED_AT, cell(r, COL_LAST_UPDATED), NULL,
		               "last updated");
	if (!rc && *cell(r, COL_UK_REF)) {
		const char *ref = cell(r, COL_UK_REF);
		rc = put_refs(r, (span){ref, strlen(ref), 0}, uk_ref_len, put_uk_ref,
		              "UK Sanctions List Ref");
	}
	if (!rc)
		rc = put(r, WL_PROP_TOPICS, "sanction", NULL, NULL, NULL);
	return rc;
}

static int row_error(ofsi_reader *r, size_t field, const char *fmt, const char *what)
{
	const char *label = field < r->ncols && *r->header[field] ? r->header[field] : "record";
	return wl_error_input(r->path, r->csv.record_line, label, fmt, what);
}

static int read_row(ofsi_reader *r)
{
	const wl_csv *c = &r->csv;
	if (c->nf > r->ncols)
		return wl_error_input(r->path, c->record_line, r->header[r->ncols - 1],
		                      "%zu fields, the header has %zu (an unquoted comma?)", c->nf,
		                      r->ncols);
	if (c->nf < r->ncols)
		return wl_error_input(r->path, c->record_line, r->header[c->nf],
		                      "missing: %zu of %zu fields (a truncated row?)", c->nf,
		                      r->ncols);
	const char *gid = cell(r, COL_GROUP_ID);
	if (!*gid)
		return row_error(r, (size_t)r->col_at[COL_GROUP_ID], "%s", "empty");
	if (!id_valid(gid))
		return row_error(r, (size_t)r->col_at[COL_GROUP_ID], "not a group id: \"%.64s\"",
		                 gid);
	const char *type = cell(r, COL_GROUP_TYPE);
	wl_schema schema = schema_of(type);
	r->e = wl_dataset_entity(r->ds, r->source, hmt_prefix, gid, schema);
	if (!r->e)
		return no_memory();
	int rc = put_listing(r);
	if (!rc && *type && schema == WL_SCHEMA_LEGAL_ENTITY)
		rc = put_note(r, "group type", type);
	if (!rc)
		rc = put_row_facts(r);
	if (!rc)
		rc = put_unknown_columns(r);
	wl_arena_free(&r->scratch); /* the row's scratch strings */
	wl_arena_init(&r->scratch);
	return rc;
}

/* ---- banner, header, file ---- */

static int csv_error(ofsi_reader *r)
{
	size_t field = r->csv.bad_field;
	const char *label = r->ncols && field < r->ncols && *r->header[field] ? r->header[field]
	                    : r->ncols                                        ? "record"
	                                                                      : "header";
	const char *what = r->csv.fault == WL_CSV_UNTERMINATED
	                       ? "unterminated quote: the file is truncated?"
	                       : r->csv.bad_what;
	return wl_error_input(r->path, r->csv.record_line, label, "%s", what);
}

/* True when the record is the banner "Last Updated,dd/mm/yyyy"; keeps its date. */
static bool read_banner(ofsi_reader *r)
{
	const wl_csv *c = &r->csv;
	if (!c->nf || !wl_starts_words(c->f[0].s, "last updated"))
		return false;
	for (size_t i = 0; i < c->nf; i++)
		if (wl_same_words(c->f[i].s, "Name 6") || wl_same_words(c->f[i].s, "Group ID"))
			return false; /* the header itself */
	for (size_t i = 1; i < c->nf; i++) {
		char d[11];
		if (!c->f[i].n)
			continue;
		if (uk_date(c->f[i].s, d) && strlen(d) == 10)
			r->list_date = wl_arena_strdup(&r->ds->arena, d);
		break;
	}
	return true;
}

static int read_header(ofsi_reader *r)
{
	const wl_csv *c = &r->csv;
	r->ncols = c->nf;
	for (int k = 0; k < COL_COUNT; k++)
		r->col_at[k] = -1;
	for (size_t i = 0; i < c->nf; i++) {
		r->header[i] = c->f[i].s;
		int k = col_of_name(c->f[i].s);
		if (k >= 0 && r->col_at[k] >= 0)
			k = -1; /* a second column of the same name: kept as a note */
		r->header_col[i] = k;
		if (k >= 0)
			r->col_at[k] = (int)i;
	}
	static const col required[] = {COL_NAME6, COL_GROUP_ID};
	for (size_t i = 0; i < 2; i++)
		if (r->col_at[required[i]] < 0)
			return wl_error_input(
			    r->path, c->record_line, col_names[required[i]],
			    "not an OFSI consolidated list header: no such column");
	return WL_OK;
}

static int add_source(ofsi_reader *r)
{
	wl_source src = {
	    .name = "gb_hmt_sanctions",
	    .title = "UK HM Treasury (OFSI) Consolidated List of Financial Sanctions Targets",
	    .format = "uk_ofsi_csv",
	    .publisher = "HM Treasury, Office of Financial Sanctions Implementation",
	    .list_date = r->list_date,
	    .url = "https://www.gov.uk/government/publications/"
	           "financial-sanctions-consolidated-list-of-targets",
	    .licence = "Open Government Licence v3.0",
	};
	int source = wl_dataset_source(r->ds, &src);
	if (source < 0)
		return source;
	r->source = source;
	return WL_OK;
}

/* The next record that is not blank: WL_CSV_RECORD, WL_CSV_END, or an error code. */
static int next_record(ofsi_reader *r)
{
	int got;
	while ((got = wl_csv_next(&r->csv)) == WL_CSV_RECORD && record_blank(&r->csv))
		;
	if (got == WL_CSV_MALFORMED)
		return csv_error(r);
	return got;
}

static int read_text(ofsi_reader *r, char *text, size_t len)
{
	wl_csv_init(&r->csv, text, len, OFSI_CSV, CSV_MAX_FIELDS);
	int got = next_record(r);
	if (got == WL_CSV_RECORD && read_banner(r))
		got = next_record(r);
	if (got < 0)
		return got;
	if (got == WL_CSV_END)
		return wl_error_input(r->path, r->csv.line, "header",
		                      "no header row: the file is %s", len ? "truncated" : "empty");
	int rc = read_header(r);
	if (!rc)
		rc = add_source(r);
	while (!rc && (got = next_record(r)) == WL_CSV_RECORD)
		rc = read_row(r);
	return rc ? rc : got < 0 ? got : WL_OK;
}

int wl_uk_ofsi_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source)
{
	if (source)
		*source = -1;
	if (!data)
		data = "", len = 0;
	char *text = NULL;
	size_t n = 0;
	int rc = wl_text_decode(path, data, len, &text, &n);
	if (rc)
		return rc;
	ofsi_reader *r = calloc(1, sizeof(*r));
	if (!r) {
		free(text);
		return no_memory();
	}
	r->ds = ds;
	r->path = path;
	r->source = -1;
	wl_arena_init(&r->scratch);
	rc = read_text(r, text, n);
	if (source)
		*source = r->source;
	wl_csv_free(&r->csv);
	wl_arena_free(&r->scratch);
	free(r);
	free(text);
	return rc;
}

static int ofsi_read(wl_dataset *ds, const char *path)
{
	char *data;
	size_t len;
	int rc = wl_read_file(path, &data, &len);
	if (rc)
		return rc;
	int source;
	rc = wl_uk_ofsi_csv_read_mem(ds, path, data, len, &source);
	free(data);
	if (!rc)
		rc = wl_dataset_source_file(ds, source, path, "list");
	return rc;
}

/* ---- sniffing ---- */

/* True when the line [s, end) is a header with the columns "Name 6" and "Group ID". */
static bool header_line(const char *s, const char *end)
{
	bool name6 = false, group = false;
	while (s < end) {
		const char *stop = memchr(s, ',', (size_t)(end - s));
		if (!stop)
			stop = end;
		char word[40];
		size_t n = (size_t)(stop - s);
		if (n < sizeof(word)) {
			memcpy(word, s, n);
			word[n] = '\0';
			name6 |= wl_same_words(word, "Name 6");
			group |= wl_same_words(word, "Group ID");
		}
		s = stop + 1;
	}
	return name6 && group;
}

/* True when the line [s, end) is the banner "Last Updated,dd/mm/yyyy". */
static bool banner_line(const char *s, const char *end)
{
	const char *comma = memchr(s, ',', (size_t)(end - s));
	if (!comma || comma - s > 16 || strncasecmp(s, "Last Updated", 12) != 0)
		return false;
	char text[16], d[11];
	size_t n = (size_t)(end - comma - 1);
	while (n && (comma[n] == '\r' || comma[n] == ',' || comma[n] == ' '))
		n--;
	if (n >= sizeof(text))
		return false;
	memcpy(text, comma + 1, n);
	text[n] = '\0';
	return uk_date(text, d);
}

/*
 * A ConList.csv: the header (with "Name 6" and "Group ID"), after the
 * banner "Last Updated,dd/mm/yyyy" or not; a banner alone is claimed less
 * surely, so that a truncated file is read and reported.
 */
static int ofsi_sniff(const char *path, const char *head, size_t n)
{
	const char *p = head, *end = head + n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	const char *eol = memchr(p, '\n', (size_t)(end - p));
	bool banner = banner_line(p, eol ? eol : end);
	if (banner) {
		p = eol ? eol + 1 : end;
		eol = memchr(p, '\n', (size_t)(end - p));
	}
	if (eol && header_line(p, eol))
		return 95;
	return banner ? 60 : WL_SNIFF_NO;
}

const wl_reader wl_reader_uk_ofsi_csv = {
    .name = "uk_ofsi_csv",
    .description = "UK OFSI consolidated list of financial sanctions targets (ConList.csv)",
    .sniff = ofsi_sniff,
    .read = ofsi_read,
};
