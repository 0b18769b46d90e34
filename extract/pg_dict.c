#include "pg_dict.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_jread.h"
#include "pg_swar.h"
#include "pg_strmap.h"

/* Longest phrase (in tokens) the matcher looks for. */
#define PG_PHRASE_MAX 8
/* Longest folded token kept; longer ones cannot be dictionary words. */
#define PG_FOLD_MAX 64
/*
 * Bits of the filter of first words (a one-hash Bloom filter): most
 * tokens start no phrase, and one bit tells so without a table look-up.
 * At least 2^17 bits (16 KB, in the first-level cache), and some 32 bits
 * a first word for bigger dictionaries (a CAMEO import has 20,000 first
 * words), so that about one word in twenty that starts nothing gets
 * through. The filter of the first eight bytes of first words, which a
 * token passes before it is folded and hashed at all, has half as many.
 */
#define PG_FILTER_BITS_MIN 17
#define PG_FILTER_BITS_MAX 23

/* Case a text token must have to match a dictionary token. */
enum { PG_CASE_ANY = 0, PG_CASE_UPPER = 1, PG_CASE_ALLCAPS = 2 };

typedef struct pg_candidate {
    long actor;
    long role; /* -1 for names and aliases */
    pg_match_type type;
    int named; /* a description that holds the actor's name: "President Obama" */
} pg_candidate;

typedef struct pg_phrase {
    size_t n_tokens;
    unsigned char need[PG_PHRASE_MAX];
    pg_candidate *cands;
    size_t n_cands;
} pg_phrase;

struct pg_dict {
    pg_actor *actors;
    size_t n_actors, cap_actors;
    pg_strmap ids;     /* id -> actor index */
    pg_strmap phrases; /* folded phrase -> index into 'table' */
    pg_strmap firsts;  /* folded first token -> longest phrase it starts; after the
                          build, (that * 2 + 1 when the token is a phrase by itself) * 4
                          + the weakest case its phrases need of it */
    pg_strmap steps;   /* the first k >= 2 tokens of a phrase -> (index into 'table' + 1,
                          or 0 when they are no phrase) * 2 + 1 when a longer phrase
                          goes on from them: one look-up per token of a match */
    uint64_t *filter;  /* bit (hash of a first token) set: see PG_FILTER_BITS_MIN */
    unsigned filter_bits, prefix_bits; /* 2^bits in each filter */
    uint64_t *prefix_filter[2]; /* two bits (first eight bytes of a first token) set: [0]
                                   for tokens in lower case, [1] for capitalised ones */
    uint64_t *steps_filter;  /* bit (hash of a key of 'steps') set: "the" starts phrases,
                                "the talks" none, and that costs no probe of the big map */
    unsigned steps_bits;
    pg_phrase *table;
    size_t n_table, cap_table;
    int dirty; /* phrases must be rebuilt */
};

extern const char *const pg_builtin_data[];
extern const size_t pg_builtin_size[];
extern const char *const pg_builtin_name[];
extern const size_t pg_builtin_count;

static const char *const pg_kind_names[] = {"person", "organization", "country"};

const char *pg_kind_name(pg_kind kind)
{
    return (unsigned)kind < 3 ? pg_kind_names[kind] : "person";
}

int pg_kind_parse(const char *s, pg_kind *out)
{
    for (int i = 0; i < 3; i++) {
        if (strcmp(s, pg_kind_names[i]) == 0) {
            *out = (pg_kind)i;
            return 0;
        }
    }
    if (strcmp(s, "organisation") == 0) {
        *out = PG_KIND_ORGANIZATION;
        return 0;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Actors                                                             */
/* ------------------------------------------------------------------ */

static void pg_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void pg_actor_release(pg_actor *a)
{
    free(a->id);
    free(a->name);
    pg_strv_free(a->aliases, a->n_aliases);
    for (size_t i = 0; i < a->n_roles; i++) {
        free(a->roles[i].title);
        pg_strv_free(a->roles[i].descriptions, a->roles[i].n_descriptions);
    }
    free(a->roles);
    memset(a, 0, sizeof *a);
}

static void pg_phrases_release(pg_dict *d)
{
    for (size_t i = 0; i < d->n_table; i++)
        free(d->table[i].cands);
    free(d->table);
    d->table = NULL;
    d->n_table = d->cap_table = 0;
    pg_strmap_release(&d->phrases);
    pg_strmap_release(&d->firsts);
    pg_strmap_release(&d->steps);
    free(d->filter);
    d->filter = NULL;
    for (int k = 0; k < 2; k++) {
        free(d->prefix_filter[k]);
        d->prefix_filter[k] = NULL;
    }
    free(d->steps_filter);
    d->steps_filter = NULL;
}

int pg_dict_new(pg_dict **out, pg_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    return PG_OK;
}

void pg_dict_free(pg_dict *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_actors; i++)
        pg_actor_release(&d->actors[i]);
    free(d->actors);
    pg_strmap_release(&d->ids);
    pg_phrases_release(d);
    free(d);
}

int pg_dict_new_builtin(pg_dict **out, pg_error *err)
{
    int rc = pg_dict_new(out, err);
    for (size_t i = 0; rc == PG_OK && i < pg_builtin_count; i++)
        rc = pg_dict_load_json(*out, pg_builtin_data[i], pg_builtin_size[i], pg_builtin_name[i],
                               err);
    if (rc != PG_OK) {
        pg_dict_free(*out);
        *out = NULL;
    }
    return rc;
}

size_t pg_dict_size(const pg_dict *d)
{
    return d->n_actors;
}

const pg_actor *pg_dict_actor(const pg_dict *d, size_t index)
{
    return index < d->n_actors ? &d->actors[index] : NULL;
}

long pg_dict_find(const pg_dict *d, const char *id)
{
    return pg_strmap_get(&d->ids, id, strlen(id));
}

/* ------------------------------------------------------------------ */
/* Loading JSON                                                        */
/* ------------------------------------------------------------------ */

/* Line of the first occurrence of "needle" (quoted) in the text, or 0. */
static int pg_line_of(const char *json, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0 || n + 2 > len)
        return 0;
    int line = 1;
    for (size_t i = 0; i + n + 2 <= len; i++) {
        if (json[i] == '\n')
            line++;
        else if (json[i] == '"' && json[i + n + 1] == '"' && memcmp(json + i + 1, needle, n) == 0)
            return line;
    }
    return 0;
}

typedef struct pg_loader {
    const char *json;
    size_t len;
    const char *source;
    size_t index;   /* actor being read */
    const char *id; /* its id, when known */
    pg_error *err;
} pg_loader;

/* "SOURCE:LINE: actors[i].FIELD: WHAT", with the line of the actor's id. */
static int pg_schema_error(const pg_loader *l, const char *field, const char *what)
{
    int line = l->id ? pg_line_of(l->json, l->len, l->id) : 0;
    if (line > 0)
        return pg_error_set(l->err, PG_EINPUT, "%s:%d: actors[%zu].%s: %s", l->source, line,
                            l->index, field, what);
    return pg_error_set(l->err, PG_EINPUT, "%s: actors[%zu].%s: %s", l->source, l->index, field,
                        what);
}

/* 'role' of a field that belongs to the actor itself */
#define PG_NO_ROLE ((size_t)-1)

/*
 * pg_schema_error for FIELD, or roles[ROLE].FIELD: the path is only
 * formatted for a message, not for every field read.
 */
static int pg_field_error(const pg_loader *l, size_t role, const char *field, const char *what)
{
    if (role == PG_NO_ROLE)
        return pg_schema_error(l, field, what);
    char path[160];
    snprintf(path, sizeof path, "roles[%zu].%s", role, field);
    return pg_schema_error(l, path, what);
}

static int pg_read_string(const pg_loader *l, const pg_jnode *obj, const char *key, int required,
                          char **out)
{
    const pg_jnode *v = pg_jnode_get(obj, key);
    *out = NULL;
    if (!v || pg_jnode_is(v, PG_JNULL)) {
        if (required)
            return pg_schema_error(l, key, "missing (expected a non-empty string)");
        return PG_OK;
    }
    size_t n;
    const char *s = pg_jnode_string(v, &n);
    if (!s || n == 0)
        return pg_schema_error(l, key, "expected a non-empty string");
    *out = strdup(s);
    if (!*out)
        return pg_error_set(l->err, PG_ENOMEM, "out of memory");
    return PG_OK;
}

static int pg_read_strings(const pg_loader *l, const pg_jnode *obj, const char *key, size_t role,
                           char ***out, size_t *n)
{
    const pg_jnode *v = pg_jnode_get(obj, key);
    *out = NULL;
    *n = 0;
    if (!v || pg_jnode_is(v, PG_JNULL))
        return PG_OK;
    if (!pg_jnode_is(v, PG_JARRAY))
        return pg_field_error(l, role, key, "expected an array of strings");
    size_t count = pg_jnode_size(v);
    if (count == 0)
        return PG_OK;
    *out = calloc(count, sizeof **out);
    if (!*out)
        return pg_error_set(l->err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *s = pg_jnode_string(pg_jnode_at(v, i), &len);
        if (!s || len == 0) {
            char where[160];
            snprintf(where, sizeof where, "%s[%zu]", key, i);
            return pg_field_error(l, role, where, "expected a non-empty string");
        }
        (*out)[i] = strdup(s);
        if (!(*out)[i])
            return pg_error_set(l->err, PG_ENOMEM, "out of memory");
        (*n)++;
    }
    return PG_OK;
}

static int pg_read_date(const pg_loader *l, const pg_jnode *jr, const char *key, size_t role,
                        pg_day *out)
{
    const pg_jnode *v = pg_jnode_get(jr, key);
    *out = PG_DAY_NONE;
    if (!v || pg_jnode_is(v, PG_JNULL))
        return PG_OK;
    size_t n;
    const char *s = pg_jnode_string(v, &n);
    if (s) {
        *out = pg_day_parse_iso(s, n);
        if (*out != PG_DAY_NONE)
            return PG_OK;
    }
    return pg_field_error(l, role, key, "expected a date YYYY-MM-DD or null");
}

static int pg_read_role(const pg_loader *l, const pg_jnode *jr, size_t r, pg_role *role)
{
    if (!pg_jnode_is(jr, PG_JOBJECT)) {
        char path[96];
        snprintf(path, sizeof path, "roles[%zu]", r);
        return pg_schema_error(l, path, "expected an object");
    }
    size_t n;
    const char *t = pg_jnode_string(pg_jnode_get(jr, "title"), &n);
    if (!t || n == 0)
        return pg_field_error(l, r, "title", "expected a non-empty string");
    role->title = strdup(t);
    if (!role->title)
        return pg_error_set(l->err, PG_ENOMEM, "out of memory");
    int rc = pg_read_date(l, jr, "from", r, &role->from);
    if (rc != PG_OK)
        return rc;
    rc = pg_read_date(l, jr, "to", r, &role->to);
    if (rc != PG_OK)
        return rc;
    if (role->from != PG_DAY_NONE && role->to != PG_DAY_NONE && role->to < role->from)
        return pg_field_error(l, r, "to", "ends before it starts");
    return pg_read_strings(l, jr, "descriptions", r, &role->descriptions, &role->n_descriptions);
}

static int pg_read_actor(pg_loader *l, const pg_jnode *ja, pg_actor *a)
{
    if (!pg_jnode_is(ja, PG_JOBJECT))
        return pg_schema_error(l, "", "expected an object");
    l->id = pg_jnode_string(pg_jnode_get(ja, "id"), NULL);
    int rc = pg_read_string(l, ja, "id", 1, &a->id);
    if (rc == PG_OK)
        rc = pg_read_string(l, ja, "name", 1, &a->name);
    if (rc != PG_OK)
        return rc;

    char *s = NULL;
    rc = pg_read_string(l, ja, "kind", 0, &s);
    if (rc != PG_OK)
        return rc;
    a->kind = PG_KIND_PERSON;
    if (s && pg_kind_parse(s, &a->kind) != 0) {
        free(s);
        return pg_schema_error(l, "kind", "expected \"person\", \"organization\" or \"country\"");
    }
    free(s);

    const pg_jnode *jc = pg_jnode_get(ja, "country");
    if (jc && !pg_jnode_is(jc, PG_JNULL)) {
        /* strings hold no NUL: their length is strlen's */
        size_t n;
        const char *c = pg_jnode_string(jc, &n);
        if (!c || (n != 0 && n != 3))
            return pg_schema_error(l, "country", "expected an ISO 3166 alpha-3 code");
        memcpy(a->country, c, n + 1);
    }

    rc = pg_read_strings(l, ja, "aliases", PG_NO_ROLE, &a->aliases, &a->n_aliases);
    if (rc != PG_OK)
        return rc;
    const pg_jnode *jroles = pg_jnode_get(ja, "roles");
    if (!jroles || pg_jnode_is(jroles, PG_JNULL))
        return PG_OK;
    if (!pg_jnode_is(jroles, PG_JARRAY))
        return pg_schema_error(l, "roles", "expected an array");
    size_t n = pg_jnode_size(jroles);
    if (n == 0)
        return PG_OK;
    a->roles = calloc(n, sizeof *a->roles);
    if (!a->roles)
        return pg_error_set(l->err, PG_ENOMEM, "out of memory");
    for (size_t r = 0; r < n; r++) {
        a->n_roles++;
        rc = pg_read_role(l, pg_jnode_at(jroles, r), r, &a->roles[r]);
        if (rc != PG_OK)
            return rc;
    }
    return PG_OK;
}

/* Adds or replaces an actor; takes its contents. */
static int pg_dict_put(pg_dict *d, pg_actor *a, pg_error *err)
{
    long at = pg_strmap_get(&d->ids, a->id, strlen(a->id));
    if (at >= 0) {
        pg_actor_release(&d->actors[at]);
        d->actors[at] = *a;
        return PG_OK;
    }
    if (d->n_actors == d->cap_actors) {
        size_t cap = d->cap_actors ? d->cap_actors * 2 : 256;
        pg_actor *v = realloc(d->actors, cap * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        d->actors = v;
        d->cap_actors = cap;
    }
    if (pg_strmap_put(&d->ids, a->id, strlen(a->id), (long)d->n_actors) != 0)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    d->actors[d->n_actors++] = *a;
    return PG_OK;
}

int pg_dict_load_json(pg_dict *d, const char *json, size_t len, const char *source,
                      pg_error *err)
{
    pg_jdoc *doc;
    int rc = pg_jdoc_load(&doc, json, len, source, err);
    if (rc != PG_OK)
        return rc;
    const pg_jnode *actors = pg_jnode_get(pg_jdoc_root(doc), "actors");
    if (!pg_jnode_is(actors, PG_JARRAY)) {
        rc = pg_error_set(err, PG_EINPUT, "%s:1: expected an object with an array \"actors\"",
                          source);
        goto out;
    }
    pg_strmap seen = {0};
    pg_loader l = {json, len, source, 0, NULL, err};
    for (size_t i = 0; i < pg_jnode_size(actors) && rc == PG_OK; i++) {
        pg_actor a = {0};
        l.index = i;
        l.id = NULL;
        rc = pg_read_actor(&l, pg_jnode_at(actors, i), &a);
        if (rc == PG_OK && pg_strmap_get(&seen, a.id, strlen(a.id)) >= 0)
            rc = pg_schema_error(&l, "id", "duplicate id in this file");
        if (rc == PG_OK && pg_strmap_put(&seen, a.id, strlen(a.id), (long)i) != 0)
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        if (rc == PG_OK)
            rc = pg_dict_put(d, &a, err);
        if (rc != PG_OK)
            pg_actor_release(&a);
    }
    pg_strmap_release(&seen);
    d->dirty = 1;
out:
    pg_jdoc_free(doc);
    return rc;
}

/* A dictionary file larger than this is refused. */
#define PG_DICT_FILE_MAX ((size_t)1 << 30)

int pg_dict_read_text(const char *path, char **out, size_t *out_len, pg_error *err)
{
    *out = NULL;
    *out_len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return pg_error_set(err, PG_EIO, "%s: cannot open: %s", path, strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = PG_OK;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 1 << 17;
            char *b = realloc(buf, cap);
            if (!b) {
                rc = pg_error_set(err, PG_ENOMEM, "%s: out of memory", path);
                break;
            }
            buf = b;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        /*
         * Dictionaries have no NUL bytes, and none is this big: stop
         * early on a device or a binary file instead of reading it all.
         */
        const char *nul = got ? memchr(buf + len, '\0', got) : NULL;
        if (nul) {
            rc = pg_error_set(err, PG_EINPUT, "%s: byte %zu: a NUL byte, not a text file", path,
                              (size_t)(nul - buf));
            break;
        }
        len += got;
        if (len > PG_DICT_FILE_MAX) {
            rc = pg_error_set(err, PG_EINPUT, "%s: larger than 1 GiB, not a dictionary", path);
            break;
        }
        if (got == 0)
            break;
    }
    if (rc == PG_OK && ferror(f))
        rc = pg_error_set(err, PG_EIO, "%s: read error", path);
    fclose(f);
    if (rc != PG_OK) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return PG_OK;
}

int pg_dict_load_file(pg_dict *d, const char *path, pg_error *err)
{
    char *buf;
    size_t len;
    int rc = pg_dict_read_text(path, &buf, &len, err);
    if (rc == PG_OK)
        rc = pg_dict_load_json(d, buf, len, path, err);
    free(buf);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Phrases                                                             */
/* ------------------------------------------------------------------ */

/* Folds a token and drops a possessive ("Merkel's" -> "merkel"). */
static size_t pg_fold_token(const char *s, size_t len, char *buf, size_t cap)
{
    size_t n = pg_fold(s, len, buf, cap);
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2;
    else if (n > 1 && buf[n - 1] == '\'')
        n -= 1;
    buf[n] = '\0';
    return n;
}

static unsigned char pg_case_need(const pg_token *t, pg_match_type type)
{
    if ((t->flags & PG_TOK_ALLCAPS) && !(t->flags & PG_TOK_NUM))
        return PG_CASE_ALLCAPS;
    /* role descriptions are written "German chancellor" as often as "German Chancellor" */
    if (type != PG_MATCH_DESCRIPTION && (t->flags & PG_TOK_UPPER))
        return PG_CASE_UPPER;
    return PG_CASE_ANY;
}

static int pg_case_ok(unsigned char need, uint32_t flags)
{
    if (need == PG_CASE_ALLCAPS)
        return (flags & PG_TOK_ALLCAPS) != 0;
    if (need == PG_CASE_UPPER)
        return (flags & PG_TOK_UPPER) != 0;
    return 1;
}

static int pg_is_article(const char *folded)
{
    return strcmp(folded, "the") == 0;
}

/* Does a description spell the actor's surname or an alias ("President Obama")? */
static int pg_names_actor(const pg_actor *a, const char *description)
{
    const char *last = strrchr(a->name, ' ');
    last = last ? last + 1 : a->name;
    if (strlen(last) >= 3 && strstr(description, last))
        return 1;
    for (size_t i = 0; i < a->n_aliases; i++)
        if (strlen(a->aliases[i]) >= 3 && strstr(description, a->aliases[i]))
            return 1;
    return 0;
}

static int pg_add_phrase(pg_dict *d, const char *text, long actor, long role, pg_match_type type,
                         pg_error *err)
{
    pg_tokens toks = {0};
    int rc = pg_tokenize(&toks, text, strlen(text), err);
    if (rc != PG_OK)
        return rc;
    char key[PG_PHRASE_MAX * (PG_FOLD_MAX + 1)];
    size_t klen = 0, first_len = 0, nt = 0, ends[PG_PHRASE_MAX];
    unsigned char need[PG_PHRASE_MAX];
    for (size_t i = 0; i < toks.n && nt < PG_PHRASE_MAX; i++) {
        char f[PG_FOLD_MAX + 1];
        const pg_token *t = &toks.v[i];
        size_t fl = pg_fold_token(text + t->start, t->end - t->start, f, sizeof f);
        if (fl == 0 || (nt == 0 && pg_is_article(f)))
            continue;
        if (nt > 0)
            key[klen++] = ' ';
        memcpy(key + klen, f, fl);
        klen += fl;
        if (nt == 0)
            first_len = klen;
        ends[nt] = klen;
        need[nt++] = pg_case_need(t, type);
    }
    pg_tokens_release(&toks);
    if (nt == 0)
        return PG_OK;

    long at = pg_strmap_get(&d->phrases, key, klen);
    if (at < 0) {
        if (d->n_table == d->cap_table) {
            size_t cap = d->cap_table ? d->cap_table * 2 : 1024;
            pg_phrase *v = realloc(d->table, cap * sizeof *v);
            if (!v)
                return pg_error_set(err, PG_ENOMEM, "out of memory");
            d->table = v;
            d->cap_table = cap;
        }
        at = (long)d->n_table++;
        pg_phrase *p = &d->table[at];
        memset(p, 0, sizeof *p);
        p->n_tokens = nt;
        memcpy(p->need, need, nt);
        if (pg_strmap_put(&d->phrases, key, klen, at) != 0)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    } else {
        /* the same phrase spelt with other capitals: ask for the weaker case */
        pg_phrase *p = &d->table[at];
        for (size_t i = 0; i < nt; i++)
            if (need[i] < p->need[i])
                p->need[i] = need[i];
    }
    pg_phrase *p = &d->table[at];
    for (size_t i = 0; i < p->n_cands; i++)
        if (p->cands[i].actor == actor && p->cands[i].role == role)
            return PG_OK;
    pg_candidate *c = realloc(p->cands, (p->n_cands + 1) * sizeof *c);
    if (!c)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    p->cands = c;
    p->cands[p->n_cands++] = (pg_candidate){actor, role, type, pg_names_actor(&d->actors[actor], text)};

    long longest = pg_strmap_get(&d->firsts, key, first_len);
    if (longest < (long)nt && pg_strmap_put(&d->firsts, key, first_len, (long)nt) != 0)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t k = 2; k < nt; k++) {
        long v = pg_strmap_get(&d->steps, key, ends[k - 1]);
        if (pg_strmap_put(&d->steps, key, ends[k - 1], v < 0 ? 1 : v | 1) != 0)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    return PG_OK;
}

/*
 * The first eight bytes of a folded word, as one number, when they are
 * plain ASCII without an apostrophe (A-Z lowered: what pg_fold makes of
 * them), else 0: such a word is folded and hashed before any filter.
 * 'room' bytes from p may be read (n or more).
 */
static inline uint64_t pg_prefix8(const unsigned char *p, size_t n, size_t room)
{
    uint64_t w = 0;
#if PG_SWAR_LE
    if (room >= 8) {
        /* one load, and a mask for a shorter word */
        w = pg_swar_load(p);
        if (n < 8)
            w &= n ? ~(uint64_t)0 >> (64 - 8 * n) : 0;
    } else
#endif
    if (n >= 8) {
        w = pg_swar_load(p);
    } else {
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)p[i] << (8 * i);
    }
    if ((w & PG_SWAR_HIGHS) || pg_swar_eq(w, '\''))
        return 0; /* beyond ASCII, or an apostrophe */
    /* A-Z lowered: the mark 0x80 shifted to 0x20 */
    return w | pg_swar_range(w, 'A', 'Z') >> 2;
}

/* A hash of a pg_prefix8 word, whose high bits pick its bit in the prefix filter. */
static uint64_t pg_prefix_hash(uint64_t w)
{
    return w * 0x9E3779B97F4A7C15ULL;
}

/*
 * Bit arrays of 2^nbits bits indexed by the high bits of a hash: the low
 * ones pick strmap slots, so both stay independent.
 */
static int pg_bits_has(const uint64_t *bits, unsigned nbits, uint64_t hash)
{
    uint64_t bit = hash >> (64 - nbits);
    return (bits[bit >> 6] >> (bit & 63)) & 1;
}

static void pg_bits_set(uint64_t *bits, unsigned nbits, uint64_t hash)
{
    uint64_t bit = hash >> (64 - nbits);
    bits[bit >> 6] |= (uint64_t)1 << (bit & 63);
}

/*
 * The prefix filters take two bits a word, from the hash's top 2 * nbits
 * bits: this filter is read for every token, and common words ("with",
 * "this") were among the few in a hundred that one bit let through.
 */
static int pg_prefix_has(const uint64_t *bits, unsigned nbits, uint64_t w)
{
    uint64_t h = pg_prefix_hash(w);
    return pg_bits_has(bits, nbits, h) & pg_bits_has(bits, nbits, h << nbits);
}

static void pg_prefix_set(uint64_t *bits, unsigned nbits, uint64_t w)
{
    uint64_t h = pg_prefix_hash(w);
    pg_bits_set(bits, nbits, h);
    pg_bits_set(bits, nbits, h << nbits);
}

/* 2^bits for n keys: some 32 bits a key, within the PG_FILTER_BITS_ bounds */
static unsigned pg_bits_for(size_t n)
{
    unsigned bits = PG_FILTER_BITS_MIN;
    while (bits < PG_FILTER_BITS_MAX && ((size_t)1 << bits) < 32 * n)
        bits++;
    return bits;
}

static int pg_filter_has(const pg_dict *d, uint64_t hash)
{
    return pg_bits_has(d->filter, d->filter_bits, hash);
}

/*
 * The filters of first words and of phrase beginnings; in 'firsts',
 * whether the word is a phrase by itself and the weakest case a phrase
 * asks of its first word: "he" in lower case starts no phrase (only "He
 * Lifeng" does), so it costs no look-up.
 */
static int pg_filter_build(pg_dict *d, pg_error *err)
{
    d->filter_bits = pg_bits_for(d->firsts.n);
    d->prefix_bits = d->filter_bits - 1;
    d->filter = calloc(((size_t)1 << d->filter_bits) / 64, sizeof *d->filter);
    for (int k = 0; k < 2; k++)
        d->prefix_filter[k] = calloc(((size_t)1 << d->prefix_bits) / 64, sizeof(uint64_t));
    if (!d->filter || !d->prefix_filter[0] || !d->prefix_filter[1])
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->firsts.cap; i++) {
        pg_strmap_slot *f = &d->firsts.slots[i];
        if (!f->key)
            continue;
        pg_bits_set(d->filter, d->filter_bits, f->hash);
        f->value = f->value * 8 + PG_CASE_ALLCAPS;
    }
    for (size_t i = 0; i < d->phrases.cap; i++) {
        const pg_strmap_slot *ph = &d->phrases.slots[i];
        if (!ph->key)
            continue;
        const char *space = memchr(ph->key, ' ', ph->len);
        size_t first = space ? (size_t)(space - ph->key) : ph->len;
        long v = pg_strmap_get(&d->firsts, ph->key, first), was = v;
        unsigned char need = d->table[ph->value].need[0];
        if (v >= 0 && need < v % 4)
            v = v - v % 4 + need;
        if (v >= 0 && !space)
            v |= 4; /* a phrase by itself: worth a look-up in 'phrases' */
        if (v != was && pg_strmap_put(&d->firsts, ph->key, first, v) != 0)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        if (!space)
            continue;
        long step = pg_strmap_get(&d->steps, ph->key, ph->len);
        step = (step < 0 ? 0 : step % 2) + 2 * (ph->value + 1);
        if (pg_strmap_put(&d->steps, ph->key, ph->len, step) != 0)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    /* a token in lower case begins a phrase only where the phrase asks no capital of it */
    for (size_t i = 0; i < d->firsts.cap; i++) {
        const pg_strmap_slot *f = &d->firsts.slots[i];
        uint64_t w = f->key ? pg_prefix8((const unsigned char *)f->key, f->len, f->len) : 0;
        if (!w)
            continue;
        pg_prefix_set(d->prefix_filter[1], d->prefix_bits, w);
        if (f->value % 4 == PG_CASE_ANY)
            pg_prefix_set(d->prefix_filter[0], d->prefix_bits, w);
    }
    d->steps_bits = pg_bits_for(d->steps.n);
    d->steps_filter = calloc(((size_t)1 << d->steps_bits) / 64, sizeof *d->steps_filter);
    if (!d->steps_filter)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    for (size_t i = 0; i < d->steps.cap; i++)
        if (d->steps.slots[i].key)
            pg_bits_set(d->steps_filter, d->steps_bits, d->steps.slots[i].hash);
    return PG_OK;
}

static int pg_dict_build(pg_dict *d, pg_error *err)
{
    pg_phrases_release(d);
    int rc = PG_OK;
    for (size_t i = 0; i < d->n_actors && rc == PG_OK; i++) {
        const pg_actor *a = &d->actors[i];
        rc = pg_add_phrase(d, a->name, (long)i, -1, PG_MATCH_NAME, err);
        for (size_t k = 0; k < a->n_aliases && rc == PG_OK; k++)
            rc = pg_add_phrase(d, a->aliases[k], (long)i, -1, PG_MATCH_ALIAS, err);
        for (size_t r = 0; r < a->n_roles && rc == PG_OK; r++)
            for (size_t k = 0; k < a->roles[r].n_descriptions && rc == PG_OK; k++)
                rc = pg_add_phrase(d, a->roles[r].descriptions[k], (long)i, (long)r,
                                   PG_MATCH_DESCRIPTION, err);
    }
    if (rc == PG_OK)
        rc = pg_filter_build(d, err);
    if (rc == PG_OK)
        d->dirty = 0;
    return rc;
}

int pg_dict_prepare(pg_dict *d, pg_error *err)
{
    return d->dirty ? pg_dict_build(d, err) : PG_OK;
}

static int pg_role_holds(const pg_role *r, pg_day date)
{
    return (r->from == PG_DAY_NONE || r->from <= date) && (r->to == PG_DAY_NONE || date <= r->to);
}

/*
 * Which actor a phrase names: a name or alias of exactly one actor wins;
 * else a role description held on 'date' (at a hand-over, the newer
 * holder); else a description that spells one actor's name ("former
 * President Obama" is still Obama).
 */
static long pg_resolve(const pg_dict *d, const pg_phrase *p, pg_day date, pg_match_type *type)
{
    long named = -1, described = -1;
    int n_named = 0;
    pg_day best_from = PG_DAY_NONE;
    long only = -2;
    for (size_t i = 0; i < p->n_cands; i++) {
        const pg_candidate *c = &p->cands[i];
        if (c->type != PG_MATCH_DESCRIPTION) {
            if (named != c->actor)
                n_named++;
            named = c->actor;
            *type = c->type;
            continue;
        }
        if (c->named)
            only = (only == -2 || only == c->actor) ? c->actor : -1;
        if (date == PG_DAY_NONE)
            continue;
        const pg_role *r = &d->actors[c->actor].roles[c->role];
        if (pg_role_holds(r, date) && (described < 0 || r->from > best_from)) {
            described = c->actor;
            best_from = r->from;
        }
    }
    if (n_named == 1)
        return named;
    *type = PG_MATCH_DESCRIPTION;
    if (described >= 0)
        return described;
    /* "President Obama" in 2020: a form with one actor's name names them */
    if (only >= 0)
        return only;
    return -1;
}

static int pg_push_match(pg_matches *out, pg_match m)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        pg_match *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = m;
    return 0;
}

/*
 * pg_fold_token of a token into buf (PG_FOLD_MAX + 1 bytes): plain ASCII,
 * nearly every token, folds in one simple loop; the rest through pg_fold.
 */
static size_t pg_fold_tok(const char *text, const pg_token *t, char *buf)
{
    const unsigned char *p = (const unsigned char *)text + t->start;
    size_t len = t->end - t->start;
    if (len <= PG_FOLD_MAX) {
        unsigned high = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned c = p[i];
            high |= c;
            buf[i] = (char)(c - 'A' < 26u ? c + ('a' - 'A') : c);
        }
        if (!(high & 0x80)) {
            size_t n = len;
            if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
                n -= 2;
            else if (n > 1 && buf[n - 1] == '\'')
                n -= 1;
            buf[n] = '\0';
            return n;
        }
    }
    return pg_fold_token(text + t->start, len, buf, PG_FOLD_MAX + 1);
}

/*
 * The longest phrase that starts at token i (its first word folded in
 * key[0, klen), 'alone' when that is a phrase too), at most 'longest'
 * tokens and not past 'end', goes to 'out': returns its length in tokens,
 * 0 for none, or a negative error.
 */
static long pg_match_at(const pg_dict *d, const char *text, const pg_tokens *toks, size_t i,
                        size_t end, size_t longest, int alone, pg_day date, char *key,
                        size_t klen, uint64_t hash, pg_matches *out, pg_error *err)
{
    size_t lens[PG_PHRASE_MAX], max = longest < end - i ? longest : end - i, k = 0;
    const pg_phrase *p = NULL;
    /*
     * Forward, one token at a time, for as long as some phrase goes on
     * (the steps map): the longest phrase whose case fits wins.
     */
    for (size_t n = 1; n <= max; n++) {
        long at, more = 1;
        if (n == 1) {
            at = alone ? pg_strmap_get_hashed(&d->phrases, key, klen, hash) : -1;
        } else {
            key[klen++] = ' ';
            klen += pg_fold_tok(text, &toks->v[i + n - 1], key + klen);
            uint64_t h = pg_hash_bytes(key, klen);
            long step = pg_bits_has(d->steps_filter, d->steps_bits, h)
                            ? pg_strmap_get_hashed(&d->steps, key, klen, h)
                            : -1;
            if (step < 0)
                break; /* no phrase is or starts with these n tokens */
            at = step / 2 - 1;
            more = step % 2;
        }
        lens[n - 1] = klen;
        int ok = at >= 0;
        for (size_t j = 0; j < n && ok; j++)
            ok = pg_case_ok(d->table[at].need[j], toks->v[i + j].flags);
        if (ok) {
            k = n;
            p = &d->table[at];
        }
        if (!more)
            break;
    }
    if (!p)
        return 0;
    pg_match_type type = PG_MATCH_NAME;
    long actor = pg_resolve(d, p, date, &type);
    if (pg_push_match(out, (pg_match){i, i + k, actor, type}) != 0)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    /* "the German chancellor's spokesman" also names the chancellor */
    for (size_t j = 0; j + 1 < k; j++) {
        const pg_token *t = &toks->v[i + j];
        int poss = pg_possessive_len(text + t->start, t->end - t->start) > 0;
        long at2 = poss ? pg_strmap_get(&d->phrases, key, lens[j]) : -1;
        if (at2 < 0)
            continue;
        pg_match_type type2 = PG_MATCH_NAME;
        long owner = pg_resolve(d, &d->table[at2], date, &type2);
        if (owner >= 0 && owner != actor &&
            pg_push_match(out, (pg_match){i, i + j + 1, owner, type2}) != 0)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    return (long)k;
}

/* The match at token i, of tokens [i, end): its length, 0 for none, or an error (< 0). */
static long pg_match_from(const pg_dict *d, const char *text, const pg_tokens *toks, size_t i,
                          size_t end, pg_day date, char *key, pg_matches *out, pg_error *err)
{
    size_t klen = pg_fold_tok(text, &toks->v[i], key);
    uint64_t h = klen ? pg_hash_bytes(key, klen) : 0;
    long longest = -1, alone = 0;
    if (klen && pg_filter_has(d, h)) {
        long v = pg_strmap_get_hashed(&d->firsts, key, klen, h);
        if (v >= 0 && pg_case_ok((unsigned char)(v % 4), toks->v[i].flags)) {
            longest = v / 8;
            alone = (v / 4) % 2;
        }
    }
    return longest > 0 ? pg_match_at(d, text, toks, i, end, (size_t)longest, (int)alone, date,
                                     key, klen, h, out, err)
                       : 0;
}

/* May token t begin a phrase? The filter of its first eight bytes says no to most. */
static int pg_may_begin(const pg_dict *d, const char *text, const pg_token *t, size_t readable)
{
    uint64_t w = pg_prefix8((const unsigned char *)text + t->start, t->end - t->start,
                            readable - t->start);
    int capital = (t->flags & (PG_TOK_UPPER | PG_TOK_ALLCAPS)) != 0;
    return !w || pg_prefix_has(d->prefix_filter[capital], d->prefix_bits, w);
}

int pg_dict_starts(const pg_dict *d, const char *text, const pg_tokens *toks, uint32_t *out,
                   size_t *n_out, pg_error *err)
{
    *n_out = 0;
    if (d->dirty && pg_dict_build((pg_dict *)d, err) != PG_OK)
        return err ? err->code : PG_ENOMEM;
    if (d->n_table == 0)
        return PG_OK;
    size_t readable = toks->n > 0 ? toks->v[toks->n - 1].end : 0, n = 0;
    for (size_t i = 0; i < toks->n; i++) {
        out[n] = (uint32_t)i;
        n += (size_t)pg_may_begin(d, text, &toks->v[i], readable);
    }
    *n_out = n;
    return PG_OK;
}

int pg_dict_match_starts(const pg_dict *d, const char *text, const pg_tokens *toks, size_t begin,
                         size_t end, const uint32_t *starts, size_t n_starts, pg_day date,
                         pg_matches *out, pg_error *err)
{
    char key[PG_PHRASE_MAX * (PG_FOLD_MAX + 1)];
    size_t i = begin;
    for (size_t k = 0; k < n_starts && starts[k] < end; k++) {
        if (starts[k] < i)
            continue; /* inside the match before */
        i = starts[k];
        long matched = pg_match_from(d, text, toks, i, end, date, key, out, err);
        if (matched < 0)
            return (int)matched;
        i += matched > 0 ? (size_t)matched : 1;
    }
    return PG_OK;
}

int pg_dict_match(const pg_dict *d, const char *text, const pg_tokens *toks, size_t begin,
                  size_t end, pg_day date, pg_matches *out, pg_error *err)
{
    if (d->dirty && pg_dict_build((pg_dict *)d, err) != PG_OK)
        return err ? err->code : PG_ENOMEM;
    if (d->n_table == 0)
        return PG_OK;
    /* folded tokens of a phrase, a space between: PG_PHRASE_MAX of PG_FOLD_MAX bytes */
    char key[PG_PHRASE_MAX * (PG_FOLD_MAX + 1)];
    /* the text is there to read up to the end of its last token */
    size_t readable = toks->n > 0 ? toks->v[toks->n - 1].end : 0;
    for (size_t i = begin; i < end;) {
        /* the hot loop: most tokens stop at the filter of their first eight bytes */
        if (!pg_may_begin(d, text, &toks->v[i], readable)) {
            i++;
            continue;
        }
        long matched = pg_match_from(d, text, toks, i, end, date, key, out, err);
        if (matched < 0)
            return (int)matched;
        i += matched > 0 ? (size_t)matched : 1;
    }
    return PG_OK;
}

void pg_matches_release(pg_matches *m)
{
    if (!m)
        return;
    free(m->v);
    memset(m, 0, sizeof *m);
}

long pg_dict_lookup_word(const pg_dict *d, const char *word, size_t len, uint32_t flags,
                         pg_day date)
{
    if (d->dirty && pg_dict_build((pg_dict *)d, NULL) != PG_OK)
        return -1;
    char f[PG_FOLD_MAX + 1];
    size_t fl = pg_fold_token(word, len, f, sizeof f);
    long at = fl ? pg_strmap_get(&d->phrases, f, fl) : -1;
    if (at < 0 || d->table[at].n_tokens != 1 || !pg_case_ok(d->table[at].need[0], flags))
        return -1;
    pg_match_type type;
    return pg_resolve(d, &d->table[at], date, &type);
}
