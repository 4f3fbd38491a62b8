/*
 * test_inhouse_csv.c - the in-house list reader on the documented example and broken lists.
 *
 * tests/fixtures/inhouse/example_bank.csv is the example of
 * docs/inhouse-lists.md: 15 rows of two lists (the file's own and "Fraud
 * watch"), every schema, names in Cyrillic, Chinese, Persian, Greek and
 * Korean, several aliases, every date form, identifiers of known and
 * unknown types, an unknown country, quoted fields with commas, quotes and
 * a line break, and a column the layout does not define. The broken
 * variants next to it must fail with file, line and column. Run from the
 * repository root.
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
#include "sources/inhouse_csv.h"
#include "sources/reader.h"

#define FIXTURES "tests/fixtures/inhouse/"
#define EXAMPLE  FIXTURES "example_bank.csv"

static wl_dataset *example; /* the example, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(example, id);
}

static int setup(void **state)
{
	(void)state;
	return read_fixture(&wl_reader_inhouse_csv, EXAMPLE, &example) == WL_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	wl_dataset_free(example);
	return 0;
}

/* ---- the example ---- */

static void test_counts_and_sources(void **state)
{
	(void)state;
	assert_int_equal(example->nentities, 15);
	assert_int_equal(example->nsources, 2);
	int bank = source_index(example, "inhouse_example_bank");
	int fraud = source_index(example, "inhouse_fraud_watch");
	assert_true(bank >= 0 && fraud >= 0);
	size_t n[2] = {0, 0};
	for (size_t i = 0; i < example->nentities; i++) {
		const wl_entity *e = example->entities[i];
		n[e->source == fraud]++;
		const char *prefix =
		    e->source == fraud ? "inhouse-fraud_watch-" : "inhouse-example_bank-";
		assert_int_equal(strncmp(e->id, prefix, strlen(prefix)), 0);
		assert_string_equal(e->id + strlen(prefix), e->source_id);
		for (size_t v = 0; v < e->nvalues; v++) /* every fact's record is the row's id */
			assert_string_equal(e->values[v].record, e->source_id);
	}
	assert_int_equal(n[0], 12);
	assert_int_equal(n[1], 3);
	for (int k = 0; k < 2; k++) {
		const wl_source *s = &example->sources[k ? fraud : bank];
		assert_string_equal(s->format, "inhouse_csv");
		assert_string_equal(s->licence, "internal");
		assert_null(s->list_date);
		assert_int_equal(s->nfiles, 1);
		assert_string_equal(s->files[0].path, EXAMPLE);
		assert_string_equal(s->files[0].role, "list");
		assert_int_equal(strlen(s->files[0].sha256), 64);
	}
	assert_string_equal(example->sources[bank].title, "In-house list: example_bank");
	assert_string_equal(example->sources[fraud].title, "In-house list: Fraud watch");
}

static void test_schemata(void **state)
{
	(void)state;
	assert_int_equal(entity("inhouse-example_bank-1001")->schema, WL_SCHEMA_PERSON);
	assert_int_equal(entity("inhouse-example_bank-1002")->schema, WL_SCHEMA_COMPANY);
	assert_int_equal(entity("inhouse-example_bank-1005")->schema, WL_SCHEMA_ORGANIZATION);
	assert_int_equal(entity("inhouse-example_bank-1006")->schema, WL_SCHEMA_VESSEL);
	assert_int_equal(entity("inhouse-example_bank-1009")->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_int_equal(entity("inhouse-example_bank-1010")->schema, WL_SCHEMA_AIRPLANE);
	assert_int_equal(entity("inhouse-fraud_watch-1013")->schema, WL_SCHEMA_COMPANY);
	assert_string_equal(entity("inhouse-example_bank-1001")->source_id, "1001");
}

static void test_names(void **state)
{
	(void)state;
	const wl_entity *e = entity("inhouse-example_bank-1001");
	assert_string_equal(wl_entity_caption(e), "Viktor Semyonovich KOVALENKO");
	assert_int_equal(count(e, WL_PROP_ALIAS), 3);
	assert_has(e, WL_PROP_ALIAS, "Виктор Семёнович Коваленко", "original script", ANY);
	assert_has(e, WL_PROP_ALIAS, "Viktor Kovalenko", NULL, ANY);
	assert_has(e, WL_PROP_ALIAS, "V. S. Kovalenko", NULL, ANY);
	/* quotes inside a quoted field; guillemets are no other script */
	e = entity("inhouse-example_bank-1002");
	assert_string_equal(wl_entity_caption(e), "OOO \"Severny Put\"");
	assert_has(e, WL_PROP_ALIAS, "ООО «Северный Путь»", "original script", ANY);
	assert_has(entity("inhouse-example_bank-1003"), WL_PROP_ALIAS, "李文军", "original script",
	           ANY);
	assert_has(entity("inhouse-example_bank-1004"), WL_PROP_ALIAS, "احمد کریمی",
	           "original script", ANY);
	assert_has(entity("inhouse-example_bank-1007"), WL_PROP_ALIAS, "Μαρία Παπαδοπούλου",
	           "original script", ANY);
	assert_has(entity("inhouse-example_bank-1011"), WL_PROP_ALIAS, "김철호", "original script",
	           ANY);
	/* accented Latin is Latin */
	assert_has(entity("inhouse-example_bank-1014"), WL_PROP_NAME,
	           "Carlos Eduardo RAMÍREZ ORTEGA", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1014"), WL_PROP_ALIAS, "El Contador", NULL, ANY);
	/* a name in Cyrillic is the name */
	assert_string_equal(wl_entity_caption(entity("inhouse-fraud_watch-1013")),
	                    "Тенгри Финанс ТОО");
}

static void test_dates(void **state)
{
	(void)state;
	assert_has(entity("inhouse-example_bank-1001"), WL_PROP_BIRTH_DATE, "1971-03-14", NULL,
	           ANY);
	assert_has(entity("inhouse-example_bank-1003"), WL_PROP_BIRTH_DATE, "1983-11", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1007"), WL_PROP_BIRTH_DATE, "1979", NULL, ANY);
	const wl_value *v =
	    find(entity("inhouse-example_bank-1004"), WL_PROP_BIRTH_DATE, "1968-05-12", NULL, ANY);
	assert_non_null(v);
	assert_string_equal(v->original, "12.05.1968");
	const wl_entity *e = entity("inhouse-example_bank-1008"); /* two dates of birth */
	assert_int_equal(count(e, WL_PROP_BIRTH_DATE), 2);
	assert_has(e, WL_PROP_BIRTH_DATE, "1966-07-22", NULL, ANY);
	assert_has(entity("inhouse-fraud_watch-1012"), WL_PROP_BIRTH_DATE, "1988-02-29", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1001"), WL_PROP_LISTING_DATE, "2022-09-01", NULL,
	           ANY);
}

static void test_countries(void **state)
{
	(void)state;
	const wl_entity *e = entity("inhouse-example_bank-1001");
	const wl_value *v = find(e, WL_PROP_COUNTRY, "ua", NULL, ANY);
	assert_non_null(v);
	assert_string_equal(v->original, "Ukraine");
	assert_has(e, WL_PROP_COUNTRY, "ru", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1002"), WL_PROP_COUNTRY, "ru", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1011"), WL_PROP_COUNTRY, "kp", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1009"), WL_PROP_COUNTRY, "gb", NULL, ANY);
	/* a wording that is no country is a note, never a country */
	e = entity("inhouse-fraud_watch-1015");
	assert_int_equal(count(e, WL_PROP_COUNTRY), 1);
	assert_has(e, WL_PROP_NOTES, "country (not a known country): Ruritania", NULL, ANY);
}

static void test_identifiers(void **state)
{
	(void)state;
	const wl_entity *e = entity("inhouse-example_bank-1001");
	const wl_value *v = find(e, WL_PROP_PASSPORT_NUMBER, "FA1234567", NULL, ANY);
	assert_non_null(v);
	assert_string_equal(v->original, "passport:FA1234567");
	assert_has(e, WL_PROP_ID_NUMBER, "2612008765", "national ID", ANY);
	e = entity("inhouse-example_bank-1002");
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "1157746123456", NULL, ANY);
	assert_has(e, WL_PROP_TAX_NUMBER, "7701234567", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1005"), WL_PROP_SWIFT_BIC, "GCGTAEADXXX", NULL,
	           ANY);
	e = entity("inhouse-example_bank-1006");
	assert_has(e, WL_PROP_IMO_NUMBER, "9123456", NULL, ANY);
	assert_has(e, WL_PROP_MMSI, "352001234", NULL, ANY);
	assert_has(e, WL_PROP_CALL_SIGN, "3FXY7", NULL, ANY);
	e = entity("inhouse-example_bank-1009");
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "HE 412345", NULL, ANY);
	assert_has(e, WL_PROP_LEI_CODE, "5493001KJTIIGC8Y1R12", NULL, ANY);
	assert_has(entity("inhouse-example_bank-1010"), WL_PROP_SERIAL_NUMBER, "1023413428", "MSN",
	           ANY);
	/* unknown types: idNumber, the type as written for detail */
	assert_has(entity("inhouse-fraud_watch-1012"), WL_PROP_ID_NUMBER, "22134567890", "bvn",
	           ANY);
	assert_has(entity("inhouse-fraud_watch-1013"), WL_PROP_ID_NUMBER, "140540012345", "bin",
	           ANY);
}

static void test_notes_and_topics(void **state)
{
	(void)state;
	const wl_entity *e = entity("inhouse-example_bank-1001");
	assert_has(e, WL_PROP_NOTES, "Exited 2022: structuring of cash deposits, several branches",
	           NULL, ANY);
	assert_has(e, WL_PROP_NOTES, "case_ref: INV-2022-031", NULL, ANY); /* a column of its own */
	assert_has(e, WL_PROP_TOPICS, "crime.fin", NULL, ANY);
	/* a note over two lines, the line break made a space */
	assert_has(entity("inhouse-example_bank-1009"), WL_PROP_NOTES,
	           "Beneficial owner unclear. See file INV-2021-118.", NULL, ANY);
	/* the notes column is not split at ';' */
	assert_has(entity("inhouse-example_bank-1004"), WL_PROP_NOTES,
	           "Refused onboarding; adverse media", NULL, ANY);
	assert_has(entity("inhouse-fraud_watch-1013"), WL_PROP_NOTES,
	           "Invoice fraud; \"CEO fraud\" e-mails", NULL, ANY);
	assert_int_equal(count(entity("inhouse-example_bank-1007"), WL_PROP_NOTES), 0);
}

/* ---- broken lists ---- */

static void expect_error(const char *file, const char *want)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	assert_int_equal(wl_reader_inhouse_csv.read(ds, file), WL_EINPUT);
	char full[512];
	snprintf(full, sizeof(full), "%s%s", FIXTURES, want);
	if (strcmp(wl_error_last(), full) != 0)
		fail_msg("got \"%s\", want \"%s\"", wl_error_last(), full);
	wl_dataset_free(ds);
}

static void test_broken_files(void **state)
{
	(void)state;
	expect_error(FIXTURES "missing_name_column.csv",
	             "missing_name_column.csv:1: name: missing column: an in-house list needs the "
	             "columns id and name");
	expect_error(FIXTURES "duplicate_id.csv",
	             "duplicate_id.csv:4: id: duplicate id \"1\" (first on line 2)");
	expect_error(FIXTURES "bad_date.csv",
	             "bad_date.csv:3: birth_date: \"31.02.1972\" is not a date: write YYYY-MM-DD, "
	             "YYYY-MM, YYYY or DD.MM.YYYY");
	expect_error(FIXTURES "invalid_utf8.csv",
	             "invalid_utf8.csv:3: name: not valid UTF-8: save the list as UTF-8");
	expect_error(FIXTURES "unterminated_quote.csv",
	             "unterminated_quote.csv:3: name: unterminated quoted field: the quote opened "
	             "here is never closed");
	expect_error(FIXTURES "unknown_schema.csv",
	             "unknown_schema.csv:2: schema: unknown schema \"Human\": write Person, "
	             "Organization, Company, LegalEntity, Vessel or Airplane");
	expect_error(FIXTURES "missing_field.csv",
	             "missing_field.csv:3: 3 fields, but the header has 4 columns");
	expect_error(FIXTURES "missing_id.csv",
	             "missing_id.csv:3: id: missing: every row needs an id");
}

/* Reads a list from memory into a fresh dataset; returns the code, the dataset in *out. */
static int read_mem(const char *text, wl_dataset **out)
{
	assert_int_equal(wl_dataset_new(out), 0);
	return wl_inhouse_csv_read_mem(*out, "lists/My Bank.csv", text, strlen(text), NULL);
}

static void test_memory(void **state)
{
	(void)state;
	wl_dataset *ds;
	/* BOM, CRLF, header names in any case and spelling, blank rows, no final newline */
	assert_int_equal(read_mem("\xEF\xBB\xBF"
	                          "ID,Name,Birth Date,Listed-On\r\n"
	                          "42,John SMITH,1970,01.02.2020\r\n"
	                          ",,,\r\n"
	                          "\r\n"
	                          "43,\"Jane, SMITH\",,",
	                          &ds),
	                 0);
	assert_int_equal(ds->nentities, 2);
	assert_string_equal(ds->sources[0].name, "inhouse_my_bank");
	assert_string_equal(ds->sources[0].title, "In-house list: My Bank");
	wl_entity *e = wl_dataset_find(ds, "inhouse-my_bank-42");
	assert_non_null(e);
	assert_int_equal(e->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_has(e, WL_PROP_LISTING_DATE, "2020-02-01", NULL, ANY);
	assert_has(wl_dataset_find(ds, "inhouse-my_bank-43"), WL_PROP_NAME, "Jane, SMITH", NULL,
	           ANY);
	wl_dataset_free(ds);

	/* a header and no rows: the list exists, empty */
	assert_int_equal(read_mem("id,name,country\n", &ds), 0);
	assert_int_equal(ds->nentities, 0);
	assert_int_equal(ds->nsources, 1);
	wl_dataset_free(ds);

	/* the list column names the list, as the bank writes it */
	assert_int_equal(read_mem("id,name,list\n7,Acme,MyBank\n", &ds), 0);
	assert_non_null(wl_dataset_find(ds, "inhouse-mybank-7"));
	assert_string_equal(ds->sources[0].name, "inhouse_mybank");
	wl_dataset_free(ds);

	struct {
		const char *text, *want;
	} bad[] = {
	    {"",
	     "lists/My Bank.csv:1: empty: an in-house list starts with a header row (id,name,...)"},
	    {"id,name,aliases\n1,\"Acme\" Ltd,x\n", "lists/My Bank.csv:2: name: text after a "
	                                            "closing quote: write a quote inside quotes as "
	                                            "\"\""},
	    {"id,name,id\n", "lists/My Bank.csv:1: id: the column is named twice"},
	    {"id,name,country\n1,,GB\n",
	     "lists/My Bank.csv:2: name: missing: every row needs a name"},
	    {"id,name,birth_date\n1,A,1970-13\n", "lists/My Bank.csv:2: birth_date: \"1970-13\" is "
	                                          "not a date: write YYYY-MM-DD, YYYY-MM, "
	                                          "YYYY or DD.MM.YYYY"},
	    {"id,name,identifiers\n1,A,passport:\n",
	     "lists/My Bank.csv:2: identifiers: \"passport:\" has no value: write type:value"},
	    {"id,name,notes\n1,A,x\n2,B,y,z\n",
	     "lists/My Bank.csv:3: 4 fields, but the header has 3 columns"},
	    {"id,name,notes\n1,A,\"two\nlines\"\n2,B,\xff\n",
	     "lists/My Bank.csv:4: notes: not valid UTF-8: save the list as UTF-8"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(read_mem(bad[i].text, &ds), WL_EINPUT);
		if (strcmp(wl_error_last(), bad[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, wl_error_last(),
			         bad[i].want);
		wl_dataset_free(ds);
	}
	/* a NUL byte is no UTF-8 text */
	assert_int_equal(wl_dataset_new(&ds), 0);
	assert_int_equal(wl_inhouse_csv_read_mem(ds, "nul.csv", "id,name\n1,A\0B\n", 14, NULL),
	                 WL_EINPUT);
	assert_string_equal(wl_error_last(),
	                    "nul.csv:2: name: not valid UTF-8: save the list as UTF-8");
	assert_int_equal(wl_inhouse_csv_read_mem(ds, "nul.csv", "id,name\n\0,\n", 11, NULL),
	                 WL_EINPUT);
	assert_string_equal(wl_error_last(),
	                    "nul.csv:2: id: not valid UTF-8: save the list as UTF-8");
	wl_dataset_free(ds);
}

static int sniff_text(const char *text)
{
	return wl_reader_inhouse_csv.sniff("x.csv", text, strlen(text));
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff_file(&wl_reader_inhouse_csv, EXAMPLE), 40);
	assert_int_equal(sniff_file(&wl_reader_inhouse_csv, FIXTURES "duplicate_id.csv"), 40);
	assert_int_equal(sniff_text("\xEF\xBB\xBF\"ID\",\"Name\",\"Country\"\r\n1,A,GB\r\n"), 40);
	assert_int_equal(sniff_file(&wl_reader_inhouse_csv, "data/lists/ofac_sdn/sdn.csv"),
	                 WL_SNIFF_NO);
	assert_int_equal(sniff_file(&wl_reader_inhouse_csv, "tests/fixtures/ftm/zala.ftm.json"),
	                 WL_SNIFF_NO);
	assert_int_equal(sniff_file(&wl_reader_inhouse_csv, "data/lists/un/UN_consolidated.xml"),
	                 WL_SNIFF_NO);
	/* only id and name: too little to say it is an in-house list */
	assert_int_equal(sniff_text("id,name\n1,A\n"), WL_SNIFF_NO);
	assert_int_equal(sniff_text("Name,Alias,Nationality,Designation,Sanction Type,Source\n"),
	                 WL_SNIFF_NO);
	/* OpenSanctions' targets.simple.csv has the same first columns */
	assert_int_equal(sniff_text("id,schema,name,aliases,birth_date,countries,addresses,"
	                            "identifiers,sanctions,phones,emails,program_ids,dataset,"
	                            "first_seen,last_seen,last_change\n"),
	                 WL_SNIFF_NO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts_and_sources),
	    cmocka_unit_test(test_schemata),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_countries),
	    cmocka_unit_test(test_identifiers),
	    cmocka_unit_test(test_notes_and_topics),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
