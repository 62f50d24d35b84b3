/* emit_html.c — `report -f html`: one self-contained, printable page with
 * inline CSS and no scripts or network; all user text is escaped. */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <string.h>

static const char page_style[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}"
    "h1{font-size:1.5em}h2{font-size:1.15em;margin:1.5em 0 .3em}"
    "h1,section{overflow-wrap:anywhere}"  /* a long unbroken word must not push the table out */
    "section{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:1em 0;"
    "break-inside:avoid}"
    ".meta{color:#555}table{border-collapse:collapse;width:100%}"
    ".banner{border:1px solid #c00;background:#fee;padding:.5em 1em;margin:1em 0}"
    "th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #eee;vertical-align:top}"
    "td small{display:block;color:#555}th,.score,.status{white-space:nowrap}"
    ".bar{display:inline-block;width:8em;height:.8em;background:#eee;border-radius:3px;"
    "overflow:hidden;vertical-align:middle;-webkit-print-color-adjust:exact;print-color-adjust:exact}"  /* bars print in colour; .fill inherits it */
    ".fill{display:block;height:100%}"
    ".red{background:#d9534f}.yellow{background:#f0ad4e}.green{background:#5cb85c}.grey{background:#bbb}"
    ".status{font-weight:600;padding:0 .4em;border-radius:3px}"
    ".on-track,.done,.achieved{color:#1e7b34}.at-risk{color:#a66300}"
    ".off-track,.missed{color:#b52b27}.no-data,.not-started,.dropped{color:#777}"
    ".who{white-space:nowrap}"   /* a handle is one word: never broken at its '.' or '-' */
    ".story{margin:.3em 0 0;padding-left:1.2em;color:#333}.story li{margin:.1em 0}"
    ".why{margin:.3em 0}"
    "@media print{body{margin:0;max-width:none}section{border-color:#999}.bar{width:5em}}";

static void esc(FILE *out, str s)
{
    html_escape(out, s.ptr ? s.ptr : "", s.ptr ? s.len : 0);
}

static void esc_text(FILE *out, const char *s)
{
    html_escape(out, s, strlen(s));
}

/* "@a, @b": every owner. */
static void owners(FILE *out, ident first, const struct vec *co_owners)
{
    fputs("<span class=\"who\">@", out);
    esc(out, first.name);
    fputs("</span>", out);
    for (size_t i = 0; i < co_owners->len; i++) {
        fputs(", <span class=\"who\">@", out);
        esc(out, ((const ident *)co_owners->items[i])->name);
        fputs("</span>", out);
    }
}

/* A key result's note and its check-ins, each with who and why. */
static void kr_story(const struct report *r, FILE *out, const struct key_result *kr)
{
    if (kr->note.present) {
        fputs("<p class=\"why\">", out);
        esc(out, kr->note.text);
        fputs("</p>", out);
    }
    bool listed = false;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(r->plan, e))
            continue;
        fputs(listed ? "" : "<ul class=\"story\">", out);
        listed = true;
        char date[11];
        date_format(e->checkin->date.value, date);
        fprintf(out, "<li>%s", date);
        const char *value = format_entry_value(r->plan->arena, kr, e);
        const char *sep = ": ";
        if (*value) {
            fputs(sep, out);
            esc_text(out, value);
            sep = ", ";
        }
        if (e->confidence.present) {
            fprintf(out, "%sconfidence %g", sep, e->confidence.value);
            sep = ", ";
        }
        if (e->checkin->by.name.ptr) {
            fprintf(out, "%sby ", sep);
            owners(out, e->checkin->by, &e->checkin->co_by);
        }
        if (e->note.present) {
            fputs(" — ", out);
            esc(out, e->note.text);
        }
        fputs("</li>", out);
    }
    if (listed)
        fputs("</ul>", out);
}

static void bar(FILE *out, const struct progress *p)
{
    fprintf(out, "<span class=\"score\"><span class=\"bar\"><span class=\"fill %s\" "
            "style=\"width:%.0f%%\"></span></span> %.2f</span>",
            progress_grade_name(progress_color(p)), p->score * 100, p->score);
}

static void status(FILE *out, enum progress_status s)
{
    const char *name = progress_status_name(s);
    fprintf(out, "<span class=\"status %s\">%s</span>", name, name);
}

/* The objectives aligned to an objective or key result, with their scores. */
static void contributor_list(FILE *out, const struct vec *v)
{
    fputs("<ul>\n", out);
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        fputs("<li>", out);
        esc(out, c->title);
        fputs(" <small>", out);
        esc(out, c->id.name);
        fputs("</small> ", out);
        bar(out, &c->progress);
        fputc(' ', out);
        status(out, c->progress.status);
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void kr_row(const struct report *r, FILE *out, const struct key_result *kr)
{
    struct arena *a = r->plan->arena;
    const struct progress *p = &kr->progress;
    const char *value = format_value(a, kr), *metric = format_metric(a, kr),
               *change = format_change(a, kr);
    fputs("<tr><td>", out);
    esc(out, kr->title);
    fputs(" <small>", out);
    esc(out, kr->id.name);
    fputs("</small>", out);
    kr_story(r, out, kr);
    if (kr->contributors.len)
        contributor_list(out, &kr->contributors);
    fputs("</td><td>", out);
    if (kr->owner.name.ptr)
        owners(out, kr->owner, &kr->co_owners);
    fputs("</td><td>", out);
    esc_text(out, value);
    fputs(" <small>", out);
    esc_text(out, metric);
    const char *judged = format_judgment(a, p);
    if (*judged) {
        fputs(", ", out);
        esc_text(out, judged);
    }
    fputs("</small></td><td>", out);
    esc_text(out, change);
    fputs("</td><td>", out);
    bar(out, p);
    fputs("</td><td>", out);
    status(out, p->status);
    fputs("</td><td>", out);
    if (p->confidence)
        fprintf(out, "%d", p->confidence);
    fputs("</td></tr>\n", out);
}

static void contributors(const struct report *r, FILE *out, const struct objective *o)
{
    const struct vec *v = &r->contributors[o->seq];
    if (!v->len)
        return;
    fputs("<p class=\"meta\">Contributors:</p>", out);
    contributor_list(out, v);
}

static void objective_section(const struct report *r, FILE *out, const struct objective *o)
{
    const struct progress *p = &o->progress;
    struct arena *a = r->plan->arena;
    const char *period_text = format_period(a, o, "no period");
    fputs("<section>\n<h2>", out);
    esc(out, o->title);
    fputs(" <small>", out);
    esc(out, o->id.name);
    fputs("</small></h2>\n<p class=\"meta\">", out);
    for (size_t i = 0; i < o->tags.len; i++) {
        fputs("#", out);
        esc(out, ((const ident *)o->tags.items[i])->name);
        fputs(i + 1 < o->tags.len ? " " : " · ", out);
    }
    if (o->team) {
        fputs("Team ", out);
        esc(out, team_name(o->team));
        for (size_t i = 0; i < o->co_teams.len; i++) {
            fputs(", ", out);
            esc(out, team_name(o->co_teams.items[i]));
        }
        fputs(" · ", out);
    }
    if (o->owner.name.ptr) {
        fputs("owner ", out);
        owners(out, o->owner, &o->co_owners);
        fputs(" · ", out);
    }
    const char *judged = format_judgment(a, p);
    fprintf(out, "%s · %s · %s%sexpected %.2f</p>\n<p>", period_text, objective_kind(o), judged,
            *judged ? " · " : "", p->expected);
    bar(out, p);
    fputc(' ', out);
    status(out, p->status);
    fputs("</p>\n", out);
    if (o->why.present) {
        fputs("<p class=\"why\"><strong>Why:</strong> ", out);
        esc(out, o->why.text);
        fputs("</p>\n", out);
    }
    if (o->note.present) {
        fputs("<p class=\"why\"><strong>Note:</strong> ", out);
        esc(out, o->note.text);
        fputs("</p>\n", out);
    }
    for (size_t i = 0; i < o->risks.len; i++) {
        fputs(i ? "<li>" : "<p class=\"why\"><strong>Risks:</strong></p><ul class=\"story\"><li>", out);
        esc(out, ((const text_item *)o->risks.items[i])->text);
        fputs(i + 1 < o->risks.len ? "</li>" : "</li></ul>\n", out);
    }
    contributors(r, out, o);
    fputs("<table>\n<tr><th>Key result</th><th>Owner</th><th>Value</th><th>Change</th>"
          "<th>Score</th><th>Status</th><th>Confidence</th></tr>\n", out);
    for (size_t i = 0; i < o->key_results.len; i++)
        kr_row(r, out, o->key_results.items[i]);
    fputs("</table>\n", out);
    if (o->initiatives.len)
        fputs("<table>\n<tr><th>Initiative</th><th>Owner</th><th>Status</th><th>Supports</th>"
              "<th>Due</th></tr>\n", out);
    for (size_t i = 0; i < o->initiatives.len; i++) {
        const struct initiative *in = o->initiatives.items[i];
        fputs("<tr><td>", out);
        esc(out, in->title);
        fputs(" <small>", out);
        esc(out, in->id.name);
        fputs("</small></td><td>", out);
        if (in->owner.name.ptr)
            owners(out, in->owner, &in->co_owners);
        fprintf(out, "</td><td>%s</td><td>", initiative_status_name(in->status));
        for (size_t k = 0; k < in->supports.len; k++) {
            if (k)
                fputs(", ", out);
            esc(out, ((const ident *)in->supports.items[k])->name);
        }
        fputs("</td><td>", out);
        if (in->due.present) {
            char due[11];
            date_format(in->due.value, due);
            fputs(due, out);
        }
        fputs("</td></tr>\n", out);
    }
    if (o->initiatives.len)
        fputs("</table>\n", out);
    fputs("</section>\n", out);
}

static void kr_ref(FILE *out, const struct key_result *kr)
{
    fputs("<small>", out);
    esc(out, kr->objective->id.name);
    fputc('.', out);
    esc(out, kr->id.name);
    fputs("</small>", out);
}

/* The one attention list (emit.c) and the wins, before the objectives: what
 * a review starts with. */
static void attention(const struct report *r, FILE *out)
{
    fputs("<section>\n<h2>Needs attention</h2>\n", out);
    if (!r->attention.len)
        fputs("<p>Nothing: no key result is off track, at risk, missed or without a recent "
              "check-in.</p>\n", out);
    else
        fputs("<ul class=\"story\">\n", out);
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        fputs("<li>", out);
        esc(out, item->kr->title);
        fputc(' ', out);
        kr_ref(out, item->kr);
        fputc(' ', out);
        status(out, item->kr->progress.status);
        fputc(' ', out);
        for (size_t k = 0; k < item->reasons.len; k++) {
            fputs(k ? "; " : "", out);
            esc_text(out, item->reasons.items[k]);
        }
        if (item->kr->owner.name.ptr) {
            fputs(" · ", out);
            owners(out, item->kr->owner, &item->kr->co_owners);
        }
        fputs("</li>\n", out);
    }
    if (r->attention.len)
        fputs("</ul>\n", out);
    fputs("<h2>Wins</h2>\n", out);
    if (!r->wins.len)
        fputs("<p>None yet.</p>\n", out);
    else
        fputs("<ul class=\"story\">\n", out);
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        fputs("<li>", out);
        esc(out, kr->title);
        fputc(' ', out);
        kr_ref(out, kr);
        fputc(' ', out);
        const char *value = format_value(r->plan->arena, kr);
        if (strcmp(value, progress_status_name(kr->progress.status)) != 0) {
            esc_text(out, value);   /* a milestone's value is "done": its status says it */
            fputc(' ', out);
        }
        status(out, kr->progress.status);
        fputs("</li>\n", out);
    }
    if (r->wins.len)
        fputs("</ul>\n", out);
    fputs("</section>\n", out);
}

/* --close: how the period ended, per team, and what needs a post-mortem. */
static void close_section(const struct report *r, FILE *out)
{
    const struct report_close *c = r->close;
    fputs("<section>\n<h2>Close of ", out);
    esc_text(out, c->period_text);
    fputs("</h2>\n<table>\n<tr><th>Team</th><th>Objectives</th>", out);
    for (int b = BAND_FAILED; b < BAND_COUNT; b++)
        fprintf(out, "<th>%s</th>", close_band_name((enum close_band)b));
    fputs("</tr>\n", out);
    for (size_t i = 0; i <= c->teams.len; i++) {
        const size_t *bands = i < c->teams.len ? ((const struct close_team *)c->teams.items[i])->bands : c->bands;
        const struct team *team = i < c->teams.len ? ((const struct close_team *)c->teams.items[i])->team : NULL;
        size_t total = 0;
        for (int b = BAND_FAILED; b < BAND_COUNT; b++)
            total += bands[b];
        fputs("<tr><td>", out);
        if (i == c->teams.len)
            fputs("<strong>The plan</strong>", out);
        else if (team)
            esc(out, team_name(team));
        else
            fputs("No team", out);
        fprintf(out, "</td><td>%zu</td>", total);
        for (int b = BAND_FAILED; b < BAND_COUNT; b++)
            fprintf(out, "<td>%zu</td>", bands[b]);
        fputs("</tr>\n", out);
    }
    fputs("</table>\n<h2>Committed objectives missed</h2>\n", out);
    fputs(c->missed.len ? "<ul class=\"story\">\n" : "<p>None.</p>\n", out);
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        fputs("<li>", out);
        esc(out, o->title);
        fputs(" <small>", out);
        esc(out, o->id.name);
        fprintf(out, "</small> score %.2f, a post-mortem is due", o->progress.score);
        if (o->risks.len)
            fputs("; the risks written at the start:<ul>", out);
        for (size_t k = 0; k < o->risks.len; k++) {
            fputs("<li>", out);
            esc(out, ((const text_item *)o->risks.items[k])->text);
            fputs("</li>", out);
        }
        fputs(o->risks.len ? "</ul></li>\n" : "</li>\n", out);
    }
    if (c->missed.len)
        fputs("</ul>\n", out);
    fputs("<h2>Key results never checked in</h2>\n", out);
    fputs(c->never.len ? "<ul class=\"story\">\n" : "<p>None.</p>\n", out);
    for (size_t i = 0; i < c->never.len; i++) {
        const struct key_result *kr = c->never.items[i];
        fputs("<li>", out);
        esc(out, kr->title);
        fputc(' ', out);
        kr_ref(out, kr);
        fputs("</li>\n", out);
    }
    if (c->never.len)
        fputs("</ul>\n", out);
    fputs("</section>\n", out);
}

void emit_html(const struct report *r, FILE *out)
{
    char date[11];
    date_format(r->plan->as_of, date);
    str title = report_title(r);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>", out);
    esc(out, title);
    fprintf(out, " — progress as of %s</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", date,
            page_style);
    esc(out, title);
    fprintf(out, "</h1>\n<p class=\"meta\">Progress as of %s · %zu objectives</p>\n", date,
            r->objectives.len);
    if (r->errors.len) {    /* the plan's rule findings: shown, not hidden */
        fprintf(out, "<div class=\"banner\" role=\"alert\"><strong>The plan has %zu error%s</strong> "
                     "(<code>okrc check</code> explains them)<ul>\n", r->errors.len,
                r->errors.len == 1 ? "" : "s");
        for (size_t i = 0; i < r->errors.len; i++) {
            const struct report_error *e = r->errors.items[i];
            fputs("<li><code>", out);
            esc_text(out, e->file);
            fprintf(out, ":%d</code> ", e->line);
            esc_text(out, e->message);
            fputs(" (", out);
            esc_text(out, e->rule);
            fputs(")</li>\n", out);
        }
        fputs("</ul></div>\n", out);
    }
    attention(r, out);
    if (r->close)
        close_section(r, out);
    for (size_t i = 0; i < r->objectives.len; i++)
        objective_section(r, out, r->objectives.items[i]);
    fputs("</body>\n</html>\n", out);
}
