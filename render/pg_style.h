#ifndef PG_STYLE_H
#define PG_STYLE_H

/*
 * How a graph looks, independent of the drawing library: node size from a
 * figure, colour from the community, shape from the kind, link width and
 * preferred length from the weight, and the texts shown on hover. Shared
 * by the diagrams and by exports that carry styling (GEXF viz attributes).
 */

#include <stddef.h>

#include "../graph/pg_graph.h"

#define PG_STYLE_MIN_WIDTH 0.6 /* inches */
#define PG_STYLE_MAX_WIDTH 1.8
#define PG_STYLE_MIN_PEN 1.0 /* points */
#define PG_STYLE_MAX_PEN 8.0
#define PG_STYLE_MIN_GAP 0.3  /* inches between linked nodes: heaviest link */
#define PG_STYLE_MAX_GAP 1.5  /* lightest link */
#define PG_STYLE_TEXT_MAX 200 /* bytes of one quoted sentence in a tooltip */

typedef enum pg_figure {
    PG_FIG_PAGERANK = 0,
    PG_FIG_DEGREE,
    PG_FIG_STRENGTH,
    PG_FIG_BETWEENNESS,
    PG_FIG_CLOSENESS,
    PG_FIG_HARMONIC,
    PG_FIG_EIGENVECTOR,
    PG_FIG_MENTIONS
} pg_figure;

/* 0 ok, -1 unknown. */
int pg_figure_parse(const char *name, pg_figure *out);
const char *pg_figure_name(pg_figure f);
/* The names accepted by pg_figure_parse, comma-separated (for messages). */
const char *pg_figure_names(void);
/* The node's value of f; NaN and negative values read as 0. */
double pg_figure_value(const pg_node *n, pg_figure f);

/* Scales for one graph. */
typedef struct pg_style {
    pg_figure size_by;
    int sized;         /* 0: every node gets the minimum size */
    int coloured;      /* 0: communities unknown, every node grey */
    double max_figure; /* largest value of size_by */
    double max_weight;
} pg_style;

typedef struct pg_node_style {
    double width, height; /* inches; minimums, a long label widens the node */
    double fontsize;      /* points */
    const char *shape;    /* graphviz shape name */
    unsigned fill_rgb, border_rgb, font_rgb;
    char fill[8], border[8], font[8]; /* "#rrggbb" */
} pg_node_style;

typedef struct pg_link_style {
    double penwidth; /* points */
    double len;      /* preferred centre-to-centre length in inches (neato, fdp) */
    int speaks_with; /* 1: solid and dark; 0: co-mentioned only, dashed and light */
    char color[10];  /* "#rrggbbaa" */
} pg_link_style;

/*
 * Sizes by 'size_by' (NULL: pagerank) when g->analysed, or by mentions,
 * which need no analysis; otherwise uniformly. PG_EUSAGE for an unknown
 * figure.
 */
int pg_style_init(pg_style *s, const pg_graph *g, const char *size_by, pg_error *err);
void pg_style_node(const pg_style *s, const pg_graph *g, size_t i, pg_node_style *out);
void pg_style_link(const pg_style *s, const pg_graph *g, size_t i, pg_link_style *out);

/* Okabe-Ito colours by community (cycling after 8); grey when community < 0. */
unsigned pg_style_community_rgb(long community);

/* A growing NUL-terminated string; 'failed' records an allocation failure. */
typedef struct pg_sbuf {
    char *data;
    size_t len, cap;
    int failed;
} pg_sbuf;

void pg_sbuf_release(pg_sbuf *b);
void pg_sbuf_put(pg_sbuf *b, const char *s, size_t n);
void pg_sbuf_puts(pg_sbuf *b, const char *s);
void pg_sbuf_printf(pg_sbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Length of the longest prefix of s (of length n) that is at most max bytes
 * and ends on a UTF-8 character boundary.
 */
size_t pg_utf8_prefix(const char *s, size_t n, size_t max);

/*
 * Appends text for a graphviz tooltip or id: runs of white space and
 * control characters as one space, invalid UTF-8 as U+FFFD, '&' as "&amp;"
 * where it would otherwise start an entity, and a backslash as U+FF3C
 * (graphviz 2.42 has no escape for it there). With max > 0 a longer text
 * is cut at a character boundary and ends in "…", max bytes in all.
 */
void pg_style_put_text(pg_sbuf *b, const char *s, size_t max);

/* The same for a node label, where a backslash is doubled (escString). */
void pg_style_put_label(pg_sbuf *b, const char *s);

/* Node and link tooltips as escStrings ("\n" separates lines). */
void pg_style_node_tooltip(const pg_graph *g, size_t i, pg_sbuf *b);
void pg_style_link_tooltip(const pg_graph *g, size_t i, pg_sbuf *b);

#endif
