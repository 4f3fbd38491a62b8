/*
 * legal_forms.c - the legal-form phrase table, read from org_types.yml.
 *
 * The file is a YAML mapping with one key, `types`, a list of types:
 *
 *   - display: Co Ltd        # shown to people
 *     compare: CoLtd         # used for matching (optional)
 *     generic: LLC           # a coarse class (optional)
 *     aliases: [coltd, "co., ltd.", ...]
 *
 * Each alias is normalised (so "Co., Ltd." becomes "co ltd") and maps to the
 * normalised compare form, else the display form, else the generic form. An
 * empty compare form, which rigour uses to mean "drop this before
 * comparing", is treated as absent: we keep a marked token so that the
 * scorer can weigh it lightly, rather than lose it. As in rigour, a later
 * alias overrides an earlier one, and a type's display and compare forms
 * are also aliases of the type unless some alias already claims them (this
 * makes normalising a normalised name a no-op). A few aliases the screening
 * needs and rigour lacks are added last (see extra_aliases).
 *
 * Two hash maps answer the normaliser's questions: phrase -> compare form,
 * and first token -> the longest alias (in tokens) that starts with it, so
 * that a name's tokens are mostly dismissed with one look-up. All strings
 * live in one arena that the table owns.
 */
#include "text/legal_forms.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "model/arena.h"
#include "model/error.h"
#include "model/strmap.h"

#define PHRASE_MAX 1024 /* bytes of a normalised alias or form; longer ones are skipped */

struct wl_legal_forms {
	wl_arena arena;
	wl_strmap phrases; /* normalised alias -> normalised compare form */
	wl_strmap first;   /* first token of an alias -> longest alias in tokens */
};

/* Aliases that rigour's table lacks, added after it; value is the compare form. */
static const char *const extra_aliases[][2] = {
    {"Company Limited", "CoLtd"}, /* "Company, Limited" too: the comma is a break */
    {"Company Ltd", "CoLtd"},
    {"Co Limited", "CoLtd"},
    {"OAO", "AO"}, /* открытое акционерное общество; Cyrillic ОАО transliterates to "oao" */
};

typedef struct loader {
	wl_legal_forms *lf;
	const char *path;
	wl_phrase_norm_fn norm;
	void *ctx;
	yaml_document_t *doc;
} loader;

static size_t count_tokens(const char *s)
{
	size_t n = 1;
	for (; *s; s++)
		n += *s == ' ';
	return n;
}

static int note_first_token(wl_legal_forms *lf, const char *key)
{
	const char *sp = strchr(key, ' ');
	size_t len = sp ? (size_t)(sp - key) : strlen(key);
	uintptr_t span = count_tokens(key);
	char *tok = wl_arena_strndup(&lf->arena, key, len);
	if (!tok)
		return wl_error_set(WL_ENOMEM, "out of memory");
	uintptr_t old = (uintptr_t)wl_strmap_get(&lf->first, tok);
	if (old >= span)
		return WL_OK;
	if (wl_strmap_put(&lf->first, tok, (void *)span))
		return wl_error_set(WL_ENOMEM, "out of memory");
	return WL_OK;
}

/* Puts key (normalised, in the arena) -> form; replace: overwrite an existing key. */
static int put_phrase(wl_legal_forms *lf, const char *key, const char *form, int replace)
{
	if (!replace && wl_strmap_get(&lf->phrases, key))
		return WL_OK;
	int rc = wl_strmap_put(&lf->phrases, key, (void *)form);
	if (rc)
		return wl_error_set(rc, "out of memory");
	return note_first_token(lf, key);
}

/* Normalises raw into the arena; *out is NULL when it normalises to nothing. */
static int norm_phrase(loader *ld, const char *raw, size_t rawlen, const char **out)
{
	char buf[PHRASE_MAX];
	size_t len = 0;
	*out = NULL;
	int rc = ld->norm(ld->ctx, raw, rawlen, buf, sizeof(buf), &len);
	if (rc)
		return rc;
	if (len == 0)
		return WL_OK;
	*out = wl_arena_strndup(&ld->lf->arena, buf, len);
	return *out ? WL_OK : wl_error_set(WL_ENOMEM, "out of memory");
}

static int add_alias(loader *ld, const char *raw, size_t rawlen, const char *form, int replace)
{
	const char *key;
	int rc = norm_phrase(ld, raw, rawlen, &key);
	if (rc || !key)
		return rc;
	return put_phrase(ld->lf, key, form, replace);
}

static int bad(loader *ld, const yaml_node_t *node, const char *what)
{
	return wl_error_input(ld->path, node->start_mark.line + 1, NULL, "%s", what);
}

static const yaml_node_t *node_at(loader *ld, int idx)
{
	return yaml_document_get_node(ld->doc, idx);
}

/* The scalar text of node, or NULL (with an error) when it is not a scalar. */
static const char *scalar(loader *ld, const yaml_node_t *node, size_t *len)
{
	if (node->type != YAML_SCALAR_NODE) {
		bad(ld, node, "expected a string");
		return NULL;
	}
	*len = node->data.scalar.length;
	return (const char *)node->data.scalar.value;
}

typedef struct type_fields {
	const yaml_node_t *display, *compare, *generic, *aliases;
} type_fields;

static int read_type_fields(loader *ld, const yaml_node_t *type, type_fields *f)
{
	memset(f, 0, sizeof(*f));
	if (type->type != YAML_MAPPING_NODE)
		return bad(ld, type, "types: each type must be a mapping");
	for (yaml_node_pair_t *p = type->data.mapping.pairs.start; p < type->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = node_at(ld, p->key), *v = node_at(ld, p->value);
		size_t klen;
		const char *key = scalar(ld, k, &klen);
		if (!key)
			return WL_EINPUT;
		if (strcmp(key, "display") == 0)
			f->display = v;
		else if (strcmp(key, "compare") == 0)
			f->compare = v;
		else if (strcmp(key, "generic") == 0)
			f->generic = v;
		else if (strcmp(key, "aliases") == 0)
			f->aliases = v;
		/* other keys are left for rigour's future use */
	}
	return WL_OK;
}

/* The normalised form of the first non-empty of compare, display, generic. */
static int type_form(loader *ld, const yaml_node_t *type, const type_fields *f, const char **form)
{
	const yaml_node_t *order[] = {f->compare, f->display, f->generic};
	*form = NULL;
	for (size_t i = 0; i < 3 && !*form; i++) {
		size_t len;
		const char *s;
		if (!order[i])
			continue;
		if (!(s = scalar(ld, order[i], &len)))
			return WL_EINPUT;
		int rc = norm_phrase(ld, s, len, form);
		if (rc)
			return rc;
	}
	return *form ? WL_OK : bad(ld, type, "type has no compare, display or generic form");
}

/* The type's display and compare forms are aliases of it too, unless taken. */
static int add_own_forms(loader *ld, const type_fields *f, const char *form)
{
	const yaml_node_t *own[] = {f->display, f->compare};
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		const char *s;
		if (!own[i] || !(s = scalar(ld, own[i], &len)))
			continue;
		int rc = add_alias(ld, s, len, form, 0);
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int load_type(loader *ld, const yaml_node_t *type)
{
	type_fields f;
	const char *form;
	int rc = read_type_fields(ld, type, &f);
	if (rc || (rc = type_form(ld, type, &f, &form)))
		return rc;
	if (f.aliases) {
		if (f.aliases->type != YAML_SEQUENCE_NODE)
			return bad(ld, f.aliases, "aliases: expected a list");
		for (yaml_node_item_t *it = f.aliases->data.sequence.items.start;
		     it < f.aliases->data.sequence.items.top; it++) {
			size_t len;
			const char *s = scalar(ld, node_at(ld, *it), &len);
			if (!s)
				return WL_EINPUT;
			if ((rc = add_alias(ld, s, len, form, 1)))
				return rc;
		}
	}
	return add_own_forms(ld, &f, form);
}

static const yaml_node_t *types_node(loader *ld, const yaml_node_t *root)
{
	if (root->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
	     p++) {
		const yaml_node_t *k = node_at(ld, p->key);
		if (k->type == YAML_SCALAR_NODE &&
		    strcmp((char *)k->data.scalar.value, "types") == 0)
			return node_at(ld, p->value);
	}
	return NULL;
}

static int load_types(loader *ld)
{
	const yaml_node_t *root = yaml_document_get_root_node(ld->doc);
	if (!root)
		return wl_error_input(ld->path, 0, NULL, "empty file");
	const yaml_node_t *types = types_node(ld, root);
	if (!types || types->type != YAML_SEQUENCE_NODE)
		return bad(ld, types ? types : root, "expected a mapping with a list `types`");
	for (yaml_node_item_t *it = types->data.sequence.items.start;
	     it < types->data.sequence.items.top; it++) {
		int rc = load_type(ld, node_at(ld, *it));
		if (rc)
			return rc;
	}
	return WL_OK;
}

static int load_extras(loader *ld)
{
	for (size_t i = 0; i < sizeof(extra_aliases) / sizeof(extra_aliases[0]); i++) {
		const char *form;
		int rc = norm_phrase(ld, extra_aliases[i][1], strlen(extra_aliases[i][1]), &form);
		if (rc ||
		    (rc = add_alias(ld, extra_aliases[i][0], strlen(extra_aliases[i][0]), form, 1)))
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
	int rc = WL_OK;
	if (!yaml_parser_load(&parser, &doc)) {
		rc = yaml_error(ld->path, &parser);
	} else {
		ld->doc = &doc;
		rc = load_types(ld);
		if (!rc)
			rc = load_extras(ld);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return rc;
}

int wl_legal_forms_load(wl_legal_forms **out, const char *path, wl_phrase_norm_fn norm, void *ctx)
{
	*out = NULL;
	wl_legal_forms *lf = calloc(1, sizeof(*lf));
	if (!lf)
		return wl_error_set(WL_ENOMEM, "out of memory");
	wl_arena_init(&lf->arena);
	wl_strmap_init(&lf->phrases);
	wl_strmap_init(&lf->first);
	FILE *f = fopen(path, "rb");
	if (!f) {
		int err = errno;
		wl_legal_forms_free(lf);
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(err));
	}
	loader ld = {.lf = lf, .path = path, .norm = norm, .ctx = ctx};
	int rc = parse_file(&ld, f);
	fclose(f);
	if (rc) {
		wl_legal_forms_free(lf);
		return rc;
	}
	*out = lf;
	return WL_OK;
}

void wl_legal_forms_free(wl_legal_forms *lf)
{
	if (!lf)
		return;
	wl_strmap_free(&lf->phrases);
	wl_strmap_free(&lf->first);
	wl_arena_free(&lf->arena);
	free(lf);
}

/* strmap keys are NUL-terminated: copy the (ptr, len) key to a buffer first. */
static void *get_n(const wl_strmap *m, const char *s, size_t len)
{
	char key[PHRASE_MAX];
	if (len == 0 || len >= sizeof(key))
		return NULL;
	memcpy(key, s, len);
	key[len] = '\0';
	return wl_strmap_get(m, key);
}

unsigned wl_legal_forms_span(const wl_legal_forms *lf, const char *tok, size_t len)
{
	return (unsigned)(uintptr_t)get_n(&lf->first, tok, len);
}

const char *wl_legal_forms_lookup(const wl_legal_forms *lf, const char *phrase, size_t len)
{
	return get_n(&lf->phrases, phrase, len);
}

size_t wl_legal_forms_count(const wl_legal_forms *lf)
{
	return lf->phrases.count;
}
