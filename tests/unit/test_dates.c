/*
 * test_dates.c - dates of birth: every written form, and how two relate.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text/dates.h"

static void expect(const char *in, const char *iso)
{
	wl_date d;
	char out[11];
	assert_int_equal(wl_date_parse(in, strlen(in), &d), 0);
	wl_date_format(&d, out);
	assert_string_equal(out, iso);
}

static void every_form_parses(void **state)
{
	(void)state;
	expect("1985-10-27", "1985-10-27");
	expect("1985-10", "1985-10");
	expect("1985", "1985");
	expect("27.10.1985", "1985-10-27");
	expect("27/10/1985", "1985-10-27");
	expect("27 Oct 1985", "1985-10-27");
	expect("Oct 1985", "1985-10");
	expect("October 27, 1985", "1985-10-27");
	expect(" 1985-10-27 ", "1985-10-27");
}

static void non_dates_are_refused(void **state)
{
	(void)state;
	static const char *const bad[] = {"", "unknown", "1985-13-01", "1985-02-30", "85", "31.04.1985",
					  "27 Foo 1985", "1985-10-27-12"};
	wl_date d;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(wl_date_parse(bad[i], strlen(bad[i]), &d), -1);
}

static wl_date_relation rel(const char *a, const char *b)
{
	wl_date x, y;
	assert_int_equal(wl_date_parse(a, strlen(a), &x), 0);
	assert_int_equal(wl_date_parse(b, strlen(b), &y), 0);
	return wl_date_compare(&x, &y);
}

static void relations(void **state)
{
	(void)state;
	assert_int_equal(rel("1985-10-27", "1985-10-27"), WL_DATE_SAME);
	assert_int_equal(rel("1985", "1985-10-27"), WL_DATE_SAME_YEAR);
	assert_int_equal(rel("1985-10", "1985-10-27"), WL_DATE_SAME_YEAR);
	assert_int_equal(rel("1985-10-11", "1985-11-10"), WL_DATE_SWAPPED);
	assert_int_equal(rel("1986-10-27", "1985-10-27"), WL_DATE_NEAR);
	assert_int_equal(rel("1970-01-01", "1985-10-27"), WL_DATE_DIFFERENT);
	assert_int_equal(rel("1985-10-28", "1985-10-27"), WL_DATE_DIFFERENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_form_parses),
		cmocka_unit_test(non_dates_are_refused),
		cmocka_unit_test(relations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
