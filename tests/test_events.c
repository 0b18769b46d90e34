/*
 * The speaks-with event suite: fixtures/events/cases.tsv holds sentences
 * with the events a careful reader finds in them (pair, mode, status,
 * initiator, date). Each sentence is extracted as an article of its own,
 * dated by the case, with the built-in dictionary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_extract.h"

#define PG_CASES PG_SOURCE_DIR "/fixtures/events/cases.tsv"

static pg_dict *dict;

static int setup(void **state)
{
    (void)state;
    pg_error err;
    return pg_dict_new_builtin(&dict, &err) == PG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pg_dict_free(dict);
    return 0;
}

/* items joined by ';' into buf, or "-" for none */
static void pg_join(char items[][256], size_t n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && used < cap; i++) {
        int w = snprintf(buf + used, cap - used, "%s%s", i ? ";" : "", items[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    if (n == 0)
        snprintf(buf, cap, "-");
}

/* "a|b|mode|status|initiator|date" for each event of the record, sorted, ';'-joined. */
static void pg_events_string(const pg_doc *d, char *buf, size_t cap)
{
    char items[64][256];
    size_t n = 0;
    for (size_t i = 0; i < d->n_events && n < 64; i++) {
        const pg_event *e = &d->events[i];
        char date[11];
        pg_day_format(e->date, date);
        snprintf(items[n++], sizeof items[0], "%s|%s|%s|%s|%s|%s", d->actors[e->a].id,
                 d->actors[e->b].id, pg_mode_name(e->mode), pg_status_name(e->status),
                 e->initiator >= 0 ? d->actors[e->initiator].id : "-", date[0] ? date : "-");
    }
    qsort(items, n, sizeof items[0], (int (*)(const void *, const void *))strcmp);
    pg_join(items, n, buf, cap);
}

/* Sorts the ';'-separated items of an expectation in place. */
static void pg_normalise(char *s)
{
    char items[64][256];
    size_t n = 0;
    for (char *tok = strtok(s, ";"); tok && n < 64; tok = strtok(NULL, ";")) {
        while (*tok == ' ')
            tok++;
        snprintf(items[n++], sizeof items[0], "%s", tok);
    }
    qsort(items, n, sizeof items[0], (int (*)(const void *, const void *))strcmp);
    char out[4096];
    pg_join(items, n, out, sizeof out);
    strcpy(s, out);
}

static void test_event_suite(void **state)
{
    (void)state;
    FILE *f = fopen(PG_CASES, "r");
    assert_non_null(f);
    char line[8192];
    int lineno = 0, cases = 0, passed = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *date = strtok(line, "\t"), *sentence = strtok(NULL, "\t"),
             *expected = strtok(NULL, "\t");
        if (!date || !sentence || !expected) {
            fail_msg("cases.tsv:%d: expected three tab-separated columns", lineno);
        }
        pg_article a = {0};
        a.id = "case";
        a.text = sentence;
        a.len = strlen(sentence);
        a.date = pg_day_parse_iso(date, strlen(date));
        assert_true(a.date != PG_DAY_NONE);
        pg_doc *doc = NULL;
        pg_error err;
        assert_int_equal(pg_extract_article(dict, &a, NULL, &doc, &err), PG_OK);
        char got[4096], want[4096];
        pg_events_string(doc, got, sizeof got);
        snprintf(want, sizeof want, "%s", expected);
        pg_normalise(want);
        cases++;
        if (strcmp(got, want) == 0)
            passed++;
        else
            printf("cases.tsv:%d: %s\n    expected %s\n    found    %s\n", lineno, sentence, want,
                   got);
        pg_doc_free(doc);
    }
    fclose(f);
    printf("event suite: %d of %d cases pass\n", passed, cases);
    assert_true(cases >= 80);
    assert_int_equal(passed, cases);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_suite),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
