#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_export.h"
#include "pg_style.h"

/* ------------------------------------------------------------------ fixtures */

typedef int (*exporter)(const pg_graph *g, char **out, size_t *len, pg_error *err);

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    assert_non_null(d);
    memcpy(d, s, n);
    return d;
}

static size_t add_node(pg_graph *g, const char *id, const char *label, const char *country,
                       int in_dictionary, long mentions)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, label, PG_KIND_PERSON, country, in_dictionary, &i, &err),
                     PG_OK);
    g->nodes[i].mentions = mentions;
    g->nodes[i].documents = 1;
    return i;
}

static pg_link *link_of(pg_graph *g, size_t a, size_t b, long co_mentions, long speaks_with)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_link(g, a, b, &i, &err), PG_OK);
    g->links[i].co_mentions = co_mentions;
    g->links[i].speaks_with = speaks_with;
    return &g->links[i];
}

static void add_evidence(pg_link *l, size_t sentence, const char *text)
{
    pg_evidence *v = realloc(l->evidence, (l->n_evidence + 1) * sizeof *v);
    assert_non_null(v);
    l->evidence = v;
    memset(&v[l->n_evidence], 0, sizeof *v);
    v[l->n_evidence].doc = dup("a1");
    v[l->n_evidence].sentence = sentence;
    v[l->n_evidence].text = dup(text);
    l->n_evidence++;
}

static void add_interaction(pg_link *l, pg_mode mode, pg_status status, pg_day date, size_t sentence,
                            const char *text)
{
    pg_interaction *v = realloc(l->interactions, (l->n_interactions + 1) * sizeof *v);
    assert_non_null(v);
    l->interactions = v;
    pg_interaction *it = &v[l->n_interactions++];
    memset(it, 0, sizeof *it);
    it->mode = mode;
    it->status = status;
    it->date = date;
    it->ev.doc = dup("a1");
    it->ev.sentence = sentence;
    it->ev.text = dup(text);
}

/* The figures of two nodes joined by one link of weight 5 (path length 1/5). */
static void set_pair_figures(pg_node *n)
{
    n->fig.degree = 1;
    n->fig.strength = 5.0;
    n->fig.betweenness = 0.0;
    n->fig.closeness = 5.0;
    n->fig.harmonic = 5.0;
    n->fig.eigenvector = 1.0;
    n->fig.pagerank = 0.5;
    n->fig.community = 0;
}

/*
 * Merkel (in the dictionary, DEU) -- Trump (discovered, no country): two
 * co-mentions and a phone call (weight 2 * 1 + 1 * 3 = 5), plus a meeting
 * the text denies (kept, not counted).
 */
static pg_graph *pair_graph_in_order(const char *label, const char *evidence, int analysed,
                                     int merkel_first)
{
    pg_graph *g;
    pg_error err;
    size_t trump = 0, merkel = 0;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    g->documents = 1;
    if (merkel_first)
        merkel = add_node(g, "angela-merkel", label, "DEU", 1, 3);
    trump = add_node(g, "donald-trump", "Donald Trump", NULL, 0, 2);
    if (!merkel_first)
        merkel = add_node(g, "angela-merkel", label, "DEU", 1, 3);
    pg_link *l = link_of(g, merkel_first ? merkel : trump, merkel_first ? trump : merkel, 2, 1);
    add_interaction(l, PG_MODE_PHONE, PG_STATUS_OCCURRED, pg_day_from_ymd(2017, 1, 28), 1,
                    "Merkel and Trump spoke by phone.");
    add_interaction(l, PG_MODE_MEETING, PG_STATUS_NEGATED, PG_DAY_NONE, 3, "They have not met.");
    add_evidence(l, 1, "Merkel and Trump spoke by phone.");
    add_evidence(l, 4, evidence);
    pg_graph_update_weights(g);
    assert_int_equal(pg_graph_sort(g, &err), PG_OK);
    if (analysed) {
        set_pair_figures(&g->nodes[0]);
        set_pair_figures(&g->nodes[1]);
        g->analysed = 1;
    }
    return g;
}

static pg_graph *pair_graph(const char *label, const char *evidence, int analysed)
{
    return pair_graph_in_order(label, evidence, analysed, 0);
}

static char *run(exporter f, const pg_graph *g)
{
    char *out = NULL;
    size_t len = 0;
    pg_error err;
    pg_error_clear(&err);
    int rc = f(g, &out, &len, &err);
    if (rc != PG_OK)
        fail_msg("export failed: %s", err.msg);
    assert_non_null(out);
    assert_int_equal(len, strlen(out));
    return out;
}

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("expected to find\n  %s\nin\n%s", part, text);
}

static void assert_lacks(const char *text, const char *part)
{
    if (strstr(text, part))
        fail_msg("did not expect to find\n  %s\nin\n%s", part, text);
}

#define EVIDENCE_2 "Trump thanked Merkel, \"warmly\"."

/* ------------------------------------------------------------------ exact outputs */

static void test_graphml_exact(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    char *out = run(pg_export_graphml, g);
    static const char want[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"g_generator\" for=\"graph\" attr.name=\"generator\" attr.type=\"string\"/>\n"
        "  <key id=\"g_documents\" for=\"graph\" attr.name=\"documents\" attr.type=\"long\"/>\n"
        "  <key id=\"g_co_mention_weight\" for=\"graph\" attr.name=\"co_mention_weight\" attr.type=\"double\"/>\n"
        "  <key id=\"g_speaks_with_weight\" for=\"graph\" attr.name=\"speaks_with_weight\" attr.type=\"double\"/>\n"
        "  <key id=\"n_label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"n_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"n_country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
        "  <key id=\"n_in_dictionary\" for=\"node\" attr.name=\"in_dictionary\" attr.type=\"boolean\"/>\n"
        "  <key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
        "  <key id=\"n_documents\" for=\"node\" attr.name=\"documents\" attr.type=\"long\"/>\n"
        "  <key id=\"n_degree\" for=\"node\" attr.name=\"degree\" attr.type=\"long\"/>\n"
        "  <key id=\"n_strength\" for=\"node\" attr.name=\"strength\" attr.type=\"double\"/>\n"
        "  <key id=\"n_betweenness\" for=\"node\" attr.name=\"betweenness\" attr.type=\"double\"/>\n"
        "  <key id=\"n_closeness\" for=\"node\" attr.name=\"closeness\" attr.type=\"double\"/>\n"
        "  <key id=\"n_harmonic\" for=\"node\" attr.name=\"harmonic\" attr.type=\"double\"/>\n"
        "  <key id=\"n_eigenvector\" for=\"node\" attr.name=\"eigenvector\" attr.type=\"double\"/>\n"
        "  <key id=\"n_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
        "  <key id=\"n_community\" for=\"node\" attr.name=\"community\" attr.type=\"long\"/>\n"
        "  <key id=\"e_weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        "  <key id=\"e_co_mentions\" for=\"edge\" attr.name=\"co_mentions\" attr.type=\"long\"/>\n"
        "  <key id=\"e_speaks_with\" for=\"edge\" attr.name=\"speaks_with\" attr.type=\"long\"/>\n"
        "  <key id=\"e_interactions\" for=\"edge\" attr.name=\"interactions\" attr.type=\"string\"/>\n"
        "  <key id=\"e_evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
        "  <graph id=\"G\" edgedefault=\"undirected\">\n"
        "    <data key=\"g_generator\">polgraph " PG_VERSION "</data>\n"
        "    <data key=\"g_documents\">1</data>\n"
        "    <data key=\"g_co_mention_weight\">1</data>\n"
        "    <data key=\"g_speaks_with_weight\">3</data>\n"
        "    <node id=\"angela-merkel\">\n"
        "      <data key=\"n_label\">Angela Merkel</data>\n"
        "      <data key=\"n_kind\">person</data>\n"
        "      <data key=\"n_country\">DEU</data>\n"
        "      <data key=\"n_in_dictionary\">true</data>\n"
        "      <data key=\"n_mentions\">3</data>\n"
        "      <data key=\"n_documents\">1</data>\n"
        "      <data key=\"n_degree\">1</data>\n"
        "      <data key=\"n_strength\">5</data>\n"
        "      <data key=\"n_betweenness\">0</data>\n"
        "      <data key=\"n_closeness\">5</data>\n"
        "      <data key=\"n_harmonic\">5</data>\n"
        "      <data key=\"n_eigenvector\">1</data>\n"
        "      <data key=\"n_pagerank\">0.5</data>\n"
        "      <data key=\"n_community\">0</data>\n"
        "    </node>\n"
        "    <node id=\"donald-trump\">\n"
        "      <data key=\"n_label\">Donald Trump</data>\n"
        "      <data key=\"n_kind\">person</data>\n"
        "      <data key=\"n_in_dictionary\">false</data>\n"
        "      <data key=\"n_mentions\">2</data>\n"
        "      <data key=\"n_documents\">1</data>\n"
        "      <data key=\"n_degree\">1</data>\n"
        "      <data key=\"n_strength\">5</data>\n"
        "      <data key=\"n_betweenness\">0</data>\n"
        "      <data key=\"n_closeness\">5</data>\n"
        "      <data key=\"n_harmonic\">5</data>\n"
        "      <data key=\"n_eigenvector\">1</data>\n"
        "      <data key=\"n_pagerank\">0.5</data>\n"
        "      <data key=\"n_community\">0</data>\n"
        "    </node>\n"
        "    <edge source=\"angela-merkel\" target=\"donald-trump\">\n"
        "      <data key=\"e_weight\">5</data>\n"
        "      <data key=\"e_co_mentions\">2</data>\n"
        "      <data key=\"e_speaks_with\">1</data>\n"
        "      <data key=\"e_interactions\">phone/occurred/2017-01-28; meeting/negated</data>\n"
        "      <data key=\"e_evidence\">Merkel and Trump spoke by phone. | "
        "Trump thanked Merkel, &quot;warmly&quot;.</data>\n"
        "    </edge>\n"
        "  </graph>\n"
        "</graphml>\n";
    assert_string_equal(out, want);
    free(out);
    pg_graph_free(g);
}

static void test_csv_exact(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    char *nodes = run(pg_export_csv_nodes, g);
    char *links = run(pg_export_csv_links, g);
    assert_string_equal(nodes,
                        "id,label,kind,country,in_dictionary,mentions,documents,degree,strength,"
                        "betweenness,closeness,harmonic,eigenvector,pagerank,community\r\n"
                        "angela-merkel,Angela Merkel,person,DEU,true,3,1,1,5,0,5,5,1,0.5,0\r\n"
                        "donald-trump,Donald Trump,person,,false,2,1,1,5,0,5,5,1,0.5,0\r\n");
    /* the denied meeting is neither counted nor dated; the evidence holds a comma and quotes */
    assert_string_equal(links,
                        "source,target,weight,co_mentions,speaks_with,phone,meeting,talks,"
                        "unspecified,first_date,last_date,evidence\r\n"
                        "angela-merkel,donald-trump,5,2,1,1,0,0,0,2017-01-28,2017-01-28,"
                        "\"Merkel and Trump spoke by phone. | Trump thanked Merkel, \"\"warmly\"\".\"\r\n");
    free(nodes);
    free(links);
    pg_graph_free(g);
}

static void test_unanalysed_has_no_figures(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 0);
    char *nodes = run(pg_export_csv_nodes, g);
    char *graphml = run(pg_export_graphml, g);
    char *gexf = run(pg_export_gexf, g);
    /* eight empty figure fields after 'documents' */
    assert_contains(nodes, "\r\nangela-merkel,Angela Merkel,person,DEU,true,3,1,,,,,,,,\r\n");
    assert_lacks(graphml, "pagerank");
    assert_lacks(graphml, "community");
    assert_contains(graphml, "<data key=\"n_mentions\">3</data>");
    assert_lacks(gexf, "pagerank");
    /* no communities: grey (#d9d9d9), every node the minimum size 0.6 inch */
    assert_contains(gexf, "<viz:color r=\"217\" g=\"217\" b=\"217\"/>");
    assert_contains(gexf, "<viz:size value=\"6\"/>");
    free(nodes);
    free(graphml);
    free(gexf);
    pg_graph_free(g);
}

static void test_gexf_styled(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    char *out = run(pg_export_gexf, g);
    assert_true(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf ", 44) == 0);
    assert_contains(out, "xmlns=\"http://www.gexf.net/1.2draft\"");
    assert_contains(out, "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"");
    assert_contains(out, "version=\"1.2\"");
    assert_contains(out, "<graph mode=\"static\" defaultedgetype=\"undirected\">");
    assert_contains(out, "<attributes class=\"node\" mode=\"static\">\n"
                         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n");
    assert_contains(out, "<attribute id=\"in_dictionary\" title=\"in_dictionary\" type=\"boolean\"/>");
    assert_contains(out, "<attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>");
    assert_contains(out, "<attributes class=\"edge\" mode=\"static\">\n"
                         "      <attribute id=\"co_mentions\" title=\"co_mentions\" type=\"long\"/>\n");
    /* label and weight are XML attributes of their own, not attvalues */
    assert_lacks(out, "for=\"label\"");
    assert_lacks(out, "for=\"weight\"");
    assert_contains(out, "<node id=\"angela-merkel\" label=\"Angela Merkel\">");
    assert_contains(out, "<attvalue for=\"in_dictionary\" value=\"true\"/>");
    assert_contains(out, "<attvalue for=\"country\" value=\"DEU\"/>");
    /* both pageranks are the largest: the maximum width 1.8 inch, times 10 */
    assert_contains(out, "<viz:size value=\"18\"/>");
    /* community 0 is Okabe-Ito orange #E69F00 */
    assert_contains(out, "<viz:color r=\"230\" g=\"159\" b=\"0\"/>");
    assert_contains(out, "<viz:shape value=\"disc\"/>");
    assert_contains(out, "<edge id=\"0\" source=\"angela-merkel\" target=\"donald-trump\" weight=\"5\">");
    assert_contains(out, "<attvalue for=\"interactions\" value=\"phone/occurred/2017-01-28; meeting/negated\"/>");
    /* speaks-with: #333333 at alpha 0xd9 = 217/255; the heaviest link has the widest pen */
    assert_contains(out, "<viz:color r=\"51\" g=\"51\" b=\"51\" a=\"0.8509803922\"/>");
    assert_contains(out, "<viz:thickness value=\"8\"/>");
    assert_contains(out, "</edges>\n  </graph>\n</gexf>\n");
    free(out);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ escaping */

static void test_xml_escapes_markup(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("<script>&\"'\nx\x01y\xff", "=cmd|' /C calc'!A0\nsecond line, \"quoted\"", 1);
    char *graphml = run(pg_export_graphml, g);
    char *gexf = run(pg_export_gexf, g);
    /* markup as entities, line break and control as spaces, a stray byte as U+FFFD */
    assert_contains(graphml, "<data key=\"n_label\">&lt;script&gt;&amp;&quot;&apos; x y\xEF\xBF\xBD</data>");
    assert_contains(gexf, "label=\"&lt;script&gt;&amp;&quot;&apos; x y\xEF\xBF\xBD\"");
    assert_contains(graphml, " | =cmd|&apos; /C calc&apos;!A0 second line, &quot;quoted&quot;</data>");
    assert_contains(gexf, " | =cmd|&apos; /C calc&apos;!A0 second line, &quot;quoted&quot;\"/>");
    const char *outs[] = {graphml, gexf};
    for (size_t k = 0; k < 2; k++) {
        assert_lacks(outs[k], "<script");
        assert_lacks(outs[k], "\x01");
        assert_lacks(outs[k], "\xff");
    }
    free(graphml);
    free(gexf);
    pg_graph_free(g);
}

static void test_csv_defuses_formulas(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("@SUM(1+1)", "=cmd|' /C calc'!A0\nsecond line, \"quoted\"", 1);
    /* the first evidence sentence is the formula, so the whole field starts with it */
    free(g->links[0].evidence[0].text);
    g->links[0].evidence[0].text = dup("=cmd|' /C calc'!A0");
    free(g->links[0].evidence[1].text);
    g->links[0].evidence[1].text = dup("line\r\ntwo, \"quoted\"");
    free(g->nodes[1].label);
    g->nodes[1].label = dup("-2+3");
    char *nodes = run(pg_export_csv_nodes, g);
    char *links = run(pg_export_csv_links, g);
    assert_contains(nodes, "\r\nangela-merkel,'@SUM(1+1),person,");
    assert_contains(nodes, "\r\ndonald-trump,'-2+3,person,");
    /* quoted for the comma and quotes; CR LF inside a field become spaces */
    assert_contains(links, ",\"'=cmd|' /C calc'!A0 | line  two, \"\"quoted\"\"\"\r\n");
    /* numbers are never defused: a negative community stays a number */
    g->nodes[0].fig.community = -1;
    free(nodes);
    nodes = run(pg_export_csv_nodes, g);
    assert_contains(nodes, ",0.5,-1\r\n");
    /* every record is one line: the header and one link, no other line break */
    size_t crlf = 0, lf = 0;
    for (const char *p = links; *p; p++) {
        lf += *p == '\n';
        crlf += p[0] == '\r' && p[1] == '\n';
    }
    assert_int_equal(crlf, 2);
    assert_int_equal(lf, 2);
    free(nodes);
    free(links);
    pg_graph_free(g);
}

static void test_xml_rejects_bad_ids(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    free(g->nodes[1].id);
    g->nodes[1].id = dup("donald\x02trump");
    char *out = (char *)1;
    size_t len = 7;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_export_graphml(g, &out, &len, &err), PG_EINPUT);
    assert_null(out);
    assert_contains(err.msg, "nodes[1].id");
    pg_error_clear(&err);
    assert_int_equal(pg_export_gexf(g, &out, &len, &err), PG_EINPUT);
    assert_null(out);
    /* CSV has no ids to keep: the control character becomes a space */
    char *csv = run(pg_export_csv_nodes, g);
    assert_contains(csv, "\r\ndonald trump,Donald Trump,");
    free(csv);
    pg_graph_free(g);
}

static void test_evidence_summary_bounds(void **state)
{
    (void)state;
    char long_ascii[251], long_utf8[241];
    memset(long_ascii, 'a', 250);
    long_ascii[250] = '\0';
    for (size_t i = 0; i < 240; i += 2) {
        long_utf8[i] = '\xC3'; /* U+00E9 */
        long_utf8[i + 1] = '\xA9';
    }
    long_utf8[240] = '\0';
    pg_graph *g = pair_graph("Angela Merkel", long_ascii, 1);
    pg_link *l = &g->links[0];
    add_evidence(l, 5, long_utf8);
    add_evidence(l, 6, "The fourth sentence is left out.");
    char *out = run(pg_export_csv_links, g);

    /* 250 bytes: 197 and an ellipsis (3 bytes) */
    char want[1024];
    int n = snprintf(want, sizeof want, "Merkel and Trump spoke by phone. | %.197s\xE2\x80\xA6 | ", long_ascii);
    assert_true(n > 0 && (size_t)n < sizeof want);
    /* 240 bytes of two-byte characters: byte 197 is inside one, so 196 bytes (98 characters) */
    snprintf(want + n, sizeof want - (size_t)n, "%.196s\xE2\x80\xA6\r\n", long_utf8);
    assert_contains(out, want);
    assert_lacks(out, "fourth");
    free(out);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ numbers and order */

static void test_numbers_are_canonical(void **state)
{
    (void)state;
    pg_graph *g = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    g->nodes[0].fig.closeness = NAN;
    g->nodes[0].fig.eigenvector = -0.0;
    g->nodes[0].fig.pagerank = 1.0 / 3.0;
    g->nodes[0].fig.harmonic = 1e-7;
    char *out = run(pg_export_csv_nodes, g);
    /* degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,community */
    assert_contains(out, ",true,3,1,1,5,0,0,1e-07,0,0.3333333333,0\r\n");
    free(out);
    pg_graph_free(g);
}

static void test_deterministic(void **state)
{
    (void)state;
    static const exporter all[] = {pg_export_graphml, pg_export_gexf, pg_export_csv_nodes,
                                   pg_export_csv_links};
    pg_graph *a = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    pg_graph *b = pair_graph("Angela Merkel", EVIDENCE_2, 1);
    /* the same graph built in the other order, then sorted */
    pg_graph *c = pair_graph_in_order("Angela Merkel", EVIDENCE_2, 1, 1);
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        char *x = run(all[k], a), *y = run(all[k], a), *z = run(all[k], b), *w = run(all[k], c);
        assert_string_equal(x, y);
        assert_string_equal(x, z);
        assert_string_equal(x, w);
        free(x);
        free(y);
        free(z);
        free(w);
    }
    pg_graph_free(a);
    pg_graph_free(b);
    pg_graph_free(c);
}

static void test_empty_graph(void **state)
{
    (void)state;
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    char *nodes = run(pg_export_csv_nodes, g);
    char *links = run(pg_export_csv_links, g);
    char *graphml = run(pg_export_graphml, g);
    char *gexf = run(pg_export_gexf, g);
    assert_string_equal(links, "source,target,weight,co_mentions,speaks_with,phone,meeting,talks,"
                               "unspecified,first_date,last_date,evidence\r\n");
    assert_non_null(strstr(nodes, "\r\n"));
    assert_null(strstr(strstr(nodes, "\r\n") + 2, "\r\n"));
    assert_contains(graphml, "<graph id=\"G\" edgedefault=\"undirected\">");
    assert_lacks(graphml, "<node ");
    assert_contains(gexf, "<nodes>\n    </nodes>\n    <edges>\n    </edges>\n");
    free(nodes);
    free(links);
    free(graphml);
    free(gexf);
    pg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graphml_exact),
        cmocka_unit_test(test_csv_exact),
        cmocka_unit_test(test_unanalysed_has_no_figures),
        cmocka_unit_test(test_gexf_styled),
        cmocka_unit_test(test_xml_escapes_markup),
        cmocka_unit_test(test_csv_defuses_formulas),
        cmocka_unit_test(test_xml_rejects_bad_ids),
        cmocka_unit_test(test_evidence_summary_bounds),
        cmocka_unit_test(test_numbers_are_canonical),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
