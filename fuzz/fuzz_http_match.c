/*
 * fuzz_http_match.c - libFuzzer harness for the body of POST /match/{dataset}
 * (src/http/json_request.c): any bytes must be refused with 400 or 422 and a
 * detail, or parsed into queries that each have a name; never a crash, a
 * leak or undefined behaviour.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/json_request.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	wl_match_request req;
	char detail[1024];
	detail[0] = '\0';
	int status =
	    wl_match_request_parse(&req, (const char *)data, size, 10, detail, sizeof(detail));
	if (status) {
		if ((status != 400 && status != 422) || !detail[0])
			abort();
		return 0;
	}
	if (!req.nqueries || req.nqueries > 10)
		abort();
	for (size_t i = 0; i < req.nqueries; i++) {
		const wl_match_query *q = &req.queries[i];
		if (!q->nnames || q->nnames > WL_MATCH_MAX_VALUES || !q->key || !q->echo)
			abort();
		for (size_t k = 0; k < q->nnames; k++)
			if (!q->names[k] || !*q->names[k])
				abort();
	}
	wl_match_request_free(&req);
	return 0;
}
