/*
 * test_ofac_xml.c - the OFAC XML reader (sdn.xml schema) on real files and on broken input.
 *
 * The real consolidated non-SDN list in the sdn.xml schema (443 entries,
 * Publish_Date 03/28/2025, tests/fixtures/ofac_xml/consolidated.xml) is
 * read once: counts, the source, known entries' facts. The sample
 * (sdn_sample.xml, real SDN entries in the tempuri.org namespace) covers
 * every form of date of birth, akas by type and category, identifiers with
 * country and issue and expiry dates, vessels and an aircraft. The XML and
 * the legacy CSV reader must give one entry the same id (and, read into one
 * dataset, the same values once). Broken files must fail with WL_EINPUT and
 * a message naming file, line and element. Run from the repository root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"
#include "model/entity.h"
#include "model/error.h"
#include "sources/ofac_csv.h"
#include "sources/ofac_xml.h"
#include "sources/reader.h"

#define FIXTURES     "tests/fixtures/ofac_xml/"
#define CONSOLIDATED FIXTURES "consolidated.xml"
#define SAMPLE       FIXTURES "sdn_sample.xml"

static wl_dataset *cons;   /* the consolidated list, read once */
static wl_dataset *sample; /* the sample, read once */

/* ---- helpers ---- */

static int read_mem(wl_dataset **ds, const char *name, const char *xml)
{
	assert_int_equal(wl_dataset_new(ds), WL_OK);
	return wl_ofac_xml_read_mem(*ds, name, xml, strlen(xml), NULL);
}

/* A one-entry SDN list: uid 1, name "DOE, John", then body. */
static char *one_entry(const char *body)
{
	char *s = NULL;
	int n = asprintf(&s,
	                 "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
	                 "<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">\n"
	                 "<publshInformation><Publish_Date>05/03/2024</Publish_Date>"
	                 "</publshInformation>\n"
	                 "<sdnEntry><uid>1</uid><firstName>John</firstName><lastName>DOE</lastName>"
	                 "<sdnType>Individual</sdnType>\n%s\n</sdnEntry></sdnList>\n",
	                 body);
	assert_true(n > 0);
	return s;
}

static int setup(void **state)
{
	if (read_fixture(&wl_reader_ofac_xml, CONSOLIDATED, &cons) != WL_OK ||
	    read_fixture(&wl_reader_ofac_xml, SAMPLE, &sample) != WL_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	wl_dataset_free(cons);
	wl_dataset_free(sample);
	return 0;
}

/* ---- the consolidated list ---- */

static void test_counts(void **state)
{
	assert_int_equal(cons->nentities, 443);
	size_t persons = 0, orgs = 0;
	for (size_t i = 0; i < cons->nentities; i++) {
		persons += cons->entities[i]->schema == WL_SCHEMA_PERSON;
		orgs += cons->entities[i]->schema == WL_SCHEMA_ORGANIZATION;
	}
	assert_int_equal(persons, 80);
	assert_int_equal(orgs, 363);
	assert_int_equal(sample->nentities, 13);
}

static void test_source(void **state)
{
	assert_int_equal(cons->nsources, 1);
	const wl_source *s = &cons->sources[0];
	assert_string_equal(s->name, "us_ofac_cons");
	assert_string_equal(s->format, "ofac_xml");
	assert_string_equal(s->list_date, "2025-03-28");
	assert_non_null(s->publisher);
	assert_non_null(s->licence);
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, CONSOLIDATED);
	assert_string_equal(s->files[0].sha256,
	                    "ce9a9a18d03b81d0190cbd20dc1fceb32eb312d0edac45336f2854e501cf0846");
	assert_int_equal(s->files[0].bytes, 941059);

	/* the file's name decides the list: the sample is named like neither */
	assert_string_equal(sample->sources[0].name, "us_ofac_sdn");
	assert_string_equal(sample->sources[0].list_date, "2024-05-03");
}

/* ofac-9639: the first entry of the file. */
static void test_known_entry(void **state)
{
	wl_entity *e = entity_in(cons, "ofac-9639");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(e->source_id, "9639");
	assert_string_equal(wl_entity_caption(e), "HANIYA, Ismail Abdul Salah");
	assert_has(e, WL_PROP_LAST_NAME, "HANIYA", NULL, NULL);
	assert_has(e, WL_PROP_FIRST_NAME, "Ismail Abdul Salah", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "NS-PLC", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "HANIYA, Ismail", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "HANIYYA, Ismaeel", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1962", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Shati", NULL, NULL);
	for (size_t i = 0; i < e->nvalues; i++)
		assert_string_equal(e->values[i].record, "9639");
}

/* ofac-18725: remarks with a link, ids of several kinds, an address. */
static void test_entity_with_ids(void **state)
{
	wl_entity *e = entity_in(cons, "ofac-18725");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_NAME, "BANCO VTB AFRICA SA", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "UKRAINE-EO13662", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "RUSSIA-EO14024", NULL, NULL);
	assert_has(e, WL_PROP_SWIFT_BIC, "VTBLAOLU", "SWIFT/BIC", NULL);
	assert_has(e, WL_PROP_WEBSITE, "www.vtb.ao", NULL, NULL);
	assert_has(e, WL_PROP_ADDRESS, "22, Rua da Missao, Luanda, Angola", NULL, "ao");
	const wl_value *c = assert_has(e, WL_PROP_COUNTRY, "ao", NULL, NULL);
	assert_string_equal(c->original, "Angola");
	assert_has(e, WL_PROP_NOTES,
	           "Secondary sanctions risk: Ukraine-/Russia-Related Sanctions Regulations, 31 "
	           "CFR 589.201 and/or 589.209",
	           NULL, NULL);
	/* "(Linked To: ...)" unwrapped, the rest of the remarks a note */
	assert_non_null(find_link(e, "linkedTo", ANY, "VTB BANK PUBLIC JOINT STOCK COMPANY"));
	assert_has(e, WL_PROP_NOTES,
	           "For more information on directives, please visit the following link: "
	           "http://www.treasury.gov/resource-center/sanctions/Programs/Pages/"
	           "ukraine.aspx#directives",
	           NULL, NULL);
}

static void test_real_entries(void **state)
{
	/* ofac-9647: weak akas, "Region: Gaza", "Palestinian" */
	wl_entity *e = entity_in(cons, "ofac-9647");
	assert_has(e, WL_PROP_ALIAS, "AL ZAHAR, Mahmoud Khaled", NULL, NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "ZAHAR, Mahmoud", NULL, NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "AL-ZAHAR, Mahmoud", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "ps", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "ps", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	assert_non_null(find_link(e, "linkedTo", ANY, "HAMAS"));

	/* ofac-26182: "08 Feb 1980", a passport with its country, a citizenship */
	e = entity_in(cons, "ofac-26182");
	const wl_value *dob = assert_has(e, WL_PROP_BIRTH_DATE, "1980-02-08", NULL, NULL);
	assert_string_equal(dob->original, "08 Feb 1980");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "U00242309", "Passport", "tr");
	assert_has(e, WL_PROP_CITIZENSHIP, "tr", NULL, NULL);

	/* ofac-17013: f.k.a. names, ids with their country, LEI, established date */
	e = entity_in(cons, "ofac-17013");
	assert_has(e, WL_PROP_PREVIOUS_NAME, "JSC VTB BANK", NULL, NULL);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "1027739609391", "Registration ID", "ru");
	assert_has(e, WL_PROP_TAX_NUMBER, "7702070139", "Tax ID No.", "ru");
	assert_has(e, WL_PROP_LEI_CODE, "253400V1H6ART1UQ0N98", ANY, NULL);
	assert_has(e, WL_PROP_INCORPORATION_DATE, "1990-10-17", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_NAME), 1);
}

/* Invariants over all 443 entries: countries are codes, dates ISO, records the uid. */
static void test_invariants(void **state)
{
	for (size_t i = 0; i < cons->nentities; i++) {
		const wl_entity *e = cons->entities[i];
		assert_int_equal(strncmp(e->id, "ofac-", 5), 0);
		assert_int_equal(count(e, WL_PROP_NAME), 1);
		for (size_t k = 0; k < e->nvalues; k++) {
			const wl_value *v = &e->values[k];
			wl_prop_kind kind = wl_prop_kind_of(v->prop);
			if (kind == WL_KIND_COUNTRY)
				assert_int_equal(strlen(v->text), 2);
			if (kind == WL_KIND_DATE)
				assert_true(strlen(v->text) == 4 || strlen(v->text) == 7 ||
				            strlen(v->text) == 10);
			assert_string_equal(v->record, e->source_id);
		}
	}
}

/* ---- the sample: every form the schema has ---- */

static void test_birth_dates(void **state)
{
	const wl_value *v;
	v = assert_has(entity_in(sample, "ofac-47818"), WL_PROP_BIRTH_DATE, "1985-10-27", NULL,
	               NULL);
	assert_string_equal(v->original, "27 Oct 1985");
	v = assert_has(entity_in(sample, "ofac-6862"), WL_PROP_BIRTH_DATE, "1938-09", NULL, NULL);
	assert_string_equal(v->original, "Sep 1938");
	wl_entity *e = entity_in(sample, "ofac-7854");
	v = assert_has(e, WL_PROP_BIRTH_DATE, "1946", "circa", NULL);
	assert_string_equal(v->original, "circa 1946");
	v = assert_has(e, WL_PROP_BIRTH_DATE, "1949", NULL, NULL); /* mainEntry false */
	assert_null(v->original);
	e = entity_in(sample, "ofac-15496");
	assert_has(e, WL_PROP_BIRTH_DATE, "1929", "range 1929 to 1930", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1930", "range 1929 to 1930", NULL);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 2);
	assert_has(entity_in(sample, "ofac-8596"), WL_PROP_BIRTH_DATE, "1961", NULL, NULL);
}

static void test_akas(void **state)
{
	wl_entity *e = entity_in(sample, "ofac-17291");
	assert_has(e, WL_PROP_ALIAS, "'ABD-AL-SALAM, 'Abd al-Malik Muhammad Yusif", NULL, NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "'Umar al-Qatari", NULL, NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "'Umar al-Tayyar", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_ALIAS), 1);
	e = entity_in(sample, "ofac-4243");
	assert_has(e, WL_PROP_PREVIOUS_NAME, "ANA I", NULL, NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "SAND SWAN", NULL, NULL);
	e = entity_in(sample, "ofac-8244");
	assert_has(e, WL_PROP_ALIAS, "AEROCONTINENTE S.A.", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "NUEVO CONTINENTE S.A.", "n.k.a.", NULL);
	e = entity_in(sample, "ofac-7848");
	assert_has(e, WL_PROP_WEAK_ALIAS, "ABU BRAYS", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_ALIAS), 0);
}

static void test_ids(void **state)
{
	wl_entity *e = entity_in(sample, "ofac-17291");
	const wl_value *v = assert_has(e, WL_PROP_PASSPORT_NUMBER, "K475336",
	                               "Passport, issued 31 Aug 2009 expires 30 Aug 2014", "jo");
	assert_string_equal(v->original,
	                    "Passport K475336 (Jordan) issued 31 Aug 2009 expires 30 Aug 2014");
	assert_has(e, WL_PROP_ID_NUMBER, "28940000602", "National ID No.", "qa");
	assert_has(entity_in(sample, "ofac-8596"), WL_PROP_PASSPORT_NUMBER, "562605",
	           "Passport, issued 28 Oct 1998", "sd");
	e = entity_in(sample, "ofac-8244");
	assert_has(e, WL_PROP_TAX_NUMBER, "8300720300", "NIT #", "co");
	assert_has(e, WL_PROP_TAX_NUMBER, "20108363101", "RUC #", "pe");
	assert_has(e, WL_PROP_ADDRESS, "8940 NW 24 Terrace, Miami, FL, 33172, United States", NULL,
	           "us");
	e = entity_in(sample, "ofac-47800");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "91420100551956105K",
	           "Unified Social Credit Code (USCC)", "cn");
	assert_has(e, WL_PROP_INCORPORATION_DATE, "2010-03-08", NULL, NULL);
	assert_has(e, WL_PROP_SECTOR, "Computer programming activities", NULL, NULL);
	e = entity_in(sample, "ofac-47818");
	assert_has(e, WL_PROP_ID_NUMBER, "421003198510272917", "National ID No.", "cn");
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "cn", NULL, NULL);
	assert_has(e, WL_PROP_CITIZENSHIP, "cn", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Jingzhou Municipality, China", NULL, NULL);
	assert_has(e, WL_PROP_ADDRESS, "Hubei Province, China", NULL, "cn");
	assert_has(entity_in(sample, "ofac-8596"), WL_PROP_POSITION,
	           "IARA Peshwar, Pakistan Director", NULL, NULL);
}

static void test_vessels_and_aircraft(void **state)
{
	wl_entity *e = entity_in(sample, "ofac-4243");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_has(e, WL_PROP_IMO_NUMBER, "7406784", ANY, NULL);
	assert_has(e, WL_PROP_VESSEL_TYPE, "General Cargo", NULL, NULL);
	assert_has(e, WL_PROP_FLAG, "pa", NULL, NULL);
	assert_has(e, WL_PROP_TONNAGE, "2595", NULL, NULL);
	assert_has(e, WL_PROP_TONNAGE, "1865", "GRT", NULL);
	e = entity_in(sample, "ofac-4238");
	assert_has(e, WL_PROP_CALL_SIGN, "CL2192", NULL, NULL);
	assert_has(e, WL_PROP_FLAG, "cu", NULL, NULL);
	assert_non_null(find_link(e, "owner", ANY, "Samir de Navegacion S.A."));
	e = entity_in(sample, "ofac-15431");
	assert_int_equal(e->schema, WL_SCHEMA_AIRPLANE);
	assert_has(e, WL_PROP_MODEL, "IL76-TD", NULL, NULL);
	assert_has(e, WL_PROP_BUILD_DATE, "1992", NULL, NULL);
	assert_has(e, WL_PROP_SERIAL_NUMBER, "1023409321", ANY, NULL);
	assert_non_null(find_link(e, "operator", ANY, "YAS AIR"));
	assert_non_null(find_link(e, "linkedTo", ANY, "POUYA AIR"));
}

/* ---- the same entry in the XML and the legacy CSV ---- */

static void test_same_ids_as_csv(void **state)
{
	/* the consolidated list, both formats, into one dataset: one entity per entry */
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_ofac_csv.read(ds, "data/lists/ofac_consolidated/cons_prim.csv"),
	                 WL_OK);
	assert_int_equal(ds->nentities, 442);
	assert_int_equal(wl_reader_ofac_xml.read(ds, CONSOLIDATED), WL_OK);
	assert_int_equal(ds->nentities, 443); /* ofac-26182 is only in the (older) XML */
	assert_int_equal(ds->nsources, 1);
	wl_entity *e = entity_in(ds, "ofac-18725");
	assert_int_equal(count(e, WL_PROP_SWIFT_BIC), 1); /* the same value from both readers */
	assert_int_equal(count(e, WL_PROP_NAME), 1);
	wl_dataset_free(ds);

	/* NI Gaobin from the legacy sdn.csv and from the XML sample */
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_ofac_csv.read(ds, "data/lists/ofac_sdn/sdn.csv"), WL_OK);
	size_t n = ds->nentities;
	size_t len;
	char *xml = slurp(SAMPLE, &len);
	assert_int_equal(wl_ofac_xml_read_mem(ds, "sdn.xml", xml, len, NULL), WL_OK);
	assert_int_equal(ds->nentities, n); /* every sample entry is in sdn.csv */
	e = entity_in(ds, "ofac-47818");
	assert_int_equal(count(e, WL_PROP_NAME), 1);
	assert_int_equal(count(e, WL_PROP_ID_NUMBER), 1);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 1);
	assert_int_equal(count(e, WL_PROP_GENDER), 1);
	e = entity_in(ds, "ofac-17291");
	assert_int_equal(count(e, WL_PROP_PASSPORT_NUMBER), 1);
	assert_int_equal(count(e, WL_PROP_WEAK_ALIAS), 2);
	wl_dataset_free(ds);
	free(xml);

	/* leading zeros do not make another entity */
	assert_int_equal(read_mem(&ds, "sdn.xml",
	                          "<sdnList><sdnEntry><uid>0047818</uid><lastName>NI</lastName>"
	                          "</sdnEntry></sdnList>"),
	                 WL_OK);
	assert_non_null(wl_dataset_find(ds, "ofac-47818"));
	wl_dataset_free(ds);
}

/* ---- broken files ---- */

static void test_broken_files(void **state)
{
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "truncated.xml", ":59", "placeOfBirth");
	assert_non_null(strstr(wl_error_last(), "truncated"));
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "broken_tag.xml", ":10", "lastName");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "bad_utf8.xml", ":9", "firstName");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "missing_uid.xml", ":7", "uid");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "bad_uid.xml", ":8", "uid");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "no_name.xml", ":7", "lastName");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "bad_publish_date.xml", ":4",
	                   "Publish_Date");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "wrong_root.xml", ":2", "sdnLists");
	expect_input_error(&wl_reader_ofac_xml, FIXTURES "doctype.xml", "", "DOCTYPE");

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_ofac_xml.read(ds, FIXTURES "no-such-file.xml"), WL_EIO);
	wl_dataset_free(ds);
}

/* ---- memory ---- */

static void test_memory(void **state)
{
	size_t len;
	char *buf = slurp(SAMPLE, &len);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int source = -2;
	assert_int_equal(wl_ofac_xml_read_mem(ds, "cons_list.xml", buf, len, &source), WL_OK);
	assert_int_equal(source, 0);
	assert_int_equal(ds->nentities, 13);
	assert_string_equal(ds->sources[0].name, "us_ofac_cons"); /* "cons_" names the list */
	assert_int_equal(ds->sources[0].nfiles, 0);
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_ofac_xml_read_mem(ds, "mem.xml", buf, len / 2, NULL), WL_EINPUT);
	const char *msg = wl_error_last();
	assert_int_equal(strncmp(msg, "mem.xml:", 8), 0);
	assert_non_null(strstr(msg, "truncated"));
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_ofac_xml_read_mem(ds, "empty.xml", "", 0, &source), WL_EINPUT);
	assert_int_equal(source, -1);
	assert_int_equal(wl_ofac_xml_read_mem(ds, "null.xml", NULL, 0, &source), WL_EINPUT);
	wl_dataset_free(ds);
	free(buf);
}

static void test_text_cap(void **state)
{
	size_t n = 40000;
	char *body = malloc(n + 32);
	assert_non_null(body);
	strcpy(body, "<remarks>");
	memset(body + 9, 'A', n);
	strcpy(body + 9 + n, "</remarks>");
	char *xml = one_entry(body);
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "long.xml", xml), WL_EINPUT);
	assert_non_null(strstr(wl_error_last(), "long.xml:5: remarks: text longer than"));
	wl_dataset_free(ds);
	free(xml);
	free(body);
}

/* Prefixed namespaces, unknown elements, odd values: nothing is lost, nothing crashes. */
static void test_odd_values(void **state)
{
	const char *xml =
	    "<?xml version=\"1.0\"?>\n"
	    "<o:sdnList xmlns:o=\"http://tempuri.org/sdnList.xsd\">\n"
	    "<o:sdnEntry><o:uid>7</o:uid><o:lastName>ACME &amp; CO</o:lastName>"
	    "<o:sdnType>Entity</o:sdnType><o:newThing>shiny</o:newThing>"
	    "<o:programList><o:program>SDGT</o:program><o:program/></o:programList>"
	    "<o:idList><o:id><o:idType>Passport</o:idType></o:id>"
	    "<o:id><o:idNumber>X1</o:idNumber><o:idCountry>Atlantis</o:idCountry></o:id></o:idList>"
	    "<o:nationalityList><o:nationality><o:country>Atlantis</o:country></o:nationality>"
	    "</o:nationalityList><o:vesselInfo><o:vesselFlag>None Identified</o:vesselFlag>"
	    "</o:vesselInfo><o:gadgetList><o:gadget><o:kind>rocket</o:kind></o:gadget>"
	    "</o:gadgetList><o:dateOfBirthList><o:dateOfBirthItem><o:dateOfBirth>sometime"
	    "</o:dateOfBirth></o:dateOfBirthItem></o:dateOfBirthList>"
	    "<o:remarks><![CDATA[(Linked To: X (Y))]]>; ((Website www.acme.example))</o:remarks>"
	    "</o:sdnEntry><o:sdnEntry><o:uid>8</o:uid><o:lastName>B</o:lastName>"
	    "<o:sdnType>Submarine</o:sdnType></o:sdnEntry></o:sdnList>\n";
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "odd.xml", xml), WL_OK);
	assert_null(ds->sources[0].list_date);
	wl_entity *e = entity_in(ds, "ofac-7");
	assert_has(e, WL_PROP_NAME, "ACME & CO", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "newThing: shiny", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "id: Passport", NULL, NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "X1", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "id country: Atlantis", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "nationality: Atlantis", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Vessel Flag: None Identified", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "gadget: kind rocket", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "DOB sometime", NULL, NULL);
	assert_has(e, WL_PROP_WEBSITE, "www.acme.example", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_PROGRAM), 1);
	assert_int_equal(count(e, WL_PROP_COUNTRY), 0);
	assert_int_equal(count(e, WL_PROP_NATIONALITY), 0);
	assert_non_null(find_link(e, "linkedTo", ANY, "X (Y)"));
	e = entity_in(ds, "ofac-8");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_NOTES, "sdnType: Submarine", NULL, NULL);
	wl_dataset_free(ds);
}

/* The helpers the CSL reader shares. */
static void test_fragment_helpers(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	wl_source src = {.name = "t", .format = "t"};
	int s = wl_dataset_source(ds, &src);
	wl_entity *e = wl_dataset_entity(ds, s, "t", "1", WL_SCHEMA_PERSON);
	assert_non_null(e);
	assert_int_equal(wl_ofac_fragment_apply(ds, e, "DOB circa 1985", "r1", "circa 1985"),
	                 WL_OK);
	const wl_value *v = assert_has(e, WL_PROP_BIRTH_DATE, "1985", "circa", NULL);
	assert_string_equal(v->original, "circa 1985");
	assert_string_equal(v->record, "r1");
	assert_int_equal(wl_ofac_fragment_apply(ds, e, "Gender Male", NULL, "male"), WL_OK);
	assert_null(assert_has(e, WL_PROP_GENDER, "male", NULL, NULL)->original);
	const char *remarks = "(Linked To: A); (a.k.a. 'B'; Linked To: C).";
	assert_int_equal(wl_ofac_remarks_apply(ds, e, remarks, strlen(remarks), NULL), WL_OK);
	assert_non_null(find_link(e, "linkedTo", ANY, "A"));
	assert_non_null(find_link(e, "linkedTo", ANY, "C"));
	assert_has(e, WL_PROP_WEAK_ALIAS, "B", NULL, NULL);
	wl_dataset_free(ds);
}

/* ---- sniffing ---- */

static int sniff(const char *head)
{
	return wl_reader_ofac_xml.sniff("x", head, strlen(head));
}

static void test_sniff(void **state)
{
	assert_true(sniff_file(&wl_reader_ofac_xml, CONSOLIDATED) > 50);
	assert_true(sniff("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x > y -->\n<sdnList>") > 50);
	assert_true(sniff("<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">") > 50);
	assert_true(sniff("<o:sdnList xmlns:o=\"x\">") > 50);
	assert_true(sniff("<sdnList/>") > 50);
	assert_int_equal(sniff("<sdnLists>"), WL_SNIFF_NO);
	assert_int_equal(sniff("<sdnList"), WL_SNIFF_NO);
	assert_int_equal(sniff("<?xml version=\"1.0\"?><CONSOLIDATED_LIST>"), WL_SNIFF_NO);
	assert_int_equal(sniff("_id,source,entity_number,type,programs,name"), WL_SNIFF_NO);
	assert_int_equal(sniff("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\""), WL_SNIFF_NO);
	assert_int_equal(sniff("{\"values\": []}"), WL_SNIFF_NO);
	assert_int_equal(sniff(""), WL_SNIFF_NO);
	/* the UN list's reader does not claim this format */
	assert_int_equal(wl_reader_un_xml.sniff("x", "<sdnList>", 9), WL_SNIFF_NO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_source),
	    cmocka_unit_test(test_known_entry),
	    cmocka_unit_test(test_entity_with_ids),
	    cmocka_unit_test(test_real_entries),
	    cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_akas),
	    cmocka_unit_test(test_ids),
	    cmocka_unit_test(test_vessels_and_aircraft),
	    cmocka_unit_test(test_same_ids_as_csv),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_text_cap),
	    cmocka_unit_test(test_odd_values),
	    cmocka_unit_test(test_fragment_helpers),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
