/*
 * Inputs that the fuzz targets (tests/fuzz/) once broke, kept as unit
 * tests beside the seed corpora in fixtures/fuzz/: each states the
 * property the target checks.
 */

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

typedef struct warnings {
    size_t n;
    char last[1024];
} warnings;

static void on_warn(void *ctx, const char *message)
{
    warnings *w = ctx;
    w->n++;
    snprintf(w->last, sizeof w->last, "%s", message);
}

/*
 * A CAMEO name line of separators only gave an actor with an empty name,
 * which the dictionary loader then refused: what the importer writes must
 * load. The line is skipped with a warning, and so are its codes.
 */
static void test_cameo_nameless_line(void **state)
{
    (void)state;
    static const char text[] = "_ [USAGOV]\n"
                               "  __  \n"
                               "\t[USAGOV 20090120-20170120]\n"
                               "BARACK_OBAMA_ [USAGOV 20090120-20170120]\n";
    warnings w = {0};
    pg_cameo_options opt = {0};
    opt.warn = on_warn;
    opt.ctx = &w;
    pg_error err;
    char *json = NULL;
    size_t len = 0;
    assert_int_equal(pg_cameo_convert(text, strlen(text), "t.actors", &opt, &json, &len, NULL,
                                      &err),
                     PG_OK);
    assert_int_equal(w.n, 2);
    assert_non_null(strstr(w.last, "t.actors:2: "));

    pg_dict *dict = NULL;
    assert_int_equal(pg_dict_new(&dict, &err), PG_OK);
    assert_int_equal(pg_dict_load_json(dict, json, len, "converted.json", &err), PG_OK);
    assert_int_equal(pg_dict_size(dict), 1);
    const pg_actor *a = pg_dict_actor(dict, 0);
    assert_string_equal(a->name, "Barack Obama");
    assert_int_equal(a->n_roles, 1); /* the nameless lines' codes are not Obama's */
    pg_dict_free(dict);
    free(json);

    /* strict: the first such line is an error naming it */
    opt.strict = 1;
    json = NULL;
    assert_int_equal(pg_cameo_convert(text, strlen(text), "t.actors", &opt, &json, &len, NULL,
                                      &err),
                     PG_EINPUT);
    assert_non_null(strstr(err.msg, "t.actors:1: "));
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cameo_nameless_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL) ? 1 : 0;
}
