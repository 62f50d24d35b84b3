/* cmd_check.c — `okrc check`: lint a plan and report its diagnostics. */
#define _GNU_SOURCE
#include "cli.h"

#include <getopt.h>
#include <string.h>

enum diag_format { FORMAT_HUMAN, FORMAT_JSON };

static const char check_help[] =
    "usage: okrc check [options] FILE...\n\n"
    "Parses the plan (every FILE and what it uses), resolves its references and\n"
    "checks it. Human diagnostics go to standard error, json to standard output.\n\n"
    "options:\n"
    "  --format FORMAT    human (default) or json\n"
    "  --color WHEN       auto (default: on a terminal without NO_COLOR), always, never\n"
    "  --as-of DATE       the date to check against (YYYY-MM-DD; default today)\n"
    "  --werror           treat warnings as errors\n"
    "  -h, --help         show this help\n\n"
    "exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error\n";

int cmd_check(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"color", required_argument, NULL, 'c'},
        {"as-of", required_argument, NULL, 'a'},  {"werror", no_argument, NULL, 'W'},
        {"help", no_argument, NULL, 'h'},         {0},
    };
    enum diag_format format = FORMAT_HUMAN;
    const char *color = "auto", *as_of_arg = NULL;
    bool werror = false;
    int c;
    while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "human") == 0)
                format = FORMAT_HUMAN;
            else if (strcmp(optarg, "json") == 0)
                format = FORMAT_JSON;
            else
                return cli_usage_error("check", "unknown format '%s'; use human or json", optarg);
            break;
        case 'c':
            if (!cli_color_valid(optarg))
                return cli_usage_error("check", "--color takes auto, always or never, not '%s'", optarg);
            color = optarg;
            break;
        case 'a': as_of_arg = optarg; break;
        case 'W': werror = true; break;
        case 'h': fputs(check_help, stdout); return EXIT_CLEAN;
        default: return cli_usage_error("check", "%s", "unknown option");
        }
    }
    okr_day as_of;
    if (!cli_as_of(as_of_arg, &as_of))
        return cli_usage_error("check", "--as-of takes a date as YYYY-MM-DD, not '%s'", as_of_arg);
    if (optind >= argc)
        return cli_usage_error("check", "%s", "no input files (use '-' for standard input)");

    struct cli_run run;
    cli_compile(&run, argv + optind, argc - optind, as_of);
    if (format == FORMAT_JSON)
        diag_render_json(&run.diags, stdout);
    else
        cli_print_diagnostics(&run, color);
    int rc = cli_exit_code(&run, werror);
    cli_free(&run);
    if (fflush(stdout) != 0) {
        perror("okrc: error: cannot write standard output");
        return EXIT_USAGE;
    }
    return rc;
}
