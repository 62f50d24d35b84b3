/* diff_text.c — `okrc diff` for a terminal: the summary, the goalposts
 * moved, then every change, one line each. */
#include "emit/plandiff.h"
#include "lib/text.h"

#include <stdarg.h>
#include <string.h>

static const char mark[] = {'+', '-', '>', '~'};    /* added, removed, renamed, changed */

/* A line of plan text with the characters a terminal would obey (escape
 * sequences, line breaks, bidi controls) shown as spaces. */
static void line(struct arena *a, FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = arena_vprintf(a, fmt, ap);
    va_end(ap);
    for (size_t i = 0, n = strlen(s); i < n; i++) {
        size_t control = text_control_at(s + i, n - i);
        if (control) {
            fputc(' ', out);
            i += control - 1;
        } else {
            fputc(s[i], out);
        }
    }
    fputc('\n', out);
}

void diff_emit_text(const struct plan_diff *d, struct arena *a, FILE *out)
{
    line(a, out, "okrc diff: %s", plan_diff_summary(a, d));
    if (d->goalposts)
        fputs("\nGoalposts moved\n", out);
    for (size_t i = 0; i < d->goalposts; i++) {
        const struct plan_change *c = d->changes.items[i];
        line(a, out, "  %s: %s", c->id, c->goalpost);
    }
    if (d->changes.len)
        fputs("\nChanges\n", out);
    for (size_t i = 0; i < d->changes.len; i++) {
        const struct plan_change *c = d->changes.items[i];
        line(a, out, "  %c %s %s %s", mark[c->kind], change_item_name(c->item), c->id,
             plan_change_text(a, c));
    }
}
