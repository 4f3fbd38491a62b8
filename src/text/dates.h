/*
 * dates.h - dates as ISO 8601 prefixes: YYYY, YYYY-MM or YYYY-MM-DD.
 *
 * Lists and users give dates of birth at every precision. The model keeps
 * the precision the source had, as an ISO prefix, and comparison says how
 * two dates relate: the same, one more precise than the other, the day and
 * month swapped (a common error between US and European writing), a year
 * apart, or contradicting.
 */
#ifndef WL_DATES_H
#define WL_DATES_H

#include <stddef.h>

typedef struct wl_date {
	int year, month, day; /* month and day 0 when unknown */
} wl_date;

/*
 * Parses "1985-10-27", "1985-10", "1985", "27.10.1985", "27/10/1985"
 * (day first), "27 Oct 1985", "Oct 1985", "October 27, 1985". Returns 0 or -1.
 */
int wl_date_parse(const char *s, size_t n, wl_date *out);

/* Writes the ISO prefix (11 bytes at most with the NUL). */
void wl_date_format(const wl_date *d, char out[11]);

typedef enum wl_date_relation {
	WL_DATE_SAME,         /* equal at the precision both have */
	WL_DATE_SAME_YEAR,    /* one gives only the year (or year and month), which agrees */
	WL_DATE_SWAPPED,      /* day and month swapped */
	WL_DATE_NEAR,         /* a year apart */
	WL_DATE_DIFFERENT,
} wl_date_relation;

wl_date_relation wl_date_compare(const wl_date *a, const wl_date *b);

#endif
