/* diag.c — the one place findings are collected. Every phase reports with a
 * rule id and a span; the renderers read the sorted list. */
#include "lib/diag.h"
#include "lib/arena.h"
#include "lib/hash.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void diag_init(struct diag_ctx *d, struct arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    for (int i = 0; i < RULE_COUNT; i++)
        d->severity_of[i] = rule_info((enum rule_id)i)->default_severity;
    for (int i = 0; i < PARAM_COUNT; i++)
        d->param_of[i] = param_info((enum param_id)i)->default_value;
}

void diag_force(struct diag_ctx *d, enum rule_id rule, enum severity sev)
{
    d->severity_of[rule] = sev;
    d->forced[rule] = true;
}

/* Where a long message splits: the last ": " or "; " outside quotes that
 * leaves at most DIAG_MESSAGE_MAX bytes before it, else the first one; 0 when
 * there is none. */
static size_t split_point(const char *m, size_t len)
{
    size_t best = 0, first = 0;
    bool quoted = false;
    for (size_t i = 0; i + 1 < len; i++) {
        /* a quote mark, not the apostrophe of "plan's" */
        bool apostrophe = i > 0 && isalpha((unsigned char)m[i - 1]) && isalpha((unsigned char)m[i + 1]);
        if (m[i] == '\'' && !apostrophe)
            quoted = !quoted;
        else if (!quoted && (m[i] == ':' || m[i] == ';') && m[i + 1] == ' ') {
            if (!first)
                first = i;
            if (i <= DIAG_MESSAGE_MAX)
                best = i;
        }
    }
    return best ? best : first;
}

/* A message says what is wrong in one line of at most DIAG_MESSAGE_MAX
 * bytes; what a rule adds after ": " or "; " (why it matters, the fix)
 * moves to notes at the finding's own place, in order. */
static void split_message(struct diag_ctx *d, struct diag *g)
{
    const char *m = g->message;
    size_t len = strlen(m);
    struct diag_note *tail_notes = NULL, **at = &tail_notes;
    while (len > DIAG_MESSAGE_MAX) {
        size_t cut = split_point(m, len);
        if (!cut)
            break;
        struct diag_note *n = arena_alloc(d->arena, sizeof *n);
        n->at = g->at;
        n->message = arena_strndup(d->arena, m + cut + 2, len - cut - 2);
        n->next = tail_notes;   /* the later part of the text comes last */
        tail_notes = n;
        len = cut;
    }
    (void)at;
    if (!tail_notes)
        return;
    g->message = arena_strndup(d->arena, m, len);
    g->notes = tail_notes;
    struct diag_note *last = tail_notes;
    while (last->next)
        last = last->next;
    g->notes_tail = last;
}

struct diag *diag_report(struct diag_ctx *d, enum rule_id rule, span at, const char *fmt, ...)
{
    enum severity sev = d->severity_of[rule];
    if (sev == SEV_OFF)
        return NULL;
    struct diag *g = arena_alloc(d->arena, sizeof *g);
    g->rule = rule;
    g->severity = sev;
    g->at = at;
    va_list ap;
    va_start(ap, fmt);
    g->message = text_valid_utf8(d->arena, arena_vprintf(d->arena, fmt, ap));
    va_end(ap);
    split_message(d, g);
    g->seq = d->list.len;
    vec_push(d->arena, &d->list, g);
    switch (sev) {
    case SEV_ERROR: d->errors++; break;
    case SEV_WARNING: d->warnings++; break;
    case SEV_INFO: d->infos++; break;
    case SEV_OFF: break;
    }
    return g;
}

void diag_note(struct diag_ctx *d, struct diag *to, span at, const char *fmt, ...)
{
    if (!to)
        return;
    struct diag_note *n = arena_alloc(d->arena, sizeof *n);
    n->at = at;
    va_list ap;
    va_start(ap, fmt);
    n->message = text_valid_utf8(d->arena, arena_vprintf(d->arena, fmt, ap));
    va_end(ap);
    if (to->notes_tail)
        to->notes_tail->next = n;
    else
        to->notes = n;
    to->notes_tail = n;
}

static int by_place(const void *pa, const void *pb)
{
    const struct diag *a = *(struct diag *const *)pa, *b = *(struct diag *const *)pb;
    int ia = a->at.src ? a->at.src->index : -1, ib = b->at.src ? b->at.src->index : -1;
    if (ia != ib)
        return ia < ib ? -1 : 1;
    if (a->at.start != b->at.start)
        return a->at.start < b->at.start ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(struct diag_ctx *d)
{
    if (d->list.len > 1)
        qsort(d->list.items, d->list.len, sizeof *d->list.items, by_place);
}

/* ---- suppression: `# okrc-ignore: RULE[, RULE]` ---- */

/* One ignore comment: the rules it names and the two lines it covers. */
struct ignore {
    int line, next_line;
    bool rules[RULE_COUNT];
};

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* True when the line holds nothing but blanks and a comment. */
static bool comment_only_line(struct source *src, int line)
{
    str text = source_line(src, line);
    size_t i = 0;
    while (i < text.len && is_blank(text.ptr[i]))
        i++;
    return i < text.len && text.ptr[i] == '#';
}

/* Parses the rule list of an ignore comment: names separated by commas; the
 * list ends at the first name not followed by a comma, so a reason may follow. */
static void parse_ignore(struct diag_ctx *d, struct source *src, const char *p, const char *end,
                         struct ignore *ig)
{
    for (;;) {
        while (p < end && is_blank(*p))
            p++;
        const char *name = p;
        while (p < end && is_name_char(*p))
            p++;
        if (p == name)
            return;
        enum rule_id id;
        span at = {src, (uint32_t)(name - src->text), (uint32_t)(p - src->text)};
        if (!rule_lookup(name, (size_t)(p - name), &id)) {
            char *word = arena_strndup(d->arena, name, (size_t)(p - name));
            const char *near = rule_suggest(word);
            diag_report(d, R_RULE_CONFIG, at, "okrc-ignore names unknown rule '%s'%s%s%s", word,
                        near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
        } else if (rule_info(id)->structural) {
            diag_report(d, R_RULE_CONFIG, at,
                        "okrc-ignore cannot silence '%s': structural errors must be fixed",
                        rule_info(id)->name);
        } else {
            ig->rules[id] = true;
        }
        while (p < end && is_blank(*p))
            p++;
        if (p == end || *p != ',')
            return;
        p++;
    }
}

static const char ignore_tag[] = "okrc-ignore:";

/* The ignore comments of one source, in source order. A comment on a line
 * of its own covers the next line that is not a comment; a stack of them
 * shares that line, found once for the whole stack. */
static struct vec source_ignores(struct diag_ctx *d, struct source *src)
{
    struct vec list = {0};
    const struct ignore *above = NULL;    /* the last comment-only ignore */
    size_t lines = 0;       /* counted at the first ignore: most plans have none, and
                               the count builds the line index of the whole file */
    for (const struct comment *c = src->comments; c; c = c->next) {
        const char *p = src->text + c->start + 1, *end = src->text + c->end;
        while (p < end && is_blank(*p))
            p++;
        size_t n = sizeof ignore_tag - 1;
        if ((size_t)(end - p) < n || memcmp(p, ignore_tag, n) != 0)
            continue;
        struct ignore *ig = arena_alloc(d->arena, sizeof *ig);
        if (!lines)
            lines = source_line_count(src);
        ig->line = source_position(src, c->start).line;
        /* A comment after code covers its own line only. */
        ig->next_line = ig->line;
        if (comment_only_line(src, ig->line)) {
            if (above && ig->line < above->next_line) {
                ig->next_line = above->next_line;
            } else {
                ig->next_line++;
                while ((size_t)ig->next_line <= lines && comment_only_line(src, ig->next_line))
                    ig->next_line++;
            }
            above = ig;
        }
        parse_ignore(d, src, p + n, end, ig);
        vec_push(d->arena, &list, ig);
    }
    return list;
}

/* The lines the ignores cover, each once with the rules silenced there,
 * in line order: a finding looks its line up by binary search. */
struct covered {
    int line;
    const bool *rules;
    bool merged[RULE_COUNT];
};

static int by_line(const void *a, const void *b)
{
    const struct covered *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

static struct covered *covered_lines(struct diag_ctx *d, const struct vec *ignores, size_t *count)
{
    struct covered *cov = arena_alloc(d->arena, (2 * ignores->len + 1) * sizeof *cov);
    size_t n = 0;
    for (size_t i = 0; i < ignores->len; i++) {
        const struct ignore *ig = ignores->items[i];
        cov[n++] = (struct covered){ig->line, ig->rules, {0}};
        if (ig->next_line != ig->line)
            cov[n++] = (struct covered){ig->next_line, ig->rules, {0}};
    }
    qsort(cov, n, sizeof *cov, by_line);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (!kept || cov[kept - 1].line != cov[i].line) {
            cov[kept] = cov[i];
            memcpy(cov[kept].merged, cov[i].rules, sizeof cov[kept].merged);
            cov[kept].rules = cov[kept].merged;
            kept++;
        } else {
            for (size_t r = 0; r < RULE_COUNT; r++)
                cov[kept - 1].merged[r] |= cov[i].rules[r];
        }
    }
    *count = kept;
    return cov;
}

static bool ignored(const struct covered *cov, size_t n, const struct diag *g, int line)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cov[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && cov[lo].line == line && cov[lo].rules[g->rule];
}

static void uncount(struct diag_ctx *d, const struct diag *g)
{
    switch (g->severity) {
    case SEV_ERROR: d->errors--; break;
    case SEV_WARNING: d->warnings--; break;
    case SEV_INFO: d->infos--; break;
    case SEV_OFF: break;
    }
    d->suppressed++;
}

/* Structural findings cannot be silenced: the plan would not mean anything. */
void diag_suppress(struct diag_ctx *d, const struct vec *sources)
{
    struct covered **per_source = arena_alloc(d->arena, (sources->len + 1) * sizeof *per_source);
    size_t *counts = arena_alloc(d->arena, (sources->len + 1) * sizeof *counts);
    for (size_t i = 0; i < sources->len; i++) {
        struct source *src = sources->items[i];
        struct vec ignores = source_ignores(d, src);
        per_source[src->index] = covered_lines(d, &ignores, &counts[src->index]);
    }
    size_t kept = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        const struct source *src = g->at.src;
        if (src && !rule_info(g->rule)->structural && counts[src->index] &&
            ignored(per_source[src->index], counts[src->index], g,
                    source_position(src, g->at.start).line)) {
            uncount(d, g);
            continue;
        }
        d->list.items[kept++] = g;
    }
    d->list.len = kept;
}

void diag_warnings_as_errors(struct diag_ctx *d)
{
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        if (g->severity == SEV_WARNING)
            g->severity = SEV_ERROR;
    }
    d->errors += d->warnings;
    d->warnings = 0;
}

void diag_limit(struct diag_ctx *d, size_t max)
{
    if (max == 0)
        return;
    /* Sorted by file, so one file's counters can be reset at its end. */
    size_t shown[RULE_COUNT] = {0};
    struct diag_omitted *entry[RULE_COUNT] = {0};
    const struct source *current = NULL;
    size_t kept = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        if (g->at.src != current) {
            current = g->at.src;
            memset(shown, 0, sizeof shown);
            memset(entry, 0, sizeof entry);
        }
        size_t limit = g->rule == R_SYNTAX && max <= DIAG_MAX_SYNTAX_ERRORS ? DIAG_MAX_SYNTAX_ERRORS + 1 : max;
        if (shown[g->rule]++ < limit) {
            d->list.items[kept++] = g;
            continue;
        }
        if (!entry[g->rule]) {
            entry[g->rule] = arena_alloc(d->arena, sizeof *entry[g->rule]);
            *entry[g->rule] = (struct diag_omitted){g->at.src, g->rule, 0};
            vec_push(d->arena, &d->omitted, entry[g->rule]);
        }
        entry[g->rule]->count++;
    }
    d->list.len = kept;
}

void diag_keep(struct diag_ctx *d, bool (*keep)(const struct source *src, void *ctx), void *ctx)
{
    size_t kept = 0;
    d->errors = d->warnings = d->infos = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        if (g->at.src && !keep(g->at.src, ctx))
            continue;
        d->list.items[kept++] = g;
        switch (g->severity) {
        case SEV_ERROR: d->errors++; break;
        case SEV_WARNING: d->warnings++; break;
        case SEV_INFO: d->infos++; break;
        case SEV_OFF: break;
        }
    }
    d->list.len = kept;
}

static bool same_finding(const struct diag *a, const struct diag *b)
{
    return a->rule == b->rule && a->at.start == b->at.start && a->at.end == b->at.end &&
           (a->at.src == b->at.src ||
            (a->at.src && b->at.src && strcmp(a->at.src->path, b->at.src->path) == 0)) &&
           strcmp(a->message, b->message) == 0;
}

void diag_adopt(struct diag_ctx *d, struct diag_ctx *from)
{
    /* Sorted by place in both: one pass per file would do, but a second
     * plan's findings are few next to its sources; a hash of the places
     * keeps it linear all the same. */
    struct hash *seen = hash_new(d->arena, d->list.len + 1);
    for (size_t i = 0; i < d->list.len; i++) {
        const struct diag *g = d->list.items[i];
        char *key = arena_printf(d->arena, "%s:%u:%u:%d", g->at.src ? g->at.src->path : "",
                                 g->at.start, g->at.end, (int)g->rule);
        hash_put(seen, key, strlen(key), d->list.items[i]);
    }
    for (size_t i = 0; i < from->list.len; i++) {
        struct diag *g = from->list.items[i];
        char *key = arena_printf(d->arena, "%s:%u:%u:%d", g->at.src ? g->at.src->path : "",
                                 g->at.start, g->at.end, (int)g->rule);
        const struct diag *twin = hash_get(seen, key, strlen(key));
        if (twin && same_finding(twin, g))
            continue;
        vec_push(d->arena, &d->list, g);
        switch (g->severity) {
        case SEV_ERROR: d->errors++; break;
        case SEV_WARNING: d->warnings++; break;
        case SEV_INFO: d->infos++; break;
        case SEV_OFF: break;
        }
    }
    d->suppressed += from->suppressed;
    hash_free(seen);
}

void diag_keep_errors(struct diag_ctx *d)
{
    size_t kept = 0;
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        if (g->severity == SEV_ERROR)
            d->list.items[kept++] = g;
    }
    d->list.len = kept;
    d->warnings = d->infos = 0;
}
