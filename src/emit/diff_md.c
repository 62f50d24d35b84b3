/* diff_md.c — `okrc diff -f md`, written to be posted as a pull-request
 * comment: the summary and the goalposts moved first, every change folded
 * in <details> below. */
#include "emit/emit.h"
#include "emit/plandiff.h"

#include <string.h>

/* A goalpost moved, as a line of the warning's quote block. */
static void goalpost(FILE *out, const struct plan_change *c)
{
    fputs("> - **", out);
    md_text(out, c->id);
    fputs("**: ", out);
    md_text(out, c->goalpost);
    fputc('\n', out);
}

void diff_emit_md(const struct plan_diff *d, struct arena *a, FILE *out)
{
    fputs("### okrc diff: ", out);
    md_text(out, plan_diff_summary(a, d));
    fputs("\n", out);
    if (d->goalposts)
        fputs("\n> [!WARNING]\n> **Goalposts moved**\n", out);
    for (size_t i = 0; i < d->goalposts; i++)
        goalpost(out, d->changes.items[i]);
    if (!d->changes.len)
        return;
    fprintf(out, "\n<details><summary>All changes (%zu)</summary>\n\n"
                 "| | Item | Id | Change |\n|---|---|---|---|\n", (size_t)d->changes.len);
    static const char *const marks[] = {"➕", "➖", "↪️", "✏️"};
    for (size_t i = 0; i < d->changes.len; i++) {
        const struct plan_change *c = d->changes.items[i];
        fprintf(out, "| %s%s | %s | ", marks[c->kind], c->goalpost ? " ⚠️" : "", change_item_name(c->item));
        md_text(out, c->id);
        fputs(" | ", out);
        md_text(out, plan_change_text(a, c));
        fputs(" |\n", out);
    }
    fputs("\n</details>\n", out);
}
