/*
 * normalise.h - names into comparable tokens, for indexing and for queries.
 *
 * Both sides of a comparison go through the same steps, so that "倪高彬",
 * "NI, Gaobin" and "Ni Gao-bin" meet: Unicode NFKC and case folding; every
 * script transliterated to Latin and then to ASCII with ICU ("Any-Latin;
 * Latin-ASCII", after ICU's BGN rules for Russian and UN rules for Greek,
 * which give the spellings Latin lists use: "vladimirovich"); Han and
 * Hangul one syllable per token; punctuation made a token break (apostrophes and dots inside
 * a token dropped: "O'Brien" -> "obrien", "U.S." -> "us"); honorifics and
 * name prefixes ("Mr", "Dr", "Sheikh") dropped for people, from the tables
 * in data/normalization; company legal forms ("Co., Ltd.", "Company
 * Limited", "LLC", "OOO", "GmbH") replaced by one compare form each and
 * marked, so that scoring can weigh them lightly. Han characters become one
 * pinyin syllable per token, marked WL_TOK_SYLLABLE, so that scoring can join
 * "gao bin" into "gaobin". A comma in the input is remembered ("LAST,
 * First"); token order is otherwise left to the matcher, which compares in
 * any order.
 *
 * A wl_normaliser holds ICU objects that are not thread-safe: each thread
 * uses its own (wl_normaliser_clone). The tables it loads are shared.
 */
#ifndef WL_NORMALISE_H
#define WL_NORMALISE_H

#include <stddef.h>
#include <stdint.h>

#define WL_NAME_MAX 512        /* bytes of normalised text kept */
#define WL_NAME_MAX_TOKENS 32

enum {
	WL_TOK_LEGAL_FORM = 1 << 0, /* a company legal form ("ltd", "llc") in its compare form */
	WL_TOK_SYLLABLE = 1 << 1,   /* one syllable of a transliterated Han name */
	WL_TOK_NUMERIC = 1 << 2,    /* has a digit ("apt31", "31") */
	WL_TOK_INITIAL = 1 << 3,    /* a single letter */
	WL_TOK_AFTER_COMMA = 1 << 4, /* the first token after a comma ("LAST, First") */
};

enum {
	WL_NAME_COMMA = 1 << 0,     /* the input had a comma: "LAST, First" or "X, Limited" */
	WL_NAME_NON_LATIN = 1 << 1, /* the input had a script other than Latin */
	WL_NAME_HAN = 1 << 2,       /* the input had Han characters */
};

typedef enum wl_name_kind {
	WL_NAME_ANY = 0,    /* unknown: drop person prefixes and mark legal forms */
	WL_NAME_PERSON = 1, /* drop person prefixes; legal forms are ordinary words */
	WL_NAME_ORG = 2,    /* mark legal forms; person prefixes are ordinary words */
} wl_name_kind;

typedef struct wl_token {
	uint16_t off;  /* into wl_name.text */
	uint8_t len;
	uint8_t flags; /* WL_TOK_* */
} wl_token;

typedef struct wl_name {
	char text[WL_NAME_MAX]; /* tokens, lower-case ASCII, separated by one space */
	size_t len;
	wl_token tokens[WL_NAME_MAX_TOKENS];
	size_t ntokens;
	unsigned flags;         /* WL_NAME_* */
} wl_name;

typedef struct wl_normaliser wl_normaliser;

/*
 * Creates a normaliser. data_dir is the folder with the tables
 * (normalization/rigour/names/org_types.yml, stopwords.yml); a missing or
 * malformed table is an error naming the file and line.
 */
int wl_normaliser_new(wl_normaliser **out, const char *data_dir);
/* A normaliser for another thread, sharing the tables. */
int wl_normaliser_clone(wl_normaliser **out, const wl_normaliser *n);
void wl_normaliser_free(wl_normaliser *n);

/*
 * Normalises a name (UTF-8, len bytes). Returns 0, or WL_EINPUT for text that
 * is not valid UTF-8. A name longer than WL_NAME_MAX or than
 * WL_NAME_MAX_TOKENS tokens is cut at a token boundary. Pure ASCII input
 * takes a fast path that does not call the transliterator.
 */
int wl_normalise_name(wl_normaliser *n, const char *in, size_t len, wl_name_kind kind, wl_name *out);

/*
 * Like wl_normalise_name, but ASCII input takes the ICU path too (UTF-16,
 * NFKC_Casefold, ICU's character classes): for tests that check that the
 * fast path gives the same tokens.
 */
int wl_normalise_name_icu(wl_normaliser *n, const char *in, size_t len, wl_name_kind kind,
			  wl_name *out);

/*
 * How the table loaders (legal_forms.c, name_prefixes.c) normalise a
 * phrase of their tables through the same steps as names, but without the
 * table steps: writes the tokens separated by single spaces, NUL-terminated,
 * to out (cap bytes) and their length to *outlen. Returns 0 or WL_E*.
 */
typedef int (*wl_phrase_norm_fn)(void *ctx, const char *in, size_t len, char *out, size_t cap,
				 size_t *outlen);

#endif
