/* mermaid.c — the alignment map and the key results' progress as Mermaid
 * text (mermaid.h), which GitHub, GitLab and most wikis draw where Markdown
 * is shown: `graph -T mermaid`, and the map and charts of `report -f md`.
 *
 * Plan text goes into quoted labels only, with Mermaid's entity codes for
 * the characters that would end a label or be read as markup (" < > & # and
 * the brackets); nodes are named by their place in the plan (o12), so no
 * id of the plan ever stands as Mermaid syntax. */
#include "emit/mermaid.h"
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <string.h>

/* A label's text: entity codes for what Mermaid would read; controls and
 * line breaks as spaces. */
static void label_text(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        size_t control = text_control_at(s + i, len - i);
        if (control) {
            fputc(' ', out);
            i += control - 1;
            continue;
        }
        switch (s[i]) {
        case '"': fputs("#quot;", out); break;
        case '<': fputs("#lt;", out); break;
        case '>': fputs("#gt;", out); break;
        case '&': fputs("#amp;", out); break;
        case '#': fputs("#35;", out); break;
        case '[': fputs("#91;", out); break;
        case ']': fputs("#93;", out); break;
        case '{': fputs("#123;", out); break;
        case '}': fputs("#125;", out); break;
        case '`': fputs("#96;", out); break;
        default: fputc(s[i], out);
        }
    }
}

static void label_str(FILE *out, str s)
{
    label_text(out, s.ptr ? s.ptr : "", s.ptr ? s.len : 0);
}

static const char *class_of(const struct progress *p)
{
    return progress_grade_name(progress_color(p));  /* red, yellow, green, grey */
}

/* What each team holds on the map, by its place in the plan: its sub-teams
 * and its drawn objectives, gathered in one pass each, so that drawing the
 * teams is linear in teams and objectives (a scan of every objective per
 * team grew with their product). */
struct team_members {
    struct vec *subteams;       /* struct team *, by team seq */
    struct vec *objectives;     /* struct objective *, by team seq */
};

/* A team's subgraph, its sub-teams' inside it, then its objectives. */
static void team_block(FILE *out, const struct team_members *m, const bool *used, const struct team *t,
                       int depth)
{
    if (!used[t->seq] || depth > 64)
        return;
    fprintf(out, "%*ssubgraph t%zu[\"", 2 * depth + 2, "", t->seq);
    label_str(out, team_name(t));
    fputs("\"]\n", out);
    const struct vec *subteams = &m->subteams[t->seq], *objectives = &m->objectives[t->seq];
    for (size_t i = 0; i < subteams->len; i++)
        team_block(out, m, used, subteams->items[i], depth + 1);
    for (size_t i = 0; i < objectives->len; i++)
        fprintf(out, "%*so%zu\n", 2 * depth + 4, "", (size_t)((const struct objective *)objectives->items[i])->seq);
    fprintf(out, "%*send\n", 2 * depth + 2, "");
}

void mermaid_map(FILE *out, const struct plan *plan, const bool *selected)
{
    fputs("flowchart BT\n", out);
    for (size_t i = 0; i < plan->objectives.len; i++) {
        if (!selected[i])
            continue;
        const struct objective *o = plan->objectives.items[i];
        fprintf(out, "  o%zu[\"", (size_t)o->seq);
        label_str(out, o->title);
        fprintf(out, "<br/>%.2f %s\"]:::%s\n", o->progress->score, progress_status_name(o->progress->status),
                class_of(o->progress));
    }
    /* teams that hold a drawn objective, and their parents */
    size_t teams = plan->teams.len;
    bool *used = arena_alloc(plan->arena, teams + 1);
    struct team_members m = {arena_alloc(plan->arena, (teams + 1) * sizeof *m.subteams),
                             arena_alloc(plan->arena, (teams + 1) * sizeof *m.objectives)};
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (selected[i] && o->team)
            vec_push(plan->arena, &m.objectives[o->team->seq], o);
        for (const struct team *t = selected[i] ? o->team : NULL; t && !used[t->seq]; t = t->parent)
            used[t->seq] = true;
    }
    for (size_t i = 0; i < teams; i++) {
        struct team *t = plan->teams.items[i];
        if (t->parent)
            vec_push(plan->arena, &m.subteams[t->parent->seq], t);
    }
    for (size_t i = 0; i < teams; i++) {
        const struct team *t = plan->teams.items[i];
        if (!t->parent)
            team_block(out, &m, used, t, 0);
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; selected[i] && k < o->aligned_to.len; k++) {
            const struct objective *up = o->aligned_to.items[k];
            if (selected[up->seq])
                fprintf(out, "  o%zu --> o%zu\n", (size_t)o->seq, (size_t)up->seq);
        }
    }
    fputs("  classDef green fill:#d4edda,stroke:#1e7b34\n"
          "  classDef yellow fill:#fff3cd,stroke:#a66300\n"
          "  classDef red fill:#f8d7da,stroke:#b52b27\n"
          "  classDef grey fill:#eeeeee,stroke:#777777\n", out);
}

/* The dates of an objective's check-ins up to as-of, sorted, without repeats. */
static size_t checkin_days(const struct plan *plan, const struct objective *o, okr_day *days, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < o->key_results.len; k++) {
        const struct key_result *kr = o->key_results.items[k];
        for (size_t i = 0; i < kr->checkins.len; i++) {
            const struct checkin_entry *e = kr->checkins.items[i];
            if (!entry_reported(plan, e))
                continue;
            okr_day d = entry_checkin(e)->date.value;
            size_t at = 0;
            while (at < n && days[at] < d)
                at++;
            if (at < n && days[at] == d)
                continue;
            if (n == max)
                break;
            memmove(days + at + 1, days + at, (n - at) * sizeof *days);
            days[at] = d;
            n++;
        }
    }
    return n;
}

bool mermaid_progress(FILE *out, const struct plan *plan, const struct objective *o, const char *opening)
{
    enum { MAX_DAYS = 60 };
    okr_day days[MAX_DAYS];
    size_t n = checkin_days(plan, o, days, MAX_DAYS);
    if (n < 2 || !o->key_results.len)
        return false;
    fputs(opening, out);
    fputs("xychart-beta\n  title \"", out);
    label_str(out, o->title);
    fputs("\"\n  x-axis [", out);
    for (size_t i = 0; i < n; i++) {
        char day[11];
        date_format(days[i], day);
        fprintf(out, "%s\"%s\"", i ? ", " : "", day);
    }
    fputs("]\n  y-axis \"score\" 0 --> 1\n", out);
    for (size_t k = 0; k < o->key_results.len; k++) {
        struct key_result *kr = o->key_results.items[k];
        fputs("  line [", out);
        for (size_t i = 0; i < n; i++)
            fprintf(out, "%s%.2f", i ? ", " : "", progress_kr_at(kr, days[i]).score);
        fputs("]\n", out);
    }
    return true;
}
