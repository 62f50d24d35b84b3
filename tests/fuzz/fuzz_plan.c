/* libFuzzer target: one input through the whole pipeline — parse, rules,
 * resolve, check, lint, suppression, progress, every report format, the
 * agenda, the DOT source of the map (no layout: that is Graphviz's code and
 * slow) and every diagnostics renderer — with imports not followed, so the
 * fuzzer never touches the file system. JSON outputs are parsed back with
 * jansson: output that is not JSON is a crash, as a sanitizer report is; and
 * the report's JSON, which okrc streams itself, must be the very bytes
 * jansson dumps for the parsed document. An input that parses is also
 * formatted (okrc fmt): the result must parse, format to itself, keep every
 * comment and give the very same report JSON as the input. */
#define _GNU_SOURCE
#include "emit/agenda.h"
#include "emit/diag_render.h"
#include "emit/emit.h"
#include "emit/fmt.h"
#include "emit/graph.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/parse.h"
#include "lib/plan.h"
#include "lib/source.h"
#include "../tools/jansson_layout.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Output nobody reads: written, then dropped, all in memory. */
static ssize_t discard(void *cookie, const char *buf, size_t n)
{
    (void)cookie;
    (void)buf;
    return (ssize_t)n;
}

static FILE *sink(void)
{
    static FILE *out;
    if (!out)
        out = fopencookie(NULL, "w", (cookie_io_functions_t){.write = discard});
    return out;
}

/* Aborts (a finding) unless text is one JSON document; with `layout`, also
 * unless it is exactly jansson's dump of that document in report's layout. */
static void require_json(const char *what, const char *text, size_t len, bool layout)
{
    json_error_t error;
    json_t *doc = json_loadb(text, len, JSON_REJECT_DUPLICATES, &error);
    if (!doc) {
        fprintf(stderr, "%s is not JSON: %s at line %d column %d\n", what, error.text,
                error.line, error.column);
        abort();
    }
    if (layout && !is_jansson_layout(doc, text, len)) {
        fprintf(stderr, "%s differs from jansson's dump of it\n", what);
        abort();
    }
    json_decref(doc);
}

/* Runs write into memory and checks that the result is JSON. */
#define CHECK_JSON(what, write, layout)                          \
    do {                                                         \
        char *buf = NULL;                                        \
        size_t len = 0;                                          \
        FILE *mem = open_memstream(&buf, &len);                  \
        if (mem) {                                               \
            FILE *out = mem;                                     \
            write;                                               \
            fclose(mem);                                         \
            require_json(what, buf, len, layout);                \
        }                                                        \
        free(buf);                                               \
    } while (0)

static void render_diagnostics(struct diag_ctx *diags)
{
    struct render_opts plain = {false}, colored = {true};
    diag_render_human(diags, sink(), &plain);
    diag_render_human(diags, sink(), &colored);
    diag_render_github(diags, sink());
    CHECK_JSON("check --format json", diag_render_json(diags, out), false);
    CHECK_JSON("check --format sarif", diag_render_sarif(diags, out), false);
}

/* The first owner of a key result, for the agenda. */
static const char *some_owner(const struct plan *plan)
{
    for (size_t i = 0; i < plan->objectives.len; i++) {
        const struct objective *o = plan->objectives.items[i];
        for (size_t k = 0; k < o->key_results.len; k++) {
            const struct key_result *kr = o->key_results.items[k];
            if (kr->owner.name.len)
                return kr->owner.name.ptr;
        }
    }
    return "nobody";
}

static void write_dot(struct plan *plan)
{
    bool *selected = calloc(plan->objectives.len + 1, sizeof *selected);
    if (!selected)
        return;
    for (size_t i = 0; i < plan->objectives.len; i++)
        selected[i] = true;
    struct graph_request req = {
        .plan = plan, .selected = selected, .krs = GRAPH_KRS_LISTED,
        .initiatives = true, .format = "dot", .layout = "dot",
    };
    char err[512];
    graph_write(&req, sink(), err, sizeof err);
    free(selected);
}

/* What report, agenda and graph write; they run only on plans without
 * errors, as the commands do. */
static void emit_everything(struct plan *plan)
{
    struct report report;
    report_build(&report, plan, &(struct report_filter){0});
    emit_text(&report, sink());
    emit_md(&report, sink());
    /* No alignment map: laying out a graph with a new GVC_t per input (the
     * command makes one per process) trips a use-after-free in Graphviz
     * 2.42's own text-size cache. The DOT that map is drawn from is written
     * below (write_dot), without a layout. */
    report.no_map = true;
    emit_html(&report, sink());
    report.no_map = false;
    emit_csv(&report, sink());
    report.color = true;
    report.ascii = true;
    emit_text(&report, sink());
    CHECK_JSON("report -f json", emit_json(&report, out), true);
    agenda_write(sink(), plan, some_owner(plan), NULL, NULL);
    write_dot(plan);
}

/* The as-of date from the input's bytes (FNV-1a): 2026 to 2028, so that
 * plans are seen before, during and after their periods. */
static okr_day as_of_for(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return date_from_ymd(2026 + (int)(h % 3), 1 + (int)(h / 3 % 12), 1 + (int)(h / 36 % 28));
}

/* The report JSON of a plan without errors, or NULL (free it). */
static char *report_json(const char *data, size_t size, okr_day as_of, size_t *len)
{
    struct arena arena = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &arena);
    plan_init(&plan, &arena, &diags);
    plan.as_of = as_of;
    plan_compile_memory(&plan, "fuzz.okr", data, size);
    char *buf = NULL;
    *len = 0;
    if (!diags.errors) {
        struct report report;
        report_build(&report, &plan, &(struct report_filter){0});
        FILE *out = open_memstream(&buf, len);
        if (out) {
            emit_json(&report, out);
            fclose(out);
        }
    }
    plan_free(&plan);
    arena_free(&arena);
    return buf;
}

static size_t count_comments(const struct source *src)
{
    size_t n = 0;
    for (const struct comment *c = src->comments; c; c = c->next)
        n++;
    return n;
}

/* A parsed source, or NULL when it has syntax errors. */
static struct source *parse_only(struct arena *a, struct diag_ctx *d, struct plan *p,
                                 const char *data, size_t size)
{
    diag_init(d, a);
    plan_init(p, a, d);
    struct source *src = source_from_memory(a, "fuzz.okr", data, size, 0);
    vec_push(a, &p->sources, src);
    parse_source(p, src);
    return d->errors ? NULL : src;
}

static void check_fmt(const uint8_t *data, size_t size, okr_day as_of)
{
    struct arena a1 = {0}, a2 = {0};
    struct diag_ctx d1, d2;
    struct plan p1, p2;
    struct source *src = parse_only(&a1, &d1, &p1, (const char *)data, size);
    if (src) {
        struct fmt_text once = fmt_source(&a1, src);
        struct source *again = parse_only(&a2, &d2, &p2, once.data ? once.data : "", once.len);
        if (!again) {
            fprintf(stderr, "okrc fmt's output does not parse\n");
            abort();
        }
        struct fmt_text twice = fmt_source(&a2, again);
        if (twice.len != once.len || (once.len && memcmp(twice.data, once.data, once.len) != 0)) {
            fprintf(stderr, "okrc fmt is not idempotent\n");
            abort();
        }
        if (count_comments(src) != count_comments(again)) {
            fprintf(stderr, "okrc fmt lost or added a comment\n");
            abort();
        }
        size_t n1, n2;
        char *r1 = report_json((const char *)data, size, as_of, &n1);
        char *r2 = report_json(once.data ? once.data : "", once.len, as_of, &n2);
        if ((r1 == NULL) != (r2 == NULL) || n1 != n2 || (r1 && memcmp(r1, r2, n1) != 0)) {
            fprintf(stderr, "the report of the formatted plan differs\n");
            abort();
        }
        free(r1);
        free(r2);
        plan_free(&p2);
    }
    plan_free(&p1);
    arena_free(&a1);
    arena_free(&a2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena arena = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &arena);
    plan_init(&plan, &arena, &diags);
    plan.as_of = as_of_for(data, size);
    plan_compile_memory(&plan, "fuzz.okr", (const char *)data, size);
    if (!diags.errors)
        emit_everything(&plan);
    render_diagnostics(&diags);
    fflush(sink());
    plan_free(&plan);
    arena_free(&arena);
    check_fmt(data, size, as_of_for(data, size));
    return 0;
}
