/* emit.c — the emitter table, the selection of objectives and the small
 * formatting helpers every report format shares. */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct emitter emitters[] = {
    {"text", emit_text}, {"md", emit_md}, {"json", emit_json},
    {"html", emit_html}, {"csv", emit_csv},
};

#define EMITTER_COUNT (sizeof emitters / sizeof *emitters)

const struct emitter *emitter_find(const char *name)
{
    for (size_t i = 0; i < EMITTER_COUNT; i++)
        if (strcmp(emitters[i].name, name) == 0)
            return &emitters[i];
    return NULL;
}

const char *emitter_names(void)
{
    return "text|md|json|html|csv";
}

static bool str_is(str s, const char *c)
{
    return s.ptr && strlen(c) == s.len && memcmp(s.ptr, c, s.len) == 0;
}

static bool team_within(const struct team *t, const char *id)
{
    for (int depth = 0; t && depth < 1000; t = t->parent, depth++)  /* cycles are errors */
        if (str_is(t->id.name, id))
            return true;
    return false;
}

static bool has_tag(const struct vec *tags, const char *tag)
{
    for (size_t i = 0; i < tags->len; i++)
        if (str_is(((const ident *)tags->items[i])->name, tag))
            return true;
    return false;
}

static const char *bare_tag(const char *tag)
{
    return tag[0] == '#' ? tag + 1 : tag;
}

bool kr_tagged(const struct key_result *kr, const char *tag)
{
    if (!tag)
        return true;
    tag = bare_tag(tag);
    return has_tag(&kr_more(kr)->tags, tag) || has_tag(&objective_more(kr->objective)->tags, tag);
}

bool objective_tagged(const struct objective *o, const char *tag)
{
    if (!tag)
        return true;
    tag = bare_tag(tag);
    if (has_tag(&objective_more(o)->tags, tag))
        return true;
    for (size_t i = 0; i < o->key_results.len; i++)
        if (has_tag(&kr_more(o->key_results.items[i])->tags, tag))
            return true;
    for (size_t i = 0; i < o->initiatives.len; i++)
        if (has_tag(&initiative_more(o->initiatives.items[i])->tags, tag))
            return true;
    return false;
}

bool is_owner(ident first, const struct vec *co_owners, const char *person)
{
    if (str_is(first.name, person))
        return true;
    for (size_t i = 0; i < co_owners->len; i++)
        if (str_is(((const ident *)co_owners->items[i])->name, person))
            return true;
    return false;
}

static bool owned_by(const struct objective *o, const char *person)
{
    if (is_owner(o->owner, &objective_more(o)->co_owners, person))
        return true;
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        if (is_owner(kr->owner, &kr_more(kr)->co_owners, person))
            return true;
    }
    return false;
}

static bool selected(const struct objective *o, const struct report_filter *f)
{
    if (f->sources && o->at.src && !f->sources[o->at.src->index])
        return false;
    if (f->team) {      /* any of the teams that share it */
        bool in = team_within(o->team, f->team);
        for (size_t i = 0; !in && i < objective_more(o)->co_teams.len; i++)
            in = team_within(objective_more(o)->co_teams.items[i], f->team);
        if (!in)
            return false;
    }
    if (f->owner && !owned_by(o, f->owner[0] == '@' ? f->owner + 1 : f->owner))
        return false;
    if (f->tag && !objective_tagged(o, f->tag))
        return false;
    if (f->close && (!o->period.present || !period_contains(f->close_period, o->period.value)))
        return false;
    if (f->has_period && (!o->period.present || o->period.value.end < f->period.start ||
                          o->period.value.start > f->period.end))
        return false;
    return true;
}

static void attention_build(struct report *r);
static void close_build(struct report *r, const char *period_text);

void report_build(struct report *r, struct plan *plan, const struct report_filter *f)
{
    memset(r, 0, sizeof *r);
    r->plan = plan;
    for (size_t i = 0; plan->diags && i < plan->diags->list.len; i++) {
        const struct diag *g = plan->diags->list.items[i];
        if (g->severity != SEV_ERROR)
            continue;
        struct report_error *e = arena_alloc(plan->arena, sizeof *e);
        struct position p = g->at.src ? source_position(g->at.src, g->at.start) : (struct position){0, 0};
        *e = (struct report_error){g->at.src ? g->at.src->path : "", rule_info(g->rule)->name,
                                   g->message, p.line, p.column};
        vec_push(plan->arena, &r->errors, e);
    }
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (selected(o, f))
            vec_push(plan->arena, &r->objectives, o);
    }
    attention_build(r);
    if (f->close)
        close_build(r, f->close);
}

const struct vec *report_history(const struct report *r, const struct key_result *kr)
{
    if (!r->history)
        return NULL;
    const char *key = arena_printf(r->plan->arena, "%.*s.%.*s", (int)kr->objective->id.name.len,
                                   kr->objective->id.name.ptr, (int)kr->id.name.len, kr->id.name.ptr);
    return hash_get(r->history, key, strlen(key));
}

const char *format_history(const struct report *r, const struct key_result *kr)
{
    const struct vec *points = report_history(r, kr);
    if (!points || !points->len)
        return NULL;
    const char *s = "";
    for (size_t i = 0; i < points->len; i++) {
        const struct history_point *p = points->items[i];
        char day[11];
        date_format(p->date, day);
        s = arena_printf(r->plan->arena, "%s%s%s %s (%s)", s, i ? ", " : "", day, p->text, p->commit);
    }
    return s;
}

const char *close_band_name(enum close_band b)
{
    static const char *const names[] = {"failed", "committed met", "target met", "stretch met"};
    return names[b];
}

enum close_band close_band_of(double score)
{
    return score < 0.4 - 1e-9 ? BAND_FAILED : score < 0.7 - 1e-9 ? BAND_COMMITTED
           : score < 1 - 1e-9 ? BAND_TARGET : BAND_STRETCH;
}

/* The close: bands per team and for the plan, the committed objectives
 * missed, the key results nobody ever checked in. */
static void close_build(struct report *r, const char *period_text)
{
    struct plan *plan = r->plan;
    struct report_close *c = arena_alloc(plan->arena, sizeof *c);
    c->period_text = period_text;
    struct close_team **by_team = arena_alloc(plan->arena, (plan->teams.len + 1) * sizeof *by_team);
    for (size_t i = 0; i < r->objectives.len; i++) {
        struct objective *o = r->objectives.items[i];
        enum close_band band = close_band_of(o->progress->score);
        c->bands[band]++;
        size_t slot = o->team ? o->team->seq : plan->teams.len;
        if (!by_team[slot]) {
            by_team[slot] = arena_alloc(plan->arena, sizeof **by_team);
            by_team[slot]->team = o->team;
        }
        by_team[slot]->bands[band]++;
        if (!o->aspirational && o->progress->score < 1 - 1e-9)
            vec_push(plan->arena, &c->missed, o);
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            if (!kr->progress->checkins_counted && !kr->progress->dropped && kr->metric != METRIC_ROLLUP)
                vec_push(plan->arena, &c->never, kr);
        }
    }
    for (size_t i = 0; i <= plan->teams.len; i++) {
        struct close_team *t = by_team[i];
        if (!t)
            continue;
        str name = t->team ? team_name(t->team) : (str){"No team", 7};
        t->name = arena_strndup(plan->arena, name.ptr, name.len);
        for (int b = BAND_FAILED; b < BAND_COUNT; b++)
            t->total += t->bands[b];
        vec_push(plan->arena, &c->teams, t);
    }
    c->plan = (struct close_team){NULL, "The plan", r->objectives.len, {0}};
    memcpy(c->plan.bands, c->bands, sizeof c->bands);
    r->close = c;
}

/* A committed key result with no value or still at its baseline once this
 * share of its period is gone has not started when it should have. */
#define NOT_STARTED_SHARE 0.25

/* The reasons a key result needs attention, in the order a reader weighs
 * them: its status, then what the status alone does not say. */
static void attention_reasons(struct report *r, const struct key_result *kr, int stale_days,
                              struct vec *reasons)
{
    struct arena *a = r->plan->arena;
    const struct progress *p = kr->progress;
    const struct objective *o = kr->objective;
    char score[HUNDREDTHS_MAX], expected[HUNDREDTHS_MAX];
    if (p->dropped || p->status == PROGRESS_DONE || p->status == PROGRESS_ACHIEVED ||
        p->status == PROGRESS_NOT_STARTED)
        return;
    switch (p->status) {
    case PROGRESS_OFF_TRACK:
    case PROGRESS_AT_RISK:
        format_hundredths(score, p->score);
        format_hundredths(expected, p->expected);
        vec_push(a, reasons, arena_printf(a, "%s: score %s, expected %s",
                                          p->status == PROGRESS_OFF_TRACK ? "off track" : "at risk",
                                          score, expected));
        break;
    case PROGRESS_MISSED:
        format_hundredths(score, p->score);
        vec_push(a, reasons, arena_printf(a, "missed: score %s", score));
        break;
    default: break;
    }
    if (p->below_minimum)
        vec_push(a, reasons, arena_printf(a, "below its minimum of %s",
                                          format_quantity(a, kr_more(kr)->minimum.value, kr_unit(kr))));
    bool running = o->period.present && period_contains_day(o->period.value, r->plan->as_of);
    if (!running)
        return;
    /* committed and not started after a share of the period */
    if (!o->aspirational && p->expected >= NOT_STARTED_SHARE &&
        (!p->has_value || (kr->metric != METRIC_MILESTONE && p->score <= 0)))
        vec_push(a, reasons, arena_printf(a, "%s with %.0f%% of the period gone",
                                          p->has_value ? "still at the baseline" : "no value yet",
                                          p->expected * 100));
    else if (!p->has_value)
        vec_push(a, reasons, "no value yet");
    /* stale, as the stale-checkin rule counts it */
    const struct checkin_entry *last = NULL, *confident = NULL, *before = NULL;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value > r->plan->as_of)
            break;
        last = e;
        if (e->confidence_present) {
            before = confident;
            confident = e;
        }
    }
    if (kr->metric != METRIC_ROLLUP && stale_days > 0) {
        okr_day since = last ? entry_checkin(last)->date.value : o->period.value.start;
        long gap = (long)r->plan->as_of - since;
        if (gap > stale_days)
            vec_push(a, reasons, last ? arena_printf(a, "no check-in for %ld days", gap)
                                      : arena_printf(a, "no check-in since the period began %ld days ago", gap));
    }
    if (before && entry_confidence_value(confident) < entry_confidence_value(before))
        vec_push(a, reasons, arena_printf(a, "confidence fell from %g to %g",
                                          entry_confidence_value(before),
                                          entry_confidence_value(confident)));
}

/* The one attention list and the wins, for every format. */
static void attention_build(struct report *r)
{
    struct plan *plan = r->plan;
    /* stale as the plan's stale-checkin rule has it (0: switched off) */
    int stale_days = !plan->diags ? (int)param_info(P_STALE_CHECKIN_DAYS)->default_value
                     : plan->diags->severity_of[R_STALE_CHECKIN] == SEV_OFF
                         ? 0
                         : (int)plan->diags->param_of[P_STALE_CHECKIN_DAYS];
    struct vec found = {0};
    size_t start[URGENCIES + 1] = {0};     /* items of each urgency, then where each begins */
    for (size_t i = 0; i < r->objectives.len; i++) {
        const struct objective *o = r->objectives.items[i];
        objective_prefetch_next(&r->objectives, i);
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            const struct progress *p = kr->progress;
            if (!p->dropped && (p->status == PROGRESS_ACHIEVED || p->status == PROGRESS_DONE))
                vec_push(plan->arena, &r->wins, (void *)kr);
            struct vec reasons = {0};
            attention_reasons(r, kr, stale_days, &reasons);
            if (!reasons.len)
                continue;
            struct attention *item = arena_alloc(plan->arena, sizeof *item);
            *item = (struct attention){kr, reasons, status_urgency(p->status)};
            start[item->urgency + 1]++;
            vec_push(plan->arena, &found, item);
        }
    }
    /* Most urgent first, in the plan's order within an urgency: a counting
     * sort, as there are only URGENCIES of them. */
    for (int u = 0; u < URGENCIES; u++)
        start[u + 1] += start[u];
    vec_reserve(plan->arena, &r->attention, found.len);
    r->attention.len = found.len;
    for (size_t i = 0; i < found.len; i++) {
        struct attention *item = found.items[i];
        r->attention.items[start[item->urgency]++] = item;
    }
}

str report_title(const struct report *r)
{
    if (r->plan->decl && r->plan->decl->title.ptr)
        return r->plan->decl->title;
    return (str){"OKR progress", 12};
}

str kr_unit(const struct key_result *kr)
{
    if (kr->to.unit_index)
        return kr_bound_unit(kr, &kr->to);
    if (kr->from.unit_index)
        return kr_bound_unit(kr, &kr->from);
    return (str){NULL, 0};      /* none: null in JSON, as docs/report.md says */
}

/* The powers of ten a double holds exactly: 10^0 to 10^22. */
static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* llround for |x| < 2^52, without the library's call (number_decimal
 * rounds up to sixteen times a number): x less its truncation is exact
 * there, so halves go away from zero exactly as llround's do. */
static long long round_half_away(double x)
{
    long long whole = (long long)x;
    double rest = x - (double)whole;
    return whole + (rest >= 0.5) - (rest <= -0.5);
}

bool number_decimal(double v, int digits, long long *mantissa, int *decimals)
{
    double limit = powers[digits];
    if (!isfinite(v) || fabs(v) >= limit)
        return false;
    for (int k = 0; k <= digits; k++) {
        double scaled = v * powers[k];
        if (fabs(scaled) >= limit)
            break;
        long long m = round_half_away(scaled);     /* |scaled| < 10^15 < 2^52 */
        /* the division is rounded correctly: equal means v is the double
         * nearest to m / 10^k */
        if ((double)m / powers[k] == v) {
            *mantissa = m;
            *decimals = k;
            return true;
        }
    }
    return false;
}

double number_tidy(double v)
{
    /* Twelve significant digits hold every amount a plan writes below 1e12;
     * larger ones are kept as they are (integers there are exact). */
    if (v == 0 || fabs(v) >= 1e12 || !isfinite(v) || v == (double)(long long)v)
        return v;       /* whole numbers below 1e12 are exact already */
    long long mantissa;
    int decimals;
    if (number_decimal(v, 12, &mantissa, &decimals))
        return v;       /* twelve digits or fewer already: "%.12g" gives v back */
    /* v to twelve significant digits m (10^11 <= |m| <= 10^12) times 10^-k,
     * then the double nearest to that: what strtod of "%.12g" gives, without
     * either. The product in long double is off by far less than the
     * margin; a product that close to halfway between two m goes to printf. */
    int k = 11 - (int)floor(log10(fabs(v)));
    if (k >= 0 && k <= 22) {
        long double scaled = (long double)v * powers[k];
        long double whole = roundl(scaled), margin = fabsl(scaled) * LDBL_EPSILON * 8;
        long double m = fabsl(whole);
        if (fabsl(fabsl(scaled - whole) - 0.5L) > margin && m >= 1e11L && m <= 1e12L)
            return (double)whole / powers[k];   /* both exact: the division rounds once */
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%.12g", v);
    return strtod(buf, NULL);
}

size_t format_whole(char *out, long long v)
{
    char digits[WHOLE_MAX];
    size_t at = sizeof digits;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
    digits[--at] = 0;
    do
        digits[--at] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        digits[--at] = '-';
    memcpy(out, digits + at, sizeof digits - at);
    return sizeof digits - at - 1;
}

void format_hundredths(char *out, double v)
{
    /* v * 100 held exactly as hi + lo (fma rounds once), then rounded to a
     * whole number as printf rounds the exact binary value: to the nearest,
     * ties to even. */
    double hi = v * 100;
    if (!(fabs(hi) < 0x1p50)) {
        snprintf(out, HUNDREDTHS_MAX, "%.2f", v);
        return;
    }
    double lo = fma(v, 100, -hi);
    double magnitude = fabs(hi), below = hi < 0 ? -lo : lo;   /* |v * 100| == magnitude + below */
    double whole = floor(magnitude);
    /* near a half this is exact and a multiple of magnitude's last bit, so
     * when it is not 0 it outweighs below (at most half that bit); far
     * from a half only its sign counts */
    double past_half = (magnitude - whole) - 0.5;
    unsigned long long k = (unsigned long long)whole;
    if (past_half > 0 || (past_half == 0 && (below > 0 || (below == 0 && (k & 1)))))
        k++;
    char digits[24];
    size_t n = sizeof digits;
    digits[--n] = 0;
    digits[--n] = (char)('0' + k % 10);
    digits[--n] = (char)('0' + k / 10 % 10);
    digits[--n] = '.';
    k /= 100;
    do
        digits[--n] = (char)('0' + k % 10);
    while (k /= 10);
    if (signbit(v))
        digits[--n] = '-';
    memcpy(out, digits + n, sizeof digits - n);
}

/* The fewest digits, four to six, that give back v; four when none does. */
static void shortest(char *out, size_t n, double v, const char *suffix)
{
    if (v == floor(v) && fabs(v) < 1e4) {      /* a whole number: itself, without a round trip */
        /* its digits by hand: the numbers of a report and a diff are
         * mostly these, and snprintf cost a thousand instructions each */
        char digits[WHOLE_MAX];
        size_t len = format_whole(digits, (long long)v), suffix_len = strlen(suffix);
        if (len + suffix_len < n) {
            memcpy(out, digits, len);
            memcpy(out + len, suffix, suffix_len + 1);
            return;
        }
        snprintf(out, n, "%d%s", (int)v, suffix);
        return;
    }
    for (int digits = 4; digits <= 6; digits++) {
        snprintf(out, n, "%.*g%s", digits, v, suffix);
        if (fabs(strtod(out, NULL) - v) <= 1e-9 * fabs(v))
            return;
    }
    snprintf(out, n, "%.4g%s", v, suffix);
}

void format_number(char *out, size_t n, double v)
{
    static const struct { double from, scale; const char *suffix; } scales[] = {
        {1e9, 1e9, "B"}, {1e6, 1e6, "M"}, {1e4, 1e3, "k"},    /* 1022, not 1.022k */
    };
    for (size_t i = 0; i < sizeof scales / sizeof *scales; i++) {
        if (fabs(v) >= scales[i].from) {
            shortest(out, n, v / scales[i].scale, scales[i].suffix);
            return;
        }
    }
    shortest(out, n, fabs(v) < 5e-5 ? 0.0 : v, "");
}

const char *format_quantity(struct arena *a, double v, str unit)
{
    char num[32];
    format_number(num, sizeof num, v);
    /* the number, then "%" or a space and the unit: copied, not printed
     * (a diff of two large plans writes half a million) */
    size_t len = strlen(num), space = unit.len && !(unit.len == 1 && unit.ptr[0] == '%');
    char *text = arena_chars(a, len + space + unit.len + 1);
    memcpy(text, num, len);
    if (space)
        text[len++] = ' ';
    if (unit.len)
        memcpy(text + len, unit.ptr, unit.len);
    return text;     /* arena_chars' bytes are zeroed: the end is there */
}

const char *format_metric(struct arena *a, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    str unit = kr_unit(kr);
    const char *to = kr->to.unknown && !kr->relative
                         ? arena_printf(a, "?%s%.*s", unit.len && unit.ptr[0] != '%' ? " " : "",
                                        (int)unit.len, unit.ptr)
                         : format_quantity(a, kr->to.value, unit);
    char number[32];
    switch (kr->metric) {
    case METRIC_RANGE: {
        const char *from;
        if (kr->from.unknown && p->bounds_known) {  /* measured by the first check-in */
            format_number(number, sizeof number, p->from);
            from = arena_printf(a, "%s (measured)", number);
        } else if (kr->from.unknown) {
            from = "?";
        } else {
            format_number(number, sizeof number, kr->from.value);
            from = arena_printf(a, "%s", number);
        }
        if (kr->relative && p->bounds_known)
            return arena_printf(a, "from %s by %+g%% (to %s)", from, kr_more(kr)->relative_pct,
                                format_quantity(a, p->to, unit));
        if (kr->relative)
            return arena_printf(a, "from %s by %+g%%", from, kr_more(kr)->relative_pct);
        return arena_printf(a, "from %s to %s", from, to);
    }
    case METRIC_TARGET: return arena_printf(a, "target %s", to);
    case METRIC_KEEP_GE: return arena_printf(a, "keep >= %s", to);
    case METRIC_KEEP_LE: return arena_printf(a, "keep <= %s", to);
    case METRIC_KEEP_GT: return arena_printf(a, "keep > %s", to);
    case METRIC_KEEP_LT: return arena_printf(a, "keep < %s", to);
    case METRIC_ROLLUP: return "rollup";
    case METRIC_MILESTONE: return "milestone";
    case METRIC_NONE: break;
    }
    return "no metric";
}

const char *format_value(struct arena *a, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    if (!p->has_value)
        return "no data";
    if (kr->metric == METRIC_MILESTONE)
        return p->value < 1 ? "not done" : p->done_late ? "done late" : "done";
    if (kr->metric == METRIC_ROLLUP) {
        size_t n = kr_more(kr)->contributors.len;
        return arena_printf(a, "%.2f from %zu objective%s", p->value, n, n == 1 ? "" : "s");
    }
    return format_quantity(a, p->value, kr_unit(kr));
}

const char *format_period(struct arena *a, const struct objective *o, const char *without)
{
    const struct named_period *named = period_named(&o->period);
    if (named)
        return named->id.name.ptr;
    if (!o->period.present)
        return without;
    char buf[48];   /* a calendar period: digits, '-', 'Q', 'H', 'W' */
    period_format(o->period.value, buf, sizeof buf);
    return arena_printf(a, "%s", buf);
}

const char *format_judgment(struct arena *a, const struct progress *p)
{
    if (p->graded)
        return arena_printf(a, "grade %.4g (computed %.2f)", p->grade, p->computed_score);
    return "";
}

bool entry_reported(const struct plan *plan, const struct checkin_entry *e)
{
    if (e->judgment)
        return false;
    const struct checkin *c = entry_checkin(e);
    return c->date_present && c->date.value <= plan->as_of;
}

const char *format_entry_value(struct arena *a, const struct key_result *kr,
                               const struct checkin_entry *e)
{
    if (e->no_value)
        return "";
    if (e->not_done)
        return "not done";
    if (e->done)
        return "done";
    if (e->value_unknown)
        return "?";
    if (!e->value_present)
        return "";
    return format_quantity(a, e->value, kr_unit(kr));
}

const char *format_people(struct arena *a, ident first, const struct vec *rest)
{
    if (!first.name.ptr)
        return "";
    const char *s = arena_printf(a, "@%.*s", (int)first.name.len, first.name.ptr);
    for (size_t i = 0; i < rest->len; i++) {
        const ident *p = rest->items[i];
        s = arena_printf(a, "%s, @%.*s", s, (int)p->name.len, p->name.ptr);
    }
    return s;
}

str person_declared_name(const struct plan *plan, ident who)
{
    /* a plan that declares nobody (most) has no name to find */
    const struct person *p = plan->person_ids && plan->people.len
                                 ? hash_get(plan->person_ids, who.name.ptr, who.name.len) : NULL;
    return p && p->name.len ? p->name : (str){NULL, 0};
}

const char *person_name(struct arena *a, const struct plan *plan, ident who)
{
    str name = person_declared_name(plan, who);
    if (name.len)
        return arena_strndup(a, name.ptr, name.len);
    return arena_printf(a, "@%.*s", (int)who.name.len, who.name.ptr);
}

const char *format_names(struct arena *a, const struct plan *plan, ident first, const struct vec *rest)
{
    if (!first.name.ptr)
        return "";
    const char *s = person_name(a, plan, first);
    for (size_t i = 0; i < rest->len; i++)
        s = arena_printf(a, "%s, %s", s, person_name(a, plan, *(const ident *)rest->items[i]));
    return s;
}

str team_name(const struct team *t)
{
    return t->title.len ? t->title : t->id.name;
}

const char *format_change(struct arena *a, const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    if (!p->has_previous)
        return "n/a";
    if (kr->metric == METRIC_MILESTONE)
        return p->change > 0 ? "now done" : "no change";
    return arena_printf(a, "%s%s", p->change > 0 ? "+" : p->change < 0 ? "-" : "±",
                        format_quantity(a, fabs(p->change), kr_unit(kr)));
}

int status_urgency(enum progress_status s)
{
    static const int urgency[PROGRESS_DROPPED + 1] = {
        [PROGRESS_OFF_TRACK] = 0, [PROGRESS_MISSED] = 1, [PROGRESS_AT_RISK] = 2,
        [PROGRESS_NO_DATA] = 3, [PROGRESS_ON_TRACK] = 4, [PROGRESS_NOT_STARTED] = 5,
        [PROGRESS_DONE] = 6, [PROGRESS_ACHIEVED] = 7, [PROGRESS_DROPPED] = 8,
    };
    return urgency[s];
}


void md_text(FILE *out, const char *s)
{
    md_escape(out, (str){s, strlen(s)});
}

/* The characters Markdown would read as markup: escaped with a backslash
 * (& too: "&amp;" shows as itself). */
static bool md_special(unsigned char c)
{
    switch (c) {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#': case '&':
        return true;
    default:
        return false;
    }
}

void md_escape(FILE *out, str text)
{
    for (size_t i = 0; i < text.len; i++) {
        size_t plain = i;   /* a run Markdown shows as it is, most of any text: one write */
        while (plain < text.len && utf8_printable_ascii((unsigned char)text.ptr[plain]) &&
               !md_special((unsigned char)text.ptr[plain]))
            plain++;
        if (plain > i) {
            fwrite(text.ptr + i, 1, plain - i, out);
            i = plain - 1;
            continue;
        }
        char c = text.ptr[i];
        size_t control = c == '\n' ? 0 : text_control_at(text.ptr + i, text.len - i);
        if (c == '\n') {
            fputs("<br>", out);
        } else if (control) {
            fputc(' ', out);    /* tab, CR, escapes a terminal would obey, bidi controls */
            i += control - 1;
        } else if (md_special((unsigned char)c)) {
            fprintf(out, "\\%c", c);
        } else {
            fputc(c, out);
        }
    }
}

/* Control characters other than whitespace are errors in an HTML page, and
 * bidirectional controls would reorder what it appears to say. */
static size_t html_control(const char *s, size_t len)
{
    return *s == '\t' || *s == '\n' || *s == '\r' ? 0 : text_control_at(s, len);
}

void html_escape(FILE *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        size_t control = html_control(s + i, len - i);
        if (control) {
            fputc(' ', out);
            i += control - 1;
            continue;
        }
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out);
        }
    }
}
