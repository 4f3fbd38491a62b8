/*
 * dates.c - parsing and comparing dates of birth (see dates.h).
 */
#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
				      "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_of(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	for (int m = 0; m < 12; m++)
		if (strncasecmp(w, months[m], 3) == 0)
			return m + 1;
	return 0;
}

static int valid(const wl_date *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d->year < 1000 || d->year > 2999 || d->month < 0 || d->month > 12 || d->day < 0)
		return 0;
	if (d->day && (!d->month || d->day > mdays[d->month - 1]))
		return 0;
	return 1;
}

/* Splits s into up to 3 words of digits or letters; returns how many. */
static int split(const char *s, size_t n, char words[3][16])
{
	int k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && !isalnum((unsigned char)s[i]))
			i++;
		if (i == n)
			break;
		if (k == 3)
			return -1;
		size_t j = i;
		int digit = isdigit((unsigned char)s[i]);
		while (j < n && isalnum((unsigned char)s[j]) && !!isdigit((unsigned char)s[j]) == !!digit)
			j++;
		if (j - i >= 16)
			return -1;
		memcpy(words[k], s + i, j - i);
		words[k][j - i] = '\0';
		k++;
		i = j;
	}
	return k;
}

int wl_date_parse(const char *s, size_t n, wl_date *out)
{
	char w[3][16];
	memset(out, 0, sizeof(*out));
	int k = split(s, n, w);
	if (k <= 0)
		return -1;
	int num[3] = {0}, isnum[3] = {0}, mon[3] = {0};
	for (int i = 0; i < k; i++) {
		isnum[i] = isdigit((unsigned char)w[i][0]);
		num[i] = isnum[i] ? atoi(w[i]) : 0;
		mon[i] = isnum[i] ? 0 : month_of(w[i], strlen(w[i]));
		if (!isnum[i] && !mon[i])
			return -1;
	}
	if (k == 1 && isnum[0] && strlen(w[0]) == 4) {
		out->year = num[0];
	} else if (k == 2 && isnum[0] && isnum[1] && strlen(w[0]) == 4) {
		out->year = num[0], out->month = num[1];
	} else if (k == 2 && mon[0] && isnum[1]) {
		out->month = mon[0], out->year = num[1];
	} else if (k == 3 && isnum[0] && strlen(w[0]) == 4 && isnum[1] && isnum[2]) {
		out->year = num[0], out->month = num[1], out->day = num[2];
	} else if (k == 3 && isnum[0] && isnum[1] && isnum[2] && strlen(w[2]) == 4) {
		out->day = num[0], out->month = num[1], out->year = num[2];
	} else if (k == 3 && isnum[0] && mon[1] && isnum[2]) {
		out->day = num[0], out->month = mon[1], out->year = num[2];
	} else if (k == 3 && mon[0] && isnum[1] && isnum[2]) {
		out->month = mon[0], out->day = num[1], out->year = num[2];
	} else {
		return -1;
	}
	return valid(out) ? 0 : -1;
}

void wl_date_format(const wl_date *d, char out[11])
{
	unsigned y = (unsigned)d->year % 10000u, m = (unsigned)d->month % 100u,
		 day = (unsigned)d->day % 100u;
	if (day)
		snprintf(out, 11, "%04u-%02u-%02u", y, m, day);
	else if (m)
		snprintf(out, 11, "%04u-%02u", y, m);
	else
		snprintf(out, 11, "%04u", y);
}

wl_date_relation wl_date_compare(const wl_date *a, const wl_date *b)
{
	if (a->year != b->year)
		return abs(a->year - b->year) <= 1 ? WL_DATE_NEAR : WL_DATE_DIFFERENT;
	if (!a->month || !b->month)
		return WL_DATE_SAME_YEAR;
	if (a->month == b->month) {
		if (!a->day || !b->day)
			return WL_DATE_SAME_YEAR;
		return a->day == b->day ? WL_DATE_SAME : WL_DATE_DIFFERENT;
	}
	if (a->day && b->day && a->day == b->month && a->month == b->day)
		return WL_DATE_SWAPPED;
	return WL_DATE_DIFFERENT;
}
