/*
 * test_un_xml.c - the UN consolidated list reader on the bundled list and on broken input.
 *
 * The bundled list (data/lists/un/UN_consolidated.xml, 2026-02-27) is read
 * once; the tests then check real records by DATAID against what the file
 * says: names, aliases by quality, every shape of date of birth the list
 * uses, places, nationalities, documents, addresses, and an entity with its
 * a.k.a. and f.k.a. names. Invariants run over all 1003 records (countries
 * are codes, dates are ISO). Broken files (tests/fixtures/un/) must fail
 * with WL_EINPUT and a message naming file, line and element; the memory
 * entry point is tested on the same data. Run from the repository root.
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
#include "sources/un_xml.h"
#include "text/countries.h"

#define UN_LIST  "data/lists/un/UN_consolidated.xml"
#define FIXTURES "tests/fixtures/un/"

static wl_dataset *un; /* the bundled list, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(un, id);
}

/* Reads a document held in memory into a fresh dataset; returns the reader's code. */
static int read_mem(wl_dataset **ds, const char *name, const char *xml)
{
	assert_int_equal(wl_dataset_new(ds), WL_OK);
	return wl_un_xml_read_mem(*ds, name, xml, strlen(xml), NULL);
}

/* A one-person list whose INDIVIDUAL holds body after its DATAID 1. */
static char *one_person(const char *body)
{
	char *s = NULL;
	int n = asprintf(&s,
	                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                 "<CONSOLIDATED_LIST dateGenerated=\"2026-02-27T00:00:09.554Z\">\n"
	                 "<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>\n%s\n"
	                 "</INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>\n",
	                 body);
	assert_true(n > 0);
	return s;
}

static int setup(void **state)
{
	return read_fixture(&wl_reader_un_xml, UN_LIST, &un);
}

static int teardown(void **state)
{
	wl_dataset_free(un);
	return 0;
}

/* ---- the bundled list ---- */

static void test_counts(void **state)
{
	size_t persons = 0, orgs = 0;
	for (size_t i = 0; i < un->nentities; i++) {
		persons += un->entities[i]->schema == WL_SCHEMA_PERSON;
		orgs += un->entities[i]->schema == WL_SCHEMA_ORGANIZATION;
	}
	assert_int_equal(persons, 730);
	assert_int_equal(orgs, 273);
	assert_int_equal(un->nentities, 1003);
}

static void test_source(void **state)
{
	assert_int_equal(un->nsources, 1);
	const wl_source *s = &un->sources[0];
	assert_string_equal(s->name, "un_sc_sanctions");
	assert_string_equal(s->title, "UN Security Council Consolidated List");
	assert_string_equal(s->publisher, "United Nations Security Council");
	assert_string_equal(s->format, "un_xml");
	assert_string_equal(s->list_date, "2026-02-27");
	assert_string_equal(
	    s->url, "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list");
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, UN_LIST);
	assert_string_equal(s->files[0].role, "list");
	assert_int_equal(strlen(s->files[0].sha256), 64);
	assert_true(s->files[0].bytes > 1000000);
}

/* 111090, AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED: four names, aliases Good and Low, a passport. */
static void test_person_names_and_aliases(void **state)
{
	wl_entity *e = entity("un-111090");
	assert_string_equal(e->source_id, "111090");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(wl_entity_caption(e), "AKHTAR MOHAMMAD MANSOUR SHAH MOHAMMED");
	assert_has(e, WL_PROP_FIRST_NAME, "AKHTAR", NULL, NULL);
	assert_has(e, WL_PROP_SECOND_NAME, "MOHAMMAD", NULL, NULL);
	assert_has(e, WL_PROP_MIDDLE_NAME, "MANSOUR", "third name", NULL);
	assert_has(e, WL_PROP_MIDDLE_NAME, "SHAH MOHAMMED", "fourth name", NULL);
	assert_has(e, WL_PROP_ALIAS, "Akhtar Muhammad Mansoor", "Good", NULL);
	assert_has(e, WL_PROP_ALIAS, "Akhtar Mohammad Mansour Khan Muhammad", "Good", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Naib Imam", "Low", NULL);
	assert_null(find(e, WL_PROP_ALIAS, "Naib Imam", ANY, ANY));
	assert_has(e, WL_PROP_ALIAS, "اختر محمد منصور شاه محمد", "original script", NULL);
	assert_has(e, WL_PROP_TITLE, "Maulavi", NULL, NULL);
	assert_has(e, WL_PROP_TITLE, "Mullah", NULL, NULL);
	assert_has(e, WL_PROP_POSITION,
	           "Minister of Civil Aviation and Transportation under the Taliban regime", NULL,
	           NULL);
	assert_has(e, WL_PROP_PROGRAM, "Taliban", NULL, NULL);
	assert_has(e, WL_PROP_UNSC_ID, "TAi.011", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2001-01-25", NULL, NULL);
	assert_has(e, WL_PROP_MODIFIED_AT, "2016-12-23", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_MODIFIED_AT), 1);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, NULL);
	assert_true(has_containing(e, WL_PROP_NOTES, "Reportedly killed in May 2016"));
	/* provenance: every value comes from this record of this source */
	for (size_t i = 0; i < e->nvalues; i++) {
		assert_string_equal(e->values[i].record, "111090");
		assert_int_equal(e->values[i].source, e->source);
	}
}

static void test_person_facts(void **state)
{
	wl_entity *e = entity("un-111090");
	assert_has(e, WL_PROP_BIRTH_DATE, "1960", "approximately", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1966", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE,
	           "Band-e-Timur village, Maiwand District, Kandahar Province, Afghanistan", NULL,
	           "af");
	const wl_value *nat = find(e, WL_PROP_NATIONALITY, "af", NULL, NULL);
	assert_non_null(nat);
	assert_string_equal(nat->original, "Afghanistan");
	const wl_value *pp = find(e, WL_PROP_PASSPORT_NUMBER, "SE-011697", "Passport", "af");
	assert_non_null(pp);
	assert_non_null(strstr(pp->original, "issued 1988-01-25"));
	assert_non_null(strstr(pp->original, "in Kabul"));
	assert_non_null(strstr(pp->original, "expired on 23 Feb. 2000"));
}

/* Each shape of INDIVIDUAL_DATE_OF_BIRTH in the list. */
static void test_birth_dates(void **state)
{
	/* 6907993 ERIC BADEGE: EXACT, YEAR only */
	wl_entity *e = entity("un-6907993");
	assert_has(e, WL_PROP_BIRTH_DATE, "1971", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 1);

	/* 6908538 JOSEPH KONY: EXACT DATE, EXACT YEARs, and month-and-year NOTEs */
	e = entity("un-6908538");
	assert_has(e, WL_PROP_BIRTH_DATE, "1964-09-18", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1961-01-01", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1959", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1965", NULL, NULL);
	const wl_value *v = find(e, WL_PROP_BIRTH_DATE, "1961-08", NULL, NULL);
	assert_non_null(v);
	assert_string_equal(v->original, "August 1961");
	assert_has(e, WL_PROP_BIRTH_DATE, "1963-04", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 10);

	/* 110577 MOHAMMAD HASSAN AKHUND: two BETWEEN ranges with the NOTE "Approximately" */
	e = entity("un-110577");
	for (int y = 1955; y <= 1958; y++) {
		char year[16];
		snprintf(year, sizeof(year), "%d", y);
		assert_has(e, WL_PROP_BIRTH_DATE, year, "between 1955 and 1958; Approximately",
		           NULL);
	}
	for (int y = 1945; y <= 1950; y++) {
		char year[16];
		snprintf(year, sizeof(year), "%d", y);
		assert_has(e, WL_PROP_BIRTH_DATE, year, "between 1945 and 1950; Approximately",
		           NULL);
	}
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 10);

	/* 6908545: EXACT YEAR 1958 with the NOTE "Sep." */
	e = entity("un-6908545");
	v = find(e, WL_PROP_BIRTH_DATE, "1958-09", NULL, NULL);
	assert_non_null(v);
	assert_string_equal(v->original, "Sep. 1958");

	/* 2983746: EXACT with only the NOTE "Between Aug. and Sep. 1977" */
	e = entity("un-2983746");
	assert_has(e, WL_PROP_BIRTH_DATE, "1977", "Between Aug. and Sep. 1977", NULL);

	/* 2972739: EXACT DATE with a NOTE */
	e = entity("un-2972739");
	assert_has(e, WL_PROP_BIRTH_DATE, "1979-03-03", "from false passport", NULL);

	/* 6908703: APPROXIMATELY "30-35 years old" is no date: kept as a note */
	e = entity("un-6908703");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 0);
	assert_has(e, WL_PROP_NOTES, "date of birth: approximately; 30-35 years old", NULL, NULL);

	/* 2962519: a Hijri date in a NOTE, beside Gregorian DATEs */
	e = entity("un-2962519");
	assert_has(e, WL_PROP_BIRTH_DATE, "1982-04-19", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "date of birth: 24/06/1402 (Hijri Calendar)", NULL, NULL);
}

/* 6908538 JOSEPH KONY: places of birth, addresses, countries. */
static void test_places(void **state)
{
	wl_entity *e = entity("un-6908538");
	assert_has(e, WL_PROP_BIRTH_PLACE, "Atyak, Uganda", NULL, "ug");
	assert_has(e, WL_PROP_BIRTH_PLACE,
	           "Palaro Village, Palaro Parish, Omoro County, Gulu District, Uganda", NULL,
	           "ug");
	assert_has(e, WL_PROP_NATIONALITY, "ug", NULL, NULL);
	assert_has(e, WL_PROP_ADDRESS, "Vakaga, Central African Republic", NULL, "cf");
	assert_has(e, WL_PROP_ADDRESS, "Haut-Uolo, Democratic Republic of the Congo", NULL, "cd");
	assert_has(e, WL_PROP_COUNTRY, "cf", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "cd", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_GENDER), 0); /* the list gives none */
	assert_has(e, WL_PROP_TITLE, "General", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Joseph Rao Kony", "Good", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Le Messie sanglant", "Low", NULL);

	/* 6907993 ERIC BADEGE: an address that is a country and a NOTE */
	e = entity("un-6907993");
	assert_has(e, WL_PROP_ADDRESS, "Rwanda", "as of early 2016", "rw");
	assert_has(e, WL_PROP_COUNTRY, "rw", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "cd", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
}

/* 112033 ADEL BEN AL-AZHAR BEN YOUSSEF HAMDI: documents, and an alias's own facts. */
static void test_documents_and_alias_facts(void **state)
{
	wl_entity *e = entity("un-112033");
	const wl_value *pp = find(e, WL_PROP_PASSPORT_NUMBER, "M408665", "Passport", "tn");
	assert_non_null(pp);
	assert_string_equal(pp->original,
	                    "Passport: M408665; issued 2000-10-04; Tunisia; expired 3 Oct. 2005");
	assert_has(e, WL_PROP_ID_NUMBER, "BNSDLA70L14Z352B",
	           "National Identification Number (Italian Fiscal Code)", NULL);
	assert_has(e, WL_PROP_NOTES,
	           "document: National Identification Number; Tunisian national identity number "
	           "W334061 issued on 9 Mar. 2011",
	           NULL, NULL);
	const char *who = "alias Adel ben al- Azhar ben Youssef ben Soltane";
	assert_has(e, WL_PROP_ALIAS, "Adel ben al- Azhar ben Youssef ben Soltane", "Good", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1970-07-14", who, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Tunis, Tunisia", who, "tn");
	assert_has(e, WL_PROP_NOTES,
	           "alias Adel ben al- Azhar ben Youssef ben Soltane: formerly listed as", NULL,
	           NULL);

	/* 6908840: a passport type given twice, and a number in words */
	e = entity("un-6908840");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "Congo service passport number SA0020249",
	           "Passport (Service passport)", NULL);

	/* 111735: documents without a NUMBER are notes, in full */
	e = entity("un-111735");
	assert_int_equal(count(e, WL_PROP_PASSPORT_NUMBER) + count(e, WL_PROP_ID_NUMBER), 0);
	assert_true(has_containing(e, WL_PROP_NOTES, "Italian Fiscal Code: DAOMMD74T11Z352Z"));
	assert_true(has_containing(e, WL_PROP_NOTES, "Tunisian passport number L 191609"));
}

/* 6908402 ADF: an Organization with a.k.a. and f.k.a. names. */
static void test_entity(void **state)
{
	wl_entity *e = entity("un-6908402");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_string_equal(wl_entity_caption(e), "ADF");
	assert_int_equal(count(e, WL_PROP_FIRST_NAME), 0);
	assert_has(e, WL_PROP_ALIAS, "Allied Democratic Forces", "a.k.a.", NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "NALU", "f.k.a.", NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "ADF/NALU", "f.k.a.", NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME,
	           "Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda",
	           "f.k.a.", NULL);
	assert_has(e, WL_PROP_ADDRESS, "North Kivu, Democratic Republic of the Congo", NULL, "cd");
	assert_has(e, WL_PROP_COUNTRY, "cd", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "DRC", NULL, NULL);
	assert_has(e, WL_PROP_UNSC_ID, "CDe.001", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2014-06-30", NULL, NULL);
	assert_has(e, WL_PROP_MODIFIED_AT, "2020-08-19", NULL, NULL); /* the later of two */
	assert_int_equal(count(e, WL_PROP_MODIFIED_AT), 1);

	/* 6908024 BUTEMBO AIRLINES: an empty ENTITY_ALIAS gives nothing */
	e = entity("un-6908024");
	assert_int_equal(count(e, WL_PROP_ALIAS) + count(e, WL_PROP_WEAK_ALIAS), 0);
	assert_has(e, WL_PROP_ADDRESS, "Butembo, Democratic Republic of the Congo", NULL, "cd");
}

/* Over the whole list: names, codes and dates are what the model promises. */
static void test_invariants(void **state)
{
	size_t notes_nationality = 0;
	for (size_t i = 0; i < un->nentities; i++) {
		const wl_entity *e = un->entities[i];
		assert_non_null(wl_entity_first(e, WL_PROP_NAME));
		assert_non_null(wl_entity_first(e, WL_PROP_UNSC_ID));
		assert_non_null(find(e, WL_PROP_TOPICS, "sanction", NULL, NULL));
		assert_int_equal(strncmp(e->id, "un-", 3), 0);
		assert_string_equal(e->id + 3, e->source_id);
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
			notes_nationality +=
			    v->prop == WL_PROP_NOTES && strncmp(v->text, "nationality: ", 13) == 0;
		}
	}
	/* "former Soviet Union" is the reserved code su; "na" (not available) is dropped */
	assert_int_equal(notes_nationality, 0);
}

/* ---- broken files ---- */

static void test_broken_files(void **state)
{
	expect_input_error(&wl_reader_un_xml, FIXTURES "truncated.xml", ":13", "COMMENTS1");
	expect_input_error(&wl_reader_un_xml, FIXTURES "broken_tag.xml", ":8", "SECOND_NAME");
	expect_input_error(&wl_reader_un_xml, FIXTURES "bad_utf8.xml", ":7", "FIRST_NAME");
	expect_input_error(&wl_reader_un_xml, FIXTURES "missing_dataid.xml", ":44", "DATAID");
	expect_input_error(&wl_reader_un_xml, FIXTURES "wrong_root.xml", ":2", "SANCTIONS_LIST");
	expect_input_error(&wl_reader_un_xml, FIXTURES "doctype.xml", "", "DOCTYPE");
	assert_non_null(strstr(wl_error_last(), "not allowed"));

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_un_xml.read(ds, FIXTURES "no-such-file.xml"), WL_EIO);
	wl_dataset_free(ds);
}

static void test_truncated_message(void **state)
{
	expect_input_error(&wl_reader_un_xml, FIXTURES "truncated.xml", ":13", "COMMENTS1");
	assert_non_null(strstr(wl_error_last(), "truncated"));
}

/* ---- memory ---- */

static void test_memory(void **state)
{
	size_t len;
	char *buf = slurp(FIXTURES "valid_small.xml", &len);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int source = -2;
	assert_int_equal(wl_un_xml_read_mem(ds, "small.xml", buf, len, &source), WL_OK);
	assert_int_equal(source, 0);
	assert_int_equal(ds->nentities, 2);
	assert_string_equal(ds->sources[0].list_date, "2026-02-27");
	assert_int_equal(ds->sources[0].nfiles, 0);
	assert_non_null(wl_dataset_find(ds, "un-6907993"));
	assert_non_null(wl_dataset_find(ds, "un-6908402"));
	wl_dataset_free(ds);

	/* cut short in memory: the name given stands for the file */
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_un_xml_read_mem(ds, "mem.xml", buf, len / 2, NULL), WL_EINPUT);
	const char *msg = wl_error_last();
	assert_int_equal(strncmp(msg, "mem.xml:", 8), 0);
	assert_non_null(strstr(msg, "truncated"));
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_un_xml_read_mem(ds, "empty.xml", "", 0, &source), WL_EINPUT);
	assert_int_equal(source, -1);
	wl_dataset_free(ds);
	free(buf);
}

static void test_text_cap(void **state)
{
	size_t n = 40000;
	char *name = malloc(n + 32);
	assert_non_null(name);
	strcpy(name, "<FIRST_NAME>");
	memset(name + 12, 'A', n);
	strcpy(name + 12 + n, "</FIRST_NAME>");
	char *xml = one_person(name);
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "long.xml", xml), WL_EINPUT);
	assert_non_null(strstr(wl_error_last(), "long.xml:4: FIRST_NAME: text longer than"));
	wl_dataset_free(ds);
	free(xml);
	free(name);
}

static void test_odd_values(void **state)
{
	char *xml = one_person(
	    "<FIRST_NAME> A  &amp;\n B </FIRST_NAME><SECOND_NAME><![CDATA[C<D>]]></SECOND_NAME>"
	    "<UNHEARD_OF><VALUE>x</VALUE></UNHEARD_OF>"
	    "<NATIONALITY><VALUE>Atlantis</VALUE><VALUE>na</VALUE><VALUE>Russia</VALUE>"
	    "</NATIONALITY>"
	    "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>"
	    "<FROM_YEAR>1900</FROM_YEAR><TO_YEAR>1990</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
	    "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
	    "<DATE>1970-02-30</DATE></INDIVIDUAL_DATE_OF_BIRTH>"
	    "<INDIVIDUAL_ALIAS><QUALITY>fka</QUALITY><ALIAS_NAME>Old</ALIAS_NAME>"
	    "<DATE_OF_BIRTH>1971</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>"
	    "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME/></INDIVIDUAL_ALIAS>"
	    "<GENDER>FEMALE</GENDER><LISTED_ON>2001-01-25-05:00</LISTED_ON>"
	    "<!-- a comment --><?pi here?>"
	    "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>"
	    "<NOTE>11 Apr. 1963</NOTE></INDIVIDUAL_DATE_OF_BIRTH>"
	    "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Y</ALIAS_NAME>"
	    "<DATE_OF_BIRTH>circa 1970</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>"
	    "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT2>Passport:</TYPE_OF_DOCUMENT2>"
	    "<NUMBER>X1</NUMBER></INDIVIDUAL_DOCUMENT>"
	    "<LAST_DAY_UPDATED><VALUE>yesterday</VALUE><VALUE>2020-01-02</VALUE>"
	    "</LAST_DAY_UPDATED>");
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "odd.xml", xml), WL_OK);
	wl_entity *e = wl_dataset_find(ds, "un-1");
	assert_non_null(e);
	assert_has(e, WL_PROP_NAME, "A & B C<D>", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "ru", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_NATIONALITY), 1);
	assert_has(e, WL_PROP_NOTES, "nationality: Atlantis", NULL, NULL);
	/* a range of 90 years: only its ends */
	assert_has(e, WL_PROP_BIRTH_DATE, "1900", "between 1900 and 1990", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1990", "between 1900 and 1990", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1971", "alias Old", NULL);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 4);
	assert_has(e, WL_PROP_NOTES, "date of birth: 1970-02-30", NULL, NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "Old", "fka", NULL);
	assert_int_equal(count(e, WL_PROP_WEAK_ALIAS), 0);
	assert_has(e, WL_PROP_GENDER, "female", NULL, NULL);
	const wl_value *v = find(e, WL_PROP_LISTING_DATE, "2001-01-25", NULL, NULL);
	assert_non_null(v);
	assert_string_equal(v->original, "2001-01-25-05:00");
	v = find(e, WL_PROP_BIRTH_DATE, "1963-04-11", NULL, NULL);
	assert_non_null(v);
	assert_string_equal(v->original, "11 Apr. 1963");
	assert_has(e, WL_PROP_NOTES, "alias Y: circa 1970", NULL, NULL);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "X1", "Passport", NULL);
	assert_has(e, WL_PROP_NOTES, "last updated: yesterday", NULL, NULL);
	assert_has(e, WL_PROP_MODIFIED_AT, "2020-01-02", NULL, NULL);
	wl_dataset_free(ds);
	free(xml);
}

static void test_bad_dataid(void **state)
{
	const char *xml = "<CONSOLIDATED_LIST><INDIVIDUALS>\n<INDIVIDUAL>\n<DATAID>../x y</DATAID>"
	                  "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "id.xml", xml), WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "id.xml:3: DATAID: ", 18), 0);
	wl_dataset_free(ds);

	/* an empty DATAID before any text at all (found by the fuzzer: NULL + 0) */
	xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID/></INDIVIDUAL></INDIVIDUALS>"
	      "</CONSOLIDATED_LIST>";
	assert_int_equal(read_mem(&ds, "empty-id.xml", xml), WL_EINPUT);
	assert_string_equal(wl_error_last(),
	                    "empty-id.xml:1: DATAID: INDIVIDUAL record without a DATAID");
	wl_dataset_free(ds);
}

/* Encoding errors come from libxml2's encoding layer: reported, never printed. */
static void test_encoding_errors(void **state)
{
	const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<CONSOLIDATED_LIST/>";
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "utf16.xml", xml), WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "utf16.xml:", 10), 0);
	wl_dataset_free(ds);
	xml = "<?xml version=\"1.0\" encoding=\"no-such-charset\"?>\n<CONSOLIDATED_LIST/>";
	assert_int_equal(read_mem(&ds, "charset.xml", xml), WL_EINPUT);
	wl_dataset_free(ds);
	/* Latin-1 declared and used is fine: it arrives as UTF-8 */
	xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<CONSOLIDATED_LIST><INDIVIDUALS>"
	      "<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>Jos\xe9</FIRST_NAME></INDIVIDUAL>"
	      "</INDIVIDUALS></CONSOLIDATED_LIST>";
	assert_int_equal(read_mem(&ds, "latin1.xml", xml), WL_OK);
	assert_has(wl_dataset_find(ds, "un-1"), WL_PROP_NAME, "Jos\xc3\xa9", NULL, NULL);
	wl_dataset_free(ds);
}

/* ---- sniffing ---- */

static int sniff(const char *head)
{
	return wl_reader_un_xml.sniff("x", head, strlen(head));
}

static void test_sniff(void **state)
{
	assert_true(sniff_file(&wl_reader_un_xml, UN_LIST) > 50);
	assert_true(
	    sniff("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n<CONSOLIDATED_LIST>") > 50);
	assert_true(sniff("<CONSOLIDATED_LIST/>") > 50);
	assert_int_equal(sniff("<CONSOLIDATED_LISTS>"), WL_SNIFF_NO);
	assert_int_equal(sniff("<?xml version=\"1.0\"?><sdnList>"), WL_SNIFF_NO);
	assert_int_equal(sniff("<?xml version=\"1.0\"?"), WL_SNIFF_NO);
	assert_int_equal(sniff("<CONSOLIDATED_LIST"), WL_SNIFF_NO);
	assert_int_equal(sniff("Ent_num,SDN_Name,SDN_Type"), WL_SNIFF_NO);
	assert_int_equal(sniff(""), WL_SNIFF_NO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_source),
	    cmocka_unit_test(test_person_names_and_aliases),
	    cmocka_unit_test(test_person_facts),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_places),
	    cmocka_unit_test(test_documents_and_alias_facts),
	    cmocka_unit_test(test_entity),
	    cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_truncated_message),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_text_cap),
	    cmocka_unit_test(test_odd_values),
	    cmocka_unit_test(test_bad_dataid),
	    cmocka_unit_test(test_encoding_errors),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
