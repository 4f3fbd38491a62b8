/*
 * fuzz_misp_galaxy.c - libFuzzer harness for the MISP galaxy reader and the actor links.
 *
 * Each input is sniffed, read as a MISP galaxy cluster file into a fresh
 * dataset, then joined by wl_actors_link() with a small fixed ATT&CK bundle
 * (so that the ATT&CK-id and shared-name passes have a second source to link
 * to) and linked twice (the second run must add nothing). Errors are
 * expected; crashes, leaks and undefined behaviour are not.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/entity.h"
#include "sources/actor_links.h"
#include "sources/attack_stix.h"
#include "sources/misp_galaxy.h"
#include "sources/reader.h"

static const char bundle[] =
    "{\"type\": \"bundle\", \"objects\": [{\"type\": \"intrusion-set\", \"name\": \"ZIRCONIUM\","
    " \"aliases\": [\"ZIRCONIUM\", \"APT31\", \"Violet Typhoon\"],"
    " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": "
    "\"G0128\"}]}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t head = size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD;
	wl_reader_misp_galaxy.sniff("fuzz", (const char *)data, head);

	wl_dataset *ds;
	if (wl_dataset_new(&ds))
		return 0;
	if (wl_attack_stix_read_mem(ds, "bundle", bundle, strlen(bundle), NULL))
		abort(); /* the fixed bundle is valid */
	if (wl_misp_galaxy_read_mem(ds, "fuzz", (const char *)data, size, NULL) == 0 &&
	    wl_actors_link(ds) >= 0 && wl_actors_link(ds) != 0)
		abort(); /* linking is idempotent */
	wl_dataset_free(ds);
	return 0;
}
