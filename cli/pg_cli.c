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

/*
 * Claims the next slot for path and a temporary file beside it; the slot
 * counts from here on, so that a signal removes the file.
 */
static int pg_stage_open(const char *path, pg_staged_file **slot, int *fd, pg_error *err)
{
    sig_atomic_t n = pg_staged_n;
    if (n == PG_STAGED_MAX)
        return pg_error_set(err, PG_EUSAGE, "%s: too many outputs", path);
    pg_staged_file *s = &pg_staged[n];
    s->target = NULL;
    s->data = NULL;
    s->len = 0;
    if (strlen(path) + 16 > sizeof s->temp)
        return pg_error_set(err, PG_EUSAGE, "%s: path too long", path);
    s->target = strdup(path);
    if (!s->target)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    snprintf(s->temp, sizeof s->temp, "%s.XXXXXX", path);
    *fd = mkstemp(s->temp);
    if (*fd < 0) {
        int e = errno;
        free(s->target);
        s->target = NULL;
        return pg_error_set(err, PG_EIO, "%s: cannot create: %s", path, strerror(e));
    }
    pg_staged_n = n + 1;
    *slot = s;
    return PG_OK;
}

/* mkstemp makes the file 0600; outputs are ordinary files */
static int pg_stage_chmod(int fd)
{
    mode_t mask = umask(0);
    umask(mask);
    return fchmod(fd, 0666 & ~mask);
}

/* Gives up the last slot after a failure: its file is removed. */
static void pg_stage_drop(pg_staged_file *s)
{
    unlink(s->temp);
    pg_staged_n = (sig_atomic_t)(s - pg_staged);
    free(s->target);
    s->target = NULL;
}

/* Holds len bytes for standard output, written at the commit. */
static int pg_stage_stdout(char *data, size_t len, pg_error *err)
{
    sig_atomic_t n = pg_staged_n;
    if (n == PG_STAGED_MAX) {
        free(data);
        return pg_error_set(err, PG_EUSAGE, "-: too many outputs");
    }
    pg_staged[n].target = NULL;
    pg_staged[n].data = data;
    pg_staged[n].len = len;
    pg_staged_n = n + 1;
    return PG_OK;
}

int pg_output_stage(const char *path, const char *buf, size_t len, pg_error *err)
{
    if (strcmp(path, "-") == 0) {
        char *data = malloc(len ? len : 1);
        if (!data)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        if (len)
            memcpy(data, buf, len);
        return pg_stage_stdout(data, len, err);
    }
    pg_staged_file *s;
    int fd;
    int rc = pg_stage_open(path, &s, &fd, err);
    if (rc != PG_OK)
        return rc;
    int bad = pg_write_all(fd, buf, len) != 0 || pg_stage_chmod(fd) != 0;
    int e = errno;
    if (close(fd) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        pg_stage_drop(s);
        return pg_error_set(err, PG_EIO, "%s: write error: %s", path, strerror(e));
    }
    return PG_OK;
}

/* A PG_EIO message from a writer gets the name of the output in front. */
static int pg_stage_failed(const char *path, int rc, pg_error *err)
{
    if (rc == PG_EIO && err) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err->msg);
        return pg_error_set(err, rc, "%s: %s", path, msg);
    }
    return rc;
}

/* Standard output through a memory stream, held back until the commit. */
static int pg_stage_stdout_with(int (*fill)(FILE *f, void *data, pg_error *err), void *data,
                                pg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return pg_error_set(err, PG_ENOMEM, "out of memory");
    int rc = fill(f, data, err);
    /* a memory stream fails only for want of memory */
    int failed = ferror(f);
    if (fclose(f) != 0)
        failed = 1;
    if (failed && (rc == PG_OK || rc == PG_EIO))
        rc = pg_error_set(err, PG_ENOMEM, "out of memory");
    if (rc != PG_OK) {
        free(buf);
        return rc;
    }
    return pg_stage_stdout(buf, len, err);
}

int pg_output_stage_with(const char *path, int (*fill)(FILE *f, void *data, pg_error *err),
                         void *data, pg_error *err)
{
    if (strcmp(path, "-") == 0)
        return pg_stage_stdout_with(fill, data, err);
    pg_staged_file *s;
    int fd;
    int rc = pg_stage_open(path, &s, &fd, err);
    if (rc != PG_OK)
        return rc;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        int e = errno;
        close(fd);
        pg_stage_drop(s);
        return pg_error_set(err, PG_EIO, "%s: write error: %s", path, strerror(e));
    }
    rc = fill(f, data, err);
    if (rc != PG_OK) {
        fclose(f);
        pg_stage_drop(s);
        return pg_stage_failed(path, rc, err);
    }
    errno = 0;
    int bad = fflush(f) != 0 || ferror(f) || pg_stage_chmod(fileno(f)) != 0;
    int e = errno ? errno : EIO;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        pg_stage_drop(s);
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

size_t pg_default_jobs(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores > 0 ? (size_t)cores : 1;
}

int pg_parse_jobs(const char *command, const char *value, size_t *jobs)
{
    unsigned long n;
    if (pg_parse_ulong(value, &n) != 0 || n < 1 || n > 1024) {
        pg_fail("%s: --jobs '%s': expected a whole number from 1 to 1024", command, value);
        return -1;
    }
    *jobs = (size_t)n;
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
