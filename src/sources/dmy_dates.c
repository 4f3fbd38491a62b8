/*
 * dmy_dates.c - the pieces of "dd/mm/yyyy" dates that the UK lists share
 * (see dmy_dates.h).
 */
#include "dmy_dates.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool wl_dmy_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return n > 0;
}

int wl_dmy_num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int wl_dmy_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/*
 * A day or month part of a "dd/mm/yyyy" date: its value, 0 when the list
 * marks it unknown ("00", "dd", "mm", "--", "xx"), -1 when it is neither.
 */
int wl_dmy_part(const char *s, size_t n, int max)
{
	if (wl_dmy_digits(s, n) && n <= 2) {
		int v = wl_dmy_num(s, n);
		return v <= max ? v : -1;
	}
	if (n != 2 || s[0] != s[1])
		return -1;
	return strchr("dDmMxX-", s[0]) ? 0 : -1;
}

/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month, day 0: left out) to out (11 bytes). */
void wl_dmy_format(char *out, int year, int month, int day)
{
	unsigned y = (unsigned)year % 10000, m = (unsigned)month % 100, d = (unsigned)day % 100;
	if (!m)
		snprintf(out, 11, "%04u", y);
	else if (!d)
		snprintf(out, 11, "%04u-%02u", y, m);
	else
		snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}
