/*
 * test_model.c - the entity model: values, repeats, UTF-8, links, countries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/entity.h"
#include "model/error.h"
#include "text/countries.h"

static int setup(void **state)
{
	wl_dataset *ds;
	if (wl_dataset_new(&ds))
		return -1;
	wl_source src = {.name = "test_list", .title = "Test list", .format = "test"};
	if (wl_dataset_source(ds, &src) != 0)
		return -1;
	*state = ds;
	return 0;
}

static int teardown(void **state)
{
	wl_dataset_free(*state);
	return 0;
}

static void values_are_trimmed_and_repeats_dropped(void **state)
{
	wl_dataset *ds = *state;
	wl_entity *e = wl_dataset_entity(ds, 0, "t", "1", WL_SCHEMA_PERSON);
	assert_non_null(e);
	assert_string_equal(e->id, "t-1");
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "  NI,\t Gaobin \r\n", NULL), 0);
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "NI, Gaobin", NULL), 0);
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "   ", NULL), 0);
	assert_int_equal(e->nvalues, 1);
	assert_string_equal(e->values[0].text, "NI, Gaobin");
	assert_string_equal(e->values[0].record, "1");
	/* Unicode spaces count as white space: no-break, narrow no-break, ideographic */
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_ALIAS, "\xC2\xA0" "Khazalbek\xE2\x80\xAF\xC2\xA0" "Atabekov\xE3\x80\x80", NULL), 0);
	assert_string_equal(e->values[1].text, "Khazalbek Atabekov");
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_ALIAS, "\xC2\xA0 \xE2\x80\x83", NULL), 0);
	assert_int_equal(e->nvalues, 2);
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_ALIAS, "caf\xC3\xA9", NULL), 0); /* é is no space */
	assert_string_equal(e->values[2].text, "caf\xC3\xA9");
	/* the same text with another qualifier is another fact */
	wl_fact f = {.detail = "National ID No.", .country = "cn", .record = "alt.csv:7"};
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_ID_NUMBER, "421003198510272917", &f), 0);
	f.detail = "Passport";
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_ID_NUMBER, "421003198510272917", &f), 0);
	assert_int_equal(e->nvalues, 5);
	assert_string_equal(e->values[3].country, "cn");
	assert_string_equal(e->values[3].record, "alt.csv:7");
	assert_string_equal(wl_entity_caption(e), "NI, Gaobin");
}

static void the_same_id_is_the_same_entity(void **state)
{
	wl_dataset *ds = *state;
	wl_entity *a = wl_dataset_entity(ds, 0, "t", "2", WL_SCHEMA_LEGAL_ENTITY);
	wl_entity *b = wl_dataset_entity(ds, 0, "t", "2", WL_SCHEMA_COMPANY);
	assert_ptr_equal(a, b);
	assert_int_equal(a->schema, WL_SCHEMA_COMPANY); /* the specific schema wins */
	assert_ptr_equal(wl_dataset_find(ds, "t-2"), a);
	assert_null(wl_dataset_find(ds, "t-3"));
}

static void invalid_utf8_is_refused(void **state)
{
	wl_dataset *ds = *state;
	wl_entity *e = wl_dataset_entity(ds, 0, "t", "3", WL_SCHEMA_PERSON);
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "caf\xe9", NULL), WL_EINPUT);
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "\xc0\xaf", NULL), WL_EINPUT);       /* overlong */
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "\xed\xa0\x80", NULL), WL_EINPUT);   /* surrogate */
	assert_int_equal(wl_entity_puts(ds, e, WL_PROP_NAME, "倪高彬", NULL), 0);
	assert_int_equal(e->nvalues, 1);
	assert_true(wl_utf8_valid("Ζαλα", strlen("Ζαλα")));
	assert_false(wl_utf8_valid("a\0b", 3));
}

static void links_by_name_are_resolved_within_a_source(void **state)
{
	wl_dataset *ds = *state;
	wl_entity *co = wl_dataset_entity(ds, 0, "t", "10", WL_SCHEMA_ORGANIZATION);
	wl_entity *p = wl_dataset_entity(ds, 0, "t", "11", WL_SCHEMA_PERSON);
	wl_entity *q = wl_dataset_entity(ds, 0, "t", "12", WL_SCHEMA_PERSON);
	wl_entity_puts(ds, co, WL_PROP_NAME, "WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED", NULL);
	wl_entity_puts(ds, p, WL_PROP_NAME, "NI, Gaobin", NULL);
	wl_entity_puts(ds, q, WL_PROP_NAME, "SOMEONE", NULL);
	assert_int_equal(wl_entity_link(ds, p, "linkedTo", NULL,
					"Wuhan Xiaoruizhi Science and Technology Company Limited", NULL, NULL), 0);
	assert_int_equal(wl_entity_link(ds, q, "linkedTo", NULL, "NOBODY WE KNOW", NULL, NULL), 0);
	assert_int_equal(wl_dataset_resolve_links(ds), 1);
	assert_string_equal(p->links[0].target, "t-10");
	assert_null(q->links[0].target);
	assert_string_equal(q->links[0].target_name, "NOBODY WE KNOW");
}

static void sources_merge_by_name(void **state)
{
	wl_dataset *ds = *state;
	wl_source a = {.name = "test_list", .list_date = "2024-05-03"};
	assert_int_equal(wl_dataset_source(ds, &a), 0);
	assert_string_equal(ds->sources[0].list_date, "2024-05-03");
	assert_string_equal(ds->sources[0].title, "Test list");
	wl_source b = {.name = "other"};
	assert_int_equal(wl_dataset_source(ds, &b), 1);
	assert_int_equal(ds->nsources, 2);
	assert_int_equal(wl_dataset_source_file(ds, 0, "data/lists/un/UN_consolidated.xml", "list"), 0);
	assert_int_equal(strlen(ds->sources[0].files[0].sha256), 64);
	assert_true(ds->sources[0].files[0].bytes > 1000000);
	assert_int_equal(wl_dataset_source_file(ds, 0, "no/such/file", "list"), WL_EIO);
}

static void countries_from_names_codes_and_adjectives(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"China", "cn"}, {"CHN", "cn"}, {"cn", "cn"}, {"Chinese", "cn"},
		{"Russian Federation", "ru"}, {"Russia", "ru"}, {"Korea, North", "kp"},
		{"Democratic People's Republic of Korea", "kp"}, {"Côte d'Ivoire", "ci"},
		{"Cote d'Ivoire", "ci"}, {"Iran (Islamic Republic of)", "ir"},
		{"Democratic Republic of the Congo", "cd"}, {"Türkiye", "tr"}, {"Turkey", "tr"},
		{"Viet Nam", "vn"}, {"United Kingdom of Great Britain and Northern Ireland", "gb"},
		{"the Netherlands", "nl"}, {"Kosovo", "xk"}, {"Syrian Arab Republic", "sy"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = wl_country_code(cases[i][0], (size_t)-1);
		assert_non_null(got);
		assert_string_equal(got, cases[i][1]);
	}
	assert_null(wl_country_code("Narnia", (size_t)-1));
	assert_null(wl_country_code("", (size_t)-1));
	assert_string_equal(wl_country_name("cn"), "China");
	assert_string_equal(wl_country_name("XK"), "Kosovo");
}

static void input_errors_name_their_place(void **state)
{
	(void)state;
	assert_int_equal(wl_error_input("sdn.csv", 12, "Remarks", "unterminated quote"), WL_EINPUT);
	assert_string_equal(wl_error_last(), "sdn.csv:12: Remarks: unterminated quote");
	wl_error_input("x.xml", 0, NULL, "empty");
	assert_string_equal(wl_error_last(), "x.xml: empty");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(values_are_trimmed_and_repeats_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(the_same_id_is_the_same_entity, setup, teardown),
		cmocka_unit_test_setup_teardown(invalid_utf8_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(links_by_name_are_resolved_within_a_source, setup, teardown),
		cmocka_unit_test_setup_teardown(sources_merge_by_name, setup, teardown),
		cmocka_unit_test(countries_from_names_codes_and_adjectives),
		cmocka_unit_test(input_errors_name_their_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
