/*
 * uk_ofsi_csv.h - the reader of OFSI's consolidated list (ConList.csv).
 *
 * HM Treasury's Office of Financial Sanctions Implementation published
 * its Consolidated List of Financial Sanctions Targets as CSV until the
 * list was frozen on 28 January 2026; archives hold many such files. The
 * first line is a banner "Last Updated,dd/mm/yyyy" (the list's date), the
 * second the header ("Name 6,Name 1,...,Group ID"), then one row per name:
 * the rows that share a Group ID are one person, entity or ship. Each group
 * becomes a Person, Organization or Vessel "gb-hmt-<Group ID>" in the
 * source "gb_hmt_sanctions". Columns are found by their header, in any
 * order. Files that are not valid UTF-8 are read as Windows-1252. The
 * reader itself is wl_reader_uk_ofsi_csv (reader.h).
 */
#ifndef WL_UK_OFSI_CSV_H
#define WL_UK_OFSI_CSV_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* Also declared in reader.h once registered; repeated here for tests and fuzzing. */
extern const wl_reader wl_reader_uk_ofsi_csv;

/*
 * Reads a consolidated list held in memory (len bytes at data) into ds;
 * path only names the list in error messages, and no file is recorded in
 * the source. *source (if not NULL) receives the index of the list's
 * source, or -1 when the input ended before its header. Returns 0,
 * WL_EINPUT ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_uk_ofsi_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source);

#endif
