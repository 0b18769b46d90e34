#define _POSIX_C_SOURCE 200809L /* strdup */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <float.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_json.h"

/*
 * The graph JSON is written by hand, as it is made; these tests hold it
 * to the bytes jansson gives for the same document (two-space indent,
 * sorted keys, %.10g reals), in memory and to a file alike.
 */

/* ------------------------------------------------------------------ */
/* Helpers */

static pg_graph *new_graph(void)
{
    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    return g;
}

static size_t add_node(pg_graph *g, const char *id, const char *label, pg_kind kind,
                       const char *country, int in_dictionary)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, label, kind, country, in_dictionary, &i, &err),
                     PG_OK);
    return i;
}

static pg_link *add_link(pg_graph *g, size_t a, size_t b)
{
    size_t li;
    pg_error err;
    assert_int_equal(pg_graph_link(g, a, b, &li, &err), PG_OK);
    return &g->links[li];
}

static void set_evidence(pg_evidence *e, const char *doc, size_t sentence, size_t start,
                         size_t end, const char *text)
{
    pg_evidence src = {(char *)doc, sentence, start, end, (char *)text};
    assert_int_equal(pg_evidence_copy(e, &src), PG_OK);
}

static char *write_mem(pg_graph *g, size_t *len)
{
    char *out = NULL;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_write(g, &out, len, &err);
    if (rc != PG_OK)
        fail_msg("pg_json_write: %s", err.msg);
    assert_non_null(out);
    assert_int_equal(*len, strlen(out));
    return out;
}

/* What pg_json_write_file puts into a temporary file. */
static char *write_tmp(pg_graph *g, size_t *len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_write_file(g, f, &err);
    if (rc != PG_OK)
        fail_msg("pg_json_write_file: %s", err.msg);
    long size = ftell(f);
    assert_true(size >= 0);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}

typedef struct text_buf {
    char *data;
    size_t len, cap;
} text_buf;

static int append(const char *buffer, size_t size, void *data)
{
    text_buf *b = data;
    if (b->len + size + 1 > b->cap) {
        size_t cap = (b->len + size + 1) * 2;
        char *t = realloc(b->data, cap);
        if (!t)
            return -1;
        b->data = t;
        b->cap = cap;
    }
    memcpy(b->data + b->len, buffer, size);
    b->len += size;
    b->data[b->len] = '\0';
    return 0;
}

/* The text jansson makes of the document 'text' holds, with the final newline. */
static char *jansson_redump(const char *text, size_t len)
{
    json_error_t je;
    json_t *root = json_loadb(text, len, 0, &je);
    if (!root)
        fail_msg("jansson cannot read the output: %d:%d: %s", je.line, je.column, je.text);
    text_buf b = {NULL, 0, 0};
    assert_int_equal(json_dump_callback(root, append, &b, PG_JSON_FLAGS), 0);
    json_decref(root);
    assert_int_equal(append("\n", 1, &b), 0);
    return b.data;
}

/*
 * Writes g both ways, checks both give the same bytes, that these are
 * jansson's, and that reading them back and writing again changes
 * nothing. Returns the text.
 */
static char *check_graph(pg_graph *g)
{
    size_t len = 0, flen = 0;
    char *text = write_mem(g, &len);
    char *file = write_tmp(g, &flen);
    assert_int_equal(flen, len);
    assert_memory_equal(file, text, len);
    free(file);

    char *again = jansson_redump(text, len);
    if (strcmp(again, text) != 0) {
        size_t k = 0;
        while (again[k] && again[k] == text[k])
            k++;
        fail_msg("differs from jansson at byte %zu: ours '%.60s', jansson's '%.60s'", k,
                 text + (k > 20 ? k - 20 : 0), again + (k > 20 ? k - 20 : 0));
    }
    free(again);

    pg_graph *back = NULL;
    pg_error err;
    pg_error_clear(&err);
    if (pg_json_read(text, len, "out.json", &back, &err) != PG_OK)
        fail_msg("pg_json_read: %s", err.msg);
    size_t len2 = 0;
    char *text2 = write_mem(back, &len2);
    assert_int_equal(len2, len);
    assert_string_equal(text2, text);
    free(text2);
    pg_graph_free(back);
    return text;
}

/* ------------------------------------------------------------------ */
/* Awkward strings and numbers */

/* Every control character but NUL, the escapes, '/', DEL, U+2028/9, BOM, emoji, scripts. */
static const char awkward[] =
    "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
    "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
    " \"quoted\" back\\slash /slash/ </script> \x7f"
    " \xe2\x80\xa8 \xe2\x80\xa9 \xef\xbb\xbf \xf0\x9f\x98\x80 \xf0\x9f\x87\xba\xf0\x9f\x87\xa6"
    " \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xe5\x8c\x97\xe4\xba\xac"
    " \xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9 \xf4\x8f\xbf\xbf \xee\x80\x80";

static pg_graph *awkward_graph(void)
{
    pg_graph *g = new_graph();
    size_t a = add_node(g, "a\x1f\"\\/", awkward, PG_KIND_PERSON, "RUS", 1);
    size_t b = add_node(g, "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", NULL, PG_KIND_ORGANIZATION,
                        "", 0);
    size_t c = add_node(g, "\xf0\x9f\x98\x80", "\xe2\x80\xa8", PG_KIND_COUNTRY, "UKR", 0);
    size_t d = add_node(g, "zz-alone", "", PG_KIND_PERSON, "", 0);
    pg_error err;
    assert_int_equal(pg_graph_set_affiliation(g, a, "\xf0\x9f\x98\x80", &err), PG_OK);
    g->nodes[a].mentions = LONG_MAX;
    g->nodes[b].mentions = 0;
    g->nodes[c].documents = 123456789012L;
    g->documents = 3;
    g->w_co_mention = 1.0 / 3.0;
    g->w_speaks_with = 2.5e-7;
    g->approximation = strdup(awkward);
    assert_non_null(g->approximation);

    /* figures: every way %.10g can come out */
    static const double reals[] = {1e-7,   123456789012.0, 0.1,     1.0 / 3.0, 2.5e20,
                                   1e20,   100.0,          1e15,    1e16,      1e-5,
                                   1e-4,   -2.5e-300,      5e-324,  1e300,     -1e-7,
                                   -0.0,   NAN,            0.0,     12345678905.0,
                                   9999999999.5, 0.99999999995, 1e-15, DBL_MAX / 2, -123.0,
                                   DBL_MIN, 1.5e-310};
    size_t nr = sizeof reals / sizeof reals[0], k = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        pg_figures *f = &g->nodes[i].fig;
        f->degree = (long)i;
        f->community = (long)(i * 3);
        f->strength = reals[k++ % nr];
        f->betweenness = reals[k++ % nr];
        f->closeness = reals[k++ % nr];
        f->harmonic = reals[k++ % nr];
        f->eigenvector = reals[k++ % nr];
        f->pagerank = reals[k++ % nr];
    }
    g->analysed = 1;
    (void)d;

    pg_link *l = add_link(g, a, b);
    l->co_mentions = 2;
    l->speaks_with = 1;
    l->weight = 123456789012.0;
    l->evidence = calloc(2, sizeof *l->evidence);
    l->interactions = calloc(2, sizeof *l->interactions);
    assert_non_null(l->evidence);
    assert_non_null(l->interactions);
    l->n_evidence = 2;
    l->n_interactions = 2;
    set_evidence(&l->evidence[0], awkward, 0, 0, 0, "");
    set_evidence(&l->evidence[1], "d\n2", (size_t)LLONG_MAX, (size_t)LLONG_MAX - 1,
                 (size_t)LLONG_MAX, awkward);
    l->interactions[0].mode = PG_MODE_PHONE;
    l->interactions[0].status = PG_STATUS_PLANNED;
    l->interactions[0].date = pg_day_from_ymd(2024, 2, 29);
    l->interactions[0].initiator = strdup(g->nodes[a].id);
    set_evidence(&l->interactions[0].ev, "d1", 1, 2, 3, awkward);
    l->interactions[1].mode = PG_MODE_TALKS;
    l->interactions[1].status = PG_STATUS_NEGATED;
    l->interactions[1].date = PG_DAY_NONE;
    set_evidence(&l->interactions[1].ev, "d1", 4, 5, 6, "\t");

    l = add_link(g, b, c);
    l->co_mentions = 1;
    l->weight = 1e-7;
    l = add_link(g, a, c);
    l->weight = 2.5e20 / 1e6;
    return g;
}

static void test_awkward_graph(void **state)
{
    (void)state;
    pg_graph *g = awkward_graph();
    char *text = check_graph(g);
    /* what jansson's escaping gives, spelled out */
    assert_non_null(strstr(text, "\"a\\u001F\\\"\\\\/\""));
    assert_non_null(strstr(text, "\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n"
                                 "\\u000B\\f\\r\\u000E"));
    assert_non_null(strstr(text, "\\\"quoted\\\" back\\\\slash /slash/ </script> \x7f"));
    assert_non_null(strstr(text, "\"label\": \"\xe2\x80\xa8\""));
    assert_non_null(strstr(text, "\"weight\": 1.23456789e11\n"));
    assert_non_null(strstr(text, "\"weight\": 1e-7\n"));
    assert_non_null(strstr(text, "\"weight\": 2.5e14\n"));
    assert_non_null(strstr(text, "\"co_mention\": 0.3333333333,"));
    assert_non_null(strstr(text, "\"speaks_with\": 2.5e-7\n"));
    assert_non_null(strstr(text, "\"sentence\": 9223372036854775807,"));
    assert_non_null(strstr(text, "\"mentions\": 9223372036854775807,\n"));
    assert_non_null(strstr(text, "\"evidence\": [],"));
    assert_non_null(strstr(text, "\"interactions\": [],"));
    assert_null(strstr(text, "nan"));
    assert_null(strstr(text, "-0.0"));
    assert_null(strstr(text, "e+"));
    assert_null(strstr(text, "e0"));
    assert_null(strstr(text, "e-0"));
    free(text);

    /* the values come back as they went */
    size_t len = 0;
    text = write_mem(g, &len);
    pg_graph *back = NULL;
    pg_error err;
    assert_int_equal(pg_json_read(text, len, "t", &back, &err), PG_OK);
    assert_int_equal(back->n_nodes, g->n_nodes);
    assert_int_equal(back->n_links, g->n_links);
    for (size_t i = 0; i < g->n_nodes; i++) {
        assert_string_equal(back->nodes[i].id, g->nodes[i].id);
        assert_string_equal(back->nodes[i].label, g->nodes[i].label ? g->nodes[i].label
                                                                    : g->nodes[i].id);
        assert_int_equal(back->nodes[i].mentions, g->nodes[i].mentions);
        assert_int_equal(back->nodes[i].documents, g->nodes[i].documents);
    }
    assert_string_equal(back->approximation, awkward);
    long ai = pg_graph_find_node(back, "a\x1f\"\\/");
    assert_true(ai >= 0);
    assert_string_equal(back->nodes[ai].label, awkward);
    assert_string_equal(back->nodes[ai].affiliation, "\xf0\x9f\x98\x80");
    const pg_link *bl = &back->links[0];
    assert_true(bl->weight == 1.23456789e11); /* ten digits */
    assert_int_equal(bl->n_evidence, 2);
    assert_int_equal(bl->evidence[1].sentence, (size_t)LLONG_MAX);
    assert_string_equal(bl->evidence[1].text, awkward);
    assert_string_equal(bl->interactions[0].ev.text, awkward);
    assert_true(back->w_co_mention == 0.3333333333);
    pg_graph_free(back);
    free(text);
    pg_graph_free(g);
}

/* Long strings and many links: the output crosses the write buffer many times. */
static void test_large_graph(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    size_t big = 200000;
    char *text = malloc(big + 1);
    assert_non_null(text);
    for (size_t i = 0; i < big; i++)
        text[i] = "ab\"\\\n\x01\xc3\xa9xyz/"[i % 12];
    /* a cut through a two-byte character would not be UTF-8: end on ASCII */
    for (size_t i = 0; i < big; i++)
        if ((unsigned char)text[i] == 0xc3 && i + 1 < big)
            i++;
        else if ((unsigned char)text[i] >= 0x80)
            text[i] = 'q';
    text[big] = '\0';
    char id[32], label[40];
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof id, "n%03d", i);
        memcpy(label, text + (size_t)(i % 80) * 12, 36); /* whole periods: whole characters */
        label[36] = '\0';
        add_node(g, id, label, PG_KIND_PERSON, "", i % 2);
    }
    for (size_t i = 0; i + 1 < 300; i++) {
        pg_link *l = add_link(g, i, i + 1);
        l->co_mentions = (long)i;
        l->weight = (double)i / 7.0;
        l->evidence = calloc(1, sizeof *l->evidence);
        assert_non_null(l->evidence);
        l->n_evidence = 1;
        set_evidence(&l->evidence[0], "doc", i, i, i + 1, i % 50 == 0 ? text : "short");
    }
    free(text);
    char *out = check_graph(g);
    assert_true(strlen(out) > 4 * 65536);
    free(out);
    pg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    char *text = check_graph(g);
    assert_non_null(strstr(text, "\"links\": [],\n"));
    assert_non_null(strstr(text, "\"nodes\": []\n}\n"));
    free(text);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* Random graphs against jansson */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Appends code point cp as UTF-8. */
static size_t put_utf8(char *p, unsigned cp)
{
    if (cp < 0x80) {
        p[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (char)(0xC0 | cp >> 6);
        p[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (char)(0xE0 | cp >> 12);
        p[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | cp >> 18);
    p[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    p[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    p[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static void random_text(char *buf, size_t max_chars)
{
    size_t n = (size_t)(rng() % (max_chars + 1)), o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned cp;
        switch (rng() % 6) {
        case 0: cp = 1 + (unsigned)(rng() % 0x1F); break;
        case 1: cp = "\"\\/\x7f"[rng() % 4]; break;
        case 2: cp = 0x20 + (unsigned)(rng() % 0x5F); break;
        case 3: cp = 0x80 + (unsigned)(rng() % 0x780); break;
        case 4: cp = 0x2028 + (unsigned)(rng() % 2); break;
        default:
            cp = 0x800 + (unsigned)(rng() % (0x110000 - 0x800));
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
        }
        o += put_utf8(buf + o, cp);
    }
    buf[o] = '\0';
}

static double random_real(void)
{
    switch (rng() % 4) {
    case 0: return (double)(rng() % 1000) / (double)(1 + rng() % 1000);
    case 1: return ldexp((double)(rng() >> 11), (int)(rng() % 200) - 150);
    case 2: return (double)(int64_t)rng();
    default: {
        uint64_t bits = rng();
        double x;
        memcpy(&x, &bits, sizeof x);
        return isfinite(x) && fabs(x) < 1e300 ? x : 0.5;
    }
    }
}

static pg_graph *random_graph(void)
{
    pg_graph *g = new_graph();
    char a[256], b[300];
    size_t n = 1 + (size_t)(rng() % 12);
    for (size_t i = 0; i < n; i++) {
        random_text(a, 20);
        snprintf(b, sizeof b, "%s#%zu", a, i);
        random_text(a, 30);
        add_node(g, b, rng() % 4 ? a : NULL, (pg_kind)(rng() % 3), rng() % 2 ? "FRA" : "",
                 (int)(rng() % 2));
        /* negative counts do not come from a reader, but print as jansson prints them */
        g->nodes[i].mentions = i == 0 && rng() % 8 == 0 ? LONG_MIN : (long)rng();
        g->nodes[i].documents = (long)(rng() % 1000);
    }
    g->analysed = (int)(rng() % 2);
    for (size_t i = 0; i < n && g->analysed; i++) {
        pg_figures *f = &g->nodes[i].fig;
        f->degree = (long)(rng() % 20);
        f->community = (long)(rng() % 5);
        f->strength = random_real();
        f->betweenness = random_real();
        f->closeness = random_real();
        f->harmonic = random_real();
        f->eigenvector = random_real();
        f->pagerank = random_real();
    }
    for (size_t k = 0; n > 1 && k < 2 * n; k++) {
        size_t s = (size_t)(rng() % n), t = (size_t)(rng() % n);
        if (s == t)
            continue;
        pg_link *l = add_link(g, s, t);
        if (l->evidence || l->interactions)
            continue;
        l->co_mentions = (long)(rng() % 50);
        l->weight = fabs(random_real());
        size_t ne = (size_t)(rng() % 3), ni = (size_t)(rng() % 3);
        l->evidence = ne ? calloc(ne, sizeof *l->evidence) : NULL;
        l->interactions = ni ? calloc(ni, sizeof *l->interactions) : NULL;
        l->n_evidence = ne;
        l->n_interactions = ni;
        for (size_t e = 0; e < ne; e++) {
            random_text(a, 60);
            set_evidence(&l->evidence[e], "doc", e, rng() % 1000, 1000 + rng() % 1000, a);
        }
        for (size_t e = 0; e < ni; e++) {
            pg_interaction *it = &l->interactions[e];
            it->mode = (pg_mode)(rng() % 4);
            it->status = (pg_status)(rng() % 4);
            it->date = rng() % 2 ? pg_day_from_ymd(1990 + (int)(rng() % 50), 1 + (int)(rng() % 12),
                                                    1 + (int)(rng() % 28))
                                 : PG_DAY_NONE;
            it->initiator = rng() % 2 ? strdup(g->nodes[s].id) : NULL;
            random_text(a, 60);
            set_evidence(&it->ev, "doc", e, 0, 10, a);
        }
    }
    g->documents = (long)(rng() % 100);
    g->w_co_mention = fabs(random_real());
    g->w_speaks_with = fabs(random_real());
    if (rng() % 2) {
        random_text(a, 40);
        g->approximation = strdup(a);
    }
    return g;
}

/* Written as jansson writes them; the graph need not be one the reader accepts. */
static void test_random_graphs(void **state)
{
    (void)state;
    for (int round = 0; round < 300; round++) {
        pg_graph *g = random_graph();
        size_t len = 0, flen = 0;
        char *text = write_mem(g, &len);
        char *file = write_tmp(g, &flen);
        assert_int_equal(flen, len);
        assert_memory_equal(file, text, len);
        char *again = jansson_redump(text, len);
        if (strcmp(again, text) != 0)
            fail_msg("round %d: differs from jansson", round);
        free(again);
        free(file);
        free(text);
        pg_graph_free(g);
    }
}

/* ------------------------------------------------------------------ */
/* Errors */

/* The message for g, from memory and from a file; the file gets nothing. */
static void expect_error(pg_graph *g, int code, const char *want)
{
    char *out = (char *)1;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_json_write(g, &out, NULL, &err), code);
    assert_null(out);
    if (!strstr(err.msg, want))
        fail_msg("message '%s', wanted '%s'", err.msg, want);
    FILE *f = tmpfile();
    assert_non_null(f);
    pg_error ferr;
    pg_error_clear(&ferr);
    assert_int_equal(pg_json_write_file(g, f, &ferr), code);
    assert_string_equal(ferr.msg, err.msg);
    assert_int_equal(ftell(f), 0);
    fclose(f);
}

static void test_first_error_is_reported(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    size_t a = add_node(g, "a", "A", PG_KIND_PERSON, "", 0);
    size_t b = add_node(g, "b", "B", PG_KIND_PERSON, "", 0);
    pg_link *l = add_link(g, a, b);
    l->weight = INFINITY;
    /* a node's problem comes before a link's, though links are written first */
    free(g->nodes[b].label);
    g->nodes[b].label = strdup("B\xff");
    expect_error(g, PG_EINPUT, "nodes[1].label: not valid UTF-8");
    free(g->nodes[b].label);
    g->nodes[b].label = strdup("B");
    expect_error(g, PG_EINPUT, "links[0].weight: not a finite number");
    l->weight = 1.0;
    l->evidence = calloc(1, sizeof *l->evidence);
    assert_non_null(l->evidence);
    l->n_evidence = 1;
    set_evidence(&l->evidence[0], "d", (size_t)LLONG_MAX + 1, 0, 0, "t");
    expect_error(g, PG_EINPUT, "links[0].evidence[0].sentence: 9223372036854775808 is too large");
    l->evidence[0].sentence = 0;
    free(l->evidence[0].text);
    l->evidence[0].text = strdup("\xed\xa0\x80"); /* a surrogate */
    expect_error(g, PG_EINPUT, "links[0].evidence[0].text: not valid UTF-8");
    free(l->evidence[0].text);
    l->evidence[0].text = strdup("t");
    g->w_speaks_with = -INFINITY;
    expect_error(g, PG_EINPUT, "graph.weights.speaks_with: not a finite number");
    g->w_speaks_with = 1.0;
    g->analysed = 1;
    g->nodes[a].fig.pagerank = DBL_MAX; /* rounds to 1.797693135e308: beyond DBL_MAX */
    expect_error(g, PG_EINPUT, "nodes[0].pagerank: not a finite number");
    g->analysed = 0;
    size_t len = 0;
    free(write_mem(g, &len));
    pg_graph_free(g);
}

static void expect_write_error(FILE *f)
{
    pg_graph *g = awkward_graph();
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_json_write_file(g, f, &err), PG_EIO);
    if (!strstr(err.msg, "write error: "))
        fail_msg("message '%s'", err.msg);
    pg_graph_free(g);
}

static void test_write_errors(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "wb");
    if (full) {
        expect_write_error(full);
        fclose(full);
    }
    /* a stream opened for reading only */
    char path[] = "/tmp/pg_json_stream_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    FILE *ro = fopen(path, "rb");
    assert_non_null(ro);
    expect_write_error(ro);
    fclose(ro);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_awkward_graph),
        cmocka_unit_test(test_large_graph),
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_random_graphs),
        cmocka_unit_test(test_first_error_is_reported),
        cmocka_unit_test(test_write_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
