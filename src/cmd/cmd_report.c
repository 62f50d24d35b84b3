/* cmd_report.c — `okrc report`: progress as of a date, in one of five formats. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/git.h"
#include "cmd/output.h"
#include "emit/emit.h"
#include "lib/date.h"
#include "lib/hash.h"

#include <errno.h>
#include <getopt.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char report_help[] =
    "usage: okrc report [options] FILE|DIR...\n\n"
    "Computes every key result's score and status as of a date and prints a\n"
    "progress summary. A plan with errors gets its diagnostics, not a report.\n\n"
    "options:\n"
    "  -f, --format FORMAT  text (default), md, json, html or csv\n"
    "  --as-of DATE         the date progress is measured at (default today)\n"
    "  --team TEAM          only objectives of TEAM and its sub-teams\n"
    "  --owner @PERSON      only objectives that PERSON owns or owns a key result of\n"
    "  --tag TAG            only objectives tagged TAG, or with a key result or\n"
    "                       initiative that is (tags #TAG; the # may be left out)\n"
    "  --period P           only objectives whose period overlaps P (2027-Q1, A..B)\n"
    "  -o, --output FILE    write to FILE atomically (default standard output)\n"
    "  --color WHEN         text colours: auto (default), always, never\n"
    "  --ascii              text: plain ASCII bars and punctuation\n"
    "  --no-map             html: leave out the alignment map (drawn by Graphviz)\n"
    "  --history REV..REV   add each key result's values as the plan's git history\n"
    "                       recorded them, one per commit of the range that touched\n"
    "                       the files (for check-ins edited in place)\n"
    "  --since DATE         the same for the commits since DATE\n"
    "  --close PERIOD       the close of a period that has ended: how its objectives\n"
    "                       ended (failed, committed met, target met, stretch met) per\n"
    "                       team, committed objectives missed, KRs never checked in\n"
    "  --strict             no report for a plan with errors of any rule (by default\n"
    "                       rule findings such as kr-count are shown in the report)\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help           show this help\n\n"
    "exit status: 0 report written, 1 the plan has errors (the report is written\n"
    "when they are rule findings, not syntax or unresolved references), 2 usage\n"
    "or I/O error\n";

struct report_args {
    const struct emitter *emitter;
    const char *as_of, *output, *color, *history, *since;
    bool ascii, strict, no_map;
    struct report_filter filter;
    struct load_opts load;
};

/* Returns -1 when the arguments are fine, else the exit code. */
static int parse_args(int argc, char **argv, struct report_args *a)
{
    static const struct option options[] = {
        {"format", required_argument, NULL, 'f'}, {"as-of", required_argument, NULL, 'a'},
        {"team", required_argument, NULL, 't'},   {"owner", required_argument, NULL, 'O'},
        {"tag", required_argument, NULL, 'g'},
        {"period", required_argument, NULL, 'p'}, {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, 'c'},  {"ascii", no_argument, NULL, 'A'},
        {"strict", no_argument, NULL, 'S'},     {"close", required_argument, NULL, 'C'},
        {"no-map", no_argument, NULL, 'M'},     {"history", required_argument, NULL, 'H'},
        {"since", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},         CLI_LOAD_OPTIONS,
        CLI_ROOT_OPTION,                          {0},
    };
    int c;
    while ((c = cli_getopt("report", argc, argv, ":f:o:h", options)) != -1) {
        switch (c) {
        case 'f':
            if (!(a->emitter = emitter_find(optarg)))
                return cli_usage_error("report", "unknown format '%s'; use text, md, json, html or csv", optarg);
            break;
        case 'a': a->as_of = optarg; break;
        case 't': a->filter.team = optarg; break;
        case 'O': a->filter.owner = optarg; break;
        case 'g': a->filter.tag = optarg; break;
        case 'p':
            if (!cli_period(optarg, &a->filter.period))
                return cli_usage_error("report", "--period takes a period such as 2027-Q1 or "
                                       "2027-01-15..2027-04-14, not '%s'", optarg);
            a->filter.has_period = true;
            break;
        case 'o': a->output = optarg; break;
        case 'c':
            if (!cli_color_option("report", optarg, &a->color))
                return EXIT_USAGE;
            break;
        case 'A': a->ascii = true; break;
        case 'S': a->strict = true; break;
        case 'M': a->no_map = true; break;
        case 'H': a->history = optarg; break;
        case 's': {
            okr_day day;
            if (!date_parse(optarg, strlen(optarg), &day))
                return cli_usage_error("report", "--since takes a date (YYYY-MM-DD), not '%s'", optarg);
            a->since = optarg;
            break;
        }
        case 'C':
            if (!cli_period(optarg, &a->filter.close_period))
                return cli_usage_error("report", "--close takes a period such as 2027-Q1 or "
                                       "2027-01-15..2027-04-14, not '%s'", optarg);
            a->filter.close = optarg;
            break;
        case 'h': fputs(report_help, stdout); return EXIT_CLEAN;
        default: {
            /* cli_getopt has reported unknown options (CLI_OPT_ERROR); the
             * rest of the table are the load options. */
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("report", c, optarg, &a->load);
            if (taken <= 0)
                return EXIT_USAGE;
            break;
        }
        }
    }
    if (optind >= argc)
        return cli_usage_error("report", "%s", "no input files (use '-' for standard input)");
    return -1;
}

/* --history, --since: each commit of the range that touched the plan's
 * files, extracted and compiled as of its own date; each key result's value
 * then, by "OBJ.KR". The report's arena holds what is kept. */
static bool read_history(struct report *report, const struct report_args *a, char **files, int n)
{
    struct plan *plan = report->plan;
    struct arena scratch = {0};
    const char *top = git_toplevel(&scratch);
    struct vec commits = {0};
    bool ok = top != NULL;
    if (!top)
        fprintf(stderr, "okrc report: error: --history reads git: no git work tree around the current folder\n");
    else if (!git_commits(&scratch, top, a->history, a->since, files, n, &commits)) {
        fprintf(stderr, "okrc report: error: git cannot list the commits of '%s'\n",
                a->history ? a->history : a->since);
        ok = false;
    }
    report->history = hash_new(plan->arena, 64);
    for (size_t i = 0; ok && i < commits.len; i++) {
        const struct git_commit *c = commits.items[i];
        char *dir = git_extract_revision(&scratch, "report", top, c->hash);
        if (!dir) {
            ok = false;
            break;
        }
        char **paths = arena_alloc(&scratch, (size_t)n * sizeof *paths);
        for (int k = 0; k < n; k++)
            paths[k] = git_path_in(&scratch, top, dir, files[k]);
        struct load_opts load = a->load;
        load.root = dir;
        load.quiet = true;
        load.no_lint = true;
        struct cli_run rev;
        cli_compile_in_context(&rev, paths, n, c->date, &load);
        for (size_t o = 0; o < rev.plan.objectives.len; o++) {
            const struct objective *obj = rev.plan.objectives.items[o];
            for (size_t k = 0; k < obj->key_results.len; k++) {
                const struct key_result *kr = obj->key_results.items[k];
                const char *key = arena_printf(plan->arena, "%s.%s", obj->id.name.ptr, kr->id.name.ptr);
                struct vec *points = hash_get(report->history, key, strlen(key));
                if (!points) {
                    points = arena_alloc(plan->arena, sizeof *points);
                    hash_put(report->history, key, strlen(key), points);
                }
                struct history_point *p = arena_alloc(plan->arena, sizeof *p);
                *p = (struct history_point){c->date, arena_strndup(plan->arena, c->hash, 7),
                                            kr->progress->has_value,
                                            kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE,
                                            kr->progress->value, format_value(plan->arena, kr)};
                vec_push(plan->arena, points, p);
            }
        }
        cli_free(&rev);
        git_remove_tree(dir);
    }
    arena_free(&scratch);
    return ok;
}

/* The columns of a text report: COLUMNS when it holds a number (as ls and
 * git read it), else the terminal's width when the report goes to one, else
 * 80. Kept between 60 and 400. */
static int terminal_width(FILE *out)
{
    const char *env = getenv("COLUMNS");
    long cols = 0;
    if (env && *env) {
        char *end;
        cols = strtol(env, &end, 10);
        if (*end)
            cols = 0;
    }
    struct winsize ws;
    if (cols <= 0 && isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0)
        cols = ws.ws_col;
    if (cols <= 0)
        return 80;
    return cols < 60 ? 60 : cols > 400 ? 400 : (int)cols;
}

/* A reader that went away (`| head`) is not an error worth a message. */
static int finish(struct output *out)
{
    if (out->file == stdout && (fflush(stdout) != 0 || ferror(stdout)) && errno == EPIPE)
        return EXIT_CLEAN;
    return output_commit(out) ? EXIT_CLEAN : EXIT_USAGE;
}

int cmd_report(int argc, char **argv)
{
    struct report_args a = {emitter_find("text"), NULL, NULL, "auto", NULL, NULL, false, false, false, {0}, {0}};
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    okr_day as_of;
    if (!cli_as_of(a.as_of, &as_of))
        return cli_as_of_error("report", a.as_of);
    if (a.filter.close && as_of <= a.filter.close_period.end) {
        char day[11];
        date_format(as_of, day);
        return cli_usage_error("report", "--close %s: the period has not ended as of %s (the close is "
                               "read after it; --as-of sets the date)", a.filter.close, day);
    }

    struct cli_run run;
    cli_compile_in_context(&run, argv + optind, argc - optind, as_of, &a.load);
    a.filter.sources = run.named_sources;   /* a team's file: its own objectives */
    rc = cli_exit_code(&run, false);
    /* A filter naming nothing is a mistake on the command line: said first,
     * and alone, without the plan's findings before it. */
    if (rc == EXIT_CLEAN &&
        ((a.filter.team && !cli_team_exists("report", &run.plan, a.filter.team)) ||
         (a.filter.tag && !cli_tag_exists("report", &run.plan, a.filter.tag)) ||
         (a.filter.owner && !cli_person_exists("report", "--owner: ", &run.plan,
                                               a.filter.owner + (a.filter.owner[0] == '@'))))) {
        cli_free(&run);
        return EXIT_USAGE;
    }
    cli_print_diagnostics(&run, a.color);
    /* Rule findings (kr-count, smart-measurable) do not withhold the
     * report: it shows them and the exit status stays 1 (--strict: they do). */
    if (!cli_plan_usable(&run, a.strict)) {
        cli_free(&run);
        return rc;
    }
    struct report report;
    report_build(&report, &run.plan, &a.filter);
    struct output out;
    if (!output_open(&out, a.output)) {
        cli_free(&run);
        return EXIT_USAGE;
    }
    report.color = cli_want_color(a.color, out.file);
    if ((a.history || a.since) && !read_history(&report, &a, argv + optind, argc - optind)) {
        output_abort(&out);
        if (report.history)
            hash_free(report.history);
        cli_free(&run);
        return EXIT_USAGE;
    }
    report.ascii = a.ascii;
    report.width = terminal_width(out.file);
    report.no_map = a.no_map;
    signal(SIGPIPE, SIG_IGN);
    a.emitter->emit(&report, out.file);
    int written = finish(&out);
    if (report.history)
        hash_free(report.history);
    cli_free(&run);
    return written != EXIT_CLEAN ? written : rc;
}
