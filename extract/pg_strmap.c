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
        w = 0;
        memcpy(&w, s, len);
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
        char *copy = malloc(len + 1);
        if (!copy)
            return -1;
        memcpy(copy, key, len);
        copy[len] = '\0';
        s->key = copy;
        s->len = len;
        s->hash = h;
        m->n++;
    }
    s->value = value;
    return 0;
}

void pg_strmap_release(pg_strmap *m)
{
    if (!m)
        return;
    /* most slots of the small maps made for every article are empty */
    for (size_t i = 0, left = m->n; i < m->cap && left > 0; i++)
        if (m->slots[i].key) {
            free(m->slots[i].key);
            left--;
        }
    free(m->slots);
    memset(m, 0, sizeof *m);
}
