/* cmd_graph.c — `okrc graph`: which objectives go on the alignment map, and
 * where it is written. graph.c draws it. */
#define _GNU_SOURCE
#include "cmd/cli.h"
#include "cmd/commands.h"
#include "cmd/output.h"
#include "emit/emit.h"
#include "emit/graph.h"
#include "emit/mermaid.h"
#include "lib/date.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/text.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Above this many objectives on the map, key results are shown as a count. */
enum { LARGE_MAP_OBJECTIVES = 500 };
/* Above this many, a map laid out without --layout is laid out by sfdp:
 * dot's layout grows with the square of the objectives (7 s for 2,000,
 * five minutes for 10,000; sfdp 5 s), docs/graph.md. */
enum { DOT_LAYOUT_OBJECTIVES = 2000 };

static const char graph_help[] =
    "usage: okrc graph [options] FILE|DIR...\n\n"
    "Draws the plan's alignment map: one node per objective (title, owner, period,\n"
    "kind, score and its key results), an arrow from each objective to the one it\n"
    "aligns to, one cluster per team, nested as teams nest.\n\n"
    "options:\n"
    "  -T FORMAT          dot (the graph source), mermaid (a flowchart for Markdown:\n"
    "                     GitHub, GitLab), or any format this Graphviz renders:\n"
    "                     svg, png, pdf, jpg, ... (default: the extension of -o, in\n"
    "                     any case, .mmd for mermaid; else dot). An unknown one\n"
    "                     lists those it has.\n"
    "  -o FILE            write to FILE (atomically) instead of standard output\n"
    "  --root OBJ         OBJ and every objective that aligns to it, transitively\n"
    "  --team TEAM        objectives of TEAM and of its sub-teams\n"
    "  --tag TAG          objectives tagged TAG, or with a key result or initiative\n"
    "                     that is (tags #TAG; the # may be left out)\n"
    "  --period P         objectives whose period overlaps P (2027, 2027-Q1,\n"
    "                     2027-03, 2027-01-15..2027-04-14)\n"
    "  --depth N          at most N levels below the root (or below the top objectives)\n"
    "  --no-krs           leave the key results out\n"
    "  --initiatives      list initiatives under the key results they support\n"
    "  --layout ENGINE    dot (default; sfdp above 2,000 objectives), sfdp, neato, fdp,\n"
    "                     circo or twopi\n"
    "  --size W,H         scale the drawing down to fit W by H inches (16,9: a slide);\n"
    "                     maps of more than 12 objectives are laid out near 16:9\n"
    "  --as-of DATE       the date scores are computed for (default today)\n"
    "  --strict           no map for a plan with errors of any rule (by default a plan\n"
    "                     whose errors are rule findings such as kr-count is drawn)\n"
    "  --color WHEN       colour of diagnostics: auto, always, never\n"
    CLI_LOAD_HELP_PLAN_ROOT CLI_LOAD_HELP
    "  -h, --help         show this help\n\n"
    "Plans with more than 500 objectives on the map show key results as a count.\n"
    "exit status: 0 map written, 1 the plan has errors, 2 usage, I/O or Graphviz error\n";

static const char *const layouts[] = {"dot", "sfdp", "neato", "fdp", "circo", "twopi"};

struct graph_opts {
    const char *format, *output, *as_of, *root, *team, *period, *layout, *color, *tag, *size;
    bool strict;
    char format_buf[32];    /* the format in lower case */
    long depth;             /* -1: unlimited */
    bool no_krs, initiatives;
    struct load_opts load;
    const bool *sources;    /* a team's file of a larger plan: its objectives only */
};

static bool one_of(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

/* A format name in lower case ("PNG" and "png" are one format); graph.c
 * knows which ones Graphviz can render. "gv" is DOT's other extension. */
static const char *format_named(struct graph_opts *o, const char *name)
{
    size_t n = strlen(name);
    if (n >= sizeof o->format_buf)
        return name;    /* no format is that long: graph.c will say so */
    for (size_t i = 0; i <= n; i++)
        o->format_buf[i] = (char)tolower((unsigned char)name[i]);
    if (strcmp(o->format_buf, "mmd") == 0)
        return "mermaid";
    return strcmp(o->format_buf, "gv") == 0 ? "dot" : o->format_buf;
}

/* -T from -o's extension; a file without one gets DOT. */
static const char *format_from_path(struct graph_opts *o, const char *path)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    const char *dot = path ? strrchr(base ? base : path, '.') : NULL;
    if (!dot || dot[1] == 0 || dot == (base ? base + 1 : path))
        return "dot";
    return format_named(o, dot + 1);
}

static int parse_options(int argc, char **argv, struct graph_opts *o)
{
    static const struct option options[] = {
        {"root", required_argument, NULL, 'r'},   {"team", required_argument, NULL, 't'},
        {"tag", required_argument, NULL, 'g'},     {"strict", no_argument, NULL, 'S'},
        {"period", required_argument, NULL, 'p'}, {"depth", required_argument, NULL, 'd'},
        {"no-krs", no_argument, NULL, 'K'},       {"initiatives", no_argument, NULL, 'I'},
        {"layout", required_argument, NULL, 'l'}, {"as-of", required_argument, NULL, 'a'},
        {"color", required_argument, NULL, 'c'},  {"help", no_argument, NULL, 'h'},
        {"size", required_argument, NULL, 'z'},   CLI_LOAD_OPTIONS, {0},
    };
    *o = (struct graph_opts){.color = "auto", .depth = -1};     /* layout: NULL until given */
    int c;
    while ((c = cli_getopt("graph", argc, argv, ":hT:o:", options)) != -1) {
        switch (c) {
        case 'T': o->format = format_named(o, optarg); break;
        case 'o': o->output = optarg; break;
        case 'r': o->root = optarg; break;
        case 't': o->team = optarg; break;
        case 'g': o->tag = optarg; break;
        case 'S': o->strict = true; break;
        case 'p': o->period = optarg; break;
        case 'd':
            if (!cli_count(optarg, &o->depth))
                return cli_usage_error("graph", "--depth takes a number of levels (0 or more), not '%s'", optarg);
            break;
        case 'K': o->no_krs = true; break;
        case 'I': o->initiatives = true; break;
        case 'l':
            if (!one_of(optarg, layouts, sizeof layouts / sizeof *layouts))
                return cli_usage_error("graph", "unknown layout '%s'; use dot, sfdp, neato, fdp, circo or twopi", optarg);
            o->layout = optarg;
            break;
        case 'a': o->as_of = optarg; break;
        case 'z': {
            char *end;
            double w = strtod(optarg, &end), h = *end == ',' ? strtod(end + 1, &end) : 0;
            if (*end || !(w > 0 && w <= 1000) || !(h > 0 && h <= 1000))
                return cli_usage_error("graph", "--size takes W,H in inches (16,9), not '%s'", optarg);
            o->size = optarg;
            break;
        }
        case 'c':
            if (!cli_color_option("graph", optarg, &o->color))
                return EXIT_USAGE;
            break;
        case 'h': fputs(graph_help, stdout); return -1;
        default: {
            /* cli_getopt has reported unknown options (CLI_OPT_ERROR); the
             * rest of the table are the load options. */
            int taken = c == CLI_OPT_ERROR ? -1 : cli_load_option("graph", c, optarg, &o->load);
            if (taken <= 0)
                return EXIT_USAGE;
            break;
        }
        }
    }
    if (!o->format)
        o->format = format_from_path(o, o->output);
    return EXIT_CLEAN;
}

/* ---- selection ---- */

static bool in_team(const struct team *t, const struct team *wanted)
{
    for (int hops = 0; t && hops < 1000; t = t->parent, hops++)  /* hops: cycles are errors, but stay safe */
        if (t == wanted)
            return true;
    return false;
}

static bool overlaps(period a, period b)
{
    return a.start <= b.end && b.start <= a.end;
}

/* Breadth-first down the alignment tree (from an objective to those that
 * align to it), from every objective marked with level 0; levels past
 * max_depth (unless -1) stay unreached (-1). */
static void level_down(const struct plan *plan, long *level, long max_depth)
{
    size_t n = plan->objectives.len;
    for (long d = 0; max_depth < 0 || d < max_depth; d++) {
        bool grew = false;
        for (size_t i = 0; i < n; i++) {
            const struct objective *o = plan->objectives.items[i];
            if (level[i] >= 0)
                continue;
            for (size_t j = 0; j < o->aligned_to.len; j++) {
                const struct objective *up = o->aligned_to.items[j];
                if (level[up->seq] == d) {
                    level[i] = d + 1;
                    grew = true;
                    break;
                }
            }
        }
        if (!grew)
            break;
    }
}

/* Marks the objectives on the map; returns how many, or -1 after an error. */
static long select_objectives(const struct plan *plan, const struct graph_opts *o, bool *selected)
{
    const struct objective *root = NULL;
    const struct team *team = NULL;
    period when = {0};
    if (o->root && !(root = hash_get(plan->objective_ids, o->root, strlen(o->root)))) {
        size_t n = plan->objectives.len;
        const char **names = calloc(n + 1, sizeof *names);
        for (size_t i = 0; names && i < n; i++)
            names[i] = ((const struct objective *)plan->objectives.items[i])->id.name.ptr;
        const char *near = names ? text_nearest_of(o->root, names, n) : NULL;
        if (near)
            cli_usage_error("graph", "--root: no objective '%s' in the plan; did you mean '%s'?",
                            o->root, near);
        else
            cli_usage_error("graph", "--root: no objective '%s' in the plan", o->root);
        free(names);
        return -1;
    }
    if (o->team && !cli_team_exists("graph", plan, o->team))
        return -1;
    if (o->tag && !cli_tag_exists("graph", plan, o->tag))
        return -1;
    if (o->team)
        team = hash_get(plan->team_ids, o->team, strlen(o->team));
    if (o->period && !cli_period(o->period, &when)) {
        fprintf(stderr, "okrc graph: error: --period: '%s' is not a period (2027, 2027-H1, "
                        "2027-Q1, 2027-03 or DATE..DATE)\n", o->period);
        return -1;
    }
    size_t n = plan->objectives.len;
    long *level = malloc((n + 1) * sizeof *level);
    if (!level) {
        fputs("okrc graph: error: out of memory\n", stderr);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const struct objective *obj = plan->objectives.items[i];
        level[i] = root ? (obj == root ? 0 : -1) : (obj->aligned_to.len == 0 ? 0 : -1);
    }
    if (root || o->depth >= 0)
        level_down(plan, level, o->depth);
    long count = 0;
    for (size_t i = 0; i < n; i++) {
        const struct objective *obj = plan->objectives.items[i];
        bool keep = !(root || o->depth >= 0) || level[i] >= 0;
        bool shared = false;    /* a team it shares with its home team */
        for (size_t t = 0; team && t < objective_more(obj)->co_teams.len; t++)
            shared = shared || in_team(objective_more(obj)->co_teams.items[t], team);
        keep = keep && (!team || in_team(obj->team, team) || shared);
        keep = keep && objective_tagged(obj, o->tag);
        keep = keep && (!o->period || (obj->period.present && overlaps(obj->period.value, when)));
        keep = keep && (!o->sources || !obj->at.src || o->sources[obj->at.src->index]);
        selected[i] = keep;
        count += keep;
    }
    free(level);
    return count;
}

/* ---- the command ---- */

static int write_map(struct cli_run *run, const struct graph_opts *o, const bool *selected,
                     long count)
{
    struct graph_request req = {
        .plan = &run->plan, .selected = selected, .krs = GRAPH_KRS_LISTED,
        .initiatives = o->initiatives, .format = o->format, .layout = o->layout ? o->layout : "dot",
        .size = o->size,
    };
    if (o->no_krs) {
        req.krs = GRAPH_KRS_HIDDEN;
    } else if (count > LARGE_MAP_OBJECTIVES) {
        req.krs = GRAPH_KRS_COUNTED;
        fprintf(stderr, "okrc graph: note: %ld objectives on the map (more than %d): key results "
                        "are shown as a count; narrow it with --root, --team, --period or --depth\n",
                count, LARGE_MAP_OBJECTIVES);
    }
    /* Mermaid is text for another tool, written below without Graphviz */
    bool laid_out = strcmp(o->format, "mermaid") != 0 && graph_lays_out(o->format);
    if (laid_out && !o->layout && count > DOT_LAYOUT_OBJECTIVES) {
        req.layout = "sfdp";
        fprintf(stderr, "okrc graph: note: %ld objectives on the map (more than %d): laid out by sfdp, as "
                        "dot's layout grows with the square of their number (minutes for 10,000); "
                        "--layout dot keeps the levels\n", count, DOT_LAYOUT_OBJECTIVES);
    }
    struct output out;
    if (!output_open(&out, o->output))
        return EXIT_USAGE;
    if (strcmp(o->format, "mermaid") == 0) {   /* text for Markdown, no Graphviz */
        mermaid_map(out.file, &run->plan, selected);
        return output_commit(&out) ? EXIT_CLEAN : EXIT_USAGE;
    }
    char err[512];
    if (!graph_write(&req, out.file, err, sizeof err)) {
        output_abort(&out);
        fprintf(stderr, "okrc graph: error: %s\n", err);
        return EXIT_USAGE;
    }
    return output_commit(&out) ? EXIT_CLEAN : EXIT_USAGE;
}

int cmd_graph(int argc, char **argv)
{
    struct graph_opts o;
    int rc = parse_options(argc, argv, &o);
    if (rc != EXIT_CLEAN)
        return rc < 0 ? EXIT_CLEAN : rc;
    okr_day as_of;
    if (!cli_as_of(o.as_of, &as_of))
        return cli_as_of_error("graph", o.as_of);
    if (optind >= argc)
        return cli_usage_error("graph", "%s", "no input files (use '-' for standard input)");

    struct cli_run run;
    cli_compile_in_context(&run, argv + optind, argc - optind, as_of, &o.load);
    rc = cli_exit_code(&run, false);
    /* A map of an incomplete plan would mislead; one with rule findings
     * (kr-count, smart-measurable) is drawn, the findings on stderr, exit 1. */
    if (!cli_plan_usable(&run, o.strict)) {
        cli_print_diagnostics(&run, o.color);
        cli_free(&run);
        return rc;
    }
    if (rc != EXIT_CLEAN)
        cli_print_diagnostics(&run, o.color);
    o.sources = run.named_sources;
    bool *selected = calloc(run.plan.objectives.len + 1, sizeof *selected);
    long count = selected ? select_objectives(&run.plan, &o, selected) : -1;
    int written = count < 0 ? EXIT_USAGE : write_map(&run, &o, selected, count);
    free(selected);
    cli_free(&run);
    return written != EXIT_CLEAN ? written : rc;
}
