/*
 * test_ofac_csv.c - the OFAC legacy CSV reader (src/sources/ofac_csv.c) on real rows.
 *
 * The bundled SDN set (data/lists/ofac_sdn) is read once through the
 * reader's file interface, as `watchlist index` reads it, and checked
 * entity by entity against what OFAC lists; the consolidated set, a
 * Windows-1252 file and small sets under tests/fixtures/ofac follow, then
 * malformed files, whose errors must name the file, the line and the
 * field. Run from the repository root.
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
#include "sources/reader.h"

#define SDN      "data/lists/ofac_sdn/sdn.csv"
#define CONS     "data/lists/ofac_consolidated/cons_prim.csv"
#define FIXTURES "tests/fixtures/ofac/"

/* ---- helpers ---- */

/* Reads a file that must fail with WL_EINPUT; returns the message. */
static const char *read_error(const char *path)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	assert_int_equal(wl_reader_ofac_csv.read(ds, path), WL_EINPUT);
	wl_dataset_free(ds);
	return wl_error_last();
}

static void assert_contains(const char *text, const char *part)
{
	if (!strstr(text, part))
		fail_msg("\"%s\" lacks \"%s\"", text, part);
}

static const wl_value *value_of(const wl_entity *e, wl_prop prop, const char *text)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop && strcmp(e->values[i].text, text) == 0)
			return &e->values[i];
	fail_msg("%s: no %s \"%s\"", e->id, wl_prop_name(prop), text);
	return NULL;
}

static const wl_value *value_starting(const wl_entity *e, wl_prop prop, const char *start)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop &&
		    strncmp(e->values[i].text, start, strlen(start)) == 0)
			return &e->values[i];
	fail_msg("%s: no %s starting \"%s\"", e->id, wl_prop_name(prop), start);
	return NULL;
}

static const wl_link *link_to(const wl_entity *e, const char *type, const char *name)
{
	for (size_t i = 0; i < e->nlinks; i++)
		if (strcmp(e->links[i].type, type) == 0 &&
		    strcmp(e->links[i].target_name, name) == 0)
			return &e->links[i];
	fail_msg("%s: no %s link to \"%s\"", e->id, type, name);
	return NULL;
}

static void assert_str(const char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
}

/* Records in an OFAC file, counted independently of the reader: lines that open with a digit. */
static size_t count_records(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t n = 0;
	int c, at_line_start = 1;
	while ((c = fgetc(f)) != EOF) {
		if (at_line_start && c >= '0' && c <= '9')
			n++;
		at_line_start = c == '\n';
	}
	fclose(f);
	return n;
}

/* ---- the bundled SDN set, read once ---- */

static int read_sdn(void **state)
{
	*state = read_file(&wl_reader_ofac_csv, SDN);
	return 0;
}

static int free_dataset(void **state)
{
	wl_dataset_free(*state);
	return 0;
}

static void test_sdn_entity_count(void **state)
{
	wl_dataset *ds = *state;
	assert_int_equal(ds->nentities, count_records(SDN));
}

static void test_sdn_source_and_files(void **state)
{
	wl_dataset *ds = *state;
	assert_int_equal(ds->nsources, 1);
	const wl_source *s = &ds->sources[0];
	assert_str(s->name, "us_ofac_sdn");
	assert_str(s->title, "OFAC Specially Designated Nationals (SDN) List");
	assert_str(s->publisher, "US Treasury, Office of Foreign Assets Control");
	assert_str(s->url, "https://ofac.treasury.gov/");
	assert_str(s->format, "ofac_csv");
	assert_str(s->licence, "US Government work (public domain)");
	assert_null(s->list_date);
	assert_int_equal(s->nfiles, 4);
	const char *roles[] = {"main", "alt", "add", "comments"};
	const char *files[] = {"/sdn.csv", "/alt.csv", "/add.csv", "/sdn_comments.csv"};
	for (size_t i = 0; i < 4; i++) {
		assert_str(s->files[i].role, roles[i]);
		assert_non_null(strstr(s->files[i].path, files[i]));
		assert_int_equal(strlen(s->files[i].sha256), 64);
		assert_true(s->files[i].bytes > 0);
	}
}

static void test_wuhan_xiaoruizhi(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-47800");
	assert_int_equal(e->schema, WL_SCHEMA_ORGANIZATION);
	assert_str(e->source_id, "47800");
	value_of(e, WL_PROP_NAME, "WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED");
	value_of(e, WL_PROP_PROGRAM, "CYBER2");
	value_of(e, WL_PROP_TOPICS, "sanction");
	const wl_value *reg = value_of(e, WL_PROP_REGISTRATION_NUMBER, "91420100551956105K");
	assert_str(reg->country, "cn");
	assert_contains(reg->detail, "USCC");
	assert_str(reg->record, "47800");
	assert_str(reg->original, "Unified Social Credit Code (USCC) 91420100551956105K (China)");
	value_of(e, WL_PROP_INCORPORATION_DATE, "2010-03-08");
	const wl_value *addr = value_starting(e, WL_PROP_ADDRESS, "2nd Floor");
	assert_contains(addr->text, "Wuhan, Hubei");
	assert_str(addr->country, "cn");
	assert_non_null(strstr(addr->record, "add.csv:"));
	value_of(e, WL_PROP_COUNTRY, "cn");
}

static void test_ni_gaobin(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-47818");
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	value_of(e, WL_PROP_NAME, "NI, Gaobin");
	value_of(e, WL_PROP_LAST_NAME, "NI");
	value_of(e, WL_PROP_FIRST_NAME, "Gaobin");
	value_of(e, WL_PROP_PROGRAM, "CYBER2");
	assert_str(value_of(e, WL_PROP_BIRTH_DATE, "1985-10-27")->original, "DOB 27 Oct 1985");
	value_starting(e, WL_PROP_BIRTH_PLACE, "Jingzhou");
	assert_str(value_of(e, WL_PROP_NATIONALITY, "cn")->original, "nationality China");
	value_of(e, WL_PROP_CITIZENSHIP, "cn");
	value_of(e, WL_PROP_GENDER, "male");
	const wl_value *id = value_of(e, WL_PROP_ID_NUMBER, "421003198510272917");
	assert_str(id->country, "cn");
	assert_str(id->detail, "National ID No.");
}

static void test_zhao_guangzong(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-47814");
	value_of(e, WL_PROP_NAME, "ZHAO, Guangzong");
	value_of(e, WL_PROP_BIRTH_DATE, "1985-11-12");
	value_of(e, WL_PROP_GENDER, "male");
}

static void test_aliases_from_alt_csv(void **state)
{
	const wl_entity *bank = entity_in(*state, "ofac-306");
	assert_str(value_of(bank, WL_PROP_ALIAS, "NATIONAL BANK OF CUBA")->record, "alt.csv:220");
	const wl_entity *saderat = entity_in(*state, "ofac-4642");
	const wl_value *fka =
	    value_of(saderat, WL_PROP_PREVIOUS_NAME, "IRAN OVERSEAS INVESTMENT BANK PLC");
	assert_str(fka->record, "alt.csv:12047");
}

static void test_weak_alias_from_remarks(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-306");
	assert_str(value_of(e, WL_PROP_WEAK_ALIAS, "BNC")->original, "a.k.a. 'BNC'");
}

static void test_addresses_from_add_csv(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-306");
	const wl_value *a =
	    value_of(e, WL_PROP_ADDRESS, "Zweierstrasse 35, Zurich CH-8022, Switzerland");
	assert_str(a->country, "ch");
	assert_str(a->record, "add.csv:199");
	value_of(e, WL_PROP_COUNTRY, "ch");
	value_of(e, WL_PROP_COUNTRY, "jp");
}

static void test_comments_continue_cut_remarks(void **state)
{
	wl_dataset *ds = *state;
	const wl_entity *e = entity_in(ds, "ofac-28263");
	/* sdn.csv cuts "a.k.a. 'snowsjo" at 1000 characters; sdn_comments.csv goes on "hn'; ..." */
	value_of(e, WL_PROP_WEAK_ALIAS, "snowsjohn");
	const wl_link *l = link_to(e, "linkedTo", "LAZARUS GROUP");
	assert_str(l->record, "sdn_comments.csv:28263");
	assert_null(l->target);
}

static void test_comments_after_uncut_remarks(void **state)
{
	/* sdn.csv (May 2024) and sdn_comments.csv (Dec 2025) disagree on ofac-22985 */
	const wl_entity *e = entity_in(*state, "ofac-22985");
	assert_str(value_of(e, WL_PROP_PREVIOUS_NAME, "KYONGYONG CREDIT BANK")->record, "22985");
	value_of(e, WL_PROP_SWIFT_BIC, "KYCBKPPY");
	const wl_value *usdt = value_of(e, WL_PROP_ID_NUMBER, "TE3mCcPULjPUE7ykX7RArDPAhyahoy3d2j");
	assert_str(usdt->record, "sdn_comments.csv:22985");
	assert_str(usdt->detail, "Digital Currency Address - USDT");
}

static void test_circa_and_range_dates_of_birth(void **state)
{
	const wl_entity *circa = entity_in(*state, "ofac-7782");
	assert_str(value_of(circa, WL_PROP_BIRTH_DATE, "1951")->detail, "circa");
	const wl_entity *range = entity_in(*state, "ofac-15496");
	assert_str(value_of(range, WL_PROP_BIRTH_DATE, "1929")->detail, "range 1929 to 1930");
	assert_str(value_of(range, WL_PROP_BIRTH_DATE, "1930")->detail, "range 1929 to 1930");
}

static void test_programs_split(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-4642");
	assert_str(value_of(e, WL_PROP_PROGRAM, "IRAN")->original, "IRAN] [SDGT] [IFSR");
	value_of(e, WL_PROP_PROGRAM, "SDGT");
	value_of(e, WL_PROP_PROGRAM, "IFSR");
}

static void test_vessel_columns(void **state)
{
	const wl_entity *e = entity_in(*state, "ofac-4238");
	assert_int_equal(e->schema, WL_SCHEMA_VESSEL);
	value_of(e, WL_PROP_NAME, "MAR AZUL");
	value_of(e, WL_PROP_CALL_SIGN, "CL2192");
	value_of(e, WL_PROP_VESSEL_TYPE, "Tug");
	assert_str(value_of(e, WL_PROP_TONNAGE, "212")->detail, "GRT");
	assert_str(value_of(e, WL_PROP_FLAG, "cu")->original, "Cuba");
	link_to(e, "owner", "Samir de Navegacion S.A.");
}

static void test_links_resolve_by_name(void **state)
{
	wl_dataset *ds = *state;
	wl_dataset_resolve_links(ds);
	const wl_link *l = link_to(entity_in(ds, "ofac-28263"), "linkedTo", "LAZARUS GROUP");
	assert_str(l->target, "ofac-27307");
}

/* ---- other sets ---- */

static void test_consolidated_set(void **state)
{
	wl_dataset *ds = read_file(&wl_reader_ofac_csv, CONS);
	assert_int_equal(ds->nentities, count_records(CONS));
	assert_int_equal(ds->nsources, 1);
	assert_str(ds->sources[0].name, "us_ofac_cons");
	assert_str(ds->sources[0].title, "OFAC Consolidated Sanctions List (non-SDN)");
	assert_int_equal(ds->sources[0].nfiles, 4);
	assert_str(ds->sources[0].files[3].role, "comments");
	const wl_entity *e = entity_in(ds, "ofac-9639");
	value_of(e, WL_PROP_BIRTH_DATE, "1962");
	value_of(e, WL_PROP_BIRTH_PLACE, "Shati");
	assert_str(value_of(e, WL_PROP_ALIAS, "HANIYA, Ismail")->record, "cons_alt.csv:9150");
	wl_dataset_free(ds);
}

static void test_windows_1252_file(void **state)
{
	wl_dataset *ds = read_file(&wl_reader_ofac_csv, FIXTURES "windows1252/sdn.csv");
	assert_int_equal(ds->nentities, 2);
	assert_int_equal(ds->sources[0].nfiles, 1); /* no companions beside it */
	const wl_entity *e = entity_in(ds, "ofac-7169");
	value_of(e, WL_PROP_NAME,
	         "GIL GARC\xC3\x8D"
	         "A, Jos\xC3\xA9 Alejandro");
	value_of(e, WL_PROP_FIRST_NAME, "Jos\xC3\xA9 Alejandro");
	value_of(e, WL_PROP_BIRTH_PLACE, "Culiac\xC3\xA1n, Sinaloa, Mexico");
	link_to(entity_in(ds, "ofac-4238"), "owner", "Samir de Navegaci\xC3\xB3n S.A.");
	wl_dataset_free(ds);
}

static void test_small_set_with_orphans(void **state)
{
	wl_dataset *ds = read_file(&wl_reader_ofac_csv, FIXTURES "set/sdn.csv");
	assert_int_equal(ds->nentities, 5);
	assert_null(wl_dataset_find(ds, "ofac-36")); /* its alt.csv row is skipped */
	assert_int_equal(ds->sources[0].nfiles, 4);
	value_of(entity_in(ds, "ofac-306"), WL_PROP_ALIAS, "NATIONAL BANK OF CUBA");
	value_of(entity_in(ds, "ofac-28263"), WL_PROP_WEAK_ALIAS, "snowsjohn");
	wl_dataset_free(ds);
}

/* ---- telling files apart ---- */

static void test_sniff(void **state)
{
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, SDN), 90);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, CONS), 90);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, FIXTURES "windows1252/sdn.csv"), 90);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, "data/lists/ofac_sdn/alt.csv"),
	                 WL_SNIFF_COMPANION);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, "data/lists/ofac_sdn/add.csv"),
	                 WL_SNIFF_COMPANION);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, "data/lists/ofac_sdn/sdn_comments.csv"),
	                 WL_SNIFF_COMPANION);
	assert_int_equal(
	    sniff_file(&wl_reader_ofac_csv, "data/lists/ofac_consolidated/cons_comments.csv"),
	    WL_SNIFF_COMPANION);
	assert_int_equal(sniff_file(&wl_reader_ofac_csv, FIXTURES "malformed/header.csv"), 0);
	assert_int_equal(
	    sniff_file(&wl_reader_ofac_csv, "data/lists/misp_galaxy/threat-actor.json"), 0);
	assert_int_equal(wl_reader_ofac_csv.sniff("x.csv", "", 0), 0);
	assert_int_equal(wl_reader_ofac_csv.sniff("x.csv", "1,2\r\n", 5), 0);
}

static void test_companion_given_as_main(void **state)
{
	const char *msg = read_error(FIXTURES "set/alt.csv");
	assert_contains(msg, "set/alt.csv");
	assert_contains(msg, "main file");
}

/* ---- malformed files ---- */

static void test_truncated_quote(void **state)
{
	const char *msg = read_error(FIXTURES "malformed/truncated_quote.csv");
	assert_contains(msg, "truncated_quote.csv:4: Remarks: unterminated quote");
}

static void test_missing_columns(void **state)
{
	const char *msg = read_error(FIXTURES "malformed/missing_columns.csv");
	assert_contains(msg, "missing_columns.csv:2: Remarks: missing");
}

static void test_bad_ent_num(void **state)
{
	const char *msg = read_error(FIXTURES "malformed/bad_ent_num.csv");
	assert_contains(msg, "bad_ent_num.csv:3: ent_num: not a number");
}

static void test_header_row(void **state)
{
	const char *msg = read_error(FIXTURES "malformed/header.csv");
	assert_contains(msg, "header.csv:1: ent_num");
}

/* ---- the memory interface ---- */

typedef struct mem_set {
	wl_dataset *ds;
	int source;
} mem_set;

static mem_set mem_new(const char *main_name)
{
	mem_set m;
	assert_int_equal(wl_dataset_new(&m.ds), 0);
	m.source = wl_ofac_csv_source(m.ds, main_name);
	assert_true(m.source >= 0);
	return m;
}

static int mem_read(mem_set *m, const char *name, const char *text, wl_ofac_role role)
{
	return wl_ofac_csv_read_mem(m->ds, m->source, name, text, strlen(text), role);
}

static const char main_row[] =
    "47818,\"NI, Gaobin\",\"individual\",\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
    "\"DOB 27 Oct 1985; Gender Male.\"\r\n";

static void test_mem_files_one_by_one(void **state)
{
	mem_set m = mem_new("sdn.csv");
	assert_int_equal(mem_read(&m, "sdn.csv", main_row, WL_OFAC_MAIN), 0);
	assert_int_equal(mem_read(&m, "alt.csv",
	                          "47818,71001,\"aka\",\"NI, Gao Bin\",-0- \r\n"
	                          "99999,71002,\"aka\",\"NOBODY\",-0- \r\n",
	                          WL_OFAC_ALT),
	                 0);
	assert_int_equal(
	    mem_read(&m, "sdn_comments.csv", "47818,\"nationality China.\"\r\n", WL_OFAC_COMMENTS),
	    0);
	const wl_entity *e = entity_in(m.ds, "ofac-47818");
	assert_int_equal(m.ds->nentities, 1);
	assert_str(value_of(e, WL_PROP_ALIAS, "NI, Gao Bin")->record, "alt.csv:71001");
	assert_str(value_of(e, WL_PROP_NATIONALITY, "cn")->record, "sdn_comments.csv:47818");
	value_of(e, WL_PROP_BIRTH_DATE, "1985-10-27");
	wl_dataset_free(m.ds);
}

static void test_mem_set_in_any_order(void **state)
{
	mem_set m = mem_new("cons_prim.csv");
	char cut[1100];
	/* a remark cut at exactly 1000 characters, continued by the comments file */
	int n = snprintf(cut, sizeof(cut),
	                 "47818,\"NI, Gaobin\",\"individual\",\"CYBER2\",-0- ,-0- ,"
	                 "-0- ,-0- ,-0- ,-0- ,-0- ,\"%0*d; POB Jingz\"\r\n",
	                 1000 - 11, 0);
	assert_true(n > 1000);
	wl_ofac_part parts[] = {
	    {WL_OFAC_COMMENTS, "cons_comments.csv", "47818,\"hou, China.\"\r\n", 21},
	    {WL_OFAC_MAIN, "cons_prim.csv", cut, (size_t)n},
	};
	assert_int_equal(wl_ofac_csv_read_set_mem(m.ds, m.source, parts, 2), 0);
	assert_str(m.ds->sources[m.source].name, "us_ofac_cons");
	assert_int_equal(m.ds->sources[m.source].nfiles, 0);
	value_of(entity_in(m.ds, "ofac-47818"), WL_PROP_BIRTH_PLACE, "Jingzhou, China");
	wl_dataset_free(m.ds);
}

static void test_same_entity_on_both_lists(void **state)
{
	/* OFAC numbers SDN and non-SDN entries alike: one entity, each value with its own list */
	mem_set m = mem_new("sdn.csv");
	int cons = wl_ofac_csv_source(m.ds, "data/cons_prim.csv");
	assert_int_equal(m.ds->nsources, 2);
	assert_int_equal(mem_read(&m, "sdn.csv", main_row, WL_OFAC_MAIN), 0);
	const char *cons_row = "47818,\"NI, Gaobin\",\"individual\",\"NS-MBS\",-0- ,-0- ,-0- ,-0- ,"
	                       "-0- ,-0- ,-0- ,\"DOB 27 Oct 1985; Website www.example.com.\"\r\n";
	assert_int_equal(wl_ofac_csv_read_mem(m.ds, cons, "data/cons_prim.csv", cons_row,
	                                      strlen(cons_row), WL_OFAC_MAIN),
	                 0);
	const wl_entity *e = entity_in(m.ds, "ofac-47818");
	assert_int_equal(e->source, m.source);
	assert_str(value_of(e, WL_PROP_PROGRAM, "CYBER2")->record, "47818");
	assert_int_equal(value_of(e, WL_PROP_PROGRAM, "CYBER2")->source, m.source);
	assert_str(value_of(e, WL_PROP_PROGRAM, "NS-MBS")->record, "47818");
	assert_int_equal(value_of(e, WL_PROP_PROGRAM, "NS-MBS")->source, cons);
	assert_int_equal(value_of(e, WL_PROP_WEBSITE, "www.example.com")->source, cons);
	/* the same fact from both lists is kept twice, once per list */
	size_t dobs = 0;
	for (size_t i = 0; i < e->nvalues; i++)
		dobs += e->values[i].prop == WL_PROP_BIRTH_DATE;
	assert_int_equal(dobs, 2);
	wl_dataset_free(m.ds);
}

static void assert_mem_error(const char *text, wl_ofac_role role, const char *want)
{
	mem_set m = mem_new("sdn.csv");
	assert_int_equal(mem_read(&m, "mem.csv", text, role), WL_EINPUT);
	assert_contains(wl_error_last(), want);
	wl_dataset_free(m.ds);
}

static void test_mem_errors(void **state)
{
	assert_mem_error("1,2,\"aka\",\"X\",-0- \r\n1,x,\"aka\",\"Y\",-0- \r\n", WL_OFAC_ALT,
	                 "mem.csv:2: alt_num: not a number");
	assert_mem_error("1,\"A\"B,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
	                 WL_OFAC_MAIN, "mem.csv:1: SDN_Name: text after the closing quote");
	assert_mem_error("1,\"A\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,x\n",
	                 WL_OFAC_MAIN, "mem.csv:1: Remarks: 13 columns");
	assert_mem_error("\n\n1,\"a\nb\"\n\n2,\"c\",x\n", WL_OFAC_COMMENTS,
	                 "mem.csv:6: remarks: 3 columns");
	assert_mem_error("1,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n", WL_OFAC_MAIN,
	                 "mem.csv:1: SDN_Name: empty");
	mem_set m = mem_new("sdn.csv");
	assert_int_equal(
	    wl_ofac_csv_read_mem(m.ds, m.source, "nul.csv", "1,\"a\0b\"\n", 8, WL_OFAC_COMMENTS),
	    WL_EINPUT);
	assert_contains(wl_error_last(), "nul.csv:1");
	assert_int_equal(wl_ofac_csv_read_mem(m.ds, m.source, "x", "", 0, WL_OFAC_ROLES),
	                 WL_EUSAGE);
	wl_dataset_free(m.ds);
}

static void test_mem_quirks(void **state)
{
	mem_set m = mem_new("sdn.csv");
	/* LF line ends, a BOM, "" escapes, leading zeros, no final line end */
	const char *text =
	    "\xEF\xBB\xBF"
	    "036,\"THE \"\"BEST\"\" CO.\",-0-,\"CUBA\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n"
	    "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",,,,,,,,";
	assert_int_equal(mem_read(&m, "sdn.csv", text, WL_OFAC_MAIN), 0);
	assert_int_equal(m.ds->nentities, 1);
	const wl_entity *e = entity_in(m.ds, "ofac-36");
	value_of(e, WL_PROP_NAME, "THE \"BEST\" CO.");
	value_of(e, WL_PROP_NAME, "AEROCARIBBEAN AIRLINES");
	assert_int_equal(mem_read(&m, "empty.csv", "\x1A", WL_OFAC_MAIN), 0);
	assert_int_equal(wl_ofac_csv_read_mem(m.ds, m.source, "null.csv", NULL, 0, WL_OFAC_ALT), 0);
	wl_dataset_free(m.ds);
}

int main(void)
{
	const struct CMUnitTest sdn_tests[] = {
	    cmocka_unit_test(test_sdn_entity_count),
	    cmocka_unit_test(test_sdn_source_and_files),
	    cmocka_unit_test(test_wuhan_xiaoruizhi),
	    cmocka_unit_test(test_ni_gaobin),
	    cmocka_unit_test(test_zhao_guangzong),
	    cmocka_unit_test(test_aliases_from_alt_csv),
	    cmocka_unit_test(test_weak_alias_from_remarks),
	    cmocka_unit_test(test_addresses_from_add_csv),
	    cmocka_unit_test(test_comments_continue_cut_remarks),
	    cmocka_unit_test(test_comments_after_uncut_remarks),
	    cmocka_unit_test(test_circa_and_range_dates_of_birth),
	    cmocka_unit_test(test_programs_split),
	    cmocka_unit_test(test_vessel_columns),
	    cmocka_unit_test(test_links_resolve_by_name),
	};
	const struct CMUnitTest other_tests[] = {
	    cmocka_unit_test(test_consolidated_set),
	    cmocka_unit_test(test_windows_1252_file),
	    cmocka_unit_test(test_small_set_with_orphans),
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_companion_given_as_main),
	    cmocka_unit_test(test_truncated_quote),
	    cmocka_unit_test(test_missing_columns),
	    cmocka_unit_test(test_bad_ent_num),
	    cmocka_unit_test(test_header_row),
	    cmocka_unit_test(test_mem_files_one_by_one),
	    cmocka_unit_test(test_mem_set_in_any_order),
	    cmocka_unit_test(test_same_entity_on_both_lists),
	    cmocka_unit_test(test_mem_errors),
	    cmocka_unit_test(test_mem_quirks),
	};
	int failed = cmocka_run_group_tests_name("ofac_sdn", sdn_tests, read_sdn, free_dataset);
	return failed + cmocka_run_group_tests_name("ofac_csv", other_tests, NULL, NULL);
}
