/*
 * name_prefixes.c - prefix phrase sets, read from stopwords.yml.
 *
 * The file is a YAML mapping of list names to lists of strings. We read
 * PERSON_NAME_PREFIXES, ORG_NAME_PREFIXES and OBJ_NAME_PREFIXES and ignore
 * the other lists (split phrases, generic person names), which are for other
 * jobs. Every phrase is normalised through the name pipeline, so the dot
 * rigour allows after a prefix ("Mr." for "Mr") needs no entry of its own.
 *
 * rigour leaves out "Sheikh", "Haji" and the like because they are also
 * given names; the normaliser drops a prefix only when another token
 * follows, and drops it the same way from both sides of a comparison, so we
 * add the common Arabic honorifics of the sanctions lists (extra_person).
 *
 * Per list, two hash maps: phrase -> present, and first token -> the longest
 * phrase in tokens that starts with it. Strings live in the set's arena.
 */
#include "text/name_prefixes.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "model/arena.h"
#include "model/error.h"
#include "model/strmap.h"

#define PHRASE_MAX 1024

typedef struct phrase_set {
	wl_strmap phrases; /* phrase -> (void *)1 */
	wl_strmap first;   /* first token -> longest phrase in tokens */
} phrase_set;

struct wl_name_prefixes {
	wl_arena arena;
	phrase_set lists[WL_PREFIX_NLISTS];
};

static const char *const list_keys[WL_PREFIX_NLISTS] = {
    [WL_PREFIX_PERSON] = "PERSON_NAME_PREFIXES",
    [WL_PREFIX_ORG] = "ORG_NAME_PREFIXES",
    [WL_PREFIX_OBJ] = "OBJ_NAME_PREFIXES",
};

/* Honorifics of the sanctions lists that rigour leaves out (see above). */
static const char *const extra_person[] = {
    "Sheikh", "Shaikh", "Sheik", "Haji", "Hajji", "Al-Haj", "Al-Hajj", "Alhaj",
};

typedef struct loader {
	wl_name_prefixes *np;
	const char *path;
	wl_phrase_norm_fn norm;
	void *ctx;
	yaml_document_t *doc;
} loader;

static uintptr_t count_tokens(const char *s)
{
	uintptr_t n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

static int note_first_token(wl_name_prefixes *np, phrase_set *set, const char *key)
{
	const char *sp = strchr(key, ' ');
	size_t len = sp ? (size_t)(sp - key) : strlen(key);
	uintptr_t span = count_tokens(key);
	char *tok = wl_arena_strndup(&np->arena, key, len);
	if (!tok)
		return wl_error_set(WL_ENOMEM, "out of memory");
	if ((uintptr_t)wl_strmap_get(&set->first, tok) >= span)
		return WL_OK;
	if (wl_strmap_put(&set->first, tok, (void *)span))
		return wl_error_set(WL_ENOMEM, "out of memory");
	return WL_OK;
}

/* Normalises raw and adds it to set; a phrase that normalises to nothing is skipped. */
static int add_phrase(loader *ld, phrase_set *set, const char *raw, size_t rawlen)
{
	char buf[PHRASE_MAX];
	size_t len = 0;
	int rc = ld->norm(ld->ctx, raw, rawlen, buf, sizeof(buf), &len);
	if (rc || len == 0 || wl_strmap_get(&set->phrases, buf))
		return rc;
	char *key = wl_arena_strndup(&ld->np->arena, buf, len);
	if (!key)
		return wl_error_set(WL_ENOMEM, "out of memory");
	if ((rc = wl_strmap_put(&set->phrases, key, (void *)1)))
		return wl_error_set(rc, "out of memory");
	return note_first_token(ld->np, set, key);
}

static int bad(loader *ld, const yaml_node_t *node, const char *field, const char *what)
{
	return wl_error_input(ld->path, node->start_mark.line + 1, field, "%s", what);
}

static int load_list(loader *ld, phrase_set *set, const char *name, const yaml_node_t *seq)
{
	if (seq->type != YAML_SEQUENCE_NODE)
		return bad(ld, seq, name, "expected a list of strings");
	for (yaml_node_item_t *it = seq->data.sequence.items.start;
	     it < seq->data.sequence.items.top; it++) {
		const yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
		if (item->type != YAML_SCALAR_NODE)
			return bad(ld, item, name, "expected a string");
		int rc = add_phrase(ld, set, (const char *)item->data.scalar.value,
		                    item->data.scalar.length);
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int which_list(const yaml_node_t *key)
{
	if (key->type != YAML_SCALAR_NODE)
		return -1;
	for (int i = 0; i < WL_PREFIX_NLISTS; i++)
		if (strcmp((const char *)key->data.scalar.value, list_keys[i]) == 0)
			return i;
	return -1;
}

static int load_lists(loader *ld)
{
	const yaml_node_t *root = yaml_document_get_root_node(ld->doc);
	if (!root)
		return wl_error_input(ld->path, 0, NULL, "empty file");
	if (root->type != YAML_MAPPING_NODE)
		return bad(ld, root, NULL, "expected a mapping of lists");
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
		int list = which_list(k);
		if (list < 0)
			continue;
		int rc = load_list(ld, &ld->np->lists[list], list_keys[list],
		                   yaml_document_get_node(ld->doc, p->value));
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int load_extras(loader *ld)
{
	for (size_t i = 0; i < sizeof(extra_person) / sizeof(extra_person[0]); i++) {
		int rc = add_phrase(ld, &ld->np->lists[WL_PREFIX_PERSON], extra_person[i],
		                    strlen(extra_person[i]));
		if (rc)
			return rc;
	}
	return WL_OK;
}

/*
 * libyaml's error as "FILE:LINE: YAML: problem". When the parser knows what
 * it was reading (an unclosed quote runs to the end of the file), the line
 * is where that began, which is where the mistake is.
 */
static int yaml_error(const char *path, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "cannot parse";
	if (p->context)
		return wl_error_input(path, p->context_mark.line + 1, NULL,
		                      "YAML: %s %s (line %zu)", p->context, problem,
		                      p->problem_mark.line + 1);
	return wl_error_input(path, p->problem_mark.line + 1, NULL, "YAML: %s", problem);
}

static int parse_file(loader *ld, FILE *f)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		return wl_error_set(WL_ENOMEM, "out of memory");
	yaml_parser_set_input_file(&parser, f);
	int rc;
	if (!yaml_parser_load(&parser, &doc)) {
		rc = yaml_error(ld->path, &parser);
	} else {
		ld->doc = &doc;
		rc = load_lists(ld);
		if (!rc)
			rc = load_extras(ld);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return rc;
}

int wl_name_prefixes_load(wl_name_prefixes **out, const char *path, wl_phrase_norm_fn norm,
                          void *ctx)
{
	*out = NULL;
	wl_name_prefixes *np = calloc(1, sizeof(*np));
	if (!np)
		return wl_error_set(WL_ENOMEM, "out of memory");
	wl_arena_init(&np->arena);
	for (int i = 0; i < WL_PREFIX_NLISTS; i++) {
		wl_strmap_init(&np->lists[i].phrases);
		wl_strmap_init(&np->lists[i].first);
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		int err = errno;
		wl_name_prefixes_free(np);
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(err));
	}
	loader ld = {.np = np, .path = path, .norm = norm, .ctx = ctx};
	int rc = parse_file(&ld, f);
	fclose(f);
	if (rc) {
		wl_name_prefixes_free(np);
		return rc;
	}
	*out = np;
	return WL_OK;
}

void wl_name_prefixes_free(wl_name_prefixes *np)
{
	if (!np)
		return;
	for (int i = 0; i < WL_PREFIX_NLISTS; i++) {
		wl_strmap_free(&np->lists[i].phrases);
		wl_strmap_free(&np->lists[i].first);
	}
	wl_arena_free(&np->arena);
	free(np);
}

static void *get_n(const wl_strmap *m, const char *s, size_t len)
{
	char key[PHRASE_MAX];
	if (len == 0 || len >= sizeof(key))
		return NULL;
	memcpy(key, s, len);
	key[len] = '\0';
	return wl_strmap_get(m, key);
}

unsigned wl_name_prefixes_span(const wl_name_prefixes *np, wl_prefix_list list, const char *tok,
                               size_t len)
{
	return (unsigned)(uintptr_t)get_n(&np->lists[list].first, tok, len);
}

bool wl_name_prefixes_has(const wl_name_prefixes *np, wl_prefix_list list, const char *phrase,
                          size_t len)
{
	return get_n(&np->lists[list].phrases, phrase, len) != NULL;
}

size_t wl_name_prefixes_count(const wl_name_prefixes *np, wl_prefix_list list)
{
	return np->lists[list].phrases.count;
}
