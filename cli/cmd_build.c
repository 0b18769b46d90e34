/* polgraph build: articles in, graph files out. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../extract/pg_article.h"
#include "../extract/pg_extract.h"
#include "../graph/pg_analyse.h"
#include "../graph/pg_graph.h"
#include "../graph/pg_json.h"
#include "../render/pg_render.h"
#include "pg_cli.h"
#include "pg_outputs.h"
#include "pg_pipeline.h"

enum {
    OPT_OUTPUT,
    OPT_ACTORS,
    OPT_NO_BUILTIN,
    OPT_DATE,
    OPT_NO_DISCOVER,
    OPT_SEED,
    OPT_ENGINE,
    OPT_SIZE_BY,
    OPT_TITLE,
    OPT_QUIET,
    OPT_JOBS,
    OPT_EXACT,
};

static const pg_option pg_build_options[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE",
                    "write the graph to FILE, by extension: .json .dot .svg .png .pdf "
                    "(repeatable; default graph.json)"},
    [OPT_ACTORS] = {"actors", 0, "FILE", "add the actors of a JSON dictionary (repeatable)"},
    [OPT_NO_BUILTIN] = {"no-builtin", 0, NULL, "use only the --actors dictionaries"},
    [OPT_DATE] = {"date", 0, "YYYY-MM-DD", "date of articles that give none"},
    [OPT_NO_DISCOVER] = {"no-discover", 0, NULL, "only actors of the dictionary"},
    [OPT_SEED] = {"seed", 0, "N", "seed of communities and layouts (default 42)"},
    [OPT_ENGINE] = {"engine", 0, "NAME", "layout engine: sfdp neato fdp circo dot"},
    [OPT_SIZE_BY] = {"size-by", 0, "FIGURE", "node area by this figure (default pagerank)"},
    [OPT_TITLE] = {"title", 0, "TEXT", "title of the diagram"},
    [OPT_QUIET] = {"quiet", 'q', NULL, "no progress on standard error"},
    [OPT_JOBS] = {"jobs", 'j', "N",
                  "extract and analyse on N threads (default: the number of cores)"},
    [OPT_EXACT] = {"exact", 0, NULL,
                   "exact betweenness, closeness and harmonic even for a huge graph"},
    {NULL, 0, NULL, NULL},
};

typedef struct pg_build {
    pg_extract_options opt;
    pg_graph *graph;
    pg_error err;
    size_t articles, bytes, warnings;
    int progress;
    int line_open; /* a progress line waits for its end */
    unsigned long long total; /* bytes of input files, 0 if unknown */
    double started, last_report;
} pg_build;

static double pg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * "polgraph: 1200 articles, 45.0 of 120.0 MB, 90.0 MB/s, 0:01 left",
 * at most twice a second, on one line rewritten in place. The time left
 * counts text against file sizes, so it errs on the long side for JSON.
 */
static void pg_report_progress(pg_build *b, int final)
{
    if (!b->progress)
        return; /* called after each article: not even the clock when silent */
    double now = pg_now();
    if (!final && now - b->last_report < 0.5)
        return;
    b->last_report = now;
    double secs = now - b->started;
    double mb = (double)b->bytes / 1e6, rate = secs > 0 ? mb / secs : 0.0;
    char total[64] = "", left[64] = "";
    if (b->total > 0) {
        double all = (double)b->total / 1e6;
        snprintf(total, sizeof total, " of %.1f", all);
        if (!final && rate > 0) {
            long s = all > mb ? (long)((all - mb) / rate + 0.5) : 0;
            snprintf(left, sizeof left, ", %ld:%02ld left", s / 60, s % 60);
        }
    }
    /* \033[K clears what a longer line left behind */
    fprintf(stderr, "\rpolgraph: %zu articles, %.1f%s MB, %.1f MB/s%s\033[K%s", b->articles, mb,
            total, rate, left, final ? "\n" : "");
    b->line_open = !final;
}

static void pg_on_warning(const char *msg, void *user)
{
    pg_build *b = user;
    b->warnings++;
    if (b->line_open)
        fputc('\n', stderr);
    b->line_open = 0;
    pg_warn("%s", msg);
}

static int pg_on_doc(pg_doc *doc, void *user, pg_error *err)
{
    pg_build *b = user;
    int rc = pg_graph_add_doc(b->graph, doc, err);
    pg_doc_free(doc);
    return rc;
}

static void pg_on_progress(size_t articles, size_t bytes, void *user)
{
    pg_build *b = user;
    b->articles = articles;
    b->bytes = bytes;
    pg_report_progress(b, 0);
}

int pg_cmd_build(int argc, char **argv)
{
    const char *outputs[32], *actors[32];
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_out = 0, n_actors = 0, n_in = 0;
    int builtin = 1, quiet = 0;
    size_t jobs = pg_default_jobs();
    pg_analyse_options ao;
    pg_analyse_options_init(&ao);
    pg_build b;
    memset(&b, 0, sizeof b);
    pg_extract_options_init(&b.opt);
    pg_outputs_options ro;
    pg_outputs_options_init(&ro);
    if (!inputs) {
        pg_fail("out of memory");
        return PG_EXIT_BAD;
    }

    int status = PG_EXIT_BAD;
    pg_args args;
    pg_args_init(&args, argc, argv, "build");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_build_options, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph build INPUT... [-o graph.json] [-o graph.svg] [options]",
                          "Reads articles (text files, folders of them, JSON Lines, '-' for\n"
                          "standard input), finds the actors and who speaks with whom, and\n"
                          "writes the graph with its figures.",
                          pg_build_options);
            status = PG_EXIT_OK;
            goto out;
        case PG_ARG_ERROR:
            goto out;
        case PG_ARG_POSITIONAL:
            inputs[n_in++] = v;
            break;
        case OPT_OUTPUT:
        case OPT_ACTORS:
            if ((k == OPT_OUTPUT ? n_out : n_actors) == 32) {
                pg_fail("build: too many --%s options", pg_build_options[k].name);
                goto out;
            }
            if (k == OPT_OUTPUT)
                outputs[n_out++] = v;
            else
                actors[n_actors++] = v;
            break;
        case OPT_NO_BUILTIN:
            builtin = 0;
            break;
        case OPT_DATE:
            b.opt.date = pg_day_parse_iso(v, strlen(v));
            if (b.opt.date == PG_DAY_NONE) {
                pg_fail("build: --date '%s': expected a date YYYY-MM-DD", v);
                goto out;
            }
            break;
        case OPT_NO_DISCOVER:
            b.opt.discover = 0;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        case OPT_JOBS:
            if (pg_parse_jobs("build", v, &jobs) != 0)
                goto out;
            break;
        case OPT_EXACT:
            ao.exact = 1;
            break;
        default:
            if (pg_outputs_option(&ro, pg_build_options[k].name, v) != 0)
                goto out;
        }
    }
    if (n_in == 0) {
        pg_fail("build: no input (see 'polgraph build --help')");
        goto out;
    }
    if (n_out == 0)
        outputs[n_out++] = "graph.json";
    if (pg_outputs_check(outputs, n_out, "build") != 0)
        goto out;
    if (!builtin && n_actors == 0) {
        pg_fail("build: --no-builtin needs at least one --actors FILE");
        goto out;
    }

    pg_dict *dict = NULL;
    int rc = builtin ? pg_dict_new_builtin(&dict, &b.err) : pg_dict_new(&dict, &b.err);
    for (size_t i = 0; i < n_actors && rc == PG_OK; i++)
        rc = pg_dict_load_file(dict, actors[i], &b.err);
    if (rc == PG_OK)
        rc = pg_dict_prepare(dict, &b.err);
    if (rc == PG_OK)
        rc = pg_graph_new(&b.graph, &b.err);
    if (rc != PG_OK) {
        status = pg_fail_error(&b.err);
        pg_dict_free(dict);
        goto out;
    }
    b.progress = !quiet && isatty(STDERR_FILENO);
    if (b.progress)
        b.total = pg_inputs_size(inputs, n_in);
    b.started = b.last_report = pg_now();
    pg_pipeline_hooks hooks = {pg_on_doc, pg_on_warning, pg_on_progress, &b};
    rc = pg_pipeline_run(inputs, n_in, jobs, dict, &b.opt, &hooks, &b.articles, &b.err);
    pg_report_progress(&b, 1);
    if (rc != PG_OK) {
        status = pg_fail_error(&b.err);
    } else if (b.articles == 0) {
        pg_fail("build: no article could be read");
    } else {
        /* analysed here for --exact; pg_outputs_write keeps the figures */
        ao.seed = ro.seed;
        ao.threads = jobs;
        if (b.progress)
            fprintf(stderr, "polgraph: analysing %zu actors and %zu links\n", b.graph->n_nodes,
                    b.graph->n_links);
        rc = pg_analyse_with(b.graph, &ao, &b.err);
        status = rc == PG_OK ? pg_outputs_write(b.graph, outputs, n_out, &ro)
                             : pg_fail_error(&b.err);
    }
    pg_graph_free(b.graph);
    pg_dict_free(dict);
out:
    free(inputs);
    return status;
}
