/* progress.c — scores and statuses as of a date (SPEC §4).
 * Placeholder until the progress engine lands: everything is no-data. */
#include "okrc.h"

static const char *const status_names[] = {"no-data", "not-started", "on-track", "at-risk",
                                           "off-track", "done", "achieved", "missed"};

const char *progress_status_name(enum progress_status s)
{
    return status_names[s];
}

void progress_compute(struct plan *plan)
{
    (void)plan;
}
