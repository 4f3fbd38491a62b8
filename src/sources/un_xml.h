/*
 * un_xml.h - the reader of the UN Security Council consolidated list (XML).
 *
 * The UN publishes one XML file, <CONSOLIDATED_LIST dateGenerated="...">,
 * with an INDIVIDUALS and an ENTITIES section. Each INDIVIDUAL becomes a
 * Person and each ENTITY an Organization, "un-<DATAID>", in the source
 * "un_sc_sanctions" dated by the list's dateGenerated. The file is read as a
 * stream (libxml2's xmlTextReader), one record at a time, never as a whole
 * document tree. The reader itself is wl_reader_un_xml (reader.h).
 */
#ifndef WL_UN_XML_H
#define WL_UN_XML_H

#include <stddef.h>

#include "model/entity.h"

/*
 * Reads a consolidated list held in memory (len bytes at data) into ds; path
 * only names the list in error messages, and no file is recorded in the
 * source. *source (if not NULL) receives the index of the list's source, or
 * -1 when the input ended before its root element. Returns 0, WL_EINPUT
 * ("FILE:LINE: field: what") or WL_ENOMEM.
 */
int wl_un_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len, int *source);

#endif
