/*
 * Graph JSON from bytes. What reads must write, read back, and write the
 * same bytes again: the written form is canonical. Merging it twice must
 * work, or be refused as bad input when the counts overflow.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pg_graph.h"
#include "pg_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    pg_graph *g = NULL, *g2 = NULL;
    pg_error err;
    char *out1 = NULL, *out2 = NULL;
    size_t len1 = 0, len2 = 0;
    if (pg_json_read((const char *)data, size, "fuzz.json", &g, &err) != PG_OK) {
        if (!err.msg[0] || g)
            abort();
        return 0;
    }
    if (pg_json_write(g, &out1, &len1, &err) != PG_OK) {
        /* what the reader accepts, the writer must take */
        fprintf(stderr, "graph read but not written: %s\n", err.msg);
        abort();
    }
    if (pg_json_read(out1, len1, "written.json", &g2, &err) != PG_OK) {
        fprintf(stderr, "written graph does not read back: %s\n%s\n", err.msg, out1);
        abort();
    }
    if (pg_json_write(g2, &out2, &len2, &err) != PG_OK) {
        fprintf(stderr, "written graph does not write again: %s\n", err.msg);
        abort();
    }
    if (len1 != len2 || memcmp(out1, out2, len1) != 0) {
        fprintf(stderr, "not canonical:\n%s\n----\n%s\n", out1, out2);
        abort();
    }
    /* the graph merged twice: refused when the counts overflow, else writable */
    pg_graph *sum = NULL;
    char *out3 = NULL;
    int rc = pg_graph_new(&sum, &err);
    if (rc == PG_OK)
        rc = pg_graph_merge(sum, g, &err);
    if (rc == PG_OK)
        rc = pg_graph_merge(sum, g2, &err);
    if (rc == PG_OK)
        rc = pg_json_write(sum, &out3, &len1, &err);
    if (rc != PG_OK && rc != PG_EINPUT) {
        fprintf(stderr, "merge failed: %s\n", err.msg);
        abort();
    }
    free(out3);
    pg_graph_free(sum);
    free(out1);
    free(out2);
    pg_graph_free(g);
    pg_graph_free(g2);
    return 0;
}
