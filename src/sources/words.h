/*
 * words.h - comparing list labels by their letters and digits.
 *
 * The UK lists write the same label many ways ("Primary name",
 * "primary-name", "Alias Type:"): these compare only letters and digits,
 * without regard to case, spaces or punctuation.
 */
#ifndef WL_WORDS_H
#define WL_WORDS_H

#include <stdbool.h>

/* True when a and b have the same letters and digits, without regard to case. */
bool wl_same_words(const char *a, const char *b);
/* True when the letters and digits of s start with those of prefix. */
bool wl_starts_words(const char *s, const char *prefix);

#endif
