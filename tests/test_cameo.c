#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_cameo.h"
#include "pg_dict.h"
#include "pg_text.h"

/* A record as the callback saw it, flattened for comparison. */
typedef struct rec {
    char id[128], name[256], country[4];
    pg_kind kind;
    char aliases[2048]; /* "a|b|c" */
    char roles[2048];   /* "CODE from..to|..." with "open" for no date */
} rec;

typedef struct got {
    rec v[16];
    size_t n;
    char warnings[4096];
    size_t n_warn;
} got;

static void cat(char *dst, size_t cap, const char *s)
{
    size_t n = strlen(dst);
    snprintf(dst + n, cap - n, "%s%s", n ? "|" : "", s);
}

static int on_record(void *ctx, const pg_actor *a, pg_error *err)
{
    (void)err;
    got *g = ctx;
    assert_true(g->n < 16);
    rec *r = &g->v[g->n++];
    memset(r, 0, sizeof *r);
    snprintf(r->id, sizeof r->id, "%s", a->id);
    snprintf(r->name, sizeof r->name, "%s", a->name);
    snprintf(r->country, sizeof r->country, "%s", a->country);
    r->kind = a->kind;
    for (size_t i = 0; i < a->n_aliases; i++)
        cat(r->aliases, sizeof r->aliases, a->aliases[i]);
    for (size_t i = 0; i < a->n_roles; i++) {
        char from[11], to[11], buf[96];
        pg_day_format(a->roles[i].from, from);
        pg_day_format(a->roles[i].to, to);
        snprintf(buf, sizeof buf, "%s %s..%s", a->roles[i].title, from[0] ? from : "open",
                 to[0] ? to : "open");
        cat(r->roles, sizeof r->roles, buf);
    }
    return PG_OK;
}

static void on_warn(void *ctx, const char *msg)
{
    got *g = ctx;
    size_t n = strlen(g->warnings);
    snprintf(g->warnings + n, sizeof g->warnings - n, "%s\n", msg);
    g->n_warn++;
}

static int parse(const char *text, int strict, got *g, pg_error *err)
{
    memset(g, 0, sizeof *g);
    pg_error_clear(err);
    pg_cameo_options opt = {strict, on_record, on_warn, g};
    pg_cameo *p = NULL;
    int rc = pg_cameo_new(&p, &opt, err);
    if (rc == PG_OK)
        rc = pg_cameo_read_mem(p, text, strlen(text), "t.actors", err);
    pg_cameo_free(p);
    return rc;
}

static void test_record(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "# Russia\n"
                       "VLADIMIR_PUTIN_  # CountryInfo.txt\n"
                       "+PUTIN_\n"
                       "+PRESIDENT_PUTIN_ \n"
                       "\n"
                       "\t[RUSELI 700101-990809]\n"
                       "\t[RUSGOV 991231-080507]\n"
                       "  [RUSGOV >20120507]\n"
                       "\t[RUSELI <19991230] # inclusive\n"
                       "\t[RUSELI]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.n_warn, 0);
    rec *r = &g.v[0];
    assert_string_equal(r->id, "vladimir-putin");
    assert_string_equal(r->name, "Vladimir Putin");
    assert_int_equal(r->kind, PG_KIND_PERSON);
    assert_string_equal(r->country, "RUS");
    assert_string_equal(r->aliases, "Putin|President Putin");
    /* "A-B" ends the day before B; "<D" and ">D" include D */
    assert_string_equal(r->roles, "RUSELI 1970-01-01..1999-08-08|"
                                  "RUSGOV 1999-12-31..2008-05-06|"
                                  "RUSGOV 2012-05-07..open|"
                                  "RUSELI open..1999-12-30|"
                                  "RUSELI open..open");
}

static void test_dates(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "JOHN_DOE_\n"
                       "\t[USAGOV 300101-300102]\n"     /* 30 is 2030 */
                       "\t[USAGOV 310101-310201]\n"     /* 31 is 1931 */
                       "\t[USAGOV 20240201-20240301]\n" /* a leap year */
                       "\t[USAGOV 991201-000101]\n";    /* across the century */
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.v[0].roles, "USAGOV 2030-01-01..2030-01-01|"
                                      "USAGOV 1931-01-01..1931-01-31|"
                                      "USAGOV 2024-02-01..2024-02-29|"
                                      "USAGOV 1999-12-01..1999-12-31");
}

static void test_comments_crlf_stop(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "# header\r\n"
                       "<!-- a PETRARCH comment\r\n"
                       "   over two lines -->\r\n"
                       "ANGELA_MERKEL_ # comment [DEUGOV]\r\n"
                       "+MERKEL\r\n"
                       "\t[DEUGOV 20051122-20211208]\r\n"
                       "\r\n"
                       "---STOP---\r\n"
                       "NOT_READ_ [USA]\r\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.v[0].name, "Angela Merkel");
    assert_string_equal(g.v[0].aliases, "Merkel");
    assert_string_equal(g.v[0].roles, "DEUGOV 2005-11-22..2021-12-07");
}

static void expect_error(const char *text, const char *where, const char *what)
{
    got g;
    pg_error err;
    assert_int_equal(parse(text, 0, &g, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, where));
    assert_non_null(strstr(err.msg, what));
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("# first\n+PUTIN_\n", "t.actors:2: ", "synonym");
    expect_error("# c\n\n\t[RUSGOV]\n", "t.actors:3: ", "before any name");
    expect_error("A_B\n+C_D\n\t[RUSGOV 990101-000101\n", "t.actors:3: ", "unterminated '['");
    expect_error("PRESIDENT [~GOV]\n", "t.actors:1: ", "agents");
    expect_error("# agents\n!PERSON! = MAN, MEN\n", "t.actors:2: ", "agents");
}

static void test_bad_lines(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "JOHN_DOE_\n"
                       "\t[USAGOV 990231-000101]\n"     /* 2: no 31 February */
                       "\t[USAGOV 19990101-20000101]\n" /* 3: good */
                       "\t[USAGOV 99-01]\n"             /* 4: too few digits */
                       "\t[USAGOV 20000101-19990101]\n" /* 5: ends before it starts */
                       "\t[usagov]\n"                   /* 6: not a code */
                       "\t[USAGOV 19990101]\n"          /* 7: read as the bare code */
                       "\t[USAGOV >201005011]\n"        /* 8: one digit too many */
                       "\t[USAGOV] trailing words\n";   /* 9: text after the codes */
    assert_int_equal(parse(text, 0, &g, &err), PG_OK);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.n_warn, 7);
    for (int line = 2; line <= 9; line++) {
        char where[32];
        snprintf(where, sizeof where, "t.actors:%d: ", line);
        if (line == 3)
            assert_null(strstr(g.warnings, where));
        else
            assert_non_null(strstr(g.warnings, where));
    }
    assert_string_equal(g.v[0].roles, "USAGOV 1999-01-01..1999-12-31|"
                                      "USAGOV open..open|"
                                      "USAGOV 2010-05-01..open");

    /* strict: the first of them is an error */
    assert_int_equal(parse(text, 1, &g, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "t.actors:2: "));
    assert_non_null(strstr(err.msg, "990231"));
}

static void test_utf8(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "# ok\nLIAMINE_Z\xe9ROUAL_\n\t[DZAGOV 940131-990427]\n";
    assert_int_equal(parse(text, 0, &g, &err), PG_OK);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.n_warn, 1);
    assert_non_null(strstr(g.warnings, "t.actors:2: invalid UTF-8"));
    assert_string_equal(g.v[0].name, "Liamine Z\xef\xbf\xbdroual"); /* U+FFFD */
    assert_int_equal(parse(text, 1, &g, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "t.actors:2: "));
}

static void test_kinds(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "FRANCE_ [FRA]\n+FRENCH_\n\n"
                       "GREEN_PARTY_ [DEUPTY]\n\n"
                       "ACME_WIDGETS_INC_ [MNCUSA]\n\n"
                       "UNITED_NATIONS_ [IGOUNO]\n\n"
                       "JOHN_SMITH_\n\t[GBRGOV 20100101-20150101]\n\n"
                       "ERGENEKON [TURELI]\n\n"
                       "DENG_XIAOPING_ [CHNELI]\n\n"
                       "USSR_ [USR]\n\n"
                       "KOSOVAR_PRIME_MINISTER_ [KSVGOV]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 9);
    struct {
        const char *name, *country;
        pg_kind kind;
    } want[] = {
        {"France", "FRA", PG_KIND_COUNTRY},
        {"Green Party", "DEU", PG_KIND_ORGANIZATION},
        {"Acme Widgets Inc", "USA", PG_KIND_ORGANIZATION}, /* MNC + country */
        {"United Nations", "", PG_KIND_ORGANIZATION},      /* IGO: no country */
        {"John Smith", "GBR", PG_KIND_PERSON},             /* a dated role */
        {"Ergenekon", "TUR", PG_KIND_ORGANIZATION},        /* one word, undated */
        {"Deng Xiaoping", "CHN", PG_KIND_PERSON},          /* ELI and two words */
        {"USSR", "SUN", PG_KIND_COUNTRY},                  /* CAMEO's USR */
        {"Kosovar Prime Minister", "XKX", PG_KIND_PERSON}, /* a title word */
    };
    for (size_t i = 0; i < 9; i++) {
        assert_string_equal(g.v[i].name, want[i].name);
        assert_string_equal(g.v[i].country, want[i].country);
        assert_int_equal(g.v[i].kind, want[i].kind);
    }
    assert_string_equal(g.v[0].aliases, "French");
}

static void test_names(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "BASHAR_AL-ASSAD_\n+AL-ASSAD\n+PRESIDENT_OF_SYRIA\n+U.S._FOE_ASSAD\n"
                       "\t[SYRGOV >000717]\n"
                       "MASSIMO_D'ALEMA_ [ITAGOV 980101-000101]\n"
                       "JOHN_MCCLOY__ [IGOUNODEVWBK 470301-490630]\n"
                       "BAHA'I_INTERNATIONAL_COMMUNITY_ [NGO]\n"
                       "CIA_ [USASPY]\n"
                       "SHIN_BET [ISRSPY]\n"
                       "UN_SECRETARY_GENERAL [IGOUNO]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 7);
    assert_string_equal(g.v[0].name, "Bashar al-Assad");
    assert_string_equal(g.v[0].id, "bashar-al-assad");
    assert_string_equal(g.v[0].aliases, "Al-Assad|President of Syria|U.S. Foe Assad");
    assert_string_equal(g.v[1].name, "Massimo D'Alema");
    assert_string_equal(g.v[1].id, "massimo-d-alema");
    assert_string_equal(g.v[2].name, "John McCloy");
    assert_string_equal(g.v[3].name, "Baha'i International Community");
    assert_string_equal(g.v[4].name, "CIA"); /* an organisation's short word */
    assert_string_equal(g.v[5].name, "Shin Bet");
    assert_string_equal(g.v[6].name, "UN Secretary General");
    assert_int_equal(g.v[6].kind, PG_KIND_PERSON);
}

static void test_ids_unique(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "JOSE_PEREZ_ [ESPGOV 20000101-20010101]\n"
                       "JOS\xc3\x89_PEREZ_ [ESPGOV 20010101-20020101]\n"
                       "JOSE-PEREZ [ESPGOV 20020101-20030101]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[0].id, "jose-perez");
    assert_string_equal(g.v[1].name, "Jos\xc3\xa9 Perez");
    assert_string_equal(g.v[1].id, "jose-perez-2");
    assert_string_equal(g.v[2].name, "Jose-Perez");
    assert_string_equal(g.v[2].id, "jose-perez-3");

    /* a slug with a number of its own is not given twice */
    text = "ANA_2 [ESPGOV 20000101-20010101]\n"
           "ANA [ESPGOV 20010101-20020101]\n"
           "ANA [ESPGOV 20020101-20030101]\n"
           "ANA [ESPGOV 20030101-20040101]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].id, "ana-2");
    assert_string_equal(g.v[1].id, "ana");
    assert_string_equal(g.v[2].id, "ana-3");
    assert_string_equal(g.v[3].id, "ana-4");
}

static void test_shared_codes(void **state)
{
    (void)state;
    got g;
    pg_error err;
    const char *text = "BORIS_YELTSIN_\n"
                       "PRESIDENT_BORIS_N._YELTSIN\n" /* a word in common: a synonym */
                       "\t[RUSGOV 910710-991231]\n"
                       "\n"
                       "SARAYAT_AL-QUDS\n"
                       "JUND_AL_AQSA\n" /* nothing in common: its own record, same code */
                       "\t[SYRREB]\n"
                       "U.N._\n"
                       "\n"
                       "UN_SECRETARY_GENERAL\n" /* after a blank line: no sharing */
                       "\t[IGOUNO]\n";
    assert_int_equal(parse(text, 1, &g, &err), PG_OK);
    assert_int_equal(g.n, 5);
    assert_string_equal(g.v[0].name, "Boris Yeltsin");
    assert_string_equal(g.v[0].aliases, "President Boris N. Yeltsin");
    assert_string_equal(g.v[0].roles, "RUSGOV 1991-07-10..1999-12-30");
    assert_string_equal(g.v[1].name, "Sarayat al-Quds");
    assert_string_equal(g.v[1].roles, "SYRREB open..open");
    assert_string_equal(g.v[2].name, "Jund al Aqsa");
    assert_string_equal(g.v[2].roles, "SYRREB open..open");
    assert_string_equal(g.v[3].name, "U.N.");
    assert_string_equal(g.v[3].roles, "");
    assert_string_equal(g.v[4].roles, "IGOUNO open..open");
}

static void test_json(void **state)
{
    (void)state;
    const char *text = "XI_JINPING_\n+PRESIDENT_XI\n\t[CHNGOV >20130314]\n"
                       "VLADIMIR_PUTIN_\n+PUTIN\n\t[RUSGOV 20120507-20240507]\n"
                       "XI_JINPING_\n+XI\n+PRESIDENT_XI\n\t[CHNGOV >20130314]\n\t[CHNELI]\n";
    char *json = NULL, *again = NULL;
    size_t len = 0, len2 = 0;
    pg_cameo_stats st;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_cameo_convert(text, strlen(text), "t.actors", NULL, &json, &len, &st,
                                      &err), PG_OK);
    assert_int_equal(st.records, 3);
    assert_int_equal(json[len - 1], '\n');
    assert_int_equal(pg_cameo_convert(text, strlen(text), "t.actors", NULL, &again, &len2, NULL,
                                      &err), PG_OK);
    assert_int_equal(len, len2);
    assert_memory_equal(json, again, len);
    free(again);
    /* keys sorted: aliases, country, id, kind, name, roles */
    char *a = strstr(json, "\"aliases\""), *i = strstr(json, "\"id\""), *r = strstr(json, "\"roles\"");
    assert_true(a && i && r && a < i && i < r);

    pg_dict *d = NULL;
    assert_int_equal(pg_dict_new(&d, &err), PG_OK);
    assert_int_equal(pg_dict_load_json(d, json, len, "out.json", &err), PG_OK);
    free(json);
    /* the second XI_JINPING_ record joined the first */
    assert_int_equal(pg_dict_size(d), 2);
    long xi = pg_dict_find(d, "xi-jinping"), putin = pg_dict_find(d, "vladimir-putin");
    assert_true(xi >= 0 && putin >= 0);
    const pg_actor *x = pg_dict_actor(d, (size_t)xi);
    assert_int_equal(x->n_aliases, 2); /* "President Xi", "Xi" */
    assert_int_equal(x->n_roles, 2);   /* the repeated CHNGOV once, then CHNELI */
    assert_string_equal(x->roles[1].title, "CHNELI");
    const pg_actor *p = pg_dict_actor(d, (size_t)putin);
    assert_int_equal(p->roles[0].from, pg_day_from_ymd(2012, 5, 7));
    assert_int_equal(p->roles[0].to, pg_day_from_ymd(2024, 5, 6));

    /* and the matcher finds them by name */
    const char *s = "Putin met Xi Jinping in Beijing.";
    pg_tokens toks = {0};
    pg_matches m = {0};
    assert_int_equal(pg_tokenize(&toks, s, strlen(s), &err), PG_OK);
    assert_int_equal(pg_dict_match(d, s, &toks, 0, toks.n, pg_day_from_ymd(2023, 3, 21), &m,
                                   &err), PG_OK);
    assert_int_equal(m.n, 2);
    assert_int_equal(m.v[0].actor, putin);
    assert_int_equal(m.v[1].actor, xi);
    pg_matches_release(&m);
    pg_tokens_release(&toks);
    pg_dict_free(d);
}

typedef struct phoenix {
    int putin_ok;
    size_t persons_with_roles;
} phoenix;

static int on_phoenix(void *ctx, const pg_actor *a, pg_error *err)
{
    (void)err;
    phoenix *ph = ctx;
    if (strcmp(a->id, "vladimir-putin") == 0 && a->kind == PG_KIND_PERSON &&
        strcmp(a->country, "RUS") == 0)
        for (size_t i = 0; i < a->n_roles; i++)
            if (strcmp(a->roles[i].title, "RUSGOV") == 0 &&
                a->roles[i].from == pg_day_from_ymd(2008, 5, 8) && a->roles[i].to == PG_DAY_NONE)
                ph->putin_ok = 1;
    return PG_OK;
}

/* The Phoenix dictionaries, when the shared data is there. */
static void test_phoenix(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/../shared/data/cameo/Phoenix.Countries.actors.txt",
             PG_SOURCE_DIR);
    FILE *f = fopen(path, "rb");
    if (!f)
        skip();
    fclose(f);
    phoenix ph = {0, 0};
    pg_cameo_options opt = {0, on_phoenix, NULL, &ph};
    pg_cameo *p = NULL;
    pg_error err;
    pg_error_clear(&err);
    assert_int_equal(pg_cameo_new(&p, &opt, &err), PG_OK);
    assert_int_equal(pg_cameo_read_file(p, path, &err), PG_OK);
    pg_cameo_stats st;
    pg_cameo_get_stats(p, &st);
    assert_true(st.records > 18000 && st.records < 19000);
    assert_true(st.kinds[PG_KIND_PERSON] > 17000);
    assert_true(st.kinds[PG_KIND_COUNTRY] > 150);
    assert_true(st.warnings > 0 && st.warnings < 50);
    assert_true(ph.putin_ok);

    /* an agents dictionary is refused */
    snprintf(path, sizeof path, "%s/../shared/data/cameo/Phoenix.agents.txt", PG_SOURCE_DIR);
    assert_int_equal(pg_cameo_read_file(p, path, &err), PG_EINPUT);
    assert_non_null(strstr(err.msg, "agents"));
    pg_cameo_free(p);
}

static void test_country_codes(void **state)
{
    (void)state;
    assert_true(pg_country_known("DEU"));
    assert_true(pg_country_known("ABW"));
    assert_true(pg_country_known("ZWE"));
    assert_true(pg_country_known("SUN"));
    assert_false(pg_country_known("IGO"));
    assert_false(pg_country_known("deu"));
    assert_false(pg_country_known("DE"));
    assert_false(pg_country_known(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_record),        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_comments_crlf_stop), cmocka_unit_test(test_errors),
        cmocka_unit_test(test_bad_lines),     cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_names),         cmocka_unit_test(test_ids_unique),
        cmocka_unit_test(test_shared_codes),  cmocka_unit_test(test_json),
        cmocka_unit_test(test_phoenix),       cmocka_unit_test(test_country_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
