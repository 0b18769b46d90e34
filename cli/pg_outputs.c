#include "pg_outputs.h"

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
}

int pg_outputs_option(pg_outputs_options *o, const char *name, const char *value)
{
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

int pg_outputs_write(pg_graph *g, const char *const *paths, size_t n, const pg_outputs_options *o)
{
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_graph_sort(g, &err);
    if (rc == PG_OK && !g->analysed)
        rc = pg_analyse(g, o->seed, &err);
    for (size_t i = 0; i < n && rc == PG_OK; i++) {
        char *buf = NULL;
        size_t len = 0;
        pg_format f;
        if (pg_is_json(paths[i]))
            rc = pg_json_write(g, &buf, &len, &err);
        else if (pg_format_from_path(paths[i], &f) == 0)
            rc = pg_render(g, f, &o->render, &buf, &len, &err);
        if (rc == PG_OK)
            rc = pg_write_file_atomic(paths[i], buf, len, &err);
        free(buf);
    }
    pg_render_shutdown();
    return rc == PG_OK ? PG_EXIT_OK : pg_fail_error(&err);
}
