/* polgraph diff: what differs between two graph files. */

#include <stdlib.h>
#include <string.h>

#include "../graph/pg_diff.h"
#include "../graph/pg_json.h"
#include "pg_cli.h"

enum { OPT_TOLERANCE, OPT_FORMAT, OPT_STRUCTURE, OPT_OUTPUT };

static const pg_option pg_diff_opts[] = {
    [OPT_TOLERANCE] = {"tolerance", 0, "T",
                       "reals (weights, figures) may differ by up to T (default 1e-9)"},
    [OPT_FORMAT] = {"format", 0, "FORMAT", "text (one line per difference) or json"},
    [OPT_STRUCTURE] = {"structure", 0, NULL, "compare only which actors and links there are"},
    [OPT_OUTPUT] = {"output", 'o', "FILE", "write the differences to FILE (default: standard output)"},
    {NULL, 0, NULL, NULL},
};

#define PG_DIFF_ABOUT                                                                          \
    "Compares two graph files: actors and links added (+) or removed (-), and for the\n"   \
    "others the values that changed (~): documents and weights of the graph; label, kind,\n" \
    "country, in_dictionary, mentions, documents of an actor; co_mentions, speaks_with,\n"  \
    "weight, interactions and evidence of a link; and, when both files have them, the\n"     \
    "figures. Reals are compared within --tolerance (absolute), the rest exactly.\n"        \
    "Exit status: 0 the same, 1 different, 2 error."

int pg_cmd_diff(int argc, char **argv)
{
    const char *files[2], *output = "-";
    size_t n_files = 0;
    int json = 0;
    pg_diff_options o;
    pg_diff_options_init(&o);
    pg_args args;
    pg_args_init(&args, argc, argv, "diff");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_diff_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph diff old.json new.json [options]", PG_DIFF_ABOUT, pg_diff_opts);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            return PG_EXIT_BAD;
        case PG_ARG_POSITIONAL:
            if (n_files == 2) {
                pg_fail("diff: compares two graph files (a third: '%s')", v);
                return PG_EXIT_BAD;
            }
            files[n_files++] = v;
            break;
        case OPT_TOLERANCE:
            if (pg_parse_double(v, &o.tolerance) != 0 || o.tolerance < 0) {
                pg_fail("diff: --tolerance '%s': expected a non-negative number", v);
                return PG_EXIT_BAD;
            }
            break;
        case OPT_FORMAT:
            if (strcmp(v, "json") == 0) {
                json = 1;
            } else if (strcmp(v, "text") == 0) {
                json = 0;
            } else {
                pg_fail("diff: --format '%s': expected text or json", v);
                return PG_EXIT_BAD;
            }
            break;
        case OPT_STRUCTURE:
            o.structure = 1;
            break;
        case OPT_OUTPUT:
            output = v;
            break;
        }
    }
    if (n_files != 2) {
        pg_fail("diff: needs two graph files (see 'polgraph diff --help')");
        return PG_EXIT_BAD;
    }
    pg_graph *g[2] = {NULL, NULL};
    pg_diff *d = NULL;
    char *buf = NULL;
    size_t len = 0;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_read_file(files[0], &g[0], &err);
    if (rc == PG_OK)
        rc = pg_json_read_file(files[1], &g[1], &err);
    if (rc == PG_OK)
        rc = pg_diff_graphs(g[0], g[1], &o, &d, &err);
    if (rc == PG_OK)
        rc = json ? pg_diff_write_json(d, &buf, &len, &err) : pg_diff_write_text(d, &buf, &len, &err);
    if (rc == PG_OK)
        rc = pg_write_file_atomic(output, buf, len, &err);
    int status = rc != PG_OK ? pg_fail_error(&err) : d->n ? PG_EXIT_DIFFERENT : PG_EXIT_OK;
    free(buf);
    pg_diff_free(d);
    pg_graph_free(g[0]);
    pg_graph_free(g[1]);
    return status;
}
