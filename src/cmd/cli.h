/* cli.h — what every command shares: compiling the plan named on the command
 * line, printing its diagnostics, exit codes, dates and colour. */
#ifndef OKRC_CLI_H
#define OKRC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/load.h"
#include "lib/model.h"

enum { EXIT_CLEAN = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

struct cli_run {
    struct arena arena;
    struct diag_ctx diags;
    struct plan plan;
    struct load_opts load;  /* --root, --allow-outside-root, --max-file-size */
    bool io_ok;
    /* When the named files were compiled as part of a larger plan
     * (cli_compile_in_plan): which of the plan's sources they are, by
     * index, for the commands that show only their objectives. NULL else. */
    const bool *named_sources;
    /* The other plans of a folder that holds several (cli_check_plans):
     * struct cli_run *, whose findings were moved into this run's. */
    struct vec others;
};

/* Findings of one rule per file that a person reads before the rest are
 * summed up in one line (okrc check --max-findings changes it). */
enum { CLI_MAX_FINDINGS = 20 };

/* The options that say what a plan's imports may reach, shared by every
 * command that loads one: put CLI_LOAD_OPTIONS in the getopt_long table,
 * pass each option to cli_load_option, and CLI_LOAD_HELP in the help. */
enum { CLI_OPT_ROOT = 400, CLI_OPT_ALLOW_OUTSIDE_ROOT, CLI_OPT_MAX_FILE_SIZE };
/* --plan-root everywhere; --root too where it means nothing else (graph's
 * --root is an objective, SPEC §4). */
#define CLI_LOAD_OPTIONS                                                      \
    {"plan-root", required_argument, NULL, CLI_OPT_ROOT},                     \
    {"allow-outside-root", no_argument, NULL, CLI_OPT_ALLOW_OUTSIDE_ROOT},    \
    {"max-file-size", required_argument, NULL, CLI_OPT_MAX_FILE_SIZE}
#define CLI_ROOT_OPTION {"root", required_argument, NULL, CLI_OPT_ROOT}
#define CLI_LOAD_HELP_ROOT                                                             \
    "  --root DIR, --plan-root DIR\n"                                                  \
    "                     files and imports stay inside DIR (default: the git work\n"  \
    "                     tree around the first file, else the current folder when\n"  \
    "                     the file is below it, else its folder), OKRC_PATH, stdlib\n"
#define CLI_LOAD_HELP_PLAN_ROOT                                                        \
    "  --plan-root DIR    files and imports stay inside DIR (default: the git work\n"  \
    "                     tree around the first file, else the current folder when\n"  \
    "                     the file is below it, else its folder), OKRC_PATH, stdlib\n"
#define CLI_LOAD_HELP                                                                  \
    "  --allow-outside-root\n"                                                         \
    "                     let files and imports lead anywhere (for trusted plans)\n"   \
    "  --max-file-size N  refuse files over N bytes (suffix k, M or G; default 64M)\n"
/* 1 when c is one of them (stored in *out), 0 when it is not, -1 after a
 * usage error was printed. */
int cli_load_option(const char *command, int c, const char *arg, struct load_opts *out);

/* cli_compile_started for files that may be part of a larger plan
 * (lib/project.h): each named file is compiled with the entry of the plan
 * that reads it (plan_file, or the one found under the plan's root), and
 * only the findings in the named files are kept; a note on standard error
 * (unless quiet) names the plan. Folders, standard input and files that
 * belong to no larger plan compile as cli_compile_started does. */
void cli_compile_in_plan(struct cli_run *run, char **args, int n, const char *plan_file, bool quiet);

/* What `okrc check` compiles: cli_compile_in_plan, except that folders
 * holding several separate plans (lib/project.h, project_partition) have
 * each plan compiled on its own, and their findings gathered in run. */
void cli_check_plans(struct cli_run *run, char **args, int n, const char *plan_file, bool quiet);

/* cli_compile_with for report, graph and agenda: files of a larger plan
 * are compiled in its context, as cli_compile_in_plan does (quietly). */
void cli_compile_in_context(struct cli_run *run, char **files, int n, okr_day as_of,
                            const struct load_opts *load);

/* Loads, parses, resolves and checks files as of as_of; the diagnostics are
 * limited to CLI_MAX_FINDINGS per rule and file. */
void cli_compile(struct cli_run *run, char **files, int n, okr_day as_of);
void cli_compile_with(struct cli_run *run, char **files, int n, okr_day as_of,
                      const struct load_opts *load);
/* The same in two steps, for commands that configure run->diags in between
 * (okrc check -W). */
void cli_start(struct cli_run *run, okr_day as_of);
void cli_compile_started(struct cli_run *run, char **files, int n);
/* Prints the diagnostics in human form on stderr (colour per `when`). */
void cli_print_diagnostics(struct cli_run *run, const char *when);
/* The exit code the run deserves: 2 on I/O errors, 1 on plan errors. */
int cli_exit_code(const struct cli_run *run, bool werror);
/* Whether report, graph and agenda can show the plan: it was read, and its
 * errors (if any) are rule findings (kr-count, smart-measurable, ...), not
 * ones that leave it incomplete (syntax, unresolved references, cycles:
 * the structural rules). strict: no error at all. */
bool cli_plan_usable(const struct cli_run *run, bool strict);
void cli_free(struct cli_run *run);

/* "okrc COMMAND: error: ..." and the hint to --help on stderr; returns 2. */
int cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

struct option;
/* getopt_long for every command: options anywhere among the files (GNU
 * permutation), `--` ends them, and one message per mistake (getopt's own
 * are off): an unknown option with the nearest known one, a missing value.
 * shortopts must start with ':'. Returns getopt's value, -1 at the end, or
 * CLI_OPT_ERROR after printing the usage error. */
enum { CLI_OPT_ERROR = -2 };
int cli_getopt(const char *command, int argc, char **argv, const char *shortopts,
               const struct option *longopts);

/* The arguments after the options, with each directory replaced by the .okr
 * files below it (sorted, hidden entries skipped), like `ruff check .`.
 * False after printing an error (exit 2): a directory holding none. */
bool cli_files(const char *command, struct arena *a, char **args, int n,
               char ***files, int *count);

/* Filters that name what the plan lacks are usage errors (exit 2) with the
 * nearest name, never an empty result: --team and --owner/@PERSON. */
bool cli_team_exists(const char *command, const struct plan *plan, const char *team);
/* Whether any objective, key result or initiative is tagged tag (with or
 * without '#'); else a usage error with the nearest tag of the plan. */
bool cli_tag_exists(const char *command, const struct plan *plan, const char *tag);
bool cli_person_exists(const char *command, const char *option, const struct plan *plan,
                       const char *person);
/* A whole number of 0 or more, the whole argument (--depth, --max-findings). */
bool cli_count(const char *s, long *out);
/* --as-of: a date, or today (local time) when arg is NULL. */
bool cli_as_of(const char *arg, okr_day *out);
/* The usage error for an --as-of cli_as_of refused: a date in the right
 * form that the calendar lacks (2027-02-30) is named as such. Returns
 * EXIT_USAGE. */
int cli_as_of_error(const char *command, const char *arg);
/* --period: "2027", "2027-Q1", ... or an inclusive date range "A..B". */
bool cli_period(const char *s, period *out);
/* --color WHEN: sets *color, or says what it takes (a usage error) and
 * returns false. */
bool cli_color_option(const char *command, const char *when, const char **color);
/* Whether to colour: auto (a terminal without NO_COLOR), always or never. */
bool cli_want_color(const char *when, FILE *stream);

#endif
