/*
 * fuzz_ofac_csv.c - libFuzzer harness for the OFAC legacy CSV reader (src/sources/ofac_csv.c).
 *
 * The first byte says what the rest of the input is: its value modulo 5
 * picks a main, alt, add or comments file, or (4) a whole set, the four
 * files one after another separated by NUL bytes; bit 4 makes the set a
 * consolidated (cons_*) one. Every input also goes through sniff(). Each
 * run reads into a fresh dataset, resolves its links and frees it, so
 * that ASan and UBSan see every path from bytes to entities.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/entity.h"
#include "sources/ofac_csv.h"
#include "sources/reader.h"

/* Splits text at NUL bytes into the parts of a set: main, alt, add, comments. */
static size_t split_set(const char *text, size_t len, wl_ofac_part parts[WL_OFAC_ROLES])
{
	static const char *const names[WL_OFAC_ROLES] = {"sdn.csv", "alt.csv", "add.csv",
	                                                 "sdn_comments.csv"};
	size_t n = 0, start = 0;
	for (size_t i = 0; i <= len && n < WL_OFAC_ROLES; i++) {
		if (i < len && text[i] != '\0')
			continue;
		parts[n] = (wl_ofac_part){(wl_ofac_role)n, names[n], text + start, i - start};
		n++;
		start = i + 1;
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	wl_reader_ofac_csv.sniff("fuzz.csv", text, len < WL_SNIFF_HEAD ? len : WL_SNIFF_HEAD);

	wl_dataset *ds;
	if (wl_dataset_new(&ds))
		return 0;
	int source = wl_ofac_csv_source(ds, (data[0] & 0x10) ? "cons_prim.csv" : "sdn.csv");
	unsigned mode = data[0] % 5;
	if (source >= 0 && mode < WL_OFAC_ROLES) {
		wl_ofac_csv_read_mem(ds, source, "fuzz.csv", text, len, (wl_ofac_role)mode);
	} else if (source >= 0) {
		wl_ofac_part parts[WL_OFAC_ROLES];
		size_t n = split_set(text, len, parts);
		wl_ofac_csv_read_set_mem(ds, source, parts, n);
	}
	wl_dataset_resolve_links(ds);
	wl_dataset_free(ds);
	return 0;
}
