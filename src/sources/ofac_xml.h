/*
 * ofac_xml.h - the reader of OFAC's lists in the sdn.xml schema.
 *
 * OFAC publishes the SDN list (sdn.xml) and the consolidated non-SDN list
 * (consolidated.xml) in one XML schema: <sdnList> with <publshInformation>
 * (Publish_Date mm/dd/yyyy, Record_Count) and one <sdnEntry> per entry, its
 * facts in elements (names, programs, identifiers, aliases, addresses, dates
 * and places of birth, vessel data) and the rest in <remarks>. Each entry
 * becomes the entity "ofac-<uid>", the same id the legacy CSV reader
 * (ofac_csv.h) gives the same entry, so both formats of one list agree.
 * The reader itself is wl_reader_ofac_xml (reader.h).
 *
 * The helpers below put a fact written in OFAC's own wording through the
 * remarks parser (sdn_remarks.h); the US Consolidated Screening List reader
 * (us_csl_csv.h), whose Treasury rows are the same entries, uses them too.
 */
#ifndef WL_OFAC_XML_H
#define WL_OFAC_XML_H

#include <stddef.h>

#include "model/entity.h"
#include "reader.h"

/* The reader (registered in registry.c). */
extern const wl_reader wl_reader_ofac_xml;

/*
 * Reads a list held in memory (len bytes at data) into ds. path names the
 * list in error messages and decides its source: a name that starts with
 * "cons_" or holds "consolidated" is the consolidated non-SDN list
 * (us_ofac_cons), any other the SDN list (us_ofac_sdn). No file is recorded
 * in the source. *source (if not NULL) receives the source's index, or -1
 * when the input ended before its root element. Returns 0, WL_EINPUT
 * ("FILE:LINE: element: what is wrong") or WL_ENOMEM.
 */
int wl_ofac_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len,
                         int *source);

/*
 * Remarks as the XML and the CSL write them: the legacy remarks, with
 * "(Linked To: X)" and other whole fragments in parentheses, which are
 * unwrapped before each fragment is parsed (wl_sdn_remark_apply). record:
 * the values' provenance, NULL: the entity's own record.
 */
int wl_ofac_remarks_apply(wl_dataset *ds, wl_entity *e, const char *remarks, size_t len,
                          const char *record);

/*
 * One fragment in the legacy remarks' wording ("Passport K475336 (Jordan)
 * issued 31 Aug 2009", "DOB circa 1985", "Gender Male") parsed into values
 * of e. original (if not NULL) becomes the new values' original wording in
 * place of the fragment: the list's own text when the fragment was built
 * from it. Returns 0, WL_ENOMEM or WL_EINPUT (text not valid UTF-8).
 */
int wl_ofac_fragment_apply(wl_dataset *ds, wl_entity *e, const char *frag, const char *record,
                           const char *original);

#endif
