/* cmd_agenda.c — `okrc agenda @PERSON`: a Markdown one-on-one agenda over
 * the key results that person owns, the most urgent first. */
#define _GNU_SOURCE
#include "cli.h"
#include "emit.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char agenda_help[] =
    "usage: okrc agenda @PERSON [options] FILE...\n\n"
    "Writes a Markdown one-on-one agenda for the key results PERSON owns (their\n"
    "own or inherited from the objective): progress, what is left, confidence,\n"
    "risks and questions, off-track key results first.\n\n"
    "options:\n"
    "  --as-of DATE       the date progress is measured at (default today)\n"
    "  -o, --output FILE  write to FILE atomically (default standard output)\n"
    "  --color WHEN       colour of diagnostics: auto (default), always, never\n"
    "  -h, --help         show this help\n\n"
    "exit status: 0 agenda written, 1 the plan has errors, 2 usage or I/O error\n";

struct owned {
    struct key_result *kr;
    int urgency;                /* of the key result */
    int objective_urgency;      /* of its most urgent owned key result */
    size_t index;               /* plan order, so that ties stay stable */
};

static bool owns(const struct key_result *kr, const char *person)
{
    str who = kr->owner.name;
    return who.ptr && who.len == strlen(person) && memcmp(who.ptr, person, who.len) == 0;
}

/* Most urgent objective first, then plan order; inside it, urgent KRs first. */
static int by_urgency(const void *a, const void *b)
{
    const struct owned *x = a, *y = b;
    const struct objective *ox = x->kr->objective, *oy = y->kr->objective;
    if (x->objective_urgency != y->objective_urgency)
        return x->objective_urgency - y->objective_urgency;
    if (ox->seq != oy->seq)
        return ox->seq < oy->seq ? -1 : 1;
    if (x->urgency != y->urgency)
        return x->urgency - y->urgency;
    return x->index < y->index ? -1 : x->index > y->index;
}

static struct owned *collect(struct plan *plan, const char *person, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++)
            n += owns(o->key_results.items[k], person);
    }
    struct owned *list = arena_alloc(plan->arena, (n ? n : 1) * sizeof *list);
    size_t at = 0;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        size_t first = at;
        int most = 100;
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            if (!owns(kr, person))
                continue;
            int u = status_urgency(kr->progress.status);
            list[at] = (struct owned){kr, u, 0, at};
            at++;
            most = u < most ? u : most;
        }
        for (size_t j = first; j < at; j++)
            list[j].objective_urgency = most;
    }
    qsort(list, n, sizeof *list, by_urgency);
    *count = n;
    return list;
}

static void kr_progress(FILE *out, const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    char value[64], change[64], left[64], metric[160], date[11];
    format_value(value, sizeof value, kr);
    format_change(change, sizeof change, kr);
    format_metric(metric, sizeof metric, kr);
    format_quantity(left, sizeof left, p->remaining, kr_unit(kr));
    fputs("- Progress since the last check-in: ", out);
    if (p->checkins_counted) {
        date_format(p->last_checkin, date);
        md_escape(out, (str){value, strlen(value)});
        fprintf(out, " on %s", date);
        if (p->has_previous) {
            fputs(" (", out);
            md_escape(out, (str){change, strlen(change)});
            fputc(')', out);
        }
        fputc('\n', out);
    } else {
        fputs("no check-in yet", out);
        if (p->has_value) {
            fputs("; current value ", out);
            md_escape(out, (str){value, strlen(value)});
        }
        fputc('\n', out);
    }
    fputs("- What is left: ", out);
    if (kr->metric == METRIC_MILESTONE)
        fputs(p->score >= 1 ? "nothing, it is done" : "the milestone itself", out);
    else if (p->remaining == 0)
        fputs(p->has_value ? "nothing, the target is reached" : "nothing to measure yet", out);
    else
        md_escape(out, (str){left, strlen(left)});
    fputs(" (", out);
    md_escape(out, (str){metric, strlen(metric)});
    if (kr->due.present) {
        date_format(kr->due.value, date);
        fprintf(out, ", due %s", date);
    }
    fputs(")\n", out);
    if (p->has_forecast) {
        char f[64];
        format_quantity(f, sizeof f, p->forecast, kr_unit(kr));
        fputs("- Forecast at the period end: ", out);
        md_escape(out, (str){f, strlen(f)});
        fprintf(out, " (%s)\n", progress_status_name(p->forecast_status));
    }
}

static void kr_questions(FILE *out, const struct key_result *kr)
{
    const struct objective *o = kr->objective;
    int c = kr->progress.confidence;
    if (c)
        fprintf(out, "- Confidence: %d/10. What would move it to %d?\n", c, c < 10 ? c + 1 : 10);
    else
        fputs("- Confidence: not given yet. How sure are you, from 1 to 10? What would "
              "move it one point up?\n", out);
    fputs("- Risks in the plan: ", out);
    if (!o->risks.len)
        fputs("none written down", out);
    for (size_t i = 0; i < o->risks.len; i++) {
        fputs(i ? "; " : "", out);
        md_escape(out, ((text_item *)o->risks.items[i])->text);
    }
    char period_text[48];
    format_period(period_text, sizeof period_text, o, "the period");
    fprintf(out, "\n- Pre-mortem: suppose %s is over and this key result was missed: why?\n"
                 "- Support needed: \n- Next step: \n", period_text);
}

static void kr_section(FILE *out, const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    fputs("\n### ", out);
    md_escape(out, kr->title);
    fputs(" (", out);
    md_escape(out, kr->id.name);
    fprintf(out, ") — %s, score %.2f, expected %.2f\n\n", progress_status_name(p->status),
            p->score, p->expected);
    kr_progress(out, kr);
    kr_questions(out, kr);
}

static void objective_heading(FILE *out, const struct objective *o)
{
    fputs("\n## ", out);
    md_escape(out, o->title);
    fputs(" (", out);
    md_escape(out, o->id.name);
    fprintf(out, ")\n\nObjective: score %.2f (expected %.2f), %s, %s.\n", o->progress.score,
            o->progress.expected, progress_status_name(o->progress.status),
            objective_kind(o));
}

void agenda_write(FILE *out, struct plan *plan, const char *person)
{
    size_t n;
    struct owned *list = collect(plan, person, &n);
    char date[11];
    date_format(plan->as_of, date);
    fputs("# One-on-one with @", out);
    md_escape(out, (str){person, strlen(person)});
    fprintf(out, " — %s\n\n## Opening\n\nHow are you doing, and what is on your mind "
                 "this week?\n", date);
    if (!n)
        fputs("\n_No key results are owned by this person in the plan._\n", out);
    const struct objective *current = NULL;
    for (size_t i = 0; i < n; i++) {
        if (list[i].kr->objective != current) {
            current = list[i].kr->objective;
            objective_heading(out, current);
        }
        kr_section(out, list[i].kr);
    }
    fputs("\n## Reflection\n\nWhat did you learn since we last spoke, and what would you "
          "do differently next time?\n", out);
}

int cmd_agenda(int argc, char **argv)
{
    static const struct option options[] = {
        {"as-of", required_argument, NULL, 'a'}, {"output", required_argument, NULL, 'o'},
        {"color", required_argument, NULL, 'c'}, {"help", no_argument, NULL, 'h'},
        {0},
    };
    const char *as_of_arg = NULL, *output = NULL, *color = "auto";
    int c;
    while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
        switch (c) {
        case 'a': as_of_arg = optarg; break;
        case 'o': output = optarg; break;
        case 'c':
            if (!cli_color_valid(optarg))
                return cli_usage_error("agenda", "--color takes auto, always or never, not '%s'", optarg);
            color = optarg;
            break;
        case 'h': fputs(agenda_help, stdout); return EXIT_CLEAN;
        default: return cli_usage_error("agenda", "%s", "unknown option");
        }
    }
    if (optind >= argc || argv[optind][0] != '@' || !argv[optind][1])
        return cli_usage_error("agenda", "%s", "the first argument is the person, as @name");
    const char *person = argv[optind++] + 1;
    if (optind >= argc)
        return cli_usage_error("agenda", "%s", "no input files (use '-' for standard input)");
    okr_day as_of;
    if (!cli_as_of(as_of_arg, &as_of))
        return cli_usage_error("agenda", "--as-of takes a date as YYYY-MM-DD, not '%s'", as_of_arg);

    struct cli_run run;
    cli_compile(&run, argv + optind, argc - optind, as_of);
    cli_print_diagnostics(&run, color);
    int rc = cli_exit_code(&run, false);
    if (rc == EXIT_CLEAN) {
        progress_compute(&run.plan);
        struct output out;
        if (!output_open(&out, output)) {
            rc = EXIT_USAGE;
        } else {
            signal(SIGPIPE, SIG_IGN);
            agenda_write(out.file, &run.plan, person);
            bool gone = out.file == stdout && (fflush(stdout) != 0 || ferror(stdout)) && errno == EPIPE;
            rc = gone || output_commit(&out) ? EXIT_CLEAN : EXIT_USAGE;
        }
    }
    cli_free(&run);
    return rc;
}
