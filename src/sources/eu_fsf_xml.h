/*
 * eu_fsf_xml.h - the reader of the EU consolidated financial sanctions list (FSF XML).
 *
 * The European Commission publishes the persons, groups and entities under
 * EU financial sanctions as the "Financial Sanctions Files" (FSF), XML
 * version 1.1: <export generationDate="..."> in the namespace
 * http://eu.europa.ec/fpi/fsd/export, with one <sanctionEntity> per listing
 * (regulation, subjectType, nameAlias, citizenship, birthdate,
 * identification, address and remark children, mostly attributes). Each
 * becomes a Person or an Organization "eu-fsf-<logicalId>" of the source
 * "eu_fsf", dated by generationDate; unitedNationId links it to the UN list
 * (unscId). The file is read as a stream (libxml2's xmlTextReader), one
 * sanctionEntity at a time. The reader itself is wl_reader_eu_fsf_xml.
 */
#ifndef WL_EU_FSF_XML_H
#define WL_EU_FSF_XML_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader (also declared in reader.h once it is registered). */
extern const wl_reader wl_reader_eu_fsf_xml;

/*
 * Reads a list held in memory (len bytes at data) into ds; path only names
 * the list in error messages, and no file is recorded in the source.
 * *source (if not NULL) receives the index of the list's source, or -1 when
 * the input ended before its root element. Returns 0, WL_EINPUT
 * ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_eu_fsf_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                           int *source);

#endif
