/* model.h — the plan model: what the parser builds (build.c), the resolver
 * links (resolve.c) and progress.c scores, and what every emitter reads.
 * Types only; each phase's functions are in its own header. */
#ifndef OKRC_MODEL_H
#define OKRC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/arena.h"
#include "lib/date.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

struct diag_ctx;
struct hash;

/* ---- progress (progress.c fills it, SPEC §4) ---- */
enum progress_status {
    PROGRESS_NO_DATA, PROGRESS_NOT_STARTED, PROGRESS_ON_TRACK, PROGRESS_AT_RISK,
    PROGRESS_OFF_TRACK, PROGRESS_DONE, PROGRESS_ACHIEVED, PROGRESS_MISSED, PROGRESS_DROPPED
};
struct progress {
    /* Doubles first, then the small fields together: a plan holds one of
     * these per objective and key result, and padding was a fifth of it. */
    double value;           /* key results: the value as of the date */
    double score;           /* in [0, 1] */
    double expected;        /* fraction of the period elapsed */
    /* Key results only (progress.c, SPEC §4 and docs/report.md). */
    double raw;             /* unclamped (value - from) / (to - from) */
    double from, to;        /* the baseline and target in effect, when bounds_known: a
                               `?` baseline is the first counted check-in (SPEC §2.4) */
    uint32_t checkins_counted;  /* check-ins dated on or before as-of (a vec's count) */
    double previous, change;    /* the value before the latest check-in, when
                                   has_previous, and value - previous */
    double remaining;           /* distance still to go to the target, >= 0 */
    double forecast;            /* least-squares value at the period end, when has_forecast */
    double forecast_score;
    /* Judgments (check-in entries `grade G` and `= dropped`, SPEC §2.4). */
    double computed_score;      /* the score from values alone, beside a grade */
    double grade;               /* its value as written (0.94; 94% is 0.94), when graded */
    enum progress_status status;
    enum progress_status forecast_status;   /* achieved or missed */
    int confidence;             /* latest confidence, 0 when none */
    okr_day last_checkin;       /* date of the latest counted check-in */
    okr_day done_on;            /* the date of the `done` check-in (0 for `current done`) */
    /* One bit each: with the count in 32 bits, 136 bytes, not 144. */
    bool has_value : 1;     /* a check-in on or before as-of, or `current`, counts */
    bool bounds_known : 1;  /* from and to are known (no `?` left) */
    bool has_previous : 1;  /* a value before the latest check-in */
    bool below_minimum : 1; /* the value falls short of `minimum` */
    bool has_forecast : 1;  /* >= 2 check-ins on distinct days */
    bool graded : 1;        /* a grade dated on or before as-of counts */
    bool dropped : 1;       /* key results: dropped on or before as-of */
    bool done_late : 1;     /* milestones: done after the due date */
    bool done : 1;          /* a `done` check-in on or before as-of, or `current done` */
};

enum grade { GRADE_RED, GRADE_YELLOW, GRADE_GREEN, GRADE_GREY };

/* ---- the plan model (build.c fills it, resolve.c links it) ---- */
typedef struct {
    str name;
    span at;
} ident;                    /* a name as written, with where */

/* Where in an item something of its own is written (its block, head to
 * closing brace; a key result's metric; an objective's kind), as two
 * offsets into the source of the item's head: 8 bytes, not a span's 16,
 * as a plan holds one for every objective, key result, initiative and
 * check-in. */
struct item_at {
    uint32_t start, end;    /* both 0: not written, or not known (a block cut short) */
};

/* The span of part of the item whose head is at; one without a source
 * when there is none. */
static inline span item_span(span at, struct item_at part)
{
    return part.end ? (span){at.src, part.start, part.end} : (span){NULL, 0, 0};
}

/* A quantity's unit is an index into its source's table of units
 * (quantity_unit gives its text): 32 bytes, not 48 with the text's
 * pointer and length beside it. */
typedef struct {
    double value;
    span at;
    bool present;
    bool unknown;           /* `?`: not present, to be measured (SPEC §2.4) */
    uint32_t unit_index;    /* 1 + the unit's index in at.src's units; 0: unitless */
} quantity;

/* The unit as written ("" when unitless). */
static inline str quantity_unit(const quantity *q)
{
    if (!q->unit_index)
        return (str){"", 0};
    const char *unit = q->at.src->units.items[q->unit_index - 1];
    return (str){unit, strlen(unit)};
}

struct named_period {
    ident id;
    str title;              /* empty when none */
    period value;
    bool valid;
    span at;
};

/* `period NAME` (few objectives have one): behind a pointer, 40 bytes of
 * every objective otherwise. */
struct period_name {
    ident ref;              /* NAME as written */
    const struct named_period *named;   /* resolved from ref */
};

typedef struct {
    period value;
    span at;
    bool present;
    struct period_name *name;   /* `period NAME`: resolve.c fills value from it; NULL: none */
} period_item;

/* The named period an item's period is, NULL when it is written as dates. */
static inline const struct named_period *period_named(const period_item *p)
{
    return p->name ? p->name->named : NULL;
}

typedef struct {
    span at;
    okr_day value;          /* after the span: 24 bytes, not 32 */
    bool present;
} date_item;

typedef struct {
    str text;
    span at;
    bool present;
} text_item;

typedef struct {
    double value;
    span at;
    bool present;
} number_item;

struct team;
struct person;
struct objective;
struct key_result;

struct plan_decl {
    str title;
    span at;
    ident owner;
    period_item period;
    bool aspirational;      /* the default kind of its objectives */
    struct item_at kind_at; /* committed or aspirational, when written */
};

struct team {
    ident id;
    str title;
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    ident parent_ref, lead;
    struct team *parent;
    size_t seq;             /* position in plan->teams */
};

struct person {
    ident id;               /* without the '@' */
    str name;
    span at;
    ident team_ref;
    struct team *team;
};

struct perspective {
    ident id;
    str title;
    span at;
};

/* A key result's baseline or target: a quantity whose place is two
 * offsets into the source of its key result's head (item_span), 24 bytes,
 * not a quantity's 32 with the source's pointer again (kr_from, kr_to). */
struct kr_bound {
    double value;
    struct item_at at;
    uint32_t unit_index;    /* as a quantity's */
    bool present;
    bool unknown;
};

static inline struct kr_bound kr_bound_of(quantity q)
{
    return (struct kr_bound){q.value, {q.at.start, q.at.src ? q.at.end : 0}, q.unit_index, q.present,
                             q.unknown};
}

enum metric_kind { METRIC_NONE, METRIC_RANGE, METRIC_TARGET, METRIC_KEEP_GE,
                   METRIC_KEEP_LE, METRIC_MILESTONE, METRIC_KEEP_GT, METRIC_KEEP_LT,
                   METRIC_ROLLUP };     /* rollup: the average of what aligns to it */

/* What few key results have: read through kr_more(), which gives an empty
 * one for a key result without; built through kr_more_for(). A plan holds
 * more key results than anything but check-ins, and these were a third of
 * each. */
struct kr_more {
    quantity current;
    quantity minimum;
    double relative_pct;    /* `by +25%`, when the key result is relative */
    number_item weight, confidence;
    text_item note;
    struct vec co_owners;   /* ident *: the owners after the first (`owner @a, @b`) */
    struct vec judgments;   /* struct checkin_entry * (grades, drops), in date order */
    struct vec tags;        /* ident *: `tags #a #b`, without the '#' */
    span dropped_at;        /* the item `dropped`, when given */
    struct vec contributors;    /* struct objective *: those that align to this KR */
    date_item due;          /* `due D` as written; kr_due() gives the one in effect */
};

struct key_result {
    ident id;               /* first: resolve.c reads members by their ident */
    str title;
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    struct objective *objective;
    enum metric_kind metric;
    bool cut_short : 1;     /* a syntax error inside its block: lint leaves it */
    bool relative : 1;      /* `by +25%`: to is from changed by more->relative_pct */
    bool current_done : 1;
    bool owner_inherited : 1;
    bool has_initiative : 1;    /* an initiative of its objective supports it (resolve.c) */
    struct item_at metric_at;
    /* METRIC_TARGET: from is 0 in to's unit; KEEP: to is the threshold.
     * kr_from and kr_to give them as quantities. */
    struct kr_bound from, to;
    ident owner;            /* resolve.c fills it from the objective when absent */
    struct kr_more *more;   /* NULL when it has none of those */
    struct vec checkins;    /* struct checkin_entry *, in check-in date order */
    struct progress *progress;  /* NULL until progress_compute: check does without */
};

static inline quantity kr_bound_quantity(const struct key_result *kr, const struct kr_bound *b)
{
    return (quantity){b->value, item_span(kr->at, b->at), b->present, b->unknown, b->unit_index};
}

/* A baseline's or target's unit as written ("" when unitless). */
static inline str kr_bound_unit(const struct key_result *kr, const struct kr_bound *b)
{
    if (!b->unit_index)
        return (str){"", 0};
    const char *unit = kr->at.src->units.items[b->unit_index - 1];
    return (str){unit, strlen(unit)};
}

/* The baseline and the target as quantities, with their spans. */
static inline quantity kr_from(const struct key_result *kr)
{
    return kr_bound_quantity(kr, &kr->from);
}

static inline quantity kr_to(const struct key_result *kr)
{
    return kr_bound_quantity(kr, &kr->to);
}

static inline const struct kr_more *kr_more(const struct key_result *kr)
{
    static const struct kr_more none;
    return kr->more ? kr->more : &none;
}

static inline struct kr_more *kr_more_for(struct arena *a, struct key_result *kr)
{
    if (!kr->more)
        kr->more = arena_alloc(a, sizeof *kr->more);
    return kr->more;
}

enum initiative_status { STATUS_PLANNED, STATUS_ACTIVE, STATUS_DONE, STATUS_DROPPED, STATUS_BLOCKED,
                         STATUS_COUNT };
/* The one list of the status words, as written and shown. */
static inline const char *initiative_status_name(enum initiative_status s)
{
    static const char *const names[STATUS_COUNT] = {"planned", "active", "done", "dropped", "blocked"};
    return names[s];
}

/* What few initiatives have, as kr_more is for key results: read through
 * initiative_more(), built through initiative_more_for(). */
struct initiative_more {
    struct vec co_owners;   /* ident *, as in key_result */
    struct vec tags;        /* ident *: `tags #a #b`, without the '#' */
    date_item due;
    span status_at;         /* `status S`, when given */
};

struct initiative {
    ident id;               /* first, as in key_result */
    str title;
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    struct objective *objective;
    ident owner;
    /* the key results of `supports KR, ...` as written, side by side (build.c
     * lays them down when the initiative ends) */
    ident *supports;
    uint32_t n_supports;
    enum initiative_status status;
    struct vec supported;   /* struct key_result *, resolved */
    struct initiative_more *more;   /* NULL when it has none of those */
};

static inline const struct initiative_more *initiative_more(const struct initiative *in)
{
    static const struct initiative_more none;
    return in->more ? in->more : &none;
}

static inline struct initiative_more *initiative_more_for(struct arena *a, struct initiative *in)
{
    if (!in->more)
        in->more = arena_alloc(a, sizeof *in->more);
    return in->more;
}

/* What few objectives have, as kr_more is for key results: read through
 * objective_more(), built through objective_more_for(). */
struct objective_more {
    ident perspective_ref;
    struct perspective *perspective;    /* resolved from perspective_ref */
    struct vec co_owners;   /* ident *, as in key_result */
    struct vec co_team_refs;    /* ident *: the teams after the first (`team a, b`) */
    struct vec co_teams;        /* struct team *, resolved from co_team_refs */
    struct vec tags;            /* ident *: `tags #a #b`, without the '#' */
    span rollup_at;         /* `rollup`: scored from its KRs and its contributors too */
    text_item why, note;
    struct vec risks;       /* text_item * */
    struct vec grades;      /* struct checkin_entry *: `OBJ grade G`, in date order */
};

struct objective {
    ident id;
    str title;              /* resolve.c derives it for an untitled objective */
    uint32_t seq;           /* position in plan->objectives (a vec's count: 32 bits) */
    bool title_derived;
    bool cut_short;         /* a syntax error inside its block: lint leaves it */
    bool period_inherited;
    bool aspirational;
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    ident owner, team_ref;
    struct team *team;
    struct objective_more *more;    /* NULL when it has none of those */
    period_item period;     /* resolve.c fills it from the plan when absent */
    struct item_at kind_at; /* committed or aspirational, when written */
    struct vec aligns;      /* ident * as written: the objective of `aligns OBJ[.KR]` */
    struct vec align_krs;   /* ident * or NULL, beside aligns: the KR of `aligns OBJ.KR` */
    struct vec aligned_to;  /* struct objective *, resolved */
    struct vec aligned_krs; /* struct key_result * or NULL, beside aligned_to */
    struct vec contributors;    /* struct objective *: those aligned to it as a whole */
    struct vec key_results; /* struct key_result * */
    struct vec initiatives; /* struct initiative * */
    struct progress *progress;  /* as in key_result */
};

static inline const struct objective_more *objective_more(const struct objective *o)
{
    static const struct objective_more none;
    return o->more ? o->more : &none;
}

static inline struct objective_more *objective_more_for(struct arena *a, struct objective *o)
{
    if (!o->more)
        o->more = arena_alloc(a, sizeof *o->more);
    return o->more;
}

/* Whether a key result's due date is its objective's period end, as it is
 * without a `due` of its own (SPEC §2.2). */
static inline bool kr_due_inherited(const struct key_result *kr)
{
    return !kr_more(kr)->due.at.src && kr->objective->period.present;
}

/* The due date in effect: the key result's own, else its objective's
 * period end (where that period is written: the period's span). Worked out
 * where it is read, not stored: most key results have none of their own. */
static inline date_item kr_due(const struct key_result *kr)
{
    if (kr_due_inherited(kr))
        return (date_item){.value = kr->objective->period.value.end,
                           .at = kr->objective->period.at, .present = true};
    return kr_more(kr)->due;
}

/* What few check-ins have: who checked in (`by @a, @b`), read through
 * checkin_by and checkin_co_by, which give an empty one without; and the
 * grades and notes of its entries (entry_grade, entry_note). */
struct checkin_more {
    ident by;
    struct vec co_by;       /* ident *: the people after the first */
    struct vec entry_more;  /* struct entry_more *, by their entry's address once the
                             * check-in is parsed (build.c sorts it) */
};

struct checkin {
    struct {
        okr_day value;
        struct item_at at;  /* where it is written (item_span with the check-in's at):
                             * 56 bytes a check-in, not 72 with a span and a flag */
    } date;
    uint32_t n_entries : 31;    /* of entries */
    uint32_t date_present : 1;  /* date.value is a date written in full and valid */
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    struct checkin_more *more;  /* NULL when it has none of those */
    /* Its entries side by side, in the order written: a plan holds more
     * of these than of anything, and a list of pointers to them was 8
     * bytes more each (build.c lays them down when the check-in ends). */
    struct checkin_entry *entries;
};

static inline const ident *checkin_by(const struct checkin *c)
{
    static const ident none;
    return c->more ? &c->more->by : &none;
}

static inline const struct vec *checkin_co_by(const struct checkin *c)
{
    static const struct vec none;
    return c->more ? &c->more->co_by : &none;
}

/* Where an entry's parts are written and its confidence and unit, whole:
 * what entry_at gives, from the entry's short forms or, for the few that
 * do not fit them, from its entry_more (`wide`). Offsets are 0 where a
 * part is not written. */
struct entry_at {
    uint32_t ref_start, ref_end;
    uint32_t value_start, value_end;
    uint32_t confidence_start, confidence_end;
    uint32_t unit;          /* 1 + its index in the source's units; 0: none */
    double confidence;
};

/* What few check-in entries have: a grade (judgments only), a note, and
 * where it is written when the entry's short forms cannot say it (`wide`);
 * kept by their check-in (checkin_more), not behind a pointer of each
 * entry's. */
struct entry_more {
    const struct checkin_entry *entry;
    number_item grade;      /* present for grades */
    text_item note;
    struct entry_at at;     /* when the entry is wide */
};

/* The largest offsets, lengths, unit index and confidence an entry keeps
 * in its short forms (the reference's start from its check-in's, a
 * value's and a confidence's from the reference's); beyond, it is wide. */
enum { ENTRY_SHORT_MAX = UINT16_MAX, ENTRY_FROM_REF_MAX = UINT8_MAX, ENTRY_CONFIDENCE_LEN_MAX = 31,
       ENTRY_UNIT_MAX = UINT8_MAX, ENTRY_CONFIDENCE_MAX = UINT8_MAX };

/* One line of a check-in: a value (`OBJ.KR = Q`, `= done`) or a judgment
 * (`OBJ.KR = dropped`, `OBJ.KR grade G`, `OBJ grade G`: no KR). A plan holds
 * more of these than of anything else, so they are kept small, 32 bytes:
 * an entry finds its check-in from its place among the check-in's entries
 * (entry_checkin: they lie side by side after their check-in's pointer),
 * what few have (a grade, a note) their check-in keeps (`has_more`; read
 * through entry_grade, entry_note, built through entry_more_for); where the
 * reference, value and confidence are written are short forms (the
 * reference's start from its check-in's in 16 bits, the value's and the
 * confidence's from the reference's in 8), beside a confidence and a unit
 * index in 8 (a confidence is a whole number from 1 to 10), and an entry
 * whose parts do not fit them (a comment of 256 bytes between them, a 256th
 * unit, confidence 0.7) keeps them whole in its entry_more (`wide`): read
 * all of them through entry_at, or entry_quantity, entry_confidence,
 * entry_ref_at and entry_unit. The reference (one token, "OBJ.KR" or "OBJ")
 * is read from the source text (entry_obj_ref, entry_kr_ref), so that
 * their names end where the ident ends, not in a NUL; resolve, which reads
 * every one, reads a copy instead (`ref`), as the text may have gone back
 * to the page cache (source_hand_back). 128 bytes once, with a quantity, a
 * number_item and a span. */
struct checkin_entry {
    union {
        /* OBJ.KR (or OBJ) as written, a copy in plan->until_resolved, until
         * resolve links the entry to its key result: resolve reads no
         * source text, which may have gone back to the page cache */
        const char *ref;
        struct key_result *kr;  /* after resolve; NULL when unknown or for `OBJ grade G` */
    };
    double value;
    uint32_t index;               /* its place among its check-in's entries (entry_checkin) */
    uint16_t short_ref_start;     /* from its check-in's start */
    uint16_t short_ref_len;
    uint16_t short_value_len;     /* 0: not written */
    uint8_t short_value_from, short_confidence_from;  /* from the reference's start */
    uint8_t short_confidence;     /* its value, when confidence_present and not wide */
    uint8_t short_unit;           /* the value's: 1 + its index in the source's units; 0: none */
    bool value_present : 1;
    bool value_unknown : 1;     /* `?` (an error in a check-in, reported by build.c) */
    bool confidence_present : 1;
    bool has_kr : 1;
    bool judgment : 1;      /* a grade or a drop, not a value */
    bool dropped : 1;
    bool done : 1;
    bool not_done : 1;      /* `= not done`: a milestone checked in, not done yet */
    bool no_value : 1;      /* `OBJ.KR confidence N`: a confidence alone, the value unchanged */
    bool has_more : 1;      /* a grade, a note or wide: in its check-in's entry_more */
    bool wide : 1;          /* where it is written is in its entry_more, not here */
    unsigned short_confidence_len : 5;    /* 0: no confidence written */
};

_Static_assert(sizeof(struct checkin_entry) <= 32, "a check-in entry is kept to 32 bytes");

/* A check-in's entries in memory: its pointer, then them (c->entries is
 * `at`). */
struct checkin_entries {
    struct checkin *checkin;
    struct checkin_entry at[];
};

static inline struct checkin *entry_checkin(const struct checkin_entry *e)
{
    const char *first = (const char *)(e - e->index);
    return ((const struct checkin_entries *)(first - offsetof(struct checkin_entries, at)))->checkin;
}

static inline const struct entry_more *entry_more(const struct checkin_entry *e);

/* Where e's parts are written, its confidence and its unit, whole. */
static inline struct entry_at entry_at(const struct checkin_entry *e)
{
    if (e->wide)
        return entry_more(e)->at;
    uint32_t r = entry_checkin(e)->at.start + e->short_ref_start, value = r + e->short_value_from,
             confidence = r + e->short_confidence_from;
    return (struct entry_at){
        r, r + e->short_ref_len,
        e->short_value_len ? value : 0, e->short_value_len ? value + e->short_value_len : 0,
        e->short_confidence_len ? confidence : 0,
        e->short_confidence_len ? confidence + e->short_confidence_len : 0,
        e->short_unit, e->short_confidence};
}

/* Its confidence as written (0 when none). */
static inline double entry_confidence_value(const struct checkin_entry *e)
{
    return e->wide ? entry_more(e)->at.confidence : e->short_confidence;
}

static inline span entry_span(const struct checkin_entry *e, uint32_t start, uint32_t end)
{
    return (span){entry_checkin(e)->at.src, start, end};
}

/* OBJ.KR (or OBJ) as written. */
static inline span entry_ref_at(const struct checkin_entry *e)
{
    struct entry_at at = entry_at(e);
    return entry_span(e, at.ref_start, at.ref_end);
}

/* The value's unit, empty when none. */
static inline str entry_unit(const struct checkin_entry *e)
{
    uint32_t unit = entry_at(e).unit;
    if (!unit)
        return (str){"", 0};
    const char *text = entry_checkin(e)->at.src->units.items[unit - 1];
    return (str){text, strlen(text)};
}

/* The value as a quantity (present false for a judgment or a confidence alone). */
static inline quantity entry_quantity(const struct checkin_entry *e)
{
    struct entry_at at = entry_at(e);
    return (quantity){e->value, entry_span(e, at.value_start, at.value_end), e->value_present,
                      e->value_unknown, at.unit};
}

static inline number_item entry_confidence(const struct checkin_entry *e)
{
    struct entry_at at = entry_at(e);
    return (number_item){at.confidence, entry_span(e, at.confidence_start, at.confidence_end),
                         e->confidence_present};
}

/* "OBJ.KR" (or "OBJ") as written: the reference's bytes of the source. */
static inline const char *entry_ref_text(const struct checkin_entry *e)
{
    return entry_checkin(e)->at.src->text + entry_at(e).ref_start;
}

/* The objective and key result of an entry's reference, named from text,
 * its bytes: the source's (entry_ref_text), or the copy resolve reads
 * (`ref`). kr is an empty ident (no name) for `OBJ grade G`. */
static inline void entry_split_ref(const struct checkin_entry *e, const char *text, ident *obj,
                                   ident *kr)
{
    struct entry_at at = entry_at(e);
    uint32_t len = at.ref_end - at.ref_start;
    const char *dot = e->has_kr ? memchr(text, '.', len) : NULL;
    uint32_t obj_len = dot ? (uint32_t)(dot - text) : len;
    *obj = (ident){{text, obj_len}, entry_span(e, at.ref_start, at.ref_start + obj_len)};
    *kr = dot ? (ident){{dot + 1, len - obj_len - 1}, entry_span(e, at.ref_start + obj_len + 1, at.ref_end)}
              : (ident){{NULL, 0}, {NULL, 0, 0}};
}

/* The objective of an entry's reference, as an ident of its own. */
static inline ident entry_obj_ref(const struct checkin_entry *e)
{
    ident obj, kr;
    entry_split_ref(e, entry_ref_text(e), &obj, &kr);
    return obj;
}

/* Its key result; an empty ident (no name) for `OBJ grade G`. */
static inline ident entry_kr_ref(const struct checkin_entry *e)
{
    ident obj, kr;
    entry_split_ref(e, entry_ref_text(e), &obj, &kr);
    return kr;
}

/* Where e's grade and note are in its check-in's list (by address: a
 * binary search), or where they would go. */
static inline size_t entry_more_at(const struct vec *list, const struct checkin_entry *e)
{
    size_t lo = 0, hi = list->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct entry_more *m = list->items[mid];
        if ((uintptr_t)m->entry < (uintptr_t)e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static inline const struct entry_more *entry_more(const struct checkin_entry *e)
{
    static const struct entry_more none;
    if (!e->has_more)
        return &none;
    const struct vec *list = &entry_checkin(e)->more->entry_more;
    size_t at = entry_more_at(list, e);
    return at < list->len && ((const struct entry_more *)list->items[at])->entry == e ? list->items[at]
                                                                                     : &none;
}

static inline const number_item *entry_grade(const struct checkin_entry *e)
{
    return &entry_more(e)->grade;
}

static inline const text_item *entry_note(const struct checkin_entry *e)
{
    return &entry_more(e)->note;
}

static inline struct checkin_more *checkin_more_for(struct arena *a, struct checkin *c)
{
    if (!c->more)
        c->more = arena_alloc(a, sizeof *c->more);
    return c->more;
}

/* While its check-in is parsed (build.c): the entry being built is the
 * last with a grade or a note, and the list is sorted when the check-in
 * ends. */
static inline struct entry_more *entry_more_for(struct arena *a, struct checkin_entry *e)
{
    struct vec *list = &checkin_more_for(a, entry_checkin(e))->entry_more;
    for (size_t k = list->len; e->has_more && k-- > 0;)
        if (((struct entry_more *)list->items[k])->entry == e)
            return list->items[k];
    struct entry_more *m = arena_alloc(a, sizeof *m);
    m->entry = e;
    vec_push(a, list, m);
    e->has_more = true;
    return m;
}

/* Asks the processor for the memory of objectives[i + 1] while its caller
 * works on objectives[i]: a walk over every objective after the parse
 * (resolve, the checks and rules, scores, the attention list, the JSON
 * report) otherwise waits on a cache miss at most of its items (progress
 * on 10,000 objectives: 7.0 -> 3.9 ms; docs/performance.md, item 76).
 * The arena lays an objective down before all that is written inside it
 * and up to the next one (its key results, initiatives and names, and the
 * check-ins that follow it in the file), so in a plan read in order the
 * bytes from one objective to the next are that objective's: those are
 * fetched, up to 16 KiB; elsewhere, the first 512 bytes. A prefetch reads
 * nothing and cannot fault: a plan laid out otherwise only wastes a few. */
static inline void objective_prefetch_next(const struct vec *objectives, size_t i)
{
    if (i + 1 >= objectives->len)
        return;
    uintptr_t from = (uintptr_t)objectives->items[i + 1];
    uintptr_t to = i + 2 < objectives->len ? (uintptr_t)objectives->items[i + 2] : 0;
    if (to <= from || to - from > 16384)
        to = from + 512;
    for (uintptr_t at = from; at < to; at += 64)
        __builtin_prefetch((const void *)at);
}

struct rule_setting {
    ident rule;             /* the rule name as written */
    enum rule_id id;
    bool known;
    bool has_severity;
    enum severity severity;
    span severity_at;
    struct vec params;      /* struct rule_param * */
};
struct rule_param {
    ident name;
    number_item value;
};
struct rules_block {
    span at;
    struct item_at block;   /* head to closing brace (item_span) */
    struct vec settings;    /* struct rule_setting * */
};

/* The lists of a lexicon block (docs/rules.md, "Lexicons"): `activity`
 * verb forms, `outcome` words that make a title a result, `noun` words that
 * look like verbs, `measure` nouns that name what is counted, `vague` words
 * of change without an amount. */
enum lexicon_kind { LEX_ACTIVITY, LEX_OUTCOME, LEX_NOUN, LEX_MEASURE, LEX_VAGUE, LEX_KINDS };
struct lexicon {
    ident id;
    span at;
    struct vec words[LEX_KINDS];    /* text_item *, per kind */
};

struct use_decl {
    str path;
    span at;
    struct source *from;
    struct source *target;  /* NULL when not found */
};

struct plan {
    struct arena *arena;
    struct diag_ctx *diags;
    okr_day as_of;          /* --as-of, or today */
    struct vec sources;     /* struct source *, load order */
    struct plan_decl *decl; /* the first `plan` declaration, if any */
    struct vec teams, people, perspectives, objectives, checkins, rules_blocks,
               lexicons, uses, periods;    /* periods: struct named_period * */
    /* resolve.c */
    struct hash *team_ids, *person_ids, *perspective_ids, *objective_ids, *period_ids;
    /* What the parse keeps for resolve alone (check-in references), freed
     * once resolve is done (resolve_plan). */
    struct arena until_resolved;
};

#endif
