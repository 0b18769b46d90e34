/*
 * pg_scan: the yardstick of the benchmark's targets, a single pass that
 * tokenises text and looks up its capitalised runs in a hash set. It
 * finds no sentences, no events and no new names: what it costs a byte
 * is the least any extractor pays, so polgraph's time over it says how
 * much of the time is the work beyond that, whatever the machine.
 *
 *   pg_scan PATTERNS INPUT...
 *
 * PATTERNS: one phrase a line (bench/run.sh writes the dictionary's
 * names, aliases and role descriptions). INPUT: files, or folders read
 * whole. A word is a run of letters, digits, ' and - (any byte beyond
 * ASCII counts as a letter). Each word that begins with A-Z begins a run
 * of up to four such words, one space apart, and each beginning of the
 * run is looked up: "Angela", "Angela Merkel", then "Merkel". Prints,
 * tab-separated: bytes, words, look-ups, phrases found.
 */

#define _XOPEN_SOURCE 700

#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG_SCAN_CHUNK ((size_t)1 << 20)
#define PG_SCAN_RUN_WORDS 4

typedef struct pg_scan_set {
    uint64_t *hashes; /* 0: an empty slot */
    char **phrases;
    size_t cap, n;
} pg_scan_set;

typedef struct pg_scan {
    pg_scan_set set;
    unsigned long long bytes, words, lookups, found;
    char *buf; /* a chunk, and the unfinished word carried over before it */
} pg_scan;

static pg_scan pg_the_scan; /* nftw's callback takes no user pointer */

static uint64_t pg_scan_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a; never 0 after the last step below */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
    return h | 1;
}

static int pg_scan_set_grow(pg_scan_set *set)
{
    size_t cap = set->cap ? 2 * set->cap : 1024;
    uint64_t *hashes = calloc(cap, sizeof *hashes);
    char **phrases = calloc(cap, sizeof *phrases);
    if (!hashes || !phrases) {
        free(hashes);
        free(phrases);
        return -1;
    }
    for (size_t i = 0; i < set->cap; i++) {
        if (!set->hashes[i])
            continue;
        size_t s = set->hashes[i] & (cap - 1);
        while (hashes[s])
            s = (s + 1) & (cap - 1);
        hashes[s] = set->hashes[i];
        phrases[s] = set->phrases[i];
    }
    free(set->hashes);
    free(set->phrases);
    set->hashes = hashes;
    set->phrases = phrases;
    set->cap = cap;
    return 0;
}

/* Is s[0, n) in the set? Its slot, or the empty one it would take, in *slot. */
static int pg_scan_set_has(const pg_scan_set *set, const char *s, size_t n, uint64_t h,
                           size_t *slot)
{
    size_t i = h & (set->cap - 1);
    for (; set->hashes[i]; i = (i + 1) & (set->cap - 1))
        if (set->hashes[i] == h && strlen(set->phrases[i]) == n &&
            memcmp(set->phrases[i], s, n) == 0)
            break;
    *slot = i;
    return set->hashes[i] != 0;
}

static int pg_scan_set_add(pg_scan_set *set, const char *s, size_t n)
{
    if (2 * (set->n + 1) > set->cap && pg_scan_set_grow(set) != 0)
        return -1;
    uint64_t h = pg_scan_hash(s, n);
    size_t slot;
    if (pg_scan_set_has(set, s, n, h, &slot))
        return 0;
    char *copy = malloc(n + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, n);
    copy[n] = '\0';
    set->hashes[slot] = h;
    set->phrases[slot] = copy;
    set->n++;
    return 0;
}

static void pg_scan_set_release(pg_scan_set *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->phrases[i]);
    free(set->hashes);
    free(set->phrases);
}

static int pg_scan_load(pg_scan_set *set, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "pg_scan: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char line[4096];
    int rc = 0;
    while (rc == 0 && fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        if (n > 0)
            rc = pg_scan_set_add(set, line, n);
    }
    if (rc != 0)
        fprintf(stderr, "pg_scan: out of memory\n");
    fclose(f);
    return rc;
}

static int pg_scan_word_byte(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u || c == '\'' ||
           c == '-' || c >= 0x80;
}

static int pg_scan_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}

/* The end of the word that begins at p[i], at most n. */
static size_t pg_scan_word_end(const char *p, size_t i, size_t n)
{
    while (i < n && pg_scan_word_byte((unsigned char)p[i]))
        i++;
    return i;
}

/* Scans p[0, n), whose last word is whole; counts into sc. */
static void pg_scan_text(pg_scan *sc, const char *p, size_t n)
{
    size_t i = 0, slot;
    while (i < n) {
        if (!pg_scan_word_byte((unsigned char)p[i])) {
            i++;
            continue;
        }
        size_t end = pg_scan_word_end(p, i, n);
        sc->words++;
        if (pg_scan_upper((unsigned char)p[i])) {
            /* the run's beginnings: "Angela", "Angela Merkel", ... */
            size_t run_end = end;
            for (int w = 0; w < PG_SCAN_RUN_WORDS; w++) {
                sc->lookups++;
                size_t len = run_end - i;
                sc->found += (unsigned long long)pg_scan_set_has(
                    &sc->set, p + i, len, pg_scan_hash(p + i, len), &slot);
                if (run_end + 1 >= n || p[run_end] != ' ' ||
                    !pg_scan_upper((unsigned char)p[run_end + 1]))
                    break;
                run_end = pg_scan_word_end(p, run_end + 1, n);
            }
        }
        i = end;
    }
}

static int pg_scan_file(pg_scan *sc, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "pg_scan: %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t carry = 0, got;
    /*
     * A chunk is scanned up to its last byte that is neither a letter nor
     * a space: a run does not go past one. The rest, words and spaces
     * only, is read again with the next chunk: at most one chunk, as a
     * buffer of words and spaces alone is scanned whole (runs cut there).
     */
    while ((got = fread(sc->buf + carry, 1, PG_SCAN_CHUNK, f)) > 0) {
        size_t n = carry + got, cut = n;
        while (cut > 0 && (pg_scan_word_byte((unsigned char)sc->buf[cut - 1]) ||
                           sc->buf[cut - 1] == ' '))
            cut--;
        if (cut == 0 && n > PG_SCAN_CHUNK)
            cut = n;
        pg_scan_text(sc, sc->buf, cut);
        carry = n - cut;
        memmove(sc->buf, sc->buf + cut, carry);
        sc->bytes += got;
    }
    int failed = ferror(f);
    if (failed)
        fprintf(stderr, "pg_scan: %s: read error\n", path);
    else
        pg_scan_text(sc, sc->buf, carry);
    fclose(f);
    return failed ? -1 : 0;
}

static int pg_scan_visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    /* 1 stops the walk on an error already told; nftw's own errors are -1 */
    if (type == FTW_F)
        return pg_scan_file(&pg_the_scan, path) == 0 ? 0 : 1;
    if (type == FTW_DNR || type == FTW_NS) {
        fprintf(stderr, "pg_scan: %s: cannot be read\n", path);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fprintf(argc < 3 ? stderr : stdout, "usage: pg_scan PATTERNS INPUT...\n");
        return argc < 3 ? 2 : 0;
    }
    pg_scan *sc = &pg_the_scan;
    /* two chunks: one read, and up to one carried over before it */
    sc->buf = malloc(2 * PG_SCAN_CHUNK);
    int rc = sc->buf ? pg_scan_load(&sc->set, argv[1]) : -1;
    if (!sc->buf)
        fprintf(stderr, "pg_scan: out of memory\n");
    for (int i = 2; i < argc && rc == 0; i++) {
        int walked = nftw(argv[i], pg_scan_visit, 16, FTW_PHYS);
        if (walked == -1)
            fprintf(stderr, "pg_scan: %s: %s\n", argv[i], strerror(errno));
        rc = walked == 0 ? 0 : -1;
    }
    if (rc == 0)
        printf("%llu\t%llu\t%llu\t%llu\n", sc->bytes, sc->words, sc->lookups, sc->found);
    pg_scan_set_release(&sc->set);
    free(sc->buf);
    return rc == 0 ? 0 : 2;
}
