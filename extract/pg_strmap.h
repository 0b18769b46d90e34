#ifndef PG_STRMAP_H
#define PG_STRMAP_H

/*
 * A string-keyed hash map (open addressing, linear probing) to small
 * integer values. Keys are copied, into blocks the map owns. Used for id
 * and phrase look-ups.
 * A zero-initialised map is empty.
 */

#include <stddef.h>
#include <stdint.h>

/* One slot: hash, key and value together, so that a probe reads one cache line. */
typedef struct pg_strmap_slot {
    uint64_t hash;
    char *key; /* NULL: empty */
    size_t len;
    long value;
} pg_strmap_slot;

/* Blocks that hold the keys' copies: one allocation for many keys. */
typedef struct pg_strmap_block pg_strmap_block;

typedef struct pg_strmap {
    pg_strmap_slot *slots;
    size_t n, cap; /* cap is 0 or a power of two */
    pg_strmap_block *keys;
} pg_strmap;

uint64_t pg_hash_bytes(const char *s, size_t len);

/* Value for key, or -1 when absent. */
long pg_strmap_get(const pg_strmap *m, const char *key, size_t len);
/* The same with the key's pg_hash_bytes already known. */
long pg_strmap_get_hashed(const pg_strmap *m, const char *key, size_t len, uint64_t hash);
/* Sets key to value; returns 0, or -1 when out of memory. */
int pg_strmap_put(pg_strmap *m, const char *key, size_t len, long value);
/* Empties the map; small maps keep their memory for the next use. */
void pg_strmap_clear(pg_strmap *m);
void pg_strmap_release(pg_strmap *m);

#endif
