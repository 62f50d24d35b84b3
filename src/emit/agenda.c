/* agenda.c — the one-on-one agenda: Markdown over the key results one
 * person owns, the most urgent first, with the questions a lead asks. */
#include "emit/agenda.h"
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <stdlib.h>
#include <string.h>

struct owned {
    struct key_result *kr;
    int urgency;                /* of the key result */
    int objective_urgency;      /* of its most urgent owned key result */
    size_t index;               /* plan order, so that ties stay stable */
};

static bool owns(const struct key_result *kr, const char *person)
{
    return is_owner(kr->owner, &kr->co_owners, person);
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

size_t agenda_count(struct plan *plan, const char *person, const char *tag)
{
    size_t n = 0;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++)
            n += owns(o->key_results.items[k], person) && kr_tagged(o->key_results.items[k], tag);
    }
    return n;
}

static struct owned *collect(struct plan *plan, const char *person, const char *tag,
                             size_t *count)
{
    size_t n = agenda_count(plan, person, tag);
    struct owned *list = arena_alloc(plan->arena, (n ? n : 1) * sizeof *list);
    size_t at = 0;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        size_t first = at;
        int most = 100;
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            if (!owns(kr, person) || !kr_tagged(kr, tag))
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

static void kr_progress(struct arena *a, FILE *out, const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    const char *value = format_value(a, kr), *change = format_change(a, kr),
               *metric = format_metric(a, kr), *left = format_quantity(a, p->remaining, kr_unit(kr));
    char date[11];
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
    else if (kr->metric == METRIC_ROLLUP)
        fputs(p->score >= 1 ? "nothing, its contributors are done"
                            : "what the objectives aligned to it still have to do", out);
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
        const char *f = format_quantity(a, p->forecast, kr_unit(kr));
        fputs("- Forecast at the period end: ", out);
        md_escape(out, (str){f, strlen(f)});
        fprintf(out, " (%s)\n", progress_status_name(p->forecast_status));
    }
}

static void kr_questions(struct arena *a, FILE *out, const struct key_result *kr)
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
    const char *period_text = format_period(a, o, "the period");
    fprintf(out, "\n- Pre-mortem: suppose %s is over and this key result was missed: why?\n"
                 "- Support needed: \n- Next step: \n", period_text);
}

static void kr_section(struct arena *a, FILE *out, const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    fputs("\n### ", out);
    md_escape(out, kr->title);
    fputs(" (", out);
    md_escape(out, kr->id.name);
    fprintf(out, ") — %s, score %.2f, expected %.2f\n\n", progress_status_name(p->status),
            p->score, p->expected);
    kr_progress(a, out, kr);
    kr_questions(a, out, kr);
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

void agenda_write(FILE *out, struct plan *plan, const char *person, const char *tag)
{
    size_t n;
    struct owned *list = collect(plan, person, tag, &n);
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
        kr_section(plan->arena, out, list[i].kr);
    }
    fputs("\n## Reflection\n\nWhat did you learn since we last spoke, and what would you "
          "do differently next time?\n", out);
}

