/*
 * A CAMEO .actors text from bytes, converted to dictionary JSON, leniently
 * and strictly. What converts must load as a dictionary and match.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_cameo.h"
#include "pg_dict.h"
#include "pg_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char pg_fuzz_text[] =
    "President Vladimir Putin of Russia met Boris Yeltsin and the Russian leader in Moscow.";

static void pg_on_warn(void *ctx, const char *message)
{
    (void)ctx;
    if (!message[0])
        abort();
}

static void pg_convert(const uint8_t *data, size_t size, int strict)
{
    pg_cameo_options opt;
    memset(&opt, 0, sizeof opt);
    opt.strict = strict;
    opt.warn = pg_on_warn;
    pg_error err;
    char *json = NULL;
    size_t len = 0;
    if (pg_cameo_convert((const char *)data, size, "fuzz.actors", &opt, &json, &len, NULL,
                         &err) != PG_OK) {
        if (!err.msg[0])
            abort(); /* a refusal says why */
        free(json);
        return;
    }
    pg_dict *dict = NULL;
    if (pg_dict_new(&dict, &err) != PG_OK)
        abort();
    if (pg_dict_load_json(dict, json, len, "converted.json", &err) != PG_OK ||
        pg_dict_prepare(dict, &err) != PG_OK) {
        fprintf(stderr, "converted dictionary does not load: %s\n%s\n", err.msg, json);
        abort();
    }
    pg_tokens toks = {0};
    pg_matches m = {0};
    if (pg_tokenize(&toks, pg_fuzz_text, strlen(pg_fuzz_text), &err) != PG_OK ||
        pg_dict_match(dict, pg_fuzz_text, &toks, 0, toks.n, pg_day_from_ymd(2005, 1, 1), &m,
                      &err) != PG_OK)
        abort();
    pg_matches_release(&m);
    pg_tokens_release(&toks);
    pg_dict_free(dict);
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pg_convert(data, size, 0);
    pg_convert(data, size, 1);
    return 0;
}
