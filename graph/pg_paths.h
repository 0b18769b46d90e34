#ifndef PG_PATHS_H
#define PG_PATHS_H

/*
 * The shortest-path figures of pg_analyse: betweenness, closeness and
 * harmonic, from one search per source node (Dijkstra with lengths
 * 1/weight, Brandes's accumulation); a node with a single link (a leaf)
 * has no search of its own: its neighbour's serves it. Private to graph/.
 */

#include <stddef.h>

#include "pg_analyse.h"

/* What was estimated rather than computed exactly. */
typedef struct pg_path_sampling {
    size_t components; /* components estimated */
    size_t pivots;     /* searches made in them */
    size_t nodes, links;
} pg_path_sampling;

/*
 * Sets fig.betweenness, fig.closeness and fig.harmonic of every node of
 * the sorted graph g (see pg_analyse.h for when a component is estimated);
 * *sm says what was estimated.
 */
int pg_path_figures(pg_graph *g, const pg_analyse_options *o, pg_path_sampling *sm,
                    pg_error *err);

#endif
