/*
 * Reading articles: text files, folders, JSON Lines and standard input.
 *
 * Everything that can go wrong with one input (a missing file, a binary
 * file, a bad JSONL record) is a warning and the run goes on; only running
 * out of memory or a callback's non-zero return stops it. At most one
 * article is held at a time: JSONL is read a line at a time, and a text
 * file is read whole because it is one article.
 */

#define _POSIX_C_SOURCE 200809L

#include "pg_article.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "pg_jread.h"
#include "pg_swar.h"
#include "pg_text.h"

/* A text file or JSONL line bigger than this is skipped: no article is that long. */
#define PG_TEXT_MAX ((size_t)1 << 30)
/* JSONL lines are read in blocks of this size. */
#define PG_BLOCK_SIZE ((size_t)1024 * 1024)
/* After a line longer than this, its buffer is given back. */
#define PG_LINE_KEEP ((size_t)1 << 20)
/* How much of a text file is looked at to tell text from binary. */
#define PG_SNIFF_BYTES 8192

#define PG_STDIN_NAME "stdin"

static const char pg_bom[] = "\xEF\xBB\xBF";

typedef struct pg_reader {
    pg_article_fn on_article;
    pg_warning_fn on_warning;
    void *user;
    pg_error *err;
} pg_reader;

/* A buffered source of lines that may be peeked at before it is split. */
typedef struct pg_lines {
    FILE *fp;
    char *blk;
    size_t blk_len, blk_pos;
    char *line;
    size_t line_len, line_cap;
    char *scratch; /* decoded short fields of a record */
    size_t scratch_cap;
    long lineno;
    int too_long; /* the last line was longer than PG_TEXT_MAX: dropped */
} pg_lines;

void pg_article_free(pg_article *a)
{
    if (!a)
        return;
    free(a->id);
    free(a->title);
    free(a->source);
    free(a->text);
    free(a);
}

static char *pg_strndup0(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

static int pg_nomem(pg_reader *r)
{
    return pg_error_set(r->err, PG_ENOMEM, "out of memory while reading articles");
}

/* Reports a warning; returns the warning callback's verdict (0 = go on). */
static int pg_warn(pg_reader *r, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int pg_warn(pg_reader *r, int code, const char *fmt, ...)
{
    pg_error w;
    va_list ap;

    if (!r->on_warning)
        return 0;
    va_start(ap, fmt);
    vsnprintf(w.msg, sizeof w.msg, fmt, ap);
    va_end(ap);
    w.code = code;
    return r->on_warning(&w, r->user);
}

static int pg_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix), i;

    if (n < m)
        return 0;
    for (i = 0; i < m; i++) {
        char c = s[n - m + i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != suffix[i])
            return 0;
    }
    return 1;
}

static int pg_is_jsonl_name(const char *path)
{
    return pg_has_suffix(path, ".jsonl") || pg_has_suffix(path, ".ndjson");
}

/* Inside folders only these are articles, so expected outputs can sit beside them. */
static int pg_is_article_name(const char *name)
{
    return pg_has_suffix(name, ".txt") || pg_has_suffix(name, ".text") ||
           pg_has_suffix(name, ".md") || pg_is_jsonl_name(name);
}

/*
 * Repairs the text in place of a->text (NUL-terminated, a->len bytes):
 * afterwards it is valid UTF-8 without NUL bytes.
 */
static int pg_article_repair(pg_reader *r, pg_article *a)
{
    char *fixed = NULL;
    size_t fixed_len = 0, first_bad = 0;

    a->repairs = pg_utf8_repair(a->text, a->len, &fixed, &fixed_len, &first_bad);
    if (fixed) {
        free(a->text);
        a->text = fixed;
        a->len = fixed_len;
    } else if (a->repairs > 0) {
        return pg_nomem(r);
    }
    a->first_bad = a->repairs > 0 ? first_bad : 0;
    return 0;
}

/*
 * Repairs the article and hands it over; the article is gone afterwards.
 * 'valid' says its text is known to be valid UTF-8 without NUL bytes.
 */
static int pg_deliver(pg_reader *r, pg_article *a, int valid)
{
    int rc = valid ? 0 : pg_article_repair(r, a);

    if (rc) {
        pg_article_free(a);
        return rc;
    }
    if (!r->on_article) {
        pg_article_free(a);
        return 0;
    }
    return r->on_article(a, r->user);
}

/* ------------------------------------------------------------------ */
/* Text articles                                                        */

enum { PG_READ_OK, PG_READ_TOO_BIG, PG_READ_BINARY, PG_READ_IOERR, PG_READ_NOMEM };

/*
 * Binary: more than 1% NUL bytes, or more than 10% control characters
 * that text does not use. Invalid UTF-8 alone is not binary: it is
 * repaired (Latin-1 articles are common).
 */
static int pg_looks_binary(const char *buf, size_t len)
{
    size_t n = len < PG_SNIFF_BYTES ? len : PG_SNIFF_BYTES, i, nul = 0, ctrl = 0;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c == 0)
            nul++;
        else if (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' &&
                 c != 0x1b)
            ctrl++;
    }
    return nul * 100 > n || ctrl * 10 > n;
}

/*
 * Reads the rest of fp after 'prefix' into one NUL-terminated buffer.
 * 'hint' is the expected size (0 if unknown).
 */
static int pg_read_all(FILE *fp, const char *prefix, size_t prefix_len, size_t hint, char **out,
                       size_t *out_len, int *errnum)
{
    /* Room for one byte more than expected, so that the end is seen without growing. */
    size_t cap = (hint > prefix_len ? hint : prefix_len) + 2, len = prefix_len;
    int sniffed = 0;
    char *buf;

    if (cap < 4096)
        cap = 4096;
    buf = malloc(cap);
    if (!buf)
        return PG_READ_NOMEM;
    if (prefix_len)
        memcpy(buf, prefix, prefix_len);
    for (;;) {
        size_t n;

        if (len + 1 >= cap) {
            /* At most one byte beyond the limit: enough to know it is too big. */
            size_t ncap = cap < (PG_TEXT_MAX + 2) / 2 ? cap * 2 : PG_TEXT_MAX + 2;
            char *nbuf;
            nbuf = realloc(buf, ncap);
            if (!nbuf) {
                free(buf);
                return PG_READ_NOMEM;
            }
            buf = nbuf;
            cap = ncap;
        }
        n = fread(buf + len, 1, cap - 1 - len, fp);
        len += n;
        if (len > PG_TEXT_MAX) {
            free(buf);
            return PG_READ_TOO_BIG;
        }
        if (!sniffed && (len >= PG_SNIFF_BYTES || n == 0)) {
            sniffed = 1;
            if (pg_looks_binary(buf, len)) {
                free(buf);
                return PG_READ_BINARY;
            }
        }
        if (n == 0) {
            if (ferror(fp)) {
                *errnum = errno;
                free(buf);
                return PG_READ_IOERR;
            }
            break;
        }
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return PG_READ_OK;
}

/* Hands over the article in 'fp' (after 'prefix'), named 'name'. */
static int pg_text_article(pg_reader *r, FILE *fp, const char *name, const char *prefix,
                           size_t prefix_len, size_t hint)
{
    pg_article *a;
    char *text = NULL;
    size_t len = 0;
    int errnum = 0;

    switch (pg_read_all(fp, prefix, prefix_len, hint, &text, &len, &errnum)) {
    case PG_READ_OK:
        break;
    case PG_READ_TOO_BIG:
        return pg_warn(r, PG_EINPUT, "%s: larger than 1 GiB, skipped", name);
    case PG_READ_BINARY:
        return pg_warn(r, PG_EINPUT, "%s: binary file, skipped", name);
    case PG_READ_IOERR:
        return pg_warn(r, PG_EIO, "%s: cannot read: %s", name, strerror(errnum));
    default:
        return pg_nomem(r);
    }
    /* A byte order mark is not part of the article. */
    if (len >= 3 && memcmp(text, pg_bom, 3) == 0) {
        memmove(text, text + 3, len - 3 + 1);
        len -= 3;
    }
    a = calloc(1, sizeof *a);
    if (!a) {
        free(text);
        return pg_nomem(r);
    }
    a->text = text;
    a->len = len;
    a->date = PG_DAY_NONE;
    a->id = strdup(name);
    a->source = strdup(name);
    if (!a->id || !a->source) {
        pg_article_free(a);
        return pg_nomem(r);
    }
    return pg_deliver(r, a, 0);
}

/* ------------------------------------------------------------------ */
/* JSON Lines                                                           */

static int pg_lines_init(pg_lines *l, FILE *fp)
{
    memset(l, 0, sizeof *l);
    l->fp = fp;
    l->blk = malloc(PG_BLOCK_SIZE);
    return l->blk ? 0 : -1;
}

static void pg_lines_release(pg_lines *l)
{
    free(l->blk);
    free(l->line);
    free(l->scratch);
    memset(l, 0, sizeof *l);
}

/* Makes room for n bytes of decoded fields; -1 when out of memory. */
static int pg_lines_scratch(pg_lines *l, size_t n)
{
    char *p = realloc(l->scratch, n);
    if (!p)
        return -1;
    l->scratch = p;
    l->scratch_cap = n;
    return 0;
}

/* Fills the block if it is used up; returns the bytes available (0 at the end). */
static size_t pg_lines_fill(pg_lines *l)
{
    if (l->blk_pos == l->blk_len) {
        l->blk_pos = 0;
        l->blk_len = fread(l->blk, 1, PG_BLOCK_SIZE, l->fp);
    }
    return l->blk_len - l->blk_pos;
}

/*
 * Reads the next line without its line break into l->line (NUL-terminated).
 * Returns 1 for a line, 0 at the end, -1 on a read error (errno kept),
 * -2 when out of memory.
 */
static int pg_lines_next(pg_lines *l)
{
    int got = 0;

    l->line_len = 0;
    l->too_long = 0;
    for (;;) {
        size_t avail = pg_lines_fill(l), take;
        const char *start, *nl;

        if (avail == 0) {
            if (ferror(l->fp))
                return -1;
            if (!got)
                return 0;
            break;
        }
        got = 1;
        start = l->blk + l->blk_pos;
        nl = memchr(start, '\n', avail);
        take = nl ? (size_t)(nl - start) : avail;
        if (!l->too_long && l->line_len + take > PG_TEXT_MAX) {
            l->too_long = 1;
            l->line_len = 0;
        }
        if (!l->too_long) {
            if (l->line_len + take + 1 > l->line_cap) {
                size_t ncap = l->line_cap ? l->line_cap : 256;
                char *nline;
                while (ncap < l->line_len + take + 1)
                    ncap *= 2;
                nline = realloc(l->line, ncap);
                if (!nline)
                    return -2;
                l->line = nline;
                l->line_cap = ncap;
            }
            memcpy(l->line + l->line_len, start, take);
            l->line_len += take;
        }
        l->blk_pos += take;
        if (nl) {
            l->blk_pos++;
            break;
        }
    }
    l->lineno++;
    if (l->line_len > 0 && l->line[l->line_len - 1] == '\r')
        l->line_len--;
    if (l->line)
        l->line[l->line_len] = '\0';
    return 1;
}

static int pg_is_blank(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* JSONL records                                                        */

/*
 * The fields of a record that make an article, as found by jansson or by
 * the fast parser below: both fill the same table, and one function makes
 * the article from it, so the two give the same article and warnings.
 */
enum { PG_F_ID, PG_F_TITLE, PG_F_DATE, PG_F_TEXT, PG_F_URL, PG_F_SOURCE, PG_F_COUNT };
static const char *const pg_field_names[PG_F_COUNT] = {"id", "title", "date",
                                                       "text", "url", "source"};

typedef enum { PG_JV_MISSING = 0, PG_JV_NULL, PG_JV_STRING, PG_JV_INTEGER, PG_JV_OTHER } pg_jv_type;

typedef struct pg_jv {
    pg_jv_type type;
    const char *s; /* PG_JV_STRING: the decoded bytes (may hold NUL) */
    size_t len;
    json_int_t i; /* PG_JV_INTEGER */
} pg_jv;

static void pg_jv_from_json(pg_jv *f, json_t *obj)
{
    for (int k = 0; k < PG_F_COUNT; k++) {
        json_t *v = json_object_get(obj, pg_field_names[k]);
        memset(&f[k], 0, sizeof f[k]);
        if (!v)
            f[k].type = PG_JV_MISSING;
        else if (json_is_null(v))
            f[k].type = PG_JV_NULL;
        else if (json_is_string(v)) {
            f[k].type = PG_JV_STRING;
            f[k].s = json_string_value(v);
            f[k].len = json_string_length(v);
        } else if (json_is_integer(v)) {
            f[k].type = PG_JV_INTEGER;
            f[k].i = json_integer_value(v);
        } else {
            f[k].type = PG_JV_OTHER;
        }
    }
}

/*
 * Copies an optional string field into *out. A missing or null field
 * leaves *out NULL; another type is a warning (stored in *verdict).
 */
static int pg_opt_string(pg_reader *r, const pg_jv *f, int k, const char *source, long line,
                         char **out, int *verdict)
{
    *out = NULL;
    if (f[k].type == PG_JV_MISSING || f[k].type == PG_JV_NULL)
        return 0;
    if (f[k].type != PG_JV_STRING) {
        if (!*verdict)
            *verdict = pg_warn(r, PG_EINPUT, "%s:%ld: field '%s': expected a string, ignored",
                               source, line, pg_field_names[k]);
        return 0;
    }
    /* a \u0000 inside cuts the value short */
    *out = pg_strndup0(f[k].s, strnlen(f[k].s, f[k].len));
    return *out ? 0 : -1;
}

/*
 * Builds the article of one JSONL record; *out is NULL if the record is
 * skipped. 'text', when not NULL, is the text field already in a buffer
 * of its own (NUL-terminated), which the article takes. Returns -1 when
 * out of memory; *verdict is the warning callback's last answer.
 */
static int pg_jsonl_record(pg_reader *r, const pg_jv *f, char *text, const char *source,
                           long line, pg_article **out, int *verdict)
{
    pg_article *a;
    const pg_jv *id = &f[PG_F_ID];
    char *date = NULL;

    *out = NULL;
    if (f[PG_F_TEXT].type != PG_JV_STRING) {
        *verdict = pg_warn(r, PG_EINPUT, "%s:%ld: field 'text': expected a string", source, line);
        free(text);
        return 0;
    }
    a = calloc(1, sizeof *a);
    if (!a) {
        free(text);
        return -1;
    }
    a->line = line;
    a->date = PG_DAY_NONE;
    a->len = f[PG_F_TEXT].len;
    a->text = text ? text : pg_strndup0(f[PG_F_TEXT].s, a->len);
    a->source = strdup(source);
    if (!a->text || !a->source)
        goto nomem;

    if (id->type == PG_JV_STRING && id->len > 0) {
        a->id = pg_strndup0(id->s, strnlen(id->s, id->len));
    } else if (id->type == PG_JV_INTEGER) {
        char buf[32];
        snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, id->i);
        a->id = strdup(buf);
    } else {
        char buf[32];
        if (id->type != PG_JV_MISSING && id->type != PG_JV_NULL && id->type != PG_JV_STRING &&
            !*verdict)
            *verdict = pg_warn(r, PG_EINPUT,
                               "%s:%ld: field 'id': expected a string, using '%s:%ld'", source,
                               line, source, line);
        snprintf(buf, sizeof buf, ":%ld", line);
        a->id = malloc(strlen(source) + strlen(buf) + 1);
        if (a->id)
            strcat(strcpy(a->id, source), buf);
    }
    if (!a->id)
        goto nomem;

    if (pg_opt_string(r, f, PG_F_TITLE, source, line, &a->title, verdict))
        goto nomem;
    if (pg_opt_string(r, f, PG_F_DATE, source, line, &date, verdict))
        goto nomem;
    if (date && date[0]) {
        a->date = pg_day_parse_iso(date, strlen(date));
        if (a->date == PG_DAY_NONE && !*verdict)
            *verdict = pg_warn(r, PG_EINPUT,
                               "%s:%ld: field 'date': expected an ISO 8601 date (YYYY-MM-DD), "
                               "got '%.40s'",
                               source, line, date);
    }
    free(date);
    /* url and source are not kept, but a wrong type is worth a word. */
    if (!*verdict) {
        static const int unused[] = {PG_F_URL, PG_F_SOURCE};
        size_t i;
        for (i = 0; i < sizeof unused / sizeof unused[0] && !*verdict; i++) {
            pg_jv_type t = f[unused[i]].type;
            if (t != PG_JV_MISSING && t != PG_JV_NULL && t != PG_JV_STRING)
                *verdict = pg_warn(r, PG_EINPUT, "%s:%ld: field '%s': expected a string, ignored",
                                   source, line, pg_field_names[unused[i]]);
        }
    }
    *out = a;
    return 0;

nomem:
    free(date);
    pg_article_free(a);
    return -1;
}

/*
 * The fast parser: records that are flat objects of strings, whole
 * numbers, true, false and null, as nearly all are. Anything else, and
 * anything wrong, is left to jansson (PG_FAST_NO), which gives the
 * precise error message; so this parser never has to.
 */
enum { PG_FAST_OK, PG_FAST_NO, PG_FAST_NOMEM };

/*
 * The bytes of w that end a run of plain ASCII: '"', '\\', below 0x20, or
 * from 0x80. pg_swar_below and pg_swar_eq without their "& ~w": a byte
 * from 0x80 is a stop itself, so a false mark can only come after one.
 */
static uint64_t pg_json_stops(uint64_t w)
{
    uint64_t q = w ^ (PG_SWAR_ONES * '"'), b = w ^ (PG_SWAR_ONES * '\\');
    return (w | (q - PG_SWAR_ONES) | (b - PG_SWAR_ONES) | (w - PG_SWAR_ONES * 0x20)) &
           PG_SWAR_HIGHS;
}

/* Bytes from p[0] before the first '"', '\\', control character or byte from 0x80. */
static size_t pg_json_ascii(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (n - i >= 16) {
        uint64_t sw = pg_json_stops(pg_swar_load(p + i));
        uint64_t sv = pg_json_stops(pg_swar_load(p + i + 8));
        if (sw | sv) {
#if PG_SWAR_LE
            return sw ? i + pg_swar_first(sw) : i + 8 + pg_swar_first(sv);
#else
            break;
#endif
        }
        i += 16;
    }
    while (i < n && p[i] != '"' && p[i] != '\\' && p[i] - 0x20u < 0x60u)
        i++;
    return i;
}

/* What the escape '\\' c stands for, for the escapes other than \u; 0 for none. */
static const char pg_json_escapes[256] = {
    ['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b',
    ['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
};

/*
 * Decodes the string whose opening quote is at s[*i] into dst (room for
 * the raw length); *i moves past the closing quote. Returns the decoded
 * length, or (size_t)-1 for what jansson should look at. *nul is set
 * when a \u0000 was decoded: the only way the result is not valid UTF-8
 * without NUL bytes.
 */
static size_t pg_json_string(const char *s, size_t n, size_t *i, char *dst, int *nul)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t k = *i + 1, o = 0;
    for (;;) {
        /* raw bytes up to an escape, copied at once; they must be valid UTF-8, as jansson checks */
        size_t b = k;
        for (;;) {
            k += pg_json_ascii(p + k, n - k);
            if (k >= n || p[k] < 0x80)
                break;
            do {
                int ok;
                k += pg_utf8_check(p + k, n - k, &ok);
                if (!ok)
                    return (size_t)-1;
            } while (k < n && p[k] >= 0x80);
        }
        memcpy(dst + o, s + b, k - b);
        o += k - b;
        if (k >= n || p[k] < 0x20)
            return (size_t)-1;
        if (p[k] == '"')
            break;
        /* an escape */
        if (k + 1 >= n)
            return (size_t)-1;
        unsigned char e = p[k + 1];
        if (pg_json_escapes[e]) {
            dst[o++] = pg_json_escapes[e];
            k += 2;
            continue;
        }
        long cp, lo;
        if (e != 'u' || k + 6 > n || (cp = pg_jread_hex4(p + k + 2)) < 0)
            return (size_t)-1;
        k += 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (k + 6 > n || p[k] != '\\' || p[k + 1] != 'u' ||
                (lo = pg_jread_hex4(p + k + 2)) < 0xDC00 || lo > 0xDFFF)
                return (size_t)-1;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            k += 6;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return (size_t)-1;
        }
        if (cp == 0)
            *nul = 1;
        /* no longer than the six or twelve bytes of the escape */
        o += pg_utf8_encode((uint32_t)cp, (unsigned char *)dst + o);
    }
    *i = k + 1;
    dst[o] = '\0';
    return o;
}

static size_t pg_json_space(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    return i;
}

/* Where a string that starts at s[i] ends (its closing quote), or n. */
static size_t pg_json_string_end(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i;
    }
    return n;
}

/*
 * Parses the record s[0, n) into f (strings decoded into 'scratch', of
 * room n + 1, except the text, decoded into *text, a buffer of its own).
 * *text_valid says the text is valid UTF-8 without NUL bytes.
 */
static int pg_jsonl_fast(const char *s, size_t n, pg_jv *f, char *scratch, char **text,
                         int *text_valid)
{
    /* keys seen, as raw bytes, for duplicates: at most this many keys */
    enum { PG_MAX_KEYS = 32 };
    size_t key_at[PG_MAX_KEYS], key_len[PG_MAX_KEYS], n_keys = 0, used = 0;
    size_t i = pg_json_space(s, n, 0);

    memset(f, 0, PG_F_COUNT * sizeof *f);
    *text = NULL;
    *text_valid = 0;
    if (i >= n || s[i] != '{')
        return PG_FAST_NO;
    i = pg_json_space(s, n, i + 1);
    if (i < n && s[i] == '}') {
        i = pg_json_space(s, n, i + 1);
        return i == n ? PG_FAST_OK : PG_FAST_NO;
    }
    for (;;) {
        /* the key: plain bytes only, so that raw bytes compare as keys */
        if (i >= n || s[i] != '"' || n_keys == PG_MAX_KEYS)
            goto no;
        size_t kb = i + 1, ke = pg_json_string_end(s, n, i);
        if (ke >= n || memchr(s + kb, '\\', ke - kb))
            goto no;
        for (size_t j = 0; j < n_keys; j++)
            if (key_len[j] == ke - kb && memcmp(s + key_at[j], s + kb, ke - kb) == 0)
                goto no; /* a duplicate: jansson says so */
        key_at[n_keys] = kb;
        key_len[n_keys++] = ke - kb;
        int field = -1;
        for (int k = 0; k < PG_F_COUNT; k++)
            if (strlen(pg_field_names[k]) == ke - kb &&
                memcmp(pg_field_names[k], s + kb, ke - kb) == 0)
                field = k;
        i = pg_json_space(s, n, ke + 1);
        if (i >= n || s[i] != ':')
            goto no;
        i = pg_json_space(s, n, i + 1);
        if (i >= n)
            goto no;

        /* the value */
        pg_jv v;
        memset(&v, 0, sizeof v);
        if (s[i] == '"') {
            char *dst = scratch + used;
            if (field == PG_F_TEXT) {
                /* the rest of the record holds the string: no pass to find its end first */
                size_t raw = n - i;
                free(*text);
                *text = malloc(raw + 1);
                if (!*text)
                    return PG_FAST_NOMEM;
                dst = *text;
            }
            int nul = 0;
            size_t len = pg_json_string(s, n, &i, dst, &nul);
            if (len == (size_t)-1)
                goto no;
            v.type = PG_JV_STRING;
            v.s = dst;
            v.len = len;
            if (field != PG_F_TEXT)
                used += len + 1;
            else
                *text_valid = !nul;
        } else if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) {
            /*
             * whole numbers of up to 18 digits; fractions, exponents and more: jansson.
             * A 19th digit is not added here: it could overflow json_int_t.
             */
            size_t b = i + (s[i] == '-'), d = b;
            json_int_t x = 0;
            while (d < n && s[d] >= '0' && s[d] <= '9' && d - b < 18)
                x = x * 10 + (s[d++] - '0');
            if (d == b || d - b > 18 || (s[b] == '0' && d - b > 1) ||
                (d < n && (s[d] == '.' || s[d] == 'e' || s[d] == 'E' ||
                           (s[d] >= '0' && s[d] <= '9'))))
                goto no;
            v.type = PG_JV_INTEGER;
            v.i = s[i] == '-' ? -x : x;
            i = d;
        } else if (n - i >= 4 && memcmp(s + i, "null", 4) == 0) {
            v.type = PG_JV_NULL;
            i += 4;
        } else if (n - i >= 4 && memcmp(s + i, "true", 4) == 0) {
            v.type = PG_JV_OTHER;
            i += 4;
        } else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0) {
            v.type = PG_JV_OTHER;
            i += 5;
        } else {
            goto no; /* objects, arrays and errors */
        }
        if (field >= 0)
            f[field] = v;

        i = pg_json_space(s, n, i);
        if (i < n && s[i] == ',') {
            i = pg_json_space(s, n, i + 1);
            continue;
        }
        if (i < n && s[i] == '}') {
            i = pg_json_space(s, n, i + 1);
            if (i != n)
                goto no;
            return PG_FAST_OK;
        }
        goto no;
    }
no:
    free(*text);
    *text = NULL;
    return PG_FAST_NO;
}

/* Reads the JSONL records of l; 'source' names them in messages and ids. */
static int pg_jsonl_articles(pg_reader *r, pg_lines *l, const char *source)
{
    for (;;) {
        json_error_t jerr;
        json_t *obj;
        pg_article *a = NULL;
        const char *s;
        size_t n;
        int rc = pg_lines_next(l), verdict = 0, col_shift = 0;

        if (rc == 0)
            return 0;
        if (rc == -2)
            return pg_nomem(r);
        if (rc < 0)
            return pg_warn(r, PG_EIO, "%s:%ld: cannot read: %s", source, l->lineno + 1,
                           strerror(errno));
        if (l->too_long) {
            rc = pg_warn(r, PG_EINPUT, "%s:%ld: line longer than 1 GiB, skipped", source,
                         l->lineno);
            if (rc)
                return rc;
            continue;
        }
        s = l->line;
        n = l->line_len;
        if (l->lineno == 1 && n >= 3 && memcmp(s, pg_bom, 3) == 0) {
            s += 3;
            n -= 3;
            col_shift = 1;
        }
        if (pg_is_blank(s, n))
            continue;

        pg_jv f[PG_F_COUNT];
        char *text = NULL;
        int fast = PG_FAST_NO, valid = 0;
        obj = NULL;
        if (n + 1 <= l->scratch_cap || pg_lines_scratch(l, n + 1) == 0)
            fast = pg_jsonl_fast(s, n, f, l->scratch, &text, &valid);
        if (fast == PG_FAST_NOMEM)
            return pg_nomem(r);
        if (fast == PG_FAST_OK) {
            rc = pg_jsonl_record(r, f, text, source, l->lineno, &a, &verdict);
            rc = rc ? pg_nomem(r) : verdict;
        } else {
            obj = json_loadb(s, n, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL,
                             &jerr);
            if (!obj) {
                int col = jerr.column > 0 ? jerr.column + col_shift : 1;
                rc = pg_warn(r, PG_EINPUT, "%s:%ld:%d: %s", source, l->lineno, col, jerr.text);
            } else if (!json_is_object(obj)) {
                rc = pg_warn(r, PG_EINPUT, "%s:%ld: expected a JSON object", source, l->lineno);
            } else {
                pg_jv_from_json(f, obj);
                rc = pg_jsonl_record(r, f, NULL, source, l->lineno, &a, &verdict);
                rc = rc ? pg_nomem(r) : verdict;
            }
            json_decref(obj);
        }
        if (rc) {
            pg_article_free(a);
            return rc;
        }
        if (!a)
            continue;
        /* Do not hold a huge raw line while the article is being used. */
        if (l->line_cap > PG_LINE_KEEP) {
            free(l->line);
            l->line = NULL;
            l->line_cap = l->line_len = 0;
        }
        if (l->scratch_cap > PG_LINE_KEEP) {
            free(l->scratch);
            l->scratch = NULL;
            l->scratch_cap = 0;
        }
        /* raw bytes were checked and escapes make valid UTF-8: nothing to repair */
        rc = pg_deliver(r, a, fast == PG_FAST_OK && valid);
        if (rc)
            return rc;
    }
}

/* ------------------------------------------------------------------ */
/* Files, folders and standard input                                    */

static int pg_read_file(pg_reader *r, const char *path)
{
    FILE *fp = fopen(path, "rb");
    struct stat st;
    int rc;

    if (!fp)
        return pg_warn(r, PG_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (pg_is_jsonl_name(path)) {
        pg_lines l;
        if (pg_lines_init(&l, fp)) {
            fclose(fp);
            return pg_nomem(r);
        }
        rc = pg_jsonl_articles(r, &l, path);
        pg_lines_release(&l);
    } else if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) &&
               (unsigned long long)st.st_size > PG_TEXT_MAX) {
        /* Known too big: do not read a byte of it. */
        rc = pg_warn(r, PG_EINPUT, "%s: larger than 1 GiB, skipped", path);
    } else {
        size_t hint = 0;
        if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode))
            hint = (size_t)st.st_size;
        rc = pg_text_article(r, fp, path, NULL, 0, hint);
    }
    fclose(fp);
    return rc;
}

/*
 * Standard input is JSON Lines when its first non-blank byte is '{',
 * else one text article. The decision looks at the first block only, so
 * nothing has to be pushed back: the block is reused as it is.
 */
static int pg_read_stdin(pg_reader *r)
{
    pg_lines l;
    size_t i, avail;
    int rc;

    if (pg_lines_init(&l, stdin))
        return pg_nomem(r);
    avail = pg_lines_fill(&l);
    if (avail == 0 && ferror(stdin)) {
        rc = pg_warn(r, PG_EIO, "%s: cannot read: %s", PG_STDIN_NAME, strerror(errno));
        pg_lines_release(&l);
        return rc;
    }
    i = avail >= 3 && memcmp(l.blk, pg_bom, 3) == 0 ? 3 : 0;
    while (i < avail && pg_is_blank(l.blk + i, 1))
        i++;
    if (i < avail && l.blk[i] == '{')
        rc = pg_jsonl_articles(r, &l, PG_STDIN_NAME);
    else
        rc = pg_text_article(r, stdin, PG_STDIN_NAME, l.blk, avail, 0);
    pg_lines_release(&l);
    clearerr(stdin);
    return rc;
}

typedef struct pg_entry {
    char *name;
    int is_dir;
} pg_entry;

/*
 * A folder's entries in the order of their full paths: a folder compares
 * as its name followed by '/', so "b.txt" < "b/c.txt" as bytes say.
 */
static int pg_entry_cmp(const void *pa, const void *pb)
{
    const pg_entry *a = pa, *b = pb;
    size_t i;

    for (i = 0;; i++) {
        int ca = a->name[i] ? (unsigned char)a->name[i] : a->is_dir ? '/' : -1;
        int cb = b->name[i] ? (unsigned char)b->name[i] : b->is_dir ? '/' : -1;
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (ca == -1 || ca == '/')
            return 0;
    }
}

static char *pg_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    int slash = n > 0 && dir[n - 1] != '/';
    char *p = malloc(n + (size_t)slash + m + 1);

    if (p) {
        memcpy(p, dir, n);
        if (slash)
            p[n] = '/';
        memcpy(p + n + (size_t)slash, name, m + 1);
    }
    return p;
}

static void pg_entries_free(pg_entry *v, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(v[i].name);
    free(v);
}

/*
 * Lists the entries of 'dir' worth reading: folders and article files,
 * not hidden. Symbolic links to folders are not followed (no cycles).
 */
static int pg_list_dir(pg_reader *r, const char *dir, pg_entry **out, size_t *out_n, int *verdict)
{
    DIR *d = opendir(dir);
    pg_entry *v = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;

    *out = NULL;
    *out_n = 0;
    if (!d) {
        *verdict = pg_warn(r, PG_EIO, "%s: cannot open: %s", dir, strerror(errno));
        return 0;
    }
    for (;;) {
        struct stat st, target;
        char *path;
        int is_dir;

        errno = 0;
        de = readdir(d);
        if (!de)
            break;
        if (de->d_name[0] == '.')
            continue;
        path = pg_path_join(dir, de->d_name);
        if (!path)
            goto nomem;
        if (lstat(path, &st) != 0) {
            *verdict = pg_warn(r, PG_EIO, "%s: cannot open: %s", path, strerror(errno));
            free(path);
            if (*verdict)
                break;
            continue;
        }
        if (S_ISLNK(st.st_mode))
            is_dir = stat(path, &target) == 0 && S_ISREG(target.st_mode) ? 0 : -1;
        else if (S_ISDIR(st.st_mode))
            is_dir = 1;
        else if (S_ISREG(st.st_mode))
            is_dir = 0;
        else
            is_dir = -1;
        free(path);
        if (is_dir < 0 || (!is_dir && !pg_is_article_name(de->d_name)))
            continue;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            pg_entry *nv = realloc(v, ncap * sizeof *nv);
            if (!nv)
                goto nomem;
            v = nv;
            cap = ncap;
        }
        v[n].name = strdup(de->d_name);
        if (!v[n].name)
            goto nomem;
        v[n].is_dir = is_dir;
        n++;
    }
    if (!de && errno != 0 && !*verdict)
        *verdict = pg_warn(r, PG_EIO, "%s: cannot read: %s", dir, strerror(errno));
    closedir(d);
    if (n > 1)
        qsort(v, n, sizeof *v, pg_entry_cmp);
    *out = v;
    *out_n = n;
    return 0;

nomem:
    closedir(d);
    pg_entries_free(v, n);
    return -1;
}

static int pg_read_dir(pg_reader *r, const char *dir)
{
    pg_entry *v;
    size_t n, i;
    int rc = 0, verdict = 0;

    if (pg_list_dir(r, dir, &v, &n, &verdict))
        return pg_nomem(r);
    for (i = 0; i < n && !rc && !verdict; i++) {
        char *path = pg_path_join(dir, v[i].name);
        if (!path) {
            rc = pg_nomem(r);
            break;
        }
        rc = v[i].is_dir ? pg_read_dir(r, path) : pg_read_file(r, path);
        free(path);
    }
    pg_entries_free(v, n);
    return rc ? rc : verdict;
}

static int pg_read_path(pg_reader *r, const char *path)
{
    struct stat st;

    if (strcmp(path, "-") == 0)
        return pg_read_stdin(r);
    if (stat(path, &st) != 0)
        return pg_warn(r, PG_EIO, "%s: cannot open: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode))
        return pg_read_dir(r, path);
    return pg_read_file(r, path);
}

int pg_read_inputs(const char *const *paths, size_t n_paths, pg_article_fn on_article,
                   pg_warning_fn on_warning, void *user, pg_error *err)
{
    pg_reader r;
    size_t i;

    pg_error_clear(err);
    if (n_paths > 0 && !paths)
        return pg_error_set(err, PG_EUSAGE, "no input paths");
    r.on_article = on_article;
    r.on_warning = on_warning;
    r.user = user;
    r.err = err;
    for (i = 0; i < n_paths; i++) {
        int rc;
        if (!paths[i])
            return pg_error_set(err, PG_EUSAGE, "input path %zu is NULL", i);
        rc = pg_read_path(&r, paths[i]);
        if (rc)
            return rc;
    }
    return PG_OK;
}
