/* emit_text.c — `report -f text`: objectives grouped by team, one line per
 * objective and key result with a bar; every line fits 80 columns. */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"
#include "lib/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_WIDTH (t->width)
#define BAR_WIDTH 10
#define STATUS_WIDTH 11         /* "not-started" */

struct text_out {
    FILE *out;
    bool color, ascii;
    struct arena *arena;    /* for the formatted values (emit.h) */
    size_t width;           /* columns of a line: 80, the terminal's, or COLUMNS */
    /* The line being built (line_open, line_put): one stream for every
     * line, rewound for the next; a stream opened and closed a line was
     * 16% of the report's instructions on 10,000 objectives. */
    FILE *line;
    char *line_text;
    size_t line_size;
};

/* Prints text in exactly `width` display columns (utf8_prefix counts a wide
 * character as two): cut with an ellipsis, or padded. */
static void field(const struct text_out *t, const char *s, size_t len, size_t width)
{
    if (!width)
        return;
    size_t cols;
    size_t n = utf8_prefix(s, len, width, &cols);
    bool cut = n < len;
    if (cut)
        n = utf8_prefix(s, len, width - 1, &cols);
    for (size_t i = 0; i < n;) {
        size_t plain = i;       /* a run of printable ASCII, most of any text: one write */
        while (plain < n && utf8_printable_ascii((unsigned char)s[plain]))
            plain++;
        if (plain > i) {
            fwrite(s + i, 1, plain - i, t->out);
            i = plain;
            continue;
        }
        size_t control = text_control_at(s + i, n - i);
        unsigned char c = (unsigned char)s[i];
        if (control) {
            fputc(' ', t->out);         /* one column, as the character was counted */
            i += control;
            continue;
        }
        if (t->ascii && c >= 0x80) {
            size_t k;           /* a '?' for each column the character takes */
            for (int w = utf8_char_width(utf8_decode(s + i, n - i, &k)); w > 0; w--)
                fputc('?', t->out);
            i += k;
            continue;
        }
        fputc(c, t->out);
        i++;
    }
    if (cut) {
        fputs(t->ascii ? "~" : "…", t->out);
        cols++;
    }
    static const char spaces[] = "                                ";
    for (size_t pad; cols < width; cols += pad) {
        pad = width - cols < sizeof spaces - 1 ? width - cols : sizeof spaces - 1;
        fwrite(spaces, 1, pad, t->out);
    }
}

static void line_end(const struct text_out *t, const char *s, size_t len, size_t used)
{
    size_t cols;
    utf8_prefix(s, len, LINE_WIDTH, &cols);
    field(t, s, len, cols < LINE_WIDTH - used ? cols : LINE_WIDTH - used);
    fputc('\n', t->out);
}

static const char *status_color(enum progress_status s)
{
    switch (s) {
    case PROGRESS_DONE:
    case PROGRESS_ACHIEVED:
    case PROGRESS_ON_TRACK: return "\033[32m";
    case PROGRESS_AT_RISK: return "\033[33m";
    case PROGRESS_OFF_TRACK:
    case PROGRESS_MISSED: return "\033[31m";
    default: return "\033[2m";
    }
}

static const char *grade_color(const struct progress *p)
{
    static const char *const colors[] = {"\033[31m", "\033[33m", "\033[32m", "\033[2m"};
    return colors[progress_color(p)];
}

/* The bar, the score and the status: 1 + 10 + 1 + 4 + 1 + 11 columns. */
static void gauge(const struct text_out *t, const struct progress *p, bool pad)
{
    int filled = (int)lround(p->score * BAR_WIDTH);
    fputc(' ', t->out);
    if (t->color)
        fputs(grade_color(p), t->out);
    for (int i = 0; i < BAR_WIDTH; i++)
        fputs(i < filled ? (t->ascii ? "#" : "█") : (t->ascii ? "." : "░"), t->out);
    if (t->color)
        fputs("\033[0m", t->out);
    fprintf(t->out, " %4.2f ", p->score);
    if (t->color)
        fputs(status_color(p->status), t->out);
    const char *name = progress_status_name(p->status);
    fputs(name, t->out);
    if (t->color)
        fputs("\033[0m", t->out);
    for (size_t i = strlen(name); pad && i < STATUS_WIDTH; i++)
        fputc(' ', t->out);
}

/* A line of any length, built with stdio: the text_out's memory stream
 * grows it, so that plan text (ids, owners, titles) never meets a
 * fixed-size buffer. Lines do not nest: each is put before the next opens. */
static FILE *line_open(const struct text_out *t)
{
    if (fseek(t->line, 0, SEEK_SET) != 0)
        out_of_memory();
    return t->line;
}

/* Writes the line (cut to the terminal's width by line_end). The stream's
 * text runs to its position, where this line ends: a longer line before
 * it may have left bytes beyond. */
static void line_put(const struct text_out *t, size_t indent)
{
    long len = fflush(t->line) == 0 ? ftell(t->line) : -1;
    if (len < 0)
        out_of_memory();
    if (len) {
        fprintf(t->out, "%*s", (int)indent, "");
        line_end(t, t->line_text, (size_t)len, indent);
    }
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* `lead`, a space and `text` word-wrapped to LINE_WIDTH, continuation
 * lines two columns in: a written reason is shown whole, where a line of numbers
 * would be cut. */
static void wrapped(const struct text_out *t, size_t indent, const char *lead, str text)
{
    size_t lead_len = strlen(lead), col = indent, hang = indent + 2;
    fprintf(t->out, "%*s", (int)indent, "");
    size_t lead_cols;
    utf8_prefix(lead, lead_len, LINE_WIDTH - indent, &lead_cols);
    field(t, lead, lead_len, lead_cols);
    col += lead_cols;
    bool first = !lead_len; /* the first word of a line: no space before it */
    for (size_t i = 0; i < text.len;) {
        while (i < text.len && is_blank(text.ptr[i]))
            i++;
        if (i >= text.len)
            break;
        size_t start = i;
        while (i < text.len && !is_blank(text.ptr[i]))
            i++;
        size_t w = utf8_width(text.ptr + start, i - start);
        if (col > hang && col + !first + w > LINE_WIDTH) {
            fprintf(t->out, "\n%*s", (int)hang, "");
            col = hang;
            first = true;
        }
        if (!first) {
            fputc(' ', t->out);
            col++;
        }
        size_t room = LINE_WIDTH - col;
        field(t, text.ptr + start, i - start, w < room ? w : room);
        col += w < room ? w : room;
        first = false;
    }
    fputc('\n', t->out);
}

/* Each check-in up to as-of: "2027-01-20 1.2M EUR, confidence 7, @joe: note". */
static void print_history(const struct report *r, const struct text_out *t,
                          const struct key_result *kr)
{
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(r->plan, e))
            continue;
        const struct checkin *checkin = entry_checkin(e);
        char date[11];
        date_format(checkin->date.value, date);
        const char *value = format_entry_value(t->arena, kr, e),
                   *by = format_names(t->arena, r->plan, *checkin_by(checkin),
                                      checkin_co_by(checkin));
        const char *lead = arena_printf(t->arena, "%s%s%s", date, *value ? " " : "", value);
        if (e->confidence_present)
            lead = arena_printf(t->arena, "%s, confidence %g", lead, entry_confidence_value(e));
        if (*by)
            lead = arena_printf(t->arena, "%s, %s", lead, by);
        if (entry_note(e)->present)
            lead = arena_printf(t->arena, "%s:", lead);
        wrapped(t, 6, lead, entry_note(e)->present ? entry_note(e)->text : (str){"", 0});
    }
}

/* The values of the last check-ins (at most 24) as a sparkline, low to high:
 * "▁▃▄▆█", or "_.-=#" with --ascii; "" with fewer than two. */
static const char *sparkline(const struct report *r, const struct text_out *t, const struct key_result *kr)
{
    enum { MAX_POINTS = 24 };
    double values[MAX_POINTS];
    size_t n = 0;
    for (size_t i = 0; i < kr->checkins.len; i++) {
        const struct checkin_entry *e = kr->checkins.items[i];
        if (!entry_reported(r->plan, e) || e->no_value || (!e->value_present && !e->done && !e->not_done))
            continue;
        if (n == MAX_POINTS) {
            memmove(values, values + 1, (MAX_POINTS - 1) * sizeof *values);
            n--;
        }
        values[n++] = e->done ? 1 : e->not_done ? 0 : e->value;
    }
    if (n < 2)
        return "";
    static const char *const blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static const char ascii[] = "_.,-=+*#";
    double lo = values[0], hi = values[0];
    for (size_t i = 1; i < n; i++) {
        lo = values[i] < lo ? values[i] : lo;
        hi = values[i] > hi ? values[i] : hi;
    }
    const char *s = "";
    for (size_t i = 0; i < n; i++) {
        int level = hi > lo ? (int)lround((values[i] - lo) / (hi - lo) * 7) : 3;
        s = t->ascii ? arena_printf(t->arena, "%s%c", s, ascii[level])
                     : arena_printf(t->arena, "%s%s", s, blocks[level]);
    }
    return s;
}

static void print_key_result(const struct report *r, const struct text_out *t,
                             const struct key_result *kr)
{
    const struct progress *p = kr->progress;
    fputs("    ", t->out);
    /* 4 + title + gauge (28) + " conf 7/10" (10) */
    field(t, kr->title.ptr, kr->title.len, LINE_WIDTH - 42);
    gauge(t, p, p->confidence != 0);
    if (p->confidence)
        fprintf(t->out, " conf %d/10", p->confidence);
    fputc('\n', t->out);

    struct arena *a = t->arena;
    const char *value = format_value(a, kr), *metric = format_metric(a, kr),
               *judged = format_judgment(a, p);
    const char *trend = sparkline(r, t, kr);
    fprintf(line_open(t), "%.*s: %s, %s%s%s%s%s", (int)kr->id.name.len, kr->id.name.ptr, value,
            metric, *judged ? ", " : "", judged, *trend ? ", trend " : "", trend);
    line_put(t, 6);

    FILE *f = line_open(t);
    bool more = false;
    if (p->has_previous) {
        fprintf(f, "change %s", format_change(a, kr));
        more = true;
    }
    if (p->remaining > 0 && kr->metric != METRIC_MILESTONE) {
        fprintf(f, "%sleft %s", more ? ", " : "", format_quantity(a, p->remaining, kr_unit(kr)));
        more = true;
    }
    if (p->has_forecast) {
        fprintf(f, "%sforecast %s (%s)", more ? ", " : "", format_quantity(a, p->forecast, kr_unit(kr)),
                progress_status_name(p->forecast_status));
    }
    line_put(t, 6);
    if (kr_more(kr)->note.present)
        wrapped(t, 6, "note:", kr_more(kr)->note.text);
    print_history(r, t, kr);
    const char *git = format_history(r, kr);
    if (git)
        wrapped(t, 6, "in git:", (str){git, strlen(git)});
}

/* "← id 0.50 on-track: title", one line per objective aligned to the item. */
static void print_contributors(const struct text_out *t, const struct vec *contributors,
                               size_t indent)
{
    for (size_t i = 0; i < contributors->len; i++) {
        const struct objective *c = contributors->items[i];
        fprintf(line_open(t), "%s %.*s %.2f %s: %.*s", t->ascii ? "<-" : "←",
                (int)c->id.name.len, c->id.name.ptr, c->progress->score,
                progress_status_name(c->progress->status), (int)c->title.len, c->title.ptr);
        line_put(t, indent);
    }
}

static void print_objective(const struct report *r, const struct text_out *t,
                            const struct objective *o)
{
    const struct objective_more *more = objective_more(o);
    const struct progress *p = o->progress;
    fputs("  ", t->out);
    /* 2 + title + gauge (28): the gauges of objectives and key results in one column */
    field(t, o->title.ptr, o->title.len, LINE_WIDTH - 40);
    gauge(t, p, false);
    fputc('\n', t->out);

    const char *period_text = format_period(t->arena, o, "no period");
    FILE *f = line_open(t);
    fprintf(f, "%.*s: %s, %s", (int)o->id.name.len, o->id.name.ptr, objective_kind(o), period_text);
    const char *judged = format_judgment(t->arena, p);
    fprintf(f, "%s%s, expected %.2f", *judged ? ", " : "", judged, p->expected);
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        const struct objective *up = o->aligned_to.items[i];
        const struct key_result *kr = o->aligned_krs.items[i];
        fprintf(f, "%s%.*s%s%.*s", i ? ", " : ", aligns to ", (int)up->id.name.len, up->id.name.ptr,
                kr ? "." : "", kr ? (int)kr->id.name.len : 0, kr ? kr->id.name.ptr : "");
    }
    if (o->owner.name.ptr)      /* last and set apart: names hold commas of their own */
        fprintf(f, "; owner %s", format_names(t->arena, r->plan, o->owner, &more->co_owners));
    line_put(t, 4);
    if (more->why.present)
        wrapped(t, 4, "why:", more->why.text);
    if (more->note.present)
        wrapped(t, 4, "note:", more->note.text);
    for (size_t i = 0; i < more->risks.len; i++)
        wrapped(t, 4, "risk:", ((const text_item *)more->risks.items[i])->text);

    print_contributors(t, &o->contributors, 4);
    for (size_t i = 0; i < o->key_results.len; i++) {
        const struct key_result *kr = o->key_results.items[i];
        print_key_result(r, t, kr);
        print_contributors(t, &kr_more(kr)->contributors, 6);
    }
    for (size_t i = 0; i < o->initiatives.len; i++) {
        const struct initiative *in = o->initiatives.items[i];
        const char *lead = arena_printf(t->arena, "initiative %.*s (%s", (int)in->id.name.len,
                                        in->id.name.ptr, initiative_status_name(in->status));
        const char *who = format_names(t->arena, r->plan, in->owner, &initiative_more(in)->co_owners);
        if (*who)
            lead = arena_printf(t->arena, "%s, %s", lead, who);
        for (size_t k = 0; k < in->n_supports; k++) {
            const ident *kr = &in->supports[k];
            lead = arena_printf(t->arena, "%s%s%.*s", lead, k ? ", " : ", supports ",
                                (int)kr->name.len, kr->name.ptr);
        }
        if (initiative_more(in)->due.present) {
            char due[11];
            date_format(initiative_more(in)->due.value, due);
            lead = arena_printf(t->arena, "%s, due %s", lead, due);
        }
        wrapped(t, 4, arena_printf(t->arena, "%s):", lead), in->title);
    }
}

static void print_team(const struct report *r, const struct text_out *t, const struct team *team,
                       const struct vec *objectives)
{
    if (!objectives->len)
        return;
    FILE *f = line_open(t);
    if (team)
        fprintf(f, "%.*s (%.*s)", (int)team->title.len, team->title.ptr ? team->title.ptr : "",
                (int)team->id.name.len, team->id.name.ptr);
    else
        fputs("No team", f);
    fputc('\n', t->out);
    line_put(t, 0);
    for (size_t i = 0; i < objectives->len; i++)
        print_objective(r, t, objectives->items[i]);
}

static const char *bands_text(struct arena *a, const size_t *bands)
{
    const char *s = "";
    for (int b = BAND_FAILED; b < BAND_COUNT; b++)
        s = arena_printf(a, "%s%s%zu %s", s, b ? ", " : "", bands[b], close_band_name((enum close_band)b));
    return s;
}

/* --close: how the period ended. */
static void print_close(const struct report *r, const struct text_out *t)
{
    const struct report_close *c = r->close;
    struct arena *a = t->arena;
    fprintf(t->out, "\nClose of %s\n", c->period_text);
    wrapped(t, 2, "objectives:", (str){bands_text(a, c->bands), strlen(bands_text(a, c->bands))});
    for (size_t i = 0; i < c->teams.len; i++) {
        const struct close_team *ct = c->teams.items[i];
        const char *text = bands_text(a, ct->bands);
        wrapped(t, 4, arena_printf(a, "%s:", ct->name), (str){text, strlen(text)});
    }
    fputs(c->missed.len ? "  Committed objectives missed (each a post-mortem):\n"
                        : "  Committed objectives missed: none\n", t->out);
    for (size_t i = 0; i < c->missed.len; i++) {
        const struct objective *o = c->missed.items[i];
        wrapped(t, 4, arena_printf(a, "%.*s %.2f", (int)o->id.name.len, o->id.name.ptr, o->progress->score),
                o->title);
        const struct vec *risks = &objective_more(o)->risks;
        for (size_t k = 0; k < risks->len; k++)
            wrapped(t, 6, "pre-mortem risk:", ((const text_item *)risks->items[k])->text);
    }
    fputs(c->never.len ? "  Key results never checked in:\n" : "  Key results never checked in: none\n", t->out);
    for (size_t i = 0; i < c->never.len; i++) {
        const struct key_result *kr = c->never.items[i];
        wrapped(t, 4, arena_printf(a, "%.*s.%.*s", (int)kr->objective->id.name.len, kr->objective->id.name.ptr,
                                   (int)kr->id.name.len, kr->id.name.ptr), kr->title);
    }
}

static void text_report(const struct report *r, const struct text_out *t)
{
    struct plan *plan = r->plan;
    FILE *out = t->out;
    char date[11];
    date_format(plan->as_of, date);
    str title = report_title(r);
    fprintf(line_open(t), "%.*s %s progress as of %s", (int)title.len, title.ptr,
            r->ascii ? "-" : "—", date);
    line_put(t, 0);
    if (!r->objectives.len) {
        fputs("No objectives match.\n", out);
        return;
    }
    /* One bucket per team in declaration order, the last for no team. */
    struct vec *by_team = arena_alloc(plan->arena, (plan->teams.len + 1) * sizeof *by_team);
    for (size_t i = 0; i < r->objectives.len; i++) {
        struct objective *o = r->objectives.items[i];
        vec_push(plan->arena, &by_team[o->team ? o->team->seq : plan->teams.len], o);
    }
    for (size_t i = 0; i < plan->teams.len; i++)
        print_team(r, t, plan->teams.items[i], &by_team[i]);
    print_team(r, t, NULL, &by_team[plan->teams.len]);
    /* the one attention list (emit.c) and the wins, as in every format */
    fputs(r->attention.len ? "\nNeeds attention\n" : "\nNeeds attention: nothing\n", out);
    for (size_t i = 0; i < r->attention.len; i++) {
        const struct attention *item = r->attention.items[i];
        const struct key_result *kr = item->kr;
        const char *text = arena_printf(t->arena, "%.*s —", (int)kr->title.len, kr->title.ptr);
        for (size_t k = 0; k < item->reasons.len; k++)
            text = arena_printf(t->arena, "%s%s%s", text, k ? "; " : " ", (const char *)item->reasons.items[k]);
        wrapped(t, 2, arena_printf(t->arena, "%.*s.%.*s", (int)kr->objective->id.name.len,
                                   kr->objective->id.name.ptr, (int)kr->id.name.len, kr->id.name.ptr),
                (str){text, strlen(text)});
    }
    fputs(r->wins.len ? "\nWins\n" : "\nWins: none yet\n", out);
    for (size_t i = 0; i < r->wins.len; i++) {
        const struct key_result *kr = r->wins.items[i];
        const char *value = format_value(t->arena, kr), *status = progress_status_name(kr->progress->status);
        const char *text = arena_printf(t->arena, "%.*s — %s%s%s", (int)kr->title.len, kr->title.ptr,
                                        value, strcmp(value, status) ? ", " : "",
                                        strcmp(value, status) ? status : "");
        wrapped(t, 2, arena_printf(t->arena, "%.*s.%.*s", (int)kr->objective->id.name.len,
                                   kr->objective->id.name.ptr, (int)kr->id.name.len, kr->id.name.ptr),
                (str){text, strlen(text)});
    }
    if (r->close)
        print_close(r, t);
    if (r->errors.len) {    /* the plan's rule findings: shown, not hidden */
        fprintf(out, "\nThe plan has %zu error%s (okrc check explains them):\n", (size_t)r->errors.len,
                r->errors.len == 1 ? "" : "s");
        for (size_t i = 0; i < r->errors.len; i++) {
            const struct report_error *e = r->errors.items[i];
            fprintf(line_open(t), "  %s:%d: %s [%s]", e->file, e->line, e->message, e->rule);
            line_put(t, 0);
        }
    }
}

void emit_text(const struct report *r, FILE *out)
{
    struct text_out t = {out, r->color, r->ascii, r->plan->arena,
                         r->width >= 60 ? (size_t)r->width : 80, NULL, NULL, 0};
    t.line = open_memstream(&t.line_text, &t.line_size);
    if (!t.line)
        out_of_memory();
    text_report(r, &t);
    fclose(t.line);
    free(t.line_text);
}
