/*
 * Bytes as a JSON Lines file read by pg_read_inputs: every article handed
 * over must be valid UTF-8 without NUL bytes, with an id and a source.
 */

#define _DEFAULT_SOURCE /* mkstemps */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_article.h"
#include "pg_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char pg_path[64];

static void pg_remove_file(void)
{
    unlink(pg_path);
}

/* One file for the whole run, rewritten for each input. */
static int pg_fuzz_file(void)
{
    static int fd = -1;
    if (fd < 0) {
        const char *dir = getenv("TMPDIR");
        snprintf(pg_path, sizeof pg_path, "%.40s/fuzz_jsonl.XXXXXX.jsonl", dir ? dir : "/tmp");
        fd = mkstemps(pg_path, 6);
        if (fd < 0)
            abort();
        atexit(pg_remove_file);
    }
    return fd;
}

static int pg_on_article(pg_article *a, void *user)
{
    size_t *count = user;
    if (!a->id || !a->source || !a->text || strlen(a->text) != a->len ||
        pg_utf8_repair(a->text, a->len, NULL, NULL, NULL) != 0)
        abort();
    (*count)++;
    pg_article_free(a);
    return 0;
}

static int pg_on_warning(const pg_error *w, void *user)
{
    (void)user;
    /* a warning names the file (the command line keeps it on one line) */
    if (!w->msg[0] || strncmp(w->msg, pg_path, strlen(pg_path)) != 0) {
        fprintf(stderr, "warning without the file name: %s\n", w->msg);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = pg_fuzz_file();
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    const char *paths[] = {pg_path};
    size_t count = 0;
    pg_error err;
    if (pg_read_inputs(paths, 1, pg_on_article, pg_on_warning, &count, &err) != PG_OK)
        abort(); /* only running out of memory stops a run */
    return 0;
}
