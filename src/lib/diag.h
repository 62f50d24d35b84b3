/* diag.h — every finding of every phase goes through here: a rule, a
 * severity from the configuration, a span and notes. The renderers are
 * emitters (emit/diag_render.h). */
#ifndef OKRC_DIAG_H
#define OKRC_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/arena.h"
#include "lib/rules.h"
#include "lib/source.h"

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
    struct vec omitted;     /* struct diag_omitted *, left out by diag_limit */
};

/* Findings of one rule in one file beyond the limit: counted, not listed. */
struct diag_omitted {
    const struct source *src;
    enum rule_id rule;
    size_t count;
};
void diag_init(struct diag_ctx *d, struct arena *a);
/* A severity from the command line, which rules blocks cannot change. */
void diag_force(struct diag_ctx *d, enum rule_id rule, enum severity sev);
/* Drops the findings that `# okrc-ignore: RULE` comments silence (counting
 * them in d->suppressed); reports ignore comments naming unknown rules. */
void diag_suppress(struct diag_ctx *d, const struct vec *sources);
/* The longest first line of a message; diag_report moves what follows a
 * ": " or "; " past it into notes at the same place. */
#define DIAG_MESSAGE_MAX 120

struct diag *diag_report(struct diag_ctx *d, enum rule_id rule, span at,
                         const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_note(struct diag_ctx *d, struct diag *to, span at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_sort(struct diag_ctx *d);
/* Keeps only the findings whose place keep() accepts (those with no place
 * stay), and counts again: a file checked as part of a larger plan reports
 * what lies in it (lib/project.h). */
void diag_keep(struct diag_ctx *d, bool (*keep)(const struct source *src, void *ctx), void *ctx);
/* --werror: every warning becomes an error, in the counts and in every
 * format, so that what fails the run says so. */
void diag_warnings_as_errors(struct diag_ctx *d);
/* Moves the findings of another run (a second plan of the same check) to
 * the end of d, leaving out those d holds already: a file that two plans
 * read is reported once. The other run's arena must outlive d's use. */
void diag_adopt(struct diag_ctx *d, struct diag_ctx *from);
/* Leaves only the errors (okrc checkin shows why nothing was written, not
 * the plan's warnings). */
void diag_keep_errors(struct diag_ctx *d);
/* The parser stops after this many syntax errors in one file (and says so). */
#define DIAG_MAX_SYNTAX_ERRORS 25
/* Keeps the first max findings of each rule in each file (0: all), after
 * diag_sort; the rest stay in the counts and go into d->omitted, one
 * entry per rule and file. Syntax errors too, but never fewer than the
 * parser's own cap and its last word: a builder reports one per repeated
 * item (owner @a owner @a ...), which no cap of the parser's bounds. */
void diag_limit(struct diag_ctx *d, size_t max);

#endif
