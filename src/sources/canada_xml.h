/*
 * canada_xml.h - the reader of Canada's consolidated autonomous sanctions list (XML).
 *
 * Global Affairs Canada publishes the people, entities and ships listed
 * under the Special Economic Measures Act (SEMA) and the Justice for Victims
 * of Corrupt Foreign Officials Act as one XML file: <data-set> with one flat
 * <record> per listing (Country, LastName, GivenName, EntityOrShip,
 * TitleOrShip, ShipIMONumber, Aliases, DateOfBirthOrShipBuildDate,
 * Schedule, Item, DateOfListing). The list has no ids of its own: a record
 * is named by its regime, schedule and item ("ca-sema-belarus-1-part-1-1").
 * Records become Person, Organization or Vessel entities of the source
 * "ca_dfatd_sema_sanctions". The file states no list date. The file is read
 * as a stream (libxml2's xmlTextReader), one record at a time. The reader
 * itself is wl_reader_canada_xml (reader.h).
 */
#ifndef WL_CANADA_XML_H
#define WL_CANADA_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader (also declared in reader.h once it is registered). */
extern const wl_reader wl_reader_canada_xml;

/*
 * Reads a list held in memory (len bytes at data) into ds; path only names
 * the list in error messages, and no file is recorded in the source.
 * *source (if not NULL) receives the index of the list's source, or -1 when
 * the input ended before its root element. Returns 0, WL_EINPUT
 * ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_canada_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source);

/*
 * The list's own id of a record, made from its Country, Schedule and Item
 * ("Belarus / Bélarus", "1, Part 1", "1" -> "belarus-1-part-1-1"): the
 * regime's first (English) name and the schedule as lower-case ASCII words
 * joined by '-'. schedule may be NULL. Writes at most cap bytes with the
 * NUL; returns false when the id is empty or does not fit.
 */
bool wl_canada_record_id(const char *country, const char *schedule, const char *item, char *out,
                         size_t cap);

#endif
