/* emit_md.c — `report -f md`: a summary line, a table per objective, the
 * wins since the last check-in and the key results that need attention. */
#include "emit/emit.h"
#include "emit/mermaid.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <stdlib.h>
#include <string.h>

static void md_id(FILE *out, ident id)
{
    md_escape(out, id.name);
}

static void md_kr_ref(FILE *out, const struct key_result *kr)
{
    md_id(out, kr->objective->id);
    fputc('.', out);
    md_id(out, kr->id);
}

/* A coloured mark before a status (SPEC §4 colours): Markdown has no colour. */
static const char *mark(const struct progress *p)
{
    static const char *const marks[] = {"🔴", "🟡", "🟢", "⚪"};
    return marks[progress_color(p)];
}

static void summary(const struct report *r, FILE *out)
{
    size_t counts[PROGRESS_DROPPED + 1] = {0}, krs = 0;
    double total = 0;
    for (size_t i = 0; i < r->objectives.len; i++) {
        const struct objective *o = r->objectives.items[i];
        total += o->progress->score;
        for (size_t k = 0; k < o->key_results.len; k++, krs++)
            counts[((struct key_result *)o->key_results.items[k])->progress->status]++;
    }
    fprintf(out, "**%zu objectives**, %zu key results", (size_t)r->objectives.len, krs);
    for (int s = PROGRESS_NO_DATA; s <= PROGRESS_DROPPED; s++)
        if (counts[s])
            fprintf(out, ", %zu %s", counts[s], progress_status_name((enum progress_status)s));
    if (r->objectives.len)
        fprintf(out, "; average objective score %.2f", total / (double)r->objectives.len);
    fputs(".\n", out);
}

/* "Maria Jansen, @joe": every owner, by the name declared with `person`. */
static void md_owners(const struct plan *plan, FILE *out, ident first, const struct vec *co_owners)
{
    md_text(out, format_names(plan->arena, plan, first, co_owners));
}

static void kr_row(const struct report *r, FILE *out, const struct key_result *kr)
{
    struct arena *a = r->plan->arena;
    const struct progress *p = kr->progress;
    const char *value = format_value(a, kr), *metric = format_metric(a, kr),
               *change = format_change(a, kr);
    fputs("| ", out);
    md_escape(out, kr->title);
    fputs(" (", out);
    md_id(out, kr->id);
    fputs(") | ", out);
    if (kr->owner.name.ptr)
        md_owners(r->plan, out, kr->owner, &kr_more(kr)->co_owners);
    fputs(" | ", out);
    md_text(out, value);
    fputs(" (", out);
    md_text(out, metric);
    fputs(")", out);
    const char *judged = format_judgment(a, p);
    if (*judged) {
        fputs(", ", out);
        md_text(out, judged);
    }
    fputs(" | ", out);
    md_text(out, change);
    fprintf(out, " | %.2f | %s %s | ", p->score, mark(p), progress_status_name(p->status));
    if (p->confidence)
        fprintf(out, "%d", p->confidence);
    fputs(" |\n", out);
}

/* A key result's note and its check-ins, each with who and why. */
/* "**Title (id)**" and what follows it on the line. */
static void kr_heading(FILE *out, const struct key_result *kr, const char *after)
{
    fputs("\n**", out);
    md_escape(out, kr->title);
    fputs(" (", out);
    md_id(out, kr->id);
    fprintf(out, ")**%s", after);
}

static void kr_story(const struct report *r, FILE *out, const struct key_result *kr)
{
    struct arena *a = r->plan->arena;
    bool heading = false;
    const char *git = format_history(r, kr);
    if (git) {
        kr_heading(out, kr, " in git: ");
        md_text(out, git);
        fputc('\n', out);
    }
    if (kr_more(kr)->note.present) {
        kr_heading(out, kr, ": ");
        md_escape(out, kr_more(kr)->note.text);
        fputc('\n', out);
        heading = true;
    }
    bool listed = false;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(r->plan, e))
            continue;
        if (!heading)
            kr_heading(out, kr, "\n");
        heading = true;
        const struct checkin *checkin = entry_checkin(e);
        char date[11];
        date_format(checkin->date.value, date);
        fprintf(out, "%s- %s", listed ? "" : "\n", date);
        listed = true;
        const char *value = format_entry_value(a, kr, e),
                   *by = format_names(a, r->plan, *checkin_by(checkin), checkin_co_by(checkin));
        const char *sep = ": ";
        if (*value) {
            fputs(sep, out);
            md_text(out, value);
            sep = ", ";
        }
        if (e->confidence_present) {
            fprintf(out, "%sconfidence %g", sep, entry_confidence_value(e));
            sep = ", ";
        }
        if (*by) {
            fprintf(out, "%sby ", sep);
            md_text(out, by);
        }
        if (entry_note(e)->present) {
            fputs(" — ", out);
            md_escape(out, entry_note(e)->text);
        }
        fputc('\n', out);
    }
}

static void initiatives(const struct report *r, FILE *out, const struct objective *o)
{
    if (!o->initiatives.len)
        return;
    fputs("\n| Initiative | Owner | Status | Supports | Due |\n|---|---|---|---|---|\n", out);
    for (size_t i = 0; i < o->initiatives.len; i++) {
        const struct initiative *in = o->initiatives.items[i];
        fputs("| ", out);
        md_escape(out, in->title);
        fputs(" (", out);
        md_id(out, in->id);
        fputs(") | ", out);
        md_text(out, format_names(r->plan->arena, r->plan, in->owner, &initiative_more(in)->co_owners));
        fprintf(out, " | %s | ", initiative_status_name(in->status));
        for (size_t k = 0; k < in->n_supports; k++) {
            if (k)
                fputs(", ", out);
            md_id(out, in->supports[k]);
        }
        fputs(" | ", out);
        if (initiative_more(in)->due.present) {
            char due[11];
            date_format(initiative_more(in)->due.value, due);
            fputs(due, out);
        }
        fputs(" |\n", out);
    }
}

/* The key results' scores over the check-ins, one line each (Mermaid's
 * xychart has no legend: the order is said under it). */
static void progress_chart(const struct report *r, FILE *out, const struct objective *o)
{
    if (mermaid_progress(out, r->plan, o, "\n```mermaid\n")) {
        fputs("```\n\nThe lines, in order: ", out);
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            fprintf(out, "%s%zu. ", k ? ", " : "", k + 1);
            md_escape(out, kr->title);
            fputs(" (", out);
            md_id(out, kr->id);
            fputc(')', out);
        }
        fputs(".\n", out);
    }
}

static void objective_section(const struct report *r, FILE *out, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    const struct progress *p = o->progress;
    struct arena *a = r->plan->arena;
    const char *period_text = format_period(a, o, "no period");
    fputs("\n## ", out);
    md_escape(out, o->title);
    fputs(" (", out);
    md_id(out, o->id);
    fputs(")\n\n", out);
    for (size_t i = 0; i < more->tags.len; i++) {
        fputs("#", out);
        md_escape(out, ((const ident *)more->tags.items[i])->name);
        fputs(i + 1 < more->tags.len ? " " : " · ", out);
    }
    if (o->team) {
        fputs("Team ", out);
        md_escape(out, team_name(o->team));
        for (size_t i = 0; i < more->co_teams.len; i++) {
            fputs(", ", out);
            md_escape(out, team_name(more->co_teams.items[i]));
        }
        fputs(" · ", out);
    }
    if (o->owner.name.ptr) {
        fputs("owner ", out);
        md_owners(r->plan, out, o->owner, &more->co_owners);
        fputs(" · ", out);
    }
    const char *judged = format_judgment(a, p);
    fprintf(out, "%s · %s · score **%.2f** (expected %.2f)%s%s · %s **%s**\n", period_text,
            objective_kind(o), p->score, p->expected, *judged ? " · " : "", judged, mark(p),
            progress_status_name(p->status));
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct key_result *kr = o->aligned_krs.items[i];
        fputs(i ? ", " : "\nAligns to: ", out);
        md_id(out, ((struct objective *)o->aligned_to.items[i])->id);
        if (kr) {
            fputc('.', out);
            md_id(out, kr->id);
        }
        if (i + 1 == o->aligned_to.len)
            fputc('\n', out);
    }
    if (more->why.present) {
        fputs("\n**Why:** ", out);
        md_escape(out, more->why.text);
        fputc('\n', out);
    }
    if (more->note.present) {
        fputs("\n**Note:** ", out);
        md_escape(out, more->note.text);
        fputc('\n', out);
    }
    for (size_t i = 0; i < more->risks.len; i++) {
        fputs(i ? "- " : "\n**Risks:**\n\n- ", out);
        md_escape(out, ((const text_item *)more->risks.items[i])->text);
        fputc('\n', out);
    }
    const struct vec *contributors = &o->contributors;
    if (contributors->len)
        fputs("\nContributors:\n\n", out);
    for (size_t i = 0; i < contributors->len; i++) {
        const struct objective *c = contributors->items[i];
        fputs("- ", out);
        md_escape(out, c->title);
        fputs(" (", out);
        md_id(out, c->id);
        fprintf(out, "): %.2f, %s\n", c->progress->score, progress_status_name(c->progress->status));
    }
    fputs("\n| Key result | Owner | Value | Change | Score | Status | Confidence |\n"
          "|---|---|---|---|---:|---|---:|\n", out);
    for (size_t i = 0; i < o->key_results.len; i++)
        kr_row(r, out, o->key_results.items[i]);
    progress_chart(r, out, o);
    for (size_t i = 0; i < o->key_results.len; i++)
        kr_story(r, out, o->key_results.items[i]);
    initiatives(r, out, o);
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        for (size_t k = 0; k < kr_more(kr)->contributors.len; k++) {
            const struct objective *c = kr_more(kr)->contributors.items[k];
            if (k == 0) {
                fputs("\nContributors to ", out);
                md_escape(out, kr->title);
                fputs(" (", out);
                md_id(out, kr->id);
                fputs("):\n\n", out);
            }
            fputs("- ", out);
            md_escape(out, c->title);
            fputs(" (", out);
            md_id(out, c->id);
            fprintf(out, "): %.2f, %s\n", c->progress->score, progress_status_name(c->progress->status));
        }
    }
}

/* Achieved key results and done milestones. */
static void wins(const struct report *r, FILE *out)
{
    fputs("\n## Wins\n\n", out);
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        fputs("- ", out);
        md_kr_ref(out, kr);
        fputs(": ", out);
        md_escape(out, kr->title);
        fputs(" — ", out);
        const char *value = format_value(r->plan->arena, kr),
                   *status = progress_status_name(kr->progress->status);
        md_text(out, value);
        if (strcmp(value, status) != 0)     /* a milestone's value is "done" */
            fprintf(out, ", **%s**", status);
        fputc('\n', out);
    }
    if (!r->wins.len)
        fputs("None yet.\n", out);
}

/* The one attention list (emit.c), most urgent first, each with its reasons. */
static void attention(const struct report *r, FILE *out)
{
    fputs("\n## Needs attention\n\n", out);
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        const struct key_result *kr = item->kr;
        fputs("- ", out);
        md_kr_ref(out, kr);
        fputs(": ", out);
        md_escape(out, kr->title);
        fprintf(out, " — %s ", mark(kr->progress));
        for (size_t k = 0; k < item->reasons.len; k++) {
            fputs(k ? "; " : "", out);
            md_text(out, item->reasons.items[k]);
        }
        if (kr->owner.name.ptr) {
            fputs(" (owner ", out);
            md_owners(r->plan, out, kr->owner, &kr_more(kr)->co_owners);
            fputc(')', out);
        }
        fputc('\n', out);
    }
    if (!r->attention.len)
        fputs("Nothing: no key result is off track, at risk, missed or without a recent check-in.\n", out);
}

/* --close: how the period ended, per team, and what needs a post-mortem. */
static void close_section(const struct report *r, FILE *out)
{
    const struct report_close *c = r->close;
    fputs("\n## Close of ", out);
    md_text(out, c->period_text);
    fputs("\n\n| Team | Objectives |", out);
    for (int b = BAND_FAILED; b < BAND_COUNT; b++)
        fprintf(out, " %s |", close_band_name((enum close_band)b));
    fputs("\n|---|---:|---:|---:|---:|---:|\n", out);
    for (size_t i = 0; i <= c->teams.len; i++) {
        const struct close_team *row = i < c->teams.len ? c->teams.items[i] : &c->plan;
        fputs(i < c->teams.len ? "| " : "| **", out);
        md_text(out, row->name);
        fprintf(out, "%s | %zu |", i < c->teams.len ? "" : "**", row->total);
        for (int b = BAND_FAILED; b < BAND_COUNT; b++)
            fprintf(out, " %zu |", row->bands[b]);
        fputc('\n', out);
    }
    fputs("\n### Committed objectives missed\n\n", out);
    if (!c->missed.len)
        fputs("None.\n", out);
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        fputs("- ", out);
        md_id(out, o->id);
        fputs(": ", out);
        md_escape(out, o->title);
        fprintf(out, " — score %.2f, a post-mortem is due", o->progress->score);
        const struct vec *risks = &objective_more(o)->risks;
        if (risks->len)
            fputs("; the risks written at the start:", out);
        fputc('\n', out);
        for (size_t k = 0; k < risks->len; k++) {
            fputs("  - ", out);
            md_escape(out, ((const text_item *)risks->items[k])->text);
            fputc('\n', out);
        }
    }
    fputs("\n### Key results never checked in\n\n", out);
    if (!c->never.len)
        fputs("None.\n", out);
    for (size_t i = 0; i < c->never.len; i++) {
        const struct key_result *kr = c->never.items[i];
        fputs("- ", out);
        md_kr_ref(out, kr);
        fputs(": ", out);
        md_escape(out, kr->title);
        fputc('\n', out);
    }
}

/* The alignment map as Mermaid, which GitHub, GitLab and wikis draw; a plan
 * too large for one picture gets a pointer to `okrc graph`. */
#define MAP_MAX_OBJECTIVES 200

static void map(const struct report *r, FILE *out)
{
    if (r->no_map || !r->objectives.len)
        return;
    fputs("\n## Alignment map\n\n", out);
    if (r->objectives.len > MAP_MAX_OBJECTIVES) {
        fprintf(out, "%zu objectives are more than one picture can show: `okrc graph` draws them, "
                     "narrowed with --team or --root.\n", (size_t)r->objectives.len);
        return;
    }
    bool *selected = arena_alloc(r->plan->arena, r->plan->objectives.len + 1);
    for (size_t i = 0; i < r->objectives.len; i++)
        selected[((const struct objective *)r->objectives.items[i])->seq] = true;
    fputs("```mermaid\n", out);
    mermaid_map(out, r->plan, selected);
    fputs("```\n", out);
}

void emit_md(const struct report *r, FILE *out)
{
    char date[11];
    date_format(r->plan->as_of, date);
    fputs("# ", out);
    md_escape(out, report_title(r));
    fprintf(out, " — progress as of %s\n\n", date);
    if (r->errors.len) {    /* the plan's rule findings: shown, not hidden */
        fprintf(out, "> **The plan has %zu error%s** (`okrc check` explains them):\n>\n", (size_t)r->errors.len,
                r->errors.len == 1 ? "" : "s");
        for (size_t i = 0; i < r->errors.len; i++) {
            const struct report_error *e = r->errors.items[i];
            fprintf(out, "> - `%s:%d` ", e->file, e->line);
            md_escape(out, (str){e->message, strlen(e->message)});
            fprintf(out, " (%s)\n", e->rule);
        }
        fputs("\n", out);
    }
    summary(r, out);
    map(r, out);
    for (size_t i = 0; i < r->objectives.len; i++)
        objective_section(r, out, r->objectives.items[i]);
    wins(r, out);
    attention(r, out);
    if (r->close)
        close_section(r, out);
}
