/* resolve.h — names, references, cycles, inheritance. */
#ifndef OKRC_RESOLVE_H
#define OKRC_RESOLVE_H

struct plan;
void resolve_plan(struct plan *plan);
void plan_free_tables(struct plan *plan);

#endif
