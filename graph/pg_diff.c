#include "pg_diff.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fields in the order they are listed for one object. */
static const char *const pg_diff_fields[] = {
    "label", "kind", "country", "in_dictionary", "mentions", "documents",
    "weights.co_mention", "weights.speaks_with",
    "co_mentions", "speaks_with", "weight", "interactions", "evidence",
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "community",
};
#define PG_N_DIFF_FIELDS (sizeof pg_diff_fields / sizeof pg_diff_fields[0])

static const char *const pg_object_names[] = {"graph", "node", "link"};
static const char pg_signs[] = {'+', '-', '~'};

void pg_diff_options_init(pg_diff_options *o)
{
    o->tolerance = 1e-9;
    o->structure = 0;
}

static void item_release(pg_diff_item *it)
{
    free(it->a);
    free(it->b);
    free(it->old_str);
    free(it->new_str);
}

void pg_diff_free(pg_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        item_release(&d->items[i]);
    free(d->items);
    free(d);
}

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ------------------------------------------------------------------ */
/* Collecting items */

typedef struct differ {
    pg_diff *d;
    const pg_diff_options *o;
    int nomem;
} differ;

/* Adds an item naming obj (a, b); strings are copied. NULL on failure. */
static pg_diff_item *add(differ *df, pg_diff_sign sign, pg_diff_object obj, const char *a,
                         const char *b, const char *field, pg_diff_type type)
{
    pg_diff *d = df->d;
    if (df->nomem)
        return NULL;
    if (d->n == d->cap) {
        size_t cap = d->cap ? 2 * d->cap : 16;
        pg_diff_item *v = realloc(d->items, cap * sizeof *v);
        if (!v) {
            df->nomem = 1;
            return NULL;
        }
        d->items = v;
        d->cap = cap;
    }
    pg_diff_item *it = &d->items[d->n];
    memset(it, 0, sizeof *it);
    it->sign = sign;
    it->object = obj;
    it->field = field;
    it->type = type;
    it->a = dup_str(a);
    it->b = dup_str(b);
    if ((a && !it->a) || (b && !it->b)) {
        item_release(it);
        df->nomem = 1;
        return NULL;
    }
    d->n++;
    return it;
}

static void cmp_num(differ *df, pg_diff_object obj, const char *a, const char *b,
                    const char *field, pg_diff_type type, double x, double y)
{
    int differs;
    if (type == PG_DIFF_REAL)
        differs = !(fabs(x - y) <= df->o->tolerance) && !(isnan(x) && isnan(y));
    else
        differs = x != y;
    if (!differs)
        return;
    pg_diff_item *it = add(df, PG_DIFF_CHANGED, obj, a, b, field, type);
    if (it) {
        it->old_num = x;
        it->new_num = y;
    }
}

static void cmp_str(differ *df, pg_diff_object obj, const char *a, const char *b,
                    const char *field, const char *x, const char *y)
{
    if (!x)
        x = "";
    if (!y)
        y = "";
    if (strcmp(x, y) == 0)
        return;
    pg_diff_item *it = add(df, PG_DIFF_CHANGED, obj, a, b, field, PG_DIFF_STRING);
    if (!it)
        return;
    it->old_str = dup_str(x);
    it->new_str = dup_str(y);
    if (!it->old_str || !it->new_str)
        df->nomem = 1; /* the item is released with the diff */
}

static int same_str(const char *x, const char *y)
{
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

static int same_evidence(const pg_evidence *x, const pg_evidence *y)
{
    return same_str(x->doc, y->doc) && x->sentence == y->sentence && x->start == y->start &&
           x->end == y->end && same_str(x->text, y->text);
}

static int same_interaction(const pg_interaction *x, const pg_interaction *y)
{
    return x->mode == y->mode && x->status == y->status && x->date == y->date &&
           same_str(x->initiator, y->initiator) && same_evidence(&x->ev, &y->ev);
}

static void cmp_records(differ *df, const char *a, const char *b, const char *field, size_t nx,
                        size_t ny, int same)
{
    if (nx == ny && same)
        return;
    pg_diff_item *it = add(df, PG_DIFF_CHANGED, PG_DIFF_LINK, a, b, field, PG_DIFF_RECORDS);
    if (it) {
        it->old_num = (double)nx;
        it->new_num = (double)ny;
        it->same_count_differs = nx == ny;
    }
}

static void cmp_nodes(differ *df, const pg_graph *gx, const pg_node *x, const pg_graph *gy,
                      const pg_node *y)
{
    const char *id = x->id;
    const pg_diff_object N = PG_DIFF_NODE;
    cmp_str(df, N, id, NULL, "label", x->label ? x->label : x->id, y->label ? y->label : y->id);
    cmp_str(df, N, id, NULL, "kind", pg_kind_name(x->kind), pg_kind_name(y->kind));
    cmp_str(df, N, id, NULL, "country", x->country, y->country);
    cmp_num(df, N, id, NULL, "in_dictionary", PG_DIFF_BOOL, x->in_dictionary != 0,
            y->in_dictionary != 0);
    cmp_num(df, N, id, NULL, "mentions", PG_DIFF_INT, (double)x->mentions, (double)y->mentions);
    cmp_num(df, N, id, NULL, "documents", PG_DIFF_INT, (double)x->documents,
            (double)y->documents);
    if (!gx->analysed || !gy->analysed)
        return;
    const pg_figures *f = &x->fig, *h = &y->fig;
    cmp_num(df, N, id, NULL, "degree", PG_DIFF_INT, (double)f->degree, (double)h->degree);
    cmp_num(df, N, id, NULL, "strength", PG_DIFF_REAL, f->strength, h->strength);
    cmp_num(df, N, id, NULL, "betweenness", PG_DIFF_REAL, f->betweenness, h->betweenness);
    cmp_num(df, N, id, NULL, "closeness", PG_DIFF_REAL, f->closeness, h->closeness);
    cmp_num(df, N, id, NULL, "harmonic", PG_DIFF_REAL, f->harmonic, h->harmonic);
    cmp_num(df, N, id, NULL, "eigenvector", PG_DIFF_REAL, f->eigenvector, h->eigenvector);
    cmp_num(df, N, id, NULL, "pagerank", PG_DIFF_REAL, f->pagerank, h->pagerank);
    cmp_num(df, N, id, NULL, "community", PG_DIFF_INT, (double)f->community,
            (double)h->community);
}

static void cmp_links(differ *df, const char *a, const char *b, const pg_link *x,
                      const pg_link *y)
{
    const pg_diff_object L = PG_DIFF_LINK;
    cmp_num(df, L, a, b, "co_mentions", PG_DIFF_INT, (double)x->co_mentions,
            (double)y->co_mentions);
    cmp_num(df, L, a, b, "speaks_with", PG_DIFF_INT, (double)x->speaks_with,
            (double)y->speaks_with);
    cmp_num(df, L, a, b, "weight", PG_DIFF_REAL, x->weight, y->weight);
    int same = x->n_interactions == y->n_interactions;
    for (size_t k = 0; same && k < x->n_interactions; k++)
        same = same_interaction(&x->interactions[k], &y->interactions[k]);
    cmp_records(df, a, b, "interactions", x->n_interactions, y->n_interactions, same);
    same = x->n_evidence == y->n_evidence;
    for (size_t k = 0; same && k < x->n_evidence; k++)
        same = same_evidence(&x->evidence[k], &y->evidence[k]);
    cmp_records(df, a, b, "evidence", x->n_evidence, y->n_evidence, same);
}

/* ------------------------------------------------------------------ */
/* Walking both graphs in id order */

/* Sorting contexts: qsort has no user pointer. */
typedef struct node_ref {
    const char *id;
    size_t index;
} node_ref;

typedef struct link_ref {
    const char *lo, *hi;
    size_t index;
} link_ref;

static int cmp_node_ref(const void *x, const void *y)
{
    return strcmp(((const node_ref *)x)->id, ((const node_ref *)y)->id);
}

static int cmp_link_ref(const void *x, const void *y)
{
    const link_ref *a = x, *b = y;
    int c = strcmp(a->lo, b->lo);
    return c ? c : strcmp(a->hi, b->hi);
}

static node_ref *node_refs(const pg_graph *g)
{
    node_ref *r = malloc((g->n_nodes ? g->n_nodes : 1) * sizeof *r);
    if (!r)
        return NULL;
    for (size_t i = 0; i < g->n_nodes; i++) {
        r[i].id = g->nodes[i].id;
        r[i].index = i;
    }
    if (g->n_nodes > 1)
        qsort(r, g->n_nodes, sizeof *r, cmp_node_ref);
    return r;
}

static link_ref *link_refs(const pg_graph *g)
{
    link_ref *r = malloc((g->n_links ? g->n_links : 1) * sizeof *r);
    if (!r)
        return NULL;
    for (size_t i = 0; i < g->n_links; i++) {
        const char *s = g->nodes[g->links[i].source].id, *t = g->nodes[g->links[i].target].id;
        int ordered = strcmp(s, t) <= 0;
        r[i].lo = ordered ? s : t;
        r[i].hi = ordered ? t : s;
        r[i].index = i;
    }
    if (g->n_links > 1)
        qsort(r, g->n_links, sizeof *r, cmp_link_ref);
    return r;
}

static void walk_nodes(differ *df, const pg_graph *x, const pg_graph *y, const node_ref *rx,
                       const node_ref *ry)
{
    size_t i = 0, j = 0;
    while (i < x->n_nodes || j < y->n_nodes) {
        int c = i == x->n_nodes ? 1 : j == y->n_nodes ? -1 : strcmp(rx[i].id, ry[j].id);
        if (c < 0) {
            add(df, PG_DIFF_REMOVED, PG_DIFF_NODE, rx[i++].id, NULL, NULL, PG_DIFF_NONE);
        } else if (c > 0) {
            add(df, PG_DIFF_ADDED, PG_DIFF_NODE, ry[j++].id, NULL, NULL, PG_DIFF_NONE);
        } else {
            if (!df->o->structure)
                cmp_nodes(df, x, &x->nodes[rx[i].index], y, &y->nodes[ry[j].index]);
            i++;
            j++;
        }
    }
}

static void walk_links(differ *df, const pg_graph *x, const pg_graph *y, const link_ref *rx,
                       const link_ref *ry)
{
    size_t i = 0, j = 0;
    while (i < x->n_links || j < y->n_links) {
        int c = i == x->n_links ? 1 : j == y->n_links ? -1 : cmp_link_ref(&rx[i], &ry[j]);
        if (c < 0) {
            add(df, PG_DIFF_REMOVED, PG_DIFF_LINK, rx[i].lo, rx[i].hi, NULL, PG_DIFF_NONE);
            i++;
        } else if (c > 0) {
            add(df, PG_DIFF_ADDED, PG_DIFF_LINK, ry[j].lo, ry[j].hi, NULL, PG_DIFF_NONE);
            j++;
        } else {
            if (!df->o->structure)
                cmp_links(df, rx[i].lo, rx[i].hi, &x->links[rx[i].index], &y->links[ry[j].index]);
            i++;
            j++;
        }
    }
}

static size_t field_rank(const char *field)
{
    for (size_t k = 0; field && k < PG_N_DIFF_FIELDS; k++) {
        if (strcmp(field, pg_diff_fields[k]) == 0)
            return k + 1;
    }
    return 0;
}

static int cmp_opt_str(const char *x, const char *y)
{
    if (!x || !y)
        return (x != NULL) - (y != NULL);
    return strcmp(x, y);
}

static int cmp_item(const void *p, const void *q)
{
    const pg_diff_item *x = p, *y = q;
    if (x->sign != y->sign)
        return x->sign < y->sign ? -1 : 1;
    if (x->object != y->object)
        return x->object < y->object ? -1 : 1;
    int c = cmp_opt_str(x->a, y->a);
    if (!c)
        c = cmp_opt_str(x->b, y->b);
    if (!c) {
        size_t fx = field_rank(x->field), fy = field_rank(y->field);
        c = (fx > fy) - (fx < fy);
    }
    return c;
}

int pg_diff_graphs(const pg_graph *old_g, const pg_graph *new_g, const pg_diff_options *o,
                   pg_diff **out, pg_error *err)
{
    *out = NULL;
    pg_diff_options defaults;
    if (!o) {
        pg_diff_options_init(&defaults);
        o = &defaults;
    }
    pg_diff *d = calloc(1, sizeof *d);
    node_ref *nx = node_refs(old_g), *ny = node_refs(new_g);
    link_ref *lx = link_refs(old_g), *ly = link_refs(new_g);
    differ df = {d, o, 0};
    if (!d || !nx || !ny || !lx || !ly) {
        df.nomem = 1;
    } else {
        if (!o->structure) {
            const pg_diff_object G = PG_DIFF_GRAPH;
            cmp_num(&df, G, NULL, NULL, "documents", PG_DIFF_INT, (double)old_g->documents,
                    (double)new_g->documents);
            cmp_num(&df, G, NULL, NULL, "weights.co_mention", PG_DIFF_REAL, old_g->w_co_mention,
                    new_g->w_co_mention);
            cmp_num(&df, G, NULL, NULL, "weights.speaks_with", PG_DIFF_REAL, old_g->w_speaks_with,
                    new_g->w_speaks_with);
        }
        walk_nodes(&df, old_g, new_g, nx, ny);
        walk_links(&df, old_g, new_g, lx, ly);
    }
    free(nx);
    free(ny);
    free(lx);
    free(ly);
    if (df.nomem) {
        pg_diff_free(d);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    if (d->n > 1)
        qsort(d->items, d->n, sizeof *d->items, cmp_item);
    *out = d;
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Text */

typedef struct buf {
    char *s;
    size_t len, cap;
    int nomem;
} buf;

static void buf_printf(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void buf_printf(buf *b, const char *fmt, ...)
{
    if (b->nomem)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->nomem = 1;
            return;
        }
        if (b->s && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->nomem = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
}

static void put_value(buf *b, const pg_diff_item *it, int new_side)
{
    double v = new_side ? it->new_num : it->old_num;
    switch (it->type) {
    case PG_DIFF_INT:
    case PG_DIFF_RECORDS:
        buf_printf(b, "%.0f", v);
        break;
    case PG_DIFF_REAL:
        buf_printf(b, "%.10g", v);
        break;
    case PG_DIFF_BOOL:
        buf_printf(b, "%s", v != 0 ? "true" : "false");
        break;
    case PG_DIFF_STRING:
        buf_printf(b, "\"%s\"", new_side ? it->new_str : it->old_str);
        break;
    case PG_DIFF_NONE:
        break;
    }
}

int pg_diff_write_text(const pg_diff *d, char **out, size_t *len, pg_error *err)
{
    buf b = {NULL, 0, 0, 0};
    *out = NULL;
    *len = 0;
    buf_printf(&b, "%s", "");
    for (size_t i = 0; i < d->n; i++) {
        const pg_diff_item *it = &d->items[i];
        buf_printf(&b, "%c %s", pg_signs[it->sign], pg_object_names[it->object]);
        if (it->object == PG_DIFF_NODE)
            buf_printf(&b, " %s", it->a);
        else if (it->object == PG_DIFF_LINK)
            buf_printf(&b, " %s -- %s", it->a, it->b);
        if (it->field) {
            buf_printf(&b, " %s ", it->field);
            put_value(&b, it, 0);
            buf_printf(&b, " -> ");
            put_value(&b, it, 1);
            if (it->type == PG_DIFF_RECORDS && it->same_count_differs)
                buf_printf(&b, " (records differ)");
        }
        buf_printf(&b, "\n");
    }
    if (b.nomem) {
        free(b.s);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    *out = b.s;
    *len = b.len;
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* JSON */

/* Steals v; returns -1 when v is NULL or cannot be set. */
static int jset(json_t *o, const char *key, json_t *v)
{
    return v ? json_object_set_new(o, key, v) : -1;
}

static json_t *json_value(const pg_diff_item *it, int new_side)
{
    double v = new_side ? it->new_num : it->old_num;
    switch (it->type) {
    case PG_DIFF_INT:
    case PG_DIFF_RECORDS:
        return json_integer((json_int_t)v);
    case PG_DIFF_REAL:
        return json_real(isfinite(v) ? (v == 0.0 ? 0.0 : v) : 0.0);
    case PG_DIFF_BOOL:
        return json_boolean(v != 0);
    case PG_DIFF_STRING:
        return json_string(new_side ? it->new_str : it->old_str);
    case PG_DIFF_NONE:
        break;
    }
    return json_null();
}

static int put_ends(json_t *o, const pg_diff_item *it)
{
    if (it->object == PG_DIFF_NODE)
        return jset(o, "id", json_string(it->a));
    if (it->object == PG_DIFF_LINK)
        return jset(o, "source", json_string(it->a)) || jset(o, "target", json_string(it->b));
    return 0;
}

static int json_item(json_t *root, const pg_diff_item *it)
{
    if (!it->field) {
        static const char *const lists[2][3] = {{NULL, "nodes_added", "links_added"},
                                                 {NULL, "nodes_removed", "links_removed"}};
        json_t *list = json_object_get(root, lists[it->sign][it->object]);
        if (it->object == PG_DIFF_NODE)
            return json_array_append_new(list, json_string(it->a));
        json_t *o = json_object();
        if (!o || json_array_append_new(list, o) != 0)
            return -1;
        return put_ends(o, it);
    }
    json_t *o = json_object();
    if (!o || json_array_append_new(json_object_get(root, "changes"), o) != 0)
        return -1;
    if (jset(o, "object", json_string(pg_object_names[it->object])) || put_ends(o, it) ||
        jset(o, "field", json_string(it->field)) || jset(o, "old", json_value(it, 0)) ||
        jset(o, "new", json_value(it, 1)))
        return -1;
    if (it->type == PG_DIFF_RECORDS && jset(o, "records_differ", json_boolean(it->same_count_differs)) != 0)
        return -1;
    return 0;
}

int pg_diff_write_json(const pg_diff *d, char **out, size_t *len, pg_error *err)
{
    *out = NULL;
    *len = 0;
    json_t *root = json_object();
    int bad = !root || jset(root, "equal", json_boolean(d->n == 0)) ||
              jset(root, "nodes_added", json_array()) || jset(root, "nodes_removed", json_array()) ||
              jset(root, "links_added", json_array()) || jset(root, "links_removed", json_array()) ||
              jset(root, "changes", json_array());
    for (size_t i = 0; i < d->n && !bad; i++)
        bad = json_item(root, &d->items[i]) != 0;
    char *s = bad ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS | JSON_REAL_PRECISION(10));
    json_decref(root);
    if (!s)
        return pg_error_set(err, PG_EINPUT,
                            "cannot write the differences as JSON (out of memory or text that is "
                            "not UTF-8)");
    size_t n = strlen(s);
    /* a final newline, like the text form */
    char *t = realloc(s, n + 2);
    if (!t) {
        free(s);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    t[n] = '\n';
    t[n + 1] = '\0';
    *out = t;
    *len = n + 1;
    return PG_OK;
}
