/*
 * sdn_remarks.c - OFAC's "Remarks" field parsed into properties (see sdn_remarks.h).
 *
 * Two steps. Splitting: the field is cut at ";" outside parentheses and
 * outside the single-quoted names of "a.k.a. 'X'"; an apostrophe inside a
 * word ("NU'MAN", "Sa'id") does not close such a name. Should a quote or
 * parenthesis be left open (a truncated field), the split is redone without
 * that kind of bracket, so one stray character cannot swallow the rest.
 *
 * Parsing: a fragment opens with its kind ("DOB", "Passport", "Tax ID No.",
 * "Linked To:"), optionally after "alt.". The table `rules` maps each kind
 * OFAC uses to a handler and a property; the longest kind that matches
 * wins, so "Identification Number IMO" beats "Identification Number". A
 * fragment of no known kind that still reads like an identifier ("Permit
 * Number X", "... No. X") becomes an idNumber with its kind as detail; any
 * other becomes a note. Each value keeps the whole fragment as its
 * original wording, so nothing OFAC wrote is lost.
 *
 * Identifiers: "<kind> <number> (<place>) (<country>) issued <date> expires
 * <date>": the number runs to the first parenthesis or issue note; the last
 * parenthesised country becomes the value's country, everything else is
 * kept in the detail after the kind.
 */
#include "sdn_remarks.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "model/arena.h"
#include "model/error.h"
#include "text/countries.h"

/* A piece of text: n bytes at s, not NUL-terminated. */
typedef struct span {
	const char *s;
	size_t n;
} span;

/* One fragment being parsed, and where its values go. */
typedef struct remark {
	wl_dataset *ds;
	wl_entity *e;
	const char *record;   /* provenance, NULL: the entity's record */
	span frag;            /* the whole fragment, "alt." included */
	const char *original; /* the same, NUL-terminated, in scratch */
	wl_arena *scratch;    /* freed when the remarks are done */
} remark;

typedef struct rule rule;
typedef int (*rule_fn)(remark *r, const rule *ru, span kind, span rest);

struct rule {
	const char *kind; /* the words a fragment opens with; case does not matter */
	rule_fn fn;
	wl_prop prop;
	const char *detail; /* the value's detail; for links the link type */
};

/* ---- small text helpers ---- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A letter or digit; bytes of multi-byte UTF-8 characters count as letters. */
static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

static span trim(span t)
{
	while (t.n && is_blank(t.s[0]))
		t.s++, t.n--;
	while (t.n && is_blank(t.s[t.n - 1]))
		t.n--;
	return t;
}

/* Drops leading blanks and colons: the "DOB: ..." and "Telephone: ..." forms. */
static span skip_colons(span t)
{
	while (t.n && (is_blank(t.s[0]) || t.s[0] == ':'))
		t.s++, t.n--;
	return trim(t);
}

static bool starts_with_word(span t, const char *word)
{
	size_t k = strlen(word);
	return t.n >= k && strncasecmp(t.s, word, k) == 0 && (t.n == k || !is_word_char(t.s[k]));
}

static bool has_digit(span t)
{
	for (size_t i = 0; i < t.n; i++)
		if (isdigit((unsigned char)t.s[i]))
			return true;
	return false;
}

/* The first occurrence of word (case-insensitive, as a whole word) in t, or t.n. */
static size_t find_word(span t, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = 0; i + k <= t.n; i++) {
		if ((i == 0 || t.s[i - 1] == ' ') && strncasecmp(t.s + i, word, k) == 0 &&
		    (i + k == t.n || !is_word_char(t.s[i + k])))
			return i;
	}
	return t.n;
}

/* Copies t into scratch with runs of blanks made one space. NULL: no memory. */
static char *scratch_text(remark *r, span t)
{
	t = trim(t);
	char *out = wl_arena_alloc(r->scratch, t.n + 1);
	if (!out)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < t.n; i++) {
		if (is_blank(t.s[i])) {
			if (j && out[j - 1] != ' ')
				out[j++] = ' ';
		} else {
			out[j++] = t.s[i];
		}
	}
	out[j] = '\0';
	return out;
}

/* ---- splitting ---- */

enum { TRACK_QUOTES = 1, TRACK_PARENS = 2 };

/*
 * A quote opens a quoted name only right after "a.k.a. ", "f.k.a. " or
 * "n.k.a. ": elsewhere a quote at the start of a word is more often an
 * ayn in a transliterated name ("'Abd al-Salam") than a quotation.
 */
static bool quote_opens(const char *s, size_t i)
{
	if (i < 7 || strncasecmp(s + i - 6, ".k.a. ", 6) != 0)
		return false;
	char c = (char)tolower((unsigned char)s[i - 7]);
	return c == 'a' || c == 'f' || c == 'n';
}

/* A quote closes one at the end of a word. */
static bool quote_closes(const char *s, size_t n, size_t i)
{
	return i + 1 >= n || !is_word_char(s[i + 1]);
}

static int emit_fragment(const char *s, size_t from, size_t to, wl_sdn_fragment_fn fn, void *ctx)
{
	span t = trim((span){s + from, to - from});
	while (t.n && t.s[t.n - 1] == ';')
		t = trim((span){t.s, t.n - 1});
	if (!t.n || !fn)
		return 0;
	return fn(ctx, t.s, t.n, (size_t)(t.s - s));
}

/*
 * Cuts s at top-level ";" and calls fn (if any) for each fragment.
 * *balanced tells whether every tracked quote and parenthesis was closed.
 */
static int walk_fragments(const char *s, size_t n, int mode, wl_sdn_fragment_fn fn, void *ctx,
                          bool *balanced)
{
	int depth = 0;
	bool quoted = false;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((mode & TRACK_QUOTES) && c == '\'') {
			if (!quoted && quote_opens(s, i))
				quoted = true;
			else if (quoted && quote_closes(s, n, i))
				quoted = false;
		} else if (quoted) {
			continue;
		} else if ((mode & TRACK_PARENS) && c == '(') {
			depth++;
		} else if ((mode & TRACK_PARENS) && c == ')') {
			depth -= depth > 0;
		} else if (c == ';' && depth == 0) {
			int rc = emit_fragment(s, start, i, fn, ctx);
			if (rc)
				return rc;
			start = i + 1;
		}
	}
	*balanced = !quoted && depth == 0;
	return emit_fragment(s, start, n, fn, ctx);
}

/* True when the last word of s (n bytes) is an initialism such as "S.A." or "U.S.A.". */
static bool ends_with_initialism(const char *s, size_t n)
{
	size_t letters = 0;
	while (n >= 2 && s[n - 1] == '.' && isalpha((unsigned char)s[n - 2])) {
		letters++;
		n -= 2;
	}
	return letters >= 2 && (n == 0 || s[n - 1] == ' ' || s[n - 1] == ',');
}

int wl_sdn_remarks_split(const char *remarks, size_t len, wl_sdn_fragment_fn fn, void *ctx)
{
	span t = trim((span){remarks, len});
	if (t.n && t.s[t.n - 1] == '.' && !ends_with_initialism(t.s, t.n))
		t.n--;
	static const int modes[] = {TRACK_QUOTES | TRACK_PARENS, TRACK_PARENS, TRACK_QUOTES, 0};
	bool balanced = false;
	size_t m;
	for (m = 0; m < 3; m++) {
		walk_fragments(t.s, t.n, modes[m], NULL, NULL, &balanced);
		if (balanced)
			break;
	}
	return walk_fragments(t.s, t.n, modes[m], fn, ctx, &balanced);
}

/* ---- dates ---- */

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

/* 1..12 for "Oct", "October", "Sept" (any prefix of at least three letters), else 0. */
static int month_of(span w)
{
	if (w.n < 3 || w.n > 9)
		return 0;
	for (int m = 0; m < 12; m++)
		if (w.n <= strlen(month_names[m]) && strncasecmp(w.s, month_names[m], w.n) == 0)
			return m + 1;
	return 0;
}

/* The value of an all-digit word of 1..max digits, or -1. */
static int number_of(span w, size_t max)
{
	if (w.n == 0 || w.n > max)
		return -1;
	int v = 0;
	for (size_t i = 0; i < w.n; i++) {
		if (!isdigit((unsigned char)w.s[i]))
			return -1;
		v = v * 10 + (w.s[i] - '0');
	}
	return v;
}

static int year_of(span w)
{
	int y = w.n == 4 ? number_of(w, 4) : -1;
	return y >= 1000 ? y : -1;
}

/* Splits t at blanks into at most max words; returns the count, or max + 1 if more. */
static size_t split_words(span t, span *words, size_t max)
{
	size_t n = 0, i = 0;
	while (i < t.n) {
		while (i < t.n && is_blank(t.s[i]))
			i++;
		if (i == t.n)
			break;
		size_t start = i;
		while (i < t.n && !is_blank(t.s[i]))
			i++;
		if (n == max)
			return max + 1;
		words[n++] = (span){t.s + start, i - start};
	}
	return n;
}

static const int days_in_month[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

size_t wl_sdn_date_iso(const char *s, size_t n, char out[11])
{
	span w[3];
	size_t nw = split_words((span){s, n}, w, 3);
	int year = nw && nw <= 3 ? year_of(w[nw - 1]) : -1;
	if (year < 0)
		return 0;
	if (nw == 1)
		return (size_t)snprintf(out, 11, "%04d", year);
	int month = month_of(w[nw - 2]);
	if (!month)
		return 0;
	if (nw == 2)
		return (size_t)snprintf(out, 11, "%04d-%02d", year, month);
	int day = number_of(w[0], 2);
	if (day < 1 || day > days_in_month[month - 1])
		return 0;
	return (size_t)snprintf(out, 11, "%04d-%02d-%02d", year, month, day);
}

/* ---- countries ---- */

const char *wl_sdn_country_code(const char *s, size_t n)
{
	span t = trim((span){s, n});
	return t.n ? wl_country_code(t.s, t.n) : NULL;
}

/* ---- putting values ---- */

static int put_value(remark *r, wl_prop prop, span text, const char *detail, const char *country)
{
	wl_fact f = {
	    .detail = detail, .country = country, .record = r->record, .original = r->original};
	return wl_entity_put(r->ds, r->e, prop, text.s, text.n, &f);
}

static int put_note(remark *r)
{
	wl_fact f = {.record = r->record};
	return wl_entity_put(r->ds, r->e, WL_PROP_NOTES, r->frag.s, r->frag.n, &f);
}

static int put_cstr(remark *r, wl_prop prop, const char *text, const char *detail)
{
	return put_value(r, prop, (span){text, strlen(text)}, detail, NULL);
}

/* ---- handlers ---- */

static int on_note(remark *r, const rule *ru, span kind, span rest)
{
	return put_note(r);
}

static int on_text(remark *r, const rule *ru, span kind, span rest)
{
	if (!rest.n)
		return put_note(r);
	return put_value(r, ru->prop, rest, ru->detail, NULL);
}

static int on_country(remark *r, const rule *ru, span kind, span rest)
{
	const char *code = wl_sdn_country_code(rest.s, rest.n);
	if (!code)
		return put_note(r);
	return put_cstr(r, ru->prop, code, ru->detail);
}

static int on_gender(remark *r, const rule *ru, span kind, span rest)
{
	if (starts_with_word(rest, "male") && rest.n == 4)
		return put_cstr(r, ru->prop, "male", NULL);
	if (starts_with_word(rest, "female") && rest.n == 6)
		return put_cstr(r, ru->prop, "female", NULL);
	return on_text(r, ru, kind, rest);
}

/* Quoted names: "a.k.a. 'X'" -> X (one quote dropped at each end). */
static int on_name(remark *r, const rule *ru, span kind, span rest)
{
	if (rest.n && rest.s[0] == '\'')
		rest.s++, rest.n--;
	if (rest.n && rest.s[rest.n - 1] == '\'')
		rest.n--;
	rest = trim(rest);
	if (!rest.n)
		return put_note(r);
	return put_value(r, ru->prop, rest, ru->detail, NULL);
}

static int on_link(remark *r, const rule *ru, span kind, span rest)
{
	if (!rest.n)
		return put_note(r);
	char *name = scratch_text(r, rest);
	if (!name)
		return wl_error_set(WL_ENOMEM, "out of memory");
	wl_fact f = {.record = r->record};
	return wl_entity_link(r->ds, r->e, ru->detail, NULL, name, NULL, &f);
}

/*
 * A range of dates: one value per year from the first to the last, both
 * ends when the range is long or reversed, one date when they are equal.
 */
static int put_date_range(remark *r, wl_prop prop, const char *from, const char *to,
                          const char *detail)
{
	int y1 = 0, y2 = 0;
	sscanf(from, "%4d", &y1);
	sscanf(to, "%4d", &y2);
	if (strcmp(from, to) == 0)
		return put_cstr(r, prop, from, detail);
	if (y2 < y1 || y2 - y1 > 30) {
		int rc = put_cstr(r, prop, from, detail);
		return rc ? rc : put_cstr(r, prop, to, detail);
	}
	for (int y = y1; y <= y2; y++) {
		char year[8];
		snprintf(year, sizeof(year), "%04d", y);
		int rc = put_cstr(r, prop, year, detail);
		if (rc)
			return rc;
	}
	return 0;
}

/* "1985 to 1987", "01 Jan 1947 to 31 Dec 1948", "1979-1982": true and both ends. */
static bool date_range(span t, char from[11], char to[11])
{
	size_t cut = find_word(t, "to");
	span a, b;
	if (cut < t.n) {
		a = (span){t.s, cut};
		b = (span){t.s + cut + 2, t.n - cut - 2};
	} else if (t.n == 9 && t.s[4] == '-') {
		a = (span){t.s, 4};
		b = (span){t.s + 5, 4};
	} else {
		return false;
	}
	return wl_sdn_date_iso(a.s, a.n, from) && wl_sdn_date_iso(b.s, b.n, to);
}

/* "27 Oct 1985", "circa 1985", "1985 to 1987", "circa 1979-1982" (DOB, established, built). */
static int on_date(remark *r, const rule *ru, span kind, span rest)
{
	bool circa = starts_with_word(rest, "circa");
	span when = circa ? trim((span){rest.s + 5, rest.n - 5}) : rest;
	char from[11], to[11];
	if (date_range(when, from, to)) {
		char *detail = wl_arena_printf(r->scratch, "%srange %.*s", circa ? "circa, " : "",
		                               (int)when.n, when.s);
		if (!detail)
			return wl_error_set(WL_ENOMEM, "out of memory");
		return put_date_range(r, ru->prop, from, to, detail);
	}
	size_t n = wl_sdn_date_iso(when.s, when.n, from);
	if (!n)
		return put_note(r);
	return put_value(r, ru->prop, (span){from, n}, circa ? "circa" : NULL, NULL);
}

/* Drops "No.", "#", ":" and the like between an identifier's kind and its number. */
static span skip_number_words(span t)
{
	static const char *const words[] = {"No.:", "No.", "No:", "No", "Number:", "#", ":"};
	bool again = true;
	while (again) {
		again = false;
		t = trim(t);
		for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			size_t k = strlen(words[i]);
			if (t.n > k && strncmp(t.s, words[i], k) == 0 && t.s[k] == ' ') {
				t = (span){t.s + k, t.n - k};
				again = true;
				break;
			}
		}
	}
	return t;
}

/* True for the words that start an identifier's issue notes. */
static bool is_issue_word(span w)
{
	static const char *const words[] = {"issued",   "issue",      "expires", "expired",
	                                    "expiring", "expiration", "valid",   "exp."};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (w.n == strlen(words[i]) && strncasecmp(w.s, words[i], w.n) == 0)
			return true;
	return false;
}

/* The number part of "<number> (<country>) issued ...": up to "(", ", " or an issue note. */
static size_t id_number_end(span t)
{
	size_t i = 0;
	while (i < t.n) {
		if (t.s[i] == '(' && i > 0 && t.s[i - 1] == ' ')
			return i;
		if (t.s[i] == ',' && (i + 1 == t.n || t.s[i + 1] == ' '))
			return i;
		if (t.s[i] == ' ' || i == 0) {
			size_t w = i + (t.s[i] == ' ');
			size_t e = w;
			while (e < t.n && !is_blank(t.s[e]))
				e++;
			if (is_issue_word((span){t.s + w, e - w}))
				return i;
		}
		i++;
	}
	return t.n;
}

/*
 * Finds the last parenthesised group of extras that names a country:
 * *code gets its code, *at and *len the group's place ("(...)" included).
 */
static void find_country_group(span extras, const char **code, size_t *at, size_t *len)
{
	*code = NULL;
	for (size_t i = 0; i < extras.n; i++) {
		if (extras.s[i] != '(')
			continue;
		size_t j = i + 1;
		while (j < extras.n && extras.s[j] != ')' && extras.s[j] != '(')
			j++;
		if (j == extras.n || extras.s[j] != ')')
			continue;
		const char *c = wl_sdn_country_code(extras.s + i + 1, j - i - 1);
		if (c) {
			*code = c;
			*at = i;
			*len = j + 1 - i;
		}
	}
}

/* The detail of an identifier: its kind, then the extras without the country group. */
static char *id_detail(remark *r, span kind, span extras, size_t cut_at, size_t cut_len)
{
	char *rest =
	    wl_arena_printf(r->scratch, "%.*s %.*s", (int)cut_at, extras.s,
	                    (int)(extras.n - cut_at - cut_len), extras.s + cut_at + cut_len);
	if (!rest)
		return NULL;
	span more = trim((span){rest, strlen(rest)});
	while (more.n && (more.s[0] == ',' || more.s[0] == ';'))
		more = trim((span){more.s + 1, more.n - 1});
	char *text = wl_arena_printf(r->scratch, "%.*s%s%.*s", (int)kind.n, kind.s,
	                             !more.n            ? ""
	                             : more.s[0] == '(' ? " "
	                                                : ", ",
	                             (int)more.n, more.s);
	return text ? scratch_text(r, (span){text, strlen(text)}) : NULL;
}

/* An identifier has a digit ("A1234567") or is one word ("KYCBKPPY"), not prose. */
static bool looks_like_identifier(span t)
{
	span w[2];
	return t.n && (has_digit(t) || split_words(t, w, 1) == 1);
}

/* "<kind> <number> (<country>) issued <date> expires <date>". */
static int put_identifier(remark *r, wl_prop prop, span kind, span rest)
{
	rest = skip_number_words(rest);
	size_t end = id_number_end(rest);
	span number = trim((span){rest.s, end});
	while (number.n && (number.s[number.n - 1] == ',' || number.s[number.n - 1] == ':'))
		number = trim((span){number.s, number.n - 1});
	if (!looks_like_identifier(number))
		return put_note(r);
	span extras = trim((span){rest.s + end, rest.n - end});
	const char *country;
	size_t at = 0, len = 0;
	find_country_group(extras, &country, &at, &len);
	char *detail = id_detail(r, trim(kind), extras, at, len);
	if (!detail)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return put_value(r, prop, number, detail, country);
}

static int on_id(remark *r, const rule *ru, span kind, span rest)
{
	return put_identifier(r, ru->prop, kind, rest);
}

/* "Digital Currency Address - XBT <address>": the currency joins the kind. */
static int on_digital(remark *r, const rule *ru, span kind, span rest)
{
	size_t i = 0;
	while (i < rest.n && !is_blank(rest.s[i]))
		i++;
	if (i == rest.n)
		return put_note(r);
	span full_kind = {kind.s, (size_t)(rest.s + i - kind.s)};
	return put_identifier(r, ru->prop, full_kind, (span){rest.s + i, rest.n - i});
}

/* ---- the table of fragment kinds ---- */

#define NOTE(k)                                                                                    \
	{                                                                                          \
		k, on_note, WL_PROP_NOTES, NULL                                                    \
	}
#define ID(k, p)                                                                                   \
	{                                                                                          \
		k, on_id, WL_PROP_##p, NULL                                                        \
	}
#define TEXT(k, p, d)                                                                              \
	{                                                                                          \
		k, on_text, WL_PROP_##p, d                                                         \
	}

static const rule rules[] = {
    /* people */
    {"DOB", on_date, WL_PROP_BIRTH_DATE, NULL},
    TEXT("POB", BIRTH_PLACE, NULL),
    {"nationality", on_country, WL_PROP_NATIONALITY, NULL},
    {"citizen", on_country, WL_PROP_CITIZENSHIP, NULL},
    {"citizenship", on_country, WL_PROP_CITIZENSHIP, NULL},
    {"Gender", on_gender, WL_PROP_GENDER, NULL},
    /* names and links */
    {"a.k.a.", on_name, WL_PROP_WEAK_ALIAS, NULL},
    {"f.k.a.", on_name, WL_PROP_PREVIOUS_NAME, NULL},
    {"n.k.a.", on_name, WL_PROP_ALIAS, "n.k.a."},
    {"Linked To:", on_link, WL_PROP_NOTES, "linkedTo"},
    {"Aircraft Operator", on_link, WL_PROP_NOTES, "operator"},
    {"Vessel Owner", on_link, WL_PROP_NOTES, "owner"},
    /* contacts */
    TEXT("Website", WEBSITE, NULL),
    TEXT("Email Address", EMAIL, NULL),
    TEXT("Email", EMAIL, NULL),
    TEXT("Phone Number", PHONE, NULL),
    TEXT("Phone No.", PHONE, NULL),
    TEXT("Phone", PHONE, NULL),
    TEXT("Telephone", PHONE, NULL),
    TEXT("Telephone No.", PHONE, NULL),
    TEXT("Telephone Number", PHONE, NULL),
    TEXT("Fax", PHONE, "Fax"),
    TEXT("Fax No.", PHONE, "Fax"),
    TEXT("Fax Number", PHONE, "Fax"),
    /* organisations */
    {"Organization Established Date", on_date, WL_PROP_INCORPORATION_DATE, NULL},
    TEXT("Organization Type:", SECTOR, NULL),
    /* vessels and aircraft */
    {"Vessel Year of Build", on_date, WL_PROP_BUILD_DATE, NULL},
    {"Aircraft Manufacture Date", on_date, WL_PROP_BUILD_DATE, NULL},
    TEXT("Aircraft Model", MODEL, NULL),
    TEXT("Vessel Type", VESSEL_TYPE, NULL),
    TEXT("Other Vessel Type", VESSEL_TYPE, "Other Vessel Type"),
    TEXT("Vessel Call Sign", CALL_SIGN, NULL),
    TEXT("Other Vessel Call Sign", CALL_SIGN, "Other Vessel Call Sign"),
    {"Vessel Flag", on_country, WL_PROP_FLAG, NULL},
    {"Other Vessel Flag", on_country, WL_PROP_FLAG, "Other Vessel Flag"},
    {"Nationality of Registration", on_country, WL_PROP_COUNTRY, "Nationality of Registration"},
    {"Registration Country", on_country, WL_PROP_COUNTRY, "Registration Country"},
    NOTE("Former Vessel Flag"),
    ID("Vessel Registration Identification IMO", IMO_NUMBER),
    ID("Vessel Registration Identification", REGISTRATION_NUMBER),
    ID("Identification Number IMO", IMO_NUMBER),
    ID("Company Number IMO", IMO_NUMBER),
    ID("MMSI", MMSI),
    ID("Aircraft Manufacturer's Serial Number (MSN)", SERIAL_NUMBER),
    ID("Aircraft Construction Number (also called L/N or S/N or F/N)", SERIAL_NUMBER),
    ID("Aircraft Serial Identification", SERIAL_NUMBER),
    ID("Aircraft Tail Number", REGISTRATION_NUMBER),
    ID("Aircraft Mode S Transponder Code", ID_NUMBER),
    /* passports */
    ID("Passport", PASSPORT_NUMBER),
    ID("Diplomatic Passport", PASSPORT_NUMBER),
    ID("British National Overseas Passport", PASSPORT_NUMBER),
    ID("U.S.A. Passport", PASSPORT_NUMBER),
    ID("Passport Booklet", PASSPORT_NUMBER),
    /* tax numbers */
    ID("Tax ID No.", TAX_NUMBER),
    ID("NIT #", TAX_NUMBER),
    ID("RUC #", TAX_NUMBER),
    ID("R.F.C.", TAX_NUMBER),
    ID("RFC", TAX_NUMBER),
    ID("RIF #", TAX_NUMBER),
    ID("RIF", TAX_NUMBER),
    ID("V.A.T. Number", TAX_NUMBER),
    ID("US FEIN", TAX_NUMBER),
    ID("C.U.I.T.", TAX_NUMBER),
    ID("C.U.I.", TAX_NUMBER),
    ID("C.I.F.", TAX_NUMBER),
    ID("Italian Fiscal Code", TAX_NUMBER),
    ID("RTN", TAX_NUMBER),
    ID("Numero Unico de Identificacao Tributaria (NUIT)", TAX_NUMBER),
    /* company registers */
    ID("Registration Number", REGISTRATION_NUMBER),
    ID("Registration ID", REGISTRATION_NUMBER),
    ID("Business Registration Number", REGISTRATION_NUMBER),
    ID("Business Registration Document #", REGISTRATION_NUMBER),
    ID("Company Number", REGISTRATION_NUMBER),
    ID("UK Company Number", REGISTRATION_NUMBER),
    ID("Company ID: No.", REGISTRATION_NUMBER),
    ID("Commercial Registry Number", REGISTRATION_NUMBER),
    ID("Folio Mercantil No.", REGISTRATION_NUMBER),
    ID("Matricula Mercantil No", REGISTRATION_NUMBER),
    ID("C.R. No.", REGISTRATION_NUMBER),
    ID("Romanian C.R.", REGISTRATION_NUMBER),
    ID("Chamber of Commerce Number", REGISTRATION_NUMBER),
    ID("Istanbul Chamber of Comm. No.", REGISTRATION_NUMBER),
    ID("Dubai Chamber of Commerce Membership No.", REGISTRATION_NUMBER),
    ID("Public Registration Number", REGISTRATION_NUMBER),
    ID("Central Registration System Number", REGISTRATION_NUMBER),
    ID("Business Number", REGISTRATION_NUMBER),
    ID("Enterprise Number", REGISTRATION_NUMBER),
    ID("Certificate of Incorporation Number", REGISTRATION_NUMBER),
    ID("Trade License No.", REGISTRATION_NUMBER),
    ID("Registered Charity No.", REGISTRATION_NUMBER),
    ID("Economic Register Number (CBLS)", REGISTRATION_NUMBER),
    ID("Government Gazette Number", REGISTRATION_NUMBER),
    ID("Unified Social Credit Code (USCC)", REGISTRATION_NUMBER),
    ID("United Social Credit Code Certificate (USCCC)", REGISTRATION_NUMBER),
    ID("Organization Code", REGISTRATION_NUMBER),
    ID("LE Number", REGISTRATION_NUMBER),
    ID("Afghan Money Service Provider License Number", REGISTRATION_NUMBER),
    ID("Legal Entity Number", LEI_CODE),
    ID("SWIFT/BIC", SWIFT_BIC),
    /* other identifiers: idNumber with the kind as detail */
    {"Digital Currency Address -", on_digital, WL_PROP_ID_NUMBER, NULL},
    ID("National ID No.", ID_NUMBER),
    ID("Cedula No.", ID_NUMBER),
    ID("Identification Number", ID_NUMBER),
    ID("SSN", ID_NUMBER),
    ID("D.N.I.", ID_NUMBER),
    ID("C.U.R.P.", ID_NUMBER),
    ID("C.U.I.P.", ID_NUMBER),
    ID("I.F.E.", ID_NUMBER),
    ID("Credencial electoral", ID_NUMBER),
    ID("Electoral Registry No.", ID_NUMBER),
    ID("Cartilla de Servicio Militar Nacional", ID_NUMBER),
    ID("Personal ID Card", ID_NUMBER),
    ID("Tazkira National ID Card", ID_NUMBER),
    ID("Refugee ID Card", ID_NUMBER),
    ID("National Foreign ID Number", ID_NUMBER),
    ID("Turkish Identification Number", ID_NUMBER),
    ID("Citizen's Card Number", ID_NUMBER),
    ID("Birth Certificate Number", ID_NUMBER),
    ID("Driver's License No.", ID_NUMBER),
    ID("Residency Number", ID_NUMBER),
    ID("Travel Document Number", ID_NUMBER),
    ID("VisaNumberID", ID_NUMBER),
    ID("Numero de Identidad", ID_NUMBER),
    ID("License", ID_NUMBER),
    ID("D-U-N-S Number", ID_NUMBER),
    ID("ISIN", ID_NUMBER),
    ID("Equity Ticker", ID_NUMBER),
    ID("BIK (RU)", ID_NUMBER),
    ID("Branch Unit Number", ID_NUMBER),
    ID("Chinese Commercial Code", ID_NUMBER),
    /* sanctions notes */
    NOTE("Additional Sanctions Information -"),
    NOTE("Secondary sanctions risk:"),
    NOTE("Executive Order"),
    NOTE("CAATSA Section"),
    NOTE("IFCA Determination -"),
    NOTE("Transactions Prohibited For Persons Owned or Controlled By"),
    NOTE("Listing Date"),
    NOTE("Effective Date"),
    NOTE("Purchase/Sales For Divestment Date"),
    NOTE("For more information"),
    NOTE("Target Type"),
};

/* A kind matches at the start of t when followed by a blank, ":" or the end. */
static bool kind_matches(span t, const char *kind, size_t k)
{
	if (k > t.n || strncasecmp(t.s, kind, k) != 0)
		return false;
	return k == t.n || !is_word_char(kind[k - 1]) || t.s[k] == ' ' || t.s[k] == ':';
}

static const rule *find_rule(span t)
{
	const rule *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		size_t k = strlen(rules[i].kind);
		if (k > best_len && kind_matches(t, rules[i].kind, k)) {
			best = &rules[i];
			best_len = k;
		}
	}
	return best;
}

/* True for the last word of an identifier's kind: "No.", "Number", "#", "ID", ... */
static bool is_number_word(span w)
{
	static const char *const words[] = {"No.", "No",   "Number", "#",
	                                    "ID",  "Code", "Card",   "Nr."};
	if (w.n && w.s[w.n - 1] == ':')
		w.n--;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (w.n == strlen(words[i]) && strncasecmp(w.s, words[i], w.n) == 0)
			return true;
	return false;
}

/*
 * A fragment of no known kind that reads "<a few words> No. <number> ...":
 * true, with *kind the words and *rest what follows them.
 */
static bool generic_identifier(span t, span *kind, span *rest)
{
	span w[9];
	size_t nw = split_words(t, w, 9);
	if (nw > 9)
		nw = 9;
	for (size_t i = 1; i < nw; i++) {
		if (!has_digit(w[i]))
			continue;
		if (!is_number_word(w[i - 1]))
			return false;
		*kind = (span){t.s, (size_t)(w[i - 1].s + w[i - 1].n - t.s)};
		*rest = (span){w[i].s, (size_t)(t.s + t.n - w[i].s)};
		return true;
	}
	return false;
}

static int apply_fragment(remark *r)
{
	span t = r->frag;
	if (starts_with_word(t, "alt") && t.n > 4 && t.s[3] == '.')
		t = trim((span){t.s + 4, t.n - 4});
	const rule *ru = find_rule(t);
	if (ru) {
		size_t k = strlen(ru->kind);
		span kind = {t.s, k};
		return ru->fn(r, ru, kind, skip_colons((span){t.s + k, t.n - k}));
	}
	span kind, rest;
	if (generic_identifier(t, &kind, &rest))
		return put_identifier(r, WL_PROP_ID_NUMBER, kind, rest);
	return put_note(r);
}

/* ---- entry points ---- */

typedef struct apply_ctx {
	wl_dataset *ds;
	wl_entity *e;
	const wl_sdn_origin *origin;
	wl_arena scratch;
} apply_ctx;

static int apply_one(void *p, const char *frag, size_t len, size_t offset)
{
	apply_ctx *c = p;
	const wl_sdn_origin *o = c->origin;
	remark r = {.ds = c->ds, .e = c->e, .scratch = &c->scratch, .frag = {frag, len}};
	if (o)
		r.record = o->tail_record && offset >= o->tail_from ? o->tail_record : o->record;
	r.original = wl_arena_strndup(&c->scratch, frag, len);
	if (!r.original)
		return wl_error_set(WL_ENOMEM, "out of memory");
	return apply_fragment(&r);
}

int wl_sdn_remarks_apply(wl_dataset *ds, wl_entity *e, const char *remarks, size_t len,
                         const wl_sdn_origin *origin)
{
	apply_ctx c = {.ds = ds, .e = e, .origin = origin};
	wl_arena_init(&c.scratch);
	int rc = wl_sdn_remarks_split(remarks, len, apply_one, &c);
	wl_arena_free(&c.scratch);
	return rc;
}

int wl_sdn_remark_apply(wl_dataset *ds, wl_entity *e, const char *frag, size_t len,
                        const char *record)
{
	wl_sdn_origin o = {.record = record};
	apply_ctx c = {.ds = ds, .e = e, .origin = &o};
	span t = trim((span){frag, len});
	if (!t.n)
		return 0;
	wl_arena_init(&c.scratch);
	int rc = apply_one(&c, t.s, t.n, 0);
	wl_arena_free(&c.scratch);
	return rc;
}
