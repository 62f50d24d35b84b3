/* progress.h — scores and statuses as of plan->as_of. */
#ifndef OKRC_PROGRESS_H
#define OKRC_PROGRESS_H

#include "lib/model.h"

/* Every objective's and key result's progress, into arrays of the plan's
 * arena (kr->progress, o->progress): for what shows progress. `check` does
 * without; its rules read the judgments below. */
void progress_compute(struct plan *plan);
/* The first `done` check-in entry on or before as_of; NULL when none. */
const struct checkin_entry *progress_kr_done_entry(const struct key_result *kr, okr_day as_of);
/* The first `done` check-in on or before as_of (its date in *on), or
 * `current done` (*on 0). */
bool progress_kr_done(const struct key_result *kr, okr_day as_of, okr_day *on);
/* A milestone whose first counted `done` came after its due date. */
bool progress_kr_done_late(const struct key_result *kr, okr_day done_on);
/* `dropped` as an item, or a drop checked in on or before as_of. */
bool progress_kr_dropped(const struct key_result *kr, okr_day as_of);
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
