/* resolve.c — names across all files of the plan: ids per kind, references,
 * cycles among teams and alignments, and the inherited values of SPEC §2.2. */
#include "lib/resolve.h"
#include "lib/walk.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/rules.h"
#include "lib/text.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

struct resolver {
    struct plan *plan;
    struct diag_ctx *d;
    struct hash **same_id_krs;  /* by objective seq: for one whose id is declared again
                                   (an error), the key results of all of them by id, the
                                   first of each; else NULL (and NULL when none is) */
    struct hash **member_tables;    /* by objective seq: the key results of one with
                                       more than MEMBERS_SCANNED, by id; else NULL */
    size_t suggest_budget;      /* for every did-you-mean of the run (text.h) */
};

/* ---- declarations ---- */

/* Adds each item of list to a new table; items after the first with the same
 * id are duplicates. The id is at offset id_offset in each item. */
static struct hash *declare(struct resolver *r, struct vec *list, size_t id_offset,
                            const char *kind, void (*twice)(struct resolver *, void *first, void *item))
{
    struct hash *h = hash_new(r->plan->arena, list->len);
    for (size_t i = 0; i < list->len; i++) {
        char *item = list->items[i];
        ident *id = (ident *)(item + id_offset);
        char *first = hash_put(h, id->name.ptr, id->name.len, item);
        if (!first)
            continue;
        struct diag *g = diag_report(r->d, R_DUPLICATE_ID, id->at, "%s '%s' is declared twice",
                                     kind, id->name.ptr);
        diag_note(r->d, g, ((ident *)(first + id_offset))->at, "first declared here");
        if (twice)
            twice(r, first, item);
    }
    return h;
}

/* Key results and initiatives are named within their objective ("OBJ.KR"
 * from outside it): an objective's few members are compared in order, and
 * only one with more than this many gets a table of its own. A plan-wide
 * table keyed "objective.member" cost a string and a random slot per
 * member, and a check-in's look-up a miss in a table of every key result
 * (docs/performance.md). */
#define MEMBERS_SCANNED 16

/* Ids are short: compared in a loop, not a call to memcmp. */
static bool named(const ident *id, const char *name, size_t len)
{
    if (id->name.len != len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (id->name.ptr[i] != name[i])
            return false;
    return true;
}

/* key_result and initiative both begin with their ident. */
static const ident *member_id(const struct vec *members, size_t k)
{
    return members->items[k];
}

static void duplicate_member(struct resolver *r, struct objective *o, const ident *id,
                             const ident *first, const char *kind)
{
    /* the members of an objective declared twice are its first declaration's
     * duplicates, reported once as that */
    if (hash_get(r->plan->objective_ids, o->id.name.ptr, o->id.name.len) != o)
        return;
    struct diag *g = diag_report(r->d, R_DUPLICATE_ID, id->at, "%s '%s' is declared twice in objective '%s'",
                                 kind, id->name.ptr, o->id.name.ptr);
    diag_note(r->d, g, first->at, "first declared here");
}

/* Reports each member after the first with the same id; returns the table
 * of a large objective's members by id (the first of each), else NULL. */
static struct hash *declare_members(struct resolver *r, struct objective *o, struct vec *members,
                                    const char *kind)
{
    if (members->len > MEMBERS_SCANNED) {
        struct hash *table = hash_new(r->plan->arena, members->len);
        for (size_t k = 0; k < members->len; k++) {
            const ident *id = member_id(members, k);
            const ident *first = hash_put(table, id->name.ptr, id->name.len, members->items[k]);
            if (first)
                duplicate_member(r, o, id, first, kind);
        }
        return table;
    }
    for (size_t k = 1; k < members->len; k++) {
        const ident *id = member_id(members, k);
        for (size_t j = 0; j < k; j++)
            if (named(member_id(members, j), id->name.ptr, id->name.len)) {
                duplicate_member(r, o, id, member_id(members, j), kind);
                break;
            }
    }
    return NULL;
}

static void declare_all_members(struct resolver *r)
{
    struct plan *plan = r->plan;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        struct hash *table = declare_members(r, o, &o->key_results, "key result");
        if (table) {
            if (!r->member_tables)
                r->member_tables = arena_alloc(plan->arena, plan->objectives.len * sizeof *r->member_tables);
            r->member_tables[o->seq] = table;
        }
        hash_free(declare_members(r, o, &o->initiatives, "initiative"));
    }
}

/* The key result of objective o named name, or NULL. */
static struct key_result *member_kr(const struct resolver *r, const struct objective *o,
                                    const char *name, size_t len)
{
    if (o->key_results.len > MEMBERS_SCANNED)
        return hash_get(r->member_tables[o->seq], name, len);
    for (size_t k = 0; k < o->key_results.len; k++)
        if (named(member_id(&o->key_results, k), name, len))
            return o->key_results.items[k];
    return NULL;
}

/* A check-in's "OBJ.KR" where OBJ is declared more than once (an error of
 * its own): the key result of the first declaration that has it, as the
 * check-in surely means one of them. */
static struct key_result *entry_kr(const struct resolver *r, const struct objective *o,
                                   const char *name, size_t len)
{
    if (r->same_id_krs && r->same_id_krs[o->seq])
        return hash_get(r->same_id_krs[o->seq], name, len);
    return member_kr(r, o, name, len);
}

static void add_krs(struct hash *table, const struct objective *o)
{
    for (size_t k = 0; k < o->key_results.len; k++) {
        const ident *id = member_id(&o->key_results, k);
        hash_put(table, id->name.ptr, id->name.len, o->key_results.items[k]);
    }
}

/* item is declared with the id of first: its key results join first's. */
static void objective_twice(struct resolver *r, void *first, void *item)
{
    const struct objective *o = first;
    if (!r->same_id_krs)
        r->same_id_krs = arena_alloc(r->plan->arena, r->plan->objectives.len * sizeof *r->same_id_krs);
    struct hash **table = &r->same_id_krs[o->seq];
    if (!*table) {
        *table = hash_new(r->plan->arena, o->key_results.len);
        add_krs(*table, o);
    }
    add_krs(*table, item);
}

static void free_member_tables(struct resolver *r)
{
    for (size_t i = 0; r->member_tables && i < r->plan->objectives.len; i++)
        hash_free(r->member_tables[i]);
    for (size_t i = 0; r->same_id_krs && i < r->plan->objectives.len; i++)
        hash_free(r->same_id_krs[i]);
}

/* ---- references ---- */

/* The declared id closest to a misspelt one, for "did you mean". Only on the
 * error path, and only over lists small enough to scan. */
static const char *closest(struct resolver *r, const struct vec *list, size_t id_offset,
                           const char *name)
{
    struct text_nearest near;
    text_nearest_start(&near, name, &r->suggest_budget);
    for (size_t i = 0; i < list->len; i++)
        if (!text_nearest_offer(&near, ((const ident *)((const char *)list->items[i] + id_offset))->name.ptr))
            break;
    return near.best;
}

/* "objective 'q1' has no key result 'revnue'; did you mean 'revenue'?" */
static void unknown_member(struct resolver *r, const struct objective *o, const ident *ref,
                           const char *why)
{
    if (o->cut_short)       /* its key results may be what recovery skipped */
        return;
    const char *name = arena_strndup(r->plan->arena, ref->name.ptr, ref->name.len);
    const char *near = closest(r, &o->key_results, offsetof(struct key_result, id), name);
    diag_report(r->d, R_UNKNOWN_REF, ref->at, "objective '%s' has no key result '%s'%s%s%s%s",
                o->id.name.ptr, name, why, near ? "; did you mean '" : "",
                near ? near : "", near ? "'?" : "");
}

static void *lookup(struct resolver *r, struct hash *h, const ident *ref, const struct vec *list,
                    size_t id_offset, const char *kind, const char *hint)
{
    if (!ref->name.ptr)
        return NULL;
    void *found = hash_get(h, ref->name.ptr, ref->name.len);
    if (found)
        return found;
    /* a check-in entry's names are its reference's text, not strings of
     * their own (model.h): the message gets a copy */
    const char *name = arena_strndup(r->plan->arena, ref->name.ptr, ref->name.len);
    const char *near = closest(r, list, id_offset, name);
    struct diag *g = diag_report(r->d, R_UNKNOWN_REF, ref->at, "unknown %s '%s'%s%s%s", kind,
                                 name, near ? "; did you mean '" : "", near ? near : "",
                                 near ? "'?" : "");
    if (hint && !near)
        diag_note(r->d, g, ref->at, "%s", hint);
    return NULL;
}

#define LOOKUP(r, table, ref, list, type, kind, hint) \
    ((type *)lookup(r, (r)->plan->table, ref, &(r)->plan->list, offsetof(type, id), kind, hint))

static void resolve_period(struct resolver *r, period_item *p)
{
    if (!p->name || !p->name->ref.name.ptr)
        return;
    const struct named_period *named = LOOKUP(r, period_ids, &p->name->ref, periods,
                                              struct named_period, "period",
                                              "declare it: period NAME \"Title\" 2027-02-01..2027-04-30");
    if (!named)
        return;
    p->name->named = named;
    p->value = named->value;
    p->present = named->valid;
}

static void resolve_objective(struct resolver *r, struct objective *o)
{
    struct plan *plan = r->plan;
    resolve_period(r, &o->period);
    o->team = LOOKUP(r, team_ids, &o->team_ref, teams, struct team, "team", NULL);
    struct objective_more *more = o->more;    /* co-teams and perspective, when given */
    for (size_t i = 0; more && i < more->co_team_refs.len; i++) {
        struct team *t = LOOKUP(r, team_ids, (ident *)more->co_team_refs.items[i], teams, struct team,
                                "team", NULL);
        if (t)
            vec_push(plan->arena, &more->co_teams, t);
    }
    if (more)
        more->perspective = LOOKUP(r, perspective_ids, &more->perspective_ref, perspectives,
                                   struct perspective, "perspective",
                                   "the Balanced Scorecard perspectives come with use \"std/bsc\"");
    vec_reserve(plan->arena, &o->aligned_to, o->aligns.len);
    vec_reserve(plan->arena, &o->aligned_krs, o->aligns.len);
    for (size_t i = 0; i < o->aligns.len; i++) {
        ident *ref = o->aligns.items[i];
        struct objective *to = LOOKUP(r, objective_ids, ref, objectives, struct objective,
                                      "objective", NULL);
        if (!to)
            continue;
        ident *kr_ref = o->align_krs.items[i];
        struct key_result *kr = NULL;
        if (kr_ref) {
            kr = member_kr(r, to, kr_ref->name.ptr, kr_ref->name.len);
            if (!kr) {
                unknown_member(r, to, kr_ref, arena_printf(plan->arena, " for '%s' to align to",
                                                           o->id.name.ptr));
                continue;
            }
        }
        vec_push(plan->arena, &o->aligned_to, to);
        vec_push(plan->arena, &o->aligned_krs, kr);
    }
    for (size_t i = 0; i < o->initiatives.len; i++) {
        struct initiative *in = o->initiatives.items[i];
        vec_reserve(plan->arena, &in->supported, in->n_supports);
        for (size_t k = 0; k < in->n_supports; k++) {
            ident *ref = &in->supports[k];
            struct key_result *kr = member_kr(r, o, ref->name.ptr, ref->name.len);
            if (kr) {
                vec_push(plan->arena, &in->supported, kr);
                kr->has_initiative = true;
            } else
                unknown_member(r, o, ref, arena_printf(plan->arena, " for initiative '%s' to support",
                                                       in->id.name.ptr));
        }
    }
}

static int by_date(const void *x, const void *y, const void *ctx)
{
    (void)ctx;
    okr_day a = entry_checkin(x)->date.value;
    okr_day b = entry_checkin(y)->date.value;
    return (a > b) - (a < b);
}

/* Stable: same-day entries stay in file order (linear when already sorted). */
static void sort_by_date(struct arena *a, struct vec *entries)
{
    sort_stable(a, entries->items, entries->len, by_date, NULL);
}

/* Two values of one key result on one date: which one counts would depend on
 * the order of the files, so neither is taken silently. */
static void report_same_day(struct resolver *r, const struct objective *o, const struct key_result *kr)
{
    const struct checkin_entry *prev = NULL;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (e->no_value)
            continue;           /* a confidence alone is no second value */
        bool same = prev && entry_checkin(prev)->date.value == entry_checkin(e)->date.value;
        const struct checkin_entry *first = prev;
        prev = e;
        if (!same)
            continue;
        char day[16];
        date_format(entry_checkin(e)->date.value, day);
        struct diag *g = diag_report(r->d, R_DUPLICATE_CHECKIN, entry_ref_at(e),
                                     "key result '%s.%s' has a second value on %s; the later one in the "
                                     "plan counts: keep one check-in per key result and date",
                                     o->id.name.ptr, kr->id.name.ptr, day);
        diag_note(r->d, g, entry_ref_at(first), "the first value on %s", day);
    }
}

static void resolve_checkins(struct resolver *r)
{
    struct plan *plan = r->plan;
    /* A check-in lists the key results of one objective together: the
     * objective of the last entry is compared before the table is asked. */
    struct objective *last = NULL;
    for (size_t i = 0; i < plan->checkins.len; i++) {
        struct checkin *c = plan->checkins.items[i];
        for (size_t k = 0; k < c->n_entries; k++) {
            struct checkin_entry *e = &c->entries[k];
            ident obj_ref, kr_ref;      /* from the copy: the text may be in the page cache */
            entry_split_ref(e, e->ref, &obj_ref, &kr_ref);
            e->kr = NULL;
            if (!e->has_kr) {      /* `OBJ grade G` */
                struct objective *o = LOOKUP(r, objective_ids, &obj_ref, objectives,
                                             struct objective, "objective", NULL);
                if (o && c->date_present)
                    vec_push(plan->arena, &objective_more_for(plan->arena, o)->grades, e);
                continue;
            }
            struct objective *o = last && named(&last->id, obj_ref.name.ptr, obj_ref.name.len)
                                      ? last
                                      : hash_get(plan->objective_ids, obj_ref.name.ptr, obj_ref.name.len);
            last = o;
            e->kr = o ? entry_kr(r, o, kr_ref.name.ptr, kr_ref.name.len) : NULL;
            if (e->kr) {
                if (c->date_present)
                    vec_push(plan->arena, e->judgment ? &kr_more_for(plan->arena, e->kr)->judgments
                                                      : &e->kr->checkins, e);
            } else if (!o) {
                LOOKUP(r, objective_ids, &obj_ref, objectives, struct objective, "objective", NULL);
            } else {
                unknown_member(r, o, &kr_ref, "");
            }
        }
    }
    /* Check-ins of one key result in date order, same-day ones in file order. */
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (o->more)
            sort_by_date(plan->arena, &o->more->grades);
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            sort_by_date(plan->arena, &kr->checkins);
            if (kr->more)
                sort_by_date(plan->arena, &kr->more->judgments);
            report_same_day(r, o, kr);
        }
    }
}

/* ---- cycles ---- */

/* Team parents form a forest; walk up from each team, colouring as we go. */
static void find_team_cycles(struct resolver *r)
{
    struct plan *plan = r->plan;
    size_t n = plan->teams.len;
    unsigned char *state = calloc(n ? n : 1, 1);   /* 0 new, 1 on this walk, 2 done */
    for (size_t i = 0; i < n; i++) {
        struct team *t = plan->teams.items[i], *cut = NULL;
        while (t) {
            if (state[t->seq] == 2)
                break;
            if (state[t->seq] == 1) {
                struct diag *g = diag_report(r->d, R_TEAM_CYCLE, t->parent_ref.at,
                                             "team '%s' is its own ancestor", t->id.name.ptr);
                for (struct team *m = t->parent; m != t; m = m->parent)
                    diag_note(r->d, g, m->parent_ref.at, "team '%s' has parent '%s'",
                              m->id.name.ptr, m->parent->id.name.ptr);
                cut = t;
                break;
            }
            state[t->seq] = 1;
            t = t->parent;
        }
        for (t = plan->teams.items[i]; t && state[t->seq] != 2; t = t->parent)
            state[t->seq] = 2;
        if (cut)
            cut->parent = NULL;     /* later phases see a forest */
    }
    free(state);
}

/* Alignment is a graph: an objective may align to several. An iterative
 * depth-first search finds each cycle once, reports it at the edge that
 * closes it, and removes that edge so later phases see a DAG. */
enum { CYCLE_NOTES = 12 };

static void find_alignment_cycles(struct resolver *r)
{
    struct plan *plan = r->plan;
    struct objective_walk w;
    walk_init(&w, plan->arena, plan->objectives.len);
    struct walk_frame *stack = w.stack;
    for (size_t root = 0; root < plan->objectives.len; root++) {
        if (!walk_root(&w, plan->objectives.items[root]))
            continue;
        while (w.depth) {
            size_t depth = w.depth;
            struct walk_frame *f = walk_top(&w);
            if (f->next == f->o->aligned_to.len) {
                walk_pop(&w);
                continue;
            }
            size_t edge = f->next++;
            struct objective *to = f->o->aligned_to.items[edge];
            if (w.state[to->seq] == WALK_UNSEEN) {
                walk_push(&w, to);
            } else if (w.state[to->seq] == WALK_OPEN) {
                ident *ref = NULL;
                for (size_t a = 0, m = 0; a < f->o->aligns.len; a++) {
                    ident *id = f->o->aligns.items[a];
                    if (strcmp(id->name.ptr, to->id.name.ptr) == 0 && m++ == 0)
                        ref = id;
                }
                struct diag *g = diag_report(r->d, R_ALIGNMENT_CYCLE, ref ? ref->at : f->o->id.at,
                                             to == f->o ? "objective '%s' aligns to itself"
                                                        : "objectives align in a cycle through '%s'",
                                             to->id.name.ptr);
                size_t start = depth - 1;
                while (start > 0 && stack[start].o != to)
                    start--;
                /* A cycle's steps as notes, the first CYCLE_NOTES of them: a
                 * long chain closed by many edges must not print it whole
                 * for each. */
                size_t shown = depth - start > CYCLE_NOTES ? start + CYCLE_NOTES : depth;
                if (to != f->o && shown < depth)
                    diag_note(r->d, g, f->o->id.at, "the cycle has %zu steps; the first %d follow",
                              depth - start, CYCLE_NOTES);
                for (size_t s = start; to != f->o && s < shown; s++) {
                    struct objective *from = stack[s].o;
                    struct objective *next = s + 1 < depth ? stack[s + 1].o : to;
                    struct key_result *kr = from->aligned_krs.items[stack[s].next - 1];
                    diag_note(r->d, g, from->id.at, "'%s' aligns to '%s%s%s'", from->id.name.ptr,
                              next->id.name.ptr, kr ? "." : "", kr ? kr->id.name.ptr : "");
                }
                /* Drop the closing edge so the alignment graph is acyclic. */
                f->o->aligned_to.items[edge] = f->o->aligned_to.items[--f->o->aligned_to.len];
                f->o->aligned_krs.items[edge] = f->o->aligned_krs.items[--f->o->aligned_krs.len];
                f->next--;
            }
        }
    }
}

/* Each key result learns which objectives align to it (after the cycles are cut).
 * An objective's list of those aligned to it as a whole is laid down at its
 * length, counted first: a parent of many grew its list by doubling, and
 * left the old copies behind. */
static void link_kr_contributors(struct plan *plan)
{
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->aligned_krs.len; k++)
            if (!o->aligned_krs.items[k])
                ((struct objective *)o->aligned_to.items[k])->contributors.len++;   /* counted */
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        size_t n = o->contributors.len;
        o->contributors.len = 0;
        vec_reserve(plan->arena, &o->contributors, n);
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->aligned_krs.len; k++) {
            struct key_result *kr = o->aligned_krs.items[k];
            if (kr)
                vec_push(plan->arena, &kr_more_for(plan->arena, kr)->contributors, o);
            else
                vec_push(plan->arena, &((struct objective *)o->aligned_to.items[k])->contributors, o);
        }
    }
}

/* An untitled objective that aligns to exactly one objective shows as that
 * objective's title followed by its team (SPEC §2.4). The chain of untitled
 * parents is acyclic here (cycles are cut), and walked up iteratively. */
static void derive_titles(struct resolver *r)
{
    struct plan *plan = r->plan;
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (o->title.len || o->title_derived)
            continue;
        if (o->aligns.len != 1) {
            diag_report(r->d, R_SYNTAX, o->id.at,
                        "objective '%s' has no title; only an objective that aligns to exactly one "
                        "objective may leave it out: write objective %s \"Title\" { ... }",
                        o->id.name.ptr, o->id.name.ptr);
            continue;
        }
        /* The chain of untitled objectives up to the first titled one,
         * titled from the top down. */
        struct vec chain = {0};
        struct objective *c = o;
        while (!c->title.len && !c->title_derived && c->aligned_to.len == 1 &&
               chain.len < plan->objectives.len) {
            vec_push(plan->arena, &chain, c);
            c = c->aligned_to.items[0];
        }
        for (size_t s = chain.len; s-- > 0;) {
            c = chain.items[s];
            const struct objective *up = c->aligned_to.items[0];
            const char *team = c->team ? (c->team->title.len ? c->team->title.ptr : c->team->id.name.ptr)
                                       : c->team_ref.name.ptr;
            c->title.ptr = team ? arena_printf(plan->arena, "%s (%s)", up->title.ptr, team)
                                : arena_printf(plan->arena, "%s", up->title.ptr);
            c->title.len = strlen(c->title.ptr);
            c->title_derived = true;
        }
    }
}

/* ---- inheritance ---- */

static void inherit(struct plan *plan)
{
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (!o->kind_at.end && plan->decl && plan->decl->kind_at.end)
            o->aspirational = plan->decl->aspirational;    /* the objective's own word wins */
        if (!o->period.present && !o->period.at.src && plan->decl && plan->decl->period.present) {
            o->period = plan->decl->period;
            o->period_inherited = true;
        }
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            if (!kr->owner.name.ptr && o->owner.name.ptr) {
                kr->owner = o->owner;
                if (objective_more(o)->co_owners.len)
                    kr_more_for(plan->arena, kr)->co_owners = objective_more(o)->co_owners;
                kr->owner_inherited = true;
            }
        }
    }
}

void resolve_plan(struct plan *plan)
{
    struct resolver r = {.plan = plan, .d = plan->diags, .suggest_budget = TEXT_DISTANCE_BUDGET};
    plan->team_ids = declare(&r, &plan->teams, offsetof(struct team, id), "team", NULL);
    plan->person_ids = declare(&r, &plan->people, offsetof(struct person, id), "person", NULL);
    plan->perspective_ids = declare(&r, &plan->perspectives, offsetof(struct perspective, id),
                                    "perspective", NULL);
    plan->objective_ids = declare(&r, &plan->objectives, offsetof(struct objective, id),
                                  "objective", objective_twice);
    plan->period_ids = declare(&r, &plan->periods, offsetof(struct named_period, id), "period", NULL);
    declare_all_members(&r);
    if (plan->decl)
        resolve_period(&r, &plan->decl->period);

    for (size_t i = 0; i < plan->teams.len; i++) {
        struct team *t = plan->teams.items[i];
        t->parent = LOOKUP(&r, team_ids, &t->parent_ref, teams, struct team, "team", NULL);
    }
    for (size_t i = 0; i < plan->people.len; i++) {
        struct person *p = plan->people.items[i];
        p->team = LOOKUP(&r, team_ids, &p->team_ref, teams, struct team, "team", NULL);
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        objective_prefetch_next(&plan->objectives, i);
        resolve_objective(&r, plan->objectives.items[i]);
    }
    resolve_checkins(&r);
    arena_free(&plan->until_resolved);
    find_team_cycles(&r);
    find_alignment_cycles(&r);
    link_kr_contributors(plan);
    derive_titles(&r);
    inherit(plan);
    free_member_tables(&r);
}

void plan_free_tables(struct plan *plan)
{
    hash_free(plan->team_ids);
    hash_free(plan->person_ids);
    hash_free(plan->perspective_ids);
    hash_free(plan->objective_ids);
    hash_free(plan->period_ids);
}
