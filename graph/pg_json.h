#ifndef PG_JSON_H
#define PG_JSON_H

/* The canonical node-link graph JSON (DESIGN.md "Graph JSON"). */

#include <stdio.h>

#include "pg_graph.h"

/*
 * Fixed precision: every real is rounded to PG_JSON_DIGITS significant
 * digits before it is stored and printed with the same precision, so that
 * 0.1 prints as 0.1 and reading a canonical file then writing it gives
 * the same bytes.
 */
#define PG_JSON_DIGITS 10
/*
 * The layout, as the jansson flags that would give it (with jansson.h):
 * the writer makes these bytes itself, and the tests compare them with
 * jansson's.
 */
#define PG_JSON_FLAGS (JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(PG_JSON_DIGITS))

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
/* The same from an open stream (standard input), up to its end or its first NUL byte. */
int pg_json_read_stream(FILE *f, const char *source, pg_graph **out, pg_error *err);

#endif
