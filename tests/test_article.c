/*
 * Reading articles: folder order, JSON Lines records and their warnings,
 * UTF-8 repair, binary files, standard input, stopping, big inputs.
 */

#define _XOPEN_SOURCE 700

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pg_article.h"

#define MAX_SEEN 64

typedef struct seen {
    pg_article *art[MAX_SEEN];
    size_t n_art;
    char warn[MAX_SEEN][1024];
    int warn_code[MAX_SEEN];
    size_t n_warn;
    size_t stop_after_art;  /* return art_rc after this many articles (0: never) */
    int art_rc;
    size_t stop_after_warn; /* return warn_rc after this many warnings (0: never) */
    int warn_rc;
} seen;

static int on_article(pg_article *a, void *user)
{
    seen *s = user;

    assert_true(s->n_art < MAX_SEEN);
    s->art[s->n_art++] = a;
    return s->stop_after_art && s->n_art == s->stop_after_art ? s->art_rc : 0;
}

static int on_warning(const pg_error *w, void *user)
{
    seen *s = user;

    assert_true(s->n_warn < MAX_SEEN);
    snprintf(s->warn[s->n_warn], sizeof s->warn[0], "%s", w->msg);
    s->warn_code[s->n_warn++] = w->code;
    return s->stop_after_warn && s->n_warn == s->stop_after_warn ? s->warn_rc : 0;
}

static void seen_release(seen *s)
{
    size_t i;

    for (i = 0; i < s->n_art; i++)
        pg_article_free(s->art[i]);
    memset(s, 0, sizeof *s);
}

static int read_paths(seen *s, const char *const *paths, size_t n)
{
    pg_error err;
    int rc = pg_read_inputs(paths, n, on_article, on_warning, s, &err);

    if (rc == PG_OK)
        assert_int_equal(err.code, PG_OK);
    return rc;
}

static int read_one(seen *s, const char *path)
{
    return read_paths(s, &path, 1);
}

/* ---- temporary files ---------------------------------------------- */

static char tmpdir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/pg_article_XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static int teardown(void **state)
{
    (void)state;
    return nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Full path of 'rel' under the test folder (a static buffer per call slot). */
static const char *tpath(const char *rel)
{
    static char buf[8][512];
    static int slot;
    char *p = buf[slot++ % 8];

    snprintf(p, sizeof buf[0], "%s/%s", tmpdir, rel);
    return p;
}

/* Writes 'len' bytes to tmpdir/rel, creating the folders on the way. */
static void put_bytes(const char *rel, const char *data, size_t len)
{
    char path[512];
    char *slash;
    FILE *fp;

    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    for (slash = strchr(path + strlen(tmpdir) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void put(const char *rel, const char *text)
{
    put_bytes(rel, text, strlen(text));
}

/* Runs the reader on "-" with the file tmpdir/rel as standard input. */
static int read_stdin_from(seen *s, const char *rel)
{
    int saved = dup(0), fd = open(tpath(rel), O_RDONLY), rc;

    assert_true(saved >= 0);
    assert_true(fd >= 0);
    assert_int_equal(dup2(fd, 0), 0);
    close(fd);
    clearerr(stdin);
    rc = read_one(s, "-");
    assert_int_equal(dup2(saved, 0), 0);
    close(saved);
    clearerr(stdin);
    return rc;
}

/* ---- folders ----------------------------------------------------- */

static void test_folder_order(void **state)
{
    seen s = {0};
    char dir_slash[512];
    /*
     * Full relative paths in byte order: 'B' < 'a'; "a/b.txt" < "a/b/c.txt"
     * because '.' < '/'; "a/c.jsonl" < "a/c/d.txt" likewise; the link to
     * z.md is a file, "a/link.md"; the link a/loop to a folder is not
     * followed, so the walk ends.
     */
    const char *expect[] = {"tree/B.txt",   "tree/a/b.txt",   "tree/a/b/c.txt", NULL,
                            "tree/a/c/d.txt", "tree/a/link.md", "tree/z.md"};
    const char *texts[] = {"B", "b", "c", "r", "d", "z", "z"};
    size_t i;

    (void)state;
    put("tree/z.md", "z");
    put("tree/a/c/d.txt", "d");
    put("tree/a/b/c.txt", "c");
    put("tree/a/b.txt", "b");
    put("tree/B.txt", "B");
    put("tree/a/c.jsonl", "{\"id\": \"rec-1\", \"text\": \"r\"}\n");
    /* Not articles: hidden, other extensions (expected outputs), a folder link. */
    put("tree/.hidden.txt", "h");
    put("tree/.git/x.txt", "x");
    put("tree/a/expected.json", "{}");
    put("tree/a/table.tsv", "t");
    put("tree/a/notes", "n");
    assert_int_equal(symlink("..", tpath("tree/a/loop")), 0);
    assert_int_equal(symlink("../z.md", tpath("tree/a/link.md")), 0);

    assert_int_equal(read_one(&s, tpath("tree")), PG_OK);
    assert_int_equal(s.n_warn, 0);
    assert_int_equal(s.n_art, 7);
    for (i = 0; i < 7; i++) {
        if (expect[i]) {
            assert_string_equal(s.art[i]->id, tpath(expect[i]));
            assert_string_equal(s.art[i]->source, tpath(expect[i]));
            assert_int_equal(s.art[i]->line, 0);
        } else {
            assert_string_equal(s.art[i]->id, "rec-1");
            assert_string_equal(s.art[i]->source, tpath("tree/a/c.jsonl"));
            assert_int_equal(s.art[i]->line, 1);
        }
        assert_string_equal(s.art[i]->text, texts[i]);
        assert_int_equal(s.art[i]->len, 1);
        assert_int_equal(s.art[i]->date, PG_DAY_NONE);
        assert_null(s.art[i]->title);
    }
    seen_release(&s);

    /* The same with a trailing slash: ids are the folder joined with the path. */
    snprintf(dir_slash, sizeof dir_slash, "%s/tree/", tmpdir);
    assert_int_equal(read_one(&s, dir_slash), PG_OK);
    assert_int_equal(s.n_art, 7);
    assert_string_equal(s.art[1]->id, tpath("tree/a/b.txt"));
    assert_string_equal(s.art[5]->id, tpath("tree/a/link.md"));
    assert_string_equal(s.art[5]->text, "z");
    seen_release(&s);
}

/* ---- JSON Lines ------------------------------------------------- */

static void test_jsonl_malformed_line(void **state)
{
    seen s = {0};
    char want[600];

    (void)state;
    put("three.jsonl",
        "{\"id\": \"a1\", \"title\": \"T1\", \"date\": \"2017-01-27\", \"text\": \"First.\"}\n"
        "{\"id\": \"a2\", \"text\": oops}\n"
        "{\"id\": \"a3\", \"text\": \"Third.\", \"url\": \"http://x\", \"source\": \"S\"}\n");
    assert_int_equal(read_one(&s, tpath("three.jsonl")), PG_OK);

    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[0]->id, "a1");
    assert_string_equal(s.art[0]->title, "T1");
    assert_string_equal(s.art[0]->text, "First.");
    assert_int_equal(s.art[0]->len, 6);
    assert_int_equal(s.art[0]->line, 1);
    /* 1970..2016 is 47 years with 12 leap days, plus 26 days of January */
    assert_int_equal(s.art[0]->date, 47 * 365 + 12 + 26);
    assert_string_equal(s.art[0]->source, tpath("three.jsonl"));
    assert_string_equal(s.art[1]->id, "a3");
    assert_null(s.art[1]->title);
    assert_string_equal(s.art[1]->text, "Third.");
    assert_int_equal(s.art[1]->line, 3);
    assert_int_equal(s.art[1]->date, PG_DAY_NONE);

    /* jansson points at the last character of the bad token: 'oops' is columns 22-25 */
    assert_int_equal(s.n_warn, 1);
    assert_int_equal(s.warn_code[0], PG_EINPUT);
    snprintf(want, sizeof want, "%s:2:25: invalid token near 'oops'", tpath("three.jsonl"));
    assert_string_equal(s.warn[0], want);
    seen_release(&s);
}

static void test_jsonl_schema(void **state)
{
    seen s = {0};
    char want[600];
    const char *f = tpath("schema.ndjson");

    (void)state;
    put("schema.ndjson",
        "{\"id\": \"no-text\", \"title\": \"x\"}\n"     /* 1: no text */
        "\n"                                            /* 2: empty, skipped */
        "{\"id\": \"num-text\", \"text\": 42}\n"        /* 3: text not a string */
        "[1, 2]\n"                                      /* 4: not an object */
        "   \r\n"                                       /* 5: blank, skipped */
        "{\"text\": \"no id\"}\r\n"                     /* 6: id from the place */
        "{\"id\": 17, \"text\": \"numeric id\", \"title\": null}\n" /* 7 */
        "{\"id\": \"bad-date\", \"date\": \"2017-13-45\", \"text\": \"t\"}\n" /* 8 */
        "{\"id\": \"a\", \"id\": \"b\", \"text\": \"dup\"}\n" /* 9: duplicate key */
        "{\"id\": \"nul\", \"text\": \"a\\u0000b\"}");   /* 10: no final newline */
    assert_int_equal(read_one(&s, f), PG_OK);

    assert_int_equal(s.n_art, 4);
    snprintf(want, sizeof want, "%s:6", f);
    assert_string_equal(s.art[0]->id, want);
    assert_string_equal(s.art[0]->text, "no id");
    assert_int_equal(s.art[0]->line, 6);
    assert_string_equal(s.art[1]->id, "17");
    assert_null(s.art[1]->title);
    assert_string_equal(s.art[2]->id, "bad-date");
    assert_int_equal(s.art[2]->date, PG_DAY_NONE);
    assert_string_equal(s.art[2]->text, "t");
    /* \u0000 is allowed by the parser, then repaired like any NUL byte */
    assert_string_equal(s.art[3]->id, "nul");
    assert_int_equal(s.art[3]->line, 10);
    assert_string_equal(s.art[3]->text, "a\xEF\xBF\xBD" "b");
    assert_int_equal(s.art[3]->len, 5);
    assert_int_equal(s.art[3]->repairs, 1);
    assert_int_equal(s.art[3]->first_bad, 1);

    assert_int_equal(s.n_warn, 5);
    snprintf(want, sizeof want, "%s:1: field 'text': expected a string", f);
    assert_string_equal(s.warn[0], want);
    snprintf(want, sizeof want, "%s:3: field 'text': expected a string", f);
    assert_string_equal(s.warn[1], want);
    snprintf(want, sizeof want, "%s:4: expected a JSON object", f);
    assert_string_equal(s.warn[2], want);
    snprintf(want, sizeof want, "%s:8: field 'date': ", f);
    assert_memory_equal(s.warn[3], want, strlen(want));
    assert_non_null(strstr(s.warn[3], "'2017-13-45'"));
    snprintf(want, sizeof want, "%s:9:", f);
    assert_memory_equal(s.warn[4], want, strlen(want));
    assert_non_null(strstr(s.warn[4], "duplicate"));
    for (size_t i = 0; i < s.n_warn; i++)
        assert_int_equal(s.warn_code[i], PG_EINPUT);
    seen_release(&s);
}

/* Numeric ids at and beyond the range of a 64-bit integer (found by fuzzing). */
static void test_jsonl_big_numbers(void **state)
{
    seen s = {0};
    char want[600];
    const char *f = tpath("numbers.jsonl");

    (void)state;
    put("numbers.jsonl",
        "{\"id\": 123456789012345678, \"text\": \"18 digits\"}\n"
        "{\"id\": 1234567890123456789, \"text\": \"19 digits\"}\n"
        "{\"id\": 9223372036854775807, \"text\": \"the largest\"}\n"
        "{\"id\": 9223372036854775808, \"text\": \"one too many\"}\n"
        "{\"id\": -9223372036854775808, \"text\": \"the smallest\"}\n");
    assert_int_equal(read_one(&s, f), PG_OK);
    assert_int_equal(s.n_art, 4);
    assert_string_equal(s.art[0]->id, "123456789012345678");
    assert_string_equal(s.art[1]->id, "1234567890123456789");
    assert_string_equal(s.art[2]->id, "9223372036854775807");
    assert_string_equal(s.art[3]->id, "-9223372036854775808");
    assert_string_equal(s.art[3]->text, "the smallest");
    /* beyond the range: the record is reported with its line and skipped */
    assert_int_equal(s.n_warn, 1);
    snprintf(want, sizeof want, "%s:4:", f);
    assert_memory_equal(s.warn[0], want, strlen(want));
    seen_release(&s);
}

/* Lines longer than the read block, a byte order mark, invalid UTF-8. */
static void test_jsonl_long_line(void **state)
{
    seen s = {0};
    size_t n = 300 * 1000, i;
    char *line = malloc(n + 128), want[600];

    (void)state;
    assert_non_null(line);
    strcpy(line, "\xEF\xBB\xBF{\"id\": \"long\", \"text\": \"");
    for (i = strlen(line); i < n; i++)
        line[i] = (char)('a' + i % 26);
    strcpy(line + n, "\"}\n"
                     "{\"id\": \"x\", \"text\": \"Caf\xe9\"}\n"
                     "{\"id\": \"end\", \"text\": \"e\"}\n");
    put("long.jsonl", line);
    assert_int_equal(read_one(&s, tpath("long.jsonl")), PG_OK);
    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[0]->id, "long");
    assert_int_equal(s.art[0]->len, n - strlen("\xEF\xBB\xBF{\"id\": \"long\", \"text\": \""));
    assert_int_equal(s.art[0]->text[0], 'a' + (int)((n - s.art[0]->len) % 26));
    assert_string_equal(s.art[1]->id, "end");
    assert_int_equal(s.art[1]->line, 3);
    /* invalid UTF-8 inside JSON is a malformed record, not a repair */
    assert_int_equal(s.n_warn, 1);
    snprintf(want, sizeof want, "%s:2:", tpath("long.jsonl"));
    assert_memory_equal(s.warn[0], want, strlen(want));
    assert_non_null(strstr(s.warn[0], "0xe9"));
    seen_release(&s);
    free(line);
}

/* ---- text files -------------------------------------------------- */

static void test_text_repair(void **state)
{
    seen s = {0};

    (void)state;
    put("latin1.txt", "Caf\xe9 au lait.");
    put("good.md", "\xEF\xBB\xBFZ\xC3\xBCrich, 3 May 2019.\n");
    assert_int_equal(read_paths(&s, (const char *[]){tpath("latin1.txt"), tpath("good.md")}, 2),
                     PG_OK);
    assert_int_equal(s.n_warn, 0);
    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[0]->id, tpath("latin1.txt"));
    assert_int_equal(s.art[0]->repairs, 1);
    assert_int_equal(s.art[0]->first_bad, 3);
    assert_string_equal(s.art[0]->text, "Caf\xEF\xBF\xBD au lait.");
    assert_int_equal(s.art[0]->len, 13 - 1 + 3);
    /* valid text is kept byte for byte, without its byte order mark */
    assert_int_equal(s.art[1]->repairs, 0);
    assert_int_equal(s.art[1]->first_bad, 0);
    assert_string_equal(s.art[1]->text, "Z\xC3\xBCrich, 3 May 2019.\n");
    assert_int_equal(s.art[1]->len, 21);
    seen_release(&s);
}

static void test_text_nul_and_binary(void **state)
{
    seen s = {0};
    char text[400], bin[200], want[600];
    size_t i;

    (void)state;
    /* 2 NUL bytes in 400: 0.5%, text with two repairs */
    memset(text, 'x', sizeof text);
    text[100] = '\0';
    text[200] = '\0';
    put_bytes("nul.txt", text, sizeof text);
    /* 1 NUL in 10 bytes, and a file of control bytes: binary */
    for (i = 0; i < sizeof bin; i++)
        bin[i] = (char)(i % 4 == 0 ? 0x01 : 'y');
    put_bytes("ctrl.txt", bin, sizeof bin);
    put_bytes("image.png", "\x89PNG\r\n\x1a\n\0\0", 10);

    assert_int_equal(read_paths(&s,
                                (const char *[]){tpath("nul.txt"), tpath("ctrl.txt"),
                                                 tpath("image.png")},
                                3),
                     PG_OK);
    assert_int_equal(s.n_art, 1);
    assert_int_equal(s.art[0]->repairs, 2);
    assert_int_equal(s.art[0]->first_bad, 100);
    assert_int_equal(s.art[0]->len, 400 - 2 + 2 * 3);
    assert_int_equal(strlen(s.art[0]->text), s.art[0]->len);
    assert_memory_equal(s.art[0]->text + 100, "\xEF\xBF\xBD", 3);
    assert_int_equal(s.n_warn, 2);
    snprintf(want, sizeof want, "%s: binary file, skipped", tpath("ctrl.txt"));
    assert_string_equal(s.warn[0], want);
    snprintf(want, sizeof want, "%s: binary file, skipped", tpath("image.png"));
    assert_string_equal(s.warn[1], want);
    assert_int_equal(s.warn_code[0], PG_EINPUT);
    seen_release(&s);
}

static void test_empty_and_missing(void **state)
{
    seen s = {0};
    char want[600];

    (void)state;
    put("empty.txt", "");
    put("empty.jsonl", "");
    put("plain.json", "{\"not\": \"jsonl\"}");
    assert_int_equal(read_paths(&s,
                                (const char *[]){tpath("missing.txt"), tpath("empty.txt"),
                                                 tpath("empty.jsonl"), tpath("missing-dir/"),
                                                 tpath("plain.json")},
                                5),
                     PG_OK);
    assert_int_equal(s.n_warn, 2);
    snprintf(want, sizeof want, "%s: cannot open: No such file or directory", tpath("missing.txt"));
    assert_string_equal(s.warn[0], want);
    assert_int_equal(s.warn_code[0], PG_EIO);
    snprintf(want, sizeof want, "%s: cannot open: No such file or directory",
             tpath("missing-dir/"));
    assert_string_equal(s.warn[1], want);

    /* an empty text file is an empty article; an empty JSONL file has none */
    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[0]->id, tpath("empty.txt"));
    assert_non_null(s.art[0]->text);
    assert_string_equal(s.art[0]->text, "");
    assert_int_equal(s.art[0]->len, 0);
    assert_int_equal(s.art[0]->repairs, 0);
    /* named on the command line, a .json file is a text article */
    assert_string_equal(s.art[1]->text, "{\"not\": \"jsonl\"}");
    seen_release(&s);
}

static void test_unreadable(void **state)
{
    seen s = {0};
    char want[600];

    (void)state;
    if (geteuid() == 0)
        skip(); /* root reads everything */
    put("locked/a.txt", "a");
    put("secret.txt", "s");
    assert_int_equal(chmod(tpath("locked"), 0), 0);
    assert_int_equal(chmod(tpath("secret.txt"), 0), 0);
    assert_int_equal(read_paths(&s, (const char *[]){tpath("locked"), tpath("secret.txt")}, 2),
                     PG_OK);
    chmod(tpath("locked"), 0700);
    assert_int_equal(s.n_art, 0);
    assert_int_equal(s.n_warn, 2);
    snprintf(want, sizeof want, "%s: cannot open: Permission denied", tpath("locked"));
    assert_string_equal(s.warn[0], want);
    assert_int_equal(s.warn_code[0], PG_EIO);
    snprintf(want, sizeof want, "%s: cannot open: Permission denied", tpath("secret.txt"));
    assert_string_equal(s.warn[1], want);
    seen_release(&s);
}

/* ---- stopping ---------------------------------------------------- */

static void test_stop(void **state)
{
    seen s = {0};

    (void)state;
    put("stop.jsonl", "{\"id\": \"1\", \"text\": \"a\"}\n"
                      "{\"id\": \"2\", \"text\": \"b\"}\n"
                      "{\"id\": \"3\", \"text\": \"c\"}\n");
    put("after.txt", "never read");

    /* the article callback stops the run: its value comes back */
    s.stop_after_art = 2;
    s.art_rc = 7;
    assert_int_equal(
        read_paths(&s, (const char *[]){tpath("stop.jsonl"), tpath("after.txt")}, 2), 7);
    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[1]->id, "2");
    seen_release(&s);

    /* so does the warning callback */
    s.stop_after_warn = 1;
    s.warn_rc = -9;
    assert_int_equal(
        read_paths(&s, (const char *[]){tpath("nothing-here"), tpath("stop.jsonl")}, 2), -9);
    assert_int_equal(s.n_art, 0);
    assert_int_equal(s.n_warn, 1);
    seen_release(&s);

    /* a warning about a field of a record that would be delivered */
    put("stopdate.jsonl", "{\"id\": \"1\", \"date\": \"yesterday\", \"text\": \"a\"}\n"
                          "{\"id\": \"2\", \"text\": \"b\"}\n");
    s.stop_after_warn = 1;
    s.warn_rc = 3;
    assert_int_equal(read_one(&s, tpath("stopdate.jsonl")), 3);
    assert_int_equal(s.n_art, 0);
    seen_release(&s);

    /* no callbacks at all: everything is read and dropped */
    {
        pg_error err;
        const char *p = tpath("stop.jsonl");
        assert_int_equal(pg_read_inputs(&p, 1, NULL, NULL, NULL, &err), PG_OK);
    }
}

/* ---- standard input ---------------------------------------------- */

static void test_stdin(void **state)
{
    seen s = {0};

    (void)state;
    put("in.txt", "Tuesday 14 March 2023\n\nThe talks went on.\n");
    assert_int_equal(read_stdin_from(&s, "in.txt"), PG_OK);
    assert_int_equal(s.n_art, 1);
    assert_string_equal(s.art[0]->id, "stdin");
    assert_string_equal(s.art[0]->source, "stdin");
    assert_string_equal(s.art[0]->text, "Tuesday 14 March 2023\n\nThe talks went on.\n");
    seen_release(&s);

    /* leading blank lines, then '{': JSON Lines, lines counted from the top */
    put("in.jsonl", "\n  \n{\"id\": \"s1\", \"text\": \"one\"}\n{\"text\": \"two\"}\n{bad\n");
    assert_int_equal(read_stdin_from(&s, "in.jsonl"), PG_OK);
    assert_int_equal(s.n_art, 2);
    assert_string_equal(s.art[0]->id, "s1");
    assert_int_equal(s.art[0]->line, 3);
    assert_string_equal(s.art[1]->id, "stdin:4");
    assert_string_equal(s.art[1]->text, "two");
    assert_int_equal(s.n_warn, 1);
    assert_memory_equal(s.warn[0], "stdin:5:", 8);
    seen_release(&s);

    /* empty standard input: one empty article */
    put("none.txt", "");
    assert_int_equal(read_stdin_from(&s, "none.txt"), PG_OK);
    assert_int_equal(s.n_art, 1);
    assert_int_equal(s.art[0]->len, 0);
    seen_release(&s);

    /* more than one read block of text through standard input */
    {
        size_t n = 200 * 1000, i;
        char *big = malloc(n + 1);
        assert_non_null(big);
        for (i = 0; i < n; i++)
            big[i] = i % 100 == 99 ? '\n' : 'w';
        big[n] = '\0';
        put("big-in.txt", big);
        assert_int_equal(read_stdin_from(&s, "big-in.txt"), PG_OK);
        assert_int_equal(s.n_art, 1);
        assert_int_equal(s.art[0]->len, n);
        assert_string_equal(s.art[0]->text, big);
        seen_release(&s);
        free(big);
    }
}

/* ---- size -------------------------------------------------------- */

static void test_big_single_line(void **state)
{
    seen s = {0};
    size_t n = (size_t)50 * 1024 * 1024, i;
    char *big = malloc(n);

    (void)state;
    assert_non_null(big);
    for (i = 0; i < n; i++)
        big[i] = i % 6 == 5 ? ' ' : 'm';
    put_bytes("big.txt", big, n);
    assert_int_equal(read_one(&s, tpath("big.txt")), PG_OK);
    assert_int_equal(s.n_warn, 0);
    assert_int_equal(s.n_art, 1);
    assert_int_equal(s.art[0]->len, n);
    assert_int_equal(s.art[0]->text[n], '\0');
    assert_memory_equal(s.art[0]->text, big, n);
    seen_release(&s);
    free(big);
    assert_int_equal(remove(tpath("big.txt")), 0);
}

/* Known to be too big from its size: skipped without reading (a sparse file). */
static void test_too_big(void **state)
{
    seen s = {0};
    char want[600];
    FILE *fp;

    (void)state;
    put("huge.txt", "");
    fp = fopen(tpath("huge.txt"), "r+b");
    assert_non_null(fp);
    assert_int_equal(ftruncate(fileno(fp), (off_t)((1L << 30) + 1)), 0);
    fclose(fp);
    put("small.txt", "s");
    assert_int_equal(read_paths(&s, (const char *[]){tpath("huge.txt"), tpath("small.txt")}, 2),
                     PG_OK);
    assert_int_equal(s.n_warn, 1);
    snprintf(want, sizeof want, "%s: larger than 1 GiB, skipped", tpath("huge.txt"));
    assert_string_equal(s.warn[0], want);
    assert_int_equal(s.warn_code[0], PG_EINPUT);
    assert_int_equal(s.n_art, 1);
    assert_string_equal(s.art[0]->text, "s");
    seen_release(&s);
    assert_int_equal(remove(tpath("huge.txt")), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_folder_order),
        cmocka_unit_test(test_jsonl_malformed_line),
        cmocka_unit_test(test_jsonl_schema),
        cmocka_unit_test(test_jsonl_big_numbers),
        cmocka_unit_test(test_jsonl_long_line),
        cmocka_unit_test(test_text_repair),
        cmocka_unit_test(test_text_nul_and_binary),
        cmocka_unit_test(test_empty_and_missing),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_stop),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_big_single_line),
        cmocka_unit_test(test_too_big),
    };
    return cmocka_run_group_tests(tests, setup, teardown) ? 1 : 0;
}
