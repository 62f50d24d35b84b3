/* diag_human.c — clang-style messages: location, severity, message, rule,
 * then the source line with the whole span underlined. */
#include "emit/diag_render.h"
#include "lib/arena.h"
#include "lib/diag.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <string.h>

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

static const char *severity_color(enum severity s)
{
    return s == SEV_ERROR ? RED : s == SEV_WARNING ? MAGENTA : CYAN;
}

#define EXCERPT_CONTEXT 60   /* bytes shown either side of a span on a long line */

/* Writes text with control characters spelled as the plan language writes
 * them (\n, \t, \u{1B}): a plan must not move the cursor or retitle the
 * terminal that shows its diagnostics. */
static void put_visible(FILE *out, const char *s)
{
    size_t len = strlen(s), run = 0;
    for (size_t i = 0; i < len;) {
        size_t n = text_control_at(s + i, len - i);
        if (!n) {
            i++;
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        if (s[i] == '\n')
            fputs("\\n", out);
        else if (s[i] == '\t')
            fputs("\\t", out);
        else
            fprintf(out, "\\u{%X}", (unsigned)utf8_decode(s + i, n, &n));
        i += n;
        run = i;
    }
    fwrite(s + run, 1, len - run, out);
}

/* A source line as it is, but control characters other than tab become a
 * space: one column each, so the caret below still lines up. */
static void put_source_line(FILE *out, str line)
{
    size_t run = 0;     /* start of the bytes not yet written */
    for (size_t i = 0; i < line.len;) {
        size_t n = line.ptr[i] == '\t' ? 0 : text_control_at(line.ptr + i, line.len - i);
        if (!n) {
            i++;
            continue;
        }
        fwrite(line.ptr + run, 1, i - run, out);
        fputc(' ', out);
        i += n;
        run = i;
    }
    fwrite(line.ptr + run, 1, line.len - run, out);
}

/* Prints the line of `at` and a caret under its first character with tildes
 * under the rest of the span (up to the end of that line). A very long line
 * is cut to a window around the span, marked with "...". */
static void print_excerpt(FILE *out, span at, const struct render_opts *o)
{
    const struct source *src = at.src;
    struct position p = source_position(src, at.start);
    struct position e = source_position(src, at.end);
    str line = source_line(src, p.line);
    size_t offset = at.start - (size_t)(line.ptr - src->text);
    if (line.len > 3 * EXCERPT_CONTEXT) {
        size_t from = offset > EXCERPT_CONTEXT ? utf8_char_start(line.ptr, offset - EXCERPT_CONTEXT) : 0;
        size_t to = offset + EXCERPT_CONTEXT < line.len
                        ? utf8_char_start(line.ptr, offset + EXCERPT_CONTEXT) : line.len;
        int cut = 0;
        for (size_t i = 0; i < from; i++)
            cut += !utf8_continues((unsigned char)line.ptr[i]);
        bool head = from > 0;
        p.column -= cut - (head ? 3 : 0);
        if (e.line == p.line)
            e.column -= cut - (head ? 3 : 0);
        else
            e = (struct position){p.line, INT32_MAX};
        char *window = arena_printf(src->arena, "%s%.*s%s", head ? "..." : "", (int)(to - from),
                                    line.ptr + from, to < line.len ? "..." : "");
        line = (str){window, strlen(window)};
        if (e.column > (int)line.len + 1)
            e.column = (int)line.len + 1;
    }
    int width = snprintf(NULL, 0, "%d", p.line);
    if (width < 4)
        width = 4;
    fprintf(out, "%*d | ", width, p.line);
    put_source_line(out, line);
    fputc('\n', out);
    fprintf(out, "%*s | ", width, "");
    /* Walk characters so the caret sits under the right one: as many spaces
     * as each is wide ("注文" takes four columns), tabs copied so the
     * underline lines up however the terminal expands them. */
    int col = 1;
    size_t i = 0, k;
    for (; i < line.len && col < p.column; i += k, col++) {
        uint32_t cp = utf8_decode(line.ptr + i, line.len - i, &k);
        if (cp == '\t')
            fputc('\t', out);
        else
            for (int w = utf8_char_width(cp); w > 0; w--)
                fputc(' ', out);
    }
    int line_cols = 1 + (int)utf8_count(line.ptr, line.len);
    int last = e.line == p.line && e.column <= line_cols ? e.column : line_cols;
    int marks = 0;      /* the span's columns, on this line */
    for (int c = p.column; c < last && i < line.len; c++, i += k) {
        uint32_t cp = utf8_decode(line.ptr + i, line.len - i, &k);
        marks += cp == '\t' ? 1 : utf8_char_width(cp);
    }
    if (o->color)
        fputs(GREEN, out);
    fputc('^', out);
    for (int m = 1; m < marks; m++)
        fputc('~', out);
    if (o->color)
        fputs(RESET, out);
    fputc('\n', out);
}

static void print_head(FILE *out, span at, const char *sev, const char *color,
                       const char *message, const char *rule, const struct render_opts *o)
{
    if (o->color)
        fputs(BOLD, out);
    if (at.src) {
        struct position p = source_position(at.src, at.start);
        put_visible(out, at.src->path);
        fprintf(out, ":%d:%d: ", p.line, p.column);
    } else {
        fputs("okrc: ", out);
    }
    if (o->color)
        fprintf(out, "%s%s:" RESET BOLD " ", color, sev);
    else
        fprintf(out, "%s: ", sev);
    put_visible(out, message);
    if (o->color)
        fputs(RESET, out);
    if (rule)
        fprintf(out, " [%s]", rule);
    fputc('\n', out);
}

/* 1234567 → "1,234,567", for counts people read. */
static void count_text(char *out, size_t n, size_t v)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", v);
    size_t at = 0;
    for (int i = 0; i < len && at + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            out[at++] = ',';
        out[at++] = digits[i];
    }
    out[at] = 0;
}

void diag_render_human(struct diag_ctx *d, FILE *out, const struct render_opts *o)
{
    for (size_t i = 0; i < d->list.len; i++) {
        struct diag *g = d->list.items[i];
        print_head(out, g->at, severity_name(g->severity), severity_color(g->severity),
                   g->message, rule_info(g->rule)->name, o);
        /* An empty file (a refused one's stand-in) has no line to show. */
        if (g->at.src && g->at.src->len)
            print_excerpt(out, g->at, o);
        for (struct diag_note *n = g->notes; n; n = n->next) {
            print_head(out, n->at, "note", CYAN, n->message, NULL, o);
            /* A note about the finding's own place does not repeat its excerpt. */
            bool same = n->at.src == g->at.src && n->at.start == g->at.start && n->at.end == g->at.end;
            if (n->at.src && !same)
                print_excerpt(out, n->at, o);
        }
    }
    for (size_t i = 0; i < d->omitted.len; i++) {
        const struct diag_omitted *om = d->omitted.items[i];
        char count[32];
        count_text(count, sizeof count, om->count);
        if (om->src) {
            put_visible(out, om->src->path);
            fputs(": ", out);
        }
        fprintf(out, "... and %s more [%s] (--max-findings 0 lists them all)\n", count,
                rule_info(om->rule)->name);
    }
    if (d->errors || d->warnings) {
        fprintf(out, "%zu error%s, %zu warning%s", d->errors, d->errors == 1 ? "" : "s",
                d->warnings, d->warnings == 1 ? "" : "s");
        if (d->suppressed)
            fprintf(out, " (%zu suppressed)", d->suppressed);
        fputc('\n', out);
    }
}
