/*
 * error.c - per-thread last error (see error.h).
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local char last_error[2048];

const char *wl_error_last(void)
{
	return last_error;
}

void wl_error_clear(void)
{
	last_error[0] = '\0';
}

int wl_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return code;
}

int wl_error_input(const char *file, unsigned long line, const char *field, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	char where[256];
	if (line)
		snprintf(where, sizeof(where), "%s:%lu", file ? file : "-", line);
	else
		snprintf(where, sizeof(where), "%s", file ? file : "-");
	int n;
	if (field && *field)
		n = snprintf(last_error, sizeof(last_error), "%s: %.200s: %s", where, field, msg);
	else
		n = snprintf(last_error, sizeof(last_error), "%s: %s", where, msg);
	(void)n; /* a message longer than the buffer is cut, which is fine */
	return WL_EINPUT;
}
