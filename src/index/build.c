/*
 * build.c - writes a dataset to an index file (layout in format.h).
 *
 * The whole file is assembled in memory (the bundled lists make a few
 * megabytes), checksummed, written to a temporary file in the target's
 * folder, flushed to disk and renamed over the target. A failure at any
 * point removes the temporary file and leaves the old index as it was.
 * Strings are stored once however often they occur.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "index/index.h"
#include "index/match_build.h"
#include "model/error.h"
#include <jansson.h>
#include <sys/stat.h>

typedef struct buf {
	unsigned char *data;
	size_t len, cap;
} buf;

typedef struct writer {
	buf strings;
	wl_strmap seen;      /* string -> offset + 1 */
	wl_strmap entity_no; /* entity id -> number + 1 */
	int oom;
} writer;

static int buf_reserve(buf *b, size_t n)
{
	if (b->len + n <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + n)
		cap *= 2;
	unsigned char *p = realloc(b->data, cap);
	if (!p)
		return -1;
	b->data = p;
	b->cap = cap;
	return 0;
}

static int buf_add(buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n))
		return -1;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	return 0;
}

static int buf_align8(buf *b)
{
	static const unsigned char zeros[8];
	size_t pad = (8 - (b->len & 7)) & 7;
	return pad ? buf_add(b, zeros, pad) : 0;
}

/* The offset of s in the strings section, adding it if new; 0 for NULL or "". */
static uint32_t str_off(writer *w, const char *s)
{
	if (!s || !*s)
		return 0;
	uintptr_t got = (uintptr_t)wl_strmap_get(&w->seen, s);
	if (got)
		return (uint32_t)(got - 1);
	size_t off = w->strings.len;
	if (off > UINT32_MAX - 1 || buf_add(&w->strings, s, strlen(s) + 1) ||
	    wl_strmap_put(&w->seen, s, (void *)(uintptr_t)(off + 1))) {
		w->oom = 1;
		return 0;
	}
	return (uint32_t)off;
}

static uint32_t entity_number(writer *w, const char *id)
{
	uintptr_t got = id ? (uintptr_t)wl_strmap_get(&w->entity_no, id) : 0;
	return got ? (uint32_t)(got - 1) : WL_NONE;
}

static const wl_disk_entity *sort_base;
static const char *sort_strings;

static int cmp_id(const void *a, const void *b)
{
	const wl_disk_entity *ea = &sort_base[*(const uint32_t *)a];
	const wl_disk_entity *eb = &sort_base[*(const uint32_t *)b];
	return strcmp(sort_strings + ea->id, sort_strings + eb->id);
}

/*
 * A source's description as stored: its metadata, files, and the counts by
 * schema of the entities it lists (an entity listed by two lists counts in both).
 */
static char *source_json(const wl_dataset *ds, size_t s)
{
	const wl_source *src = &ds->sources[s];
	json_t *o = json_object();
	json_t *files = json_array();
	json_t *schemata = json_object();
	size_t total = 0, counts[WL_SCHEMA_COUNT] = {0};
	for (size_t i = 0; i < ds->nentities; i++) {
		const wl_entity *e = ds->entities[i];
		int listed = e->source == s;
		for (size_t v = 0; v < e->nvalues && !listed; v++)
			listed = e->values[v].source == s;
		if (listed) {
			counts[e->schema]++;
			total++;
		}
	}
	for (int k = 0; k < WL_SCHEMA_COUNT; k++)
		if (counts[k])
			json_object_set_new(schemata, wl_schema_name(k), json_integer((json_int_t)counts[k]));
	for (size_t f = 0; f < src->nfiles; f++) {
		const wl_source_file *sf = &src->files[f];
		json_array_append_new(files, json_pack("{s:s?, s:s?, s:s?, s:I}", "path", sf->path,
						       "role", sf->role, "sha256", sf->sha256,
						       "bytes", (json_int_t)sf->bytes));
	}
	json_object_set_new(o, "name", json_string(src->name));
#define SET_STR(key, v) \
	if (v)          \
		json_object_set_new(o, key, json_string(v));
	SET_STR("title", src->title);
	SET_STR("format", src->format);
	SET_STR("publisher", src->publisher);
	SET_STR("list_date", src->list_date);
	SET_STR("url", src->url);
	SET_STR("licence", src->licence);
#undef SET_STR
	json_object_set_new(o, "files", files);
	json_object_set_new(o, "entities", json_integer((json_int_t)total));
	json_object_set_new(o, "schemata", schemata);
	char *out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return out;
}

typedef struct tables {
	uint32_t *value_base; /* first value of each entity */
	wl_disk_entity *entities;
	wl_disk_value *values;
	wl_disk_link *links;
	uint32_t *ids, *backlinks, *sources;
	size_t nvalues, nlinks;
} tables;

static void tables_free(tables *t)
{
	free(t->value_base);
	free(t->entities);
	free(t->values);
	free(t->links);
	free(t->ids);
	free(t->backlinks);
	free(t->sources);
}

static int fill_tables(writer *w, const wl_dataset *ds, tables *t)
{
	size_t ne = ds->nentities;
	for (size_t i = 0; i < ne; i++) {
		t->nvalues += ds->entities[i]->nvalues;
		t->nlinks += ds->entities[i]->nlinks;
		if (wl_strmap_put(&w->entity_no, ds->entities[i]->id, (void *)(uintptr_t)(i + 1)))
			return -1;
	}
	if (ne > UINT32_MAX - 1 || t->nvalues > UINT32_MAX - 1 || t->nlinks > UINT32_MAX - 1)
		return wl_error_set(WL_EUSAGE, "too many entities or values for one index");

	t->entities = calloc(ne + 1, sizeof(*t->entities));
	t->values = calloc(t->nvalues + 1, sizeof(*t->values));
	t->links = calloc(t->nlinks + 1, sizeof(*t->links));
	t->ids = calloc(ne + 1, sizeof(*t->ids));
	t->backlinks = calloc(t->nlinks + 1, sizeof(*t->backlinks));
	t->sources = calloc(ds->nsources + 1, sizeof(*t->sources));
	t->value_base = calloc(ne + 1, sizeof(*t->value_base));
	if (!t->value_base || !t->entities || !t->values || !t->links || !t->ids || !t->backlinks || !t->sources)
		return -1;

	for (size_t s = 0; s < ds->nsources; s++) {
		char *json = source_json(ds, s);
		size_t off = w->strings.len;
		int bad = !json || buf_add(&w->strings, json, strlen(json) + 1);
		free(json);
		if (bad)
			return -1;
		t->sources[s] = (uint32_t)off;
	}

	size_t v = 0, l = 0;
	for (size_t i = 0; i < ne; i++) {
		const wl_entity *e = ds->entities[i];
		wl_disk_entity *d = &t->entities[i];
		d->id = str_off(w, e->id);
		d->source_id = str_off(w, e->source_id);
		d->caption = str_off(w, wl_entity_caption(e));
		d->source = e->source;
		d->schema = (uint8_t)e->schema;
		d->first_value = (uint32_t)v;
		t->value_base[i] = (uint32_t)v;
		d->nvalues = (uint32_t)e->nvalues;
		for (size_t k = 0; k < e->nvalues; k++, v++) {
			const wl_value *ev = &e->values[k];
			wl_disk_value *dv = &t->values[v];
			dv->prop = (uint16_t)ev->prop;
			dv->source = ev->source;
			dv->text = str_off(w, ev->text);
			dv->detail = str_off(w, ev->detail);
			dv->country = str_off(w, ev->country);
			dv->record = str_off(w, ev->record);
			dv->original = str_off(w, ev->original);
		}
		d->first_link = (uint32_t)l;
		d->nlinks = (uint32_t)e->nlinks;
		for (size_t k = 0; k < e->nlinks; k++, l++) {
			const wl_link *el = &e->links[k];
			wl_disk_link *dl = &t->links[l];
			dl->owner = (uint32_t)i;
			dl->target = entity_number(w, el->target);
			dl->type = str_off(w, el->type);
			dl->target_name = str_off(w, el->target_name);
			dl->detail = str_off(w, el->detail);
			dl->record = str_off(w, el->record);
			dl->source = el->source;
		}
		t->ids[i] = (uint32_t)i;
	}
	if (w->oom)
		return -1;

	/* Backlinks: count per target, prefix sums, then place. */
	for (size_t k = 0; k < t->nlinks; k++)
		if (t->links[k].target != WL_NONE)
			t->entities[t->links[k].target].nbacklinks++;
	uint32_t at = 0;
	for (size_t i = 0; i < ne; i++) {
		t->entities[i].first_backlink = at;
		at += t->entities[i].nbacklinks;
		t->entities[i].nbacklinks = 0;
	}
	for (size_t k = 0; k < t->nlinks; k++) {
		wl_disk_entity *te = t->links[k].target != WL_NONE ? &t->entities[t->links[k].target] : NULL;
		if (te)
			t->backlinks[te->first_backlink + te->nbacklinks++] = (uint32_t)k;
	}

	sort_base = t->entities;
	sort_strings = (const char *)w->strings.data;
	qsort(t->ids, ne, sizeof(*t->ids), cmp_id);
	return 0;
}

static int add_section(buf *out, wl_disk_section *sec, uint32_t kind, uint32_t count,
		       const void *data, size_t size)
{
	if (buf_align8(out))
		return -1;
	sec->kind = kind;
	sec->count = count;
	sec->offset = out->len;
	sec->size = size;
	return buf_add(out, data, size);
}

static int write_atomically(const char *path, const buf *out)
{
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.tmp.XXXXXX", path) < 0)
		return wl_error_set(WL_ENOMEM, "out of memory");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int rc = wl_error_set(WL_EIO, "%s: cannot create: %s", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	size_t done = 0;
	while (done < out->len) {
		ssize_t n = write(fd, out->data + done, out->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	int ok = done == out->len && fsync(fd) == 0;
	int err = errno;
	ok = fchmod(fd, 0644) == 0 && ok;
	ok = close(fd) == 0 && ok;
	if (ok && rename(tmp, path) == 0) {
		free(tmp);
		return WL_OK;
	}
	unlink(tmp);
	free(tmp);
	return wl_error_set(WL_EIO, "%s: cannot write the index: %s", path, strerror(err ? err : errno));
}

/* Gives the matching tables' names and terms their string offsets. */
static int place_match_strings(writer *w, wl_match_tables *mt)
{
	for (size_t i = 0; i < mt->nnames; i++)
		mt->names[i].text = str_off(w, mt->name_texts[i]);
	for (size_t i = 0; i < mt->nterms; i++) {
		mt->terms[i].text = str_off(w, mt->term_texts[i]);
		mt->terms[i].len = (uint32_t)strlen(mt->term_texts[i]);
	}
	return w->oom ? WL_ENOMEM : WL_OK;
}

int wl_index_write(const wl_dataset *ds, wl_normaliser *norm, const char *path)
{
	writer w = {0};
	tables t = {0};
	wl_match_tables mt = {0};
	buf out = {0};
	int rc = WL_ENOMEM;
	wl_strmap_init(&w.seen);
	wl_strmap_init(&w.entity_no);
	if (buf_add(&w.strings, "", 1))
		goto done;
	rc = fill_tables(&w, ds, &t);
	if (!rc)
		rc = wl_match_tables_build(&mt, ds, norm, t.value_base);
	if (!rc)
		rc = place_match_strings(&w, &mt);
	if (rc)
		goto done;
	rc = WL_ENOMEM;

	enum { NSEC = 15 };
	wl_disk_header h = {0};
	wl_disk_section secs[NSEC] = {{0}};
	memcpy(h.magic, WL_INDEX_MAGIC, sizeof(WL_INDEX_MAGIC));
	h.version = WL_INDEX_VERSION;
	h.nsections = NSEC;
	h.created = (uint64_t)time(NULL);
	size_t ne = ds->nentities;
	if (buf_add(&out, &h, sizeof(h)) || buf_add(&out, secs, sizeof(secs)) ||
	    add_section(&out, &secs[0], WL_SEC_STRINGS, 0, w.strings.data, w.strings.len) ||
	    add_section(&out, &secs[1], WL_SEC_SOURCES, (uint32_t)ds->nsources, t.sources,
			ds->nsources * sizeof(uint32_t)) ||
	    add_section(&out, &secs[2], WL_SEC_ENTITIES, (uint32_t)ne, t.entities,
			ne * sizeof(wl_disk_entity)) ||
	    add_section(&out, &secs[3], WL_SEC_VALUES, (uint32_t)t.nvalues, t.values,
			t.nvalues * sizeof(wl_disk_value)) ||
	    add_section(&out, &secs[4], WL_SEC_LINKS, (uint32_t)t.nlinks, t.links,
			t.nlinks * sizeof(wl_disk_link)) ||
	    add_section(&out, &secs[5], WL_SEC_IDS, (uint32_t)ne, t.ids, ne * sizeof(uint32_t)) ||
	    add_section(&out, &secs[6], WL_SEC_BACKLINKS, (uint32_t)t.nlinks, t.backlinks,
			t.nlinks * sizeof(uint32_t)) ||
	    add_section(&out, &secs[7], WL_SEC_NAMES, (uint32_t)mt.nnames, mt.names,
			mt.nnames * sizeof(wl_disk_name)) ||
	    add_section(&out, &secs[8], WL_SEC_ENTITY_NAMES, (uint32_t)ne + 1, mt.entity_names,
			(ne + 1) * sizeof(uint32_t)) ||
	    add_section(&out, &secs[9], WL_SEC_TOKFLAGS, 0, mt.tokflags, mt.ntokflags) ||
	    add_section(&out, &secs[10], WL_SEC_TERMS, (uint32_t)mt.nterms, mt.terms,
			mt.nterms * sizeof(wl_disk_term)) ||
	    add_section(&out, &secs[11], WL_SEC_POSTINGS, (uint32_t)mt.npostings, mt.postings,
			mt.npostings * sizeof(uint32_t)) ||
	    add_section(&out, &secs[12], WL_SEC_TERM_HASH, (uint32_t)mt.term_hash_cap, mt.term_hash,
			mt.term_hash_cap * sizeof(wl_disk_slot)) ||
	    add_section(&out, &secs[13], WL_SEC_DELETES, (uint32_t)mt.deletes_cap, mt.deletes,
			mt.deletes_cap * sizeof(wl_disk_slot)) ||
	    add_section(&out, &secs[14], WL_SEC_SKELETONS, (uint32_t)mt.skeletons_cap, mt.skeletons,
			mt.skeletons_cap * sizeof(wl_disk_slot)) ||
	    buf_align8(&out))
		goto done;
	h.file_size = out.len;
	memcpy(out.data + sizeof(h), secs, sizeof(secs));
	h.checksum = XXH3_64bits(out.data + WL_INDEX_HEADER_SIZE, out.len - WL_INDEX_HEADER_SIZE);
	memcpy(out.data, &h, sizeof(h));
	rc = write_atomically(path, &out);
done:
	if (rc == WL_ENOMEM)
		wl_error_set(WL_ENOMEM, "out of memory");
	free(out.data);
	free(w.strings.data);
	wl_strmap_free(&w.seen);
	wl_strmap_free(&w.entity_no);
	tables_free(&t);
	wl_match_tables_free(&mt);
	return rc;
}
