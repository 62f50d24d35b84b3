/* diff_text.c — `okrc diff` for a terminal: the summary, the goalposts
 * moved, then every change, one line each. */
#include "emit/plandiff.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <stdlib.h>
#include <string.h>

static const char mark[] = {'+', '-', '>', '~'};    /* added, removed, renamed, changed */

/* Writes what was put in the line buffer with the characters a terminal
 * would obey (escape sequences, line breaks, bidi controls) as spaces, and
 * empties it for the next line. */
static void flush_line(FILE *line, char **buf, size_t *len, FILE *out)
{
    fflush(line);
    size_t run = 0;             /* the start of the bytes not yet written */
    for (size_t i = 0; i < *len;) {
        i += utf8_printable_ascii_run(*buf + i, *len - i);
        if (i == *len)
            break;
        size_t control = text_control_at(*buf + i, *len - i);
        if (!control) {
            i++;
            continue;
        }
        fwrite(*buf + run, 1, i - run, out);
        fputc(' ', out);
        i += control;
        run = i;
    }
    fwrite(*buf + run, 1, *len - run, out);
    fputc('\n', out);
    rewind(line);
}

void diff_emit_text(const struct plan_diff *d, struct arena *a, FILE *out)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *line = open_memstream(&buf, &len);     /* one buffer for every line */
    if (!line)
        out_of_memory();
    fprintf(line, "okrc diff: %s", plan_diff_summary(a, d));
    flush_line(line, &buf, &len, out);
    if (d->goalposts)
        fputs("\nGoalposts moved\n", out);
    for (size_t i = 0; i < d->goalposts; i++) {
        const struct plan_change *c = d->changes.items[i];
        fprintf(line, "  %s: %s", c->id, c->goalpost);
        flush_line(line, &buf, &len, out);
    }
    if (d->changes.len)
        fputs("\nChanges\n", out);
    for (size_t i = 0; i < d->changes.len; i++) {
        const struct plan_change *c = d->changes.items[i];
        /* in pieces: a quarter of a million lines in a diff of two large plans */
        fputs("  ", line);
        fputc(mark[c->kind], line);
        fputc(' ', line);
        fputs(change_item_name(c->item), line);
        fputc(' ', line);
        fputs(c->id, line);
        fputc(' ', line);
        plan_change_write(line, c);
        flush_line(line, &buf, &len, out);
    }
    fclose(line);
    free(buf);
}
