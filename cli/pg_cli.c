#include "pg_cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void pg_args_init(pg_args *a, int argc, char **argv, const char *command)
{
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
    a->only_positional = 0;
    a->command = command;
}

int pg_args_next(pg_args *a, const pg_option *opts, const char **value)
{
    *value = NULL;
    if (a->i >= a->argc)
        return PG_ARG_END;
    char *arg = a->argv[a->i++];
    if (a->only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
        *value = arg;
        return PG_ARG_POSITIONAL;
    }
    if (strcmp(arg, "--") == 0) {
        a->only_positional = 1;
        return pg_args_next(a, opts, value);
    }
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0)
        return PG_ARG_HELP;
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    size_t name_len = strcspn(name, "=");
    const char *inline_value = name[name_len] == '=' ? name + name_len + 1 : NULL;
    for (int k = 0; opts[k].name; k++) {
        const pg_option *o = &opts[k];
        int match = arg[1] == '-' ? (strlen(o->name) == name_len && strncmp(name, o->name, name_len) == 0)
                                  : (o->short_name && name[0] == o->short_name &&
                                     (name[1] == '\0' || o->arg));
        if (!match)
            continue;
        if (!o->arg) {
            if (inline_value) {
                pg_fail("%s: option '--%s' takes no value", a->command, o->name);
                return PG_ARG_ERROR;
            }
            return k;
        }
        if (arg[1] != '-' && name[1] != '\0')
            *value = name + 1; /* -ofile */
        else if (inline_value)
            *value = inline_value;
        else if (a->i < a->argc)
            *value = a->argv[a->i++];
        else {
            pg_fail("%s: option '%s' needs a value (%s)", a->command, arg, o->arg);
            return PG_ARG_ERROR;
        }
        return k;
    }
    pg_fail("%s: unknown option '%s' (see 'polgraph %s --help')", a->command, arg, a->command);
    return PG_ARG_ERROR;
}

void pg_print_help(const char *usage, const char *about, const pg_option *opts)
{
    printf("usage: %s\n\n%s\n\noptions:\n", usage, about);
    for (int k = 0; opts[k].name; k++) {
        char left[64];
        if (opts[k].short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", opts[k].short_name, opts[k].name,
                     opts[k].arg ? " " : "", opts[k].arg ? opts[k].arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", opts[k].name, opts[k].arg ? " " : "",
                     opts[k].arg ? opts[k].arg : "");
        printf("  %-28s %s\n", left, opts[k].help);
    }
    printf("  %-28s %s\n", "-h, --help", "show this help");
}

/*
 * One line, whatever the message quotes: control characters from file
 * names or input (a line break, a terminal escape) are written as \n or
 * \xNN, and the line goes out in one write.
 */
static void pg_vmessage(const char *prefix, const char *fmt, va_list ap)
{
    char msg[2048], line[sizeof msg * 4 + 64];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t o = (size_t)snprintf(line, sizeof line, "polgraph: %s", prefix);
    for (const unsigned char *p = (const unsigned char *)msg; *p; p++) {
        if (*p >= 0x20 && *p != 0x7f)
            line[o++] = (char)*p;
        else if (*p == '\n' || *p == '\t' || *p == '\r')
            o += (size_t)snprintf(line + o, sizeof line - o, "\\%c",
                                  *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r');
        else
            o += (size_t)snprintf(line + o, sizeof line - o, "\\x%02x", *p);
    }
    line[o++] = '\n';
    fwrite(line, 1, o, stderr);
}

void pg_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pg_vmessage("", fmt, ap);
    va_end(ap);
}

void pg_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pg_vmessage("warning: ", fmt, ap);
    va_end(ap);
}

int pg_fail_error(const pg_error *err)
{
    pg_fail("%s", err->msg[0] ? err->msg : "unknown error");
    return PG_EXIT_BAD;
}

/*
 * Outputs are staged as temporary files beside their targets and renamed
 * together at the end, so that a failed run replaces none of them. The
 * signal handler removes the temporary files; slots below pg_staged_n
 * hold complete names.
 */
#define PG_STAGED_MAX 64
typedef struct pg_staged_file {
    char temp[PATH_MAX + 32];
    char *target; /* NULL: standard output, written at the commit from 'data' */
    char *data;
    size_t len;
} pg_staged_file;
static pg_staged_file pg_staged[PG_STAGED_MAX];
static volatile sig_atomic_t pg_staged_n;

static void pg_on_signal(int sig)
{
    for (sig_atomic_t i = 0; i < pg_staged_n; i++)
        if (pg_staged[i].target)
            unlink(pg_staged[i].temp);
    signal(sig, SIG_DFL);
    raise(sig);
}

void pg_install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = pg_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static int pg_write_all(int fd, const char *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, buf + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        done += (size_t)w;
    }
    return 0;
}

int pg_output_stage(const char *path, const char *buf, size_t len, pg_error *err)
{
    sig_atomic_t n = pg_staged_n;
    if (n == PG_STAGED_MAX)
        return pg_error_set(err, PG_EUSAGE, "%s: too many outputs", path);
    pg_staged_file *s = &pg_staged[n];
    s->target = NULL;
    s->data = NULL;
    s->len = 0;
    if (strcmp(path, "-") == 0) {
        s->data = malloc(len ? len : 1);
        if (!s->data)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        if (len)
            memcpy(s->data, buf, len);
        s->len = len;
        pg_staged_n = n + 1;
        return PG_OK;
    }
    if (strlen(path) + 16 > sizeof s->temp)
        return pg_error_set(err, PG_EUSAGE, "%s: path too long", path);
    s->target = strdup(path);
    if (!s->target)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    snprintf(s->temp, sizeof s->temp, "%s.XXXXXX", path);
    int fd = mkstemp(s->temp);
    if (fd < 0) {
        int e = errno;
        free(s->target);
        s->target = NULL;
        return pg_error_set(err, PG_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    pg_staged_n = n + 1;
    /* mkstemp makes the file 0600; outputs are ordinary files */
    mode_t mask = umask(0);
    umask(mask);
    int bad = pg_write_all(fd, buf, len) != 0 || fchmod(fd, 0666 & ~mask) != 0;
    int e = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        unlink(s->temp);
        pg_staged_n = n;
        free(s->target);
        s->target = NULL;
        return pg_error_set(err, PG_EIO, "%s: write error: %s", path, strerror(e));
    }
    return PG_OK;
}

void pg_output_discard(void)
{
    sig_atomic_t n = pg_staged_n;
    for (sig_atomic_t i = 0; i < n; i++)
        if (pg_staged[i].target)
            unlink(pg_staged[i].temp);
    pg_staged_n = 0;
    for (sig_atomic_t i = 0; i < n; i++) {
        free(pg_staged[i].target);
        free(pg_staged[i].data);
        pg_staged[i].target = pg_staged[i].data = NULL;
    }
}

int pg_output_commit(pg_error *err)
{
    sig_atomic_t n = pg_staged_n;
    int rc = PG_OK;
    for (sig_atomic_t i = 0; i < n && rc == PG_OK; i++) {
        pg_staged_file *s = &pg_staged[i];
        if (!s->target) {
            if (fwrite(s->data, 1, s->len, stdout) != s->len || fflush(stdout) != 0)
                rc = pg_error_set(err, PG_EIO, "<stdout>: write error: %s", strerror(errno));
        } else if (rename(s->temp, s->target) != 0) {
            rc = pg_error_set(err, PG_EIO, "%s: cannot write: %s", s->target, strerror(errno));
        } else {
            s->temp[0] = '\0'; /* renamed: nothing to remove */
        }
    }
    /* after a failure, what was not renamed yet is removed */
    for (sig_atomic_t i = 0; i < n; i++)
        if (pg_staged[i].target && pg_staged[i].temp[0])
            unlink(pg_staged[i].temp);
    pg_staged_n = 0;
    for (sig_atomic_t i = 0; i < n; i++) {
        free(pg_staged[i].target);
        free(pg_staged[i].data);
        pg_staged[i].target = pg_staged[i].data = NULL;
    }
    return rc;
}

int pg_write_file_atomic(const char *path, const char *buf, size_t len, pg_error *err)
{
    int rc = pg_output_stage(path, buf, len, err);
    if (rc != PG_OK) {
        pg_output_discard();
        return rc;
    }
    return pg_output_commit(err);
}

int pg_parse_ulong(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    if (!s || !*s || *s == '-')
        return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int pg_parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    if (!s || !*s)
        return -1;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}
