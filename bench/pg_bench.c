/*
 * pg_bench: the stages of 'polgraph build' timed one by one, on one
 * thread, with the peak resident memory after each.
 *
 *   pg_bench [--no-discover] [--exact] [--actors FILE]... [--until STAGE] [--svg FILE] INPUT...
 *
 * read     pg_read_inputs alone (articles read, repaired and freed)
 * extract  pg_extract_article, summed over a second reading pass
 * graph    pg_graph_add_doc, summed over the same pass
 * analyse  pg_analyse (approximated for big graphs unless --exact)
 * json     pg_json_write_file to /dev/null, as build streams its JSON
 * render   the default diagram (the top actors) as SVG
 *
 * One line per stage on standard output, tab-separated: stage, seconds
 * (wall clock), MB/s, articles/s, peak RSS in MB, and CPU seconds (less
 * disturbed than the wall clock on a busy machine).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "../extract/pg_article.h"
#include "../extract/pg_extract.h"
#include "../graph/pg_analyse.h"
#include "../graph/pg_graph.h"
#include "../graph/pg_json.h"
#include "../graph/pg_select.h"
#include "../render/pg_render.h"

typedef struct pg_bench {
    const pg_dict *dict;
    pg_extractor *ex; /* the working memory a pipeline thread keeps */
    pg_extract_options opt;
    pg_graph *graph;
    pg_error err;
    size_t articles, bytes;
    double t_extract, t_graph;
} pg_bench;

static double pg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double pg_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double pg_peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

static void pg_report(const char *stage, double secs, double cpu, const pg_bench *b)
{
    double mb = (double)b->bytes / 1e6;
    printf("%s\t%.3f\t%.1f\t%.0f\t%.1f\t%.3f\n", stage, secs, secs > 0 ? mb / secs : 0.0,
           secs > 0 ? (double)b->articles / secs : 0.0, pg_peak_mb(), cpu);
    fflush(stdout);
}

static int pg_count_only(pg_article *a, void *user)
{
    pg_bench *b = user;
    b->articles++;
    b->bytes += a->len;
    pg_article_free(a);
    return 0;
}

static int pg_extract_one(pg_article *a, void *user)
{
    pg_bench *b = user;
    pg_doc *doc = NULL;
    /*
     * Wall time only: the clock of CPU time is a system call, and two an
     * article cost as much as a twentieth of the extraction
     */
    double t0 = pg_now();
    int rc = pg_extract_article_with(b->ex, b->dict, a, &b->opt, &doc, &b->err);
    double t1 = pg_now();
    if (rc == PG_OK)
        rc = pg_graph_add_doc(b->graph, doc, &b->err);
    b->t_extract += t1 - t0;
    b->t_graph += pg_now() - t1;
    pg_doc_free(doc);
    pg_article_free(a);
    return rc == PG_OK ? 0 : 1;
}

/* Warnings (an unreadable file, repaired UTF-8) are shown on the first pass only. */
static int pg_show_warning(const pg_error *w, void *user)
{
    (void)user;
    fprintf(stderr, "pg_bench: warning: %s\n", w->msg);
    return 0;
}

static int pg_ignore_warning(const pg_error *w, void *user)
{
    (void)w;
    (void)user;
    return 0;
}

static int pg_fail(const pg_error *err)
{
    fprintf(stderr, "pg_bench: %s\n", err->msg);
    return 2;
}

int main(int argc, char **argv)
{
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    const char **dicts = calloc((size_t)argc, sizeof *dicts);
    const char *svg = NULL, *until = "render";
    size_t n_in = 0, n_dicts = 0;
    pg_bench b;
    memset(&b, 0, sizeof b);
    pg_extract_options_init(&b.opt);
    pg_analyse_options ao;
    pg_analyse_options_init(&ao);
    if (!inputs || !dicts) {
        free(inputs);
        free(dicts);
        return 2;
    }
    static const char usage[] = "usage: pg_bench [--no-discover] [--exact] [--actors FILE]... "
                                "[--until STAGE] [--svg FILE] INPUT...\n";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            printf("%s", usage);
            free(inputs);
            free(dicts);
            return 0;
        }
        if (strcmp(argv[i], "--no-discover") == 0)
            b.opt.discover = 0;
        else if (strcmp(argv[i], "--exact") == 0)
            ao.exact = 1;
        else if (strcmp(argv[i], "--actors") == 0 && i + 1 < argc)
            dicts[n_dicts++] = argv[++i];
        else if (strcmp(argv[i], "--until") == 0 && i + 1 < argc)
            until = argv[++i];
        else if (strcmp(argv[i], "--svg") == 0 && i + 1 < argc)
            svg = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "pg_bench: unknown option '%s'\n%s", argv[i], usage);
            free(inputs);
            free(dicts);
            return 2;
        } else
            inputs[n_in++] = argv[i];
    }
    static const char *const stages[] = {"read", "extract", "graph", "analyse", "json", "render"};
    int known = 0;
    for (size_t k = 0; k < sizeof stages / sizeof *stages; k++)
        known |= strcmp(until, stages[k]) == 0;
    if (!known) {
        fprintf(stderr,
                "pg_bench: --until: no stage '%s' (read extract graph analyse json render)\n",
                until);
        n_in = 0;
    }
    if (n_in == 0) {
        fprintf(stderr, "%s", usage);
        free(inputs);
        free(dicts);
        return 2;
    }

    pg_dict *dict = NULL;
    int rc = pg_dict_new_builtin(&dict, &b.err);
    for (size_t i = 0; i < n_dicts && rc == PG_OK; i++)
        rc = pg_dict_load_file(dict, dicts[i], &b.err);
    if (rc == PG_OK)
        rc = pg_dict_prepare(dict, &b.err);
    if (rc == PG_OK)
        rc = pg_graph_new(&b.graph, &b.err);
    if (rc == PG_OK)
        rc = pg_extractor_new(&b.ex, &b.err);
    free(dicts);
    if (rc != PG_OK) {
        free(inputs);
        pg_graph_free(b.graph);
        pg_dict_free(dict);
        return pg_fail(&b.err);
    }
    b.dict = dict;

    printf("stage\tseconds\tMB/s\tarticles/s\tpeak_rss_MB\tcpu_seconds\n");
    double t0 = pg_now(), c0 = pg_cpu();
    rc = pg_read_inputs(inputs, n_in, pg_count_only, pg_show_warning, &b, &b.err);
    double t_read = pg_now() - t0;
    if (rc == PG_OK && b.articles == 0)
        rc = pg_error_set(&b.err, PG_EINPUT, "no article could be read");
    if (rc == PG_OK)
        pg_report("read", t_read, pg_cpu() - c0, &b);
    int more = strcmp(until, "read") != 0;

    size_t articles = b.articles, bytes = b.bytes;
    t0 = pg_now();
    c0 = pg_cpu();
    if (rc == PG_OK && more)
        rc = pg_read_inputs(inputs, n_in, pg_extract_one, pg_ignore_warning, &b, &b.err);
    double t_pass = pg_now() - t0, c_pass = pg_cpu() - c0;
    b.articles = articles;
    b.bytes = bytes;
    if (rc == PG_OK && more) {
        /* the pass's CPU time, shared out as its wall time is (see pg_extract_one) */
        double share = t_pass > 0 ? c_pass / t_pass : 0.0;
        pg_report("extract", b.t_extract, b.t_extract * share, &b);
        pg_report("graph", b.t_graph, b.t_graph * share, &b);
        pg_report("read+extract+graph", t_pass, c_pass, &b);
        more = strcmp(until, "extract") != 0 && strcmp(until, "graph") != 0;
    }
    if (rc == PG_OK && more) {
        t0 = pg_now();
        c0 = pg_cpu();
        rc = pg_analyse_with(b.graph, &ao, &b.err);
    }
    if (rc == PG_OK && more) {
        pg_report("analyse", pg_now() - t0, pg_cpu() - c0, &b);
        fprintf(stderr, "pg_bench: %zu nodes, %zu links%s%s\n", b.graph->n_nodes,
                b.graph->n_links, b.graph->approximation ? "; " : "",
                b.graph->approximation ? b.graph->approximation : "");
    }
    char *buf = NULL;
    size_t len = 0;
    more = more && strcmp(until, "analyse") != 0;
    if (rc == PG_OK && more) {
        t0 = pg_now();
        c0 = pg_cpu();
        /* streamed as 'build -o graph.json' writes it, to /dev/null */
        FILE *sink = fopen("/dev/null", "wb");
        if (!sink)
            rc = pg_error_set(&b.err, PG_EIO, "/dev/null: cannot open");
        else
            rc = pg_json_write_file(b.graph, sink, &b.err);
        if (sink && fclose(sink) != 0 && rc == PG_OK)
            rc = pg_error_set(&b.err, PG_EIO, "/dev/null: write error");
        if (rc == PG_OK)
            pg_report("json", pg_now() - t0, pg_cpu() - c0, &b);
    }
    pg_graph *cut = NULL;
    if (rc == PG_OK && more && strcmp(until, "json") != 0) {
        /* what 'build -o graph.svg' draws: the top actors */
        t0 = pg_now();
        c0 = pg_cpu();
        pg_select s;
        pg_select_init(&s);
        s.top = pg_select_default_top(b.graph->n_nodes);
        rc = pg_select_apply(b.graph, &s, ao.seed, &cut, &b.err);
        pg_render_options ro;
        pg_render_options_init(&ro);
        ro.seed = ao.seed;
        if (rc == PG_OK)
            rc = pg_render(cut, PG_FMT_SVG, &ro, &buf, &len, &b.err);
        if (rc == PG_OK) {
            pg_report("render", pg_now() - t0, pg_cpu() - c0, &b);
            if (svg) {
                FILE *f = fopen(svg, "wb");
                if (f) {
                    fwrite(buf, 1, len, f);
                    fclose(f);
                }
            }
        }
        free(buf);
    }
    pg_graph_free(cut);
    pg_render_shutdown();
    pg_graph_free(b.graph);
    pg_extractor_free(b.ex);
    pg_dict_free(dict);
    free(inputs);
    return rc == PG_OK ? 0 : pg_fail(&b.err);
}
