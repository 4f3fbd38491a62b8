/*
 * score.c - stage two of screening: how likely is the query this entity?
 *
 * The name decides: the query name is aligned with each of the entity's
 * names and the best alignment gives the name score. A weak alias (OFAC's
 * quoted a.k.a.s, UN "Low quality" aliases) is capped below the default
 * threshold, so that it alone never raises an alert. A person's listed
 * given name or family name that the query lacks costs 0.15: a missing
 * middle name is common ("Usama bin Ladin" for USAMA MUHAMMED AWAD BIN
 * LADIN), a missing first or last name means another person more often
 * ("Nicholas Griffin" is not PAUL NICHOLAS GRIFFIN). The qualifiers then
 * move the score, each explained:
 *   birthDate   +0.05 the same day, +0.02 the same year (one side less
 *               precise), +0.02 day and month swapped; -0.05 a year apart;
 *               -0.20 contradicting.
 *   country     +0.02 the same; -0.05 none of the entity's countries.
 *   schema      -0.25 a person for an organisation or the reverse: an
 *               identical name alone is then no match.
 *   identifier  an identical identifier lifts the score to at least 0.95.
 * The score is clamped to 0..1.
 */
#include <stdio.h>
#include <string.h>

#include "match/match.h"

#define WEAK_ALIAS_CAP 0.70
#define GIVEN_OR_FAMILY_MISSING -0.15
#define DOB_SAME 0.05
#define DOB_YEAR 0.02
#define DOB_SWAPPED 0.02
#define DOB_NEAR -0.05
#define DOB_DIFFERENT -0.20
#define COUNTRY_SAME 0.02
#define COUNTRY_DIFFERENT -0.05
#define SCHEMA_CONFLICT -0.25
#define IDENTIFIER_FLOOR 0.95

/* A new feature; NULL when its texts are not wanted (pq->explain unset). */
static wl_feature *feature(const wl_prepared_query *pq, wl_result *r, const char *name,
			   double score)
{
	wl_feature *f = &r->features[r->nfeatures++];
	f->name = name;
	f->score = score;
	if (!pq->explain)
		return NULL;
	f->query[0] = f->candidate[0] = f->detail[0] = '\0';
	return f;
}

static const char *value_text(const wl_index *idx, const wl_disk_value *v)
{
	return wl_index_str(idx, v->text);
}

/* Describes which tokens met which, e.g. "gaobin~gao bin, ni=ni". */
static void describe_alignment(const wl_alignment *al, const wl_name *q, const wl_name *c,
			       char *out, size_t cap)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < al->npairs && len + 1 < cap; i++) {
		const wl_alignment_pair *p = &al->pairs[i];
		const wl_token *qa = &q->tokens[p->q_first], *qz = &q->tokens[p->q_first + p->q_count - 1];
		const wl_token *ca = &c->tokens[p->c_first], *cz = &c->tokens[p->c_first + p->c_count - 1];
		int n = snprintf(out + len, cap - len, "%s%.*s%s%.*s", i ? ", " : "",
				 (int)(qz->off + qz->len - qa->off), q->text + qa->off,
				 p->sim >= 0.999f ? "=" : "~", (int)(cz->off + cz->len - ca->off),
				 c->text + ca->off);
		if (n < 0)
			break;
		len += (size_t)n;
	}
	if (len >= cap)
		out[cap - 1] = '\0';
}

/*
 * The token of a person's listed name the query left unmatched that is a
 * given or family name: in "LAST, First Middle" the last token before the
 * comma and the first after it; otherwise the first and the last token.
 * Initials do not count. -1 when there is none.
 */
static int missing_given_or_family(const wl_name *c, const wl_alignment *al)
{
	if (c->ntokens < 2)
		return -1;
	uint32_t matched = 0;
	for (size_t i = 0; i < al->npairs; i++)
		matched |= ((1u << al->pairs[i].c_count) - 1) << al->pairs[i].c_first;
	int last = (int)c->ntokens - 1;
	while (last > 0 && (c->tokens[last].flags & WL_TOK_LEGAL_FORM))
		last--;
	int essential[2] = {0, last};
	for (size_t k = 1; k < c->ntokens; k++)
		if (c->tokens[k].flags & WL_TOK_AFTER_COMMA) {
			essential[0] = (int)k - 1;
			essential[1] = (int)k;
			break;
		}
	for (int i = 0; i < 2; i++) {
		int t = essential[i];
		if (!((matched >> t) & 1) && c->tokens[t].len > 1)
			return t;
	}
	return -1;
}

static void score_name(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
		       wl_result *r)
{
	const wl_disk_entity *e = &idx->entities[entity];
	wl_name cand, best_name;
	wl_alignment al, best_al = {0};
	double best = -1;
	uint32_t best_id = 0;
	int best_missing = -1;
	/* people, and entities of unknown kind (the CSL does not say which are people) */
	int person = (e->schema == WL_SCHEMA_PERSON || e->schema == WL_SCHEMA_LEGAL_ENTITY) &&
		     (pq->schema < 0 || pq->schema == WL_SCHEMA_PERSON || pq->schema == WL_SCHEMA_LEGAL_ENTITY);
	for (uint32_t k = idx->entity_names[entity]; k < idx->entity_names[entity + 1]; k++) {
		wl_index_name(idx, k, &cand);
		wl_name_align(&pq->name, &cand, &al);
		double s = al.score;
		int missing = person && al.npairs ? missing_given_or_family(&cand, &al) : -1;
		if (missing >= 0)
			s = s + GIVEN_OR_FAMILY_MISSING > 0 ? s + GIVEN_OR_FAMILY_MISSING : 0;
		if (idx->names[k].prop == WL_PROP_WEAK_ALIAS && s > WEAK_ALIAS_CAP)
			s = WEAK_ALIAS_CAP;
		if (s > best) {
			best = s;
			best_id = k;
			best_al = al;
			best_name = cand;
			best_missing = missing;
		}
	}
	wl_feature *f = feature(pq, r, "name", best < 0 ? 0 : best);
	if (best >= 0)
		r->score = best;
	if (!f)
		return;
	snprintf(f->query, sizeof(f->query), "%s", pq->q->name);
	if (best < 0) {
		snprintf(f->detail, sizeof(f->detail), "the entity has no name to compare");
		return;
	}
	const wl_disk_name *nm = &idx->names[best_id];
	snprintf(f->candidate, sizeof(f->candidate), "%s", value_text(idx, &idx->values[nm->value]));
	char how[160];
	describe_alignment(&best_al, &pq->name, &best_name, how, sizeof(how));
	char missing[96] = "";
	if (best_missing >= 0) {
		const wl_token *t = &best_name.tokens[best_missing];
		snprintf(missing, sizeof(missing), "; the listed given or family name '%.*s' is not in the query %+.2f",
			 (int)t->len, best_name.text + t->off, GIVEN_OR_FAMILY_MISSING);
	}
	int n = snprintf(f->detail, sizeof(f->detail), "%s%s; query %.0f%% matched, %s %.0f%%%s",
		 nm->prop == WL_PROP_WEAK_ALIAS ? "weak alias (capped): " : "", how,
		 100.0 * best_al.q_matched / (best_al.q_weight ? best_al.q_weight : 1),
		 wl_prop_name(nm->prop), 100.0 * best_al.c_matched / (best_al.c_weight ? best_al.c_weight : 1),
		 missing);
	if (n >= (int)sizeof(f->detail))
		f->detail[sizeof(f->detail) - 1] = '\0'; /* a detail longer than the buffer is cut */
}

static void score_birth_date(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
			     wl_result *r)
{
	const wl_disk_entity *e = &idx->entities[entity];
	wl_date_relation best = WL_DATE_DIFFERENT;
	const char *best_text = NULL;
	int any = 0;
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const wl_disk_value *v = &idx->values[e->first_value + i];
		if (v->prop != WL_PROP_BIRTH_DATE)
			continue;
		wl_date d;
		const char *t = value_text(idx, v);
		if (wl_date_parse(t, strlen(t), &d))
			continue;
		wl_date_relation rel = wl_date_compare(&pq->date, &d);
		if (!any || rel < best) {
			best = rel;
			best_text = t;
		}
		any = 1;
	}
	if (!any)
		return;
	static const double adj[] = {DOB_SAME, DOB_YEAR, DOB_SWAPPED, DOB_NEAR, DOB_DIFFERENT};
	static const char *const words[] = {
		"the same date of birth",
		"the same year of birth (one date is less precise)",
		"day and month swapped",
		"born a year apart",
		"a different date of birth",
	};
	wl_feature *f = feature(pq, r, "birthDate", adj[best]);
	r->score += adj[best];
	if (!f)
		return;
	wl_date_format(&pq->date, f->query);
	snprintf(f->candidate, sizeof(f->candidate), "%s", best_text);
	snprintf(f->detail, sizeof(f->detail), "%s: %s %+.2f", words[best],
		 best == WL_DATE_SAME || best == WL_DATE_SAME_YEAR || best == WL_DATE_SWAPPED ? "agrees," : "contradicts,",
		 adj[best]);
}

static int is_country_prop(wl_prop p)
{
	return p == WL_PROP_NATIONALITY || p == WL_PROP_CITIZENSHIP || p == WL_PROP_COUNTRY ||
	       p == WL_PROP_JURISDICTION;
}

static void score_country(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
			  wl_result *r)
{
	const wl_disk_entity *e = &idx->entities[entity];
	char seen[128] = "";
	size_t len = 0;
	int any = 0, same = 0;
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const wl_disk_value *v = &idx->values[e->first_value + i];
		if (!is_country_prop(v->prop))
			continue;
		const char *t = value_text(idx, v);
		any = 1;
		if (strcmp(t, pq->country) == 0)
			same = 1;
		if (pq->explain && !strstr(seen, t) && len + strlen(t) + 3 < sizeof(seen))
			len += (size_t)snprintf(seen + len, sizeof(seen) - len, "%s%s", len ? ", " : "", t);
	}
	if (!any)
		return;
	double adj = same ? COUNTRY_SAME : COUNTRY_DIFFERENT;
	wl_feature *f = feature(pq, r, "country", adj);
	r->score += adj;
	if (!f)
		return;
	snprintf(f->query, sizeof(f->query), "%s", pq->country);
	snprintf(f->candidate, sizeof(f->candidate), "%s", seen);
	snprintf(f->detail, sizeof(f->detail), same ? "a country of the entity: agrees, %+.2f"
						    : "none of the entity's countries: contradicts, %+.2f",
		 adj);
}

static int is_person_like(int s)
{
	return s == WL_SCHEMA_PERSON;
}

static int is_org_like(int s)
{
	return s == WL_SCHEMA_ORGANIZATION || s == WL_SCHEMA_COMPANY || s == WL_SCHEMA_VESSEL ||
	       s == WL_SCHEMA_AIRPLANE;
}

static void score_schema(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
			 wl_result *r)
{
	int cs = idx->entities[entity].schema;
	if (pq->schema < 0 || pq->schema == WL_SCHEMA_LEGAL_ENTITY || cs == WL_SCHEMA_LEGAL_ENTITY)
		return;
	int conflict = (is_person_like(pq->schema) && is_org_like(cs)) ||
		       (is_org_like(pq->schema) && is_person_like(cs));
	if (!conflict)
		return;
	wl_feature *f = feature(pq, r, "schema", SCHEMA_CONFLICT);
	r->score += SCHEMA_CONFLICT;
	if (!f)
		return;
	snprintf(f->query, sizeof(f->query), "%s", wl_schema_name(pq->schema));
	snprintf(f->candidate, sizeof(f->candidate), "%s", wl_schema_name(cs));
	snprintf(f->detail, sizeof(f->detail), "a %s is not a %s: %+.2f", wl_schema_name(pq->schema),
		 wl_schema_name(cs), SCHEMA_CONFLICT);
}

size_t wl_fold_identifier(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++) {
		char c = *s;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
	return n;
}

static void score_identifier(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
			     wl_result *r)
{
	const wl_disk_entity *e = &idx->entities[entity];
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const wl_disk_value *v = &idx->values[e->first_value + i];
		if (wl_prop_kind_of(v->prop) != WL_KIND_ID)
			continue;
		char folded[64];
		wl_fold_identifier(value_text(idx, v), folded, sizeof(folded));
		if (strcmp(folded, pq->id) != 0)
			continue;
		double lift = r->score < IDENTIFIER_FLOOR ? IDENTIFIER_FLOOR - r->score : 0;
		wl_feature *f = feature(pq, r, "identifier", lift);
		r->score += lift;
		if (!f)
			return;
		snprintf(f->query, sizeof(f->query), "%s", pq->q->id_number);
		snprintf(f->candidate, sizeof(f->candidate), "%s", value_text(idx, v));
		const char *detail = wl_index_str(idx, v->detail);
		snprintf(f->detail, sizeof(f->detail), "the same %s%s%s", wl_prop_name(v->prop),
			 *detail ? ": " : "", detail);
		return;
	}
}

void wl_score_entity(const wl_index *idx, const wl_prepared_query *pq, uint32_t entity,
		     wl_result *r)
{
	r->nfeatures = 0;
	r->score = 0;
	score_name(idx, pq, entity, r);
	if (pq->has_date)
		score_birth_date(idx, pq, entity, r);
	if (pq->country)
		score_country(idx, pq, entity, r);
	score_schema(idx, pq, entity, r);
	if (pq->id[0])
		score_identifier(idx, pq, entity, r);
	if (r->score < 0)
		r->score = 0;
	if (r->score > 1)
		r->score = 1;
}
