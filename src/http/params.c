/*
 * params.c - reading the query string libmicrohttpd has parsed and decoded.
 *
 * libmicrohttpd keeps every occurrence of a parameter, so repeated
 * parameters are collected by walking all of them. Values are used where
 * they lie (in the connection's memory, valid for the request's life).
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/params.h"
#include "model/entity.h"

const char *wl_http_param(const wl_http_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct collect {
	const char *name;
	wl_http_list *out;
	int overflow;
} collect;

static enum MHD_Result collect_one(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
	collect *c = cls;
	if (strcmp(key, c->name) || !value || !*value)
		return MHD_YES;
	if (c->out->n == WL_HTTP_MAX_REPEAT) {
		c->overflow = 1;
		return MHD_NO;
	}
	c->out->v[c->out->n++] = value;
	return MHD_YES;
}

int wl_http_param_list(const wl_http_request *r, const char *name, wl_http_list *out, char *err,
                       size_t cap)
{
	collect c = {name, out, 0};
	out->n = 0;
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, collect_one, &c);
	if (c.overflow) {
		snprintf(err, cap, "%s: given more than %d times", name, WL_HTTP_MAX_REPEAT);
		return -1;
	}
	return 0;
}

int wl_http_param_long(const wl_http_request *r, const char *name, long min, long max, long def,
                       long *out, char *err, size_t cap)
{
	const char *v = wl_http_param(r, name);
	*out = def;
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < min || n > max) {
		snprintf(err, cap, "%s: '%.32s' is not a whole number from %ld to %ld", name, v,
		         min, max);
		return -1;
	}
	*out = n;
	return 0;
}

int wl_http_param_double(const wl_http_request *r, const char *name, double min, double max,
                         double def, double *out, char *err, size_t cap)
{
	const char *v = wl_http_param(r, name);
	*out = def;
	if (!v)
		return 0;
	char *end;
	errno = 0;
	double x = strtod(v, &end);
	if (!*v || *end || errno || !isfinite(x) || x < min || x > max) {
		snprintf(err, cap, "%s: '%.32s' is not a number from %g to %g", name, v, min, max);
		return -1;
	}
	*out = x;
	return 0;
}

typedef struct utf8_check {
	char *err;
	size_t cap;
	int bad;
} utf8_check;

static enum MHD_Result check_one(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
	utf8_check *c = cls;
	if (wl_utf8_valid(key, strlen(key)) && (!value || wl_utf8_valid(value, strlen(value))))
		return MHD_YES;
	snprintf(c->err, c->cap, "%.64s: not UTF-8", key);
	c->bad = 1;
	return MHD_NO;
}

int wl_http_params_check_utf8(const wl_http_request *r, char *err, size_t cap)
{
	utf8_check c = {err, cap, 0};
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, check_one, &c);
	return c.bad ? -1 : 0;
}
