#ifndef PG_EXTRACT_H
#define PG_EXTRACT_H

/*
 * Extraction of one article into a record: the actors it mentions, the
 * sentences in which two actors appear together, and speaks-with events.
 * The record borrows nothing from the article: the graph may keep it after
 * the article is gone.
 */

#include <stddef.h>

#include "pg_article.h"
#include "pg_dict.h"

typedef enum pg_mode {
    PG_MODE_PHONE = 0,
    PG_MODE_MEETING,
    PG_MODE_TALKS,
    PG_MODE_UNSPECIFIED
} pg_mode;

typedef enum pg_status {
    PG_STATUS_OCCURRED = 0,
    PG_STATUS_PLANNED,
    PG_STATUS_NEGATED,
    PG_STATUS_HYPOTHETICAL
} pg_status;

const char *pg_mode_name(pg_mode m);
const char *pg_status_name(pg_status s);
int pg_mode_parse(const char *s, pg_mode *out);     /* 0 ok, -1 unknown */
int pg_status_parse(const char *s, pg_status *out); /* 0 ok, -1 unknown */

typedef struct pg_doc_actor {
    char *id;    /* dictionary id, or a slug of the name for discovered persons */
    char *label; /* display name */
    pg_kind kind;
    char country[4];
    int in_dictionary;
    unsigned mentions;
    long affiliation; /* index of whom they speak or work for ("Merkel's spokesman"), or -1 */
} pg_doc_actor;

/* A sentence of the article kept as evidence. */
typedef struct pg_doc_sentence {
    size_t index;      /* sentence number in the article, from 0 */
    size_t start, end; /* bytes in the article text */
    char *text;
} pg_doc_sentence;

/* Two actors in one sentence; a < b by id. */
typedef struct pg_comention {
    size_t a, b;     /* indexes into pg_doc.actors */
    size_t sentence; /* index into pg_doc.sentences */
} pg_comention;

typedef struct pg_event {
    size_t a, b; /* indexes into pg_doc.actors, a < b by id */
    pg_mode mode;
    pg_status status;
    pg_day date;     /* PG_DAY_NONE if the text gives none */
    long initiator;  /* index into pg_doc.actors, or -1 */
    size_t sentence; /* index into pg_doc.sentences */
} pg_event;

typedef struct pg_doc {
    char *strings; /* the strings below, together: id, actors' ids and labels, sentences */
    char *id;
    pg_day date;
    pg_doc_actor *actors; /* sorted by id */
    size_t n_actors;
    pg_doc_sentence *sentences; /* only those cited by co-mentions or events */
    size_t n_sentences;
    pg_comention *comentions;
    size_t n_comentions;
    pg_event *events;
    size_t n_events;
} pg_doc;

typedef struct pg_extract_options {
    pg_day date;     /* used when the article has none: --date */
    int discover;    /* find persons not in the dictionary */
} pg_extract_options;

void pg_extract_options_init(pg_extract_options *o);

/* Extracts one article. *out is a new record the caller frees. */
int pg_extract_article(const pg_dict *dict, const pg_article *a,
                       const pg_extract_options *opt, pg_doc **out, pg_error *err);

/*
 * Working memory for extracting many articles, one after another, on one
 * thread: pg_extract_article_with gives the same records as
 * pg_extract_article without allocating its buffers anew each time.
 */
typedef struct pg_extractor pg_extractor;

int pg_extractor_new(pg_extractor **out, pg_error *err);
void pg_extractor_free(pg_extractor *ex);
int pg_extract_article_with(pg_extractor *ex, const pg_dict *dict, const pg_article *a,
                            const pg_extract_options *opt, pg_doc **out, pg_error *err);

/* Frees a record of pg_extract_article: one block with all it points to. NULL is fine. */
void pg_doc_free(pg_doc *doc);

/*
 * The id made from a name: ASCII, lower case, words joined by '-', Latin
 * accents dropped ("Jürgen Hardt" -> "jurgen-hardt"). out holds cap bytes.
 */
void pg_slug(const char *s, size_t len, char *out, size_t cap);

#endif
