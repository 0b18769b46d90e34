/* polgraph actors: list, check or import actor dictionaries. */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../extract/pg_cameo.h"
#include "../extract/pg_dict.h"
#include "../extract/pg_strmap.h"
#include "../extract/pg_text.h"
#include "pg_cli.h"

/* At most this many --actors files (the same bound as build). */
#define PG_MAX_FILES 32

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

/* A dictionary and where each actor's id was written. */
typedef struct pg_loaded {
    pg_dict *dict;
    const char *paths[PG_MAX_FILES];
    size_t n_paths;
    pg_strmap where; /* id -> line * PG_MAX_FILES + file */
} pg_loaded;

static void pg_loaded_release(pg_loaded *l)
{
    pg_dict_free(l->dict);
    pg_strmap_release(&l->where);
    memset(l, 0, sizeof *l);
}


/* Notes the line of each "id": "..." in the text (ids have no escapes). */
static int pg_note_ids(pg_loaded *l, const char *text, size_t len, size_t file)
{
    long line = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            line++;
            continue;
        }
        if (text[i] != '"' || i + 4 > len || memcmp(text + i, "\"id\"", 4) != 0)
            continue;
        size_t k = i + 4;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'))
            k++;
        if (k >= len || text[k] != ':')
            continue;
        k++;
        while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r'))
            k++;
        if (k >= len || text[k] != '"')
            continue;
        size_t s = ++k;
        while (k < len && text[k] != '"' && text[k] != '\n')
            k++;
        if (pg_strmap_put(&l->where, text + s, k - s, line * PG_MAX_FILES + (long)file) != 0)
            return -1;
    }
    return 0;
}

static int pg_load(pg_loaded *l, int builtin, const char *const *files, size_t n_files,
                   pg_error *err)
{
    memset(l, 0, sizeof *l);
    int rc = builtin ? pg_dict_new_builtin(&l->dict, err) : pg_dict_new(&l->dict, err);
    for (size_t i = 0; i < n_files && rc == PG_OK; i++) {
        size_t len = 0;
        char *text = NULL;
        if (pg_dict_read_text(files[i], &text, &len, err) != PG_OK)
            return err->code;
        rc = pg_dict_load_json(l->dict, text, len, files[i], err);
        if (rc == PG_OK && pg_note_ids(l, text, len, l->n_paths) != 0)
            rc = pg_error_set(err, PG_ENOMEM, "out of memory");
        l->paths[l->n_paths++] = files[i];
        free(text);
    }
    return rc;
}

/* "file:line" of an actor, or "built-in" for the compiled dictionary. */
static void pg_where(const pg_loaded *l, const char *id, char *buf, size_t cap)
{
    long w = pg_strmap_get(&l->where, id, strlen(id));
    if (w < 0)
        snprintf(buf, cap, "built-in");
    else
        snprintf(buf, cap, "%s:%ld", l->paths[w % PG_MAX_FILES], w / PG_MAX_FILES);
}

/* The dictionary options shared by list and check. */
enum { OPT_ACTORS, OPT_NO_BUILTIN };

static int pg_add_file(const char **files, size_t *n, const char *v, const char *cmd)
{
    if (*n == PG_MAX_FILES) {
        pg_fail("actors %s: at most %d dictionaries", cmd, PG_MAX_FILES);
        return -1;
    }
    files[(*n)++] = v;
    return 0;
}

/* ------------------------------------------------------------------ */
/* list                                                                */
/* ------------------------------------------------------------------ */

static const pg_option pg_list_opts[] = {
    [OPT_ACTORS] = {"actors", 0, "FILE", "add the actors of a JSON dictionary (repeatable)"},
    [OPT_NO_BUILTIN] = {"no-builtin", 0, NULL, "leave out the built-in dictionary"},
    {NULL, 0, NULL, NULL},
};

static const pg_dict *pg_sort_dict;

static int pg_by_id(const void *a, const void *b)
{
    const pg_actor *x = pg_dict_actor(pg_sort_dict, *(const size_t *)a);
    const pg_actor *y = pg_dict_actor(pg_sort_dict, *(const size_t *)b);
    return strcmp(x->id, y->id);
}

static int pg_actors_list(int argc, char **argv)
{
    const char *files[PG_MAX_FILES];
    size_t n_files = 0;
    int builtin = 1;
    pg_args args;
    pg_args_init(&args, argc, argv, "actors list");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_list_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph actors list [--actors FILE]... [--no-builtin]",
                          "Lists the actors of the dictionary that 'polgraph build' would use:\n"
                          "id, kind, country and name, by id, then their number.",
                          pg_list_opts);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            return PG_EXIT_BAD;
        case PG_ARG_POSITIONAL:
            pg_fail("actors list: unexpected argument '%s' (dictionaries go with --actors)", v);
            return PG_EXIT_BAD;
        case OPT_ACTORS:
            if (pg_add_file(files, &n_files, v, "list") != 0)
                return PG_EXIT_BAD;
            break;
        case OPT_NO_BUILTIN:
            builtin = 0;
            break;
        }
    }
    if (!builtin && n_files == 0) {
        pg_fail("actors list: --no-builtin needs at least one --actors FILE");
        return PG_EXIT_BAD;
    }
    pg_loaded l;
    pg_error err;
    pg_error_clear(&err);
    if (pg_load(&l, builtin, files, n_files, &err) != PG_OK) {
        pg_loaded_release(&l);
        return pg_fail_error(&err);
    }
    size_t n = pg_dict_size(l.dict);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!order) {
        pg_loaded_release(&l);
        pg_fail("out of memory");
        return PG_EXIT_BAD;
    }
    int id_w = 2;
    size_t kinds[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        const pg_actor *a = pg_dict_actor(l.dict, i);
        order[i] = i;
        if ((int)strlen(a->id) > id_w)
            id_w = (int)strlen(a->id);
        kinds[a->kind]++;
    }
    pg_sort_dict = l.dict;
    qsort(order, n, sizeof *order, pg_by_id);
    for (size_t i = 0; i < n; i++) {
        const pg_actor *a = pg_dict_actor(l.dict, order[i]);
        printf("%-*s  %-12s  %-3s  %s\n", id_w, a->id, pg_kind_name(a->kind),
               a->country[0] ? a->country : "-", a->name);
    }
    printf("%zu actors (persons %zu, organizations %zu, countries %zu)\n", n,
           kinds[PG_KIND_PERSON], kinds[PG_KIND_ORGANIZATION], kinds[PG_KIND_COUNTRY]);
    free(order);
    pg_loaded_release(&l);
    if (fflush(stdout) != 0) {
        pg_fail("actors list: cannot write to standard output");
        return PG_EXIT_BAD;
    }
    return PG_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* check                                                               */
/* ------------------------------------------------------------------ */

enum { OPT_BUILTIN };

static const pg_option pg_check_opts[] = {
    [OPT_BUILTIN] = {"builtin", 0, NULL, "check the files together with the built-in dictionary"},
    {NULL, 0, NULL, NULL},
};

typedef struct pg_checker {
    const pg_loaded *l;
    size_t warnings;
} pg_checker;

static void pg_check_warn(pg_checker *c, const pg_actor *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void pg_check_warn(pg_checker *c, const pg_actor *a, const char *fmt, ...)
{
    char where[512];
    pg_where(c->l, a->id, where, sizeof where);
    printf("%s: %s: ", where, a->id);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    c->warnings++;
}

/*
 * The key the matcher files a phrase under: its tokens case-folded, a
 * possessive dropped, a leading "the" left out. 0 when empty.
 */
static size_t pg_phrase_key(const char *text, char *key, size_t cap)
{
    pg_tokens toks = {0};
    size_t n = 0, nt = 0;
    if (pg_tokenize(&toks, text, strlen(text), NULL) != PG_OK)
        return 0;
    for (size_t i = 0; i < toks.n; i++) {
        char f[65];
        const pg_token *t = &toks.v[i];
        size_t fl = pg_fold(text + t->start, t->end - t->start, f, sizeof f);
        if (fl > 2 && f[fl - 2] == '\'' && f[fl - 1] == 's')
            fl -= 2;
        else if (fl > 1 && f[fl - 1] == '\'')
            fl -= 1;
        if (fl == 0 || (nt == 0 && fl == 3 && memcmp(f, "the", 3) == 0))
            continue;
        if (n + fl + 2 > cap)
            break;
        if (nt++ > 0)
            key[n++] = ' ';
        memcpy(key + n, f, fl);
        n += fl;
    }
    key[n] = '\0';
    pg_tokens_release(&toks);
    return n;
}

static int pg_is_slug(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || id[0] == '-' || id[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') ||
            (c == '-' && id[i + 1] == '-'))
            return 0;
    }
    return 1;
}

/* Names and aliases: one phrase, one actor, or the matcher names neither. */
static int pg_check_names(pg_checker *c, const pg_dict *d, pg_strmap *owners)
{
    char key[1024];
    for (size_t i = 0; i < pg_dict_size(d); i++) {
        const pg_actor *a = pg_dict_actor(d, i);
        for (size_t k = 0; k <= a->n_aliases; k++) {
            const char *phrase = k == 0 ? a->name : a->aliases[k - 1];
            size_t n = pg_phrase_key(phrase, key, sizeof key);
            if (n == 0)
                continue;
            long owner = pg_strmap_get(owners, key, n);
            if (owner < 0) {
                if (pg_strmap_put(owners, key, n, (long)i) != 0)
                    return -1;
            } else if (owner != (long)i) {
                pg_check_warn(c, a, "%s '%s' is also a name or alias of '%s' (the matcher names "
                              "neither)", k == 0 ? "name" : "alias", phrase,
                              pg_dict_actor(d, (size_t)owner)->id);
            }
        }
    }
    return 0;
}

typedef struct pg_held {
    long group; /* one description */
    size_t actor, role;
    pg_day from, to; /* open ends as the extremes */
} pg_held;

static int pg_by_group_from(const void *a, const void *b)
{
    const pg_held *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

static void pg_span(const pg_role *r, char *buf, size_t cap)
{
    char a[11], b[11];
    pg_day_format(r->from, a);
    pg_day_format(r->to, b);
    snprintf(buf, cap, "%s..%s", a[0] ? a : "open", b[0] ? b : "open");
}

/*
 * Descriptions: two holders on one day, other than the day of a hand-over,
 * or a description that is someone else's name.
 */
static int pg_check_descriptions(pg_checker *c, const pg_dict *d, const pg_strmap *owners)
{
    pg_strmap groups = {0}, said = {0};
    pg_held *held = NULL;
    size_t n_held = 0, cap_held = 0;
    char key[1024], pair[1100];
    int rc = -1;
    for (size_t i = 0; i < pg_dict_size(d); i++) {
        const pg_actor *a = pg_dict_actor(d, i);
        for (size_t r = 0; r < a->n_roles; r++) {
            const pg_role *role = &a->roles[r];
            for (size_t k = 0; k < role->n_descriptions; k++) {
                size_t n = pg_phrase_key(role->descriptions[k], key, sizeof key);
                if (n == 0)
                    continue;
                long owner = pg_strmap_get(owners, key, n);
                int len = snprintf(pair, sizeof pair, "%s\n%zu", key, i);
                if (owner >= 0 && owner != (long)i && pg_strmap_get(&said, pair, (size_t)len) < 0) {
                    if (pg_strmap_put(&said, pair, (size_t)len, 1) != 0)
                        goto out;
                    pg_check_warn(c, a, "description '%s' is a name or alias of '%s' (the name "
                                  "wins)", role->descriptions[k],
                                  pg_dict_actor(d, (size_t)owner)->id);
                }
                long g = pg_strmap_get(&groups, key, n);
                if (g < 0) {
                    g = (long)groups.n;
                    if (pg_strmap_put(&groups, key, n, g) != 0)
                        goto out;
                }
                if (n_held == cap_held) {
                    cap_held = cap_held ? cap_held * 2 : 256;
                    pg_held *v = realloc(held, cap_held * sizeof *v);
                    if (!v)
                        goto out;
                    held = v;
                }
                held[n_held++] = (pg_held){g, i, r, role->from,
                                           role->to == PG_DAY_NONE ? INT32_MAX : role->to};
            }
        }
    }
    if (n_held > 0)
        qsort(held, n_held, sizeof *held, pg_by_group_from);
    for (size_t x = 0; x < n_held; x++) {
        for (size_t y = x + 1; y < n_held && held[y].group == held[x].group; y++) {
            const pg_held *p = &held[x], *q = &held[y];
            if (q->from > p->to)
                break; /* sorted by start: no later one overlaps p either */
            if (q->actor == p->actor)
                continue;
            pg_day end = p->to < q->to ? p->to : q->to;
            if (end == q->from && q->from == p->to)
                continue; /* the day of a hand-over */
            const pg_actor *pa = pg_dict_actor(d, p->actor), *qa = pg_dict_actor(d, q->actor);
            const pg_role *pr = &pa->roles[p->role], *qr = &qa->roles[q->role];
            char ps[32], qs[32], day[11];
            pg_span(pr, ps, sizeof ps);
            pg_span(qr, qs, sizeof qs);
            /* the description as this actor wrote it */
            const char *desc = NULL;
            for (size_t k = 0; k < qr->n_descriptions && !desc; k++) {
                size_t n = pg_phrase_key(qr->descriptions[k], key, sizeof key);
                if (n > 0 && pg_strmap_get(&groups, key, n) == q->group)
                    desc = qr->descriptions[k];
            }
            pg_day_format(q->from, day);
            pg_check_warn(c, qa, "'%s' (%s) is also held by '%s' (%s) on the same days%s%s",
                          desc ? desc : "?", qs, pa->id, ps, day[0] ? ", from " : "", day);
        }
    }
    rc = 0;
out:
    free(held);
    pg_strmap_release(&groups);
    pg_strmap_release(&said);
    return rc;
}

static int pg_actors_check(int argc, char **argv)
{
    const char *files[PG_MAX_FILES];
    size_t n_files = 0;
    int builtin = 0;
    pg_args args;
    pg_args_init(&args, argc, argv, "actors check");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_check_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help("polgraph actors check [FILE.json]... [--builtin]",
                          "Loads JSON actor dictionaries (the built-in one when no FILE is\n"
                          "given) and reports what would make the matcher go wrong: a name or\n"
                          "alias of two actors, a description two actors hold on the same day\n"
                          "(other than the day of a hand-over), a description that is another\n"
                          "actor's name, an id that is not a lower-case slug, an unknown\n"
                          "country code. Exit 0 when clean, 1 with warnings, 2 when a file\n"
                          "does not load (bad JSON or schema, with its file and line).",
                          pg_check_opts);
            return PG_EXIT_OK;
        case PG_ARG_ERROR:
            return PG_EXIT_BAD;
        case PG_ARG_POSITIONAL:
            if (pg_add_file(files, &n_files, v, "check") != 0)
                return PG_EXIT_BAD;
            break;
        case OPT_BUILTIN:
            builtin = 1;
            break;
        }
    }
    if (n_files == 0)
        builtin = 1;
    pg_loaded l;
    pg_error err;
    pg_error_clear(&err);
    if (pg_load(&l, builtin, files, n_files, &err) != PG_OK) {
        pg_loaded_release(&l);
        return pg_fail_error(&err);
    }
    pg_checker c = {&l, 0};
    const pg_dict *d = l.dict;
    for (size_t i = 0; i < pg_dict_size(d); i++) {
        const pg_actor *a = pg_dict_actor(d, i);
        if (!pg_is_slug(a->id))
            pg_check_warn(&c, a, "id is not a lower-case slug (letters, digits, single hyphens)");
        if (a->country[0] && !pg_country_known(a->country))
            pg_check_warn(&c, a, "country '%s' is not an ISO 3166 alpha-3 code", a->country);
    }
    pg_strmap owners = {0};
    int rc = pg_check_names(&c, d, &owners);
    if (rc == 0)
        rc = pg_check_descriptions(&c, d, &owners);
    pg_strmap_release(&owners);
    size_t n = pg_dict_size(d);
    pg_loaded_release(&l);
    if (rc != 0) {
        pg_fail("out of memory");
        return PG_EXIT_BAD;
    }
    printf("%zu actors, %zu warning%s\n", n, c.warnings, c.warnings == 1 ? "" : "s");
    fflush(stdout);
    return c.warnings ? PG_EXIT_DIFFERENT : PG_EXIT_OK;
}

/* ------------------------------------------------------------------ */
/* import-cameo                                                        */
/* ------------------------------------------------------------------ */

enum { OPT_OUTPUT, OPT_STRICT, OPT_QUIET };

static const pg_option pg_import_opts[] = {
    [OPT_OUTPUT] = {"output", 'o', "FILE", "write the dictionary to FILE (default: standard output)"},
    [OPT_STRICT] = {"strict", 0, NULL, "make every warning an error"},
    [OPT_QUIET] = {"quiet", 'q', NULL, "no summary on standard error"},
    {NULL, 0, NULL, NULL},
};

static void pg_import_warn(void *ctx, const char *message)
{
    (void)ctx;
    pg_warn("%s", message);
}

static int pg_actors_import(int argc, char **argv)
{
    const char *output = "-";
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_in = 0;
    int strict = 0, quiet = 0, status = PG_EXIT_BAD;
    pg_cameo_json *json = NULL;
    pg_cameo *parser = NULL;
    char *text = NULL;
    size_t len = 0;
    pg_error err;
    pg_error_clear(&err);
    if (!inputs) {
        pg_fail("out of memory");
        return PG_EXIT_BAD;
    }
    pg_args args;
    pg_args_init(&args, argc, argv, "actors import-cameo");
    const char *v;
    int k;
    while ((k = pg_args_next(&args, pg_import_opts, &v)) != PG_ARG_END) {
        switch (k) {
        case PG_ARG_HELP:
            pg_print_help(
                "polgraph actors import-cameo FILE.actors... [-o actors.json] [--strict]",
                "Converts CAMEO actor dictionaries (the .actors text format of TABARI\n"
                "and PETRARCH) into a JSON actor dictionary for 'build --actors'.\n"
                "Each code line becomes a role titled with the code: 'A-B' holds from\n"
                "A to the day before B, '<D' up to D, '>D' from D on. Whether an\n"
                "actor is a person, an organization or a country is guessed from its\n"
                "codes and name. Lines that cannot be read are skipped with a warning\n"
                "(errors with --strict); records of one name become one actor.",
                pg_import_opts);
            status = PG_EXIT_OK;
            goto out;
        case PG_ARG_ERROR:
            goto out;
        case PG_ARG_POSITIONAL:
            inputs[n_in++] = v;
            break;
        case OPT_OUTPUT:
            output = v;
            break;
        case OPT_STRICT:
            strict = 1;
            break;
        case OPT_QUIET:
            quiet = 1;
            break;
        }
    }
    if (n_in == 0) {
        pg_fail("actors import-cameo: no input (see 'polgraph actors import-cameo --help')");
        goto out;
    }
    int rc = pg_cameo_json_new(&json, &err);
    pg_cameo_options opt = {strict, pg_cameo_json_add, pg_import_warn, json};
    if (rc == PG_OK)
        rc = pg_cameo_new(&parser, &opt, &err);
    for (size_t i = 0; i < n_in && rc == PG_OK; i++) {
        pg_cameo_stats before, after;
        pg_cameo_get_stats(parser, &before);
        rc = pg_cameo_read_file(parser, inputs[i], &err);
        pg_cameo_get_stats(parser, &after);
        if (rc == PG_OK && !quiet)
            fprintf(stderr,
                    "polgraph: %s: %zu records (persons %zu, organizations %zu, countries %zu), "
                    "aliases %zu, roles %zu, warnings %zu\n",
                    inputs[i], after.records - before.records,
                    after.kinds[PG_KIND_PERSON] - before.kinds[PG_KIND_PERSON],
                    after.kinds[PG_KIND_ORGANIZATION] - before.kinds[PG_KIND_ORGANIZATION],
                    after.kinds[PG_KIND_COUNTRY] - before.kinds[PG_KIND_COUNTRY],
                    after.aliases - before.aliases, after.roles - before.roles,
                    after.warnings - before.warnings);
    }
    if (rc == PG_OK)
        rc = pg_cameo_json_dump(json, &text, &len, &err);
    if (rc == PG_OK)
        rc = pg_write_file_atomic(output, text, len, &err);
    if (rc != PG_OK) {
        status = pg_fail_error(&err);
        goto out;
    }
    if (!quiet)
        fprintf(stderr, "polgraph: wrote %zu actors to %s (%zu records merged into an actor of "
                "the same name)\n", pg_cameo_json_size(json),
                strcmp(output, "-") == 0 ? "standard output" : output,
                pg_cameo_json_merged(json));
    status = PG_EXIT_OK;
out:
    free(text);
    pg_cameo_free(parser);
    pg_cameo_json_free(json);
    free(inputs);
    return status;
}

/* ------------------------------------------------------------------ */
/* actors                                                              */
/* ------------------------------------------------------------------ */

static const pg_command pg_actors_commands[] = {
    {"list", pg_actors_list, "list the actors of the dictionary build would use"},
    {"check", pg_actors_check, "report problems in JSON actor dictionaries"},
    {"import-cameo", pg_actors_import, "convert CAMEO .actors dictionaries to JSON"},
    {NULL, NULL, NULL},
};

static void pg_actors_usage(FILE *out)
{
    fprintf(out, "usage: polgraph actors <subcommand> [options]\n\nsubcommands:\n");
    for (const pg_command *c = pg_actors_commands; c->name; c++)
        fprintf(out, "  %-13s %s\n", c->name, c->summary);
    fprintf(out, "\n'polgraph actors <subcommand> --help' describes a subcommand.\n");
}

int pg_cmd_actors(int argc, char **argv)
{
    if (argc < 2) {
        pg_actors_usage(stderr);
        return PG_EXIT_BAD;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        pg_actors_usage(stdout);
        return PG_EXIT_OK;
    }
    for (const pg_command *c = pg_actors_commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0)
            return c->run(argc - 1, argv + 1);
    pg_fail("actors: '%s' is not a subcommand (see 'polgraph actors --help')", argv[1]);
    return PG_EXIT_BAD;
}
