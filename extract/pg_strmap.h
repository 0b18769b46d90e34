#ifndef PG_STRMAP_H
#define PG_STRMAP_H

/*
 * A string-keyed hash map (open addressing, linear probing) to small
 * integer values. Keys are copied. Used for id and phrase look-ups.
 */

#include <stddef.h>
#include <stdint.h>

typedef struct pg_strmap {
    char **keys;
    size_t *lens;
    uint64_t *hashes;
    long *values;
    size_t n, cap; /* cap is 0 or a power of two */
} pg_strmap;

uint64_t pg_hash_bytes(const char *s, size_t len);

/* Value for key, or -1 when absent. */
long pg_strmap_get(const pg_strmap *m, const char *key, size_t len);
/* Sets key to value; returns 0, or -1 when out of memory. */
int pg_strmap_put(pg_strmap *m, const char *key, size_t len, long value);
void pg_strmap_release(pg_strmap *m);

#endif
