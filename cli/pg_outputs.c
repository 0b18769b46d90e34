#include "pg_outputs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../graph/pg_analyse.h"
#include "../graph/pg_json.h"
#include "pg_cli.h"

void pg_outputs_options_init(pg_outputs_options *o)
{
    pg_render_options_init(&o->render);
    o->seed = PG_DEFAULT_SEED;
    o->render.seed = PG_DEFAULT_SEED;
    pg_select_opts_init(&o->select);
}

int pg_outputs_option(pg_outputs_options *o, const char *name, const char *value)
{
    int taken = pg_select_option(&o->select, name, value, NULL);
    if (taken != 0)
        return taken > 0 ? 0 : -1;
    if (strcmp(name, "seed") == 0) {
        if (pg_parse_ulong(value, &o->seed) != 0) {
            pg_fail("--seed '%s': expected a non-negative whole number", value);
            return -1;
        }
        o->render.seed = o->seed;
    } else if (strcmp(name, "engine") == 0) {
        static const char *const engines[] = {"sfdp", "neato", "fdp", "circo", "dot", "twopi", NULL};
        int ok = 0;
        for (size_t i = 0; engines[i]; i++)
            ok |= strcmp(value, engines[i]) == 0;
        if (!ok) {
            pg_fail("--engine '%s': expected sfdp, neato, fdp, circo, twopi or dot", value);
            return -1;
        }
        o->render.engine = value;
    } else if (strcmp(name, "size-by") == 0) {
        o->render.size_by = value;
    } else if (strcmp(name, "title") == 0) {
        o->render.title = value;
    } else {
        pg_fail("internal: unhandled option --%s", name);
        return -1;
    }
    return 0;
}

static int pg_is_json(const char *path)
{
    size_t n = strlen(path);
    return strcmp(path, "-") == 0 || (n >= 5 && strcasecmp(path + n - 5, ".json") == 0);
}

int pg_outputs_check(const char *const *paths, size_t n, const char *command)
{
    for (size_t i = 0; i < n; i++) {
        pg_format f;
        if (!pg_is_json(paths[i]) && pg_format_from_path(paths[i], &f) != 0) {
            pg_fail("%s: -o '%s': unknown extension (expected .json, .dot, .svg, .png or .pdf)",
                    command, paths[i]);
            return -1;
        }
    }
    return 0;
}

/*
 * The diagram's share of a big graph: the default top of 'view', or NULL
 * (*cut untouched) when the view is small enough or --top was given.
 */
static int pg_default_cut(pg_graph *view, const pg_outputs_options *o, pg_graph **cut,
                          pg_error *err)
{
    size_t keep = pg_select_default_top(view->n_nodes);
    if (o->select.top_given || keep == view->n_nodes)
        return PG_OK;
    pg_select s;
    pg_select_init(&s);
    s.top = keep;
    s.by = o->select.sel.by;
    /* the view holds only the ego's surroundings already; keep the ego in the cut */
    s.ego = o->select.sel.ego;
    s.depth = (unsigned long)-1;
    int rc = pg_select_apply(view, &s, o->seed, cut, err);
    if (rc == PG_OK)
        fprintf(stderr,
                "polgraph: note: the diagram shows the %zu of %zu actors ranked highest by %s "
                "(--top N to change, --top 0 for all)\n",
                keep, view->n_nodes, s.by ? s.by : "pagerank");
    return rc;
}

/* The graph JSON goes to its file as it is made: no copy of it in memory. */
static int pg_outputs_json(FILE *f, void *graph, pg_error *err)
{
    return pg_json_write_file(graph, f, err);
}

int pg_outputs_write(pg_graph *g, const char *const *paths, size_t n, const pg_outputs_options *o)
{
    pg_error err;
    pg_error_clear(&err);
    pg_graph *selected = NULL, *cut = NULL, *view = g;
    int rc = pg_graph_sort(g, &err);
    if (rc == PG_OK && !g->analysed)
        rc = pg_analyse(g, o->seed, &err);
    if (rc == PG_OK)
        rc = pg_select_opts_apply(&o->select, g, o->seed, &selected, &err);
    if (selected)
        view = selected;
    int diagrams = 0;
    for (size_t i = 0; i < n; i++)
        diagrams |= !pg_is_json(paths[i]);
    if (rc == PG_OK && diagrams)
        rc = pg_default_cut(view, o, &cut, &err);
    for (size_t i = 0; i < n && rc == PG_OK; i++) {
        char *buf = NULL;
        size_t len = 0;
        pg_format f;
        if (pg_is_json(paths[i])) {
            rc = pg_output_stage_with(paths[i], pg_outputs_json, view, &err);
            continue;
        }
        if (pg_format_from_path(paths[i], &f) == 0)
            rc = pg_render(cut ? cut : view, f, &o->render, &buf, &len, &err);
        if (rc == PG_OK)
            rc = pg_output_stage(paths[i], buf, len, &err);
        free(buf);
    }
    /* all outputs or none: a failure leaves the files as they were */
    if (rc == PG_OK)
        rc = pg_output_commit(&err);
    else
        pg_output_discard();
    pg_graph_free(cut);
    pg_graph_free(selected);
    pg_render_shutdown();
    return rc == PG_OK ? PG_EXIT_OK : pg_fail_error(&err);
}
