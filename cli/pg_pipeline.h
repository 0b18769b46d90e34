#ifndef PG_PIPELINE_H
#define PG_PIPELINE_H

/*
 * Reading and extraction on several threads, with results in input order.
 *
 * A reader thread (pg_read_inputs) hands articles to 'jobs' worker
 * threads that run pg_extract_article; the calling thread receives the
 * records and the warnings in input order, whatever the number of jobs,
 * so what it builds from them is the same. Articles go in batches of
 * some 64 KB; at most 4 * jobs batches are in flight, so memory stays
 * bounded however big the input is.
 */

#include <stddef.h>

#include "../extract/pg_extract.h"

typedef struct pg_pipeline_hooks {
    /*
     * A record, on the calling thread, in input order; the hook owns it.
     * Non-zero stops the run (the hook's message in 'err').
     */
    int (*on_doc)(pg_doc *doc, void *user, pg_error *err);
    /* A warning (unreadable input, repaired UTF-8), in input order; may be NULL. */
    void (*on_warning)(const char *msg, void *user);
    /* After each record: the articles and bytes of text so far; may be NULL. */
    void (*on_progress)(size_t articles, size_t bytes, void *user);
    void *user;
} pg_pipeline_hooks;

/*
 * Reads 'inputs', extracts every article with 'dict' (prepared:
 * pg_dict_prepare) on 'jobs' threads (at least 1), and hands the records
 * to hooks->on_doc. Stops at the first error in input order (reading,
 * extracting or on_doc) and returns it, its message in 'err'.
 * *articles receives the number of records handed over.
 */
int pg_pipeline_run(const char *const *inputs, size_t n_inputs, size_t jobs, const pg_dict *dict,
                    const pg_extract_options *opt, const pg_pipeline_hooks *hooks,
                    size_t *articles, pg_error *err);

/*
 * Total size in bytes of the article files under 'inputs' (as the reader
 * would pick them), or 0 when unknown (standard input).
 */
unsigned long long pg_inputs_size(const char *const *inputs, size_t n_inputs);

#endif
