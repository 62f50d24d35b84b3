/* plandiff.c — compares two compiled plans (plandiff.h).
 *
 * Objectives are matched by id, then the rest by title (a rename); key
 * results and initiatives the same way inside a matched objective; check-ins
 * and grades of a matched key result by date. A change "moves the
 * goalposts" when it makes a running commitment easier to meet after the
 * fact: a lowered target (raised for a decreasing KR) or minimum, a later
 * due date or a longer period, a committed objective turned aspirational,
 * a committed key result deleted instead of dropped. Before its period
 * begins a plan is a draft, and none of these count. */
#include "emit/plandiff.h"
#include "emit/emit.h"
#include "lib/hash.h"
#include "lib/progress.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct differ {
    struct arena *a;
    struct plan *old_plan, *new_plan;
    okr_day as_of;
    struct vec goalposts, others;   /* struct plan_change * */
    struct vec pending;             /* struct moved *: check-ins whose score to measure */
};

/* A check-in change and the key result in each plan, scored at its date. */
struct moved {
    struct plan_change *change;
    const struct key_result *old_kr, *new_kr;
};

const char *change_item_name(enum change_item item)
{
    static const char *const names[] = {"objective", "key result", "initiative", "check-in", "grade"};
    return names[item];
}

const char *change_kind_name(enum change_kind kind)
{
    static const char *const names[] = {"added", "removed", "renamed", "changed"};
    return names[kind];
}

const char *plan_diff_summary(struct arena *a, const struct plan_diff *d)
{
    if (!d->changes.len)
        return "no changes";
    const char *s = arena_printf(a, "%zu change%s", (size_t)d->changes.len, d->changes.len == 1 ? "" : "s");
    const char *sep = ": ";
    for (int kind = CHANGE_ADDED; kind <= CHANGE_CHANGED; kind++) {
        size_t n = 0;
        for (int item = ITEM_OBJECTIVE; item <= ITEM_GRADE; item++)
            n += d->counts[item][kind];
        if (n) {
            s = arena_printf(a, "%s%s%zu %s", s, sep, n, change_kind_name((enum change_kind)kind));
            sep = ", ";
        }
    }
    if (d->goalposts)
        s = arena_printf(a, "%s; %zu move%s the goalposts", s, d->goalposts, d->goalposts == 1 ? "s" : "");
    return s;
}

void plan_change_write(struct diff_line *line, const struct plan_change *c)
{
    if (c->item == ITEM_CHECKIN || c->item == ITEM_GRADE) {
        char day[11];
        date_format(c->date, day);
        /* a line for each of a quarter of a million check-ins in a diff of
         * two large plans: pieces, not printf, whose formatting was most of
         * the diff's own time */
        diff_line_puts(line, day);
        if (c->kind == CHANGE_CHANGED) {
            diff_line_puts(line, " changed: ");
            diff_line_puts(line, c->before);
            diff_line_puts(line, " → ");
            diff_line_puts(line, c->after);
        } else if (c->kind == CHANGE_ADDED) {
            diff_line_puts(line, " added: ");
            diff_line_puts(line, c->after);
        } else {
            diff_line_puts(line, " removed: ");
            diff_line_puts(line, c->before);
        }
        if (c->moved) {
            char before[HUNDREDTHS_MAX], after[HUNDREDTHS_MAX];
            format_hundredths(before, c->score_before);
            format_hundredths(after, c->score_after);
            diff_line_puts(line, "; score ");
            diff_line_puts(line, before);
            diff_line_puts(line, " → ");
            diff_line_puts(line, after);
            diff_line_puts(line, ", ");
            diff_line_puts(line, progress_status_name(c->status_before));
            diff_line_puts(line, " → ");
            diff_line_puts(line, progress_status_name(c->status_after));
        }
        return;
    }
    switch (c->kind) {
    case CHANGE_ADDED:
        diff_line_puts(line, "added: ");
        diff_line_puts(line, c->title);
        if (c->after) {
            diff_line_puts(line, " (");
            diff_line_puts(line, c->after);
            diff_line_put(line, ")", 1);
        }
        return;
    case CHANGE_REMOVED:
        diff_line_puts(line, "removed: ");
        diff_line_puts(line, c->title);
        return;
    case CHANGE_RENAMED:
        diff_line_puts(line, "renamed from ");
        diff_line_puts(line, c->before);
        return;
    case CHANGE_CHANGED: break;
    }
    diff_line_puts(line, c->field);
    diff_line_puts(line, ": ");
    diff_line_puts(line, *c->before ? c->before : "none");
    diff_line_puts(line, " → ");
    diff_line_puts(line, *c->after ? c->after : "none");
}

const char *plan_change_text(struct arena *a, const struct plan_change *c)
{
    struct diff_line line = {0};
    plan_change_write(&line, c);
    const char *copy = arena_strndup(a, line.text ? line.text : "", line.len);
    free(line.text);
    return copy;
}

void diff_line_put(struct diff_line *line, const char *s, size_t n)
{
    if (n > line->cap - line->len) {
        size_t cap = line->cap ? line->cap : 256;
        while (cap - line->len < n)
            cap *= 2;
        char *text = realloc(line->text, cap);
        if (!text)
            out_of_memory();
        line->text = text;
        line->cap = cap;
    }
    memcpy(line->text + line->len, s, n);
    line->len += n;
}

static bool same_str(str x, str y)
{
    return x.len == y.len && (x.len == 0 || memcmp(x.ptr, y.ptr, x.len) == 0);
}

/* The model's strings end in a NUL already: copied only when one does not. */
static const char *cstr(struct arena *a, str s)
{
    if (!s.ptr)
        return "";
    return s.ptr[s.len] == '\0' ? s.ptr : arena_strndup(a, s.ptr, s.len);
}

/* "objective.kr", copied (a check-in's entries each name one). */
static const char *kr_id(struct arena *a, const struct key_result *kr)
{
    str o = kr->objective->id.name, k = kr->id.name;
    char *id = arena_chars(a, o.len + 1 + k.len + 1);     /* zeroed: the end is there */
    memcpy(id, o.ptr, o.len);
    id[o.len] = '.';
    memcpy(id + o.len + 1, k.ptr, k.len);
    return id;
}

static const char *day_text(struct arena *a, okr_day day)
{
    char buf[11];
    date_format(day, buf);
    return arena_strndup(a, buf, 10);
}

/* A change, listed first when it moves the goalposts (goalpost: why). */
static struct plan_change *record(struct differ *d, enum change_item item, enum change_kind kind,
                                  const char *id, str title, const char *goalpost)
{
    struct plan_change *c = arena_alloc(d->a, sizeof *c);
    *c = (struct plan_change){.item = item, .kind = kind, .id = id, .title = cstr(d->a, title),
                              .goalpost = goalpost};
    vec_push(d->a, goalpost ? &d->goalposts : &d->others, c);
    return c;
}

/* A field that differs; goalpost (why it moves them) or NULL. */
static void changed(struct differ *d, enum change_item item, const char *id, str title,
                    const char *field, const char *before, const char *after, const char *goalpost)
{
    if (strcmp(before, after) == 0)
        return;
    struct plan_change *c = record(d, item, CHANGE_CHANGED, id, title, goalpost);
    c->field = field;
    c->before = before;
    c->after = after;
}

static bool same_people(ident a, const struct vec *a_rest, ident b, const struct vec *b_rest)
{
    if (!same_str(a.name, b.name) || a_rest->len != b_rest->len)
        return false;
    for (size_t i = 0; i < a_rest->len; i++)
        if (!same_str(((const ident *)a_rest->items[i])->name, ((const ident *)b_rest->items[i])->name))
            return false;
    return true;
}

static bool same_teams(const struct objective *x, const struct objective *y)
{
    if (!x->team != !y->team || (x->team && !same_str(x->team->id.name, y->team->id.name)) ||
        objective_more(x)->co_teams.len != objective_more(y)->co_teams.len)
        return false;
    for (size_t i = 0; i < objective_more(x)->co_teams.len; i++)
        if (!same_str(((const struct team *)objective_more(x)->co_teams.items[i])->id.name,
                      ((const struct team *)objective_more(y)->co_teams.items[i])->id.name))
            return false;
    return true;
}

static const char *team_list(struct arena *a, const struct objective *o)
{
    if (!o->team)
        return "";
    const char *s = cstr(a, o->team->id.name);
    const struct vec *co_teams = &objective_more(o)->co_teams;
    for (size_t i = 0; i < co_teams->len; i++)
        s = arena_printf(a, "%s, %s", s, cstr(a, ((const struct team *)co_teams->items[i])->id.name));
    return s;
}

static bool begun(const struct objective *o, okr_day as_of)
{
    return o->period.present && as_of >= o->period.value.start;
}

static bool running(const struct objective *o, okr_day as_of)
{
    return o->period.present && period_contains_day(o->period.value, as_of);
}

static const char *since_text(struct differ *d, const struct objective *o)
{
    return arena_printf(d->a, "after %s began", format_period(d->a, o, "its period"));
}

/* ---- check-ins and grades ---- */

static const char *entry_text(struct arena *a, const struct key_result *kr, const struct checkin_entry *e)
{
    const char *s = format_entry_value(a, kr, e);
    const text_item *note = entry_note(e);
    if (!e->confidence_present && !note->present)
        return s;
    /* the value, its confidence and its note, copied together (a diff of
     * two large plans writes a quarter of a million) */
    char confidence[48] = "";
    if (e->confidence_present) {
        double level = entry_confidence_value(e);
        const char *sep = *s ? ", " : "";
        /* "%g" of a whole number below a million is its digits (-0 aside):
         * printf's integer path, not its floating-point one */
        if (fabs(level) < 1e6 && level == (double)(long long)level && !(level == 0 && signbit(level))) {
            size_t len = strlen(sep);
            memcpy(confidence, sep, len);
            memcpy(confidence + len, "confidence ", 11);
            format_whole(confidence + len + 11, (long long)level);
        } else
            snprintf(confidence, sizeof confidence, "%sconfidence %g", sep, level);
    }
    const char *sep = note->present && (*s || *confidence) ? ", " : "";
    size_t value_len = strlen(s), confidence_len = strlen(confidence), sep_len = strlen(sep);
    size_t note_len = note->present ? strlen("note \"\"") + note->text.len : 0;
    char *text = arena_chars(a, value_len + confidence_len + sep_len + note_len + 1), *at = text;
    memcpy(at, s, value_len), at += value_len;
    memcpy(at, confidence, confidence_len), at += confidence_len;
    memcpy(at, sep, sep_len), at += sep_len;
    if (note->present) {
        memcpy(at, "note \"", 6), at += 6;
        memcpy(at, note->text.ptr, note->text.len), at += note->text.len;
        *at = '"';
    }
    return text;    /* arena_chars' bytes are zeroed: the end is there */
}

static void checkin_change(struct differ *d, const char *id, enum change_kind kind,
                           const struct key_result *old_kr, const struct key_result *new_kr,
                           const struct checkin_entry *was, const struct checkin_entry *now)
{
    const struct key_result *kr = new_kr ? new_kr : old_kr;
    const struct checkin_entry *e = now ? now : was;
    struct plan_change *c = record(d, ITEM_CHECKIN, kind, id, kr->title, NULL);
    c->date = entry_checkin(e)->date.value;
    c->before = was ? entry_text(d->a, old_kr, was) : NULL;
    c->after = now ? entry_text(d->a, new_kr, now) : NULL;
    if (old_kr && new_kr) {
        struct moved *m = arena_alloc(d->a, sizeof *m);
        *m = (struct moved){c, old_kr, new_kr};
        vec_push(d->a, &d->pending, m);
    }
}

static bool entry_reported_any(const struct checkin_entry *e)
{
    return !e->judgment && entry_checkin(e)->date_present;
}

/* What a check-in recorded, compared without formatting it (most of a
 * plan's check-ins are the same in both versions). */
static bool same_entry(const struct checkin_entry *a, const struct checkin_entry *b)
{
    return a->done == b->done && a->not_done == b->not_done && a->no_value == b->no_value &&
           a->value_present == b->value_present && a->value_unknown == b->value_unknown &&
           (!a->value_present || a->value == b->value) &&
           a->confidence_present == b->confidence_present &&
           (!a->confidence_present || entry_confidence_value(a) == entry_confidence_value(b)) &&
           entry_note(a)->present == entry_note(b)->present && (!entry_note(a)->present || same_str(entry_note(a)->text, entry_note(b)->text));
}

/* Both lists are in date order, one entry a date (duplicate-checkin). */
static void diff_checkins(struct differ *d, const char *id, const struct key_result *old_kr,
                          const struct key_result *new_kr)
{
    size_t i = 0, j = 0;
    const struct vec *was = &old_kr->checkins, *now = &new_kr->checkins;
    while (i < was->len || j < now->len) {
        const struct checkin_entry *a = i < was->len ? was->items[i] : NULL,
                                   *b = j < now->len ? now->items[j] : NULL;
        if (a && !entry_reported_any(a)) {
            i++;
            continue;
        }
        if (b && !entry_reported_any(b)) {
            j++;
            continue;
        }
        if (a && (!b || entry_checkin(a)->date.value < entry_checkin(b)->date.value)) {
            checkin_change(d, id, CHANGE_REMOVED, old_kr, new_kr, a, NULL);
            i++;
        } else if (b && (!a || entry_checkin(b)->date.value < entry_checkin(a)->date.value)) {
            checkin_change(d, id, CHANGE_ADDED, old_kr, new_kr, NULL, b);
            j++;
        } else {
            if (!same_entry(a, b))
                checkin_change(d, id, CHANGE_CHANGED, old_kr, new_kr, a, b);
            i++, j++;
        }
    }
}

/* Grades (judgments with a grade) added or changed, by date. */
static void diff_grades(struct differ *d, const char *id, str title, const struct vec *was,
                        const struct vec *now)
{
    for (size_t j = 0; j < now->len; j++) {
        const struct checkin_entry *b = now->items[j];
        if (!entry_grade(b)->present)
            continue;
        const struct checkin_entry *match = NULL;
        for (size_t i = 0; i < was->len && !match; i++) {
            const struct checkin_entry *a = was->items[i];
            if (entry_grade(a)->present && entry_checkin(a)->date.value == entry_checkin(b)->date.value)
                match = a;
        }
        if (match && entry_grade(match)->value == entry_grade(b)->value)
            continue;
        struct plan_change *c = record(d, ITEM_GRADE, match ? CHANGE_CHANGED : CHANGE_ADDED, id, title, NULL);
        c->date = entry_checkin(b)->date.value;
        c->before = match ? arena_printf(d->a, "grade %g", entry_grade(match)->value) : NULL;
        c->after = arena_printf(d->a, "grade %g", entry_grade(b)->value);
    }
}

/* ---- key results ---- */

static const char *amount(struct differ *d, const struct key_result *kr, bool known, double v)
{
    return known ? format_quantity(d->a, v, kr_unit(kr)) : "";
}

static void diff_kr(struct differ *d, const struct key_result *was, const struct key_result *now)
{
    struct arena *a = d->a;
    const char *id = kr_id(a, now);
    const struct objective *o = now->objective;
    const struct progress *p = was->progress, *q = now->progress;
    str title = now->title;
    if (!same_str(was->title, now->title))
        changed(d, ITEM_KEY_RESULT, id, title, "title", cstr(a, was->title), cstr(a, now->title), NULL);
    bool comparable = was->metric == now->metric && p->bounds_known && q->bounds_known &&
                      same_str(kr_unit(was), kr_unit(now));
    if (!comparable) {
        changed(d, ITEM_KEY_RESULT, id, title, "metric", format_metric(a, was), format_metric(a, now), NULL);
    } else {
        int dir = progress_direction(now);
        bool has_from = now->metric == METRIC_RANGE || now->metric == METRIC_TARGET;
        if (has_from && p->from != q->from)
            changed(d, ITEM_KEY_RESULT, id, title, "baseline", amount(d, was, true, p->from),
                    amount(d, now, true, q->from), NULL);
        if (now->metric != METRIC_MILESTONE && now->metric != METRIC_ROLLUP && p->to != q->to) {
            const char *goal = NULL;
            if ((q->to - p->to) * dir < 0 && begun(o, d->as_of)) {
                const char *by = p->to != 0 ? arena_printf(a, " (%+.0f%%)", (q->to - p->to) / fabs(p->to) * 100) : "";
                goal = arena_printf(a, "target %s from %s to %s%s %s", dir > 0 ? "lowered" : "raised",
                                    amount(d, was, true, p->to), amount(d, now, true, q->to), by,
                                    since_text(d, o));
            }
            changed(d, ITEM_KEY_RESULT, id, title, "target", amount(d, was, true, p->to),
                    amount(d, now, true, q->to), goal);
        }
    }
    const struct kr_more *w = kr_more(was), *n = kr_more(now);
    if (w->minimum.present != n->minimum.present ||
        (n->minimum.present && w->minimum.value != n->minimum.value)) {
        const char *goal = NULL;
        if (comparable && w->minimum.present && n->minimum.present &&
            (n->minimum.value - w->minimum.value) * progress_direction(now) < 0 && begun(o, d->as_of))
            goal = arena_printf(a, "minimum %s from %s to %s %s",
                                progress_direction(now) > 0 ? "lowered" : "raised",
                                amount(d, was, true, w->minimum.value),
                                amount(d, now, true, n->minimum.value), since_text(d, o));
        changed(d, ITEM_KEY_RESULT, id, title, "minimum",
                amount(d, was, w->minimum.present, w->minimum.value),
                amount(d, now, n->minimum.present, n->minimum.value), goal);
    }
    if ((!was->owner_inherited || !now->owner_inherited) &&     /* else the objective's change says it */
        !same_people(was->owner, &w->co_owners, now->owner, &n->co_owners))
        changed(d, ITEM_KEY_RESULT, id, title, "owner", format_people(a, was->owner, &w->co_owners),
                format_people(a, now->owner, &n->co_owners), NULL);
    double weight_was = w->weight.present ? w->weight.value : 1;
    double weight_now = n->weight.present ? n->weight.value : 1;
    if (weight_was != weight_now)
        changed(d, ITEM_KEY_RESULT, id, title, "weight", arena_printf(a, "%g", weight_was),
                arena_printf(a, "%g", weight_now), NULL);
    date_item due_was = kr_due(was), due_now = kr_due(now);
    if (due_was.present && due_now.present && (!kr_due_inherited(was) || !kr_due_inherited(now)) &&
        due_was.value != due_now.value) {
        const char *goal = due_now.value > due_was.value && running(o, d->as_of)
                               ? arena_printf(a, "due date moved from %s to %s while %s runs",
                                              day_text(a, due_was.value), day_text(a, due_now.value),
                                              format_period(a, o, "its period"))
                               : NULL;
        changed(d, ITEM_KEY_RESULT, id, title, "due", day_text(a, due_was.value),
                day_text(a, due_now.value), goal);
    }
    diff_checkins(d, id, was, now);
    diff_grades(d, id, title, &w->judgments, &n->judgments);
}

/* Up to this many pairs of items are compared one by one; beyond, the new
 * items are found through a table: an objective of 20,000 key results
 * diffed against itself took 0.24 s by comparing (tests/tools/complexity.py). */
enum { PAIRS_COMPARED = 256 };

/* Pairs each unpaired old item with the first untaken new one whose key
 * (key_of) is the same. */
static void pair_by(struct arena *a, const struct vec *was, const struct vec *now, const void **pair,
                    bool *taken, str (*key_of)(const void *))
{
    if ((size_t)was->len * now->len <= PAIRS_COMPARED) {
        for (size_t i = 0; i < was->len; i++)
            for (size_t j = 0; j < now->len && !pair[i]; j++)
                if (!taken[j] && same_str(key_of(was->items[i]), key_of(now->items[j]))) {
                    pair[i] = now->items[j];
                    taken[j] = true;
                }
        return;
    }
    /* The first new item of each key in the table, the others of the key
     * chained after it in order (next), so that the first untaken is the
     * one paired, as by comparing. The table's keys need a pointer: "". */
    struct hash *first = hash_new(a, now->len);
    size_t *next = arena_alloc(a, now->len * sizeof *next), *last = arena_alloc(a, now->len * sizeof *last);
    for (size_t j = 0; j < now->len; j++) {
        str key = key_of(now->items[j]);
        next[j] = SIZE_MAX;
        size_t *head = hash_put(first, key.len ? key.ptr : "", key.len, &last[j]);
        last[j] = j;
        if (head) {             /* the key's first item's slot in last[] holds its chain's end */
            next[*head] = j;
            *head = j;
        }
    }
    for (size_t i = 0; i < was->len; i++) {
        if (pair[i])
            continue;
        str key = key_of(was->items[i]);
        size_t *head = hash_get(first, key.len ? key.ptr : "", key.len);
        size_t j = head ? (size_t)(head - last) : SIZE_MAX;
        while (j != SIZE_MAX && taken[j])
            j = next[j];
        if (j != SIZE_MAX) {
            pair[i] = now->items[j];
            taken[j] = true;
        }
    }
    hash_free(first);
}

static str item_id(const void *item)
{
    return ((const ident *)item)->name;
}

/* Pairs the items of two lists (key results or initiatives: ident first in
 * both) by id, then the unpaired by title; pair[i] is the new item of old i. */
static void pair_items(struct arena *a, const struct vec *was, const struct vec *now, const void **pair,
                       bool *taken, str (*title_of)(const void *))
{
    for (size_t i = 0; i < was->len; i++)
        pair[i] = NULL;
    pair_by(a, was, now, pair, taken, item_id);
    pair_by(a, was, now, pair, taken, title_of);
}

static str kr_title(const void *kr)
{
    return ((const struct key_result *)kr)->title;
}

static str initiative_title(const void *in)
{
    return ((const struct initiative *)in)->title;
}

static void diff_krs(struct differ *d, const struct objective *was, const struct objective *now)
{
    struct arena *a = d->a;
    const void **pair = arena_alloc(a, (was->key_results.len + 1) * sizeof *pair);
    bool *taken = arena_alloc(a, now->key_results.len + 1);
    memset(taken, 0, now->key_results.len + 1);
    pair_items(a, &was->key_results, &now->key_results, pair, taken, kr_title);
    for (size_t i = 0; i < was->key_results.len; i++) {
        const struct key_result *old_kr = was->key_results.items[i], *new_kr = pair[i];
        if (!new_kr) {
            const char *id = kr_id(a, old_kr);
            const char *goal = !was->aspirational && begun(was, d->as_of) && !old_kr->progress->dropped
                                   ? arena_printf(a, "committed key result deleted %s (drop it with a "
                                                     "check-in '%s = dropped' to keep its history)",
                                                  since_text(d, was), id)
                                   : NULL;
            record(d, ITEM_KEY_RESULT, CHANGE_REMOVED, id, old_kr->title, goal);
            continue;
        }
        if (!same_str(old_kr->id.name, new_kr->id.name)) {
            struct plan_change *c = record(d, ITEM_KEY_RESULT, CHANGE_RENAMED, kr_id(a, new_kr), new_kr->title, NULL);
            c->before = kr_id(a, old_kr);
            c->after = c->id;
        }
        diff_kr(d, old_kr, new_kr);
    }
    for (size_t j = 0; j < now->key_results.len; j++)
        if (!taken[j]) {
            const struct key_result *kr = now->key_results.items[j];
            struct plan_change *c = record(d, ITEM_KEY_RESULT, CHANGE_ADDED, kr_id(a, kr), kr->title, NULL);
            c->after = format_metric(a, kr);
        }
}

static void diff_initiatives(struct differ *d, const struct objective *was, const struct objective *now)
{
    struct arena *a = d->a;
    const void **pair = arena_alloc(a, (was->initiatives.len + 1) * sizeof *pair);
    bool *taken = arena_alloc(a, now->initiatives.len + 1);
    memset(taken, 0, now->initiatives.len + 1);
    pair_items(a, &was->initiatives, &now->initiatives, pair, taken, initiative_title);
    for (size_t i = 0; i < was->initiatives.len; i++) {
        const struct initiative *x = was->initiatives.items[i], *y = pair[i];
        const char *old_id = arena_printf(a, "%s.%s", cstr(a, was->id.name), cstr(a, x->id.name));
        if (!y) {
            record(d, ITEM_INITIATIVE, CHANGE_REMOVED, old_id, x->title, NULL);
            continue;
        }
        const char *id = arena_printf(a, "%s.%s", cstr(a, now->id.name), cstr(a, y->id.name));
        if (!same_str(x->id.name, y->id.name)) {
            struct plan_change *c = record(d, ITEM_INITIATIVE, CHANGE_RENAMED, id, y->title, NULL);
            c->before = old_id;
            c->after = id;
        }
        if (!same_str(x->title, y->title))
            changed(d, ITEM_INITIATIVE, id, y->title, "title", cstr(a, x->title), cstr(a, y->title), NULL);
        changed(d, ITEM_INITIATIVE, id, y->title, "status", initiative_status_name(x->status),
                initiative_status_name(y->status), NULL);
        changed(d, ITEM_INITIATIVE, id, y->title, "owner",
                format_people(a, x->owner, &initiative_more(x)->co_owners),
                format_people(a, y->owner, &initiative_more(y)->co_owners), NULL);
    }
    for (size_t j = 0; j < now->initiatives.len; j++)
        if (!taken[j]) {
            const struct initiative *in = now->initiatives.items[j];
            record(d, ITEM_INITIATIVE, CHANGE_ADDED,
                   arena_printf(a, "%s.%s", cstr(a, now->id.name), cstr(a, in->id.name)), in->title, NULL);
        }
}

/* ---- objectives ---- */

static void diff_objective(struct differ *d, const struct objective *was, const struct objective *now)
{
    struct arena *a = d->a;
    const char *id = cstr(a, now->id.name);
    str title = now->title;
    if (!same_str(was->id.name, now->id.name)) {
        struct plan_change *c = record(d, ITEM_OBJECTIVE, CHANGE_RENAMED, id, title, NULL);
        c->before = cstr(a, was->id.name);
        c->after = id;
    }
    if (!same_str(was->title, now->title))
        changed(d, ITEM_OBJECTIVE, id, title, "title", cstr(a, was->title), cstr(a, now->title), NULL);
    const struct vec *was_co = &objective_more(was)->co_owners, *now_co = &objective_more(now)->co_owners;
    if (!same_people(was->owner, was_co, now->owner, now_co))
        changed(d, ITEM_OBJECTIVE, id, title, "owner", format_people(a, was->owner, was_co),
            format_people(a, now->owner, now_co), NULL);
    if (!same_teams(was, now))
        changed(d, ITEM_OBJECTIVE, id, title, "team", team_list(a, was), team_list(a, now), NULL);
    const char *goal = NULL;
    if (was->period.present && now->period.present && now->period.value.end > was->period.value.end &&
        running(was, d->as_of))
        goal = arena_printf(a, "period extended from %s to %s while it runs", format_period(a, was, ""),
                            format_period(a, now, ""));
    const struct named_period *named_was = period_named(&was->period);
    const struct named_period *named_now = period_named(&now->period);
    if (was->period.present != now->period.present || !named_was != !named_now ||
        (named_was && !same_str(named_was->id.name, named_now->id.name)) ||
        (now->period.present && (was->period.value.start != now->period.value.start ||
                                 was->period.value.end != now->period.value.end)))
        changed(d, ITEM_OBJECTIVE, id, title, "period", format_period(a, was, "none"),
            format_period(a, now, "none"), goal);
    if (was->aspirational != now->aspirational) {
        goal = !was->aspirational && begun(was, d->as_of)
                   ? arena_printf(a, "committed objective turned aspirational %s", since_text(d, was))
                   : NULL;
        changed(d, ITEM_OBJECTIVE, id, title, "kind", objective_kind(was), objective_kind(now), goal);
    }
    diff_krs(d, was, now);
    diff_initiatives(d, was, now);
    diff_grades(d, id, title, &objective_more(was)->grades, &objective_more(now)->grades);
}

/* ---- scores moved by check-ins ---- */

/* Each new or edited check-in's effect on its key result, as of its date:
 * the old plan's score and status that day, then the new plan's. */
static void measure_moves(struct differ *d)
{
    for (size_t i = 0; i < d->pending.len; i++) {
        struct moved *m = d->pending.items[i];
        struct progress before = progress_kr_at((struct key_result *)m->old_kr, m->change->date),
                        after = progress_kr_at((struct key_result *)m->new_kr, m->change->date);
        m->change->moved = true;
        m->change->score_before = before.score;
        m->change->status_before = before.status;
        m->change->score_after = after.score;
        m->change->status_after = after.status;
    }
}

void plan_diff(struct arena *a, struct plan *old_plan, struct plan *new_plan, okr_day as_of,
               struct plan_diff *out)
{
    struct differ d = {.a = a, .old_plan = old_plan, .new_plan = new_plan, .as_of = as_of};
    size_t n_old = old_plan->objectives.len, n_new = new_plan->objectives.len;
    const struct objective **pair = arena_alloc(a, (n_old + 1) * sizeof *pair);
    bool *taken = arena_alloc(a, n_new + 1);
    memset(taken, 0, n_new + 1);
    /* by id, then the unpaired by title (a hash of the new ones' titles) */
    struct hash *titles = hash_new(a, n_new + 1);
    for (size_t i = 0; i < n_old; i++) {
        const struct objective *o = old_plan->objectives.items[i];
        pair[i] = new_plan->objective_ids ? hash_get(new_plan->objective_ids, o->id.name.ptr, o->id.name.len) : NULL;
        if (pair[i])
            taken[pair[i]->seq] = true;
    }
    for (size_t j = 0; j < n_new; j++) {
        const struct objective *o = new_plan->objectives.items[j];
        if (!taken[j] && o->title.len && !o->title_derived)
            hash_put(titles, o->title.ptr, o->title.len, (void *)o);
    }
    for (size_t i = 0; i < n_old; i++) {
        const struct objective *o = old_plan->objectives.items[i];
        if (pair[i] || !o->title.len || o->title_derived)
            continue;
        const struct objective *same = hash_get(titles, o->title.ptr, o->title.len);
        if (same && !taken[same->seq]) {
            pair[i] = same;
            taken[same->seq] = true;
        }
    }
    hash_free(titles);
    for (size_t i = 0; i < n_old; i++) {
        const struct objective *o = old_plan->objectives.items[i];
        if (pair[i])
            diff_objective(&d, o, pair[i]);
        else {
            const char *goal = !o->aspirational && begun(o, as_of)
                                   ? arena_printf(a, "committed objective deleted %s (drop its key "
                                                     "results with a check-in to keep their history)",
                                                  since_text(&d, o))
                                   : NULL;
            record(&d, ITEM_OBJECTIVE, CHANGE_REMOVED, cstr(a, o->id.name), o->title, goal);
        }
    }
    for (size_t j = 0; j < n_new; j++)
        if (!taken[j]) {
            const struct objective *o = new_plan->objectives.items[j];
            record(&d, ITEM_OBJECTIVE, CHANGE_ADDED, cstr(a, o->id.name), o->title, NULL);
        }
    measure_moves(&d);
    memset(out, 0, sizeof *out);
    out->goalposts = d.goalposts.len;
    for (size_t i = 0; i < d.goalposts.len; i++)
        vec_push(a, &out->changes, d.goalposts.items[i]);
    for (size_t i = 0; i < d.others.len; i++)
        vec_push(a, &out->changes, d.others.items[i]);
    for (size_t i = 0; i < out->changes.len; i++) {
        const struct plan_change *c = out->changes.items[i];
        out->counts[c->item][c->kind]++;
    }
}
