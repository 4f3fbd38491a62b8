/*
 * test_similarity.c - token and name similarity: typos, digits, skeletons,
 * joined tokens, initials, any order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "match/similarity.h"

#define TS(a, b) wl_token_similarity(a, strlen(a), b, strlen(b))

/* A wl_name from space-separated lower-case ASCII tokens; a token "ltd" or "co" is a legal form. */
static void name_of(const char *s, wl_name *n)
{
	memset(n, 0, sizeof(*n));
	n->len = strlen(s);
	memcpy(n->text, s, n->len);
	size_t i = 0;
	while (i < n->len) {
		size_t j = i;
		while (j < n->len && s[j] != ' ')
			j++;
		wl_token *t = &n->tokens[n->ntokens++];
		t->off = (uint16_t)i;
		t->len = (uint8_t)(j - i);
		if (!strncmp(s + i, "ltd", 3) || !strncmp(s + i, "co", 2))
			t->flags |= WL_TOK_LEGAL_FORM;
		for (size_t k = i; k < j; k++)
			if (s[k] >= '0' && s[k] <= '9')
				t->flags |= WL_TOK_NUMERIC;
		i = j + 1;
	}
}

static float name_score(const char *a, const char *b)
{
	wl_name q, c;
	wl_alignment al;
	name_of(a, &q);
	name_of(b, &c);
	wl_name_align(&q, &c, &al);
	return al.score;
}

static void edit_distance_is_bounded(void **state)
{
	(void)state;
	assert_int_equal(wl_edit_distance("gaobin", 6, "gaobin", 6, 2), 0);
	assert_int_equal(wl_edit_distance("gaobin", 6, "gaobni", 6, 2), 1); /* transposition */
	assert_int_equal(wl_edit_distance("kitten", 6, "sitting", 7, 3), 3);
	assert_int_equal(wl_edit_distance("kitten", 6, "sitting", 7, 2), 3); /* over: max + 1 */
	assert_int_equal(wl_edit_distance("a", 1, "abcdef", 6, 2), 3);
}

static void jaro_winkler_known_values(void **state)
{
	(void)state;
	assert_float_equal(wl_jaro_winkler("martha", 6, "marhta", 6), 0.961, 0.001);
	assert_float_equal(wl_jaro_winkler("dwayne", 6, "duane", 5), 0.84, 0.001);
	assert_float_equal(wl_jaro_winkler("abc", 3, "xyz", 3), 0.0, 0.0001);
}

static void tokens_typos_within_budget(void **state)
{
	(void)state;
	assert_true(TS("gaobin", "gaobin") == 1.0);
	assert_true(TS("gaobin", "gaobim") > 0.8);     /* one typo in six letters */
	assert_true(TS("gaobin", "gaobim") < TS("xiaoruizhi", "xiaoruzhi")); /* costs its share */
	assert_true(TS("guangzong", "guangzhong") >= 0.9);
	assert_true(TS("xiaoruizhi", "xiaoruzhi") >= 0.9);
	assert_true(TS("ni", "na") == 0.0);            /* short tokens must be exact */
	assert_float_equal(TS("john", "joan"), 0.75, 0.001); /* a typo in a short token costs more */
	assert_true(TS("gaobin", "robinx") == 0.0);
}

static void digits_are_significant(void **state)
{
	(void)state;
	assert_true(TS("apt31", "apt31") == 1.0);
	assert_true(TS("apt31", "apt3") == 0.0);
	assert_true(TS("apt31", "apt310") == 0.0);
	assert_true(TS("apt31", "apt13") == 0.0);
	assert_true(TS("ta412", "ta413") == 0.0);
}

static void skeletons_meet_transliterations(void **state)
{
	(void)state;
	char a[32], b[32];
	wl_skeleton("mohammed", 8, a, sizeof(a));
	wl_skeleton("muhammad", 8, b, sizeof(b));
	assert_string_equal(a, b);
	assert_true(TS("mohammed", "muhammad") >= 0.8);
	assert_true(TS("usama", "osama") > 0.5);
	assert_true(TS("qaddafi", "kadafi") >= 0.8);
	assert_true(TS("smith", "schmidt") == 0.0);
}

static void names_in_any_order(void **state)
{
	(void)state;
	assert_float_equal(name_score("ni gaobin", "ni gaobin"), 1.0, 0.0001);
	assert_float_equal(name_score("gaobin ni", "ni gaobin"), 1.0, 0.0001);
	assert_true(name_score("zhao guangzong", "ni gaobin") < 0.3);
}

static void joined_and_split_tokens(void **state)
{
	(void)state;
	assert_float_equal(name_score("ni gao bin", "ni gaobin"), 1.0, 0.0001);
	assert_float_equal(name_score("ni gaobin", "ni gao bin"), 1.0, 0.0001);
	assert_float_equal(name_score("apt 31", "apt31"), 1.0, 0.0001);
	assert_true(name_score("apt 3", "apt31") < 0.5);
	assert_true(name_score("apt3", "apt31") == 0.0);
}

static void syllables_match_exactly(void **state)
{
	(void)state;
	wl_name q, c;
	wl_alignment al;
	name_of("cheng zhu", &q);
	q.tokens[0].flags |= WL_TOK_SYLLABLE;
	q.tokens[1].flags |= WL_TOK_SYLLABLE;
	name_of("chen zhu", &c);
	wl_name_align(&q, &c, &al);
	assert_true(al.score < 0.7); /* cheng and chen are two names */
	name_of("cheng zhu", &c);
	wl_name_align(&q, &c, &al);
	assert_float_equal(al.score, 1.0, 0.0001);
	/* without the syllable flags a typo in a Latin name is still a typo */
	name_of("jonathan smith", &q);
	name_of("jonathon smith", &c);
	wl_name_align(&q, &c, &al);
	assert_true(al.score > 0.85);
}

static void initials_count_partly(void **state)
{
	(void)state;
	float s = name_score("g ni", "ni gaobin");
	assert_true(s > 0.5 && s < 1.0);
}

static void unmatched_tokens_lower_the_score(void **state)
{
	(void)state;
	float full = name_score("usama bin ladin", "usama bin ladin");
	float longer = name_score("usama bin ladin", "usama muhammed awad bin ladin");
	float extra = name_score("usama bin ladin smith", "usama bin ladin");
	assert_true(longer < full && longer > 0.7);
	assert_true(extra < full);
	/* a light legal form missing costs little */
	assert_true(name_score("wuhan xiaoruizhi science and technology", "wuhan xiaoruizhi science and technology co ltd") > 0.9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edit_distance_is_bounded),
		cmocka_unit_test(jaro_winkler_known_values),
		cmocka_unit_test(tokens_typos_within_budget),
		cmocka_unit_test(digits_are_significant),
		cmocka_unit_test(skeletons_meet_transliterations),
		cmocka_unit_test(names_in_any_order),
		cmocka_unit_test(joined_and_split_tokens),
		cmocka_unit_test(syllables_match_exactly),
		cmocka_unit_test(initials_count_partly),
		cmocka_unit_test(unmatched_tokens_lower_the_score),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
