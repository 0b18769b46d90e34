#ifndef PG_DATE_H
#define PG_DATE_H

/*
 * Dates as day numbers (days since 1970-01-01, proleptic Gregorian), so
 * comparing and shifting them is integer arithmetic.
 */

#include <stddef.h>
#include <stdint.h>

typedef int32_t pg_day;
#define PG_DAY_NONE INT32_MIN

pg_day pg_day_from_ymd(int y, int m, int d); /* PG_DAY_NONE if invalid */
void pg_day_to_ymd(pg_day day, int *y, int *m, int *d);
int pg_day_weekday(pg_day day); /* 0 = Monday .. 6 = Sunday */

/* "YYYY-MM-DD", optionally followed by 'T' or ' ' and a time; else NONE. */
pg_day pg_day_parse_iso(const char *s, size_t len);

/* Writes "YYYY-MM-DD" (11 bytes with NUL); "" for PG_DAY_NONE. */
void pg_day_format(pg_day day, char buf[11]);

/*
 * Finds the article's date in its first lines: "Tuesday 14 March 2023
 * 09:30 GMT", "BRUSSELS 1996-08-22", "March 14, 2023", "14 March 2023",
 * "2023-03-14". Looks at most at the first 'max_bytes' bytes.
 */
pg_day pg_day_find_dateline(const char *text, size_t len, size_t max_bytes);

/* Month name or abbreviation ("March", "Mar", "Sept") -> 1..12, else 0. */
int pg_month_from_name(const char *s, size_t len);
/* Weekday name ("Monday", "Mon") -> 0..6, else -1. */
int pg_weekday_from_name(const char *s, size_t len);

#endif
