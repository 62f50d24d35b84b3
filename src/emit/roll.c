/* roll.c — the next period's plan (roll.h).
 *
 * What rolls: each objective whose period overlaps the ending one (or each
 * one named), with its owners, teams, perspective, kind, why, risks and
 * tags; its period becomes the new one. A key result done, achieved or
 * dropped stays behind; every other one is carried: its latest value (as of
 * the plan's as-of date) becomes the new baseline, its target, minimum
 * (while it still lies between the two), owners, weight, note and tags are
 * kept, and its due date, confidence, current value and check-ins are not.
 * An initiative not done or dropped is kept with what it still supports.
 * Alignments are kept to what rolls too. Ids are those of the plan: they
 * are unique in it, and the new plan holds a subset. */
#define _DEFAULT_SOURCE
#include "emit/roll.h"
#include "emit/emit.h"
#include "emit/fmt.h"
#include "lib/progress.h"
#include "lib/source.h"
#include "lib/stdlib_path.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct roller {
    struct arena *a;
    const struct plan *plan;
    const struct roll_opts *opts;
    FILE *out;
    bool *rolls;            /* by objective seq */
    struct stdlib_path library;
    struct roll_stats *stats;
};

/* A quantity as plan text that reads back as exactly v: the short form a
 * person writes (13.2M USD) when it is exact, else every digit. */
static const char *exact_quantity(struct arena *a, double v, str unit)
{
    const char *text = format_quantity(a, v, unit);
    char *end;
    double back = strtod(text, &end);
    double scale = *end == 'k' ? 1e3 : *end == 'M' ? 1e6 : *end == 'B' ? 1e9 : 1;
    if (back * scale == v)
        return text;
    char digits[40];
    snprintf(digits, sizeof digits, "%.17g", v);
    if (!unit.len)
        return arena_strndup(a, digits, strlen(digits));
    if (unit.len == 1 && unit.ptr[0] == '%')
        return arena_printf(a, "%s%%", digits);
    return arena_printf(a, "%s %.*s", digits, (int)unit.len, unit.ptr);
}

static void people(struct roller *r, const char *keyword, ident first, const struct vec *rest)
{
    if (!first.name.ptr)
        return;
    fprintf(r->out, "  %s %s\n", keyword, format_people(r->a, first, rest));
}

static void tags(struct roller *r, const char *indent, const struct vec *v)
{
    if (!v->len)
        return;
    fprintf(r->out, "%stags", indent);
    for (size_t i = 0; i < v->len; i++) {
        const ident *t = v->items[i];
        fprintf(r->out, " #%.*s", (int)t->name.len, t->name.ptr);
    }
    fputc('\n', r->out);
}

static bool left_behind(const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    return p->dropped || p->done || p->status == PROGRESS_DONE || p->status == PROGRESS_ACHIEVED ||
           (p->has_value && p->score >= 1);
}

/* The metric with the latest value as its baseline. */
static void metric(struct roller *r, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    str unit = kr_unit(kr);
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET: {
        if (!p->bounds_known) {     /* `from ?`: still to be measured */
            fprintf(r->out, "    from ? to %s\n", kr->to.unknown ? "?" : exact_quantity(r->a, p->to, unit));
            return;
        }
        double from = p->has_value ? p->value : p->from;
        fprintf(r->out, "    from %s to %s\n", exact_quantity(r->a, from, unit), exact_quantity(r->a, p->to, unit));
        return;
    }
    case METRIC_KEEP_GE:
    case METRIC_KEEP_LE:
    case METRIC_KEEP_GT:
    case METRIC_KEEP_LT: {
        static const char *const ops[] = {[METRIC_KEEP_GE] = ">=", [METRIC_KEEP_LE] = "<=",
                                          [METRIC_KEEP_GT] = ">", [METRIC_KEEP_LT] = "<"};
        fprintf(r->out, "    keep %s %s\n", ops[kr->metric], exact_quantity(r->a, kr->to.value, unit));
        return;
    }
    case METRIC_MILESTONE: fputs("    milestone\n", r->out); return;
    case METRIC_ROLLUP: fputs("    rollup\n", r->out); return;
    case METRIC_NONE: return;
    }
}

static void key_result(struct roller *r, const struct key_result *kr)
{
    const struct kr_more *more = kr_more(kr);
    fprintf(r->out, "  kr %.*s %s {\n", (int)kr->id.name.len, kr->id.name.ptr, fmt_quote(r->a, kr->title));
    metric(r, kr);
    const struct progress *p = kr->progress;
    if (more->minimum.present && !more->minimum.unknown &&
        (kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET) && p->bounds_known) {
        double from = p->has_value ? p->value : p->from, lo = fmin(from, p->to), hi = fmax(from, p->to);
        if (more->minimum.value > lo && more->minimum.value < hi)   /* else minimum-out-of-range */
            fprintf(r->out, "    minimum %s\n", exact_quantity(r->a, more->minimum.value, kr_unit(kr)));
    }
    if (!kr->owner_inherited && kr->owner.name.ptr)
        fprintf(r->out, "    owner %s\n", format_people(r->a, kr->owner, &more->co_owners));
    if (more->weight.present)
        fprintf(r->out, "    weight %g\n", more->weight.value);
    if (more->note.present)
        fprintf(r->out, "    note %s\n", fmt_quote(r->a, more->note.text));
    tags(r, "    ", &more->tags);
    fputs("  }\n", r->out);
}

/* An initiative still open (the caller leaves done and dropped ones). */
static void initiative(struct roller *r, const struct initiative *in)
{
    fprintf(r->out, "  initiative %.*s %s {\n", (int)in->id.name.len, in->id.name.ptr,
            fmt_quote(r->a, in->title));
    if (in->owner.name.ptr)
        fprintf(r->out, "    owner %s\n",
                format_people(r->a, in->owner, &initiative_more(in)->co_owners));
    const char *sep = "    supports ";
    for (size_t i = 0; i < in->supported.len; i++) {
        const struct key_result *kr = in->supported.items[i];
        if (!kr || left_behind(kr))
            continue;
        fprintf(r->out, "%s%.*s", sep, (int)kr->id.name.len, kr->id.name.ptr);
        sep = ", ";
    }
    if (*sep == ',')
        fputc('\n', r->out);
    fprintf(r->out, "    status %s\n", initiative_status_name(in->status));
    tags(r, "    ", &initiative_more(in)->tags);
    fputs("  }\n", r->out);
}

static void objective(struct roller *r, const struct objective *o, struct roll_stats *stats)
{
    const struct objective_more *more = objective_more(o);
    FILE *out = r->out;
    fprintf(out, "\nobjective %.*s %s {\n", (int)o->id.name.len, o->id.name.ptr, fmt_quote(r->a, o->title));
    people(r, "owner", o->owner, &more->co_owners);
    if (o->team) {
        fprintf(out, "  team %.*s", (int)o->team->id.name.len, o->team->id.name.ptr);
        for (size_t i = 0; i < more->co_teams.len; i++) {
            const struct team *t = more->co_teams.items[i];
            fprintf(out, ", %.*s", (int)t->id.name.len, t->id.name.ptr);
        }
        fputc('\n', out);
    }
    if (more->perspective)
        fprintf(out, "  perspective %.*s\n", (int)more->perspective->id.name.len,
                more->perspective->id.name.ptr);
    if (!o->period_inherited || !r->plan->decl || !r->plan->decl->period.present)
        fprintf(out, "  period %s\n", r->opts->to_text);     /* else the plan's, now the new one */
    if (o->aspirational && !(r->plan->decl && r->plan->decl->aspirational))
        fputs("  aspirational\n", out);
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *up = o->aligned_to.items[i];
        const struct key_result *kr = o->aligned_krs.items[i];
        if (!r->rolls[up->seq] || (kr && left_behind(kr))) {
            /* what it aligned to stays behind: said, as it is not in the new plan */
            vec_push(r->a, &r->stats->unaligned,
                     arena_printf(r->a, "%.*s no longer aligns to %.*s%s%.*s, which stays behind",
                                  (int)o->id.name.len, o->id.name.ptr, (int)up->id.name.len, up->id.name.ptr,
                                  kr ? "." : "", kr ? (int)kr->id.name.len : 0, kr ? kr->id.name.ptr : ""));
            continue;
        }
        fprintf(out, "  aligns %.*s%s%.*s\n", (int)up->id.name.len, up->id.name.ptr, kr ? "." : "",
                kr ? (int)kr->id.name.len : 0, kr ? kr->id.name.ptr : "");
    }
    if (more->why.present)
        fprintf(out, "  why %s\n", fmt_quote(r->a, more->why.text));
    if (more->note.present)
        fprintf(out, "  note %s\n", fmt_quote(r->a, more->note.text));
    for (size_t i = 0; i < more->risks.len; i++)
        fprintf(out, "  risk %s\n", fmt_quote(r->a, ((const text_item *)more->risks.items[i])->text));
    tags(r, "  ", &more->tags);
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        stats->key_results++;
        if (kr->progress->dropped) {
            stats->left_dropped++;
        } else if (left_behind(kr)) {
            stats->left_done++;
        } else {
            stats->carried++;
            key_result(r, kr);
        }
    }
    for (size_t i = 0; i < o->initiatives.len; i++) {
        const struct initiative *in = o->initiatives.items[i];
        if (in->status == STATUS_DONE || in->status == STATUS_DROPPED)
            continue;
        stats->initiatives++;
        initiative(r, in);
    }
    fputs("}\n", out);
}

static bool named(const struct roll_opts *opts, str id)
{
    for (size_t i = 0; i < opts->n_objectives; i++)
        if (strlen(opts->objectives[i]) == id.len && memcmp(opts->objectives[i], id.ptr, id.len) == 0)
            return true;
    return false;
}

/* Whether src is a file of the standard library (or OKRC_PATH): its rules
 * blocks and uses are loaded again by the new plan itself. */
static bool library_file(struct roller *r, const struct source *src)
{
    if (!src || !src->path)
        return true;
    char *real = realpath(src->path, NULL);
    bool library = false;
    for (size_t i = 0; real && i < r->library.dirs.len && !library; i++) {
        char *dir = realpath(r->library.dirs.items[i], NULL);
        size_t n = dir ? strlen(dir) : 0;
        library = dir && strncmp(real, dir, n) == 0 && real[n] == '/';
        free(dir);
    }
    free(real);
    return library;
}

/* The declarations the objectives need, from the model (teams, people,
 * perspectives, named periods) or as written (rules blocks), and the
 * standard library's uses; the plan's own files are not used: their
 * objectives would come along. */
static void declarations(struct roller *r)
{
    const struct plan *plan = r->plan;
    FILE *out = r->out;
    const struct plan_decl *decl = plan->decl;
    fputs("plan", out);
    if (decl && decl->title.ptr)
        fprintf(out, " %s", fmt_quote(r->a, decl->title));
    fprintf(out, " {\n  period %s\n", r->opts->to_text);
    if (decl && decl->owner.name.ptr)
        fprintf(out, "  owner @%.*s\n", (int)decl->owner.name.len, decl->owner.name.ptr);
    if (decl && decl->aspirational)
        fputs("  aspirational\n", out);
    fputs("}\n", out);
    for (size_t i = 0; i < plan->uses.len; i++) {
        const struct use_decl *u = plan->uses.items[i];
        if (u->path.len > 4 && memcmp(u->path.ptr, "std/", 4) == 0 && !library_file(r, u->from))
            fprintf(out, "use %s\n", fmt_quote(r->a, u->path));
    }
    for (size_t i = 0; i < plan->rules_blocks.len; i++) {
        const struct rules_block *b = plan->rules_blocks.items[i];
        span block = item_span(b->at, b->block);
        if (block.src && block.end > block.start && !library_file(r, block.src))
            fprintf(out, "%.*s\n", (int)(block.end - block.start), block.src->text + block.start);
    }
    for (size_t i = 0; i < plan->periods.len; i++) {
        const struct named_period *p = plan->periods.items[i];
        if (!p->valid || library_file(r, p->at.src))
            continue;
        char range[64];
        period_format(p->value, range, sizeof range);
        fprintf(out, "period %.*s%s%s %s\n", (int)p->id.name.len, p->id.name.ptr, p->title.len ? " " : "",
                p->title.len ? fmt_quote(r->a, p->title) : "", range);
    }
    for (size_t i = 0; i < plan->perspectives.len; i++) {
        const struct perspective *p = plan->perspectives.items[i];
        if (library_file(r, p->at.src))
            continue;
        fprintf(out, "perspective %.*s%s%s\n", (int)p->id.name.len, p->id.name.ptr, p->title.len ? " " : "",
                p->title.len ? fmt_quote(r->a, p->title) : "");
    }
    for (size_t i = 0; i < plan->teams.len; i++) {
        const struct team *t = plan->teams.items[i];
        if (library_file(r, t->at.src))
            continue;
        fprintf(out, "team %.*s%s%s", (int)t->id.name.len, t->id.name.ptr, t->title.len ? " " : "",
                t->title.len ? fmt_quote(r->a, t->title) : "");
        if (t->parent || t->lead.name.ptr) {
            fputs(" {", out);
            if (t->parent)
                fprintf(out, " parent %.*s", (int)t->parent->id.name.len, t->parent->id.name.ptr);
            if (t->lead.name.ptr)
                fprintf(out, " lead @%.*s", (int)t->lead.name.len, t->lead.name.ptr);
            fputs(" }", out);
        }
        fputc('\n', out);
    }
    for (size_t i = 0; i < plan->people.len; i++) {
        const struct person *p = plan->people.items[i];
        if (library_file(r, p->at.src))
            continue;
        fprintf(out, "person @%.*s%s%s", (int)p->id.name.len, p->id.name.ptr, p->name.len ? " " : "",
                p->name.len ? fmt_quote(r->a, p->name) : "");
        if (p->team)
            fprintf(out, " { team %.*s }", (int)p->team->id.name.len, p->team->id.name.ptr);
        fputc('\n', out);
    }
}

char *roll_plan(struct arena *a, const struct plan *plan, const struct roll_opts *opts,
                struct roll_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        out_of_memory();
    struct roller r = {a, plan, opts, out, arena_alloc(a, plan->objectives.len + 1), {{0}}, stats};
    stdlib_path_init(&r.library, a);
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        r.rolls[i] = opts->n_objectives ? named(opts, o->id.name)
                                        : o->period.present && o->period.value.start <= opts->from.end &&
                                              o->period.value.end >= opts->from.start &&
                                              o->period.value.end < opts->to.start;  /* not still running */
        /* an objective whose key results are all done or dropped is met */
        bool open = !o->key_results.len;
        for (size_t k = 0; k < o->key_results.len && !open; k++)
            open = !left_behind(o->key_results.items[k]);
        if (r.rolls[i] && !open)
            stats->left_objectives++;
        r.rolls[i] = r.rolls[i] && open;
    }
    declarations(&r);
    for (size_t i = 0; i < plan->objectives.len; i++)
        if (r.rolls[i]) {
            stats->objectives++;
            objective(&r, plan->objectives.items[i], stats);
        }
    fclose(out);
    char *copy = arena_strndup(a, text, len);
    free(text);
    return copy;
}
