/*
 * fuzz_us_csl_csv.c - libFuzzer harness for the US Consolidated Screening List reader.
 *
 * Each input goes through sniff() and is read as a CSL file from memory
 * into a fresh dataset (gzip streams are inflated, so the seeds hold both
 * plain and gzipped files), whose links are then resolved and which is
 * freed afterwards: any crash, sanitizer report or leak is a bug. Errors
 * are expected and fine; on success every entity must be an OFAC entry
 * ("ofac-") or a CSL row ("us-csl-") with valid UTF-8 values and countries
 * as codes. Seeds are real rows: fuzz/corpus/us_csl_csv/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/reader.h"
#include "sources/us_csl_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "ofac-", 5) == 0 || strncmp(e->id, "us-csl-", 7) == 0);
		for (size_t k = 0; k < e->nvalues; k++) {
			const char *t = e->values[k].text;
			assert(*t && wl_utf8_valid(t, strlen(t)));
			if (wl_prop_kind_of(e->values[k].prop) == WL_KIND_COUNTRY)
				assert(strlen(t) == 2);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	wl_reader_us_csl_csv.sniff("fuzz.csv", text, size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_us_csl_csv_read_mem(ds, "fuzz.csv", text, size, NULL) == 0) {
		check(ds);
		wl_dataset_resolve_links(ds);
	}
	wl_dataset_free(ds);
	return 0;
}
