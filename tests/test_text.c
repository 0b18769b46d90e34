#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_text.h"

#define FFFD "\xEF\xBF\xBD"

/* ------------------------------------------------------------------ */
/* UTF-8 repair                                                        */
/* ------------------------------------------------------------------ */

static void check_repair(const char *in, size_t len, const char *want, size_t want_len,
                         size_t want_repairs, size_t want_first_bad)
{
    static char sentinel;
    char *out = &sentinel; /* must be reset to NULL for valid text */
    size_t out_len = 0, first_bad = 0;
    size_t n = pg_utf8_repair(in, len, &out, &out_len, &first_bad);
    assert_int_equal(n, want_repairs);
    if (want_repairs == 0) {
        assert_null(out);
        assert_int_equal(out_len, len);
        return;
    }
    assert_non_null(out);
    assert_int_equal(first_bad, want_first_bad);
    assert_int_equal(out_len, want_len);
    assert_memory_equal(out, want, want_len);
    assert_int_equal(out[out_len], '\0');
    free(out);
}

#define REPAIR(in, want, repairs, first_bad)                                                       \
    check_repair(in, sizeof(in) - 1, want, sizeof(want) - 1, repairs, first_bad)

static void test_repair_valid_untouched(void **state)
{
    (void) state;
    REPAIR("Angela Merkel", "", 0, 0);
    REPAIR("", "", 0, 0);
    /* 2-, 3- and 4-byte characters, and the largest code point */
    REPAIR("\xC3\x89lys\xC3\xA9"
           "e \xE2\x80\x9Ctalks\xE2\x80\x9D \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF",
           "", 0, 0);
    REPAIR("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", "", 0, 0); /* Путин */
}

static void test_repair_invalid(void **state)
{
    (void) state;
    /* lone continuation byte */
    REPAIR("a\x80"
           "b",
           "a" FFFD "b", 1, 1);
    /* truncated sequence at the end: one replacement for the whole prefix */
    REPAIR("abc\xE2\x82", "abc" FFFD, 1, 3);
    REPAIR("abc\xF0\x9F\x98", "abc" FFFD, 1, 3);
    /* truncated sequence in the middle: the next byte is kept */
    REPAIR("\xE2\x82(x", FFFD "(x", 1, 0);
    /* overlong forms: the lead byte is never valid, each byte is replaced */
    REPAIR("\xC0\xAF", FFFD FFFD, 2, 0);
    REPAIR("\xE0\x80\xAF", FFFD FFFD FFFD, 3, 0);
    REPAIR("\xF0\x80\x80\xAF", FFFD FFFD FFFD FFFD, 4, 0);
    /* surrogate U+D800 */
    REPAIR("x\xED\xA0\x80y", "x" FFFD FFFD FFFD "y", 3, 1);
    /* above U+10FFFF */
    REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4, 0);
    REPAIR("\xF5\x80", FFFD FFFD, 2, 0);
    REPAIR("\xFF", FFFD, 1, 0);
    /* NUL byte */
    REPAIR("a\0b", "a" FFFD "b", 1, 1);
    /* the WHATWG example of maximal subparts */
    REPAIR("\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
           FFFD FFFD FFFD "b" FFFD "c" FFFD FFFD "d", 6, 0);
}

static void test_repair_long_ascii(void **state)
{
    (void) state;
    /* past the 8-byte fast path, at every alignment */
    char in[1003], want[1005];
    for (size_t at = 990; at < 1000; at++) {
        memset(in, 'a', 1000);
        in[at] = '\x80';
        memcpy(want, in, at);
        memcpy(want + at, FFFD, 3);
        memcpy(want + at + 3, in + at + 1, 1000 - at - 1);
        check_repair(in, 1000, want, 1002, 1, at);
    }
    memset(in, 'a', 1000);
    in[777] = '\0';
    memcpy(want, in, 777);
    memcpy(want + 777, FFFD, 3);
    memcpy(want + 780, in + 778, 222);
    check_repair(in, 1000, want, 1002, 1, 777);
    check_repair(in, 777, "", 0, 0, 0);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */
/* ------------------------------------------------------------------ */

static pg_tokens tokenize(const char *s)
{
    pg_tokens toks = {0};
    pg_error err = {0};
    assert_int_equal(pg_tokenize(&toks, s, strlen(s), &err), PG_OK);
    return toks;
}

/* Tokens joined by '|' */
static void joined(const char *s, char *buf, size_t cap)
{
    pg_tokens toks = tokenize(s);
    size_t o = 0;
    for (size_t i = 0; i < toks.n; i++) {
        size_t l = toks.v[i].end - toks.v[i].start;
        assert_true(o + l + 2 < cap);
        if (i)
            buf[o++] = '|';
        memcpy(buf + o, s + toks.v[i].start, l);
        o += l;
    }
    buf[o] = '\0';
    pg_tokens_release(&toks);
}

static void test_token_boundaries(void **state)
{
    (void) state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Mr. Putin met U.S. President Trump.", "Mr|.|Putin|met|U.S.|President|Trump|."},
        {"Biden-Xi talks", "Biden-Xi|talks"},
        {"O'Brien and Merkel's aide", "O'Brien|and|Merkel's|aide"},
        {"Merkel\xE2\x80\x99s aide", "Merkel\xE2\x80\x99s|aide"},
        {"don't", "don't"},
        {"rose 3.5 per cent to 3,000", "rose|3.5|per|cent|to|3,000"},
        {"the U.S.-led coalition", "the|U.S.-led|coalition"},
        {"at 9 a.m. on Monday", "at|9|a.m.|on|Monday"},
        {"e.g. this", "e.g.|this"},
        {"U.S.A.", "U.S.A."},
        {"a Ph.D. student", "a|Ph.D|.|student"},
        {"the players' union", "the|players|'|union"},
        {"pro- and anti-war", "pro|-|and|anti-war"},
        {"Biden--Xi", "Biden|-|-|Xi"},
        {"end. Next", "end|.|Next"},
        {"bbc.co.uk", "bbc.co.uk"},
        {"one, two", "one|,|two"},
        {"1,2", "1,2"},
        {"a,2", "a|,|2"},
        {"\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 \xE2\x80\xA6",
         "\xE2\x80\x9C|Yes|\xE2\x80\x9D|\xE2\x80\x94|\xE2\x80\xA6"},
        {"Angela\xC2\xA0Merkel", "Angela|Merkel"}, /* no-break space */
        {"\xC3\x89lys\xC3\xA9"
         "e Palace",
         "\xC3\x89lys\xC3\xA9"
         "e|Palace"},
        {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD!", "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD|!"},
        {"a\x80"
         "b",
         "a|\x80|b"}, /* invalid bytes are punctuation, never a crash */
        {"  \n\t ", ""},
        /* where a plain word stops, before and after the text's last eight bytes */
        {"said, then", "said|,|then"},
        {"internationally, then", "internationally|,|then"},
        {"the end.", "the|end|."},
        {"leaders'", "leaders|'"},
        {"Smith- and", "Smith|-|and"},
        {"Ab.c d", "Ab.c|d"},
        {"\"negotiations.\" He", "\"|negotiations|.|\"|He"},
        {"word.\xC3\x89lys\xC3\xA9" "e", "word.\xC3\x89lys\xC3\xA9" "e"},
        {"sentence-9 of it", "sentence-9|of|it"},
        {"Abcdefghijklmnop9 q", "Abcdefghijklmnop9|q"},
    };
    char buf[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        joined(cases[i].in, buf, sizeof buf);
        if (strcmp(buf, cases[i].want) != 0)
            fail_msg("tokens of \"%s\": \"%s\", expected \"%s\"", cases[i].in, buf, cases[i].want);
    }
}

static uint32_t flags_of(const char *word)
{
    pg_tokens toks = tokenize(word);
    assert_int_equal(toks.n, 1);
    uint32_t f = toks.v[0].flags;
    pg_tokens_release(&toks);
    return f;
}

static void test_token_flags(void **state)
{
    (void) state;
    const uint32_t W = PG_TOK_WORD, U = PG_TOK_UPPER, C = PG_TOK_ALLCAPS, N = PG_TOK_NUM,
                   H = PG_TOK_HYPHEN, M = PG_TOK_MAY_END;
    static const struct {
        const char *word;
        uint32_t flags;
    } cases[] = {
        {"NATO", 0x01 | 0x08 | 0x10},
        {"nato", 0x01},
        {"Nato", 0x01 | 0x08},
        {"U.S.", 0x01 | 0x08 | 0x10 | 0x100},
        {"A", 0x01 | 0x08}, /* one letter is not "all caps" */
        {"COVID-19", 0x01 | 0x08 | 0x10 | 0x80},
        {"Biden-Xi", 0x01 | 0x08 | 0x80},
        {"U.S.-led", 0x01 | 0x08 | 0x80},
        {"O'Brien", 0x01 | 0x08},
        {"well\xE2\x80\x90known", 0x01 | 0x80}, /* U+2010 hyphen */
        {"e.g", 0x01},
        {"G7", 0x01 | 0x08},
        {"2017", 0x01 | 0x02},
        {"3.5", 0x01 | 0x02},
        {"\xC3\x89lys\xC3\xA9"
         "e",
         0x01 | 0x08}, /* Élysée */
        {"\xC3\xA9lys\xC3\xA9"
         "e",
         0x01},                                    /* élysée */
        {"\xC3\x96STERREICH", 0x01 | 0x08 | 0x10}, /* ÖSTERREICH */
        {"\xC5\x81ukasz", 0x01 | 0x08},            /* Łukasz */
        {"\xC5\x9E"
         "ahin",
         0x01 | 0x08}, /* Şahin */
        {"\xC5\x9F"
         "ahin",
         0x01},                                                    /* şahin */
        {"\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", 0x01 | 0x08 | 0x100}, /* Путин */
        {"\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3", 0x01 | 0x100},            /* 习近平 */
        {".", 0x04 | 0x100},
        {"!", 0x04 | 0x100},
        {"?", 0x04 | 0x100},
        {",", 0x04},
        {"\xE2\x80\x9C", 0x04 | 0x100}, /* a quotation mark: the splitter looks closer */
    };
    assert_int_equal(W | U | C | N | H | M, 0x19B); /* the table spells the flags out */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t f = flags_of(cases[i].word);
        if (f != cases[i].flags)
            fail_msg("flags of \"%s\": 0x%x, expected 0x%x", cases[i].word, (unsigned) f,
                     (unsigned) cases[i].flags);
    }
}

static void test_token_lines(void **state)
{
    (void) state;
    const char *s = "Headline here\nBy John\n \t\nBody text\r\n\r\nEnd\rX\xE2\x80\xA9Y";
    pg_tokens toks = tokenize(s);
    const uint32_t NL = PG_TOK_NL, PA = PG_TOK_PARA;
    const uint32_t want[] = {0, 0, NL, 0, NL | PA, 0, NL | PA, NL, NL | PA};
    assert_int_equal(toks.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < toks.n; i++) {
        uint32_t f = toks.v[i].flags & (NL | PA);
        if (f != want[i])
            fail_msg("token %zu: line flags 0x%x, expected 0x%x", i, (unsigned) f,
                     (unsigned) want[i]);
    }
    /* offsets are bytes into the text */
    assert_int_equal(toks.v[4].start, strlen("Headline here\nBy John\n \t\n"));
    assert_int_equal(toks.v[4].end, toks.v[4].start + 4);
    pg_tokens_release(&toks);
    assert_null(toks.v);
    assert_int_equal(toks.n, 0);
    assert_int_equal(toks.cap, 0);
}

static void test_token_errors(void **state)
{
    (void) state;
    pg_tokens toks = {0};
    pg_error err = {0};
    assert_int_equal(pg_tokenize(&toks, "", 0, &err), PG_OK);
    assert_int_equal(toks.n, 0);
    if (SIZE_MAX > UINT32_MAX) {
        /* refused before a byte is read */
        size_t huge = (size_t) UINT32_MAX + 1;
        assert_int_equal(pg_tokenize(&toks, "x", huge, &err), PG_EINPUT);
        assert_int_equal(err.code, PG_EINPUT);
        assert_non_null(strstr(err.msg, "too long"));
    }
    assert_int_equal(pg_tokenize(NULL, "x", 1, &err), PG_EUSAGE);
    pg_tokens_release(&toks);
    pg_tokens_release(NULL);
}

static void test_token_many(void **state)
{
    (void) state;
    /* the array grows past its first allocation; every token is kept */
    size_t words = 100000;
    char *s = malloc(words * 6 + 1);
    assert_non_null(s);
    for (size_t i = 0; i < words; i++)
        memcpy(s + i * 6, i % 2 ? "Putin," : "talks ", 6);
    s[words * 6] = '\0';
    pg_tokens toks = tokenize(s);
    assert_int_equal(toks.n, words + words / 2);
    assert_int_equal(toks.v[toks.n - 1].end, words * 6);
    pg_tokens_release(&toks);
    free(s);
}

/*
 * Long text is read 64 bytes at a time where it can be, short text one
 * character at a time: a snippet under 64 bytes, read alone, must give
 * the tokens it gives at every place in a long text (after 0 to 63
 * spaces, before 64 more), shifted by that place.
 */
static void test_token_blocks(void **state)
{
    (void) state;
    static const char *const pieces[] = {
        "Merkel", "said", "U.S.", "U.S.-led", "Biden-Xi", "O'Brien", "leaders'", "3,000",
        "1.5", "3rd", "talks.", "Talks!", "why?", "Caf\xC3\xA9", "\xE2\x80\x94", "e.g.",
        "NATO", "A", "I", "x", "\n", "\n\n", "\r\n", "\r", "\t", "  ", ",", ".", "-",
        "'", "(", "\xE2\x80\xA8", "\xC2\xA0", "\x7F", "\xFF", "a-", "-a", "a'", "a.",
        ".a", "A.B.", "x,y", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrst", "don't"};
    uint64_t seed = 7;
    char snippet[64], text[64 + 63 + 64 + 1];
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        for (;;) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *piece = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(piece);
            if (n + pl + 1 >= sizeof snippet)
                break;
            memcpy(snippet + n, piece, pl);
            n += pl;
            if ((seed >> 20) & 1)
                snippet[n++] = ' ';
        }
        snippet[n] = '\0';
        pg_tokens alone = tokenize(snippet);
        for (size_t at = 0; at < 64; at++) {
            memset(text, ' ', sizeof text - 1);
            text[sizeof text - 1] = '\0';
            memcpy(text + at, snippet, n);
            pg_tokens inside = tokenize(text);
            assert_int_equal(inside.n, alone.n);
            for (size_t i = 0; i < alone.n; i++) {
                if (inside.v[i].start != alone.v[i].start + at ||
                    inside.v[i].end != alone.v[i].end + at ||
                    inside.v[i].flags != alone.v[i].flags)
                    fail_msg("\"%s\" at %zu: token %zu differs", snippet, at, i);
            }
            pg_tokens_release(&inside);
        }
        pg_tokens_release(&alone);
    }
    /* words that end where the text does, 64 bytes or more from where the block began */
    for (size_t len = 64; len < 68; len++) {
        char *end_text = malloc(len);
        assert_non_null(end_text);
        memset(end_text, ' ', len);
        memcpy(end_text + len - 4, "said", 4);
        pg_tokens at_end = {0};
        pg_error err = {0};
        assert_int_equal(pg_tokenize(&at_end, end_text, len, &err), PG_OK);
        assert_int_equal(at_end.n, 1);
        assert_int_equal(at_end.v[0].start, len - 4);
        assert_int_equal(at_end.v[0].end, len);
        pg_tokens_release(&at_end);
        free(end_text);
    }
    /* a word of letters from a block's first byte to past its end */
    char longword[140];
    memset(longword, 'a', 130);
    memcpy(longword + 130, " said.", 7);
    pg_tokens toks = tokenize(longword);
    assert_int_equal(toks.n, 3);
    assert_int_equal(toks.v[0].end, 130);
    assert_int_equal(toks.v[1].start, 131);
    assert_int_equal(toks.v[2].flags & PG_TOK_MAY_END, PG_TOK_MAY_END);
    pg_tokens_release(&toks);
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

static void test_fold(void **state)
{
    (void) state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Merkel", "merkel"},
        {"NATO", "nato"},
        {"\xC3\x89LYS\xC3\x89"
         "E",
         "\xC3\xA9lys\xC3\xA9"
         "e"}, /* ÉLYSÉE */
        {"\xC3\x96"
         "zdemir",
         "\xC3\xB6"
         "zdemir"}, /* Özdemir */
        {"\xC5\x9E"
         "ahin",
         "\xC5\x9F"
         "ahin"}, /* Şahin */
        {"\xC5\x81\xC3\x93"
         "D\xC5\xB9",
         "\xC5\x82\xC3\xB3"
         "d\xC5\xBA"}, /* ŁÓDŹ */
        {"\xC5\xBD"
         "ELENSKY",
         "\xC5\xBE"
         "elensky"},                     /* ŽELENSKY */
        {"\xC4\xB0stanbul", "istanbul"}, /* İstanbul */
        {"\xC3\x9F", "\xC3\x9F"},        /* ß stays */
        {"\xD0\x9F\xD0\xA3\xD0\xA2\xD0\x98\xD0\x9D", "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"},
        {"Merkel\xE2\x80\x99s", "merkel's"},
        {"U.S.", "u.s."},
        {"3,000", "3,000"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t n = pg_fold(cases[i].in, strlen(cases[i].in), buf, sizeof buf);
        assert_int_equal(n, strlen(cases[i].want));
        if (strcmp(buf, cases[i].want) != 0)
            fail_msg("fold of \"%s\": \"%s\", expected \"%s\"", cases[i].in, buf, cases[i].want);
    }
}

static void test_fold_truncates(void **state)
{
    (void) state;
    char buf[8];
    const char *e = "\xC3\x89lys\xC3\xA9"
                    "e"; /* Élysée, 8 bytes */
    memset(buf, 'x', sizeof buf);
    assert_int_equal(pg_fold(e, strlen(e), buf, 8), 7);
    assert_string_equal(buf, "\xC3\xA9lys\xC3\xA9"); /* "é" fits whole, "e" does not */
    assert_int_equal(pg_fold(e, strlen(e), buf, 7), 5);
    assert_string_equal(buf, "\xC3\xA9lys"); /* never half a character */
    assert_int_equal(pg_fold(e, strlen(e), buf, 6), 5);
    assert_int_equal(pg_fold(e, strlen(e), buf, 5), 4);
    assert_string_equal(buf, "\xC3\xA9ly");
    assert_int_equal(pg_fold(e, strlen(e), buf, 2), 0);
    assert_string_equal(buf, "");
    assert_int_equal(pg_fold(e, strlen(e), buf, 3), 2);
    assert_int_equal(pg_fold("Merkel", 6, buf, 1), 0);
    assert_string_equal(buf, "");
    buf[0] = 'x';
    assert_int_equal(pg_fold("Merkel", 6, buf, 0), 0);
    assert_int_equal(buf[0], 'x'); /* cap 0: nothing written */
}

/* ------------------------------------------------------------------ */
/* Sentences                                                           */
/* ------------------------------------------------------------------ */

typedef struct split {
    pg_tokens toks;
    pg_sentences sents;
} split;

static split split_text(const char *s)
{
    split x = {{0}, {0}};
    pg_error err = {0};
    assert_int_equal(pg_tokenize(&x.toks, s, strlen(s), &err), PG_OK);
    assert_int_equal(pg_split_sentences(&x.sents, &x.toks, s, &err), PG_OK);
    return x;
}

static void split_release(split *x)
{
    pg_tokens_release(&x->toks);
    pg_sentences_release(&x->sents);
}

/* The sentences of s, compared with want (NULL-terminated). */
static void check_sentences(const char *s, const char *const *want)
{
    split x = split_text(s);
    size_t n = 0;
    while (want[n])
        n++;
    int ok = x.sents.n == n;
    for (size_t i = 0; ok && i < n; i++) {
        const pg_sentence *z = &x.sents.v[i];
        ok = z->end - z->start == strlen(want[i]) &&
             memcmp(s + z->start, want[i], z->end - z->start) == 0;
    }
    if (!ok) {
        for (size_t i = 0; i < x.sents.n; i++) {
            const pg_sentence *z = &x.sents.v[i];
            print_message("  [%zu] \"%.*s\"\n", i, (int) (z->end - z->start), s + z->start);
        }
        size_t got = x.sents.n;
        split_release(&x);
        fail_msg("sentences of \"%s\": %zu above, expected %zu", s, got, n);
    }
    /* sentences are contiguous in tokens and match their token spans */
    for (size_t i = 0; i < x.sents.n; i++) {
        const pg_sentence *z = &x.sents.v[i];
        assert_int_equal(z->tok_begin, i ? x.sents.v[i - 1].tok_end : 0);
        assert_true(z->tok_end > z->tok_begin);
        assert_int_equal(z->start, x.toks.v[z->tok_begin].start);
        assert_int_equal(z->end, x.toks.v[z->tok_end - 1].end);
    }
    split_release(&x);
}

#define SENTENCES(text, ...)                                                                       \
    do {                                                                                           \
        static const char *const want_[] = {__VA_ARGS__, NULL};                                    \
        check_sentences(text, want_);                                                              \
    } while (0)

static void test_sentences_basic(void **state)
{
    (void) state;
    SENTENCES("Mr. Putin met U.S. President Donald Trump in Helsinki on Jan. 16. They talked.",
              "Mr. Putin met U.S. President Donald Trump in Helsinki on Jan. 16.", "They talked.");
    SENTENCES("Why now? Nobody knows! Talks resume on Monday.", "Why now?", "Nobody knows!",
              "Talks resume on Monday.");
    SENTENCES("The deal was signed. 12 ministers attended.", "The deal was signed.",
              "12 ministers attended.");
    SENTENCES("No end in sight", "No end in sight");
    SENTENCES("He paused\xE2\x80\xA6 then went on. Then he left.",
              "He paused\xE2\x80\xA6 then went on.", "Then he left.");
    /* a dot before a lower-case word is no end */
    SENTENCES("The U.N. envoy, a Ph.D. holder, spoke.", "The U.N. envoy, a Ph.D. holder, spoke.");

    split x = split_text("");
    assert_int_equal(x.sents.n, 0);
    split_release(&x);
}

static void test_sentences_titles(void **state)
{
    (void) state;
    SENTENCES("Dr. Anthony Fauci spoke to Gen. Mark Milley and Sen. Chuck Schumer. "
              "Prof. Jane Smith and Gov. Andrew Cuomo did not.",
              "Dr. Anthony Fauci spoke to Gen. Mark Milley and Sen. Chuck Schumer.",
              "Prof. Jane Smith and Gov. Andrew Cuomo did not.");
    SENTENCES("Lt. Col. Alexander Vindman testified before Rep. Adam Schiff. Capt. Brett "
              "Crozier, Maj. Gen. Ann Smith, Sgt. Joe Bloggs and Adm. Mike Gilday listened.",
              "Lt. Col. Alexander Vindman testified before Rep. Adam Schiff.",
              "Capt. Brett Crozier, Maj. Gen. Ann Smith, Sgt. Joe Bloggs and Adm. Mike Gilday "
              "listened.");
    SENTENCES("Rev. Al Sharpton met Mrs. Clinton, Ms. Pelosi and Hon. John Key at St. Paul's. "
              "Pres. Macron was absent.",
              "Rev. Al Sharpton met Mrs. Clinton, Ms. Pelosi and Hon. John Key at St. Paul's.",
              "Pres. Macron was absent.");
    SENTENCES("Martin Luther King Jr. was born in Atlanta. Kennedy Sr. agreed.",
              "Martin Luther King Jr. was born in Atlanta.", "Kennedy Sr. agreed.");
}

static void test_sentences_months(void **state)
{
    (void) state;
    SENTENCES("The summit was held on Sept. 11 in Brussels and on Dec. 5 in Paris. "
              "Feb. 3 was quiet.",
              "The summit was held on Sept. 11 in Brussels and on Dec. 5 in Paris.",
              "Feb. 3 was quiet.");
    SENTENCES("Mar. 4, Apr. 5, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Oct. 10 and Nov. 11 passed.",
              "Mar. 4, Apr. 5, Jun. 6, Jul. 7, Aug. 8, Sep. 9, Oct. 10 and Nov. 11 passed.");
    /* a month abbreviation before a new capitalised sentence ends it */
    SENTENCES("Talks stalled in late Jan. The ministers met again in March.",
              "Talks stalled in late Jan.", "The ministers met again in March.");
}

static void test_sentences_dotted(void **state)
{
    (void) state;
    SENTENCES("U.K. Prime Minister Theresa May met U.N. Secretary-General Ant\xC3\xB3nio Guterres "
              "and E.U. leaders in Brussels.",
              "U.K. Prime Minister Theresa May met U.N. Secretary-General Ant\xC3\xB3nio Guterres "
              "and E.U. leaders in Brussels.");
    /* "U.S." before a word that starts sentences */
    SENTENCES("Sanctions were imposed by the U.S. The Kremlin condemned them.",
              "Sanctions were imposed by the U.S.", "The Kremlin condemned them.");
    SENTENCES("They met in the U.S. in May.", "They met in the U.S. in May.");
    /* initials */
    SENTENCES("John F. Kennedy met Nikita S. Khrushchev in Vienna. They disagreed.",
              "John F. Kennedy met Nikita S. Khrushchev in Vienna.", "They disagreed.");
    SENTENCES("They chose plan B. The others left.", "They chose plan B.", "The others left.");
}

static void test_sentences_lower_rules(void **state)
{
    (void) state;
    SENTENCES("The prime minister returned to No. 10 Downing Street. No. He did not resign.",
              "The prime minister returned to No. 10 Downing Street.", "No.", "He did not resign.");
    SENTENCES("It was Biden vs. Trump again. Voters chose.", "It was Biden vs. Trump again.",
              "Voters chose.");
    SENTENCES("They discussed trade, security, etc. and agreed to meet again.",
              "They discussed trade, security, etc. and agreed to meet again.");
    SENTENCES("They discussed trade, security, etc. The talks lasted an hour.",
              "They discussed trade, security, etc.", "The talks lasted an hour.");
    SENTENCES("The call began at 9 a.m. on Monday and ended at 10 a.m. Merkel then left.",
              "The call began at 9 a.m. on Monday and ended at 10 a.m.", "Merkel then left.");
    SENTENCES("It ended at 5 p.m. local time.", "It ended at 5 p.m. local time.");
    SENTENCES("Some leaders, e.g. Macron, objected.", "Some leaders, e.g. Macron, objected.");
}

static void test_sentences_quotes(void **state)
{
    (void) state;
    SENTENCES("\xE2\x80\x9CWe agreed,\xE2\x80\x9D Putin said. \xE2\x80\x9CIt was a good "
              "meeting.\xE2\x80\x9D Trump nodded.",
              "\xE2\x80\x9CWe agreed,\xE2\x80\x9D Putin said.",
              "\xE2\x80\x9CIt was a good meeting.\xE2\x80\x9D", "Trump nodded.");
    SENTENCES("\"Will you come?\" she asked.", "\"Will you come?\" she asked.");
    SENTENCES("He said: \"We agreed.\" Then they left.", "He said: \"We agreed.\"",
              "Then they left.");
    SENTENCES("Talks ended (in Geneva.) The envoys flew home.", "Talks ended (in Geneva.)",
              "The envoys flew home.");
}

static void test_sentences_lines(void **state)
{
    (void) state;
    /* headline, byline and dateline are sentences; a hard-wrapped paragraph is not cut */
    SENTENCES("Trump and Putin meet in Helsinki\n"
              "By Jane Doe\n"
              "HELSINKI, July 16, 2018\n"
              "President Donald Trump met Vladimir Putin on Monday. The two leaders spoke for "
              "two hours\n"
              "in private and talked about\n"
              "Syria, Ukraine and\n"
              "North Korea.",
              "Trump and Putin meet in Helsinki", "By Jane Doe", "HELSINKI, July 16, 2018",
              "President Donald Trump met Vladimir Putin on Monday.",
              "The two leaders spoke for two hours\nin private and talked about\nSyria, Ukraine "
              "and\nNorth Korea.");
    SENTENCES("Friday 27 January 2017 14:13 GMT\n"
              "Theresa May has met Donald Trump at the White House.",
              "Friday 27 January 2017 14:13 GMT",
              "Theresa May has met Donald Trump at the White House.");
    /* a capitalised word goes on a wrapped line when the sentence began mid-line ... */
    SENTENCES("The Kremlin said the leaders agreed to restore trade ties. Trump also talked "
              "with German Chancellor\nAngela Merkel and French President Francois Hollande.",
              "The Kremlin said the leaders agreed to restore trade ties.",
              "Trump also talked with German Chancellor\nAngela Merkel and French President "
              "Francois Hollande.");
    /* ... or already went on across a line break */
    SENTENCES("Putin spoke by\nphone with Chancellor\nAngela Merkel on Saturday.",
              "Putin spoke by\nphone with Chancellor\nAngela Merkel on Saturday.");
    /* a dateline that starts the first paragraph on its own line */
    SENTENCES("MOSCOW (Reuters)\nVladimir Putin spoke by phone with Olaf Scholz.",
              "MOSCOW (Reuters)", "Vladimir Putin spoke by phone with Olaf Scholz.");
    /* an abbreviation at the end of a line */
    SENTENCES("He met Mr.\nPutin on Friday.", "He met Mr.\nPutin on Friday.");
    SENTENCES("He met Mr\nPutin on Friday.", "He met Mr\nPutin on Friday.");
    /* a comma at the end of a line */
    SENTENCES("In a statement on Monday,\nPresident Macron said the talks went well.",
              "In a statement on Monday,\nPresident Macron said the talks went well.");
    /* a sentence end followed by a lower-case line */
    SENTENCES("It was agreed at 9 a.m.\nlater, officials said so.",
              "It was agreed at 9 a.m.\nlater, officials said so.");
    /* a blank line always ends a sentence */
    SENTENCES("the first part has no end\n\n  \nthe second starts lower",
              "the first part has no end", "the second starts lower");
    SENTENCES("Putin met Mr.\n\nTrump left.", "Putin met Mr.", "Trump left.");
}

static void test_sentences_paragraphs(void **state)
{
    (void) state;
    const char *text =
        "German Chancellor Angela Merkel spoke with Russian President Vladimir Putin by phone "
        "on Saturday. The Kremlin said the leaders discussed Ukraine. They agreed to stay in "
        "touch.\n"
        "\n"
        "Merkel also called U.S. President Donald Trump. A government spokesman, Steffen "
        "Seibert, said the call lasted an hour.\n"
        "\n"
        "Trump later met British Prime Minister Theresa May in Washington. \"We had a great "
        "meeting,\" he said.\n";
    split x = split_text(text);
    assert_int_equal(x.sents.n, 3 + 2 + 2);
    /* the second paragraph starts the fourth sentence */
    const char *p2 = strstr(text, "Merkel also");
    assert_int_equal(x.sents.v[3].start, (size_t) (p2 - text));
    assert_int_equal(x.sents.v[6].end, strlen(text) - 1);
    split_release(&x);
}

static void test_sentences_bounded(void **state)
{
    (void) state;
    size_t words = 2500;
    char *s = malloc(words * 5 + 1);
    assert_non_null(s);
    for (size_t i = 0; i < words; i++)
        memcpy(s + i * 5, "word ", 5);
    s[words * 5] = '\0';
    split x = split_text(s);
    assert_int_equal(x.sents.n, 3);
    assert_int_equal(x.sents.v[0].tok_end - x.sents.v[0].tok_begin, 1000);
    assert_int_equal(x.sents.v[1].tok_end - x.sents.v[1].tok_begin, 1000);
    assert_int_equal(x.sents.v[2].tok_end - x.sents.v[2].tok_begin, 500);
    split_release(&x);
    free(s);

    /* a long run of terminal punctuation is cut as well */
    s = malloc(3001);
    assert_non_null(s);
    memset(s, '!', 3000);
    s[3000] = '\0';
    x = split_text(s);
    for (size_t i = 0; i < x.sents.n; i++)
        assert_true(x.sents.v[i].tok_end - x.sents.v[i].tok_begin <= 1000);
    assert_int_equal(x.sents.v[x.sents.n - 1].tok_end, 3000);
    split_release(&x);
    free(s);
}

/*
 * Random bytes biased to UTF-8 lead and continuation bytes, punctuation
 * and line breaks: repair gives valid UTF-8, tokens are ordered and in
 * bounds, sentences partition the tokens.
 */
static void test_random_bytes(void **state)
{
    (void) state;
    static const unsigned char pick[] = {0x00, 'A',  'a',  'z',  '.',  '\'', '-',  ',',
                                         '!',  '"',  ' ',  '\n', '\r', '3',  0x7F, 0x80,
                                         0x8F, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xC3, 0xDF,
                                         0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    uint64_t seed = 42;
    char in[200];
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t) (round % 199) + 1;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            in[i] = (char) pick[(seed >> 33) % sizeof pick];
        }
        char *out;
        size_t out_len, first_bad;
        size_t n = pg_utf8_repair(in, len, &out, &out_len, &first_bad);
        const char *text = out ? out : in;
        size_t text_len = out ? out_len : len;
        if (out) {
            char *again;
            size_t again_len;
            assert_true(n > 0 && first_bad < len);
            assert_int_equal(pg_utf8_repair(out, out_len, &again, &again_len, NULL), 0);
            assert_null(again);
        }

        pg_tokens toks = {0};
        pg_sentences sents = {0};
        pg_error err = {0};
        assert_int_equal(pg_tokenize(&toks, text, text_len, &err), PG_OK);
        for (size_t i = 0; i < toks.n; i++) {
            assert_true(toks.v[i].start < toks.v[i].end && toks.v[i].end <= text_len);
            assert_true(i == 0 || toks.v[i - 1].end <= toks.v[i].start);
            char buf[16];
            size_t fl =
                pg_fold(text + toks.v[i].start, toks.v[i].end - toks.v[i].start, buf, sizeof buf);
            assert_true(fl < sizeof buf && buf[fl] == '\0');
        }
        assert_int_equal(pg_split_sentences(&sents, &toks, text, &err), PG_OK);
        size_t next = 0;
        for (size_t i = 0; i < sents.n; i++) {
            assert_int_equal(sents.v[i].tok_begin, next);
            assert_true(sents.v[i].tok_end > next);
            next = sents.v[i].tok_end;
        }
        assert_int_equal(next, toks.n);
        pg_sentences_release(&sents);
        pg_tokens_release(&toks);
        free(out);
    }
}

static void test_sentences_release(void **state)
{
    (void) state;
    split x = split_text("One. Two.");
    assert_int_equal(x.sents.n, 2);
    pg_sentences_release(&x.sents);
    assert_null(x.sents.v);
    assert_int_equal(x.sents.n, 0);
    assert_int_equal(x.sents.cap, 0);
    pg_sentences_release(NULL);
    split_release(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repair_valid_untouched),
        cmocka_unit_test(test_repair_invalid),
        cmocka_unit_test(test_repair_long_ascii),
        cmocka_unit_test(test_token_boundaries),
        cmocka_unit_test(test_token_flags),
        cmocka_unit_test(test_token_lines),
        cmocka_unit_test(test_token_errors),
        cmocka_unit_test(test_token_many),
        cmocka_unit_test(test_token_blocks),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_truncates),
        cmocka_unit_test(test_sentences_basic),
        cmocka_unit_test(test_sentences_titles),
        cmocka_unit_test(test_sentences_months),
        cmocka_unit_test(test_sentences_dotted),
        cmocka_unit_test(test_sentences_lower_rules),
        cmocka_unit_test(test_sentences_quotes),
        cmocka_unit_test(test_sentences_lines),
        cmocka_unit_test(test_sentences_paragraphs),
        cmocka_unit_test(test_sentences_bounded),
        cmocka_unit_test(test_random_bytes),
        cmocka_unit_test(test_sentences_release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
