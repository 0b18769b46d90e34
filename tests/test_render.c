#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_render.h"
#include "pg_style.h"

/* ------------------------------------------------------------------ fixtures */

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    assert_non_null(d);
    memcpy(d, s, n);
    return d;
}

static size_t add_node(pg_graph *g, const char *id, const char *label, pg_kind kind, const char *country)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, label, kind, country, 1, &i, &err), PG_OK);
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

static void add_evidence(pg_link *l, const char *doc, size_t sentence, const char *text)
{
    pg_evidence *v = realloc(l->evidence, (l->n_evidence + 1) * sizeof *v);
    assert_non_null(v);
    l->evidence = v;
    memset(&v[l->n_evidence], 0, sizeof *v);
    v[l->n_evidence].doc = dup(doc);
    v[l->n_evidence].sentence = sentence;
    v[l->n_evidence].text = dup(text);
    l->n_evidence++;
}

static void add_interaction(pg_link *l, pg_mode mode, pg_status status, pg_day date, const char *doc,
                            size_t sentence, const char *text)
{
    pg_interaction *v = realloc(l->interactions, (l->n_interactions + 1) * sizeof *v);
    assert_non_null(v);
    l->interactions = v;
    pg_interaction *it = &v[l->n_interactions++];
    memset(it, 0, sizeof *it);
    it->mode = mode;
    it->status = status;
    it->date = date;
    it->ev.doc = dup(doc);
    it->ev.sentence = sentence;
    it->ev.text = dup(text);
}

static void set_figures(pg_graph *g, const char *id, double pagerank, long community, long mentions,
                        long documents)
{
    long i = pg_graph_find_node(g, id);
    assert_true(i >= 0);
    pg_node *n = &g->nodes[i];
    n->fig.pagerank = pagerank;
    n->fig.betweenness = pagerank / 2.0;
    n->fig.closeness = 0.5;
    n->fig.harmonic = 2.5;
    n->fig.eigenvector = pagerank * 2.0;
    n->fig.community = community;
    n->mentions = mentions;
    n->documents = documents;
}

/*
 * Merkel -- Putin: 5 co-mentions and a phone call (weight 5 + 3 = 8, the
 * heaviest); Kremlin -- Putin: 2 co-mentions (weight 2); Merkel -- Germany
 * and Germany -- NATO: one co-mention each.
 */
static pg_graph *small_graph(const char *merkel_label, const char *evidence_text)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    size_t putin = add_node(g, "vladimir-putin", "Vladimir Putin", PG_KIND_PERSON, "RUS");
    size_t merkel = add_node(g, "angela-merkel", merkel_label, PG_KIND_PERSON, "DEU");
    size_t kremlin = add_node(g, "kremlin", "Kremlin", PG_KIND_ORGANIZATION, "RUS");
    size_t germany = add_node(g, "germany", "Germany", PG_KIND_COUNTRY, "DEU");
    size_t nato = add_node(g, "nato", "NATO", PG_KIND_ORGANIZATION, "");

    pg_link *l = link_of(g, merkel, putin, 5, 1);
    add_interaction(l, PG_MODE_PHONE, PG_STATUS_OCCURRED, pg_day_from_ymd(2017, 5, 2), "a1", 3,
                    "Merkel spoke with Putin by phone on Tuesday.");
    add_evidence(l, "a1", 3, "Merkel spoke with Putin by phone on Tuesday.");
    add_evidence(l, "a1", 7, evidence_text);
    link_of(g, kremlin, putin, 2, 0);
    link_of(g, merkel, germany, 1, 0);
    link_of(g, germany, nato, 1, 0);
    pg_graph_update_weights(g);
    assert_int_equal(pg_graph_sort(g, &err), PG_OK);

    set_figures(g, "angela-merkel", 0.40, 0, 12, 3);
    set_figures(g, "vladimir-putin", 0.30, 1, 9, 3);
    set_figures(g, "kremlin", 0.10, 1, 4, 2);
    set_figures(g, "germany", 0.10, 0, 3, 2);
    set_figures(g, "nato", 0.10, 2, 2, 1);
    g->analysed = 1;
    return g;
}

static unsigned long lcg(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return (*state >> 33) & 0x7FFFFFFFUL;
}

/* n nodes on a ring plus 'chords' links chosen by a seeded generator. */
static pg_graph *random_graph(size_t n, size_t chords, unsigned long seed)
{
    static const char *const first[] = {"Anna",  "Boris", "Clara", "Dmitri",
                                        "Elena", "Farid", "Greta", "Hiro"};
    static const char *const last[] = {"Schmidt", "Ivanov", "Okafor",   "Nakamura",
                                       "Rossi",   "Haddad", "Lindqvist"};
    pg_graph *g;
    pg_error err;
    unsigned long st = seed;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32], label[64];
        snprintf(id, sizeof id, "actor-%03zu", i);
        snprintf(label, sizeof label, "%s %s", first[lcg(&st) % 8], last[lcg(&st) % 7]);
        add_node(g, id, label,
                 (pg_kind)(i % 5 == 0   ? PG_KIND_ORGANIZATION
                           : i % 7 == 0 ? PG_KIND_COUNTRY
                                        : PG_KIND_PERSON),
                 "DEU");
    }
    for (size_t i = 0; i < n && n > 1; i++) {
        link_of(g, i, (i + 1) % n, (long)(1 + lcg(&st) % 5), (long)(lcg(&st) % 3 == 0));
    }
    for (size_t k = 0; k < chords; k++) {
        size_t a = lcg(&st) % n, b = lcg(&st) % n;
        if (a != b) {
            link_of(g, a, b, (long)(1 + lcg(&st) % 9), 0);
        }
    }
    pg_graph_update_weights(g);
    assert_int_equal(pg_graph_sort(g, &err), PG_OK);
    for (size_t i = 0; i < n; i++) {
        g->nodes[i].fig.pagerank = (double)(1 + lcg(&st) % 100) / (100.0 * (double)n);
        g->nodes[i].fig.community = (long)(i * 7 / n);
        g->nodes[i].mentions = (long)(1 + i % 9);
        g->nodes[i].documents = 1;
    }
    g->analysed = 1;
    return g;
}

static char *render(const pg_graph *g, pg_format fmt, const pg_render_options *opt, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    pg_error err = {0};
    int rc = pg_render(g, fmt, opt, &out, &n, &err);
    if (rc != PG_OK) {
        fail_msg("pg_render: %s", err.msg);
    }
    assert_non_null(out);
    assert_int_equal(strlen(out), n); /* NUL-terminated, no NUL inside for text formats */
    if (len) {
        *len = n;
    }
    return out;
}

/* agwrite breaks long strings with a backslash-newline continuation */
static void unwrap(char *dot)
{
    char *w = dot;
    for (const char *r = dot; *r; r++) {
        if (r[0] == '\\' && r[1] == '\n') {
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

static char *render_dot(const pg_graph *g, const pg_render_options *opt)
{
    char *dot = render(g, PG_FMT_DOT, opt, NULL);
    unwrap(dot);
    return dot;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

/*
 * The attribute list "[...]" of the DOT statement that starts with 'head'
 * (a node name, or "a -- b"), quoted strings skipped as a whole.
 */
static char *dot_attrs(const char *dot, const char *head)
{
    char pattern[128];
    snprintf(pattern, sizeof pattern, "\t%s\t[", head);
    const char *p = strstr(dot, pattern);
    if (p == NULL) {
        fail_msg("no DOT statement '%s'", head);
    }
    p += strlen(pattern) - 1;
    const char *q = p + 1;
    while (*q && *q != ']') {
        if (*q == '"') {
            for (q++; *q && *q != '"'; q++) {
                if (*q == '\\' && q[1]) {
                    q++;
                }
            }
        }
        if (*q) {
            q++;
        }
    }
    assert_int_equal(*q, ']');
    size_t n = (size_t)(q - p) + 1;
    char *s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

/* Numeric attribute value in an attribute list; NAN when absent. */
static double dot_number(const char *attrs, const char *name)
{
    char pattern[64];
    snprintf(pattern, sizeof pattern, "%s=", name);
    const char *p = attrs;
    while ((p = strstr(p, pattern)) != NULL) {
        if (p == attrs || p[-1] == '[' || p[-1] == ' ' || p[-1] == '\t' || p[-1] == ',') {
            p += strlen(pattern);
            return strtod(*p == '"' ? p + 1 : p, NULL);
        }
        p++;
    }
    return NAN;
}

/* ------------------------------------------------------------------ tests */

static void test_format_from_path(void **state)
{
    (void)state;
    pg_format f = PG_FMT_PDF;
    assert_int_equal(pg_format_from_path("out/graph.svg", &f), 0);
    assert_int_equal(f, PG_FMT_SVG);
    assert_int_equal(pg_format_from_path("GRAPH.SVG", &f), 0);
    assert_int_equal(f, PG_FMT_SVG);
    assert_int_equal(pg_format_from_path("a.gv", &f), 0);
    assert_int_equal(f, PG_FMT_DOT);
    assert_int_equal(pg_format_from_path("a.b.Dot", &f), 0);
    assert_int_equal(f, PG_FMT_DOT);
    assert_int_equal(pg_format_from_path("x.PNG", &f), 0);
    assert_int_equal(f, PG_FMT_PNG);
    assert_int_equal(pg_format_from_path("x.pdf", &f), 0);
    assert_int_equal(f, PG_FMT_PDF);
    assert_int_equal(pg_format_from_path("x.json", &f), -1);
    assert_int_equal(pg_format_from_path("svg", &f), -1);
    assert_int_equal(pg_format_from_path("dir.svg/graph", &f), -1);
    assert_int_equal(pg_format_from_path("x.svgz", &f), -1);
}

static void test_dot_attributes(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Angela Merkel", "NATO and Germany were mentioned.");
    char *dot = render_dot(g, NULL);

    assert_true(strncmp(dot, "graph actors {", 14) == 0);
    assert_non_null(strstr(dot, "layout=neato")); /* 5 nodes: neato */
    assert_non_null(strstr(dot, "start=1"));
    assert_non_null(strstr(dot, "overlap=prism"));
    assert_non_null(strstr(dot, "outputorder=edgesfirst"));
    assert_null(strstr(dot, "pos=")); /* no layout in DOT */

    /* shape by kind */
    char *merkel = dot_attrs(dot, "\"angela-merkel\"");
    char *kremlin = dot_attrs(dot, "kremlin");
    char *germany = dot_attrs(dot, "germany");
    char *nato = dot_attrs(dot, "nato");
    assert_non_null(strstr(merkel, "shape=ellipse"));
    assert_non_null(strstr(kremlin, "shape=box"));
    assert_non_null(strstr(nato, "shape=box"));
    assert_non_null(strstr(germany, "shape=hexagon"));
    assert_non_null(strstr(merkel, "id=\"actor-angela-merkel\""));
    assert_non_null(strstr(merkel, "label=\"Angela Merkel\""));
    /* area by pagerank: 0.4 is the largest (1.8in); 0.1 is a quarter of the area range */
    assert_float_equal(dot_number(merkel, "width"), 1.80, 1e-9);
    assert_float_equal(dot_number(kremlin, "width"), 1.04, 1e-9); /* sqrt(0.36 + 2.88/4) */
    /* colour by community: 0 orange, 1 sky blue (Okabe-Ito); blue on orange would not read */
    assert_non_null(strstr(merkel, "fillcolor=\"#e69f00\""));
    assert_non_null(strstr(kremlin, "fillcolor=\"#56b4e9\""));
    assert_non_null(strstr(merkel, "tooltip=\"Angela Merkel (person, DEU)\\nmentions 12, documents 3\\n"
                                   "pagerank 0.400, betweenness 0.200,"));
    assert_non_null(strstr(nato, "tooltip=\"NATO (organization)\\n"));

    /* links: solid for speaks-with, dashed for co-mentions only, width by sqrt(weight) */
    char *mp = dot_attrs(dot, "\"angela-merkel\" -- \"vladimir-putin\"");
    char *kp = dot_attrs(dot, "kremlin -- \"vladimir-putin\"");
    char *mg = dot_attrs(dot, "\"angela-merkel\" -- germany");
    char *gn = dot_attrs(dot, "germany -- nato");
    assert_non_null(strstr(mp, "style=solid"));
    assert_non_null(strstr(kp, "style=dashed"));
    assert_non_null(strstr(mg, "style=dashed"));
    assert_non_null(strstr(gn, "style=dashed"));
    assert_float_equal(dot_number(mp, "penwidth"), 8.0, 1e-9);
    assert_float_equal(dot_number(kp, "penwidth"), 4.5, 1e-9); /* 1 + 7 * sqrt(2/8) */
    /* len: the mean radii of the two nodes, plus a gap from 0.3in (heaviest) to 1.5in */
    double r_merkel = (dot_number(merkel, "width") + dot_number(merkel, "height")) / 4.0;
    double r_kremlin = (dot_number(kremlin, "width") + dot_number(kremlin, "height")) / 4.0;
    double r_germany = (dot_number(germany, "width") + dot_number(germany, "height")) / 4.0;
    double r_nato = (dot_number(nato, "width") + dot_number(nato, "height")) / 4.0;
    char *putin = dot_attrs(dot, "\"vladimir-putin\"");
    double r_putin = (dot_number(putin, "width") + dot_number(putin, "height")) / 4.0;
    free(putin);
    assert_float_equal(dot_number(mp, "len") - r_merkel - r_putin, 0.3, 0.01);
    assert_float_equal(dot_number(kp, "len") - r_kremlin - r_putin, 0.3 + 1.2 * (1.0 - sqrt(2.0 / 8.0)),
                       0.01);
    assert_float_equal(dot_number(gn, "len") - r_germany - r_nato, 0.3 + 1.2 * (1.0 - sqrt(1.0 / 8.0)),
                       0.01);
    assert_non_null(strstr(mp, "id=\"link-angela-merkel--vladimir-putin\""));
    assert_non_null(strstr(mp,
                           "tooltip=\"Angela Merkel -- Vladimir Putin\\nweight 8: co-mentions 5, "
                           "speaks-with 1\\n- [phone, occurred, 2017-05-02] Merkel spoke with Putin"));
    /* the call's sentence is quoted once, then the other evidence */
    assert_int_equal(count(mp, "Merkel spoke with Putin"), 1);
    assert_non_null(strstr(mp, "\\n- NATO and Germany were mentioned.\""));

    /*
     * canonical order: agwrite writes each node, in id order, before its
     * links (writing a link's other node first when it comes later)
     */
    const char *pm = strstr(dot, "\t\"angela-merkel\"\t["), *pg = strstr(dot, "\tgermany\t["),
               *pmg = strstr(dot, "\t\"angela-merkel\" -- germany\t["),
               *pmv = strstr(dot, "\t\"angela-merkel\" -- \"vladimir-putin\"\t["),
               *pgn = strstr(dot, "\tgermany -- nato\t["),
               *pkv = strstr(dot, "\tkremlin -- \"vladimir-putin\"\t[");
    assert_true(pm && pg && pmg && pmv && pgn && pkv);
    assert_true(pm < pg && pg < pmg && pmg < pmv && pmv < pgn && pgn < pkv);

    free(merkel);
    free(kremlin);
    free(germany);
    free(nato);
    free(mp);
    free(kp);
    free(mg);
    free(gn);
    free(dot);
    pg_graph_free(g);
}

static void test_svg_structure(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Angela Merkel", "NATO and Germany were mentioned.");
    pg_render_options opt;
    pg_render_options_init(&opt);
    opt.title = "Calls & talks <2017>";
    size_t n;
    char *svg = render(g, PG_FMT_SVG, &opt, &n);

    assert_true(strncmp(svg, "<?xml", 5) == 0);
    assert_true(n > 7 && strcmp(svg + n - 7, "</svg>\n") == 0);
    assert_null(strstr(svg, "graphviz version"));
    assert_non_null(strstr(svg, "<!-- Generated by polgraph " PG_VERSION " -->\n"));
    assert_int_equal(count(svg, "<g id=\"actor&#45;"), 5);
    assert_int_equal(count(svg, "<g id=\"actor&#45;angela&#45;merkel\" class=\"node"), 1);
    assert_int_equal(count(svg, "<g id=\"actor&#45;kremlin\" class=\"node"), 1);
    assert_int_equal(count(svg, "<g id=\"actor&#45;nato\" class=\"node"), 1);
    assert_int_equal(count(svg, "class=\"edge"), 4);
    assert_int_equal(count(svg, "<g id=\"link&#45;"), 4);
    assert_non_null(
        strstr(svg, "xlink:title=\"Angela Merkel (person, DEU)&#10;mentions 12, documents 3&#10;"));
    assert_non_null(strstr(svg, "stroke-dasharray"));
    /* title and legend */
    assert_non_null(strstr(svg, ">Calls &amp; talks &lt;2017&gt;</text>"));
    assert_non_null(strstr(svg, "node size: pagerank"));
    assert_non_null(strstr(svg, "dashed: co&#45;mentioned only"));
    /* Arial: measured with graphviz's Arial metrics, and drawn with it or a metric twin */
    assert_non_null(strstr(svg, "font-family=\"Arial\""));
    assert_null(strstr(svg, "font-family=\"Times"));
    free(svg);
    pg_graph_free(g);
}

static void test_deterministic(void **state)
{
    (void)state;
    pg_graph *g = random_graph(40, 30, 7);
    size_t n1, n2, n3, n4;
    char *a = render(g, PG_FMT_SVG, NULL, &n1);
    char *b = render(g, PG_FMT_SVG, NULL, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    char *d1 = render(g, PG_FMT_DOT, NULL, &n3);
    char *d2 = render(g, PG_FMT_DOT, NULL, &n4);
    assert_int_equal(n3, n4);
    assert_memory_equal(d1, d2, n3);

    /* another seed moves the nodes; the DOT differs only in "start" */
    pg_render_options opt;
    pg_render_options_init(&opt);
    opt.seed = 2;
    char *c = render(g, PG_FMT_SVG, &opt, &n3);
    assert_true(n3 != n1 || memcmp(a, c, n1) != 0);
    free(a);
    free(b);
    free(c);
    free(d1);
    free(d2);
    pg_graph_free(g);
}

/* Every '&' starts an entity and no text or attribute holds a raw tag. */
static void assert_xml_escaped(const char *svg)
{
    for (const char *p = strchr(svg, '&'); p; p = strchr(p + 1, '&')) {
        size_t k = 1;
        if (p[1] == '#') {
            k = 2 + strspn(p + 2, "0123456789x");
        } else {
            k = 1 + strspn(p + 1, "abcdefghijklmnopqrstuvwxyz");
        }
        if (k < 2 || p[k] != ';') {
            fail_msg("unescaped '&' at: %.40s", p);
        }
    }
    for (const unsigned char *p = (const unsigned char *)svg; *p; p++) {
        if (*p < 0x20 && *p != '\n' && *p != '\t' && *p != '\r') {
            fail_msg("control character %u in SVG", *p);
        }
    }
}

static void test_injection(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Merkel<script>alert(\"x\")</script>&'\\N",
                              "Text <script>&\"' with &amp; and \\N\x01 and a tab\there.");
    size_t n;
    char *svg = render(g, PG_FMT_SVG, NULL, &n);
    assert_null(strstr(svg, "<script"));
    assert_null(strstr(svg, "<SCRIPT"));
    assert_xml_escaped(svg);
    /* the label is shown as written: escaped, "\N" not replaced by the node name */
    assert_non_null(
        strstr(svg, ">Merkel&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\\N</text>"));
    /*
     * in tooltips "&amp;" stays literal text, white space is one space, and
     * the backslash, which graphviz cannot keep there, is U+FF3C
     */
    assert_non_null(strstr(
        svg, "Text &lt;script&gt;&amp;&quot;&#39; with &amp;amp; and \xEF\xBC\xBCN and a tab here."));
    assert_non_null(strstr(svg, "xlink:title=\"Merkel&lt;script&gt;alert(&quot;x&quot;)&lt;/"
                                "script&gt;&amp;&#39;\xEF\xBC\xBCN (person"));

    char *dot = render_dot(g, NULL);
    assert_non_null(strstr(dot, "label=\"Merkel<script>alert(\\\"x\\\")</script>&'\\\\N\""));
    free(dot);
    free(svg);
    pg_graph_free(g);
}

static void test_tooltip_truncation(void **state)
{
    (void)state;
    char long_text[601];
    /* 300 two-byte characters: the cut must not split one */
    for (size_t i = 0; i < 300; i++) {
        memcpy(long_text + 2 * i, "\xC3\xA9", 2);
    }
    long_text[600] = '\0';
    pg_sbuf b = {0};
    pg_style_put_text(&b, long_text, PG_STYLE_TEXT_MAX);
    assert_false(b.failed);
    assert_true(b.len <= PG_STYLE_TEXT_MAX);
    assert_int_equal(b.len, 196 + 3); /* 197 would split a character */
    assert_memory_equal(b.data + b.len - 3, "\xE2\x80\xA6", 3);
    assert_memory_equal(b.data, long_text, 196);
    pg_sbuf_release(&b);

    /* short text kept; invalid UTF-8 repaired; one space; the backslash as U+FF3C */
    pg_style_put_text(&b, "a\\ b \xFF\n\t c &amp; &x", PG_STYLE_TEXT_MAX);
    assert_string_equal(b.data, "a\xEF\xBC\xBC b \xEF\xBF\xBD c &amp;amp; &x");
    pg_sbuf_release(&b);
    /* in labels the backslash is doubled */
    pg_style_put_label(&b, "a\\N");
    assert_string_equal(b.data, "a\\\\N");
    pg_sbuf_release(&b);

    pg_graph *g = small_graph("Angela Merkel", long_text);
    char *dot = render_dot(g, NULL);
    char *mp = dot_attrs(dot, "\"angela-merkel\" -- \"vladimir-putin\"");
    char expected[256];
    snprintf(expected, sizeof expected, "\\n- %.196s\xE2\x80\xA6\"", long_text);
    assert_non_null(strstr(mp, expected));
    free(mp);
    free(dot);
    pg_graph_free(g);
}

static void test_unanalysed_and_size_by(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Angela Merkel", "x");
    g->analysed = 0;
    char *dot = render_dot(g, NULL);
    char *merkel = dot_attrs(dot, "\"angela-merkel\"");
    char *nato = dot_attrs(dot, "nato");
    assert_float_equal(dot_number(merkel, "width"), 0.60, 1e-9);
    assert_float_equal(dot_number(nato, "width"), 0.60, 1e-9);
    assert_non_null(strstr(merkel, "fillcolor=\"#d9d9d9\""));
    assert_null(strstr(merkel, "pagerank"));
    free(merkel);
    free(nato);
    free(dot);

    /* mentions need no analysis: 12 (Merkel) is the largest, 2 (NATO) a sixth */
    pg_render_options opt;
    pg_render_options_init(&opt);
    opt.size_by = "mentions";
    dot = render_dot(g, &opt);
    merkel = dot_attrs(dot, "\"angela-merkel\"");
    nato = dot_attrs(dot, "nato");
    assert_float_equal(dot_number(merkel, "width"), 1.80, 1e-9);
    assert_float_equal(dot_number(nato, "width"), 0.92, 1e-9); /* sqrt(0.36 + 2.88/6) */
    free(merkel);
    free(nato);
    free(dot);
    pg_graph_free(g);
}

static void test_errors(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Angela Merkel", "x");
    pg_render_options opt;
    pg_error err = {0};
    char *out = (char *)1;
    size_t n = 1;
    pg_render_options_init(&opt);
    opt.engine = "random";
    assert_int_equal(pg_render(g, PG_FMT_SVG, &opt, &out, &n, &err), PG_EUSAGE);
    assert_null(out);
    assert_non_null(strstr(err.msg, "random"));
    pg_render_options_init(&opt);
    opt.size_by = "fame";
    assert_int_equal(pg_render(g, PG_FMT_SVG, &opt, &out, &n, &err), PG_EUSAGE);
    assert_non_null(strstr(err.msg, "fame"));
    assert_int_equal(pg_render(g, (pg_format)99, NULL, &out, &n, &err), PG_EUSAGE);
    pg_graph_free(g);
}

static void test_png_pdf(void **state)
{
    (void)state;
    pg_graph *g = small_graph("Angela Merkel", "x");
    char *before = render(g, PG_FMT_SVG, NULL, NULL);
    char *out = NULL;
    size_t n = 0;
    pg_error err = {0};
    assert_int_equal(pg_render(g, PG_FMT_PNG, NULL, &out, &n, &err), PG_OK);
    assert_true(n > 8 && memcmp(out, "\x89PNG\r\n\x1a\n", 8) == 0);
    free(out);
    assert_int_equal(pg_render(g, PG_FMT_PDF, NULL, &out, &n, &err), PG_OK);
    assert_true(n > 5 && memcmp(out, "%PDF-", 5) == 0);
    assert_true(n > 6 && memcmp(out + n - 6, "%%EOF\n", 6) == 0);
    /* no time stamp: the same graph gives the same PDF */
    const char *stamp = "/CreationDate (D:19700101000000Z)";
    const char *hit = NULL;
    for (size_t i = 0; i + strlen(stamp) <= n && !hit; i++) {
        if (memcmp(out + i, stamp, strlen(stamp)) == 0) {
            hit = out + i;
        }
    }
    assert_non_null(hit);
    free(out);
    /* the cairo context must not change how SVG text is measured */
    char *after = render(g, PG_FMT_SVG, NULL, NULL);
    assert_string_equal(before, after);
    free(before);
    free(after);
    pg_graph_free(g);
}

static void test_large_graph_sfdp(void **state)
{
    (void)state;
    pg_graph *g = random_graph(200, 200, 11);
    char *dot = render_dot(g, NULL);
    assert_non_null(strstr(dot, "layout=sfdp"));   /* more than 100 nodes */
    assert_non_null(strstr(dot, "splines=false")); /* routing around nodes would take seconds */
    free(dot);
    size_t n;
    char *svg = render(g, PG_FMT_SVG, NULL, &n);
    assert_int_equal(count(svg, "<g id=\"actor&#45;"), 200);
    assert_true(strcmp(svg + n - 7, "</svg>\n") == 0);
    free(svg);
    pg_graph_free(g);
}

typedef struct box {
    double x0, y0, x1, y1;
} box;

static double svg_attr(const char *tag, const char *name)
{
    char pattern[32];
    snprintf(pattern, sizeof pattern, " %s=\"", name);
    const char *p = strstr(tag, pattern);
    assert_non_null(p);
    return strtod(p + strlen(pattern), NULL);
}

/* Bounding boxes of the node shapes (first ellipse or polygon of each node group). */
static size_t node_boxes(const char *svg, box *out, size_t max)
{
    size_t n = 0;
    for (const char *p = strstr(svg, "<g id=\"actor&#45;"); p && n < max;
         p = strstr(p + 1, "<g id=\"actor&#45;")) {
        const char *e = strstr(p, "<ellipse"), *q = strstr(p, "<polygon");
        box b;
        if (e && (!q || e < q)) {
            double cx = svg_attr(e, "cx"), cy = svg_attr(e, "cy"), rx = svg_attr(e, "rx"),
                   ry = svg_attr(e, "ry");
            b = (box){cx - rx, cy - ry, cx + rx, cy + ry};
        } else {
            assert_non_null(q);
            const char *s = strstr(q, "points=\"");
            assert_non_null(s);
            s += 8;
            b = (box){INFINITY, INFINITY, -INFINITY, -INFINITY};
            while (*s && *s != '"') {
                char *end;
                double x = strtod(s, &end);
                assert_int_equal(*end, ',');
                double y = strtod(end + 1, &end);
                b.x0 = fmin(b.x0, x);
                b.x1 = fmax(b.x1, x);
                b.y0 = fmin(b.y0, y);
                b.y1 = fmax(b.y1, y);
                s = end;
                while (*s == ' ') {
                    s++;
                }
            }
        }
        out[n++] = b;
    }
    return n;
}

static void test_no_overlap(void **state)
{
    (void)state;
    pg_graph *g = random_graph(30, 25, 3);
    size_t n;
    char *svg = render(g, PG_FMT_SVG, NULL, &n);
    assert_non_null(strstr(svg, "<ellipse"));
    assert_non_null(strstr(svg, "<polygon fill=\"#"));
    box b[30];
    assert_int_equal(node_boxes(svg, b, 30), 30);
    for (size_t i = 0; i < 30; i++) {
        assert_true(b[i].x1 - b[i].x0 >= 0.6 * 72 - 0.5); /* at least the minimum width */
        for (size_t j = i + 1; j < 30; j++) {
            int overlap =
                b[i].x0 < b[j].x1 && b[j].x0 < b[i].x1 && b[i].y0 < b[j].y1 && b[j].y0 < b[i].y1;
            if (overlap) {
                fail_msg(
                    "nodes %zu and %zu overlap: (%.1f,%.1f)-(%.1f,%.1f) and (%.1f,%.1f)-(%.1f,%.1f)", i,
                    j, b[i].x0, b[i].y0, b[i].x1, b[i].y1, b[j].x0, b[j].y0, b[j].x1, b[j].y1);
            }
        }
    }
    free(svg);
    pg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    size_t n;
    char *svg = render(g, PG_FMT_SVG, NULL, &n);
    assert_int_equal(count(svg, "class=\"node"), 0);
    assert_true(strcmp(svg + n - 7, "</svg>\n") == 0);
    free(svg);
    pg_graph_free(g);
}

static int teardown(void **state)
{
    (void)state;
    pg_render_shutdown();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_path),
        cmocka_unit_test(test_dot_attributes),
        cmocka_unit_test(test_svg_structure),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_injection),
        cmocka_unit_test(test_tooltip_truncation),
        cmocka_unit_test(test_unanalysed_and_size_by),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_png_pdf),
        cmocka_unit_test(test_large_graph_sfdp),
        cmocka_unit_test(test_no_overlap),
        cmocka_unit_test(test_empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, teardown) ? 1 : 0;
}
