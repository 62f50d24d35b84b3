/* progress.h — scores and statuses as of plan->as_of. */
#ifndef OKRC_PROGRESS_H
#define OKRC_PROGRESS_H

#include "lib/model.h"

void progress_compute(struct plan *plan);
/* One key result's progress as of another date, the plan left as it was:
 * from its own values and check-ins (a roll-up reads its contributors'
 * scores as they are). For `okrc diff`: what one check-in moved. */
struct progress progress_kr_at(struct key_result *kr, okr_day as_of);
const char *progress_status_name(enum progress_status s);
/* s < 0.4 red, s < 0.7 yellow, else green. */
enum grade progress_grade(double score);
const char *progress_grade_name(enum grade g);
/* The colour to show (SPEC §4): while the period runs by status (done and
 * on-track green, at-risk yellow, off-track red, no data grey); after it by
 * grade, except that `missed` is never green; dropped is grey. */
enum grade progress_color(const struct progress *p);
/* +1 when the key result's good direction is up, -1 when down. */
int progress_direction(const struct key_result *kr);
/* "committed" or "aspirational". */
const char *objective_kind(const struct objective *o);

#endif
