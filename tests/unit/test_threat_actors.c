/*
 * test_threat_actors.c - the MISP galaxy and ATT&CK STIX readers and the actor links, on real data.
 *
 * Reads the bundled MISP galaxies (threat-actor, mitre-intrusion-set,
 * microsoft-activity-group) and the 187 ATT&CK group bundles into one
 * dataset, links them with wl_actors_link(), and checks what a user relies
 * on: every cluster and group is there, APT31's names and country, the
 * sameAs links between APT31's records in the four registries, that shared
 * aliases are kept by every actor that has them, that dangling MISP links
 * are gone, and that bad files fail with file, line and field. The expected
 * figures were computed with python3 on the same files. Run from the
 * repository root.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "helpers.h"
#include "model/entity.h"
#include "model/error.h"
#include "sources/actor_links.h"
#include "sources/attack_stix.h"
#include "sources/misp_galaxy.h"
#include "sources/reader.h"

#define MISP_DIR   "data/lists/misp_galaxy"
#define ATTACK_DIR "data/lists/mitre_attack/intrusion-set"
#define FIXTURES   "tests/fixtures/actors"

/* python3: len(json.load(f)["values"]) and the number of ATT&CK bundles */
#define N_THREAT_ACTOR        1041
#define N_MITRE_INTRUSION_SET 191
#define N_MICROSOFT           179
#define N_ATTACK              187
/* python3: strings naming more than one threat-actor cluster (value + synonyms) */
#define N_SHARED_LOWER  27 /* compared in lower case */
#define N_SHARED_FOLDED 30 /* compared without case, spaces and punctuation */

#define APT31_MISP        "misp-6bf7e6b6-5917-45a6-9567-f0baba79768c"
#define G0128_MISP        "misp-4283ae19-69c7-4347-a35e-b56f08eb660b"
#define VIOLET_TYPHOON_MS "misp-27eb4928-b3e6-5ae1-bbb6-f73bce8d7c69"

static wl_dataset *real; /* the real data, read once */
static int links_added;  /* what the first wl_actors_link() returned */

/* ---- helpers ---- */

static size_t count_entities(const wl_dataset *ds, const char *source)
{
	int src = source_index(ds, source);
	size_t n = 0;
	for (size_t i = 0; i < ds->nentities; i++)
		n += ds->entities[i]->source == src;
	return n;
}

static bool has_value(const wl_entity *e, wl_prop prop, const char *text, const char *detail)
{
	for (size_t i = 0; i < e->nvalues; i++) {
		const wl_value *v = &e->values[i];
		if (v->prop == prop && strcmp(v->text, text) == 0 &&
		    (!detail || (v->detail && strcmp(v->detail, detail) == 0)))
			return true;
	}
	return false;
}

static size_t total_links(const wl_dataset *ds)
{
	size_t n = 0;
	for (size_t i = 0; i < ds->nentities; i++)
		n += ds->entities[i]->nlinks;
	return n;
}

/* The entity of a source whose name is name. */
static wl_entity *find_named(const wl_dataset *ds, const char *source, const char *name)
{
	int src = source_index(ds, source);
	for (size_t i = 0; i < ds->nentities; i++) {
		wl_entity *e = ds->entities[i];
		if (e->source == src && has_value(e, WL_PROP_NAME, name, NULL))
			return e;
	}
	return NULL;
}

/* Names compared as the links compare them: lower case, letters and digits only. */
static void fold(char *out, size_t cap, const char *s, bool punctuation_too)
{
	size_t j = 0;
	for (; *s && j + 1 < cap; s++) {
		unsigned char c = (unsigned char)*s;
		if (!punctuation_too || c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			out[j++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[j] = '\0';
}

/* Entities of a source that have a name or alias folding to key. */
static size_t actors_named(const wl_dataset *ds, int src, const char *key, bool punctuation_too)
{
	size_t n = 0;
	char k[512];
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		if (e->source != src)
			continue;
		for (size_t v = 0; v < e->nvalues; v++) {
			if (e->values[v].prop != WL_PROP_NAME && e->values[v].prop != WL_PROP_ALIAS)
				continue;
			fold(k, sizeof(k), e->values[v].text, punctuation_too);
			if (strcmp(k, key) == 0) {
				n++;
				break;
			}
		}
	}
	return n;
}

typedef struct folded_name {
	char *key;
	size_t entity;
} folded_name;

static int cmp_folded(const void *pa, const void *pb)
{
	const folded_name *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	return c ? c : (a->entity > b->entity) - (a->entity < b->entity);
}

/* Distinct folded names of a source that name more than one of its actors. */
static size_t shared_names(const wl_dataset *ds, const char *source, bool punctuation_too)
{
	int src = source_index(ds, source);
	size_t n = 0, cap = 0, shared = 0;
	folded_name *names = NULL;
	char k[512];
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		for (size_t v = 0; e->source == src && v < e->nvalues; v++) {
			if (e->values[v].prop != WL_PROP_NAME && e->values[v].prop != WL_PROP_ALIAS)
				continue;
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				names = realloc(names, cap * sizeof(*names));
				assert_non_null(names);
			}
			fold(k, sizeof(k), e->values[v].text, punctuation_too);
			names[n++] = (folded_name){strdup(k), i};
		}
	}
	qsort(names, n, sizeof(*names), cmp_folded);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		bool several = false;
		for (; j < n && strcmp(names[j].key, names[i].key) == 0; j++)
			several |= names[j].entity != names[i].entity;
		shared += several;
		i = j;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i].key);
	free(names);
	return shared;
}

static int read_attack_dir(wl_dataset *ds)
{
	struct dirent **names;
	int n = scandir(ATTACK_DIR, &names, NULL, alphasort), rc = 0, files = 0;
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		const char *d = names[i]->d_name;
		size_t len = strlen(d);
		if (!rc && len > 5 && strcmp(d + len - 5, ".json") == 0) {
			char path[1024];
			snprintf(path, sizeof(path), "%s/%s", ATTACK_DIR, d);
			rc = wl_reader_attack_stix.read(ds, path);
			files++;
		}
		free(names[i]);
	}
	free(names);
	return rc ? rc : files;
}

static int setup_real(void **state)
{
	static const char *const galaxies[] = {"threat-actor", "mitre-intrusion-set",
	                                       "microsoft-activity-group"};
	if (wl_dataset_new(&real))
		return -1;
	for (size_t i = 0; i < 3; i++) {
		char path[256];
		snprintf(path, sizeof(path), "%s/%s.json", MISP_DIR, galaxies[i]);
		if (wl_reader_misp_galaxy.read(real, path)) {
			fprintf(stderr, "%s\n", wl_error_last());
			return -1;
		}
	}
	int files = read_attack_dir(real);
	if (files != N_ATTACK) {
		fprintf(stderr, "ATT&CK: %d: %s\n", files, wl_error_last());
		return -1;
	}
	links_added = wl_actors_link(real);
	return links_added < 0 ? -1 : 0;
}

static int teardown_real(void **state)
{
	wl_dataset_free(real);
	return 0;
}

/* ---- the real data ---- */

static void test_counts(void **state)
{
	assert_int_equal(count_entities(real, "misp_threat_actor"), N_THREAT_ACTOR);
	assert_int_equal(count_entities(real, "misp_mitre_intrusion_set"), N_MITRE_INTRUSION_SET);
	assert_int_equal(count_entities(real, "misp_microsoft_activity_group"), N_MICROSOFT);
	assert_int_equal(count_entities(real, "mitre_attack"), N_ATTACK);
	assert_int_equal(real->nentities,
	                 N_THREAT_ACTOR + N_MITRE_INTRUSION_SET + N_MICROSOFT + N_ATTACK);
	for (size_t i = 0; i < real->nentities; i++) {
		assert_true(has_value(real->entities[i], WL_PROP_TOPICS, "crime.cyber", NULL));
		assert_int_equal(real->entities[i]->schema, WL_SCHEMA_ORGANIZATION);
		assert_non_null(wl_entity_first(real->entities[i], WL_PROP_NAME));
	}
}

static void test_sources(void **state)
{
	const wl_source *ta = &real->sources[source_index(real, "misp_threat_actor")];
	assert_string_equal(ta->title, "MISP galaxy: Threat Actor (version 349)");
	assert_string_equal(ta->publisher, "MISP Project");
	assert_string_equal(ta->format, "misp_galaxy");
	assert_string_equal(ta->url, "https://github.com/MISP/misp-galaxy");
	assert_string_equal(ta->licence, "CC0 1.0 or BSD-2-Clause");
	assert_null(ta->list_date);
	assert_int_equal(ta->nfiles, 1);
	assert_string_equal(ta->files[0].role, "clusters");
	assert_int_equal(ta->files[0].bytes, 1399343);
	assert_int_equal(strlen(ta->files[0].sha256), 64);

	const wl_source *at = &real->sources[source_index(real, "mitre_attack")];
	assert_string_equal(at->title, "MITRE ATT&CK Enterprise groups");
	assert_string_equal(at->publisher, "The MITRE Corporation");
	assert_string_equal(at->format, "attack_stix");
	assert_string_equal(at->url, "https://attack.mitre.org/groups/");
	assert_int_equal(at->nfiles, N_ATTACK);
	/* python3: max(o["modified"]) over the bundles */
	assert_string_equal(at->list_date, "2025-11-12");
}

static void test_apt31_misp(void **state)
{
	wl_entity *e = find_named(real, "misp_threat_actor", "APT31");
	assert_non_null(e);
	assert_string_equal(e->id, APT31_MISP);
	assert_string_equal(e->source_id, &APT31_MISP[5]); /* less "misp-" */
	static const char *const aliases[] = {"ZIRCONIUM",      "JUDGMENT PANDA", "BRONZE VINEWOOD",
	                                      "Violet Typhoon", "TA412",          "TIDE CASTLE"};
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		assert_true(has_value(e, WL_PROP_ALIAS, aliases[i], NULL));
	assert_true(has_value(e, WL_PROP_COUNTRY, "cn", "attribution"));
	assert_non_null(wl_entity_first(e, WL_PROP_DESCRIPTION));
	const wl_value *url = wl_entity_first(e, WL_PROP_SOURCE_URL);
	assert_non_null(url);
	assert_string_equal(url->record, e->source_id);
}

static void test_g0128_attack(void **state)
{
	wl_entity *e = wl_dataset_find(real, "attack-G0128");
	assert_non_null(e);
	assert_string_equal(wl_entity_caption(e), "ZIRCONIUM");
	assert_string_equal(e->source_id, "G0128");
	assert_true(has_value(e, WL_PROP_ALIAS, "APT31", NULL));
	assert_true(has_value(e, WL_PROP_ALIAS, "Violet Typhoon", NULL));
	assert_false(has_value(e, WL_PROP_ALIAS, "ZIRCONIUM", NULL)); /* the name, not again */
	assert_true(has_value(e, WL_PROP_ID_NUMBER, "G0128", "MITRE ATT&CK group"));
	assert_true(
	    has_value(e, WL_PROP_SOURCE_URL, "https://attack.mitre.org/groups/G0128", NULL));
	assert_true(has_value(e, WL_PROP_MODIFIED_AT, "2025-10-15", NULL));
	const char *d = wl_entity_first(e, WL_PROP_DESCRIPTION)->text;
	assert_null(strstr(d, "](https://")); /* Markdown links made plain */
	assert_null(strstr(d, "(Citation:"));
	assert_int_equal(strncmp(d, "ZIRCONIUM is a threat group", 27), 0);
}

static void test_g0128_misp_cluster(void **state)
{
	wl_entity *e = wl_dataset_find(real, G0128_MISP);
	assert_non_null(e);
	const wl_value *name = wl_entity_first(e, WL_PROP_NAME);
	assert_string_equal(name->text, "ZIRCONIUM");
	assert_string_equal(name->original, "ZIRCONIUM - G0128");
	assert_true(has_value(e, WL_PROP_ID_NUMBER, "G0128", "MITRE ATT&CK group"));
	assert_true(has_value(e, WL_PROP_ALIAS, "APT31", NULL));
}

static void test_apt31_same_as(void **state)
{
	wl_entity *apt31 = wl_dataset_find(real, APT31_MISP);
	wl_entity *g0128 = wl_dataset_find(real, "attack-G0128");
	wl_entity *cluster = wl_dataset_find(real, G0128_MISP);
	assert_non_null(find_link(apt31, "sameAs", "attack-G0128", ANY));
	assert_non_null(find_link(g0128, "sameAs", APT31_MISP, ANY));
	/* the mitre-intrusion-set cluster by its ATT&CK id, both ways */
	const wl_link *l = find_link(cluster, "sameAs", "attack-G0128", ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "ATT&CK id G0128");
	assert_non_null(find_link(g0128, "sameAs", G0128_MISP, ANY));
	/* MISP's own relation stays a "related" link */
	l = find_link(apt31, "related", VIOLET_TYPHOON_MS, ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "similar");
}

static void test_violet_typhoon(void **state)
{
	wl_entity *e = find_named(real, "misp_microsoft_activity_group", "Violet Typhoon");
	assert_non_null(e);
	assert_string_equal(e->id, VIOLET_TYPHOON_MS);
	assert_true(has_value(e, WL_PROP_COUNTRY, "cn", "attribution"));
	const wl_link *l = find_link(e, "sameAs", APT31_MISP, ANY);
	assert_non_null(l);
	assert_int_equal(strncmp(l->detail, "shared name: ", 13), 0);
	assert_non_null(find_link(e, "sameAs", "attack-G0128", ANY));
	assert_non_null(find_link(e, "sameAs", G0128_MISP, ANY));
	assert_non_null(find_link(e, "related", APT31_MISP, ANY));
	assert_non_null(
	    find_link(wl_dataset_find(real, APT31_MISP), "sameAs", VIOLET_TYPHOON_MS, ANY));
}

static void test_shared_aliases_kept(void **state)
{
	assert_int_equal(shared_names(real, "misp_threat_actor", false), N_SHARED_LOWER);
	assert_int_equal(shared_names(real, "misp_threat_actor", true), N_SHARED_FOLDED);
	/* "Andariel" is Lazarus Group's alias and Silent Chollima's: both keep it */
	assert_true(has_value(find_named(real, "misp_threat_actor", "Lazarus Group"), WL_PROP_ALIAS,
	                      "Andariel", NULL));
	assert_true(has_value(find_named(real, "misp_threat_actor", "Silent Chollima"),
	                      WL_PROP_ALIAS, "Andariel", NULL));
}

/* A "shared name" link stands on a name that names one actor in each of the two sources. */
static void test_shared_name_links_unambiguous(void **state)
{
	size_t checked = 0;
	char key[512];
	for (size_t i = 0; i < real->nentities; i++) {
		const wl_entity *e = real->entities[i];
		for (size_t l = 0; l < e->nlinks; l++) {
			const wl_link *ln = &e->links[l];
			if (!ln->detail || strncmp(ln->detail, "shared name: ", 13) != 0)
				continue;
			const wl_entity *t = wl_dataset_find(real, ln->target);
			assert_non_null(t);
			assert_int_not_equal(t->source, e->source);
			fold(key, sizeof(key), ln->detail + 13, true);
			assert_int_equal(actors_named(real, e->source, key, true), 1);
			assert_int_equal(actors_named(real, t->source, key, true), 1);
			assert_non_null(find_link(t, "sameAs", e->id, ANY)); /* both ways */
			checked++;
		}
	}
	assert_true(checked > 100);
}

static void test_dangling_dropped(void **state)
{
	for (size_t i = 0; i < real->nentities; i++) {
		const wl_entity *e = real->entities[i];
		for (size_t l = 0; l < e->nlinks; l++)
			assert_non_null(wl_dataset_find(real, e->links[l].target));
	}
	/* the cluster's 29 "uses" links name tools and malware: none of them is an actor */
	const wl_entity *cluster = wl_dataset_find(real, G0128_MISP);
	for (size_t l = 0; l < cluster->nlinks; l++)
		assert_string_equal(cluster->links[l].type, "sameAs");
}

static void test_link_idempotent(void **state)
{
	assert_true(links_added > 0);
	size_t before = total_links(real);
	assert_int_equal(wl_actors_link(real), 0);
	assert_int_equal(total_links(real), before);
}

static void test_revoked_deprecated(void **state)
{
	wl_entity *apt34 = wl_dataset_find(real, "attack-G0057");
	assert_non_null(apt34);
	assert_true(has_value(apt34, WL_PROP_STATUS, "revoked", NULL));
	wl_entity *night_dragon = wl_dataset_find(real, "attack-G0014");
	assert_true(has_value(night_dragon, WL_PROP_STATUS, "deprecated", NULL));
	assert_false(has_value(night_dragon, WL_PROP_STATUS, "revoked", NULL));
	assert_null(wl_entity_first(wl_dataset_find(real, "attack-G0128"), WL_PROP_STATUS));
	/* MISP's copy of a revoked group says so too */
	wl_entity *c = find_named(real, "misp_mitre_intrusion_set", "APT34");
	assert_non_null(c);
	assert_true(has_value(c, WL_PROP_STATUS, "revoked", NULL));
}

static void test_sniff_real_heads(void **state)
{
	static const char *const paths[] = {
	    MISP_DIR "/threat-actor.json", MISP_DIR "/mitre-intrusion-set.json",
	    MISP_DIR "/microsoft-activity-group.json",
	    ATTACK_DIR "/intrusion-set--00f67a77-86a4-4adf-be26-1a54fc713340.json"};
	for (size_t i = 0; i < 4; i++) {
		char *data;
		size_t len;
		assert_int_equal(wl_read_file(paths[i], &data, &len), 0);
		size_t n = len < WL_SNIFF_HEAD ? len : WL_SNIFF_HEAD;
		int misp = wl_reader_misp_galaxy.sniff(paths[i], data, n);
		int stix = wl_reader_attack_stix.sniff(paths[i], data, n);
		assert_true(i < 3 ? misp > 0 && stix == 0 : misp == 0 && stix > 0);
		free(data);
	}
}

/* ---- small inputs ---- */

static void test_sniff_other_json(void **state)
{
	static const char *const others[] = {
	    "{\"type\": \"galaxy\", \"uuid\": \"x\", \"name\": \"Threat Actor\"}",
	    "[{\"values\": [1]}]",
	    "{\"type\": \"bundle\", \"id\": \"bundle--1\"}",
	    "name,alias\nAPT31,ZIRCONIUM\n",
	    "",
	};
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		assert_int_equal(wl_reader_misp_galaxy.sniff("x", others[i], strlen(others[i])), 0);
		assert_int_equal(wl_reader_attack_stix.sniff("x", others[i], strlen(others[i])), 0);
	}
}

static const char galaxy_a[] =
    "{\"type\": \"threat-actor\", \"name\": \"Threat Actor\", \"version\": 1, \"values\": ["
    " {\"uuid\": \"a1\", \"value\": \"APT 31\", \"meta\": {\"synonyms\": [\"Bronze X\", \"Panda\"],"
    "  \"name-attribution\": [\"Red:u1\", \"bronze x:u2\"], \"country\": \"XX\","
    "  \"cfr-suspected-state-sponsor\": \"China\"},"
    "  \"related\": [{\"dest-uuid\": \"a2\", \"type\": \"similar\"},"
    "   {\"dest-uuid\": \"tool-1\", \"type\": \"uses\"}]},"
    " {\"uuid\": \"a2\", \"value\": \"Other\", \"meta\": {\"synonyms\": \"Panda\"}}]}";
static const char galaxy_b[] = "{\"type\": \"microsoft-activity-group\", \"values\": ["
                               " {\"uuid\": \"b1\", \"value\": \"Violet\", \"meta\": "
                               "{\"synonyms\": [\"apt-31\", \"PANDA\"]}}]}";
static const char bundle_c[] =
    "{\"type\": \"bundle\", \"objects\": [{\"type\": \"intrusion-set\", \"name\": \"Z\","
    " \"aliases\": [\"Z\", \"Panda\"], \"modified\": \"2024-02-03T00:00:00Z\","
    " \"external_references\": [{\"source_name\": \"mitre-attack\", \"external_id\": \"G0001\"}]},"
    " {\"type\": \"malware\", \"name\": \"skipped\"}]}";

static void test_links_small(void **state)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	int src = -1;
	assert_int_equal(wl_misp_galaxy_read_mem(ds, "a", galaxy_a, strlen(galaxy_a), &src), 0);
	assert_string_equal(ds->sources[src].name, "misp_threat_actor");
	assert_string_equal(ds->sources[src].title, "MISP galaxy: Threat Actor (version 1)");
	assert_int_equal(wl_misp_galaxy_read_mem(ds, "b", galaxy_b, strlen(galaxy_b), &src), 0);
	assert_string_equal(ds->sources[src].name, "misp_microsoft_activity_group");
	assert_int_equal(wl_attack_stix_read_mem(ds, "c", bundle_c, strlen(bundle_c), &src), 0);
	assert_string_equal(ds->sources[src].list_date, "2024-02-03");
	assert_int_equal(ds->nentities, 4);

	wl_entity *a1 = wl_dataset_find(ds, "misp-a1"), *b1 = wl_dataset_find(ds, "misp-b1");
	wl_entity *g = wl_dataset_find(ds, "attack-G0001");
	assert_true(has_value(a1, WL_PROP_ALIAS, "Red", NULL));
	assert_false(has_value(a1, WL_PROP_ALIAS, "bronze x", NULL)); /* "Bronze X" already */
	assert_true(has_value(a1, WL_PROP_COUNTRY, "cn", NULL));      /* from the CFR sponsor */
	assert_false(has_value(a1, WL_PROP_COUNTRY, "xx", NULL));
	assert_int_equal(a1->nlinks, 2);

	/*
	 * "APT 31" = "apt-31": a1 <-> b1. "Panda" names two actors of a1's
	 * source, so it links neither of them, but b1 <-> g by it.
	 */
	int added = wl_actors_link(ds);
	assert_int_equal(added, 4);
	assert_int_equal(a1->nlinks, 2); /* related a2 kept, tool-1 dropped, sameAs b1 */
	assert_non_null(find_link(a1, "related", "misp-a2", ANY));
	const wl_link *l = find_link(a1, "sameAs", "misp-b1", ANY);
	assert_non_null(l);
	assert_string_equal(l->detail, "shared name: APT 31");
	assert_string_equal(find_link(b1, "sameAs", "misp-a1", ANY)->detail, "shared name: apt-31");
	assert_int_equal(g->nlinks, 1);
	assert_string_equal(find_link(g, "sameAs", "misp-b1", ANY)->detail, "shared name: Panda");
	assert_null(find_link(wl_dataset_find(ds, "misp-a2"), "sameAs", "attack-G0001", ANY));
	assert_int_equal(wl_actors_link(ds), 0);
	wl_dataset_free(ds);
}

static void test_plain_text(void **state)
{
	static const char *const cases[][2] = {
	    {"[APT38](https://attack.mitre.org/groups/G0082) is a group.(Citation: CISA)(Citation: "
	     "X) "
	     "Active",
	     "APT38 is a group. Active"},
	    {"[unclosed link", "[unclosed link"},
	    {"[text] (not a link)", "[text] (not a link)"},
	    {"(Citation: unclosed", "(Citation: unclosed"},
	    {"a [b](c", "a [b](c"},
	    {"", ""},
	};
	wl_arena a;
	wl_arena_init(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(wl_attack_plain_text(&a, cases[i][0], strlen(cases[i][0])),
		                    cases[i][1]);
	wl_arena_free(&a);
}

/* ---- malformed input ---- */

/* Reading path fails with WL_EINPUT and a message that holds each of the parts. */
static void expect_error_parts(const wl_reader *r, const char *path, const char *where,
                               const char *what)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	assert_int_equal(r->read(ds, path), WL_EINPUT);
	const char *msg = wl_error_last();
	if (strncmp(msg, where, strlen(where)) != 0 || !strstr(msg, what))
		fail_msg("message \"%s\" lacks \"%s\" or \"%s\"", msg, where, what);
	wl_dataset_free(ds);
}

static void test_malformed(void **state)
{
	expect_error_parts(&wl_reader_misp_galaxy, FIXTURES "/galaxy_truncated.json",
	                   FIXTURES "/galaxy_truncated.json:12: ", "invalid JSON");
	expect_error_parts(&wl_reader_misp_galaxy, FIXTURES "/galaxy_no_uuid.json",
	                   FIXTURES "/galaxy_no_uuid.json: values[1].uuid: ", "missing");
	expect_error_parts(&wl_reader_misp_galaxy, FIXTURES "/galaxy_no_value.json",
	                   FIXTURES "/galaxy_no_value.json: values[0].value: ", "missing");
	expect_error_parts(&wl_reader_attack_stix, FIXTURES "/bundle_truncated.json",
	                   FIXTURES "/bundle_truncated.json:10: ", "invalid JSON");
	expect_error_parts(&wl_reader_attack_stix, FIXTURES "/bundle_no_external_id.json",
	                   FIXTURES "/bundle_no_external_id.json: objects[0].external_references: ",
	                   "mitre-attack");
	/* each reader refuses the other's format */
	expect_error_parts(&wl_reader_attack_stix, MISP_DIR "/microsoft-activity-group.json",
	                   MISP_DIR "/microsoft-activity-group.json: type: ", "not a STIX bundle");
	expect_error_parts(&wl_reader_misp_galaxy, FIXTURES "/bundle_no_external_id.json",
	                   FIXTURES "/bundle_no_external_id.json: values: ", "missing");
}

static void test_malformed_mem(void **state)
{
	static const char *const bad[][2] = {
	    {"{\"type\": \"threat-actor\", \"values\": [{\"uuid\": 7, \"value\": \"x\"}]}",
	     "values[0].uuid: not a non-empty string"},
	    {"{\"type\": \"threat-actor\", \"values\": [3]}", "values[0].uuid: missing"},
	    {"{\"type\": \"../x\", \"values\": []}", "type: "},
	    {"{\"values\": []}", "type: missing"},
	    {"{\"type\": \"threat-actor\", \"values\": [{\"uuid\": \"\", \"value\": \"x\"}]}",
	     "values[0].uuid"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		wl_dataset *ds;
		assert_int_equal(wl_dataset_new(&ds), 0);
		assert_int_equal(
		    wl_misp_galaxy_read_mem(ds, "mem", bad[i][0], strlen(bad[i][0]), NULL),
		    WL_EINPUT);
		if (!strstr(wl_error_last(), bad[i][1]))
			fail_msg("\"%s\" lacks \"%s\"", wl_error_last(), bad[i][1]);
		wl_dataset_free(ds);
	}
}

int main(void)
{
	const struct CMUnitTest real_data[] = {
	    cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_sources),
	    cmocka_unit_test(test_apt31_misp),
	    cmocka_unit_test(test_g0128_attack),
	    cmocka_unit_test(test_g0128_misp_cluster),
	    cmocka_unit_test(test_apt31_same_as),
	    cmocka_unit_test(test_violet_typhoon),
	    cmocka_unit_test(test_shared_aliases_kept),
	    cmocka_unit_test(test_shared_name_links_unambiguous),
	    cmocka_unit_test(test_dangling_dropped),
	    cmocka_unit_test(test_revoked_deprecated),
	    cmocka_unit_test(test_sniff_real_heads),
	    cmocka_unit_test(test_link_idempotent), /* last: it links again */
	};
	const struct CMUnitTest small[] = {
	    cmocka_unit_test(test_sniff_other_json), cmocka_unit_test(test_links_small),
	    cmocka_unit_test(test_plain_text),       cmocka_unit_test(test_malformed),
	    cmocka_unit_test(test_malformed_mem),
	};
	int failed = cmocka_run_group_tests_name("threat actors: real data", real_data, setup_real,
	                                         teardown_real);
	return failed +
	       cmocka_run_group_tests_name("threat actors: small inputs", small, NULL, NULL);
}
