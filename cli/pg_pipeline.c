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
 * Articles are a few kilobytes, so one lock for everything costs little
 * beside the extraction.
 */

/*
 * Articles in flight per job: enough to keep every worker busy while the
 * calling thread waits for a slow article.
 */
#define PG_SLOTS_PER_JOB 4

typedef enum { PG_SLOT_ARTICLE, PG_SLOT_WARNING } pg_slot_kind;

typedef struct pg_slot {
    pg_slot_kind kind;
    pg_article *article; /* until extracted */
    pg_doc *doc;         /* after extraction */
    size_t len;          /* bytes of text */
    int done;            /* extracted (or a warning) */
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
    pthread_cond_t ready; /* caller: a slot was extracted, or the reader ended */
    /* the reader's own */
    const char *const *inputs;
    size_t n_inputs;
    int read_rc;
    pg_error read_err;
} pg_pipe;

/* ------------------------------------------------------------------ */
/* Reader thread                                                        */

/* Waits for a free slot (with the lock held) and clears it; NULL when stopping. */
static pg_slot *pg_pipe_claim(pg_pipe *p)
{
    while (!p->stopping && p->produced - p->committed >= p->cap)
        pthread_cond_wait(&p->space, &p->lock);
    if (p->stopping)
        return NULL;
    pg_slot *s = &p->slots[p->produced % p->cap];
    memset(s, 0, sizeof *s);
    return s;
}

static int pg_pipe_warning_text(pg_pipe *p, const char *msg)
{
    pthread_mutex_lock(&p->lock);
    pg_slot *s = pg_pipe_claim(p);
    if (s) {
        s->kind = PG_SLOT_WARNING;
        s->done = 1;
        snprintf(s->err.msg, sizeof s->err.msg, "%s", msg);
        p->produced++;
        /* a warning right after the oldest slot may be ready to commit */
        pthread_cond_signal(&p->ready);
    }
    pthread_mutex_unlock(&p->lock);
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
    pthread_mutex_lock(&p->lock);
    pg_slot *s = pg_pipe_claim(p);
    if (s) {
        s->kind = PG_SLOT_ARTICLE;
        s->article = a;
        s->len = a->len;
        p->produced++;
        pthread_cond_signal(&p->work);
    }
    pthread_mutex_unlock(&p->lock);
    if (!s)
        pg_article_free(a);
    return s ? 0 : 1;
}

static void *pg_pipe_reader(void *arg)
{
    pg_pipe *p = arg;
    int rc = pg_read_inputs(p->inputs, p->n_inputs, pg_pipe_on_article, pg_pipe_on_warning, p,
                            &p->read_err);
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

static void *pg_pipe_worker(void *arg)
{
    pg_pipe *p = arg;
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
        pg_slot *s = &p->slots[p->taken++ % p->cap];
        pg_article *a = s->article;
        s->article = NULL;
        pthread_mutex_unlock(&p->lock);

        pg_doc *doc = NULL;
        pg_error err;
        pg_error_clear(&err);
        int rc = pg_extract_article(p->dict, a, p->opt, &doc, &err);
        pg_article_free(a);

        pthread_mutex_lock(&p->lock);
        /* the slot stays ours until 'done': the caller does not touch it before */
        s->doc = doc;
        s->rc = rc;
        if (rc != PG_OK)
            s->err = err;
        s->done = 1;
        pthread_cond_signal(&p->ready);
    }
    pthread_mutex_unlock(&p->lock);
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
        pg_slot s = p->slots[p->committed % p->cap];
        pthread_mutex_unlock(&p->lock);

        int rc = PG_OK;
        if (s.kind == PG_SLOT_WARNING) {
            if (h->on_warning)
                h->on_warning(s.err.msg, h->user);
        } else if (s.rc != PG_OK) {
            *err = s.err; /* a failed extraction leaves no record */
            rc = s.rc;
        } else {
            rc = h->on_doc(s.doc, h->user, err); /* which takes the record, whatever it returns */
            (*articles)++;
            *bytes += s.len;
            if (h->on_progress)
                h->on_progress(*articles, *bytes, h->user);
        }

        pthread_mutex_lock(&p->lock);
        p->slots[p->committed % p->cap].doc = NULL;
        p->committed++;
        /* a warning may be committed before a worker stepped over it */
        if (p->taken < p->committed)
            p->taken = p->committed;
        pthread_cond_signal(&p->space);
        pthread_mutex_unlock(&p->lock);
        if (rc != PG_OK)
            return rc;
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
    pg_pipe p;
    memset(&p, 0, sizeof p);
    p.dict = dict;
    p.opt = opt;
    p.inputs = inputs;
    p.n_inputs = n_inputs;
    p.cap = jobs * PG_SLOTS_PER_JOB;
    p.reading = 1;
    p.slots = calloc(p.cap, sizeof *p.slots);
    pthread_t *workers = calloc(jobs, sizeof *workers);
    if (!p.slots || !workers) {
        free(p.slots);
        free(workers);
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.space, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.ready, NULL);

    int rc = PG_OK;
    size_t started = 0, bytes = 0;
    pthread_t reader;
    int reader_started = pthread_create(&reader, NULL, pg_pipe_reader, &p) == 0;
    if (!reader_started)
        rc = pg_error_set(err, PG_ENOMEM, "cannot start the reading thread");
    for (; rc == PG_OK && started < jobs; started++) {
        if (pthread_create(&workers[started], NULL, pg_pipe_worker, &p) != 0)
            rc = pg_error_set(err, PG_ENOMEM, "cannot start extraction thread %zu", started + 1);
    }
    if (rc == PG_OK)
        rc = pg_pipe_commit_all(&p, hooks, articles, &bytes, err);

    pg_pipe_stop(&p);
    if (reader_started)
        pthread_join(reader, NULL);
    for (size_t i = 0; i < started; i++)
        pthread_join(workers[i], NULL);
    /* whatever was in flight when the run stopped */
    for (size_t i = p.committed; i < p.produced; i++) {
        pg_article_free(p.slots[i % p.cap].article);
        pg_doc_free(p.slots[i % p.cap].doc);
    }
    pthread_cond_destroy(&p.ready);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.space);
    pthread_mutex_destroy(&p.lock);
    free(workers);
    free(p.slots);
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
