#ifndef PG_EXPORT_H
#define PG_EXPORT_H

/*
 * Exchange formats for analysts' tools: GraphML (networkx, igraph, yEd,
 * Gephi), GEXF 1.2 with viz attributes (Gephi opens it styled as the
 * diagrams are) and two CSV tables (spreadsheets, pandas, R).
 *
 * Every function writes g in its own order (canonical after pg_graph_sort
 * or pg_analyse) into a malloc'd, NUL-terminated buffer (*out, *len) that
 * the caller frees. The same graph gives the same bytes: reals as "%.10g"
 * (the precision of the graph JSON, NaN as 0), no dates or versions of the
 * tools. Figures are written only when g->analysed.
 *
 * Text from articles is made safe for each format: control characters
 * (C0, DEL, C1) become spaces, bytes that are not UTF-8 and characters XML
 * cannot hold become U+FFFD, XML gets & < > " ' as entities, and a CSV
 * field that starts with = + - or @ gets a leading ' so that spreadsheets
 * do not run it as a formula. Node ids are kept exactly: an id that XML
 * cannot hold is an error (PG_EINPUT) rather than a silently changed id.
 *
 * Links carry two short texts besides their counts:
 * - evidence: the first PG_EXPORT_EVIDENCE_TEXTS evidence sentences joined
 *   by " | ", each cut to PG_STYLE_TEXT_MAX bytes ending in "…";
 * - interactions: "mode/status[/YYYY-MM-DD]" per kept interaction, joined
 *   by "; " (e.g. "phone/occurred/2017-01-28; meeting/negated").
 */

#include <stddef.h>

#include "../graph/pg_graph.h"

#define PG_EXPORT_EVIDENCE_TEXTS 3
/* GEXF viz:size per inch of diagram node width (Gephi's default size is 10). */
#define PG_EXPORT_GEXF_SIZE_SCALE 10.0

/*
 * GraphML, undirected, node ids as in g. Keys: graph generator, documents,
 * co_mention_weight, speaks_with_weight (approximation when set); node
 * label, kind, country, in_dictionary, mentions, documents and the figures;
 * edge weight, co_mentions, speaks_with, interactions, evidence. An empty
 * string (a node without country, a link without evidence) has no <data>.
 */
int pg_export_graphml(const pg_graph *g, char **out, size_t *len, pg_error *err);

/*
 * GEXF 1.2 (namespace http://www.gexf.net/1.2draft, which Gephi and
 * networkx read): the same attributes as GraphML, label and weight as the
 * node's and edge's own XML attributes; viz:size from the diagram node
 * width, viz:color from the community, viz:shape from the kind; edges get
 * viz:thickness from the diagram pen width and the diagram's colour.
 */
int pg_export_gexf(const pg_graph *g, char **out, size_t *len, pg_error *err);

/*
 * RFC 4180 CSV (CRLF line ends, a header line, quotes where needed).
 * nodes: id,label,kind,country,in_dictionary,mentions,documents,degree,
 *        strength,betweenness,closeness,harmonic,eigenvector,pagerank,community
 *        (figures empty when g is not analysed; in_dictionary true/false).
 * links: source,target,weight,co_mentions,speaks_with,phone,meeting,talks,
 *        unspecified,first_date,last_date,evidence
 *        (phone..unspecified count the kept interactions that occurred or
 *        are planned, by mode; first_date and last_date are the earliest
 *        and latest dates among them, empty when none has a date).
 */
int pg_export_csv_nodes(const pg_graph *g, char **out, size_t *len, pg_error *err);
int pg_export_csv_links(const pg_graph *g, char **out, size_t *len, pg_error *err);

#endif
