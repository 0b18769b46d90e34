#ifndef PG_OUTPUTS_H
#define PG_OUTPUTS_H

/* Writing a graph to the files named by -o, each by its extension. */

#include <stddef.h>

#include "../graph/pg_graph.h"
#include "../render/pg_render.h"
#include "pg_select_opts.h"

typedef struct pg_outputs_options {
    pg_render_options render;
    unsigned long seed;
    pg_select_opts select; /* what part of the graph every output shows */
} pg_outputs_options;

void pg_outputs_options_init(pg_outputs_options *o);

/*
 * Takes --seed, --engine, --size-by, --title and the selection options
 * (pg_select_opts.h); reports and returns -1 on a bad value.
 */
int pg_outputs_option(pg_outputs_options *o, const char *name, const char *value);

/* Checks that every path has a known extension; reports and returns -1 if not. */
int pg_outputs_check(const char *const *paths, size_t n, const char *command);

/*
 * Analyses g when needed, selects (o->select) and writes every output;
 * returns an exit code. Diagrams of more than PG_SELECT_DEFAULT_TOP nodes
 * are cut to that many, with a note, unless --top was given.
 */
int pg_outputs_write(pg_graph *g, const char *const *paths, size_t n,
                     const pg_outputs_options *o);

#endif
