/*
 * fuzz_canada_xml.c - libFuzzer harness for the Canadian sanctions list reader.
 *
 * Each input is read as a Canadian list from memory into a fresh dataset,
 * which is freed afterwards: any crash, sanitizer report or leak (of
 * libxml2's reader, of the record buffers or of the id map) is a bug.
 * Errors are expected and fine; on success the entities must hold what the
 * model promises (valid UTF-8 values, the ca-sema- prefix, one entity per
 * record id). Seeds are real records: fuzz/corpus/canada_xml/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/canada_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "ca-sema-", 8) == 0);
		assert(wl_entity_first(e, WL_PROP_NAME) != NULL);
		for (size_t k = 0; k < e->nvalues; k++) {
			const char *t = e->values[k].text;
			assert(*t && wl_utf8_valid(t, strlen(t)));
			assert(strcmp(e->values[k].record, e->source_id) == 0);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_canada_xml_read_mem(ds, "fuzz.xml", (const char *)data, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
