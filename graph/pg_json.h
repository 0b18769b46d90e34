#ifndef PG_JSON_H
#define PG_JSON_H

/* The canonical node-link graph JSON (DESIGN.md "Graph JSON"). */

#include <stdio.h>

#include "pg_graph.h"

/*
 * Writes g (sorted first) as canonical JSON: sorted keys, fixed precision,
 * nodes by id, links by (source, target). *out is malloc'd, NUL-terminated.
 */
int pg_json_write(pg_graph *g, char **out, size_t *len, pg_error *err);
/* The same bytes written to f as they are made; a failed write is PG_EIO. */
int pg_json_write_file(pg_graph *g, FILE *f, pg_error *err);

/* Reads graph JSON; errors name 'source', line and column, or the field. */
int pg_json_read(const char *buf, size_t len, const char *source, pg_graph **out,
                 pg_error *err);
int pg_json_read_file(const char *path, pg_graph **out, pg_error *err);

#endif
