#include "pg_error.h"

#include <stdarg.h>
#include <stdio.h>

int pg_error_set(pg_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void pg_error_clear(pg_error *err)
{
    if (err) {
        err->code = PG_OK;
        err->msg[0] = '\0';
    }
}
