/* main.c — the command line: which command runs. Each command lives in its
 * own cmd_*.c; adding one is a file and a line in this table. */
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "lib/arena.h"
#include "lib/stdlib_path.h"
#include "lib/text.h"
#include "lib/version.h"

#include <malloc.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cmd/output.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis;
    const char *summary;
};

static const struct command commands[] = {
    {"check", cmd_check, "check [options] FILE...", "lint a plan: syntax, references, rules"},
    {"graph", cmd_graph, "graph [options] FILE...", "alignment map through Graphviz: dot, svg, png, pdf"},
    {"report", cmd_report, "report [options] FILE...", "progress summary: text, md, json, html, csv"},
    {"fmt", cmd_fmt, "fmt [options] FILE...", "canonical layout, every comment kept"},
    {"agenda", cmd_agenda, "agenda @PERSON FILE...", "a one-on-one agenda for a person's OKRs"},
    {"diff", cmd_diff, "diff [options] OLD NEW | REV", "what changed in a plan; goalposts moved first"},
    {"roll", cmd_roll, "roll --to PERIOD FILE...", "the next period's plan, latest values as baselines"},
    {"checkin", cmd_checkin, "checkin FILE OBJ.KR VALUE...", "record check-ins in a plan file, checked"},
    {"lsp", cmd_lsp, "lsp [--log FILE]", "language server for editors (LSP over stdin/stdout)"},
    {"rules", cmd_rules, "rules", "list every rule, its default severity and parameters"},
    {"explain", cmd_explain, "explain RULE", "what a rule checks, why, an example, the fix"},
};

#define COMMAND_COUNT (sizeof commands / sizeof *commands)

static void usage(FILE *out)
{
    fputs("usage: okrc [--help | -V | --version] COMMAND [options] FILE...\n\n"
          "okrc compiles OKR plans written in .okr files.\n\ncommands:\n", out);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-30s %s\n", commands[i].synopsis, commands[i].summary);
    fputs("\n'okrc help COMMAND' (or 'okrc COMMAND --help') describes a command's options; options\n"
          "may come before or after the files, and '--' ends them. A FILE of '-' is standard\n"
          "input; a directory stands for every .okr file below it.\n"
          "exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error\n", out);
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    const char *names[COMMAND_COUNT + 1];
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        names[i] = commands[i].name;
    names[COMMAND_COUNT] = "help";
    const char *near = text_nearest_of(name, names, COMMAND_COUNT + 1);
    if (near)
        return cli_usage_error(NULL, "unknown command '%s'; did you mean '%s'?", name, near);
    return cli_usage_error(NULL, "unknown command '%s'", name);
}

/* `okrc help [COMMAND]`: the overview, or the command's own --help. */
static int help(int argc, char **argv)
{
    if (argc < 3) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    const struct command *cmd = find_command(argv[2]);
    if (!cmd)
        return unknown_command(argv[2]);
    char *args[] = {argv[2], "--help", NULL};
    return cmd->run(2, args);
}

/* The version, and where the standard library is: the first question when
 * an installed okrc checks differently from the one in a source tree. */
static int version(void)
{
    struct arena a = {0};
    struct stdlib_path sp;
    stdlib_path_init(&sp, &a);
    const char *dir = NULL;
    printf("okrc %s\n", OKRC_VERSION);
    if (stdlib_path_find(&sp, &a, "std/rules/default", strlen("std/rules/default"), &dir))
        printf("stdlib: %s\n", dir);
    else
        printf("stdlib: not found (searched %s)\n", stdlib_path_list(&sp, &a));
    arena_free(&a);
    return EXIT_CLEAN;
}

/* A large plan file's scanned pages map the file itself once scanned
 * (source_hand_back in lib/source.c): if the file is cut short while okrc
 * runs, reading those pages raises SIGBUS. That is an I/O error, said as
 * one (exit 2), with no half-written -o file left behind. */
static void file_cut_short(int sig)
{
    (void)sig;
    static const char message[] = "okrc: error: a plan file was cut short while okrc read it; "
                                  "run okrc again once it is written\n";
    output_remove_pending();
    ssize_t n = write(STDERR_FILENO, message, sizeof message - 1);
    (void)n;
    _exit(EXIT_USAGE);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return help(1, argv);
    if (strcmp(argv[1], "help") == 0)
        return help(argc, argv);
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        return version();
    const struct command *cmd = find_command(argv[1]);
    if (cmd && cmd->run != cmd_lsp) {
#ifdef M_MMAP_THRESHOLD
        /* Blocks of 128 KiB or more (the resolver's and the rules' tables,
         * the parse's lists) come from the kernel and go back to it when
         * freed. glibc otherwise raises this threshold to the largest block
         * freed so far (the parse's list of check-ins, 0.5 MB on 10,000
         * objectives), and every table after it stays in the heap when
         * freed: 0.3 MB of check's peak there (docs/performance.md, item
         * 60). Not the language server, which compiles again and again and
         * is better served by the heap's blocks it reuses. */
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
        /* the language server keeps its files copied (load.h, keep_copies) */
        struct sigaction sa = {.sa_handler = file_cut_short};
        sigemptyset(&sa.sa_mask);
        sigaction(SIGBUS, &sa, NULL);
    }
    if (cmd)
        return cmd->run(argc - 1, argv + 1);
    if (strcmp(argv[1], "__complete") == 0)
        return cmd_complete(argc - 1, argv + 1);
    if (argv[1][0] == '-')
        return cli_usage_error(NULL, "unknown option '%s'; options follow the command, as in "
                               "'okrc check --as-of 2027-02-15 plan.okr'", argv[1]);
    return unknown_command(argv[1]);
}
