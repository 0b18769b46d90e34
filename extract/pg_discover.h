#ifndef PG_DISCOVER_H
#define PG_DISCOVER_H

/*
 * Discovery of persons the dictionary does not know: titled names
 * ("spokesman Steffen Seibert"), names that begin with a known given name,
 * and capitalised names that say or are said something ("Jane Smith said").
 * Page furniture (bylines, captions, banners) is recognised here too.
 */

#include <stddef.h>

#include "pg_error.h"
#include "pg_text.h"

typedef struct pg_name {
    size_t tok_begin, tok_end; /* the name, without its title */
    int titled;                /* a title or role word came before it */
} pg_name;

typedef struct pg_names {
    pg_name *v;
    size_t n, cap;
} pg_names;

/*
 * Finds person names in sentence s. 'covered' marks tokens (indexed from
 * s->tok_begin) already taken by the dictionary. Appends to out.
 */
int pg_discover_names(const char *text, const pg_tokens *toks, const pg_sentence *s,
                      const unsigned char *covered, pg_names *out, pg_error *err);

/* Is sentence s page furniture (byline, photo credit, banner) and no evidence? */
int pg_is_furniture(const char *text, const pg_tokens *toks, const pg_sentence *s);

/* Is this word (as written) a known given name? */
int pg_is_given_name(const char *word, size_t len);

void pg_names_release(pg_names *n);

#endif
