/*
 * inhouse_csv.h - the reader of in-house lists: a bank's own blocked parties as CSV.
 *
 * The layout (docs/inhouse-lists.md) is a CSV file, UTF-8, with a header
 * row naming the columns in any order and case: id and name (required),
 * schema, aliases, birth_date, country, identifiers, notes, list,
 * listed_on, topics; any other column is kept as a note. Each row becomes
 * an entity "inhouse-<list>-<id>" in the source "inhouse_<list>", where
 * <list> is the row's `list` column or else the file's name without its
 * extension, lower case, with every run of other characters than letters
 * and digits made one "_". The reader itself is wl_reader_inhouse_csv.
 */
#ifndef WL_INHOUSE_CSV_H
#define WL_INHOUSE_CSV_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader, also declared in reader.h's list once registered. */
extern const wl_reader wl_reader_inhouse_csv;

/*
 * Reads an in-house list held in memory (len bytes at data) into ds; path
 * names the file in error messages and gives the default list name (its
 * base name without extension); no file is recorded in the source.
 * *source (if not NULL) receives the index of the first list's source.
 * Returns 0, WL_EINPUT ("FILE:LINE: column: what") or WL_ENOMEM.
 */
int wl_inhouse_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source);

#endif
