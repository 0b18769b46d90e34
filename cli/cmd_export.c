/* polgraph export: a graph file in the exchange formats of analysts' tools. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "../graph/pg_analyse.h"
#include "../graph/pg_json.h"
#include "../render/pg_export.h"
#include "pg_cli.h"
#include "pg_outputs.h"

enum { OPT_TO, OPT_OUTPUT, OPT_SEED };

static const pg_option pg_export_opts[] = {
    [OPT_TO] = {"to", 't', "FORMAT", "graphml, gexf, csv or json (default: by the extension of -o)"},
    [OPT_OUTPUT] = {"output", 'o', "FILE",
                    "write to FILE (default standard output); for csv a folder, created if missing"},
    [OPT_SEED] = {"seed", 0, "N", "seed of communities when the graph has no figures (default 42)"},
    PG_SELECT_OPTION_ROWS,
    {NULL, 0, NULL, NULL},
};

static const char pg_export_about[] =
    "Writes a graph file (from 'polgraph build', or - for standard input) for other tools.\n"
    "\n"
    "formats:\n"
    "  graphml  GraphML (networkx, igraph, Gephi, yEd): node label, kind, country,\n"
    "           in_dictionary, mentions, documents and every figure; link weight,\n"
    "           co_mentions, speaks_with, interactions (\"phone/occurred/2017-01-28; ...\")\n"
    "           and evidence (up to 3 sentences joined by \" | \")\n"
    "  gexf     GEXF 1.2 for Gephi with the same attributes, styled as the diagrams:\n"
    "           node size by pagerank, colour by community, shape by kind, link\n"
    "           thickness by weight\n"
    "  csv      nodes.csv and links.csv (RFC 4180) in the folder named by -o; links.csv\n"
    "           counts the interactions that occurred or are planned by mode (phone,\n"
    "           meeting, talks, unspecified) with their first and last date\n"
    "  json     the canonical graph JSON\n"
    "\n"
    "A graph without figures is analysed first. Text from articles is made safe for\n"
    "each format: control characters become spaces, XML markup is escaped, and a CSV\n"
    "field starting with = + - or @ gets a leading ' so that spreadsheets do not run it.\n"
    "\n" PG_SELECT_HELP;

typedef enum pg_export_to { PG_TO_GRAPHML, PG_TO_GEXF, PG_TO_CSV, PG_TO_JSON } pg_export_to;

static const struct {
    const char *name;
    const char *extension; /* chosen by -o's extension; NULL: only by --to */
} pg_export_formats[] = {
    [PG_TO_GRAPHML] = {"graphml", ".graphml"},
    [PG_TO_GEXF] = {"gexf", ".gexf"},
    [PG_TO_CSV] = {"csv", NULL},
    [PG_TO_JSON] = {"json", ".json"},
};
#define PG_N_EXPORT_FORMATS (sizeof pg_export_formats / sizeof pg_export_formats[0])

typedef struct pg_export_request {
    const char *input;
    const char *output; /* "-": standard output */
    const char *to;     /* NULL: by the extension of output */
    pg_outputs_options outputs;
} pg_export_request;

static int pg_export_format_named(const char *name, pg_export_to *out)
{
    for (size_t i = 0; i < PG_N_EXPORT_FORMATS; i++)
        if (strcmp(name, pg_export_formats[i].name) == 0) {
            *out = (pg_export_to)i;
            return 0;
        }
    return -1;
}

static int pg_export_format_of_path(const char *path, pg_export_to *out)
{
    size_t n = strlen(path);
    for (size_t i = 0; i < PG_N_EXPORT_FORMATS; i++) {
        const char *ext = pg_export_formats[i].extension;
        size_t k = ext ? strlen(ext) : 0;
        if (ext && n > k && strcasecmp(path + n - k, ext) == 0) {
            *out = (pg_export_to)i;
            return 0;
        }
    }
    return -1;
}

/* Reports bad usage and returns -1. */
static int pg_export_parse(pg_export_request *r, int argc, char **argv, int *help)
{
    pg_args args;
    const char *v;
    int k;
    memset(r, 0, sizeof *r);
    pg_outputs_options_init(&r->outputs);
    *help = 0;
    pg_args_init(&args, argc, argv, "export");
    while ((k = pg_args_next(&args, pg_export_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            *help = 1;
            return 0;
        case PG_ARG_ERROR:
            return -1;
        case PG_ARG_POSITIONAL:
            if (r->input) {
                pg_fail("export: one graph file at a time ('%s' and '%s')", r->input, v);
                return -1;
            }
            r->input = v;
            break;
        case OPT_TO:
            r->to = v;
            break;
        case OPT_OUTPUT:
            if (r->output) {
                pg_fail("export: one -o at a time ('%s' and '%s')", r->output, v);
                return -1;
            }
            r->output = v;
            break;
        default:
            if (pg_outputs_option(&r->outputs, pg_export_opts[k].name, v) != 0)
                return -1;
        }
    }
    if (!r->input) {
        pg_fail("export: needs a graph file (see 'polgraph export --help')");
        return -1;
    }
    return pg_select_opts_check(&r->outputs.select, "export");
}

static int pg_export_resolve(const pg_export_request *r, pg_export_to *to)
{
    if (r->to) {
        if (pg_export_format_named(r->to, to) == 0)
            return 0;
        pg_fail("export: --to '%s': expected graphml, gexf, csv or json", r->to);
        return -1;
    }
    if (r->output && pg_export_format_of_path(r->output, to) == 0)
        return 0;
    pg_fail("export: needs --to graphml, gexf, csv or json (see 'polgraph export --help')");
    return -1;
}

/* Reads a graph from a file, or from standard input for "-". */
static int pg_export_read(const char *path, pg_graph **g, pg_error *err)
{
    if (strcmp(path, "-") != 0)
        return pg_json_read_file(path, g, err);
    return pg_json_read_stream(stdin, "<stdin>", g, err);
}

/* Like mkdir -p; an existing folder is fine, an existing file is not. */
static int pg_make_folder(const char *path, pg_error *err)
{
    struct stat st;
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    if (!p)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    memcpy(p, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            pg_error_set(err, PG_EIO, "%s: cannot create folder: %s", p, strerror(e));
            free(p);
            return PG_EIO;
        }
        p[i] = saved;
    }
    free(p);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return pg_error_set(err, PG_EIO, "%s: not a folder", path);
    return PG_OK;
}

static int pg_export_csv(const pg_graph *g, const char *folder, pg_error *err)
{
    static const struct {
        const char *file;
        int (*write)(const pg_graph *, char **, size_t *, pg_error *);
    } tables[] = {{"nodes.csv", pg_export_csv_nodes}, {"links.csv", pg_export_csv_links}};
    int rc = pg_make_folder(folder, err);
    for (size_t i = 0; i < sizeof tables / sizeof tables[0] && rc == PG_OK; i++) {
        char *buf = NULL, *path = NULL;
        size_t len = 0, n = strlen(folder) + strlen(tables[i].file) + 2;
        if ((path = malloc(n)) == NULL) {
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
            break;
        }
        snprintf(path, n, "%s/%s", folder, tables[i].file);
        rc = tables[i].write(g, &buf, &len, err);
        if (rc == PG_OK)
            rc = pg_write_file_atomic(path, buf, len, err);
        free(buf);
        free(path);
    }
    return rc;
}

static int pg_export_json(FILE *f, void *graph, pg_error *err)
{
    return pg_json_write_file(graph, f, err);
}

static int pg_export_write(pg_graph *g, pg_export_to to, const char *output, pg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc;
    switch (to) {
    case PG_TO_GRAPHML: rc = pg_export_graphml(g, &buf, &len, err); break;
    case PG_TO_GEXF: rc = pg_export_gexf(g, &buf, &len, err); break;
    case PG_TO_JSON:
        /* streamed into the staged file */
        rc = pg_output_stage_with(output, pg_export_json, g, err);
        if (rc != PG_OK) {
            pg_output_discard();
            return rc;
        }
        return pg_output_commit(err);
    case PG_TO_CSV: return pg_export_csv(g, output, err);
    default: return pg_error_set(err, PG_EINTERNAL, "unknown export format");
    }
    if (rc == PG_OK)
        rc = pg_write_file_atomic(output, buf, len, err);
    free(buf);
    return rc;
}

int pg_cmd_export(int argc, char **argv)
{
    pg_export_request r;
    pg_export_to to;
    int help;
    if (pg_export_parse(&r, argc, argv, &help) != 0)
        return PG_EXIT_BAD;
    if (help) {
        pg_print_help("polgraph export graph.json --to graphml|gexf|csv|json [-o FILE]",
                      pg_export_about, pg_export_opts);
        return PG_EXIT_OK;
    }
    if (pg_export_resolve(&r, &to) != 0)
        return PG_EXIT_BAD;
    if (to == PG_TO_CSV && (!r.output || strcmp(r.output, "-") == 0)) {
        pg_fail("export: --to csv writes two files: name their folder with -o FOLDER");
        return PG_EXIT_BAD;
    }

    pg_graph *g = NULL;
    pg_error err;
    pg_error_clear(&err);
    if (pg_export_read(r.input, &g, &err) != PG_OK)
        return pg_fail_error(&err);
    /* graph-level problems name the input; file problems name the output */
    int rc = pg_graph_sort(g, &err);
    if (rc == PG_OK && !g->analysed)
        rc = pg_analyse(g, r.outputs.seed, &err);
    pg_graph *selected = NULL;
    if (rc == PG_OK)
        rc = pg_select_opts_apply(&r.outputs.select, g, r.outputs.seed, &selected, &err);
    if (rc != PG_OK) {
        pg_fail("%s: %s", r.input, err.msg);
        pg_graph_free(g);
        return PG_EXIT_BAD;
    }
    rc = pg_export_write(selected ? selected : g, to, r.output ? r.output : "-", &err);
    pg_graph_free(selected);
    pg_graph_free(g);
    if (rc == PG_EINPUT) {
        pg_fail("%s: %s", r.input, err.msg);
        return PG_EXIT_BAD;
    }
    return rc == PG_OK ? PG_EXIT_OK : pg_fail_error(&err);
}
