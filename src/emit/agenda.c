/* agenda.c — the one-on-one agenda: Markdown over the key results one
 * person owns, the most urgent first, with the questions a lead asks. */
#include "emit/agenda.h"
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"
#include "lib/title.h"

#include <stdlib.h>
#include <string.h>

/* What the agenda says, in the plan's language (or --lang): each phrase
 * and its Dutch side by side, so that a translation is checked line by
 * line. Status words (on-track, at-risk) stay as the plan's other outputs
 * write them. */
#define AGENDA_WORDS(X) \
    X(title, "One-on-one with", \
      "Eén-op-één met") \
    X(opening, "Opening", \
      "Opening") \
    X(opening_question, "How are you doing, and what is on your mind this week?", \
      "Hoe gaat het met je, en wat houdt je deze week bezig?") \
    X(wins, "Wins first", \
      "Eerst de successen") \
    X(wins_none, "Nothing achieved or done yet: what went well anyway?", \
      "Nog niets gehaald of af: wat ging er toch goed?") \
    X(objective, "Objective: score %.2f (expected %.2f), %s, %s.", \
      "Doel: score %.2f (verwacht %.2f), %s, %s.") \
    X(why, "Why", \
      "Waarom") \
    X(risks, "Risks in the plan", \
      "Risico's in het plan") \
    X(risks_none, "none written down", \
      "geen opgeschreven") \
    X(progress, "Progress since the last check-in", \
      "Voortgang sinds de laatste check-in") \
    X(on, "on", \
      "op") \
    X(no_checkin, "no check-in yet", \
      "nog geen check-in") \
    X(current, "current value", \
      "huidige waarde") \
    X(left, "What is left", \
      "Wat nog rest") \
    X(left_done, "nothing, it is done", \
      "niets, het is af") \
    X(left_milestone, "the milestone itself", \
      "de mijlpaal zelf") \
    X(left_rollup_done, "nothing, its contributors are done", \
      "niets, wat eraan bijdraagt is af") \
    X(left_rollup, "what the objectives aligned to it still have to do", \
      "wat de doelen die eraan bijdragen nog moeten doen") \
    X(left_reached, "nothing, the target is reached", \
      "niets, het doel is bereikt") \
    X(left_nothing, "nothing to measure yet", \
      "nog niets te meten") \
    X(due, "due", \
      "uiterlijk") \
    X(forecast, "Forecast at the period end", \
      "Verwachting aan het eind van de periode") \
    X(confidence, "Confidence: %d/10. What would move it to %d?", \
      "Vertrouwen: %d/10. Wat zou het naar %d brengen?") \
    X(confidence_none, "Confidence: not given yet. How sure are you, from 1 to 10? What would move it one point up?", \
      "Vertrouwen: nog niet gegeven. Hoe zeker ben je, van 1 tot 10? Wat zou het een punt hoger brengen?") \
    X(pre_mortem, "Pre-mortem: suppose %s is over and this key result was missed: why?", \
      "Pre-mortem: stel dat %s voorbij is en dit resultaat is niet gehaald: waarom?") \
    X(support, "Support needed", \
      "Nodig aan steun") \
    X(next_step, "Next step", \
      "Volgende stap") \
    X(reflection, "Reflection", \
      "Terugblik") \
    X(reflection_question, "What did you learn since we last spoke, and what would you do differently next time?", \
      "Wat heb je geleerd sinds ons vorige gesprek, en wat zou je de volgende keer anders doen?") \
    X(nobody, "No key results are owned by this person in the plan.", \
      "Deze persoon is in het plan van geen enkel resultaat eigenaar.") \
    X(note, "Note", \
      "Notitie") \
    X(checkins, "Check-ins", \
      "Check-ins") \
    X(by, "by", \
      "door") \
    X(expected, "expected", \
      "verwacht") \
    X(the_period, "the period", \
      "de periode")

struct words {
#define FIELD(name, english, dutch) const char *name;
    AGENDA_WORDS(FIELD)
#undef FIELD
};

#define ENGLISH(name, english, dutch) english,
#define DUTCH(name, english, dutch) dutch,
static const struct words english = {AGENDA_WORDS(ENGLISH)};
static const struct words dutch = {AGENDA_WORDS(DUTCH)};
#undef ENGLISH
#undef DUTCH

struct owned {
    struct key_result *kr;
    int urgency;                /* of the key result */
    int objective_urgency;      /* of its most urgent owned key result */
    size_t index;               /* plan order, so that ties stay stable */
};

static bool owns(const struct key_result *kr, const char *person)
{
    return is_owner(kr->owner, &kr_more(kr)->co_owners, person);
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
            int u = status_urgency(kr->progress->status);
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

static void kr_progress(const struct words *w, struct arena *a, FILE *out, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    const char *value = format_value(a, kr), *change = format_change(a, kr),
               *metric = format_metric(a, kr), *left = format_quantity(a, p->remaining, kr_unit(kr));
    char date[11];
    fprintf(out, "- %s: ", w->progress);
    if (p->checkins_counted) {
        date_format(p->last_checkin, date);
        md_text(out, value);
        fprintf(out, " %s %s", w->on, date);
        if (p->has_previous) {
            fputs(" (", out);
            md_text(out, change);
            fputc(')', out);
        }
        fputc('\n', out);
    } else {
        fputs(w->no_checkin, out);
        if (p->has_value) {
            fprintf(out, "; %s ", w->current);
            md_text(out, value);
        }
        fputc('\n', out);
    }
    fprintf(out, "- %s: ", w->left);
    if (kr->metric == METRIC_MILESTONE)
        fputs(p->score >= 1 ? w->left_done : w->left_milestone, out);
    else if (kr->metric == METRIC_ROLLUP)
        fputs(p->score >= 1 ? w->left_rollup_done : w->left_rollup, out);
    else if (p->remaining == 0)
        fputs(p->has_value ? w->left_reached : w->left_nothing, out);
    else
        md_text(out, left);
    fputs(" (", out);
    md_text(out, metric);
    date_item due = kr_due(kr);
    if (due.present) {
        date_format(due.value, date);
        fprintf(out, ", %s %s", w->due, date);
    }
    fputs(")\n", out);
    if (p->has_forecast) {
        fprintf(out, "- %s: ", w->forecast);
        md_text(out, format_quantity(a, p->forecast, kr_unit(kr)));
        fprintf(out, " (%s)\n", progress_status_name(p->forecast_status));
    }
}

/* The reasons behind the numbers: the key result's note and the notes of
 * its check-ins up to as-of, with who wrote them. */
static void kr_story(const struct words *w, const struct plan *plan, FILE *out, const struct key_result *kr)
{
    if (kr_more(kr)->note.present) {
        fprintf(out, "- %s: ", w->note);
        md_escape(out, kr_more(kr)->note.text);
        fputc('\n', out);
    }
    bool listed = false;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(plan, e) || !entry_note(e)->present)
            continue;
        if (!listed)
            fprintf(out, "- %s:\n", w->checkins);
        listed = true;
        const struct checkin *checkin = entry_checkin(e);
        char date[11];
        date_format(checkin->date.value, date);
        fprintf(out, "  - %s", date);
        const char *by = format_names(plan->arena, plan, *checkin_by(checkin),
                                      checkin_co_by(checkin));
        if (*by) {
            fprintf(out, " (%s ", w->by);
            md_text(out, by);
            fputc(')', out);
        }
        fputs(": ", out);
        md_escape(out, entry_note(e)->text);
        fputc('\n', out);
    }
}

static void kr_questions(const struct words *w, struct arena *a, FILE *out, const struct key_result *kr)
{
    const struct objective *o = kr->objective;
    int c = kr->progress->confidence;
    fputs("- ", out);
    if (c)
        fprintf(out, w->confidence, c, c < 10 ? c + 1 : 10);
    else
        fputs(w->confidence_none, out);
    fputs("\n- ", out);
    fprintf(out, w->pre_mortem, format_period(a, o, w->the_period));
    fprintf(out, "\n- %s: \n- %s: \n", w->support, w->next_step);
}

static void kr_section(const struct words *w, const struct plan *plan, FILE *out, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    fputs("\n### ", out);
    md_escape(out, kr->title);
    fputs(" (", out);
    md_escape(out, kr->id.name);
    fprintf(out, ") — %s, score %.2f, %s %.2f\n\n", progress_status_name(p->status), p->score,
            w->expected, p->expected);
    kr_progress(w, plan->arena, out, kr);
    kr_story(w, plan, out, kr);
    kr_questions(w, plan->arena, out, kr);
}

/* The objective once: its numbers, why it matters, the risks written down. */
static void objective_heading(const struct words *w, FILE *out, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    fputs("\n## ", out);
    md_escape(out, o->title);
    fputs(" (", out);
    md_escape(out, o->id.name);
    fputs(")\n\n", out);
    fprintf(out, w->objective, o->progress->score, o->progress->expected,
            progress_status_name(o->progress->status), objective_kind(o));
    fputc('\n', out);
    if (more->why.present) {
        fprintf(out, "\n%s: ", w->why);
        md_escape(out, more->why.text);
        fputc('\n', out);
    }
    fprintf(out, "\n%s: ", w->risks);
    if (!more->risks.len)
        fputs(w->risks_none, out);
    for (size_t i = 0; i < more->risks.len; i++) {
        fputs(i ? "; " : "", out);
        md_escape(out, ((text_item *)more->risks.items[i])->text);
    }
    fputc('\n', out);
}

/* The language of what the agenda shows: the titles of the person's key
 * results and their objectives (a plan may mix teams of two languages),
 * else of the whole plan. */
static const struct words *agenda_words(struct plan *plan, const struct owned *list, size_t n,
                                        const char *lang)
{
    if (lang)
        return strcmp(lang, "nl") == 0 ? &dutch : &english;
    int score = 0;
    const struct objective *last = NULL;
    for (size_t i = 0; i < n; i++) {
        score += title_language(plan->arena, list[i].kr->title);
        if (list[i].kr->objective != last) {
            last = list[i].kr->objective;
            score += title_language(plan->arena, last->title);
        }
    }
    for (size_t i = 0; !n && i < plan->objectives.len; i++)
        score += title_language(plan->arena, ((const struct objective *)plan->objectives.items[i])->title);
    return score > 0 ? &dutch : &english;
}

void agenda_write(FILE *out, struct plan *plan, const char *person, const char *tag, const char *lang)
{
    size_t n;
    struct owned *list = collect(plan, person, tag, &n);
    const struct words *w = agenda_words(plan, list, n, lang);
    char date[11];
    date_format(plan->as_of, date);
    fprintf(out, "# %s ", w->title);
    ident who = {{person, strlen(person)}, {0}};
    const char *name = person_name(plan->arena, plan, who);
    md_escape(out, (str){name, strlen(name)});
    if (*name != '@') {         /* the name, and the handle it is known by in the plan */
        fputs(" (@", out);
        md_escape(out, (str){person, strlen(person)});
        fputc(')', out);
    }
    fprintf(out, " — %s\n\n## %s\n\n%s\n", date, w->opening, w->opening_question);
    if (!n) {
        fprintf(out, "\n_%s_\n", w->nobody);
    } else {
        /* wins first: what was achieved or done is said before what is not */
        fprintf(out, "\n## %s\n\n", w->wins);
        size_t wins = 0;
        for (size_t i = 0; i < n; i++) {
            const struct key_result *kr = list[i].kr;
            enum progress_status st = kr->progress->status;
            if (kr->progress->dropped || (st != PROGRESS_ACHIEVED && st != PROGRESS_DONE))
                continue;
            fputs("- ", out);
            md_escape(out, kr->title);
            fputs(" (", out);
            md_escape(out, kr->objective->id.name);
            fputc('.', out);
            md_escape(out, kr->id.name);
            fprintf(out, "): %s\n", progress_status_name(st));
            wins++;
        }
        if (!wins)
            fprintf(out, "%s\n", w->wins_none);
    }
    const struct objective *current = NULL;
    for (size_t i = 0; i < n; i++) {
        if (list[i].kr->objective != current) {
            current = list[i].kr->objective;
            objective_heading(w, out, current);
        }
        kr_section(w, plan, out, list[i].kr);
    }
    fprintf(out, "\n## %s\n\n%s\n", w->reflection, w->reflection_question);
}
