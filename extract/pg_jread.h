#ifndef PG_JREAD_H
#define PG_JREAD_H

/*
 * Read-only JSON documents for loaders that read a whole tree once (the
 * actor dictionary, graphs): one pass over the text into one array of
 * nodes and one buffer of decoded strings, with no hashing and no
 * allocation per value. The parser takes a conservative subset of JSON and says
 * PG_JDOC_UNHANDLED for anything else; pg_jdoc_load then asks jansson,
 * so a document reads exactly as jansson (rejecting duplicate keys)
 * reads it, with jansson's error messages.
 *
 * The document owns its nodes and strings: they live until pg_jdoc_free.
 */

#include <stddef.h>
#include <stdint.h>

#include "pg_error.h"

/* pg_jdoc_parse: not in the subset it reads (not an error). */
#define PG_JDOC_UNHANDLED 1
/* Deeper nesting, or objects with more members, are left to jansson. */
#define PG_JDOC_DEPTH_MAX 64
#define PG_JDOC_MEMBERS_MAX 64

typedef enum pg_jtype {
    PG_JNULL = 0,
    PG_JBOOL,
    PG_JINTEGER,
    PG_JREAL,
    PG_JSTRING,
    PG_JARRAY,
    PG_JOBJECT,
} pg_jtype;

typedef struct pg_jdoc pg_jdoc;
typedef struct pg_jnode pg_jnode;

/*
 * Parses an array or object text. Returns PG_OK, PG_JDOC_UNHANDLED (then
 * *out is NULL) for invalid UTF-8, \u0000 or a lone surrogate, an integer
 * of more than 18 digits, a real too large for a double or written in
 * more than 63 bytes, nesting deeper than
 * PG_JDOC_DEPTH_MAX, an object with more than PG_JDOC_MEMBERS_MAX members
 * or a duplicate key, and any syntax error; or PG_ENOMEM.
 */
int pg_jdoc_parse(pg_jdoc **out, const char *json, size_t len, pg_error *err);

struct json_t;
/* The same document from a jansson tree (which stays the caller's). */
int pg_jdoc_from_jansson(pg_jdoc **out, struct json_t *root, pg_error *err);

/*
 * pg_jdoc_parse, or else jansson (JSON_REJECT_DUPLICATES): a text that
 * jansson refuses gives PG_EINPUT and "SOURCE:LINE:COL: what".
 */
int pg_jdoc_load(pg_jdoc **out, const char *json, size_t len, const char *source,
                 pg_error *err);

void pg_jdoc_free(pg_jdoc *doc);

/* The value of the four hex digits at s (of \uXXXX), or -1: for the other JSON readers too. */
long pg_jread_hex4(const unsigned char *s);

const pg_jnode *pg_jdoc_root(const pg_jdoc *doc);

/* Accessors accept NULL: a missing node is of no type and has no value. */
int pg_jnode_is(const pg_jnode *n, pg_jtype type);
pg_jtype pg_jnode_type(const pg_jnode *n); /* n not NULL */
/* The string (NUL-terminated, never holding NUL) and its length, or NULL. */
const char *pg_jnode_string(const pg_jnode *n, size_t *len);
int pg_jnode_bool(const pg_jnode *n);        /* 0 unless a true bool */
int64_t pg_jnode_integer(const pg_jnode *n); /* 0 unless an integer */
double pg_jnode_real(const pg_jnode *n);     /* 0 unless a real */
/* Elements of an array, members of an object, else 0. */
size_t pg_jnode_size(const pg_jnode *n);
/* Element i of an array, or NULL. */
const pg_jnode *pg_jnode_at(const pg_jnode *n, size_t i);
/* Member i of an object, in the text's order: its key (a string node) and value. */
const pg_jnode *pg_jnode_key_at(const pg_jnode *n, size_t i);
const pg_jnode *pg_jnode_value_at(const pg_jnode *n, size_t i);
/* The value of the object's member 'key', or NULL (also when n is no object). */
const pg_jnode *pg_jnode_get(const pg_jnode *n, const char *key);

#endif
