/* libFuzzer target: one input through the whole pipeline — parse, rules,
 * resolve, check, lint, suppression, progress, every report format, the
 * agenda, the DOT source of the map (no layout: that is Graphviz's code and
 * slow) and every diagnostics renderer — with imports not followed, so the
 * fuzzer never touches the file system. JSON outputs are parsed back with
 * jansson: output that is not JSON is a crash, as a sanitizer report is; and
 * the report's JSON, which okrc streams itself, must be the very bytes
 * jansson dumps for the parsed document. */
#define _GNU_SOURCE
#include "emit/agenda.h"
#include "emit/diag_render.h"
#include "emit/emit.h"
#include "emit/graph.h"
#include "lib/arena.h"
#include "lib/date.h"
#include "lib/diag.h"
#include "lib/model.h"
#include "lib/plan.h"
#include "lib/progress.h"
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
    emit_html(&report, sink());
    emit_csv(&report, sink());
    report.color = true;
    report.ascii = true;
    emit_text(&report, sink());
    CHECK_JSON("report -f json", emit_json(&report, out), true);
    agenda_write(sink(), plan, some_owner(plan));
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct arena arena = {0};
    struct diag_ctx diags;
    struct plan plan;
    diag_init(&diags, &arena);
    plan_init(&plan, &arena, &diags);
    plan.as_of = as_of_for(data, size);
    plan_compile_memory(&plan, "fuzz.okr", (const char *)data, size);
    progress_compute(&plan);
    if (!diags.errors)
        emit_everything(&plan);
    render_diagnostics(&diags);
    fflush(sink());
    plan_free(&plan);
    arena_free(&arena);
    return 0;
}
