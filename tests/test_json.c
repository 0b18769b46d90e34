#define _POSIX_C_SOURCE 200809L /* strdup, mkstemp, fdopen */

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_json.h"

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
                       const char *country, int in_dictionary, long mentions, long documents)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, label, kind, country, in_dictionary, &i, &err),
                     PG_OK);
    g->nodes[i].mentions = mentions;
    g->nodes[i].documents = documents;
    return i;
}

static char *write_graph(pg_graph *g)
{
    char *out = NULL;
    size_t len = 0;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_write(g, &out, &len, &err);
    if (rc != PG_OK)
        fail_msg("pg_json_write: %s", err.msg);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static pg_graph *read_ok(const char *text)
{
    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_read(text, strlen(text), "t.json", &g, &err);
    if (rc != PG_OK)
        fail_msg("pg_json_read: %s", err.msg);
    assert_non_null(g);
    return g;
}

/* Reads text that must fail with PG_EINPUT and a message containing 'want'. */
static void read_fails(const char *text, const char *want)
{
    pg_graph *g = (pg_graph *)1;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_read(text, strlen(text), "t.json", &g, &err);
    if (rc != PG_EINPUT || !strstr(err.msg, want))
        fail_msg("input %s\n  rc %d, message '%s'\n  wanted PG_EINPUT and '%s'", text, rc,
                 err.msg, want);
    assert_null(g);
}

/* ------------------------------------------------------------------ */
/* Writing */

/*
 * Derived by hand from DESIGN.md: keys sorted bytewise at every level,
 * two-space indent, reals with a fraction or exponent, integers bare,
 * country omitted when empty, date and initiator only when known, no
 * figures when the graph is not analysed, a final newline.
 */
static const char expected_tiny[] =
    "{\n"
    "  \"directed\": false,\n"
    "  \"graph\": {\n"
    "    \"documents\": 1,\n"
    "    \"generator\": \"polgraph " PG_VERSION "\",\n"
    "    \"weights\": {\n"
    "      \"co_mention\": 1.0,\n"
    "      \"speaks_with\": 3.0\n"
    "    }\n"
    "  },\n"
    "  \"links\": [\n"
    "    {\n"
    "      \"co_mentions\": 1,\n"
    "      \"evidence\": [\n"
    "        {\n"
    "          \"doc\": \"a1\",\n"
    "          \"end\": 352,\n"
    "          \"sentence\": 4,\n"
    "          \"start\": 300,\n"
    "          \"text\": \"Merkel said: \\\"Putin \\\\ Sochi \xe2\x80\x93 again.\\\"\"\n"
    "        }\n"
    "      ],\n"
    "      \"interactions\": [\n"
    "        {\n"
    "          \"date\": \"2017-05-02\",\n"
    "          \"doc\": \"a1\",\n"
    "          \"end\": 175,\n"
    "          \"initiator\": \"angela-merkel\",\n"
    "          \"mode\": \"phone\",\n"
    "          \"sentence\": 2,\n"
    "          \"start\": 120,\n"
    "          \"status\": \"occurred\",\n"
    "          \"text\": \"Merkel called Putin on Tuesday, the Kremlin said.\",\n"
    "          \"type\": \"speaks_with\"\n"
    "        }\n"
    "      ],\n"
    "      \"source\": \"angela-merkel\",\n"
    "      \"speaks_with\": 1,\n"
    "      \"target\": \"vladimir-putin\",\n"
    "      \"weight\": 4.0\n"
    "    }\n"
    "  ],\n"
    "  \"multigraph\": false,\n"
    "  \"nodes\": [\n"
    "    {\n"
    "      \"country\": \"DEU\",\n"
    "      \"documents\": 1,\n"
    "      \"id\": \"angela-merkel\",\n"
    "      \"in_dictionary\": true,\n"
    "      \"kind\": \"person\",\n"
    "      \"label\": \"Angela Merkel\",\n"
    "      \"mentions\": 3\n"
    "    },\n"
    "    {\n"
    "      \"documents\": 1,\n"
    "      \"id\": \"vladimir-putin\",\n"
    "      \"in_dictionary\": false,\n"
    "      \"kind\": \"person\",\n"
    "      \"label\": \"Vladimir Putin\",\n"
    "      \"mentions\": 2\n"
    "    }\n"
    "  ]\n"
    "}\n";

/* Putin first, so that writing has to sort the nodes and swap the link. */
static pg_graph *tiny_graph(void)
{
    pg_graph *g = new_graph();
    pg_error err;
    size_t putin = add_node(g, "vladimir-putin", "Vladimir Putin", PG_KIND_PERSON, "", 0, 2, 1);
    size_t merkel = add_node(g, "angela-merkel", "Angela Merkel", PG_KIND_PERSON, "DEU", 1, 3, 1);
    size_t li;
    assert_int_equal(pg_graph_link(g, putin, merkel, &li, &err), PG_OK);
    pg_link *l = &g->links[li];
    l->co_mentions = 1;
    l->speaks_with = 1;
    l->evidence = calloc(1, sizeof *l->evidence);
    l->interactions = calloc(1, sizeof *l->interactions);
    assert_non_null(l->evidence);
    assert_non_null(l->interactions);
    l->n_evidence = 1;
    l->n_interactions = 1;
    pg_evidence ev = {"a1", 4, 300, 352, "Merkel said: \"Putin \\ Sochi \xe2\x80\x93 again.\""};
    assert_int_equal(pg_evidence_copy(&l->evidence[0], &ev), PG_OK);
    pg_interaction *it = &l->interactions[0];
    it->mode = PG_MODE_PHONE;
    it->status = PG_STATUS_OCCURRED;
    it->date = pg_day_from_ymd(2017, 5, 2);
    it->initiator = strdup("angela-merkel");
    assert_non_null(it->initiator);
    pg_evidence iev = {"a1", 2, 120, 175, "Merkel called Putin on Tuesday, the Kremlin said."};
    assert_int_equal(pg_evidence_copy(&it->ev, &iev), PG_OK);
    g->documents = 1;
    pg_graph_update_weights(g);
    return g;
}

static void test_write_tiny(void **state)
{
    (void)state;
    pg_graph *g = tiny_graph();
    char *out = write_graph(g);
    assert_string_equal(out, expected_tiny);
    /* Writing sorted the model itself. */
    assert_string_equal(g->nodes[0].id, "angela-merkel");
    assert_int_equal(g->links[0].source, 0);
    assert_int_equal(g->links[0].target, 1);
    free(out);
    pg_graph_free(g);
}

static void test_tiny_reads_back(void **state)
{
    (void)state;
    pg_graph *g = read_ok(expected_tiny);
    assert_int_equal(g->n_nodes, 2);
    assert_int_equal(g->n_links, 1);
    assert_int_equal(g->documents, 1);
    assert_int_equal(g->analysed, 0);
    assert_null(g->approximation);
    assert_string_equal(g->nodes[0].label, "Angela Merkel");
    assert_string_equal(g->nodes[0].country, "DEU");
    assert_int_equal(g->nodes[0].in_dictionary, 1);
    assert_int_equal(g->nodes[1].in_dictionary, 0);
    assert_string_equal(g->nodes[1].country, "");
    assert_int_equal(g->nodes[1].mentions, 2);
    const pg_link *l = &g->links[0];
    assert_float_equal(l->weight, 4.0, 0.0);
    assert_int_equal(l->n_interactions, 1);
    assert_int_equal(l->interactions[0].mode, PG_MODE_PHONE);
    assert_int_equal(l->interactions[0].date, pg_day_from_ymd(2017, 5, 2));
    assert_string_equal(l->interactions[0].initiator, "angela-merkel");
    assert_int_equal(l->interactions[0].ev.end, 175);
    assert_int_equal(l->n_evidence, 1);
    assert_string_equal(l->evidence[0].text, "Merkel said: \"Putin \\ Sochi \xe2\x80\x93 again.\"");
    char *out = write_graph(g);
    assert_string_equal(out, expected_tiny);
    free(out);
    pg_graph_free(g);
}

/* An analysed graph with an approximation note, written by hand. */
static const char canonical_analysed[] =
    "{\n"
    "  \"directed\": false,\n"
    "  \"graph\": {\n"
    "    \"approximation\": \"betweenness from 64 sampled sources\",\n"
    "    \"documents\": 12,\n"
    "    \"generator\": \"polgraph " PG_VERSION "\",\n"
    "    \"weights\": {\n"
    "      \"co_mention\": 1.0,\n"
    "      \"speaks_with\": 2.5\n"
    "    }\n"
    "  },\n"
    "  \"links\": [\n"
    "    {\n"
    "      \"co_mentions\": 2,\n"
    "      \"evidence\": [],\n"
    "      \"interactions\": [\n"
    "        {\n"
    "          \"doc\": \"b7\",\n"
    "          \"end\": 40,\n"
    "          \"mode\": \"unspecified\",\n"
    "          \"sentence\": 0,\n"
    "          \"start\": 0,\n"
    "          \"status\": \"hypothetical\",\n"
    "          \"text\": \"Macron might call Merkel.\",\n"
    "          \"type\": \"speaks_with\"\n"
    "        }\n"
    "      ],\n"
    "      \"source\": \"angela-merkel\",\n"
    "      \"speaks_with\": 0,\n"
    "      \"target\": \"emmanuel-macron\",\n"
    "      \"weight\": 2.0\n"
    "    },\n"
    "    {\n"
    "      \"co_mentions\": 0,\n"
    "      \"evidence\": [],\n"
    "      \"interactions\": [],\n"
    "      \"source\": \"angela-merkel\",\n"
    "      \"speaks_with\": 1,\n"
    "      \"target\": \"kremlin\",\n"
    "      \"weight\": 2.5\n"
    "    }\n"
    "  ],\n"
    "  \"multigraph\": false,\n"
    "  \"nodes\": [\n"
    "    {\n"
    "      \"betweenness\": 1.0,\n"
    "      \"closeness\": 0.5833333333,\n"
    "      \"community\": 0,\n"
    "      \"country\": \"DEU\",\n"
    "      \"degree\": 2,\n"
    "      \"documents\": 9,\n"
    "      \"eigenvector\": 1.0,\n"
    "      \"harmonic\": 0.9,\n"
    "      \"id\": \"angela-merkel\",\n"
    "      \"in_dictionary\": true,\n"
    "      \"kind\": \"person\",\n"
    "      \"label\": \"Angela Merkel\",\n"
    "      \"mentions\": 31,\n"
    "      \"pagerank\": 0.4512195122,\n"
    "      \"strength\": 4.5\n"
    "    },\n"
    "    {\n"
    "      \"betweenness\": 0.0,\n"
    "      \"closeness\": 0.3333333333,\n"
    "      \"community\": 0,\n"
    "      \"country\": \"FRA\",\n"
    "      \"degree\": 1,\n"
    "      \"documents\": 4,\n"
    "      \"eigenvector\": 1e-7,\n"
    "      \"harmonic\": 0.1,\n"
    "      \"id\": \"emmanuel-macron\",\n"
    "      \"in_dictionary\": true,\n"
    "      \"kind\": \"person\",\n"
    "      \"label\": \"Emmanuel Macron\",\n"
    "      \"mentions\": 5,\n"
    "      \"pagerank\": 0.2682926829,\n"
    "      \"strength\": 2.0\n"
    "    },\n"
    "    {\n"
    "      \"betweenness\": 0.0,\n"
    "      \"closeness\": 0.3888888889,\n"
    "      \"community\": 1,\n"
    "      \"degree\": 1,\n"
    "      \"documents\": 3,\n"
    "      \"eigenvector\": 0.8,\n"
    "      \"harmonic\": 1234567890.0,\n"
    "      \"id\": \"kremlin\",\n"
    "      \"in_dictionary\": true,\n"
    "      \"kind\": \"organization\",\n"
    "      \"label\": \"Kremlin \xe2\x80\x94 Moscow\",\n"
    "      \"mentions\": 3,\n"
    "      \"pagerank\": 0.2804878049,\n"
    "      \"strength\": 2.5\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void test_round_trip_analysed(void **state)
{
    (void)state;
    pg_graph *g = read_ok(canonical_analysed);
    assert_int_equal(g->analysed, 1);
    assert_non_null(g->approximation);
    assert_string_equal(g->approximation, "betweenness from 64 sampled sources");
    assert_int_equal(g->documents, 12);
    assert_float_equal(g->w_speaks_with, 2.5, 0.0);
    assert_int_equal(g->nodes[2].kind, PG_KIND_ORGANIZATION);
    assert_int_equal(g->nodes[2].fig.community, 1);
    assert_float_equal(g->nodes[0].fig.pagerank, 0.4512195122, 1e-15);
    assert_float_equal(g->nodes[1].fig.eigenvector, 1e-7, 1e-20);
    assert_int_equal(g->links[0].interactions[0].status, PG_STATUS_HYPOTHETICAL);
    assert_int_equal(g->links[0].interactions[0].date, PG_DAY_NONE);
    assert_null(g->links[0].interactions[0].initiator);
    char *out = write_graph(g);
    assert_string_equal(out, canonical_analysed);
    free(out);
    pg_graph_free(g);
}

static void test_round_trip_file(void **state)
{
    (void)state;
    char path[] = "/tmp/pg_test_json_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(canonical_analysed, 1, strlen(canonical_analysed), f),
                     strlen(canonical_analysed));
    assert_int_equal(fclose(f), 0);
    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_json_read_file(path, &g, &err), PG_OK);
    char *out = write_graph(g);
    assert_string_equal(out, canonical_analysed);
    free(out);
    pg_graph_free(g);
    unlink(path);
}

/* Figures as they come out of igraph and floating-point sums. */
static void test_write_numbers(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    add_node(g, "a", "A", PG_KIND_PERSON, "", 0, 1, 1);
    pg_figures *f = &g->nodes[0].fig;
    f->closeness = NAN;
    f->eigenvector = -0.0;
    f->pagerank = 0.1;
    f->betweenness = 1.0 / 3.0;
    f->strength = 0.1 + 0.2; /* 0.30000000000000004 */
    f->harmonic = -2.5;
    g->analysed = 1;
    char *out = write_graph(g);
    assert_non_null(strstr(out, "\"closeness\": 0.0,\n"));
    assert_non_null(strstr(out, "\"eigenvector\": 0.0,\n"));
    assert_non_null(strstr(out, "\"pagerank\": 0.1,\n"));
    assert_non_null(strstr(out, "\"betweenness\": 0.3333333333,\n"));
    assert_non_null(strstr(out, "\"strength\": 0.3\n"));
    assert_non_null(strstr(out, "\"harmonic\": -2.5,\n"));
    assert_null(strstr(out, "-0.0"));
    assert_null(strstr(out, "nan"));
    assert_null(strstr(out, "0.10000000000000001"));
    free(out);
    pg_graph_free(g);
}

/* Every real as jansson prints it with ten digits, whole numbers and their bounds included. */
static void test_write_reals_as_jansson(void **state)
{
    (void)state;
    const double values[] = {0.0,         1.0,          -1.0,        2.0,        7.0,
                             1234567.0,   -1234567.0,   9999999999.0, -9999999999.0,
                             1e10,        -1e10,        12345678901.0, 3e15,      1e300,
                             0.5,         1e-7,         2.5e20,      123456.7891, 9999999999.5,
                             4.9e-324,    1e-320,       0.1 + 0.2,   1.0 / 3.0,  -2.5e-5};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        pg_graph *g = new_graph();
        add_node(g, "a", "A", PG_KIND_PERSON, "", 0, 1, 1);
        g->nodes[0].fig.strength = values[i];
        g->analysed = 1;
        char *out = write_graph(g);
        json_t *real = json_real(values[i]);
        char *want = json_dumps(real, JSON_ENCODE_ANY | JSON_REAL_PRECISION(PG_JSON_DIGITS));
        assert_non_null(want);
        char line[96];
        snprintf(line, sizeof line, "\"strength\": %s\n", want);
        if (!strstr(out, line))
            fail_msg("%.17g: expected %s", values[i], want);
        free(want);
        json_decref(real);
        free(out);
        pg_graph_free(g);
    }
}

/* Strings escaped as jansson escapes them, whatever the place of the character to escape. */
static void test_write_strings_as_jansson(void **state)
{
    (void)state;
    const char specials[] = {'"', '\\', '\n', '\t', 0x01, 0x1f, 0x7f, '/'};
    for (size_t k = 0; k < 26; k++)
        for (size_t c = 0; c < sizeof specials; c++) {
            char label[] = "Caf\xc3\xa9 Merkel-Xi, Gro\xc3\x9f und klein";
            if ((unsigned char)label[k] >= 0x80)
                continue; /* a byte of the e-acute or the sharp s */
            label[k] = specials[c];
            pg_graph *g = new_graph();
            add_node(g, "a", label, PG_KIND_PERSON, "", 0, 1, 1);
            char *out = write_graph(g);
            json_t *str = json_string(label);
            assert_non_null(str);
            char *want = json_dumps(str, JSON_ENCODE_ANY);
            char line[128];
            snprintf(line, sizeof line, "\"label\": %s,\n", want);
            if (!strstr(out, line))
                fail_msg("character %zu at %zu: expected %s", c, k, want);
            free(want);
            json_decref(str);
            free(out);
            pg_graph_free(g);
        }
}

static void test_write_infinity_fails(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    size_t a = add_node(g, "a", "A", PG_KIND_PERSON, "", 0, 1, 1);
    size_t b = add_node(g, "b", "B", PG_KIND_PERSON, "", 0, 1, 1);
    size_t li;
    pg_error err;
    assert_int_equal(pg_graph_link(g, a, b, &li, &err), PG_OK);
    g->links[li].weight = INFINITY;
    char *out = (char *)1;
    assert_int_equal(pg_json_write(g, &out, NULL, &err), PG_EINPUT);
    assert_null(out);
    assert_non_null(strstr(err.msg, "links[0].weight"));
    pg_graph_free(g);
}

static void test_write_invalid_utf8(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    add_node(g, "a", "Caf\xe9", PG_KIND_PERSON, "", 0, 1, 1); /* Latin-1 byte */
    add_node(g, "b", "B\xed\xa0\x80", PG_KIND_PERSON, "", 0, 1, 1); /* a surrogate */
    char *out = (char *)1;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_json_write(g, &out, NULL, &err), PG_EINPUT);
    assert_null(out);
    assert_non_null(strstr(err.msg, "nodes[0].label"));
    free(g->nodes[0].label);
    g->nodes[0].label = strdup("Caf\xc3\xa9");
    assert_int_equal(pg_json_write(g, &out, NULL, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "nodes[1].label"));
    pg_graph_free(g);
}

static const char expected_empty[] = "{\n"
                                     "  \"directed\": false,\n"
                                     "  \"graph\": {\n"
                                     "    \"documents\": 0,\n"
                                     "    \"generator\": \"polgraph " PG_VERSION "\",\n"
                                     "    \"weights\": {\n"
                                     "      \"co_mention\": 1.0,\n"
                                     "      \"speaks_with\": 3.0\n"
                                     "    }\n"
                                     "  },\n"
                                     "  \"links\": [],\n"
                                     "  \"multigraph\": false,\n"
                                     "  \"nodes\": []\n"
                                     "}\n";

static void test_empty(void **state)
{
    (void)state;
    pg_graph *g = read_ok("{\"nodes\": [], \"links\": []}");
    assert_int_equal(g->n_nodes, 0);
    assert_int_equal(g->n_links, 0);
    assert_int_equal(g->analysed, 0);
    char *out = write_graph(g);
    assert_string_equal(out, expected_empty);
    free(out);
    pg_graph_free(g);
    g = read_ok(expected_empty);
    out = write_graph(g);
    assert_string_equal(out, expected_empty);
    free(out);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* Reading: what is accepted and how it is normalised */

static void test_read_normalises(void **state)
{
    (void)state;
    /* Nodes out of order, a link given target-first, no weight, evidence out of order. */
    pg_graph *g = read_ok(
        "{\"graph\": {\"weights\": {\"co_mention\": 2, \"speaks_with\": 5}},"
        " \"nodes\": [{\"id\": \"vladimir-putin\"}, {\"id\": \"angela-merkel\", \"kind\": \"person\"}],"
        " \"links\": [{\"source\": \"vladimir-putin\", \"target\": \"angela-merkel\","
        "   \"co_mentions\": 3, \"speaks_with\": 1, \"interactions\": [],"
        "   \"evidence\": [{\"doc\": \"b\", \"sentence\": 1, \"start\": 5, \"end\": 9, \"text\": \"y\"},"
        "                {\"doc\": \"a\", \"sentence\": 7, \"start\": 0, \"end\": 4, \"text\": \"x\"}]}]}");
    assert_string_equal(g->nodes[0].id, "angela-merkel");
    assert_string_equal(g->nodes[1].id, "vladimir-putin");
    /* Absent label is the id; absent counts are 0. */
    assert_string_equal(g->nodes[1].label, "vladimir-putin");
    assert_int_equal(g->nodes[1].mentions, 0);
    assert_int_equal(g->n_links, 1);
    assert_int_equal(g->links[0].source, 0);
    assert_int_equal(g->links[0].target, 1);
    assert_float_equal(g->links[0].weight, 2.0 * 3 + 5.0 * 1, 0.0);
    assert_int_equal(g->links[0].n_evidence, 2);
    assert_string_equal(g->links[0].evidence[0].doc, "a");
    assert_string_equal(g->links[0].evidence[1].doc, "b");
    pg_graph_free(g);
}

static void test_read_bounds_evidence(void **state)
{
    (void)state;
    char text[4096];
    int n = snprintf(text, sizeof text,
                     "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\","
                     " \"target\": \"b\", \"evidence\": [");
    /* PG_EVIDENCE_MAX + 2 records, latest sentence first. */
    for (int k = PG_EVIDENCE_MAX + 1; k >= 0; k--)
        n += snprintf(text + n, sizeof text - (size_t)n,
                      "{\"doc\": \"d\", \"sentence\": %d, \"start\": 0, \"end\": 1, \"text\": \"t\"}%s",
                      k, k ? "," : "");
    snprintf(text + n, sizeof text - (size_t)n, "]}]}");
    pg_graph *g = read_ok(text);
    assert_int_equal(g->links[0].n_evidence, PG_EVIDENCE_MAX);
    for (size_t k = 0; k < PG_EVIDENCE_MAX; k++)
        assert_int_equal(g->links[0].evidence[k].sentence, k);
    pg_graph_free(g);
}

static void test_read_partial_figures(void **state)
{
    (void)state;
    /* b lacks figures: the graph counts as not analysed. */
    pg_graph *g = read_ok(
        "{\"nodes\": [{\"id\": \"a\", \"degree\": 0, \"strength\": 0.0, \"betweenness\": 0.0,"
        " \"closeness\": 0.0, \"harmonic\": 0.0, \"eigenvector\": 0.0, \"pagerank\": 0.5,"
        " \"community\": 0}, {\"id\": \"b\", \"pagerank\": 0.5}]}");
    assert_int_equal(g->analysed, 0);
    char *out = write_graph(g);
    assert_null(strstr(out, "pagerank"));
    free(out);
    pg_graph_free(g);
}

static void test_read_date_null(void **state)
{
    (void)state;
    pg_graph *g = read_ok(
        "{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}], \"links\": [{\"source\": \"a\","
        " \"target\": \"b\", \"interactions\": [{\"mode\": \"meeting\", \"status\": \"planned\","
        " \"date\": null, \"doc\": \"d\", \"sentence\": 0, \"start\": 0, \"end\": 0, \"text\": \"\"}]}]}");
    assert_int_equal(g->links[0].interactions[0].mode, PG_MODE_MEETING);
    assert_int_equal(g->links[0].interactions[0].status, PG_STATUS_PLANNED);
    assert_int_equal(g->links[0].interactions[0].date, PG_DAY_NONE);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* Reading: errors name the field */

#define NODES2 "\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}]"
#define EV "\"doc\": \"d\", \"sentence\": 0, \"start\": 0, \"end\": 3, \"text\": \"t\""
#define IT(extra) "{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"interactions\": [{" extra "}]}], " NODES2 "}"

static const struct {
    const char *text;
    const char *want;
} schema_cases[] = {
    {"{\"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\", \"mentions\": -1}]}",
     "t.json: nodes[1].mentions: expected a non-negative integer"},
    {"{\"nodes\": [{\"id\": \"a\", \"mentions\": \"3\"}]}",
     "t.json: nodes[0].mentions: expected a non-negative integer"},
    {"{\"nodes\": [{\"id\": \"a\", \"documents\": 1.5}]}",
     "t.json: nodes[0].documents: expected a non-negative integer"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"x\"}], " NODES2 "}",
     "t.json: links[0].target: unknown node 'x'"},
    {"{\"links\": [{\"source\": \"y\", \"target\": \"a\"}], " NODES2 "}",
     "t.json: links[0].source: unknown node 'y'"},
    {"{\"nodes\": [{\"id\": \"angela-merkel\"}, {\"id\": \"b\"}, {\"id\": \"angela-merkel\"}]}",
     "t.json: nodes[2].id: duplicate id 'angela-merkel'"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": -1}], " NODES2 "}",
     "t.json: links[0].weight: must be a finite number >= 0"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": \"4\"}], " NODES2 "}",
     "t.json: links[0].weight: must be a finite number >= 0"},
    {"{\"nodes\": [{\"id\": \"a\"}, {\"label\": \"B\"}]}", "t.json: nodes[1].id: missing"},
    {"{\"nodes\": [{\"id\": 7}]}", "t.json: nodes[0].id: expected a string"},
    {"{\"nodes\": [{\"id\": \"\"}]}", "t.json: nodes[0].id: must not be empty"},
    {"{\"links\": [{\"target\": \"b\"}], " NODES2 "}", "t.json: links[0].source: missing"},
    {"{\"links\": [{\"source\": \"a\"}], " NODES2 "}", "t.json: links[0].target: missing"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"a\"}], " NODES2 "}",
     "t.json: links[0].target: same node as source 'a'"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\"}, {\"source\": \"a\", \"target\": \"b\"}], " NODES2 "}",
     "t.json: links[1]: duplicate link between 'a' and 'b'"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\"}, {\"source\": \"b\", \"target\": \"a\"}], " NODES2 "}",
     "t.json: links[1]: duplicate link between 'b' and 'a'"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"co_mentions\": -2}], " NODES2 "}",
     "t.json: links[0].co_mentions: expected a non-negative integer"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"speaks_with\": true}], " NODES2 "}",
     "t.json: links[0].speaks_with: expected a non-negative integer"},
    {"{\"links\": [5], " NODES2 "}", "t.json: links[0]: expected an object"},
    {"{\"links\": {}, " NODES2 "}", "t.json: links: expected an array"},
    {"{\"nodes\": {}}", "t.json: nodes: expected an array"},
    {"{\"links\": []}", "t.json: nodes: missing"},
    {"[]", "t.json: expected a JSON object at the top level"},
    {"{\"directed\": true, \"nodes\": []}", "t.json: directed: must be false"},
    {"{\"multigraph\": true, \"nodes\": []}", "t.json: multigraph: must be false"},
    {"{\"graph\": [], \"nodes\": []}", "t.json: graph: expected an object"},
    {"{\"graph\": {\"documents\": -1}, \"nodes\": []}",
     "t.json: graph.documents: expected a non-negative integer"},
    {"{\"graph\": {\"weights\": {\"co_mention\": -0.5}}, \"nodes\": []}",
     "t.json: graph.weights.co_mention: must be a finite number >= 0"},
    {"{\"graph\": {\"weights\": {\"speaks_with\": null}}, \"nodes\": []}",
     "t.json: graph.weights.speaks_with: must be a finite number >= 0"},
    {"{\"graph\": {\"approximation\": 1}, \"nodes\": []}",
     "t.json: graph.approximation: expected a string"},
    {"{\"nodes\": [{\"id\": \"a\", \"in_dictionary\": \"yes\"}]}",
     "t.json: nodes[0].in_dictionary: expected true or false"},
    {"{\"nodes\": [{\"id\": \"a\", \"kind\": \"party\"}]}",
     "t.json: nodes[0].kind: unknown kind 'party'"},
    {"{\"nodes\": [{\"id\": \"a\", \"country\": \"Germany\"}]}",
     "t.json: nodes[0].country: expected an ISO 3166 alpha-3 code"},
    {"{\"nodes\": [{\"id\": \"a\", \"label\": null}]}", "t.json: nodes[0].label: expected a string"},
    {"{\"nodes\": [{\"id\": \"a\", \"pagerank\": \"high\"}]}",
     "t.json: nodes[0].pagerank: must be a finite number"},
    {"{\"nodes\": [{\"id\": \"a\", \"degree\": -1}]}",
     "t.json: nodes[0].degree: expected a non-negative integer"},
    {"{\"nodes\": [{\"id\": \"a\", \"community\": 0.5}]}",
     "t.json: nodes[0].community: expected a non-negative integer"},
    {IT("\"mode\": \"fax\", \"status\": \"occurred\", " EV),
     "t.json: links[0].interactions[0].mode: unknown mode 'fax'"},
    {IT("\"mode\": \"phone\", \"status\": \"rumoured\", " EV),
     "t.json: links[0].interactions[0].status: unknown status 'rumoured'"},
    {IT("\"status\": \"occurred\", " EV), "t.json: links[0].interactions[0].mode: missing"},
    {IT("\"mode\": \"phone\", " EV), "t.json: links[0].interactions[0].status: missing"},
    {IT("\"type\": \"co_mention\", \"mode\": \"phone\", \"status\": \"occurred\", " EV),
     "t.json: links[0].interactions[0].type: unknown type 'co_mention'"},
    {IT("\"mode\": \"phone\", \"status\": \"occurred\", \"date\": \"2017-13-01\", " EV),
     "t.json: links[0].interactions[0].date: expected a date YYYY-MM-DD"},
    {IT("\"mode\": \"phone\", \"status\": \"occurred\", \"date\": \"2017-05-02T10:00\", " EV),
     "t.json: links[0].interactions[0].date: expected a date YYYY-MM-DD"},
    {IT("\"mode\": \"phone\", \"status\": \"occurred\", \"initiator\": \"z\", " EV),
     "t.json: links[0].interactions[0].initiator: unknown node 'z'"},
    {IT("\"mode\": \"phone\", \"status\": \"occurred\", \"doc\": \"d\", \"sentence\": 0, \"start\": 0, \"end\": 3"),
     "t.json: links[0].interactions[0].text: missing"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"doc\": \"d\", \"sentence\": -2,"
     " \"start\": 0, \"end\": 3, \"text\": \"t\"}]}], " NODES2 "}",
     "t.json: links[0].evidence[0].sentence: expected a non-negative integer"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{" EV "}, {\"doc\": \"d\","
     " \"sentence\": 1, \"start\": 9, \"end\": 3, \"text\": \"t\"}]}], " NODES2 "}",
     "t.json: links[0].evidence[1].end: 3 is before start 9"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": [{\"sentence\": 0,"
     " \"start\": 0, \"end\": 3, \"text\": \"t\"}]}], " NODES2 "}",
     "t.json: links[0].evidence[0].doc: missing"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"evidence\": {}}], " NODES2 "}",
     "t.json: links[0].evidence: expected an array"},
    /* weights the analysis cannot take: they made infinite figures */
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 1e16}], " NODES2 "}",
     "t.json: links[0].weight: 1e+16: must be 0 or from 1e-15 to 1e+15"},
    {"{\"links\": [{\"source\": \"a\", \"target\": \"b\", \"weight\": 1e-300}], " NODES2 "}",
     "t.json: links[0].weight: 1e-300: must be 0 or from 1e-15 to 1e+15"},
    {"{\"graph\": {\"weights\": {\"co_mention\": 1e308}}, \"nodes\": []}",
     "t.json: graph.weights.co_mention: must be 0 or from 1e-15 to 1e+10"},
    {"{\"graph\": {\"weights\": {\"co_mention\": 1e10}}, \"links\": [{\"source\": \"a\", "
     "\"target\": \"b\", \"co_mentions\": 1000000}], " NODES2 "}",
     "t.json: links[0].weight: from the counts, 1e+16: must be 0 or from 1e-15 to 1e+15"},
};

/* The bounds on weights themselves are allowed, and so is 0. */
static void test_read_weight_bounds(void **state)
{
    (void)state;
    pg_graph *g = read_ok("{\"graph\": {\"weights\": {\"co_mention\": 1e10, \"speaks_with\": 0}},"
                          " \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"},"
                          " {\"id\": \"d\"}], \"links\": ["
                          "{\"source\": \"a\", \"target\": \"b\", \"weight\": 1e15},"
                          "{\"source\": \"b\", \"target\": \"c\", \"weight\": 1e-15},"
                          "{\"source\": \"c\", \"target\": \"d\", \"weight\": 0}]}");
    assert_int_equal(g->n_links, 3);
    assert_float_equal(g->links[0].weight, 1e15, 0.0);
    assert_float_equal(g->links[1].weight, 1e-15, 0.0);
    assert_float_equal(g->links[2].weight, 0.0, 0.0);
    pg_graph_free(g);
}

static void test_schema_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof schema_cases / sizeof schema_cases[0]; i++)
        read_fails(schema_cases[i].text, schema_cases[i].want);
}

static void test_syntax_errors(void **state)
{
    (void)state;
    /* The stray comma is on line 3, column 13. */
    read_fails("{\n  \"nodes\": [],\n  \"links\": [,]\n}\n", "t.json:3:13: ");
    /* jansson has no NaN or Infinity literals. */
    read_fails("{\"nodes\": [{\"id\": \"a\", \"pagerank\": NaN}]}", "t.json:1:");
    read_fails("{\"nodes\": [{\"id\": \"a\", \"pagerank\": Infinity}]}", "t.json:1:");
    read_fails("{\"nodes\": [{\"id\": \"a\", \"pagerank\": 1e999}]}", "t.json:1:");
    read_fails("{\"nodes\": [],\n \"nodes\": []}", "t.json:2:");
    read_fails("{\"nodes\": [],\n \"nodes\": []}", "duplicate object key");
    read_fails("{\"nodes\": [{\"id\": \"caf\xe9\"}]}", "t.json:1:");
    read_fails("", "t.json:");
}

static void test_read_file_errors(void **state)
{
    (void)state;
    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_json_read_file("/nonexistent/graph.json", &g, &err), PG_EIO);
    assert_null(g);
    assert_non_null(strstr(err.msg, "/nonexistent/graph.json"));
    assert_int_equal(pg_json_read_file("/tmp", &g, &err), PG_EIO);
    assert_null(g);

    char path[] = "/tmp/pg_test_json_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char bad[] = "{\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}\n";
    assert_int_equal(write(fd, bad, sizeof bad - 1), (ssize_t)(sizeof bad - 1));
    close(fd);
    assert_int_equal(pg_json_read_file(path, &g, &err), PG_EINPUT);
    assert_null(g);
    char want[64];
    snprintf(want, sizeof want, "%s:3:", path);
    if (!strstr(err.msg, want))
        fail_msg("message '%s' lacks '%s'", err.msg, want);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_tiny),
        cmocka_unit_test(test_tiny_reads_back),
        cmocka_unit_test(test_round_trip_analysed),
        cmocka_unit_test(test_round_trip_file),
        cmocka_unit_test(test_write_numbers),
        cmocka_unit_test(test_write_reals_as_jansson),
        cmocka_unit_test(test_write_strings_as_jansson),
        cmocka_unit_test(test_write_infinity_fails),
        cmocka_unit_test(test_write_invalid_utf8),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_read_normalises),
        cmocka_unit_test(test_read_bounds_evidence),
        cmocka_unit_test(test_read_partial_figures),
        cmocka_unit_test(test_read_date_null),
        cmocka_unit_test(test_read_weight_bounds),
        cmocka_unit_test(test_schema_errors),
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_read_file_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
