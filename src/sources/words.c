/*
 * words.c - comparing list labels by their letters and digits (see words.h).
 */
#include "words.h"

#include <ctype.h>

/* Compares the letters and digits of a and b, without regard to case. */
bool wl_same_words(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a))
			a++;
		while (*b && !isalnum((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++))
			return false;
	}
}

/* True when the letters and digits of s start with those of prefix. */
bool wl_starts_words(const char *s, const char *prefix)
{
	for (;;) {
		while (*s && !isalnum((unsigned char)*s))
			s++;
		while (*prefix && !isalnum((unsigned char)*prefix))
			prefix++;
		if (!*prefix)
			return true;
		if (tolower((unsigned char)*s++) != tolower((unsigned char)*prefix++))
			return false;
	}
}
