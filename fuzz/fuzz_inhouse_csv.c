/*
 * fuzz_inhouse_csv.c - libFuzzer harness for the in-house list (CSV) reader.
 *
 * Each input is sniffed, then read as an in-house list from memory into a
 * fresh dataset, which is freed afterwards: any crash, sanitizer report or
 * leak (of the CSV parser's buffers, the id map, the list table) is a bug.
 * Errors are expected and fine; on success every entity must have the
 * inhouse- prefix and non-empty UTF-8 values, and every source the
 * in-house format. Seeds are rows of the documented example:
 * fuzz/corpus/inhouse_csv/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/inhouse_csv.h"
#include "sources/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nsources; i++)
		assert(strcmp(ds->sources[i].format, "inhouse_csv") == 0);
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "inhouse-", 8) == 0);
		for (size_t k = 0; k < e->nvalues; k++) {
			const char *t = e->values[k].text;
			assert(*t && wl_utf8_valid(t, strlen(t)));
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t head = size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD;
	wl_reader_inhouse_csv.sniff("fuzz.csv", (const char *)data, head);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_inhouse_csv_read_mem(ds, "fuzz.csv", (const char *)data, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
