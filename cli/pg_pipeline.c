#include "pg_pipeline.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/*
 * The threads share a ring of slots under one mutex: the reader fills
 * slot 'produced', workers take slot 'taken' and extract it without the
 * lock, the calling thread empties slot 'committed' once it is done. A
 * slot is free again when committed, so the reader never runs more than
 * 'cap' articles ahead of the oldest one not handed over.
 *
 *   committed <= taken <= produced <= committed + cap
 *
 * The reader frees the articles it read when it takes their slot again:
 * a block freed by another thread than the one that allocated it waits
 * for the lock of that thread's arena, and thousands of short articles a
 * second kept the threads waiting on each other.
 *
 * Articles are a few kilobytes, so one lock for everything costs little
 * beside the extraction.
 */

/*
 * Articles travel in batches of about PG_BATCH_BYTES (at most
 * PG_BATCH_MAX articles): a hand-over between threads costs a few
 * microseconds of locks and wake-ups, as much as extracting a short
 * article, so one per article would cost a fifth of the time. Only
 * articles under 64 bytes, a headline each, fill a batch by count. A
 * batch ends early before a warning, so that warnings keep their place.
 */
#define PG_BATCH_BYTES (64 * 1024)
#define PG_BATCH_MAX 1024

/*
 * Batches in flight per job: enough to keep every worker busy while the
 * calling thread waits for a slow one.
 */
#define PG_SLOTS_PER_JOB 4

typedef enum { PG_SLOT_ARTICLES, PG_SLOT_WARNING } pg_slot_kind;

typedef struct pg_slot {
    pg_slot_kind kind;
    size_t n;                            /* articles in the batch */
    pg_article *articles[PG_BATCH_MAX]; /* until the reader takes the slot again */
    pg_doc *docs[PG_BATCH_MAX];         /* after extraction, until handed over */
    size_t lens[PG_BATCH_MAX];          /* bytes of text of each */
    size_t n_ok;                        /* records before a failed extraction (n when none) */
    int done;                           /* extracted (or a warning) */
    int rc;
    pg_error err; /* extraction error, or the warning's text */
} pg_slot;

typedef struct pg_pipe {
    const pg_dict *dict;
    const pg_extract_options *opt;
    pg_slot *slots;
    size_t cap;
    size_t produced, taken, committed;
    int reading;  /* the reader has not finished */
    int stopping; /* everyone leaves as soon as they can */
    pthread_mutex_t lock;
    pthread_cond_t space; /* reader: a slot became free */
    pthread_cond_t work;  /* workers: a slot was filled, or stop */
    pthread_cond_t ready; /* caller: the oldest slot was extracted, or the reader ended */
    /* the reader's own: the batch it is filling */
    const char *const *inputs;
    size_t n_inputs;
    pg_article *batch[PG_BATCH_MAX];
    size_t batch_n, batch_bytes;
    int read_rc;
    pg_error read_err;
} pg_pipe;

/* ------------------------------------------------------------------ */
/* Reader thread                                                        */

/* Frees what a slot still holds: articles, and records not handed over. */
static void pg_slot_release(pg_slot *s)
{
    for (size_t k = 0; k < s->n; k++) {
        pg_article_free(s->articles[k]);
        pg_doc_free(s->docs[k]);
    }
    memset(s, 0, sizeof *s);
}

/*
 * Waits for a free slot and empties it (without the lock: the reader
 * alone fills slots, so the next one is its own until it is produced);
 * NULL when stopping. The caller fills it under the lock.
 */
static pg_slot *pg_pipe_claim(pg_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    while (!p->stopping && p->produced - p->committed >= p->cap)
        pthread_cond_wait(&p->space, &p->lock);
    pg_slot *s = p->stopping ? NULL : &p->slots[p->produced % p->cap];
    pthread_mutex_unlock(&p->lock);
    if (s)
        pg_slot_release(s);
    return s;
}

/* Hands the batch being filled to the workers; non-zero when stopping (the batch is freed). */
static int pg_pipe_flush(pg_pipe *p)
{
    if (p->batch_n == 0)
        return 0;
    pg_slot *s = pg_pipe_claim(p);
    if (s) {
        pthread_mutex_lock(&p->lock);
        s->kind = PG_SLOT_ARTICLES;
        s->n = p->batch_n;
        for (size_t k = 0; k < p->batch_n; k++) {
            s->articles[k] = p->batch[k];
            s->lens[k] = p->batch[k]->len;
        }
        p->produced++;
        pthread_cond_signal(&p->work);
        pthread_mutex_unlock(&p->lock);
    }
    if (!s)
        for (size_t k = 0; k < p->batch_n; k++)
            pg_article_free(p->batch[k]);
    p->batch_n = p->batch_bytes = 0;
    return s ? 0 : 1;
}

static int pg_pipe_warning_text(pg_pipe *p, const char *msg)
{
    if (pg_pipe_flush(p) != 0)
        return 1;
    pg_slot *s = pg_pipe_claim(p);
    if (s) {
        pthread_mutex_lock(&p->lock);
        s->kind = PG_SLOT_WARNING;
        s->done = 1;
        snprintf(s->err.msg, sizeof s->err.msg, "%s", msg);
        p->produced++;
        /* a warning right after the oldest slot may be ready to commit */
        pthread_cond_signal(&p->ready);
        pthread_mutex_unlock(&p->lock);
    }
    return s ? 0 : 1;
}

static int pg_pipe_on_warning(const pg_error *w, void *user)
{
    return pg_pipe_warning_text(user, w->msg);
}

static int pg_pipe_on_article(pg_article *a, void *user)
{
    pg_pipe *p = user;
    if (a->repairs > 0) {
        char msg[sizeof ((pg_error *)0)->msg];
        snprintf(msg, sizeof msg, "%s: byte %zu: invalid UTF-8 replaced by U+FFFD (%zu place%s)",
                 a->id, a->first_bad, a->repairs, a->repairs == 1 ? "" : "s");
        if (pg_pipe_warning_text(p, msg) != 0) {
            pg_article_free(a);
            return 1;
        }
    }
    p->batch[p->batch_n++] = a;
    p->batch_bytes += a->len;
    if (p->batch_n == PG_BATCH_MAX || p->batch_bytes >= PG_BATCH_BYTES)
        return pg_pipe_flush(p);
    return 0;
}

static void *pg_pipe_reader(void *arg)
{
    pg_pipe *p = arg;
    int rc = pg_read_inputs(p->inputs, p->n_inputs, pg_pipe_on_article, pg_pipe_on_warning, p,
                            &p->read_err);
    pg_pipe_flush(p); /* what was read before the end, or before an error */
    pthread_mutex_lock(&p->lock);
    p->read_rc = rc;
    p->reading = 0;
    pthread_cond_broadcast(&p->work);
    pthread_cond_signal(&p->ready);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Worker threads                                                       */

/*
 * Extracts a batch in order; a failure keeps the records before it. The
 * articles stay for the reader to free, but for one bigger than a batch,
 * which goes at once: a slot holds at most two batches' worth of text.
 */
static void pg_pipe_extract(pg_pipe *p, pg_extractor *ex, pg_slot *s)
{
    s->n_ok = s->n;
    s->rc = PG_OK;
    for (size_t k = 0; k < s->n && s->rc == PG_OK; k++) {
        pg_article *a = s->articles[k];
        pg_error err;
        pg_error_clear(&err);
        int rc = ex ? pg_extract_article_with(ex, p->dict, a, p->opt, &s->docs[k], &err)
                    : pg_extract_article(p->dict, a, p->opt, &s->docs[k], &err);
        if (a->len >= PG_BATCH_BYTES) {
            pg_article_free(a);
            s->articles[k] = NULL;
        }
        if (rc != PG_OK) {
            s->rc = rc;
            s->err = err;
            s->n_ok = k;
        }
    }
}

static void *pg_pipe_worker(void *arg)
{
    pg_pipe *p = arg;
    /* this thread's working memory; without it, each article allocates its own */
    pg_extractor *ex = NULL;
    if (pg_extractor_new(&ex, NULL) != PG_OK)
        ex = NULL;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->taken < p->produced &&
               p->slots[p->taken % p->cap].kind == PG_SLOT_WARNING)
            p->taken++;
        if (p->stopping || (!p->reading && p->taken == p->produced))
            break;
        if (p->taken == p->produced) {
            pthread_cond_wait(&p->work, &p->lock);
            continue;
        }
        size_t index = p->taken++;
        pg_slot *s = &p->slots[index % p->cap];
        pthread_mutex_unlock(&p->lock);

        /* the slot stays ours until 'done': the caller does not touch it before */
        pg_pipe_extract(p, ex, s);

        pthread_mutex_lock(&p->lock);
        s->done = 1;
        if (index == p->committed)
            pthread_cond_signal(&p->ready); /* the one the caller waits for */
    }
    pthread_mutex_unlock(&p->lock);
    pg_extractor_free(ex);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The calling thread                                                   */

static void pg_pipe_stop(pg_pipe *p)
{
    pthread_mutex_lock(&p->lock);
    p->stopping = 1;
    pthread_cond_broadcast(&p->space);
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
}

/* Hands over the records of a batch in order; stops at a failed extraction or hook. */
static int pg_pipe_hand_over(pg_slot *s, const pg_pipeline_hooks *h, size_t *articles,
                             size_t *bytes, pg_error *err)
{
    for (size_t k = 0; k < s->n_ok; k++) {
        pg_doc *doc = s->docs[k];
        s->docs[k] = NULL;
        int rc = h->on_doc(doc, h->user, err); /* which takes the record, whatever it returns */
        (*articles)++;
        *bytes += s->lens[k];
        if (h->on_progress)
            h->on_progress(*articles, *bytes, h->user);
        if (rc != PG_OK)
            return rc;
    }
    if (s->rc != PG_OK)
        *err = s->err; /* a failed extraction leaves no record */
    return s->rc;
}

/* Hands over the slots in order until the input ends or something fails. */
static int pg_pipe_commit_all(pg_pipe *p, const pg_pipeline_hooks *h, size_t *articles,
                              size_t *bytes, pg_error *err)
{
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->committed < p->produced ? !p->slots[p->committed % p->cap].done : p->reading)
            pthread_cond_wait(&p->ready, &p->lock);
        if (p->committed == p->produced) {
            /* the reader has ended and everything is handed over */
            int rc = p->read_rc;
            pthread_mutex_unlock(&p->lock);
            if (rc != PG_OK)
                *err = p->read_err;
            return rc;
        }
        /* done and not committed: no other thread touches this slot */
        pg_slot *s = &p->slots[p->committed % p->cap];
        pthread_mutex_unlock(&p->lock);

        int rc = PG_OK;
        if (s->kind == PG_SLOT_WARNING) {
            if (h->on_warning)
                h->on_warning(s->err.msg, h->user);
        } else {
            rc = pg_pipe_hand_over(s, h, articles, bytes, err);
        }
        if (rc != PG_OK)
            return rc; /* what is left in the slot is freed with the others */

        pthread_mutex_lock(&p->lock);
        p->committed++;
        /* a warning may be committed before a worker stepped over it */
        if (p->taken < p->committed)
            p->taken = p->committed;
        pthread_cond_signal(&p->space);
        pthread_mutex_unlock(&p->lock);
    }
}

int pg_pipeline_run(const char *const *inputs, size_t n_inputs, size_t jobs, const pg_dict *dict,
                    const pg_extract_options *opt, const pg_pipeline_hooks *hooks,
                    size_t *articles, pg_error *err)
{
    *articles = 0;
    pg_error_clear(err);
    if (jobs == 0)
        jobs = 1;
    pg_pipe *p = calloc(1, sizeof *p);
    pthread_t *workers = calloc(jobs, sizeof *workers);
    if (p) {
        p->dict = dict;
        p->opt = opt;
        p->inputs = inputs;
        p->n_inputs = n_inputs;
        p->cap = jobs * PG_SLOTS_PER_JOB;
        p->reading = 1;
        p->slots = calloc(p->cap, sizeof *p->slots);
    }
    if (!p || !p->slots || !workers) {
        if (p)
            free(p->slots);
        free(p);
        free(workers);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->space, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->ready, NULL);

    int rc = PG_OK;
    size_t started = 0, bytes = 0;
    pthread_t reader;
    int reader_started = pthread_create(&reader, NULL, pg_pipe_reader, p) == 0;
    if (!reader_started)
        rc = pg_error_set(err, PG_ENOMEM, "cannot start the reading thread");
    for (; rc == PG_OK && started < jobs; started++) {
        if (pthread_create(&workers[started], NULL, pg_pipe_worker, p) != 0)
            rc = pg_error_set(err, PG_ENOMEM, "cannot start extraction thread %zu", started + 1);
    }
    if (rc == PG_OK)
        rc = pg_pipe_commit_all(p, hooks, articles, &bytes, err);

    pg_pipe_stop(p);
    if (reader_started)
        pthread_join(reader, NULL);
    for (size_t i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    /* the articles of every slot, and the records in flight when the run stopped */
    for (size_t i = 0; i < p->cap; i++)
        pg_slot_release(&p->slots[i]);
    pthread_cond_destroy(&p->ready);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->space);
    pthread_mutex_destroy(&p->lock);
    free(workers);
    free(p->slots);
    free(p);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Input size, for the time left                                        */

static int pg_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* The names pg_read_inputs reads inside folders. */
static int pg_is_article_name(const char *name)
{
    return pg_has_suffix(name, ".txt") || pg_has_suffix(name, ".text") ||
           pg_has_suffix(name, ".md") || pg_has_suffix(name, ".jsonl") ||
           pg_has_suffix(name, ".ndjson");
}

static unsigned long long pg_dir_size(const char *dir, int depth)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d)
        return 0;
    unsigned long long total = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(de->d_name) + 2;
        char *path = malloc(n);
        if (!path)
            break;
        snprintf(path, n, "%s/%s", dir, de->d_name);
        struct stat st;
        if (lstat(path, &st) == 0) {
            /* as the reader: links to files are read, links to folders are not */
            int link = S_ISLNK(st.st_mode);
            if (link && stat(path, &st) != 0)
                st.st_mode = 0;
            if (S_ISDIR(st.st_mode) && !link)
                total += pg_dir_size(path, depth + 1);
            else if (S_ISREG(st.st_mode) && pg_is_article_name(de->d_name))
                total += (unsigned long long)st.st_size;
        }
        free(path);
    }
    closedir(d);
    return total;
}

unsigned long long pg_inputs_size(const char *const *inputs, size_t n_inputs)
{
    unsigned long long total = 0;
    for (size_t i = 0; i < n_inputs; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") == 0)
            return 0;
        if (stat(inputs[i], &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            total += pg_dir_size(inputs[i], 0);
        else if (S_ISREG(st.st_mode))
            total += (unsigned long long)st.st_size;
        else
            return 0; /* a pipe or a device: no size */
    }
    return total;
}
