/* graph.c — the alignment map through libcgraph (the graph) and libgvc
 * (layout and rendering, in process). Every Graphviz call of okrc is here.
 *
 * Written against Graphviz 2.42 (Debian 12), whose API takes `char *` where
 * it means `const char *`: gv_str() is the one place that casts. User text
 * reaches Graphviz in two forms only: HTML-like labels (html_text: `&` first,
 * then `<`, `>`, `"`) and tooltips (dot_plain: backslashes escaped). */
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

/* ---- Graphviz 2.42's non-const parameters ---- */

static char *gv_str(const char *s)
{
    return (char *)s;       /* 2.42 never writes through these pointers */
}

static void set_attr(void *obj, const char *name, const char *value)
{
    agsafeset(obj, gv_str(name), gv_str(value), gv_str(""));
}

/* Declares a default for every node, edge or graph of g. */
static void set_default(Agraph_t *g, int kind, const char *name, const char *value)
{
    agattr(g, kind, gv_str(name), gv_str(value));
}

static bool set_html(Agraph_t *root, void *obj, const char *name, const char *html)
{
    char *s = agstrdup_html(root, gv_str(html));
    if (!s)
        return false;
    set_attr(obj, name, s);     /* agsafeset finds the interned HTML string */
    agstrfree(root, s);
    return true;
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

/* A plain DOT string for a tooltip; control characters become spaces.
 * Backslashes are escaped so `\n`, `\l` or `\N` in user text stay literal:
 * 2.42 unescapes a tooltip twice (measured: `\\N` in the DOT source shows
 * the node name, `\\\\N` shows `\N`), so each backslash becomes four.
 * 2.42's DOT scanner also reads `\\"` as an escaped quote, so a run of
 * backslashes never ends the string or stands before a quote: a word joiner
 * (U+2060, invisible) goes between. Graphviz's SVG writer keeps anything
 * that looks like an entity, so `&` is written `&amp;` to show as itself.
 * Returns malloc'd text. */
static char *dot_plain(const char *s, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            fputs("\\\\\\\\", out);
            if (i + 1 == n || s[i + 1] == '"')
                fputs("\u2060", out);
        } else if (c == '&') {
            fputs("&amp;", out);    /* SVG output passes entities through as is */
        } else {
            fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
        }
    }
    fclose(out);
    return buf;
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

static bool supports(const struct initiative *in, const struct key_result *kr)
{
    for (size_t i = 0; i < in->supported.len; i++)
        if (in->supported.items[i] == kr)
            return true;
    return false;
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
    if (q->unit.len) {
        if (!(q->unit.len == 1 && q->unit.ptr[0] == '%'))
            fputc(' ', out);
        html_text(out, q->unit.ptr, q->unit.len);
    }
}

/* What the key result aims at: "→ 24M USD", "≥ 99.5%", "milestone". */
static void html_target(FILE *out, const struct key_result *kr)
{
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET: {
        quantity target = kr->to;       /* in effect: a relative one follows its baseline */
        target.value = kr->progress.to;
        fputs("&#8594; ", out);
        if (kr->progress.bounds_known)
            html_quantity(out, &target);
        else
            fputc('?', out);
        break;
    }
    case METRIC_KEEP_GE: fputs("&#8805; ", out); html_quantity(out, &kr->to); break;
    case METRIC_KEEP_LE: fputs("&#8804; ", out); html_quantity(out, &kr->to); break;
    case METRIC_KEEP_GT: fputs("&gt; ", out); html_quantity(out, &kr->to); break;
    case METRIC_KEEP_LT: fputs("&lt; ", out); html_quantity(out, &kr->to); break;
    case METRIC_ROLLUP: fputs("roll-up", out); break;
    case METRIC_MILESTONE: fputs("milestone", out); break;
    case METRIC_NONE: fputs("no metric", out); break;     /* an empty <FONT> is invalid */
    }
}

static void html_key_results(FILE *out, const struct objective *o, bool initiatives)
{
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        /* The port is where `aligns OBJ.KR` edges end. */
        fprintf(out, "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" PORT=\"kr%zu\"><FONT POINT-SIZE=\"9\">", i);
        html_wrapped(out, kr->title.ptr, kr->title.len, KR_WRAP);
        fputs("</FONT></TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"8\" COLOR=\"#555555\">", out);
        html_target(out, kr);
        fprintf(out, "</FONT></TD><TD ALIGN=\"RIGHT\" BGCOLOR=\"%s\"><FONT POINT-SIZE=\"9\">",
                grade_of(&kr->progress)->fill);
        html_score(out, &kr->progress);
        fputs("</FONT></TD></TR>", out);
        for (size_t j = 0; initiatives && j < o->initiatives.len; j++)
            if (supports(o->initiatives.items[j], kr))
                html_initiative(out, o->initiatives.items[j], "&#160;&#160;&#160;");
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
        for (size_t i = 0; i < o->co_owners.len; i++) {
            const ident *co = o->co_owners.items[i];
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

static char *objective_label(const struct objective *o, const struct graph_request *req)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    const struct grade_colors *g = grade_of(&o->progress);
    fprintf(out, "<TABLE BORDER=\"1\" COLOR=\"%s\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                 "CELLPADDING=\"3\" BGCOLOR=\"%s\" STYLE=\"ROUNDED\">", g->accent, g->fill);
    fputs("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" COLSPAN=\"3\"><FONT POINT-SIZE=\"12\"><B>", out);
    html_wrapped(out, o->title.ptr, o->title.len, TITLE_WRAP);
    fputs("</B></FONT></TD></TR>", out);
    html_meta(req->plan->arena, out, o);
    fputs("<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">", out);
    html_bar(out, &o->progress, g);
    fputs("</TD><TD ALIGN=\"RIGHT\"><FONT POINT-SIZE=\"10\"><B>", out);
    html_score(out, &o->progress);
    fputs("</B></FONT></TD></TR>", out);
    bool listed = req->krs == GRAPH_KRS_LISTED && o->key_results.len > 0;
    if (listed || (req->initiatives && o->initiatives.len > 0) ||
        req->krs == GRAPH_KRS_COUNTED)
        fputs("<HR/>", out);
    if (listed)
        html_key_results(out, o, req->initiatives);
    else if (req->krs == GRAPH_KRS_COUNTED)
        fprintf(out, "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"3\"><FONT POINT-SIZE=\"9\"><I>%zu key "
                     "result%s</I></FONT></TD></TR>",
                (size_t)o->key_results.len, o->key_results.len == 1 ? "" : "s");
    if (req->initiatives)
        html_other_initiatives(out, o, !listed);
    fputs("</TABLE>", out);
    fclose(out);
    return buf;
}

static char *legend_label(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    fputs("<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"2\" "
          "CELLPADDING=\"3\" BGCOLOR=\"#ffffff\" STYLE=\"ROUNDED\">"
          "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Legend</B></TD></TR>", out);
    for (size_t i = sizeof grades / sizeof *grades; i-- > 0;)
        fprintf(out, "<TR><TD WIDTH=\"18\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"%s\" "
                     "BORDER=\"1\" COLOR=\"%s\"></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">"
                     "%s</FONT></TD></TR>",
                grades[i].fill, grades[i].accent, grades[i].name);
    fputs("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">arrow: aligns to</FONT>"
          "</TD></TR></TABLE>", out);
    fclose(out);
    return buf;
}

static char *cluster_label(const struct team *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        return NULL;
    fputs("<B>", out);
    html_text(out, t->title.len ? t->title.ptr : t->id.name.ptr,
              t->title.len ? t->title.len : t->id.name.len);
    fputs("</B>", out);
    fclose(out);
    return buf;
}

/* ---- the graph ---- */

struct builder {
    const struct graph_request *req;
    Agraph_t *root;
    Agraph_t **team_graph;  /* by team seq: its cluster, once made */
    Agnode_t **node;        /* by objective seq */
    size_t stagger;         /* levels the leaves of one parent spread over (1: none) */
    bool *has_child;        /* by objective seq: a drawn objective aligns to it */
    size_t leaves;          /* leaves without a team staggered so far */
    size_t *team_turn;      /* by team seq: 1 + its turn, 0 before its first leaf */
    size_t teams_seen;
    Agnode_t *last_alone;   /* the previous objective with no drawn edge */
    size_t alone;           /* how many of those */
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
    while ((k + 1) * (k + 1) * 4 <= drawn * 3)
        k++;
    return k;
}

/* An objective that aligns to nothing drawn and that nothing drawn aligns
 * to sits on the first level; a long row of them is folded into columns of
 * `stagger` by invisible edges. */
static bool stack_alone(struct builder *b, const struct objective *o)
{
    bool linked = b->has_child[o->seq];
    for (size_t i = 0; !linked && i < o->aligned_to.len; i++)
        linked = b->req->selected[((const struct objective *)o->aligned_to.items[i])->seq];
    if (linked || b->stagger <= 1)
        return true;
    Agnode_t *n = b->node[o->seq];
    if (b->alone++ % b->stagger && b->last_alone) {
        Agedge_t *e = agedge(b->root, n, b->last_alone, NULL, 1);
        if (!e)
            return false;
        set_attr(e, "style", "invis");
    }
    b->last_alone = n;
    return true;
}

static bool fail(char *err, size_t errlen, const char *what)
{
    snprintf(err, errlen, "%s", what);
    return false;
}

/* Graph-wide look: an alignment tree with the company at the top. */
/* The map says what it shows: the plan's title and the date of its scores,
 * at the top. */
static void set_title(Agraph_t *g, const struct plan *plan)
{
    char day[11];
    date_format(plan->as_of, day);
    const char *title = plan->decl && plan->decl->title.ptr ? plan->decl->title.ptr : "OKR progress";
    size_t title_len = plan->decl && plan->decl->title.ptr ? plan->decl->title.len : strlen(title);
    char *plain = dot_plain(title, title_len);
    if (!plain)
        return;
    size_t len = strlen(plain) + 32;
    char *label = malloc(len);
    if (label) {
        snprintf(label, len, "%s \u2014 as of %s", plain, day);
        set_attr(g, "label", label);
        set_attr(g, "labelloc", "t");
    }
    free(label);
    free(plain);
}

static void set_graph_defaults(Agraph_t *g, const struct plan *plan)
{
    set_title(g, plan);
    set_attr(g, "rankdir", "BT");
    set_attr(g, "nodesep", "0.35");
    set_attr(g, "ranksep", "0.7");
    set_attr(g, "fontname", FONT);
    set_attr(g, "fontsize", "13");
    set_attr(g, "bgcolor", "white");
    set_attr(g, "pad", "0.3");
    set_attr(g, "outputorder", "edgesfirst");
    set_default(g, AGNODE, "shape", "plain");
    set_default(g, AGNODE, "fontname", FONT);
    set_default(g, AGNODE, "fontsize", "10");
    set_default(g, AGEDGE, "color", "#546e7a");
    set_default(g, AGEDGE, "penwidth", "1.3");
    set_default(g, AGEDGE, "arrowsize", "0.8");
}

/* The cluster of team t, nested in its parent's, made on first use. */
static Agraph_t *team_cluster(struct builder *b, const struct team *t, int depth)
{
    if (b->team_graph[t->seq])
        return b->team_graph[t->seq];
    Agraph_t *parent = t->parent && depth < 64 ? team_cluster(b, t->parent, depth + 1) : b->root;
    if (!parent)
        return NULL;
    char *name = arena_printf(b->req->plan->arena, "cluster_%s", t->id.name.ptr);
    Agraph_t *g = agsubg(parent, name, 1);
    char *label = cluster_label(t);
    if (!g || !label || !set_html(b->root, g, "label", label)) {
        free(label);
        return NULL;
    }
    free(label);
    set_attr(g, "style", "rounded,filled");
    set_attr(g, "fillcolor", "#3c6ea014");    /* translucent: nested teams darken */
    set_attr(g, "color", "#90a4ae");
    set_attr(g, "labeljust", "l");
    set_attr(g, "labelloc", "b");   /* rankdir=BT flips it: the label sits on top */
    set_attr(g, "margin", "12");
    b->team_graph[t->seq] = g;
    return g;
}

static bool add_objective(struct builder *b, const struct objective *o)
{
    Agraph_t *home = o->team ? team_cluster(b, o->team, 0) : b->root;
    if (!home)
        return false;
    Agnode_t *n = agnode(home, gv_str(o->id.name.ptr), 1);
    char *label = objective_label(o, b->req);
    char *tooltip = dot_plain(o->title.ptr, o->title.len);
    bool ok = n && label && tooltip && set_html(b->root, n, "label", label);
    if (ok)
        set_attr(n, "tooltip", tooltip);
    if (ok && b->req->link_prefix) {
        /* the id is letters, digits, '_' and '-': safe in a URL fragment */
        size_t len = strlen(b->req->link_prefix) + o->id.name.len + 2;
        char *url = malloc(len);
        if (url) {
            snprintf(url, len, "#%s%.*s", b->req->link_prefix, (int)o->id.name.len, o->id.name.ptr);
            set_attr(n, "URL", url);
            free(url);
        }
    }
    free(label);
    free(tooltip);
    b->node[o->seq] = n;
    return ok;
}

static bool add_legend(struct builder *b)
{
    Agnode_t *n = agnode(b->root, gv_str("okrc legend"), 1);
    char *label = legend_label();
    bool ok = n && label && set_html(b->root, n, "label", label);
    free(label);
    return ok;
}

static bool add_edges(struct builder *b, const struct objective *o)
{
    bool first = true;
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *to = o->aligned_to.items[i];
        if (!b->req->selected[to->seq])
            continue;
        const struct key_result *kr = o->aligned_krs.items[i];
        /* A second edge between the same two nodes (aligns P, P.kr) is its own. */
        Agedge_t *e = agedge(b->root, b->node[o->seq], b->node[to->seq],
                             kr ? gv_str(kr->id.name.ptr) : NULL, 1);
        if (!e)
            return false;
        /* leaves, in turn, one level further down each, over `stagger`
         * levels: a wide plan keeps the shape of a slide */
        if (first && b->stagger > 1 && !b->has_child[o->seq]) {
            char minlen[24];
            /* by team, as a team's cluster is drawn as one block */
            size_t turn = o->team ? team_turn(b, o->team) : b->leaves++;
            snprintf(minlen, sizeof minlen, "%zu", 1 + turn % b->stagger);
            set_attr(e, "minlen", minlen);
        }
        first = false;
        for (size_t k = 0; kr && b->req->krs == GRAPH_KRS_LISTED && k < to->key_results.len; k++)
            if (to->key_results.items[k] == kr) {
                char port[32];
                snprintf(port, sizeof port, "kr%zu", k);
                set_attr(e, "headport", port);
            }
    }
    return true;
}

/* Object ids in the order names are first seen. cgraph's default gives a
 * named object the address of its interned name as id, and writes
 * subgraphs in id order: sibling clusters came out in whatever order the
 * allocator placed their names (one order in the normal build, another
 * under ASan). Sequential ids make the DOT output depend on the plan only. */
struct name_ids {
    Agdisc_t disc;          /* first: cgraph hands it back to open() */
    Agiddisc_t id_disc;
    Agraph_t *root;         /* names are interned in it: agwrite reads their flags */
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

static Agraph_t *open_graph(struct name_ids *n, struct arena *a)
{
    n->id_disc = (Agiddisc_t){ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close,
                              ids_register};
    n->disc = (Agdisc_t){&AgMemDisc, &n->id_disc, &AgIoDisc};
    n->arena = a;
    n->ids = hash_new(a, 64);
    n->names = (struct vec){0};
    n->next_anonymous = 1;
    return agopen(gv_str("okr"), Agdirected, &n->disc);
}

static Agraph_t *build_graph(const struct graph_request *req, struct name_ids *ids, char *err,
                             size_t errlen)
{
    const struct plan *plan = req->plan;
    struct builder b = {req, open_graph(ids, plan->arena), NULL, NULL, 1, NULL, 0, NULL, 0, NULL, 0};
    b.team_graph = calloc(plan->teams.len + 1, sizeof *b.team_graph);
    b.node = calloc(plan->objectives.len + 1, sizeof *b.node);
    b.has_child = calloc(plan->objectives.len + 1, sizeof *b.has_child);
    b.team_turn = calloc(plan->teams.len + 1, sizeof *b.team_turn);
    bool ok = b.root && b.team_graph && b.node && b.has_child && b.team_turn;
    size_t drawn = 0;
    for (size_t i = 0; ok && i < plan->objectives.len; i++) {
        if (!req->selected[i])
            continue;
        drawn++;
        const struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->aligned_to.len; k++)
            b.has_child[((const struct objective *)o->aligned_to.items[k])->seq] = true;
    }
    b.stagger = stagger_levels(drawn);
    if (ok)
        set_graph_defaults(b.root, plan);
    /* More than a handful of objectives: the drawing is stretched to 16:9
     * (height / width 0.5625) after layout, so that it fills a slide; the
     * staggered leaves above keep the stretch small. */
    if (ok && b.stagger > 1)
        set_attr(b.root, "ratio", "0.5625");
    if (ok && req->size)
        set_attr(b.root, "size", req->size);
    for (size_t i = 0; ok && i < plan->objectives.len; i++)
        if (req->selected[i])
            ok = add_objective(&b, plan->objectives.items[i]);
    for (size_t i = 0; ok && i < plan->objectives.len; i++)
        if (req->selected[i])
            ok = add_edges(&b, plan->objectives.items[i]) && stack_alone(&b, plan->objectives.items[i]);
    ok = ok && add_legend(&b);
    free(b.team_graph);
    free(b.node);
    free(b.has_child);
    free(b.team_turn);
    if (!ok) {
        char *msg = aglasterr();
        snprintf(err, errlen, "cannot build the graph%s%s", msg ? ": " : "", msg ? msg : "");
        free(msg);
        if (b.root)
            agclose(b.root);
        return NULL;
    }
    return b.root;
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
    struct name_ids ids;
    Agraph_t *g = build_graph(req, &ids, err, errlen);
    if (!g)
        return false;
    bool ok = agwrite(g, out) == 0 || fail(err, errlen, "cannot write the DOT output");
    agclose(g);
    return ok;
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
    struct name_ids ids;
    Agraph_t *g = build_graph(req, &ids, err, errlen);
    bool ok = g && layout_and_render(gvc, g, req, out, err, errlen);
    if (g)
        agclose(g);
    gvFreeContext(gvc);
    return ok;
}

bool graph_write(const struct graph_request *req, FILE *out, char *err, size_t errlen)
{
    agerrlevel_t old_level = agseterr(AGMAX);   /* collect messages instead of printing */
    agreseterrors();
    bool ok = strcmp(req->format, "dot") == 0 ? write_dot(req, out, err, errlen)
                                              : render(req, out, err, errlen);
    agseterr(old_level);
    return ok;
}
