#ifndef PG_DIFF_H
#define PG_DIFF_H

/*
 * What differs between two graphs: actors and links added or removed, and
 * for those in both, the values that changed. Nodes are matched by id and
 * links by their two ids.
 *
 * Compared: the graph's document count and weights; a node's label, kind,
 * country, in_dictionary, mentions and documents; a link's co_mentions,
 * speaks_with, weight, and its interactions and evidence (as counts of
 * records, with a note when the records differ at equal counts); and when
 * both graphs have figures, every figure of every node. Reals differ when
 * they are more than 'tolerance' apart (absolute); everything else must be
 * equal. With 'structure' only the sets of nodes and links are compared.
 */

#include <stddef.h>

#include "pg_graph.h"

typedef enum pg_diff_sign {
    PG_DIFF_ADDED = 0,   /* '+' */
    PG_DIFF_REMOVED = 1, /* '-' */
    PG_DIFF_CHANGED = 2  /* '~' */
} pg_diff_sign;

typedef enum pg_diff_object { PG_DIFF_GRAPH = 0, PG_DIFF_NODE, PG_DIFF_LINK } pg_diff_object;

typedef enum pg_diff_type {
    PG_DIFF_NONE = 0, /* an added or removed node or link */
    PG_DIFF_INT,
    PG_DIFF_REAL,
    PG_DIFF_BOOL,
    PG_DIFF_STRING,
    PG_DIFF_RECORDS /* counts of records; 'same_count_differs' at equal counts */
} pg_diff_type;

typedef struct pg_diff_item {
    pg_diff_sign sign;
    pg_diff_object object;
    char *a, *b;       /* node id; link source and target ids; NULL for the graph */
    const char *field; /* static name; NULL for an added or removed node or link */
    pg_diff_type type;
    double old_num, new_num; /* INT, REAL, BOOL (0 or 1), RECORDS */
    char *old_str, *new_str; /* STRING */
    int same_count_differs;  /* RECORDS */
} pg_diff_item;

typedef struct pg_diff {
    pg_diff_item *items; /* sorted: sign, object, ids, field in a fixed order */
    size_t n, cap;
} pg_diff;

typedef struct pg_diff_options {
    double tolerance; /* default 1e-9 */
    int structure;    /* only the node and link sets */
} pg_diff_options;

void pg_diff_options_init(pg_diff_options *o);

/* Compares old_g with new_g into a new pg_diff (*out); no items means equal. */
int pg_diff_graphs(const pg_graph *old_g, const pg_graph *new_g, const pg_diff_options *o,
                   pg_diff **out, pg_error *err);
void pg_diff_free(pg_diff *d);

/*
 * One line per item: "+ node ID", "- link A -- B",
 * "~ node ID pagerank 0.1 -> 0.2", "~ graph documents 4 -> 8",
 * "~ link A -- B evidence 5 -> 5 (records differ)". *out is malloc'd,
 * NUL-terminated; empty when there are no items.
 */
int pg_diff_write_text(const pg_diff *d, char **out, size_t *len, pg_error *err);

/*
 * {"equal": bool, "nodes_added": [ids], "nodes_removed": [ids],
 *  "links_added": [{"source", "target"}], "links_removed": [...],
 *  "changes": [{"object": "graph"|"node"|"link", "id" | "source"+"target",
 *               "field", "old", "new"}]}, keys sorted.
 */
int pg_diff_write_json(const pg_diff *d, char **out, size_t *len, pg_error *err);

#endif
