/* emit_json.c — `report -f json`: the stable shape of SPEC §5 plus the
 * fields documented in docs/report.md.
 *
 * A streaming writer instead of a jansson tree: building and dumping the tree
 * made `report` 2.6× slower than `check` on a 10,000-objective plan; writing
 * as we go keeps it within 2× and never holds the whole document. The layout
 * is jansson's JSON_INDENT(2), so tools see ordinary pretty-printed JSON. */
#include "emit.h"

#include <math.h>
#include <string.h>

struct json_writer {
    FILE *out;
    int depth;
    bool empty;             /* nothing written yet in the open object or array */
};

static void jw_break(struct json_writer *w)
{
    static const char spaces[] = "                                                                ";
    fputc('\n', w->out);
    for (size_t width = 2 * (size_t)w->depth; width; ) {
        size_t n = width < sizeof spaces - 1 ? width : sizeof spaces - 1;
        fwrite(spaces, 1, n, w->out);
        width -= n;
    }
}

/* Before any member or element: a comma after the previous one, a new line. */
static void jw_next(struct json_writer *w)
{
    if (!w->empty)
        fputc(',', w->out);
    w->empty = false;
    jw_break(w);
}

static void jw_open(struct json_writer *w, char c)
{
    fputc(c, w->out);
    w->depth++;
    w->empty = true;
}

static void jw_close(struct json_writer *w, char c)
{
    w->depth--;
    if (!w->empty)
        jw_break(w);
    fputc(c, w->out);
    w->empty = false;
}

/* The characters of a JSON string, without its quotes; plain runs are
 * written whole because a call per character dominated the profile. */
static void jw_escaped(struct json_writer *w, const char *s, size_t len)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        fwrite(s + run, 1, i - run, w->out);
        run = i + 1;
        switch (c) {
        case '"': fputs("\\\"", w->out); break;
        case '\\': fputs("\\\\", w->out); break;
        case '\n': fputs("\\n", w->out); break;
        case '\r': fputs("\\r", w->out); break;
        case '\t': fputs("\\t", w->out); break;
        case '\b': fputs("\\b", w->out); break;
        case '\f': fputs("\\f", w->out); break;
        default: fprintf(w->out, "\\u%04X", c);
        }
    }
    fwrite(s + run, 1, len - run, w->out);
}

static void jw_string(struct json_writer *w, const char *s, size_t len)
{
    fputc('"', w->out);
    jw_escaped(w, s, len);
    fputc('"', w->out);
}

static void jw_key(struct json_writer *w, const char *key)
{
    jw_next(w);
    fputc('"', w->out);
    fputs(key, w->out);
    fputs("\": ", w->out);
}

static void jw_null(struct json_writer *w)
{
    fputs("null", w->out);
}

static void jw_str(struct json_writer *w, str s)
{
    if (s.ptr)
        jw_string(w, s.ptr, s.len);
    else
        jw_null(w);
}

static void jw_text(struct json_writer *w, const char *s)
{
    jw_string(w, s, strlen(s));
}

static void jw_bool(struct json_writer *w, bool b)
{
    fputs(b ? "true" : "false", w->out);
}

/* Whole numbers print as integers, others with 15 significant digits. */
static void jw_number(struct json_writer *w, double v)
{
    if (fabs(v) < 9007199254740992.0 && v == floor(v)) {
        fprintf(w->out, "%.0f", v == 0 ? 0.0 : v);
        return;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "%.15g", v);
    fputs(buf, w->out);
}

/* Scores are rounded to four decimals and always print as reals: "0.0". */
static void jw_score(struct json_writer *w, double s)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%.15g", round(s * 10000) / 10000);
    fputs(buf, w->out);
    if (!strpbrk(buf, ".e"))
        fputs(".0", w->out);
}

static void jw_person(struct json_writer *w, ident who)
{
    if (!who.name.ptr) {
        jw_null(w);
        return;
    }
    fputs("\"@", w->out);
    jw_escaped(w, who.name.ptr, who.name.len);
    fputc('"', w->out);
}

static void jw_date(struct json_writer *w, okr_day day)
{
    char buf[11];
    date_format(day, buf);
    fprintf(w->out, "\"%s\"", buf);
}

static const char *metric_name(enum metric_kind m)
{
    static const char *const names[] = {"none", "range", "target", "keep-at-least",
                                        "keep-at-most", "milestone"};
    return names[m];
}

static const char *initiative_status_name(enum initiative_status s)
{
    static const char *const names[] = {"planned", "active", "done", "dropped"};
    return names[s];
}

static void forecast(struct json_writer *w, const struct progress *p)
{
    if (!p->has_forecast) {
        jw_null(w);
        return;
    }
    jw_open(w, '{');
    jw_key(w, "value"), jw_number(w, p->forecast);
    jw_key(w, "score"), jw_score(w, p->forecast_score);
    jw_key(w, "status"), jw_text(w, progress_status_name(p->forecast_status));
    jw_close(w, '}');
}

static void key_result(struct json_writer *w, const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    bool has_from = kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET;
    jw_open(w, '{');
    jw_key(w, "id"), jw_str(w, kr->id.name);
    jw_key(w, "title"), jw_str(w, kr->title);
    jw_key(w, "owner"), jw_person(w, kr->owner);
    jw_key(w, "unit"), jw_str(w, kr_unit(kr));
    jw_key(w, "metric"), jw_text(w, metric_name(kr->metric));
    jw_key(w, "from");
    has_from ? jw_number(w, kr->from.value) : jw_null(w);
    jw_key(w, "to");
    numeric ? jw_number(w, kr->to.value) : jw_null(w);
    jw_key(w, "current");
    if (!p->has_value)
        jw_null(w);
    else if (numeric)
        jw_number(w, p->value);
    else
        jw_bool(w, p->value >= 1);
    jw_key(w, "score"), jw_score(w, p->score);
    jw_key(w, "status"), jw_text(w, progress_status_name(p->status));
    jw_key(w, "confidence");
    p->confidence ? jw_number(w, p->confidence) : jw_null(w);
    jw_key(w, "grade"), jw_text(w, progress_grade_name(progress_grade(p->score)));
    jw_key(w, "expected"), jw_score(w, p->expected);
    jw_key(w, "weight"), jw_number(w, kr->weight.present ? kr->weight.value : 1);
    jw_key(w, "minimum");
    kr->minimum.present ? jw_number(w, kr->minimum.value) : jw_null(w);
    jw_key(w, "below_minimum"), jw_bool(w, p->below_minimum);
    jw_key(w, "due");
    kr->due.present ? jw_date(w, kr->due.value) : jw_null(w);
    jw_key(w, "checkins"), jw_number(w, (double)p->checkins_counted);
    jw_key(w, "last_checkin");
    p->checkins_counted ? jw_date(w, p->last_checkin) : jw_null(w);
    jw_key(w, "previous");
    p->has_previous ? jw_number(w, p->previous) : jw_null(w);
    jw_key(w, "change");
    p->has_previous ? jw_number(w, p->change) : jw_null(w);
    jw_key(w, "remaining"), jw_number(w, p->remaining);
    jw_key(w, "forecast"), forecast(w, p);
    jw_close(w, '}');
}

static void initiative(struct json_writer *w, const struct initiative *in)
{
    jw_open(w, '{');
    jw_key(w, "id"), jw_str(w, in->id.name);
    jw_key(w, "title"), jw_str(w, in->title);
    jw_key(w, "owner"), jw_person(w, in->owner);
    jw_key(w, "status"), jw_text(w, initiative_status_name(in->status));
    jw_key(w, "due");
    in->due.present ? jw_date(w, in->due.value) : jw_null(w);
    jw_key(w, "supports"), jw_open(w, '[');
    for (size_t i = 0; i < in->supported.len; i++) {
        jw_next(w);
        jw_str(w, ((struct key_result *)in->supported.items[i])->id.name);
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static void contributors(struct json_writer *w, const struct report *r, const struct objective *o)
{
    const struct vec *v = &r->contributors[o->seq];
    jw_open(w, '[');
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        jw_next(w);
        jw_open(w, '{');
        jw_key(w, "id"), jw_str(w, c->id.name);
        jw_key(w, "title"), jw_str(w, c->title);
        jw_key(w, "score"), jw_score(w, c->progress.score);
        jw_key(w, "status"), jw_text(w, progress_status_name(c->progress.status));
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void objective(struct json_writer *w, const struct report *r, const struct objective *o)
{
    const struct progress *p = &o->progress;
    jw_open(w, '{');
    jw_key(w, "id"), jw_str(w, o->id.name);
    jw_key(w, "title"), jw_str(w, o->title);
    jw_key(w, "owner"), jw_person(w, o->owner);
    jw_key(w, "team");
    o->team ? jw_str(w, o->team->id.name) : jw_null(w);
    jw_key(w, "period");
    if (o->period.present) {
        jw_open(w, '{');
        jw_key(w, "start"), jw_date(w, o->period.value.start);
        jw_key(w, "end"), jw_date(w, o->period.value.end);
        jw_close(w, '}');
    } else {
        jw_null(w);
    }
    jw_key(w, "kind"), jw_text(w, o->aspirational ? "aspirational" : "committed");
    jw_key(w, "score"), jw_score(w, p->score);
    jw_key(w, "expected"), jw_score(w, p->expected);
    jw_key(w, "status"), jw_text(w, progress_status_name(p->status));
    jw_key(w, "grade"), jw_text(w, progress_grade_name(progress_grade(p->score)));
    jw_key(w, "confidence");
    p->confidence ? jw_number(w, p->confidence) : jw_null(w);
    jw_key(w, "aligns"), jw_open(w, '[');
    for (size_t i = 0; i < o->aligned_to.len; i++) {
        jw_next(w);
        jw_str(w, ((struct objective *)o->aligned_to.items[i])->id.name);
    }
    jw_close(w, ']');
    jw_key(w, "contributors"), contributors(w, r, o);
    jw_key(w, "key_results"), jw_open(w, '[');
    for (size_t i = 0; i < o->key_results.len; i++) {
        jw_next(w);
        key_result(w, o->key_results.items[i]);
    }
    jw_close(w, ']');
    jw_key(w, "initiatives"), jw_open(w, '[');
    for (size_t i = 0; i < o->initiatives.len; i++) {
        jw_next(w);
        initiative(w, o->initiatives.items[i]);
    }
    jw_close(w, ']');
    jw_key(w, "risks"), jw_open(w, '[');
    for (size_t i = 0; i < o->risks.len; i++) {
        jw_next(w);
        jw_str(w, ((text_item *)o->risks.items[i])->text);
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

void emit_json(const struct report *r, FILE *out)
{
    struct json_writer w = {out, 0, true};
    jw_open(&w, '{');
    jw_key(&w, "as_of"), jw_date(&w, r->plan->as_of);
    jw_key(&w, "title"), jw_str(&w, report_title(r));
    jw_key(&w, "objectives"), jw_open(&w, '[');
    for (size_t i = 0; i < r->objectives.len; i++) {
        jw_next(&w);
        objective(&w, r, r->objectives.items[i]);
    }
    jw_close(&w, ']');
    jw_close(&w, '}');
    fputc('\n', out);
}
