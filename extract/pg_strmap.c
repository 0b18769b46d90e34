#include "pg_strmap.h"

#include <stdlib.h>
#include <string.h>

/*
 * Eight bytes at a time: keys are words and short phrases, hashed for
 * every token of every article, so a byte-at-a-time hash (FNV) was most
 * of a look-up's cost.
 */
uint64_t pg_hash_bytes(const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = (uint64_t)len * k, w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    if (len > 0) {
        /* the last 1 to 7 bytes in fixed-size loads, overlapping: no copy of a variable length */
        if (len >= 4) {
            uint32_t lo, hi;
            memcpy(&lo, s, 4);
            memcpy(&hi, s + len - 4, 4);
            w = (uint64_t)lo | (uint64_t)hi << 32;
        } else {
            w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
                (uint64_t)(unsigned char)s[len - 1] << 16;
        }
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    /* splitmix64's finaliser: the low bits pick the slot */
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

static size_t pg_strmap_find(const pg_strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    while (m->slots[i].key) {
        const pg_strmap_slot *s = &m->slots[i];
        if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

long pg_strmap_get(const pg_strmap *m, const char *key, size_t len)
{
    if (m->cap == 0)
        return -1;
    return pg_strmap_get_hashed(m, key, len, pg_hash_bytes(key, len));
}

long pg_strmap_get_hashed(const pg_strmap *m, const char *key, size_t len, uint64_t hash)
{
    if (m->cap == 0)
        return -1;
    size_t i = pg_strmap_find(m, key, len, hash);
    return m->slots[i].key ? m->slots[i].value : -1;
}

struct pg_strmap_block {
    pg_strmap_block *next;
    size_t used, cap;
    char bytes[];
};

/* The first block's size: an article's map holds a few names. */
#define PG_STRMAP_BLOCK_MIN 256
#define PG_STRMAP_BLOCK_MAX 16384
/* A cleared map keeps at most this many slots: emptying more costs more than a new array. */
#define PG_STRMAP_KEEP_SLOTS 64

/* A copy of key[0, len) with a NUL, in the map's blocks; NULL when out of memory. */
static char *pg_strmap_copy(pg_strmap *m, const char *key, size_t len)
{
    pg_strmap_block *b = m->keys;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = b ? b->cap * 2 : PG_STRMAP_BLOCK_MIN;
        if (cap > PG_STRMAP_BLOCK_MAX)
            cap = PG_STRMAP_BLOCK_MAX;
        if (cap < len + 1)
            cap = len + 1;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = m->keys;
        b->used = 0;
        b->cap = cap;
        m->keys = b;
    }
    char *copy = b->bytes + b->used;
    memcpy(copy, key, len);
    copy[len] = '\0';
    b->used += len + 1;
    return copy;
}

static void pg_strmap_free_blocks(pg_strmap_block *b)
{
    while (b) {
        pg_strmap_block *next = b->next;
        free(b);
        b = next;
    }
}

static int pg_strmap_grow(pg_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16; /* most maps are an article's: a few names */
    pg_strmap bigger = {0};
    bigger.cap = cap;
    bigger.slots = calloc(cap, sizeof *bigger.slots);
    if (!bigger.slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = pg_strmap_find(&bigger, m->slots[i].key, m->slots[i].len, m->slots[i].hash);
        bigger.slots[j] = m->slots[i];
    }
    bigger.n = m->n;
    bigger.keys = m->keys;
    free(m->slots);
    *m = bigger;
    return 0;
}

int pg_strmap_put(pg_strmap *m, const char *key, size_t len, long value)
{
    /* keep the load under 1/2 so probes stay short */
    if ((m->n + 1) * 2 > m->cap && pg_strmap_grow(m) != 0)
        return -1;
    uint64_t h = pg_hash_bytes(key, len);
    size_t i = pg_strmap_find(m, key, len, h);
    pg_strmap_slot *s = &m->slots[i];
    if (!s->key) {
        char *copy = pg_strmap_copy(m, key, len);
        if (!copy)
            return -1;
        s->key = copy;
        s->len = len;
        s->hash = h;
        m->n++;
    }
    s->value = value;
    return 0;
}

void pg_strmap_clear(pg_strmap *m)
{
    if (!m)
        return;
    if (m->cap > PG_STRMAP_KEEP_SLOTS) {
        free(m->slots);
        m->slots = NULL;
        m->cap = 0;
    } else if (m->n > 0) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    }
    m->n = 0;
    /* the newest block, the biggest but for an outsized key, stays empty */
    if (m->keys && m->keys->cap > PG_STRMAP_BLOCK_MAX) {
        pg_strmap_free_blocks(m->keys);
        m->keys = NULL;
    } else if (m->keys) {
        pg_strmap_free_blocks(m->keys->next);
        m->keys->next = NULL;
        m->keys->used = 0;
    }
}

void pg_strmap_release(pg_strmap *m)
{
    if (!m)
        return;
    pg_strmap_free_blocks(m->keys);
    free(m->slots);
    memset(m, 0, sizeof *m);
}
