/*
 * fuzz_uk_ofsi_csv.c - libFuzzer harness for the OFSI consolidated list (ConList.csv) reader.
 *
 * Each input goes through sniff() and is read as a ConList.csv from memory
 * into a fresh dataset (so through the UTF-8 check or the Windows-1252
 * conversion, the CSV cursor, numbered cells and Other Information's
 * labelled parts), which is freed afterwards: any crash, sanitizer report
 * or leak is a bug. Errors are expected and fine; on success the entities
 * must hold what the model promises (the gb-hmt- prefix, valid UTF-8
 * values, ISO dates). Seeds are realistic grouped rows:
 * fuzz/corpus/uk_ofsi_csv/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/reader.h"
#include "sources/uk_ofsi_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "gb-hmt-", 7) == 0);
		for (size_t k = 0; k < e->nvalues; k++) {
			const wl_value *v = &e->values[k];
			assert(*v->text && wl_utf8_valid(v->text, strlen(v->text)));
			if (wl_prop_kind_of(v->prop) == WL_KIND_DATE) {
				size_t n = strlen(v->text);
				assert(n == 4 || n == 7 || n == 10);
			}
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	wl_reader_uk_ofsi_csv.sniff("fuzz.csv", text, size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_uk_ofsi_csv_read_mem(ds, "fuzz.csv", text, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
