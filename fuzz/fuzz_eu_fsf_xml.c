/*
 * fuzz_eu_fsf_xml.c - libFuzzer harness for the EU financial sanctions list reader.
 *
 * Each input is read as an EU FSF file from memory into a fresh dataset,
 * which is freed afterwards: any crash, sanitizer report or leak (of
 * libxml2's reader, or of the record's node, attribute and text buffers)
 * is a bug. Errors are expected and fine; on success the entities must
 * hold what the model promises (valid UTF-8 values, the eu-fsf- prefix,
 * dates as ISO prefixes). Seeds are records of the realistic fixture
 * (tests/fixtures/eu/make-fixtures): fuzz/corpus/eu_fsf_xml/.
 */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/eu_fsf_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_date(const char *s)
{
	size_t n = strlen(s);
	assert(n == 4 || n == 7 || n == 10);
	for (size_t i = 0; i < n; i++)
		assert((i == 4 || i == 7) ? s[i] == '-' : (s[i] >= '0' && s[i] <= '9'));
}

static void check(const wl_dataset *ds)
{
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert(strncmp(e->id, "eu-fsf-", 7) == 0);
		for (size_t k = 0; k < e->nvalues; k++) {
			const wl_value *v = &e->values[k];
			assert(*v->text && wl_utf8_valid(v->text, strlen(v->text)));
			if (wl_prop_kind_of(v->prop) == WL_KIND_DATE)
				check_date(v->text);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wl_dataset *ds;
	if (wl_dataset_new(&ds) != 0)
		return 0;
	if (wl_eu_fsf_xml_read_mem(ds, "fuzz.xml", (const char *)data, size, NULL) == 0)
		check(ds);
	wl_dataset_free(ds);
	return 0;
}
