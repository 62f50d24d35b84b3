/* cli.c — the steps every command shares. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "emit/diag_render.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/plan.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void cli_start(struct cli_run *run, okr_day as_of)
{
    memset(run, 0, sizeof *run);
    diag_init(&run->diags, &run->arena);
    plan_init(&run->plan, &run->arena, &run->diags);
    run->plan.as_of = as_of;
}

void cli_compile_started(struct cli_run *run, char **files, int n)
{
    run->io_ok = plan_compile(&run->plan, (const char *const *)files, (size_t)n);
}

void cli_compile(struct cli_run *run, char **files, int n, okr_day as_of)
{
    cli_start(run, as_of);
    cli_compile_started(run, files, n);
}

void cli_print_diagnostics(struct cli_run *run, const char *when)
{
    struct render_opts ro = {cli_want_color(when, stderr)};
    diag_render_human(&run->diags, stderr, &ro);
}

int cli_exit_code(const struct cli_run *run, bool werror)
{
    if (!run->io_ok)
        return EXIT_USAGE;
    if (run->diags.errors || (werror && run->diags.warnings))
        return EXIT_PLAN_ERRORS;
    return EXIT_CLEAN;
}

void cli_free(struct cli_run *run)
{
    plan_free(&run->plan);
    arena_free(&run->arena);
}

int cli_usage_error(const char *command, const char *fmt, const char *arg)
{
    fprintf(stderr, "okrc%s%s: error: ", command ? " " : "", command ? command : "");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'okrc %s%s--help'.\n", command ? command : "", command ? " " : "");
    return EXIT_USAGE;
}

bool cli_as_of(const char *arg, okr_day *out)
{
    if (arg)
        return date_parse(arg, strlen(arg), out);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    *out = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return true;
}

bool cli_period(const char *s, period *out)
{
    const char *why, *dots = strstr(s, "..");
    if (!dots)
        return period_parse(s, strlen(s), out, &why);
    okr_day start, end;
    return date_parse(s, (size_t)(dots - s), &start) &&
           date_parse(dots + 2, strlen(dots + 2), &end) && period_from_range(start, end, out);
}

bool cli_color_valid(const char *when)
{
    return strcmp(when, "auto") == 0 || strcmp(when, "always") == 0 || strcmp(when, "never") == 0;
}

bool cli_want_color(const char *when, FILE *stream)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *no_color = getenv("NO_COLOR");
    return isatty(fileno(stream)) && !(no_color && *no_color);
}
