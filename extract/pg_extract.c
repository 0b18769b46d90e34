#include "pg_extract.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_discover.h"
#include "pg_events.h"
#include "pg_strmap.h"

/* Datelines are in the first lines of an article. */
#define PG_DATELINE_BYTES 600
/* A sentence naming more actors than this is a list: pairs are not counted. */
#define PG_MAX_PAIR_ACTORS 24
#define PG_LABEL_MAX 200

static const char *const pg_mode_names[] = {"phone", "meeting", "talks", "unspecified"};
static const char *const pg_status_names[] = {"occurred", "planned", "negated", "hypothetical"};

const char *pg_mode_name(pg_mode m)
{
    return (unsigned)m < 4 ? pg_mode_names[m] : "unspecified";
}

const char *pg_status_name(pg_status s)
{
    return (unsigned)s < 4 ? pg_status_names[s] : "occurred";
}

int pg_mode_parse(const char *s, pg_mode *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, pg_mode_names[i]) == 0) {
            *out = (pg_mode)i;
            return 0;
        }
    return -1;
}

int pg_status_parse(const char *s, pg_status *out)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, pg_status_names[i]) == 0) {
            *out = (pg_status)i;
            return 0;
        }
    return -1;
}

void pg_extract_options_init(pg_extract_options *o)
{
    memset(o, 0, sizeof *o);
    o->date = PG_DAY_NONE;
    o->discover = 1;
}

/* Grows a vector of 'size'-byte items to hold one more. */
static int pg_grow(void **v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

/* Room for n items of 'size' bytes in *v (capacity *cap); 0, or -1 when out of memory. */
static int pg_reserve(void **v, size_t *cap, size_t n, size_t size)
{
    if (n <= *cap)
        return 0;
    if (n > SIZE_MAX / size)
        return -1;
    void *p = realloc(*v, n * size);
    if (!p)
        return -1;
    *v = p;
    *cap = n;
    return 0;
}

/* Where an actor's id and label are in the article's string pool. */
typedef struct pg_ex_name {
    size_t id, label;
} pg_ex_name;

/*
 * What extraction learns of an article while reading it, in memory an
 * extractor keeps from one article to the next.
 */
typedef struct pg_ex_memory {
    pg_strmap ids;      /* id -> actor */
    pg_strmap surnames; /* folded surname of a discovered person -> actor */
    pg_strmap later;    /* folded surname -> full name anywhere in the article (later_v) */
    pg_name *later_v;
    size_t cap_later;
    pg_strmap firms; /* folded names of firms met with their legal form ("atria" of "Atria Oy") */
    uint32_t *memo;  /* what discovery learnt of each token, kept for its second pass */
    size_t memo_cap;
    pg_names plain;  /* the names of each sentence with nothing covered, found by the prescan */
    size_t *plain_at; /* sentence i's are plain.v[plain_at[i], plain_at[i + 1]) */
    size_t cap_plain_at;
    pg_doc_actor *actors; /* the article's actors in the order met; ids and labels unset */
    size_t cap_actors;
    pg_ex_name *names;    /* per actor */
    size_t cap_names;
    char *pool; /* the actors' ids and labels, each NUL-terminated */
    size_t pool_n, pool_cap;
    struct pg_keyed *order; /* pg_ex_finish's sort */
    size_t *rank;
    size_t cap_order, cap_rank;
    /* the record's co-mentions, events and sentences, copied into it at the end */
    pg_comention *co;
    size_t cap_co;
    pg_event *ev;
    size_t cap_ev;
    pg_doc_sentence *sents;
    size_t cap_sents;
} pg_ex_memory;

typedef struct pg_ex {
    const pg_dict *dict;
    const char *text;
    pg_day date;
    size_t n_actors; /* in m->actors */
    pg_ex_memory *m; /* the extractor's, for the article */
    size_t n_later; /* m.later_v in use */
    int plain_ready; /* m.plain and m.plain_at hold this article's */
    const uint32_t *uppers; /* the capitalised words of the article, by index */
    size_t n_uppers, next_upper; /* next_upper: the first not before the sentence read */
    const uint32_t *starts; /* the tokens that may begin a phrase of the dictionary */
    size_t n_starts, next_start;
    size_t n_co, n_ev, n_sents; /* in m->co, m->ev, m->sents */
    pg_error *err;
} pg_ex;

/* An ASCII slug of a name: "Jürgen Hardt" -> "jurgen-hardt". */
void pg_slug(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    int dash = 0;
    for (size_t i = 0; i < len && n + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        char o = 0;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            o = (char)c;
        else if (c >= 'A' && c <= 'Z')
            o = (char)(c - 'A' + 'a');
        else if (c >= 0xC3 && c <= 0xC5 && i + 1 < len) {
            /* Latin-1 and Latin Extended-A letters lose their accents */
            static const char l1[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyts";
            unsigned char d = (unsigned char)s[++i];
            if (c == 0xC3 && d >= 0x80 && d <= 0xBF)
                o = l1[(d - 0x80) & 31];
            else if (c == 0xC4 || c == 0xC5) {
                static const char ext[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkklllll"
                                          "lllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
                size_t k = (size_t)(c - 0xC4) * 64 + (d - 0x80);
                if (d >= 0x80 && d <= 0xBF && k < sizeof ext - 1)
                    o = ext[k];
            }
            if (o == '/')
                o = 0;
        } else if (c >= 0x80) {
            continue; /* other scripts: dropped from the slug */
        }
        if (o) {
            if (dash && n > 0)
                out[n++] = '-';
            dash = 0;
            out[n++] = o;
        } else {
            dash = 1;
        }
    }
    out[n] = '\0';
}

/* Appends s[0, n) and a NUL to the pool; where it went, or -1 when out of memory. */
static long pg_ex_keep(pg_ex *x, const char *s, size_t n)
{
    pg_ex_memory *m = x->m;
    if (n >= (size_t)LONG_MAX - m->pool_n - 1)
        return -1;
    if (m->pool_n + n + 1 > m->pool_cap) {
        size_t cap = m->pool_cap ? m->pool_cap : 1024;
        while (cap < m->pool_n + n + 1)
            cap *= 2;
        char *p = realloc(m->pool, cap);
        if (!p)
            return -1;
        m->pool = p;
        m->pool_cap = cap;
    }
    long at = (long)m->pool_n;
    memcpy(m->pool + at, s, n);
    m->pool[at + (long)n] = '\0';
    m->pool_n += n + 1;
    return at;
}

static int pg_ex_actor(pg_ex *x, const char *id, const char *label, size_t label_len,
                       pg_kind kind, const char *country, int in_dict, size_t *index)
{
    pg_ex_memory *m = x->m;
    size_t id_len = strlen(id);
    long at = pg_strmap_get(&m->ids, id, id_len);
    if (at >= 0) {
        *index = (size_t)at;
        return PG_OK;
    }
    if (pg_grow((void **)&m->actors, &m->cap_actors, x->n_actors, sizeof *m->actors) != 0 ||
        pg_grow((void **)&m->names, &m->cap_names, x->n_actors, sizeof *m->names) != 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    long id_at = pg_ex_keep(x, id, id_len), label_at = pg_ex_keep(x, label, label_len);
    if (id_at < 0 || label_at < 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    m->names[x->n_actors] = (pg_ex_name){(size_t)id_at, (size_t)label_at};
    pg_doc_actor *a = &m->actors[x->n_actors];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->in_dictionary = in_dict;
    a->affiliation = -1;
    if (country)
        memcpy(a->country, country, strnlen(country, 3));
    if (pg_strmap_put(&m->ids, id, id_len, (long)x->n_actors) != 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    *index = x->n_actors++;
    return PG_OK;
}

static int pg_ex_dict_actor(pg_ex *x, long dict_index, size_t *index)
{
    const pg_actor *a = pg_dict_actor(x->dict, (size_t)dict_index);
    return pg_ex_actor(x, a->id, a->name, strlen(a->name), a->kind, a->country, 1, index);
}

/* The folded last word of a name, without a possessive. */
static size_t pg_surname(const char *text, const pg_token *t, char *buf, size_t cap)
{
    size_t n = pg_fold(text + t->start, t->end - t->start, buf, cap);
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2;
    buf[n] = '\0';
    return n;
}

static int pg_ex_discovered(pg_ex *x, const pg_tokens *toks, const pg_name *nm, size_t *index);

/* The folded words of a name, space-separated: "atria", "advanced medical". */
static size_t pg_ex_phrase(const pg_ex *x, const pg_tokens *toks, const pg_name *nm, char *buf,
                           size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t k = nm->tok_begin; k < nm->tok_end; k++) {
        const pg_token *t = &toks->v[k];
        if (!(t->flags & PG_TOK_WORD))
            continue;
        if (len > 0 && len + 1 < cap)
            buf[len++] = ' ';
        len += pg_fold(x->text + t->start, t->end - t->start, buf + len, cap - len);
    }
    return len;
}

/*
 * The person a lone surname names: one named in full earlier ("Seibert"
 * after "Steffen Seibert") or later in the article. Returns the actor, -1
 * if none, or -2 with *rc set when that fails.
 */
static long pg_ex_surname_actor(pg_ex *x, const pg_tokens *toks, const char *sur, size_t sl,
                                int *rc)
{
    long known = sl > 0 ? pg_strmap_get(&x->m->surnames, sur, sl) : -1;
    if (known >= 0 || sl == 0)
        return known;
    long later = pg_strmap_get(&x->m->later, sur, sl);
    if (later < 0)
        return -1;
    size_t idx;
    *rc = pg_ex_discovered(x, toks, &x->m->later_v[later], &idx);
    if (*rc == PG_EINPUT) {
        *rc = PG_OK;
        return -1;
    }
    return *rc == PG_OK ? (long)idx : -2;
}

static int pg_ex_discovered(pg_ex *x, const pg_tokens *toks, const pg_name *nm, size_t *index)
{
    const pg_token *first = &toks->v[nm->tok_begin], *last = &toks->v[nm->tok_end - 1];
    char sur[64];
    size_t sl = pg_surname(x->text, last, sur, sizeof sur);
    /*
     * "Mr Seibert" and "Steffen Seibert" in the same article: the same
     * person; so is "Meanwhile Seibert", but not "Jan Seibert" or "J. Seibert".
     */
    size_t nt = nm->tok_end - nm->tok_begin;
    int other = nt > 1 && (pg_is_given_name(x->text + first->start, first->end - first->start) ||
                           first->end - first->start == 1);
    if (sl > 0 && !other) {
        int rc = PG_OK;
        /* a full name only joins one already met: the later one may be this very name */
        long known = nt == 1 ? pg_ex_surname_actor(x, toks, sur, sl, &rc)
                             : pg_strmap_get(&x->m->surnames, sur, sl);
        if (known >= 0) {
            *index = (size_t)known;
            return PG_OK;
        }
        if (rc != PG_OK)
            return rc;
    }
    if (nt == 1) {
        /* "Chancellor Brown's": the dictionary knows the name without its possessive */
        const char *w = x->text + first->start;
        size_t len = first->end - first->start;
        len -= pg_possessive_len(w, len);
        long d = len < first->end - first->start
                     ? pg_dict_lookup_word(x->dict, w, len, first->flags, x->date)
                     : -1;
        if (d >= 0 && pg_dict_actor(x->dict, (size_t)d)->kind == PG_KIND_PERSON)
            return pg_ex_dict_actor(x, d, index);
    }
    if (x->m->firms.n > 0) {
        /* "Atria said" in an article that wrote "Atria Oy" */
        char phrase[PG_LABEL_MAX + 1];
        size_t pl = pg_ex_phrase(x, toks, nm, phrase, sizeof phrase);
        if (pl > 0 && pg_strmap_get(&x->m->firms, phrase, pl) >= 0)
            return PG_EINPUT;
    }
    size_t start = first->start, end = last->end;
    /* a possessive is not part of the name */
    end -= pg_possessive_len(x->text + start, end - start);
    if (end - start > PG_LABEL_MAX)
        end = start + PG_LABEL_MAX;
    char id[PG_LABEL_MAX + 1];
    pg_slug(x->text + start, end - start, id, sizeof id);
    if (id[0] == '\0')
        return PG_EINPUT; /* nothing to name it by: not an actor */
    /* a name the dictionary uses as an id is that actor, not a new one */
    long d = pg_dict_find(x->dict, id);
    int rc = d >= 0 ? pg_ex_dict_actor(x, d, index)
                    : pg_ex_actor(x, id, x->text + start, end - start, PG_KIND_PERSON, NULL, 0,
                                  index);
    if (rc == PG_OK && sl > 0 && nm->tok_end - nm->tok_begin >= 2 &&
        pg_strmap_get(&x->m->surnames, sur, sl) < 0 &&
        pg_strmap_put(&x->m->surnames, sur, sl, (long)*index) != 0)
        rc = pg_error_set(x->err, PG_ENOMEM, "out of memory");
    return rc;
}

typedef struct pg_mentions {
    pg_mention *v;
    size_t n, cap;
} pg_mentions;

static int pg_add_mention(pg_ex *x, pg_mentions *ms, size_t b, size_t e, size_t actor)
{
    if (pg_grow((void **)&ms->v, &ms->cap, ms->n, sizeof *ms->v) != 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    ms->v[ms->n++] = (pg_mention){b, e, actor, x->m->actors[actor].kind};
    x->m->actors[actor].mentions++;
    return PG_OK;
}

static int pg_cmp_mention(const void *pa, const void *pb)
{
    const pg_mention *a = pa, *b = pb;
    if (a->tok_begin != b->tok_begin)
        return a->tok_begin < b->tok_begin ? -1 : 1;
    return a->actor < b->actor ? -1 : a->actor > b->actor;
}

/* Records sentence si as evidence once; returns its index in the record. */
static long pg_ex_sentence(pg_ex *x, const pg_sentence *s, size_t si)
{
    pg_ex_memory *m = x->m;
    if (x->n_sents > 0 && m->sents[x->n_sents - 1].index == si)
        return (long)x->n_sents - 1;
    if (pg_grow((void **)&m->sents, &m->cap_sents, x->n_sents, sizeof *m->sents) != 0)
        return -1;
    pg_doc_sentence *d = &m->sents[x->n_sents];
    d->index = si;
    d->start = s->start;
    d->end = s->end;
    d->text = NULL; /* copied with the other strings by pg_ex_finish */
    return (long)x->n_sents++;
}

/* Persons in "Biden-Xi" and "Merkel-Macron": each part looked up alone. */
static int pg_hyphen_parts(pg_ex *x, const pg_tokens *toks, size_t i, pg_mentions *ms)
{
    const pg_token *t = &toks->v[i];
    const char *w = x->text + t->start;
    size_t len = t->end - t->start, from = 0;
    long found[4];
    size_t n = 0;
    if (!(t->flags & PG_TOK_UPPER) || !memchr(w, '-', len))
        return PG_OK;
    for (size_t k = 0; k <= len && n < 4; k++) {
        if (k < len && w[k] != '-')
            continue;
        uint32_t flags = (k > from && w[from] >= 'A' && w[from] <= 'Z') ? PG_TOK_UPPER : 0;
        long a = k > from ? pg_dict_lookup_word(x->dict, w + from, k - from, flags, x->date) : -1;
        if (a < 0)
            return PG_OK; /* every part must be an actor: "Franco-German" is not */
        found[n++] = a;
        from = k + 1;
    }
    for (size_t k = 0; k < n; k++) {
        size_t idx;
        int rc = pg_ex_dict_actor(x, found[k], &idx);
        if (rc == PG_OK)
            rc = pg_add_mention(x, ms, i, i + 1, idx);
        if (rc != PG_OK)
            return rc;
    }
    return PG_OK;
}

static int pg_ex_pairs(pg_ex *x, const pg_mentions *ms, const pg_sentence *s, size_t si)
{
    size_t distinct[PG_MAX_PAIR_ACTORS + 1], n = 0;
    for (size_t i = 0; i < ms->n; i++) {
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++)
            seen = distinct[k] == ms->v[i].actor;
        if (!seen) {
            if (n == PG_MAX_PAIR_ACTORS)
                return PG_OK;
            distinct[n++] = ms->v[i].actor;
        }
    }
    if (n < 2)
        return PG_OK;
    long at = pg_ex_sentence(x, s, si);
    if (at < 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (pg_grow((void **)&x->m->co, &x->m->cap_co, x->n_co, sizeof *x->m->co) != 0)
                return pg_error_set(x->err, PG_ENOMEM, "out of memory");
            x->m->co[x->n_co++] = (pg_comention){distinct[i], distinct[j], (size_t)at};
        }
    return PG_OK;
}

static int pg_ex_events(pg_ex *x, const pg_tokens *toks, const pg_mentions *ms,
                        const pg_sentence *s, size_t si)
{
    pg_found_events fe = {0};
    int rc = pg_events_detect(x->text, toks, s, ms->v, ms->n, x->date, &fe, x->err);
    long at = rc == PG_OK && fe.n > 0 ? pg_ex_sentence(x, s, si) : 0;
    if (at < 0)
        rc = pg_error_set(x->err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < fe.n && rc == PG_OK; i++) {
        if (pg_grow((void **)&x->m->ev, &x->m->cap_ev, x->n_ev, sizeof *x->m->ev) != 0) {
            rc = pg_error_set(x->err, PG_ENOMEM, "out of memory");
            break;
        }
        const pg_found_event *f = &fe.v[i];
        x->m->ev[x->n_ev++] = (pg_event){f->a, f->b, f->mode, f->status, f->date, f->initiator,
                                        (size_t)at};
    }
    pg_found_events_release(&fe);
    return rc;
}

/*
 * A one-word name of the dictionary inside the name of someone else: after
 * a given name ("Paul Johnson", "Andrei Medvedev", "Michael Jordan") that is
 * not the actor's own, or a person's surname before another name word
 * ("Ruggiero Rizzitelli"). 'next_free': the next token is no match.
 */
static int pg_ex_other_person(const pg_ex *x, const pg_tokens *toks, const pg_sentence *s,
                              const pg_match *m, const unsigned char *covered, int next_free)
{
    if (m->tok_end - m->tok_begin != 1 || m->type == PG_MATCH_DESCRIPTION || m->actor < 0)
        return 0;
    const pg_actor *a = pg_dict_actor(x->dict, (size_t)m->actor);
    if (m->tok_begin > s->tok_begin && !covered[m->tok_begin - 1 - s->tok_begin]) {
        const pg_token *g = &toks->v[m->tok_begin - 1];
        size_t gl = g->end - g->start;
        if ((g->flags & PG_TOK_UPPER) && !(g->flags & PG_TOK_ALLCAPS) &&
            pg_is_given_name(x->text + g->start, gl))
            return !(strncmp(a->name, x->text + g->start, gl) == 0 && a->name[gl] == ' ');
    }
    return a->kind == PG_KIND_PERSON && next_free && m->tok_end < s->tok_end &&
           pg_name_continues(x->text, &toks->v[m->tok_end]);
}

static int pg_ex_discover(pg_ex *x, const pg_tokens *toks, const pg_sentence *s,
                          const unsigned char *covered, unsigned flags, pg_names *names,
                          pg_names *plain)
{
    if (!x->m->memo)
        return pg_discover_names(x->text, toks, s, covered, names, x->err);
    /* the capitalised words from the sentence on: the first at or after its start */
    size_t lo = 0, hi = x->n_uppers;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->uppers[mid] < s->tok_begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    return pg_discover_names_memo(x->text, toks, s, covered, x->m->memo + s->tok_begin,
                                  s->tok_end - s->tok_begin, x->uppers + lo, x->n_uppers - lo,
                                  flags, names, plain, x->err);
}

/* Words between an owner and a person: "Merkel's (chief) spokesman Steffen Seibert". */
static const char *const pg_aide_words[] = {
    "spokesman", "spokeswoman", "spokesperson", "press", "secretary", "adviser", "advisor",
    "aide", "envoy", "chief", "of", "staff", "deputy", "top", "senior", "security",
    "national", "foreign", "policy", "long-time", "longtime", NULL};

static int pg_is_aide_word(const char *text, const pg_token *t)
{
    char w[32];
    pg_fold(text + t->start, t->end - t->start, w, sizeof w);
    for (size_t i = 0; pg_aide_words[i]; i++)
        if (strcmp(w, pg_aide_words[i]) == 0)
            return 1;
    return 0;
}

static int pg_is_possessive(const char *text, const pg_token *t)
{
    return pg_possessive_len(text + t->start, t->end - t->start) > 0;
}

/*
 * Whom a person speaks or works for, from the words of this sentence:
 * "Merkel's spokesman Steffen Seibert", "the German chancellor's spokesman"
 * (the dictionary gave the owner as a shorter match at the same place).
 */
static void pg_ex_affiliations(pg_ex *x, const pg_tokens *toks, const pg_mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        const pg_mention *p = &ms->v[i];
        if (p->kind != PG_KIND_PERSON || x->m->actors[p->actor].affiliation >= 0)
            continue;
        for (size_t k = 0; k < ms->n; k++) {
            const pg_mention *o = &ms->v[k];
            if (o->actor == p->actor || o->kind == PG_KIND_COUNTRY ||
                !pg_is_possessive(x->text, &toks->v[o->tok_end - 1]))
                continue;
            int inside = o->tok_begin == p->tok_begin && o->tok_end < p->tok_end;
            int before = o->tok_end <= p->tok_begin && p->tok_begin - o->tok_end <= 3 &&
                         p->tok_begin > o->tok_end;
            for (size_t t = o->tok_end; before && t < p->tok_begin; t++)
                before = pg_is_aide_word(x->text, &toks->v[t]);
            if (inside || before) {
                x->m->actors[p->actor].affiliation = (long)o->actor;
                break;
            }
        }
    }
}

static int pg_ex_sentence_run(pg_ex *x, const pg_tokens *toks, const pg_sentence *s, size_t si,
                              const pg_extract_options *opt, pg_matches *mt, pg_names *names,
                              pg_mentions *ms, unsigned char **covered, size_t *cov_cap)
{
    size_t nt = s->tok_end - s->tok_begin;
    if (nt == 0)
        return PG_OK;
    mt->n = 0;
    names->n = 0;
    ms->n = 0;
    if (nt > *cov_cap) {
        unsigned char *c = realloc(*covered, nt);
        if (!c)
            return pg_error_set(x->err, PG_ENOMEM, "out of memory");
        *covered = c;
        *cov_cap = nt;
    }
    memset(*covered, 0, nt);
    while (x->next_start < x->n_starts && x->starts[x->next_start] < s->tok_begin)
        x->next_start++;
    int rc = pg_dict_match_starts(x->dict, x->text, toks, s->tok_begin, s->tok_end,
                                  x->starts + x->next_start, x->n_starts - x->next_start, x->date,
                                  mt, x->err);
    int touched = 0; /* has a token been covered before discovery? */
    for (size_t i = 0; i < mt->n && rc == PG_OK; i++) {
        const pg_match *m = &mt->v[i];
        int next_free = i + 1 >= mt->n || mt->v[i + 1].tok_begin > m->tok_end;
        if (opt->discover && pg_ex_other_person(x, toks, s, m, *covered, next_free))
            continue; /* left to discovery */
        int country = m->actor >= 0 && pg_dict_actor(x->dict, (size_t)m->actor)->kind ==
                                            PG_KIND_COUNTRY;
        memset(*covered + (m->tok_begin - s->tok_begin), country ? PG_COVERED_COUNTRY : PG_COVERED,
               m->tok_end - m->tok_begin);
        touched = 1;
        if (m->actor < 0)
            continue;
        size_t idx;
        rc = pg_ex_dict_actor(x, m->actor, &idx);
        if (rc == PG_OK)
            rc = pg_add_mention(x, ms, m->tok_begin, m->tok_end, idx);
    }
    /* only capitalised words matter below: they are listed, the rest is not read */
    while (x->next_upper < x->n_uppers && x->uppers[x->next_upper] < s->tok_begin)
        x->next_upper++;
    const uint32_t *up = x->uppers + x->next_upper, *up_end = x->uppers + x->n_uppers;
    for (const uint32_t *u = up; u < up_end && *u < s->tok_end && rc == PG_OK; u++) {
        size_t i = *u;
        if (!(toks->v[i].flags & PG_TOK_HYPHEN) || (*covered)[i - s->tok_begin])
            continue;
        size_t before = ms->n;
        rc = pg_hyphen_parts(x, toks, i, ms);
        if (ms->n > before) {
            (*covered)[i - s->tok_begin] = 1;
            touched = 1;
        }
    }
    /* most sentences have nothing covered: the prescan found their names then */
    const pg_name *found = NULL;
    size_t n_found = 0;
    if (rc == PG_OK && opt->discover && !touched && x->plain_ready) {
        n_found = x->m->plain_at[si + 1] - x->m->plain_at[si];
        found = n_found > 0 ? x->m->plain.v + x->m->plain_at[si] : NULL; /* v: NULL until one */
    } else if (rc == PG_OK && opt->discover) {
        rc = pg_ex_discover(x, toks, s, *covered, 0, names, NULL);
        found = names->v;
        n_found = names->n;
    }
    for (size_t i = 0; i < n_found && rc == PG_OK; i++) {
        const pg_name *nm = &found[i];
        size_t idx;
        int r = pg_ex_discovered(x, toks, nm, &idx);
        if (r == PG_OK) {
            rc = pg_add_mention(x, ms, nm->tok_begin, nm->tok_end, idx);
            memset(*covered + (nm->tok_begin - s->tok_begin), 1, nm->tok_end - nm->tok_begin);
        } else if (r != PG_EINPUT) {
            rc = r;
        }
    }
    /* a surname of a person named in full earlier or later in the article */
    size_t sur_end = x->m->surnames.n == 0 && x->m->later.n == 0 ? s->tok_begin : s->tok_end;
    for (const uint32_t *u = up; u < up_end && *u < sur_end && rc == PG_OK; u++) {
        size_t i = *u;
        const pg_token *t = &toks->v[i];
        if ((*covered)[i - s->tok_begin])
            continue;
        char sur[64];
        size_t sl = pg_surname(x->text, t, sur, sizeof sur);
        uint64_t h = sl ? pg_hash_bytes(sur, sl) : 0;
        if (sl == 0 || (pg_strmap_get_hashed(&x->m->surnames, sur, sl, h) < 0 &&
                        pg_strmap_get_hashed(&x->m->later, sur, sl, h) < 0))
            continue; /* the surname of no one in the article: the common case */
        /* a word of a longer capitalised run that discovery did not take */
        int next_cap = i + 1 < s->tok_end && !(*covered)[i + 1 - s->tok_begin] &&
                       (toks->v[i + 1].flags & PG_TOK_UPPER);
        int in_name = i > s->tok_begin && !(*covered)[i - 1 - s->tok_begin] &&
                      pg_name_continues(x->text, &toks->v[i - 1]);
        if (next_cap || in_name)
            continue;
        long known = pg_ex_surname_actor(x, toks, sur, sl, &rc);
        if (known >= 0) {
            (*covered)[i - s->tok_begin] = 1;
            rc = pg_add_mention(x, ms, i, i + 1, (size_t)known);
        }
    }
    if (rc != PG_OK || ms->n == 0)
        return rc;
    pg_ex_affiliations(x, toks, ms);
    qsort(ms->v, ms->n, sizeof *ms->v, pg_cmp_mention);
    rc = pg_ex_pairs(x, ms, s, si);
    if (rc == PG_OK)
        rc = pg_ex_events(x, toks, ms, s, si);
    return rc;
}

typedef struct pg_keyed {
    const char *id;
    size_t index;
} pg_keyed;

static int pg_cmp_keyed(const void *pa, const void *pb)
{
    return strcmp(((const pg_keyed *)pa)->id, ((const pg_keyed *)pb)->id);
}

/* 'at' rounded up to a multiple of 'align', a power of two. */
static size_t pg_align(size_t at, size_t align)
{
    return (at + align - 1) & ~(align - 1);
}

/*
 * Copies the results into a record with actors sorted by id, in one
 * block: the record, its actors, sentences, co-mentions and events, then
 * its strings (its id, the actors' ids and labels, the sentences). One
 * allocation an article, which the thread that takes the record frees.
 */
static int pg_ex_finish(pg_ex *x, const pg_article *a, pg_doc **out)
{
    pg_ex_memory *m = x->m;
    const char *doc_id = a->id ? a->id : "";
    size_t id_len = strlen(doc_id);
    size_t at_actors = pg_align(sizeof(pg_doc), _Alignof(pg_doc_actor));
    size_t at_sents = pg_align(at_actors + x->n_actors * sizeof(pg_doc_actor),
                               _Alignof(pg_doc_sentence));
    size_t at_co = pg_align(at_sents + x->n_sents * sizeof(pg_doc_sentence),
                            _Alignof(pg_comention));
    size_t at_ev = pg_align(at_co + x->n_co * sizeof(pg_comention), _Alignof(pg_event));
    size_t at_strings = at_ev + x->n_ev * sizeof(pg_event);
    size_t bytes = at_strings + m->pool_n + id_len + 1;
    for (size_t i = 0; i < x->n_sents; i++)
        bytes += m->sents[i].end - m->sents[i].start + 1;
    char *block = malloc(bytes);
    if (!block ||
        pg_reserve((void **)&m->order, &m->cap_order, x->n_actors + 1, sizeof *m->order) != 0 ||
        pg_reserve((void **)&m->rank, &m->cap_rank, x->n_actors + 1, sizeof *m->rank) != 0) {
        free(block);
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    }
    pg_doc *d = (pg_doc *)(void *)block;
    memset(d, 0, sizeof *d);
    d->actors = (pg_doc_actor *)(void *)(block + at_actors);
    d->sentences = (pg_doc_sentence *)(void *)(block + at_sents);
    d->comentions = (pg_comention *)(void *)(block + at_co);
    d->events = (pg_event *)(void *)(block + at_ev);
    d->strings = block + at_strings;
    /* the pool as it is, then the id, then the sentences */
    if (m->pool_n > 0)
        memcpy(d->strings, m->pool, m->pool_n); /* no pool yet: no actor */
    d->id = d->strings + m->pool_n;
    memcpy(d->id, doc_id, id_len + 1);
    char *at = d->id + id_len + 1;
    for (size_t i = 0; i < x->n_sents; i++) {
        pg_doc_sentence *ds = &d->sentences[i];
        *ds = m->sents[i];
        size_t n = ds->end - ds->start;
        memcpy(at, x->text + ds->start, n);
        at[n] = '\0';
        ds->text = at;
        at += n + 1;
    }
    pg_keyed *order = m->order;
    size_t *rank = m->rank;
    for (size_t i = 0; i < x->n_actors; i++) {
        m->actors[i].id = d->strings + m->names[i].id;
        m->actors[i].label = d->strings + m->names[i].label;
        order[i] = (pg_keyed){m->actors[i].id, i};
    }
    qsort(order, x->n_actors, sizeof *order, pg_cmp_keyed);
    for (size_t i = 0; i < x->n_actors; i++) {
        rank[order[i].index] = i;
        d->actors[i] = m->actors[order[i].index];
    }
    for (size_t i = 0; i < x->n_co; i++) {
        pg_comention c = m->co[i];
        size_t p = rank[c.a], q = rank[c.b];
        c.a = p < q ? p : q;
        c.b = p < q ? q : p;
        d->comentions[i] = c;
    }
    for (size_t i = 0; i < x->n_ev; i++) {
        pg_event e = m->ev[i];
        size_t p = rank[e.a], q = rank[e.b];
        e.a = p < q ? p : q;
        e.b = p < q ? q : p;
        if (e.initiator >= 0)
            e.initiator = (long)rank[e.initiator];
        d->events[i] = e;
    }
    for (size_t i = 0; i < x->n_actors; i++) {
        if (d->actors[i].affiliation >= 0)
            d->actors[i].affiliation = (long)rank[d->actors[i].affiliation];
    }
    d->date = x->date;
    d->n_actors = x->n_actors;
    d->n_sentences = x->n_sents;
    d->n_comentions = x->n_co;
    d->n_events = x->n_ev;
    x->n_actors = x->n_sents = x->n_co = x->n_ev = 0;
    *out = d;
    return PG_OK;
}

static void pg_ex_memory_release(pg_ex_memory *m)
{
    pg_strmap_release(&m->ids);
    pg_strmap_release(&m->surnames);
    pg_strmap_release(&m->later);
    pg_strmap_release(&m->firms);
    free(m->later_v);
    free(m->memo);
    pg_names_release(&m->plain);
    free(m->plain_at);
    free(m->actors);
    free(m->names);
    free(m->pool);
    free(m->order);
    free(m->rank);
    free(m->co);
    free(m->ev);
    free(m->sents);
    memset(m, 0, sizeof *m);
}

/*
 * Full names anywhere in the article, by surname, before the sentences are
 * read: "Simmons" in the first paragraph is the "Phil Simmons" of the third.
 * The same walk finds each sentence's names as the sentence pass would with
 * nothing covered (m.plain), which is what most sentences have.
 */
static int pg_ex_prescan(pg_ex *x, const pg_tokens *toks, const pg_sentences *sents,
                         const unsigned char *furniture, pg_names *names,
                         unsigned char **covered, size_t *cov_cap)
{
    if (pg_reserve((void **)&x->m->plain_at, &x->m->cap_plain_at, sents->n + 1,
                   sizeof *x->m->plain_at) != 0)
        return pg_error_set(x->err, PG_ENOMEM, "out of memory");
    x->m->plain.n = 0;
    for (size_t i = 0; i < sents->n; i++) {
        const pg_sentence *s = &sents->v[i];
        size_t nt = s->tok_end - s->tok_begin;
        x->m->plain_at[i] = x->m->plain.n;
        if (furniture[i] || nt == 0)
            continue;
        if (nt > *cov_cap) {
            unsigned char *c = realloc(*covered, nt);
            if (!c)
                return pg_error_set(x->err, PG_ENOMEM, "out of memory");
            *covered = c;
            *cov_cap = nt;
        }
        memset(*covered, 0, nt);
        names->n = 0;
        int rc = pg_ex_discover(x, toks, s, *covered, PG_DISCOVER_FULL_NAMES | PG_DISCOVER_FIRMS,
                                names, &x->m->plain);
        if (rc != PG_OK)
            return rc;
        for (size_t k = 0; k < names->n; k++) {
            const pg_name *nm = &names->v[k];
            if (nm->firm) {
                char phrase[PG_LABEL_MAX + 1];
                size_t pl = pg_ex_phrase(x, toks, nm, phrase, sizeof phrase);
                if (pl > 0 && pg_strmap_put(&x->m->firms, phrase, pl, 1) != 0)
                    return pg_error_set(x->err, PG_ENOMEM, "out of memory");
                continue;
            }
            char sur[64];
            size_t sl = nm->tok_end - nm->tok_begin >= 2
                            ? pg_surname(x->text, &toks->v[nm->tok_end - 1], sur, sizeof sur)
                            : 0;
            if (sl == 0 || pg_strmap_get(&x->m->later, sur, sl) >= 0)
                continue;
            if (pg_grow((void **)&x->m->later_v, &x->m->cap_later, x->n_later,
                        sizeof *x->m->later_v) != 0 ||
                pg_strmap_put(&x->m->later, sur, sl, (long)x->n_later) != 0)
                return pg_error_set(x->err, PG_ENOMEM, "out of memory");
            x->m->later_v[x->n_later++] = *nm;
        }
    }
    x->m->plain_at[sents->n] = x->m->plain.n;
    x->plain_ready = x->m->memo != NULL; /* without it pg_ex_discover makes no 'plain' */
    return PG_OK;
}

/*
 * Which sentences are page furniture (pg_discover.h), into marks[0,
 * sents->n); the capitalised words, in uppers[0, n_uppers), are the only
 * ones that can be a credit. A caption is the text before its credit on
 * the same line: "Putin at his desk. Photograph: X/AP".
 */
static void pg_furniture_marks(const char *text, const pg_tokens *toks, const pg_sentences *sents,
                               const uint32_t *uppers, size_t n_uppers, unsigned char *marks)
{
    for (size_t i = 0; i < sents->n; i++)
        marks[i] = (unsigned char)pg_furniture_opening(text, toks, &sents->v[i]);
    size_t si = 0;
    for (size_t k = 0; k < n_uppers && si < sents->n; k++) {
        size_t u = uppers[k];
        while (si < sents->n && sents->v[si].tok_end <= u)
            si++;
        if (si < sents->n && u >= sents->v[si].tok_begin && u + 1 < sents->v[si].tok_end &&
            pg_is_credit(text, toks, u))
            marks[si] = 1;
    }
    for (size_t i = sents->n; i-- > 0;) {
        if (!marks[i] && i + 1 < sents->n && marks[i + 1]) {
            const pg_sentence *next = &sents->v[i + 1];
            int same_line = next->tok_begin < toks->n &&
                            !(toks->v[next->tok_begin].flags & (PG_TOK_NL | PG_TOK_PARA));
            const char *credit = text + next->start;
            if (same_line && (strncmp(credit, "Photo", 5) == 0 || strncmp(credit, "Image", 5) == 0 ||
                              strncmp(credit, "Picture", 7) == 0))
                marks[i] = 1;
        }
    }
}

/*
 * The working memory of extraction, kept from one article to the next:
 * an article costs a few allocations, not dozens. Buffers that grew past
 * PG_KEEP_BYTES for an outsized article are given back after it.
 */
struct pg_extractor {
    pg_tokens toks;
    pg_sentences sents;
    pg_matches mt;
    pg_names names;
    pg_mentions ms;
    unsigned char *covered, *furniture;
    size_t cov_cap, furniture_cap;
    uint32_t *uppers, *starts;
    size_t uppers_cap, starts_cap;
    pg_ex_memory m; /* of the article being read, emptied after it */
};

#define PG_KEEP_BYTES ((size_t)1 << 20)

int pg_extractor_new(pg_extractor **out, pg_error *err)
{
    *out = calloc(1, sizeof **out);
    return *out ? PG_OK : pg_error_set(err, PG_ENOMEM, "out of memory");
}

void pg_extractor_free(pg_extractor *ex)
{
    if (!ex)
        return;
    pg_tokens_release(&ex->toks);
    pg_sentences_release(&ex->sents);
    pg_matches_release(&ex->mt);
    pg_names_release(&ex->names);
    free(ex->ms.v);
    free(ex->covered);
    free(ex->furniture);
    free(ex->uppers);
    free(ex->starts);
    pg_ex_memory_release(&ex->m);
    free(ex);
}

/* Frees *v, *cap items of 'size' bytes, when it passes PG_KEEP_BYTES. */
static void pg_trim(void **v, size_t *cap, size_t size)
{
    if (*cap * size > PG_KEEP_BYTES) {
        free(*v);
        *v = NULL;
        *cap = 0;
    }
}

/* Empties the memory of an article for the next, and gives back what an outsized one grew. */
static void pg_ex_recycle(pg_extractor *ex)
{
    pg_ex_memory *m = &ex->m;
    pg_strmap_clear(&m->ids);
    pg_strmap_clear(&m->surnames);
    pg_strmap_clear(&m->later);
    pg_strmap_clear(&m->firms);
    if (ex->toks.cap * sizeof *ex->toks.v > PG_KEEP_BYTES)
        pg_tokens_release(&ex->toks);
    if (ex->sents.cap * sizeof *ex->sents.v > PG_KEEP_BYTES)
        pg_sentences_release(&ex->sents);
    pg_trim((void **)&m->memo, &m->memo_cap, sizeof *m->memo);
    pg_trim((void **)&m->plain_at, &m->cap_plain_at, sizeof *m->plain_at);
    if (m->plain.cap * sizeof *m->plain.v > PG_KEEP_BYTES)
        pg_names_release(&m->plain);
    pg_trim((void **)&ex->uppers, &ex->uppers_cap, sizeof *ex->uppers);
    pg_trim((void **)&ex->starts, &ex->starts_cap, sizeof *ex->starts);
    pg_trim((void **)&ex->furniture, &ex->furniture_cap, 1);
    pg_trim((void **)&m->later_v, &m->cap_later, sizeof *m->later_v);
    m->pool_n = 0;
    pg_trim((void **)&m->pool, &m->pool_cap, 1);
    pg_trim((void **)&m->actors, &m->cap_actors, sizeof *m->actors);
    pg_trim((void **)&m->names, &m->cap_names, sizeof *m->names);
    pg_trim((void **)&m->order, &m->cap_order, sizeof *m->order);
    pg_trim((void **)&m->rank, &m->cap_rank, sizeof *m->rank);
    pg_trim((void **)&m->co, &m->cap_co, sizeof *m->co);
    pg_trim((void **)&m->ev, &m->cap_ev, sizeof *m->ev);
    pg_trim((void **)&m->sents, &m->cap_sents, sizeof *m->sents);
}

int pg_extract_article(const pg_dict *dict, const pg_article *a, const pg_extract_options *opt,
                       pg_doc **out, pg_error *err)
{
    pg_extractor *ex;
    *out = NULL;
    int rc = pg_extractor_new(&ex, err);
    if (rc == PG_OK)
        rc = pg_extract_article_with(ex, dict, a, opt, out, err);
    pg_extractor_free(ex);
    return rc;
}

int pg_extract_article_with(pg_extractor *ex, const pg_dict *dict, const pg_article *a,
                            const pg_extract_options *opt, pg_doc **out, pg_error *err)
{
    pg_extract_options defaults;
    if (!opt) {
        pg_extract_options_init(&defaults);
        opt = &defaults;
    }
    *out = NULL;
    pg_ex x = {0};
    x.dict = dict;
    x.text = a->text;
    x.err = err;
    x.date = a->date;
    if (x.date == PG_DAY_NONE)
        x.date = pg_day_find_dateline(a->text, a->len, PG_DATELINE_BYTES);
    if (x.date == PG_DAY_NONE)
        x.date = opt->date;
    x.m = &ex->m;

    pg_tokens *toks = &ex->toks;
    pg_sentences *sents = &ex->sents;
    toks->n = 0;
    sents->n = 0;
    int rc = pg_tokenize(toks, a->text, a->len, err);
    if (rc == PG_OK)
        rc = pg_split_sentences(sents, toks, a->text, err);
    if (rc == PG_OK &&
        pg_reserve((void **)&ex->uppers, &ex->uppers_cap, toks->n, sizeof *ex->uppers) != 0)
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    if (rc == PG_OK) {
        /* without a branch: a third of the words are capitalised, in no pattern */
        for (size_t i = 0; i < toks->n; i++) {
            ex->uppers[x.n_uppers] = (uint32_t)i;
            x.n_uppers += (toks->v[i].flags & PG_TOK_UPPER) != 0;
        }
        x.uppers = ex->uppers;
    }
    if (rc == PG_OK &&
        pg_reserve((void **)&ex->starts, &ex->starts_cap, toks->n, sizeof *ex->starts) != 0)
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    if (rc == PG_OK) {
        rc = pg_dict_starts(dict, a->text, toks, ex->starts, &x.n_starts, err);
        x.starts = ex->starts;
    }
    if (rc == PG_OK &&
        pg_reserve((void **)&ex->furniture, &ex->furniture_cap, sents->n + 1, 1) != 0)
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    if (rc == PG_OK)
        pg_furniture_marks(a->text, toks, sents, x.uppers, x.n_uppers, ex->furniture);
    if (rc == PG_OK && opt->discover && sents->n > 0) {
        /* what discovery learnt of each token: 0 is "not yet" */
        if (pg_reserve((void **)&x.m->memo, &x.m->memo_cap, toks->n, sizeof *x.m->memo) != 0)
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        else
            memset(x.m->memo, 0, toks->n * sizeof *x.m->memo);
    }
    if (rc == PG_OK && opt->discover && sents->n > 0)
        rc = pg_ex_prescan(&x, toks, sents, ex->furniture, &ex->names, &ex->covered, &ex->cov_cap);
    for (size_t i = 0; i < sents->n && rc == PG_OK; i++)
        if (!ex->furniture[i])
            rc = pg_ex_sentence_run(&x, toks, &sents->v[i], i, opt, &ex->mt, &ex->names, &ex->ms,
                                    &ex->covered, &ex->cov_cap);
    if (rc == PG_OK)
        rc = pg_ex_finish(&x, a, out);
    pg_ex_recycle(ex);
    return rc;
}

void pg_doc_free(pg_doc *d)
{
    free(d); /* one block with everything it points to (pg_ex_finish) */
}
