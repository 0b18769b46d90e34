/* polgraph: news articles in, a relationship graph of political actors out. */

#include <stdio.h>
#include <string.h>

#include "../graph/pg_graph.h"
#include "pg_cli.h"

static const pg_command pg_commands[] = {
    {"build", pg_cmd_build, "extract actors and events from articles into a graph"},
    {"render", pg_cmd_render, "draw a graph file as SVG, PNG, PDF or DOT"},
    {"export", pg_cmd_export, "write a graph as GraphML, GEXF, CSV or JSON"},
    {"top", pg_cmd_top, "rank the actors of a graph file by a figure"},
    {"merge", pg_cmd_merge, "add up graph files of separate sets of articles"},
    {"diff", pg_cmd_diff, "show what differs between two graph files"},
    {"actors", pg_cmd_actors, "list, check or import actor dictionaries"},
    {NULL, NULL, NULL},
};

static void pg_usage(FILE *out)
{
    fprintf(out, "usage: polgraph <command> [options]\n\ncommands:\n");
    for (const pg_command *c = pg_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\n'polgraph <command> --help' describes a command.\n"
                 "Exit codes: 0 success, 1 a difference or failed check, 2 bad usage or input.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        /* an error is one line; the usage is what --help is for */
        pg_fail("no command (see 'polgraph --help')");
        return PG_EXIT_BAD;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        pg_usage(stdout);
        return PG_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("polgraph %s\n", PG_VERSION);
        return PG_EXIT_OK;
    }
    for (const pg_command *c = pg_commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0) {
            pg_install_signal_handlers();
            return c->run(argc - 1, argv + 1);
        }
    pg_fail("'%s' is not a command (see 'polgraph --help')", argv[1]);
    return PG_EXIT_BAD;
}
