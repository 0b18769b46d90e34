#ifndef PG_SELECT_OPTS_H
#define PG_SELECT_OPTS_H

/*
 * The selection options (--top, --top-by, --min-weight, --kinds, --ego,
 * --depth, --since, --until) for any command that writes a graph: put
 * PG_SELECT_OPTION_ROWS in its option table after its own rows, hand every
 * option to pg_select_option, and add PG_SELECT_HELP to its help text.
 */

#include "../graph/pg_select.h"

#define PG_SELECT_OPTION_ROWS \
    {"top", 0, "N", "keep the N actors ranked highest by --top-by (0: all; diagrams default 150)"}, \
    {"top-by", 0, "FIGURE", "figure that ranks for --top (default pagerank)"}, \
    {"min-weight", 0, "W", "drop links of weight below W, then actors left without links"}, \
    {"kinds", 0, "LIST", "only actors of these kinds: person,organization,country"}, \
    {"ego", 0, "ID", "only actors within --depth links of actor ID"}, \
    {"depth", 0, "K", "links from --ego (default 1)"}, \
    {"since", 0, "YYYY-MM-DD", "only interactions on or after this day"}, \
    {"until", 0, "YYYY-MM-DD", "only interactions on or before this day"}

#define PG_SELECT_HELP \
    "Selection: --since/--until keep the interactions dated within the range (undated\n" \
    "ones drop out) and the links that keep one; such a link keeps its co-mentions and\n" \
    "evidence, and its speaks_with counts the interactions kept. --min-weight drops the\n" \
    "lighter links, --kinds the actors of other kinds. With --since, --until or\n" \
    "--min-weight, actors left without links drop out. Then --ego keeps the actors\n" \
    "within --depth links of ID, and --top the N ranked highest by the figures of the\n" \
    "whole graph; the ego always stays. Figures are computed again on the selection.\n" \
    "Diagrams of more than 150 actors show the 150 ranked highest unless --top is\n" \
    "given (--top 0 shows all)."

typedef struct pg_select_opts {
    pg_select sel;
    int top_given; /* --top given, even as 0: no default cut */
    int depth_given;
} pg_select_opts;

void pg_select_opts_init(pg_select_opts *o);

/*
 * Takes one option by its long name: 1 when it is a selection option and
 * its value is good, 0 when it is not a selection option, -1 (reported)
 * for a bad value. 'command' (or NULL) names the command in messages.
 */
int pg_select_option(pg_select_opts *o, const char *name, const char *value, const char *command);

/* Checks the options together after parsing; reports and returns -1 if wrong. */
int pg_select_opts_check(const pg_select_opts *o, const char *command);

/*
 * The selection of g (pg_select_apply) in *out, or *out = NULL when no
 * selection option was given: use g itself then. Warns when it is empty.
 */
int pg_select_opts_apply(const pg_select_opts *o, pg_graph *g, unsigned long seed, pg_graph **out,
                         pg_error *err);

#endif
