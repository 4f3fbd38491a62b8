/*
 * text_decode.c - list files' bytes as UTF-8 text (see text_decode.h).
 */
#include "text_decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>

#include "model/entity.h"
#include "model/error.h"

/* The line (1-based) of byte at in text. */
static unsigned long line_of(const char *text, size_t at)
{
	unsigned long line = 1;
	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

/* Windows-1252 bytes as UTF-8 in a fresh buffer (with one spare byte). */
static int from_windows_1252(const char *name, const char *data, size_t len, char **out,
                             size_t *outlen)
{
	if (len > (size_t)INT32_MAX / 3 - 1)
		return wl_error_input(name, 0, NULL, "file too large to convert from Windows-1252");
	size_t cap = len * 3 + 1;
	char *buf = malloc(cap);
	if (!buf)
		return wl_error_set(WL_ENOMEM, "out of memory");
	UErrorCode st = U_ZERO_ERROR;
	int32_t n =
	    ucnv_convert("UTF-8", "windows-1252", buf, (int32_t)cap, data, (int32_t)len, &st);
	if (U_FAILURE(st) || n < 0 || (size_t)n >= cap) {
		free(buf);
		return wl_error_input(name, 0, NULL, "cannot convert from Windows-1252: %s",
		                      u_errorName(st));
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = (size_t)n;
	return WL_OK;
}

/*
 * The text of a file as UTF-8, in a fresh NUL-terminated buffer the caller
 * frees: a byte-order mark and the trailing 0x1A dropped, Windows-1252
 * converted. A NUL byte is an error.
 */
int wl_text_decode(const char *name, const char *data, size_t len, char **out, size_t *outlen)
{
	while (len && data[len - 1] == 0x1A)
		len--;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		data += 3, len -= 3;
	char *text = NULL;
	size_t n = 0;
	if (wl_utf8_valid(data, len)) {
		text = malloc(len + 1);
		if (!text)
			return wl_error_set(WL_ENOMEM, "out of memory");
		if (len)
			memcpy(text, data, len);
		text[len] = '\0';
		n = len;
	} else {
		int rc = from_windows_1252(name, data, len, &text, &n);
		if (rc)
			return rc;
	}
	const char *nul = memchr(text, '\0', n);
	if (nul) {
		unsigned long line = line_of(text, (size_t)(nul - text));
		free(text);
		return wl_error_input(name, line, NULL, "a NUL byte: not a text file");
	}
	*out = text;
	*outlen = n;
	return WL_OK;
}

