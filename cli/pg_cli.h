#ifndef PG_CLI_H
#define PG_CLI_H

/*
 * What the subcommands share: the command table entry, argument parsing,
 * exit codes, messages on standard error and atomic output files.
 * Only cli/ touches argv, stdout, stderr and exit codes.
 */

#include <stddef.h>
#include <stdio.h>

#include "../extract/pg_error.h"

#define PG_EXIT_OK 0
#define PG_EXIT_DIFFERENT 1 /* diff found a difference, a check failed */
#define PG_EXIT_BAD 2       /* bad usage or bad input */

typedef struct pg_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} pg_command;

typedef struct pg_option {
    const char *name; /* long name without "--" */
    char short_name;  /* or 0 */
    const char *arg;  /* name of its value, or NULL for a flag */
    const char *help;
} pg_option;

#define PG_ARG_END (-1)
#define PG_ARG_POSITIONAL (-2)
#define PG_ARG_HELP (-3)
#define PG_ARG_ERROR (-4)

typedef struct pg_args {
    int argc;
    char **argv;
    int i;
    int only_positional; /* after "--" */
    const char *command;
} pg_args;

void pg_args_init(pg_args *a, int argc, char **argv, const char *command);
/*
 * Next argument: the index of an option (its value in *value), a
 * positional argument, --help, the end, or an error (already reported).
 */
int pg_args_next(pg_args *a, const pg_option *opts, const char **value);

/* Prints "usage: ..." and the option table to stdout. */
void pg_print_help(const char *usage, const char *about, const pg_option *opts);

/* "polgraph: <message>" on standard error. */
void pg_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void pg_warn(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Reports err and returns the exit code for it. */
int pg_fail_error(const pg_error *err);

/*
 * Writes buf to path through a temporary file in the same folder and a
 * rename, so that a failure or a signal never leaves a half-written file.
 * "-" writes to standard output.
 */
int pg_write_file_atomic(const char *path, const char *buf, size_t len, pg_error *err);

/*
 * Several outputs, all or none: pg_output_stage writes each to a temporary
 * file beside it (standard output is held back), pg_output_commit renames
 * them all, pg_output_discard removes them after a failure.
 */
int pg_output_stage(const char *path, const char *buf, size_t len, pg_error *err);
/*
 * Stages path with what fill puts into f (a temporary file, or memory
 * for "-"), without the whole text in memory. fill returns PG_OK or an
 * error code with err filled; a PG_EIO message gets the path in front.
 */
int pg_output_stage_with(const char *path, int (*fill)(FILE *f, void *data, pg_error *err),
                         void *data, pg_error *err);
int pg_output_commit(pg_error *err);
void pg_output_discard(void);

/* Removes temporary files on SIGINT and SIGTERM. */
void pg_install_signal_handlers(void);

/* Parses a whole non-negative number or a finite double; -1 on error. */
int pg_parse_ulong(const char *s, unsigned long *out);
int pg_parse_double(const char *s, double *out);

/* The default of --jobs: the number of cores, at least 1. */
size_t pg_default_jobs(void);

/* The value of --jobs, a whole number from 1 to 1024; reports and returns -1 if not. */
int pg_parse_jobs(const char *command, const char *value, size_t *jobs);

int pg_cmd_build(int argc, char **argv);
int pg_cmd_render(int argc, char **argv);
int pg_cmd_export(int argc, char **argv);
int pg_cmd_top(int argc, char **argv);
int pg_cmd_merge(int argc, char **argv);
int pg_cmd_diff(int argc, char **argv);
int pg_cmd_actors(int argc, char **argv);

#endif
