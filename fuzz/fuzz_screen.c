/*
 * fuzz_screen.c - libFuzzer harness for the query path: any bytes as a
 * query (name, then NUL-separated date of birth, country, schema and
 * identifier) against an index of the UN list, built once at start.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "watchlist.h"

static wl_index *idx;
static wl_screener *screener;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[] = "/tmp/wl-fuzz-screen-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	const char *src[] = {"data/lists/un/UN_consolidated.xml"};
	if (wl_index_build(path, src, 1, NULL, NULL) || wl_index_open(&idx, path) ||
	    wl_screener_new(&screener, idx)) {
		fprintf(stderr, "fuzz_screen: %s\n", wl_error_last());
		abort();
	}
	unlink(path);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	const char *fields[5] = {NULL};
	size_t k = 0;
	for (size_t i = 0; i <= size && k < 5; i++) {
		if (i == 0 || buf[i - 1] == '\0')
			fields[k++] = buf + i;
		if (i == size)
			break;
	}
	wl_query q = {fields[0], fields[3], fields[1], fields[2], fields[4]};
	const wl_result *res;
	size_t n;
	if (wl_screen(screener, &q, NULL, &res, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			if (res[i].score < 0 || res[i].score > 1)
				abort();
		}
		if (n) {
			char *json;
			if (wl_result_json(&json, idx, &res[0]) == 0)
				free(json);
		}
	}
	free(buf);
	return 0;
}
