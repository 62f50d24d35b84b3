/* okrc.h — the plan model and what each phase exports.
 *
 * Data flows one way:
 *   load (source.c, load.c) → scan/parse (grammar/) → build.c → resolve.c
 *   → check.c → progress → emitters.
 * Every phase takes the plan and adds to it; none reaches back into the parser.
 */
#ifndef OKRC_H
#define OKRC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define OKRC_VERSION "0.1.0"

/* ---- arena.c: memory for one run, released once at the end ---- */
struct arena_block;
struct arena {
    struct arena_block *head;
};
void *arena_alloc(struct arena *a, size_t size);         /* zeroed */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);

/* A growable array of pointers whose storage lives in the arena. */
struct vec {
    void **items;
    size_t len, cap;
};
void vec_push(struct arena *a, struct vec *v, void *item);

/* Text with its length; always NUL-terminated too, and never holds a NUL
 * (the scanner rejects NUL bytes and \u{0}). */
typedef struct {
    const char *ptr;
    size_t len;
} str;

/* ---- source.c: one loaded file and byte-offset spans into it ---- */
struct comment {
    uint32_t start, end;    /* byte offsets of '#' and of the end of line */
    struct comment *next;
};

struct source {
    const char *path;       /* as the user or the importer wrote it */
    const char *dir;        /* directory for resolving "./" imports */
    char *text;             /* contents (BOM removed), two NUL bytes after; malloc'd */
    size_t len;
    int index;              /* load order, for sorting diagnostics */
    struct arena *arena;
    uint32_t *line_starts;  /* computed on first use */
    size_t line_count;
    struct comment *comments, *comments_tail; /* in source order, for fmt */
};

/* A span is two byte offsets into one source; line and column (in code
 * points) are worked out only when a message is rendered. */
typedef struct {
    const struct source *src;
    uint32_t start, end;
} span;

struct position {
    int line, column;       /* 1-based; column counts code points */
};
struct position source_position(struct source *src, uint32_t offset);
str source_line(struct source *src, int line);   /* without the newline */
void source_free(struct source *src);
/* A source from bytes in memory (tests, fuzzing); the bytes are copied. */
struct source *source_from_memory(struct arena *a, const char *name, const char *data,
                                  size_t len, int index);
/* Reads path ("-" is standard input); NULL and errno set on failure. */
struct source *source_read(struct arena *a, const char *path, int index,
                           char *err, size_t errlen);

/* ---- date.c: calendar-exact dates and periods ---- */
typedef int32_t okr_day;            /* days since 1970-01-01, proleptic Gregorian */
bool date_valid(int y, int m, int d);
okr_day date_from_ymd(int y, int m, int d);
void date_to_ymd(okr_day day, int *y, int *m, int *d);
int date_days_in_month(int y, int m);
void date_format(okr_day day, char out[11]);      /* YYYY-MM-DD */
/* Parses exactly "YYYY-MM-DD"; false if malformed or impossible. */
bool date_parse(const char *s, size_t n, okr_day *out);

enum period_kind { PERIOD_YEAR, PERIOD_HALF, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_RANGE };
typedef struct {
    okr_day start, end;     /* inclusive */
    enum period_kind kind;
} period;
/* "2027", "2027-H1", "2027-Q3", "2027-03"; on failure *why says what is wrong. */
bool period_parse(const char *s, size_t n, period *out, const char **why);
bool period_from_range(okr_day start, okr_day end, period *out);
bool period_contains(period outer, period inner);
bool period_contains_day(period p, okr_day d);
int period_days(period p);
/* The fraction of the period's days elapsed up to and including as_of, in [0,1]. */
double period_elapsed(period p, okr_day as_of);
void period_format(period p, char *out, size_t n);

/* ---- rules.c: the one table of rules ---- */
enum severity { SEV_OFF, SEV_INFO, SEV_WARNING, SEV_ERROR };
const char *severity_name(enum severity s);
bool severity_parse(const char *s, enum severity *out);

enum rule_id {
#define RULE(id, name, sev, structural, summary) id,
#define PARAM(id, rule, name, value, least, meaning)
#include "rules.def"
#undef PARAM
#undef RULE
    RULE_COUNT
};
enum param_id {
#define RULE(id, name, sev, structural, summary)
#define PARAM(id, rule, name, value, least, meaning) id,
#include "rules.def"
#undef PARAM
#undef RULE
    PARAM_COUNT
};
struct rule_info {
    const char *name;
    enum severity default_severity;
    bool structural;        /* always an error, cannot be reconfigured */
    const char *summary;
};
struct param_info {
    enum rule_id rule;
    const char *name;
    double default_value;
    double least;           /* the smallest value that makes sense */
    const char *meaning;
};
/* What `okrc explain` prints: what the rule checks, why, an example, the fix. */
struct rule_doc {
    const char *checks, *why, *example, *fix;
};
const struct rule_info *rule_info(enum rule_id id);
const struct param_info *param_info(enum param_id id);
const struct rule_doc *rule_doc(enum rule_id id);
bool rule_lookup(const char *name, size_t len, enum rule_id *out);
bool param_lookup(enum rule_id rule, const char *name, size_t len, enum param_id *out);
/* The rule name closest to a misspelt one, or NULL: for "did you mean". */
const char *rule_suggest(const char *name);
struct plan;
/* Applies the plan's rules blocks to plan->diags (severities, parameters):
 * a file's `use`d files count as loaded before it, later blocks win, and
 * severities set on the command line (diag_force) win over all of them. */
void rules_apply(struct plan *plan);

/* ---- diag.c: every finding of every phase goes through here ---- */
struct diag_note {
    span at;
    const char *message;
    struct diag_note *next;
};
struct diag {
    enum rule_id rule;
    enum severity severity;
    span at;
    const char *message;
    struct diag_note *notes, *notes_tail;
    size_t seq;             /* report order, for a stable sort */
};
struct diag_ctx {
    struct arena *arena;
    struct vec list;        /* struct diag * */
    /* The rule configuration: defaults, then rules blocks, then -W. */
    enum severity severity_of[RULE_COUNT];
    bool forced[RULE_COUNT];            /* set on the command line: blocks leave it */
    double param_of[PARAM_COUNT];
    size_t errors, warnings, infos;
    size_t suppressed;      /* silenced by `# okrc-ignore:` comments */
};
void diag_init(struct diag_ctx *d, struct arena *a);
/* A severity from the command line, which rules blocks cannot change. */
void diag_force(struct diag_ctx *d, enum rule_id rule, enum severity sev);
/* Drops the findings that `# okrc-ignore: RULE` comments silence (counting
 * them in d->suppressed); reports ignore comments naming unknown rules. */
void diag_suppress(struct diag_ctx *d, const struct vec *sources);
struct diag *diag_report(struct diag_ctx *d, enum rule_id rule, span at,
                         const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_note(struct diag_ctx *d, struct diag *to, span at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_sort(struct diag_ctx *d);

/* Renderers (diag_human.c, diag_json.c). */
struct render_opts {
    bool color;
};
void diag_render_human(struct diag_ctx *d, FILE *out, const struct render_opts *o);
int diag_render_json(struct diag_ctx *d, FILE *out);
int diag_render_sarif(struct diag_ctx *d, FILE *out);   /* SARIF 2.1.0 */
void diag_render_github(struct diag_ctx *d, FILE *out); /* GitHub workflow commands */

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

struct lexicon {
    ident id;
    span at;
    struct vec activities;  /* text_item * */
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

/* ---- plan.c: one compilation ---- */
void plan_init(struct plan *plan, struct arena *arena, struct diag_ctx *diags);
/* Loads, parses, resolves and checks; false on an I/O error (exit 2). */
bool plan_compile(struct plan *plan, const char *const *files, size_t n);
void plan_free(struct plan *plan);
/* One source from memory through the same steps as plan_compile, without
 * following imports or loading the implicit stdlib (fuzzing). */
void plan_compile_memory(struct plan *plan, const char *name, const char *data, size_t len);

/* "committed" or "aspirational" (progress.c). */
const char *objective_kind(const struct objective *o);

/* ---- parse.c: one source into the plan (wraps the generated parser) ---- */
void parse_source(struct plan *plan, struct source *src);

/* ---- build.c: what the grammar's actions call ---- */
/* (declared in build.h, which the generated parser includes) */

/* ---- hash.c: string-keyed tables for the resolver ---- */
struct hash;
struct hash *hash_new(struct arena *a, size_t expected);
void *hash_get(struct hash *h, const char *key, size_t len);
/* Inserts; returns the existing value instead when the key is taken. */
void *hash_put(struct hash *h, const char *key, size_t len, void *value);
void hash_free(struct hash *h);

/* ---- load.c: files and `use` imports into one plan ---- */
struct load_opts {
    const char *implicit;   /* loaded before the files, silently skipped if absent */
};
/* Returns false on an I/O error with a command-line file (exit 2). */
bool load_plan(struct plan *plan, const char *const *paths, size_t n,
               const struct load_opts *opts);

/* ---- resolve.c: names, references, cycles, inheritance ---- */
void resolve_plan(struct plan *plan);
/* Levenshtein distance of two short names (99 when too long to compare). */
size_t text_distance(const char *a, const char *b);
void plan_free_tables(struct plan *plan);

/* ---- check.c: structural value checks ---- */
void check_plan(struct plan *plan);

/* ---- lint.c: the configurable rules of SPEC §3, as configured ---- */
void lint_plan(struct plan *plan);

/* ---- words.c: case-insensitive, whole-word matching of UTF-8 text ---- */
struct word_set;
struct word_set *word_set_new(struct arena *a);
void word_set_free(struct word_set *w);
void word_set_add(struct word_set *w, const char *text, size_t len);
/* The first entry found in text as whole words: its byte range in text. */
bool word_set_find(const struct word_set *w, const char *text, size_t len,
                   size_t *start, size_t *end);
/* The number of words in text (runs of letters and digits). */
size_t word_count(const char *text, size_t len);

/* ---- progress.c: scores and statuses as of plan->as_of ---- */
void progress_compute(struct plan *plan);
const char *progress_status_name(enum progress_status s);
/* s < 0.4 red, s < 0.7 yellow, else green. */
enum grade progress_grade(double score);
const char *progress_grade_name(enum grade g);
/* +1 when the key result's good direction is up, -1 when down. */
int progress_direction(const struct key_result *kr);

#endif
