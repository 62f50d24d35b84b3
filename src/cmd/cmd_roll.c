/* cmd_roll.c — `okrc roll`: the next period's plan from the one that ends.
 * emit/roll.c writes the text; here it is compiled once more (it must parse
 * and resolve on its own) and laid out by fmt before it is written. */
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/output.h"
#include "emit/fmt.h"
#include "emit/roll.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/plan.h"
#include "lib/source.h"
#include "lib/text.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char roll_help[] =
    "usage: okrc roll --to PERIOD [options] FILE...\n\n"
    "Writes the next period's plan: the objectives of the period that ends (or those\n"
    "named with --objective) with their owners, teams, why and risks; each key result\n"
    "that is not done or dropped carried with its latest value as the new baseline\n"
    "and its target, minimum (while still ahead), owners, weight and note; open\n"
    "initiatives; the teams, people, perspectives, named periods and rules blocks\n"
    "they need. Check-ins, grades, confidences and due dates stay behind. The\n"
    "result passes okrc check and is laid out as okrc fmt would.\n\n"
    "options:\n"
    "  --to PERIOD          the new period: 2027-Q2, 2027-H2, 2028, 2027-04..2027-06\n"
    "  --from PERIOD        the period that ends (default: that of the objectives\n"
    "                       whose period ends last before --to begins)\n"
    "  --objective ID       roll only this objective (repeat for more)\n"
    "  --as-of DATE         the date the latest values are read at (default today)\n"
    "  -o, --output FILE    write to FILE atomically (default standard output)\n"
    "  --color WHEN         colour of diagnostics: auto (default), always, never\n"
    CLI_LOAD_HELP_ROOT CLI_LOAD_HELP
    "  -h, --help           show this help\n\n"
    "exit status: 0 written, 1 the plan has errors that leave it incomplete, 2 usage\n"
    "or I/O error\n";

static int period_arg(const char *option, const char *arg, period *out)
{
    if (cli_period(arg, out))
        return EXIT_CLEAN;
    return cli_usage_error("roll", "%s takes a period (2027-Q2, 2027-H1, 2027, 2027-03, "
                                   "2027-W10, 2027-04-01..2027-06-30), not '%s'", option, arg);
}

/* The period that ends, when --from does not say: that of the objectives
 * whose period ends last before the new one begins (a quarter's objectives
 * in a plan of the year; the year's are still running). */
static bool ending_period(const struct plan *plan, okr_day to_start, period *out)
{
    bool found = false;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        if (!o->period.present || o->period.value.end >= to_start)
            continue;
        if (!found || o->period.value.end > out->end) {
            *out = o->period.value;
            found = true;
        } else if (o->period.value.end == out->end && o->period.value.start < out->start) {
            out->start = o->period.value.start;
        }
    }
    return found;
}

/* The new text parsed on its own (fmt lays out only what parses): a roll
 * that does not is a bug of okrc, said as one, and nothing is written.
 * That the plan also checks is what tests/sh/roll.sh asserts, with its
 * imports loaded. */
static bool parses(struct arena *a, const char *name, const char *text)
{
    struct diag_ctx diags;
    diag_init(&diags, a);
    struct plan plan;
    plan_init(&plan, a, &diags);
    plan_compile_memory(&plan, name, text, strlen(text));
    bool ok = true;
    for (size_t i = 0; i < diags.list.len; i++) {
        const struct diag *g = diags.list.items[i];
        if (g->rule != R_SYNTAX && g->rule != R_INVALID_UTF8)
            continue;
        if (ok)
            fprintf(stderr, "okrc roll: internal error: the new plan does not parse; please report it\n");
        fprintf(stderr, "  %s\n", g->message);
        ok = false;
    }
    plan_free(&plan);
    return ok;
}

int cmd_roll(int argc, char **argv)
{
    static const struct option options[] = {
        {"to", required_argument, NULL, 't'},        {"from", required_argument, NULL, 'F'},
        {"objective", required_argument, NULL, 'O'}, {"as-of", required_argument, NULL, 'a'},
        {"output", required_argument, NULL, 'o'},    {"color", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},            CLI_LOAD_OPTIONS, CLI_ROOT_OPTION, {0},
    };
    const char *to_arg = NULL, *from_arg = NULL, *as_of_arg = NULL, *output = NULL, *color = "auto";
    struct load_opts load = {0};
    struct arena scratch = {0};
    struct vec named = {0};
    int c;
    while ((c = cli_getopt("roll", argc, argv, ":o:h", options)) != -1) {
        switch (c) {
        case 't': to_arg = optarg; break;
        case 'F': from_arg = optarg; break;
        case 'O': vec_push(&scratch, &named, optarg); break;
        case 'a': as_of_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'c':
            if (!cli_color_option("roll", optarg, &color)) {
                arena_free(&scratch);
                return EXIT_USAGE;
            }
            break;
        case 'h': fputs(roll_help, stdout); arena_free(&scratch); return EXIT_CLEAN;
        default: {
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("roll", c, optarg, &load);
            if (taken <= 0) {
                arena_free(&scratch);
                return EXIT_USAGE;
            }
            break;
        }
        }
    }
    struct roll_opts opts = {.to_text = to_arg, .objectives = (const char *const *)named.items,
                             .n_objectives = named.len};
    int rc = EXIT_CLEAN;
    okr_day as_of = 0;
    if (!to_arg)
        rc = cli_usage_error("roll", "--to PERIOD is needed: the period of the new plan (2027-Q2)");
    else if ((rc = period_arg("--to", to_arg, &opts.to)) == EXIT_CLEAN && from_arg)
        rc = period_arg("--from", from_arg, &opts.from);
    if (rc == EXIT_CLEAN && !cli_as_of(as_of_arg, &as_of))
        rc = cli_as_of_error("roll", as_of_arg);
    if (rc == EXIT_CLEAN && optind >= argc)
        rc = cli_usage_error("roll", "no plan given: name its files or folder");
    if (rc != EXIT_CLEAN) {
        arena_free(&scratch);
        return rc;
    }

    struct cli_run run;
    cli_compile_in_context(&run, argv + optind, argc - optind, as_of, &load);
    rc = cli_exit_code(&run, false);
    if (!cli_plan_usable(&run, false)) {
        cli_print_diagnostics(&run, color);
        cli_free(&run);
        arena_free(&scratch);
        return rc;
    }
    rc = EXIT_CLEAN;        /* rule findings of the old plan are not the new one's */
    if (!from_arg && !named.len && !ending_period(&run.plan, opts.to.start, &opts.from)) {
        fprintf(stderr, "okrc roll: error: no objective's period ends before %s begins; say which "
                        "period ends with --from PERIOD\n", to_arg);
        rc = EXIT_USAGE;
    }
    for (size_t i = 0; rc == EXIT_CLEAN && i < named.len; i++) {
        const char *id = named.items[i];
        if (run.plan.objective_ids && hash_get(run.plan.objective_ids, id, strlen(id)))
            continue;
        const char **ids = arena_alloc(&scratch, (run.plan.objectives.len + 1) * sizeof *ids);
        for (size_t k = 0; k < run.plan.objectives.len; k++)
            ids[k] = ((const struct objective *)run.plan.objectives.items[k])->id.name.ptr;
        const char *near = text_nearest_of(id, ids, run.plan.objectives.len);
        rc = near ? cli_usage_error("roll", "--objective: no objective '%s' in the plan; did you mean '%s'?", id, near)
                  : cli_usage_error("roll", "--objective: no objective '%s' in the plan", id);
    }
    if (rc == EXIT_CLEAN && !named.len && opts.to.start <= opts.from.end)
        rc = cli_usage_error("roll", "--to %s does not begin after the period that ends", to_arg);
    if (rc != EXIT_CLEAN) {
        cli_free(&run);
        arena_free(&scratch);
        return rc;
    }
    struct roll_stats stats;
    char *text = roll_plan(&scratch, &run.plan, &opts, &stats);
    const char *name = output ? output : "roll.okr";
    if (!parses(&scratch, name, text)) {
        cli_free(&run);
        arena_free(&scratch);
        return EXIT_USAGE;
    }
    struct source *src = source_from_memory(&scratch, name, text, strlen(text), 0);
    struct fmt_text laid_out = fmt_source(&scratch, src);
    struct output out;
    if (!output_open(&out, output)) {
        source_free(src);
        cli_free(&run);
        arena_free(&scratch);
        return EXIT_USAGE;
    }
    fwrite(laid_out.data, 1, laid_out.len, out.file);
    rc = output_commit(&out) ? EXIT_CLEAN : EXIT_USAGE;
    for (size_t i = 0; rc == EXIT_CLEAN && i < stats.unaligned.len; i++)
        fprintf(stderr, "okrc roll: note: %s\n", (const char *)stats.unaligned.items[i]);
    if (rc == EXIT_CLEAN)
        fprintf(stderr,
                "okrc roll: %zu objective%s to %s: %zu key result%s carried, %zu done and %zu dropped "
                "left behind%s\n",
                stats.objectives, stats.objectives == 1 ? "" : "s", to_arg, stats.carried,
                stats.carried == 1 ? "" : "s", stats.left_done, stats.left_dropped,
                stats.left_objectives ? arena_printf(&scratch, ", %zu objective%s met", stats.left_objectives,
                                                     stats.left_objectives == 1 ? "" : "s")
                                      : "");
    source_free(src);
    cli_free(&run);
    arena_free(&scratch);
    return rc;
}
