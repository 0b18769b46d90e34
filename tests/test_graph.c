#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "pg_graph.h"

#define DAY_2017_03_14 17239 /* days since 1970-01-01 */

/* ------------------------------------------------------------------ */
/* Hand-built extraction records */

typedef struct doc_buf {
    pg_doc doc;
    pg_doc_actor actors[8];
    pg_doc_sentence sentences[16];
    pg_comention com[32];
    pg_event ev[16];
    char id[16];
    char text[16][48];
} doc_buf;

static void doc_init(doc_buf *b, const char *id)
{
    memset(b, 0, sizeof *b);
    snprintf(b->id, sizeof b->id, "%s", id);
    b->doc.id = b->id;
    b->doc.date = PG_DAY_NONE;
    b->doc.actors = b->actors;
    b->doc.sentences = b->sentences;
    b->doc.comentions = b->com;
    b->doc.events = b->ev;
}

static size_t doc_actor(doc_buf *b, char *id, char *label, int in_dictionary, const char *country,
                        unsigned mentions)
{
    pg_doc_actor *a = &b->actors[b->doc.n_actors];
    a->id = id;
    a->label = label;
    a->kind = PG_KIND_PERSON;
    snprintf(a->country, sizeof a->country, "%s", country);
    a->in_dictionary = in_dictionary;
    a->mentions = mentions;
    return b->doc.n_actors++;
}

static size_t doc_sentence(doc_buf *b, size_t index, size_t start, size_t end)
{
    size_t k = b->doc.n_sentences++;
    snprintf(b->text[k], sizeof b->text[k], "%s sentence %zu", b->id, index);
    b->sentences[k].index = index;
    b->sentences[k].start = start;
    b->sentences[k].end = end;
    b->sentences[k].text = b->text[k];
    return k;
}

static void doc_comention(doc_buf *b, size_t a, size_t c, size_t sentence)
{
    pg_comention *m = &b->com[b->doc.n_comentions++];
    m->a = a;
    m->b = c;
    m->sentence = sentence;
}

static void doc_event(doc_buf *b, size_t a, size_t c, pg_mode mode, pg_status status, pg_day date,
                      long initiator, size_t sentence)
{
    pg_event *e = &b->ev[b->doc.n_events++];
    e->a = a;
    e->b = c;
    e->mode = mode;
    e->status = status;
    e->date = date;
    e->initiator = initiator;
    e->sentence = sentence;
}

static pg_graph *new_graph(void)
{
    pg_graph *g;
    pg_error err;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    assert_non_null(g);
    return g;
}

static const pg_link *link_of(pg_graph *g, const char *a, const char *b)
{
    long ia = pg_graph_find_node(g, a), ib = pg_graph_find_node(g, b);
    assert_true(ia >= 0 && ib >= 0);
    size_t before = g->n_links, li;
    pg_error err;
    assert_int_equal(pg_graph_link(g, (size_t)ia, (size_t)ib, &li, &err), PG_OK);
    assert_int_equal(g->n_links, before); /* found, not created */
    return &g->links[li];
}

/* ------------------------------------------------------------------ */

static void test_new_defaults(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    assert_int_equal(g->n_nodes, 0);
    assert_int_equal(g->n_links, 0);
    assert_int_equal(g->documents, 0);
    assert_float_equal(g->w_co_mention, 1.0, 0.0);
    assert_float_equal(g->w_speaks_with, 3.0, 0.0);
    assert_false(g->analysed);
    assert_null(g->approximation);
    assert_int_equal(pg_graph_find_node(g, "angela-merkel"), -1);
    pg_graph_free(g);
    pg_graph_free(NULL);
}

/*
 * One article: Merkel and Macron met (occurred, Merkel hosting) and are
 * named together twice; Merkel did not call Putin (negated) in a sentence
 * naming both; Macron will speak with Putin (planned) in a sentence that is
 * not a co-mention record.
 */
static void build_summit(doc_buf *b)
{
    doc_init(b, "a1");
    size_t merkel = doc_actor(b, "angela-merkel", "Angela Merkel", 1, "DEU", 3);
    size_t macron = doc_actor(b, "emmanuel-macron", "Emmanuel Macron", 1, "FRA", 2);
    size_t putin = doc_actor(b, "vladimir-putin", "Vladimir Putin", 1, "RUS", 1);
    size_t s0 = doc_sentence(b, 2, 100, 180);
    size_t s1 = doc_sentence(b, 4, 200, 260);
    size_t s2 = doc_sentence(b, 7, 400, 470);
    doc_comention(b, merkel, macron, s0);
    doc_comention(b, merkel, macron, s1);
    doc_comention(b, merkel, putin, s1);
    doc_event(b, merkel, macron, PG_MODE_MEETING, PG_STATUS_OCCURRED, DAY_2017_03_14,
              (long)merkel, s0);
    doc_event(b, merkel, putin, PG_MODE_PHONE, PG_STATUS_NEGATED, PG_DAY_NONE, -1, s1);
    doc_event(b, macron, putin, PG_MODE_PHONE, PG_STATUS_PLANNED, PG_DAY_NONE, (long)macron, s2);
}

static void test_add_doc(void **state)
{
    (void)state;
    doc_buf b;
    build_summit(&b);
    pg_graph *g = new_graph();
    pg_error err;
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_OK);
    assert_int_equal(g->documents, 1);
    assert_int_equal(g->n_nodes, 3);
    assert_int_equal(g->n_links, 3);

    const pg_node *m = &g->nodes[pg_graph_find_node(g, "angela-merkel")];
    assert_string_equal(m->label, "Angela Merkel");
    assert_string_equal(m->country, "DEU");
    assert_true(m->in_dictionary);
    assert_int_equal(m->mentions, 3);
    assert_int_equal(m->documents, 1);
    assert_ptr_not_equal(m->id, b.actors[0].id); /* copied */

    const pg_link *mm = link_of(g, "emmanuel-macron", "angela-merkel");
    assert_string_equal(g->nodes[mm->source].id, "angela-merkel");
    assert_string_equal(g->nodes[mm->target].id, "emmanuel-macron");
    assert_int_equal(mm->co_mentions, 2);
    assert_int_equal(mm->speaks_with, 1);
    assert_float_equal(mm->weight, 2 * 1.0 + 1 * 3.0, 1e-12);
    assert_int_equal(mm->n_evidence, 2);
    assert_string_equal(mm->evidence[0].doc, "a1");
    assert_int_equal(mm->evidence[0].sentence, 2);
    assert_int_equal(mm->evidence[0].start, 100);
    assert_int_equal(mm->evidence[0].end, 180);
    assert_string_equal(mm->evidence[0].text, "a1 sentence 2");
    assert_ptr_not_equal(mm->evidence[0].text, b.text[0]);
    assert_int_equal(mm->evidence[1].sentence, 4);
    assert_int_equal(mm->n_interactions, 1);
    assert_int_equal(mm->interactions[0].mode, PG_MODE_MEETING);
    assert_int_equal(mm->interactions[0].status, PG_STATUS_OCCURRED);
    assert_int_equal(mm->interactions[0].date, DAY_2017_03_14);
    assert_string_equal(mm->interactions[0].initiator, "angela-merkel");
    assert_int_equal(mm->interactions[0].ev.sentence, 2);

    /* negated: kept, but no speaks_with and no weight from it */
    const pg_link *mp = link_of(g, "angela-merkel", "vladimir-putin");
    assert_int_equal(mp->co_mentions, 1);
    assert_int_equal(mp->speaks_with, 0);
    assert_float_equal(mp->weight, 1.0, 1e-12);
    assert_int_equal(mp->n_interactions, 1);
    assert_int_equal(mp->interactions[0].status, PG_STATUS_NEGATED);
    assert_null(mp->interactions[0].initiator);
    assert_int_equal(mp->interactions[0].date, PG_DAY_NONE);

    /* planned counts; no co-mention record, so no evidence */
    const pg_link *cp = link_of(g, "vladimir-putin", "emmanuel-macron");
    assert_int_equal(cp->co_mentions, 0);
    assert_int_equal(cp->speaks_with, 1);
    assert_float_equal(cp->weight, 3.0, 1e-12);
    assert_int_equal(cp->n_evidence, 0);
    assert_string_equal(cp->interactions[0].ev.text, "a1 sentence 7");

    /* a second article adds up */
    doc_buf b2;
    build_summit(&b2);
    snprintf(b2.id, sizeof b2.id, "a2");
    assert_int_equal(pg_graph_add_doc(g, &b2.doc, &err), PG_OK);
    assert_int_equal(g->documents, 2);
    assert_int_equal(g->n_nodes, 3);
    m = &g->nodes[pg_graph_find_node(g, "angela-merkel")];
    assert_int_equal(m->mentions, 6);
    assert_int_equal(m->documents, 2);
    mm = link_of(g, "angela-merkel", "emmanuel-macron");
    assert_int_equal(mm->co_mentions, 4);
    assert_int_equal(mm->speaks_with, 2);
    assert_float_equal(mm->weight, 4 * 1.0 + 2 * 3.0, 1e-12);
    assert_int_equal(mm->n_evidence, 4);
    const char *docs[] = {"a1", "a1", "a2", "a2"};
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(mm->evidence[i].doc, docs[i]);
    pg_graph_free(g);
}

static void test_custom_weights(void **state)
{
    (void)state;
    doc_buf b;
    build_summit(&b);
    pg_graph *g = new_graph();
    pg_error err;
    g->w_co_mention = 0.5;
    g->w_speaks_with = 10.0;
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_OK);
    assert_float_equal(link_of(g, "angela-merkel", "emmanuel-macron")->weight, 2 * 0.5 + 10.0, 1e-12);
    pg_graph_free(g);
}

/* A dictionary actor wins over a discovered one of the same id, in either order. */
static void test_dictionary_wins(void **state)
{
    (void)state;
    for (int order = 0; order < 2; order++) {
        doc_buf d1, d2;
        doc_init(&d1, "d1");
        doc_actor(&d1, "olaf-scholz", "OLAF SCHOLZ", 0, "", 2);
        doc_init(&d2, "d2");
        doc_actor(&d2, "olaf-scholz", "Olaf Scholz", 1, "DEU", 5);
        pg_graph *g = new_graph();
        pg_error err;
        assert_int_equal(pg_graph_add_doc(g, order ? &d2.doc : &d1.doc, &err), PG_OK);
        assert_int_equal(pg_graph_add_doc(g, order ? &d1.doc : &d2.doc, &err), PG_OK);
        assert_int_equal(g->n_nodes, 1);
        assert_string_equal(g->nodes[0].label, "Olaf Scholz");
        assert_string_equal(g->nodes[0].country, "DEU");
        assert_true(g->nodes[0].in_dictionary);
        assert_int_equal(g->nodes[0].mentions, 7);
        assert_int_equal(g->nodes[0].documents, 2);
        pg_graph_free(g);
    }
}

/*
 * Eight articles each name the pair once and report two calls: the
 * evidence keeps the 5 smallest by (doc, sentence, start), the interactions
 * the 10 smallest, whatever the order of arrival; counts stay exact.
 */
static void add_bound_doc(pg_graph *g, int k)
{
    doc_buf b;
    char id[16];
    snprintf(id, sizeof id, "doc%d", k);
    doc_init(&b, id);
    size_t x = doc_actor(&b, "kremlin", "Kremlin", 1, "RUS", 1);
    size_t y = doc_actor(&b, "white-house", "White House", 1, "USA", 1);
    size_t s0 = doc_sentence(&b, 9, 900, 950);
    size_t s1 = doc_sentence(&b, 3, 300, 350);
    doc_comention(&b, x, y, s0);
    doc_event(&b, x, y, PG_MODE_PHONE, PG_STATUS_OCCURRED, PG_DAY_NONE, -1, s0);
    doc_event(&b, x, y, PG_MODE_PHONE, k % 2 ? PG_STATUS_HYPOTHETICAL : PG_STATUS_OCCURRED,
              PG_DAY_NONE, (long)y, s1);
    pg_error err;
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_OK);
}

static void test_evidence_bound(void **state)
{
    (void)state;
    const int orders[2][8] = {{1, 2, 3, 4, 5, 6, 7, 8}, {8, 3, 6, 1, 7, 5, 2, 4}};
    for (int o = 0; o < 2; o++) {
        pg_graph *g = new_graph();
        for (int i = 0; i < 8; i++)
            add_bound_doc(g, orders[o][i]);
        const pg_link *l = link_of(g, "kremlin", "white-house");
        assert_int_equal(l->co_mentions, 8);
        assert_int_equal(l->speaks_with, 8 + 4); /* odd documents: hypothetical */
        assert_float_equal(l->weight, 8 * 1.0 + 12 * 3.0, 1e-12);
        assert_int_equal(l->n_evidence, PG_EVIDENCE_MAX);
        for (size_t i = 0; i < PG_EVIDENCE_MAX; i++) {
            char want[16];
            snprintf(want, sizeof want, "doc%zu", i + 1);
            assert_string_equal(l->evidence[i].doc, want);
            assert_int_equal(l->evidence[i].sentence, 9);
        }
        /* interactions: doc1 s3, doc1 s9, doc2 s3, doc2 s9, ... doc5 s9 */
        assert_int_equal(l->n_interactions, PG_INTERACTIONS_MAX);
        for (size_t i = 0; i < PG_INTERACTIONS_MAX; i++) {
            char want[16];
            snprintf(want, sizeof want, "doc%zu", i / 2 + 1);
            assert_string_equal(l->interactions[i].ev.doc, want);
            assert_int_equal(l->interactions[i].ev.sentence, i % 2 ? 9 : 3);
            if (i % 2 == 0)
                assert_string_equal(l->interactions[i].initiator, "white-house");
            else
                assert_null(l->interactions[i].initiator);
        }
        pg_graph_free(g);
    }
}

/* Sentence and start order within one document. */
static void test_evidence_order_in_doc(void **state)
{
    (void)state;
    doc_buf b;
    doc_init(&b, "x");
    size_t p = doc_actor(&b, "nato", "NATO", 1, "", 1);
    size_t q = doc_actor(&b, "united-nations", "United Nations", 1, "", 1);
    size_t s[4];
    s[0] = doc_sentence(&b, 5, 50, 60);
    s[1] = doc_sentence(&b, 1, 10, 20);
    s[2] = doc_sentence(&b, 5, 40, 45); /* same index, smaller start */
    s[3] = doc_sentence(&b, 0, 0, 5);
    for (size_t i = 0; i < 4; i++)
        doc_comention(&b, p, q, s[i]);
    pg_graph *g = new_graph();
    pg_error err;
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_OK);
    const pg_link *l = link_of(g, "nato", "united-nations");
    const size_t want_start[] = {0, 10, 40, 50};
    assert_int_equal(l->n_evidence, 4);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(l->evidence[i].start, want_start[i]);
    pg_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* merge(parts) == whole */

static char *pool_ids[] = {"angela-merkel", "china", "donald-trump", "nato", "xi-jinping"};
static char *pool_labels[] = {"Angela Merkel", "China", "Donald Trump", "NATO", "Xi Jinping"};

/* Article k: four of the five actors, six sentences, three events. */
static void make_doc(doc_buf *b, int k)
{
    char id[16];
    snprintf(id, sizeof id, "art%02d", k);
    doc_init(b, id);
    size_t act[5];
    size_t na = 0;
    for (size_t i = 0; i < 5; i++) {
        if ((int)i == k % 5)
            continue; /* one actor absent; the rest stay sorted by id */
        /* xi-jinping is discovered in even articles */
        int dict = !(i == 4 && k % 2 == 0);
        act[na++] = doc_actor(b, pool_ids[i], dict ? pool_labels[i] : "XI JINPING", dict,
                              dict ? "CHN" : "", (unsigned)(k + (int)i + 1));
    }
    for (size_t s = 0; s < 6; s++) {
        size_t si = doc_sentence(b, 2 * s + (size_t)(k % 2), s * 100 + (size_t)k, s * 100 + 60);
        size_t a = act[s % na], c = act[(s + 1 + (size_t)k) % na];
        if (a == c)
            continue;
        doc_comention(b, a < c ? a : c, a < c ? c : a, si);
    }
    for (size_t e = 0; e < 3; e++) {
        size_t a = act[e % na], c = act[(e + 2) % na];
        doc_event(b, a < c ? a : c, a < c ? c : a, (pg_mode)(e % 4), (pg_status)((e + (size_t)k) % 4),
                  (pg_day)(17000 + k), k % 3 == 0 ? -1 : (long)a, e);
    }
}

static pg_graph *build_docs(const int *ks, size_t n)
{
    pg_graph *g = new_graph();
    pg_error err;
    for (size_t i = 0; i < n; i++) {
        doc_buf b;
        make_doc(&b, ks[i]);
        assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_OK);
    }
    return g;
}

static void assert_evidence_equal(const pg_evidence *x, const pg_evidence *y)
{
    assert_string_equal(x->doc, y->doc);
    assert_int_equal(x->sentence, y->sentence);
    assert_int_equal(x->start, y->start);
    assert_int_equal(x->end, y->end);
    assert_string_equal(x->text, y->text);
}

static void assert_graphs_equal(pg_graph *x, pg_graph *y)
{
    pg_error err;
    assert_int_equal(pg_graph_sort(x, &err), PG_OK);
    assert_int_equal(pg_graph_sort(y, &err), PG_OK);
    assert_int_equal(x->documents, y->documents);
    assert_int_equal(x->n_nodes, y->n_nodes);
    assert_int_equal(x->n_links, y->n_links);
    for (size_t i = 0; i < x->n_nodes; i++) {
        const pg_node *a = &x->nodes[i], *b = &y->nodes[i];
        assert_string_equal(a->id, b->id);
        assert_string_equal(a->label, b->label);
        assert_string_equal(a->country, b->country);
        assert_int_equal(a->kind, b->kind);
        assert_int_equal(a->in_dictionary, b->in_dictionary);
        assert_int_equal(a->mentions, b->mentions);
        assert_int_equal(a->documents, b->documents);
    }
    for (size_t i = 0; i < x->n_links; i++) {
        const pg_link *a = &x->links[i], *b = &y->links[i];
        assert_int_equal(a->source, b->source);
        assert_int_equal(a->target, b->target);
        assert_int_equal(a->co_mentions, b->co_mentions);
        assert_int_equal(a->speaks_with, b->speaks_with);
        assert_float_equal(a->weight, b->weight, 1e-12);
        assert_int_equal(a->n_evidence, b->n_evidence);
        for (size_t k = 0; k < a->n_evidence; k++)
            assert_evidence_equal(&a->evidence[k], &b->evidence[k]);
        assert_int_equal(a->n_interactions, b->n_interactions);
        for (size_t k = 0; k < a->n_interactions; k++) {
            const pg_interaction *p = &a->interactions[k], *q = &b->interactions[k];
            assert_int_equal(p->mode, q->mode);
            assert_int_equal(p->status, q->status);
            assert_int_equal(p->date, q->date);
            if (p->initiator || q->initiator) {
                assert_non_null(p->initiator);
                assert_non_null(q->initiator);
                assert_string_equal(p->initiator, q->initiator);
            }
            assert_evidence_equal(&p->ev, &q->ev);
        }
    }
}

static void test_merge_equals_whole(void **state)
{
    (void)state;
    const int all[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    const int backwards[] = {11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    pg_graph *whole = build_docs(all, 12);
    pg_graph *reversed = build_docs(backwards, 12);
    pg_graph *part1 = build_docs(all, 5);
    pg_graph *part2 = build_docs(all + 5, 4);
    pg_graph *part3 = build_docs(all + 9, 3);
    pg_graph *merged = new_graph();
    pg_error err;
    /* the bounds were reached, or the test would prove little */
    size_t capped_ev = 0, capped_it = 0;
    for (size_t i = 0; i < whole->n_links; i++) {
        capped_ev += whole->links[i].co_mentions > PG_EVIDENCE_MAX;
        capped_it += whole->links[i].n_interactions == PG_INTERACTIONS_MAX;
    }
    assert_true(capped_ev > 0);
    assert_true(capped_it > 0);

    merged->analysed = 1;
    assert_int_equal(pg_graph_merge(merged, part3, &err), PG_OK);
    assert_false(merged->analysed);
    assert_int_equal(pg_graph_merge(merged, part1, &err), PG_OK);
    assert_int_equal(pg_graph_merge(merged, part2, &err), PG_OK);
    assert_int_equal(merged->documents, 12);
    assert_graphs_equal(whole, reversed);
    assert_graphs_equal(whole, merged);

    /* merging into a part that already holds documents */
    assert_int_equal(pg_graph_merge(part2, part1, &err), PG_OK);
    assert_int_equal(pg_graph_merge(part2, part3, &err), PG_OK);
    assert_graphs_equal(whole, part2);

    assert_int_equal(pg_graph_merge(merged, merged, &err), PG_EUSAGE);
    pg_graph_free(whole);
    pg_graph_free(reversed);
    pg_graph_free(part1);
    pg_graph_free(part2);
    pg_graph_free(part3);
    pg_graph_free(merged);
}

/* The target's weights stay; the part's are ignored. */
static void test_merge_keeps_weights(void **state)
{
    (void)state;
    doc_buf b;
    build_summit(&b);
    pg_graph *g = new_graph(), *part = new_graph();
    pg_error err;
    part->w_co_mention = 100.0;
    assert_int_equal(pg_graph_add_doc(part, &b.doc, &err), PG_OK);
    assert_int_equal(pg_graph_merge(g, part, &err), PG_OK);
    assert_float_equal(g->w_co_mention, 1.0, 0.0);
    assert_float_equal(link_of(g, "angela-merkel", "emmanuel-macron")->weight, 5.0, 1e-12);
    pg_graph_free(g);
    pg_graph_free(part);
}

/* Counts from files can be as large as a long holds: their sum must not overflow. */
static void test_merge_overflow(void **state)
{
    (void)state;
    pg_graph *g = new_graph(), *part = new_graph();
    pg_error err;
    size_t a, b, l;
    assert_int_equal(pg_graph_add_node(g, "a", NULL, PG_KIND_PERSON, "", 0, &a, &err), PG_OK);
    assert_int_equal(pg_graph_add_node(g, "b", NULL, PG_KIND_PERSON, "", 0, &b, &err), PG_OK);
    assert_int_equal(pg_graph_link(g, a, b, &l, &err), PG_OK);
    g->links[l].co_mentions = LONG_MAX;
    assert_int_equal(pg_graph_add_node(part, "a", NULL, PG_KIND_PERSON, "", 0, &a, &err), PG_OK);
    assert_int_equal(pg_graph_add_node(part, "b", NULL, PG_KIND_PERSON, "", 0, &b, &err), PG_OK);
    assert_int_equal(pg_graph_link(part, a, b, &l, &err), PG_OK);
    part->links[l].co_mentions = 1;
    assert_int_equal(pg_graph_merge(g, part, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "'a' - 'b': the counts add up to more than"));

    pg_graph_free(part);
    part = new_graph();
    assert_int_equal(pg_graph_add_node(part, "a", NULL, PG_KIND_PERSON, "", 0, &a, &err), PG_OK);
    part->nodes[a].mentions = LONG_MAX;
    g->nodes[pg_graph_find_node(g, "a")].mentions = 1;
    assert_int_equal(pg_graph_merge(g, part, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "'a': the counts add up to more than"));
    pg_graph_free(g);
    pg_graph_free(part);
}

/* ------------------------------------------------------------------ */

static void test_sort(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    pg_error err;
    const char *ids[] = {"vladimir-putin", "angela-merkel", "nato", "china", "emmanuel-macron"};
    size_t ix[5];
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(pg_graph_add_node(g, ids[i], NULL, PG_KIND_PERSON, NULL, 1, &ix[i], &err),
                         PG_OK);
    assert_string_equal(g->nodes[0].label, "vladimir-putin"); /* label defaults to the id */
    /* pairs given in both orders */
    const size_t pairs[][2] = {{0, 1}, {2, 3}, {4, 1}, {3, 0}, {1, 2}, {4, 0}};
    for (size_t k = 0; k < 6; k++) {
        size_t li;
        assert_int_equal(pg_graph_link(g, ix[pairs[k][0]], ix[pairs[k][1]], &li, &err), PG_OK);
        g->links[li].co_mentions = (long)k + 1;
        const pg_link *l = &g->links[li];
        assert_true(strcmp(g->nodes[l->source].id, g->nodes[l->target].id) < 0);
    }
    pg_graph_update_weights(g);
    assert_int_equal(pg_graph_sort(g, &err), PG_OK);
    const char *sorted[] = {"angela-merkel", "china", "emmanuel-macron", "nato", "vladimir-putin"};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(g->nodes[i].id, sorted[i]);
        assert_int_equal(pg_graph_find_node(g, sorted[i]), (long)i);
    }
    /* (source id, target id) with co_mentions following their link */
    const char *want[][2] = {{"angela-merkel", "emmanuel-macron"}, {"angela-merkel", "nato"},
                             {"angela-merkel", "vladimir-putin"},  {"china", "nato"},
                             {"china", "vladimir-putin"},          {"emmanuel-macron", "vladimir-putin"}};
    const long want_co[] = {3, 5, 1, 2, 4, 6};
    assert_int_equal(g->n_links, 6);
    for (size_t k = 0; k < 6; k++) {
        const pg_link *l = &g->links[k];
        assert_string_equal(g->nodes[l->source].id, want[k][0]);
        assert_string_equal(g->nodes[l->target].id, want[k][1]);
        assert_int_equal(l->co_mentions, want_co[k]);
        assert_float_equal(l->weight, (double)want_co[k], 0.0);
        assert_ptr_equal(link_of(g, want[k][1], want[k][0]), l);
    }
    pg_graph_free(g);
}

static void test_lookup_many(void **state)
{
    (void)state;
    enum { N = 10000 };
    pg_graph *g = new_graph();
    pg_error err;
    char id[16];
    /* a permutation of 0..N-1 (7919 is prime, so coprime with N) */
    for (size_t k = 0; k < N; k++) {
        size_t i = (k * 7919) % N, at;
        snprintf(id, sizeof id, "actor-%05zu", i);
        assert_int_equal(pg_graph_add_node(g, id, id, PG_KIND_PERSON, "", 0, &at, &err), PG_OK);
        assert_int_equal(at, k);
    }
    assert_int_equal(g->n_nodes, N);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < N; i++) {
            snprintf(id, sizeof id, "actor-%05zu", i);
            long at = pg_graph_find_node(g, id);
            assert_true(at >= 0);
            assert_string_equal(g->nodes[at].id, id);
            if (pass == 1)
                assert_int_equal(at, (long)i); /* sorted */
        }
        assert_int_equal(pg_graph_find_node(g, "actor-10000"), -1);
        assert_int_equal(pg_graph_find_node(g, "actor-0000"), -1);
        assert_int_equal(pg_graph_find_node(g, ""), -1);
        /* adding again returns the same node */
        size_t at;
        assert_int_equal(pg_graph_add_node(g, "actor-04242", "x", PG_KIND_PERSON, "", 0, &at, &err),
                         PG_OK);
        assert_int_equal(g->n_nodes, N);
        assert_string_equal(g->nodes[at].id, "actor-04242");
        if (pass == 0) {
            /* links i -- i+1 and i -- i+7 */
            for (size_t i = 0; i + 7 < N; i++) {
                size_t li;
                assert_int_equal(pg_graph_link(g, i, i + 1, &li, &err), PG_OK);
                g->links[li].co_mentions += 1;
                assert_int_equal(pg_graph_link(g, i + 7, i, &li, &err), PG_OK);
                g->links[li].co_mentions += 1;
            }
            assert_int_equal(g->n_links, 2 * (N - 7));
        }
        size_t n_links = g->n_links;
        for (size_t i = 0; i < g->n_links; i++) {
            size_t li;
            const pg_link *l = &g->links[i];
            assert_int_equal(pg_graph_link(g, l->target, l->source, &li, &err), PG_OK);
            assert_int_equal(li, i);
        }
        assert_int_equal(g->n_links, n_links);
        assert_int_equal(pg_graph_sort(g, &err), PG_OK);
    }
    /* after sorting, links follow id order */
    for (size_t i = 1; i < g->n_links; i++) {
        const pg_link *a = &g->links[i - 1], *b = &g->links[i];
        assert_true(a->source < b->source || (a->source == b->source && a->target < b->target));
    }
    pg_graph_free(g);
}

static void test_errors(void **state)
{
    (void)state;
    pg_graph *g = new_graph();
    pg_error err;
    size_t a, li;
    assert_int_equal(pg_graph_add_node(g, "nato", "NATO", PG_KIND_ORGANIZATION, "", 1, &a, &err), PG_OK);
    assert_int_equal(pg_graph_link(g, a, a, &li, &err), PG_EUSAGE);
    assert_int_equal(pg_graph_link(g, a, 5, &li, &err), PG_EUSAGE);
    assert_int_equal(pg_graph_add_node(g, "", "x", PG_KIND_PERSON, "", 0, &a, &err), PG_EUSAGE);

    doc_buf b;
    build_summit(&b);
    b.com[1].sentence = 99;
    pg_error_clear(&err);
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_EINPUT);
    assert_int_equal(err.code, PG_EINPUT);
    assert_non_null(strstr(err.msg, "a1"));
    build_summit(&b);
    b.ev[0].initiator = 3;
    assert_int_equal(pg_graph_add_doc(g, &b.doc, &err), PG_EINPUT);
    /* a rejected record leaves the graph as it was */
    assert_int_equal(g->n_nodes, 1);
    assert_int_equal(g->documents, 0);
    pg_graph_free(g);
}

static void test_evidence_copy(void **state)
{
    (void)state;
    pg_evidence src = {"doc", 1, 2, 3, "text"}, dst;
    assert_int_equal(pg_evidence_copy(&dst, &src), PG_OK);
    assert_string_equal(dst.doc, "doc");
    assert_string_equal(dst.text, "text");
    assert_ptr_not_equal(dst.doc, src.doc);
    assert_int_equal(dst.sentence, 1);
    assert_int_equal(dst.start, 2);
    assert_int_equal(dst.end, 3);
    pg_evidence_release(&dst);
    assert_null(dst.doc);
    pg_evidence none = {NULL, 0, 0, 0, NULL};
    assert_int_equal(pg_evidence_copy(&dst, &none), PG_OK);
    assert_null(dst.text);
    pg_evidence_release(&dst);
    pg_evidence_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_defaults),
        cmocka_unit_test(test_add_doc),
        cmocka_unit_test(test_custom_weights),
        cmocka_unit_test(test_dictionary_wins),
        cmocka_unit_test(test_evidence_bound),
        cmocka_unit_test(test_evidence_order_in_doc),
        cmocka_unit_test(test_merge_equals_whole),
        cmocka_unit_test(test_merge_keeps_weights),
        cmocka_unit_test(test_merge_overflow),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_lookup_many),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_evidence_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
