#ifndef PG_SELECT_H
#define PG_SELECT_H

/*
 * Selection: a new graph holding part of another, for readable diagrams
 * and focused exports. The steps, in this order:
 *
 *  1. Dates (since/until, inclusive): a link keeps only the interactions
 *     dated within the range; an interaction without a date drops out. A
 *     link left with no interaction drops out. Evidence has no date (its
 *     document's date is not kept in the graph), so a remaining link keeps
 *     its co-mentions and evidence as they are; its speaks_with is counted
 *     again from the interactions kept (at most PG_INTERACTIONS_MAX per
 *     link are stored), and its weight follows.
 *  2. Weight: links whose weight (after step 1) is below min_weight drop out.
 *  3. Kinds: nodes of other kinds drop out with their links.
 *  4. When step 1 or 2 applies, nodes left without a link drop out.
 *  5. Ego: only nodes within 'depth' links of the ego remain (paths use
 *     the links that remain).
 *  6. Top: of the nodes that remain, the 'top' with the highest value of
 *     'by' in the input graph (ties by id) remain; they stay even if the
 *     cut leaves them without links.
 * The ego is never dropped by steps 3 to 6. Nodes and links are copies;
 * the figures of the result are computed again on the result, since the
 * centrality of a part is not that of the whole.
 */

#include <stddef.h>

#include "../extract/pg_date.h"
#include "pg_graph.h"

/* Diagrams of more nodes than this are cut to it by default. */
#define PG_SELECT_DEFAULT_TOP 150

typedef struct pg_select {
    size_t top;          /* 0: no cut */
    const char *by;      /* figure that ranks for 'top'; NULL: pagerank */
    double min_weight;   /* used when has_min_weight */
    int has_min_weight;
    unsigned kinds;      /* bit (1u << kind) per kind kept; 0: every kind */
    const char *ego;     /* node id, or NULL */
    unsigned long depth; /* links from the ego (default 1) */
    pg_day since, until; /* inclusive; PG_DAY_NONE: open */
} pg_select;

void pg_select_init(pg_select *s);

/* Whether s asks for anything (an initialised pg_select does not). */
int pg_select_active(const pg_select *s);

/*
 * Builds the selection of g into a new graph (*out, analysed with 'seed').
 * g is sorted, and analysed first when 'by' is a figure it lacks.
 * PG_EUSAGE for an unknown ego (the message suggests a close id) or an
 * unknown figure, or since after until.
 */
int pg_select_apply(pg_graph *g, const pg_select *s, unsigned long seed, pg_graph **out,
                    pg_error *err);

/*
 * How many nodes a diagram of n nodes shows when no top is asked for:
 * n itself up to PG_SELECT_DEFAULT_TOP, else PG_SELECT_DEFAULT_TOP.
 */
size_t pg_select_default_top(size_t n_nodes);

/*
 * The value of a figure or count of a node by name: degree, strength,
 * betweenness, closeness, harmonic, eigenvector, pagerank, community,
 * mentions, documents. -1 for an unknown name.
 */
int pg_select_value(const pg_node *n, const char *name, double *out);
/* 1 for a known name, 0 otherwise; *needs_analysis says if it is a figure. */
int pg_select_known(const char *name, int *needs_analysis);

/*
 * Node indexes of g ordered by 'by' (NULL: pagerank), highest first, ties
 * by id; *order is malloc'd (g->n_nodes entries). The caller makes sure
 * the figures are there (g->analysed) when 'by' needs them.
 */
int pg_select_rank(const pg_graph *g, const char *by, size_t **order, pg_error *err);

#endif
