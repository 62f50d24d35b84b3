/* progress.c — scores and statuses as of a date (SPEC §4, docs/report.md). */
#include "lib/progress.h"
#include "lib/walk.h"
#include "lib/date.h"
#include "lib/model.h"

#include <math.h>
#include <stdlib.h>

/* Scores are ratios of decimal inputs; 0.7 may come out as 0.69999999. */
#define SCORE_EPSILON 1e-9

static const char *const status_names[] = {"no-data", "not-started", "on-track", "at-risk",
                                           "off-track", "done", "achieved", "missed", "dropped"};
static const char *const grade_names[] = {"red", "yellow", "green", "grey"};

const char *progress_status_name(enum progress_status s)
{
    return status_names[s];
}

enum grade progress_grade(double score)
{
    if (score < 0.4)
        return GRADE_RED;
    return score < 0.7 ? GRADE_YELLOW : GRADE_GREEN;
}

enum grade progress_color(const struct progress *p)
{
    switch (p->status) {
    case PROGRESS_DONE:
    case PROGRESS_ON_TRACK: return GRADE_GREEN;
    case PROGRESS_AT_RISK: return GRADE_YELLOW;
    case PROGRESS_OFF_TRACK: return GRADE_RED;
    case PROGRESS_ACHIEVED:
        return progress_grade(p->score);
    case PROGRESS_MISSED: {
        enum grade g = progress_grade(p->score);
        return g == GRADE_GREEN ? GRADE_YELLOW : g;    /* never green beside "missed" */
    }
    case PROGRESS_NO_DATA:
    case PROGRESS_NOT_STARTED:
    case PROGRESS_DROPPED: break;
    }
    return GRADE_GREY;
}

const char *progress_grade_name(enum grade g)
{
    return grade_names[g];
}

int progress_direction(const struct key_result *kr)
{
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET:
        if (kr->relative)
            return kr_more(kr)->relative_pct < 0 ? -1 : 1;
        return kr->progress->to < kr->progress->from ? -1 : 1;
    case METRIC_KEEP_LE:
    case METRIC_KEEP_LT: return -1;
    default: return 1;
    }
}

static double clamp01(double x)
{
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

static double entry_value(const struct checkin_entry *e)
{
    return e->done ? 1.0 : e->value;
}

/* Raw progress of a value: the fraction of the way from baseline to target,
 * or for keep 1 while the threshold holds, for a milestone 1 when done. */
static double raw_progress(const struct key_result *kr, double value)
{
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET: {
        double from = kr->progress->from, to = kr->progress->to;
        if (to == from)     /* kr-no-change, already an error (or a measured baseline at the target) */
            return value == to ? 1 : 0;
        return (value - from) / (to - from);
    }
    case METRIC_KEEP_GE: return value >= kr->to.value ? 1 : 0;
    case METRIC_KEEP_LE: return value <= kr->to.value ? 1 : 0;
    case METRIC_KEEP_GT: return value > kr->to.value ? 1 : 0;
    case METRIC_KEEP_LT: return value < kr->to.value ? 1 : 0;
    case METRIC_ROLLUP: return value;   /* already the average score */
    case METRIC_MILESTONE: return value >= 1 ? 1 : 0;
    case METRIC_NONE: break;
    }
    return 0;
}

static bool below_minimum(const struct key_result *kr, double value)
{
    if (!kr_more(kr)->minimum.present || (kr->metric != METRIC_RANGE && kr->metric != METRIC_TARGET))
        return false;
    double minimum = kr_more(kr)->minimum.value;
    return progress_direction(kr) > 0 ? value < minimum : value > minimum;
}

static bool is_keep(const struct key_result *kr)
{
    return kr->metric == METRIC_KEEP_GE || kr->metric == METRIC_KEEP_LE ||
           kr->metric == METRIC_KEEP_GT || kr->metric == METRIC_KEEP_LT;
}

/* After the period: did the score reach what its kind asks? */
static enum progress_status final_status(double score, bool aspirational)
{
    double bar = aspirational ? 0.7 : 1.0;
    return score >= bar - SCORE_EPSILON ? PROGRESS_ACHIEVED : PROGRESS_MISSED;
}

/* While the period runs: the score against the expected bar. */
static enum progress_status running_status(double score, double expected, bool aspirational,
                                           int confidence)
{
    if (score >= 1 - SCORE_EPSILON)
        return PROGRESS_DONE;
    double bar = (aspirational ? 0.7 : 1.0) * expected;
    enum progress_status s;
    if (score >= 0.9 * bar - SCORE_EPSILON)
        s = PROGRESS_ON_TRACK;
    else if (score >= 0.6 * bar - SCORE_EPSILON)
        s = PROGRESS_AT_RISK;
    else
        s = PROGRESS_OFF_TRACK;
    if (s == PROGRESS_ON_TRACK && confidence > 0 && confidence <= 3)
        s = PROGRESS_AT_RISK;
    return s;
}

enum phase { PHASE_BEFORE, PHASE_RUNNING, PHASE_AFTER };

static enum phase phase_of(const struct objective *o, okr_day as_of)
{
    if (!o->period.present)
        return PHASE_RUNNING;   /* no period: judged as running, expected 0 */
    if (as_of < o->period.value.start)
        return PHASE_BEFORE;
    return as_of > o->period.value.end ? PHASE_AFTER : PHASE_RUNNING;
}

/* Collects the value, previous value and confidence as of the date. */
static void kr_value(struct key_result *kr, okr_day as_of, struct progress *p)
{
    const struct checkin_entry *latest = NULL, *before = NULL;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value > as_of)
            break;              /* sorted by date: the rest are later too */
        p->checkins_counted++;
        if (e->confidence_present)
            p->confidence = (int)entry_confidence_value(e);
        if (e->no_value)
            continue;           /* a confidence alone: the value stands */
        before = latest;
        latest = e;
    }
    if (!p->confidence && kr_more(kr)->confidence.present)
        p->confidence = (int)kr_more(kr)->confidence.value;
    if (latest) {
        p->has_value = true;
        p->value = entry_value(latest);
        p->last_checkin = entry_checkin(latest)->date.value;
        if (before) {
            p->has_previous = true;
            p->previous = entry_value(before);
        } else if (kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET ||
                   kr->metric == METRIC_MILESTONE) {
            p->has_previous = true;     /* one check-in: measured from the baseline */
            p->previous = kr->metric == METRIC_MILESTONE ? 0 : p->from;
        }
    } else if (kr_more(kr)->current.present || kr->current_done) {
        p->has_value = true;
        p->value = kr->current_done ? 1.0 : kr_more(kr)->current.value;
    }
    if (p->has_previous)
        p->change = p->value - p->previous;
}

static double remaining_of(const struct key_result *kr, const struct progress *p)
{
    double value = p->has_value ? p->value : p->from;
    switch (kr->metric) {
    case METRIC_RANGE:
    case METRIC_TARGET: return p->score >= 1 || !p->bounds_known ? 0 : fabs(p->to - value);
    case METRIC_KEEP_GE:
    case METRIC_KEEP_LE:
    case METRIC_KEEP_GT:
    case METRIC_KEEP_LT: return p->has_value && p->score < 1 ? fabs(kr->to.value - value) : 0;
    case METRIC_ROLLUP: return 0;
    case METRIC_MILESTONE: return p->score >= 1 ? 0 : 1;
    case METRIC_NONE: break;
    }
    return 0;
}

/* The trend of the counted check-ins (a least-squares slope), carried from the
 * latest value to the period end: a value measured on the last day (or
 * later) is its own forecast. */
static void kr_forecast(struct key_result *kr, okr_day as_of, struct progress *p)
{
    const struct objective *o = kr->objective;
    if (kr->metric == METRIC_MILESTONE || kr->metric == METRIC_NONE || !o->period.present ||
        p->checkins_counted < 2 || !p->bounds_known)
        return;
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    okr_day origin = o->period.value.start;     /* small x keeps the sums exact */
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value > as_of)
            break;
        if (e->no_value)
            continue;           /* a confidence alone is no point of the trend */
        double x = entry_checkin(e)->date.value - origin, y = entry_value(e);
        n++, sx += x, sy += y, sxx += x * x, sxy += x * y;
    }
    double denominator = n * sxx - sx * sx;
    if (n < 2 || denominator == 0)
        return;                 /* all on one day: no slope */
    double slope = (n * sxy - sx * sy) / denominator;
    double days_left = o->period.value.end - p->last_checkin;
    p->has_forecast = true;
    p->forecast = p->value + slope * (days_left > 0 ? days_left : 0);
    p->forecast_score = clamp01(raw_progress(kr, p->forecast));
    p->forecast_status = below_minimum(kr, p->forecast)
                             ? PROGRESS_MISSED
                             : final_status(p->forecast_score, o->aspirational && !is_keep(kr));
}

static void kr_status(struct key_result *kr, enum phase phase, struct progress *p)
{
    bool aspirational = kr->objective->aspirational;
    if (phase == PHASE_BEFORE)
        p->status = PROGRESS_NOT_STARTED;
    else if (!p->has_value && !p->graded)
        p->status = PROGRESS_NO_DATA;
    else if (phase == PHASE_AFTER)
        p->status = p->below_minimum && !p->graded
                        ? PROGRESS_MISSED
                        : final_status(p->score, aspirational && (!is_keep(kr) || p->graded));
    else if (is_keep(kr) && !p->graded)
        p->status = p->score >= 1 ? PROGRESS_ON_TRACK : PROGRESS_OFF_TRACK;
    else
        p->status = running_status(p->score, p->expected, aspirational, p->confidence);
}

/* The latest grade dated on or before as-of, if any (entries in date order). */
static bool latest_grade(const struct vec *entries, okr_day as_of, double *grade)
{
    bool found = false;
    for (size_t i = 0; i < entries->len; i++) {
        const struct checkin_entry *e = entries->items[i];
        if (entry_checkin(e)->date.value > as_of)
            break;
        if (entry_grade(e)->present) {
            *grade = entry_grade(e)->value;
            found = true;
        }
    }
    return found;
}

bool progress_kr_dropped(const struct key_result *kr, okr_day as_of)
{
    if (kr_more(kr)->dropped_at.src)
        return true;
    for (size_t i = 0; i < kr_more(kr)->judgments.len; i++) {
        const struct checkin_entry *e = kr_more(kr)->judgments.items[i];
        if (entry_checkin(e)->date.value > as_of)
            break;
        if (e->dropped)
            return true;
    }
    return false;
}

const struct checkin_entry *progress_kr_done_entry(const struct key_result *kr, okr_day as_of)
{
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value > as_of)
            break;
        if (e->done)
            return e;
    }
    return NULL;
}

bool progress_kr_done(const struct key_result *kr, okr_day as_of, okr_day *on)
{
    const struct checkin_entry *done = progress_kr_done_entry(kr, as_of);
    *on = done ? entry_checkin(done)->date.value : 0;
    return done || kr->current_done;
}

bool progress_kr_done_late(const struct key_result *kr, okr_day done_on)
{
    date_item due = kr_due(kr);
    return kr->metric == METRIC_MILESTONE && due.present && done_on > due.value;
}

/* The baseline and target in effect: a `?` baseline is the first counted
 * check-in, and a relative target follows it; a `?` target stays unknown. */
static void kr_bounds(const struct key_result *kr, okr_day as_of, struct progress *p)
{
    p->from = kr->from.value;
    p->to = kr->to.value;
    p->bounds_known = !kr->to.unknown || (kr->relative && !kr->from.unknown);
    if (kr->from.unknown) {
        const struct checkin_entry *first = NULL;
        for (size_t i = 0; i < kr->checkins.len && !first; i++)
            if (!((const struct checkin_entry *)kr->checkins.items[i])->no_value)
                first = kr->checkins.items[i];
        bool measured = first && entry_checkin(first)->date.value <= as_of;
        p->from = measured ? entry_value(first) : 0;
        if (kr->relative)
            p->to = p->from * (1 + kr_more(kr)->relative_pct / 100);
        p->bounds_known = measured && (kr->relative || !kr->to.unknown);
    }
}

static void kr_compute(struct key_result *kr, okr_day as_of)
{
    struct progress *p = kr->progress;
    const struct objective *o = kr->objective;
    *p = (struct progress){0};
    p->expected = o->period.present ? period_elapsed(o->period.value, as_of) : 0;
    kr_bounds(kr, as_of, p);
    kr_value(kr, as_of, p);
    if (!p->bounds_known && (kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET ||
                             is_keep(kr))) {
        p->has_value = false;       /* nothing to measure against yet: no-data */
        p->has_previous = false;
    }
    const struct vec *contributors = &kr_more(kr)->contributors;
    if (kr->metric == METRIC_ROLLUP && contributors->len) {
        double sum = 0;     /* each objective aligned to it counts once */
        for (size_t i = 0; i < contributors->len; i++) {
            const struct progress *c = ((const struct objective *)contributors->items[i])->progress;
            sum += c->score;
            p->has_value |= c->has_value;
        }
        p->value = sum / (double)contributors->len;
    }
    if (p->has_value) {
        p->raw = raw_progress(kr, p->value);
        p->score = clamp01(p->raw);
        p->below_minimum = below_minimum(kr, p->value);
    }
    p->computed_score = p->score;
    /* A grade is a judgment of the score: it overrides the computed one. */
    p->graded = latest_grade(&kr_more(kr)->judgments, as_of, &p->grade);
    if (p->graded) {
        p->raw = p->grade;
        p->score = clamp01(p->grade);
    }
    p->done = progress_kr_done(kr, as_of, &p->done_on);
    p->done_late = progress_kr_done_late(kr, p->done_on);
    p->remaining = remaining_of(kr, p);
    enum phase phase = phase_of(o, as_of);
    kr_status(kr, phase, p);
    p->dropped = progress_kr_dropped(kr, as_of);
    if (p->dropped)
        p->status = PROGRESS_DROPPED;
    /* A forecast is of a running period. After it the value is final, and a
     * grade or a drop is a judgment: a forecast beside them ("missed …
     * forecast (achieved)") would contradict the status. */
    if (phase == PHASE_RUNNING && !p->graded && !p->dropped)
        kr_forecast(kr, as_of, p);
}

struct progress progress_kr_at(struct key_result *kr, okr_day as_of)
{
    struct progress now = *kr->progress, then;
    kr_compute(kr, as_of);
    then = *kr->progress;
    *kr->progress = now;
    return then;
}

/* Objective: weight-averaged KR score, KRs without a value counting 0. */
static void objective_compute(struct objective *o, okr_day as_of)
{
    struct progress *p = o->progress;
    *p = (struct progress){0};
    p->expected = o->period.present ? period_elapsed(o->period.value, as_of) : 0;
    double weighted = 0, weights = 0;
    for (size_t i = 0; i < o->key_results.len; i++) {
        struct key_result *kr = o->key_results.items[i];
        kr_compute(kr, as_of);
        if (kr->progress->dropped)
            continue;           /* left out of the objective's score */
        /* A weight of 0 or below is an error (weight-range); it counts as 1 here. */
        const number_item *weight = &kr_more(kr)->weight;
        double w = weight->present && weight->value > 0 ? weight->value : 1;
        weighted += w * kr->progress->score;
        weights += w;
        p->has_value |= kr->progress->has_value || kr->progress->graded;
        int c = kr->progress->confidence;    /* the lowest confidence speaks for it */
        if (c && (!p->confidence || c < p->confidence))
            p->confidence = c;
    }
    size_t rolled = objective_more(o)->rollup_at.src ? o->contributors.len : 0;
    for (size_t i = 0; i < rolled; i++) {
        const struct progress *c = ((const struct objective *)o->contributors.items[i])->progress;
        weighted += c->score;       /* one key result of weight 1 each */
        weights += 1;
        p->has_value |= c->has_value;
    }
    p->score = weights > 0 ? clamp01(weighted / weights) : 0;
    p->computed_score = p->score;
    p->graded = latest_grade(&objective_more(o)->grades, as_of, &p->grade);
    if (p->graded) {
        p->has_value = true;
        p->score = clamp01(p->grade);
    }
    p->value = p->score;
    p->raw = p->graded ? p->grade : p->score;
    enum phase phase = phase_of(o, as_of);
    if (phase == PHASE_BEFORE)
        p->status = PROGRESS_NOT_STARTED;
    else if (!p->has_value)
        p->status = PROGRESS_NO_DATA;
    else if (phase == PHASE_AFTER)
        p->status = final_status(p->score, o->aspirational);
    else
        p->status = running_status(p->score, p->expected, o->aspirational, p->confidence);
}

/* Does o's score depend on the scores of objectives aligned to it? */
static bool rolls_up(const struct objective *o)
{
    if (objective_more(o)->rollup_at.src)
        return true;
    for (size_t k = 0; k < o->key_results.len; k++)
        if (((const struct key_result *)o->key_results.items[k])->metric == METRIC_ROLLUP)
            return true;
    return false;
}

/* The i-th objective o's score depends on: its contributors, then those of
 * its roll-up key results; NULL past the last. */
static struct objective *dependency(const struct objective *o, size_t i)
{
    if (i < o->contributors.len)
        return o->contributors.items[i];
    i -= o->contributors.len;
    for (size_t k = 0; k < o->key_results.len; k++) {
        const struct key_result *kr = o->key_results.items[k];
        if (kr->metric != METRIC_ROLLUP)
            continue;
        const struct vec *contributors = &kr_more(kr)->contributors;
        if (i < contributors->len)
            return contributors->items[i];
        i -= contributors->len;
    }
    return NULL;
}

/* Roll-ups are scored after what they roll up: a post-order walk over the
 * dependencies (acyclic: resolve.c cuts alignment cycles). */
void progress_compute(struct plan *plan)
{
    /* One array per kind, filled in the order of the plan: only the
     * commands that show progress pay for it (136 bytes an item). */
    size_t krs = 0;
    for (size_t i = 0; i < plan->objectives.len; i++)
        krs += ((struct objective *)plan->objectives.items[i])->key_results.len;
    struct progress *of_objectives = arena_alloc_whole(plan->arena, plan->objectives.len * sizeof *of_objectives);
    struct progress *of_krs = arena_alloc_whole(plan->arena, krs * sizeof *of_krs);
    for (size_t i = 0, k = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        o->progress = &of_objectives[i];
        for (size_t j = 0; j < o->key_results.len; j++)
            ((struct key_result *)o->key_results.items[j])->progress = &of_krs[k++];
    }
    struct objective_walk w;
    walk_init(&w, plan->arena, plan->objectives.len);
    for (size_t root = 0; root < plan->objectives.len; root++) {
        objective_prefetch_next(&plan->objectives, root);
        if (!walk_root(&w, plan->objectives.items[root]))
            continue;
        while (w.depth) {
            struct walk_frame *f = walk_top(&w);
            struct objective *dep = rolls_up(f->o) ? dependency(f->o, f->next++) : NULL;
            if (!dep) {
                objective_compute(f->o, plan->as_of);
                walk_pop(&w);
            } else if (w.state[dep->seq] == WALK_UNSEEN) {
                walk_push(&w, dep);
            }
        }
    }
}

const char *objective_kind(const struct objective *o)
{
    return o->aspirational ? "aspirational" : "committed";
}
