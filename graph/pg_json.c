#include "pg_json.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_jread.h"
#include "pg_swar.h"
#include "pg_text.h"

/* Field paths in messages: "links[12]" (WHERE), "links[12].interactions[3].mode" (PATH). */
#define PG_WHERE_MAX 32
#define PG_PATH_MAX 128

/*
 * Bounds on weights from files. Path lengths are 1/weight, and beyond
 * these the analysis breaks down: lengths igraph takes for 0 give infinite
 * harmonic centralities, subnormal weights stop the eigenvector solver.
 * Weights from counts stay far inside (a co-mention weighs 1).
 */
#define PG_WEIGHT_MIN 1e-15
#define PG_WEIGHT_MAX 1e15
#define PG_UNIT_WEIGHT_MAX 1e10

/* 0, or a number within [PG_WEIGHT_MIN, max] */
static int weight_ok(double w, double max)
{
    return w == 0.0 || (w >= PG_WEIGHT_MIN && w <= max);
}

static const char *const figure_names[] = {"degree",   "strength",    "betweenness",
                                           "closeness", "harmonic",   "eigenvector",
                                           "pagerank", "community"};
#define PG_N_FIGURES (sizeof figure_names / sizeof figure_names[0])

static void path_join(char *buf, size_t size, const char *where, const char *key)
{
    if (!key)
        snprintf(buf, size, "%s", where);
    else if (!where || !*where)
        snprintf(buf, size, "%s", key);
    else
        snprintf(buf, size, "%s.%s", where, key);
}

/*
 * UTF-8 as jansson accepts it (no overlong forms, no surrogates, nothing
 * above U+10FFFF), so that every string we write can be read back.
 */
static int utf8_valid(const char *s, size_t len)
{
    return pg_utf8_repair(s, len, NULL, NULL, NULL) == 0;
}

/* ------------------------------------------------------------------ */
/* Writing */

/*
 * The document is written as it goes, without a tree of the whole graph
 * and a copy of the whole text in memory, byte for byte as jansson lays
 * it out with PG_JSON_FLAGS: two-space indent, keys in byte order, empty
 * arrays as [], strings escaped as json_dumps does without
 * JSON_ENSURE_ASCII, reals as "%.10g" with ".0" after a whole number and
 * no '+' or leading zeros in the exponent. Readers and 'diff' rely on
 * those bytes, so the layout must not drift.
 *
 * Every value is checked before anything is written, in the order the
 * format lists the fields (graph, nodes, links), so that the first bad
 * value is the one reported and a bad graph writes nothing.
 */

/*
 * NaN (igraph's closeness of an isolated node) and -0.0 (its eigenvector
 * centrality) become 0: JSON has no NaN and -0.0 would print as such.
 */
static double canonical_real(double x)
{
    char buf[64];
    if (isnan(x))
        return 0.0;
    snprintf(buf, sizeof buf, "%.*g", PG_JSON_DIGITS, x);
    x = strtod(buf, NULL);
    return x == 0.0 ? 0.0 : x;
}

/*
 * The check_ functions name the bad field in err; with err NULL they only
 * say whether there is one, without formatting its path (see check_graph).
 */
static int check_str(pg_error *err, const char *where, const char *key, const char *s)
{
    if (!s || utf8_valid(s, strlen(s)))
        return PG_OK;
    if (!err)
        return PG_EINPUT;
    char path[PG_PATH_MAX];
    path_join(path, sizeof path, where, key);
    return pg_error_set(err, PG_EINPUT, "%s: not valid UTF-8", path);
}

static int check_size(pg_error *err, const char *where, const char *key, size_t v)
{
    if (v <= (size_t)LLONG_MAX)
        return PG_OK;
    if (!err)
        return PG_EINPUT;
    char path[PG_PATH_MAX];
    path_join(path, sizeof path, where, key);
    return pg_error_set(err, PG_EINPUT, "%s: %zu is too large for JSON", path, v);
}

/* Finite, and still so once rounded: 1.7976931349e308 is beyond DBL_MAX. */
static int check_real(pg_error *err, const char *where, const char *key, double v)
{
    if (!isinf(v) && !(fabs(v) > 1e308 && isinf(canonical_real(v))))
        return PG_OK;
    if (!err)
        return PG_EINPUT;
    char path[PG_PATH_MAX];
    path_join(path, sizeof path, where, key);
    return pg_error_set(err, PG_EINPUT, "%s: not a finite number", path);
}

static int check_evidence(pg_error *err, const char *where, const pg_evidence *e)
{
    int rc;
    if ((rc = check_str(err, where, "doc", e->doc)) != PG_OK ||
        (rc = check_size(err, where, "sentence", e->sentence)) != PG_OK ||
        (rc = check_size(err, where, "start", e->start)) != PG_OK ||
        (rc = check_size(err, where, "end", e->end)) != PG_OK ||
        (rc = check_str(err, where, "text", e->text)) != PG_OK)
        return rc;
    return PG_OK;
}

static int check_graph_info(pg_error *err, const pg_graph *g)
{
    int rc;
    if ((rc = check_real(err, "graph.weights", "co_mention", g->w_co_mention)) != PG_OK ||
        (rc = check_real(err, "graph.weights", "speaks_with", g->w_speaks_with)) != PG_OK ||
        (rc = check_str(err, "graph", "approximation", g->approximation)) != PG_OK)
        return rc;
    return PG_OK;
}

static int check_node(pg_error *err, const pg_graph *g, size_t i)
{
    const pg_node *n = &g->nodes[i];
    char where[PG_WHERE_MAX] = "";
    int rc;
    if (err)
        snprintf(where, sizeof where, "nodes[%zu]", i);
    if ((rc = check_str(err, where, "id", n->id)) != PG_OK ||
        (rc = check_str(err, where, "label", n->label ? n->label : n->id)) != PG_OK ||
        (rc = check_str(err, where, "kind", pg_kind_name(n->kind))) != PG_OK ||
        (rc = check_str(err, where, "country", n->country)) != PG_OK ||
        (rc = check_str(err, where, "affiliation", n->affiliation)) != PG_OK)
        return rc;
    if (!g->analysed)
        return PG_OK;
    const pg_figures *f = &n->fig;
    if ((rc = check_real(err, where, "strength", f->strength)) != PG_OK ||
        (rc = check_real(err, where, "betweenness", f->betweenness)) != PG_OK ||
        (rc = check_real(err, where, "closeness", f->closeness)) != PG_OK ||
        (rc = check_real(err, where, "harmonic", f->harmonic)) != PG_OK ||
        (rc = check_real(err, where, "eigenvector", f->eigenvector)) != PG_OK ||
        (rc = check_real(err, where, "pagerank", f->pagerank)) != PG_OK)
        return rc;
    return PG_OK;
}

static int check_interaction(pg_error *err, const char *where, const pg_interaction *it)
{
    int rc;
    if ((rc = check_str(err, where, "mode", pg_mode_name(it->mode))) != PG_OK ||
        (rc = check_str(err, where, "status", pg_status_name(it->status))) != PG_OK ||
        (rc = check_str(err, where, "initiator", it->initiator)) != PG_OK)
        return rc;
    return check_evidence(err, where, &it->ev);
}

static int check_link(pg_error *err, const pg_graph *g, size_t i)
{
    const pg_link *l = &g->links[i];
    char where[PG_WHERE_MAX] = "", sub[PG_PATH_MAX] = "";
    int rc;
    if (err)
        snprintf(where, sizeof where, "links[%zu]", i);
    if ((rc = check_str(err, where, "source", g->nodes[l->source].id)) != PG_OK ||
        (rc = check_str(err, where, "target", g->nodes[l->target].id)) != PG_OK ||
        (rc = check_real(err, where, "weight", l->weight)) != PG_OK)
        return rc;
    for (size_t k = 0; k < l->n_interactions; k++) {
        if (err)
            snprintf(sub, sizeof sub, "%s.interactions[%zu]", where, k);
        if ((rc = check_interaction(err, sub, &l->interactions[k])) != PG_OK)
            return rc;
    }
    for (size_t k = 0; k < l->n_evidence; k++) {
        if (err)
            snprintf(sub, sizeof sub, "%s.evidence[%zu]", where, k);
        if ((rc = check_evidence(err, sub, &l->evidence[k])) != PG_OK)
            return rc;
    }
    return PG_OK;
}

/*
 * A link's texts are blocks of their own, scattered over the heap, and a
 * big graph's are far more than the caches hold: both passes over them
 * (checks, then output) asked memory for each in turn. So the links
 * PG_AHEAD on have their arrays and then their texts' first lines asked
 * for early.
 */
#define PG_AHEAD 4

static void prefetch_text(const char *s)
{
    if (s) {
        __builtin_prefetch(s);
        /* the next line as an address only: a short text ends before it */
        __builtin_prefetch((const void *)((uintptr_t)s + 64));
    }
}

static void prefetch_link(const pg_graph *g, size_t i)
{
    if (i + 2 * PG_AHEAD < g->n_links) {
        __builtin_prefetch(g->links[i + 2 * PG_AHEAD].evidence);
        __builtin_prefetch(g->links[i + 2 * PG_AHEAD].interactions);
    }
    if (i + PG_AHEAD >= g->n_links)
        return;
    const pg_link *l = &g->links[i + PG_AHEAD];
    for (size_t k = 0; k < l->n_evidence; k++) {
        __builtin_prefetch(l->evidence[k].doc);
        prefetch_text(l->evidence[k].text);
    }
    for (size_t k = 0; k < l->n_interactions; k++) {
        __builtin_prefetch(l->interactions[k].ev.doc);
        prefetch_text(l->interactions[k].ev.text);
    }
}

/* Each node and link is checked quietly first: paths are formatted only for a bad one. */
static int check_graph(pg_error *err, const pg_graph *g)
{
    int rc = check_graph_info(err, g);
    for (size_t i = 0; i < g->n_nodes && rc == PG_OK; i++)
        if (check_node(NULL, g, i) != PG_OK)
            rc = check_node(err, g, i);
    for (size_t i = 0; i < g->n_links && rc == PG_OK; i++) {
        prefetch_link(g, i);
        if (check_link(NULL, g, i) != PG_OK)
            rc = check_link(err, g, i);
    }
    return rc;
}

/*
 * Output goes through a buffer to 'flush', which returns 0 or -1. After
 * a failed flush the rest is dropped and 'failed' stays set.
 */
#define PG_SINK_SIZE 65536

typedef struct sink {
    char buf[PG_SINK_SIZE];
    size_t used;
    int (*flush)(const char *data, size_t len, void *arg);
    void *arg;
    int failed;
} sink;

static void sink_flush(sink *s)
{
    if (s->used > 0 && !s->failed && s->flush(s->buf, s->used, s->arg) != 0)
        s->failed = 1;
    s->used = 0;
}

static void sink_write(sink *s, const char *p, size_t n)
{
    while (n > PG_SINK_SIZE - s->used) {
        size_t room = PG_SINK_SIZE - s->used;
        memcpy(s->buf + s->used, p, room);
        s->used = PG_SINK_SIZE;
        p += room;
        n -= room;
        sink_flush(s);
    }
    memcpy(s->buf + s->used, p, n);
    s->used += n;
}

static void sink_putc(sink *s, char c)
{
    if (s->used == PG_SINK_SIZE)
        sink_flush(s);
    s->buf[s->used++] = c;
}

static void sink_puts(sink *s, const char *str)
{
    sink_write(s, str, strlen(str));
}

/* A line break and two spaces a level, as JSON_INDENT(2) puts them. */
static void emit_indent(sink *s, int depth)
{
    static const char spaces[] = "                                ";
    size_t n = 2 * (size_t)depth;
    sink_putc(s, '\n');
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        sink_write(s, spaces, k);
        n -= k;
    }
}

/*
 * Escapes '"', '\\' and control characters, the latter as \b \f \n \r \t
 * or \u00XX in upper case; everything else, DEL, '/' and U+2028 included,
 * goes out as it is (the text is valid UTF-8: check_str saw it).
 */
static void emit_str(sink *s, const char *str)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)(str ? str : ""), *run = p;
    const unsigned char *end = p + strlen((const char *)p);
    sink_putc(s, '"');
    for (; p < end; p++) {
        /* evidence sentences: eight bytes to pass at a time, mostly */
        while (end - p >= 8) {
            uint64_t w = pg_swar_load(p);
            if (pg_swar_below(w, 0x20) | pg_swar_eq(w, '"') | pg_swar_eq(w, '\\'))
                break;
            p += 8;
        }
        if (p == end)
            break;
        unsigned c = *p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        sink_write(s, (const char *)run, (size_t)(p - run));
        run = p + 1;
        char esc[6] = {'\\', 0, '0', '0', hex[c >> 4], hex[c & 0xF]};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default: esc[1] = 'u'; break;
        }
        sink_write(s, esc, esc[1] == 'u' ? 6 : 2);
    }
    sink_write(s, (const char *)run, (size_t)(p - run));
    sink_putc(s, '"');
}

static void emit_int(sink *s, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (v < 0)
        *--p = '-';
    sink_write(s, p, (size_t)(buf + sizeof buf - p));
}

/*
 * jansson's jsonp_dtostr: "%.10g", ".0" when that has neither '.' nor
 * 'e' (so that it reads back as a real), and the exponent without '+'
 * and without leading zeros ("1e-07" -> "1e-7", "2.5e+20" -> "2.5e20").
 */
static void emit_real(sink *s, double v)
{
    /*
     * A whole number of up to ten digits (a weight, a count, a zero) is
     * what "%.10g" prints, digit for digit: no printf for it. -0.0 and
     * NaN go out as 0.0, as canonical_real makes them.
     */
    if (isnan(v) || (v > -1e10 && v < 1e10 && v == (double)(long long)v)) {
        emit_int(s, isnan(v) ? 0 : (long long)v);
        sink_write(s, ".0", 2);
        return;
    }
    /*
     * One printf: the digits of canonical_real(v) are those of v, as a
     * ten-digit decimal reads back as the double that prints as it.
     */
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.*g", PG_JSON_DIGITS, v);
    if (n < 0 || (size_t)n >= sizeof buf - 2) {
        s->failed = 1; /* cannot happen for a finite double */
        return;
    }
    size_t len = (size_t)n;
    char *e = strchr(buf, 'e');
    if (!e) {
        if (!strchr(buf, '.')) {
            memcpy(buf + len, ".0", 3);
            len += 2;
        }
        sink_write(s, buf, len);
        return;
    }
    sink_write(s, buf, (size_t)(e - buf) + 1);
    const char *digits = e + 1;
    if (*digits == '-')
        sink_putc(s, '-');
    if (*digits == '-' || *digits == '+')
        digits++;
    while (*digits == '0' && digits[1] != '\0')
        digits++;
    sink_puts(s, digits);
}

/* The start of an object member: comma, line break, indent, key. */
static void emit_key(sink *s, int depth, int *first, const char *key)
{
    if (!*first)
        sink_putc(s, ',');
    *first = 0;
    emit_indent(s, depth);
    sink_putc(s, '"');
    /* a few letters, a byte at a time: cheaper than measuring them first */
    for (; *key; key++)
        sink_putc(s, *key);
    sink_write(s, "\": ", 3);
}

static void member_str(sink *s, int depth, int *first, const char *key, const char *v)
{
    emit_key(s, depth, first, key);
    emit_str(s, v);
}

static void member_int(sink *s, int depth, int *first, const char *key, long long v)
{
    emit_key(s, depth, first, key);
    emit_int(s, v);
}

static void member_real(sink *s, int depth, int *first, const char *key, double v)
{
    emit_key(s, depth, first, key);
    emit_real(s, v);
}

static void member_bool(sink *s, int depth, int *first, const char *key, int v)
{
    emit_key(s, depth, first, key);
    sink_puts(s, v ? "true" : "false");
}

/* Closes an object at 'depth' that has members. */
static void emit_close(sink *s, int depth, char bracket)
{
    emit_indent(s, depth);
    sink_putc(s, bracket);
}

/* Before item k of an array at 'depth'. */
static void emit_item(sink *s, int depth, size_t k)
{
    if (k > 0)
        sink_putc(s, ',');
    emit_indent(s, depth + 1);
}

/* Ends an array of n items: "[]" when empty, as jansson writes it. */
static void emit_array_end(sink *s, int depth, size_t n)
{
    if (n > 0)
        emit_indent(s, depth);
    sink_putc(s, ']');
}

/*
 * The members of each object below are written in byte order of their
 * keys, as JSON_SORT_KEYS sorts them.
 */
static void emit_evidence_object(sink *s, int depth, const pg_evidence *e)
{
    int first = 1, d = depth + 1;
    sink_putc(s, '{');
    member_str(s, d, &first, "doc", e->doc);
    member_int(s, d, &first, "end", (long long)e->end);
    member_int(s, d, &first, "sentence", (long long)e->sentence);
    member_int(s, d, &first, "start", (long long)e->start);
    member_str(s, d, &first, "text", e->text);
    emit_close(s, depth, '}');
}

static void emit_interaction(sink *s, int depth, const pg_interaction *it)
{
    int first = 1, d = depth + 1;
    sink_putc(s, '{');
    if (it->date != PG_DAY_NONE) {
        char day[11];
        pg_day_format(it->date, day);
        member_str(s, d, &first, "date", day);
    }
    member_str(s, d, &first, "doc", it->ev.doc);
    member_int(s, d, &first, "end", (long long)it->ev.end);
    if (it->initiator)
        member_str(s, d, &first, "initiator", it->initiator);
    member_str(s, d, &first, "mode", pg_mode_name(it->mode));
    member_int(s, d, &first, "sentence", (long long)it->ev.sentence);
    member_int(s, d, &first, "start", (long long)it->ev.start);
    member_str(s, d, &first, "status", pg_status_name(it->status));
    member_str(s, d, &first, "text", it->ev.text);
    member_str(s, d, &first, "type", "speaks_with");
    emit_close(s, depth, '}');
}

static void emit_link(sink *s, int depth, const pg_graph *g, const pg_link *l)
{
    int first = 1, d = depth + 1;
    sink_putc(s, '{');
    member_int(s, d, &first, "co_mentions", l->co_mentions);
    emit_key(s, d, &first, "evidence");
    sink_putc(s, '[');
    for (size_t k = 0; k < l->n_evidence; k++) {
        emit_item(s, d, k);
        emit_evidence_object(s, d + 1, &l->evidence[k]);
    }
    emit_array_end(s, d, l->n_evidence);
    emit_key(s, d, &first, "interactions");
    sink_putc(s, '[');
    for (size_t k = 0; k < l->n_interactions; k++) {
        emit_item(s, d, k);
        emit_interaction(s, d + 1, &l->interactions[k]);
    }
    emit_array_end(s, d, l->n_interactions);
    member_str(s, d, &first, "source", g->nodes[l->source].id);
    member_int(s, d, &first, "speaks_with", l->speaks_with);
    member_str(s, d, &first, "target", g->nodes[l->target].id);
    member_real(s, d, &first, "weight", l->weight);
    emit_close(s, depth, '}');
}

static void emit_node(sink *s, int depth, const pg_graph *g, const pg_node *n)
{
    const pg_figures *f = &n->fig;
    int first = 1, d = depth + 1, fig = g->analysed;
    sink_putc(s, '{');
    if (n->affiliation)
        member_str(s, d, &first, "affiliation", n->affiliation);
    if (fig) {
        member_real(s, d, &first, "betweenness", f->betweenness);
        member_real(s, d, &first, "closeness", f->closeness);
        member_int(s, d, &first, "community", f->community);
    }
    if (n->country[0])
        member_str(s, d, &first, "country", n->country);
    if (fig)
        member_int(s, d, &first, "degree", f->degree);
    member_int(s, d, &first, "documents", n->documents);
    if (fig) {
        member_real(s, d, &first, "eigenvector", f->eigenvector);
        member_real(s, d, &first, "harmonic", f->harmonic);
    }
    member_str(s, d, &first, "id", n->id);
    member_bool(s, d, &first, "in_dictionary", n->in_dictionary);
    member_str(s, d, &first, "kind", pg_kind_name(n->kind));
    member_str(s, d, &first, "label", n->label ? n->label : n->id);
    member_int(s, d, &first, "mentions", n->mentions);
    if (fig) {
        member_real(s, d, &first, "pagerank", f->pagerank);
        member_real(s, d, &first, "strength", f->strength);
    }
    emit_close(s, depth, '}');
}

static void emit_graph_info(sink *s, int depth, const pg_graph *g)
{
    int first = 1, d = depth + 1, wfirst = 1;
    sink_putc(s, '{');
    if (g->approximation)
        member_str(s, d, &first, "approximation", g->approximation);
    member_int(s, d, &first, "documents", g->documents);
    member_str(s, d, &first, "generator", "polgraph " PG_VERSION);
    emit_key(s, d, &first, "weights");
    sink_putc(s, '{');
    member_real(s, d + 1, &wfirst, "co_mention", g->w_co_mention);
    member_real(s, d + 1, &wfirst, "speaks_with", g->w_speaks_with);
    emit_close(s, d, '}');
    emit_close(s, depth, '}');
}

static void emit_graph(sink *s, const pg_graph *g)
{
    int first = 1;
    sink_putc(s, '{');
    member_bool(s, 1, &first, "directed", 0);
    emit_key(s, 1, &first, "graph");
    emit_graph_info(s, 1, g);
    emit_key(s, 1, &first, "links");
    sink_putc(s, '[');
    for (size_t i = 0; i < g->n_links; i++) {
        prefetch_link(g, i);
        emit_item(s, 1, i);
        emit_link(s, 2, g, &g->links[i]);
    }
    emit_array_end(s, 1, g->n_links);
    member_bool(s, 1, &first, "multigraph", 0);
    emit_key(s, 1, &first, "nodes");
    sink_putc(s, '[');
    for (size_t i = 0; i < g->n_nodes; i++) {
        emit_item(s, 1, i);
        emit_node(s, 2, g, &g->nodes[i]);
    }
    emit_array_end(s, 1, g->n_nodes);
    emit_close(s, 0, '}');
    sink_putc(s, '\n');
    sink_flush(s);
}

/* Sorts, checks and writes g to the sink; the caller reports a failed flush. */
static int write_graph(pg_graph *g, sink *s, pg_error *err)
{
    int rc = pg_graph_sort(g, err);
    if (rc == PG_OK)
        rc = check_graph(err, g);
    if (rc == PG_OK)
        emit_graph(s, g);
    return rc;
}

typedef struct out_buf {
    char *data;
    size_t len, cap;
} out_buf;

static int out_append(const char *data, size_t size, void *arg)
{
    out_buf *b = arg;
    if (size >= b->cap - b->len) {
        size_t cap = b->cap ? b->cap : PG_SINK_SIZE;
        while (size >= cap - b->len) {
            if (cap > SIZE_MAX / 2)
                return -1;
            cap *= 2;
        }
        char *d = realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, data, size);
    b->len += size;
    b->data[b->len] = '\0';
    return 0;
}

int pg_json_write(pg_graph *g, char **out, size_t *len, pg_error *err)
{
    *out = NULL;
    if (len)
        *len = 0;
    out_buf b = {NULL, 0, 0};
    sink *s = malloc(sizeof *s);
    if (!s)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    s->used = 0;
    s->flush = out_append;
    s->arg = &b;
    s->failed = 0;
    int rc = write_graph(g, s, err);
    if (rc == PG_OK && s->failed)
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    free(s);
    if (rc != PG_OK) {
        free(b.data);
        return rc;
    }
    *out = b.data;
    if (len)
        *len = b.len;
    return PG_OK;
}

typedef struct file_out {
    FILE *f;
    int error; /* errno of the first failed write */
} file_out;

static int file_append(const char *data, size_t size, void *arg)
{
    file_out *o = arg;
    errno = 0;
    if (fwrite(data, 1, size, o->f) == size)
        return 0;
    o->error = errno ? errno : EIO;
    return -1;
}

int pg_json_write_file(pg_graph *g, FILE *f, pg_error *err)
{
    file_out o = {f, 0};
    sink *s = malloc(sizeof *s);
    if (!s)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    s->used = 0;
    s->flush = file_append;
    s->arg = &o;
    s->failed = 0;
    int rc = write_graph(g, s, err);
    int failed = s->failed;
    free(s);
    if (rc != PG_OK)
        return rc;
    errno = 0;
    if (!failed && fflush(f) != 0)
        o.error = errno ? errno : EIO;
    else if (!failed && ferror(f))
        o.error = EIO;
    if (failed || o.error)
        return pg_error_set(err, PG_EIO, "write error: %s", strerror(o.error ? o.error : EIO));
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Reading */

typedef struct reader {
    const char *source;
    pg_error *err;
    pg_graph *g;
} reader;

static int r_fail(reader *r, const char *where, const char *key, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int r_fail(reader *r, const char *where, const char *key, const char *fmt, ...)
{
    char path[PG_PATH_MAX], what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    path_join(path, sizeof path, where, key);
    if (*path)
        return pg_error_set(r->err, PG_EINPUT, "%s: %s: %s", r->source, path, what);
    return pg_error_set(r->err, PG_EINPUT, "%s: %s", r->source, what);
}

static int r_nomem(reader *r)
{
    return pg_error_set(r->err, PG_ENOMEM, "%s: out of memory", r->source);
}

/*
 * Each getter leaves *out alone when the member is absent and not
 * required, so the caller sets the default first.
 */
static int get_member(reader *r, const pg_jnode *obj, const char *where, const char *key,
                      int required, const pg_jnode **v)
{
    *v = pg_jnode_get(obj, key);
    if (!*v && required)
        return r_fail(r, where, key, "missing");
    return PG_OK;
}

static int get_count(reader *r, const pg_jnode *obj, const char *where, const char *key,
                     int required, int64_t *out)
{
    const pg_jnode *v;
    int rc = get_member(r, obj, where, key, required, &v);
    if (rc != PG_OK || !v)
        return rc;
    if (!pg_jnode_is(v, PG_JINTEGER) || pg_jnode_integer(v) < 0)
        return r_fail(r, where, key, "expected a non-negative integer");
    *out = pg_jnode_integer(v);
    return PG_OK;
}

static int get_long(reader *r, const pg_jnode *obj, const char *where, const char *key,
                    int required, long *out)
{
    int64_t v = *out;
    int rc = get_count(r, obj, where, key, required, &v);
    if (rc == PG_OK && (int64_t)(long)v != v)
        return r_fail(r, where, key, "%lld is too large", (long long)v);
    *out = (long)v;
    return rc;
}

static int get_size(reader *r, const pg_jnode *obj, const char *where, const char *key,
                    int required, size_t *out)
{
    int64_t v = (int64_t)*out;
    int rc = get_count(r, obj, where, key, required, &v);
    if (rc == PG_OK && (int64_t)(size_t)v != v)
        return r_fail(r, where, key, "%lld is too large", (long long)v);
    *out = (size_t)v;
    return rc;
}

/* A number's value, integer or real, as jansson's json_number_value; NAN for anything else. */
static double number_value(const pg_jnode *v)
{
    if (pg_jnode_is(v, PG_JINTEGER))
        return (double)pg_jnode_integer(v);
    return pg_jnode_is(v, PG_JREAL) ? pg_jnode_real(v) : NAN;
}

static int get_real(reader *r, const pg_jnode *obj, const char *where, const char *key,
                    int required, int non_negative, double *out)
{
    const pg_jnode *v;
    int rc = get_member(r, obj, where, key, required, &v);
    if (rc != PG_OK || !v)
        return rc;
    double x = number_value(v);
    if (!isfinite(x) || (non_negative && x < 0))
        return r_fail(r, where, key, "must be a finite number%s", non_negative ? " >= 0" : "");
    *out = canonical_real(x);
    return PG_OK;
}

static int get_str(reader *r, const pg_jnode *obj, const char *where, const char *key,
                   int required, const char **out)
{
    const pg_jnode *v;
    int rc = get_member(r, obj, where, key, required, &v);
    if (rc != PG_OK || !v)
        return rc;
    if (!pg_jnode_is(v, PG_JSTRING))
        return r_fail(r, where, key, "expected a string");
    *out = pg_jnode_string(v, NULL);
    return PG_OK;
}

static int get_bool(reader *r, const pg_jnode *obj, const char *where, const char *key, int *out)
{
    const pg_jnode *v = pg_jnode_get(obj, key);
    if (!v)
        return PG_OK;
    if (!pg_jnode_is(v, PG_JBOOL))
        return r_fail(r, where, key, "expected true or false");
    *out = pg_jnode_bool(v);
    return PG_OK;
}

static int get_node_ref(reader *r, const pg_jnode *obj, const char *where, const char *key,
                        int required, long *index)
{
    const char *id = NULL;
    int rc = get_str(r, obj, where, key, required, &id);
    if (rc != PG_OK || !id)
        return rc;
    *index = pg_graph_find_node(r->g, id);
    if (*index < 0)
        return r_fail(r, where, key, "unknown node '%.200s'", id);
    return PG_OK;
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int read_header(reader *r, const pg_jnode *root)
{
    const pg_jnode *v;
    static const char *const flags[] = {"directed", "multigraph"};
    for (size_t i = 0; i < 2; i++) {
        v = pg_jnode_get(root, flags[i]);
        if (v && !(pg_jnode_is(v, PG_JBOOL) && !pg_jnode_bool(v)))
            return r_fail(r, "", flags[i], "must be false (polgraph graphs are %s)",
                          i == 0 ? "undirected" : "simple");
    }
    const pg_jnode *info = pg_jnode_get(root, "graph");
    if (!info)
        return PG_OK;
    if (!pg_jnode_is(info, PG_JOBJECT))
        return r_fail(r, "", "graph", "expected an object");
    int64_t docs = 0;
    const char *approx = NULL, *generator = NULL;
    int rc;
    if ((rc = get_str(r, info, "graph", "generator", 0, &generator)) != PG_OK ||
        (rc = get_count(r, info, "graph", "documents", 0, &docs)) != PG_OK ||
        (rc = get_str(r, info, "graph", "approximation", 0, &approx)) != PG_OK)
        return rc;
    if ((int64_t)(long)docs != docs)
        return r_fail(r, "graph", "documents", "%lld is too large", (long long)docs);
    r->g->documents = (long)docs;
    if (approx && !(r->g->approximation = dup_str(approx)))
        return r_nomem(r);
    const pg_jnode *weights = pg_jnode_get(info, "weights");
    if (!weights)
        return PG_OK;
    if (!pg_jnode_is(weights, PG_JOBJECT))
        return r_fail(r, "graph", "weights", "expected an object");
    if ((rc = get_real(r, weights, "graph.weights", "co_mention", 0, 1, &r->g->w_co_mention)) !=
            PG_OK ||
        (rc = get_real(r, weights, "graph.weights", "speaks_with", 0, 1, &r->g->w_speaks_with)) !=
            PG_OK)
        return rc;
    if (!weight_ok(r->g->w_co_mention, PG_UNIT_WEIGHT_MAX))
        return r_fail(r, "graph.weights", "co_mention", "must be 0 or from %g to %g",
                      PG_WEIGHT_MIN, PG_UNIT_WEIGHT_MAX);
    if (!weight_ok(r->g->w_speaks_with, PG_UNIT_WEIGHT_MAX))
        return r_fail(r, "graph.weights", "speaks_with", "must be 0 or from %g to %g",
                      PG_WEIGHT_MIN, PG_UNIT_WEIGHT_MAX);
    return PG_OK;
}

/* Reads the figures present; returns via *all whether every one was. */
static int read_figures(reader *r, const pg_jnode *o, const char *where, pg_figures *f, int *all)
{
    int rc;
    size_t present = 0;
    for (size_t k = 0; k < PG_N_FIGURES; k++)
        present += pg_jnode_get(o, figure_names[k]) != NULL;
    *all = present == PG_N_FIGURES;
    if (present == 0)
        return PG_OK;
    if ((rc = get_long(r, o, where, "degree", 0, &f->degree)) != PG_OK ||
        (rc = get_real(r, o, where, "strength", 0, 0, &f->strength)) != PG_OK ||
        (rc = get_real(r, o, where, "betweenness", 0, 0, &f->betweenness)) != PG_OK ||
        (rc = get_real(r, o, where, "closeness", 0, 0, &f->closeness)) != PG_OK ||
        (rc = get_real(r, o, where, "harmonic", 0, 0, &f->harmonic)) != PG_OK ||
        (rc = get_real(r, o, where, "eigenvector", 0, 0, &f->eigenvector)) != PG_OK ||
        (rc = get_real(r, o, where, "pagerank", 0, 0, &f->pagerank)) != PG_OK ||
        (rc = get_long(r, o, where, "community", 0, &f->community)) != PG_OK)
        return rc;
    return PG_OK;
}

static int read_node(reader *r, const pg_jnode *o, size_t i, int *all_figures)
{
    char where[PG_WHERE_MAX];
    snprintf(where, sizeof where, "nodes[%zu]", i);
    if (!pg_jnode_is(o, PG_JOBJECT))
        return r_fail(r, where, NULL, "expected an object");
    const char *id = NULL, *label = NULL, *kind_name = NULL, *country = "";
    int in_dictionary = 0, rc;
    pg_kind kind = PG_KIND_PERSON;
    if ((rc = get_str(r, o, where, "id", 1, &id)) != PG_OK ||
        (rc = get_str(r, o, where, "label", 0, &label)) != PG_OK ||
        (rc = get_str(r, o, where, "kind", 0, &kind_name)) != PG_OK ||
        (rc = get_str(r, o, where, "country", 0, &country)) != PG_OK ||
        (rc = get_bool(r, o, where, "in_dictionary", &in_dictionary)) != PG_OK)
        return rc;
    if (!*id)
        return r_fail(r, where, "id", "must not be empty");
    if (pg_graph_find_node(r->g, id) >= 0)
        return r_fail(r, where, "id", "duplicate id '%.200s'", id);
    if (kind_name && pg_kind_parse(kind_name, &kind) != 0)
        return r_fail(r, where, "kind", "unknown kind '%.100s' (person, organization, country)",
                      kind_name);
    if (strlen(country) > 3)
        return r_fail(r, where, "country", "expected an ISO 3166 alpha-3 code, not '%.100s'",
                      country);
    size_t index;
    rc = pg_graph_add_node(r->g, id, label ? label : id, kind, country, in_dictionary, &index,
                           r->err);
    if (rc != PG_OK)
        return rc;
    const char *affiliation = NULL;
    if ((rc = get_str(r, o, where, "affiliation", 0, &affiliation)) != PG_OK)
        return rc;
    if (affiliation && *affiliation &&
        (rc = pg_graph_set_affiliation(r->g, index, affiliation, r->err)) != PG_OK)
        return rc;
    pg_node *n = &r->g->nodes[index];
    if ((rc = get_long(r, o, where, "mentions", 0, &n->mentions)) != PG_OK ||
        (rc = get_long(r, o, where, "documents", 0, &n->documents)) != PG_OK)
        return rc;
    int all;
    if ((rc = read_figures(r, o, where, &n->fig, &all)) != PG_OK)
        return rc;
    if (!all)
        *all_figures = 0;
    return PG_OK;
}

static int read_evidence(reader *r, const pg_jnode *o, const char *where, pg_evidence *e)
{
    const char *doc = NULL, *text = NULL;
    int rc;
    if (!pg_jnode_is(o, PG_JOBJECT))
        return r_fail(r, where, NULL, "expected an object");
    if ((rc = get_str(r, o, where, "doc", 1, &doc)) != PG_OK ||
        (rc = get_size(r, o, where, "sentence", 1, &e->sentence)) != PG_OK ||
        (rc = get_size(r, o, where, "start", 1, &e->start)) != PG_OK ||
        (rc = get_size(r, o, where, "end", 1, &e->end)) != PG_OK ||
        (rc = get_str(r, o, where, "text", 1, &text)) != PG_OK)
        return rc;
    if (e->end < e->start)
        return r_fail(r, where, "end", "%zu is before start %zu", e->end, e->start);
    e->doc = dup_str(doc);
    e->text = dup_str(text);
    if (!e->doc || !e->text)
        return r_nomem(r);
    return PG_OK;
}

static int read_interaction(reader *r, const pg_jnode *o, const char *where, pg_interaction *it)
{
    const char *type = "speaks_with", *mode = NULL, *status = NULL, *date = NULL;
    long initiator = -1;
    int rc;
    if (!pg_jnode_is(o, PG_JOBJECT))
        return r_fail(r, where, NULL, "expected an object");
    if ((rc = get_str(r, o, where, "type", 0, &type)) != PG_OK ||
        (rc = get_str(r, o, where, "mode", 1, &mode)) != PG_OK ||
        (rc = get_str(r, o, where, "status", 1, &status)) != PG_OK ||
        (rc = get_node_ref(r, o, where, "initiator", 0, &initiator)) != PG_OK)
        return rc;
    /* null is "no date" as well: other tools write missing values so */
    if (!pg_jnode_is(pg_jnode_get(o, "date"), PG_JNULL) &&
        (rc = get_str(r, o, where, "date", 0, &date)) != PG_OK)
        return rc;
    if (strcmp(type, "speaks_with") != 0)
        return r_fail(r, where, "type", "unknown type '%.100s' (speaks_with)", type);
    if (pg_mode_parse(mode, &it->mode) != 0)
        return r_fail(r, where, "mode", "unknown mode '%.100s' (phone, meeting, talks, unspecified)",
                      mode);
    if (pg_status_parse(status, &it->status) != 0)
        return r_fail(r, where, "status",
                      "unknown status '%.100s' (occurred, planned, negated, hypothetical)", status);
    it->date = PG_DAY_NONE;
    if (date) {
        it->date = strlen(date) == 10 ? pg_day_parse_iso(date, 10) : PG_DAY_NONE;
        if (it->date == PG_DAY_NONE)
            return r_fail(r, where, "date", "expected a date YYYY-MM-DD, not '%.100s'", date);
    }
    if (initiator >= 0 && !(it->initiator = dup_str(r->g->nodes[initiator].id)))
        return r_nomem(r);
    return read_evidence(r, o, where, &it->ev);
}

/*
 * The model keeps evidence ordered and bounded (pg_graph.c); a file that
 * was not written by us is brought to the same order, so that merging
 * and writing behave as for a graph built from the articles.
 */
static int is_sorted(const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    const char *p = base;
    for (size_t i = 1; i < n; i++) {
        if (cmp(p + (i - 1) * size, p + i * size) > 0)
            return 0;
    }
    return 1;
}

static int read_link_lists(reader *r, const pg_jnode *o, const char *where, pg_link *l)
{
    char sub[PG_PATH_MAX];
    const pg_jnode *arr;
    int rc;
    if ((arr = pg_jnode_get(o, "interactions")) != NULL) {
        if (!pg_jnode_is(arr, PG_JARRAY))
            return r_fail(r, where, "interactions", "expected an array");
        size_t n = pg_jnode_size(arr);
        if (n > 0 && !(l->interactions = calloc(n, sizeof *l->interactions)))
            return r_nomem(r);
        for (size_t k = 0; k < n; k++) {
            snprintf(sub, sizeof sub, "%s.interactions[%zu]", where, k);
            l->n_interactions = k + 1; /* so that the link frees what was read */
            rc = read_interaction(r, pg_jnode_at(arr, k), sub, &l->interactions[k]);
            if (rc != PG_OK)
                return rc;
        }
        if (!is_sorted(l->interactions, n, sizeof *l->interactions, pg_interaction_cmp))
            qsort(l->interactions, n, sizeof *l->interactions, pg_interaction_cmp);
        for (; l->n_interactions > PG_INTERACTIONS_MAX; l->n_interactions--) {
            pg_interaction *it = &l->interactions[l->n_interactions - 1];
            free(it->initiator);
            pg_evidence_release(&it->ev);
        }
    }
    if ((arr = pg_jnode_get(o, "evidence")) != NULL) {
        if (!pg_jnode_is(arr, PG_JARRAY))
            return r_fail(r, where, "evidence", "expected an array");
        size_t n = pg_jnode_size(arr);
        if (n > 0 && !(l->evidence = calloc(n, sizeof *l->evidence)))
            return r_nomem(r);
        for (size_t k = 0; k < n; k++) {
            snprintf(sub, sizeof sub, "%s.evidence[%zu]", where, k);
            l->n_evidence = k + 1;
            rc = read_evidence(r, pg_jnode_at(arr, k), sub, &l->evidence[k]);
            if (rc != PG_OK)
                return rc;
        }
        if (!is_sorted(l->evidence, n, sizeof *l->evidence, pg_evidence_cmp))
            qsort(l->evidence, n, sizeof *l->evidence, pg_evidence_cmp);
        for (; l->n_evidence > PG_EVIDENCE_MAX; l->n_evidence--)
            pg_evidence_release(&l->evidence[l->n_evidence - 1]);
    }
    return PG_OK;
}

static int read_link(reader *r, const pg_jnode *o, size_t i)
{
    char where[PG_WHERE_MAX];
    long source = -1, target = -1;
    int rc;
    snprintf(where, sizeof where, "links[%zu]", i);
    if (!pg_jnode_is(o, PG_JOBJECT))
        return r_fail(r, where, NULL, "expected an object");
    if ((rc = get_node_ref(r, o, where, "source", 1, &source)) != PG_OK ||
        (rc = get_node_ref(r, o, where, "target", 1, &target)) != PG_OK)
        return rc;
    if (source == target)
        return r_fail(r, where, "target", "same node as source '%.200s'",
                      r->g->nodes[source].id);
    size_t before = r->g->n_links, index;
    rc = pg_graph_link(r->g, (size_t)source, (size_t)target, &index, r->err);
    if (rc != PG_OK)
        return rc;
    if (r->g->n_links == before)
        return r_fail(r, where, NULL, "duplicate link between '%.200s' and '%.200s'",
                      r->g->nodes[source].id, r->g->nodes[target].id);
    pg_link *l = &r->g->links[index];
    if ((rc = get_long(r, o, where, "co_mentions", 0, &l->co_mentions)) != PG_OK ||
        (rc = get_long(r, o, where, "speaks_with", 0, &l->speaks_with)) != PG_OK)
        return rc;
    /* A link without a weight gets the one its counts give. */
    l->weight = r->g->w_co_mention * (double)l->co_mentions +
                r->g->w_speaks_with * (double)l->speaks_with;
    int given = pg_jnode_get(o, "weight") != NULL;
    if ((rc = get_real(r, o, where, "weight", 0, 1, &l->weight)) != PG_OK)
        return rc;
    if (!weight_ok(l->weight, PG_WEIGHT_MAX))
        return r_fail(r, where, "weight", "%s%g: must be 0 or from %g to %g",
                      given ? "" : "from the counts, ", l->weight, PG_WEIGHT_MIN, PG_WEIGHT_MAX);
    return read_link_lists(r, o, where, l);
}

static int read_root(reader *r, const pg_jnode *root)
{
    int rc;
    if (!pg_jnode_is(root, PG_JOBJECT))
        return r_fail(r, "", NULL, "expected a JSON object at the top level");
    if ((rc = read_header(r, root)) != PG_OK)
        return rc;
    const pg_jnode *nodes = pg_jnode_get(root, "nodes");
    const pg_jnode *links = pg_jnode_get(root, "links");
    if (!nodes)
        return r_fail(r, "", "nodes", "missing");
    if (!pg_jnode_is(nodes, PG_JARRAY))
        return r_fail(r, "", "nodes", "expected an array");
    if (links && !pg_jnode_is(links, PG_JARRAY))
        return r_fail(r, "", "links", "expected an array");
    int all_figures = 1;
    size_t n = pg_jnode_size(nodes);
    for (size_t i = 0; i < n; i++) {
        if ((rc = read_node(r, pg_jnode_at(nodes, i), i, &all_figures)) != PG_OK)
            return rc;
    }
    n = links ? pg_jnode_size(links) : 0;
    for (size_t i = 0; i < n; i++) {
        if ((rc = read_link(r, pg_jnode_at(links, i), i)) != PG_OK)
            return rc;
    }
    r->g->analysed = r->g->n_nodes > 0 && all_figures;
    if (!r->g->analysed) {
        for (size_t i = 0; i < r->g->n_nodes; i++)
            memset(&r->g->nodes[i].fig, 0, sizeof r->g->nodes[i].fig);
    }
    return pg_graph_sort(r->g, r->err);
}

/* Reads the graph of a document, which stays the caller's. */
static int read_tree(const pg_jdoc *doc, const char *source, pg_graph **out, pg_error *err)
{
    reader r = {source, err, NULL};
    int rc = pg_graph_new(&r.g, err);
    if (rc == PG_OK)
        rc = read_root(&r, pg_jdoc_root(doc));
    if (rc != PG_OK) {
        pg_graph_free(r.g);
        return rc;
    }
    *out = r.g;
    return PG_OK;
}

int pg_json_read(const char *buf, size_t len, const char *source, pg_graph **out, pg_error *err)
{
    *out = NULL;
    if (!source)
        source = "<input>";
    pg_jdoc *doc;
    int rc = pg_jdoc_load(&doc, buf, len, source, err);
    if (rc != PG_OK)
        return rc;
    rc = read_tree(doc, source, out, err);
    pg_jdoc_free(doc);
    return rc;
}

int pg_json_read_stream(FILE *f, const char *source, pg_graph **out, pg_error *err)
{
    *out = NULL;
    /* the whole text, then its document: the text goes before the graph is made */
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = PG_OK;
    for (;;) {
        if (cap - len < 65536) {
            size_t ncap = cap ? 2 * cap : (size_t)1 << 17;
            char *b = ncap > cap ? realloc(buf, ncap) : NULL;
            if (!b) {
                rc = pg_error_set(err, PG_ENOMEM, "%s: out of memory", source);
                break;
            }
            buf = b;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        /* no JSON text holds a NUL: the parser stops there (a device is not read forever) */
        const char *nul = got ? memchr(buf + len, '\0', got) : NULL;
        if (nul) {
            len = (size_t)(nul - buf) + 1;
            break;
        }
        len += got;
        if (got == 0)
            break;
    }
    if (rc == PG_OK && ferror(f))
        rc = pg_error_set(err, PG_EIO, "could not read '%s': %s", source, strerror(errno));
    pg_jdoc *doc = NULL;
    if (rc == PG_OK)
        rc = pg_jdoc_load(&doc, buf, len, source, err);
    free(buf);
    if (rc == PG_OK)
        rc = read_tree(doc, source, out, err);
    pg_jdoc_free(doc);
    return rc;
}

int pg_json_read_file(const char *path, pg_graph **out, pg_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return pg_error_set(err, PG_EIO, "could not open '%s': %s", path, strerror(errno));
    int rc = pg_json_read_stream(f, path, out, err);
    fclose(f);
    return rc;
}
