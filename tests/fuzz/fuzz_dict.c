/*
 * An actor dictionary from bytes; when it loads, it is prepared and
 * matched against a fixed sentence on two dates, from every token and
 * from the tokens pg_dict_starts lists, which must give the same.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_dict.h"
#include "pg_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char pg_fuzz_text[] =
    "WASHINGTON, Jan. 28, 2017 -- The German Chancellor Angela Merkel and US President "
    "Donald Trump spoke by phone; Merkel, Trump, the Kremlin, NATO and the Russian leader "
    "Putin (Vladimir Vladimirovich) met Biden-Xi in Moscow. O'Brien said: \"Mr. Smith\".";

static void pg_match_all(const pg_dict *dict, const pg_tokens *toks, pg_day date)
{
    pg_matches m;
    pg_error err;
    memset(&m, 0, sizeof m);
    if (pg_dict_match(dict, pg_fuzz_text, toks, 0, toks->n, date, &m, &err) != PG_OK)
        abort();
    for (size_t i = 0; i < m.n; i++) {
        const pg_match *x = &m.v[i];
        if (x->tok_begin >= x->tok_end || x->tok_end > toks->n ||
            (i > 0 && x->tok_begin < m.v[i - 1].tok_end) || x->actor < -1 ||
            x->actor >= (long)pg_dict_size(dict))
            abort(); /* matches are in order, inside the tokens, without overlaps */
    }
    uint32_t starts[256];
    size_t n_starts;
    pg_matches ms;
    memset(&ms, 0, sizeof ms);
    if (toks->n > sizeof starts / sizeof *starts ||
        pg_dict_starts(dict, pg_fuzz_text, toks, starts, &n_starts, &err) != PG_OK ||
        pg_dict_match_starts(dict, pg_fuzz_text, toks, 0, toks->n, starts, n_starts, date, &ms,
                             &err) != PG_OK)
        abort();
    if (ms.n != m.n)
        abort(); /* the listed tokens miss no match */
    for (size_t i = 0; i < m.n; i++)
        if (ms.v[i].tok_begin != m.v[i].tok_begin || ms.v[i].tok_end != m.v[i].tok_end ||
            ms.v[i].actor != m.v[i].actor || ms.v[i].type != m.v[i].type)
            abort();
    pg_matches_release(&ms);
    pg_matches_release(&m);
    for (size_t i = 0; i < toks->n; i++) {
        const pg_token *t = &toks->v[i];
        long a = pg_dict_lookup_word(dict, pg_fuzz_text + t->start, t->end - t->start, t->flags,
                                     date);
        if (a < -1 || a >= (long)pg_dict_size(dict))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static pg_tokens toks;
    pg_error err;
    if (!toks.n && pg_tokenize(&toks, pg_fuzz_text, strlen(pg_fuzz_text), &err) != PG_OK)
        abort();
    pg_dict *dict = NULL;
    if (pg_dict_new(&dict, &err) != PG_OK)
        abort();
    if (pg_dict_load_json(dict, (const char *)data, size, "fuzz.json", &err) == PG_OK) {
        if (pg_dict_prepare(dict, &err) == PG_OK) {
            pg_match_all(dict, &toks, pg_day_from_ymd(2017, 1, 28));
            pg_match_all(dict, &toks, pg_day_from_ymd(2023, 3, 14));
        }
    } else if (!err.msg[0]) {
        abort(); /* a rejected dictionary says why */
    }
    pg_dict_free(dict);
    return 0;
}
