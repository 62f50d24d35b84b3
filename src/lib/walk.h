/* walk.h — an iterative depth-first walk over the objectives, the one that
 * scoring (roll-ups after what they roll up) and the alignment-cycle search
 * share. Iterative so that a chain of 100,000 objectives cannot overflow the
 * stack; its memory comes from the plan's arena. */
#ifndef OKRC_WALK_H
#define OKRC_WALK_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/arena.h"
#include "lib/model.h"

enum walk_state { WALK_UNSEEN, WALK_OPEN, WALK_DONE };

struct walk_frame {
    struct objective *o;
    size_t next;            /* the caller's cursor over o's edges */
};

struct objective_walk {
    unsigned char *state;   /* enum walk_state, by objective seq */
    struct walk_frame *stack;
    size_t depth;
};

void walk_init(struct objective_walk *w, struct arena *a, size_t objectives);
/* Starts a walk at o unless o was already reached; false then. */
bool walk_root(struct objective_walk *w, struct objective *o);
/* The frame on top: the objective being walked. */
struct walk_frame *walk_top(struct objective_walk *w);
void walk_push(struct objective_walk *w, struct objective *o);
/* o is finished: marked done and taken off the stack. */
void walk_pop(struct objective_walk *w);

#endif
