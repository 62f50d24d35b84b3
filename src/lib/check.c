/* check.c — structural checks of values: units and ranges (a confidence's
 * range is told where it is read, build.c). These are always errors; the
 * configurable SMART rules build on a sound plan. */
#include "lib/check.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/rules.h"
#include "lib/text.h"

#include <math.h>
#include <string.h>

static bool same_unit(str a, str b)
{
    return a.len == b.len && memcmp(a.ptr, b.ptr, a.len) == 0;
}

static const char *unit_text(str u)
{
    return u.len ? u.ptr : "no unit";
}

/* The key result's unit is its target's; a bare number is read in that unit,
 * so only two different written units conflict. */
static void check_unit(struct diag_ctx *d, const struct key_result *kr, const quantity *q,
                       const char *what)
{
    if (!(q->present || q->unknown) || !q->unit_index || !kr->to.unit_index)
        return;
    /* one source's table holds each unit once: the same index, the same unit */
    if (q->unit_index == kr->to.unit_index && q->at.src == kr->at.src)
        return;
    quantity to = kr_to(kr);
    str unit = quantity_unit(q), target_unit = quantity_unit(&to);
    if (same_unit(unit, target_unit))
        return;
    struct diag *g = diag_report(d, R_UNIT_MISMATCH, q->at,
                                 "%s of key result '%s' is in %s, but its target is in %s", what,
                                 kr->id.name.ptr, unit_text(unit), unit_text(target_unit));
    diag_note(d, g, to.at, "the target, in %s", unit_text(target_unit));
}

static bool is_number_metric(enum metric_kind m)
{
    return m == METRIC_RANGE || m == METRIC_TARGET || m == METRIC_KEEP_GE || m == METRIC_KEEP_LE ||
           m == METRIC_KEEP_GT || m == METRIC_KEEP_LT;
}

static void check_key_result(struct diag_ctx *d, struct key_result *kr)
{
    const struct kr_more *more = kr_more(kr);
    const char *id = kr->id.name.ptr;
    if (more->weight.present && !(more->weight.value > 0))
        diag_report(d, R_WEIGHT_RANGE, more->weight.at,
                    "key result '%s' has weight %.15g; a weight is a number above 0 (the default is 1)",
                    id, more->weight.value);
    if (kr->metric == METRIC_RANGE) {
        quantity from = kr_from(kr);
        check_unit(d, kr, &from, "the start value");
        if (kr->from.present && kr->to.present && kr->from.value == kr->to.value)
            diag_report(d, R_KR_NO_CHANGE, item_span(kr->at, kr->metric_at),
                        "key result '%s' starts and ends at %.15g, so it asks for no change; "
                        "set the target you want to reach", id, kr->to.value);
    } else if (kr->metric == METRIC_TARGET && kr->to.present && kr->to.value == 0) {
        diag_report(d, R_KR_NO_CHANGE, item_span(kr->at, kr->metric_at),
                    "key result '%s' has target 0 and 'target' counts from 0, so it asks for no "
                    "change; write 'from START to 0'", id);
    }
    check_unit(d, kr, &more->current, "the current value");
    check_unit(d, kr, &more->minimum, "the minimum");
    if (more->minimum.present) {
        if (kr->from.unknown || kr->to.unknown) {
            /* checked once the baseline is measured: nothing to compare yet */
        } else if (kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET) {
            double lo = fmin(kr->from.value, kr->to.value), hi = fmax(kr->from.value, kr->to.value);
            if (more->minimum.value < lo || more->minimum.value > hi)
                diag_report(d, R_MINIMUM_OUT_OF_RANGE, more->minimum.at,
                            "minimum %.15g of key result '%s' is not between its baseline %.15g and "
                            "its target %.15g", more->minimum.value, id, kr->from.value, kr->to.value);
        } else if (kr->metric != METRIC_NONE) {
            diag_report(d, R_MINIMUM_OUT_OF_RANGE, more->minimum.at,
                        "key result '%s' is a %s; a minimum applies to 'from ... to' and 'target' "
                        "key results only", id,
                        kr->metric == METRIC_MILESTONE ? "milestone"
                        : kr->metric == METRIC_ROLLUP  ? "roll-up"
                                                       : "'keep'");
        }
    }
    if (kr->metric == METRIC_ROLLUP && (more->current.present || kr->current_done || kr->checkins.len))
        diag_report(d, R_UNIT_MISMATCH, kr->checkins.len ? entry_ref_at(kr->checkins.items[0])
                                                         : more->current.at,
                    "key result '%s' is a roll-up, scored from the objectives aligned to it; it "
                    "takes no value (a grade is fine)", id);
    if (kr->metric == METRIC_MILESTONE && more->current.present)
        diag_report(d, R_UNIT_MISMATCH, more->current.at,
                    "key result '%s' is a milestone; its value is 'done' or nothing", id);
    if (is_number_metric(kr->metric) && kr->current_done)
        diag_report(d, R_UNIT_MISMATCH, more->current.at,
                    "'done' is for milestones; key result '%s' is measured in numbers", id);
    for (size_t i = 0; i < kr->checkins.len; i++) {
        struct checkin_entry *e = kr->checkins.items[i];
        quantity value = entry_quantity(e);
        check_unit(d, kr, &value, "this check-in");
        /* A value that could not be read (`= ?`) has its syntax error already. */
        if (kr->metric == METRIC_MILESTONE && !e->done && !e->not_done && !e->no_value &&
            value.at.end)
            diag_report(d, R_UNIT_MISMATCH, value.at,
                        "key result '%s' is a milestone; check in 'done' or 'not done'", id);
        if (is_number_metric(kr->metric) && (e->done || e->not_done))
            diag_report(d, R_UNIT_MISMATCH, e->not_done ? value.at : entry_ref_at(e),
                        "'%s' is for milestones; key result '%s' is measured in numbers",
                        e->done ? "done" : "not done", id);
    }
}

void check_objective(struct diag_ctx *d, const struct objective *o)
{
    for (size_t k = 0; k < o->key_results.len; k++)
        check_key_result(d, o->key_results.items[k]);
}
