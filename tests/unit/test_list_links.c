/*
 * test_list_links.c - listings that cite one UN reference number are linked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "sources/list_links.h"

static wl_entity *listed(wl_dataset *ds, int src, const char *prefix, const char *id, const char *ref)
{
	wl_entity *e = wl_dataset_entity(ds, src, prefix, id, WL_SCHEMA_PERSON);
	wl_entity_puts(ds, e, WL_PROP_NAME, "ABDUL SATTAR", NULL);
	if (ref)
		wl_entity_puts(ds, e, WL_PROP_UNSC_ID, ref, NULL);
	return e;
}

static const wl_link *link_to(const wl_entity *e, const char *id)
{
	for (size_t i = 0; i < e->nlinks; i++)
		if (e->links[i].target && !strcmp(e->links[i].target, id))
			return &e->links[i];
	return NULL;
}

static void shared_reference_numbers_link_listings(void **state)
{
	(void)state;
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	wl_source un = {.name = "un_sc_sanctions"}, uk = {.name = "gb_fcdo_sanctions"},
		  eu = {.name = "eu_fsf"};
	int s_un = wl_dataset_source(ds, &un), s_uk = wl_dataset_source(ds, &uk),
	    s_eu = wl_dataset_source(ds, &eu);
	wl_entity *a = listed(ds, s_un, "un", "1", "TAi.001");
	wl_entity *b = listed(ds, s_uk, "gb-fcdo", "AFG0001", "TAi.001 ");
	wl_entity *c = listed(ds, s_eu, "eu-fsf", "77", "tai.001");
	wl_entity *d = listed(ds, s_uk, "gb-fcdo", "AFG0002", "TAi.002");
	wl_entity *e = listed(ds, s_uk, "gb-fcdo", "AFG0003", "TAi.001"); /* same list as b */
	int added = wl_lists_link(ds);
	assert_true(added > 0);
	assert_non_null(link_to(a, "gb-fcdo-AFG0001"));
	assert_non_null(link_to(b, "un-1"));
	assert_non_null(link_to(c, "un-1"));
	assert_non_null(link_to(c, "gb-fcdo-AFG0001"));
	assert_string_equal(link_to(b, "un-1")->type, "sameAs");
	assert_non_null(strstr(link_to(b, "un-1")->detail, "TAi.001"));
	assert_int_equal(link_to(b, "un-1")->source, s_uk);
	assert_int_equal(d->nlinks, 0);
	assert_null(link_to(b, "gb-fcdo-AFG0003")); /* not within one list */
	assert_non_null(link_to(e, "un-1"));
	assert_int_equal(wl_lists_link(ds), 0); /* idempotent */
	wl_dataset_free(ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shared_reference_numbers_link_listings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
