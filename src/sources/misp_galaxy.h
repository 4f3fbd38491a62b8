/*
 * misp_galaxy.h - the reader of MISP galaxy cluster files (threat actors).
 *
 * A MISP galaxy cluster file ("threat-actor.json", "mitre-intrusion-set.json",
 * "microsoft-activity-group.json", ...) is one JSON object: the galaxy's
 * name, type and version, and a "values" array of clusters. Each cluster
 * becomes one Organization entity "misp-<uuid>" with topic crime.cyber, in a
 * source named after the galaxy's type ("threat-actor" -> "misp_threat_actor").
 * The reader itself is wl_reader_misp_galaxy (reader.h).
 */
#ifndef WL_MISP_GALAXY_H
#define WL_MISP_GALAXY_H

#include <stddef.h>

#include "model/entity.h"

/*
 * Reads one cluster file held in memory (len bytes at data) into ds; path
 * only names the file in error messages, and no file is recorded in the
 * source. *source (if not NULL) receives the index of the galaxy's source.
 * Returns 0, WL_EINPUT ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_misp_galaxy_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source);

#endif
