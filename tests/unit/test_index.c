/*
 * test_index.c - the index file: round trip, atomic replacement, and the
 * refusal of truncated, altered and foreign files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "helpers.h"
#include "index/index.h"
#include "model/entity.h"
#include "model/error.h"

static char dir[64];
static char path[128];
static wl_normaliser *norm;

static int write_index(const wl_dataset *ds, const char *p)
{
	if (!norm && wl_normaliser_new(&norm, "data"))
		fail_msg("normaliser: %s", wl_error_last());
	return wl_index_write(ds, norm, p);
}

static wl_dataset *apt31_dataset(void)
{
	wl_dataset *ds;
	assert_int_equal(wl_dataset_new(&ds), 0);
	wl_source s = {.name = "us_ofac_sdn", .title = "OFAC SDN", .list_date = "2024-05-03"};
	assert_int_equal(wl_dataset_source(ds, &s), 0);
	wl_entity *co = wl_dataset_entity(ds, 0, "ofac", "47800", WL_SCHEMA_ORGANIZATION);
	wl_entity *ni = wl_dataset_entity(ds, 0, "ofac", "47818", WL_SCHEMA_PERSON);
	wl_entity_puts(ds, co, WL_PROP_NAME, "WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED", NULL);
	wl_entity_puts(ds, ni, WL_PROP_NAME, "NI, Gaobin", NULL);
	wl_fact dob = {.original = "DOB 27 Oct 1985"};
	wl_entity_puts(ds, ni, WL_PROP_BIRTH_DATE, "1985-10-27", &dob);
	wl_fact id = {.detail = "National ID No.", .country = "cn"};
	wl_entity_puts(ds, ni, WL_PROP_ID_NUMBER, "421003198510272917", &id);
	wl_entity_link(ds, ni, "linkedTo", "ofac-47800", NULL, NULL, NULL);
	wl_entity_link(ds, ni, "linkedTo", NULL, "SOMEONE UNLISTED", NULL, NULL);
	return ds;
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/wl-test-index-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/test.idx", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

static void round_trip(void **state)
{
	wl_dataset *ds = apt31_dataset();
	assert_int_equal(write_index(ds, path), 0);
	wl_dataset_free(ds);

	wl_index *idx;
	assert_int_equal(wl_index_open(&idx, path), 0);
	assert_int_equal(wl_index_entity_count(idx), 2);
	assert_int_equal(wl_index_source_count(idx), 1);
	assert_true(wl_index_find(idx, "ofac-47818") >= 0);
	assert_int_equal(wl_index_find(idx, "ofac-1"), -1);

	char *text;
	assert_int_equal(wl_index_entity_json(&text, idx, "ofac-47818"), 0);
	json_t *o = json_loads(text, 0, NULL);
	free(text);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "schema")), "Person");
	assert_string_equal(json_string_value(json_object_get(o, "caption")), "NI, Gaobin");
	json_t *dob = json_object_get(json_object_get(o, "properties"), "birthDate");
	assert_string_equal(json_string_value(json_array_get(dob, 0)), "1985-10-27");
	json_t *prov = json_array_get(json_object_get(json_object_get(o, "provenance"), "birthDate"), 0);
	assert_string_equal(json_string_value(json_object_get(prov, "dataset")), "us_ofac_sdn");
	assert_string_equal(json_string_value(json_object_get(prov, "record")), "47818");
	assert_string_equal(json_string_value(json_object_get(prov, "list_date")), "2024-05-03");
	assert_string_equal(json_string_value(json_object_get(prov, "original")), "DOB 27 Oct 1985");
	json_t *idp = json_array_get(json_object_get(json_object_get(o, "provenance"), "idNumber"), 0);
	assert_string_equal(json_string_value(json_object_get(idp, "country")), "cn");
	json_t *links = json_object_get(o, "links");
	assert_int_equal(json_array_size(links), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(links, 0), "id")), "ofac-47800");
	assert_string_equal(json_string_value(json_object_get(json_array_get(links, 1), "name")), "SOMEONE UNLISTED");
	json_decref(o);

	/* the company sees the person's link as incoming */
	assert_int_equal(wl_index_entity_json(&text, idx, "ofac-47800"), 0);
	o = json_loads(text, 0, NULL);
	free(text);
	json_t *in = json_array_get(json_object_get(o, "links"), 0);
	assert_string_equal(json_string_value(json_object_get(in, "direction")), "incoming");
	assert_string_equal(json_string_value(json_object_get(in, "id")), "ofac-47818");
	json_decref(o);

	assert_int_equal(wl_index_entity_json(&text, idx, "nope"), WL_ENOTFOUND);
	wl_index_close(idx);
}

static void spit(const char *p, const char *b, size_t n)
{
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	fclose(f);
}

static void expect_refused(const char *what)
{
	wl_index *idx = NULL;
	assert_int_equal(wl_index_open(&idx, path), WL_EINDEX);
	assert_null(idx);
	assert_non_null(strstr(wl_error_last(), what));
}

static void damaged_files_are_refused(void **state)
{
	wl_dataset *ds = apt31_dataset();
	assert_int_equal(write_index(ds, path), 0);
	wl_dataset_free(ds);
	size_t n;
	char *good = slurp(path, &n);

	spit(path, good, n - 16);
	expect_refused("truncated");
	spit(path, good, 10);
	expect_refused("too short");

	for (size_t at = WL_INDEX_HEADER_SIZE; at < n; at += 97) {
		good[at] ^= 0x5a;
		spit(path, good, n);
		expect_refused("checksum");
		good[at] ^= 0x5a;
	}

	wl_disk_header h;
	memcpy(&h, good, sizeof(h));
	h.version = WL_INDEX_VERSION + 1;
	memcpy(good, &h, sizeof(h));
	spit(path, good, n);
	expect_refused("version");

	memcpy(good, "NOTANIDX", 8);
	spit(path, good, n);
	expect_refused("not a watchlist index");
	free(good);

	wl_index *idx;
	assert_int_equal(wl_index_open(&idx, "/nonexistent/x.idx"), WL_ENOTFOUND);
}

static void writes_replace_the_file_whole(void **state)
{
	wl_dataset *ds = apt31_dataset();
	assert_int_equal(write_index(ds, path), 0);
	/* a target in a folder that does not exist cannot be written */
	assert_int_equal(write_index(ds, "/nonexistent-dir/x.idx"), WL_EIO);
	/* writing again replaces the file whole */
	wl_entity *e = wl_dataset_entity(ds, 0, "ofac", "47814", WL_SCHEMA_PERSON);
	wl_entity_puts(ds, e, WL_PROP_NAME, "ZHAO, Guangzong", NULL);
	assert_int_equal(write_index(ds, path), 0);
	wl_dataset_free(ds);
	wl_index *idx;
	assert_int_equal(wl_index_open(&idx, path), 0);
	assert_int_equal(wl_index_entity_count(idx), 3);
	wl_index_close(idx);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(damaged_files_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_replace_the_file_whole, setup, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	wl_normaliser_free(norm);
	return rc;
}
