/*
 * text_decode.h - a list file's bytes as UTF-8 text.
 *
 * Government CSV files come in UTF-8 or in Windows-1252 (OFAC's legacy
 * files, OFSI's ConList), with or without a byte-order mark, and OFAC's end
 * with a 0x1A byte. wl_text_decode() gives the readers one form: valid UTF-8
 * is kept as it is, anything else is converted from Windows-1252 with ICU,
 * and a NUL byte is refused as no text, with its line.
 */
#ifndef WL_TEXT_DECODE_H
#define WL_TEXT_DECODE_H

#include <stddef.h>

/*
 * The text of a file (name, for messages) as UTF-8 in a fresh NUL-terminated
 * buffer the caller frees: a byte-order mark and trailing 0x1A bytes
 * dropped, Windows-1252 converted. 0, or WL_EINPUT / WL_ENOMEM.
 */
int wl_text_decode(const char *name, const char *data, size_t len, char **out, size_t *outlen);

#endif
