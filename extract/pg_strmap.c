#include "pg_strmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t pg_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static size_t pg_strmap_slot(const pg_strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    while (m->keys[i]) {
        if (m->hashes[i] == h && m->lens[i] == len && memcmp(m->keys[i], key, len) == 0)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

long pg_strmap_get(const pg_strmap *m, const char *key, size_t len)
{
    if (m->cap == 0)
        return -1;
    size_t i = pg_strmap_slot(m, key, len, pg_hash_bytes(key, len));
    return m->keys[i] ? m->values[i] : -1;
}

static int pg_strmap_grow(pg_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    pg_strmap bigger = {0};
    bigger.cap = cap;
    bigger.keys = calloc(cap, sizeof *bigger.keys);
    bigger.lens = calloc(cap, sizeof *bigger.lens);
    bigger.hashes = calloc(cap, sizeof *bigger.hashes);
    bigger.values = calloc(cap, sizeof *bigger.values);
    if (!bigger.keys || !bigger.lens || !bigger.hashes || !bigger.values) {
        free(bigger.keys);
        free(bigger.lens);
        free(bigger.hashes);
        free(bigger.values);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = pg_strmap_slot(&bigger, m->keys[i], m->lens[i], m->hashes[i]);
        bigger.keys[j] = m->keys[i];
        bigger.lens[j] = m->lens[i];
        bigger.hashes[j] = m->hashes[i];
        bigger.values[j] = m->values[i];
    }
    bigger.n = m->n;
    free(m->keys);
    free(m->lens);
    free(m->hashes);
    free(m->values);
    *m = bigger;
    return 0;
}

int pg_strmap_put(pg_strmap *m, const char *key, size_t len, long value)
{
    /* keep the load under 1/2 so probes stay short */
    if ((m->n + 1) * 2 > m->cap && pg_strmap_grow(m) != 0)
        return -1;
    uint64_t h = pg_hash_bytes(key, len);
    size_t i = pg_strmap_slot(m, key, len, h);
    if (!m->keys[i]) {
        char *copy = malloc(len + 1);
        if (!copy)
            return -1;
        memcpy(copy, key, len);
        copy[len] = '\0';
        m->keys[i] = copy;
        m->lens[i] = len;
        m->hashes[i] = h;
        m->n++;
    }
    m->values[i] = value;
    return 0;
}

void pg_strmap_release(pg_strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->hashes);
    free(m->values);
    memset(m, 0, sizeof *m);
}
