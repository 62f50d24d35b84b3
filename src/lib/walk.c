/* walk.c — see walk.h. */
#include "lib/walk.h"
#include "lib/arena.h"
#include "lib/model.h"

void walk_init(struct objective_walk *w, struct arena *a, size_t objectives)
{
    size_t n = objectives ? objectives : 1;
    w->state = arena_alloc(a, n);
    w->stack = arena_alloc(a, n * sizeof *w->stack);
    w->depth = 0;
}

bool walk_root(struct objective_walk *w, struct objective *o)
{
    if (w->state[o->seq] != WALK_UNSEEN)
        return false;
    walk_push(w, o);
    return true;
}

struct walk_frame *walk_top(struct objective_walk *w)
{
    return &w->stack[w->depth - 1];
}

void walk_push(struct objective_walk *w, struct objective *o)
{
    w->state[o->seq] = WALK_OPEN;
    w->stack[w->depth++] = (struct walk_frame){o, 0};
}

void walk_pop(struct objective_walk *w)
{
    w->state[walk_top(w)->o->seq] = WALK_DONE;
    w->depth--;
}
