#ifndef PG_TEXT_H
#define PG_TEXT_H

/*
 * Text: UTF-8 repair, tokens and sentences. One pass over the bytes makes
 * the tokens; sentences are cut from the tokens, so the text is read once.
 * Offsets are byte offsets into the text as given.
 */

#include <stddef.h>
#include <stdint.h>

#include "pg_error.h"

/* Token flags */
#define PG_TOK_WORD 0x01    /* letters, digits, inner ' - . (U.S., Biden-Xi, O'Brien) */
#define PG_TOK_NUM 0x02     /* starts with a digit */
#define PG_TOK_PUNCT 0x04   /* one punctuation character (or a multi-byte one) */
#define PG_TOK_UPPER 0x08   /* a word whose first letter is upper case */
#define PG_TOK_ALLCAPS 0x10 /* a word with two or more letters, all upper case */
#define PG_TOK_NL 0x20      /* a line break precedes this token */
#define PG_TOK_PARA 0x40    /* a blank line precedes this token */
#define PG_TOK_HYPHEN 0x80  /* a word with an inner hyphen (Biden-Xi, U.S.-led) */
/* ends with . ! ? or a character beyond ASCII (… ‼): a sentence may end there */
#define PG_TOK_MAY_END 0x100

typedef struct pg_token {
    uint32_t start, end; /* bytes [start, end) */
    uint32_t flags;
} pg_token;

typedef struct pg_tokens {
    pg_token *v;
    size_t n, cap;
} pg_tokens;

typedef struct pg_sentence {
    size_t tok_begin, tok_end; /* tokens [tok_begin, tok_end) */
    size_t start, end;         /* bytes [start, end) */
} pg_sentence;

typedef struct pg_sentences {
    pg_sentence *v;
    size_t n, cap;
} pg_sentences;

/*
 * Repairs invalid UTF-8 and NUL bytes to U+FFFD. Returns the number of
 * repairs; *out is NULL when the text was already valid (then nothing was
 * allocated), else a new NUL-terminated buffer the caller frees.
 * *first_bad receives the byte offset of the first repair.
 * One U+FFFD replaces each maximal invalid subpart, as WHATWG decoders do.
 * out_len and first_bad may be NULL; for valid text they receive len.
 * With out NULL, repairs are counted (and out_len computed) only.
 * If the buffer cannot be allocated, *out is NULL and SIZE_MAX is returned.
 */
size_t pg_utf8_repair(const char *text, size_t len, char **out, size_t *out_len,
                      size_t *first_bad);

/*
 * Checks the sequence at p (n > 0 bytes). Returns its length and sets *ok
 * when it is one valid character other than NUL; otherwise returns the
 * length of its maximal invalid subpart (at least 1), which is what one
 * U+FFFD replaces in the WHATWG decoder. Valid means as jansson has it:
 * no overlong forms, surrogates or code points above U+10FFFF.
 */
size_t pg_utf8_check(const unsigned char *p, size_t n, int *ok);

/* Writes code point cp (at most U+10FFFF) as UTF-8; returns its length. */
size_t pg_utf8_encode(uint32_t cp, unsigned char out[4]);

/* Tokenises text (appending to toks, which the caller zero-initialises). */
int pg_tokenize(pg_tokens *toks, const char *text, size_t len, pg_error *err);

/*
 * Splits tokens into sentences (appending to sents). Abbreviations ("Mr.",
 * "U.S.", "Jan.") and initials do not end a sentence; a blank line does,
 * and so does a line break after a line with no sentence end when the line
 * looks like a headline, byline or dateline. A sentence is cut after 1000
 * tokens, so the work stays bounded on text with no sentence ends.
 */
int pg_split_sentences(pg_sentences *sents, const pg_tokens *toks,
                       const char *text, pg_error *err);

/* Bytes of a possessive ending "'s" or "’s" on a word of n bytes (2, 4 or 0). */
size_t pg_possessive_len(const char *word, size_t n);

void pg_tokens_release(pg_tokens *toks);
void pg_sentences_release(pg_sentences *sents);

/*
 * Two ASCII letters of either case as one number from 0 to 26 * 26 - 1,
 * the index of a bit in a set of word beginnings; -1 for other bytes.
 */
static inline int pg_letter_pair(unsigned char a, unsigned char b)
{
    unsigned x = (a | 0x20u) - 'a', y = (b | 0x20u) - 'a';
    return x < 26 && y < 26 ? (int) (x * 26 + y) : -1;
}

/*
 * The two-letter beginnings of a list of words, a bit each: most words
 * of a text begin with a pair no listed word does, and one bit says so.
 */
typedef struct pg_pairs {
    uint64_t bits[(26 * 26 + 63) / 64];
} pg_pairs;

/* Adds the beginning of w; 0, or -1 when w does not begin with two ASCII letters. */
static inline int pg_pairs_add(pg_pairs *set, const char *w)
{
    int bit = w[0] ? pg_letter_pair((unsigned char) w[0], (unsigned char) w[1]) : -1;
    if (bit < 0)
        return -1;
    set->bits[bit / 64] |= (uint64_t) 1 << (bit % 64);
    return 0;
}

/* Does some word of the set begin with the letters a and b (either case)? */
static inline int pg_pairs_has(const pg_pairs *set, unsigned char a, unsigned char b)
{
    int bit = pg_letter_pair(a, b);
    return bit >= 0 && ((set->bits[bit / 64] >> (bit % 64)) & 1);
}

/* Case-folds an ASCII or Latin letter token into buf (NUL-terminated). */
size_t pg_fold_any(const char *s, size_t len, char *buf, size_t cap);

/*
 * pg_fold_any, with plain ASCII words (nearly every word folded) done
 * here without a call: extraction folds hundreds of thousands of them.
 */
static inline size_t pg_fold(const char *s, size_t len, char *buf, size_t cap)
{
    if (s && buf && len < cap && len <= 32) {
        unsigned high = 0;
        for (size_t i = 0; i < len; i++) {
            unsigned c = (unsigned char) s[i];
            high |= c;
            buf[i] = (char) (c - 'A' < 26u ? c + ('a' - 'A') : c);
        }
        if (!(high & 0x80)) {
            buf[len] = '\0';
            return len;
        }
    }
    return pg_fold_any(s, len, buf, cap);
}

#endif
