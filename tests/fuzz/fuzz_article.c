/*
 * Article text as it comes, through UTF-8 repair, extraction with the
 * built-in dictionary and into a graph, which is then written as JSON.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_article.h"
#include "pg_extract.h"
#include "pg_graph.h"
#include "pg_json.h"
#include "pg_text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Loading the dictionary takes longer than one input: done once. */
static pg_dict *pg_fuzz_dict(void)
{
    static pg_dict *dict;
    pg_error err;
    if (!dict && (pg_dict_new_builtin(&dict, &err) != PG_OK ||
                  pg_dict_prepare(dict, &err) != PG_OK))
        abort();
    return dict;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const pg_dict *dict = pg_fuzz_dict();
    char *fixed = NULL;
    size_t len = 0, first_bad = 0;
    size_t repairs = pg_utf8_repair((const char *)data, size, &fixed, &len, &first_bad);
    if (repairs == SIZE_MAX)
        return 0;
    pg_article a;
    memset(&a, 0, sizeof a);
    a.id = "fuzz";
    a.source = "fuzz";
    a.date = PG_DAY_NONE;
    a.repairs = repairs;
    a.first_bad = first_bad;
    if (fixed) {
        a.text = fixed;
        a.len = len;
    } else {
        /* valid as it is; the extractor wants it NUL-terminated */
        a.text = malloc(size + 1);
        if (!a.text)
            return 0;
        memcpy(a.text, data, size);
        a.text[size] = '\0';
        a.len = size;
    }
    if (strlen(a.text) != a.len || pg_utf8_repair(a.text, a.len, NULL, NULL, NULL) != 0)
        abort(); /* the repair must leave valid UTF-8 without NUL bytes */

    pg_extract_options opt;
    pg_extract_options_init(&opt);
    opt.date = pg_day_from_ymd(2020, 6, 15);
    pg_error err;
    pg_doc *doc = NULL;
    pg_graph *g = NULL;
    if (pg_extract_article(dict, &a, &opt, &doc, &err) == PG_OK && pg_graph_new(&g, &err) == PG_OK &&
        pg_graph_add_doc(g, doc, &err) == PG_OK) {
        char *json = NULL;
        size_t json_len = 0;
        if (pg_json_write(g, &json, &json_len, &err) != PG_OK)
            abort(); /* text from the extractor is always writable */
        free(json);
    }
    pg_graph_free(g);
    pg_doc_free(doc);
    free(a.text);
    return 0;
}
