/* cli.h — what every command shares: compiling the plan named on the command
 * line, printing its diagnostics, dates, colour, and atomic output files. */
#ifndef OKRC_CLI_H
#define OKRC_CLI_H

#include "okrc.h"

enum { EXIT_CLEAN = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

/* Each command, one file each (cmd_*.c), listed in main.c's table. */
int cmd_check(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_agenda(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_graph(int argc, char **argv);

struct cli_run {
    struct arena arena;
    struct diag_ctx diags;
    struct plan plan;
    bool io_ok;
};

/* Loads, parses, resolves and checks files as of as_of. */
void cli_compile(struct cli_run *run, char **files, int n, okr_day as_of);
/* The same in two steps, for commands that configure run->diags in between
 * (okrc check -W). */
void cli_start(struct cli_run *run, okr_day as_of);
void cli_compile_started(struct cli_run *run, char **files, int n);
/* Prints the diagnostics in human form on stderr (colour per `when`). */
void cli_print_diagnostics(struct cli_run *run, const char *when);
/* The exit code the run deserves: 2 on I/O errors, 1 on plan errors. */
int cli_exit_code(const struct cli_run *run, bool werror);
void cli_free(struct cli_run *run);

int cli_usage_error(const char *command, const char *fmt, const char *arg);
/* --as-of: a date, or today (local time) when arg is NULL. */
bool cli_as_of(const char *arg, okr_day *out);
/* --period: "2027", "2027-Q1", ... or an inclusive date range "A..B". */
bool cli_period(const char *s, period *out);
/* auto (a terminal without NO_COLOR), always or never. */
bool cli_color_valid(const char *when);
bool cli_want_color(const char *when, FILE *stream);

/* output.c — -o FILE written atomically: a temporary file in the same
 * directory, renamed over FILE only when everything was written. Without a
 * path (or with "-") the output is standard output. */
struct output {
    FILE *file;
    const char *path;
    char *tmp_path;
};
bool output_open(struct output *out, const char *path);
/* Flushes, syncs and renames; false (with a message on stderr) on failure,
 * in which case nothing is left behind. */
bool output_commit(struct output *out);
void output_abort(struct output *out);

#endif
