/* cli.h — what every command shares: compiling the plan named on the command
 * line, printing its diagnostics, exit codes, dates and colour. */
#ifndef OKRC_CLI_H
#define OKRC_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/model.h"

enum { EXIT_CLEAN = 0, EXIT_PLAN_ERRORS = 1, EXIT_USAGE = 2 };

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

#endif
