#ifndef PG_RENDER_H
#define PG_RENDER_H

/*
 * Diagrams of an analysed graph: styling from the figures, a cgraph graph,
 * gvc layout and output as DOT, SVG, PNG or PDF.
 */

#include <stddef.h>

#include "../graph/pg_graph.h"

typedef enum pg_format { PG_FMT_DOT = 0, PG_FMT_SVG, PG_FMT_PNG, PG_FMT_PDF } pg_format;

typedef struct pg_render_options {
    const char *engine;  /* NULL: chosen by graph size */
    const char *size_by; /* figure for node area: "pagerank" default */
    const char *title;   /* NULL: none */
    unsigned long seed;  /* layout seed (graphviz "start"); pg_render_options_init: 1 */
} pg_render_options;

void pg_render_options_init(pg_render_options *o);

/* Format by file extension (".svg" ...); -1 if unknown. */
int pg_format_from_path(const char *path, pg_format *out);

/*
 * Renders g into a malloc'd buffer (*out, *len; NUL-terminated as well).
 * g must be sorted (pg_graph_sort); without analysis (g->analysed == 0)
 * nodes are drawn alike, or sized by mentions when asked. DOT is written
 * without a layout; SVG is the same bytes on every machine (graphviz's own
 * font metrics), PNG and PDF measure text with the installed fonts.
 * PG_EUSAGE for an unknown engine or figure, PG_EINTERNAL when graphviz
 * fails. Not thread-safe (graphviz is not).
 */
int pg_render(const pg_graph *g, pg_format fmt, const pg_render_options *opt, char **out,
              size_t *len, pg_error *err);

/* Frees graphviz's contexts (kept between renders); call once at exit. */
void pg_render_shutdown(void);

#endif
