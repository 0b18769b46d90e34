#ifndef PG_GRAPH_H
#define PG_GRAPH_H

/*
 * The graph model: actors and the links between them, built from extraction
 * records or read from graph JSON, merged, analysed and written. Counts
 * are exact; evidence is bounded (the PG_EVIDENCE_MAX earliest by document
 * and sentence), so that merging parts equals building the whole.
 */

#include <stddef.h>

#include "../extract/pg_extract.h"

#define PG_EVIDENCE_MAX 5
#define PG_INTERACTIONS_MAX 10
#define PG_VERSION "0.1.0"

typedef struct pg_evidence {
    char *doc;
    size_t sentence, start, end;
    char *text;
} pg_evidence;

typedef struct pg_interaction {
    pg_mode mode;
    pg_status status;
    pg_day date;
    char *initiator; /* node id, or NULL */
    pg_evidence ev;
} pg_interaction;

typedef struct pg_figures {
    long degree;
    double strength, betweenness, closeness, harmonic, eigenvector, pagerank;
    long community;
} pg_figures;

typedef struct pg_node {
    char *id;
    char *label;
    pg_kind kind;
    char country[4];
    int in_dictionary;
    long mentions;
    long documents;
    char *affiliation; /* id of whom the actor speaks or works for, or NULL */
    pg_figures fig;
} pg_node;

typedef struct pg_link {
    size_t source, target; /* node indexes; id of source < id of target */
    double weight;         /* derived: see pg_graph_update_weights */
    long co_mentions;
    long speaks_with;      /* occurred and planned interactions */
    pg_interaction *interactions; /* bounded, ordered by (doc, sentence) */
    size_t n_interactions;
    pg_evidence *evidence; /* bounded, ordered by (doc, sentence) */
    size_t n_evidence;
} pg_link;

typedef struct pg_graph {
    pg_node *nodes;
    size_t n_nodes, cap_nodes;
    pg_link *links;
    size_t n_links, cap_links;
    long documents;
    double w_co_mention; /* weight of one co-mention */
    double w_speaks_with; /* weight of one occurred or planned interaction */
    int analysed;         /* figures are valid */
    char *approximation;  /* NULL, or how figures were approximated */
    void *index;          /* private: id -> node, pair -> link */
} pg_graph;

int pg_graph_new(pg_graph **out, pg_error *err);
void pg_graph_free(pg_graph *g);

/*
 * Adds a document's actors, co-mentions and events, then updates weights.
 * A record that refers to a missing actor or sentence is rejected with
 * PG_EINPUT before anything changes; after PG_ENOMEM the graph may hold
 * part of the document.
 */
int pg_graph_add_doc(pg_graph *g, const pg_doc *doc, pg_error *err);

/* Adds the counts and evidence of 'part' to 'g' (figures are not merged). */
int pg_graph_merge(pg_graph *g, const pg_graph *part, pg_error *err);

/* Node index by id, or -1. */
long pg_graph_find_node(const pg_graph *g, const char *id);
/*
 * Adds a node (copying strings; label NULL means the id), or returns the
 * existing one's index. Of two descriptions of one id the dictionary one
 * wins, and between equals the label that sorts first, so that the result
 * does not depend on the order of arrival.
 */
int pg_graph_add_node(pg_graph *g, const char *id, const char *label, pg_kind kind,
                      const char *country, int in_dictionary, size_t *index, pg_error *err);
/*
 * Records whom node speaks or works for; of several, the smallest id stays,
 * so that the result does not depend on the order of documents.
 */
int pg_graph_set_affiliation(pg_graph *g, size_t node, const char *id, pg_error *err);
/* Link index for the pair (any order, a != b), created empty when absent. */
int pg_graph_link(pg_graph *g, size_t a, size_t b, size_t *index, pg_error *err);

/* weight = w_co_mention * co_mentions + w_speaks_with * speaks_with */
void pg_graph_update_weights(pg_graph *g);

/* Sorts nodes by id and links by (source id, target id). */
int pg_graph_sort(pg_graph *g, pg_error *err);

/*
 * The order in which links keep evidence and interactions: (doc, sentence,
 * start), then the other fields, so that it is total. For qsort.
 */
int pg_evidence_cmp(const void *a, const void *b);
int pg_interaction_cmp(const void *a, const void *b);

/* Copies an evidence record (deep). */
int pg_evidence_copy(pg_evidence *dst, const pg_evidence *src);
void pg_evidence_release(pg_evidence *e);

#endif
