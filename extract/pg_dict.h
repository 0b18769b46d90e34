#ifndef PG_DICT_H
#define PG_DICT_H

/*
 * The actor dictionary: actors with aliases and dated roles, loaded from
 * JSON (DESIGN.md "Actor dictionary"), and a matcher that finds their
 * names, aliases and role descriptions in tokenised text.
 */

#include <stddef.h>

#include "pg_date.h"
#include "pg_error.h"
#include "pg_text.h"

typedef enum pg_kind { PG_KIND_PERSON = 0, PG_KIND_ORGANIZATION, PG_KIND_COUNTRY } pg_kind;

const char *pg_kind_name(pg_kind kind);
int pg_kind_parse(const char *s, pg_kind *out); /* 0 ok, -1 unknown */

typedef struct pg_role {
    char *title;
    pg_day from, to; /* PG_DAY_NONE: open */
    char **descriptions;
    size_t n_descriptions;
} pg_role;

typedef struct pg_actor {
    char *id;
    char *name;
    pg_kind kind;
    char country[4]; /* ISO alpha-3 or "" */
    char **aliases;
    size_t n_aliases;
    pg_role *roles;
    size_t n_roles;
} pg_actor;

typedef struct pg_dict pg_dict;

int pg_dict_new(pg_dict **out, pg_error *err);
/* The dictionary compiled into the binary (data/). */
int pg_dict_new_builtin(pg_dict **out, pg_error *err);
void pg_dict_free(pg_dict *dict);

/*
 * Adds the actors of a JSON dictionary; an id already present is replaced.
 * 'source' names the input in error messages ("file:line:col: ...").
 */
int pg_dict_load_json(pg_dict *dict, const char *json, size_t len, const char *source,
                      pg_error *err);
int pg_dict_load_file(pg_dict *dict, const char *path, pg_error *err);

/*
 * Reads a dictionary file whole into *out (NUL-terminated, the caller
 * frees); refuses files with NUL bytes or over 1 GiB, so a device or a
 * binary file is an error, not an endless read.
 */
int pg_dict_read_text(const char *path, char **out, size_t *len, pg_error *err);

/*
 * Builds the phrase index after loading. pg_dict_match does it on first use,
 * but threads sharing a dictionary must call this first.
 */
int pg_dict_prepare(pg_dict *dict, pg_error *err);

size_t pg_dict_size(const pg_dict *dict);
const pg_actor *pg_dict_actor(const pg_dict *dict, size_t index);
/* Index of the actor with this id, or -1. */
long pg_dict_find(const pg_dict *dict, const char *id);

/* What a phrase in the text names. */
typedef enum pg_match_type {
    PG_MATCH_NAME = 0,    /* the actor's name */
    PG_MATCH_ALIAS,       /* an alias (often the surname alone) */
    PG_MATCH_DESCRIPTION, /* a role description, resolved by date */
} pg_match_type;

typedef struct pg_match {
    size_t tok_begin, tok_end; /* tokens [tok_begin, tok_end) */
    long actor;                /* dictionary index, or -1 if unresolved */
    pg_match_type type;
} pg_match;

typedef struct pg_matches {
    pg_match *v;
    size_t n, cap;
} pg_matches;

/*
 * Finds the longest dictionary phrases in tokens [begin, end), left to
 * right, without overlaps. Role descriptions resolve to the actor holding
 * the role on 'date'; a description that spells the actor's name
 * ("President Obama") names them on any date. Unresolved phrases have
 * actor -1. Appends to 'out'.
 */
int pg_dict_match(const pg_dict *dict, const char *text, const pg_tokens *toks, size_t begin,
                  size_t end, pg_day date, pg_matches *out, pg_error *err);

/*
 * The tokens of a text that may begin a phrase, in order, into out[0,
 * *n_out) (room for toks->n): a filter of their first eight bytes, one
 * for capitalised tokens and one for the rest, rules out nineteen in
 * twenty tokens of news in one loop over the article.
 */
int pg_dict_starts(const pg_dict *dict, const char *text, const pg_tokens *toks, uint32_t *out,
                   size_t *n_out, pg_error *err);

/*
 * pg_dict_match of tokens [begin, end), trying only the listed starts
 * (pg_dict_starts, which also prepared the dictionary; those before begin
 * are passed over).
 */
int pg_dict_match_starts(const pg_dict *dict, const char *text, const pg_tokens *toks,
                         size_t begin, size_t end, const uint32_t *starts, size_t n_starts,
                         pg_day date, pg_matches *out, pg_error *err);

/*
 * Looks up one word (e.g. a part of "Biden-Xi") as a name or alias; the
 * token flags decide case as in pg_dict_match. Returns the actor or -1.
 */
long pg_dict_lookup_word(const pg_dict *dict, const char *word, size_t len, uint32_t flags,
                         pg_day date);

void pg_matches_release(pg_matches *m);

#endif
