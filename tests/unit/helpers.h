/*
 * helpers.h - what the unit tests of the list readers share.
 *
 * Each reader's test reads a fixture, looks entities and their values up
 * and expects broken files to fail with "FILE:LINE: field: ..."; these
 * helpers did the same in every test, copied from one to the next, and
 * are here once. The Makefile compiles helpers.c into every unit test.
 *
 * Lookups compare with ANY as a wildcard: find(e, WL_PROP_ALIAS, "X",
 * ANY, NULL) is the alias "X" with whatever detail and no country. The
 * assert_ and expect_ helpers fail the running test (cmocka) with a
 * message that says what was looked for; include cmocka.h before this.
 */
#ifndef WL_TEST_HELPERS_H
#define WL_TEST_HELPERS_H

#include <stdbool.h>
#include <stddef.h>

#include "model/entity.h"
#include "sources/reader.h"

#define ANY                                                                                        \
	((const char *)-1) /* a detail, country, record or target the test does not care about */

/* ---- files ---- */

/* A whole file, NUL-terminated; the caller frees it. Fails the test when it cannot be read. */
char *slurp(const char *path, size_t *len);

/* The reader's score for the file's first WL_SNIFF_HEAD bytes. */
int sniff_file(const wl_reader *r, const char *path);

/*
 * Reads a fixture into a fresh dataset (*out, also on failure), for a
 * group setup: the reader's code, its message printed when it fails.
 */
int read_fixture(const wl_reader *r, const char *path, wl_dataset **out);

/* Reads a file into a fresh dataset; fails the test when the reader fails. */
wl_dataset *read_file(const wl_reader *r, const char *path);

/*
 * Reading file fails with WL_EINPUT and a message that starts
 * "FILE" LINE ": FIELD: " (field NULL: no field), e.g. line ":24".
 */
void expect_input_error(const wl_reader *r, const char *file, const char *line, const char *field);

/* ---- entities and values ---- */

/* The entity of that id; fails the test when there is none. */
wl_entity *entity_in(const wl_dataset *ds, const char *id);

/* The index of the source of that name, or -1. */
int source_index(const wl_dataset *ds, const char *name);

/* want == got as strings (both NULL too); ANY wants anything. */
bool same(const char *want, const char *got);

/* The value of prop with this text, detail, country and record (ANY: whatever), or NULL. */
const wl_value *find_value(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                           const char *country, const char *record);

/* find_value from any record. */
const wl_value *find(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                     const char *country);

/* find_value, failing the test when there is no such value. */
const wl_value *assert_value(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                             const char *country, const char *record);

/* find, failing the test when there is no such value. */
const wl_value *assert_has(const wl_entity *e, wl_prop prop, const char *text, const char *detail,
                           const char *country);

/* The value of prop with this text holds the list's wording original (NULL: none). */
void assert_original(const wl_entity *e, wl_prop prop, const char *text, const char *original);

/* The values of prop. */
size_t count(const wl_entity *e, wl_prop prop);

/* True when some value of prop contains part. */
bool has_containing(const wl_entity *e, wl_prop prop, const char *part);

/* The link of that type to target (an entity id) named name (ANY: whatever), or NULL. */
const wl_link *find_link(const wl_entity *e, const char *type, const char *target,
                         const char *name);

/* True when s is an ISO date of any precision: YYYY, YYYY-MM or YYYY-MM-DD. */
bool iso_date(const char *s);

#endif
