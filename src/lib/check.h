/* check.h — structural value checks (always errors). */
#ifndef OKRC_CHECK_H
#define OKRC_CHECK_H

struct plan;
void check_plan(struct plan *plan);

#endif
