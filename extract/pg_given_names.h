#ifndef PG_GIVEN_NAMES_H
#define PG_GIVEN_NAMES_H

/*
 * Words that begin a person's name: given names of many languages and the
 * family names that come first in East Asian names. Case-sensitive: the
 * word as written ("Michael", not "MICHAEL" or "michael").
 */

#include <stddef.h>

/* Longest name looked up, in bytes, plus one. */
#define PG_GIVEN_NAME_MAX 32

int pg_given_name_known(const char *word, size_t len);
size_t pg_given_names_count(void);
/* The i-th given name of the list (i < pg_given_names_count()). */
const char *pg_given_name_at(size_t i);

#endif
