/* emit_json.c — `report -f json`: the stable shape of SPEC §5 plus the
 * fields documented in docs/report.md. */
#include "emit.h"

#include <jansson.h>
#include <math.h>

static json_t *jstr(str s)
{
    return s.ptr ? json_stringn(s.ptr, s.len) : json_null();
}

static json_t *jperson(ident who)
{
    return who.name.ptr ? json_sprintf("@%.*s", (int)who.name.len, who.name.ptr) : json_null();
}

static json_t *jdate(okr_day day)
{
    char buf[11];
    date_format(day, buf);
    return json_string(buf);
}

/* Scores are rounded to four decimals: more is noise to a reader. */
static json_t *jscore(double s)
{
    return json_real(round(s * 10000) / 10000);
}

static json_t *jnumber(double v)
{
    if (fabs(v) < 9007199254740992.0 && v == floor(v))
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *jperiod(const struct objective *o)
{
    if (!o->period.present)
        return json_null();
    return json_pack("{s:o,s:o}", "start", jdate(o->period.value.start), "end",
                     jdate(o->period.value.end));
}

static const char *metric_name(enum metric_kind m)
{
    static const char *const names[] = {"none", "range", "target", "keep-at-least",
                                        "keep-at-most", "milestone"};
    return names[m];
}

static json_t *jforecast(const struct progress *p)
{
    if (!p->has_forecast)
        return json_null();
    return json_pack("{s:o,s:o,s:s}", "value", jnumber(p->forecast), "score",
                     jscore(p->forecast_score), "status", progress_status_name(p->forecast_status));
}

static json_t *jkey_result(const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    json_t *j = json_object();
    json_object_set_new(j, "id", jstr(kr->id.name));
    json_object_set_new(j, "title", jstr(kr->title));
    json_object_set_new(j, "owner", jperson(kr->owner));
    json_object_set_new(j, "unit", jstr(kr_unit(kr)));
    json_object_set_new(j, "metric", json_string(metric_name(kr->metric)));
    json_object_set_new(j, "from", kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET
                                       ? jnumber(kr->from.value) : json_null());
    json_object_set_new(j, "to", numeric ? jnumber(kr->to.value) : json_null());
    json_object_set_new(j, "current", !p->has_value ? json_null()
                                      : numeric     ? jnumber(p->value)
                                                    : json_boolean(p->value >= 1));
    json_object_set_new(j, "score", jscore(p->score));
    json_object_set_new(j, "status", json_string(progress_status_name(p->status)));
    json_object_set_new(j, "confidence", p->confidence ? json_integer(p->confidence) : json_null());
    json_object_set_new(j, "grade", json_string(progress_grade_name(progress_grade(p->score))));
    json_object_set_new(j, "expected", jscore(p->expected));
    json_object_set_new(j, "weight", jnumber(kr->weight.present ? kr->weight.value : 1));
    json_object_set_new(j, "minimum", kr->minimum.present ? jnumber(kr->minimum.value) : json_null());
    json_object_set_new(j, "below_minimum", json_boolean(p->below_minimum));
    json_object_set_new(j, "due", kr->due.present ? jdate(kr->due.value) : json_null());
    json_object_set_new(j, "checkins", json_integer((json_int_t)p->checkins_counted));
    json_object_set_new(j, "last_checkin", p->checkins_counted ? jdate(p->last_checkin) : json_null());
    json_object_set_new(j, "previous", p->has_previous ? jnumber(p->previous) : json_null());
    json_object_set_new(j, "change", p->has_previous ? jnumber(p->change) : json_null());
    json_object_set_new(j, "remaining", jnumber(p->remaining));
    json_object_set_new(j, "forecast", jforecast(p));
    return j;
}

static const char *initiative_status_name(enum initiative_status s)
{
    static const char *const names[] = {"planned", "active", "done", "dropped"};
    return names[s];
}

static json_t *jinitiative(const struct initiative *in)
{
    json_t *supports = json_array();
    for (size_t i = 0; i < in->supported.len; i++)
        json_array_append_new(supports, jstr(((struct key_result *)in->supported.items[i])->id.name));
    return json_pack("{s:o,s:o,s:o,s:s,s:o,s:o}", "id", jstr(in->id.name), "title", jstr(in->title),
                     "owner", jperson(in->owner), "status", initiative_status_name(in->status),
                     "due", in->due.present ? jdate(in->due.value) : json_null(), "supports",
                     supports);
}

static json_t *jcontributors(const struct report *r, const struct objective *o)
{
    json_t *list = json_array();
    const struct vec *v = &r->contributors[o->seq];
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        json_array_append_new(list, json_pack("{s:o,s:o,s:o,s:s}", "id", jstr(c->id.name), "title",
                                              jstr(c->title), "score", jscore(c->progress.score),
                                              "status", progress_status_name(c->progress.status)));
    }
    return list;
}

static json_t *jobjective(const struct report *r, const struct objective *o)
{
    const struct progress *p = &o->progress;
    json_t *j = json_object(), *aligns = json_array(), *krs = json_array(),
           *initiatives = json_array(), *risks = json_array();
    for (size_t i = 0; i < o->aligned_to.len; i++)
        json_array_append_new(aligns, jstr(((struct objective *)o->aligned_to.items[i])->id.name));
    for (size_t i = 0; i < o->key_results.len; i++)
        json_array_append_new(krs, jkey_result(o->key_results.items[i]));
    for (size_t i = 0; i < o->initiatives.len; i++)
        json_array_append_new(initiatives, jinitiative(o->initiatives.items[i]));
    for (size_t i = 0; i < o->risks.len; i++)
        json_array_append_new(risks, jstr(((text_item *)o->risks.items[i])->text));
    json_object_set_new(j, "id", jstr(o->id.name));
    json_object_set_new(j, "title", jstr(o->title));
    json_object_set_new(j, "owner", jperson(o->owner));
    json_object_set_new(j, "team", o->team ? jstr(o->team->id.name) : json_null());
    json_object_set_new(j, "period", jperiod(o));
    json_object_set_new(j, "kind", json_string(o->aspirational ? "aspirational" : "committed"));
    json_object_set_new(j, "score", jscore(p->score));
    json_object_set_new(j, "expected", jscore(p->expected));
    json_object_set_new(j, "status", json_string(progress_status_name(p->status)));
    json_object_set_new(j, "grade", json_string(progress_grade_name(progress_grade(p->score))));
    json_object_set_new(j, "confidence", p->confidence ? json_integer(p->confidence) : json_null());
    json_object_set_new(j, "aligns", aligns);
    json_object_set_new(j, "contributors", jcontributors(r, o));
    json_object_set_new(j, "key_results", krs);
    json_object_set_new(j, "initiatives", initiatives);
    json_object_set_new(j, "risks", risks);
    return j;
}

void emit_json(const struct report *r, FILE *out)
{
    json_t *objectives = json_array();
    for (size_t i = 0; i < r->objectives.len; i++)
        json_array_append_new(objectives, jobjective(r, r->objectives.items[i]));
    json_t *root = json_pack("{s:o,s:o,s:o}", "as_of", jdate(r->plan->as_of), "title",
                             jstr(report_title(r)), "objectives", objectives);
    json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
    fputc('\n', out);
    json_decref(root);
}
