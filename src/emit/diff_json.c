/* diff_json.c — `okrc diff -f json`: the summary counts and every change,
 * built by jansson, the changes streamed one at a time (json_stream.h). */
#include "emit/json_stream.h"
#include "emit/plandiff.h"
#include "lib/progress.h"

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

struct items {
    const struct plan_diff *d;
};

static json_t *change(size_t i, void *ctx)
{
    const struct plan_change *c = ((struct items *)ctx)->d->changes.items[i];
    json_t *o = json_object();
    json_object_set_new(o, "item", json_string(change_item_name(c->item)));
    json_object_set_new(o, "kind", json_string(change_kind_name(c->kind)));
    json_object_set_new(o, "id", json_string(c->id));
    json_object_set_new(o, "title", json_string(c->title));
    json_object_set_new(o, "field", str_or_null(c->field));
    json_object_set_new(o, "before", str_or_null(c->before));
    json_object_set_new(o, "after", str_or_null(c->after));
    json_object_set_new(o, "goalpost", str_or_null(c->goalpost));
    if (c->item == ITEM_CHECKIN || c->item == ITEM_GRADE) {
        char day[11];
        date_format(c->date, day);
        json_object_set_new(o, "date", json_string(day));
    } else {
        json_object_set_new(o, "date", json_null());
    }
    if (c->moved)
        json_object_set_new(o, "moved",
                            json_pack("{s:f, s:f, s:s, s:s}", "score_before", c->score_before,
                                      "score_after", c->score_after, "status_before",
                                      progress_status_name(c->status_before), "status_after",
                                      progress_status_name(c->status_after)));
    else
        json_object_set_new(o, "moved", json_null());
    return o;
}

bool diff_emit_json(const struct plan_diff *d, struct arena *a, FILE *out, okr_day as_of)
{
    char day[11];
    date_format(as_of, day);
    json_t *root = json_object();
    json_object_set_new(root, "as_of", json_string(day));
    json_object_set_new(root, "summary", json_string(plan_diff_summary(a, d)));
    json_object_set_new(root, "goalposts", json_integer((json_int_t)d->goalposts));
    json_t *counts = json_object();
    for (int kind = CHANGE_ADDED; kind <= CHANGE_CHANGED; kind++) {
        json_int_t n = 0;
        for (int item = ITEM_OBJECTIVE; item <= ITEM_GRADE; item++)
            n += (json_int_t)d->counts[item][kind];
        json_object_set_new(counts, change_kind_name((enum change_kind)kind), json_integer(n));
    }
    json_object_set_new(root, "counts", counts);
    json_object_set_new(root, "changes", json_array());
    struct items ctx = {d};
    return json_stream(out, root, "changes", d->changes.len, change, &ctx) == 0;
}
