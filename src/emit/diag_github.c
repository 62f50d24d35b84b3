/* diag_github.c — `check --format github`: GitHub Actions workflow commands,
 * which the runner turns into annotations on the pull request:
 *   ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * Notes are appended to the message on lines of their own. */
#include "emit/diag_render.h"
#include "lib/diag.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <string.h>

static const char *command(enum severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "notice";
}

/* Messages escape % CR LF; property values also ':' and ','. */
static void put_escaped(FILE *out, const char *s, bool property)
{
    for (const char *end = s + strlen(s); *s; s++) {
        /* The job log shows the message: no escape sequence may reach it. */
        size_t control = *s == '\r' || *s == '\n' ? 0 : text_control_at(s, (size_t)(end - s));
        if (control) {
            fputc(' ', out);
            s += control - 1;
            continue;
        }
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': property ? fputs("%3A", out) : fputc(':', out); break;
        case ',': property ? fputs("%2C", out) : fputc(',', out); break;
        default: fputc(*s, out);
        }
    }
}

static void put_properties(FILE *out, span at)
{
    const struct source *src = at.src;
    struct position p = source_position(src, at.start), e = source_position(src, at.end);
    fputs("file=", out);
    put_escaped(out, src->path, true);
    fprintf(out, ",line=%d,col=%d,endLine=%d,endColumn=%d,", p.line, p.column, e.line, e.column);
}

void diag_render_github(struct diag_ctx *d, FILE *out)
{
    for (size_t i = 0; i < d->list.len; i++) {
        const struct diag *g = d->list.items[i];
        fprintf(out, "::%s ", command(g->severity));
        if (g->at.src)
            put_properties(out, g->at);
        fputs("title=", out);
        put_escaped(out, rule_info(g->rule)->name, true);
        fputs("::", out);
        put_escaped(out, g->message, false);
        for (const struct diag_note *n = g->notes; n; n = n->next) {
            fputs("%0Anote: ", out);
            if (n->at.src) {
                struct position p = source_position(n->at.src, n->at.start);
                put_escaped(out, n->at.src->path, false);
                fprintf(out, ":%d:%d: ", p.line, p.column);
            }
            put_escaped(out, n->message, false);
        }
        fputc('\n', out);
    }
    for (size_t i = 0; i < d->omitted.len; i++) {
        const struct diag_omitted *om = d->omitted.items[i];
        fputs("::notice ", out);
        if (om->src) {
            fputs("file=", out);
            put_escaped(out, om->src->path, true);
            fputc(',', out);
        }
        fputs("title=", out);
        put_escaped(out, rule_info(om->rule)->name, true);
        fprintf(out, "::... and %zu more [", om->count);
        put_escaped(out, rule_info(om->rule)->name, false);
        fputs("] (okrc check --max-findings 0 lists them all)\n", out);
    }
}
