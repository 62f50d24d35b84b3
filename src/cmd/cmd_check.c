/* cmd_check.c — `okrc check`: lint a plan and report its diagnostics. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "emit/diag_render.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/rules.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

enum diag_format { FORMAT_HUMAN, FORMAT_JSON, FORMAT_SARIF, FORMAT_GITHUB, FORMAT_CODEQUALITY };

/* GitLab calls its report Code Quality, its format Code Climate's; users of
 * other linters know it as "gitlab": all three names work. */
static const struct {
    const char *name;
    enum diag_format format;
} format_names[] = {
    {"human", FORMAT_HUMAN},       {"json", FORMAT_JSON},
    {"sarif", FORMAT_SARIF},       {"github", FORMAT_GITHUB},
    {"codequality", FORMAT_CODEQUALITY}, {"codeclimate", FORMAT_CODEQUALITY},
    {"gitlab", FORMAT_CODEQUALITY},
};

static const char check_help[] =
    "usage: okrc check [options] FILE|DIR...\n\n"
    "Parses the plan (every FILE and what it uses), resolves its references and\n"
    "checks it. A FILE that another file of the plan's root uses (a team's file\n"
    "of a company plan) is checked as part of that plan, and only its own\n"
    "findings are shown. Human diagnostics go to standard error, the other\n"
    "formats to standard output.\n\n"
    "options:\n"
    "  --format FORMAT    human (default), json, sarif (SARIF 2.1.0), github\n"
    "                     (GitHub Actions workflow commands) or codequality\n"
    "                     (GitLab Code Quality; also codeclimate, gitlab)\n"
    "  --color WHEN       auto (default: on a terminal without NO_COLOR), always, never\n"
    "  --as-of DATE       the date to check against (YYYY-MM-DD; default today)\n"
    "  -W RULE=LEVEL      set a rule's severity (off, info, warning, error); wins\n"
    "                     over rules blocks; may be repeated\n"
    "  --werror           report warnings as errors (and fail on them)\n"
    "  --max-findings N   list at most N findings of one rule per file, then one\n"
    "                     line with how many more (default 20 for human and github,\n"
    "                     all for json and sarif; 0 lists all)\n"
    "  --plan FILE        check the FILEs as part of the plan FILE enters (instead\n"
    "                     of the plan found under the plan's root)\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help         show this help\n\n"
    "'okrc rules' lists the rules, 'okrc explain RULE' describes one.\n"
    "exit status: 0 no errors, 1 the plan has errors, 2 usage or I/O error\n";

/* A -W option; the severities wait until the run exists. */
struct severity_option {
    enum rule_id rule;
    enum severity severity;
};

/* Parses RULE=LEVEL; prints the usage error and returns false when wrong. */
static bool parse_severity_option(const char *arg, struct severity_option *out)
{
    const char *eq = strchr(arg, '=');
    if (!eq) {
        cli_usage_error("check", "-W takes RULE=LEVEL (e.g. -W activity-kr=error), not '%s'", arg);
        return false;
    }
    if (!rule_lookup(arg, (size_t)(eq - arg), &out->rule)) {
        char *name = strndup(arg, (size_t)(eq - arg));
        if (!name)
            return false;
        const char *near = rule_suggest(name);
        fprintf(stderr, "okrc check: error: unknown rule '%s'", name);
        if (near)
            fprintf(stderr, "; did you mean '%s'?", near);
        fputs(" ('okrc rules' lists them all)\n", stderr);
        free(name);
        return false;
    }
    if (rule_info(out->rule)->structural) {
        cli_usage_error("check", "rule '%s' is structural: always an error, it cannot be configured",
                        rule_info(out->rule)->name);
        return false;
    }
    if (!severity_parse(eq + 1, &out->severity)) {
        cli_usage_error("check", "-W takes a level of off, info, warning or error, not '%s'", eq + 1);
        return false;
    }
    return true;
}

static bool parse_format(const char *arg, enum diag_format *out)
{
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
        if (strcmp(arg, format_names[i].name) == 0) {
            *out = format_names[i].format;
            return true;
        }
    return false;
}

static void render(struct cli_run *run, enum diag_format format, const char *color)
{
    switch (format) {
    case FORMAT_JSON: diag_render_json(&run->diags, stdout); break;
    case FORMAT_SARIF: diag_render_sarif(&run->diags, stdout); break;
    case FORMAT_GITHUB: diag_render_github(&run->diags, stdout); break;
    case FORMAT_CODEQUALITY: diag_render_codequality(&run->diags, stdout); break;
    case FORMAT_HUMAN: cli_print_diagnostics(run, color); break;
    }
}

enum { OPT_WERROR = 256, OPT_MAX_FINDINGS, OPT_PLAN };


int cmd_check(int argc, char **argv)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"color", required_argument, NULL, 'c'},
        {"as-of", required_argument, NULL, 'a'},  {"werror", no_argument, NULL, OPT_WERROR},
        {"max-findings", required_argument, NULL, OPT_MAX_FINDINGS},
        {"plan", required_argument, NULL, OPT_PLAN},
        {"help", no_argument, NULL, 'h'},         CLI_LOAD_OPTIONS,
        CLI_ROOT_OPTION,                          {0},
    };
    /* findings only: no scores (docs/performance.md) */
    struct load_opts load = {.no_progress = true, .no_objective_table = true};
    enum diag_format format = FORMAT_HUMAN;
    const char *color = "auto", *as_of_arg = NULL, *plan_file = NULL;
    bool werror = false;
    long max_findings = -1;
    struct severity_option *severities = calloc((size_t)argc, sizeof *severities);
    size_t n_severities = 0;
    int c, rc = EXIT_USAGE;
    while ((c = cli_getopt("check", argc, argv, ":hW:", options)) != -1) {
        switch (c) {
        case 'f':
            if (!parse_format(optarg, &format)) {
                cli_usage_error("check", "unknown format '%s'; use human, json, sarif, github or codequality", optarg);
                goto done;
            }
            break;
        case 'c':
            if (!cli_color_option("check", optarg, &color))
                goto done;
            break;
        case 'a': as_of_arg = optarg; break;
        case 'W':
            if (!parse_severity_option(optarg, &severities[n_severities++]))
                goto done;
            break;
        case OPT_WERROR: werror = true; break;
        case OPT_PLAN: plan_file = optarg; break;
        case OPT_MAX_FINDINGS:
            if (!cli_count(optarg, &max_findings)) {
                cli_usage_error("check", "--max-findings takes a number (0 for all), not '%s'", optarg);
                goto done;
            }
            break;
        case 'h': fputs(check_help, stdout); rc = EXIT_CLEAN; goto done;
        default: {
            /* cli_getopt has reported unknown options (CLI_OPT_ERROR); the
             * rest of the table are the load options. */
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("check", c, optarg, &load);
            if (taken <= 0)
                goto done;
            break;
        }
        }
    }
    okr_day as_of;
    if (!cli_as_of(as_of_arg, &as_of)) {
        cli_as_of_error("check", as_of_arg);
        goto done;
    }
    if (optind >= argc) {
        cli_usage_error("check", "%s", "no input files (use '-' for standard input)");
        goto done;
    }

    struct cli_run run;
    cli_start(&run, as_of);
    run.load = load;
    for (size_t i = 0; i < n_severities; i++)
        diag_force(&run.diags, severities[i].rule, severities[i].severity);
    cli_check_plans(&run, argv + optind, argc - optind, plan_file, format != FORMAT_HUMAN);
    if (werror)
        diag_warnings_as_errors(&run.diags);
    if (max_findings < 0)
        /* People read human and github output; tools want every finding. */
        max_findings = format == FORMAT_HUMAN || format == FORMAT_GITHUB ? CLI_MAX_FINDINGS : 0;
    diag_limit(&run.diags, (size_t)max_findings);
    render(&run, format, color);
    rc = cli_exit_code(&run, werror);
    cli_free(&run);
    if (fflush(stdout) != 0) {
        perror("okrc: error: cannot write standard output");
        rc = EXIT_USAGE;
    }
done:
    free(severities);
    return rc;
}
