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
 * Sorts the graph, then computes every figure of every node; sets
 * g->analysed. A link whose weight is not positive counts in 'degree' only
 * (no strength, infinite length). Louvain is seeded with 'seed'.
 */
int pg_analyse(pg_graph *g, unsigned long seed, pg_error *err);

#endif
