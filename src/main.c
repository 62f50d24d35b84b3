/* main.c — the command line: commands, options, exit codes. */
#define _GNU_SOURCE
#include "okrc.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis;
    const char *help;
};

static int cmd_check(int argc, char **argv);

static const struct command commands[] = {
    {"check", cmd_check, "check [options] FILE...", "lint a plan: syntax, references, SMART rules"},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static void usage(FILE *out)
{
    fputs("usage: okrc [--help | --version] COMMAND [options] FILE...\n\n"
          "okrc compiles OKR plans written in .okr files.\n\ncommands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-28s %s\n", commands[i].synopsis, commands[i].help);
    fputs("\n'okrc COMMAND --help' describes a command's options. A FILE of '-' is standard input.\n"
          "Exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error.\n", out);
}

static int usage_error(const char *command, const char *fmt, const char *arg)
{
    fprintf(stderr, "okrc%s%s: error: ", command ? " " : "", command ? command : "");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'okrc %s%s--help'.\n", command ? command : "", command ? " " : "");
    return EXIT_USAGE;
}

/* ---- check ---- */

enum diag_format { FORMAT_HUMAN, FORMAT_JSON };

static const char check_help[] =
    "usage: okrc check [options] FILE...\n\n"
    "Parses the plan (every FILE and what it uses), resolves its references and\n"
    "checks it. Diagnostics go to standard error (human) or standard output.\n\n"
    "options:\n"
    "  --format FORMAT    human (default) or json\n"
    "  --color WHEN       auto (default: on a terminal without NO_COLOR), always, never\n"
    "  --as-of DATE       the date to check against (YYYY-MM-DD; default today)\n"
    "  --werror           treat warnings as errors\n"
    "  -h, --help         show this help\n";

static bool want_color(const char *when, FILE *stream)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *no_color = getenv("NO_COLOR");
    return isatty(fileno(stream)) && !(no_color && *no_color);
}

static int cmd_check(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"color", required_argument, NULL, 'c'},
        {"as-of", required_argument, NULL, 'a'},  {"werror", no_argument, NULL, 'W'},
        {"help", no_argument, NULL, 'h'},         {0},
    };
    enum diag_format format = FORMAT_HUMAN;
    const char *color = "auto";
    bool werror = false;
    int c;
    while ((c = getopt_long(argc, argv, "+h", options, NULL)) != -1) {
        okr_day as_of;
        switch (c) {
        case 'f':
            if (strcmp(optarg, "human") == 0)
                format = FORMAT_HUMAN;
            else if (strcmp(optarg, "json") == 0)
                format = FORMAT_JSON;
            else
                return usage_error("check", "unknown format '%s'; use human or json", optarg);
            break;
        case 'c':
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never"))
                return usage_error("check", "--color takes auto, always or never, not '%s'", optarg);
            color = optarg;
            break;
        case 'a':
            if (!date_parse(optarg, strlen(optarg), &as_of))
                return usage_error("check", "--as-of takes a date as YYYY-MM-DD, not '%s'", optarg);
            break;
        case 'W': werror = true; break;
        case 'h': fputs(check_help, stdout); return EXIT_CLEAN;
        default: return usage_error("check", "%s", "unknown option");
        }
    }
    if (optind >= argc)
        return usage_error("check", "%s", "no input files (use '-' for standard input)");

    struct arena arena = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &arena);
    plan_init(&plan, &arena, &diags);
    bool io_ok = plan_compile(&plan, (const char *const *)argv + optind, (size_t)(argc - optind));
    if (format == FORMAT_JSON) {
        diag_render_json(&diags, stdout);
    } else {
        struct render_opts ro = {want_color(color, stderr)};
        diag_render_human(&diags, stderr, &ro);
    }
    int rc = !io_ok ? EXIT_USAGE
           : diags.errors || (werror && diags.warnings) ? EXIT_PLAN_ERRORS : EXIT_CLEAN;
    plan_free(&plan);
    arena_free(&arena);
    if (fflush(stdout) != 0) {
        perror("okrc: error: cannot write output");
        return EXIT_USAGE;
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("okrc %s\n", OKRC_VERSION);
        return EXIT_CLEAN;
    }
    const struct command *cmd = find_command(argv[1]);
    if (!cmd)
        return usage_error(NULL, "unknown command '%s'", argv[1]);
    return cmd->run(argc - 1, argv + 1);
}
