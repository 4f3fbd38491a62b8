/*
 * fuzz_batch_input.c - libFuzzer harness for the batch file reader (CSV and
 * JSON lines): every record of any input must come back as an object or an
 * error, without crash or leak. The first byte picks the format.
 */
#include <stdint.h>
#include <stdio.h>

#include "cli/batch_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	batch_format fmt = (batch_format)(data[0] % 3);
	FILE *f = fmemopen((void *)(data + 1), size - 1, "rb");
	if (!f)
		return 0;
	batch_reader *r = batch_reader_new(f, fmt);
	json_t *rec;
	unsigned long line;
	char err[256];
	for (int i = 0; r && i < 100000 && batch_next(r, &rec, &line, err, sizeof(err)); i++)
		json_decref(rec);
	batch_reader_free(r);
	fclose(f);
	return 0;
}
