/*
 * ofac_csv.h - the reader of OFAC's legacy CSV files (SDN and consolidated non-SDN).
 *
 * OFAC publishes each list as a set of headerless CSV files joined on the
 * entity number (ent_num): the main file (sdn.csv, or cons_prim.csv for
 * the consolidated non-SDN list) with one row per entry, and companions
 * beside it: alt.csv (aliases), add.csv (addresses) and sdn_comments.csv
 * (the rest of remarks longer than the main file's 1000 characters); the
 * consolidated set names them cons_alt.csv, cons_add.csv, cons_comments.csv.
 * Every entry becomes an entity "ofac-<ent_num>" in the source us_ofac_sdn
 * or us_ofac_cons. The reader itself is wl_reader_ofac_csv (reader.h);
 * the remarks column is parsed by sdn_remarks.h.
 */
#ifndef WL_OFAC_CSV_H
#define WL_OFAC_CSV_H

#include <stddef.h>

#include "model/entity.h"

/* What a file of the set holds. */
typedef enum wl_ofac_role {
	WL_OFAC_MAIN = 0, /* sdn.csv, cons_prim.csv: 12 columns */
	WL_OFAC_ALT,      /* alt.csv: ent_num, alt_num, alt_type, alt_name, alt_remarks */
	WL_OFAC_ADD,      /* add.csv: ent_num, add_num, address, city, country, add_remarks */
	WL_OFAC_COMMENTS, /* sdn_comments.csv: ent_num, remarks continued */
	WL_OFAC_ROLES
} wl_ofac_role;

/* One file of a set, held in memory. name is the file's path, for messages and provenance. */
typedef struct wl_ofac_part {
	wl_ofac_role role;
	const char *name;
	const char *data;
	size_t len;
} wl_ofac_part;

/*
 * Adds (or finds) the source a main file belongs to: "us_ofac_cons" when
 * its name starts with "cons_", else "us_ofac_sdn". Returns the source's
 * index or a negative WL_E* code.
 */
int wl_ofac_csv_source(wl_dataset *ds, const char *main_path);

/*
 * Reads a set of files held in memory into source (an index from
 * wl_ofac_csv_source), whatever their order: the main file first, then
 * the comments (appended to their entries' remarks before these are
 * parsed), then aliases and addresses. Companion rows whose entity is not
 * in ds are skipped. No file is recorded in the source. Returns 0,
 * WL_EINPUT ("FILE:LINE: field: what is wrong") or WL_ENOMEM.
 */
int wl_ofac_csv_read_set_mem(wl_dataset *ds, int source, const wl_ofac_part *parts, size_t nparts);

/* One file held in memory: wl_ofac_csv_read_set_mem with one part. */
int wl_ofac_csv_read_mem(wl_dataset *ds, int source, const char *name, const char *data, size_t len,
                         wl_ofac_role role);

#endif
