#include "pg_paths.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * One Dijkstra search per source gives all three figures: the distances
 * make closeness and harmonic, the counts of shortest paths and Brandes's
 * accumulation ("A faster algorithm for betweenness centrality", 2001)
 * make betweenness. igraph runs a search per figure and spends much of
 * it on bookkeeping, so this is several times faster; the definitions
 * are those of networkx (DESIGN.md), lengths 1/weight.
 *
 * A search only ever reaches the source's component and clears only what
 * it touched, so a graph of many small components costs what its
 * components cost.
 */

/*
 * Two path lengths this close (relative to their sum) are equal: sums of
 * the same lengths in another order differ in the last bits. igraph
 * compares so too (IGRAPH_SHORTEST_PATH_EPSILON); networkx compares
 * exactly and then misses ties such as 1/2 + 1/6 against 2/3.
 */
#define PG_PATH_EPSILON 1e-10

static int same_length(double a, double b)
{
    return a == b || fabs(a - b) < PG_PATH_EPSILON * (fabs(a) + fabs(b));
}

static double clean(double x)
{
    return (isnan(x) || x == 0.0) ? 0.0 : x; /* also -0.0 */
}

static int usable(double w)
{
    return w > 0.0 && isfinite(w);
}

/* ------------------------------------------------------------------ */
/* The graph as adjacency arrays                                        */

typedef struct pg_csr {
    size_t n;
    size_t *start; /* n + 1: the neighbours of v are [start[v], start[v + 1]) */
    size_t *to;
    double *len;
} pg_csr;

static void csr_release(pg_csr *c)
{
    free(c->start);
    free(c->to);
    free(c->len);
    memset(c, 0, sizeof *c);
}

/* Usable links only: a weight that is not positive is an infinite length. */
static int csr_build(pg_csr *c, const pg_graph *g)
{
    size_t n = g->n_nodes, m = 0;
    memset(c, 0, sizeof *c);
    c->n = n;
    c->start = calloc(n + 2, sizeof *c->start);
    for (size_t i = 0; i < g->n_links; i++)
        m += usable(g->links[i].weight);
    c->to = malloc((2 * m + 1) * sizeof *c->to);
    c->len = malloc((2 * m + 1) * sizeof *c->len);
    if (!c->start || !c->to || !c->len) {
        csr_release(c);
        return PG_ENOMEM;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (usable(l->weight)) {
            c->start[l->source + 2]++;
            c->start[l->target + 2]++;
        }
    }
    for (size_t v = 0; v < n; v++)
        c->start[v + 2] += c->start[v + 1];
    /* start[v + 1] is where v's next neighbour goes, then its end */
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (!usable(l->weight))
            continue;
        double len = 1.0 / l->weight;
        size_t a = c->start[l->source + 1]++, b = c->start[l->target + 1]++;
        c->to[a] = l->target;
        c->len[a] = len;
        c->to[b] = l->source;
        c->len[b] = len;
    }
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* One search                                                            */

typedef struct pg_search {
    double *dist, *sigma, *delta;
    size_t *heap, *pos; /* pos[v]: index in the heap + 1, or 0 */
    size_t heap_n;
    size_t *order; /* the nodes in the order they were settled */
    size_t n_order;
    unsigned char *settled;
} pg_search;

static void search_release(pg_search *s)
{
    free(s->dist);
    free(s->sigma);
    free(s->delta);
    free(s->heap);
    free(s->pos);
    free(s->order);
    free(s->settled);
}

static int search_init(pg_search *s, size_t n)
{
    memset(s, 0, sizeof *s);
    n = n ? n : 1;
    s->dist = malloc(n * sizeof *s->dist);
    s->sigma = calloc(n, sizeof *s->sigma);
    s->delta = calloc(n, sizeof *s->delta);
    s->heap = malloc(n * sizeof *s->heap);
    s->pos = calloc(n, sizeof *s->pos);
    s->order = malloc(n * sizeof *s->order);
    s->settled = calloc(n, 1);
    if (!s->dist || !s->sigma || !s->delta || !s->heap || !s->pos || !s->order || !s->settled) {
        search_release(s);
        memset(s, 0, sizeof *s);
        return PG_ENOMEM;
    }
    return PG_OK;
}

/* A binary heap of nodes by distance; ties by node index, so the order is fixed. */
static int heap_less(const pg_search *s, size_t a, size_t b)
{
    return s->dist[a] < s->dist[b] || (s->dist[a] == s->dist[b] && a < b);
}

static void heap_up(pg_search *s, size_t i)
{
    size_t v = s->heap[i];
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!heap_less(s, v, s->heap[p]))
            break;
        s->heap[i] = s->heap[p];
        s->pos[s->heap[i]] = i + 1;
        i = p;
    }
    s->heap[i] = v;
    s->pos[v] = i + 1;
}

static size_t heap_pop(pg_search *s)
{
    size_t top = s->heap[0], v = s->heap[--s->heap_n], i = 0;
    s->pos[top] = 0;
    if (s->heap_n == 0)
        return top;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= s->heap_n)
            break;
        if (c + 1 < s->heap_n && heap_less(s, s->heap[c + 1], s->heap[c]))
            c++;
        if (!heap_less(s, s->heap[c], v))
            break;
        s->heap[i] = s->heap[c];
        s->pos[s->heap[i]] = i + 1;
        i = c;
    }
    s->heap[i] = v;
    s->pos[v] = i + 1;
    return top;
}

/*
 * Dijkstra from 'src': distances, and sigma, the number of shortest
 * paths to each node settled (s->order).
 */
static void search_run(pg_search *s, const pg_csr *c, size_t src)
{
    s->n_order = 0;
    s->heap_n = 0;
    s->dist[src] = 0.0;
    s->sigma[src] = 1.0;
    s->heap[s->heap_n++] = src;
    s->pos[src] = 1;
    while (s->heap_n > 0) {
        size_t u = heap_pop(s);
        s->settled[u] = 1;
        s->order[s->n_order++] = u;
        for (size_t e = c->start[u]; e < c->start[u + 1]; e++) {
            size_t w = c->to[e];
            if (s->settled[w])
                continue;
            double alt = s->dist[u] + c->len[e];
            if (!s->pos[w]) {
                s->dist[w] = alt;
                s->sigma[w] = s->sigma[u];
                s->heap[s->heap_n++] = w;
                heap_up(s, s->heap_n - 1);
            } else if (same_length(alt, s->dist[w])) {
                s->sigma[w] += s->sigma[u];
            } else if (alt < s->dist[w]) {
                s->dist[w] = alt;
                s->sigma[w] = s->sigma[u];
                heap_up(s, s->pos[w] - 1);
            }
        }
    }
}

/*
 * Brandes's accumulation, in the reverse order of settling: the
 * dependency of the source on each node, added to bet[]. A node's
 * predecessors are the neighbours settled before it on a shortest path.
 */
static void search_accumulate(pg_search *s, const pg_csr *c, double *bet)
{
    for (size_t i = s->n_order; i-- > 0;) {
        size_t w = s->order[i];
        double coeff = (1.0 + s->delta[w]) / s->sigma[w];
        for (size_t e = c->start[w]; e < c->start[w + 1]; e++) {
            size_t v = c->to[e];
            if (s->settled[v] && s->dist[v] < s->dist[w] &&
                same_length(s->dist[v] + c->len[e], s->dist[w]))
                s->delta[v] += s->sigma[v] * coeff;
        }
        if (i > 0)
            bet[w] += s->delta[w];
    }
}

/* Clears what the last search touched. */
static void search_clear(pg_search *s)
{
    for (size_t i = 0; i < s->n_order; i++) {
        size_t v = s->order[i];
        s->settled[v] = 0;
        s->sigma[v] = 0.0;
        s->delta[v] = 0.0;
    }
}

/* ------------------------------------------------------------------ */
/* Components, exact or sampled                                          */

/* splitmix64: a small generator of our own, so the sample is the same everywhere */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static size_t uf_find(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

/*
 * Searches for a component of r nodes and m links: 0 for all of them
 * (exact) when that is within the work allowed, else as many as the work
 * allows, at least PG_ANALYSE_MIN_PIVOTS; but exact all the same when
 * that would save less than half of the work.
 */
static size_t pivots_for(const pg_analyse_options *o, double r, double m)
{
    if (o->exact || r * m <= o->max_work)
        return 0;
    double k = floor(o->max_work / (m > 1.0 ? m : 1.0));
    if (k < PG_ANALYSE_MIN_PIVOTS)
        k = PG_ANALYSE_MIN_PIVOTS;
    return 2.0 * k >= r ? 0 : (size_t)k;
}

/*
 * The searches run in chunks of PG_PATH_CHUNK sources, on o->threads
 * threads. Each chunk sums its sources' contributions in source order,
 * and the chunks' sums are added to the totals in chunk order, so the
 * figures are the same to the last bit whatever the number of threads.
 */
#define PG_PATH_CHUNK 16

typedef struct pg_paths {
    pg_graph *g;
    pg_csr csr;
    const size_t *sources; /* exact components' nodes and sampled ones' pivots, in order */
    const unsigned char *exact; /* per node: its component is exact */
    size_t n_sources, n_chunks;
    double *bet, *sum_d, *sum_inv; /* totals per node */
    pthread_mutex_t lock;
    pthread_cond_t merged_cv;
    size_t next_chunk, merged; /* chunks taken, chunks added to the totals */
    int failed;
} pg_paths;

typedef struct pg_worker {
    pg_paths *p;
    pg_search s;
    double *bet, *sum_d, *sum_inv; /* the sums of the current chunk */
} pg_worker;

/* One source: its own closeness and harmonic if exact, else distances to share. */
static void path_source(pg_worker *w, size_t src)
{
    pg_paths *p = w->p;
    pg_search *s = &w->s;
    search_run(s, &p->csr, src);
    search_accumulate(s, &p->csr, w->bet);
    if (p->exact[src]) {
        double sum = 0.0, inv = 0.0;
        for (size_t i = 1; i < s->n_order; i++) {
            double d = s->dist[s->order[i]];
            sum += d;
            inv += 1.0 / d;
        }
        double reach = (double)(s->n_order - 1), n1 = (double)p->g->n_nodes - 1.0;
        pg_figures *f = &p->g->nodes[src].fig; /* this source's own: no other thread writes it */
        /* closeness_centrality with Wasserman-Faust: (r-1)/(n-1) * (r-1)/sum */
        f->closeness = sum > 0 ? clean(reach / n1 * (reach / sum)) : 0.0;
        f->harmonic = clean(inv);
    } else {
        for (size_t i = 1; i < s->n_order; i++) {
            size_t v = s->order[i];
            double d = s->dist[v];
            w->sum_d[v] += d;
            w->sum_inv[v] += 1.0 / d;
        }
    }
    search_clear(s);
}

static void *path_worker(void *arg)
{
    pg_worker *w = arg;
    pg_paths *p = w->p;
    size_t n = p->g->n_nodes;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t c = p->next_chunk < p->n_chunks ? p->next_chunk++ : p->n_chunks;
        pthread_mutex_unlock(&p->lock);
        if (c == p->n_chunks)
            break;
        memset(w->bet, 0, n * sizeof *w->bet);
        memset(w->sum_d, 0, n * sizeof *w->sum_d);
        memset(w->sum_inv, 0, n * sizeof *w->sum_inv);
        size_t end = (c + 1) * PG_PATH_CHUNK;
        if (end > p->n_sources)
            end = p->n_sources;
        for (size_t i = c * PG_PATH_CHUNK; i < end; i++)
            path_source(w, p->sources[i]);
        /* add this chunk's sums after those of the chunks before it */
        pthread_mutex_lock(&p->lock);
        while (p->merged != c)
            pthread_cond_wait(&p->merged_cv, &p->lock);
        pthread_mutex_unlock(&p->lock);
        for (size_t v = 0; v < n; v++) {
            p->bet[v] += w->bet[v];
            p->sum_d[v] += w->sum_d[v];
            p->sum_inv[v] += w->sum_inv[v];
        }
        pthread_mutex_lock(&p->lock);
        p->merged++;
        pthread_cond_broadcast(&p->merged_cv);
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

static void worker_release(pg_worker *w)
{
    search_release(&w->s);
    free(w->bet);
    free(w->sum_d);
    free(w->sum_inv);
}

static int worker_init(pg_worker *w, pg_paths *p)
{
    size_t n = p->g->n_nodes;
    memset(w, 0, sizeof *w);
    w->p = p;
    w->bet = malloc(n * sizeof *w->bet);
    w->sum_d = malloc(n * sizeof *w->sum_d);
    w->sum_inv = malloc(n * sizeof *w->sum_inv);
    if (!w->bet || !w->sum_d || !w->sum_inv || search_init(&w->s, n) != PG_OK) {
        worker_release(w);
        memset(w, 0, sizeof *w);
        return PG_ENOMEM;
    }
    return PG_OK;
}

/* Runs every source on up to 'threads' threads (this one among them). */
static int run_sources(pg_paths *p, size_t threads, pg_error *err)
{
    p->n_chunks = (p->n_sources + PG_PATH_CHUNK - 1) / PG_PATH_CHUNK;
    if (threads > p->n_chunks)
        threads = p->n_chunks;
    if (threads == 0)
        return PG_OK;
    pg_worker *w = calloc(threads, sizeof *w);
    pthread_t *tid = calloc(threads, sizeof *tid);
    size_t ready = 0, started = 0;
    int rc = PG_OK;
    if (!w || !tid)
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    for (; rc == PG_OK && ready < threads; ready++)
        if (worker_init(&w[ready], p) != PG_OK)
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    if (rc == PG_OK) {
        pthread_mutex_init(&p->lock, NULL);
        pthread_cond_init(&p->merged_cv, NULL);
        /* the others on threads of their own; if one cannot start, the rest do its share */
        for (started = 1; started < threads; started++)
            if (pthread_create(&tid[started], NULL, path_worker, &w[started]) != 0)
                break;
        path_worker(&w[0]);
        for (size_t i = 1; i < started; i++)
            pthread_join(tid[i], NULL);
        pthread_cond_destroy(&p->merged_cv);
        pthread_mutex_destroy(&p->lock);
    }
    for (size_t i = 0; i < ready && w; i++)
        worker_release(&w[i]);
    free(w);
    free(tid);
    return rc;
}

/* The first k of a seeded shuffle of nodes[0, r) become pivots (then in node order). */
static void draw_pivots(size_t *nodes, size_t r, size_t k, uint64_t *rng, unsigned char *is_pivot)
{
    for (size_t j = 0; j < k; j++) {
        size_t t = j + (size_t)(next_random(rng) % (r - j)), x = nodes[j];
        nodes[j] = nodes[t];
        nodes[t] = x;
        is_pivot[nodes[j]] = 1;
    }
}

/*
 * Estimates for a sampled component of r nodes from k pivots: betweenness
 * sums the pivots' dependencies and scales them by r/k (Brandes and Pich,
 * "Centrality estimation in large networks", 2007: networkx's
 * betweenness_centrality(k=...)); closeness and harmonic scale the
 * distances from the pivots by (r-1)/k (Eppstein and Wang, "Fast
 * approximation of centrality", 2004). Unbiased, except closeness, which
 * inverts an estimated sum; the error falls as 1/sqrt(k).
 */
static void sampled_estimates(pg_paths *p, const size_t *nodes, size_t r, size_t k,
                              const unsigned char *is_pivot)
{
    double n1 = (double)p->g->n_nodes - 1.0, rr = (double)r;
    for (size_t j = 0; j < r; j++) {
        size_t v = nodes[j];
        pg_figures *f = &p->g->nodes[v].fig;
        double others = (double)(k - is_pivot[v]); /* pivots other than v */
        if (others > 0 && p->sum_d[v] > 0) {
            double total = p->sum_d[v] * (rr - 1.0) / others; /* estimated sum of distances */
            f->closeness = clean((rr - 1.0) / n1 * ((rr - 1.0) / total));
            f->harmonic = clean(p->sum_inv[v] * (rr - 1.0) / others);
        }
    }
}

static int cmp_size_t(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

int pg_path_figures(pg_graph *g, const pg_analyse_options *o, pg_path_sampling *sm,
                    pg_error *err)
{
    size_t n = g->n_nodes;
    memset(sm, 0, sizeof *sm);
    for (size_t i = 0; i < n; i++) {
        g->nodes[i].fig.betweenness = 0.0;
        g->nodes[i].fig.closeness = 0.0;
        g->nodes[i].fig.harmonic = 0.0;
    }
    if (n == 0)
        return PG_OK;
    pg_paths p;
    memset(&p, 0, sizeof p);
    p.g = g;
    size_t *parent = malloc(n * sizeof *parent), *size = calloc(n, sizeof *size);
    size_t *links = calloc(n, sizeof *links), *start = calloc(n + 1, sizeof *start);
    size_t *nodes = malloc(n * sizeof *nodes), *sources = malloc(n * sizeof *sources);
    size_t *pivots = malloc(n * sizeof *pivots), *picked = calloc(n, sizeof *picked);
    double *factor = malloc(n * sizeof *factor);
    unsigned char *exact = calloc(n, 1), *is_pivot = calloc(n, 1);
    p.bet = calloc(n, sizeof *p.bet);
    p.sum_d = calloc(n, sizeof *p.sum_d);
    p.sum_inv = calloc(n, sizeof *p.sum_inv);
    int rc = PG_OK;
    if (!parent || !size || !links || !start || !nodes || !sources || !pivots || !picked ||
        !factor || !exact || !is_pivot || !p.bet || !p.sum_d || !p.sum_inv ||
        csr_build(&p.csr, g) != PG_OK) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto out;
    }

    /* components of the usable links, each a run of 'nodes' in node order */
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
    for (size_t i = 0; i < g->n_links; i++)
        if (usable(g->links[i].weight))
            links[uf_find(parent, g->links[i].source)]++;
    size_t at = 0;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i) {
            start[i] = at;
            at += size[i];
        }
    for (size_t i = 0; i < n; i++)
        nodes[start[uf_find(parent, i)]++] = i;
    /* start[root] is now the end of its run */

    /* the sources: every node of an exact component, the pivots of the others */
    uint64_t rng = (uint64_t)o->seed;
    for (size_t i = 0; i < n; i++) {
        if (parent[i] != i)
            continue;
        size_t r = size[i], *run = nodes + start[i] - r;
        factor[i] = 1.0;
        if (r < 2)
            continue; /* no paths: every figure 0 */
        size_t k = pivots_for(o, (double)r, (double)links[i]);
        if (k == 0) {
            for (size_t j = 0; j < r; j++) {
                exact[run[j]] = 1;
                sources[p.n_sources++] = run[j];
            }
            continue;
        }
        draw_pivots(run, r, k, &rng, is_pivot);
        memcpy(pivots, run, k * sizeof *pivots);
        qsort(pivots, k, sizeof *pivots, cmp_size_t);
        memcpy(sources + p.n_sources, pivots, k * sizeof *pivots);
        p.n_sources += k;
        factor[i] = (double)r / (double)k;
        picked[i] = k;
        sm->components++;
        sm->pivots += k;
        sm->nodes += r;
        sm->links += links[i];
    }
    p.sources = sources;
    p.exact = exact;
    rc = run_sources(&p, o->threads > 0 ? o->threads : 1, err);
    if (rc != PG_OK)
        goto out;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i && picked[i] > 0)
            sampled_estimates(&p, nodes + start[i] - size[i], size[i], picked[i], is_pivot);
    /*
     * Brandes's sums count every pair from both ends; networkx's
     * normalised betweenness divides the pairs once by (n-1)(n-2)/2: the
     * same as the sums by (n-1)(n-2). For n <= 2 every value is 0.
     */
    double nn = (double)n;
    double scale = n > 2 ? 1.0 / ((nn - 1.0) * (nn - 2.0)) : 0.0;
    for (size_t i = 0; i < n; i++)
        g->nodes[i].fig.betweenness = clean(p.bet[i] * factor[uf_find(parent, i)] * scale);
out:
    csr_release(&p.csr);
    free(parent);
    free(size);
    free(links);
    free(start);
    free(nodes);
    free(sources);
    free(pivots);
    free(picked);
    free(factor);
    free(exact);
    free(is_pivot);
    free(p.bet);
    free(p.sum_d);
    free(p.sum_inv);
    return rc;
}
