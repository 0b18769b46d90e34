#ifndef PG_ERROR_H
#define PG_ERROR_H

/*
 * Errors: a function that can fail returns int (PG_OK or a negative code)
 * and fills a pg_error with a message that names the file and position
 * ("articles.jsonl:3:14: expected '}'"). Library code never prints.
 */

#define PG_OK 0
#define PG_EIO (-1)     /* a file could not be read or written */
#define PG_EINPUT (-2)  /* malformed input: bad JSON, schema, encoding */
#define PG_ENOMEM (-3)  /* out of memory */
#define PG_EUSAGE (-4)  /* an argument is invalid */
#define PG_EINTERNAL (-5)

typedef struct pg_error {
    int code;
    char msg[1024];
} pg_error;

/* Records the message (printf-style); err may be NULL. Returns code. */
int pg_error_set(pg_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Empties the record. err may be NULL. */
void pg_error_clear(pg_error *err);

#endif
