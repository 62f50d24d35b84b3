/* diag.c — the one place findings are collected. Every phase reports with a
 * rule id and a span; the renderers read the sorted list. */
#include "okrc.h"

#include <stdlib.h>
#include <string.h>

void diag_init(struct diag_ctx *d, struct arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    for (int i = 0; i < RULE_COUNT; i++)
        d->severity_of[i] = rule_info((enum rule_id)i)->default_severity;
}

static char *vformat(struct arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *p = arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n > 0)
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
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
    g->message = vformat(d->arena, fmt, ap);
    va_end(ap);
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
    n->message = vformat(d->arena, fmt, ap);
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
