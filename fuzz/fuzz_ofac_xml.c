/*
 * fuzz_ofac_xml.c - libFuzzer harness for the OFAC XML reader (sdn.xml schema).
 *
 * Each input goes through sniff() and is read as an OFAC XML list from
 * memory into a fresh dataset, whose links are then resolved and which is
 * freed afterwards: any crash, sanitizer report or leak (of libxml2's
 * reader, of the reader's record buffers, of the remarks parser) is a bug.
 * Errors are expected and fine; on success the entities must hold what the
 * model promises (the ofac- prefix, valid UTF-8 values, countries as
 * codes). Seeds are real entries: fuzz/corpus/ofac_xml/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/ofac_xml.h"
#include "sources/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "ofac-", 5) == 0);
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
	wl_reader_ofac_xml.sniff("fuzz.xml", text, size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD);
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_ofac_xml_read_mem(ds, "fuzz.xml", text, size, NULL) == 0) {
		check(ds);
		wl_dataset_resolve_links(ds);
	}
	wl_dataset_free(ds);
	return 0;
}
