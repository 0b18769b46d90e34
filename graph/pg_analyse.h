#ifndef PG_ANALYSE_H
#define PG_ANALYSE_H

/*
 * Figures with igraph, defined as networkx computes them (DESIGN.md "What
 * the figures mean"): weight as strength, 1/weight as path length.
 * igraph is not thread-safe in Debian: call from one thread only.
 */

#include "pg_graph.h"

#define PG_DEFAULT_SEED 42

/*
 * Betweenness, closeness and harmonic take a single-source shortest-path
 * search from every node: work grows as nodes * links. Above this much
 * work (about a minute on one core) they only follow paths up to
 * PG_ANALYSE_CUTOFF long, unless asked to be exact.
 */
#define PG_ANALYSE_MAX_WORK 5e9
/* Path length cutoff of the approximation: three links of weight 1. */
#define PG_ANALYSE_CUTOFF 3.0

typedef struct pg_analyse_options {
    unsigned long seed; /* Louvain */
    int exact;          /* never approximate */
    double max_work;    /* approximate when nodes * links is above this */
    double cutoff;      /* path length cutoff when approximating */
} pg_analyse_options;

/* seed PG_DEFAULT_SEED, not exact, PG_ANALYSE_MAX_WORK, PG_ANALYSE_CUTOFF */
void pg_analyse_options_init(pg_analyse_options *o);

/*
 * Sorts the graph, then computes every figure of every node; sets
 * g->analysed. A link whose weight is not positive counts in 'degree' only
 * (no strength, infinite length). Louvain is seeded with 'seed'.
 * Same as pg_analyse_with and default options: exact unless the graph is
 * big (see PG_ANALYSE_MAX_WORK).
 */
int pg_analyse(pg_graph *g, unsigned long seed, pg_error *err);

/*
 * pg_analyse with options. When betweenness, closeness and harmonic are
 * approximated (only paths up to o->cutoff long count: betweenness sums
 * over those paths, closeness is taken over the nodes reached within the
 * cutoff, harmonic sums over them), g->approximation says so, with the
 * cutoff and the size of the graph; otherwise it is NULL.
 */
int pg_analyse_with(pg_graph *g, const pg_analyse_options *o, pg_error *err);

#endif
