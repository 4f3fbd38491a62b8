/*
 * error.h - the thread's last error message, and diagnostics that name a place.
 *
 * Every failure is recorded where it happens with wl_error_set(), which keeps
 * a message per thread for wl_error_last(). Errors about outside data name
 * their place as "FILE:LINE: field: what is wrong" so that a user can find and
 * mend the record; wl_error_input() builds exactly that form.
 */
#ifndef WL_ERROR_H
#define WL_ERROR_H

#include "watchlist.h"

/* Sets the thread's message and returns code, so callers can `return wl_error_set(...)`. */
int wl_error_set(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Bad outside data: "FILE:LINE: FIELD: message". line 0 leaves the line out,
 * field NULL leaves the field out. Returns WL_EINPUT.
 */
int wl_error_input(const char *file, unsigned long line, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void wl_error_clear(void);

#endif
