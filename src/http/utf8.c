/*
 * utf8.c - making a message valid UTF-8 before it goes into JSON.
 *
 * Error details and warnings quote what the client sent, often cut to a
 * length (which may fall inside a character), and jansson refuses strings
 * that are not UTF-8. Each byte that does not begin a valid sequence (RFC
 * 3629: no overlongs, no surrogates, nothing past U+10FFFF) becomes '?'.
 */
#include <string.h>

#include "http/utf8.h"

/* The length of the valid sequence at s (n bytes left), or 0. */
static size_t char_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	size_t len;
	unsigned lo = 0x80, hi = 0xBF;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		lo = s[0] == 0xE0 ? 0xA0 : lo; /* no overlongs */
		hi = s[0] == 0xED ? 0x9F : hi; /* no surrogates */
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		lo = s[0] == 0xF0 ? 0x90 : lo;
		hi = s[0] == 0xF4 ? 0x8F : hi; /* up to U+10FFFF */
	} else
		return 0;
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return len;
}

void wl_http_utf8_mend(char *s)
{
	unsigned char *p = (unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		size_t k = char_len(p, n);
		if (!k) {
			*p = '?';
			k = 1;
		}
		p += k;
		n -= k;
	}
}
