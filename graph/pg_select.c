#include "pg_select.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pg_analyse.h"

void pg_select_init(pg_select *s)
{
    memset(s, 0, sizeof *s);
    s->depth = 1;
    s->since = PG_DAY_NONE;
    s->until = PG_DAY_NONE;
}

static int has_dates(const pg_select *s)
{
    return s->since != PG_DAY_NONE || s->until != PG_DAY_NONE;
}

int pg_select_active(const pg_select *s)
{
    return s->top > 0 || s->has_min_weight || s->kinds != 0 || s->ego != NULL || has_dates(s);
}

size_t pg_select_default_top(size_t n_nodes)
{
    return n_nodes > PG_SELECT_DEFAULT_TOP ? PG_SELECT_DEFAULT_TOP : n_nodes;
}

/* ------------------------------------------------------------------ */
/* Figures by name */

typedef enum value_kind { V_FIGURE, V_COUNT } value_kind;

static const struct {
    const char *name;
    value_kind kind;
} pg_values[] = {
    {"degree", V_FIGURE},    {"strength", V_FIGURE},    {"betweenness", V_FIGURE},
    {"closeness", V_FIGURE}, {"harmonic", V_FIGURE},    {"eigenvector", V_FIGURE},
    {"pagerank", V_FIGURE},  {"community", V_FIGURE},   {"mentions", V_COUNT},
    {"documents", V_COUNT},
};
#define PG_N_VALUES (sizeof pg_values / sizeof pg_values[0])

int pg_select_known(const char *name, int *needs_analysis)
{
    for (size_t i = 0; name && i < PG_N_VALUES; i++) {
        if (strcmp(name, pg_values[i].name) == 0) {
            if (needs_analysis)
                *needs_analysis = pg_values[i].kind == V_FIGURE;
            return 1;
        }
    }
    return 0;
}

int pg_select_value(const pg_node *n, const char *name, double *out)
{
    const pg_figures *f = &n->fig;
    double v;
    if (strcmp(name, "degree") == 0)
        v = (double)f->degree;
    else if (strcmp(name, "strength") == 0)
        v = f->strength;
    else if (strcmp(name, "betweenness") == 0)
        v = f->betweenness;
    else if (strcmp(name, "closeness") == 0)
        v = f->closeness;
    else if (strcmp(name, "harmonic") == 0)
        v = f->harmonic;
    else if (strcmp(name, "eigenvector") == 0)
        v = f->eigenvector;
    else if (strcmp(name, "pagerank") == 0)
        v = f->pagerank;
    else if (strcmp(name, "community") == 0)
        v = (double)f->community;
    else if (strcmp(name, "mentions") == 0)
        v = (double)n->mentions;
    else if (strcmp(name, "documents") == 0)
        v = (double)n->documents;
    else
        return -1;
    /* NaN would make the order partial */
    *out = isnan(v) ? 0.0 : v;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Ranking */

typedef struct ranked {
    double value;
    const char *id;
    size_t index;
} ranked;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int unknown_figure(pg_error *err, const char *by)
{
    return pg_error_set(err, PG_EUSAGE,
                        "'%s' is not a figure (expected pagerank, betweenness, strength, degree, "
                        "closeness, harmonic, eigenvector, community, mentions or documents)",
                        by);
}

int pg_select_rank(const pg_graph *g, const char *by, size_t **order, pg_error *err)
{
    *order = NULL;
    if (!by)
        by = "pagerank";
    if (!pg_select_known(by, NULL))
        return unknown_figure(err, by);
    size_t n = g->n_nodes;
    ranked *r = malloc((n ? n : 1) * sizeof *r);
    size_t *o = malloc((n ? n : 1) * sizeof *o);
    if (!r || !o) {
        free(r);
        free(o);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        pg_select_value(&g->nodes[i], by, &r[i].value);
        r[i].id = g->nodes[i].id;
        r[i].index = i;
    }
    if (n > 1)
        qsort(r, n, sizeof *r, cmp_ranked);
    for (size_t i = 0; i < n; i++)
        o[i] = r[i].index;
    free(r);
    *order = o;
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* A close id for a mistyped ego */

/* "Vladimir Putin" -> "vladimir-putin", so that a name finds its id. */
static void slug(const char *s, char *out, size_t size)
{
    size_t k = 0;
    for (; *s && k + 1 < size; s++)
        out[k++] = *s == ' ' || *s == '_' ? '-' : (char)tolower((unsigned char)*s);
    out[k] = '\0';
}

/* Edit distance, bounded to ids and queries of up to 63 bytes. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return (size_t)-1;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/*
 * An id that contains the query (the shortest, then the first by id), else
 * the nearest by edit distance if it is near enough; NULL if none.
 */
static const char *suggest(const pg_graph *g, const char *query)
{
    char q[64];
    slug(query, q, sizeof q);
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; q[0] && i < g->n_nodes; i++) {
        const char *id = g->nodes[i].id;
        size_t len = strlen(id);
        if (strstr(id, q) &&
            (!best || len < best_len || (len == best_len && strcmp(id, best) < 0))) {
            best = id;
            best_len = len;
        }
    }
    if (best)
        return best;
    size_t best_d = strlen(q) / 3 + 1;
    for (size_t i = 0; i < g->n_nodes; i++) {
        const char *id = g->nodes[i].id;
        size_t d = edit_distance(q, id);
        if (d < best_d || (d == best_d && best && strcmp(id, best) < 0)) {
            best = id;
            best_d = d;
        }
    }
    return best;
}

/* ------------------------------------------------------------------ */
/* Building the selection */

static int in_range(const pg_select *s, pg_day d)
{
    if (d == PG_DAY_NONE)
        return 0;
    return (s->since == PG_DAY_NONE || d >= s->since) && (s->until == PG_DAY_NONE || d <= s->until);
}

static int counts_speaks_with(pg_status st)
{
    return st == PG_STATUS_OCCURRED || st == PG_STATUS_PLANNED;
}

/* The link as the selection keeps it: interactions in range, speaks_with, weight. */
static void link_in_range(const pg_graph *g, const pg_link *l, const pg_select *s, size_t *kept,
                          long *speaks_with, double *weight)
{
    *kept = l->n_interactions;
    *speaks_with = l->speaks_with;
    if (has_dates(s)) {
        *kept = 0;
        *speaks_with = 0;
        for (size_t k = 0; k < l->n_interactions; k++) {
            if (in_range(s, l->interactions[k].date)) {
                (*kept)++;
                *speaks_with += counts_speaks_with(l->interactions[k].status);
            }
        }
    }
    *weight = g->w_co_mention * (double)l->co_mentions + g->w_speaks_with * (double)*speaks_with;
}

static int copy_interaction(pg_interaction *dst, const pg_interaction *src)
{
    *dst = *src;
    dst->initiator = NULL;
    memset(&dst->ev, 0, sizeof dst->ev);
    if (src->initiator) {
        size_t n = strlen(src->initiator) + 1;
        dst->initiator = malloc(n);
        if (!dst->initiator)
            return PG_ENOMEM;
        memcpy(dst->initiator, src->initiator, n);
    }
    if (pg_evidence_copy(&dst->ev, &src->ev) != PG_OK) {
        free(dst->initiator);
        dst->initiator = NULL;
        return PG_ENOMEM;
    }
    return PG_OK;
}

/* Fills the new link 'dst' from 'src' as the selection keeps it. */
static int copy_link(pg_link *dst, const pg_link *src, const pg_select *s)
{
    dst->co_mentions = src->co_mentions;
    dst->speaks_with = src->speaks_with;
    size_t n_ev = src->n_evidence, n_it = src->n_interactions;
    dst->evidence = calloc(n_ev ? n_ev : 1, sizeof *dst->evidence);
    dst->interactions = calloc(n_it ? n_it : 1, sizeof *dst->interactions);
    if (!dst->evidence || !dst->interactions)
        return PG_ENOMEM;
    for (size_t k = 0; k < n_ev; k++) {
        if (pg_evidence_copy(&dst->evidence[k], &src->evidence[k]) != PG_OK)
            return PG_ENOMEM;
        dst->n_evidence++;
    }
    if (has_dates(s))
        dst->speaks_with = 0;
    for (size_t k = 0; k < n_it; k++) {
        const pg_interaction *it = &src->interactions[k];
        if (has_dates(s)) {
            if (!in_range(s, it->date))
                continue;
            dst->speaks_with += counts_speaks_with(it->status);
        }
        if (copy_interaction(&dst->interactions[dst->n_interactions], it) != PG_OK)
            return PG_ENOMEM;
        dst->n_interactions++;
    }
    return PG_OK;
}

static int copy_selection(const pg_graph *g, const unsigned char *keep_node,
                          const unsigned char *keep_link, const pg_select *s, pg_graph **out,
                          pg_error *err)
{
    pg_graph *r = NULL;
    int rc = pg_graph_new(&r, err);
    if (rc != PG_OK)
        return rc;
    r->documents = g->documents;
    r->w_co_mention = g->w_co_mention;
    r->w_speaks_with = g->w_speaks_with;
    size_t *map = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *map);
    if (!map) {
        pg_graph_free(r);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < g->n_nodes && rc == PG_OK; i++) {
        if (!keep_node[i])
            continue;
        const pg_node *n = &g->nodes[i];
        rc = pg_graph_add_node(r, n->id, n->label, n->kind, n->country, n->in_dictionary, &map[i],
                               err);
        if (rc == PG_OK) {
            r->nodes[map[i]].mentions = n->mentions;
            r->nodes[map[i]].documents = n->documents;
            if (n->affiliation)
                rc = pg_graph_set_affiliation(r, map[i], n->affiliation, err);
        }
    }
    for (size_t i = 0; i < g->n_links && rc == PG_OK; i++) {
        const pg_link *l = &g->links[i];
        if (!keep_link[i] || !keep_node[l->source] || !keep_node[l->target])
            continue;
        size_t li;
        rc = pg_graph_link(r, map[l->source], map[l->target], &li, err);
        if (rc == PG_OK && copy_link(&r->links[li], l, s) != PG_OK)
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    free(map);
    if (rc != PG_OK) {
        pg_graph_free(r);
        return rc;
    }
    pg_graph_update_weights(r);
    *out = r;
    return PG_OK;
}

/* Keeps the nodes within 'depth' remaining links of 'ego'; clears the others. */
static int keep_near_ego(const pg_graph *g, size_t ego, unsigned long depth,
                         unsigned char *keep_node, const unsigned char *keep_link)
{
    size_t n = g->n_nodes;
    unsigned long *dist = malloc(n * sizeof *dist);
    size_t *queue = malloc(n * sizeof *queue);
    /* adjacency of the remaining links, compressed (offsets, then neighbours) */
    size_t *first = calloc(n + 1, sizeof *first);
    size_t *adj = malloc((2 * g->n_links + 1) * sizeof *adj);
    if (!dist || !queue || !first || !adj) {
        free(dist);
        free(queue);
        free(first);
        free(adj);
        return PG_ENOMEM;
    }
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (keep_link[i] && keep_node[l->source] && keep_node[l->target]) {
            first[l->source + 1]++;
            first[l->target + 1]++;
        }
    }
    for (size_t i = 0; i < n; i++)
        first[i + 1] += first[i];
    size_t *fill = queue; /* reused as insertion cursors before the search */
    memcpy(fill, first, n * sizeof *fill);
    for (size_t i = 0; i < g->n_links; i++) {
        const pg_link *l = &g->links[i];
        if (keep_link[i] && keep_node[l->source] && keep_node[l->target]) {
            adj[fill[l->source]++] = l->target;
            adj[fill[l->target]++] = l->source;
        }
    }
    for (size_t i = 0; i < n; i++)
        dist[i] = (unsigned long)-1;
    size_t head = 0, tail = 0;
    dist[ego] = 0;
    queue[tail++] = ego;
    while (head < tail) {
        size_t v = queue[head++];
        if (dist[v] >= depth)
            continue;
        for (size_t k = first[v]; k < first[v + 1]; k++) {
            size_t w = adj[k];
            if (dist[w] == (unsigned long)-1) {
                dist[w] = dist[v] + 1;
                queue[tail++] = w;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        keep_node[i] = keep_node[i] && dist[i] != (unsigned long)-1;
    free(dist);
    free(queue);
    free(first);
    free(adj);
    return PG_OK;
}

/* Keeps the s->top best ranked of the nodes kept; the ego first. */
static int keep_top(const pg_graph *g, const pg_select *s, long ego, unsigned char *keep_node,
                    pg_error *err)
{
    size_t *order;
    int rc = pg_select_rank(g, s->by, &order, err);
    if (rc != PG_OK)
        return rc;
    size_t taken = 0;
    if (ego >= 0 && keep_node[ego])
        taken = 1;
    for (size_t k = 0; k < g->n_nodes; k++) {
        size_t i = order[k];
        if (!keep_node[i] || (long)i == ego)
            continue;
        if (taken < s->top)
            taken++;
        else
            keep_node[i] = 0;
    }
    free(order);
    return PG_OK;
}

static int check(const pg_graph *g, const pg_select *s, long *ego, pg_error *err)
{
    *ego = -1;
    if (s->since != PG_DAY_NONE && s->until != PG_DAY_NONE && s->since > s->until) {
        char a[11], b[11];
        pg_day_format(s->since, a);
        pg_day_format(s->until, b);
        return pg_error_set(err, PG_EUSAGE, "the range %s to %s is empty (since is after until)", a,
                            b);
    }
    if (s->top > 0 && s->by && !pg_select_known(s->by, NULL))
        return unknown_figure(err, s->by);
    if (s->ego) {
        *ego = pg_graph_find_node(g, s->ego);
        if (*ego < 0) {
            const char *close = suggest(g, s->ego);
            if (close)
                return pg_error_set(err, PG_EUSAGE, "no actor has the id '%s'; did you mean '%s'?",
                                    s->ego, close);
            return pg_error_set(err, PG_EUSAGE, "no actor has the id '%s'", s->ego);
        }
    }
    return PG_OK;
}

int pg_select_apply(pg_graph *g, const pg_select *s, unsigned long seed, pg_graph **out,
                    pg_error *err)
{
    *out = NULL;
    int rc = pg_graph_sort(g, err);
    long ego;
    if (rc != PG_OK || (rc = check(g, s, &ego, err)) != PG_OK)
        return rc;
    int needs_analysis = 0;
    if (s->top > 0)
        pg_select_known(s->by ? s->by : "pagerank", &needs_analysis);
    if (needs_analysis && !g->analysed && (rc = pg_analyse(g, seed, err)) != PG_OK)
        return rc;

    size_t n = g->n_nodes, m = g->n_links;
    unsigned char *keep_node = malloc(n ? n : 1);
    unsigned char *keep_link = malloc(m ? m : 1);
    unsigned char *linked = calloc(n ? n : 1, 1);
    if (!keep_node || !keep_link || !linked) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned bit = 1u << (unsigned)g->nodes[i].kind;
        keep_node[i] = s->kinds == 0 || (s->kinds & bit) || (long)i == ego;
    }
    for (size_t i = 0; i < m; i++) {
        const pg_link *l = &g->links[i];
        size_t kept;
        long speaks_with;
        double weight;
        link_in_range(g, l, s, &kept, &speaks_with, &weight);
        keep_link[i] = (!has_dates(s) || kept > 0) &&
                       (!s->has_min_weight || weight >= s->min_weight);
        if (keep_link[i] && keep_node[l->source] && keep_node[l->target])
            linked[l->source] = linked[l->target] = 1;
    }
    if (has_dates(s) || s->has_min_weight) {
        for (size_t i = 0; i < n; i++)
            keep_node[i] = keep_node[i] && (linked[i] || (long)i == ego);
    }
    if (ego >= 0 && keep_near_ego(g, (size_t)ego, s->depth, keep_node, keep_link) != PG_OK) {
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        goto done;
    }
    if (s->top > 0 && (rc = keep_top(g, s, ego, keep_node, err)) != PG_OK)
        goto done;
    pg_graph *r = NULL;
    if ((rc = copy_selection(g, keep_node, keep_link, s, &r, err)) != PG_OK)
        goto done;
    if ((rc = pg_analyse(r, seed, err)) != PG_OK) {
        pg_graph_free(r);
        goto done;
    }
    *out = r;
done:
    free(keep_node);
    free(keep_link);
    free(linked);
    return rc;
}
