/* The actor dictionary: loading, schema errors, matching and dated roles. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_dict.h"
#include "pg_strmap.h"

static const char *const pg_test_dict =
    "{\"actors\": [\n"
    " {\"id\": \"angela-merkel\", \"name\": \"Angela Merkel\", \"kind\": \"person\",\n"
    "  \"country\": \"DEU\", \"aliases\": [\"Merkel\"],\n"
    "  \"roles\": [{\"title\": \"Chancellor of Germany\", \"from\": \"2005-11-22\",\n"
    "              \"to\": \"2021-12-08\", \"descriptions\": [\"German Chancellor\",\n"
    "              \"the German chancellor\", \"Chancellor Merkel\"]}]},\n"
    " {\"id\": \"olaf-scholz\", \"name\": \"Olaf Scholz\", \"kind\": \"person\",\n"
    "  \"country\": \"DEU\", \"aliases\": [\"Scholz\"],\n"
    "  \"roles\": [{\"title\": \"Chancellor of Germany\", \"from\": \"2021-12-08\",\n"
    "              \"to\": \"2025-05-06\", \"descriptions\": [\"German Chancellor\"]}]},\n"
    " {\"id\": \"united-states\", \"name\": \"United States\", \"kind\": \"country\",\n"
    "  \"country\": \"USA\", \"aliases\": [\"US\", \"U.S.\"]},\n"
    " {\"id\": \"us-president\", \"name\": \"Test President\", \"kind\": \"person\",\n"
    "  \"roles\": [{\"title\": \"P\", \"from\": \"2017-01-20\", \"to\": \"2021-01-20\",\n"
    "              \"descriptions\": [\"US President\"]}]},\n"
    " {\"id\": \"kremlin\", \"name\": \"Kremlin\", \"kind\": \"organization\"}\n"
    "]}\n";

static pg_dict *pg_load(void)
{
    pg_dict *d = NULL;
    pg_error err;
    assert_int_equal(pg_dict_new(&d, &err), PG_OK);
    assert_int_equal(pg_dict_load_json(d, pg_test_dict, strlen(pg_test_dict), "test.json", &err),
                     PG_OK);
    return d;
}

/* Writes the matches as "id[b,e) id[b,e)" into out. */
static void pg_format_matches(const pg_dict *d, const pg_matches *m, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < m->n; i++) {
        char item[128];
        const pg_actor *a = m->v[i].actor >= 0 ? pg_dict_actor(d, (size_t)m->v[i].actor) : NULL;
        snprintf(item, sizeof item, "%s%s[%zu,%zu)", i ? " " : "", a ? a->id : "?",
                 m->v[i].tok_begin, m->v[i].tok_end);
        strncat(out, item, cap - strlen(out) - 1);
    }
}

/*
 * Matches text dated 'date' into out (pg_format_matches), from every
 * token and from the tokens pg_dict_starts lists, which must agree.
 */
static void pg_match_text(const pg_dict *d, const char *text, const char *date, char *out,
                          size_t cap)
{
    pg_tokens toks = {0};
    pg_matches m = {0}, ms = {0};
    pg_error err;
    assert_int_equal(pg_tokenize(&toks, text, strlen(text), &err), PG_OK);
    pg_day day = date ? pg_day_parse_iso(date, strlen(date)) : PG_DAY_NONE;
    assert_int_equal(pg_dict_match(d, text, &toks, 0, toks.n, day, &m, &err), PG_OK);
    pg_format_matches(d, &m, out, cap);
    uint32_t *starts = malloc((toks.n + 1) * sizeof *starts);
    size_t n_starts;
    assert_non_null(starts);
    assert_int_equal(pg_dict_starts(d, text, &toks, starts, &n_starts, &err), PG_OK);
    assert_int_equal(
        pg_dict_match_starts(d, text, &toks, 0, toks.n, starts, n_starts, day, &ms, &err), PG_OK);
    char *again = malloc(cap);
    assert_non_null(again);
    pg_format_matches(d, &ms, again, cap);
    assert_string_equal(again, out);
    free(again);
    free(starts);
    pg_matches_release(&ms);
    pg_matches_release(&m);
    pg_tokens_release(&toks);
}

static void test_load(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    assert_int_equal(pg_dict_size(d), 5);
    long i = pg_dict_find(d, "angela-merkel");
    assert_true(i >= 0);
    const pg_actor *a = pg_dict_actor(d, (size_t)i);
    assert_string_equal(a->name, "Angela Merkel");
    assert_string_equal(a->country, "DEU");
    assert_int_equal(a->n_roles, 1);
    assert_int_equal(a->roles[0].from, pg_day_from_ymd(2005, 11, 22));
    assert_int_equal(a->roles[0].n_descriptions, 3);
    assert_int_equal(pg_dict_find(d, "nobody"), -1);
    pg_dict_free(d);
}

static void test_roles_by_date(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    char out[512];
    pg_match_text(d, "The German chancellor spoke.", "2017-05-01", out, sizeof out);
    assert_string_equal(out, "angela-merkel[1,3)");
    pg_match_text(d, "The German chancellor spoke.", "2023-05-01", out, sizeof out);
    assert_string_equal(out, "olaf-scholz[1,3)");
    /* at the hand-over the new holder has the role */
    pg_match_text(d, "The German Chancellor spoke.", "2021-12-08", out, sizeof out);
    assert_string_equal(out, "olaf-scholz[1,3)");
    /* after both: nobody, reported as unresolved */
    pg_match_text(d, "The German Chancellor spoke.", "2026-01-01", out, sizeof out);
    assert_string_equal(out, "?[1,3)");
    /* without a date, only a description one actor ever held resolves */
    pg_match_text(d, "German Chancellor", NULL, out, sizeof out);
    assert_string_equal(out, "?[0,2)");
    pg_match_text(d, "Chancellor Merkel", NULL, out, sizeof out);
    assert_string_equal(out, "angela-merkel[0,2)");
    pg_dict_free(d);
}

static void test_longest_and_case(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    char out[512];
    /* the full name wins over the alias inside it */
    pg_match_text(d, "Angela Merkel met Scholz.", NULL, out, sizeof out);
    assert_string_equal(out, "angela-merkel[0,2) olaf-scholz[3,4)");
    /* a possessive still names the actor */
    pg_match_text(d, "Merkel's spokesman", NULL, out, sizeof out);
    assert_string_equal(out, "angela-merkel[0,1)");
    /* "us" is a pronoun, "US" the country */
    pg_match_text(d, "He told us the US would act.", NULL, out, sizeof out);
    assert_string_equal(out, "united-states[4,5)");
    pg_match_text(d, "the U.S. and the Kremlin", NULL, out, sizeof out);
    assert_string_equal(out, "united-states[1,2) kremlin[4,5)");
    /* "US President" on a date: the role, not the country */
    pg_match_text(d, "US President spoke", "2018-01-01", out, sizeof out);
    assert_string_equal(out, "us-president[0,2)");
    /* lower-case names are not names */
    pg_match_text(d, "merkel", NULL, out, sizeof out);
    assert_string_equal(out, "");
    pg_dict_free(d);
}

/* Which tokens may begin a phrase: case rules out "us" and "kremlin", not "german". */
static void test_starts(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    const char *text = "he told us that the US and the german Chancellor met at the kremlin, "
                       "in the Kremlin.";
    pg_tokens toks = {0};
    pg_error err;
    assert_int_equal(pg_tokenize(&toks, text, strlen(text), &err), PG_OK);
    uint32_t starts[64];
    size_t n;
    assert_true(toks.n <= 64);
    assert_int_equal(pg_dict_starts(d, text, &toks, starts, &n, &err), PG_OK);
    /* the listed words, after the words that must be listed */
    char listed[256] = "";
    for (size_t i = 0; i < n; i++) {
        const pg_token *t = &toks.v[starts[i]];
        assert_true(i == 0 || starts[i] > starts[i - 1]);
        snprintf(listed + strlen(listed), sizeof listed - strlen(listed), "%s%.*s", i ? " " : "",
                 (int)(t->end - t->start), text + t->start);
    }
    const char *must[] = {"US", "german", "Chancellor", "Kremlin"};
    for (size_t k = 0; k < sizeof must / sizeof *must; k++)
        assert_non_null(strstr(listed, must[k]));
    /* "us" and "kremlin" begin phrases only when capitalised */
    for (size_t i = 0; i < n; i++) {
        const pg_token *t = &toks.v[starts[i]];
        assert_false(t->end - t->start == 2 && memcmp(text + t->start, "us", 2) == 0);
        assert_false(t->end - t->start == 7 && memcmp(text + t->start, "kremlin", 7) == 0);
    }
    /* from the list, in a range that begins inside the text, as from every token */
    pg_matches m = {0}, all = {0};
    size_t from = 7; /* "the" before "german": phrases are kept without it */
    pg_day day = pg_day_from_ymd(2019, 1, 1);
    assert_int_equal(pg_dict_match_starts(d, text, &toks, from, toks.n, starts, n, day, &m, &err),
                     PG_OK);
    assert_int_equal(pg_dict_match(d, text, &toks, from, toks.n, day, &all, &err), PG_OK);
    char out[256], expected[256];
    pg_format_matches(d, &m, out, sizeof out);
    pg_format_matches(d, &all, expected, sizeof expected);
    assert_string_equal(out, "angela-merkel[8,10) kremlin[17,18)");
    assert_string_equal(out, expected);
    pg_matches_release(&all);
    pg_matches_release(&m);
    pg_tokens_release(&toks);
    pg_dict_free(d);
}

static void test_lookup_word(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    long m = pg_dict_find(d, "angela-merkel");
    assert_int_equal(pg_dict_lookup_word(d, "Merkel", 6, PG_TOK_UPPER | PG_TOK_WORD, PG_DAY_NONE),
                     m);
    assert_int_equal(pg_dict_lookup_word(d, "merkel", 6, PG_TOK_WORD, PG_DAY_NONE), -1);
    assert_int_equal(pg_dict_lookup_word(d, "Nobody", 6, PG_TOK_UPPER, PG_DAY_NONE), -1);
    pg_dict_free(d);
}

static void test_replace_by_id(void **state)
{
    (void)state;
    pg_dict *d = pg_load();
    const char *more = "{\"actors\": [{\"id\": \"kremlin\", \"name\": \"The Kremlin\","
                       " \"kind\": \"organization\", \"aliases\": [\"Moscow\"]}]}";
    pg_error err;
    assert_int_equal(pg_dict_load_json(d, more, strlen(more), "more.json", &err), PG_OK);
    assert_int_equal(pg_dict_size(d), 5);
    char out[256];
    pg_match_text(d, "Moscow said", NULL, out, sizeof out);
    assert_string_equal(out, "kremlin[0,1)");
    pg_dict_free(d);
}

/* Each bad dictionary gives PG_EINPUT and a message naming the place. */
static void pg_expect_error(const char *json, const char *needle)
{
    pg_dict *d = NULL;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_dict_new(&d, &err), PG_OK);
    int rc = pg_dict_load_json(d, json, strlen(json), "bad.json", &err);
    if (rc != PG_EINPUT || !strstr(err.msg, needle))
        fail_msg("for %s: rc %d, message '%s', expected '%s'", json, rc, err.msg, needle);
    pg_dict_free(d);
}

static void test_schema_errors(void **state)
{
    (void)state;
    pg_expect_error("{\"actors\": [", "bad.json:1:");
    pg_expect_error("[]", "bad.json:1: expected an object");
    pg_expect_error("{\"actors\": [{\"name\": \"X\"}]}", "actors[0].id: missing");
    pg_expect_error("{\"actors\": [{\"id\": \"x\"}]}", "actors[0].name: missing");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"cat\"}]}",
                    "actors[0].kind");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"aliases\": [1]}]}",
                    "actors[0].aliases[0]");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"country\": \"DE\"}]}",
                    "actors[0].country");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\","
                    " \"from\": \"2020-13-01\"}]}]}",
                    "actors[0].roles[0].from");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\","
                    " \"from\": \"2020-01-01\", \"to\": \"2019-01-01\"}]}]}",
                    "ends before it starts");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"X\"},\n{\"id\": \"x\", \"name\": \"Y\"}]}",
                    "duplicate id");
    pg_expect_error("{\"actors\": [], \"actors\": []}", "duplicate");
    /* the line of the actor is named */
    pg_expect_error("{\"actors\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\", \"name\": 7}]}",
                    "bad.json:3: actors[1].name");
}

/*
 * The whole message, for a dictionary in the fast reader's subset and for
 * the same with a real number in an unknown field, which jansson reads.
 */
static void pg_expect_message(const char *json, const char *message)
{
    char slow[512];
    assert_true(strncmp(json, "{\"actors\": ", 11) == 0);
    snprintf(slow, sizeof slow, "{\"real\": 1.5, %s", json + 1);
    const char *const texts[] = {json, slow};
    for (size_t i = 0; i < 2; i++) {
        pg_dict *d = NULL;
        pg_error err;
        pg_error_clear(&err);
        assert_int_equal(pg_dict_new(&d, &err), PG_OK);
        int rc = pg_dict_load_json(d, texts[i], strlen(texts[i]), "bad.json", &err);
        if (rc != PG_EINPUT || strcmp(err.msg, message) != 0)
            fail_msg("for %s: rc %d, message '%s', expected '%s'", texts[i], rc, err.msg, message);
        pg_dict_free(d);
    }
}

static void test_schema_messages(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"{\"actors\": {}}", "bad.json:1: expected an object with an array \"actors\""},
        {"{\"actors\": [{\"name\": \"X\"}]}",
         "bad.json: actors[0].id: missing (expected a non-empty string)"},
        {"{\"actors\": [{\"id\": \"x\"}]}",
         "bad.json:1: actors[0].name: missing (expected a non-empty string)"},
        {"{\"actors\": [{\"id\": \"\", \"name\": \"X\"}]}",
         "bad.json: actors[0].id: expected a non-empty string"},
        {"{\"actors\": [{\"id\": 5, \"name\": \"X\"}]}",
         "bad.json: actors[0].id: expected a non-empty string"},
        {"{\"actors\": [7]}", "bad.json: actors[0].: expected an object"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": \"cat\"}]}",
         "bad.json:1: actors[0].kind: expected \"person\", \"organization\" or \"country\""},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"kind\": 3}]}",
         "bad.json:1: actors[0].kind: expected a non-empty string"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"country\": 276}]}",
         "bad.json:1: actors[0].country: expected an ISO 3166 alpha-3 code"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"aliases\": \"X\"}]}",
         "bad.json:1: actors[0].aliases: expected an array of strings"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"aliases\": [\"A\", \"\"]}]}",
         "bad.json:1: actors[0].aliases[1]: expected a non-empty string"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": {}}]}",
         "bad.json:1: actors[0].roles: expected an array"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\"}, 3]}]}",
         "bad.json:1: actors[0].roles[1]: expected an object"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"\"}]}]}",
         "bad.json:1: actors[0].roles[0].title: expected a non-empty string"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\","
         " \"to\": 2020}]}]}",
         "bad.json:1: actors[0].roles[0].to: expected a date YYYY-MM-DD or null"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\","
         " \"from\": \"2020-01-01\", \"to\": \"2019-01-01\"}]}]}",
         "bad.json:1: actors[0].roles[0].to: ends before it starts"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\","
         " \"descriptions\": \"D\"}]}]}",
         "bad.json:1: actors[0].roles[0].descriptions: expected an array of strings"},
        {"{\"actors\": [{\"id\": \"x\", \"name\": \"X\", \"roles\": [{\"title\": \"T\"},"
         " {\"title\": \"U\", \"descriptions\": [\"D\", null]}]}]}",
         "bad.json:1: actors[0].roles[1].descriptions[1]: expected a non-empty string"},
        {"{\"actors\": [\n{\"id\": \"a\", \"name\": \"A\"},\n{\"id\": \"b\", \"name\": 7}]}",
         "bad.json:3: actors[1].name: expected a non-empty string"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        pg_expect_message(cases[i][0], cases[i][1]);
    /* jansson's own messages, whichever reader gave up */
    pg_expect_error("{\"actors\": [", "bad.json:1:12: ']' expected near end of file");
    pg_expect_error("{\"actors\": [], \"actors\": []}",
                    "bad.json:1:23: duplicate object key near '\"actors\"'");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"\\u0000\"}]}",
                    "bad.json:1:40: \\u0000 is not allowed without JSON_ALLOW_NUL near");
    pg_expect_error("{\"actors\": [{\"id\": \"x\", \"name\": \"\xff\"}]}",
                    "bad.json:1:33: unable to decode byte 0xff near '\"'");
}

/* What only jansson reads (reals, deep nesting, big objects) loads as the rest does. */
static void test_load_any_json(void **state)
{
    (void)state;
    static const char *const extras[] = {
        "", "\"score\": 0.75, ", "\"big\": 1234567890123456789, ", "\"e\": [1e3, -0.0], ",
        "\"deep\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
        "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], ",
        "\"wide\": {\"a0\":0,\"a1\":1,\"a2\":2,\"a3\":3,\"a4\":4,\"a5\":5,\"a6\":6,"
        "\"a7\":7,\"a8\":8,\"a9\":9,\"b0\":0,\"b1\":1,\"b2\":2,\"b3\":3,"
        "\"b4\":4,\"b5\":5,\"b6\":6,\"b7\":7,\"b8\":8,\"b9\":9,\"c0\":0,"
        "\"c1\":1,\"c2\":2,\"c3\":3,\"c4\":4,\"c5\":5,\"c6\":6,\"c7\":7,"
        "\"c8\":8,\"c9\":9,\"d0\":0,\"d1\":1,\"d2\":2,\"d3\":3,\"d4\":4,"
        "\"d5\":5,\"d6\":6,\"d7\":7,\"d8\":8,\"d9\":9,\"e0\":0,\"e1\":1,"
        "\"e2\":2,\"e3\":3,\"e4\":4,\"e5\":5,\"e6\":6,\"e7\":7,\"e8\":8,"
        "\"e9\":9,\"f0\":0,\"f1\":1,\"f2\":2,\"f3\":3,\"f4\":4,\"f5\":5,"
        "\"f6\":6,\"f7\":7,\"f8\":8,\"f9\":9,\"g0\":0,\"g1\":1,\"g2\":2,"
        "\"g3\":3,\"g4\":4,\"g5\":5,\"g6\":6,\"g7\":7,\"g8\":8}, ",
    };
    for (size_t i = 0; i < sizeof extras / sizeof *extras; i++) {
        char json[2048];
        snprintf(json, sizeof json,
                 "{\"actors\": [{%s\"id\": \"jos\\u00e9\", \"name\": \"Jos\\u00e9 \\\"Pepe\\\"\","
                 " \"kind\": \"person\", \"country\": \"ESP\", \"aliases\": [\"Pepe\", \"J\\/P\"],"
                 " \"roles\": [{\"title\": \"Mayor\", \"from\": \"2001-02-03\", \"to\": null,"
                 " \"descriptions\": [\"the mayor\"]}]}]}",
                 extras[i]);
        pg_dict *d = NULL;
        pg_error err;
        assert_int_equal(pg_dict_new(&d, &err), PG_OK);
        if (pg_dict_load_json(d, json, strlen(json), "any.json", &err) != PG_OK)
            fail_msg("%s: %s", json, err.msg);
        assert_int_equal(pg_dict_size(d), 1);
        const pg_actor *a = pg_dict_actor(d, 0);
        assert_string_equal(a->id, "jos\xc3\xa9");
        assert_string_equal(a->name, "Jos\xc3\xa9 \"Pepe\"");
        assert_int_equal(a->kind, PG_KIND_PERSON);
        assert_string_equal(a->country, "ESP");
        assert_int_equal(a->n_aliases, 2);
        assert_string_equal(a->aliases[1], "J/P");
        assert_int_equal(a->n_roles, 1);
        assert_string_equal(a->roles[0].title, "Mayor");
        assert_int_equal(a->roles[0].from, pg_day_from_ymd(2001, 2, 3));
        assert_int_equal(a->roles[0].to, PG_DAY_NONE);
        assert_int_equal(a->roles[0].n_descriptions, 1);
        assert_string_equal(a->roles[0].descriptions[0], "the mayor");
        pg_dict_free(d);
    }
}

static void test_load_file_errors(void **state)
{
    (void)state;
    pg_dict *d = NULL;
    pg_error err;
    assert_int_equal(pg_dict_new(&d, &err), PG_OK);
    assert_int_equal(pg_dict_load_file(d, "/nonexistent/actors.json", &err), PG_EIO);
    assert_non_null(strstr(err.msg, "/nonexistent/actors.json: cannot open"));
    /* an endless device is refused at its first NUL byte, not read forever */
    assert_int_equal(pg_dict_load_file(d, "/dev/zero", &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "/dev/zero: byte 0: a NUL byte"));
    assert_int_equal(pg_dict_size(d), 0);
    pg_dict_free(d);
}

static void test_builtin(void **state)
{
    (void)state;
    pg_dict *d = NULL;
    pg_error err;
    assert_int_equal(pg_dict_new_builtin(&d, &err), PG_OK);
    assert_int_equal(pg_dict_prepare(d, &err), PG_OK);
    /* G7 and G20 leaders of 2016-2026 are there, with dated roles */
    static const char *const ids[] = {"angela-merkel", "olaf-scholz", "donald-trump",
                                      "joe-biden", "vladimir-putin", "xi-jinping",
                                      "emmanuel-macron", "narendra-modi", "kremlin"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
        if (pg_dict_find(d, ids[i]) < 0)
            fail_msg("built-in dictionary lacks %s", ids[i]);
    char out[256];
    pg_match_text(d, "The German chancellor", "2017-01-28", out, sizeof out);
    assert_string_equal(out, "angela-merkel[1,3)");
    pg_match_text(d, "The German chancellor", "2023-01-28", out, sizeof out);
    assert_string_equal(out, "olaf-scholz[1,3)");
    pg_dict_free(d);
}

static void test_strmap(void **state)
{
    (void)state;
    pg_strmap m = {0};
    char key[32];
    for (long i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%ld", i);
        assert_int_equal(pg_strmap_put(&m, key, strlen(key), i), 0);
    }
    assert_int_equal(m.n, 5000);
    for (long i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%ld", i);
        assert_int_equal(pg_strmap_get(&m, key, strlen(key)), i);
    }
    assert_int_equal(pg_strmap_get(&m, "k5000", 5), -1);
    assert_int_equal(pg_strmap_put(&m, "k1", 2, 77), 0);
    assert_int_equal(pg_strmap_get(&m, "k1", 2), 77);
    assert_int_equal(m.n, 5000);
    pg_strmap_release(&m);
    pg_strmap_release(NULL);
}

static void test_strmap_clear(void **state)
{
    (void)state;
    pg_strmap m = {0};
    static char key[20001];
    /* a few keys, many, one outsized, then a few again: each time the map starts empty */
    const long sizes[] = {3, 40, 3000, 1, 5};
    for (size_t round = 0; round < sizeof sizes / sizeof *sizes; round++) {
        for (long i = 0; i < sizes[round]; i++) {
            int len = snprintf(key, sizeof key, "r%zu-%ld", round, i);
            if (round == 3)
                len = (int)sizeof key - 1; /* a key bigger than the biggest block of keys */
            memset(key + strlen(key), 'x', (size_t)len - strlen(key));
            key[len] = '\0';
            assert_int_equal(pg_strmap_put(&m, key, (size_t)len, i), 0);
        }
        assert_int_equal(m.n, sizes[round]);
        for (long i = 0; i < sizes[round]; i++) {
            int len = snprintf(key, sizeof key, "r%zu-%ld", round, i);
            if (round == 3)
                len = (int)sizeof key - 1;
            memset(key + strlen(key), 'x', (size_t)len - strlen(key));
            key[len] = '\0';
            assert_int_equal(pg_strmap_get(&m, key, (size_t)len), i);
        }
        /* what the round before put is gone */
        if (round > 0) {
            snprintf(key, sizeof key, "r%zu-0", round - 1);
            assert_int_equal(pg_strmap_get(&m, key, strlen(key)), -1);
        }
        pg_strmap_clear(&m);
        assert_int_equal(m.n, 0);
        assert_true(m.cap <= 64); /* a big array is not kept */
        assert_int_equal(pg_strmap_get(&m, "r0-0", 4), -1);
    }
    pg_strmap_release(&m);
    pg_strmap_clear(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load),           cmocka_unit_test(test_roles_by_date),
        cmocka_unit_test(test_longest_and_case), cmocka_unit_test(test_starts),
        cmocka_unit_test(test_lookup_word),
        cmocka_unit_test(test_replace_by_id),  cmocka_unit_test(test_schema_errors),
        cmocka_unit_test(test_load_file_errors), cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_strmap),          cmocka_unit_test(test_strmap_clear),
        cmocka_unit_test(test_schema_messages), cmocka_unit_test(test_load_any_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
