/*
 * us_csl_csv.h - the reader of the US Consolidated Screening List (CSV).
 *
 * The US government's Consolidated Screening List (trade.gov) joins
 * thirteen export-control and sanctions lists of the Departments of
 * Commerce, State and the Treasury in one CSV file with a header row
 * (_id,source,entity_number,type,programs,name,...), plain or gzipped.
 * Each list is a source of its own (us_bis_entity, us_bis_denied,
 * us_trade_csl_sdn, ...; the table is in us_csl_csv.c). Rows of the
 * Treasury's lists are OFAC's entries: they join the entity "ofac-<entity
 * number>" that the OFAC readers make, so one designation shows once with
 * every list that carries it. Other rows become "us-csl-<_id>". The reader
 * itself is wl_reader_us_csl_csv.
 */
#ifndef WL_US_CSL_CSV_H
#define WL_US_CSL_CSV_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader (registered in registry.c). */
extern const wl_reader wl_reader_us_csl_csv;

/*
 * Reads a list held in memory, gzipped or plain (len bytes at data), into
 * ds; path only names it in error messages, and no file is recorded in the
 * sources. *source (if not NULL) receives the index of the source of the
 * first row, or -1 when there was none (an error). Returns 0, WL_EINPUT
 * ("FILE:LINE: column: what is wrong") or WL_ENOMEM.
 */
int wl_us_csl_csv_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source);

#endif
