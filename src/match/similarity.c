/*
 * similarity.c - token and name similarity (see similarity.h).
 *
 * Everything here works on the short ASCII tokens the normaliser makes, on
 * the stack, without allocating: it runs for every candidate of every query.
 */
#include "similarity.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN_MAX 64 /* longest token (or joined tokens) compared */
#define SKELETON_SIM 0.8       /* a transliteration variant */
#define SKELETON_MIN_JW 0.78   /* ... that also looks alike */

int wl_edit_distance(const char *a, size_t na, const char *b, size_t nb, int max)
{
	if (na > TOKEN_MAX || nb > TOKEN_MAX)
		return max + 1;
	size_t diff = na > nb ? na - nb : nb - na;
	if ((int)diff > max)
		return max + 1;
	/* Optimal string alignment distance over three rolling rows. */
	int rows[3][TOKEN_MAX + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = (int)i;
		int row_min = cur[0];
		for (size_t j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max)
			return max + 1;
		int *t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[nb] <= max ? prev[nb] : max + 1;
}

double wl_jaro_winkler(const char *a, size_t na, const char *b, size_t nb)
{
	if (!na || !nb)
		return na == nb ? 1.0 : 0.0;
	if (na > TOKEN_MAX || nb > TOKEN_MAX)
		return 0.0;
	size_t range = (na > nb ? na : nb) / 2;
	range = range ? range - 1 : 0;
	bool ma[TOKEN_MAX] = {0}, mb[TOKEN_MAX] = {0};
	size_t m = 0;
	for (size_t i = 0; i < na; i++) {
		size_t lo = i > range ? i - range : 0, hi = i + range + 1 < nb ? i + range + 1 : nb;
		for (size_t j = lo; j < hi; j++) {
			if (!mb[j] && a[i] == b[j]) {
				ma[i] = mb[j] = true;
				m++;
				break;
			}
		}
	}
	if (!m)
		return 0.0;
	size_t t = 0, k = 0;
	for (size_t i = 0; i < na; i++) {
		if (!ma[i])
			continue;
		while (!mb[k])
			k++;
		if (a[i] != b[k])
			t++;
		k++;
	}
	double md = (double)m;
	double jaro = (md / (double)na + md / (double)nb + (md - (double)t / 2.0) / md) / 3.0;
	size_t prefix = 0;
	while (prefix < 4 && prefix < na && prefix < nb && a[prefix] == b[prefix])
		prefix++;
	return jaro + (double)prefix * 0.1 * (1.0 - jaro);
}

int wl_typo_budget(size_t len)
{
	if (len <= 3)
		return 0;
	if (len <= 7)
		return 1;
	if (len <= 11)
		return 2;
	return 3;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static char fold_consonant(char c)
{
	switch (c) {
	case 'q':
	case 'c':
	case 'g':
	case 'j': return 'k';
	case 'z': return 's';
	case 'v': return 'f';
	default: return c;
	}
}

size_t wl_skeleton(const char *t, size_t n, char *out, size_t cap)
{
	size_t j = 0;
	if (!n || cap < 2)
		return 0;
	out[j++] = is_vowel(t[0]) ? 'a' : fold_consonant(t[0]);
	for (size_t i = 1; i < n && j + 1 < cap; i++) {
		char c = t[i];
		if (c == t[i - 1])
			continue; /* a doubled letter counts once */
		if (c == 'p' && i + 1 < n && t[i + 1] == 'h') {
			c = 'f';
			i++;
		} else if (is_vowel(c) || c == 'h' || c == 'w') {
			continue;
		}
		out[j++] = fold_consonant(c);
	}
	out[j] = '\0';
	return j;
}

/* The digits of a token, in order, into d (cap bytes); returns how many. */
static size_t digits_of(const char *t, size_t n, char *d, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < cap; i++)
		if (t[i] >= '0' && t[i] <= '9')
			d[k++] = t[i];
	return k;
}

/*
 * How strictly two tokens are compared: fully (typos and transliteration
 * variants); as joined tokens (one typo fewer, no skeletons: joining is for
 * spacing variants, and typos on top of it add noise); or exactly (pinyin and
 * Hangul syllables, which transliteration writes one way only: "cheng" and
 * "chen" are two names, not a typo).
 */
enum sim_mode { SIM_FULL, SIM_JOINED, SIM_EXACT };

/* The letters (bits 0-25) and whether there are digits (bit 26) of a token. */
static uint32_t token_mask(const char *t, size_t n)
{
	uint32_t m = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c >= 'a' && c <= 'z')
			m |= 1u << (c - 'a');
		else if (c >= '0' && c <= '9')
			m |= 1u << 26;
	}
	return m;
}

static int popcount32(uint32_t x)
{
	x = x - ((x >> 1) & 0x55555555u);
	x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
	return (int)((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

/*
 * What comparisons need of a token, computed once per token rather than
 * once per pair: its letters, whether it has digits, its skeleton.
 */
typedef struct shape {
	const char *s;
	size_t n;
	uint32_t mask;
	int nskel; /* -1 until the skeleton is needed; 0 for a token without one */
	char skel[TOKEN_MAX + 1];
} shape;

static void shape_of(shape *sh, const char *s, size_t n)
{
	sh->s = s;
	sh->n = n;
	sh->mask = token_mask(s, n);
	sh->nskel = -1;
}

/* The token's skeleton, made the first time it is asked for. */
static int skeleton_of(shape *sh)
{
	if (sh->nskel < 0)
		sh->nskel = sh->n >= 4 && sh->n <= TOKEN_MAX
				    ? (int)wl_skeleton(sh->s, sh->n, sh->skel, sizeof(sh->skel))
				    : 0;
	return sh->nskel;
}

static double shaped_similarity(shape *x, shape *y, enum sim_mode mode)
{
	const char *a = x->s, *b = y->s;
	size_t na = x->n, nb = y->n;
	if (na == nb && memcmp(a, b, na) == 0)
		return 1.0;
	if (!na || !nb || na > TOKEN_MAX || nb > TOKEN_MAX)
		return 0.0;
	size_t shorter = na < nb ? na : nb, longer = na > nb ? na : nb;
	if ((x->mask | y->mask) & (1u << 26)) {
		/* digits are significant: the same digits, and a typo only in the letters */
		char da[TOKEN_MAX], db[TOKEN_MAX];
		size_t nda = digits_of(a, na, da, sizeof(da)), ndb = digits_of(b, nb, db, sizeof(db));
		if (nda != ndb || memcmp(da, db, nda) != 0 || mode == SIM_EXACT)
			return 0.0;
		int budget = wl_typo_budget(shorter - nda);
		int d = wl_edit_distance(a, na, b, nb, budget);
		return d <= budget ? 1.0 - d / (double)longer : 0.0;
	}
	if (mode == SIM_EXACT)
		return 0.0;
	/* a letter dropped from a short token ("col" for "chol") is a typo too */
	int budget = wl_typo_budget(shorter >= 3 ? longer : shorter) - (mode == SIM_JOINED);
	if (budget > wl_typo_budget(shorter) + 1)
		budget = wl_typo_budget(shorter) + 1;
	double sim = 0.0;
	/* every edit changes at most two letters of the sets: a cheap lower bound */
	if (budget >= 0 && popcount32(x->mask ^ y->mask) <= 2 * budget) {
		int d = wl_edit_distance(a, na, b, nb, budget);
		if (d <= budget)
			sim = 1.0 - d / (double)longer;
	}
	/* the first letters decide cheaply most pairs the skeletons would tell apart */
	if (mode == SIM_FULL && shorter >= 4 && sim < SKELETON_SIM &&
	    (is_vowel(a[0]) ? 'a' : fold_consonant(a[0])) ==
		    (is_vowel(b[0]) ? 'a' : fold_consonant(b[0])) &&
	    skeleton_of(x) >= 3 && x->nskel == skeleton_of(y) &&
	    memcmp(x->skel, y->skel, (size_t)x->nskel) == 0 &&
	    wl_jaro_winkler(a, na, b, nb) >= SKELETON_MIN_JW)
		return SKELETON_SIM;
	return sim;
}

static double token_similarity(const char *a, size_t na, const char *b, size_t nb,
			       enum sim_mode mode)
{
	shape x, y;
	shape_of(&x, a, na);
	shape_of(&y, b, nb);
	return shaped_similarity(&x, &y, mode);
}

double wl_token_similarity(const char *a, size_t na, const char *b, size_t nb)
{
	return token_similarity(a, na, b, nb, SIM_FULL);
}

/* --- name alignment --- */

#define SIM_MIN 0.5f        /* a pair below this is no match */
#define INITIAL_SIM 0.6f    /* an initial meeting the token it begins */
#define LEGAL_FORM_WEIGHT 0.2f
#define MAX_JOIN 3          /* tokens joined to meet one token of the other side */
#define MAX_OPTIONS 512

float wl_token_weight(const wl_token *t)
{
	float w = t->len < 10 ? (float)t->len : 10.0f;
	if ((t->flags & WL_TOK_SYLLABLE) && w < 3)
		w = 3; /* a pinyin or Hangul syllable is a whole name part, however short */
	if (t->flags & WL_TOK_LEGAL_FORM)
		w *= LEGAL_FORM_WEIGHT;
	return w < 1.0f ? 1.0f : w;
}

static float span_weight(const wl_name *n, size_t first, size_t count)
{
	float w = 0;
	for (size_t i = first; i < first + count; i++)
		w += wl_token_weight(&n->tokens[i]);
	return w;
}

/* Joins count tokens without spaces into buf; returns the length or 0 if too long. */
static size_t join_tokens(const wl_name *n, size_t first, size_t count, char *buf)
{
	size_t len = 0;
	for (size_t i = first; i < first + count; i++) {
		const wl_token *t = &n->tokens[i];
		if (len + t->len > TOKEN_MAX)
			return 0;
		memcpy(buf + len, n->text + t->off, t->len);
		len += t->len;
	}
	return len;
}

typedef struct option {
	wl_alignment_pair pair;
	float value; /* sim x weight covered, for the greedy choice */
	float wq, wc;
} option;

static void add_option(option *opts, size_t *nopts, size_t qf, size_t qc, size_t cf, size_t cc,
		       float sim, float wq, float wc)
{
	if (sim < SIM_MIN || *nopts >= MAX_OPTIONS)
		return;
	option *o = &opts[(*nopts)++];
	o->pair.q_first = (unsigned char)qf;
	o->pair.q_count = (unsigned char)qc;
	o->pair.c_first = (unsigned char)cf;
	o->pair.c_count = (unsigned char)cc;
	o->pair.sim = sim;
	o->wq = wq;
	o->wc = wc;
	o->value = sim * (wq + wc);
}

static float initial_sim(const wl_token *a, const char *ta, const wl_token *b, const char *tb)
{
	if (a->len == 1 && b->len > 1 && ta[a->off] == tb[b->off] && !(b->flags & WL_TOK_NUMERIC))
		return INITIAL_SIM;
	return 0.0f;
}

/* Options joining count > 1 tokens of one side (from) to meet one token of the other. */
static void joined_options(const wl_name *from, const wl_name *to, shape *to_shapes,
			   int from_is_query, option *opts, size_t *nopts)
{
	char joined[TOKEN_MAX];
	shape js;
	for (size_t count = 2; count <= MAX_JOIN; count++) {
		for (size_t f = 0; f + count <= from->ntokens; f++) {
			size_t jl = join_tokens(from, f, count, joined);
			if (!jl)
				continue;
			float wf = span_weight(from, f, count);
			int syllables = 0;
			for (size_t k = f; k < f + count; k++)
				syllables |= from->tokens[k].flags & WL_TOK_SYLLABLE;
			int shaped = 0;
			for (size_t t = 0; t < to->ntokens; t++) {
				const wl_token *tt = &to->tokens[t];
				/* joined tokens meet a token of about their length that starts alike */
				if (tt->len < jl - jl / 3 || tt->len > jl + jl / 3 ||
				    to->text[tt->off] != joined[0])
					continue;
				enum sim_mode mode =
					(syllables || (tt->flags & WL_TOK_SYLLABLE)) ? SIM_EXACT : SIM_JOINED;
				if (!shaped) {
					shape_of(&js, joined, jl);
					shaped = 1;
				}
				float sim = (float)shaped_similarity(&js, &to_shapes[t], mode);
				float wt = wl_token_weight(tt);
				if (from_is_query)
					add_option(opts, nopts, f, count, t, 1, sim, wf, wt);
				else
					add_option(opts, nopts, t, 1, f, count, sim, wt, wf);
			}
		}
	}
}

static int cmp_option(const void *a, const void *b)
{
	float va = ((const option *)a)->value, vb = ((const option *)b)->value;
	return va < vb ? 1 : va > vb ? -1 : 0;
}

void wl_name_align(const wl_name *q, const wl_name *c, wl_alignment *out)
{
	option opts[MAX_OPTIONS];
	size_t nopts = 0;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < q->ntokens; i++)
		out->q_weight += wl_token_weight(&q->tokens[i]);
	for (size_t j = 0; j < c->ntokens; j++)
		out->c_weight += wl_token_weight(&c->tokens[j]);
	if (!q->ntokens || !c->ntokens)
		return;

	shape qs[WL_NAME_MAX_TOKENS], cs[WL_NAME_MAX_TOKENS];
	for (size_t i = 0; i < q->ntokens; i++)
		shape_of(&qs[i], q->text + q->tokens[i].off, q->tokens[i].len);
	for (size_t j = 0; j < c->ntokens; j++)
		shape_of(&cs[j], c->text + c->tokens[j].off, c->tokens[j].len);
	for (size_t i = 0; i < q->ntokens; i++) {
		const wl_token *qt = &q->tokens[i];
		for (size_t j = 0; j < c->ntokens; j++) {
			const wl_token *ct = &c->tokens[j];
			enum sim_mode mode =
				((qt->flags | ct->flags) & WL_TOK_SYLLABLE) ? SIM_EXACT : SIM_FULL;
			float sim = (float)shaped_similarity(&qs[i], &cs[j], mode);
			if (sim < SIM_MIN)
				sim = initial_sim(qt, q->text, ct, c->text);
			if (sim < SIM_MIN)
				sim = initial_sim(ct, c->text, qt, q->text);
			add_option(opts, &nopts, i, 1, j, 1, sim, wl_token_weight(qt), wl_token_weight(ct));
		}
	}
	joined_options(q, c, cs, 1, opts, &nopts);
	joined_options(c, q, qs, 0, opts, &nopts);
	qsort(opts, nopts, sizeof(opts[0]), cmp_option);

	uint32_t used_q = 0, used_c = 0;
	for (size_t k = 0; k < nopts && out->npairs < WL_ALIGN_MAX; k++) {
		const wl_alignment_pair *p = &opts[k].pair;
		uint32_t mq = ((1u << p->q_count) - 1) << p->q_first;
		uint32_t mc = ((1u << p->c_count) - 1) << p->c_first;
		if ((used_q & mq) || (used_c & mc))
			continue;
		used_q |= mq;
		used_c |= mc;
		out->pairs[out->npairs++] = *p;
		out->q_matched += p->sim * opts[k].wq;
		out->c_matched += p->sim * opts[k].wc;
	}
	float cq = out->q_matched / out->q_weight, cc = out->c_matched / out->c_weight;
	out->score = cq * (0.6f + 0.4f * cc);
}
