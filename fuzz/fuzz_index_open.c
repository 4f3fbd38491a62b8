/*
 * fuzz_index_open.c - libFuzzer harness for opening an index file: any bytes
 * must be refused with an error or, if accepted, be safe to use. The seed
 * corpus holds a real small index; the fuzzer mutates it, and the
 * checksum is recomputed half of the time so that mutations reach the
 * record checks behind it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xxhash.h>

#include "index/index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	if (size > WL_INDEX_HEADER_SIZE && (data[size - 1] & 1)) {
		wl_disk_header h;
		memcpy(&h, copy, sizeof(h));
		h.file_size = size;
		h.checksum = XXH3_64bits(copy + WL_INDEX_HEADER_SIZE, size - WL_INDEX_HEADER_SIZE);
		memcpy(copy, &h, sizeof(h));
	}
	int fd = memfd_create("index", 0);
	if (fd < 0 || write(fd, copy, size) != (ssize_t)size) {
		if (fd >= 0)
			close(fd);
		free(copy);
		return 0;
	}
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	wl_index *idx;
	if (wl_index_open(&idx, path) == 0) {
		char *json;
		for (size_t i = 0; i < idx->nentities && i < 50; i++) {
			if (wl_index_entity_json(&json, idx, wl_index_str(idx, idx->entities[i].id)) == 0)
				free(json);
		}
		wl_screener *s;
		if (wl_screener_new(&s, idx) == 0) {
			const wl_result *res;
			size_t n;
			wl_query q = {.name = "ni gaobin"};
			wl_screen(s, &q, NULL, &res, &n);
			wl_screener_free(s);
		}
		wl_index_close(idx);
	}
	close(fd);
	free(copy);
	return 0;
}
