/* lint.h — the configurable rules of the rule table, as configured. */
#ifndef OKRC_LINT_H
#define OKRC_LINT_H

struct plan;
void lint_plan(struct plan *plan);

#endif
