/*
 * readfile.c - reads a whole list file into memory, for the readers that
 * parse from a buffer (JSON, CSV). Kept apart from the registry so that a
 * reader and its tests link without every other reader.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "reader.h"

int wl_read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(errno));
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		fclose(f);
		return wl_error_set(WL_ENOMEM, "out of memory");
	}
	size_t got;
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *p = realloc(buf, cap * 2 + 1);
			if (!p) {
				free(buf);
				fclose(f);
				return wl_error_set(WL_ENOMEM, "out of memory");
			}
			buf = p;
			cap *= 2;
		}
	}
	int err = ferror(f);
	fclose(f);
	if (err) {
		free(buf);
		return wl_error_set(WL_EIO, "%s: read error", path);
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return WL_OK;
}

