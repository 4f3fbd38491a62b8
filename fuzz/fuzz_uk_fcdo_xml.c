/*
 * fuzz_uk_fcdo_xml.c - libFuzzer harness for the UK Sanctions List (FCDO XML) reader.
 *
 * Each input goes through sniff() and is read as a UK Sanctions List from
 * memory into a fresh dataset, which is freed afterwards: any crash,
 * sanitizer report or leak (of libxml2's reader, of the reader's field and
 * text buffers) is a bug. Errors are expected and fine; on success the
 * entities must hold what the model promises (the gb-fcdo- prefix, valid
 * UTF-8 values, ISO dates). Seeds are realistic designations:
 * fuzz/corpus/uk_fcdo_xml/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/reader.h"
#include "sources/uk_fcdo_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "gb-fcdo-", 8) == 0);
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
	wl_reader_uk_fcdo_xml.sniff("fuzz.xml", text, size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_uk_fcdo_xml_read_mem(ds, "fuzz.xml", text, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
