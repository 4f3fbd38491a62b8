/*
 * fuzz_ftm_json.c - libFuzzer harness for the FollowTheMoney JSON lines reader.
 *
 * Each input is sniffed, then read as FtM JSON lines from memory into a
 * fresh dataset, which is freed afterwards: any crash, sanitizer report or
 * leak (of jansson values, the reader's scratch arena, id maps or arrays)
 * is a bug. Errors are expected and fine; on success every entity must
 * have the os- prefix, non-empty UTF-8 values, and links with a type.
 * Seeds are real OpenSanctions lines: fuzz/corpus/ftm_json/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/ftm_json.h"
#include "sources/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "os-", 3) == 0);
		for (size_t k = 0; k < e->nvalues; k++) {
			const char *t = e->values[k].text;
			assert(*t && wl_utf8_valid(t, strlen(t)));
		}
		for (size_t k = 0; k < e->nlinks; k++)
			assert(e->links[k].type && *e->links[k].type);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t head = size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD;
	wl_reader_ftm_json.sniff("fuzz", (const char *)data, head);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_ftm_json_read_mem(ds, "fuzz.ftm.json", (const char *)data, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
