/*
 * open.c - opens an index file: mmap, then checks it whole before use.
 *
 * Nothing in a file is trusted: the header's magic, version and size, the
 * checksum over the rest, every section's bounds and alignment, and every
 * string offset and entity number in the records are checked here, once,
 * so that later look-ups need no checks. A file that fails is refused with
 * a message saying what is wrong; a damaged index is never half-used.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "index/index.h"
#include "model/error.h"
#include "model/props.h"

#define BAD(...) wl_error_set(WL_EINDEX, __VA_ARGS__)

static int check_str(const wl_index *idx, uint32_t off)
{
	return off < idx->strings_size;
}

static const wl_disk_section *find_section(const wl_disk_section *secs, uint32_t n, uint32_t kind)
{
	for (uint32_t i = 0; i < n; i++)
		if (secs[i].kind == kind)
			return &secs[i];
	return NULL;
}

/* Points *out at a section of records of size rec; checks bounds, size and alignment. */
static int map_section(wl_index *idx, const char *path, const wl_disk_section *secs, uint32_t n,
		       uint32_t kind, size_t rec, const void **out, size_t *count)
{
	const wl_disk_section *s = find_section(secs, n, kind);
	if (!s)
		return BAD("%s: damaged index: section %u is missing", path, kind);
	if (s->offset % 8 || s->offset > idx->map_size || s->size > idx->map_size - s->offset)
		return BAD("%s: damaged index: section %u lies outside the file", path, kind);
	if (rec > 1 && (s->size % rec || s->size / rec != s->count))
		return BAD("%s: damaged index: section %u has a wrong size", path, kind);
	*out = (const char *)idx->map + s->offset;
	*count = rec > 1 ? s->count : s->size;
	return WL_OK;
}

static int check_records(const wl_index *idx, const char *path)
{
	for (size_t i = 0; i < idx->nsources; i++)
		if (!check_str(idx, idx->sources[i]))
			return BAD("%s: damaged index: source %zu", path, i);
	for (size_t i = 0; i < idx->nentities; i++) {
		const wl_disk_entity *e = &idx->entities[i];
		if (!check_str(idx, e->id) || !check_str(idx, e->source_id) ||
		    !check_str(idx, e->caption) || e->source >= idx->nsources ||
		    e->first_value > idx->nvalues || e->nvalues > idx->nvalues - e->first_value ||
		    e->first_link > idx->nlinks || e->nlinks > idx->nlinks - e->first_link ||
		    e->first_backlink > idx->nbacklinks ||
		    e->nbacklinks > idx->nbacklinks - e->first_backlink || idx->ids[i] >= idx->nentities)
			return BAD("%s: damaged index: entity %zu", path, i);
	}
	for (size_t i = 0; i < idx->nvalues; i++) {
		const wl_disk_value *v = &idx->values[i];
		if (!check_str(idx, v->text) || !check_str(idx, v->detail) ||
		    !check_str(idx, v->country) || !check_str(idx, v->record) ||
		    !check_str(idx, v->original) || v->source >= idx->nsources)
			return BAD("%s: damaged index: value %zu", path, i);
	}
	for (size_t i = 0; i < idx->nlinks; i++) {
		const wl_disk_link *l = &idx->links[i];
		if (l->owner >= idx->nentities ||
		    (l->target != WL_NONE && l->target >= idx->nentities) || !check_str(idx, l->type) ||
		    !check_str(idx, l->target_name) || !check_str(idx, l->detail) ||
		    !check_str(idx, l->record) || l->source >= idx->nsources)
			return BAD("%s: damaged index: link %zu", path, i);
	}
	for (size_t i = 0; i < idx->nbacklinks; i++)
		if (idx->backlinks[i] >= idx->nlinks)
			return BAD("%s: damaged index: back link %zu", path, i);
	return WL_OK;
}

static int check_slots(const wl_index *idx, const wl_disk_slot *slots, size_t cap)
{
	if (!cap || (cap & (cap - 1)))
		return 0;
	size_t empty = 0;
	for (size_t i = 0; i < cap; i++) {
		if (!slots[i].tag)
			empty++;
		else if (slots[i].term >= idx->nterms)
			return 0;
	}
	return empty > 0; /* a probe always ends */
}

static int check_matching(const wl_index *idx, const char *path)
{
	for (size_t i = 0; i < idx->nnames; i++) {
		const wl_disk_name *nm = &idx->names[i];
		if (nm->entity >= idx->nentities || !check_str(idx, nm->text) ||
		    nm->tokflags > idx->ntokflags || nm->ntokens > idx->ntokflags - nm->tokflags ||
		    nm->ntokens > WL_NAME_MAX_TOKENS || !nm->ntokens || nm->value >= idx->nvalues ||
		    nm->prop >= WL_PROP_COUNT || strlen(wl_index_str(idx, nm->text)) >= WL_NAME_MAX)
			return BAD("%s: damaged index: name %zu", path, i);
	}
	for (size_t e = 0; e < idx->nentities; e++) {
		uint32_t a = idx->entity_names[e], b = idx->entity_names[e + 1];
		if (a > b || b > idx->nnames)
			return BAD("%s: damaged index: names of entity %zu", path, e);
		for (uint32_t k = a; k < b; k++)
			if (idx->names[k].entity != e)
				return BAD("%s: damaged index: names of entity %zu", path, e);
	}
	if (idx->entity_names[idx->nentities] != idx->nnames)
		return BAD("%s: damaged index: name table", path);
	for (size_t i = 0; i < idx->nterms; i++) {
		const wl_disk_term *t = &idx->terms[i];
		if (!check_str(idx, t->text) || t->first > idx->npostings ||
		    t->count > idx->npostings - t->first ||
		    strlen(wl_index_str(idx, t->text)) != t->len || t->len >= WL_NAME_MAX)
			return BAD("%s: damaged index: term %zu", path, i);
	}
	for (size_t i = 0; i < idx->npostings; i++)
		if (idx->postings[i] >= idx->nentities)
			return BAD("%s: damaged index: posting %zu", path, i);
	if (!check_slots(idx, idx->term_hash, idx->term_hash_cap) ||
	    !check_slots(idx, idx->deletes, idx->deletes_cap) ||
	    !check_slots(idx, idx->skeletons, idx->skeletons_cap))
		return BAD("%s: damaged index: hash tables", path);
	return WL_OK;
}

static int map_matching(wl_index *idx, const char *path, const wl_disk_section *secs, uint32_t n)
{
	const void *p;
	size_t count;
	int rc;
#define MAP(kind, rec, field, nfield)                                               \
	if ((rc = map_section(idx, path, secs, n, kind, rec, &p, &count)))          \
		return rc;                                                          \
	idx->field = p;                                                             \
	idx->nfield = count;
	MAP(WL_SEC_NAMES, sizeof(wl_disk_name), names, nnames);
	MAP(WL_SEC_TOKFLAGS, 1, tokflags, ntokflags);
	MAP(WL_SEC_TERMS, sizeof(wl_disk_term), terms, nterms);
	MAP(WL_SEC_POSTINGS, sizeof(uint32_t), postings, npostings);
	MAP(WL_SEC_TERM_HASH, sizeof(wl_disk_slot), term_hash, term_hash_cap);
	MAP(WL_SEC_DELETES, sizeof(wl_disk_slot), deletes, deletes_cap);
	MAP(WL_SEC_SKELETONS, sizeof(wl_disk_slot), skeletons, skeletons_cap);
#undef MAP
	if ((rc = map_section(idx, path, secs, n, WL_SEC_ENTITY_NAMES, sizeof(uint32_t), &p, &count)))
		return rc;
	if (count != idx->nentities + 1)
		return BAD("%s: damaged index: entity name table", path);
	idx->entity_names = p;
	return check_matching(idx, path);
}

/* Parses the sources' JSON once, for their names and dates. */
static int load_sources(wl_index *idx, const char *path)
{
	json_t *arr = json_array();
	idx->source_meta = arr;
	idx->source_name = calloc(idx->nsources + 1, sizeof(char *));
	idx->source_date = calloc(idx->nsources + 1, sizeof(char *));
	if (!arr || !idx->source_name || !idx->source_date)
		return wl_error_set(WL_ENOMEM, "out of memory");
	for (size_t i = 0; i < idx->nsources; i++) {
		json_t *o = json_loads(wl_index_str(idx, idx->sources[i]), 0, NULL);
		const char *name = json_string_value(json_object_get(o, "name"));
		if (!json_is_object(o) || !name) {
			json_decref(o);
			return BAD("%s: damaged index: source %zu", path, i);
		}
		json_array_append_new(arr, o);
		idx->source_name[i] = name;
		idx->source_date[i] = json_string_value(json_object_get(o, "list_date"));
	}
	return WL_OK;
}

static int check_and_map(wl_index *idx, const char *path)
{
	if (idx->map_size < WL_INDEX_HEADER_SIZE)
		return BAD("%s: not a watchlist index (too short)", path);
	const wl_disk_header *h = idx->map;
	if (memcmp(h->magic, WL_INDEX_MAGIC, sizeof(WL_INDEX_MAGIC)) != 0)
		return BAD("%s: not a watchlist index", path);
	if (h->version != WL_INDEX_VERSION)
		return BAD("%s: index format version %u, this watchlist reads version %u: rebuild it "
			   "with `watchlist index`",
			   path, h->version, WL_INDEX_VERSION);
	if (h->file_size != idx->map_size)
		return BAD("%s: damaged index: %zu bytes, the header says %llu (truncated?)", path,
			   idx->map_size, (unsigned long long)h->file_size);
	uint64_t sum = XXH3_64bits((const char *)idx->map + WL_INDEX_HEADER_SIZE,
				   idx->map_size - WL_INDEX_HEADER_SIZE);
	if (sum != h->checksum)
		return BAD("%s: damaged index: checksum mismatch", path);
	if (h->nsections > WL_INDEX_MAX_SECTIONS ||
	    WL_INDEX_HEADER_SIZE + h->nsections * sizeof(wl_disk_section) > idx->map_size)
		return BAD("%s: damaged index: section table", path);
	idx->header = h;
	const wl_disk_section *secs =
		(const wl_disk_section *)((const char *)idx->map + WL_INDEX_HEADER_SIZE);
	uint32_t n = h->nsections;
	const void *p;
	size_t nids;
	int rc;
	if ((rc = map_section(idx, path, secs, n, WL_SEC_STRINGS, 1, &p, &idx->strings_size)))
		return rc;
	idx->strings = p;
	if (!idx->strings_size || idx->strings[0] || idx->strings[idx->strings_size - 1])
		return BAD("%s: damaged index: strings", path);
	if ((rc = map_section(idx, path, secs, n, WL_SEC_SOURCES, sizeof(uint32_t), &p, &idx->nsources)))
		return rc;
	idx->sources = p;
	if ((rc = map_section(idx, path, secs, n, WL_SEC_ENTITIES, sizeof(wl_disk_entity), &p,
			      &idx->nentities)))
		return rc;
	idx->entities = p;
	if ((rc = map_section(idx, path, secs, n, WL_SEC_VALUES, sizeof(wl_disk_value), &p,
			      &idx->nvalues)))
		return rc;
	idx->values = p;
	if ((rc = map_section(idx, path, secs, n, WL_SEC_LINKS, sizeof(wl_disk_link), &p,
			      &idx->nlinks)))
		return rc;
	idx->links = p;
	if ((rc = map_section(idx, path, secs, n, WL_SEC_IDS, sizeof(uint32_t), &p, &nids)))
		return rc;
	idx->ids = p;
	if (nids != idx->nentities)
		return BAD("%s: damaged index: id table", path);
	if ((rc = map_section(idx, path, secs, n, WL_SEC_BACKLINKS, sizeof(uint32_t), &p,
			      &idx->nbacklinks)))
		return rc;
	idx->backlinks = p;
	if ((rc = check_records(idx, path)) || (rc = map_matching(idx, path, secs, n)))
		return rc;
	return load_sources(idx, path);
}

int wl_index_open(wl_index **out, const char *path)
{
	*out = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wl_error_set(errno == ENOENT ? WL_ENOTFOUND : WL_EIO,
				    "%s: cannot open the index: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return wl_error_set(WL_EIO, "%s: not a regular file", path);
	}
	wl_index *idx = calloc(1, sizeof(*idx));
	if (!idx) {
		close(fd);
		return wl_error_set(WL_ENOMEM, "out of memory");
	}
	idx->map_size = (size_t)st.st_size;
	if (idx->map_size) {
		idx->map = mmap(NULL, idx->map_size, PROT_READ, MAP_SHARED, fd, 0);
		if (idx->map == MAP_FAILED) {
			idx->map = NULL;
			close(fd);
			free(idx);
			return wl_error_set(WL_EIO, "%s: cannot map: %s", path, strerror(errno));
		}
	}
	close(fd);
	int rc = check_and_map(idx, path);
	if (rc) {
		wl_index_close(idx);
		return rc;
	}
	*out = idx;
	return WL_OK;
}

void wl_index_close(wl_index *idx)
{
	if (!idx)
		return;
	if (idx->map)
		munmap(idx->map, idx->map_size);
	json_decref(idx->source_meta);
	free(idx->source_name);
	free(idx->source_date);
	free(idx);
}

size_t wl_index_entity_count(const wl_index *idx)
{
	return idx->nentities;
}

size_t wl_index_source_count(const wl_index *idx)
{
	return idx->nsources;
}

long wl_index_find(const wl_index *idx, const char *id)
{
	size_t lo = 0, hi = idx->nentities;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint32_t e = idx->ids[mid];
		int c = strcmp(id, wl_index_str(idx, idx->entities[e].id));
		if (c == 0)
			return (long)e;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

const char *wl_index_entity_id(const wl_index *idx, size_t entity)
{
	return wl_index_str(idx, idx->entities[entity].id);
}

const char *wl_index_entity_schema(const wl_index *idx, size_t entity)
{
	return wl_schema_name(idx->entities[entity].schema);
}

const char *wl_index_entity_source(const wl_index *idx, size_t entity)
{
	return idx->source_name[idx->entities[entity].source];
}

const char *wl_index_source_name(const wl_index *idx, size_t i)
{
	return i < idx->nsources ? idx->source_name[i] : NULL;
}

int wl_index_entity_listed_by(const wl_index *idx, size_t entity, const char *source)
{
	const wl_disk_entity *e = &idx->entities[entity];
	if (!strcmp(idx->source_name[e->source], source))
		return 1;
	for (uint32_t i = 0; i < e->nvalues; i++)
		if (!strcmp(idx->source_name[idx->values[e->first_value + i].source], source))
			return 1;
	return 0;
}

int wl_index_entity_has_topic(const wl_index *idx, size_t entity, const char *topic)
{
	const wl_disk_entity *e = &idx->entities[entity];
	for (uint32_t i = 0; i < e->nvalues; i++) {
		const wl_disk_value *v = &idx->values[e->first_value + i];
		if (v->prop == WL_PROP_TOPICS && !strcmp(wl_index_str(idx, v->text), topic))
			return 1;
	}
	return 0;
}
