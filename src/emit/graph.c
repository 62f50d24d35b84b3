/* graph.c — the alignment map. okrc writes it as DOT (write_map); `-T dot`
 * is that text, and every other format is that text read back by libcgraph
 * and laid out and rendered by libgvc, in process: one writer, so the map
 * and its source cannot differ. Every Graphviz call of okrc is here.
 *
 * User text reaches Graphviz in two forms only: HTML-like labels
 * (html_text: `&` first, then `<`, `>`, `"`) and plain strings (dot_plain:
 * tooltips and the title, backslashes and quotes escaped). */
#define _GNU_SOURCE
#include "emit/graph.h"
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/utf8.h"

#include <cgraph.h>
#include <gvc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    TITLE_WRAP = 30,        /* code points per line of an objective's title */
    KR_WRAP = 38,           /* ... of a key result's or initiative's title */
    BAR_WIDTH = 64,         /* points: the whole progress bar */
    BAR_HEIGHT = 7,
};

static const char FONT[] = "Helvetica,Arial,sans-serif";

/* Fill and accent colours per grade (SPEC §4): no data, red, yellow, green. */
struct grade_colors {
    const char *fill, *accent, *name;
};
static const struct grade_colors grades[] = {
    {"#eeeeee", "#9e9e9e", "no data, not started, dropped"},
    {"#fbd9d3", "#c0392b", "off-track; after the period score &lt; 0.4"},
    {"#fdf1c7", "#c99a06", "at-risk; after: 0.4 &#8804; score &lt; 0.7, or missed"},
    {"#d4efdc", "#1e8449", "on-track, done; after: score &#8805; 0.7"},
};


static const struct grade_colors *grade_of(const struct progress *p)
{
    switch (progress_color(p)) {
    case GRADE_RED: return &grades[1];
    case GRADE_YELLOW: return &grades[2];
    case GRADE_GREEN: return &grades[3];
    case GRADE_GREY: break;
    }
    return &grades[0];
}

/* ---- escaping ---- */

/* Text inside an HTML-like label: entities for & < > " (& first, so nothing
 * is escaped twice); backslashes doubled, since 2.42 expands `\N`, `\G`...
 * in label text too (measured); control characters such as newline and tab
 * become a space. UTF-8 passes through unchanged. */
static void html_text(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\\': fputs("\\\\", out); break;   /* else \N, \G... name the node */
        default: fputc(c < 0x20 || c == 0x7f ? ' ' : c, out); break;
        }
    }
}

/* Writes s as lines of at most `width` code points, broken at spaces (a
 * longer word is cut), separated by left-aligned HTML line breaks. */
static void html_wrapped(FILE *out, const char *s, size_t n, size_t width)
{
    size_t line_start = 0, cols = 0, last_space = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        if (utf8_continues((unsigned char)s[i]))
            continue;
        if (s[i] == ' ')
            last_space = i;
        if (cols == width) {
            size_t cut = last_space != (size_t)-1 && last_space > line_start ? last_space : i;
            html_text(out, s + line_start, cut - line_start);
            fputs("<BR ALIGN=\"LEFT\"/>", out);
            line_start = cut < n && s[cut] == ' ' ? cut + 1 : cut;
            cols = 0;
            for (size_t j = line_start; j < i; j++)
                cols += !utf8_continues((unsigned char)s[j]);
            last_space = (size_t)-1;
        }
        cols++;
    }
    html_text(out, s + line_start, n - line_start);
}

/* The inside of a plain DOT string (a tooltip, the map's title), with `"`
 * escaped as DOT escapes it; control characters become spaces.
 * Backslashes are escaped so `\n`, `\l` or `\N` in user text stay literal:
 * 2.42 unescapes a tooltip twice (measured: `\\N` in the DOT source shows
 * the node name, `\\\\N` shows `\N`), so each backslash becomes four.
 * 2.42's DOT scanner also reads `\\"` as an escaped quote, so a run of
 * backslashes never ends the string or stands before a quote: a word joiner
 * (U+2060, invisible) goes between. Graphviz's SVG writer keeps anything
 * that looks like an entity, so `&` is written `&amp;` to show as itself. */
static void dot_plain(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            fputs("\\\\\\\\", out);
            if (i + 1 == n || s[i + 1] == '"')
                fputs("\u2060", out);
        } else if (c == '&') {
            fputs("&amp;", out);    /* SVG output passes entities through as is */
        } else if (c == '"') {
            fputs("\\\"", out);
        } else {
            fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
        }
    }
}

/* ---- labels ---- */

static void html_score(FILE *out, const struct progress *p)
{
    if (p->dropped)
        fputs("dropped", out);
    else if (p->has_value || p->graded)
        fprintf(out, "%.2f", p->score);     /* a grade shows as the score it sets */
    else
        fputs("&#8211;", out);  /* en dash: no value yet */
}

static void html_bar(FILE *out, const struct progress *p, const struct grade_colors *g)
{
    int filled = p->has_value ? (int)(p->score * BAR_WIDTH + 0.5) : 0;
    fprintf(out, "<TABLE BORDER=\"1\" COLOR=\"#777777\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                 "CELLPADDING=\"0\" FIXEDSIZE=\"TRUE\" WIDTH=\"%d\" HEIGHT=\"%d\"><TR>",
            BAR_WIDTH + 2, BAR_HEIGHT + 2);
    if (filled > 0)
        fprintf(out, "<TD WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"%s\"></TD>",
                filled, BAR_HEIGHT, g->accent);
    if (filled < BAR_WIDTH)
        fprintf(out, "<TD WIDTH=\"%d\" HEIGHT=\"%d\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"#ffffff\"></TD>",
                BAR_WIDTH - filled, BAR_HEIGHT);
    fputs("</TR></TABLE>", out);
}

static void html_initiative(FILE *out, const struct initiative *in, const char *indent)
{
    fprintf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"3\">"
                 "<FONT POINT-SIZE=\"8\" COLOR=\"#555555\">%s&#9656; ", indent);
    html_wrapped(out, in->title.ptr, in->title.len, KR_WRAP);
    fprintf(out, " (%s)</FONT></TD></TR>", initiative_status_name(in->status));
}

/* The initiatives under each of o's key results, in o's order: lists
 * gathered in one pass over the initiatives, the key results found by
 * their address in a table (asking every initiative about every key result
 * grew with their product: 20,000 of each took 2 s). */
static struct vec *initiatives_by_kr(struct arena *a, const struct objective *o)
{
    struct vec *by_kr = arena_alloc(a, (o->key_results.len + 1) * sizeof *by_kr);
    struct hash *index = hash_new(a, o->key_results.len);
    for (size_t k = 0; k < o->key_results.len; k++)
        hash_put(index, (const char *)&o->key_results.items[k], sizeof o->key_results.items[k], &by_kr[k]);
    for (size_t j = 0; j < o->initiatives.len; j++) {
        struct initiative *in = o->initiatives.items[j];
        for (size_t i = 0; i < in->supported.len; i++) {
            struct vec *under = hash_get(index, (const char *)&in->supported.items[i], sizeof in->supported.items[i]);
            /* once, however often the initiative names the key result */
            if (under && !(under->len && under->items[under->len - 1] == in))
                vec_push(a, under, in);
        }
    }
    hash_free(index);
    return by_kr;
}

/* 24000000 → "24M", 99.5 → "99.5": as the reports write them (format_number). */
static void html_number(FILE *out, double v)
{
    char buf[64];
    format_number(buf, sizeof buf, v);
    fputs(buf, out);
}

static void html_quantity(FILE *out, const quantity *q)
{
    html_number(out, q->value);
    str unit = quantity_unit(q);
    if (unit.len) {
        if (!(unit.len == 1 && unit.ptr[0] == '%'))
            fputc(' ', out);
        html_text(out, unit.ptr, unit.len);
    }
}

/* What the key result aims at: "→ 24M USD", "≥ 99.5%", "milestone". */
static void html_target(FILE *out, const struct key_result *kr)
{
    quantity to = kr_to(kr);
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET: {
        quantity target = to;           /* in effect: a relative one follows its baseline */
        target.value = kr->progress->to;
        fputs("&#8594; ", out);
        if (kr->progress->bounds_known)
            html_quantity(out, &target);
        else
            fputc('?', out);
        break;
    }
    case METRIC_KEEP_GE: fputs("&#8805; ", out); html_quantity(out, &to); break;
    case METRIC_KEEP_LE: fputs("&#8804; ", out); html_quantity(out, &to); break;
    case METRIC_KEEP_GT: fputs("&gt; ", out); html_quantity(out, &to); break;
    case METRIC_KEEP_LT: fputs("&lt; ", out); html_quantity(out, &to); break;
    case METRIC_ROLLUP: fputs("roll-up", out); break;
    case METRIC_MILESTONE: fputs("milestone", out); break;
    case METRIC_NONE: fputs("no metric", out); break;     /* an empty <FONT> is invalid */
    }
}

static void html_key_results(struct arena *a, FILE *out, const struct objective *o, bool initiatives)
{
    const struct vec *under = initiatives && o->initiatives.len ? initiatives_by_kr(a, o) : NULL;
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        /* The port is where `aligns OBJ.KR` edges end. */
        fprintf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" PORT=\"kr%zu\"><FONT POINT-SIZE=\"9\">", i);
        html_wrapped(out, kr->title.ptr, kr->title.len, KR_WRAP);
        fputs("</FONT></TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">", out);
        html_target(out, kr);
        fprintf(out, "</FONT></TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"%s\"><FONT POINT-SIZE=\"9\">",
                grade_of(kr->progress)->fill);
        html_score(out, kr->progress);
        fputs("</FONT></TD></TR>", out);
        for (size_t j = 0; under && j < under[i].len; j++)
            html_initiative(out, under[i].items[j], "&#160;&#160;&#160;");
    }
}

/* Initiatives that are not shown under a key result. */
static void html_other_initiatives(FILE *out, const struct objective *o, bool all)
{
    for (size_t j = 0; j < o->initiatives.len; j++) {
        const struct initiative *in = o->initiatives.items[j];
        if (all || in->supported.len == 0)
            html_initiative(out, in, "");
    }
}

static void html_meta(struct arena *a, FILE *out, const struct objective *o)
{
    fputs("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"3\"><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">", out);
    if (o->owner.name.len) {
        fputc('@', out);
        html_text(out, o->owner.name.ptr, o->owner.name.len);
        for (size_t i = 0; i < objective_more(o)->co_owners.len; i++) {
            const ident *co = objective_more(o)->co_owners.items[i];
            fputs(", @", out);
            html_text(out, co->name.ptr, co->name.len);
        }
        fputs(" &#183; ", out);
    }
    if (o->period.present) {
        const char *when = format_period(a, o, "");
        html_text(out, when, strlen(when));
        fputs(" &#183; ", out);
    }
    fprintf(out, "%s</FONT></TD></TR>", objective_kind(o));
}

/* The labels are HTML-like: written between < and >, the DOT form of one. */
static void objective_label(FILE *out, const struct objective *o, const struct graph_request *req)
{
    fputc('<', out);
    const struct grade_colors *g = grade_of(o->progress);
    fprintf(out, "<TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                 "CELLPADDING=\"3\" BGCOLOR=\"%s\" STYLE=\"ROUNDED\">", g->accent, g->fill);
    fputs("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"3\"><FONT POINT-SIZE=\"12\"><B>", out);
    html_wrapped(out, o->title.ptr, o->title.len, TITLE_WRAP);
    fputs("</B></FONT></TD></TR>", out);
    html_meta(req->plan->arena, out, o);
    fputs("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">", out);
    html_bar(out, o->progress, g);
    fputs("</TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"10\"><B>", out);
    html_score(out, o->progress);
    fputs("</B></FONT></TD></TR>", out);
    bool listed = req->krs == GRAPH_KRS_LISTED && o->key_results.len > 0;
    if (listed || (req->initiatives && o->initiatives.len > 0) ||
        req->krs == GRAPH_KRS_COUNTED)
        fputs("<HR/>", out);
    if (listed)
        html_key_results(req->plan->arena, out, o, req->initiatives);
    else if (req->krs == GRAPH_KRS_COUNTED)
        fprintf(out, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"3\"><FONT POINT-SIZE=\"9\"><I>%zu key "
                     "result%s</I></FONT></TD></TR>",
                (size_t)o->key_results.len, o->key_results.len == 1 ? "" : "s");
    if (req->initiatives)
        html_other_initiatives(out, o, !listed);
    fputs("</TABLE>>", out);
}

static void legend_label(FILE *out)
{
    fputs("<<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
          "CELLPADDING=\"3\" BGCOLOR=\"#ffffff\" STYLE=\"ROUNDED\">"
          "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>", out);
    for (size_t i = sizeof grades / sizeof *grades; i-- > 0;)
        fprintf(out, "<TR><TD WIDTH=\"18\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"%s\" "
                     "BORDER=\"1\" COLOR=\"%s\"></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">"
                     "%s</FONT></TD></TR>",
                grades[i].fill, grades[i].accent, grades[i].name);
    fputs("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">arrow: aligns to</FONT>"
          "</TD></TR></TABLE>>", out);
}

static void cluster_label(FILE *out, const struct team *t)
{
    fputs("<<B>", out);
    html_text(out, t->title.len ? t->title.ptr : t->id.name.ptr,
              t->title.len ? t->title.len : t->id.name.len);
    fputs("</B>>", out);
}

/* ---- the map, written as DOT ---- */

/* One writer for every format: `-T dot` is its text, the other formats are
 * that text read back by cgraph, laid out and rendered. Nodes come first,
 * in the plan's order (the order Graphviz creates them in steers the
 * layout), then the team clusters, which name the nodes they hold, then
 * the edges, then the legend. */
struct builder {
    const struct graph_request *req;
    FILE *out;
    size_t stagger;         /* levels the leaves of one parent spread over (1: none) */
    bool *has_child;        /* by objective seq: a drawn objective aligns to it */
    size_t leaves;          /* leaves without a team staggered so far */
    size_t *team_turn;      /* by team seq: 1 + its turn, 0 before its first leaf */
    size_t teams_seen;
    const struct objective *last_alone;     /* the previous objective with no drawn edge */
    size_t alone;           /* how many of those */
    bool *cluster_needed;   /* by team seq */
    /* the clusters nested in each, in the order they were first needed: by
     * 1 + the parent's seq (0: the top level), 1 + a team's seq, 0: none */
    size_t *first_child, *last_child;
    size_t *next_sibling;   /* by team seq */
    size_t *first_member, *next_member;     /* by team seq / objective seq: 1 + seq, 0: end */
    size_t *last_member;    /* by team seq */
};

/* The turn of a team's leaves: teams in the order their first leaf comes. */
static size_t team_turn(struct builder *b, const struct team *t)
{
    if (!b->team_turn[t->seq])
        b->team_turn[t->seq] = ++b->teams_seen;
    return b->team_turn[t->seq] - 1;
}

/* The levels leaves spread over: about sqrt(0.75 n) for n drawn objectives,
 * which puts a plan of boxes about 200 by 150 points near 16:9 (a plan of
 * one level is n/k boxes wide and k high); small maps stay as they are. */
static size_t stagger_levels(size_t drawn)
{
    if (drawn <= 12)
        return 1;
    size_t k = 1;
    /* at most ten levels: dot's layout grows with the length of the edges
     * (1,000 objectives: 27 levels took 8.1 s, 10 levels 1.2 s, none 0.3 s);
     * ratio=0.5625 still makes the drawing a slide, only wider */
    while (k < 10 && (k + 1) * (k + 1) * 4 <= drawn * 3)
        k++;
    return k;
}

/* A node's name, quoted: ids are letters, digits, '_' and '-'. */
static void dot_id(FILE *out, const char *name)
{
    fputc('"', out);
    fputs(name, out);
    fputc('"', out);
}

/* An objective that aligns to nothing drawn and that nothing drawn aligns
 * to sits on the first level; a long row of them is folded into columns of
 * `stagger` by invisible edges. */
static void stack_alone(struct builder *b, const struct objective *o)
{
    bool linked = b->has_child[o->seq];
    for (size_t i = 0; !linked && i < o->aligned_to.len; i++)
        linked = b->req->selected[((const struct objective *)o->aligned_to.items[i])->seq];
    if (linked || b->stagger <= 1)
        return;
    if (b->alone++ % b->stagger && b->last_alone) {
        fputc('\t', b->out);
        dot_id(b->out, o->id.name.ptr);
        fputs(" -> ", b->out);
        dot_id(b->out, b->last_alone->id.name.ptr);
        fputs(" [style=invis];\n", b->out);
    }
    b->last_alone = o;
}

static bool fail(char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%s", what);
    return false;
}

/* Graph-wide look: an alignment tree with the company at the top, the
 * plan's title and the date of its scores above it. */
static void write_graph_defaults(struct builder *b)
{
    const struct plan *plan = b->req->plan;
    FILE *out = b->out;
    char day[11];
    date_format(plan->as_of, day);
    bool titled = plan->decl && plan->decl->title.ptr;
    fputs("digraph okr {\n\tgraph [label=\"", out);
    dot_plain(out, titled ? plan->decl->title.ptr : "OKR progress",
              titled ? plan->decl->title.len : strlen("OKR progress"));
    fprintf(out, " \u2014 as of %s\", labelloc=t, rankdir=BT, nodesep=0.35, ranksep=0.7, fontname=\"%s\", "
                 "fontsize=13, bgcolor=white, pad=0.3, outputorder=edgesfirst", day, FONT);
    /* More than a handful of objectives: the drawing is stretched to 16:9
     * (height / width 0.5625) after layout, so that it fills a slide; the
     * staggered leaves keep the stretch small. */
    if (b->stagger > 1)
        fputs(", ratio=0.5625", out);
    if (b->req->size) {
        fputs(", size=\"", out);
        dot_plain(out, b->req->size, strlen(b->req->size));
        fputc('"', out);
    }
    fprintf(out, "];\n\tnode [shape=plain, fontname=\"%s\", fontsize=10];\n"
                 "\tedge [color=\"#546e7a\", penwidth=1.3, arrowsize=0.8];\n", FONT);
}

/* Team t's cluster is needed, nested in its parent's; parents come first. */
static void need_cluster(struct builder *b, const struct team *t, int depth)
{
    if (b->cluster_needed[t->seq])
        return;
    const struct team *parent = t->parent && depth < 64 ? t->parent : NULL;
    if (parent)
        need_cluster(b, parent, depth + 1);
    if (b->cluster_needed[t->seq])
        return;             /* a cycle of teams, already closed deeper down */
    b->cluster_needed[t->seq] = true;
    size_t in = parent ? parent->seq + 1 : 0;
    if (b->last_child[in])
        b->next_sibling[b->last_child[in] - 1] = t->seq + 1;
    else
        b->first_child[in] = t->seq + 1;
    b->last_child[in] = t->seq + 1;
}

static void write_objective(struct builder *b, const struct objective *o)
{
    FILE *out = b->out;
    fputc('\t', out);
    dot_id(out, o->id.name.ptr);
    fputs(" [label=", out);
    objective_label(out, o, b->req);
    fputs(", tooltip=\"", out);
    dot_plain(out, o->title.ptr, o->title.len);
    fputc('"', out);
    /* the id is letters, digits, '_' and '-': safe in a URL fragment */
    if (b->req->link_prefix)
        fprintf(out, ", URL=\"#%s%s\"", b->req->link_prefix, o->id.name.ptr);
    fputs("];\n", out);
}

static void tabs(FILE *out, int n)
{
    while (n-- > 0)
        fputc('\t', out);
}

/* The clusters nested in the one at `in` (1 + its team's seq; 0: the top
 * level), each with the objectives of its team. */
static void write_clusters(struct builder *b, size_t in, int depth)
{
    FILE *out = b->out;
    for (size_t c = b->first_child[in]; c; c = b->next_sibling[c - 1]) {
        const struct team *t = b->req->plan->teams.items[c - 1];
        tabs(out, depth + 1);
        fprintf(out, "subgraph \"cluster_%s\" {\n", t->id.name.ptr);
        tabs(out, depth + 2);
        fputs("graph [label=", out);
        cluster_label(out, t);
        /* translucent: nested teams darken; rankdir=BT flips labelloc: the
         * label sits on top */
        fputs(", style=\"rounded,filled\", fillcolor=\"#3c6ea014\", color=\"#90a4ae\", "
              "labeljust=l, labelloc=b, margin=12];\n", out);
        if (depth < 64)
            write_clusters(b, t->seq + 1, depth + 1);
        for (size_t m = b->first_member[t->seq]; m; m = b->next_member[m - 1]) {
            tabs(out, depth + 2);
            dot_id(out, ((const struct objective *)b->req->plan->objectives.items[m - 1])->id.name.ptr);
            fputs(";\n", out);
        }
        tabs(out, depth + 1);
        fputs("}\n", out);
    }
}

static void write_edges(struct builder *b, const struct objective *o)
{
    FILE *out = b->out;
    bool first = true;
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *to = o->aligned_to.items[i];
        if (!b->req->selected[to->seq])
            continue;
        const struct key_result *kr = o->aligned_krs.items[i];
        fputc('\t', out);
        dot_id(out, o->id.name.ptr);
        fputs(" -> ", out);
        dot_id(out, to->id.name.ptr);
        const char *sep = " [";
        if (kr) {   /* its own edge beside one to the objective (aligns P, P.kr) */
            fprintf(out, "%skey=\"%s\"", sep, kr->id.name.ptr);
            sep = ", ";
        }
        /* leaves, in turn, one level further down each, over `stagger`
         * levels: a wide plan keeps the shape of a slide */
        if (first && b->stagger > 1 && !b->has_child[o->seq]) {
            /* by team, as a team's cluster is drawn as one block */
            size_t turn = o->team ? team_turn(b, o->team) : b->leaves++;
            fprintf(out, "%sminlen=%zu", sep, 1 + turn % b->stagger);
            sep = ", ";
        }
        first = false;
        /* `aligns OBJ.KR` ends at the key result's row */
        for (size_t k = 0; kr && b->req->krs == GRAPH_KRS_LISTED && k < to->key_results.len; k++)
            if (to->key_results.items[k] == kr) {
                fprintf(out, "%sheadport=kr%zu", sep, k);
                sep = ", ";
            }
        fputs(sep[0] == ',' ? "];\n" : ";\n", out);
    }
}

static bool write_map(const struct graph_request *req, FILE *out)
{
    const struct plan *plan = req->plan;
    size_t teams = plan->teams.len + 1, objectives = plan->objectives.len + 1;
    struct builder b = {.req = req, .out = out, .stagger = 1};
    b.has_child = calloc(objectives, sizeof *b.has_child);
    b.team_turn = calloc(teams, sizeof *b.team_turn);
    b.cluster_needed = calloc(teams, sizeof *b.cluster_needed);
    b.first_child = calloc(teams, sizeof *b.first_child);
    b.last_child = calloc(teams, sizeof *b.last_child);
    b.next_sibling = calloc(teams, sizeof *b.next_sibling);
    b.first_member = calloc(teams, sizeof *b.first_member);
    b.last_member = calloc(teams, sizeof *b.last_member);
    b.next_member = calloc(objectives, sizeof *b.next_member);
    bool ok = b.has_child && b.team_turn && b.cluster_needed && b.first_child && b.last_child &&
              b.next_sibling &&
              b.first_member && b.last_member && b.next_member;
    size_t drawn = 0;
    for (size_t i = 0; ok && i < plan->objectives.len; i++) {
        if (!req->selected[i])
            continue;
        drawn++;
        const struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->aligned_to.len; k++)
            b.has_child[((const struct objective *)o->aligned_to.items[k])->seq] = true;
        if (o->team) {
            need_cluster(&b, o->team, 0);
            size_t t = o->team->seq;
            if (b.last_member[t])
                b.next_member[b.last_member[t] - 1] = i + 1;
            else
                b.first_member[t] = i + 1;
            b.last_member[t] = i + 1;
        }
    }
    b.stagger = stagger_levels(drawn);
    if (ok) {
        write_graph_defaults(&b);
        for (size_t i = 0; i < plan->objectives.len; i++)
            if (req->selected[i])
                write_objective(&b, plan->objectives.items[i]);
        write_clusters(&b, 0, 0);
        for (size_t i = 0; i < plan->objectives.len; i++)
            if (req->selected[i]) {
                write_edges(&b, plan->objectives.items[i]);
                stack_alone(&b, plan->objectives.items[i]);
            }
        fputs("\t\"okrc legend\" [label=", out);
        legend_label(out);
        fputs("];\n}\n", out);
    }
    free(b.has_child);
    free(b.team_turn);
    free(b.cluster_needed);
    free(b.first_child);
    free(b.last_child);
    free(b.next_sibling);
    free(b.first_member);
    free(b.last_member);
    free(b.next_member);
    return ok;
}

/* Object ids in the order names are first seen, for the graph read back.
 * cgraph's default gives a named object the address of its interned name
 * as id, and visits subgraphs in id order: sibling clusters were laid out
 * in whatever order the allocator placed their names (one order in the
 * normal build, another under ASan). Sequential ids make the drawing
 * depend on the plan only. */
struct name_ids {
    Agdisc_t disc;          /* first: cgraph hands it back to open() */
    Agiddisc_t id_disc;
    Agiodisc_t io_disc;     /* reads the DOT text okrc wrote */
    Agraph_t *root;         /* names are interned in it */
    struct arena *arena;
    struct hash *ids;       /* name -> id, as a pointer-sized integer */
    struct vec names;       /* id / 2 - 1 -> name */
    IDTYPE next_anonymous;  /* odd, as in cgraph's own discipline */
};

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    struct name_ids *n = (struct name_ids *)disc;
    n->root = g;
    return n;
}

static long ids_map(void *state, int objtype, char *name, IDTYPE *id, int create)
{
    struct name_ids *n = state;
    (void)objtype;
    if (!name) {                    /* anonymous: odd ids, as cgraph's own */
        *id = n->next_anonymous;
        n->next_anonymous += 2;
        return 1;
    }
    size_t len = strlen(name);
    void *found = hash_get(n->ids, name, len);
    if (found || !create) {
        *id = (IDTYPE)(uintptr_t)found;
        return 1;
    }
    char *copy = agstrdup(n->root, name);   /* freed with the graph */
    vec_push(n->arena, &n->names, copy);
    *id = 2 * (IDTYPE)n->names.len;
    hash_put(n->ids, copy, len, (void *)(uintptr_t)*id);
    return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE id)
{
    (void)state, (void)objtype, (void)id;
    return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state, (void)objtype, (void)id;   /* names live in the arena */
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    struct name_ids *n = state;
    (void)objtype;
    if (id % 2 || id == 0 || id / 2 > n->names.len)
        return NULL;
    return n->names.items[id / 2 - 1];
}

static void ids_close(void *state)
{
    struct name_ids *n = state;
    hash_free(n->ids);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state, (void)objtype, (void)obj;
}

/* The map's DOT text, read back by cgraph a line at a time. */
struct dot_text {
    const char *data;
    size_t len, at;
};

static int dot_text_read(void *chan, char *buf, int bufsize)
{
    struct dot_text *t = chan;
    size_t n = 0;
    while (t->at < t->len && n + 1 < (size_t)bufsize) {
        char c = t->data[t->at++];
        buf[n++] = c;
        if (c == '\n')
            break;
    }
    return (int)n;
}

static Agraph_t *read_map(struct name_ids *n, struct arena *a, struct dot_text *text)
{
    n->id_disc = (Agiddisc_t){ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close,
                              ids_register};
    n->io_disc = (Agiodisc_t){dot_text_read, AgIoDisc.putstr, AgIoDisc.flush};
    n->disc = (Agdisc_t){&AgMemDisc, &n->id_disc, &n->io_disc};
    n->arena = a;
    n->ids = hash_new(a, 64);
    n->names = (struct vec){0};
    n->next_anonymous = 1;
    return agread(text, &n->disc);
}

/* Graphviz's last message, without its trailing newline. */
static void graphviz_message(char *err, size_t errlen, const char *what)
{
    char *msg = aglasterr();
    size_t n = msg ? strlen(msg) : 0;
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    snprintf(err, errlen, "%s%s%.*s", what, n ? ": " : "", (int)n, msg ? msg : "");
    free(msg);
}

static bool layout_and_render(GVC_t *gvc, Agraph_t *g, const struct graph_request *req, FILE *out,
                              char *err, size_t errlen)
{
    if (gvLayout(gvc, g, req->layout) != 0 || agerrors() >= AGERR) {
        graphviz_message(err, errlen, "Graphviz layout failed");
        return false;
    }
    /* In memory, then written here: 2.42 calls exit(1) when its own write fails. */
    char *data = NULL;
    unsigned int len = 0;
    bool ok = gvRenderData(gvc, g, req->format, &data, &len) == 0 && agerrors() < AGERR;
    if (!ok)
        graphviz_message(err, errlen, "Graphviz rendering failed");
    else if (fwrite(data, 1, len, out) != len)
        ok = fail(err, errlen, "cannot write the rendered map");
    gvFreeRenderData(data);
    gvFreeLayout(gvc, g);
    return ok;
}

/* DOT output is the graph source, not laid out: no GVC_t is needed, which
 * also spares gvContext's configuration buffer that 2.42 never frees. */
static bool write_dot(const struct graph_request *req, FILE *out, char *err, size_t errlen)
{
    return write_map(req, out) || fail(err, errlen, "out of memory");
}

/* Devices that open a window instead of writing a file. */
static bool interactive_device(const char *name)
{
    static const char *const windows[] = {"gtk", "x11", "xlib", "vrml_window"};
    for (size_t i = 0; i < sizeof windows / sizeof *windows; i++)
        if (strcmp(name, windows[i]) == 0)
            return true;
    return false;
}

/* Whether this Graphviz renders format; else err lists what it renders
 * (the plugins installed decide, so the list is asked, not assumed). */
static bool device_known(GVC_t *gvc, const char *format, char *err, size_t errlen)
{
    int n = 0;
    char **list = gvPluginList(gvc, "device", &n, NULL);
    bool found = false;
    size_t at = (size_t)snprintf(err, errlen, "unknown format '%.40s'%s; this Graphviz renders: dot",
                                 format, strlen(format) > 40 ? "..." : "");
    for (int i = 0; list && i < n; i++) {
        if (!interactive_device(list[i])) {
            found = found || strcmp(list[i], format) == 0;
            if (strcmp(list[i], "dot") != 0 && at < errlen)
                at += (size_t)snprintf(err + at, errlen - at, " %s", list[i]);
        }
        free(list[i]);
    }
    free(list);
    if (found)
        err[0] = 0;
    return found;
}

static bool render(const struct graph_request *req, FILE *out, char *err, size_t errlen)
{
    GVC_t *gvc = gvContext();   /* before agopen, and only one per process */
    if (!gvc)
        return fail(err, errlen, "cannot start Graphviz");
    if (!device_known(gvc, req->format, err, errlen)) {
        gvFreeContext(gvc);
        return false;
    }
    struct dot_text text = {0};
    char *data = NULL;
    FILE *mem = open_memstream(&data, &text.len);
    bool ok = mem && write_map(req, mem);
    if (mem && fclose(mem) != 0)
        ok = false;
    if (!ok)
        fail(err, errlen, "out of memory");
    text.data = data;
    struct name_ids ids;
    Agraph_t *g = ok ? read_map(&ids, req->plan->arena, &text) : NULL;
    if (ok && !g) {
        graphviz_message(err, errlen, "cannot read the map back");
        ok = false;
    }
    ok = ok && layout_and_render(gvc, g, req, out, err, errlen);
    if (g)
        agclose(g);
    free(data);
    gvFreeContext(gvc);
    return ok;
}

bool graph_lays_out(const char *format)
{
    return strcmp(format, "dot") != 0;
}

bool graph_write(const struct graph_request *req, FILE *out, char *err, size_t errlen)
{
    agerrlevel_t old_level = agseterr(AGMAX);   /* collect messages instead of printing */
    agreseterrors();
    bool ok = graph_lays_out(req->format) ? render(req, out, err, errlen)
                                          : write_dot(req, out, err, errlen);
    agseterr(old_level);
    return ok;
}
