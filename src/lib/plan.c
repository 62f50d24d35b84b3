/* plan.c — one compilation: load → parse → configure rules → resolve →
 * progress (as of plan->as_of, unless the caller shows none) → checks and
 * rules in one walk → suppress, and its memory. */
#include "lib/plan.h"
#include "lib/arena.h"
#include "lib/check.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/lint.h"
#include "lib/load.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/progress.h"
#include "lib/resolve.h"
#include "lib/rules.h"
#include "lib/source.h"

#include <string.h>

void plan_init(struct plan *plan, struct arena *arena, struct diag_ctx *diags)
{
    memset(plan, 0, sizeof *plan);
    plan->arena = arena;
    plan->diags = diags;
}

/* The structural checks and the rules in one walk over the objectives: an
 * objective's key results and their check-ins, found all over memory, are
 * in cache for the rules once the checks have read them (a walk each read
 * them twice). */
static void check_and_lint(struct plan *plan, bool lint)
{
    struct linter *l = lint ? lint_start(plan) : NULL;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        objective_prefetch_next(&plan->objectives, i);
        check_objective(plan->diags, plan->objectives.items[i]);
        if (l)
            lint_objective(l, plan->objectives.items[i]);
    }
    if (l)
        lint_finish(l);
}

/* Every phase after the sources are parsed, the same for files and memory. */
static void analyse(struct plan *plan, bool lint, bool progress, bool objective_table)
{
    rules_apply(plan);
    resolve_plan(plan);
    if (!objective_table) {
        hash_free(plan->objective_ids);
        plan->objective_ids = NULL;
    }
    if (progress)
        progress_compute(plan);
    check_and_lint(plan, lint);
    diag_suppress(plan->diags, &plan->sources);
    diag_sort(plan->diags);
}

bool plan_compile(struct plan *plan, const char *const *files, size_t n)
{
    return plan_compile_with(plan, files, n, NULL);
}

bool plan_compile_overlay(struct plan *plan, const char *const *files, size_t n,
                          load_overlay_fn overlay, void *ctx)
{
    struct load_opts opts = {.overlay = overlay, .overlay_ctx = ctx, .keep_copies = true};
    return plan_compile_with(plan, files, n, &opts);
}

bool plan_compile_with(struct plan *plan, const char *const *files, size_t n,
                       const struct load_opts *load)
{
    struct load_opts opts = load ? *load : (struct load_opts){0};
    opts.implicit = "std/rules/default";
    bool ok = load_plan(plan, files, n, &opts);
    analyse(plan, !opts.no_lint, !opts.no_progress, !opts.no_objective_table);
    return ok;
}

void plan_compile_memory(struct plan *plan, const char *name, const char *data, size_t len)
{
    struct source *src = source_from_memory(plan->arena, name, data, len, 0);
    vec_push(plan->arena, &plan->sources, src);
    parse_source(plan, src);
    analyse(plan, true, true, true);
}

void plan_free(struct plan *plan)
{
    plan_free_tables(plan);
    arena_free(&plan->until_resolved);      /* when resolve did not run */
    for (size_t i = 0; i < plan->sources.len; i++)
        source_free(plan->sources.items[i]);
}
