/* emit_html.c — `report -f html`: one self-contained, printable page with
 * inline CSS and no scripts or network; all user text is escaped. */
#define _GNU_SOURCE
#include "emit/emit.h"
#include "emit/graph.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <stdlib.h>
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
    ".map svg{max-width:100%;height:auto}.map a{cursor:pointer}"
    ".trend{display:block;margin:.3em 0;max-width:100%}.trend .exp{stroke:#999;stroke-dasharray:4 3}"
    ".trend .val{stroke:#2a6fdb;fill:none;stroke-width:2}.trend .pt{fill:#2a6fdb}"
    ".trend .fc{stroke:#2a6fdb;stroke-dasharray:5 4;fill:none}.trend .min{stroke:#d9534f;stroke-dasharray:2 3}"
    ".trend .now{stroke:#333;stroke-width:1}.trend text{font-size:10px;fill:#555}"
    ".counts span{margin-right:.8em}"
    ".filters fieldset{display:inline-block;border:1px solid #ddd;border-radius:6px;margin:0 1em .5em 0}"
    ".filters label{white-space:nowrap;margin-right:.6em}"
    "@media print{.filters{display:none}body{margin:0;max-width:none}section{border-color:#999}.bar{width:5em}}";

static void esc(FILE *out, str s)
{
    html_escape(out, s.ptr ? s.ptr : "", s.ptr ? s.len : 0);
}

static void esc_text(FILE *out, const char *s)
{
    html_escape(out, s, strlen(s));
}

/* Every owner by the name declared with `person` (the handle on hover),
 * else the handle; never broken across lines. */
static void owners(const struct plan *plan, FILE *out, ident first, const struct vec *co_owners)
{
    for (size_t i = 0; i <= co_owners->len; i++) {
        ident who = i ? *(const ident *)co_owners->items[i - 1] : first;
        fputs(i ? ", <span class=\"who\" title=\"@" : "<span class=\"who\" title=\"@", out);
        esc(out, who.name);
        fputs("\">", out);
        esc_text(out, person_name(plan->arena, plan, who));
        fputs("</span>", out);
    }
}

/* A key result's note and its check-ins, each with who and why. */
static void kr_story(const struct report *r, FILE *out, const struct key_result *kr)
{
    if (kr_more(kr)->note.present) {
        fputs("<p class=\"why\">", out);
        esc(out, kr_more(kr)->note.text);
        fputs("</p>", out);
    }
    const char *git = format_history(r, kr);
    if (git) {
        fputs("<p class=\"why\">In git: ", out);
        esc_text(out, git);
        fputs("</p>", out);
    }
    bool listed = false;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(r->plan, e))
            continue;
        fputs(listed ? "" : "<ul class=\"story\">", out);
        listed = true;
        const struct checkin *checkin = entry_checkin(e);
        char date[11];
        date_format(checkin->date.value, date);
        fprintf(out, "<li>%s", date);
        const char *value = format_entry_value(r->plan->arena, kr, e);
        const char *sep = ": ";
        if (*value) {
            fputs(sep, out);
            esc_text(out, value);
            sep = ", ";
        }
        if (e->confidence_present) {
            fprintf(out, "%sconfidence %g", sep, entry_confidence_value(e));
            sep = ", ";
        }
        if (checkin_by(checkin)->name.ptr) {
            fprintf(out, "%sby ", sep);
            owners(r->plan, out, *checkin_by(checkin), checkin_co_by(checkin));
        }
        if (entry_note(e)->present) {
            fputs(" — ", out);
            esc(out, entry_note(e)->text);
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
        bar(out, c->progress);
        fputc(' ', out);
        status(out, c->progress->status);
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

/* ---- the trend of a key result: an inline SVG, no script ---- */

#define TREND_W 320
#define TREND_H 90
#define TREND_PAD 6

struct scale {
    okr_day start, end;
    double lo, hi;
};

static double sx(const struct scale *c, okr_day d)
{
    double span = c->end > c->start ? (double)(c->end - c->start) : 1;
    return TREND_PAD + (TREND_W - 2 * TREND_PAD) * ((double)d - (double)c->start) / span;
}

static double sy(const struct scale *c, double v)
{
    double span = c->hi > c->lo ? c->hi - c->lo : 1;
    return TREND_H - TREND_PAD - (TREND_H - 2 * TREND_PAD) * (v - c->lo) / span;
}

static void widen(struct scale *c, double v)
{
    c->lo = v < c->lo ? v : c->lo;
    c->hi = v > c->hi ? v : c->hi;
}

/* Check-ins as points (their notes on hover), the expected line from the
 * baseline at the period start to the target at its end, the forecast
 * dashed to the end, the minimum, and the as-of date. Numeric key results
 * of an objective with a period, with at least one check-in. */
static bool trend_chart(const struct report *r, FILE *out, const struct key_result *kr)
{
    const struct objective *o = kr->objective;
    const struct progress *p = kr->progress;
    if ((kr->metric != METRIC_RANGE && kr->metric != METRIC_TARGET) || !o->period.present ||
        !p->bounds_known)
        return false;
    struct scale c = {o->period.value.start, o->period.value.end, p->from, p->from};
    widen(&c, p->to);
    struct arena *a = r->plan->arena;
    struct vec points = {0};        /* the check-ins with a value, as of the report */
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_reported(r->plan, e) && e->value_present && !e->no_value) {
            widen(&c, e->value);
            vec_push(a, &points, (void *)e);
        }
    }
    if (!points.len)
        return false;
    if (p->has_forecast)
        widen(&c, p->forecast);
    const quantity *minimum = &kr_more(kr)->minimum;
    bool has_minimum = minimum->present && !minimum->unknown;
    if (has_minimum)
        widen(&c, minimum->value);
    fprintf(out, "<svg class=\"trend\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            TREND_W, TREND_H, TREND_W, TREND_H);
    fputs("<title>", out);
    esc(out, kr->title);
    fputs(": check-ins, expected line, forecast</title>", out);
    fprintf(out, "<line class=\"exp\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", sx(&c, c.start),
            sy(&c, p->from), sx(&c, c.end), sy(&c, p->to));
    if (has_minimum)
        fprintf(out, "<line class=\"min\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", sx(&c, c.start),
                sy(&c, minimum->value), sx(&c, c.end), sy(&c, minimum->value));
    okr_day now = r->plan->as_of;
    if (now >= c.start && now <= c.end)
        fprintf(out, "<line class=\"now\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", sx(&c, now),
                TREND_PAD, sx(&c, now), TREND_H - TREND_PAD);
    fputs("<polyline class=\"val\" points=\"", out);
    double last_x = 0, last_y = 0;
    for (size_t i = 0; i < points.len; i++) {
        const struct checkin_entry *e = points.items[i];
        last_x = sx(&c, entry_checkin(e)->date.value);
        last_y = sy(&c, e->value);
        fprintf(out, "%s%.1f,%.1f", i ? " " : "", last_x, last_y);
    }
    fputs("\"/>", out);
    if (p->has_forecast)
        fprintf(out, "<line class=\"fc\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", last_x, last_y,
                sx(&c, c.end), sy(&c, p->forecast));
    for (size_t i = 0; i < points.len; i++) {
        const struct checkin_entry *e = points.items[i];
        const struct checkin *checkin = entry_checkin(e);
        char date[11];
        date_format(checkin->date.value, date);
        fprintf(out, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: ",
                sx(&c, checkin->date.value), sy(&c, e->value), date);
        esc_text(out, format_entry_value(a, kr, e));
        if (entry_note(e)->present) {
            fputs(" — ", out);
            esc(out, entry_note(e)->text);
        }
        fputs("</title></circle>", out);
    }
    fprintf(out, "<text x=\"%d\" y=\"10\">", TREND_PAD);
    esc_text(out, format_quantity(a, c.hi, kr_unit(kr)));
    fprintf(out, "</text><text x=\"%d\" y=\"%d\">", TREND_PAD, TREND_H - 1);
    esc_text(out, format_quantity(a, c.lo, kr_unit(kr)));
    fputs("</text></svg>", out);
    return true;
}

/* Graphviz's SVG as an element of the page: without the XML prolog (cut by
 * the caller), its comments, and the namespace declarations, which HTML
 * does not need and which would read as web addresses in a page that
 * makes no network reference. */
static void inline_svg(FILE *out, const char *s, size_t n)
{
    static const char *const drop[] = {" xmlns=\"http://www.w3.org/2000/svg\"",
                                       " xmlns:xlink=\"http://www.w3.org/1999/xlink\""};
    for (size_t i = 0; i < n;) {
        if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
            const char *end = strstr(s + i + 4, "-->");
            i = end ? (size_t)(end - s) + 3 : n;
            while (i < n && s[i] == '\n')
                i++;
            continue;
        }
        bool dropped = false;
        for (size_t k = 0; k < sizeof drop / sizeof *drop && !dropped; k++) {
            size_t len = strlen(drop[k]);
            if (n - i >= len && memcmp(s + i, drop[k], len) == 0) {
                i += len;
                dropped = true;
            }
        }
        if (!dropped)
            fputc(s[i++], out);
    }
}

/* The alignment map of the objectives shown, laid out by Graphviz (graph.c),
 * each node a link to its card. A plan too large to read as one picture
 * gets a pointer to `okrc graph` instead. */
#define MAP_MAX_OBJECTIVES 200

static void alignment_map(const struct report *r, FILE *out)
{
    if (r->no_map || !r->objectives.len)
        return;
    fputs("<section class=\"map\">\n<h2>Alignment map</h2>\n", out);
    if (r->objectives.len > MAP_MAX_OBJECTIVES) {
        fprintf(out, "<p class=\"meta\">%zu objectives are more than one picture can show: "
                     "<code>okrc graph</code> draws them, narrowed with --team or --root.</p>\n"
                     "</section>\n", (size_t)r->objectives.len);
        return;
    }
    bool *selected = arena_alloc(r->plan->arena, r->plan->objectives.len + 1);
    for (size_t i = 0; i < r->objectives.len; i++)
        selected[((const struct objective *)r->objectives.items[i])->seq] = true;
    struct graph_request req = {r->plan, selected, GRAPH_KRS_COUNTED, false, "svg", "dot", "o-", NULL};
    char *svg = NULL, err[256];
    size_t len = 0;
    FILE *mem = open_memstream(&svg, &len);
    bool ok = mem && graph_write(&req, mem, err, sizeof err);
    if (mem)
        fclose(mem);
    const char *start = ok && svg ? strstr(svg, "<svg") : NULL;
    if (start)
        inline_svg(out, start, len - (size_t)(start - svg));
    else
        fputs("<p class=\"meta\">The map could not be drawn (okrc graph says why).</p>\n", out);
    free(svg);
    fputs("</section>\n", out);
}

/* Filters by team and by status, without a script: a radio button per
 * choice, and a CSS rule per choice that hides the cards it does not match
 * (`:has`, in every current browser). Hidden when printed. */
static void filters(const struct report *r, FILE *out)
{
    const struct plan *plan = r->plan;
    bool *team_shown = arena_alloc(plan->arena, plan->teams.len + 1);
    bool status_shown[PROGRESS_DROPPED + 1] = {false};
    for (size_t i = 0; i < r->objectives.len; i++) {
        const struct objective *o = r->objectives.items[i];
        if (o->team)
            team_shown[o->team->seq] = true;
        for (size_t k = 0; k < objective_more(o)->co_teams.len; k++)
            team_shown[((const struct team *)objective_more(o)->co_teams.items[k])->seq] = true;
        status_shown[o->progress->status] = true;
        for (size_t k = 0; k < o->key_results.len; k++)
            status_shown[((const struct key_result *)o->key_results.items[k])->progress->status] = true;
    }
    fputs("<style>", out);
    for (size_t t = 0; t < plan->teams.len; t++)
        if (team_shown[t])
            fprintf(out, "body:has(#ft%zu:checked) .card:not([data-team~=\"t%zu\"]){display:none}", t, t);
    for (int st = PROGRESS_NO_DATA; st <= PROGRESS_DROPPED; st++)
        if (status_shown[st])
            fprintf(out, "body:has(#fs-%s:checked) .card:not([data-status~=\"%s\"]){display:none}",
                    progress_status_name((enum progress_status)st), progress_status_name((enum progress_status)st));
    fputs("</style>\n<form class=\"filters\"><fieldset><legend>Team</legend>"
          "<label><input type=\"radio\" name=\"team\" checked> all</label>", out);
    for (size_t t = 0; t < plan->teams.len; t++) {
        if (!team_shown[t])
            continue;
        fprintf(out, " <label><input type=\"radio\" name=\"team\" id=\"ft%zu\"> ", t);
        esc(out, team_name(plan->teams.items[t]));
        fputs("</label>", out);
    }
    fputs("</fieldset><fieldset><legend>Status</legend>"
          "<label><input type=\"radio\" name=\"status\" checked> all</label>", out);
    for (int st = PROGRESS_NO_DATA; st <= PROGRESS_DROPPED; st++)
        if (status_shown[st])
            fprintf(out, " <label><input type=\"radio\" name=\"status\" id=\"fs-%s\"> %s</label>",
                    progress_status_name((enum progress_status)st), progress_status_name((enum progress_status)st));
    fputs("</fieldset></form>\n", out);
}

/* Counts by status, the first thing a review reads. */
static void status_counts(const struct report *r, FILE *out)
{
    size_t counts[PROGRESS_DROPPED + 1] = {0};
    for (size_t i = 0; i < r->objectives.len; i++) {
        const struct objective *o = r->objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++)
            counts[((const struct key_result *)o->key_results.items[k])->progress->status]++;
    }
    fputs("<p class=\"counts\">", out);
    for (int st = PROGRESS_NO_DATA; st <= PROGRESS_DROPPED; st++)
        if (counts[st])
            fprintf(out, "<span>%zu <span class=\"status %s\">%s</span></span>", counts[st],
                    progress_status_name((enum progress_status)st), progress_status_name((enum progress_status)st));
    fputs("</p>\n", out);
}

static void kr_row(const struct report *r, FILE *out, const struct key_result *kr)
{
    struct arena *a = r->plan->arena;
    const struct progress *p = kr->progress;
    const char *value = format_value(a, kr), *metric = format_metric(a, kr),
               *change = format_change(a, kr);
    fputs("<tr><td>", out);
    esc(out, kr->title);
    fputs(" <small>", out);
    esc(out, kr->id.name);
    fputs("</small>", out);
    trend_chart(r, out, kr);
    kr_story(r, out, kr);
    if (kr_more(kr)->contributors.len)
        contributor_list(out, &kr_more(kr)->contributors);
    fputs("</td><td>", out);
    if (kr->owner.name.ptr)
        owners(r->plan, out, kr->owner, &kr_more(kr)->co_owners);
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

static void contributors(FILE *out, const struct objective *o)
{
    const struct vec *v = &o->contributors;
    if (!v->len)
        return;
    fputs("<p class=\"meta\">Contributors:</p>", out);
    contributor_list(out, v);
}

static void objective_section(const struct report *r, FILE *out, const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    const struct progress *p = o->progress;
    struct arena *a = r->plan->arena;
    const char *period_text = format_period(a, o, "no period");
    /* what the filters match: its teams (by their place in the plan) and the
     * statuses of the objective and its key results */
    fputs("<section class=\"card\" id=\"o-", out);
    esc(out, o->id.name);
    fputs("\" data-team=\"", out);
    if (o->team)
        fprintf(out, "t%zu", o->team->seq);
    for (size_t i = 0; i < more->co_teams.len; i++)
        fprintf(out, " t%zu", ((const struct team *)more->co_teams.items[i])->seq);
    fprintf(out, "\" data-status=\"%s", progress_status_name(p->status));
    for (size_t i = 0; i < o->key_results.len; i++)
        fprintf(out, " %s", progress_status_name(((const struct key_result *)o->key_results.items[i])->progress->status));
    fputs("\">\n<h2>", out);
    esc(out, o->title);
    fputs(" <small>", out);
    esc(out, o->id.name);
    fputs("</small></h2>\n<p class=\"meta\">", out);
    for (size_t i = 0; i < more->tags.len; i++) {
        fputs("#", out);
        esc(out, ((const ident *)more->tags.items[i])->name);
        fputs(i + 1 < more->tags.len ? " " : " · ", out);
    }
    if (o->team) {
        fputs("Team ", out);
        esc(out, team_name(o->team));
        for (size_t i = 0; i < more->co_teams.len; i++) {
            fputs(", ", out);
            esc(out, team_name(more->co_teams.items[i]));
        }
        fputs(" · ", out);
    }
    if (o->owner.name.ptr) {
        fputs("owner ", out);
        owners(r->plan, out, o->owner, &more->co_owners);
        fputs(" · ", out);
    }
    const char *judged = format_judgment(a, p);
    fprintf(out, "%s · %s · %s%sexpected %.2f</p>\n<p>", period_text, objective_kind(o), judged,
            *judged ? " · " : "", p->expected);
    bar(out, p);
    fputc(' ', out);
    status(out, p->status);
    fputs("</p>\n", out);
    if (more->why.present) {
        fputs("<p class=\"why\"><strong>Why:</strong> ", out);
        esc(out, more->why.text);
        fputs("</p>\n", out);
    }
    if (more->note.present) {
        fputs("<p class=\"why\"><strong>Note:</strong> ", out);
        esc(out, more->note.text);
        fputs("</p>\n", out);
    }
    for (size_t i = 0; i < more->risks.len; i++) {
        fputs(i ? "<li>" : "<p class=\"why\"><strong>Risks:</strong></p><ul class=\"story\"><li>", out);
        esc(out, ((const text_item *)more->risks.items[i])->text);
        fputs(i + 1 < more->risks.len ? "</li>" : "</li></ul>\n", out);
    }
    contributors(out, o);
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
            owners(r->plan, out, in->owner, &initiative_more(in)->co_owners);
        fprintf(out, "</td><td>%s</td><td>", initiative_status_name(in->status));
        for (size_t k = 0; k < in->n_supports; k++) {
            if (k)
                fputs(", ", out);
            esc(out, in->supports[k].name);
        }
        fputs("</td><td>", out);
        if (initiative_more(in)->due.present) {
            char due[11];
            date_format(initiative_more(in)->due.value, due);
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

/* The lists of a review (attention, wins, the close's): a sentence when
 * empty; each item opens with the key result's title and reference. */
static void story_open(FILE *out, size_t n, const char *none)
{
    fputs(n ? "<ul class=\"story\">\n" : none, out);
}

static void story_close(FILE *out, size_t n)
{
    if (n)
        fputs("</ul>\n", out);
}

static void story_kr(FILE *out, const struct key_result *kr)
{
    fputs("<li>", out);
    esc(out, kr->title);
    fputc(' ', out);
    kr_ref(out, kr);
}

/* The one attention list (emit.c) and the wins, before the objectives: what
 * a review starts with. */
static void attention(const struct report *r, FILE *out)
{
    fputs("<section>\n<h2>Needs attention</h2>\n", out);
    story_open(out, r->attention.len,
               "<p>Nothing: no key result is off track, at risk, missed or without a recent "
               "check-in.</p>\n");
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        story_kr(out, item->kr);
        fputc(' ', out);
        status(out, item->kr->progress->status);
        fputc(' ', out);
        for (size_t k = 0; k < item->reasons.len; k++) {
            fputs(k ? "; " : "", out);
            esc_text(out, item->reasons.items[k]);
        }
        if (item->kr->owner.name.ptr) {
            fputs(" · ", out);
            owners(r->plan, out, item->kr->owner, &kr_more(item->kr)->co_owners);
        }
        fputs("</li>\n", out);
    }
    story_close(out, r->attention.len);
    fputs("<h2>Wins</h2>\n", out);
    story_open(out, r->wins.len, "<p>None yet.</p>\n");
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        story_kr(out, kr);
        fputc(' ', out);
        const char *value = format_value(r->plan->arena, kr);
        if (strcmp(value, progress_status_name(kr->progress->status)) != 0) {
            esc_text(out, value);   /* a milestone's value is "done": its status says it */
            fputc(' ', out);
        }
        status(out, kr->progress->status);
        fputs("</li>\n", out);
    }
    story_close(out, r->wins.len);
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
        const struct close_team *row = i < c->teams.len ? c->teams.items[i] : &c->plan;
        fputs(i < c->teams.len ? "<tr><td>" : "<tr><td><strong>", out);
        esc_text(out, row->name);
        fprintf(out, "%s</td><td>%zu</td>", i < c->teams.len ? "" : "</strong>", row->total);
        for (int b = BAND_FAILED; b < BAND_COUNT; b++)
            fprintf(out, "<td>%zu</td>", row->bands[b]);
        fputs("</tr>\n", out);
    }
    fputs("</table>\n<h2>Committed objectives missed</h2>\n", out);
    story_open(out, c->missed.len, "<p>None.</p>\n");
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        fputs("<li>", out);
        esc(out, o->title);
        fputs(" <small>", out);
        esc(out, o->id.name);
        fprintf(out, "</small> score %.2f, a post-mortem is due", o->progress->score);
        const struct vec *risks = &objective_more(o)->risks;
        if (risks->len)
            fputs("; the risks written at the start:<ul>", out);
        for (size_t k = 0; k < risks->len; k++) {
            fputs("<li>", out);
            esc(out, ((const text_item *)risks->items[k])->text);
            fputs("</li>", out);
        }
        fputs(risks->len ? "</ul></li>\n" : "</li>\n", out);
    }
    story_close(out, c->missed.len);
    fputs("<h2>Key results never checked in</h2>\n", out);
    story_open(out, c->never.len, "<p>None.</p>\n");
    for (size_t i = 0; i < c->never.len; i++) {
        story_kr(out, c->never.items[i]);
        fputs("</li>\n", out);
    }
    story_close(out, c->never.len);
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
            (size_t)r->objectives.len);
    if (r->errors.len) {    /* the plan's rule findings: shown, not hidden */
        fprintf(out, "<div class=\"banner\" role=\"alert\"><strong>The plan has %zu error%s</strong> "
                     "(<code>okrc check</code> explains them)<ul>\n", (size_t)r->errors.len,
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
    status_counts(r, out);
    if (r->objectives.len > 1)
        filters(r, out);
    attention(r, out);
    if (r->close)
        close_section(r, out);
    alignment_map(r, out);
    for (size_t i = 0; i < r->objectives.len; i++)
        objective_section(r, out, r->objectives.items[i]);
    fputs("</body>\n</html>\n", out);
}
