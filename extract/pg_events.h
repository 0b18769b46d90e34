#ifndef PG_EVENTS_H
#define PG_EVENTS_H

/*
 * Speaks-with events in one sentence: a trigger (called, met, talks,
 * summit ...), the persons on each side of it, the status from the words
 * around it (never, will, if ...), who initiated it, and its date.
 */

#include <stddef.h>

#include "pg_date.h"
#include "pg_error.h"
#include "pg_extract.h"
#include "pg_text.h"

/* An actor mentioned at tokens [tok_begin, tok_end). */
typedef struct pg_mention {
    size_t tok_begin, tok_end;
    size_t actor; /* caller's actor index */
    pg_kind kind;
} pg_mention;

typedef struct pg_found_event {
    size_t a, b; /* caller's actor indexes, a != b */
    pg_mode mode;
    pg_status status;
    pg_day date;
    long initiator; /* caller's actor index or -1 */
} pg_found_event;

typedef struct pg_found_events {
    pg_found_event *v;
    size_t n, cap;
} pg_found_events;

/*
 * Finds the events of sentence s. Mentions are those of the sentence, in
 * token order. 'date' is the article's date (PG_DAY_NONE if unknown).
 */
int pg_events_detect(const char *text, const pg_tokens *toks, const pg_sentence *s,
                     const pg_mention *mentions, size_t n_mentions, pg_day date,
                     pg_found_events *out, pg_error *err);

void pg_found_events_release(pg_found_events *e);

/*
 * Resolves a date written in tokens [begin, end) ("on Monday", "on 14
 * March", "March 14, 2023", "yesterday") against the article date; 'future'
 * picks the next rather than the last weekday. PG_DAY_NONE if none.
 */
pg_day pg_events_find_date(const char *text, const pg_tokens *toks, size_t begin, size_t end,
                           pg_day date, int future);

#endif
