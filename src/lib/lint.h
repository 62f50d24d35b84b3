/* lint.h — the configurable rules of the rule table, as configured. */
#ifndef OKRC_LINT_H
#define OKRC_LINT_H

struct plan;
struct objective;
struct linter;

/* The rules run in the walk over the objectives that the structural checks
 * share (plan.c): lint_objective for each objective in plan order, between
 * lint_start and lint_finish, which reports what spans objectives. */
struct linter *lint_start(struct plan *plan);
void lint_objective(struct linter *l, struct objective *o);
void lint_finish(struct linter *l);

#endif
