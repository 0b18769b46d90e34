#ifndef PG_SWAR_H
#define PG_SWAR_H

/*
 * Eight bytes at a time in one 64-bit word, for the scans of text and
 * JSON that look for the first byte of some kind. A result marks the
 * bytes found with their high bit; 0 means none of the eight.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PG_SWAR_ONES UINT64_C(0x0101010101010101)
#define PG_SWAR_HIGHS UINT64_C(0x8080808080808080)

/*
 * 1 when the first byte in memory is the lowest of the word. Only GCC and
 * clang say so, and both have __builtin_ctzll for pg_swar_first.
 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PG_SWAR_LE 1
#else
#define PG_SWAR_LE 0
#endif

/* Eight bytes from p, aligned or not. */
static inline uint64_t pg_swar_load(const void *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/*
 * The bytes below b (b at most 0x80). The first one is marked exactly; a
 * borrow out of it may mark bytes after it too.
 */
static inline uint64_t pg_swar_below(uint64_t w, unsigned b)
{
    return (w - PG_SWAR_ONES * b) & ~w & PG_SWAR_HIGHS;
}

/* The bytes equal to c: the first exactly, as in pg_swar_below. */
static inline uint64_t pg_swar_eq(uint64_t w, unsigned char c)
{
    return pg_swar_below(w ^ (PG_SWAR_ONES * c), 1);
}

/* The bytes in [lo, hi] (hi below 0x80), every one exactly: 7-bit sums carry into no other. */
static inline uint64_t pg_swar_range(uint64_t w, unsigned lo, unsigned hi)
{
    uint64_t low7 = w & ~PG_SWAR_HIGHS;
    return (low7 + PG_SWAR_ONES * (0x80 - lo)) & ~(low7 + PG_SWAR_ONES * (0x7F - hi)) & ~w &
           PG_SWAR_HIGHS;
}

#if PG_SWAR_LE
/* The place of the first marked byte in memory (marks not 0). */
static inline size_t pg_swar_first(uint64_t marks)
{
    return (size_t)__builtin_ctzll(marks) / 8;
}
#endif

#endif
