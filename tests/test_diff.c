#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "pg_diff.h"
#include "pg_graph.h"

/* ------------------------------------------------------------------ */
/* Hand-built graphs */

static pg_graph *new_graph(long documents)
{
    pg_graph *g = NULL;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    g->documents = documents;
    return g;
}

static void node(pg_graph *g, const char *id, const char *label, long mentions)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, label, PG_KIND_PERSON, "DEU", 1, &i, &err), PG_OK);
    g->nodes[i].mentions = mentions;
    g->nodes[i].documents = 1;
}

static pg_link *link_ab(pg_graph *g, const char *a, const char *b, long co_mentions,
                        long speaks_with)
{
    size_t li;
    pg_error err;
    long x = pg_graph_find_node(g, a), y = pg_graph_find_node(g, b);
    assert_true(x >= 0 && y >= 0);
    assert_int_equal(pg_graph_link(g, (size_t)x, (size_t)y, &li, &err), PG_OK);
    g->links[li].co_mentions = co_mentions;
    g->links[li].speaks_with = speaks_with;
    pg_graph_update_weights(g);
    return &g->links[li];
}

static char *dup(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    assert_non_null(d);
    strcpy(d, s);
    return d;
}

static void evidence(pg_link *l, const char *text)
{
    pg_evidence *v = realloc(l->evidence, (l->n_evidence + 1) * sizeof *v);
    assert_non_null(v);
    l->evidence = v;
    pg_evidence *e = &v[l->n_evidence++];
    memset(e, 0, sizeof *e);
    e->doc = dup("doc");
    e->text = dup(text);
}

/*
 * old: x (2 mentions), y (3), z (1); x-y 2 co-mentions, y-z 1 co-mention
 *      and 1 speaks-with (weight 1 + 3 = 4)
 */
static pg_graph *old_graph(void)
{
    pg_graph *g = new_graph(2);
    node(g, "x", "X", 2);
    node(g, "y", "Y", 3);
    node(g, "z", "Z", 1);
    link_ab(g, "x", "y", 2, 0);
    link_ab(g, "y", "z", 1, 1);
    return g;
}

/*
 * new: y has 4 mentions, x-y 3 co-mentions, w is new and linked to y,
 *      y-z is gone. Built in another order: the diff must not care.
 */
static pg_graph *new_graph_changed(void)
{
    pg_graph *g = new_graph(2);
    node(g, "z", "Z", 1);
    node(g, "w", "W", 1);
    node(g, "y", "Y", 4);
    node(g, "x", "X", 2);
    link_ab(g, "y", "w", 1, 0);
    link_ab(g, "y", "x", 3, 0);
    return g;
}

static pg_diff *diff_ok(const pg_graph *a, const pg_graph *b, const pg_diff_options *o)
{
    pg_diff *d = NULL;
    pg_error err;
    pg_error_clear(&err);
    if (pg_diff_graphs(a, b, o, &d, &err) != PG_OK)
        fail_msg("pg_diff_graphs: %s", err.msg);
    assert_non_null(d);
    return d;
}

static void assert_text(const pg_diff *d, const char *want)
{
    char *s = NULL;
    size_t len = 0;
    pg_error err;
    assert_int_equal(pg_diff_write_text(d, &s, &len, &err), PG_OK);
    assert_non_null(s);
    assert_int_equal(len, strlen(s));
    assert_string_equal(s, want);
    free(s);
}

/* ------------------------------------------------------------------ */

static void test_same(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = old_graph();
    pg_diff *d = diff_ok(a, b, NULL);
    assert_int_equal(d->n, 0);
    assert_text(d, "");
    pg_diff_free(d);
    d = diff_ok(a, a, NULL);
    assert_int_equal(d->n, 0);
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_changes(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = new_graph_changed();
    pg_diff *d = diff_ok(a, b, NULL);
    /* added, removed, then changed; nodes before links; by id; fields in a fixed order */
    assert_text(d, "+ node w\n"
                   "+ link w -- y\n"
                   "- link y -- z\n"
                   "~ node y mentions 3 -> 4\n"
                   "~ link x -- y co_mentions 2 -> 3\n"
                   "~ link x -- y weight 2 -> 3\n");
    assert_int_equal(d->n, 6);
    assert_int_equal(d->items[0].sign, PG_DIFF_ADDED);
    assert_int_equal(d->items[0].object, PG_DIFF_NODE);
    assert_null(d->items[0].field);
    assert_int_equal(d->items[3].type, PG_DIFF_INT);
    assert_int_equal(d->items[5].type, PG_DIFF_REAL);
    pg_diff_free(d);

    /* the other way round, the signs turn */
    d = diff_ok(b, a, NULL);
    assert_text(d, "+ link y -- z\n"
                   "- node w\n"
                   "- link w -- y\n"
                   "~ node y mentions 4 -> 3\n"
                   "~ link x -- y co_mentions 3 -> 2\n"
                   "~ link x -- y weight 3 -> 2\n");
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_structure(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = new_graph_changed();
    pg_diff_options o;
    pg_diff_options_init(&o);
    o.structure = 1;
    pg_diff *d = diff_ok(a, b, &o);
    assert_text(d, "+ node w\n+ link w -- y\n- link y -- z\n");
    pg_diff_free(d);

    /* only counts differ: the same structure */
    pg_graph *c = old_graph();
    c->nodes[0].mentions = 99;
    c->links[0].co_mentions = 99;
    c->documents = 7;
    d = diff_ok(a, c, &o);
    assert_int_equal(d->n, 0);
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
    pg_graph_free(c);
}

static void test_graph_and_attributes(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = old_graph();
    b->documents = 3;
    b->w_speaks_with = 2;
    pg_graph_update_weights(b); /* y-z: 1 + 2 = 3 instead of 4 */
    long x = pg_graph_find_node(b, "x");
    free(b->nodes[x].label);
    b->nodes[x].label = dup("Ex");
    b->nodes[x].kind = PG_KIND_COUNTRY;
    b->nodes[x].in_dictionary = 0;
    strcpy(b->nodes[x].country, "");
    pg_diff *d = diff_ok(a, b, NULL);
    assert_text(d, "~ graph documents 2 -> 3\n"
                   "~ graph weights.speaks_with 3 -> 2\n"
                   "~ node x label \"X\" -> \"Ex\"\n"
                   "~ node x kind \"person\" -> \"country\"\n"
                   "~ node x country \"DEU\" -> \"\"\n"
                   "~ node x in_dictionary true -> false\n"
                   "~ link y -- z weight 4 -> 3\n");
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_figures_and_tolerance(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = old_graph();
    a->nodes[0].fig.pagerank = 0.1;
    b->nodes[0].fig.pagerank = 0.1000002;
    a->nodes[1].fig.betweenness = 0.5;
    b->nodes[1].fig.betweenness = 0.5 + 5e-10; /* within the default 1e-9 */
    b->nodes[2].fig.community = 1;

    /* figures count only when both graphs have them */
    a->analysed = 1;
    pg_diff *d = diff_ok(a, b, NULL);
    assert_int_equal(d->n, 0);
    pg_diff_free(d);

    b->analysed = 1;
    d = diff_ok(a, b, NULL);
    assert_text(d, "~ node x pagerank 0.1 -> 0.1000002\n"
                   "~ node z community 0 -> 1\n");
    pg_diff_free(d);

    pg_diff_options o;
    pg_diff_options_init(&o);
    assert_float_equal(o.tolerance, 1e-9, 0);
    o.tolerance = 1e-3; /* reals only: the community still differs */
    d = diff_ok(a, b, &o);
    assert_text(d, "~ node z community 0 -> 1\n");
    pg_diff_free(d);

    o.tolerance = 0; /* exact */
    d = diff_ok(a, b, &o);
    assert_int_equal(d->n, 3);
    assert_string_equal(d->items[1].field, "betweenness");
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_records(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = old_graph();
    evidence(&a->links[0], "X met Y.");
    evidence(&b->links[0], "X phoned Y.");
    pg_diff *d = diff_ok(a, b, NULL);
    assert_text(d, "~ link x -- y evidence 1 -> 1 (records differ)\n");
    pg_diff_free(d);

    evidence(&b->links[0], "Y phoned X.");
    d = diff_ok(a, b, NULL);
    assert_text(d, "~ link x -- y evidence 1 -> 2\n");
    pg_diff_free(d);

    evidence(&a->links[0], "Y phoned X.");
    free(a->links[0].evidence[0].text);
    a->links[0].evidence[0].text = dup("X phoned Y.");
    d = diff_ok(a, b, NULL);
    assert_int_equal(d->n, 0);
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_json(void **state)
{
    (void)state;
    pg_graph *a = old_graph(), *b = new_graph_changed();
    pg_diff *d = diff_ok(a, b, NULL);
    char *s = NULL;
    size_t len = 0;
    pg_error err;
    assert_int_equal(pg_diff_write_json(d, &s, &len, &err), PG_OK);
    assert_int_equal(len, strlen(s));
    assert_int_equal(s[len - 1], '\n');
    json_error_t jerr;
    json_t *root = json_loads(s, 0, &jerr);
    assert_non_null(root);
    assert_true(json_is_false(json_object_get(root, "equal")));
    json_t *added = json_object_get(root, "nodes_added");
    assert_int_equal(json_array_size(added), 1);
    assert_string_equal(json_string_value(json_array_get(added, 0)), "w");
    assert_int_equal(json_array_size(json_object_get(root, "nodes_removed")), 0);
    json_t *links = json_object_get(root, "links_removed");
    assert_int_equal(json_array_size(links), 1);
    assert_string_equal(json_string_value(json_object_get(json_array_get(links, 0), "source")), "y");
    assert_string_equal(json_string_value(json_object_get(json_array_get(links, 0), "target")), "z");
    assert_int_equal(json_array_size(json_object_get(root, "links_added")), 1);
    json_t *changes = json_object_get(root, "changes");
    assert_int_equal(json_array_size(changes), 3);
    json_t *c = json_array_get(changes, 0);
    assert_string_equal(json_string_value(json_object_get(c, "object")), "node");
    assert_string_equal(json_string_value(json_object_get(c, "id")), "y");
    assert_string_equal(json_string_value(json_object_get(c, "field")), "mentions");
    assert_int_equal(json_integer_value(json_object_get(c, "old")), 3);
    assert_int_equal(json_integer_value(json_object_get(c, "new")), 4);
    c = json_array_get(changes, 2);
    assert_string_equal(json_string_value(json_object_get(c, "field")), "weight");
    assert_float_equal(json_real_value(json_object_get(c, "new")), 3.0, 0);
    json_decref(root);
    free(s);
    pg_diff_free(d);

    /* equal graphs: empty lists */
    d = diff_ok(a, a, NULL);
    assert_int_equal(pg_diff_write_json(d, &s, &len, &err), PG_OK);
    root = json_loads(s, 0, &jerr);
    assert_non_null(root);
    assert_true(json_is_true(json_object_get(root, "equal")));
    assert_int_equal(json_array_size(json_object_get(root, "changes")), 0);
    json_decref(root);
    free(s);
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

static void test_empty_graphs(void **state)
{
    (void)state;
    pg_graph *a = new_graph(0), *b = new_graph(0);
    pg_diff *d = diff_ok(a, b, NULL);
    assert_int_equal(d->n, 0);
    pg_diff_free(d);
    node(b, "solo", NULL, 1);
    d = diff_ok(a, b, NULL);
    assert_text(d, "+ node solo\n");
    pg_diff_free(d);
    pg_graph_free(a);
    pg_graph_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same),
        cmocka_unit_test(test_changes),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_graph_and_attributes),
        cmocka_unit_test(test_figures_and_tolerance),
        cmocka_unit_test(test_records),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_empty_graphs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
