#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_analyse.h"
#include "pg_graph.h"
#include "pg_json.h"

/*
 * The switch between exact path figures and estimates (pg_analyse_with):
 * small graphs are exact, a component over the work allowed is estimated
 * from a sample of PG_ANALYSE_MIN_PIVOTS nodes at least, --exact wins,
 * and the graph says what was done.
 */

#define RING 120

static pg_graph *new_graph(void)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    return g;
}

static void add_link(pg_graph *g, const char *a, const char *b, long weight)
{
    pg_error err;
    size_t ia, ib, li;
    assert_int_equal(pg_graph_add_node(g, a, a, PG_KIND_PERSON, "", 1, &ia, &err), PG_OK);
    assert_int_equal(pg_graph_add_node(g, b, b, PG_KIND_PERSON, "", 1, &ib, &err), PG_OK);
    assert_int_equal(pg_graph_link(g, ia, ib, &li, &err), PG_OK);
    g->links[li].co_mentions = weight;
}

/* A ring of RING nodes, every link of weight 1: every node is alike. */
static pg_graph *ring(void)
{
    pg_graph *g = new_graph();
    for (int i = 0; i < RING; i++) {
        char a[16], b[16];
        snprintf(a, sizeof a, "n%03d", i);
        snprintf(b, sizeof b, "n%03d", (i + 1) % RING);
        add_link(g, a, b, 1);
    }
    pg_graph_update_weights(g);
    return g;
}

static const pg_node *node(const pg_graph *g, const char *id)
{
    long i = pg_graph_find_node(g, id);
    assert_true(i >= 0);
    return &g->nodes[i];
}

/* Two triangles joined by a weak link (LIBRARIES.md 2.2): d-e is the broker. */
static void test_small_graph_is_exact(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    add_link(g, "a", "b", 5);
    add_link(g, "a", "c", 4);
    add_link(g, "b", "c", 3);
    add_link(g, "c", "d", 1);
    add_link(g, "d", "e", 6);
    add_link(g, "d", "f", 2);
    add_link(g, "e", "f", 5);
    pg_graph_update_weights(g);
    pg_error err;
    assert_int_equal(pg_analyse(g, PG_DEFAULT_SEED, &err), PG_OK);
    assert_null(g->approximation);
    /* e lies on the shortest paths d-f (1/6 + 1/5 < 1/2) and c-f, a-f, b-f:
       4 pairs of 10 = (n-1)(n-2)/2, so 0.4 */
    assert_float_equal(node(g, "e")->fig.betweenness, 0.4, 1e-12);
    assert_float_equal(node(g, "f")->fig.betweenness, 0.0, 1e-12);
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(pg_json_write(g, &json, &len, &err), PG_OK);
    assert_null(strstr(json, "approximation"));
    free(json);
    pg_graph_free(g);
}

static double mean(const pg_graph *g, int which)
{
    double sum = 0.0;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const pg_figures *f = &g->nodes[i].fig;
        sum += which == 0 ? f->betweenness : which == 1 ? f->closeness : f->harmonic;
    }
    return sum / (double)g->n_nodes;
}

/* With no work allowed, the ring is estimated from PG_ANALYSE_MIN_PIVOTS of its nodes. */
static void test_forced_estimate(void **state)
{
    (void)state;
    pg_graph *exact = ring(), *est = ring();
    pg_error err;
    pg_analyse_options o;
    pg_analyse_options_init(&o);
    assert_int_equal(pg_analyse_with(exact, &o, &err), PG_OK);
    assert_null(exact->approximation); /* 120 x 120 is far below the work allowed */

    o.max_work = 0;
    assert_int_equal(pg_analyse_with(est, &o, &err), PG_OK);
    assert_non_null(est->approximation);
    char want[64];
    snprintf(want, sizeof want, "%d pivots", PG_ANALYSE_MIN_PIVOTS);
    assert_non_null(strstr(est->approximation, want));
    assert_non_null(strstr(est->approximation, "120 nodes"));
    assert_true(est->analysed);

    /*
     * On a ring every pivot sees the same distances and dependencies, so
     * the means of the betweenness and harmonic estimates are those of the
     * exact figures (up to the pivot's own row); closeness inverts an
     * estimated sum of distances, so it leans a little high. Each node's
     * estimate is near (32 pivots: about 10% spread).
     */
    for (int which = 0; which < 3; which++) {
        double e = mean(exact, which), a = mean(est, which);
        assert_true(e > 0);
        assert_true(fabs(a - e) / e < (which == 1 ? 0.1 : 0.02));
    }
    for (size_t i = 0; i < est->n_nodes; i++) {
        const pg_figures *fe = &exact->nodes[i].fig, *fa = &est->nodes[i].fig;
        assert_true(fabs(fa->closeness - fe->closeness) / fe->closeness < 0.35);
        /* harmonic is led by the nearest pivots (1/1 against 1/60): looser */
        assert_true(fa->harmonic > fe->harmonic / 3 && fa->harmonic < fe->harmonic * 3);
        /* figures that need no paths stay exact */
        assert_float_equal(fa->pagerank, fe->pagerank, 1e-12);
        assert_int_equal(fa->degree, 2);
    }
    /* the estimate differs from the exact figure somewhere: it is not a copy */
    int differs = 0;
    for (size_t i = 0; i < est->n_nodes; i++)
        differs |= est->nodes[i].fig.harmonic != exact->nodes[i].fig.harmonic;
    assert_true(differs);

    /* the JSON says so */
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(pg_json_write(est, &json, &len, &err), PG_OK);
    assert_non_null(strstr(json, "\"approximation\": \"betweenness, closeness and harmonic"));
    free(json);
    pg_graph_free(exact);
    pg_graph_free(est);
}

/* The same seed draws the same sample; --exact overrides the work limit. */
static void test_seed_and_exact(void **state)
{
    (void)state;
    pg_graph *a = ring(), *b = ring(), *c = ring();
    pg_error err;
    pg_analyse_options o;
    pg_analyse_options_init(&o);
    o.max_work = 0;
    assert_int_equal(pg_analyse_with(a, &o, &err), PG_OK);
    assert_int_equal(pg_analyse_with(b, &o, &err), PG_OK);
    for (size_t i = 0; i < a->n_nodes; i++) {
        assert_true(a->nodes[i].fig.betweenness == b->nodes[i].fig.betweenness);
        assert_true(a->nodes[i].fig.closeness == b->nodes[i].fig.closeness);
        assert_true(a->nodes[i].fig.harmonic == b->nodes[i].fig.harmonic);
    }
    o.exact = 1;
    assert_int_equal(pg_analyse_with(c, &o, &err), PG_OK);
    assert_null(c->approximation);
    /* a ring's exact figures are the same for every node */
    for (size_t i = 1; i < c->n_nodes; i++)
        assert_float_equal(c->nodes[i].fig.harmonic, c->nodes[0].fig.harmonic, 1e-9);
    /* analysing again clears an earlier approximation */
    o.exact = 0;
    o.max_work = PG_ANALYSE_MAX_WORK;
    assert_int_equal(pg_analyse_with(a, &o, &err), PG_OK);
    assert_null(a->approximation);
    pg_graph_free(a);
    pg_graph_free(b);
    pg_graph_free(c);
}

/* Threads share out the searches, and the figures stay the same to the last bit. */
static void test_threads(void **state)
{
    (void)state;
    for (int sampled = 0; sampled < 2; sampled++) {
        pg_graph *g[3];
        for (int t = 0; t < 3; t++) {
            g[t] = ring();
            /* and a few small components beside it */
            add_link(g[t], "x1", "x2", 2);
            add_link(g[t], "x2", "x3", 1);
            add_link(g[t], "y1", "y2", 4);
            pg_graph_update_weights(g[t]);
            pg_analyse_options o;
            pg_analyse_options_init(&o);
            o.threads = (size_t)t + 1;
            if (sampled)
                o.max_work = 0;
            pg_error err;
            assert_int_equal(pg_analyse_with(g[t], &o, &err), PG_OK);
            assert_true((g[t]->approximation != NULL) == sampled);
        }
        for (int t = 1; t < 3; t++)
            for (size_t i = 0; i < g[0]->n_nodes; i++) {
                const pg_figures *a = &g[0]->nodes[i].fig, *b = &g[t]->nodes[i].fig;
                assert_true(a->betweenness == b->betweenness);
                assert_true(a->closeness == b->closeness);
                assert_true(a->harmonic == b->harmonic);
            }
        /* x2 is between x1 and x3: 1 pair of (n-1)(n-2)/2 */
        double n = (double)g[0]->n_nodes;
        assert_float_equal(node(g[0], "x2")->fig.betweenness, 2.0 / ((n - 1) * (n - 2)), 1e-15);
        for (int t = 0; t < 3; t++)
            pg_graph_free(g[t]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_graph_is_exact),
        cmocka_unit_test(test_forced_estimate),
        cmocka_unit_test(test_seed_and_exact),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
