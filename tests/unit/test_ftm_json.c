/*
 * test_ftm_json.c - the FollowTheMoney JSON lines reader on OpenSanctions exports.
 *
 * Reads two real OpenSanctions exports (tests/fixtures/ftm/zala.ftm.json,
 * 91 lines, and t1.ftm.json, 7 lines: copies of opensanctions/yente's test
 * fixtures) and checks what a user relies on: the entities by schema,
 * a Cyrillic-named person's names in every script, facts folded in from
 * Sanction lines, relationships turned into links, referents into sameAs
 * links (found when the OFAC record is in the dataset), the source's name,
 * date and licence. A hand-written file (synthetic.ftm.json) covers what
 * the real ones lack: things before entities, addresses by referent,
 * documents, wallets, positions, PublicBody, country and date forms.
 * Broken files must fail with file, line and field. The expected figures
 * were counted with python3 on the same files. Run from the repository root.
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
#include "sources/ftm_json.h"
#include "sources/reader.h"

#define FIXTURES  "tests/fixtures/ftm/"
#define ZALA      FIXTURES "zala.ftm.json"
#define T1        FIXTURES "t1.ftm.json"
#define SYNTHETIC FIXTURES "synthetic.ftm.json"

/* Maria Aleksandrovna Osetrova (Zakharova), a Person with names in Latin and Cyrillic */
#define OSETROVA    "os-NK-2Tbri3s6GgNtAwsSXh4qpL"
#define A_ZAKHAROV  "os-NK-aU5ybkbRFJucf8YMwsJvDw" /* Alexander Vyacheslavovich ZAKHAROV */
#define LLC_CST     "os-NK-abdzbEBkqyT29GyREbiURZ"
#define KALASHNIKOV "os-NK-nR5AXM9AVPq4pQaSPSaVam"

/* ---- helpers ---- */

static size_t count_schema(const wl_dataset *ds, wl_schema s)
{
	size_t n = 0;
	for (size_t i = 0; i < ds->nentities; i++)
		n += ds->entities[i]->schema == s;
	return n;
}

/* ---- the real exports ---- */

static void test_zala_counts(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, ZALA);
	/* python3: Person 6, Company 11; Sanction 41, Ownership 14, Address 11, Family 4,
	 * Directorship 3, Passport 1 are no entities of their own */
	assert_int_equal(ds->nentities, 17);
	assert_int_equal(count_schema(ds, WL_SCHEMA_PERSON), 6);
	assert_int_equal(count_schema(ds, WL_SCHEMA_COMPANY), 11);
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		assert_int_equal(strncmp(e->id, "os-", 3), 0);
		assert_string_equal(e->id + 3, e->source_id);
		assert_non_null(wl_entity_first(e, WL_PROP_NAME));
		for (size_t v = 0; v < e->nvalues; v++) /* countries are codes, dates ISO */
			if (e->values[v].prop == WL_PROP_COUNTRY ||
			    e->values[v].prop == WL_PROP_NATIONALITY)
				assert_int_equal(strlen(e->values[v].text), 2);
			else if (e->values[v].prop == WL_PROP_BIRTH_DATE)
				assert_true(strlen(e->values[v].text) <= 10);
	}
	/* python3: 21 relationship lines (Family 4, Directorship 3, Ownership 14) name 18
	 * distinct (first party, schema, second party): 18 links */
	size_t rel = 0, same_as = 0;
	for (size_t i = 0; i < ds->nentities; i++)
		for (size_t l = 0; l < ds->entities[i]->nlinks; l++)
			if (strcmp(ds->entities[i]->links[l].type, "sameAs") == 0)
				same_as++;
			else
				rel++;
	assert_int_equal(rel, 18);
	assert_int_equal(same_as, 238); /* python3: referents of Person and Company lines */
	wl_dataset_free(ds);
}

static void test_source(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, ZALA);
	assert_int_equal(ds->nsources, 1);
	const wl_source *s = &ds->sources[0];
	/* datasets counted over all 91 lines: ext_ru_egrul 31 (enrichment, passed over),
	 * us_ofac_sdn 22 */
	assert_string_equal(s->name, "os_us_ofac_sdn");
	assert_string_equal(s->title, "OpenSanctions: us_ofac_sdn");
	assert_string_equal(s->format, "ftm_json");
	assert_string_equal(s->publisher, "OpenSanctions");
	assert_string_equal(s->licence, "CC BY-NC 4.0 (OpenSanctions data: non-commercial use)");
	assert_string_equal(s->list_date, "2026-04-29"); /* the newest last_seen */
	assert_int_equal(s->nfiles, 1);
	assert_string_equal(s->files[0].path, ZALA);
	assert_string_equal(s->files[0].role, "entities");
	assert_int_equal(s->files[0].bytes, 146373);
	assert_int_equal(strlen(s->files[0].sha256), 64);
	wl_dataset_free(ds);

	ds = read_file(&wl_reader_ftm_json, T1);
	assert_string_equal(ds->sources[0].name, "os_eu_fsf");
	assert_string_equal(ds->sources[0].list_date, "2024-06-01");
	wl_dataset_free(ds);
}

static void test_cyrillic_person(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, ZALA);
	const wl_entity *e = entity_in(ds, OSETROVA);
	assert_int_equal(e->schema, WL_SCHEMA_PERSON);
	assert_string_equal(e->source_id, "NK-2Tbri3s6GgNtAwsSXh4qpL");
	assert_string_equal(wl_entity_caption(e),
	                    "Maria Aleksandrovna Osetrova"); /* FtM's caption */
	assert_int_equal(count(e, WL_PROP_NAME), 12);
	assert_value(e, WL_PROP_NAME, "OSETROVA, Maria Aleksandrovna", NULL, NULL,
	             "NK-2Tbri3s6GgNtAwsSXh4qpL");
	assert_has(e, WL_PROP_NAME, "Мария Александровна Осетрова", NULL, NULL);
	assert_has(e, WL_PROP_NAME, "Захарова Марія Олександрівна", NULL, NULL);
	assert_has(e, WL_PROP_NAME, "МАРИЯ АЛЕКСАНДРОВНА ЗАХАРОВА", NULL, NULL);
	assert_has(e, WL_PROP_ALIAS, "Zakharova Mariia Oleksandrivna", NULL, NULL);
	assert_has(e, WL_PROP_PREVIOUS_NAME, "Мария Александровна Захарова", NULL, NULL);
	assert_has(e, WL_PROP_FIRST_NAME, "Мария", NULL, NULL);
	assert_has(e, WL_PROP_FATHER_NAME, "АЛЕКСАНДРОВНА", NULL, NULL);
	assert_has(e, WL_PROP_LAST_NAME, "Осетрова", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_DATE, "1988-01-07", NULL, NULL);
	assert_has(e, WL_PROP_BIRTH_PLACE, "Izhevsk", NULL, NULL);
	assert_has(e, WL_PROP_NATIONALITY, "ru", NULL, NULL);
	assert_has(e, WL_PROP_CITIZENSHIP, "ru", NULL, NULL);
	assert_has(e, WL_PROP_GENDER, "female", NULL, NULL);
	assert_has(e, WL_PROP_TAX_NUMBER, "183116181362", NULL, NULL);
	/* identifiers the model lacks are idNumbers named by their FtM property */
	assert_has(e, WL_PROP_ID_NUMBER, "183116181362", "innCode", NULL);
	assert_has(e, WL_PROP_ID_NUMBER, "M83QKJMENEF9", "uniqueEntityId", NULL);
	assert_has(e, WL_PROP_TOPICS, "corp.disqual", NULL, NULL);
	/* what the model has no property for is kept as a note */
	assert_has(e, WL_PROP_NOTES, "programId: US-RUSHAR", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "createdAt: 2025-02-13", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "addressEntity: addr-bb65387b6e14a1dba2427e79358ba418377b9f28",
	           NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "target: true", NULL, NULL);
	assert_has(e, WL_PROP_NOTES, "first_seen: 2023-11-02T16:38:16", NULL, NULL);
	assert_has(e, WL_PROP_NOTES,
	           "datasets: gb_coh_disqualified, us_sam_exclusions, gb_fcdo_sanctions, "
	           "us_ofac_sdn, ua_nsdc_sanctions, ext_ru_egrul, us_trade_csl",
	           NULL, NULL);
	/* a Company with only a Cyrillic name */
	e = entity_in(ds, "os-NK-56Edov9bas9puzaChH5pBy");
	assert_int_equal(e->schema, WL_SCHEMA_COMPANY);
	assert_string_equal(wl_entity_caption(e),
	                    "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ИЖТЕЛЕКОМ\"");
	assert_has(e, WL_PROP_ID_NUMBER, "1021801671462", "ogrnCode", NULL);
	assert_has(e, WL_PROP_JURISDICTION, "ru", NULL, NULL);
	wl_dataset_free(ds);
}

static void test_sanctions_folded(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, ZALA);
	const wl_entity *e = entity_in(ds, LLC_CST);
	/* Sanction au-dfat-5660...: program with authority and country, its record */
	assert_value(e, WL_PROP_PROGRAM, "Autonomous (Russia)",
	             "Department of Foreign Affairs and Trade", "au",
	             "au-dfat-56600015954691cece058c2a3b0e3b27740701e6");
	assert_value(e, WL_PROP_NOTES,
	             "Sanction.summary: Autonomous Sanctions (Designated Persons and Entities and "
	             "Declared Persons—Russia and Ukraine) Amendment (No. 2) Instrument 2023",
	             NULL, NULL, "au-dfat-56600015954691cece058c2a3b0e3b27740701e6");
	/* Sanction be-fod-6b5e...: no program, so its programId; two listing dates */
	const char *be = "be-fod-6b5e9e949f3a7b1e9f5e62ecec79478ca6a28a0b";
	assert_value(e, WL_PROP_PROGRAM, "EU-UKR", "Federal Public Service Finance", "be", be);
	assert_value(e, WL_PROP_LISTING_DATE, "2025-03-15", NULL, NULL, be);
	assert_value(e, WL_PROP_LISTING_DATE, "2023-12-18", NULL, NULL, be);
	assert_value(e, WL_PROP_NOTES, "Sanction.reason: 2023/2875 (OJ L18122023)", NULL, NULL, be);
	assert_has(e, WL_PROP_PROGRAM, "RUSSIA-EO14024", "Office of Foreign Assets Control", "us");
	wl_dataset_free(ds);
}

static void test_relationships(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, ZALA);
	/* Directorship ofac-d8ec...: director ZAKHAROV, organization LLC CST */
	const wl_entity *z = entity_in(ds, A_ZAKHAROV);
	const wl_link *l = find_link(z, "directorship", LLC_CST, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "Leader or official of");
	assert_string_equal(l->record, "ofac-d8ecdd62dca8ba39b832a77c170926630683ea05");
	assert_string_equal(l->target_name, "LLC CST");
	assert_non_null(wl_dataset_find(ds, l->target)); /* the index's back link has its owner */
	/* a directorship from the Russian register: the role in Russian, then the other facts */
	l = find_link(z, "directorship", "os-NK-SiYwWfxwLVrVeFswsvAvsm", ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "Исполнительный директор; startDate: 2005-07-11; summary: "
	                               "Руководитель юридического лица");
	/* Ownership NK-3Nye...: Kalashnikov owns LLC CST, "subsidiary of" */
	l = find_link(entity_in(ds, KALASHNIKOV), "ownership", LLC_CST, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "subsidiary of");
	assert_string_equal(l->record, "NK-3NyeuT6JeJDLhGEyH3JD52");
	/* Family: Osetrova -> ZAKHAROV, "Family member of" */
	l = find_link(entity_in(ds, OSETROVA), "family", A_ZAKHAROV, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "Family member of");
	/* a second ownership of the same asset by the same owner keeps its facts as a note */
	const wl_entity *o = NULL;
	for (size_t i = 0; i < ds->nentities && !o; i++)
		for (size_t v = 0; v < ds->entities[i]->nvalues; v++)
			if (ds->entities[i]->values[v].prop == WL_PROP_NOTES &&
			    strncmp(ds->entities[i]->values[v].text, "ownership NK-abdz", 17) == 0)
				o = ds->entities[i];
	assert_non_null(o);
	assert_non_null(find_link(o, "ownership", LLC_CST, ANY));
	wl_dataset_free(ds);
}

static void test_referents(void **state)
{
	(void)state;
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	/* our OFAC record of Osetrova (SDN entity number 46001), read before */
	wl_source ofac = {.name = "us_ofac_sdn", .format = "ofac_csv"};
	int src = wl_dataset_source(ds, &ofac);
	assert_true(src >= 0);
	assert_non_null(wl_dataset_entity(ds, src, "ofac", "46001", WL_SCHEMA_PERSON));
	assert_int_equal(wl_reader_ftm_json.read(ds, ZALA), 0);
	assert_int_equal(ds->nsources, 2); /* os_us_ofac_sdn is not merged into us_ofac_sdn */
	const wl_entity *e = entity_in(ds, OSETROVA);
	const wl_link *l = find_link(e, "sameAs", "ofac-46001", ANY);
	assert_non_null(l);
	assert_string_equal(l->target_name, "ofac-46001");
	assert_non_null(wl_dataset_find(ds, l->target));
	assert_non_null(
	    find_link(e, "sameAs", "gb-hmt-16273", ANY)); /* kept, found only if present */
	/* an OpenSanctions id merged into this one: our prefix, to meet another export's entity */
	l = find_link(entity_in(ds, LLC_CST), "sameAs", "os-NK-YFPY6R4uKcoUo468NxpkCe", ANY);
	assert_non_null(l);
	assert_string_equal(l->target_name, "NK-YFPY6R4uKcoUo468NxpkCe");
	wl_dataset_free(ds);

	ds = read_file(&wl_reader_ftm_json, T1);
	e = entity_in(ds, "os-NK-2GdmHtZTeNXjNVrBGEXZNj");
	assert_non_null(find_link(e, "sameAs", "ofac-32733", ANY));
	assert_int_equal(e->nlinks, 9);
	wl_dataset_free(ds);
}

static void test_t1(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, T1);
	assert_int_equal(ds->nentities, 6); /* 4 Person, 2 Organization; the Address is none */
	assert_int_equal(count_schema(ds, WL_SCHEMA_PERSON), 4);
	assert_int_equal(count_schema(ds, WL_SCHEMA_ORGANIZATION), 2);
	const wl_entity *e = entity_in(ds, "os-NK-2GdmHtZTeNXjNVrBGEXZNj");
	assert_string_equal(wl_entity_caption(e), "RAB „Inter Tobacco“");
	assert_int_equal(count(e, WL_PROP_NAME), 12);
	assert_has(e, WL_PROP_NAME, "Εταιρία περιορισμένης ευθύνης “Inter Tobacco”", NULL, NULL);
	assert_has(e, WL_PROP_NAME, "Таварыства з абмежаванай адказнасцю “Інтэр Табак”", NULL,
	           NULL);
	assert_has(e, WL_PROP_COUNTRY, "by", NULL, NULL);
	assert_has(e, WL_PROP_REGISTRATION_NUMBER, "808000714", NULL, NULL);
	wl_dataset_free(ds);
}

/* ---- a hand-written file: things first, every fold ---- */

static void test_synthetic(void **state)
{
	(void)state;
	wl_dataset *ds = read_file(&wl_reader_ftm_json, SYNTHETIC);
	assert_int_equal(ds->nentities, 4);
	assert_string_equal(ds->sources[0].name, "os_eu_fsf");
	assert_string_equal(ds->sources[0].list_date, "2025-07-01");
	const wl_entity *p = entity_in(ds, "os-NK-synthPerson1");
	assert_string_equal(wl_entity_caption(p), "Sergei Ivanovich PETROV");
	assert_has(p, WL_PROP_NAME, "Сергей Иванович Петров", NULL, NULL);
	assert_has(p, WL_PROP_WEAK_ALIAS, "Seryoga", NULL, NULL);
	const wl_value *v = find(p, WL_PROP_BIRTH_DATE, "1970-05-01", NULL, NULL);
	assert_non_null(v);
	assert_string_equal(v->original, "1970-05-01T00:00:00");
	v = find(p, WL_PROP_COUNTRY, "su", NULL, NULL); /* OpenSanctions' "suhh" */
	assert_non_null(v);
	assert_string_equal(v->original, "suhh");
	assert_null(find(p, WL_PROP_NATIONALITY, "zz", ANY, ANY));
	assert_has(p, WL_PROP_NOTES, "nationality: zz", NULL, NULL);
	assert_has(p, WL_PROP_NOTES, "fooBar: baz", NULL, NULL);
	/* the address named by a referent of the Address, its parts joined */
	assert_value(p, WL_PROP_ADDRESS, "12 Harbour Road, Limassol, 3035, Cyprus", NULL, "cy",
	             "NK-synthAddress");
	/* Sanction without listingDate: its startDate; Identification and Passport */
	assert_value(p, WL_PROP_PROGRAM, "RUSSIA-EO14024", "Office of Foreign Assets Control", "us",
	             "ofac-sanc-1");
	assert_value(p, WL_PROP_LISTING_DATE, "2022-03-11", NULL, NULL, "ofac-sanc-1");
	assert_value(p, WL_PROP_ID_NUMBER, "4510 123456", "National ID", "ru", "ru-ident-1");
	assert_value(p, WL_PROP_NOTES, "Identification.startDate: 2015-06-01", NULL, NULL,
	             "ru-ident-1");
	assert_value(p, WL_PROP_PASSPORT_NUMBER, "721234567", NULL, "ru", "ru-pass-1");
	assert_value(p, WL_PROP_ID_NUMBER, "0x7F367cC41522cE07553e823bf3be79A889DEbe1B",
	             "crypto wallet (ETH)", NULL, "ofac-wallet-1");
	assert_value(p, WL_PROP_POSITION, "Deputy Minister of Example Affairs", "ended", NULL,
	             "occ-1");
	/* a relationship whose first party is not in the file: a note on the second */
	assert_value(p, WL_PROP_NOTES, "Family.person: NK-notInThisFile; Son", NULL, NULL, "fam-1");
	const wl_link *l = find_link(p, "directorship", "os-NK-synthCompany", ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "Director; startDate: 2019-01-01");

	const wl_entity *c = entity_in(ds, "os-NK-synthCompany");
	assert_non_null(find_link(c, "ownership", "os-NK-synthVessel", ANY));
	l = find_link(c, "unknownLink", "os-NK-elsewhere", ANY); /* to an entity not in the file */
	assert_non_null(l);
	assert_string_equal(l->target_name, "NK-elsewhere");
	assert_string_equal(l->detail, "Partner");

	const wl_entity *vessel = entity_in(ds, "os-NK-synthVessel");
	assert_int_equal(vessel->schema, WL_SCHEMA_VESSEL);
	assert_has(vessel, WL_PROP_IMO_NUMBER, "9876543", NULL, NULL);
	assert_has(vessel, WL_PROP_FLAG, "pa", NULL, NULL);
	assert_value(vessel, WL_PROP_UNSC_ID, "SAi.001", NULL, NULL, "eu-sanc-2");
	assert_value(vessel, WL_PROP_PROGRAM, "EU-RUS", NULL, NULL, "eu-sanc-2");
	assert_value(vessel, WL_PROP_NOTES, "Note: Vessel seen at Ust-Luga", NULL, NULL, "note-1");
	assert_non_null(find_link(vessel, "owner", "os-NK-synthCompany", ANY));
	assert_int_equal(entity_in(ds, "os-NK-synthPublicBody")->schema, WL_SCHEMA_ORGANIZATION);
	wl_dataset_free(ds);
}

/* ---- broken input ---- */

static void expect_error(const char *file, const char *want)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	assert_int_equal(wl_reader_ftm_json.read(ds, file), WL_EINPUT);
	const char *msg = wl_error_last();
	if (strncmp(msg, want, strlen(want)) != 0)
		fail_msg("%s: got \"%s\", want it to start with \"%s\"", file, msg, want);
	wl_dataset_free(ds);
}

static void test_broken_files(void **state)
{
	(void)state;
	expect_error(FIXTURES "bad_json.ftm.json",
	             FIXTURES "bad_json.ftm.json:2: invalid JSON: string or '}' expected");
	expect_error(FIXTURES "missing_id.ftm.json", FIXTURES "missing_id.ftm.json:2: id: missing");
	expect_error(FIXTURES "value_not_string.ftm.json",
	             FIXTURES "value_not_string.ftm.json:3: properties.birthDate: not a list of "
	                      "strings");
	expect_error(FIXTURES "properties_not_object.ftm.json",
	             FIXTURES "properties_not_object.ftm.json:1: properties: not an object");
	expect_error(FIXTURES "invalid_utf8.ftm.json",
	             FIXTURES "invalid_utf8.ftm.json:2: invalid JSON: unable to decode byte 0xe9");
	expect_error(FIXTURES "truncated.ftm.json",
	             FIXTURES "truncated.ftm.json:1: invalid JSON: premature end of input");
	expect_error(FIXTURES "not_object.ftm.json",
	             FIXTURES "not_object.ftm.json:2: not a JSON object");
}

static void test_memory(void **state)
{
	(void)state;
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	int src = 5;
	assert_int_equal(wl_ftm_json_read_mem(ds, "mem", "", 0, &src), WL_EINPUT);
	assert_int_equal(src, -1);
	assert_string_equal(wl_error_last(), "mem: no FtM entities: the file is empty");
	assert_int_equal(wl_ftm_json_read_mem(ds, "mem", "\n \r\n", 4, NULL), WL_EINPUT);
	/* CRLF lines, blank lines, no final newline; no datasets: the source is os_ftm */
	static const char two[] =
	    "{\"id\": \"x1\", \"schema\": \"LegalEntity\", \"properties\": {\"name\": "
	    "\"Acme\"}}\r\n"
	    "\r\n"
	    "{\"id\": \"x1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Acme Ltd\"]}}";
	assert_int_equal(wl_ftm_json_read_mem(ds, "mem", two, strlen(two), &src), 0);
	assert_int_equal(src, 0);
	assert_string_equal(ds->sources[0].name, "os_ftm");
	assert_null(ds->sources[0].list_date);
	assert_int_equal(ds->sources[0].nfiles, 0);
	assert_int_equal(ds->nentities, 1); /* one id twice: one entity */
	const wl_entity *e = entity_in(ds, "os-x1");
	assert_int_equal(e->schema, WL_SCHEMA_COMPANY);
	assert_int_equal(count(e, WL_PROP_NAME), 2);
	/* a caption and no names: the caption is the name, unless it is the schema's label */
	static const char cap[] =
	    "{\"id\": \"x2\", \"schema\": \"Person\", \"caption\": \"Jo Doe\","
	    " \"properties\": {}}\n"
	    "{\"id\": \"x3\", \"schema\": \"Person\", \"caption\": \"Person\","
	    " \"properties\": {}}\n";
	assert_int_equal(wl_ftm_json_read_mem(ds, "mem", cap, strlen(cap), NULL), 0);
	assert_has(entity_in(ds, "os-x2"), WL_PROP_NAME, "Jo Doe", "caption", NULL);
	assert_int_equal(entity_in(ds, "os-x3")->nvalues, 0);
	/* a referent that is a line of the file, and a Wikidata id */
	static const char ref[] = "{\"id\": \"x4\", \"schema\": \"Person\", \"properties\": {},"
	                          " \"referents\": [\"x2\", \"Q42\", \"Q4x\", \"\"]}\n"
	                          "{\"id\": \"x2\", \"schema\": \"Person\", \"properties\": {}}\n";
	assert_int_equal(wl_ftm_json_read_mem(ds, "mem", ref, strlen(ref), NULL), 0);
	e = entity_in(ds, "os-x4");
	assert_int_equal(e->nlinks, 3);
	assert_non_null(find_link(e, "sameAs", "os-x2", ANY));
	assert_non_null(find_link(e, "sameAs", "os-Q42", ANY));
	assert_non_null(find_link(e, "sameAs", "Q4x", ANY));
	wl_dataset_free(ds);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff_file(&wl_reader_ftm_json, ZALA), 90);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, T1), 90);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, SYNTHETIC), 90);
	/* a first line cut short: taken, so that reading it names the line */
	assert_int_equal(sniff_file(&wl_reader_ftm_json, FIXTURES "truncated.ftm.json"), 50);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, FIXTURES "properties_not_object.ftm.json"),
	                 WL_SNIFF_NO);
	assert_int_equal(
	    sniff_file(&wl_reader_ftm_json, "data/lists/misp_galaxy/threat-actor.json"),
	    WL_SNIFF_NO);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, "data/lists/un/UN_consolidated.xml"),
	                 WL_SNIFF_NO);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, "data/lists/ofac_sdn/sdn.csv"),
	                 WL_SNIFF_NO);
	assert_int_equal(sniff_file(&wl_reader_ftm_json, "tests/fixtures/inhouse/example_bank.csv"),
	                 WL_SNIFF_NO);
	static const char stix[] =
	    "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": []}\n";
	assert_int_equal(wl_reader_ftm_json.sniff("x", stix, strlen(stix)), WL_SNIFF_NO);
	static const char batch[] = "{\"name\": \"Ni Gaobin\", \"dob\": \"1985\"}\n";
	assert_int_equal(wl_reader_ftm_json.sniff("x", batch, strlen(batch)), WL_SNIFF_NO);
	static const char query[] =
	    "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": "
	    "{\"name\": [\"Ni \xff\"]}}}}";
	assert_int_equal(wl_reader_ftm_json.sniff("x", query, strlen(query)), WL_SNIFF_NO);
	/* found by fuzzing: a head that ends inside the first key is not read past its end */
	char *cut = malloc(2);
	memcpy(cut, "{\"", 2);
	assert_int_equal(wl_reader_ftm_json.sniff("x", cut, 2), WL_SNIFF_NO);
	free(cut);
	static const char one[] = "  {\"schema\": \"Person\", \"properties\": {}, \"id\": \"a\"}";
	assert_int_equal(wl_reader_ftm_json.sniff("x", one, strlen(one)), 90);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_zala_counts),
	    cmocka_unit_test(test_source),
	    cmocka_unit_test(test_cyrillic_person),
	    cmocka_unit_test(test_sanctions_folded),
	    cmocka_unit_test(test_relationships),
	    cmocka_unit_test(test_referents),
	    cmocka_unit_test(test_t1),
	    cmocka_unit_test(test_synthetic),
	    cmocka_unit_test(test_broken_files),
	    cmocka_unit_test(test_memory),
	    cmocka_unit_test(test_sniff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
