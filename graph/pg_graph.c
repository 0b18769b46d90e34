#include "pg_graph.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The index: two open-addressing hash tables (linear probing, power-of-two
 * sizes, at most half full). A slot holds an array index + 1; 0 is empty.
 * Nodes and links are never removed, so no tombstones are needed.
 */
typedef struct pg_index {
    size_t *node_slots;
    size_t node_cap;
    size_t *link_slots;
    size_t link_cap;
    /* the weights of one co-mention and one interaction every link's weight is made of */
    double w_co_mention, w_speaks_with;
} pg_index;

#define PG_INDEX_MIN 64

static uint64_t hash_mix(uint64_t x)
{
    /* splitmix64 finaliser */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t hash_id(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return hash_mix(h);
}

static uint64_t hash_pair(size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    return hash_mix((uint64_t)lo * 0x9e3779b97f4a7c15ULL + (uint64_t)hi);
}

static pg_index *index_of(const pg_graph *g)
{
    return (pg_index *)g->index;
}

static void index_put_node(pg_index *ix, const pg_graph *g, size_t i)
{
    size_t mask = ix->node_cap - 1;
    size_t s = (size_t)hash_id(g->nodes[i].id) & mask;
    while (ix->node_slots[s] != 0)
        s = (s + 1) & mask;
    ix->node_slots[s] = i + 1;
}

static void index_put_link(pg_index *ix, const pg_graph *g, size_t i)
{
    size_t mask = ix->link_cap - 1;
    size_t s = (size_t)hash_pair(g->links[i].source, g->links[i].target) & mask;
    while (ix->link_slots[s] != 0)
        s = (s + 1) & mask;
    ix->link_slots[s] = i + 1;
}

static size_t table_size(size_t n)
{
    size_t cap = PG_INDEX_MIN;
    while (cap < 2 * n + 2)
        cap *= 2;
    return cap;
}

/* Rebuilds the node table for at least n nodes. */
static int index_rebuild_nodes(pg_graph *g, size_t n)
{
    pg_index *ix = index_of(g);
    size_t cap = table_size(n);
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return PG_ENOMEM;
    free(ix->node_slots);
    ix->node_slots = slots;
    ix->node_cap = cap;
    for (size_t i = 0; i < g->n_nodes; i++)
        index_put_node(ix, g, i);
    return PG_OK;
}

static int index_rebuild_links(pg_graph *g, size_t n)
{
    pg_index *ix = index_of(g);
    size_t cap = table_size(n);
    size_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return PG_ENOMEM;
    free(ix->link_slots);
    ix->link_slots = slots;
    ix->link_cap = cap;
    for (size_t i = 0; i < g->n_links; i++)
        index_put_link(ix, g, i);
    return PG_OK;
}

static long find_link(const pg_graph *g, size_t a, size_t b)
{
    const pg_index *ix = index_of(g);
    if (!ix || ix->link_cap == 0)
        return -1;
    size_t mask = ix->link_cap - 1;
    size_t s = (size_t)hash_pair(a, b) & mask;
    for (; ix->link_slots[s] != 0; s = (s + 1) & mask) {
        const pg_link *l = &g->links[ix->link_slots[s] - 1];
        if ((l->source == a && l->target == b) || (l->source == b && l->target == a))
            return (long)(ix->link_slots[s] - 1);
    }
    return -1;
}

/* ------------------------------------------------------------------ */

int pg_graph_new(pg_graph **out, pg_error *err)
{
    *out = NULL;
    pg_graph *g = calloc(1, sizeof *g);
    pg_index *ix = calloc(1, sizeof *ix);
    if (!g || !ix) {
        free(g);
        free(ix);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    g->index = ix;
    g->w_co_mention = 1.0;
    g->w_speaks_with = 3.0;
    ix->w_co_mention = g->w_co_mention;
    ix->w_speaks_with = g->w_speaks_with;
    if (index_rebuild_nodes(g, 0) != PG_OK || index_rebuild_links(g, 0) != PG_OK) {
        pg_graph_free(g);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    *out = g;
    return PG_OK;
}

void pg_evidence_release(pg_evidence *e)
{
    if (!e)
        return;
    free(e->doc);
    free(e->text);
    e->doc = NULL;
    e->text = NULL;
}

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d)
        *failed = 1;
    else
        memcpy(d, s, n);
    return d;
}

int pg_evidence_copy(pg_evidence *dst, const pg_evidence *src)
{
    int failed = 0;
    pg_evidence e = *src;
    e.doc = dup_or_null(src->doc, &failed);
    e.text = dup_or_null(src->text, &failed);
    if (failed) {
        pg_evidence_release(&e);
        memset(dst, 0, sizeof *dst);
        return PG_ENOMEM;
    }
    *dst = e;
    return PG_OK;
}

static void interaction_release(pg_interaction *it)
{
    free(it->initiator);
    it->initiator = NULL;
    pg_evidence_release(&it->ev);
}

static int interaction_copy(pg_interaction *dst, const pg_interaction *src)
{
    int failed = 0;
    pg_interaction it = *src;
    it.initiator = dup_or_null(src->initiator, &failed);
    if (failed || pg_evidence_copy(&it.ev, &src->ev) != PG_OK) {
        free(it.initiator);
        memset(dst, 0, sizeof *dst);
        return PG_ENOMEM;
    }
    *dst = it;
    return PG_OK;
}

static void link_release(pg_link *l)
{
    for (size_t i = 0; i < l->n_evidence; i++)
        pg_evidence_release(&l->evidence[i]);
    free(l->evidence);
    for (size_t i = 0; i < l->n_interactions; i++)
        interaction_release(&l->interactions[i]);
    free(l->interactions);
}

void pg_graph_free(pg_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_nodes; i++) {
        free(g->nodes[i].id);
        free(g->nodes[i].label);
        free(g->nodes[i].affiliation);
    }
    free(g->nodes);
    for (size_t i = 0; i < g->n_links; i++)
        link_release(&g->links[i]);
    free(g->links);
    free(g->approximation);
    pg_index *ix = index_of(g);
    if (ix) {
        free(ix->node_slots);
        free(ix->link_slots);
        free(ix);
    }
    free(g);
}

long pg_graph_find_node(const pg_graph *g, const char *id)
{
    const pg_index *ix = index_of(g);
    if (!ix || ix->node_cap == 0 || !id)
        return -1;
    size_t mask = ix->node_cap - 1;
    size_t s = (size_t)hash_id(id) & mask;
    for (; ix->node_slots[s] != 0; s = (s + 1) & mask) {
        size_t i = ix->node_slots[s] - 1;
        if (strcmp(g->nodes[i].id, id) == 0)
            return (long)i;
    }
    return -1;
}

static void set_country(pg_node *n, const char *country)
{
    size_t k = 0;
    for (; country && country[k] && k < sizeof n->country - 1; k++)
        n->country[k] = country[k];
    memset(n->country + k, 0, sizeof n->country - k);
}

/*
 * Of two descriptions of one id, a dictionary one wins; between equals the
 * label that sorts first, so that the result does not depend on the order
 * in which documents or parts arrive.
 */
static int replaces(const pg_node *n, const char *label, int in_dictionary)
{
    if (!!in_dictionary != !!n->in_dictionary)
        return in_dictionary != 0;
    return strcmp(label, n->label) < 0;
}

int pg_graph_set_affiliation(pg_graph *g, size_t node, const char *id, pg_error *err)
{
    pg_node *n = &g->nodes[node];
    if (n->affiliation && strcmp(n->affiliation, id) <= 0)
        return PG_OK;
    char *copy = strdup(id);
    if (!copy)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    free(n->affiliation);
    n->affiliation = copy;
    return PG_OK;
}

int pg_graph_add_node(pg_graph *g, const char *id, const char *label, pg_kind kind,
                      const char *country, int in_dictionary, size_t *index, pg_error *err)
{
    if (!id || !*id)
        return pg_error_set(err, PG_EUSAGE, "a node needs a non-empty id");
    if (!label)
        label = id;
    long found = pg_graph_find_node(g, id);
    if (found >= 0) {
        pg_node *n = &g->nodes[found];
        if (replaces(n, label, in_dictionary)) {
            int failed = 0;
            char *l = dup_or_null(label, &failed);
            if (failed)
                return pg_error_set(err, PG_ENOMEM, "out of memory");
            free(n->label);
            n->label = l;
            n->kind = kind;
            set_country(n, country);
            n->in_dictionary = in_dictionary != 0;
        }
        if (index)
            *index = (size_t)found;
        return PG_OK;
    }
    pg_index *ix = index_of(g);
    if (2 * (g->n_nodes + 1) > ix->node_cap) {
        if (index_rebuild_nodes(g, 2 * (g->n_nodes + 1)) != PG_OK)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    if (g->n_nodes == g->cap_nodes) {
        size_t cap = g->cap_nodes ? 2 * g->cap_nodes : 16;
        pg_node *v = realloc(g->nodes, cap * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        g->nodes = v;
        g->cap_nodes = cap;
    }
    pg_node *n = &g->nodes[g->n_nodes];
    memset(n, 0, sizeof *n);
    int failed = 0;
    n->id = dup_or_null(id, &failed);
    n->label = dup_or_null(label, &failed);
    if (failed) {
        free(n->id);
        free(n->label);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    n->kind = kind;
    set_country(n, country);
    n->in_dictionary = in_dictionary != 0;
    index_put_node(ix, g, g->n_nodes);
    if (index)
        *index = g->n_nodes;
    g->n_nodes++;
    return PG_OK;
}

int pg_graph_link(pg_graph *g, size_t a, size_t b, size_t *index, pg_error *err)
{
    if (a >= g->n_nodes || b >= g->n_nodes)
        return pg_error_set(err, PG_EUSAGE, "link to node %zu or %zu out of range (%zu nodes)",
                            a, b, g->n_nodes);
    if (a == b)
        return pg_error_set(err, PG_EUSAGE, "link from '%s' to itself", g->nodes[a].id);
    long found = find_link(g, a, b);
    if (found >= 0) {
        if (index)
            *index = (size_t)found;
        return PG_OK;
    }
    pg_index *ix = index_of(g);
    if (2 * (g->n_links + 1) > ix->link_cap) {
        if (index_rebuild_links(g, 2 * (g->n_links + 1)) != PG_OK)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    if (g->n_links == g->cap_links) {
        size_t cap = g->cap_links ? 2 * g->cap_links : 16;
        pg_link *v = realloc(g->links, cap * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        g->links = v;
        g->cap_links = cap;
    }
    pg_link *l = &g->links[g->n_links];
    memset(l, 0, sizeof *l);
    if (strcmp(g->nodes[a].id, g->nodes[b].id) < 0) {
        l->source = a;
        l->target = b;
    } else {
        l->source = b;
        l->target = a;
    }
    index_put_link(ix, g, g->n_links);
    if (index)
        *index = g->n_links;
    g->n_links++;
    return PG_OK;
}

static void link_update_weight(const pg_graph *g, pg_link *l)
{
    l->weight = g->w_co_mention * (double)l->co_mentions + g->w_speaks_with * (double)l->speaks_with;
}

void pg_graph_update_weights(pg_graph *g)
{
    for (size_t i = 0; i < g->n_links; i++)
        link_update_weight(g, &g->links[i]);
    pg_index *ix = index_of(g);
    ix->w_co_mention = g->w_co_mention;
    ix->w_speaks_with = g->w_speaks_with;
}

/* ------------------------------------------------------------------ */
/* Sorting */

static int cmp_node_ptr(const void *x, const void *y)
{
    const pg_node *a = *(const pg_node *const *)x;
    const pg_node *b = *(const pg_node *const *)y;
    return strcmp(a->id, b->id);
}

/* Once nodes are sorted by id, index order is id order. */
static int cmp_link(const void *x, const void *y)
{
    const pg_link *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    if (a->target != b->target)
        return a->target < b->target ? -1 : 1;
    return 0;
}

int pg_graph_sort(pg_graph *g, pg_error *err)
{
    size_t n = g->n_nodes;
    if (n == 0)
        return PG_OK;
    const pg_node **order = malloc(n * sizeof *order);
    size_t *newpos = malloc(n * sizeof *newpos);
    pg_node *sorted = malloc(n * sizeof *sorted);
    if (!order || !newpos || !sorted) {
        free(order);
        free(newpos);
        free(sorted);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        order[i] = &g->nodes[i];
    qsort(order, n, sizeof *order, cmp_node_ptr);
    for (size_t k = 0; k < n; k++) {
        size_t old = (size_t)(order[k] - g->nodes);
        newpos[old] = k;
        sorted[k] = *order[k];
    }
    memcpy(g->nodes, sorted, n * sizeof *sorted);
    free(sorted);
    free(order);
    for (size_t i = 0; i < g->n_links; i++) {
        pg_link *l = &g->links[i];
        size_t s = newpos[l->source], t = newpos[l->target];
        l->source = s < t ? s : t;
        l->target = s < t ? t : s;
    }
    free(newpos);
    if (g->n_links > 1)
        qsort(g->links, g->n_links, sizeof *g->links, cmp_link);
    if (index_rebuild_nodes(g, n) != PG_OK || index_rebuild_links(g, g->n_links) != PG_OK)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Bounded, ordered evidence */

static int cmp_size(size_t a, size_t b)
{
    return a < b ? -1 : a > b;
}

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/*
 * The key is (doc, sentence, start); end and text only break ties, so that
 * the order is total and the kept set never depends on arrival order.
 */
static int evidence_cmp(const pg_evidence *a, const pg_evidence *b)
{
    int c = cmp_str(a->doc, b->doc);
    if (!c)
        c = cmp_size(a->sentence, b->sentence);
    if (!c)
        c = cmp_size(a->start, b->start);
    if (!c)
        c = cmp_size(a->end, b->end);
    if (!c)
        c = cmp_str(a->text, b->text);
    return c;
}

static int interaction_cmp(const pg_interaction *a, const pg_interaction *b)
{
    int c = evidence_cmp(&a->ev, &b->ev);
    if (!c)
        c = (a->mode > b->mode) - (a->mode < b->mode);
    if (!c)
        c = (a->status > b->status) - (a->status < b->status);
    if (!c)
        c = (a->date > b->date) - (a->date < b->date);
    if (!c)
        c = cmp_str(a->initiator, b->initiator);
    return c;
}

int pg_evidence_cmp(const void *a, const void *b)
{
    return evidence_cmp(a, b);
}

int pg_interaction_cmp(const void *a, const void *b)
{
    return interaction_cmp(a, b);
}

/* Inserts a copy in order, keeping the PG_EVIDENCE_MAX smallest. */
static int evidence_insert(pg_link *l, const pg_evidence *e)
{
    size_t pos = l->n_evidence;
    while (pos > 0 && evidence_cmp(&l->evidence[pos - 1], e) > 0)
        pos--;
    if (pos >= PG_EVIDENCE_MAX)
        return PG_OK;
    pg_evidence copy;
    if (pg_evidence_copy(&copy, e) != PG_OK)
        return PG_ENOMEM;
    if (l->n_evidence >= PG_EVIDENCE_MAX) {
        pg_evidence_release(&l->evidence[l->n_evidence - 1]);
        l->n_evidence--;
    } else {
        pg_evidence *v = realloc(l->evidence, (l->n_evidence + 1) * sizeof *v);
        if (!v) {
            pg_evidence_release(&copy);
            return PG_ENOMEM;
        }
        l->evidence = v;
    }
    memmove(&l->evidence[pos + 1], &l->evidence[pos], (l->n_evidence - pos) * sizeof *l->evidence);
    l->evidence[pos] = copy;
    l->n_evidence++;
    return PG_OK;
}

static int interaction_insert(pg_link *l, const pg_interaction *it)
{
    size_t pos = l->n_interactions;
    while (pos > 0 && interaction_cmp(&l->interactions[pos - 1], it) > 0)
        pos--;
    if (pos >= PG_INTERACTIONS_MAX)
        return PG_OK;
    pg_interaction copy;
    if (interaction_copy(&copy, it) != PG_OK)
        return PG_ENOMEM;
    if (l->n_interactions >= PG_INTERACTIONS_MAX) {
        interaction_release(&l->interactions[l->n_interactions - 1]);
        l->n_interactions--;
    } else {
        pg_interaction *v = realloc(l->interactions, (l->n_interactions + 1) * sizeof *v);
        if (!v) {
            interaction_release(&copy);
            return PG_ENOMEM;
        }
        l->interactions = v;
    }
    memmove(&l->interactions[pos + 1], &l->interactions[pos],
            (l->n_interactions - pos) * sizeof *l->interactions);
    l->interactions[pos] = copy;
    l->n_interactions++;
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Building and merging */

static int counts_speaks_with(pg_status s)
{
    return s == PG_STATUS_OCCURRED || s == PG_STATUS_PLANNED;
}

static void evidence_from_doc(pg_evidence *e, const pg_doc *doc, const pg_doc_sentence *s)
{
    e->doc = doc->id;
    e->sentence = s->index;
    e->start = s->start;
    e->end = s->end;
    e->text = s->text;
}

static int check_doc(const pg_doc *doc, pg_error *err)
{
    const char *id = doc->id ? doc->id : "(no id)";
    for (size_t i = 0; i < doc->n_actors; i++) {
        if (!doc->actors[i].id || !*doc->actors[i].id)
            return pg_error_set(err, PG_EINPUT, "%s: actor %zu has no id", id, i);
    }
    for (size_t i = 0; i < doc->n_comentions; i++) {
        const pg_comention *c = &doc->comentions[i];
        if (c->a >= doc->n_actors || c->b >= doc->n_actors || c->sentence >= doc->n_sentences)
            return pg_error_set(err, PG_EINPUT, "%s: co-mention %zu refers to a missing actor or sentence",
                                id, i);
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const pg_event *e = &doc->events[i];
        if (e->a >= doc->n_actors || e->b >= doc->n_actors || e->sentence >= doc->n_sentences ||
            e->initiator >= (long)doc->n_actors || e->initiator < -1)
            return pg_error_set(err, PG_EINPUT, "%s: event %zu refers to a missing actor or sentence",
                                id, i);
    }
    return PG_OK;
}

int pg_graph_add_doc(pg_graph *g, const pg_doc *doc, pg_error *err)
{
    int rc = check_doc(doc, err);
    if (rc != PG_OK)
        return rc;
    size_t *map = malloc((doc->n_actors ? doc->n_actors : 1) * sizeof *map);
    if (!map)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < doc->n_actors; i++) {
        const pg_doc_actor *a = &doc->actors[i];
        rc = pg_graph_add_node(g, a->id, a->label, a->kind, a->country, a->in_dictionary, &map[i],
                               err);
        if (rc != PG_OK)
            goto done;
        g->nodes[map[i]].mentions += a->mentions;
        g->nodes[map[i]].documents += 1;
    }
    for (size_t i = 0; i < doc->n_actors && rc == PG_OK; i++) {
        long aff = doc->actors[i].affiliation;
        if (aff >= 0 && (size_t)aff < doc->n_actors && (size_t)aff != i)
            rc = pg_graph_set_affiliation(g, map[i], doc->actors[aff].id, err);
    }
    if (rc != PG_OK)
        goto done;
    for (size_t i = 0; i < doc->n_comentions; i++) {
        const pg_comention *c = &doc->comentions[i];
        size_t li;
        if (map[c->a] == map[c->b])
            continue;
        rc = pg_graph_link(g, map[c->a], map[c->b], &li, err);
        if (rc != PG_OK)
            goto done;
        pg_evidence e;
        evidence_from_doc(&e, doc, &doc->sentences[c->sentence]);
        g->links[li].co_mentions += 1;
        link_update_weight(g, &g->links[li]);
        if (evidence_insert(&g->links[li], &e) != PG_OK) {
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
            goto done;
        }
    }
    for (size_t i = 0; i < doc->n_events; i++) {
        const pg_event *ev = &doc->events[i];
        size_t li;
        if (map[ev->a] == map[ev->b])
            continue;
        rc = pg_graph_link(g, map[ev->a], map[ev->b], &li, err);
        if (rc != PG_OK)
            goto done;
        pg_interaction it;
        it.mode = ev->mode;
        it.status = ev->status;
        it.date = ev->date;
        it.initiator = ev->initiator >= 0 ? g->nodes[map[ev->initiator]].id : NULL;
        evidence_from_doc(&it.ev, doc, &doc->sentences[ev->sentence]);
        if (counts_speaks_with(ev->status))
            g->links[li].speaks_with += 1;
        link_update_weight(g, &g->links[li]);
        if (interaction_insert(&g->links[li], &it) != PG_OK) {
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
            goto done;
        }
    }
    g->documents += 1;
    g->analysed = 0;
    /*
     * Only the links of this document changed, and their weights were
     * updated above: all of them are only when the weights per count did.
     */
    const pg_index *ix = index_of(g);
    if (ix->w_co_mention != g->w_co_mention || ix->w_speaks_with != g->w_speaks_with)
        pg_graph_update_weights(g);
done:
    free(map);
    return rc;
}

/* *a += b for counts read from files, which may be as large as a long holds; -1 if it overflows */
static int add_count(long *a, long b)
{
    if (b > 0 ? *a > LONG_MAX - b : *a < LONG_MIN - b)
        return -1;
    *a += b;
    return 0;
}

int pg_graph_merge(pg_graph *g, const pg_graph *part, pg_error *err)
{
    if (g == part)
        return pg_error_set(err, PG_EUSAGE, "cannot merge a graph into itself");
    int rc = PG_OK;
    size_t *map = malloc((part->n_nodes ? part->n_nodes : 1) * sizeof *map);
    if (!map)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < part->n_nodes; i++) {
        const pg_node *n = &part->nodes[i];
        rc = pg_graph_add_node(g, n->id, n->label, n->kind, n->country, n->in_dictionary, &map[i],
                               err);
        if (rc != PG_OK)
            goto done;
        if (add_count(&g->nodes[map[i]].mentions, n->mentions) != 0 ||
            add_count(&g->nodes[map[i]].documents, n->documents) != 0) {
            rc = pg_error_set(err, PG_EINPUT, "'%.200s': the counts add up to more than %ld",
                              n->id, LONG_MAX);
            goto done;
        }
        if (n->affiliation &&
            (rc = pg_graph_set_affiliation(g, map[i], n->affiliation, err)) != PG_OK)
            goto done;
    }
    for (size_t i = 0; i < part->n_links; i++) {
        const pg_link *pl = &part->links[i];
        size_t li;
        rc = pg_graph_link(g, map[pl->source], map[pl->target], &li, err);
        if (rc != PG_OK)
            goto done;
        pg_link *l = &g->links[li];
        if (add_count(&l->co_mentions, pl->co_mentions) != 0 ||
            add_count(&l->speaks_with, pl->speaks_with) != 0) {
            rc = pg_error_set(err, PG_EINPUT,
                              "'%.200s' - '%.200s': the counts add up to more than %ld",
                              part->nodes[pl->source].id, part->nodes[pl->target].id, LONG_MAX);
            goto done;
        }
        for (size_t k = 0; k < pl->n_evidence; k++) {
            if (evidence_insert(l, &pl->evidence[k]) != PG_OK) {
                rc = pg_error_set(err, PG_ENOMEM, "out of memory");
                goto done;
            }
        }
        for (size_t k = 0; k < pl->n_interactions; k++) {
            if (interaction_insert(l, &pl->interactions[k]) != PG_OK) {
                rc = pg_error_set(err, PG_ENOMEM, "out of memory");
                goto done;
            }
        }
    }
    if (add_count(&g->documents, part->documents) != 0) {
        rc = pg_error_set(err, PG_EINPUT, "the documents add up to more than %ld", LONG_MAX);
        goto done;
    }
    pg_graph_update_weights(g);
done:
    g->analysed = 0;
    free(g->approximation);
    g->approximation = NULL;
    free(map);
    return rc;
}
