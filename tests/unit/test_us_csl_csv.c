/*
 * test_us_csl_csv.c - the US Consolidated Screening List reader on the bundled file and broken
 * input.
 *
 * The bundled list (data/lists/us_csl/consolidated.csv.gz, 14,160 rows of
 * 13 lists) is read once: entities per list as python3's csv module counts
 * them (Treasury rows by OFAC entity number, the others by _id), sources
 * and their date, and real rows of every list: programs split, aliases,
 * ids with their country and dates, every form of date of birth, vessels,
 * aircraft, a quoted field that spans lines. A Treasury row must join the
 * OFAC entity that the legacy CSV reader made first, with its values
 * credited to the CSL list. The sample (tests/fixtures/us_csl/) is read
 * plain and gzipped, from files and from memory; broken files (truncated
 * or corrupt gzip, broken quoting, a missing header column, a short row,
 * bad UTF-8, an empty id, a bad entity number) must fail with WL_EINPUT
 * and a message naming file, line and column. Run from the repository root.
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
#include "sources/us_csl_csv.h"

#define CSL_LIST "data/lists/us_csl/consolidated.csv.gz"
#define FIXTURES "tests/fixtures/us_csl/"

static wl_dataset *csl; /* the bundled list, read once */

/* ---- helpers ---- */

static wl_entity *entity(const char *id)
{
	return entity_in(csl, id);
}

static int source_of(const wl_dataset *ds, const char *name)
{
	int i = source_index(ds, name);
	if (i < 0)
		fail_msg("no source %s", name);
	return i;
}

/* Values of prop from one source (-1: any). */
static size_t count_from(const wl_entity *e, wl_prop prop, int source)
{
	size_t n = 0;
	for (size_t i = 0; i < e->nvalues; i++)
		n += e->values[i].prop == prop && (source < 0 || e->values[i].source == source);
	return n;
}

/* Entities with at least one value from the source. */
static size_t entities_of(const wl_dataset *ds, int source)
{
	size_t n = 0;
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		for (size_t k = 0; k < e->nvalues; k++) {
			if (e->values[k].source == source) {
				n++;
				break;
			}
		}
	}
	return n;
}

static int setup(void **state)
{
	return read_fixture(&wl_reader_us_csl_csv, CSL_LIST, &csl) == WL_OK ? 0 : -1;
}

static int teardown(void **state)
{
	wl_dataset_free(csl);
	return 0;
}

/* ---- the bundled list ---- */

static void test_counts(void **state)
{
	/* python3: rows per list; Treasury rows by entity_number, the others by _id */
	static const struct {
		const char *source;
		size_t entities;
	} lists[] = {
	    {"us_trade_csl_sdn", 10026}, {"us_bis_entity", 2001},   {"us_ddtc_debarred", 727},
	    {"us_bis_denied", 462},      {"us_trade_csl_ssi", 290}, {"us_bis_unverified", 201},
	    {"us_state_isn", 163},       {"us_trade_csl_plc", 78},  {"us_bis_meu", 71},
	    {"us_trade_csl_cmic", 68},   {"us_trade_csl_cap", 52},  {"us_trade_csl_nsmbs", 17},
	    {"us_trade_csl_fse", 3},
	};
	assert_int_equal(csl->nentities, 14048);
	assert_int_equal(csl->nsources, 13);
	size_t ofac = 0;
	for (size_t i = 0; i < csl->nentities; i++)
		ofac += strncmp(csl->entities[i]->id, "ofac-", 5) == 0;
	assert_int_equal(ofac, 10423);
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		size_t n = entities_of(csl, source_of(csl, lists[i].source));
		if (n != lists[i].entities)
			fail_msg("%s: %zu entities, expected %zu", lists[i].source, n,
			         lists[i].entities);
	}
}

static void test_sources(void **state)
{
	for (size_t i = 0; i < csl->nsources; i++) {
		const wl_source *s = &csl->sources[i];
		assert_string_equal(s->format, "us_csl_csv");
		assert_string_equal(s->list_date, "2022-04-21"); /* the latest start_date */
		assert_non_null(s->title);
		assert_non_null(s->publisher);
		assert_non_null(s->url);
		assert_non_null(s->licence);
		assert_int_equal(s->nfiles, 1);
		assert_string_equal(s->files[0].path, CSL_LIST);
		assert_string_equal(s->files[0].role, "list");
		assert_string_equal(
		    s->files[0].sha256,
		    "f55c580c0eadaeef6f291d5cd3653b147650c2019f227c92a93814aa5dc4364c");
	}
	const wl_source *el = &csl->sources[source_of(csl, "us_bis_entity")];
	assert_string_equal(el->title, "Consolidated Screening List: Entity List (EL) - Bureau of "
	                               "Industry and Security");
	assert_non_null(strstr(el->publisher, "Bureau of Industry and Security"));
}

/* A row of each list that is not the Treasury's. */
static void test_other_lists(void **state)
{
	wl_entity *e = entity("us-csl-deb7a1d5743a85c354ca1a2c7f2664e2104b32d7"); /* DPL */
	assert_int_equal(e->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_string_equal(e->source_id, "deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
	assert_int_equal(e->source, source_of(csl, "us_bis_denied"));
	assert_has(e, WL_PROP_NAME, "I. ASH", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "export.control", NULL, NULL);
	assert_has(e, WL_PROP_LISTING_DATE, "2003-06-19", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "us", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "end date: 2056-06-29", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "standard order: Y", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "FEDERAL REGISTER NOTICE UPDATED", NULL, NULL);
	assert_has(e, WL_PROP_SOURCE_URL, "http://bit.ly/1Qi5heF", NULL, NULL);

	e = entity("us-csl-4398d33e9e93c7477af39f1e0bfffc13ddd47bcc"); /* EL */
	assert_has(e, WL_PROP_NAME, "140 Repair Plant JSC", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Open Joint Stock Company 140 Repair Plant", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "JSC 140 Repair Plant", NULL, NULL); /* "and " dropped */
	assert_has(e, WL_PROP_ADDRESS, "19 Luysi Chalovskoy St., Borisov, 222512, BY", NULL, "by");
	assert_has(e, WL_PROP_NOTES, "license policy: Policy of denial.", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Federal Register notice: 87 FR 20299", NULL, NULL);

	e = entity("us-csl-27e75decc439f968c69d9db52795021855403dbc"); /* ISN */
	assert_has(e, WL_PROP_PROGRAM, "E.O. 13382", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "sanction", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "33rd TsNIII", NULL, NULL);

	e = entity("us-csl-150d195213ba25650159a417abb9fb0dd8a43946"); /* DTC */
	assert_has(e, WL_PROP_NAME, "Ahmad Nahardani", NULL, NULL);
	assert_has(e, WL_PROP_TOPICS, "debarment", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Alex Nahardani", NULL, NULL);

	e = entity("us-csl-ea3b4fd51f1573d79c73152b561a06fb413cb98a"); /* MEU */
	assert_has(e, WL_PROP_LISTING_DATE, "2021-01-14", NULL, NULL);
	assert_has(e, WL_PROP_COUNTRY, "cn", NULL, NULL);

	e = entity("us-csl-1ef5e3e12d352fe44c823c7af18d382680c493e0"); /* UVL */
	assert_int_equal(e->source, source_of(csl, "us_bis_unverified"));

	/* a quoted address that spans two lines, folded to one */
	e = entity("us-csl-026dba5afe5742c3d9b83179846272ca67cdb5c0");
	assert_has(e, WL_PROP_ADDRESS,
	           "Room 717, Building 41, No.8633 Zhongchun Road, Minhang District, Shanghai, CN",
	           NULL, "cn");
}

/* Treasury rows: one entity per OFAC entry, each list's values its own. */
static void test_treasury_lists(void **state)
{
	int sdn = source_of(csl, "us_trade_csl_sdn"), ssi = source_of(csl, "us_trade_csl_ssi");
	int cap = source_of(csl, "us_trade_csl_cap");
	wl_entity *e = entity("ofac-18725"); /* on the SDN, SSI and CAP lists */
	assert_string_equal(e->source_id, "18725");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_int_equal(count_from(e, WL_PROP_NAME, sdn), 1);
	assert_int_equal(count_from(e, WL_PROP_NAME, ssi), 1);
	assert_int_equal(count_from(e, WL_PROP_NAME, cap), 1);
	/* programs split at "; " */
	assert_int_equal(count_from(e, WL_PROP_PROGRAM, sdn), 2);
	assert_has(e, WL_PROP_PROGRAM, "UKRAINE-EO13662", NULL, NULL);
	assert_has(e, WL_PROP_PROGRAM, "RUSSIA-EO14024", NULL, NULL);
	assert_has(e, WL_PROP_SWIFT_BIC, "VTBLAOLU", "SWIFT/BIC", NULL);
	assert_has(e, WL_PROP_WEBSITE, "www.vtb.ao", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "VTB AFRICA", NULL, NULL);
	assert_non_null(find_link(e, "linkedTo", ANY, "VTB BANK PUBLIC JOINT STOCK COMPANY"));

	assert_int_equal(entity("ofac-9696")->source, source_of(csl, "us_trade_csl_plc"));
	assert_has(entity("ofac-30902"), WL_PROP_REGISTRATION_NUMBER, "91110000MA005UCQ5P",
	           "Unified Social Credit Code (USCC)", "cn");
	assert_has(entity("ofac-17526"), WL_PROP_PASSPORT_NUMBER, "X0906223", "Passport", "ch");
	assert_has(entity("ofac-17526"), WL_PROP_CITIZENSHIP, "ch", NULL, NULL);
	assert_true(entities_of(csl, source_of(csl, "us_trade_csl_nsmbs")) > 0);
	assert_non_null(wl_dataset_find(csl, "ofac-31695"));
	assert_non_null(wl_dataset_find(csl, "ofac-18792"));
	assert_null(wl_dataset_find(csl, "us-csl-18725")); /* never a second entity */
}

static void test_person(void **state)
{
	wl_entity *e = entity("ofac-17291");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_has(e, WL_PROP_NAME, "'ABD AL-SALAM, 'Abd al-Malik Muhammad Yusuf 'Uthman", NULL,
	           NULL);
	assert_has(e, WL_PROP_LAST_NAME, "'ABD AL-SALAM", NULL, NULL);
	assert_has(e, WL_PROP_FIRST_NAME, "'Abd al-Malik Muhammad Yusuf 'Uthman", NULL, NULL);
	assert_int_equal(count(e, WL_PROP_ALIAS), 3);
	assert_has(e, WL_PROP_ALIAS, "'Umar al-Qatari", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "jo", NULL, NULL);
	/* ids with their country; two dates are expiry then issue */
	const wl_value *v = assert_has(e, WL_PROP_PASSPORT_NUMBER, "K475336",
	                               "Passport, issued 31 Aug 2009 expires 30 Aug 2014", "jo");
	assert_string_equal(v->original, "JO, 2014-08-30, 2009-08-31, K475336, Passport");
	assert_string_equal(v->record, "17291");
	assert_has(e, WL_PROP_ID_NUMBER, "28940000602", "National ID No.", "qa");
	/* one date: issue or expiry, the file does not say which */
	assert_has(entity("ofac-8596"), WL_PROP_PASSPORT_NUMBER, "562605",
	           "Passport (dated 28 Oct 1998)", "sd");
	assert_has(entity("ofac-8596"), WL_PROP_POSITION, "IARA Peshwar, Pakistan Director", NULL,
	           NULL);
	e = entity("ofac-31167");
	assert_has(e, WL_PROP_GENDER, "female", NULL, NULL);
	assert_has(e, WL_PROP_TAX_NUMBER, "782516327349", "Tax ID No.", "ru");
	assert_has(e, WL_PROP_PROGRAM, "CYBER2", NULL, NULL);
}

static void test_birth_dates(void **state)
{
	assert_has(entity("ofac-21944"), WL_PROP_BIRTH_DATE, "1973-03-25", NULL, NULL);
	const wl_value *v =
	    assert_has(entity("ofac-8183"), WL_PROP_BIRTH_DATE, "1967", "circa", NULL);
	assert_string_equal(v->original, "circa 1967");
	wl_entity *e = entity("ofac-19810");
	assert_has(e, WL_PROP_BIRTH_DATE, "1958", "range 1958 to 1960", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1959", "range 1958 to 1960", NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1960", "range 1958 to 1960", NULL);
	assert_has(entity("ofac-8596"), WL_PROP_BIRTH_DATE, "1961", NULL, NULL);
	e = entity("ofac-27161"); /* two dates of birth */
	assert_has(e, WL_PROP_BIRTH_DATE, "1988-03-12", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1988-03-07", NULL, NULL);
	assert_has(entity("ofac-8183"), WL_PROP_BIRTH_PLACE, "Kirkuk, Iraq", NULL, NULL);
}

static void test_vessel_and_aircraft(void **state)
{
	wl_entity *e = entity("ofac-23156");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	assert_has(e, WL_PROP_IMO_NUMBER, "8898831", ANY, NULL);
	assert_has(e, WL_PROP_FLAG, "kp", NULL, NULL);
	assert_non_null(find_link(e, "linkedTo", ANY, "YUSONG SHIPPING CO"));
	e = entity("ofac-15445");
	assert_int_equal(e->schema, WL_SCHEMA_AIRPLANE);
	assert_true(count(e, WL_PROP_MODEL) > 0);
	bool operated = false;
	for (size_t i = 0; i < e->nlinks; i++)
		operated = operated || strcmp(e->links[i].type, "operator") == 0;
	assert_true(operated);
}

/* Invariants over all entities: countries are codes, dates ISO, records the _id. */
static void test_invariants(void **state)
{
	for (size_t i = 0; i < csl->nentities; i++) {
		const wl_entity *e = csl->entities[i];
		assert_true(strncmp(e->id, "ofac-", 5) == 0 || strncmp(e->id, "us-csl-", 7) == 0);
		assert_true(count(e, WL_PROP_NAME) >= 1);
		assert_true(count(e, WL_PROP_TOPICS) >= 1);
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

/* ---- merging with the OFAC reader ---- */

static void test_merge_with_ofac(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_ofac_csv.read(ds, "data/lists/ofac_sdn/sdn.csv"), WL_OK);
	size_t n = ds->nentities;
	int ofac = source_of(ds, "us_ofac_sdn");
	static const char *const on_sdn[] = {"ofac-15445", "ofac-17291", "ofac-18725", "ofac-21944",
	                                     "ofac-23156", "ofac-34616", "ofac-8183",  "ofac-8596"};
	wl_entity *known[sizeof(on_sdn) / sizeof(on_sdn[0])];
	for (size_t i = 0; i < sizeof(on_sdn) / sizeof(on_sdn[0]); i++)
		known[i] = entity_in(ds, on_sdn[i]);
	wl_entity *e = entity_in(ds, "ofac-17291");
	size_t before = e->nvalues;
	assert_int_equal(wl_reader_us_csl_csv.read(ds, FIXTURES "sample.csv.gz"), WL_OK);
	int sdn = source_of(ds, "us_trade_csl_sdn");
	/* the same entity, first listed by OFAC, now with the CSL's values too */
	assert_ptr_equal(wl_dataset_find(ds, "ofac-17291"), e);
	assert_int_equal(e->source, ofac);
	assert_true(e->nvalues > before);
	assert_int_equal(count_from(e, WL_PROP_PASSPORT_NUMBER, ofac), 1);
	assert_int_equal(count_from(e, WL_PROP_PASSPORT_NUMBER, sdn), 1);
	const wl_value *a = NULL, *b = NULL;
	for (size_t i = 0; i < e->nvalues; i++) {
		if (e->values[i].prop != WL_PROP_PASSPORT_NUMBER)
			continue;
		if (e->values[i].source == ofac)
			a = &e->values[i];
		else
			b = &e->values[i];
	}
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a->text, b->text);
	assert_string_equal(a->detail, b->detail); /* both readers word the qualifier alike */
	assert_string_equal(a->country, b->country);
	/*
	 * New entities: the 7 rows of other lists, and the 6 Treasury entries the
	 * 2024 sdn.csv lacks (non-SDN lists, or delisted since 2022); the 8 that
	 * sdn.csv has are the entities it made.
	 */
	assert_int_equal(ds->nentities - n, 13);
	for (size_t i = 0; i < sizeof(on_sdn) / sizeof(on_sdn[0]); i++)
		assert_ptr_equal(wl_dataset_find(ds, on_sdn[i]), known[i]);
	wl_dataset_free(ds);
}

/* ---- the sample: plain and gzipped, file and memory ---- */

static void sample_checks(wl_dataset *ds)
{
	assert_int_equal(ds->nentities, 21);
	assert_int_equal(ds->nsources, 13);
	for (size_t i = 0; i < ds->nsources; i++)
		assert_string_equal(ds->sources[i].list_date, "2022-04-07");
	assert_has(entity_in(ds, "ofac-17291"), WL_PROP_PASSPORT_NUMBER, "K475336", ANY, "jo");
}

static void test_plain_and_gzip(void **state)
{
	const char *files[] = {FIXTURES "sample.csv", FIXTURES "sample.csv.gz"};
	size_t nvalues[2] = {0, 0};
	for (size_t f = 0; f < 2; f++) {
		wl_dataset *ds;
		assert_int_equal(wl_dataset_new(&ds), WL_OK);
		assert_int_equal(wl_reader_us_csl_csv.read(ds, files[f]), WL_OK);
		sample_checks(ds);
		for (size_t i = 0; i < ds->nentities; i++)
			nvalues[f] += ds->entities[i]->nvalues;
		wl_dataset_free(ds);

		size_t len;
		char *buf = slurp(files[f], &len);
		assert_int_equal(wl_dataset_new(&ds), WL_OK);
		int source = -2;
		assert_int_equal(wl_us_csl_csv_read_mem(ds, "mem.csv", buf, len, &source), WL_OK);
		assert_int_equal(source, source_of(ds, "us_bis_denied")); /* the first row's list */
		sample_checks(ds);
		for (size_t i = 0; i < ds->nsources; i++)
			assert_int_equal(ds->sources[i].nfiles, 0);
		wl_dataset_free(ds);
		free(buf);
	}
	assert_int_equal(nvalues[0], nvalues[1]);
}

/* ---- broken files ---- */

/* Reading the file fails as expect_input_error says, and so does reading its bytes from memory. */
static void expect_csl_error(const char *file, const char *line, const char *field)
{
	expect_input_error(&wl_reader_us_csl_csv, file, line, field);
	char want[256];
	snprintf(want, sizeof(want), "%s%s: %s%s", file, line, field ? field : "",
	         field ? ": " : "");
	size_t len;
	char *buf = slurp(file, &len);
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_us_csl_csv_read_mem(ds, file, buf, len, NULL), WL_EINPUT);
	if (strncmp(wl_error_last(), want, strlen(want)) != 0)
		fail_msg("%s (memory): message \"%s\" does not start \"%s\"", file, wl_error_last(),
		         want);
	wl_dataset_free(ds);
	free(buf);
}

static void test_broken_files(void **state)
{
	expect_csl_error(FIXTURES "truncated.csv.gz", "", NULL);
	assert_non_null(strstr(wl_error_last(), "truncated"));
	expect_csl_error(FIXTURES "corrupt.csv.gz", "", NULL);
	assert_non_null(strstr(wl_error_last(), "corrupt gzip stream"));
	expect_csl_error(FIXTURES "broken_quote.csv", ":4", "name");
	assert_non_null(strstr(wl_error_last(), "unterminated quote"));
	expect_csl_error(FIXTURES "text_after_quote.csv", ":3", "name");
	expect_csl_error(FIXTURES "missing_column.csv", ":1", "name");
	assert_non_null(strstr(wl_error_last(), "missing from the header"));
	expect_csl_error(FIXTURES "short_row.csv", ":3", "places_of_birth");
	assert_non_null(strstr(wl_error_last(), "26 fields, the header has 29"));
	expect_csl_error(FIXTURES "bad_utf8.csv", ":3", "name");
	expect_csl_error(FIXTURES "empty_id.csv", ":3", "_id");
	expect_csl_error(FIXTURES "bad_entity_number.csv", ":3", "entity_number");
	expect_csl_error(FIXTURES "header_only.csv", "", NULL);
	expect_csl_error(FIXTURES "empty.csv", "", NULL);

	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_reader_us_csl_csv.read(ds, FIXTURES "no-such-file.csv"), WL_EIO);
	wl_dataset_free(ds);
}

/* Rows written by hand: odd values, unknown columns, and more checks on input. */
static void test_odd_rows(void **state)
{
	const char *csv =
	    "_id,source,entity_number,type,name,dates_of_birth,ids,vessel_flag,extra,\r\n"
	    "a1,Some New List (SNL) - Treasury Department,,Individual,\"DOE, \"\"J\"\"\","
	    "\"1970-05; sometime\",\"Male, Gender; lonely\",Atlantis,x,y\r\n"
	    "a2,Mystery Roster,,Robot,R2,,,,,\r\n"
	    "\r\n"
	    "99,Some New List (SNL) - Treasury Department,0099,,X,,,,,\r\n";
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	assert_int_equal(wl_us_csl_csv_read_mem(ds, "odd.csv", csv, strlen(csv), NULL), WL_OK);
	assert_int_equal(ds->nentities, 3);
	int snl = source_of(ds, "us_trade_csl_snl");
	assert_int_equal(source_of(ds, "us_trade_csl"), snl + 1);
	assert_null(ds->sources[snl].list_date);   /* no start_date at all */
	wl_entity *e = entity_in(ds, "us-csl-a1"); /* a Treasury list, but no entity number */
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_has(e, WL_PROP_NAME, "DOE, \"J\"", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1970-05", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "DOB sometime", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "male", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "ids: lonely", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "Vessel Flag: Atlantis", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "extra: x", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "column 10: y", NULL, NULL);
	e = entity_in(ds, "us-csl-a2");
	assert_int_equal(e->schema, WL_SCHEMA_LEGAL_ENTITY);
	assert_has(e, WL_PROP_NOTES, "type: Robot", NULL, NULL);
	assert_non_null(wl_dataset_find(ds, "ofac-99")); /* leading zeros dropped */
	wl_dataset_free(ds);

	/* an _id that is no id, a quote inside an unquoted field, a repeated column */
	static const struct {
		const char *csv, *want;
	} bad[] = {
	    {"_id,source,entity_number,type,name\nx y,L,,,N\n", "bad.csv:2: _id: not a record id"},
	    {"_id,source,entity_number,type,name\na,L,,,N\"x\n", "bad.csv:2: name: a quote"},
	    {"_id,source,entity_number,type,name,name\na,L,,,N,M\n", "bad.csv:1: name: a second"},
	    {"_id,source,entity_number,type,name\na,,,,N\n", "bad.csv:2: source: empty"},
	    {"_id,source,entity_number,type,name\na,L,,,\n", "bad.csv:2: name: empty"},
	    {"_id,source,entity_number,type,name\na,L,,,N,extra\n", "bad.csv:2: name: 6 fields"},
	    {"_id,source,entity_number,type,name\na,L,,,\"N\0\"\n", "bad.csv:2: name: not valid"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len = strlen(bad[i].csv);
		if (strstr(bad[i].want, "not valid"))
			len += 3; /* the NUL, the quote and the line end */
		assert_int_equal(wl_dataset_new(&ds), WL_OK);
		assert_int_equal(wl_us_csl_csv_read_mem(ds, "bad.csv", bad[i].csv, len, NULL),
		                 WL_EINPUT);
		if (strncmp(wl_error_last(), bad[i].want, strlen(bad[i].want)) != 0)
			fail_msg("case %zu: \"%s\" does not start \"%s\"", i, wl_error_last(),
			         bad[i].want);
		wl_dataset_free(ds);
	}
}

/* ---- sniffing ---- */

static int sniff(const char *head, size_t n)
{
	return wl_reader_us_csl_csv.sniff("x", head, n);
}

static void test_sniff(void **state)
{
	size_t len;
	char *buf = slurp(CSL_LIST, &len);
	assert_true(sniff(buf, len < WL_SNIFF_HEAD ? len : WL_SNIFF_HEAD) > 50);
	assert_true(sniff(buf, 200) > 50); /* the head of the stream is enough */
	assert_int_equal(sniff(buf, 10), WL_SNIFF_NO);
	free(buf);
	buf = slurp(FIXTURES "sample.csv", &len);
	assert_true(sniff(buf, len) > 50);
	free(buf);
	const char *h = "\xEF\xBB\xBF\"_id\",\"source\",\"entity_number\",\"type\",\"name\"\r\n";
	assert_true(sniff(h, strlen(h)) > 50);
	h = "_id,source,entity_number,type,programs\nname";
	assert_int_equal(sniff(h, strlen(h)), WL_SNIFF_NO); /* name is not in the header */
	h = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ";
	assert_int_equal(sniff(h, strlen(h)), WL_SNIFF_NO);
	h = "<?xml version=\"1.0\"?><sdnList>";
	assert_int_equal(sniff(h, strlen(h)), WL_SNIFF_NO);
	assert_int_equal(sniff("\x1f\x8b", 2), WL_SNIFF_NO);
	assert_int_equal(sniff("", 0), WL_SNIFF_NO);
	/* the OFAC CSV reader does not claim the CSL */
	h = "_id,source,entity_number,type,programs,name,title\n1,S,1,Individual,X,\"A, B\",\n";
	assert_int_equal(wl_reader_ofac_csv.sniff("x", h, strlen(h)), WL_SNIFF_NO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_sources),
	    cmocka_unit_test(test_other_lists),
	    cmocka_unit_test(test_treasury_lists),
	    cmocka_unit_test(test_person),
	    cmocka_unit_test(test_birth_dates),
	    cmocka_unit_test(test_vessel_and_aircraft),
	    cmocka_unit_test(test_invariants),
	    cmocka_unit_test(test_merge_with_ofac),
	    cmocka_unit_test(test_plain_and_gzip),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_odd_rows),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
