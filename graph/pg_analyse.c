#include "pg_analyse.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "pg_paths.h"

/*
 * Every figure is defined as networkx computes it (DESIGN.md "What the
 * figures mean"); the recipes are those of LIBRARIES.md.
 *
 * A link whose weight is not a positive finite number (only negated or
 * hypothetical interactions) has no strength and an infinite length, so it
 * counts in 'degree' (networkx counts every edge) and adds its 0 to
 * 'strength', but is left out of the igraph graph that every other figure
 * is computed on: for PageRank, eigenvector and Louvain a weight of 0 is the
 * same as no edge, and for the path figures an infinite length is.
 */

/* igraph's error handler and cleanup stack are global: one thread only. */
static char pg_igraph_msg[512];

static void pg_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    if (pg_igraph_msg[0] == '\0' && reason && reason[0])
        snprintf(pg_igraph_msg, sizeof pg_igraph_msg, "%s (%s:%d): %s", reason, file, line,
                 igraph_strerror(code));
    IGRAPH_FINALLY_FREE(); /* igraph's temporaries; mandatory in a handler */
}

static void pg_igraph_warning(const char *reason, const char *file, int line)
{
    /* library code never prints */
    (void)reason;
    (void)file;
    (void)line;
}

static int igraph_failed(pg_error *err, const char *what)
{
    return pg_error_set(err, PG_EINTERNAL, "igraph: %s: %s", what,
                        pg_igraph_msg[0] ? pg_igraph_msg : "failed");
}

static double clean(double x)
{
    if (isnan(x) || x == 0.0)
        return 0.0; /* also turns -0.0 into 0.0 */
    return x;
}

static int usable(double w)
{
    return w > 0.0 && isfinite(w);
}

/* ------------------------------------------------------------------ */
/* Components (union-find) for the eigenvector's largest component */

static size_t uf_find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/*
 * Marks the nodes of the largest component of usable links in 'in'; of
 * equal sizes the one holding the smallest id wins (nodes are sorted, so
 * the smallest index). Returns its size, or 0 on allocation failure.
 */
static size_t largest_component(const pg_graph *g, unsigned char *in)
{
    size_t n = g->n_nodes;
    if (n == 0)
        return 0;
    size_t *parent = malloc(n * sizeof *parent);
    size_t *size = calloc(n, sizeof *size);
    if (!parent || !size) {
        free(parent);
        free(size);
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (!usable(l->weight))
            continue;
        size_t a = uf_find(parent, l->source), b = uf_find(parent, l->target);
        if (a != b)
            parent[a < b ? b : a] = a < b ? a : b;
    }
    for (size_t i = 0; i < n; i++)
        size[uf_find(parent, i)]++;
    size_t best = uf_find(parent, 0);
    for (size_t i = 1; i < n; i++) {
        size_t r = uf_find(parent, i);
        if (size[r] > size[best])
            best = r;
    }
    size_t k = size[best];
    for (size_t i = 0; i < n; i++)
        in[i] = uf_find(parent, i) == best;
    free(parent);
    free(size);
    return k;
}

/* ------------------------------------------------------------------ */

typedef struct pg_ig {
    igraph_t graph;
    igraph_vector_t w;   /* weight: strength */
    igraph_vector_t len; /* 1/weight: length */
    int has_graph, has_w, has_len;
} pg_ig;

static void ig_destroy(pg_ig *ig)
{
    if (ig->has_len)
        igraph_vector_destroy(&ig->len);
    if (ig->has_w)
        igraph_vector_destroy(&ig->w);
    if (ig->has_graph)
        igraph_destroy(&ig->graph);
    memset(ig, 0, sizeof *ig);
}

/*
 * Builds the igraph graph of the nodes with in[i] (all when in is NULL),
 * renumbered in node order, and their usable links.
 */
static int ig_build(pg_ig *ig, const pg_graph *g, const unsigned char *in, pg_error *err)
{
    memset(ig, 0, sizeof *ig);
    size_t n = g->n_nodes, m = 0, k = 0;
    size_t *pos = malloc((n ? n : 1) * sizeof *pos);
    if (!pos)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        pos[i] = (!in || in[i]) ? k++ : (size_t)-1;
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (usable(l->weight) && pos[l->source] != (size_t)-1 && pos[l->target] != (size_t)-1)
            m++;
    }
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m))) {
        free(pos);
        return igraph_failed(err, "edge list");
    }
    int rc = PG_OK;
    if (igraph_vector_init(&ig->w, (igraph_integer_t)m)) {
        rc = igraph_failed(err, "weights");
        goto out;
    }
    ig->has_w = 1;
    if (igraph_vector_init(&ig->len, (igraph_integer_t)m)) {
        rc = igraph_failed(err, "lengths");
        goto out;
    }
    ig->has_len = 1;
    size_t e = 0;
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (!usable(l->weight) || pos[l->source] == (size_t)-1 || pos[l->target] == (size_t)-1)
            continue;
        VECTOR(edges)[2 * e] = (igraph_integer_t)pos[l->source];
        VECTOR(edges)[2 * e + 1] = (igraph_integer_t)pos[l->target];
        VECTOR(ig->w)[e] = l->weight;
        VECTOR(ig->len)[e] = 1.0 / l->weight; /* igraph reads path weights as lengths */
        e++;
    }
    if (igraph_create(&ig->graph, &edges, (igraph_integer_t)k, IGRAPH_UNDIRECTED)) {
        rc = igraph_failed(err, "creating the graph");
        goto out;
    }
    ig->has_graph = 1;
out:
    igraph_vector_int_destroy(&edges);
    free(pos);
    if (rc != PG_OK)
        ig_destroy(ig);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The figures */

static void degree_strength(pg_graph *g)
{
    for (size_t i = 0; i < g->n_nodes; i++) {
        g->nodes[i].fig.degree = 0;
        g->nodes[i].fig.strength = 0.0;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        pg_node *s = &g->nodes[l->source], *t = &g->nodes[l->target];
        s->fig.degree++;
        t->fig.degree++;
        if (usable(l->weight)) {
            s->fig.strength += l->weight;
            t->fig.strength += l->weight;
        }
    }
}

/*
 * Sets the OpenMP threads of this thread's parallel regions to n and
 * returns the number before, or 0 when OpenMP is not in the process.
 * Debian's igraph runs PRPACK (PageRank) on OpenMP threads: their sums
 * then come in a varying order, so the last digit changed from run to
 * run, and the threads spin at every barrier, which costs seconds on a
 * busy machine. libgomp comes in with igraph, so it is looked up rather
 * than linked.
 */
static int openmp_threads(int n)
{
    void *self = dlopen(NULL, RTLD_NOW);
    if (!self)
        return 0;
    int (*get)(void) = (int (*)(void))dlsym(self, "omp_get_max_threads");
    void (*set)(int) = (void (*)(int))dlsym(self, "omp_set_num_threads");
    int old = 0;
    if (get && set && n > 0) {
        old = get();
        set(n);
    }
    dlclose(self);
    return old;
}

/* pagerank(G, weight="weight"): dangling and isolated nodes included */
static int pagerank(pg_graph *g, const pg_ig *ig, pg_error *err)
{
    igraph_vector_t p;
    igraph_real_t value;
    if (igraph_vector_init(&p, 0))
        return igraph_failed(err, "pagerank");
    /* one thread: the same bytes on every run */
    int threads = openmp_threads(1);
    igraph_error_t failed = igraph_pagerank(&ig->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &p, &value,
                                            igraph_vss_all(), IGRAPH_UNDIRECTED, 0.85, &ig->w,
                                            NULL);
    openmp_threads(threads);
    if (failed) {
        igraph_vector_destroy(&p);
        return igraph_failed(err, "pagerank");
    }
    for (size_t i = 0; i < g->n_nodes; i++)
        g->nodes[i].fig.pagerank = clean(VECTOR(p)[i]);
    igraph_vector_destroy(&p);
    return PG_OK;
}

/*
 * ARPACK finds the eigenvector of a news graph in one restart, but not
 * always that of an odd one, and the whole analysis is not to fail then:
 * - on a graph whose strengths are all equal (a ring) the start vector
 *   igraph gives it, the strengths, is the answer already, which stalls
 *   it: that answer, all 1s, is given without it;
 * - on a long chain of actors the two largest eigenvalues all but meet:
 *   when ARPACK does not converge (PG_ANALYSE_EIGEN_RESTARTS), it is asked
 *   again for a residual of 1e-10 of the eigenvalue rather than of the
 *   machine's precision, which it reaches in a quarter of the restarts (a
 *   chain of 3,001 takes some 1,000, 2 s); the graph's approximation says so;
 * - beyond that, the power iteration's estimate, said so too.
 */
#define PG_EIGEN_SLOW_TOLERANCE 1e-10
/* The power iteration has settled when no value moves more than this (they print to 10 digits) */
#define PG_EIGEN_SETTLED 1e-12
/* ... and may take about this many multiplications by a link's weight */
#define PG_EIGEN_WORK 2e8

/*
 * Power iteration on A + I from the strengths, scaled so that the largest
 * is 1 at every step: A + I has the eigenvectors of A, and its largest
 * eigenvalue stands alone in magnitude even on a bipartite graph, where
 * A's is matched by its negative. The values go to the nodes of 'in';
 * *steps is the steps taken, at most max_steps.
 */
static int power_eigenvector(pg_graph *g, const unsigned char *in, size_t max_steps,
                             size_t *steps, int *settled, pg_error *err)
{
    size_t n = g->n_nodes, step = 0;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        x[i] = in[i] ? g->nodes[i].fig.strength : 0.0;
    *settled = 0;
    while (step < max_steps && !*settled) {
        step++;
        memcpy(y, x, n * sizeof *y);
        for (size_t i = 0; i < g->n_links; i++) {
            const pg_link *l = &g->links[i];
            if (usable(l->weight) && in[l->source] && in[l->target]) {
                y[l->source] += l->weight * x[l->target];
                y[l->target] += l->weight * x[l->source];
            }
        }
        double top = 0.0, moved = 0.0;
        for (size_t i = 0; i < n; i++)
            top = y[i] > top ? y[i] : top;
        for (size_t i = 0; i < n; i++) {
            double v = top > 0.0 ? y[i] / top : 0.0;
            moved = fmax(moved, fabs(v - x[i]));
            x[i] = v;
        }
        *settled = moved <= PG_EIGEN_SETTLED;
    }
    for (size_t i = 0; i < n; i++)
        g->nodes[i].fig.eigenvector = clean(x[i]);
    *steps = step;
    free(x);
    free(y);
    return PG_OK;
}

/* Have the nodes of 'in' all the same strength, more than 0? */
static int equal_strengths(const pg_graph *g, const unsigned char *in)
{
    const double *first = NULL;
    for (size_t i = 0; i < g->n_nodes; i++) {
        if (!in[i])
            continue;
        if (!first)
            first = &g->nodes[i].fig.strength;
        else if (g->nodes[i].fig.strength != *first)
            return 0;
    }
    return first && *first > 0.0;
}

/* igraph's eigenvector centrality of sub (the nodes 'in' of g) into g; igraph's error code. */
static igraph_error_t arpack_eigenvector(pg_graph *g, const unsigned char *in, const pg_ig *sub,
                                         igraph_real_t tol, igraph_integer_t restarts)
{
    igraph_vector_t e;
    igraph_real_t value;
    igraph_error_t code = igraph_vector_init(&e, 0);
    if (code != IGRAPH_SUCCESS)
        return code;
    igraph_arpack_options_t options;
    igraph_arpack_options_init(&options);
    options.tol = tol;
    options.mxiter = restarts;
    code = igraph_eigenvector_centrality(&sub->graph, &e, &value, IGRAPH_UNDIRECTED, 1, &sub->w,
                                         &options);
    if (code == IGRAPH_SUCCESS) {
        size_t j = 0;
        for (size_t i = 0; i < g->n_nodes; i++) {
            if (in[i])
                g->nodes[i].fig.eigenvector = clean(VECTOR(e)[j++]);
        }
    }
    igraph_vector_destroy(&e);
    return code;
}

/*
 * Weighted eigenvector centrality of the largest component, scaled so
 * that its largest value is 1; 0 elsewhere. networkx's is ill-defined on
 * a disconnected graph, so the component is what analysts compare with.
 * 'note' receives what the graph's approximation is to say, or "".
 */
static int eigenvector(pg_graph *g, const pg_analyse_options *o, char *note, size_t note_size,
                       pg_error *err)
{
    size_t n = g->n_nodes;
    note[0] = '\0';
    if (n == 0)
        return PG_OK;
    unsigned char *in = malloc(n);
    if (!in)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    size_t k = largest_component(g, in);
    if (k == 0) {
        free(in);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        g->nodes[i].fig.eigenvector = 0.0;
    if (k == 1) {
        /* no links: networkx gives a lone node 1 */
        for (size_t i = 0; i < n; i++) {
            if (in[i])
                g->nodes[i].fig.eigenvector = 1.0;
        }
        free(in);
        return PG_OK;
    }
    if (equal_strengths(g, in)) {
        /* A 1 = s 1: all 1s, which stalls ARPACK */
        for (size_t i = 0; i < n; i++)
            g->nodes[i].fig.eigenvector = in[i] ? 1.0 : 0.0;
        free(in);
        return PG_OK;
    }
    pg_ig sub;
    int rc = ig_build(&sub, g, in, err);
    if (rc != PG_OK) {
        free(in);
        return rc;
    }
    igraph_integer_t restarts = o->eigen_restarts > 0 ? o->eigen_restarts : 1;
    igraph_error_t code = arpack_eigenvector(g, in, &sub, 0.0, restarts);
    if (code != IGRAPH_SUCCESS && code != IGRAPH_ENOMEM) {
        pg_igraph_msg[0] = '\0'; /* handled: a later failure reports its own */
        code = arpack_eigenvector(g, in, &sub, PG_EIGEN_SLOW_TOLERANCE, restarts);
        if (code == IGRAPH_SUCCESS)
            snprintf(note, note_size,
                     "eigenvector found to a residual of %g of its eigenvalue (slow to converge "
                     "on this graph)",
                     PG_EIGEN_SLOW_TOLERANCE);
    }
    if (code != IGRAPH_SUCCESS && code != IGRAPH_ENOMEM) {
        pg_igraph_msg[0] = '\0';
        double budget = PG_EIGEN_WORK / (double)(g->n_links + n + 1);
        size_t steps = 0;
        int settled = 0;
        rc = power_eigenvector(g, in, budget < 100.0 ? 100 : (size_t)budget, &steps, &settled,
                               err);
        if (rc == PG_OK && !settled)
            snprintf(note, note_size,
                     "eigenvector estimated by %zu steps of power iteration, which did not settle",
                     steps);
        code = IGRAPH_SUCCESS;
    }
    if (rc == PG_OK && code != IGRAPH_SUCCESS)
        rc = igraph_failed(err, "eigenvector centrality");
    ig_destroy(&sub);
    free(in);
    return rc;
}

/* Louvain, seeded; communities renumbered 0.. by first appearance in node order. */
static int communities(pg_graph *g, const pg_ig *ig, unsigned long seed, pg_error *err)
{
    size_t n = g->n_nodes;
    igraph_vector_int_t mem;
    if (igraph_vector_int_init(&mem, 0))
        return igraph_failed(err, "communities");
    /* the default RNG keeps its state between calls: seed right before */
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    if (igraph_community_multilevel(&ig->graph, &ig->w, 1.0, &mem, NULL, NULL)) {
        igraph_vector_int_destroy(&mem);
        return igraph_failed(err, "communities");
    }
    long *renum = malloc(n * sizeof *renum);
    if (!renum) {
        igraph_vector_int_destroy(&mem);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        renum[i] = -1;
    long next = 0;
    for (size_t i = 0; i < n; i++) {
        igraph_integer_t c = VECTOR(mem)[i];
        if (c < 0 || (size_t)c >= n) {
            free(renum);
            igraph_vector_int_destroy(&mem);
            return pg_error_set(err, PG_EINTERNAL, "igraph: community %" IGRAPH_PRId " out of range",
                                c);
        }
        if (renum[c] < 0)
            renum[c] = next++;
        g->nodes[i].fig.community = renum[c];
    }
    free(renum);
    igraph_vector_int_destroy(&mem);
    return PG_OK;
}

void pg_analyse_options_init(pg_analyse_options *o)
{
    o->seed = PG_DEFAULT_SEED;
    o->exact = 0;
    o->max_work = PG_ANALYSE_MAX_WORK;
    o->threads = 1;
    o->eigen_restarts = PG_ANALYSE_EIGEN_RESTARTS;
}

int pg_analyse(pg_graph *g, unsigned long seed, pg_error *err)
{
    pg_analyse_options o;
    pg_analyse_options_init(&o);
    o.seed = seed;
    return pg_analyse_with(g, &o, err);
}

/* Adds 'note' (if any) to what g->approximation says. */
static int note_add(pg_graph *g, const char *note, pg_error *err)
{
    if (!note[0])
        return PG_OK;
    const char *before = g->approximation ? g->approximation : "";
    size_t len = strlen(before) + strlen(note) + 3;
    char *text = malloc(len);
    if (!text)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    snprintf(text, len, "%s%s%s", before, *before ? "; " : "", note);
    free(g->approximation);
    g->approximation = text;
    return PG_OK;
}

/* Says in g->approximation what path_figures estimated, if anything. */
static int note_sampling(pg_graph *g, const pg_analyse_options *o, const pg_path_sampling *sm,
                         pg_error *err)
{
    if (sm->components == 0)
        return PG_OK;
    char text[300];
    snprintf(text, sizeof text,
             "betweenness, closeness and harmonic estimated from the shortest paths of %zu "
             "pivots drawn with seed %lu among the %zu nodes (%zu links) of %zu big "
             "component%s; exact elsewhere",
             sm->pivots, o->seed, sm->nodes, sm->links, sm->components,
             sm->components == 1 ? "" : "s");
    return note_add(g, text, err);
}

int pg_analyse_with(pg_graph *g, const pg_analyse_options *o, pg_error *err)
{
    int rc = pg_graph_sort(g, err);
    if (rc != PG_OK)
        return rc;
    g->analysed = 0;
    free(g->approximation);
    g->approximation = NULL;
    for (size_t i = 0; i < g->n_nodes; i++)
        memset(&g->nodes[i].fig, 0, sizeof g->nodes[i].fig);
    degree_strength(g);
    if (g->n_nodes == 0) {
        g->analysed = 1;
        return PG_OK;
    }

    pg_igraph_msg[0] = '\0';
    igraph_error_handler_t *old_error = igraph_set_error_handler(pg_igraph_error);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(pg_igraph_warning);

    pg_ig ig;
    rc = ig_build(&ig, g, NULL, err);
    if (rc != PG_OK)
        goto restore;
    pg_path_sampling sm;
    char eigen_note[200];
    if ((rc = pg_path_figures(g, o, &sm, err)) != PG_OK ||
        (rc = note_sampling(g, o, &sm, err)) != PG_OK ||
        (rc = pagerank(g, &ig, err)) != PG_OK ||
        (rc = eigenvector(g, o, eigen_note, sizeof eigen_note, err)) != PG_OK ||
        (rc = note_add(g, eigen_note, err)) != PG_OK ||
        (rc = communities(g, &ig, o->seed, err)) != PG_OK)
        goto out;
    g->analysed = 1;
out:
    ig_destroy(&ig);
restore:
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    return rc;
}
