/* emit_csv.c — `report -f csv`: RFC 4180, a header row, one row per key result. */
#include "emit/emit.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/model.h"
#include "lib/progress.h"
#include "lib/text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a
 * formula: CSV injection. Such text gets a leading apostrophe (OWASP); so
 * does text that starts with one, so that readers can always drop it. */
static bool needs_formula_guard(const char *s, size_t len)
{
    return len && s[0] && strchr("=+-@\t\r'", s[0]);
}

/* Quotes a field when it holds a comma, a quote or a line break. */
static void csv_field(FILE *out, const char *s, size_t len, bool last)
{
    bool quote = false;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (quote)
        fputc('"', out);
    if (needs_formula_guard(s, len))
        fputc('\'', out);
    for (size_t i = 0; i < len; i++) {
        /* Line breaks and tabs stay (the field is quoted); other controls, which a
         * terminal showing the file would obey, become a space. */
        size_t control = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? 0 : text_control_at(s + i, len - i);
        if (control) {
            fputc(' ', out);
            i += control - 1;
            continue;
        }
        if (s[i] == '"')
            fputc('"', out);
        fputc(s[i], out);
    }
    if (quote)
        fputc('"', out);
    fputs(last ? "\r\n" : ",", out);
}

static void csv_str(FILE *out, str s)
{
    csv_field(out, s.ptr ? s.ptr : "", s.ptr ? s.len : 0, false);
}

static void csv_text(FILE *out, const char *s)
{
    csv_field(out, s, strlen(s), false);
}

static void csv_number(FILE *out, bool present, double v)
{
    if (present)
        fprintf(out, "%.15g", number_tidy(v));
    fputc(',', out);
}

/* Not guarded: after the '@' a person's id is letters, digits and _ . -, no formula. */
static void csv_person(FILE *out, ident who, const struct vec *co_owners)
{
    if (who.name.ptr)
        fprintf(out, "@%.*s", (int)who.name.len, who.name.ptr);
    for (size_t i = 0; i < co_owners->len; i++) {      /* co-owners: "@a @b" */
        const ident *co = co_owners->items[i];
        fprintf(out, " @%.*s", (int)co->name.len, co->name.ptr);
    }
    fputc(',', out);
}

static void csv_date(FILE *out, bool present, okr_day day)
{
    char buf[11];
    date_format(day, buf);
    csv_field(out, present ? buf : "", present ? 10 : 0, false);
}

/* The attention list ordered by key result, to find a row's reasons. */
static int by_kr(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)(*(const struct attention *const *)x)->kr,
              b = (uintptr_t)(*(const struct attention *const *)y)->kr;
    return a < b ? -1 : a > b;
}

static void csv_row(const struct report *r, struct vec attention, FILE *out,
                    const struct objective *o, const struct key_result *kr)
{
    const struct plan *plan = r->plan;
    struct arena *a = plan->arena;
    const struct progress *op = o->progress, *p = kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    bool has_from = kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET;
    const char *metric = format_metric(a, kr);
    csv_str(out, o->id.name);
    csv_str(out, o->title);
    csv_str(out, o->team ? o->team->id.name : (str){0});
    csv_text(out, objective_kind(o));
    fprintf(out, "%.4f,", op->score);
    csv_text(out, progress_status_name(op->status));
    csv_str(out, kr->id.name);
    csv_str(out, kr->title);
    csv_person(out, kr->owner, &kr_more(kr)->co_owners);
    csv_str(out, kr_unit(kr));
    csv_text(out, metric);
    csv_number(out, has_from && (!kr->from.unknown || p->bounds_known), p->from);
    csv_number(out, numeric && p->bounds_known, p->to);
    csv_number(out, p->has_value, p->value);
    fprintf(out, "%.4f,%.4f,", p->score, p->expected);
    csv_text(out, progress_status_name(p->status));
    csv_number(out, p->confidence != 0, p->confidence);
    csv_date(out, p->checkins_counted > 0, p->last_checkin);
    csv_number(out, p->has_previous, p->change);
    csv_number(out, true, p->remaining);
    csv_number(out, p->has_forecast, p->forecast);
    const char *fs = p->has_forecast ? progress_status_name(p->forecast_status) : "";
    csv_field(out, fs, strlen(fs), false);
    csv_number(out, p->graded, p->grade);
    fprintf(out, "%.4f,", p->computed_score);
    csv_field(out, p->done_late ? "true" : "false", p->done_late ? 4 : 5, false);
    /* the story: one row per key result, so its latest check-in's who and why */
    const struct checkin_entry *last = NULL;
    for (size_t i = 0; i < kr->checkins.len; i++)
        if (entry_reported(plan, kr->checkins.items[i]))
            last = kr->checkins.items[i];
    csv_str(out, o->team ? team_name(o->team) : (str){0});
    csv_str(out, objective_more(o)->why.present ? objective_more(o)->why.text : (str){0});
    csv_str(out, kr_more(kr)->note.present ? kr_more(kr)->note.text : (str){0});
    if (last) {
        const struct checkin *checkin = entry_checkin(last);
        csv_person(out, *checkin_by(checkin), checkin_co_by(checkin));
    } else {
        fputc(',', out);
    }
    str note = last && entry_note(last)->present ? entry_note(last)->text : (str){0};
    csv_field(out, note.ptr ? note.ptr : "", note.ptr ? note.len : 0, false);
    const char *reasons = "";     /* the attention list's reasons, if it is on it */
    const struct attention key = {.kr = kr}, *probe = &key;
    const struct attention *const *found =
        attention.len ? bsearch(&probe, attention.items, attention.len, sizeof *attention.items, by_kr) : NULL;
    for (size_t k = 0; found && k < (*found)->reasons.len; k++)
        reasons = arena_printf(a, "%s%s%s", reasons, k ? "; " : "", (const char *)(*found)->reasons.items[k]);
    csv_field(out, reasons, strlen(reasons), false);
    const char *names = format_names(a, plan, kr->owner, &kr_more(kr)->co_owners);
    csv_field(out, names, strlen(names), !r->close);
    if (r->close) {         /* --close: the objective's band, and whether anyone checked in */
        const char *band = close_band_name(close_band_of(op->score));
        csv_field(out, band, strlen(band), false);
        bool never = !p->checkins_counted && !p->dropped && kr->metric != METRIC_ROLLUP;
        csv_field(out, never ? "true" : "false", never ? 4 : 5, true);
    }
}

void emit_csv(const struct report *r, FILE *out)
{
    fputs("objective,objective_title,team,kind,objective_score,objective_status,"
          "key_result,title,owner,unit,metric,from,to,current,score,expected,status,"
          "confidence,last_checkin,change,remaining,forecast,forecast_status,grade,computed_score,"
          "done_late,team_name,why,note,last_checkin_by,last_note,attention,owner_names", out);
    fputs(r->close ? ",objective_band,never_checked_in\r\n" : "\r\n", out);
    struct vec attention = {0};
    for (size_t i = 0; i < r->attention.len; i++)
        vec_push(r->plan->arena, &attention, r->attention.items[i]);
    if (attention.len)
        qsort(attention.items, attention.len, sizeof *attention.items, by_kr);
    for (size_t i = 0; i < r->objectives.len; i++) {
        const struct objective *o = r->objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++)
            csv_row(r, attention, out, o, o->key_results.items[k]);
    }
}
