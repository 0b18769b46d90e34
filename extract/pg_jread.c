#include "pg_jread.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pg_swar.h"
#include "pg_text.h"

struct pg_jnode {
    pg_jtype type;
    size_t n; /* bytes of a string, elements of an array, members of an object */
    union {
        size_t at;            /* while building: offset of the string or of the first child */
        const char *s;        /* strings */
        const pg_jnode *kids; /* arrays: elements; objects: key, value, key, value, ... */
        int64_t i;            /* integers, and bools as 0 or 1 */
        double r;             /* reals */
    } v;
};

struct pg_jdoc {
    pg_jnode *nodes;
    char *str;
    const pg_jnode *root;
};

/* ------------------------------------------------------------------ */
/* Building                                                            */
/* ------------------------------------------------------------------ */

/*
 * Values wait on a stack until their array or object closes; then they
 * move to 'nodes' side by side, so that a container finds its children
 * at one offset, and each value is copied once.
 */
typedef struct pg_jbuild {
    pg_jnode *stack; /* values of the open arrays and objects, innermost last */
    size_t n_stack, cap_stack;
    pg_jnode *nodes; /* children of the closed ones, each one's together */
    size_t n_nodes, cap_nodes;
    char *str; /* decoded strings, each NUL-terminated */
    size_t n_str, cap_str;
} pg_jbuild;

static void pg_jb_release(pg_jbuild *b)
{
    free(b->stack);
    free(b->nodes);
    free(b->str);
    memset(b, 0, sizeof *b);
}

/*
 * v (of *cap items of 'size' bytes, n used) grown for 'more' items
 * more, or NULL (then v is as it was).
 */
static void *pg_jb_grow(void *v, size_t *cap, size_t n, size_t more, size_t size)
{
    size_t want = *cap ? *cap : 64;
    while (want - n < more) {
        if (want > SIZE_MAX / 2 / size)
            return NULL;
        want *= 2;
    }
    void *p = realloc(v, want * size);
    if (p)
        *cap = want;
    return p;
}

static int pg_jb_room(pg_jbuild *b, size_t more)
{
    if (more <= b->cap_nodes - b->n_nodes)
        return PG_OK;
    pg_jnode *v = pg_jb_grow(b->nodes, &b->cap_nodes, b->n_nodes, more, sizeof *v);
    if (!v)
        return PG_ENOMEM;
    b->nodes = v;
    return PG_OK;
}

static int pg_jb_push(pg_jbuild *b, pg_jnode node)
{
    if (b->n_stack == b->cap_stack) {
        pg_jnode *v = pg_jb_grow(b->stack, &b->cap_stack, b->n_stack, 1, sizeof *v);
        if (!v)
            return PG_ENOMEM;
        b->stack = v;
    }
    b->stack[b->n_stack++] = node;
    return PG_OK;
}

/* Closes the array or object whose children are the stack from 'mark' on. */
static int pg_jb_close(pg_jbuild *b, size_t mark, pg_jtype type)
{
    size_t k = b->n_stack - mark;
    if (pg_jb_room(b, k) != PG_OK)
        return PG_ENOMEM;
    if (k > 0)
        memcpy(b->nodes + b->n_nodes, b->stack + mark, k * sizeof *b->nodes);
    pg_jnode node = {type, type == PG_JOBJECT ? k / 2 : k, {.at = b->n_nodes}};
    b->n_nodes += k;
    b->n_stack = mark;
    return pg_jb_push(b, node);
}

/* Copies a string into the buffer (which grows) and pushes its node. */
static int pg_jb_string(pg_jbuild *b, const char *s, size_t len)
{
    if (len + 1 > b->cap_str - b->n_str) {
        char *v = pg_jb_grow(b->str, &b->cap_str, b->n_str, len + 1, 1);
        if (!v)
            return PG_ENOMEM;
        b->str = v;
    }
    memcpy(b->str + b->n_str, s, len);
    b->str[b->n_str + len] = '\0';
    pg_jnode node = {PG_JSTRING, len, {.at = b->n_str}};
    b->n_str += len + 1;
    return pg_jb_push(b, node);
}

/* The one value left on the stack is the root: offsets become pointers. */
static int pg_jb_finish(pg_jbuild *b, pg_jdoc **out)
{
    pg_jdoc *doc = malloc(sizeof *doc);
    if (!doc || pg_jb_room(b, 1) != PG_OK) {
        free(doc);
        return PG_ENOMEM;
    }
    b->nodes[b->n_nodes++] = b->stack[0];
    for (size_t i = 0; i < b->n_nodes; i++) {
        pg_jnode *n = &b->nodes[i];
        size_t at = n->v.at;
        if (n->type == PG_JSTRING)
            n->v.s = b->str + at;
        else if (n->type == PG_JARRAY || n->type == PG_JOBJECT)
            n->v.kids = b->nodes + at;
    }
    doc->nodes = b->nodes;
    doc->str = b->str;
    doc->root = &b->nodes[b->n_nodes - 1];
    b->nodes = NULL;
    b->str = NULL;
    pg_jb_release(b);
    *out = doc;
    return PG_OK;
}

/* ------------------------------------------------------------------ */
/* Parsing the subset                                                  */
/* ------------------------------------------------------------------ */

typedef struct pg_jparser {
    const unsigned char *p, *end;
    pg_jbuild b;
} pg_jparser;

static int pg_jp_value(pg_jparser *p, int depth);

static void pg_jp_space(pg_jparser *p)
{
    const unsigned char *s = p->p, *end = p->end;
    /* most calls find a token at once: no byte above ' ' is white space */
    if (s == end || *s > ' ')
        return;
    while (s < end && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')) {
        s++;
#if PG_SWAR_LE
        /* indentation: the spaces of a word at once */
        while (end - s >= 8) {
            uint64_t w = pg_swar_load(s) ^ (PG_SWAR_ONES * ' ');
            if (w) {
                s += pg_swar_first(w); /* the first byte that is no space */
                break;
            }
            s += 8;
        }
#endif
    }
    p->p = s;
}

/* The four hex digits at s (there are four bytes), or -1. */
long pg_jread_hex4(const unsigned char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i], d;
        if (c - '0' < 10u)
            d = c - '0';
        else if ((c | 0x20) - 'a' < 6u)
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        v = v * 16 + (long)d;
    }
    return v;
}

/*
 * \uXXXX at s (6 bytes there), and its low surrogate when it is a high
 * one. \u0000 and lone surrogates are jansson's errors: not handled.
 */
static int pg_jp_unicode(pg_jparser *p, const unsigned char **s, char **o)
{
    long cp = pg_jread_hex4(*s + 2);
    if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF))
        return PG_JDOC_UNHANDLED;
    *s += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
        const unsigned char *t = *s;
        long lo = p->end - t >= 6 && t[0] == '\\' && t[1] == 'u' ? pg_jread_hex4(t + 2) : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            return PG_JDOC_UNHANDLED;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        *s += 6;
    }
    *o += pg_utf8_encode((uint32_t)cp, (unsigned char *)*o);
    return PG_OK;
}

/*
 * The bytes of w that end a plain run of a string (" \\ or a control
 * character) have their high bit set in the result, the first of them
 * exactly (a borrow may mark bytes after it); 0 when there are none.
 */
static inline uint64_t pg_jp_special(uint64_t w)
{
    return pg_swar_eq(w, '"') | pg_swar_eq(w, '\\') | pg_swar_below(w, 0x20);
}

/*
 * A string at p->p (its opening quote), decoded into the buffer, which
 * has room: the decoded bytes and their NUL take no more than the quoted
 * text does.
 */
static int pg_jp_string(pg_jparser *p, pg_jnode *node)
{
    const unsigned char *s = p->p + 1, *end = p->end;
    char *start = p->b.str + p->b.n_str, *o = start;
    for (;;) {
        /* o is behind s: a word read from before 'end' is written before the buffer's end */
        while (end - s >= 8) {
            uint64_t w = pg_swar_load(s);
            memcpy(o, &w, 8);
            uint64_t special = pg_jp_special(w);
            if (special) {
#if PG_SWAR_LE
                /* the bytes before the first special one are copied already */
                size_t k = pg_swar_first(special);
                s += k;
                o += k;
#endif
                break;
            }
            s += 8;
            o += 8;
        }
        while (s < end && *s >= 0x20 && *s != '"' && *s != '\\')
            *o++ = (char)*s++;
        if (s == end || *s < 0x20)
            return PG_JDOC_UNHANDLED;
        if (*s == '"')
            break;
        if (end - s < 2)
            return PG_JDOC_UNHANDLED;
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *e = s[1] ? strchr(from, s[1]) : NULL;
        if (e) {
            *o++ = to[e - from];
            s += 2;
        } else if (s[1] != 'u' || end - s < 6 || pg_jp_unicode(p, &s, &o) != PG_OK) {
            return PG_JDOC_UNHANDLED;
        }
    }
    *o = '\0';
    *node = (pg_jnode){PG_JSTRING, (size_t)(o - start), {.at = p->b.n_str}};
    p->b.n_str += (size_t)(o - start) + 1;
    p->p = s + 1;
    return PG_OK;
}

/* The end of a run of digits from s, not past end. */
static const unsigned char *pg_jp_digits(const unsigned char *s, const unsigned char *end)
{
    while (s < end && (unsigned)(*s - '0') < 10u)
        s++;
    return s;
}

/* Bytes of a real's text read here; a longer one is left to jansson. */
#define PG_JP_REAL_MAX 63

/*
 * Integers of at most 18 digits: they fit in int64_t and jansson reads
 * them alike. Reals of JSON's grammar: strtod gives the nearest double,
 * as jansson's does (in the C locale, which polgraph keeps); one too
 * large for a double is jansson's error to tell.
 */
static int pg_jp_number(pg_jparser *p, pg_jnode *node)
{
    const unsigned char *s = p->p, *end = p->end;
    int neg = *s == '-';
    s += neg;
    const unsigned char *digits = s;
    s = pg_jp_digits(s, end);
    if (s == digits || (s - digits > 1 && *digits == '0'))
        return PG_JDOC_UNHANDLED;
    if (s < end && (*s == '.' || *s == 'e' || *s == 'E')) {
        if (*s == '.') {
            const unsigned char *frac = ++s;
            s = pg_jp_digits(s, end);
            if (s == frac)
                return PG_JDOC_UNHANDLED;
        }
        if (s < end && (*s == 'e' || *s == 'E')) {
            s += s + 1 < end && (s[1] == '+' || s[1] == '-') ? 2 : 1;
            const unsigned char *exp = s;
            s = pg_jp_digits(s, end);
            if (s == exp)
                return PG_JDOC_UNHANDLED;
        }
        char buf[PG_JP_REAL_MAX + 1];
        size_t n = (size_t)(s - p->p);
        if (n > PG_JP_REAL_MAX)
            return PG_JDOC_UNHANDLED;
        memcpy(buf, p->p, n);
        buf[n] = '\0';
        double r = strtod(buf, NULL);
        if (isinf(r))
            return PG_JDOC_UNHANDLED;
        *node = (pg_jnode){PG_JREAL, 0, {.r = r}};
        p->p = s;
        return PG_OK;
    }
    if (s - digits > 18)
        return PG_JDOC_UNHANDLED;
    int64_t v = 0;
    for (const unsigned char *d = digits; d < s; d++)
        v = v * 10 + (*d - '0');
    *node = (pg_jnode){PG_JINTEGER, 0, {.i = neg ? -v : v}};
    p->p = s;
    return PG_OK;
}

static int pg_jp_literal(pg_jparser *p, const char *word, pg_jnode node, pg_jnode *out)
{
    size_t n = strlen(word);
    if ((size_t)(p->end - p->p) < n || memcmp(p->p, word, n) != 0)
        return PG_JDOC_UNHANDLED;
    p->p += n;
    *out = node;
    return PG_OK;
}

/*
 * After an element or a member: past the comma (*closed 0) or past the
 * array's or object's 'close' (*closed 1), blanks included.
 */
static int pg_jp_next(pg_jparser *p, char close, int *closed)
{
    pg_jp_space(p);
    if (p->p == p->end || (*p->p != close && *p->p != ','))
        return PG_JDOC_UNHANDLED;
    *closed = *p->p++ == close;
    pg_jp_space(p);
    return PG_OK;
}

static int pg_jp_array(pg_jparser *p, int depth)
{
    if (depth > PG_JDOC_DEPTH_MAX)
        return PG_JDOC_UNHANDLED;
    size_t mark = p->b.n_stack;
    p->p++;
    pg_jp_space(p);
    if (p->p < p->end && *p->p == ']') {
        p->p++;
        return pg_jb_close(&p->b, mark, PG_JARRAY);
    }
    for (int closed = 0; !closed;) {
        int rc = pg_jp_value(p, depth);
        if (rc == PG_OK)
            rc = pg_jp_next(p, ']', &closed);
        if (rc != PG_OK)
            return rc;
    }
    return pg_jb_close(&p->b, mark, PG_JARRAY);
}

/* Keys on the stack from 'mark' on, every other node: is one there twice? */
static int pg_jp_duplicate(const pg_jbuild *b, size_t mark)
{
    for (size_t i = mark; i < b->n_stack; i += 2)
        for (size_t j = mark; j < i; j += 2)
            if (b->stack[i].n == b->stack[j].n &&
                memcmp(b->str + b->stack[i].v.at, b->str + b->stack[j].v.at, b->stack[i].n) == 0)
                return 1;
    return 0;
}

static int pg_jp_object(pg_jparser *p, int depth)
{
    if (depth > PG_JDOC_DEPTH_MAX)
        return PG_JDOC_UNHANDLED;
    size_t mark = p->b.n_stack;
    p->p++;
    pg_jp_space(p);
    if (p->p < p->end && *p->p == '}') {
        p->p++;
        return pg_jb_close(&p->b, mark, PG_JOBJECT);
    }
    int closed = 0;
    for (size_t members = 1; !closed; members++) {
        /* the duplicate check is quadratic in the members */
        if (members > PG_JDOC_MEMBERS_MAX || p->p == p->end || *p->p != '"')
            return PG_JDOC_UNHANDLED;
        pg_jnode key;
        int rc = pg_jp_string(p, &key);
        if (rc == PG_OK)
            rc = pg_jb_push(&p->b, key);
        if (rc != PG_OK)
            return rc;
        pg_jp_space(p);
        if (p->p == p->end || *p->p != ':')
            return PG_JDOC_UNHANDLED;
        p->p++;
        pg_jp_space(p);
        rc = pg_jp_value(p, depth);
        if (rc == PG_OK)
            rc = pg_jp_next(p, '}', &closed);
        if (rc != PG_OK)
            return rc;
    }
    if (pg_jp_duplicate(&p->b, mark))
        return PG_JDOC_UNHANDLED;
    return pg_jb_close(&p->b, mark, PG_JOBJECT);
}

/* A value at p->p; 'depth' arrays and objects are open around it. */
static int pg_jp_value(pg_jparser *p, int depth)
{
    if (p->p == p->end)
        return PG_JDOC_UNHANDLED;
    pg_jnode node = {PG_JNULL, 0, {.i = 0}};
    int rc;
    switch (*p->p) {
    case '{':
        return pg_jp_object(p, depth + 1);
    case '[':
        return pg_jp_array(p, depth + 1);
    case '"':
        rc = pg_jp_string(p, &node);
        break;
    case 't':
        rc = pg_jp_literal(p, "true", (pg_jnode){PG_JBOOL, 0, {.i = 1}}, &node);
        break;
    case 'f':
        rc = pg_jp_literal(p, "false", (pg_jnode){PG_JBOOL, 0, {.i = 0}}, &node);
        break;
    case 'n':
        rc = pg_jp_literal(p, "null", (pg_jnode){PG_JNULL, 0, {.i = 0}}, &node);
        break;
    default:
        rc = pg_jp_number(p, &node);
        break;
    }
    if (rc != PG_OK)
        return rc;
    return pg_jb_push(&p->b, node);
}

int pg_jdoc_parse(pg_jdoc **out, const char *json, size_t len, pg_error *err)
{
    *out = NULL;
    /* jansson refuses invalid UTF-8 anywhere, and NUL bytes */
    if (!json || len == 0 || pg_utf8_repair(json, len, NULL, NULL, NULL) != 0)
        return PG_JDOC_UNHANDLED;
    pg_jparser p = {(const unsigned char *)json, (const unsigned char *)json + len, {0}};
    p.b.str = malloc(len + 1);
    if (!p.b.str)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    p.b.cap_str = len + 1;
    pg_jp_space(&p);
    /* jansson (without JSON_DECODE_ANY) wants an array or an object */
    int rc = PG_JDOC_UNHANDLED;
    if (p.p < p.end && (*p.p == '[' || *p.p == '{'))
        rc = pg_jp_value(&p, 0);
    if (rc == PG_OK) {
        pg_jp_space(&p);
        if (p.p != p.end)
            rc = PG_JDOC_UNHANDLED;
    }
    if (rc == PG_OK)
        rc = pg_jb_finish(&p.b, out);
    pg_jb_release(&p.b);
    if (rc == PG_ENOMEM)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    return rc;
}

/* ------------------------------------------------------------------ */
/* From jansson                                                        */
/* ------------------------------------------------------------------ */

static int pg_jb_from_json(pg_jbuild *b, json_t *v)
{
    pg_jnode node = {PG_JNULL, 0, {.i = 0}};
    size_t mark = b->n_stack;
    int rc = PG_OK;
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        const char *key;
        json_t *value;
        json_object_foreach(v, key, value)
        {
            rc = pg_jb_string(b, key, strlen(key));
            if (rc == PG_OK)
                rc = pg_jb_from_json(b, value);
            if (rc != PG_OK)
                return rc;
        }
        return pg_jb_close(b, mark, PG_JOBJECT);
    }
    case JSON_ARRAY:
        for (size_t i = 0; i < json_array_size(v) && rc == PG_OK; i++)
            rc = pg_jb_from_json(b, json_array_get(v, i));
        return rc == PG_OK ? pg_jb_close(b, mark, PG_JARRAY) : rc;
    case JSON_STRING:
        return pg_jb_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        node.type = PG_JINTEGER;
        node.v.i = (int64_t)json_integer_value(v);
        break;
    case JSON_REAL:
        node.type = PG_JREAL;
        node.v.r = json_real_value(v);
        break;
    case JSON_TRUE:
    case JSON_FALSE:
        node.type = PG_JBOOL;
        node.v.i = json_is_true(v);
        break;
    case JSON_NULL:
        break;
    }
    return pg_jb_push(b, node);
}

int pg_jdoc_from_jansson(pg_jdoc **out, struct json_t *root, pg_error *err)
{
    pg_jbuild b = {0};
    *out = NULL;
    int rc = pg_jb_from_json(&b, root);
    if (rc == PG_OK)
        rc = pg_jb_finish(&b, out);
    pg_jb_release(&b);
    if (rc != PG_OK)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    return PG_OK;
}

int pg_jdoc_load(pg_jdoc **out, const char *json, size_t len, const char *source,
                 pg_error *err)
{
    int rc = pg_jdoc_parse(out, json, len, err);
    if (rc != PG_JDOC_UNHANDLED)
        return rc;
    json_error_t jerr;
    json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root && json_error_code(&jerr) == json_error_out_of_memory)
        return pg_error_set(err, PG_ENOMEM, "%s: out of memory", source);
    if (!root)
        return pg_error_set(err, PG_EINPUT, "%s:%d:%d: %s", source, jerr.line, jerr.column,
                            jerr.text);
    rc = pg_jdoc_from_jansson(out, root, err);
    json_decref(root);
    return rc;
}

void pg_jdoc_free(pg_jdoc *doc)
{
    if (!doc)
        return;
    free(doc->nodes);
    free(doc->str);
    free(doc);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */
/* ------------------------------------------------------------------ */

const pg_jnode *pg_jdoc_root(const pg_jdoc *doc)
{
    return doc ? doc->root : NULL;
}

int pg_jnode_is(const pg_jnode *n, pg_jtype type)
{
    return n && n->type == type;
}

pg_jtype pg_jnode_type(const pg_jnode *n)
{
    return n->type;
}

const char *pg_jnode_string(const pg_jnode *n, size_t *len)
{
    int is = pg_jnode_is(n, PG_JSTRING);
    if (len)
        *len = is ? n->n : 0;
    return is ? n->v.s : NULL;
}

int pg_jnode_bool(const pg_jnode *n)
{
    return pg_jnode_is(n, PG_JBOOL) && n->v.i;
}

int64_t pg_jnode_integer(const pg_jnode *n)
{
    return pg_jnode_is(n, PG_JINTEGER) ? n->v.i : 0;
}

double pg_jnode_real(const pg_jnode *n)
{
    return pg_jnode_is(n, PG_JREAL) ? n->v.r : 0.0;
}

size_t pg_jnode_size(const pg_jnode *n)
{
    return pg_jnode_is(n, PG_JARRAY) || pg_jnode_is(n, PG_JOBJECT) ? n->n : 0;
}

const pg_jnode *pg_jnode_at(const pg_jnode *n, size_t i)
{
    return pg_jnode_is(n, PG_JARRAY) && i < n->n ? &n->v.kids[i] : NULL;
}

const pg_jnode *pg_jnode_key_at(const pg_jnode *n, size_t i)
{
    return pg_jnode_is(n, PG_JOBJECT) && i < n->n ? &n->v.kids[2 * i] : NULL;
}

const pg_jnode *pg_jnode_value_at(const pg_jnode *n, size_t i)
{
    return pg_jnode_is(n, PG_JOBJECT) && i < n->n ? &n->v.kids[2 * i + 1] : NULL;
}

const pg_jnode *pg_jnode_get(const pg_jnode *n, const char *key)
{
    if (!pg_jnode_is(n, PG_JOBJECT))
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < n->n; i++) {
        const pg_jnode *k = &n->v.kids[2 * i];
        if (k->n == len && memcmp(k->v.s, key, len) == 0)
            return k + 1;
    }
    return NULL;
}
