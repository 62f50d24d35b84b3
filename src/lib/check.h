/* check.h — structural value checks (always errors). */
#ifndef OKRC_CHECK_H
#define OKRC_CHECK_H

struct diag_ctx;
struct objective;

/* The values of one objective's key results and their check-ins. */
void check_objective(struct diag_ctx *d, const struct objective *o);

#endif
