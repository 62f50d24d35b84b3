/* diag_json.c — `check --format json`: the shape of SPEC §5, via jansson. */
#include "emit/diag_render.h"
#include "emit/json_stream.h"
#include "lib/diag.h"
#include "lib/rules.h"
#include "lib/source.h"
#include "lib/text.h"

#include <jansson.h>

/* A file name is bytes; JSON holds UTF-8 text (U+FFFD for the rest). */
static void set_position(struct arena *a, json_t *o, span at)
{
    const struct source *src = at.src;
    struct position p = src ? source_position(src, at.start) : (struct position){0, 0};
    struct position e = src ? source_position(src, at.end) : (struct position){0, 0};
    json_object_set_new(o, "file", json_string(src ? text_valid_utf8(a, src->path) : ""));
    json_object_set_new(o, "line", json_integer(p.line));
    json_object_set_new(o, "column", json_integer(p.column));
    json_object_set_new(o, "end_line", json_integer(e.line));
    json_object_set_new(o, "end_column", json_integer(e.column));
}

static json_t *finding(size_t i, void *ctx)
{
    const struct diag_ctx *d = ctx;
    const struct diag *g = d->list.items[i];
    json_t *o = json_object();
    set_position(d->arena, o, g->at);
    json_object_set_new(o, "severity", json_string(severity_name(g->severity)));
    json_object_set_new(o, "rule", json_string(rule_info(g->rule)->name));
    json_object_set_new(o, "message", json_string(g->message));
    if (g->notes) {
        json_t *notes = json_array();
        for (const struct diag_note *n = g->notes; n; n = n->next) {
            json_t *no = json_object();
            set_position(d->arena, no, n->at);
            json_object_set_new(no, "message", json_string(n->message));
            json_array_append_new(notes, no);
        }
        json_object_set_new(o, "notes", notes);
    }
    return o;
}

/* The findings one at a time (json_stream.h): 100,000 of them must not
 * hold a document of a gigabyte. */
int diag_render_json(struct diag_ctx *d, FILE *out)
{
    json_t *root = json_object();
    json_object_set_new(root, "diagnostics", json_array());
    json_object_set_new(root, "errors", json_integer((json_int_t)d->errors));
    json_object_set_new(root, "warnings", json_integer((json_int_t)d->warnings));
    json_object_set_new(root, "infos", json_integer((json_int_t)d->infos));
    json_object_set_new(root, "suppressed", json_integer((json_int_t)d->suppressed));
    return json_stream(out, root, "diagnostics", d->list.len, finding, d);
}
