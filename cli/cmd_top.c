/* polgraph top: the actors of a graph file ranked by a figure, as a table. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../graph/pg_analyse.h"
#include "../graph/pg_json.h"
#include "../graph/pg_select.h"
#include "pg_cli.h"

enum { OPT_N, OPT_BY, OPT_FORMAT, OPT_SEED, OPT_OUTPUT };

static const pg_option pg_top_opts[] = {
    [OPT_N] = {"number", 'n', "N", "how many actors (default 10; 0: all)"},
    [OPT_BY] = {"by", 0, "FIGURE",
                "rank by pagerank (default), betweenness, strength, degree, closeness, "
                "harmonic, eigenvector or mentions"},
    [OPT_FORMAT] = {"format", 0, "FORMAT", "text (aligned columns), csv or md (Markdown table)"},
    [OPT_SEED] = {"seed", 0, "N", "seed of communities when the file has no figures (default 42)"},
    [OPT_OUTPUT] = {"output", 'o', "FILE", "write the table to FILE (default: standard output)"},
    {NULL, 0, NULL, NULL},
};

typedef enum top_format { TOP_TEXT, TOP_CSV, TOP_MD } top_format;

/* The columns; the ranking figure is added when it is not one of them. */
typedef enum col_type { COL_RANK, COL_STR, COL_INT, COL_REAL } col_type;

typedef struct column {
    const char *name;
    col_type type;
} column;

#define TOP_MAX_COLS 12

static const column pg_top_columns[] = {
    {"rank", COL_RANK},        {"id", COL_STR},         {"label", COL_STR},
    {"kind", COL_STR},         {"degree", COL_INT},     {"strength", COL_REAL},
    {"betweenness", COL_REAL}, {"pagerank", COL_REAL},  {"community", COL_INT},
};
#define TOP_N_COLUMNS (sizeof pg_top_columns / sizeof pg_top_columns[0])

/* ------------------------------------------------------------------ */
/* A growing text buffer */

typedef struct text {
    char *s;
    size_t len, cap;
    int nomem;
} text;

static void text_add(text *t, const char *s, size_t n)
{
    if (t->nomem)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 1024;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *p = realloc(t->s, cap);
        if (!p) {
            t->nomem = 1;
            return;
        }
        t->s = p;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void text_str(text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

static void text_pad(text *t, size_t n)
{
    while (n-- > 0)
        text_add(t, " ", 1);
}

/* Width on screen: UTF-8 code points (labels are not all ASCII). */
static size_t display_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

/* ------------------------------------------------------------------ */
/* Cells */

/* The cell of column c for the node of rank r (1-based), into buf. */
static void cell(const pg_graph *g, size_t node, size_t r, const column *c, top_format fmt,
                 char *buf, size_t size, const char **str)
{
    const pg_node *n = &g->nodes[node];
    double v = 0;
    *str = NULL;
    switch (c->type) {
    case COL_RANK:
        snprintf(buf, size, "%zu", r);
        return;
    case COL_STR:
        if (strcmp(c->name, "id") == 0)
            *str = n->id;
        else if (strcmp(c->name, "label") == 0)
            *str = n->label ? n->label : n->id;
        else
            *str = pg_kind_name(n->kind);
        return;
    case COL_INT:
        pg_select_value(n, c->name, &v);
        snprintf(buf, size, "%.0f", v);
        return;
    case COL_REAL:
        pg_select_value(n, c->name, &v);
        /* full precision where a program reads the table, four decimals for people */
        snprintf(buf, size, fmt == TOP_CSV ? "%.10g" : "%.4f", v);
        return;
    }
}

static void csv_field(text *t, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        text_str(t, s);
        return;
    }
    text_add(t, "\"", 1);
    for (; *s; s++) {
        if (*s == '"')
            text_add(t, "\"", 1);
        text_add(t, s, 1);
    }
    text_add(t, "\"", 1);
}

static void md_field(text *t, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            text_add(t, "\\", 1);
        text_add(t, *s == '\n' ? " " : s, 1);
    }
}

/* ------------------------------------------------------------------ */

static int write_table(const pg_graph *g, const size_t *order, size_t rows, const column *cols,
                       size_t n_cols, top_format fmt, text *t)
{
    char buf[64];
    const char *str;
    size_t width[TOP_MAX_COLS];
    for (size_t c = 0; c < n_cols; c++) {
        width[c] = strlen(cols[c].name);
        for (size_t r = 0; fmt == TOP_TEXT && r < rows; r++) {
            cell(g, order[r], r + 1, &cols[c], fmt, buf, sizeof buf, &str);
            size_t w = display_width(str ? str : buf);
            if (w > width[c])
                width[c] = w;
        }
    }
    /* header */
    for (size_t c = 0; c < n_cols; c++) {
        const char *name = cols[c].name;
        if (fmt == TOP_CSV) {
            text_str(t, c ? "," : "");
            text_str(t, name);
        } else if (fmt == TOP_MD) {
            text_str(t, "| ");
            text_str(t, name);
            text_str(t, " ");
        } else {
            int left = cols[c].type == COL_STR;
            text_str(t, c ? "  " : "");
            if (!left)
                text_pad(t, width[c] - strlen(name));
            text_str(t, name);
            if (left && c + 1 < n_cols)
                text_pad(t, width[c] - strlen(name));
        }
    }
    text_str(t, fmt == TOP_MD ? "|\n" : "\n");
    if (fmt == TOP_MD) {
        for (size_t c = 0; c < n_cols; c++)
            text_str(t, cols[c].type == COL_STR ? "|---" : "|---:");
        text_str(t, "|\n");
    }
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < n_cols; c++) {
            cell(g, order[r], r + 1, &cols[c], fmt, buf, sizeof buf, &str);
            const char *s = str ? str : buf;
            if (fmt == TOP_CSV) {
                text_str(t, c ? "," : "");
                csv_field(t, s);
            } else if (fmt == TOP_MD) {
                text_str(t, "| ");
                md_field(t, s);
                text_str(t, " ");
            } else {
                int left = cols[c].type == COL_STR;
                size_t w = display_width(s);
                text_str(t, c ? "  " : "");
                if (!left)
                    text_pad(t, width[c] - w);
                text_str(t, s);
                if (left && c + 1 < n_cols)
                    text_pad(t, width[c] - w);
            }
        }
        text_str(t, fmt == TOP_MD ? "|\n" : "\n");
    }
    return t->nomem ? -1 : 0;
}

int pg_cmd_top(int argc, char **argv)
{
    const char *input = NULL, *by = "pagerank", *output = "-";
    unsigned long n = 10, seed = PG_DEFAULT_SEED;
    top_format fmt = TOP_TEXT;
    pg_args args;
    pg_args_init(&args, argc, argv, "top");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_top_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph top graph.json [-n 10] [--by FIGURE] [--format text|csv|md]",
                          "Ranks the actors of a graph file by a figure, highest first (ties by\n"
                          "id), with their main figures. A file without figures is analysed first.",
                          pg_top_opts);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            return PG_EXIT_BAD;
        case PG_ARG_POSITIONAL:
            if (input) {
                pg_fail("top: one graph file at a time ('%s' and '%s')", input, v);
                return PG_EXIT_BAD;
            }
            input = v;
            break;
        case OPT_N:
            if (pg_parse_ulong(v, &n) != 0) {
                pg_fail("top: -n '%s': expected a non-negative whole number", v);
                return PG_EXIT_BAD;
            }
            break;
        case OPT_BY:
            if (!pg_select_known(v, NULL)) {
                pg_fail("top: --by '%s': expected pagerank, betweenness, strength, degree, "
                        "closeness, harmonic, eigenvector, community, mentions or documents", v);
                return PG_EXIT_BAD;
            }
            by = v;
            break;
        case OPT_FORMAT:
            if (strcmp(v, "text") == 0) {
                fmt = TOP_TEXT;
            } else if (strcmp(v, "csv") == 0) {
                fmt = TOP_CSV;
            } else if (strcmp(v, "md") == 0) {
                fmt = TOP_MD;
            } else {
                pg_fail("top: --format '%s': expected text, csv or md", v);
                return PG_EXIT_BAD;
            }
            break;
        case OPT_SEED:
            if (pg_parse_ulong(v, &seed) != 0) {
                pg_fail("top: --seed '%s': expected a non-negative whole number", v);
                return PG_EXIT_BAD;
            }
            break;
        case OPT_OUTPUT:
            output = v;
            break;
        }
    }
    if (!input) {
        pg_fail("top: needs a graph file (see 'polgraph top --help')");
        return PG_EXIT_BAD;
    }

    column cols[TOP_MAX_COLS];
    size_t n_cols = 0;
    int listed = 0;
    for (size_t c = 0; c < TOP_N_COLUMNS; c++) {
        cols[n_cols++] = pg_top_columns[c];
        listed |= strcmp(pg_top_columns[c].name, by) == 0;
    }
    if (!listed) {
        /* after kind, so that the ranking figure comes first */
        memmove(&cols[5], &cols[4], (n_cols - 4) * sizeof *cols);
        cols[4].name = by;
        cols[4].type = strcmp(by, "mentions") == 0 || strcmp(by, "documents") == 0 ? COL_INT
                                                                                  : COL_REAL;
        n_cols++;
    }

    pg_graph *g = NULL;
    size_t *order = NULL;
    text t = {NULL, 0, 0, 0};
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_json_read_file(input, &g, &err);
    if (rc == PG_OK)
        rc = pg_graph_sort(g, &err);
    if (rc == PG_OK && !g->analysed)
        rc = pg_analyse(g, seed, &err);
    if (rc == PG_OK)
        rc = pg_select_rank(g, by, &order, &err);
    if (rc == PG_OK) {
        size_t rows = n == 0 || n > g->n_nodes ? g->n_nodes : (size_t)n;
        if (write_table(g, order, rows, cols, n_cols, fmt, &t) != 0)
            rc = pg_error_set(&err, PG_ENOMEM, "out of memory");
    }
    if (rc == PG_OK)
        rc = pg_write_file_atomic(output, t.s, t.len, &err);
    int status = rc == PG_OK ? PG_EXIT_OK : pg_fail_error(&err);
    free(t.s);
    free(order);
    pg_graph_free(g);
    return status;
}
