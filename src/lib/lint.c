/* lint.c — the configurable rules of SPEC §3. Each rule is one small
 * function over the resolved plan; severities and parameters come from
 * plan->diags as rules_apply left them. Messages say what is wrong with the
 * numbers and how to fix it. */
#include "lib/lint.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/hash.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"
#include "lib/title.h"

#include <math.h>
#include <string.h>

struct group_count;
/* Objectives per team (or owner) and period (objective-count). */
struct objective_counts {
    struct group_count **by_team;   /* by team seq: the first groups of a declared team */
    struct hash *groups;    /* the others, by key (NULL until one): owners without a team,
                             * undeclared teams, a team's groups after its first few */
    struct group_count **group_of;  /* by objective seq */
    char *key;              /* the key being looked up, reused: a copy is kept only
                             * for a new group (a plan has few, and many objectives) */
    size_t key_cap;
};
/* Owners of running key results and their last check-ins (stale-owner). */
struct owner_notes {
    struct hash *owners;
    /* in the order first met: a list through them, not an array doubled
     * as owners come (0.1 MB of old copies for 5,000 owners) */
    struct owner_activity *first, **last;
};
struct linter {
    struct plan *plan;
    struct diag_ctx *d;
    struct title_lexicon *lex;  /* the plan's lexicons, for the title rules */
    size_t suggest_budget;      /* for every did-you-mean of the run (text.h) */
    /* what the walk over the objectives gathers for the plan-wide rules */
    bool has_initiatives;
    struct objective_counts counts;
    struct owner_notes owners;
};

static bool on(const struct linter *l, enum rule_id rule)
{
    return l->d->severity_of[rule] != SEV_OFF;
}

static int param(const struct linter *l, enum param_id id)
{
    return (int)l->d->param_of[id];
}

static const char *period_text(struct linter *l, period p)
{
    char buf[64];
    period_format(p, buf, sizeof buf);
    return arena_strndup(l->plan->arena, buf, strlen(buf));
}

/* The period with its first and last day, where the days matter. */
static const char *period_days_text(struct linter *l, period p)
{
    char buf[64];
    period_format(p, buf, sizeof buf);
    if (p.kind == PERIOD_RANGE)
        return arena_strndup(l->plan->arena, buf, strlen(buf));
    char a[11], b[11];
    date_format(p.start, a);
    date_format(p.end, b);
    return arena_printf(l->plan->arena, "%s (%s..%s)", buf, a, b);
}

static const char *day_text(struct linter *l, okr_day day)
{
    char buf[11];
    date_format(day, buf);
    return arena_strndup(l->plan->arena, buf, 10);
}

static const char *plural(long n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The span of a quoted title written right after its id, when the source
 * holds it verbatim (no escapes); else the id. */
static span title_span(const ident *id, str title)
{
    const struct source *src = id->at.src;
    if (!src)
        return id->at;
    const char *p = src->text + id->at.end, *end = src->text + src->len;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p + title.len + 2 > end || *p != '"' || memcmp(p + 1, title.ptr, title.len) != 0 ||
        p[title.len + 1] != '"')
        return id->at;
    uint32_t start = (uint32_t)(p - src->text);
    return (span){src, start, start + (uint32_t)title.len + 2};
}

/* ---- counts ---- */

static void kr_count(struct linter *l, struct objective *o)
{
    long n = (long)o->key_results.len;
    int min = param(l, P_KR_COUNT_MIN), max = param(l, P_KR_COUNT_MAX);
    const char *id = o->id.name.ptr;
    if (n < min && !objective_more(o)->rollup_at.src)  /* a roll-up is measured by its contributors */
        diag_report(l->d, R_KR_COUNT, o->id.at,
                    "objective '%s' has %ld key %s; at least %d %s needed (kr-count min %d): add "
                    "the measurable outcomes that show it is met",
                    id, n, plural(n, "result", "results"), min, plural(min, "is", "are"), min);
    else if (n > max)
        diag_report(l->d, R_KR_COUNT, o->id.at,
                    "objective '%s' has %ld key results; at most %d %s allowed (kr-count max %d): "
                    "keep the ones that best show the objective is met, or split it",
                    id, n, max, plural(max, "is", "are"), max);
}

static void initiative_count(struct linter *l, struct objective *o)
{
    long n = (long)o->initiatives.len;
    int max = param(l, P_INITIATIVE_COUNT_MAX);
    if (n > max)
        diag_report(l->d, R_INITIATIVE_COUNT, o->id.at,
                    "objective '%s' has %ld initiatives; at most %d %s allowed (initiative-count "
                    "max %d): keep the ones that move the key results most, drop or postpone the rest",
                    o->id.name.ptr, n, max, plural(max, "is", "are"), max);
}

/* Objectives per team (or owner) and period: a declared team's groups in
 * a short list of its own (a team has a period or a few), the others in a
 * table keyed by "t:TEAM" or "o:OWNER" and the period's days (a table
 * sized for every objective, a key and a group each, were 0.8 MB on 10,000
 * objectives); reported once per group, at the first objective over the
 * limit. */
struct group_count {
    uint32_t total, seen;           /* objectives: a vec's count */
    period period;                  /* a team's group: its period */
    struct group_count *next;       /* ... and the team's next group */
};

/* How many groups a team keeps in its list: the rest go to the table, so
 * that a team with a period per objective costs no walk of them all. */
#define TEAM_GROUPS_LISTED 16

/* The group an objective counts in: its team, or its owner without a team,
 * within its exact period. The key is built without printf: this runs once
 * per objective. */
static struct group_count *objective_group(struct linter *l, struct objective_counts *c,
                                           const struct objective *o)
{
    bool team = o->team_ref.name.ptr != NULL;
    const ident *who = team ? &o->team_ref : &o->owner;
    if (!who->name.ptr || !o->period.present)
        return NULL;
    if (o->team) {
        struct group_count **listed = &c->by_team[o->team->seq];
        int k = 0;
        for (struct group_count *g = *listed; g; g = g->next, k++)
            if (g->period.start == o->period.value.start && g->period.end == o->period.value.end)
                return g;
        if (k < TEAM_GROUPS_LISTED) {
            struct group_count *g = arena_alloc(l->plan->arena, sizeof *g);
            g->period = o->period.value;
            g->next = *listed;
            *listed = g;
            return g;
        }
    }
    if (!c->groups)
        c->groups = hash_new(l->plan->arena, 64);
    size_t n = who->name.len;
    size_t len = n + 2 + 2 * sizeof(okr_day);
    if (len > c->key_cap) {
        c->key_cap = len > 2 * c->key_cap ? len : 2 * c->key_cap;
        c->key = arena_alloc(l->plan->arena, c->key_cap);
    }
    char *key = c->key;
    key[0] = team ? 't' : 'o';
    memcpy(key + 1, who->name.ptr, n);
    key[n + 1] = ':';
    memcpy(key + n + 2, &o->period.value.start, sizeof(okr_day));
    memcpy(key + n + 2 + sizeof(okr_day), &o->period.value.end, sizeof(okr_day));
    struct group_count *g = hash_get(c->groups, key, len);
    if (!g) {
        g = arena_alloc(l->plan->arena, sizeof *g);
        char *kept = arena_alloc(l->plan->arena, len);
        memcpy(kept, key, len);
        hash_put(c->groups, kept, len, g);
    }
    return g;
}

/* Objectives are counted by group (objective_counts) as the one pass over
 * the objectives meets them (a pass of its own missed every objective in
 * memory again), and reported after it. */

static void objective_count_start(struct linter *l, struct objective_counts *c)
{
    size_t n = l->plan->objectives.len, teams = l->plan->teams.len;
    c->by_team = arena_alloc(l->plan->arena, (teams ? teams : 1) * sizeof *c->by_team);
    c->group_of = arena_alloc(l->plan->arena, (n ? n : 1) * sizeof *c->group_of);
}

static void objective_count_add(struct linter *l, struct objective_counts *c, const struct objective *o)
{
    struct group_count *g = objective_group(l, c, o);
    c->group_of[o->seq] = g;
    if (g)
        g->total++;
}

static void objective_count(struct linter *l, struct objective_counts *c)
{
    struct plan *plan = l->plan;
    int max = param(l, P_OBJECTIVE_COUNT_MAX);
    size_t n = plan->objectives.len;
    /* Reported once per group, at the objective that goes over the limit. */
    for (size_t i = 0; i < n; i++) {
        struct group_count *g = c->group_of[i];
        if (!g || (long)++g->seen != (long)max + 1)
            continue;
        struct objective *o = plan->objectives.items[i];
        bool team = o->team_ref.name.ptr != NULL;
        const char *who_text = team ? arena_printf(plan->arena, "team '%s'", o->team_ref.name.ptr)
                                    : arena_printf(plan->arena, "owner @%s", o->owner.name.ptr);
        diag_report(l->d, R_OBJECTIVE_COUNT, o->id.at,
                    "%s has %ld objectives in %s; at most %d %s allowed (objective-count max %d): "
                    "focus on the few that matter most and move the others to a later period",
                    who_text, (long)g->total, period_text(l, o->period.value), max,
                    plural(max, "is", "are"), max);
    }
    hash_free(c->groups);
}

/* ---- SMART ---- */

/* n: the title's words (word_count, or title_word_count where the title
 * rules read the title too). */
static void specific_title(struct linter *l, const char *kind, const ident *id, str title, long n)
{
    int min = param(l, P_SMART_SPECIFIC_MIN_WORDS);
    if (n < min)
        diag_report(l->d, R_SMART_SPECIFIC, title_span(id, title),
                    "the title of %s '%s' has %ld %s; a specific title has at least %d "
                    "(smart-specific min-words %d): say what changes, for whom, by how much",
                    kind, id->name.ptr, n, plural(n, "word", "words"), min, min);
}

static void smart_measurable(struct linter *l, struct key_result *kr)
{
    if (kr->metric == METRIC_NONE)
        diag_report(l->d, R_SMART_MEASURABLE, kr->id.at,
                    "key result '%s' has no metric, so nobody can tell whether it was reached: "
                    "add 'from START to TARGET', 'target N', 'keep >= N', 'keep <= N' or 'milestone'",
                    kr->id.name.ptr);
}

/* The last check-in confidence on or before the as-of date, else the key
 * result's own; not present when there is none. */
static number_item latest_confidence(const struct plan *plan, const struct key_result *kr,
                                     okr_day *dated)
{
    for (size_t i = kr->checkins.len; i-- > 0;) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value <= plan->as_of && e->confidence_present) {
            *dated = entry_checkin(e)->date.value;
            return entry_confidence(e);
        }
    }
    *dated = 0;
    return kr_more(kr)->confidence;
}

static void smart_achievable(struct linter *l, struct objective *o, struct key_result *kr)
{
    if (o->aspirational || !on(l, R_SMART_ACHIEVABLE))
        return;     /* before the walk over its check-ins */
    int max = param(l, P_SMART_ACHIEVABLE_MAX_CONFIDENCE);
    okr_day dated;
    number_item c = latest_confidence(l->plan, kr, &dated);
    if (!c.present || c.value < 1 || c.value > 10 || c.value > max)
        return;
    diag_report(l->d, R_SMART_ACHIEVABLE, c.at,
                "committed key result '%s' has confidence %g of 10%s%s; at %d or less "
                "(smart-achievable max-confidence %d) it is not expected to be met: lower the "
                "target, add initiatives, or make objective '%s' aspirational",
                kr->id.name.ptr, c.value, dated ? " in the check-in of " : "",
                dated ? day_text(l, dated) : "", max, max, o->id.name.ptr);
}

static void smart_relevant(struct linter *l, struct objective *o)
{
    if (l->plan->teams.len == 0 || o->aligns.len > 0)
        return;
    if (o->team_ref.name.ptr && !o->team)
        return;     /* an unknown team is reported already */
    if (o->team && !o->team->parent)
        return;
    if (o->team)
        diag_report(l->d, R_SMART_RELEVANT, o->id.at,
                    "objective '%s' aligns to no objective, and its team '%s' is not a top-level "
                    "team: add 'aligns OBJ' naming the objective of '%s' it contributes to",
                    o->id.name.ptr, o->team->id.name.ptr, o->team->parent->id.name.ptr);
    else
        diag_report(l->d, R_SMART_RELEVANT, o->id.at,
                    "objective '%s' belongs to no team and aligns to no objective: add 'team "
                    "TEAM' or 'aligns OBJ' to show what it contributes to", o->id.name.ptr);
}

static void smart_time_bound(struct linter *l, struct objective *o)
{
    if (!o->period.at.src && !o->period.present) {
        diag_report(l->d, R_SMART_TIME_BOUND, o->id.at,
                    "objective '%s' has no period, and the plan declares none: add 'period "
                    "2027-Q1' (or whatever period it is for) to the objective or the plan",
                    o->id.name.ptr);
        return;
    }
    if (!o->period.present)
        return;     /* an impossible period is reported already */
    for (size_t k = 0; k < o->key_results.len; k++) {
        struct key_result *kr = o->key_results.items[k];
        const date_item *due = &kr_more(kr)->due;     /* its own, as written */
        if (!due->present || period_contains_day(o->period.value, due->value))
            continue;
        diag_report(l->d, R_SMART_TIME_BOUND, due->at,
                    "key result '%s' is due %s, outside the period %s of objective '%s': move the "
                    "due date into the period, or the key result to an objective of its period",
                    kr->id.name.ptr, day_text(l, due->value), period_days_text(l, o->period.value),
                    o->id.name.ptr);
    }
}

/* ---- results, owners, baselines ---- */

/* The bytes start..end of a title as a span inside its quotes, when the
 * source holds the title verbatim; else the key result's id. */
static span title_part(const struct key_result *kr, size_t start, size_t end)
{
    span at = title_span(&kr->id, kr->title);
    if (at.start == kr->id.at.start)
        return at;
    return (span){at.src, at.start + 1 + (uint32_t)start, at.start + 1 + (uint32_t)end};
}

static const char *title_words(struct linter *l, const struct key_result *kr, size_t start,
                               size_t end)
{
    return arena_strndup(l->plan->arena, kr->title.ptr + start, end - start);
}

/* Why the title reads as an activity, in the words that made it one. */
static const char *activity_reason(struct linter *l, const struct key_result *kr,
                                   const struct title_finding *f)
{
    const char *words = title_words(l, kr, f->start, f->end);
    switch (f->shape) {
    case SHAPE_OPENING_VERB:
        return arena_printf(l->plan->arena, "it opens with the verb '%s'", words);
    case SHAPE_IMPERATIVE:
        return arena_printf(l->plan->arena, "it opens with '%s' before its object ('%s ...'), "
                            "as an imperative verb does", words,
                            title_words(l, kr, f->next_start, f->next_end));
    case SHAPE_GERUND:
        return arena_printf(l->plan->arena, "it opens with the work '%s' and what it is done to ('%s ...')",
                            words, title_words(l, kr, f->next_start, f->next_end));
    case SHAPE_INFINITIVE:
        return arena_printf(l->plan->arena, "it is built on the infinitive '%s'", words);
    case SHAPE_SPLIT_VERB:
        return arena_printf(l->plan->arena, "it is built on the verb '%s ... %s'", words,
                            title_words(l, kr, f->start2, f->end2));
    case SHAPE_DONE:
        return arena_printf(l->plan->arena, "it states a deliverable as done ('%s') and no "
                            "measured effect of it", words);
    case SHAPE_OBTAINED:
        return arena_printf(l->plan->arena, "it asks for a thing to obtain or deliver ('%s') and "
                            "no measured effect of it", words);
    case SHAPE_UNMEASURED:
        return arena_printf(l->plan->arena, "it asks for a change ('%s') and measures nothing, "
                            "so it is the work of changing", words);
    case SHAPE_TEAM_VERB:
        return arena_printf(l->plan->arena, "its subject, the team or its people, does the work ('%s')",
                            words);
    case SHAPE_OUTPUT:
        return arena_printf(l->plan->arena, "it counts what the team makes or does ('%s') and no "
                            "measured effect of it", words);
    case SHAPE_THING:
        return arena_printf(l->plan->arena, "it names a thing to deliver ('%s') and no measured "
                            "effect of it%s", words,
                            kr->metric == METRIC_MILESTONE ? "" : ", and its target does not say "
                                                                  "what it counts");
    }
    return words;
}

static bool has_unit(const struct key_result *kr);

/* A metric that measures: from a baseline, a level kept, rolled up, or in a
 * unit ("target 12" and a milestone only count or mark work done). */
static bool measures_level(const struct key_result *kr)
{
    return kr->metric == METRIC_RANGE || kr->metric == METRIC_KEEP_GE || kr->metric == METRIC_KEEP_LE ||
           kr->metric == METRIC_KEEP_GT || kr->metric == METRIC_KEEP_LT ||
           kr->metric == METRIC_ROLLUP || has_unit(kr);
}

/* f: what title_activity found in the key result's title */
static void activity_kr(struct linter *l, struct key_result *kr, const struct title_finding *f)
{
    size_t end = f->shape == SHAPE_SPLIT_VERB ? f->end2 : f->end;
    bool deliverable = f->shape == SHAPE_DONE || f->shape == SHAPE_THING || f->shape == SHAPE_OBTAINED;
    bool output = f->shape == SHAPE_OUTPUT;
    diag_report(l->d, R_ACTIVITY_KR, title_part(kr, f->start, end),
                "key result '%s' describes %s, not a result: %s%s; %s ('okrc explain "
                "activity-kr' shows rewrites)",
                kr->id.name.ptr, deliverable ? "a deliverable" : output ? "output" : "an activity",
                activity_reason(l, kr, f),
                kr->metric == METRIC_MILESTONE ? ", and a milestone marks it done" : "",
                deliverable ? "make delivering it an initiative and measure what it should "
                              "change once it is there"
                : output    ? "make producing it an initiative and measure what it should change"
                            : "make the work an initiative and measure what it should achieve");
}

static bool has_unit(const struct key_result *kr)
{
    return kr->to.unit_index || kr->from.unit_index;
}

/* work: the title reads as an activity (title_activity) */
static void vague_kr(struct linter *l, struct key_result *kr, bool work)
{
    size_t start, end;
    bool has_change;
    if (kr->metric == METRIC_MILESTONE || has_unit(kr) ||
        !title_vague(l->lex, kr->title, measures_level(kr), work, &has_change, &start, &end))
        return;
    if (has_change)
        diag_report(l->d, R_VAGUE_KR, title_part(kr, start, end),
                    "key result '%s' is vague: '%s' says it should change, but its title names no "
                    "number, unit or measure of how much; say what is counted and to what, as in "
                    "'Qualified leads per month from 200 to 350'",
                    kr->id.name.ptr, title_words(l, kr, start, end));
    else
        diag_report(l->d, R_VAGUE_KR, title_part(kr, start, end),
                    "key result '%s' names no measurable outcome: its title names nothing that is "
                    "counted, and its metric has no unit; say what is counted and to "
                    "what, as in 'Pages using CSS containment from 0 to 20%%'",
                    kr->id.name.ptr);
}

static void compound_kr(struct linter *l, struct key_result *kr)
{
    struct title_compound c;
    if (!title_compound(l->lex, kr->title, &c))
        return;
    diag_report(l->d, R_COMPOUND_KR, title_part(kr, c.joint_start, c.joint_end),
                "key result '%s' has two targets, '%s' and '%s': split it into one key result "
                "each, so that each is scored on its own",
                kr->id.name.ptr, title_words(l, kr, c.first_start, c.first_end),
                title_words(l, kr, c.second_start, c.second_end));
}

static void missing_owner(struct linter *l, struct objective *o, struct key_result *kr)
{
    if (!kr->owner.name.ptr)
        diag_report(l->d, R_MISSING_OWNER, kr->id.at,
                    "key result '%s' has no owner, and neither has objective '%s': add 'owner "
                    "@someone' to one of them; someone must be accountable for tracking it",
                    kr->id.name.ptr, o->id.name.ptr);
}

static void missing_baseline(struct linter *l, struct key_result *kr)
{
    if (kr->metric != METRIC_TARGET || kr->to.unknown)
        return;
    /* the target as written ("10M USD", not 1e+07), up to the end of its line */
    const char *to = kr->at.src->text + kr->to.at.start;
    size_t len = kr->to.at.end - kr->to.at.start;
    const char *eol = memchr(to, '\n', len);
    if (eol)
        len = (size_t)(eol - to);
    while (len > 0 && (to[len - 1] == ' ' || to[len - 1] == '\t' || to[len - 1] == '\r'))
        len--;
    diag_report(l->d, R_MISSING_BASELINE, item_span(kr->at, kr->metric_at),
                "key result '%s' has a target but no baseline, so its progress counts from 0: "
                "write 'from START to %.*s' with its value at the start of the period",
                kr->id.name.ptr, (int)len, to);
}

/* ---- periods and check-ins ---- */

static const ident *align_ref(const struct objective *o, const struct objective *to)
{
    for (size_t i = 0; i < o->aligns.len; i++) {
        const ident *ref = o->aligns.items[i];
        if (strcmp(ref->name.ptr, to->id.name.ptr) == 0)
            return ref;
    }
    return &o->id;
}

static void period_mismatch(struct linter *l, struct objective *o)
{
    if (!o->period.present)
        return;
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        struct objective *to = o->aligned_to.items[i];
        if (!to->period.present || period_contains(to->period.value, o->period.value))
            continue;
        diag_report(l->d, R_PERIOD_MISMATCH, align_ref(o, to)->at,
                    "objective '%s' runs %s, which is not inside the period %s of objective '%s' "
                    "it aligns to: align to an objective of its own period, or correct the period",
                    o->id.name.ptr, period_text(l, o->period.value), period_text(l, to->period.value),
                    to->id.name.ptr);
    }
}

/* Results arrive late: entries up to grace-days after the period are fine. */
static void entries_outside_period(struct linter *l, struct objective *o, const struct vec *entries)
{
    okr_day grace = param(l, P_CHECKIN_OUTSIDE_PERIOD_GRACE_DAYS);
    for (size_t i = 0; i < entries->len; i++) {
        struct checkin_entry *e = entries->items[i];
        okr_day day = entry_checkin(e)->date.value;
        if (period_contains_day(o->period.value, day) ||
            (day > o->period.value.end && day - o->period.value.end <= grace))
            continue;
        const char *ref = arena_printf(l->plan->arena, "%s%s%s", o->id.name.ptr, e->kr ? "." : "",
                                       e->kr ? e->kr->id.name.ptr : "");
        const char *when = day > o->period.value.end
            ? arena_printf(l->plan->arena, "%d days after", (int)(day - o->period.value.end))
            : "before";
        diag_report(l->d, R_CHECKIN_OUTSIDE_PERIOD, entry_ref_at(e),
                    "this check-in of '%s' on %s is %s the period %s of objective '%s'%s; the period "
                    "runs %s: correct the date, or check in on the objective of that period",
                    ref, day_text(l, day), when, period_text(l, o->period.value), o->id.name.ptr,
                    day > o->period.value.end
                        ? arena_printf(l->plan->arena, " (grace-days %d)", (int)grace) : "",
                    period_days_text(l, o->period.value));
    }
}

static void checkin_outside_period(struct linter *l, struct objective *o, struct key_result *kr)
{
    if (!o->period.present)
        return;
    entries_outside_period(l, o, &kr->checkins);
    entries_outside_period(l, o, &kr_more(kr)->judgments);
}

static void placeholder(struct linter *l, struct objective *o, struct key_result *kr)
{
    const struct checkin_entry *first = kr->checkins.len ? kr->checkins.items[0] : NULL;
    if (kr->from.unknown && (!first || entry_checkin(first)->date.value > l->plan->as_of))
        diag_report(l->d, R_PLACEHOLDER, kr_from(kr).at,
                    "the baseline of '%s.%s' is not measured yet (?): its first check-in will be "
                    "the baseline; until then it has no data", o->id.name.ptr, kr->id.name.ptr);
    if (kr->to.unknown && !kr->relative)
        diag_report(l->d, R_PLACEHOLDER, kr_to(kr).at,
                    "the target of '%s.%s' is unknown (?), so it cannot be scored: write the "
                    "target once it is agreed", o->id.name.ptr, kr->id.name.ptr);
    if (kr_more(kr)->minimum.unknown)
        diag_report(l->d, R_PLACEHOLDER, kr_more(kr)->minimum.at,
                    "the minimum of '%s.%s' is unknown (?): write it, or leave the minimum out",
                    o->id.name.ptr, kr->id.name.ptr);
}

/* Lint needs no scores (`check` computes none): done, dropped and
 * done-late are the judgments progress.c gives every command. */
static void done_late(struct linter *l, struct objective *o, struct key_result *kr)
{
    /* `current done` has no date, and is never late */
    const struct checkin_entry *done = progress_kr_done_entry(kr, l->plan->as_of);
    if (!done || !progress_kr_done_late(kr, entry_checkin(done)->date.value))
        return;
    okr_day done_on = entry_checkin(done)->date.value, due = kr_due(kr).value;
    diag_report(l->d, R_DONE_LATE, entry_ref_at(done),
                "milestone '%s.%s' was done on %s, %d days after it was due on %s",
                o->id.name.ptr, kr->id.name.ptr, day_text(l, done_on),
                (int)(done_on - due), day_text(l, due));
}

/* Days since the latest check-in on or before as-of (or since the period
 * began), when that exceeds the limit; -1 when the key result is fresh,
 * done, dropped, a roll-up, or its objective's period is not running. */
static long stale_days(struct linter *l, const struct objective *o, const struct key_result *kr,
                       okr_day *since, bool *ever)
{
    struct plan *plan = l->plan;
    okr_day done_on;
    if (!o->period.present || !period_contains_day(o->period.value, plan->as_of) ||
        kr->metric == METRIC_ROLLUP || progress_kr_done(kr, plan->as_of, &done_on) ||
        progress_kr_dropped(kr, plan->as_of))
        return -1;
    const struct checkin_entry *last = NULL;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (entry_checkin(e)->date.value <= plan->as_of)
            last = e;
    }
    *ever = last != NULL;
    *since = last ? entry_checkin(last)->date.value : o->period.value.start;
    long gap = (long)plan->as_of - *since;
    return gap > param(l, P_STALE_CHECKIN_DAYS) ? gap : -1;
}

static void stale_note(struct linter *l, struct diag *g, const struct key_result *kr, okr_day since,
                       bool ever, long gap)
{
    if (ever)
        diag_note(l->d, g, kr->id.at, "'%s' was last checked in on %s, %ld days ago",
                  kr->id.name.ptr, day_text(l, since), gap);
    else
        diag_note(l->d, g, kr->id.at, "'%s' has had no check-in since the period began on %s",
                  kr->id.name.ptr, day_text(l, since));
}

/* One finding per objective: in a plan nobody checked into, one line per
 * key result would drown every other finding. A single stale key result is
 * reported where it stands; several, at their objective with a note each. */
static void stale_checkins(struct linter *l, struct objective *o)
{
    int days = param(l, P_STALE_CHECKIN_DAYS);
    size_t stale = 0;
    struct key_result *only = NULL;
    for (size_t k = 0; k < o->key_results.len; k++) {
        okr_day since;
        bool ever;
        if (((struct key_result *)o->key_results.items[k])->cut_short)
            continue;
        if (stale_days(l, o, o->key_results.items[k], &since, &ever) >= 0) {
            stale++;
            only = o->key_results.items[k];
        }
    }
    if (stale == 0)
        return;
    if (stale == 1) {
        okr_day since;
        bool ever;
        long gap = stale_days(l, o, only, &since, &ever);
        if (ever)
            diag_report(l->d, R_STALE_CHECKIN, only->id.at,
                        "key result '%s' was last checked in %ld days ago, on %s (stale-checkin days %d)",
                        only->id.name.ptr, gap, day_text(l, since), days);
        else
            diag_report(l->d, R_STALE_CHECKIN, only->id.at,
                        "key result '%s' has had no check-in since its period began %ld days ago "
                        "(stale-checkin days %d)", only->id.name.ptr, gap, days);
    } else {
        struct diag *g = diag_report(l->d, R_STALE_CHECKIN, o->id.at,
                        "%zu key results of objective '%s' have no check-in in the last %d days "
                        "(stale-checkin days %d)", stale, o->id.name.ptr, days, days);
        for (size_t k = 0; g && k < o->key_results.len; k++) {
            okr_day since;
            bool ever;
            long gap = stale_days(l, o, o->key_results.items[k], &since, &ever);
            if (gap >= 0 && !((struct key_result *)o->key_results.items[k])->cut_short)
                stale_note(l, g, o->key_results.items[k], since, ever, gap);
        }
    }
}

/* ---- percent written as a fraction ---- */

static bool is_percent(str unit)
{
    return unit.len == 1 && unit.ptr[0] == '%';
}

static void fraction_in_percent(struct linter *l, const struct key_result *kr, const quantity *q,
                                const quantity *percent)
{
    if (!q->present || q->unit_index || !(q->value > 0 && q->value <= 1))
        return;
    struct diag *g = diag_report(l->d, R_PERCENT_FRACTION, q->at,
                                 "%.15g is read as %.15g%% in key result '%s'; if a fraction is "
                                 "meant, write %.15g%%", q->value, q->value, kr->id.name.ptr,
                                 q->value * 100);
    if (g)
        diag_note(l->d, g, percent->at, "this value makes the key result's unit %%");
}

/* "from 20% to 0.3": the bare 0.3 takes the unit % and asks for 0.3%. A
 * bare number in (0, 1] beside a percent value above 1 is most likely a
 * fraction written for a percentage. */
static void percent_fraction(struct linter *l, const struct key_result *kr)
{
    const quantity from = kr_from(kr), to = kr_to(kr);
    const quantity *values[] = {&from, &to, &kr_more(kr)->current, &kr_more(kr)->minimum};
    const quantity *percent = NULL;
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        if (values[i]->present && is_percent(quantity_unit(values[i])) && fabs(values[i]->value) > 1)
            percent = values[i];
    quantity checked_in;    /* a check-in's value, when that is the percent one */
    for (size_t i = 0; !percent && i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (e->value_present && is_percent(entry_unit(e)) && fabs(e->value) > 1) {
            checked_in = entry_quantity(e);
            percent = &checked_in;
        }
    }
    if (!percent)
        return;
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        fraction_in_percent(l, kr, values[i], percent);
    for (size_t i = 0; i < kr->checkins.len; i++) {
        quantity value = entry_quantity(kr->checkins.items[i]);
        fraction_in_percent(l, kr, &value, percent);
    }
}

/* ---- balance ---- */

/* The objectives of one period (equal periods form a group) and the
 * distinct perspectives they cover. */
struct period_group {
    period value;
    struct objective *tagged;   /* the first objective of this period with a perspective */
    struct vec covered;         /* struct perspective * */
};

static bool covers(const struct period_group *g, const struct perspective *p)
{
    for (size_t c = 0; c < g->covered.len; c++)
        if (g->covered.items[c] == p)
            return true;
    return false;
}

/* The objectives of one perspective by period start, with the latest end
 * of each prefix: whether one of them runs during a period is a binary
 * search, so a plan of many periods and objectives stays O(n log n). */
struct perspective_runs {
    const struct perspective *perspective;
    struct vec objectives;      /* struct objective *, by period start */
    okr_day *latest_end;
};

static int by_period_start(const void *x, const void *y, const void *ctx)
{
    (void)ctx;
    okr_day a = ((const struct objective *)x)->period.value.start;
    okr_day b = ((const struct objective *)y)->period.value.start;
    return (a > b) - (a < b);
}

static bool runs_during(const struct perspective_runs *r, period when)
{
    size_t lo = 0, hi = r->objectives.len;     /* the first that starts after `when` */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (((const struct objective *)r->objectives.items[mid])->period.value.start <= when.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && r->latest_end[lo - 1] >= when.start;
}

/* The periods of the objectives that have a perspective, in order of first
 * appearance; each covered by the perspectives of every objective that runs
 * during it (a year's objectives and its quarters' count together). */
static void group_by_period(struct linter *l, struct vec *groups)
{
    struct plan *plan = l->plan;
    struct hash *by_period = hash_new(plan->arena, 16), *by_perspective = hash_new(plan->arena, 16);
    struct vec runs = {0};
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        if (!o->period.present || !objective_more(o)->perspective)
            continue;
        const char *key = arena_printf(plan->arena, "%d:%d", (int)o->period.value.start,
                                       (int)o->period.value.end);
        struct period_group *g = hash_get(by_period, key, strlen(key));
        if (!g) {
            g = arena_alloc(plan->arena, sizeof *g);
            g->value = o->period.value;
            g->tagged = o;
            hash_put(by_period, key, strlen(key), g);
            vec_push(plan->arena, groups, g);
        }
        str name = objective_more(o)->perspective->id.name;
        struct perspective_runs *r = hash_get(by_perspective, name.ptr, name.len);
        if (!r) {
            r = arena_alloc(plan->arena, sizeof *r);
            r->perspective = objective_more(o)->perspective;
            hash_put(by_perspective, name.ptr, name.len, r);
            vec_push(plan->arena, &runs, r);
        }
        vec_push(plan->arena, &r->objectives, o);
    }
    for (size_t i = 0; i < runs.len; i++) {
        struct perspective_runs *r = runs.items[i];
        sort_stable(plan->arena, r->objectives.items, r->objectives.len, by_period_start, NULL);
        r->latest_end = arena_alloc(plan->arena, r->objectives.len * sizeof *r->latest_end);
        for (size_t k = 0; k < r->objectives.len; k++) {
            okr_day end = ((const struct objective *)r->objectives.items[k])->period.value.end;
            r->latest_end[k] = k && r->latest_end[k - 1] > end ? r->latest_end[k - 1] : end;
        }
    }
    for (size_t i = 0; i < groups->len; i++) {
        struct period_group *g = groups->items[i];
        for (size_t k = 0; k < runs.len; k++) {
            const struct perspective_runs *r = runs.items[k];
            if (runs_during(r, g->value))
                vec_push(plan->arena, &g->covered, (void *)r->perspective);
        }
    }
    hash_free(by_perspective);
    hash_free(by_period);
}

/* In each period whose objectives use perspectives, counts the distinct
 * perspectives they cover. */
static void bsc_balance(struct linter *l)
{
    struct plan *plan = l->plan;
    size_t declared = plan->perspectives.len;
    int min = param(l, P_BSC_BALANCE_MIN);
    int need = (size_t)min > declared ? (int)declared : min;
    struct vec groups = {0};
    group_by_period(l, &groups);
    for (size_t i = 0; i < groups.len; i++) {
        struct period_group *g = groups.items[i];
        if ((int)g->covered.len >= need)
            continue;
        const char *names = "", *missing = "";
        for (size_t c = 0; c < g->covered.len; c++)
            names = arena_printf(plan->arena, "%s%s%s", names, c ? ", " : "",
                                 ((struct perspective *)g->covered.items[c])->id.name.ptr);
        for (size_t p = 0, m = 0; p < declared; p++) {
            struct perspective *ps = plan->perspectives.items[p];
            if (!covers(g, ps))
                missing = arena_printf(plan->arena, "%s%s%s", missing, m++ ? ", " : "", ps->id.name.ptr);
        }
        diag_report(l->d, R_BSC_BALANCE, objective_more(g->tagged)->perspective_ref.at,
                    "the objectives running in %s cover %zu of the %zu perspectives (%s); at least %d %s "
                    "expected (bsc-balance min %d): add objectives for %s",
                    period_text(l, g->value), (size_t)g->covered.len, declared, names, need,
                    plural(need, "is", "are"), min, missing);
    }
}

/* ---- initiatives ---- */

/* Run only in a plan that has initiatives: a plan that keeps them elsewhere
 * would get one finding per key result. */
static void kr_without_initiative(struct linter *l, struct objective *o)
{
    if (o->aspirational)
        return;
    for (size_t k = 0; k < o->key_results.len; k++) {
        struct key_result *kr = o->key_results.items[k];
        /* Objectives aligned to the key result are the work on it too. */
        if (!kr->has_initiative && !kr_more(kr)->contributors.len)
            diag_report(l->d, R_KR_WITHOUT_INITIATIVE, kr->id.at,
                        "committed key result '%s' has no initiative and no objective aligned to "
                        "it, so nobody is working on it: add an initiative with 'supports %s' to "
                        "objective '%s', align a team objective to it, or make the objective "
                        "aspirational",
                        kr->id.name.ptr, kr->id.name.ptr, o->id.name.ptr);
    }
}

static void initiative_without_kr(struct linter *l, struct objective *o)
{
    for (size_t i = 0; i < o->initiatives.len; i++) {
        struct initiative *in = o->initiatives.items[i];
        if (in->n_supports == 0 && in->status != STATUS_DROPPED)
            diag_report(l->d, R_INITIATIVE_WITHOUT_KR, in->id.at,
                        "initiative '%s' supports no key result, so nothing says what it should "
                        "achieve: add 'supports KR' naming the key results of objective '%s' it "
                        "moves, or drop it",
                        in->id.name.ptr, o->id.name.ptr);
    }
}

/* ---- owners ---- */

/* One owner's running key results: how many, the latest check-in on any of
 * them (else the earliest period start), and the first, to report at. */
struct owner_activity {
    const ident *who;       /* as first seen, to report at */
    const struct key_result *first;
    struct owner_activity *next;    /* the owner met next */
    okr_day since;
    uint32_t running : 31;  /* key results: 32 bytes an owner, as a plan may have thousands */
    uint32_t checked_in : 1;
};

/* One owner (first or co-owner) of a running key result. */
static void owner_note(struct linter *l, struct owner_notes *n, const struct objective *o,
                       const struct key_result *kr, const ident *who)
{
    struct plan *plan = l->plan;
    okr_day done_on;
    if (!who->name.ptr || !o->period.present ||
        !period_contains_day(o->period.value, plan->as_of) || progress_kr_done(kr, plan->as_of, &done_on))
        return;
    struct owner_activity *a = hash_get(n->owners, who->name.ptr, who->name.len);
    if (!a) {
        a = arena_alloc(plan->arena, sizeof *a);
        a->who = who;
        a->first = kr;
        a->since = o->period.value.start;
        hash_put(n->owners, who->name.ptr, who->name.len, a);
        *n->last = a;
        n->last = &a->next;
    }
    a->running++;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        okr_day day = entry_checkin(kr->checkins.items[i])->date.value;
        if (day > plan->as_of)
            continue;
        if (!a->checked_in || day > a->since)
            a->since = day;
        a->checked_in = true;
    }
    if (!a->checked_in && o->period.value.start < a->since)
        a->since = o->period.value.start;
}

/* Owners are noted (owner_notes) as the one pass over the objectives meets
 * their key results, and reported after it, in the order first met. */

static void stale_owner_add(struct linter *l, struct owner_notes *n, const struct objective *o)
{
    for (size_t k = 0; k < o->key_results.len; k++) {
        const struct key_result *kr = o->key_results.items[k];
        owner_note(l, n, o, kr, &kr->owner);
        const struct vec *co = &kr_more(kr)->co_owners;   /* inherited with the owner */
        for (size_t c = 0; c < co->len; c++)
            owner_note(l, n, o, kr, co->items[c]);
    }
}

static void stale_owner(struct linter *l, struct owner_notes *n)
{
    struct plan *plan = l->plan;
    int days = param(l, P_STALE_OWNER_DAYS);
    for (const struct owner_activity *a = n->first; a; a = a->next) {
        long gap = (long)plan->as_of - a->since;
        if (gap <= days)
            continue;
        const struct key_result *kr = a->first;
        span at = a->who->at.src ? a->who->at : kr->objective->owner.at;
        diag_report(l->d, R_STALE_OWNER, at.src ? at : kr->id.at,
                    "@%s has %s on %s running key %s in %ld days, since %s (stale-owner days %d): "
                    "check in, or hand %s to someone who tracks %s",
                    a->who->name.ptr, a->checked_in ? "not checked in" : "had no check-in",
                    a->running == 1 ? "their" : arena_printf(plan->arena, "any of their %ld", (long)a->running),
                    plural(a->running, "result", "results"), gap, day_text(l, a->since), days,
                    plural(a->running, "it", "them"), plural(a->running, "it", "them"));
    }
    hash_free(n->owners);
}

/* ---- people ---- */

/* The declared person closest to an undeclared name, or "" — cached per
 * name, since one undeclared owner usually owns many things. */
static const char *closest_person(struct linter *l, struct hash *cache, const ident *who)
{
    struct plan *plan = l->plan;
    const char *near = hash_get(cache, who->name.ptr, who->name.len);
    if (near)
        return near;
    struct text_nearest nearest;
    text_nearest_start(&nearest, who->name.ptr, &l->suggest_budget);
    for (size_t i = 0; i < plan->people.len; i++)
        if (!text_nearest_offer(&nearest, ((const struct person *)plan->people.items[i])->id.name.ptr))
            break;
    near = nearest.best ? nearest.best : "";
    hash_put(cache, who->name.ptr, who->name.len, (void *)near);
    return near;
}

static void undeclared(struct linter *l, struct hash *cache, const ident *who)
{
    struct plan *plan = l->plan;
    if (!who->name.ptr || hash_get(plan->person_ids, who->name.ptr, who->name.len))
        return;
    const char *near = closest_person(l, cache, who);
    if (*near)
        diag_report(l->d, R_UNDECLARED_OWNER, who->at,
                    "@%s is not declared with 'person'; did you mean @%s?", who->name.ptr, near);
    else
        diag_report(l->d, R_UNDECLARED_OWNER, who->at,
                    "@%s is not declared: add 'person @%s \"Full Name\" { team TEAM }'",
                    who->name.ptr, who->name.ptr);
}

static void undeclared_all(struct linter *l, struct hash *cache, const ident *owner,
                           const struct vec *co_owners)
{
    undeclared(l, cache, owner);
    for (size_t i = 0; i < co_owners->len; i++)
        undeclared(l, cache, co_owners->items[i]);
}

static void undeclared_owners(struct linter *l)
{
    struct plan *plan = l->plan;
    /* A plan that declares nobody keeps its people elsewhere: every owner
     * would be "undeclared", and none of them a typo. */
    if (!plan->people.len)
        return;
    struct hash *cache = hash_new(plan->arena, 64);
    if (plan->decl)
        undeclared(l, cache, &plan->decl->owner);
    for (size_t i = 0; i < plan->teams.len; i++)
        undeclared(l, cache, &((struct team *)plan->teams.items[i])->lead);
    for (size_t i = 0; i < plan->objectives.len; i++) {
        struct objective *o = plan->objectives.items[i];
        undeclared_all(l, cache, &o->owner, &objective_more(o)->co_owners);
        for (size_t k = 0; k < o->key_results.len; k++) {
            struct key_result *kr = o->key_results.items[k];
            if (!kr->owner_inherited)
                undeclared_all(l, cache, &kr->owner, &kr_more(kr)->co_owners);
        }
        for (size_t k = 0; k < o->initiatives.len; k++) {
            struct initiative *in = o->initiatives.items[k];
            undeclared_all(l, cache, &in->owner, &initiative_more(in)->co_owners);
        }
    }
    for (size_t i = 0; i < plan->checkins.len; i++) {
        struct checkin *c = plan->checkins.items[i];
        undeclared_all(l, cache, checkin_by(c), checkin_co_by(c));
    }
    hash_free(cache);
}

/* ---- the plan ---- */

static void lint_key_result(struct linter *l, struct objective *o, struct key_result *kr)
{
    if (kr->cut_short)
        return;
    /* one reading of the title for the rules on it */
    bool read = on(l, R_ACTIVITY_KR) || on(l, R_VAGUE_KR);
    if (on(l, R_SMART_SPECIFIC))
        specific_title(l, "key result", &kr->id, kr->title,
                       (long)(read ? title_word_count(l->lex, kr->title)
                                   : word_count(kr->title.ptr, kr->title.len)));
    smart_measurable(l, kr);
    smart_achievable(l, o, kr);
    struct title_finding activity;
    bool work = read && title_activity(l->lex, kr->title, measures_level(kr), &activity);
    if (work && on(l, R_ACTIVITY_KR))
        activity_kr(l, kr, &activity);
    if (on(l, R_VAGUE_KR))
        vague_kr(l, kr, work);
    if (on(l, R_COMPOUND_KR))
        compound_kr(l, kr);
    missing_owner(l, o, kr);
    missing_baseline(l, kr);
    checkin_outside_period(l, o, kr);
    percent_fraction(l, kr);
    done_late(l, o, kr);
    placeholder(l, o, kr);
}

struct linter *lint_start(struct plan *plan)
{
    struct linter *l = arena_alloc(plan->arena, sizeof *l);
    *l = (struct linter){.plan = plan, .d = plan->diags, .suggest_budget = TEXT_DISTANCE_BUDGET};
    if (on(l, R_ACTIVITY_KR) || on(l, R_VAGUE_KR) || on(l, R_COMPOUND_KR))
        l->lex = title_lexicon_new(plan->arena, &plan->lexicons);
    for (size_t i = 0; i < plan->objectives.len && !l->has_initiatives; i++)
        l->has_initiatives = ((struct objective *)plan->objectives.items[i])->initiatives.len > 0;
    if (on(l, R_OBJECTIVE_COUNT))
        objective_count_start(l, &l->counts);
    if (on(l, R_STALE_OWNER)) {
        l->owners.owners = hash_new(plan->arena, 64);
        l->owners.last = &l->owners.first;
    }
    return l;
}

void lint_objective(struct linter *l, struct objective *o)
{
    /* every objective counts, and every owner's key results */
    if (on(l, R_OBJECTIVE_COUNT))
        objective_count_add(l, &l->counts, o);
    if (on(l, R_STALE_OWNER))
        stale_owner_add(l, &l->owners, o);
    /* Recovery cut it short: its syntax errors say what is wrong, and
     * what a rule would say of the rest are echoes of them. */
    if (o->cut_short)
        return;
    kr_count(l, o);
    initiative_count(l, o);
    if (on(l, R_SMART_SPECIFIC))
        specific_title(l, "objective", &o->id, o->title, (long)word_count(o->title.ptr, o->title.len));
    smart_relevant(l, o);
    smart_time_bound(l, o);
    period_mismatch(l, o);
    if (o->period.present)
        entries_outside_period(l, o, &objective_more(o)->grades);
    for (size_t k = 0; k < o->key_results.len; k++)
        lint_key_result(l, o, o->key_results.items[k]);
    stale_checkins(l, o);
    if (l->has_initiatives && on(l, R_KR_WITHOUT_INITIATIVE))
        kr_without_initiative(l, o);
    if (on(l, R_INITIATIVE_WITHOUT_KR))
        initiative_without_kr(l, o);
}

void lint_finish(struct linter *l)
{
    if (on(l, R_STALE_OWNER))
        stale_owner(l, &l->owners);
    if (on(l, R_OBJECTIVE_COUNT))
        objective_count(l, &l->counts);
    if (on(l, R_BSC_BALANCE))
        bsc_balance(l);
    if (on(l, R_UNDECLARED_OWNER))
        undeclared_owners(l);
    title_lexicon_free(l->lex);
}
