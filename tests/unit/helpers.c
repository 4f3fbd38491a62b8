/*
 * helpers.c - what the unit tests of the list readers share (see helpers.h).
 *
 * Compiled into every unit test by the Makefile, so that a test includes
 * helpers.h and links nothing else. Failures go through cmocka's fail_msg,
 * which ends the running test; a function that fails still returns
 * something, for the compiler.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "helpers.h"
#include "model/error.h"

/* ---- files ---- */

char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	assert_true(n >= 0);
	char *buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

int sniff_file(const wl_reader *r, const char *path)
{
	static char head[WL_SNIFF_HEAD];
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	return r->sniff(path, head, n);
}

int read_fixture(const wl_reader *r, const char *path, wl_dataset **out)
{
	if (wl_dataset_new(out) != WL_OK)
		return -1;
	int rc = r->read(*out, path);
	if (rc != WL_OK)
		fprintf(stderr, "%s: %s\n", path, wl_error_last());
	return rc;
}

wl_dataset *read_file(const wl_reader *r, const char *path)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	if (r->read(ds, path) != WL_OK)
		fail_msg("%s: %s", path, wl_error_last());
	return ds;
}

void expect_input_error(const wl_reader *r, const char *file, const char *line, const char *field)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), WL_OK);
	int rc = r->read(ds, file);
	const char *msg = wl_error_last();
	if (rc != WL_EINPUT)
		fail_msg("%s: expected WL_EINPUT, got %d (%s)", file, rc, msg);
	char want[256];
	snprintf(want, sizeof(want), "%s%s: %s%s", file, line, field ? field : "",
	         field ? ": " : "");
	if (strncmp(msg, want, strlen(want)) != 0)
		fail_msg("%s: message \"%s\" does not start \"%s\"", file, msg, want);
	wl_dataset_free(ds);
}

/* ---- entities and values ---- */

wl_entity *entity_in(const wl_dataset *ds, const char *id)
{
	wl_entity *e = wl_dataset_find(ds, id);
	if (!e)
		fail_msg("no entity %s", id);
	return e;
}

int source_index(const wl_dataset *ds, const char *name)
{
	for (size_t i = 0; i < ds->nsources; i++)
		if (strcmp(ds->sources[i].name, name) == 0)
			return (int)i;
	return -1;
}

bool same(const char *want, const char *got)
{
	if (want == ANY)
		return true;
	if (!want || !got)
		return want == got;
	return strcmp(want, got) == 0;
}

const wl_value *find_value(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                           const char *country, const char *record)
{
	for (size_t i = 0; i < e->nvalues; i++) {
		const wl_value *v = &e->values[i];
		if (v->prop == prop && strcmp(v->text, text) == 0 && same(detail, v->detail) &&
		    same(country, v->country) && same(record, v->record))
			return v;
	}
	return NULL;
}

const wl_value *find(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                     const char *country)
{
	return find_value(e, prop, text, detail, country, ANY);
}

/* How a wanted detail, country or record reads in a message. */
static const char *wanted(const char *want)
{
	return want == ANY ? "any" : want ? want : "none";
}

const wl_value *assert_value(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                             const char *country, const char *record)
{
	const wl_value *v = find_value(e, prop, text, detail, country, record);
	if (!v)
		fail_msg("%s: no %s \"%s\" (detail %s, country %s, record %s)", e->id,
		         wl_prop_name(prop), text, wanted(detail), wanted(country), wanted(record));
	return v;
}

const wl_value *assert_has(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                           const char *country)
{
	return assert_value(e, prop, text, detail, country, ANY);
}

void assert_original(const wl_entity *e, wl_prop prop, const char *text, const char *original)
{
	const wl_value *v = find(e, prop, text, ANY, ANY);
	if (!v)
		fail_msg("%s: no %s \"%s\"", e->id, wl_prop_name(prop), text);
	if (!same(original, v->original))
		fail_msg("%s: %s \"%s\": original \"%s\", not \"%s\"", e->id, wl_prop_name(prop),
		         text, v->original ? v->original : "(none)",
		         original ? original : "(none)");
}

size_t count(const wl_entity *e, wl_prop prop)
{
	size_t n = 0;
	for (size_t i = 0; i < e->nvalues; i++)
		n += e->values[i].prop == prop;
	return n;
}

bool has_containing(const wl_entity *e, wl_prop prop, const char *part)
{
	for (size_t i = 0; i < e->nvalues; i++)
		if (e->values[i].prop == prop && strstr(e->values[i].text, part))
			return true;
	return false;
}

const wl_link *find_link(const wl_entity *e, const char *type, const char *target, const char *name)
{
	for (size_t i = 0; i < e->nlinks; i++) {
		const wl_link *l = &e->links[i];
		if (strcmp(l->type, type) == 0 && same(target, l->target) &&
		    same(name, l->target_name))
			return l;
	}
	return NULL;
}

bool iso_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}
