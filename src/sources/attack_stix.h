/*
 * attack_stix.h - the reader of MITRE ATT&CK STIX 2 bundles (groups).
 *
 * MITRE publishes ATT&CK as STIX 2 JSON; each bundle here holds one
 * intrusion-set object per Enterprise group. Every intrusion set becomes
 * one Organization entity "attack-<Gnnnn>" (its ATT&CK id) with topic
 * crime.cyber, in the source "mitre_attack". The reader itself is
 * wl_reader_attack_stix (reader.h).
 */
#ifndef WL_ATTACK_STIX_H
#define WL_ATTACK_STIX_H

#include <stddef.h>

#include "model/entity.h"

/*
 * Reads one bundle held in memory (len bytes at data) into ds; path only
 * names it in error messages, and no file is recorded in the source.
 * *source (if not NULL) receives the index of the "mitre_attack" source,
 * whose list_date becomes the latest "modified" date seen so far.
 * Returns 0, WL_EINPUT ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_attack_stix_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source);

/*
 * ATT&CK's Markdown text made plain: "[APT38](https://...)" becomes "APT38"
 * and "(Citation: ...)" markers go. n bytes at s; the result is in the arena
 * (NULL: no memory). MISP's copies of ATT&CK descriptions need it too.
 */
char *wl_attack_plain_text(wl_arena *a, const char *s, size_t n);

#endif
