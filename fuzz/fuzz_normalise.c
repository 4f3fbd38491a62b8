/*
 * fuzz_normalise.c - libFuzzer harness for name normalisation.
 *
 * The first byte picks the kind (ANY, PERSON, ORG); the rest is the name,
 * valid UTF-8 or not. Each name is normalised by the fast path and through
 * ICU; both must agree on ASCII input, every result must be well formed
 * (lower-case ASCII tokens one space apart that the offsets describe, within
 * WL_NAME_MAX and WL_NAME_MAX_TOKENS), and normalising the result again must
 * give the same text, unless it has Han or Hangul syllables: those are
 * flagged as such, which the text cannot carry, and a syllable is never a
 * one-token legal form ("nao" from Han is a name, "nao" in Latin a form). The tables are read once,
 * from $WATCHLIST_DATA or else "data" under the working directory.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/normalise.h"
#include "watchlist.h"

static wl_normaliser *norm;

static wl_normaliser *normaliser(void)
{
	if (norm)
		return norm;
	const char *dir = getenv("WATCHLIST_DATA");
	if (wl_normaliser_new(&norm, dir && *dir ? dir : "data")) {
		fprintf(stderr, "fuzz_normalise: %s\n", wl_error_last());
		abort();
	}
	return norm;
}

static void check_well_formed(const wl_name *nm)
{
	size_t at = 0;
	if (nm->len >= WL_NAME_MAX || nm->ntokens > WL_NAME_MAX_TOKENS || nm->text[nm->len])
		abort();
	for (size_t i = 0; i < nm->ntokens; i++) {
		const wl_token *t = &nm->tokens[i];
		if (t->off != at || t->len == 0)
			abort();
		for (size_t j = 0; j < t->len; j++) {
			char c = nm->text[t->off + j];
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				abort();
		}
		at = t->off + t->len;
		if (i + 1 < nm->ntokens && nm->text[at++] != ' ')
			abort();
	}
	if (at != nm->len)
		abort();
}

static int has_syllables(const wl_name *nm)
{
	for (size_t i = 0; i < nm->ntokens; i++)
		if (nm->tokens[i].flags & WL_TOK_SYLLABLE)
			return 1;
	return 0;
}

static int is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	wl_normaliser *n = normaliser();
	wl_name_kind kind = (wl_name_kind)(data[0] % 3);
	const char *in = (const char *)data + 1;
	size_t len = size - 1;
	wl_name a, b;

	int rc = wl_normalise_name(n, in, len, kind, &a);
	if (rc != 0 && rc != WL_EINPUT)
		abort();
	if (rc)
		return 0;
	check_well_formed(&a);
	if (is_ascii(in, len)) {
		if (wl_normalise_name_icu(n, in, len, kind, &b) || strcmp(a.text, b.text) != 0 ||
		    a.ntokens != b.ntokens ||
		    memcmp(a.tokens, b.tokens, a.ntokens * sizeof(wl_token)) != 0)
			abort(); /* the fast path and ICU disagree */
	}
	if (wl_normalise_name(n, a.text, a.len, kind, &b))
		abort();
	check_well_formed(&b);
	if (!has_syllables(&a) && strcmp(a.text, b.text) != 0)
		abort(); /* normalising twice changed the name */
	return 0;
}
