/*
 * test_screen.c - screening through the public API on the bundled lists:
 * the APT31 case in every spelling, qualifiers that agree or contradict,
 * weak aliases, digits in actor codes, and bad queries.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "watchlist.h"

static wl_index *idx;
static wl_screener *scr;
static char path[] = "/tmp/wl-test-screen-XXXXXX";

static int setup(void **state)
{
	(void)state;
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	/* the lists these tests need (the whole of data/lists is slow to read under ASan) */
	const char *src[] = {"data/lists/ofac_sdn", "data/lists/ofac_consolidated", "data/lists/un",
			     "data/lists/misp_galaxy", "data/lists/mitre_attack"};
	if (wl_index_build(path, src, sizeof(src) / sizeof(src[0]), NULL, NULL) || wl_index_open(&idx, path) ||
	    wl_screener_new(&scr, idx)) {
		fprintf(stderr, "setup: %s\n", wl_error_last());
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	wl_screener_free(scr);
	wl_index_close(idx);
	unlink(path);
	return 0;
}

static const wl_result *screen(const wl_query *q, size_t *n)
{
	const wl_result *res;
	wl_screen_options o = {.limit = 10};
	assert_int_equal(wl_screen(scr, q, &o, &res, n), WL_OK);
	return res;
}

static void expect_top(const char *name, const char *id)
{
	wl_query q = {.name = name};
	size_t n;
	const wl_result *r = screen(&q, &n);
	if (!n || strcmp(r[0].id, id) != 0 || !r[0].match)
		fail_msg("'%s': expected %s first and a match, got %s (%.3f)", name, id,
			 n ? r[0].id : "nothing", n ? r[0].score : 0.0);
}

static int has_match(const wl_result *r, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].match && strcmp(r[i].id, id) == 0)
			return 1;
	return 0;
}

static void apt31_people_and_company(void **state)
{
	(void)state;
	expect_top("Ni Gaobin", "ofac-47818");
	expect_top("Gaobin Ni", "ofac-47818");
	expect_top("NI, Gaobin", "ofac-47818");
	expect_top("倪高彬", "ofac-47818");
	expect_top("Ni Gao-bin", "ofac-47818");
	expect_top("Zhao Guangzong", "ofac-47814");
	expect_top("赵光宗", "ofac-47814");
	expect_top("Wuhan Xiaoruizhi Science and Technology Co., Ltd.", "ofac-47800");
	expect_top("WUHAN XIAORUIZHI SCIENCE & TECHNOLOGY COMPANY LIMITED", "ofac-47800");
}

static void typos_and_order(void **state)
{
	(void)state;
	expect_top("Ni Gaobim", "ofac-47818");
	expect_top("Zhao Guangzhong", "ofac-47814");
	expect_top("Guangzong, Zhao", "ofac-47814");
}

static void actor_aliases(void **state)
{
	(void)state;
	static const char *const aliases[] = {"APT31", "APT 31", "apt-31", "Zirconium", "Violet Typhoon",
					      "Judgment Panda", "BRONZE VINEWOOD", "TA412"};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		wl_query q = {.name = aliases[i]};
		size_t n;
		const wl_result *r = screen(&q, &n);
		if (!has_match(r, n, "misp-6bf7e6b6-5917-45a6-9567-f0baba79768c") &&
		    !has_match(r, n, "attack-G0128"))
			fail_msg("'%s' does not find APT31", aliases[i]);
	}
}

static void digits_are_significant(void **state)
{
	(void)state;
	static const char *const others[] = {"APT3", "APT310", "APT 3", "APT13"};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		wl_query q = {.name = others[i]};
		size_t n;
		const wl_result *r = screen(&q, &n);
		if (has_match(r, n, "misp-6bf7e6b6-5917-45a6-9567-f0baba79768c") ||
		    has_match(r, n, "attack-G0128"))
			fail_msg("'%s' matched APT31", others[i]);
	}
}

static void no_match_for_an_unlisted_name(void **state)
{
	(void)state;
	wl_query q = {.name = "James Pomfret"};
	size_t n;
	const wl_result *r = screen(&q, &n);
	for (size_t i = 0; i < n; i++)
		assert_false(r[i].match);
}

static const wl_feature *feature(const wl_result *r, const char *name)
{
	for (size_t i = 0; i < r->nfeatures; i++)
		if (!strcmp(r->features[i].name, name))
			return &r->features[i];
	return NULL;
}

static void birth_date_agrees_or_contradicts(void **state)
{
	(void)state;
	size_t n;
	wl_query q = {.name = "Ni Gaobin", .birth_date = "1985-10-27"};
	double agree = screen(&q, &n)[0].score;
	q.birth_date = "27.10.1985";
	assert_true(screen(&q, &n)[0].score == agree);
	q.birth_date = "1985-27-10"; /* not a date */
	const wl_result *res;
	assert_int_equal(wl_screen(scr, &q, NULL, &res, &n), WL_EINPUT);
	assert_non_null(strstr(wl_error_last(), "birth date"));
	q.birth_date = "1985-10-11"; /* wrong day */
	const wl_result *r = screen(&q, &n);
	assert_string_equal(r[0].id, "ofac-47818");
	const wl_feature *f = feature(&r[0], "birthDate");
	assert_non_null(f);
	assert_non_null(strstr(f->detail, "contradicts"));
	assert_true(r[0].score < agree);
	q.birth_date = "1985";
	r = screen(&q, &n);
	f = feature(&r[0], "birthDate");
	assert_non_null(strstr(f->detail, "agrees"));
	assert_true(r[0].score <= agree && r[0].score > 0.9);
}

static void country_and_schema(void **state)
{
	(void)state;
	size_t n;
	wl_query q = {.name = "Ni Gaobin", .country = "Chinese", .schema = "Person"};
	const wl_result *r = screen(&q, &n);
	assert_non_null(strstr(feature(&r[0], "country")->detail, "agrees"));
	q.country = "Brazil";
	r = screen(&q, &n);
	assert_non_null(strstr(feature(&r[0], "country")->detail, "contradicts"));
	q.country = NULL;
	q.schema = "Company";
	r = screen(&q, &n);
	assert_string_equal(r[0].id, "ofac-47818");
	assert_non_null(feature(&r[0], "schema"));
	assert_false(r[0].match);
	q.schema = "Spaceship";
	const wl_result *res;
	assert_int_equal(wl_screen(scr, &q, NULL, &res, &n), WL_EINPUT);
}

static void identifier_lifts_the_score(void **state)
{
	(void)state;
	size_t n;
	wl_query q = {.name = "Gaobin N", .id_number = "421003198510272917"};
	const wl_result *r = screen(&q, &n);
	assert_string_equal(r[0].id, "ofac-47818");
	assert_non_null(feature(&r[0], "identifier"));
	assert_true(r[0].score >= 0.95);
}

static void weak_alias_alone_is_no_alert(void **state)
{
	(void)state;
	/* OFAC's "a.k.a. 'BNC'" for BANCO NACIONAL DE CUBA is a weak alias */
	size_t n;
	wl_query q = {.name = "BNC"};
	const wl_result *r = screen(&q, &n);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(r[i].id, "ofac-306"))
			assert_false(r[i].match);
	wl_query full = {.name = "Banco Nacional de Cuba"};
	r = screen(&full, &n);
	assert_string_equal(r[0].id, "ofac-306");
	assert_true(r[0].match);
}

static void bad_queries(void **state)
{
	(void)state;
	const wl_result *res;
	size_t n;
	wl_query empty = {.name = ""};
	assert_int_equal(wl_screen(scr, &empty, NULL, &res, &n), WL_EINPUT);
	wl_query bad = {.name = "caf\xe9"};
	assert_int_equal(wl_screen(scr, &bad, NULL, &res, &n), WL_EINPUT);
	wl_query punct = {.name = "?!#"};
	assert_int_equal(wl_screen(scr, &punct, NULL, &res, &n), WL_OK);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(apt31_people_and_company),
		cmocka_unit_test(typos_and_order),
		cmocka_unit_test(actor_aliases),
		cmocka_unit_test(digits_are_significant),
		cmocka_unit_test(no_match_for_an_unlisted_name),
		cmocka_unit_test(birth_date_agrees_or_contradicts),
		cmocka_unit_test(country_and_schema),
		cmocka_unit_test(identifier_lifts_the_score),
		cmocka_unit_test(weak_alias_alone_is_no_alert),
		cmocka_unit_test(bad_queries),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
