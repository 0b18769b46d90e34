#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_analyse.h"
#include "pg_graph.h"

/*
 * The exact path figures (graph/pg_paths.c) against a search-free
 * reference on small random graphs full of leaves, stars, paths,
 * components of two and lists (people named together, linked to each
 * other and to the same others: twins, now and then spoilt by one
 * weight): all-pairs distances, path counts by distance, and betweenness
 * from the pair dependencies sigma(s,v) sigma(v,t) / sigma(s,t). A leaf
 * takes its figures from its neighbour's search, and a twin from its
 * twin's, so these are the graphs where that shows. The figures are also the same to the last bit
 * on 1, 2, 3 and 8 threads.
 */

#define MAXN 48
#define GRAPHS 400
#define TOL 1e-9

/* xorshift64: the graphs are the same on every run */
static uint64_t rng_state;

static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static size_t below(size_t n)
{
    return (size_t)(next_random() % n);
}

static double uniform(void)
{
    return (double)(next_random() >> 11) / 9007199254740992.0;
}

static pg_graph *new_graph(size_t n)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    for (size_t i = 0; i < n; i++) {
        char id[32];
        snprintf(id, sizeof id, "n%03zu", i);
        assert_int_equal(pg_graph_add_node(g, id, id, PG_KIND_PERSON, "", 1, NULL, &err), PG_OK);
    }
    return g;
}

static void link_nodes(pg_graph *g, size_t a, size_t b)
{
    pg_error err;
    size_t li;
    if (a != b)
        assert_int_equal(pg_graph_link(g, a, b, &li, &err), PG_OK);
}

/*
 * Weights: small whole numbers (many paths of equal length), reals, or
 * reals from 1e-3 to 1e3; and now and then one that makes no path
 * (0, negative, NaN, infinite).
 */
static double random_weight(int kind)
{
    if (below(12) == 0) {
        static const double none[] = {0.0, -1.0, NAN, INFINITY};
        return none[below(4)];
    }
    switch (kind) {
    case 0: return (double)(1 + below(4));
    case 1: return 0.5 + 4.5 * uniform();
    default: return pow(10.0, 6.0 * uniform() - 3.0);
    }
}

/* Sets the weight of the link a-b, if there is one. */
static void set_weight(pg_graph *g, size_t a, size_t b, double w)
{
    for (size_t i = 0; i < g->n_links; i++) {
        pg_link *l = &g->links[i];
        if ((l->source == a && l->target == b) || (l->source == b && l->target == a))
            l->weight = w;
    }
}

/* A list: 'size' nodes from 'first' on, linked to each other and to the same anchors. */
typedef struct list_group {
    size_t first, size, anchor[3], anchors;
} list_group;

/*
 * The links of a list get one weight inside it and one per anchor, so
 * that its nodes are twins; or, now and then, one link another weight.
 */
static void weigh_list(pg_graph *g, const list_group *l, int kind)
{
    double inside = random_weight(kind);
    for (size_t i = 0; i < l->size; i++)
        for (size_t j = i + 1; j < l->size; j++)
            set_weight(g, l->first + i, l->first + j, inside);
    for (size_t a = 0; a < l->anchors; a++) {
        double w = random_weight(kind);
        for (size_t i = 0; i < l->size; i++)
            set_weight(g, l->first + i, l->anchor[a], w);
    }
    if (l->anchors > 0 && below(4) == 0)
        set_weight(g, l->first + below(l->size), l->anchor[0], random_weight(kind) + 1.0);
}

/*
 * A random core, then the other nodes as leaves of earlier ones, stars
 * of their own, paths, components of two, lists, or alone.
 */
static pg_graph *random_graph(uint64_t seed)
{
    rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
    size_t n = 2 + below(MAXN - 1);
    pg_graph *g = new_graph(n);
    size_t core = 1 + below(n), v = core, n_lists = 0;
    list_group lists[MAXN];
    for (size_t k = below(2 * core + 1); k > 0; k--)
        link_nodes(g, below(core), below(core));
    while (v < n) {
        size_t left = n - v, what = below(12);
        if (what >= 10 && left >= 2) { /* a list, with up to three anchors before it */
            list_group *l = &lists[n_lists++];
            l->first = v;
            l->size = 2 + below(left - 1 < 4 ? left - 1 : 4);
            l->anchors = below(4);
            for (size_t a = 0; a < l->anchors; a++)
                l->anchor[a] = below(v);
            for (size_t i = 0; i < l->size; i++) {
                for (size_t j = i + 1; j < l->size; j++)
                    link_nodes(g, v + i, v + j);
                for (size_t a = 0; a < l->anchors; a++)
                    link_nodes(g, v + i, l->anchor[a]);
            }
            v += l->size;
        } else if (what < 5) { /* a leaf */
            link_nodes(g, v, below(v));
            v++;
        } else if (what < 7 && left >= 3) { /* a star, on its own or hung on a leaf of its hub */
            size_t leaves = 2 + below(left - 2 < 6 ? left - 2 : 6);
            for (size_t j = 1; j <= leaves; j++)
                link_nodes(g, v, v + j);
            if (what == 6)
                link_nodes(g, v, below(v));
            v += leaves + 1;
        } else if (what < 8 && left >= 2) { /* a component of two */
            link_nodes(g, v, v + 1);
            v += 2;
        } else if (what < 9 && left >= 3) { /* a path */
            size_t len = 3 + below(left - 2 < 4 ? left - 2 : 4);
            for (size_t j = 1; j < len && v + j < n; j++)
                link_nodes(g, v + j - 1, v + j);
            v += len;
        } else {
            v++; /* alone */
        }
    }
    pg_graph_update_weights(g);
    int kind = (int)below(3);
    for (size_t i = 0; i < g->n_links; i++)
        g->links[i].weight = random_weight(kind);
    for (size_t i = 0; i < n_lists; i++)
        weigh_list(g, &lists[i], kind);
    return g;
}

static int usable(double w)
{
    return w > 0.0 && isfinite(w);
}

static int near(double a, double b)
{
    return fabs(a - b) <= TOL * (fabs(a) + fabs(b));
}

typedef struct reference {
    double d[MAXN][MAXN], sigma[MAXN][MAXN], len[MAXN][MAXN];
    double betweenness[MAXN], closeness[MAXN], harmonic[MAXN];
} reference;

/* Path counts from s, the nodes taken by distance: a predecessor is nearer. */
static void count_paths(reference *r, size_t n, size_t s)
{
    size_t by[MAXN];
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        for (; j > 0 && r->d[s][by[j - 1]] > r->d[s][i]; j--)
            by[j] = by[j - 1];
        by[j] = i;
    }
    for (size_t i = 0; i < n; i++)
        r->sigma[s][i] = i == s ? 1.0 : 0.0;
    for (size_t k = 0; k < n; k++) {
        size_t t = by[k];
        if (t == s || isinf(r->d[s][t]))
            continue;
        for (size_t u = 0; u < n; u++)
            if (r->len[u][t] > 0 && r->d[s][u] < r->d[s][t] &&
                near(r->d[s][u] + r->len[u][t], r->d[s][t]))
                r->sigma[s][t] += r->sigma[s][u];
    }
}

static void reference_figures(reference *r, const pg_graph *g)
{
    size_t n = g->n_nodes;
    assert_true(n <= MAXN);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            r->d[i][j] = i == j ? 0.0 : INFINITY;
            r->len[i][j] = 0.0;
        }
    for (size_t k = 0; k < g->n_links; k++) {
        const pg_link *l = &g->links[k];
        if (!usable(l->weight))
            continue;
        double len = 1.0 / l->weight;
        r->len[l->source][l->target] = r->len[l->target][l->source] = len;
        r->d[l->source][l->target] = r->d[l->target][l->source] = len;
    }
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (r->d[i][k] + r->d[k][j] < r->d[i][j])
                    r->d[i][j] = r->d[i][k] + r->d[k][j];
    for (size_t s = 0; s < n; s++)
        count_paths(r, n, s);
    double nn = (double)n;
    for (size_t v = 0; v < n; v++) {
        double bet = 0.0, sum = 0.0, inv = 0.0, reach = 0.0;
        for (size_t s = 0; s < n; s++) {
            if (s == v || isinf(r->d[s][v]))
                continue;
            reach += 1.0;
            sum += r->d[s][v];
            inv += 1.0 / r->d[s][v];
            for (size_t t = 0; t < n; t++)
                if (t != s && t != v && !isinf(r->d[s][t]) &&
                    near(r->d[s][v] + r->d[v][t], r->d[s][t]))
                    bet += r->sigma[s][v] * r->sigma[v][t] / r->sigma[s][t];
        }
        r->betweenness[v] = n > 2 ? bet / ((nn - 1.0) * (nn - 2.0)) : 0.0;
        r->closeness[v] = sum > 0 ? reach / (nn - 1.0) * (reach / sum) : 0.0;
        r->harmonic[v] = inv;
    }
}

static void check_figure(const char *what, const pg_node *node, double got, double want,
                         uint64_t seed)
{
    if (fabs(got - want) > TOL * (fabs(want) > 1.0 ? fabs(want) : 1.0))
        fail_msg("graph %llu: %s of %s: got %.17g, reference %.17g", (unsigned long long)seed,
                 what, node->id, got, want);
    assert_false(isnan(got));
    assert_false(signbit(got));
}

static void analyse(pg_graph *g, size_t threads)
{
    pg_analyse_options o;
    pg_analyse_options_init(&o);
    o.threads = threads;
    pg_error err;
    assert_int_equal(pg_analyse_with(g, &o, &err), PG_OK);
    assert_null(g->approximation);
}

static void test_random_graphs(void **state)
{
    (void)state;
    static reference r;
    static const size_t threads[] = {2, 3, 8};
    for (uint64_t seed = 1; seed <= GRAPHS; seed++) {
        pg_graph *g = random_graph(seed);
        analyse(g, 1);
        reference_figures(&r, g);
        double fig[MAXN][3];
        for (size_t v = 0; v < g->n_nodes; v++) {
            const pg_node *node = &g->nodes[v];
            check_figure("betweenness", node, node->fig.betweenness, r.betweenness[v], seed);
            check_figure("closeness", node, node->fig.closeness, r.closeness[v], seed);
            check_figure("harmonic", node, node->fig.harmonic, r.harmonic[v], seed);
            fig[v][0] = node->fig.betweenness;
            fig[v][1] = node->fig.closeness;
            fig[v][2] = node->fig.harmonic;
        }
        for (size_t k = 0; k < sizeof threads / sizeof threads[0]; k++) {
            analyse(g, threads[k]);
            for (size_t v = 0; v < g->n_nodes; v++) {
                const pg_figures *f = &g->nodes[v].fig;
                assert_true(f->betweenness == fig[v][0]);
                assert_true(f->closeness == fig[v][1]);
                assert_true(f->harmonic == fig[v][2]);
            }
        }
        pg_graph_free(g);
    }
}

static const pg_figures *figures(const pg_graph *g, const char *id)
{
    long i = pg_graph_find_node(g, id);
    assert_true(i >= 0);
    return &g->nodes[i].fig;
}

/*
 * A star whose leaves share lengths, beside a component of two: the
 * figures by hand. Hub h, leaves a, b (weight 1), c (2); x-y weight 4.
 */
static void test_star_and_pair(void **state)
{
    (void)state;
    pg_graph *g = new_graph(0);
    pg_error err;
    const char *ids[] = {"a", "b", "c", "h", "x", "y"};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(pg_graph_add_node(g, ids[i], ids[i], PG_KIND_PERSON, "", 1, NULL, &err),
                         PG_OK);
    link_nodes(g, 3, 0);
    link_nodes(g, 3, 1);
    link_nodes(g, 3, 2);
    link_nodes(g, 4, 5);
    pg_graph_update_weights(g);
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        g->links[i].weight = l->source == 2 || l->target == 2 ? 2.0 : l->source == 4 ? 4.0 : 1.0;
    }
    analyse(g, 1);
    /* h is on the 6 ordered paths between its leaves, of (n-1)(n-2) = 20 */
    assert_float_equal(figures(g, "h")->betweenness, 6.0 / 20.0, 1e-15);
    assert_float_equal(figures(g, "a")->betweenness, 0.0, 0.0);
    /* a: h at 1, b at 2, c at 1.5; 3 of 5 others reached */
    assert_float_equal(figures(g, "a")->closeness, 3.0 / 5.0 * (3.0 / 4.5), 1e-15);
    assert_float_equal(figures(g, "a")->harmonic, 1.0 + 0.5 + 1.0 / 1.5, 1e-15);
    assert_true(figures(g, "a")->closeness == figures(g, "b")->closeness);
    assert_true(figures(g, "a")->harmonic == figures(g, "b")->harmonic);
    /* c: h at 0.5, a and b at 1.5 */
    assert_float_equal(figures(g, "c")->closeness, 3.0 / 5.0 * (3.0 / 3.5), 1e-15);
    assert_float_equal(figures(g, "c")->harmonic, 2.0 + 2.0 / 1.5, 1e-15);
    /* x and y: one other at 1/4 */
    for (int i = 0; i < 2; i++) {
        const pg_figures *f = figures(g, i ? "y" : "x");
        assert_float_equal(f->closeness, 1.0 / 5.0 * (1.0 / 0.25), 1e-15);
        assert_true(f->harmonic == 4.0);
        assert_true(f->betweenness == 0.0);
    }
    pg_graph_free(g);
}

/*
 * A weight so small that its length is infinite in a double: the leaf on
 * it reaches nothing at a finite distance, and no figure is NaN.
 */
static void test_leaf_of_infinite_length(void **state)
{
    (void)state;
    for (int pair = 0; pair < 2; pair++) {
        pg_graph *g = new_graph(pair ? 2 : 4);
        link_nodes(g, 0, 1);
        if (!pair) {
            link_nodes(g, 0, 2);
            link_nodes(g, 0, 3);
        }
        pg_graph_update_weights(g);
        for (size_t i = 0; i < g->n_links; i++)
            g->links[i].weight = g->links[i].target == 1 ? DBL_TRUE_MIN : 1.0;
        analyse(g, 1);
        for (size_t v = 0; v < g->n_nodes; v++) {
            const pg_figures *f = &g->nodes[v].fig;
            assert_false(isnan(f->betweenness) || isnan(f->closeness) || isnan(f->harmonic));
        }
        const pg_figures *f = figures(g, "n001");
        assert_true(f->closeness == 0.0);
        assert_true(f->harmonic == 0.0);
        pg_graph_free(g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_graphs),
        cmocka_unit_test(test_star_and_pair),
        cmocka_unit_test(test_leaf_of_infinite_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
