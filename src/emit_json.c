/* emit_json.c — `report -f json`: the stable shape of SPEC §5 plus the
 * fields documented in docs/report.md.
 *
 * jansson builds and dumps one objective at a time: a tree of the whole plan
 * made `report` 2.6× slower than `check` on 10,000 objectives, and memory
 * stays bounded by the largest objective. jansson writes every byte, escape
 * and number; this file only cuts its frames apart (see "output" below).
 * The layout is JSON_INDENT(2) throughout. */
#include "emit.h"

#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* ---- jansson's memory: a bump allocator, emptied after each objective ----
 * A tree of an objective is a few hundred small blocks that all die
 * together; malloc and free of them were a fifth of `report -f json`.
 * jansson's hooks take no context, hence the one file-level variable. */

struct spill {
    struct spill *next;
    max_align_t data[];
};

static struct {
    char *block;
    size_t used, size;
    size_t spilled;         /* bytes that did not fit since the last reset */
    struct spill *spills;
} scratch;

#define SCRATCH_ALIGN sizeof(max_align_t)

static void *scratch_malloc(size_t n)
{
    n = (n + SCRATCH_ALIGN - 1) & ~(SCRATCH_ALIGN - 1);
    if (scratch.size - scratch.used >= n) {
        void *p = scratch.block + scratch.used;
        scratch.used += n;
        return p;
    }
    struct spill *s = malloc(sizeof *s + n);
    if (!s)
        return NULL;
    s->next = scratch.spills;
    scratch.spills = s;
    scratch.spilled += n;
    return s->data;
}

static void scratch_free(void *p)
{
    (void)p;                /* reclaimed by scratch_reset */
}

/* Forgets everything allocated; the block grows to hold what spilled. */
static void scratch_reset(void)
{
    while (scratch.spills) {
        struct spill *next = scratch.spills->next;
        free(scratch.spills);
        scratch.spills = next;
    }
    if (scratch.spilled) {
        size_t want = 2 * (scratch.used + scratch.spilled);
        char *grown = malloc(want);
        if (grown) {
            free(scratch.block);
            scratch.block = grown;
            scratch.size = want;
        }
    }
    scratch.used = scratch.spilled = 0;
}

/* ---- values: never NULL, so a failed conversion cannot drop a member ---- */

static json_t *or_null(json_t *v)
{
    return v ? v : json_null();
}

/* Invalid UTF-8 cannot get past the scanner; if it ever does, its
 * non-ASCII bytes become '?' rather than losing the whole string. */
static json_t *ascii_fallback(const char *s, size_t len)
{
    char *copy = malloc(len ? len : 1);
    if (!copy)
        return json_null();
    for (size_t i = 0; i < len; i++)
        copy[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
    json_t *v = json_stringn(copy, len);
    free(copy);
    return or_null(v);
}

static json_t *j_str(str s)
{
    if (!s.ptr)
        return json_null();
    json_t *v = json_stringn(s.ptr, s.len);
    return v ? v : ascii_fallback(s.ptr, s.len);
}

/* Our own ASCII names (statuses, kinds): nothing to validate. */
static json_t *j_name(const char *s)
{
    return or_null(json_string_nocheck(s));
}

/* Whole numbers print as integers, others as reals with 15 significant
 * digits; NaN and infinity (json_real refuses them) become null. */
static json_t *j_number(double v)
{
    if (fabs(v) < 9007199254740992.0 && v == floor(v))
        return or_null(json_integer((json_int_t)v));
    return or_null(json_real(v));
}

/* Scores are rounded to four decimals and always print as reals: "0.0". */
static json_t *j_score(double s)
{
    return or_null(json_real(round(s * 10000) / 10000));
}

static json_t *j_person(ident who)
{
    if (!who.name.ptr)
        return json_null();
    char small[128];
    char *buf = who.name.len < sizeof small ? small : malloc(who.name.len + 1);
    if (!buf)
        return json_null();
    buf[0] = '@';
    memcpy(buf + 1, who.name.ptr, who.name.len);
    json_t *v = j_str((str){buf, who.name.len + 1});
    if (buf != small)
        free(buf);
    return v;
}

static json_t *j_date(okr_day day)
{
    char buf[11];
    date_format(day, buf);
    return j_name(buf);
}

static json_t *j_number_if(bool present, double v)
{
    return present ? j_number(v) : json_null();
}

static json_t *j_date_if(bool present, okr_day day)
{
    return present ? j_date(day) : json_null();
}

/* Members with literal keys: no UTF-8 check of the key needed. */
static void set(json_t *obj, const char *key, json_t *value)
{
    json_object_set_new_nocheck(obj, key, value);
}

/* ---- the document ---- */

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

static json_t *forecast(const struct progress *p)
{
    if (!p->has_forecast)
        return json_null();
    json_t *f = json_object();
    set(f, "value", j_number(p->forecast));
    set(f, "score", j_score(p->forecast_score));
    set(f, "status", j_name(progress_status_name(p->forecast_status)));
    return f;
}

static json_t *current_value(const struct key_result *kr, bool numeric)
{
    const struct progress *p = &kr->progress;
    if (!p->has_value)
        return json_null();
    return numeric ? j_number(p->value) : json_boolean(p->value >= 1);
}

static json_t *key_result(const struct key_result *kr)
{
    const struct progress *p = &kr->progress;
    bool numeric = kr->metric != METRIC_MILESTONE && kr->metric != METRIC_NONE;
    bool has_from = kr->metric == METRIC_RANGE || kr->metric == METRIC_TARGET;
    json_t *k = json_object();
    set(k, "id", j_str(kr->id.name));
    set(k, "title", j_str(kr->title));
    set(k, "owner", j_person(kr->owner));
    set(k, "unit", j_str(kr_unit(kr)));
    set(k, "metric", j_name(metric_name(kr->metric)));
    set(k, "from", j_number_if(has_from, kr->from.value));
    set(k, "to", j_number_if(numeric, kr->to.value));
    set(k, "current", current_value(kr, numeric));
    set(k, "score", j_score(p->score));
    set(k, "status", j_name(progress_status_name(p->status)));
    set(k, "confidence", j_number_if(p->confidence != 0, p->confidence));
    set(k, "grade", j_name(progress_grade_name(progress_grade(p->score))));
    set(k, "expected", j_score(p->expected));
    set(k, "weight", j_number(kr->weight.present ? kr->weight.value : 1));
    set(k, "minimum", j_number_if(kr->minimum.present, kr->minimum.value));
    set(k, "below_minimum", json_boolean(p->below_minimum));
    set(k, "due", j_date_if(kr->due.present, kr->due.value));
    set(k, "checkins", j_number((double)p->checkins_counted));
    set(k, "last_checkin", j_date_if(p->checkins_counted != 0, p->last_checkin));
    set(k, "previous", j_number_if(p->has_previous, p->previous));
    set(k, "change", j_number_if(p->has_previous, p->change));
    set(k, "remaining", j_number(p->remaining));
    set(k, "forecast", forecast(p));
    return k;
}

static json_t *initiative(const struct initiative *in)
{
    json_t *i = json_object(), *supports = json_array();
    set(i, "id", j_str(in->id.name));
    set(i, "title", j_str(in->title));
    set(i, "owner", j_person(in->owner));
    set(i, "status", j_name(initiative_status_name(in->status)));
    set(i, "due", j_date_if(in->due.present, in->due.value));
    for (size_t k = 0; k < in->supported.len; k++)
        json_array_append_new(supports, j_str(((struct key_result *)in->supported.items[k])->id.name));
    set(i, "supports", supports);
    return i;
}

static json_t *contributors(const struct report *r, const struct objective *o)
{
    const struct vec *v = &r->contributors[o->seq];
    json_t *list = json_array();
    for (size_t i = 0; i < v->len; i++) {
        const struct objective *c = v->items[i];
        json_t *e = json_object();
        set(e, "id", j_str(c->id.name));
        set(e, "title", j_str(c->title));
        set(e, "score", j_score(c->progress.score));
        set(e, "status", j_name(progress_status_name(c->progress.status)));
        json_array_append_new(list, e);
    }
    return list;
}

static json_t *period_value(const struct objective *o)
{
    if (!o->period.present)
        return json_null();
    json_t *p = json_object();
    set(p, "start", j_date(o->period.value.start));
    set(p, "end", j_date(o->period.value.end));
    return p;
}

static json_t *aligns(const struct objective *o)
{
    json_t *list = json_array();
    for (size_t i = 0; i < o->aligned_to.len; i++)
        json_array_append_new(list, j_str(((struct objective *)o->aligned_to.items[i])->id.name));
    return list;
}

static json_t *objective(const struct report *r, const struct objective *o)
{
    const struct progress *p = &o->progress;
    json_t *j = json_object();
    json_t *krs = json_array(), *initiatives = json_array(), *risks = json_array();
    set(j, "id", j_str(o->id.name));
    set(j, "title", j_str(o->title));
    set(j, "owner", j_person(o->owner));
    set(j, "team", o->team ? j_str(o->team->id.name) : json_null());
    set(j, "period", period_value(o));
    set(j, "kind", j_name(objective_kind(o)));
    set(j, "score", j_score(p->score));
    set(j, "expected", j_score(p->expected));
    set(j, "status", j_name(progress_status_name(p->status)));
    set(j, "grade", j_name(progress_grade_name(progress_grade(p->score))));
    set(j, "confidence", j_number_if(p->confidence != 0, p->confidence));
    set(j, "aligns", aligns(o));
    set(j, "contributors", contributors(r, o));
    for (size_t i = 0; i < o->key_results.len; i++)
        json_array_append_new(krs, key_result(o->key_results.items[i]));
    set(j, "key_results", krs);
    for (size_t i = 0; i < o->initiatives.len; i++)
        json_array_append_new(initiatives, initiative(o->initiatives.items[i]));
    set(j, "initiatives", initiatives);
    for (size_t i = 0; i < o->risks.len; i++)
        json_array_append_new(risks, j_str(((text_item *)o->risks.items[i])->text));
    set(j, "risks", risks);
    return j;
}

/* ---- output ----
 * The document is {"as_of", "title", "objectives": [...]} and only the
 * objectives can be many. jansson dumps the frame once, with an empty list,
 * and then each objective alone inside a frame {"objectives": [o]}: that
 * puts it at its real depth, so jansson's indentation is the document's,
 * and the known text around it is cut off. One objective's tree is alive
 * at a time. */

#define ITEM_HEAD "{\n  \"objectives\": ["
#define ITEM_TAIL "\n  ]\n}"
#define LIST_TAIL "]\n}"

struct buffer {
    char *data;
    size_t len, cap;
};

/* Out of line so that the callers' common case stays a compare. */
static __attribute__((noinline)) bool buffer_grow(struct buffer *b, size_t n)
{
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < n)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown)
        return false;
    b->data = grown;
    b->cap = cap;
    return true;
}

static inline bool buffer_reserve(struct buffer *b, size_t n)
{
    return b->cap - b->len >= n || buffer_grow(b, n);
}

/* jansson's callback: called for every token, so it only copies. Writing
 * each token through stdio instead took more time than jansson itself. */
static int collect(const char *buffer, size_t size, void *data)
{
    struct buffer *b = data;
    if (!buffer_reserve(b, size))
        return -1;
    memcpy(b->data + b->len, buffer, size);
    b->len += size;
    return 0;
}

static bool has_affixes(const struct buffer *b, const char *head, const char *tail)
{
    size_t h = strlen(head), t = strlen(tail);
    return b->len >= h + t && memcmp(b->data, head, h) == 0 &&
           memcmp(b->data + b->len - t, tail, t) == 0;
}

/* Dumps and frees v, then writes its text without `head` and `tail`. */
static void write_cut(struct buffer *b, FILE *out, json_t *v, const char *head, const char *tail)
{
    b->len = 0;
    if (json_dump_callback(v, collect, b, DUMP_FLAGS) == 0 && has_affixes(b, head, tail))
        fwrite(b->data + strlen(head), 1, b->len - strlen(head) - strlen(tail), out);
    else
        fputs("null", out);     /* out of memory: the document stays well-formed */
    json_decref(v);
    scratch_reset();
}

/* The frame up to and including the objectives' '['. */
static void write_head(struct buffer *b, FILE *out, const struct report *r)
{
    json_t *frame = json_object();
    set(frame, "as_of", j_date(r->plan->as_of));
    set(frame, "title", j_str(report_title(r)));
    set(frame, "objectives", json_array());
    write_cut(b, out, frame, "", LIST_TAIL);
}

static void write_objective(struct buffer *b, FILE *out, const struct report *r,
                            const struct objective *o)
{
    json_t *frame = json_object(), *list = json_array();
    json_array_append_new(list, objective(r, o));
    set(frame, "objectives", list);
    write_cut(b, out, frame, ITEM_HEAD, ITEM_TAIL);
}

void emit_json(const struct report *r, FILE *out)
{
    struct buffer b = {0};
    json_malloc_t saved_malloc;
    json_free_t saved_free;
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    json_set_alloc_funcs(scratch_malloc, scratch_free);
    write_head(&b, out, r);
    for (size_t i = 0; i < r->objectives.len; i++) {
        if (i)
            fputc(',', out);
        write_objective(&b, out, r, r->objectives.items[i]);
    }
    fputs(r->objectives.len ? ITEM_TAIL "\n" : LIST_TAIL "\n", out);
    free(b.data);
    free(scratch.block);
    scratch.block = NULL;
    scratch.size = 0;
    json_set_alloc_funcs(saved_malloc, saved_free);
}
