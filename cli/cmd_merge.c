/* polgraph merge: graphs of parts of a corpus into the graph of the whole. */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../graph/pg_analyse.h"
#include "../graph/pg_json.h"
#include "pg_cli.h"
#include "pg_outputs.h"

enum { OPT_OUTPUT, OPT_SEED, OPT_ENGINE, OPT_SIZE_BY, OPT_TITLE, OPT_QUIET, OPT_JOBS, OPT_EXACT };

static const pg_option pg_merge_opts[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE",
                    "write to FILE, by extension: .json .svg .png .pdf .dot (repeatable; "
                    "default: JSON on standard output)"},
    [OPT_SEED] = {"seed", 0, "N", "seed of communities and layouts (default 42)"},
    [OPT_ENGINE] = {"engine", 0, "NAME", "layout engine: sfdp neato fdp circo dot"},
    [OPT_SIZE_BY] = {"size-by", 0, "FIGURE", "node area by this figure (default pagerank)"},
    [OPT_TITLE] = {"title", 0, "TEXT", "title of the diagram"},
    [OPT_QUIET] = {"quiet", 'q', NULL, "no progress on standard error"},
    [OPT_JOBS] = {"jobs", 'j', "N", "analyse on N threads (default: the number of cores)"},
    [OPT_EXACT] = {"exact", 0, NULL,
                   "exact betweenness, closeness and harmonic even for a huge graph"},
    {NULL, 0, NULL, NULL},
};

#define PG_MERGE_MAX_OUTPUTS 32

int pg_cmd_merge(int argc, char **argv)
{
    const char *outputs[PG_MERGE_MAX_OUTPUTS];
    size_t n_out = 0, n_in = 0, jobs = pg_default_jobs();
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    if (!inputs) {
        pg_fail("merge: out of memory");
        return PG_EXIT_BAD;
    }
    pg_outputs_options ro;
    pg_outputs_options_init(&ro);
    pg_analyse_options ao;
    pg_analyse_options_init(&ao);
    pg_args args;
    pg_args_init(&args, argc, argv, "merge");
    const char *v;
    int k, status = PG_EXIT_OK, quiet = 0;
    while (status == PG_EXIT_OK && (k = pg_args_next(&args, pg_merge_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph merge part.json... [-o all.json] [options]",
                          "Adds up graph files built from separate sets of articles: counts add,\n"
                          "evidence keeps the earliest examples, figures are computed again. The\n"
                          "result is the graph that building all the articles at once gives.",
                          pg_merge_opts);
            free(inputs);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            status = PG_EXIT_BAD;
            break;
        case PG_ARG_POSITIONAL:
            inputs[n_in++] = v;
            break;
        case OPT_OUTPUT:
            if (n_out == PG_MERGE_MAX_OUTPUTS) {
                pg_fail("merge: too many -o options");
                status = PG_EXIT_BAD;
            } else {
                outputs[n_out++] = v;
            }
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case OPT_JOBS:
            if (pg_parse_jobs("merge", v, &jobs) != 0)
                status = PG_EXIT_BAD;
            break;
        case OPT_EXACT:
            ao.exact = 1;
            break;
        default:
            if (pg_outputs_option(&ro, pg_merge_opts[k].name, v) != 0)
                status = PG_EXIT_BAD;
        }
    }
    if (status == PG_EXIT_OK && n_in == 0) {
        pg_fail("merge: needs at least one graph file (see 'polgraph merge --help')");
        status = PG_EXIT_BAD;
    }
    if (status == PG_EXIT_OK && n_out == 0)
        outputs[n_out++] = "-";
    if (status == PG_EXIT_OK && pg_outputs_check(outputs, n_out, "merge") != 0)
        status = PG_EXIT_BAD;
    if (status != PG_EXIT_OK) {
        free(inputs);
        return status;
    }
    /* a part of a big corpus takes a second or more to read: say which one, on one line */
    int progress = !quiet && isatty(STDERR_FILENO);
    pg_graph *all = NULL;
    pg_error err;
    pg_error_clear(&err);
    int rc = PG_OK;
    for (size_t i = 0; i < n_in && rc == PG_OK; i++) {
        if (progress)
            fprintf(stderr, "\rpolgraph: reading part %zu of %zu\033[K", i + 1, n_in);
        pg_graph *part = NULL;
        rc = pg_json_read_file(inputs[i], &part, &err);
        if (rc == PG_OK && i == 0) {
            all = part;
            continue;
        }
        if (rc == PG_OK && (part->w_co_mention != all->w_co_mention ||
                            part->w_speaks_with != all->w_speaks_with))
            rc = pg_error_set(&err, PG_EINPUT,
                              "%s: its link weights (co_mention %g, speaks_with %g) differ from "
                              "those of %s (%g, %g)",
                              inputs[i], part->w_co_mention, part->w_speaks_with, inputs[0],
                              all->w_co_mention, all->w_speaks_with);
        if (rc == PG_OK)
            rc = pg_graph_merge(all, part, &err);
        pg_graph_free(part);
    }
    if (progress)
        fputc('\n', stderr);
    free(inputs);
    /* figures of the parts are not those of the whole: analysed again, as build does */
    if (rc == PG_OK) {
        ao.seed = ro.seed;
        ao.threads = jobs;
        if (progress)
            fprintf(stderr, "polgraph: analysing %zu actors and %zu links\n", all->n_nodes,
                    all->n_links);
        rc = pg_analyse_with(all, &ao, &err);
    }
    if (rc != PG_OK) {
        pg_graph_free(all);
        return pg_fail_error(&err);
    }
    status = pg_outputs_write(all, outputs, n_out, &ro);
    pg_graph_free(all);
    return status;
}
