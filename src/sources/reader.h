/*
 * reader.h - the interface every list reader implements, and how one is chosen.
 *
 * A reader turns one list format into entities of the model (entity.h). It
 * is chosen from the file's content, not its name: each reader's sniff()
 * looks at the first bytes and says how sure it is. Some formats are sets of
 * files (OFAC's sdn.csv with alt.csv, add.csv and sdn_comments.csv): the main
 * file's reader reads the companions itself, and sniffing a companion says
 * WL_SNIFF_COMPANION so that a folder walk skips it.
 *
 * Every reader also reads from memory (for fuzzing and tests); file readers
 * record the files they read, with hashes, in the dataset's source.
 * Errors about the data go through wl_error_input(): "FILE:LINE: field: ...".
 */
#ifndef WL_READER_H
#define WL_READER_H

#include <stddef.h>

#include "model/entity.h"

#define WL_SNIFF_HEAD 65536   /* bytes of a file that sniff() is shown */
#define WL_SNIFF_NO 0
#define WL_SNIFF_COMPANION -1 /* part of a set another file's reader reads */

typedef struct wl_reader {
	const char *name;        /* "ofac_csv", "un_xml", ... */
	const char *description; /* one line for `watchlist index --help` */
	/* How sure the reader is that this is its format: 0 no, 1..100 yes, or WL_SNIFF_COMPANION. */
	int (*sniff)(const char *path, const char *head, size_t n);
	/* Reads the file at path (and its companions) into ds. 0 or a WL_E* code. */
	int (*read)(wl_dataset *ds, const char *path);
} wl_reader;

/* All readers, NULL-terminated. */
const wl_reader *const *wl_readers(void);

/* The reader for a file, from its first bytes; NULL when none knows it. */
const wl_reader *wl_reader_detect(const char *path, const char *head, size_t n, int *score);

/*
 * Reads a file or, recursively, a folder (files in name order, companions
 * and files no reader knows skipped; a folder must yield at least one
 * file). A file given by name that no reader knows is an error.
 */
int wl_read_path(wl_dataset *ds, const char *path);

/*
 * Reads a whole file into memory (NUL-terminated for convenience). For the
 * readers: *out is freed by the caller with free().
 */
int wl_read_file(const char *path, char **out, size_t *len);

/* The readers (each in its own file). */
extern const wl_reader wl_reader_ofac_csv;
extern const wl_reader wl_reader_un_xml;
extern const wl_reader wl_reader_misp_galaxy;
extern const wl_reader wl_reader_attack_stix;
extern const wl_reader wl_reader_eu_fsf_xml;
extern const wl_reader wl_reader_canada_xml;
extern const wl_reader wl_reader_ftm_json;
extern const wl_reader wl_reader_inhouse_csv;
extern const wl_reader wl_reader_uk_fcdo_xml;
extern const wl_reader wl_reader_uk_ofsi_csv;
extern const wl_reader wl_reader_ofac_xml;
extern const wl_reader wl_reader_us_csl_csv;

#endif
