/*
 * test_sdn_remarks.c - OFAC remarks, fragment by fragment (src/sources/sdn_remarks.c).
 *
 * Every fragment here is copied from OFAC's sdn.csv or cons_prim.csv (the
 * bundled lists or the 2021 set), so the tests pin down how real remarks
 * become properties: the splitter first, then dates, then each kind of
 * fragment, then provenance (record and original wording).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model/entity.h"
#include "model/error.h"
#include "sources/sdn_remarks.h"

typedef struct fixture {
	wl_dataset *ds;
	wl_entity *e;
} fixture;

static int setup(void **state)
{
	static fixture fx;
	wl_source src = {.name = "test_remarks"};
	assert_int_equal(wl_dataset_new(&fx.ds), 0);
	int s = wl_dataset_source(fx.ds, &src);
	assert_true(s >= 0);
	fx.e = wl_dataset_entity(fx.ds, s, "ofac", "1", WL_SCHEMA_PERSON);
	assert_non_null(fx.e);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	wl_dataset_free(fx->ds);
	return 0;
}

static wl_entity *apply(void **state, const char *remarks)
{
	fixture *fx = *state;
	assert_int_equal(wl_sdn_remarks_apply(fx->ds, fx->e, remarks, strlen(remarks), NULL), 0);
	return fx->e;
}

static size_t count_of(const wl_entity *e, wl_prop prop)
{
	size_t n = 0;
	for (size_t i = 0; i < e->nvalues; i++)
		n += e->values[i].prop == prop;
	return n;
}

/* The value of prop with this text; fails the test when there is none. */
static const wl_value *value_of(const wl_entity *e, wl_prop prop, const char *text)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop && strcmp(e->values[i].text, text) == 0)
			return &e->values[i];
	fail_msg("no %s \"%s\"", wl_prop_name(prop), text);
	return NULL;
}

static void assert_detail(const wl_value *v, const char *detail)
{
	if (!detail)
		assert_null(v->detail);
	else
		assert_string_equal(v->detail, detail);
}

/* ---- splitting ---- */

typedef struct fragments {
	char text[16][128];
	size_t n;
} fragments;

static int collect(void *ctx, const char *frag, size_t len, size_t offset)
{
	fragments *f = ctx;
	assert_true(f->n < 16 && len < 128);
	memcpy(f->text[f->n], frag, len);
	f->text[f->n][len] = '\0';
	f->n++;
	return 0;
}

static fragments split(const char *remarks)
{
	fragments f = {.n = 0};
	assert_int_equal(wl_sdn_remarks_split(remarks, strlen(remarks), collect, &f), 0);
	return f;
}

static void test_split_at_semicolons_and_final_period(void **state)
{
	fragments f =
	    split("DOB 27 Oct 1985; POB Jingzhou Municipality, China; nationality China.");
	assert_int_equal(f.n, 3);
	assert_string_equal(f.text[0], "DOB 27 Oct 1985");
	assert_string_equal(f.text[1], "POB Jingzhou Municipality, China");
	assert_string_equal(f.text[2], "nationality China");
}

static void test_split_keeps_final_initialism(void **state)
{
	fragments f = split("Linked To: GRUPO MUNDO MARINO, S.A.");
	assert_int_equal(f.n, 1);
	assert_string_equal(f.text[0], "Linked To: GRUPO MUNDO MARINO, S.A.");
}

static void test_split_not_inside_parentheses(void **state)
{
	fragments f = split("Passport 0310857 (Eritrea; issued 21 Aug 2006); DOB 1969.");
	assert_int_equal(f.n, 2);
	assert_string_equal(f.text[0], "Passport 0310857 (Eritrea; issued 21 Aug 2006)");
}

static void test_split_not_inside_quoted_names(void **state)
{
	fragments f =
	    split("a.k.a. 'HASAN, 'Ali bin'; a.k.a. 'Abu Haza''; a.k.a. 'X; Y'; DOB 1970.");
	assert_int_equal(f.n, 4);
	assert_string_equal(f.text[0], "a.k.a. 'HASAN, 'Ali bin'");
	assert_string_equal(f.text[1], "a.k.a. 'Abu Haza''");
	assert_string_equal(f.text[2], "a.k.a. 'X; Y'");
}

static void test_split_ayn_does_not_open_a_quote(void **state)
{
	fragments f = split("Passport OR801168 issued under the name Said Jan 'Abd al-Salam; "
	                    "Passport 4117921; DOB 1962.");
	assert_int_equal(f.n, 3);
}

static void test_split_survives_open_parenthesis(void **state)
{
	/* a field cut at 1000 characters, never continued */
	fragments f = split("DOB 1980; Listing Date (EO 14024 Direct; Gender Male");
	assert_int_equal(f.n, 3);
	assert_string_equal(f.text[2], "Gender Male");
}

static void test_split_without_space_and_trailing(void **state)
{
	fragments f = split("nationality possibly Palestinian;arrested 23 Apr 2002; ;");
	assert_int_equal(f.n, 2);
	assert_string_equal(f.text[1], "arrested 23 Apr 2002");
	assert_int_equal(split("").n, 0);
	assert_int_equal(split(" . ").n, 0);
}

/* ---- dates ---- */

static void assert_date(const char *in, const char *want)
{
	char out[11];
	size_t n = wl_sdn_date_iso(in, strlen(in), out);
	if (!want) {
		assert_int_equal(n, 0);
		return;
	}
	assert_int_equal(n, strlen(want));
	assert_string_equal(out, want);
}

static void test_dates(void **state)
{
	assert_date("27 Oct 1985", "1985-10-27");
	assert_date("01 Jan 1948", "1948-01-01");
	assert_date("10 October 1969", "1969-10-10");
	assert_date("Oct 1985", "1985-10");
	assert_date("Sept 2001", "2001-09");
	assert_date("1985", "1985");
	assert_date("31 Feb 1990", NULL);
	assert_date("32 Jan 1990", NULL);
	assert_date("1985 10", NULL);
	assert_date("Octopus 1985", NULL);
	assert_date("85", NULL);
	assert_date("", NULL);
	assert_date("1 2 3 4", NULL);
}

/* ---- people ---- */

static void test_dob_forms(void **state)
{
	wl_entity *e =
	    apply(state, "DOB 27 Oct 1985; alt. DOB Oct 1985; DOB 1984; DOB circa 1956.");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1985-10-27"), NULL);
	assert_string_equal(value_of(e, WL_PROP_BIRTH_DATE, "1985-10-27")->original,
	                    "DOB 27 Oct 1985");
	value_of(e, WL_PROP_BIRTH_DATE, "1985-10");
	value_of(e, WL_PROP_BIRTH_DATE, "1984");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1956"), "circa");
}

static void test_dob_ranges(void **state)
{
	wl_entity *e = apply(state, "DOB 1985 to 1987");
	assert_int_equal(count_of(e, WL_PROP_BIRTH_DATE), 3);
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1985"), "range 1985 to 1987");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1986"), "range 1985 to 1987");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1987"), "range 1985 to 1987");
	apply(state, "DOB 01 Jan 1948 to 31 Dec 1948; DOB circa 1979-1982");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1948"), "range 01 Jan 1948 to 31 Dec 1948");
	assert_detail(value_of(e, WL_PROP_BIRTH_DATE, "1980"), "circa, range 1979-1982");
	assert_int_equal(count_of(e, WL_PROP_BIRTH_DATE), 8);
}

static void test_dob_unreadable_is_a_note(void **state)
{
	wl_entity *e = apply(state, "DOB unknown");
	assert_int_equal(count_of(e, WL_PROP_BIRTH_DATE), 0);
	value_of(e, WL_PROP_NOTES, "DOB unknown");
}

static void test_place_nationality_citizenship_gender(void **state)
{
	wl_entity *e = apply(state, "POB Jingzhou Municipality, China; nationality China; "
	                            "citizen Korea, North; Gender Male; alt. nationality Russia");
	value_of(e, WL_PROP_BIRTH_PLACE, "Jingzhou Municipality, China");
	assert_string_equal(value_of(e, WL_PROP_NATIONALITY, "cn")->original, "nationality China");
	value_of(e, WL_PROP_NATIONALITY, "ru");
	value_of(e, WL_PROP_CITIZENSHIP, "kp");
	value_of(e, WL_PROP_GENDER, "male");
	apply(state, "Gender Female; nationality Congo, Democratic Republic of the");
	value_of(e, WL_PROP_GENDER, "female");
	value_of(e, WL_PROP_NATIONALITY, "cd");
}

static void test_unknown_nationality_is_a_note(void **state)
{
	wl_entity *e = apply(state, "nationality possibly Palestinian");
	assert_int_equal(count_of(e, WL_PROP_NATIONALITY), 0);
	value_of(e, WL_PROP_NOTES, "nationality possibly Palestinian");
}

/* ---- identifiers ---- */

static void assert_id(const wl_value *v, const char *detail, const char *country)
{
	assert_detail(v, detail);
	if (!country)
		assert_null(v->country);
	else
		assert_string_equal(v->country, country);
}

static void test_passports(void **state)
{
	wl_entity *e =
	    apply(state, "Passport N0000259216 (Cambodia) expires 10 Jun 2025; "
	                 "alt. Passport DM002422 (Burma) issued 19 Mar 2014 expires 18 Mar 2024; "
	                 "Diplomatic Passport D000080; Passport 71 1600237 (Russia)");
	assert_id(value_of(e, WL_PROP_PASSPORT_NUMBER, "N0000259216"),
	          "Passport, expires 10 Jun 2025", "kh");
	assert_id(value_of(e, WL_PROP_PASSPORT_NUMBER, "DM002422"),
	          "Passport, issued 19 Mar 2014 expires 18 Mar 2024", "mm");
	assert_id(value_of(e, WL_PROP_PASSPORT_NUMBER, "D000080"), "Diplomatic Passport", NULL);
	assert_id(value_of(e, WL_PROP_PASSPORT_NUMBER, "71 1600237"), "Passport", "ru");
	assert_string_equal(
	    value_of(e, WL_PROP_PASSPORT_NUMBER, "DM002422")->original,
	    "alt. Passport DM002422 (Burma) issued 19 Mar 2014 expires 18 Mar 2024");
}

static void test_personal_ids(void **state)
{
	wl_entity *e = apply(
	    state, "National ID No. 421003198510272917 (China); "
	           "Cedula No. 16446807 (Colombia); SSN 418-15-2837 (United States); "
	           "Identification Number 750105-3735 (Sweden); "
	           "National ID No. (HWI)040182 (Burma); C.U.R.P. FOSA801119HMNLLD09 (Mexico)");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "421003198510272917"), "National ID No.", "cn");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "16446807"), "Cedula No.", "co");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "418-15-2837"), "SSN", "us");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "750105-3735"), "Identification Number", "se");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "(HWI)040182"), "National ID No.", "mm");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "FOSA801119HMNLLD09"), "C.U.R.P.", "mx");
}

static void test_tax_and_registration_numbers(void **state)
{
	wl_entity *e = apply(state, "Tax ID No. 7744001497 (Russia); NIT # 9009355997 (Colombia); "
	                            "Registration Number HRA 738509 (Stuttgart) (Germany); "
	                            "Business Registration Number 10889604 (United Arab Emirates); "
	                            "Company Number 06813827 (United Kingdom); "
	                            "Unified Social Credit Code (USCC) 91420100551956105K (China)");
	assert_id(value_of(e, WL_PROP_TAX_NUMBER, "7744001497"), "Tax ID No.", "ru");
	assert_id(value_of(e, WL_PROP_TAX_NUMBER, "9009355997"), "NIT #", "co");
	assert_id(value_of(e, WL_PROP_REGISTRATION_NUMBER, "HRA 738509"),
	          "Registration Number (Stuttgart)", "de");
	assert_id(value_of(e, WL_PROP_REGISTRATION_NUMBER, "10889604"),
	          "Business Registration Number", "ae");
	assert_id(value_of(e, WL_PROP_REGISTRATION_NUMBER, "06813827"), "Company Number", "gb");
	assert_id(value_of(e, WL_PROP_REGISTRATION_NUMBER, "91420100551956105K"),
	          "Unified Social Credit Code (USCC)", "cn");
}

static void test_bank_vessel_and_crypto_ids(void **state)
{
	wl_entity *e =
	    apply(state, "Legal Entity Number 253400WSS48YWMBUA688; SWIFT/BIC KYCBKPPY; "
	                 "Vessel Registration Identification IMO 9167148; MMSI 636016459; "
	                 "Identification Number IMO 6032118; "
	                 "Digital Currency Address - XBT 134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak");
	assert_id(value_of(e, WL_PROP_LEI_CODE, "253400WSS48YWMBUA688"), "Legal Entity Number",
	          NULL);
	assert_id(value_of(e, WL_PROP_SWIFT_BIC, "KYCBKPPY"), "SWIFT/BIC", NULL);
	assert_id(value_of(e, WL_PROP_IMO_NUMBER, "9167148"),
	          "Vessel Registration Identification IMO", NULL);
	assert_id(value_of(e, WL_PROP_IMO_NUMBER, "6032118"), "Identification Number IMO", NULL);
	assert_id(value_of(e, WL_PROP_MMSI, "636016459"), "MMSI", NULL);
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak"),
	          "Digital Currency Address - XBT", NULL);
}

static void test_unlisted_identifier_kinds(void **state)
{
	wl_entity *e = apply(state, "Permit Number IG0724T102018 (Maldives) issued 22 May 2018; "
	                            "MSB Registration Number M18867067 (Canada); "
	                            "Passport issued in Sarajevo, Bosnia-Herzegovina");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "IG0724T102018"),
	          "Permit Number, issued 22 May 2018", "mv");
	assert_id(value_of(e, WL_PROP_ID_NUMBER, "M18867067"), "MSB Registration Number", "ca");
	value_of(e, WL_PROP_NOTES, "Passport issued in Sarajevo, Bosnia-Herzegovina");
	assert_int_equal(count_of(e, WL_PROP_PASSPORT_NUMBER), 0);
}

/* ---- organisations, contacts, vessels, aircraft ---- */

static void test_organisation_facts(void **state)
{
	wl_entity *e = apply(state, "Organization Established Date 08 Mar 2010; "
	                            "Organization Type: Computer programming activities; "
	                            "Website www.iranair.com; Email Address info@peykasa.ir; "
	                            "Phone Number 8613314257947; Fax (357)(22668608)");
	value_of(e, WL_PROP_INCORPORATION_DATE, "2010-03-08");
	value_of(e, WL_PROP_SECTOR, "Computer programming activities");
	value_of(e, WL_PROP_WEBSITE, "www.iranair.com");
	value_of(e, WL_PROP_EMAIL, "info@peykasa.ir");
	value_of(e, WL_PROP_PHONE, "8613314257947");
	assert_detail(value_of(e, WL_PROP_PHONE, "(357)(22668608)"), "Fax");
}

static void test_vessel_and_aircraft_facts(void **state)
{
	wl_entity *e = apply(state, "Vessel Year of Build 2011; Other Vessel Flag Panama; "
	                            "Other Vessel Type Roll-on Roll-off; Former Vessel Flag Malta; "
	                            "Aircraft Model B737; Aircraft Manufacture Date Sep 2007; "
	                            "Aircraft Manufacturer's Serial Number (MSN) 24383; "
	                            "Aircraft Tail Number YV3034; Aircraft Operator MAHAN AIR");
	value_of(e, WL_PROP_BUILD_DATE, "2011");
	value_of(e, WL_PROP_BUILD_DATE, "2007-09");
	assert_detail(value_of(e, WL_PROP_FLAG, "pa"), "Other Vessel Flag");
	value_of(e, WL_PROP_VESSEL_TYPE, "Roll-on Roll-off");
	value_of(e, WL_PROP_NOTES, "Former Vessel Flag Malta");
	value_of(e, WL_PROP_MODEL, "B737");
	value_of(e, WL_PROP_SERIAL_NUMBER, "24383");
	value_of(e, WL_PROP_REGISTRATION_NUMBER, "YV3034");
	assert_int_equal(e->nlinks, 1);
	assert_string_equal(e->links[0].type, "operator");
	assert_string_equal(e->links[0].target_name, "MAHAN AIR");
}

/* ---- names and links ---- */

static void test_quoted_names(void **state)
{
	wl_entity *e = apply(state, "a.k.a. 'BNC'; f.k.a. 'KYONGYONG CREDIT BANK'; "
	                            "n.k.a. 'NEW NAME LLC'; a.k.a. 'ABU-'UMAR'.");
	value_of(e, WL_PROP_WEAK_ALIAS, "BNC");
	value_of(e, WL_PROP_WEAK_ALIAS, "ABU-'UMAR");
	value_of(e, WL_PROP_PREVIOUS_NAME, "KYONGYONG CREDIT BANK");
	assert_detail(value_of(e, WL_PROP_ALIAS, "NEW NAME LLC"), "n.k.a.");
	assert_string_equal(value_of(e, WL_PROP_WEAK_ALIAS, "BNC")->original, "a.k.a. 'BNC'");
}

static void test_linked_to(void **state)
{
	wl_entity *e =
	    apply(state, "Linked To: LAZARUS GROUP; Linked To: GRUPO MUNDO MARINO, S.A.");
	assert_int_equal(e->nlinks, 2);
	assert_string_equal(e->links[0].type, "linkedTo");
	assert_null(e->links[0].target);
	assert_string_equal(e->links[0].target_name, "LAZARUS GROUP");
	assert_string_equal(e->links[1].target_name, "GRUPO MUNDO MARINO, S.A.");
}

/* ---- notes ---- */

static void test_sanctions_information_is_kept_as_notes(void **state)
{
	wl_entity *e =
	    apply(state, "Additional Sanctions Information - Subject to Secondary Sanctions; "
	                 "Secondary sanctions risk: section 1(b) of Executive Order 13224, as "
	                 "amended by Executive Order 13886; Executive Order 13846 information: "
	                 "FOREIGN EXCHANGE.  Sec. 5(a)(ii); Listing Date (EO 14024 Directive 2): "
	                 "24 Feb 2022; Scientific Studies and Research Center Employee");
	assert_int_equal(count_of(e, WL_PROP_NOTES), 5);
	value_of(e, WL_PROP_NOTES,
	         "Additional Sanctions Information - Subject to Secondary Sanctions");
	value_of(e, WL_PROP_NOTES, "Listing Date (EO 14024 Directive 2): 24 Feb 2022");
	value_of(e, WL_PROP_NOTES,
	         "Executive Order 13846 information: FOREIGN EXCHANGE. Sec. 5(a)(ii)");
	assert_int_equal(e->nvalues, 5);
}

/* ---- provenance ---- */

static void test_tail_record_for_the_comments_part(void **state)
{
	fixture *fx = *state;
	const char *text = "DOB 12 Jul 1986; a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.";
	size_t tail = strlen("DOB 12 Jul 1986; a.k.a. 'snows");
	wl_sdn_origin origin = {.tail_from = tail, .tail_record = "sdn_comments.csv:28263"};
	assert_int_equal(wl_sdn_remarks_apply(fx->ds, fx->e, text, strlen(text), &origin), 0);
	assert_string_equal(value_of(fx->e, WL_PROP_BIRTH_DATE, "1986-07-12")->record, "1");
	/* a fragment that straddles the cut belongs to the main record */
	assert_string_equal(value_of(fx->e, WL_PROP_WEAK_ALIAS, "snowsjohn")->record, "1");
	assert_string_equal(fx->e->links[0].record, "sdn_comments.csv:28263");
}

static void test_one_fragment(void **state)
{
	fixture *fx = *state;
	const char *frag = "  Gender Male  ";
	assert_int_equal(wl_sdn_remark_apply(fx->ds, fx->e, frag, strlen(frag), "alt.csv:1"), 0);
	assert_string_equal(value_of(fx->e, WL_PROP_GENDER, "male")->record, "alt.csv:1");
	assert_int_equal(wl_sdn_remark_apply(fx->ds, fx->e, "  ", 2, NULL), 0);
	assert_int_equal(fx->e->nvalues, 1);
}

static void test_country_forms(void **state)
{
	assert_string_equal(wl_sdn_country_code("Congo, Democratic Republic of the", 33), "cd");
	assert_string_equal(wl_sdn_country_code("Region: Gaza", 12), "ps");
	assert_string_equal(wl_sdn_country_code("Bahamas, The", 12), "bs");
	assert_string_equal(wl_sdn_country_code("Korea, North", 12), "kp");
	assert_null(wl_sdn_country_code("undetermined", 12));
	assert_null(wl_sdn_country_code("", 0));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    T(test_split_at_semicolons_and_final_period),
	    T(test_split_keeps_final_initialism),
	    T(test_split_not_inside_parentheses),
	    T(test_split_not_inside_quoted_names),
	    T(test_split_ayn_does_not_open_a_quote),
	    T(test_split_survives_open_parenthesis),
	    T(test_split_without_space_and_trailing),
	    T(test_dates),
	    T(test_dob_forms),
	    T(test_dob_ranges),
	    T(test_dob_unreadable_is_a_note),
	    T(test_place_nationality_citizenship_gender),
	    T(test_unknown_nationality_is_a_note),
	    T(test_passports),
	    T(test_personal_ids),
	    T(test_tax_and_registration_numbers),
	    T(test_bank_vessel_and_crypto_ids),
	    T(test_unlisted_identifier_kinds),
	    T(test_organisation_facts),
	    T(test_vessel_and_aircraft_facts),
	    T(test_quoted_names),
	    T(test_linked_to),
	    T(test_sanctions_information_is_kept_as_notes),
	    T(test_tail_record_for_the_comments_part),
	    T(test_one_fragment),
	    T(test_country_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
