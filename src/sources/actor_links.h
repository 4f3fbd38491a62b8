/*
 * actor_links.h - links between the records of one threat actor in several registries.
 *
 * MISP's galaxies and MITRE ATT&CK describe the same groups under their own
 * ids: MISP's "APT31" cluster, its mitre-intrusion-set cluster "ZIRCONIUM -
 * G0128", Microsoft's "Violet Typhoon" and ATT&CK's G0128. After all files
 * are read, wl_actors_link() joins them with "sameAs" links, so that a hit
 * on one record leads to the others. Nothing is merged: each record keeps
 * its own names, and an alias that names several actors names them all.
 */
#ifndef WL_ACTOR_LINKS_H
#define WL_ACTOR_LINKS_H

#include "model/entity.h"

/*
 * Links the threat-actor records of the dataset (the entities of sources
 * read by the misp_galaxy and attack_stix readers):
 *  1. a MISP cluster with an ATT&CK group id Gnnnn <-> attack-Gnnnn, both
 *     ways, type "sameAs";
 *  2. MISP "related" links to clusters that are not in the dataset (tools,
 *     malware, galaxies not read) are dropped;
 *  3. records of different sources that share a name or alias (compared
 *     without case, white space and punctuation) get "sameAs" links both
 *     ways, detail "shared name: <name>", when that name names at most one
 *     actor in each of the two sources.
 * Idempotent: a second call adds nothing. Returns the number of links
 * added, or a negative WL_E* code.
 */
int wl_actors_link(wl_dataset *ds);

#endif
