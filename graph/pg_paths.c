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
 * components cost. A leaf (a node of one link, a third of a news graph)
 * has no search of its own: its neighbour's gives its figures (see
 * path_source), and settles it without queueing it (see search_run).
 * Nor has a twin, a node linked to another and to the same others alike
 * (find_twins): the other's search gives its figures.
 *
 * The nodes are settled in the order of (distance, node index), whatever
 * the queue (the leaves a search serves each right after its neighbour),
 * and every sum is made in a fixed order, so the figures are
 * the same to the last bit however the queue and the arrays are laid out.
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

/* same_length without a branch, for where it is hard to foresee */
static int same_length_flat(double a, double b)
{
    return (a == b) | (fabs(a - b) < PG_PATH_EPSILON * (fabs(a) + fabs(b)));
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

/*
 * Nodes are 32-bit in the searches, half the memory of size_t; so are
 * the entries of a search's queue, of which there are at most one per
 * link end and one more. The two highest values say "none" and "queued".
 */
typedef uint32_t pg_vertex;
#define PG_NONE UINT32_MAX
#define PG_QUEUED (UINT32_MAX - 1)
#define PG_PATH_MAX ((size_t)PG_QUEUED - 1)

/*
 * Numbered by component (see pg_path_figures): the nodes a search reaches
 * are together in memory.
 */
typedef struct pg_csr {
    size_t n;
    size_t *start; /* n + 1: the neighbours of v are [start[v], start[v + 1]) */
    size_t *leaves; /* n: those from leaves[v] on are leaves v's search serves (csr_leaves_last) */
    pg_vertex *to;
    double *len;
} pg_csr;

static void csr_release(pg_csr *c)
{
    free(c->start);
    free(c->leaves);
    free(c->to);
    free(c->len);
    memset(c, 0, sizeof *c);
}

/*
 * Usable links only: a weight that is not positive is an infinite length.
 * Node i of the graph is node place[i] here; each node's links stay in
 * the graph's order.
 */
static int csr_build(pg_csr *c, const pg_graph *g, const size_t *place)
{
    size_t n = g->n_nodes, m = 0;
    memset(c, 0, sizeof *c);
    c->n = n;
    c->start = calloc(n + 2, sizeof *c->start);
    c->leaves = malloc((n + 1) * sizeof *c->leaves);
    for (size_t i = 0; i < g->n_links; i++)
        m += usable(g->links[i].weight);
    c->to = malloc((2 * m + 1) * sizeof *c->to);
    c->len = malloc((2 * m + 1) * sizeof *c->len);
    if (!c->start || !c->leaves || !c->to || !c->len) {
        csr_release(c);
        return PG_ENOMEM;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (usable(l->weight)) {
            c->start[place[l->source] + 2]++;
            c->start[place[l->target] + 2]++;
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
        size_t s = place[l->source], t = place[l->target];
        size_t a = c->start[s + 1]++, b = c->start[t + 1]++;
        c->to[a] = (pg_vertex)t;
        c->len[a] = len;
        c->to[b] = (pg_vertex)s;
        c->len[b] = len;
    }
    for (size_t v = 0; v < n; v++)
        c->leaves[v] = c->start[v + 1];
    return PG_OK;
}

/*
 * Puts the leaves that v's search serves (leaf_of[w] == v) after v's
 * other neighbours, both in the order they had; leaves[v] is where they
 * begin.
 */
static int csr_leaves_last(pg_csr *c, const pg_vertex *leaf_of)
{
    size_t most = 0; /* links of a node */
    for (size_t v = 0; v < c->n; v++)
        if (c->start[v + 1] - c->start[v] > most)
            most = c->start[v + 1] - c->start[v];
    pg_vertex *tmp_to = malloc((most + 1) * sizeof *tmp_to);
    double *tmp_len = malloc((most + 1) * sizeof *tmp_len);
    for (size_t v = 0; v < c->n && tmp_to && tmp_len; v++) {
        size_t b = c->start[v], e = c->start[v + 1], k = b, t = 0;
        for (size_t i = b; i < e; i++) {
            if (leaf_of[c->to[i]] == v) {
                tmp_to[t] = c->to[i];
                tmp_len[t++] = c->len[i];
            } else {
                c->to[k] = c->to[i];
                c->len[k++] = c->len[i];
            }
        }
        memcpy(c->to + k, tmp_to, t * sizeof *tmp_to);
        memcpy(c->len + k, tmp_len, t * sizeof *tmp_len);
        c->leaves[v] = k;
    }
    int rc = tmp_to && tmp_len ? PG_OK : PG_ENOMEM;
    free(tmp_to);
    free(tmp_len);
    return rc;
}

/* ------------------------------------------------------------------ */
/* One search                                                            */

/* A node queued at a distance: the node queued again at a shorter one leaves it stale. */
typedef struct pg_entry {
    double d;
    pg_vertex v;
    uint32_t next; /* the next entry in its bucket, or PG_NONE */
} pg_entry;

/* The queue's buckets: a level per byte of a distance's bits, a bucket per value of the byte. */
#define PG_DIGIT_BITS 8
#define PG_DIGITS (1u << PG_DIGIT_BITS)
#define PG_BUCKETS (64 / PG_DIGIT_BITS * PG_DIGITS)
#define PG_MASK_WORDS (PG_BUCKETS / 64)

/* Groups of more nodes than this are sorted by bytes rather than by insertion. */
#define PG_GROUP_SORT 32

/*
 * A possible predecessor of a queued node: a node settled (at its place
 * 'at') whose link reached the queued one at distance t no longer than
 * the queued one's distance then, or about as long. A longer one cannot
 * be on a shortest path, the distance only falling (see search_run).
 */
typedef struct pg_cand {
    double t;
    pg_vertex at;
    uint32_t next; /* the next of the same node, or PG_NONE */
} pg_cand;

/*
 * By node (pg_reach, together, as a link's relaxation reads them all):
 * the distance and path count while queued, the first possible
 * predecessor, and the state: PG_NONE, PG_QUEUED or the place in the
 * order of settling. By place in that order: the node, its distance, path
 * count and dependency, and its predecessors (as places). These are found
 * when the node is settled, as then its distance is final and so are
 * those of the nodes settled before it (the only ones that can precede
 * it): the accumulation then reads them in sequence rather than looking
 * again at every link.
 */
typedef struct pg_reach {
    double dist, sigma;
    pg_vertex state;
    uint32_t first; /* in cand */
} pg_reach;

typedef struct pg_search {
    pg_reach *reach;
    pg_cand *cand; /* this search's possible predecessors */
    pg_vertex *order;
    double *o_dist, *o_sigma, *o_delta;
    size_t *pred_start; /* the predecessors of place i: preds[pred_start[i], pred_start[i + 1]) */
    pg_vertex *preds;
    size_t n_order;
    /* the queue (see queue_push) */
    pg_entry *pool; /* the entries of this search, in the order queued */
    size_t pool_n, queued;
    uint32_t bucket[PG_BUCKETS]; /* first entry, or PG_NONE */
    uint64_t least[PG_BUCKETS];  /* the least distance in each bucket, as bits */
    uint64_t mask[PG_MASK_WORDS], words; /* buckets not empty; mask words not 0 */
    uint64_t last;                       /* the distance being settled, as bits */
    pg_vertex *group; /* the nodes queued at 'last', by index, from group_at */
    size_t group_at, group_n;
} pg_search;

static void search_release(pg_search *s)
{
    free(s->reach);
    free(s->cand);
    free(s->order);
    free(s->o_dist);
    free(s->o_sigma);
    free(s->o_delta);
    free(s->pred_start);
    free(s->preds);
    free(s->pool);
    free(s->group);
}

/* n nodes, m_dir link ends */
static int search_init(pg_search *s, size_t n, size_t m_dir)
{
    memset(s, 0, sizeof *s);
    n = n ? n : 1;
    s->reach = malloc(n * sizeof *s->reach);
    s->cand = malloc((m_dir + 1) * sizeof *s->cand);
    s->order = malloc(n * sizeof *s->order);
    s->o_dist = malloc(n * sizeof *s->o_dist);
    s->o_sigma = malloc(n * sizeof *s->o_sigma);
    s->o_delta = malloc(n * sizeof *s->o_delta);
    s->pred_start = malloc((n + 1) * sizeof *s->pred_start);
    s->preds = malloc((m_dir + 1) * sizeof *s->preds);
    /* a node is queued first from the source or along a link, then only along a link */
    s->pool = malloc((m_dir + 1) * sizeof *s->pool);
    s->group = malloc(2 * n * sizeof *s->group); /* a node once, and room to sort */
    if (!s->reach || !s->cand || !s->order ||
        !s->o_dist || !s->o_sigma || !s->o_delta || !s->pred_start || !s->preds || !s->pool ||
        !s->group) {
        search_release(s);
        memset(s, 0, sizeof *s);
        return PG_ENOMEM;
    }
    for (size_t v = 0; v < n; v++)
        s->reach[v].state = PG_NONE;
    /* the buckets are empty again at the end of every search */
    for (unsigned b = 0; b < PG_BUCKETS; b++) {
        s->bucket[b] = PG_NONE;
        s->least[b] = UINT64_MAX;
    }
    return PG_OK;
}

/*
 * The queue: a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster
 * algorithms for the shortest path problem", 1990) of distances, as the
 * bits of a double that is not negative order as the double does. The
 * distances taken out only grow, from 'last'. An entry waits in the
 * bucket of the highest byte in which it differs from 'last', and of its
 * value there; the first bucket not empty, emptied into lower ones when
 * 'last' moves up to its least distance, holds the next ones. The nodes
 * at 'last' itself make the group, taken out by node index: so the order
 * of settling is that of (distance, node index), as with any queue.
 */
static uint64_t dist_bits(double d)
{
    uint64_t x;
    memcpy(&x, &d, sizeof x);
    return x;
}

static void bucket_put(pg_search *s, uint32_t k, uint64_t x)
{
    unsigned level = (63u - (unsigned)__builtin_clzll(x ^ s->last)) / PG_DIGIT_BITS;
    unsigned b = level * PG_DIGITS + (unsigned)((x >> (level * PG_DIGIT_BITS)) & (PG_DIGITS - 1));
    s->pool[k].next = s->bucket[b];
    s->bucket[b] = k;
    s->least[b] = x < s->least[b] ? x : s->least[b];
    s->mask[b / 64] |= (uint64_t)1 << (b % 64);
    s->words |= (uint64_t)1 << (b / 64);
}

/* The buckets are empty at the end of every search, as set up by search_init. */
static void queue_reset(pg_search *s)
{
    s->last = 0;
    s->pool_n = s->queued = 0;
    s->group_at = s->group_n = 0;
}

/* Into the group, in order; a link shorter than the last bit of 'last' adds to it too. */
static void group_insert(pg_search *s, pg_vertex v)
{
    size_t i = s->group_n++;
    while (i > s->group_at && s->group[i - 1] > v) {
        s->group[i] = s->group[i - 1];
        i--;
    }
    s->group[i] = v;
}

static void queue_push(pg_search *s, double d, pg_vertex v)
{
    uint64_t x = dist_bits(d);
    s->queued++;
    if (x == s->last) {
        group_insert(s, v);
        return;
    }
    uint32_t k = (uint32_t)s->pool_n++;
    s->pool[k].d = d;
    s->pool[k].v = v;
    bucket_put(s, k, x);
}

/* Sorts a[0, n) by bytes, the least significant first, skipping those all alike. */
static void sort_vertices(pg_vertex *a, pg_vertex *tmp, size_t n)
{
    pg_vertex differ = 0, *from = a, *to = tmp;
    for (size_t i = 1; i < n; i++)
        differ |= a[i] ^ a[0];
    for (unsigned shift = 0; shift < 32; shift += 8) {
        if (!((differ >> shift) & 0xFF))
            continue;
        size_t count[256] = {0}, at = 0;
        for (size_t i = 0; i < n; i++)
            count[(from[i] >> shift) & 0xFF]++;
        for (unsigned d = 0; d < 256; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        pg_vertex *t = from;
        from = to;
        to = t;
    }
    if (from != a)
        memcpy(a, from, n * sizeof *a);
}

/* Empties the first bucket not empty: its least distance is the next 'last'. */
static void next_group(pg_search *s)
{
    unsigned w = (unsigned)__builtin_ctzll(s->words);
    unsigned b = 64 * w + (unsigned)__builtin_ctzll(s->mask[w]);
    uint32_t k = s->bucket[b];
    uint64_t least = s->least[b];
    s->last = least;
    s->bucket[b] = PG_NONE;
    s->least[b] = UINT64_MAX;
    s->mask[w] &= ~((uint64_t)1 << (b % 64));
    if (!s->mask[w])
        s->words &= ~((uint64_t)1 << w);
    s->group_at = s->group_n = 0;
    while (k != PG_NONE) {
        uint32_t next = s->pool[k].next;
        uint64_t x = dist_bits(s->pool[k].d);
        if (x == least)
            s->group[s->group_n++] = s->pool[k].v;
        else
            bucket_put(s, k, x);
        k = next;
    }
    if (s->group_n > PG_GROUP_SORT) {
        sort_vertices(s->group, s->group + s->group_n, s->group_n);
    } else {
        size_t n = s->group_n;
        s->group_n = 0;
        for (size_t i = 0; i < n; i++)
            group_insert(s, s->group[i]);
    }
}

/* The least entry by (distance, node index); the queue is not empty. */
static pg_vertex queue_pop(pg_search *s, double *d)
{
    s->queued--;
    if (s->group_at == s->group_n)
        next_group(s);
    memcpy(d, &s->last, sizeof *d);
    return s->group[s->group_at++];
}

/*
 * Dijkstra from 'src': distances, and sigma, the number of shortest
 * paths to each node settled (s->order). A node whose distance falls is
 * queued again; the stale entry comes out after the node is settled and
 * is dropped.
 *
 * The predecessors of u are its neighbours v settled before it with
 * dist[v] < dist[u] and dist[v] + length the same length as dist[u]. Each
 * such v reached u along that link when it was settled, with that very
 * sum; one longer than u's distance then, and not the same length, stays
 * so as u's distance falls, so only the others are tested, when u is
 * settled. (The order of a node's predecessors does not matter: each adds
 * to its own dependency.)
 *
 * The leaves u's search serves are settled with u, never queued: a leaf's
 * one link makes its distance u's plus that link, its path count u's and
 * u its one predecessor, and nothing goes on from it. So they come later
 * in the order than nodes nearer the source, which the accumulation does
 * not mind: it needs each node after its predecessors.
 */
static void search_run(pg_search *s, const pg_csr *c, pg_vertex src)
{
    double *o_dist = s->o_dist;
    pg_reach *r = s->reach;
    pg_vertex *preds = s->preds;
    pg_cand *cand = s->cand;
    size_t n_order = 0, n_preds = 0, n_cand = 0;
    queue_reset(s);
    r[src] = (pg_reach){0.0, 1.0, PG_QUEUED, PG_NONE};
    queue_push(s, 0.0, src);
    while (s->queued > 0) {
        double du;
        pg_vertex u = queue_pop(s, &du);
        if (r[u].state != PG_QUEUED)
            continue;
        double su = r[u].sigma;
        pg_vertex at = (pg_vertex)n_order++;
        r[u].state = at;
        s->order[at] = u;
        o_dist[at] = du;
        s->o_sigma[at] = su;
        s->o_delta[at] = 0.0;
        s->pred_start[at] = n_preds;
        for (uint32_t k = r[u].first; k != PG_NONE; k = cand[k].next) {
            preds[n_preds] = cand[k].at;
            n_preds += (size_t)((o_dist[cand[k].at] < du) & same_length_flat(cand[k].t, du));
        }
        for (size_t e = c->leaves[u]; e < c->start[u + 1]; e++) {
            pg_vertex l = (pg_vertex)n_order++;
            r[c->to[e]].state = l;
            s->order[l] = c->to[e];
            o_dist[l] = du + c->len[e];
            s->o_sigma[l] = su;
            s->o_delta[l] = 0.0;
            s->pred_start[l] = n_preds;
            preds[n_preds++] = at;
        }
        for (size_t e = c->start[u]; e < c->leaves[u]; e++) {
            pg_vertex w = c->to[e];
            pg_reach *rw = &r[w];
            pg_vertex sw = rw->state;
            if (sw < PG_QUEUED)
                continue; /* settled */
            double alt = du + c->len[e];
            if (sw == PG_NONE) {
                *rw = (pg_reach){alt, su, PG_QUEUED, PG_NONE};
                queue_push(s, alt, w);
            } else if (same_length(alt, rw->dist)) {
                rw->sigma += su;
            } else if (alt < rw->dist) {
                rw->dist = alt;
                rw->sigma = su;
                queue_push(s, alt, w);
            } else {
                continue;
            }
            cand[n_cand].t = alt;
            cand[n_cand].at = at;
            cand[n_cand].next = rw->first;
            rw->first = (uint32_t)n_cand++;
        }
    }
    s->pred_start[n_order] = n_preds;
    s->n_order = n_order;
}

/* Clears what the last search touched. */
static void search_clear(pg_search *s)
{
    for (size_t i = 0; i < s->n_order; i++)
        s->reach[s->order[i]].state = PG_NONE;
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

/* The nodes as numbered in the searches (see pg_path_figures). */
typedef struct pg_paths {
    pg_graph *g;
    pg_csr csr;
    const size_t *sources; /* exact components' nodes and sampled ones' pivots, in order */
    const unsigned char *exact; /* per node: its component is exact */
    const pg_vertex *leaf_of;   /* per node: the neighbour whose search serves it, or PG_NONE */
    const pg_vertex *twin_of;   /* per node: the twin whose search serves it, or PG_NONE */
    const size_t *node_of;      /* per node: its index in the graph */
    size_t n_sources, n_chunks;
    double *bet, *sum_d, *sum_inv; /* totals per node */
    pthread_mutex_t lock;
    pthread_cond_t merged_cv;
    size_t next_chunk, merged; /* chunks taken, chunks added to the totals */
    int failed;
} pg_paths;

/* A leaf served by a source's search: the length of its one link. */
typedef struct pg_leaf {
    double len;
    pg_vertex v;
} pg_leaf;

typedef struct pg_worker {
    pg_paths *p;
    pg_search s;
    double *bet, *sum_d, *sum_inv; /* the sums of the current chunk, where seen */
    unsigned char *seen;           /* per node: reached in this chunk */
    pg_vertex *seen_list;
    size_t n_seen;
    pg_leaf *leaves; /* the current source's */
} pg_worker;

/*
 * bet[v] += x in this chunk's sums. 'seen' marks the nodes whose bet[],
 * sum_d[] and sum_inv[] hold a sum of this chunk; the others are cleared
 * when first reached.
 */
static void chunk_add_bet(pg_worker *w, pg_vertex v, double x)
{
    if (!w->seen[v]) {
        w->seen[v] = 1;
        w->seen_list[w->n_seen++] = v;
        w->bet[v] = w->sum_d[v] = w->sum_inv[v] = 0.0;
    }
    w->bet[v] += x;
}

/*
 * Brandes's accumulation, in the reverse order of settling: the
 * dependency of the source on each node, 'times' over, added to bet[]
 * (the source stands for its leaves too: see path_source). A node's
 * predecessors are the neighbours settled before it on a shortest path.
 */
static void search_accumulate(pg_worker *w, double times)
{
    pg_search *s = &w->s;
    double *o_sigma = s->o_sigma, *o_delta = s->o_delta;
    for (size_t i = s->n_order; i-- > 0;) {
        double coeff = (1.0 + o_delta[i]) / o_sigma[i];
        for (size_t k = s->pred_start[i]; k < s->pred_start[i + 1]; k++) {
            pg_vertex j = s->preds[k];
            o_delta[j] += o_sigma[j] * coeff;
        }
        if (i > 0)
            chunk_add_bet(w, s->order[i], times * o_delta[i]);
    }
}

static int cmp_leaf(const void *a, const void *b)
{
    const pg_leaf *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

/* The leaves that src's search serves, into w->leaves; their number. */
static size_t collect_leaves(pg_worker *w, pg_vertex src)
{
    const pg_csr *c = &w->p->csr;
    size_t k = 0;
    for (size_t e = c->start[src]; e < c->start[src + 1]; e++)
        if (w->p->leaf_of[c->to[e]] == src) {
            w->leaves[k].len = c->len[e];
            w->leaves[k].v = c->to[e];
            k++;
        }
    return k;
}

/* closeness_centrality with Wasserman-Faust: (r-1)/(n-1) * (r-1)/sum */
static void set_figures(pg_paths *p, pg_vertex v, double reach, double sum, double inv)
{
    double n1 = (double)p->g->n_nodes - 1.0;
    /* this node's own: no other thread writes it */
    pg_figures *f = &p->g->nodes[p->node_of[v]].fig;
    f->closeness = sum > 0 ? clean(reach / n1 * (reach / sum)) : 0.0;
    f->harmonic = clean(inv);
}

/*
 * The closeness and harmonic of the k leaves of the source just searched,
 * whose distances add up to sum. A leaf v on a link of length L to the
 * source u is L + d(u, t) from every node t but itself, all in u's
 * component: its sum is sum + (r-2)L (u's counts v at L, v counts u at
 * L), its harmonic 1/L + the sum over t != u of 1/(L + d(u, t)) less the
 * term of v itself, 1/2L. Both depend on L only, so leaves of the same
 * length share one pass.
 */
static void leaf_figures(pg_worker *w, size_t k, double sum)
{
    pg_search *s = &w->s;
    double reach = (double)(s->n_order - 1);
    qsort(w->leaves, k, sizeof *w->leaves, cmp_leaf);
    for (size_t a = 0; a < k;) {
        double len = w->leaves[a].len, inv = 0.0;
        for (size_t i = 1; i < s->n_order; i++)
            inv += 1.0 / (len + s->o_dist[i]);
        double leaf_sum = sum + (reach - 1.0) * len;
        double leaf_inv = 1.0 / len + (inv - 1.0 / (len + len));
        for (; a < k && w->leaves[a].len == len; a++)
            set_figures(w->p, w->leaves[a].v, reach, leaf_sum, leaf_inv);
    }
}

/*
 * One source: its own closeness and harmonic if exact, else distances to
 * share; and the figures of the leaves and twins its search serves.
 *
 * A leaf v whose one link goes to u, of length L: every shortest path
 * from v is that link and then one from u (none of which comes back to
 * v), so v's distances are u's plus L, its path counts are u's, and its
 * dependency on every node t other than u and v is u's (v itself, a leaf,
 * is on no path from u to another node: u's dependency on it is 0).
 * u is on the path to every node but u and v: v's dependency on u is
 * r - 2 in a component of r nodes. So u's search, its dependencies
 * counted 1 + k times, serves its k leaves; only the closeness and
 * harmonic of a leaf need a pass over u's distances.
 *
 * A twin v of u (see find_twins) has u's distances, path counts and
 * dependencies, but for the two twins' dependencies on each other, both
 * 0: u's search, counted once more, serves it, figures and all.
 */
static void path_source(pg_worker *w, pg_vertex src)
{
    pg_paths *p = w->p;
    pg_search *s = &w->s;
    const pg_csr *c = &p->csr;
    search_run(s, c, src);
    if (!p->exact[src]) {
        search_accumulate(w, 1.0);
        for (size_t i = 1; i < s->n_order; i++) {
            pg_vertex v = s->order[i];
            double d = s->o_dist[i];
            w->sum_d[v] += d;
            w->sum_inv[v] += 1.0 / d;
        }
        search_clear(s);
        return;
    }
    double sum = 0.0, inv = 0.0;
    for (size_t i = 1; i < s->n_order; i++) {
        double d = s->o_dist[i];
        sum += d;
        inv += 1.0 / d;
    }
    double reach = (double)(s->n_order - 1);
    set_figures(p, src, reach, sum, inv);
    size_t twins = 0; /* all of them src's neighbours */
    for (size_t e = c->start[src]; e < c->leaves[src]; e++)
        if (p->twin_of[c->to[e]] == src) {
            set_figures(p, c->to[e], reach, sum, inv);
            twins++;
        }
    size_t k = collect_leaves(w, src);
    search_accumulate(w, 1.0 + (double)k + (double)twins);
    if (k > 0) {
        chunk_add_bet(w, src, (double)k * (reach - 1.0));
        leaf_figures(w, k, sum);
    }
    search_clear(s);
}

/*
 * Adds a chunk's sums to the totals. Only the nodes its searches reached
 * hold any: adding the others' zeros would change no total, each being
 * +0 or a sum of positive numbers.
 */
static void merge_chunk(pg_worker *w)
{
    pg_paths *p = w->p;
    for (size_t i = 0; i < w->n_seen; i++) {
        pg_vertex v = w->seen_list[i];
        p->bet[v] += w->bet[v];
        p->sum_d[v] += w->sum_d[v];
        p->sum_inv[v] += w->sum_inv[v];
        w->seen[v] = 0;
    }
    w->n_seen = 0;
}

static void *path_worker(void *arg)
{
    pg_worker *w = arg;
    pg_paths *p = w->p;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t c = p->next_chunk < p->n_chunks ? p->next_chunk++ : p->n_chunks;
        pthread_mutex_unlock(&p->lock);
        if (c == p->n_chunks)
            break;
        size_t end = (c + 1) * PG_PATH_CHUNK;
        if (end > p->n_sources)
            end = p->n_sources;
        for (size_t i = c * PG_PATH_CHUNK; i < end; i++)
            path_source(w, (pg_vertex)p->sources[i]);
        /* add this chunk's sums after those of the chunks before it */
        pthread_mutex_lock(&p->lock);
        while (p->merged != c)
            pthread_cond_wait(&p->merged_cv, &p->lock);
        pthread_mutex_unlock(&p->lock);
        merge_chunk(w);
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
    free(w->seen);
    free(w->seen_list);
    free(w->leaves);
}

static int worker_init(pg_worker *w, pg_paths *p)
{
    size_t n = p->g->n_nodes;
    memset(w, 0, sizeof *w);
    w->p = p;
    w->bet = malloc(n * sizeof *w->bet);
    w->sum_d = malloc(n * sizeof *w->sum_d);
    w->sum_inv = malloc(n * sizeof *w->sum_inv);
    w->seen = calloc(n, 1);
    w->seen_list = malloc(n * sizeof *w->seen_list);
    w->leaves = malloc(n * sizeof *w->leaves);
    if (!w->bet || !w->sum_d || !w->sum_inv || !w->seen || !w->seen_list || !w->leaves ||
        search_init(&w->s, n, p->csr.start[n]) != PG_OK) {
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
 * inverts an estimated sum; the error falls as 1/sqrt(k). Node v's sums
 * are at place[v] (see pg_path_figures).
 */
static void sampled_estimates(pg_paths *p, const size_t *nodes, size_t r, size_t k,
                              const unsigned char *is_pivot, const size_t *place)
{
    double n1 = (double)p->g->n_nodes - 1.0, rr = (double)r;
    for (size_t j = 0; j < r; j++) {
        size_t v = nodes[j];
        pg_figures *f = &p->g->nodes[v].fig;
        double others = (double)(k - is_pivot[v]); /* pivots other than v */
        size_t u = place[v];
        if (others > 0 && p->sum_d[u] > 0) {
            double total = p->sum_d[u] * (rr - 1.0) / others; /* estimated sum of distances */
            f->closeness = clean((rr - 1.0) / n1 * ((rr - 1.0) / total));
            f->harmonic = clean(p->sum_inv[u] * (rr - 1.0) / others);
        }
    }
}

/*
 * The neighbour whose search serves node v of an exact component (see
 * path_source), or PG_NONE: the other end of v's one link, unless that is
 * a leaf too (a component of two) and comes after v, so that one of the
 * two is searched. A link of infinite length (a weight below 1/DBL_MAX)
 * makes every distance from v infinite, all alike: v is searched then.
 */
static pg_vertex served_by(const pg_csr *c, size_t v)
{
    if (c->start[v + 1] - c->start[v] != 1)
        return PG_NONE;
    size_t e = c->start[v];
    pg_vertex u = c->to[e];
    if (!isfinite(c->len[e]) || (c->start[u + 1] - c->start[u] == 1 && u > v))
        return PG_NONE;
    return u;
}

/* A node's key among the candidates for twins: its closed neighbourhood, hashed. */
typedef struct pg_twin_key {
    uint64_t hash;
    size_t links;
    pg_vertex v;
} pg_twin_key;

static int cmp_twin_key(const void *a, const void *b)
{
    const pg_twin_key *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->links != y->links)
        return x->links < y->links ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static uint64_t mix_vertex(pg_vertex v)
{
    uint64_t h = ((uint64_t)v + 1) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

/*
 * Twins: nodes of an exact component linked to each other and to the
 * same other nodes, by links of the same lengths (the people of one list
 * in one sentence, say). Going on through a twin is always longer than
 * going straight, so neither is on a shortest path from the other, and
 * their distances to every other node are the same, and so are the path
 * counts and dependencies. The first of a group (by index) is searched
 * and serves the others (twin_of[v], else PG_NONE). A leaf has no twin
 * (a component of two aside, which its leaves' rule serves), nor has a
 * node with a leaf: the leaf is in no other node's neighbourhood.
 */
static int find_twins(const pg_csr *c, const unsigned char *exact, pg_vertex *twin_of)
{
    size_t n = c->n, m = 0;
    pg_twin_key *keys = malloc((n ? n : 1) * sizeof *keys);
    double *len_to = malloc((n ? n : 1) * sizeof *len_to); /* from the group's first, or NaN */
    if (!keys || !len_to) {
        free(keys);
        free(len_to);
        return PG_ENOMEM;
    }
    for (size_t v = 0; v < n; v++) {
        twin_of[v] = PG_NONE;
        len_to[v] = NAN;
        size_t b = c->start[v], e = c->start[v + 1];
        int fit = exact[v] && e - b >= 2;
        uint64_t h = mix_vertex((pg_vertex)v);
        for (size_t i = b; i < e && fit; i++) {
            fit = c->to[i] != v && isfinite(c->len[i]);
            h += mix_vertex(c->to[i]);
        }
        if (fit)
            keys[m++] = (pg_twin_key){h, e - b, (pg_vertex)v};
    }
    qsort(keys, m, sizeof *keys, cmp_twin_key);
    for (size_t a = 0, z; a < m; a = z) {
        for (z = a + 1; z < m && keys[z].hash == keys[a].hash && keys[z].links == keys[a].links;)
            z++;
        for (size_t i = a; z - a > 1 && i < z; i++) {
            pg_vertex u = keys[i].v;
            if (twin_of[u] != PG_NONE)
                continue;
            for (size_t e = c->start[u]; e < c->start[u + 1]; e++)
                len_to[c->to[e]] = c->len[e];
            for (size_t j = i + 1; j < z; j++) {
                pg_vertex v = keys[j].v;
                int twin = twin_of[v] == PG_NONE && !isnan(len_to[v]);
                for (size_t e = c->start[v]; twin && e < c->start[v + 1]; e++)
                    twin = c->to[e] == u || len_to[c->to[e]] == c->len[e];
                if (twin)
                    twin_of[v] = u;
            }
            for (size_t e = c->start[u]; e < c->start[u + 1]; e++)
                len_to[c->to[e]] = NAN;
        }
    }
    free(keys);
    free(len_to);
    return PG_OK;
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
    size_t ends = 0;
    for (size_t i = 0; i < g->n_links; i++)
        ends += 2 * (size_t)usable(g->links[i].weight);
    if (n > PG_PATH_MAX || ends > PG_PATH_MAX)
        return pg_error_set(err, PG_EINPUT, "too many actors or links for path figures (%zu, %zu)",
                            n, ends / 2);
    pg_paths p;
    memset(&p, 0, sizeof p);
    p.g = g;
    size_t *parent = malloc(n * sizeof *parent), *size = calloc(n, sizeof *size);
    size_t *links = calloc(n, sizeof *links), *start = calloc(n + 1, sizeof *start);
    size_t *nodes = malloc(n * sizeof *nodes), *sources = malloc(n * sizeof *sources);
    size_t *pivots = malloc(n * sizeof *pivots), *picked = calloc(n, sizeof *picked);
    double *factor = malloc(n * sizeof *factor);
    size_t *place = malloc(n * sizeof *place), *node_of = malloc(n * sizeof *node_of);
    unsigned char *exact = calloc(n, 1), *is_pivot = calloc(n, 1);
    pg_vertex *leaf_of = malloc(n * sizeof *leaf_of), *twin_of = malloc(n * sizeof *twin_of);
    p.bet = calloc(n, sizeof *p.bet);
    p.sum_d = calloc(n, sizeof *p.sum_d);
    p.sum_inv = calloc(n, sizeof *p.sum_inv);
    int rc = PG_OK;
    if (!parent || !size || !links || !start || !nodes || !sources || !pivots || !picked ||
        !factor || !exact || !is_pivot || !p.bet || !p.sum_d || !p.sum_inv || !place ||
        !node_of || !leaf_of || !twin_of) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        leaf_of[i] = PG_NONE;

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

    /*
     * The searches number the nodes in that order: a component's nodes
     * together, and in the graph's order, which breaks ties of distance.
     */
    memcpy(node_of, nodes, n * sizeof *node_of);
    for (size_t j = 0; j < n; j++)
        place[node_of[j]] = j;
    if (csr_build(&p.csr, g, place) != PG_OK) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto out;
    }

    /*
     * the sources: every node of an exact component but the leaves that
     * a neighbour's search serves, the pivots of the others
     */
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
                size_t v = place[run[j]];
                exact[v] = 1;
                leaf_of[v] = served_by(&p.csr, v);
                if (leaf_of[v] == PG_NONE)
                    sources[p.n_sources++] = v;
            }
            continue;
        }
        draw_pivots(run, r, k, &rng, is_pivot);
        memcpy(pivots, run, k * sizeof *pivots);
        qsort(pivots, k, sizeof *pivots, cmp_size_t);
        for (size_t j = 0; j < k; j++)
            sources[p.n_sources++] = place[pivots[j]];
        factor[i] = (double)r / (double)k;
        picked[i] = k;
        sm->components++;
        sm->pivots += k;
        sm->nodes += r;
        sm->links += links[i];
    }
    /* a twin is served by its group's first (the exact sources are in index order) */
    if (find_twins(&p.csr, exact, twin_of) != PG_OK) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto out;
    }
    size_t kept = 0;
    for (size_t i = 0; i < p.n_sources; i++)
        if (twin_of[sources[i]] == PG_NONE)
            sources[kept++] = sources[i];
    p.n_sources = kept;
    p.sources = sources;
    p.exact = exact;
    p.leaf_of = leaf_of;
    p.twin_of = twin_of;
    p.node_of = node_of;
    if (csr_leaves_last(&p.csr, leaf_of) != PG_OK) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto out;
    }
    rc = run_sources(&p, o->threads > 0 ? o->threads : 1, err);
    if (rc != PG_OK)
        goto out;
    for (size_t i = 0; i < n; i++)
        if (parent[i] == i && picked[i] > 0)
            sampled_estimates(&p, nodes + start[i] - size[i], size[i], picked[i], is_pivot,
                              place);
    /*
     * Brandes's sums count every pair from both ends; networkx's
     * normalised betweenness divides the pairs once by (n-1)(n-2)/2: the
     * same as the sums by (n-1)(n-2). For n <= 2 every value is 0.
     */
    double nn = (double)n;
    double scale = n > 2 ? 1.0 / ((nn - 1.0) * (nn - 2.0)) : 0.0;
    for (size_t i = 0; i < n; i++)
        g->nodes[i].fig.betweenness = clean(p.bet[place[i]] * factor[uf_find(parent, i)] * scale);
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
    free(place);
    free(node_of);
    free(exact);
    free(is_pivot);
    free(leaf_of);
    free(twin_of);
    free(p.bet);
    free(p.sum_d);
    free(p.sum_inv);
    return rc;
}
