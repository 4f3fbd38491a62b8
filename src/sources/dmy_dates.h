/*
 * dmy_dates.h - the pieces of "dd/mm/yyyy" dates that the UK lists share.
 *
 * The FCDO's UK Sanctions List and OFSI's ConList write dates day first,
 * with unknown parts as "00", "dd", "mm", "--" or "xx" ("00/00/1965",
 * "--/08/1961"). Each reader keeps its own rule for the whole field (one
 * also takes ISO dates and a time after the year, the other a bare year);
 * these are the parts they share.
 */
#ifndef WL_DMY_DATES_H
#define WL_DMY_DATES_H

#include <stdbool.h>
#include <stddef.h>

/* True when s holds n > 0 ASCII digits. */
bool wl_dmy_digits(const char *s, size_t n);
/* The value of n ASCII digits. */
int wl_dmy_num(const char *s, size_t n);
/* Days in a month (1..12) of a year of the Gregorian calendar. */
int wl_dmy_days_in_month(int year, int month);
/* A day or month part: its value (at most max), 0 when marked unknown, -1 when neither. */
int wl_dmy_part(const char *s, size_t n, int max);
/* Writes "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month, day 0: left out) to out (11 bytes). */
void wl_dmy_format(char *out, int year, int month, int day);

#endif
