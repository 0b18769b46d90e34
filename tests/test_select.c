#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "pg_graph.h"
#include "pg_select.h"

/* ------------------------------------------------------------------ */
/* Hand-built graphs */

static pg_graph *new_graph(void)
{
    pg_graph *g = NULL;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    g->documents = 3;
    return g;
}

static size_t node(pg_graph *g, const char *id, pg_kind kind, long mentions)
{
    size_t i;
    pg_error err;
    assert_int_equal(pg_graph_add_node(g, id, NULL, kind, "", 1, &i, &err), PG_OK);
    g->nodes[i].mentions = mentions;
    g->nodes[i].documents = 1;
    return i;
}

static pg_link *link_ab(pg_graph *g, const char *a, const char *b, long co_mentions)
{
    size_t li;
    pg_error err;
    long x = pg_graph_find_node(g, a), y = pg_graph_find_node(g, b);
    assert_true(x >= 0 && y >= 0);
    assert_int_equal(pg_graph_link(g, (size_t)x, (size_t)y, &li, &err), PG_OK);
    g->links[li].co_mentions = co_mentions;
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

/* Appends an interaction; occurred and planned ones count in speaks_with. */
static void interaction(pg_graph *g, pg_link *l, pg_day date, pg_status status)
{
    pg_interaction *v = realloc(l->interactions, (l->n_interactions + 1) * sizeof *v);
    assert_non_null(v);
    l->interactions = v;
    pg_interaction *it = &v[l->n_interactions++];
    memset(it, 0, sizeof *it);
    it->mode = PG_MODE_PHONE;
    it->status = status;
    it->date = date;
    it->initiator = dup("p");
    it->ev.doc = dup("doc");
    it->ev.sentence = l->n_interactions;
    it->ev.text = dup("They spoke by phone.");
    if (status == PG_STATUS_OCCURRED || status == PG_STATUS_PLANNED)
        l->speaks_with++;
    pg_graph_update_weights(g);
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
 * a, b, e, f persons; c an organisation; d a country; f has no link.
 *   a-b 3, b-c 1, c-d 2, d-e 5, a-c 4 (weights = co-mentions)
 */
static pg_graph *five_links(void)
{
    pg_graph *g = new_graph();
    node(g, "a", PG_KIND_PERSON, 5);
    node(g, "b", PG_KIND_PERSON, 9);
    node(g, "c", PG_KIND_ORGANIZATION, 9);
    node(g, "d", PG_KIND_COUNTRY, 1);
    node(g, "e", PG_KIND_PERSON, 7);
    node(g, "f", PG_KIND_PERSON, 0);
    link_ab(g, "a", "b", 3);
    link_ab(g, "b", "c", 1);
    link_ab(g, "c", "d", 2);
    link_ab(g, "d", "e", 5);
    link_ab(g, "a", "c", 4);
    return g;
}

static pg_graph *select_ok(pg_graph *g, const pg_select *s)
{
    pg_graph *r = NULL;
    pg_error err;
    pg_error_clear(&err);
    int rc = pg_select_apply(g, s, 42, &r, &err);
    if (rc != PG_OK)
        fail_msg("pg_select_apply: %s", err.msg);
    assert_non_null(r);
    assert_true(r->analysed);
    return r;
}

/* "a b c" == the node ids of r, in order (r is sorted). */
static void assert_nodes(const pg_graph *r, const char *want)
{
    char got[256] = "";
    for (size_t i = 0; i < r->n_nodes; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, r->nodes[i].id);
    }
    assert_string_equal(got, want);
}

/* "a-b c-d" == the links of r as id pairs, in order. */
static void assert_links(const pg_graph *r, const char *want)
{
    char got[256] = "";
    for (size_t i = 0; i < r->n_links; i++) {
        if (i)
            strcat(got, " ");
        strcat(got, r->nodes[r->links[i].source].id);
        strcat(got, "-");
        strcat(got, r->nodes[r->links[i].target].id);
    }
    assert_string_equal(got, want);
}

static const pg_link *find_link(const pg_graph *r, const char *a, const char *b)
{
    for (size_t i = 0; i < r->n_links; i++) {
        const char *s = r->nodes[r->links[i].source].id, *t = r->nodes[r->links[i].target].id;
        if (strcmp(s, a) == 0 && strcmp(t, b) == 0)
            return &r->links[i];
    }
    return NULL;
}

/* ------------------------------------------------------------------ */

static void test_init_selects_nothing(void **state)
{
    (void)state;
    pg_select s;
    pg_select_init(&s);
    assert_false(pg_select_active(&s));
    assert_int_equal(s.depth, 1);
    s.kinds = 1u << PG_KIND_PERSON;
    assert_true(pg_select_active(&s));

    /* an empty selection copies everything */
    pg_select_init(&s);
    pg_graph *g = five_links();
    pg_graph *r = select_ok(g, &s);
    assert_nodes(r, "a b c d e f");
    assert_links(r, "a-b a-c b-c c-d d-e");
    assert_int_equal(r->documents, 3);
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_default_top(void **state)
{
    (void)state;
    assert_int_equal(pg_select_default_top(0), 0);
    assert_int_equal(pg_select_default_top(10), 10);
    assert_int_equal(pg_select_default_top(PG_SELECT_DEFAULT_TOP), PG_SELECT_DEFAULT_TOP);
    assert_int_equal(pg_select_default_top(PG_SELECT_DEFAULT_TOP + 1), PG_SELECT_DEFAULT_TOP);
    assert_int_equal(pg_select_default_top(100000), PG_SELECT_DEFAULT_TOP);
}

static void test_min_weight(void **state)
{
    (void)state;
    pg_graph *g = five_links();
    pg_select s;
    pg_select_init(&s);
    s.has_min_weight = 1;
    s.min_weight = 2; /* b-c (1) goes; f has no link and goes too */
    pg_graph *r = select_ok(g, &s);
    assert_nodes(r, "a b c d e");
    assert_links(r, "a-b a-c c-d d-e");
    pg_graph_free(r);

    s.min_weight = 3.5; /* a-c (4) and d-e (5) stay; b loses its links */
    r = select_ok(g, &s);
    assert_nodes(r, "a c d e");
    assert_links(r, "a-c d-e");
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_kinds(void **state)
{
    (void)state;
    pg_graph *g = five_links();
    pg_select s;
    pg_select_init(&s);
    s.kinds = 1u << PG_KIND_PERSON;
    pg_graph *r = select_ok(g, &s);
    /* no link filter: persons without links (e, f) stay */
    assert_nodes(r, "a b e f");
    assert_links(r, "a-b");
    pg_graph_free(r);

    s.kinds = (1u << PG_KIND_PERSON) | (1u << PG_KIND_COUNTRY);
    r = select_ok(g, &s);
    assert_nodes(r, "a b d e f");
    assert_links(r, "a-b d-e");
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_figures_recomputed(void **state)
{
    (void)state;
    pg_graph *g = five_links();
    pg_select s;
    pg_select_init(&s);
    s.kinds = 1u << PG_KIND_PERSON;
    pg_graph *r = select_ok(g, &s);
    long a = pg_graph_find_node(r, "a");
    assert_true(a >= 0);
    /* a has b and c in the whole graph, only b among the persons */
    assert_int_equal(r->nodes[a].fig.degree, 1);
    assert_float_equal(r->nodes[a].fig.strength, 3.0, 1e-12);
    /* a copy: the counts come along */
    assert_int_equal(r->nodes[a].mentions, 5);
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_ego(void **state)
{
    (void)state;
    pg_graph *g = five_links();
    pg_select s;
    pg_select_init(&s);
    s.ego = "a";
    pg_graph *r = select_ok(g, &s); /* depth 1: b and c */
    assert_nodes(r, "a b c");
    assert_links(r, "a-b a-c b-c");
    pg_graph_free(r);

    s.depth = 2; /* d through c */
    r = select_ok(g, &s);
    assert_nodes(r, "a b c d");
    assert_links(r, "a-b a-c b-c c-d");
    pg_graph_free(r);

    s.depth = 0;
    r = select_ok(g, &s);
    assert_nodes(r, "a");
    assert_links(r, "");
    pg_graph_free(r);

    /* paths use only the links that remain: without b-c (1) and a-b (3), c is 1 hop, b none */
    s.depth = 1;
    s.has_min_weight = 1;
    s.min_weight = 4;
    r = select_ok(g, &s);
    assert_nodes(r, "a c");
    pg_graph_free(r);

    /* the ego stays even when its kind is not asked for */
    pg_select_init(&s);
    s.ego = "c";
    s.kinds = 1u << PG_KIND_PERSON;
    r = select_ok(g, &s);
    assert_nodes(r, "a b c");
    assert_links(r, "a-b a-c b-c");
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_ego_unknown_suggests(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    node(g, "vladimir-putin", PG_KIND_PERSON, 1);
    node(g, "donald-trump", PG_KIND_PERSON, 1);
    node(g, "russia", PG_KIND_COUNTRY, 1);
    link_ab(g, "vladimir-putin", "donald-trump", 1);
    static const struct {
        const char *ego, *want;
    } cases[] = {
        {"putin", "did you mean 'vladimir-putin'?"},
        {"Donald Trump", "did you mean 'donald-trump'?"},
        {"vladimir-putni", "did you mean 'vladimir-putin'?"}, /* two letters swapped */
        {"russa", "did you mean 'russia'?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pg_select s;
        pg_select_init(&s);
        s.ego = cases[i].ego;
        pg_graph *r = NULL;
        pg_error err;
        pg_error_clear(&err);
        assert_int_equal(pg_select_apply(g, &s, 42, &r, &err), PG_EUSAGE);
        assert_null(r);
        assert_non_null(strstr(err.msg, cases[i].ego));
        if (!strstr(err.msg, cases[i].want))
            fail_msg("'%s': got '%s', want '%s'", cases[i].ego, err.msg, cases[i].want);
    }
    /* nothing close: no suggestion */
    pg_select s;
    pg_select_init(&s);
    s.ego = "xxxxxxxxxxxx";
    pg_graph *r = NULL;
    pg_error err;
    assert_int_equal(pg_select_apply(g, &s, 42, &r, &err), PG_EUSAGE);
    assert_null(strstr(err.msg, "did you mean"));
    pg_graph_free(g);
}

static void test_top_by_mentions(void **state)
{
    (void)state;
    pg_graph *g = five_links();
    pg_select s;
    pg_select_init(&s);
    s.top = 3;
    s.by = "mentions"; /* b 9, c 9 (tie: b first by id), e 7, a 5, d 1, f 0 */
    pg_graph *r = select_ok(g, &s);
    assert_nodes(r, "b c e");
    assert_links(r, "b-c"); /* e is kept without a link */
    pg_graph_free(r);

    s.top = 2;
    r = select_ok(g, &s);
    assert_nodes(r, "b c");
    pg_graph_free(r);

    /* the ego counts as one of the N and always stays */
    s.ego = "d";
    s.depth = 5;
    r = select_ok(g, &s);
    assert_nodes(r, "b d");
    assert_links(r, "");
    pg_graph_free(r);
    pg_graph_free(g);
}

static void test_top_by_pagerank(void **state)
{
    (void)state;
    /* a star: the centre has the highest pagerank */
    pg_graph *g = new_graph();
    node(g, "leaf-c", PG_KIND_PERSON, 1);
    node(g, "leaf-a", PG_KIND_PERSON, 1);
    node(g, "leaf-b", PG_KIND_PERSON, 1);
    node(g, "zentrum", PG_KIND_PERSON, 1);
    link_ab(g, "zentrum", "leaf-a", 2);
    link_ab(g, "zentrum", "leaf-b", 2);
    link_ab(g, "zentrum", "leaf-c", 2);
    assert_false(g->analysed);
    pg_select s;
    pg_select_init(&s);
    s.top = 1; /* pagerank by default: the graph is analysed first */
    pg_graph *r = select_ok(g, &s);
    assert_true(g->analysed);
    assert_nodes(r, "zentrum");
    assert_links(r, "");
    pg_graph_free(r);

    size_t *order = NULL;
    pg_error err;
    assert_int_equal(pg_select_rank(g, NULL, &order, &err), PG_OK);
    assert_string_equal(g->nodes[order[0]].id, "zentrum");
    free(order);
    /* equal mentions everywhere: the order is that of the ids */
    assert_int_equal(pg_select_rank(g, "mentions", &order, &err), PG_OK);
    assert_string_equal(g->nodes[order[0]].id, "leaf-a");
    assert_string_equal(g->nodes[order[1]].id, "leaf-b");
    assert_string_equal(g->nodes[order[2]].id, "leaf-c");
    assert_string_equal(g->nodes[order[3]].id, "zentrum");
    free(order);

    assert_int_equal(pg_select_rank(g, "fame", &order, &err), PG_EUSAGE);
    assert_null(order);
    s.by = "fame";
    assert_int_equal(pg_select_apply(g, &s, 42, &r, &err), PG_EUSAGE);
    pg_graph_free(g);
}

/*
 * p-q: 2 co-mentions, interactions 2020-01-10 occurred, 2020-03-01 planned,
 *      2020-02-01 negated, undated occurred; speaks_with 3, one evidence
 * q-r: 4 co-mentions, no interaction
 * p-s: 2019-12-31 occurred; speaks_with 1
 */
static pg_graph *dated(void)
{
    pg_graph *g = new_graph();
    node(g, "p", PG_KIND_PERSON, 1);
    node(g, "q", PG_KIND_PERSON, 1);
    node(g, "r", PG_KIND_PERSON, 1);
    node(g, "s", PG_KIND_PERSON, 1);
    pg_link *l = link_ab(g, "p", "q", 2);
    interaction(g, l, pg_day_from_ymd(2020, 1, 10), PG_STATUS_OCCURRED);
    interaction(g, l, pg_day_from_ymd(2020, 3, 1), PG_STATUS_PLANNED);
    interaction(g, l, pg_day_from_ymd(2020, 2, 1), PG_STATUS_NEGATED);
    interaction(g, l, PG_DAY_NONE, PG_STATUS_OCCURRED);
    evidence(l, "P and Q were mentioned.");
    link_ab(g, "q", "r", 4);
    l = link_ab(g, "p", "s", 0);
    interaction(g, l, pg_day_from_ymd(2019, 12, 31), PG_STATUS_OCCURRED);
    return g;
}

static void test_dates(void **state)
{
    (void)state;
    pg_graph *g = dated();
    const pg_link *pq = find_link(g, "p", "q");
    assert_int_equal(pq->speaks_with, 3);
    assert_float_equal(pq->weight, 2 + 3 * 3.0, 1e-12);

    pg_select s;
    pg_select_init(&s);
    s.since = pg_day_from_ymd(2020, 1, 1);
    s.until = pg_day_from_ymd(2020, 2, 15);
    pg_graph *r = select_ok(g, &s);
    /* p-q keeps 01-10 (occurred) and 02-01 (negated); q-r and p-s go, and r and s with them */
    assert_nodes(r, "p q");
    assert_links(r, "p-q");
    const pg_link *l = find_link(r, "p", "q");
    assert_int_equal(l->n_interactions, 2);
    assert_int_equal(l->speaks_with, 1);
    assert_int_equal(l->co_mentions, 2);
    assert_int_equal(l->n_evidence, 1);
    assert_string_equal(l->evidence[0].text, "P and Q were mentioned.");
    assert_float_equal(l->weight, 2 + 3 * 1.0, 1e-12);
    pg_graph_free(r);

    /* the input is not changed */
    pq = find_link(g, "p", "q");
    assert_int_equal(pq->n_interactions, 4);
    assert_int_equal(pq->speaks_with, 3);

    /* open ends, inclusive */
    pg_select_init(&s);
    s.since = pg_day_from_ymd(2020, 2, 1);
    r = select_ok(g, &s);
    assert_links(r, "p-q");
    l = find_link(r, "p", "q");
    assert_int_equal(l->n_interactions, 2); /* 02-01 negated, 03-01 planned */
    assert_int_equal(l->speaks_with, 1);
    pg_graph_free(r);

    pg_select_init(&s);
    s.until = pg_day_from_ymd(2019, 12, 31);
    r = select_ok(g, &s);
    assert_nodes(r, "p s");
    assert_links(r, "p-s");
    pg_graph_free(r);

    /* with a weight floor: p-q weighs 5 in the range, below 6 */
    pg_select_init(&s);
    s.since = pg_day_from_ymd(2020, 1, 1);
    s.until = pg_day_from_ymd(2020, 2, 15);
    s.has_min_weight = 1;
    s.min_weight = 6;
    r = select_ok(g, &s);
    assert_int_equal(r->n_nodes, 0);
    assert_int_equal(r->n_links, 0);
    pg_graph_free(r);

    /* an empty range is an error */
    pg_select_init(&s);
    s.since = pg_day_from_ymd(2020, 2, 1);
    s.until = pg_day_from_ymd(2020, 1, 1);
    pg_error err;
    assert_int_equal(pg_select_apply(g, &s, 42, &r, &err), PG_EUSAGE);
    assert_null(r);
    pg_graph_free(g);
}

static void test_copy_outlives_input(void **state)
{
    (void)state;
    pg_graph *g = dated();
    pg_select s;
    pg_select_init(&s);
    s.ego = "p";
    pg_graph *r = select_ok(g, &s);
    pg_graph_free(g);
    /* every string is the selection's own (AddressSanitizer would object) */
    assert_nodes(r, "p q s");
    const pg_link *l = find_link(r, "p", "q");
    assert_non_null(l);
    assert_int_equal(l->n_interactions, 4);
    assert_string_equal(l->interactions[0].ev.text, "They spoke by phone.");
    assert_string_equal(l->interactions[0].initiator, "p");
    assert_int_equal(l->speaks_with, 3);
    pg_graph_free(r);
}

static void test_values(void **state)
{
    (void)state;
    pg_node n;
    memset(&n, 0, sizeof n);
    n.mentions = 7;
    n.documents = 2;
    n.fig.degree = 3;
    n.fig.pagerank = 0.25;
    n.fig.community = 4;
    double v;
    int fig = -1;
    assert_int_equal(pg_select_value(&n, "mentions", &v), 0);
    assert_float_equal(v, 7, 0);
    assert_int_equal(pg_select_value(&n, "pagerank", &v), 0);
    assert_float_equal(v, 0.25, 0);
    assert_int_equal(pg_select_value(&n, "degree", &v), 0);
    assert_float_equal(v, 3, 0);
    assert_int_equal(pg_select_value(&n, "community", &v), 0);
    assert_float_equal(v, 4, 0);
    assert_int_equal(pg_select_value(&n, "fame", &v), -1);
    assert_true(pg_select_known("documents", &fig));
    assert_int_equal(fig, 0);
    assert_true(pg_select_known("betweenness", &fig));
    assert_int_equal(fig, 1);
    assert_false(pg_select_known("fame", &fig));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_selects_nothing),
        cmocka_unit_test(test_default_top),
        cmocka_unit_test(test_min_weight),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_figures_recomputed),
        cmocka_unit_test(test_ego),
        cmocka_unit_test(test_ego_unknown_suggests),
        cmocka_unit_test(test_top_by_mentions),
        cmocka_unit_test(test_top_by_pagerank),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_copy_outlives_input),
        cmocka_unit_test(test_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
