#ifndef PG_ARTICLE_H
#define PG_ARTICLE_H

/*
 * Reading articles: text files, folders of them (recursively, sorted by
 * path), JSON Lines (id, title, date, text, url, source) and "-" for
 * standard input. Articles are handed over one at a time so that a corpus
 * never has to fit in memory.
 */

#include <stddef.h>

#include "pg_date.h"
#include "pg_error.h"

typedef struct pg_article {
    char *id;     /* JSONL id, or the file path */
    char *title;  /* may be NULL */
    char *source; /* file the article came from, for messages */
    long line;    /* JSONL line, or 0 */
    pg_day date;  /* from JSONL or PG_DAY_NONE (the extractor reads datelines) */
    char *text;   /* valid UTF-8, NUL-terminated */
    size_t len;
    size_t repairs;   /* invalid bytes replaced by U+FFFD */
    size_t first_bad; /* byte of the first repair */
} pg_article;

void pg_article_free(pg_article *a);

/*
 * Called for each article; takes ownership of 'a'. Return 0 to go on,
 * non-zero to stop (that value is returned by pg_read_inputs).
 */
typedef int (*pg_article_fn)(pg_article *a, void *user);

/*
 * Called for an input that cannot be read (a bad JSONL record, an
 * unreadable file): the run goes on unless it returns non-zero.
 */
typedef int (*pg_warning_fn)(const pg_error *warning, void *user);

int pg_read_inputs(const char *const *paths, size_t n_paths, pg_article_fn on_article,
                   pg_warning_fn on_warning, void *user, pg_error *err);

#endif
