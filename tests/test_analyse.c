#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "pg_analyse.h"
#include "pg_graph.h"

/*
 * Expected figures come from networkx 2.8.8 (Debian python3-networkx) on
 * the same graphs, each edge with weight=w and len=1/w:
 *   G.degree(), G.degree(weight="weight"),
 *   betweenness_centrality(G, weight="len", normalized=True),
 *   closeness_centrality(G, distance="len"),
 *   harmonic_centrality(G, distance="len"),
 *   eigenvector_centrality(H, weight="weight", max_iter=100000, tol=1e-15)
 *     divided by its maximum, H = the largest component (of equal sizes the
 *     one with the smallest id; an edgeless H gives 1), 0 outside H,
 *   pagerank(G, weight="weight", tol=1e-15, max_iter=10000).
 * Printed with 10 decimals, compared with tolerance 1e-6.
 */

#define TOL 1e-6
#define MAXN 8

enum { F_DEGREE, F_STRENGTH, F_BETWEENNESS, F_CLOSENESS, F_HARMONIC, F_EIGENVECTOR, F_PAGERANK,
       F_COUNT };

static const char *const fig_names[F_COUNT] = {"degree",   "strength",    "betweenness", "closeness",
                                               "harmonic", "eigenvector", "pagerank"};

typedef struct edge {
    const char *a, *b;
    long w;
} edge;

typedef struct graph_case {
    const char *name;
    const char *ids[MAXN]; /* in id order */
    size_t n;
    edge edges[MAXN];
    size_t m;
    double expect[F_COUNT][MAXN];
} graph_case;

static const graph_case cases[] = {
    {"two-triangles",
     {"a", "b", "c", "d", "e", "f"},
     6,
     {{"a", "b", 5}, {"a", "c", 4}, {"b", "c", 3}, {"c", "d", 1}, {"d", "e", 6}, {"d", "f", 2},
      {"e", "f", 5}},
     7,
     {{2, 2, 3, 3, 2, 2},
      {9, 8, 8, 9, 11, 7},
      {0.0000000000, 0.0000000000, 0.6000000000, 0.6000000000, 0.4000000000, 0.0000000000},
      {1.0563380282, 0.9868421053, 1.2145748988, 1.2145748988, 1.1235955056, 0.9523809524},
      {11.1244390540, 10.0049019608, 9.5888501742, 11.2772727273, 13.2296918768, 9.6657720395},
      {0.2865660158, 0.2641776838, 0.3129299172, 0.8704893721, 1.0000000000, 0.7508860097},
      {0.1767103759, 0.1589126066, 0.1583248320, 0.1685031414, 0.2024870428, 0.1350620013}}},
    /* a 4-node component {a, c, e, g}, a 2-node component {b, d}, an isolate f */
    {"components",
     {"a", "b", "c", "d", "e", "f", "g"},
     7,
     {{"a", "c", 2}, {"a", "e", 1}, {"c", "e", 3}, {"e", "g", 4}, {"b", "d", 2}},
     5,
     {{2, 1, 2, 1, 3, 0, 1},
      {3, 2, 5, 2, 8, 0, 4},
      {0.0000000000, 0.0000000000, 0.1333333333, 0.0000000000, 0.1333333333, 0.0000000000,
       0.0000000000},
      {0.6206896552, 0.3333333333, 1.0588235294, 0.3333333333, 1.0588235294, 0.0000000000,
       0.7826086957},
      {4.1230769231, 2.0000000000, 6.7142857143, 2.0000000000, 8.2000000000, 0.0000000000,
       6.6373626374},
      {0.4406306559, 0.0000000000, 0.7079151104, 0.0000000000, 1.0000000000, 0.0000000000,
       0.7295722226},
      {0.1067151836, 0.1626016260, 0.1642757428, 0.1626016260, 0.2491405851, 0.0243902439,
       0.1302749926}}},
    {"star",
     {"hub", "l1", "l2", "l3", "l4"},
     5,
     {{"hub", "l1", 1}, {"hub", "l2", 2}, {"hub", "l3", 3}, {"hub", "l4", 4}},
     4,
     {{4, 1, 1, 1, 1},
      {10, 1, 2, 3, 4},
      {1.0000000000, 0.0000000000, 0.0000000000, 0.0000000000, 0.0000000000},
      {1.9200000000, 0.7868852459, 1.1162790698, 1.2972972973, 1.4117647059},
      {10.0000000000, 3.2166666667, 5.2000000000, 6.6642857143, 7.8476190476},
      {1.0000000000, 0.1825741858, 0.3651483717, 0.5477225575, 0.7302967433},
      {0.4756756757, 0.0704324324, 0.1108648649, 0.1512972973, 0.1917297297}}},
    {"path",
     {"a", "b", "c", "d", "e"},
     5,
     {{"a", "b", 1}, {"b", "c", 2}, {"c", "d", 3}, {"d", "e", 4}},
     4,
     {{1, 2, 2, 2, 1},
      {1, 3, 5, 7, 4},
      {0.0000000000, 0.5000000000, 0.6666666667, 0.5000000000, 0.0000000000},
      {0.6233766234, 1.1707317073, 1.3714285714, 1.2307692308, 1.0000000000},
      {2.6921212121, 5.1230769231, 7.3809523810, 8.7454545455, 7.1173626374},
      {0.0536425049, 0.2769839649, 0.6882843995, 1.0000000000, 0.7746658530},
      {0.0819685966, 0.1834185764, 0.2463096154, 0.3084733155, 0.1798298961}}},
    /* n <= 2: networkx leaves betweenness unnormalised, i.e. 0 */
    {"pair",
     {"a", "b"},
     2,
     {{"a", "b", 4}},
     1,
     {{1, 1}, {4, 4}, {0, 0}, {4, 4}, {4, 4}, {1, 1}, {0.5, 0.5}}},
    {"single", {"a"}, 1, {{NULL, NULL, 0}}, 0, {{0}, {0}, {0}, {0}, {0}, {1}, {1}}},
    /* three components of one node: the one with the smallest id is "largest" */
    {"isolates",
     {"a", "b", "c"},
     3,
     {{NULL, NULL, 0}},
     0,
     {{0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {0, 0, 0},
      {1, 0, 0},
      {0.3333333333, 0.3333333333, 0.3333333333}}},
};

static size_t node_of(pg_graph *g, const char *id)
{
    long i = pg_graph_find_node(g, id);
    assert_true(i >= 0);
    return (size_t)i;
}

/*
 * Builds the case with nodes added in reverse id order and links given
 * target first, so that pg_analyse has to sort to get canonical order.
 * Weight = co_mentions (w_co_mention 1).
 */
static pg_graph *build(const graph_case *c)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    for (size_t i = c->n; i-- > 0;)
        assert_int_equal(pg_graph_add_node(g, c->ids[i], c->ids[i], PG_KIND_PERSON, "", 1, NULL, &err),
                         PG_OK);
    for (size_t k = 0; k < c->m; k++) {
        size_t li;
        assert_int_equal(pg_graph_link(g, node_of(g, c->edges[k].b), node_of(g, c->edges[k].a), &li, &err),
                         PG_OK);
        g->links[li].co_mentions = c->edges[k].w;
    }
    pg_graph_update_weights(g);
    return g;
}

static double figure(const pg_node *n, int f)
{
    switch (f) {
    case F_DEGREE: return (double)n->fig.degree;
    case F_STRENGTH: return n->fig.strength;
    case F_BETWEENNESS: return n->fig.betweenness;
    case F_CLOSENESS: return n->fig.closeness;
    case F_HARMONIC: return n->fig.harmonic;
    case F_EIGENVECTOR: return n->fig.eigenvector;
    default: return n->fig.pagerank;
    }
}

static void check_figures(const graph_case *c, const pg_graph *g)
{
    assert_int_equal(g->n_nodes, c->n);
    assert_true(g->analysed);
    for (size_t i = 0; i < c->n; i++) {
        const pg_node *n = &g->nodes[i];
        assert_string_equal(n->id, c->ids[i]);
        for (int f = 0; f < F_COUNT; f++) {
            double got = figure(n, f);
            if (fabs(got - c->expect[f][i]) > TOL)
                fail_msg("%s: %s of %s: got %.10f, networkx %.10f", c->name, fig_names[f], n->id,
                         got, c->expect[f][i]);
            /* NaN and -0.0 never reach the output */
            assert_false(isnan(got));
            assert_false(signbit(got));
        }
    }
}

static void test_networkx_figures(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pg_graph *g = build(&cases[k]);
        pg_error err;
        pg_error_clear(&err);
        int rc = pg_analyse(g, PG_DEFAULT_SEED, &err);
        if (rc != PG_OK)
            fail_msg("%s: %s", cases[k].name, err.msg);
        assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
        check_figures(&cases[k], g);
        pg_graph_free(g);
    }
}

static void test_pagerank_sums_to_one(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        pg_graph *g = build(&cases[k]);
        pg_error err;
        assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
        double sum = 0;
        for (size_t i = 0; i < g->n_nodes; i++)
            sum += g->nodes[i].fig.pagerank;
        assert_float_equal(sum, 1.0, 1e-9);
        pg_graph_free(g);
    }
}

/* The trap of LIBRARIES.md 2.3: with w taken as length, e's betweenness is 0. */
static void test_weights_are_lengths_for_paths(void **state)
{
    (void)state;
    pg_graph *g = build(&cases[0]);
    pg_error err;
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    assert_float_equal(g->nodes[node_of(g, "e")].fig.betweenness, 0.4, TOL);
    pg_graph_free(g);
}

static void test_empty_graph(void **state)
{
    (void)state;
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    assert_true(g->analysed);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    pg_graph_free(g);
}

/*
 * A link of weight 0 (only negated interactions) counts as a neighbour but
 * changes no other figure: the components case plus b-f of weight 0.
 */
static void test_zero_weight_link(void **state)
{
    (void)state;
    const graph_case *c = &cases[1];
    pg_graph *g = build(c);
    pg_error err;
    size_t li;
    assert_int_equal(pg_graph_link(g, node_of(g, "b"), node_of(g, "f"), &li, &err), PG_OK);
    pg_graph_update_weights(g);
    assert_float_equal(g->links[li].weight, 0.0, 0.0);
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    for (size_t i = 0; i < c->n; i++) {
        const pg_node *n = &g->nodes[i];
        long extra = (strcmp(n->id, "b") == 0 || strcmp(n->id, "f") == 0) ? 1 : 0;
        assert_int_equal(n->fig.degree, (long)c->expect[F_DEGREE][i] + extra);
        for (int f = F_STRENGTH; f < F_COUNT; f++)
            assert_float_equal(figure(n, f), c->expect[f][i], TOL);
    }
    /* f is still alone in its community */
    for (size_t i = 0; i < c->n; i++) {
        if (strcmp(g->nodes[i].id, "f") != 0)
            assert_true(g->nodes[i].fig.community != g->nodes[node_of(g, "f")].fig.community);
    }
    pg_graph_free(g);
}

static void check_numbering(const pg_graph *g)
{
    long next = 0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        long c = g->nodes[i].fig.community;
        assert_true(c >= 0 && c <= next);
        if (c == next)
            next++;
    }
}

static void test_communities_two_triangles(void **state)
{
    (void)state;
    pg_graph *g = build(&cases[0]);
    pg_error err;
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    /* networkx's louvain_communities gives {a, b, c} and {d, e, f} too */
    const long expect[] = {0, 0, 0, 1, 1, 1};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(g->nodes[i].fig.community, expect[i]);
    pg_graph_free(g);
}

static void test_communities_components(void **state)
{
    (void)state;
    pg_graph *g = build(&cases[1]);
    pg_error err;
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    check_numbering(g);
    /* a comes first, b starts the second: numbered by first appearance */
    assert_int_equal(g->nodes[node_of(g, "a")].fig.community, 0);
    assert_int_equal(g->nodes[node_of(g, "b")].fig.community, 1);
    assert_int_equal(g->nodes[node_of(g, "d")].fig.community, 1);
    long f = g->nodes[node_of(g, "f")].fig.community;
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (strcmp(g->nodes[i].id, "f") != 0)
            assert_true(g->nodes[i].fig.community != f);
    }
    pg_graph_free(g);
}

/* A graph on which Louvain's random node order matters: 120 nodes. */
static pg_graph *build_random(void)
{
    pg_graph *g;
    pg_error err;
    char id[32];
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    for (int i = 0; i < 120; i++) {
        snprintf(id, sizeof id, "n%03d", i);
        assert_int_equal(pg_graph_add_node(g, id, id, PG_KIND_PERSON, "", 0, NULL, &err), PG_OK);
    }
    uint32_t x = 12345;
    for (int k = 0; k < 400; k++) {
        x = x * 1103515245u + 12345u;
        size_t a = (x >> 8) % 120;
        x = x * 1103515245u + 12345u;
        /* mostly within groups of 12, some across */
        size_t b = (k % 5 == 0) ? (x >> 8) % 120 : (a / 12) * 12 + (x >> 8) % 12;
        if (a == b)
            continue;
        size_t li;
        assert_int_equal(pg_graph_link(g, a, b, &li, &err), PG_OK);
        g->links[li].co_mentions += 1 + (long)((x >> 4) % 3);
    }
    pg_graph_update_weights(g);
    return g;
}

static void test_communities_reproducible(void **state)
{
    (void)state;
    pg_error err;
    pg_graph *g1 = build_random(), *g2 = build_random();
    assert_int_equal(pg_analyse(g1, PG_DEFAULT_SEED, &err), PG_OK);
    /* another seed in between must not change the next seeded run */
    assert_int_equal(pg_analyse(g2, 7, &err), PG_OK);
    assert_int_equal(pg_analyse(g2, PG_DEFAULT_SEED, &err), PG_OK);
    assert_int_equal(g1->n_nodes, g2->n_nodes);
    for (size_t i = 0; i < g1->n_nodes; i++) {
        assert_string_equal(g1->nodes[i].id, g2->nodes[i].id);
        assert_int_equal(g1->nodes[i].fig.community, g2->nodes[i].fig.community);
        assert_true(g1->nodes[i].fig.betweenness == g2->nodes[i].fig.betweenness);
        assert_true(g1->nodes[i].fig.pagerank == g2->nodes[i].fig.pagerank);
    }
    check_numbering(g1);
    /* a third run on the same graph */
    long before[120];
    for (size_t i = 0; i < g1->n_nodes; i++)
        before[i] = g1->nodes[i].fig.community;
    assert_int_equal(pg_analyse(g1, PG_DEFAULT_SEED, &err), PG_OK);
    for (size_t i = 0; i < g1->n_nodes; i++)
        assert_int_equal(g1->nodes[i].fig.community, before[i]);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    pg_graph_free(g1);
    pg_graph_free(g2);
}

/* A chain of n actors, or a ring when 'ring'; every link of one co-mention. */
static pg_graph *chain(size_t n, int ring)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    char id[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(id, sizeof id, "a%05zu", i);
        assert_int_equal(pg_graph_add_node(g, id, id, PG_KIND_PERSON, "", 1, NULL, &err), PG_OK);
    }
    for (size_t i = 0; i + 1 < n + (ring ? 1 : 0); i++) {
        size_t li;
        assert_int_equal(pg_graph_link(g, i, (i + 1) % n, &li, &err), PG_OK);
        g->links[li].co_mentions = 1;
    }
    pg_graph_update_weights(g);
    return g;
}

/*
 * Eigenvector centrality where ARPACK stalls; each of these would fail the
 * whole analysis without a way round. A long ring (all strengths equal:
 * the start vector is the answer already) is all 1s. A long chain's two
 * largest eigenvalues all but meet: its eigenvector, sin(pi (i + 1) /
 * (n + 1)) scaled, takes a chain of 1,000 some 530 restarts, but 140 when
 * asked for a residual of 1e-10, as the approximation then says; with one
 * restart allowed, the power iteration's estimate is all there is.
 */
static void test_eigenvector_without_arpack(void **state)
{
    (void)state;
    pg_error err;
    pg_graph *g = chain(6001, 1);
    int rc = pg_analyse(g, PG_DEFAULT_SEED, &err);
    if (rc != PG_OK)
        fail_msg("ring: %s", err.msg);
    for (size_t i = 0; i < g->n_nodes; i++)
        assert_true(g->nodes[i].fig.eigenvector == 1.0);
    assert_true(!g->approximation || !strstr(g->approximation, "eigenvector"));
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    pg_graph_free(g);

    size_t n = 1000;
    pg_analyse_options o;
    pg_analyse_options_init(&o);
    o.eigen_restarts = 200;
    g = chain(n, 0);
    rc = pg_analyse_with(g, &o, &err);
    if (rc != PG_OK)
        fail_msg("chain: %s", err.msg);
    for (size_t i = 0; i < n; i++) {
        double want = sin(acos(-1.0) * (double)(i + 1) / (double)(n + 1));
        if (fabs(g->nodes[i].fig.eigenvector - want) > 1e-5)
            fail_msg("chain: eigenvector of %s: got %.10f, want %.10f", g->nodes[i].id,
                     g->nodes[i].fig.eigenvector, want);
    }
    assert_non_null(g->approximation);
    assert_non_null(strstr(g->approximation, "eigenvector found to a residual of 1e-10"));
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    pg_graph_free(g);

    o.eigen_restarts = 1;
    g = chain(n, 0);
    rc = pg_analyse_with(g, &o, &err);
    if (rc != PG_OK)
        fail_msg("chain, one restart: %s", err.msg);
    assert_non_null(g->approximation);
    assert_non_null(strstr(g->approximation, "eigenvector estimated by"));
    assert_non_null(strstr(g->approximation, "steps of power iteration"));
    /* symmetric, rising to 1 in the middle, positive at the ends */
    assert_float_equal(g->nodes[n / 2].fig.eigenvector, 1.0, 1e-12);
    assert_true(g->nodes[0].fig.eigenvector > 0.0);
    assert_true(g->nodes[0].fig.eigenvector < g->nodes[1].fig.eigenvector);
    for (size_t i = 0; i < n / 2; i++) {
        assert_true(g->nodes[i].fig.eigenvector <= g->nodes[i + 1].fig.eigenvector);
        assert_float_equal(g->nodes[i].fig.eigenvector, g->nodes[n - 1 - i].fig.eigenvector,
                           1e-9);
    }
    pg_graph_free(g);
}

/* pg_analyse puts igraph's handlers back as it found them. */
static void test_handlers_restored(void **state)
{
    (void)state;
    pg_graph *g = build(&cases[0]);
    pg_error err;
    igraph_error_handler_t *mine = igraph_error_handler_printignore;
    igraph_set_error_handler(mine);
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    assert_ptr_equal(igraph_set_error_handler(igraph_error_handler_abort), mine);
    pg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_networkx_figures),
        cmocka_unit_test(test_pagerank_sums_to_one),
        cmocka_unit_test(test_weights_are_lengths_for_paths),
        cmocka_unit_test(test_empty_graph),
        cmocka_unit_test(test_zero_weight_link),
        cmocka_unit_test(test_communities_two_triangles),
        cmocka_unit_test(test_communities_components),
        cmocka_unit_test(test_communities_reproducible),
        cmocka_unit_test(test_handlers_restored),
        cmocka_unit_test(test_eigenvector_without_arpack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
