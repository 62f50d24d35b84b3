/* cmd_lsp.c — `okrc lsp`: the language server on standard input and output
 * (src/lsp); this file only reads the options. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "lsp/lsp.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char lsp_help[] =
    "usage: okrc lsp [--log FILE]\n\n"
    "Runs the language server: LSP 3.17 (JSON-RPC 2.0 with Content-Length\n"
    "framing) on standard input and output, for an editor to start. It pushes\n"
    "the diagnostics of 'okrc check' for every open .okr file, counting unsaved\n"
    "buffers as the plan's files. docs/editors.md shows how to attach it.\n\n"
    "options:\n"
    "  --log FILE   append what the server does to FILE\n"
    "  --stdio      accepted and ignored: standard input and output are the default\n"
    "  -h, --help   show this help\n\n"
    "exit status: 0 after shutdown and exit, 1 when the client left without\n"
    "shutdown, 2 usage error\n";

int cmd_lsp(int argc, char **argv)
{
    static const struct option options[] = {
        {"log", required_argument, NULL, 'l'}, {"stdio", no_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},      {0},
    };
    const char *log_path = NULL;
    int c;
    while ((c = cli_getopt("lsp", argc, argv, ":h", options)) != -1) {
        switch (c) {
        case 'l': log_path = optarg; break;
        case 's': break;
        case 'h': fputs(lsp_help, stdout); return EXIT_CLEAN;
        default: return EXIT_USAGE;
        }
    }
    if (optind < argc)
        return cli_usage_error("lsp", "unexpected argument '%s' (the editor sends the files)", argv[optind]);
    FILE *log = NULL;
    if (log_path && !(log = fopen(log_path, "a"))) {
        fprintf(stderr, "okrc lsp: error: cannot open log '%s': %s\n", log_path, strerror(errno));
        return EXIT_USAGE;
    }
    int rc = lsp_serve(stdin, stdout, log);
    if (log)
        fclose(log);
    return rc;
}
