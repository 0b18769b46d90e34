#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "pg_date.h"

static pg_day iso(const char *s)
{
    return pg_day_parse_iso(s, strlen(s));
}

static void test_known_days(void **state)
{
    (void) state;
    /* values checked against Python's datetime.date */
    assert_int_equal(pg_day_from_ymd(1970, 1, 1), 0);
    assert_int_equal(pg_day_from_ymd(1970, 1, 2), 1);
    assert_int_equal(pg_day_from_ymd(1969, 12, 31), -1);
    assert_int_equal(pg_day_from_ymd(2000, 1, 1), 10957);
    assert_int_equal(pg_day_from_ymd(2000, 2, 29), 11016);
    assert_int_equal(pg_day_from_ymd(2017, 1, 28), 17194);
    assert_int_equal(pg_day_from_ymd(1, 1, 1), -719162);
    assert_int_equal(pg_day_from_ymd(9999, 12, 31), 2932896);
}

static void test_invalid_days(void **state)
{
    (void) state;
    assert_int_equal(pg_day_from_ymd(2023, 2, 29), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(1900, 2, 29), PG_DAY_NONE); /* century, not leap */
    assert_int_not_equal(pg_day_from_ymd(2000, 2, 29), PG_DAY_NONE);
    assert_int_not_equal(pg_day_from_ymd(2024, 2, 29), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(2023, 4, 31), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(2023, 13, 1), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(2023, 0, 1), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(2023, 1, 0), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(0, 1, 1), PG_DAY_NONE);
    assert_int_equal(pg_day_from_ymd(10000, 1, 1), PG_DAY_NONE);
}

/* Every day from 0001-01-01 to 9999-12-31 is the one before plus one, both ways. */
static void test_round_trip_all_days(void **state)
{
    (void) state;
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    pg_day expect = pg_day_from_ymd(1, 1, 1);
    for (int y = 1; y <= 9999; y++) {
        int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        for (int m = 1; m <= 12; m++) {
            int n = mdays[m - 1] + (m == 2 && leap);
            for (int d = 1; d <= n; d++) {
                pg_day day = pg_day_from_ymd(y, m, d);
                if (day != expect)
                    fail_msg("%04d-%02d-%02d is %d, expected %d", y, m, d, day, expect);
                int yy, mm, dd;
                pg_day_to_ymd(day, &yy, &mm, &dd);
                if (yy != y || mm != m || dd != d)
                    fail_msg("%d back to %d-%d-%d, expected %d-%d-%d", day, yy, mm, dd, y, m, d);
                expect++;
            }
        }
    }
}

static void test_weekday(void **state)
{
    (void) state;
    assert_int_equal(pg_day_weekday(0), 3);                             /* Thursday */
    assert_int_equal(pg_day_weekday(pg_day_from_ymd(2017, 1, 28)), 5);  /* Saturday */
    assert_int_equal(pg_day_weekday(pg_day_from_ymd(2023, 3, 14)), 1);  /* Tuesday */
    assert_int_equal(pg_day_weekday(pg_day_from_ymd(1969, 12, 31)), 2); /* Wednesday */
    assert_int_equal(pg_day_weekday(pg_day_from_ymd(1, 1, 1)), 0);      /* Monday */
    assert_int_equal(pg_day_weekday(pg_day_from_ymd(9999, 12, 31)), 4); /* Friday */
}

static void test_parse_iso(void **state)
{
    (void) state;
    assert_int_equal(iso("1970-01-01"), 0);
    assert_int_equal(iso("2017-01-28"), 17194);
    assert_int_equal(iso("2017-01-28T14:13:00Z"), 17194);
    assert_int_equal(iso("2017-01-28T14:13:00+01:00"), 17194);
    assert_int_equal(iso("2017-01-28 14:13"), 17194);
    assert_int_equal(iso("2000-02-29"), 11016);
    assert_int_equal(iso("2023-02-29"), PG_DAY_NONE);
    assert_int_equal(iso("2023-02-30"), PG_DAY_NONE);
    assert_int_equal(iso("2023-3-14"), PG_DAY_NONE);
    assert_int_equal(iso("2023/03/14"), PG_DAY_NONE);
    assert_int_equal(iso("2023-03-1"), PG_DAY_NONE);
    assert_int_equal(iso("2023-03-14x"), PG_DAY_NONE);
    assert_int_equal(iso("2023-03-14T"), PG_DAY_NONE);
    assert_int_equal(iso("20230314"), PG_DAY_NONE);
    assert_int_equal(iso(""), PG_DAY_NONE);
    assert_int_equal(pg_day_parse_iso(NULL, 0), PG_DAY_NONE);
    /* the length is respected: no NUL needed, nothing read beyond */
    assert_int_equal(pg_day_parse_iso("2017-01-28T", 10), 17194);
    assert_int_equal(pg_day_parse_iso("2017-01-28", 9), PG_DAY_NONE);
}

static void test_format(void **state)
{
    (void) state;
    char buf[11];
    pg_day_format(0, buf);
    assert_string_equal(buf, "1970-01-01");
    pg_day_format(pg_day_from_ymd(2000, 2, 29), buf);
    assert_string_equal(buf, "2000-02-29");
    pg_day_format(pg_day_from_ymd(1, 1, 1), buf);
    assert_string_equal(buf, "0001-01-01");
    pg_day_format(pg_day_from_ymd(9999, 12, 31), buf);
    assert_string_equal(buf, "9999-12-31");
    pg_day_format(PG_DAY_NONE, buf);
    assert_string_equal(buf, "");
    int y = 1, m = 1, d = 1;
    pg_day_to_ymd(PG_DAY_NONE, &y, &m, &d);
    assert_int_equal(y + m + d, 0);
}

static void test_month_names(void **state)
{
    (void) state;
    static const struct {
        const char *name;
        int month;
    } cases[] = {
        {"January", 1}, {"jan", 1},       {"JAN", 1},      {"Jan.", 1},      {"February", 2},
        {"Feb", 2},     {"march", 3},     {"Mar", 3},      {"April", 4},     {"Apr.", 4},
        {"May", 5},     {"MAY", 5},       {"June", 6},     {"Jun", 6},       {"July", 7},
        {"Jul", 7},     {"August", 8},    {"Aug", 8},      {"September", 9}, {"Sep", 9},
        {"Sept", 9},    {"Sept.", 9},     {"October", 10}, {"Oct", 10},      {"November", 11},
        {"Nov", 11},    {"December", 12}, {"dec", 12},     {"Ma", 0},        {"Marc", 0},
        {"Mayo", 0},    {"Janu", 0},      {"", 0},         {".", 0},         {"Monday", 0},
        {"Septe", 0},   {"Jan..", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int m = pg_month_from_name(cases[i].name, strlen(cases[i].name));
        if (m != cases[i].month)
            fail_msg("month of \"%s\" is %d, expected %d", cases[i].name, m, cases[i].month);
    }
    /* only len bytes are read */
    assert_int_equal(pg_month_from_name("Marching", 3), 3);
}

static void test_weekday_names(void **state)
{
    (void) state;
    static const struct {
        const char *name;
        int day;
    } cases[] = {
        {"Monday", 0},    {"mon", 0},  {"Tuesday", 1},  {"Tue", 1},    {"Tues.", 1},
        {"WEDNESDAY", 2}, {"Wed", 2},  {"Thursday", 3}, {"Thu", 3},    {"Thurs", 3},
        {"Friday", 4},    {"Fri.", 4}, {"Saturday", 5}, {"Sat", 5},    {"Sunday", 6},
        {"sun", 6},       {"Mo", -1},  {"Sundays", -1}, {"March", -1}, {"", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int d = pg_weekday_from_name(cases[i].name, strlen(cases[i].name));
        if (d != cases[i].day)
            fail_msg("weekday of \"%s\" is %d, expected %d", cases[i].name, d, cases[i].day);
    }
}

static pg_day dateline(const char *text)
{
    return pg_day_find_dateline(text, strlen(text), 4096);
}

static void test_dateline_forms(void **state)
{
    (void) state;
    static const struct {
        const char *text;
        int y, m, d; /* 0: none */
    } cases[] = {
        {"Tuesday 14 March 2023 09:30 GMT", 2023, 3, 14},
        {"Friday 27 January 2017 14:13 GMT", 2017, 1, 27},
        {"BRUSSELS 1996-08-22", 1996, 8, 22},
        {"WASHINGTON, Jan. 28, 2017", 2017, 1, 28},
        {"March 14, 2023", 2023, 3, 14},
        {"14 March 2023", 2023, 3, 14},
        {"2023-03-14", 2023, 3, 14},
        {"Sat 28 Jan 2017", 2017, 1, 28},
        {"Last modified on Sat 28 Jan 2017 06.11 GMT", 2017, 1, 28},
        {"Published: 2023-03-14T09:30:00Z", 2023, 3, 14},
        {"MOSCOW, March 3rd, 2022 (Reuters) -", 2022, 3, 3},
        {"1st of September 2019", 2019, 9, 1},
        {"SEPT. 11, 2001", 2001, 9, 11},
        /* a headline and a byline before the date line */
        {"Trump and May meet at the White House\nBy Jane Doe\nFriday 27 January 2017 14:13 GMT\n"
         "Theresa May has met Donald Trump.",
         2017, 1, 27},
        /* the first date wins */
        {"14 March 2023\nUpdated 2023-03-15", 2023, 3, 14},
        /* only whole dates with a year count */
        {"The talks on March 14 were long.", 0, 0, 0},
        {"Theresa May 2017 visit", 0, 0, 0},
        {"March 14, 20231", 0, 0, 0},
        {"31 February 2023", 0, 0, 0},
        {"2023-02-30", 0, 0, 0},
        {"Item 12023-03-14", 0, 0, 0},
        /* a date is not taken across a line break */
        {"Friday 27 January\n2017 was a year", 0, 0, 0},
        /* years in lines without a date, digits split by a line break, CRLF lines */
        {"Profits of 1234 in 2005 (up 12)\n20\n17 March\r\n2017-02-03 was a Friday", 2017, 2, 3},
        {"Ref 123\n4567 units, 12345678 sold\r\nBy Jane Doe\r\nMonday, July 4, 1776\r\n",
         1776, 7, 4},
        {"A long headline that runs well past eight bytes at a time, 9 March 2020", 2020, 3, 9},
        {"", 0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pg_day want =
            cases[i].y ? pg_day_from_ymd(cases[i].y, cases[i].m, cases[i].d) : PG_DAY_NONE;
        pg_day got = dateline(cases[i].text);
        if (got != want) {
            char a[11], b[11];
            pg_day_format(got, a);
            pg_day_format(want, b);
            fail_msg("dateline of \"%s\": got \"%s\", expected \"%s\"", cases[i].text, a, b);
        }
    }
}

static void test_dateline_max_bytes(void **state)
{
    (void) state;
    const char *text = "Putin and Trump meet in Helsinki\nBy Jane Doe\n16 July 2018\n";
    size_t at = strlen("Putin and Trump meet in Helsinki\nBy Jane Doe\n");
    pg_day want = pg_day_from_ymd(2018, 7, 16);
    assert_int_equal(pg_day_find_dateline(text, strlen(text), at + 12), want);
    /* the limit cuts the year: "16 July 201" is no date */
    assert_int_equal(pg_day_find_dateline(text, strlen(text), at + 11), PG_DAY_NONE);
    assert_int_equal(pg_day_find_dateline(text, strlen(text), at), PG_DAY_NONE);
    assert_int_equal(pg_day_find_dateline(text, strlen(text), 0), PG_DAY_NONE);
    /* len bounds the search as well */
    assert_int_equal(pg_day_find_dateline(text, at + 5, 4096), PG_DAY_NONE);
    assert_int_equal(pg_day_find_dateline(NULL, 0, 4096), PG_DAY_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_days),          cmocka_unit_test(test_invalid_days),
        cmocka_unit_test(test_round_trip_all_days), cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_parse_iso),           cmocka_unit_test(test_format),
        cmocka_unit_test(test_month_names),         cmocka_unit_test(test_weekday_names),
        cmocka_unit_test(test_dateline_forms),      cmocka_unit_test(test_dateline_max_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
