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
    ("{\"id\": \"b\", \"text\": \"q\\\"b\\\\s\\/\\b\\f\\n\\r\\tcaf\\u00e9 \\ud83d\\ude00\", "
     "\"date\": \"2017-01-28\", \"n\": 12, \"ok\": true, \"no\": false, \"u\": null}"),
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

/* A new folder from the mkdtemp template dir, and in it path (cap bytes), open to write. */
static FILE *create_temp(char *dir, char *path, size_t cap, const char *name)
{
    assert_non_null(mkdtemp(dir));
    snprintf(path, cap, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    return f;
}

static void test_records(void **state)
{
    (void)state;
    char dir[] = "/tmp/polgraph-jsonl-XXXXXX", path[64];
    FILE *f = create_temp(dir, path, sizeof path, "a.jsonl");
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

/*
 * Every byte that ends a run of plain bytes, at every place in the
 * 16-byte blocks the fast parser reads, and strings of every length up to
 * past two blocks, ending the record, followed by more than a block, or
 * cut short by the end of the line. Each string is read twice: as a flat
 * record (the fast parser) and with a nested value after it (jansson);
 * both must give the expected text, or the same warning.
 */
typedef struct piece {
    const char *raw;     /* as it is in the record */
    const char *decoded; /* the article's text, or NULL for a warning */
    size_t repairs;
} piece;

static const piece pieces[] = {
    {"", "", 0},
    {"\\\"", "\"", 0},
    {"\\\\", "\\", 0},
    {"\\n", "\n", 0},
    {"\\/", "/", 0},
    {"\\u00e9", "\xC3\xA9", 0},
    {"\\u20AC", "\xE2\x82\xAC", 0},
    {"\\ud83d\\ude00", "\xF0\x9F\x98\x80", 0},
    {"\\u0000", "\xEF\xBF\xBD", 1},
    {"\xC3\xA9", "\xC3\xA9", 0},
    {"\xE2\x82\xAC", "\xE2\x82\xAC", 0},
    {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
    {"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 0},
    {"\x7F", "\x7F", 0},
    {"\xE9", NULL, 0},             /* Latin-1 */
    {"\xED\xA0\x80", NULL, 0},     /* a surrogate */
    {"\xF0\x9F\x98", NULL, 0},     /* cut short */
    {"\xE0\x80\xAF", NULL, 0},     /* overlong */
    {"\xF4\x90\x80\x80", NULL, 0}, /* above U+10FFFF */
    {"\x01", NULL, 0},
    {"\x1F", NULL, 0},
    {"\t", NULL, 0},
    {"\"", NULL, 0},
    {"\\x", NULL, 0},
    {"\\ud800", NULL, 0},
};

#define MAX_PLAIN 17
#define N_LAYOUTS 3
#define N_CASES (sizeof pieces / sizeof *pieces * (MAX_PLAIN + 1) * (MAX_PLAIN + 1) * N_LAYOUTS)

/* What each line gave: its article's text or its warning without the file and line. */
typedef struct outcome {
    char *text[2 * N_CASES + 1], *warn[2 * N_CASES + 1];
    size_t len[2 * N_CASES + 1], repairs[2 * N_CASES + 1];
} outcome;

static int on_article_at(pg_article *a, void *user)
{
    outcome *o = user;
    assert_true(a->line > 0 && (size_t)a->line <= 2 * N_CASES);
    assert_null(o->text[a->line]);
    o->text[a->line] = malloc(a->len + 1);
    memcpy(o->text[a->line], a->text, a->len + 1);
    o->len[a->line] = a->len;
    o->repairs[a->line] = a->repairs;
    pg_article_free(a);
    return 0;
}

static int on_warning_at(const pg_error *w, void *user)
{
    outcome *o = user;
    /* "<file>:<line>:...": the file name holds no ':' */
    const char *p = strchr(w->msg, ':');
    assert_non_null(p);
    char *end;
    long line = strtol(p + 1, &end, 10);
    assert_true(line > 0 && (size_t)line <= 2 * N_CASES && *end == ':');
    assert_null(o->warn[line]);
    o->warn[line] = strdup(end + 1);
    return 0;
}

static const char plain[] = "abcdefghijklmnopqrstuvwxyz";

/*
 * The string ends the record, is followed by more than a block, or is cut
 * short by the end of the line; the second form has a nested value after
 * it, so that jansson reads the record.
 */
static const char *const fast_tail[N_LAYOUTS] = {
    "\"}", "\", \"title\": \"twenty bytes of title\"}", ""};
static const char *const slow_tail[N_LAYOUTS] = {
    "\", \"z\": [0]}", "\", \"title\": \"twenty bytes of title\", \"z\": [0]}", ""};

static void test_string_blocks(void **state)
{
    (void)state;
    char dir[] = "/tmp/polgraph-jsonl-XXXXXX", path[64];
    FILE *f = create_temp(dir, path, sizeof path, "b.jsonl");
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++)
        for (int a = 0; a <= MAX_PLAIN; a++)
            for (int b = 0; b <= MAX_PLAIN; b++)
                for (int t = 0; t < N_LAYOUTS; t++) {
                    fprintf(f, "{\"text\": \"%.*s%s%.*s%s\n", a, plain, pieces[k].raw, b, plain,
                            fast_tail[t]);
                    fprintf(f, "{\"text\": \"%.*s%s%.*s%s\n", a, plain, pieces[k].raw, b, plain,
                            slow_tail[t]);
                }
    fclose(f);

    outcome *o = calloc(1, sizeof *o);
    assert_non_null(o);
    pg_error err;
    const char *inputs[] = {path};
    assert_int_equal(pg_read_inputs(inputs, 1, on_article_at, on_warning_at, o, &err), PG_OK);
    unlink(path);
    rmdir(dir);

    size_t line = 1;
    for (size_t k = 0; k < sizeof pieces / sizeof *pieces; k++)
        for (int a = 0; a <= MAX_PLAIN; a++)
            for (int b = 0; b <= MAX_PLAIN; b++)
                for (int t = 0; t < N_LAYOUTS; t++, line += 2) {
                    int warned = !pieces[k].decoded || t == 2;
                    char want[64];
                    snprintf(want, sizeof want, "%.*s%s%.*s", a, plain,
                             pieces[k].decoded ? pieces[k].decoded : "", b, plain);
                    for (size_t j = line; j < line + 2; j++) {
                        if (warned) {
                            if (!o->warn[j] || o->text[j])
                                fail_msg("line %zu: piece %zu at %d: no warning", j, k, a);
                            continue;
                        }
                        if (!o->text[j] || o->warn[j])
                            fail_msg("line %zu: piece %zu at %d: no article (%s)", j, k, a,
                                     o->warn[j] ? o->warn[j] : "");
                        assert_int_equal(o->len[j], strlen(want));
                        assert_memory_equal(o->text[j], want, strlen(want) + 1);
                        assert_int_equal(o->repairs[j], pieces[k].repairs);
                    }
                    /* the same error at the same column, unless it is after the string */
                    if (warned && strcmp(pieces[k].raw, "\"") != 0 &&
                        strcmp(o->warn[line], o->warn[line + 1]) != 0)
                        fail_msg("line %zu: '%s' but jansson says '%s'", line, o->warn[line],
                                 o->warn[line + 1]);
                }
    for (size_t j = 0; j <= 2 * N_CASES; j++) {
        free(o->text[j]);
        free(o->warn[j]);
    }
    free(o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_string_blocks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
