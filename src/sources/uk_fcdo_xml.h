/*
 * uk_fcdo_xml.h - the reader of the UK Sanctions List (FCDO, XML).
 *
 * The Foreign, Commonwealth & Development Office publishes the UK
 * Sanctions List as one XML file: a root <Designations> with the list's
 * <DateGenerated> and one <Designation> per listed person, entity or ship,
 * each with its <UniqueID> ("RUS0251", "AFG0100"). Since OFSI's
 * consolidated list was frozen on 28 January 2026 it is the UK's only
 * official list. Each designation becomes a Person, Organization or
 * Vessel "gb-fcdo-<UniqueID>" in the source "gb_fcdo_sanctions", dated by
 * DateGenerated. The file is read as a stream (libxml2's xmlTextReader),
 * one designation at a time. The reader itself is wl_reader_uk_fcdo_xml
 * (reader.h).
 */
#ifndef WL_UK_FCDO_XML_H
#define WL_UK_FCDO_XML_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* Also declared in reader.h once registered; repeated here for tests and fuzzing. */
extern const wl_reader wl_reader_uk_fcdo_xml;

/*
 * Reads a UK Sanctions List held in memory (len bytes at data) into ds;
 * path only names the list in error messages, and no file is recorded in
 * the source. *source (if not NULL) receives the index of the list's
 * source, or -1 when the input ended before its root element. Returns 0,
 * WL_EINPUT ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_uk_fcdo_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                            int *source);

#endif
