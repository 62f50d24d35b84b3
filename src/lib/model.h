/* model.h — the plan model: what the parser builds (build.c), the resolver
 * links (resolve.c) and progress.c scores, and what every emitter reads.
 * Types only; each phase's functions are in its own header. */
#ifndef OKRC_MODEL_H
#define OKRC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

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
    PROGRESS_OFF_TRACK, PROGRESS_DONE, PROGRESS_ACHIEVED, PROGRESS_MISSED
};
struct progress {
    bool has_value;         /* a check-in on or before as-of, or `current`, counts */
    double value;           /* key results: the value as of the date */
    double score;           /* in [0, 1] */
    double expected;        /* fraction of the period elapsed */
    enum progress_status status;
    int confidence;         /* latest confidence, 0 when none */
    /* Key results only (progress.c, SPEC §4 and docs/report.md). */
    double raw;             /* unclamped (value - from) / (to - from) */
    size_t checkins_counted;    /* check-ins dated on or before as-of */
    okr_day last_checkin;       /* date of the latest of them, when counted */
    bool has_previous;          /* a value before the latest check-in */
    double previous, change;    /* that value, and value - previous */
    double remaining;           /* distance still to go to the target, >= 0 */
    bool below_minimum;         /* the value falls short of `minimum` */
    bool has_forecast;          /* >= 2 check-ins on distinct days */
    double forecast;            /* least-squares value at the period end */
    double forecast_score;
    enum progress_status forecast_status;   /* achieved or missed */
};

enum grade { GRADE_RED, GRADE_YELLOW, GRADE_GREEN };

/* ---- the plan model (build.c fills it, resolve.c links it) ---- */
typedef struct {
    str name;
    span at;
} ident;                    /* a name as written, with where */

typedef struct {
    double value;
    str unit;               /* empty when unitless */
    span at;
    bool present;
} quantity;

typedef struct {
    period value;
    span at;
    bool present;
} period_item;

typedef struct {
    okr_day value;
    span at;
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
};

struct team {
    ident id;
    str title;
    span at;
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

enum metric_kind { METRIC_NONE, METRIC_RANGE, METRIC_TARGET, METRIC_KEEP_GE,
                   METRIC_KEEP_LE, METRIC_MILESTONE };

struct key_result {
    ident id;               /* first: resolve.c reads members by their ident */
    str title;
    span at;
    struct objective *objective;
    enum metric_kind metric;
    span metric_at;
    quantity from, to;      /* METRIC_TARGET: from is 0 in to's unit; KEEP: to is the threshold */
    quantity current;
    bool current_done;
    quantity minimum;
    ident owner;            /* resolve.c fills it from the objective when absent */
    bool owner_inherited;
    date_item due;          /* resolve.c fills it from the objective's period end */
    bool due_inherited;
    number_item weight, confidence;
    text_item note;
    struct vec checkins;    /* struct checkin_entry *, in check-in date order */
    struct progress progress;
};

enum initiative_status { STATUS_PLANNED, STATUS_ACTIVE, STATUS_DONE, STATUS_DROPPED };

struct initiative {
    ident id;               /* first, as in key_result */
    str title;
    span at;
    struct objective *objective;
    ident owner;
    struct vec supports;    /* ident * */
    struct vec supported;   /* struct key_result *, resolved */
    enum initiative_status status;
    span status_at;
    date_item due;
};

struct objective {
    size_t seq;             /* position in plan->objectives */
    ident id;
    str title;
    span at;
    ident owner, team_ref, perspective_ref;
    struct team *team;
    struct perspective *perspective;
    period_item period;     /* resolve.c fills it from the plan when absent */
    bool period_inherited;
    bool aspirational;
    span kind_at;
    struct vec aligns;      /* ident * as written */
    struct vec aligned_to;  /* struct objective *, resolved */
    text_item why, note;
    struct vec risks;       /* text_item * */
    struct vec key_results; /* struct key_result * */
    struct vec initiatives; /* struct initiative * */
    struct progress progress;
};

struct checkin_entry {
    struct checkin *checkin;
    ident obj_ref, kr_ref;
    span ref_at;
    struct key_result *kr;
    quantity value;
    bool done;
    number_item confidence;
    text_item note;
};

struct checkin {
    date_item date;
    span at;
    ident by;
    struct vec entries;     /* struct checkin_entry * */
};

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
               lexicons, uses;
    /* resolve.c */
    struct hash *team_ids, *person_ids, *perspective_ids, *objective_ids,
                *initiative_ids;    /* initiatives by "objective.initiative" */
};

#endif
