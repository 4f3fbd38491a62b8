/*
 * fuzz_attack_stix.c - libFuzzer harness for the ATT&CK STIX reader and the actor links.
 *
 * Each input is sniffed, read as a STIX bundle into a fresh dataset that
 * already holds a small fixed MISP galaxy (so that the link passes have a
 * second source to link to), then linked twice (the second run must add
 * nothing). Errors are expected; crashes, leaks and undefined behaviour are
 * not.
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

static const char galaxy[] =
    "{\"type\": \"mitre-intrusion-set\", \"name\": \"Intrusion Set\", \"version\": 40, \"values\": "
    "["
    " {\"uuid\": \"4283ae19-69c7-4347-a35e-b56f08eb660b\", \"value\": \"ZIRCONIUM - G0128\","
    "  \"meta\": {\"external_id\": \"G0128\", \"synonyms\": [\"ZIRCONIUM\", \"APT31\"]},"
    "  \"related\": [{\"dest-uuid\": \"03d7999c-1f4c-42cc-8373-e7690d318104\", \"type\": "
    "\"uses\"}]},"
    " {\"uuid\": \"68ba94ab-78b8-43e7-83e2-aed3466882c6\", \"value\": \"APT34 - G0057\","
    "  \"meta\": {\"external_id\": \"G0057\", \"synonyms\": [\"APT34\"]}, \"revoked\": true}]}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t head = size < WL_SNIFF_HEAD ? size : WL_SNIFF_HEAD;
	wl_reader_attack_stix.sniff("fuzz", (const char *)data, head);

	wl_dataset *ds;
	if (wl_dataset_new(&ds))
		return 0;
	if (wl_misp_galaxy_read_mem(ds, "galaxy", galaxy, strlen(galaxy), NULL))
		abort(); /* the fixed galaxy is valid */
	if (wl_attack_stix_read_mem(ds, "fuzz", (const char *)data, size, NULL) == 0 &&
	    wl_actors_link(ds) >= 0 && wl_actors_link(ds) != 0)
		abort(); /* linking is idempotent */
	wl_dataset_free(ds);
	return 0;
}
