#include "pg_events.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_strmap.h"

/* Sentences longer than this are not searched for events. */
#define PG_EV_MAX_TOKENS 200
#define PG_EV_WORD 24

/* What a trigger word says about the event. */
enum {
    PG_TRIG_NONE = 0,
    PG_TRIG_VERB = 1,      /* X met Y; X and Y met */
    PG_TRIG_NOUN = 2,      /* talks between X and Y; the X-Y summit */
    PG_TRIG_INITIATES = 4, /* the subject placed the call or hosted */
    PG_TRIG_NEEDS_OBJ = 8  /* only an event with a person right after it ("called X") */
};

typedef struct pg_trigger {
    const char *word;
    pg_mode mode;
    int flags;
} pg_trigger;

static const pg_trigger pg_triggers[] = {
    {"phoned", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES},
    {"phones", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"telephoned", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES},
    {"rang", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"ring", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"rings", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"called", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"calls", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_NOUN | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"call", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_NOUN},
    {"calling", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"phone", PG_MODE_PHONE, PG_TRIG_VERB | PG_TRIG_NOUN},
    {"telephone", PG_MODE_PHONE, PG_TRIG_NOUN},
    {"videoconference", PG_MODE_PHONE, PG_TRIG_NOUN},
    {"video-conference", PG_MODE_PHONE, PG_TRIG_NOUN},
    {"spoke", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"speak", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"speaks", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"spoken", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"speaking", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"talked", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"talk", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"conversation", PG_MODE_UNSPECIFIED, PG_TRIG_NOUN},
    {"conversations", PG_MODE_UNSPECIFIED, PG_TRIG_NOUN},
    {"conferred", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"told", PG_MODE_UNSPECIFIED, PG_TRIG_VERB | PG_TRIG_NEEDS_OBJ},
    {"discussed", PG_MODE_UNSPECIFIED, PG_TRIG_VERB},
    {"contact", PG_MODE_UNSPECIFIED, PG_TRIG_NOUN},
    {"encounter", PG_MODE_MEETING, PG_TRIG_NOUN},
    {"sat", PG_MODE_MEETING, PG_TRIG_VERB},
    {"met", PG_MODE_MEETING, PG_TRIG_VERB},
    {"meet", PG_MODE_MEETING, PG_TRIG_VERB},
    {"meets", PG_MODE_MEETING, PG_TRIG_VERB},
    {"meeting", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_NOUN},
    {"meetings", PG_MODE_MEETING, PG_TRIG_NOUN},
    {"summit", PG_MODE_MEETING, PG_TRIG_NOUN},
    {"visit", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_NOUN | PG_TRIG_NEEDS_OBJ},
    {"visited", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_NEEDS_OBJ},
    {"visits", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_NEEDS_OBJ},
    {"hosted", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"host", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"hosts", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"hosting", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"welcomed", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"received", PG_MODE_MEETING, PG_TRIG_VERB | PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ},
    {"talks", PG_MODE_TALKS, PG_TRIG_NOUN | PG_TRIG_VERB},
    {"negotiations", PG_MODE_TALKS, PG_TRIG_NOUN},
    {"negotiated", PG_MODE_TALKS, PG_TRIG_VERB},
};

static const char *const pg_negations[] = {
    "not", "never", "n't", "didn't", "don't", "doesn't", "won't", "wouldn't", "haven't",
    "hasn't", "hadn't", "no", "without", "refused", "refuses", "refuse", "declined", "declines",
    "decline", "rejected", "rejects", "failed", "cannot", "can't", "couldn't", "neither", "nor",
    "avoided", "snubbed", NULL};
static const char *const pg_cancellations[] = {"cancelled", "canceled", "postponed", "scrapped",
                                               "off",       "shelved",  NULL};
static const char *const pg_conditionals[] = {
    "if", "could", "would", "might", "should", "unless", "whether", "possible", "possibly",
    "ready", "willing", "happy", "open", "offered", "proposed", "hopes", "hoped", "want",
    "wants", "wanted", "consider", "considering", "perhaps", NULL};
static const char *const pg_futures[] = {"will", "'ll",       "shall",    "due",      "expected",
                                         "plans", "plan",     "planned",  "planning", "scheduled",
                                         "set",   "going",    "upcoming", "tomorrow", "next",
                                         "to",    "intends",  "aims",     "agreed",   "agree",
                                         "agrees", "promised", NULL};
static const char *const pg_reporting[] = {"said",  "says",     "say",  "told",   "tells",
                                           "added", "according", "announced", "stated",
                                           "reported", "confirmed", "noted", "insisted",
                                           "stressed", "explained", NULL};
static const char *const pg_stops[] = {"about", "over", "after", "before", "because", "while",
                                       "which", "who", "whom", "that", "but", "although",
                                       "discuss", "where", "when", "amid", "since", "as", NULL};
static const char *const pg_links[] = {"and", ",", "both", "the", "his", "her", "their",
                                       "counterpart", "counterparts", "leader", "leaders",
                                       "president", "minister", "prime", "chancellor", "'s",
                                       "french", "german", "russian", "us", "u.s.", "chinese",
                                       "british", "american", "foreign", "secretary", "then", "also",
                                       "later", "separately", "too", "each", "other", NULL};

/* Is the folded word w the word lit? Most words differ in their first letter: no call then. */
static inline int pg_eq(const char *w, const char *lit)
{
    return w[0] == lit[0] && strcmp(w, lit) == 0;
}

/* The word lists a folded word belongs to: bits of pg_word_info.lists. */
enum {
    PG_L_NEGATION = 1 << 0,
    PG_L_CANCELLATION = 1 << 1,
    PG_L_CONDITIONAL = 1 << 2,
    PG_L_FUTURE = 1 << 3,
    PG_L_REPORTING = 1 << 4,
    PG_L_STOP = 1 << 5,
    PG_L_LINK = 1 << 6,
    PG_L_MODAL = 1 << 7,
    PG_L_LIGHT_VERB = 1 << 8
};

static const char *const pg_modals[] = {"will", "would", "could", "might", "may", "to",
                                        "shall", "'ll", "should", "must", NULL};
static const char *const pg_light_verbs[] = {
    "held", "hold", "holds", "holding", "had", "have", "has", "having", "concluded",
    "began", "begin", "started", "start", "arrange", "arranged", "agreed", "convened",
    "opened", "wrapped", "ended", NULL};

static const struct {
    const char *const *words;
    unsigned bit;
} pg_lists[] = {
    {pg_negations, PG_L_NEGATION},   {pg_cancellations, PG_L_CANCELLATION},
    {pg_conditionals, PG_L_CONDITIONAL}, {pg_futures, PG_L_FUTURE},
    {pg_reporting, PG_L_REPORTING},  {pg_stops, PG_L_STOP},
    {pg_links, PG_L_LINK},           {pg_modals, PG_L_MODAL},
    {pg_light_verbs, PG_L_LIGHT_VERB},
};

/* What the event rules know of a folded word: one look-up a word of the sentence. */
typedef struct pg_word_info {
    const char *word;          /* NULL: an empty slot */
    const pg_trigger *trigger; /* the first trigger spelt so, or NULL */
    unsigned lists;            /* PG_L_ bits */
    uint32_t tag;              /* the word's hash's high half: most other words differ in it */
} pg_word_info;

/*
 * A hash index of the triggers and listed words, built once and then
 * only read (threads extract at the same time).
 */
#define PG_WORD_SLOTS 1024
#define PG_COUNT_OF(a) (sizeof(a) / sizeof *(a))
#define PG_N_TRIGGERS PG_COUNT_OF(pg_triggers)
/* under half full, so that probes for the many unlisted words stay short */
_Static_assert(2 * (PG_N_TRIGGERS + PG_COUNT_OF(pg_negations) + PG_COUNT_OF(pg_cancellations) +
                    PG_COUNT_OF(pg_conditionals) + PG_COUNT_OF(pg_futures) +
                    PG_COUNT_OF(pg_reporting) + PG_COUNT_OF(pg_stops) + PG_COUNT_OF(pg_links) +
                    PG_COUNT_OF(pg_modals) + PG_COUNT_OF(pg_light_verbs)) <=
                   PG_WORD_SLOTS,
               "more slots for the event words");

static pg_word_info pg_word_slots[PG_WORD_SLOTS];
static pthread_once_t pg_word_once = PTHREAD_ONCE_INIT;
static const pg_word_info pg_word_none;

/* The slot of w[0, n) (NUL-terminated): its own, or the empty one it would take. */
static pg_word_info *pg_word_slot(const char *w, size_t n)
{
    uint64_t hash = pg_hash_bytes(w, n);
    uint32_t tag = (uint32_t)(hash >> 32);
    size_t h = (size_t)hash & (PG_WORD_SLOTS - 1);
    while (pg_word_slots[h].word &&
           (pg_word_slots[h].tag != tag || strcmp(pg_word_slots[h].word, w) != 0))
        h = (h + 1) & (PG_WORD_SLOTS - 1);
    return &pg_word_slots[h];
}

/* The slot of w, taken for it if it had none. */
static pg_word_info *pg_word_add(const char *w)
{
    size_t n = strlen(w);
    pg_word_info *slot = pg_word_slot(w, n);
    if (!slot->word) {
        slot->word = w;
        slot->tag = (uint32_t)(pg_hash_bytes(w, n) >> 32);
    }
    return slot;
}

/*
 * The first two letters of the triggers: most sentences of two persons
 * have no trigger, and this tells so before their words are folded and
 * looked up.
 */
static pg_pairs pg_trigger_pairs;
static int pg_trigger_unpaired; /* some trigger does not begin with two letters: no filter */

static void pg_word_index(void)
{
    for (size_t i = 0; i < PG_N_TRIGGERS; i++)
        if (pg_pairs_add(&pg_trigger_pairs, pg_triggers[i].word) != 0)
            pg_trigger_unpaired = 1;
    for (size_t i = 0; i < PG_N_TRIGGERS; i++) {
        pg_word_info *slot = pg_word_add(pg_triggers[i].word);
        if (!slot->trigger) /* a word listed twice: the first wins */
            slot->trigger = &pg_triggers[i];
    }
    for (size_t l = 0; l < sizeof pg_lists / sizeof *pg_lists; l++)
        for (const char *const *w = pg_lists[l].words; *w; w++)
            pg_word_add(*w)->lists |= pg_lists[l].bit;
}

/*
 * Can token t fold to a trigger? No when it begins with two ASCII
 * letters no trigger begins with, or with anything but a letter.
 */
static int pg_may_trigger(const char *text, const pg_token *t)
{
    const unsigned char *p = (const unsigned char *)text + t->start;
    if (pg_trigger_unpaired)
        return 1;
    if (t->end - t->start < 2 || p[0] < 0x41)
        return 0; /* no trigger is one letter; none starts with a digit or a sign */
    if (p[0] >= 0x80 || p[1] >= 0x80)
        return 1; /* a letter beyond ASCII may fold to one of them */
    return pg_pairs_has(&pg_trigger_pairs, p[0], p[1]);
}

/* The folded word w[0, n), NUL-terminated. */
static const pg_word_info *pg_word_of(const char *w, size_t n)
{
    pthread_once(&pg_word_once, pg_word_index);
    const pg_word_info *slot = pg_word_slot(w, n);
    return slot->word ? slot : &pg_word_none;
}

typedef struct pg_sent {
    const char *text;
    const pg_tokens *toks;
    size_t b, e;                    /* tokens of the sentence */
    char (*w)[PG_EV_WORD];          /* folded words, indexed from b */
    const pg_word_info **info;      /* what the rules know of them (pg_word_of) */
    long *person;                   /* mention index of a person at token, or -1 */
    const pg_mention *m;
    size_t n_m;
} pg_sent;

static const char *pg_w(const pg_sent *s, size_t i)
{
    return s->w[i - s->b];
}

/* Is word i of the sentence in the lists 'bits' (PG_L_)? */
static int pg_listed(const pg_sent *s, size_t i, unsigned bits)
{
    return (s->info[i - s->b]->lists & bits) != 0;
}

static long pg_person_at(const pg_sent *s, size_t i)
{
    return s->person[i - s->b];
}

/* Is token i inside any mention (a person, country or organisation)? */
static int pg_actor_at(const pg_sent *s, size_t i)
{
    for (size_t k = 0; k < s->n_m; k++)
        if (s->m[k].tok_begin <= i && i < s->m[k].tok_end)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Dates                                                              */
/* ------------------------------------------------------------------ */

static size_t pg_fold_word(const char *text, const pg_token *t, char *buf)
{
    size_t n = pg_fold(text + t->start, t->end - t->start, buf, PG_EV_WORD);
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    return n;
}

static int pg_number(const char *text, const pg_token *t, int max)
{
    int v = 0;
    size_t n = t->end - t->start;
    if (!(t->flags & PG_TOK_NUM) || n > 4)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = text[t->start + i];
        if (c < '0' || c > '9') {
            /* "14th", "1st" */
            if (i > 0 && (c == 's' || c == 'n' || c == 'r' || c == 't'))
                break;
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    return v >= 1 && v <= max ? v : -1;
}

/* A day and month without a year: the one nearest the article date on the right side. */
static pg_day pg_day_near(pg_day date, int month, int day, int future)
{
    int y, m, d;
    pg_day_to_ymd(date, &y, &m, &d);
    pg_day r = pg_day_from_ymd(y, month, day);
    if (r == PG_DAY_NONE)
        return r;
    if (!future && r > date)
        r = pg_day_from_ymd(y - 1, month, day);
    else if (future && r < date)
        r = pg_day_from_ymd(y + 1, month, day);
    return r;
}

/*
 * pg_events_find_date over words folded beforehand: folded[i - base] is
 * token i's, or, with folded NULL, each is folded as it is read.
 */
static pg_day pg_find_date(const char *text, const pg_tokens *toks, char (*folded)[PG_EV_WORD],
                           size_t base, size_t begin, size_t end, pg_day date, int future)
{
    if (date == PG_DAY_NONE)
        return PG_DAY_NONE;
    char own[3][PG_EV_WORD]; /* the word and the two before it, when none are given */
    const char *prev = "", *prev2 = "";
    for (size_t i = begin; i < end; i++) {
        const pg_token *t = &toks->v[i];
        const char *w = folded ? folded[i - base] : own[i % 3];
        if (!folded)
            pg_fold_word(text, t, own[i % 3]);
        if (pg_eq(w, "yesterday"))
            return date - 1;
        if (pg_eq(w, "today") || pg_eq(w, "tonight"))
            return date;
        /* "this morning", "earlier in the day" */
        if ((pg_eq(prev, "this") &&
             (pg_eq(w, "morning") || pg_eq(w, "afternoon") || pg_eq(w, "evening"))) ||
            (pg_eq(prev, "the") && pg_eq(w, "day") && pg_eq(prev2, "in")))
            return date;
        if (pg_eq(w, "tomorrow"))
            return date + 1;
        int wd = (t->flags & PG_TOK_UPPER)
                     ? pg_weekday_from_name(text + t->start, t->end - t->start)
                     : -1;
        if (wd >= 0 && strlen(w) >= 3) {
            int fwd = future, back = !future;
            if (pg_eq(prev, "last"))
                fwd = 0, back = 1;
            else if (pg_eq(prev, "next") || pg_eq(prev, "coming"))
                fwd = 1, back = 0;
            int today = pg_day_weekday(date);
            if (back)
                return date - ((today - wd + 7) % 7);
            if (fwd) {
                int ahead = (wd - today + 7) % 7;
                return date + (ahead ? ahead : 7);
            }
        }
        int month = (t->flags & PG_TOK_UPPER)
                        ? pg_month_from_name(text + t->start, t->end - t->start)
                        : 0;
        /* "May" alone is too often a name: require a day next to it */
        if (month > 0) {
            int day = -1, year = -1;
            size_t k = i + 1;
            if (k < end && toks->v[k].end - toks->v[k].start == 1 && text[toks->v[k].start] == '.')
                k++;
            if (k < end)
                day = pg_number(text, &toks->v[k], 31);
            if (day > 0) {
                size_t y = k + 1;
                if (y < end && text[toks->v[y].start] == ',')
                    y++;
                if (y < end)
                    year = pg_number(text, &toks->v[y], 9999);
            } else if (i > begin) {
                day = pg_number(text, &toks->v[i - 1], 31);
                if (day > 0 && i + 1 < end)
                    year = pg_number(text, &toks->v[i + 1], 9999);
            }
            if (day > 0) {
                if (year >= 1000)
                    return pg_day_from_ymd(year, month, day);
                return pg_day_near(date, month, day, future);
            }
        }
        prev2 = prev;
        prev = w;
    }
    return PG_DAY_NONE;
}

pg_day pg_events_find_date(const char *text, const pg_tokens *toks, size_t begin, size_t end,
                           pg_day date, int future)
{
    return pg_find_date(text, toks, NULL, 0, begin, end, date, future);
}

/* ------------------------------------------------------------------ */
/* Events                                                              */
/* ------------------------------------------------------------------ */

/* phone > meeting > talks > unspecified: the most specific word wins */
static int pg_mode_rank(pg_mode m)
{
    switch (m) {
    case PG_MODE_PHONE:
        return 3;
    case PG_MODE_MEETING:
        return 2;
    case PG_MODE_TALKS:
        return 1;
    default:
        return 0;
    }
}

static int pg_push(pg_found_events *out, pg_found_event ev, pg_error *err)
{
    size_t lo = ev.a < ev.b ? ev.a : ev.b, hi = ev.a < ev.b ? ev.b : ev.a;
    for (size_t i = 0; i < out->n; i++) {
        pg_found_event *o = &out->v[i];
        size_t olo = o->a < o->b ? o->a : o->b, ohi = o->a < o->b ? o->b : o->a;
        if (olo == lo && ohi == hi) {
            /* one pair, one event per sentence: keep the most specific mode */
            if (pg_mode_rank(ev.mode) > pg_mode_rank(o->mode))
                o->mode = ev.mode;
            if (o->initiator < 0)
                o->initiator = ev.initiator;
            return PG_OK;
        }
    }
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        pg_found_event *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = ev;
    return PG_OK;
}

/* Persons of a group next to the trigger, walking from 'from' by 'step'. */
static size_t pg_group(const pg_sent *s, size_t from, int step, size_t limit, size_t gap,
                       long *group, size_t max, size_t *stop)
{
    size_t n = 0, skipped = 0;
    int in_list = 0;
    long i;
    for (i = (long)from; i >= (long)s->b && i < (long)s->e; i += step) {
        if ((size_t)labs(i - (long)from) > (in_list ? 4 * limit : limit))
            break;
        long p = pg_person_at(s, (size_t)i);
        if (p >= 0) {
            if (n == 0 || group[n - 1] != p) {
                int dup = 0;
                for (size_t k = 0; k < n; k++)
                    dup |= s->m[group[k]].actor == s->m[p].actor;
                if (!dup && n < max)
                    group[n++] = p;
            }
            /* skip the rest of this mention */
            if (step > 0)
                i = (long)s->m[p].tok_end - 1;
            else
                i = (long)s->m[p].tok_begin;
            skipped = 0;
            continue;
        }
        const char *w = pg_w(s, (size_t)i);
        /* "spoke with four leaders: A, the Russian president; B of Japan; ..." */
        int list = step > 0 && (pg_eq(w, ":") ? n == 0 : (pg_eq(w, ";") && n > 0));
        if (list) {
            in_list = 1;
            continue;
        }
        if (pg_listed(s, (size_t)i, PG_L_REPORTING | PG_L_STOP) || pg_eq(w, ";") || pg_eq(w, ":"))
            break;
        /* in a list, a country or title after a name belongs to it: "Shinzo Abe of Japan" */
        if (n > 0 && !pg_listed(s, (size_t)i, PG_L_LINK) &&
            !(in_list && (pg_eq(w, "of") || pg_actor_at(s, (size_t)i))))
            break;
        if (n == 0 && ++skipped > gap)
            break;
    }
    if (stop)
        *stop = i < (long)s->b ? s->b : (size_t)i;
    return n;
}

/* Does the clause report speech: "X said (that) ..."? */
static int pg_reported(const pg_sent *s, size_t clause)
{
    if (clause <= s->b)
        return 0;
    size_t verb = clause - 1;
    if (pg_eq(pg_w(s, verb), "that") && verb > s->b)
        verb--;
    return pg_listed(s, verb, PG_L_REPORTING);
}

static pg_status pg_status_of(const pg_sent *s, size_t clause, size_t trig)
{
    int neg = 0, hyp = 0, fut = 0;
    for (size_t i = clause; i < trig; i++) {
        const char *w = pg_w(s, i);
        if (pg_listed(s, i, PG_L_NEGATION) || (strlen(w) > 3 && pg_eq(w + strlen(w) - 3, "n't")))
            neg = 1;
        else if (pg_eq(w, "would") && pg_reported(s, clause))
            fut = 1; /* "Wang said Xi would speak with Biden": a plan, reported */
        else if (pg_listed(s, i, PG_L_CONDITIONAL) ||
                 (pg_eq(w, "for") && i > clause && strncmp(pg_w(s, i - 1), "call", 4) == 0))
            hyp = 1; /* "called for talks" asks for them */
        else if (pg_eq(w, "to")) {
            /* "is due to", "plans to": the words before 'to' tell */
            if (i > clause && pg_listed(s, i - 1, PG_L_FUTURE))
                fut = 1;
        } else if (pg_listed(s, i, PG_L_FUTURE) && !pg_eq(w, "set"))
            fut = 1;
        else if (pg_eq(w, "set") && i + 1 < trig && pg_eq(pg_w(s, i + 1), "to"))
            fut = 1;
    }
    for (size_t i = trig + 1; i < s->e; i++) {
        const char *w = pg_w(s, i);
        if (pg_listed(s, i, PG_L_CANCELLATION) &&
            (!pg_eq(w, "off") || pg_eq(pg_w(s, i - 1), "called")))
            neg = 1;
        else if (pg_eq(w, "next") || pg_eq(w, "tomorrow"))
            fut = 1;
        else if (pg_eq(w, "if") || pg_eq(w, "unless"))
            hyp = 1;
    }
    /* headlines: "Biden and Xi to meet" */
    if (trig > s->b + 1 && pg_eq(pg_w(s, trig - 1), "to") && pg_person_at(s, trig - 2) >= 0)
        fut = 1;
    if (neg)
        return PG_STATUS_NEGATED;
    if (hyp)
        return PG_STATUS_HYPOTHETICAL;
    if (fut)
        return PG_STATUS_PLANNED;
    return PG_STATUS_OCCURRED;
}

/* Start of the clause that holds token i: after the last reporting verb or ';'. */
static size_t pg_clause_start(const pg_sent *s, size_t i)
{
    size_t c = s->b;
    for (size_t k = s->b; k < i; k++) {
        const char *w = pg_w(s, k);
        if (pg_eq(w, ";") || pg_eq(w, "that") || pg_listed(s, k, PG_L_REPORTING))
            c = k + 1;
    }
    return c;
}

static int pg_phone_nearby(const pg_sent *s, size_t trig)
{
    size_t lo = trig > s->b + 4 ? trig - 4 : s->b, hi = trig + 12 < s->e ? trig + 12 : s->e;
    for (size_t i = lo; i < hi; i++) {
        const char *w = pg_w(s, i);
        if (pg_eq(w, "phone") || pg_eq(w, "telephone") || pg_eq(w, "video") ||
            pg_eq(w, "phones") || pg_eq(w, "videoconference") ||
            pg_eq(w, "virtual") || pg_eq(w, "videolink"))
            return 1;
    }
    return 0;
}

/*
 * "Trump said he could meet Merkel": a he or she opening the reported
 * clause is the speaker; with pronoun == 0, "Scholz said the call with
 * Putin ..." makes the speaker a party too. Returns the number put in subj.
 */
static size_t pg_speaker(const pg_sent *s, size_t clause, size_t t, int pronoun, long *subj)
{
    if (clause <= s->b + 1 || clause >= t)
        return 0;
    const char *w = pg_w(s, clause);
    if (pronoun && !pg_eq(w, "he") && !pg_eq(w, "she"))
        return 0;
    size_t verb = clause - 1;
    if (pg_eq(pg_w(s, verb), "that") && verb > s->b)
        verb--;
    if (!pg_listed(s, verb, PG_L_REPORTING) || verb == s->b)
        return 0;
    long speaker[2];
    if (pg_group(s, verb - 1, -1, 4, 1, speaker, 2, NULL) != 1)
        return 0;
    subj[0] = speaker[0];
    return 1;
}

/* "the two men", "both leaders" just before the trigger */
static int pg_the_two(const pg_sent *s, size_t t)
{
    for (size_t i = t; i > s->b + 1 && i + 5 > t; i--) {
        const char *w = pg_w(s, i - 1), *before = pg_w(s, i - 2);
        if ((pg_eq(w, "men") || pg_eq(w, "leaders") || pg_eq(w, "women") ||
             pg_eq(w, "presidents")) &&
            (pg_eq(before, "two") || pg_eq(before, "both")))
            return 1;
    }
    return 0;
}

/* Is there a verb like "held" between the subjects and a meeting noun? */
static int pg_light_verb(const pg_sent *s, size_t from, size_t t)
{
    for (size_t i = from; i < t; i++)
        if (pg_listed(s, i, PG_L_LIGHT_VERB))
            return 1;
    return from >= t; /* nothing between: "Biden Xi summit" */
}

/* Prepositions that make a meeting noun a place or time, not an event ("at the summit"). */
static int pg_noun_is_setting(const pg_sent *s, size_t t)
{
    for (size_t k = t; k > s->b && k + 3 > t; k--) {
        const char *w = pg_w(s, k - 1);
        if (pg_eq(w, "at") || pg_eq(w, "during") || pg_eq(w, "on") ||
            pg_eq(w, "after") || pg_eq(w, "before") || pg_eq(w, "since") ||
            pg_eq(w, "ahead") || pg_eq(w, "about") || pg_eq(w, "in"))
            return 1;
        if (!pg_eq(w, "the") && !pg_eq(w, "a") && !pg_eq(w, "this") &&
            !pg_eq(w, "that") && !pg_eq(w, "g20") && !pg_eq(w, "nato"))
            return 0;
    }
    return 0;
}

/* Status words after the trigger and its object ("a meeting ... could take place"). */
static pg_status pg_status_after(const pg_sent *s, size_t from, pg_status status)
{
    for (size_t i = from; i < s->e && i < from + 4; i++) {
        const char *w = pg_w(s, i);
        if (pg_eq(w, "could") || pg_eq(w, "might") || pg_eq(w, "may"))
            return PG_STATUS_HYPOTHETICAL;
        if (pg_eq(w, "will") || pg_eq(w, "is") || pg_eq(w, "was")) {
            const char *n = i + 1 < s->e ? pg_w(s, i + 1) : "";
            if (pg_eq(w, "will") || pg_eq(n, "planned") || pg_eq(n, "scheduled") ||
                pg_eq(n, "expected") || pg_eq(n, "due"))
                return status == PG_STATUS_OCCURRED ? PG_STATUS_PLANNED : status;
        }
    }
    return status;
}

static int pg_detect_at(const pg_sent *s, size_t t, const pg_trigger *tr, pg_day date,
                        pg_found_events *out, pg_error *err)
{
    long subj[8], obj[8];
    size_t clause = pg_clause_start(s, t);
    size_t n_subj = t > clause ? pg_group(s, t - 1, -1, 14, 6, subj, 8, NULL) : 0;
    if (n_subj == 0)
        n_subj = pg_speaker(s, clause, t, 1, subj);
    size_t obj_from = t + 1;
    int from_obj = 0, passive = 0, to_obj = 0;
    int noun_only = (tr->flags & PG_TRIG_NOUN) && !(tr->flags & PG_TRIG_VERB);
    const char *next = obj_from < s->e ? pg_w(s, obj_from) : "";
    /* "received a call from X": the noun "call" that follows is the trigger */
    if (pg_eq(tr->word, "received") && obj_from + 1 < s->e &&
        (pg_eq(pg_w(s, obj_from + 1), "call") || pg_eq(pg_w(s, obj_from + 1), "phone") ||
         pg_eq(pg_w(s, obj_from + 1), "telephone")))
        return PG_OK;
    /* "called off", "called for", "called on", "a call for a ceasefire": no call */
    if (strncmp(tr->word, "call", 4) == 0 && pg_eq(next, "for"))
        return PG_OK;
    if (pg_eq(tr->word, "called") &&
        (pg_eq(next, "off") || pg_eq(next, "for") || pg_eq(next, "on")))
        return PG_OK;
    if (pg_eq(next, "by") && (tr->flags & PG_TRIG_VERB)) {
        passive = 1; /* "was called by X", "was hosted by X" */
        obj_from++;
        /* the subject of a passive stands right before it: "X was (warmly) welcomed" */
        n_subj = t > clause ? pg_group(s, t - 1, -1, 14, 3, subj, 8, NULL) : 0;
    } else if (tr->flags & PG_TRIG_NOUN) {
        for (size_t k = obj_from; k < s->e && k < obj_from + 3; k++) {
            const char *w = pg_w(s, k);
            if (pg_eq(w, "from") || pg_eq(w, "by")) {
                from_obj = 1;
                obj_from = k + 1;
                break;
            }
            if (pg_eq(w, "with") || pg_eq(w, "between") || pg_eq(w, "to") ||
                pg_eq(w, "of")) {
                to_obj = pg_eq(w, "to");
                obj_from = k + 1;
                break;
            }
        }
    }
    /* "spoke with four other leaders on Saturday: A; B; C" */
    for (size_t k = obj_from; k < s->e && k < obj_from + 8 && pg_person_at(s, k) < 0; k++)
        if (pg_eq(pg_w(s, k), ":")) {
            obj_from = k;
            break;
        }
    int explicit_obj = obj_from != t + 1;
    int between = explicit_obj && pg_eq(pg_w(s, obj_from - 1), "between");
    /* "will call X", "could call X": the verb, so the subject places the call */
    int flags = tr->flags;
    if (pg_eq(tr->word, "call") && t > s->b && pg_listed(s, t - 1, PG_L_MODAL))
        flags |= PG_TRIG_INITIATES | PG_TRIG_NEEDS_OBJ;
    size_t gap = (flags & PG_TRIG_NEEDS_OBJ) && !passive ? 1 : 3;
    size_t obj_end = obj_from;
    size_t n_obj = obj_from < s->e ? pg_group(s, obj_from, +1, 12, gap, obj, 8, &obj_end) : 0;

    /* "Putin was one of five leaders to receive a call from X" */
    if (from_obj && n_subj == 0 && t > clause)
        n_subj = pg_group(s, t - 1, -1, 14, 10, subj, 1, NULL);
    /* "the two men had spoken": the two persons named before in the sentence */
    if (n_subj == 0 && n_obj == 0 && pg_the_two(s, t))
        n_subj = pg_group(s, t - 1, -1, 40, 40, subj, 3, NULL) == 2 ? 2 : 0;
    /* "the call with Putin", said Scholz: the speaker had it */
    if (n_subj == 0 && (flags & PG_TRIG_NOUN) && explicit_obj && n_obj == 1)
        n_subj = pg_speaker(s, clause, t, 0, subj);
    /* "offered to host talks between X and Y": the two named are the parties */
    if (between && n_obj >= 2)
        n_subj = 0;
    /* "X and Y addressed the summit": a noun needs a verb such as "held" */
    if (noun_only && !explicit_obj && n_subj > 0 && !pg_light_verb(s, s->m[subj[0]].tok_end, t))
        return PG_OK;
    /* "called for", "visited Moscow": no person right after, no event */
    if ((flags & PG_TRIG_NEEDS_OBJ) && n_obj == 0)
        return PG_OK;
    if (noun_only && n_subj == 0 && n_obj == 0)
        return PG_OK;
    /* "met ... at the summit": the noun is the setting of another event */
    if ((flags & PG_TRIG_NOUN) && !explicit_obj && pg_noun_is_setting(s, t))
        return PG_OK;
    /* "called Putin a war criminal" */
    if (pg_eq(tr->word, "called") && obj_end < s->e &&
        (pg_eq(pg_w(s, obj_end), "a") || pg_eq(pg_w(s, obj_end), "an")))
        return PG_OK;
    pg_mode mode = tr->mode;
    if (pg_phone_nearby(s, t))
        mode = PG_MODE_PHONE;

    pg_status status = pg_status_of(s, n_subj ? s->m[subj[n_subj - 1]].tok_begin : clause, t);
    if (flags & PG_TRIG_NOUN)
        status = pg_status_after(s, obj_end, status);
    pg_day when = pg_find_date(s->text, s->toks, s->w, s->b, clause, s->e, date,
                               status == PG_STATUS_PLANNED);

    long initiator = -1;
    if ((from_obj || (passive && (flags & PG_TRIG_INITIATES))) && n_obj == 1)
        initiator = (long)s->m[obj[0]].actor;
    else if (((flags & PG_TRIG_INITIATES) || to_obj) && !passive && n_subj == 1 && n_obj > 0)
        initiator = (long)s->m[subj[0]].actor;

    pg_found_event ev = {0, 0, mode, status, when, initiator};
    int rc = PG_OK;
    if (n_subj > 0 && n_obj > 0) {
        for (size_t i = 0; i < n_subj && rc == PG_OK; i++)
            for (size_t j = 0; j < n_obj && rc == PG_OK; j++) {
                ev.a = s->m[subj[i]].actor;
                ev.b = s->m[obj[j]].actor;
                if (ev.a != ev.b)
                    rc = pg_push(out, ev, err);
            }
        return rc;
    }
    /* "X and Y met", "talks between X and Y": pairs within one side */
    long *side = n_subj > 1 ? subj : obj;
    size_t n = n_subj > 1 ? n_subj : n_obj;
    if (n < 2 || (n_subj > 1 && (flags & PG_TRIG_NEEDS_OBJ)))
        return PG_OK;
    ev.initiator = -1;
    for (size_t i = 0; i < n && rc == PG_OK; i++)
        for (size_t j = i + 1; j < n && rc == PG_OK; j++) {
            ev.a = s->m[side[i]].actor;
            ev.b = s->m[side[j]].actor;
            rc = pg_push(out, ev, err);
        }
    return rc;
}

/* "the Biden-Xi summit": two persons in one hyphenated token before a noun trigger. */
static int pg_detect_hyphenated(const pg_sent *s, size_t t, const pg_trigger *tr, pg_day date,
                                pg_found_events *out, pg_error *err)
{
    for (size_t k = t; k > s->b && k + 3 > t; k--) {
        size_t i = k - 1;
        long first = pg_person_at(s, i);
        if (first < 0 || s->m[first].tok_end != i + 1)
            continue;
        long second = -1;
        for (size_t j = 0; j < s->n_m; j++)
            if ((long)j != first && s->m[j].tok_begin == i && s->m[j].kind == PG_KIND_PERSON)
                second = (long)j;
        if (second < 0)
            return PG_OK;
        size_t clause = pg_clause_start(s, t);
        pg_status status = pg_status_of(s, clause, t);
        pg_found_event ev = {s->m[first].actor, s->m[second].actor, tr->mode, status,
                             pg_find_date(s->text, s->toks, s->w, s->b, clause, s->e, date,
                                          status == PG_STATUS_PLANNED),
                             -1};
        return ev.a != ev.b ? pg_push(out, ev, err) : PG_OK;
    }
    return PG_OK;
}

int pg_events_detect(const char *text, const pg_tokens *toks, const pg_sentence *st,
                     const pg_mention *m, size_t n_m, pg_day date, pg_found_events *out,
                     pg_error *err)
{
    size_t persons = 0;
    for (size_t i = 0; i < n_m; i++)
        persons += m[i].kind == PG_KIND_PERSON;
    size_t n = st->tok_end - st->tok_begin;
    if (persons < 2 || n > PG_EV_MAX_TOKENS)
        return PG_OK;
    pthread_once(&pg_word_once, pg_word_index);
    char w[PG_EV_MAX_TOKENS][PG_EV_WORD];
    const pg_word_info *info[PG_EV_MAX_TOKENS];
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        info[i] = NULL; /* not read yet */
        if (pg_may_trigger(text, &toks->v[st->tok_begin + i])) {
            info[i] = pg_word_of(w[i], pg_fold_word(text, &toks->v[st->tok_begin + i], w[i]));
            any |= info[i]->trigger != NULL;
        }
    }
    if (!any)
        return PG_OK; /* no word of the sentence is a trigger: no event */
    long person[PG_EV_MAX_TOKENS];
    pg_sent s = {text, toks, st->tok_begin, st->tok_end, w, info, person, m, n_m};
    for (size_t i = 0; i < n; i++) {
        if (!info[i]) /* each word is folded once: the rules read them all now */
            info[i] = pg_word_of(w[i], pg_fold_word(text, &toks->v[s.b + i], w[i]));
        person[i] = -1;
    }
    /* the first mention at a token wins; a hyphenated pair shares its token */
    for (size_t k = n_m; k-- > 0;)
        if (m[k].kind == PG_KIND_PERSON)
            for (size_t i = m[k].tok_begin; i < m[k].tok_end; i++)
                person[i - s.b] = (long)k;
    for (size_t k = 0; k < n_m; k++)
        if (m[k].kind == PG_KIND_PERSON)
            person[m[k].tok_begin - s.b] = (long)k;

    int rc = PG_OK;
    for (size_t i = s.b; i < s.e && rc == PG_OK; i++) {
        if (pg_person_at(&s, i) >= 0)
            continue;
        const pg_trigger *tr = s.info[i - s.b]->trigger;
        if (!tr)
            continue;
        /* "phone call", "phone talks": one trigger, the noun decides */
        if ((pg_eq(tr->word, "phone") || pg_eq(tr->word, "telephone")) &&
            i + 1 < s.e && s.info[i + 1 - s.b]->trigger)
            continue;
        size_t before = out->n;
        if (tr->flags & PG_TRIG_NOUN)
            rc = pg_detect_hyphenated(&s, i, tr, date, out, err);
        if (rc == PG_OK && out->n == before)
            rc = pg_detect_at(&s, i, tr, date, out, err);
        if (rc == PG_OK && out->n > before && tr->mode == PG_MODE_PHONE) {
            /* "spoke ... by phone" upgraded earlier events of this sentence */
            for (size_t k = 0; k < out->n; k++)
                if (out->v[k].mode == PG_MODE_UNSPECIFIED)
                    out->v[k].mode = PG_MODE_PHONE;
        }
    }
    return rc;
}

void pg_found_events_release(pg_found_events *e)
{
    if (!e)
        return;
    free(e->v);
    memset(e, 0, sizeof *e);
}
