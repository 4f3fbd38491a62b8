/*
 * params.h - URL query parameters: single, repeated, and numbers in a range.
 *
 * Parameters repeat as yente's do (include_dataset=a&include_dataset=b).
 * A value that is not UTF-8, or not a number in range, is the caller's 400:
 * the functions return -1 and write the reason to err.
 */
#ifndef WL_HTTP_PARAMS_H
#define WL_HTTP_PARAMS_H

#include <stddef.h>

#include "http/server.h"

#define WL_HTTP_MAX_REPEAT 100

typedef struct wl_http_list {
	const char *v[WL_HTTP_MAX_REPEAT];
	size_t n;
} wl_http_list;

/* The first value of name, or NULL. */
const char *wl_http_param(const wl_http_request *r, const char *name);
/* Every non-empty value of name, in order; -1 when there are too many. */
int wl_http_param_list(const wl_http_request *r, const char *name, wl_http_list *out, char *err,
                       size_t cap);
/* name as an integer in [min, max], or def when absent. */
int wl_http_param_long(const wl_http_request *r, const char *name, long min, long max, long def,
                       long *out, char *err, size_t cap);
/* name as a number in [min, max], or def when absent. */
int wl_http_param_double(const wl_http_request *r, const char *name, double min, double max,
                         double def, double *out, char *err, size_t cap);
/* -1 with a reason when some parameter's value is not UTF-8. */
int wl_http_params_check_utf8(const wl_http_request *r, char *err, size_t cap);

#endif
