#ifndef PG_DISCOVER_H
#define PG_DISCOVER_H

/*
 * Discovery of persons the dictionary does not know: titled names
 * ("spokesman Steffen Seibert"), names that begin with a known given name
 * or an initial ("M. Waugh"), capitalised names that say or are said
 * something ("Jane Smith said"), in an apposition ("Jane Smith, 34,",
 * "Jane Smith, a former editor"), with a country in brackets or a minute of
 * a goal as results write them ("Pete Sampras ( U.S. )", "( Bobic 61st )"),
 * or listed next to such a name. Runs naming places, teams, newspapers and
 * organisations are left out, and so are words in capitals (headlines).
 * Page furniture (bylines, captions, banners) is recognised here too.
 */

#include <stddef.h>
#include <stdint.h>

#include "pg_error.h"
#include "pg_text.h"

typedef struct pg_name {
    size_t tok_begin, tok_end; /* the name, without its title */
    int titled;                /* a title or role word came before it */
    int firm;                  /* no person: a firm without its legal form (PG_DISCOVER_FIRMS) */
} pg_name;

typedef struct pg_names {
    pg_name *v;
    size_t n, cap;
} pg_names;

/* Values of 'covered' besides 0 (free): taken by the dictionary, as a country. */
#define PG_COVERED 1
#define PG_COVERED_COUNTRY 2

/*
 * Finds person names in sentence s. 'covered' marks tokens (indexed from
 * s->tok_begin) already taken by the dictionary: nonzero, PG_COVERED_COUNTRY
 * when the dictionary found a country there. Appends to out.
 */
int pg_discover_names(const char *text, const pg_tokens *toks, const pg_sentence *s,
                      const unsigned char *covered, pg_names *out, pg_error *err);

/* pg_discover_names_memo flags: only names of two words or more ("Phil Simmons") */
#define PG_DISCOVER_FULL_NAMES 1u
/* ... and firms named with their legal form ("Atria Oy"), marked 'firm' */
#define PG_DISCOVER_FIRMS 2u

/*
 * The same, keeping what is learnt of each token in 'memo' (n_memo entries
 * for the tokens from s->tok_begin, zero before the first call) so that a
 * second pass over the sentence costs less. 'uppers', when not NULL, lists
 * in order the capitalised words (PG_TOK_UPPER) from s->tok_begin on, the
 * only ones that can begin a name: n_uppers of them, or more. With flags,
 * 'plain' (when not NULL) receives too what the same pass with no flags
 * finds, as one walk: a second pass with the same 'covered' need not walk.
 */
int pg_discover_names_memo(const char *text, const pg_tokens *toks, const pg_sentence *s,
                           const unsigned char *covered, uint32_t *memo, size_t n_memo,
                           const uint32_t *uppers, size_t n_uppers, unsigned flags,
                           pg_names *out, pg_names *plain, pg_error *err);

/*
 * Page furniture, no evidence: a sentence that opens as a byline, a photo
 * credit or a banner (pg_furniture_opening), or that holds a credit
 * ("Photograph: X/AP": pg_is_credit of token i, token i + 1 the colon;
 * a credit is a capitalised word, pg_is_credit is 0 for any other).
 */
int pg_furniture_opening(const char *text, const pg_tokens *toks, const pg_sentence *s);
int pg_is_credit(const char *text, const pg_tokens *toks, size_t i);

/* Is this word (as written) a known given name (pg_given_names.h)? */
int pg_is_given_name(const char *word, size_t len);

/*
 * Can this word carry on a name ("Ruggiero Rizzitelli")? A capitalised word
 * that is not a title, a function word or a word of organisations.
 */
int pg_name_continues(const char *text, const pg_token *t);

/* Are the word tables of discovery sorted and free of duplicates? 1 if so. */
int pg_discover_check_lists(void);

void pg_names_release(pg_names *n);

#endif
