/*
 * normalise.c - names into lower-case ASCII tokens (see normalise.h).
 *
 * The pipeline, in order:
 *
 *   1. Check UTF-8 (WL_EINPUT if broken). Read at most INPUT_MAX bytes, cut
 *      before the last break so that no word is read half.
 *   2. Turn the text into ASCII. Pure ASCII input takes the fast path: no ICU
 *      at all, only the tokeniser below (which lower-cases). Other input goes
 *      through ICU: UTF-16, NFKC with case folding in one step (the
 *      NFKC_Casefold normaliser: full-width forms, ligatures, "ß" -> "ss"),
 *      then "Any-Latin; Latin-ASCII" with BGN romanisation for Russian,
 *      UNGEGN for Greek and a few rules of our own (translit_rules). ICU's
 *      transliterator costs some 200 ns a character, so it sees only what
 *      needs it: ASCII goes to the tokeniser as it is; a Latin letter with
 *      marks ("ü"), or a Common-script character outside a run, is
 *      transliterated on its own and the result kept in a per-normaliser
 *      cache; each Han character and Hangul syllable likewise, and becomes
 *      its own token, flagged WL_TOK_SYLLABLE (ICU spaces Han syllables, but
 *      glues Hangul ones: "김정은" -> "gimjeong-eun"); runs of other scripts
 *      (Cyrillic, Greek, Arabic, kana...), with the spaces, punctuation and
 *      marks inside them, are transliterated whole, for the context that
 *      their rules need. ASCII input thus gives the same tokens on both
 *      paths (the unit test checks).
 *   3. Tokenise: ASCII letters and digits make tokens; apostrophes are dropped
 *      ("O'Brien" -> "obrien"); a dot between two word characters is dropped
 *      ("U.S.A." -> "usa", "Co.,Ltd." -> "co ltd"); anything else, hyphens
 *      included, is a break. A comma between two tokens sets WL_NAME_COMMA.
 *   4. Person prefixes (kind PERSON or ANY): leading phrases of the prefix
 *      table are dropped while another token remains ("Dr. Mr. X" -> "x").
 *   5. Legal forms (kind ORG or ANY): a run of tokens that is an alias of a
 *      legal form is replaced by the form's compare tokens, flagged
 *      WL_TOK_LEGAL_FORM, longest alias first. For ORG anywhere in the name
 *      ("X Co., Ltd. (Beijing)"), scanning left to right, except that a
 *      one-token alias of one or two letters ("in", "as", "sa") counts only
 *      as the first or last token. For ANY, only a chain of forms that ends
 *      the name ("X Co Ltd", "X LLC GmbH") and leaves at least one other
 *      token before it, scanning right to left, so that a person called
 *      "Sa Ding" or "Co Van" keeps the name as written (but "Ding Sa" gets
 *      "sa" marked: the flag only makes the token weigh less). A one-token
 *      alias never matches a Han syllable ("李娜" -> "li na", a person).
 *      The step is repeated on its own output until nothing changes ("X Co
 *      Lt" -> "x co ltd" -> "x coltd"), so that a normalised name
 *      normalises to itself.
 *   6. Write wl_name: tokens separated by one space. The name is cut after
 *      the last whole token that fits (WL_NAME_MAX bytes with the NUL,
 *      WL_NAME_MAX_TOKENS) before step 5, so that step 5 sees the end of
 *      the name that is written, and again if step 5 made it longer. A
 *      single token is cut at 255 bytes (wl_token.len).
 *
 * Steps 1-3 run on a raw_name with room for twice the output, so that
 * dropping prefixes and shortening legal forms does not lose tokens that fit.
 * The tables (legal forms, prefixes) are loaded once by wl_normaliser_new and
 * shared read-only by its clones through an atomic reference count; the last
 * normaliser freed frees them. The ICU transliterator and the buffers belong
 * to one normaliser, used by one thread at a time.
 */
#include "text/normalise.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "model/error.h"
#include "text/legal_forms.h"
#include "text/name_prefixes.h"

#define INPUT_MAX   (4 * WL_NAME_MAX)        /* bytes of input read */
#define RAW_MAX     (2 * WL_NAME_MAX)        /* bytes of text before the table steps */
#define RAW_TOKENS  (2 * WL_NAME_MAX_TOKENS) /* tokens before the table steps */
#define TOKEN_MAX   255                      /* bytes of one token (wl_token.len) */
#define TRANSLIT_ID "wl-any-ascii"

/*
 * ICU's "Any-Latin; Latin-ASCII", with the BGN/PCGN romanisation that
 * English-language lists use for Russian ("Путин" -> "putin", "ч" -> "ch",
 * not ICU's default "č" -> "c") and the UN's for Greek ("Μητσοτάκης" ->
 * "mitsotakis", not "metsotakes") ahead of Any-Latin. The hard sign, which
 * BGN writes as a letter-like quote, is dropped, and so is the middle dot
 * (Catalan "l·l"), which Greek-Latin would take for a Greek colon. After
 * Latin-ASCII come the Latin letters that it leaves alone (Azerbaijani
 * schwa, the open o of African alphabets...). Input is case-folded first,
 * so lower case suffices.
 */
static const char translit_rules[] =
    "\\u00B7 > ; ::Russian-Latin/BGN; ::Greek-Latin/UNGEGN; ::Any-Latin; \\u02BA > ;"
    "::Latin-ASCII; ::Null;"
    "\\u0259 > e; \\u01DD > e; \\u0254 > o; \\u0283 > sh; \\u0292 > zh; \\u0251 > a;"
    "\\u0263 > g; \\u028A > u; \\u028C > a; \\u0250 > a; \\u026F > u; \\u0223 > ou;";

typedef struct wl_tables {
	atomic_int refs;
	wl_legal_forms *legal;
	wl_name_prefixes *prefixes;
} wl_tables;

/* A transliteration kept for a character that needs no context. */
typedef struct translit_entry {
	UChar32 cp; /* -1: empty */
	uint8_t len;
	char text[11]; /* ASCII */
} translit_entry;

#define TRANSLIT_CACHE 1024 /* entries, direct-mapped by code point */

struct wl_normaliser {
	wl_tables *tables;
	translit_entry cache[TRANSLIT_CACHE];
	UTransliterator *translit;
	const UNormalizer2 *nfkc_cf; /* ICU's singleton; never closed */
	UChar *u16, *norm, *seg;     /* input, after NFKC_CF, a segment being transliterated */
	int32_t u16_cap, norm_cap, seg_cap;
};

/* Tokens before the table steps, and the tokeniser's state. */
typedef struct raw_name {
	char text[RAW_MAX];
	size_t len;
	wl_token tokens[RAW_TOKENS];
	size_t ntokens;
	unsigned flags;     /* WL_NAME_* */
	size_t start;       /* offset of the token being built */
	bool in_token;      /* a token is being built */
	bool dot_pending;   /* a dot followed the token's last character */
	bool comma_pending; /* a comma was seen since the last token */
	bool after_comma;   /* the token being built follows a comma */
	bool full;          /* no more room: the rest of the input is ignored */
	uint8_t seg_flags;  /* WL_TOK_SYLLABLE while feeding a Han or Hangul syllable */
} raw_name;

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned char b = s[0];
	size_t need;
	unsigned char lo = 0x80, hi = 0xBF;
	if (b >= 0xC2 && b <= 0xDF)
		need = 1;
	else if (b >= 0xE0 && b <= 0xEF)
		need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
	else if (b >= 0xF0 && b <= 0xF4)
		need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (n < need + 1 || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i <= need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need + 1;
}

/* Checks UTF-8; sets *ascii when every byte is ASCII. Returns 0 or WL_EINPUT. */
static int check_utf8(const char *in, size_t len, bool *ascii)
{
	const unsigned char *s = (const unsigned char *)in;
	size_t i = 0;
	while (i < len && s[i] < 0x80)
		i++;
	*ascii = i == len;
	while (i < len) {
		size_t n = s[i] < 0x80 ? 1 : utf8_seq(s + i, len - i);
		if (!n)
			return wl_error_set(WL_EINPUT, "name is not valid UTF-8 (byte %zu)", i);
		i += n;
	}
	return WL_OK;
}

static bool is_ascii_word(unsigned c)
{
	return (c | 32) - 'a' < 26 || c - '0' < 10;
}

/* Input beyond INPUT_MAX is ignored, cut after the last ASCII break. */
static size_t cut_input(const char *in, size_t len)
{
	if (len <= INPUT_MAX)
		return len;
	size_t cut = INPUT_MAX;
	while (cut > 0 && ((unsigned char)in[cut] & 0xC0) == 0x80)
		cut--; /* in[cut], the first byte left out, starts a character */
	for (size_t j = cut; j > 0; j--) {
		unsigned char b = (unsigned char)in[j - 1];
		if (b < 0x80 && !is_ascii_word(b) && b != '.' && b != '\'' && b != '`')
			return j;
	}
	return cut;
}

/* ---- the tokeniser ---- */

static void raw_init(raw_name *r)
{
	r->len = 0;
	r->ntokens = 0;
	r->flags = 0;
	r->in_token = r->dot_pending = r->comma_pending = r->after_comma = r->full = false;
	r->seg_flags = 0;
}

/* WL_TOK_NUMERIC and WL_TOK_INITIAL as the token's text says. */
static uint8_t content_flags(const char *s, size_t len)
{
	uint8_t f = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9')
			f |= WL_TOK_NUMERIC;
	if (len == 1 && !(f & WL_TOK_NUMERIC))
		f |= WL_TOK_INITIAL;
	return f;
}

static void raw_end_token(raw_name *r)
{
	r->dot_pending = false;
	if (!r->in_token)
		return;
	r->in_token = false;
	size_t len = r->len - r->start;
	wl_token *t = &r->tokens[r->ntokens++];
	t->off = (uint16_t)r->start;
	t->len = (uint8_t)len;
	t->flags = content_flags(r->text + r->start, len) | r->seg_flags |
		   (r->after_comma ? WL_TOK_AFTER_COMMA : 0);
}

/* Starts a token; false (and r->full) when there is no room for one. */
static bool raw_start_token(raw_name *r)
{
	size_t sep = r->ntokens > 0;
	if (r->ntokens == RAW_TOKENS || r->len + sep + 1 >= RAW_MAX) {
		r->full = true;
		return false;
	}
	r->after_comma = r->comma_pending && r->ntokens > 0;
	if (r->after_comma)
		r->flags |= WL_NAME_COMMA;
	r->comma_pending = false;
	if (sep)
		r->text[r->len++] = ' ';
	r->start = r->len;
	r->in_token = true;
	return true;
}

/* Adds a lower-case letter or digit to the token being built. */
static void raw_char(raw_name *r, char c)
{
	if (r->full || (!r->in_token && !raw_start_token(r)))
		return;
	if (r->len - r->start >= TOKEN_MAX)
		return; /* the token is cut at TOKEN_MAX bytes */
	if (r->len + 1 >= RAW_MAX) {
		/* no room to finish this token: take it back and stop */
		r->len = r->start - (r->ntokens > 0);
		r->in_token = false;
		r->full = true;
		return;
	}
	r->text[r->len++] = c;
}

/* Characters dropped without a break: apostrophes, modifier letters, combining marks. */
static bool is_dropped(unsigned c)
{
	if (c >= 0x02B0 && c <= 0x036F) /* ʼ ʻ ʾ ʿ ˌ ... and the combining marks */
		return true;
	switch (c) {
	case '\'':
	case '`':
	case 0xB4:   /* ´ */
	case 0x2018: /* ‘ */
	case 0x2019: /* ’ */
	case 0x2032: /* ′ */
	case 0x0294: /* ʔ glottal stop */
	case 0x0295: /* ʕ */
	case 0xA78C: /* ꞌ saltillo */
	case 0x00B7: /* · Catalan l·l */
		return true;
	default:
		return false;
	}
}

/* Feeds one character: a byte of ASCII input, or a UTF-16 unit of ICU's output. */
static inline void raw_feed(raw_name *r, unsigned c)
{
	if (c - 'A' < 26)
		c += 'a' - 'A';
	if (c - 'a' < 26 || c - '0' < 10) {
		r->dot_pending = false;
		raw_char(r, (char)c);
	} else if (c == '.' && r->in_token && !r->dot_pending) {
		r->dot_pending = true;
	} else if (!is_dropped(c)) {
		if (c == ',')
			r->comma_pending = true;
		raw_end_token(r);
	}
}

static void feed_ascii(raw_name *r, const char *in, size_t len)
{
	for (size_t i = 0; i < len && !r->full; i++)
		raw_feed(r, (unsigned char)in[i]);
	raw_end_token(r);
}

static void feed_u16(raw_name *r, const UChar *s, int32_t len)
{
	for (int32_t i = 0; i < len && !r->full; i++)
		raw_feed(r, s[i]);
}

/* ---- the ICU path ---- */

static int grow(UChar **buf, int32_t *cap, int32_t need)
{
	if (need <= *cap)
		return WL_OK;
	int32_t cap2 = *cap * 2 > need ? *cap * 2 : need;
	UChar *p = realloc(*buf, (size_t)cap2 * sizeof(UChar));
	if (!p)
		return wl_error_set(WL_ENOMEM, "out of memory");
	*buf = p;
	*cap = cap2;
	return WL_OK;
}

static int icu_fail(UErrorCode e, const char *what)
{
	return wl_error_set(WL_EINPUT, "normalising a name: %s: %s", what, u_errorName(e));
}

/* UTF-8 -> UTF-16 -> NFKC_Casefold into n->norm; *len is its length. */
static int to_nfkc_cf(wl_normaliser *n, const char *in, size_t inlen, int32_t *len)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0;
	u_strFromUTF8(n->u16, n->u16_cap, &ulen, in, (int32_t)inlen, &e);
	if (U_FAILURE(e))
		return icu_fail(e, "UTF-8");
	for (;;) {
		e = U_ZERO_ERROR;
		*len = unorm2_normalize(n->nfkc_cf, n->u16, ulen, n->norm, n->norm_cap, &e);
		if (e != U_BUFFER_OVERFLOW_ERROR)
			break;
		int rc = grow(&n->norm, &n->norm_cap, *len + 1);
		if (rc)
			return rc;
	}
	return U_FAILURE(e) ? icu_fail(e, "NFKC") : WL_OK;
}

/* Transliterates s (len units) into n->seg; *out_len is the result's length. */
static int translit(wl_normaliser *n, const UChar *s, int32_t len, int32_t *out_len)
{
	int32_t cap = len * 4 + 32;
	for (;;) {
		int rc = grow(&n->seg, &n->seg_cap, cap);
		if (rc)
			return rc;
		UErrorCode e = U_ZERO_ERROR;
		int32_t tlen = len, limit = len;
		memcpy(n->seg, s, (size_t)len * sizeof(UChar));
		utrans_transUChars(n->translit, n->seg, &tlen, n->seg_cap, 0, &limit, &e);
		if (e == U_BUFFER_OVERFLOW_ERROR) {
			cap = n->seg_cap * 2;
			continue;
		}
		if (U_FAILURE(e))
			return icu_fail(e, "transliteration");
		*out_len = tlen;
		return WL_OK;
	}
}

/* Keeps the transliteration of c in the cache when it is short ASCII. */
static void cache_put(wl_normaliser *n, UChar32 c, const UChar *s, int32_t len)
{
	translit_entry *e = &n->cache[(uint32_t)c % TRANSLIT_CACHE];
	if (len > (int32_t)sizeof(e->text))
		return;
	for (int32_t i = 0; i < len; i++) {
		if (s[i] >= 0x80)
			return;
		e->text[i] = (char)s[i];
	}
	e->cp = c;
	e->len = (uint8_t)len;
}

/* Feeds one character that transliterates without context, through the cache. */
static int feed_char(wl_normaliser *n, raw_name *r, UChar32 c, const UChar *s, int32_t len)
{
	const translit_entry *e = &n->cache[(uint32_t)c % TRANSLIT_CACHE];
	if (e->cp == c) {
		for (uint8_t i = 0; i < e->len; i++)
			raw_feed(r, (unsigned char)e->text[i]);
		return WL_OK;
	}
	int32_t tlen;
	int rc = translit(n, s, len, &tlen);
	if (rc)
		return rc;
	cache_put(n, c, n->seg, tlen);
	feed_u16(r, n->seg, tlen);
	return WL_OK;
}

/* What the ICU path does with a character (see the comment at the top). */
typedef enum char_class {
	CH_ASCII,    /* fed as it is */
	CH_LATIN,    /* Latin, or a neutral character outside a complex run: on its own */
	CH_NEUTRAL,  /* script Common or Inherited: joins a complex run, else as CH_LATIN */
	CH_SYLLABLE, /* Han or a Hangul syllable: on its own, as its own token */
	CH_COMPLEX,  /* any other script: transliterated in runs, for context */
} char_class;

/* The class of c; notes non-Latin letters and Han in r->flags. */
static char_class classify(raw_name *r, UChar32 c)
{
	if (c < 0x80)
		return CH_ASCII;
	UErrorCode e = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(c, &e);
	if (sc == USCRIPT_LATIN)
		return CH_LATIN;
	if (sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED)
		return CH_NEUTRAL;
	if (u_isalpha(c))
		r->flags |= WL_NAME_NON_LATIN;
	if (sc == USCRIPT_HAN)
		r->flags |= WL_NAME_HAN;
	if (sc == USCRIPT_HAN || (c >= 0xAC00 && c <= 0xD7A3))
		return CH_SYLLABLE;
	return CH_COMPLEX;
}

/*
 * The end of the complex run at s[i]: complex and neutral characters, and
 * ASCII other than letters and digits ("أسامة بن لادن" is one run), up to a
 * Latin letter, an ASCII letter or digit, or a syllable.
 */
static int32_t complex_run_end(raw_name *r, const UChar *s, int32_t i, int32_t len)
{
	while (i < len) {
		int32_t next = i;
		UChar32 c;
		U16_NEXT(s, next, len, c);
		char_class cl = classify(r, c);
		if (cl == CH_LATIN || cl == CH_SYLLABLE || (cl == CH_ASCII && is_ascii_word(c)))
			break;
		i = next;
	}
	return i;
}

static int feed_syllable(wl_normaliser *n, raw_name *r, UChar32 c, const UChar *s, int32_t len)
{
	raw_end_token(r);
	r->seg_flags = WL_TOK_SYLLABLE;
	int rc = feed_char(n, r, c, s, len);
	raw_end_token(r);
	r->seg_flags = 0;
	return rc;
}

/* Feeds n->norm (len units) to r, character by character or run by run. */
static int feed_chars(wl_normaliser *n, raw_name *r, int32_t len)
{
	const UChar *s = n->norm;
	int32_t i = 0;
	int rc = WL_OK;
	while (i < len && !r->full && !rc) {
		int32_t at = i, tlen;
		UChar32 c;
		U16_NEXT(s, i, len, c);
		switch (classify(r, c)) {
		case CH_ASCII:
			raw_feed(r, (unsigned)c);
			break;
		case CH_LATIN:
		case CH_NEUTRAL:
			rc = feed_char(n, r, c, s + at, i - at);
			break;
		case CH_SYLLABLE:
			rc = feed_syllable(n, r, c, s + at, i - at);
			break;
		case CH_COMPLEX:
			i = complex_run_end(r, s, i, len);
			if (!(rc = translit(n, s + at, i - at, &tlen)))
				feed_u16(r, n->seg, tlen);
			break;
		}
	}
	raw_end_token(r);
	return rc;
}

static int feed_icu(wl_normaliser *n, raw_name *r, const char *in, size_t len)
{
	int32_t nlen = 0;
	int rc = to_nfkc_cf(n, in, len, &nlen);
	return rc ? rc : feed_chars(n, r, nlen);
}

/* Steps 1-3: in -> r. */
static int tokenise(wl_normaliser *n, const char *in, size_t len, bool force_icu, raw_name *r)
{
	bool ascii;
	raw_init(r);
	if (!in && len)
		return wl_error_set(WL_EUSAGE, "wl_normalise_name: NULL name");
	int rc = check_utf8(in, len, &ascii);
	if (rc)
		return rc;
	len = cut_input(in, len);
	if (ascii && !force_icu) {
		feed_ascii(r, in, len);
		return WL_OK;
	}
	return feed_icu(n, r, in, len);
}

/* ---- the table steps ---- */

/* The text of tokens [s, s + k) of r, which the tokeniser wrote with single spaces. */
static const char *phrase(const raw_name *r, size_t s, size_t k, size_t *len)
{
	const wl_token *a = &r->tokens[s], *b = &r->tokens[s + k - 1];
	*len = (size_t)b->off + b->len - a->off;
	return r->text + a->off;
}

/* Tokens of the longest person prefix at token s that leaves another token; 0 for none. */
static size_t prefix_at(const wl_name_prefixes *np, const raw_name *r, size_t s)
{
	size_t left = r->ntokens - s, len;
	if (left < 2)
		return 0;
	const wl_token *t = &r->tokens[s];
	size_t span = wl_name_prefixes_span(np, WL_PREFIX_PERSON, r->text + t->off, t->len);
	for (size_t k = span < left ? span : left - 1; k >= 1; k--) {
		const char *p = phrase(r, s, k, &len);
		if (wl_name_prefixes_has(np, WL_PREFIX_PERSON, p, len))
			return k;
	}
	return 0;
}

/* Step 4: the index of the first token after the leading person prefixes. */
static size_t drop_prefixes(const wl_name_prefixes *np, const raw_name *r)
{
	size_t start = 0, k;
	while ((k = prefix_at(np, r, start)) > 0)
		start += k;
	return start;
}

/* Where legal forms replace tokens: forms[i] replaces spans[i] tokens from i. */
typedef struct legal_marks {
	const char *forms[RAW_TOKENS];
	uint8_t spans[RAW_TOKENS];
	unsigned first[RAW_TOKENS]; /* wl_legal_forms_span of each token */
} legal_marks;

/*
 * The compare form of tokens [s, s + k), or NULL. A one-token alias never
 * matches a Han syllable: "李娜" is Li Na, not a national association.
 */
static const char *legal_form(const wl_legal_forms *lf, const raw_name *r, const legal_marks *m,
                              size_t s, size_t k)
{
	size_t len;
	if (m->first[s] < k || (k == 1 && (r->tokens[s].flags & WL_TOK_SYLLABLE)))
		return NULL;
	const char *p = phrase(r, s, k, &len);
	return wl_legal_forms_lookup(lf, p, len);
}

/* In ORG names, a one-token alias of one or two letters ("as", "in", "sa") counts only at an end.
 */
static bool org_short_inside(const raw_name *r, size_t start, size_t s, size_t k)
{
	return k == 1 && r->tokens[s].len <= 2 && s != start && s + 1 != r->ntokens;
}

static void mark(legal_marks *m, size_t s, size_t k, const char *form)
{
	m->forms[s] = form;
	m->spans[s] = (uint8_t)k;
}

/* ORG: the longest form at each token, left to right. */
static void mark_org(const wl_legal_forms *lf, const raw_name *r, legal_marks *m, size_t start)
{
	for (size_t s = start; s < r->ntokens;) {
		size_t k = m->first[s] < r->ntokens - s ? m->first[s] : r->ntokens - s;
		for (; k >= 1; k--) {
			const char *form = legal_form(lf, r, m, s, k);
			if (form && !org_short_inside(r, start, s, k)) {
				mark(m, s, k, form);
				break;
			}
		}
		s += k ? k : 1;
	}
}

/* ANY: a chain of forms that ends the name and leaves a token before it, right to left. */
static void mark_any(const wl_legal_forms *lf, const raw_name *r, legal_marks *m, size_t start)
{
	size_t end = r->ntokens;
	while (end > start + 1) {
		size_t s = start + 1;
		const char *form = NULL;
		for (; s < end && !form; s++) /* the smallest s is the longest form */
			form = legal_form(lf, r, m, s, end - s);
		if (!form)
			return;
		s--;
		mark(m, s, end - s, form);
		end = s;
	}
}

static void mark_legal_forms(const wl_legal_forms *lf, const raw_name *r, legal_marks *m,
                             size_t start, wl_name_kind kind)
{
	for (size_t i = start; i < r->ntokens; i++) {
		const wl_token *t = &r->tokens[i];
		m->forms[i] = NULL;
		m->first[i] = wl_legal_forms_span(lf, r->text + t->off, t->len);
	}
	if (kind == WL_NAME_ORG)
		mark_org(lf, r, m, start);
	else
		mark_any(lf, r, m, start);
}

/* ---- writing tokens ---- */

/* Where tokens are written: a wl_name, or a raw_name for another pass. */
typedef struct sink {
	char *text;
	size_t cap; /* bytes of text, with the NUL */
	wl_token *tokens;
	size_t max_tokens;
	size_t len, ntokens;
} sink;

/* Appends a token; false when it does not fit, which ends the name. */
static bool emit(sink *out, const char *s, size_t len, uint8_t flags)
{
	size_t sep = out->ntokens > 0;
	if (len == 0)
		return true;
	if (out->ntokens == out->max_tokens || out->len + sep + len >= out->cap)
		return false;
	if (sep)
		out->text[out->len++] = ' ';
	memcpy(out->text + out->len, s, len);
	wl_token *t = &out->tokens[out->ntokens++];
	t->off = (uint16_t)out->len;
	t->len = (uint8_t)len;
	t->flags = flags;
	out->len += len;
	out->text[out->len] = '\0';
	return true;
}

/* Appends a legal form's tokens (normalised text with single spaces). */
static bool emit_form(sink *out, const char *form)
{
	while (*form) {
		size_t len = strcspn(form, " ");
		if (len > TOKEN_MAX)
			len = TOKEN_MAX;
		if (!emit(out, form, len, WL_TOK_LEGAL_FORM | content_flags(form, len)))
			return false;
		form += len;
		form += *form == ' ';
	}
	return true;
}

/* Appends the tokens of r from start, with legal forms (m, if not NULL) in place; false if cut. */
static bool emit_all(sink *out, const raw_name *r, size_t start, const legal_marks *m)
{
	for (size_t i = start; i < r->ntokens;) {
		const wl_token *t = &r->tokens[i];
		if (m && m->forms[i]) {
			if (!emit_form(out, m->forms[i]))
				return false;
			i += m->spans[i];
		} else {
			if (!emit(out, r->text + t->off, t->len, t->flags))
				return false;
			i++;
		}
	}
	return true;
}

/* ---- step 5 to a fixed point ---- */

#define LEGAL_PASSES (2 * WL_NAME_MAX_TOKENS) /* each pass but the last changes the text */

/* Whether a marked form differs from the text it replaces. */
static bool marks_change_text(const raw_name *r, const legal_marks *m, size_t start)
{
	for (size_t i = start; i < r->ntokens; i++) {
		size_t len;
		if (!m->forms[i])
			continue;
		const char *p = phrase(r, i, m->spans[i], &len);
		if (strlen(m->forms[i]) != len || memcmp(m->forms[i], p, len) != 0)
			return true;
	}
	return false;
}

/* r with its legal forms replaced, into work, which then starts at token 0. */
static void apply_marks(raw_name *work, const raw_name *r, size_t start, const legal_marks *m)
{
	raw_name next;
	sink out = {next.text, RAW_MAX, next.tokens, RAW_TOKENS, 0, 0};
	emit_all(&out, r, start, m);
	memcpy(work->text, next.text, out.len);
	memcpy(work->tokens, next.tokens, out.ntokens * sizeof(wl_token));
	work->len = out.len;
	work->ntokens = out.ntokens;
	work->flags = r->flags;
}

/*
 * Step 5, repeated on its own output until it changes nothing (at most
 * LEGAL_PASSES times), so that normalising a normalised name changes
 * nothing: in "X Co Lt" the first pass turns "lt" into "ltd", the second
 * "co ltd" into "coltd"; "X Co Lt Co Lt ..." takes a pass for each pair.
 * Returns the name the last pass saw (r, or work from token 0, *start then
 * 0) and leaves that pass's marks in m.
 */
static const raw_name *settle_legal_forms(const wl_legal_forms *lf, const raw_name *r,
                                          size_t *start, wl_name_kind kind, legal_marks *m,
                                          raw_name *work)
{
	const raw_name *cur = r;
	for (int pass = 1;; pass++) {
		mark_legal_forms(lf, cur, m, *start, kind);
		if (pass == LEGAL_PASSES || !marks_change_text(cur, m, *start))
			return cur;
		apply_marks(work, cur, *start, m);
		cur = work;
		*start = 0;
	}
}

/*
 * Cuts r to what wl_name can hold from token start, so that the legal-form
 * step sees the end of the name that will be written.
 */
static void cut_to_fit(raw_name *r, size_t start)
{
	size_t n = r->ntokens;
	if (n > start + WL_NAME_MAX_TOKENS)
		n = start + WL_NAME_MAX_TOKENS;
	while (n > start &&
	       (size_t)r->tokens[n - 1].off + r->tokens[n - 1].len - r->tokens[start].off >=
	           WL_NAME_MAX)
		n--;
	r->ntokens = n;
	r->len = n ? (size_t)r->tokens[n - 1].off + r->tokens[n - 1].len : 0;
}

/* ---- the whole pipeline ---- */

static void clear_name(wl_name *out)
{
	out->text[0] = '\0';
	out->len = 0;
	out->ntokens = 0;
}

/*
 * Steps 5 and 6. When legal forms make the name longer than wl_name holds
 * (an alias shorter than its form: "lt" -> "ltd"), the last token is cut off
 * and the step run again, so that what is written is a fixed point.
 */
static void write_name(const wl_legal_forms *lf, raw_name *r, size_t start, wl_name_kind kind,
                       wl_name *out)
{
	legal_marks m;
	raw_name work;
	cut_to_fit(r, start);
	for (;;) {
		size_t s0 = start;
		const raw_name *fin = r;
		if (kind != WL_NAME_PERSON)
			fin = settle_legal_forms(lf, r, &s0, kind, &m, &work);
		sink s = {out->text, WL_NAME_MAX, out->tokens, WL_NAME_MAX_TOKENS, 0, 0};
		bool whole = emit_all(&s, fin, s0, kind != WL_NAME_PERSON ? &m : NULL);
		out->len = s.len;
		out->ntokens = s.ntokens;
		if (whole || r->ntokens <= start + 1)
			return;
		clear_name(out);
		r->ntokens--;
		cut_to_fit(r, start);
	}
}

static int normalise(wl_normaliser *n, const char *in, size_t len, wl_name_kind kind, wl_name *out,
                     bool force_icu)
{
	raw_name r;
	clear_name(out);
	out->flags = 0;
	if (kind != WL_NAME_ANY && kind != WL_NAME_PERSON && kind != WL_NAME_ORG)
		return wl_error_set(WL_EUSAGE, "wl_normalise_name: unknown kind %d", (int)kind);
	int rc = tokenise(n, in, len, force_icu, &r);
	if (rc)
		return rc;
	size_t start = 0;
	if (kind != WL_NAME_ORG)
		start = drop_prefixes(n->tables->prefixes, &r);
	write_name(n->tables->legal, &r, start, kind, out);
	out->flags = r.flags;
	return WL_OK;
}

int wl_normalise_name(wl_normaliser *n, const char *in, size_t len, wl_name_kind kind, wl_name *out)
{
	return normalise(n, in, len, kind, out, false);
}

int wl_normalise_name_icu(wl_normaliser *n, const char *in, size_t len, wl_name_kind kind,
                          wl_name *out)
{
	return normalise(n, in, len, kind, out, true);
}

/* ---- normalisers and their tables ---- */

/* wl_phrase_norm_fn for the table loaders: steps 1-3 only. */
static int phrase_norm(void *ctx, const char *in, size_t len, char *out, size_t cap, size_t *outlen)
{
	raw_name r;
	int rc = tokenise(ctx, in, len, false, &r);
	if (rc)
		return rc;
	*outlen = r.len < cap ? r.len : 0; /* a phrase too long for out is left out */
	memcpy(out, r.text, *outlen);
	out[*outlen] = '\0';
	return WL_OK;
}

static void tables_release(wl_tables *t)
{
	if (!t || atomic_fetch_sub(&t->refs, 1) != 1)
		return;
	wl_legal_forms_free(t->legal);
	wl_name_prefixes_free(t->prefixes);
	free(t);
}

static int tables_load(wl_normaliser *n, const char *data_dir, wl_tables **out)
{
	char path[4096];
	wl_tables *t = calloc(1, sizeof(*t));
	if (!t)
		return wl_error_set(WL_ENOMEM, "out of memory");
	atomic_init(&t->refs, 1);
	snprintf(path, sizeof(path), "%s/normalization/rigour/names/org_types.yml", data_dir);
	int rc = wl_legal_forms_load(&t->legal, path, phrase_norm, n);
	if (!rc) {
		snprintf(path, sizeof(path), "%s/normalization/rigour/names/stopwords.yml",
		         data_dir);
		rc = wl_name_prefixes_load(&t->prefixes, path, phrase_norm, n);
	}
	if (rc) {
		tables_release(t);
		return rc;
	}
	*out = t;
	return WL_OK;
}

/* A normaliser without tables; translit is cloned from src when given, else opened. */
static int normaliser_alloc(wl_normaliser **out, const UTransliterator *src)
{
	UErrorCode e = U_ZERO_ERROR;
	wl_normaliser *n = calloc(1, sizeof(*n));
	if (!n)
		return wl_error_set(WL_ENOMEM, "out of memory");
	*out = n;
	n->u16_cap = INPUT_MAX + 1;
	n->norm_cap = 2 * INPUT_MAX;
	n->seg_cap = 256;
	n->u16 = malloc((size_t)n->u16_cap * sizeof(UChar));
	n->norm = malloc((size_t)n->norm_cap * sizeof(UChar));
	n->seg = malloc((size_t)n->seg_cap * sizeof(UChar));
	if (!n->u16 || !n->norm || !n->seg)
		return wl_error_set(WL_ENOMEM, "out of memory");
	for (size_t i = 0; i < TRANSLIT_CACHE; i++)
		n->cache[i].cp = -1;
	n->nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
	if (U_FAILURE(e))
		return wl_error_set(WL_ENOMEM, "ICU NFKC_Casefold: %s", u_errorName(e));
	if (src) {
		n->translit = utrans_clone(src, &e);
	} else {
		UChar id[32], rules[sizeof(translit_rules)];
		UParseError pe;
		u_uastrcpy(id, TRANSLIT_ID);
		u_unescape(translit_rules, rules, (int32_t)sizeof(translit_rules));
		n->translit = utrans_openU(id, -1, UTRANS_FORWARD, rules, -1, &pe, &e);
	}
	if (U_FAILURE(e))
		return wl_error_set(WL_ENOMEM, "ICU transliterator %s: %s", TRANSLIT_ID,
		                    u_errorName(e));
	return WL_OK;
}

int wl_normaliser_new(wl_normaliser **out, const char *data_dir)
{
	wl_normaliser *n = NULL;
	*out = NULL;
	int rc = normaliser_alloc(&n, NULL);
	if (!rc)
		rc = tables_load(n, data_dir ? data_dir : "data", &n->tables);
	if (rc) {
		wl_normaliser_free(n);
		return rc;
	}
	*out = n;
	return WL_OK;
}

int wl_normaliser_clone(wl_normaliser **out, const wl_normaliser *src)
{
	wl_normaliser *n = NULL;
	*out = NULL;
	int rc = normaliser_alloc(&n, src->translit);
	if (rc) {
		wl_normaliser_free(n);
		return rc;
	}
	atomic_fetch_add(&src->tables->refs, 1);
	n->tables = src->tables;
	*out = n;
	return WL_OK;
}

void wl_normaliser_free(wl_normaliser *n)
{
	if (!n)
		return;
	tables_release(n->tables);
	if (n->translit)
		utrans_close(n->translit);
	free(n->u16);
	free(n->norm);
	free(n->seg);
	free(n);
}
