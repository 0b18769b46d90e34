/* Read-only JSON documents: the subset parser, its fall-back cases, and jansson as reference. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pg_jread.h"

/* ------------------------------------------------------------------ */
/* Helpers */

/* Does the node hold what jansson's tree holds, members in the same order? */
static int same_tree(const pg_jnode *n, json_t *j)
{
    if (!n)
        return 0;
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        if (pg_jnode_type(n) != PG_JOBJECT || pg_jnode_size(n) != json_object_size(j))
            return 0;
        size_t i = 0;
        const char *key;
        json_t *value;
        json_object_foreach(j, key, value)
        {
            size_t len;
            const char *k = pg_jnode_string(pg_jnode_key_at(n, i), &len);
            if (!k || len != strlen(key) || memcmp(k, key, len) != 0 ||
                !same_tree(pg_jnode_value_at(n, i), value) ||
                pg_jnode_get(n, key) != pg_jnode_value_at(n, i))
                return 0;
            i++;
        }
        return 1;
    }
    case JSON_ARRAY:
        if (pg_jnode_type(n) != PG_JARRAY || pg_jnode_size(n) != json_array_size(j))
            return 0;
        for (size_t i = 0; i < json_array_size(j); i++)
            if (!same_tree(pg_jnode_at(n, i), json_array_get(j, i)))
                return 0;
        return 1;
    case JSON_STRING: {
        size_t len;
        const char *s = pg_jnode_string(n, &len);
        return s && len == json_string_length(j) && memcmp(s, json_string_value(j), len) == 0 &&
               s[len] == '\0';
    }
    case JSON_INTEGER:
        return pg_jnode_type(n) == PG_JINTEGER && pg_jnode_integer(n) == json_integer_value(j);
    case JSON_REAL:
        return pg_jnode_type(n) == PG_JREAL && pg_jnode_real(n) == json_real_value(j);
    case JSON_TRUE:
        return pg_jnode_type(n) == PG_JBOOL && pg_jnode_bool(n);
    case JSON_FALSE:
        return pg_jnode_type(n) == PG_JBOOL && !pg_jnode_bool(n);
    case JSON_NULL:
        return pg_jnode_type(n) == PG_JNULL;
    }
    return 0;
}

/*
 * The rule for any text: the subset parser either says "not handled" or
 * gives jansson's tree; pg_jdoc_load gives jansson's tree or its error.
 * Returns the parser's code.
 */
static int check_text(const char *json, size_t len)
{
    pg_jdoc *doc = NULL, *loaded = NULL;
    pg_error err;
    pg_error_clear(&err);
    json_error_t jerr;
    json_t *ref = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    int rc = pg_jdoc_parse(&doc, json, len, &err);
    if (rc == PG_OK) {
        if (!ref || !same_tree(pg_jdoc_root(doc), ref))
            fail_msg("the parser and jansson differ on '%.*s'", (int)len, json);
    } else {
        assert_int_equal(rc, PG_JDOC_UNHANDLED);
        assert_null(doc);
    }
    int lrc = pg_jdoc_load(&loaded, json, len, "t.json", &err);
    if (ref) {
        assert_int_equal(lrc, PG_OK);
        if (!same_tree(pg_jdoc_root(loaded), ref))
            fail_msg("pg_jdoc_load and jansson differ on '%.*s'", (int)len, json);
    } else {
        char want[1024];
        snprintf(want, sizeof want, "t.json:%d:%d: %s", jerr.line, jerr.column, jerr.text);
        assert_int_equal(lrc, PG_EINPUT);
        assert_null(loaded);
        assert_string_equal(err.msg, want);
    }
    json_decref(ref);
    pg_jdoc_free(doc);
    pg_jdoc_free(loaded);
    return rc;
}

static int check(const char *json)
{
    return check_text(json, strlen(json));
}

static pg_jdoc *parse_ok(const char *json)
{
    pg_jdoc *doc = NULL;
    pg_error err;
    assert_int_equal(check(json), PG_OK);
    assert_int_equal(pg_jdoc_parse(&doc, json, strlen(json), &err), PG_OK);
    return doc;
}

static void expect_unhandled(const char *json)
{
    if (check(json) != PG_JDOC_UNHANDLED)
        fail_msg("'%s' was parsed, it should be left to jansson", json);
}

/* A text of n arrays in each other, or NULL. */
static char *nested(size_t n)
{
    char *s = malloc(2 * n + 1);
    assert_non_null(s);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = '\0';
    return s;
}

/* An object of n members "k0": 0, ... */
static char *members(size_t n)
{
    char *s = malloc(16 * n + 3);
    assert_non_null(s);
    size_t o = 0;
    s[o++] = '{';
    for (size_t i = 0; i < n; i++)
        o += (size_t)sprintf(s + o, "%s\"k%zu\": %zu", i ? ", " : "", i, i);
    s[o++] = '}';
    s[o] = '\0';
    return s;
}

/* ------------------------------------------------------------------ */
/* Values */

static void test_types(void **state)
{
    (void)state;
    pg_jdoc *doc = parse_ok("{\"n\": null, \"t\": true, \"f\": false, \"i\": -42, \"z\": 0,"
                            " \"s\": \"text\", \"e\": \"\", \"a\": [1, \"two\", [3]],"
                            " \"o\": {\"k\": \"v\"}}");
    const pg_jnode *root = pg_jdoc_root(doc);
    assert_int_equal(pg_jnode_type(root), PG_JOBJECT);
    assert_int_equal(pg_jnode_size(root), 9);
    assert_true(pg_jnode_is(pg_jnode_get(root, "n"), PG_JNULL));
    assert_true(pg_jnode_bool(pg_jnode_get(root, "t")));
    assert_true(pg_jnode_is(pg_jnode_get(root, "f"), PG_JBOOL));
    assert_false(pg_jnode_bool(pg_jnode_get(root, "f")));
    assert_int_equal(pg_jnode_integer(pg_jnode_get(root, "i")), -42);
    assert_true(pg_jnode_is(pg_jnode_get(root, "z"), PG_JINTEGER));
    size_t len;
    assert_string_equal(pg_jnode_string(pg_jnode_get(root, "s"), &len), "text");
    assert_int_equal(len, 4);
    assert_string_equal(pg_jnode_string(pg_jnode_get(root, "e"), &len), "");
    assert_int_equal(len, 0);
    const pg_jnode *a = pg_jnode_get(root, "a");
    assert_int_equal(pg_jnode_size(a), 3);
    assert_int_equal(pg_jnode_integer(pg_jnode_at(a, 0)), 1);
    assert_string_equal(pg_jnode_string(pg_jnode_at(a, 1), NULL), "two");
    assert_int_equal(pg_jnode_integer(pg_jnode_at(pg_jnode_at(a, 2), 0)), 3);
    assert_null(pg_jnode_at(a, 3));
    const pg_jnode *o = pg_jnode_get(root, "o");
    assert_string_equal(pg_jnode_string(pg_jnode_key_at(o, 0), NULL), "k");
    assert_string_equal(pg_jnode_string(pg_jnode_value_at(o, 0), NULL), "v");
    assert_null(pg_jnode_key_at(o, 1));
    assert_null(pg_jnode_value_at(o, 1));
    /* what is missing, or of another type, reads as nothing */
    assert_null(pg_jnode_get(root, "missing"));
    assert_null(pg_jnode_get(root, "S"));
    assert_null(pg_jnode_get(a, "s"));
    assert_null(pg_jnode_get(NULL, "s"));
    assert_null(pg_jnode_at(o, 0));
    assert_null(pg_jnode_at(NULL, 0));
    assert_null(pg_jnode_string(a, &len));
    assert_int_equal(len, 0);
    assert_null(pg_jnode_string(NULL, NULL));
    assert_int_equal(pg_jnode_size(pg_jnode_get(root, "s")), 0);
    assert_int_equal(pg_jnode_size(NULL), 0);
    assert_false(pg_jnode_is(NULL, PG_JNULL));
    assert_int_equal(pg_jnode_integer(pg_jnode_get(root, "s")), 0);
    assert_true(pg_jnode_real(pg_jnode_get(root, "i")) == 0.0);
    assert_false(pg_jnode_bool(NULL));
    pg_jdoc_free(doc);
    pg_jdoc_free(NULL);
    assert_null(pg_jdoc_root(NULL));

    doc = parse_ok("[123456789012345678, -123456789012345678, -0, 7]");
    root = pg_jdoc_root(doc);
    assert_int_equal(pg_jnode_integer(pg_jnode_at(root, 0)), 123456789012345678LL);
    assert_int_equal(pg_jnode_integer(pg_jnode_at(root, 1)), -123456789012345678LL);
    assert_int_equal(pg_jnode_integer(pg_jnode_at(root, 2)), 0);
    pg_jdoc_free(doc);
}

static void test_escapes(void **state)
{
    (void)state;
    pg_jdoc *doc = parse_ok("[\"a\\nb\\\"c\\\\d\\/e\\bf\\fg\\rh\\ti\", \"\\u00e9\\u00C9\\u20AC\","
                            " \"\\uD83D\\uDE00\\ud83d\\ude00\", \"\\u0001\\u001f \\u007F\","
                            " \"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\", \"\\\"\\\"\"]");
    const pg_jnode *root = pg_jdoc_root(doc);
    size_t len;
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 0), &len),
                        "a\nb\"c\\d/e\bf\fg\rh\ti");
    assert_int_equal(len, 17);
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 1), NULL),
                        "\xc3\xa9\xc3\x89\xe2\x82\xac");
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 2), NULL),
                        "\xf0\x9f\x98\x80\xf0\x9f\x98\x80");
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 3), NULL), "\x01\x1f \x7f");
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 4), NULL),
                        "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
    assert_string_equal(pg_jnode_string(pg_jnode_at(root, 5), NULL), "\"\"");
    pg_jdoc_free(doc);
    /* escapes in keys, and long strings across the eight-byte steps */
    check("{\"k\\u00e9y\": 1, \"k\\\"\": 2, \"0123456789abcdef\\\\0123456789abcdef\": 3}");
    for (size_t n = 0; n < 40; n++) {
        /* [" n bytes "] */
        char s[64];
        memset(s, 'x', sizeof s);
        memcpy(s, "[\"", 2);
        memcpy(s + 2 + n, "\"]", 2);
        assert_int_equal(check_text(s, n + 4), PG_OK);
        char t[64];
        memcpy(t, s, sizeof t);
        if (n >= 2) {
            memcpy(t + 2 + n / 2 - 1, n % 2 ? "\\n" : "\\/", 2);
            assert_int_equal(check_text(t, n + 4), PG_OK);
        }
        if (n >= 1) {
            memcpy(t, s, sizeof t);
            t[2 + n / 3] = '\t'; /* a raw control character */
            assert_int_equal(check_text(t, n + 4), PG_JDOC_UNHANDLED);
        }
    }
}

static void test_empty_and_space(void **state)
{
    (void)state;
    static const char *const ok[] = {
        "[]", "{}", "[[]]", "[{}]", "{\"a\":{}}", "{\"a\":[]}", " \t\r\n[ \t\r\n] \t\r\n",
        "{ \"a\" : 1 , \"b\" :\n[ 1 ,2\t,\r3 ] }", "[\n]", "{\n}", "[1,2,3]", "[\"\",\"\"]",
        "{\"\":\"\"}", "[true,false,null]",
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
        if (check(ok[i]) != PG_OK)
            fail_msg("'%s' was left to jansson", ok[i]);
}

/* ------------------------------------------------------------------ */
/* What is left to jansson */

static void test_unhandled(void **state)
{
    (void)state;
    static const char *const cases[] = {
        /* not UTF-8 (in a string, outside one), NUL, \u0000, lone surrogates */
        "[\"\xff\"]", "[\"\xc3\"]", "[\"\xed\xa0\x80\"]", "[\"\xc0\xaf\"]",
        "[\"\xf4\x90\x80\x80\"]",
        "[1]\xff", "\xef\xbb\xbf[]", "[\"\\u0000\"]", "{\"\\u0000\": 1}", "[\"\\ud800\"]",
        "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]", "[\"\\ud800\\n\"]", "[\"\\uDBFF\"]",
        "[\"\\ud800\\ud800\"]", "[\"\\ud83d\\ude0\"]",
        /* long integers, reals too large or too long, numbers JSON does not have */
        "[1234567890123456789]", "[-1234567890123456789]", "[99999999999999999999]",
        "[1e400]", "[-1.5e309]",
        "[0.12345678901234567890123456789012345678901234567890123456789012]", /* 64 bytes */
        "[01]", "[-01]", "[01.5]", "[-]", "[1.]", "[1.e5]", "[.5]", "[+1]", "[- 1]", "[0x10]",
        "[1e]", "[1e+]", "[1.5e-]", "[1.5.5]", "[1e5e5]", "[Infinity]", "[-nan]",
        /* syntax */
        "", " ", "[", "]", "{", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}", "{'a':1}", "{1:1}", "[tru]", "[True]", "[nul]", "[falsey]",
        "[nan]", "[\"a]", "[\"a\\\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"\\U0041\"]",
        "[\"tab\there\"]", "[\"nl\nhere\"]", "[1]x", "[1] [2]", "[1]]", "{}}", "[]\v",
        "\f[]", "[\v]", "[\"a\"\"b\"]",
        /* an array or an object at the top (without JSON_DECODE_ANY) */
        "1", "\"s\"", "null", "true",
        /* duplicate keys: jansson's error */
        "{\"a\": 1, \"a\": 2}", "{\"a\": 1, \"b\": 2, \"a\": 3}", "[{\"x\": {\"y\": 1, \"y\": 1}}]",
        "{\"\\u0061\": 1, \"a\": 2}", "{\"\": 1, \"\": 2}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        expect_unhandled(cases[i]);
    /* a NUL byte inside the length */
    assert_int_equal(check_text("[\"a\0b\"]", 7), PG_JDOC_UNHANDLED);
    assert_int_equal(check_text("[1]\0", 4), PG_JDOC_UNHANDLED);
    /* keys that differ only in length are no duplicates */
    assert_int_equal(check("{\"a\": 1, \"ab\": 2, \"abc\": 3, \"b\": 4}"), PG_OK);
}

/* Reals as jansson reads them (check compares every value), -0.0 with its sign. */
static void test_reals(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "[1.5, -0.25, 2.0, 0.1, 1e5, 1E5, 1e+2, 2.5E-3, -7e-1, 0e0, 0.0]",
        "[1.7976931348623157e308, 4.9e-324, 1e-400, 2.2250738585072014e-308]",
        "[123456789012345678901234567890.5, 0.30000000000000004, 9007199254740993.0]",
        "{\"weight\": 3.0, \"betweenness\": 0.0123456789, \"n\": -12}",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        pg_jdoc_free(parse_ok(cases[i]));
    pg_jdoc *doc = parse_ok("[-0.0, 1.0]");
    const pg_jnode *root = pg_jdoc_root(doc);
    assert_true(pg_jnode_is(pg_jnode_at(root, 0), PG_JREAL));
    assert_true(signbit(pg_jnode_real(pg_jnode_at(root, 0))));
    assert_true(pg_jnode_real(pg_jnode_at(root, 1)) == 1.0);
    pg_jdoc_free(doc);
}

static void test_limits(void **state)
{
    (void)state;
    static const size_t depths[] = {1, 2, PG_JDOC_DEPTH_MAX - 1, PG_JDOC_DEPTH_MAX};
    for (size_t i = 0; i < sizeof depths / sizeof *depths; i++) {
        char *s = nested(depths[i]);
        assert_int_equal(check(s), PG_OK);
        free(s);
    }
    /* deeper: jansson reads it (up to its own limit of 2048) */
    static const size_t deeper[] = {PG_JDOC_DEPTH_MAX + 1, 200, 2048, 2049};
    for (size_t i = 0; i < sizeof deeper / sizeof *deeper; i++) {
        char *s = nested(deeper[i]);
        expect_unhandled(s);
        free(s);
    }
    /* objects nested as deep */
    char deep[16 * (PG_JDOC_DEPTH_MAX + 2)];
    size_t o = 0;
    for (int i = 0; i < PG_JDOC_DEPTH_MAX; i++)
        o += (size_t)sprintf(deep + o, "{\"k%d\":", i);
    o += (size_t)sprintf(deep + o, "1");
    memset(deep + o, '}', PG_JDOC_DEPTH_MAX);
    deep[o + PG_JDOC_DEPTH_MAX] = '\0';
    assert_int_equal(check(deep), PG_OK);
    memmove(deep + 1, deep, strlen(deep) + 1);
    deep[0] = '[';
    strcat(deep, "]");
    expect_unhandled(deep);

    static const size_t sizes[] = {0, 1, PG_JDOC_MEMBERS_MAX - 1, PG_JDOC_MEMBERS_MAX};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char *s = members(sizes[i]);
        assert_int_equal(check(s), PG_OK);
        free(s);
    }
    static const size_t bigger[] = {PG_JDOC_MEMBERS_MAX + 1, 1000};
    for (size_t i = 0; i < sizeof bigger / sizeof *bigger; i++) {
        char *s = members(bigger[i]);
        expect_unhandled(s);
        free(s);
    }
    /* big arrays have no limit */
    char *big = malloc(4 * 100000 + 3);
    assert_non_null(big);
    o = 0;
    big[o++] = '[';
    for (int i = 0; i < 100000; i++)
        o += (size_t)sprintf(big + o, "%s%d", i ? "," : "", i % 1000);
    big[o++] = ']';
    big[o] = '\0';
    assert_int_equal(check(big), PG_OK);
    free(big);
}

/* A document jansson reads but the parser does not keeps everything it holds. */
static void test_from_jansson(void **state)
{
    (void)state;
    const char *json = "{\"r\": [1.5, -2e-3, 1E+300, -0.0], \"big\": 1234567890123456789,"
                       " \"s\": \"\\u00e9\", \"o\": {\"t\": true, \"f\": false, \"n\": null},"
                       " \"e\": [], \"eo\": {}}";
    assert_int_equal(check(json), PG_JDOC_UNHANDLED);
    pg_jdoc *doc;
    pg_error err;
    assert_int_equal(pg_jdoc_load(&doc, json, strlen(json), "t.json", &err), PG_OK);
    const pg_jnode *root = pg_jdoc_root(doc);
    assert_true(pg_jnode_real(pg_jnode_at(pg_jnode_get(root, "r"), 0)) == 1.5);
    assert_int_equal(pg_jnode_integer(pg_jnode_get(root, "big")), 1234567890123456789LL);
    assert_string_equal(pg_jnode_string(pg_jnode_get(root, "s"), NULL), "\xc3\xa9");
    pg_jdoc_free(doc);

    /* and the error messages are jansson's */
    assert_int_equal(pg_jdoc_load(&doc, "{\"a\": 1,\n \"a\": 2}", 17, "x.json", &err), PG_EINPUT);
    assert_null(doc);
    assert_string_equal(err.msg, "x.json:2:4: duplicate object key near '\"a\"'");
}

/* ------------------------------------------------------------------ */
/* Against jansson on generated documents */

typedef struct gen {
    uint64_t state;
    char *buf;
    size_t len, cap;
} gen;

static uint32_t gen_next(gen *g)
{
    g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(g->state >> 33);
}

static uint32_t gen_below(gen *g, uint32_t n)
{
    return gen_next(g) % n;
}

static void gen_put(gen *g, const char *s, size_t n)
{
    if (g->len + n + 1 > g->cap) {
        g->cap = (g->len + n + 1) * 2;
        g->buf = realloc(g->buf, g->cap);
        assert_non_null(g->buf);
    }
    memcpy(g->buf + g->len, s, n);
    g->len += n;
    g->buf[g->len] = '\0';
}

static void gen_str(gen *g, const char *s)
{
    gen_put(g, s, strlen(s));
}

static void gen_space(gen *g)
{
    static const char spaces[] = " \t\r\n";
    while (gen_below(g, 3) == 0)
        gen_put(g, &spaces[gen_below(g, 4)], 1);
}

static void gen_utf8(gen *g, uint32_t cp)
{
    char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    gen_put(g, o, n);
}

static void gen_escape(gen *g, uint32_t cp)
{
    char e[16];
    const char *fmt = gen_below(g, 2) ? "\\u%04x" : "\\u%04X";
    if (cp >= 0x10000) {
        snprintf(e, sizeof e, fmt, 0xD800 + ((cp - 0x10000) >> 10));
        gen_str(g, e);
        snprintf(e, sizeof e, fmt, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
        snprintf(e, sizeof e, fmt, cp);
    }
    gen_str(g, e);
}

/* A string of characters of every width, some written as escapes. */
static void gen_string(gen *g, int key)
{
    static const uint32_t chars[] = {'a', 'Z', ' ', '0', '/', '"', '\\', '\n', '\t', 0x01,
                                     0x1F, 0x7F, 0xE9, 0x20AC, 0xFFFD, 0x1F600, 0x10FFFF, 0xD7FF};
    gen_str(g, "\"");
    /* keys are short, so that some repeat (and are then left to jansson) */
    size_t n = key ? gen_below(g, 3) : gen_below(g, 4) ? gen_below(g, 12) : gen_below(g, 60);
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = key ? 'a' + gen_below(g, 4)
                          : chars[gen_below(g, sizeof chars / sizeof *chars)];
        if (!key && gen_below(g, 2))
            cp = 'a' + gen_below(g, 26);
        static const char *const short_escapes[] = {"\\\"", "\\\\", "\\n", "\\t", "\\/", "\\b",
                                                    "\\f", "\\r"};
        if (cp == '"')
            gen_str(g, short_escapes[0]);
        else if (cp == '\\')
            gen_str(g, short_escapes[1]);
        else if (cp < 0x20 && gen_below(g, 2))
            gen_str(g, short_escapes[2 + gen_below(g, 6)]);
        else if (cp < 0x20 || gen_below(g, 8) == 0)
            gen_escape(g, cp);
        else if (cp == '/' && gen_below(g, 2))
            gen_str(g, short_escapes[4]);
        else
            gen_utf8(g, cp);
    }
    gen_str(g, "\"");
}

static void gen_value(gen *g, int depth)
{
    uint32_t k = gen_below(g, depth >= 6 ? 6 : 9);
    char num[32];
    switch (k) {
    case 0:
        gen_str(g, "null");
        break;
    case 1:
        gen_str(g, gen_below(g, 2) ? "true" : "false");
        break;
    case 2: {
        if (gen_below(g, 3) == 0) {
            /* a real: digits, a fraction, an exponent of either sign */
            snprintf(num, sizeof num, "%s%u.%u%s%d", gen_below(g, 3) == 0 ? "-" : "",
                     gen_below(g, 100000), gen_below(g, 1000000), gen_below(g, 2) ? "e" : "E",
                     (int)gen_below(g, 80) - 40);
            gen_str(g, num);
            break;
        }
        /* up to 18 digits, sometimes negative, sometimes -0 */
        int64_t v = 0;
        for (uint32_t d = gen_below(g, 19); d > 0; d--)
            v = v * 10 + gen_below(g, 10);
        snprintf(num, sizeof num, "%s%lld", gen_below(g, 3) == 0 ? "-" : "", (long long)v);
        gen_str(g, num);
        break;
    }
    case 3:
    case 4:
    case 5:
        gen_string(g, 0);
        break;
    case 6:
    case 7: {
        gen_str(g, "[");
        gen_space(g);
        for (uint32_t i = 0, n = gen_below(g, 6); i < n; i++) {
            if (i) {
                gen_str(g, ",");
                gen_space(g);
            }
            gen_value(g, depth + 1);
            gen_space(g);
        }
        gen_str(g, "]");
        break;
    }
    default: {
        gen_str(g, "{");
        gen_space(g);
        for (uint32_t i = 0, n = gen_below(g, 6); i < n; i++) {
            if (i) {
                gen_str(g, ",");
                gen_space(g);
            }
            gen_string(g, 1);
            gen_space(g);
            gen_str(g, ":");
            gen_space(g);
            gen_value(g, depth + 1);
            gen_space(g);
        }
        gen_str(g, "}");
        break;
    }
    }
}

static void test_differential(void **state)
{
    (void)state;
    gen g = {42, NULL, 0, 0};
    size_t parsed = 0, mutated_parsed = 0;
    for (int round = 0; round < 3000; round++) {
        g.len = 0;
        gen_space(&g);
        if (gen_below(&g, 2)) {
            gen_str(&g, "[");
            gen_value(&g, 1);
            gen_str(&g, "]");
        } else {
            gen_str(&g, "{\"doc\":");
            gen_value(&g, 1);
            gen_str(&g, "}");
        }
        gen_space(&g);
        /* only repeated keys make the parser give up on these */
        int rc = check_text(g.buf, g.len);
        parsed += rc == PG_OK;
        if (rc != PG_OK) {
            json_error_t jerr;
            json_t *ref = json_loadb(g.buf, g.len, JSON_REJECT_DUPLICATES, &jerr);
            if (ref || !strstr(jerr.text, "duplicate object key"))
                fail_msg("left to jansson: '%s'", g.buf);
        }
        /* a byte changed, removed or cut: still the parser's or jansson's reading */
        size_t at = gen_below(&g, (uint32_t)g.len);
        static const char bytes[] = "[]{}\",:\\u0e- \x80\xff\x01";
        switch (gen_below(&g, 3)) {
        case 0:
            g.buf[at] = bytes[gen_below(&g, sizeof bytes - 1)];
            break;
        case 1:
            memmove(g.buf + at, g.buf + at + 1, g.len - at);
            g.len--;
            break;
        default:
            g.len = at;
            break;
        }
        mutated_parsed += check_text(g.buf, g.len) == PG_OK;
    }
    free(g.buf);
    /* most documents are in the subset */
    assert_true(parsed > 2500);
    assert_true(mutated_parsed > 300);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_types),        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_empty_and_space), cmocka_unit_test(test_unhandled),
        cmocka_unit_test(test_reals),
        cmocka_unit_test(test_limits),       cmocka_unit_test(test_from_jansson),
        cmocka_unit_test(test_differential),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
