#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_article.h"

/*
 * JSON Lines records: flat records take a fast parser, anything else
 * jansson; both must give the same articles and warnings. Each line of
 * the file below says what it should give.
 */

#define MAX_SEEN 32

typedef struct seen {
    char *id[MAX_SEEN], *text[MAX_SEEN], *title[MAX_SEEN];
    size_t len[MAX_SEEN], repairs[MAX_SEEN];
    long line[MAX_SEEN];
    pg_day date[MAX_SEEN];
    size_t n;
    char *warn[MAX_SEEN];
    size_t n_warn;
} seen;

static int on_article(pg_article *a, void *user)
{
    seen *s = user;
    assert_true(s->n < MAX_SEEN);
    s->id[s->n] = strdup(a->id);
    s->text[s->n] = malloc(a->len + 1);
    memcpy(s->text[s->n], a->text, a->len + 1);
    s->title[s->n] = a->title ? strdup(a->title) : NULL;
    s->len[s->n] = a->len;
    s->repairs[s->n] = a->repairs;
    s->line[s->n] = a->line;
    s->date[s->n] = a->date;
    s->n++;
    pg_article_free(a);
    return 0;
}

static int on_warning(const pg_error *w, void *user)
{
    seen *s = user;
    assert_true(s->n_warn < MAX_SEEN);
    s->warn[s->n_warn++] = strdup(w->msg);
    return 0;
}

static void seen_free(seen *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->id[i]);
        free(s->text[i]);
        free(s->title[i]);
    }
    for (size_t i = 0; i < s->n_warn; i++)
        free(s->warn[i]);
}

static const char *const lines[] = {
    /* 1: a flat record with every escape, a surrogate pair and other value types */
    "{\"id\": \"b\", \"text\": \"q\\\"b\\\\s\\/\\b\\f\\n\\r\\tcaf\\u00e9 \\ud83d\\ude00\", "
    "\"date\": \"2017-01-28\", \"n\": 12, \"ok\": true, \"no\": false, \"u\": null}",
    /* 2, 3: whole-number ids */
    "{\"id\": 42, \"text\": \"x\"}",
    "{\"id\": -7, \"text\": \"x\"}",
    /* 4: a real number is no id: a warning, and the file and line instead */
    "{\"id\": 1.5, \"text\": \"x\"}",
    /* 5: \u0000 in the text is repaired like any NUL byte */
    "{\"text\": \"nul\\u0000byte\"}",
    /* 6: duplicate keys: jansson's error */
    "{\"id\": \"d\", \"id\": \"e\", \"text\": \"x\"}",
    /* 7: a bad escape */
    "{\"id\": \"f\", \"text\": \"bad \\x escape\"}",
    /* 8: spaces everywhere JSON allows them */
    "  {\"id\" : \"g\" , \"text\" : \"spaces\" , \"title\":\"T\"}  ",
    /* 9: something after the object */
    "{\"id\": \"h\", \"text\": \"x\"} trailing",
    /* 10: an empty id: the file and line */
    "{\"id\": \"\", \"text\": \"x\"}",
    /* 11: a lone surrogate */
    "{\"id\": \"i\", \"text\": \"lone \\ud800 surrogate\"}",
    /* 12: a title of the wrong type: ignored with a warning */
    "{\"id\": \"j\", \"title\": 5, \"text\": \"x\"}",
    /* 13: nested values go through jansson and still make an article */
    "{\"id\": \"k\", \"tags\": [1, {\"a\": \"b\"}], \"text\": \"a\\u0041\"}",
    /* 14: a whole number too big for jansson */
    "{\"id\": 123456789012345678901234, \"text\": \"x\"}",
    /* 15: text of the wrong type */
    "{\"id\": \"l\", \"text\": 5}",
    /* 16: an escaped key goes through jansson and is still the text */
    "{\"id\": \"m\", \"te\\u0078t\": \"escaped key\"}",
};

static void test_records(void **state)
{
    (void)state;
    char dir[] = "/tmp/polgraph-jsonl-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        fprintf(f, "%s\n", lines[i]);
    /* 17: raw invalid UTF-8 in a string: jansson's error */
    fprintf(f, "{\"id\": \"n\", \"text\": \"caf\xe9\"}\n");
    fclose(f);

    seen s;
    memset(&s, 0, sizeof s);
    pg_error err;
    const char *inputs[] = {path};
    assert_int_equal(pg_read_inputs(inputs, 1, on_article, on_warning, &s, &err), PG_OK);
    unlink(path);
    rmdir(dir);

    /* articles from lines 1 2 3 4 5 8 10 12 13 16 */
    assert_int_equal(s.n, 10);
    assert_string_equal(s.id[0], "b");
    assert_string_equal(s.text[0], "q\"b\\s/\b\f\n\r\tcaf\xC3\xA9 \xF0\x9F\x98\x80");
    assert_int_equal(s.len[0], strlen(s.text[0]));
    assert_int_equal(s.date[0], pg_day_parse_iso("2017-01-28", 10));
    assert_null(s.title[0]);
    assert_string_equal(s.id[1], "42");
    assert_string_equal(s.id[2], "-7");
    char want[512];
    snprintf(want, sizeof want, "%s:4", path);
    assert_string_equal(s.id[3], want);
    assert_int_equal(s.repairs[4], 1);
    assert_string_equal(s.text[4], "nul\xEF\xBF\xBD" "byte");
    assert_string_equal(s.id[5], "g");
    assert_string_equal(s.text[5], "spaces");
    assert_string_equal(s.title[5], "T");
    snprintf(want, sizeof want, "%s:10", path);
    assert_string_equal(s.id[6], want);
    assert_string_equal(s.id[7], "j");
    assert_null(s.title[7]);
    assert_string_equal(s.id[8], "k");
    assert_string_equal(s.text[8], "aA");
    assert_string_equal(s.id[9], "m");
    assert_string_equal(s.text[9], "escaped key");
    assert_int_equal(s.line[9], 16);

    /* warnings, in order, for lines 4 6 7 9 11 12 14 15 17 */
    static const long warned[] = {4, 6, 7, 9, 11, 12, 14, 15, 17};
    assert_int_equal(s.n_warn, sizeof warned / sizeof *warned);
    for (size_t i = 0; i < s.n_warn; i++) {
        snprintf(want, sizeof want, "%s:%ld:", path, warned[i]);
        if (strncmp(s.warn[i], want, strlen(want)) != 0)
            fail_msg("warning %zu: '%s' does not start with '%s'", i, s.warn[i], want);
    }
    assert_non_null(strstr(s.warn[0], "field 'id': expected a string"));
    assert_non_null(strstr(s.warn[1], "duplicate"));
    assert_non_null(strstr(s.warn[5], "field 'title': expected a string"));
    assert_non_null(strstr(s.warn[7], "field 'text': expected a string"));
    seen_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
