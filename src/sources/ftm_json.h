/*
 * ftm_json.h - the reader of FollowTheMoney JSON lines (OpenSanctions exports).
 *
 * OpenSanctions publishes its data as "entities.ftm.json": one JSON object
 * per line, {"id", "schema", "properties": {prop: [values]}, "datasets",
 * "referents", "caption", "first_seen", "last_seen", "target"}. The
 * entities to screen (Person, Organization, Company, LegalEntity, Vessel,
 * Airplane; PublicBody as Organization) become entities "os-<FtM id>";
 * sanctions, identity documents and addresses are folded into the entity
 * they name, relationships (Ownership, Directorship, Family, ...) become
 * links, and referents (the ids of the same entity in its source lists,
 * "ofac-46001") become sameAs links. One file is one source, named after
 * its entities' most common dataset ("os_<dataset>"). The reader itself is
 * wl_reader_ftm_json (reader.h).
 */
#ifndef WL_FTM_JSON_H
#define WL_FTM_JSON_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader, also declared in reader.h's list once registered. */
extern const wl_reader wl_reader_ftm_json;

/*
 * Reads FtM JSON lines held in memory (len bytes at data) into ds; path
 * only names the file in error messages, and no file is recorded in the
 * source. *source (if not NULL) receives the index of the file's source.
 * Returns 0, WL_EINPUT ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_ftm_json_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                         int *source);

#endif
