/* emit.h — progress reports: what is selected, and one emitter per format.
 * Adding a format is one emit_*.c file and one entry in emit.c's table. */
#ifndef OKRC_EMIT_H
#define OKRC_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "lib/date.h"
#include "lib/model.h"
#include "lib/text.h"

struct report_filter {
    const char *team;       /* a team id: that team and its sub-teams */
    const char *tag;        /* a tag, with or without '#': objective_tagged */
    const char *owner;      /* a person, with or without '@' */
    bool has_period;
    period period;          /* objectives whose period overlaps it */
    const bool *sources;    /* by source index: objectives declared there; NULL: all */
    const char *close;      /* --close PERIOD as written: objectives whose period lies in */
    period close_period;    /* close_period, and the close of that period (report_close) */
};

/* The close of a period (`report --close`): how the objectives ended, in
 * the bands of a scored OKR (below 0.4, 0.4-0.7, 0.7-1, 1). */
enum close_band { BAND_FAILED, BAND_COMMITTED, BAND_TARGET, BAND_STRETCH, BAND_COUNT };
const char *close_band_name(enum close_band b);    /* "failed", "committed met", ... */
enum close_band close_band_of(double score);
struct close_team {
    const struct team *team;    /* NULL: no team, or the plan's row */
    const char *name;           /* "Sales", "No team", "The plan" */
    size_t total, bands[BAND_COUNT];
};
struct report_close {
    const char *period_text;
    size_t bands[BAND_COUNT];   /* the plan's objectives */
    struct vec teams;           /* struct close_team *: declaration order, then no team */
    struct close_team plan;     /* the row of the whole plan, after the teams' */
    struct vec missed;          /* struct objective *: committed, below 1 (each a post-mortem) */
    struct vec never;           /* struct key_result *: no check-in up to as-of */
};

/* An error of the plan that did not withhold the report (a rule finding:
 * kr-count, smart-measurable, ...): shown in a banner, a section, a field. */
struct report_error {
    const char *file, *rule, *message;
    int line, column;
};

/* A key result that needs attention, with every reason ("off track: score
 * 0.25, expected 0.51", "no check-in for 26 days"). */
struct attention {
    const struct key_result *kr;
    struct vec reasons;         /* const char * */
    int urgency;                /* status_urgency of its status */
};

/* A key result's value as one commit of the plan's git history held it
 * (`report --history`): for plans whose check-ins were edited in place. */
struct history_point {
    okr_day date;               /* the commit's date */
    const char *commit;         /* its short hash */
    bool has_value;
    bool numeric;               /* value is a number (else a milestone's 0 or 1) */
    double value;
    const char *text;           /* as a person reads it: "1.2M EUR", "done", "no data" */
};
struct report {
    struct plan *plan;
    struct vec errors;          /* struct report_error *, in report order */
    struct vec attention;       /* struct attention *, most urgent first */
    struct vec wins;            /* struct key_result *: achieved, done (milestones too) */
    struct report_close *close; /* --close: NULL otherwise */
    struct hash *history;       /* --history: "OBJ.KR" -> struct vec * of history_point; NULL otherwise */
    struct vec objectives;      /* struct objective *, selected, plan order */
    bool color;                 /* ANSI colours (text only) */
    bool ascii;                 /* plain ASCII (text only) */
    bool no_map;                /* html: no alignment map (--no-map) */
    int width;                  /* text: columns of a line (80 when 0) */
};

struct emitter {
    const char *name;
    void (*emit)(const struct report *r, FILE *out);
};

const struct emitter *emitter_find(const char *name);
const char *emitter_names(void);    /* "text|md|json|html|csv" */

void emit_text(const struct report *r, FILE *out);
void emit_md(const struct report *r, FILE *out);
void emit_json(const struct report *r, FILE *out);
void emit_html(const struct report *r, FILE *out);
void emit_csv(const struct report *r, FILE *out);

/* ---- emit.c: what the emitters share ---- */
/* The git history of a key result (--history), oldest first (struct
 * history_point *), or NULL. */
const struct vec *report_history(const struct report *r, const struct key_result *kr);
/* "2027-01-05 1.1M EUR (abc1234), 2027-01-19 ..." for text formats; NULL
 * without --history or without points. */
const char *format_history(const struct report *r, const struct key_result *kr);
void report_build(struct report *r, struct plan *plan, const struct report_filter *f);
/* Whether a key result carries tag (with or without '#'), or its objective
 * does; whether an objective does, or any of its key results or
 * initiatives. NULL matches everything. */
bool kr_tagged(const struct key_result *kr, const char *tag);
bool objective_tagged(const struct objective *o, const char *tag);
/* Whether person (without '@') is the first owner or a co-owner. */
bool is_owner(ident first, const struct vec *co_owners, const char *person);
/* The title of the report: the plan's, or "OKR progress". */
str report_title(const struct report *r);
/* The unit of a key result's quantities (empty when unitless). */
str kr_unit(const struct key_result *kr);
/* v without the binary noise of arithmetic on decimals: 0.95 - 0.9 is
 * 0.04999999999999993, and 0.05 is what a person wrote and means. */
double number_tidy(double v);
/* Whether v is the double nearest to a decimal of at most `digits` (<= 15)
 * significant digits: mantissa / 10^decimals, with the fewest decimals. */
bool number_decimal(double v, int digits, long long *mantissa, int *decimals);
/* v's digits, and its minus, as "%lld" writes them, without printf, into
 * out of WHOLE_MAX bytes; the length. */
#define WHOLE_MAX 21
size_t format_whole(char *out, long long v);
/* v as printf's "%.2f" writes it, byte for byte, mostly without printf
 * (the attention list writes two for each key result in it), into out of
 * HUNDREDTHS_MAX bytes (the largest double has 309 digits). */
#define HUNDREDTHS_MAX 320
void format_hundredths(char *out, double v);
/* 13200000 → "13.2M", 1022 → "1022": the digits a person wrote (up to six
 * significant), else four; k from 10,000 on. */
void format_number(char *out, size_t n, double v);
/* The texts below hold plan text (units, period names) of any length, so
 * they are arena strings, never fixed buffers that would cut a character. */
/* A number and its unit as a person reads it: "13.2M USD", "99.5%". */
const char *format_quantity(struct arena *a, double v, str unit);
/* "from 12M to 15M USD", "keep >= 99.5%", "milestone". */
const char *format_metric(struct arena *a, const struct key_result *kr);
/* The value as text: "13.2M USD", "done", "not done", "no data". */
const char *format_value(struct arena *a, const struct key_result *kr);
/* The objective's period ("2027-Q1"), or `without` when it has none. */
const char *format_period(struct arena *a, const struct objective *o, const char *without);
/* "grade 0.94 (computed 0.50)" for a graded score, else "". */
const char *format_judgment(struct arena *a, const struct progress *p);
/* "+1.2M USD" for the change since the previous check-in. */
const char *format_change(struct arena *a, const struct key_result *kr);
/* ---- the story behind the numbers: written reasons and who did what ---- */
/* Whether a check-in entry is part of the report: a value (not a grade or
 * a drop) dated on or before as-of. kr->checkins is in date order. */
bool entry_reported(const struct plan *plan, const struct checkin_entry *e);
/* What one check-in recorded: "1.2M EUR", "done", "not done", "?" (to be
 * measured), "" for a confidence alone. */
const char *format_entry_value(struct arena *a, const struct key_result *kr,
                               const struct checkin_entry *e);
/* "@a, @b": a first person and the rest (owners, `by @a, @b`). */
const char *format_people(struct arena *a, ident first, const struct vec *rest);
/* A person as people call them: the declared name ("Maria Jansen"), else
 * the handle ("@maria"). */
const char *person_name(struct arena *a, const struct plan *plan, ident who);
/* The declared name alone, without a copy; empty when none is declared. */
str person_declared_name(const struct plan *plan, ident who);
/* "Maria Jansen, @joe": a first person and the rest, by name. */
const char *format_names(struct arena *a, const struct plan *plan, ident first, const struct vec *rest);
/* A team as people call it: its title, or its id when it has none. */
str team_name(const struct team *t);
/* Urgency for sorting: off-track and missed first (0), achieved and
 * dropped last (URGENCIES - 1). */
enum { URGENCIES = 9 };
int status_urgency(enum progress_status s);
/* Writes text with Markdown's special characters escaped (for table cells). */
void md_escape(FILE *out, str text);
void md_text(FILE *out, const char *s);     /* md_escape of a C string */
void html_escape(FILE *out, const char *s, size_t len);

#endif
