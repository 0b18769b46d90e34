#include "pg_text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_swar.h"

#if defined(__SSE2__)
#include <emmintrin.h> /* x86-64 has it always: the tokeniser reads 64 bytes at a time */
#endif

/* ------------------------------------------------------------------ */
/* UTF-8                                                               */
/* ------------------------------------------------------------------ */

size_t pg_utf8_check(const unsigned char *p, size_t n, int *ok)
{
    unsigned c = p[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t need;

    *ok = 0;
    if (c < 0x80) {
        *ok = c != 0;
        return 1;
    }
    if (c < 0xC2)
        return 1;
    if (c < 0xE0) {
        need = 1;
    } else if (c < 0xF0) {
        need = 2;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c < 0xF5) {
        need = 3;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 1;
    }
    if (n < 2 || p[1] < lo || p[1] > hi)
        return 1;
    for (size_t k = 2; k <= need; k++) {
        if (k >= n || (p[k] & 0xC0) != 0x80)
            return k;
    }
    *ok = 1;
    return need + 1;
}

/* Decodes a sequence that pg_utf8_check found valid. */
static uint32_t pg_utf8_decode(const unsigned char *p, size_t l)
{
    switch (l) {
    case 1:
        return p[0];
    case 2:
        return ((uint32_t) (p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
        return ((uint32_t) (p[0] & 0x0F) << 12) | ((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
        return ((uint32_t) (p[0] & 0x07) << 18) | ((uint32_t) (p[1] & 0x3F) << 12) |
               ((uint32_t) (p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
}

size_t pg_utf8_encode(uint32_t cp, unsigned char out[4])
{
    if (cp < 0x80) {
        out[0] = (unsigned char) cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char) (0xC0 | (cp >> 6));
        out[1] = (unsigned char) (0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char) (0xE0 | (cp >> 12));
        out[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char) (0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char) (0xF0 | (cp >> 18));
    out[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char) (0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the longest valid prefix (NUL counts as invalid). */
static size_t pg_utf8_valid_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /*
         * Eight bytes at a time while they are all in 0x01..0x7F: a high
         * bit in w, or a borrow out of a zero byte, sets a bit in HIGHS.
         */
        while (n - i >= 8) {
            uint64_t w = pg_swar_load(p + i);
            if (((w | (w - PG_SWAR_ONES)) & PG_SWAR_HIGHS) != 0)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        if (p[i] - 1u < 0x7Fu) {
            i++;
            continue;
        }
        int ok;
        size_t l = pg_utf8_check(p + i, n - i, &ok);
        if (!ok)
            return i;
        i += l;
    }
    return n;
}

size_t pg_utf8_repair(const char *text, size_t len, char **out, size_t *out_len, size_t *first_bad)
{
    static const char fffd[3] = {'\xEF', '\xBF', '\xBD'};
    const unsigned char *p = (const unsigned char *) text;
    size_t bad = text ? pg_utf8_valid_prefix(p, len) : 0;

    if (out)
        *out = NULL;
    if (!text || bad == len) {
        if (out_len)
            *out_len = len;
        if (first_bad)
            *first_bad = len;
        return 0;
    }
    if (first_bad)
        *first_bad = bad;

    /* Repairs are rare: count first, so the buffer is allocated once. */
    size_t repairs = 0, olen = bad, i = bad;
    while (i < len) {
        size_t run = pg_utf8_valid_prefix(p + i, len - i);
        olen += run;
        i += run;
        if (i >= len)
            break;
        int ok;
        i += pg_utf8_check(p + i, len - i, &ok);
        olen += 3;
        repairs++;
    }
    if (out_len)
        *out_len = olen;
    if (!out)
        return repairs;

    char *buf = malloc(olen + 1);
    if (!buf) {
        if (out_len)
            *out_len = 0;
        return SIZE_MAX;
    }
    memcpy(buf, text, bad);
    size_t o = bad;
    i = bad;
    while (i < len) {
        size_t run = pg_utf8_valid_prefix(p + i, len - i);
        memcpy(buf + o, text + i, run);
        o += run;
        i += run;
        if (i >= len)
            break;
        int ok;
        i += pg_utf8_check(p + i, len - i, &ok);
        memcpy(buf + o, fffd, 3);
        o += 3;
    }
    buf[o] = '\0';
    *out = buf;
    return repairs;
}

/* ------------------------------------------------------------------ */
/* Characters                                                          */
/* ------------------------------------------------------------------ */

enum {
    CK_SPACE, /* also control characters and NUL */
    CK_NL,
    CK_CR,
    CK_PARA, /* U+2029: a paragraph break by itself */
    CK_PUNCT,
    CK_DIGIT,
    CK_LETTER,
    CK_APOS,   /* ' and U+2019: inner apostrophe or punctuation */
    CK_HYPHEN, /* - U+2010 U+2011 */
    CK_DOT,
    CK_COMMA
};

#define S CK_SPACE
#define P CK_PUNCT
#define D CK_DIGIT
#define L CK_LETTER
static const unsigned char pg_ascii_kind[128] = {
    S, S, S, S, S, S, S, S,       S, S, CK_NL, S, S,        CK_CR,     S,      S, /* 0x00 */
    S, S, S, S, S, S, S, S,       S, S, S,     S, S,        S,         S,      S, /* 0x10 */
    S, P, P, P, P, P, P, CK_APOS, P, P, P,     P, CK_COMMA, CK_HYPHEN, CK_DOT, P, /* 0x20 */
    D, D, D, D, D, D, D, D,       D, D, P,     P, P,        P,         P,      P, /* 0x30 */
    P, L, L, L, L, L, L, L,       L, L, L,     L, L,        L,         L,      L, /* 0x40 */
    L, L, L, L, L, L, L, L,       L, L, L,     P, P,        P,         P,      P, /* 0x50 */
    P, L, L, L, L, L, L, L,       L, L, L,     L, L,        L,         L,      L, /* 0x60 */
    L, L, L, L, L, L, L, L,       L, L, L,     P, P,        P,         P,      S, /* 0x70 */
};
#undef S
#undef P
#undef D
#undef L

static int pg_in(uint32_t cp, uint32_t lo, uint32_t hi)
{
    return cp >= lo && cp <= hi;
}

/*
 * Kind of a non-ASCII code point. Letters are the default: names in any
 * script are words; only known spaces and punctuation are listed.
 */
static int pg_cp_kind(uint32_t cp)
{
    if (cp < 0x100) {
        if (cp == 0x85)
            return CK_NL;
        if (cp <= 0xA0)
            return CK_SPACE; /* C1 controls, no-break space */
        if (cp < 0xC0)
            return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? CK_LETTER : CK_PUNCT;
        return (cp == 0xD7 || cp == 0xF7) ? CK_PUNCT : CK_LETTER;
    }
    if (cp < 0x2000) {
        if (cp == 0x37E || cp == 0x387 || cp == 0x589 || cp == 0x5BE || cp == 0x5C3 ||
            cp == 0x60C || cp == 0x61B || cp == 0x61F || pg_in(cp, 0x66A, 0x66D) || cp == 0x6D4 ||
            cp == 0x964 || cp == 0x965)
            return CK_PUNCT;
        return cp == 0x1680 ? CK_SPACE : CK_LETTER;
    }
    if (cp < 0x2070) {
        if (cp <= 0x200B || cp == 0x200E || cp == 0x200F || pg_in(cp, 0x202A, 0x202F) ||
            cp >= 0x205F)
            return CK_SPACE;
        if (cp == 0x200C || cp == 0x200D)
            return CK_LETTER; /* joiners inside words */
        if (cp == 0x2010 || cp == 0x2011)
            return CK_HYPHEN;
        if (cp == 0x2019)
            return CK_APOS;
        if (cp == 0x2028)
            return CK_NL;
        if (cp == 0x2029)
            return CK_PARA;
        return CK_PUNCT;
    }
    if (pg_in(cp, 0x20A0, 0x20CF) || pg_in(cp, 0x2100, 0x2BFF) || pg_in(cp, 0x2E00, 0x2E7F))
        return CK_PUNCT;
    if (cp == 0x3000)
        return CK_SPACE;
    if (pg_in(cp, 0x3001, 0x3004) || pg_in(cp, 0x3008, 0x3020) || cp == 0x3030)
        return CK_PUNCT;
    if (cp >= 0xFE00) {
        if (cp <= 0xFE0F || cp == 0xFEFF || pg_in(cp, 0xE0000, 0xE007F))
            return CK_SPACE; /* variation selectors, byte order mark, tags */
        if (pg_in(cp, 0xFE10, 0xFE1F) || pg_in(cp, 0xFE30, 0xFE6F) || pg_in(cp, 0xFF01, 0xFF0F) ||
            pg_in(cp, 0xFF1A, 0xFF20) || pg_in(cp, 0xFF3B, 0xFF40) || pg_in(cp, 0xFF5B, 0xFF65) ||
            pg_in(cp, 0xFFF9, 0xFFFD) || pg_in(cp, 0x1F000, 0x1FAFF))
            return CK_PUNCT;
    }
    return CK_LETTER;
}

/* 1 upper case, -1 lower case, 0 uncased (or not a letter). */
static int pg_cp_case(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u ? 1 : (cp - 'a' < 26u ? -1 : 0);
    if (cp < 0x100) {
        if (cp == 0xD7 || cp == 0xF7)
            return 0;
        if (pg_in(cp, 0xC0, 0xDE))
            return 1;
        return (cp >= 0xDF || cp == 0xB5) ? -1 : 0;
    }
    if (cp < 0x180) { /* Latin Extended-A: pairs, with two shifts */
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
            return -1;
        if (cp == 0x178)
            return 1;
        if (pg_in(cp, 0x139, 0x148) || pg_in(cp, 0x179, 0x17E))
            return (cp & 1) ? 1 : -1;
        return (cp & 1) ? -1 : 1;
    }
    if (pg_in(cp, 0x386, 0x3CE)) { /* Greek */
        if (pg_in(cp, 0x391, 0x3AB) || cp == 0x386 || pg_in(cp, 0x388, 0x38F))
            return cp == 0x3A2 || cp == 0x38B || cp == 0x38D ? 0 : 1;
        return cp >= 0x3AC ? -1 : 0;
    }
    if (pg_in(cp, 0x400, 0x45F)) /* Cyrillic */
        return cp < 0x430 ? 1 : -1;
    if (pg_in(cp, 0x1E00, 0x1E95) || pg_in(cp, 0x1EA0, 0x1EFF)) /* Latin Extended Additional */
        return (cp & 1) ? -1 : 1;
    return 0;
}

static uint32_t pg_cp_lower(uint32_t cp)
{
    if (cp == 0x2019)
        return '\'';
    if (pg_cp_case(cp) <= 0)
        return cp;
    if (cp < 0x100)
        return cp + 0x20; /* A-Z, and À-Þ */
    if (cp < 0x180) {
        if (cp == 0x130)
            return 'i';
        if (cp == 0x178)
            return 0xFF;
        return cp + 1;
    }
    if (cp < 0x400) {
        if (cp == 0x386)
            return 0x3AC;
        if (pg_in(cp, 0x388, 0x38A))
            return cp + 0x25;
        if (cp == 0x38C)
            return 0x3CC;
        if (cp == 0x38E || cp == 0x38F)
            return cp + 0x3F;
        return cp + 0x20;
    }
    if (cp < 0x410)
        return cp + 0x50;
    if (cp < 0x430)
        return cp + 0x20;
    return cp + 1; /* Latin Extended Additional */
}

/* Kind of the character at p[i]; *cp and *l receive it and its length. */
static inline int pg_char_at(const unsigned char *p, size_t len, size_t i, uint32_t *cp, size_t *l)
{
    unsigned c = p[i];
    if (c < 0x80) {
        *cp = c;
        *l = 1;
        return pg_ascii_kind[c];
    }
    int ok;
    *l = pg_utf8_check(p + i, len - i, &ok);
    if (!ok) {
        *cp = 0xFFFD;
        return CK_PUNCT;
    }
    *cp = pg_utf8_decode(p + i, *l);
    return pg_cp_kind(*cp);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static int pg_tokens_push(pg_tokens *toks, size_t start, size_t end, uint32_t flags)
{
    if (toks->n == toks->cap) {
        size_t cap = toks->cap ? toks->cap * 2 : 256;
        if (cap > SIZE_MAX / sizeof *toks->v)
            return PG_ENOMEM;
        pg_token *v = realloc(toks->v, cap * sizeof *v);
        if (!v)
            return PG_ENOMEM;
        toks->v = v;
        toks->cap = cap;
    }
    pg_token *t = &toks->v[toks->n++];
    t->start = (uint32_t) start;
    t->end = (uint32_t) end;
    t->flags = flags;
    return PG_OK;
}

/*
 * Scans a word that starts with the letter or digit at i; returns its
 * end and sets *flagsp. Inner ' - . join when a letter or digit follows;
 * "," joins digits of a number (3,000). A run of single letters joined by
 * dots takes its final dot too ("U.S.", "a.m."), and may go on with a
 * hyphen ("U.S.-led").
 */
static size_t pg_scan_word(const unsigned char *p, size_t len, size_t i, uint32_t *flagsp)
{
    uint32_t flags = PG_TOK_WORD, cp;
    size_t upper = 0, lower = 0, dots = 0, seg = 0;
    int letter_seen = 0, single = 1, joined = 0, last_digit = 0;
    size_t l;
    int k = pg_char_at(p, len, i, &cp, &l);

    if (k == CK_DIGIT)
        flags |= PG_TOK_NUM;
    for (;;) {
        if (k == CK_DIGIT) {
            last_digit = 1;
            seg += 2; /* a digit never makes an initial */
        } else {
            int c = pg_cp_case(cp);
            if (!letter_seen) {
                letter_seen = 1;
                if (c > 0)
                    flags |= PG_TOK_UPPER;
            }
            upper += c > 0;
            lower += c < 0;
            last_digit = 0;
            seg++;
        }
        i += l;
        if (letter_seen) {
            /* the common case: a run of ASCII lower-case letters */
            size_t run = i;
            while (run < len && (unsigned) (p[run] - 'a') < 26u)
                run++;
            if (run > i) {
                lower += run - i;
                seg += run - i;
                last_digit = 0;
                i = run;
            }
        }
        if (i >= len)
            break;
        k = pg_char_at(p, len, i, &cp, &l);
        if (k == CK_LETTER || k == CK_DIGIT)
            continue;
        if (!(k == CK_DOT || k == CK_APOS || k == CK_HYPHEN ||
              (k == CK_COMMA && last_digit && (flags & PG_TOK_NUM))))
            break;

        size_t j = i + l, l2 = 0;
        uint32_t cp2 = 0;
        int k2 = j < len ? pg_char_at(p, len, j, &cp2, &l2) : CK_SPACE;
        if (k2 == CK_DIGIT || (k2 == CK_LETTER && k != CK_COMMA)) {
            if (k == CK_DOT) {
                dots++;
                single &= seg == 1;
                seg = 0;
            } else {
                joined = 1;
                if (k == CK_HYPHEN)
                    flags |= PG_TOK_HYPHEN;
            }
            i = j;
            k = k2;
            cp = cp2;
            l = l2;
            continue;
        }
        if (k != CK_DOT || !dots || !single || joined || seg != 1)
            break;
        /* final dot of an abbreviation of initials */
        i = j;
        if (k2 == CK_HYPHEN && j + l2 < len) {
            size_t l3;
            int k3 = pg_char_at(p, len, j + l2, &cp2, &l3);
            if (k3 == CK_LETTER || k3 == CK_DIGIT) {
                joined = 1;
                flags |= PG_TOK_HYPHEN;
                i = j + l2;
                k = k3;
                cp = cp2;
                l = l3;
                continue;
            }
        }
        break;
    }
    if (upper >= 2 && lower == 0)
        flags |= PG_TOK_ALLCAPS;
    *flagsp = flags;
    return i;
}

/* 1 for a-z, 2 for A-Z, else 0 */
static const unsigned char pg_ascii_letter[256] = {
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1, ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2,
    ['G'] = 2, ['H'] = 2, ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2,
    ['O'] = 2, ['P'] = 2, ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2,
    ['W'] = 2, ['X'] = 2, ['Y'] = 2, ['Z'] = 2};

/*
 * The end of the run of ASCII letters from j; *lower set when one of them
 * is lower case.
 */
static size_t pg_letter_run(const unsigned char *p, size_t len, size_t j, int *lower)
{
#if PG_SWAR_LE
    /* eight bytes at a time: which are a-z, which A-Z */
    while (len - j >= 8) {
        uint64_t w = pg_swar_load(p + j);
        uint64_t lo = pg_swar_range(w, 'a', 'z'), up = pg_swar_range(w, 'A', 'Z');
        uint64_t other = ~(lo | up) & PG_SWAR_HIGHS;
        if (other) {
            size_t n = pg_swar_first(other); /* letters before it */
            *lower |= n > 0 && (lo & (~0ULL >> (64 - 8 * n))) != 0;
            return j + n;
        }
        *lower |= lo != 0;
        j += 8;
    }
#endif
    for (; j < len && pg_ascii_letter[p[j]]; j++)
        *lower |= pg_ascii_letter[p[j]] == 1;
    return j;
}

/*
 * The common word: ASCII letters up to a space or a punctuation mark that
 * does not join ("said", "Putin", "said," "talks." "leaders' "). Returns
 * its end with *flagsp as pg_scan_word would set them, or i for any other
 * word.
 */
static size_t pg_scan_ascii_word(const unsigned char *p, size_t len, size_t i, uint32_t *flagsp)
{
    int lower = 0;
    size_t j = pg_letter_run(p, len, i, &lower);
    if (j == i)
        return i;
    if (j < len) {
        /* a digit or a byte beyond ASCII: the full scan */
        if (p[j] >= 0x80 || pg_ascii_kind[p[j]] == CK_DIGIT)
            return i;
        /* ' - . join only before a letter or a digit ("Merkel's", "U.S."); "," only digits */
        int k = pg_ascii_kind[p[j]];
        if ((k == CK_APOS || k == CK_HYPHEN || k == CK_DOT) && j + 1 < len &&
            (p[j + 1] >= 0x80 || pg_ascii_kind[p[j + 1]] == CK_LETTER ||
             pg_ascii_kind[p[j + 1]] == CK_DIGIT))
            return i;
    }
    uint32_t flags = PG_TOK_WORD;
    if (pg_ascii_letter[p[i]] == 2)
        flags |= PG_TOK_UPPER;
    if (!lower && j - i >= 2)
        flags |= PG_TOK_ALLCAPS; /* letters all upper case, two or more */
    *flagsp = flags;
    return j;
}

/* Can a token ending with byte c end a sentence? . ! ? and the last bytes of … ‼ */
static inline int pg_may_end(unsigned char c)
{
    return c >= 0x80 || c == '.' || c == '!' || c == '?';
}

/* Tokens set aside before reading, at most: more text grows the list as it goes. */
#define PG_TOKENS_GUESS_MAX ((size_t)1 << 16)

/* The flags of line breaks before a token: one, or more (a blank line). */
static uint32_t pg_nl_flags(unsigned nl)
{
    return nl == 0 ? 0 : nl >= 2 ? (PG_TOK_NL | PG_TOK_PARA) : PG_TOK_NL;
}

/* Pushes token [i, end) with the flags of the line breaks before it, which it clears. */
static int pg_token_push(pg_tokens *toks, const unsigned char *p, size_t i, size_t end,
                         uint32_t flags, unsigned *nl)
{
    flags |= pg_nl_flags(*nl);
    *nl = 0;
    if (pg_may_end(p[end - 1]))
        flags |= PG_TOK_MAY_END; /* the splitter then reads only the flags */
    return pg_tokens_push(toks, i, end, flags);
}

/*
 * One step of the tokeniser at p[*ip]: a character between tokens (line
 * breaks counted in *nl) or one token, pushed with the flags of the line
 * breaks before it (*nl is then cleared). Moves *ip past what it read.
 */
static int pg_token_step(pg_tokens *toks, const unsigned char *p, size_t len, size_t *ip,
                         unsigned *nl)
{
    size_t i = *ip;
    uint32_t cp, flags;
    size_t l, end;
    switch (pg_char_at(p, len, i, &cp, &l)) {
    case CK_SPACE:
        *ip = i + l;
        return PG_OK;
    case CK_NL:
        ++*nl;
        *ip = i + l;
        return PG_OK;
    case CK_CR:
        ++*nl;
        *ip = i + ((i + 1 < len && p[i + 1] == '\n') ? 2 : 1);
        return PG_OK;
    case CK_PARA:
        *nl += 2;
        *ip = i + l;
        return PG_OK;
    case CK_LETTER:
        end = pg_scan_ascii_word(p, len, i, &flags);
        if (end == i)
            end = pg_scan_word(p, len, i, &flags);
        break;
    case CK_DIGIT:
        end = pg_scan_word(p, len, i, &flags);
        break;
    default:
        end = i + l;
        flags = PG_TOK_PUNCT;
        break;
    }
    if (pg_token_push(toks, p, i, end, flags, nl) != PG_OK)
        return PG_ENOMEM;
    *ip = end;
    return PG_OK;
}

#if defined(__SSE2__)
/* Which of the 64 bytes at v lie in [lo, hi] (hi - lo below 128): a bit each. */
static inline uint64_t pg_block_range(const __m128i v[4], unsigned lo, unsigned hi)
{
    /* moved so that [lo, hi] starts at -128: one signed comparison */
    __m128i shift = _mm_set1_epi8((char)(0x80 - lo));
    __m128i limit = _mm_set1_epi8((char)(-128 + (int)(hi - lo) + 1));
    uint64_t m = 0;
    for (int k = 0; k < 4; k++)
        m |= (uint64_t)(uint16_t)_mm_movemask_epi8(
                 _mm_cmplt_epi8(_mm_add_epi8(v[k], shift), limit))
             << (16 * k);
    return m;
}

/*
 * The common text 64 bytes at a time: words of ASCII letters and marks of
 * one character, between single spaces, found on bit masks of the bytes
 * (where a token may begin, where a run of letters ends) rather than a
 * character at a time. Anything else (digits, line breaks, bytes beyond
 * ASCII, a word that may go on with ' - . or that ends near the block's
 * end) is left to pg_token_step, so the tokens are those of the character
 * loop. Reads the tokens that begin in the first 56 bytes from *ip (64
 * bytes readable there) and moves *ip past them.
 */
static int pg_token_block(pg_tokens *toks, const unsigned char *p, size_t len, size_t *ip,
                          unsigned *nl)
{
    size_t base = *ip;
    __m128i v[4], folded[4];
    for (int k = 0; k < 4; k++) {
        v[k] = _mm_loadu_si128((const __m128i *)(const void *)(p + base + 16 * k));
        folded[k] = _mm_or_si128(v[k], _mm_set1_epi8(0x20));
    }
    uint64_t letter = pg_block_range(folded, 'a', 'z');
    uint64_t lower = pg_block_range(v, 'a', 'z');
    uint64_t digit = pg_block_range(v, '0', '9');
    uint64_t space = pg_block_range(v, ' ', ' ');
    uint64_t mark = pg_block_range(v, 0x21, 0x7E) & ~letter & ~digit;
    uint64_t slow = ~(letter | space | mark);

    /* where tokens may begin: all but spaces and letters after letters */
    uint64_t todo = ~space & ~(letter & (letter << 1));
    /* each token read clears todo up to its end */
    while (todo) {
        unsigned k = (unsigned)__builtin_ctzll(todo);
        if (k >= 56) {
            *ip = base + k;
            return PG_OK;
        }
        uint64_t rest = ~(letter >> k); /* 0: letters to the block's end from 0 */
        unsigned e = rest ? k + (unsigned)__builtin_ctzll(rest) : 64; /* k for a mark */
        int step = (slow >> k) & 1, word = !step && e > k;
        if (word) {
            /* a word: the bytes after one ending at 63 or 64 are not in the block (nor,
               at the text's end, to be read); the character loop reads on after ' - .
               before a letter or digit */
            step = e > 62;
            if (!step) {
                unsigned c = p[base + e], d = p[base + e + 1];
                step = c >= 0x80 || pg_ascii_kind[c] == CK_DIGIT ||
                       ((c == '\'' || c == '-' || c == '.') &&
                        (d >= 0x80 || pg_ascii_kind[d] == CK_LETTER ||
                         pg_ascii_kind[d] == CK_DIGIT));
            }
        }
        if (step) {
            size_t i = base + k;
            if (word || ((digit >> k) & 1)) {
                /* a number, or a word that may go on: as the character loop reads them */
                uint32_t flags;
                size_t end = pg_scan_word(p, len, i, &flags);
                if (pg_token_push(toks, p, i, end, flags, nl) != PG_OK)
                    return PG_ENOMEM;
                i = end;
            } else if (pg_token_step(toks, p, len, &i, nl) != PG_OK) {
                return PG_ENOMEM;
            }
            size_t cur = i - base;
            if (cur >= 64) {
                *ip = i;
                return PG_OK;
            }
            todo &= ~(uint64_t)0 << cur;
            continue;
        }
        uint32_t flags;
        if (e > k) {
            uint64_t run = ((uint64_t)1 << (e - k)) - 1;
            flags = PG_TOK_WORD;
            if (!((lower >> k) & 1))
                flags |= PG_TOK_UPPER;
            if (!((lower >> k) & run) && e - k >= 2)
                flags |= PG_TOK_ALLCAPS;
        } else {
            e = k + 1;
            flags = PG_TOK_PUNCT;
            if (pg_may_end(p[base + k]))
                flags |= PG_TOK_MAY_END;
        }
        /* pg_token_push, but a word, ending with a letter, needs no look at its last byte */
        flags |= pg_nl_flags(*nl);
        *nl = 0;
        if (pg_tokens_push(toks, base + k, base + e, flags) != PG_OK)
            return PG_ENOMEM;
        todo &= ~(uint64_t)0 << e;
    }
    /* nothing begins in the rest: spaces, or letters of a word read (which ended by 62) */
    *ip = base + 64;
    return PG_OK;
}
#endif

int pg_tokenize(pg_tokens *toks, const char *text, size_t len, pg_error *err)
{
    if (!toks || (!text && len))
        return pg_error_set(err, PG_EUSAGE, "pg_tokenize: no token list or no text");
    if (len > UINT32_MAX)
        return pg_error_set(err, PG_EINPUT,
                            "text of %zu bytes is too long to tokenise: at most %lu bytes", len,
                            (unsigned long) UINT32_MAX);

    const unsigned char *p = (const unsigned char *) text;
    unsigned nl = 0; /* line breaks since the previous token */
    /* news text has a token every five or six bytes: grow once, not ten times */
    size_t guess = toks->n + (len < PG_TOKENS_GUESS_MAX * 5 ? len / 5 : PG_TOKENS_GUESS_MAX) + 16;
    if (guess > toks->cap && guess < SIZE_MAX / sizeof *toks->v) {
        pg_token *v = realloc(toks->v, guess * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory for the tokens of %zu bytes", len);
        toks->v = v;
        toks->cap = guess;
    }
    size_t i = 0;
    int rc = PG_OK;
    while (i < len && rc == PG_OK) {
#if defined(__SSE2__)
        if (len - i >= 64) {
            rc = pg_token_block(toks, p, len, &i, &nl);
            continue;
        }
#endif
        if (p[i] == ' ')
            i++; /* the byte between most tokens */
        else
            rc = pg_token_step(toks, p, len, &i, &nl);
    }
    if (rc != PG_OK)
        return pg_error_set(err, PG_ENOMEM, "out of memory after %zu tokens", toks->n);
    return PG_OK;
}

void pg_tokens_release(pg_tokens *toks)
{
    if (!toks)
        return;
    free(toks->v);
    toks->v = NULL;
    toks->n = toks->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

/* ASCII lowered; 0 for NUL and for the bytes of other characters, which stop the fast loop */
static const unsigned char pg_ascii_lower[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F,
    0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
    0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

size_t pg_fold_any(const char *s, size_t len, char *buf, size_t cap)
{
    const unsigned char *p = (const unsigned char *) s;
    size_t o = 0, i = 0;

    if (!buf || cap == 0)
        return 0;
    if (!s)
        len = 0;
    while (i < len) {
        /* a run of ASCII, the common case, with room checked once */
        size_t stop = len - i < cap - 1 - o ? len : i + (cap - 1 - o);
        unsigned char c;
        while (i < stop && (c = pg_ascii_lower[p[i]]) != 0) {
            buf[o++] = (char) c;
            i++;
        }
        if (i >= len || (p[i] < 0x80 && i == stop))
            break; /* the end, or no room for more */
        if (p[i] == 0) {
            buf[o++] = '\0'; /* copied as it is, as any ASCII byte */
            i++;
            continue;
        }
        int ok;
        size_t l = pg_utf8_check(p + i, len - i, &ok);
        unsigned char enc[4];
        const unsigned char *src = p + i;
        size_t el = l;
        if (ok) {
            el = pg_utf8_encode(pg_cp_lower(pg_utf8_decode(p + i, l)), enc);
            src = enc;
        }
        if (o + el >= cap)
            break; /* never cut a character in two */
        memcpy(buf + o, src, el);
        o += el;
        i += l;
    }
    buf[o] = '\0';
    return o;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

/* Sentences are cut at this many tokens, so that work stays bounded. */
#define PG_SENT_MAX_TOKENS 1000
/* Terminal punctuation and closers taken together ("?!\")" ...). */
#define PG_SENT_MAX_TAIL 16

typedef struct pg_splitter {
    const pg_token *v;
    size_t n;
    const char *text;
} pg_splitter;

static int pg_tok_is(const pg_splitter *s, const pg_token *t, const char *lit)
{
    size_t l = strlen(lit);
    return t->end - t->start == l && memcmp(s->text + t->start, lit, l) == 0;
}

/* The single ASCII character of a punctuation token, else 0. */
static int pg_tok_char(const pg_splitter *s, const pg_token *t)
{
    if (!(t->flags & PG_TOK_PUNCT) || t->end - t->start != 1)
        return 0;
    return (unsigned char) s->text[t->start];
}

static int pg_is_terminal(const pg_splitter *s, const pg_token *t)
{
    if (t->flags & PG_TOK_WORD)
        return s->text[t->end - 1] == '.'; /* "U.S." */
    int c = pg_tok_char(s, t);
    if (c)
        return c == '.' || c == '!' || c == '?';
    return pg_tok_is(s, t, "\xE2\x80\xA6") || pg_tok_is(s, t, "\xE2\x80\xBC"); /* … ‼ */
}

static int pg_is_closer(const pg_splitter *s, const pg_token *t)
{
    int c = pg_tok_char(s, t);
    if (c)
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
    if (!(t->flags & PG_TOK_PUNCT))
        return 0;
    return pg_tok_is(s, t, "\xE2\x80\x9D") || pg_tok_is(s, t, "\xE2\x80\x99") || /* ” ’ */
           pg_tok_is(s, t, "\xC2\xBB") || pg_tok_is(s, t, "\xE2\x80\xBA");       /* » › */
}

static int pg_is_opener(const pg_splitter *s, const pg_token *t)
{
    int c = pg_tok_char(s, t);
    if (c)
        return c == '"' || c == '\'' || c == '(' || c == '[';
    if (!(t->flags & PG_TOK_PUNCT))
        return 0;
    return pg_tok_is(s, t, "\xE2\x80\x9C") || pg_tok_is(s, t, "\xE2\x80\x98") || /* “ ‘ */
           pg_tok_is(s, t, "\xC2\xAB") || pg_tok_is(s, t, "\xE2\x80\x9E") ||     /* « „ */
           pg_tok_is(s, t, "\xE2\x80\xB9") || pg_tok_is(s, t, "\xC2\xBF") ||     /* ‹ ¿ */
           pg_tok_is(s, t, "\xC2\xA1");                                          /* ¡ */
}

enum { NX_END, NX_LOWER, NX_UPPER, NX_DIGIT, NX_OPEN, NX_OTHER };

static int pg_next_kind(const pg_splitter *s, size_t e)
{
    if (e >= s->n)
        return NX_END;
    const pg_token *t = &s->v[e];
    if (t->flags & PG_TOK_NUM)
        return NX_DIGIT;
    if (t->flags & PG_TOK_WORD) {
        if (t->flags & PG_TOK_UPPER)
            return NX_UPPER;
        uint32_t cp;
        size_t l;
        pg_char_at((const unsigned char *) s->text, t->end, t->start, &cp, &l);
        return pg_cp_case(cp) < 0 ? NX_LOWER : NX_UPPER; /* uncased scripts: as upper */
    }
    return pg_is_opener(s, t) ? NX_OPEN : NX_OTHER;
}

/* Folds a token into buf (lower case, at most cap - 1 bytes). */
static size_t pg_tok_fold(const pg_splitter *s, const pg_token *t, size_t drop, char *buf,
                          size_t cap)
{
    size_t len = t->end - t->start;
    if (len - drop >= cap) {
        buf[0] = '\0';
        return 0;
    }
    return pg_fold(s->text + t->start, len - drop, buf, cap);
}

static int pg_in_list(const char *w, const char *const *list)
{
    for (; *list; list++) {
        if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
            return 1;
    }
    return 0;
}

/* Never end a sentence when they carry a dot (and are capitalised). */
static const char *const pg_titles[] = {
    "mr",   "mrs",  "ms",   "mx",   "dr",   "prof", "gen", "col",  "lt",   "sgt",    "capt",
    "maj",  "adm",  "gov",  "sen",  "rep",  "rev",  "st",  "hon",  "pres", "messrs", "mme",
    "mlle", "gens", "sens", "reps", "govs", "cmdr", "cdr", "brig", "cpl",  "pvt",    "supt",
    "insp", "det",  "atty", "amb",  "mt",   "ft",   "fr",  "msgr", NULL};
static const char *const pg_months[] = {"jan", "feb",  "mar", "apr", "jun", "jul", "aug",
                                        "sep", "sept", "oct", "nov", "dec", NULL};
/* Never end a sentence, whatever the case. */
static const char *const pg_always[] = {"vs", "v", "e.g", "i.e", "cf", "viz", NULL};
/* Do not end a sentence before a number ("No. 10 Downing Street"). */
static const char *const pg_numbering[] = {"no", "nos", "art", "vol", NULL};
/*
 * After "U.S." or an initial, a capitalised word is usually a name; these
 * are the words that rather begin a new sentence.
 */
static const char *const pg_starters[] = {
    "the",   "a",     "an",      "he",        "she", "it",  "they",  "we",   "i",
    "you",   "but",   "and",     "in",        "on",  "at",  "as",    "this", "that",
    "these", "those", "there",   "his",       "her", "its", "their", "our",  "after",
    "when",  "while", "however", "meanwhile", "if",  "so",  "yet",   "some", "many",
    "both",  "for",   "with",    "what",      "why", "how", "no",    "not",  NULL};
/* A line ending in one of these goes on in the next line. */
static const char *const pg_continuations[] = {
    "a",      "an",    "the",    "of",    "to",     "and",     "or",      "nor",    "but",
    "with",   "for",   "in",     "on",    "at",     "by",      "from",    "into",   "onto",
    "about",  "over",  "under",  "after", "before", "between", "against", "during", "without",
    "within", "than",  "that",   "which", "who",    "whom",    "whose",   "as",     "is",
    "are",    "was",   "were",   "be",    "been",   "has",     "have",    "had",    "will",
    "would",  "could", "should", "can",   "may",    "might",   "must",    "not",    "his",
    "her",    "their", "its",    "our",   "my",     "your",    NULL};

enum { AB_NONE, AB_TITLE, AB_MONTH, AB_ALWAYS, AB_NUMBERING, AB_NAMELIKE };

/* What the dot of terminal token t follows. */
static int pg_abbrev_class(const pg_splitter *s, size_t t)
{
    const pg_token *w;
    size_t drop = 0;
    char f[16];

    if (s->v[t].flags & PG_TOK_WORD) {
        w = &s->v[t];
        drop = 1;
    } else if (pg_tok_char(s, &s->v[t]) == '.' && t > 0 && (s->v[t - 1].flags & PG_TOK_WORD) &&
               s->v[t - 1].end == s->v[t].start) {
        w = &s->v[t - 1];
    } else {
        return AB_NONE;
    }
    size_t fl = pg_tok_fold(s, w, drop, f, sizeof f);
    if (fl == 0)
        return AB_NONE;
    if (pg_in_list(f, pg_always))
        return AB_ALWAYS;
    if (drop)
        return (w->flags & PG_TOK_ALLCAPS) ? AB_NAMELIKE : AB_NONE; /* U.S. E.U. */
    if (!(w->flags & PG_TOK_UPPER) || (w->flags & PG_TOK_NUM))
        return AB_NONE;
    if (pg_in_list(f, pg_titles))
        return AB_TITLE;
    if (pg_in_list(f, pg_months))
        return AB_MONTH;
    if (pg_in_list(f, pg_numbering))
        return AB_NUMBERING;
    uint32_t cp;
    size_t l;
    pg_char_at((const unsigned char *) s->text, w->end, w->start, &cp, &l);
    if (w->start + l == w->end)
        return AB_NAMELIKE; /* an initial: John F. Kennedy */
    return AB_NONE;
}

static int pg_is_starter(const pg_splitter *s, size_t e)
{
    char f[16];
    return pg_tok_fold(s, &s->v[e], 0, f, sizeof f) > 0 && pg_in_list(f, pg_starters);
}

/* Does a sentence end after the terminal at t and its tail up to e? */
static int pg_ends_after(const pg_splitter *s, size_t t, size_t e)
{
    int nx = pg_next_kind(s, e);
    if (nx == NX_END || (s->v[e].flags & PG_TOK_PARA))
        return 1;
    switch (pg_abbrev_class(s, t)) {
    case AB_TITLE:
    case AB_ALWAYS:
        return 0;
    case AB_MONTH:
    case AB_NUMBERING:
        if (nx == NX_DIGIT)
            return 0;
        break;
    case AB_NAMELIKE:
        return nx == NX_UPPER && pg_is_starter(s, e);
    default:
        break;
    }
    if (nx == NX_UPPER || nx == NX_DIGIT || nx == NX_OPEN)
        return 1;
    /* a list item or a dash on a new line */
    return nx == NX_OTHER && (s->v[e].flags & PG_TOK_NL);
}

/* Index after the terminal at t and its adjacent tail, or 0 if t is none. */
static size_t pg_terminal_end(const pg_splitter *s, size_t t, size_t limit)
{
    if (!pg_is_terminal(s, &s->v[t]))
        return 0;
    size_t e = t + 1;
    while (e < s->n && e < limit && e - t < PG_SENT_MAX_TAIL) {
        const pg_token *x = &s->v[e];
        if (x->start != s->v[e - 1].end)
            break;
        if (!(x->flags & PG_TOK_PUNCT) || !(pg_is_closer(s, x) || pg_is_terminal(s, x)))
            break;
        e++;
    }
    return e;
}

/* Did the line of token p end with a sentence end (and its closers)? */
static int pg_line_ended(const pg_splitter *s, size_t p)
{
    for (size_t k = 0; k < PG_SENT_MAX_TAIL; k++) {
        if (pg_is_terminal(s, &s->v[p]))
            return 1;
        if (!pg_is_closer(s, &s->v[p]) || p == 0)
            return 0;
        p--;
    }
    return 0;
}

/*
 * A line break at token t (not the first of its sentence, which began
 * at the start of the previous line) ends the sentence when the previous
 * line did not, and the new line starts like a headline, byline or
 * dateline: capitalised, a number or a quote.
 * A line ending in a comma or a function word ("talks with the") is a
 * hard-wrapped paragraph going on.
 */
static int pg_line_breaks(const pg_splitter *s, size_t t)
{
    const pg_token *prev = &s->v[t - 1];
    int nx = pg_next_kind(s, t);
    if (nx != NX_UPPER && nx != NX_DIGIT && nx != NX_OPEN)
        return 0;
    if (pg_line_ended(s, t - 1))
        return 0;
    if (prev->flags & PG_TOK_PUNCT) {
        int c = pg_tok_char(s, prev);
        return !(c == ',' || c == ';' || c == '&' || pg_is_opener(s, prev));
    }
    char f[16];
    if (pg_tok_fold(s, prev, 0, f, sizeof f) == 0)
        return 1;
    if (pg_in_list(f, pg_continuations))
        return 0;
    return !((prev->flags & PG_TOK_UPPER) && pg_in_list(f, pg_titles)); /* "Mr" */
}

static int pg_sentences_push(pg_sentences *sents, const pg_splitter *s, size_t b, size_t e)
{
    if (sents->n == sents->cap) {
        size_t cap = sents->cap ? sents->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof *sents->v)
            return PG_ENOMEM;
        pg_sentence *v = realloc(sents->v, cap * sizeof *v);
        if (!v)
            return PG_ENOMEM;
        sents->v = v;
        sents->cap = cap;
    }
    pg_sentence *x = &sents->v[sents->n++];
    x->tok_begin = b;
    x->tok_end = e;
    x->start = s->v[b].start;
    x->end = s->v[e - 1].end;
    return PG_OK;
}


int pg_split_sentences(pg_sentences *sents, const pg_tokens *toks, const char *text, pg_error *err)
{
    if (!sents || !toks || (!text && toks->n))
        return pg_error_set(err, PG_EUSAGE, "pg_split_sentences: no sentences, tokens or text");

    pg_splitter s = {toks->v, toks->n, text};
    size_t b = 0, t = 0;
    /*
     * A sentence that began in the middle of a line, or already goes on
     * across a line break, is in a hard-wrapped paragraph: its line
     * breaks are no headline ends ("German Chancellor\nAngela Merkel").
     */
    int wrapped = 0;
    while (t < s.n) {
        /*
         * Most tokens: inside a line, not the first of their sentence nor
         * past its size, and not ending with . ! ? or a character beyond
         * ASCII (… ‼): nothing to do there.
         */
        size_t limit = b + PG_SENT_MAX_TOKENS < s.n ? b + PG_SENT_MAX_TOKENS : s.n;
        if (t > b)
            while (t < limit && !(s.v[t].flags & (PG_TOK_NL | PG_TOK_PARA | PG_TOK_MAY_END)))
                t++;
        if (t >= s.n)
            break;
        const pg_token *tk = &s.v[t];
        if (t > b) {
            int nl = (tk->flags & PG_TOK_NL) != 0;
            if ((tk->flags & PG_TOK_PARA) || t - b >= PG_SENT_MAX_TOKENS ||
                (nl && !wrapped && pg_line_breaks(&s, t))) {
                if (pg_sentences_push(sents, &s, b, t) != PG_OK)
                    goto nomem;
                b = t;
                wrapped = !nl;
            } else if (nl) {
                wrapped = 1;
            }
        }
        /* a token that cannot end a sentence (pg_is_terminal) */
        if (!(tk->flags & PG_TOK_MAY_END)) {
            t++;
            continue;
        }
        size_t e = pg_terminal_end(&s, t, b + PG_SENT_MAX_TOKENS);
        if (e && pg_ends_after(&s, t, e)) {
            if (pg_sentences_push(sents, &s, b, e) != PG_OK)
                goto nomem;
            b = t = e;
            wrapped = e < s.n && !(s.v[e].flags & PG_TOK_NL);
            continue;
        }
        t++;
    }
    if (b < s.n && pg_sentences_push(sents, &s, b, s.n) != PG_OK)
        goto nomem;
    return PG_OK;
nomem:
    return pg_error_set(err, PG_ENOMEM, "out of memory after %zu sentences", sents->n);
}

void pg_sentences_release(pg_sentences *sents)
{
    if (!sents)
        return;
    free(sents->v);
    sents->v = NULL;
    sents->n = sents->cap = 0;
}

size_t pg_possessive_len(const char *w, size_t n)
{
    if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
        return 2;
    if (n > 4 && memcmp(w + n - 4, "\xE2\x80\x99s", 4) == 0)
        return 4;
    return 0;
}
