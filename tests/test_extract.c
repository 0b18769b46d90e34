/*
 * Extraction of one article: actors from the dictionary and discovered,
 * coreference by surname, page furniture, co-mentions, hyphenated pairs,
 * and relative dates of events.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_discover.h"
#include "pg_events.h"
#include "pg_given_names.h"
#include "pg_extract.h"
#include "pg_graph.h"
#include "pg_json.h"

static const char *const pg_test_dict =
    "{\"actors\": ["
    " {\"id\": \"angela-merkel\", \"name\": \"Angela Merkel\", \"kind\": \"person\","
    "  \"country\": \"DEU\", \"aliases\": [\"Merkel\"],"
    "  \"roles\": [{\"title\": \"Chancellor\", \"from\": \"2005-11-22\", \"to\": \"2021-12-08\","
    "   \"descriptions\": [\"German chancellor\"]}]},"
    " {\"id\": \"donald-trump\", \"name\": \"Donald Trump\", \"kind\": \"person\","
    "  \"country\": \"USA\", \"aliases\": [\"Trump\"],"
    "  \"roles\": [{\"title\": \"President\", \"from\": \"2017-01-20\", \"to\": \"2021-01-20\","
    "   \"descriptions\": [\"US president\"]}]},"
    " {\"id\": \"joe-biden\", \"name\": \"Joe Biden\", \"kind\": \"person\", \"aliases\": [\"Biden\"]},"
    " {\"id\": \"xi-jinping\", \"name\": \"Xi Jinping\", \"kind\": \"person\", \"aliases\": [\"Xi\"]},"
    " {\"id\": \"russia\", \"name\": \"Russia\", \"kind\": \"country\", \"country\": \"RUS\"}"
    "]}";

static pg_dict *dict;

static int setup(void **state)
{
    (void)state;
    pg_error err;
    if (pg_dict_new(&dict, &err) != PG_OK)
        return -1;
    return pg_dict_load_json(dict, pg_test_dict, strlen(pg_test_dict), "test", &err) == PG_OK ? 0
                                                                                               : -1;
}

static int teardown(void **state)
{
    (void)state;
    pg_dict_free(dict);
    return 0;
}

static pg_doc *pg_run(const char *text, const char *date)
{
    pg_article a = {0};
    a.id = "doc";
    a.text = (char *)text;
    a.len = strlen(text);
    a.date = date ? pg_day_parse_iso(date, strlen(date)) : PG_DAY_NONE;
    pg_doc *doc = NULL;
    pg_error err;
    assert_int_equal(pg_extract_article(dict, &a, NULL, &doc, &err), PG_OK);
    return doc;
}

static const pg_doc_actor *pg_find(const pg_doc *d, const char *id)
{
    for (size_t i = 0; i < d->n_actors; i++)
        if (strcmp(d->actors[i].id, id) == 0)
            return &d->actors[i];
    return NULL;
}

static long pg_comentions(const pg_doc *d, const char *a, const char *b)
{
    long n = 0;
    for (size_t i = 0; i < d->n_comentions; i++) {
        const char *x = d->actors[d->comentions[i].a].id, *y = d->actors[d->comentions[i].b].id;
        n += (strcmp(x, a) == 0 && strcmp(y, b) == 0) || (strcmp(x, b) == 0 && strcmp(y, a) == 0);
    }
    return n;
}

static void test_actors_and_comentions(void **state)
{
    (void)state;
    pg_doc *d = pg_run("Angela Merkel spoke about Russia. Merkel and Trump disagree.\n\n"
                       "The US president said Russia was wrong.", "2017-02-01");
    assert_int_equal(d->n_actors, 3);
    /* actors are sorted by id */
    assert_string_equal(d->actors[0].id, "angela-merkel");
    assert_string_equal(d->actors[1].id, "donald-trump");
    assert_string_equal(d->actors[2].id, "russia");
    assert_int_equal(pg_find(d, "angela-merkel")->mentions, 2);
    assert_int_equal(pg_find(d, "donald-trump")->mentions, 2);
    assert_true(pg_find(d, "russia")->in_dictionary);
    assert_int_equal(pg_find(d, "russia")->kind, PG_KIND_COUNTRY);
    assert_int_equal(pg_comentions(d, "angela-merkel", "russia"), 1);
    assert_int_equal(pg_comentions(d, "angela-merkel", "donald-trump"), 1);
    assert_int_equal(pg_comentions(d, "donald-trump", "russia"), 1);
    /* every co-mention cites its sentence, with offsets into the text */
    for (size_t i = 0; i < d->n_comentions; i++) {
        const pg_doc_sentence *s = &d->sentences[d->comentions[i].sentence];
        assert_int_equal(strlen(s->text), s->end - s->start);
    }
    assert_string_equal(d->sentences[0].text, "Angela Merkel spoke about Russia.");
    assert_int_equal(d->sentences[0].start, 0);
    pg_doc_free(d);
}

static void test_roles_need_the_date(void **state)
{
    (void)state;
    /* "the German chancellor" in 2023 is not Merkel (her role ended in 2021) */
    pg_doc *d = pg_run("The German chancellor met Joe Biden.", "2023-03-03");
    assert_null(pg_find(d, "angela-merkel"));
    pg_doc_free(d);
    d = pg_run("The German chancellor met Joe Biden.", "2019-03-03");
    assert_non_null(pg_find(d, "angela-merkel"));
    pg_doc_free(d);
    /* the date from a dateline */
    d = pg_run("BERLIN, Jan. 29, 2017\n\nThe German chancellor met Joe Biden.", NULL);
    assert_non_null(pg_find(d, "angela-merkel"));
    pg_doc_free(d);
}

static void test_discovery_and_coreference(void **state)
{
    (void)state;
    pg_doc *d = pg_run("Government spokesman Steffen Seibert said the call went well. "
                       "Seibert added that Merkel was pleased. Jane Holloway said so too.",
                       "2017-01-29");
    const pg_doc_actor *s = pg_find(d, "steffen-seibert");
    assert_non_null(s);
    assert_false(s->in_dictionary);
    assert_string_equal(s->label, "Steffen Seibert");
    assert_int_equal(s->mentions, 2); /* "Seibert" alone is the same person */
    assert_non_null(pg_find(d, "jane-holloway"));
    assert_int_equal(pg_comentions(d, "angela-merkel", "steffen-seibert"), 1);
    /* sentence-initial words, months and places are not persons */
    assert_null(pg_find(d, "government"));
    assert_int_equal(d->n_actors, 3);
    pg_doc_free(d);
}

static void test_furniture(void **state)
{
    (void)state;
    pg_doc *d = pg_run("Trump and Merkel talk\nBy Katrin Vogel, Berlin\n\n"
                       "Merkel at the Chancellery. Photograph: Michael Kappeler/AP\n\n"
                       "Sign up to our newsletter with Donald Trump news\n", "2017-01-29");
    assert_null(pg_find(d, "katrin-vogel"));
    assert_null(pg_find(d, "michael-kappeler"));
    /* the headline counts; caption and banner do not */
    assert_int_equal(pg_find(d, "angela-merkel")->mentions, 1);
    assert_int_equal(pg_find(d, "donald-trump")->mentions, 1);
    pg_doc_free(d);
}

static void test_hyphenated_pair(void **state)
{
    (void)state;
    pg_doc *d = pg_run("The Biden-Xi summit lasted three hours.", "2022-11-14");
    assert_non_null(pg_find(d, "joe-biden"));
    assert_non_null(pg_find(d, "xi-jinping"));
    assert_int_equal(d->n_events, 1);
    assert_int_equal(d->events[0].mode, PG_MODE_MEETING);
    assert_int_equal(d->events[0].status, PG_STATUS_OCCURRED);
    pg_doc_free(d);
    /* an adjective of two countries is not a pair of persons */
    d = pg_run("The Franco-German plan failed.", "2022-11-14");
    assert_int_equal(d->n_actors, 0);
    pg_doc_free(d);
}

static void test_event_initiator_and_date(void **state)
{
    (void)state;
    /* 2017-02-02 is a Thursday: "on Monday" in the past is 2017-01-30 */
    pg_doc *d = pg_run("Donald Trump rang Angela Merkel on Monday.", "2017-02-02");
    assert_int_equal(d->n_events, 1);
    const pg_event *e = &d->events[0];
    assert_int_equal(e->mode, PG_MODE_PHONE);
    assert_int_equal(e->status, PG_STATUS_OCCURRED);
    assert_string_equal(d->actors[e->initiator].id, "donald-trump");
    assert_int_equal(e->date, pg_day_from_ymd(2017, 1, 30));
    pg_doc_free(d);
    /* planned: the Monday after */
    d = pg_run("Donald Trump will meet Angela Merkel on Monday.", "2017-02-02");
    assert_int_equal(d->n_events, 1);
    assert_int_equal(d->events[0].status, PG_STATUS_PLANNED);
    assert_int_equal(d->events[0].date, pg_day_from_ymd(2017, 2, 6));
    assert_int_equal(d->events[0].initiator, -1);
    pg_doc_free(d);
    /* negated and hypothetical add no weight downstream but are kept */
    d = pg_run("The two leaders Trump and Merkel have never met.", "2017-02-02");
    assert_int_equal(d->n_events, 1);
    assert_int_equal(d->events[0].status, PG_STATUS_NEGATED);
    pg_doc_free(d);
    d = pg_run("Trump said he could meet Merkel if she asked.", "2017-02-02");
    assert_int_equal(d->n_events, 1);
    assert_int_equal(d->events[0].status, PG_STATUS_HYPOTHETICAL);
    pg_doc_free(d);
    /* a statement about someone is no event */
    d = pg_run("Donald Trump criticised Angela Merkel on Monday.", "2017-02-02");
    assert_int_equal(d->n_events, 0);
    assert_int_equal(d->n_comentions, 1);
    pg_doc_free(d);
}

static void test_find_date(void **state)
{
    (void)state;
    const char *text = "on Saturday on 14 March March 14, 2023 yesterday";
    pg_tokens toks = {0};
    pg_error err;
    assert_int_equal(pg_tokenize(&toks, text, strlen(text), &err), PG_OK);
    pg_day sat = pg_day_from_ymd(2017, 1, 28); /* a Saturday */
    /* a Saturday article's "on Saturday" in the past is that day */
    assert_int_equal(pg_events_find_date(text, &toks, 0, 2, sat, 0), sat);
    assert_int_equal(pg_events_find_date(text, &toks, 0, 2, sat, 1), sat + 7);
    /* "on 14 March" in the past from January 2017 is March 2016 */
    assert_int_equal(pg_events_find_date(text, &toks, 2, 5, sat, 0), pg_day_from_ymd(2016, 3, 14));
    assert_int_equal(pg_events_find_date(text, &toks, 2, 5, sat, 1), pg_day_from_ymd(2017, 3, 14));
    assert_int_equal(pg_events_find_date(text, &toks, 5, 9, sat, 0), pg_day_from_ymd(2023, 3, 14));
    assert_int_equal(pg_events_find_date(text, &toks, 9, 10, sat, 0), sat - 1);
    assert_int_equal(pg_events_find_date(text, &toks, 0, 10, PG_DAY_NONE, 0), PG_DAY_NONE);
    /* the words before a word: "last", "next" turn a weekday, "this morning", "in the day" */
    const char *rel = "last Friday this morning in the day next Friday";
    toks.n = 0;
    assert_int_equal(pg_tokenize(&toks, rel, strlen(rel), &err), PG_OK);
    assert_int_equal(pg_events_find_date(rel, &toks, 0, 2, sat, 1), pg_day_from_ymd(2017, 1, 27));
    assert_int_equal(pg_events_find_date(rel, &toks, 2, 4, sat, 0), sat);
    assert_int_equal(pg_events_find_date(rel, &toks, 4, 7, sat, 0), sat);
    assert_int_equal(pg_events_find_date(rel, &toks, 5, 7, sat, 0), PG_DAY_NONE);
    assert_int_equal(pg_events_find_date(rel, &toks, 7, 9, sat, 0), pg_day_from_ymd(2017, 2, 3));
    pg_tokens_release(&toks);
}

static void test_given_names(void **state)
{
    (void)state;
    assert_true(pg_is_given_name("Steffen", 7));
    assert_true(pg_is_given_name("Jane", 4));
    assert_false(pg_is_given_name("Government", 10));
    assert_false(pg_is_given_name("steffen", 7));
}

static void test_given_name_list(void **state)
{
    (void)state;
    assert_true(pg_discover_check_lists());
    assert_true(pg_given_names_count() > 2000);
    /* many languages, accented and plain spellings */
    const char *const known[] = {"Jürgen", "Jurgen", "Juergen", "Oleksandr", "Yoshiro", "Fatima",
                                 "Kwame",  "Siobhan", "Zbigniew", "Kim", "Nguyen", "Ayşe"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        assert_true(pg_is_given_name(known[i], strlen(known[i])));
    /* places, months and words that are also given names are left out */
    const char *const unknown[] = {"Chelsea", "Victoria", "Will", "Said", "May", "JOHN", "john"};
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
        assert_false(pg_is_given_name(unknown[i], strlen(unknown[i])));
}

/* One discovery case: the text, the ids that must be found and those that must not. */
typedef struct pg_discovery_case {
    const char *text;
    const char *found;  /* space-separated ids */
    const char *absent; /* space-separated ids */
} pg_discovery_case;

static const pg_discovery_case pg_discovery_cases[] = {
    /* initials, and an initial joined to the name */
    {"J. Doe and T.O'Brien shared the lead.", "j-doe t-o-brien", ""},
    {"The winner was Harold J. Pennyworth of Leeds.", "harold-j-pennyworth", "leeds"},
    /* a nationality before the given name is not part of the name */
    {"Norwegian Hanna Velde won the final.", "hanna-velde", "norwegian-hanna-velde"},
    /* a title inside a capitalised run */
    {"Crown Prince Ardel opened the session.", "ardel", "crown-prince-ardel"},
    /* name particles, one or more, and the Arabic article */
    {"Spokesman Nikolas van der Berk told reporters so.", "nikolas-van-der-berk", "nikolas"},
    {"Prime Minister Abdel-Karim al-Fadoul flew home.", "abdel-karim-al-fadoul", "abdel-karim"},
    /* regnal numbers belong to the name, "Jr" does not */
    {"In 1700 King Baudrin III died.", "baudrin-iii", ""},
    {"The car of Hal Quentor Jr crashed.", "hal-quentor", "hal-quentor-jr"},
    /* a country in brackets, as results write it; teams in a score line are no persons */
    {"Tolgar Wemberley ( Norway ) won in 12.71 seconds.", "tolgar-wemberley", ""},
    {"Vostok Kolvin ( Poland ) 2 Tarsh Wanton ( Austria ) 1 ( halftime 1-1 )", "",
     "vostok-kolvin tarsh-wanton"},
    /* an age in apposition, a speaker after a quotation, a scorer with his minute */
    {"Ardo Vemmink , 34 , was hurt.", "ardo-vemmink", ""},
    {"\" We are ready , \" Brannigan said.", "brannigan", ""},
    {"Kolvin took the lead ( Brannigan 34th ) before half-time.", "brannigan", "kolvin"},
    /* a name listed next to a person is one too */
    {"The team : Peter Quelling , Ardo Vemmink and Tolgar Wemberley .",
     "peter-quelling ardo-vemmink tolgar-wemberley", ""},
    /* places, roads, airports, firms and headlines are not persons */
    {"Ruth Avenue was closed , Peter Quelling said.", "peter-quelling", "ruth-avenue ruth"},
    {"Flights left Charles de Gaulle airport late.", "", "charles-de-gaulle"},
    {"San Teodoro Rovers said the match was off.", "", "san-teodoro-rovers teodoro-rovers"},
    {"Analysts at Morgan Stanley said shares would rise.", "", "morgan-stanley"},
    {"JOHN QUELLING WINS TITLE", "", "john-quelling"},
    {"Doctors will miss Tarsh today.", "", "tarsh"},
    /* a firm named with its legal form is no person when named alone */
    {"Velkor Oy said profits rose.\n\n\" Sales were strong , \" Velkor said.", "", "velkor"},
    /* a given name before a surname of the dictionary makes someone else */
    {"Fred Trump spoke to reporters.", "fred-trump", "donald-trump"},
    /* a name does not run over a line */
    {"1. Peter Quelling ( Norway ) 12.71\nMarkus Breel ( Austria ) 12.80",
     "peter-quelling markus-breel", "peter-quelling-markus"},
};

/* Does the space-separated list hold an id that fails the check? */
static void pg_check_ids(const pg_doc *d, const char *ids, int want, const char *text)
{
    char id[128];
    for (const char *p = ids; *p;) {
        size_t n = strcspn(p, " ");
        if (n > 0 && n < sizeof id) {
            memcpy(id, p, n);
            id[n] = '\0';
            if ((pg_find(d, id) != NULL) != want)
                fail_msg("%s: %s should %sbe found", text, id, want ? "" : "not ");
        }
        p += n + (p[n] == ' ');
    }
}

static void test_discovery_rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof pg_discovery_cases / sizeof *pg_discovery_cases; i++) {
        const pg_discovery_case *c = &pg_discovery_cases[i];
        pg_doc *d = pg_run(c->text, "2017-02-01");
        pg_check_ids(d, c->found, 1, c->text);
        pg_check_ids(d, c->absent, 0, c->text);
        pg_doc_free(d);
    }
}

/* Discovery of one sentence, nothing covered, with a fresh memo: into out, and 'plain' as asked. */
static void pg_discover_fresh(const char *text, const pg_tokens *toks, const pg_sentence *s,
                              unsigned flags, pg_names *out, pg_names *plain)
{
    size_t nt = s->tok_end - s->tok_begin;
    unsigned char *covered = calloc(nt + 1, 1);
    uint32_t *memo = calloc(nt + 1, sizeof *memo);
    pg_error err;
    assert_non_null(covered);
    assert_non_null(memo);
    assert_int_equal(pg_discover_names_memo(text, toks, s, covered, memo, nt, NULL, 0, flags, out,
                                            plain, &err),
                     PG_OK);
    free(memo);
    free(covered);
}

static int pg_same_names(const pg_names *a, const pg_names *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->v[i].tok_begin != b->v[i].tok_begin || a->v[i].tok_end != b->v[i].tok_end ||
            a->v[i].titled != b->v[i].titled || a->v[i].firm != b->v[i].firm)
            return 0;
    return 1;
}

/*
 * The prescan's walk gives, besides full names and firms, what a pass with
 * no flags finds: the same as that pass, and its own results unchanged.
 */
static void test_one_walk_for_two_passes(void **state)
{
    (void)state;
    /* more runs than discovery keeps for its lists: seventy names in a row */
    char many[4096] = "The list:";
    for (int i = 0; i < 70; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "%s Alan Tor%c%c", i ? " ," : "",
                 'a' + i / 26, 'a' + i % 26);
    enum { cases = sizeof pg_discovery_cases / sizeof *pg_discovery_cases };
    const char *texts[cases + 1];
    for (size_t i = 0; i < cases; i++)
        texts[i] = pg_discovery_cases[i].text;
    texts[cases] = many;
    size_t runs = 0;
    for (size_t i = 0; i < cases + 1; i++) {
        const char *text = texts[i];
        pg_tokens toks = {0};
        pg_sentences sents = {0};
        pg_error err;
        assert_int_equal(pg_tokenize(&toks, text, strlen(text), &err), PG_OK);
        assert_int_equal(pg_split_sentences(&sents, &toks, text, &err), PG_OK);
        for (size_t k = 0; k < sents.n; k++) {
            const pg_sentence *s = &sents.v[k];
            unsigned flags = PG_DISCOVER_FULL_NAMES | PG_DISCOVER_FIRMS;
            pg_names alone = {0}, full = {0}, both = {0}, plain = {0};
            pg_discover_fresh(text, &toks, s, 0, &alone, NULL);
            pg_discover_fresh(text, &toks, s, flags, &full, NULL);
            pg_discover_fresh(text, &toks, s, flags, &both, &plain);
            if (!pg_same_names(&plain, &alone) || !pg_same_names(&both, &full))
                fail_msg("%s: sentence %zu found otherwise in one walk", text, k);
            runs += alone.n;
            pg_names_release(&alone);
            pg_names_release(&full);
            pg_names_release(&both);
            pg_names_release(&plain);
        }
        pg_sentences_release(&sents);
        pg_tokens_release(&toks);
    }
    assert_true(runs > 70); /* the cases found names, the seventy too */
}

/* What a word is may depend on the next one: "Jan 5" is a date, "Jan Kowalski" a name. */
static void test_word_read_with_its_neighbour(void **state)
{
    (void)state;
    for (int round = 0; round < 2; round++) {
        pg_doc *d = pg_run("The talks began on Jan 5 in Oslo.", "2017-02-01");
        assert_null(pg_find(d, "jan"));
        pg_doc_free(d);
        d = pg_run("Jan Kowalski said the talks went well.", "2017-02-01");
        assert_non_null(pg_find(d, "jan-kowalski"));
        pg_doc_free(d);
    }
}

static void test_coreference_both_ways(void **state)
{
    (void)state;
    /* the surname before the full name, and after it */
    pg_doc *d = pg_run("Quelling arrived first.\n\nLater Peter Quelling met Angela Merkel. "
                       "Merkel thanked Quelling.",
                       "2017-02-01");
    const pg_doc_actor *q = pg_find(d, "peter-quelling");
    assert_non_null(q);
    assert_int_equal(q->mentions, 3);
    assert_null(pg_find(d, "quelling"));
    assert_int_equal(pg_comentions(d, "angela-merkel", "peter-quelling"), 2);
    pg_doc_free(d);
    /* "Mr" and the surname before the full name is the same person too */
    d = pg_run("Mr Quelling was late. Peter Quelling said sorry.", "2017-02-01");
    assert_non_null(pg_find(d, "peter-quelling"));
    assert_null(pg_find(d, "quelling"));
    assert_int_equal(pg_find(d, "peter-quelling")->mentions, 2);
    pg_doc_free(d);
    /* a full name again takes its given name along: no person "Peter" */
    d = pg_run("Peter Quelling came. Then coach Peter Quelling left.", "2017-02-01");
    assert_null(pg_find(d, "peter"));
    assert_int_equal(pg_find(d, "peter-quelling")->mentions, 2);
    pg_doc_free(d);
}

/* Fails unless the two records are the same, field by field. */
static void pg_assert_same_doc(const pg_doc *a, const pg_doc *b)
{
    assert_string_equal(a->id, b->id);
    assert_int_equal(a->date, b->date);
    assert_int_equal(a->n_actors, b->n_actors);
    for (size_t i = 0; i < a->n_actors; i++) {
        const pg_doc_actor *x = &a->actors[i], *y = &b->actors[i];
        assert_string_equal(x->id, y->id);
        assert_string_equal(x->label, y->label);
        assert_string_equal(x->country, y->country);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->in_dictionary, y->in_dictionary);
        assert_int_equal(x->mentions, y->mentions);
        assert_int_equal(x->affiliation, y->affiliation);
    }
    assert_int_equal(a->n_sentences, b->n_sentences);
    for (size_t i = 0; i < a->n_sentences; i++) {
        assert_int_equal(a->sentences[i].index, b->sentences[i].index);
        assert_int_equal(a->sentences[i].start, b->sentences[i].start);
        assert_int_equal(a->sentences[i].end, b->sentences[i].end);
        assert_string_equal(a->sentences[i].text, b->sentences[i].text);
    }
    assert_int_equal(a->n_comentions, b->n_comentions);
    for (size_t i = 0; i < a->n_comentions; i++) {
        assert_int_equal(a->comentions[i].a, b->comentions[i].a);
        assert_int_equal(a->comentions[i].b, b->comentions[i].b);
        assert_int_equal(a->comentions[i].sentence, b->comentions[i].sentence);
    }
    assert_int_equal(a->n_events, b->n_events);
    for (size_t i = 0; i < a->n_events; i++) {
        const pg_event *x = &a->events[i], *y = &b->events[i];
        assert_int_equal(x->a, y->a);
        assert_int_equal(x->b, y->b);
        assert_int_equal(x->mode, y->mode);
        assert_int_equal(x->status, y->status);
        assert_int_equal(x->date, y->date);
        assert_int_equal(x->initiator, y->initiator);
        assert_int_equal(x->sentence, y->sentence);
    }
}

static void test_extractor_reused(void **state)
{
    (void)state;
    /*
     * One extractor over many articles gives what a fresh extraction of
     * each gives: nothing of an article (surnames met, firms, what
     * discovery learnt of its words, its capitalised words) stays for
     * the next. Articles that would profit from a leftover come after
     * the ones that leave it.
     */
    static char long_text[40000];
    if (!long_text[0]) {
        /* sentences far longer than discovery's stack memo, and many of them */
        size_t n = 0;
        for (int k = 0; k < 120 && n + 400 < sizeof long_text; k++)
            n += (size_t)snprintf(long_text + n, sizeof long_text - n,
                                  "Peter Quelling met Angela Merkel and Xi Jinping%s ",
                                  k % 40 == 39 ? "." : " , and then");
    }
    /* more tokens than the extractor keeps room for after an article: given back */
    static const char filler[] = "the talks went on and on . ";
    size_t huge_len = (sizeof filler - 1) * 30000;
    char *huge = malloc(huge_len + 1);
    assert_non_null(huge);
    for (size_t k = 0; k < huge_len; k += sizeof filler - 1)
        memcpy(huge + k, filler, sizeof filler - 1);
    huge[huge_len] = '\0';
    const char *texts[] = {
        "Government spokesman Steffen Seibert said the call went well. "
        "Seibert added that Merkel was pleased. Jane Holloway said so too.",
        "Seibert came alone. Holloway did not. Merkel met Xi.",
        "Atria Oy said profits rose. Joe Biden visited Atria and met Xi Jinping.",
        "Atria said so. Joe Biden met Atria Jones.",
        "Quelling arrived first.\n\nLater Peter Quelling met Angela Merkel. "
        "Merkel thanked Quelling.",
        "Quelling left. Merkel stayed.",
        "The Biden-Xi summit lasted three hours. Erdogan rang Zelensky on Monday.",
        "Trump and Merkel talk\nBy Katrin Vogel, Berlin\n\n"
        "Merkel at the Chancellery. Photograph: Michael Kappeler/AP\n",
        long_text,
        huge,
        "",
        "Merkel's spokesman Steffen Seibert said so. Joe Biden's aide Jane Holloway agreed.",
        "Vogel and Kappeler met Seibert. Donald Trump said so.",
    };
    size_t n = sizeof texts / sizeof *texts;
    pg_extractor *ex = NULL;
    pg_error err;
    assert_int_equal(pg_extractor_new(&ex, &err), PG_OK);
    for (int round = 0; round < 2; round++) {
        for (size_t k = 0; k < n; k++) {
            size_t i = round == 0 ? k : n - 1 - k; /* forwards, then backwards */
            pg_article a = {0};
            a.id = "doc";
            a.text = (char *)texts[i];
            a.len = strlen(texts[i]);
            a.date = pg_day_parse_iso("2017-01-29", 10);
            pg_doc *fresh = NULL, *reused = NULL;
            assert_int_equal(pg_extract_article(dict, &a, NULL, &fresh, &err), PG_OK);
            assert_int_equal(pg_extract_article_with(ex, dict, &a, NULL, &reused, &err), PG_OK);
            pg_assert_same_doc(fresh, reused);
            pg_doc_free(fresh);
            pg_doc_free(reused);
        }
    }
    pg_extractor_free(ex);
    pg_extractor_free(NULL);
    free(huge);
}

static void test_empty_and_odd_articles(void **state)
{
    (void)state;
    pg_doc *d = pg_run("", NULL);
    assert_int_equal(d->n_actors, 0);
    pg_doc_free(d);
    d = pg_run("...!!! ??? \n\n\n -- ", NULL);
    assert_int_equal(d->n_actors, 0);
    pg_doc_free(d);
    pg_doc_free(NULL);
}

static void test_affiliation(void **state)
{
    (void)state;
    pg_doc *d = pg_run("Merkel's spokesman Steffen Seibert said so. Joe Biden's aide Jane Holloway "
                       "agreed, and Donald Trump met Xi Jinping.", "2017-01-29");
    const pg_doc_actor *s = pg_find(d, "steffen-seibert");
    assert_non_null(s);
    assert_true(s->affiliation >= 0);
    assert_string_equal(d->actors[s->affiliation].id, "angela-merkel");
    const pg_doc_actor *h = pg_find(d, "jane-holloway");
    assert_non_null(h);
    assert_true(h->affiliation >= 0);
    assert_string_equal(d->actors[h->affiliation].id, "joe-biden");
    /* no possessive, no affiliation */
    assert_int_equal(pg_find(d, "xi-jinping")->affiliation, -1);
    assert_int_equal(pg_find(d, "angela-merkel")->affiliation, -1);

    /* the graph keeps it, and its JSON reads back with it */
    pg_graph *g = NULL, *back = NULL;
    pg_error err;
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(pg_graph_new(&g, &err), PG_OK);
    assert_int_equal(pg_graph_add_doc(g, d, &err), PG_OK);
    long i = pg_graph_find_node(g, "steffen-seibert");
    assert_true(i >= 0);
    assert_string_equal(g->nodes[i].affiliation, "angela-merkel");
    assert_int_equal(pg_json_write(g, &json, &len, &err), PG_OK);
    assert_non_null(strstr(json, "\"affiliation\": \"angela-merkel\""));
    assert_int_equal(pg_json_read(json, len, "mem", &back, &err), PG_OK);
    i = pg_graph_find_node(back, "jane-holloway");
    assert_true(i >= 0);
    assert_string_equal(back->nodes[i].affiliation, "joe-biden");
    free(json);
    pg_graph_free(back);
    pg_graph_free(g);
    pg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actors_and_comentions),
        cmocka_unit_test(test_roles_need_the_date),
        cmocka_unit_test(test_discovery_and_coreference),
        cmocka_unit_test(test_furniture),
        cmocka_unit_test(test_hyphenated_pair),
        cmocka_unit_test(test_event_initiator_and_date),
        cmocka_unit_test(test_find_date),
        cmocka_unit_test(test_given_names),
        cmocka_unit_test(test_empty_and_odd_articles),
        cmocka_unit_test(test_extractor_reused),
        cmocka_unit_test(test_affiliation),
        cmocka_unit_test(test_given_name_list),
        cmocka_unit_test(test_discovery_rules),
        cmocka_unit_test(test_one_walk_for_two_passes),
        cmocka_unit_test(test_word_read_with_its_neighbour),
        cmocka_unit_test(test_coreference_both_ways),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
