/*
 * test_uk_fcdo_xml.c - the UK Sanctions List (FCDO XML) reader on realistic and broken input.
 *
 * The fixture tests/fixtures/uk/UK_Sanctions_List.xml (made by make-fixtures
 * there from real names: UN-sourced designations from the bundled UN list,
 * UK-only ones from an export of the UK list) is read once; the tests check
 * people, entities and a ship by UniqueID: names of every NameType and
 * AliasStrength, non-Latin names, every form of date of birth the list
 * writes ("07/10/1952", "00/00/1965", "00/08/1961", "dd/mm/1964"), places,
 * documents, addresses, entity and ship details, and the links to the
 * OFSI list (OFSIGroupID) and the UN list (UNReferenceNumber: every one
 * names a record of data/lists/un/UN_consolidated.xml). Broken files must
 * fail with WL_EINPUT and a message naming file, line and element. Run
 * from the repository root.
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
#include "sources/reader.h"
#include "sources/uk_fcdo_xml.h"
#include "sources/un_xml.h"
#include "text/countries.h"

#define UK_LIST  "tests/fixtures/uk/UK_Sanctions_List.xml"
#define UN_LIST  "data/lists/un/UN_consolidated.xml"
#define FIXTURES "tests/fixtures/uk/"

static wl_dataset *uk; /* the fixture, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(uk, id);
}

/* Reads a document held in memory into a fresh dataset; returns the reader's code. */
static int read_mem(wl_dataset **ds, const char *name, const char *xml)
{
	assert_int_equal(wl_dataset_new(ds), WL_OK);
	return wl_uk_fcdo_xml_read_mem(*ds, name, xml, strlen(xml), NULL);
}

/* A list of one designation, UniqueID X1, holding body. */
static char *one_designation(const char *body)
{
	char *s = NULL;
	int n = asprintf(&s,
	                 "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	                 "<Designations>\n<DateGenerated>2026-03-01T10:00:00</DateGenerated>\n"
	                 "<Designation><UniqueID>X1</UniqueID>\n%s\n</Designation>\n"
	                 "</Designations>\n",
	                 body);
	assert_true(n > 0);
	return s;
}

static int setup(void **state)
{
	return read_fixture(&wl_reader_uk_fcdo_xml, UK_LIST, &uk);
}

static int teardown(void **state)
{
	wl_dataset_free(uk);
	return 0;
}

/* ---- the fixture ---- */

static void test_source_and_counts(void **state)
{
	assert_int_equal(uk->nsources, 1);
	const wl_source *s = &uk->sources[0];
	assert_string_equal(s->name, "gb_fcdo_sanctions");
	assert_string_equal(s->title, "UK Sanctions List");
	assert_string_equal(s->publisher, "UK Foreign, Commonwealth & Development Office");
	assert_string_equal(s->format, "uk_fcdo_xml");
	assert_string_equal(s->list_date, "2026-02-27");
	assert_string_equal(s->url,
	                    "https://www.gov.uk/government/publications/the-uk-sanctions-list");
	assert_string_equal(s->licence, "Open Government Licence v3.0");
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, UK_LIST);
	assert_string_equal(s->files[0].role, "list");
	assert_int_equal(strlen(s->files[0].sha256), 64);

	size_t schemas[WL_SCHEMA_COUNT] = {0};
	for (size_t i = 0; i < uk->nentities; i++)
		schemas[uk->entities[i]->schema]++;
	assert_int_equal(uk->nentities, 38);
	assert_int_equal(schemas[WL_SCHEMA_PERSON], 28);
	assert_int_equal(schemas[WL_SCHEMA_ORGANIZATION], 9);
	assert_int_equal(schemas[WL_SCHEMA_VESSEL], 1);
}

/* RUS0251 PUTIN: a UK designation: names, Cyrillic, facts, and the OFSI group. */
static void test_uk_person(void **state)
{
	wl_entity *e = entity("gb-fcdo-RUS0251");
	assert_string_equal(e->source_id, "RUS0251");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(wl_entity_caption(e), "Vladimir PUTIN");
	assert_int_equal(count(e, WL_PROP_NAME), 1);
	assert_has(e, WL_PROP_FIRST_NAME, "Vladimir", NULL, NULL);
	assert_has(e, WL_PROP_LAST_NAME, "PUTIN", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Vladimir Vladimirovich PUTIN", "primary name variation",
	           NULL);
	assert_has(e, WL_PROP_ALIAS, "Путин Владимир Владимирович", "original script", NULL);
	assert_original(e, WL_PROP_BIRTH_DATE, "1952-10-07", "07/10/1952");
	assert_has(e, WL_PROP_BIRTH_PLACE, "St Petersburg (then Leningrad), Russia", NULL, "ru");
	assert_original(e, WL_PROP_NATIONALITY, "ru", "Russia");
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	assert_has(e, WL_PROP_POSITION, "President of the Russian Federation", NULL, NULL);
	assert_has(e, WL_PROP_ADDRESS, "The Kremlin, Moscow, 103132, Russia", NULL, "ru");
	assert_has(e, WL_PROP_COUNTRY, "ru", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "The Russia (Sanctions) (EU Exit) Regulations 2019", NULL,
	           NULL);
	assert_original(e, WL_PROP_LISTING_DATE, "2022-02-25", "25/02/2022");
	assert_has(e, WL_PROP_MODIFIED_AT, "2025-04-14", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "designation source: UK", NULL, NULL);
	assert_has(e, WL_PROP_NOTES,
	           "sanctions imposed: Asset freeze; Travel Ban; Trust services sanctions", NULL,
	           NULL);
	assert_true(has_containing(e, WL_PROP_NOTES, "UK statement of reasons: President of"));
	assert_int_equal(count(e, WL_PROP_UNSC_ID), 0);
	const wl_link *l = find_link(e, "sameAs", "gb-hmt-14200", NULL);
	assert_non_null(l);
	assert_string_equal(l->detail, "OFSI group ID 14200");
	for (size_t i = 0; i < e->nvalues; i++) {
		assert_string_equal(e->values[i].record, "RUS0251");
		assert_int_equal(e->values[i].source, e->source);
	}
}

/* AQD0283 CHATAEV: a UN designation with Cyrillic names, an identifier and aliases by quality. */
static void test_un_person(void **state)
{
	wl_entity *e = entity("gb-fcdo-AQD0283");
	assert_string_equal(wl_entity_caption(e), "AKHMED RAJAPOVICH CHATAEV");
	assert_has(e, WL_PROP_FIRST_NAME, "AKHMED", NULL, NULL);
	assert_has(e, WL_PROP_LAST_NAME, "CHATAEV", NULL, NULL);
	assert_has(e, WL_PROP_UNSC_ID, "QDi.365", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Ахмед Ражапович Чатаев", "original script", NULL);
	assert_has(e, WL_PROP_ALIAS, "Akhmad Shishani", "Good quality", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Odnorukiy", "Low quality", NULL);
	assert_null(find(e, WL_PROP_ALIAS, "Odnorukiy", ANY, ANY));
	assert_has(e, WL_PROP_ID_NUMBER, "9600133195", ANY, "ru");
	assert_has(e, WL_PROP_BIRTH_DATE, "1980-07-04", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE,
	           "Vedeno Village, Vedenskiy District, Republic of Chechnya, Russian Federation",
	           NULL, "ru");
	assert_has(e, WL_PROP_COUNTRY, "sy", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "iq", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "designation source: UN", NULL, NULL);
	assert_true(has_containing(e, WL_PROP_NOTES, "commanding directly 130 militants"));

	/* AQD0069 KASKAR: fourteen passports, with their issuing country when known */
	e = entity("gb-fcdo-AQD0069");
	assert_int_equal(count(e, WL_PROP_PASSPORT_NUMBER), 14);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "A-333602",
	           "(India) issued 04/06/1985 in Bombay passport subsequently revoked by the "
	           "Government of India",
	           "in");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "G866537", ANY, "pk");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "KC-285901", NULL, NULL);
	assert_has(e, WL_PROP_TITLE, "Sheikh", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_WEAK_ALIAS), 9);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Bada Bhai", "Low quality", NULL);
	assert_has(e, WL_PROP_ALIAS, "Dawood Ebrahim", "Good quality", NULL);
	assert_int_equal(count(e, WL_PROP_ADDRESS), 3);

	/* AFG0023 MAZLOOM: Arabic script */
	e = entity("gb-fcdo-AFG0023");
	assert_has(e, WL_PROP_ALIAS, "فضل محمد مظلوم", "original script", NULL);
	assert_has(e, WL_PROP_TITLE, "Mullah", NULL, NULL);
	assert_has(e, WL_PROP_POSITION, "Deputy Chief of Army Staff of the Taliban regime", NULL,
	           NULL);
}

/* Every form of DOB the list writes. */
static void test_birth_dates(void **state)
{
	/* "00/00/yyyy": a year; AFG0023 has six of them, a range 1963-1968 */
	wl_entity *e = entity("gb-fcdo-AFG0023");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 6);
	assert_original(e, WL_PROP_BIRTH_DATE, "1963", "00/00/1963");
	assert_original(e, WL_PROP_BIRTH_DATE, "1968", "00/00/1968");

	/* "dd/mm/yyyy" with the letters left in: a year */
	e = entity("gb-fcdo-AFG0126");
	assert_original(e, WL_PROP_BIRTH_DATE, "1964", "dd/mm/1964");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 1);

	/* "00/mm/yyyy": a month; and whole dates beside them */
	e = entity("gb-fcdo-CAF0009");
	assert_original(e, WL_PROP_BIRTH_DATE, "1961-08", "00/08/1961");
	assert_original(e, WL_PROP_BIRTH_DATE, "1963-04", "00/04/1963");
	assert_original(e, WL_PROP_BIRTH_DATE, "1964-09-18", "18/09/1964");
	assert_original(e, WL_PROP_BIRTH_DATE, "1959", "00/00/1959");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 10);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Atyak, Uganda", NULL, "ug");
	assert_int_equal(count(e, WL_PROP_BIRTH_PLACE), 3);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Le Messie sanglant", "Low quality", NULL);

	e = entity("gb-fcdo-DRC0004");
	assert_original(e, WL_PROP_BIRTH_DATE, "1973-11", "00/11/1973");
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "India Queen", "Low quality", NULL);

	/* AQD0028 GHAILANI: four whole dates */
	e = entity("gb-fcdo-AQD0028");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 4);
	assert_has(e, WL_PROP_BIRTH_DATE, "1974-04-13", NULL, NULL);
}

/* The APT31 case: the hackers and their front company, with their Chinese names. */
static void test_cyber(void **state)
{
	wl_entity *e = entity("gb-fcdo-CYB0045");
	assert_string_equal(wl_entity_caption(e), "Gaobin NI");
	assert_has(e, WL_PROP_ALIAS, "倪高彬", "original script", NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "421003198510272917", "(China)", "cn");
	assert_has(e, WL_PROP_BIRTH_DATE, "1985-10-27", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "cn", NULL, NULL);

	e = entity("gb-fcdo-CYB0044");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_string_equal(wl_entity_caption(e),
	                    "WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED");
	assert_int_equal(count(e, WL_PROP_FIRST_NAME) + count(e, WL_PROP_LAST_NAME), 0);
	assert_has(e, WL_PROP_ALIAS, "Wuhan XRZ", "Good quality", NULL);
	assert_has(e, WL_PROP_ALIAS, "武汉晓睿智科技有限责任公司", "original script", NULL);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "91420100551956105K", NULL, NULL);
	assert_has(e, WL_PROP_LEGAL_FORM, "Limited company", NULL, NULL);
	assert_has(e, WL_PROP_PHONE, "+86 27 8765 4321", NULL, NULL);
	assert_has(e, WL_PROP_WEBSITE, "www.whxrz.com", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "cn", NULL, NULL);

	/* KHOROSHEV: a handle as a weak alias, two e-mails, a passport */
	e = entity("gb-fcdo-CYB0088");
	assert_has(e, WL_PROP_WEAK_ALIAS, "LockBitSupp", "Low quality", NULL);
	assert_has(e, WL_PROP_EMAIL, "khoroshev1@icloud.com", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "sitedev5@yandex.ru", NULL, NULL);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "2018278055", "(Russia)", "ru");
	assert_has(e, WL_PROP_ALIAS, "Хорошев Дмитрий Юрьевич", "original script", NULL);

	/* links: a parent company, a subsidiary */
	e = entity("gb-fcdo-CYB0004");
	const wl_link *l = find_link(e, "owner", NULL, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "parent company");
	assert_has(e, WL_PROP_WEAK_ALIAS, "FANCY BEARS", "Low quality", NULL);
	assert_has(e, WL_PROP_ALIAS, "APT28 (Advanced Persistent Threat)", "Good quality", NULL);
	e = entity("gb-fcdo-CYB0070");
	assert_non_null(find_link(e, "subsidiary", NULL, "XHOST Internet Solutions LP"));
	assert_has(e, WL_PROP_ALIAS, "Зсерверс", "original script", NULL);
}

/* DPR0075 PETREL 8: the ship's details. */
static void test_vessel(void **state)
{
	wl_entity *e = entity("gb-fcdo-DPR0075");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_string_equal(wl_entity_caption(e), "PETREL 8");
	assert_has(e, WL_PROP_ALIAS, "Jal Vahini", "Good quality", NULL);
	assert_original(e, WL_PROP_IMO_NUMBER, "9562233", "IMO9562233");
	assert_original(e, WL_PROP_FLAG, "km", "Comoros");
	assert_has(e, WL_PROP_VESSEL_TYPE, "Bulk Carrier", NULL, NULL);
	assert_has(e, WL_PROP_TONNAGE, "7078", NULL, NULL);
	assert_has(e, WL_PROP_BUILD_DATE, "2011", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "previous flag: India", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "sanctions imposed: Prohibition of port entry; Deflagging",
	           NULL, NULL);
	const wl_link *l = find_link(e, "owner", NULL, "Global United Shipping India");
	assert_non_null(l);
	assert_string_equal(l->detail, "owner/operator");
}

/* Over the whole fixture: codes, dates, names, topics, and the OFSI link of each. */
static void test_invariants(void **state)
{
	for (size_t i = 0; i < uk->nentities; i++) {
		const wl_entity *e = uk->entities[i];
		assert_int_equal(strncmp(e->id, "gb-fcdo-", 8), 0);
		assert_string_equal(e->id + 8, e->source_id);
		assert_int_equal(count(e, WL_PROP_NAME), 1);
		assert_non_null(find(e, WL_PROP_TOPICS, "sanction", NULL, NULL));
		assert_non_null(wl_entity_first(e, WL_PROP_PROGRAM));
		assert_non_null(find_link(e, "sameAs", ANY, NULL));
		for (size_t k = 0; k < e->nvalues; k++) {
			const wl_value *v = &e->values[k];
			wl_prop_kind kind = wl_prop_kind_of(v->prop);
			if (kind == WL_KIND_COUNTRY && !wl_country_name(v->text))
				fail_msg("%s: %s \"%s\" is no country code", e->id,
				         wl_prop_name(v->prop), v->text);
			if (v->country && !wl_country_name(v->country))
				fail_msg("%s: country \"%s\" is no code", e->id, v->country);
			if (kind == WL_KIND_DATE && !iso_date(v->text))
				fail_msg("%s: %s \"%s\" is no ISO date", e->id,
				         wl_prop_name(v->prop), v->text);
			if (v->prop == WL_PROP_NOTES && strstr(v->text, "date of birth"))
				fail_msg("%s: a date of birth left as a note: %s", e->id, v->text);
		}
	}
}

/* Every UN reference number names a record of the bundled UN list: the cross-list link. */
static void test_un_references(void **state)
{
	wl_dataset *un;
	assert_int_equal(wl_dataset_new(&un), WL_OK);
	assert_int_equal(wl_reader_un_xml.read(un, UN_LIST), WL_OK);
	size_t refs = 0;
	for (size_t i = 0; i < uk->nentities; i++) {
		const wl_entity *e = uk->entities[i];
		const wl_value *ref = wl_entity_first(e, WL_PROP_UNSC_ID);
		if (!ref)
			continue;
		refs++;
		const wl_entity *match = NULL;
		for (size_t k = 0; k < un->nentities && !match; k++) {
			const wl_value *r = wl_entity_first(un->entities[k], WL_PROP_UNSC_ID);
			if (r && strcmp(r->text, ref->text) == 0)
				match = un->entities[k];
		}
		if (!match)
			fail_msg("%s: %s is in no UN record", e->id, ref->text);
		assert_int_equal(match->schema == WL_SCHEMA_PERSON, e->schema == WL_SCHEMA_PERSON);
	}
	assert_int_equal(refs, 23);
	wl_dataset_free(un);
}

/* ---- broken files ---- */

static void test_broken_files(void **state)
{
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_truncated.xml", ":14", "Name6");
	assert_non_null(strstr(wl_error_last(), "truncated"));
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_tag.xml", ":14", "Name6");
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_missing_uniqueid.xml", ":11",
	                   "UniqueID");
	assert_non_null(strstr(wl_error_last(), "without a UniqueID"));
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_uniqueid.xml", ":12", "UniqueID");
	assert_non_null(strstr(wl_error_last(), "not a record id"));
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_root.xml", ":2",
	                   "Designation_List");
	expect_input_error(&wl_reader_uk_fcdo_xml, FIXTURES "bad_doctype.xml", "", "DOCTYPE");

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_uk_fcdo_xml.read(ds, FIXTURES "no-such-file.xml"), WL_EIO);
	wl_dataset_free(ds);
}

/* ---- memory ---- */

static void test_memory(void **state)
{
	FILE *f = fopen(UK_LIST, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	size_t len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int source = -2;
	assert_int_equal(wl_uk_fcdo_xml_read_mem(ds, "mem.xml", buf, len, &source), WL_OK);
	assert_int_equal(source, 0);
	assert_int_equal(ds->nentities, 38);
	assert_int_equal(ds->sources[0].nfiles, 0);
	wl_dataset_free(ds);

	/* cut short: the name given stands for the file */
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_uk_fcdo_xml_read_mem(ds, "half.xml", buf, len / 2, NULL), WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "half.xml:", 9), 0);
	assert_non_null(strstr(wl_error_last(), "truncated"));
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_uk_fcdo_xml_read_mem(ds, "empty.xml", "", 0, &source), WL_EINPUT);
	assert_int_equal(source, -1);
	wl_dataset_free(ds);
	free(buf);
}

/* Element names the list has used besides the fixture's, odd values, unknown elements. */
static void test_odd_values(void **state)
{
	char *xml = one_designation(
	    "<IndividualEntityShip>Ship</IndividualEntityShip>"
	    "<Names><Name><Name6>  SEA   &amp; STAR </Name6><NameType>Primary name</NameType>"
	    "</Name><Name><Name6>Old Star</Name6><NameType>Former name</NameType></Name>"
	    "<Name><Name6>Star 2</Name6><NameType>ALias</NameType>"
	    "<AliasStrength>Good quality a.k.a</AliasStrength></Name>"
	    "<Name><Name6>S2</Name6><NameType>Alias</NameType>"
	    "<AliasStrength>Low quality a.k.a</AliasStrength></Name>"
	    "<Name><NameType>Alias</NameType></Name></Names>"
	    "<ShipDetails><Ship><IMONumbers><IMONumber>IMO 9187629</IMONumber></IMONumbers>"
	    "<FlagStates><FlagState>Panama</FlagState><FlagState>Atlantis</FlagState></FlagStates>"
	    "<TypeOfShips><TypeOfShip>Crude Oil Tanker</TypeOfShip></TypeOfShips>"
	    "<Tonnages><Tonnage>81380</Tonnage></Tonnages>"
	    "<HullIdentificationNumbers><HullIdentificationNumber>HIN-1</HullIdentificationNumber>"
	    "</HullIdentificationNumbers><LengthOfShip>250m</LengthOfShip></Ship></ShipDetails>"
	    "<SomethingNew><Inner>kept</Inner></SomethingNew>"
	    "<LastUpdated>yesterday</LastUpdated><DateDesignated>2022-03-15</DateDesignated>"
	    "<UNReferenceNumber>KPe.077</UNReferenceNumber><OFSIGroupID>not an id!</OFSIGroupID>"
	    "<!-- a comment --><?pi here?>");
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "odd.xml", xml), WL_OK);
	assert_string_equal(ds->sources[0].list_date, "2026-03-01");
	wl_entity *e = entity_in(ds, "gb-fcdo-X1");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_has(e, WL_PROP_NAME, "SEA & STAR", NULL, NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "Old Star", "Former name", NULL);
	assert_has(e, WL_PROP_ALIAS, "Star 2", "Good quality a.k.a", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "S2", "Low quality a.k.a", NULL);
	assert_original(e, WL_PROP_IMO_NUMBER, "9187629", "IMO 9187629");
	assert_has(e, WL_PROP_FLAG, "pa", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "flag: Atlantis", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_FLAG), 1);
	assert_has(e, WL_PROP_VESSEL_TYPE, "Crude Oil Tanker", NULL, NULL);
	assert_has(e, WL_PROP_TONNAGE, "81380", NULL, NULL);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "HIN-1", "hull identification number", NULL);
	assert_has(e, WL_PROP_NOTES, "length of ship: 250m", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Inner: kept", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "last updated: yesterday", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2022-03-15", NULL, NULL);
	assert_has(e, WL_PROP_UNSC_ID, "KPe.077", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "OFSI group ID: not an id!", NULL, NULL);
	assert_int_equal(e->nlinks, 0);
	wl_dataset_free(ds);
	free(xml);

	xml = one_designation(
	    "<IndividualEntityShip>Individual</IndividualEntityShip>"
	    "<Names><Name><Name1>Anna</Name1><Name2>Maria</Name2><Name6>MUSTER</Name6>"
	    "<NameType>Primary Name</NameType></Name></Names>"
	    "<Titles><Title>Dr</Title></Titles>"
	    "<EmailAddresses><EmailAddress>a@x.org; b@y.org</EmailAddress></EmailAddresses>"
	    "<IndividualDetails><Individual><DOBs><DOB>31/02/1970</DOB><DOB>1971</DOB>"
	    "<DOB>00/00/0000</DOB><DOB>--/--/1972</DOB><DOB>5/6/1973</DOB></DOBs>"
	    "<PassportDetails><Passport><PassportNumber>P1</PassportNumber>"
	    "<PassportAdditionalInformation>Afghanistan</PassportAdditionalInformation></Passport>"
	    "<Passport><PassportAdditionalInformation>lost</PassportAdditionalInformation>"
	    "</Passport></PassportDetails>"
	    "<NationalIdentifierDetails><NationalIdentifier><NationalIdentifierNumber>N1"
	    "</NationalIdentifierNumber></NationalIdentifier></NationalIdentifierDetails>"
	    "<Nationalities><Nationality>Afghan</Nationality><Nationality>Narnia</Nationality>"
	    "</Nationalities><Genders><Gender>Female</Gender></Genders>"
	    "<BirthDetails><Location><CountryOfBirth>Iraq</CountryOfBirth></Location></"
	    "BirthDetails>"
	    "</Individual></IndividualDetails>");
	assert_int_equal(read_mem(&ds, "person.xml", xml), WL_OK);
	e = entity_in(ds, "gb-fcdo-X1");
	assert_has(e, WL_PROP_NAME, "Anna Maria MUSTER", NULL, NULL);
	assert_has(e, WL_PROP_FIRST_NAME, "Anna", NULL, NULL);
	assert_has(e, WL_PROP_LAST_NAME, "MUSTER", NULL, NULL);
	assert_has(e, WL_PROP_TITLE, "Dr", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "a@x.org", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "b@y.org", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "date of birth: 31/02/1970", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "date of birth: 00/00/0000", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1971", NULL, NULL);
	assert_original(e, WL_PROP_BIRTH_DATE, "1972", "--/--/1972");
	assert_original(e, WL_PROP_BIRTH_DATE, "1973-06-05", "5/6/1973");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 3);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "P1", "Afghanistan", "af");
	assert_has(e, WL_PROP_NOTES, "passport: lost", NULL, NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "N1", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "af", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "nationality: Narnia", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "female", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Iraq", NULL, "iq");
	wl_dataset_free(ds);
	free(xml);

	/* an unknown kind of designation: LegalEntity, its wording kept */
	xml = one_designation("<IndividualEntityShip>Aircraft</IndividualEntityShip>"
	                      "<Names><Name><Name6>JET</Name6><NameType>Primary Name</NameType>"
	                      "</Name></Names>");
	assert_int_equal(read_mem(&ds, "kind.xml", xml), WL_OK);
	e = entity_in(ds, "gb-fcdo-X1");
	assert_int_equal(e->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_has(e, WL_PROP_NOTES, "type: Aircraft", NULL, NULL);
	wl_dataset_free(ds);
	free(xml);
}

static void test_bad_input(void **state)
{
	wl_dataset *ds;
	/* an empty UniqueID (found by fuzzing a sibling reader: NULL + 0) */
	assert_int_equal(read_mem(&ds, "id.xml",
	                          "<Designations><Designation><UniqueID/>"
	                          "</Designation></Designations>"),
	                 WL_EINPUT);
	assert_string_equal(wl_error_last(), "id.xml:1: UniqueID: Designation without a UniqueID");
	wl_dataset_free(ds);

	/* one element's text is capped */
	size_t n = 70000;
	char *big = malloc(n + 64);
	assert_non_null(big);
	strcpy(big, "<OtherInformation>");
	memset(big + 18, 'x', n);
	strcpy(big + 18 + n, "</OtherInformation>");
	char *xml = one_designation(big);
	assert_int_equal(read_mem(&ds, "big.xml", xml), WL_EINPUT);
	assert_non_null(strstr(wl_error_last(), "big.xml:5: OtherInformation: text longer than"));
	wl_dataset_free(ds);
	free(xml);
	free(big);

	/* invalid UTF-8, and a charset libxml2 does not know */
	assert_int_equal(read_mem(&ds, "utf8.xml",
	                          "<Designations>\n<Designation><UniqueID>A\xff</UniqueID>"
	                          "</Designation></Designations>"),
	                 WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "utf8.xml:2: ", 12), 0);
	wl_dataset_free(ds);
	assert_int_equal(read_mem(&ds, "cs.xml",
	                          "<?xml version=\"1.0\" encoding=\"no-such-charset\"?>\n"
	                          "<Designations/>"),
	                 WL_EINPUT);
	wl_dataset_free(ds);

	/* no root element */
	assert_int_equal(read_mem(&ds, "text.xml", "just text"), WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "text.xml:", 9), 0);
	wl_dataset_free(ds);
}

/* ---- sniffing ---- */

static void test_sniff(void **state)
{
	const char *uk_head = "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x -->\n"
	                      "<Designations xmlns:xsi=\"x\">\n<DateGenerated>";
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", uk_head, strlen(uk_head)), 95);
	const char *un_head = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"x\">";
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", un_head, strlen(un_head)), 0);
	assert_int_equal(wl_reader_un_xml.sniff("x", uk_head, strlen(uk_head)), 0);
	const char *other = "<Designation_List>";
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", other, strlen(other)), 0);
	const char *csv = "Last Updated,28/01/2026\r\nName 6,Name 1\r\n";
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", csv, strlen(csv)), 0);
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", "", 0), 0);
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", "<Designations", 13), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_source_and_counts),
	    cmocka_unit_test(test_uk_person),
	    cmocka_unit_test(test_un_person),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_cyber),
	    cmocka_unit_test(test_vessel),
	    cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_un_references),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_odd_values),
	    cmocka_unit_test(test_bad_input),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
