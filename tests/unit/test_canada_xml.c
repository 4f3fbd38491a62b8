/*
 * test_canada_xml.c - the Canadian sanctions list reader on the bundled list and on broken input.
 *
 * The bundled list (data/lists/canada/cannada.xml, 4,759 records) is read
 * once; the tests check real records against what the file says: a person
 * with given and last names, aliases in Latin and Cyrillic script split
 * from the list's free text, every form of date the list writes, a ship,
 * an entity without a schedule, a title. The counts by schema are those of
 * a python3 survey of the file (EntityOrShip with ShipIMONumber or
 * TitleOrShip: Vessel; other EntityOrShip: Organization; else Person), and
 * the ids made from Country, Schedule and Item are unique. Broken files
 * (tests/fixtures/canada/) must fail with WL_EINPUT and a message naming
 * file, line and element. Run from the repository root.
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
#include "sources/canada_xml.h"
#include "sources/reader.h"

#define CA_LIST  "data/lists/canada/cannada.xml"
#define FIXTURES "tests/fixtures/canada/"

static wl_dataset *ca; /* the bundled list, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(ca, id);
}

static int read_mem(wl_dataset **ds, const char *name, const char *xml)
{
	assert_int_equal(wl_dataset_new(ds), WL_OK);
	return wl_canada_xml_read_mem(*ds, name, xml, strlen(xml), NULL);
}

/* A list of one record holding body. */
static char *one_record(const char *body)
{
	char *s = NULL;
	int n = asprintf(&s,
	                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<data-set>\n<record>\n%s\n"
	                 "</record>\n</data-set>\n",
	                 body);
	assert_true(n > 0);
	return s;
}

static int setup(void **state)
{
	return read_fixture(&wl_reader_canada_xml, CA_LIST, &ca);
}

static int teardown(void **state)
{
	wl_dataset_free(ca);
	return 0;
}

/* ---- the bundled list ---- */

/* Counts from: python3 -c 'import xml.etree.ElementTree as ET; ...' (see the header). */
static void test_counts(void **state)
{
	size_t n[WL_SCHEMA_COUNT] = {0};
	for (size_t i = 0; i < ca->nentities; i++)
		n[ca->entities[i]->schema]++;
	assert_int_equal(n[WL_SCHEMA_PERSON], 3334);
	assert_int_equal(n[WL_SCHEMA_ORGANIZATION], 1316);
	assert_int_equal(n[WL_SCHEMA_VESSEL], 109);
	assert_int_equal(ca->nentities, 4759); /* one entity per record: the ids are unique */
}

static void test_source(void **state)
{
	assert_int_equal(ca->nsources, 1);
	const wl_source *s = &ca->sources[0];
	assert_string_equal(s->name, "ca_dfatd_sema_sanctions");
	assert_string_equal(s->format, "canada_xml");
	assert_string_equal(s->publisher, "Global Affairs Canada");
	assert_null(s->list_date); /* the file states none */
	assert_non_null(strstr(s->licence, "Open Government Licence"));
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, CA_LIST);
	assert_string_equal(s->files[0].role, "list");
	assert_int_equal(s->files[0].bytes, 1454056);
}

/* Record 1: Belarus, Schedule 1, Part 1, Item 1. */
static void test_person(void **state)
{
	wl_entity *e = entity("ca-sema-belarus-1-part-1-1");
	assert_string_equal(e->source_id, "belarus-1-part-1-1");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(wl_entity_caption(e), "Khazalbek Bakhtibekovich Atabekov");
	assert_has(e, WL_PROP_FIRST_NAME, "Khazalbek Bakhtibekovich", NULL, ANY);
	assert_has(e, WL_PROP_LAST_NAME, "Atabekov", NULL, ANY);
	assert_has(e, WL_PROP_PROGRAM, "Belarus / Bélarus", "Schedule 1, Part 1, item 1", ANY);
	assert_has(e, WL_PROP_LISTING_DATE, "2020-09-28", NULL, ANY);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, ANY);
	/* the regime is no nationality */
	assert_int_equal(count(e, WL_PROP_COUNTRY) + count(e, WL_PROP_NATIONALITY), 0);
	for (size_t i = 0; i < e->nvalues; i++) {
		assert_string_equal(e->values[i].record, "belarus-1-part-1-1");
		assert_int_equal(e->values[i].source, e->source);
	}
}

/* Aliases: Latin and Cyrillic names with language labels, kept with the list's wording. */
static void test_aliases(void **state)
{
	wl_entity *e = entity("ca-sema-belarus-1-part-1-99");
	assert_string_equal(wl_entity_caption(e), "Ruslan Khikmetavich MASHADZIYEU");
	assert_has(e, WL_PROP_ALIAS, "Ruslan Khikmetavich MASHADZEOU", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Ruslan Chikmetovič MAŠADZEV", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Mashadiyev Ruslan Khikmetovich", NULL, ANY);
	const wl_value *v =
	    find(e, WL_PROP_ALIAS, "Руслан Хiкметовiч МАШАДЗЕЎ", "original script", ANY);
	assert_non_null(v);
	assert_non_null(strstr(v->original, "Belarusian: Руслан Хiкметовiч МАШАДЗЕЎ, Russian:"));
	assert_has(e, WL_PROP_ALIAS, "Руслан Хикметович МАШАДИЕВ", "original script", ANY);
	assert_int_equal(count(e, WL_PROP_ALIAS), 6);

	/* "; " and an inline label "Arabic:" */
	e = entity("ca-sema-sudan-part-1-1");
	assert_has(e, WL_PROP_ALIAS, "Abdul Rahim Dagalo", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Abdelrahim Hamdan Dagalo Mousa", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "عبدالرحيم دقلو", "original script", ANY);
	assert_int_equal(count(e, WL_PROP_ALIAS), 5);

	/* an entity's legal form stays with its name */
	e = entity("ca-sema-russia-1-part-2-658");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_has(e, WL_PROP_ALIAS, "VSC", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "VSK", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Восточная Стивидорная Компания, ООО", "original script", ANY);
	assert_has(e, WL_PROP_ALIAS, "ООО “ВСК”", "original script", ANY);
	assert_int_equal(count(e, WL_PROP_ALIAS), 4);

	e = entity("ca-sema-russia-1-part-2-74");
	assert_has(e, WL_PROP_ALIAS, "Сбербанк", "original script", ANY);
	/* an entity's one word is a strong alias */
	assert_has(e, WL_PROP_ALIAS, "Sber", NULL, ANY);

	/* a person's one-word alias is weak */
	e = entity("ca-sema-russia-1-part-1-115");
	assert_has(e, WL_PROP_WEAK_ALIAS, "Sergei", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Serhii SHERBAKOV", NULL, ANY);

	/* a single alias keeps no original: it is the list's text */
	e = entity("ca-sema-russia-1-part-2-641");
	v = find(e, WL_PROP_ALIAS, "Pobeda Airlines", NULL, ANY);
	assert_non_null(v);
	assert_null(v->original);
}

/* Every form of date the list writes. */
static void test_dates(void **state)
{
	wl_entity *e = entity("ca-sema-iran-1-part-2-1-107"); /* "1963 or 1964" */
	const wl_value *v = find(e, WL_PROP_BIRTH_DATE, "1963", NULL, ANY);
	assert_non_null(v);
	assert_string_equal(v->original, "1963 or 1964");
	assert_has(e, WL_PROP_BIRTH_DATE, "1964", NULL, ANY);

	e = entity("ca-sema-iran-1-part-2-1-70"); /* "1963-1964" */
	assert_has(e, WL_PROP_BIRTH_DATE, "1963", "between 1963 and 1964", ANY);
	assert_has(e, WL_PROP_BIRTH_DATE, "1964", "between 1963 and 1964", ANY);
	assert_has(e, WL_PROP_ALIAS, "حبیب شاهسواری", "original script", ANY);

	e = entity(
	    "ca-sema-justice-for-victims-of-corrupt-foreign-officials-regulations-jvcfor-54");
	assert_has(e, WL_PROP_BIRTH_DATE, "1972-08-10", NULL, ANY);
	assert_has(e, WL_PROP_BIRTH_DATE, "1972-08-11", NULL, ANY);

	e = entity("ca-sema-sudan-part-1-2"); /* " 1953-10-27" */
	v = find(e, WL_PROP_BIRTH_DATE, "1953-10-27", NULL, ANY);
	assert_non_null(v);
	assert_null(v->original);

	e = entity("ca-sema-belarus-1-part-1-2"); /* a year */
	assert_has(e, WL_PROP_BIRTH_DATE, "1972", NULL, ANY);

	/* no dates: kept as notes */
	e = entity("ca-sema-sudan-part-1-1");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 0);
	assert_has(e, WL_PROP_NOTES, "date of birth: born in the early 1970s", NULL, ANY);
	e = entity("ca-sema-russia-1-part-1-1114");
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 0);
	assert_has(e, WL_PROP_NOTES, "date of birth: Sep-99", NULL, ANY);
}

static void test_vessel(void **state)
{
	wl_entity *e = entity("ca-sema-russia-1-1-1");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_string_equal(wl_entity_caption(e), "Balitiyskiy III");
	assert_has(e, WL_PROP_IMO_NUMBER, "7612448", NULL, ANY);
	assert_has(e, WL_PROP_VESSEL_TYPE, "General Cargo / Multi Purpose", NULL, ANY);
	assert_has(e, WL_PROP_BUILD_DATE, "1980", NULL, ANY);
	assert_has(e, WL_PROP_PROGRAM, "Russia / Russie", "Schedule 1.1, item 1", ANY);
	assert_has(e, WL_PROP_LISTING_DATE, "2025-02-21", NULL, ANY);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE) + count(e, WL_PROP_TITLE), 0);
}

/* Other shapes: no schedule, a no-break space, one name, a title, a name over two lines. */
static void test_other_records(void **state)
{
	wl_entity *e = entity("ca-sema-zimbabwe-74");
	assert_string_equal(wl_entity_caption(e), "ZIDCO Holdings");
	assert_has(e, WL_PROP_PROGRAM, "Zimbabwe", "item 74", ANY);

	e = entity("ca-sema-myanmar-burma-part-2-24");
	assert_string_equal(wl_entity_caption(e), "Thaung");
	assert_has(e, WL_PROP_LAST_NAME, "Thaung", NULL, ANY);
	assert_int_equal(count(e, WL_PROP_FIRST_NAME), 0);

	e = entity("ca-sema-syria-part-2-84");
	assert_string_equal(wl_entity_caption(e), "Ali Barakat");
	assert_has(e, WL_PROP_TITLE, "Brigadier", NULL, ANY);

	e = entity("ca-sema-belarus-1-part-3-2"); /* Schedule "1,Part 3" */
	assert_string_equal(wl_entity_caption(e),
	                    "Open Joint Stock Company \"Minsk Electrotechnical Plant named after "
	                    "V.I. Kozlov\"");
	assert_non_null(wl_dataset_find(ca, "ca-sema-belarus-1-part-3-1")); /* "1, Part 3" */

	e = entity("ca-sema-venezuela-1");
	assert_has(e, WL_PROP_PROGRAM, "Venezuela", "item 1", ANY); /* "Venezuela " trimmed */
}

/* Over the whole list: names, program, topics, ISO dates, provenance. */
static void test_invariants(void **state)
{
	for (size_t i = 0; i < ca->nentities; i++) {
		const wl_entity *e = ca->entities[i];
		assert_non_null(wl_entity_first(e, WL_PROP_NAME));
		assert_non_null(wl_entity_first(e, WL_PROP_PROGRAM));
		assert_non_null(wl_entity_first(e, WL_PROP_LISTING_DATE));
		assert_non_null(find(e, WL_PROP_TOPICS, "sanction", NULL, ANY));
		assert_int_equal(strncmp(e->id, "ca-sema-", 8), 0);
		assert_string_equal(e->id + 8, e->source_id);
		for (size_t k = 0; k < e->nvalues; k++) {
			const wl_value *v = &e->values[k];
			assert_string_equal(v->record, e->source_id);
			if (wl_prop_kind_of(v->prop) == WL_KIND_DATE && !iso_date(v->text))
				fail_msg("%s: %s \"%s\" is no ISO date", e->id,
				         wl_prop_name(v->prop), v->text);
			if (wl_prop_kind_of(v->prop) == WL_KIND_COUNTRY)
				fail_msg("%s: %s set", e->id, wl_prop_name(v->prop));
			if (wl_prop_is_name(v->prop) && strstr(v->text, "\xC2\xA0"))
				fail_msg("%s: no-break space in \"%s\"", e->id, v->text);
		}
	}
}

static void test_record_id(void **state)
{
	char id[64];
	assert_true(wl_canada_record_id("Belarus / Bélarus", "1, Part 1", "1", id, sizeof(id)));
	assert_string_equal(id, "belarus-1-part-1-1");
	assert_true(wl_canada_record_id("Belarus / Bélarus", "1,Part 3", "2", id, sizeof(id)));
	assert_string_equal(id, "belarus-1-part-3-2");
	assert_true(wl_canada_record_id("Venezuela ", NULL, "12", id, sizeof(id)));
	assert_string_equal(id, "venezuela-12");
	assert_true(wl_canada_record_id("Myanmar (Burma) / Myanmar (Birmanie)", "Part 2", "24", id,
	                                sizeof(id)));
	assert_string_equal(id, "myanmar-burma-part-2-24");
	assert_false(wl_canada_record_id("Belarus", "1", "", id, sizeof(id)));
	assert_false(wl_canada_record_id(" / Bélarus", "1", "1", id, sizeof(id)));
	assert_false(wl_canada_record_id("Belarus", NULL, NULL, id, sizeof(id)));
	assert_false(wl_canada_record_id("Belarus", "1, Part 1", "1", id, 8)); /* does not fit */
}

/* ---- broken files ---- */

static void test_broken_files(void **state)
{
	expect_input_error(&wl_reader_canada_xml, FIXTURES "truncated.xml", ":24", "Aliases");
	assert_non_null(strstr(wl_error_last(), "truncated"));
	expect_input_error(&wl_reader_canada_xml, FIXTURES "broken_tag.xml", ":6", "GivenName");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "bad_utf8.xml", ":13", "LastName");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "missing_item.xml", ":11", "Item");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "no_name.xml", ":3", "LastName");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "wrong_root.xml", ":2", "dataset");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "doctype.xml", "", "DOCTYPE");
	expect_input_error(&wl_reader_canada_xml, FIXTURES "duplicate_id.xml", ":25", "Item");
	assert_non_null(strstr(wl_error_last(), "\"belarus-1-part-3-2\""));
	assert_non_null(strstr(wl_error_last(), "line 11"));

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_canada_xml.read(ds, FIXTURES "no-such-file.xml"), WL_EIO);
	wl_dataset_free(ds);
}

/* ---- memory, sniffing, odd values ---- */

static void test_memory(void **state)
{
	size_t len;
	char *buf = slurp(FIXTURES "valid_small.xml", &len);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int source = -2;
	assert_int_equal(wl_canada_xml_read_mem(ds, "small.xml", buf, len, &source), WL_OK);
	assert_int_equal(source, 0);
	assert_int_equal(ds->nentities, 17);
	assert_int_equal(ds->sources[0].nfiles, 0);
	assert_non_null(wl_dataset_find(ds, "ca-sema-belarus-1-part-1-1"));
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_canada_xml_read_mem(ds, "mem.xml", buf, len / 2, NULL), WL_EINPUT);
	assert_int_equal(strncmp(wl_error_last(), "mem.xml:", 8), 0);
	assert_non_null(strstr(wl_error_last(), "truncated"));
	wl_dataset_free(ds);

	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_canada_xml_read_mem(ds, "empty.xml", NULL, 0, &source), WL_EINPUT);
	assert_int_equal(source, -1);
	wl_dataset_free(ds);
	free(buf);
}

static void test_sniff(void **state)
{
	assert_true(sniff_file(&wl_reader_canada_xml, CA_LIST) > 0);
	assert_int_equal(sniff_file(&wl_reader_canada_xml, "data/lists/un/UN_consolidated.xml"),
	                 WL_SNIFF_NO);
	const char *other =
	    "<?xml version=\"1.0\"?>\n<data-set><record><a>1</a></record></data-set>";
	assert_int_equal(wl_reader_canada_xml.sniff("x.xml", other, strlen(other)), WL_SNIFF_NO);
	const char *eu = "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity/>";
	assert_int_equal(wl_reader_canada_xml.sniff("x.xml", eu, strlen(eu)), WL_SNIFF_NO);
	assert_int_equal(wl_reader_canada_xml.sniff("x.xml", "", 0), WL_SNIFF_NO);
}

/* Fields out of place, repeated or unknown are kept as notes; odd text is read as text. */
static void test_odd_values(void **state)
{
	char *xml = one_record(
	    "<Country>Ukraine</Country><LastName>A<![CDATA[&B]]></LastName><GivenName/>"
	    "<LastName>Second</LastName><ShipIMONumber>1234567</ShipIMONumber>"
	    "<Remarks><b>bold</b> text</Remarks><Item>7</Item><Schedule>Part 1</Schedule>"
	    "<Aliases>also Ivan Ivanov, (Иван Иванов / Ivan</Aliases>"
	    "<DateOfBirthOrShipBuildDate>1970-02-30 or 1971</DateOfBirthOrShipBuildDate>"
	    "<DateOfListing>28.09.2020</DateOfListing>");
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "odd.xml", xml), WL_OK);
	wl_entity *e = wl_dataset_find(ds, "ca-sema-ukraine-part-1-7");
	assert_non_null(e);
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(wl_entity_caption(e), "A&B");
	assert_has(e, WL_PROP_NOTES, "LastName: Second", NULL, ANY);
	assert_has(e, WL_PROP_NOTES, "ShipIMONumber: 1234567", NULL, ANY);
	assert_has(e, WL_PROP_NOTES, "Remarks: bold text", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Ivan Ivanov", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "Иван Иванов", "original script", ANY);
	assert_has(e, WL_PROP_WEAK_ALIAS, "Ivan", NULL, ANY);
	assert_has(e, WL_PROP_BIRTH_DATE, "1971", NULL, ANY);
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 1);
	assert_has(e, WL_PROP_NOTES, "date of birth: 1970-02-30 or 1971", NULL, ANY);
	assert_has(e, WL_PROP_NOTES, "date of listing: 28.09.2020", NULL, ANY);
	wl_dataset_free(ds);
	free(xml);

	/* names of a person on an entity, and a ship without an IMO number */
	xml = one_record("<Country>Russia / Russie</Country><EntityOrShip>Ship A</EntityOrShip>"
	                 "<TitleOrShip>Tanker</TitleOrShip><GivenName>Ivan</GivenName>"
	                 "<DateOfBirthOrShipBuildDate>2001</DateOfBirthOrShipBuildDate>"
	                 "<Schedule>1.1</Schedule><Item>200</Item>");
	assert_int_equal(read_mem(&ds, "ship.xml", xml), WL_OK);
	e = wl_dataset_find(ds, "ca-sema-russia-1-1-200");
	assert_non_null(e);
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_has(e, WL_PROP_VESSEL_TYPE, "Tanker", NULL, ANY);
	assert_has(e, WL_PROP_BUILD_DATE, "2001", NULL, ANY);
	assert_has(e, WL_PROP_NOTES, "GivenName: Ivan", NULL, ANY);
	wl_dataset_free(ds);
	free(xml);

	/* an entity's date of birth is a note */
	xml = one_record("<Country>Iran</Country><EntityOrShip>Co</EntityOrShip>"
	                 "<DateOfBirthOrShipBuildDate>2001</DateOfBirthOrShipBuildDate>"
	                 "<Item>3</Item>");
	assert_int_equal(read_mem(&ds, "org.xml", xml), WL_OK);
	e = wl_dataset_find(ds, "ca-sema-iran-3");
	assert_non_null(e);
	assert_has(e, WL_PROP_NOTES, "DateOfBirthOrShipBuildDate: 2001", NULL, ANY);
	wl_dataset_free(ds);
	free(xml);
}

static void test_text_cap(void **state)
{
	size_t n = 40000;
	char *body = malloc(n + 64);
	assert_non_null(body);
	strcpy(body, "<Country>Iran</Country><Item>1</Item>\n<Aliases>");
	size_t at = strlen(body);
	memset(body + at, 'A', n);
	strcpy(body + at + n, "</Aliases>");
	char *xml = one_record(body);
	wl_dataset *ds;
	assert_int_equal(read_mem(&ds, "long.xml", xml), WL_EINPUT);
	assert_non_null(strstr(wl_error_last(), "long.xml:5: Aliases: text longer than"));
	wl_dataset_free(ds);
	free(xml);
	free(body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts),        cmocka_unit_test(test_source),
	    cmocka_unit_test(test_person),        cmocka_unit_test(test_aliases),
	    cmocka_unit_test(test_dates),         cmocka_unit_test(test_vessel),
	    cmocka_unit_test(test_other_records), cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_record_id),     cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),        cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_odd_values),    cmocka_unit_test(test_text_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
