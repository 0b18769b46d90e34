#include "pg_date.h"

#include <stdint.h>
#include <string.h>

#include "pg_swar.h"

/*
 * Day numbers from and to civil dates: Howard Hinnant's algorithms
 * (days_from_civil, civil_from_days), eras of 400 years of 146097 days.
 */

static int pg_is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int pg_days_in_month(int y, int m)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && pg_is_leap(y) ? 29 : days[m - 1];
}

pg_day pg_day_from_ymd(int y, int m, int d)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > pg_days_in_month(y, m))
        return PG_DAY_NONE;
    y -= m <= 2;
    int era = y / 400; /* y >= 0 here */
    int yoe = y - era * 400;
    int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (pg_day) (era * 146097 + doe - 719468);
}

void pg_day_to_ymd(pg_day day, int *y, int *m, int *d)
{
    int yy = 0, mm = 0, dd = 0;
    if (day != PG_DAY_NONE) {
        int64_t z = (int64_t) day + 719468;
        int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        int64_t doe = z - era * 146097;
        int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int64_t mp = (5 * doy + 2) / 153;
        dd = (int) (doy - (153 * mp + 2) / 5 + 1);
        mm = (int) (mp < 10 ? mp + 3 : mp - 9);
        yy = (int) (yoe + era * 400 + (mm <= 2));
    }
    if (y)
        *y = yy;
    if (m)
        *m = mm;
    if (d)
        *d = dd;
}

int pg_day_weekday(pg_day day)
{
    /* 1970-01-01 was a Thursday (3) */
    int64_t w = ((int64_t) day + 3) % 7;
    return (int) (w < 0 ? w + 7 : w);
}

static int pg_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int pg_is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Value of exactly n digits at s, or -1. */
static int pg_digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!pg_is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

pg_day pg_day_parse_iso(const char *s, size_t len)
{
    if (!s || len < 10 || s[4] != '-' || s[7] != '-')
        return PG_DAY_NONE;
    int y = pg_digits(s, 4), m = pg_digits(s + 5, 2), d = pg_digits(s + 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return PG_DAY_NONE;
    /* a time must at least begin with the hour */
    if (len > 10 && !((s[10] == 'T' || s[10] == ' ') && len >= 13 && pg_digits(s + 11, 2) >= 0))
        return PG_DAY_NONE;
    return pg_day_from_ymd(y, m, d);
}

void pg_day_format(pg_day day, char buf[11])
{
    int y, m, d;
    buf[0] = '\0';
    if (day == PG_DAY_NONE)
        return;
    pg_day_to_ymd(day, &y, &m, &d);
    if (y < 1 || y > 9999)
        return;
    buf[0] = (char) ('0' + y / 1000);
    buf[1] = (char) ('0' + y / 100 % 10);
    buf[2] = (char) ('0' + y / 10 % 10);
    buf[3] = (char) ('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char) ('0' + m / 10);
    buf[6] = (char) ('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char) ('0' + d / 10);
    buf[9] = (char) ('0' + d % 10);
    buf[10] = '\0';
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* Case-insensitive s[0..len) == name[0..nlen) (name in lower case). */
static int pg_name_eq(const char *s, size_t len, const char *name, size_t nlen)
{
    if (len != nlen)
        return 0;
    for (size_t i = 0; i < len; i++) {
        int c = (unsigned char) s[i];
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != name[i])
            return 0;
    }
    return 1;
}

/* One spelling of a month or weekday: its letters, their number and what it names. */
typedef struct pg_alias {
    char name[10];
    unsigned char len;
    signed char index;
} pg_alias;

/* The index of the alias s[0, len) spells, or -1 ("Jan." is "jan"). */
static int pg_name_lookup(const char *s, size_t len, const pg_alias *aliases, size_t n)
{
    if (!s)
        return -1;
    if (len > 1 && s[len - 1] == '.')
        len--; /* "Jan." */
    /* this runs for every capitalised word: the names are 3 to 9 letters */
    if (len < 3 || len > 9)
        return -1;
    int first = (unsigned char) s[0];
    if (first >= 'A' && first <= 'Z')
        first += 'a' - 'A';
    for (size_t i = 0; i < n; i++)
        if (aliases[i].name[0] == first && aliases[i].len == len &&
            pg_name_eq(s, len, aliases[i].name, len))
            return aliases[i].index;
    return -1;
}

int pg_month_from_name(const char *s, size_t len)
{
    static const pg_alias months[] = {
        {"january", 7, 0}, {"jan", 3, 0},  {"february", 8, 1}, {"feb", 3, 1},
        {"march", 5, 2},   {"mar", 3, 2},  {"april", 5, 3},    {"apr", 3, 3},
        {"may", 3, 4},     {"june", 4, 5}, {"jun", 3, 5},      {"july", 4, 6},
        {"jul", 3, 6},     {"august", 6, 7}, {"aug", 3, 7},    {"september", 9, 8},
        {"sep", 3, 8},     {"sept", 4, 8}, {"october", 7, 9},  {"oct", 3, 9},
        {"november", 8, 10}, {"nov", 3, 10}, {"december", 8, 11}, {"dec", 3, 11}};
    return pg_name_lookup(s, len, months, sizeof months / sizeof *months) + 1;
}

int pg_weekday_from_name(const char *s, size_t len)
{
    static const pg_alias days[] = {
        {"monday", 6, 0},   {"mon", 3, 0},    {"tuesday", 7, 1},  {"tue", 3, 1},
        {"tues", 4, 1},     {"wednesday", 9, 2}, {"wed", 3, 2},   {"thursday", 8, 3},
        {"thu", 3, 3},      {"thur", 4, 3},   {"thurs", 5, 3},    {"friday", 6, 4},
        {"fri", 3, 4},      {"saturday", 8, 5}, {"sat", 3, 5},    {"sunday", 6, 6},
        {"sun", 3, 6}};
    return pg_name_lookup(s, len, days, sizeof days / sizeof *days);
}

/* ------------------------------------------------------------------ */
/* Datelines                                                           */
/* ------------------------------------------------------------------ */

typedef struct pg_cursor {
    const char *s;
    size_t i, end; /* one line: [i, end) */
} pg_cursor;

static int pg_at(const pg_cursor *c, size_t k)
{
    return c->i + k < c->end ? (unsigned char) c->s[c->i + k] : -1;
}

/* Skips blanks (space, tab, no-break space); returns how many were skipped. */
static size_t pg_skip_blanks(pg_cursor *c)
{
    size_t n = 0;
    for (;;) {
        int ch = pg_at(c, 0);
        if (ch == ' ' || ch == '\t') {
            c->i++;
        } else if (ch == 0xC2 && pg_at(c, 1) == 0xA0) {
            c->i += 2;
        } else {
            return n;
        }
        n++;
    }
}

/* Reads 1..maxd digits (not followed by a further digit); -1 if none. */
static int pg_read_number(pg_cursor *c, size_t mind, size_t maxd)
{
    size_t n = 0;
    int v = 0;
    while (n <= maxd && pg_is_digit(pg_at(c, n))) {
        v = v * 10 + (pg_at(c, n) - '0');
        n++;
    }
    if (n < mind || n > maxd)
        return -1;
    c->i += n;
    return v;
}

/* Skips an ordinal suffix: 14th, 1st, 2nd, 3rd. */
static void pg_skip_ordinal(pg_cursor *c)
{
    int a = pg_at(c, 0) | 0x20, b = pg_at(c, 1) | 0x20;
    if (((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
         (a == 't' && b == 'h')) &&
        !pg_is_alpha(pg_at(c, 2)))
        c->i += 2;
}

static int pg_read_month(pg_cursor *c)
{
    size_t n = 0;
    while (pg_is_alpha(pg_at(c, n)))
        n++;
    int m = pg_month_from_name(c->s + c->i, n);
    if (m == 0)
        return 0;
    c->i += n;
    if (pg_at(c, 0) == '.')
        c->i++;
    return m;
}

/* A year of four digits, then no letter or digit. */
static int pg_read_year(pg_cursor *c)
{
    int y = pg_read_number(c, 4, 4);
    int ch = pg_at(c, 0);
    return y >= 0 && !pg_is_alpha(ch) && !pg_is_digit(ch) ? y : -1;
}

/* 2023-03-14 */
static pg_day pg_try_iso(pg_cursor c)
{
    int y = pg_read_number(&c, 4, 4);
    if (y < 0 || pg_at(&c, 0) != '-')
        return PG_DAY_NONE;
    c.i++;
    int m = pg_read_number(&c, 2, 2);
    if (m < 0 || pg_at(&c, 0) != '-')
        return PG_DAY_NONE;
    c.i++;
    int d = pg_read_number(&c, 2, 2);
    return d < 0 ? PG_DAY_NONE : pg_day_from_ymd(y, m, d);
}

/* 14 March 2023, 14th of March, 2023 */
static pg_day pg_try_dmy(pg_cursor c)
{
    int d = pg_read_number(&c, 1, 2);
    if (d < 0)
        return PG_DAY_NONE;
    pg_skip_ordinal(&c);
    if (pg_at(&c, 0) == '.')
        c.i++;
    if (!pg_skip_blanks(&c))
        return PG_DAY_NONE;
    if ((pg_at(&c, 0) | 0x20) == 'o' && (pg_at(&c, 1) | 0x20) == 'f' &&
        !pg_is_alpha(pg_at(&c, 2))) {
        c.i += 2;
        if (!pg_skip_blanks(&c))
            return PG_DAY_NONE;
    }
    int m = pg_read_month(&c);
    if (!m)
        return PG_DAY_NONE;
    if (pg_at(&c, 0) == ',')
        c.i++;
    if (!pg_skip_blanks(&c))
        return PG_DAY_NONE;
    int y = pg_read_year(&c);
    return y < 0 ? PG_DAY_NONE : pg_day_from_ymd(y, m, d);
}

/* March 14, 2023; Jan. 28, 2017 */
static pg_day pg_try_mdy(pg_cursor c)
{
    int m = pg_read_month(&c);
    if (!m || !pg_skip_blanks(&c))
        return PG_DAY_NONE;
    int d = pg_read_number(&c, 1, 2);
    if (d < 0)
        return PG_DAY_NONE;
    pg_skip_ordinal(&c);
    if (pg_at(&c, 0) == ',')
        c.i++;
    if (!pg_skip_blanks(&c))
        return PG_DAY_NONE;
    int y = pg_read_year(&c);
    return y < 0 ? PG_DAY_NONE : pg_day_from_ymd(y, m, d);
}

static pg_day pg_find_in_line(const char *s, size_t b, size_t e)
{
    for (size_t k = b; k < e;) {
        int ch = (unsigned char) s[k];
        if (!pg_is_digit(ch) && !pg_is_alpha(ch)) {
            k++;
            continue;
        }
        /* the start of a word: only there can a date begin */
        size_t w = k + 1;
        while (w < e && (pg_is_digit((unsigned char) s[w]) || pg_is_alpha((unsigned char) s[w])))
            w++;
        pg_cursor c = {s, k, e};
        pg_day d = PG_DAY_NONE;
        if (pg_is_digit(ch)) {
            d = pg_try_iso(c);
            if (d == PG_DAY_NONE)
                d = pg_try_dmy(c);
        } else if (w - k >= 3 && w - k <= 9 && strchr("ADFJMNOSadfjmnos", ch)) {
            d = pg_try_mdy(c); /* a month's name: "May", "September" */
        }
        if (d != PG_DAY_NONE)
            return d;
        k = w;
    }
    return PG_DAY_NONE;
}

/* Is there a run of four digits in s[i, n)? *end: where the first one ends. */
static int pg_year_run(const char *s, size_t i, size_t n, size_t *end)
{
    size_t run = 0;
    while (i < n) {
        if (run == 0 && n - i >= 8) {
            /* eight bytes without a digit, the common case, at once */
            if (!pg_swar_range(pg_swar_load(s + i), '0', '9')) {
                i += 8;
                continue;
            }
        }
        run = pg_is_digit((unsigned char) s[i]) ? run + 1 : 0;
        i++;
        if (run == 4) {
            *end = i;
            return 1;
        }
    }
    return 0;
}

pg_day pg_day_find_dateline(const char *text, size_t len, size_t max_bytes)
{
    if (!text)
        return PG_DAY_NONE;
    size_t n = len < max_bytes ? len : max_bytes, i = 0;
    /*
     * Every form has a year of four digits, and a date stays within its
     * line: only the lines with such a run are read, in order.
     */
    for (;;) {
        size_t year;
        if (!pg_year_run(text, i, n, &year))
            return PG_DAY_NONE;
        size_t bol = year, eol = year;
        while (bol > i && text[bol - 1] != '\n' && text[bol - 1] != '\r')
            bol--;
        while (eol < n && text[eol] != '\n' && text[eol] != '\r')
            eol++;
        pg_day d = pg_find_in_line(text, bol, eol);
        if (d != PG_DAY_NONE)
            return d;
        i = eol;
    }
}
