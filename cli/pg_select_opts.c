#include "pg_select_opts.h"

#include <stdio.h>
#include <string.h>

#include "../extract/pg_dict.h"
#include "pg_cli.h"

void pg_select_opts_init(pg_select_opts *o)
{
    pg_select_init(&o->sel);
    o->top_given = 0;
    o->depth_given = 0;
}

/* "person,country" -> bits; -1 (reported) for an unknown kind. */
static int parse_kinds(const char *value, unsigned *out, const char *pre)
{
    unsigned kinds = 0;
    const char *p = value;
    for (;;) {
        size_t n = strcspn(p, ",");
        char word[32];
        pg_kind k;
        if (n == 0 || n >= sizeof word) {
            pg_fail("%s--kinds '%s': expected kinds separated by commas "
                    "(person, organization, country)", pre, value);
            return -1;
        }
        memcpy(word, p, n);
        word[n] = '\0';
        if (pg_kind_parse(word, &k) != 0) {
            pg_fail("%s--kinds: '%s' is not a kind (expected person, organization or country)",
                    pre, word);
            return -1;
        }
        kinds |= 1u << (unsigned)k;
        if (p[n] == '\0')
            break;
        p += n + 1;
    }
    *out = kinds;
    return 0;
}

static int parse_day(const char *value, pg_day *out, const char *option, const char *pre)
{
    pg_day d = strlen(value) == 10 ? pg_day_parse_iso(value, 10) : PG_DAY_NONE;
    if (d == PG_DAY_NONE) {
        pg_fail("%s--%s '%s': expected a date YYYY-MM-DD", pre, option, value);
        return -1;
    }
    *out = d;
    return 0;
}

int pg_select_option(pg_select_opts *o, const char *name, const char *value, const char *command)
{
    char pre[64];
    snprintf(pre, sizeof pre, "%s%s", command ? command : "", command ? ": " : "");
    pg_select *s = &o->sel;
    if (strcmp(name, "top") == 0) {
        unsigned long n;
        if (pg_parse_ulong(value, &n) != 0) {
            pg_fail("%s--top '%s': expected a non-negative whole number", pre, value);
            return -1;
        }
        s->top = (size_t)n;
        o->top_given = 1;
    } else if (strcmp(name, "top-by") == 0) {
        if (!pg_select_known(value, NULL)) {
            pg_fail("%s--top-by '%s': expected pagerank, betweenness, strength, degree, "
                    "closeness, harmonic, eigenvector, community, mentions or documents",
                    pre, value);
            return -1;
        }
        s->by = value;
    } else if (strcmp(name, "min-weight") == 0) {
        if (pg_parse_double(value, &s->min_weight) != 0) {
            pg_fail("%s--min-weight '%s': expected a number", pre, value);
            return -1;
        }
        s->has_min_weight = 1;
    } else if (strcmp(name, "kinds") == 0) {
        return parse_kinds(value, &s->kinds, pre) == 0 ? 1 : -1;
    } else if (strcmp(name, "ego") == 0) {
        if (!*value) {
            pg_fail("%s--ego needs an actor id", pre);
            return -1;
        }
        s->ego = value;
    } else if (strcmp(name, "depth") == 0) {
        if (pg_parse_ulong(value, &s->depth) != 0) {
            pg_fail("%s--depth '%s': expected a non-negative whole number", pre, value);
            return -1;
        }
        o->depth_given = 1;
    } else if (strcmp(name, "since") == 0) {
        return parse_day(value, &s->since, name, pre) == 0 ? 1 : -1;
    } else if (strcmp(name, "until") == 0) {
        return parse_day(value, &s->until, name, pre) == 0 ? 1 : -1;
    } else {
        return 0;
    }
    return 1;
}

int pg_select_opts_check(const pg_select_opts *o, const char *command)
{
    const pg_select *s = &o->sel;
    char pre[64];
    snprintf(pre, sizeof pre, "%s%s", command ? command : "", command ? ": " : "");
    if (o->depth_given && !s->ego) {
        pg_fail("%s--depth needs --ego", pre);
        return -1;
    }
    if (s->since != PG_DAY_NONE && s->until != PG_DAY_NONE && s->since > s->until) {
        pg_fail("%s--since is after --until: no day is in the range", pre);
        return -1;
    }
    return 0;
}

int pg_select_opts_apply(const pg_select_opts *o, pg_graph *g, unsigned long seed, pg_graph **out,
                         pg_error *err)
{
    *out = NULL;
    if (!pg_select_active(&o->sel))
        return PG_OK;
    int rc = pg_select_apply(g, &o->sel, seed, out, err);
    if (rc == PG_OK && (*out)->n_nodes == 0)
        pg_warn("the selection holds no actor");
    return rc;
}
