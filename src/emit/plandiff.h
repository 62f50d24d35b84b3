/* plandiff.h — what changed between two versions of a plan, for `okrc diff`:
 * objectives, key results and initiatives added, removed, renamed and
 * changed, check-ins and grades added or edited with the score they moved,
 * and the changes that move the goalposts. Both plans are compiled; the
 * comparison reads their models, never their text. */
#ifndef OKRC_PLANDIFF_H
#define OKRC_PLANDIFF_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"

enum change_item { ITEM_OBJECTIVE, ITEM_KEY_RESULT, ITEM_INITIATIVE, ITEM_CHECKIN, ITEM_GRADE };
enum change_kind { CHANGE_ADDED, CHANGE_REMOVED, CHANGE_RENAMED, CHANGE_CHANGED };

struct plan_change {
    enum change_item item;
    enum change_kind kind;
    const char *id;         /* "grow", "grow.rev", "grow.hire" (the new id when renamed) */
    const char *title;      /* the new title, or the old one when removed */
    const char *field;      /* CHANGE_CHANGED: "target", "owner", ...; else NULL */
    const char *before, *after;     /* as a person reads them; NULL when not applicable */
    const char *goalpost;   /* why it moves the goalposts, else NULL */
    okr_day date;           /* check-ins and grades: their date */
    bool moved;             /* check-ins: score and status before and after, as of date */
    double score_before, score_after;
    enum progress_status status_before, status_after;
};

struct plan_diff {
    struct vec changes;     /* struct plan_change *: goalposts first, then plan order */
    size_t goalposts;
    size_t counts[ITEM_GRADE + 1][CHANGE_CHANGED + 1];  /* by item and kind */
};

/* Compares the plans as of as_of (which decides what "while the period runs"
 * means). Progress of both plans is recomputed at the dates of new check-ins
 * and left as of as_of. */
void plan_diff(struct arena *a, struct plan *old_plan, struct plan *new_plan, okr_day as_of,
               struct plan_diff *out);

/* "5 changes: 2 added, 1 removed, 2 changed; 1 moves the goalposts", or
 * "no changes". */
const char *plan_diff_summary(struct arena *a, const struct plan_diff *d);
/* One change as a sentence without its id: "added: Open the warehouse",
 * "target: 2M EUR → 1.6M EUR", "2027-02-10 added: 1.4M EUR, confidence 6;
 * score 0.20 → 0.40, off-track → at-risk". */
const char *plan_change_text(struct arena *a, const struct plan_change *c);
/* A line as it is written, in memory that grows (its reader frees text):
 * a diff of every check-in of two large plans writes a quarter of a
 * million lines in pieces, which through a stdio stream in memory cost
 * more than the rest of the diff's own work. */
struct diff_line {
    char *text;
    size_t len, cap;
};
void diff_line_put(struct diff_line *line, const char *s, size_t n);
static inline void diff_line_puts(struct diff_line *line, const char *s)
{
    diff_line_put(line, s, strlen(s));
}
/* The same sentence, added to line (no copy). */
void plan_change_write(struct diff_line *line, const struct plan_change *c);
const char *change_item_name(enum change_item item);
const char *change_kind_name(enum change_kind kind);

/* One file per format (diff_text.c, diff_md.c, diff_json.c). */
void diff_emit_text(const struct plan_diff *d, struct arena *a, FILE *out);
void diff_emit_md(const struct plan_diff *d, struct arena *a, FILE *out);
/* false when the JSON could not be built (out of memory) */
bool diff_emit_json(const struct plan_diff *d, struct arena *a, FILE *out, okr_day as_of);

#endif
