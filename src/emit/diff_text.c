/* diff_text.c — `okrc diff` for a terminal: the summary, the goalposts
 * moved, then every change, one line each. */
#include "emit/plandiff.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char mark[] = {'+', '-', '>', '~'};    /* added, removed, renamed, changed */

/* Writes what was put in the line with the characters a terminal would
 * obey (escape sequences, line breaks, bidi controls) as spaces, and
 * empties it for the next line. */
static void flush_line(struct diff_line *line, FILE *out)
{
    const char *text = line->text;
    size_t len = line->len, run = 0;       /* the start of the bytes not yet written */
    for (size_t i = 0; i < len;) {
        i += utf8_printable_ascii_run(text + i, len - i);
        if (i == len)
            break;
        size_t control = text_control_at(text + i, len - i);
        if (!control) {
            i++;
            continue;
        }
        fwrite(text + run, 1, i - run, out);
        fputc(' ', out);
        i += control;
        run = i;
    }
    fwrite(text + run, 1, len - run, out);
    fputc('\n', out);
    line->len = 0;
}

void diff_emit_text(const struct plan_diff *d, struct arena *a, FILE *out)
{
    struct diff_line line = {0};        /* one buffer for every line */
    diff_line_puts(&line, "okrc diff: ");
    diff_line_puts(&line, plan_diff_summary(a, d));
    flush_line(&line, out);
    if (d->goalposts)
        fputs("\nGoalposts moved\n", out);
    for (size_t i = 0; i < d->goalposts; i++) {
        const struct plan_change *c = d->changes.items[i];
        diff_line_puts(&line, "  ");
        diff_line_puts(&line, c->id);
        diff_line_puts(&line, ": ");
        diff_line_puts(&line, c->goalpost);
        flush_line(&line, out);
    }
    if (d->changes.len)
        fputs("\nChanges\n", out);
    for (size_t i = 0; i < d->changes.len; i++) {
        const struct plan_change *c = d->changes.items[i];
        diff_line_put(&line, "  ", 2);
        diff_line_put(&line, &mark[c->kind], 1);
        diff_line_put(&line, " ", 1);
        diff_line_puts(&line, change_item_name(c->item));
        diff_line_put(&line, " ", 1);
        diff_line_puts(&line, c->id);
        diff_line_put(&line, " ", 1);
        plan_change_write(&line, c);
        flush_line(&line, out);
    }
    free(line.text);
}
