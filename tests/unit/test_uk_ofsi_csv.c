/*
 * test_uk_ofsi_csv.c - the OFSI consolidated list (ConList.csv) reader on realistic and broken
 * input.
 *
 * The fixture tests/fixtures/uk/ConList.csv (made by make-fixtures there
 * from real names) holds the same 38 designations as the FCDO fixture, in
 * OFSI's layout: one row per name, grouped by Group ID, numbered cells,
 * labelled parts in Other Information, more rows for more dates of birth
 * and addresses. The tests check groups by Group ID (names of every Alias
 * Type and Quality, non-Latin names, every date-of-birth form, paired
 * passports and places of birth, entity and ship details), that each group
 * and its FCDO designation name each other (sameAs both ways) and cite the
 * same UN reference, a Windows-1252 file, a file with its columns in
 * another order, and malformed files, whose messages must name file, line
 * and column. Run from the repository root.
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
#include "sources/uk_ofsi_csv.h"
#include "text/countries.h"

#define CONLIST  "tests/fixtures/uk/ConList.csv"
#define UK_LIST  "tests/fixtures/uk/UK_Sanctions_List.xml"
#define FIXTURES "tests/fixtures/uk/"

static wl_dataset *hmt; /* the fixture, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(hmt, id);
}

static const char header[] =
    "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script "
    "Type,Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport "
    "Number,Passport Details,National Identification Number,National Identification "
    "Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip "
    "Code,Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,UK "
    "Sanctions List Date Designated,Last Updated,Group ID\r\n";

/* Reads a list held in memory into a fresh dataset; returns the reader's code. */
static int read_mem(wl_dataset **ds, const char *name, const char *csv)
{
	assert_int_equal(wl_dataset_new(ds), WL_OK);
	return wl_uk_ofsi_csv_read_mem(*ds, name, csv, strlen(csv), NULL);
}

/* A list with the full header and the given rows. */
static char *with_rows(const char *rows)
{
	char *s = NULL;
	int n = asprintf(&s, "Last Updated,28/01/2026\r\n%s%s", header, rows);
	assert_true(n > 0);
	return s;
}

static int setup(void **state)
{
	return read_fixture(&wl_reader_uk_ofsi_csv, CONLIST, &hmt);
}

static int teardown(void **state)
{
	wl_dataset_free(hmt);
	return 0;
}

/* ---- the fixture ---- */

static void test_source_and_counts(void **state)
{
	assert_int_equal(hmt->nsources, 1);
	const wl_source *s = &hmt->sources[0];
	assert_string_equal(s->name, "gb_hmt_sanctions");
	assert_string_equal(
	    s->title, "UK HM Treasury (OFSI) Consolidated List of Financial Sanctions Targets");
	assert_string_equal(s->publisher,
	                    "HM Treasury, Office of Financial Sanctions Implementation");
	assert_string_equal(s->format, "uk_ofsi_csv");
	assert_string_equal(s->list_date, "2026-01-28");
	assert_string_equal(s->licence, "Open Government Licence v3.0");
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, CONLIST);
	assert_string_equal(s->files[0].role, "list");

	size_t schemas[WL_SCHEMA_COUNT] = {0};
	for (size_t i = 0; i < hmt->nentities; i++)
		schemas[hmt->entities[i]->schema]++;
	assert_int_equal(hmt->nentities, 38);
	assert_int_equal(schemas[WL_SCHEMA_PERSON], 28);
	assert_int_equal(schemas[WL_SCHEMA_ORGANIZATION], 9);
	assert_int_equal(schemas[WL_SCHEMA_VESSEL], 1);
}

/* Group 14200, PUTIN: the primary name row, a variation, the Cyrillic name, Other Information. */
static void test_uk_person(void **state)
{
	wl_entity *e = entity("gb-hmt-14200");
	assert_string_equal(e->source_id, "14200");
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
	assert_has(e, WL_PROP_PROGRAM, "Russia", NULL, NULL);
	assert_original(e, WL_PROP_LISTING_DATE, "2022-02-25", "25/02/2022");
	assert_has(e, WL_PROP_LISTING_DATE, "2022-02-25", "UK Sanctions List date designated",
	           NULL);
	assert_has(e, WL_PROP_MODIFIED_AT, "2025-04-14", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, NULL);
	assert_true(has_containing(e, WL_PROP_NOTES, "UK statement of reasons: President of"));
	const wl_link *l = find_link(e, "sameAs", "gb-fcdo-RUS0251", NULL);
	assert_non_null(l);
	assert_string_equal(l->detail, "UK Sanctions List Ref RUS0251");
	for (size_t i = 0; i < e->nvalues; i++)
		assert_string_equal(e->values[i].record, "14200");
}

/* UN groups: the UN reference, aliases by quality, paired passports, rows per date and address. */
static void test_un_groups(void **state)
{
	wl_entity *e = entity("gb-hmt-8021"); /* KASKAR */
	assert_has(e, WL_PROP_UNSC_ID, "QDi.135", NULL, NULL);
	assert_non_null(find_link(e, "sameAs", "gb-fcdo-AQD0069", NULL));
	assert_true(has_containing(e, WL_PROP_NOTES, "Father’s name is Sheikh Ibrahim Ali Kaskar"));
	assert_has(e, WL_PROP_ALIAS, "Dawood Ebrahim", "Good", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Bada Bhai", "Low", NULL);
	assert_int_equal(count(e, WL_PROP_WEAK_ALIAS), 9);
	assert_int_equal(count(e, WL_PROP_PASSPORT_NUMBER), 14);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "A-333602",
	           "(India) issued 04/06/1985 in Bombay passport subsequently revoked by the "
	           "Government of India",
	           "in");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "G866537",
	           "(Pakistan) issued 12/08/1991 in Rawalpindi MISUSE", "pk");
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "KC-285901", NULL, NULL);
	assert_false(has_containing(e, WL_PROP_NOTES, "passport details"));
	assert_int_equal(count(e, WL_PROP_ADDRESS), 3); /* one per row */
	assert_has(e, WL_PROP_NATIONALITY, "in", NULL, NULL);

	e = entity("gb-hmt-13297"); /* CHATAEV */
	assert_has(e, WL_PROP_UNSC_ID, "QDi.365", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Ахмед Ражапович Чатаев", "original script", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Odnorukiy", "Low", NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "9600133195", ANY, "ru");

	e = entity("gb-hmt-16460"); /* WUHAN XRZ: Other Information's entity parts */
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_ALIAS, "Wuhan XRZ", "Good", NULL);
	assert_has(e, WL_PROP_ALIAS, "武汉晓睿智科技有限责任公司", "original script", NULL);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "91420100551956105K", NULL, NULL);
	assert_has(e, WL_PROP_LEGAL_FORM, "Limited company", NULL, NULL);
	assert_has(e, WL_PROP_PHONE, "+86 27 8765 4321", NULL, NULL);
	assert_has(e, WL_PROP_WEBSITE, "www.whxrz.com", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_FIRST_NAME), 0);
}

/* Every date-of-birth form, and places of birth numbered with one country. */
static void test_birth_dates(void **state)
{
	wl_entity *e = entity("gb-hmt-13274"); /* KONY: ten rows of dates */
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 10);
	assert_original(e, WL_PROP_BIRTH_DATE, "1961-08", "00/08/1961");
	assert_original(e, WL_PROP_BIRTH_DATE, "1964-09-18", "18/09/1964");
	assert_original(e, WL_PROP_BIRTH_DATE, "1959", "00/00/1959");
	assert_int_equal(count(e, WL_PROP_BIRTH_PLACE), 3);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Odek, Omoro, Gulu, Uganda", NULL, "ug");
	assert_has(e, WL_PROP_BIRTH_PLACE, "Atyak, Uganda", NULL, "ug");

	e = entity("gb-hmt-12701"); /* TOKHI: "dd/mm/1964" */
	assert_original(e, WL_PROP_BIRTH_DATE, "1964", "dd/mm/1964");
	e = entity("gb-hmt-12813"); /* KAINA: "00/11/1973" */
	assert_original(e, WL_PROP_BIRTH_DATE, "1973-11", "00/11/1973");
	e = entity("gb-hmt-7173"); /* MAZLOOM: six years */
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 6);

	e = entity("gb-hmt-16702"); /* KHOROSHEV */
	assert_has(e, WL_PROP_WEAK_ALIAS, "LockBitSupp", "Low", NULL);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "2018278055", "(Russia)", "ru");
	assert_has(e, WL_PROP_ID_NUMBER, "366110340670", "(Russia) tax identification number",
	           "ru");
	assert_has(e, WL_PROP_EMAIL, "khoroshev1@icloud.com", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "sitedev5@yandex.ru", NULL, NULL);
}

/* Group 13572, PETREL 8: the ship's details from Other Information. */
static void test_vessel(void **state)
{
	wl_entity *e = entity("gb-hmt-13572");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_string_equal(wl_entity_caption(e), "PETREL 8");
	assert_original(e, WL_PROP_IMO_NUMBER, "9562233", "IMO9562233");
	assert_original(e, WL_PROP_FLAG, "km", "Comoros");
	assert_has(e, WL_PROP_VESSEL_TYPE, "Bulk Carrier", NULL, NULL);
	assert_has(e, WL_PROP_TONNAGE, "7078", NULL, NULL);
	assert_has(e, WL_PROP_BUILD_DATE, "2011", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "previous flags: India", NULL, NULL);
	assert_non_null(find_link(e, "owner", NULL, "Global United Shipping India"));

	e = entity("gb-hmt-13912"); /* the GRU unit: a parent company */
	const wl_link *l = find_link(e, "owner", NULL, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "parent company");
	assert_has(e, WL_PROP_LEGAL_FORM, "Military unit", NULL, NULL);
	e = entity("gb-hmt-16752"); /* ZSERVERS: a subsidiary */
	assert_non_null(find_link(e, "subsidiary", NULL, "XHOST Internet Solutions LP"));
}

static void test_invariants(void **state)
{
	for (size_t i = 0; i < hmt->nentities; i++) {
		const wl_entity *e = hmt->entities[i];
		assert_int_equal(strncmp(e->id, "gb-hmt-", 7), 0);
		assert_string_equal(e->id + 7, e->source_id);
		assert_int_equal(count(e, WL_PROP_NAME), 1);
		assert_non_null(find(e, WL_PROP_TOPICS, "sanction", NULL, NULL));
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
			if (v->prop == WL_PROP_NOTES && v->text[0] == '(')
				fail_msg("%s: a labelled part left unread: %.60s", e->id, v->text);
		}
	}
}

/* Both UK files in one dataset: each group and designation name each other, and agree. */
static void test_both_lists(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_uk_ofsi_csv.read(ds, CONLIST), WL_OK);
	assert_int_equal(wl_reader_uk_fcdo_xml.read(ds, UK_LIST), WL_OK);
	assert_int_equal(ds->nsources, 2);
	assert_int_equal(ds->nentities, 76);
	size_t pairs = 0;
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		const wl_link *l = find_link(e, "sameAs", ANY, NULL);
		assert_non_null(l);
		const wl_entity *other = wl_dataset_find(ds, l->target);
		if (!other)
			fail_msg("%s: sameAs %s is not in the other list", e->id, l->target);
		assert_non_null(find_link(other, "sameAs", e->id, NULL));
		assert_int_equal(other->schema, e->schema);
		assert_string_equal(wl_entity_caption(other), wl_entity_caption(e));
		const wl_value *a = wl_entity_first(e, WL_PROP_UNSC_ID);
		const wl_value *b = wl_entity_first(other, WL_PROP_UNSC_ID);
		assert_true((a == NULL) == (b == NULL));
		if (a)
			assert_string_equal(a->text, b->text);
		pairs++;
	}
	assert_int_equal(pairs, 76);
	wl_dataset_free(ds);
}

/* ---- other files ---- */

static void test_windows_1252(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_uk_ofsi_csv.read(ds, FIXTURES "windows1252.csv"), WL_OK);
	wl_entity *e = entity_in(ds, "gb-hmt-99999");
	assert_string_equal(wl_entity_caption(e), "José SCHRÖDER");
	assert_has(e, WL_PROP_BIRTH_PLACE, "Göteborg, Sweden", NULL, "se");
	assert_has(e, WL_PROP_POSITION, "Directeur général – façade", NULL, NULL);
	assert_original(e, WL_PROP_BIRTH_DATE, "1965-05", "00/05/1965");
	assert_has(e, WL_PROP_LAST_NAME, "SCHRÖDER", NULL, NULL);
	e = entity_in(ds, "gb-hmt-14201");
	assert_has(e, WL_PROP_ALIAS, "Sergey Viktorovich LAVROV", "Good", NULL);
	wl_dataset_free(ds);
}

static void test_reordered_columns(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_uk_ofsi_csv.read(ds, FIXTURES "reordered.csv"), WL_OK);
	assert_int_equal(ds->nentities, 2);
	wl_entity *e = entity_in(ds, "gb-hmt-14200");
	assert_string_equal(wl_entity_caption(e), "Vladimir PUTIN");
	assert_has(e, WL_PROP_ALIAS, "Путин Владимир Владимирович", "original script", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1952-10-07", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	e = entity_in(ds, "gb-hmt-14201");
	assert_has(e, WL_PROP_NAME, "Sergei LAVROV", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Sergey Viktorovich LAVROV", "Good", NULL);
	wl_dataset_free(ds);
}

static void test_broken_files(void **state)
{
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_unterminated.csv", ":3",
	                   "Town of Birth");
	assert_non_null(strstr(wl_error_last(), "unterminated quote"));
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_group_id.csv", ":4", "Group ID");
	assert_non_null(strstr(wl_error_last(), "empty"));
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_extra_field.csv", ":5",
	                   "Group ID");
	assert_non_null(strstr(wl_error_last(), "37 fields, the header has 36"));
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_short_row.csv", ":5", "Address 2");
	assert_non_null(strstr(wl_error_last(), "missing: 20 of 36 fields"));
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_header.csv", ":2", "Group ID");
	expect_input_error(&wl_reader_uk_ofsi_csv, FIXTURES "bad_no_header.csv", ":2", "header");

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_uk_ofsi_csv.read(ds, FIXTURES "no-such-file.csv"), WL_EIO);
	wl_dataset_free(ds);
}

/* ---- memory ---- */

static void test_memory(void **state)
{
	FILE *f = fopen(CONLIST, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	size_t len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int source = -2;
	assert_int_equal(wl_uk_ofsi_csv_read_mem(ds, "mem.csv", buf, len, &source), WL_OK);
	assert_int_equal(source, 0);
	assert_int_equal(ds->nentities, 38);
	assert_int_equal(ds->sources[0].nfiles, 0);
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_uk_ofsi_csv_read_mem(ds, "empty.csv", "", 0, &source), WL_EINPUT);
	assert_int_equal(source, -1);
	assert_string_equal(wl_error_last(),
	                    "empty.csv:1: header: no header row: the file is empty");
	wl_dataset_free(ds);
	free(buf);
}

/* Alias types, labelled parts, numbered cells, unknown columns: what the reader makes of them. */
static void test_odd_rows(void **state)
{
	char *csv = with_rows(
	    "DOE,John,,,,,(1) Dr (2) Prof,,,,\"(1) 01/02/1970 (2) 1971 (3) 30/02/1972\","
	    "\"(1) Kabul (3) Herat\",\"(1) Afghanistan (2) Iran (3) Afghanistan\","
	    "\"(1) Afghan (2) Pakistani. (3) Narnian\",\"(1) P1 (2) P2\",(2) lost,N1,"
	    "\"(1) (Afghan) tazkira (2) other\",,\"Line \"\"1\"\"\nstill line 1\",,,,,,,,"
	    "\"(UK Sanctions List Ref):GHR0050 and BEL0045 Listed under two regimes. "
	    "(UN Ref):TAi.999 (Some New Label):kept here (Website):(1) a.example (2) b.example "
	    "(Email address):x@y.org; z@y.org (Current owner/operator (s)):Owner Co\","
	    "Individual,Primary name,,Global Human Rights,01/01/2020,00/00/2020,bad date,G1\r\n"
	    "DOE,Johnny,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,Prime Alias,,,,,,G1\r\n"
	    "DOE,J.,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,FKA,,,,,,G1\r\n"
	    "DOE,Jo,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,AKA,Low,,,,,G1\r\n"
	    "DOE,Jon,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,Nickname,,,,,,G1\r\n"
	    "\r\n"
	    ",,,,,,,,,,,,,,,,,,,,,,,,,,,,Aircraft,Primary name,,,,,,G2\r\n"
	    "JET,,,,,,,,,,,,,,,,,,,,,,,,,,,,Aircraft,Primary name,,,,,,G2\r\n");
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "odd.csv", csv), WL_OK);
	wl_entity *e = entity_in(ds, "gb-hmt-G1");
	assert_has(e, WL_PROP_NAME, "John DOE", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Johnny DOE", "prime alias", NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "J. DOE", "FKA", NULL);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Jo DOE", "Low", NULL);
	assert_has(e, WL_PROP_ALIAS, "Jon DOE", "Nickname", NULL);
	assert_has(e, WL_PROP_TITLE, "Dr", NULL, NULL);
	assert_has(e, WL_PROP_TITLE, "Prof", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1970-02-01", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1971", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "date of birth: 30/02/1972", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Kabul, Afghanistan", NULL, "af");
	assert_has(e, WL_PROP_BIRTH_PLACE, "Herat, Afghanistan", NULL, "af");
	assert_has(e, WL_PROP_BIRTH_PLACE, "Iran", NULL, "ir");
	assert_has(e, WL_PROP_NATIONALITY, "af", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "pk", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "nationality: Narnian", NULL, NULL);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "P1", NULL, NULL);
	assert_has(e, WL_PROP_PASSPORT_NUMBER, "P2", "lost", NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "N1", "(1) (Afghan) tazkira (2) other", "af");
	assert_has(e, WL_PROP_ADDRESS, "Line \"1\" still line 1", NULL, NULL);
	assert_non_null(find_link(e, "sameAs", "gb-fcdo-GHR0050", NULL));
	assert_non_null(find_link(e, "sameAs", "gb-fcdo-BEL0045", NULL));
	assert_has(e, WL_PROP_NOTES, "Listed under two regimes.", NULL, NULL);
	assert_has(e, WL_PROP_UNSC_ID, "TAi.999", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Some New Label: kept here", NULL, NULL);
	assert_has(e, WL_PROP_WEBSITE, "a.example", NULL, NULL);
	assert_has(e, WL_PROP_WEBSITE, "b.example", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "x@y.org", NULL, NULL);
	assert_has(e, WL_PROP_EMAIL, "z@y.org", NULL, NULL);
	assert_non_null(find_link(e, "owner", NULL, "Owner Co"));
	assert_has(e, WL_PROP_PROGRAM, "Global Human Rights", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2020-01-01", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2020", "UK Sanctions List date designated", NULL);
	assert_has(e, WL_PROP_NOTES, "last updated: bad date", NULL, NULL);

	e = entity_in(ds, "gb-hmt-G2");
	assert_int_equal(e->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_has(e, WL_PROP_NOTES, "group type: Aircraft", NULL, NULL);
	assert_has(e, WL_PROP_NAME, "JET", NULL, NULL);
	wl_dataset_free(ds);
	free(csv);

	/* no banner, a byte-order mark, LF line ends, an unknown column, a DOS end-of-file */
	const char *plain = "\xEF\xBB\xBFName 6,Group ID,Colour,Group Type\n"
	                    "ACME,7,blue,Entity\n\x1A";
	assert_int_equal(read_mem(&ds, "plain.csv", plain), WL_OK);
	assert_null(ds->sources[0].list_date);
	e = entity_in(ds, "gb-hmt-7");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_NAME, "ACME", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Colour: blue", NULL, NULL);
	wl_dataset_free(ds);
}

static void test_bad_rows(void **state)
{
	wl_dataset *ds;
	char *csv = with_rows(",,,,,,,,,,,,,,,,,,,,,,,,,,,,Entity,Primary name,,,,,,../x\r\n");
	assert_int_equal(read_mem(&ds, "id.csv", csv), WL_EINPUT);
	assert_string_equal(wl_error_last(), "id.csv:3: Group ID: not a group id: \"../x\"");
	wl_dataset_free(ds);
	free(csv);

	const char nul[] = "Name 6,Group ID\nA\0B,1\n";
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_uk_ofsi_csv_read_mem(ds, "nul.csv", nul, sizeof(nul) - 1, NULL),
	                 WL_EINPUT);
	assert_string_equal(wl_error_last(), "nul.csv:2: a NUL byte: not a text file");
	wl_dataset_free(ds);

	assert_int_equal(read_mem(&ds, "quote.csv", "Name 6,Group ID\n\"A\"B,1\n"), WL_EINPUT);
	assert_string_equal(wl_error_last(), "quote.csv:2: Name 6: text after the closing quote");
	wl_dataset_free(ds);
}

/* ---- sniffing ---- */

static void test_sniff(void **state)
{
	const char *conlist =
	    "Last Updated,28/01/2026\r\nName 6,Name 1,Name 2,Group Type,Group ID\r\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", conlist, strlen(conlist)), 95);
	const char *bare = "\xEF\xBB\xBF\"Name 6\",\"Group ID\"\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", bare, strlen(bare)), 95);
	/* the FCDO's own CSV names its column "OFSI Group ID" */
	const char *fcdo_csv = "Report Date: 27-Feb-2026\r\n"
	                       "Last Updated,Unique ID,OFSI Group ID,Name 6,Name 1\r\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", fcdo_csv, strlen(fcdo_csv)), 0);
	const char *ofac = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- \r\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", ofac, strlen(ofac)), 0);
	const char *xml = "<?xml version=\"1.0\"?>\n<Designations>\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", xml, strlen(xml)), 0);
	assert_int_equal(wl_reader_uk_fcdo_xml.sniff("x", conlist, strlen(conlist)), 0);
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", "", 0), 0);
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", "Last Updated,1\r\n", 15), 0);
	/* a banner alone (a truncated file): claimed, less surely */
	const char *banner = "Last Updated,28/01/2026\r\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", banner, strlen(banner)), 60);
	const char *bad = "Last Updated,28/01/2026\r\nName,Id\r\n";
	assert_int_equal(wl_reader_uk_ofsi_csv.sniff("x", bad, strlen(bad)), 60);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_source_and_counts),
	    cmocka_unit_test(test_uk_person),
	    cmocka_unit_test(test_un_groups),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_vessel),
	    cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_both_lists),
	    cmocka_unit_test(test_windows_1252),
	    cmocka_unit_test(test_reordered_columns),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_odd_rows),
	    cmocka_unit_test(test_bad_rows),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
