/*
 * test_normalise.c - names into tokens: scripts, punctuation, prefixes, legal
 * forms, truncation, the ASCII fast path and the tables' error messages.
 *
 * Run from the repository root: the tables are read from "data" and the
 * fixtures from tests/fixtures/normalise.
 */
#include <setjmp.h> /* cmocka.h needs these first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/error.h"
#include "text/normalise.h"

#define FIXTURES "tests/fixtures/normalise"

static wl_normaliser *norm; /* shared by the tests; loading the tables once is enough */

static int setup(void **state)
{
	return wl_normaliser_new(&norm, "data") ? -1 : 0;
}

static int teardown(void **state)
{
	wl_normaliser_free(norm);
	return 0;
}

/* Every wl_name holds lower-case ASCII tokens, one space apart, that its offsets describe. */
static void assert_well_formed(const wl_name *nm)
{
	assert_true(nm->len < WL_NAME_MAX);
	assert_true(nm->ntokens <= WL_NAME_MAX_TOKENS);
	assert_int_equal(nm->text[nm->len], '\0');
	size_t at = 0;
	for (size_t i = 0; i < nm->ntokens; i++) {
		const wl_token *t = &nm->tokens[i];
		assert_int_equal(t->off, at);
		assert_true(t->len > 0);
		for (size_t j = 0; j < t->len; j++) {
			char c = nm->text[t->off + j];
			assert_true((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
		}
		at = t->off + t->len;
		if (i + 1 < nm->ntokens)
			assert_int_equal(nm->text[at++], ' ');
	}
	assert_int_equal(at, nm->len);
}

static wl_name run(const char *in, wl_name_kind kind)
{
	wl_name nm;
	assert_int_equal(wl_normalise_name(norm, in, strlen(in), kind, &nm), 0);
	assert_well_formed(&nm);
	return nm;
}

static void expect(const char *in, wl_name_kind kind, const char *want)
{
	wl_name nm = run(in, kind);
	if (strcmp(nm.text, want) != 0)
		fail_msg("\"%s\" (kind %d) -> \"%s\", want \"%s\"", in, kind, nm.text, want);
}

static uint8_t tok_flags(const wl_name *nm, size_t i)
{
	assert_true(i < nm->ntokens);
	return nm->tokens[i].flags;
}

static void invalid_utf8_is_refused(void **state)
{
	static const char *bad[] = {
	    "abc\xff",
	    "\xc3",
	    "\xc0\xaf",
	    "\xe0\x80\xaf",
	    "\xed\xa0\x80",
	    "\xf4\x90\x80\x80",
	    "M\xc3\xbcller\xe2\x82",
	    "\x80",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		wl_name nm;
		wl_error_clear();
		assert_int_equal(wl_normalise_name(norm, bad[i], strlen(bad[i]), WL_NAME_ANY, &nm),
		                 WL_EINPUT);
		assert_non_null(strstr(wl_error_last(), "UTF-8"));
		assert_int_equal(nm.ntokens, 0);
	}
}

static void empty_and_bad_arguments(void **state)
{
	wl_name nm;
	assert_int_equal(wl_normalise_name(norm, "", 0, WL_NAME_ANY, &nm), 0);
	assert_int_equal(nm.ntokens, 0);
	assert_int_equal(nm.len, 0);
	assert_int_equal(wl_normalise_name(norm, NULL, 0, WL_NAME_ANY, &nm), 0);
	expect(" -- ,, .. ", WL_NAME_ANY, "");
	assert_int_equal(wl_normalise_name(norm, "x", 1, (wl_name_kind)7, &nm), WL_EUSAGE);
	/* a NUL byte is a break, not the end */
	assert_int_equal(wl_normalise_name(norm, "ab\0cd", 5, WL_NAME_PERSON, &nm), 0);
	assert_string_equal(nm.text, "ab cd");
}

/* Many real names, and random ASCII, give the same tokens with and without ICU. */
static void compare_paths(const char *s, size_t len)
{
	for (int kind = 0; kind < 3; kind++) {
		wl_name fast, slow;
		assert_int_equal(wl_normalise_name(norm, s, len, kind, &fast), 0);
		assert_int_equal(wl_normalise_name_icu(norm, s, len, kind, &slow), 0);
		if (fast.len != slow.len || memcmp(fast.text, slow.text, fast.len) != 0 ||
		    fast.flags != slow.flags || fast.ntokens != slow.ntokens ||
		    memcmp(fast.tokens, slow.tokens, fast.ntokens * sizeof(wl_token)) != 0)
			fail_msg("\"%.*s\": fast \"%s\", ICU \"%s\"", (int)len, s, fast.text,
			         slow.text);
	}
}

static void ascii_fast_path_equals_icu(void **state)
{
	FILE *f = fopen(FIXTURES "/ascii_names.txt", "r");
	assert_non_null(f);
	char line[1024];
	size_t names = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#')
			continue;
		compare_paths(line, strlen(line));
		names++;
	}
	fclose(f);
	assert_true(names > 500);

	static const char alphabet[] = "abcXYZ019 .,'-`\"&/()[]:;!?@#$%^*_+=<>|\\~{}\t\n";
	uint32_t seed = 12345;
	for (int i = 0; i < 20000; i++) {
		char s[40];
		seed = seed * 1103515245 + 12345;
		size_t len = (seed >> 16) % sizeof(s);
		for (size_t j = 0; j < len; j++) {
			seed = seed * 1103515245 + 12345;
			s[j] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		compare_paths(s, len);
	}
	/* every ASCII byte on its own and between letters */
	for (int c = 0; c < 128; c++) {
		char s[3] = {'a', (char)c, 'b'};
		compare_paths(s, 3);
		compare_paths(s + 1, 1);
	}
}

static void punctuation_breaks_tokens(void **state)
{
	expect("O'Brien", WL_NAME_PERSON, "obrien");
	expect("O\xe2\x80\x99"
	       "Brien",
	       WL_NAME_PERSON, "obrien"); /* ’ */
	expect("\xca\xbc"
	       "Ali",
	       WL_NAME_PERSON, "ali"); /* ʼ */
	expect("U.S.A.", WL_NAME_PERSON, "usa");
	expect("Co.,Ltd.", WL_NAME_PERSON, "co ltd");
	expect("Co.,Ltd.", WL_NAME_ANY, "co ltd"); /* alone: no name before the form */
	expect("Gao-bin", WL_NAME_PERSON, "gao bin");
	expect("  NI ,\tGao-bin  ", WL_NAME_PERSON, "ni gao bin");
	expect("AT&T (USA)/Inc", WL_NAME_PERSON, "at t usa inc");
	expect("J.R.R. Tolkien", WL_NAME_PERSON, "jrr tolkien");
	expect("end. start", WL_NAME_PERSON, "end start");
	expect("x...y", WL_NAME_PERSON, "x y");
}

static void commas_are_remembered(void **state)
{
	wl_name nm = run("PUTIN, Vladimir", WL_NAME_PERSON);
	assert_string_equal(nm.text, "putin vladimir"); /* order kept */
	assert_true(nm.flags & WL_NAME_COMMA);
	nm = run("Vladimir Putin", WL_NAME_PERSON);
	assert_false(nm.flags & WL_NAME_COMMA);
	nm = run(", Vladimir Putin,", WL_NAME_PERSON); /* no token on one side */
	assert_false(nm.flags & WL_NAME_COMMA);
}

static void chinese_is_one_syllable_per_token(void **state)
{
	wl_name nm = run("倪高彬", WL_NAME_PERSON);
	assert_string_equal(nm.text, "ni gao bin");
	assert_int_equal(nm.ntokens, 3);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(tok_flags(&nm, i), WL_TOK_SYLLABLE);
	assert_true(nm.flags & WL_NAME_HAN);
	assert_true(nm.flags & WL_NAME_NON_LATIN);

	expect("赵光宗", WL_NAME_ANY, "zhao guang zong");
	nm = run("José 习近平", WL_NAME_ANY);
	assert_string_equal(nm.text, "jose xi jin ping");
	assert_int_equal(tok_flags(&nm, 0), 0);
	assert_int_equal(tok_flags(&nm, 1), WL_TOK_SYLLABLE);
	nm = run("Tokyo東京", WL_NAME_ANY); /* no space before the Han: still a break */
	assert_string_equal(nm.text, "tokyo dong jing");
	assert_int_equal(tok_flags(&nm, 0), 0);
	assert_int_equal(tok_flags(&nm, 2), WL_TOK_SYLLABLE);
}

static void scripts_become_ascii(void **state)
{
	expect("Владимир Путин", WL_NAME_PERSON, "vladimir putin");
	expect("Влади́мир Влади́мирович ПУ́ТИН", WL_NAME_PERSON, "vladimir vladimirovich putin");
	expect("Smith-Петров", WL_NAME_PERSON, "smith petrov");
	expect("Михаил Ходорковский", WL_NAME_PERSON, "mikhail khodorkovskiy");
	expect("Жуков Щукин Цой Юрий Мельник", WL_NAME_PERSON, "zhukov shchukin tsoy yuriy melnik");
	expect("Подъезд", WL_NAME_ANY, "podyezd");
	expect("Нурсултан Назарбаев", WL_NAME_PERSON, "nursultan nazarbayev");
	expect("Қазақстан", WL_NAME_ANY, "kazakstan");
	expect("Новак Ђоковић", WL_NAME_PERSON, "novak dokovic");
	expect("Κυριάκος Μητσοτάκης", WL_NAME_PERSON, "kyriakos mitsotakis");
	expect("ΚΟΣΜΟΣ", WL_NAME_ANY, "kosmos");
	expect("κόσμος", WL_NAME_ANY, "kosmos");
	expect("カタカナ", WL_NAME_ANY, "katakana");
	expect("たなか", WL_NAME_ANY, "tanaka");
	expect("Müller", WL_NAME_PERSON, "muller");
	expect("Ñ", WL_NAME_PERSON, "n");
	expect("Max Strauß", WL_NAME_PERSON, "max strauss");
	expect("ＡＰＴ３１", WL_NAME_ANY, "apt31");
	expect("１２３", WL_NAME_ANY, "123");
	expect("Lars Løkke Rasmussen", WL_NAME_PERSON, "lars lokke rasmussen");
	expect("Małgorzata Gersdorf", WL_NAME_PERSON, "malgorzata gersdorf");
	expect("SEHER DEMİR", WL_NAME_PERSON, "seher demir");
	expect("Seher Demi̇r", WL_NAME_PERSON, "seher demir");
	expect("FUAD ALIYEV ƏHMƏD OĞLU", WL_NAME_PERSON, "fuad aliyev ehmed oglu");
	expect("ﬁnance", WL_NAME_ANY, "finance");
	expect("col·lecció", WL_NAME_ANY, "colleccio");

	wl_name nm = run("Müller", WL_NAME_PERSON);
	assert_false(nm.flags & (WL_NAME_NON_LATIN | WL_NAME_HAN));
	nm = run("Владимир Путин", WL_NAME_PERSON);
	assert_true(nm.flags & WL_NAME_NON_LATIN);
	assert_false(nm.flags & WL_NAME_HAN);
}

static void korean_is_one_syllable_per_token(void **state)
{
	wl_name nm = run("김정은", WL_NAME_PERSON);
	assert_string_equal(nm.text, "gim jeong eun");
	assert_int_equal(nm.ntokens, 3);
	assert_int_equal(tok_flags(&nm, 1), WL_TOK_SYLLABLE);
	assert_true(nm.flags & WL_NAME_NON_LATIN);
	assert_false(nm.flags & WL_NAME_HAN);
	expect("김 정은", WL_NAME_PERSON, "gim jeong eun");
}

static void arabic_is_ascii_and_stable(void **state)
{
	static const char *names[] = {"أسامة بن لادن", "حسین موسوی", "صدام حسين التكريتي",
	                              "عبد التواب ملا حويش"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		wl_name a = run(names[i], WL_NAME_PERSON), b = run(names[i], WL_NAME_PERSON);
		assert_true(a.ntokens >= 2);
		assert_string_equal(a.text, b.text);
		assert_true(a.flags & WL_NAME_NON_LATIN);
	}
	wl_name nm = run("أسامة بن لادن", WL_NAME_PERSON);
	assert_int_equal(nm.ntokens, 3);
}

static void digits_and_initials_are_flagged(void **state)
{
	wl_name nm = run("APT31", WL_NAME_ANY);
	assert_string_equal(nm.text, "apt31");
	assert_int_equal(tok_flags(&nm, 0), WL_TOK_NUMERIC);
	nm = run("APT 31", WL_NAME_ANY);
	assert_string_equal(nm.text, "apt 31");
	assert_int_equal(tok_flags(&nm, 0), 0);
	assert_int_equal(tok_flags(&nm, 1), WL_TOK_NUMERIC);
	nm = run("John F Kennedy 5", WL_NAME_PERSON);
	assert_int_equal(tok_flags(&nm, 1), WL_TOK_INITIAL);
	assert_int_equal(tok_flags(&nm, 3), WL_TOK_NUMERIC); /* a digit is not an initial */
	expect("TA412", WL_NAME_ANY, "ta412");
	expect("APT-3", WL_NAME_ANY, "apt 3");
}

static void person_prefixes_are_dropped(void **state)
{
	expect("Mr. John Smith", WL_NAME_PERSON, "john smith");
	expect("Mr John Smith", WL_NAME_ANY, "john smith");
	expect("Mr John Smith", WL_NAME_ORG, "mr john smith");
	expect("Dr. Mr. John", WL_NAME_PERSON, "john");
	expect("Prof. Dr. Hans Müller", WL_NAME_PERSON, "hans muller");
	expect("Sheikh Ahmed Ali", WL_NAME_PERSON, "ahmed ali");
	expect("Haji Khairullah", WL_NAME_PERSON, "khairullah");
	expect("The Right Honourable Lady Smith", WL_NAME_PERSON, "smith");
	expect("His Excellency Ali", WL_NAME_PERSON, "ali");
	/* kept when nothing else would remain, and only at the front */
	expect("Mr", WL_NAME_PERSON, "mr");
	expect("Dr. Sheikh", WL_NAME_PERSON, "sheikh");
	expect("John Mr Smith", WL_NAME_PERSON, "john mr smith");
	/* as single words, titles that are also given names stay ("Major", "King") */
	expect("King Smith", WL_NAME_PERSON, "king smith");
}

/* Every one of the names normalises to exactly want, each want token a legal form or not. */
static void expect_legal(const char *in, wl_name_kind kind, const char *want, const char *legal)
{
	wl_name nm = run(in, kind);
	if (strcmp(nm.text, want) != 0)
		fail_msg("\"%s\" (kind %d) -> \"%s\", want \"%s\"", in, kind, nm.text, want);
	for (size_t i = 0; i < nm.ntokens; i++) {
		bool is_legal = tok_flags(&nm, i) & WL_TOK_LEGAL_FORM;
		if (is_legal != (legal[i] == 'L'))
			fail_msg("\"%s\": token %zu legal form %d, want %c", in, i, is_legal,
			         legal[i]);
	}
}

static void legal_forms_are_replaced(void **state)
{
	static const char *co_ltd[] = {"ABC Co., Ltd.",       "ABC Co.,Ltd.",
	                               "ABC Company Limited", "ABC Company, Limited",
	                               "ABC CO LTD",          "ABC Co. Limited"};
	for (size_t i = 0; i < sizeof(co_ltd) / sizeof(co_ltd[0]); i++) {
		expect_legal(co_ltd[i], WL_NAME_ORG, "abc coltd", "-L");
		expect_legal(co_ltd[i], WL_NAME_ANY, "abc coltd", "-L");
	}
	static const char *llc[] = {"Acme LLC", "Acme L.L.C.", "Acme Limited Liability Company",
	                            "ACME, LLC"};
	for (size_t i = 0; i < sizeof(llc) / sizeof(llc[0]); i++)
		expect_legal(llc[i], WL_NAME_ORG, "acme llc", "-L");
	expect_legal("OOO Gazprom", WL_NAME_ORG, "ooo gazprom", "L-");
	expect_legal("ООО Газпром", WL_NAME_ORG, "ooo gazprom", "L-");
	expect_legal("Общество с ограниченной ответственностью Ромашка", WL_NAME_ORG,
	             "ooo romashka", "L-");
	expect_legal("Siemens GmbH", WL_NAME_ORG, "siemens gmbh", "-L");
	expect_legal("Siemens Gesellschaft mit beschränkter Haftung", WL_NAME_ANY, "siemens gmbh",
	             "-L");
	expect_legal("Banco S.A.", WL_NAME_ORG, "banco sa", "-L");
	expect_legal("Rosneft JSC", WL_NAME_ORG, "rosneft jsc", "-L");
	expect_legal("Rosneft Joint Stock Company", WL_NAME_ORG, "rosneft jsc", "-L");
	expect_legal("Rosneft OAO", WL_NAME_ORG, "rosneft ao", "-L");
	expect_legal("ОАО Роснефть", WL_NAME_ORG, "ao rosneft", "L-");
	expect_legal("ПАО Сбербанк", WL_NAME_ORG, "ao sberbank", "L-");
	expect_legal("X GmbH & Co. KG", WL_NAME_ORG, "x gmbhcokg", "-L");
	expect_legal("北京有限公司", WL_NAME_ORG, "bei jing ltd", "--L");
	expect_legal("ABC Co., Ltd. (Beijing)", WL_NAME_ORG, "abc coltd beijing", "-L-");
	/* replacements are repeated until nothing changes */
	expect_legal("ABC Co, Lt~.", WL_NAME_ORG, "abc coltd", "-L");
	expect_legal("ABC Co Lt", WL_NAME_ANY, "abc coltd", "-L");
	/* a normalised name normalises to itself */
	expect_legal("abc coltd", WL_NAME_ORG, "abc coltd", "-L");
	expect_legal("acme llc", WL_NAME_ANY, "acme llc", "-L");
}

static void legal_forms_depend_on_kind(void **state)
{
	/* PERSON: legal forms are ordinary words */
	expect_legal("ABC Co., Ltd.", WL_NAME_PERSON, "abc co ltd", "---");
	/* ANY: only a chain at the end, with a name before it */
	expect_legal("Sa Ding", WL_NAME_ANY, "sa ding", "--");
	expect_legal("Co Van Minh", WL_NAME_ANY, "co van minh", "---");
	expect_legal("LLC Acme", WL_NAME_ANY, "llc acme", "--");
	expect_legal("Acme LLC", WL_NAME_ANY, "acme llc", "-L");
	expect_legal("Acme LLC GmbH", WL_NAME_ANY, "acme llc gmbh", "-LL");
	expect_legal("LLC", WL_NAME_ANY, "llc", "-");
	expect_legal("LLC", WL_NAME_ORG, "llc", "L");
	/* ORG: anywhere, but one- or two-letter aliases only at an end */
	expect_legal("Made in China Ltd", WL_NAME_ORG, "made in china ltd", "---L");
	expect_legal("LLC Acme", WL_NAME_ORG, "llc acme", "L-");
	/* a Han syllable is never a one-token legal form */
	expect_legal("李娜", WL_NAME_ANY, "li na", "--");
	expect_legal("Li Na", WL_NAME_ANY, "li na", "-L"); /* documented: only the weight changes */
}

static void expect_idempotent(const char *in)
{
	for (int kind = 0; kind < 3; kind++) {
		wl_name once = run(in, kind), twice = run(once.text, kind);
		if (strcmp(once.text, twice.text) != 0)
			fail_msg("\"%s\" (kind %d) -> \"%s\" -> \"%s\"", in, kind, once.text,
			         twice.text);
	}
}

/* A normalised name normalises to itself, so an index may store either. */
static void normalising_twice_changes_nothing(void **state)
{
	static const char *names[] = {
	    "倪高彬",
	    "Владимир Путин",
	    "ООО Газпром",
	    "ПАО Сбербанк",
	    "ABC Co., Ltd.",
	    "Siemens Gesellschaft mit beschränkter Haftung",
	    "北京有限公司",
	    "김정은",
	    "Κυριάκος Μητσοτάκης",
	    "أسامة بن لادن",
	    "Mr. Dr. John",
	    "X GmbH & Co. KG",
	    "The Right Honourable Lady Smith",
	    "Public Limited Company",
	    "Ding Sa",
	    "ABC Co, Lt~.",
	    "C Co, Lt Co, Lt Co, Lt Co, Lt Co, Lt Co, Lt",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		expect_idempotent(names[i]);
	FILE *f = fopen(FIXTURES "/ascii_names.txt", "r");
	assert_non_null(f);
	char line[1024];
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] != '#')
			expect_idempotent(line);
	}
	fclose(f);
}

static void long_names_are_cut_at_token_boundaries(void **state)
{
	char in[4096] = "";
	for (int i = 0; i < 100; i++)
		sprintf(in + strlen(in), "w%d ", i);
	wl_name nm = run(in, WL_NAME_PERSON);
	assert_int_equal(nm.ntokens, WL_NAME_MAX_TOKENS);
	assert_memory_equal(nm.text + nm.tokens[31].off, "w31", 3);
	assert_int_equal(nm.tokens[31].len, 3);

	/* 40 tokens of 19 letters: 25 fit in 511 bytes (25 * 20 - 1 = 499) */
	in[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(in, "abcdefghijklmnopqrs ");
	nm = run(in, WL_NAME_PERSON);
	assert_int_equal(nm.ntokens, 25);
	assert_int_equal(nm.tokens[24].len, 19);

	/* Cyrillic, 2 bytes a letter: cut in the input, never within a letter or a word */
	in[0] = '\0';
	while (strlen(in) + 40 < sizeof(in))
		strcat(in, "Владимир Путин ");
	nm = run(in, WL_NAME_PERSON);
	for (size_t i = 0; i < nm.ntokens; i++)
		assert_true(nm.tokens[i].len == 8 || nm.tokens[i].len == 5);

	/* the legal-form step sees the end of the name that is written */
	in[0] = '\0';
	for (int i = 0; i < 30; i++)
		sprintf(in + strlen(in), "w%d ", i);
	strcat(in, "acme lt beijing branch");
	nm = run(in, WL_NAME_ANY);
	assert_int_equal(nm.ntokens, WL_NAME_MAX_TOKENS);
	assert_memory_equal(nm.text + nm.tokens[31].off, "ltd", 3);
	assert_true(tok_flags(&nm, 31) & WL_TOK_LEGAL_FORM);
	expect_idempotent(in);

	/* one word longer than a token can be */
	memset(in, 'a', 3000);
	in[3000] = '\0';
	nm = run(in, WL_NAME_PERSON);
	assert_int_equal(nm.ntokens, 1);
	assert_int_equal(nm.tokens[0].len, 255);
}

static void huge_inputs_are_read_in_part(void **state)
{
	size_t len = 3 * 400000;
	char *in = malloc(len + 1);
	assert_non_null(in);
	for (size_t i = 0; i < len; i += 3)
		memcpy(in + i, "倪", 3);
	in[len] = '\0';
	wl_name nm = run(in, WL_NAME_ANY);
	assert_int_equal(nm.ntokens, WL_NAME_MAX_TOKENS);
	assert_memory_equal(nm.text, "ni ni", 5);
	free(in);
}

static void clones_share_the_tables(void **state)
{
	wl_normaliser *a, *b;
	assert_int_equal(wl_normaliser_new(&a, "data"), 0);
	assert_int_equal(wl_normaliser_clone(&b, a), 0);
	wl_normaliser_free(a); /* the clone keeps the tables alive */
	wl_name nm;
	const char *in = "Mr 倪高彬 Co., Ltd.";
	assert_int_equal(wl_normalise_name(b, in, strlen(in), WL_NAME_ANY, &nm), 0);
	assert_string_equal(nm.text, "ni gao bin coltd");
	wl_normaliser_free(b);
}

typedef struct thread_job {
	wl_normaliser *n;
	int failures;
} thread_job;

static void *normalise_many(void *arg)
{
	thread_job *job = arg;
	static const char *names[] = {"Владимир Путин", "倪高彬", "ABC Co., Ltd.", "Müller"};
	static const char *want[] = {"vladimir putin", "ni gao bin", "abc coltd", "muller"};
	for (int i = 0; i < 400; i++) {
		wl_name nm;
		const char *in = names[i % 4];
		if (wl_normalise_name(job->n, in, strlen(in), WL_NAME_ANY, &nm) ||
		    strcmp(nm.text, want[i % 4]) != 0)
			job->failures++;
	}
	return NULL;
}

static void clones_work_in_threads(void **state)
{
	thread_job jobs[4];
	pthread_t th[4];
	for (int i = 0; i < 4; i++) {
		jobs[i].failures = 0;
		assert_int_equal(wl_normaliser_clone(&jobs[i].n, norm), 0);
		assert_int_equal(pthread_create(&th[i], NULL, normalise_many, &jobs[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(jobs[i].failures, 0);
		wl_normaliser_free(jobs[i].n);
	}
}

static void expect_table_error(const char *dir, int code, const char *where)
{
	wl_normaliser *n = (wl_normaliser *)1;
	wl_error_clear();
	assert_int_equal(wl_normaliser_new(&n, dir), code);
	assert_null(n);
	if (!strstr(wl_error_last(), where))
		fail_msg("error \"%s\" does not name \"%s\"", wl_error_last(), where);
}

static void bad_tables_name_file_and_line(void **state)
{
	expect_table_error(FIXTURES "/bad_syntax", WL_EINPUT,
	                   "bad_syntax/normalization/rigour/names/org_types.yml:6: YAML: ");
	expect_table_error(FIXTURES "/bad_shape", WL_EINPUT,
	                   "bad_shape/normalization/rigour/names/org_types.yml:8: aliases:");
	expect_table_error(FIXTURES "/bad_prefixes", WL_EINPUT,
	                   "stopwords.yml:5: PERSON_NAME_PREFIXES: expected a string");
	expect_table_error(FIXTURES "/no_such_dir", WL_EIO,
	                   "no_such_dir/normalization/rigour/names/org_types.yml");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(invalid_utf8_is_refused),
	    cmocka_unit_test(empty_and_bad_arguments),
	    cmocka_unit_test(ascii_fast_path_equals_icu),
	    cmocka_unit_test(punctuation_breaks_tokens),
	    cmocka_unit_test(commas_are_remembered),
	    cmocka_unit_test(chinese_is_one_syllable_per_token),
	    cmocka_unit_test(scripts_become_ascii),
	    cmocka_unit_test(korean_is_one_syllable_per_token),
	    cmocka_unit_test(arabic_is_ascii_and_stable),
	    cmocka_unit_test(digits_and_initials_are_flagged),
	    cmocka_unit_test(person_prefixes_are_dropped),
	    cmocka_unit_test(legal_forms_are_replaced),
	    cmocka_unit_test(legal_forms_depend_on_kind),
	    cmocka_unit_test(normalising_twice_changes_nothing),
	    cmocka_unit_test(long_names_are_cut_at_token_boundaries),
	    cmocka_unit_test(huge_inputs_are_read_in_part),
	    cmocka_unit_test(clones_share_the_tables),
	    cmocka_unit_test(clones_work_in_threads),
	    cmocka_unit_test(bad_tables_name_file_and_line),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
