/* roll.h — the next period's plan from a compiled one, for `okrc roll`: the
 * objectives of the period that ends, their unfinished key results with the
 * latest values as new baselines, open initiatives, and the declarations
 * they need (teams, people, perspectives, named periods, rules blocks and
 * the standard library's uses), as .okr text for fmt to lay out. */
#ifndef OKRC_ROLL_H
#define OKRC_ROLL_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"

struct roll_opts {
    period from;            /* objectives whose period overlaps it roll */
    period to;              /* the new period */
    const char *to_text;    /* as written on the command line: 2027-Q2 */
    const char *const *objectives;  /* --objective: only these (NULL: by period) */
    size_t n_objectives;
};

struct roll_stats {
    size_t objectives, left_objectives, key_results, carried, left_done, left_dropped, initiatives;
    struct vec unaligned;   /* const char *: "q1_sales no longer aligns to grow, which stays behind" */
};

/* The text of the new plan (unformatted), NUL-terminated. */
char *roll_plan(struct arena *a, const struct plan *plan, const struct roll_opts *opts,
                struct roll_stats *stats);

#endif
