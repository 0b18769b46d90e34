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
 * Betweenness, closeness and harmonic take a shortest-path search from
 * every node through its component (graph/pg_paths.c): the work of a
 * component is about its nodes times its links, at some 8 to 20 ns a
 * unit. A component of more work than PG_ANALYSE_MAX_WORK gets estimates
 * from the searches of a random sample of its nodes, as many as that work
 * allows (at least PG_ANALYSE_MIN_PIVOTS), unless asked to be exact or
 * unless the sample would be half of the nodes or more. Smaller
 * components stay exact.
 * (Cutting paths at a length instead saved little: links between
 * prominent actors are heavy, so short, and most of a news graph is
 * within a short distance of them.)
 */
#define PG_ANALYSE_MAX_WORK 1e7
#define PG_ANALYSE_MIN_PIVOTS 32

/*
 * ARPACK's restarts for eigenvector centrality (igraph's default), in each
 * of its two tries (see eigenvector in pg_analyse.c).
 */
#define PG_ANALYSE_EIGEN_RESTARTS 3000

typedef struct pg_analyse_options {
    unsigned long seed; /* Louvain, and the sample of big components */
    int exact;          /* never estimate */
    double max_work;    /* estimate a component whose nodes * links is more */
    size_t threads;     /* for the path figures; the same figures for any number */
    int eigen_restarts; /* PG_ANALYSE_EIGEN_RESTARTS */
} pg_analyse_options;

/* seed PG_DEFAULT_SEED, not exact, PG_ANALYSE_MAX_WORK, one thread, PG_ANALYSE_EIGEN_RESTARTS */
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
 * pg_analyse with options. When betweenness, closeness and harmonic of a
 * big component are estimated, g->approximation says so, with the size
 * of the sample and of the component; otherwise it is NULL.
 */
int pg_analyse_with(pg_graph *g, const pg_analyse_options *o, pg_error *err);

#endif
