/* polgraph render: a graph file drawn without extracting again. */

#include <stdlib.h>
#include <string.h>

#include "../graph/pg_json.h"
#include "pg_cli.h"
#include "pg_outputs.h"

enum { OPT_OUTPUT, OPT_ENGINE, OPT_SIZE_BY, OPT_TITLE, OPT_SEED };

static const pg_option pg_render_opts[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE",
                    "write to FILE, by extension: .svg .png .pdf .dot .json (repeatable)"},
    [OPT_ENGINE] = {"engine", 0, "NAME", "layout engine: sfdp neato fdp circo dot (default by size)"},
    [OPT_SIZE_BY] = {"size-by", 0, "FIGURE", "node area by this figure (default pagerank)"},
    [OPT_TITLE] = {"title", 0, "TEXT", "title of the diagram"},
    [OPT_SEED] = {"seed", 0, "N", "layout seed (default 42)"},
    PG_SELECT_OPTION_ROWS,
    {NULL, 0, NULL, NULL},
};

int pg_cmd_render(int argc, char **argv)
{
    const char *outputs[32], *input = NULL;
    size_t n_out = 0;
    pg_outputs_options ro;
    pg_outputs_options_init(&ro);
    pg_args args;
    pg_args_init(&args, argc, argv, "render");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_render_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph render graph.json -o graph.svg [options]",
                          "Draws a graph file (from 'polgraph build') as a diagram, or the part\n"
                          "of it that the selection options choose.\n\n" PG_SELECT_HELP,
                          pg_render_opts);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            return PG_EXIT_BAD;
        case PG_ARG_POSITIONAL:
            if (input) {
                pg_fail("render: one graph file at a time ('%s' and '%s')", input, v);
                return PG_EXIT_BAD;
            }
            input = v;
            break;
        case OPT_OUTPUT:
            if (n_out == 32) {
                pg_fail("render: too many -o options");
                return PG_EXIT_BAD;
            }
            outputs[n_out++] = v;
            break;
        default:
            if (pg_outputs_option(&ro, pg_render_opts[k].name, v) != 0)
                return PG_EXIT_BAD;
        }
    }
    if (!input || n_out == 0) {
        pg_fail("render: needs a graph file and -o FILE (see 'polgraph render --help')");
        return PG_EXIT_BAD;
    }
    if (pg_outputs_check(outputs, n_out, "render") != 0 ||
        pg_select_opts_check(&ro.select, "render") != 0)
        return PG_EXIT_BAD;
    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    if (pg_json_read_file(input, &g, &err) != PG_OK)
        return pg_fail_error(&err);
    int status = pg_outputs_write(g, outputs, n_out, &ro);
    pg_graph_free(g);
    return status;
}
